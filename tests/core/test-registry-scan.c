/* test-registry-scan.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-error.h"
#include "xf-reference.h"
#include "xf-registry-list.h"
#include "xf-registry-scan.h"
#include "xf-test-store.h"

/*
 * A scan is checked against the list model it stands in for: for each
 * query, the same files in the same order with the same summary fields.
 */

#define N_FILES 700

static XfStore *shared_store;
static XfRegistry *shared_registry;

static const char *surnames[] = { "王", "李", "张", "陈", "沈", "Li" };
static const char *given[] = { "建国", "芳", "伟", "秀英", "明", "na" };
static const char *employers[] = {
  "国网湖州供电公司", "Huzhou Silk Company", "德清县人民医院", "长兴\"电池\"集团", "",
};

static void
fill_registry (XfRegistry *registry,
               guint       n,
               guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) organisations = xf_registry_list_organisations (registry, NULL);
  XfReference *reference = xf_reference_get_default (NULL);
  GPtrArray *regions = xf_reference_get_items (reference, XF_REFERENCE_REGIONS);
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

      name = g_strdup_printf ("%s%s%s", surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                              given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))],
                              collective ? "班组" : "");
      g_object_set (pioneer, "name", name, NULL);

      /* Some fields stay unset, so NULLs sort and read back. */
      if (g_rand_int_range (rand, 0, 10) > 0)
        g_object_set (pioneer, "region-code", region->code, NULL);
      if (g_rand_int_range (rand, 0, 10) > 0)
        g_object_set (pioneer, "industry", industry, NULL);
      if (g_rand_int_range (rand, 0, 10) > 0)
        {
          XfOrganisationInfo *info = g_ptr_array_index (organisations,
                                                        g_rand_int_range (rand, 0, organisations->len));

          g_object_set (pioneer, "organisation-id", info->id, NULL);
        }
      g_object_set (pioneer, "employer", employers[g_rand_int_range (rand, 0, G_N_ELEMENTS (employers))], NULL);
      if (!collective)
        {
          g_autofree char *birth = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 1950, 2005),
                                                    g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));

          g_object_set (pioneer,
                        "gender", g_rand_boolean (rand) ? "male" : "female",
                        "birth-date", birth,
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
      if (g_rand_int_range (rand, 0, 12) == 0)
        {
          g_autoptr(XfPioneer) stored = xf_registry_get_pioneer (registry, xf_pioneer_get_id (pioneer), NULL);

          g_assert_true (xf_registry_archive_pioneer (registry, stored, "调离", NULL));
        }
    }
  g_assert_true (xf_db_commit (db, NULL));
}

/*
 * Helpers
 */

static gboolean
collect_cb (const XfPioneerSummary *summary,
            gpointer                user_data)
{
  g_ptr_array_add (user_data, xf_pioneer_summary_to_pioneer (summary));
  return TRUE;
}

/* Every row of a scan, as records. */
static GPtrArray *
scan_all (const XfRegistryQuery *query)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_registry_foreach_match (shared_registry, query, NULL, collect_cb, rows, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&rows);
}

static const char * const summary_fields[] = {
  "id", "uid", "kind", "name", "gender", "birth-date", "employer", "tier", "region-code",
  "organisation-id", "industry", "honours-count", "status",
};

/* The scan hands out what the list does, row for row and field for field. */
static guint
assert_scan_matches_list (const XfRegistryQuery *query)
{
  g_autoptr(XfRegistryList) list = xf_registry_list_new (shared_registry, query);
  g_autoptr(GPtrArray) rows = scan_all (query);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_assert_null (xf_registry_list_get_error (list));
  g_assert_cmpuint (rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfPioneer) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      XfPioneer *row = g_ptr_array_index (rows, i);

      if (xf_pioneer_get_id (row) != xf_pioneer_get_id (item))
        g_error ("position %u: scan gave %" G_GINT64_FORMAT " “%s”, list %" G_GINT64_FORMAT " “%s”",
                 i, xf_pioneer_get_id (row), xf_pioneer_get_name (row),
                 xf_pioneer_get_id (item), xf_pioneer_get_name (item));
      for (guint f = 0; f < G_N_ELEMENTS (summary_fields); f++)
        {
          g_autofree char *want = xf_pioneer_dup_field (item, summary_fields[f]);
          g_autofree char *got = xf_pioneer_dup_field (row, summary_fields[f]);

          g_assert_cmpstr (got, ==, want);
        }
      g_assert_cmpstr (xf_pioneer_get_organisation_name (row), ==, xf_pioneer_get_organisation_name (item));
    }
  g_assert_null (xf_registry_list_get_error (list));
  return n;
}

/*
 * Tests
 */

static void
test_default_query (void)
{
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  guint n = assert_scan_matches_list (NULL);

  g_assert_cmpint (n, ==, xf_registry_count_pioneers (shared_registry, NULL, NULL));
  g_assert_cmpuint (n, >, N_FILES / 2);
  g_assert_cmpuint (n, <, N_FILES);   /* some are archived */
  g_assert_cmpuint (assert_scan_matches_list (query), ==, n);
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
        assert_scan_matches_list (query);
      }
}

static void
test_filters (void)
{
  struct { XfRegistryFilter filter; XfRegistrySort sort; const char *codes[3]; } cases[] = {
    { XF_REGISTRY_FILTER_KIND, XF_REGISTRY_SORT_NAME, { "collective" } },
    { XF_REGISTRY_FILTER_TIER, XF_REGISTRY_SORT_TIER, { "national" } },    /* the sort index alone */
    { XF_REGISTRY_FILTER_TIER, XF_REGISTRY_SORT_NAME, { "county", "cultivation" } },
    { XF_REGISTRY_FILTER_REGION, XF_REGISTRY_SORT_REGION, { "330521" } },
    { XF_REGISTRY_FILTER_INDUSTRY, XF_REGISTRY_SORT_HONOURS, { "C", "D" } },
    { XF_REGISTRY_FILTER_ORGANISATION, XF_REGISTRY_SORT_ORGANISATION, { "1", "3" } },
    { XF_REGISTRY_FILTER_GENDER, XF_REGISTRY_SORT_NAME, { "female" } },    /* outside the indexes */
    { XF_REGISTRY_FILTER_AGE_BAND, XF_REGISTRY_SORT_KIND, { "36-45", "56-" } },
    { XF_REGISTRY_FILTER_STATUS, XF_REGISTRY_SORT_NAME, { "archived" } },
    { XF_REGISTRY_FILTER_STATUS, XF_REGISTRY_SORT_REGION, { "active", "archived" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint descending = 0; descending < 2; descending++)
      {
        g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
        guint n;

        for (guint c = 0; c < 3 && cases[i].codes[c] != NULL; c++)
          xf_registry_query_add_filter (query, cases[i].filter, cases[i].codes[c]);
        xf_registry_query_set_sort (query, cases[i].sort, descending);
        n = assert_scan_matches_list (query);
        g_test_message ("filter %d %s: %u files", cases[i].filter, cases[i].codes[0], n);
        g_assert_cmpuint (n, >, 0);
      }
}

static void
test_search (void)
{
  struct { const char *text; gboolean some; } cases[] = {
    { "王", TRUE },            /* one character: the gram index */
    { " 建国 ", TRUE },         /* two characters, trimmed */
    { "LI", TRUE },            /* two Latin letters, any case */
    { "silk", TRUE },          /* three or more: FTS5 trigram over name, employer, skills */
    { "供电公司", TRUE },
    { "\"电池\"", TRUE },
    { "AND", FALSE },          /* not query syntax */
    { "zzqqxx", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
      guint n;

      xf_registry_query_set_text (query, cases[i].text);
      n = assert_scan_matches_list (query);
      g_test_message ("search “%s”: %u files", cases[i].text, n);
      g_assert_cmpint (n > 0, ==, cases[i].some);

      xf_registry_query_set_sort (query, XF_REGISTRY_SORT_HONOURS, TRUE);
      assert_scan_matches_list (query);
      xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_KIND, "individual");
      xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_GENDER, "male");
      assert_scan_matches_list (query);
    }
}

/* Views hold NULL, never "", for unset fields, as records do. */
static gboolean
check_view_cb (const XfPioneerSummary *summary,
               gpointer                user_data)
{
  guint *n_without_employer = user_data;

  g_assert_cmpint (summary->id, >, 0);
  g_assert_nonnull (summary->uid);
  g_assert_nonnull (summary->name);
  g_assert_cmpstr (summary->status, ==, "active");
  g_assert_true (summary->employer == NULL || summary->employer[0] != '\0');
  g_assert_true ((summary->organisation_id == 0) == (summary->organisation_name == NULL));
  if (g_str_equal (summary->kind, "collective"))
    g_assert_null (summary->gender);
  *n_without_employer += summary->employer == NULL;
  return TRUE;
}

static void
test_view (void)
{
  g_autoptr(GError) error = NULL;
  guint n_without_employer = 0;

  g_assert_true (xf_registry_foreach_match (shared_registry, NULL, NULL, check_view_cb, &n_without_employer,
                                            NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_without_employer, >, 0);
}

typedef struct
{
  guint         calls;
  guint         stop_after;
  GCancellable *cancel_after;
} Counter;

static gboolean
count_cb (const XfPioneerSummary *summary,
          gpointer                user_data)
{
  Counter *counter = user_data;

  counter->calls++;
  if (counter->cancel_after != NULL && counter->calls == counter->stop_after)
    g_cancellable_cancel (counter->cancel_after);
  return counter->cancel_after != NULL || counter->calls < counter->stop_after;
}

static void
test_stop_and_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Counter counter = { 0, 5, NULL };

  /* The callback stops the walk: not an error. */
  g_assert_true (xf_registry_foreach_match (shared_registry, NULL, NULL, count_cb, &counter, cancellable, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counter.calls, ==, 5);

  /* Cancelled during the walk: no row after it. */
  counter = (Counter) { 0, 3, cancellable };
  g_assert_false (xf_registry_foreach_match (shared_registry, NULL, NULL, count_cb, &counter, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (counter.calls, ==, 3);
  g_clear_error (&error);

  /* Cancelled before: not one row. */
  counter = (Counter) { 0, 1000, NULL };
  g_assert_false (xf_registry_foreach_match (shared_registry, NULL, NULL, count_cb, &counter, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (counter.calls, ==, 0);
}

/* A write between two scans shows in the second. */
static void
test_follows_writes (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();
  g_autoptr(XfRegistry) registry = xf_test_new_registry (store);
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("individual");
  g_autoptr(GError) error = NULL;
  Counter counter = { 0, G_MAXUINT, NULL };

  g_assert_true (xf_registry_foreach_match (registry, NULL, NULL, count_cb, &counter, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counter.calls, ==, 0);

  g_object_set (pioneer, "name", "沈建国", NULL);
  g_assert_true (xf_registry_save_pioneer (registry, pioneer, &error));
  g_assert_no_error (error);
  g_assert_true (xf_registry_foreach_match (registry, NULL, NULL, count_cb, &counter, NULL, &error));
  g_assert_cmpuint (counter.calls, ==, 1);

  g_assert_true (xf_registry_archive_pioneer (registry, pioneer, "退休", &error));
  g_assert_no_error (error);
  counter.calls = 0;
  g_assert_true (xf_registry_foreach_match (registry, NULL, NULL, count_cb, &counter, NULL, &error));
  g_assert_cmpuint (counter.calls, ==, 0);
}

/* Only the fields asked for are read; the rows and their order stay. */
typedef struct
{
  GPtrArray *full;       /* the same scan with every field */
  guint      position;
} FieldsCheck;

static gboolean
check_fields_cb (const XfPioneerSummary *summary,
                 gpointer                user_data)
{
  FieldsCheck *check = user_data;
  XfPioneer *full;

  g_assert_cmpuint (check->position, <, check->full->len);
  full = g_ptr_array_index (check->full, check->position++);
  g_assert_cmpint (summary->id, ==, xf_pioneer_get_id (full));
  g_assert_cmpstr (summary->name, ==, xf_pioneer_get_name (full));
  g_assert_cmpstr (summary->region_code, ==, xf_pioneer_get_region_code (full));
  g_assert_cmpstr (summary->organisation_name, ==, xf_pioneer_get_organisation_name (full));
  g_assert_null (summary->uid);
  g_assert_null (summary->kind);
  g_assert_null (summary->status);
  g_assert_null (summary->employer);
  g_assert_cmpint (summary->organisation_id, ==, 0);
  g_assert_cmpint (summary->honours_count, ==, 0);
  return TRUE;
}

static void
test_fields (void)
{
  static const char * const fields[] = { "name", "region-code", "organisation-name", NULL };
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autoptr(GPtrArray) full = NULL;
  g_autoptr(GError) error = NULL;
  FieldsCheck check = { NULL, 0 };

  xf_registry_query_set_sort (query, XF_REGISTRY_SORT_REGION, TRUE);
  xf_registry_query_set_text (query, "王");
  full = scan_all (query);
  g_assert_cmpuint (full->len, >, 0);

  check.full = full;
  g_assert_true (xf_registry_foreach_match (shared_registry, query, fields, check_fields_cb, &check,
                                            NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (check.position, ==, full->len);
}

static void
test_preconditions (void)
{
  if (g_test_subprocess ())
    {
      xf_registry_foreach_match (shared_registry, NULL, NULL, NULL, NULL, NULL, NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*func != NULL*");
}

static void
test_unknown_field (void)
{
  if (g_test_subprocess ())
    {
      const char * const fields[] = { "name", "id-number", NULL };

      xf_registry_foreach_match (shared_registry, NULL, fields, collect_cb, NULL, NULL, NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*id-number*not a field*");
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
  fill_registry (shared_registry, N_FILES, 20260102);

  g_test_add_func ("/core/registry-scan/default-query", test_default_query);
  g_test_add_func ("/core/registry-scan/every-sort", test_every_sort);
  g_test_add_func ("/core/registry-scan/filters", test_filters);
  g_test_add_func ("/core/registry-scan/search", test_search);
  g_test_add_func ("/core/registry-scan/view", test_view);
  g_test_add_func ("/core/registry-scan/stop-and-cancel", test_stop_and_cancel);
  g_test_add_func ("/core/registry-scan/follows-writes", test_follows_writes);
  g_test_add_func ("/core/registry-scan/fields", test_fields);
  g_test_add_func ("/core/registry-scan/preconditions", test_preconditions);
  g_test_add_func ("/core/registry-scan/unknown-field", test_unknown_field);

  status = g_test_run ();

  g_object_unref (shared_registry);
  g_object_unref (shared_store);
  return status;
}
