/* test-cli-care.c — `care programmes | eligible | gaps | history | record`
 *                   on a database of people made by hand
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-accounts.h"
#include "xf-care.h"
#include "xf-cli-test-util.h"
#include "xf-test-files.h"
#include "xf-test-store.h"

static char *tmp_dir;
static char *database;   /* made once by main (), with the administrator "admin" */
static char *zhang_uid;

#define ADMIN_ENV (&(XfCliEnv) { .database = database, .user = "admin", .password = "xianfeng" })
#define run_cli(run, ...) xf_cli_run_args ((run), ADMIN_ENV, "care", __VA_ARGS__)

static gint64
add_person (XfRegistry *registry,
            const char *name,
            const char *birth_date,
            const char *region,
            const char *title,
            const char *level)
{
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("individual");
  g_autoptr(XfHonour) honour = xf_honour_new (title, level, 2010);
  g_autoptr(GError) error = NULL;

  g_object_set (pioneer, "name", name, "region-code", region, "birth-date", birth_date, NULL);
  g_assert_true (xf_registry_save_pioneer (registry, pioneer, &error));
  g_assert_true (xf_registry_add_honour (registry, xf_pioneer_get_id (pioneer), honour, &error));
  g_assert_no_error (error);
  return xf_pioneer_get_id (pioneer);
}

static void
make_database (void)
{
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfPioneer) zhang = NULL;
  g_autoptr(XfAccounts) accounts = NULL;
  g_autoptr(XfAccount) admin = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  database = xf_test_database_location (tmp_dir, "care.db");
  store = xf_test_open_store_at (database);
  registry = xf_test_new_registry (store);
  id = add_person (registry, "张建华", "1956-04-02", "330521001", "湖州市劳动模范", "city");
  add_person (registry, "李秀英", "1970-11-20", "330523", "浙江省劳动模范", "provincial");
  add_person (registry, "赵德胜", "1940-01-01", "330523", "全国劳动模范", "national");
  add_person (registry, "钱小红", "1990-05-05", "330523", "安吉县先进工作者", "county");
  zhang = xf_registry_get_pioneer (registry, id, NULL);
  zhang_uid = g_strdup (xf_pioneer_get_uid (zhang));
  accounts = xf_accounts_new (store);
  admin = xf_accounts_create_first_administrator (accounts, "admin", "管理员", "xianfeng", &error);
  g_assert_no_error (error);
  g_assert_nonnull (admin);
}

static JsonObject *
run_json (XfCliRun  *run,
          JsonNode **root)
{
  *root = xf_cli_run_json (run);
  return json_node_get_object (*root);
}

static JsonObject *
nth (JsonObject *object,
     const char *key,
     guint       i)
{
  return json_array_get_object_element (json_object_get_array_member (object, key), i);
}

static void
test_programmes (void)
{
  g_auto(XfCliRun) plain = { 0 };
  g_auto(XfCliRun) json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *object, *first;

  run_cli (&plain, "programmes", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  lines = g_strsplit (plain.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 11);   /* heading, nine, the last newline */
  g_assert_true (g_str_has_prefix (lines[0], "Code\tName\t"));
  g_assert_true (g_str_has_prefix (lines[1], "health-check\tAnnual health check\t"));

  run_cli (&json, "programmes", "--json", NULL);
  object = run_json (&json, &root);
  g_assert_cmpint (json_object_get_int_member (object, "count"), ==, 9);
  first = nth (object, "programmes", 0);
  g_assert_cmpstr (json_object_get_string_member (first, "code"), ==, "health-check");
  g_assert_cmpint (json_object_get_int_member (first, "unit_cost_fen"), ==, 80000);
  g_assert_cmpint (json_object_get_int_member (first, "yearly_quota"), ==, 1200);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (first, "rules")));
  g_assert_cmpstr (json_object_get_string_member (first, "eligibility"), ==,
                   "Individuals · tier National, Provincial, City");
}

static void
test_eligible (void)
{
  g_auto(XfCliRun) mid = { 0 };
  g_auto(XfCliRun) april = { 0 };
  g_auto(XfCliRun) anji = { 0 };
  g_auto(XfCliRun) plain = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) april_root = NULL;
  g_autoptr(JsonNode) anji_root = NULL;
  JsonObject *object;

  /* On 1 July of the year unless told. */
  run_cli (&mid, "eligible", "health-check", "2026", "--json", NULL);
  object = run_json (&mid, &root);
  g_assert_cmpint (json_object_get_int_member (object, "count"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (nth (object, "eligible", 0), "name"), ==, "张建华");
  g_assert_cmpint (json_object_get_int_member (nth (object, "eligible", 0), "age"), ==, 70);
  g_assert_cmpstr (json_object_get_string_member (nth (object, "eligible", 0), "region"), ==, "330521001");

  run_cli (&april, "eligible", "health-check", "2026", "--on", "2026-04-01", "--json", NULL);
  object = run_json (&april, &april_root);
  g_assert_cmpint (json_object_get_int_member (nth (object, "eligible", 0), "age"), ==, 69);

  run_cli (&anji, "eligible", "elderly-care", "2026", "--region", "330523", "--json", NULL);
  object = run_json (&anji, &anji_root);
  g_assert_cmpint (json_object_get_int_member (object, "count"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (nth (object, "eligible", 0), "name"), ==, "赵德胜");

  run_cli (&plain, "eligible", "festival-visit", "2026", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_true (g_str_has_prefix (plain.out, "UID\tName\tTier\tAge\t"));
  g_assert_nonnull (strstr (plain.out, "钱小红"));
}

static void
test_record_history_gaps (void)
{
  g_auto(XfCliRun) record = { 0 };
  g_auto(XfCliRun) plain_record = { 0 };
  g_auto(XfCliRun) history = { 0 };
  g_auto(XfCliRun) gaps = { 0 };
  g_auto(XfCliRun) later = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) gaps_root = NULL;
  g_autoptr(JsonNode) later_root = NULL;
  JsonObject *object, *item;

  run_cli (&record, "record", zhang_uid, "health-check", "2026-03-01", "--amount", "850.5", "--note", "市第一人民医院",
           NULL);
  g_assert_cmpint (record.status, ==, 0);
  g_assert_true (g_str_has_prefix (record.out, "Recorded care "));
  g_assert_nonnull (strstr (record.out, "¥850.50"));
  g_assert_cmpint (xf_cli_query_int (database, "SELECT amount FROM care_records WHERE on_date = '2026-03-01'"),
                   ==, 85050);
  /* Without --amount, the programme's unit cost. */
  run_cli (&plain_record, "record", zhang_uid, "festival-visit", "2026-01-20", NULL);
  g_assert_cmpint (plain_record.status, ==, 0);
  g_assert_cmpint (xf_cli_query_int (database, "SELECT amount FROM care_records WHERE on_date = '2026-01-20'"),
                   ==, 50000);

  run_cli (&history, "history", zhang_uid, "--json", NULL);
  object = run_json (&history, &root);
  g_assert_cmpint (json_object_get_int_member (object, "count"), ==, 2);
  item = nth (object, "history", 0);
  g_assert_cmpstr (json_object_get_string_member (item, "date"), ==, "2026-03-01");
  g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "record");
  g_assert_cmpint (json_object_get_int_member (item, "amount_fen"), ==, 85050);
  g_assert_cmpstr (json_object_get_string_member (item, "summary"), ==, "Annual health check: 市第一人民医院");

  run_cli (&gaps, "gaps", "health-check", "2", "--on", "2026-07-01", "--json", NULL);
  object = run_json (&gaps, &gaps_root);
  g_assert_cmpint (json_object_get_int_member (object, "count"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (nth (object, "gaps", 0), "name"), ==, "李秀英");
  run_cli (&later, "gaps", "health-check", "1", "--on", "2027-06-01", "--json", NULL);
  object = run_json (&later, &later_root);
  g_assert_cmpint (json_object_get_int_member (object, "count"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (nth (object, "gaps", 2), "last_served_on"), ==, "2026-03-01");
}

static void
assert_fails (int status,
              ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) "care");
  va_start (ap, status);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  xf_cli_assert_run_fails (ADMIN_ENV, (const char * const *) args->pdata, status);
}

static void
test_refusals (void)
{
  /* Usage errors: 2. */
  assert_fails (2, "eligible", "health-check", NULL);
  assert_fails (2, "eligible", "health-check", "20x6", NULL);
  assert_fails (2, "eligible", "health-check", "2026", "--on", "2026-13-01", NULL);
  assert_fails (2, "eligible", "health-check", "2026", "--colour", NULL);
  assert_fails (2, "eligible", "health-check", "2026", "--region", NULL);
  assert_fails (2, "gaps", "health-check", "0", NULL);
  assert_fails (2, "programmes", "--on", "2026-01-01", NULL);
  assert_fails (2, "history", NULL);
  assert_fails (2, "record", zhang_uid, "health-check", "2026-03-01", "--amount", "-5", NULL);
  assert_fails (2, "record", zhang_uid, "health-check", NULL);
  /* Refused or failed: 1. */
  assert_fails (1, "eligible", "spa", "2026", NULL);
  assert_fails (1, "eligible", "health-check", "2026", "--region", "Anji", NULL);
  assert_fails (1, "history", "999999", NULL);
  assert_fails (1, "record", zhang_uid, "health-check", "2026-03-10", NULL);
  assert_fails (1, "record", zhang_uid, "spa", "2026-03-01", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  int status;

  tmp_dir = xf_test_make_dir ();
  state_dir = g_build_filename (tmp_dir, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  g_setenv ("XIANFENG_TODAY", "2026-03-09", TRUE);
  g_test_init (&argc, &argv, NULL);
  make_database ();

  g_test_add_func ("/core/cli/care/programmes", test_programmes);
  g_test_add_func ("/core/cli/care/eligible", test_eligible);
  g_test_add_func ("/core/cli/care/record-history-gaps", test_record_history_gaps);
  g_test_add_func ("/core/cli/care/refusals", test_refusals);

  status = g_test_run ();
  xf_test_remove_dir (tmp_dir);
  g_free (tmp_dir);
  g_free (database);
  g_free (zhang_uid);
  return status;
}
