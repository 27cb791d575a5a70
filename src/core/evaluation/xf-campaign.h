/* xf-campaign.h — a selection campaign (评选活动) and its settings
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * XfCampaign is plain data (XfEvaluation reads and writes it): the honour
 * a campaign confers, whom it covers, its quota, eligibility rules, scoring
 * rubric, joint-vetting departments, preliminary checklist, committee, vote
 * rule and stage plan.
 *
 * Properties (dash names of the campaigns columns): id, uid, year, title,
 * level ("national" | "provincial" | "city" | "county"), organisation-id,
 * organisation-name (read from the join), region-codes, organisation-codes
 * (space-separated codes; "" = all), quota, quorum-num, quorum-den,
 * pass-num, pass-den, tie-rule ("chair" | "votes"), aggregation ("mean" |
 * "trimmed-mean"), normalise (boolean), promise-days, preliminary-days,
 * committee-days, notice-days, decision-days, min-notice-days, opens-on,
 * closes-on, status ("draft" | "open" | "closed"), copied-from,
 * created-at, updated-at, version. The lists below have accessors only.
 *
 * The stage plan's budgets add up to the promise: preliminary + committee +
 * notice + decision == promise-days (validated on save). Defaults
 * (xf_campaign_new): county 31 = 10 + 10 + 6 + 5, city 32 = 10 + 10 + 6 + 6,
 * provincial and national 32 like city; min-notice-days 5; quorum 2/3 of the
 * members not recused; pass when votes for are at least 2/3 of members
 * present (voting for, against or abstaining); tie rule "chair".
 */

/* One criterion of the scoring rubric. A member scores 0..max; weights are
 * relative (they need not add up to 100). */
typedef struct
{
  char   *code;          /* stable key of review_scores.criterion, e.g. "deeds" */
  char   *name;
  char   *description;
  double  weight;        /* > 0 */
  double  max;           /* > 0, usually 10 or 100 */
} XfCriterion;

/* A department whose sign-off joint vetting (联审) needs. */
typedef struct
{
  char *code;            /* e.g. "discipline" */
  char *name;            /* e.g. 市纪委监委 */
  int   days;            /* working-day deadline from submission, >= 1 */
} XfVettingDepartment;

/* Eligibility (configurable; 0 / NULL means no rule). */
typedef struct
{
  int     min_age;               /* on the campaign's opens-on (or Jan 1st of its year) */
  int     max_age;
  int     min_service_years;     /* years since the candidate's first recorded honour or
                                    since the "service-since" date in the case; see xf-eligibility.h */
  GStrv   required_levels;       /* the candidate must already hold an honour of one of these levels */
  GStrv   required_titles;       /* … or of one of these titles (substring match) */
  GStrv   kinds;                 /* "individual" and/or "collective"; NULL: both */
  gboolean exclude_holders;      /* refuse a candidate already holding this campaign's title */
} XfEligibility;

/* A committee member. employer, unit and relatives feed the automatic
 * conflict checks (xf-evaluation.h). */
typedef struct
{
  gint64    account_id;
  char     *login;               /* read from the join */
  char     *display_name;        /* read from the join */
  gboolean  is_chair;
  char     *employer;
  char     *unit;
  char     *relatives;           /* names or identity numbers, one per line */
} XfCommitteeMember;

XfCriterion         *xf_criterion_new          (const char *code,
                                                const char *name,
                                                const char *description,
                                                double      weight,
                                                double      max);
/* The copies give NULL for NULL (a hole in a list, which validation names). */
XfCriterion         *xf_criterion_copy         (const XfCriterion *criterion);
void                 xf_criterion_free         (XfCriterion *criterion);
XfVettingDepartment *xf_vetting_department_new (const char *code,
                                                const char *name,
                                                int         days);
XfVettingDepartment *xf_vetting_department_copy (const XfVettingDepartment *department);
void                 xf_vetting_department_free (XfVettingDepartment *department);
XfCommitteeMember   *xf_committee_member_new   (gint64      account_id,
                                                gboolean    is_chair);
XfCommitteeMember   *xf_committee_member_copy  (const XfCommitteeMember *member);
void                 xf_committee_member_free  (XfCommitteeMember *member);
XfEligibility       *xf_eligibility_new        (void);
XfEligibility       *xf_eligibility_copy       (const XfEligibility *eligibility);
void                 xf_eligibility_free       (XfEligibility *eligibility);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCriterion, xf_criterion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfVettingDepartment, xf_vetting_department_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCommitteeMember, xf_committee_member_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfEligibility, xf_eligibility_free)

#define XF_TYPE_CAMPAIGN (xf_campaign_get_type ())

G_DECLARE_FINAL_TYPE (XfCampaign, xf_campaign, XF, CAMPAIGN, GObject)

/* A new campaign with the defaults above for @level, a default rubric
 * (deeds 40, contribution 30, innovation 20, reputation 10; max 10 each),
 * vetting departments (discipline inspection, audit, public security, tax;
 * 10 working days each), and a default checklist. Translated names. */
XfCampaign  *xf_campaign_new                 (int          year,
                                              const char  *title,
                                              const char  *level);
/* A deep copy (lists included). */
XfCampaign  *xf_campaign_copy                (XfCampaign  *self);

gint64       xf_campaign_get_id              (XfCampaign  *self);
const char  *xf_campaign_get_uid             (XfCampaign  *self);
int          xf_campaign_get_year            (XfCampaign  *self);
const char  *xf_campaign_get_title           (XfCampaign  *self);
const char  *xf_campaign_get_level           (XfCampaign  *self);
gint64       xf_campaign_get_organisation_id (XfCampaign  *self);
const char  *xf_campaign_get_organisation_name (XfCampaign *self);
const char  *xf_campaign_get_region_codes    (XfCampaign  *self);
const char  *xf_campaign_get_organisation_codes (XfCampaign *self);
int          xf_campaign_get_quota           (XfCampaign  *self);
const char  *xf_campaign_get_status          (XfCampaign  *self);
int          xf_campaign_get_promise_days    (XfCampaign  *self);
/* The budget of a stage: "preliminary", "committee", "notice", "decision";
 * 0 for any other stage (not counted against the promise). */
int          xf_campaign_get_stage_budget    (XfCampaign  *self,
                                              const char  *stage);
int          xf_campaign_get_min_notice_days (XfCampaign  *self);
void         xf_campaign_get_quorum          (XfCampaign  *self,
                                              int         *num,
                                              int         *den);
void         xf_campaign_get_pass            (XfCampaign  *self,
                                              int         *num,
                                              int         *den);
const char  *xf_campaign_get_tie_rule        (XfCampaign  *self);
const char  *xf_campaign_get_aggregation     (XfCampaign  *self);
gboolean     xf_campaign_get_normalise       (XfCampaign  *self);
const char  *xf_campaign_get_opens_on        (XfCampaign  *self);
const char  *xf_campaign_get_closes_on       (XfCampaign  *self);
gint64       xf_campaign_get_version         (XfCampaign  *self);

gint64       xf_campaign_get_copied_from     (XfCampaign  *self);
gint64       xf_campaign_get_created_at      (XfCampaign  *self);
gint64       xf_campaign_get_updated_at      (XfCampaign  *self);

/* Setters of the writable properties (the others are the repository's:
 * id, uid, organisation-name, status — changed with
 * xf_evaluation_set_campaign_status —, copied-from, created-at,
 * updated-at, version). Empty text is no text; code lists are kept
 * single-space-separated. */
void         xf_campaign_set_year            (XfCampaign  *self,
                                              int          year);
void         xf_campaign_set_title           (XfCampaign  *self,
                                              const char  *title);
void         xf_campaign_set_level           (XfCampaign  *self,
                                              const char  *level);
void         xf_campaign_set_organisation_id (XfCampaign  *self,
                                              gint64       organisation_id);
void         xf_campaign_set_region_codes    (XfCampaign  *self,
                                              const char  *codes);
void         xf_campaign_set_organisation_codes (XfCampaign *self,
                                              const char  *codes);
void         xf_campaign_set_quota           (XfCampaign  *self,
                                              int          quota);
void         xf_campaign_set_quorum          (XfCampaign  *self,
                                              int          num,
                                              int          den);
void         xf_campaign_set_pass            (XfCampaign  *self,
                                              int          num,
                                              int          den);
void         xf_campaign_set_tie_rule        (XfCampaign  *self,
                                              const char  *tie_rule);
void         xf_campaign_set_aggregation     (XfCampaign  *self,
                                              const char  *aggregation);
void         xf_campaign_set_normalise       (XfCampaign  *self,
                                              gboolean     normalise);
void         xf_campaign_set_promise_days    (XfCampaign  *self,
                                              int          days);
/* "preliminary", "committee", "notice" or "decision"; FALSE for another stage. */
gboolean     xf_campaign_set_stage_budget    (XfCampaign  *self,
                                              const char  *stage,
                                              int          days);
void         xf_campaign_set_min_notice_days (XfCampaign  *self,
                                              int          days);
void         xf_campaign_set_opens_on        (XfCampaign  *self,
                                              const char  *date);
void         xf_campaign_set_closes_on       (XfCampaign  *self,
                                              const char  *date);
/* Replaces the rules with a copy of @eligibility. */
void         xf_campaign_set_eligibility     (XfCampaign  *self,
                                              const XfEligibility *eligibility);

/* (element-type XfCriterion) (transfer none): edit in place before saving. */
GPtrArray   *xf_campaign_get_rubric          (XfCampaign  *self);
/* (element-type XfVettingDepartment) (transfer none) */
GPtrArray   *xf_campaign_get_vetting         (XfCampaign  *self);
/* (element-type utf8) (transfer none): preliminary review checklist items. */
GPtrArray   *xf_campaign_get_checklist       (XfCampaign  *self);
/* (element-type XfCommitteeMember) (transfer none); saved with
 * xf_evaluation_set_committee, not with the campaign. */
GPtrArray   *xf_campaign_get_committee       (XfCampaign  *self);
XfEligibility *xf_campaign_get_eligibility   (XfCampaign  *self);   /* (transfer none) */

/* JSON text of the list columns and back (used by the repository). */
char        *_xf_campaign_lists_to_json      (XfCampaign  *self,
                                              const char  *column);   /* "rubric" | "vetting" | "checklist" | "eligibility" */
gboolean     _xf_campaign_lists_from_json    (XfCampaign  *self,
                                              const char  *column,
                                              const char  *json,
                                              GError     **error);

/* Checks the fields (title, level, year, quota > 0, fractions with
 * 0 < num <= den, rubric non-empty with unique codes and weights > 0,
 * vetting codes unique with days >= 1, budgets >= 1 adding up to the
 * promise, notice budget >= min-notice-days >= 1, opens-on <= closes-on;
 * no budget, vetting deadline or minimum notice above
 * XF_CAMPAIGN_MAX_STAGE_DAYS); XF_ERROR_INVALID naming the field and the
 * reason. */
/* The years a campaign may be for (as the messages say). */
#define XF_CAMPAIGN_MIN_YEAR 1900
#define XF_CAMPAIGN_MAX_YEAR 2999
/* The largest weight and highest score a rubric's criterion may have. */
#define XF_CAMPAIGN_MAX_WEIGHT 1000
#define XF_CAMPAIGN_MAX_SCORE  1000
/* A year of working days: the most one stage or sign-off may take. */
#define XF_CAMPAIGN_MAX_STAGE_DAYS 250
gboolean     xf_campaign_validate            (XfCampaign  *self,
                                              GError     **error);
/* Translated name of a property or list ("promise-days" → "Promise",
 * "rubric" → "Scoring rubric"), as validation messages name them. */
const char  *xf_campaign_field_label         (const char  *property);

/* For the repository: the stored fields. */
void         _xf_campaign_set_stored         (XfCampaign  *self,
                                              gint64       id,
                                              const char  *uid,
                                              gint64       version,
                                              gint64       created_at,
                                              gint64       updated_at);
void         _xf_campaign_set_organisation_name (XfCampaign *self,
                                              const char  *name);
void         _xf_campaign_set_status         (XfCampaign  *self,
                                              const char  *status);
void         _xf_campaign_set_copied_from    (XfCampaign  *self,
                                              gint64       campaign_id);

const char  *xf_campaign_status_label        (const char  *status);
const char  *xf_tie_rule_label               (const char  *tie_rule);
const char  *xf_aggregation_label            (const char  *aggregation);

G_END_DECLS
