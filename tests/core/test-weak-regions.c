/* test-weak-regions.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "xf-error.h"
#include "xf-stats.h"
#include "xf-test-store.h"

/*
 * The employment figures come from a test file (found first through
 * $XIANFENG_DATA_DIR; the other reference files fall back to the source
 * tree's). Figures and pioneers, counted by hand:
 *
 *   county  employed (C, F)          pioneers (C, F)   per 10k  share (city 1.0)
 *   330502  20000 (8000, 4000)       6 (4, 2)          3.0      3.0
 *   330503  30000 (10000, 5000)      3 (3, 0)          1.0      1.0
 *   330521  40000 (20000, 10000)     2 (0, 2)          0.5      0.5  weak
 *   330522  10000 (2000, 1000)       1 (1, 0)          1.0      1.0
 *   330523  20000 (5000, 5000)       0                 0        0    weak
 *   (no region: 1 pioneer, not counted)
 *
 * Manufacturing (C) only: 8 pioneers over 45000 employed, the city
 * 1.777… per 10k; 330502 5.0, 330503 3.0, 330521 0, 330522 5.0, 330523 0.
 */

static const char employment_json[] =
  "{\"about\": \"test figures\", \"items\": [\n"
  " {\"code\": \"330502\", \"employed\": 20000, \"by_industry\": {\"C\": 8000, \"F\": 4000}},\n"
  " {\"code\": \"330502001\", \"employed\": 5000, \"by_industry\": {\"C\": 2000}},\n"
  " {\"code\": \"330502002\", \"employed\": 15000, \"by_industry\": {\"C\": 6000}},\n"
  " {\"code\": \"330503\", \"employed\": 30000, \"by_industry\": {\"C\": 10000, \"F\": 5000}},\n"
  " {\"code\": \"330521\", \"employed\": 40000, \"by_industry\": {\"C\": 20000, \"F\": 10000}},\n"
  " {\"code\": \"330522\", \"employed\": 10000, \"by_industry\": {\"C\": 2000, \"F\": 1000}},\n"
  " {\"code\": \"330523\", \"employed\": 20000, \"by_industry\": {\"C\": 5000, \"F\": 5000}}\n"
  "]}\n";

static const struct { const char *region; const char *industry; } files[] = {
  { "330502001", "C" }, { "330502001", "C" }, { "330502002", "C" }, { "330502", "C" },
  { "330502", "F" }, { "330502002", "F" },
  { "330503", "C" }, { "330503", "C" }, { "330503", "C" },
  { "330521", "F" }, { "330521", "F" },
  { "330522", "C" },
  { NULL, "C" },
};

typedef struct
{
  XfStore    *store;
  XfRegistry *registry;
  XfStats    *stats;
} Fixture;

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  fixture->store = xf_test_open_store ();
  fixture->registry = xf_test_new_registry (fixture->store);
  fixture->stats = xf_stats_new (fixture->registry);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("individual");
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("先锋%u", i + 1);

      g_object_set (pioneer, "name", name, "region-code", files[i].region,
                    "industry", files[i].industry, NULL);
      g_assert_true (xf_registry_save_pioneer (fixture->registry, pioneer, &error));
      g_assert_no_error (error);
    }
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_assert_finalize_object (fixture->stats);
  g_assert_finalize_object (fixture->registry);
  g_assert_finalize_object (fixture->store);
}

static const XfRegionDensity *
region (XfWeakRegions *weak,
        guint          index)
{
  g_assert_cmpuint (index, <, weak->regions->len);
  return g_ptr_array_index (weak->regions, index);
}

static void
assert_order (XfWeakRegions *weak,
              const char    *expected)
{
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; i < weak->regions->len; i++)
    g_string_append_printf (got, "%s%s%s", i > 0 ? " " : "", region (weak, i)->region_code,
                            region (weak, i)->weak ? "!" : "");
  g_assert_cmpstr (got->str, ==, expected);
}

static void
test_all_industries (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfWeakRegions) weak = xf_stats_weak_regions (fixture->stats, NULL, 0.6, NULL, &error);

  g_assert_no_error (error);
  g_assert_null (weak->industry);
  g_assert_cmpfloat_with_epsilon (weak->city_per_10k, 1.0, 1e-9);
  g_assert_cmpfloat (weak->threshold, ==, 0.6);
  /* Weakest first; equal densities by code. */
  assert_order (weak, "330523! 330521! 330503 330522 330502");
  g_assert_cmpint (region (weak, 0)->pioneers, ==, 0);
  g_assert_cmpint (region (weak, 0)->employed, ==, 20000);
  g_assert_cmpfloat (region (weak, 0)->per_10k, ==, 0.0);
  g_assert_cmpint (region (weak, 1)->pioneers, ==, 2);
  g_assert_cmpint (region (weak, 1)->employed, ==, 40000);
  g_assert_cmpfloat_with_epsilon (region (weak, 1)->per_10k, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (region (weak, 1)->share_of_average, 0.5, 1e-9);
  g_assert_cmpint (region (weak, 4)->pioneers, ==, 6);
  g_assert_cmpfloat_with_epsilon (region (weak, 4)->per_10k, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (region (weak, 4)->share_of_average, 3.0, 1e-9);
  g_assert_nonnull (region (weak, 4)->region_name);
}

static void
test_threshold (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfWeakRegions) strict = xf_stats_weak_regions (fixture->stats, NULL, 0.4, NULL, &error);
  g_autoptr(XfWeakRegions) loose = NULL;
  g_autoptr(XfWeakRegions) bad = NULL;

  g_assert_no_error (error);
  assert_order (strict, "330523! 330521 330503 330522 330502");
  /* A share equal to the threshold is not below it. */
  loose = xf_stats_weak_regions (fixture->stats, NULL, 1.0, NULL, &error);
  g_assert_no_error (error);
  assert_order (loose, "330523! 330521! 330503 330522 330502");

  bad = xf_stats_weak_regions (fixture->stats, NULL, 1.5, NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
}

static void
test_industry (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfWeakRegions) weak = xf_stats_weak_regions (fixture->stats, "C", 0.6, NULL, &error);
  g_autoptr(XfWeakRegions) bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (weak->industry, ==, "C");
  g_assert_cmpfloat_with_epsilon (weak->city_per_10k, 10000.0 * 8 / 45000, 1e-9);
  assert_order (weak, "330521! 330523! 330503 330502 330522");
  g_assert_cmpint (region (weak, 2)->pioneers, ==, 3);
  g_assert_cmpint (region (weak, 2)->employed, ==, 10000);
  g_assert_cmpfloat_with_epsilon (region (weak, 2)->per_10k, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (region (weak, 2)->share_of_average, 3.0 / (10000.0 * 8 / 45000), 1e-9);
  g_assert_cmpfloat_with_epsilon (region (weak, 3)->per_10k, 5.0, 1e-9);

  bad = xf_stats_weak_regions (fixture->stats, "Z", 0.6, NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
}

static void
test_townships (Fixture       *fixture,
                gconstpointer  data)
{
  XfStatsQuery query = { .region_level = 9 };
  g_autoptr(GError) error = NULL;
  g_autoptr(XfWeakRegions) weak = xf_stats_weak_regions (fixture->stats, NULL, 0.6, &query, &error);

  g_assert_no_error (error);
  /* 330502001: 2 over 5000 (4.0); 330502002: 2 over 15000 (1.33…);
   * the city: 4 over 20000 (2.0). */
  g_assert_cmpfloat_with_epsilon (weak->city_per_10k, 2.0, 1e-9);
  assert_order (weak, "330502002 330502001");
  g_assert_cmpfloat_with_epsilon (region (weak, 0)->share_of_average, 10000.0 * 2 / 15000 / 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (region (weak, 1)->per_10k, 4.0, 1e-9);
}

static void
test_region_filter (Fixture       *fixture,
                    gconstpointer  data)
{
  XfStatsQuery query = { .filters[XF_STATS_REGION] = "330503" };
  XfStatsQuery city = { .filters[XF_STATS_REGION] = "330500" };
  g_autoptr(GError) error = NULL;
  g_autoptr(XfWeakRegions) one = xf_stats_weak_regions (fixture->stats, NULL, 0.6, &query, &error);
  g_autoptr(XfWeakRegions) all = NULL;

  g_assert_no_error (error);
  /* Only the county asked for, compared with itself. */
  assert_order (one, "330503");
  g_assert_cmpfloat_with_epsilon (one->city_per_10k, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (region (one, 0)->share_of_average, 1.0, 1e-9);

  /* The city's own code covers every county. */
  all = xf_stats_weak_regions (fixture->stats, NULL, 0.6, &city, &error);
  g_assert_no_error (error);
  assert_order (all, "330523! 330521! 330503 330522 330502");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_make_tmp ("xf-weak-XXXXXX", NULL);
  g_assert_nonnull (dir);
  reference = g_build_filename (dir, "reference", NULL);
  g_assert_cmpint (g_mkdir (reference, 0700), ==, 0);
  path = g_build_filename (reference, "employment.json", NULL);
  g_assert_true (g_file_set_contents (path, employment_json, -1, NULL));
  g_setenv ("XIANFENG_DATA_DIR", dir, TRUE);

#define ADD(name, func) g_test_add (name, Fixture, NULL, set_up, func, tear_down)
  ADD ("/core/weak-regions/all-industries", test_all_industries);
  ADD ("/core/weak-regions/threshold", test_threshold);
  ADD ("/core/weak-regions/industry", test_industry);
  ADD ("/core/weak-regions/townships", test_townships);
  ADD ("/core/weak-regions/region-filter", test_region_filter);
#undef ADD

  status = g_test_run ();
  g_unlink (path);
  g_rmdir (reference);
  g_rmdir (dir);
  return status;
}
