/* xf-registry-cell.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-registry-cell"

#include "config.h"

#include <math.h>
#include <string.h>

#include "xf-registry-cell.h"

struct _XfRegistryCell
{
  GtkWidget    parent_instance;

  char        *text;
  guint        style;
  float        xalign;
  gboolean     fit_text;

  /* What is drawn: shared with the cells showing the same text alike. */
  PangoLayout *layout;
  guint        layout_font;
  int          layout_width;
};

G_DEFINE_FINAL_TYPE (XfRegistryCell, xf_registry_cell, GTK_TYPE_WIDGET)

/* Tells fonts apart: the description and the resolution. */
static guint
font_key (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);

  return pango_font_description_hash (pango_context_get_font_description (context)) ^
         (guint) (pango_cairo_context_get_resolution (context) * 100);
}

/*
 * Sizes of text, measured once per font
 */

typedef struct
{
  guint  font;
  char  *text;    /* NULL: a line of any text */
  int    width;
  int    height;
} TextSize;

#define N_SIZES 16

/* Latin and Han, so a line is tall enough for the Chinese names. */
#define SAMPLE "Ag\xe6\xb1\x89"

static void
measure_text (GtkWidget  *widget,
              const char *text,
              int        *width,
              int        *height)
{
  static TextSize sizes[N_SIZES];
  static guint next;
  guint font = font_key (widget);
  g_autoptr(PangoLayout) layout = NULL;
  TextSize *size;

  for (guint i = 0; i < N_SIZES; i++)
    if (sizes[i].height > 0 && sizes[i].font == font && g_strcmp0 (sizes[i].text, text) == 0)
      {
        *width = sizes[i].width;
        *height = sizes[i].height;
        return;
      }

  layout = gtk_widget_create_pango_layout (widget, text != NULL ? text : SAMPLE);
  pango_layout_get_pixel_size (layout, width, height);

  size = &sizes[next++ % N_SIZES];
  g_free (size->text);
  *size = (TextSize) { font, g_strdup (text), *width, *height };
}

/*
 * Layouts, shared
 *
 * Shaping text is most of the cost of drawing a row, and most columns show
 * a handful of values (kinds, tiers, industries, regions): a layout is
 * made once for a text in a style, font and width, and shared.
 */

#define MAX_LAYOUTS 2048

static GHashTable *layouts;   /* "style font width text" → PangoLayout */

static PangoLayout *
lookup_layout (XfRegistryCell *self,
               guint           font,
               int             width)
{
  g_autofree char *key = g_strdup_printf ("%u %u %d %s", self->style, font, width, self->text);
  PangoLayout *layout;

  if (layouts == NULL)
    layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  layout = g_hash_table_lookup (layouts, key);
  if (layout != NULL)
    return g_object_ref (layout);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_width (layout, width * PANGO_SCALE);

  /* Names are all different: start afresh rather than grow for ever. */
  if (g_hash_table_size (layouts) >= MAX_LAYOUTS)
    g_hash_table_remove_all (layouts);
  g_hash_table_insert (layouts, g_steal_pointer (&key), g_object_ref (layout));
  return layout;
}

static PangoLayout *
ensure_layout (XfRegistryCell *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  guint font = font_key (widget);

  if (self->layout == NULL || self->layout_font != font || self->layout_width != width)
    {
      g_clear_object (&self->layout);
      self->layout = lookup_layout (self, font, width);
      self->layout_font = font;
      self->layout_width = width;
    }
  return self->layout;
}

/*
 * GtkWidget
 */

static void
xf_registry_cell_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  XfRegistryCell *self = XF_REGISTRY_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float xalign = self->xalign;
  PangoRectangle logical;
  PangoLayout *layout;
  GdkRGBA color;

  if (self->text[0] == '\0' || width <= 0)
    return;

  layout = ensure_layout (self);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    xalign = 1.0f - xalign;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (floorf (xalign * MAX (width - logical.width, 0)) - logical.x,
                                                floorf ((height - logical.height) / 2.0f)));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static GtkSizeRequestMode
xf_registry_cell_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
xf_registry_cell_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  XfRegistryCell *self = XF_REGISTRY_CELL (widget);
  gboolean fit = self->fit_text && self->text[0] != '\0';
  int width, height;

  measure_text (widget, fit ? self->text : NULL, &width, &height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 0;
      *natural = fit ? width : 0;
    }
  else
    {
      *minimum = height;
      *natural = height;
    }
}

/* The whole text, when it was cut. */
static gboolean
xf_registry_cell_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard,
                                GtkTooltip *tooltip)
{
  XfRegistryCell *self = XF_REGISTRY_CELL (widget);

  if (self->text[0] == '\0' || gtk_widget_get_width (widget) <= 0 ||
      !pango_layout_is_ellipsized (ensure_layout (self)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->text);
  return TRUE;
}

static void
xf_registry_cell_direction_changed (GtkWidget        *widget,
                                    GtkTextDirection  previous_direction)
{
  GTK_WIDGET_CLASS (xf_registry_cell_parent_class)->direction_changed (widget, previous_direction);
  gtk_widget_queue_draw (widget);
}

static void
xf_registry_cell_finalize (GObject *object)
{
  XfRegistryCell *self = XF_REGISTRY_CELL (object);

  g_clear_object (&self->layout);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (xf_registry_cell_parent_class)->finalize (object);
}

static void
xf_registry_cell_class_init (XfRegistryCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = xf_registry_cell_finalize;
  widget_class->snapshot = xf_registry_cell_snapshot;
  widget_class->get_request_mode = xf_registry_cell_get_request_mode;
  widget_class->measure = xf_registry_cell_measure;
  widget_class->query_tooltip = xf_registry_cell_query_tooltip;
  widget_class->direction_changed = xf_registry_cell_direction_changed;

  /* The same node as a label, so label styles apply. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
xf_registry_cell_init (XfRegistryCell *self)
{
  self->text = g_strdup ("");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

/**
 * xf_registry_cell_new:
 * @style: cells that lay out text alike (the same style classes, apart
 *   from colours) share a style number, and with it their layouts
 */
GtkWidget *
xf_registry_cell_new (guint style)
{
  XfRegistryCell *self = g_object_new (XF_TYPE_REGISTRY_CELL, NULL);

  self->style = style;
  return GTK_WIDGET (self);
}

const char *
xf_registry_cell_get_text (XfRegistryCell *self)
{
  g_return_val_if_fail (XF_IS_REGISTRY_CELL (self), NULL);
  return self->text;
}

void
xf_registry_cell_set_text (XfRegistryCell *self,
                           const char     *text)
{
  g_return_if_fail (XF_IS_REGISTRY_CELL (self));

  if (text == NULL)
    text = "";
  if (strcmp (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_object (&self->layout);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  if (self->fit_text)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
xf_registry_cell_set_xalign (XfRegistryCell *self,
                             float           xalign)
{
  g_return_if_fail (XF_IS_REGISTRY_CELL (self));

  xalign = CLAMP (xalign, 0.0f, 1.0f);
  if (self->xalign == xalign)
    return;
  self->xalign = xalign;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
xf_registry_cell_set_fit_text (XfRegistryCell *self,
                               gboolean        fit_text)
{
  g_return_if_fail (XF_IS_REGISTRY_CELL (self));

  fit_text = !!fit_text;
  if (self->fit_text == fit_text)
    return;
  self->fit_text = fit_text;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
