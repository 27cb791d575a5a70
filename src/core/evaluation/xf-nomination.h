/* xf-nomination.h — one nomination and its stages
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Stages (stable codes, nominations.stage):
 *   draft         the unit is preparing it (申报, not yet submitted)
 *   preliminary   初审, with joint vetting (联审) running beside it
 *   returned      退回修改: back with the unit; not counted against the promise
 *   committee     复审: committee review and vote
 *   notice        公示: waiting for its public notice to close
 *   decision      决定: notice closed without an upheld objection
 * final:
 *   conferred     授予: the honour was added to the pioneer's file
 *   declined      not conferred at decision (reason)
 *   rejected      refused at preliminary review (reason)
 *   vetoed        一票否决 by a vetting department (reason)
 *   not-selected  failed the vote, or outside the quota, at committee
 *   withdrawn     withdrawn by the unit before decision (reason)
 */
#define XF_STAGE_DRAFT         "draft"
#define XF_STAGE_PRELIMINARY   "preliminary"
#define XF_STAGE_RETURNED      "returned"
#define XF_STAGE_COMMITTEE     "committee"
#define XF_STAGE_NOTICE        "notice"
#define XF_STAGE_DECISION      "decision"
#define XF_STAGE_CONFERRED     "conferred"
#define XF_STAGE_DECLINED      "declined"
#define XF_STAGE_REJECTED      "rejected"
#define XF_STAGE_VETOED        "vetoed"
#define XF_STAGE_NOT_SELECTED  "not-selected"
#define XF_STAGE_WITHDRAWN     "withdrawn"

/* Every stage code in workflow order, NULL-terminated. */
const char * const *xf_stage_all        (void);
const char         *xf_stage_label      (const char *stage);   /* translated */
gboolean            xf_stage_is_final   (const char *stage);
/* Whether time in the stage counts against the office's promise (all
 * open stages but draft and returned). */
gboolean            xf_stage_counts     (const char *stage);

#define XF_TYPE_NOMINATION (xf_nomination_get_type ())

G_DECLARE_FINAL_TYPE (XfNomination, xf_nomination, XF, NOMINATION, GObject)

/*
 * Properties (dash names of the nominations columns): id, uid,
 * campaign-id, pioneer-id, nominating-unit, unit-contact, case-text,
 * stage, stage-since, submitted-on, decided-on, preliminary-passed-on,
 * outcome-reason, honour-id, final-score (double, -1 when none), rank
 * (int, 0 when none), created-at, updated-at, version; and, read from
 * joins for lists: candidate-name, candidate-kind, candidate-employer,
 * candidate-region-code, campaign-title, stage-due-on (the current
 * stage's due date or NULL), due-state (XfDueState as int, see
 * xf-deadline.h), case-withheld (boolean: the case and materials are
 * withheld from a committee member until he or she declares).
 */
XfNomination *xf_nomination_new              (gint64       campaign_id,
                                              gint64       pioneer_id,
                                              const char  *nominating_unit);
gint64       xf_nomination_get_id            (XfNomination *self);
const char  *xf_nomination_get_uid           (XfNomination *self);
gint64       xf_nomination_get_campaign_id   (XfNomination *self);
gint64       xf_nomination_get_pioneer_id    (XfNomination *self);
const char  *xf_nomination_get_nominating_unit (XfNomination *self);
const char  *xf_nomination_get_unit_contact  (XfNomination *self);
const char  *xf_nomination_get_case_text     (XfNomination *self);
void         xf_nomination_set_case_text     (XfNomination *self,
                                              const char   *case_text);
const char  *xf_nomination_get_stage         (XfNomination *self);
const char  *xf_nomination_get_stage_since   (XfNomination *self);
const char  *xf_nomination_get_submitted_on  (XfNomination *self);
const char  *xf_nomination_get_decided_on    (XfNomination *self);
const char  *xf_nomination_get_preliminary_passed_on (XfNomination *self);
const char  *xf_nomination_get_outcome_reason (XfNomination *self);
double       xf_nomination_get_final_score   (XfNomination *self);
int          xf_nomination_get_rank          (XfNomination *self);
const char  *xf_nomination_get_candidate_name (XfNomination *self);
const char  *xf_nomination_get_candidate_kind (XfNomination *self);
const char  *xf_nomination_get_candidate_employer (XfNomination *self);
const char  *xf_nomination_get_campaign_title (XfNomination *self);
const char  *xf_nomination_get_stage_due_on  (XfNomination *self);
int          xf_nomination_get_due_state     (XfNomination *self);
gboolean     xf_nomination_get_case_withheld (XfNomination *self);
/* (element-type gboolean as GINT_TO_POINTER) (transfer none): one per checklist item. */
GArray      *xf_nomination_get_checklist_state (XfNomination *self);
gint64       xf_nomination_get_version       (XfNomination *self);

/* One visit of a stage: the timeline (nomination_stages). Working days are
 * filled in by xf_evaluation_get_timeline (xf-deadline.h counts them). */
typedef struct
{
  char     *stage;
  char     *entered_on;
  char     *left_on;          /* NULL while open */
  char     *due_on;           /* NULL when the stage has no budget */
  int       budget_days;      /* 0: not counted */
  int       days_used;        /* working days from entered_on to left_on (or today) */
  int       days_left;        /* due_on − today (negative when late); 0 when closed or no budget */
  int       due_state;        /* XfDueState */
  gboolean  unconfirmed;      /* a year crossed has no published holiday data */
  char     *actor_name;       /* who moved it into the stage */
  char     *note;             /* the reason or comment given */
} XfStageVisit;

/* A file kept with a nomination. */
typedef struct
{
  gint64  id;
  char   *uid;
  char   *file_name;
  char   *content_type;
  gint64  size;
  char   *sha256;             /* hex */
  gint64  added_at;
  char   *added_by;
} XfMaterial;

/* One joint-vetting sign-off. */
typedef struct
{
  gint64  id;
  char   *department_code;
  char   *department_name;
  char   *started_on;
  char   *due_on;
  char   *status;             /* "pending" | "cleared" | "vetoed" */
  char   *reason;
  char   *decided_on;
  char   *decided_by;
  int     days_left;          /* while pending */
  int     due_state;          /* XfDueState */
} XfVetting;

void xf_stage_visit_free (XfStageVisit *visit);
void xf_material_free    (XfMaterial   *material);
void xf_vetting_free     (XfVetting    *vetting);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfStageVisit, xf_stage_visit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfMaterial, xf_material_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfVetting, xf_vetting_free)

G_END_DECLS
