/* xf-name-card-export.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-name-card"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "xf-name-card-private.h"
#include "xf-ui-util.h"

/*
 * The card as an image: PNG files and printing.
 */

GdkTexture *
xf_name_card_render (XfNameCard  *self,
                     double       scale,
                     GError     **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GtkNative *native;
  int width, height;

  g_return_val_if_fail (XF_IS_NAME_CARD (self), NULL);
  g_return_val_if_fail (scale > 0, NULL);

  native = gtk_widget_get_native (_xf_name_card_get_surface (self));
  width = gtk_widget_get_width (_xf_name_card_get_surface (self));
  height = gtk_widget_get_height (_xf_name_card_get_surface (self));
  if (native == NULL || gtk_native_get_renderer (native) == NULL || width <= 0 || height <= 0 ||
      !gtk_widget_get_mapped (_xf_name_card_get_surface (self)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The card cannot be drawn while it is not shown"));
      return NULL;
    }

  paintable = gtk_widget_paintable_new (_xf_name_card_get_surface (self));
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_scale (snapshot, scale, scale);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The card cannot be drawn while it is not shown"));
      return NULL;
    }

  return gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                      &GRAPHENE_RECT_INIT (0, 0, ceil (width * scale),
                                                           ceil (height * scale)));
}

gboolean
xf_name_card_save_png (XfNameCard  *self,
                       GFile       *file,
                       GError     **error)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (XF_IS_NAME_CARD (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Twice the screen size, so that the card prints and shares crisply. */
  texture = xf_name_card_render (self, 2.0, error);
  if (texture == NULL)
    return FALSE;

  bytes = gdk_texture_save_to_png_bytes (texture);
  return g_file_replace_contents (file,
                                  g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              GdkTexture        *texture)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double page_width = gtk_print_context_get_width (context);
  double page_height = gtk_print_context_get_height (context);
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  cairo_surface_t *surface = xf_texture_to_cairo_surface (texture);
  double scale = MIN (page_width / width, page_height / height);

  /* Scaled to fit the printable area, centred across the top. */
  cairo_save (cr);
  cairo_translate (cr, (page_width - width * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (surface);
}

static GtkPrintOperation *
create_print_operation (XfNameCard  *self,
                        GError     **error)
{
  g_autoptr(GdkTexture) texture = xf_name_card_render (self, 3.0, error);
  GtkPrintOperation *operation;

  if (texture == NULL)
    return NULL;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, xf_pioneer_get_name (xf_name_card_get_pioneer (self)));
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb),
                         g_steal_pointer (&texture), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return operation;
}

gboolean
xf_name_card_export_pdf (XfNameCard  *self,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (XF_IS_NAME_CARD (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = create_print_operation (self, error);
  if (operation == NULL)
    return FALSE;

  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               XfNameCard              *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      _xf_name_card_show_toast (self, error ? error->message : _("The card could not be printed"));
    }
  g_object_unref (operation);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  XfNameCard      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (xf_name_card_save_png (self, file, &error))
        _xf_name_card_show_toast (self, _("Card saved"));
      else
        _xf_name_card_show_toast (self, error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

void
_xf_name_card_save_as (XfNameCard *self)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (xf_name_card_get_pioneer (self) == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Save card as image"), xf_widget_get_window (GTK_WIDGET (self)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  name = g_strdup_printf ("%s.png", xf_pioneer_get_name (xf_name_card_get_pioneer (self)));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_xf_name_card_print (XfNameCard *self)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *operation = create_print_operation (self, &error);
  GtkPrintOperationResult result;

  if (operation == NULL)
    {
      _xf_name_card_show_toast (self, error->message);
      return;
    }

  /* The dialog runs asynchronously; "done" drops the operation. */
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    xf_widget_get_window (GTK_WIDGET (self)), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    _xf_name_card_show_toast (self, error ? error->message : _("The card could not be printed"));
}
