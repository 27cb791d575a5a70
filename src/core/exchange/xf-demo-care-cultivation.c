/* xf-demo-care-cultivation.c — demo cultivation plans and skill training
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-demo"

#include "config.h"

#include "xf-demo-care-private.h"
#include "xf-reference.h"

/*
 * Cyan-card targets (培育对象) get a plan a year ago with a mentor, four
 * goals and two milestones; each plan's fate says how far it got: on
 * track, behind (a milestone overdue), ready (reviewed ready with most
 * goals achieved), nominated into this year's open city campaign,
 * achieved or closed.
 */

#define MAX_PLANS 20
#define N_GOALS 6

typedef enum
{
  PLAN_NOMINATED,
  PLAN_READY,
  PLAN_BEHIND,
  PLAN_ON_TRACK,
  PLAN_ACHIEVED,
  PLAN_CLOSED,
  N_PLAN_FATES
} PlanFate;

typedef enum
{
  STEP_CREATE,
  STEP_ACHIEVE,
  STEP_REVIEW_LAST_YEAR,
  STEP_REVIEW,
  STEP_FINISH,
} PlanStepKind;

typedef struct
{
  int          ago;
  PlanStepKind kind;
  int          goal;      /* STEP_ACHIEVE: the goal's position */
} PlanStep;

typedef struct
{
  const DemoPerson *target;
  gint64            mentor_id;
  gint64            apprenticeship_id;
  PlanFate          fate;
  int               start;        /* days ago */
  gint64            id;
  GArray           *steps;        /* PlanStep */
} Plan;

static const struct { const char *kind; const char *title; const char *evidence; } goal_texts[] = {
  { "skill", "熟练掌握五轴数控加工编程与调试", "车间实操考核优秀" },
  { "certificate", "取得高级技师职业资格证书", "证书编号 GJ2026-0311" },
  { "competition", "参加全市职工职业技能大赛并进入前六名", "获市赛二等奖" },
  { "innovation", "牵头完成一项技术革新并申报实用新型专利", "专利已受理" },
  { "milestone", "带徒两名并通过企业考核", "两名徒弟均通过中级工考核" },
  { "milestone", "整理形成个人先进事迹材料", "材料经单位工会审核" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (goal_texts) == N_GOALS);

static const char * const review_comments[] = {
  "工作业绩突出，技能水平提升明显，建议继续重点培养。",
  "能按计划推进各项目标，带徒成效较好。",
  "岗位表现稳定，创新成果尚需加强。",
};

static void
plan_clear (gpointer data)
{
  Plan *plan = data;

  g_clear_pointer (&plan->steps, g_array_unref);
}

static void
add_step (Plan         *plan,
          int           ago,
          PlanStepKind  kind,
          int           goal)
{
  PlanStep step = { MAX (ago, 0), kind, goal };

  g_array_append_val (plan->steps, step);
}

static int
compare_plan_steps (gconstpointer a,
                    gconstpointer b)
{
  const PlanStep *x = a;
  const PlanStep *y = b;

  /* Older first; on one day, as added. */
  return (y->ago > x->ago) - (y->ago < x->ago);
}

/* Which goals the fate has achieved by today, and when. */
static void
plan_achievements (DemoCare *demo,
                   Plan     *plan)
{
  static const guint8 achieved[N_PLAN_FATES][N_GOALS] = {
    [PLAN_NOMINATED] = { 1, 1, 1, 1, 1, 1 },
    [PLAN_READY]     = { 1, 1, 1, 0, 1, 1 },
    [PLAN_BEHIND]    = { 1, 0, 0, 0, 0, 0 },
    [PLAN_ON_TRACK]  = { 1, 1, 0, 0, 1, 0 },
    [PLAN_ACHIEVED]  = { 1, 1, 1, 1, 1, 1 },
    [PLAN_CLOSED]    = { 1, 0, 0, 0, 0, 0 },
  };

  for (int g = 0; g < N_GOALS; g++)
    if (achieved[plan->fate][g])
      add_step (plan, _xf_demo_rng_range (&demo->rng, 15, plan->start - 20), STEP_ACHIEVE, g);
}

static void
plan_steps (DemoCare *demo,
            Plan     *plan)
{
  g_autofree char *december = _xf_demo_care_date_in (demo, -1, 12, 20);
  int last_review = _xf_demo_care_days_ago (demo, december);
  int this_review = MIN (_xf_demo_rng_range (&demo->rng, 8, 30), (int) g_date_get_day_of_year (&demo->today) - 1);

  add_step (plan, plan->start, STEP_CREATE, 0);
  plan_achievements (demo, plan);
  if (last_review < plan->start)
    add_step (plan, last_review, STEP_REVIEW_LAST_YEAR, 0);
  if (plan->fate != PLAN_CLOSED && plan->fate != PLAN_ACHIEVED)
    add_step (plan, this_review, STEP_REVIEW, 0);
  /* Nominated on the demo's today, after everything else of the plan;
   * achieved or closed after its last goal. */
  add_step (plan, plan->fate == PLAN_NOMINATED ? 0 : _xf_demo_rng_range (&demo->rng, 5, 14), STEP_FINISH, 0);
  g_array_sort (plan->steps, compare_plan_steps);
}

/* "德清县劳动模范", "湖州市劳动模范", "浙江工匠"… by level. */
static void
plan_target (const Plan         *plan,
             guint               index,
             XfCultivationPlan  *made)
{
  static const char * const city[] = { "湖州市劳动模范", "湖州市五一劳动奖章", "湖州工匠" };
  static const char * const provincial[] = { "浙江省劳动模范", "浙江工匠" };
  g_autofree char *county = g_strndup (plan->target->region, 6);
  const XfReferenceItem *place = xf_reference_lookup (xf_reference_get_shared (), XF_REFERENCE_REGIONS, county);

  /* The nominated one aims at the open city campaign's honour. */
  if (plan->fate == PLAN_NOMINATED || index % 3 == 0)
    {
      made->target_level = g_strdup ("city");
      made->target_title = g_strdup (plan->fate == PLAN_NOMINATED ? city[0] : city[index % G_N_ELEMENTS (city)]);
    }
  else if (index % 3 == 1 && place != NULL)
    {
      made->target_level = g_strdup ("county");
      made->target_title = g_strconcat (place->name_zh, "劳动模范", NULL);
    }
  else
    {
      made->target_level = g_strdup ("provincial");
      made->target_title = g_strdup (provincial[index % G_N_ELEMENTS (provincial)]);
    }
}

static GPtrArray *
plan_goals (DemoCare   *demo,
            const Plan *plan)
{
  GPtrArray *goals = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_cultivation_goal_free);
  /* The first milestone is due four months in (overdue for those behind),
   * the second two months from now. */
  int due[N_GOALS] = { 0, 0, 0, 0, plan->start - 120, -60 };

  for (int g = 0; g < N_GOALS; g++)
    {
      XfCultivationGoal *goal = xf_cultivation_goal_new ();

      goal->kind = g_strdup (goal_texts[g].kind);
      goal->title = g_strdup (goal_texts[g].title);
      goal->position = g;
      if (g_str_equal (goal_texts[g].kind, XF_GOAL_MILESTONE))
        goal->due_on = _xf_demo_care_day (demo, due[g]);
      g_ptr_array_add (goals, goal);
    }
  return goals;
}

static gboolean
create_plan (DemoCare       *demo,
             XfCultivation  *clerk,
             Plan           *plan,
             guint           index,
             GError        **error)
{
  g_autoptr(XfCultivationPlan) made = xf_cultivation_plan_new ();

  made->pioneer_id = plan->target->id;
  plan_target (plan, index, made);
  made->target_year = demo->year + (plan->fate == PLAN_NOMINATED ? 0 : (int) (index % 2));
  made->mentor_id = plan->mentor_id;
  made->apprenticeship_id = plan->apprenticeship_id;
  made->starts_on = _xf_demo_care_day (demo, plan->start);
  made->notes = g_strdup ("由所在单位工会推荐，列入年度培育计划。");
  made->goals = plan_goals (demo, plan);
  plan->id = xf_cultivation_save_plan (clerk, made, error);
  return plan->id > 0;
}

static gboolean
achieve (DemoCare       *demo,
         XfCultivation  *clerk,
         Plan           *plan,
         const PlanStep *step,
         GError        **error)
{
  g_autoptr(XfCultivationPlan) stored = xf_cultivation_get_plan (clerk, plan->id, error);
  g_autofree char *day = _xf_demo_care_day (demo, step->ago);
  const XfCultivationGoal *goal;

  if (stored == NULL)
    return FALSE;
  g_return_val_if_fail (stored->goals != NULL && (guint) step->goal < stored->goals->len, FALSE);
  goal = g_ptr_array_index (stored->goals, step->goal);
  return xf_cultivation_achieve_goal (clerk, goal->id, day, goal_texts[step->goal].evidence, error);
}

static gboolean
review (DemoCare       *demo,
        XfCultivation  *clerk,
        Plan           *plan,
        const PlanStep *step,
        GError        **error)
{
  g_autoptr(XfCultivationReview) made = xf_cultivation_review_new ();
  gboolean ready = step->kind == STEP_REVIEW && (plan->fate == PLAN_READY || plan->fate == PLAN_NOMINATED);

  made->year = step->kind == STEP_REVIEW ? demo->year : demo->year - 1;
  made->reviewed_on = _xf_demo_care_day (demo, step->ago);
  made->rating = g_strdup (ready ? "excellent" : plan->fate == PLAN_BEHIND ? "fair" : "good");
  made->ready = ready;
  made->comment = g_strdup (ready ? review_comments[0] : plan->fate == PLAN_BEHIND ? review_comments[2]
                                                                                   : review_comments[1]);
  return xf_cultivation_add_review (clerk, plan->id, made, error);
}

/* This year's open city campaign, 0 when there is none. */
static gint64
open_campaign (DemoCare *demo)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM campaigns WHERE status = 'open' AND level = 'city' "
                                          "AND year = %d ORDER BY id LIMIT 1", demo->year);

  return xf_db_query_int64 (demo->db, sql, 0, NULL);
}

static gboolean
finish (DemoCare       *demo,
        XfCultivation  *clerk,
        Plan           *plan,
        GError        **error)
{
  gint64 campaign;

  switch (plan->fate)
    {
    case PLAN_NOMINATED:
      campaign = open_campaign (demo);
      return campaign == 0 || xf_cultivation_nominate (clerk, plan->id, campaign, NULL, error) > 0;
    case PLAN_ACHIEVED:
      return xf_cultivation_close_plan (clerk, plan->id, XF_PLAN_ACHIEVED, NULL, error);
    case PLAN_CLOSED:
      return xf_cultivation_close_plan (clerk, plan->id, XF_PLAN_CLOSED,
                                        "本人调往外省工作，培育计划终止。", error);
    default:
      return TRUE;
    }
}

static gboolean
run_plan (DemoCare       *demo,
          XfCultivation  *clerk,
          Plan           *plan,
          guint           index,
          GError        **error)
{
  for (guint i = 0; i < plan->steps->len; i++)
    {
      const PlanStep *step = &g_array_index (plan->steps, PlanStep, i);
      gboolean ok = TRUE;

      _xf_demo_care_set_day (demo, step->ago);
      switch (step->kind)
        {
        case STEP_CREATE:
          ok = create_plan (demo, clerk, plan, index, error);
          break;
        case STEP_ACHIEVE:
          ok = achieve (demo, clerk, plan, step, error);
          break;
        case STEP_REVIEW_LAST_YEAR:
        case STEP_REVIEW:
          ok = review (demo, clerk, plan, step, error);
          break;
        case STEP_FINISH:
          ok = finish (demo, clerk, plan, error);
          break;
        }
      if (!ok)
        {
          g_prefix_error (error, "%s: ", plan->target->name);
          return FALSE;
        }
    }
  return TRUE;
}

/* An accepted or completed apprenticeship: its master mentors the first plan. */
static void
first_mentor (DemoCare *demo,
              gint64   *mentor_id,
              gint64   *apprenticeship_id)
{
  *apprenticeship_id = xf_db_query_int64 (demo->db, "SELECT min(a.id) FROM apprenticeships a "
                                                    "JOIN pioneers p ON p.id = a.pioneer_id "
                                                    "WHERE a.status IN ('accepted', 'completed') "
                                                    "AND p.kind = 'individual' AND p.status = 'active'", 0, NULL);
  *apprenticeship_id = MAX (*apprenticeship_id, 0);
  *mentor_id = 0;
  if (*apprenticeship_id > 0)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT pioneer_id FROM apprenticeships WHERE id = %" G_GINT64_FORMAT,
                                              *apprenticeship_id);

      *mentor_id = xf_db_query_int64 (demo->db, sql, 0, NULL);
    }
}

static PlanFate
plan_fate (guint index)
{
  /* One of each first, then mostly on track and behind, a few ready. */
  static const PlanFate later[] = { PLAN_ON_TRACK, PLAN_BEHIND, PLAN_ON_TRACK, PLAN_READY, PLAN_ON_TRACK };

  return index < N_PLAN_FATES ? (PlanFate) index : later[index % G_N_ELEMENTS (later)];
}

gboolean
_xf_demo_care_cultivation (DemoCare  *demo,
                           GError   **error)
{
  g_autofree char *oldest = _xf_demo_care_date_in (demo, -50, 1, 1);
  g_autofree char *youngest = _xf_demo_care_date_in (demo, -25, 12, 31);
  g_autofree char *targets_where = g_strdup_printf ("p.tier = 'cultivation' AND p.birth_date >= '%s' "
                                                    "AND p.birth_date <= '%s' AND NOT EXISTS "
                                                    "(SELECT 1 FROM nominations n WHERE n.pioneer_id = p.id)",
                                                    oldest, youngest);
  g_autoptr(GArray) targets = _xf_demo_care_people (demo, targets_where, TRUE, MAX_PLANS, error);
  g_autoptr(GArray) mentors = NULL;
  g_autoptr(GArray) plans = g_array_new (FALSE, TRUE, sizeof (Plan));
  XfCultivation *clerk = _xf_demo_cultivation_as (demo, "clerk", error);

  if (targets == NULL || clerk == NULL)
    return FALSE;
  mentors = _xf_demo_care_people (demo, "p.tier IN ('national', 'provincial', 'city')", FALSE, 8, error);
  if (mentors == NULL)
    return FALSE;
  g_array_set_clear_func (plans, plan_clear);
  for (guint i = 0; i < targets->len; i++)
    {
      Plan plan = { &g_array_index (targets, DemoPerson, i), 0, 0, plan_fate (i), 0, 0, NULL };

      plan.start = _xf_demo_rng_range (&demo->rng, 330, 365);
      plan.steps = g_array_new (FALSE, FALSE, sizeof (PlanStep));
      if (i == 0)
        first_mentor (demo, &plan.mentor_id, &plan.apprenticeship_id);
      if (plan.mentor_id == 0 || plan.mentor_id == plan.target->id)
        plan.mentor_id = mentors->len > 0 ? g_array_index (mentors, DemoPerson, i % mentors->len).id : 0;
      if (plan.mentor_id == plan.target->id)
        plan.mentor_id = 0;
      if (plan.apprenticeship_id > 0 && plan.start < 330)
        plan.apprenticeship_id = 0;
      plan_steps (demo, &plan);
      g_array_append_val (plans, plan);
      _xf_demo_care_take (demo, plan.target->id);
    }
  for (guint i = 0; i < plans->len; i++)
    if (!run_plan (demo, clerk, &g_array_index (plans, Plan, i), i, error))
      return FALSE;
  return TRUE;
}

/*
 * Skill training
 */

typedef struct
{
  const char *title;
  const char *provider;
  const char *skill;
  int         starts;     /* days ago; negative: to come */
  int         days;
  double      hours;
  int         capacity;
  int         participants;
  gboolean    cancelled;
} Course;

static const Course courses[] = {
  { "班组长管理能力提升研修班", "湖州市总工会职工学校", "班组管理", 300, 3, 24, 40, 12, FALSE },
  { "数控加工（高级）技能提升培训班", "湖州技师学院", "数控加工", 200, 5, 40, 30, 10, FALSE },
  { "电工职业技能等级认定培训", "湖州市职业技能鉴定中心", "电工", 110, 10, 80, 25, 8, FALSE },
  { "工匠精神与技术创新专题讲座", "浙江大学湖州研究院", "技术创新", -25, 1, 3.5, 0, 6, FALSE },
  { "直播电商助农技能培训", "湖州市农业农村局", "电子商务", 60, 2, 12, 20, 0, TRUE },
};

static XfTrainingCourse *
course_of (DemoCare     *demo,
           const Course *course,
           const char   *region)
{
  XfTrainingCourse *made = xf_training_course_new ();

  made->title = g_strdup (course->title);
  made->provider = g_strdup (course->provider);
  made->skill = g_strdup (course->skill);
  made->region_code = g_strdup (region);
  made->starts_on = _xf_demo_care_day (demo, course->starts);
  made->ends_on = _xf_demo_care_day (demo, course->starts - course->days + 1);
  made->hours = course->hours;
  made->capacity = course->capacity;
  made->description = g_strdup_printf ("面向全市劳模、工匠和培育对象，%s方向，共%g学时。",
                                       course->skill, course->hours);
  return made;
}

static gboolean
cancel_course (XfCultivation  *clerk,
               gint64          course_id,
               GError        **error)
{
  g_autoptr(XfTrainingCourse) stored = xf_cultivation_get_course (clerk, course_id, error);

  if (stored == NULL)
    return FALSE;
  g_free (stored->status);
  stored->status = g_strdup (XF_COURSE_CANCELLED);
  return xf_cultivation_save_course (clerk, stored, error) > 0;
}

/* Mostly passed; one failed and one absent in a course of eight or more. */
static gboolean
record_results (DemoCare       *demo,
                XfCultivation  *clerk,
                const Course   *course,
                gint64          course_id,
                GArray         *people,
                GError        **error)
{
  for (guint i = 0; i < people->len; i++)
    {
      const DemoPerson *person = &g_array_index (people, DemoPerson, i);
      gboolean absent = people->len >= 8 && i == people->len - 1;
      gboolean failed = people->len >= 8 && i == people->len - 2;
      double score = absent ? -1 : failed ? _xf_demo_rng_range (&demo->rng, 45, 59)
                                          : _xf_demo_rng_range (&demo->rng, 70, 98);
      g_autofree char *certificate = absent || failed ? g_strdup ("")
                                     : g_strdup_printf ("HZPX-%d-%04u", demo->year, 100 + i + (guint) course_id * 40);

      if (!xf_cultivation_record_result (clerk, course_id, person->id,
                                         absent ? 0 : course->hours - (i % 4 == 3 ? 2 : 0),
                                         absent ? XF_TRAINING_ABSENT : failed ? XF_TRAINING_FAILED : XF_TRAINING_PASSED,
                                         score, certificate, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
run_course (DemoCare       *demo,
            XfCultivation  *clerk,
            const Course   *course,
            GArray         *people,
            GError        **error)
{
  g_autoptr(XfTrainingCourse) made = NULL;
  /* The older courses were held in one county; the rest city-wide. */
  g_autofree char *region = people->len > 0 && course->starts > 150
                            ? g_strndup (g_array_index (people, DemoPerson, 0).region, 6) : NULL;
  gint64 id;

  _xf_demo_care_set_day (demo, course->starts + 30);
  made = course_of (demo, course, region);
  id = xf_cultivation_save_course (clerk, made, error);
  if (id == 0)
    return FALSE;
  _xf_demo_care_set_day (demo, course->starts + 10);
  for (guint i = 0; i < people->len; i++)
    if (!xf_cultivation_enrol (clerk, id, g_array_index (people, DemoPerson, i).id, error))
      return FALSE;
  if (course->cancelled)
    return cancel_course (clerk, id, error);
  if (course->starts - course->days < 0)
    return TRUE;
  _xf_demo_care_set_day (demo, course->starts - course->days);
  return record_results (demo, clerk, course, id, people, error);
}

gboolean
_xf_demo_care_training (DemoCare  *demo,
                        GError   **error)
{
  XfCultivation *clerk = _xf_demo_cultivation_as (demo, "clerk", error);

  if (clerk == NULL)
    return FALSE;
  for (guint c = 0; c < G_N_ELEMENTS (courses); c++)
    {
      /* Cultivation targets and county pioneers, most of all. */
      g_autoptr(GArray) people = _xf_demo_care_people (demo, "p.tier IN ('cultivation', 'county')", FALSE,
                                                       (guint) courses[c].participants, error);

      if (people == NULL || !run_course (demo, clerk, &courses[c], people, error))
        {
          g_prefix_error (error, "%s: ", courses[c].title);
          return FALSE;
        }
    }
  return TRUE;
}
