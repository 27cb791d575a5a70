/* test-cli-import.c — `import [--dry-run] [--kind K] [--map HEADER=FIELD]… [--fill-empty] [--left-out FILE] FILE`
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-cli-test-util.h"
#include "xf-identity.h"
#include "xf-sheet.h"
#include "xf-table.h"
#include "xf-test-files.h"
#include "xf-test-store.h"

/*
 * One small demo made by main(); every test imports people of its own
 * (identity numbers of 1961, which the demo does not use) and counts
 * what changed.
 */

static char *tmp_dir;
static char *database_path;

#define run_cli(run, ...) xf_cli_run_as_admin ((run), database_path, __VA_ARGS__)

static gint64
query_int (const char *sql)
{
  return xf_cli_query_int (database_path, sql);
}

static gint64
count_pioneers (void)
{
  return query_int ("SELECT count(*) FROM pioneers");
}

static gint64
count_audit (void)
{
  return query_int ("SELECT count(*) FROM audit_log WHERE action NOT IN ('sign-in', 'sign-out')");
}

/* A valid identity number of Deqing county, born 1961-MM-DD, with the
 * sequence @sequence (odd: male). */
static char *
id_number (guint month,
           guint day,
           guint sequence)
{
  char *number = g_strdup_printf ("3305211961%02u%02u%03u?", month, day, sequence);

  number[17] = xf_identity_id_check_char (number);
  return number;
}

/* The same with a wrong check character. */
static char *
bad_id_number (guint month,
               guint day,
               guint sequence)
{
  char *number = id_number (month, day, sequence);

  number[17] = number[17] == '1' ? '2' : '1';
  return number;
}

static char *
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  return path;
}

/* The lines of @text that start with "Line ". */
static char *
report_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Line "))
      g_string_append_printf (out, "%s\n", lines[i]);
  return g_string_free (out, FALSE);
}

/* Three good rows, one whose quoted address spans two lines; then a wrong
 * check character, an unknown region and a row repeating line 2. Names
 * end in @tag, so that each file has people of its own. */
static char *
mixed_file (const char *name,
            guint       month,
            const char *tag)
{
  g_autofree char *a = id_number (month, 1, 11);
  g_autofree char *b = id_number (month, 2, 22);
  g_autofree char *c = id_number (month, 3, 31);
  g_autofree char *d = bad_id_number (month, 4, 41);
  g_autofree char *e = id_number (month, 5, 52);
  g_autofree char *text = g_strdup_printf (
    "姓名,性别,出生日期,身份证号码,工作单位,所在地区\r\n"
    "沈一%s,男,1961-%02u-01,%s,德清县某厂,德清县\r\n"
    "沈二%s,女,1961/%u/2,%s,\"湖州市\r\n德清县第二厂\",德清县\r\n"
    "沈三%s,男,1961年%u月3日,%s,,德清县\r\n"
    "沈四%s,男,1961-%02u-04,%s,,德清县\r\n"
    "沈五%s,女,1961-%02u-05,%s,,火星区\r\n"
    "沈一%s,男,1961-%02u-01,%s,德清县某厂,德清县\r\n",
    tag, month, a, tag, month, b, tag, month, c, tag, month, d, tag, month, e, tag, month, a);

  return write_file (name, text, -1);
}

static void
test_dry_run (void)
{
  g_autofree char *path = mixed_file ("mixed.csv", 1, "甲");
  g_auto(XfCliRun) dry = { 0 };
  g_auto(XfCliRun) real = { 0 };
  g_autofree char *dry_lines = NULL;
  g_autofree char *real_lines = NULL;
  gint64 pioneers = count_pioneers ();
  gint64 audit = count_audit ();

  run_cli (&dry, "import", "--dry-run", path, NULL);
  g_assert_cmpint (dry.status, ==, 1);
  g_assert_true (g_str_has_suffix (dry.out, "Dry run, nothing stored: 6 rows: 3 would be created, 0 merged, "
                                            "3 left out (3 with problems, 0 duplicates, 0 skipped)\n"));
  g_assert_cmpint (count_pioneers (), ==, pioneers);
  g_assert_cmpint (count_audit (), ==, audit);

  run_cli (&real, "import", path, NULL);
  g_assert_cmpint (real.status, ==, 1);
  g_assert_true (g_str_has_suffix (real.out, "6 rows: 3 created, 0 merged, 3 left out "
                                             "(3 with problems, 0 duplicates, 0 skipped)\n"));
  g_assert_cmpint (count_pioneers (), ==, pioneers + 3);

  /* The same rows listed the same way; the quoted line break counts, so
   * the bad rows are on lines 6, 7 and 8 of the file. */
  dry_lines = report_lines (dry.out);
  real_lines = report_lines (real.out);
  g_assert_cmpstr (dry_lines, ==, real_lines);
  g_assert_cmpuint (xf_cli_count_lines (real_lines), ==, 3);
  g_assert_true (g_str_has_prefix (real_lines, "Line 6: Identity number: "));
  g_assert_nonnull (strstr (real_lines, "\nLine 7: "));
  g_assert_nonnull (strstr (real_lines, "火星区"));
  g_assert_nonnull (strstr (real_lines, "\nLine 8: "));
  /* Identity numbers never appear in clear in the report. */
  {
    g_autofree char *repeated = id_number (1, 1, 11);

    g_assert_null (strstr (real.out, repeated));
  }

  /* One audit entry per record created, naming the file and line, and one
   * for the file. */
  g_assert_cmpint (query_int ("SELECT count(*) FROM audit_log WHERE action = 'import'"
                              " AND new_value IN ('mixed.csv line 2', 'mixed.csv line 3', 'mixed.csv line 5')"),
                   ==, 3);
  g_assert_cmpint (query_int ("SELECT count(*) FROM audit_log WHERE action = 'import-file'"), >=, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM pioneers WHERE name = '沈二甲' AND birth_date = '1961-01-02'"
                              " AND gender = 'female' AND employer LIKE '湖州市_%德清县第二厂'"),
                   ==, 1);
}

static void
test_gb18030 (void)
{
  g_autofree char *id = id_number (2, 1, 13);
  g_autofree char *utf8 = g_strdup_printf ("姓名;性别;身份证号码;工作单位;所在地区\n"
                                           "闵建国;男;%s;湖州纺织厂;德清县\n", id);
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_autofree char *path = NULL;
  g_auto(XfCliRun) run = { 0 };

  g_assert_no_error (error);
  path = write_file ("gb.csv", gb, (gssize) length);
  run_cli (&run, "import", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "1 row: 1 created, 0 merged, 0 left out (0 with problems, 0 duplicates, 0 skipped)\n");
  /* Birth date and gender come from the identity number. */
  g_assert_cmpint (query_int ("SELECT count(*) FROM pioneers WHERE name = '闵建国' AND employer = '湖州纺织厂'"
                              " AND birth_date = '1961-02-01' AND gender = 'male' AND region_code LIKE '330521%'"),
                   ==, 1);
}

static void
test_xlsx (void)
{
  g_autoptr(XfTable) table = xf_table_new ("名单");
  g_autofree char *path = g_build_filename (tmp_dir, "list.xlsx", NULL);
  g_autofree char *first = id_number (3, 1, 15);
  g_autofree char *second = id_number (3, 2, 26);
  g_autoptr(GError) error = NULL;
  g_auto(XfCliRun) run = { 0 };
  guint row;

  xf_table_add_column (table, "姓名", XF_TABLE_TEXT);
  xf_table_add_column (table, "身份证号码", XF_TABLE_TEXT);
  xf_table_add_column (table, "出生日期", XF_TABLE_DATE);
  xf_table_add_column (table, "所在地区", XF_TABLE_TEXT);
  row = xf_table_add_row (table);
  xf_table_set_text (table, row, 0, "钱一");
  xf_table_set_text (table, row, 1, first);
  xf_table_set_text (table, row, 2, "1961-03-01");
  xf_table_set_text (table, row, 3, "德清县");
  row = xf_table_add_row (table);
  xf_table_set_text (table, row, 0, "钱二");
  xf_table_set_text (table, row, 1, second);
  xf_table_set_text (table, row, 2, "1961-03-02");
  xf_table_set_text (table, row, 3, "德清县");
  g_assert_true (xf_table_write_xlsx (table, path, &error));
  g_assert_no_error (error);

  run_cli (&run, "import", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "2 rows: 2 created, 0 merged, 0 left out (0 with problems, 0 duplicates, 0 skipped)\n");
  g_assert_cmpint (query_int ("SELECT count(*) FROM pioneers WHERE name IN ('钱一', '钱二')"
                              " AND birth_date IN ('1961-03-01', '1961-03-02')"), ==, 2);
  g_assert_cmpint (query_int ("SELECT count(*) FROM audit_log WHERE action = 'import' AND new_value = 'list.xlsx line 3'"),
                   ==, 1);
}

static void
test_exit_codes (void)
{
  const XfCliEnv env = { .database = database_path, .user = "admin", .password = "xianfeng" };
  g_autofree char *id = id_number (4, 1, 17);
  g_autofree char *text = g_strdup_printf ("姓名,身份证号码\n孙一,%s\n", id);
  g_autofree char *good = write_file ("good.csv", text, -1);
  g_autofree char *header_only = write_file ("header.csv", "姓名,身份证号码\n", -1);
  g_autofree char *no_name = write_file ("no-name.csv", "身份证号码,性别\n330521196104020000,男\n", -1);
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.csv", NULL);
  gint64 pioneers = count_pioneers ();

  /* Usage errors name the argument. */
  {
    const char *const cases[][6] = {
      { "import", NULL },
      { "import", "--bogus", good, NULL },
      { "import", good, "second.csv", NULL },
      { "import", "--kind", "people", good, NULL },
      { "import", "--map", "姓名", good, NULL },
      { "import", "--map", "别名=name", good, NULL },
      { "import", "--map", "姓名=nickname", good, NULL },
      { "import", "--left-out", NULL },
    };
    const char *const named[] = { "import needs", "--bogus", "second.csv", "--kind", "--map", "别名", "nickname",
                                  "--left-out" };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_auto(XfCliRun) run = { 0 };

        xf_cli_run (&run, &env, cases[i]);
        xf_cli_assert_failed (&run, 2);
        g_assert_nonnull (strstr (run.err, named[i]));
      }
  }
  g_assert_cmpint (count_pioneers (), ==, pioneers);

  /* Nothing to read, nothing in it, a required column missing: 1. */
  {
    g_auto(XfCliRun) unreadable = { 0 };
    g_auto(XfCliRun) empty = { 0 };
    g_auto(XfCliRun) unnamed = { 0 };

    run_cli (&unreadable, "import", missing, NULL);
    xf_cli_assert_failed (&unreadable, 1);
    g_assert_nonnull (strstr (unreadable.err, "missing.csv"));
    run_cli (&empty, "import", header_only, NULL);
    g_assert_cmpint (empty.status, ==, 1);
    g_assert_true (g_str_has_prefix (empty.out, "0 rows: 0 created"));
    run_cli (&unnamed, "import", no_name, NULL);
    xf_cli_assert_failed (&unnamed, 1);
    g_assert_nonnull (strstr (unnamed.err, "(name)"));
  }
  g_assert_cmpint (count_pioneers (), ==, pioneers);

  /* Every row in: 0, also as a dry run. */
  {
    g_auto(XfCliRun) dry = { 0 };
    g_auto(XfCliRun) run = { 0 };
    g_auto(XfCliRun) again = { 0 };

    run_cli (&dry, "import", "--kind", "individuals", good, "--dry-run", NULL);
    g_assert_cmpint (dry.status, ==, 0);
    run_cli (&run, "import", good, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpint (count_pioneers (), ==, pioneers + 1);
    /* Again, it is a duplicate left out: 1. */
    run_cli (&again, "import", good, NULL);
    g_assert_cmpint (again.status, ==, 1);
    g_assert_true (g_str_has_prefix (again.out, "Line 2: "));
    g_assert_true (g_str_has_suffix (again.out, "1 row: 0 created, 0 merged, 1 left out "
                                                "(0 with problems, 1 duplicates, 0 skipped)\n"));
  }
  g_assert_cmpint (count_pioneers (), ==, pioneers + 1);
}

static void
test_left_out (void)
{
  g_autofree char *path = mixed_file ("left.csv", 5, "戊");
  g_autofree char *out = g_build_filename (tmp_dir, "left-out.csv", NULL);
  g_autofree char *bad = bad_id_number (5, 4, 41);
  g_auto(XfCliRun) run = { 0 };
  g_autoptr(XfSheetReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *cells;
  guint n_cells;
  guint64 line;
  gint64 pioneers = count_pioneers ();

  /* In a dry run the file asked for is written; the database is not. */
  run_cli (&run, "import", "--dry-run", "--left-out", out, path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpint (count_pioneers (), ==, pioneers);

  reader = xf_sheet_reader_open (out, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_sheet_reader_get_encoding (reader), ==, "UTF-8");
  g_assert_true (xf_sheet_reader_next (reader, &cells, &n_cells, &line, &error));
  g_assert_cmpuint (n_cells, ==, 8);
  g_assert_cmpstr (cells[2], ==, "姓名");
  g_assert_cmpstr (cells[7], ==, "所在地区");

  /* Each left-out row with its line and reason, then its cells as they were. */
  g_assert_true (xf_sheet_reader_next (reader, &cells, &n_cells, &line, &error));
  g_assert_cmpstr (cells[0], ==, "6");
  g_assert_true (g_str_has_prefix (cells[1], "Identity number: "));
  g_assert_cmpstr (cells[2], ==, "沈四戊");
  g_assert_cmpstr (cells[5], ==, bad);
  g_assert_true (xf_sheet_reader_next (reader, &cells, &n_cells, &line, &error));
  g_assert_cmpstr (cells[0], ==, "7");
  g_assert_cmpstr (cells[7], ==, "火星区");
  g_assert_true (xf_sheet_reader_next (reader, &cells, &n_cells, &line, &error));
  g_assert_cmpstr (cells[0], ==, "8");
  g_assert_cmpstr (cells[2], ==, "沈一戊");
  g_assert_false (xf_sheet_reader_next (reader, &cells, &n_cells, &line, &error));
  g_assert_no_error (error);
}

static void
test_map (void)
{
  g_autofree char *first = id_number (6, 1, 19);
  g_autofree char *second = id_number (6, 2, 29);
  g_autofree char *text = g_strdup_printf ("人名,证件,备注\n周一,%s,x\n", first);
  g_autofree char *again = g_strdup_printf ("人名,证件,备注\n周二,%s,y\n", second);
  g_autofree char *path = write_file ("map.csv", text, -1);
  g_autofree char *path_again = write_file ("map-again.csv", again, -1);
  g_auto(XfCliRun) unmapped = { 0 };
  g_auto(XfCliRun) mapped = { 0 };
  g_auto(XfCliRun) remembered = { 0 };
  gint64 pioneers = count_pioneers ();

  /* Headers nobody uses: nothing maps itself. */
  run_cli (&unmapped, "import", path, NULL);
  xf_cli_assert_failed (&unmapped, 1);
  g_assert_nonnull (strstr (unmapped.err, "map.csv"));

  run_cli (&mapped, "import", "--map", "人名=name", "--map", "证件=id-number", "--map", "备注=", path, NULL);
  g_assert_cmpint (mapped.status, ==, 0);
  g_assert_cmpint (count_pioneers (), ==, pioneers + 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM pioneers WHERE name = '周一' AND birth_date = '1961-06-01'"), ==, 1);

  /* The mapping is remembered for the same headers. */
  run_cli (&remembered, "import", path_again, NULL);
  g_assert_cmpint (remembered.status, ==, 0);
  g_assert_cmpint (count_pioneers (), ==, pioneers + 2);
  g_assert_cmpint (query_int ("SELECT count(*) FROM audit_log WHERE action = 'import-mapping'"), >=, 1);
}

static void
test_fill_empty (void)
{
  g_autofree char *id = id_number (7, 1, 33);
  g_autofree char *first = g_strdup_printf ("姓名,身份证号码\n吴一,%s\n", id);
  g_autofree char *second = g_strdup_printf ("姓名,身份证号码,工作单位\n吴一,%s,湖州电厂\n", id);
  g_autofree char *path = write_file ("fill-1.csv", first, -1);
  g_autofree char *path_more = write_file ("fill-2.csv", second, -1);
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) duplicate = { 0 };
  g_auto(XfCliRun) filled = { 0 };
  gint64 pioneers;

  run_cli (&run, "import", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  pioneers = count_pioneers ();

  run_cli (&duplicate, "import", path_more, NULL);
  g_assert_cmpint (duplicate.status, ==, 1);
  g_assert_nonnull (strstr (duplicate.out, "Line 2: "));
  g_assert_cmpint (query_int ("SELECT count(*) FROM pioneers WHERE name = '吴一' AND employer IS NULL"), ==, 1);

  run_cli (&filled, "import", "--fill-empty", path_more, NULL);
  g_assert_cmpint (filled.status, ==, 0);
  g_assert_cmpstr (filled.out, ==, "1 row: 0 created, 1 merged, 0 left out (0 with problems, 0 duplicates, 0 skipped)\n");
  g_assert_cmpint (count_pioneers (), ==, pioneers);
  g_assert_cmpint (query_int ("SELECT count(*) FROM pioneers WHERE name = '吴一' AND employer = '湖州电厂'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *out = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = xf_test_make_dir ();
  database_path = xf_test_database_location (tmp_dir, "import.db");
  out = xf_cli_make_demo (database_path, "20", "2", "7");

  g_test_add_func ("/cli/import/dry-run", test_dry_run);
  g_test_add_func ("/cli/import/gb18030", test_gb18030);
  g_test_add_func ("/cli/import/xlsx", test_xlsx);
  g_test_add_func ("/cli/import/exit-codes", test_exit_codes);
  g_test_add_func ("/cli/import/left-out", test_left_out);
  g_test_add_func ("/cli/import/map", test_map);
  g_test_add_func ("/cli/import/fill-empty", test_fill_empty);
  status = g_test_run ();

  xf_test_remove_dir (tmp_dir);
  g_free (database_path);
  g_free (tmp_dir);
  return status;
}
