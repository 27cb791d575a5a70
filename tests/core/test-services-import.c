/* test-services-import.c — the public channel's requests as JSON lines
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-error.h"
#include "xf-services.h"
#include "xf-test-evaluation.h"
#include "xf-test-store.h"

/* "Today" is Monday 9 March 2026; the import runs as the local administrator. */
#define TODAY "2026-03-09"

typedef struct
{
  XfStore    *store;
  XfRegistry *registry;
  XfServices *services;
  char       *pioneer_uid;   /* 王建国, who offers legal aid: for bookings */
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("individual");
  g_autoptr(XfServiceOffer) offer = xf_service_offer_new ();
  g_autoptr(GError) error = NULL;

  g_setenv ("XIANFENG_TODAY", TODAY, TRUE);
  f->store = xf_test_open_store ();
  f->registry = xf_test_new_registry (f->store);
  f->services = xf_services_new (f->registry);

  g_object_set (pioneer, "name", "王建国", "birth-date", "1975-04-02", "employer", "德清县律师事务所",
                "region-code", "330521001", "industry", "L", "skills", "劳动法 法律援助", NULL);
  g_assert_true (xf_registry_save_pioneer (f->registry, pioneer, &error));
  g_assert_no_error (error);
  f->pioneer_uid = g_strdup (xf_pioneer_get_uid (pioneer));

  offer->pioneer_id = xf_pioneer_get_id (pioneer);
  offer->item_code = g_strdup ("cp-legal-aid");
  offer->capacity_per_month = 8;
  g_assert_cmpint (xf_services_save_offer (f->services, offer, &error), >, 0);
  g_assert_no_error (error);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_clear_object (&f->services);
  g_clear_object (&f->registry);
  g_clear_object (&f->store);
  g_free (f->pioneer_uid);
}

/* The fixture file's bytes, with @PIONEER@ replaced by the booked pioneer's uid. */
static GBytes *
read_fixture (Fixture    *f,
              const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "services", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  parts = g_strsplit (contents, "@PIONEER@", -1);
  if (g_strv_length (parts) > 1)
    {
      char *joined = g_strjoinv (f->pioneer_uid, parts);

      return g_bytes_new_take (joined, strlen (joined));
    }
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static XfServiceImportReport *
import_bytes (XfServices *services,
              GBytes     *bytes)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GError) error = NULL;
  XfServiceImportReport *report = xf_services_import_requests (services, stream, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static XfServiceImportReport *
import_text (XfServices *services,
             const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return import_bytes (services, bytes);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return xf_test_query_int64 (f->store, sql);
}

static void
assert_refusal (XfServiceImportReport *report,
                guint                  index,
                guint                  line,
                const char            *reason_start)
{
  const XfImportRefusal *refusal;

  g_assert_cmpuint (index, <, report->refusals->len);
  refusal = g_ptr_array_index (report->refusals, index);
  g_assert_cmpuint (refusal->line, ==, line);
  if (!g_str_has_prefix (refusal->reason, reason_start))
    g_error ("Line %u: “%s” does not start with “%s”", line, refusal->reason, reason_start);
}

/* Good lines are taken as open requests (a booking as booked), channel
 * "import" with their source_id; a blank line is nobody's business. */
static void
test_good (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GBytes) bytes = read_fixture (f, "good.jsonl");
  g_autoptr(XfServiceImportReport) report = import_bytes (f->services, bytes);
  g_autoptr(XfServiceRequest) booked = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_cmpuint (report->taken, ==, 3);
  g_assert_cmpuint (report->skipped, ==, 0);
  g_assert_cmpuint (report->refused, ==, 0);
  g_assert_cmpuint (report->refusals->len, ==, 0);

  g_assert_cmpint (count (f, "SELECT count(*) FROM service_requests WHERE channel = 'import'"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_requests WHERE source_id IN ('wx-1001', 'wx-1002', '1003')"),
                   ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_requests WHERE status = 'open'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_requests WHERE needed_by = '2026-03-20' "
                             "AND requester_name = '李秀英' AND place = '武康街道永安社区'"), ==, 1);

  /* A number as source_id is taken as its text; "pioneer" books. */
  id = count (f, "SELECT id FROM service_requests WHERE source_id = '1003'");
  booked = xf_services_get_request (f->services, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (booked->status, ==, XF_REQUEST_BOOKED);
  g_assert_cmpstr (booked->channel, ==, XF_REQUEST_CHANNEL_IMPORT);
  g_assert_cmpstr (booked->booked_pioneer_name, ==, "王建国");
  g_assert_cmpstr (booked->requester_contact, ==, "zhoumin@example.com");
}

/* Every kind of refusal, with its line number and a reason naming the
 * field; the good lines of the same file are taken; a repeat is skipped. */
static void
test_mixed (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GBytes) bytes = read_fixture (f, "mixed.jsonl");
  g_autoptr(XfServiceImportReport) report = import_bytes (f->services, bytes);
  g_autoptr(XfServiceImportReport) again = NULL;
  guint i = 0;

  g_assert_cmpuint (report->taken, ==, 3);
  g_assert_cmpuint (report->skipped, ==, 1);
  g_assert_cmpuint (report->refused, ==, 12);
  g_assert_cmpuint (report->refusals->len, ==, 12);
  assert_refusal (report, i++, 2, "Not JSON: ");
  assert_refusal (report, i++, 3, "Not a JSON object");
  assert_refusal (report, i++, 4, "Source id: ");
  assert_refusal (report, i++, 5, "Region: “99” is not a known region code");
  assert_refusal (report, i++, 6, "Service item: “cp-nothing”");
  assert_refusal (report, i++, 7, "Needed by: “2026-02-30” is not a date");
  assert_refusal (report, i++, 8, "Needed by: ");
  assert_refusal (report, i++, 9, "Contact: “abc”");
  assert_refusal (report, i++, 10, "Requester: must be text");
  assert_refusal (report, i++, 11, "Pioneer: no pioneer has the uid");
  assert_refusal (report, i++, 15, "Not valid UTF-8");
  assert_refusal (report, i++, 16, "Description: ");

  g_assert_cmpint (count (f, "SELECT count(*) FROM service_requests"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_requests WHERE source_id IN ('wx-2001', 'wx-2013', "
                             "'wx-2017')"), ==, 3);
  /* The first wx-2001 was taken, not the repeat. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_requests WHERE description = '欠薪问题咨询。'"), ==, 1);

  /* Nothing is taken twice: a second run skips every line taken. */
  again = import_bytes (f->services, bytes);
  g_assert_cmpuint (again->taken, ==, 0);
  g_assert_cmpuint (again->skipped, ==, 4);
  g_assert_cmpuint (again->refused, ==, 12);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_requests"), ==, 3);
}

/* A second run of a good file takes nothing; a file that adds lines
 * takes only the new ones. */
static void
test_repeated (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) bytes = read_fixture (f, "good.jsonl");
  g_autoptr(XfServiceImportReport) first = import_bytes (f->services, bytes);
  g_autoptr(XfServiceImportReport) second = import_bytes (f->services, bytes);
  g_autoptr(XfServiceImportReport) third = NULL;
  g_autoptr(GString) more = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_cmpuint (first->taken, ==, 3);
  g_assert_cmpuint (second->taken, ==, 0);
  g_assert_cmpuint (second->skipped, ==, 3);
  g_assert_cmpuint (second->refused, ==, 0);

  g_string_append (more, "{\"source_id\": \"wx-1004\", \"requester\": \"吴芳\", \"contact\": \"13711112222\", "
                         "\"item\": \"cp-legal-aid\", \"region\": \"330521\", \"description\": \"新的一行。\"}\r\n");
  third = import_text (f->services, more->str);
  g_assert_cmpuint (third->taken, ==, 1);
  g_assert_cmpuint (third->skipped, ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_requests"), ==, 4);
  /* Each taken line is audited once, as any new request. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE record_type = 'service-request'"), >=, 4);
}

/* A line over 64 KiB is refused without being kept whole; the lines
 * around it still count, with their right numbers. */
static void
test_long_line (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(XfServiceImportReport) report = NULL;

  g_string_append (text, "{\"source_id\": \"a\", \"requester\": \"甲\", \"contact\": \"13711112222\", "
                         "\"item\": \"cp-legal-aid\", \"region\": \"330521\", \"description\": \"短\"}\n");
  g_string_append (text, "{\"source_id\": \"b\", \"requester\": \"乙\", \"contact\": \"13711112222\", "
                         "\"item\": \"cp-legal-aid\", \"region\": \"330521\", \"description\": \"");
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\"}\n");
  g_string_append (text, "{\"source_id\": \"c\", \"requester\": \"丙\", \"contact\": \"13711112222\", "
                         "\"item\": \"cp-legal-aid\", \"region\": \"330521\", \"description\": \"短\"}\n");
  report = import_text (f->services, text->str);
  g_assert_cmpuint (report->taken, ==, 2);
  g_assert_cmpuint (report->refused, ==, 1);
  assert_refusal (report, 0, 2, "The line is longer than 64 KiB");
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_requests WHERE source_id = 'c'"), ==, 1);
}

/* An empty file and a file of blank lines take nothing and refuse nothing. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(XfServiceImportReport) empty = import_text (f->services, "");
  g_autoptr(XfServiceImportReport) blank = import_text (f->services, "\n  \n\r\n\t\n");

  g_assert_cmpuint (empty->taken + empty->skipped + empty->refused, ==, 0);
  g_assert_cmpuint (blank->taken + blank->skipped + blank->refused, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_requests"), ==, 0);
}

/* json-glib keeps only the last of two values on a line; the line is
 * refused whole instead of losing its first request unsaid. */
static void
test_two_values (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(XfServiceImportReport) report = import_text (
    f->services,
    "{\"source_id\": \"wx-1\", \"requester\": \"张伟\", \"contact\": \"13900001111\", \"item\": \"cp-legal-aid\", "
    "\"region\": \"330521001\", \"description\": \"欠薪问题咨询。\"}\n"
    "{\"source_id\": \"wx-2\", \"requester\": \"李四\", \"contact\": \"13900002222\", \"item\": \"cp-legal-aid\", "
    "\"region\": \"330521001\", \"description\": \"咨询 {a} \\\" [b]\"} "
    "{\"source_id\": \"wx-3\", \"requester\": \"王五\", \"contact\": \"13900003333\", \"item\": \"cp-legal-aid\", "
    "\"region\": \"330521001\", \"description\": \"咨询。\"}\n"
    "{\"source_id\": \"wx-4\", \"requester\": \"赵六\", \"contact\": \"13900004444\", \"item\": \"cp-legal-aid\", "
    "\"region\": \"330521001\", \"description\": \"咨询。\"}  \r\n");

  g_assert_cmpuint (report->taken, ==, 2);
  g_assert_cmpuint (report->refused, ==, 1);
  assert_refusal (report, 0, 2, "More than one JSON value on the line");
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_requests WHERE source_id IN ('wx-2', 'wx-3')"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_requests WHERE source_id IN ('wx-1', 'wx-4')"), ==, 2);
}

/* Someone who may enter no request anywhere gets a refusal, not a report;
 * a cancelled import stops. */
static void
test_refused_and_cancelled (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(XfAccount) auditor = xf_test_add_account (f->store, "auditor", XF_ROLE_AUDITOR, XF_SCOPE_ALL, NULL);
  g_autoptr(XfRegistry) registry = xf_registry_new (f->store, auditor);
  g_autoptr(XfServices) as_auditor = xf_services_new (registry);
  g_autoptr(GBytes) bytes = read_fixture (f, "good.jsonl");
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GInputStream) again = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  XfServiceImportReport *report;

  report = xf_services_import_requests (as_auditor, stream, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  report = xf_services_import_requests (f->services, again, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_requests"), ==, 0);
}

/* A line is judged as a desk's request is: the city's own code is a
 * region for both (the import's own region and date checks once refused
 * what xf_services_create_request takes). */
static void
test_same_rules_as_desk (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(XfServiceImportReport) report = NULL;

  report = import_text (f->services,
                        "{\"source_id\": \"city-1\", \"requester\": \"吴芳\", \"contact\": \"13711112222\", "
                        "\"item\": \"cp-legal-aid\", \"region\": \"330500\", \"description\": \"全市范围的咨询。\"}\n"
                        "{\"source_id\": \"bad-region\", \"requester\": \"吴芳\", \"contact\": \"13711112222\", "
                        "\"item\": \"cp-legal-aid\", \"region\": \"3305211\", \"description\": \"地区代码长度不对。\"}\n"
                        "{\"source_id\": \"bad-date\", \"requester\": \"吴芳\", \"contact\": \"13711112222\", "
                        "\"item\": \"cp-legal-aid\", \"region\": \"330521\", \"needed_by\": \"2026-3-20\", "
                        "\"description\": \"日期格式不对。\"}\n");
  g_assert_cmpuint (report->taken, ==, 1);
  g_assert_cmpuint (report->refused, ==, 2);
  assert_refusal (report, 0, 2, "Region: “3305211” is not a known region code");
  assert_refusal (report, 1, 3, "Needed by: “2026-3-20” is not a date (YYYY-MM-DD)");
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_requests WHERE region_code = '330500'"), ==, 1);
}

/* Numbers too large for a whole number, and a NUL inside a string, are
 * refused: json-glib would wrap the one (two ids then meet as the same
 * source_id and the second is lost as "seen") and cut the other short. */
static void
test_unreadable_values (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(XfServiceImportReport) report = NULL;

  report = import_text (f->services,
                        "{\"source_id\": 18446744073709551615, \"requester\": \"吴芳\", \"contact\": \"13711112222\", "
                        "\"item\": \"cp-legal-aid\", \"region\": \"330500\", \"description\": \"一\"}\n"
                        "{\"source_id\": 36893488147419103231, \"requester\": \"吴芳\", \"contact\": \"13711112222\", "
                        "\"item\": \"cp-legal-aid\", \"region\": \"330500\", \"description\": \"二\"}\n"
                        "{\"source_id\": \"nul-1\", \"requester\": \"吴\\u0000芳\", \"contact\": \"13711112222\", "
                        "\"item\": \"cp-legal-aid\", \"region\": \"330500\", \"description\": \"三 \\\\u0000\"}\n"
                        "{\"source_id\": 9223372036854775807, \"requester\": \"吴芳\", \"contact\": \"13711112222\", "
                        "\"item\": \"cp-legal-aid\", \"region\": \"330500\", \"description\": \"四 \\\\u0000\"}\n");
  g_assert_cmpuint (report->taken, ==, 1);
  g_assert_cmpuint (report->skipped, ==, 0);
  g_assert_cmpuint (report->refused, ==, 3);
  assert_refusal (report, 0, 1, "A number is too large");
  assert_refusal (report, 1, 2, "A number is too large");
  assert_refusal (report, 2, 3, "A text contains a NUL character");
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_requests WHERE source_id = '9223372036854775807'"
                             " AND description = '四 \\u0000'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/services/import/good", Fixture, NULL, set_up, test_good, tear_down);
  g_test_add ("/core/services/import/mixed", Fixture, NULL, set_up, test_mixed, tear_down);
  g_test_add ("/core/services/import/repeated", Fixture, NULL, set_up, test_repeated, tear_down);
  g_test_add ("/core/services/import/same-rules-as-desk", Fixture, NULL, set_up, test_same_rules_as_desk,
              tear_down);
  g_test_add ("/core/services/import/long-line", Fixture, NULL, set_up, test_long_line, tear_down);
  g_test_add ("/core/services/import/unreadable-values", Fixture, NULL, set_up, test_unreadable_values,
              tear_down);
  g_test_add ("/core/services/import/empty", Fixture, NULL, set_up, test_empty, tear_down);
  g_test_add ("/core/services/import/two-values", Fixture, NULL, set_up, test_two_values, tear_down);
  g_test_add ("/core/services/import/refused-and-cancelled", Fixture, NULL, set_up, test_refused_and_cancelled,
              tear_down);

  return g_test_run ();
}
