/* test-care-eligibility.c — eligibility lists, single checks, gaps and
 *                           saved views on people made by hand
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-care-people.h"

#define ON "2026-07-01"

typedef struct
{
  gint64 zhang;    /* Deqing, 70 on ON, city model worker */
  gint64 li;       /* Anji, 55, provincial model worker */
  gint64 zhao;     /* Anji, 86, national model worker */
  gint64 wang;     /* Deqing, 59, no honour (cultivation tier) */
  gint64 team;     /* a collective in Deqing, city honour */
} People;

static People
add_people (CareFixture *fixture)
{
  People people;
  g_autoptr(XfPioneer) team = xf_pioneer_new ("collective");
  g_autoptr(GError) error = NULL;

  people.zhang = xf_test_care_add_person (fixture, "张建华", "1956-04-02", XF_TEST_WUKANG, "union");
  xf_test_care_add_honour (fixture, people.zhang, "湖州市劳动模范", "city", 2010);
  people.li = xf_test_care_add_person (fixture, "李秀英", "1970-11-20", XF_TEST_ANJI, NULL);
  xf_test_care_add_honour (fixture, people.li, "浙江省劳动模范", "provincial", 2015);
  people.zhao = xf_test_care_add_person (fixture, "赵德胜", "1940-01-01", XF_TEST_ANJI, NULL);
  xf_test_care_add_honour (fixture, people.zhao, "全国劳动模范", "national", 1989);
  people.wang = xf_test_care_add_person (fixture, "王大明", "1966-07-02", XF_TEST_DEQING, NULL);
  g_object_set (team, "name", "德清县某车间", "region-code", XF_TEST_DEQING, NULL);
  g_assert_true (xf_registry_save_pioneer (fixture->registry, team, &error));
  g_assert_no_error (error);
  people.team = xf_pioneer_get_id (team);
  xf_test_care_add_honour (fixture, people.team, "湖州市先进集体", "city", 2020);
  return people;
}

static GPtrArray *
eligible (CareFixture *fixture,
          const char  *programme,
          const char  *on,
          const char  *region)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = xf_care_list_eligible (fixture->care, programme, on, region, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

#define NTH(list, i) ((XfCareEligible *) g_ptr_array_index ((list), (i)))

static void
test_lists (CareFixture   *fixture,
            gconstpointer  data)
{
  People people = add_people (fixture);
  g_autoptr(GPtrArray) checks = eligible (fixture, "health-check", ON, NULL);
  g_autoptr(GPtrArray) anji = eligible (fixture, "health-check", ON, XF_TEST_ANJI);
  g_autoptr(GPtrArray) elderly = eligible (fixture, "elderly-care", ON, NULL);
  g_autoptr(GPtrArray) allowance = eligible (fixture, "honour-allowance", ON, NULL);
  g_autoptr(GPtrArray) greetings = eligible (fixture, "anniversary-greeting", ON, NULL);
  g_autoptr(GPtrArray) trips = eligible (fixture, "recuperation", ON, NULL);
  g_autoptr(GError) error = NULL;

  /* Individuals of city tier and above, by region then name. */
  g_assert_cmpuint (checks->len, ==, 3);
  g_assert_cmpint (NTH (checks, 0)->pioneer_id, ==, people.zhang);
  g_assert_cmpint (NTH (checks, 1)->pioneer_id, ==, people.li);
  g_assert_cmpint (NTH (checks, 2)->pioneer_id, ==, people.zhao);
  g_assert_cmpstr (NTH (checks, 0)->name, ==, "张建华");
  g_assert_cmpint (NTH (checks, 0)->age, ==, 70);
  g_assert_cmpstr (NTH (checks, 0)->tier, ==, "city");
  g_assert_cmpstr (NTH (checks, 0)->kind, ==, "individual");
  g_assert_cmpstr (NTH (checks, 0)->region_code, ==, XF_TEST_WUKANG);
  g_assert_cmpstr (NTH (checks, 0)->region_name, !=, "");
  g_assert_cmpstr (NTH (checks, 0)->organisation_name, !=, "");
  g_assert_cmpstr (NTH (checks, 1)->organisation_name, ==, "");
  g_assert_null (NTH (checks, 0)->last_served_on);
  g_assert_false (NTH (checks, 0)->served_this_year);

  g_assert_cmpuint (anji->len, ==, 2);
  g_assert_cmpint (NTH (anji, 0)->pioneer_id, ==, people.li);

  g_assert_cmpuint (elderly->len, ==, 1);
  g_assert_cmpint (NTH (elderly, 0)->pioneer_id, ==, people.zhao);
  g_assert_cmpint (NTH (elderly, 0)->age, ==, 86);

  /* Honour levels and titles: the city model worker is not in. */
  g_assert_cmpuint (allowance->len, ==, 2);
  g_assert_cmpint (NTH (allowance, 0)->pioneer_id, ==, people.li);
  g_assert_cmpint (NTH (allowance, 1)->pioneer_id, ==, people.zhao);

  /* Collectives too, where the rules do not say individuals. */
  g_assert_cmpuint (greetings->len, ==, 4);
  g_assert_cmpint (NTH (greetings, 0)->pioneer_id, ==, people.team);
  g_assert_cmpint (NTH (greetings, 0)->age, ==, -1);

  /* 65 and under, still working. */
  g_assert_cmpuint (trips->len, ==, 1);
  g_assert_cmpint (NTH (trips, 0)->pioneer_id, ==, people.li);

  g_assert_null (xf_care_list_eligible (fixture->care, "spa", ON, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (xf_care_list_eligible (fixture->care, "health-check", "2026-7-1", NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Reference date: "));
  g_clear_error (&error);
  g_assert_null (xf_care_list_eligible (fixture->care, "health-check", ON, "Anji", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Region: "));
}

static void
test_profiles_change_lists (CareFixture   *fixture,
                            gconstpointer  data)
{
  People people = add_people (fixture);
  g_autoptr(XfCareProfile) profile = xf_care_profile_new (people.li);
  g_autoptr(XfCareProfile) hardship = xf_care_profile_new (people.wang);
  g_autoptr(XfPioneer) zhao = NULL;
  g_autoptr(GPtrArray) trips = NULL;
  g_autoptr(GPtrArray) support = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GPtrArray) elderly = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  gboolean ok = TRUE;

  profile->retired_on = g_strdup ("2025-12-01");
  g_assert_true (xf_care_save_profile (fixture->care, profile, &error));
  g_assert_no_error (error);
  hardship->hardship = TRUE;
  g_assert_true (xf_care_save_profile (fixture->care, hardship, &error));
  g_assert_no_error (error);

  trips = eligible (fixture, "recuperation", ON, NULL);
  g_assert_cmpuint (trips->len, ==, 0);
  /* Before retiring, she was. */
  g_clear_pointer (&trips, g_ptr_array_unref);
  trips = eligible (fixture, "recuperation", "2025-11-30", NULL);
  g_assert_cmpuint (trips->len, ==, 1);
  g_assert_true (xf_care_check_eligible (fixture->care, "recuperation", people.li, ON, &ok, &reason, &error));
  g_assert_no_error (error);
  g_assert_false (ok);
  g_assert_cmpstr (reason, ==, "Retired on 2025-12-01; the programme is for pioneers still working");
  g_clear_pointer (&reason, g_free);
  g_assert_true (xf_care_check_eligible (fixture->care, "health-check", people.wang, ON, &ok, &reason, &error));
  g_assert_false (ok);
  g_assert_cmpstr (reason, ==, "Tier: Cultivation target; the programme is for National, Provincial, City");
  g_clear_pointer (&reason, g_free);
  g_assert_true (xf_care_check_eligible (fixture->care, "health-check", people.zhang, NULL, &ok, &reason, &error));
  g_assert_true (ok);
  g_assert_null (reason);
  g_assert_false (xf_care_check_eligible (fixture->care, "health-check", 9999, ON, &ok, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_clear_error (&error);

  support = eligible (fixture, "hardship-support", ON, NULL);
  g_assert_cmpuint (support->len, ==, 1);
  g_assert_cmpint (NTH (support, 0)->pioneer_id, ==, people.wang);

  /* An archived file leaves the health checks, not the care of the elderly. */
  zhao = xf_registry_get_pioneer (fixture->registry, people.zhao, &error);
  g_assert_no_error (error);
  g_assert_true (xf_registry_archive_pioneer (fixture->registry, zhao, "迁居外地", &error));
  g_assert_no_error (error);
  checks = eligible (fixture, "health-check", ON, NULL);
  g_assert_cmpuint (checks->len, ==, 2);
  elderly = eligible (fixture, "elderly-care", ON, NULL);
  g_assert_cmpuint (elderly->len, ==, 1);
}

static void
test_gaps (CareFixture   *fixture,
           gconstpointer  data)
{
  People people = add_people (fixture);
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GError) error = NULL;

  xf_test_care_add_record (fixture, people.zhang, "health-check", "2025-05-01", 80000);
  xf_test_care_add_record (fixture, people.zhang, "health-check", "2026-03-01", 80000);
  xf_test_care_add_record (fixture, people.li, "health-check", "2024-06-30", 80000);
  /* Another programme's record does not count. */
  xf_test_care_add_record (fixture, people.zhao, "festival-visit", "2026-01-20", 50000);

  checks = eligible (fixture, "health-check", ON, NULL);
  g_assert_cmpstr (NTH (checks, 0)->last_served_on, ==, "2026-03-01");
  g_assert_true (NTH (checks, 0)->served_this_year);
  g_assert_cmpstr (NTH (checks, 1)->last_served_on, ==, "2024-06-30");
  g_assert_false (NTH (checks, 1)->served_this_year);

  /* Two years up to 1 July 2026: never served first, then the oldest. */
  gaps = xf_care_list_gaps (fixture->care, "health-check", 2, ON, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 2);
  g_assert_cmpint (NTH (gaps, 0)->pioneer_id, ==, people.zhao);
  g_assert_null (NTH (gaps, 0)->last_served_on);
  g_assert_cmpint (NTH (gaps, 1)->pioneer_id, ==, people.li);
  g_clear_pointer (&gaps, g_ptr_array_unref);

  /* Three years: her check of 2024 counts. On 2025-01-01 his later checks
   * had not happened yet. */
  gaps = xf_care_list_gaps (fixture->care, "health-check", 3, ON, NULL, &error);
  g_assert_cmpuint (gaps->len, ==, 1);
  g_clear_pointer (&gaps, g_ptr_array_unref);
  gaps = xf_care_list_gaps (fixture->care, "health-check", 1, "2025-01-01", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 2);
  g_assert_cmpint (NTH (gaps, 0)->pioneer_id, ==, people.zhang);
  g_assert_null (NTH (gaps, 0)->last_served_on);
  g_assert_cmpint (NTH (gaps, 1)->pioneer_id, ==, people.zhao);
  g_clear_pointer (&gaps, g_ptr_array_unref);
  gaps = xf_care_list_gaps (fixture->care, "health-check", 2, ON, XF_TEST_DEQING, &error);
  g_assert_cmpuint (gaps->len, ==, 0);
  g_clear_pointer (&gaps, g_ptr_array_unref);

  g_assert_null (xf_care_list_gaps (fixture->care, "health-check", 0, ON, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Years: "));
}

/* More people than one page of the scan, inserted in one statement. */
static void
test_pages (CareFixture   *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_db_exec (xf_store_get_db (fixture->store),
                             "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4500)"
                             " INSERT INTO pioneers (uid, kind, name, birth_date, region_code, tier, tier_rank,"
                             " created_at, updated_at)"
                             " SELECT 'bulk-' || i, 'individual', '先锋' || i,"
                             " CASE WHEN i % 3 = 0 THEN '1940-01-01' ELSE '1980-01-01' END,"
                             " CASE WHEN i % 2 = 0 THEN '330521' ELSE '330523' END,"
                             " CASE WHEN i % 5 = 0 THEN 'cultivation' ELSE 'city' END, 2, 0, 0 FROM n",
                             &error));
  g_assert_no_error (error);
  checks = eligible (fixture, "health-check", ON, NULL);
  g_assert_cmpuint (checks->len, ==, 3600);
  for (guint i = 1; i < checks->len; i++)
    g_assert_cmpint (g_strcmp0 (NTH (checks, i - 1)->region_code, NTH (checks, i)->region_code), <=, 0);
  g_clear_pointer (&checks, g_ptr_array_unref);
  checks = eligible (fixture, "elderly-care", ON, "330523");
  /* Odd multiples of 3 up to 4500: 750. */
  g_assert_cmpuint (checks->len, ==, 750);
  gaps = xf_care_list_gaps (fixture->care, "recuperation", 5, ON, NULL, &error);
  g_assert_no_error (error);
  /* 65 and under: not the multiples of 3, nor of 5. */
  g_assert_cmpuint (gaps->len, ==, 2400);
}

static GPtrArray *
views (XfCare *care)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = xf_care_list_views (care, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

#define VIEW(list, i) ((XfCareView *) g_ptr_array_index ((list), (i)))

static void
test_views (CareFixture   *fixture,
            gconstpointer  data)
{
  g_autoptr(XfCare) clerk = xf_test_care_as (fixture, "deqingclerk", XF_ROLE_CLERK, XF_TEST_DEQING);
  g_autoptr(XfCare) other = xf_test_care_as (fixture, "anjiclerk", XF_ROLE_CLERK, XF_TEST_ANJI);
  g_autoptr(XfCare) reviewer = xf_test_care_as (fixture, "reviewer", XF_ROLE_REVIEWER, NULL);
  g_autoptr(XfCareView) view = xf_care_view_new ();
  g_autoptr(GPtrArray) shared = views (fixture->care);
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) theirs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, shared_id;

  /* Seeded once. */
  g_assert_cmpuint (shared->len, ==, 2);
  g_assert_cmpstr (VIEW (shared, 0)->name, ==, "No health check for two years");
  g_assert_cmpstr (VIEW (shared, 0)->programme_code, ==, "health-check");
  g_assert_cmpint (VIEW (shared, 0)->gap_years, ==, 2);
  g_assert_null (VIEW (shared, 0)->owner);
  g_assert_cmpstr (VIEW (shared, 1)->name, ==, "No recuperation trip for five years");
  g_assert_cmpint (VIEW (shared, 1)->gap_years, ==, 5);
  g_clear_pointer (&shared, g_ptr_array_unref);
  shared = views (reviewer);
  g_assert_cmpuint (shared->len, ==, 2);

  /* A clerk's view is the clerk's own. */
  g_free (view->name);
  view->name = g_strdup (" 德清：三年未体检 ");
  view->programme_code = g_strdup ("health-check");
  view->gap_years = 3;
  view->region_code = g_strdup (XF_TEST_DEQING);
  id = xf_care_save_view (clerk, view, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  mine = views (clerk);
  g_assert_cmpuint (mine->len, ==, 3);
  g_assert_cmpstr (VIEW (mine, 2)->name, ==, "德清：三年未体检");
  g_assert_cmpstr (VIEW (mine, 2)->owner, ==, "deqingclerk");
  g_assert_cmpstr (VIEW (mine, 2)->region_code, ==, XF_TEST_DEQING);
  theirs = views (other);
  g_assert_cmpuint (theirs->len, ==, 2);

  /* Refusals: the reviewer may not save; others' views and shared ones
   * are not the clerk's to remove. */
  g_assert_cmpint (xf_care_save_view (reviewer, view, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_care_remove_view (other, id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  shared_id = VIEW (mine, 0)->id;
  g_assert_false (xf_care_remove_view (clerk, shared_id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  view->gap_years = 0;
  g_assert_cmpint (xf_care_save_view (clerk, view, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Years: "));
  g_clear_error (&error);
  view->gap_years = 3;
  g_free (view->programme_code);
  view->programme_code = g_strdup ("spa");
  g_assert_cmpint (xf_care_save_view (clerk, view, &error), ==, 0);
  g_assert_true (g_str_has_prefix (error->message, "Programme: "));
  g_clear_error (&error);
  g_free (view->name);
  view->name = g_strdup ("");
  g_assert_cmpint (xf_care_save_view (clerk, view, &error), ==, 0);
  g_assert_true (g_str_has_prefix (error->message, "Name: "));
  g_clear_error (&error);

  g_assert_true (xf_care_remove_view (clerk, id, &error));
  g_assert_no_error (error);
  g_assert_true (xf_care_remove_view (fixture->care, shared_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&mine, g_ptr_array_unref);
  mine = views (clerk);
  g_assert_cmpuint (mine->len, ==, 1);
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT COUNT(*) FROM audit_log"
                                        " WHERE record_type = 'care-view'"), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  xf_test_care_add ("/core/care/eligibility/lists", test_lists);
  xf_test_care_add ("/core/care/eligibility/profiles", test_profiles_change_lists);
  xf_test_care_add ("/core/care/eligibility/gaps", test_gaps);
  xf_test_care_add ("/core/care/eligibility/pages", test_pages);
  xf_test_care_add ("/core/care/eligibility/views", test_views);

  return g_test_run ();
}
