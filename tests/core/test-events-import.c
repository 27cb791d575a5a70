/* test-events-import.c — importing engagement events from JSON lines
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "xf-test-ranking.h"

static char *
uid_of (RankingFixture *f,
        gint64          id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (f->registry, id, &error);

  g_assert_no_error (error);
  return g_strdup (xf_pioneer_get_uid (pioneer));
}

static XfEventImportReport *
import (RankingFixture *f,
        const char     *text,
        gboolean        dry_run,
        GCancellable   *cancellable,
        GError        **error)
{
  g_autoptr(GInputStream) input = g_memory_input_stream_new_from_data (g_strdup (text), -1, g_free);

  return xf_ranking_import_events (f->ranking, input, "events.jsonl", dry_run, cancellable, error);
}

static gint64
events (RankingFixture *f)
{
  return xf_test_query_int64 (f->store, "SELECT count(*) FROM engagement_events");
}

/* Three good lines, every way of writing them. */
static char *
good_lines (RankingFixture *f)
{
  g_autofree char *a = uid_of (f, f->a);
  g_autofree char *b = uid_of (f, f->b);

  return g_strdup_printf (
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"2026-02-03T12:00:00+08:00\","
    " \"source\": \"wechat\", \"id\": \"abc123\", \"visitor\": \"v-77\", \"value\": 1}\n"
    "\n"
    "{\"pioneer\": \"%s\", \"kind\": \"card-shared\", \"at\": \"2026-02-04\", \"source\": \"wechat\", \"id\": 42}\r\n"
    "{\"pioneer\": \"%s\", \"kind\": \"service-rated\", \"at\": \"2026-02-05\", \"source\": \"survey\","
    " \"id\": \"r-1\", \"value\": 4.5}\n", a, b, b);
}

static void
test_good (RankingFixture *f,
           gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = good_lines (f);
  g_autoptr(XfEventImportReport) report = import (f, text, FALSE, NULL, &error);
  g_autofree char *on = NULL;
  g_autofree char *visitor = NULL;
  g_autofree char *kind = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (report->lines, ==, 3);
  g_assert_cmpuint (report->added, ==, 3);
  g_assert_cmpuint (report->duplicates, ==, 0);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpint (events (f), ==, 3);
  on = xf_test_query_text (f->store, "SELECT occurred_on FROM engagement_events WHERE source_id = 'abc123'");
  g_assert_cmpstr (on, ==, "2026-02-03");
  visitor = xf_test_query_text (f->store, "SELECT visitor FROM engagement_events WHERE source_id = 'abc123'");
  g_assert_cmpstr (visitor, ==, "v-77");
  kind = xf_test_query_text (f->store, "SELECT kind FROM engagement_events WHERE source = 'wechat' AND source_id = '42'");
  g_assert_cmpstr (kind, ==, "card-shared");
  g_assert_cmpint (xf_test_query_int64 (f->store,
                                        "SELECT count(*) FROM engagement_events WHERE visitor IS NULL"), ==, 2);
  g_assert_cmpint (xf_test_query_int64 (f->store,
                                        "SELECT CAST (value * 10 AS INTEGER) FROM engagement_events WHERE source_id = 'r-1'"), ==, 45);
  g_assert_cmpint (xf_test_ranking_audits (f, XF_AUDIT_EVENTS_IMPORT), ==, 1);
  g_assert_cmpint (xf_test_query_int64 (f->store,
                                        "SELECT count(*) FROM audit_log WHERE action = 'events-import'"
                                        " AND new_value = '3 added, 0 ignored as duplicates, 0 refused (events.jsonl)'"), ==, 1);
}

static void
test_bad_lines (RankingFixture *f,
                gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = uid_of (f, f->a);
  g_autofree char *text = g_strdup_printf (
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"2026-02-03\", \"source\": \"wechat\", \"id\": \"ok-1\"}\n"
    "{\"pioneer\": \"%s\", \"kind\": \"like\", \"at\": \"2026-02-03\", \"source\": \"wechat\", \"id\": \"x2\"}\n"
    "{\"pioneer\": \"nobody\", \"kind\": \"card-liked\", \"at\": \"2026-02-03\", \"source\": \"wechat\", \"id\": \"x3\"}\n"
    "not json at all\n"
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"2026-02-03\", \"source\": \"app\", \"id\": \"x5\"}\n"
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"2026-02-03\", \"source\": \"wechat\"}\n"
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"yesterday\", \"source\": \"wechat\", \"id\": \"x7\"}\n"
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"2026-02-03\", \"source\": \"wechat\", \"id\": \"x8\", \"value\": \"many\"}\n"
    "{\"kind\": \"card-liked\", \"at\": \"2026-02-03\", \"source\": \"wechat\", \"id\": \"x9\"}\n"
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"2026-02-03\", \"source\": 7, \"id\": \"x10\"}\n"
    "{\"pioneer\": \"%s\", \"kind\": \"service-rated\", \"at\": \"2026-02-03\", \"source\": \"wechat\", \"id\": \"x11\", \"value\": -5}\n"
    "{\"pioneer\": \"%s\", \"kind\": \"service-rated\", \"at\": \"2026-02-03\", \"source\": \"wechat\", \"id\": \"x12\", \"value\": 99}\n"
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"2099-01-01\", \"source\": \"wechat\", \"id\": \"x13\"}\n"
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": 20260203, \"source\": \"wechat\", \"id\": \"x14\"}\n",
    a, a, a, a, a, a, a, a, a, a, a);
  g_autoptr(XfEventImportReport) report = import (f, text, FALSE, NULL, &error);
  const char *expected[] = {
    "Line 2: Kind: “like” is not an event kind",
    "Line 3: Pioneer: no pioneer has the uid “nobody”",
    "Line 4: not a JSON object",
    "Line 5: Source: “app” is kept for the application’s own events",
    "Line 6: Id: this is required",
    "Line 7: At: “yesterday” is not a date or an ISO 8601 time",
    "Line 8: Value: not a number the index can count",
    "Line 9: Pioneer: a pioneer’s uid is required",
    "Line 10: Source: must be text",
    "Line 11: Value: must not be negative",
    "Line 12: Value: a rating is 1 to 5",
    "Line 13: At: 2099-01-01 is after today",
    "Line 14: At: must be text, a date or an ISO 8601 time",
  };

  g_assert_no_error (error);
  g_assert_cmpuint (report->lines, ==, 14);
  g_assert_cmpuint (report->added, ==, 1);
  g_assert_cmpuint (report->problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (report->problems, i), ==, expected[i]);
  /* The good line went in. */
  g_assert_cmpint (events (f), ==, 1);
}

/* json-glib keeps only the last of two values on a line: the line is
 * refused, naming it, and neither event goes in. */
static void
test_two_values (RankingFixture *f,
                 gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = uid_of (f, f->a);
  g_autofree char *text = g_strdup_printf (
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"2026-02-03\", \"source\": \"wechat\", \"id\": \"t-1\"}\n"
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"2026-02-03\", \"source\": \"wechat\", \"id\": \"t-}2\"}"
    " {\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"2026-02-03\", \"source\": \"wechat\", \"id\": \"t-3\"}\n"
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"2026-02-03\", \"source\": \"wechat\", \"id\": \"t-4\"} \n",
    a, a, a, a);
  g_autoptr(XfEventImportReport) report = import (f, text, FALSE, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (report->lines, ==, 3);
  g_assert_cmpuint (report->added, ==, 2);
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (report->problems, 0), ==, "Line 2: more than one JSON value on the line");
  g_assert_cmpint (xf_test_query_int64 (f->store,
                                        "SELECT count(*) FROM engagement_events WHERE source_id IN ('t-}2', 't-3')"), ==, 0);
  g_assert_cmpint (events (f), ==, 2);
}

static void
test_duplicates (RankingFixture *f,
                 gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = uid_of (f, f->a);
  g_autofree char *text = g_strdup_printf (
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"2026-02-03\", \"source\": \"wechat\", \"id\": \"d1\"}\n"
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"2026-02-04\", \"source\": \"wechat\", \"id\": \"d1\"}\n"
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"2026-02-04\", \"source\": \"weibo\", \"id\": \"d1\"}\n"
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"2026-02-04\", \"source\": \"wechat\", \"id\": \"old\"}\n",
    a, a, a, a);
  g_autoptr(XfEventImportReport) report = NULL;

  g_assert_true (xf_ranking_record_event (f->ranking, f->a, "card-liked", "wechat", "old", NULL,
                                          xf_test_ranking_noon ("2026-02-01"), 1, &error));
  g_assert_no_error (error);
  report = import (f, text, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 2);
  g_assert_cmpuint (report->duplicates, ==, 2);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpint (events (f), ==, 3);
  /* The first of a repeat stays. */
  g_assert_cmpint (xf_test_query_int64 (f->store,
                                        "SELECT count(*) FROM engagement_events WHERE source = 'wechat'"
                                        " AND source_id = 'd1' AND occurred_on = '2026-02-03'"), ==, 1);

  /* The same file again: all duplicates. */
  g_clear_pointer (&report, xf_event_import_report_free);
  report = import (f, text, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 0);
  g_assert_cmpuint (report->duplicates, ==, 4);
  g_assert_cmpint (events (f), ==, 3);
}

static void
test_dry_run (RankingFixture *f,
              gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = good_lines (f);
  g_autoptr(XfEventImportReport) report = import (f, text, TRUE, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 3);
  g_assert_cmpint (events (f), ==, 0);
  g_assert_cmpint (xf_test_ranking_audits (f, XF_AUDIT_EVENTS_IMPORT), ==, 0);
}

/* A write that fails stores nothing of the file. */
static void
test_one_transaction (RankingFixture *f,
                      gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = uid_of (f, f->a);
  g_autofree char *text = g_strdup_printf (
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"2026-02-03\", \"source\": \"wechat\", \"id\": \"t1\"}\n"
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"2026-02-03\", \"source\": \"wechat\", \"id\": \"t2\"}\n"
    "{\"pioneer\": \"%s\", \"kind\": \"card-liked\", \"at\": \"2026-02-03\", \"source\": \"wechat\", \"id\": \"boom\"}\n",
    a, a, a);
  g_autoptr(XfEventImportReport) report = NULL;
  XfDb *db = xf_store_get_db (f->store);

  if (xf_db_get_backend (db) == XF_DB_BACKEND_POSTGRESQL)
    {
      g_assert_true (xf_db_exec (db,
        "CREATE FUNCTION boom () RETURNS trigger AS $$ BEGIN"
        " IF NEW.source_id = 'boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;"
        " CREATE TRIGGER boom BEFORE INSERT ON engagement_events FOR EACH ROW EXECUTE FUNCTION boom ()", &error));
    }
  else
    g_assert_true (xf_db_exec (db,
      "CREATE TRIGGER boom BEFORE INSERT ON engagement_events WHEN NEW.source_id = 'boom'"
      " BEGIN SELECT RAISE (ABORT, 'boom'); END", &error));
  g_assert_no_error (error);

  report = import (f, text, FALSE, NULL, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (events (f), ==, 0);
  g_assert_cmpint (xf_test_ranking_audits (f, XF_AUDIT_EVENTS_IMPORT), ==, 0);
}

static void
test_cancelled (RankingFixture *f,
                gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *text = good_lines (f);
  g_autoptr(XfEventImportReport) report = NULL;

  g_cancellable_cancel (cancellable);
  report = import (f, text, FALSE, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (events (f), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/core/events-import/" path, RankingFixture, NULL, xf_test_ranking_set_up, func, xf_test_ranking_tear_down)
  ADD ("good", test_good);
  ADD ("bad-lines", test_bad_lines);
  ADD ("two-values", test_two_values);
  ADD ("duplicates", test_duplicates);
  ADD ("dry-run", test_dry_run);
  ADD ("one-transaction", test_one_transaction);
  ADD ("cancelled", test_cancelled);
#undef ADD
  return g_test_run ();
}
