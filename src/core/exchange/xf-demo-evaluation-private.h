/* xf-demo-evaluation-private.h — the evaluation demo's pieces
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-accounts.h"
#include "xf-demo-private.h"
#include "xf-evaluation.h"

G_BEGIN_DECLS

/*
 * xf-demo-evaluation.c sets up accounts, campaigns and candidates and runs
 * the events in date order; xf-demo-evaluation-plan.c turns each campaign's
 * plan into those events (what happens to each nomination, and when, in
 * working days before the campaign's "today").
 */

/* What becomes of a nomination by "today". */
typedef enum
{
  FATE_DRAFT,
  FATE_PRELIMINARY,     /* submitted, in preliminary review */
  FATE_VETTING,         /* preliminary passed, a vetting sign-off pending */
  FATE_RETURNED,
  FATE_RESUBMITTED,     /* returned, then back in preliminary review */
  FATE_REJECTED,
  FATE_VETOED,
  FATE_WITHDRAWN,
  FATE_WAITING,         /* in committee, no round yet */
  FATE_OPEN_ROUND,      /* in the open round */
  FATE_CLOSED_ROUND,    /* through the closed round, and on as the plan says */
  N_FATES
} DemoFate;

#define DEMO_MAX_MEMBERS 8

/* What happens on a campaign's public notice (xf-demo-notices.c). */
typedef enum
{
  NOTICE_STORY_NONE,
  NOTICE_STORY_UPHELD,      /* an objection upheld: back to committee, re-selected, a second notice */
  NOTICE_STORY_DISMISSED,   /* an objection dismissed, the reply sent */
  NOTICE_STORY_CORRECTED,   /* a corrected revision; an objection holds a candidate past the close */
  NOTICE_STORY_RUNNING,     /* still running today, an objection open with its handler */
} DemoNoticeStory;

/* One campaign's story. Ages are working days before its "today"; 0: not
 * in this story. */
typedef struct
{
  const char *title;          /* without the year: 湖州市劳动模范 */
  const char *level;
  const char *region;         /* region code prefix; "" city-wide */
  const char *organiser;      /* organisation code */
  const char *unit_suffix;    /* nominating bodies: 德清县 + 总工会 */
  int         quota;
  gboolean    women;          /* 巾帼: women only */
  gboolean    last_year;
  const char *members[DEMO_MAX_MEMBERS];   /* logins, the chair first */
  const char *declares;       /* a member who declares a conflict in round 1 */
  int         round1_open;
  int         round1_close;
  int         notice_close;   /* the notices close: on to decision */
  int         decide;         /* decisions: confer, but n_decline and n_keep */
  int         n_decline;
  int         n_keep;         /* left waiting in decision */
  int         round2_open;    /* the open round */
  int         round2_full;    /* members after the chair who finish it; the next one half */
  int         remind;         /* the chair reminds the committee */
  int         close_campaign;
  DemoNoticeStory notice_story;   /* the notice is published the day the first round closes */
  int         fates[N_FATES];
  int         n_fail;         /* of the closed round's, those the vote fails */
} DemoPlan;

typedef struct
{
  const DemoPlan *plan;
  XfCampaign     *campaign;   /* as saved, with its rubric and vetting */
  gint64          id;
  int             year;
  GDate           base;       /* the campaign's "today" */
  gint64          notice_id;  /* the notice now running (or last closed) */
  gint64          first_notice_id;
  gint64          objections[4];   /* by their place in the story */
} DemoCampaign;

typedef struct
{
  DemoCampaign *campaign;
  DemoFate      fate;
  gint64        pioneer_id;
  char         *name;
  char         *unit;
  char         *contact;
  char         *case_text;
  char         *service_since;
  gboolean      with_material;
  gboolean      passes;       /* closed round: the vote passes */
  double        strength;     /* 0–10: how members score */
  gint64        id;
} DemoNomination;

typedef enum
{
  EV_SAVE,
  EV_SUBMIT,
  EV_RESUBMIT,
  EV_RETURN,
  EV_REJECT,
  EV_WITHDRAW,
  EV_CLEAR,
  EV_VETO,
  EV_PASS,
  EV_OPEN_ROUND,
  EV_REVIEW,
  EV_REMIND,
  EV_CLOSE_ROUND,
  EV_CLOSE_NOTICES,
  EV_DECIDE,
  EV_CLOSE_CAMPAIGN,
  EV_NOTICE,            /* a step of the notice's story (xf-demo-notices.c) */
} DemoEventKind;

typedef enum
{
  REVIEW_FULL,
  REVIEW_PARTIAL,   /* declares, scores half, votes on none */
} DemoReviewMode;

typedef struct
{
  int             ago;
  guint           seq;
  DemoEventKind   kind;
  DemoCampaign   *campaign;
  DemoNomination *nomination;
  const char     *text;       /* a reason, or a department code */
  guint           member;     /* review: index in the plan's members */
  DemoReviewMode  mode;
  guint           step;       /* EV_NOTICE: which step (xf-demo-notices.c) */
} DemoEvent;

/* Last year's campaign and this year's four. */
#define DEMO_N_CAMPAIGNS 5

typedef struct
{
  XfStore      *store;
  XfDb         *db;
  XfCalendar   *calendar;
  XfAccounts   *accounts;
  XfAccount    *local;
  XfDemoRng     rng;
  GDate         today;
  GHashTable   *evaluations;   /* login → XfEvaluation; "" the local administrator */
  GHashTable   *used;          /* pioneer ids already nominated */
  GHashTable   *by_id;         /* nomination id → DemoNomination */
  GPtrArray    *nominations;   /* (element-type DemoNomination) */
  DemoCampaign  campaigns[DEMO_N_CAMPAIGNS];
} Demo;

/* The repository acting as @login ("" or a missing admin or clerk: the
 * local administrator); kept for the run. */
XfEvaluation *_xf_demo_evaluation_as (Demo        *demo,
                                      const char  *login,
                                      GError     **error);
/* "YYYY-MM-DD" of the @ago-th working day before @base. */
char         *_xf_demo_date_text     (XfCalendar  *calendar,
                                      const GDate *base,
                                      int          ago);
/* xf-demo-evaluation-run.c: one event, on its day, as whoever does it. */
gboolean      _xf_demo_run_event     (Demo            *demo,
                                      const DemoEvent *event,
                                      GError         **error);

/* Adds the events of @campaign's plan and of its nominations (already
 * chosen, in @nominations) to @events (element-type DemoEvent). */
void _xf_demo_plan_events (XfDemoRng    *rng,
                           DemoCampaign *campaign,
                           GPtrArray    *nominations,
                           GArray       *events);

/* xf-demo-notices.c: adds the events of @campaign's notice story (after
 * its plan's); runs EV_NOTICE and EV_CLOSE_NOTICES. */
void     _xf_demo_plan_notice_events (DemoCampaign     *campaign,
                                      GArray           *events);
gboolean _xf_demo_run_notice_event   (Demo             *demo,
                                      const DemoEvent  *event,
                                      GError          **error);

/* A member's scores of a nomination (one per rubric criterion into
 * @scores) and vote; deterministic for the pair. */
void        _xf_demo_review_scores (DemoNomination *nomination,
                                    GPtrArray      *rubric,
                                    guint           member,
                                    double         *scores);
const char *_xf_demo_review_vote   (DemoNomination *nomination,
                                    guint           member);

G_END_DECLS
