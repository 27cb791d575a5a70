/* test-concurrency.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-error.h"
#include "xf-registry.h"
#include "xf-test-files.h"
#include "xf-test-store.h"

/*
 * Several desks on one database at the same moment, each desk a thread with
 * its own connection: an SQLite file in a temporary folder, or one
 * PostgreSQL schema. SQLite takes one writer at a time and may answer
 * "busy" (XF_ERROR_IO) to a writer that waited too long; such a desk wrote
 * nothing and counts as a loser.
 */

#define N_DESKS 100

typedef struct
{
  char       *dir;
  char       *location;
  XfStore    *store;
  XfRegistry *registry;
  gint64      id;        /* one pioneer, version 1 */
} Fixture;

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("individual");
  g_autoptr(GError) error = NULL;

  if (!xf_test_using_postgresql ())
    fixture->dir = xf_test_make_dir ();
  fixture->location = xf_test_database_location (fixture->dir, "shared.db");
  fixture->store = xf_test_open_store_at (fixture->location);
  fixture->registry = xf_test_new_registry (fixture->store);

  g_object_set (pioneer, "name", "王建国", "tags", "start", NULL);
  g_assert_true (xf_registry_save_pioneer (fixture->registry, pioneer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_pioneer_get_version (pioneer), ==, 1);
  fixture->id = xf_pioneer_get_id (pioneer);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_assert_finalize_object (fixture->registry);
  g_assert_finalize_object (fixture->store);
  g_clear_pointer (&fixture->location, g_free);
  xf_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static XfPioneer *
load (XfRegistry *registry,
      gint64      id)
{
  g_autoptr(GError) error = NULL;
  XfPioneer *pioneer = xf_registry_get_pioneer (registry, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pioneer);
  return pioneer;
}

static gint64
query_int64 (Fixture    *fixture,
             const char *sql)
{
  return xf_test_query_int64 (fixture->store, sql);
}

/* Asserts what the database holds for the fixture's pioneer. */
static void
assert_stored (Fixture    *fixture,
               const char *tags,
               gint64      version)
{
  g_autoptr(XfPioneer) stored = load (fixture->registry, fixture->id);
  g_autofree char *stored_tags = xf_pioneer_dup_field (stored, "tags");

  g_assert_cmpstr (stored_tags, ==, tags);
  g_assert_cmpint (xf_pioneer_get_version (stored), ==, version);
}

/*
 * A gate that lets every desk through at the same moment.
 */

typedef struct
{
  GMutex mutex;
  GCond  cond;
  guint  waiting;
  gboolean open;
} Gate;

static void
gate_init (Gate *gate)
{
  g_mutex_init (&gate->mutex);
  g_cond_init (&gate->cond);
  gate->waiting = 0;
  gate->open = FALSE;
}

static void
gate_clear (Gate *gate)
{
  g_mutex_clear (&gate->mutex);
  g_cond_clear (&gate->cond);
}

static void
gate_wait (Gate *gate)
{
  g_mutex_lock (&gate->mutex);
  gate->waiting++;
  g_cond_broadcast (&gate->cond);
  while (!gate->open)
    g_cond_wait (&gate->cond, &gate->mutex);
  g_mutex_unlock (&gate->mutex);
}

/* Waits until @n desks stand at the gate, then opens it. */
static void
gate_open_when (Gate  *gate,
                guint  n)
{
  g_mutex_lock (&gate->mutex);
  while (gate->waiting < n)
    g_cond_wait (&gate->cond, &gate->mutex);
  gate->open = TRUE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->mutex);
}

/*
 * Desks
 */

typedef struct
{
  Gate       *gate;
  const char *location;
  gint64      id;
  gint64      version;   /* the version every desk read */
  char        tags[32];
  XfStore    *store;     /* opened by the thread unless given */
  XfRegistry *registry;
  XfPioneer  *pioneer;   /* the desk's copy, for the registry saves */
  gboolean    won;
  GError     *error;
} Desk;

static void
desk_clear (Desk *desk)
{
  g_clear_object (&desk->pioneer);
  g_clear_object (&desk->registry);
  g_clear_object (&desk->store);
  g_clear_error (&desk->error);
}

static gpointer
save_pioneer_thread (gpointer data)
{
  Desk *desk = data;

  if (desk->store == NULL)
    {
      desk->store = xf_test_open_store_at (desk->location);
      desk->registry = xf_test_new_registry (desk->store);
    }
  gate_wait (desk->gate);
  desk->won = xf_registry_save_pioneer (desk->registry, desk->pioneer, &desk->error);
  return NULL;
}

static gpointer
conditional_update_thread (gpointer data)
{
  Desk *desk = data;
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  XfDb *db;

  desk->store = xf_test_open_store_at (desk->location);
  db = xf_store_get_db (desk->store);
  stmt = xf_db_prepare (db, "UPDATE pioneers SET tags = $1, version = version + 1 "
                            "WHERE id = $2 AND version = $3", &error);
  g_assert_no_error (error);
  xf_db_stmt_bind_text (stmt, 1, desk->tags);
  xf_db_stmt_bind_int64 (stmt, 2, desk->id);
  xf_db_stmt_bind_int64 (stmt, 3, desk->version);

  gate_wait (desk->gate);
  if (xf_db_stmt_run (stmt, &desk->error))
    desk->won = xf_db_changes (db) == 1;
  /* Free the connection at once: on a server, connections are counted. */
  g_clear_pointer (&stmt, xf_db_stmt_free);
  g_clear_object (&desk->store);
  return NULL;
}

/* @n desks at one gate, on the fixture's database, tagged "desk 0", "desk 1"… */
static void
desks_init (Desk       *desks,
            guint       n,
            Gate       *gate,
            const char *location)
{
  gate_init (gate);
  for (guint i = 0; i < n; i++)
    {
      desks[i].gate = gate;
      desks[i].location = location;
      g_snprintf (desks[i].tags, sizeof desks[i].tags, "desk %u", i);
    }
}

static void
desks_clear (Desk  *desks,
             guint  n,
             Gate  *gate)
{
  for (guint i = 0; i < n; i++)
    desk_clear (&desks[i]);
  gate_clear (gate);
}

/* Starts one thread per desk, opens the gate when all are ready, joins them. */
static void
run_desks (Desk        *desks,
           guint        n,
           GThreadFunc  func)
{
  g_autofree GThread **threads = g_new0 (GThread *, n);

  for (guint i = 0; i < n; i++)
    threads[i] = g_thread_new ("desk", func, &desks[i]);
  gate_open_when (desks[0].gate, n);
  for (guint i = 0; i < n; i++)
    g_thread_join (threads[i]);
}

/* Counts winners and losers; a loser met a conflict (or SQLite's busy). */
static guint
count_winners (Desk       *desks,
               guint       n,
               const char *what,
               guint      *winner)
{
  guint winners = 0, conflicts = 0, busy = 0;

  for (guint i = 0; i < n; i++)
    {
      if (desks[i].won)
        {
          winners++;
          *winner = i;
          g_assert_no_error (desks[i].error);
        }
      else if (desks[i].error == NULL || g_error_matches (desks[i].error, XF_ERROR, XF_ERROR_CONFLICT))
        conflicts++;
      else if (!xf_test_using_postgresql () && g_error_matches (desks[i].error, XF_ERROR, XF_ERROR_IO))
        busy++;
      else
        g_error ("desk %u: unexpected error: %s", i, desks[i].error->message);
    }
  g_test_message ("%s: %u winner(s), %u conflict(s), %u busy", what, winners, conflicts, busy);
  g_assert_cmpuint (winners + conflicts + busy, ==, n);
  return winners;
}

/*
 * Tests
 */

/* Two desks open the same file and both save: one wins, the other is told. */
static void
test_two_desks (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Desk desks[2] = { 0 };
  Gate gate;
  guint winner = 0;
  Desk *loser;

  gate_init (&gate);
  for (guint i = 0; i < 2; i++)
    {
      desks[i].gate = &gate;
      desks[i].store = xf_test_open_store_at (fixture->location);
      desks[i].registry = xf_test_new_registry (desks[i].store);
      desks[i].pioneer = load (desks[i].registry, fixture->id);
      g_assert_cmpint (xf_pioneer_get_version (desks[i].pioneer), ==, 1);
      g_snprintf (desks[i].tags, sizeof desks[i].tags, "desk %c", 'A' + i);
      g_object_set (desks[i].pioneer, "tags", desks[i].tags, NULL);
    }
  /* Different fields too: the conflict is about the record, not the field. */
  g_object_set (desks[1].pioneer, "skills", "带电作业", NULL);

  run_desks (desks, 2, save_pioneer_thread);
  g_assert_cmpuint (count_winners (desks, 2, "two desks", &winner), ==, 1);
  loser = &desks[1 - winner];
  g_assert_error (loser->error, XF_ERROR, XF_ERROR_CONFLICT);
  g_assert_cmpint (xf_pioneer_get_version (desks[winner].pioneer), ==, 2);
  g_assert_cmpint (xf_pioneer_get_version (loser->pioneer), ==, 1);

  assert_stored (fixture, desks[winner].tags, 2);

  /* The loser reloads, applies the change again, and saves. */
  g_clear_error (&loser->error);
  g_clear_object (&loser->pioneer);
  loser->pioneer = load (loser->registry, fixture->id);
  g_assert_cmpint (xf_pioneer_get_version (loser->pioneer), ==, 2);
  g_object_set (loser->pioneer, "tags", loser->tags, NULL);
  g_assert_true (xf_registry_save_pioneer (loser->registry, loser->pioneer, &error));
  g_assert_no_error (error);

  assert_stored (fixture, loser->tags, 3);
  g_assert_cmpint (query_int64 (fixture, "SELECT count(*) FROM audit_log WHERE field = 'tags'"), ==, 3);

  desks_clear (desks, 2, &gate);
}

/* 100 desks run one conditional UPDATE on one row at once: one winner. */
static void
test_conditional_update (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree Desk *desks = g_new0 (Desk, N_DESKS);
  guint winner = 0;
  Gate gate;

  desks_init (desks, N_DESKS, &gate, fixture->location);
  for (guint i = 0; i < N_DESKS; i++)
    {
      desks[i].id = fixture->id;
      desks[i].version = 1;
    }

  run_desks (desks, N_DESKS, conditional_update_thread);
  g_assert_cmpuint (count_winners (desks, N_DESKS, "conditional update", &winner), ==, 1);

  assert_stored (fixture, desks[winner].tags, 2);

  desks_clear (desks, N_DESKS, &gate);
}

/* 100 desks save the same stale version through XfRegistry: one winner. */
static void
test_registry_saves (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(XfPioneer) stale = load (fixture->registry, fixture->id);
  g_autofree Desk *desks = g_new0 (Desk, N_DESKS);
  guint winner = 0;
  Gate gate;

  desks_init (desks, N_DESKS, &gate, fixture->location);
  for (guint i = 0; i < N_DESKS; i++)
    {
      desks[i].pioneer = xf_pioneer_copy (stale);
      g_object_set (desks[i].pioneer, "tags", desks[i].tags, NULL);
    }

  run_desks (desks, N_DESKS, save_pioneer_thread);
  g_assert_cmpuint (count_winners (desks, N_DESKS, "registry saves", &winner), ==, 1);
  for (guint i = 0; i < N_DESKS; i++)
    if (i != winner && xf_test_using_postgresql ())
      g_assert_error (desks[i].error, XF_ERROR, XF_ERROR_CONFLICT);

  assert_stored (fixture, desks[winner].tags, 2);
  /* One history row for the creation and one for the winner: losers wrote nothing. */
  g_assert_cmpint (query_int64 (fixture, "SELECT count(*) FROM audit_log WHERE field = 'tags'"), ==, 2);

  desks_clear (desks, N_DESKS, &gate);
}

/* Writes in a transaction: a changed tag and a new file. */
static void
write_in_transaction (XfStore    *store,
                      const char *tags,
                      const char *name,
                      gint64      id)
{
  g_autoptr(XfRegistry) registry = xf_test_new_registry (store);
  g_autoptr(XfPioneer) pioneer = load (registry, id);
  g_autoptr(XfPioneer) added = xf_pioneer_new ("individual");
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_db_begin (xf_store_get_db (store), &error));
  g_assert_no_error (error);
  g_object_set (pioneer, "tags", tags, NULL);
  g_assert_true (xf_registry_save_pioneer (registry, pioneer, &error));
  g_assert_no_error (error);
  g_object_set (added, "name", name, NULL);
  g_assert_true (xf_registry_save_pioneer (registry, added, &error));
  g_assert_no_error (error);
}

/* A desk loses its connection between its writes and its commit: nothing is written. */
static void
test_dropped_mid_transaction (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(XfStore) desk = xf_test_open_store_at (fixture->location);
  XfDb *db = xf_store_get_db (desk);
  g_autoptr(GError) error = NULL;
  gint64 pid = 0;

  if (xf_test_using_postgresql ())
    {
      pid = xf_test_backend_pid (db);
      write_in_transaction (desk, "dropped", "掉线", fixture->id);
      xf_test_terminate_backend (xf_store_get_db (fixture->store), pid);

      g_assert_false (xf_db_commit (db, &error));
      g_assert_error (error, XF_ERROR, XF_ERROR_OFFLINE);
      g_clear_error (&error);
      g_assert_false (xf_db_in_transaction (db));
      g_assert_false (xf_db_is_online (db));
    }
  else
    {
      /* A desk that goes away mid-transaction: its connection closes unfinished. */
      write_in_transaction (desk, "dropped", "掉线", fixture->id);
      g_assert_finalize_object (g_steal_pointer (&desk));
    }

  assert_stored (fixture, "start", 1);
  g_assert_cmpint (query_int64 (fixture, "SELECT count(*) FROM pioneers"), ==, 1);
  g_assert_cmpint (query_int64 (fixture, "SELECT count(*) FROM audit_log WHERE field = 'tags'"), ==, 1);

  /* Back again, the same work goes through. */
  if (desk != NULL)
    {
      g_assert_true (xf_db_reconnect (db, &error));
      g_assert_no_error (error);
      g_assert_true (xf_db_is_online (db));
      g_assert_cmpint (xf_test_backend_pid (db), !=, pid);
    }
  else
    desk = xf_test_open_store_at (fixture->location);
  write_in_transaction (desk, "retried", "重试", fixture->id);
  g_assert_true (xf_db_commit (xf_store_get_db (desk), &error));
  g_assert_no_error (error);

  assert_stored (fixture, "retried", 2);
  g_assert_cmpint (query_int64 (fixture, "SELECT count(*) FROM pioneers"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/concurrency/two-desks", Fixture, NULL, set_up, test_two_desks, tear_down);
  g_test_add ("/core/concurrency/conditional-update", Fixture, NULL, set_up,
              test_conditional_update, tear_down);
  g_test_add ("/core/concurrency/registry-saves", Fixture, NULL, set_up, test_registry_saves, tear_down);
  g_test_add ("/core/concurrency/dropped-mid-transaction", Fixture, NULL, set_up,
              test_dropped_mid_transaction, tear_down);

  return g_test_run ();
}
