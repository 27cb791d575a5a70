/* test-cli-pioneers.c — the demo and pioneers commands
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "xf-cli-test-util.h"
#include "xf-identity.h"
#include "xf-registry-list.h"
#include "xf-store.h"
#include "xf-test-store.h"

static char *tmp_dir;
static char *database_path;   /* filled once by main() with demo data */

/* Runs xianfeng-cli on @database in English with a NULL-terminated argument
 * list, signed in as the demo's administrator. */
#define run_cli_on(run, database_, ...) xf_cli_run_as_admin ((run), (database_), __VA_ARGS__)
#define run_cli(run, ...) run_cli_on ((run), database_path, __VA_ARGS__)

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

/* The uids a list or search printed, one per line (first column). */
static GHashTable *
listed_uids (const char *out)
{
  GHashTable *uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      {
        g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

        g_assert_cmpuint (g_strv_length (fields), ==, 5);
        g_hash_table_add (uids, g_strdup (fields[0]));
      }
  return uids;
}

/*
 * demo
 */

static void
test_demo_command (void)
{
  g_autofree char *path = xf_test_database_location (tmp_dir, "demo-command.db");
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) again = { 0 };

  run_cli_on (&run, path, "demo", "--pioneers", "120", "--collectives", "30", "--seed", "3", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Added 120 individuals, 30 collectives and "));
  g_assert_nonnull (strstr (run.out, "\nDemo accounts: admin, clerk, reviewer, dispatcher and auditor, "
                                     "password “xianfeng”\n"));
  /* Not a terminal: a few progress lines, the last at 100 %. */
  g_assert_nonnull (strstr (run.err, "100%"));
  g_assert_cmpuint (xf_cli_count_lines (run.err), <=, 5);

  run_cli_on (&again, path, "demo", NULL);
  g_assert_cmpint (again.status, ==, 1);
  /* The demo accounts never join a database that has accounts. */
  g_assert_nonnull (strstr (again.err, "This database has accounts"));
  g_assert_cmpstr (again.out, ==, "");
}

static void
test_demo_bad_arguments (void)
{
  g_autofree char *path = xf_test_database_location (tmp_dir, "demo-bad.db");
  const char *cases[][3] = {
    { "--pioneers", "many", NULL },
    { "--pioneers", "-5", NULL },
    { "--collectives", NULL, NULL },
    { "--seed", "x", NULL },
    { "--colour", "red", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(XfCliRun) run = { 0 };

      run_cli_on (&run, path, "demo", cases[i][0], cases[i][1], NULL);
      xf_cli_assert_failed (&run, 2);
    }
  /* Arguments are checked before the database is even opened. */
  xf_cli_assert_no_database (path);
}

/*
 * pioneers
 */

static void
test_count (void)
{
  g_auto(XfCliRun) run = { 0 };
  g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT "\n",
                                               query_int ("SELECT count(*) FROM pioneers WHERE status = 'active'"));

  run_cli (&run, "pioneers", "count", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  /* Some files are archived: the count is not simply every row. */
  g_assert_cmpint (query_int ("SELECT count(*) FROM pioneers"), ==, 400);
}

static void
test_list (void)
{
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) limited = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autofree char *previous = g_strdup ("");

  run_cli (&run, "pioneers", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (xf_cli_count_lines (run.out), ==,
                   query_int ("SELECT count(*) FROM pioneers WHERE status = 'active'"));

  /* uid, kind, name, tier, region name; in name order. */
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 5);
      g_assert_cmpuint (strlen (fields[0]), ==, 36);
      g_assert_true (g_str_equal (fields[1], "individual") || g_str_equal (fields[1], "collective"));
      g_assert_cmpint (strcmp (previous, fields[2]), <=, 0);
      g_assert_true (g_strv_contains ((const char * const[]) { "national", "provincial", "city", "county",
                                                               "cultivation", NULL }, fields[3]));
      g_assert_cmpstr (fields[4], !=, "");
      g_free (previous);
      previous = g_strdup (fields[2]);
    }

  run_cli (&limited, "pioneers", "list", "--limit", "7", NULL);
  g_assert_cmpint (limited.status, ==, 0);
  g_assert_cmpuint (xf_cli_count_lines (limited.out), ==, 7);
  g_assert_true (g_str_has_prefix (run.out, limited.out));
}

static void
test_list_json (void)
{
  g_auto(XfCliRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *pioneers;
  JsonObject *first;

  run_cli (&run, "pioneers", "list", "--json", NULL);
  root = xf_cli_run_json (&run);
  object = json_node_get_object (root);
  pioneers = json_object_get_array_member (object, "pioneers");
  g_assert_cmpint (json_object_get_int_member (object, "count"), ==,
                   query_int ("SELECT count(*) FROM pioneers WHERE status = 'active'"));
  g_assert_cmpuint (json_array_get_length (pioneers), ==, json_object_get_int_member (object, "count"));
  first = json_array_get_object_element (pioneers, 0);
  for (const char * const *key = (const char * const[]) { "uid", "kind", "name", "tier", "region",
                                                           "region_name", "status", NULL }; *key; key++)
    g_assert_true (json_object_has_member (first, *key));
}

static void
test_search (void)
{
  /* A three-character name of an active individual, and its last two characters. */
  g_autofree char *uid = query_text ("SELECT uid FROM pioneers WHERE kind = 'individual' "
                                     "AND status = 'active' AND length (name) = 3 ORDER BY id LIMIT 1");
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM pioneers WHERE uid = '%s'", uid);
  g_autofree char *name = query_text (sql);
  g_autofree char *given = g_strdup (g_utf8_offset_to_pointer (name, 1));
  g_auto(XfCliRun) full = { 0 };
  g_auto(XfCliRun) two = { 0 };
  g_auto(XfCliRun) none = { 0 };
  g_auto(XfCliRun) json = { 0 };
  g_autoptr(GHashTable) full_uids = NULL;
  g_autoptr(GHashTable) two_uids = NULL;
  g_autoptr(JsonNode) root = NULL;

  run_cli (&full, "pioneers", "search", name, NULL);
  g_assert_cmpint (full.status, ==, 0);
  full_uids = listed_uids (full.out);
  g_assert_true (g_hash_table_contains (full_uids, uid));

  /* Two characters: the short path, which trigrams cannot answer. */
  g_assert_cmpint (g_utf8_strlen (given, -1), ==, 2);
  run_cli (&two, "pioneers", "search", given, NULL);
  g_assert_cmpint (two.status, ==, 0);
  two_uids = listed_uids (two.out);
  g_assert_true (g_hash_table_contains (two_uids, uid));
  g_assert_cmpuint (g_hash_table_size (two_uids), >=, g_hash_table_size (full_uids) > 0 ? 1 : 0);

  run_cli (&none, "pioneers", "search", "zzqqxx", NULL);
  g_assert_cmpint (none.status, ==, 0);
  g_assert_cmpstr (none.out, ==, "");

  run_cli (&json, "pioneers", "search", name, "--json", NULL);
  root = xf_cli_run_json (&json);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "count"), ==,
                   g_hash_table_size (full_uids));
}

/* The uids of the first column, in order. */
static GPtrArray *
listed_uids_in_order (const char *out)
{
  GPtrArray *uids = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (uids, g_strndup (lines[i], strcspn (lines[i], "\t")));
  return uids;
}

/* list and search print the rows of the app's list, in its order, and
 * JSON gives each the list item's fields. */
static void
test_same_as_list_model (void)
{
  /* A surname, a given name and part of an employer from the data, so
   * that each path (one or two characters, trigrams) matches something. */
  g_autofree char *surname = query_text ("SELECT substr (name, 1, 1) FROM pioneers "
                                         "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
  g_autofree char *given = query_text ("SELECT substr (name, 2) FROM pioneers WHERE length (name) = 3 "
                                       "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
  g_autofree char *employer = query_text ("SELECT substr (employer, length (employer) - 3) FROM pioneers "
                                          "WHERE length (employer) >= 6 "
                                          "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
  const char *texts[] = { NULL, surname, given, employer, "zzqqxx" };
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStore) store = xf_store_open (database_path, &error);
  g_autoptr(XfRegistry) registry = NULL;

  g_assert_no_error (error);
  registry = xf_test_new_registry (store);
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
      g_autoptr(XfRegistryList) list = NULL;
      g_autoptr(GPtrArray) uids = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_auto(XfCliRun) plain = { 0 };
      g_auto(XfCliRun) json = { 0 };
      JsonArray *pioneers;
      guint n;

      if (texts[t] != NULL)
        {
          xf_registry_query_set_text (query, texts[t]);
          run_cli (&plain, "pioneers", "search", texts[t], NULL);
          run_cli (&json, "pioneers", "search", texts[t], "--json", NULL);
        }
      else
        {
          run_cli (&plain, "pioneers", "list", NULL);
          run_cli (&json, "pioneers", "list", "--json", NULL);
        }
      g_assert_cmpint (plain.status, ==, 0);
      g_assert_cmpint (json.status, ==, 0);
      list = xf_registry_list_new (registry, query);
      n = g_list_model_get_n_items (G_LIST_MODEL (list));
      g_test_message ("“%s”: %u files", texts[t] != NULL ? texts[t] : "(list)", n);
      g_assert_cmpuint (n > 0, ==, t + 1 < G_N_ELEMENTS (texts));

      uids = listed_uids_in_order (plain.out);
      root = xf_cli_run_json (&json);
      pioneers = json_object_get_array_member (json_node_get_object (root), "pioneers");
      g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "count"), ==, n);
      g_assert_cmpuint (uids->len, ==, n);
      g_assert_cmpuint (json_array_get_length (pioneers), ==, n);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(XfPioneer) item = g_list_model_get_item (G_LIST_MODEL (list), i);
          JsonObject *object = json_array_get_object_element (pioneers, i);

          g_assert_cmpstr (g_ptr_array_index (uids, i), ==, xf_pioneer_get_uid (item));
          g_assert_cmpstr (json_object_get_string_member (object, "uid"), ==, xf_pioneer_get_uid (item));
          g_assert_cmpstr (json_object_get_string_member_with_default (object, "organisation", NULL), ==,
                           xf_pioneer_get_organisation_name (item));
          g_assert_cmpstr (json_object_get_string_member_with_default (object, "employer", NULL), ==,
                           xf_pioneer_get_employer (item));
          g_assert_cmpint (json_object_get_int_member (object, "honours_count"), ==,
                           xf_pioneer_get_honours_count (item));
        }
    }
}

static void
test_show (void)
{
  g_autofree char *uid = query_text ("SELECT uid FROM pioneers WHERE kind = 'individual' "
                                     "AND honours_count > 0 ORDER BY id LIMIT 1");
  g_autofree char *sql = g_strdup_printf ("SELECT id_number FROM pioneers WHERE uid = '%s'", uid);
  g_autofree char *id_number = query_text (sql);
  g_autofree char *masked = xf_identity_mask_id_number (id_number);
  g_auto(XfCliRun) plain = { 0 };
  g_auto(XfCliRun) json = { 0 };
  g_auto(XfCliRun) revealed = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) root_revealed = NULL;
  JsonObject *object;
  JsonArray *honours;
  static const char * const keys[] = {
    "uid", "kind", "name", "gender", "birth_date", "ethnicity", "education", "political_status",
    "id_number", "mobile", "employer", "position", "credit_code", "collective_kind", "leader",
    "size", "industry", "region", "region_name", "organisation", "tier", "skills", "tags",
    "introduction", "deeds", "video", "photo", "contribution", "status", "honours",
    "created_at", "updated_at", "version", NULL,
  };

  run_cli (&plain, "pioneers", "show", uid, NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_nonnull (strstr (plain.out, uid));
  g_assert_nonnull (strstr (plain.out, masked));
  g_assert_null (strstr (plain.out, id_number));

  run_cli (&json, "pioneers", "show", uid, "--json", NULL);
  root = xf_cli_run_json (&json);
  object = json_node_get_object (root);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (!json_object_has_member (object, keys[i]))
        g_error ("show --json has no “%s”", keys[i]);
    }
  g_assert_cmpstr (json_object_get_string_member (object, "uid"), ==, uid);
  g_assert_cmpstr (json_object_get_string_member (object, "id_number"), ==, masked);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (object, "created_at"), "Z"));
  g_assert_cmpuint (strlen (json_object_get_string_member (object, "region")), ==, 9);
  g_assert_true (json_object_get_null_member (object, "credit_code"));
  honours = json_object_get_array_member (object, "honours");
  g_assert_cmpuint (json_array_get_length (honours), >=, 1);
  for (const char * const *key = (const char * const[]) { "title", "level", "year", "conferring_body",
                                                          "certificate_no", NULL }; *key; key++)
    g_assert_true (json_object_has_member (json_array_get_object_element (honours, 0), *key));

  run_cli (&revealed, "pioneers", "show", uid, "--json", "--reveal", NULL);
  root_revealed = xf_cli_run_json (&revealed);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root_revealed), "id_number"), ==,
                   id_number);
}

static void
test_show_unknown (void)
{
  g_auto(XfCliRun) run = { 0 };

  run_cli (&run, "pioneers", "show", "00000000-0000-4000-8000-000000000000", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "00000000-0000-4000-8000-000000000000"));
}

static void
test_bad_arguments (void)
{
  const char *cases[][4] = {
    { "pioneers", NULL, NULL, NULL },
    { "pioneers", "frobnicate", NULL, NULL },
    { "pioneers", "search", NULL, NULL },
    { "pioneers", "show", NULL, NULL },
    { "pioneers", "list", "--limit", "0" },
    { "pioneers", "list", "--limit", NULL },
    { "pioneers", "list", "--bogus", NULL },
    { "pioneers", "count", "--json", NULL },
    { "pioneers", "list", "extra", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(XfCliRun) run = { 0 };

      run_cli (&run, cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);
      xf_cli_assert_failed (&run, 2);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("xf-cli-pioneers-XXXXXX", &error);
  g_assert_no_error (error);
  database_path = xf_test_database_location (tmp_dir, "registry.db");
  {
    g_auto(XfCliRun) run = { 0 };

    run_cli (&run, "demo", "--pioneers", "300", "--collectives", "100", "--seed", "7", NULL);
    if (run.status != 0)
      g_error ("demo failed: %s", run.err);
  }

  g_test_add_func ("/cli/demo/command", test_demo_command);
  g_test_add_func ("/cli/demo/bad-arguments", test_demo_bad_arguments);
  g_test_add_func ("/cli/pioneers/count", test_count);
  g_test_add_func ("/cli/pioneers/list", test_list);
  g_test_add_func ("/cli/pioneers/list-json", test_list_json);
  g_test_add_func ("/cli/pioneers/search", test_search);
  g_test_add_func ("/cli/pioneers/same-as-list-model", test_same_as_list_model);
  g_test_add_func ("/cli/pioneers/show", test_show);
  g_test_add_func ("/cli/pioneers/show-unknown", test_show_unknown);
  g_test_add_func ("/cli/pioneers/bad-arguments", test_bad_arguments);
  status = g_test_run ();

  /* Leave nothing behind. */
  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
        g_remove (path);
      }
    g_rmdir (tmp_dir);
  }
  g_free (database_path);
  g_free (tmp_dir);
  return status;
}
