/* xf-demo-care-support.c — demo hardship cases, visits and saved views
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-demo"

#include "config.h"

#include "xf-demo-care-private.h"

/*
 * Hardship cases in every status, each step by the account allowed to
 * take it: the clerk applies, assesses, pays or withdraws; the second
 * clerk gives the first approval (or rejects); the administrator the
 * final one. Visits: festival and illness visits made, some cancelled,
 * some overdue, and visits planned for the round birthdays and honour
 * anniversaries the care calendar shows next.
 */

typedef enum
{
  CASE_APPLIED,
  CASE_ASSESSED,
  CASE_APPROVED_FIRST,
  CASE_APPROVED,
  CASE_PART_PAID,
  CASE_PAID,
  CASE_REJECTED,
  CASE_WITHDRAWN,
} CaseFate;

typedef struct
{
  CaseFate    fate;
  int         applied;      /* days ago */
  const char *category;
  gint64      requested;    /* fen */
  gint64      income;       /* fen a year; -1 unknown */
} CaseSpec;

static const CaseSpec case_specs[] = {
  { CASE_PAID, 400, "illness", 2000000, 3600000 },        /* last year's */
  { CASE_REJECTED, 380, "income", 500000, 7200000 },
  { CASE_PAID, 240, "family", 1000000, 2400000 },
  { CASE_PAID, 150, "disaster", 800000, -1 },
  { CASE_PART_PAID, 90, "illness", 3000000, 4200000 },
  { CASE_APPROVED, 45, "accident", 600000, 3000000 },
  { CASE_APPROVED_FIRST, 30, "disability", 1200000, 1800000 },
  { CASE_ASSESSED, 20, "income", 400000, 2600000 },
  { CASE_REJECTED, 25, "other", 300000, 9600000 },
  { CASE_WITHDRAWN, 35, "family", 500000, -1 },
  { CASE_APPLIED, 6, "illness", 1500000, 3000000 },
  { CASE_APPLIED, 2, "accident", 250000, -1 },
};

static const struct { const char *category; const char *text; } circumstances[] = {
  { "illness", "本人确诊肺癌，正在化疗，医保报销后自付部分仍较高，家庭收入明显下降。" },
  { "family", "配偶长期卧病在床，两个子女均在上学，家庭负担较重。" },
  { "disaster", "台风导致家中房屋和茶园受损严重，正在修缮。" },
  { "accident", "上下班途中遭遇交通事故，右腿骨折，需休养三个月。" },
  { "disability", "因工伤致右手残疾，已调离原岗位，收入减少。" },
  { "income", "所在企业停产，本人待岗半年，仅领取基本生活费。" },
  { "other", "子女考入大学，学费和生活费一时难以筹措。" },
};

static const char *
circumstances_for (const char *category)
{
  for (guint i = 0; i < G_N_ELEMENTS (circumstances); i++)
    if (g_str_equal (circumstances[i].category, category))
      return circumstances[i].text;
  return circumstances[G_N_ELEMENTS (circumstances) - 1].text;
}

static gint64
apply (DemoCare        *demo,
       XfCare          *clerk,
       const CaseSpec  *spec,
       gint64           pioneer_id,
       GError         **error)
{
  g_autoptr(XfHardshipCase) made = xf_hardship_case_new ();

  _xf_demo_care_set_day (demo, spec->applied);
  made->pioneer_id = pioneer_id;
  made->category = g_strdup (spec->category);
  made->circumstances = g_strdup (circumstances_for (spec->category));
  made->household_income = spec->income;
  made->requested_amount = spec->requested;
  return xf_care_apply_hardship (clerk, made, error);
}

/* Assessed at four fifths of the request, rounded to ¥100. */
static gint64
assessed_amount (const CaseSpec *spec)
{
  return MAX (spec->requested * 4 / 5 / 10000 * 10000, 10000);
}

static gboolean
pay (DemoCare        *demo,
     XfCare          *clerk,
     gint64           case_id,
     const CaseSpec  *spec,
     guint            index,
     GError         **error)
{
  gint64 granted = assessed_amount (spec);
  gint64 first = spec->fate == CASE_PAID && index % 2 == 0 ? granted : granted / 2;
  g_autofree char *day = NULL;
  g_autofree char *voucher = NULL;

  _xf_demo_care_set_day (demo, spec->applied - 15);
  day = _xf_demo_care_day (demo, spec->applied - 15);
  voucher = g_strdup_printf ("HZGH-%.4s-%04u", day, 101 + index);
  if (!xf_care_record_payment (clerk, case_id, day, first, voucher, error))
    return FALSE;
  if (first == granted || spec->fate != CASE_PAID)
    return TRUE;
  _xf_demo_care_set_day (demo, spec->applied - 45);
  g_free (day);
  g_free (voucher);
  day = _xf_demo_care_day (demo, spec->applied - 45);
  voucher = g_strdup_printf ("HZGH-%.4s-%04u", day, 201 + index);
  return xf_care_record_payment (clerk, case_id, day, granted - first, voucher, error);
}

typedef struct
{
  XfCare *clerk;
  XfCare *second;
  XfCare *admin;
} Actors;

static gboolean
run_case (DemoCare        *demo,
          const Actors    *as,
          const CaseSpec  *spec,
          gint64           pioneer_id,
          guint            index,
          GError         **error)
{
  gint64 id = apply (demo, as->clerk, spec, pioneer_id, error);

  if (id == 0)
    return FALSE;
  if (spec->fate == CASE_APPLIED)
    return TRUE;
  _xf_demo_care_set_day (demo, spec->applied - 4);
  if (spec->fate == CASE_WITHDRAWN)
    return xf_care_withdraw_case (as->clerk, id, "家属已筹得款项，本人申请撤回。", error);
  if (!xf_care_assess_case (as->clerk, id, "经入户走访核实，情况属实，建议给予帮扶。", assessed_amount (spec), error))
    return FALSE;
  if (spec->fate == CASE_ASSESSED)
    return TRUE;
  _xf_demo_care_set_day (demo, spec->applied - 8);
  if (spec->fate == CASE_REJECTED)
    return xf_care_reject_case (as->second, id, "家庭人均收入高于当地帮扶标准，不予帮扶。", error);
  if (!xf_care_approve_case (as->second, id, 0, error))
    return FALSE;
  if (spec->fate == CASE_APPROVED_FIRST)
    return TRUE;
  _xf_demo_care_set_day (demo, spec->applied - 12);
  if (!xf_care_approve_case (as->admin, id, assessed_amount (spec), error))
    return FALSE;
  return spec->fate == CASE_APPROVED || pay (demo, as->clerk, id, spec, index, error);
}

gboolean
_xf_demo_care_hardship (DemoCare  *demo,
                        GError   **error)
{
  g_autoptr(GArray) people = NULL;
  Actors as = { 0 };

  if (_xf_demo_care_programme (demo, XF_CARE_KIND_HARDSHIP) == NULL)
    return TRUE;
  as.clerk = _xf_demo_care_as (demo, "clerk", error);
  as.second = as.clerk != NULL ? _xf_demo_care_as (demo, XF_DEMO_CARE_SECOND_CLERK, error) : NULL;
  as.admin = as.second != NULL ? _xf_demo_care_as (demo, "admin", error) : NULL;
  if (as.admin == NULL)
    return FALSE;
  people = _xf_demo_care_people (demo, "p.tier IN ('city', 'county', 'cultivation')", TRUE,
                                 G_N_ELEMENTS (case_specs), error);
  if (people == NULL)
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    {
      const DemoPerson *person = &g_array_index (people, DemoPerson, i);

      _xf_demo_care_take (demo, person->id);
      if (!run_case (demo, &as, &case_specs[i], person->id, i, error))
        {
          g_prefix_error (error, "%s: ", person->name);
          return FALSE;
        }
    }
  return TRUE;
}

/*
 * Visits
 */

typedef enum
{
  VISIT_DONE,
  VISIT_CANCELLED,
  VISIT_OVERDUE,
  VISIT_PLANNED,
} VisitFate;

typedef struct
{
  VisitFate   fate;
  const char *purpose;
  const char *kind;         /* the programme's kind, when done a care record; NULL: none */
  int         planned;      /* days ago; negative: to come */
  const char *time;
  gint64      amount;       /* fen, when done */
} VisitSpec;

#define FESTIVAL XF_CARE_KIND_FESTIVAL_VISIT
#define ELDERLY  XF_CARE_KIND_ELDERLY_CARE
#define GREETING XF_CARE_KIND_GREETING

static const VisitSpec visit_specs[] = {
  { VISIT_DONE, "festival", FESTIVAL, 300, "09:00", 50000 },
  { VISIT_DONE, "festival", FESTIVAL, 300, "14:30", 50000 },
  { VISIT_DONE, "festival", FESTIVAL, 299, "09:30", 50000 },
  { VISIT_DONE, "retired", ELDERLY, 210, "", 20000 },
  { VISIT_DONE, "birthday", GREETING, 130, "10:00", 20000 },
  { VISIT_DONE, "illness", NULL, 150, "15:00", 100000 },
  { VISIT_DONE, "hardship", NULL, 95, "10:00", 0 },
  { VISIT_DONE, "festival", FESTIVAL, 60, "09:00", 30000 },
  { VISIT_CANCELLED, "illness", NULL, 85, "14:00", 0 },
  { VISIT_CANCELLED, "retired", ELDERLY, 25, "", 0 },
  { VISIT_OVERDUE, "retired", ELDERLY, 6, "09:30", 0 },
  { VISIT_OVERDUE, "illness", NULL, 2, "", 0 },
  { VISIT_PLANNED, "festival", FESTIVAL, -40, "09:00", 0 },
  { VISIT_PLANNED, "other", NULL, -12, "15:30", 0 },
};

static const char * const assignees[] = {
  "张敏、李强", "王丽华、陈志刚", "沈立新", "钱晓燕、吴建华",
};

static gint64
plan_visit (DemoCare          *demo,
            XfCare            *clerk,
            const VisitSpec   *spec,
            gint64             pioneer_id,
            const char        *planned_on,
            guint              index,
            GError           **error)
{
  const XfCareProgramme *programme = spec->kind != NULL ? _xf_demo_care_programme (demo, spec->kind) : NULL;
  g_autoptr(XfCareVisit) visit = xf_care_visit_new ();

  visit->pioneer_id = pioneer_id;
  visit->programme_code = programme != NULL ? g_strdup (programme->code) : NULL;
  visit->purpose = g_strdup (spec->purpose);
  visit->planned_on = g_strdup (planned_on);
  g_free (visit->planned_time);
  visit->planned_time = g_strdup (spec->time);
  visit->assignees = g_strdup (assignees[index % G_N_ELEMENTS (assignees)]);
  visit->notes = g_strdup (index % 3 == 0 ? "提前电话联系，带慰问品。" : "");
  return xf_care_save_visit (clerk, visit, error);
}

static gboolean
run_visit (DemoCare         *demo,
           XfCare           *clerk,
           const VisitSpec  *spec,
           gint64            pioneer_id,
           guint             index,
           GError          **error)
{
  g_autofree char *planned_on = _xf_demo_care_day (demo, spec->planned);
  gint64 id;

  /* Planned two weeks ahead (the ones to come: five days ago). */
  _xf_demo_care_set_day (demo, spec->planned > 0 ? spec->planned + 14 : 5);
  id = plan_visit (demo, clerk, spec, pioneer_id, planned_on, index, error);
  if (id == 0)
    return FALSE;
  switch (spec->fate)
    {
    case VISIT_DONE:
      _xf_demo_care_set_day (demo, spec->planned);
      return xf_care_complete_visit (clerk, id, planned_on, "送去慰问金和慰问品，老人身体硬朗，精神很好。",
                                     spec->amount, error);
    case VISIT_CANCELLED:
      _xf_demo_care_set_day (demo, spec->planned + 2);
      return xf_care_cancel_visit (clerk, id, "对方住院治疗，改期走访。", error);
    default:
      return TRUE;
    }
}

/* Visits for the round birthdays and anniversaries of the next month. */
static gboolean
plan_calendar_visits (DemoCare  *demo,
                      XfCare    *clerk,
                      GError   **error)
{
  g_autofree char *from = _xf_demo_care_day (demo, -1);
  g_autofree char *to = _xf_demo_care_day (demo, -45);
  g_autoptr(GPtrArray) items = NULL;
  guint planned = 0;

  _xf_demo_care_set_day (demo, 0);
  items = xf_care_calendar (clerk, from, to, NULL, 3, error);
  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len && planned < 4; i++)
    {
      const XfCareCalendarItem *item = g_ptr_array_index (items, i);
      VisitSpec spec = { VISIT_PLANNED, "birthday", GREETING, 0, "10:00", 0 };

      if (g_str_equal (item->kind, XF_CALENDAR_ANNIVERSARY))
        spec.purpose = "anniversary";
      else if (!g_str_equal (item->kind, XF_CALENDAR_BIRTHDAY))
        continue;
      if (item->visit_planned)
        continue;
      if (plan_visit (demo, clerk, &spec, item->pioneer_id, item->date, planned, error) == 0)
        return FALSE;
      planned++;
    }
  return TRUE;
}

gboolean
_xf_demo_care_visits (DemoCare  *demo,
                      GError   **error)
{
  XfCare *clerk = _xf_demo_care_as (demo, "clerk", error);
  g_autoptr(GArray) people = NULL;

  if (clerk == NULL)
    return FALSE;
  /* The retired and those in hardship first. */
  people = _xf_demo_care_people (demo, "p.id IN (SELECT pioneer_id FROM care_profiles)", FALSE,
                                 G_N_ELEMENTS (visit_specs), error);
  if (people == NULL)
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    if (!run_visit (demo, clerk, &visit_specs[i], g_array_index (people, DemoPerson, i).id, i, error))
      return FALSE;
  return plan_calendar_visits (demo, clerk, error);
}

/*
 * Saved views: the shared ones come with the first read; the clerk keeps
 * one for a county.
 */
gboolean
_xf_demo_care_views (DemoCare  *demo,
                     GError   **error)
{
  const XfCareProgramme *trip = _xf_demo_care_programme (demo, XF_CARE_KIND_RECUPERATION);
  XfCare *clerk = _xf_demo_care_as (demo, "clerk", error);
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(XfCareView) view = NULL;

  if (clerk == NULL)
    return FALSE;
  _xf_demo_care_set_day (demo, 10);
  views = xf_care_list_views (clerk, error);
  if (views == NULL)
    return FALSE;
  if (trip == NULL)
    return TRUE;
  view = xf_care_view_new ();
  view->name = g_strdup ("德清县五年未参加疗休养");
  view->programme_code = g_strdup (trip->code);
  view->gap_years = 5;
  view->region_code = g_strdup ("330521");
  return xf_care_save_view (clerk, view, error) > 0;
}
