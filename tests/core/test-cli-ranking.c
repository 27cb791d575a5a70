/* test-cli-ranking.c — `ranking …`, `events import` and `events list` on a
 *                      demo database
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "xf-cli-test-util.h"
#include "xf-services.h"
#include "xf-test-store.h"
#include "xf-xlsx-reader.h"

static char *tmp_dir;
static char *database_path;   /* demo data with its events and frozen months, made once by main() */

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

/* The newest frozen month. */
static char *
newest_month (void)
{
  return query_text ("SELECT max(month) FROM monthly_rankings");
}

static char *
write_file (const char *name,
            const char *text)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

/* The sum of an entry's components' points. */
static double
sum_points (JsonObject *entry)
{
  JsonArray *parts = json_object_get_array_member (entry, "components");
  double sum = 0;

  g_assert_cmpuint (json_array_get_length (parts), ==, 9);
  for (guint i = 0; i < json_array_get_length (parts); i++)
    sum += json_object_get_double_member (json_array_get_object_element (parts, i), "points");
  return sum;
}

/* The demo freezes the twelve months before today's, each with its 20. */
static void
test_months (void)
{
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) plain = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *newest = newest_month ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) last_month = g_date_time_add_months (now, -1);
  g_autofree char *expected = g_date_time_format (last_month, "%Y-%m");
  JsonArray *months;

  run_cli (&run, "ranking", "months", "--json", NULL);
  root = xf_cli_run_json (&run);
  months = json_object_get_array_member (json_node_get_object (root), "months");
  g_assert_cmpuint (json_array_get_length (months), ==, 12);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "count"), ==, 12);
  g_assert_cmpstr (json_array_get_string_element (months, 0), ==, expected);
  g_assert_cmpstr (json_array_get_string_element (months, 0), ==, newest);
  /* Newest first. */
  for (guint i = 1; i < json_array_get_length (months); i++)
    g_assert_cmpstr (json_array_get_string_element (months, i - 1), >, json_array_get_string_element (months, i));

  run_cli (&plain, "ranking", "months", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_cmpuint (xf_cli_count_lines (plain.out), ==, 12);
  g_assert_true (g_str_has_prefix (plain.out, expected));

  /* The demo's card events: views, likes, shares, recommendations, with
   * repeats by the same visitor the same day. */
  g_assert_cmpint (query_int ("SELECT count(*) FROM engagement_events WHERE kind = 'card-viewed'"), >, 1000);
  g_assert_cmpint (query_int ("SELECT count(*) FROM engagement_events WHERE kind = 'recommended'"), >, 50);
  g_assert_cmpint (query_int ("SELECT count(*) FROM (SELECT pioneer_id FROM engagement_events"
                              " WHERE kind = 'card-liked' GROUP BY pioneer_id, occurred_on, visitor"
                              " HAVING count(*) > 1) t"), >, 10);
  g_assert_cmpint (query_int ("SELECT count(*) FROM ranking_entries e JOIN monthly_rankings m ON m.id = e.ranking_id"
                              " WHERE e.kind = 'individual' AND e.rank <= 20"), ==, 12 * 20);
}

static void
test_top (void)
{
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) plain = { 0 };
  g_auto(XfCliRun) collectives = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) collectives_root = NULL;
  g_autofree char *month = newest_month ();
  g_autofree char *sql = g_strdup_printf ("SELECT p.uid FROM ranking_entries e JOIN monthly_rankings m"
                                          " ON m.id = e.ranking_id JOIN pioneers p ON p.id = e.pioneer_id"
                                          " WHERE m.month = '%s' AND e.kind = 'individual' AND e.rank = 1", month);
  g_autofree char *first_uid = query_text (sql);
  g_autofree char *first_line = NULL;
  JsonObject *object;
  JsonArray *entries;
  double previous = 101;

  run_cli (&run, "ranking", "top", month, "--json", NULL);
  root = xf_cli_run_json (&run);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "month"), ==, month);
  g_assert_true (json_object_get_boolean_member (object, "frozen"));
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "individual");
  g_assert_cmpint (json_object_get_int_member (object, "events_counted"), >, 100);
  entries = json_object_get_array_member (object, "entries");
  g_assert_cmpuint (json_array_get_length (entries), ==, 20);
  for (guint i = 0; i < 20; i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      double score = json_object_get_double_member (entry, "score");

      g_assert_cmpint (json_object_get_int_member (entry, "rank"), ==, i + 1);
      g_assert_cmpstr (json_object_get_string_member (entry, "kind"), ==, "individual");
      g_assert_cmpfloat (score, <=, previous);
      g_assert_cmpfloat (score, >, 0);
      g_assert_cmpfloat_with_epsilon (sum_points (entry), score, 1e-6);
      previous = score;
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0), "pioneer_uid"), ==,
                   first_uid);

  run_cli (&plain, "ranking", "top", month, NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_cmpuint (xf_cli_count_lines (plain.out), ==, 21);
  g_assert_true (g_str_has_prefix (plain.out, "Rank\tUID\tName\tIndex\tCard views\tLikes\tShares\t"));
  first_line = g_strdup_printf ("\n1\t%s\t", first_uid);
  g_assert_nonnull (strstr (plain.out, first_line));

  run_cli (&collectives, "ranking", "top", month, "--collectives", "--json", NULL);
  collectives_root = xf_cli_run_json (&collectives);
  object = json_node_get_object (collectives_root);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "collective");
  entries = json_object_get_array_member (object, "entries");
  g_assert_cmpuint (json_array_get_length (entries), >, 0);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0), "kind"), ==,
                   "collective");
}

/* The current month has no snapshot: `top` shows the preview. */
static void
test_top_preview (void)
{
  g_auto(XfCliRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *month = g_date_time_format (now, "%Y-%m");
  g_auto(XfCliRun) plain = { 0 };

  run_cli (&run, "ranking", "top", month, "--json", NULL);
  root = xf_cli_run_json (&run);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (root), "frozen"));
  run_cli (&plain, "ranking", "top", month, NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_nonnull (strstr (plain.out, "not frozen yet"));

  /* A month long before the events: nobody. */
  {
    g_auto(XfCliRun) empty = { 0 };
    g_autoptr(JsonNode) empty_root = NULL;

    run_cli (&empty, "ranking", "top", "2001-01", "--json", NULL);
    empty_root = xf_cli_run_json (&empty);
    g_assert_false (json_object_get_boolean_member (json_node_get_object (empty_root), "frozen"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (empty_root),
                                                                          "entries")), ==, 0);
  }
}

static void
test_export (void)
{
  g_auto(XfCliRun) json = { 0 };
  g_auto(XfCliRun) csv = { 0 };
  g_auto(XfCliRun) xlsx = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autofree char *month = newest_month ();
  g_autofree char *csv_path = g_build_filename (tmp_dir, "top.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (tmp_dir, "top.xlsx", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *first;
  const XfXlsxSheet *sheet;
  gsize length;

  run_cli (&json, "ranking", "top", month, "--json", NULL);
  root = xf_cli_run_json (&json);
  first = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "entries"), 0);

  run_cli (&csv, "ranking", "top", month, "--csv", csv_path, NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_nonnull (strstr (csv.out, "Wrote 20 rows"));
  g_assert_true (g_file_get_contents (csv_path, &text, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "Rank,UID,Name,"));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 22);   /* heading, 20 rows, and after the last CRLF */
  g_assert_cmpstr (lines[21], ==, "");
  g_assert_true (g_str_has_prefix (lines[1], "1,"));
  g_assert_nonnull (strstr (lines[1], json_object_get_string_member (first, "pioneer_uid")));

  /* "--csv -": the same CSV on standard output. */
  {
    g_auto(XfCliRun) piped = { 0 };

    run_cli (&piped, "ranking", "top", month, "--csv", "-", NULL);
    g_assert_cmpint (piped.status, ==, 0);
    g_assert_cmpstr (piped.out, ==, text);
  }

  run_cli (&xlsx, "ranking", "top", month, "--xlsx", xlsx_path, NULL);
  g_assert_cmpint (xlsx.status, ==, 0);
  sheets = xf_xlsx_read (xlsx_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, 1);
  sheet = g_ptr_array_index (sheets, 0);
  g_assert_cmpuint (sheet->rows->len, ==, 21);
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 0, 0), ==, "Rank");
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 0, 6), ==, "Pioneer index");
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 0, 7), ==, "Card views");
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 1, 0), ==, "1");
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, 1, 0), ==, 'n');
  g_assert_cmpstr (xf_xlsx_sheet_get (sheet, 1, 1), ==, json_object_get_string_member (first, "pioneer_uid"));
  g_assert_cmpint (xf_xlsx_sheet_get_kind (sheet, 1, 6), ==, 'n');
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (xf_xlsx_sheet_get (sheet, 1, 6), NULL),
                                  json_object_get_double_member (first, "score"), 1e-6);
}

static void
test_explain (void)
{
  g_auto(XfCliRun) top = { 0 };
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) plain = { 0 };
  g_autoptr(JsonNode) top_root = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *month = newest_month ();
  JsonObject *third, *entry;
  JsonArray *parts;
  const char *uid;

  run_cli (&top, "ranking", "top", month, "--json", NULL);
  top_root = xf_cli_run_json (&top);
  third = json_array_get_object_element (json_object_get_array_member (json_node_get_object (top_root), "entries"), 2);
  uid = json_object_get_string_member (third, "pioneer_uid");

  run_cli (&run, "ranking", "explain", uid, month, "--json", NULL);
  root = xf_cli_run_json (&run);
  entry = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (entry, "month"), ==, month);
  g_assert_cmpint (json_object_get_int_member (entry, "rank"), ==, 3);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (entry, "score"),
                                  json_object_get_double_member (third, "score"), 1e-9);
  g_assert_cmpfloat_with_epsilon (sum_points (entry), json_object_get_double_member (entry, "score"), 1e-6);
  parts = json_object_get_array_member (entry, "components");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (parts, 0), "id"), ==, "views");
  for (guint i = 0; i < json_array_get_length (parts); i++)
    {
      JsonObject *part = json_array_get_object_element (parts, i);
      double max = json_object_get_double_member (part, "max");
      double raw = json_object_get_double_member (part, "raw");

      g_assert_cmpfloat (raw, <=, max);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (part, "normalised"),
                                      max > 0 ? raw / max : 0, 1e-9);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (part, "points"),
                                      json_object_get_double_member (part, "weight")
                                      * json_object_get_double_member (part, "normalised"), 1e-6);
    }

  run_cli (&plain, "ranking", "explain", uid, month, NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_nonnull (strstr (plain.out, "Rank: 3\n"));
  g_assert_nonnull (strstr (plain.out, "\nviews\tCard views\t"));
}

/* Recomputing a frozen month gives the same 20, audited. */
static void
test_compute (void)
{
  g_auto(XfCliRun) before = { 0 };
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) after = { 0 };
  g_autoptr(JsonNode) before_root = NULL;
  g_autoptr(JsonNode) after_root = NULL;
  g_autofree char *month = newest_month ();
  g_autofree char *expected = NULL;
  JsonArray *a, *b;
  gint64 audited = query_int ("SELECT count(*) FROM audit_log WHERE action = 'ranking-compute'");

  run_cli (&before, "ranking", "top", month, "--json", NULL);
  before_root = xf_cli_run_json (&before);
  run_cli (&run, "ranking", "compute", month, NULL);
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf ("Froze %s: ", month);
  g_assert_true (g_str_has_prefix (run.out, expected));
  g_assert_cmpint (query_int ("SELECT count(*) FROM monthly_rankings"), ==, 12);
  g_assert_cmpint (query_int ("SELECT count(*) FROM audit_log WHERE action = 'ranking-compute'"), ==, audited + 1);
  {
    g_autofree char *audit = g_strdup_printf ("SELECT new_value FROM audit_log WHERE action = 'ranking-compute'"
                                              " AND record_uid = '%s' ORDER BY seq DESC LIMIT 1", month);
    g_autofree char *how = query_text (audit);

    g_assert_cmpstr (how, ==, "recomputed");
  }

  run_cli (&after, "ranking", "top", month, "--json", NULL);
  after_root = xf_cli_run_json (&after);
  a = json_object_get_array_member (json_node_get_object (before_root), "entries");
  b = json_object_get_array_member (json_node_get_object (after_root), "entries");
  for (guint i = 0; i < 20; i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, i), "pioneer_uid"), ==,
                     json_object_get_string_member (json_array_get_object_element (b, i), "pioneer_uid"));

  /* The current month has not ended. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *current = g_date_time_format (now, "%Y-%m");
    g_auto(XfCliRun) refused = { 0 };

    run_cli (&refused, "ranking", "compute", current, NULL);
    xf_cli_assert_failed (&refused, 1);
  }
}

static void
test_weights (void)
{
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) plain = { 0 };
  g_auto(XfCliRun) set = { 0 };
  g_auto(XfCliRun) past = { 0 };
  g_auto(XfCliRun) after = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) after_root = NULL;
  g_auto(XfCliRun) scheduled = { 0 };
  g_auto(XfCliRun) now_plain = { 0 };
  g_auto(XfCliRun) then = { 0 };
  g_autoptr(JsonNode) then_root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *current = g_date_time_format (now, "%Y-%m");
  g_autofree char *previous = newest_month ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  JsonArray *components;

  run_cli (&run, "ranking", "weights", "--json", NULL);
  root = xf_cli_run_json (&run);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "valid_from"), ==, "2000-01");
  components = json_object_get_array_member (json_object_get_object_member (object, "weights"), "components");
  g_assert_cmpuint (json_array_get_length (components), ==, 9);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (components, 0), "id"), ==, "views");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (components, 0), "weight"), ==, 10);

  run_cli (&plain, "ranking", "weights", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_nonnull (strstr (plain.out, "\nservices\tServices completed\t20\tcount\t0\t0\tservice-done\n"));

  /* Views count double from this month on. */
  json_object_set_double_member (json_array_get_object_element (components, 0), "weight", 20);
  json_generator_set_root (generator, json_object_get_member (object, "weights"));
  text = json_generator_to_data (generator, NULL);
  path = write_file ("weights.json", text);

  run_cli (&past, "ranking", "set-weights", path, "--from", previous, "--reason", "Too late", NULL);
  xf_cli_assert_failed (&past, 1);
  run_cli (&set, "ranking", "set-weights", path, "--from", current, "--reason", "Cards matter more", NULL);
  g_assert_cmpint (set.status, ==, 0);
  g_assert_cmpint (query_int ("SELECT count(*) FROM index_weight_sets"), ==, 2);

  run_cli (&after, "ranking", "weights", "--json", NULL);
  after_root = xf_cli_run_json (&after);
  object = json_node_get_object (after_root);
  g_assert_cmpstr (json_object_get_string_member (object, "valid_from"), ==, current);
  g_assert_cmpstr (json_object_get_string_member (object, "reason"), ==, "Cards matter more");
  components = json_object_get_array_member (json_object_get_object_member (object, "weights"), "components");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (components, 0), "weight"), ==, 20);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "later")), ==, 0);

  /* A change scheduled for a later month is shown before it ranks. */
  run_cli (&scheduled, "ranking", "set-weights", path, "--from", "2099-01", "--reason", "Planned", NULL);
  g_assert_cmpint (scheduled.status, ==, 0);
  run_cli (&now_plain, "ranking", "weights", NULL);
  g_assert_cmpint (now_plain.status, ==, 0);
  g_assert_nonnull (strstr (now_plain.out, "Changed from 2099-01: Planned (ranking weights 2099-01 shows them)\n"));
  run_cli (&then, "ranking", "weights", "2099-01", "--json", NULL);
  then_root = xf_cli_run_json (&then);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (then_root), "valid_from"), ==, "2099-01");
}

static void
test_events_import (void)
{
  g_autofree char *uid = query_text ("SELECT uid FROM pioneers WHERE status = 'active' ORDER BY id LIMIT 1");
  g_autofree char *good = g_strdup_printf (
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"2026-11-03T09:12:00+08:00\", \"source\": \"wechat\", \"id\": \"t-1\", \"visitor\": \"v-1\"}\n"
    "{\"pioneer\": \"%s\", \"kind\": \"card-shared\", \"at\": \"2026-11-04\", \"source\": \"wechat\", \"id\": \"t-2\"}\n",
    uid, uid);
  g_autofree char *mixed = g_strdup_printf (
    "%s"
    "{\"pioneer\": \"%s\", \"kind\": \"like\", \"at\": \"2026-11-05\", \"source\": \"wechat\", \"id\": \"t-3\"}\n",
    good, uid);
  g_autofree char *good_path = write_file ("good.jsonl", good);
  g_autofree char *mixed_path = write_file ("mixed.jsonl", mixed);
  g_auto(XfCliRun) dry = { 0 };
  g_auto(XfCliRun) first = { 0 };
  g_auto(XfCliRun) again = { 0 };
  g_auto(XfCliRun) bad = { 0 };
  gint64 before = query_int ("SELECT count(*) FROM engagement_events WHERE source = 'wechat' AND source_id LIKE 't-%'");

  g_assert_cmpint (before, ==, 0);
  run_cli (&dry, "events", "import", good_path, "--dry-run", NULL);
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_cmpstr (dry.out, ==, "Dry run, nothing stored: 2 lines, 2 would be added, 0 duplicates, 0 refused\n");
  g_assert_cmpint (query_int ("SELECT count(*) FROM engagement_events WHERE source_id LIKE 't-%'"), ==, 0);

  run_cli (&first, "events", "import", good_path, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpstr (first.out, ==, "2 lines: 2 added, 0 duplicates, 0 refused\n");
  g_assert_cmpint (query_int ("SELECT count(*) FROM engagement_events WHERE source = 'wechat' AND source_id LIKE 't-%'"),
                   ==, 2);

  run_cli (&again, "events", "import", good_path, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpstr (again.out, ==, "2 lines: 0 added, 2 duplicates, 0 refused\n");

  /* A bad line is listed by number; exit 1. */
  run_cli (&bad, "events", "import", mixed_path, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_true (g_str_has_prefix (bad.out, "3 lines: 0 added, 2 duplicates, 1 refused\nLine 3: "));
  g_assert_nonnull (strstr (bad.out, "like"));
  g_assert_cmpint (query_int ("SELECT count(*) FROM engagement_events WHERE source_id LIKE 't-%'"), ==, 2);
}

static void
test_bad_arguments (void)
{
  const XfCliEnv env = { .database = database_path, .user = "admin", .password = "xianfeng" };
  g_autofree char *month = newest_month ();
  g_autofree char *bad_dir = g_build_filename (tmp_dir, "no-such-folder", "top.csv", NULL);
  g_auto(XfCliRun) month_error = { 0 };
  g_auto(XfCliRun) csv_error = { 0 };

  xf_cli_assert_run_fails (&env, (const char *[]) { "ranking", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "ranking", "fly", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "ranking", "top", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "ranking", "top", "2026-13", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "ranking", "top", "November", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "ranking", "top", month, "--csv", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "ranking", "top", month, "--csv", "a.csv", "--xlsx", "a.xlsx", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "ranking", "top", month, "--fast", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "ranking", "explain", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "ranking", "explain", "uid", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "ranking", "compute", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "ranking", "set-weights", "w.json", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "ranking", "set-weights", "w.json", "--from", "2026-1", "--reason", "x", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "ranking", "set-weights", "w.json", "--from", month, NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "events", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "events", "import", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "events", "import", "a.jsonl", "--wet", NULL }, 2);
  /* Not found or not possible: 1. */
  xf_cli_assert_run_fails (&env, (const char *[]) { "ranking", "explain", "no-such-uid", month, NULL }, 1);
  xf_cli_assert_run_fails (&env, (const char *[]) { "ranking", "set-weights", "/nonexistent/w.json", "--from", month,
                                                    "--reason", "x", NULL }, 1);
  xf_cli_assert_run_fails (&env, (const char *[]) { "events", "import", "/nonexistent/e.jsonl", NULL }, 1);

  /* Errors name the argument. */
  run_cli (&month_error, "ranking", "top", "2026-13", NULL);
  g_assert_nonnull (strstr (month_error.err, "Month: "));
  /* A month well written but out of the years ranked says so. */
  {
    g_auto(XfCliRun) early = { 0 };

    run_cli (&early, "ranking", "compute", "1999-12", NULL);
    xf_cli_assert_failed (&early, 2);
    g_assert_nonnull (strstr (early.err, "Month: “1999-12” is not between 2000-01 and 2100-12"));
  }
  run_cli (&csv_error, "ranking", "top", month, "--csv", bad_dir, NULL);
  xf_cli_assert_failed (&csv_error, 1);
  g_assert_nonnull (strstr (csv_error.err, "top.csv"));
}

/* A month that has ended without being frozen is a preview that says how
 * to freeze it, not "the month so far". */
static void
test_top_ended_not_frozen (void)
{
  g_auto(XfCliRun) run = { 0 };

  run_cli (&run, "ranking", "top", "2001-01", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "2001-01 has ended but is not frozen: a preview; "
                                            "“ranking compute 2001-01” freezes it\n"));
  g_assert_null (strstr (run.out, "so far"));
}

/* A month that has not begun has nothing to show or explain; a folder is
 * not a file to write. */
static void
test_future_and_folders (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_months (now, 2);
  g_autofree char *future = g_date_time_format (later, "%Y-%m");
  g_autofree char *month = newest_month ();
  g_autofree char *uid = query_text ("SELECT uid FROM pioneers WHERE status = 'active' ORDER BY id LIMIT 1");
  g_autofree char *expected = g_strdup_printf ("Month: %s has not begun yet", future);
  g_auto(XfCliRun) top = { 0 };
  g_auto(XfCliRun) explain = { 0 };
  g_auto(XfCliRun) csv = { 0 };
  g_auto(XfCliRun) xlsx = { 0 };

  run_cli (&top, "ranking", "top", future, NULL);
  xf_cli_assert_failed (&top, 1);
  g_assert_nonnull (strstr (top.err, expected));
  run_cli (&explain, "ranking", "explain", uid, future, "--json", NULL);
  xf_cli_assert_failed (&explain, 1);
  g_assert_nonnull (strstr (explain.err, expected));

  run_cli (&csv, "ranking", "top", month, "--csv", tmp_dir, NULL);
  xf_cli_assert_failed (&csv, 2);
  g_assert_nonnull (strstr (csv.err, "--csv"));
  g_assert_nonnull (strstr (csv.err, "folder"));
  run_cli (&xlsx, "ranking", "top", month, "--xlsx", tmp_dir, NULL);
  xf_cli_assert_failed (&xlsx, 2);
  g_assert_nonnull (strstr (xlsx.err, "--xlsx"));

  {
    g_autofree char *path = g_build_filename (tmp_dir, "both.csv", NULL);
    g_auto(XfCliRun) both = { 0 };

    run_cli (&both, "ranking", "top", month, "--csv", path, "--json", NULL);
    xf_cli_assert_failed (&both, 2);
    g_assert_nonnull (strstr (both.err, "--json"));
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

/* The engagement events of @pioneer_id (0: all) between @from and @to
 * (NULL: open) as core lists them, as the local administrator. */
static GPtrArray *
core_engagement (gint64      pioneer_id,
                 const char *from,
                 const char *to)
{
  g_autoptr(XfStore) store = xf_test_open_store_at (database_path);
  g_autoptr(XfRegistry) registry = xf_test_new_registry (store);
  g_autoptr(XfServices) services = xf_services_new (registry);
  g_autoptr(GError) error = NULL;
  GPtrArray *events = xf_services_list_engagement (services, pioneer_id, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (events);
  return events;
}

#define VISITOR "0123456789abcdef0123456789abcdef"

/* `events list`: a pioneer's events between two dates, the same as core
 * lists them (kind, date, source, id, visitor as stored, value), oldest
 * first; in plain text a translated heading and a row each. Every role
 * may read them. */
static void
test_events_list (void)
{
  g_autofree char *uid = query_text ("SELECT uid FROM pioneers WHERE status = 'active' ORDER BY id DESC LIMIT 1");
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM pioneers WHERE uid = '%s'", uid);
  gint64 pioneer_id = query_int (sql);
  g_autofree char *lines = g_strdup_printf (
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"2026-10-15T09:00:00+08:00\", \"source\": \"wechat\", \"id\": \"list-1\", \"visitor\": \"" VISITOR "\"}\n"
    "{\"pioneer\": \"%s\", \"kind\": \"recommended\", \"at\": \"2026-10-15T10:00:00+08:00\", \"source\": \"wechat\", \"id\": \"list-2\", \"value\": 2.5}\n"
    "{\"pioneer\": \"%s\", \"kind\": \"card-viewed\", \"at\": \"2026-10-17\", \"source\": \"wechat\", \"id\": \"list-3\"}\n",
    uid, uid, uid);
  g_autofree char *path = write_file ("list.jsonl", lines);
  g_autoptr(GPtrArray) day = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_auto(XfCliRun) import = { 0 };
  g_auto(XfCliRun) json = { 0 };
  g_auto(XfCliRun) whole = { 0 };
  g_auto(XfCliRun) plain = { 0 };
  g_auto(XfCliRun) reviewer = { 0 };
  g_auto(XfCliRun) everyone = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) whole_root = NULL;
  g_autoptr(JsonNode) reviewer_root = NULL;
  g_autoptr(JsonNode) everyone_root = NULL;
  g_autofree char *row = NULL;
  JsonArray *events;
  guint mine = 0;

  run_cli (&import, "events", "import", path, NULL);
  g_assert_cmpstr (import.out, ==, "3 lines: 3 added, 0 duplicates, 0 refused\n");

  /* One day: the same events as core's, in its order, with every field. */
  day = core_engagement (pioneer_id, "2026-10-15", "2026-10-15");
  g_assert_cmpuint (day->len, >=, 2);
  run_cli (&json, "events", "list", "--pioneer", uid, "--from", "2026-10-15", "--to", "2026-10-15", "--json", NULL);
  root = xf_cli_run_json (&json);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "count"), ==, day->len);
  events = json_object_get_array_member (json_node_get_object (root), "events");
  g_assert_cmpuint (json_array_get_length (events), ==, day->len);
  for (guint i = 0; i < day->len; i++)
    {
      const XfEngagementEvent *expected = g_ptr_array_index (day, i);
      JsonObject *event = json_array_get_object_element (events, i);

      g_assert_cmpint (json_object_get_int_member (event, "id"), ==, expected->id);
      g_assert_cmpint (json_object_get_int_member (event, "pioneer_id"), ==, pioneer_id);
      g_assert_cmpstr (json_object_get_string_member (event, "pioneer_uid"), ==, uid);
      g_assert_cmpstr (json_object_get_string_member (event, "kind"), ==, expected->kind);
      g_assert_cmpstr (json_object_get_string_member (event, "date"), ==, "2026-10-15");
      g_assert_cmpstr (json_object_get_string_member (event, "source"), ==, expected->source);
      g_assert_cmpstr (json_object_get_string_member (event, "source_id"), ==, expected->source_id);
      g_assert_cmpstr (json_object_get_string_member_with_default (event, "visitor", NULL), ==, expected->visitor);
      g_assert_cmpfloat (json_object_get_double_member (event, "value"), ==, expected->value);
      if (g_str_equal (expected->source_id, "list-1"))
        {
          mine++;
          g_assert_cmpstr (expected->kind, ==, "card-liked");
          g_assert_cmpstr (expected->visitor, ==, VISITOR);
          g_assert_cmpfloat (expected->value, ==, 1);
          g_assert_cmpstr (json_object_get_string_member (event, "at"), ==, "2026-10-15T01:00:00Z");
        }
      else if (g_str_equal (expected->source_id, "list-2"))
        {
          mine++;
          g_assert_cmpstr (expected->kind, ==, "recommended");
          g_assert_null (expected->visitor);
          g_assert_true (json_object_get_null_member (event, "visitor"));
          g_assert_cmpfloat (expected->value, ==, 2.5);
        }
      else
        g_assert_cmpstr (expected->source_id, !=, "list-3");
    }
  g_assert_cmpuint (mine, ==, 2);

  /* No dates: all of the pioneer's, the one two days later too. */
  all = core_engagement (pioneer_id, NULL, NULL);
  g_assert_cmpuint (all->len, >, day->len);
  run_cli (&whole, "events", "list", "--pioneer", uid, "--json", NULL);
  whole_root = xf_cli_run_json (&whole);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (whole_root), "count"), ==, all->len);

  /* Plain: a heading, then one row each, the kind's name. */
  run_cli (&plain, "events", "list", "--pioneer", uid, "--from", "2026-10-15", "--to", "2026-10-17", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_cmpstr (plain.err, ==, "");
  g_assert_true (g_str_has_prefix (plain.out, "Date\tKind\tPioneer\tSource\tVisitor\tValue\n"));
  {
    g_autoptr(GPtrArray) three_days = core_engagement (pioneer_id, "2026-10-15", "2026-10-17");

    g_assert_cmpuint (xf_cli_count_lines (plain.out), ==, three_days->len + 1);
  }
  row = g_strdup_printf ("\n2026-10-15\tName card liked\t%s\twechat\t" VISITOR "\t1\n", uid);
  g_assert_nonnull (strstr (plain.out, row));
  g_clear_pointer (&row, g_free);
  row = g_strdup_printf ("\n2026-10-15\tRecommended\t%s\twechat\t–\t2.5\n", uid);
  g_assert_nonnull (strstr (plain.out, row));
  g_clear_pointer (&row, g_free);
  row = g_strdup_printf ("\n2026-10-17\tName card viewed\t%s\twechat\t–\t1\n", uid);
  g_assert_nonnull (strstr (plain.out, row));

  /* Reading them needs only REGISTRY_READ, which every role has. */
  xf_cli_run_args (&reviewer, &(XfCliEnv) { .database = database_path, .user = "reviewer", .password = "xianfeng" },
                   "events", "list", "--pioneer", uid, "--from", "2026-10-15", "--to", "2026-10-15", "--json", NULL);
  reviewer_root = xf_cli_run_json (&reviewer);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (reviewer_root), "count"), ==, day->len);

  /* Everyone's on one day. */
  run_cli (&everyone, "events", "list", "--from", "2026-10-17", "--to", "2026-10-17", "--json", NULL);
  everyone_root = xf_cli_run_json (&everyone);
  {
    g_autoptr(GPtrArray) expected = core_engagement (0, "2026-10-17", "2026-10-17");

    g_assert_cmpint (json_object_get_int_member (json_node_get_object (everyone_root), "count"), ==, expected->len);
    g_assert_cmpint (expected->len, ==,
                     query_int ("SELECT count(*) FROM engagement_events WHERE occurred_on = '2026-10-17'"));
  }
}

/* `events list` refused: a pioneer not found (1, named); bad options (2). */
static void
test_events_list_refused (void)
{
  const XfCliEnv env = { .database = database_path, .user = "admin", .password = "xianfeng" };
  g_auto(XfCliRun) missing = { 0 };
  g_auto(XfCliRun) bad_date = { 0 };

  run_cli (&missing, "events", "list", "--pioneer", "no-such-uid", NULL);
  xf_cli_assert_failed (&missing, 1);
  g_assert_nonnull (strstr (missing.err, "no-such-uid"));

  run_cli (&bad_date, "events", "list", "--from", "2026-02-30", NULL);
  xf_cli_assert_failed (&bad_date, 2);
  g_assert_cmpstr (bad_date.err, ==, "xianfeng-cli: --from needs a date written YYYY-MM-DD\n");
  xf_cli_assert_run_fails (&env, (const char *[]) { "events", "list", "--to", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "events", "list", "--to", "15/10/2026", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "events", "list", "--pioneer", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "events", "list", "--pioneer", "--json", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "events", "list", "--limit", "5", NULL }, 2);
  xf_cli_assert_run_fails (&env, (const char *[]) { "events", "list", "uid", NULL }, 2);
}

/* One line is "1 line", in the summary and the dry run's. */
static void
test_events_import_one_line (void)
{
  g_autofree char *uid = query_text ("SELECT uid FROM pioneers WHERE status = 'active' ORDER BY id LIMIT 1");
  g_autofree char *line = g_strdup_printf (
    "{\"pioneer\": \"%s\", \"kind\": \"card-viewed\", \"at\": \"2026-11-03\", \"source\": \"portal-test\", \"id\": \"one-1\"}\n",
    uid);
  g_autofree char *path = write_file ("one.jsonl", line);
  g_autofree char *empty = write_file ("empty.jsonl", "");
  g_auto(XfCliRun) dry = { 0 };
  g_auto(XfCliRun) run = { 0 };
  g_auto(XfCliRun) none = { 0 };

  run_cli (&dry, "events", "import", path, "--dry-run", NULL);
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_cmpstr (dry.out, ==, "Dry run, nothing stored: 1 line, 1 would be added, 0 duplicates, 0 refused\n");
  run_cli (&run, "events", "import", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "1 line: 1 added, 0 duplicates, 0 refused\n");
  run_cli (&none, "events", "import", empty, NULL);
  g_assert_cmpint (none.status, ==, 0);
  g_assert_cmpstr (none.out, ==, "0 lines: 0 added, 0 duplicates, 0 refused\n");
}

/* A CLI process run by the administrator on the test database, in English,
 * its output piped. */
static GSubprocessLauncher *
new_admin_launcher (void)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                             G_SUBPROCESS_FLAGS_STDERR_PIPE);

  g_subprocess_launcher_setenv (launcher, "XIANFENG_DATABASE", database_path, TRUE);
  g_subprocess_launcher_setenv (launcher, "XIANFENG_USER", "admin", TRUE);
  g_subprocess_launcher_setenv (launcher, "XIANFENG_PASSWORD", "xianfeng", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANG", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  return launcher;
}
/* Administrators freezing the same month at once (on PostgreSQL the
 * unique month refuses all but one insert): each one either freezes it
 * or is told that another did, never a bare database error; the month
 * stays frozen once, with its 20. */
#define N_COMPUTERS 4

static void
test_concurrent_compute (void)
{
  g_autoptr(GSubprocessLauncher) launcher = new_admin_launcher ();
  GSubprocess *processes[N_COMPUTERS] = { NULL };
  const char *cli = g_getenv ("XIANFENG_CLI");
  g_autofree char *month = query_text ("SELECT min(month) FROM monthly_rankings");
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM monthly_rankings WHERE month = '%s'", month);
  guint done = 0;

  for (guint i = 0; i < N_COMPUTERS; i++)
    {
      g_autoptr(GError) error = NULL;

      processes[i] = g_subprocess_launcher_spawn (launcher, &error, cli, "ranking", "compute", month, NULL);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < N_COMPUTERS; i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (g_subprocess_communicate_utf8 (processes[i], NULL, NULL, &out, &err, &error));
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_exited (processes[i]));
      if (g_subprocess_get_exit_status (processes[i]) == 0)
        done++;
      else if (strstr (err, "at the same time") == NULL)
        g_error ("A concurrent compute said: %s", err);
      g_clear_object (&processes[i]);
    }
  g_assert_cmpuint (done, >=, 1);
  g_assert_cmpint (query_int (count_sql), ==, 1);
}

/* The same new events imported by several processes at once (on
 * PostgreSQL the unique (source, id) refuses all but one insert): each
 * import ends with every line taken, added or a duplicate. */
#define N_IMPORTERS 3

static void
test_concurrent_import (void)
{
  g_autoptr(GSubprocessLauncher) launcher = new_admin_launcher ();
  GSubprocess *processes[N_IMPORTERS] = { NULL };
  const char *cli = g_getenv ("XIANFENG_CLI");
  g_autofree char *uid = query_text ("SELECT uid FROM pioneers WHERE status = 'active' ORDER BY id LIMIT 1");
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *path = NULL;
  guint added = 0;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (lines, "{\"pioneer\": \"%s\", \"kind\": \"card-viewed\", \"at\": \"2026-11-03\", "
                                   "\"source\": \"race\", \"id\": \"race-%u\"}\n", uid, i);
  path = write_file ("race.jsonl", lines->str);

  for (guint i = 0; i < N_IMPORTERS; i++)
    {
      g_autoptr(GError) error = NULL;

      processes[i] = g_subprocess_launcher_spawn (launcher, &error, cli, "events", "import", path, NULL);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < N_IMPORTERS; i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      guint lines_read = 0, n_added = 0, duplicates = 0, refused = 0;

      g_assert_true (g_subprocess_communicate_utf8 (processes[i], NULL, NULL, &out, &err, &error));
      g_assert_no_error (error);
      if (g_subprocess_get_exit_status (processes[i]) != 0)
        g_error ("A concurrent import said: %s", err);
      g_assert_cmpint (sscanf (out, "%u lines: %u added, %u duplicates, %u refused", &lines_read, &n_added,
                               &duplicates, &refused), ==, 4);
      g_assert_cmpuint (lines_read, ==, 200);
      g_assert_cmpuint (n_added + duplicates, ==, 200);
      added += n_added;
      g_clear_object (&processes[i]);
    }
  g_assert_cmpuint (added, ==, 200);
  g_assert_cmpint (query_int ("SELECT count(*) FROM engagement_events WHERE source = 'race'"), ==, 200);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/ranking/months", test_months);
  g_test_add_func ("/cli/ranking/top", test_top);
  g_test_add_func ("/cli/ranking/top-preview", test_top_preview);
  g_test_add_func ("/cli/ranking/top-ended-not-frozen", test_top_ended_not_frozen);
  g_test_add_func ("/cli/ranking/export", test_export);
  g_test_add_func ("/cli/ranking/explain", test_explain);
  g_test_add_func ("/cli/ranking/compute", test_compute);
  g_test_add_func ("/cli/ranking/concurrent-compute", test_concurrent_compute);
  g_test_add_func ("/cli/ranking/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/ranking/events-import", test_events_import);
  g_test_add_func ("/cli/ranking/events-import-one-line", test_events_import_one_line);
  g_test_add_func ("/cli/ranking/events-list", test_events_list);
  g_test_add_func ("/cli/ranking/events-list-refused", test_events_list_refused);
  g_test_add_func ("/cli/ranking/concurrent-import", test_concurrent_import);
  g_test_add_func ("/cli/ranking/future-and-folders", test_future_and_folders);
  /* Last: it changes the weights in force. */
  g_test_add_func ("/cli/ranking/weights", test_weights);

  return xf_cli_run_tests_on_demo ("ranking.db", &tmp_dir, &database_path);
}
