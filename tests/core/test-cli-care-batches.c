/* test-cli-care-batches.c — `care batches`, `care batch …` and
 *                            `care hardship …` on a small demo
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-cli-test-util.h"
#include "xf-test-files.h"
#include "xf-test-store.h"

/*
 * One small demo, made by main(). Batches are of 2031, a year the demo
 * leaves alone, so that its quotas and budgets do not get in the way.
 */

static char *tmp_dir;
static char *database_path;

#define TODAY "2026-03-09"
#define CIRCUMSTANCES "儿子患白血病，骨髓移植费用约三十万元"

#define run_cli(run, ...) xf_cli_run_as_admin ((run), database_path, __VA_ARGS__)

static void
run_as (XfCliRun   *run,
        const char *user,
        const char *const *args)
{
  const XfCliEnv env = { .database = database_path, .user = user, .password = "xianfeng" };

  xf_cli_run (run, &env, args);
}

static gint64
query_int (const char *format,
           ...) G_GNUC_PRINTF (1, 2);

static gint64
query_int (const char *format,
           ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return xf_cli_query_int (database_path, sql);
}

/* The number @run printed after @prefix ("Batch 3 created…" → 3). */
static gint64
number_after (const XfCliRun *run,
              const char     *prefix)
{
  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_str_has_prefix (run->out, prefix));
  return g_ascii_strtoll (run->out + strlen (prefix), NULL, 10);
}

static void
assert_output (const XfCliRun *run,
               const char     *out)
{
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, out);
}

static void
assert_refused (const XfCliRun *run,
                int             status,
                const char     *part)
{
  xf_cli_assert_failed (run, status);
  if (strstr (run->err, part) == NULL)
    g_error ("“%s” does not say “%s”", run->err, part);
}

static char *
pioneer_name (const char *uid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM pioneers WHERE uid = '%s'", uid);

  return xf_cli_query_text (database_path, sql);
}

/* The uid of the @index-th member (by id) of batch @id. */
static char *
member_uid (gint64 id,
            int    index)
{
  g_autofree char *sql = g_strdup_printf ("SELECT p.uid FROM care_batch_members m JOIN pioneers p"
                                          " ON p.id = m.pioneer_id WHERE m.batch_id = %" G_GINT64_FORMAT
                                          " ORDER BY m.id LIMIT 1 OFFSET %d", id, index);

  return xf_cli_query_text (database_path, sql);
}

static gint64
create_batch (const char *places)
{
  g_auto(XfCliRun) run = { 0 };

  run_cli (&run, "care", "batch", "create", "recuperation", "--title", "2031年劳模疗休养", "--places", places,
           "--reference", "2031-05-01", "--starts", "2031-06-10", "--ends", "2031-06-15", NULL);
  g_assert_cmpstr (run.err, ==, "");
  return number_after (&run, "Batch ");
}

static void
test_life_cycle (void)
{
  g_auto(XfCliRun) list = { 0 };
  g_auto(XfCliRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *second_name = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *expected = NULL;
  JsonObject *batch;
  gint64 id = create_batch ("1");
  gint64 listed = query_int ("SELECT COUNT(*) FROM care_batch_members WHERE batch_id = %" G_GINT64_FORMAT, id);

  g_assert_cmpint (listed, >=, 2);
  id_text = xf_cli_id_text (id);
  first = member_uid (id, 0);
  second = member_uid (id, 1);
  first_name = pioneer_name (first);
  second_name = pioneer_name (second);

  run_cli (&list, "care", "batches", "--year", "2031", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_true (g_str_has_prefix (list.out, "ID\tProgramme\tYear\tTitle\tStatus\tPlaces\tWaiting\tAttended\tStarts\n"));
  g_assert_nonnull (strstr (list.out, "\tRecuperation trip\t2031\t2031年劳模疗休养\tDraft\t0/1\t0\t0\t2031-06-10\n"));

  run_cli (&run, "care", "batch", "invite", id_text, NULL);
  expected = g_strdup_printf ("Batch %s: %" G_GINT64_FORMAT " people invited\n", id_text, listed);
  assert_output (&run, expected);
  xf_cli_run_clear (&run);
  g_clear_pointer (&expected, g_free);

  run_cli (&run, "care", "batch", "answer", id_text, first, "accept", NULL);
  expected = g_strdup_printf ("%s: Accepted\n", first_name);
  assert_output (&run, expected);
  xf_cli_run_clear (&run);
  g_clear_pointer (&expected, g_free);
  run_cli (&run, "care", "batch", "answer", id_text, second, "accept", NULL);
  expected = g_strdup_printf ("%s: Waiting list\n", second_name);
  assert_output (&run, expected);
  xf_cli_run_clear (&run);
  g_clear_pointer (&expected, g_free);

  /* A decline frees the place for the waiting list. */
  run_cli (&run, "care", "batch", "answer", id_text, first, "decline", "--reason", "身体原因", NULL);
  xf_cli_run_clear (&run);
  run_cli (&run, "care", "batch", "attend", id_text, second, "yes", NULL);
  expected = g_strdup_printf ("%s: Attended\n", second_name);
  assert_output (&run, expected);
  xf_cli_run_clear (&run);

  run_cli (&run, "care", "batch", "close", id_text, NULL);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Batch %s closed\n", id_text);
  assert_output (&run, expected);
  xf_cli_run_clear (&run);

  run_cli (&run, "care", "batch", "show", id_text, "--json", NULL);
  root = xf_cli_run_json (&run);
  batch = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (batch, "status"), ==, "closed");
  g_assert_cmpint (json_object_get_int_member (batch, "attended"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (batch, "declined"), ==, listed - 1);
  g_assert_cmpint (json_object_get_int_member (batch, "unit_cost_fen"), ==, 350000);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (batch, "allowed_actions")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (batch, "members")), ==, listed);
  g_assert_cmpint (query_int ("SELECT COUNT(*) FROM care_records WHERE batch_id = %" G_GINT64_FORMAT, id), ==, 1);
}

static void
test_batch_refusals (void)
{
  const char *const no_reference[] = { "care", "batch", "create", "recuperation", "--title", "x", "--places", "2",
                                       NULL };
  const char *const no_places[] = { "care", "batch", "create", "recuperation", "--title", "x", "--places", "0",
                                    "--reference", "2031-01-01", NULL };
  const char *const bad_id[] = { "care", "batch", "show", "first", NULL };
  const char *const bad_word[] = { "care", "batch", "attend", "1", "x", "maybe", NULL };
  const char *const unknown[] = { "care", "batch", "show", "1", "--colour", NULL };
  const char *const no_sub[] = { "care", "batch", NULL };
  const char *const list_json_extra[] = { "care", "batches", "--places", "3", NULL };
  const char *const create[] = { "care", "batch", "create", "recuperation", "--title", "x", "--places", "2",
                                 "--reference", "2031-01-01", NULL };
  const XfCliEnv env = { .database = database_path, .user = "admin", .password = "xianfeng" };
  g_auto(XfCliRun) run = { 0 };
  g_autofree char *id_text = NULL;
  gint64 audit = query_int ("SELECT COUNT(*) FROM audit_log WHERE record_type = 'care-batch'");

  xf_cli_assert_run_fails (&env, no_reference, 2);
  xf_cli_assert_run_fails (&env, no_places, 2);
  xf_cli_assert_run_fails (&env, bad_id, 2);
  xf_cli_assert_run_fails (&env, bad_word, 2);
  xf_cli_assert_run_fails (&env, unknown, 2);
  xf_cli_assert_run_fails (&env, no_sub, 2);
  xf_cli_assert_run_fails (&env, list_json_extra, 2);
  g_assert_cmpint (query_int ("SELECT COUNT(*) FROM audit_log WHERE record_type = 'care-batch'"), ==, audit);

  run_cli (&run, "care", "batch", "show", "99999", NULL);
  assert_refused (&run, 1, "Batch 99999 does not exist");
  xf_cli_run_clear (&run);

  /* The quota of 200 a year. */
  run_cli (&run, "care", "batch", "create", "recuperation", "--title", "x", "--places", "500", "--reference",
           "2031-01-01", NULL);
  assert_refused (&run, 1, "Places: the quota for 2031 is 200 and other batches hold ");
  xf_cli_run_clear (&run);

  id_text = xf_cli_id_text (create_batch ("2"));
  run_cli (&run, "care", "batch", "close", id_text, NULL);
  assert_refused (&run, 1, "Cannot close a batch that is draft");
  xf_cli_run_clear (&run);
  run_cli (&run, "care", "batch", "cancel", id_text, "--reason", "改期", NULL);
  g_assert_cmpint (run.status, ==, 0);
  xf_cli_run_clear (&run);

  /* A reviewer manages no batch. */
  run_as (&run, "reviewer", create);
  assert_refused (&run, 1, "Permission denied");
}

static gint64
case_after (const XfCliRun *run,
            const char     *status)
{
  gint64 id = number_after (run, "Case ");
  g_autofree char *expected = g_strdup_printf ("Case %" G_GINT64_FORMAT ": %s\n", id, status);

  g_assert_cmpstr (run->out, ==, expected);
  return id;
}

static JsonObject *
show_case (const char  *user,
           const char  *id_text,
           JsonNode   **root)
{
  const char *const args[] = { "care", "hardship", "show", id_text, "--json", NULL };
  g_auto(XfCliRun) run = { 0 };

  run_as (&run, user, args);
  *root = xf_cli_run_json (&run);
  return json_node_get_object (*root);
}

static void
test_hardship (void)
{
  g_autofree char *pioneer = xf_cli_query_text (database_path, "SELECT uid FROM pioneers WHERE status = 'active'"
                                                " AND kind = 'individual' ORDER BY id LIMIT 1");
  g_autofree char *id_text = NULL;
  g_autoptr(JsonNode) masked_root = NULL;
  g_autoptr(JsonNode) plain_root = NULL;
  g_auto(XfCliRun) run = { 0 };
  JsonObject *masked, *plain;
  gint64 id;

  run_as (&run, "clerk", (const char *const[]) { "care", "hardship", "apply", pioneer, "--category", "illness",
                                                 "--amount", "5,000", "--circumstances", CIRCUMSTANCES, NULL });
  id = case_after (&run, "Applied");
  id_text = xf_cli_id_text (id);
  xf_cli_run_clear (&run);
  run_as (&run, "clerk", (const char *const[]) { "care", "hardship", "assess", id_text, "--amount", "4000",
                                                 "--assessment", "情况属实", NULL });
  case_after (&run, "Assessed");
  xf_cli_run_clear (&run);

  /* The assessor does not approve; the reviewer may not. */
  run_as (&run, "clerk", (const char *const[]) { "care", "hardship", "approve", id_text, NULL });
  /* Said once, not "Permission denied: Permission denied: …". */
  assert_refused (&run, 1, "xianfeng-cli: Permission denied: The first approval needs someone other than the assessor");
  xf_cli_run_clear (&run);
  run_as (&run, "reviewer", (const char *const[]) { "care", "hardship", "approve", id_text, NULL });
  assert_refused (&run, 1, "Permission denied");
  xf_cli_run_clear (&run);
  run_cli (&run, "care", "hardship", "approve", id_text, NULL);
  case_after (&run, "First approval");
  xf_cli_run_clear (&run);
  run_cli (&run, "care", "hardship", "approve", id_text, NULL);
  assert_refused (&run, 1, "xianfeng-cli: Permission denied: The final approval needs someone other than the first approver");
  xf_cli_run_clear (&run);

  /* The reviewer sees the case, masked; the clerk sees it plain. */
  masked = show_case ("reviewer", id_text, &masked_root);
  g_assert_true (json_object_get_boolean_member (masked, "masked"));
  g_assert_cmpstr (json_object_get_string_member (masked, "circumstances"), ==, "••••");
  g_assert_true (json_object_get_null_member (masked, "household_income_fen"));
  g_assert_cmpint (json_object_get_int_member (masked, "requested_fen"), ==, 500000);
  plain = show_case ("clerk", id_text, &plain_root);
  g_assert_false (json_object_get_boolean_member (plain, "masked"));
  g_assert_cmpstr (json_object_get_string_member (plain, "circumstances"), ==, CIRCUMSTANCES);
  g_assert_cmpstr (json_object_get_string_member (plain, "status"), ==, "approved-first");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (plain, "allowed_actions")), ==, 0);

  run_cli (&run, "care", "hardship", "list", "--status", "approved-first", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"status\" : \"approved-first\""));
  xf_cli_run_clear (&run);
  run_cli (&run, "care", "hardship", "list", "--status", "pending", NULL);
  xf_cli_assert_failed (&run, 2);
  xf_cli_run_clear (&run);

  g_assert_cmpint (query_int ("SELECT COUNT(*) FROM audit_log WHERE new_value LIKE '%%白血病%%'"
                              " OR old_value LIKE '%%白血病%%'"), ==, 0);
}

/* Payments of a case approved in both steps, up to the grant. */
static void
test_payments (void)
{
  g_autofree char *pioneer = xf_cli_query_text (database_path, "SELECT uid FROM pioneers WHERE status = 'active'"
                                                " AND kind = 'individual' ORDER BY id DESC LIMIT 1");
  g_autofree char *id_text = NULL;
  g_auto(XfCliRun) run = { 0 };

  run_cli (&run, "care", "hardship", "apply", pioneer, "--category", "accident", "--amount", "3000",
           "--circumstances", "工伤", NULL);
  id_text = xf_cli_id_text (case_after (&run, "Applied"));
  xf_cli_run_clear (&run);
  run_cli (&run, "care", "hardship", "assess", id_text, "--amount", "3000", "--assessment", "属实", NULL);
  xf_cli_run_clear (&run);
  run_as (&run, "clerk", (const char *const[]) { "care", "hardship", "approve", id_text, NULL });
  case_after (&run, "First approval");
  xf_cli_run_clear (&run);
  /* The final approval by an administrator who did not give the first;
   * the amount in yuan. */
  run_cli (&run, "care", "hardship", "approve", id_text, "--amount", "2,500.50", NULL);
  case_after (&run, "Approved");
  xf_cli_run_clear (&run);
  run_cli (&run, "care", "hardship", "pay", id_text, "--amount", "2000", "--on", TODAY, "--reference", "财-1", NULL);
  case_after (&run, "Approved");
  xf_cli_run_clear (&run);
  run_cli (&run, "care", "hardship", "pay", id_text, "--amount", "600", "--on", TODAY, "--reference", "财-2", NULL);
  assert_refused (&run, 1, "Amount: ¥600.00 is more than the ¥500.50 allowed");
  xf_cli_run_clear (&run);
  run_cli (&run, "care", "hardship", "pay", id_text, "--amount", "ten", "--on", TODAY, "--reference", "财-2", NULL);
  xf_cli_assert_failed (&run, 2);
  xf_cli_run_clear (&run);
  run_cli (&run, "care", "hardship", "pay", id_text, "--amount", "500.50", "--on", TODAY, "--reference", "财-2",
           NULL);
  case_after (&run, "Paid");
  xf_cli_run_clear (&run);

  run_cli (&run, "care", "hardship", "show", id_text, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Status: Paid\n"));
  g_assert_nonnull (strstr (run.out, "Granted: ¥2,500.50\n"));
  g_assert_nonnull (strstr (run.out, "\nPayments:\n" TODAY "\t¥2,000.00\t财-1\t"));
  g_assert_cmpint (query_int ("SELECT SUM(amount) FROM care_records WHERE case_id = %s", id_text), ==, 250050);
  g_assert_cmpint (query_int ("SELECT hardship FROM care_profiles p JOIN pioneers x ON x.id = p.pioneer_id"
                              " WHERE x.uid = '%s'", pioneer), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *out = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("XIANFENG_TODAY", TODAY, TRUE);
  tmp_dir = xf_test_make_dir ();
  database_path = xf_test_database_location (tmp_dir, "care.db");
  out = xf_cli_make_demo (database_path, "60", "2", "3");

  g_test_add_func ("/cli/care-batches/life-cycle", test_life_cycle);
  g_test_add_func ("/cli/care-batches/batch-refusals", test_batch_refusals);
  g_test_add_func ("/cli/care-batches/hardship", test_hardship);
  g_test_add_func ("/cli/care-batches/payments", test_payments);
  status = g_test_run ();

  xf_test_remove_dir (tmp_dir);
  g_free (database_path);
  g_free (tmp_dir);
  return status;
}
