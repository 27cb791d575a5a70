/* xf-notice-board-page-print.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing the notice shown (GtkPrintOperation drawing core's printed
 * notice, so that paper and PDF match) and exporting it as PDF, HTML or
 * JSON for the organisation's website.
 */

#define G_LOG_DOMAIN "xf-notice-board-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-notice-board-page-private.h"
#include "xf-notice-document.h"
#include "xf-notice-export.h"
#include "xf-notice-preview.h"
#include "xf-ui-util.h"

/*
 * Printing
 */

#define DOCUMENT_KEY "xf-notice-document"

/* The public portal's address from Preferences (public-base-url), or NULL
 * when none is set or the schema is not installed (an uninstalled tool):
 * printed and exported notices then carry no online link. */
static char *
dup_portal_base (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *base = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.xianfeng.Xianfeng", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "public-base-url"))
    return NULL;
  settings = g_settings_new_full (schema, NULL, NULL);
  base = g_strstrip (g_settings_get_string (settings, "public-base-url"));
  return *base != '\0' ? g_steal_pointer (&base) : NULL;
}

/* Lays the notice out on the printer's page, in points. */
static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  XfNoticeDocument *document = g_object_get_data (G_OBJECT (operation), DOCUMENT_KEY);
  int n_pages = xf_notice_document_paginate (document,
                                             gtk_print_context_get_cairo_context (context),
                                             gtk_print_context_get_width (context),
                                             gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              gpointer           user_data)
{
  XfNoticeDocument *document = g_object_get_data (G_OBJECT (operation), DOCUMENT_KEY);

  xf_notice_document_draw_page (document, gtk_print_context_get_cairo_context (context), page);
}

/* A4 by default; the document keeps its own margins inside the page. */
static GtkPrintOperation *
new_print_operation (const XfNotice *notice)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *portal_base = dup_portal_base ();

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, notice->title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), DOCUMENT_KEY, xf_notice_document_new (notice, portal_base),
                          (GDestroyNotify) xf_notice_document_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), NULL);
  return operation;
}

/* The print dialog's Preview: the pages in a window of ours (GTK's own
 * runs an outside viewer that may not be there, and then does nothing).
 * GTK lays the notice out first (begin-print) on a cairo context the
 * handler gives it, then says "ready"; the window then shows the pages
 * on the paper chosen, and the preview ends. */
static gboolean
end_preview_cb (gpointer user_data)
{
  gtk_print_operation_preview_end_preview (GTK_PRINT_OPERATION_PREVIEW (user_data));
  return G_SOURCE_REMOVE;
}

static void
preview_ready_cb (GtkPrintOperationPreview *preview,
                  GtkPrintContext          *context,
                  XfNoticeBoardPage        *self)
{
  if (self->notice != NULL)
    {
      g_autofree char *portal_base = dup_portal_base ();
      GtkWidget *window = xf_notice_preview_new (GTK_WIDGET (self), self->notice, portal_base,
                                                 gtk_print_context_get_width (context),
                                                 gtk_print_context_get_height (context));

      gtk_window_set_transient_for (GTK_WINDOW (window), xf_widget_get_window (GTK_WIDGET (self)));
      gtk_window_set_modal (GTK_WINDOW (window), TRUE);
      gtk_window_present (GTK_WINDOW (window));
    }
  /* Not while GTK is still emitting "ready". */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, end_preview_cb, g_object_ref (preview), g_object_unref);
}

static gboolean
preview_cb (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            XfNoticeBoardPage        *self)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  if (self->notice == NULL)
    return FALSE;
  /* Only for laying out: the window draws the pages itself. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_signal_connect_object (preview, "ready", G_CALLBACK (preview_ready_cb), self, 0);
  return TRUE;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               XfNoticeBoardPage       *self)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not print: %s"), error->message);

      _xf_notice_board_page_show_toast (self, text);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  XfNoticeBoardPage *self = XF_NOTICE_BOARD_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->notice == NULL)
    return;
  operation = new_print_operation (self->notice);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  g_signal_connect_object (operation, "preview", G_CALLBACK (preview_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               xf_widget_get_window (widget), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *text = g_strdup_printf (_("Could not print: %s"), error->message);

      _xf_notice_board_page_show_toast (self, text);
    }
}

gboolean
xf_notice_board_page_print_to_file (XfNoticeBoardPage *self,
                                    const char        *path,
                                    GError           **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->notice == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No notice is shown"));
      return FALSE;
    }
  operation = new_print_operation (self->notice);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                  xf_widget_get_window (GTK_WIDGET (self)), error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

void
xf_notice_board_page_print_preview (XfNoticeBoardPage *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (XF_IS_NOTICE_BOARD_PAGE (self));

  if (self->notice == NULL)
    return;
  operation = new_print_operation (self->notice);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "preview", G_CALLBACK (preview_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PREVIEW,
                               xf_widget_get_window (GTK_WIDGET (self)), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *text = g_strdup_printf (_("Could not print: %s"), error->message);

      _xf_notice_board_page_show_toast (self, text);
    }
}

/*
 * Exports
 */

static const struct
{
  const char *format;
  const char *extension;
  const char *filter_name;   /* N_() */
  const char *mime_type;
} export_infos[] = {
  { "pdf", "pdf", N_("PDF documents"), "application/pdf" },
  { "html", "html", N_("Web pages"), "text/html" },
  { "json", "json", N_("JSON files"), "application/json" },
};

/* The notice's title as a file name: no path separators or characters
 * that other systems refuse. */
static char *
default_file_name (const XfNotice *notice,
                   const char     *extension)
{
  g_autofree char *base = g_strdup (notice->title != NULL && notice->title[0] != '\0'
                                    ? notice->title : _("Public notice"));

  g_strdelimit (base, "/\\:*?\"<>|\n\r\t", '-');
  g_strstrip (base);
  return g_strdup_printf ("%s.%s", base, extension);
}

gboolean
xf_notice_board_page_export_to_file (XfNoticeBoardPage *self,
                                     const char        *format,
                                     const char        *path,
                                     GError           **error)
{
  g_autofree char *portal_base = NULL;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD_PAGE (self), FALSE);
  g_return_val_if_fail (format != NULL && path != NULL, FALSE);

  portal_base = dup_portal_base ();
  if (self->notice == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No notice is shown"));
      return FALSE;
    }
  if (g_str_equal (format, "pdf"))
    {
      g_autoptr(XfNoticeDocument) document = xf_notice_document_new (self->notice, portal_base);

      return xf_notice_document_write_pdf (document, path, error);
    }
  if (g_str_equal (format, "html"))
    return xf_notice_write_html (self->notice, portal_base, path, error);
  if (g_str_equal (format, "json"))
    return xf_notice_write_json (self->notice, portal_base, path, error);
  g_return_val_if_reached (FALSE);
}

static void
export_response_cb (GtkNativeDialog   *chooser,
                    int                response,
                    XfNoticeBoardPage *self)
{
  const char *format = g_object_get_data (G_OBJECT (chooser), "xf-format");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *text = NULL;

      if (xf_notice_board_page_export_to_file (self, format, path, &error))
        text = g_strdup_printf (_("Saved “%s”"), name);
      else
        text = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);
      _xf_notice_board_page_show_toast (self, text);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfNoticeBoardPage *self = XF_NOTICE_BOARD_PAGE (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (export_infos); i++)
    if (g_str_equal (export_infos[i].format, format))
      break;
  if (self->notice == NULL || i == G_N_ELEMENTS (export_infos))
    return;

  chooser = gtk_file_chooser_native_new (_("Export public notice"), xf_widget_get_window (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _(export_infos[i].filter_name));
  gtk_file_filter_add_mime_type (filter, export_infos[i].mime_type);
  gtk_file_filter_add_suffix (filter, export_infos[i].extension);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = default_file_name (self->notice, export_infos[i].extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "xf-format", (gpointer) export_infos[i].format);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_xf_notice_board_page_print_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "notices.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "notices.export", "s", export_action);
}
