/* xf-pioneer-editor-fields.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-pioneer-editor"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "xf-pioneer-editor-private.h"
#include "xf-ui-util.h"

/*
 * The widgets of one field. Each kind reports its value as text through
 * _xf_pioneer_editor_field_changed; the editor does the rest.
 */

static char *
empty_to_null (const char *text)
{
  return (text == NULL || *text == '\0') ? NULL : g_strdup (text);
}

static void
entry_changed_cb (GtkEditable   *editable,
                  XfEditorField *field)
{
  g_autofree char *text = empty_to_null (gtk_editable_get_text (editable));

  _xf_pioneer_editor_field_changed (field->editor, field, text);
}

static void
combo_selected_cb (AdwComboRow   *row,
                   GParamSpec    *pspec,
                   XfEditorField *field)
{
  const char *code = xf_field_options_get_code (field->options, adw_combo_row_get_selected (row));

  _xf_pioneer_editor_field_changed (field->editor, field, code);
}

static void
switch_active_cb (GtkSwitch     *sw,
                  GParamSpec    *pspec,
                  XfEditorField *field)
{
  _xf_pioneer_editor_field_changed (field->editor, field, gtk_switch_get_active (sw) ? "1" : "0");
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   XfEditorField *field)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  value = empty_to_null (text);
  _xf_pioneer_editor_field_changed (field->editor, field, value);
}

/* Date fields: typed as YYYY-MM-DD, or picked from a calendar. */

static void
calendar_day_selected_cb (GtkCalendar   *calendar,
                          XfEditorField *field)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (field->widget), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
calendar_popover_show_cb (GtkPopover    *popover,
                          XfEditorField *field)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field->widget));
  int year, month, day;

  /* Open on the typed date when there is one, else on today. */
  if (sscanf (text, "%4d-%2d-%2d", &year, &month, &day) == 3 &&
      g_date_valid_dmy (day, month, year))
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 0, 0, 0);

      g_signal_handlers_block_by_func (calendar, calendar_day_selected_cb, field);
      gtk_calendar_select_day (calendar, date);
      g_signal_handlers_unblock_by_func (calendar, calendar_day_selected_cb, field);
    }
}

static void
add_date_picker (XfEditorField *field)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Choose a date"));
  gtk_widget_add_css_class (button, "flat");
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), field);
  g_signal_connect (popover, "show", G_CALLBACK (calendar_popover_show_cb), field);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (field->widget), button);
}

/* Photo and video paths: typed, or chosen with a file chooser. */

static void
browse_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    XfEditorField   *field)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        gtk_editable_set_text (GTK_EDITABLE (field->widget), path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
browse_clicked_cb (GtkButton     *button,
                   XfEditorField *field)
{
  gboolean photo = g_str_equal (field->property, "photo");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (photo ? _("Choose a photo") : _("Choose a video"),
                                        xf_widget_get_window (GTK_WIDGET (button)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, photo ? _("Images") : _("Videos"));
  gtk_file_filter_add_mime_type (filter, photo ? "image/*" : "video/*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (browse_response_cb), field);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
add_browse_button (XfEditorField *field)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-open-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Choose a file"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (browse_clicked_cb), field);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (field->widget), button);
}

/* The message beneath a row is a row of its own, so that it sits directly
 * under the field inside the boxed list. */
static GtkWidget *
create_error_label (XfEditorField *field)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_name (label, "field-error");
  field->error_label = GTK_LABEL (label);
  return label;
}

static void
build_row_error (XfEditorField       *field,
                 AdwPreferencesGroup *group)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *label = create_error_label (field);

  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_visible (row, FALSE);
  adw_preferences_group_add (group, row);
  field->error_widget = row;
}

static void
build_long_text (XfEditorField       *field,
                 AdwPreferencesGroup *group)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *label = create_error_label (field);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  xf_pioneer_field_label (field->property), -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_add_css_class (frame, "long-text");
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                    G_CALLBACK (buffer_changed_cb), field);

  adw_preferences_group_add (group, frame);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_visible (label, FALSE);
  adw_preferences_group_add (group, label);

  field->widget = view;
  field->styled = frame;
  field->error_widget = label;
}

XfEditorField *
_xf_editor_field_new (XfPioneerEditor     *editor,
                      XfRegistry          *registry,
                      const char          *property,
                      AdwPreferencesGroup *group)
{
  XfEditorField *field = g_new0 (XfEditorField, 1);
  const char *label = xf_pioneer_field_label (property);

  field->editor = editor;
  field->property = g_strdup (property);
  field->kind = xf_pioneer_fields_kind (property);

  switch (field->kind)
    {
    case XF_FIELD_LONG_TEXT:
      build_long_text (field, group);
      gtk_widget_set_name (field->widget, property);
      return field;

    case XF_FIELD_CODED:
      field->options = xf_field_options_new (registry, property);
      field->widget = adw_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (field->widget),
                               G_LIST_MODEL (gtk_string_list_new ((const char * const *) field->options->labels)));
      g_signal_connect (field->widget, "notify::selected", G_CALLBACK (combo_selected_cb), field);
      break;

    case XF_FIELD_SWITCH:
      {
        GtkWidget *sw = gtk_switch_new ();

        field->widget = adw_action_row_new ();
        gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
        adw_action_row_add_suffix (ADW_ACTION_ROW (field->widget), sw);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (field->widget), sw);
        g_signal_connect (sw, "notify::active", G_CALLBACK (switch_active_cb), field);
        g_object_set_data (G_OBJECT (field->widget), "switch", sw);
      }
      break;

    case XF_FIELD_TEXT:
    case XF_FIELD_NUMBER:
    case XF_FIELD_DATE:
    case XF_FIELD_HIDDEN:
    default:
      field->widget = adw_entry_row_new ();
      if (field->kind == XF_FIELD_NUMBER)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (field->widget), GTK_INPUT_PURPOSE_DIGITS);
      else if (g_str_equal (property, "mobile"))
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (field->widget), GTK_INPUT_PURPOSE_PHONE);
      if (field->kind == XF_FIELD_DATE)
        add_date_picker (field);
      if (g_str_equal (property, "photo") || g_str_equal (property, "video"))
        add_browse_button (field);
      g_signal_connect (field->widget, "changed", G_CALLBACK (entry_changed_cb), field);
      break;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->widget), label);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (field->widget), FALSE);
  gtk_widget_set_name (field->widget, property);
  adw_preferences_group_add (group, field->widget);
  field->styled = field->widget;
  build_row_error (field, group);
  return field;
}

void
_xf_editor_field_free (XfEditorField *field)
{
  if (field == NULL)
    return;
  g_clear_pointer (&field->property, g_free);
  g_clear_pointer (&field->options, xf_field_options_free);
  g_clear_pointer (&field->extra_error, g_free);
  g_clear_pointer (&field->shown_error, g_free);
  g_free (field);
}

void
_xf_editor_field_load (XfEditorField *field,
                       XfPioneer     *pioneer)
{
  g_autofree char *value = xf_pioneer_dup_field (pioneer, field->property);

  switch (field->kind)
    {
    case XF_FIELD_LONG_TEXT:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget)),
                                value ? value : "", -1);
      break;

    case XF_FIELD_CODED:
      {
        guint index = xf_field_options_find (field->options, value);

        /* organisation-id reads "0" when unset. */
        adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), index);
      }
      break;

    case XF_FIELD_SWITCH:
      {
        gboolean active = FALSE;

        g_object_get (pioneer, field->property, &active, NULL);
        gtk_switch_set_active (g_object_get_data (G_OBJECT (field->widget), "switch"), active);
      }
      break;

    case XF_FIELD_TEXT:
    case XF_FIELD_NUMBER:
    case XF_FIELD_DATE:
    case XF_FIELD_HIDDEN:
    default:
      gtk_editable_set_text (GTK_EDITABLE (field->widget), value ? value : "");
      break;
    }
}

void
_xf_editor_field_show_error (XfEditorField *field,
                             const char    *message)
{
  if (g_strcmp0 (field->shown_error, message) == 0)
    return;

  g_free (field->shown_error);
  field->shown_error = g_strdup (message);

  gtk_label_set_text (field->error_label, message ? message : "");
  gtk_widget_set_visible (field->error_widget, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (field->styled, "error");
  else
    gtk_widget_remove_css_class (field->styled, "error");

  /* Screen readers hear the reason with the field. */
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (field->widget),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_accessible_update_state (GTK_ACCESSIBLE (field->widget),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               message ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}
