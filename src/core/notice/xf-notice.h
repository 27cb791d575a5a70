/* xf-notice.h — a public notice (公示), its candidates and objections (异议)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Plain records read from the notice board (xf-notice-board.h). Strings
 * are owned by the record; dates are "YYYY-MM-DD" text (NULL when not
 * set). Free with the matching _free; the board returns new copies.
 */

#define XF_NOTICE_DRAFT      "draft"
#define XF_NOTICE_PUBLISHED  "published"
#define XF_NOTICE_CLOSED     "closed"
#define XF_NOTICE_WITHDRAWN  "withdrawn"

/* The default period and the shortest any notice may have; a campaign's
 * min-notice-days may ask for more. */
#define XF_NOTICE_DEFAULT_PERIOD_DAYS 5

/* What closing the notice did with a candidate. */
#define XF_CANDIDATE_DECISION "decision"   /* moved on to decision */
#define XF_CANDIDATE_HELD     "held"       /* an open objection keeps it in notice */
#define XF_CANDIDATE_RETURNED "returned"   /* an upheld objection sent it back to committee */
#define XF_CANDIDATE_ENDED    "ended"      /* an upheld objection ended it */

typedef struct
{
  gint64  nomination_id;
  int     position;        /* 1-based order on the notice */
  char   *name;
  char   *gender;          /* "male" | "female" | "" (collectives) */
  char   *unit;            /* employer or, for a collective, its parent unit */
  char   *honour;          /* the campaign's title */
  char   *summary;         /* a short summary of deeds */
  char   *result;          /* NULL while running, else XF_CANDIDATE_* */
  char   *stage;           /* the nomination's stage now (not stored on the notice) */
  guint   open_objections; /* objections still open for this candidate */
} XfNoticeCandidate;

void               xf_notice_candidate_free (XfNoticeCandidate *candidate);
XfNoticeCandidate *xf_notice_candidate_copy (const XfNoticeCandidate *candidate);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfNoticeCandidate, xf_notice_candidate_free)

typedef struct
{
  gint64     id;
  char      *uid;
  gint64     campaign_id;
  char      *campaign_title;
  char      *campaign_level;     /* "city", "county", … */
  int        campaign_year;
  gint64     organisation_id;    /* the publisher; 0 when none */
  char      *organisation_name;  /* "" when none */
  char      *title;
  char      *preamble;
  int        revision;           /* 1, 2 for the first correction, … */
  gint64     revision_of;        /* 0, or the notice this one corrects */
  gint64     follows;            /* 0, or the first notice (second notice, 二次公示) */
  char      *status;             /* XF_NOTICE_* */
  int        period_days;
  char      *starts_on;          /* set when published */
  char      *ends_on;
  char      *contact_phone;
  char      *contact_address;
  char      *contact_mailbox;
  char      *published_on;
  char      *published_by;
  char      *closed_on;
  char      *closed_by;
  char      *withdrawn_reason;
  gint64     created_at;
  gint64     updated_at;
  gint64     version;
  /* Filled by the board when read: */
  int        days_left;          /* working days from today to ends_on (0 on the last day, -1 when ended or not published) */
  guint      n_objections;
  guint      n_open_objections;
  GPtrArray *candidates;         /* (element-type XfNoticeCandidate) by position; empty in lists */
} XfNotice;

XfNotice   *xf_notice_new  (void);   /* empty, candidates an empty array; for drafts and tests */
void        xf_notice_free (XfNotice *notice);
XfNotice   *xf_notice_copy (const XfNotice *notice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfNotice, xf_notice_free)

/* Translated "Draft", "Published", "Closed", "Withdrawn". */
const char *xf_notice_status_label (const char *status);
/* The period in dates for exports: "From 7 May 2026 to 13 May 2026
 * (5 working days)" / "2026年5月7日至2026年5月13日（5个工作日）"; translated.
 * NULL when not published. */
char       *xf_notice_format_period (const XfNotice *notice);
/* Whether the notice gives a phone, address or mailbox for objections
 * (more than white space): publishing needs one. */
gboolean    xf_notice_has_contact (const XfNotice *notice);
/* The paragraph inviting objections, above the contacts (translated). */
const char *xf_notice_objection_invitation (void);
/* A date for documents: "7 May 2026" / "2026年5月7日" (translated format). */
char       *xf_notice_format_date   (const char *iso_date);

#define XF_OBJECTION_OPEN    "open"
#define XF_OBJECTION_CLOSED  "closed"

#define XF_OBJECTION_UPHELD_RETURN "upheld-return"  /* back to committee */
#define XF_OBJECTION_UPHELD_END    "upheld-end"     /* the nomination ends (not selected) */
#define XF_OBJECTION_DISMISSED     "dismissed"

#define XF_OBJECTION_DEFAULT_HANDLING_DAYS 5

/* Channels: "phone", "letter", "in-person", "online", and "portal" for an
 * objection the public sent through the web portal (xianfeng-portal). */
#define XF_OBJECTION_CHANNEL_PORTAL "portal"

gboolean    xf_objection_channel_is_valid (const char *channel);
const char *xf_objection_channel_label    (const char *channel);   /* translated */
const char *xf_objection_outcome_label    (const char *outcome);   /* translated; "Open" for NULL */
const char * const *xf_objection_channels (void);                  /* NULL-terminated */
/* The channels a desk records objections and replies by: all but "portal"
 * (only the portal's own actor records that one, and it shows no replies). */
const char * const *xf_objection_desk_channels (void);             /* NULL-terminated */

typedef struct
{
  gint64  id;
  char   *written_on;
  char   *written_by;
  char   *body;
} XfObjectionNote;

void xf_objection_note_free (XfObjectionNote *note);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfObjectionNote, xf_objection_note_free)

typedef struct
{
  gint64  id;
  char   *uid;
  char   *file_name;
  char   *content_type;
  gint64  size;
  char   *sha256;
  gint64  added_at;
  char   *added_by;
} XfObjectionFile;

void xf_objection_file_free (XfObjectionFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfObjectionFile, xf_objection_file_free)

typedef struct
{
  gint64     id;
  char      *uid;
  gint64     notice_id;
  char      *notice_title;
  gint64     nomination_id;
  char      *candidate_name;
  char      *received_on;
  char      *channel;
  gboolean   anonymous;
  char      *objector_name;        /* "" when anonymous */
  char      *objector_contact;     /* masked ("••••") unless the actor may see it */
  gboolean   contact_masked;
  char      *grounds;
  gint64     handler_account_id;   /* 0: not assigned */
  char      *handler_name;         /* "" when not assigned */
  int        handling_days;
  char      *due_on;
  char      *due_state;            /* xf_due_state_to_string () of the open objection: "on-time", "soon", "overdue", or "done" */
  char      *status;               /* XF_OBJECTION_OPEN | XF_OBJECTION_CLOSED */
  char      *outcome;              /* NULL while open */
  char      *outcome_reason;
  char      *decided_on;
  char      *decided_by;
  char      *reply;
  char      *reply_channel;
  char      *reply_sent_on;
  char      *reply_sent_by;
  gint64     version;
  GPtrArray *notes;                /* (element-type XfObjectionNote) oldest first; empty in lists */
  GPtrArray *files;                /* (element-type XfObjectionFile) by file name; empty in lists */
} XfObjection;

XfObjection *xf_objection_new  (void);   /* empty, arrays allocated; for recording */
void         xf_objection_free (XfObjection *objection);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfObjection, xf_objection_free)

G_END_DECLS
