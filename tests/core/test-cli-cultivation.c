/* test-cli-cultivation.c — `cultivation …` on a database of hand-made
 *                          plans, a campaign and a course
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "xf-cli-test-util.h"
#include "xf-cultivation.h"
#include "xf-test-files.h"
#include "xf-test-services.h"

static char *tmp_dir;
static char *database_path;
static gint64 ready_plan;     /* 王建国: 1 of 1 goals, reviewed ready last year */
static gint64 plain_plan;     /* 李明: no goals */
static gint64 campaign;
static gint64 course;

#define PASSWORD "Correct-Horse-7"
#define run_cli(run, ...) \
  xf_cli_run_args ((run), &(XfCliEnv) { .database = database_path, .user = "admin", .password = PASSWORD }, \
                   __VA_ARGS__)

static void
add_plan_data (XfCultivation *cultivation,
               gint64         pioneer_id,
               gboolean       ready)
{
  g_autoptr(XfCultivationPlan) plan = xf_cultivation_plan_new ();
  g_autoptr(XfCultivationGoal) goal = xf_cultivation_goal_new ();
  g_autoptr(XfCultivationReview) review = xf_cultivation_review_new ();
  g_autoptr(GError) error = NULL;
  gint64 id, goal_id;

  plan->pioneer_id = pioneer_id;
  plan->target_title = g_strdup ("湖州市劳动模范");
  plan->target_level = g_strdup ("city");
  plan->starts_on = g_strdup ("2024-01-01");
  id = xf_cultivation_save_plan (cultivation, plan, &error);
  g_assert_no_error (error);
  if (!ready)
    {
      plain_plan = id;
      return;
    }
  ready_plan = id;
  goal->kind = g_strdup ("certificate");
  goal->title = g_strdup ("高级技师证书");
  goal_id = xf_cultivation_save_goal (cultivation, id, goal, &error);
  g_assert_true (xf_cultivation_achieve_goal (cultivation, goal_id, "2025-06-01", "证书", &error));
  review->year = 2025;
  review->rating = g_strdup ("excellent");
  review->ready = TRUE;
  review->comment = g_strdup ("可以推荐");
  g_assert_true (xf_cultivation_add_review (cultivation, id, review, &error));
  g_assert_no_error (error);
}

static void
add_course_data (XfCultivation *cultivation,
                 gint64         pioneer_id)
{
  g_autoptr(XfTrainingCourse) data = xf_training_course_new ();
  g_autoptr(GError) error = NULL;

  data->title = g_strdup ("数控车床高级研修班");
  data->starts_on = g_strdup ("2026-02-02");
  data->ends_on = g_strdup ("2026-02-06");
  data->hours = 40;
  data->capacity = 20;
  course = xf_cultivation_save_course (cultivation, data, &error);
  g_assert_no_error (error);
  g_assert_true (xf_cultivation_enrol (cultivation, course, pioneer_id, &error));
  g_assert_true (xf_cultivation_record_result (cultivation, course, pioneer_id, 38, "passed", 92, "NC-001", &error));
  g_assert_no_error (error);
}

/* The database: an administrator "admin", three pioneers, two plans (one
 * ready), a closed plan, an open campaign and a course held. */
static void
make_database (void)
{
  g_autoptr(XfStore) store = xf_test_open_store_at (database_path);
  g_autoptr(XfRegistry) registry = xf_test_new_registry (store);
  g_autoptr(XfCultivation) cultivation = xf_cultivation_new (registry);
  g_autoptr(XfEvaluation) evaluation = NULL;
  g_autoptr(XfAccount) admin = xf_test_add_account (store, "admin", XF_ROLE_ADMINISTRATOR, XF_SCOPE_ALL, NULL);
  g_autoptr(GError) error = NULL;
  gint64 wang, li, zhao;

  {
    g_autoptr(XfAccounts) accounts = xf_accounts_new (store);

    /* A password reset by an administrator must be changed before use. */
    g_assert_true (xf_accounts_change_password (accounts, admin, "xianfeng", PASSWORD, &error));
    g_assert_no_error (error);
  }
  g_assert_true (xf_registry_ensure_organisations (registry, &error));
  wang = xf_test_services_new_pioneer (registry, "individual", "王建国", "330521001", NULL, NULL, "德清县机械厂");
  li = xf_test_services_new_pioneer (registry, "individual", "李明", "330521002", NULL, NULL, "德清县机械厂");
  zhao = xf_test_services_new_pioneer (registry, "individual", "赵敏", "330523001", NULL, NULL, "安吉县竹业公司");
  add_plan_data (cultivation, wang, TRUE);
  add_plan_data (cultivation, li, FALSE);
  {
    g_autoptr(XfCultivationPlan) plan = xf_cultivation_plan_new ();
    gint64 id;

    plan->pioneer_id = zhao;
    plan->target_title = g_strdup ("安吉工匠");
    plan->target_level = g_strdup ("county");
    id = xf_cultivation_save_plan (cultivation, plan, &error);
    g_assert_true (xf_cultivation_close_plan (cultivation, id, XF_PLAN_CLOSED, "调离", &error));
    g_assert_no_error (error);
  }
  add_course_data (cultivation, wang);
  evaluation = xf_evaluation_new (registry);
  campaign = xf_test_add_campaign (evaluation, "city", 5);
}

static JsonObject *
run_json_object (XfCliRun  *run,
                 JsonNode **root)
{
  *root = xf_cli_run_json (run);
  return json_node_get_object (*root);
}

static void
test_list (void)
{
  g_auto(XfCliRun) plain = { 0 };
  g_auto(XfCliRun) json = { 0 };
  g_auto(XfCliRun) ready = { 0 };
  g_auto(XfCliRun) any = { 0 };
  g_auto(XfCliRun) anji = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) ready_root = NULL;
  g_autoptr(JsonNode) any_root = NULL;
  g_autoptr(JsonNode) anji_root = NULL;
  JsonObject *object;
  JsonObject *first;

  run_cli (&plain, "cultivation", "list", NULL);
  if (plain.status != 0)
    g_error ("%s", plain.err);
  g_assert_cmpuint (xf_cli_count_lines (plain.out), ==, 3);
  g_assert_nonnull (strstr (plain.out, "王建国"));
  g_assert_nonnull (strstr (plain.out, "Honour aimed at"));

  run_cli (&json, "cultivation", "list", "--json", NULL);
  object = run_json_object (&json, &root);
  g_assert_cmpint (json_object_get_int_member (object, "count"), ==, 2);
  first = json_array_get_object_element (json_object_get_array_member (object, "plans"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "王建国");
  g_assert_cmpint (json_object_get_int_member (first, "id"), ==, ready_plan);
  g_assert_cmpint (json_object_get_int_member (first, "goals_total"), ==, 1);
  g_assert_true (json_object_get_boolean_member (first, "ready"));
  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "active");

  run_cli (&ready, "cultivation", "list", "--ready", "--json", NULL);
  g_assert_cmpint (json_object_get_int_member (run_json_object (&ready, &ready_root), "count"), ==, 1);
  run_cli (&any, "cultivation", "list", "--status", "any", "--json", NULL);
  g_assert_cmpint (json_object_get_int_member (run_json_object (&any, &any_root), "count"), ==, 3);
  run_cli (&anji, "cultivation", "list", "--status", "any", "--region", "330523", "--json", NULL);
  g_assert_cmpint (json_object_get_int_member (run_json_object (&anji, &anji_root), "count"), ==, 1);
}

static void
test_show (void)
{
  g_autofree char *id = xf_cli_id_text (ready_plan);
  g_autofree char *uid = xf_cli_query_text (database_path, "SELECT uid FROM cultivation_plans WHERE target_title = '湖州市劳动模范' ORDER BY id LIMIT 1");
  g_auto(XfCliRun) plain = { 0 };
  g_auto(XfCliRun) json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonObject *goal;

  run_cli (&plain, "cultivation", "show", uid, NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_nonnull (strstr (plain.out, "高级技师证书"));
  g_assert_nonnull (strstr (plain.out, "可以推荐"));

  run_cli (&json, "cultivation", "show", id, "--json", NULL);
  object = run_json_object (&json, &root);
  g_assert_cmpstr (json_object_get_string_member (object, "uid"), ==, uid);
  goal = json_array_get_object_element (json_object_get_array_member (object, "goals"), 0);
  g_assert_cmpstr (json_object_get_string_member (goal, "achieved_on"), ==, "2025-06-01");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "reviews")), ==, 1);
}

static void
test_pipeline (void)
{
  g_auto(XfCliRun) plain = { 0 };
  g_auto(XfCliRun) json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *rows;
  JsonObject *total;

  run_cli (&plain, "cultivation", "pipeline", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_nonnull (strstr (plain.out, "Targets"));

  run_cli (&json, "cultivation", "pipeline", "--by", "region", "--json", NULL);
  rows = json_object_get_array_member (run_json_object (&json, &root), "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  total = json_array_get_object_element (rows, 1);
  g_assert_cmpstr (json_object_get_string_member (total, "key"), ==, "");
  g_assert_cmpint (json_object_get_int_member (total, "targets"), >=, 1);
}

static void
test_nominate_and_sync (void)
{
  g_autofree char *plan = xf_cli_id_text (plain_plan);
  g_autofree char *target = xf_cli_id_text (campaign);
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) again = { 0 };
  g_auto(XfCliRun) sync = { 0 };
  g_autofree char *sql = g_strdup_printf ("SELECT nomination_id FROM cultivation_plans WHERE id = %" G_GINT64_FORMAT,
                                          plain_plan);
  gint64 nomination;

  run_cli (&run, "cultivation", "nominate", plan, target, "--unit", "德清县总工会", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "李明"));
  nomination = xf_cli_query_int (database_path, sql);
  g_assert_cmpint (nomination, >, 0);
  {
    g_autofree char *unit = g_strdup_printf ("SELECT nominating_unit FROM nominations WHERE id = %" G_GINT64_FORMAT,
                                             nomination);
    g_autofree char *text = xf_cli_query_text (database_path, unit);

    g_assert_cmpstr (text, ==, "德清县总工会");
  }
  run_cli (&again, "cultivation", "nominate", plan, target, NULL);
  xf_cli_assert_failed (&again, 1);

  /* Conferred: the plan is achieved. */
  {
    g_autoptr(XfStore) store = xf_test_open_store_at (database_path);
    g_autofree char *update = g_strdup_printf ("UPDATE nominations SET stage = 'conferred' WHERE id = %"
                                               G_GINT64_FORMAT, nomination);
    g_autoptr(GError) error = NULL;

    g_assert_true (xf_db_exec (xf_store_get_db (store), update, &error));
    g_assert_no_error (error);
  }
  run_cli (&sync, "cultivation", "sync", NULL);
  g_assert_cmpint (sync.status, ==, 0);
  g_assert_nonnull (strstr (sync.out, "1 plan"));
  {
    g_autofree char *status = g_strdup_printf ("SELECT status FROM cultivation_plans WHERE id = %" G_GINT64_FORMAT,
                                               plain_plan);
    g_autofree char *text = xf_cli_query_text (database_path, status);

    g_assert_cmpstr (text, ==, "achieved");
  }
}

static void
test_courses (void)
{
  g_autofree char *id = xf_cli_id_text (course);
  g_auto(XfCliRun) list = { 0 };
  g_auto(XfCliRun) plain = { 0 };
  g_auto(XfCliRun) json = { 0 };
  g_autoptr(JsonNode) list_root = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonObject *participant;

  run_cli (&list, "cultivation", "courses", "--json", NULL);
  object = run_json_object (&list, &list_root);
  g_assert_cmpint (json_object_get_int_member (object, "count"), ==, 1);

  run_cli (&plain, "cultivation", "course", id, NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_nonnull (strstr (plain.out, "数控车床高级研修班"));
  g_assert_nonnull (strstr (plain.out, "NC-001"));

  run_cli (&json, "cultivation", "course", id, "--json", NULL);
  object = run_json_object (&json, &root);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "held");
  g_assert_cmpint (json_object_get_int_member (object, "passed"), ==, 1);
  participant = json_array_get_object_element (json_object_get_array_member (object, "participants"), 0);
  g_assert_cmpstr (json_object_get_string_member (participant, "name"), ==, "王建国");
  g_assert_cmpfloat (json_object_get_double_member (participant, "hours"), ==, 38);
}

static void
test_refusals (void)
{
  static const char * const usage_errors[][8] = {
    { "cultivation", NULL },
    { "cultivation", "plant", NULL },
    { "cultivation", "list", "--bogus", NULL },
    { "cultivation", "list", "--status", NULL },
    { "cultivation", "show", NULL },
    { "cultivation", "pipeline", "--by", "industry", NULL },
    { "cultivation", "nominate", "1", NULL },
    { "cultivation", "nominate", "1", "first", NULL },
    { "cultivation", "sync", "--json", NULL },
    { "cultivation", "course", "abc", NULL },
  };
  static const char * const failures[][8] = {
    { "cultivation", "list", "--status", "lost", NULL },
    { "cultivation", "list", "--organisation", "nowhere", NULL },
    { "cultivation", "show", "9999", NULL },
    { "cultivation", "show", "no-such-uid", NULL },
    { "cultivation", "course", "9999", NULL },
    { "cultivation", "nominate", "9999", "1", NULL },
  };
  XfCliEnv env = { .database = database_path, .user = "admin", .password = PASSWORD };

  for (guint i = 0; i < G_N_ELEMENTS (usage_errors); i++)
    xf_cli_assert_run_fails (&env, usage_errors[i], 2);
  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    xf_cli_assert_run_fails (&env, failures[i], 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("XIANFENG_TODAY", "2026-03-09", TRUE);

  tmp_dir = xf_test_make_dir ();
  database_path = xf_test_database_location (tmp_dir, "cultivation.db");
  make_database ();

  g_test_add_func ("/cli/cultivation/list", test_list);
  g_test_add_func ("/cli/cultivation/show", test_show);
  g_test_add_func ("/cli/cultivation/pipeline", test_pipeline);
  g_test_add_func ("/cli/cultivation/nominate-and-sync", test_nominate_and_sync);
  g_test_add_func ("/cli/cultivation/courses", test_courses);
  g_test_add_func ("/cli/cultivation/refusals", test_refusals);
  status = g_test_run ();

  xf_test_remove_dir (tmp_dir);
  g_free (database_path);
  g_free (tmp_dir);
  return status;
}
