/* test-care-batch.c — a batch of the care page from the eligible list to
 * its close: invitations, answers, the waiting list, attendance; a clerk
 * of another region
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * meson runs it in English and with LANGUAGE=zh_CN; with
 * XIANFENG_SCREENSHOT_DIR set it saves "care-batch" (a batch with people
 * accepted, waiting, declined and attended), with "-zh_CN" for Chinese.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-care-batch-dialog.h"
#include "xf-care-member-dialog.h"
#include "xf-test-care-ui.h"
#include "xf-ui-util.h"

#define PROGRAMME "recuperation"
#define PLACES    3

typedef CareUiFixture Fixture;

static GtkWidget *
child (Fixture    *fixture,
       const char *name)
{
  return xf_test_template_child (xf_test_care_ui_batches (fixture), XF_TYPE_CARE_BATCHES_VIEW, name);
}

static XfCareBatchesView *
view_of (Fixture *fixture)
{
  return XF_CARE_BATCHES_VIEW (xf_test_care_ui_batches (fixture));
}

static XfCareBatch *
core_batch (Fixture *fixture,
            gint64   batch_id)
{
  g_autoptr(GError) error = NULL;
  XfCareBatch *batch = xf_care_get_batch (xf_test_care_ui_care (fixture), batch_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (batch);
  return batch;
}

static const char *
status_of (const XfCareBatch *batch,
           gint64             pioneer_id)
{
  for (guint i = 0; i < batch->members->len; i++)
    {
      const XfCareBatchMember *member = g_ptr_array_index (batch->members, i);

      if (member->pioneer_id == pioneer_id)
        return member->status;
    }
  return NULL;
}

static void
assert_status (Fixture    *fixture,
               gint64      batch_id,
               gint64      pioneer_id,
               const char *status)
{
  g_autoptr(XfCareBatch) batch = core_batch (fixture, batch_id);

  g_assert_cmpstr (status_of (batch, pioneer_id), ==, status);
}

static GtkWidget *
member_button (Fixture    *fixture,
               gint64      pioneer_id,
               const char *name)
{
  GtkWidget *row = xf_care_batches_view_get_member_row (view_of (fixture), pioneer_id);

  g_assert_nonnull (row);
  return xf_test_find_named (row, name);
}

static void
click_member (Fixture    *fixture,
              gint64      pioneer_id,
              const char *name)
{
  GtkWidget *button = member_button (fixture, pioneer_id, name);

  g_assert_nonnull (button);
  xf_test_scroll_to (button);
  if (GTK_IS_TOGGLE_BUTTON (button))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  else
    xf_test_click (button);
  xf_test_care_ui_settle ();
}

/* Types @reason into the reason dialog headed @heading and confirms. */
static void
give_reason (const char *heading,
             const char *reason)
{
  AdwMessageDialog *dialog = NULL;
  GtkWidget *entry;

  for (int i = 0; i < 100 && dialog == NULL; i++)
    {
      dialog = xf_test_find_message_dialog (heading);
      if (dialog == NULL)
        xf_test_iterate (10);
    }
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
  entry = xf_test_find_named (GTK_WIDGET (dialog), "reason-entry");
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), reason);
  xf_test_answer (heading, "ok");
  xf_test_care_ui_settle ();
}

/* A new batch of PROGRAMME through the dialog, as Ctrl+N on Batches does. */
static gint64
create_batch (Fixture *fixture,
              int      places)
{
  XfCareBatchDialog *dialog;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (fixture->page, "care.create-batch", "s", PROGRAMME));
  dialog = XF_CARE_BATCH_DIALOG (xf_test_find_toplevel (XF_TYPE_CARE_BATCH_DIALOG));
  g_assert_nonnull (dialog);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (xf_test_template_child (dialog, XF_TYPE_CARE_BATCH_DIALOG,
                                                                      "places_spin")), places);
  id = xf_care_batch_dialog_create (dialog);
  xf_test_care_ui_settle ();
  return id;
}

/* The dialog opens in its title, not on Cancel; Enter in the title
 * creates the batch, and does nothing while the title is empty. */
static void
test_dialog_keys (Fixture       *fixture,
                  gconstpointer  data)
{
  XfCareBatchDialog *dialog;
  GtkWidget *title_row;
  GtkWidget *focus;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  gint64 until;

  xf_care_page_show_view (XF_CARE_PAGE (fixture->page), "batches");
  xf_test_care_ui_settle ();
  g_assert_true (gtk_widget_activate_action (fixture->page, "care.create-batch", "s", PROGRAMME));
  dialog = XF_CARE_BATCH_DIALOG (xf_test_find_toplevel (XF_TYPE_CARE_BATCH_DIALOG));
  g_assert_nonnull (dialog);
  xf_test_iterate (100);
  title_row = xf_test_template_child (dialog, XF_TYPE_CARE_BATCH_DIALOG, "title_row");
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, title_row));
  g_assert_true (GTK_IS_TEXT (focus));

  /* Empty: Create is off, Enter leaves the dialog open. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "  ");
  g_assert_false (gtk_widget_get_sensitive (xf_test_template_child (dialog, XF_TYPE_CARE_BATCH_DIALOG,
                                                                    "create_button")));
  g_signal_emit_by_name (focus, "activate");
  xf_test_iterate (400);
  g_assert_true (xf_test_find_toplevel (XF_TYPE_CARE_BATCH_DIALOG) == GTK_WINDOW (dialog));

  gtk_editable_set_text (GTK_EDITABLE (title_row), "Enter trip");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (xf_test_template_child (dialog, XF_TYPE_CARE_BATCH_DIALOG,
                                                                      "places_spin")), 2);
  g_signal_emit_by_name (focus, "activate");
  until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (xf_test_find_toplevel (XF_TYPE_CARE_BATCH_DIALOG) != NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (xf_test_find_toplevel (XF_TYPE_CARE_BATCH_DIALOG));
  xf_test_care_ui_settle ();
  batches = xf_care_list_batches (xf_test_care_ui_care (fixture), NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batches->len, ==, 1);
  g_assert_cmpstr (((XfCareBatch *) g_ptr_array_index (batches, 0))->title, ==, "Enter trip");
}

static void
test_journey (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(XfCareBatch) batch = NULL;
  g_autoptr(GPtrArray) eligible = NULL;
  g_autoptr(GError) error = NULL;
  XfCareBatchDialog *dialog;
  GtkWidget *places_error;
  g_autofree char *heading = NULL;
  g_autofree char *places = NULL;
  gint64 id;
  gint64 *p = fixture->people;

  xf_care_page_show_view (XF_CARE_PAGE (fixture->page), "batches");
  xf_test_care_ui_settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "list_stack"))), ==, "empty");
  /* This year's batches by default; all years are a choice away. */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (child (fixture, "year_dropdown"))), ==, 2);

  /* Ctrl+N: no places is refused beneath the field, in the user's language. */
  g_assert_true (gtk_widget_activate_action (fixture->page, "care.new", NULL));
  dialog = XF_CARE_BATCH_DIALOG (xf_test_find_toplevel (XF_TYPE_CARE_BATCH_DIALOG));
  g_assert_nonnull (dialog);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (xf_test_template_child (dialog, XF_TYPE_CARE_BATCH_DIALOG,
                                                                      "places_spin")), 0);
  g_assert_cmpint (xf_care_batch_dialog_create (dialog), ==, 0);
  places_error = xf_test_find_named (GTK_WIDGET (dialog), "places-error");
  g_assert_nonnull (places_error);
  g_assert_true (gtk_widget_get_visible (places_error));
  gtk_window_destroy (GTK_WINDOW (dialog));
  xf_test_care_ui_settle ();

  /* "Create batch…" from the programme: everyone eligible is listed. */
  id = create_batch (fixture, PLACES);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (xf_care_batches_view_get_batch_id (view_of (fixture)), ==, id);
  eligible = xf_care_list_eligible (xf_test_care_ui_care (fixture), PROGRAMME, XF_TEST_CARE_UI_TODAY, NULL, &error);
  g_assert_no_error (error);
  batch = core_batch (fixture, id);
  g_assert_cmpint (batch->n_listed, ==, eligible->len);
  g_assert_cmpint (batch->n_listed, ==, XF_TEST_CARE_PEOPLE);
  g_assert_cmpstr (status_of (batch, fixture->too_old), ==, NULL);
  g_clear_pointer (&batch, xf_care_batch_free);

  /* Send invitations, confirmed with the count. */
  g_assert_true (gtk_widget_get_visible (child (fixture, "invite_button")));
  xf_test_click (child (fixture, "invite_button"));
  heading = g_strdup_printf (ngettext ("Send %d Invitation?", "Send %d Invitations?", XF_TEST_CARE_PEOPLE),
                             XF_TEST_CARE_PEOPLE);
  xf_test_answer (heading, "send");
  xf_test_care_ui_settle ();
  batch = core_batch (fixture, id);
  g_assert_cmpstr (batch->status, ==, XF_BATCH_INVITING);
  g_assert_cmpint (batch->n_invited, ==, XF_TEST_CARE_PEOPLE);
  g_clear_pointer (&batch, xf_care_batch_free);
  g_assert_false (gtk_widget_get_visible (child (fixture, "invite_button")));

  /* Four accept three places: the fourth waits. */
  for (guint i = 0; i < 4; i++)
    click_member (fixture, p[i], "accept-button");
  assert_status (fixture, id, p[0], XF_MEMBER_ACCEPTED);
  assert_status (fixture, id, p[2], XF_MEMBER_ACCEPTED);
  assert_status (fixture, id, p[3], XF_MEMBER_WAITLISTED);
  places = g_strdup_printf (ngettext ("%s of %s place taken", "%s of %s places taken", PLACES), "3", "3");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (fixture, "places_label"))), places));

  /* One declines with a reason; an accepted one declines: the first waiting takes the place. */
  g_clear_pointer (&heading, g_free);
  heading = g_strdup_printf (_("%s Declines?"), xf_test_care_names[4]);
  click_member (fixture, p[4], "decline-button");
  give_reason (heading, "外出学习");
  assert_status (fixture, id, p[4], XF_MEMBER_DECLINED);
  g_clear_pointer (&heading, g_free);
  heading = g_strdup_printf (_("%s Declines?"), xf_test_care_names[0]);
  click_member (fixture, p[0], "decline-button");
  give_reason (heading, "家中有事");
  assert_status (fixture, id, p[0], XF_MEMBER_DECLINED);
  assert_status (fixture, id, p[3], XF_MEMBER_ACCEPTED);

  /* Attendance: two attended, one absent. */
  click_member (fixture, p[1], "attended-button");
  click_member (fixture, p[2], "attended-button");
  click_member (fixture, p[3], "absent-button");
  assert_status (fixture, id, p[1], XF_MEMBER_ATTENDED);
  assert_status (fixture, id, p[2], XF_MEMBER_ATTENDED);
  assert_status (fixture, id, p[3], XF_MEMBER_ABSENT);
  batch = core_batch (fixture, id);
  g_assert_cmpint (batch->n_attended, ==, 2);
  g_clear_pointer (&batch, xf_care_batch_free);

  /* Close: the one who never answered is declined. */
  xf_test_click (child (fixture, "close_button"));
  xf_test_answer (_("Close Batch?"), "close-batch");
  xf_test_care_ui_settle ();
  batch = core_batch (fixture, id);
  g_assert_cmpstr (batch->status, ==, XF_BATCH_CLOSED);
  g_assert_cmpstr (status_of (batch, p[5]), ==, XF_MEMBER_DECLINED);
  g_assert_false (gtk_widget_get_visible (child (fixture, "close_button")));
  g_assert_null (member_button (fixture, p[1], "attended-button"));
  /* Closed: the outcome, not who is invited or waiting. */
  g_clear_pointer (&heading, g_free);
  heading = g_strdup_printf (_("Attended %s · absent %s · declined %s"), "2", "1", "3");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (fixture, "counts_label"))), ==, heading);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (fixture, "places_label"))), ==, places);
}

/* A member added by hand: core says they are not eligible and why; the
 * reason to add them anyway is asked for. */
static void
test_add_member (Fixture       *fixture,
                 gconstpointer  data)
{
  XfCareMemberDialog *dialog;
  GtkWidget *override;
  gint64 id;

  xf_care_page_show_view (XF_CARE_PAGE (fixture->page), "batches");
  id = create_batch (fixture, PLACES);
  g_assert_true (gtk_widget_get_visible (child (fixture, "add_button")));
  xf_test_click (child (fixture, "add_button"));
  dialog = XF_CARE_MEMBER_DIALOG (xf_test_find_toplevel (XF_TYPE_CARE_MEMBER_DIALOG));
  g_assert_nonnull (dialog);
  xf_care_member_dialog_set_pioneer (dialog, fixture->too_old, "钱老伯");
  g_assert_false (xf_care_member_dialog_is_eligible (dialog));
  override = xf_test_find_named (GTK_WIDGET (dialog), "override-row");
  g_assert_true (gtk_widget_get_visible (override));
  g_assert_false (gtk_widget_get_sensitive (xf_test_find_named (GTK_WIDGET (dialog), "add-button")));
  gtk_editable_set_text (GTK_EDITABLE (override), "市总工会特批");
  g_assert_true (xf_care_member_dialog_add (dialog));
  xf_test_care_ui_settle ();
  assert_status (fixture, id, fixture->too_old, XF_MEMBER_LISTED);
  g_assert_nonnull (xf_care_batches_view_get_member_row (view_of (fixture), fixture->too_old));

  /* Removed again, confirmed (a draft needs no reason). */
  click_member (fixture, fixture->too_old, "remove-button");
  {
    g_autofree char *heading = g_strdup_printf (_("Remove %s?"), "钱老伯");

    xf_test_answer (heading, "remove");
  }
  xf_test_care_ui_settle ();
  assert_status (fixture, id, fixture->too_old, XF_MEMBER_REMOVED);
}

/* Edited: more places than the year's quota holds is refused beneath
 * the places; a few more are saved. */
static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  XfCareBatchDialog *dialog;
  GtkWidget *places_error;
  GtkSpinButton *places;
  g_autoptr(XfCareBatch) batch = NULL;
  gint64 id;

  xf_care_page_show_view (XF_CARE_PAGE (fixture->page), "batches");
  id = create_batch (fixture, PLACES);
  g_assert_true (gtk_widget_get_visible (child (fixture, "edit_button")));
  xf_test_click (child (fixture, "edit_button"));
  dialog = XF_CARE_BATCH_DIALOG (xf_test_find_toplevel (XF_TYPE_CARE_BATCH_DIALOG));
  g_assert_nonnull (dialog);
  places = GTK_SPIN_BUTTON (xf_test_template_child (dialog, XF_TYPE_CARE_BATCH_DIALOG, "places_spin"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (places), ==, PLACES);
  gtk_spin_button_set_value (places, 500);
  g_assert_cmpint (xf_care_batch_dialog_create (dialog), ==, 0);
  places_error = xf_test_find_named (GTK_WIDGET (dialog), "places-error");
  g_assert_true (gtk_widget_get_visible (places_error));
  gtk_spin_button_set_value (places, PLACES + 2);
  gtk_editable_set_text (GTK_EDITABLE (xf_test_template_child (dialog, XF_TYPE_CARE_BATCH_DIALOG, "place_row")),
                         "浙江省总工会莫干山疗休养基地");
  g_assert_cmpint (xf_care_batch_dialog_create (dialog), ==, id);
  xf_test_care_ui_settle ();
  batch = core_batch (fixture, id);
  g_assert_cmpint (batch->places, ==, PLACES + 2);
  g_assert_cmpstr (batch->place, ==, "浙江省总工会莫干山疗休养基地");
}

/* Cancelled with a reason; the filters find it, or say none matches. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(XfCareBatch) batch = NULL;
  GtkDropDown *years;
  gint64 id;

  xf_care_page_show_view (XF_CARE_PAGE (fixture->page), "batches");
  id = create_batch (fixture, PLACES);
  xf_test_click (child (fixture, "cancel_button"));
  give_reason (_("Cancel Batch?"), "疗休养基地检修");
  batch = core_batch (fixture, id);
  g_assert_cmpstr (batch->status, ==, XF_BATCH_CANCELLED);
  g_assert_cmpstr (batch->cancel_reason, ==, "疗休养基地检修");
  g_assert_nonnull (xf_test_find_named (child (fixture, "facts_group"), "cancel-reason-row"));
  g_assert_false (gtk_widget_get_visible (child (fixture, "cancel_button")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "add_button")));

  /* This year (2026, the second choice after next year) lists it; 2025 does not. */
  years = GTK_DROP_DOWN (child (fixture, "year_dropdown"));
  gtk_drop_down_set_selected (years, 2);
  xf_test_care_ui_settle ();
  g_assert_cmpuint (xf_care_batches_view_get_batches (view_of (fixture))->len, ==, 1);
  gtk_drop_down_set_selected (years, 3);
  xf_test_care_ui_settle ();
  g_assert_cmpuint (xf_care_batches_view_get_batches (view_of (fixture))->len, ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "list_stack"))), ==, "no-matches");

  /* care.show-batch from elsewhere: the Batches view shows it. */
  xf_care_page_show_view (XF_CARE_PAGE (fixture->page), "programmes");
  gtk_drop_down_set_selected (years, 0);
  xf_test_care_ui_settle ();
  g_assert_true (gtk_widget_activate_action (fixture->page, "care.show-batch", "x", id));
  xf_test_care_ui_settle ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (xf_test_template_child (
                     fixture->page, XF_TYPE_CARE_PAGE, "view_stack"))), ==, "batches");
  g_assert_cmpint (xf_care_batches_view_get_batch_id (view_of (fixture)), ==, id);
  /* Ctrl+F there: the batches' search. */
  g_assert_true (gtk_widget_activate_action (fixture->page, "care.search", NULL));
  xf_test_iterate (50);
  g_assert_true (xf_widget_has_focus_within (child (fixture, "search_entry")));
}

static gboolean
one_member_shown_cb (gpointer data)
{
  return xf_test_count_named (data, "member-row") == 1;
}

/* Thirty more people: the member search shows and finds one. */
static void
test_member_search (Fixture       *fixture,
                    gconstpointer  data)
{
  XfRegistry *registry = xf_care_get_registry (xf_test_care_ui_care (fixture));
  CareFixture care = { xf_registry_get_store (registry), registry, xf_test_care_ui_care (fixture) };
  GtkWidget *search;
  gint64 id;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("测试先锋%02u", i);
      gint64 pioneer_id = xf_test_care_add_person (&care, name, "1979-07-07", XF_TEST_WUKANG, NULL);

      xf_test_care_add_honour (&care, pioneer_id, "劳动模范", "city", 2019);
    }
  xf_care_page_show_view (XF_CARE_PAGE (fixture->page), "batches");
  id = create_batch (fixture, 20);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (xf_test_count_named (child (fixture, "members_box"), "member-row"), ==, XF_TEST_CARE_PEOPLE + 30);
  search = child (fixture, "member_search");
  g_assert_true (gtk_widget_get_visible (search));
  gtk_editable_set_text (GTK_EDITABLE (search), "测试先锋17");
  g_assert_true (xf_test_wait_until (one_member_shown_cb, child (fixture, "members_box"), 3000));
  gtk_editable_set_text (GTK_EDITABLE (search), "无此人");
  xf_test_iterate (400);
  g_assert_cmpuint (xf_test_count_named (child (fixture, "members_box"), "member-row"), ==, 0);
}

/* A clerk of Deqing sees an Anji pioneer's answer buttons off. */
static void
test_other_region (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *anji_accept;
  GtkWidget *deqing_accept;
  g_autoptr(XfCareBatch) batch = NULL;
  gint64 id;

  xf_care_page_show_view (XF_CARE_PAGE (fixture->page), "batches");
  xf_test_care_ui_settle ();
  id = create_batch (fixture, PLACES);
  g_assert_cmpint (id, >, 0);
  xf_test_click (child (fixture, "invite_button"));
  {
    g_autofree char *heading = g_strdup_printf (ngettext ("Send %d Invitation?", "Send %d Invitations?",
                                                          XF_TEST_CARE_PEOPLE), XF_TEST_CARE_PEOPLE);

    xf_test_answer (heading, "send");
  }
  xf_test_care_ui_settle ();

  anji_accept = member_button (fixture, fixture->people[4], "accept-button");
  deqing_accept = member_button (fixture, fixture->people[0], "accept-button");
  g_assert_nonnull (anji_accept);
  g_assert_nonnull (deqing_accept);
  g_assert_false (gtk_widget_get_sensitive (anji_accept));
  g_assert_nonnull (gtk_widget_get_tooltip_text (anji_accept));
  g_assert_false (gtk_widget_get_sensitive (member_button (fixture, fixture->people[4], "decline-button")));
  g_assert_true (gtk_widget_get_sensitive (deqing_accept));
  /* Core agrees. */
  g_assert_false (xf_care_answer (xf_test_care_ui_care (fixture), id, fixture->people[4], TRUE, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);

  click_member (fixture, fixture->people[0], "accept-button");
  batch = core_batch (fixture, id);
  g_assert_cmpstr (status_of (batch, fixture->people[0]), ==, XF_MEMBER_ACCEPTED);
}

/* A reviewer reads the batches but has no step to take. */
static void
test_reviewer (Fixture       *fixture,
               gconstpointer  data)
{
  xf_care_page_show_view (XF_CARE_PAGE (fixture->page), "batches");
  xf_test_care_ui_settle ();
  g_assert_false (gtk_widget_get_visible (xf_test_template_child (fixture->page, XF_TYPE_CARE_PAGE, "new_button")));
  g_assert_false (gtk_widget_activate_action (fixture->page, "care.new", NULL) &&
                  xf_test_find_toplevel (XF_TYPE_CARE_BATCH_DIALOG) != NULL);
  g_assert_false (gtk_widget_get_visible (child (fixture, "empty_new_button")));
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 id;

  xf_care_page_show_view (XF_CARE_PAGE (fixture->page), "batches");
  id = create_batch (fixture, PLACES);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  gtk_window_unmaximize (GTK_WINDOW (fixture->window));
  xf_test_iterate (300);
  xf_test_care_ui_settle ();
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (child (fixture, "leaflet"))));
  g_assert_true (xf_test_is_mapped (child (fixture, "details_pane")));
  g_assert_cmpint (xf_care_batches_view_get_batch_id (view_of (fixture)), ==, id);
  /* Escape: back to the list. */
  g_assert_true (gtk_widget_activate_action (fixture->page, "care.back", NULL));
  xf_test_iterate (100);
  g_assert_cmpint (xf_care_batches_view_get_batch_id (view_of (fixture)), ==, 0);
  g_assert_true (xf_test_is_mapped (child (fixture, "list_pane")));
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 *p = fixture->people;
  g_autofree char *heading = NULL;

  xf_care_page_show_view (XF_CARE_PAGE (fixture->page), "batches");
  create_batch (fixture, PLACES);
  xf_test_click (child (fixture, "invite_button"));
  heading = g_strdup_printf (ngettext ("Send %d Invitation?", "Send %d Invitations?", XF_TEST_CARE_PEOPLE),
                             XF_TEST_CARE_PEOPLE);
  xf_test_answer (heading, "send");
  xf_test_care_ui_settle ();
  for (guint i = 0; i < 4; i++)
    click_member (fixture, p[i], "accept-button");
  click_member (fixture, p[1], "attended-button");
  g_clear_pointer (&heading, g_free);
  heading = g_strdup_printf (_("%s Declines?"), xf_test_care_names[4]);
  click_member (fixture, p[4], "decline-button");
  give_reason (heading, "外出学习");
  xf_test_dismiss_toasts (fixture->page);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child (fixture, "details_pane"))), 0);
  xf_test_iterate (200);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "care-batch");
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/care-batch/language", xf_test_language);
  g_test_add ("/ui/care-batch/dialog-keys", Fixture, NULL, xf_test_care_ui_set_up, test_dialog_keys,
              xf_test_care_ui_tear_down);
  g_test_add ("/ui/care-batch/journey", Fixture, NULL, xf_test_care_ui_set_up, test_journey,
              xf_test_care_ui_tear_down);
  g_test_add ("/ui/care-batch/add-member", Fixture, NULL, xf_test_care_ui_set_up, test_add_member,
              xf_test_care_ui_tear_down);
  g_test_add ("/ui/care-batch/edit", Fixture, NULL, xf_test_care_ui_set_up, test_edit,
              xf_test_care_ui_tear_down);
  g_test_add ("/ui/care-batch/cancel", Fixture, NULL, xf_test_care_ui_set_up, test_cancel,
              xf_test_care_ui_tear_down);
  g_test_add ("/ui/care-batch/member-search", Fixture, NULL, xf_test_care_ui_set_up, test_member_search,
              xf_test_care_ui_tear_down);
  g_test_add ("/ui/care-batch/other-region", Fixture, XF_TEST_CARE_CLERK, xf_test_care_ui_set_up,
              test_other_region, xf_test_care_ui_tear_down);
  g_test_add ("/ui/care-batch/reviewer", Fixture, "reviewer", xf_test_care_ui_set_up, test_reviewer,
              xf_test_care_ui_tear_down);
  g_test_add ("/ui/care-batch/narrow", Fixture, NULL, xf_test_care_ui_set_up, test_narrow,
              xf_test_care_ui_tear_down);
  g_test_add ("/ui/care-batch/screenshot", Fixture, NULL, xf_test_care_ui_set_up, test_screenshot,
              xf_test_care_ui_tear_down);

  return g_test_run ();
}
