/* test-services-journey.c — one service request from order to rating
 * (点单 → 抢单 → 点赞), through the Services page as its users work it
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two Deqing pioneers offer technical help. The administrator signs in,
 * opens the Services page and enters a worker's request in the New
 * request dialog; in the request's detail he claims it for 王建国 (抢单),
 * starts the work, marks it done with a note and records the worker's
 * feedback: five stars, a like (点赞) and a comment. Core's state is
 * checked after each step, and the timeline shows each of them.
 *
 * meson runs it in English and with LANGUAGE=zh_CN; with
 * XIANFENG_SCREENSHOT_DIR set it saves services-request (the detail with
 * its timeline) and services-rating (the feedback dialog), with "-zh_CN"
 * for Chinese.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-accounts.h"
#include "xf-feedback-dialog.h"
#include "xf-pioneer-fields.h"
#include "xf-reason-dialog.h"
#include "xf-request-dialog.h"
#include "xf-request-view.h"
#include "xf-services-page.h"
#include "xf-test-services.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"

/* A Monday clear of holidays. */
#define TODAY "2026-04-13"

typedef struct
{
  char           *dir;
  char           *path;
  XfApplication  *app;
  XfWindow       *window;
  XfServicesPage *page;
  XfServices     *services;   /* the page's, acting as the administrator */
  XfRequestView  *view;
  gint64          wang;
  gint64          li;
  gint64          request_id;
} Journey;

static void
make_db (Journey *journey)
{
  g_autoptr(XfStore) store = xf_test_make_demo_db (journey->dir, "services.db", 0, 0, &journey->path);
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfServices) services = NULL;
  g_autoptr(GError) error = NULL;

  registry = xf_test_new_registry (store);
  g_assert_true (xf_registry_ensure_organisations (registry, &error));
  g_assert_no_error (error);
  services = xf_services_new (registry);
  journey->wang = xf_test_services_add_pioneer (registry, "王建国", "330521001");
  journey->li = xf_test_services_add_pioneer (registry, "李明", "330521002");
  xf_test_services_add_offer (services, journey->wang);
  xf_test_services_add_offer (services, journey->li);
}

static void
journey_set_up (Journey       *journey,
                gconstpointer  data)
{
  g_setenv ("XIANFENG_TODAY", TODAY, TRUE);
  xf_test_disable_animations ();
  journey->dir = xf_test_make_dir ();
  make_db (journey);
  journey->app = xf_test_app_new_signed_out ();
  journey->window = xf_test_open_window (journey->app, journey->path, "admin");
  journey->page = XF_SERVICES_PAGE (xf_test_show_page (journey->window, "services"));
  journey->services = xf_services_page_get_services (journey->page);
  journey->view = XF_REQUEST_VIEW (xf_test_find_widget (GTK_WIDGET (journey->page), XF_TYPE_REQUEST_VIEW, NULL));
  g_assert_nonnull (journey->view);
}

static void
journey_tear_down (Journey       *journey,
                   gconstpointer  data)
{
  xf_test_close_dialogs (XF_TYPE_REQUEST_DIALOG);
  xf_test_close_dialogs (XF_TYPE_FEEDBACK_DIALOG);
  xf_test_close_window (XF_TYPE_REASON_DIALOG, journey->window, &journey->app);
  xf_test_remove_dir (journey->dir);
  g_free (journey->path);
  g_free (journey->dir);
  g_unsetenv ("XIANFENG_TODAY");
}

/*
 * Helpers
 */

static GtkWidget *
view_child (Journey    *journey,
            const char *name)
{
  return xf_test_template_child (journey->view, XF_TYPE_REQUEST_VIEW, name);
}

static void
click_step (Journey    *journey,
            const char *step)
{
  xf_test_click (xf_test_find_named (view_child (journey, "actions_box"), step));
}

static XfServiceRequest *
get_request (Journey *journey)
{
  return xf_test_services_get (journey->services, journey->request_id);
}

/* The view follows core when idle: wait until it shows @status. */
static void
wait_for_status (Journey    *journey,
                 const char *status)
{
  xf_test_wait_for_label (view_child (journey, "status_label"), xf_request_status_label (status));
}

/* The timeline's lines, as many as core's events. */
static void
assert_timeline (Journey *journey,
                 guint    n_events)
{
  g_autoptr(XfServiceRequest) request = get_request (journey);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  g_assert_cmpuint (request->events->len, ==, n_events);
  xf_test_collect_named (view_child (journey, "timeline_group"), "event", rows);
  g_assert_cmpuint (rows->len, ==, n_events);
}

/* Nothing pending, no toast: ready for a screenshot. */
static void
settle (Journey *journey)
{
  xf_test_iterate (200);
  xf_test_dismiss_toasts (GTK_WIDGET (journey->window));
  gtk_window_set_focus (GTK_WINDOW (journey->window), NULL);
  xf_test_iterate (200);
}

static void
request_created_cb (XfRequestDialog *dialog,
                    gint64           request_id,
                    Journey         *journey)
{
  journey->request_id = request_id;
}

static gboolean
dialog_shown (gpointer data)
{
  return xf_test_find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
request_shown (gpointer data)
{
  Journey *journey = data;

  return xf_request_view_get_request (journey->view) == journey->request_id &&
         xf_test_is_mapped (journey->view);
}

/*
 * The journey
 */

/* 点单: the worker's request, entered at the desk. */
static void
enter_request (Journey *journey)
{
  XfRequestDialog *dialog;
  g_autoptr(XfServiceItem) item = NULL;
  g_autoptr(XfFieldOptions) regions = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *items;
  GtkWidget *item_row;
  guint position = G_MAXUINT;

  xf_test_click (xf_test_template_child (journey->page, XF_TYPE_SERVICES_PAGE, "new_button"));
  g_assert_true (xf_test_wait_until (dialog_shown, GSIZE_TO_POINTER (XF_TYPE_REQUEST_DIALOG), 2000));
  dialog = XF_REQUEST_DIALOG (xf_test_find_toplevel (XF_TYPE_REQUEST_DIALOG));
  g_signal_connect (dialog, "created", G_CALLBACK (request_created_cb), journey);

#define FIELD(name) xf_test_template_child (dialog, XF_TYPE_REQUEST_DIALOG, name)
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("requester_row")), "张秀英");
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("contact_row")), "13812345678");
  item = xf_services_get_item (journey->services, XF_TEST_ITEM, &error);
  g_assert_no_error (error);
  item_row = FIELD ("item_row");
  items = adw_combo_row_get_model (ADW_COMBO_ROW (item_row));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (items), i),
                   xf_service_item_get_name (item)) == 0)
      position = i;
  g_assert_cmpuint (position, !=, G_MAXUINT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (item_row), position);
  regions = xf_field_options_new (xf_services_get_registry (journey->services), "region-code");
  adw_combo_row_set_selected (ADW_COMBO_ROW (FIELD ("region_row")), xf_field_options_find (regions, "330521001"));
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("place_row")), "德清县武康街道长虹中街 88 号");
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("needed_by_row")), "2026-04-20");
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("preferred_time_row")), "工作日上午");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (FIELD ("description_view"))),
                            "车间一台数控车床主轴异响，想请先锋上门看看。", -1);
  xf_test_click (FIELD ("save_button"));
#undef FIELD
  xf_test_iterate (50);
  g_assert_null (xf_test_find_toplevel (XF_TYPE_REQUEST_DIALOG));
  g_assert_cmpint (journey->request_id, >, 0);
}

static void
test_journey (Journey       *journey,
              gconstpointer  data)
{
  g_autoptr(XfServiceRequest) request = NULL;
  XfFeedbackDialog *feedback;
  AdwMessageDialog *message;
  GtkWidget *row;
  GListModel *pioneers;

  /* 点单 */
  enter_request (journey);
  request = get_request (journey);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_OPEN);
  g_assert_cmpstr (request->requester_name, ==, "张秀英");
  g_assert_cmpstr (request->item_code, ==, XF_TEST_ITEM);
  g_assert_cmpstr (request->region_code, ==, "330521001");
  g_assert_cmpint (request->claimed_by, ==, 0);
  g_assert_true (xf_test_wait_until (request_shown, journey, 5000));
  wait_for_status (journey, XF_REQUEST_OPEN);
  assert_timeline (journey, request->events->len);

  /* 抢单: claimed for 王建国, the first valid claim. */
  click_step (journey, "claim");
  message = xf_test_find_message_dialog (_("Claim for a pioneer?"));
  g_assert_nonnull (message);
  row = xf_test_find_named (adw_message_dialog_get_extra_child (message), "pioneer");
  pioneers = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  g_assert_cmpuint (g_list_model_get_n_items (pioneers), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (pioneers); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (pioneers), i), "王建国"))
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  xf_test_answer (_("Claim for a pioneer?"), "confirm");
  g_clear_pointer (&request, xf_service_request_free);
  request = get_request (journey);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_CLAIMED);
  g_assert_cmpint (request->claimed_by, ==, journey->wang);
  g_assert_cmpstr (request->claim_kind, ==, XF_CLAIM_KIND_CLAIM);
  wait_for_status (journey, XF_REQUEST_CLAIMED);

  /* Start */
  click_step (journey, "start");
  g_clear_pointer (&request, xf_service_request_free);
  request = get_request (journey);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_IN_PROGRESS);
  wait_for_status (journey, XF_REQUEST_IN_PROGRESS);

  /* Done, with a note */
  click_step (journey, "complete");
  message = xf_test_find_message_dialog (_("Mark the request done?"));
  g_assert_nonnull (message);
  g_assert_false (adw_message_dialog_get_response_enabled (message, "confirm"));
  xf_reason_dialog_set_reason (XF_REASON_DIALOG (message), "更换主轴轴承并校准，试车正常，已教会班组日常点检。");
  xf_test_answer (_("Mark the request done?"), "confirm");
  g_clear_pointer (&request, xf_service_request_free);
  request = get_request (journey);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_DONE);
  g_assert_cmpstr (request->done_note, ==, "更换主轴轴承并校准，试车正常，已教会班组日常点检。");
  g_assert_null (request->feedback);
  wait_for_status (journey, XF_REQUEST_DONE);

  /* 点赞: five stars, a like and a comment. */
  click_step (journey, "rate");
  g_assert_true (xf_test_wait_until (dialog_shown, GSIZE_TO_POINTER (XF_TYPE_FEEDBACK_DIALOG), 2000));
  feedback = XF_FEEDBACK_DIALOG (xf_test_find_toplevel (XF_TYPE_FEEDBACK_DIALOG));
  xf_test_show_window (GTK_WINDOW (feedback));
  xf_test_click (xf_test_find_named (GTK_WIDGET (feedback), "star-5"));
  g_assert_cmpint (xf_feedback_dialog_get_rating (feedback), ==, 5);
  xf_test_click (xf_test_template_child (feedback, XF_TYPE_FEEDBACK_DIALOG, "like_button"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (xf_test_template_child (feedback, XF_TYPE_FEEDBACK_DIALOG,
                                                                                            "comment_view"))),
                            "王师傅技术过硬，讲解耐心，车床当天就恢复了生产。", -1);
  gtk_window_set_focus (GTK_WINDOW (feedback), NULL);
  xf_test_iterate (200);
  xf_test_screenshot_in_language (GTK_WIDGET (feedback), "services-rating");
  xf_test_click (xf_test_template_child (feedback, XF_TYPE_FEEDBACK_DIALOG, "record_button"));
  xf_test_iterate (50);
  g_assert_null (xf_test_find_toplevel (XF_TYPE_FEEDBACK_DIALOG));
  g_clear_pointer (&request, xf_service_request_free);
  request = get_request (journey);
  g_assert_nonnull (request->feedback);
  g_assert_cmpint (request->feedback->rating, ==, 5);
  g_assert_true (request->feedback->liked);
  g_assert_cmpstr (request->feedback->comment, ==, "王师傅技术过硬，讲解耐心，车床当天就恢复了生产。");
  g_assert_true (request->feedback->complaint == NULL || *request->feedback->complaint == '\0');

  /* The detail: every step on the timeline, the feedback shown. */
  settle (journey);
  assert_timeline (journey, request->events->len);
  g_assert_cmpuint (request->events->len, >=, 5);
  row = xf_test_find_named (view_child (journey, "feedback_group"), "rating");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (xf_test_find_named (row, "value"))), ==, "★★★★★");
  g_assert_false (gtk_widget_get_visible (xf_test_find_named (view_child (journey, "actions_box"), "rate")));
  xf_test_scroll_to (view_child (journey, "feedback_group"));
  xf_test_screenshot_in_language (GTK_WIDGET (journey->window), "services-request");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  int status;

  if (!xf_test_ui_main_init (&argc, &argv, TODAY, &cache))
    return 0;

  g_test_add_func ("/ui/services-journey/language", xf_test_language);
  g_test_add ("/ui/services-journey/order-claim-rate", Journey, NULL, journey_set_up, test_journey,
              journey_tear_down);

  status = g_test_run ();
  xf_test_remove_dir (cache);
  return status;
}
