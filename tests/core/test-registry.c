/* test-registry.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <libglib-testing/signal-logger.h>

#include "xf-audit.h"
#include "xf-error.h"
#include "xf-identity.h"
#include "xf-registry.h"
#include "xf-registry-private.h"
#include "xf-test-store.h"

typedef struct
{
  XfStore        *store;
  XfRegistry     *registry;
  GtSignalLogger *logger;
} Fixture;

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = xf_test_open_store ();
  fixture->registry = xf_test_new_registry (fixture->store);
  g_assert_true (xf_registry_ensure_organisations (fixture->registry, &error));
  g_assert_no_error (error);
  fixture->logger = gt_signal_logger_new ();
  gt_signal_logger_connect (fixture->logger, fixture->registry, "changed");
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_clear_pointer (&fixture->logger, gt_signal_logger_free);
  g_assert_finalize_object (fixture->registry);
  g_assert_finalize_object (fixture->store);
}

static gint64
count_rows (Fixture    *fixture,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return xf_db_query_int64 (xf_store_get_db (fixture->store), sql, -1, NULL);
}

static gint64
organisation_id (Fixture    *fixture,
                 const char *code)
{
  g_autoptr(GPtrArray) list = xf_registry_list_organisations (fixture->registry, NULL);

  for (guint i = 0; i < list->len; i++)
    {
      XfOrganisationInfo *info = g_ptr_array_index (list, i);

      if (g_str_equal (info->code, code))
        return info->id;
    }
  g_assert_not_reached ();
}

/* A valid identity number for a region, birth date and sequence. */
static char *
make_id (const char *first17)
{
  return g_strdup_printf ("%s%c", first17, xf_identity_id_check_char (first17));
}

static char *
make_credit_code (const char *first17)
{
  return g_strdup_printf ("%s%c", first17, xf_identity_credit_check_char (first17));
}

static XfPioneer *
full_individual (Fixture *fixture)
{
  g_autofree char *id = make_id ("33050219800101123");
  XfPioneer *pioneer = xf_pioneer_new ("individual");

  g_object_set (pioneer,
                "name", "王建国",
                "gender", "male",
                "birth-date", "1980-01-01",
                "ethnicity", "01",
                "education", "bachelor",
                "political-status", "01",
                "id-number", id,
                "mobile", "13800138000",
                "employer", "国网湖州供电公司",
                "position", "班长",
                "industry", "D",
                "region-code", "330502001",
                "organisation-id", organisation_id (fixture, "union"),
                "skills", "带电作业",
                "tags", "工匠",
                "introduction", "扎根一线二十年。",
                "deeds", "完成带电作业三千余次。",
                "video", "https://example.org/v.mp4",
                "photo", "photos/wang.jpg",
                "contribution", "保障电网安全。",
                NULL);
  return pioneer;
}

static XfPioneer *
simple (const char *kind,
        const char *name)
{
  XfPioneer *pioneer = xf_pioneer_new (kind);

  g_object_set (pioneer, "name", name, NULL);
  return pioneer;
}

static gint64
pop_changed (Fixture *fixture)
{
  gint64 id = -1;

  gt_signal_logger_assert_emission_pop (fixture->logger, fixture->registry, "changed", &id, NULL);
  return id;
}

static void
assert_same_fields (XfPioneer *a,
                    XfPioneer *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *va = xf_pioneer_dup_field (a, pspecs[i]->name);
      g_autofree char *vb = xf_pioneer_dup_field (b, pspecs[i]->name);

      if (g_strcmp0 (va, vb) != 0)
        g_error ("field %s: “%s” != “%s”", pspecs[i]->name, va, vb);
    }
}

static void
test_insert_and_read_back (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(XfPioneer) pioneer = full_individual (fixture);
  g_autoptr(XfPioneer) read = NULL;
  g_autoptr(XfPioneer) by_uid = NULL;
  g_autoptr(XfPioneer) collective = xf_pioneer_new ("collective");
  g_autoptr(XfPioneer) read_collective = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = make_credit_code ("91330500MA2B3C4D5");

  g_assert_true (xf_registry_save_pioneer (fixture->registry, pioneer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_pioneer_get_id (pioneer), >, 0);
  g_assert_nonnull (xf_pioneer_get_uid (pioneer));
  g_assert_cmpint (strlen (xf_pioneer_get_uid (pioneer)), ==, 36);
  g_assert_cmpint (xf_pioneer_get_version (pioneer), ==, 1);
  g_assert_cmpstr (xf_pioneer_get_tier (pioneer), ==, "cultivation");
  g_assert_cmpstr (xf_pioneer_get_organisation_name (pioneer), ==, "湖州市总工会");
  g_assert_cmpint (pop_changed (fixture), ==, xf_pioneer_get_id (pioneer));
  gt_signal_logger_assert_no_emissions (fixture->logger);

  read = xf_registry_get_pioneer (fixture->registry, xf_pioneer_get_id (pioneer), &error);
  g_assert_no_error (error);
  assert_same_fields (pioneer, read);
  g_assert_cmpstr (xf_pioneer_get_employer (read), ==, "国网湖州供电公司");
  g_assert_cmpstr (xf_pioneer_get_region_code (read), ==, "330502001");
  g_assert_cmpstr (xf_pioneer_get_contribution (read), ==, "保障电网安全。");
  {
    gint64 created = 0, updated = 0;

    g_object_get (read, "created-at", &created, "updated-at", &updated, NULL);
    g_assert_cmpint (created, >, 0);
    g_assert_cmpint (updated, ==, created);
  }

  by_uid = xf_registry_get_pioneer_by_uid (fixture->registry, xf_pioneer_get_uid (pioneer), &error);
  g_assert_no_error (error);
  assert_same_fields (pioneer, by_uid);

  g_object_set (collective, "name", "灯塔村党支部", "credit-code", code, "collective-kind", "党支部",
                "leader", "李娜", "size", 25, "industry", "A", "region-code", "330521",
                "organisation-id", organisation_id (fixture, "women"), NULL);
  g_assert_true (xf_registry_save_pioneer (fixture->registry, collective, &error));
  g_assert_no_error (error);
  read_collective = xf_registry_get_pioneer (fixture->registry, xf_pioneer_get_id (collective), &error);
  g_assert_no_error (error);
  assert_same_fields (collective, read_collective);
  g_assert_true (xf_pioneer_is_collective (read_collective));
  pop_changed (fixture);

  g_assert_null (xf_registry_get_pioneer (fixture->registry, 9999, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (xf_registry_get_pioneer_by_uid (fixture->registry, "nope", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

static void
test_update_bumps_version (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(XfPioneer) pioneer = full_individual (fixture);
  g_autoptr(XfPioneer) read = NULL;
  g_autoptr(GError) error = NULL;
  gint64 changes_before;

  g_assert_true (xf_registry_save_pioneer (fixture->registry, pioneer, &error));
  pop_changed (fixture);
  changes_before = count_rows (fixture, "audit_log");

  g_object_set (pioneer, "employer", "湖州电力公司", "mobile", NULL, NULL);
  g_assert_true (xf_registry_save_pioneer (fixture->registry, pioneer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_pioneer_get_version (pioneer), ==, 2);
  g_assert_cmpint (pop_changed (fixture), ==, xf_pioneer_get_id (pioneer));
  g_assert_cmpint (count_rows (fixture, "audit_log"), ==, changes_before + 2);

  read = xf_registry_get_pioneer (fixture->registry, xf_pioneer_get_id (pioneer), NULL);
  g_assert_cmpstr (xf_pioneer_get_employer (read), ==, "湖州电力公司");
  g_assert_null (xf_pioneer_dup_field (read, "mobile"));
  g_assert_cmpint (xf_pioneer_get_version (read), ==, 2);

  /* Saving without a change writes nothing and says nothing. */
  g_assert_true (xf_registry_save_pioneer (fixture->registry, pioneer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_pioneer_get_version (pioneer), ==, 2);
  gt_signal_logger_assert_no_emissions (fixture->logger);
  g_assert_cmpint (count_rows (fixture, "audit_log"), ==, changes_before + 2);
}

static void
test_stale_update_conflicts (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(XfPioneer) pioneer = full_individual (fixture);
  g_autoptr(XfPioneer) desk_a = NULL;
  g_autoptr(XfPioneer) desk_b = NULL;
  g_autoptr(XfPioneer) read = NULL;
  g_autoptr(GError) error = NULL;
  gint64 changes;

  g_assert_true (xf_registry_save_pioneer (fixture->registry, pioneer, NULL));
  desk_a = xf_registry_get_pioneer (fixture->registry, xf_pioneer_get_id (pioneer), NULL);
  desk_b = xf_registry_get_pioneer (fixture->registry, xf_pioneer_get_id (pioneer), NULL);

  g_object_set (desk_a, "name", "王建华", NULL);
  g_assert_true (xf_registry_save_pioneer (fixture->registry, desk_a, &error));
  g_assert_no_error (error);
  changes = count_rows (fixture, "audit_log");

  g_object_set (desk_b, "employer", "别的公司", NULL);
  g_assert_false (xf_registry_save_pioneer (fixture->registry, desk_b, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "“王建华” was changed elsewhere since you opened it");
  g_clear_error (&error);

  read = xf_registry_get_pioneer (fixture->registry, xf_pioneer_get_id (pioneer), NULL);
  g_assert_cmpstr (xf_pioneer_get_name (read), ==, "王建华");
  g_assert_cmpstr (xf_pioneer_get_employer (read), ==, "国网湖州供电公司");
  g_assert_cmpint (xf_pioneer_get_version (read), ==, 2);
  g_assert_cmpint (count_rows (fixture, "audit_log"), ==, changes);
  /* Two saves emitted; the refused one did not. */
  pop_changed (fixture);
  pop_changed (fixture);
  gt_signal_logger_assert_no_emissions (fixture->logger);

  /* A file that is gone is not found. */
  g_object_set (desk_b, "id", (gint64) 4242, NULL);
  g_assert_false (xf_registry_save_pioneer (fixture->registry, desk_b, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(XfPioneer) first = full_individual (fixture);
  g_autoptr(XfPioneer) second = simple ("individual", "李四");
  g_autoptr(XfPioneer) team = simple ("collective", "第一班组");
  g_autoptr(XfPioneer) team2 = simple ("collective", "第二班组");
  g_autoptr(GError) error = NULL;
  g_autofree char *id_x = make_id ("33050219800101001");
  g_autofree char *code = make_credit_code ("91330500MA2B3C4D5");
  g_autofree char *expected = NULL;
  gint64 rows;

  g_assert_true (xf_registry_save_pioneer (fixture->registry, first, NULL));
  rows = count_rows (fixture, "pioneers");

  g_object_set (second, "id-number", xf_pioneer_get_id_number (first), NULL);
  g_assert_false (xf_registry_save_pioneer (fixture->registry, second, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_DUPLICATE);
  expected = g_strdup_printf ("Identity number is already in the file of “王建国” (%s)",
                              xf_pioneer_get_uid (first));
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture, "pioneers"), ==, rows);

  /* A lower-case check character is the same number. */
  g_assert_cmpint (id_x[17], ==, 'X');
  {
    g_autoptr(XfPioneer) upper = simple ("individual", "赵六");
    g_autoptr(XfPioneer) lower = simple ("individual", "钱七");
    g_autofree char *lowered = g_ascii_strdown (id_x, -1);

    g_object_set (upper, "id-number", id_x, NULL);
    g_assert_true (xf_registry_save_pioneer (fixture->registry, upper, NULL));
    g_object_set (lower, "id-number", lowered, NULL);
    g_assert_false (xf_registry_save_pioneer (fixture->registry, lower, &error));
    g_assert_error (error, XF_ERROR, XF_ERROR_DUPLICATE);
    g_clear_error (&error);
  }

  g_object_set (team, "credit-code", code, NULL);
  g_assert_true (xf_registry_save_pioneer (fixture->registry, team, &error));
  g_assert_no_error (error);
  g_object_set (team2, "credit-code", code, NULL);
  g_assert_false (xf_registry_save_pioneer (fixture->registry, team2, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "“第一班组”"));
  g_assert_nonnull (strstr (error->message, xf_pioneer_get_uid (team)));
  g_clear_error (&error);

  /* Saving a file again with its own number is no duplicate. */
  g_object_set (first, "position", "主任", NULL);
  g_assert_true (xf_registry_save_pioneer (fixture->registry, first, &error));
  g_assert_no_error (error);
}

static void
test_invalid_writes_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(XfPioneer) pioneer = full_individual (fixture);
  g_autoptr(XfPioneer) read = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rows, changes;

  rows = count_rows (fixture, "pioneers");
  g_object_set (pioneer, "gender", "female", NULL);
  g_assert_false (xf_registry_save_pioneer (fixture->registry, pioneer, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Gender"));
  g_clear_error (&error);
  g_assert_cmpint (xf_pioneer_get_id (pioneer), ==, 0);
  g_assert_cmpint (count_rows (fixture, "pioneers"), ==, rows);
  g_assert_cmpint (count_rows (fixture, "audit_log"), ==, 0);

  /* An organisation that does not exist is refused before the database does. */
  g_object_set (pioneer, "gender", "male", "organisation-id", (gint64) 999, NULL);
  g_assert_false (xf_registry_save_pioneer (fixture->registry, pioneer, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Organisation number 999 does not exist");
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture, "pioneers"), ==, rows);

  g_object_set (pioneer, "organisation-id", (gint64) 0, NULL);
  g_assert_true (xf_registry_save_pioneer (fixture->registry, pioneer, NULL));
  pop_changed (fixture);
  rows = count_rows (fixture, "pioneers");
  changes = count_rows (fixture, "audit_log");

  g_object_set (pioneer, "name", "", "employer", "新公司", NULL);
  g_assert_false (xf_registry_save_pioneer (fixture->registry, pioneer, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Name is required");
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture, "pioneers"), ==, rows);
  g_assert_cmpint (count_rows (fixture, "audit_log"), ==, changes);
  read = xf_registry_get_pioneer (fixture->registry, xf_pioneer_get_id (pioneer), NULL);
  g_assert_cmpstr (xf_pioneer_get_employer (read), ==, "国网湖州供电公司");
  g_assert_cmpint (xf_pioneer_get_version (read), ==, 1);
  gt_signal_logger_assert_no_emissions (fixture->logger);

  /* The kind of a stored file stays. */
  g_object_set (read, "kind", "collective", NULL);
  g_assert_false (xf_registry_save_pioneer (fixture->registry, read, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
}

static void
test_archive_and_restore (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(XfPioneer) pioneer = full_individual (fixture);
  g_autoptr(XfRegistryQuery) archived = xf_registry_query_new ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  XfChange *change;

  g_assert_true (xf_registry_save_pioneer (fixture->registry, pioneer, NULL));
  pop_changed (fixture);
  g_assert_cmpint (xf_registry_count_pioneers (fixture->registry, NULL, NULL), ==, 1);

  g_assert_false (xf_registry_archive_pioneer (fixture->registry, pioneer, "  ", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Reason is required to archive “王建国”");
  g_clear_error (&error);
  g_assert_false (xf_registry_archive_pioneer (fixture->registry, pioneer, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xf_registry_restore_pioneer (fixture->registry, pioneer, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  gt_signal_logger_assert_no_emissions (fixture->logger);

  g_assert_true (xf_registry_archive_pioneer (fixture->registry, pioneer, " 调离本市 ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (xf_pioneer_get_status (pioneer), ==, "archived");
  g_assert_cmpint (xf_pioneer_get_version (pioneer), ==, 2);
  g_assert_cmpint (pop_changed (fixture), ==, xf_pioneer_get_id (pioneer));
  g_assert_cmpint (xf_registry_count_pioneers (fixture->registry, NULL, NULL), ==, 0);
  xf_registry_query_add_filter (archived, XF_REGISTRY_FILTER_STATUS, "archived");
  g_assert_cmpint (xf_registry_count_pioneers (fixture->registry, archived, NULL), ==, 1);

  changes = xf_registry_list_changes (fixture->registry, xf_pioneer_get_id (pioneer), &error);
  g_assert_no_error (error);
  change = g_ptr_array_index (changes, 0);
  g_assert_true (g_str_equal (change->field, "status") || g_str_equal (change->field, "archive-reason"));
  for (guint i = 0; i < 2; i++)
    {
      change = g_ptr_array_index (changes, i);
      if (g_str_equal (change->field, "status"))
        {
          g_assert_cmpstr (change->old_value, ==, "active");
          g_assert_cmpstr (change->new_value, ==, "archived");
        }
      else
        {
          g_assert_cmpstr (change->field, ==, "archive-reason");
          g_assert_null (change->old_value);
          g_assert_cmpstr (change->new_value, ==, "调离本市");
        }
    }

  g_assert_false (xf_registry_archive_pioneer (fixture->registry, pioneer, "again", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);

  g_assert_true (xf_registry_restore_pioneer (fixture->registry, pioneer, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (xf_pioneer_get_status (pioneer), ==, "active");
  g_assert_null (xf_pioneer_dup_field (pioneer, "archive-reason"));
  g_assert_cmpint (xf_pioneer_get_version (pioneer), ==, 3);
  g_assert_cmpint (pop_changed (fixture), ==, xf_pioneer_get_id (pioneer));
  g_assert_cmpint (xf_registry_count_pioneers (fixture->registry, NULL, NULL), ==, 1);
  gt_signal_logger_assert_no_emissions (fixture->logger);
}

static const char *
stored_tier (Fixture *fixture,
             gint64   id)
{
  g_autoptr(XfPioneer) read = xf_registry_get_pioneer (fixture->registry, id, NULL);
  g_autofree char *rank_sql = g_strdup_printf ("SELECT tier_rank FROM pioneers WHERE id = %" G_GINT64_FORMAT, id);

  /* tier_rank stays in step with tier. */
  g_assert_cmpint (xf_db_query_int64 (xf_store_get_db (fixture->store), rank_sql, -1, NULL), ==,
                   xf_tier_rank (xf_pioneer_get_tier (read)));
  return g_intern_string (xf_pioneer_get_tier (read));
}

static void
test_honours_set_tier (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(XfPioneer) pioneer = full_individual (fixture);
  g_autoptr(XfHonour) county = xf_honour_new ("德清工匠", "county", 2019);
  g_autoptr(XfHonour) national = xf_honour_new ("全国劳动模范", "national", 2020);
  g_autoptr(XfHonour) bad = xf_honour_new ("", "county", 2019);
  g_autoptr(GListModel) honours = NULL;
  g_autoptr(XfPioneer) read = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (xf_registry_save_pioneer (fixture->registry, pioneer, NULL));
  id = xf_pioneer_get_id (pioneer);
  pop_changed (fixture);

  g_assert_true (xf_registry_add_honour (fixture->registry, id, county, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_honour_get_id (county), >, 0);
  g_assert_cmpint (xf_honour_get_pioneer_id (county), ==, id);
  g_assert_cmpstr (stored_tier (fixture, id), ==, "county");
  g_assert_cmpint (pop_changed (fixture), ==, id);

  g_assert_true (xf_registry_add_honour (fixture->registry, id, national, &error));
  g_assert_cmpstr (stored_tier (fixture, id), ==, "national");
  pop_changed (fixture);
  read = xf_registry_get_pioneer (fixture->registry, id, NULL);
  g_assert_cmpint (xf_pioneer_get_honours_count (read), ==, 2);
  /* Honours do not make an open form stale. */
  g_assert_cmpint (xf_pioneer_get_version (read), ==, 1);
  g_clear_object (&read);

  honours = xf_registry_list_honours (fixture->registry, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (honours), ==, 2);
  {
    g_autoptr(XfHonour) first = g_list_model_get_item (honours, 0);

    g_assert_cmpstr (xf_honour_get_level (first), ==, "national");
    g_assert_cmpint (xf_honour_get_year (first), ==, 2020);
  }

  g_assert_true (xf_registry_remove_honour (fixture->registry, xf_honour_get_id (national), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stored_tier (fixture, id), ==, "county");
  pop_changed (fixture);
  g_assert_false (xf_registry_remove_honour (fixture->registry, xf_honour_get_id (national), &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A bad honour writes nothing. */
  g_assert_false (xf_registry_add_honour (fixture->registry, id, bad, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Title is required");
  g_clear_error (&error);
  g_object_set (bad, "title", "某荣誉", "year", 1900, NULL);
  g_assert_false (xf_registry_add_honour (fixture->registry, id, bad, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (bad, "year", 2019, NULL);
  g_assert_false (xf_registry_add_honour (fixture->registry, 4242, bad, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture, "honours"), ==, 1);
  gt_signal_logger_assert_no_emissions (fixture->logger);

  /* The saved record does not hold the tier: a save keeps what the honours give. */
  g_object_set (pioneer, "position", "技师", NULL);
  g_assert_true (xf_registry_save_pioneer (fixture->registry, pioneer, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (xf_pioneer_get_tier (pioneer), ==, "county");
  g_assert_cmpint (xf_pioneer_get_honours_count (pioneer), ==, 1);
  pop_changed (fixture);

  /* Set by hand, the tier needs a reason and then stays. */
  g_object_set (pioneer, "tier-manual", TRUE, "tier", "provincial", NULL);
  g_assert_false (xf_registry_save_pioneer (fixture->registry, pioneer, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Reason for the tier"));
  g_clear_error (&error);
  g_assert_cmpstr (stored_tier (fixture, id), ==, "county");
  g_object_set (pioneer, "tier-reason", "省总工会认定", NULL);
  g_assert_true (xf_registry_save_pioneer (fixture->registry, pioneer, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stored_tier (fixture, id), ==, "provincial");
  pop_changed (fixture);
  g_clear_object (&national);
  national = xf_honour_new ("全国五一劳动奖章", "national", 2021);
  g_assert_true (xf_registry_add_honour (fixture->registry, id, national, NULL));
  g_assert_cmpstr (stored_tier (fixture, id), ==, "provincial");
  pop_changed (fixture);

  /* Back to automatic: the honours decide again and the reason goes. */
  read = xf_registry_get_pioneer (fixture->registry, id, NULL);
  g_object_set (read, "tier-manual", FALSE, NULL);
  g_assert_true (xf_registry_save_pioneer (fixture->registry, read, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (xf_pioneer_get_tier (read), ==, "national");
  g_assert_null (xf_pioneer_dup_field (read, "tier-reason"));
  g_assert_cmpstr (stored_tier (fixture, id), ==, "national");
  pop_changed (fixture);
  gt_signal_logger_assert_no_emissions (fixture->logger);
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(XfPioneer) pioneer = simple ("individual", "张三");
  g_autoptr(XfHonour) honour = xf_honour_new ("湖州市劳动模范", "city", 2022);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAccount) clerk = xf_account_new ("clerk1", "Clerk One");
  g_autoptr(XfRegistry) registry = NULL;
  XfChange *change;

  /* The history names the account that wrote, by its display name. */
  xf_account_add_grant (clerk, XF_ROLE_CLERK, XF_SCOPE_ALL, NULL);
  registry = xf_registry_new (fixture->store, clerk);
  g_object_set (pioneer, "employer", "湖州丝绸厂", NULL);
  g_assert_true (xf_registry_save_pioneer (registry, pioneer, NULL));

  /* A new file: the fields it was given beyond a blank one's defaults. */
  changes = xf_registry_list_changes (registry, xf_pioneer_get_id (pioneer), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);
  for (guint i = 0; i < changes->len; i++)
    {
      change = g_ptr_array_index (changes, i);
      g_assert_null (change->old_value);
      g_assert_cmpstr (change->actor, ==, "Clerk One");
      g_assert_cmpint (change->changed_at, >, 0);
    }
  g_clear_pointer (&changes, g_ptr_array_unref);

  g_object_set (pioneer, "employer", "湖州纺织集团", NULL);
  g_assert_true (xf_registry_save_pioneer (registry, pioneer, NULL));
  g_assert_true (xf_registry_add_honour (registry, xf_pioneer_get_id (pioneer), honour, NULL));

  changes = xf_registry_list_changes (registry, xf_pioneer_get_id (pioneer), &error);
  g_assert_cmpuint (changes->len, ==, 5);
  /* Newest first: the honour and the tier it gave, then the employer. */
  for (guint i = 0; i < 2; i++)
    {
      change = g_ptr_array_index (changes, i);
      if (g_str_equal (change->field, "honours"))
        g_assert_cmpstr (change->new_value, ==, "湖州市劳动模范 (2022)");
      else
        {
          g_assert_cmpstr (change->field, ==, "tier");
          g_assert_cmpstr (change->old_value, ==, "cultivation");
          g_assert_cmpstr (change->new_value, ==, "city");
        }
    }
  change = g_ptr_array_index (changes, 2);
  g_assert_cmpstr (change->field, ==, "employer");
  g_assert_cmpstr (change->old_value, ==, "湖州丝绸厂");
  g_assert_cmpstr (change->new_value, ==, "湖州纺织集团");
  g_assert_cmpstr (xf_pioneer_field_label ("honours"), ==, "Honours");
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* The history is the file's part of the audit trail: entries adopted
   * from schema 1 count, reveals (which change nothing) do not. */
  {
    XfDb *db = xf_store_get_db (fixture->store);
    g_autoptr(XfAccount) old_desk = xf_account_new ("legacy", "");

    g_assert_true (xf_db_begin (db, &error));
    g_assert_true (xf_audit_append_change (db, old_desk, XF_AUDIT_LEGACY, "pioneer",
                                           xf_pioneer_get_uid (pioneer), "张三", "skills",
                                           NULL, "刺绣", &error));
    g_assert_true (xf_audit_append_change (db, old_desk, XF_AUDIT_REVEAL, "pioneer",
                                           xf_pioneer_get_uid (pioneer), "张三", "mobile",
                                           NULL, "(revealed)", &error));
    g_assert_true (xf_audit_append_change (db, old_desk, XF_AUDIT_UPDATE, "account",
                                           xf_pioneer_get_uid (pioneer), "张三", "login",
                                           NULL, "other record type", &error));
    g_assert_true (xf_db_commit (db, &error));
    g_assert_no_error (error);
  }
  changes = xf_registry_list_changes (registry, xf_pioneer_get_id (pioneer), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 6);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (change->field, ==, "skills");
  g_assert_cmpstr (change->new_value, ==, "刺绣");
  /* An account without a display name shows its login. */
  g_assert_cmpstr (change->actor, ==, "legacy");
}

/* The bulk path: all in one transaction, all or nothing. */
static void
test_save_many (Fixture       *fixture,
                gconstpointer  data)
{
  XfPioneer *batch[3];
  g_autoptr(GError) error = NULL;
  gint64 audit;

  for (guint i = 0; i < G_N_ELEMENTS (batch); i++)
    {
      batch[i] = simple ("individual", "批量");
      g_assert_true (xf_registry_save_pioneer (fixture->registry, batch[i], &error));
      g_assert_no_error (error);
      pop_changed (fixture);
      g_object_set (batch[i], "tags", "改过", NULL);
    }
  audit = count_rows (fixture, "audit_log");

  /* One bad file: nothing of the others is written either. */
  g_object_set (batch[1], "name", "", NULL);
  g_assert_false (_xf_registry_save_many (fixture->registry, batch, G_N_ELEMENTS (batch), &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture, "audit_log"), ==, audit);
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT sum(version) FROM pioneers"), ==, 3);
  gt_signal_logger_assert_no_emissions (fixture->logger);

  g_object_set (batch[1], "name", "批量", NULL);
  g_assert_true (_xf_registry_save_many (fixture->registry, batch, G_N_ELEMENTS (batch), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "audit_log"), ==, audit + 3);
  for (guint i = 0; i < G_N_ELEMENTS (batch); i++)
    {
      g_assert_cmpint (xf_pioneer_get_version (batch[i]), ==, 2);
      g_assert_cmpint (pop_changed (fixture), ==, xf_pioneer_get_id (batch[i]));
      g_object_unref (batch[i]);
    }
  gt_signal_logger_assert_no_emissions (fixture->logger);
}

static void
test_organisations (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 union_id = organisation_id (fixture, "union");
  gboolean found_child = FALSE;

  g_assert_cmpint (count_rows (fixture, "organisations"), ==, 27);
  g_assert_true (xf_registry_ensure_organisations (fixture->registry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "organisations"), ==, 27);

  list = xf_registry_list_organisations (fixture->registry, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 27);
  for (guint i = 0; i < list->len; i++)
    {
      XfOrganisationInfo *info = g_ptr_array_index (list, i);

      g_assert_nonnull (info->uid);
      g_assert_true (g_str_equal (info->kind, "mass-organisation") ||
                     g_str_equal (info->kind, "department"));
      if (i > 0)
        g_assert_cmpint (strcmp (((XfOrganisationInfo *) g_ptr_array_index (list, i - 1))->name,
                                 info->name), <=, 0);
      if (g_str_equal (info->code, "model-workers-association"))
        {
          g_assert_cmpint (info->parent_id, ==, union_id);
          g_assert_cmpstr (info->name, ==, "湖州市劳动模范协会");
          found_child = TRUE;
        }
      if (g_str_equal (info->code, "union"))
        g_assert_cmpint (info->parent_id, ==, 0);
    }
  g_assert_true (found_child);
  gt_signal_logger_assert_no_emissions (fixture->logger);
}

static void
test_count_and_nested_transaction (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(XfRegistryQuery) collectives = xf_registry_query_new ();
  XfDb *db = xf_store_get_db (fixture->store);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("个人%u", i);
      g_autoptr(XfPioneer) person = simple ("individual", name);

      g_assert_true (xf_registry_save_pioneer (fixture->registry, person, NULL));
    }
  {
    g_autoptr(XfPioneer) team = simple ("collective", "班组");

    g_assert_true (xf_registry_save_pioneer (fixture->registry, team, NULL));
  }
  xf_registry_query_add_filter (collectives, XF_REGISTRY_FILTER_KIND, "collective");
  g_assert_cmpint (xf_registry_count_pioneers (fixture->registry, NULL, &error), ==, 4);
  g_assert_cmpint (xf_registry_count_pioneers (fixture->registry, collectives, &error), ==, 1);
  g_assert_no_error (error);

  /* Inside a caller's transaction each write is a savepoint: a failed one
   * leaves the others, and the caller's rollback takes them all. */
  g_assert_true (xf_db_begin (db, NULL));
  {
    g_autoptr(XfPioneer) a = simple ("individual", "甲");
    g_autoptr(XfPioneer) bad = simple ("individual", "乙");
    g_autofree char *number = make_id ("33050219900101002");

    g_object_set (a, "id-number", number, NULL);
    g_object_set (bad, "id-number", number, NULL);
    g_assert_true (xf_registry_save_pioneer (fixture->registry, a, NULL));
    g_assert_false (xf_registry_save_pioneer (fixture->registry, bad, &error));
    g_assert_error (error, XF_ERROR, XF_ERROR_DUPLICATE);
    g_assert_true (xf_db_in_transaction (db));
    g_assert_cmpint (count_rows (fixture, "pioneers"), ==, 5);
  }
  xf_db_rollback (db);
  g_assert_cmpint (count_rows (fixture, "pioneers"), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/registry/" path, Fixture, NULL, set_up, func, tear_down)

  ADD ("insert-and-read-back", test_insert_and_read_back);
  ADD ("update-bumps-version", test_update_bumps_version);
  ADD ("stale-update-conflicts", test_stale_update_conflicts);
  ADD ("duplicates", test_duplicates);
  ADD ("invalid-writes-nothing", test_invalid_writes_nothing);
  ADD ("archive-and-restore", test_archive_and_restore);
  ADD ("honours-set-tier", test_honours_set_tier);
  ADD ("history", test_history);
  ADD ("save-many", test_save_many);
  ADD ("organisations", test_organisations);
  ADD ("count-and-nested-transaction", test_count_and_nested_transaction);

  return g_test_run ();
}
