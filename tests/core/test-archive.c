/* test-archive.c — export-all and import-all, within and across backends
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "xf-accounts.h"
#include "xf-archive.h"
#include "xf-audit.h"
#include "xf-copy.h"
#include "xf-demo.h"
#include "xf-demo-evaluation.h"
#include "xf-error.h"
#include "xf-test-care-rows.h"
#include "xf-test-files.h"
#include "xf-test-store.h"
#include "xf-test-tables.h"

/*
 * One SQLite demo database with every table filled (registry, accounts,
 * evaluation, notices, services, ranking) and its archive, written once;
 * each test restores or damages a copy of the archive.
 */

static char *tmp_dir;
static char *source_path;
static char *archive_path;

static const char * const escaped_texts[] = {
  "quote \" inside", "back\\slash", "line\nbreak\r\n", "tab\tand \x01 bell \x1f", "\\u0041 not an escape",
  "emoji 🎉 and 劳模", "/slash/", "",
};

static XfAccount *
admin_account (void)
{
  return xf_account_new_local_administrator ();
}

static void
make_source (void)
{
  g_autoptr(XfStore) store = xf_test_open_store_at (source_path);
  g_autoptr(XfAccounts) accounts = xf_accounts_new (store);
  g_autoptr(XfAccount) admin = admin_account ();
  g_autoptr(GError) error = NULL;
  XfDemoOptions options = { 1500, 200, 7 };
  XfDb *db = xf_store_get_db (store);

  xf_demo_generate (store, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (xf_accounts_create_demo (accounts, &error));
  g_assert_no_error (error);
  g_assert_true (xf_demo_generate_evaluation (store, 7, &error));
  g_assert_no_error (error);
  /* Cultivation and care (schema 8), with text and money to escape. */
  xf_test_add_care_rows (store);

  /* Text that JSON must escape, in the audit trail (which must still
   * verify afterwards), and a remembered import mapping (schema 7). */
  g_assert_true (xf_db_begin (db, &error));
  for (guint i = 0; i < G_N_ELEMENTS (escaped_texts); i++)
    g_assert_true (xf_audit_append_change (db, admin, XF_AUDIT_UPDATE, "pioneer", "uid-json",
                                           escaped_texts[i], "deeds", i % 2 == 0 ? NULL : "",
                                           escaped_texts[i], &error));
  g_assert_no_error (error);
  g_assert_true (xf_db_exec (db, "INSERT INTO import_mappings (header_key, kind, headers, mapping, "
                                 "created_at, updated_at) VALUES ('feed', 'honours', "
                                 "'[\"荣誉称号\",\"年份\"]', '[\"title\",\"year\"]', 3, 4)", &error));
  g_assert_no_error (error);
  g_assert_true (xf_db_commit (db, &error));
  g_assert_no_error (error);

  g_assert_true (xf_archive_export_all (store, admin, archive_path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static char *
read_archive (gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (archive_path, &text, length, &error));
  g_assert_no_error (error);
  return text;
}

static char *
write_archive (const char *name,
               const char *text,
               gssize      length)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, length, &error));
  g_assert_no_error (error);
  return path;
}

/* The archive's lines: a header, a line per table and per row, the end. */
static void
test_format (void)
{
  gsize length = 0;
  g_autofree char *text = read_archive (&length);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);
  g_autoptr(XfStore) source = xf_test_open_store_at (source_path);
  g_autoptr(GChecksum) sha256 = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *expected_end = NULL;
  const char *end;
  guint tables = 0;

  g_assert_cmpstr (lines[n - 1], ==, "");
  {
    g_autofree char *head = g_strdup_printf ("{\"format\":\"xianfeng-archive\",\"version\":1,\"schema\":%d,",
                                             xf_store_get_latest_version ());

    g_assert_true (g_str_has_prefix (lines[0], head));
  }
  for (guint i = 1; i + 2 < n; i++)
    tables += g_str_has_prefix (lines[i], "{\"table\":");
  g_assert_cmpuint (tables, ==, g_strv_length ((char **) xf_copy_get_tables ()));

  /* The digest covers every byte before the last line. */
  end = lines[n - 2];
  g_checksum_update (sha256, (const guchar *) text, (gssize) (length - strlen (end) - 1));
  expected_end = g_strdup_printf ("{\"end\":true,\"tables\":%u,\"rows\":%u,\"sha256\":\"%s\"}",
                                  tables, n - 3 - tables, g_checksum_get_string (sha256));
  g_assert_cmpstr (end, ==, expected_end);

  /* The archive holds its own audit entry. */
  g_assert_nonnull (strstr (text, "\"archive-export\",\"database\""));
  g_assert_cmpint (xf_test_query_int64 (source, "SELECT count(*) FROM audit_log WHERE action = 'archive-export'"),
                   ==, 1);
}

/* Restored into an empty database (PostgreSQL when the suite runs there):
 * every table equal row for row, uids included, the audit chain intact,
 * the search data rebuilt. */
static void
assert_restored (const char *archive,
                 const char *location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStore) source = NULL;
  g_autoptr(XfStore) restored = NULL;

  g_assert_true (xf_archive_import_all (archive, location, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  source = xf_test_open_store_at (source_path);
  restored = xf_test_open_store_at (location);
  xf_test_assert_same_rows (source, restored);
  xf_test_assert_same_scores (source, restored);
  xf_test_assert_same_search (source, restored);
  xf_test_assert_same_database (source, restored);
  g_assert_cmpint (xf_test_query_int64 (restored, "SELECT count(*) FROM pioneer_grams"), ==,
                   xf_test_query_int64 (source, "SELECT count(*) FROM pioneer_grams"));
}

static void
test_round_trip (void)
{
  g_autofree char *location = xf_test_database_location (tmp_dir, "restored.db");

  assert_restored (archive_path, location);
}

static void
test_gzip (void)
{
  g_autofree char *gz = g_build_filename (tmp_dir, "archive.jsonl.gz", NULL);
  g_autofree char *location = g_build_filename (tmp_dir, "from-gz.db", NULL);
  g_autoptr(XfStore) source = xf_test_open_store_at (source_path);
  g_autoptr(XfAccount) admin = admin_account ();
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  gsize length = 0;

  g_assert_true (xf_archive_export_all (source, admin, gz, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&source);
  g_assert_true (g_file_get_contents (gz, &head, &length, &error));
  g_assert_cmpuint (length, >, 2);
  g_assert_cmphex ((guchar) head[0], ==, 0x1f);
  g_assert_cmphex ((guchar) head[1], ==, 0x8b);
  assert_restored (gz, location);
}

/* The audit heads recorded outside the databases (xf-audit.h). */
static void
forget_recorded_heads (void)
{
  g_autofree char *heads = g_build_filename (tmp_dir, "state", "xianfeng", "audit-heads", NULL);
  g_autoptr(GDir) dir = g_dir_open (heads, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (heads, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

/* An archive of a PostgreSQL database comes back into SQLite the same. */
static void
test_from_postgresql (void)
{
  g_autofree char *server = NULL;
  g_autofree char *archive = g_build_filename (tmp_dir, "from-pg.jsonl", NULL);
  g_autofree char *back = g_build_filename (tmp_dir, "back.db", NULL);
  g_autoptr(XfStore) there = NULL;
  g_autoptr(XfStore) returned = NULL;
  g_autoptr(XfStore) source = NULL;
  g_autoptr(XfAccount) admin = admin_account ();
  g_autoptr(GError) error = NULL;

  if (!xf_test_using_postgresql ())
    {
      g_test_skip ("Needs $XIANFENG_TEST_POSTGRESQL");
      return;
    }
  server = xf_test_database_location (NULL, NULL);
  g_assert_true (xf_archive_import_all (archive_path, server, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  there = xf_test_open_store_at (server);
  g_assert_true (xf_archive_export_all (there, admin, archive, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (xf_archive_import_all (archive, back, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Every row of the PostgreSQL database, its own export entry included,
   * and the scores the SQLite source froze, bit for bit. The PostgreSQL
   * database went on from the archive, as the source did since: its
   * chain is told apart from the head the source recorded. */
  forget_recorded_heads ();
  source = xf_test_open_store_at (source_path);
  returned = xf_test_open_store_at (back);
  xf_test_assert_same_rows (there, returned);
  xf_test_assert_same_database (there, returned);
  xf_test_assert_same_scores (source, returned);
  xf_test_assert_same_search (source, returned);
}

/* A refused archive names its line and leaves nothing: no file where
 * there was none, no records in a database that was there. */
static void
assert_refused (const char *archive,
                int         code,
                const char *line)
{
  g_autofree char *location = g_build_filename (tmp_dir, "refused.db", NULL);
  g_autofree char *server = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (xf_archive_import_all (archive, location, NULL, NULL, NULL, &error));
  g_assert_error (error, XF_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, line));
  g_assert_nonnull (strstr (error->message, "nothing was written"));
  g_assert_false (g_file_test (location, G_FILE_TEST_EXISTS));

  if (xf_test_using_postgresql ())
    {
      g_autoptr(XfStore) store = NULL;

      g_clear_error (&error);
      server = xf_test_database_location (NULL, NULL);
      g_assert_false (xf_archive_import_all (archive, server, NULL, NULL, NULL, &error));
      g_assert_error (error, XF_ERROR, code);
      store = xf_test_open_store_at (server);
      g_assert_cmpint (xf_test_record_rows (store), ==, 0);
    }
}

static void
test_truncated (void)
{
  gsize length = 0;
  g_autofree char *text = read_archive (&length);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) cut = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *half = NULL;
  g_autofree char *where = NULL;
  guint n = g_strv_length (lines) / 2;

  /* Whole lines, but not the last one. */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (cut, "%s\n", lines[i]);
  path = write_archive ("truncated.jsonl", cut->str, -1);
  where = g_strdup_printf ("line %u:", n + 1);
  assert_refused (path, XF_ERROR_CORRUPT, where);

  /* Cut inside a line. */
  half = write_archive ("half.jsonl", text, (gssize) (length / 3));
  assert_refused (half, XF_ERROR_CORRUPT, "line ");
}

static void
test_altered (void)
{
  gsize length = 0;
  g_autofree char *text = read_archive (&length);
  g_autofree char *path = NULL;
  g_autofree char *where = NULL;
  char *name = strstr (text, "\"湖州市总工会\"");
  guint n = 0;

  /* One character of a row changed, the digest left as it was. */
  g_assert_nonnull (name);
  name[1] = 'X';
  name[2] = 'X';
  name[3] = 'X';
  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  path = write_archive ("altered.jsonl", text, (gssize) length);
  where = g_strdup_printf ("line %u:", n);
  assert_refused (path, XF_ERROR_CORRUPT, where);
  g_assert_nonnull (strstr (where, "line"));
}

/* Replaces the first @old on line @line (counted from 1) of the archive.
 * The lines are found with memchr: g_strsplit's strstr over the whole
 * archive is quadratic under AddressSanitizer's checks. */
static char *
archive_with (const char *name,
              guint       line,
              const char *old,
              const char *replacement)
{
  gsize length = 0;
  g_autofree char *text = read_archive (&length);
  const char *start = text, *end, *found;
  g_autoptr(GString) joined = g_string_sized_new (length + strlen (replacement));
  g_autofree char *target = NULL;

  for (guint n = 1; n < line; n++)
    {
      start = memchr (start, '\n', length - (start - text));
      g_assert_nonnull (start);
      start++;
    }
  end = memchr (start, '\n', length - (start - text));
  if (end == NULL)
    end = text + length;
  target = g_strndup (start, end - start);
  found = strstr (target, old);
  g_assert_nonnull (found);

  g_string_append_len (joined, text, start - text);
  g_string_append_len (joined, target, found - target);
  g_string_append (joined, replacement);
  g_string_append (joined, found + strlen (old));
  g_string_append_len (joined, end, length - (end - text));
  return write_archive (name, joined->str, -1);
}

static void
test_unknown_table (void)
{
  g_autofree char *path = archive_with ("unknown-table.jsonl", 2, "\"organisations\"", "\"organisationz\"");

  assert_refused (path, XF_ERROR_CORRUPT, "line 2:");
}

static void
test_unknown_column (void)
{
  g_autofree char *path = archive_with ("unknown-column.jsonl", 2, "\"name_en\"", "\"name_xx\"");

  assert_refused (path, XF_ERROR_CORRUPT, "line 2:");
}

static void
test_newer (void)
{
  int latest = xf_store_get_latest_version ();
  g_autofree char *now = g_strdup_printf ("\"schema\":%d", latest);
  g_autofree char *newer = g_strdup_printf ("\"schema\":%d", latest + 1);
  g_autofree char *schema = archive_with ("newer-schema.jsonl", 1, now, newer);
  g_autofree char *version = archive_with ("newer-format.jsonl", 1, "\"version\":1", "\"version\":2");

  assert_refused (schema, XF_ERROR_NEWER_SCHEMA, "line 1:");
  assert_refused (version, XF_ERROR_NEWER_SCHEMA, "line 1:");
}

static void
test_not_an_archive (void)
{
  g_autofree char *path = write_archive ("other.jsonl", "{\"hello\":1}\n", -1);

  assert_refused (path, XF_ERROR_CORRUPT, "line 1:");
}

/* The destination must hold no records; it is left as it was. */
static void
test_refuses_non_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStore) source = NULL;
  gint64 rows;

  source = xf_test_open_store_at (source_path);
  rows = xf_test_all_rows (source);
  g_clear_object (&source);
  g_assert_false (xf_archive_import_all (archive_path, source_path, NULL, NULL, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already holds"));
  source = xf_test_open_store_at (source_path);
  g_assert_cmpint (xf_test_all_rows (source), ==, rows);
}

static void
count_progress_cb (const XfCopyProgress *progress,
                   gpointer              user_data)
{
  guint *calls = user_data;

  (*calls)++;
}

/* Cancelling writes nothing: no archive, no restored rows. */
static void
test_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *archive = g_build_filename (tmp_dir, "cancelled.jsonl", NULL);
  g_autofree char *location = g_build_filename (tmp_dir, "cancelled.db", NULL);
  g_autoptr(XfStore) source = xf_test_open_store_at (source_path);
  g_autoptr(XfAccount) admin = admin_account ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint calls = 0;

  g_cancellable_cancel (cancellable);
  g_assert_false (xf_archive_export_all (source, admin, archive, count_progress_cb, &calls,
                                         cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (archive, G_FILE_TEST_EXISTS));
  /* No temporary file is left behind either. */
  dir = g_dir_open (tmp_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".cancelled"));

  g_clear_error (&error);
  g_assert_false (xf_archive_import_all (archive_path, location, count_progress_cb, &calls,
                                         cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (location, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (calls, >, 0);
}

/* export-all needs DATABASE_ADMIN. */
static void
test_permission (void)
{
  g_autofree char *archive = g_build_filename (tmp_dir, "refused.jsonl", NULL);
  g_autoptr(XfStore) source = xf_test_open_store_at (source_path);
  g_autoptr(XfAccount) clerk = xf_account_new ("clerk", "Clerk");
  g_autoptr(GError) error = NULL;

  xf_account_add_grant (clerk, XF_ROLE_CLERK, XF_SCOPE_ALL, NULL);
  g_assert_false (xf_archive_export_all (source, clerk, archive, NULL, NULL, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_assert_false (g_file_test (archive, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  int status;

  /* Verifying a restored database records the audit trail's head: not in
   * the user's own state folder (set before GLib first reads it). */
  tmp_dir = xf_test_make_dir ();
  state_dir = g_build_filename (tmp_dir, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  source_path = g_build_filename (tmp_dir, "source.db", NULL);
  archive_path = g_build_filename (tmp_dir, "archive.jsonl", NULL);
  make_source ();

  g_test_add_func ("/core/archive/format", test_format);
  g_test_add_func ("/core/archive/round-trip", test_round_trip);
  g_test_add_func ("/core/archive/gzip", test_gzip);
  g_test_add_func ("/core/archive/from-postgresql", test_from_postgresql);
  g_test_add_func ("/core/archive/truncated", test_truncated);
  g_test_add_func ("/core/archive/altered", test_altered);
  g_test_add_func ("/core/archive/unknown-table", test_unknown_table);
  g_test_add_func ("/core/archive/unknown-column", test_unknown_column);
  g_test_add_func ("/core/archive/newer", test_newer);
  g_test_add_func ("/core/archive/not-an-archive", test_not_an_archive);
  g_test_add_func ("/core/archive/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/core/archive/cancel", test_cancel);
  g_test_add_func ("/core/archive/permission", test_permission);
  status = g_test_run ();

  xf_test_remove_dir (tmp_dir);
  g_free (archive_path);
  g_free (source_path);
  g_free (tmp_dir);
  return status;
}
