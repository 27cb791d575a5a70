/* test-objections.c — recording objections, their handler, notes and files
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-objections.h"

static void
count_changed (XfNoticeBoard *board,
               gint64         notice_id,
               gpointer       user_data)
{
  gint64 *last = user_data;

  *last = notice_id;
}

static void
test_record (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(XfObjection) objection = new_objection (fixture, fixture->deqing);
  g_autoptr(XfObjection) stored = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 changed = -1, id;
  guint open = 0, attention = 0;

  g_signal_connect (fixture->board, "changed", G_CALLBACK (count_changed), &changed);
  set_today ("2026-03-11");
  objection->received_on = g_strdup ("2026-03-10");
  g_free (objection->channel);
  objection->channel = g_strdup ("phone");
  g_free (objection->grounds);
  objection->grounds = g_strdup ("  该同志曾受过处分。\n");
  id = record_on (fixture->board, objection);
  g_assert_cmpint (changed, ==, fixture->notice);

  stored = get_objection (fixture->board, id);
  g_assert_cmpint (stored->notice_id, ==, fixture->notice);
  g_assert_cmpint (stored->nomination_id, ==, fixture->deqing);
  g_assert_cmpstr (stored->candidate_name, ==, "沈建国");
  g_assert_cmpstr (stored->received_on, ==, "2026-03-10");
  g_assert_cmpstr (stored->channel, ==, "phone");
  g_assert_false (stored->anonymous);
  g_assert_cmpstr (stored->objector_name, ==, "李四");
  /* The local administrator may see personal data. */
  g_assert_cmpstr (stored->objector_contact, ==, "13800001111");
  g_assert_false (stored->contact_masked);
  g_assert_cmpstr (stored->grounds, ==, "该同志曾受过处分。");
  g_assert_cmpint (stored->handling_days, ==, XF_OBJECTION_DEFAULT_HANDLING_DAYS);
  /* Five working days after Tuesday 10 March. */
  g_assert_cmpstr (stored->due_on, ==, "2026-03-17");
  g_assert_cmpstr (stored->due_state, ==, "on-time");
  g_assert_cmpstr (stored->status, ==, XF_OBJECTION_OPEN);
  g_assert_null (stored->outcome);
  g_assert_cmpint (stored->handler_account_id, ==, 0);
  g_assert_cmpstr (stored->handler_name, ==, "");
  g_assert_cmpuint (stored->notes->len, ==, 0);
  g_assert_cmpuint (stored->files->len, ==, 0);
  g_assert_cmpuint (strlen (stored->uid), >, 0);

  listed = xf_notice_board_list_objections (fixture->board, fixture->notice, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (((XfObjection *) g_ptr_array_index (listed, 0))->id, ==, id);
  g_assert_true (xf_notice_board_count_open (fixture->board, &open, &attention, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (open, ==, 1);
  g_assert_cmpuint (attention, ==, 0);

  /* The trail has the channel and grounds, never the contact. */
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT(*) FROM audit_log WHERE record_type = 'objection'"
                                        " AND action = 'create'"), ==, 2);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT(*) FROM audit_log"
                                        " WHERE new_value LIKE '%13800001111%'"), ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT(*) FROM audit_log WHERE record_type = 'objection'"
                                        " AND record_label = '沈建国 — received 2026-03-10'"), ==, 2);
}

static void
test_record_defaults (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(XfObjection) objection = new_objection (fixture, fixture->anji);
  g_autoptr(XfObjection) stored = NULL;
  gint64 id;

  /* Received today; handling days 0 means the default. */
  set_today ("2026-03-13");
  objection->handling_days = 0;
  id = record_on (fixture->board, objection);
  stored = get_objection (fixture->board, id);
  g_assert_cmpstr (stored->received_on, ==, "2026-03-13");
  g_assert_cmpint (stored->handling_days, ==, 5);
  g_assert_cmpstr (stored->due_on, ==, "2026-03-20");
}

static void
test_anonymous (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(XfObjection) objection = new_objection (fixture, fixture->deqing);
  g_autoptr(XfObjection) typed = new_objection (fixture, fixture->deqing);
  g_autoptr(XfObjection) stored = NULL;
  gint64 id;

  /* No name needed, and none kept when one was typed. */
  objection->anonymous = TRUE;
  g_clear_pointer (&objection->objector_name, g_free);
  id = record_on (fixture->board, objection);
  stored = get_objection (fixture->board, id);
  g_assert_true (stored->anonymous);
  g_assert_cmpstr (stored->objector_name, ==, "");

  typed->anonymous = TRUE;
  id = record_on (fixture->board, typed);
  g_clear_pointer (&stored, xf_objection_free);
  stored = get_objection (fixture->board, id);
  g_assert_cmpstr (stored->objector_name, ==, "");
  g_assert_cmpstr (stored->objector_contact, ==, "13800001111");
}

/* Recording @objection fails with @code naming @field, writing nothing. */
static void
assert_refused (Fixture     *fixture,
                XfObjection *objection,
                int          code,
                const char  *field)
{
  g_autoptr(GError) error = NULL;
  gint64 audit = xf_test_count_audit (fixture->store);
  gint64 objections = count_rows (fixture, "SELECT COUNT(*) FROM objections");

  g_assert_cmpint (xf_notice_board_record_objection (fixture->board, objection, &error), ==, 0);
  assert_error_starts (error, code, field);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT(*) FROM objections"), ==, objections);
}

static void
test_record_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  set_today ("2026-03-11");
  {
    g_autoptr(XfObjection) objection = new_objection (fixture, fixture->deqing);

    g_free (objection->channel);
    objection->channel = g_strdup ("fax");
    assert_refused (fixture, objection, XF_ERROR_INVALID, "Channel:");
  }
  {
    g_autoptr(XfObjection) objection = new_objection (fixture, fixture->deqing);

    g_free (objection->objector_name);
    objection->objector_name = g_strdup ("  ");
    assert_refused (fixture, objection, XF_ERROR_INVALID, "Objector:");
  }
  {
    g_autoptr(XfObjection) objection = new_objection (fixture, fixture->deqing);

    g_clear_pointer (&objection->grounds, g_free);
    assert_refused (fixture, objection, XF_ERROR_INVALID, "Grounds:");
  }
  {
    g_autoptr(XfObjection) objection = new_objection (fixture, fixture->deqing);

    g_free (objection->grounds);
    objection->grounds = g_strnfill (5001, 'x');
    assert_refused (fixture, objection, XF_ERROR_INVALID, "Grounds:");
  }
  {
    g_autoptr(XfObjection) objection = new_objection (fixture, fixture->deqing);

    g_free (objection->objector_contact);
    objection->objector_contact = g_strnfill (201, '1');
    assert_refused (fixture, objection, XF_ERROR_INVALID, "Contact:");
  }
  {
    g_autoptr(XfObjection) objection = new_objection (fixture, fixture->deqing);

    /* Tomorrow, before publishing, and a day February never has. */
    objection->received_on = g_strdup ("2026-03-12");
    assert_refused (fixture, objection, XF_ERROR_INVALID, "Received on:");
    g_free (objection->received_on);
    objection->received_on = g_strdup ("2026-03-06");
    assert_refused (fixture, objection, XF_ERROR_INVALID, "Received on:");
    g_free (objection->received_on);
    objection->received_on = g_strdup ("2026-02-30");
    assert_refused (fixture, objection, XF_ERROR_INVALID, "Received on:");
  }
  {
    g_autoptr(XfObjection) objection = new_objection (fixture, fixture->deqing);

    objection->handling_days = 31;
    assert_refused (fixture, objection, XF_ERROR_INVALID, "Handling days:");
    objection->handling_days = -1;
    assert_refused (fixture, objection, XF_ERROR_INVALID, "Handling days:");
  }
  {
    g_autoptr(XfObjection) objection = new_objection (fixture, fixture->deqing);

    objection->notice_id = 9999;
    assert_refused (fixture, objection, XF_ERROR_NOT_FOUND, "Notice");
    objection->notice_id = fixture->notice;
    objection->nomination_id = 9999;
    assert_refused (fixture, objection, XF_ERROR_NOT_FOUND, "Nomination");
  }
}

static void
test_record_notice_state (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 other, draft;

  /* A candidate of the campaign not on this notice, on a draft. */
  other = nominate (fixture, "陈晓", DEQING "002");
  draft = xf_notice_board_create (fixture->board, fixture->campaign, &error);
  g_assert_no_error (error);
  {
    g_autoptr(XfObjection) objection = new_objection (fixture, other);

    assert_refused (fixture, objection, XF_ERROR_INVALID, "Candidate:");
    objection->notice_id = draft;
    assert_refused (fixture, objection, XF_ERROR_INVALID, "Notice:");
  }

  /* After the period, on the closed notice: held candidates only. */
  record (fixture, fixture->deqing);
  set_today (CLOSING_DAY);
  g_assert_true (xf_notice_board_close (fixture->board, fixture->notice, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stage_of (fixture, fixture->anji), ==, XF_STAGE_DECISION);
  {
    g_autoptr(XfObjection) late = new_objection (fixture, fixture->anji);
    g_autoptr(XfObjection) held = new_objection (fixture, fixture->deqing);
    g_autoptr(XfObjection) after = new_objection (fixture, fixture->deqing);

    late->received_on = g_strdup ("2026-03-13");
    assert_refused (fixture, late, XF_ERROR_INVALID, "Notice:");
    /* Received within the period, recorded late: still heard. */
    held->received_on = g_strdup ("2026-03-13");
    record_on (fixture->board, held);
    assert_refused (fixture, after, XF_ERROR_INVALID, "Received on:");
  }
}

static void
test_masking (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(XfNoticeBoard) reviewer = board_as (fixture, "reviewer", XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
  g_autoptr(XfNoticeBoard) deqing = board_as (fixture, "deqing", XF_ROLE_CLERK, XF_SCOPE_REGION, DEQING);
  g_autoptr(GError) error = NULL;
  gint64 on_deqing = record (fixture, fixture->deqing);
  gint64 on_anji = record (fixture, fixture->anji);

  {
    g_autoptr(XfObjection) seen = get_objection (reviewer, on_deqing);
    g_autoptr(GPtrArray) listed = xf_notice_board_list_objections (reviewer, 0, FALSE, &error);

    g_assert_true (seen->contact_masked);
    g_assert_cmpstr (seen->objector_contact, ==, "••••");
    /* The name and grounds are not personal data of the objector's file. */
    g_assert_cmpstr (seen->objector_name, ==, "李四");
    g_assert_no_error (error);
    g_assert_cmpuint (listed->len, ==, 2);
    for (guint i = 0; i < listed->len; i++)
      {
        XfObjection *objection = g_ptr_array_index (listed, i);

        g_assert_true (objection->contact_masked);
        g_assert_cmpstr (objection->objector_contact, ==, "••••");
      }
  }
  {
    /* A Deqing clerk sees the Deqing candidate's objector, not Anji's. */
    g_autoptr(XfObjection) own = get_objection (deqing, on_deqing);
    g_autoptr(XfObjection) other = get_objection (deqing, on_anji);
    g_autoptr(GPtrArray) listed = xf_notice_board_list_objections (deqing, fixture->notice, FALSE, &error);

    g_assert_false (own->contact_masked);
    g_assert_cmpstr (own->objector_contact, ==, "13800001111");
    g_assert_true (other->contact_masked);
    g_assert_cmpstr (other->objector_contact, ==, "••••");
    g_assert_no_error (error);
    g_assert_cmpuint (listed->len, ==, 2);
    g_assert_cmpstr (((XfObjection *) g_ptr_array_index (listed, 0))->objector_contact, ==, "13800001111");
    g_assert_cmpstr (((XfObjection *) g_ptr_array_index (listed, 1))->objector_contact, ==, "••••");
  }
}

static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(XfNoticeBoard) reviewer = board_as (fixture, "reviewer", XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
  g_autoptr(XfNoticeBoard) anji = board_as (fixture, "anji", XF_ROLE_CLERK, XF_SCOPE_REGION, ANJI);
  g_autoptr(XfObjection) objection = new_objection (fixture, fixture->deqing);
  g_autoptr(GError) error = NULL;
  gint64 audit, id;

  audit = xf_test_count_audit (fixture->store);
  g_assert_cmpint (xf_notice_board_record_objection (reviewer, objection, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  /* An Anji clerk handles Anji candidates only. */
  g_assert_cmpint (xf_notice_board_record_objection (anji, objection, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);
  objection->nomination_id = fixture->anji;
  record_on (anji, objection);

  id = record (fixture, fixture->deqing);
  audit = xf_test_count_audit (fixture->store);
  g_assert_false (xf_notice_board_add_note (anji, id, "走访了推荐单位。", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_notice_board_assign (reviewer, id, 0, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (xf_notice_board_decide (anji, id, XF_OBJECTION_DISMISSED, "不实", "经核查不实。", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT(*) FROM objections WHERE status = 'open'"), ==, 2);
}

static void
test_assign (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(XfAccount) deqing = xf_test_add_account (fixture->store, "deqing", XF_ROLE_CLERK,
                                                     XF_SCOPE_REGION, DEQING);
  g_autoptr(XfAccount) anji = xf_test_add_account (fixture->store, "anji", XF_ROLE_CLERK,
                                                   XF_SCOPE_REGION, ANJI);
  g_autoptr(XfAccount) reviewer = xf_test_add_account (fixture->store, "reviewer", XF_ROLE_REVIEWER,
                                                       XF_SCOPE_ALL, NULL);
  g_autoptr(XfAccount) gone = xf_test_add_account (fixture->store, "gone", XF_ROLE_CLERK,
                                                   XF_SCOPE_REGION, DEQING);
  g_autoptr(XfObjection) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *disable = NULL;
  gint64 id = record (fixture, fixture->deqing);
  gint64 audit;

  g_assert_true (xf_notice_board_assign (fixture->board, id, xf_account_get_id (deqing), &error));
  g_assert_no_error (error);
  stored = get_objection (fixture->board, id);
  g_assert_cmpint (stored->handler_account_id, ==, xf_account_get_id (deqing));
  g_assert_cmpstr (stored->handler_name, ==, "deqing");
  g_assert_cmpint (stored->version, ==, 2);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'objection-assign'"
                                        " AND field = 'handler' AND old_value IS NULL"
                                        " AND new_value = 'deqing'"), ==, 1);

  /* Out of the candidate's place, not vetting at all, disabled, unknown. */
  disable = g_strdup_printf ("UPDATE accounts SET disabled = 1 WHERE id = %" G_GINT64_FORMAT,
                             xf_account_get_id (gone));
  g_assert_true (xf_db_exec (xf_store_get_db (fixture->store), disable, &error));
  g_assert_no_error (error);
  audit = xf_test_count_audit (fixture->store);
  g_assert_false (xf_notice_board_assign (fixture->board, id, xf_account_get_id (anji), &error));
  assert_error_starts (error, XF_ERROR_INVALID, "Handler:");
  g_clear_error (&error);
  g_assert_false (xf_notice_board_assign (fixture->board, id, xf_account_get_id (reviewer), &error));
  assert_error_starts (error, XF_ERROR_INVALID, "Handler:");
  g_clear_error (&error);
  g_assert_false (xf_notice_board_assign (fixture->board, id, xf_account_get_id (gone), &error));
  assert_error_starts (error, XF_ERROR_INVALID, "Handler:");
  g_assert_nonnull (strstr (error->message, "disabled"));
  g_clear_error (&error);
  g_assert_false (xf_notice_board_assign (fixture->board, id, 9999, &error));
  assert_error_starts (error, XF_ERROR_INVALID, "Handler:");
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);

  /* 0 clears. */
  g_assert_true (xf_notice_board_assign (fixture->board, id, 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, xf_objection_free);
  stored = get_objection (fixture->board, id);
  g_assert_cmpint (stored->handler_account_id, ==, 0);
  g_assert_cmpstr (stored->handler_name, ==, "");
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'objection-assign'"
                                        " AND old_value = 'deqing' AND new_value IS NULL"), ==, 1);
}

static void
test_notes_and_files (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GBytes) letter = g_bytes_new_static ("举报信原文", strlen ("举报信原文"));
  g_autoptr(GBytes) read = NULL;
  g_autoptr(XfObjection) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tamper = NULL;
  gint64 id = record (fixture, fixture->deqing);
  XfObjectionNote *note;
  XfObjectionFile *file;

  g_assert_true (xf_notice_board_add_note (fixture->board, id, "走访了推荐单位。", &error));
  g_assert_no_error (error);
  set_today ("2026-03-10");
  g_assert_true (xf_notice_board_add_note (fixture->board, id, "与异议人电话沟通。", &error));
  g_assert_no_error (error);
  g_assert_false (xf_notice_board_add_note (fixture->board, id, " \n", &error));
  assert_error_starts (error, XF_ERROR_INVALID, "Note:");
  g_clear_error (&error);

  g_assert_true (xf_notice_board_add_file (fixture->board, id, "举报信.txt", "text/plain", letter, &error));
  g_assert_no_error (error);
  g_assert_false (xf_notice_board_add_file (fixture->board, id, "../x.txt", "text/plain", letter, &error));
  assert_error_starts (error, XF_ERROR_INVALID, "File name:");
  g_clear_error (&error);

  stored = get_objection (fixture->board, id);
  g_assert_cmpuint (stored->notes->len, ==, 2);
  note = g_ptr_array_index (stored->notes, 0);
  g_assert_cmpstr (note->body, ==, "走访了推荐单位。");
  g_assert_cmpstr (note->written_on, ==, "2026-03-09");
  g_assert_cmpstr (note->written_by, ==, "Local administrator");
  note = g_ptr_array_index (stored->notes, 1);
  g_assert_cmpstr (note->written_on, ==, "2026-03-10");
  g_assert_cmpuint (stored->files->len, ==, 1);
  file = g_ptr_array_index (stored->files, 0);
  g_assert_cmpstr (file->file_name, ==, "举报信.txt");
  g_assert_cmpint (file->size, ==, (gint64) strlen ("举报信原文"));
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'objection-note'"),
                   ==, 2);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT(*) FROM audit_log WHERE action = 'objection-file'"
                                        " AND new_value LIKE '举报信.txt (SHA-256 %'"), ==, 1);

  read = xf_notice_board_read_file (fixture->board, file->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, letter));

  /* A changed row is caught. */
  tamper = g_strdup_printf ("UPDATE objection_files SET content = 'AAAA' WHERE id = %" G_GINT64_FORMAT,
                            file->id);
  g_assert_true (xf_db_exec (xf_store_get_db (fixture->store), tamper, &error));
  g_assert_no_error (error);
  g_assert_null (xf_notice_board_read_file (fixture->board, file->id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_CORRUPT);
  g_clear_error (&error);

  /* Files are for open objections; notes may follow the decision. */
  g_assert_true (xf_notice_board_decide (fixture->board, id, XF_OBJECTION_DISMISSED, "经核查不实",
                                         "经核查，所反映问题不属实。", &error));
  g_assert_no_error (error);
  g_assert_false (xf_notice_board_add_file (fixture->board, id, "补充.txt", "text/plain", letter, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  g_assert_true (xf_notice_board_add_note (fixture->board, id, "已电话告知异议人。", &error));
  g_assert_no_error (error);
}

/* Objection files may hold the objector's personal details: opened by
 * those who see the contact or may vet the candidate's nomination. */
static void
test_file_permissions (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(XfNoticeBoard) reviewer = board_as (fixture, "reviewer", XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
  g_autoptr(XfNoticeBoard) deqing = board_as (fixture, "deqing", XF_ROLE_CLERK, XF_SCOPE_REGION, DEQING);
  g_autoptr(XfNoticeBoard) anji = board_as (fixture, "anji", XF_ROLE_CLERK, XF_SCOPE_REGION, ANJI);
  g_autoptr(GBytes) letter = g_bytes_new_static ("举报信原文", strlen ("举报信原文"));
  g_autoptr(XfObjection) stored = NULL;
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = record (fixture, fixture->deqing);
  gint64 file_id;

  g_assert_true (xf_notice_board_add_file (fixture->board, id, "举报信.txt", "text/plain", letter, &error));
  g_assert_no_error (error);
  stored = get_objection (fixture->board, id);
  g_assert_cmpuint (stored->files->len, ==, 1);
  file_id = ((XfObjectionFile *) g_ptr_array_index (stored->files, 0))->id;

  g_assert_null (xf_notice_board_read_file (reviewer, file_id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_null (xf_notice_board_read_file (anji, file_id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  read = xf_notice_board_read_file (deqing, file_id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, letter));
}

static void
test_count_open (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint open = 99, attention = 99;
  gint64 first;

  g_assert_true (xf_notice_board_count_open (fixture->board, &open, &attention, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (open, ==, 0);
  g_assert_cmpuint (attention, ==, 0);

  /* Both due Monday 16 March. */
  first = record (fixture, fixture->deqing);
  record (fixture, fixture->anji);
  set_today ("2026-03-10");
  g_assert_true (xf_notice_board_count_open (fixture->board, &open, &attention, &error));
  g_assert_cmpuint (open, ==, 2);
  g_assert_cmpuint (attention, ==, 0);
  set_today ("2026-03-12");
  g_assert_true (xf_notice_board_count_open (fixture->board, &open, &attention, &error));
  g_assert_cmpuint (open, ==, 2);
  g_assert_cmpuint (attention, ==, 2);
  {
    g_autoptr(XfObjection) soon = get_objection (fixture->board, first);

    g_assert_cmpstr (soon->due_state, ==, "soon");
  }
  g_assert_true (xf_notice_board_decide (fixture->board, first, XF_OBJECTION_DISMISSED, "不实",
                                         "经核查不实。", &error));
  g_assert_no_error (error);
  set_today ("2026-03-17");
  g_assert_true (xf_notice_board_count_open (fixture->board, &open, &attention, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (open, ==, 1);
  g_assert_cmpuint (attention, ==, 1);
  {
    g_autoptr(XfObjection) done = get_objection (fixture->board, first);
    g_autoptr(GPtrArray) listed = xf_notice_board_list_objections (fixture->board, 0, FALSE, &error);

    g_assert_cmpstr (done->due_state, ==, "done");
    g_assert_cmpuint (listed->len, ==, 2);
    g_assert_cmpstr (((XfObjection *) g_ptr_array_index (listed, 1))->due_state, ==, "overdue");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_objections_test ("record", test_record);
  add_objections_test ("record-defaults", test_record_defaults);
  add_objections_test ("anonymous", test_anonymous);
  add_objections_test ("record-invalid", test_record_invalid);
  add_objections_test ("record-notice-state", test_record_notice_state);
  add_objections_test ("masking", test_masking);
  add_objections_test ("permissions", test_permissions);
  add_objections_test ("assign", test_assign);
  add_objections_test ("notes-and-files", test_notes_and_files);
  add_objections_test ("file-permissions", test_file_permissions);
  add_objections_test ("count-open", test_count_open);

  return g_test_run ();
}
