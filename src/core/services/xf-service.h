/* xf-service.h — service records: catalogue items, offers, requests, feedback,
 *                apprenticeships, activities and engagement events
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Plain data, as XfServices reads and writes them (no SQL here). Every
 * string is owned by its struct; the _free functions take NULL. Labels are
 * translated; codes ("open", "on-site"…) are what is stored and exported.
 */

/* ── Catalogue ───────────────────────────────────────────────────────── */

#define XF_SERVICE_GROUP_LIFECYCLE          "lifecycle"
#define XF_SERVICE_GROUP_COMMON_PROSPERITY  "common-prosperity"   /* 助力共富 */

#define XF_RESPONSE_HOURS "hours"   /* working hours (08:30–12:00, 13:30–17:30 on working days) */
#define XF_RESPONSE_DAYS  "days"    /* working days */

typedef struct
{
  gint64  id;               /* 0 for a new item */
  char   *code;             /* "cp-epidemic-prevention"…; fixed once created */
  char   *group;            /* XF_SERVICE_GROUP_* */
  char   *stage;            /* lifecycle items: "cultivate" … "deploy"; NULL for common prosperity */
  char   *name_en;
  char   *name_zh;
  char   *description;
  char   *keywords;         /* space-separated, matched against pioneers' skills */
  char   *industries;       /* space-separated industry section codes */
  char   *response_unit;    /* XF_RESPONSE_* */
  int     response_amount;
  gboolean active;
  int     position;
  gint64  version;
} XfServiceItem;

XfServiceItem *xf_service_item_new  (void);
void           xf_service_item_free (XfServiceItem *item);
XfServiceItem *xf_service_item_copy (const XfServiceItem *item);
/* name_zh when the messages are Chinese, else name_en. */
const char    *xf_service_item_get_name (const XfServiceItem *item);
const char    *xf_service_group_label   (const char *group);            /* translated */
/* "Within 4 working hours" / "Within 2 working days", translated. */
char          *xf_service_item_format_response (const XfServiceItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfServiceItem, xf_service_item_free)

/* ── Offers (可服务事项) ─────────────────────────────────────────────── */

#define XF_SERVICE_MODE_ON_SITE "on-site"
#define XF_SERVICE_MODE_REMOTE  "remote"
#define XF_SERVICE_MODE_BOTH    "both"

typedef struct
{
  gint64   id;                 /* 0 for a new offer */
  char    *uid;
  gint64   pioneer_id;
  char    *pioneer_uid;        /* filled when read */
  char    *pioneer_name;       /* filled when read */
  char    *item_code;
  char    *item_name;          /* filled when read, in the UI's language */
  char    *description;
  char    *regions;            /* space-separated region codes; "" = the pioneer's own region */
  char    *mode;               /* XF_SERVICE_MODE_* */
  int      capacity_per_month; /* requests of THIS item a month (the load below counts against it) */
  gboolean available;
  char    *available_until;    /* NULL: open-ended */
  int      load_this_month;    /* requests of this item the pioneer claimed this calendar month,
                                * not cancelled (filled when read) */
  gint64   version;
} XfServiceOffer;

XfServiceOffer *xf_service_offer_new  (void);
void            xf_service_offer_free (XfServiceOffer *offer);
XfServiceOffer *xf_service_offer_copy (const XfServiceOffer *offer);
const char     *xf_service_mode_label (const char *mode);               /* translated */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfServiceOffer, xf_service_offer_free)

/* ── Requests (点单) and claims (抢单) ───────────────────────────────── */

#define XF_REQUEST_OPEN         "open"          /* waiting for a claim */
#define XF_REQUEST_BOOKED       "booked"        /* waiting for the chosen pioneer to accept */
#define XF_REQUEST_CLAIMED      "claimed"
#define XF_REQUEST_IN_PROGRESS  "in-progress"
#define XF_REQUEST_DONE         "done"
#define XF_REQUEST_CANCELLED    "cancelled"
#define XF_REQUEST_EXPIRED      "expired"       /* needed_by passed while nobody had it */

#define XF_REQUEST_CHANNEL_DESK   "desk"
#define XF_REQUEST_CHANNEL_IMPORT "import"
#define XF_REQUEST_CHANNEL_PORTAL "portal"

#define XF_CLAIM_KIND_CLAIM      "claim"        /* 抢单: the first valid claim */
#define XF_CLAIM_KIND_BOOKING    "booking"      /* an accepted booking */
#define XF_CLAIM_KIND_ASSIGNMENT "assignment"   /* the dispatcher assigned it */

/* An unclaimed request is "due soon" this long before its response time
 * ends, so that a late item is visible before it is late. */
#define XF_REQUEST_DUE_SOON_MINUTES 120

const char *xf_request_status_label (const char *status);               /* translated */
/* Whether nobody has the request yet (open or booked). */
gboolean    xf_request_status_is_unclaimed (const char *status);
/* Whether the request is finished (done, cancelled, expired). */
gboolean    xf_request_status_is_final (const char *status);

/* One line of a request's timeline. kind: created, booked, claimed,
 * claim-lost, accepted, declined, assigned, started, done, cancelled,
 * expired, rated, complaint, follow-up-closed. */
typedef struct
{
  gint64  id;
  gint64  at;              /* UTC µs */
  char   *kind;
  char   *actor;           /* who recorded it (display name) */
  gint64  pioneer_id;      /* 0 when not about a pioneer */
  char   *pioneer_name;    /* "" when none */
  char   *detail;
} XfServiceEvent;

void        xf_service_event_free  (XfServiceEvent *event);
/* "Claimed by 王建国", "Cancelled: duplicate request"… translated. */
char       *xf_service_event_describe (const XfServiceEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfServiceEvent, xf_service_event_free)

#define XF_FOLLOW_UP_OPEN   "open"
#define XF_FOLLOW_UP_CLOSED "closed"

/* Feedback (点赞/评价), once per done request. */
typedef struct
{
  int      rating;            /* 1–5; 0 = not rated */
  gboolean liked;             /* 点赞 */
  char    *comment;
  char    *complaint;         /* NULL or "": none; else opens a follow-up */
  char    *follow_up_status;  /* NULL, XF_FOLLOW_UP_OPEN or XF_FOLLOW_UP_CLOSED */
  char    *follow_up_note;
  gint64   created_at;
  char    *created_by;
} XfServiceFeedback;

XfServiceFeedback *xf_service_feedback_new  (void);
void               xf_service_feedback_free (XfServiceFeedback *feedback);
XfServiceFeedback *xf_service_feedback_copy (const XfServiceFeedback *feedback);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfServiceFeedback, xf_service_feedback_free)

typedef struct
{
  gint64   id;                   /* 0 for a new request */
  char    *uid;
  char    *code;                 /* short public code, e.g. "K7Q2-M9XD" */
  char    *source_id;            /* NULL unless imported */
  char    *channel;              /* XF_REQUEST_CHANNEL_* */
  char    *requester_name;
  char    *requester_contact;    /* masked ("138••••5678") unless the actor may see it */
  gboolean contact_masked;
  char    *item_code;
  char    *item_name;            /* filled when read */
  char    *region_code;          /* GB/T 2260 */
  char    *region_name;          /* filled when read */
  char    *place;
  char    *needed_by;            /* YYYY-MM-DD or NULL */
  char    *preferred_time;
  char    *description;
  gint64   booked_pioneer_id;    /* 0: not a booking */
  char    *booked_pioneer_name;  /* filled when read */
  char    *status;               /* XF_REQUEST_* */
  gint64   claimed_by;           /* pioneer id, 0 when nobody */
  char    *claimed_by_name;      /* filled when read */
  char    *claimed_by_uid;
  gint64   claimed_at;
  char    *claim_kind;           /* XF_CLAIM_KIND_* or NULL */
  gint64   response_due_at;      /* UTC µs: flagged when still unclaimed after this */
  gboolean overdue;              /* unclaimed and past response_due_at (filled when read) */
  gboolean due_soon;             /* unclaimed, and the response time ends within XF_REQUEST_DUE_SOON_MINUTES (filled when read) */
  gint64   started_at;
  gint64   done_at;
  char    *done_note;
  char    *cancel_reason;
  char    *created_by;
  gint64   created_at;
  gint64   updated_at;
  gint64   version;
  char    *booked_pioneer_uid;   /* filled when read; NULL when not a booking */
  /* Filled by xf_services_get_request only: */
  GPtrArray         *events;     /* (element-type XfServiceEvent) oldest first */
  XfServiceFeedback *feedback;   /* NULL until rated */
} XfServiceRequest;

XfServiceRequest *xf_service_request_new  (void);   /* channel desk, status open, events empty */
void              xf_service_request_free (XfServiceRequest *request);
XfServiceRequest *xf_service_request_copy (const XfServiceRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfServiceRequest, xf_service_request_free)

/* ── Dispatch suggestions ────────────────────────────────────────────── */

/*
 * How well a pioneer suits a request, each part in 0..1; score is the
 * weighted sum (see xf_service_match_score), in 0..1.
 */
typedef struct
{
  gint64  pioneer_id;
  char   *pioneer_uid;
  char   *pioneer_name;
  char   *tier;
  double  skills;     /* has an available offer of the item (0.6) + skills mention its keywords (0.4) */
  double  industry;   /* the pioneer's industry is one the item suits */
  double  region;     /* same township 1, county 0.75, city 0.5, province 0.25, else 0 (remote offers 0.5 at least) */
  double  load;       /* 1 − the offer's load this month / its capacity (0 at or over
                       * capacity): requests of the item only, as load_this_month */
  double  rating;     /* mean rating / 5 over the last 12 months; 0.6 when never rated */
  double  score;
} XfServiceMatch;

#define XF_MATCH_WEIGHT_SKILLS   0.35
#define XF_MATCH_WEIGHT_INDUSTRY 0.15
#define XF_MATCH_WEIGHT_REGION   0.25
#define XF_MATCH_WEIGHT_LOAD     0.15
#define XF_MATCH_WEIGHT_RATING   0.10

void   xf_service_match_free  (XfServiceMatch *match);
/* The weighted sum of the five parts (also stores it in match->score). */
double xf_service_match_score (XfServiceMatch *match);
/* The region part for a pioneer serving @served (a region code) and a
 * request in @wanted: the length of the common prefix on the GB/T 2260
 * levels (2 province, 4 city, 6 county, 9 township). */
double xf_service_match_region (const char *served,
                                const char *wanted);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfServiceMatch, xf_service_match_free)

/* ── Apprenticeships (我要拜师 → 师带徒) ─────────────────────────────── */

#define XF_APPRENTICESHIP_REQUESTED "requested"
#define XF_APPRENTICESHIP_ACCEPTED  "accepted"
#define XF_APPRENTICESHIP_DECLINED  "declined"
#define XF_APPRENTICESHIP_COMPLETED "completed"
#define XF_APPRENTICESHIP_CANCELLED "cancelled"

const char *xf_apprenticeship_status_label (const char *status);        /* translated */

typedef struct
{
  gint64  id;
  char   *on_date;
  char   *note;
  char   *recorded_by;
} XfCheckIn;

void xf_check_in_free (XfCheckIn *check_in);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCheckIn, xf_check_in_free)

typedef struct
{
  gint64     id;                       /* 0 for a new request */
  char      *uid;
  gint64     pioneer_id;               /* the master */
  char      *pioneer_name;             /* filled when read */
  char      *apprentice_name;
  char      *apprentice_contact;       /* masked unless the actor may see it */
  gboolean   contact_masked;
  char      *apprentice_employer;
  gint64     apprentice_pioneer_id;    /* 0: no file */
  char      *goal;
  char      *status;                   /* XF_APPRENTICESHIP_* */
  char      *plan;
  char      *decline_reason;
  char      *requested_on;
  char      *decided_on;
  char      *ends_on;
  char      *completed_on;
  char      *completion_note;
  gint64     version;
  GPtrArray *check_ins;                /* (element-type XfCheckIn) by date; empty in lists */
} XfApprenticeship;

XfApprenticeship *xf_apprenticeship_new  (void);
void              xf_apprenticeship_free (XfApprenticeship *apprenticeship);
XfApprenticeship *xf_apprenticeship_copy (const XfApprenticeship *apprenticeship);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfApprenticeship, xf_apprenticeship_free)

/* ── Activities (政策宣讲, 技能活动) ────────────────────────────────── */

#define XF_ACTIVITY_LECTURE "lecture"   /* 政策宣讲 */
#define XF_ACTIVITY_SKILL   "skill"     /* 技能活动 */

#define XF_ACTIVITY_PLANNED   "planned"
#define XF_ACTIVITY_HELD      "held"
#define XF_ACTIVITY_CANCELLED "cancelled"

const char *xf_activity_kind_label   (const char *kind);                /* translated */
const char *xf_activity_status_label (const char *status);              /* translated */

typedef struct
{
  gint64   id;
  char    *name;
  char    *contact;          /* masked unless the actor may see it */
  gint64   pioneer_id;       /* 0: a member of the public */
  int      attended;         /* -1 not taken yet, 0 absent, 1 attended */
} XfParticipant;

void xf_participant_free (XfParticipant *participant);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfParticipant, xf_participant_free)

typedef struct
{
  gint64     id;                /* 0 for a new activity */
  char      *uid;
  gint64     pioneer_id;        /* the initiator */
  char      *pioneer_name;      /* filled when read */
  char      *kind;              /* XF_ACTIVITY_LECTURE | XF_ACTIVITY_SKILL */
  char      *title;
  char      *item_code;         /* NULL or a catalogue item */
  char      *held_on;           /* YYYY-MM-DD */
  char      *start_time;        /* "HH:MM" or "" */
  char      *place;
  char      *region_code;
  int        capacity;          /* 0: no limit */
  char      *description;
  char      *status;            /* XF_ACTIVITY_* */
  char      *cancel_reason;
  guint      n_participants;    /* filled when read */
  guint      n_attended;
  gint64     version;
  GPtrArray *participants;      /* (element-type XfParticipant); empty in lists */
} XfActivity;

XfActivity *xf_activity_new  (void);
void        xf_activity_free (XfActivity *activity);
XfActivity *xf_activity_copy (const XfActivity *activity);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfActivity, xf_activity_free)

/* ── Engagement events (for the pioneer index, issue 8) ──────────────── */

#define XF_ENGAGEMENT_SOURCE_APP    "app"
#define XF_ENGAGEMENT_SOURCE_IMPORT "import"
#define XF_ENGAGEMENT_SOURCE_PORTAL "portal"

/* The kinds the name card and the portal record (xf-ranking.h). */
#define XF_ENGAGEMENT_CARD_VIEWED          "card-viewed"
#define XF_ENGAGEMENT_CARD_LIKED           "card-liked"
#define XF_ENGAGEMENT_CARD_SHARED          "card-shared"
#define XF_ENGAGEMENT_RECOMMENDED          "recommended"           /* by an organisation or a colleague */
/* The kinds the services record. */
#define XF_ENGAGEMENT_SERVICE_CLAIMED      "service-claimed"       /* claimed, accepted booking or assigned */
#define XF_ENGAGEMENT_SERVICE_DONE         "service-done"
#define XF_ENGAGEMENT_SERVICE_RATED        "service-rated"         /* value: the rating */
#define XF_ENGAGEMENT_SERVICE_LIKED        "service-liked"
#define XF_ENGAGEMENT_APPRENTICE_ACCEPTED  "apprentice-accepted"
#define XF_ENGAGEMENT_APPRENTICE_CHECK_IN  "apprentice-check-in"
#define XF_ENGAGEMENT_APPRENTICE_COMPLETED "apprentice-completed"
#define XF_ENGAGEMENT_LECTURE_INITIATED    "lecture-initiated"     /* when held */
#define XF_ENGAGEMENT_LECTURE_JOINED       "lecture-joined"        /* a pioneer attended another's */
#define XF_ENGAGEMENT_SKILL_INITIATED      "skill-activity-initiated"
#define XF_ENGAGEMENT_SKILL_JOINED         "skill-activity-joined"

typedef struct
{
  gint64  id;
  gint64  pioneer_id;
  char   *kind;
  gint64  occurred_at;
  char   *occurred_on;
  char   *source;
  char   *source_id;
  char   *visitor;      /* who caused it, hashed (the portal's visitor key); NULL when none */
  char   *record_uid;
  double  value;
} XfEngagementEvent;

void        xf_engagement_event_free (XfEngagementEvent *event);
const char *xf_engagement_kind_label (const char *kind);                /* translated */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfEngagementEvent, xf_engagement_event_free)

G_END_DECLS
