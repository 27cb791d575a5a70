/* test-portal-notices.c — public notices and objections from the public
 *                         (XfPortal, xf-portal-notices.c)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-portal-private.h"
#include "xf-store.h"
#include "xf-test-files.h"
#include "xf-test-objections.h"

/*
 * The objection tests' fixture: on Monday 9 March 2026 two candidates,
 * 沈建国 (Deqing) and 王美华 (Anji), are on a notice published that day,
 * its period 9–13 March.
 */

#define CONTACT "13900001234"

typedef struct
{
  gint64 objections;
  gint64 files;
  gint64 audit;
} Counts;

static Counts
counts (Fixture *fixture)
{
  Counts now = {
    count_rows (fixture, "SELECT count(*) FROM objections"),
    count_rows (fixture, "SELECT count(*) FROM objection_files"),
    xf_test_count_audit (fixture->store),
  };

  return now;
}

static void
assert_same_counts (Fixture *fixture,
                    Counts   before)
{
  Counts after = counts (fixture);

  g_assert_cmpint (after.objections, ==, before.objections);
  g_assert_cmpint (after.files, ==, before.files);
  g_assert_cmpint (after.audit, ==, before.audit);
}

static XfPortalObjection
valid_input (Fixture *fixture)
{
  XfPortalObjection input = {
    .notice_id = fixture->notice,
    .nomination_id = fixture->deqing,
    .anonymous = FALSE,
    .name = "李四",
    .contact = CONTACT,
    .grounds = "该同志的事迹材料与实际情况不符。",
  };

  return input;
}

static char *
submit (XfPortal                *portal,
        const XfPortalObjection *input)
{
  g_autoptr(GError) error = NULL;
  char *reference = xf_portal_submit_objection (portal, input, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reference);
  return reference;
}

/* The portal refuses @input with @code, a message beginning with
 * @prefix, and stores nothing. */
static void
assert_objection_refused (Fixture                 *fixture,
                          XfPortal                *portal,
                          const XfPortalObjection *input,
                          int                      code,
                          const char              *prefix)
{
  g_autoptr(GError) error = NULL;
  Counts before = counts (fixture);

  g_assert_null (xf_portal_submit_objection (portal, input, &error));
  assert_error_starts (error, code, prefix);
  assert_same_counts (fixture, before);
}

static XfObjection *
only_objection (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = xf_notice_board_list_objections (fixture->board, fixture->notice, FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  return get_objection (fixture->board, ((XfObjection *) g_ptr_array_index (list, 0))->id);
}

/* Submits the valid input through a new portal with @content attached
 * as @name of @type; returns the objection stored (the only one). */
static XfObjection *
submit_with_file (Fixture    *fixture,
                  const char *name,
                  const char *type,
                  GBytes     *content)
{
  g_autoptr(XfPortal) portal = xf_portal_new (fixture->store);
  XfPortalObjection input = valid_input (fixture);
  g_autofree char *reference = NULL;

  input.file_name = name;
  input.file_type = type;
  input.file = content;
  reference = submit (portal, &input);
  g_assert_nonnull (reference);
  return only_objection (fixture);
}

/*
 * Reading
 */

/* How many notices the public's list shows. */
static guint
public_notices (XfPortal *portal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = xf_portal_list_notices (portal, &error);

  g_assert_no_error (error);
  return list->len;
}

/* Notice @id is not the public's (NOT_FOUND). */
static void
assert_no_notice (XfPortal *portal,
                  gint64    id)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (xf_portal_get_notice (portal, id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

static void
test_list_and_get (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(XfPortal) portal = xf_portal_new (fixture->store);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  XfNotice *listed;
  gint64 draft;

  /* A draft of the same campaign, with nobody on it: not public. */
  draft = xf_notice_board_create (fixture->board, fixture->campaign, &error);
  g_assert_no_error (error);

  list = xf_portal_list_notices (portal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  listed = g_ptr_array_index (list, 0);
  g_assert_cmpint (listed->id, ==, fixture->notice);
  g_assert_cmpstr (listed->status, ==, XF_NOTICE_PUBLISHED);
  g_assert_cmpstr (listed->ends_on, ==, "2026-03-13");
  g_assert_null (listed->published_by);
  g_assert_true (xf_portal_notice_is_open (listed));

  notice = xf_portal_get_notice (portal, fixture->notice, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notice->candidates->len, ==, 2);
  g_assert_cmpstr (((XfNoticeCandidate *) g_ptr_array_index (notice->candidates, 0))->name, ==, "沈建国");
  g_assert_null (((XfNoticeCandidate *) g_ptr_array_index (notice->candidates, 0))->stage);
  g_assert_cmpstr (((XfNoticeCandidate *) g_ptr_array_index (notice->candidates, 0))->gender, ==, "");
  g_assert_cmpuint (((XfNoticeCandidate *) g_ptr_array_index (notice->candidates, 0))->open_objections, ==, 0);
  g_assert_null (notice->published_by);
  g_assert_nonnull (notice->contact_phone);
  g_assert_true (xf_portal_notice_is_open (notice));

  assert_no_notice (portal, draft);
  assert_no_notice (portal, 987654);
  assert_no_notice (portal, 0);
}

static void
test_closed_then_gone (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(XfPortal) portal = xf_portal_new (fixture->store);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(GError) error = NULL;

  /* Saturday after the period, not closed yet: shown, not open. */
  set_today ("2026-03-14");
  notice = xf_portal_get_notice (portal, fixture->notice, &error);
  g_assert_no_error (error);
  g_assert_false (xf_portal_notice_is_open (notice));
  g_clear_pointer (&notice, xf_notice_free);

  set_today (CLOSING_DAY);
  close_due (fixture, 1);
  list = xf_portal_list_notices (portal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((XfNotice *) g_ptr_array_index (list, 0))->status, ==, XF_NOTICE_CLOSED);
  g_assert_null (((XfNotice *) g_ptr_array_index (list, 0))->closed_by);
  g_assert_false (xf_portal_notice_is_open (g_ptr_array_index (list, 0)));
  g_clear_pointer (&list, g_ptr_array_unref);
  notice = xf_portal_get_notice (portal, fixture->notice, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (notice->status, ==, XF_NOTICE_CLOSED);

  /* 30 days after its period it leaves the list (the page stays). */
  set_today ("2026-04-12");
  g_assert_cmpuint (public_notices (portal), ==, 1);
  set_today ("2026-04-13");
  g_assert_cmpuint (public_notices (portal), ==, 0);
}

static void
test_withdrawn_not_public (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(XfPortal) portal = xf_portal_new (fixture->store);
  g_autoptr(GError) error = NULL;
  XfPortalObjection input = valid_input (fixture);

  g_assert_true (xf_notice_board_withdraw (fixture->board, fixture->notice, "名单有误", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (public_notices (portal), ==, 0);
  assert_no_notice (portal, fixture->notice);

  assert_objection_refused (fixture, portal, &input, XF_ERROR_NOT_FOUND, "Notice:");
}

/*
 * Objections
 */

static void
test_objection_recorded (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(XfPortal) portal = xf_portal_new (fixture->store);
  XfPortalObjection input = valid_input (fixture);
  g_autofree char *reference = NULL;
  g_autofree char *uid_start = NULL;
  g_autoptr(XfObjection) objection = NULL;
  Counts before = counts (fixture);

  reference = submit (portal, &input);
  objection = only_objection (fixture);
  uid_start = g_ascii_strup (objection->uid, 8);
  g_assert_cmpuint (strlen (reference), ==, 8);
  g_assert_cmpstr (reference, ==, uid_start);

  g_assert_cmpstr (objection->channel, ==, "portal");
  g_assert_cmpstr (xf_objection_channel_label (objection->channel), ==, "Web portal");
  g_assert_true (xf_objection_channel_is_valid ("portal"));
  g_assert_cmpint (objection->nomination_id, ==, fixture->deqing);
  g_assert_cmpstr (objection->candidate_name, ==, "沈建国");
  g_assert_cmpstr (objection->received_on, ==, "2026-03-09");
  g_assert_cmpint (objection->handling_days, ==, XF_OBJECTION_DEFAULT_HANDLING_DAYS);
  g_assert_cmpstr (objection->due_on, ==, "2026-03-16");
  g_assert_cmpstr (objection->status, ==, XF_OBJECTION_OPEN);
  g_assert_false (objection->anonymous);
  g_assert_cmpstr (objection->objector_name, ==, "李四");
  /* The administrator sees the contact. */
  g_assert_cmpstr (objection->objector_contact, ==, CONTACT);
  g_assert_false (objection->contact_masked);
  g_assert_cmpstr (objection->grounds, ==, "该同志的事迹材料与实际情况不符。");
  g_assert_cmpuint (objection->files->len, ==, 0);

  /* The page never learns how many objections there are. */
  {
    g_autoptr(XfNotice) notice = xf_portal_get_notice (portal, fixture->notice, NULL);
    g_autoptr(XfNotice) desk = get_notice (fixture, fixture->notice);

    g_assert_cmpuint (desk->n_open_objections, ==, 1);
    g_assert_cmpuint (notice->n_objections, ==, 0);
    g_assert_cmpuint (notice->n_open_objections, ==, 0);
    for (guint i = 0; i < notice->candidates->len; i++)
      g_assert_cmpuint (((XfNoticeCandidate *) g_ptr_array_index (notice->candidates, i))->open_objections, ==, 0);
  }

  /* Audited as the public, never with the contact. */
  g_assert_cmpint (counts (fixture).objections, ==, before.objections + 1);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM audit_log WHERE record_type = 'objection'"
                                        " AND actor_login = 'public'"), ==, 2);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM audit_log WHERE actor_login = 'public'"
                                        " AND field = 'channel' AND new_value = 'portal'"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM audit_log WHERE new_value LIKE '%"
                                        CONTACT "%'"), ==, 0);
}

static void
test_contact_masked (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(XfPortal) portal = xf_portal_new (fixture->store);
  g_autoptr(XfNoticeBoard) reviewer = board_as (fixture, "reviewer", XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
  g_autoptr(XfNoticeBoard) clerk = board_as (fixture, "clerk", XF_ROLE_CLERK, XF_SCOPE_REGION, DEQING);
  XfPortalObjection input = valid_input (fixture);
  g_autofree char *reference = submit (portal, &input);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(XfObjection) seen = NULL;
  g_autoptr(XfObjection) by_clerk = NULL;
  g_autoptr(XfObjection) by_public = NULL;
  g_autoptr(GError) error = NULL;
  XfObjection *listed;

  list = xf_notice_board_list_objections (reviewer, fixture->notice, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  listed = g_ptr_array_index (list, 0);
  g_assert_cmpstr (listed->objector_contact, ==, "••••");
  g_assert_true (listed->contact_masked);
  seen = get_objection (reviewer, listed->id);
  g_assert_cmpstr (seen->objector_contact, ==, "••••");
  /* The Deqing clerk vets 沈建国's nomination and sees it. */
  by_clerk = get_objection (clerk, listed->id);
  g_assert_cmpstr (by_clerk->objector_contact, ==, CONTACT);
  /* The portal's own actor never gets it back. */
  by_public = xf_notice_board_get_objection (portal->notices, listed->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_public->objector_contact, ==, "••••");
}

static void
test_anonymous (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(XfPortal) portal = xf_portal_new (fixture->store);
  XfPortalObjection input = valid_input (fixture);
  g_autofree char *reference = NULL;
  g_autoptr(XfObjection) objection = NULL;

  input.anonymous = TRUE;
  input.name = "张三";   /* typed, then the box ticked: not kept */
  input.contact = NULL;
  reference = submit (portal, &input);
  objection = only_objection (fixture);
  g_assert_true (objection->anonymous);
  g_assert_cmpstr (objection->objector_name, ==, "");
  g_assert_cmpstr (objection->objector_contact, ==, "");
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM objections WHERE objector_name LIKE '%张三%'"),
                   ==, 0);
}

static void
test_with_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) content = g_bytes_new_static ("%PDF-1.4 evidence", 17);
  g_autoptr(XfObjection) objection = submit_with_file (fixture, "证据.pdf", "application/pdf", content);
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;
  XfObjectionFile *file;

  g_assert_cmpuint (objection->files->len, ==, 1);
  file = g_ptr_array_index (objection->files, 0);
  g_assert_cmpstr (file->file_name, ==, "证据.pdf");
  g_assert_cmpstr (file->content_type, ==, "application/pdf");
  g_assert_cmpint (file->size, ==, 17);
  read = xf_notice_board_read_file (fixture->board, file->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, content));
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM audit_log WHERE actor_login = 'public'"
                                        " AND action = 'objection-file'"), ==, 1);
}

static void
test_odd_file_type (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GBytes) content = g_bytes_new_static ("<script>", 8);
  g_autoptr(XfObjection) objection = submit_with_file (fixture, "a.html",
                                                       "text/html; charset=\"x\"\r\nX-Bad: 1", content);

  g_assert_cmpstr (((XfObjectionFile *) g_ptr_array_index (objection->files, 0))->content_type, ==,
                   "application/octet-stream");
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(XfPortal) portal = xf_portal_new (fixture->store);
  gint64 late = nominate (fixture, "赵六", DEQING "002");   /* in notice, not on this one */
  g_autoptr(GBytes) content = g_bytes_new_static ("x", 1);
  g_autofree char *long_grounds = g_strnfill (5001, 'a');
  Counts before = counts (fixture);
  struct
  {
    const char *what;
    int         code;
    const char *prefix;
  } cases[] = {
    { "no grounds", XF_ERROR_INVALID, "Grounds:" },
    { "blank grounds", XF_ERROR_INVALID, "Grounds:" },
    { "long grounds", XF_ERROR_INVALID, "Grounds:" },
    { "no name", XF_ERROR_INVALID, "Objector:" },
    { "blank name", XF_ERROR_INVALID, "Objector:" },
    { "long contact", XF_ERROR_INVALID, "Contact:" },
    { "not on notice", XF_ERROR_INVALID, "Candidate:" },
    { "unknown candidate", XF_ERROR_INVALID, "Candidate:" },
    { "unknown notice", XF_ERROR_NOT_FOUND, "Notice:" },
    { "file without name", XF_ERROR_INVALID, "File name:" },
    { "file name with a path", XF_ERROR_INVALID, "File name:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *long_contact = g_strnfill (201, '1');
      XfPortalObjection input = valid_input (fixture);

      switch (i)
        {
        case 0: input.grounds = NULL; break;
        case 1: input.grounds = "   "; break;
        case 2: input.grounds = long_grounds; break;
        case 3: input.name = NULL; break;
        case 4: input.name = " "; break;
        case 5: input.contact = long_contact; break;
        case 6: input.nomination_id = late; break;
        case 7: input.nomination_id = 987654; break;
        case 8: input.notice_id = 987654; break;
        case 9: input.file = content; input.file_name = NULL; break;
        case 10: input.file = content; input.file_name = "../x.pdf"; break;
        default: g_assert_not_reached ();
        }
      g_test_message ("%s", cases[i].what);
      assert_objection_refused (fixture, portal, &input, cases[i].code, cases[i].prefix);
    }
  assert_same_counts (fixture, before);
}

static void
test_after_period (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(XfPortal) portal = xf_portal_new (fixture->store);
  XfPortalObjection input = valid_input (fixture);

  /* The period's last day still takes it. */
  set_today ("2026-03-13");
  g_free (submit (portal, &input));

  /* The day after, closed or not, nothing. */
  set_today ("2026-03-14");
  assert_objection_refused (fixture, portal, &input, XF_ERROR_WORKFLOW, "Notice:");

  /* Closed with 沈建国 held by the first objection: a desk may still
   * record one by letter, the portal not. */
  set_today (CLOSING_DAY);
  close_due (fixture, 1);
  {
    g_autofree char *result = result_of (fixture, fixture->notice, fixture->deqing);

    g_assert_cmpstr (result, ==, XF_CANDIDATE_HELD);
  }
  assert_objection_refused (fixture, portal, &input, XF_ERROR_WORKFLOW, "Notice:");
}

/*
 * The public actor on the notice board itself
 */

static XfNoticeBoard *
public_board (Fixture *fixture)
{
  g_autoptr(XfAccount) public = xf_account_new_public ();
  g_autoptr(XfEvaluation) evaluation = xf_test_evaluation_new (fixture->store, public);

  return xf_notice_board_new (evaluation);
}

#define assert_denied(done, error) \
  G_STMT_START { \
    g_assert_false (done); \
    g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED); \
    g_clear_error (&(error)); \
  } G_STMT_END

static void
test_public_may_do_nothing_else (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(XfNoticeBoard) board = public_board (fixture);
  g_autoptr(GBytes) content = g_bytes_new_static ("x", 1);
  gint64 desk_objection = record (fixture, fixture->anji);
  gint64 draft = xf_notice_board_create (fixture->board, fixture->campaign, NULL);
  gint64 file_id;
  Counts before;
  GError *error = NULL;

  g_assert_true (xf_notice_board_add_file (fixture->board, desk_objection, "a.txt", "text/plain",
                                           content, &error));
  g_assert_no_error (error);
  file_id = count_rows (fixture, "SELECT max(id) FROM objection_files");
  before = counts (fixture);

  assert_denied (xf_notice_board_publish (board, draft, &error), error);
  assert_denied (xf_notice_board_create (board, fixture->campaign, &error) != 0, error);
  assert_denied (xf_notice_board_withdraw (board, fixture->notice, "x", &error), error);
  assert_denied (xf_notice_board_correct (board, fixture->notice, &error) != 0, error);
  set_today (CLOSING_DAY);
  assert_denied (xf_notice_board_close (board, fixture->notice, &error), error);
  assert_denied (xf_notice_board_close_due (board, &error) >= 0, error);
  set_today ("2026-03-09");
  assert_denied (xf_notice_board_decide (board, desk_objection, XF_OBJECTION_DISMISSED, "无依据", "经核实不属实",
                                         &error), error);
  assert_denied (xf_notice_board_assign (board, desk_objection, 0, &error), error);
  assert_denied (xf_notice_board_add_note (board, desk_objection, "note", &error), error);
  assert_denied (xf_notice_board_add_file (board, desk_objection, "b.txt", "text/plain", content, &error),
                 error);
  assert_denied (xf_notice_board_read_file (board, file_id, &error) != NULL, error);
  assert_denied (xf_notice_board_record_reply (board, desk_objection, "phone", NULL, &error), error);
  assert_same_counts (fixture, before);
  g_assert_cmpstr (stage_of (fixture, fixture->deqing), ==, XF_STAGE_NOTICE);
  {
    g_autoptr(XfNotice) notice = get_notice (fixture, fixture->notice);

    g_assert_cmpstr (notice->status, ==, XF_NOTICE_PUBLISHED);
  }
}

static void
test_public_records_only_portal_today (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(XfNoticeBoard) board = public_board (fixture);
  g_autoptr(GBytes) content = g_bytes_new_static ("x", 1);
  Counts before = counts (fixture);
  gint64 id;
  struct
  {
    const char *channel;
    const char *received_on;
    int         handling_days;
    const char *prefix;
  } cases[] = {
    { "letter", NULL, 0, "Channel:" },
    { "portal", "2026-03-08", 0, "Received on:" },
    { "portal", NULL, 10, "Handling days:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XfObjection) objection = new_objection (fixture, fixture->deqing);
      g_autoptr(GError) error = NULL;

      g_free (objection->channel);
      objection->channel = g_strdup (cases[i].channel);
      objection->received_on = g_strdup (cases[i].received_on);
      objection->handling_days = cases[i].handling_days;
      g_assert_cmpint (xf_notice_board_record_objection (board, objection, &error), ==, 0);
      assert_error_starts (error, XF_ERROR_INVALID, cases[i].prefix);
      assert_same_counts (fixture, before);
    }

  /* Recorded on its own (not in a caller's transaction): no file may
   * follow it later. */
  {
    g_autoptr(XfObjection) objection = new_objection (fixture, fixture->deqing);
    g_autoptr(GError) error = NULL;

    g_free (objection->channel);
    objection->channel = g_strdup ("portal");
    id = record_on (board, objection);
    g_assert_false (xf_notice_board_add_file (board, id, "a.txt", "text/plain", content, &error));
    g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
    g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM objection_files"), ==, 0);
  }
}

static void
test_one_file_only (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(XfNoticeBoard) board = public_board (fixture);
  g_autoptr(XfObjection) objection = new_objection (fixture, fixture->deqing);
  g_autoptr(GBytes) content = g_bytes_new_static ("x", 1);
  g_autoptr(GError) error = NULL;
  XfDb *db = xf_store_get_db (fixture->store);
  gint64 id;

  g_free (objection->channel);
  objection->channel = g_strdup ("portal");
  g_assert_true (xf_db_begin (db, &error));
  id = record_on (board, objection);
  g_assert_true (xf_notice_board_add_file (board, id, "a.txt", "text/plain", content, &error));
  g_assert_no_error (error);
  g_assert_false (xf_notice_board_add_file (board, id, "b.txt", "text/plain", content, &error));
  assert_error_starts (error, XF_ERROR_INVALID, "File:");
  g_clear_error (&error);
  g_assert_true (xf_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM objection_files"), ==, 1);

  /* Another transaction: that objection is no longer the public's to touch. */
  g_assert_true (xf_db_begin (db, &error));
  g_assert_false (xf_notice_board_add_file (board, id, "c.txt", "text/plain", content, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  xf_db_rollback (db);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM objection_files"), ==, 1);
}

static void
test_desk_keeps_vetting (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(XfNoticeBoard) reviewer = board_as (fixture, "reviewer", XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
  g_autoptr(XfNoticeBoard) clerk = board_as (fixture, "clerk", XF_ROLE_CLERK, XF_SCOPE_REGION, DEQING);
  g_autoptr(XfObjection) objection = new_objection (fixture, fixture->deqing);
  g_autoptr(GError) error = NULL;
  Counts before = counts (fixture);

  g_assert_cmpint (xf_notice_board_record_objection (reviewer, objection, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  assert_same_counts (fixture, before);
  g_clear_error (&error);
  /* Not the portal's own channel: only the portal records that. */
  g_free (objection->channel);
  objection->channel = g_strdup (XF_OBJECTION_CHANNEL_PORTAL);
  g_assert_cmpint (xf_notice_board_record_objection (clerk, objection, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Channel: "));
  g_clear_error (&error);
  assert_same_counts (fixture, before);
  for (guint i = 0; xf_objection_desk_channels ()[i] != NULL; i++)
    g_assert_cmpstr (xf_objection_desk_channels ()[i], !=, XF_OBJECTION_CHANNEL_PORTAL);
  g_free (objection->channel);
  objection->channel = g_strdup ("phone");
  /* A desk that vets records any other channel, received any day of the period. */
  g_free (objection->received_on);
  objection->received_on = g_strdup ("2026-03-09");
  g_assert_cmpint (record_on (clerk, objection), >, 0);
  /* The portal shows no replies: a reply is never sent "through" it. */
  {
    gint64 decided = record (fixture, fixture->anji);

    g_assert_true (xf_notice_board_decide (fixture->board, decided, XF_OBJECTION_DISMISSED, "无依据",
                                           "经核实不属实", &error));
    g_assert_no_error (error);
    g_assert_false (xf_notice_board_record_reply (fixture->board, decided,
                                                  XF_OBJECTION_CHANNEL_PORTAL, NULL, &error));
    g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  }
}

/* Schema 9 lets the objections take channel "portal": brought up from
 * schema 8 (here: run again over a database marked 8), a database keeps
 * its objections, notes and files, their ids and references. */
static void
test_schema_upgrade (void)
{
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *location = xf_test_database_location (dir, "upgrade.db");
  g_autoptr(GError) error = NULL;
  Fixture fixture = { 0 };
  gint64 objection, note_id, file_id;

  set_today ("2026-03-09");
  fixture.store = xf_test_open_store_at (location);
  fixture.admin = xf_test_evaluation_new (fixture.store, NULL);
  fixture.board = xf_notice_board_new (fixture.admin);
  fixture.campaign = xf_test_add_campaign (fixture.admin, "county", 3);
  fixture.deqing = nominate (&fixture, "沈建国", DEQING "001");
  fixture.notice = xf_test_publish_notice (fixture.admin, fixture.campaign);
  objection = record (&fixture, fixture.deqing);
  {
    g_autoptr(GBytes) content = g_bytes_new_static ("evidence", 8);

    g_assert_true (xf_notice_board_add_note (fixture.board, objection, "已电话联系", &error));
    g_assert_true (xf_notice_board_add_file (fixture.board, objection, "a.txt", "text/plain", content, &error));
    g_assert_no_error (error);
  }
  note_id = count_rows (&fixture, "SELECT max(id) FROM objection_notes");
  file_id = count_rows (&fixture, "SELECT max(id) FROM objection_files");
  g_assert_true (xf_db_set_schema_version (xf_store_get_db (fixture.store), 8, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture.board);
  g_clear_object (&fixture.admin);
  g_assert_finalize_object (fixture.store);

  fixture.store = xf_test_open_store_at (location);
  g_assert_cmpint (xf_store_get_schema_version (fixture.store), ==, 9);
  fixture.admin = xf_test_evaluation_new (fixture.store, NULL);
  fixture.board = xf_notice_board_new (fixture.admin);
  {
    g_autoptr(XfObjection) kept = get_objection (fixture.board, objection);
    g_autoptr(GBytes) read = NULL;

    g_assert_cmpstr (kept->candidate_name, ==, "沈建国");
    g_assert_cmpuint (kept->notes->len, ==, 1);
    g_assert_cmpint (((XfObjectionNote *) g_ptr_array_index (kept->notes, 0))->id, ==, note_id);
    g_assert_cmpuint (kept->files->len, ==, 1);
    read = xf_notice_board_read_file (fixture.board, file_id, &error);
    g_assert_no_error (error);
    g_assert_cmpmem (g_bytes_get_data (read, NULL), g_bytes_get_size (read), "evidence", 8);
  }
  if (!xf_test_using_postgresql ())
    {
      g_autofree char *notes = xf_test_query_text (fixture.store,
        "SELECT sql FROM sqlite_master WHERE name = 'objection_notes'");

      g_assert_nonnull (strstr (notes, "REFERENCES objections (id)"));
      g_assert_cmpint (count_rows (&fixture, "SELECT count(*) FROM sqlite_master WHERE name LIKE '%_old'"),
                       ==, 0);
      g_assert_cmpint (count_rows (&fixture, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                                             " AND tbl_name LIKE 'objection%'"), >=, 4);
    }
  /* A note still needs its objection. */
  g_assert_false (xf_db_exec (xf_store_get_db (fixture.store),
                              "INSERT INTO objection_notes (objection_id, written_on, written_at, written_by, body)"
                              " VALUES (987654, '2026-03-09', 0, 'x', 'x')", &error));
  g_clear_error (&error);
  /* And the portal's channel is taken. */
  {
    g_autoptr(XfPortal) portal = xf_portal_new (fixture.store);
    XfPortalObjection input = valid_input (&fixture);

    g_free (submit (portal, &input));
    g_assert_cmpint (count_rows (&fixture, "SELECT count(*) FROM objections WHERE channel = 'portal'"), ==, 1);
  }
  fixture_tear_down (&fixture, NULL);
  xf_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define add(path, func) \
  g_test_add ("/core/portal-notices/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  add ("list-and-get", test_list_and_get);
  add ("closed-then-gone", test_closed_then_gone);
  add ("withdrawn-not-public", test_withdrawn_not_public);
  add ("objection-recorded", test_objection_recorded);
  add ("contact-masked", test_contact_masked);
  add ("anonymous", test_anonymous);
  add ("with-file", test_with_file);
  add ("odd-file-type", test_odd_file_type);
  add ("bad-input", test_bad_input);
  add ("after-period", test_after_period);
  add ("public-may-do-nothing-else", test_public_may_do_nothing_else);
  add ("public-records-only-portal-today", test_public_records_only_portal_today);
  add ("one-file-only", test_one_file_only);
  add ("desk-keeps-vetting", test_desk_keeps_vetting);
#undef add
  g_test_add_func ("/core/portal-notices/schema-upgrade", test_schema_upgrade);

  return g_test_run ();
}
