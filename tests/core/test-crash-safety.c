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
 * xianfeng-cli on the copy doing a large write, kills it with SIGKILL
 * after a random delay (g_test_rand: --seed repeats a run) spread over the
 * command's measured duration, and then asserts:
 *   - PRAGMA integrity_check is ok and PRAGMA foreign_key_check finds nothing;
 *   - the audit chain verifies (xf_audit_verify);
 *   - the interrupted transaction is all or nothing: every file has the new
 *     value and an audit entry for it, or none has.
 * Rounds run two at a time, each on its own copy.
 *
 * $XIANFENG_CRASH_ROUNDS is the number of kills in all (default 100, 20
 * under AddressSanitizer): a quarter for the import, the rest for the
 * bulk edit. SQLite files only: a killed client of a PostgreSQL server
 * leaves the server to roll back.
 */

/* Under AddressSanitizer every process is several times slower: fewer
 * kills by default. (The valgrind setup sets XIANFENG_CRASH_ROUNDS.)
 * GCC says so with __SANITIZE_ADDRESS__, clang with __has_feature. */
#if defined(__SANITIZE_ADDRESS__)
#define DEFAULT_ROUNDS 20
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DEFAULT_ROUNDS 20
#endif
#endif
#ifndef DEFAULT_ROUNDS
#define DEFAULT_ROUNDS 100
#endif

static char *tmp_dir;
static char *base_path;
static gint64 n_files;        /* active files in the base: what --all lists */

/* The kills in all: $XIANFENG_CRASH_ROUNDS or the default. */
static guint
total_rounds (void)
{
  const char *text = g_getenv ("XIANFENG_CRASH_ROUNDS");
  guint64 rounds = DEFAULT_ROUNDS;

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 1, 100000, &rounds, NULL))
    g_error ("XIANFENG_CRASH_ROUNDS must be a number of rounds, not “%s”", text);
  return rounds;
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

/*
 * The kinds of write
 */

typedef struct
{
  const char *name;
  /* Starts the write of round @round on the copy at @path. */
  GSubprocess *(*start)          (const char *path,
                                  guint       round);
  /* Fails the test unless the write of round @round is in @store whole or
   * not at all; returns whether whole. */
  gboolean     (*all_or_nothing) (XfStore    *store,
                                  guint       round);
} Kind;

/* Bulk edit: every file's introduction set to the round's value. */
static GSubprocess *
start_bulk_edit (const char *path,
                 guint       round)
{
  g_autofree char *value = round_value (round);
  const char *args[] = { "pioneers", "bulk-edit", "introduction", value, "--all", NULL };

  return xf_cli_child_spawn (path, 0, args);
}

/* Every file has the value and one bulk-edit entry for it, or none has. */
static gboolean
bulk_edit_all_or_nothing (XfStore *store,
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

static const Kind bulk_edit = { "bulk edit", start_bulk_edit, bulk_edit_all_or_nothing };

/* Import: N_IMPORTED new individuals from one CSV, more than the 20,000
 * rows from which the import takes its bulk path. */
#define N_IMPORTED 20500

static char *import_path;
static gint64 n_before_import;   /* files in the base */

static GSubprocess *
start_import (const char *path,
              guint       round)
{
  const char *args[] = { "import", import_path, NULL };

  return xf_cli_child_spawn (path, 0, args);
}

/* Every row a file with its import entry, and the file's entry, or nothing. */
static gboolean
import_all_or_nothing (XfStore *store,
                       guint    round)
{
  gint64 files = xf_test_query_int64 (store, "SELECT count(*) FROM pioneers") - n_before_import;
  gint64 entries = xf_test_query_int64 (store, "SELECT count(*) FROM audit_log WHERE action = 'import'");
  gint64 file_entries = xf_test_query_int64 (store, "SELECT count(*) FROM audit_log "
                                                    "WHERE action = 'import-file'");

  if (!((files == 0 && entries == 0 && file_entries == 0) ||
        (files == N_IMPORTED && entries == N_IMPORTED && file_entries == 1)))
    g_error ("Round %u left %" G_GINT64_FORMAT " of %d rows imported with %" G_GINT64_FORMAT
             " audit entries and %" G_GINT64_FORMAT " for the file: not all or nothing",
             round, files, N_IMPORTED, entries, file_entries);
  return files == N_IMPORTED;
}

static const Kind import = { "import", start_import, import_all_or_nothing };

/*
 * The rounds
 */

/* After a round: sound, the chain intact, the write all or nothing. */
static gboolean
check_round (const Kind *kind,
             const char *path,
             guint       round)
{
  g_autoptr(XfStore) store = xf_test_open_store_at (path);

  xf_cli_child_assert_sound (store);
  xf_cli_child_assert_audit_chain (store);
  return kind->all_or_nothing (store, round);
}

/* How long the write takes uninterrupted, in seconds; it must be whole. */
static double
measure (const Kind *kind,
         const char *path)
{
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  double seconds;

  child = kind->start (path, 0);
  g_assert_true (g_subprocess_communicate_utf8 (child, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  seconds = g_timer_elapsed (timer, NULL);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_subprocess_get_successful (child));
  g_assert_true (check_round (kind, path, 0));
  return seconds;
}

/* Rounds at a time: one a core. */
#define N_PARALLEL 2

typedef struct
{
  char        *path;
  GSubprocess *child;
  gint64       kill_at;   /* monotonic µs */
} Slot;

static void
run_rounds (const Kind *kind,
            guint       rounds)
{
  g_autoptr(GTimer) timer = g_timer_new ();
  Slot slots[N_PARALLEL] = { { NULL } };
  guint n_all = 0;
  guint n_killed = 0;
  double duration;

  if (xf_test_using_postgresql ())
    {
      g_test_skip ("Killing the client of a PostgreSQL server leaves the server to roll back");
      return;
    }

  for (guint i = 0; i < N_PARALLEL; i++)
    slots[i].path = g_strdup_printf ("%s/round-%u.db", tmp_dir, i);
  xf_cli_child_copy_file (base_path, slots[0].path);
  duration = measure (kind, slots[0].path);

  for (guint first = 1; first <= rounds; first += N_PARALLEL)
    {
      guint n = MIN (N_PARALLEL, rounds - first + 1);

      for (guint i = 0; i < n; i++)
        {
          gint64 delay = (gint64) (g_test_rand_double_range (0, duration) * G_USEC_PER_SEC);

          xf_cli_child_copy_file (base_path, slots[i].path);
          slots[i].child = kind->start (slots[i].path, first + i);
          slots[i].kill_at = g_get_monotonic_time () + delay;
        }
      /* Each killed at its own time, the earliest first. */
      for (guint killed = 0; killed < n; killed++)
        {
          Slot *next = NULL;

          for (guint i = 0; i < n; i++)
            if (slots[i].kill_at >= 0 && (next == NULL || slots[i].kill_at < next->kill_at))
              next = &slots[i];
          if (next->kill_at > g_get_monotonic_time ())
            g_usleep (next->kill_at - g_get_monotonic_time ());
          g_subprocess_send_signal (next->child, SIGKILL);
          next->kill_at = -1;
        }

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GSubprocess) child = g_steal_pointer (&slots[i].child);
          g_autoptr(GError) error = NULL;

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

          if (check_round (kind, slots[i].path, first + i))
            n_all++;
          else
            g_assert_true (g_subprocess_get_if_signaled (child));
        }
    }

  for (guint i = 0; i < N_PARALLEL; i++)
    g_free (slots[i].path);
  g_test_message ("%s (%.2f s uninterrupted): %u rounds, %u killed, %u left all, %u none; %.1f s",
                  kind->name, duration, rounds, n_killed, n_all, rounds - n_all,
                  g_timer_elapsed (timer, NULL));
  /* Most kills land inside the one transaction, which commits at the end. */
  if (rounds >= 20)
    g_assert_cmpuint (n_killed, >=, rounds / 2);
}

/* An import round costs about six bulk edit rounds (a commit of 20,500
 * files against one of 2,000 edits): it gets a quarter of the kills, so
 * that the whole test stays near half a minute on two free cores. */
static guint
import_rounds (void)
{
  return MAX (total_rounds () / 4, 1);
}

static void
test_bulk_edit (void)
{
  run_rounds (&bulk_edit, MAX (total_rounds () - import_rounds (), 1));
}

static void
test_import (void)
{
  run_rounds (&import, import_rounds ());
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
      n_before_import = query_int (base_path, "SELECT count(*) FROM pioneers");
      import_path = g_build_filename (tmp_dir, "import.csv", NULL);
      xf_cli_child_write_import_file (import_path, N_IMPORTED);
    }

  g_test_add_func ("/core/crash-safety/bulk-edit", test_bulk_edit);
  g_test_add_func ("/core/crash-safety/import", test_import);
  status = g_test_run ();

  xf_test_remove_dir (tmp_dir);
  g_free (base_path);
  g_free (import_path);
  g_free (tmp_dir);
  return status;
}
