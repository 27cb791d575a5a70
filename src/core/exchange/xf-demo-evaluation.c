/* xf-demo-evaluation.c — demo campaigns, walked through the real repository
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-demo"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-clock.h"
#include "xf-demo-evaluation.h"
#include "xf-demo-evaluation-private.h"
#include "xf-demo-events.h"
#include "xf-demo-care.h"
#include "xf-demo-services.h"
#include "xf-error.h"

/*
 * Last year's city campaign runs first, against a "today" a year back, and
 * is closed with everything decided; this year's city campaign is copied
 * from it, and three county campaigns are made new. Each campaign's plan
 * (xf-demo-evaluation-plan.c) becomes events — save, submit, sign off,
 * pass, open a round, review, close it, publish the notice, record and
 * handle objections (xf-demo-notices.c), close the notice, decide — that
 * run in date order with $XIANFENG_TODAY set to each event's day, each
 * through XfEvaluation as the account that would do it: the clerk submits
 * and vets, the chair runs the rounds, each member reviews, the
 * administrator sets up campaigns and decides.
 */

#define DEMO_PASSWORD "xianfeng"

static const char * const committee_logins[] = {
  "reviewer2", "reviewer3", "reviewer4", "reviewer5", "reviewer6", "reviewer7", NULL,
};

/* The committee accounts' names, and where the members work: reviewer5
 * works at a nominating body, so the conflict checks find something. */
static const struct
{
  const char *login;
  const char *name;
  const char *employer;
} committee_people[] = {
  { "reviewer", NULL, "湖州市总工会" },
  { "reviewer2", "沈立新", "湖州市总工会" },
  { "reviewer3", "钱晓燕", "湖州师范学院" },
  { "reviewer4", "姚国平", "浙江大学湖州研究院" },
  { "reviewer5", "吴建华", "南浔区总工会" },
  { "reviewer6", "陆敏", "湖州市人力资源和社会保障局" },
  { "reviewer7", "潘志强", "湖州日报社" },
};

#define CITY_COMMITTEE { "reviewer", "reviewer2", "reviewer3", "reviewer4", "reviewer5", "reviewer6", "reviewer7" }

static const DemoPlan last_year_plan = {
  .title = "湖州市劳动模范", .level = "city", .region = "", .organiser = "union",
  .unit_suffix = "总工会", .quota = 20, .last_year = TRUE,
  .members = CITY_COMMITTEE,
  /* An objection sends one back to the committee, which selects it again
   * for a second notice; the decisions wait for it. */
  .round1_open = 32, .round1_close = 27, .notice_close = 22, .decide = 14, .n_decline = 1,
  .close_campaign = 5, .notice_story = NOTICE_STORY_UPHELD,
  .fates = { [FATE_CLOSED_ROUND] = 14, [FATE_REJECTED] = 2, [FATE_VETOED] = 1, [FATE_WITHDRAWN] = 1 },
  .n_fail = 2,
};

static const DemoPlan plans[] = {
  {
    /* Copied from last year's; a round closed and its nominations in
     * decision, a second round open with half the committee done. */
    .title = "湖州市劳动模范", .level = "city", .region = "", .organiser = "union",
    .unit_suffix = "总工会", .quota = 20,
    .members = CITY_COMMITTEE, .declares = "reviewer3",
    .round1_open = 15, .round1_close = 10, .notice_close = 4,
    .round2_open = 3, .round2_full = 4, .remind = 1, .notice_story = NOTICE_STORY_DISMISSED,
    .fates = { [FATE_CLOSED_ROUND] = 9, [FATE_OPEN_ROUND] = 6, [FATE_WAITING] = 2,
               [FATE_PRELIMINARY] = 6, [FATE_VETTING] = 2, [FATE_RETURNED] = 2,
               [FATE_RESUBMITTED] = 1, [FATE_REJECTED] = 1, [FATE_VETOED] = 1,
               [FATE_WITHDRAWN] = 1, [FATE_DRAFT] = 2 },
    .n_fail = 2,
  },
  {
    /* A small quota: one passing nomination falls outside it. In notice. */
    .title = "德清工匠", .level = "county", .region = "330521", .organiser = "human-resources",
    .unit_suffix = "总工会", .quota = 3,
    .members = { "reviewer2", "reviewer3", "reviewer4", "reviewer6", "reviewer7" },
    .round1_open = 8, .round1_close = 3, .notice_story = NOTICE_STORY_RUNNING,
    .fates = { [FATE_CLOSED_ROUND] = 5, [FATE_WAITING] = 2, [FATE_PRELIMINARY] = 4,
               [FATE_VETTING] = 1, [FATE_RETURNED] = 1, [FATE_REJECTED] = 1,
               [FATE_WITHDRAWN] = 1, [FATE_DRAFT] = 1 },
    .n_fail = 1,
  },
  {
    /* Conferred, one declined, one decision overdue. */
    .title = "吴兴区劳动模范", .level = "county", .region = "330502", .organiser = "union",
    .unit_suffix = "总工会", .quota = 8,
    .members = { "reviewer3", "reviewer4", "reviewer5", "reviewer6", "reviewer7" },
    .round1_open = 18, .round1_close = 13, .notice_close = 7, .decide = 5, .n_decline = 1, .n_keep = 1,
    .notice_story = NOTICE_STORY_CORRECTED,
    .fates = { [FATE_CLOSED_ROUND] = 8, [FATE_WAITING] = 2, [FATE_PRELIMINARY] = 3,
               [FATE_VETTING] = 1, [FATE_RETURNED] = 1, [FATE_RESUBMITTED] = 1,
               [FATE_VETOED] = 1, [FATE_DRAFT] = 1 },
    .n_fail = 1,
  },
  {
    /* Early days: no round yet. */
    .title = "安吉县巾帼建功标兵", .level = "county", .region = "330523", .organiser = "women",
    .unit_suffix = "妇女联合会", .quota = 5, .women = TRUE,
    .members = { "reviewer4", "reviewer5", "reviewer6", "reviewer7", "reviewer2" },
    .fates = { [FATE_WAITING] = 3, [FATE_PRELIMINARY] = 4, [FATE_VETTING] = 2,
               [FATE_RETURNED] = 1, [FATE_RESUBMITTED] = 1, [FATE_REJECTED] = 1,
               [FATE_DRAFT] = 2 },
  },
};

#define N_CAMPAIGNS DEMO_N_CAMPAIGNS

G_STATIC_ASSERT (G_N_ELEMENTS (plans) + 1 == DEMO_N_CAMPAIGNS);

static const struct { const char *code; const char *name; } counties[] = {
  { "330502", "吴兴区" }, { "330503", "南浔区" }, { "330521", "德清县" },
  { "330522", "长兴县" }, { "330523", "安吉县" },
};


static void
demo_nomination_free (DemoNomination *nomination)
{
  g_free (nomination->name);
  g_free (nomination->unit);
  g_free (nomination->contact);
  g_free (nomination->case_text);
  g_free (nomination->service_since);
  g_free (nomination);
}

static void
demo_clear (Demo *demo)
{
  g_clear_object (&demo->accounts);
  g_clear_object (&demo->local);
  g_clear_pointer (&demo->evaluations, g_hash_table_unref);
  g_clear_pointer (&demo->used, g_hash_table_unref);
  g_clear_pointer (&demo->by_id, g_hash_table_unref);
  g_clear_pointer (&demo->nominations, g_ptr_array_unref);
  for (guint i = 0; i < N_CAMPAIGNS; i++)
    g_clear_object (&demo->campaigns[i].campaign);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Demo, demo_clear)

const char * const *
xf_demo_evaluation_accounts (void)
{
  return committee_logins;
}

/*
 * Dates
 */

/* The @n-th working day before @base (@base itself for 0). */
static void
working_days_before (XfCalendar  *calendar,
                     const GDate *base,
                     int          n,
                     GDate       *result)
{
  *result = *base;
  while (n > 0)
    {
      g_date_subtract_days (result, 1);
      if (xf_calendar_is_working_day (calendar, result))
        n--;
    }
}

char *
_xf_demo_date_text (XfCalendar  *calendar,
           const GDate *base,
           int          ago)
{
  GDate date;

  working_days_before (calendar, base, ago, &date);
  return xf_date_format (&date);
}

/*
 * Actors
 */

/* The repository acting as @login ("" or a missing admin or clerk: the
 * local administrator). */
XfEvaluation *
_xf_demo_evaluation_as (Demo        *demo,
               const char  *login,
               GError     **error)
{
  XfEvaluation *evaluation = g_hash_table_lookup (demo->evaluations, login);
  g_autoptr(XfAccount) account = NULL;
  g_autoptr(XfRegistry) registry = NULL;

  if (evaluation != NULL)
    return evaluation;
  if (*login != '\0')
    {
      g_autoptr(GError) local_error = NULL;

      account = xf_accounts_get (demo->accounts, demo->local, login, &local_error);
      if (account == NULL && (g_str_equal (login, "admin") || g_str_equal (login, "clerk")))
        return _xf_demo_evaluation_as (demo, "", error);
      if (account == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  else
    account = g_object_ref (demo->local);
  registry = xf_registry_new (demo->store, account);
  evaluation = xf_evaluation_new (registry);
  g_hash_table_insert (demo->evaluations, g_strdup (login), evaluation);
  return evaluation;
}

/* Adds the committee accounts a database does not have yet. */
static gboolean
ensure_committee_accounts (Demo    *demo,
                           GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (committee_people); i++)
    {
      g_autoptr(XfAccount) account = NULL;
      g_autoptr(GError) local_error = NULL;

      if (committee_people[i].name == NULL)
        continue;
      account = xf_accounts_get (demo->accounts, demo->local, committee_people[i].login, &local_error);
      if (account != NULL)
        continue;
      if (!g_error_matches (local_error, XF_ERROR, XF_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      account = xf_account_new (committee_people[i].login, committee_people[i].name);
      xf_account_add_grant (account, XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
      if (!xf_accounts_save (demo->accounts, demo->local, account, DEMO_PASSWORD, error))
        return FALSE;
    }
  return TRUE;
}

/*
 * Campaigns
 */

static gint64
organisation_id (Demo       *demo,
                 const char *code)
{
  g_autofree char *sql = NULL;

  /* Our own constant codes. */
  sql = g_strdup_printf ("SELECT id FROM organisations WHERE code = '%s'", code);
  return xf_db_query_int64 (demo->db, sql, 0, NULL);
}

static GPtrArray *
committee_of (const DemoPlan *plan)
{
  GPtrArray *members = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_committee_member_free);

  for (guint i = 0; i < DEMO_MAX_MEMBERS && plan->members[i] != NULL; i++)
    for (guint j = 0; j < G_N_ELEMENTS (committee_people); j++)
      if (g_str_equal (committee_people[j].login, plan->members[i]))
        {
          /* The account id is filled in by the caller. */
          XfCommitteeMember *member = xf_committee_member_new (0, i == 0);

          member->login = g_strdup (plan->members[i]);
          member->employer = g_strdup (committee_people[j].employer);
          member->unit = g_strdup (committee_people[j].employer);
          g_ptr_array_add (members, member);
        }
  return members;
}

static gboolean
set_up_campaign (Demo          *demo,
                 DemoCampaign  *campaign,
                 gint64         copy_of,
                 GError       **error)
{
  const DemoPlan *plan = campaign->plan;
  XfEvaluation *admin = _xf_demo_evaluation_as (demo, "admin", error);
  g_autoptr(XfCampaign) made = NULL;
  g_autoptr(XfEligibility) rules = xf_eligibility_new ();
  g_autoptr(GPtrArray) members = committee_of (plan);
  g_autofree char *opens_on = _xf_demo_date_text (demo->calendar, &campaign->base, 60);
  g_autofree char *closes_on = NULL;
  GDate closes;

  if (admin == NULL)
    return FALSE;
  g_setenv ("XIANFENG_TODAY", opens_on, TRUE);
  if (copy_of > 0)
    made = xf_evaluation_copy_campaign (admin, copy_of, campaign->year, error);
  else
    {
      g_autofree char *title = g_strdup_printf ("%d年度%s", campaign->year, plan->title);

      made = xf_campaign_new (campaign->year, title, plan->level);
    }
  if (made == NULL)
    return FALSE;

  closes = campaign->base;
  g_date_add_days (&closes, 20);
  closes_on = xf_date_format (&closes);
  xf_campaign_set_organisation_id (made, organisation_id (demo, plan->organiser));
  xf_campaign_set_region_codes (made, plan->region);
  xf_campaign_set_quota (made, plan->quota);
  xf_campaign_set_opens_on (made, opens_on);
  xf_campaign_set_closes_on (made, closes_on);
  rules->min_age = 18;
  rules->max_age = 60;
  rules->kinds = g_strsplit ("individual", " ", -1);
  rules->exclude_holders = TRUE;
  xf_campaign_set_eligibility (made, rules);
  if (!xf_evaluation_save_campaign (admin, made, error))
    return FALSE;
  campaign->id = xf_campaign_get_id (made);

  for (guint i = 0; i < members->len; i++)
    {
      XfCommitteeMember *member = g_ptr_array_index (members, i);
      XfEvaluation *as_member = _xf_demo_evaluation_as (demo, member->login, error);

      if (as_member == NULL)
        return FALSE;
      member->account_id = xf_account_get_id (xf_evaluation_get_actor (as_member));
    }
  if (!xf_evaluation_set_committee (admin, campaign->id, members, error) ||
      !xf_evaluation_set_campaign_status (admin, campaign->id, "open", error))
    return FALSE;

  /* As stored, with the lists the events need. */
  campaign->campaign = xf_evaluation_get_campaign (admin, campaign->id, error);
  return campaign->campaign != NULL;
}

/*
 * Candidates
 */

typedef struct
{
  gint64  id;
  char   *name;
  char   *employer;
  char   *region;
  char   *deeds;
  guint   order;
} Candidate;

static void
candidate_clear (gpointer data)
{
  Candidate *candidate = data;

  g_free (candidate->name);
  g_free (candidate->employer);
  g_free (candidate->region);
  g_free (candidate->deeds);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;

  return (x->order > y->order) - (x->order < y->order);
}

/* Active individuals of the campaign's place and age who do not hold its
 * honour, those never nominated first, in a seeded order. */
static GArray *
find_candidates (Demo          *demo,
                 DemoCampaign  *campaign,
                 GError       **error)
{
  const DemoPlan *plan = campaign->plan;
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autofree char *region = g_strdup_printf ("%s%%", plan->region);
  g_autofree char *oldest = g_strdup_printf ("%d-01-01", campaign->year - 58);
  g_autofree char *youngest = g_strdup_printf ("%d-12-31", campaign->year - 25);
  g_autofree char *title = g_strdup_printf ("%%%s%%", plan->title);
  XfDbStep step;

  g_array_set_clear_func (candidates, candidate_clear);
  stmt = xf_db_prepare (demo->db,
                        "SELECT p.id, p.name, coalesce (p.employer, ''), p.region_code, "
                        "coalesce (p.deeds, ''), p.tier FROM pioneers p "
                        "WHERE p.kind = 'individual' AND p.status = 'active' "
                        "AND p.tier IN ('cultivation', 'county') "
                        "AND p.region_code LIKE $1 AND p.birth_date >= $2 AND p.birth_date <= $3 "
                        "AND ($4 = '' OR p.gender = $4) "
                        "AND NOT EXISTS (SELECT 1 FROM honours h WHERE h.pioneer_id = p.id "
                        "                AND h.title LIKE $5) "
                        "ORDER BY p.id",
                        error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_text (stmt, 1, region);
  xf_db_stmt_bind_text (stmt, 2, oldest);
  xf_db_stmt_bind_text (stmt, 3, youngest);
  xf_db_stmt_bind_text (stmt, 4, plan->women ? "female" : "");
  xf_db_stmt_bind_text (stmt, 5, title);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      Candidate candidate = { 0 };
      gboolean used;

      candidate.id = xf_db_stmt_column_int64 (stmt, 0);
      candidate.name = xf_db_stmt_dup_text (stmt, 1);
      candidate.employer = xf_db_stmt_dup_text (stmt, 2);
      candidate.region = xf_db_stmt_dup_text (stmt, 3);
      candidate.deeds = xf_db_stmt_dup_text (stmt, 4);
      used = g_hash_table_contains (demo->used, &candidate.id);
      /* Unused first, then cultivation targets, then the rest, shuffled within. */
      candidate.order = (used ? 1u << 30 : 0) |
                        (g_strcmp0 (xf_db_stmt_column_text (stmt, 5), "cultivation") == 0 ? 0 : 1u << 29) |
                        _xf_demo_rng_below (&demo->rng, 1u << 28);
      g_array_append_val (candidates, candidate);
    }
  if (step != XF_DB_STEP_DONE)
    return NULL;
  g_array_sort (candidates, compare_candidates);
  return g_steal_pointer (&candidates);
}

static const char *
county_name (const char *region)
{
  for (guint i = 0; i < G_N_ELEMENTS (counties); i++)
    if (region != NULL && g_str_has_prefix (region, counties[i].code))
      return counties[i].name;
  return "湖州市";
}

static DemoNomination *
make_nomination (Demo            *demo,
                 DemoCampaign    *campaign,
                 const Candidate *candidate,
                 DemoFate         fate)
{
  DemoNomination *nomination = g_new0 (DemoNomination, 1);
  g_autoptr(GString) contact = g_string_new (NULL);
  g_autofree char *deeds = g_utf8_substring (candidate->deeds, 0,
                                             MIN (g_utf8_strlen (candidate->deeds, -1), 160));

  nomination->campaign = campaign;
  nomination->fate = fate;
  nomination->pioneer_id = candidate->id;
  nomination->name = g_strdup (candidate->name);
  if (candidate->employer[0] != '\0' && _xf_demo_rng_chance (&demo->rng, 500))
    nomination->unit = g_strdup (candidate->employer);
  else
    nomination->unit = g_strconcat (county_name (candidate->region), campaign->plan->unit_suffix, NULL);
  _xf_demo_make_name (&demo->rng, _xf_demo_rng_chance (&demo->rng, 500), contact);
  g_string_append_printf (contact, " 0572-2%06u", _xf_demo_rng_below (&demo->rng, 1000000));
  nomination->contact = g_string_free (g_steal_pointer (&contact), FALSE);
  nomination->case_text = deeds[0] != '\0'
                          ? g_strconcat ("推荐理由：", deeds, NULL)
                          : g_strdup ("推荐理由：该同志立足岗位、甘于奉献，业绩突出，群众认可度高。");
  nomination->service_since = g_strdup_printf ("%04d-%02d-01",
                                               campaign->year - 8 - _xf_demo_rng_range (&demo->rng, 0, 15),
                                               _xf_demo_rng_range (&demo->rng, 1, 12));
  nomination->with_material = demo->nominations->len % 3 == 0;
  return nomination;
}

/* The plan's nominations, one of each fate first, so that a small registry
 * still shows every stage. */
static gboolean
choose_nominations (Demo          *demo,
                    DemoCampaign  *campaign,
                    GError       **error)
{
  g_autoptr(GArray) candidates = find_candidates (demo, campaign, error);
  int left[N_FATES];
  guint next = 0;
  gboolean more = TRUE;

  if (candidates == NULL)
    return FALSE;
  memcpy (left, campaign->plan->fates, sizeof left);
  while (more)
    {
      more = FALSE;
      for (guint fate = 0; fate < N_FATES; fate++)
        {
          const Candidate *candidate;

          if (left[fate] == 0 || next >= candidates->len)
            continue;
          candidate = &g_array_index (candidates, Candidate, next++);
          g_ptr_array_add (demo->nominations, make_nomination (demo, campaign, candidate, fate));
          g_hash_table_add (demo->used, g_memdup2 (&candidate->id, sizeof (gint64)));
          left[fate]--;
          more = TRUE;
        }
    }
  return TRUE;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const DemoEvent *x = a;
  const DemoEvent *y = b;

  return _xf_demo_compare_planned (x->ago, x->seq, y->ago, y->seq);
}

/* Sets up @n campaigns, chooses their nominations and runs their events. */
static gboolean
run_campaigns (Demo          *demo,
               DemoCampaign  *campaigns,
               guint          n,
               gint64         copy_of,
               GError       **error)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (DemoEvent));

  for (guint i = 0; i < n; i++)
    {
      /* The city campaign (the first) is copied from last year's. */
      if (!set_up_campaign (demo, &campaigns[i], i == 0 ? copy_of : 0, error) ||
          !choose_nominations (demo, &campaigns[i], error))
        return FALSE;
      _xf_demo_plan_events (&demo->rng, &campaigns[i], demo->nominations, events);
    }
  /* Every campaign of a run shares its "today". */
  g_array_sort (events, compare_events);
  for (guint i = 0; i < events->len; i++)
    {
      const DemoEvent *event = &g_array_index (events, DemoEvent, i);

      if (!_xf_demo_run_event (demo, event, error))
        {
          g_autofree char *day = _xf_demo_date_text (demo->calendar, &event->campaign->base, event->ago);

          /* TRANSLATORS: the start of an error message: "Demo data, 2026年度德清工匠, 2026-11-03: …" */
          g_prefix_error (error, _("Demo data, %s, %s: "),
                          xf_campaign_get_title (event->campaign->campaign), day);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
generate (Demo    *demo,
          GError **error)
{
  DemoCampaign *last = &demo->campaigns[0];
  GDate opens;

  /* The year is the one this year's submissions open in. */
  working_days_before (demo->calendar, &demo->today, 60, &opens);
  last->plan = &last_year_plan;
  last->year = g_date_get_year (&opens) - 1;
  last->base = demo->today;
  g_date_subtract_years (&last->base, 1);
  for (guint i = 1; i < N_CAMPAIGNS; i++)
    {
      demo->campaigns[i].plan = &plans[i - 1];
      demo->campaigns[i].year = g_date_get_year (&opens);
      demo->campaigns[i].base = demo->today;
    }

  return run_campaigns (demo, last, 1, 0, error) &&
         run_campaigns (demo, &demo->campaigns[1], N_CAMPAIGNS - 1, last->id, error);
}

/**
 * xf_demo_generate_evaluation:
 * @store: a store with the demo registry and the demo accounts
 * @seed: the seed; the same seed on the same day gives the same rows
 *
 * See xf-demo-evaluation.h.
 *
 * Returns: %TRUE on success
 */
gboolean
xf_demo_generate_evaluation (XfStore  *store,
                             guint64   seed,
                             GError  **error)
{
  g_auto(Demo) demo = { 0 };
  g_autofree char *saved_today = g_strdup (g_getenv ("XIANFENG_TODAY"));
  g_autoptr(GTimer) timer = g_timer_new ();
  gboolean ok;

  g_return_val_if_fail (XF_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  demo.store = store;
  demo.db = xf_store_get_db (store);
  if (!_xf_demo_check_none (demo.db, "SELECT count(*) FROM campaigns",
                            _("The database already has campaigns; demo campaigns go only into a database without any"),
                            error))
    return FALSE;
  demo.calendar = xf_calendar_get_default (error);
  if (demo.calendar == NULL)
    return FALSE;

  demo.accounts = xf_accounts_new (store);
  demo.local = xf_account_new_local_administrator ();
  demo.evaluations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  demo.used = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  demo.by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  demo.nominations = g_ptr_array_new_with_free_func ((GDestroyNotify) demo_nomination_free);
  _xf_demo_rng_seed (&demo.rng, seed ^ G_GUINT64_CONSTANT (0x6576616C75617465));  /* "evaluate" */
  xf_clock_today (&demo.today);

  /* Accounts are written in transactions of their own. */
  if (!ensure_committee_accounts (&demo, error) || !xf_demo_care_ensure_accounts (store, error))
    return FALSE;
  g_debug ("Added the committee accounts in %.2f s", g_timer_elapsed (timer, NULL));

  ok = xf_db_begin (demo.db, error);
  if (ok)
    {
      ok = generate (&demo, error) && xf_demo_generate_services (store, seed, error)
           && xf_demo_generate_events (store, seed, error)
           && xf_demo_generate_care (store, seed, error) && xf_db_commit (demo.db, error);
      if (!ok)
        xf_db_rollback (demo.db);
    }

  _xf_demo_restore_today (saved_today);
  g_debug ("Wrote %u demo nominations in %.2f s", demo.nominations->len, g_timer_elapsed (timer, NULL));
  return ok;
}
