/* test-import-merge.c — spreadsheet import: merges, commits, honours, organisations, bulk
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-audit.h"
#include "xf-error.h"
#include "xf-import.h"
#include "xf-registry.h"
#include "xf-test-import.h"
#include "xf-test-store.h"

/* The fixture of xf-test-import.h: a fresh store and an administrator's
 * registry with the organisations loaded. */
typedef XfTestImportFixture Fixture;
#define fixture_setup xf_test_import_setup
#define fixture_teardown xf_test_import_teardown

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  return xf_test_query_int64 (fixture->store, sql);
}

static XfImportMergeField *
find_merge_field (GPtrArray  *fields,
                  const char *name)
{
  for (guint i = 0; i < fields->len; i++)
    if (g_str_equal (((XfImportMergeField *) g_ptr_array_index (fields, i))->field, name))
      return g_ptr_array_index (fields, i);
  return NULL;
}

/* Field by field: only the chosen fields change, each audited as an update. */
static void
test_merge_fields (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *id = xf_test_make_id_number ("330521", "19850302", 123);
  g_autoptr(XfPioneer) stored = xf_test_save_individual (fixture->registry, "王建国", id, "330521");
  g_autofree char *csv = NULL;
  g_autoptr(XfImport) import = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XfImportReport) report = NULL;
  const char *chosen[] = { "mobile", NULL };
  const char *not_mapped[] = { "deeds", NULL };
  XfImportMergeField *field;
  g_autofree char *mobile = NULL;
  g_autofree char *employer = NULL;
  gint64 updates_before = count (fixture, "SELECT count(*) FROM audit_log WHERE action = 'update'");

  csv = g_strdup_printf ("姓名,身份证号码,手机,工作单位,地区\n王建国,%s,13812345678,新单位,德清县\n", id);
  import = xf_test_load_csv (fixture->registry, csv);
  xf_test_analyse (import);
  g_assert_cmpint (xf_import_get_row_state (import, 0), ==, XF_IMPORT_ROW_DUPLICATE);

  fields = xf_import_get_merge_fields (import, 0, &error);
  g_assert_no_error (error);
  field = find_merge_field (fields, "mobile");
  g_assert_nonnull (field);
  g_assert_cmpstr (field->existing, ==, "");
  g_assert_cmpstr (field->incoming, ==, "13812345678");
  g_assert_true (field->differs);
  field = find_merge_field (fields, "name");
  g_assert_false (field->differs);
  field = find_merge_field (fields, "region-code");
  g_assert_cmpstr (field->existing, ==, "Deqing County");
  g_assert_false (field->differs);

  g_assert_false (xf_import_set_merge (import, 0, not_mapped, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (xf_import_set_merge (import, 0, chosen, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_import_get_row_state (import, 0), ==, XF_IMPORT_ROW_MERGE);
  g_assert_cmpstr (xf_import_get_merge (import, 0)[0], ==, "mobile");

  report = xf_import_get_report (import);
  g_assert_cmpuint (report->merged, ==, 1);
  g_assert_true (xf_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  mobile = xf_test_query_text (fixture->store, "SELECT mobile FROM pioneers WHERE name = '王建国'");
  g_assert_cmpstr (mobile, ==, "13812345678");
  employer = xf_test_query_text (fixture->store,
                                 "SELECT coalesce (employer, '-') FROM pioneers WHERE name = '王建国'");
  g_assert_cmpstr (employer, ==, "-");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM pioneers"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT version FROM pioneers"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit_log WHERE action = 'update'"), ==,
                   updates_before + 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit_log WHERE action = 'update' "
                                   "AND field = 'mobile' AND new_value = '13812345678'"), ==, 1);
}

static void
test_merge_undo_and_default (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *id = xf_test_make_id_number ("330521", "19850302", 123);
  g_autoptr(XfPioneer) stored = xf_test_save_individual (fixture->registry, "王建国", id, "330521");
  g_autofree char *csv = g_strdup_printf ("姓名,身份证号码,手机,地区\n王建国,%s,13812345678,德清县\n", id);
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry, csv);
  g_autoptr(GError) error = NULL;
  const char *chosen[] = { "mobile", NULL };

  xf_test_analyse (import);
  g_assert_true (xf_import_set_merge (import, 0, chosen, &error));
  g_assert_true (xf_import_set_merge (import, 0, NULL, &error));
  g_assert_cmpint (xf_import_get_row_state (import, 0), ==, XF_IMPORT_ROW_DUPLICATE);
  /* A duplicate without a decision is left out, never overwritten. */
  g_assert_true (xf_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM pioneers WHERE mobile IS NULL"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT version FROM pioneers"), ==, 1);
}

static void
test_fill_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *id = xf_test_make_id_number ("330521", "19850302", 123);
  g_autoptr(XfPioneer) stored = xf_test_save_individual (fixture->registry, "王建国", id, "330521");
  g_autofree char *csv = g_strdup_printf ("姓名,身份证号码,手机,地区\n王建国,%s,13812345678,安吉县\n", id);
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry, csv);
  g_autoptr(GError) error = NULL;
  const char * const *merge;
  g_autofree char *region = NULL;

  xf_test_analyse (import);
  g_assert_cmpuint (xf_import_merge_all_fill_empty (import), ==, 1);
  merge = xf_import_get_merge (import, 0);
  g_assert_cmpstr (merge[0], ==, "mobile");
  g_assert_null (merge[1]);
  g_assert_true (xf_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  region = xf_test_query_text (fixture->store, "SELECT region_code FROM pioneers");
  g_assert_cmpstr (region, ==, "330521");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM pioneers WHERE mobile = '13812345678'"), ==, 1);
}

static void
test_merge_conflict (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *id = xf_test_make_id_number ("330521", "19850302", 123);
  g_autoptr(XfPioneer) stored = xf_test_save_individual (fixture->registry, "王建国", id, "330521");
  g_autofree char *csv = g_strdup_printf ("姓名,身份证号码,手机,地区\n王建国,%s,13812345678,德清县\n"
                                          "新人,,,德清县\n", id);
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry, csv);
  g_autoptr(GError) error = NULL;
  const char *chosen[] = { "mobile", NULL };
  gint64 audit_before;

  xf_test_analyse (import);
  g_assert_true (xf_import_set_merge (import, 0, chosen, &error));
  /* Another desk edits the record after the decision. */
  g_assert_true (xf_pioneer_set_field (stored, "employer", "别处", NULL));
  g_assert_true (xf_registry_save_pioneer (fixture->registry, stored, &error));
  g_assert_no_error (error);
  audit_before = count (fixture, "SELECT count(*) FROM audit_log");

  g_assert_false (xf_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "王建国"));
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_assert_false (xf_import_is_committed (import));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM pioneers"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit_log"), ==, audit_before);
}

static void
changed_cb (XfRegistry *registry,
            gint64      pioneer_id,
            GArray     *changed)
{
  g_array_append_val (changed, pioneer_id);
}

/* Commit counts and audit entries; the dry run's report equals the commit's. */
static void
test_commit_report (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry,
                                                 "姓名,手机,地区,荣誉称号,获评年份\n"
                                                 "甲,13812345678,德清县,,\n"
                                                 "乙,bad,德清县,,\n"
                                                 "丙,,德清县舞阳街道,浙江省劳动模范,2021\n");
  g_autoptr(XfImportReport) dry = NULL;
  g_autoptr(XfImportReport) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *tier = NULL;
  g_autofree char *where = NULL;
  GArray *changed = g_array_new (FALSE, FALSE, sizeof (gint64));

  xf_test_analyse (import);
  dry = xf_import_get_report (import);
  g_assert_false (dry->committed);
  g_assert_cmpuint (dry->created, ==, 2);
  g_assert_cmpuint (dry->problems, ==, 1);

  g_signal_connect (fixture->registry, "changed", G_CALLBACK (changed_cb), changed);
  g_assert_true (xf_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (xf_import_is_committed (import));
  done = xf_import_get_report (import);
  g_assert_true (done->committed);
  g_assert_cmpuint (done->rows, ==, dry->rows);
  g_assert_cmpuint (done->created, ==, dry->created);
  g_assert_cmpuint (done->merged, ==, dry->merged);
  g_assert_cmpuint (done->problems, ==, dry->problems);
  g_assert_cmpuint (done->left_out->len, ==, dry->left_out->len);
  for (guint i = 0; i < done->left_out->len; i++)
    {
      XfImportLeftOut *a = g_ptr_array_index (dry->left_out, i);
      XfImportLeftOut *b = g_ptr_array_index (done->left_out, i);

      g_assert_cmpuint (a->line, ==, b->line);
      g_assert_cmpstr (a->reason, ==, b->reason);
    }

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM pioneers"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit_log WHERE action = 'import'"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit_log WHERE action = 'create'"), ==, 0);
  where = xf_test_query_text (fixture->store,
                              "SELECT new_value FROM audit_log WHERE action = 'import' AND record_label = '丙'");
  g_assert_cmpstr (where, ==, "list.csv line 4");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit_log WHERE action = 'import-file'"), ==, 1);
  note = xf_test_query_text (fixture->store, "SELECT new_value FROM audit_log WHERE action = 'import-file'");
  g_assert_true (g_str_has_prefix (note, "2 created, 0 merged, 1 left out; sha256 "));
  /* The honour of a row, through the registry: tier and count follow. */
  tier = xf_test_query_text (fixture->store, "SELECT tier FROM pioneers WHERE name = '丙'");
  g_assert_cmpstr (tier, ==, "provincial");
  g_assert_cmpint (count (fixture, "SELECT honours_count FROM pioneers WHERE name = '丙'"), ==, 1);
  g_assert_cmpuint (changed->len, >=, 2);
  g_array_unref (changed);

  g_assert_false (xf_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
}

typedef struct
{
  GCancellable *cancellable;
  double        at;
} Canceller;

static void
cancel_cb (double   fraction,
           gpointer user_data)
{
  Canceller *canceller = user_data;

  if (fraction >= canceller->at)
    g_cancellable_cancel (canceller->cancellable);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("姓名,地区\n");
  g_autoptr(XfImport) import = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Canceller canceller = { cancellable, 0.3 };
  gint64 audit_before = count (fixture, "SELECT count(*) FROM audit_log");

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (csv, "人%u,德清县\n", i);
  import = xf_test_load_csv (fixture->registry, csv->str);
  xf_test_analyse (import);
  g_assert_false (xf_import_commit (import, cancel_cb, &canceller, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (xf_import_is_committed (import));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM pioneers"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit_log"), ==, audit_before);

  /* The same import may go in afterwards. */
  g_clear_error (&error);
  g_assert_true (xf_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM pioneers"), ==, 2000);
}

/* Honours find their pioneers by identity number, credit code, or name and birth date. */
static void
test_honours (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *id = xf_test_make_id_number ("330521", "19850302", 123);
  g_autofree char *credit = xf_test_make_credit_code (42);
  g_autoptr(XfPioneer) a = xf_test_save_individual (fixture->registry, "王建国", id, "330521");
  g_autoptr(XfPioneer) b = xf_test_save_individual (fixture->registry, "李娜", NULL, "330521");
  g_autoptr(XfPioneer) c = xf_pioneer_new ("collective");
  g_autoptr(XfImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *tier = NULL;

  g_assert_true (xf_pioneer_set_field (b, "birth-date", "1990-07-04", NULL));
  g_assert_true (xf_registry_save_pioneer (fixture->registry, b, &error));
  g_assert_true (xf_pioneer_set_field (c, "name", "甲班组", NULL));
  g_assert_true (xf_pioneer_set_field (c, "credit-code", credit, NULL));
  g_assert_true (xf_pioneer_set_field (c, "region-code", "330521", NULL));
  g_assert_true (xf_registry_save_pioneer (fixture->registry, c, &error));
  g_assert_no_error (error);

  csv = g_strdup_printf ("姓名,出生日期,身份证号码,统一社会信用代码,荣誉称号,荣誉级别,获评年份,授予单位\n"
                         ",,%s,,全国劳动模范,,2020,国务院\n"
                         "李娜,1990年7月4日,,,湖州市劳动模范,市级,2019,\n"
                         ",,,%s,浙江省工人先锋号,省级,2021,\n"
                         "无名,1970-01-01,,,某荣誉,县级,2018,\n"
                         ",,%s,,全国劳动模范,,2020,国务院\n",
                         id, credit, id);
  import = xf_test_load_csv (fixture->registry, csv);
  g_assert_cmpint (xf_import_get_kind (import), ==, XF_IMPORT_KIND_HONOURS);
  xf_test_analyse (import);
  g_assert_cmpint (xf_import_get_row_state (import, 0), ==, XF_IMPORT_ROW_NEW);
  g_assert_cmpint (xf_import_get_row_state (import, 1), ==, XF_IMPORT_ROW_NEW);
  g_assert_cmpint (xf_import_get_row_state (import, 2), ==, XF_IMPORT_ROW_NEW);
  g_assert_cmpint (xf_import_get_row_state (import, 3), ==, XF_IMPORT_ROW_PROBLEM);
  g_assert_cmpint (xf_import_get_row_state (import, 4), ==, XF_IMPORT_ROW_PROBLEM);
  g_assert_true (xf_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM honours"), ==, 3);
  tier = xf_test_query_text (fixture->store, "SELECT tier FROM pioneers WHERE name = '王建国'");
  g_assert_cmpstr (tier, ==, "national");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit_log WHERE action = 'import' "
                                   "AND record_type = 'honour'"), ==, 3);

  /* Importing the same file again finds the honours already there. */
  {
    g_autoptr(XfImport) again = xf_test_load_csv (fixture->registry, csv);

    xf_test_analyse (again);
    g_assert_cmpuint (xf_import_count_rows (again, XF_IMPORT_ROW_NEW), ==, 0);
  }
}

/* Organisations with parents by code, a parent later in the file too. */
static void
test_organisations (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry,
                                                 "组织代码,组织名称,英文名称,组织类型,上级组织\n"
                                                 "deqing-union-a,德清县某工会,,群团组织,deqing-parent\n"
                                                 "deqing-parent,德清县总工会二,,群团组织,union\n"
                                                 "orphan,孤儿,,群团组织,nowhere\n"
                                                 "union,湖州市总工会（新名）,,,\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *name = NULL;
  const char *chosen[] = { "name", NULL };

  g_assert_cmpint (xf_import_get_kind (import), ==, XF_IMPORT_KIND_ORGANISATIONS);
  xf_test_analyse (import);
  g_assert_cmpint (xf_import_get_row_state (import, 0), ==, XF_IMPORT_ROW_NEW);
  g_assert_cmpint (xf_import_get_row_state (import, 1), ==, XF_IMPORT_ROW_NEW);
  g_assert_cmpint (xf_import_get_row_state (import, 2), ==, XF_IMPORT_ROW_PROBLEM);
  g_assert_cmpint (xf_import_get_row_state (import, 3), ==, XF_IMPORT_ROW_DUPLICATE);
  g_assert_true (xf_import_set_merge (import, 3, chosen, &error));
  g_assert_no_error (error);
  g_assert_true (xf_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  parent = xf_test_query_text (fixture->store,
                               "SELECT p.code FROM organisations o JOIN organisations p ON p.id = o.parent_id "
                               "WHERE o.code = 'deqing-union-a'");
  g_assert_cmpstr (parent, ==, "deqing-parent");
  name = xf_test_query_text (fixture->store, "SELECT name FROM organisations WHERE code = 'union'");
  g_assert_cmpstr (name, ==, "湖州市总工会（新名）");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit_log WHERE action = 'import' "
                                   "AND record_type = 'organisation'"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit_log WHERE action = 'update' "
                                   "AND record_type = 'organisation' AND field = 'name'"), ==, 1);
}

static void
test_collectives (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *credit = xf_test_make_credit_code (7);
  g_autofree char *csv = g_strdup_printf ("集体名称,统一社会信用代码,负责人,人数,所在地区\n"
                                          "甲班组,%s,张三,12,德清县\n"
                                          "乙班组,%s,李四,八,德清县\n"
                                          "丙班组,91330521MA0000000X,王五,3人,德清县\n",
                                          credit, "");
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry, csv);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (xf_import_get_kind (import), ==, XF_IMPORT_KIND_COLLECTIVES);
  xf_test_analyse (import);
  g_assert_cmpint (xf_import_get_row_state (import, 0), ==, XF_IMPORT_ROW_NEW);
  g_assert_cmpint (xf_import_get_row_state (import, 1), ==, XF_IMPORT_ROW_PROBLEM);
  g_assert_cmpint (xf_import_get_row_state (import, 2), ==, XF_IMPORT_ROW_PROBLEM);
  g_assert_true (xf_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT size FROM pioneers WHERE name = '甲班组'"), ==, 12);
}

/* More than 20,000 rows take the bulk path; search works afterwards. */
static void
test_bulk (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("姓名,性别,出生日期,身份证号码,所在地区\n");
  g_autoptr(XfImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autoptr(GTimer) timer = g_timer_new ();
  GArray *changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  const guint n = 30000;

  for (guint i = 0; i < n; i++)
    {
      char birth[9];
      g_autofree char *id = NULL;

      g_snprintf (birth, sizeof birth, "19%02u%02u%02u", 50 + i % 40, 1 + i % 12, 1 + i % 28);
      id = xf_test_make_id_number (i % 2 ? "330521" : "330523", birth, i / 840 % 1000);
      g_string_append_printf (csv, "测试%u号,%s,%s,%s,%s\n", i, "", "", id,
                              i % 2 ? "德清县" : "安吉县");
    }
  import = xf_test_load_csv (fixture->registry, csv->str);
  xf_test_analyse (import);
  g_test_message ("Loaded and analysed %u rows in %.2f s", n, g_timer_elapsed (timer, NULL));
  g_assert_cmpuint (xf_import_count_rows (import, XF_IMPORT_ROW_PROBLEM), ==, 0);
  g_timer_start (timer);
  g_signal_connect (fixture->registry, "changed", G_CALLBACK (changed_cb), changed);
  g_assert_true (xf_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("Committed %u rows in %.2f s", n, g_timer_elapsed (timer, NULL));
  /* One "changed" (0) stands for the many new files. */
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_cmpint (g_array_index (changed, gint64, 0), ==, 0);
  g_array_unref (changed);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM pioneers"), ==, n);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit_log WHERE action = 'import'"), ==, n);

  /* Search through the rebuilt search tables, 1-2 characters and 3 or more. */
  xf_registry_query_set_text (query, "测试12345号");
  g_assert_cmpint (xf_registry_count_pioneers (fixture->registry, query, &error), ==, 1);
  xf_registry_query_set_text (query, "测试");
  g_assert_cmpint (xf_registry_count_pioneers (fixture->registry, query, &error), ==, n);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/import/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("merge-fields", test_merge_fields);
  ADD ("merge-undo-and-default", test_merge_undo_and_default);
  ADD ("fill-empty", test_fill_empty);
  ADD ("merge-conflict", test_merge_conflict);
  ADD ("commit-report", test_commit_report);
  ADD ("cancel", test_cancel);
  ADD ("honours", test_honours);
  ADD ("organisations", test_organisations);
  ADD ("collectives", test_collectives);
  ADD ("bulk", test_bulk);

  return g_test_run ();
}
