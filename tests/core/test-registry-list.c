/* test-registry-list.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libglib-testing/signal-logger.h>

#include "xf-error.h"
#include "xf-reference.h"
#include "xf-registry-list.h"
#include "xf-test-store.h"

/*
 * The list is checked against an oracle: every file read back through the
 * registry, filtered and sorted here in C by the documented rules.
 */

#define N_FILES 1100

static XfStore *shared_store;
static XfRegistry *shared_registry;
static GPtrArray *all_files;   /* XfPioneer, full records */

static const char *surnames[] = { "王", "李", "张", "刘", "陈", "沈", "钱", "Li" };
static const char *given[] = { "建国", "芳", "伟", "秀英", "国", "建", "丽", "明", "na" };
static const char *employers[] = {
  "国网湖州供电公司", "湖州丝绸厂", "Huzhou Silk Company", "德清县人民医院", "安吉白茶合作社",
  "Huzhou_Silk%Mill", "长兴\"电池\"集团", NULL
};

static char *
random_birth_date (GRand *rand)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 1950, 2005),
                          g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
}

static void
fill_registry (XfRegistry *registry,
               guint       n,
               guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) organisations = xf_registry_list_organisations (registry, NULL);
  XfReference *reference = xf_reference_get_default (NULL);
  GPtrArray *regions = xf_reference_get_items (reference, XF_REFERENCE_REGIONS);
  GPtrArray *education = xf_reference_get_items (reference, XF_REFERENCE_EDUCATION);
  XfDb *db = xf_store_get_db (xf_registry_get_store (registry));

  g_assert_true (xf_db_begin (db, NULL));
  for (guint i = 0; i < n; i++)
    {
      gboolean collective = g_rand_int_range (rand, 0, 4) == 0;
      g_autoptr(XfPioneer) pioneer = xf_pioneer_new (collective ? "collective" : "individual");
      g_autoptr(GError) error = NULL;
      g_autofree char *name = NULL;
      const XfReferenceItem *region = g_ptr_array_index (regions, g_rand_int_range (rand, 0, regions->len));
      char industry[2] = { 'A' + g_rand_int_range (rand, 0, 20), '\0' };

      if (collective)
        name = g_strdup_printf ("%s%s班组", given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))],
                                surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))]);
      else
        name = g_strdup_printf ("%s%s", surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                                given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))]);
      g_object_set (pioneer, "name", name, NULL);

      /* Roughly one in ten fields stays unset, so NULL sorts are covered. */
      if (g_rand_int_range (rand, 0, 10) > 0 && g_strcmp0 (region->code, "330500") != 0)
        g_object_set (pioneer, "region-code", region->code, NULL);
      if (g_rand_int_range (rand, 0, 10) > 0)
        g_object_set (pioneer, "industry", industry, NULL);
      if (g_rand_int_range (rand, 0, 10) > 0)
        {
          XfOrganisationInfo *info = g_ptr_array_index (organisations,
                                                        g_rand_int_range (rand, 0, organisations->len));

          g_object_set (pioneer, "organisation-id", info->id, NULL);
        }
      if (g_rand_int_range (rand, 0, 5) > 0)
        g_object_set (pioneer, "employer", employers[g_rand_int_range (rand, 0, G_N_ELEMENTS (employers) - 1)], NULL);
      if (!collective)
        {
          g_autofree char *birth = random_birth_date (rand);
          const XfReferenceItem *level = g_ptr_array_index (education,
                                                            g_rand_int_range (rand, 0, education->len));

          g_object_set (pioneer,
                        "gender", g_rand_boolean (rand) ? "male" : "female",
                        "birth-date", birth,
                        "education", g_rand_boolean (rand) ? level->code : NULL,
                        NULL);
        }
      if (g_rand_int_range (rand, 0, 6) == 0)
        g_object_set (pioneer, "skills", "丝绸织造 silk weaving", NULL);

      g_assert_true (xf_registry_save_pioneer (registry, pioneer, &error));
      g_assert_no_error (error);

      for (int h = g_rand_int_range (rand, -2, 3); h > 0; h--)
        {
          static const char *levels[] = { "national", "provincial", "city", "county" };
          g_autoptr(XfHonour) honour = xf_honour_new ("劳动模范", levels[g_rand_int_range (rand, 0, 4)],
                                                      g_rand_int_range (rand, 2000, 2024));

          g_assert_true (xf_registry_add_honour (registry, xf_pioneer_get_id (pioneer), honour, NULL));
        }
      if (g_rand_int_range (rand, 0, 15) == 0)
        {
          g_autoptr(XfPioneer) stored = xf_registry_get_pioneer (registry, xf_pioneer_get_id (pioneer), NULL);

          g_assert_true (xf_registry_archive_pioneer (registry, stored, "调离", NULL));
        }
    }
  g_assert_true (xf_db_commit (db, NULL));
}

static GPtrArray *
read_all (XfRegistry *registry)
{
  XfDb *db = xf_store_get_db (xf_registry_get_store (registry));
  g_autoptr(XfDbStmt) stmt = xf_db_prepare (db, "SELECT id FROM pioneers", NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  while (xf_db_stmt_step (stmt, NULL) == XF_DB_STEP_ROW)
    g_ptr_array_add (files, xf_registry_get_pioneer (registry, xf_db_stmt_column_int64 (stmt, 0), NULL));
  return files;
}

/*
 * The oracle
 */

static XfRegistrySort oracle_sort;
static gboolean oracle_descending;

static int
compare_text (const char *a,
              const char *b)
{
  return strcmp (a != NULL ? a : "", b != NULL ? b : "");
}

static int
compare_files (gconstpointer pa,
               gconstpointer pb)
{
  XfPioneer *a = *(XfPioneer **) pa;
  XfPioneer *b = *(XfPioneer **) pb;
  gint64 ia = 0, ib = 0;
  int result = 0;

  switch (oracle_sort)
    {
    case XF_REGISTRY_SORT_NAME:
      break;
    case XF_REGISTRY_SORT_KIND:
      result = compare_text (xf_pioneer_get_kind (a), xf_pioneer_get_kind (b));
      break;
    case XF_REGISTRY_SORT_TIER:
      ia = xf_tier_rank (xf_pioneer_get_tier (a));
      ib = xf_tier_rank (xf_pioneer_get_tier (b));
      break;
    case XF_REGISTRY_SORT_REGION:
      result = compare_text (xf_pioneer_get_region_code (a), xf_pioneer_get_region_code (b));
      break;
    case XF_REGISTRY_SORT_ORGANISATION:
      ia = xf_pioneer_get_organisation_id (a);
      ib = xf_pioneer_get_organisation_id (b);
      break;
    case XF_REGISTRY_SORT_INDUSTRY:
      result = compare_text (xf_pioneer_get_industry (a), xf_pioneer_get_industry (b));
      break;
    case XF_REGISTRY_SORT_HONOURS:
      ia = xf_pioneer_get_honours_count (a);
      ib = xf_pioneer_get_honours_count (b);
      break;
    default:
      g_assert_not_reached ();
    }
  if (result == 0)
    result = (ia > ib) - (ia < ib);
  if (result == 0)
    result = compare_text (xf_pioneer_get_name (a), xf_pioneer_get_name (b));
  if (result == 0)
    result = (xf_pioneer_get_id (a) > xf_pioneer_get_id (b)) - (xf_pioneer_get_id (a) < xf_pioneer_get_id (b));
  return oracle_descending ? -result : result;
}

static int
age_today (const char *birth_date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year, month, day, age;

  g_assert_cmpint (sscanf (birth_date, "%d-%d-%d", &year, &month, &day), ==, 3);
  age = g_date_time_get_year (now) - year;
  if (g_date_time_get_month (now) < month ||
      (g_date_time_get_month (now) == month && g_date_time_get_day_of_month (now) < day))
    age--;
  return age;
}

static gboolean
in_band (const char *band,
         const char *birth_date)
{
  int age, low = 0, high = 1000;

  /* A band the list does not understand matches nothing. */
  if (birth_date == NULL || strchr (band, '-') == NULL || g_ascii_isalpha (band[0]))
    return FALSE;
  age = age_today (birth_date);
  if (band[0] != '-')
    low = atoi (band);
  if (strchr (band, '-')[1] != '\0')
    high = atoi (strchr (band, '-') + 1);
  return age >= low && age <= high;
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *h = NULL;
  g_autofree char *n = NULL;

  if (haystack == NULL)
    return FALSE;
  h = g_ascii_strdown (haystack, -1);
  n = g_ascii_strdown (needle, -1);
  return strstr (h, n) != NULL;
}

static gboolean
matches_filter (XfPioneer             *file,
                const XfRegistryQuery *query,
                XfRegistryFilter       filter)
{
  const char * const *codes = xf_registry_query_get_filter (query, filter);
  g_autofree char *value = NULL;

  if (codes == NULL)
    return filter != XF_REGISTRY_FILTER_STATUS || g_str_equal (xf_pioneer_get_status (file), "active");

  for (guint i = 0; codes[i] != NULL; i++)
    {
      switch (filter)
        {
        case XF_REGISTRY_FILTER_REGION:
          if (xf_pioneer_get_region_code (file) != NULL &&
              g_str_has_prefix (xf_pioneer_get_region_code (file), codes[i]))
            return TRUE;
          break;
        case XF_REGISTRY_FILTER_AGE_BAND:
          if (in_band (codes[i], xf_pioneer_get_birth_date (file)))
            return TRUE;
          break;
        default:
          {
            static const char *properties[] = {
              [XF_REGISTRY_FILTER_KIND] = "kind",
              [XF_REGISTRY_FILTER_TIER] = "tier",
              [XF_REGISTRY_FILTER_INDUSTRY] = "industry",
              [XF_REGISTRY_FILTER_ORGANISATION] = "organisation-id",
              [XF_REGISTRY_FILTER_GENDER] = "gender",
              [XF_REGISTRY_FILTER_EDUCATION] = "education",
              [XF_REGISTRY_FILTER_STATUS] = "status",
            };

            g_clear_pointer (&value, g_free);
            value = xf_pioneer_dup_field (file, properties[filter]);
            if (g_strcmp0 (value, codes[i]) == 0)
              return TRUE;
          }
        }
    }
  return FALSE;
}

static gboolean
matches (XfPioneer             *file,
         const XfRegistryQuery *query)
{
  g_autofree char *text = g_strstrip (g_strdup (xf_registry_query_get_text (query) ?: ""));
  g_autofree char *skills = xf_pioneer_dup_field (file, "skills");

  for (XfRegistryFilter f = 0; f < XF_REGISTRY_N_FILTERS; f++)
    if (!matches_filter (file, query, f))
      return FALSE;
  if (text[0] == '\0')
    return TRUE;
  if (g_utf8_strlen (text, -1) <= 2)
    return contains_folded (xf_pioneer_get_name (file), text);
  return contains_folded (xf_pioneer_get_name (file), text) ||
         contains_folded (xf_pioneer_get_employer (file), text) ||
         contains_folded (skills, text);
}

static GPtrArray *
expected_files (const XfRegistryQuery *query)
{
  GPtrArray *expected = g_ptr_array_new ();

  for (guint i = 0; i < all_files->len; i++)
    if (matches (g_ptr_array_index (all_files, i), query))
      g_ptr_array_add (expected, g_ptr_array_index (all_files, i));
  oracle_sort = xf_registry_query_get_sort (query, &oracle_descending);
  g_ptr_array_sort (expected, compare_files);
  return expected;
}

static void
assert_item (GListModel *list,
             guint       position,
             GPtrArray  *expected)
{
  g_autoptr(XfPioneer) item = g_list_model_get_item (list, position);
  XfPioneer *want = g_ptr_array_index (expected, position);

  g_assert_nonnull (item);
  if (xf_pioneer_get_id (item) != xf_pioneer_get_id (want))
    g_error ("position %u: got %" G_GINT64_FORMAT " “%s”, expected %" G_GINT64_FORMAT " “%s”",
             position, xf_pioneer_get_id (item), xf_pioneer_get_name (item),
             xf_pioneer_get_id (want), xf_pioneer_get_name (want));
}

/* Reads the whole list in order and checks it against the oracle. */
static void
assert_list (const XfRegistryQuery *query)
{
  g_autoptr(XfRegistryList) list = xf_registry_list_new (shared_registry, query);
  g_autoptr(GPtrArray) expected = expected_files (query);

  g_assert_null (xf_registry_list_get_error (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected->len);
  g_assert_cmpint (xf_registry_count_pioneers (shared_registry, query, NULL), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    assert_item (G_LIST_MODEL (list), i, expected);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), expected->len));
  g_assert_null (xf_registry_list_get_error (list));
}

/*
 * Tests
 */

static void
test_default_query (void)
{
  g_autoptr(XfRegistryList) list = xf_registry_list_new (shared_registry, NULL);
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autoptr(GPtrArray) expected = expected_files (query);
  guint archived = 0;

  for (guint i = 0; i < all_files->len; i++)
    archived += g_str_equal (xf_pioneer_get_status (g_ptr_array_index (all_files, i)), "archived");
  g_assert_cmpuint (archived, >, 0);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == XF_TYPE_PIONEER);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, all_files->len - archived);
  g_assert_cmpuint (expected->len, ==, all_files->len - archived);
  assert_list (query);

  /* Summaries carry the joined organisation name. */
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(XfPioneer) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      XfPioneer *want = g_ptr_array_index (expected, i);

      g_assert_cmpstr (xf_pioneer_get_organisation_name (item), ==, xf_pioneer_get_organisation_name (want));
      g_assert_cmpstr (xf_pioneer_get_tier (item), ==, xf_pioneer_get_tier (want));
      g_assert_cmpint (xf_pioneer_get_honours_count (item), ==, xf_pioneer_get_honours_count (want));
      g_assert_cmpstr (xf_pioneer_get_uid (item), ==, xf_pioneer_get_uid (want));
    }
}

static void
test_every_sort (void)
{
  for (XfRegistrySort sort = XF_REGISTRY_SORT_NAME; sort <= XF_REGISTRY_SORT_HONOURS; sort++)
    for (guint descending = 0; descending < 2; descending++)
      {
        g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();

        g_test_message ("sort %d, descending %u", sort, descending);
        xf_registry_query_set_sort (query, sort, descending);
        assert_list (query);
      }
}

/* Keyset pages after a neighbour, pages read backward from the end, and
 * random jumps all give the rows an OFFSET from the top would; so do
 * snapshot lists (the last two queries). */
static void
test_access_orders (void)
{
  for (XfRegistrySort sort = XF_REGISTRY_SORT_NAME; sort <= XF_REGISTRY_SORT_HONOURS + 2; sort++)
    {
      g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
      g_autoptr(GPtrArray) expected = NULL;
      g_autoptr(XfRegistryList) backward = NULL;
      g_autoptr(XfRegistryList) jumping = NULL;
      g_autoptr(XfRegistryList) boundaries = NULL;
      guint n;

      if (sort <= XF_REGISTRY_SORT_HONOURS)
        xf_registry_query_set_sort (query, sort, sort % 2 == 1);
      else if (sort == XF_REGISTRY_SORT_HONOURS + 1)
        {
          xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_STATUS, "active");
          xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_STATUS, "archived");
          xf_registry_query_set_sort (query, XF_REGISTRY_SORT_REGION, TRUE);
        }
      else
        xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_AGE_BAND, "0-120");
      expected = expected_files (query);
      n = expected->len;
      g_test_message ("access orders, query %d: %u files", sort, n);
      g_assert_cmpuint (n, >, 650);

      backward = xf_registry_list_new (shared_registry, query);
      for (guint i = n; i > 0; i--)
        assert_item (G_LIST_MODEL (backward), i - 1, expected);

      jumping = xf_registry_list_new (shared_registry, query);
      for (guint i = 0; i < 400; i++)
        assert_item (G_LIST_MODEL (jumping), g_test_rand_int_range (0, n), expected);

      /* Around page boundaries, out of order, so pages are read from anchors
       * on either side. */
      boundaries = xf_registry_list_new (shared_registry, query);
      {
        guint positions[] = { 500, 399, 400, 99, 100, 0, 101, 199, 200, 599, 600, 300, 301, 298 };

        for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
          assert_item (G_LIST_MODEL (boundaries), positions[i], expected);
        assert_item (G_LIST_MODEL (boundaries), n - 1, expected);
        assert_item (G_LIST_MODEL (boundaries), n - 101, expected);
      }
    }
}

static const struct { XfRegistryFilter filter; XfRegistrySort sort; } keyed_sorts[] = {
  { XF_REGISTRY_FILTER_KIND, XF_REGISTRY_SORT_KIND },
  { XF_REGISTRY_FILTER_TIER, XF_REGISTRY_SORT_TIER },
  { XF_REGISTRY_FILTER_REGION, XF_REGISTRY_SORT_REGION },
  { XF_REGISTRY_FILTER_INDUSTRY, XF_REGISTRY_SORT_INDUSTRY },
  { XF_REGISTRY_FILTER_ORGANISATION, XF_REGISTRY_SORT_ORGANISATION },
};

static void
test_filters (void)
{
  struct { XfRegistryFilter filter; gboolean some; const char *codes[3]; } cases[] = {
    { XF_REGISTRY_FILTER_KIND, TRUE, { "collective" } },
    { XF_REGISTRY_FILTER_KIND, TRUE, { "individual", "collective" } },
    { XF_REGISTRY_FILTER_TIER, TRUE, { "national" } },
    { XF_REGISTRY_FILTER_TIER, TRUE, { "county", "cultivation" } },
    { XF_REGISTRY_FILTER_REGION, TRUE, { "330521" } },
    { XF_REGISTRY_FILTER_REGION, TRUE, { "330502001", "330523" } },
    { XF_REGISTRY_FILTER_INDUSTRY, TRUE, { "C", "D" } },
    { XF_REGISTRY_FILTER_ORGANISATION, TRUE, { "1", "3" } },
    { XF_REGISTRY_FILTER_ORGANISATION, FALSE, { "x" } },
    { XF_REGISTRY_FILTER_GENDER, TRUE, { "female" } },
    { XF_REGISTRY_FILTER_AGE_BAND, TRUE, { "-35" } },
    { XF_REGISTRY_FILTER_AGE_BAND, TRUE, { "36-45", "56-" } },
    { XF_REGISTRY_FILTER_AGE_BAND, TRUE, { "46-55" } },
    { XF_REGISTRY_FILTER_AGE_BAND, FALSE, { "old" } },
    { XF_REGISTRY_FILTER_EDUCATION, TRUE, { "bachelor", "master" } },
    { XF_REGISTRY_FILTER_STATUS, TRUE, { "archived" } },
    { XF_REGISTRY_FILTER_STATUS, TRUE, { "active", "archived" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
      g_autoptr(GPtrArray) expected = NULL;

      for (guint c = 0; c < 3 && cases[i].codes[c] != NULL; c++)
        xf_registry_query_add_filter (query, cases[i].filter, cases[i].codes[c]);
      expected = expected_files (query);
      g_test_message ("filter %d %s: %u files", cases[i].filter, cases[i].codes[0], expected->len);
      g_assert_cmpint (expected->len > 0, ==, cases[i].some);
      assert_list (query);

      /* Sorted by the filtered key, one code stays on the keyset path. */
      for (guint k = 0; k < G_N_ELEMENTS (keyed_sorts); k++)
        if (keyed_sorts[k].filter == cases[i].filter)
          {
            xf_registry_query_set_sort (query, keyed_sorts[k].sort, FALSE);
            assert_list (query);
            xf_registry_query_set_sort (query, keyed_sorts[k].sort, TRUE);
            assert_list (query);
          }
    }

  /* Filters combined, with a sort that is not by name. */
  {
    g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
    g_autoptr(GPtrArray) expected = NULL;

    xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_KIND, "individual");
    xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_GENDER, "male");
    xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_REGION, "330502");
    xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_REGION, "330521");
    xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_AGE_BAND, "36-45");
    xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_AGE_BAND, "46-55");
    xf_registry_query_set_sort (query, XF_REGISTRY_SORT_TIER, TRUE);
    expected = expected_files (query);
    g_assert_cmpuint (expected->len, >, 0);
    assert_list (query);

    xf_registry_query_clear_filter (query, XF_REGISTRY_FILTER_REGION);
    g_assert_null (xf_registry_query_get_filter (query, XF_REGISTRY_FILTER_REGION));
    xf_registry_query_set_text (query, "王");
    assert_list (query);
  }
}

static void
test_search (void)
{
  struct { const char *text; gboolean some; } cases[] = {
    { "王", TRUE },            /* one character: the gram index */
    { " 建国 ", TRUE },         /* two characters, trimmed */
    { "LI", TRUE },            /* two Latin letters, any case */
    { "silk", TRUE },          /* three or more: FTS5 trigram, employer and skills */
    { "SILK COMPANY", TRUE },
    { "供电公司", TRUE },
    { "王建国", TRUE },
    { "丝绸织造", TRUE },
    /* Nothing a user types is query syntax. */
    { "AND", FALSE },
    { "silk OR 王", FALSE },
    { "\"", FALSE },
    { "\"电池\"", TRUE },
    { "*", FALSE },
    { "sil*", FALSE },
    { "%", FALSE },
    { "_S", FALSE },
    { "Silk%Mill", TRUE },
    { "k_S", FALSE },
    { "NEAR(a b)", FALSE },
    { "name:王", FALSE },
    { "^王", FALSE },
    { "   ", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
      g_autoptr(GPtrArray) expected = NULL;

      xf_registry_query_set_text (query, cases[i].text);
      expected = expected_files (query);
      g_test_message ("search “%s”: %u files", cases[i].text, expected->len);
      g_assert_cmpint (expected->len > 0, ==, cases[i].some);
      assert_list (query);

      xf_registry_query_set_sort (query, XF_REGISTRY_SORT_HONOURS, TRUE);
      assert_list (query);
    }
}

/*
 * Tests that write use their own small registry.
 */

typedef struct
{
  XfStore        *store;
  XfRegistry     *registry;
  XfRegistryList *list;
  GtSignalLogger *logger;
} Fixture;

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  fixture->store = xf_test_open_store ();
  fixture->registry = xf_test_new_registry (fixture->store);
  g_assert_true (xf_registry_ensure_organisations (fixture->registry, NULL));
  fill_registry (fixture->registry, 250, 7);
  fixture->list = xf_registry_list_new (fixture->registry, NULL);
  fixture->logger = gt_signal_logger_new ();
  gt_signal_logger_connect (fixture->logger, fixture->list, "items-changed");
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_clear_pointer (&fixture->logger, gt_signal_logger_free);
  g_assert_finalize_object (fixture->list);
  g_assert_finalize_object (fixture->registry);
  g_assert_finalize_object (fixture->store);
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
assert_items_changed (Fixture *fixture,
                      guint    removed,
                      guint    added)
{
  guint position = 99, got_removed = 0, got_added = 0;

  gt_signal_logger_assert_emission_pop (fixture->logger, fixture->list, "items-changed",
                                        &position, &got_removed, &got_added, NULL);
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (got_removed, ==, removed);
  g_assert_cmpuint (got_added, ==, added);
}

static void
test_items_changed (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->list);
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autoptr(XfPioneer) first = NULL;
  guint n = g_list_model_get_n_items (model);
  guint collectives;

  g_assert_cmpuint (n, ==, xf_registry_count_pioneers (fixture->registry, NULL, NULL));
  xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_KIND, "collective");
  xf_registry_list_set_query (fixture->list, query);
  collectives = g_list_model_get_n_items (model);
  g_assert_cmpuint (collectives, <, n);
  assert_items_changed (fixture, n, collectives);
  gt_signal_logger_assert_no_emissions (fixture->logger);
  g_assert_cmpuint (xf_registry_query_get_filter (xf_registry_list_get_query (fixture->list),
                                                  XF_REGISTRY_FILTER_KIND)[0][0], ==, 'c');

  xf_registry_list_reload (fixture->list);
  assert_items_changed (fixture, collectives, collectives);

  /* A write to the registry reloads once, when the main loop runs. */
  {
    g_autoptr(XfPioneer) team = xf_pioneer_new ("collective");

    g_object_set (team, "name", "新班组", NULL);
    g_assert_true (xf_registry_save_pioneer (fixture->registry, team, NULL));
    gt_signal_logger_assert_no_emissions (fixture->logger);
    spin ();
    assert_items_changed (fixture, collectives, collectives + 1);
    gt_signal_logger_assert_no_emissions (fixture->logger);
  }

  /* Several writes in a row give one reload. */
  first = g_list_model_get_item (model, 0);
  {
    g_autoptr(XfPioneer) file = xf_registry_get_pioneer (fixture->registry, xf_pioneer_get_id (first), NULL);

    g_object_set (file, "name", "新名字一", NULL);
    g_assert_true (xf_registry_save_pioneer (fixture->registry, file, NULL));
    g_object_set (file, "name", "新名字二", NULL);
    g_assert_true (xf_registry_save_pioneer (fixture->registry, file, NULL));
    spin ();
    assert_items_changed (fixture, collectives + 1, collectives + 1);
    gt_signal_logger_assert_no_emissions (fixture->logger);
  }
  g_assert_null (xf_registry_list_get_error (fixture->list));
}

static gboolean
list_has (GListModel *model,
          gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(XfPioneer) item = g_list_model_get_item (model, i);

      if (xf_pioneer_get_id (item) == id)
        return TRUE;
    }
  return FALSE;
}

static void
test_archived_hidden (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->list);
  g_autoptr(XfPioneer) item = g_list_model_get_item (model, 10);
  g_autoptr(XfPioneer) file = xf_registry_get_pioneer (fixture->registry, xf_pioneer_get_id (item), NULL);
  g_autoptr(XfRegistryQuery) archived = xf_registry_query_new ();
  guint n = g_list_model_get_n_items (model);

  g_assert_true (list_has (model, xf_pioneer_get_id (file)));
  g_assert_true (xf_registry_archive_pioneer (fixture->registry, file, "退休", NULL));
  spin ();
  assert_items_changed (fixture, n, n - 1);
  g_assert_false (list_has (model, xf_pioneer_get_id (file)));

  xf_registry_query_add_filter (archived, XF_REGISTRY_FILTER_STATUS, "archived");
  xf_registry_list_set_query (fixture->list, archived);
  g_assert_true (list_has (model, xf_pioneer_get_id (file)));

  g_assert_true (xf_registry_restore_pioneer (fixture->registry, file, NULL));
  spin ();
  g_assert_false (list_has (model, xf_pioneer_get_id (file)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  shared_store = xf_test_open_store ();
  shared_registry = xf_test_new_registry (shared_store);
  g_assert_true (xf_registry_ensure_organisations (shared_registry, &error));
  g_assert_no_error (error);
  fill_registry (shared_registry, N_FILES, 20260101);
  all_files = read_all (shared_registry);
  g_assert_cmpuint (all_files->len, ==, N_FILES);

  g_test_add_func ("/core/registry-list/default-query", test_default_query);
  g_test_add_func ("/core/registry-list/every-sort", test_every_sort);
  g_test_add_func ("/core/registry-list/access-orders", test_access_orders);
  g_test_add_func ("/core/registry-list/filters", test_filters);
  g_test_add_func ("/core/registry-list/search", test_search);
  g_test_add ("/core/registry-list/items-changed", Fixture, NULL, set_up, test_items_changed, tear_down);
  g_test_add ("/core/registry-list/archived-hidden", Fixture, NULL, set_up, test_archived_hidden, tear_down);

  status = g_test_run ();

  g_ptr_array_unref (all_files);
  g_object_unref (shared_registry);
  g_object_unref (shared_store);
  return status;
}
