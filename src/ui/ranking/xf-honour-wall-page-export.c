/* xf-honour-wall-page-export.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wall on paper (A4 landscape: the title with the month, the cards in
 * a grid of five by four) and as a PNG image of the same page. Both draw
 * compact cards with cairo — rank, name, index, photo or initials, tier and
 * the start of the introduction, no buttons — readable at a fifth of the
 * page's width, where the name card widget would shrink to a stamp.
 */

#define G_LOG_DOMAIN "xf-honour-wall-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "xf-honour-wall-page-private.h"

#define PRINT_COLUMNS 5
#define PRINT_ROWS    4
/* A4 landscape, in points; the image is drawn at twice that. */
#define PAGE_WIDTH    842.0
#define PAGE_HEIGHT   595.0
#define PAGE_MARGIN   24.0
#define IMAGE_SCALE   2.0

/* What a compact card shows: no buttons, no QR code, no deeds. */
typedef struct
{
  int              rank;
  double           score;
  char            *name;
  char            *tier;
  char            *introduction;
  cairo_surface_t *photo;        /* or NULL: the initials */
} CompactCard;

typedef struct
{
  char      *title;
  char      *caption;            /* "Pioneer index" */
  GPtrArray *cards;              /* (element-type CompactCard) */
} WallDrawing;

static void
compact_card_free (gpointer data)
{
  CompactCard *card = data;

  g_free (card->name);
  g_free (card->tier);
  g_free (card->introduction);
  g_clear_pointer (&card->photo, cairo_surface_destroy);
  g_free (card);
}

static void
wall_drawing_free (WallDrawing *drawing)
{
  g_free (drawing->title);
  g_free (drawing->caption);
  g_ptr_array_unref (drawing->cards);
  g_free (drawing);
}

static cairo_surface_t *
load_photo (XfPioneer *pioneer)
{
  const char *photo = xf_pioneer_get_photo (pioneer);
  g_autoptr(GdkTexture) texture = NULL;

  if (photo == NULL || !g_path_is_absolute (photo) || !g_file_test (photo, G_FILE_TEST_IS_REGULAR))
    return NULL;
  texture = gdk_texture_new_from_filename (photo, NULL);
  return texture != NULL ? xf_texture_to_cairo_surface (texture) : NULL;
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

static WallDrawing *
wall_drawing_new (XfHonourWallPage *self)
{
  WallDrawing *drawing = g_new0 (WallDrawing, 1);

  drawing->title = _xf_honour_wall_page_dup_title (self);
  /* Translators: beneath a pioneer's index on the honour wall */
  drawing->caption = g_strdup (_("Pioneer index"));
  drawing->cards = g_ptr_array_new_with_free_func (compact_card_free);
  for (guint i = 0; i < self->entries->len && i < self->items->len; i++)
    {
      XfRankingEntry *entry = g_ptr_array_index (self->entries, i);
      XfPioneer *pioneer = g_object_get_data (g_ptr_array_index (self->items, i), "pioneer");
      CompactCard *card = g_new0 (CompactCard, 1);

      card->rank = entry->rank;
      card->score = entry->score;
      card->name = g_strdup (entry->name);
      if (pioneer != NULL)
        {
          card->tier = g_strdup (xf_pioneer_get_tier (pioneer));
          card->introduction = g_strdup (xf_pioneer_get_introduction (pioneer));
          card->photo = load_photo (pioneer);
        }
      g_ptr_array_add (drawing->cards, card);
    }
  return drawing;
}

/*
 * Drawing: the same for paper and image, in points.
 */

typedef struct
{
  const char *tier;
  guint32     from, middle, to, badge;
} TierColours;

/* As the name card's style sheet (xf-name-card.css). */
static const TierColours tier_colours[] = {
  { "national",    0xfff6d5, 0xf3d98b, 0xdeb44f, 0x9c6e05 },
  { "provincial",  0xffffff, 0xe4e7eb, 0xc2c8cf, 0x5e6670 },
  { "city",        0xfde9da, 0xebc09f, 0xcf9368, 0x8a4f24 },
  { "county",      0xeaf3ff, 0xb9d4f8, 0x86b1ee, 0x1c5fbf },
  { "cultivation", 0xe6fbf8, 0xb4ebe3, 0x7ad3c7, 0x137a6e },
};

#define INK 0x241f31

static void
set_rgb (cairo_t *cr,
         guint32  rgb,
         double   alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0,
                         alpha);
}

static void
add_stop (cairo_pattern_t *pattern,
          double           offset,
          guint32          rgb)
{
  cairo_pattern_add_color_stop_rgb (pattern, offset, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                                    (rgb & 0xff) / 255.0);
}

static const TierColours *
colours_of (const char *tier)
{
  for (guint i = 0; tier != NULL && i < G_N_ELEMENTS (tier_colours); i++)
    if (g_str_equal (tier_colours[i].tier, tier))
      return &tier_colours[i];
  return &tier_colours[G_N_ELEMENTS (tier_colours) - 1];
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* @text in @size points, at most @width wide and @lines lines; returns
 * its height. */
static double
show_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      width,
           double      size,
           gboolean    bold,
           int         lines,
           PangoAlignment alignment)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  int text_width, text_height;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -lines);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &text_width, &text_height);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return (double) text_height / PANGO_SCALE;
}

/* "叶" for 叶剑军, "AL" for Ann Lee. (transfer full) */
static char *
initials_of (const char *name)
{
  g_autoptr(GString) initials = g_string_new (NULL);
  gboolean word_start = TRUE;

  for (const char *p = name; p != NULL && *p != '\0' && g_utf8_strlen (initials->str, -1) < 2;
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        word_start = TRUE;
      else if (word_start)
        {
          g_string_append_unichar (initials, g_unichar_toupper (c));
          if (g_unichar_iswide (c))
            break;
          word_start = FALSE;
        }
    }
  return g_string_free (g_steal_pointer (&initials), FALSE);
}

static void
draw_photo (cairo_t     *cr,
            CompactCard *card,
            double       x,
            double       y,
            double       size,
            const TierColours *colours)
{
  cairo_save (cr);
  cairo_arc (cr, x + size / 2, y + size / 2, size / 2, 0, 2 * G_PI);
  cairo_clip (cr);
  if (card->photo != NULL)
    {
      int width = cairo_image_surface_get_width (card->photo);
      int height = cairo_image_surface_get_height (card->photo);
      double scale = MAX (size / width, size / height);

      cairo_translate (cr, x + (size - width * scale) / 2, y + (size - height * scale) / 2);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, card->photo, 0, 0);
      cairo_paint (cr);
    }
  else
    {
      g_autofree char *initials = initials_of (card->name);

      set_rgb (cr, colours->badge, 1);
      cairo_paint (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      show_text (cr, initials, x, y + size * 0.22, size, size * 0.4, TRUE, 1, PANGO_ALIGN_CENTER);
    }
  cairo_restore (cr);
}

static void
draw_card (cairo_t     *cr,
           WallDrawing *drawing,
           CompactCard *card,
           double       x,
           double       y,
           double       width,
           double       height)
{
  const TierColours *colours = colours_of (card->tier);
  cairo_pattern_t *gradient = cairo_pattern_create_linear (x, y, x + width, y + height);
  double pad = 8, badge = 18, photo = 40, score_width = 44, line_y, text_x;
  g_autofree char *rank = g_strdup_printf ("%d", card->rank);
  g_autofree char *score = g_strdup_printf ("%.1f", card->score);
  const char *tier_label = xf_tier_label (card->tier != NULL ? card->tier : "cultivation");
  g_autoptr(PangoLayout) layout = NULL;

  /* The card, coloured by tier. */
  add_stop (gradient, 0, colours->from);
  add_stop (gradient, 0.55, colours->middle);
  add_stop (gradient, 1, colours->to);
  rounded_rectangle (cr, x, y, width, height, 8);
  cairo_set_source (cr, gradient);
  cairo_fill_preserve (cr);
  cairo_pattern_destroy (gradient);
  set_rgb (cr, INK, 0.25);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);

  /* Rank badge, name, index. */
  cairo_arc (cr, x + pad + badge / 2, y + pad + badge / 2, badge / 2, 0, 2 * G_PI);
  switch (card->rank)
    {
    case 1: set_rgb (cr, 0xe5a50a, 1); break;
    case 2: set_rgb (cr, 0xc0bfbc, 1); break;
    case 3: set_rgb (cr, 0xc8915a, 1); break;
    default: set_rgb (cr, INK, 0.12); break;
    }
  cairo_fill (cr);
  set_rgb (cr, INK, 1);
  show_text (cr, rank, x + pad, y + pad + badge * 0.18, badge, badge * 0.55, TRUE, 1, PANGO_ALIGN_CENTER);
  show_text (cr, card->name, x + pad + badge + 5, y + pad + 2, width - 2 * pad - badge - 5 - score_width, 11,
             TRUE, 1, PANGO_ALIGN_LEFT);
  show_text (cr, score, x + width - pad - score_width, y + pad - 1, score_width, 12, TRUE, 1, PANGO_ALIGN_RIGHT);
  set_rgb (cr, INK, 0.7);
  show_text (cr, drawing->caption, x + width - pad - score_width - 10, y + pad + 14, score_width + 10, 6, FALSE, 1,
             PANGO_ALIGN_RIGHT);

  /* Photo or initials; the tier and the start of the introduction. */
  line_y = y + pad + badge + 8;
  draw_photo (cr, card, x + pad, line_y, photo, colours);
  text_x = x + pad + photo + 8;

  layout = pango_cairo_create_layout (cr);
  {
    PangoFontDescription *font = pango_font_description_from_string ("Sans Bold");
    int text_width, text_height;
    double tier_width, tier_height;

    pango_font_description_set_absolute_size (font, 7 * PANGO_SCALE);
    pango_layout_set_font_description (layout, font);
    pango_font_description_free (font);
    pango_layout_set_text (layout, tier_label, -1);
    pango_layout_get_pixel_size (layout, &text_width, &text_height);
    tier_width = MIN (text_width + 10, width - (text_x - x) - pad);
    tier_height = text_height + 3;
    rounded_rectangle (cr, text_x, line_y, tier_width, tier_height, tier_height / 2);
    set_rgb (cr, colours->badge, 1);
    cairo_fill (cr);
    cairo_set_source_rgb (cr, 1, 1, 1);
    show_text (cr, tier_label, text_x + 5, line_y + 1.5, tier_width - 10, 7, TRUE, 1, PANGO_ALIGN_LEFT);
    line_y += tier_height + 4;
  }
  if (card->introduction != NULL && *card->introduction != '\0')
    {
      int lines = (int) ((y + height - pad - line_y) / 9.5);

      set_rgb (cr, INK, 0.9);
      show_text (cr, card->introduction, text_x, line_y, x + width - pad - text_x, 7.5, FALSE, MAX (lines, 1),
                 PANGO_ALIGN_LEFT);
    }
}

/* The title across the top, the cards in a grid of five by four, in a
 * @width × @height box (points). */
static void
draw_wall (cairo_t     *cr,
           WallDrawing *drawing,
           double       width,
           double       height)
{
  double gap = 8, top, cell_width, cell_height;

  set_rgb (cr, INK, 1);
  top = show_text (cr, drawing->title, 0, 0, width, 16, TRUE, 1, PANGO_ALIGN_CENTER) + 10;
  cell_width = (width - gap * (PRINT_COLUMNS - 1)) / PRINT_COLUMNS;
  cell_height = (height - top - gap * (PRINT_ROWS - 1)) / PRINT_ROWS;
  for (guint i = 0; i < drawing->cards->len && i < PRINT_COLUMNS * PRINT_ROWS; i++)
    draw_card (cr, drawing, g_ptr_array_index (drawing->cards, i),
               (i % PRINT_COLUMNS) * (cell_width + gap), top + (i / PRINT_COLUMNS) * (cell_height + gap),
               cell_width, cell_height);
}

gboolean
xf_honour_wall_page_save_png (XfHonourWallPage *self,
                              GFile            *file,
                              GError          **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  WallDrawing *drawing;
  cairo_t *cr;

  g_return_val_if_fail (XF_IS_HONOUR_WALL_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!has_wall (self, error))
    return FALSE;
  drawing = wall_drawing_new (self);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (PAGE_WIDTH * IMAGE_SCALE),
                                        (int) (PAGE_HEIGHT * IMAGE_SCALE));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, IMAGE_SCALE, IMAGE_SCALE);
  cairo_translate (cr, PAGE_MARGIN, PAGE_MARGIN);
  draw_wall (cr, drawing, PAGE_WIDTH - 2 * PAGE_MARGIN, PAGE_HEIGHT - 2 * PAGE_MARGIN);
  cairo_destroy (cr);
  wall_drawing_free (drawing);

  {
    g_autofree char *path = g_file_get_path (file);

    status = path != NULL ? cairo_surface_write_to_png (surface, path) : CAIRO_STATUS_WRITE_ERROR;
  }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The image could not be written: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/*
 * Printing
 */

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              WallDrawing       *drawing)
{
  draw_wall (gtk_print_context_get_cairo_context (context), drawing,
             gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

static GtkPrintOperation *
create_print_operation (XfHonourWallPage *self,
                        GError          **error)
{
  WallDrawing *drawing;
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) paper = NULL;

  if (!has_wall (self, error))
    return NULL;

  drawing = wall_drawing_new (self);
  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, drawing->title);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), drawing,
                         (GClosureNotify) (void (*) (void)) wall_drawing_free, 0);
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
