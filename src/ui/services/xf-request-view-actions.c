/* xf-request-view-actions.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-request-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-assign-dialog.h"
#include "xf-feedback-dialog.h"
#include "xf-reason-dialog.h"
#include "xf-request-view-private.h"
#include "xf-ui-util.h"

/*
 * Each step asks core; core decides whether it may be taken. A dialog
 * remembers the request it was opened for, so an answer given after the
 * view moved on still goes to that request.
 */

static gint64
dialog_request (gpointer dialog)
{
  const gint64 *id = g_object_get_data (G_OBJECT (dialog), "request-id");

  return id != NULL ? *id : 0;
}

static void
remember_request (gpointer dialog,
                  gint64   request_id)
{
  gint64 *id = g_new (gint64, 1);

  *id = request_id;
  g_object_set_data_full (G_OBJECT (dialog), "request-id", id, g_free);
}

/* Shows what core said: a toast on success, the refusal otherwise. */
static void
after_step (XfRequestView *self,
            gboolean       ok,
            const GError  *error,
            const char    *done_text)
{
  if (ok)
    _xf_request_view_done (self, done_text);
  else
    _xf_request_view_show_error (self, error);
}

/*
 * Claim (抢单) for a pioneer with an offer of the item
 */

static void
claim_confirmed_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    XfRequestView    *self)
{
  AdwComboRow *row = g_object_get_data (G_OBJECT (dialog), "pioneer-row");
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "pioneer-ids");
  GPtrArray *names = g_object_get_data (G_OBJECT (dialog), "pioneer-names");
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  if (selected >= ids->len)
    return;
  ok = xf_services_claim (self->services, dialog_request (dialog),
                          g_array_index (ids, gint64, selected), &error);
  /* Translators: a toast after a claim (抢单) won for a pioneer. */
  text = g_strdup_printf (_("Claimed for %s"), (const char *) g_ptr_array_index (names, selected));
  after_step (self, ok, error, text);
}

/* "王建国 · 2 of 5 this month" */
static char *
offer_label (const XfServiceOffer *offer)
{
  if (!offer->available)
    /* Translators: a pioneer in the claim chooser whose offer is paused. */
    return g_strdup_printf (_("%s · not available"), offer->pioneer_name);
  /* Translators: a pioneer in the claim chooser: name, requests this month, capacity. */
  return g_strdup_printf (_("%s · %d of %d this month"), offer->pioneer_name,
                          offer->load_this_month, offer->capacity_per_month);
}

static void
claim_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  XfRequestView *self = XF_REQUEST_VIEW (widget);
  g_autoptr(GPtrArray) offers = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *dialog, *list, *row;

  if (self->request == NULL)
    return;
  _xf_request_view_clear_error (self);
  offers = xf_services_list_offers (self->services, 0, self->request->item_code, &error);
  if (offers == NULL)
    {
      g_array_unref (ids);
      g_ptr_array_unref (names);
      _xf_request_view_show_error (self, error);
      return;
    }
  for (guint i = 0; i < offers->len; i++)
    {
      const XfServiceOffer *offer = g_ptr_array_index (offers, i);
      g_autofree char *label = offer_label (offer);

      gtk_string_list_append (labels, label);
      g_array_append_val (ids, offer->pioneer_id);
      g_ptr_array_add (names, g_strdup (offer->pioneer_name));
    }

  dialog = adw_message_dialog_new (xf_widget_get_window (widget), _("Claim for a pioneer?"),
                                   offers->len > 0
                                   ? _("The first valid claim wins. Choose the pioneer who takes "
                                       "the request on: one with an available offer of this "
                                       "service and room this month.")
                                   : _("No pioneer offers this service yet."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  row = adw_combo_row_new ();
  gtk_widget_set_name (row, "pioneer");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Pioneer"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_widget_set_visible (list, offers->len > 0);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", _("C_laim"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "confirm", offers->len > 0);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           offers->len > 0 ? "confirm" : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  remember_request (dialog, self->request_id);
  g_object_set_data (G_OBJECT (dialog), "pioneer-row", row);
  g_object_set_data_full (G_OBJECT (dialog), "pioneer-ids", ids, (GDestroyNotify) g_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "pioneer-names", names, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response::confirm", G_CALLBACK (claim_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * Assign from the suggestions (the dispatcher)
 */

static void
assigned_cb (XfAssignDialog *dialog,
             gint64          pioneer_id,
             const char     *pioneer_name,
             XfRequestView  *self)
{
  /* Translators: a toast after the dispatcher assigned a request. */
  g_autofree char *text = g_strdup_printf (_("Assigned to %s"), pioneer_name);

  _xf_request_view_done (self, text);
}

typedef GtkWidget *(*RequestDialogNew) (GtkWindow  *parent,
                                        XfServices *services,
                                        gint64      request_id);

/* Opens a dialog on the request shown; @callback answers its @signal. */
static void
open_dialog (GtkWidget        *widget,
             RequestDialogNew  dialog_new,
             const char       *signal,
             GCallback         callback)
{
  XfRequestView *self = XF_REQUEST_VIEW (widget);
  GtkWidget *dialog;

  if (self->request == NULL)
    return;
  _xf_request_view_clear_error (self);
  dialog = dialog_new (xf_widget_get_window (widget), self->services, self->request_id);
  g_signal_connect_object (dialog, signal, callback, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  open_dialog (widget, xf_assign_dialog_new, "assigned", G_CALLBACK (assigned_cb));
}

/*
 * Steps without a text: accept a booking, start
 */

typedef gboolean (*PlainStep) (XfServices  *services,
                               gint64       request_id,
                               GError     **error);

static const struct
{
  const char *action;
  PlainStep   step;
  const char *done_text;        /* N_() */
} plain_steps[] = {
  { "request.accept", xf_services_accept_booking, N_("Booking accepted") },
  { "request.start", xf_services_start, N_("Work started") },
};

static void
plain_step_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  XfRequestView *self = XF_REQUEST_VIEW (widget);

  if (self->request == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (plain_steps); i++)
    if (g_strcmp0 (plain_steps[i].action, action_name) == 0)
      {
        g_autoptr(GError) error = NULL;
        gboolean ok = plain_steps[i].step (self->services, self->request_id, &error);

        after_step (self, ok, error, _(plain_steps[i].done_text));
        return;
      }
}

/*
 * Steps with a text: decline, mark done, cancel, close the follow-up
 */

typedef gboolean (*TextStep) (XfServices  *services,
                              gint64       request_id,
                              const char  *text,
                              GError     **error);

static void
text_confirmed_cb (XfReasonDialog *dialog,
                   const char     *response,
                   XfRequestView  *self)
{
  TextStep step = g_object_get_data (G_OBJECT (dialog), "step");
  const char *done_text = g_object_get_data (G_OBJECT (dialog), "done-text");
  g_autofree char *text = xf_reason_dialog_dup_reason (dialog);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = step (self->services, dialog_request (dialog), text, &error);
  after_step (self, ok, error, done_text);
}

static void
ask_text (XfRequestView *self,
          const char    *heading,
          const char    *body,
          const char    *confirm_label,
          gboolean       destructive,
          TextStep       step,
          const char    *done_text)
{
  GtkWidget *dialog;

  if (self->request == NULL)
    return;
  _xf_request_view_clear_error (self);
  dialog = xf_reason_dialog_new (xf_widget_get_window (GTK_WIDGET (self)), heading, body,
                                 confirm_label, destructive);
  remember_request (dialog, self->request_id);
  g_object_set_data (G_OBJECT (dialog), "step", step);
  g_object_set_data_full (G_OBJECT (dialog), "done-text", g_strdup (done_text), g_free);
  g_signal_connect_object (dialog, "response::confirm", G_CALLBACK (text_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const struct
{
  const char *action;
  const char *heading;          /* all N_() */
  const char *body;
  const char *confirm_label;
  gboolean    destructive;
  TextStep    step;
  const char *done_text;
} text_steps[] = {
  { "request.decline", N_("Decline the booking?"),
    N_("The request opens for any pioneer to claim. Say why the booked pioneer cannot "
       "take it on."),
    N_("_Decline booking"), FALSE, xf_services_decline_booking,
    N_("Booking declined: the request is open to any pioneer") },
  { "request.complete", N_("Mark the request done?"),
    N_("Note what was done for the requester. The requester may then rate the help."),
    N_("_Mark done"), FALSE, xf_services_complete, N_("Marked done") },
  { "request.cancel", N_("Cancel the request?"),
    N_("Nobody will work on it any more, and this cannot be undone. Say why."),
    N_("C_ancel request"), TRUE, xf_services_cancel, N_("Request cancelled") },
  { "request.close-follow-up", N_("Close the follow-up?"),
    N_("Note how the complaint was followed up with the requester."),
    N_("_Close follow-up"), FALSE, xf_services_close_follow_up, N_("Follow-up closed") },
};

static void
text_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_steps); i++)
    if (g_strcmp0 (text_steps[i].action, action_name) == 0)
      {
        ask_text (XF_REQUEST_VIEW (widget), _(text_steps[i].heading), _(text_steps[i].body),
                  _(text_steps[i].confirm_label), text_steps[i].destructive, text_steps[i].step,
                  _(text_steps[i].done_text));
        return;
      }
}

/*
 * Feedback (点赞/评价)
 */

static void
rated_cb (XfFeedbackDialog *dialog,
          XfRequestView    *self)
{
  _xf_request_view_done (self, _("Feedback recorded"));
}

static void
rate_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  open_dialog (widget, xf_feedback_dialog_new, "rated", G_CALLBACK (rated_cb));
}

void
_xf_request_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "request.claim", NULL, claim_action);
  gtk_widget_class_install_action (widget_class, "request.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "request.rate", NULL, rate_action);
  for (guint i = 0; i < G_N_ELEMENTS (plain_steps); i++)
    gtk_widget_class_install_action (widget_class, plain_steps[i].action, NULL, plain_step_action);
  for (guint i = 0; i < G_N_ELEMENTS (text_steps); i++)
    gtk_widget_class_install_action (widget_class, text_steps[i].action, NULL, text_step_action);
}
