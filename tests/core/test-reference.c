/* test-reference.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "xf-data.h"
#include "xf-error.h"
#include "xf-reference.h"
#include "xf-reference-private.h"

/* Townships and streets of Huzhou in the shared division file
 * (huzhou-regions.json): 吴兴 19, 南浔 10, 德清 13, 长兴 15, 安吉 15. */
#define N_HUZHOU_TOWNSHIPS 72

static const char *table_files[] = {
  "regions.json", "industries.json", "education.json", "ethnicities.json",
  "political-status.json", "honour-titles.json", "organisations.json",
};

static XfReference *
shipped (void)
{
  g_autoptr(GError) error = NULL;
  XfReference *ref = xf_reference_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (ref);
  return ref;
}

/*
 * Shipped data
 */

static void
test_regions (void)
{
  XfReference *ref = shipped ();
  GPtrArray *items = xf_reference_get_items (ref, XF_REFERENCE_REGIONS);
  guint counties = 0, townships = 0;

  g_assert_cmpstr (xf_reference_city_code (ref), ==, "330500");
  g_assert_cmpstr (xf_reference_city_name (ref), ==, "湖州市");

  for (guint i = 0; i < items->len; i++)
    {
      const XfReferenceItem *item = g_ptr_array_index (items, i);
      g_autofree char *county = xf_reference_region_county (item->code);

      g_assert_nonnull (county);
      if (strlen (item->code) == 6)
        {
          counties++;
          g_assert_cmpstr (item->parent, ==, "");
          g_assert_cmpstr (item->name_en, !=, "");
        }
      else
        {
          townships++;
          g_assert_cmpuint (strlen (item->code), ==, 9);
          /* The parent is the county the code itself names. */
          g_assert_cmpstr (item->parent, ==, county);
          g_assert_true (xf_reference_is_valid (ref, XF_REFERENCE_REGIONS, county));
        }
    }
  g_assert_cmpuint (counties, ==, 5);
  g_assert_cmpuint (townships, ==, N_HUZHOU_TOWNSHIPS);
  g_assert_cmpuint (items->len, ==, 5 + N_HUZHOU_TOWNSHIPS);

  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_REGIONS, "330521")->name_zh, ==, "德清县");
  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_REGIONS, "330521115")->name_zh, ==, "莫干山镇");
  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_REGIONS, "330521115")->parent, ==, "330521");
  g_assert_null (xf_reference_lookup (ref, XF_REFERENCE_REGIONS, "330500"));
}

static void
test_industries (void)
{
  XfReference *ref = shipped ();
  GPtrArray *items = xf_reference_get_items (ref, XF_REFERENCE_INDUSTRIES);

  g_assert_cmpuint (items->len, ==, 20);
  for (guint i = 0; i < items->len; i++)
    {
      const XfReferenceItem *item = g_ptr_array_index (items, i);
      char expected[2] = { (char) ('A' + i), '\0' };

      g_assert_cmpstr (item->code, ==, expected);
      g_assert_cmpstr (item->name_en, !=, "");
    }
  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_INDUSTRIES, "A")->name_zh, ==, "农、林、牧、渔业");
  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_INDUSTRIES, "C")->name_zh, ==, "制造业");
  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_INDUSTRIES, "T")->name_zh, ==, "国际组织");
  g_assert_false (xf_reference_is_valid (ref, XF_REFERENCE_INDUSTRIES, "U"));
  g_assert_false (xf_reference_is_valid (ref, XF_REFERENCE_INDUSTRIES, "c"));
}

static void
test_codes (void)
{
  XfReference *ref = shipped ();
  GPtrArray *items = xf_reference_get_items (ref, XF_REFERENCE_ETHNICITIES);

  g_assert_cmpuint (items->len, >=, 56);
  for (guint i = 1; i <= 56; i++)
    {
      g_autofree char *code = g_strdup_printf ("%02u", i);

      g_assert_true (xf_reference_is_valid (ref, XF_REFERENCE_ETHNICITIES, code));
    }
  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_ETHNICITIES, "01")->name_zh, ==, "汉族");
  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_ETHNICITIES, "22")->name_zh, ==, "畲族");
  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_ETHNICITIES, "56")->name_zh, ==, "基诺族");
  g_assert_false (xf_reference_is_valid (ref, XF_REFERENCE_ETHNICITIES, "1"));

  g_assert_cmpuint (xf_reference_get_items (ref, XF_REFERENCE_POLITICAL_STATUS)->len, ==, 13);
  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_POLITICAL_STATUS, "01")->name_zh, ==, "中共党员");
  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_POLITICAL_STATUS, "13")->name_zh, ==, "群众");

  g_assert_cmpuint (xf_reference_get_items (ref, XF_REFERENCE_EDUCATION)->len, ==, 8);
  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_EDUCATION, "college")->name_zh, ==, "大学专科");
  g_assert_true (xf_reference_is_valid (ref, XF_REFERENCE_EDUCATION, "secondary-vocational"));
  g_assert_false (xf_reference_is_valid (ref, XF_REFERENCE_EDUCATION, NULL));
}

static void
test_honour_titles (void)
{
  XfReference *ref = shipped ();
  GPtrArray *items = xf_reference_get_items (ref, XF_REFERENCE_HONOUR_TITLES);
  const char *levels[] = { "national", "provincial", "city", "county" };
  guint per_level[G_N_ELEMENTS (levels)] = { 0 };

  g_assert_cmpuint (items->len, >=, 20);
  for (guint i = 0; i < items->len; i++)
    {
      const XfReferenceItem *item = g_ptr_array_index (items, i);
      gboolean known = FALSE;

      for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
        if (g_strcmp0 (item->extra, levels[l]) == 0)
          {
            per_level[l]++;
            known = TRUE;
          }
      g_assert_true (known);
    }
  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    g_assert_cmpuint (per_level[l], >=, 2);
  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_HONOUR_TITLES, "national-model-worker")->name_zh, ==, "全国劳动模范");
  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_HONOUR_TITLES, "deqing-craftsman")->extra, ==, "county");
  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_HONOUR_TITLES, "zhejiang-craftsman")->extra, ==, "provincial");
}

static void
test_organisations (void)
{
  XfReference *ref = shipped ();
  GPtrArray *items = xf_reference_get_items (ref, XF_REFERENCE_ORGANISATIONS);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint mass = 0, departments = 0;

  g_assert_cmpuint (items->len, ==, 27);
  for (guint i = 0; i < items->len; i++)
    {
      const XfReferenceItem *item = g_ptr_array_index (items, i);

      /* A parent is a known organisation listed earlier. */
      if (item->parent[0] != '\0')
        g_assert_true (g_hash_table_contains (seen, item->parent));
      g_hash_table_add (seen, item->code);
      if (g_str_equal (item->extra, "mass-organisation"))
        mass++;
      else if (g_str_equal (item->extra, "department"))
        departments++;
      else
        g_assert_not_reached ();
      g_assert_cmpstr (item->name_en, !=, "");
    }
  g_assert_cmpuint (mass + departments, ==, 27);
  g_assert_cmpuint (mass, >=, 9);
  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_ORGANISATIONS, "union")->name_zh, ==, "湖州市总工会");
  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_ORGANISATIONS, "model-workers-association")->parent, ==, "union");
  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_ORGANISATIONS, "student-federation")->parent, ==, "youth-league");
  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_ORGANISATIONS, "human-resources")->extra, ==, "department");
}

static void
test_default_is_shared (void)
{
  XfReference *ref = shipped ();
  GThread *threads[4];

  g_assert_true (xf_reference_get_default (NULL) == ref);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("reference", (GThreadFunc) xf_reference_get_default, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (g_thread_join (threads[i]) == ref);
}

/*
 * Labels and codes
 */

static void
test_labels (void)
{
  XfReference *ref = shipped ();

  _xf_reference_set_language_for_tests ("zh_CN");
  g_assert_cmpstr (xf_reference_label (ref, XF_REFERENCE_REGIONS, "330502"), ==, "吴兴区");
  g_assert_cmpstr (xf_reference_label (ref, XF_REFERENCE_INDUSTRIES, "C"), ==, "制造业");
  g_assert_cmpstr (xf_reference_city_label (ref), ==, "湖州市");

  _xf_reference_set_language_for_tests ("en_GB");
  g_assert_cmpstr (xf_reference_label (ref, XF_REFERENCE_REGIONS, "330502"), ==, "Wuxing District");
  g_assert_cmpstr (xf_reference_label (ref, XF_REFERENCE_REGIONS, "330523"), ==, "Anji County");
  g_assert_cmpstr (xf_reference_label (ref, XF_REFERENCE_INDUSTRIES, "C"), ==, "Manufacturing");
  g_assert_cmpstr (xf_reference_label (ref, XF_REFERENCE_ORGANISATIONS, "union"), ==, "Huzhou Federation of Trade Unions");
  g_assert_cmpstr (xf_reference_city_label (ref), ==, "Huzhou");
  /* The official name does not follow the language. */
  g_assert_cmpstr (xf_reference_city_name (ref), ==, "湖州市");

  /* Unknown codes show as themselves; NULL stays NULL. */
  g_assert_cmpstr (xf_reference_label (ref, XF_REFERENCE_INDUSTRIES, "Z9"), ==, "Z9");
  g_assert_null (xf_reference_label (ref, XF_REFERENCE_INDUSTRIES, NULL));

  _xf_reference_set_language_for_tests (NULL);
}

/* Without the override the label follows LANGUAGE, as gettext does.
 * Registered before any test starts a thread, since it calls setenv(). */
static void
test_labels_follow_environment (void)
{
  XfReference *ref = shipped ();
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  _xf_reference_set_language_for_tests (NULL);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_cmpstr (xf_reference_label (ref, XF_REFERENCE_EDUCATION, "bachelor"), ==, "大学本科");
  g_setenv ("LANGUAGE", "en_US", TRUE);
  g_assert_cmpstr (xf_reference_label (ref, XF_REFERENCE_EDUCATION, "bachelor"), ==, "Bachelor's degree");

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static void
test_region_county (void)
{
  struct { const char *code; const char *county; } cases[] = {
    { "330502", "330502" },
    { "330502001", "330502" },
    { "330521115", "330521" },
    { "330502001005", "330502" },  /* village */
    { "330500", NULL },            /* the city, not a county */
    { "330000", NULL },            /* the province */
    { "3305", NULL },
    { "3305020", NULL },
    { "33050200a", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *county = xf_reference_region_county (cases[i].code);

      g_assert_cmpstr (county, ==, cases[i].county);
    }
  g_assert_null (xf_reference_region_county (NULL));
}

/*
 * Bad data: a copy of the shipped files with one of them replaced
 */

typedef struct
{
  char *dir;
} BadFixture;

static void
bad_set_up (BadFixture    *fixture,
            gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("xf-reference-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);

  for (guint i = 0; i < G_N_ELEMENTS (table_files); i++)
    {
      g_autofree char *relative = g_build_filename ("reference", table_files[i], NULL);
      g_autofree char *source = xf_data_find_file (relative);
      g_autofree char *target = g_build_filename (fixture->dir, table_files[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (target, contents, length, NULL));
    }
}

static void
bad_tear_down (BadFixture    *fixture,
               gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_files); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, table_files[i], NULL);

      g_remove (path);
    }
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_free (fixture->dir);
}

static char *
replace (BadFixture *fixture,
         const char *name,
         const char *contents)
{
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* Loads the fixture and checks the error's code and message parts. */
static void
assert_load_fails (BadFixture *fixture,
                   int         code,
                   const char *path,
                   const char *part1,
                   const char *part2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfReference) ref = xf_reference_new_from_dir (fixture->dir, &error);

  g_assert_null (ref);
  g_assert_error (error, XF_ERROR, code);
  g_test_message ("%s", error->message);
  if (strstr (error->message, path) == NULL ||
      (part1 != NULL && strstr (error->message, part1) == NULL) ||
      (part2 != NULL && strstr (error->message, part2) == NULL))
    g_error ("unexpected message: %s", error->message);
}

static void
test_bad_good_copy_loads (BadFixture    *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfReference) ref = xf_reference_new_from_dir (fixture->dir, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (xf_reference_get_items (ref, XF_REFERENCE_ORGANISATIONS)->len, ==, 27);
}

static void
test_bad_truncated (BadFixture    *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "regions.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected_line = NULL;
  guint lines = 1;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  /* Cut in the middle of line 20, inside an item. */
  for (char *p = contents; *p != '\0'; p++)
    if (*p == '\n' && ++lines == 20)
      {
        p[20] = '\0';
        break;
      }
  g_free (replace (fixture, "regions.json", contents));
  expected_line = g_strdup_printf ("line %u:", lines);
  assert_load_fails (fixture, XF_ERROR_CORRUPT, path, expected_line, "not valid JSON");
}

static void
test_bad_missing_code (BadFixture    *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = replace (fixture, "industries.json",
                                   "{\n"
                                   "  \"about\": \"test\",\n"
                                   "  \"items\": [\n"
                                   "    {\"code\": \"A\", \"name_zh\": \"农、林、牧、渔业\"},\n"
                                   "    {\"code\": \"B\", \"name_zh\": \"采矿业\"},\n"
                                   "    {\n"
                                   "      \"name_zh\": \"制造业\"\n"
                                   "    }\n"
                                   "  ]\n"
                                   "}\n");

  /* The line is where the item starts, even when it spans several. */
  assert_load_fails (fixture, XF_ERROR_CORRUPT, path, "line 6:", "item 3 has no \"code\"");
}

static void
test_bad_duplicate_code (BadFixture    *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = replace (fixture, "regions.json",
                                   "{\n"
                                   "  \"city\": {\"code\": \"330500\", \"name_zh\": \"湖州市\"},\n"
                                   "  \"items\": [\n"
                                   "    {\"code\": \"330502\", \"name_zh\": \"吴兴区\"},\n"
                                   "    {\"code\": \"330503\", \"name_zh\": \"南浔区\"},\n"
                                   "    {\"code\": \"330502\", \"name_zh\": \"吴兴区\"}\n"
                                   "  ]\n"
                                   "}\n");

  assert_load_fails (fixture, XF_ERROR_CORRUPT, path, "line 6:", "duplicate code \"330502\"");
}

static void
test_bad_unknown_parent (BadFixture    *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = replace (fixture, "organisations.json",
                                   "{\"items\": [\n"
                                   "  {\"code\": \"union\", \"name_zh\": \"湖州市总工会\"},\n"
                                   "  {\"code\": \"youth-federation\", \"name_zh\": \"湖州市青年联合会\", \"parent\": \"youth-league\"}\n"
                                   "]}\n");

  assert_load_fails (fixture, XF_ERROR_CORRUPT, path, "line 3:", "item 2 has unknown parent \"youth-league\"");
}

static void
test_bad_wrong_type (BadFixture    *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = replace (fixture, "ethnicities.json",
                                   "{\"items\": [\n"
                                   "  {\"code\": 1, \"name_zh\": \"汉族\"}\n"
                                   "]}\n");

  assert_load_fails (fixture, XF_ERROR_CORRUPT, path, "line 2:", "item 1: \"code\" is not a string");
}

static void
test_bad_structure (BadFixture    *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = replace (fixture, "education.json", "[1, 2, 3]\n");

  assert_load_fails (fixture, XF_ERROR_CORRUPT, path, "not an object", NULL);
  g_free (replace (fixture, "education.json", "{\"about\": \"no items\"}\n"));
  assert_load_fails (fixture, XF_ERROR_CORRUPT, path, "line 1:", "no \"items\" array");
  g_free (replace (fixture, "regions.json", "{\"items\": []}\n"));
  assert_load_fails (fixture, XF_ERROR_CORRUPT, "regions.json", "no \"city\" object", NULL);
}

static void
test_bad_empty (BadFixture    *fixture,
                gconstpointer  data)
{
  g_autofree char *path = replace (fixture, "honour-titles.json", "  \n\n");

  assert_load_fails (fixture, XF_ERROR_CORRUPT, path, "the file is empty", NULL);
}

static void
test_bad_missing_file (BadFixture    *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "political-status.json", NULL);

  g_assert_cmpint (g_remove (path), ==, 0);
  assert_load_fails (fixture, XF_ERROR_NOT_FOUND, path, "missing", NULL);
}

/* An item without an English name shows its Chinese name in English too. */
static void
test_english_falls_back (BadFixture    *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfReference) ref = NULL;

  g_free (replace (fixture, "education.json",
                   "{\"items\": [\n"
                   "  {\"code\": \"college\", \"name_zh\": \"大专\", \"name_en\": \"\"},\n"
                   "  {\"code\": \"primary\", \"name_zh\": \"小学\"}\n"
                   "]}\n"));
  ref = xf_reference_new_from_dir (fixture->dir, &error);
  g_assert_no_error (error);

  _xf_reference_set_language_for_tests ("en");
  g_assert_cmpstr (xf_reference_label (ref, XF_REFERENCE_EDUCATION, "college"), ==, "大专");
  g_assert_cmpstr (xf_reference_label (ref, XF_REFERENCE_EDUCATION, "primary"), ==, "小学");
  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_EDUCATION, "primary")->name_en, ==, "");
  g_assert_cmpstr (xf_reference_lookup (ref, XF_REFERENCE_EDUCATION, "primary")->parent, ==, "");
  _xf_reference_set_language_for_tests (NULL);
}

/*
 * Lazy loading: the shared instance reads each table when first used.
 * Each case runs in a subprocess of its own, so that the process-wide
 * instance starts empty and XIANFENG_DATA_DIR can point at a damaged copy.
 */

/* Industries cut off inside the second item, at line 4. */
#define DAMAGED_INDUSTRIES "{\"items\": [\n {\"code\": \"A\", \"name_zh\": \"农\"},\n {\"code\":\n"

/* In the subprocess: a data folder whose only file is @contents as
 * reference/industries.json (the other tables come from the shipped
 * data), made the one xf_data_find_file() looks in first. */
static char *
use_industries (const char *contents)
{
  g_autofree char *dir = g_dir_make_tmp ("xf-reference-lazy-XXXXXX", NULL);
  g_autofree char *reference = g_build_filename (dir, "reference", NULL);
  g_autofree char *file = g_build_filename (reference, "industries.json", NULL);

  g_assert_cmpint (g_mkdir_with_parents (reference, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, contents, -1, NULL));
  g_assert_true (g_setenv ("XIANFENG_DATA_DIR", dir, TRUE));
  return g_steal_pointer (&file);
}

static void
remove_industries (const char *file)
{
  g_autofree char *reference = g_path_get_dirname (file);
  g_autofree char *dir = g_path_get_dirname (reference);

  g_assert_cmpint (g_remove (file), ==, 0);
  g_assert_cmpint (g_rmdir (reference), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
assert_damaged_industries (const GError *error,
                           const char   *file)
{
  g_assert_error (error, XF_ERROR, XF_ERROR_CORRUPT);
  if (strstr (error->message, file) == NULL || strstr (error->message, "line 4:") == NULL)
    g_error ("unexpected message: %s", error->message);
}

static void
test_lazy_one_table (void)
{
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;
  XfReference *ref;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  file = use_industries (DAMAGED_INDUSTRIES);
  ref = xf_reference_get_shared ();
  _xf_reference_set_language_for_tests ("zh_CN");

  /* The regions load without the damaged industries being read. */
  g_assert_true (xf_reference_ensure (ref, XF_REFERENCE_REGIONS, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (xf_reference_label (ref, XF_REFERENCE_REGIONS, "330502"), ==, "吴兴区");
  g_assert_cmpstr (xf_reference_city_code (ref), ==, "330500");

  /* The damaged table fails with the file, the line and the reason... */
  g_assert_false (xf_reference_ensure (ref, XF_REFERENCE_INDUSTRIES, &error));
  assert_damaged_industries (error, file);
  g_clear_error (&error);

  /* ...and looks empty to lookups, without a warning (they are fatal here). */
  g_assert_null (xf_reference_lookup (ref, XF_REFERENCE_INDUSTRIES, "A"));
  g_assert_cmpstr (xf_reference_label (ref, XF_REFERENCE_INDUSTRIES, "A"), ==, "A");
  g_assert_false (xf_reference_is_valid (ref, XF_REFERENCE_INDUSTRIES, "A"));
  g_assert_cmpuint (xf_reference_get_items (ref, XF_REFERENCE_INDUSTRIES)->len, ==, 0);

  /* The other tables still load on demand. */
  g_assert_cmpstr (xf_reference_label (ref, XF_REFERENCE_EDUCATION, "college"), ==, "大学专科");

  /* The old contract: get_default checks every table and fails early. */
  g_assert_null (xf_reference_get_default (&error));
  assert_damaged_industries (error, file);
  g_clear_error (&error);

  /* A failure is not cached: once repaired, the table loads. */
  g_assert_true (g_file_set_contents (file, "{\"items\": [{\"code\": \"A\", \"name_zh\": \"农\"}]}", -1, NULL));
  g_assert_true (xf_reference_ensure (ref, XF_REFERENCE_INDUSTRIES, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (xf_reference_label (ref, XF_REFERENCE_INDUSTRIES, "A"), ==, "农");
  g_assert_true (xf_reference_get_default (&error) == ref);
  g_assert_no_error (error);

  _xf_reference_set_language_for_tests (NULL);
  remove_industries (file);
}

/* A lookup that meets the damaged file first keeps the error for ensure. */
static void
test_lazy_lookup_first (void)
{
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;
  XfReference *ref;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  file = use_industries (DAMAGED_INDUSTRIES);
  ref = xf_reference_get_shared ();

  g_assert_cmpstr (xf_reference_label (ref, XF_REFERENCE_INDUSTRIES, "C"), ==, "C");
  g_assert_null (xf_reference_lookup (ref, XF_REFERENCE_INDUSTRIES, "A"));
  g_assert_false (xf_reference_ensure (ref, XF_REFERENCE_INDUSTRIES, &error));
  assert_damaged_industries (error, file);
  remove_industries (file);
}

static gpointer
lookup_all_thread (gpointer data)
{
  XfReference *ref = data;
  guint found = 0;

  for (guint i = 0; i < XF_REFERENCE_N_TABLES; i++)
    {
      GPtrArray *items = xf_reference_get_items (ref, i);
      const XfReferenceItem *first = g_ptr_array_index (items, 0);

      found += xf_reference_lookup (ref, i, first->code) == first;
    }
  return GUINT_TO_POINTER (found);
}

/* Threads that race to load the same tables all see them complete. */
static void
test_lazy_threads (void)
{
  GThread *threads[8];
  XfReference *ref;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  ref = xf_reference_get_shared ();
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("reference", lookup_all_thread, ref);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==, XF_REFERENCE_N_TABLES);
  g_assert_true (xf_reference_get_default (NULL) == ref);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/reference/regions", test_regions);
  g_test_add_func ("/core/reference/industries", test_industries);
  g_test_add_func ("/core/reference/codes", test_codes);
  g_test_add_func ("/core/reference/honour-titles", test_honour_titles);
  g_test_add_func ("/core/reference/organisations", test_organisations);
  g_test_add_func ("/core/reference/labels", test_labels);
  g_test_add_func ("/core/reference/labels-follow-environment", test_labels_follow_environment);
  g_test_add_func ("/core/reference/default-is-shared", test_default_is_shared);
  g_test_add_func ("/core/reference/region-county", test_region_county);
  g_test_add_func ("/core/reference/lazy/one-table", test_lazy_one_table);
  g_test_add_func ("/core/reference/lazy/lookup-first", test_lazy_lookup_first);
  g_test_add_func ("/core/reference/lazy/threads", test_lazy_threads);

#define ADD_BAD(name, fn) \
  g_test_add ("/core/reference/bad/" name, BadFixture, NULL, bad_set_up, fn, bad_tear_down)
  ADD_BAD ("good-copy-loads", test_bad_good_copy_loads);
  ADD_BAD ("truncated", test_bad_truncated);
  ADD_BAD ("missing-code", test_bad_missing_code);
  ADD_BAD ("duplicate-code", test_bad_duplicate_code);
  ADD_BAD ("unknown-parent", test_bad_unknown_parent);
  ADD_BAD ("wrong-type", test_bad_wrong_type);
  ADD_BAD ("structure", test_bad_structure);
  ADD_BAD ("empty", test_bad_empty);
  ADD_BAD ("missing-file", test_bad_missing_file);
  ADD_BAD ("english-falls-back", test_english_falls_back);
#undef ADD_BAD

  return g_test_run ();
}
