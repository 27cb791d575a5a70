/* xf-notice-preview.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The print dialog's Preview runs an outside viewer by default (Evince's
 * --preview), which many desktops lack: the button then did nothing. The
 * notice board shows the pages itself instead, drawn by the same layout
 * that prints them.
 */

#define G_LOG_DOMAIN "xf-notice-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-notice-document.h"
#include "xf-notice-preview.h"

/* Pages are shown this wide (pixels), whatever the paper. */
#define PAGE_WIDTH 640

typedef struct
{
  XfNoticeDocument *document;
  GtkWidget        *source;   /* weak: the page that printed */
  double            width;    /* the paper, in points */
  double            height;
} Preview;

static void
preview_free (Preview *preview)
{
  g_clear_weak_pointer (&preview->source);
  g_clear_pointer (&preview->document, xf_notice_document_free);
  g_free (preview);
}

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  Preview *preview = g_object_get_data (G_OBJECT (area), "xf-preview");
  int page = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "xf-page"));

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_save (cr);
  cairo_scale (cr, width / preview->width, height / preview->height);
  xf_notice_document_draw_page (preview->document, cr, page);
  cairo_restore (cr);
  /* The paper's edge, as a viewer shows it. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
  cairo_stroke (cr);
}

static void
print_clicked_cb (GtkWidget *window)
{
  Preview *preview = g_object_get_data (G_OBJECT (window), "xf-preview");
  GtkWidget *source = preview->source;

  gtk_window_destroy (GTK_WINDOW (window));
  if (source != NULL)
    gtk_widget_activate_action (source, "notices.print", NULL);
}

GtkWidget *
xf_notice_preview_new (GtkWidget      *source,
                       const XfNotice *notice,
                       const char     *portal_base,
                       double          width,
                       double          height)
{
  Preview *preview;
  GtkWidget *window, *box, *header, *title, *print, *scrolled, *pages;
  GtkEventController *controller;
  cairo_surface_t *surface;
  cairo_t *cr;
  int n_pages;

  g_return_val_if_fail (GTK_IS_WIDGET (source), NULL);
  g_return_val_if_fail (notice != NULL, NULL);

  preview = g_new0 (Preview, 1);
  preview->document = xf_notice_document_new (notice, portal_base);
  preview->width = width > 0 ? width : XF_NOTICE_A4_WIDTH;
  preview->height = height > 0 ? height : XF_NOTICE_A4_HEIGHT;
  g_set_weak_pointer (&preview->source, source);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  n_pages = MAX (xf_notice_document_paginate (preview->document, cr, preview->width, preview->height), 1);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  window = adw_window_new ();
  gtk_widget_set_name (window, "notice-preview");
  gtk_window_set_title (GTK_WINDOW (window), _("Print preview"));
  gtk_window_set_default_size (GTK_WINDOW (window), PAGE_WIDTH + 96, 900);
  g_object_set_data_full (G_OBJECT (window), "xf-preview", preview, (GDestroyNotify) preview_free);

  header = adw_header_bar_new ();
  title = adw_window_title_new (_("Print preview"), notice->title);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  print = gtk_button_new_with_mnemonic (_("_Print…"));
  gtk_widget_add_css_class (print, "suggested-action");
  g_signal_connect_swapped (print, "clicked", G_CALLBACK (print_clicked_cb), window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), print);

  pages = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_halign (pages, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (pages, 24);
  gtk_widget_set_margin_bottom (pages, 24);
  gtk_widget_set_margin_start (pages, 24);
  gtk_widget_set_margin_end (pages, 24);
  for (int i = 0; i < n_pages; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      /* Translators: the accessible name of a page in the print preview */
      g_autofree char *label = g_strdup_printf (_("Page %d of %d"), i + 1, n_pages);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), PAGE_WIDTH);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area),
                                           (int) (PAGE_WIDTH * preview->height / preview->width));
      g_object_set_data (G_OBJECT (area), "xf-preview", preview);
      g_object_set_data (G_OBJECT (area), "xf-page", GINT_TO_POINTER (i));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page, NULL, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (GTK_BOX (pages), area);
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), pages);
  gtk_widget_set_vexpand (scrolled, TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);

  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, controller);
  return window;
}
