/* xf-reason-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-reason-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-reason-dialog.h"

struct _XfReasonDialog
{
  AdwMessageDialog  parent_instance;

  GtkTextView      *text_view;
};

G_DEFINE_FINAL_TYPE (XfReasonDialog, xf_reason_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
buffer_changed_cb (XfReasonDialog *self)
{
  g_autofree char *reason = xf_reason_dialog_dup_reason (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "confirm", *reason != '\0');
}

static void
xf_reason_dialog_class_init (XfReasonDialogClass *klass)
{
}

static void
xf_reason_dialog_init (XfReasonDialog *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *text_view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text_view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 96);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), scrolled);
  self->text_view = GTK_TEXT_VIEW (text_view);

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
xf_reason_dialog_new (GtkWindow  *parent,
                      const char *heading,
                      const char *body,
                      const char *confirm_label,
                      gboolean    destructive)
{
  XfReasonDialog *self;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (confirm_label != NULL, NULL);

  self = g_object_new (XF_TYPE_REASON_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", heading,
                       "body", body,
                       NULL);
  dialog = ADW_MESSAGE_DIALOG (self);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "confirm", confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE
                                                          : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "confirm", FALSE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->text_view));
  return GTK_WIDGET (self);
}

char *
xf_reason_dialog_dup_reason (XfReasonDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (XF_IS_REASON_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

void
xf_reason_dialog_set_reason (XfReasonDialog *self,
                             const char     *reason)
{
  g_return_if_fail (XF_IS_REASON_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            reason != NULL ? reason : "", -1);
}
