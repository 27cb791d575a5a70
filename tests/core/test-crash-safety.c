/* test-crash-safety.c — xianfeng-cli killed with SIGKILL mid-write leaves
 *                       a sound database holding all of the write or none
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "xf-cli-child.h"
#include "xf-test-files.h"
#include "xf-test-store.h"

/*
 * A demo database is made once per run; each round copies it, starts
 * xianfeng-cli on the copy doing a large write, kills it with SIGKILL after
 * a random delay (g_test_rand: --seed repeats a run) spread over the
 * command's measured duration, and then asserts:
 *   - PRAGMA integrity_check is ok and PRAGMA foreign_key_check finds nothing;
 *   - the audit chain verifies (xf_audit_verify);
 *   - the interrupted transaction is all or nothing: every file has the new
 *     value and an audit entry for it, or none has.
 *
 * $XIANFENG_CRASH_ROUNDS is the number of kills in all (default 100, 20
 * under AddressSanitizer), shared among the kinds of write. SQLite files only: a killed client of a
 * PostgreSQL server leaves the server to roll back.
 */

/* Under AddressSanitizer every process is several times slower: fewer
 * kills by default. (The valgrind setup sets XIANFENG_CRASH_ROUNDS.) */
#ifdef __SANITIZE_ADDRESS__
#define DEFAULT_ROUNDS 20
#else
#define DEFAULT_ROUNDS 100
#endif

static char *tmp_dir;
static char *base_path;
static gint64 n_files;        /* active files in the base: what --all lists */

static guint
rounds_per_kind (guint n_kinds)
{
  const char *text = g_getenv ("XIANFENG_CRASH_ROUNDS");
  guint64 rounds = DEFAULT_ROUNDS;

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 1, 100000, &rounds, NULL))
    g_error ("XIANFENG_CRASH_ROUNDS must be a number of rounds, not “%s”", text);
  return MAX (rounds / n_kinds, 1);
}

static gint64
query_int (const char *path,
           const char *sql)
{
  g_autoptr(XfStore) store = xf_test_open_store_at (path);

  return xf_test_query_int64 (store, sql);
}

/* The value round @round writes: unique, so that it tells that round's
 * changes from everything before. */
static char *
round_value (guint round)
{
  return g_strdup_printf ("第%u轮", round);
}

/* Every file has the round's value and one bulk-edit entry for it, or none
 * has; returns whether all have. */
static gboolean
assert_bulk_edit_all_or_nothing (XfStore *store,
                                 guint    round)
{
  g_autofree char *value = round_value (round);
  g_autofree char *files_sql = g_strdup_printf ("SELECT count(*) FROM pioneers WHERE introduction = '%s'", value);
  g_autofree char *audit_sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = 'bulk-edit' "
                                                "AND field = 'introduction' AND new_value = '%s'", value);
  gint64 files = xf_test_query_int64 (store, files_sql);
  gint64 entries = xf_test_query_int64 (store, audit_sql);

  if (!((files == 0 && entries == 0) || (files == n_files && entries == n_files)))
    g_error ("Round %u left %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " files changed with %"
             G_GINT64_FORMAT " audit entries: not all or nothing", round, files, n_files, entries);
  return files == n_files;
}

/* After a round: sound, the chain intact, the write all or nothing. */
static gboolean
check_round (const char *path,
             guint       round)
{
  g_autoptr(XfStore) store = xf_test_open_store_at (path);

  xf_cli_child_assert_sound (store);
  xf_cli_child_assert_audit_chain (store);
  return assert_bulk_edit_all_or_nothing (store, round);
}

static GSubprocess *
start_bulk_edit (const char *path,
                 guint       round)
{
  g_autofree char *value = round_value (round);
  const char *args[] = { "pioneers", "bulk-edit", "introduction", value, "--all", NULL };

  return xf_cli_child_spawn (path, 0, args);
}

/* How long an uninterrupted bulk edit of every file takes, in seconds;
 * it must change them all. */
static double
measure_bulk_edit (const char *path)
{
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  double seconds;

  child = start_bulk_edit (path, 0);
  g_assert_true (g_subprocess_communicate_utf8 (child, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  seconds = g_timer_elapsed (timer, NULL);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_subprocess_get_successful (child));
  g_assert_true (check_round (path, 0));
  return seconds;
}

static void
test_bulk_edit (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint rounds = rounds_per_kind (1);
  guint n_all = 0;
  guint n_killed = 0;
  double duration;

  if (xf_test_using_postgresql ())
    {
      g_test_skip ("Killing the client of a PostgreSQL server leaves the server to roll back");
      return;
    }

  path = g_build_filename (tmp_dir, "bulk-edit.db", NULL);
  xf_cli_child_copy_file (base_path, path);
  duration = measure_bulk_edit (path);

  for (guint round = 1; round <= rounds; round++)
    {
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GError) error = NULL;
      gulong delay = (gulong) (g_test_rand_double_range (0, duration) * G_USEC_PER_SEC);

      xf_cli_child_copy_file (base_path, path);
      child = start_bulk_edit (path, round);
      g_usleep (delay);
      g_subprocess_send_signal (child, SIGKILL);
      g_assert_true (g_subprocess_wait (child, NULL, &error));
      g_assert_no_error (error);

      /* Killed, or done before the signal came: never failed by itself. */
      if (g_subprocess_get_if_signaled (child))
        {
          g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
          n_killed++;
        }
      else
        g_assert_true (g_subprocess_get_successful (child));

      if (check_round (path, round))
        n_all++;
      else
        g_assert_true (g_subprocess_get_if_signaled (child));
    }

  g_test_message ("bulk edit of %" G_GINT64_FORMAT " files (%.2f s uninterrupted): %u rounds, %u killed, "
                  "%u left all, %u none; %.1f s", n_files, duration, rounds, n_killed, n_all,
                  rounds - n_all, g_timer_elapsed (timer, NULL));
  /* Most kills land inside the one transaction, which commits at the end. */
  if (rounds >= 20)
    g_assert_cmpuint (n_killed, >=, rounds / 2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = xf_test_make_dir ();
  /* Audit heads recorded by the checks stay in the test's folder. */
  {
    g_autofree char *state = g_build_filename (tmp_dir, "state", NULL);

    g_setenv ("XDG_STATE_HOME", state, TRUE);
  }

  if (!xf_test_using_postgresql ())
    {
      g_auto(XfCliRun) demo = { 0 };

      base_path = g_build_filename (tmp_dir, "base.db", NULL);
      xf_cli_child_run (&demo, base_path, 0, "demo", "--pioneers", "2000", "--collectives", "50",
                        "--seed", "11", "--no-accounts", NULL);
      g_assert_cmpint (demo.status, ==, 0);
      n_files = query_int (base_path, "SELECT count(*) FROM pioneers WHERE status = 'active'");
      g_assert_cmpint (n_files, >, 1000);
    }

  g_test_add_func ("/core/crash-safety/bulk-edit", test_bulk_edit);
  status = g_test_run ();

  xf_test_remove_dir (tmp_dir);
  g_free (base_path);
  g_free (tmp_dir);
  return status;
}
