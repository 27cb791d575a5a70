/* test-eligibility.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-eligibility.h"
#include "xf-honour.h"

/* The day the checks are made on. */
static GDate on;

static XfPioneer *
individual (const char *name,
            const char *birth_date,
            const char *region_code)
{
  XfPioneer *pioneer = xf_pioneer_new ("individual");

  g_object_set (pioneer,
                "name", name,
                "birth-date", birth_date,
                "region-code", region_code,
                NULL);
  return pioneer;
}

static XfCampaign *
campaign (void)
{
  return xf_campaign_new (2026, "2026年度湖州市劳动模范", "city");
}

static GPtrArray *
check (XfCampaign         *campaign,
       XfPioneer          *candidate,
       GPtrArray          *honours,
       const char         *service_since,
       const char         *organisation_code,
       const char * const *ancestors)
{
  GPtrArray *reasons = xf_eligibility_check (campaign, candidate, honours, service_since,
                                             organisation_code, ancestors, &on);

  g_assert_nonnull (reasons);
  return reasons;
}

/* The only reason, which must hold @fragment. */
static void
assert_one_reason (GPtrArray  *reasons,
                   const char *fragment)
{
  g_assert_cmpuint (reasons->len, ==, 1);
  if (strstr (g_ptr_array_index (reasons, 0), fragment) == NULL)
    g_error ("“%s” does not contain “%s”", (char *) g_ptr_array_index (reasons, 0), fragment);
}

static void
test_no_rules (void)
{
  g_autoptr(XfCampaign) open = campaign ();
  g_autoptr(XfPioneer) person = individual ("王建国", NULL, NULL);
  g_autoptr(GPtrArray) reasons = check (open, person, NULL, NULL, NULL, NULL);

  g_assert_cmpuint (reasons->len, ==, 0);
}

static void
test_age_boundaries (void)
{
  g_autoptr(XfCampaign) limited = campaign ();
  XfEligibility *rules = xf_campaign_get_eligibility (limited);
  struct { const char *birth; guint n_reasons; const char *fragment; } cases[] = {
    /* On 2026-03-15: 18 exactly on the birthday, not the day before. */
    { "2008-03-15", 0, NULL },
    { "2008-03-16", 1, "Age 17 is below the campaign’s minimum of 18" },
    { "2008-04-01", 1, "Age 17 is below" },
    /* 60 until the day before the 61st birthday. */
    { "1965-03-16", 0, NULL },
    { "1965-03-15", 1, "Age 61 is above the campaign’s limit of 60" },
    { "1966-03-15", 0, NULL },
    /* Born on 29 February: a year older only from 1 March in 2026. */
    { "2008-02-29", 0, NULL },
  };

  rules->min_age = 18;
  rules->max_age = 60;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XfPioneer) person = individual ("李明", cases[i].birth, NULL);
      g_autoptr(GPtrArray) reasons = check (limited, person, NULL, NULL, NULL, NULL);

      if (cases[i].n_reasons == 0)
        g_assert_cmpuint (reasons->len, ==, 0);
      else
        assert_one_reason (reasons, cases[i].fragment);
    }

  /* 29 February 2008: on 28 February 2026 the birthday has not come. */
  {
    g_autoptr(XfPioneer) leap = individual ("闰年生", "2008-02-29", NULL);
    g_autoptr(GPtrArray) reasons = NULL;
    GDate eve;

    g_date_clear (&eve, 1);
    g_date_set_dmy (&eve, 28, G_DATE_FEBRUARY, 2026);
    reasons = xf_eligibility_check (limited, leap, NULL, NULL, NULL, NULL, &eve);
    assert_one_reason (reasons, "Age 17 is below");
  }
}

static void
test_age_missing_and_collectives (void)
{
  g_autoptr(XfCampaign) limited = campaign ();
  g_autoptr(XfPioneer) unknown = individual ("张三", NULL, NULL);
  g_autoptr(XfPioneer) team = xf_pioneer_new ("collective");
  g_autoptr(GPtrArray) reasons = NULL;
  g_autoptr(GPtrArray) team_reasons = NULL;

  xf_campaign_get_eligibility (limited)->max_age = 60;
  reasons = check (limited, unknown, NULL, NULL, NULL, NULL);
  assert_one_reason (reasons, "The birth date of 张三 is missing");

  /* Collectives have no age. */
  g_object_set (team, "name", "湖州电力抢修班", NULL);
  team_reasons = check (limited, team, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (team_reasons->len, ==, 0);
}

static void
test_kind (void)
{
  g_autoptr(XfCampaign) individuals = campaign ();
  g_autoptr(XfCampaign) collectives = campaign ();
  g_autoptr(XfPioneer) person = individual ("王建国", NULL, NULL);
  g_autoptr(XfPioneer) team = xf_pioneer_new ("collective");
  const char *only_individuals[] = { "individual", NULL };
  const char *only_collectives[] = { "collective", NULL };
  const char *both[] = { "individual", "collective", NULL };
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) c = NULL;
  g_autoptr(GPtrArray) d = NULL;
  g_autoptr(GPtrArray) e = NULL;

  g_object_set (team, "name", "湖州电力抢修班", NULL);
  xf_campaign_get_eligibility (individuals)->kinds = g_strdupv ((char **) only_individuals);
  xf_campaign_get_eligibility (collectives)->kinds = g_strdupv ((char **) only_collectives);

  a = check (individuals, person, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (a->len, ==, 0);
  b = check (individuals, team, NULL, NULL, NULL, NULL);
  assert_one_reason (b, "admits individuals only, and 湖州电力抢修班 is a collective");
  c = check (collectives, person, NULL, NULL, NULL, NULL);
  assert_one_reason (c, "admits collectives only, and 王建国 is an individual");
  d = check (collectives, team, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (d->len, ==, 0);

  g_strfreev (xf_campaign_get_eligibility (individuals)->kinds);
  xf_campaign_get_eligibility (individuals)->kinds = g_strdupv ((char **) both);
  e = check (individuals, team, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (e->len, ==, 0);
}

static void
test_service (void)
{
  g_autoptr(XfCampaign) seasoned = campaign ();
  g_autoptr(XfPioneer) person = individual ("王建国", "1980-05-01", NULL);
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) exact = NULL;
  g_autoptr(GPtrArray) short_by_a_day = NULL;

  xf_campaign_get_eligibility (seasoned)->min_service_years = 5;
  missing = check (seasoned, person, NULL, NULL, NULL, NULL);
  assert_one_reason (missing, "requires 5 years of service");
  exact = check (seasoned, person, NULL, "2021-03-15", NULL, NULL);
  g_assert_cmpuint (exact->len, ==, 0);
  short_by_a_day = check (seasoned, person, NULL, "2021-03-16", NULL, NULL);
  assert_one_reason (short_by_a_day, "4 years of service since 2021-03-16 are fewer than the campaign’s minimum of 5");
}

static void
test_required_honours (void)
{
  g_autoptr(XfCampaign) city = campaign ();
  g_autoptr(XfPioneer) person = individual ("王建国", NULL, NULL);
  g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) county = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) craftsman = g_ptr_array_new_with_free_func (g_object_unref);
  const char *levels[] = { "county", "city", NULL };
  const char *titles[] = { "工匠", NULL };
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) c = NULL;
  g_autoptr(GPtrArray) d = NULL;
  g_autoptr(GPtrArray) e = NULL;

  g_ptr_array_add (county, xf_honour_new ("德清县劳动模范", "county", 2022));
  g_ptr_array_add (craftsman, xf_honour_new ("2023年度德清工匠", "provincial", 2023));

  xf_campaign_get_eligibility (city)->required_levels = g_strdupv ((char **) levels);
  a = check (city, person, none, NULL, NULL, NULL);
  assert_one_reason (a, "王建国 holds no earlier honour of the required level (District/County, City)");
  b = check (city, person, county, NULL, NULL, NULL);
  g_assert_cmpuint (b->len, ==, 0);
  c = check (city, person, craftsman, NULL, NULL, NULL);
  g_assert_cmpuint (c->len, ==, 1);

  /* A title (substring) admits too. */
  xf_campaign_get_eligibility (city)->required_titles = g_strdupv ((char **) titles);
  d = check (city, person, craftsman, NULL, NULL, NULL);
  g_assert_cmpuint (d->len, ==, 0);
  e = check (city, person, none, NULL, NULL, NULL);
  assert_one_reason (e, "required level (District/County, City) or title (工匠)");
}

static void
test_exclude_holders (void)
{
  g_autoptr(XfCampaign) city = campaign ();
  g_autoptr(XfPioneer) person = individual ("王建国", NULL, NULL);
  g_autoptr(GPtrArray) holds = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) other = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) c = NULL;

  /* The year in front of the title does not make it another title. */
  g_ptr_array_add (holds, xf_honour_new ("湖州市劳动模范", "city", 2021));
  g_ptr_array_add (other, xf_honour_new ("2021年度湖州市五一劳动奖章", "city", 2021));

  a = check (city, person, holds, NULL, NULL, NULL);
  g_assert_cmpuint (a->len, ==, 0);
  xf_campaign_get_eligibility (city)->exclude_holders = TRUE;
  b = check (city, person, holds, NULL, NULL, NULL);
  assert_one_reason (b, "王建国 already holds the title “湖州市劳动模范” (2021)");
  c = check (city, person, other, NULL, NULL, NULL);
  g_assert_cmpuint (c->len, ==, 0);
}

static void
test_file_status (void)
{
  g_autoptr(XfCampaign) city = campaign ();
  g_autoptr(XfPioneer) archived = individual ("王建国", NULL, NULL);
  g_autoptr(XfPioneer) deceased = individual ("李四", NULL, NULL);
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;

  g_object_set (archived, "status", "archived", NULL);
  g_object_set (deceased, "status", "deceased", NULL);
  a = check (city, archived, NULL, NULL, NULL, NULL);
  assert_one_reason (a, "The file of 王建国 is archived");
  b = check (city, deceased, NULL, NULL, NULL, NULL);
  assert_one_reason (b, "李四 is recorded as deceased");
}

static void
test_region_coverage (void)
{
  g_autoptr(XfCampaign) huzhou = campaign ();
  struct { const char *region; guint n_reasons; const char *fragment; } cases[] = {
    { "330502001", 0, NULL },     /* Wuxing, under 3305 */
    { "330521", 0, NULL },        /* Deqing county itself */
    { "330106", 1, "Region 330106 is outside the regions the campaign covers (3305 330681)" },
    { "330681101", 0, NULL },     /* Zhuji, named on its own */
    { "33", 1, "Region 33 is outside" },   /* the province is above the covered prefixes */
    { NULL, 1, "The region of 王建国 is missing" },
  };

  xf_campaign_set_region_codes (huzhou, "3305 330681");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XfPioneer) person = individual ("王建国", NULL, cases[i].region);
      g_autoptr(GPtrArray) reasons = check (huzhou, person, NULL, NULL, NULL, NULL);

      if (cases[i].n_reasons == 0)
        g_assert_cmpuint (reasons->len, ==, 0);
      else
        assert_one_reason (reasons, cases[i].fragment);
    }
}

static void
test_organisation_coverage (void)
{
  g_autoptr(XfCampaign) union_only = campaign ();
  g_autoptr(XfPioneer) person = individual ("王建国", NULL, NULL);
  const char *under_union[] = { "union-deqing", "union", NULL };
  const char *elsewhere[] = { "youth", NULL };
  g_autoptr(GPtrArray) itself = NULL;
  g_autoptr(GPtrArray) below = NULL;
  g_autoptr(GPtrArray) outside = NULL;
  g_autoptr(GPtrArray) without = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(XfCampaign) everyone = campaign ();

  xf_campaign_set_organisation_codes (union_only, "union");
  itself = check (union_only, person, NULL, NULL, "union", NULL);
  g_assert_cmpuint (itself->len, ==, 0);
  below = check (union_only, person, NULL, NULL, "union-deqing-town",
                 (const char * const *) under_union);
  g_assert_cmpuint (below->len, ==, 0);
  outside = check (union_only, person, NULL, NULL, "youth-league", (const char * const *) elsewhere);
  assert_one_reason (outside, "Organisation youth-league is outside the organisations the campaign covers (union)");
  without = check (union_only, person, NULL, NULL, NULL, NULL);
  assert_one_reason (without, "王建国 belongs to no organisation");
  all = check (everyone, person, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (all->len, ==, 0);
}

static void
test_several_reasons (void)
{
  g_autoptr(XfCampaign) strict = campaign ();
  g_autoptr(XfPioneer) person = individual ("王建国", "1950-01-01", "330106");
  XfEligibility *rules = xf_campaign_get_eligibility (strict);
  g_autoptr(GPtrArray) reasons = NULL;

  rules->max_age = 60;
  rules->min_service_years = 3;
  xf_campaign_set_region_codes (strict, "3305");
  g_object_set (person, "status", "archived", NULL);
  reasons = check (strict, person, NULL, NULL, NULL, NULL);
  /* Every reason, in order: file, age, service, region. */
  g_assert_cmpuint (reasons->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (reasons, 0), ==, "The file of 王建国 is archived");
  g_assert_cmpstr (g_ptr_array_index (reasons, 1), ==, "Age 76 is above the campaign’s limit of 60");
  g_assert_nonnull (strstr (g_ptr_array_index (reasons, 2), "requires 3 years of service"));
  g_assert_nonnull (strstr (g_ptr_array_index (reasons, 3), "Region 330106"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_date_clear (&on, 1);
  g_date_set_dmy (&on, 15, G_DATE_MARCH, 2026);

  g_test_add_func ("/core/eligibility/no-rules", test_no_rules);
  g_test_add_func ("/core/eligibility/age-boundaries", test_age_boundaries);
  g_test_add_func ("/core/eligibility/age-missing-collectives", test_age_missing_and_collectives);
  g_test_add_func ("/core/eligibility/kind", test_kind);
  g_test_add_func ("/core/eligibility/service", test_service);
  g_test_add_func ("/core/eligibility/required-honours", test_required_honours);
  g_test_add_func ("/core/eligibility/exclude-holders", test_exclude_holders);
  g_test_add_func ("/core/eligibility/file-status", test_file_status);
  g_test_add_func ("/core/eligibility/region-coverage", test_region_coverage);
  g_test_add_func ("/core/eligibility/organisation-coverage", test_organisation_coverage);
  g_test_add_func ("/core/eligibility/several-reasons", test_several_reasons);

  return g_test_run ();
}
