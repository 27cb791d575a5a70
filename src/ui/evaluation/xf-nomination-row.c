/* xf-nomination-row.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-nomination-row"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-nomination-row.h"

struct _XfNominationRow
{
  GtkWidget     parent_instance;

  XfNomination *nomination;

  GtkWidget    *grid;
  GtkLabel     *candidate_label;
  GtkLabel     *unit_label;
  GtkLabel     *stage_label;
  GtkLabel     *due_label;
};

G_DEFINE_FINAL_TYPE (XfNominationRow, xf_nomination_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NOMINATION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const due_classes[] = { "warning", "error", "dim-label" };

char *
xf_nomination_row_format_due (const char  *due_on,
                              XfDueState   state,
                              const char **style_class)
{
  *style_class = NULL;
  if (due_on == NULL || due_on[0] == '\0')
    return NULL;

  switch (state)
    {
    case XF_DUE_OVERDUE:
      *style_class = "error";
      /* Translators: %s is a date, 2026-03-12; the stage is late */
      return g_strdup_printf (_("Overdue, due %s"), due_on);
    case XF_DUE_SOON:
      *style_class = "warning";
      /* Translators: %s is a date, 2026-03-12, within two working days */
      return g_strdup_printf (_("Due soon, %s"), due_on);
    case XF_DUE_NONE:
    case XF_DUE_ON_TIME:
    case XF_DUE_DONE:
    case XF_DUE_DONE_LATE:
    default:
      *style_class = "dim-label";
      /* Translators: %s is a date, 2026-03-12 */
      return g_strdup_printf (_("Due %s"), due_on);
    }
}

/* Finished nominations look quieter; a conferred honour looks like success. */
static void
set_stage_style (XfNominationRow *self,
                 const char      *stage)
{
  GtkWidget *label = GTK_WIDGET (self->stage_label);

  gtk_widget_remove_css_class (label, "stage-final");
  gtk_widget_remove_css_class (label, "stage-conferred");
  gtk_widget_remove_css_class (label, "stage-returned");
  if (g_strcmp0 (stage, XF_STAGE_CONFERRED) == 0)
    gtk_widget_add_css_class (label, "stage-conferred");
  else if (stage != NULL && xf_stage_is_final (stage))
    gtk_widget_add_css_class (label, "stage-final");
  else if (g_strcmp0 (stage, XF_STAGE_RETURNED) == 0)
    gtk_widget_add_css_class (label, "stage-returned");
}

static void
update (XfNominationRow *self)
{
  XfNomination *nomination = self->nomination;
  const char *stage = nomination != NULL ? xf_nomination_get_stage (nomination) : NULL;
  const char *style_class = NULL;
  g_autofree char *due = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (due_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), due_classes[i]);

  if (nomination == NULL)
    {
      gtk_label_set_label (self->candidate_label, "");
      gtk_label_set_label (self->unit_label, "");
      gtk_label_set_label (self->stage_label, "");
      gtk_label_set_label (self->due_label, "");
      return;
    }

  gtk_label_set_label (self->candidate_label, xf_nomination_get_candidate_name (nomination));
  gtk_label_set_label (self->unit_label, xf_nomination_get_nominating_unit (nomination));
  gtk_label_set_label (self->stage_label, stage != NULL ? xf_stage_label (stage) : "");
  set_stage_style (self, stage);

  due = xf_nomination_row_format_due (xf_nomination_get_stage_due_on (nomination),
                                      xf_nomination_get_due_state (nomination), &style_class);
  gtk_label_set_label (self->due_label, due != NULL ? due : "");
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), due != NULL);
  if (style_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_label), style_class);
}

void
xf_nomination_row_set_nomination (XfNominationRow *self,
                                  XfNomination    *nomination)
{
  g_return_if_fail (XF_IS_NOMINATION_ROW (self));
  g_return_if_fail (nomination == NULL || XF_IS_NOMINATION (nomination));

  if (!g_set_object (&self->nomination, nomination))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOMINATION]);
}

XfNomination *
xf_nomination_row_get_nomination (XfNominationRow *self)
{
  g_return_val_if_fail (XF_IS_NOMINATION_ROW (self), NULL);
  return self->nomination;
}

GtkLabel *
xf_nomination_row_get_due_label (XfNominationRow *self)
{
  g_return_val_if_fail (XF_IS_NOMINATION_ROW (self), NULL);
  return self->due_label;
}

static GtkLabel *
add_label (XfNominationRow *self,
           int              column,
           int              row,
           float            xalign,
           const char      *style_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, column == 0);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  gtk_grid_attach (GTK_GRID (self->grid), label, column, row, 1, 1);
  return GTK_LABEL (label);
}

static void
xf_nomination_row_dispose (GObject *object)
{
  XfNominationRow *self = XF_NOMINATION_ROW (object);

  g_clear_pointer (&self->grid, gtk_widget_unparent);
  g_clear_object (&self->nomination);

  G_OBJECT_CLASS (xf_nomination_row_parent_class)->dispose (object);
}

static void
xf_nomination_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  XfNominationRow *self = XF_NOMINATION_ROW (object);

  switch (prop_id)
    {
    case PROP_NOMINATION:
      g_value_set_object (value, self->nomination);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_nomination_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  XfNominationRow *self = XF_NOMINATION_ROW (object);

  switch (prop_id)
    {
    case PROP_NOMINATION:
      xf_nomination_row_set_nomination (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_nomination_row_class_init (XfNominationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_nomination_row_dispose;
  object_class->get_property = xf_nomination_row_get_property;
  object_class->set_property = xf_nomination_row_set_property;

  properties [PROP_NOMINATION] =
    g_param_spec_object ("nomination", NULL, NULL, XF_TYPE_NOMINATION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nominationrow");
}

static void
xf_nomination_row_init (XfNominationRow *self)
{
  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 2);
  gtk_widget_set_margin_top (self->grid, 8);
  gtk_widget_set_margin_bottom (self->grid, 8);
  gtk_widget_set_margin_start (self->grid, 6);
  gtk_widget_set_margin_end (self->grid, 6);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));

  self->candidate_label = add_label (self, 0, 0, 0, "heading");
  self->unit_label = add_label (self, 0, 1, 0, "dim-label");
  self->stage_label = add_label (self, 1, 0, 1, "stage-pill");
  gtk_widget_set_halign (GTK_WIDGET (self->stage_label), GTK_ALIGN_END);
  self->due_label = add_label (self, 1, 1, 1, "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->unit_label), "caption");
}

GtkWidget *
xf_nomination_row_new (void)
{
  return g_object_new (XF_TYPE_NOMINATION_ROW, NULL);
}
