/* test-cli-services.c — `services …` on a demo database, and many
 *                       processes claiming one request at once
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "xf-cli-test-util.h"
#include "xf-test-files.h"
#include "xf-test-services.h"
#include "xf-test-store.h"

static char *tmp_dir;
static char *database_path;   /* demo data with its services, made once by main() */

#define run_cli(run, ...) xf_cli_run_as_admin ((run), database_path, __VA_ARGS__)
#define N_CLAIMERS 12

static gint64
query_int (const char *sql)
{
  return xf_cli_query_int (database_path, sql);
}

static char *
query_text (const char *sql)
{
  return xf_cli_query_text (database_path, sql);
}

static JsonObject *
run_json_object (XfCliRun  *run,
                 JsonNode **root)
{
  *root = xf_cli_run_json (run);
  return json_node_get_object (*root);
}

/* The demo fills every services table, with each status and story. */
static void
test_demo_tables (void)
{
  static const char * const tables[] = {
    "service_items", "service_offers", "service_requests", "service_claims", "service_request_events",
    "service_feedback", "apprenticeships", "apprenticeship_check_ins", "activities", "activity_participants",
    "engagement_events",
  };
  static const char * const statuses[] = {
    "open", "booked", "claimed", "in-progress", "done", "cancelled", "expired",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);

      if (query_int (sql) == 0)
        g_error ("The demo left %s empty", tables[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM service_requests WHERE status = '%s'",
                                              statuses[i]);

      if (query_int (sql) == 0)
        g_error ("No demo request is %s", statuses[i]);
    }
  g_assert_cmpint (query_int ("SELECT count(*) FROM service_offers"), >=, 200);
  g_assert_cmpint (query_int ("SELECT count(DISTINCT pioneer_id) FROM service_offers"), >=, 100);
  g_assert_cmpint (query_int ("SELECT count(*) FROM service_claims WHERE won = 0"), >, 0);
  g_assert_cmpint (query_int ("SELECT count(*) FROM service_requests WHERE claim_kind = 'booking'"), >, 0);
  g_assert_cmpint (query_int ("SELECT count(*) FROM service_requests WHERE claim_kind = 'assignment'"), >, 0);
  g_assert_cmpint (query_int ("SELECT count(*) FROM service_feedback WHERE liked = 1"), >, 0);
  g_assert_cmpint (query_int ("SELECT count(*) FROM service_feedback WHERE follow_up_status = 'open'"), ==, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM service_feedback WHERE follow_up_status = 'closed'"), ==, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM service_requests WHERE channel = 'import'"), >, 0);
  g_assert_cmpint (query_int ("SELECT count(DISTINCT status) FROM apprenticeships"), >=, 4);
  g_assert_cmpint (query_int ("SELECT count(DISTINCT status) FROM activities"), ==, 3);
  g_assert_cmpint (query_int ("SELECT count(*) FROM activity_participants WHERE attended = 1 "
                              "AND pioneer_id IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int ("SELECT count(DISTINCT kind) FROM engagement_events"), >=, 8);
  /* A year of it. */
  g_assert_cmpint (query_int ("SELECT max(created_at) - min(created_at) FROM service_requests"), >,
                   G_GINT64_CONSTANT (300) * 24 * 3600 * G_USEC_PER_SEC);
}

static void
test_catalogue (void)
{
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *object;

  run_cli (&run, "services", "catalogue", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpuint (xf_cli_count_lines (run.out), ==, 24);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Code\tName\tGroup\tResponse time\tActive");
  g_assert_nonnull (strstr (run.out, "cp-epidemic-prevention\tEpidemic prevention\t"));

  run_cli (&json, "services", "catalogue", "--json", NULL);
  object = run_json_object (&json, &root);
  g_assert_cmpint (json_object_get_int_member (object, "count"), ==, 23);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (object, "items"), 0), "group"), ==, "common-prosperity");
}

static void
test_list (void)
{
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) json = { 0 };
  g_auto(XfCliRun) open = { 0 };
  g_auto(XfCliRun) item = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) open_root = NULL;
  g_autoptr(JsonNode) item_root = NULL;
  gint64 n = query_int ("SELECT count(*) FROM service_requests");
  g_autofree char *code = query_text ("SELECT i.code FROM service_requests r JOIN service_items i "
                                      "ON i.id = r.item_id GROUP BY i.code ORDER BY count(*) DESC, i.code LIMIT 1");
  JsonArray *requests;

  run_cli (&run, "services", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (xf_cli_count_lines (run.out), ==, n + 1);
  g_assert_true (g_str_has_prefix (run.out, "ID\tCode\tStatus\tOverdue\tService\tRegion\tRequester\tPioneer\t"));

  run_cli (&json, "services", "list", "--json", NULL);
  g_assert_cmpint (json_object_get_int_member (run_json_object (&json, &root), "count"), ==, n);

  run_cli (&open, "services", "list", "--status", "unclaimed", "--json", NULL);
  requests = json_object_get_array_member (run_json_object (&open, &open_root), "requests");
  g_assert_cmpuint (json_array_get_length (requests), ==,
                    query_int ("SELECT count(*) FROM service_requests WHERE status IN ('open', 'booked')"));
  /* The dispatcher's queue: the overdue first; contacts plain for the administrator. */
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (requests, 0), "overdue"));
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (requests, 0), "contact_masked"));

  run_cli (&item, "services", "list", "--item", code, "--json", NULL);
  requests = json_object_get_array_member (run_json_object (&item, &item_root), "requests");
  g_assert_cmpuint (json_array_get_length (requests), >, 0);
  for (guint i = 0; i < json_array_get_length (requests); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (requests, i), "item"), ==, code);
}

static void
test_show (void)
{
  g_autofree char *id = xf_cli_id_text (query_int ("SELECT request_id FROM service_feedback "
                                                   "WHERE follow_up_status = 'open'"));
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *feedback;
  JsonArray *events;

  run_cli (&run, "services", "show", id, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Status: Done\n"));
  g_assert_nonnull (strstr (run.out, "\nFeedback:\n"));
  g_assert_nonnull (strstr (run.out, "\nTimeline:\n"));

  run_cli (&json, "services", "show", id, "--json", NULL);
  object = run_json_object (&json, &root);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "done");
  feedback = json_object_get_object_member (object, "feedback");
  g_assert_cmpstr (json_object_get_string_member (feedback, "follow_up_status"), ==, "open");
  g_assert_nonnull (json_object_get_string_member (feedback, "complaint"));
  events = json_object_get_array_member (object, "events");
  g_assert_cmpuint (json_array_get_length (events), >=, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (events, 0), "kind"), ==, "created");
}

static void
test_show_by_code (void)
{
  g_autofree char *code = query_text ("SELECT code FROM service_requests ORDER BY id LIMIT 1");
  g_autofree char *uid = query_text ("SELECT uid FROM service_requests ORDER BY id LIMIT 1");
  g_auto(XfCliRun) by_code = { 0 };
  g_auto(XfCliRun) by_uid = { 0 };
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;

  run_cli (&by_code, "services", "show", code, "--json", NULL);
  run_cli (&by_uid, "services", "show", uid, "--json", NULL);
  g_assert_cmpstr (json_object_get_string_member (run_json_object (&by_code, &a), "uid"), ==, uid);
  g_assert_cmpstr (json_object_get_string_member (run_json_object (&by_uid, &b), "code"), ==, code);
}

/* A booking names its pioneer by uid too, the uid an import's "pioneer"
 * takes, so a script can follow a booking without a second look-up. */
static void
test_booked_uid (void)
{
  g_autofree char *id = query_text ("SELECT id FROM service_requests WHERE status = 'booked' ORDER BY id LIMIT 1");
  g_autofree char *sql = g_strdup_printf ("SELECT p.uid FROM service_requests r JOIN pioneers p"
                                          " ON p.id = r.booked_pioneer_id WHERE r.id = %s", id);
  g_autofree char *uid = query_text (sql);
  g_auto(XfCliRun) show = { 0 };
  g_auto(XfCliRun) list = { 0 };
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  JsonArray *requests;

  run_cli (&show, "services", "show", id, "--json", NULL);
  g_assert_cmpstr (json_object_get_string_member (run_json_object (&show, &a), "booked_pioneer_uid"), ==, uid);
  run_cli (&list, "services", "list", "--status", "booked", "--json", NULL);
  requests = json_object_get_array_member (run_json_object (&list, &b), "requests");
  g_assert_cmpuint (json_array_get_length (requests), >, 0);
  for (guint i = 0; i < json_array_get_length (requests); i++)
    g_assert_nonnull (json_object_get_string_member (json_array_get_object_element (requests, i),
                                                     "booked_pioneer_uid"));
}

static void
test_bad_arguments (void)
{
  const XfCliEnv env = { .database = database_path, .user = "admin", .password = "xianfeng" };

  xf_cli_assert_run_fails (&env, (const char *[]) { "services", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "services", "fly", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "services", "list", "--status", "lost", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "services", "show", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "services", "claim", "1", NULL }, 2);
  /* The steps: a request, and a reason or note where one is needed. */
  xf_cli_assert_run_fails (&env, (const char *[]) { "services", "accept", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "services", "accept", "1", "2", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "services", "accept", "1", "--json", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "services", "decline", "1", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "services", "start", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "services", "start", "1", "now", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "services", "complete", "1", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "services", "cancel", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "services", "cancel", "1", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "services", "cancel", "1", "why", "more", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "services", "import", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "services", "list", "--limit", "0", NULL }, 2);
  /* Not found: 1. */
  xf_cli_assert_run_fails (&env, (const char *[]) { "services", "show", "ZZZZ-ZZZZ", NULL }, 1);
  xf_cli_assert_run_fails (&env, (const char *[]) { "services", "show", "999999", NULL }, 1);
  xf_cli_assert_run_fails (&env, (const char *[]) { "services", "list", "--item", "cp-nothing", NULL }, 1);
  xf_cli_assert_run_fails (&env, (const char *[]) { "services", "import", "/nonexistent/x.jsonl", NULL }, 1);
}

static char *
write_lines (const char *name,
             const char *text)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

#define LINE(id, region, description) \
  "{\"source_id\": \"" id "\", \"requester\": \"测试者\", \"contact\": \"13912345678\", " \
  "\"item\": \"cp-legal-aid\", \"region\": \"" region "\", \"description\": \"" description "\"}\n"

static void
test_import (void)
{
  g_autofree char *mixed = write_lines ("mixed.jsonl", LINE ("cli-1", "330521", "好的") "{oops\n"
                                                       LINE ("cli-2", "330502", "也好") LINE ("cli-3", "99", "坏地区"));
  g_autofree char *good = write_lines ("good.jsonl", LINE ("cli-4", "330521", "全好"));
  g_auto(XfCliRun) first = { 0 };
  g_auto(XfCliRun) second = { 0 };
  g_auto(XfCliRun) clean = { 0 };
  g_auto(XfCliRun) clean_again = { 0 };
  g_auto(GStrv) lines = NULL;

  run_cli (&first, "services", "import", mixed, NULL);
  g_assert_cmpint (first.status, ==, 1);
  lines = g_strsplit (first.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "2 taken, 0 skipped, 2 refused");
  g_assert_true (g_str_has_prefix (lines[1], "Line 2: Not JSON: "));
  g_assert_cmpstr (lines[2], ==, "Line 4: Region: “99” is not a known region code");
  g_assert_cmpint (query_int ("SELECT count(*) FROM service_requests WHERE source_id IN ('cli-1', 'cli-2')"), ==, 2);

  run_cli (&second, "services", "import", mixed, NULL);
  g_assert_cmpint (second.status, ==, 1);
  g_assert_true (g_str_has_prefix (second.out, "0 taken, 2 skipped, 2 refused\n"));

  /* Nothing refused: 0, also when everything was skipped. */
  run_cli (&clean, "services", "import", good, NULL);
  g_assert_cmpint (clean.status, ==, 0);
  g_assert_cmpstr (clean.out, ==, "1 taken, 0 skipped, 0 refused\n");
  run_cli (&clean_again, "services", "import", good, NULL);
  g_assert_cmpint (clean_again.status, ==, 0);
  g_assert_cmpstr (clean_again.out, ==, "0 taken, 1 skipped, 0 refused\n");
}

static void
test_suggest_and_expire (void)
{
  g_autofree char *id = xf_cli_id_text (query_int ("SELECT id FROM service_requests WHERE status = 'open' "
                                                   "ORDER BY id LIMIT 1"));
  g_auto(XfCliRun) suggest = { 0 };
  g_auto(XfCliRun) expire = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *matches;
  double previous = 2;

  run_cli (&suggest, "services", "suggest", id, "--limit", "5", "--json", NULL);
  object = run_json_object (&suggest, &root);
  matches = json_object_get_array_member (object, "suggestions");
  g_assert_cmpuint (json_array_get_length (matches), >=, 1);
  g_assert_cmpuint (json_array_get_length (matches), <=, 5);
  for (guint i = 0; i < json_array_get_length (matches); i++)
    {
      double score = json_object_get_double_member (json_array_get_object_element (matches, i), "score");

      g_assert_cmpfloat (score, <=, previous);
      g_assert_cmpfloat (score, >, 0);
      previous = score;
    }

  /* The demo expired what was due already. */
  run_cli (&expire, "services", "expire", NULL);
  g_assert_cmpint (expire.status, ==, 0);
  g_assert_cmpstr (expire.out, ==, "Expired 0 requests whose date had passed\n");
}

/* A new open request of the item most pioneers offer, and up to
 * N_CLAIMERS of them (uids) who may claim it. */
static char *
open_request_for_claims (GPtrArray *claimers)
{
  g_autofree char *item = query_text ("SELECT i.code FROM service_offers o JOIN service_items i ON i.id = o.item_id "
                                      "JOIN pioneers p ON p.id = o.pioneer_id WHERE o.available = 1 "
                                      "AND p.status = 'active' GROUP BY i.code ORDER BY count(*) DESC, i.code LIMIT 1");
  g_autofree char *line = g_strdup_printf ("{\"source_id\": \"race-1\", \"requester\": \"抢单测试\", "
                                           "\"contact\": \"13800001234\", \"item\": \"%s\", \"region\": \"330521\", "
                                           "\"description\": \"看谁先抢到。\"}\n", item);
  g_autofree char *path = write_lines ("race.jsonl", line);
  g_autofree char *sql = NULL;
  g_auto(XfCliRun) run = { 0 };
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  run_cli (&run, "services", "import", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "1 taken, 0 skipped, 0 refused\n");

  store = xf_test_open_store_at (database_path);
  stmt = xf_db_prepare (xf_store_get_db (store),
                        "SELECT p.uid FROM service_offers o JOIN service_items i ON i.id = o.item_id "
                        "JOIN pioneers p ON p.id = o.pioneer_id WHERE o.available = 1 AND p.status = 'active' "
                        "AND i.code = $1 ORDER BY p.id", &error);
  g_assert_no_error (error);
  xf_db_stmt_bind_text (stmt, 1, item);
  while (claimers->len < N_CLAIMERS && xf_db_stmt_step (stmt, &error) == XF_DB_STEP_ROW)
    g_ptr_array_add (claimers, xf_db_stmt_dup_text (stmt, 0));
  g_assert_no_error (error);
  g_assert_cmpuint (claimers->len, >=, 2);
  return xf_test_query_text (store, "SELECT code FROM service_requests WHERE source_id = 'race-1'");
}

/* 抢单 from many processes at once: exactly one wins (exit 0), every
 * other one hears who did (exit 1, "Already claimed by …"). */
static void
test_concurrent_claims (void)
{
  g_autoptr(GPtrArray) claimers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *code = open_request_for_claims (claimers);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  GSubprocess *processes[N_CLAIMERS] = { NULL };
  const char *cli = g_getenv ("XIANFENG_CLI");
  g_autofree char *winner_uid = NULL;
  guint winners = 0, losers = 0;

  g_subprocess_launcher_setenv (launcher, "XIANFENG_DATABASE", database_path, TRUE);
  g_subprocess_launcher_setenv (launcher, "XIANFENG_USER", "admin", TRUE);
  g_subprocess_launcher_setenv (launcher, "XIANFENG_PASSWORD", "xianfeng", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANG", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");

  /* All started before any is waited for. */
  for (guint i = 0; i < N_CLAIMERS; i++)
    {
      const char *pioneer = g_ptr_array_index (claimers, i % claimers->len);
      g_autoptr(GError) error = NULL;

      processes[i] = g_subprocess_launcher_spawn (launcher, &error, cli, "services", "claim", code, pioneer, NULL);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < N_CLAIMERS; i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (g_subprocess_communicate_utf8 (processes[i], NULL, NULL, &out, &err, &error));
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_exited (processes[i]));
      if (g_subprocess_get_exit_status (processes[i]) == 0)
        {
          winners++;
          g_assert_true (g_str_has_prefix (out, "Request "));
          g_assert_cmpstr (err, ==, "");
          winner_uid = g_strdup (g_ptr_array_index (claimers, i % claimers->len));
        }
      else
        {
          losers++;
          g_assert_cmpint (g_subprocess_get_exit_status (processes[i]), ==, 1);
          if (!g_str_has_prefix (err, "xianfeng-cli: Already claimed by "))
            g_error ("A losing claim said: %s", err);
        }
      g_clear_object (&processes[i]);
    }
  g_assert_cmpuint (winners, ==, 1);
  g_assert_cmpuint (losers, ==, N_CLAIMERS - 1);

  /* The request is the winner's, and every attempt is on record. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT p.uid FROM service_requests r JOIN pioneers p "
                                            "ON p.id = r.claimed_by WHERE r.code = '%s' AND r.status = 'claimed' "
                                            "AND r.claim_kind = 'claim'", code);
    g_autofree char *claimed_by = query_text (sql);
    g_autofree char *attempts = g_strdup_printf ("SELECT count(*) FROM service_claims c JOIN service_requests r "
                                                 "ON r.id = c.request_id WHERE r.code = '%s'", code);
    g_autofree char *won = g_strdup_printf ("SELECT count(*) FROM service_claims c JOIN service_requests r "
                                            "ON r.id = c.request_id WHERE r.code = '%s' AND c.won = 1", code);

    g_assert_cmpstr (claimed_by, ==, winner_uid);
    g_assert_cmpint (query_int (attempts), ==, N_CLAIMERS);
    g_assert_cmpint (query_int (won), ==, 1);
  }
}

/* The request @reference as core reads it now, on a connection of its own
 * (another desk), as the local administrator. */
static XfServiceRequest *
load_request (const char *reference)
{
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfServices) services = xf_test_services_new_desk (database_path, &store);
  g_autoptr(GError) error = NULL;
  gint64 id = xf_services_find_request (services, reference, &error);
  XfServiceRequest *request;

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  request = xf_services_get_request (services, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (request);
  return request;
}

/* The newest event of @request's timeline. */
static const XfServiceEvent *
last_event (const XfServiceRequest *request)
{
  g_assert_nonnull (request->events);
  g_assert_cmpuint (request->events->len, >, 0);
  return g_ptr_array_index (request->events, request->events->len - 1);
}

/* Runs `services …` as @user and checks it succeeded with @expected on
 * standard output and nothing on standard error. */
static void
assert_step (const char *user,
             const char *expected,
             const char *first,
             ...)
{
  const XfCliEnv env = { .database = database_path, .user = user, .password = "xianfeng" };
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(XfCliRun) run = { 0 };
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  xf_cli_run (&run, &env, (const char * const *) args->pdata);
  if (run.status != 0)
    g_error ("services %s exited %d: %s", (const char *) args->pdata[1], run.status, run.err);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, expected);
}

/* The newest booked request whose pioneer is active (who may accept it). */
static char *
booked_request (const char *not_this)
{
  g_autofree char *sql = g_strdup_printf ("SELECT r.code FROM service_requests r JOIN pioneers p"
                                          " ON p.id = r.booked_pioneer_id WHERE r.status = 'booked'"
                                          " AND p.status = 'active' AND r.code <> '%s'"
                                          " ORDER BY r.id DESC LIMIT 1", not_this != NULL ? not_this : "");

  return query_text (sql);
}

/* A booking's whole way through the desk's steps by the dispatcher, each
 * checked in core: accepted (claimed by the booked pioneer, a booking),
 * started, completed with its note (and the pioneer's service-done
 * event); another declined (open again, the reason in its timeline); an
 * open one cancelled with its reason. The request is named by code, number
 * or uid. */
static void
test_progress (void)
{
  g_autofree char *code = booked_request (NULL);
  g_autoptr(XfServiceRequest) booked = load_request (code);
  g_autofree char *id = xf_cli_id_text (booked->id);
  g_autofree char *expected = NULL;
  gint64 pioneer = booked->booked_pioneer_id;

  g_assert_cmpint (pioneer, >, 0);
  expected = g_strdup_printf ("Request %s accepted by %s\n", code, booked->booked_pioneer_name);
  assert_step ("dispatcher", expected, "services", "accept", code, NULL);
  {
    g_autoptr(XfServiceRequest) request = load_request (code);

    g_assert_cmpstr (request->status, ==, XF_REQUEST_CLAIMED);
    g_assert_cmpint (request->claimed_by, ==, pioneer);
    g_assert_cmpstr (request->claim_kind, ==, "booking");
    g_assert_cmpint (request->claimed_at, >, 0);
    g_assert_cmpstr (last_event (request)->kind, ==, "accepted");
    g_assert_cmpstr (last_event (request)->actor, ==, "Dispatcher");   /* the signed-in account's name */
  }

  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Request %s started\n", code);
  assert_step ("dispatcher", expected, "services", "start", id, NULL);
  {
    g_autoptr(XfServiceRequest) request = load_request (code);

    g_assert_cmpstr (request->status, ==, XF_REQUEST_IN_PROGRESS);
    g_assert_cmpint (request->started_at, >, 0);
    g_assert_cmpstr (last_event (request)->kind, ==, "started");
  }

  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Request %s done\n", code);
  assert_step ("dispatcher", expected, "services", "complete", booked->uid, "讲完了，CLI", NULL);
  {
    g_autoptr(XfServiceRequest) request = load_request (code);
    g_autoptr(XfStore) store = NULL;
    g_autoptr(XfServices) services = xf_test_services_new_desk (database_path, &store);
    g_autoptr(GPtrArray) events = NULL;
    g_autoptr(GError) error = NULL;
    guint done = 0;

    g_assert_cmpstr (request->status, ==, XF_REQUEST_DONE);
    g_assert_cmpstr (request->done_note, ==, "讲完了，CLI");
    g_assert_cmpint (request->done_at, >, 0);
    g_assert_cmpstr (last_event (request)->kind, ==, "done");
    g_assert_cmpstr (last_event (request)->detail, ==, "讲完了，CLI");
    /* The pioneer's index counts it, once. */
    events = xf_services_list_engagement (services, pioneer, NULL, NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < events->len; i++)
      {
        const XfEngagementEvent *event = g_ptr_array_index (events, i);

        if (g_strcmp0 (event->record_uid, booked->uid) == 0 && g_str_equal (event->kind, XF_ENGAGEMENT_SERVICE_DONE))
          done++;
      }
    g_assert_cmpuint (done, ==, 1);
  }

  /* Declined: open for anyone, the reason on record. */
  {
    g_autofree char *other = booked_request (code);
    g_autoptr(XfServiceRequest) request = NULL;

    g_clear_pointer (&expected, g_free);
    expected = g_strdup_printf ("Request %s declined: open for any pioneer to claim\n", other);
    assert_step ("dispatcher", expected, "services", "decline", other, "本周外出", NULL);
    request = load_request (other);
    g_assert_cmpstr (request->status, ==, XF_REQUEST_OPEN);
    g_assert_cmpint (request->booked_pioneer_id, ==, 0);
    g_assert_cmpint (request->claimed_by, ==, 0);
    g_assert_cmpstr (last_event (request)->kind, ==, "declined");
    g_assert_cmpstr (last_event (request)->detail, ==, "本周外出");
  }

  /* Cancelled with its reason. */
  {
    g_autofree char *open = query_text ("SELECT code FROM service_requests WHERE status = 'open'"
                                        " ORDER BY id DESC LIMIT 1");
    g_autoptr(XfServiceRequest) request = NULL;

    g_clear_pointer (&expected, g_free);
    expected = g_strdup_printf ("Request %s cancelled\n", open);
    assert_step ("admin", expected, "services", "cancel", open, "重复提交", NULL);
    request = load_request (open);
    g_assert_cmpstr (request->status, ==, XF_REQUEST_CANCELLED);
    g_assert_cmpstr (request->cancel_reason, ==, "重复提交");
    g_assert_cmpstr (last_event (request)->kind, ==, "cancelled");
  }
}

/* Runs `services …` as @user, expects exit 1 with @message on standard
 * error (after "xianfeng-cli: ") and nothing on standard output. */
static void
assert_refused (const char * const *args,
                const char         *user,
                const char         *message)
{
  const XfCliEnv env = { .database = database_path, .user = user, .password = "xianfeng" };
  g_auto(XfCliRun) run = { 0 };

  xf_cli_run (&run, &env, args);
  xf_cli_assert_failed (&run, 1);
  if (strstr (run.err, message) == NULL)
    g_error ("services %s as %s said “%s”, not “%s”", args[1], user, run.err, message);
}

/* The roles without SERVICE_DISPATCH (clerk, reviewer, auditor) may take
 * no step: exit 1, "Permission denied", and the request as it was. A step
 * the status does not allow is refused too, and an empty reason or note. */
static void
test_progress_refused (void)
{
  g_autofree char *booked = booked_request (NULL);
  g_autofree char *open = query_text ("SELECT code FROM service_requests WHERE status = 'open'"
                                      " ORDER BY id DESC LIMIT 1");
  g_autofree char *claimed = query_text ("SELECT code FROM service_requests WHERE status = 'claimed'"
                                         " ORDER BY id DESC LIMIT 1");
  g_autoptr(XfServiceRequest) before_booked = load_request (booked);
  g_autoptr(XfServiceRequest) before_open = load_request (open);
  g_autoptr(XfServiceRequest) before_claimed = load_request (claimed);
  static const char * const users[] = { "clerk", "reviewer", "auditor" };

  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      assert_refused ((const char *[]) { "services", "accept", booked, NULL }, users[i], "Permission denied");
      assert_refused ((const char *[]) { "services", "decline", booked, "不去", NULL }, users[i], "Permission denied");
      assert_refused ((const char *[]) { "services", "start", claimed, NULL }, users[i], "Permission denied");
      assert_refused ((const char *[]) { "services", "complete", claimed, "好了", NULL }, users[i], "Permission denied");
      assert_refused ((const char *[]) { "services", "cancel", open, "不要了", NULL }, users[i], "Permission denied");
    }
  /* Not now: the request's status says why. */
  assert_refused ((const char *[]) { "services", "start", open, NULL }, "dispatcher",
                  "Cannot start a request that is open");
  assert_refused ((const char *[]) { "services", "accept", open, NULL }, "dispatcher",
                  "Cannot accept a booking of a request that is open");
  assert_refused ((const char *[]) { "services", "decline", claimed, "不去", NULL }, "dispatcher",
                  "Cannot decline a booking of a request that is claimed");
  /* A reason or note is required, and named. */
  assert_refused ((const char *[]) { "services", "cancel", open, " ", NULL }, "dispatcher", "Reason");
  assert_refused ((const char *[]) { "services", "complete", claimed, "", NULL }, "dispatcher", "Note");
  assert_refused ((const char *[]) { "services", "start", "ZZZZ-ZZZZ", NULL }, "dispatcher", "ZZZZ-ZZZZ");

  {
    g_autoptr(XfServiceRequest) after_booked = load_request (booked);
    g_autoptr(XfServiceRequest) after_open = load_request (open);
    g_autoptr(XfServiceRequest) after_claimed = load_request (claimed);

    g_assert_cmpstr (after_booked->status, ==, XF_REQUEST_BOOKED);
    g_assert_cmpint (after_booked->booked_pioneer_id, ==, before_booked->booked_pioneer_id);
    g_assert_cmpuint (after_booked->events->len, ==, before_booked->events->len);
    g_assert_cmpstr (after_open->status, ==, XF_REQUEST_OPEN);
    g_assert_cmpuint (after_open->events->len, ==, before_open->events->len);
    g_assert_cmpstr (after_claimed->status, ==, XF_REQUEST_CLAIMED);
    g_assert_cmpuint (after_claimed->events->len, ==, before_claimed->events->len);
  }
}

/* A reviewer may read the requests, never a requester's contact: masked
 * in --json and plain output alike. And no contact of a requester,
 * apprentice or participant is in the audit trail or an engagement event. */
static void
test_masked (void)
{
  const XfCliEnv env = { .database = database_path, .user = "reviewer", .password = "xianfeng" };
  g_autofree char *id = xf_cli_id_text (query_int ("SELECT min(id) FROM service_requests"));
  g_autofree char *contact = query_text ("SELECT requester_contact FROM service_requests ORDER BY id LIMIT 1");
  g_auto(XfCliRun) list = { 0 };
  g_auto(XfCliRun) show = { 0 };
  g_auto(XfCliRun) plain = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *requests;

  xf_cli_run_args (&list, &env, "services", "list", "--json", NULL);
  requests = json_object_get_array_member (run_json_object (&list, &root), "requests");
  g_assert_cmpuint (json_array_get_length (requests), ==, query_int ("SELECT count(*) FROM service_requests"));
  for (guint i = 0; i < json_array_get_length (requests); i++)
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (requests, i),
                                                   "contact_masked"));
  g_assert_null (strstr (list.out, contact));
  xf_cli_run_args (&show, &env, "services", "show", id, "--json", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_null (strstr (show.out, contact));
  xf_cli_run_args (&plain, &env, "services", "show", id, NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_null (strstr (plain.out, contact));

  /* LIKE, portably (no instr or strpos); contacts hold no wildcards that matter. */
  g_assert_cmpint (query_int ("SELECT count(*) FROM audit_log a JOIN service_requests r"
                              " ON coalesce(a.new_value, '') || ' ' || coalesce(a.old_value, '')"
                              " || ' ' || coalesce(a.record_label, '') LIKE '%' || r.requester_contact || '%'"), ==, 0);
  g_assert_cmpint (query_int ("SELECT count(*) FROM audit_log a JOIN apprenticeships p"
                              " ON p.apprentice_contact <> '' AND coalesce(a.new_value, '') || ' '"
                              " || coalesce(a.old_value, '') LIKE '%' || p.apprentice_contact || '%'"), ==, 0);
  g_assert_cmpint (query_int ("SELECT count(*) FROM audit_log a JOIN activity_participants p"
                              " ON p.contact <> '' AND coalesce(a.new_value, '') || ' ' || coalesce(a.old_value, '')"
                              " || ' ' || coalesce(a.field, '') LIKE '%' || p.contact || '%'"), ==, 0);
  g_assert_cmpint (query_int ("SELECT count(*) FROM engagement_events e JOIN service_requests r"
                              " ON e.source_id || ' ' || coalesce(e.record_uid, '') LIKE '%' || r.requester_contact || '%'"),
                   ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/services/demo-tables", test_demo_tables);
  g_test_add_func ("/cli/services/catalogue", test_catalogue);
  g_test_add_func ("/cli/services/list", test_list);
  g_test_add_func ("/cli/services/show", test_show);
  g_test_add_func ("/cli/services/show-by-code", test_show_by_code);
  g_test_add_func ("/cli/services/booked-uid", test_booked_uid);
  g_test_add_func ("/cli/services/masked", test_masked);
  g_test_add_func ("/cli/services/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/services/import", test_import);
  g_test_add_func ("/cli/services/suggest-and-expire", test_suggest_and_expire);
  g_test_add_func ("/cli/services/progress", test_progress);
  g_test_add_func ("/cli/services/progress-refused", test_progress_refused);
  g_test_add_func ("/cli/services/concurrent-claims", test_concurrent_claims);

  return xf_cli_run_tests_on_demo ("services.db", &tmp_dir, &database_path);
}
