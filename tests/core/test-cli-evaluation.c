/* test-cli-evaluation.c — `campaigns` and `nominations` on a demo database
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "xf-cli-test-util.h"
#include "xf-nomination.h"
#include "xf-store.h"
#include "xf-test-store.h"

static char *tmp_dir;
static char *database_path;   /* demo data with its campaigns, made once by main() */

#define run_cli(run, ...) xf_cli_run_as_admin ((run), database_path, __VA_ARGS__)

static gint64
query_int (const char *sql)
{
  return xf_cli_query_int (database_path, sql);
}

/* The id of this year's city campaign. */
static gint64
city_campaign (void)
{
  return query_int ("SELECT id FROM campaigns WHERE title LIKE '%湖州市劳动模范' ORDER BY year DESC LIMIT 1");
}

/* The lines of @text that are not empty. */
static GStrv
lines_of (const char *text)
{
  g_auto(GStrv) all = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; all[i] != NULL; i++)
    if (all[i][0] != '\0')
      g_strv_builder_add (builder, all[i]);
  return g_strv_builder_end (builder);
}

/*
 * campaigns list
 */

static void
test_campaigns_list (void)
{
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) json = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *campaigns;
  gint64 n = query_int ("SELECT count(*) FROM campaigns");
  gboolean found_city = FALSE;

  g_assert_cmpint (n, ==, 5);
  run_cli (&run, "campaigns", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  lines = lines_of (run.out);
  /* A heading, then one line per campaign, newest year first. */
  g_assert_cmpuint (g_strv_length (lines), ==, n + 1);
  g_assert_true (g_str_has_prefix (lines[0], "ID\tYear\tTitle\tLevel\tStatus\tQuota\tPromise\t"));
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 10);
      if (strstr (fields[2], "湖州市劳动模范") != NULL && g_str_equal (fields[4], "Open"))
        {
          found_city = TRUE;
          g_assert_cmpstr (fields[3], ==, "City");
          g_assert_cmpstr (fields[5], ==, "20");
          g_assert_cmpstr (fields[6], ==, "32 working days");
        }
    }
  g_assert_true (found_city);
  g_assert_nonnull (strstr (lines[n], "Closed"));   /* last year's comes last */

  run_cli (&json, "campaigns", "list", "--json", NULL);
  root = xf_cli_run_json (&json);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "count"), ==, n);
  campaigns = json_object_get_array_member (object, "campaigns");
  g_assert_cmpuint (json_array_get_length (campaigns), ==, n);
  found_city = FALSE;
  for (guint i = 0; i < json_array_get_length (campaigns); i++)
    {
      JsonObject *campaign = json_array_get_object_element (campaigns, i);
      const char *title = json_object_get_string_member (campaign, "title");

      if (json_object_get_int_member (campaign, "id") == city_campaign ())
        {
          found_city = TRUE;
          g_assert_nonnull (strstr (title, "湖州市劳动模范"));
          g_assert_cmpstr (json_object_get_string_member (campaign, "level"), ==, "city");
          g_assert_cmpstr (json_object_get_string_member (campaign, "status"), ==, "open");
          g_assert_cmpint (json_object_get_int_member (campaign, "quota"), ==, 20);
          g_assert_cmpint (json_object_get_int_member (campaign, "promise_days"), ==, 32);
          g_assert_cmpint (json_object_get_int_member (campaign, "nominations"), >, 10);
          g_assert_cmpint (json_object_get_int_member (campaign, "attention"), >, 0);
        }
      else if (json_object_get_int_member (campaign, "year") ==
               query_int ("SELECT min(year) FROM campaigns"))
        g_assert_cmpstr (json_object_get_string_member (campaign, "status"), ==, "closed");
    }
  g_assert_true (found_city);
}

static void
test_campaigns_list_year (void)
{
  g_autofree char *year = xf_cli_id_text (query_int ("SELECT min(year) FROM campaigns"));
  g_auto(XfCliRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *campaigns;

  run_cli (&run, "campaigns", "list", "--year", year, "--json", NULL);
  root = xf_cli_run_json (&run);
  campaigns = json_object_get_array_member (json_node_get_object (root), "campaigns");
  g_assert_cmpuint (json_array_get_length (campaigns), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (campaigns, 0), "status"),
                   ==, "closed");
}

/*
 * campaigns show
 */

static void
test_campaigns_show (void)
{
  g_autofree char *id = xf_cli_id_text (city_campaign ());
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *campaign;
  JsonArray *list;
  gint64 budgets = 0;
  guint chairs = 0;

  run_cli (&run, "campaigns", "show", id, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\nLevel: City\n"));
  g_assert_nonnull (strstr (run.out, "\nPromise: 32 working days\n"));
  g_assert_nonnull (strstr (run.out, "\nStage plan: Preliminary review: 10 working days\n"));
  g_assert_nonnull (strstr (run.out, "\nCommittee:\nreviewer\t"));
  g_assert_nonnull (strstr (run.out, "\nRounds:\n"));

  run_cli (&json, "campaigns", "show", id, "--json", NULL);
  root = xf_cli_run_json (&json);
  campaign = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (campaign, "quota"), ==, 20);
  /* Copied from last year's. */
  g_assert_cmpint (json_object_get_int_member (campaign, "copied_from"), ==,
                   query_int ("SELECT id FROM campaigns WHERE status = 'closed'"));
  list = json_object_get_array_member (campaign, "stage_plan");
  g_assert_cmpuint (json_array_get_length (list), ==, 4);
  for (guint i = 0; i < 4; i++)
    budgets += json_object_get_int_member (json_array_get_object_element (list, i), "days");
  g_assert_cmpint (budgets, ==, json_object_get_int_member (campaign, "promise_days"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (campaign, "rubric")), ==, 4);
  list = json_object_get_array_member (campaign, "committee");
  g_assert_cmpuint (json_array_get_length (list), ==, 7);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *member = json_array_get_object_element (list, i);

      if (json_object_get_boolean_member (member, "chair"))
        {
          chairs++;
          g_assert_cmpstr (json_object_get_string_member (member, "login"), ==, "reviewer");
        }
    }
  g_assert_cmpuint (chairs, ==, 1);
  /* A closed round and an open one. */
  list = json_object_get_array_member (campaign, "rounds");
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "status"),
                   ==, "open");
}

/*
 * nominations list
 */

static void
test_nominations_list (void)
{
  g_autoptr(GHashTable) stages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  const char * const *all = xf_stage_all ();
  gint64 total = 0;

  {
    g_autoptr(XfStore) store = xf_test_open_store_at (database_path);
    g_autoptr(XfDbStmt) stmt = xf_db_prepare (xf_store_get_db (store), "SELECT id FROM campaigns ORDER BY id", NULL);

    while (xf_db_stmt_step (stmt, NULL) == XF_DB_STEP_ROW)
      g_ptr_array_add (ids, xf_cli_id_text (xf_db_stmt_column_int64 (stmt, 0)));
  }
  g_assert_cmpuint (ids->len, ==, 5);

  for (guint c = 0; c < ids->len; c++)
    {
      g_auto(XfCliRun) run = { 0 };
      g_autoptr(JsonNode) root = NULL;
      JsonArray *nominations;

      run_cli (&run, "nominations", "list", "--campaign", g_ptr_array_index (ids, c), "--json", NULL);
      root = xf_cli_run_json (&run);
      nominations = json_object_get_array_member (json_node_get_object (root), "nominations");
      g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "count"), ==,
                       json_array_get_length (nominations));
      for (guint i = 0; i < json_array_get_length (nominations); i++)
        {
          JsonObject *nomination = json_array_get_object_element (nominations, i);
          const char *stage = json_object_get_string_member (nomination, "stage");

          g_assert_cmpint (json_object_get_int_member (nomination, "campaign_id"), ==,
                           g_ascii_strtoll (g_ptr_array_index (ids, c), NULL, 10));
          g_hash_table_add (stages, g_strdup (stage));
          /* Every stage that counts against the promise has a due date. */
          if (xf_stage_counts (stage))
            {
              g_assert_false (json_object_get_null_member (nomination, "due_on"));
              g_assert_cmpstr (json_object_get_string_member (nomination, "due_state"), !=, "none");
            }
          if (xf_stage_is_final (stage))
            g_assert_false (json_object_get_null_member (nomination, "decided_on"));
        }
      total += json_array_get_length (nominations);
    }

  for (guint i = 0; all[i] != NULL; i++)
    if (!g_hash_table_contains (stages, all[i]))
      g_error ("No demo nomination is in the stage “%s”", all[i]);
  g_assert_cmpint (total, ==, query_int ("SELECT count(*) FROM nominations"));
}

static void
test_nominations_text (void)
{
  g_auto(XfCliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_cli (&run, "nominations", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = lines_of (run.out);
  g_assert_cmpstr (lines[0], ==, "ID\tCandidate\tNominating unit\tCampaign\tStage\tDue\tDeadline");
  g_assert_cmpuint (g_strv_length (lines), ==, query_int ("SELECT count(*) FROM nominations") + 1);
  g_assert_nonnull (strstr (run.out, "\tPreliminary review\t"));
  g_assert_nonnull (strstr (run.out, "\tOverdue\n"));
  g_assert_nonnull (strstr (run.out, "\tDue soon\n"));
}

static void
test_nominations_filters (void)
{
  g_auto(XfCliRun) committee = { 0 };
  g_auto(XfCliRun) attention = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) urgent = NULL;
  JsonArray *list;

  run_cli (&committee, "nominations", "list", "--stage", "committee", "--json", NULL);
  root = xf_cli_run_json (&committee);
  list = json_object_get_array_member (json_node_get_object (root), "nominations");
  g_assert_cmpuint (json_array_get_length (list), ==,
                    query_int ("SELECT count(*) FROM nominations WHERE stage = 'committee'"));
  for (guint i = 0; i < json_array_get_length (list); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, i), "stage"),
                     ==, "committee");

  run_cli (&attention, "nominations", "list", "--attention", "--json", NULL);
  urgent = xf_cli_run_json (&attention);
  list = json_object_get_array_member (json_node_get_object (urgent), "nominations");
  g_assert_cmpuint (json_array_get_length (list), >, 0);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      const char *state = json_object_get_string_member (json_array_get_object_element (list, i), "due_state");

      g_assert_true (g_str_equal (state, "soon") || g_str_equal (state, "overdue"));
    }
}

/*
 * nominations show
 */

static void
test_nominations_show (void)
{
  /* A conferred one: the whole way through. */
  g_autofree char *id = xf_cli_id_text (query_int ("SELECT min(id) FROM nominations WHERE stage = 'conferred'"));
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *nomination;
  JsonArray *timeline;
  const char * const expected[] = { "draft", "preliminary", "committee", "notice", "decision", "conferred" };

  run_cli (&run, "nominations", "show", id, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\nStage: Conferred\n"));
  g_assert_nonnull (strstr (run.out, "\nTimeline:\nStage\tEntered\tLeft\tDue\tDays used\tDays left\t"));
  g_assert_nonnull (strstr (run.out, "\nJoint vetting:\n"));

  run_cli (&json, "nominations", "show", id, "--json", NULL);
  root = xf_cli_run_json (&json);
  nomination = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (nomination, "stage"), ==, "conferred");
  g_assert_false (json_object_get_null_member (nomination, "rank"));
  timeline = json_object_get_array_member (nomination, "timeline");
  g_assert_cmpuint (json_array_get_length (timeline), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *visit = json_array_get_object_element (timeline, i);

      g_assert_cmpstr (json_object_get_string_member (visit, "stage"), ==, expected[i]);
      /* Every visit has ended, the final one as it began. */
      g_assert_false (json_object_get_null_member (visit, "left_on"));
    }
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (nomination, "vettings")), ==, 4);
}

/*
 * campaigns report
 */

static void
test_campaigns_report (void)
{
  g_autofree char *id = xf_cli_id_text (query_int ("SELECT id FROM campaigns WHERE status = 'closed'"));
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *report;
  JsonArray *rows;
  gint64 decided;

  run_cli (&run, "campaigns", "report", id, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\nPromise: 32 working days from submission to decision\n"));
  g_assert_nonnull (strstr (run.out, "\nID\tCandidate\tNominating unit\tStage\tSubmitted\tDecided\t"
                                     "Office days\tUnit days\tWithin promise\n"));
  g_assert_nonnull (strstr (run.out, "\nAverage: "));
  g_assert_nonnull (strstr (run.out, " working days over "));
  g_assert_nonnull (strstr (run.out, "(promise 32 working days)"));

  run_cli (&json, "campaigns", "report", id, "--json", NULL);
  root = xf_cli_run_json (&json);
  report = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (report, "promise_days"), ==, 32);
  decided = json_object_get_int_member (report, "decided");
  /* Every one but the withdrawn nomination reached its end. */
  g_assert_cmpint (decided, ==,
                   query_int ("SELECT count(*) FROM nominations n JOIN campaigns c ON c.id = n.campaign_id "
                              "WHERE c.status = 'closed' AND n.stage <> 'withdrawn'"));
  g_assert_cmpfloat (json_object_get_double_member (report, "average_days"), >, 5);
  g_assert_cmpfloat (json_object_get_double_member (report, "average_days"), <, 40);
  g_assert_cmpint (json_object_get_int_member (report, "within_promise"), <=, decided);
  rows = json_object_get_array_member (report, "nominations");
  g_assert_cmpuint (json_array_get_length (rows), ==,
                    query_int ("SELECT count(*) FROM nominations n JOIN campaigns c ON c.id = n.campaign_id "
                               "WHERE c.status = 'closed'"));
}

/*
 * Errors
 */

static void
test_unknown_ids (void)
{
  const char *cases[][5] = {
    { "campaigns", "show", "999999", NULL },
    { "campaigns", "report", "999999", NULL },
    { "campaigns", "show", "999999", "--json", NULL },
    { "nominations", "show", "999999", NULL },
    { "nominations", "list", "--campaign", "999999", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(XfCliRun) run = { 0 };

      run_cli (&run, cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);
      xf_cli_assert_failed (&run, 1);
      g_assert_nonnull (strstr (run.err, "999999"));
    }
}

static void
test_bad_arguments (void)
{
  XfCliEnv env = { .database = database_path, .user = "admin", .password = "xianfeng" };
  const char *cases[][5] = {
    { "campaigns", NULL },
    { "campaigns", "frobnicate", NULL },
    { "campaigns", "show", NULL },
    { "campaigns", "show", "twelve", NULL },
    { "campaigns", "report", "1", "2", NULL },
    { "campaigns", "list", "--year", "last", NULL },
    { "campaigns", "list", "--stage", "draft", NULL },
    { "nominations", "list", "--stage", "lost", NULL },
    { "nominations", "list", "--campaign", NULL },
    { "nominations", "list", "--year", "2026", NULL },
    { "nominations", "show", "-3", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    xf_cli_assert_run_fails (&env, cases[i], 2);
}

/* A reviewer reads the lists too; what is withheld stays withheld. */
static void
test_as_reviewer (void)
{
  g_autofree char *id = xf_cli_id_text (query_int ("SELECT min(n.id) FROM nominations n "
                                            "JOIN round_nominations rn ON rn.nomination_id = n.id "
                                            "JOIN review_rounds r ON r.id = rn.round_id "
                                            "WHERE r.status = 'open'"));
  g_auto(XfCliRun) list = { 0 };
  g_auto(XfCliRun) show = { 0 };
  g_autoptr(JsonNode) root = NULL;
  XfCliEnv env = { .database = database_path, .user = "reviewer", .password = "xianfeng" };

  xf_cli_run_args (&list, &env, "campaigns", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  /* The chair has not declared yet in the open round: no case text. */
  xf_cli_run_args (&show, &env, "nominations", "show", id, "--json", NULL);
  root = xf_cli_run_json (&show);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (root), "case_withheld"));
  g_assert_true (json_object_get_null_member (json_node_get_object (root), "case"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/evaluation/campaigns-list", test_campaigns_list);
  g_test_add_func ("/cli/evaluation/campaigns-list-year", test_campaigns_list_year);
  g_test_add_func ("/cli/evaluation/campaigns-show", test_campaigns_show);
  g_test_add_func ("/cli/evaluation/campaigns-report", test_campaigns_report);
  g_test_add_func ("/cli/evaluation/nominations-list", test_nominations_list);
  g_test_add_func ("/cli/evaluation/nominations-text", test_nominations_text);
  g_test_add_func ("/cli/evaluation/nominations-filters", test_nominations_filters);
  g_test_add_func ("/cli/evaluation/nominations-show", test_nominations_show);
  g_test_add_func ("/cli/evaluation/unknown-ids", test_unknown_ids);
  g_test_add_func ("/cli/evaluation/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/evaluation/as-reviewer", test_as_reviewer);

  return xf_cli_run_tests_on_demo ("evaluation.db", &tmp_dir, &database_path);
}
