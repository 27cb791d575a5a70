/* test-services-page.c — the Services page: the requests and their
 * filters, a new request through the dialog, a booking from the name card
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * meson runs it in English and with LANGUAGE=zh_CN; with
 * XIANFENG_SCREENSHOT_DIR set it saves "services" (the requests with one
 * selected) and "services-request-dialog" (a contact refused beneath its
 * field), with "-zh_CN" for Chinese.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-accounts.h"
#include "xf-name-card.h"
#include "xf-pioneer-fields.h"
#include "xf-pioneer-picker.h"
#include "xf-registry-page.h"
#include "xf-request-dialog.h"
#include "xf-services-page.h"
#include "xf-test-services.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"
#include "xf-ui-util.h"
#include "xf-window.h"

/* A Monday without holidays: requests made "now" are a few hours old. */
#define TODAY    "2026-03-09"
#define ITEM     "cp-technical-help"
#define LEGAL    "cp-legal-aid"
#define DEQING   "330521001"
#define NANXUN   "330503001"

typedef struct
{
  char          *dir;
  char          *path;
  XfApplication *app;
  XfWindow      *window;
  GtkWidget     *page;
  gint64         master;     /* 王建国, who offers ITEM */
  gint64         other;      /* 李明华, who offers ITEM too */
} Fixture;

/*
 * The scene
 */

static void
make_db (Fixture *fixture)
{
  g_object_unref (xf_test_make_demo_db (fixture->dir, "services.db", 10, 1, &fixture->path));
}

static XfServices *
services_of (Fixture *fixture)
{
  return xf_services_page_get_services (XF_SERVICES_PAGE (fixture->page));
}

static gint64
add_pioneer (XfRegistry *registry,
             const char *name,
             const char *region_code)
{
  return xf_test_services_add_pioneer_born (registry, name, region_code, "1978-04-12");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  XfRegistry *registry;

  g_setenv ("XIANFENG_TODAY", TODAY, TRUE);
  xf_test_disable_animations ();
  fixture->dir = xf_test_make_dir ();
  make_db (fixture);
  fixture->page = xf_test_open_page (&fixture->app, &fixture->window, fixture->path, data, "services");

  /* The scene is set as the administrator, whoever is signed in. */
  registry = xf_services_get_registry (services_of (fixture));
  if (g_strcmp0 (data, "reviewer") != 0)
    {
      fixture->master = add_pioneer (registry, "王建国", DEQING);
      fixture->other = add_pioneer (registry, "李明华", NANXUN);
      xf_test_services_add_offer_of (services_of (fixture), fixture->master, ITEM);
      xf_test_services_add_offer_of (services_of (fixture), fixture->other, ITEM);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xf_test_close_page (XF_TYPE_REQUEST_DIALOG, fixture->window, &fixture->app, &fixture->dir, &fixture->path);
}

/*
 * Helpers
 */

static GtkWidget *
child (Fixture    *fixture,
       const char *name)
{
  return xf_test_template_child (fixture->page, XF_TYPE_SERVICES_PAGE, name);
}

static const char *
list_state (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "list_stack")));
}

static guint
n_listed (Fixture *fixture)
{
  return xf_services_page_get_requests (XF_SERVICES_PAGE (fixture->page))->len;
}

/* The page reads again in an idle after a write. On a loaded machine
 * that idle may wait behind frames for longer than a fixed time: run
 * what is pending too (for two seconds at most). */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  xf_test_iterate (100);
  while (g_main_context_pending (NULL) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static guint
count_rows (Fixture *fixture)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  xf_test_collect_named (child (fixture, "request_list"), "request-row", found);
  return found->len;
}

/* The status filter's choice labelled @label. */
static void
choose_status (Fixture    *fixture,
               const char *label)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (child (fixture, "status_dropdown"));
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  g_error ("No status filter “%s”", label);
}

static void
choose_item (Fixture    *fixture,
             const char *code)
{
  g_autoptr(XfServiceItem) item = xf_services_get_item (services_of (fixture), code, NULL);
  GtkDropDown *dropdown = GTK_DROP_DOWN (child (fixture, "item_dropdown"));
  GListModel *model = gtk_drop_down_get_model (dropdown);

  g_assert_nonnull (item);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i),
                   xf_service_item_get_name (item)) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  g_error ("No item filter for “%s”", code);
}

static gboolean
one_listed_cb (gpointer data)
{
  return n_listed (data) == 1;
}

static gboolean
no_request_dialog_cb (gpointer data)
{
  return xf_test_find_toplevel (XF_TYPE_REQUEST_DIALOG) == NULL;
}

static gboolean
request_dialog_cb (gpointer data)
{
  return xf_test_find_toplevel (XF_TYPE_REQUEST_DIALOG) != NULL;
}

static void
type_into (GtkWidget  *dialog,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (xf_test_template_child (dialog, XF_TYPE_REQUEST_DIALOG, name)), text);
}

static void
choose_row (GtkWidget  *dialog,
            const char *name,
            const char *label)
{
  AdwComboRow *row = ADW_COMBO_ROW (xf_test_template_child (dialog, XF_TYPE_REQUEST_DIALOG, name));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (strstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) != NULL)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_error ("No “%s” in %s", label, name);
}

/* The dialog lists the regions as the pioneer editor does. */
static void
choose_region (Fixture    *fixture,
               GtkWidget  *dialog,
               const char *code)
{
  g_autoptr(XfFieldOptions) regions =
    xf_field_options_new (xf_services_get_registry (services_of (fixture)), "region-code");
  guint index = xf_field_options_find (regions, code);

  g_assert_cmpuint (index, >, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (xf_test_template_child (dialog, XF_TYPE_REQUEST_DIALOG,
                                                                      "region_row")), index);
}

/*
 * Tests
 */

/* After the notice board, for everyone; empty at first, with New request. */
static void
test_sidebar (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *row = xf_window_get_sidebar_row (fixture->window, "services");
  GtkWidget *notices = xf_window_get_sidebar_row (fixture->window, "notices");
  AdwViewStack *stack = ADW_VIEW_STACK (child (fixture, "view_stack"));

  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), ==,
                   gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (notices)) + 1);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "requests");
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "offers"));
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "apprenticeships"));
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "activities"));
  xf_services_page_refresh (XF_SERVICES_PAGE (fixture->page));
  g_assert_cmpstr (list_state (fixture), ==, "empty");
  g_assert_true (gtk_widget_get_visible (child (fixture, "new_button")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "details_pane")));
  g_assert_cmpint (xf_services_page_get_attention_count (XF_SERVICES_PAGE (fixture->page)), ==, 0);
}

/* Each filter narrows the list; none matching shows "No request matches". */
static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  XfServices *services = services_of (fixture);
  GtkWidget *picker;
  gint64 booked;

  xf_test_services_add_request_from (services, "张秀英", ITEM, DEQING, 0);
  xf_test_services_add_request_from (services, "赵国强", LEGAL, NANXUN, 0);
  booked = xf_test_services_add_request_from (services, "陈美玲", ITEM, DEQING, fixture->master);
  settle ();
  g_assert_cmpstr (list_state (fixture), ==, "list");
  g_assert_cmpuint (n_listed (fixture), ==, 3);
  g_assert_cmpuint (count_rows (fixture), ==, 3);

  /* The contact is never in a row. */
  g_assert_null (xf_test_find_widget (child (fixture, "request_list"), GTK_TYPE_LABEL, "13812345678"));

  choose_status (fixture, xf_request_status_label (XF_REQUEST_BOOKED));
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  g_assert_cmpint (((XfServiceRequest *) g_ptr_array_index (xf_services_page_get_requests (XF_SERVICES_PAGE (fixture->page)), 0))->id,
                   ==, booked);
  choose_status (fixture, C_("requests", "Unclaimed — dispatcher’s queue"));
  g_assert_cmpuint (n_listed (fixture), ==, 3);
  choose_status (fixture, xf_request_status_label (XF_REQUEST_DONE));
  g_assert_cmpuint (n_listed (fixture), ==, 0);
  g_assert_cmpstr (list_state (fixture), ==, "no-matches");
  choose_status (fixture, C_("requests", "All statuses"));

  choose_item (fixture, LEGAL);
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  choose_item (fixture, ITEM);
  g_assert_cmpuint (n_listed (fixture), ==, 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (fixture, "item_dropdown")), 0);

  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "region_entry")), "330503");
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "region_entry")), "3305");
  g_assert_cmpuint (n_listed (fixture), ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "region_entry")), "");

  picker = adw_bin_get_child (ADW_BIN (child (fixture, "pioneer_bin")));
  g_assert_true (XF_IS_PIONEER_PICKER (picker));
  xf_pioneer_picker_set_pioneer (XF_PIONEER_PICKER (picker), fixture->master, "王建国");
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  xf_pioneer_picker_set_pioneer (XF_PIONEER_PICKER (picker), 0, NULL);
  g_assert_cmpuint (n_listed (fixture), ==, 3);

  /* All were made today. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (fixture, "age_spin")), 1);
  g_assert_cmpuint (n_listed (fixture), ==, 0);
  g_assert_cmpstr (list_state (fixture), ==, "no-matches");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (fixture, "age_spin")), 0);

  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "search_entry")), "赵国强");
  /* The search waits for typing to pause. */
  g_assert_true (xf_test_wait_until (one_listed_cb, fixture, 2000));

  gtk_widget_activate_action (fixture->page, "services.clear-filters", NULL);
  g_assert_cmpuint (n_listed (fixture), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (fixture, "search_entry"))), ==, "");
}

/* New request (Ctrl+N): a bad contact is refused beneath its field, the
 * dialog stays; fixed, it saves, closes and the request is shown. */
static void
test_new_request (Fixture       *fixture,
                  gconstpointer  data)
{
  XfServicesPage *page = XF_SERVICES_PAGE (fixture->page);
  g_autoptr(XfServiceItem) item = xf_services_get_item (services_of (fixture), ITEM, NULL);
  g_autoptr(XfServiceRequest) request = NULL;
  GtkWidget *dialog;
  GtkWidget *description;
  const char *error;
  gint64 id;

  gtk_widget_activate_action (fixture->page, "services.new", NULL);
  dialog = GTK_WIDGET (xf_test_find_toplevel (XF_TYPE_REQUEST_DIALOG));
  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (dialog);
  g_assert_cmpint (xf_request_dialog_get_booked_pioneer_id (XF_REQUEST_DIALOG (dialog)), ==, 0);

  /* Nothing typed: the first field core checks is named beneath it. */
  gtk_widget_activate_action (dialog, "request-dialog.save", NULL);
  g_assert_nonnull (xf_test_find_toplevel (XF_TYPE_REQUEST_DIALOG));
  g_assert_cmpuint (n_listed (fixture), ==, 0);

  type_into (dialog, "requester_row", "周晓红");
  type_into (dialog, "contact_row", "not a phone");
  choose_row (dialog, "item_row", xf_service_item_get_name (item));
  choose_region (fixture, dialog, "330521");
  type_into (dialog, "place_row", "德清县新市镇工业园区 6 号");
  type_into (dialog, "preferred_time_row", "周三下午");
  description = xf_test_template_child (dialog, XF_TYPE_REQUEST_DIALOG, "description_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (description)),
                            "厂里新进的激光切割机调试不顺，需要技术指导。", -1);
  gtk_widget_activate_action (dialog, "request-dialog.save", NULL);
  g_assert_nonnull (xf_test_find_toplevel (XF_TYPE_REQUEST_DIALOG));
  error = xf_request_dialog_get_error (XF_REQUEST_DIALOG (dialog), "contact");
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "not a phone"));
  g_assert_null (xf_request_dialog_get_error (XF_REQUEST_DIALOG (dialog), "form"));
  g_assert_true (gtk_widget_get_visible (xf_test_find_named (dialog, "contact-error")));
  gtk_test_widget_wait_for_draw (dialog);
  xf_test_screenshot_in_language (dialog, "services-request-dialog");

  type_into (dialog, "contact_row", "13905721234");
  gtk_widget_activate_action (dialog, "request-dialog.save", NULL);
  g_assert_true (xf_test_wait_until (no_request_dialog_cb, NULL, 5000));
  settle ();

  id = xf_services_page_get_request_id (page);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  g_assert_true (gtk_widget_get_visible (child (fixture, "details_pane")));
  request = xf_services_get_request (services_of (fixture), id, NULL);
  g_assert_nonnull (request);
  g_assert_cmpstr (request->requester_name, ==, "周晓红");
  g_assert_cmpstr (request->status, ==, XF_REQUEST_OPEN);
  g_assert_cmpstr (request->region_code, ==, "330521");
  g_assert_cmpint (request->booked_pioneer_id, ==, 0);
  g_assert_cmpuint (xf_test_dismiss_toasts (fixture->page), >=, 1);
}

static gboolean
profile_card_cb (gpointer data)
{
  GtkWidget *profile = xf_registry_page_get_profile (XF_REGISTRY_PAGE (data));

  return profile != NULL && gtk_widget_get_mapped (profile);
}

/* The name card's "Book a service" opens the booking for that pioneer on
 * the Services page; saving books him. */
static void
test_book_from_name_card (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *registry_page = xf_test_show_page (fixture->window, "registry");
  GtkWidget *card;
  GtkWidget *button;
  GtkWidget *dialog;
  GtkWidget *row;
  GtkWidget *description;
  g_autofree char *title = NULL;
  g_autoptr(XfServiceRequest) request = NULL;

  xf_registry_page_open_pioneer (XF_REGISTRY_PAGE (registry_page), fixture->master);
  g_assert_true (xf_test_wait_until (profile_card_cb, registry_page, 5000));
  card = xf_test_find_widget (xf_registry_page_get_profile (XF_REGISTRY_PAGE (registry_page)),
                              XF_TYPE_NAME_CARD, NULL);
  g_assert_nonnull (card);
  button = xf_test_template_child (card, XF_TYPE_NAME_CARD, "book_button");
  g_assert_true (gtk_widget_get_visible (button));
  xf_test_click (button);
  g_assert_true (xf_test_wait_until (request_dialog_cb, NULL, 5000));
  g_assert_true (xf_test_is_mapped (fixture->page));
  /* The sidebar follows to the Services page. */
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (xf_window_get_sidebar_row (fixture->window,
                                                                                           "services"))));

  dialog = GTK_WIDGET (xf_test_find_toplevel (XF_TYPE_REQUEST_DIALOG));
  g_assert_cmpint (xf_request_dialog_get_booked_pioneer_id (XF_REQUEST_DIALOG (dialog)), ==, fixture->master);
  row = xf_test_template_child (dialog, XF_TYPE_REQUEST_DIALOG, "pioneer_row");
  g_assert_true (gtk_widget_is_visible (row));
  title = g_strdup_printf (_("Booking for %s"), "王建国");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  /* Only what he offers. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (
    xf_test_template_child (dialog, XF_TYPE_REQUEST_DIALOG, "item_row")))), ==, 1);

  type_into (dialog, "requester_row", "沈丽娟");
  type_into (dialog, "contact_row", "13757201234");
  type_into (dialog, "place_row", "德清县武康街道英溪南路 18 号");
  description = xf_test_template_child (dialog, XF_TYPE_REQUEST_DIALOG, "description_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (description)),
                            "想请王师傅来车间看看数控机床的保养。", -1);
  gtk_widget_activate_action (dialog, "request-dialog.save", NULL);
  g_assert_true (xf_test_wait_until (no_request_dialog_cb, NULL, 5000));
  settle ();

  request = xf_services_get_request (services_of (fixture),
                                     xf_services_page_get_request_id (XF_SERVICES_PAGE (fixture->page)), NULL);
  g_assert_nonnull (request);
  g_assert_cmpint (request->booked_pioneer_id, ==, fixture->master);
  g_assert_cmpstr (request->status, ==, XF_REQUEST_BOOKED);
  /* The pioneer's own region, unless changed. */
  g_assert_cmpstr (request->region_code, ==, DEQING);
}

/* A reviewer reads the requests but enters none, nor books. */
static void
test_reviewer (Fixture       *fixture,
               gconstpointer  data)
{
  GActionGroup *window = G_ACTION_GROUP (fixture->window);

  g_assert_false (gtk_widget_get_visible (child (fixture, "new_button")));
  gtk_widget_activate_action (fixture->page, "services.new", NULL);
  g_assert_null (xf_test_find_toplevel (XF_TYPE_REQUEST_DIALOG));
  g_assert_true (g_action_group_has_action (window, "book-service"));
  g_assert_false (g_action_group_get_action_enabled (window, "book-service"));
  g_assert_null (xf_services_page_new_request (XF_SERVICES_PAGE (fixture->page), 0));
}

static gboolean
has_overdue_row (GtkWidget *list)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_has_css_class (row, "overdue"))
      return TRUE;
  return FALSE;
}

/* Unclaimed past its response time (two working days): red in the list,
 * in the Overdue filter and counted on the sidebar's badge. */
static void
test_overdue (Fixture       *fixture,
              gconstpointer  data)
{
  XfServicesPage *page = XF_SERVICES_PAGE (fixture->page);
  gint64 late;

  late = xf_test_services_add_request_from (services_of (fixture), "张秀英", ITEM, DEQING, 0);
  settle ();
  g_assert_cmpint (xf_services_page_get_attention_count (page), ==, 0);
  g_assert_false (has_overdue_row (child (fixture, "request_list")));

  /* A week later, still nobody. */
  g_setenv ("XIANFENG_TODAY", "2026-03-16", TRUE);
  xf_services_page_refresh (page);
  g_assert_cmpint (xf_services_page_get_attention_count (page), ==, 1);
  g_assert_true (has_overdue_row (child (fixture, "request_list")));
  xf_test_services_add_request_from (services_of (fixture), "赵国强", ITEM, DEQING, 0);
  settle ();
  choose_status (fixture, C_("requests", "Overdue"));
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  g_assert_cmpint (((XfServiceRequest *) g_ptr_array_index (xf_services_page_get_requests (page), 0))->id, ==, late);
  g_assert_cmpint (xf_services_page_get_attention_count (page), ==, 1);
}

static guint
count_in (GtkWidget  *root,
          const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  xf_test_collect_named (root, name, found);
  return found->len;
}

/* The Offers, Apprenticeships and Activities views are made the first
 * time they show, not at sign-in; one made and hidden reads again when it
 * shows after another desk's change. */
static void
test_lazy_views (Fixture       *fixture,
                 gconstpointer  data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (child (fixture, "view_stack"));
  XfRegistry *registry = xf_services_get_registry (services_of (fixture));
  g_autoptr(XfServices) other_desk = xf_services_new (registry);
  GtkWidget *offers;
  guint before;

  g_assert_null (adw_bin_get_child (ADW_BIN (child (fixture, "offers_bin"))));
  g_assert_null (adw_bin_get_child (ADW_BIN (child (fixture, "apprenticeships_bin"))));
  g_assert_null (adw_bin_get_child (ADW_BIN (child (fixture, "activities_bin"))));

  adw_view_stack_set_visible_child_name (stack, "offers");
  settle ();
  offers = adw_bin_get_child (ADW_BIN (child (fixture, "offers_bin")));
  g_assert_nonnull (offers);
  g_assert_null (adw_bin_get_child (ADW_BIN (child (fixture, "activities_bin"))));
  before = count_in (offers, "offer-row");
  g_assert_cmpuint (before, ==, 2);

  adw_view_stack_set_visible_child_name (stack, "requests");
  xf_test_services_add_offer_of (other_desk, fixture->master, LEGAL);
  xf_services_page_refresh (XF_SERVICES_PAGE (fixture->page));
  adw_view_stack_set_visible_child_name (stack, "offers");
  settle ();
  g_assert_true (adw_bin_get_child (ADW_BIN (child (fixture, "offers_bin"))) == offers);
  g_assert_cmpuint (count_in (offers, "offer-row"), ==, before + 1);

  /* A page never shown reads neither views nor filters. */
  {
    GtkWidget *hidden = g_object_ref_sink (xf_services_page_new (registry));
    GtkDropDown *items = GTK_DROP_DOWN (xf_test_template_child (hidden, XF_TYPE_SERVICES_PAGE, "item_dropdown"));

    g_assert_null (adw_bin_get_child (ADW_BIN (xf_test_template_child (hidden, XF_TYPE_SERVICES_PAGE,
                                                                        "offers_bin"))));
    g_assert_null (gtk_drop_down_get_model (items));
    g_object_unref (hidden);
  }
}

/* Beside a request the list keeps its width whatever the filters say:
 * a long status or item is ellipsized on its button. */
static void
test_list_width (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *list_pane = child (fixture, "list_pane");
  gint64 shown;
  int width;

  shown = xf_test_services_add_request_from (services_of (fixture), "张秀英", ITEM, DEQING, 0);
  xf_test_services_add_request_from (services_of (fixture), "赵国强", LEGAL, NANXUN, 0);
  settle ();
  xf_services_page_show_request (XF_SERVICES_PAGE (fixture->page), shown);
  settle ();
  width = gtk_widget_get_width (list_pane);
  g_assert_cmpint (width, >=, 360);
  g_assert_cmpint (width, <=, 420);

  choose_status (fixture, C_("requests", "Unclaimed — dispatcher’s queue"));
  choose_item (fixture, ITEM);
  settle ();
  g_assert_cmpint (xf_services_page_get_request_id (XF_SERVICES_PAGE (fixture->page)), ==, shown);
  g_assert_cmpint (gtk_widget_get_width (list_pane), ==, width);
}

/* @id's status as stored is @status. */
static void
assert_status (Fixture    *fixture,
               gint64      id,
               const char *status)
{
  g_autoptr(XfServiceRequest) request = xf_services_get_request (services_of (fixture), id, NULL);

  g_assert_nonnull (request);
  g_assert_cmpstr (request->status, ==, status);
}

static gint64
add_request_needed_by (Fixture    *fixture,
                       const char *requester,
                       const char *needed_by)
{
  g_autoptr(XfServiceRequest) request = xf_service_request_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  request->requester_name = g_strdup (requester);
  request->requester_contact = g_strdup ("13812345678");
  request->item_code = g_strdup (ITEM);
  request->region_code = g_strdup (DEQING);
  request->place = g_strdup ("德清县武康街道长虹中街 88 号");
  request->needed_by = g_strdup (needed_by);
  request->description = g_strdup ("社区老年活动中心的电路需要检查。");
  id = xf_services_create_request (services_of (fixture), request, &error);
  g_assert_no_error (error);
  return id;
}

/* Unclaimed requests past their needed-by date expire — at sign-in and
 * whenever the page looks again — with a toast saying how many; a claimed
 * one, or one whose date has not passed, stays. */
static void
test_expire (Fixture       *fixture,
             gconstpointer  data)
{
  XfServicesPage *page = XF_SERVICES_PAGE (fixture->page);
  g_autofree char *one = NULL, *two = NULL;
  g_autoptr(GError) error = NULL;
  gint64 soon, later, claimed, last;
  GtkWidget *other;

  soon = add_request_needed_by (fixture, "张秀英", "2026-03-10");
  later = add_request_needed_by (fixture, "赵国强", "2026-03-20");
  claimed = add_request_needed_by (fixture, "陈美玲", "2026-03-10");
  last = add_request_needed_by (fixture, "孙伟", "2026-03-11");
  g_assert_true (xf_services_claim (services_of (fixture), claimed, fixture->master, &error));
  g_assert_no_error (error);
  settle ();
  g_assert_cmpint (xf_services_page_expire_due (page), ==, 0);
  g_assert_cmpuint (xf_test_dismiss_toasts (fixture->page), ==, 0);

  /* Two days on: the 10th has passed. */
  g_setenv ("XIANFENG_TODAY", "2026-03-11", TRUE);
  g_assert_cmpint (xf_services_page_expire_due (page), ==, 1);
  one = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%d request expired: nobody took it before it was needed",
                                      "%d requests expired: nobody took them before they were needed", 1), 1);
  g_assert_nonnull (xf_test_find_widget (fixture->page, GTK_TYPE_LABEL, one));
  g_assert_cmpuint (xf_test_dismiss_toasts (fixture->page), ==, 1);
  assert_status (fixture, soon, XF_REQUEST_EXPIRED);
  assert_status (fixture, claimed, XF_REQUEST_CLAIMED);
  assert_status (fixture, last, XF_REQUEST_OPEN);
  /* Nothing more to do the second time. */
  g_assert_cmpint (xf_services_page_expire_due (page), ==, 0);
  settle ();
  choose_status (fixture, C_("request", "Expired"));
  g_assert_cmpuint (n_listed (fixture), ==, 1);

  /* A desk signing in later expires what passed meanwhile, at once. */
  g_setenv ("XIANFENG_TODAY", "2026-03-23", TRUE);
  other = g_object_ref_sink (xf_services_page_new (xf_services_get_registry (services_of (fixture))));
  assert_status (fixture, last, XF_REQUEST_EXPIRED);
  assert_status (fixture, later, XF_REQUEST_EXPIRED);
  two = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%d request expired: nobody took it before it was needed",
                                      "%d requests expired: nobody took them before they were needed", 2), 2);
  g_assert_nonnull (xf_test_find_widget (other, GTK_TYPE_LABEL, two));
  g_object_unref (other);
}

/* Every page of the window, and so the window, fits a phone's 360 px;
 * there a request slides over the list, and each view folds. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *stack = xf_test_template_child (fixture->window, XF_TYPE_WINDOW, "page_stack");
  AdwLeaflet *leaflet = ADW_LEAFLET (child (fixture, "leaflet"));
  AdwViewStack *views = ADW_VIEW_STACK (child (fixture, "view_stack"));
  const char *names[] = { "offers", "apprenticeships", "activities", "requests" };
  gint64 shown;

  shown = xf_test_services_add_request_from (services_of (fixture), "张秀英", ITEM, DEQING, 0);
  settle ();
  for (GtkWidget *page = gtk_widget_get_first_child (stack); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    {
      g_test_message ("%s: %d", G_OBJECT_TYPE_NAME (page), xf_widget_get_min_width (page));
      g_assert_cmpint (xf_widget_get_min_width (page), <=, 360);
    }

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  xf_test_iterate (300);
  /* The default size counts the client-side shadow too. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 380);
  g_assert_cmpint (gtk_widget_get_width (fixture->page), <=, 360);

  xf_services_page_show_request (XF_SERVICES_PAGE (fixture->page), shown);
  xf_test_iterate (300);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == child (fixture, "details_pane"));
  g_assert_true (gtk_widget_get_visible (child (fixture, "details_back_button")));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "services-narrow-request");
  gtk_widget_activate_action (fixture->page, "services.back", NULL);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == child (fixture, "list_pane"));

  /* The view switcher moves to the bottom bar; each view fits. */
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (child (fixture, "switcher_bar"))));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
          adw_view_stack_set_visible_child_name (views, names[i]);
      xf_test_iterate (100);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 380);
    }
}

/* The requests with one selected, for the screenshots. */
static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  XfServices *services = services_of (fixture);
  gint64 shown;

  xf_test_services_add_request_from (services, "赵国强", LEGAL, NANXUN, 0);
  xf_test_services_add_request_from (services, "陈美玲", ITEM, DEQING, fixture->master);
  xf_test_services_add_request_from (services, "孙伟", ITEM, NANXUN, 0);
  shown = xf_test_services_add_request_from (services, "张秀英", ITEM, DEQING, 0);
  settle ();
  xf_services_page_show_request (XF_SERVICES_PAGE (fixture->page), shown);
  settle ();
  g_assert_cmpint (xf_services_page_get_request_id (XF_SERVICES_PAGE (fixture->page)), ==, shown);
  g_assert_true (gtk_widget_get_visible (child (fixture, "details_pane")));
  g_assert_cmpuint (count_rows (fixture), ==, 4);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "services");
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/services-page/language", xf_test_language);
  g_test_add ("/ui/services-page/sidebar", Fixture, NULL, fixture_set_up, test_sidebar, fixture_tear_down);
  g_test_add ("/ui/services-page/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/ui/services-page/new-request", Fixture, NULL, fixture_set_up, test_new_request,
              fixture_tear_down);
  g_test_add ("/ui/services-page/book-from-name-card", Fixture, NULL, fixture_set_up,
              test_book_from_name_card, fixture_tear_down);
  g_test_add ("/ui/services-page/overdue", Fixture, NULL, fixture_set_up, test_overdue, fixture_tear_down);
  g_test_add ("/ui/services-page/reviewer", Fixture, "reviewer", fixture_set_up, test_reviewer,
              fixture_tear_down);
  g_test_add ("/ui/services-page/lazy-views", Fixture, NULL, fixture_set_up, test_lazy_views, fixture_tear_down);
  g_test_add ("/ui/services-page/list-width", Fixture, NULL, fixture_set_up, test_list_width, fixture_tear_down);
  g_test_add ("/ui/services-page/expire", Fixture, NULL, fixture_set_up, test_expire, fixture_tear_down);
  g_test_add ("/ui/services-page/narrow", Fixture, NULL, fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/ui/services-page/screenshot", Fixture, NULL, fixture_set_up, test_screenshot,
              fixture_tear_down);

  return g_test_run ();
}
