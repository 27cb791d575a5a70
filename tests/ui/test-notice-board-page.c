/* test-notice-board-page.c — the Notice board page: a notice drafted,
 * published, printed, objected to and closed when its period ends
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * meson runs it in English and with LANGUAGE=zh_CN; with
 * XIANFENG_SCREENSHOT_DIR set the journey saves the shots the metainfo
 * shows, with "-zh_CN" for Chinese, as test-evaluation-journey.c does:
 * notice-board (the published notice with its candidates and an
 * objection), notice-objection (that objection opened) and notice-pdf
 * (page 1 of the printed notice).
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "xf-accounts.h"
#include "xf-evaluation-private.h"
#include "xf-notice-board-page.h"
#include "xf-notice-dialog.h"
#include "xf-objection-dialog.h"
#include "xf-notice-document.h"
#include "xf-reason-dialog.h"
#include "xf-test-evaluation.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"

/* March 2026 has no holidays: a notice published on Monday 9 March runs
 * until Friday 13 March and closes from Monday 16 March. */
#define TODAY       "2026-03-09"
#define CLOSING_DAY "2026-03-16"
#define DEQING      "330521"

static const char * const names[] = { "沈建国", "钱丽萍", "陆晓燕" };
static const char * const genders[] = { "male", "female", "female" };

typedef struct
{
  char          *dir;
  char          *path;
  XfApplication *app;
  XfWindow      *window;
  GtkWidget     *page;
  gint64         campaign;
  gint64         nominations[G_N_ELEMENTS (names)];
} Fixture;

/*
 * The scene: a county campaign whose three nominations the committee has
 * just selected for public notice
 */

/* The printed notice has a gender column: fill it in. */
static void
set_gender (XfEvaluation *admin,
            gint64        pioneer_id,
            const char   *gender)
{
  XfRegistry *registry = xf_evaluation_get_registry (admin);
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autoptr(GError) error = NULL;

  pioneer = xf_registry_get_pioneer (registry, pioneer_id, &error);
  g_assert_no_error (error);
  g_object_set (pioneer, "gender", gender, NULL);
  g_assert_true (xf_registry_save_pioneer (registry, pioneer, &error));
  g_assert_no_error (error);
}

static void
make_db (Fixture *fixture)
{
  static const char * const units[] = { "德清钢铁厂", "新市镇卫生院", "武康街道社区服务中心" };
  g_autoptr(XfStore) store = xf_test_make_demo_db (fixture->dir, "notices.db", 20, 2, &fixture->path);
  g_autoptr(XfEvaluation) admin = NULL;

  admin = xf_test_evaluation_new (store, NULL);
  fixture->campaign = xf_test_add_campaign (admin, "county", 5);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *region = g_strdup_printf (DEQING "10%u", i + 1);
      gint64 pioneer = xf_test_add_candidate (admin, names[i], units[i], region);

      set_gender (admin, pioneer, genders[i]);

      fixture->nominations[i] = xf_test_submit (admin, fixture->campaign, pioneer, "德清县总工会");
      xf_test_to_committee (admin, fixture->nominations[i]);
      xf_test_select_for_notice (admin, fixture->nominations[i]);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_setenv ("XIANFENG_TODAY", TODAY, TRUE);
  xf_test_disable_animations ();
  fixture->dir = xf_test_make_dir ();
  make_db (fixture);
  fixture->page = xf_test_open_page (&fixture->app, &fixture->window, fixture->path, data, "notices");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xf_test_close_page (XF_TYPE_NOTICE_DIALOG, fixture->window, &fixture->app, &fixture->dir, &fixture->path);
}

/*
 * Helpers
 */

static XfNoticeBoardPage *
page_of (Fixture *fixture)
{
  return XF_NOTICE_BOARD_PAGE (fixture->page);
}

static GtkWidget *
child (Fixture    *fixture,
       const char *name)
{
  return xf_test_template_child (fixture->page, XF_TYPE_NOTICE_BOARD_PAGE, name);
}

static XfNotice *
get_notice (Fixture *fixture,
            gint64   notice_id)
{
  g_autoptr(GError) error = NULL;
  XfNotice *notice = xf_notice_board_get_notice (xf_notice_board_page_get_board (page_of (fixture)),
                                                 notice_id, &error);

  g_assert_no_error (error);
  return notice;
}

/* The page reads again in an idle after a write. */
static void
settle (void)
{
  xf_test_iterate (100);
}

/* Two draft notices of the fixture's campaign, shown in the list. */
static void
create_two_notices (Fixture *fixture,
                    gint64  *first,
                    gint64  *second)
{
  XfNoticeBoard *board = xf_notice_board_page_get_board (page_of (fixture));
  g_autoptr(GError) error = NULL;

  *first = xf_notice_board_create (board, fixture->campaign, &error);
  g_assert_no_error (error);
  *second = xf_notice_board_create (board, fixture->campaign, &error);
  g_assert_no_error (error);
  settle ();
}

typedef struct
{
  Fixture    *fixture;
  const char *name;
  const char *text;
} LabelWait;

static gboolean
label_has_cb (gpointer data)
{
  LabelWait *wait = data;
  GtkWidget *label = xf_test_template_child (wait->fixture->page, XF_TYPE_NOTICE_BOARD_PAGE, wait->name);

  return strstr (gtk_label_get_label (GTK_LABEL (label)), wait->text) != NULL;
}

/* The page reads again in an idle after a write, later on a busy machine:
 * waits until its label @name shows @text. */
static void
wait_for_label (Fixture    *fixture,
                const char *name,
                const char *text)
{
  LabelWait wait = { fixture, name, text };

  g_assert_true (xf_test_wait_until (label_has_cb, &wait, 5000));
}

static gboolean
one_open_cb (gpointer data)
{
  return xf_notice_board_page_get_attention_count (XF_NOTICE_BOARD_PAGE (data)) == 1;
}

static gboolean
objection_listed_cb (gpointer data)
{
  Fixture *fixture = data;

  return xf_test_count_named (child (fixture, "objections_group"), "objection-row") == 1;
}

static gboolean
listed_cb (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *stack = xf_test_template_child (fixture->page, XF_TYPE_NOTICE_BOARD_PAGE, "list_stack");

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "list") == 0;
}

static gboolean
no_notice_dialog_cb (gpointer data)
{
  return xf_test_find_toplevel (XF_TYPE_NOTICE_DIALOG) == NULL;
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  return gtk_label_get_label (GTK_LABEL (child (fixture, name)));
}

/* Drafts a notice of the campaign through the dialog, as the user does:
 * New notice (Ctrl+N), the campaign, Create draft, a contact, Save. */
static gint64
draft_through_dialog (Fixture *fixture)
{
  XfNoticeDialog *dialog;
  GtkWidget *phone;
  gint64 id;

  gtk_widget_activate_action (fixture->page, "notices.new", NULL);
  dialog = XF_NOTICE_DIALOG (xf_test_find_toplevel (XF_TYPE_NOTICE_DIALOG));
  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_cmpint (xf_notice_dialog_get_notice_id (dialog), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "notice-dialog.create", NULL);
  id = xf_notice_dialog_get_notice_id (dialog);
  g_assert_cmpint (id, >, 0);
  /* The draft is on the page at once, beside the dialog. */
  g_assert_cmpint (xf_notice_board_page_get_notice_id (page_of (fixture)), ==, id);

  /* Every nomination in public notice is on it; one off and on again. */
  g_assert_cmpuint (xf_test_count_named (GTK_WIDGET (dialog), "candidate-row"), ==, G_N_ELEMENTS (names));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "notice-dialog.remove-candidate", "x",
                              fixture->nominations[2]);
  g_assert_cmpuint (xf_test_count_named (GTK_WIDGET (dialog), "candidate-row"), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "notice-dialog.add-candidate", "x",
                              fixture->nominations[2]);
  g_assert_cmpuint (xf_test_count_named (GTK_WIDGET (dialog), "candidate-row"), ==, 3);

  phone = xf_test_template_child (dialog, XF_TYPE_NOTICE_DIALOG, "phone_row");
  gtk_editable_set_text (GTK_EDITABLE (phone), "0572-8012345");
  gtk_editable_set_text (GTK_EDITABLE (xf_test_template_child (dialog, XF_TYPE_NOTICE_DIALOG, "mailbox_row")),
                         "德清县总工会评选办公室");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "notice-dialog.save", NULL);
  g_assert_true (xf_test_wait_until (no_notice_dialog_cb, NULL, 5000));
  settle ();
  return id;
}

static void
recorded_cb (XfObjectionDialog *dialog,
             gint64             objection_id,
             gint64            *recorded)
{
  *recorded = objection_id;
}

/* Record objection…, the candidate (by its place among the notice's
 * candidates), anonymous, the grounds, Record. */
static gint64
record_objection (Fixture *fixture,
                  gint64   notice_id,
                  guint    position)
{
  GtkWidget *dialog;
  GtkWidget *grounds;
  gint64 recorded = 0;

  gtk_widget_activate_action (fixture->page, "notices.record-objection", NULL);
  dialog = GTK_WIDGET (xf_test_find_toplevel (XF_TYPE_OBJECTION_DIALOG));
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "recorded", G_CALLBACK (recorded_cb), &recorded);
  adw_combo_row_set_selected (ADW_COMBO_ROW (xf_test_template_child (dialog, XF_TYPE_OBJECTION_DIALOG,
                                                                      "candidate_row")), position);
  gtk_switch_set_active (GTK_SWITCH (xf_test_template_child (dialog, XF_TYPE_OBJECTION_DIALOG,
                                                              "anonymous_switch")), TRUE);
  grounds = xf_test_template_child (dialog, XF_TYPE_OBJECTION_DIALOG, "grounds_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (grounds)),
                            "反映该同志2024年度考核材料与实际不符，请核实。", -1);
  gtk_widget_activate_action (dialog, "objection-dialog.record", NULL);
  g_assert_cmpint (recorded, >, 0);
  xf_test_close_dialogs (XF_TYPE_OBJECTION_DIALOG);
  settle ();
  return recorded;
}

static int
count_results (const XfNotice *notice,
               const char     *result)
{
  int n = 0;

  for (guint i = 0; i < notice->candidates->len; i++)
    n += g_strcmp0 (((XfNoticeCandidate *) g_ptr_array_index (notice->candidates, i))->result, result) == 0;
  return n;
}

/* The print preview's window, or NULL. */
static GtkWidget *
find_preview (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), "notice-preview") == 0 && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static gboolean
preview_shown_cb (gpointer data)
{
  return find_preview () != NULL;
}

static gboolean
pdftotext_has (const char *pdf,
               const char *text)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  return status == 0 && out != NULL && strstr (out, text) != NULL;
}

/*
 * Tests
 */

/* After Evaluation, for whoever reads the registry; empty at first. */
static void
test_sidebar (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *row = xf_window_get_sidebar_row (fixture->window, "notices");
  GtkWidget *evaluation = xf_window_get_sidebar_row (fixture->window, "evaluation");

  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), ==,
                   gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (evaluation)) + 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "list_stack"))), ==, "empty");
  g_assert_false (gtk_widget_get_visible (child (fixture, "details_pane")));
  g_assert_true (gtk_widget_get_visible (child (fixture, "new_button")));
  g_assert_cmpint (xf_notice_board_page_get_attention_count (page_of (fixture)), ==, 0);
}

/* A reviewer reads the notices but drafts none. */
static void
test_reviewer (Fixture       *fixture,
               gconstpointer  data)
{
  g_assert_false (gtk_widget_get_visible (child (fixture, "new_button")));
  gtk_widget_activate_action (fixture->page, "notices.new", NULL);
  g_assert_null (xf_test_find_toplevel (XF_TYPE_NOTICE_DIALOG));
}

static void
test_journey (Fixture       *fixture,
              gconstpointer  data)
{
  XfNoticeBoardPage *page = page_of (fixture);
  g_autoptr(XfNotice) draft = NULL;
  g_autoptr(XfNotice) published = NULL;
  g_autoptr(XfNotice) closed = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *html = g_build_filename (fixture->dir, "notice.html", NULL);
  g_autofree char *json = g_build_filename (fixture->dir, "notice.json", NULL);
  g_autofree char *html_text = NULL;
  g_autofree char *portal_url = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *preview;
  gint64 id, objection;

  /* Drafted: listed under Current, shown on the right. */
  id = draft_through_dialog (fixture);
  draft = get_notice (fixture, id);
  g_assert_cmpstr (draft->status, ==, XF_NOTICE_DRAFT);
  g_assert_cmpstr (draft->contact_phone, ==, "0572-8012345");
  g_assert_cmpuint (draft->candidates->len, ==, 3);
  g_assert_true (xf_test_wait_until (listed_cb, fixture, 5000));
  g_assert_cmpuint (xf_notice_board_page_get_notices (page)->len, ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "list_stack"))), ==, "list");
  g_assert_true (gtk_widget_get_visible (child (fixture, "details_pane")));
  wait_for_label (fixture, "status_label", xf_notice_status_label (XF_NOTICE_DRAFT));
  g_assert_cmpstr (label_text (fixture, "status_label"), ==, xf_notice_status_label (XF_NOTICE_DRAFT));
  g_assert_nonnull (strstr (label_text (fixture, "period_label"), "2026"));
  g_assert_cmpuint (xf_test_count_named (child (fixture, "candidates_group"), "candidate-row"), ==, 3);
  g_assert_false (gtk_widget_get_visible (child (fixture, "record_button")));

  /* Published after a confirmation stating the period. */
  gtk_widget_activate_action (fixture->page, "notices.publish", NULL);
  xf_test_answer (_("Publish public notice?"), "publish");
  settle ();
  published = get_notice (fixture, id);
  g_assert_cmpstr (published->status, ==, XF_NOTICE_PUBLISHED);
  g_assert_cmpstr (published->starts_on, ==, "2026-03-09");
  g_assert_cmpstr (published->ends_on, ==, "2026-03-13");
  g_assert_cmpint (published->days_left, ==, 4);
  wait_for_label (fixture, "status_label", "4");
  g_assert_true (gtk_widget_get_visible (child (fixture, "record_button")));
  xf_test_dismiss_toasts (fixture->page);

  /* Printed through GtkPrintOperation, and exported. */
  portal_url = g_strdup_printf ("https://xianfeng.example.org/notices/%" G_GINT64_FORMAT, id);
  g_assert_true (xf_notice_board_page_print_to_file (page, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  if (g_find_program_in_path ("pdftotext") != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        g_assert_true (pdftotext_has (pdf, names[i]));
      /* Preferences' portal address (the default here): the notice's page. */
      g_assert_true (pdftotext_has (pdf, portal_url));
    }
  /* The print dialog's Preview shows the pages in a window of ours. */
  xf_notice_board_page_print_preview (page);
  g_assert_true (xf_test_wait_until (preview_shown_cb, NULL, 5000));
  preview = find_preview ();
  gtk_test_widget_wait_for_draw (preview);
  g_assert_nonnull (xf_test_find_widget (preview, GTK_TYPE_DRAWING_AREA, NULL));
  gtk_window_destroy (GTK_WINDOW (preview));
  g_assert_true (xf_notice_board_page_export_to_file (page, "html", html, &error));
  g_assert_true (xf_notice_board_page_export_to_file (page, "json", json, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (html, &html_text, NULL, NULL));
  g_assert_nonnull (strstr (html_text, names[1]));
  g_assert_nonnull (strstr (html_text, "0572-8012345"));
  g_assert_nonnull (strstr (html_text, portal_url));
  if (g_getenv ("XIANFENG_SCREENSHOT_DIR") != NULL)
    {
      g_autoptr(XfNoticeDocument) document = xf_notice_document_new (published, "https://xianfeng.example.org/");
      g_autofree char *name = g_strdup_printf ("notice-pdf%s.png", xf_test_language_suffix ());
      g_autofree char *png = g_build_filename (g_getenv ("XIANFENG_SCREENSHOT_DIR"), name, NULL);

      /* Page 1 at 108 dpi: A4 is 893 × 1263 pixels, its text readable. */
      g_assert_true (xf_notice_document_write_png (document, 0, 1.5, png, &error));
      g_assert_no_error (error);
    }

  /* An objection against the third candidate: the badge counts it. */
  objection = record_objection (fixture, id, 2);
  g_assert_true (xf_test_wait_until (one_open_cb, page, 5000));
  g_assert_cmpint (xf_notice_board_page_get_attention_count (page), ==, 1);
  /* The objection's row comes with the notice read again: wait for what
   * the shot shows. */
  g_assert_true (xf_test_wait_until (objection_listed_cb, fixture, 5000));
  gtk_test_widget_wait_for_draw (fixture->page);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "notice-board");

  /* Its row opens it in place of the notice; Escape comes back. */
  gtk_widget_activate_action (fixture->page, "notices.show-objection", "x", objection);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "details_stack"))), ==,
                   "objection");
  gtk_test_widget_wait_for_draw (fixture->page);
  /* The header bar names it; its start button leads back to the notice. */
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (child (fixture, "details_title"))), ==,
                   _("Objection"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (child (fixture, "details_back_button")), ==,
                   _("Back to the notice"));
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "notice-objection");
  gtk_widget_activate_action (fixture->page, "notices.back", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "details_stack"))), ==,
                   "notice");
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (child (fixture, "details_title"))), ==,
                   published->title);

  /* Not closed before its period has run. */
  g_setenv ("XIANFENG_TODAY", "2026-03-13", TRUE);
  g_assert_cmpint (xf_notice_board_page_close_due (page), ==, 0);
  g_setenv ("XIANFENG_TODAY", CLOSING_DAY, TRUE);
  g_assert_cmpint (xf_notice_board_page_close_due (page), ==, 1);
  settle ();
  closed = get_notice (fixture, id);
  g_assert_cmpstr (closed->status, ==, XF_NOTICE_CLOSED);
  g_assert_cmpint (count_results (closed, XF_CANDIDATE_DECISION), ==, 2);
  g_assert_cmpint (count_results (closed, XF_CANDIDATE_HELD), ==, 1);
  wait_for_label (fixture, "status_label", xf_notice_status_label (XF_NOTICE_CLOSED));
  g_assert_cmpstr (label_text (fixture, "status_label"), ==, xf_notice_status_label (XF_NOTICE_CLOSED));
  /* Under Past now; the held candidate's objection still counts. */
  g_assert_cmpint (xf_notice_board_page_get_attention_count (page), ==, 1);
  xf_test_dismiss_toasts (fixture->page);
}

/* Delete on a draft asks for a reason, then withdraws it. */
static void
test_withdraw_draft (Fixture       *fixture,
                     gconstpointer  data)
{
  XfNoticeBoard *board = xf_notice_board_page_get_board (page_of (fixture));
  g_autoptr(XfNotice) withdrawn = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget *publish;
  gint64 id;

  id = xf_notice_board_create (board, fixture->campaign, &error);
  g_assert_no_error (error);
  settle ();
  xf_notice_board_page_show_notice (page_of (fixture), id);
  g_assert_cmpint (xf_notice_board_page_get_notice_id (page_of (fixture)), ==, id);
  /* No contact yet: Publish is greyed out and says why, rather than ask
   * and then refuse. */
  publish = xf_test_find_named (child (fixture, "actions_box"), "notices.publish");
  g_assert_nonnull (publish);
  g_assert_false (gtk_widget_is_sensitive (publish));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (publish), ==,
                   _("A notice needs a contact for objections to be published"));
  g_assert_false (gtk_widget_get_visible (child (fixture, "objections_group")));

  gtk_widget_activate_action (fixture->page, "notices.delete-draft", NULL);
  dialog = xf_test_find_toplevel (XF_TYPE_REASON_DIALOG);
  g_assert_nonnull (dialog);
  xf_reason_dialog_set_reason (XF_REASON_DIALOG (dialog), "候选人名单需重新核对");
  xf_test_answer (_("Withdraw public notice?"), "confirm");
  settle ();
  withdrawn = get_notice (fixture, id);
  g_assert_cmpstr (withdrawn->status, ==, XF_NOTICE_WITHDRAWN);
  g_assert_cmpstr (withdrawn->withdrawn_reason, ==, "候选人名单需重新核对");
  wait_for_label (fixture, "status_label", xf_notice_status_label (XF_NOTICE_WITHDRAWN));
  g_assert_cmpstr (label_text (fixture, "status_label"), ==, xf_notice_status_label (XF_NOTICE_WITHDRAWN));
  g_assert_nonnull (strstr (label_text (fixture, "note_label"), "候选人名单需重新核对"));
  /* Withdrawn is past: nothing more to withdraw. */
  gtk_widget_activate_action (fixture->page, "notices.delete-draft", NULL);
  g_assert_null (xf_test_find_toplevel (XF_TYPE_REASON_DIALOG));
}

static gboolean
scrolls_cb (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) > 100;
}

/* Another notice shows from its top, not scrolled to where the one before
 * was: a clerk reading down a long notice then picking the next one
 * starts at its status and period. */
static void
test_scroll_to_top (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (child (fixture, "details_scrolled"));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  gint64 first, second;

  create_two_notices (fixture, &first, &second);
  /* Short enough that a notice scrolls. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 420);
  xf_notice_board_page_show_notice (page_of (fixture), first);
  g_assert_true (xf_test_wait_until (scrolls_cb, adjustment, 5000));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 100);

  xf_notice_board_page_show_notice (page_of (fixture), second);
  xf_test_iterate (50);
  g_assert_cmpint (xf_notice_board_page_get_notice_id (page_of (fixture)), ==, second);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
}

static gboolean
folded_cb (gpointer data)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (data));
}

/* Folded, the list is the whole page: the keyboard moving the selection
 * (or closing the search, which selects the first row) stays on the list;
 * only activating a row goes into its notice. */
static void
test_folded_selection (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkListBox *list = GTK_LIST_BOX (child (fixture, "notice_list"));
  AdwLeaflet *leaflet = ADW_LEAFLET (child (fixture, "leaflet"));
  GtkListBoxRow *row;
  gint64 first, second;

  create_two_notices (fixture, &first, &second);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 600, 800);
  xf_notice_board_page_show_notice (page_of (fixture), first);
  g_assert_true (xf_test_wait_until (folded_cb, leaflet, 5000));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == child (fixture, "details_pane"));

  /* Back on the list (the notice closed), the keyboard selects another
   * row: still the list. */
  g_signal_emit_by_name (child (fixture, "details_back_button"), "clicked");
  settle ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == child (fixture, "list_pane"));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (row != gtk_list_box_get_selected_row (list))
      break;
  g_assert_nonnull (row);
  gtk_list_box_select_row (list, row);
  settle ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == child (fixture, "list_pane"));
  g_assert_cmpint (xf_notice_board_page_get_notice_id (page_of (fixture)), ==, 0);

  /* Activating it goes into it. */
  g_signal_emit_by_name (row, "activate");
  settle ();
  g_assert_cmpint (xf_notice_board_page_get_notice_id (page_of (fixture)), ==, second);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == child (fixture, "details_pane"));
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/notice-board/language", xf_test_language);
  g_test_add ("/ui/notice-board/sidebar", Fixture, NULL, fixture_set_up, test_sidebar, fixture_tear_down);
  g_test_add ("/ui/notice-board/reviewer", Fixture, "reviewer", fixture_set_up, test_reviewer, fixture_tear_down);
  g_test_add ("/ui/notice-board/journey", Fixture, NULL, fixture_set_up, test_journey, fixture_tear_down);
  g_test_add ("/ui/notice-board/withdraw-draft", Fixture, NULL, fixture_set_up, test_withdraw_draft,
              fixture_tear_down);
  g_test_add ("/ui/notice-board/scroll-to-top", Fixture, NULL, fixture_set_up, test_scroll_to_top,
              fixture_tear_down);
  g_test_add ("/ui/notice-board/folded-selection", Fixture, NULL, fixture_set_up, test_folded_selection,
              fixture_tear_down);

  return g_test_run ();
}
