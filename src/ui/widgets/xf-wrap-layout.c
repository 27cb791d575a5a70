/* xf-wrap-layout.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-wrap-layout"

#include "config.h"

#include "xf-wrap-layout.h"

struct _XfWrapLayout
{
  GtkLayoutManager parent_instance;

  int              spacing;
  int              line_spacing;
};

G_DEFINE_FINAL_TYPE (XfWrapLayout, xf_wrap_layout, GTK_TYPE_LAYOUT_MANAGER)

enum {
  PROP_0,
  PROP_SPACING,
  PROP_LINE_SPACING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Where one child goes: its line, its x and width on that line. */
typedef struct
{
  GtkWidget *child;
  guint      line;
  int        x;
  int        width;
} Placement;

typedef struct
{
  int min_height;
  int nat_height;
} Line;

/* Breaks the children into lines of at most @width pixels (G_MAXINT: one
 * line). A child wider than the whole width gets a line of its own, at its
 * minimum width. */
static void
break_lines (XfWrapLayout *self,
             GtkWidget    *widget,
             int           width,
             GArray       *placements,
             GArray       *lines)
{
  int x = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Placement placement = { child, 0, 0, 0 };
      Line *line;
      int min_w, nat_w, min_h, nat_h;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
      placement.width = MAX (min_w, MIN (nat_w, width));

      if (lines->len == 0 || (x > 0 && x + self->spacing + placement.width > width))
        {
          Line fresh = { 0, 0 };

          g_array_append_val (lines, fresh);
          x = 0;
        }
      else if (x > 0)
        x += self->spacing;

      placement.line = lines->len - 1;
      placement.x = x;
      x += placement.width;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, placement.width, &min_h, &nat_h, NULL, NULL);
      line = &g_array_index (lines, Line, placement.line);
      line->min_height = MAX (line->min_height, min_h);
      line->nat_height = MAX (line->nat_height, nat_h);

      g_array_append_val (placements, placement);
    }
}

static GtkSizeRequestMode
xf_wrap_layout_get_request_mode (GtkLayoutManager *manager,
                                 GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
xf_wrap_layout_measure (GtkLayoutManager *manager,
                        GtkWidget        *widget,
                        GtkOrientation    orientation,
                        int               for_size,
                        int              *minimum,
                        int              *natural,
                        int              *minimum_baseline,
                        int              *natural_baseline)
{
  XfWrapLayout *self = XF_WRAP_LAYOUT (manager);
  int min = 0, nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gboolean first = TRUE;

      /* Narrowest: one child per line. Widest: all on one line. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += child_nat + (first ? 0 : self->spacing);
          first = FALSE;
        }
    }
  else
    {
      g_autoptr(GArray) placements = g_array_new (FALSE, FALSE, sizeof (Placement));
      g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));

      break_lines (self, widget, for_size < 0 ? G_MAXINT : for_size, placements, lines);
      for (guint i = 0; i < lines->len; i++)
        {
          const Line *line = &g_array_index (lines, Line, i);
          int gap = i > 0 ? self->line_spacing : 0;

          min += line->min_height + gap;
          nat += line->nat_height + gap;
        }
    }

  *minimum = min;
  *natural = nat;
  *minimum_baseline = -1;
  *natural_baseline = -1;
}

static void
xf_wrap_layout_allocate (GtkLayoutManager *manager,
                         GtkWidget        *widget,
                         int               width,
                         int               height,
                         int               baseline)
{
  XfWrapLayout *self = XF_WRAP_LAYOUT (manager);
  g_autoptr(GArray) placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_autofree int *line_y = NULL;
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int y = 0;

  break_lines (self, widget, width, placements, lines);

  line_y = g_new0 (int, MAX (lines->len, 1));
  for (guint i = 0; i < lines->len; i++)
    {
      line_y[i] = y;
      y += g_array_index (lines, Line, i).nat_height + self->line_spacing;
    }

  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *placement = &g_array_index (placements, Placement, i);
      const Line *line = &g_array_index (lines, Line, placement->line);
      int x = rtl ? width - placement->x - placement->width : placement->x;

      gtk_widget_size_allocate (placement->child,
                                &(GtkAllocation) { x, line_y[placement->line],
                                                   placement->width, line->nat_height },
                                -1);
    }
}

static void
xf_wrap_layout_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  XfWrapLayout *self = XF_WRAP_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_LINE_SPACING:
      g_value_set_int (value, self->line_spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_wrap_layout_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  XfWrapLayout *self = XF_WRAP_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      xf_wrap_layout_set_spacing (self, g_value_get_int (value));
      break;
    case PROP_LINE_SPACING:
      xf_wrap_layout_set_line_spacing (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_wrap_layout_class_init (XfWrapLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->get_property = xf_wrap_layout_get_property;
  object_class->set_property = xf_wrap_layout_set_property;

  layout_class->get_request_mode = xf_wrap_layout_get_request_mode;
  layout_class->measure = xf_wrap_layout_measure;
  layout_class->allocate = xf_wrap_layout_allocate;

  /**
   * XfWrapLayout:spacing:
   *
   * Pixels between two children on one line.
   */
  properties [PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * XfWrapLayout:line-spacing:
   *
   * Pixels between two lines.
   */
  properties [PROP_LINE_SPACING] =
    g_param_spec_int ("line-spacing", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xf_wrap_layout_init (XfWrapLayout *self)
{
}

GtkLayoutManager *
xf_wrap_layout_new (void)
{
  return g_object_new (XF_TYPE_WRAP_LAYOUT, NULL);
}

int
xf_wrap_layout_get_spacing (XfWrapLayout *self)
{
  g_return_val_if_fail (XF_IS_WRAP_LAYOUT (self), 0);
  return self->spacing;
}

void
xf_wrap_layout_set_spacing (XfWrapLayout *self,
                            int           spacing)
{
  g_return_if_fail (XF_IS_WRAP_LAYOUT (self));
  g_return_if_fail (spacing >= 0);

  if (self->spacing == spacing)
    return;
  self->spacing = spacing;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SPACING]);
}

int
xf_wrap_layout_get_line_spacing (XfWrapLayout *self)
{
  g_return_val_if_fail (XF_IS_WRAP_LAYOUT (self), 0);
  return self->line_spacing;
}

void
xf_wrap_layout_set_line_spacing (XfWrapLayout *self,
                                 int           spacing)
{
  g_return_if_fail (XF_IS_WRAP_LAYOUT (self));
  g_return_if_fail (spacing >= 0);

  if (self->line_spacing == spacing)
    return;
  self->line_spacing = spacing;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LINE_SPACING]);
}
