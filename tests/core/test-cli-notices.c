/* test-cli-notices.c — `notices list | show | export | close-due` on a demo database
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "xf-cli-test-util.h"
#include "xf-test-store.h"

static char *tmp_dir;
static char *database_path;   /* demo data with its notices, made once by main() */

#define run_cli(run, ...) xf_cli_run_as_admin ((run), database_path, __VA_ARGS__)

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

/* Last year's first notice: the one with the upheld objection. */
static gint64
upheld_notice (void)
{
  return query_int ("SELECT notice_id FROM objections WHERE outcome = 'upheld-return' ORDER BY id LIMIT 1");
}

static gint64
running_notice (void)
{
  return query_int ("SELECT id FROM notices WHERE status = 'published' ORDER BY id LIMIT 1");
}

static JsonObject *
find_notice (JsonArray *notices,
             gint64     id)
{
  for (guint i = 0; i < json_array_get_length (notices); i++)
    {
      JsonObject *notice = json_array_get_object_element (notices, i);

      if (json_object_get_int_member (notice, "id") == id)
        return notice;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_list (void)
{
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *object, *running, *second, *corrected;
  JsonArray *notices;
  gint64 n = query_int ("SELECT count(*) FROM notices");
  gint64 first = upheld_notice ();

  /* Every campaign that reached notice has one: last year's with its
   * second notice, this year's city, 吴兴 (two revisions) and 德清. */
  g_assert_cmpint (n, ==, 6);
  run_cli (&run, "notices", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpuint (xf_cli_count_lines (run.out), ==, n + 1);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "ID\tTitle\tCampaign\tStatus\tPeriod\tWorking days left\tObjections");
  /* The running one first, with its days left and its open objection. */
  {
    g_auto(GStrv) fields = g_strsplit (lines[1], "\t", -1);

    g_assert_cmpuint (g_strv_length (fields), ==, 7);
    g_assert_cmpstr (fields[3], ==, "Published");
    g_assert_cmpstr (fields[6], ==, "1/1");
    g_assert_nonnull (strstr (fields[1], "德清工匠"));
  }

  run_cli (&json, "notices", "list", "--json", NULL);
  root = xf_cli_run_json (&json);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "count"), ==, n);
  notices = json_object_get_array_member (object, "notices");
  g_assert_cmpuint (json_array_get_length (notices), ==, n);

  running = find_notice (notices, running_notice ());
  g_assert_cmpstr (json_object_get_string_member (running, "status"), ==, "published");
  g_assert_cmpint (json_object_get_int_member (running, "days_left"), >=, 0);
  g_assert_cmpint (json_object_get_int_member (running, "period_days"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (running, "open_objections"), ==, 1);
  g_assert_true (json_object_get_null_member (running, "closed_on"));

  /* The second notice (二次公示) follows the first. */
  second = find_notice (notices, query_int ("SELECT id FROM notices WHERE follows IS NOT NULL"));
  g_assert_cmpint (json_object_get_int_member (second, "follows"), ==, first);
  g_assert_cmpstr (json_object_get_string_member (second, "status"), ==, "closed");
  g_assert_nonnull (strstr (json_object_get_string_member (second, "title"), "二次公示"));
  g_assert_cmpint (json_object_get_int_member (find_notice (notices, first), "objections"), ==, 2);
  g_assert_true (json_object_get_null_member (find_notice (notices, first), "follows"));

  /* A correction, and the revision it replaced still on record. */
  corrected = find_notice (notices, query_int ("SELECT id FROM notices WHERE revision = 2"));
  g_assert_cmpint (json_object_get_int_member (corrected, "revision_of"), ==,
                   query_int ("SELECT id FROM notices WHERE status = 'withdrawn'"));
  g_assert_cmpstr (json_object_get_string_member (find_notice (notices, json_object_get_int_member (corrected,
                                                                                                 "revision_of")),
                                                  "status"), ==, "withdrawn");
}

static void
test_list_filters (void)
{
  gint64 campaign_id = query_int ("SELECT campaign_id FROM notices WHERE revision = 2");
  g_autofree char *campaign = xf_cli_id_text (campaign_id);
  g_auto(XfCliRun) published = { 0 };
  g_auto(XfCliRun) past = { 0 };
  g_auto(XfCliRun) by_campaign = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) past_root = NULL;
  g_autoptr(JsonNode) campaign_root = NULL;
  JsonArray *notices;

  run_cli (&published, "notices", "list", "--status", "published", "--json", NULL);
  root = xf_cli_run_json (&published);
  notices = json_object_get_array_member (json_node_get_object (root), "notices");
  g_assert_cmpuint (json_array_get_length (notices), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (notices, 0), "id"), ==,
                   running_notice ());

  run_cli (&past, "notices", "list", "--status", "past", "--json", NULL);
  past_root = xf_cli_run_json (&past);
  notices = json_object_get_array_member (json_node_get_object (past_root), "notices");
  g_assert_cmpuint (json_array_get_length (notices), ==,
                    query_int ("SELECT count(*) FROM notices WHERE status IN ('closed', 'withdrawn')"));
  for (guint i = 0; i < json_array_get_length (notices); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (notices, i), "status"), !=,
                     "published");

  run_cli (&by_campaign, "notices", "list", "--campaign", campaign, "--json", NULL);
  campaign_root = xf_cli_run_json (&by_campaign);
  notices = json_object_get_array_member (json_node_get_object (campaign_root), "notices");
  g_assert_cmpuint (json_array_get_length (notices), ==, 2);
  for (guint i = 0; i < json_array_get_length (notices); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (notices, i), "campaign_id"), ==,
                     campaign_id);
}

static JsonObject *
find_objection (JsonArray  *objections,
                const char *outcome)
{
  for (guint i = 0; i < json_array_get_length (objections); i++)
    {
      JsonObject *objection = json_array_get_object_element (objections, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (objection, "outcome", NULL), outcome) == 0)
        return objection;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_show (void)
{
  gint64 first = upheld_notice ();
  g_autofree char *id = xf_cli_id_text (first);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM notice_candidates WHERE notice_id = %s", id);
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *notice, *upheld, *dismissed;
  JsonArray *candidates, *objections;
  guint returned = 0;

  run_cli (&run, "notices", "show", id, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Status: Closed\n"));
  g_assert_nonnull (strstr (run.out, "Period: From "));
  g_assert_nonnull (strstr (run.out, "(5 working days)"));
  g_assert_nonnull (strstr (run.out, "\nCandidates:\nNo.\tNomination\tName\tUnit\tStage\tResult\tOpen objections\n"));
  g_assert_nonnull (strstr (run.out, "\nObjections:\n"));
  g_assert_nonnull (strstr (run.out, "returned to the committee"));

  run_cli (&json, "notices", "show", id, "--json", NULL);
  root = xf_cli_run_json (&json);
  notice = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (notice, "id"), ==, first);
  g_assert_cmpstr (json_object_get_string_member (notice, "status"), ==, "closed");
  g_assert_nonnull (json_object_get_string_member (notice, "contact_phone"));
  candidates = json_object_get_array_member (notice, "candidates");
  g_assert_cmpuint (json_array_get_length (candidates), ==, query_int (sql));
  for (guint i = 0; i < json_array_get_length (candidates); i++)
    {
      JsonObject *candidate = json_array_get_object_element (candidates, i);
      const char *result = json_object_get_string_member (candidate, "result");

      g_assert_cmpint (json_object_get_int_member (candidate, "position"), ==, i + 1);
      /* Everyone else went on to decision when it closed. */
      if (g_str_equal (result, "returned"))
        returned++;
      else
        g_assert_cmpstr (result, ==, "decision");
    }
  g_assert_cmpuint (returned, ==, 1);

  objections = json_object_get_array_member (notice, "objection_list");
  g_assert_cmpuint (json_array_get_length (objections), ==, 2);
  upheld = find_objection (objections, "upheld-return");
  g_assert_cmpstr (json_object_get_string_member (upheld, "status"), ==, "closed");
  dismissed = find_objection (objections, "dismissed");
  g_assert_nonnull (json_object_get_string_member (dismissed, "reply"));
  g_assert_nonnull (json_object_get_string_member (dismissed, "reply_sent_on"));
  g_assert_cmpstr (json_object_get_string_member (dismissed, "reply_channel"), ==, "online");
  /* The administrator sees the objector's contact. */
  g_assert_false (json_object_get_boolean_member (dismissed, "contact_masked"));
  g_assert_cmpstr (json_object_get_string_member (dismissed, "contact"), ==, "lixd@example.cn");
}

/* A reviewer reads notices, but not an objector's contact. */
static void
test_show_masked (void)
{
  g_autofree char *id = xf_cli_id_text (upheld_notice ());
  g_auto(XfCliRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *objections;
  XfCliEnv env = { .database = database_path, .user = "reviewer", .password = "xianfeng" };

  xf_cli_run_args (&run, &env, "notices", "show", id, "--json", NULL);
  root = xf_cli_run_json (&run);
  g_assert_null (strstr (run.out, "lixd@example.cn"));
  objections = json_object_get_array_member (json_node_get_object (root), "objection_list");
  for (guint i = 0; i < json_array_get_length (objections); i++)
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (objections, i),
                                                   "contact_masked"));
}

static void
test_export (void)
{
  g_autofree char *id = xf_cli_id_text (upheld_notice ());
  g_autofree char *pdf = g_build_filename (tmp_dir, "notice.pdf", NULL);
  g_autofree char *html = g_build_filename (tmp_dir, "notice.html", NULL);
  g_autofree char *json = g_build_filename (tmp_dir, "notice.json", NULL);
  g_autofree char *pdf_text = NULL;
  g_autofree char *html_text = NULL;
  g_autofree char *json_text = NULL;
  g_autofree char *starts_on = NULL;
  g_autofree char *pdftotext = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(XfCliRun) run = { 0 };
  gsize length;
  JsonObject *object;

  run_cli (&run, "notices", "export", id, "--pdf", pdf, "--html", html, "--json", json, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpuint (xf_cli_count_lines (run.out), ==, 3);
  g_assert_nonnull (strstr (run.out, pdf));

  g_assert_true (g_file_get_contents (pdf, &pdf_text, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (pdf_text, "%PDF-"));
  /* The printed notice itself: its title and its candidates. */
  pdftotext = g_find_program_in_path ("pdftotext");
  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, "-layout", pdf, "-", NULL };
      g_autofree char *text = NULL;
      g_autofree char *name = NULL;
      g_autofree char *sql = g_strdup_printf ("SELECT name FROM notice_candidates WHERE notice_id = %s "
                                              "ORDER BY position DESC LIMIT 1", id);
      int wait_status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, &text, NULL, &wait_status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
      name = query_text (sql);
      g_assert_nonnull (strstr (text, "拟表彰人选的公示"));
      g_assert_nonnull (strstr (text, name));
      g_assert_null (strstr (text, "周明华"));
    }

  /* Public: the notice, never the objections. */
  g_assert_true (g_file_get_contents (html, &html_text, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (html_text, "拟表彰人选的公示"));
  g_assert_null (strstr (html_text, "lixd@example.cn"));
  g_assert_null (strstr (html_text, "周明华"));

  g_assert_true (g_file_get_contents (json, &json_text, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, json_text, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_nonnull (strstr (json_object_get_string_member (object, "title"), "拟表彰人选的公示"));
  starts_on = query_text ("SELECT starts_on FROM notices WHERE id IN "
                          "(SELECT notice_id FROM objections WHERE outcome = 'upheld-return')");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "period"), "starts_on"),
                   ==, starts_on);
  g_assert_null (strstr (json_text, "lixd@example.cn"));
  /* No portal's address given: no online line. */
  g_assert_null (strstr (html_text, "/notices/"));
  g_assert_true (json_object_get_null_member (object, "portal_url"));
}

/* --portal-url: the notice's page on the portal, on paper and in files. */
static void
test_export_portal (void)
{
  g_autofree char *id = xf_cli_id_text (upheld_notice ());
  g_autofree char *pdf = g_build_filename (tmp_dir, "portal.pdf", NULL);
  g_autofree char *html = g_build_filename (tmp_dir, "portal.html", NULL);
  g_autofree char *json = g_build_filename (tmp_dir, "portal.json", NULL);
  g_autofree char *expected = g_strdup_printf ("https://portal.example.cn/xf/notices/%s", id);
  g_autofree char *html_text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(XfCliRun) run = { 0 };
  JsonObject *object;

  run_cli (&run, "notices", "export", id, "--portal-url", "https://portal.example.cn/xf",
           "--pdf", pdf, "--html", html, "--json", json, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  g_assert_true (g_file_get_contents (html, &html_text, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (html_text, expected));
  g_assert_true (json_parser_load_from_file (parser, json, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "portal_url"), ==, expected);
  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, "-layout", pdf, "-", NULL };
      g_autofree char *text = NULL;
      int wait_status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, &text, NULL, &wait_status, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (text, expected));
    }
}

static void
test_bad_arguments (void)
{
  XfCliEnv env = { .database = database_path, .user = "admin", .password = "xianfeng" };
  const char *cases[][8] = {
    { "notices", NULL },
    { "notices", "frobnicate", NULL },
    { "notices", "show", NULL },
    { "notices", "show", "seven", NULL },
    { "notices", "list", "--status", "lost", NULL },
    { "notices", "list", "--campaign", NULL },
    { "notices", "export", "1", NULL },
    { "notices", "export", "1", "--pdf", NULL },
    { "notices", "export", "--html", "x.html", NULL },
    { "notices", "close-due", "--json", NULL },
    { "notices", "export", "1", "--html", "x.html", "--portal-url", NULL },
    { "notices", "export", "1", "--html", "x.html", "--portal-url", "ftp://portal.example.cn/" },
    { "notices", "export", "1", "--portal-url", "--html", "x.html" },
    { "notices", "show", "1", "--portal-url", "https://portal.example.cn/" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    xf_cli_assert_run_fails (&env, cases[i], 2);
}

static void
test_unknown_ids (void)
{
  g_autofree char *pdf = g_build_filename (tmp_dir, "none.pdf", NULL);
  g_auto(XfCliRun) show = { 0 };
  g_auto(XfCliRun) export = { 0 };
  g_auto(XfCliRun) list = { 0 };

  run_cli (&show, "notices", "show", "9999", NULL);
  xf_cli_assert_failed (&show, 1);
  run_cli (&export, "notices", "export", "9999", "--pdf", pdf, NULL);
  xf_cli_assert_failed (&export, 1);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  run_cli (&list, "notices", "list", "--campaign", "9999", NULL);
  xf_cli_assert_failed (&list, 1);
}

/* Last: time passes beyond the running notice's period. Its candidates
 * without an objection go on to decision; the one with an open objection
 * is held in notice. */
static void
test_close_due (void)
{
  gint64 id = running_notice ();
  g_autofree char *sql = g_strdup_printf ("SELECT ends_on FROM notices WHERE id = %" G_GINT64_FORMAT, id);
  g_autofree char *ends_on = query_text (sql);
  g_autofree char *saved = g_strdup (g_getenv ("XIANFENG_TODAY"));
  g_autofree char *day_after = NULL;
  g_autofree char *held = NULL;
  g_autofree char *moved = NULL;
  g_auto(XfCliRun) early = { 0 };
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) again = { 0 };
  GDate date;

  /* Not yet: nothing closes. */
  run_cli (&early, "notices", "close-due", NULL);
  g_assert_cmpint (early.status, ==, 0);
  g_assert_cmpstr (early.out, ==, "Closed 0 notices whose period has ended\n");

  g_date_set_parse (&date, ends_on);
  g_assert_true (g_date_valid (&date));
  g_date_add_days (&date, 1);
  day_after = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                               g_date_get_day (&date));
  g_setenv ("XIANFENG_TODAY", day_after, TRUE);
  run_cli (&run, "notices", "close-due", NULL);
  run_cli (&again, "notices", "close-due", NULL);
  if (saved != NULL)
    g_setenv ("XIANFENG_TODAY", saved, TRUE);
  else
    g_unsetenv ("XIANFENG_TODAY");

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Closed 1 notice whose period has ended\n"));
  g_assert_nonnull (strstr (run.out, "德清工匠"));
  g_assert_cmpstr (again.out, ==, "Closed 0 notices whose period has ended\n");

  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM notices WHERE id = %" G_GINT64_FORMAT " AND status = 'closed'", id);
  g_assert_cmpint (query_int (sql), ==, 1);
  held = g_strdup_printf ("SELECT count(*) FROM notice_candidates c JOIN nominations n ON n.id = c.nomination_id "
                          "WHERE c.notice_id = %" G_GINT64_FORMAT " AND c.result = 'held' AND n.stage = 'notice'",
                          id);
  moved = g_strdup_printf ("SELECT count(*) FROM notice_candidates c JOIN nominations n ON n.id = c.nomination_id "
                           "WHERE c.notice_id = %" G_GINT64_FORMAT " AND c.result = 'decision' "
                           "AND n.stage = 'decision'", id);
  g_assert_cmpint (query_int (held), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) - 1 FROM notice_candidates WHERE notice_id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (query_int (moved), ==, query_int (sql));
  g_assert_cmpint (query_int (moved), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/notices/list", test_list);
  g_test_add_func ("/cli/notices/list-filters", test_list_filters);
  g_test_add_func ("/cli/notices/show", test_show);
  g_test_add_func ("/cli/notices/show-masked", test_show_masked);
  g_test_add_func ("/cli/notices/export", test_export);
  g_test_add_func ("/cli/notices/export-portal", test_export_portal);
  g_test_add_func ("/cli/notices/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/notices/unknown-ids", test_unknown_ids);
  g_test_add_func ("/cli/notices/close-due", test_close_due);

  return xf_cli_run_tests_on_demo ("notices.db", &tmp_dir, &database_path);
}
