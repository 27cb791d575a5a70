/* xf-objection-view-actions.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-objection-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-accounts.h"
#include "xf-clock.h"
#include "xf-date-button.h"
#include "xf-objection-view-private.h"
#include "xf-reason-dialog.h"
#include "xf-stored-file.h"
#include "xf-ui-util.h"

/*
 * The handler: accounts that may vet nominations at the candidate's
 * place. Listing accounts needs XF_OP_ACCOUNT_MANAGE; without it the
 * actor can take the objection on (or leave it) but not hand it on.
 */

static gboolean
may_vet_there (XfObjectionView *self,
               XfAccount       *account)
{
  XfRegistry *registry = xf_evaluation_get_registry (xf_notice_board_get_evaluation (self->board));
  const char *code = NULL;
  const char * const *ancestors = NULL;
  XfTarget target = { NULL, NULL, NULL };

  if (xf_account_get_disabled (account) || self->pioneer == NULL)
    return FALSE;
  target.region_code = xf_pioneer_get_region_code (self->pioneer);
  if (xf_registry_get_organisation_place (registry, xf_pioneer_get_organisation_id (self->pioneer),
                                          &code, &ancestors))
    {
      target.organisation_code = code;
      target.organisation_ancestors = ancestors;
    }
  return xf_permission_allows (account, XF_OP_NOMINATION_VET, &target);
}

static void
add_handler (XfObjectionView *self,
             GtkStringList   *names,
             gint64           id,
             const char      *name,
             const char      *login)
{
  g_autofree char *label = NULL;

  for (guint i = 0; i < self->handler_ids->len; i++)
    if (g_array_index (self->handler_ids, gint64, i) == id)
      return;
  /* Translators: a handler's account: "王芳 (wangfang)" */
  label = login != NULL ? g_strdup_printf (_("%s (%s)"), name != NULL && *name != '\0' ? name : login,
                                           login)
                        : g_strdup (name);
  gtk_string_list_append (names, label);
  g_array_append_val (self->handler_ids, id);
}

void
_xf_objection_view_fill_handlers (XfObjectionView *self)
{
  XfEvaluation *evaluation = xf_notice_board_get_evaluation (self->board);
  XfRegistry *registry = xf_evaluation_get_registry (evaluation);
  XfAccount *actor = xf_evaluation_get_actor (evaluation);
  g_autoptr(XfAccounts) accounts = xf_accounts_new (xf_registry_get_store (registry));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) all = NULL;
  const XfObjection *objection = self->objection;
  guint selected = 0;

  g_array_set_size (self->handler_ids, 0);
  add_handler (self, names, 0, _("Not assigned"), NULL);
  all = xf_accounts_list (accounts, actor, NULL);
  if (all == NULL && actor != NULL)
    {
      all = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (all, g_object_ref (actor));
    }
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      XfAccount *account = g_ptr_array_index (all, i);

      if (may_vet_there (self, account))
        add_handler (self, names, xf_account_get_id (account),
                     xf_account_get_display_name (account), xf_account_get_login (account));
    }
  /* One assigned before losing the right, or one the actor cannot list. */
  if (objection->handler_account_id != 0)
    add_handler (self, names, objection->handler_account_id, objection->handler_name, NULL);
  for (guint i = 0; i < self->handler_ids->len; i++)
    if (g_array_index (self->handler_ids, gint64, i) == objection->handler_account_id)
      selected = i;

  self->filling = TRUE;
  adw_combo_row_set_model (self->handler_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->handler_row, selected);
  self->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->handler_row),
                            self->may_handle && g_strcmp0 (objection->status, XF_OBJECTION_OPEN) == 0);
}

void
_xf_objection_view_handler_changed (XfObjectionView *self)
{
  guint selected = adw_combo_row_get_selected (self->handler_row);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->objection == NULL || selected >= self->handler_ids->len)
    return;
  id = g_array_index (self->handler_ids, gint64, selected);
  if (id == self->objection->handler_account_id)
    return;
  _xf_objection_view_clear_error (self);
  if (!xf_notice_board_assign (self->board, self->objection_id, id, &error))
    {
      /* Show the handler as stored, then why the change was refused. */
      xf_objection_view_refresh (self);
      _xf_objection_view_show_error (self, error);
      return;
    }
  _xf_objection_view_show_toast (self, id != 0 ? _("Handler assigned") : _("Handler cleared"));
}

/*
 * Notes
 */

void
_xf_objection_view_note_applied (XfObjectionView *self)
{
  g_autofree char *body = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  g_autoptr(GError) error = NULL;

  if (self->objection == NULL)
    return;
  _xf_objection_view_clear_error (self);
  if (!xf_notice_board_add_note (self->board, self->objection_id, body, &error))
    {
      _xf_objection_view_show_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  _xf_objection_view_show_toast (self, _("Note added"));
}

/*
 * The outcome: upheld (back to committee, or ended) with a reason, or
 * dismissed with a reason and the reply to the objector.
 */

static void
decide (XfObjectionView *self,
        const char      *outcome,
        const char      *reason,
        const char      *reply)
{
  g_autoptr(GError) error = NULL;

  _xf_objection_view_clear_error (self);
  if (!xf_notice_board_decide (self->board, self->objection_id, outcome, reason, reply, &error))
    {
      _xf_objection_view_show_error (self, error);
      return;
    }
  _xf_objection_view_show_toast (self, g_strcmp0 (outcome, XF_OBJECTION_DISMISSED) == 0
                                       ? _("Objection dismissed") : _("Objection upheld"));
}

static void
upheld_confirmed_cb (XfReasonDialog  *dialog,
                     const char      *response,
                     XfObjectionView *self)
{
  const char *outcome = g_object_get_data (G_OBJECT (dialog), "outcome");
  g_autofree char *reason = xf_reason_dialog_dup_reason (dialog);

  decide (self, outcome, reason, NULL);
}

static GtkTextView *
text_field (GtkWidget  *box,
            const char *title)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (title);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *text_view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), text_view);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text_view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 80);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), scrolled);
  return GTK_TEXT_VIEW (text_view);
}

/* Dismissing is confirmed only with both a reason and a reply. */
static void
dismiss_texts_changed_cb (AdwMessageDialog *dialog)
{
  g_autofree char *reason = xf_text_view_dup_text (g_object_get_data (G_OBJECT (dialog), "reason-view"));
  g_autofree char *reply = xf_text_view_dup_text (g_object_get_data (G_OBJECT (dialog), "reply-view"));

  adw_message_dialog_set_response_enabled (dialog, "confirm", *reason != '\0' && *reply != '\0');
}

static void
dismiss_confirmed_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      XfObjectionView  *self)
{
  g_autofree char *reason = xf_text_view_dup_text (g_object_get_data (G_OBJECT (dialog), "reason-view"));
  g_autofree char *reply = xf_text_view_dup_text (g_object_get_data (G_OBJECT (dialog), "reply-view"));

  decide (self, XF_OBJECTION_DISMISSED, reason, reply);
}

static GtkWidget *
dismiss_dialog_new (XfObjectionView *self)
{
  GtkWidget *dialog = adw_message_dialog_new (xf_widget_get_window (GTK_WIDGET (self)),
                                              _("Dismiss the objection?"),
                                              _("The candidate stays on the notice. Give the "
                                                "reason on record and the reply the objector "
                                                "receives."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkTextView *reason = text_field (box, _("_Reason"));
  GtkTextView *reply = text_field (box, _("Re_ply to the objector"));

  gtk_widget_set_name (GTK_WIDGET (reason), "reason");
  gtk_widget_set_name (GTK_WIDGET (reply), "reply");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", _("_Dismiss"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "confirm", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "reason-view", reason);
  g_object_set_data (G_OBJECT (dialog), "reply-view", reply);
  g_signal_connect_object (gtk_text_view_get_buffer (reason), "changed",
                           G_CALLBACK (dismiss_texts_changed_cb), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (reply), "changed",
                           G_CALLBACK (dismiss_texts_changed_cb), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response::confirm", G_CALLBACK (dismiss_confirmed_cb), self, 0);
  gtk_window_set_focus (GTK_WINDOW (dialog), GTK_WIDGET (reason));
  return dialog;
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XfObjectionView *self = XF_OBJECTION_VIEW (widget);
  const char *outcome = g_variant_get_string (param, NULL);
  GtkWindow *window = xf_widget_get_window (widget);
  GtkWidget *dialog;

  if (self->objection == NULL)
    return;
  if (g_strcmp0 (outcome, XF_OBJECTION_DISMISSED) == 0)
    dialog = dismiss_dialog_new (self);
  else if (g_strcmp0 (outcome, XF_OBJECTION_UPHELD_RETURN) == 0)
    dialog = xf_reason_dialog_new (window, _("Uphold the objection?"),
                                   _("The nomination goes back to the committee, and every other "
                                     "open objection about the candidate closes with this one. "
                                     "Say why."),
                                   _("_Uphold"), FALSE);
  else if (g_strcmp0 (outcome, XF_OBJECTION_UPHELD_END) == 0)
    dialog = xf_reason_dialog_new (window, _("Uphold the objection and end the nomination?"),
                                   _("The candidate is not selected and the nomination ends; every "
                                     "other open objection about the candidate closes with this "
                                     "one. Say why."),
                                   _("_End nomination"), TRUE);
  else
    return;

  if (XF_IS_REASON_DIALOG (dialog))
    {
      g_object_set_data_full (G_OBJECT (dialog), "outcome", g_strdup (outcome), g_free);
      g_signal_connect_object (dialog, "response::confirm", G_CALLBACK (upheld_confirmed_cb), self, 0);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * The reply sent
 */

static void
reply_confirmed_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    XfObjectionView  *self)
{
  AdwComboRow *channel_row = g_object_get_data (G_OBJECT (dialog), "channel-row");
  XfDateButton *date_button = g_object_get_data (G_OBJECT (dialog), "date-button");
  const char * const *channels = xf_objection_desk_channels ();
  guint channel = adw_combo_row_get_selected (channel_row);
  g_autoptr(GError) error = NULL;

  if (channel >= g_strv_length ((char **) channels))
    return;
  _xf_objection_view_clear_error (self);
  if (!xf_notice_board_record_reply (self->board, self->objection_id, channels[channel],
                                     xf_date_button_get_date (date_button), &error))
    {
      _xf_objection_view_show_error (self, error);
      return;
    }
  _xf_objection_view_show_toast (self, _("Reply recorded"));
}

static void
record_reply_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  XfObjectionView *self = XF_OBJECTION_VIEW (widget);
  const char * const *channels = xf_objection_desk_channels ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *today = xf_clock_today_text ();
  GtkWidget *dialog, *list, *channel_row, *date_row, *date_button;
  guint selected = 0;

  if (self->objection == NULL)
    return;
  for (guint i = 0; channels[i] != NULL; i++)
    {
      gtk_string_list_append (labels, xf_objection_channel_label (channels[i]));
      /* The objector is most likely answered the way they came. */
      if (g_strcmp0 (channels[i], self->objection->channel) == 0)
        selected = i;
    }

  dialog = adw_message_dialog_new (xf_widget_get_window (widget), _("Record the reply sent?"),
                                   _("How and when the reply went to the objector. This is "
                                     "recorded once."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  channel_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (channel_row), _("Channel"));
  adw_combo_row_set_model (ADW_COMBO_ROW (channel_row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (channel_row), selected);
  gtk_list_box_append (GTK_LIST_BOX (list), channel_row);
  date_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (date_row), _("Sent on"));
  date_button = xf_date_button_new (NULL);
  gtk_widget_set_valign (date_button, GTK_ALIGN_CENTER);
  xf_date_button_set_date (XF_DATE_BUTTON (date_button), today);
  adw_action_row_add_suffix (ADW_ACTION_ROW (date_row), date_button);
  gtk_list_box_append (GTK_LIST_BOX (list), date_row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", _("_Record"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "channel-row", channel_row);
  g_object_set_data (G_OBJECT (dialog), "date-button", date_button);
  g_signal_connect_object (dialog, "response::confirm", G_CALLBACK (reply_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * Files: read in a worker, written by core on the main thread.
 */

/* The file goes to the objection shown when it was chosen. */
static void
file_read_cb (GObject                *owner,
              gint64                  objection_id,
              const XfStoredFileRead *read)
{
  XfObjectionView *self = XF_OBJECTION_VIEW (owner);
  g_autoptr(GError) error = NULL;

  if (self->board == NULL)
    return;
  if (read->content == NULL)
    {
      _xf_objection_view_show_error (self, read->error);
      return;
    }
  if (!xf_notice_board_add_file (self->board, objection_id, read->name,
                                 read->content_type, read->content, &error))
    {
      _xf_objection_view_show_error (self, error);
      return;
    }
  {
    g_autofree char *text = g_strdup_printf (_("“%s” attached"), read->name);

    _xf_objection_view_show_toast (self, text);
  }
}

void
xf_objection_view_add_file (XfObjectionView *self,
                            GFile           *file)
{
  g_return_if_fail (XF_IS_OBJECTION_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->objection == NULL)
    return;
  _xf_objection_view_clear_error (self);
  xf_stored_file_read_for (file, XF_STORED_FILE_OBJECTION, G_OBJECT (self), self->objection_id,
                           self->cancellable, file_read_cb);
}

static void
add_file_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  xf_stored_file_choose_to_attach (widget, (void (*) (GtkWidget *, GFile *)) xf_objection_view_add_file);
}

/* The view may have gone while the application started. */
static void
open_failed_cb (GtkWidget    *widget,
                const GError *error)
{
  XfObjectionView *self = XF_OBJECTION_VIEW (widget);

  if (self->board != NULL)
    _xf_objection_view_show_error (self, error);
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  XfObjectionView *self = XF_OBJECTION_VIEW (widget);
  gint64 file_id = g_variant_get_int64 (param);
  const XfObjectionFile *file = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; self->objection != NULL && i < self->objection->files->len; i++)
    if (((XfObjectionFile *) g_ptr_array_index (self->objection->files, i))->id == file_id)
      file = g_ptr_array_index (self->objection->files, i);
  if (file == NULL)
    return;
  _xf_objection_view_clear_error (self);
  content = xf_notice_board_read_file (self->board, file_id, &error);
  if (content == NULL)
    _xf_objection_view_show_error (self, error);
  else
    xf_stored_file_open_for (widget, XF_STORED_FILE_OBJECTION, file->file_name, file->sha256,
                             content, self->cancellable, open_failed_cb);
}

void
_xf_objection_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "objection.decide", "s", decide_action);
  gtk_widget_class_install_action (widget_class, "objection.record-reply", NULL, record_reply_action);
  gtk_widget_class_install_action (widget_class, "objection.add-file", NULL, add_file_action);
  gtk_widget_class_install_action (widget_class, "objection.open-file", "x", open_file_action);
}
