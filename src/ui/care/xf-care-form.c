/* xf-care-form.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care-form"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-care-form.h"
#include "xf-care-programme.h"
#include "xf-ui-util.h"
#include "xf-wrap-layout.h"

/*
 * Refusals beneath their fields
 */

static GtkLabel *
new_error_label (const char *name)
{
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *widget_name = g_strconcat (name, "-error", NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_name (label, widget_name);
  gtk_widget_set_visible (label, FALSE);
  return GTK_LABEL (label);
}

static void
attach_one (XfCareField *field)
{
  GtkWidget *row = field->widget;
  GtkWidget *label;

  field->label = new_error_label (field->name);
  label = GTK_WIDGET (field->label);
  while (row != NULL && !GTK_IS_LIST_BOX_ROW (row))
    row = gtk_widget_get_parent (row);

  if (row != NULL && GTK_IS_LIST_BOX (gtk_widget_get_parent (row)))
    {
      GtkWidget *error_row = gtk_list_box_row_new ();

      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (error_row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (error_row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (error_row), FALSE);
      gtk_widget_set_focusable (error_row, FALSE);
      g_object_bind_property (label, "visible", error_row, "visible", G_BINDING_SYNC_CREATE);
      gtk_list_box_insert (GTK_LIST_BOX (gtk_widget_get_parent (row)), error_row,
                           gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
    }
  else if (GTK_IS_BOX (gtk_widget_get_parent (field->widget)))
    gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (field->widget)), label, field->widget);
  else
    g_critical ("No place for the error line of “%s”", field->name);
}

void
xf_care_fields_attach (XfCareField *fields,
                       guint        n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    attach_one (&fields[i]);
}

void
xf_care_fields_clear (XfCareField *fields,
                      guint        n_fields,
                      GtkLabel    *general)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i].label != NULL)
        {
          gtk_label_set_text (fields[i].label, "");
          gtk_widget_set_visible (GTK_WIDGET (fields[i].label), FALSE);
        }
      gtk_widget_remove_css_class (fields[i].widget, "error");
    }
  if (general != NULL)
    {
      gtk_label_set_text (general, "");
      gtk_widget_set_visible (GTK_WIDGET (general), FALSE);
    }
}

/* Whether @prefix, what comes before the colon of a message ("Places",
 * "名额"), is one of @field's names, translated or not. */
static gboolean
names_field (const XfCareField *field,
             const char        *prefix)
{
  for (guint i = 0; i < G_N_ELEMENTS (field->names) && field->names[i] != NULL; i++)
    if (g_ascii_strcasecmp (prefix, field->names[i]) == 0 ||
        g_strcmp0 (prefix, _(field->names[i])) == 0 ||
        /* care labels that need a context (C_("care", "Title")) */
        g_strcmp0 (prefix, g_dpgettext2 (NULL, "care", field->names[i])) == 0)
      return TRUE;
  return FALSE;
}

void
xf_care_fields_show_at (XfCareField *fields,
                        guint        n_fields,
                        GtkLabel    *general,
                        int          index,
                        const char  *message)
{
  xf_care_fields_clear (fields, n_fields, general);
  if (index >= 0 && (guint) index < n_fields && fields[index].label != NULL)
    {
      gtk_label_set_text (fields[index].label, message);
      gtk_widget_set_visible (GTK_WIDGET (fields[index].label), TRUE);
      gtk_widget_add_css_class (fields[index].widget, "error");
      gtk_widget_grab_focus (fields[index].widget);
    }
  else if (general != NULL)
    {
      gtk_label_set_text (general, message);
      gtk_widget_set_visible (GTK_WIDGET (general), TRUE);
    }
}

int
xf_care_fields_show_error (XfCareField *fields,
                           guint        n_fields,
                           GtkLabel    *general,
                           const char  *message)
{
  const char *colon = strstr (message, ":");
  const char *wide = strstr (message, "：");
  int found = -1;

  if (wide != NULL && (colon == NULL || wide < colon))
    colon = wide;
  if (colon != NULL)
    {
      g_autofree char *prefix = g_strstrip (g_strndup (message, colon - message));

      for (guint i = 0; i < n_fields && found < 0; i++)
        if (fields[i].label != NULL && names_field (&fields[i], prefix))
          found = (int) i;
    }
  xf_care_fields_show_at (fields, n_fields, general, found, message);
  return found;
}

/*
 * Asking for a reason
 */

typedef struct
{
  XfCareReasonFunc  callback;
  GObject          *user_data;
  GtkEditable      *entry;
  char             *response;
  gboolean          required;
} ReasonData;

static void
reason_data_free (gpointer data)
{
  ReasonData *reason = data;

  g_clear_object (&reason->user_data);
  g_free (reason->response);
  g_free (reason);
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  ReasonData *data = g_object_get_data (G_OBJECT (dialog), "xf-reason");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, data->response, !data->required || *text != '\0');
}

static void
reason_activate_cb (GtkEntry         *entry,
                    AdwMessageDialog *dialog)
{
  ReasonData *data = g_object_get_data (G_OBJECT (dialog), "xf-reason");

  if (adw_message_dialog_get_response_enabled (dialog, data->response))
    adw_message_dialog_response (dialog, data->response);
}

static void
reason_response_cb (AdwMessageDialog *dialog,
                    const char       *response)
{
  ReasonData *data = g_object_get_data (G_OBJECT (dialog), "xf-reason");
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, data->response) != 0)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (data->entry)));
  data->callback (data->user_data, text);
}

GtkWidget *
xf_care_ask_reason (GtkWidget        *widget,
                    const char       *heading,
                    const char       *body,
                    const char       *response_label,
                    gboolean          destructive,
                    gboolean          required,
                    XfCareReasonFunc  callback,
                    gpointer          user_data)
{
  return xf_care_ask_text (widget, heading, body, _("Reason"), response_label, destructive, required,
                           callback, user_data);
}

GtkWidget *
xf_care_ask_text (GtkWidget        *widget,
                  const char       *heading,
                  const char       *body,
                  const char       *placeholder,
                  const char       *response_label,
                  gboolean          destructive,
                  gboolean          required,
                  XfCareReasonFunc  callback,
                  gpointer          user_data)
{
  GtkWidget *dialog;
  GtkWidget *entry;
  ReasonData *data;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (G_IS_OBJECT (user_data), NULL);

  dialog = adw_message_dialog_new (xf_widget_get_window (widget), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "ok", response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE
                                                          : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_widget_set_name (entry, "reason-entry");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  data = g_new0 (ReasonData, 1);
  data->callback = callback;
  data->user_data = g_object_ref (user_data);
  data->entry = GTK_EDITABLE (entry);
  data->response = g_strdup ("ok");
  data->required = required;
  g_object_set_data_full (G_OBJECT (dialog), "xf-reason", data, reason_data_free);

  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (reason_activate_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (reason_response_cb), NULL);
  reason_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return dialog;
}

/*
 * Money in entries
 */

gboolean
xf_care_parse_yuan (const char *text,
                    gint64     *fen)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*stripped == '\0')
    {
      *fen = 0;
      return TRUE;
    }
  return xf_money_parse (stripped, fen);
}

char *
xf_care_format_yuan_plain (gint64 fen)
{
  if (fen % 100 == 0)
    return g_strdup_printf ("%lld", (long long) (fen / 100));
  return g_strdup_printf ("%lld.%02lld", (long long) (fen / 100), (long long) (fen % 100));
}

/*
 * Small things
 */

void
xf_care_toast (GtkWidget  *widget,
               const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_debug ("No toast overlay for “%s”", text);
      return;
    }
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
xf_care_list_box_clear (GtkListBox *list)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, row);
}

void
xf_care_wrap_children (GtkWidget *box)
{
  GtkLayoutManager *layout = xf_wrap_layout_new ();

  xf_wrap_layout_set_spacing (XF_WRAP_LAYOUT (layout), 6);
  xf_wrap_layout_set_line_spacing (XF_WRAP_LAYOUT (layout), 6);
  gtk_widget_set_layout_manager (box, layout);
}
