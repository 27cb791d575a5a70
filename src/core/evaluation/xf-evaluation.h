/* xf-evaluation.h — campaigns and nominations through the four-step review
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-campaign.h"
#include "xf-deadline.h"
#include "xf-nomination.h"
#include "xf-registry.h"
#include "xf-vote-rule.h"
#include "xf-workflow.h"

G_BEGIN_DECLS

/*
 * XfEvaluation is the repository of the evaluation domain, acting as its
 * registry's actor. As in XfRegistry, every write is one transaction (a
 * savepoint inside a caller's), checks permissions first (xf-permission.h;
 * nominations at the candidate's place), appends audit entries (record
 * types "campaign", "nomination", "round"), and on any error writes
 * nothing. Every stage change goes through the state machine
 * (xf-workflow.h) and opens a timeline row (nomination_stages) with its
 * working-day budget and due date. Signal "changed" (gint64 campaign_id,
 * gint64 nomination_id — 0 when the change is not about one) after each
 * committed write.
 *
 * Dates: "today" is xf_clock_today() (so $XIANFENG_TODAY moves it).
 */

#define XF_TYPE_EVALUATION (xf_evaluation_get_type ())

G_DECLARE_FINAL_TYPE (XfEvaluation, xf_evaluation, XF, EVALUATION, GObject)

XfEvaluation *xf_evaluation_new            (XfRegistry    *registry);
XfRegistry   *xf_evaluation_get_registry   (XfEvaluation  *self);
XfAccount    *xf_evaluation_get_actor      (XfEvaluation  *self);
XfCalendar   *xf_evaluation_get_calendar   (XfEvaluation  *self);

/* ── Campaigns (xf-evaluation-campaigns.c) ───────────────────────────── */

/* Anyone who may read the registry. (element-type XfCampaign) newest year
 * first, then title; @year 0: every year. The committee is not loaded. */
GPtrArray    *xf_evaluation_list_campaigns (XfEvaluation  *self,
                                            int            year,
                                            GError       **error);
/* With its committee (members' relatives only for XF_OP_CAMPAIGN_MANAGE). */
XfCampaign   *xf_evaluation_get_campaign   (XfEvaluation  *self,
                                            gint64         campaign_id,
                                            GError       **error);
/* XF_OP_CAMPAIGN_MANAGE. Inserts when id is 0, else updates (version
 * checked). Validates (xf_campaign_validate). The committee is not saved.
 * Once a review round has opened, the rubric, quota, quorum, pass
 * threshold and tie rule are fixed (XF_ERROR_WORKFLOW naming the field). */
gboolean      xf_evaluation_save_campaign  (XfEvaluation  *self,
                                            XfCampaign    *campaign,
                                            GError       **error);
/* XF_OP_CAMPAIGN_MANAGE: a new draft campaign for @year from an earlier
 * one — settings, rubric, vetting, checklist and committee — with the
 * year in its title moved on ("2025年度湖州市劳动模范" → "2026年度…"),
 * opens-on/closes-on moved by the same number of years; copied-from set. */
XfCampaign   *xf_evaluation_copy_campaign  (XfEvaluation  *self,
                                            gint64         campaign_id,
                                            int            year,
                                            GError       **error);
/* XF_OP_CAMPAIGN_MANAGE: "draft" → "open" → "closed". Nominations can be
 * created only in an open campaign; a campaign with nominations not in a
 * final stage cannot be closed (XF_ERROR_WORKFLOW). */
gboolean      xf_evaluation_set_campaign_status (XfEvaluation *self,
                                            gint64         campaign_id,
                                            const char    *status,
                                            GError       **error);
/* XF_OP_CAMPAIGN_MANAGE: replaces the committee. (element-type
 * XfCommitteeMember.) Exactly one chair; every account exists, is enabled
 * and holds the reviewer or administrator role; no account twice. Not
 * while a round is open (XF_ERROR_WORKFLOW). */
gboolean      xf_evaluation_set_committee  (XfEvaluation  *self,
                                            gint64         campaign_id,
                                            GPtrArray     *members,
                                            GError       **error);
/* (element-type XfCommitteeMember) relatives left out unless the actor
 * may XF_OP_CAMPAIGN_MANAGE. */
GPtrArray    *xf_evaluation_list_committee (XfEvaluation  *self,
                                            gint64         campaign_id,
                                            GError       **error);
/* Whether the actor is on the campaign's committee, and its chair. */
gboolean      xf_evaluation_is_member      (XfEvaluation  *self,
                                            gint64         campaign_id,
                                            gboolean      *is_chair);

/* Conflicts of interest flagged automatically between committee members
 * and nominations not in a final stage: same employer (member's employer =
 * candidate's employer), same unit (member's unit = nominating unit), or
 * a declared relative (a line of the member's relatives equals the
 * candidate's name or identity number), plus members' own declarations.
 * @nomination_id 0: all of the campaign. */
typedef struct
{
  gint64  account_id;
  char   *member_name;
  gint64  nomination_id;
  char   *candidate_name;
  char   *kind;          /* "employer" | "unit" | "relative" | "declared" */
  char   *reason;        /* translated, names both */
} XfConflict;
void          xf_conflict_free             (XfConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfConflict, xf_conflict_free)
GPtrArray    *xf_evaluation_list_conflicts (XfEvaluation  *self,
                                            gint64         campaign_id,
                                            gint64         nomination_id,
                                            GError       **error);

/* ── Nominations (xf-evaluation-nominations.c) ───────────────────────── */

typedef struct
{
  gint64       campaign_id;   /* 0: all campaigns */
  const char  *stage;         /* NULL: any; or a stage code, or "open" (not final) or "final" */
  const char  *text;          /* NULL: any; matched in candidate name and nominating unit */
  gboolean     attention;     /* only those due soon or overdue */
  guint        offset;
  guint        limit;         /* 0: all */
} XfNominationQuery;

/* (element-type XfNomination) by stage in workflow order, then due date,
 * then id; candidate-name, campaign-title, stage-due-on and due-state
 * filled in; no case text. */
GPtrArray    *xf_evaluation_list_nominations (XfEvaluation *self,
                                            const XfNominationQuery *query,
                                            GError       **error);
/* Counts per stage code (char* → GINT_TO_POINTER) for @campaign_id (0: all);
 * also "attention" (due soon or overdue) and "open" (not final). */
GHashTable   *xf_evaluation_count_by_stage (XfEvaluation  *self,
                                            gint64         campaign_id,
                                            GError       **error);
/* The whole nomination. For a committee member, while the nomination is in
 * an open round the member has not yet declared for, case text and
 * materials are withheld (case-withheld TRUE). */
XfNomination *xf_evaluation_get_nomination (XfEvaluation  *self,
                                            gint64         nomination_id,
                                            GError       **error);
/* XF_OP_REQUEST_EDIT at the candidate's place; the campaign must be open.
 * Inserts a draft when id is 0 (the candidate must not already have a
 * nomination in the campaign that is not final: XF_ERROR_DUPLICATE);
 * updates one in draft or returned (version checked). When @new_candidate
 * is given (id 0), it is first saved in the registry as a cultivation
 * target (tier "cultivation"), in the same transaction, and becomes the
 * nomination's pioneer. */
gboolean      xf_evaluation_save_nomination (XfEvaluation *self,
                                            XfNomination  *nomination,
                                            XfPioneer     *new_candidate,
                                            GError       **error);
/* Properties a form sets, beside the case text: nominating-unit,
 * unit-contact, service-since ("YYYY-MM-DD" or NULL). */
void          xf_nomination_set_nominating_unit (XfNomination *self, const char *unit);
void          xf_nomination_set_unit_contact    (XfNomination *self, const char *contact);
void          xf_nomination_set_service_since   (XfNomination *self, const char *date);
const char   *xf_nomination_get_service_since   (XfNomination *self);

/* The reasons (translated strings) the candidate is not eligible for the
 * campaign today: empty when eligible. Also checks coverage (region and
 * organisation) and the campaign's submission window. */
GPtrArray    *xf_evaluation_check_eligibility (XfEvaluation *self,
                                            gint64         nomination_id,
                                            GError       **error);

/* The one way a nomination's stage changes on request (see the table in
 * xf-workflow.h): submit, resubmit, return, reject, pass-preliminary,
 * close-notice, confer, decline, withdraw. (select and not-select happen
 * when a round closes; clear-vetting and veto through
 * xf_evaluation_sign_off; uphold-objection only by deciding a recorded
 * objection on the notice board, xf_notice_board_decide in
 * xf-notice-board.h.) @reason is required where the table
 * says so (XF_ERROR_INVALID naming "reason"). Preconditions beyond the
 * stage:
 *   submit, resubmit  eligibility (XF_ERROR_INVALID listing the reasons);
 *                     submit creates the pending vetting sign-offs, each
 *                     due its department's days after submission
 *   pass-preliminary  every checklist item ticked; moves to committee at
 *                     once when every vetting sign-off is cleared
 *   close-notice      the nomination is on a published or closed notice
 *                     (xf-notice-board.h) whose period has ended (today
 *                     after its ends-on) and no objection to it is open;
 *                     closing the notice does this step itself
 *   confer, decline   no objection to the nomination is open
 *   confer            adds the honour (campaign title, level, year, the
 *                     organiser as conferring body) to the pioneer's file
 *                     through the registry, which raises the tier and card
 * Refused with XF_ERROR_WORKFLOW naming the current stage otherwise. */
gboolean      xf_evaluation_act            (XfEvaluation  *self,
                                            gint64         nomination_id,
                                            XfAction       action,
                                            const char    *reason,
                                            GError       **error);
/* The actions the actor may take on the nomination now (GArray of
 * XfAction), for buttons; the core still checks each. */
GArray       *xf_evaluation_allowed_actions (XfEvaluation *self,
                                            XfNomination  *nomination);
/* XF_OP_NOMINATION_VET, in preliminary review: ticks (GArray of gboolean,
 * one per campaign checklist item). */
gboolean      xf_evaluation_set_checklist  (XfEvaluation  *self,
                                            gint64         nomination_id,
                                            GArray        *ticked,
                                            GError       **error);
/* XF_OP_NOMINATION_VET: a department's sign-off while the nomination is in
 * preliminary review or returned. @veto TRUE needs a reason and ends the
 * nomination (vetoed); clearing the last pending one after the preliminary
 * review passed moves it to committee. */
gboolean      xf_evaluation_sign_off       (XfEvaluation  *self,
                                            gint64         nomination_id,
                                            const char    *department_code,
                                            gboolean       veto,
                                            const char    *reason,
                                            GError       **error);
/* (element-type XfVetting) with days left and due state. */
GPtrArray    *xf_evaluation_list_vettings  (XfEvaluation  *self,
                                            gint64         nomination_id,
                                            GError       **error);
/* The stage timeline, oldest first (element-type XfStageVisit), with
 * working days used and left (xf-deadline.h). */
GPtrArray    *xf_evaluation_get_timeline   (XfEvaluation  *self,
                                            gint64         nomination_id,
                                            GError       **error);

/* Materials: XF_OP_REQUEST_EDIT, while draft or returned; at most
 * XF_MATERIAL_MAX_SIZE bytes each; kept with their SHA-256. */
#define XF_MATERIAL_MAX_SIZE (20 * 1024 * 1024)
gboolean      xf_evaluation_add_material   (XfEvaluation  *self,
                                            gint64         nomination_id,
                                            const char    *file_name,
                                            const char    *content_type,
                                            GBytes        *content,
                                            GError       **error);
gboolean      xf_evaluation_remove_material (XfEvaluation *self,
                                            gint64         material_id,
                                            GError       **error);
/* (element-type XfMaterial) by file name; empty when withheld. */
GPtrArray    *xf_evaluation_list_materials (XfEvaluation  *self,
                                            gint64         nomination_id,
                                            GError       **error);
/* The content, checked against its SHA-256 (XF_ERROR_CORRUPT when it does
 * not match); withheld like the case. */
GBytes       *xf_evaluation_read_material  (XfEvaluation  *self,
                                            gint64         material_id,
                                            GError       **error);

/* ── Committee review (xf-evaluation-committee.c) ─────────────────────── */

typedef struct
{
  gint64   id;
  gint64   campaign_id;
  int      number;
  char    *status;          /* "open" | "closed" */
  char    *opened_on;
  gint64   closed_at;
  char    *aggregation;     /* recorded at closing */
  gboolean normalise;
  guint    n_nominations;
} XfReviewRound;
void          xf_review_round_free         (XfReviewRound *round);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfReviewRound, xf_review_round_free)

/* The chair only (XF_OP_REVIEW and the campaign's chair; an administrator
 * who is not the chair is refused too): opens the next round with every
 * nomination now in committee; flags automatic conflicts as recusals.
 * One open round per campaign. */
XfReviewRound *xf_evaluation_open_round    (XfEvaluation  *self,
                                            gint64         campaign_id,
                                            GError       **error);
/* The open round or NULL (without error) when none. */
XfReviewRound *xf_evaluation_get_open_round (XfEvaluation *self,
                                            gint64         campaign_id,
                                            GError       **error);
/* (element-type XfReviewRound) newest first. */
GPtrArray    *xf_evaluation_list_rounds    (XfEvaluation  *self,
                                            gint64         campaign_id,
                                            GError       **error);
/* (element-type gint64 in a GArray) the nominations of a round. */
GArray       *xf_evaluation_list_round_nominations (XfEvaluation *self,
                                            gint64         round_id,
                                            GError       **error);

/* A member's own view of one nomination in a round. */
typedef struct
{
  gboolean  declared;
  gboolean  recused;        /* conflict: automatic or declared */
  char     *recusal_reason;
  GArray   *scores;         /* double per rubric criterion, NAN where not scored */
  char     *vote;           /* NULL, "for", "against" or "abstain" */
} XfMemberReview;
void          xf_member_review_free        (XfMemberReview *review);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfMemberReview, xf_member_review_free)
XfMemberReview *xf_evaluation_get_my_review (XfEvaluation *self,
                                            gint64         round_id,
                                            gint64         nomination_id,
                                            GError       **error);

/* XF_OP_REVIEW and on the committee: the member's declaration before
 * seeing the nomination (conflict needs a reason). Once. */
gboolean      xf_evaluation_declare        (XfEvaluation  *self,
                                            gint64         round_id,
                                            gint64         nomination_id,
                                            gboolean       conflict,
                                            const char    *reason,
                                            GError       **error);
/* Scores, one per rubric criterion in order, each 0..max (NAN: leave that
 * one unscored for now). Declared without conflict, not yet voted, round
 * open. */
gboolean      xf_evaluation_save_scores    (XfEvaluation  *self,
                                            gint64         round_id,
                                            gint64         nomination_id,
                                            const double  *scores,
                                            guint          n_scores,
                                            GError       **error);
/* "for", "against" or "abstain", once; for and against need every
 * criterion scored. */
gboolean      xf_evaluation_vote           (XfEvaluation  *self,
                                            gint64         round_id,
                                            gint64         nomination_id,
                                            const char    *vote,
                                            GError       **error);

/* The chair's view of progress, per member. */
typedef struct
{
  gint64  account_id;
  char   *member_name;
  guint   assigned;
  guint   recused;
  guint   declared;
  guint   scored;           /* every criterion */
  guint   voted;
  gint64  last_reminded_at; /* 0: never */
} XfMemberProgress;
void          xf_member_progress_free      (XfMemberProgress *progress);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfMemberProgress, xf_member_progress_free)
/* The chair (or XF_OP_CAMPAIGN_MANAGE). (element-type XfMemberProgress) */
GPtrArray    *xf_evaluation_get_round_progress (XfEvaluation *self,
                                            gint64         round_id,
                                            GError       **error);
/* The chair: reminds one member (@account_id) or every member who has not
 * voted on everything (0). Reminders are delivered in working time until
 * the member has voted or the round closes (xf_evaluation_list_reminders). */
gboolean      xf_evaluation_remind         (XfEvaluation  *self,
                                            gint64         round_id,
                                            gint64         account_id,
                                            GError       **error);

/* One nomination's committee result. */
typedef struct
{
  gint64    nomination_id;
  char     *candidate_name;
  XfVoteCount votes;
  XfVoteOutcome outcome;
  gboolean  quorum_met;
  guint     n_scored;       /* members whose scores count */
  double    mean;           /* NAN when no scores */
  double    trimmed_mean;
  double    normalised;     /* NAN unless the campaign normalises */
  double    final_score;    /* the campaign's choice */
  double    spread;         /* highest − lowest member score */
  guint     rank;           /* among those passing the rule, by final score; 0 otherwise */
  gboolean  within_quota;
  gboolean  tied;           /* equal final score across the quota line, unresolved */
  gboolean  scores_hidden;  /* the actor may not see others' scores here */
} XfNominationResult;
void          xf_nomination_result_free    (XfNominationResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfNominationResult, xf_nomination_result_free)
/* (element-type XfNominationResult) by rank, then the others. A member sees
 * others' scores only for nominations not recused on, and only once he or
 * she has voted on it or the round is closed; the chair and administrators
 * see all. Ties across the quota line are broken by the tie rule ("votes":
 * more votes for; then, as with "chair", the chair's order). */
GPtrArray    *xf_evaluation_compute_results (XfEvaluation *self,
                                            gint64         round_id,
                                            GError       **error);
/* The chair orders tied nominations (first = better). */
gboolean      xf_evaluation_resolve_tie    (XfEvaluation  *self,
                                            gint64         round_id,
                                            const gint64  *ordered_nomination_ids,
                                            guint          n_ids,
                                            GError       **error);
/* The chair closes the round: refused (XF_ERROR_WORKFLOW, naming the
 * candidate) while a nomination lacks quorum or a tie is unresolved. Those
 * within the quota go to public notice (select), the others become
 * not-selected; final score and rank are kept on the nominations; the
 * aggregation used is recorded on the round. */
gboolean      xf_evaluation_close_round    (XfEvaluation  *self,
                                            gint64         round_id,
                                            GError       **error);

/* Every member's scores of one nomination (visibility as for results). */
typedef struct
{
  gint64  account_id;
  char   *member_name;
  gboolean recused;
  GArray *scores;           /* double per criterion, NAN where none */
  double  weighted;         /* NAN when incomplete */
  char   *vote;
} XfMemberScores;
void          xf_member_scores_free        (XfMemberScores *scores);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfMemberScores, xf_member_scores_free)
GPtrArray    *xf_evaluation_list_scores    (XfEvaluation  *self,
                                            gint64         round_id,
                                            gint64         nomination_id,
                                            GError       **error);

/* ── Deadlines, attention, reminders, reports (xf-evaluation-deadlines.c) ─ */

typedef struct
{
  char    *kind;            /* "stage" | "vetting" | "review" */
  gint64   campaign_id;
  gint64   nomination_id;
  char    *candidate_name;
  char    *campaign_title;
  char    *stage;
  char    *what;            /* translated: "Preliminary review", "Vetting: 市公安局", "Your vote" */
  char    *due_on;
  int      days_left;
  XfDueState state;
} XfAttentionItem;
void          xf_attention_item_free       (XfAttentionItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfAttentionItem, xf_attention_item_free)
/* What is due within XF_DUE_SOON_DAYS working days or overdue and is the
 * actor's to act on: stages and vetting sign-offs the actor may move
 * (by permission and scope), and, for committee members, nominations of
 * an open round not yet voted on (due with the committee stage). Most
 * urgent first. */
GPtrArray    *xf_evaluation_list_attention (XfEvaluation  *self,
                                            GError       **error);
gint64        xf_evaluation_count_attention (XfEvaluation *self,
                                            GError       **error);

typedef struct
{
  char   *key;              /* stable, to show each once: "remind:ROUND:SEQ", "due:NOMINATION:STAGE:DATE" */
  char   *title;            /* translated */
  char   *body;
  gint64  campaign_id;
  gint64  nomination_id;
} XfReminder;
void          xf_reminder_free             (XfReminder *reminder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfReminder, xf_reminder_free)
/* Reminders for the actor at @now (local): empty outside working time
 * (xf_deadline_is_working_time). The chair's reminders of an open round
 * the actor has not finished voting in, and the actor's attention items
 * that are due soon or overdue. A reminder stops once its stage or round
 * closes. */
GPtrArray    *xf_evaluation_list_reminders (XfEvaluation  *self,
                                            GDateTime     *now,
                                            GError       **error);

/* Working days from submission to decision per nomination, against the
 * promise. Time while returned to the unit is counted apart (unit_days) and
 * not against the promise. */
typedef struct
{
  gint64  nomination_id;
  char   *candidate_name;
  char   *nominating_unit;
  char   *stage;
  char   *submitted_on;
  char   *decided_on;       /* NULL while open */
  int     office_days;      /* so far when open */
  int     unit_days;
  gboolean within_promise;  /* office_days <= promise (so far, when open) */
} XfReportRow;
typedef struct
{
  gint64     campaign_id;
  char      *title;
  int        promise_days;
  GPtrArray *rows;          /* (element-type XfReportRow) by submission */
  guint      n_decided;     /* reached a final stage after submission (withdrawn excluded) */
  double     average_days;  /* over decided ones; NAN when none */
  guint      n_within_promise;  /* of the decided ones */
  gboolean   unconfirmed;   /* some year crossed has no holiday data */
} XfCampaignReport;
void          xf_campaign_report_free      (XfCampaignReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCampaignReport, xf_campaign_report_free)
XfCampaignReport *xf_evaluation_campaign_report (XfEvaluation *self,
                                            gint64         campaign_id,
                                            GError       **error);

G_END_DECLS
