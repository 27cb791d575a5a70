/* xf-filter-bar.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-filter-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-filter-bar.h"
#include "xf-reference.h"
#include "xf-wrap-layout.h"

struct _XfFilterBar
{
  GtkWidget        parent_instance;

  XfFilterChip    *chips [XF_REGISTRY_N_FILTERS];
  GtkToggleButton *archived_button;
  guint            clearing;
};

G_DEFINE_FINAL_TYPE (XfFilterBar, xf_filter_bar, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
emit_changed (XfFilterBar *self)
{
  if (self->clearing == 0)
    g_signal_emit (self, signals [CHANGED], 0);
}

static void
append (XfFilterBar *self,
        GtkWidget   *child)
{
  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

static XfFilterChip *
add_chip (XfFilterBar      *self,
          XfRegistryFilter  filter,
          const char       *title)
{
  XfFilterChip *chip = XF_FILTER_CHIP (xf_filter_chip_new (title));

  self->chips [filter] = chip;
  g_signal_connect_object (chip, "changed", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  append (self, GTK_WIDGET (chip));
  return chip;
}

static void
add_reference_options (XfFilterChip     *chip,
                       XfReference      *reference,
                       XfReferenceTable  table)
{
  GPtrArray *items;

  if (reference == NULL)
    return;

  items = xf_reference_get_items (reference, table);
  for (guint i = 0; i < items->len; i++)
    {
      const XfReferenceItem *item = g_ptr_array_index (items, i);

      xf_filter_chip_add_option (chip, item->code,
                                 xf_reference_label (reference, table, item->code),
                                 table == XF_REFERENCE_REGIONS ? item->parent : NULL);
    }
}

static void
populate (XfFilterBar *self)
{
  static const char *tiers[] = { "national", "provincial", "city", "county", "cultivation" };
  static const char *genders[] = { "male", "female" };
  static const char *kinds[] = { "individual", "collective" };
  g_autoptr(GError) error = NULL;
  XfReference *reference = xf_reference_get_default (&error);
  XfFilterChip *chip;

  if (reference == NULL)
    g_message ("Reference data unavailable, filters stay empty: %s", error->message);

  chip = add_chip (self, XF_REGISTRY_FILTER_TIER, _("Tier"));
  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    xf_filter_chip_add_option (chip, tiers[i], xf_tier_label (tiers[i]), NULL);

  chip = add_chip (self, XF_REGISTRY_FILTER_REGION, _("Region"));
  add_reference_options (chip, reference, XF_REFERENCE_REGIONS);

  chip = add_chip (self, XF_REGISTRY_FILTER_INDUSTRY, _("Industry"));
  add_reference_options (chip, reference, XF_REFERENCE_INDUSTRIES);

  add_chip (self, XF_REGISTRY_FILTER_ORGANISATION, _("Organisation"));

  chip = add_chip (self, XF_REGISTRY_FILTER_GENDER, _("Gender"));
  for (guint i = 0; i < G_N_ELEMENTS (genders); i++)
    xf_filter_chip_add_option (chip, genders[i], xf_gender_label (genders[i]), NULL);

  chip = add_chip (self, XF_REGISTRY_FILTER_AGE_BAND, _("Age"));
  xf_filter_chip_add_option (chip, "-35", _("35 and under"), NULL);
  xf_filter_chip_add_option (chip, "36-45", _("36 to 45"), NULL);
  xf_filter_chip_add_option (chip, "46-55", _("46 to 55"), NULL);
  xf_filter_chip_add_option (chip, "56-", _("56 and over"), NULL);

  chip = add_chip (self, XF_REGISTRY_FILTER_EDUCATION, _("Education"));
  add_reference_options (chip, reference, XF_REFERENCE_EDUCATION);

  chip = add_chip (self, XF_REGISTRY_FILTER_KIND, _("Kind"));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    xf_filter_chip_add_option (chip, kinds[i], xf_kind_label (kinds[i]), NULL);

  self->archived_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Show archived")));
  gtk_widget_add_css_class (GTK_WIDGET (self->archived_button), "archived-toggle");
  g_signal_connect_object (self->archived_button, "toggled",
                           G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  append (self, GTK_WIDGET (self->archived_button));
}

void
xf_filter_bar_set_registry (XfFilterBar *self,
                            XfRegistry  *registry)
{
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GError) error = NULL;
  XfFilterChip *chip;

  g_return_if_fail (XF_IS_FILTER_BAR (self));
  g_return_if_fail (XF_IS_REGISTRY (registry));

  chip = self->chips [XF_REGISTRY_FILTER_ORGANISATION];
  xf_filter_chip_remove_all_options (chip);

  organisations = xf_registry_list_organisations (registry, &error);
  if (organisations == NULL)
    {
      g_message ("Organisations unavailable for the filter: %s", error->message);
      return;
    }

  for (guint i = 0; i < organisations->len; i++)
    {
      XfOrganisationInfo *info = g_ptr_array_index (organisations, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, info->id);
      XfReference *ref = xf_reference_get_default (NULL);
      const char *label = info->name;

      /* The reference data knows the name in the user's language. */
      if (ref != NULL && xf_reference_lookup (ref, XF_REFERENCE_ORGANISATIONS, info->code) != NULL)
        label = xf_reference_label (ref, XF_REFERENCE_ORGANISATIONS, info->code);
      xf_filter_chip_add_option (chip, id, label, NULL);
    }
}

void
xf_filter_bar_apply (XfFilterBar     *self,
                     XfRegistryQuery *query)
{
  g_return_if_fail (XF_IS_FILTER_BAR (self));
  g_return_if_fail (query != NULL);

  for (guint f = 0; f < XF_REGISTRY_N_FILTERS; f++)
    {
      g_auto(GStrv) codes = NULL;

      if (self->chips [f] == NULL)
        continue;
      xf_registry_query_clear_filter (query, f);
      codes = xf_filter_chip_dup_codes (self->chips [f]);
      for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
        xf_registry_query_add_filter (query, f, codes[i]);
    }

  xf_registry_query_clear_filter (query, XF_REGISTRY_FILTER_STATUS);
  if (!gtk_toggle_button_get_active (self->archived_button))
    xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_STATUS, "active");
}

gboolean
xf_filter_bar_is_active (XfFilterBar *self)
{
  g_return_val_if_fail (XF_IS_FILTER_BAR (self), FALSE);

  if (gtk_toggle_button_get_active (self->archived_button))
    return TRUE;
  for (guint f = 0; f < XF_REGISTRY_N_FILTERS; f++)
    if (self->chips [f] != NULL && xf_filter_chip_get_n_chosen (self->chips [f]) > 0)
      return TRUE;
  return FALSE;
}

void
xf_filter_bar_clear (XfFilterBar *self)
{
  gboolean was_active;

  g_return_if_fail (XF_IS_FILTER_BAR (self));

  was_active = xf_filter_bar_is_active (self);
  self->clearing++;
  for (guint f = 0; f < XF_REGISTRY_N_FILTERS; f++)
    if (self->chips [f] != NULL)
      xf_filter_chip_clear (self->chips [f]);
  gtk_toggle_button_set_active (self->archived_button, FALSE);
  self->clearing--;

  if (was_active)
    emit_changed (self);
}

XfFilterChip *
xf_filter_bar_get_chip (XfFilterBar      *self,
                        XfRegistryFilter  filter)
{
  g_return_val_if_fail (XF_IS_FILTER_BAR (self), NULL);
  g_return_val_if_fail (filter < XF_REGISTRY_N_FILTERS, NULL);

  return self->chips [filter];
}

GtkToggleButton *
xf_filter_bar_get_archived_button (XfFilterBar *self)
{
  g_return_val_if_fail (XF_IS_FILTER_BAR (self), NULL);
  return self->archived_button;
}

static void
xf_filter_bar_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (xf_filter_bar_parent_class)->dispose (object);
}

static void
xf_filter_bar_class_init (XfFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_filter_bar_dispose;

  /**
   * XfFilterBar::changed:
   *
   * A filter choice changed.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* The chips wrap onto more lines rather than run off a narrow pane:
   * every filter stays in reach at any width. */
  gtk_widget_class_set_layout_manager_type (widget_class, XF_TYPE_WRAP_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "filterbar");
}

static void
xf_filter_bar_init (XfFilterBar *self)
{
  XfWrapLayout *layout = XF_WRAP_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  xf_wrap_layout_set_spacing (layout, 6);
  xf_wrap_layout_set_line_spacing (layout, 6);

  populate (self);
}

GtkWidget *
xf_filter_bar_new (void)
{
  return g_object_new (XF_TYPE_FILTER_BAR, NULL);
}
