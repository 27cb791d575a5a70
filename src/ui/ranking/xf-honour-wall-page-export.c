/* xf-honour-wall-page-export.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wall on paper (A4 landscape: the title with the month, the cards in
 * a grid of five by four) and as a PNG image (the wall as shown, twice its
 * size).
 */

#define G_LOG_DOMAIN "xf-honour-wall-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "xf-honour-wall-page-private.h"

#define PRINT_COLUMNS 5
#define PRINT_ROWS    4

/* @widget drawn at @scale times its size on screen; it must be shown. */
static GdkTexture *
render_widget (GtkWidget  *widget,
               double      scale,
               GError    **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GtkNative *native = gtk_widget_get_native (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (native == NULL || gtk_native_get_renderer (native) == NULL || width <= 0 || height <= 0 ||
      !gtk_widget_get_mapped (widget))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The wall cannot be drawn while it is not shown"));
      return NULL;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_scale (snapshot, scale, scale);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The wall cannot be drawn while it is not shown"));
      return NULL;
    }
  return gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                      &GRAPHENE_RECT_INIT (0, 0, ceil (width * scale), ceil (height * scale)));
}

static gboolean
has_wall (XfHonourWallPage *self,
          GError          **error)
{
  if (self->items->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The wall has no cards to show"));
      return FALSE;
    }
  return TRUE;
}

gboolean
xf_honour_wall_page_save_png (XfHonourWallPage *self,
                              GFile            *file,
                              GError          **error)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (XF_IS_HONOUR_WALL_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!has_wall (self, error))
    return FALSE;
  texture = render_widget (GTK_WIDGET (self->wall), 2.0, error);
  if (texture == NULL)
    return FALSE;
  bytes = gdk_texture_save_to_png_bytes (texture);
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

/*
 * Printing
 */

typedef struct
{
  char      *title;
  GPtrArray *textures;   /* (element-type GdkTexture) one per card */
} PrintJob;

static void
print_job_free (gpointer data,
                GClosure *closure)
{
  PrintJob *job = data;

  g_free (job->title);
  g_ptr_array_unref (job->textures);
  g_free (job);
}

static cairo_surface_t *
texture_to_surface (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  gdk_texture_download (texture, cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  return surface;
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double page_width = gtk_print_context_get_width (context);
  double page_height = gtk_print_context_get_height (context);
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold 16");
  double gap = 8, top, cell_width, cell_height;
  int text_width, text_height;

  /* The title, centred across the top. */
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, job->title, -1);
  pango_layout_set_width (layout, (int) (page_width * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  top = text_height + 12;

  cell_width = (page_width - gap * (PRINT_COLUMNS - 1)) / PRINT_COLUMNS;
  cell_height = (page_height - top - gap * (PRINT_ROWS - 1)) / PRINT_ROWS;
  for (guint i = 0; i < job->textures->len && i < PRINT_COLUMNS * PRINT_ROWS; i++)
    {
      GdkTexture *texture = g_ptr_array_index (job->textures, i);
      cairo_surface_t *surface = texture_to_surface (texture);
      int width = gdk_texture_get_width (texture);
      int height = gdk_texture_get_height (texture);
      double scale = MIN (cell_width / width, cell_height / height);
      double x = (i % PRINT_COLUMNS) * (cell_width + gap) + (cell_width - width * scale) / 2;
      double y = top + (i / PRINT_COLUMNS) * (cell_height + gap);

      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_surface_destroy (surface);
    }
  pango_font_description_free (font);
  g_object_unref (layout);
}

static GtkPrintOperation *
create_print_operation (XfHonourWallPage *self,
                        GError          **error)
{
  PrintJob *job;
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) paper = NULL;

  if (!has_wall (self, error))
    return NULL;

  job = g_new0 (PrintJob, 1);
  job->title = _xf_honour_wall_page_dup_title (self);
  job->textures = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->items->len; i++)
    {
      GdkTexture *texture = render_widget (g_ptr_array_index (self->items, i), 2.0, error);

      if (texture == NULL)
        {
          print_job_free (job, NULL);
          return NULL;
        }
      g_ptr_array_add (job->textures, texture);
    }

  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, job->title);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), job, print_job_free, 0);
  return operation;
}

gboolean
xf_honour_wall_page_export_pdf (XfHonourWallPage *self,
                                const char       *path,
                                GError          **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (XF_IS_HONOUR_WALL_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = create_print_operation (self, error);
  if (operation == NULL)
    return FALSE;
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               XfHonourWallPage        *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      _xf_honour_wall_page_show_toast (self, error ? error->message : _("The wall could not be printed"));
    }
  g_object_unref (operation);
}

void
_xf_honour_wall_page_print (XfHonourWallPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *operation = create_print_operation (self, &error);

  if (operation == NULL)
    {
      _xf_honour_wall_page_show_toast (self, error->message);
      return;
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               xf_widget_get_window (GTK_WIDGET (self)), &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    _xf_honour_wall_page_show_toast (self, error ? error->message : _("The wall could not be printed"));
}

static void
save_response_cb (GtkNativeDialog  *dialog,
                  int               response,
                  XfHonourWallPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (xf_honour_wall_page_save_png (self, file, &error))
        _xf_honour_wall_page_show_toast (self, _("Wall saved"));
      else
        _xf_honour_wall_page_show_toast (self, error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

void
_xf_honour_wall_page_save_as (XfHonourWallPage *self)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->shown == NULL || self->items->len == 0)
    return;
  dialog = gtk_file_chooser_native_new (_("Save the wall as image"), xf_widget_get_window (GTK_WIDGET (self)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  /* Translators: the file name offered for the wall's image; %s is "2026-11" */
  name = g_strdup_printf (_("pioneers-of-the-month-%s.png"), self->shown->month);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
