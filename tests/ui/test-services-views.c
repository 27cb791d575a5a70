/* test-services-views.c — the Services page's Offers, Apprenticeships and
 * Activities tabs, each shown in a plain window: their lists, one write
 * through each dialog (refused first, then taken) and a refusal by core
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * meson runs it in English and with LANGUAGE=zh_CN; with
 * XIANFENG_SCREENSHOT_DIR set it saves services-offers and
 * services-activities, with "-zh_CN" for Chinese.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-activities-view.h"
#include "xf-activity-dialog.h"
#include "xf-apprenticeship-dialog.h"
#include "xf-apprenticeships-view.h"
#include "xf-item-dialog.h"
#include "xf-offer-dialog.h"
#include "xf-offers-view.h"
#include "xf-pioneer-picker.h"
#include "xf-reason-dialog.h"
#include "xf-test-evaluation.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"

/* A Monday with no holiday around it. */
#define TODAY    "2026-03-09"
#define LATER    "2026-03-20"
#define PLAN_END "2026-06-30"

typedef struct
{
  char         *dir;
  XfStore      *store;
  XfEvaluation *admin;
  XfServices   *services;
  gint64        masters[3];
  GtkWindow    *window;
} Fixture;

static const char * const names[] = { "沈建国", "钱丽萍", "陆晓燕" };
static const char * const units[] = { "德清钢铁厂", "新市镇卫生院", "武康街道社区服务中心" };

/*
 * The scene: three pioneers in Deqing, with offers, an apprenticeship
 * and activities
 */

static void
add_offer (XfServices *services,
           gint64      pioneer_id,
           const char *item_code,
           const char *mode,
           int         capacity)
{
  g_autoptr(XfServiceOffer) offer = xf_service_offer_new ();
  g_autoptr(GError) error = NULL;

  offer->pioneer_id = pioneer_id;
  offer->item_code = g_strdup (item_code);
  offer->mode = g_strdup (mode);
  offer->description = g_strdup ("每月第二个周六上门");
  offer->regions = g_strdup ("330521");
  offer->capacity_per_month = capacity;
  offer->available = TRUE;
  g_assert_cmpint (xf_services_save_offer (services, offer, &error), >, 0);
  g_assert_no_error (error);
}

static gint64
add_activity (XfServices *services,
              gint64      pioneer_id,
              const char *kind,
              const char *title,
              const char *held_on)
{
  g_autoptr(XfActivity) activity = xf_activity_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  activity->pioneer_id = pioneer_id;
  activity->kind = g_strdup (kind);
  activity->title = g_strdup (title);
  activity->held_on = g_strdup (held_on);
  activity->start_time = g_strdup ("14:30");
  activity->place = g_strdup ("德清县职工服务中心");
  activity->capacity = 30;
  id = xf_services_create_activity (services, activity, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(XfApprenticeship) apprenticeship = xf_apprenticeship_new ();
  g_autoptr(GError) error = NULL;
  gint64 lecture;

  fixture->dir = xf_test_make_dir ();
  path = xf_test_make_db (fixture->dir, "services.db", 6, 0);
  fixture->store = xf_store_open (path, &error);
  g_assert_no_error (error);
  fixture->admin = xf_test_evaluation_new (fixture->store, NULL);
  fixture->services = xf_services_new (xf_evaluation_get_registry (fixture->admin));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *region = g_strdup_printf ("33052110%u", i + 1);

      fixture->masters[i] = xf_test_add_candidate (fixture->admin, names[i], units[i], region);
    }

  add_offer (fixture->services, fixture->masters[0], "cp-skill-training", XF_SERVICE_MODE_ON_SITE, 4);
  add_offer (fixture->services, fixture->masters[0], "cp-technical-help", XF_SERVICE_MODE_BOTH, 2);
  add_offer (fixture->services, fixture->masters[1], "cp-mental-health", XF_SERVICE_MODE_REMOTE, 6);
  add_offer (fixture->services, fixture->masters[2], "cp-legal-aid", XF_SERVICE_MODE_ON_SITE, 3);

  apprenticeship->pioneer_id = fixture->masters[0];
  apprenticeship->apprentice_name = g_strdup ("周小兵");
  apprenticeship->apprentice_contact = g_strdup ("13800005678");
  apprenticeship->apprentice_employer = g_strdup ("德清钢铁厂");
  apprenticeship->goal = g_strdup ("学习数控机床编程");
  g_assert_cmpint (xf_services_request_apprenticeship (fixture->services, apprenticeship, &error), >, 0);
  g_assert_no_error (error);

  lecture = add_activity (fixture->services, fixture->masters[1], XF_ACTIVITY_LECTURE, "职工心理健康政策宣讲", TODAY);
  g_assert_cmpint (xf_services_add_participant (fixture->services, lecture, "王芳", "13900001234", 0, &error), >, 0);
  g_assert_no_error (error);
  add_activity (fixture->services, fixture->masters[0], XF_ACTIVITY_SKILL, "焊接技能比武", LATER);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xf_test_close_dialogs (XF_TYPE_OFFER_DIALOG);
  xf_test_close_dialogs (XF_TYPE_APPRENTICESHIP_DIALOG);
  xf_test_close_dialogs (XF_TYPE_ACTIVITY_DIALOG);
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  xf_test_iterate (50);
  g_clear_object (&fixture->services);
  g_clear_object (&fixture->admin);
  g_clear_object (&fixture->store);
  xf_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/*
 * Helpers
 */

static GtkWidget *
show (Fixture   *fixture,
      GtkWidget *view)
{
  fixture->window = xf_test_show_in_window (view, 1000, 720);
  return view;
}

/* Alt+letter must reach one button: two shown buttons with the same
 * mnemonic only move the focus between them. */
static void
collect_mnemonics (GtkWidget  *widget,
                   GHashTable *seen)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget))
      && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    {
      const char *underline = strchr (gtk_button_get_label (GTK_BUTTON (widget)), '_');

      if (underline != NULL && underline[1] != '\0')
        {
          gunichar key = g_unichar_tolower (g_utf8_get_char (underline + 1));
          const char *other = g_hash_table_lookup (seen, GUINT_TO_POINTER (key));

          if (other != NULL)
            g_error ("“%s” and “%s” share a mnemonic", other, gtk_button_get_label (GTK_BUTTON (widget)));
          g_hash_table_insert (seen, GUINT_TO_POINTER (key), (gpointer) gtk_button_get_label (GTK_BUTTON (widget)));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, seen);
}

static void
assert_unique_mnemonics (GtkWidget *root)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  xf_test_iterate (50);
  collect_mnemonics (root, seen);
}

static void
set_text (GtkWidget  *dialog,
          GType       type,
          const char *child,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (xf_test_template_child (dialog, type, child)), text);
}

/* Types @name into the dialog's pioneer picker and takes the first match. */
static void
pick_pioneer (GtkWidget  *dialog,
              const char *name,
              gint64      expected)
{
  GtkWidget *entry = xf_test_find_named (dialog, "pioneer-entry");
  XfPioneerPicker *picker;

  g_assert_nonnull (entry);
  picker = XF_PIONEER_PICKER (gtk_widget_get_ancestor (entry, XF_TYPE_PIONEER_PICKER));
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  g_assert_cmpuint (xf_pioneer_picker_get_n_matches (picker), >=, 1);
  g_assert_cmpint (xf_pioneer_picker_get_pioneer_id (picker), ==, 0);
  g_signal_emit_by_name (entry, "entry-activated");
  g_assert_cmpint (xf_pioneer_picker_get_pioneer_id (picker), ==, expected);
}

static gboolean
window_gone_cb (gpointer data)
{
  return xf_test_find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

static guint
n_offers (Fixture *fixture,
          gint64   pioneer_id)
{
  g_autoptr(GPtrArray) offers = xf_services_list_offers (fixture->services, pioneer_id, NULL, NULL);

  g_assert_nonnull (offers);
  return offers->len;
}

/*
 * Offers
 */

/* The window folds down to a phone's width: no view may hold it wider. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *views[] = {
    xf_offers_view_new (fixture->services),
    xf_apprenticeships_view_new (fixture->services),
    xf_activities_view_new (fixture->services),
  };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      int minimum;

      g_object_ref_sink (views[i]);
      gtk_widget_measure (views[i], GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_test_message ("%s: %d", G_OBJECT_TYPE_NAME (views[i]), minimum);
      g_assert_cmpint (minimum, <=, 360);
      g_object_unref (views[i]);
    }
}

static void
test_offers_list (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(XfServiceRequest) request = xf_service_request_new ();
  g_autoptr(GPtrArray) items = xf_services_list_items (fixture->services, TRUE, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *load = g_strdup_printf (_("%d of %d this month"), 1, 4);
  GtkWidget *view;
  GtkWidget *row;
  gint64 request_id;

  /* One request claimed this month counts against the offer's capacity. */
  request->requester_name = g_strdup ("杨师傅");
  request->requester_contact = g_strdup ("13612345678");
  request->item_code = g_strdup ("cp-skill-training");
  request->region_code = g_strdup ("330521");
  request->place = g_strdup ("德清县武康街道");
  request->description = g_strdup ("车间新员工需要焊接入门培训");
  request_id = xf_services_create_request (fixture->services, request, &error);
  g_assert_no_error (error);
  g_assert_true (xf_services_claim (fixture->services, request_id, fixture->masters[0], &error));
  g_assert_no_error (error);

  view = show (fixture, xf_offers_view_new (fixture->services));

  g_assert_cmpuint (xf_test_count_named (view, "pioneer-group"), >=, 3);
  g_assert_cmpuint (xf_test_count_named (view, "catalogue-row"), ==, items->len);
  g_assert_cmpuint (items->len, ==, 23);

  xf_offers_view_search (XF_OFFERS_VIEW (view), names[0]);
  g_assert_cmpuint (xf_test_count_named (view, "pioneer-group"), ==, 1);
  g_assert_cmpuint (xf_test_count_named (view, "offer-row"), ==, 2);
  row = xf_test_find_named (view, "offer-row");
  /* The load of the month beside each offer. */
  g_assert_nonnull (xf_test_find_widget (view, GTK_TYPE_LABEL, load));
  g_assert_true (ADW_IS_ACTION_ROW (row));
  /* A click on it edits the offer. */
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));

  xf_offers_view_search (XF_OFFERS_VIEW (view), "无此人");
  g_assert_cmpuint (xf_test_count_named (view, "pioneer-group"), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (xf_test_template_child (view, XF_TYPE_OFFERS_VIEW, "offers_stack"))),
                   ==, "empty");

  xf_offers_view_search (XF_OFFERS_VIEW (view), "");
  xf_test_iterate (100);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "services-offers");
}

static void
test_offer_dialog (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *view = show (fixture, xf_offers_view_new (fixture->services));
  GtkWidget *dialog;
  GType type = XF_TYPE_OFFER_DIALOG;

  g_assert_cmpuint (n_offers (fixture, fixture->masters[2]), ==, 1);
  gtk_widget_activate_action (view, "offers-view.add", NULL);
  dialog = GTK_WIDGET (xf_test_find_toplevel (type));
  g_assert_nonnull (dialog);
  xf_test_iterate (50);

  /* No pioneer chosen: the dialog says so and stays. */
  gtk_widget_activate_action (dialog, "offer-dialog.save", NULL);
  g_assert_nonnull (xf_offer_dialog_get_error (XF_OFFER_DIALOG (dialog)));

  pick_pioneer (dialog, names[2], fixture->masters[2]);
  adw_combo_row_set_selected (ADW_COMBO_ROW (xf_test_template_child (dialog, type, "item_row")), 1);
  set_text (dialog, type, "description_row", "电话咨询");
  /* Core refuses an unknown region, naming the field. */
  set_text (dialog, type, "regions_row", "999999");
  gtk_widget_activate_action (dialog, "offer-dialog.save", NULL);
  g_assert_nonnull (xf_offer_dialog_get_error (XF_OFFER_DIALOG (dialog)));
  g_assert_nonnull (xf_test_find_toplevel (type));
  g_assert_cmpuint (n_offers (fixture, fixture->masters[2]), ==, 1);

  set_text (dialog, type, "regions_row", "330521 330502");
  gtk_widget_activate_action (dialog, "offer-dialog.save", NULL);
  g_assert_true (xf_test_wait_until (window_gone_cb, GSIZE_TO_POINTER (type), 2000));
  g_assert_cmpuint (n_offers (fixture, fixture->masters[2]), ==, 2);

  /* The view follows core's change. */
  xf_test_iterate (100);
  xf_offers_view_search (XF_OFFERS_VIEW (view), names[2]);
  g_assert_cmpuint (xf_test_count_named (view, "offer-row"), ==, 2);
}

static void
test_offer_remove (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *view = show (fixture, xf_offers_view_new (fixture->services));
  g_autoptr(GPtrArray) offers = xf_services_list_offers (fixture->services, fixture->masters[1], NULL, NULL);
  const XfServiceOffer *offer = g_ptr_array_index (offers, 0);

  gtk_widget_activate_action (view, "offers-view.remove", "x", offer->id);
  xf_test_answer (_("Remove offer?"), "remove");
  g_assert_cmpuint (n_offers (fixture, fixture->masters[1]), ==, 0);
  xf_offers_view_search (XF_OFFERS_VIEW (view), names[1]);
  g_assert_cmpuint (xf_test_count_named (view, "offer-row"), ==, 0);
  g_assert_cmpuint (xf_test_dismiss_toasts (view), >=, 1);
}

/* An auditor reads the offers, but core refuses his writes; the view
 * says why in a toast and nothing changes. */
static void
test_offer_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(XfAccount) auditor = xf_test_add_account (fixture->store, "auditor1", XF_ROLE_AUDITOR,
                                                      XF_SCOPE_ALL, NULL);
  g_autoptr(XfRegistry) registry = xf_registry_new (fixture->store, auditor);
  g_autoptr(XfServices) services = xf_services_new (registry);
  GtkWidget *view = show (fixture, xf_offers_view_new (services));
  g_autoptr(GPtrArray) offers = xf_services_list_offers (fixture->services, fixture->masters[2], NULL, NULL);
  const XfServiceOffer *offer = g_ptr_array_index (offers, 0);

  g_assert_cmpuint (xf_test_count_named (view, "offer-row"), >=, 4);
  gtk_widget_activate_action (view, "offers-view.remove", "x", offer->id);
  xf_test_answer (_("Remove offer?"), "remove");
  g_assert_cmpuint (n_offers (fixture, fixture->masters[2]), ==, 1);
  g_assert_cmpuint (xf_test_dismiss_toasts (view), >=, 1);
}

/* An administrator edits the catalogue: a name left empty is refused,
 * then the new name and response time are taken and shown. */
static void
test_item_dialog (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *view = show (fixture, xf_offers_view_new (fixture->services));
  GType type = XF_TYPE_ITEM_DIALOG;
  g_autoptr(XfServiceItem) item = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  gtk_widget_activate_action (view, "offers-view.edit-item", "s", "cp-legal-aid");
  dialog = GTK_WIDGET (xf_test_find_toplevel (type));
  g_assert_nonnull (dialog);
  set_text (dialog, type, "name_en_row", " ");
  gtk_widget_activate_action (dialog, "item-dialog.save", NULL);
  g_assert_nonnull (xf_item_dialog_get_error (XF_ITEM_DIALOG (dialog)));

  set_text (dialog, type, "name_en_row", "Legal aid and advice");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (xf_test_template_child (dialog, type, "amount_spin")), 3);
  gtk_widget_activate_action (dialog, "item-dialog.save", NULL);
  g_assert_true (xf_test_wait_until (window_gone_cb, GSIZE_TO_POINTER (type), 2000));

  item = xf_services_get_item (fixture->services, "cp-legal-aid", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (item->name_en, ==, "Legal aid and advice");
  g_assert_cmpint (item->response_amount, ==, 3);
  xf_test_iterate (100);
  g_assert_nonnull (xf_test_find_widget (view, ADW_TYPE_ACTION_ROW, xf_service_item_get_name (item)));
}

/*
 * Apprenticeships
 */

static XfApprenticeship *
get_apprenticeship (Fixture *fixture,
                    gint64   id)
{
  g_autoptr(GError) error = NULL;
  XfApprenticeship *apprenticeship = xf_services_get_apprenticeship (fixture->services, id, &error);

  g_assert_no_error (error);
  return apprenticeship;
}

static void
test_apprenticeships (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *view = show (fixture, xf_apprenticeships_view_new (fixture->services));
  GType type = XF_TYPE_APPRENTICESHIP_DIALOG;
  g_autoptr(XfApprenticeship) done = NULL;
  GtkWidget *dialog;
  gint64 id;

  g_assert_cmpuint (xf_test_count_named (view, "apprenticeship-row"), >=, 1);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (xf_test_find_named (view,
                                                                                      "apprenticeship-row"))));
  g_assert_nonnull (xf_test_find_named (view, XF_APPRENTICESHIP_REQUESTED));

  gtk_widget_activate_action (view, "apprenticeships-view.new", NULL);
  dialog = GTK_WIDGET (xf_test_find_toplevel (type));
  g_assert_nonnull (dialog);
  pick_pioneer (dialog, names[0], fixture->masters[0]);
  /* No apprentice's name: core refuses, naming the field. */
  set_text (dialog, type, "goal_row", "学习钳工技能");
  gtk_widget_activate_action (dialog, "apprenticeship-dialog.request", NULL);
  g_assert_nonnull (xf_apprenticeship_dialog_get_error (XF_APPRENTICESHIP_DIALOG (dialog)));
  g_assert_cmpint (xf_apprenticeship_dialog_get_apprenticeship_id (XF_APPRENTICESHIP_DIALOG (dialog)), ==, 0);

  set_text (dialog, type, "apprentice_row", "吴晓东");
  set_text (dialog, type, "contact_row", "13700001111");
  set_text (dialog, type, "employer_row", "德清钢铁厂");
  gtk_widget_activate_action (dialog, "apprenticeship-dialog.request", NULL);
  g_assert_null (xf_apprenticeship_dialog_get_error (XF_APPRENTICESHIP_DIALOG (dialog)));
  id = xf_apprenticeship_dialog_get_apprenticeship_id (XF_APPRENTICESHIP_DIALOG (dialog));
  g_assert_cmpint (id, >, 0);

  /* Accepting needs a plan. */
  set_text (dialog, type, "ends_row", PLAN_END);
  gtk_widget_activate_action (dialog, "apprenticeship-dialog.accept", NULL);
  g_assert_nonnull (xf_apprenticeship_dialog_get_error (XF_APPRENTICESHIP_DIALOG (dialog)));
  set_text (dialog, type, "plan_row", "每周两次实操，三个月");
  gtk_widget_activate_action (dialog, "apprenticeship-dialog.accept", NULL);
  g_assert_null (xf_apprenticeship_dialog_get_error (XF_APPRENTICESHIP_DIALOG (dialog)));
  assert_unique_mnemonics (dialog);

  /* A check-in in the future is refused; today's is taken. */
  set_text (dialog, type, "check_in_date_row", LATER);
  set_text (dialog, type, "check_in_note_row", "完成第一次实操");
  gtk_widget_activate_action (dialog, "apprenticeship-dialog.add-check-in", NULL);
  g_assert_nonnull (xf_apprenticeship_dialog_get_error (XF_APPRENTICESHIP_DIALOG (dialog)));
  set_text (dialog, type, "check_in_date_row", TODAY);
  gtk_widget_activate_action (dialog, "apprenticeship-dialog.add-check-in", NULL);
  g_assert_null (xf_apprenticeship_dialog_get_error (XF_APPRENTICESHIP_DIALOG (dialog)));
  g_assert_cmpuint (xf_test_count_named (dialog, "check-in-row"), ==, 1);

  set_text (dialog, type, "completion_row", "能独立完成钳工作业");
  gtk_widget_activate_action (dialog, "apprenticeship-dialog.complete", NULL);
  g_assert_null (xf_apprenticeship_dialog_get_error (XF_APPRENTICESHIP_DIALOG (dialog)));

  done = get_apprenticeship (fixture, id);
  g_assert_cmpstr (done->status, ==, XF_APPRENTICESHIP_COMPLETED);
  g_assert_cmpstr (done->plan, ==, "每周两次实操，三个月");
  g_assert_cmpuint (done->check_ins->len, ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  xf_test_iterate (100);
  g_assert_nonnull (xf_test_find_named (view, XF_APPRENTICESHIP_COMPLETED));
  xf_apprenticeships_view_set_status (XF_APPRENTICESHIPS_VIEW (view), XF_APPRENTICESHIP_COMPLETED);
  g_assert_cmpuint (xf_test_count_named (view, "apprenticeship-row"), ==, 1);
}

static void
test_apprenticeship_decline (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) list = xf_services_list_apprenticeships (fixture->services, fixture->masters[0],
                                                                XF_APPRENTICESHIP_REQUESTED, NULL);
  XfApprenticeship *requested = g_ptr_array_index (list, 0);
  g_autoptr(XfApprenticeship) declined = NULL;
  GtkWidget *dialog = xf_apprenticeship_dialog_new (fixture->services, requested->id);
  AdwMessageDialog *reason;

  xf_test_show_window (GTK_WINDOW (dialog));
  gtk_widget_activate_action (dialog, "apprenticeship-dialog.decline", NULL);
  reason = xf_test_find_message_dialog (_("Decline the request?"));
  g_assert_nonnull (reason);
  xf_reason_dialog_set_reason (XF_REASON_DIALOG (reason), "本季度已带两名徒弟");
  adw_message_dialog_response (reason, "confirm");
  gtk_window_destroy (GTK_WINDOW (reason));

  declined = get_apprenticeship (fixture, requested->id);
  g_assert_cmpstr (declined->status, ==, XF_APPRENTICESHIP_DECLINED);
  g_assert_cmpstr (declined->decline_reason, ==, "本季度已带两名徒弟");
  /* Declined: no step is left. */
  g_assert_false (gtk_widget_get_visible (xf_test_template_child (dialog, XF_TYPE_APPRENTICESHIP_DIALOG,
                                                                  "accept_group")));
}

/*
 * Activities
 */

static XfActivity *
get_activity (Fixture *fixture,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  XfActivity *activity = xf_services_get_activity (fixture->services, id, &error);

  g_assert_no_error (error);
  return activity;
}

static gint64
find_activity (Fixture    *fixture,
               const char *title)
{
  g_autoptr(GPtrArray) activities = xf_services_list_activities (fixture->services, 0, NULL, NULL);

  for (guint i = 0; activities != NULL && i < activities->len; i++)
    {
      XfActivity *activity = g_ptr_array_index (activities, i);

      if (g_strcmp0 (activity->title, title) == 0)
        return activity->id;
    }
  g_assert_not_reached ();
  return 0;
}

/* A lecture held today with three participants, two of whom came, and a
 * skill activity called off: the list then shows every status. */
static void
add_past_activities (Fixture *fixture)
{
  static const char * const people[] = { "孙志强", "李娜", "何建明" };
  gint64 held = add_activity (fixture->services, fixture->masters[2], XF_ACTIVITY_LECTURE,
                              "劳动合同法宣讲进车间", TODAY);
  gint64 called_off = add_activity (fixture->services, fixture->masters[1], XF_ACTIVITY_SKILL,
                                    "护理技能培训", LATER);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      gint64 participant = xf_services_add_participant (fixture->services, held, people[i], NULL, 0, &error);

      g_assert_no_error (error);
      g_assert_true (xf_services_set_attendance (fixture->services, participant, i < 2, &error));
      g_assert_no_error (error);
    }
  g_assert_true (xf_services_mark_activity_held (fixture->services, held, &error));
  g_assert_no_error (error);
  g_assert_true (xf_services_cancel_activity (fixture->services, called_off, "培训教室改造", &error));
  g_assert_no_error (error);
}

/* What a click on @row, or Enter on it, does in its list box. */
static void
activate_row (GtkWidget *row)
{
  GtkWidget *list_box = gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX);

  g_assert_nonnull (list_box);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_true (gtk_widget_grab_focus (row));
  g_signal_emit_by_name (list_box, "activate-cursor-row");
}

static gboolean
activity_dialog_shown (gpointer data)
{
  return xf_test_find_toplevel (XF_TYPE_ACTIVITY_DIALOG) != NULL;
}

static void
test_activities_list (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *view;
  g_autofree char *attended = g_strdup_printf (_("%u of %u attended"), 2, 3);

  add_past_activities (fixture);
  view = show (fixture, xf_activities_view_new (fixture->services));
  g_assert_nonnull (xf_test_find_named (view, XF_ACTIVITY_HELD));
  g_assert_nonnull (xf_test_find_named (view, XF_ACTIVITY_CANCELLED));
  g_assert_nonnull (xf_test_find_widget (view, GTK_TYPE_LABEL, attended));

  g_assert_cmpuint (xf_test_count_named (view, "activity-row"), >=, 2);
  g_assert_nonnull (xf_test_find_named (view, XF_ACTIVITY_PLANNED));
  g_assert_nonnull (xf_test_find_widget (view, ADW_TYPE_ACTION_ROW, "职工心理健康政策宣讲"));

  xf_activities_view_set_kind (XF_ACTIVITIES_VIEW (view), XF_ACTIVITY_SKILL);
  g_assert_nonnull (xf_test_find_widget (view, ADW_TYPE_ACTION_ROW, "焊接技能比武"));
  g_assert_null (xf_test_find_widget (view, ADW_TYPE_ACTION_ROW, "职工心理健康政策宣讲"));
  xf_activities_view_set_kind (XF_ACTIVITIES_VIEW (view), NULL);
  xf_test_iterate (100);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "services-activities");

  /* A row opens its activity, as a click or Enter does. */
  activate_row (xf_test_find_named (view, "activity-row"));
  g_assert_true (xf_test_wait_until (activity_dialog_shown, NULL, 2000));
  xf_test_close_dialogs (XF_TYPE_ACTIVITY_DIALOG);
}

static void
test_activity_dialog (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *view = show (fixture, xf_activities_view_new (fixture->services));
  GType type = XF_TYPE_ACTIVITY_DIALOG;
  g_autoptr(XfActivity) held = NULL;
  GtkWidget *dialog;
  GtkWidget *check;
  gint64 id;

  gtk_widget_activate_action (view, "activities-view.new", NULL);
  dialog = GTK_WIDGET (xf_test_find_toplevel (type));
  g_assert_nonnull (dialog);
  pick_pioneer (dialog, names[2], fixture->masters[2]);
  /* No title: core refuses, naming the field. */
  set_text (dialog, type, "place_row", "新市镇文化礼堂");
  gtk_widget_activate_action (dialog, "activity-dialog.create", NULL);
  g_assert_nonnull (xf_activity_dialog_get_error (XF_ACTIVITY_DIALOG (dialog)));
  g_assert_cmpint (xf_activity_dialog_get_activity_id (XF_ACTIVITY_DIALOG (dialog)), ==, 0);

  set_text (dialog, type, "title_row", "民法典进企业");
  gtk_widget_activate_action (dialog, "activity-dialog.create", NULL);
  g_assert_null (xf_activity_dialog_get_error (XF_ACTIVITY_DIALOG (dialog)));
  id = xf_activity_dialog_get_activity_id (XF_ACTIVITY_DIALOG (dialog));
  g_assert_cmpint (id, >, 0);

  /* A participant needs a name. */
  gtk_widget_activate_action (dialog, "activity-dialog.add-participant", NULL);
  g_assert_nonnull (xf_activity_dialog_get_error (XF_ACTIVITY_DIALOG (dialog)));
  set_text (dialog, type, "name_row", "赵磊");
  gtk_widget_activate_action (dialog, "activity-dialog.add-participant", NULL);
  g_assert_null (xf_activity_dialog_get_error (XF_ACTIVITY_DIALOG (dialog)));
  g_assert_cmpuint (xf_test_count_named (dialog, "participant-row"), ==, 1);
  assert_unique_mnemonics (dialog);

  /* Attendance, taken on the day (today). */
  check = xf_test_find_named (dialog, "attendance-check");
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  xf_test_iterate (100);
  g_assert_null (xf_activity_dialog_get_error (XF_ACTIVITY_DIALOG (dialog)));

  gtk_widget_activate_action (dialog, "activity-dialog.mark-held", NULL);
  g_assert_null (xf_activity_dialog_get_error (XF_ACTIVITY_DIALOG (dialog)));
  held = get_activity (fixture, id);
  g_assert_cmpstr (held->status, ==, XF_ACTIVITY_HELD);
  g_assert_cmpuint (held->n_participants, ==, 1);
  g_assert_cmpuint (held->n_attended, ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  xf_test_iterate (100);
  g_assert_nonnull (xf_test_find_named (view, XF_ACTIVITY_HELD));
}

/* Holding an activity before its day is refused and shown; cancelling
 * takes a reason. */
static void
test_activity_refused_then_cancelled (Fixture       *fixture,
                                      gconstpointer  data)
{
  gint64 id = find_activity (fixture, "焊接技能比武");
  GtkWidget *dialog = xf_activity_dialog_new (fixture->services, id);
  g_autoptr(XfActivity) cancelled = NULL;
  AdwMessageDialog *reason;

  xf_test_show_window (GTK_WINDOW (dialog));
  gtk_widget_activate_action (dialog, "activity-dialog.mark-held", NULL);
  g_assert_nonnull (xf_activity_dialog_get_error (XF_ACTIVITY_DIALOG (dialog)));
  g_assert_nonnull (strstr (xf_activity_dialog_get_error (XF_ACTIVITY_DIALOG (dialog)), "焊接技能比武"));

  gtk_widget_activate_action (dialog, "activity-dialog.cancel", NULL);
  reason = xf_test_find_message_dialog (_("Cancel activity?"));
  g_assert_nonnull (reason);
  xf_reason_dialog_set_reason (XF_REASON_DIALOG (reason), "场地检修");
  adw_message_dialog_response (reason, "confirm");
  gtk_window_destroy (GTK_WINDOW (reason));

  cancelled = get_activity (fixture, id);
  g_assert_cmpstr (cancelled->status, ==, XF_ACTIVITY_CANCELLED);
  g_assert_cmpstr (cancelled->cancel_reason, ==, "场地检修");
  g_assert_null (xf_activity_dialog_get_error (XF_ACTIVITY_DIALOG (dialog)));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  int status;

  if (!xf_test_ui_main_init (&argc, &argv, TODAY, &cache))
    return 0;

  g_test_add_func ("/ui/services-views/language", xf_test_language);
#define ADD(path, fn) g_test_add ("/ui/services-views/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("narrow", test_narrow);
  ADD ("offers/list", test_offers_list);
  ADD ("offers/dialog", test_offer_dialog);
  ADD ("offers/remove", test_offer_remove);
  ADD ("offers/refused", test_offer_refused);
  ADD ("offers/catalogue", test_item_dialog);
  ADD ("apprenticeships/journey", test_apprenticeships);
  ADD ("apprenticeships/decline", test_apprenticeship_decline);
  ADD ("activities/list", test_activities_list);
  ADD ("activities/dialog", test_activity_dialog);
  ADD ("activities/refused-then-cancelled", test_activity_refused_then_cancelled);
#undef ADD

  status = g_test_run ();
  xf_test_remove_dir (cache);
  return status;
}
