/* xf-care-batches-view.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care-batches-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-care-batch-dialog.h"
#include "xf-care-batches-view-private.h"
#include "xf-care-form.h"
#include "xf-care-member-dialog.h"
#include "xf-clock.h"
#include "xf-exchange-job.h"
#include "xf-permission.h"
#include "xf-ui-util.h"

/* Years offered by the year filter: next year, this one and five before. */
#define N_PAST_YEARS 5



G_DEFINE_FINAL_TYPE (XfCareBatchesView, xf_care_batches_view, ADW_TYPE_BIN)

static void load_list (XfCareBatchesView *self);
static void load_batch (XfCareBatchesView *self);

static void
show_error (XfCareBatchesView *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

gboolean
_xf_care_batches_view_allows (XfCareBatchesView *self,
        const char        *action)
{
  return self->allowed != NULL && g_strv_contains ((const char * const *) self->allowed, action);
}

/* After a write: the list and the batch are read again once idle (as
 * ::changed asked), not now: the button clicked is still in its signal
 * and goes with its row. */
void
_xf_care_batches_view_written (XfCareBatchesView *self,
         const char        *toast)
{
  show_error (self, NULL);
  xf_reload_queue_changed (&self->reload);
  if (toast != NULL)
    xf_care_toast (GTK_WIDGET (self), toast);
}

gboolean
_xf_care_batches_view_check_write (XfCareBatchesView *self,
             gboolean           ok,
             GError            *error)
{
  if (!ok)
    {
      xf_show_pane_error (self->error_label, GTK_SCROLLED_WINDOW (self->details_pane),
                          error != NULL ? error->message : _("The change was refused"));
    }
  return ok;
}

/*
 * The places and counts
 */

static char *
places_text (const XfCareBatch *batch)
{
  g_autofree char *taken = NULL;
  g_autofree char *accepted = xf_exchange_format_count (batch->n_accepted);
  g_autofree char *places = xf_exchange_format_count (batch->places);
  g_autofree char *waiting = NULL;

  /* Translators: "18 of 20 places taken"; counts with thousands separators ("1,200") */
  taken = g_strdup_printf (ngettext ("%s of %s place taken", "%s of %s places taken", batch->places),
                           accepted, places);
  /* Nobody waits for a closed batch any more. */
  if (batch->n_waitlisted == 0 || g_strcmp0 (batch->status, XF_BATCH_CLOSED) == 0)
    return g_steal_pointer (&taken);
  waiting = xf_exchange_format_count (batch->n_waitlisted);
  /* Translators: the places taken, then how many wait: "18 of 20 places taken, 3 waiting" */
  return g_strdup_printf (ngettext ("%s, %s waiting", "%s, %s waiting", batch->n_waitlisted),
                          taken, waiting);
}

static char *
counts_text (const XfCareBatch *batch)
{
  g_autofree char *listed = xf_exchange_format_count (batch->n_listed);
  g_autofree char *invited = xf_exchange_format_count (batch->n_invited);
  g_autofree char *accepted = xf_exchange_format_count (batch->n_accepted);
  g_autofree char *waiting = xf_exchange_format_count (batch->n_waitlisted);
  g_autofree char *declined = xf_exchange_format_count (batch->n_declined);
  g_autofree char *attended = xf_exchange_format_count (batch->n_attended);

  if (g_strcmp0 (batch->status, XF_BATCH_CLOSED) == 0)
    {
      /* Accepted counts the attended and the absent. */
      g_autofree char *absent = xf_exchange_format_count (MAX (0, batch->n_accepted - batch->n_attended));

      /* Translators: the outcome of a closed batch; counts with thousands separators ("1,302") */
      return g_strdup_printf (_("Attended %s · absent %s · declined %s"), attended, absent, declined);
    }
  /* Translators: the counts of a batch's members, with thousands separators ("1,302") */
  return g_strdup_printf (_("Listed %s · invited %s · accepted %s · waiting %s · declined %s · attended %s"),
                          listed, invited, accepted, waiting, declined, attended);
}

/*
 * The batch shown
 */

static void
add_fact (XfCareBatchesView *self,
          const char        *name,
          const char        *title,
          const char        *value)
{
  if (value != NULL && *value != '\0')
    xf_preferences_group_add_row (self->facts_group, self->facts_rows, xf_property_row_new (name, title, value));
}

static void
fill_details (XfCareBatchesView *self)
{
  const XfCareBatch *batch = self->batch;
  g_autofree char *subtitle = NULL;
  g_autofree char *places = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *cost = NULL;

  xf_preferences_group_clear_rows (self->facts_group, self->facts_rows);
  g_clear_pointer (&self->allowed, g_strfreev);
  if (batch == NULL)
    {
      xf_box_remove_all (self->members_box);
      return;
    }
  self->allowed = xf_care_batch_allowed_actions (self->care, batch);

  gtk_label_set_text (self->title_label, batch->title);
  /* Translators: a batch's programme and year: "Recuperation trip · 2026" */
  subtitle = g_strdup_printf (_("%s · %d"), batch->programme_name != NULL ? batch->programme_name : batch->programme_code,
                              batch->year);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_label_set_text (self->status_label, xf_batch_status_label (batch->status));

  places = places_text (batch);
  gtk_label_set_text (self->places_label, places);
  gtk_level_bar_set_value (self->places_bar,
                           batch->places > 0 ? MIN (1.0, (double) batch->n_accepted / batch->places) : 0);
  counts = counts_text (batch);
  gtk_label_set_text (self->counts_label, counts);

  add_fact (self, "reference-row", _("Ages and eligibility on"), batch->reference_on);
  if (batch->starts_on != NULL && batch->ends_on != NULL && g_strcmp0 (batch->starts_on, batch->ends_on) != 0)
    /* Translators: from one date to another */
    dates = g_strdup_printf (_("%s to %s"), batch->starts_on, batch->ends_on);
  else
    dates = g_strdup (batch->starts_on);
  add_fact (self, "dates-row", _("Dates"), dates);
  add_fact (self, "reply-by-row", _("Reply by"), batch->reply_by);
  add_fact (self, "place-row", _("Place"), batch->place);
  cost = batch->unit_cost > 0 ? xf_money_format (batch->unit_cost) : NULL;
  add_fact (self, "unit-cost-row", _("Cost per person"), cost);
  add_fact (self, "notes-row", _("Notes"), batch->notes);
  add_fact (self, "cancel-reason-row", _("Cancelled because"), batch->cancel_reason);

  gtk_widget_set_visible (self->invite_button, _xf_care_batches_view_allows (self, "invite"));
  gtk_widget_set_visible (self->edit_button, _xf_care_batches_view_allows (self, "edit"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.edit", _xf_care_batches_view_allows (self, "edit"));
  gtk_widget_set_visible (self->add_button, _xf_care_batches_view_allows (self, "add-member"));
  gtk_widget_set_visible (self->close_button, _xf_care_batches_view_allows (self, "close"));
  gtk_widget_set_visible (self->cancel_button, _xf_care_batches_view_allows (self, "cancel"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.invite", _xf_care_batches_view_allows (self, "invite"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.add-member", _xf_care_batches_view_allows (self, "add-member"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.close", _xf_care_batches_view_allows (self, "close"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.cancel", _xf_care_batches_view_allows (self, "cancel"));
  gtk_widget_set_visible (self->actions_box, _xf_care_batches_view_allows (self, "invite") || _xf_care_batches_view_allows (self, "edit") ||
                                             _xf_care_batches_view_allows (self, "add-member") ||
                                             _xf_care_batches_view_allows (self, "close") || _xf_care_batches_view_allows (self, "cancel"));
  _xf_care_batches_view_fill_members (self);
}

static void
load_batch (XfCareBatchesView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->batch, xf_care_batch_free);
  if (self->batch_id > 0)
    {
      self->batch = xf_care_get_batch (self->care, self->batch_id, &error);
      if (self->batch == NULL)
        {
          g_debug ("Could not read batch %lld: %s", (long long) self->batch_id, error->message);
          self->batch_id = 0;
        }
    }
  fill_details (self);
}

static void
sync_panes (XfCareBatchesView *self,
            gboolean           go_there)
{
  xf_leaflet_sync_details (self->leaflet, self->list_pane, self->separator, self->details_pane,
                           self->batch != NULL, go_there);
  gtk_widget_set_hexpand (self->list_pane, self->batch == NULL);
  gtk_widget_set_visible (self->details_back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
select_row_of (XfCareBatchesView *self)
{
  self->selecting = TRUE;
  gtk_list_box_unselect_all (self->batch_list);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->batch_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      gint64 *id = g_object_get_data (G_OBJECT (row), "xf-batch-id");

      if (id != NULL && *id == self->batch_id && self->batch_id > 0)
        gtk_list_box_select_row (self->batch_list, GTK_LIST_BOX_ROW (row));
    }
  self->selecting = FALSE;
}

void
xf_care_batches_view_show_batch (XfCareBatchesView *self,
                                 gint64             batch_id)
{
  g_return_if_fail (XF_IS_CARE_BATCHES_VIEW (self));

  if (self->reload.stale)
    load_list (self);
  self->batch_id = MAX (batch_id, 0);
  show_error (self, NULL);
  load_batch (self);
  select_row_of (self);
  sync_panes (self, self->batch != NULL);
}

/*
 * The list
 */

static int
selected_year (XfCareBatchesView *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return 0;
  return self->this_year + 2 - (int) selected;
}

static const char *
selected_programme (XfCareBatchesView *self)
{
  guint selected = gtk_drop_down_get_selected (self->programme_dropdown);

  if (self->programmes == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->programmes->len)
    return NULL;
  return ((XfCareProgramme *) g_ptr_array_index (self->programmes, selected - 1))->code;
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  XfCareBatchesView *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *haystack = g_object_get_data (G_OBJECT (row), "xf-search");
  g_autofree char *needle = g_utf8_casefold (text, -1);

  return *text == '\0' || (haystack != NULL && strstr (haystack, needle) != NULL);
}

static GtkWidget *
batch_row_new (const XfCareBatch *batch)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (batch->title);
  GtkWidget *subtitle;
  GtkWidget *places;
  GtkWidget *counts;
  g_autofree char *subtitle_text = NULL;
  g_autofree char *places_str = places_text (batch);
  g_autofree char *counts_str = counts_text (batch);
  g_autofree char *search = NULL;
  gint64 *id = g_new (gint64, 1);

  /* Translators: a batch's programme, year and status */
  subtitle_text = g_strdup_printf (_("%s · %d · %s"),
                                   batch->programme_name != NULL ? batch->programme_name : batch->programme_code,
                                   batch->year, xf_batch_status_label (batch->status));
  subtitle = gtk_label_new (subtitle_text);
  places = gtk_label_new (places_str);
  counts = gtk_label_new (counts_str);
  gtk_widget_set_name (row, "batch-row");
  for (GtkWidget *label = title; label != NULL;
       label = label == title ? subtitle : label == subtitle ? places : label == places ? counts : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (places, "caption");
  gtk_widget_add_css_class (counts, "dim-label");
  gtk_widget_add_css_class (counts, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  *id = batch->id;
  g_object_set_data_full (G_OBJECT (row), "xf-batch-id", id, g_free);
  search = g_strjoin (" ", batch->title, batch->programme_name != NULL ? batch->programme_name : "",
                      batch->place != NULL ? batch->place : "", NULL);
  g_object_set_data_full (G_OBJECT (row), "xf-search", g_utf8_casefold (search, -1), g_free);
  return row;
}

/* This year, the default, counts as no filter: nothing this year is "No
 * batches", with New at hand. */
static gboolean
is_filtered (XfCareBatchesView *self)
{
  int year = selected_year (self);

  return *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0' ||
         (year != 0 && year != self->this_year) || selected_programme (self) != NULL;
}

static void
update_list_state (XfCareBatchesView *self)
{
  gboolean any = FALSE;

  if (self->batches == NULL)
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->batch_list)); row != NULL && !any;
       row = gtk_widget_get_next_sibling (row))
    any = gtk_widget_get_child_visible (row);
  if (any)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    gtk_stack_set_visible_child_name (self->list_stack, is_filtered (self) ? "no-matches" : "empty");
}

static void
load_programmes (XfCareBatchesView *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  /* This year's batches first; "All years" is there to choose. Read
   * again, the list keeps the year chosen. */
  guint year = gtk_drop_down_get_model (self->year_dropdown) != NULL
               ? gtk_drop_down_get_selected (self->year_dropdown) : GTK_INVALID_LIST_POSITION;

  if (year == GTK_INVALID_LIST_POSITION)
    year = 2;
  g_clear_pointer (&self->programmes, g_ptr_array_unref);
  self->programmes = xf_care_list_programmes (self->care, TRUE, &error);
  if (self->programmes == NULL)
    g_debug ("Could not read the programmes: %s", error->message);
  gtk_string_list_append (model, _("All programmes"));
  for (guint i = 0; self->programmes != NULL && i < self->programmes->len; i++)
    gtk_string_list_append (model, xf_care_programme_get_name (g_ptr_array_index (self->programmes, i)));

  gtk_string_list_append (years, _("All years"));
  for (int year = self->this_year + 1; year >= self->this_year - N_PAST_YEARS; year--)
    {
      g_autofree char *text = g_strdup_printf ("%d", year);

      gtk_string_list_append (years, text);
    }
  g_signal_handlers_block_matched (self->programme_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_block_matched (self->year_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->programme_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (years));
  gtk_drop_down_set_selected (self->programme_dropdown, 0);
  gtk_drop_down_set_selected (self->year_dropdown, year);
  g_signal_handlers_unblock_matched (self->programme_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_unblock_matched (self->year_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
load_list (XfCareBatchesView *self)
{
  g_autoptr(GError) error = NULL;

  xf_reload_queue_reloading (&self->reload);
  if (self->care == NULL)
    return;
  if (self->programmes == NULL)
    load_programmes (self);
  g_clear_pointer (&self->batches, g_ptr_array_unref);
  xf_care_list_box_clear (self->batch_list);
  self->batches = xf_care_list_batches (self->care, selected_programme (self), selected_year (self), &error);
  if (self->batches == NULL)
    {
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
    }
  else
    {
      for (guint i = 0; i < self->batches->len; i++)
        gtk_list_box_append (self->batch_list, batch_row_new (g_ptr_array_index (self->batches, i)));
      update_list_state (self);
    }
  load_batch (self);
  select_row_of (self);
  sync_panes (self, FALSE);
}

static void
reload_cb (GtkWidget *widget)
{
  load_list (XF_CARE_BATCHES_VIEW (widget));
}

void
xf_care_batches_view_refresh (XfCareBatchesView *self)
{
  g_return_if_fail (XF_IS_CARE_BATCHES_VIEW (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->reload.stale = TRUE;
      return;
    }
  g_clear_pointer (&self->programmes, g_ptr_array_unref);
  load_list (self);
}

static void
search_changed_cb (XfCareBatchesView *self)
{
  gtk_list_box_invalidate_filter (self->batch_list);
  update_list_state (self);
}

static void
filter_changed_cb (XfCareBatchesView *self)
{
  load_list (self);
}

static void
batch_selected_cb (XfCareBatchesView *self,
                   GtkListBoxRow     *row)
{
  gint64 *id;

  if (self->selecting || row == NULL)
    return;
  id = g_object_get_data (G_OBJECT (row), "xf-batch-id");
  xf_care_batches_view_show_batch (self, id != NULL ? *id : 0);
}

/*
 * The batch's steps
 */

static void
invite_confirmed_cb (XfCareBatchesView *self)
{
  g_autoptr(GError) error = NULL;
  int count = self->batch != NULL ? self->batch->n_listed : 0;
  g_autofree char *text = NULL;

  if (!_xf_care_batches_view_check_write (self, xf_care_send_invitations (self->care, self->batch_id, &error), error))
    return;
  text = g_strdup_printf (ngettext ("%d invitation sent", "%d invitations sent", count), count);
  _xf_care_batches_view_written (self, text);
}

static void
invite_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfCareBatchesView *self = XF_CARE_BATCHES_VIEW (widget);
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  int count;

  if (self->batch == NULL)
    return;
  count = self->batch->n_listed;
  heading = g_strdup_printf (ngettext ("Send %d Invitation?", "Send %d Invitations?", count), count);
  body = g_strdup_printf (ngettext ("The %d person on the list is invited today; answers are recorded as they come. "
                                    "People added later are invited at once.",
                                    "The %d people on the list are invited today; answers are recorded as they come. "
                                    "People added later are invited at once.", count), count);
  dialog = adw_message_dialog_new (xf_widget_get_window (widget), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "send", _("_Send"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "send", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "send");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response::send", G_CALLBACK (invite_confirmed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
batch_saved_cb (XfCareBatchesView *self)
{
  _xf_care_batches_view_written (self, _("Batch saved"));
}

static void
member_added_cb (XfCareBatchesView *self)
{
  _xf_care_batches_view_written (self, _("Member added"));
}

/* A dialog about the batch shown: @done (swapped) on its @signal. */
static void
present_dialog (XfCareBatchesView *self,
                GtkWidget         *dialog,
                const char        *signal,
                GCallback          done)
{
  g_signal_connect_object (dialog, signal, done, self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfCareBatchesView *self = XF_CARE_BATCHES_VIEW (widget);

  if (self->batch != NULL)
    present_dialog (self, xf_care_batch_dialog_new_edit (xf_widget_get_window (widget), self->care, self->batch),
                    "created", G_CALLBACK (batch_saved_cb));
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XfCareBatchesView *self = XF_CARE_BATCHES_VIEW (widget);

  if (self->batch != NULL)
    present_dialog (self, xf_care_member_dialog_new (xf_widget_get_window (widget), self->care, self->batch),
                    "added", G_CALLBACK (member_added_cb));
}

static void
close_confirmed_cb (XfCareBatchesView *self)
{
  g_autoptr(GError) error = NULL;

  if (!_xf_care_batches_view_check_write (self, xf_care_close_batch (self->care, self->batch_id, &error), error))
    return;
  _xf_care_batches_view_written (self, _("Batch closed"));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  XfCareBatchesView *self = XF_CARE_BATCHES_VIEW (widget);
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (self->batch == NULL)
    return;
  if (self->batch->n_invited > 0)
    body = g_strdup_printf (ngettext ("%d invited member never answered and is recorded as declined. "
                                      "A closed batch cannot change.",
                                      "%d invited members never answered and are recorded as declined. "
                                      "A closed batch cannot change.", self->batch->n_invited),
                            self->batch->n_invited);
  else
    body = g_strdup (_("A closed batch cannot change."));
  dialog = adw_message_dialog_new (xf_widget_get_window (widget), _("Close Batch?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "close-batch", _("C_lose"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close-batch", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response::close-batch", G_CALLBACK (close_confirmed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_reason_cb (gpointer    user_data,
                  const char *reason)
{
  XfCareBatchesView *self = XF_CARE_BATCHES_VIEW (user_data);
  g_autoptr(GError) error = NULL;

  if (!_xf_care_batches_view_check_write (self, xf_care_cancel_batch (self->care, self->batch_id, reason, &error), error))
    return;
  _xf_care_batches_view_written (self, _("Batch cancelled"));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfCareBatchesView *self = XF_CARE_BATCHES_VIEW (widget);

  if (self->batch == NULL)
    return;
  xf_care_ask_reason (widget, _("Cancel Batch?"),
                      _("Its places go back to the year's quota. Say why it is cancelled."),
                      _("C_ancel Batch"), TRUE, TRUE, cancel_reason_cb, self);
}

/*
 * New batches
 */

static void
batch_created_cb (XfCareBatchesView *self,
                  gint64             batch_id)
{
  xf_care_toast (GTK_WIDGET (self), _("Batch created"));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->batch_id = batch_id;
  load_list (self);
  xf_care_batches_view_show_batch (self, batch_id);
}

GtkWidget *
xf_care_batches_view_new_batch (XfCareBatchesView *self,
                                const char        *programme_code)
{
  GtkWidget *dialog;

  g_return_val_if_fail (XF_IS_CARE_BATCHES_VIEW (self), NULL);

  if (!self->may_manage)
    return NULL;
  dialog = xf_care_batch_dialog_new (xf_widget_get_window (GTK_WIDGET (self)), self->care, programme_code);
  g_signal_connect_object (dialog, "created", G_CALLBACK (batch_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/*
 * GObject
 */

static void
folded_cb (XfCareBatchesView *self)
{
  xf_leaflet_keep_details (self->leaflet, self->details_pane);
  gtk_widget_set_visible (self->details_back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
pane_cb (XfCareBatchesView *self)
{
  if (xf_leaflet_swiped_back (self->leaflet, self->list_pane) && self->batch_id > 0)
    xf_care_batches_view_show_batch (self, 0);
}

static void
xf_care_batches_view_map (GtkWidget *widget)
{
  XfCareBatchesView *self = XF_CARE_BATCHES_VIEW (widget);

  GTK_WIDGET_CLASS (xf_care_batches_view_parent_class)->map (widget);
  xf_reload_queue_mapped (&self->reload);
}

static void
xf_care_batches_view_dispose (GObject *object)
{
  XfCareBatchesView *self = XF_CARE_BATCHES_VIEW (object);

  xf_reload_queue_clear (&self->reload);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_CARE_BATCHES_VIEW);
  g_clear_pointer (&self->batches, g_ptr_array_unref);
  g_clear_pointer (&self->programmes, g_ptr_array_unref);
  g_clear_pointer (&self->batch, xf_care_batch_free);
  g_clear_pointer (&self->allowed, g_strfreev);
  g_clear_pointer (&self->facts_rows, g_ptr_array_unref);
  g_clear_pointer (&self->refusals, g_hash_table_unref);
  g_clear_object (&self->care);

  G_OBJECT_CLASS (xf_care_batches_view_parent_class)->dispose (object);
}

static void
xf_care_batches_view_class_init (XfCareBatchesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_care_batches_view_dispose;
  widget_class->map = xf_care_batches_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/care/xf-care-batches-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, separator);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, details_pane);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, programme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, batch_list);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, empty_status);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, error_status);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, details_back_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, title_label);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, status_label);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, places_label);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, places_bar);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, counts_label);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, invite_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, edit_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, add_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, close_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, facts_group);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, member_search);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, members_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, batch_selected_cb);
  _xf_care_batches_view_members_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "batch.invite", NULL, invite_action);
  gtk_widget_class_install_action (widget_class, "batch.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "batch.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "batch.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "batch.cancel", NULL, cancel_action);
}

static void
xf_care_batches_view_init (XfCareBatchesView *self)
{
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));
  xf_care_wrap_children (self->actions_box);
  xf_clock_today (&today);
  self->this_year = g_date_get_year (&today);
  self->facts_rows = g_ptr_array_new ();
  self->refusals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  xf_reload_queue_init (&self->reload, GTK_WIDGET (self), reload_cb);
  gtk_list_box_set_filter_func (self->batch_list, filter_func, self, NULL);
  xf_leaflet_connect_panes (self->leaflet, self, G_CALLBACK (folded_cb), G_CALLBACK (pane_cb));
  fill_details (self);
  sync_panes (self, FALSE);
}

static void
care_changed_cb (XfCareBatchesView *self)
{
  xf_reload_queue_changed (&self->reload);
}

GtkWidget *
xf_care_batches_view_new (XfCare *care)
{
  XfCareBatchesView *self;
  XfAccount *actor;

  g_return_val_if_fail (XF_IS_CARE (care), NULL);

  self = g_object_new (XF_TYPE_CARE_BATCHES_VIEW, NULL);
  self->care = g_object_ref (care);
  actor = xf_care_get_actor (care);
  self->may_manage = actor != NULL && xf_permission_allows_somewhere (actor, XF_OP_CARE_MANAGE);
  gtk_widget_set_visible (self->empty_new_button, self->may_manage);
  g_signal_connect_object (care, "changed", G_CALLBACK (care_changed_cb), self, G_CONNECT_SWAPPED);
  self->reload.stale = TRUE;
  return GTK_WIDGET (self);
}

/*
 * Public accessors
 */

gint64
xf_care_batches_view_get_batch_id (XfCareBatchesView *self)
{
  g_return_val_if_fail (XF_IS_CARE_BATCHES_VIEW (self), 0);
  return self->batch_id;
}

const XfCareBatch *
xf_care_batches_view_get_batch (XfCareBatchesView *self)
{
  g_return_val_if_fail (XF_IS_CARE_BATCHES_VIEW (self), NULL);
  return self->batch;
}

GPtrArray *
xf_care_batches_view_get_batches (XfCareBatchesView *self)
{
  g_return_val_if_fail (XF_IS_CARE_BATCHES_VIEW (self), NULL);

  if (self->batches == NULL || self->reload.stale)
    load_list (self);
  return self->batches;
}

void
xf_care_batches_view_focus_search (XfCareBatchesView *self)
{
  g_return_if_fail (XF_IS_CARE_BATCHES_VIEW (self));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
xf_care_batches_view_back (XfCareBatchesView *self)
{
  g_return_val_if_fail (XF_IS_CARE_BATCHES_VIEW (self), FALSE);

  if (self->batch_id == 0)
    return FALSE;
  xf_care_batches_view_show_batch (self, 0);
  return TRUE;
}
