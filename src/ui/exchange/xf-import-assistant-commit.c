/* xf-import-assistant-commit.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant's fourth step: what the import will do, and once
 * it is done, its report and the rows left out.
 */

#define G_LOG_DOMAIN "xf-import-assistant"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-import-assistant-private.h"
#include "xf-ui-util.h"

/* The report lists this many rows left out; the file saved has them all. */
#define MAX_LISTED 500

static GPtrArray *
rows_of (GPtrArray **rows)
{
  if (*rows == NULL)
    *rows = g_ptr_array_new ();
  return *rows;
}

static void
add_count_row (AdwPreferencesGroup *group,
               GPtrArray           *rows,
               const char          *name,
               const char          *title,
               guint                n)
{
  g_autofree char *count = _xf_import_format_count (n);

  xf_preferences_group_add_row (group, rows, xf_property_row_new (name, title, count));
}

static void
fill_counts (AdwPreferencesGroup  *group,
             GPtrArray           **rows,
             const XfImportReport *report,
             gboolean              done)
{
  xf_preferences_group_clear_rows (group, rows_of (rows));
  add_count_row (group, *rows, "created", done ? C_("import count", "Created") : _("To be created"), report->created);
  add_count_row (group, *rows, "merged", done ? _("Merged into existing records") : _("To be merged into existing records"),
                 report->merged);
  add_count_row (group, *rows, "problems", _("Left out: problems"), report->problems);
  add_count_row (group, *rows, "duplicates", _("Left out: duplicates not merged"), report->duplicates);
  add_count_row (group, *rows, "skipped", _("Left out by you"), report->skipped);
}

static char *
summary_sentence (const XfImportReport *report)
{
  g_autofree char *created = _xf_import_format_count (report->created);
  g_autofree char *merged = _xf_import_format_count (report->merged);
  g_autofree char *left_out = _xf_import_format_count (report->problems + report->duplicates + report->skipped);

  /* Translators: the import's summary, "1,204 will be created, 3 merged, 17 left out" */
  return g_strdup_printf (_("%s will be created, %s merged, %s left out"), created, merged, left_out);
}

void
_xf_import_assistant_show_summary (XfImportAssistant *self)
{
  g_autoptr(XfImportReport) report = xf_import_get_report (self->import);

  if (report->created + report->merged == 0)
    gtk_label_set_label (self->summary_label, _("Nothing to import: every row is left out."));
  else
    {
      g_autofree char *text = summary_sentence (report);

      gtk_label_set_label (self->summary_label, text);
    }
  fill_counts (self->summary_counts, &self->summary_rows, report, FALSE);
  gtk_stack_set_visible_child_name (self->import_stack, "summary");
}

void
_xf_import_assistant_show_report (XfImportAssistant *self)
{
  g_autoptr(XfImportReport) report = xf_import_get_report (self->import);
  g_autofree char *heading = NULL;
  GPtrArray *rows;
  guint n_left_out = report->left_out != NULL ? report->left_out->len : 0;

  /* Translators: %s is the file's name */
  heading = g_strdup_printf (_("“%s” is imported"), report->file_name);
  gtk_label_set_label (self->report_label, heading);
  fill_counts (self->report_counts, &self->report_rows, report, TRUE);

  rows = rows_of (&self->left_out_rows);
  xf_preferences_group_clear_rows (self->left_out_group, rows);
  if (n_left_out == 0)
    adw_preferences_group_set_description (self->left_out_group, _("No row was left out."));
  else
    adw_preferences_group_set_description (self->left_out_group,
                                           _("Save them to a file, fix them there and import that file."));
  for (guint i = 0; i < MIN (n_left_out, MAX_LISTED); i++)
    {
      const XfImportLeftOut *left_out = g_ptr_array_index (report->left_out, i);
      g_autofree char *line = _xf_import_format_line (left_out->line);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), left_out->reason);
      xf_preferences_group_add_row (self->left_out_group, rows, row);
    }
  if (n_left_out > MAX_LISTED)
    {
      g_autofree char *more = _xf_import_format_count (n_left_out - MAX_LISTED);
      /* Translators: %s is a number of rows, "1,204" */
      g_autofree char *text = g_strdup_printf (ngettext ("And %s more row: save them to see all",
                                                         "And %s more rows: save them to see all",
                                                         n_left_out - MAX_LISTED),
                                               more);

      xf_preferences_group_add_row (self->left_out_group, rows, xf_message_row_new ("more", text));
    }
  gtk_widget_set_visible (self->save_left_out_button, n_left_out > 0);
  gtk_stack_set_visible_child_name (self->import_stack, "report");
}

void
_xf_import_assistant_clear_commit (XfImportAssistant *self)
{
  g_clear_pointer (&self->summary_rows, g_ptr_array_unref);
  g_clear_pointer (&self->report_rows, g_ptr_array_unref);
  g_clear_pointer (&self->left_out_rows, g_ptr_array_unref);
}

/*
 * Saving the rows left out
 */

static void
save_response_cb (GtkNativeDialog   *chooser,
                  int                response,
                  XfImportAssistant *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->import != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        _xf_import_assistant_show_error (self, _("The rows can only be saved to a folder on this computer."));
      else if (!xf_import_write_left_out (self->import, path, &error))
        _xf_import_assistant_show_error (self, error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);

          _xf_import_assistant_show_error (self, NULL);
          /* Translators: %s is a file name */
          adw_toast_overlay_add_toast (self->toast_overlay,
                                       adw_toast_new_format (_("The rows left out are saved in “%s”"), name));
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
_xf_import_assistant_save_left_out (XfImportAssistant *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  char *dot;

  if (self->import == NULL)
    return;
  stem = g_strdup (xf_import_get_file_name (self->import));
  dot = strrchr (stem, '.');
  if (dot != NULL && dot != stem)
    *dot = '\0';
  /* Translators: the name offered for the rows left out of "会员名单.xlsx" */
  name = g_strdup_printf (_("%s (left out).csv"), stem);

  chooser = gtk_file_chooser_native_new (_("Save Left-Out Rows"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
