/* xf-notice-document-layout.c — the printed notice: layout, pages, drawing
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-notice"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-notice-document-private.h"

/*
 * The notice is a column of blocks: paragraphs (Pango layouts that may
 * split between lines across pages, unless kept together) and table rows
 * (never split). Pagination places blocks, or runs of a paragraph's lines,
 * as pieces on pages and repeats the table's heading row at the top of
 * every page the table continues on. All sizes are points: the Pango
 * context runs at 72 dpi without hinted metrics, so a PDF and a printer's
 * page get the same line breaks.
 */

#define MARGIN_MM      25.0
#define BODY_SIZE      11.0
#define TABLE_SIZE     9.5
#define SMALL_SIZE     8.5
#define CELL_PADDING   4.0
#define RULE_WIDTH     0.5
#define HEADING_SHADE  0.88
#define MARK_COLOUR    "#c01c28"

typedef struct
{
  double x;          /* where the line starts, from the block's left */
  double top;        /* from the layout's top */
  double bottom;
  double baseline;
} LineBox;

typedef struct
{
  gboolean     row;
  /* Text */
  PangoLayout *layout;
  double       x;
  GArray      *lines;          /* (element-type LineBox) */
  int          flags;
  /* Table row */
  PangoLayout *cells[XF_NOTICE_N_COLUMNS];
  gboolean     heading;
  double       height;
  double       space_before;
} Block;

typedef struct
{
  Block  *block;
  int     first;   /* lines [first, last) of a text block */
  int     last;
  double  y;
} Piece;

static void
block_free (Block *block)
{
  g_clear_object (&block->layout);
  g_clear_pointer (&block->lines, g_array_unref);
  for (int c = 0; c < XF_NOTICE_N_COLUMNS; c++)
    g_clear_object (&block->cells[c]);
  g_free (block);
}

void
_xf_notice_document_clear_layout (XfNoticeDocument *self)
{
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_object (&self->context);
  self->heading = NULL;
}

static double
margin (XfNoticeDocument *self)
{
  /* 25 mm on A4; less on a page too small for it. */
  return MIN (MARGIN_MM / 25.4 * 72.0, MIN (self->width, self->height) / 8.0);
}

static PangoFontDescription *
font_new (double   size,
          gboolean bold)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, XF_NOTICE_FONT_FAMILY);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  return font;
}

static PangoLayout *
layout_new (XfNoticeDocument *self,
            const char       *markup,
            double            size,
            gboolean          bold,
            double            width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = font_new (size, bold);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static double
natural_width (XfNoticeDocument *self,
               const char       *text,
               double            size,
               gboolean          bold)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  g_autoptr(PangoLayout) layout = layout_new (self, markup, size, bold, -1);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* Where each line is, so that a paragraph can be split between lines. */
static GArray *
measure_lines (PangoLayout *layout)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (LineBox));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle in_layout, in_line;
      LineBox box;
      int top, bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &in_layout);
      pango_layout_line_get_extents (line, NULL, &in_line);
      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      box.x = (double) (in_layout.x - in_line.x) / PANGO_SCALE;
      box.top = (double) top / PANGO_SCALE;
      box.bottom = (double) bottom / PANGO_SCALE;
      box.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      g_array_append_val (lines, box);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return lines;
}

/*
 * Blocks
 */

void
_xf_notice_document_add_text (XfNoticeDocument *self,
                              const char       *markup,
                              XfNoticeStyle     style,
                              double            space_before,
                              int               flags)
{
  double body_width = self->width - 2 * margin (self);
  double size = BODY_SIZE, indent = 0, x = 0;
  PangoAlignment alignment = PANGO_ALIGN_LEFT;
  gboolean bold = FALSE, justify = FALSE;
  float spacing = 1.25f;
  g_autofree char *styled = NULL;
  Block *block;

  switch (style)
    {
    case XF_NOTICE_STYLE_PUBLISHER:
      size = 14;
      alignment = PANGO_ALIGN_CENTER;
      break;
    case XF_NOTICE_STYLE_TITLE:
      size = 20;
      bold = TRUE;
      spacing = 1.1f;
      alignment = PANGO_ALIGN_CENTER;
      break;
    case XF_NOTICE_STYLE_MARK:
      size = 12;
      bold = TRUE;
      alignment = PANGO_ALIGN_CENTER;
      styled = g_strdup_printf ("<span foreground=\"" MARK_COLOUR "\">%s</span>", markup);
      break;
    case XF_NOTICE_STYLE_NOTE:
      size = 10;
      alignment = PANGO_ALIGN_CENTER;
      styled = g_strdup_printf ("<span foreground=\"#444444\">%s</span>", markup);
      break;
    case XF_NOTICE_STYLE_HEADING:
      bold = TRUE;
      break;
    case XF_NOTICE_STYLE_BODY:
      justify = TRUE;
      indent = 2 * BODY_SIZE;   /* two characters, as Chinese paragraphs begin */
      break;
    case XF_NOTICE_STYLE_CONTACT:
      x = 2 * BODY_SIZE;
      body_width -= x;
      break;
    case XF_NOTICE_STYLE_SIGNATURE:
      size = 12;
      spacing = 1.5f;
      alignment = PANGO_ALIGN_RIGHT;
      break;
    default:
      g_assert_not_reached ();
    }

  block = g_new0 (Block, 1);
  block->layout = layout_new (self, styled != NULL ? styled : markup, size, bold, body_width);
  pango_layout_set_alignment (block->layout, alignment);
  pango_layout_set_justify (block->layout, justify);
  pango_layout_set_indent (block->layout, (int) (indent * PANGO_SCALE));
  pango_layout_set_line_spacing (block->layout, spacing);
  block->x = x;
  block->lines = measure_lines (block->layout);
  block->height = layout_height (block->layout);
  block->space_before = space_before;
  block->flags = flags;
  g_ptr_array_add (self->blocks, block);
}

static Block *
row_new (XfNoticeDocument  *self,
         const char *const *cells,
         gboolean           heading)
{
  Block *block = g_new0 (Block, 1);

  block->row = TRUE;
  block->heading = heading;
  for (int c = 0; c < XF_NOTICE_N_COLUMNS; c++)
    {
      double width = self->column_x[c + 1] - self->column_x[c] - 2 * CELL_PADDING;
      g_autofree char *markup = g_markup_escape_text (cells[c], -1);
      PangoLayout *layout = layout_new (self, markup, TABLE_SIZE, heading, width);
      gboolean centred = heading || c == XF_NOTICE_COLUMN_NUMBER ||
                         c == XF_NOTICE_COLUMN_NAME || c == XF_NOTICE_COLUMN_GENDER;

      pango_layout_set_alignment (layout, centred ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
      pango_layout_set_line_spacing (layout, 1.1f);
      block->cells[c] = layout;
      block->height = MAX (block->height, layout_height (layout) + 2 * CELL_PADDING);
    }
  return block;
}

/* Columns as wide as their longest value (and never narrower than their
 * headings), the name, unit and honour up to a share of the width; the
 * summary of deeds takes the rest, at least SUMMARY_SHARE of it, taken
 * back from the unit and the honour when they asked for too much. */
#define SUMMARY_SHARE 0.36

static void
size_columns (XfNoticeDocument *self)
{
  static const double caps[XF_NOTICE_N_COLUMNS] = { 0.1, 0.2, 0.1, 0.22, 0.18, 1 };
  double left = margin (self);
  double body_width = self->width - 2 * left;
  double widths[XF_NOTICE_N_COLUMNS], minimum[XF_NOTICE_N_COLUMNS];
  double rest;

  for (int c = 0; c < XF_NOTICE_N_COLUMNS; c++)
    minimum[c] = widths[c] = natural_width (self, _xf_notice_document_heading (c), TABLE_SIZE, TRUE) +
                             2 * CELL_PADDING + 1;
  for (guint i = 0; i < self->candidates->len; i++)
    {
      char **cells = g_ptr_array_index (self->candidates, i);

      for (int c = 0; c < XF_NOTICE_COLUMN_SUMMARY; c++)
        widths[c] = MAX (widths[c], natural_width (self, cells[c], TABLE_SIZE, FALSE) +
                                    2 * CELL_PADDING + 1);
    }

  rest = body_width;
  for (int c = 0; c < XF_NOTICE_COLUMN_SUMMARY; c++)
    {
      widths[c] = MAX (minimum[c], MIN (widths[c], body_width * caps[c]));
      rest -= widths[c];
    }
  for (int c = XF_NOTICE_COLUMN_UNIT; c <= XF_NOTICE_COLUMN_HONOUR; c++)
    if (rest < body_width * SUMMARY_SHARE)
      {
        double give = MIN (widths[c] - minimum[c], body_width * SUMMARY_SHARE - rest);

        widths[c] -= give;
        rest += give;
      }
  widths[XF_NOTICE_COLUMN_SUMMARY] = MAX (rest, minimum[XF_NOTICE_COLUMN_SUMMARY]);

  self->column_x[0] = left;
  for (int c = 0; c < XF_NOTICE_N_COLUMNS; c++)
    self->column_x[c + 1] = self->column_x[c] + widths[c];
}

void
_xf_notice_document_add_table (XfNoticeDocument *self,
                               double            space_before)
{
  const char *heading[XF_NOTICE_N_COLUMNS];
  Block *block;

  size_columns (self);
  for (int c = 0; c < XF_NOTICE_N_COLUMNS; c++)
    heading[c] = _xf_notice_document_heading (c);
  block = row_new (self, heading, TRUE);
  block->space_before = space_before;
  self->heading = block;
  g_ptr_array_add (self->blocks, block);

  for (guint i = 0; i < self->candidates->len; i++)
    g_ptr_array_add (self->blocks,
                     row_new (self, g_ptr_array_index (self->candidates, i), FALSE));
}

/*
 * Pagination
 */

typedef struct
{
  XfNoticeDocument *self;
  GArray           *page;   /* (element-type Piece) */
  double            top;
  double            bottom;
  double            y;
} Cursor;

static void
next_page (Cursor *cursor)
{
  cursor->page = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_ptr_array_add (cursor->self->pages, cursor->page);
  cursor->y = cursor->top;
}

static void
place (Cursor *cursor,
       Block  *block,
       int     first,
       int     last,
       double  height)
{
  Piece piece = { block, first, last, cursor->y };

  g_array_append_val (cursor->page, piece);
  cursor->y += height;
}

static double
lines_height (Block *block,
              int    first,
              int    last)
{
  LineBox *lines = (LineBox *) (gpointer) block->lines->data;

  return lines[last - 1].bottom - lines[first].top;
}

/* The height a block needs on a page before it may start there. */
static double
start_height (Block *block)
{
  if (block->row || (block->flags & XF_NOTICE_KEEP_TOGETHER) != 0)
    return block->height;
  /* No single line of a paragraph left alone at the foot of a page. */
  return lines_height (block, 0, MIN (2, (int) block->lines->len));
}

static void
place_row (Cursor *cursor,
           Block  *block,
           Block  *next)
{
  double gap = cursor->y > cursor->top ? block->space_before : 0;
  double needed = block->height;

  /* The heading stays with the first row. */
  if (block->heading && next != NULL && next->row)
    needed += next->height;
  if (cursor->y + gap + needed > cursor->bottom && cursor->y > cursor->top)
    {
      next_page (cursor);
      gap = 0;
      if (!block->heading)
        place (cursor, cursor->self->heading, 0, 0, ((Block *) cursor->self->heading)->height);
    }
  cursor->y += gap;
  place (cursor, block, 0, 0, block->height);
}

/* The height from block @index to the first lines of the block after the
 * last one in its chain of blocks kept with the next. */
static double
chain_height (XfNoticeDocument *self,
              guint             index)
{
  double height = 0;

  for (guint i = index; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      if (i > index)
        height += block->space_before;
      if ((block->flags & XF_NOTICE_KEEP_WITH_NEXT) == 0 || i + 1 == self->blocks->len)
        return height + start_height (block);
      height += block->height;
    }
  return height;
}

static void
place_text (Cursor *cursor,
            guint   index,
            Block  *block,
            Block  *next)
{
  double gap = cursor->y > cursor->top ? block->space_before : 0;
  double needed = start_height (block);
  int n_lines = (int) block->lines->len;
  int first = 0;

  if ((block->flags & XF_NOTICE_KEEP_WITH_NEXT) != 0 && next != NULL)
    {
      double chain = chain_height (cursor->self, index);

      /* A chain longer than a page breaks where it must. */
      if (chain <= cursor->bottom - cursor->top)
        needed = chain;
    }
  if (cursor->y + gap + needed > cursor->bottom && cursor->y > cursor->top)
    {
      next_page (cursor);
      gap = 0;
    }
  cursor->y += gap;

  while (first < n_lines)
    {
      int last = first;

      while (last < n_lines &&
             cursor->y + lines_height (block, first, last + 1) <= cursor->bottom)
        last++;
      /* A line taller than a whole page goes on one anyway. */
      if (last == first)
        last = first + 1;
      place (cursor, block, first, last, lines_height (block, first, last));
      first = last;
      if (first < n_lines)
        next_page (cursor);
    }
}

int
xf_notice_document_paginate (XfNoticeDocument *self,
                             cairo_t          *cr,
                             double            width,
                             double            height)
{
  cairo_font_options_t *options;
  Cursor cursor = { self, NULL, 0, 0, 0 };

  g_return_val_if_fail (self != NULL, 1);
  g_return_val_if_fail (cr != NULL, 1);
  g_return_val_if_fail (width > 0 && height > 0, 1);

  _xf_notice_document_clear_layout (self);
  self->width = width;
  self->height = height;

  /* @cr's font options, but unhinted metrics at 72 dpi: one point is one
   * unit, and the line breaks do not depend on the device. */
  self->context = pango_cairo_create_context (cr);
  pango_context_set_matrix (self->context, NULL);
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  if (pango_cairo_context_get_font_options (self->context) != NULL)
    cairo_font_options_merge (options, pango_cairo_context_get_font_options (self->context));
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_from_string ("zh-cn"));

  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  _xf_notice_document_build (self);

  cursor.top = margin (self);
  cursor.bottom = height - margin (self);
  next_page (&cursor);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      Block *next = i + 1 < self->blocks->len ? g_ptr_array_index (self->blocks, i + 1) : NULL;

      if (block->row)
        place_row (&cursor, block, next);
      else
        place_text (&cursor, i, block, next);
    }

  return (int) self->pages->len;
}

int
xf_notice_document_get_n_pages (XfNoticeDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages != NULL ? (int) self->pages->len : 0;
}

/*
 * Drawing
 */

static void
draw_text (XfNoticeDocument *self,
           cairo_t          *cr,
           const Piece      *piece)
{
  Block *block = piece->block;
  LineBox *lines = (LineBox *) (gpointer) block->lines->data;
  double left = margin (self) + block->x;

  for (int i = piece->first; i < piece->last; i++)
    {
      cairo_move_to (cr, left + lines[i].x, piece->y + lines[i].baseline - lines[piece->first].top);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->layout, i));
    }
}

static void
draw_row (XfNoticeDocument *self,
          cairo_t          *cr,
          const Piece      *piece)
{
  Block *block = piece->block;
  double left = self->column_x[0];
  double right = self->column_x[XF_NOTICE_N_COLUMNS];
  double top = piece->y, bottom = piece->y + block->height;

  if (block->heading)
    {
      cairo_set_source_rgb (cr, HEADING_SHADE, HEADING_SHADE, HEADING_SHADE);
      cairo_rectangle (cr, left, top, right - left, block->height);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int c = 0; c < XF_NOTICE_N_COLUMNS; c++)
    {
      /* Centred vertically in the row. */
      double cell_height = layout_height (block->cells[c]);

      cairo_move_to (cr, self->column_x[c] + CELL_PADDING, top + (block->height - cell_height) / 2);
      pango_cairo_show_layout (cr, block->cells[c]);
    }

  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_move_to (cr, left, top);
  cairo_line_to (cr, right, top);
  cairo_move_to (cr, left, bottom);
  cairo_line_to (cr, right, bottom);
  for (int c = 0; c <= XF_NOTICE_N_COLUMNS; c++)
    {
      cairo_move_to (cr, self->column_x[c], top);
      cairo_line_to (cr, self->column_x[c], bottom);
    }
  cairo_stroke (cr);
}

/* The title (on later pages), the draft mark and "Page N of M". */
static void
draw_margins (XfNoticeDocument *self,
              cairo_t          *cr,
              int               page)
{
  double left = margin (self), body_width = self->width - 2 * left;
  g_autofree char *number = NULL;
  g_autofree char *markup = NULL;
  g_autoptr(PangoLayout) footer = NULL;

  if (page > 0 || _xf_notice_document_is_draft (self))
    {
      g_autoptr(PangoLayout) header = NULL;

      markup = g_markup_printf_escaped ("<span foreground=\"#555555\">%s</span>",
                                        page > 0 ? self->title : "");
      header = layout_new (self, markup, SMALL_SIZE, FALSE, body_width * 0.75);
      pango_layout_set_ellipsize (header, PANGO_ELLIPSIZE_END);
      cairo_move_to (cr, left, left - 2 * SMALL_SIZE - 6);
      pango_cairo_show_layout (cr, header);
      g_clear_pointer (&markup, g_free);

      if (_xf_notice_document_is_draft (self))
        {
          g_autoptr(PangoLayout) mark = NULL;

          markup = g_markup_printf_escaped ("<span foreground=\"" MARK_COLOUR "\">%s</span>",
                                            /* Translators: at the top of each page of a draft notice */
                                            C_("notice", "DRAFT"));
          mark = layout_new (self, markup, SMALL_SIZE, TRUE, body_width * 0.25);
          pango_layout_set_alignment (mark, PANGO_ALIGN_RIGHT);
          cairo_move_to (cr, left + body_width * 0.75, left - 2 * SMALL_SIZE - 6);
          pango_cairo_show_layout (cr, mark);
          g_clear_pointer (&markup, g_free);
        }
    }

  /* Translators: at the foot of each page of a printed notice */
  number = g_strdup_printf (_("Page %d of %d"), page + 1, (int) self->pages->len);
  markup = g_markup_escape_text (number, -1);
  footer = layout_new (self, markup, SMALL_SIZE, FALSE, body_width);
  pango_layout_set_alignment (footer, PANGO_ALIGN_CENTER);
  cairo_move_to (cr, left, self->height - left + SMALL_SIZE + 6);
  pango_cairo_show_layout (cr, footer);
}

void
xf_notice_document_draw_page (XfNoticeDocument *self,
                              cairo_t          *cr,
                              int               page)
{
  GArray *pieces;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->pages != NULL);
  g_return_if_fail (page >= 0 && (guint) page < self->pages->len);

  pieces = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);

      cairo_set_source_rgb (cr, 0, 0, 0);
      if (piece->block->row)
        draw_row (self, cr, piece);
      else
        draw_text (self, cr, piece);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_margins (self, cr, page);
  cairo_restore (cr);
}
