/* test-cli-export.c — `export`, `export-all` and `import-all`
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "xf-cli-test-util.h"
#include "xf-test-files.h"
#include "xf-test-store.h"

static char *tmp_dir;
static char *source_path;   /* an SQLite file with the demo, its accounts included */

#define run_admin(run, ...) xf_cli_run_as_admin ((run), source_path, __VA_ARGS__)

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static gint64
count (const char *sql)
{
  return xf_cli_query_int (source_path, sql);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
test_list (void)
{
  g_autofree char *path = tmp_path ("individuals.csv");
  gint64 rows = count ("SELECT count(*) FROM pioneers WHERE status = 'active' AND kind = 'individual'");
  g_autofree char *expected = g_strdup_printf ("Exported %" G_GINT64_FORMAT " rows to %s\n", rows, path);
  g_autofree char *text = NULL;
  g_auto(XfCliRun) run = { 0 };

  run_admin (&run, "export", "individuals", "--csv", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  text = read_text (path);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFName,Gender,Birth date,"));
  /* Masked unless asked for. */
  g_assert_nonnull (strstr (text, "********"));
  g_assert_cmpint (rows, >, 0);
}

static void
test_with_personal (void)
{
  g_autofree char *path = tmp_path ("personal.csv");
  g_autofree char *text = NULL;
  g_autofree char *id_number = xf_cli_query_text (source_path, "SELECT id_number FROM pioneers WHERE status = 'active' "
                                                                "AND id_number IS NOT NULL ORDER BY id LIMIT 1");
  g_auto(XfCliRun) run = { 0 };

  run_admin (&run, "export", "individuals", "--csv", path, "--with-personal", NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = read_text (path);
  g_assert_null (strstr (text, "********"));
  g_assert_nonnull (strstr (text, id_number));
}

static void
test_where (void)
{
  g_autofree char *path = tmp_path ("deqing.json");
  gint64 rows = count ("SELECT count(*) FROM honours h JOIN pioneers p ON p.id = h.pioneer_id "
                       "WHERE p.status = 'active' AND p.region_code LIKE '330521%'");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(XfCliRun) run = { 0 };

  run_admin (&run, "export", "honours", "--json", path, "--where", "region=330521", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, rows);
  g_assert_cmpint (rows, >, 0);
}

static void
test_file (void)
{
  g_autofree char *path = tmp_path ("file.xlsx");
  g_autofree char *uid = xf_cli_query_text (source_path, "SELECT uid FROM pioneers ORDER BY id LIMIT 1");
  g_autofree char *expected = g_strdup_printf ("Exported the file %s to %s\n", uid, path);
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) missing = { 0 };

  run_admin (&run, "export", "file", uid, "--xlsx", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  run_admin (&missing, "export", "file", "no-such-uid", "--xlsx", path, NULL);
  xf_cli_assert_failed (&missing, 1);
}

static void
test_usage (void)
{
  static const char * const bad[][8] = {
    { "export", NULL },
    { "export", "individuals", NULL },
    { "export", "individuals", "--csv", NULL },
    { "export", "pioneers", "--csv", "x.csv", NULL },
    { "export", "individuals", "--csv", "x.csv", "--where", "colour=red", NULL },
    { "export", "individuals", "--csv", "x.csv", "--bogus", NULL },
    { "export", "file", "--csv", "x.csv", NULL },
    { "export-all", NULL },
    { "import-all", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(XfCliRun) run = { 0 };

      run_admin (&run, bad[i][0], bad[i][1], bad[i][2], bad[i][3], bad[i][4], bad[i][5], bad[i][6], NULL);
      g_test_message ("%s %s: %s", bad[i][0], bad[i][1] ? bad[i][1] : "", run.err);
      xf_cli_assert_failed (&run, 2);
    }
}

/* export-all, then import-all into an empty database: the same rows; a
 * second import-all is refused, as is a damaged archive. */
static void
test_archive (void)
{
  g_autofree char *archive = tmp_path ("all.jsonl.gz");
  g_autofree char *to = xf_test_database_location (tmp_dir, "restored.db");
  g_autofree char *cut_path = tmp_path ("cut.jsonl.gz");
  g_autofree char *cut_to = tmp_path ("cut.db");
  g_autofree char *text = NULL;
  gsize length = 0;
  g_auto(XfCliRun) out = { 0 };
  g_auto(XfCliRun) in = { 0 };
  g_auto(XfCliRun) again = { 0 };
  g_auto(XfCliRun) cut = { 0 };
  g_autoptr(XfStore) source = NULL;
  g_autoptr(XfStore) restored = NULL;

  run_admin (&out, "export-all", archive, NULL);
  g_assert_cmpint (out.status, ==, 0);
  g_assert_true (g_str_has_prefix (out.out, "Wrote "));

  xf_cli_run_args (&in, &(XfCliEnv) { .database = to }, "import-all", archive, NULL);
  g_test_message ("%s%s", in.out, in.err);
  g_assert_cmpint (in.status, ==, 0);
  g_assert_true (g_str_has_prefix (in.out, "Restored "));
  source = xf_test_open_store_at (source_path);
  restored = xf_test_open_store_at (to);
  g_assert_cmpint (xf_test_query_int64 (restored, "SELECT count(*) FROM pioneers"), ==,
                   xf_test_query_int64 (source, "SELECT count(*) FROM pioneers"));
  {
    g_autofree char *a = xf_test_query_text (source, "SELECT max(uid) FROM honours");
    g_autofree char *b = xf_test_query_text (restored, "SELECT max(uid) FROM honours");

    g_assert_cmpstr (a, ==, b);
  }

  xf_cli_run_args (&again, &(XfCliEnv) { .database = to }, "import-all", archive, NULL);
  xf_cli_assert_failed (&again, 1);
  g_assert_nonnull (strstr (again.err, "already holds"));

  g_assert_true (g_file_get_contents (archive, &text, &length, NULL));
  g_assert_true (g_file_set_contents (cut_path, text, (gssize) (length / 2), NULL));
  xf_cli_run_args (&cut, &(XfCliEnv) { .database = cut_to }, "import-all", cut_path, NULL);
  xf_cli_assert_failed (&cut, 1);
  g_assert_nonnull (strstr (cut.err, "nothing was written"));
  g_assert_false (g_file_test (cut_to, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = xf_test_make_dir ();
  source_path = g_build_filename (tmp_dir, "source.db", NULL);
  g_free (xf_cli_make_demo (source_path, "800", "60", "5"));

  g_test_add_func ("/cli/export/list", test_list);
  g_test_add_func ("/cli/export/with-personal", test_with_personal);
  g_test_add_func ("/cli/export/where", test_where);
  g_test_add_func ("/cli/export/file", test_file);
  g_test_add_func ("/cli/export/usage", test_usage);
  g_test_add_func ("/cli/export/archive", test_archive);
  status = g_test_run ();

  xf_test_remove_dir (tmp_dir);
  g_free (source_path);
  g_free (tmp_dir);
  return status;
}
