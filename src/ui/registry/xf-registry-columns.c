/* xf-registry-columns.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-registry-columns"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-pioneer.h"
#include "xf-reference.h"
#include "xf-registry-cell.h"
#include "xf-registry-columns.h"

typedef struct
{
  XfRegistrySort  sort;
  const char     *title;
  gboolean        expand;
  int             fixed_width;   /* -1: natural */
  guint          *bind_count;
} Column;

/* Set by a column's sorter when the column view's sorter consults it. */
static int probe_hit = -1;

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  probe_hit = GPOINTER_TO_INT (user_data);
  return -1;
}

gboolean
xf_registry_columns_get_sort (GtkColumnView  *view,
                              XfRegistrySort *sort,
                              gboolean       *descending)
{
  GtkSorter *sorter;
  GtkOrdering order;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), FALSE);

  /* The view's sorter asks its primary column first and inverts the answer
   * for a descending sort; every column sorter answers "smaller". */
  sorter = gtk_column_view_get_sorter (view);
  probe_hit = -1;
  order = gtk_sorter_compare (sorter, view, sorter);
  if (probe_hit < 0)
    return FALSE;

  if (sort != NULL)
    *sort = (XfRegistrySort) probe_hit;
  if (descending != NULL)
    *descending = order == GTK_ORDERING_LARGER;
  return TRUE;
}

const char *
xf_registry_columns_tier_class (const char *tier)
{
  static const char *tiers[] = { "national", "provincial", "city", "county", "cultivation" };
  static const char *classes[] = { "tier-national", "tier-provincial", "tier-city",
                                   "tier-county", "tier-cultivation" };

  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    if (g_strcmp0 (tier, tiers[i]) == 0)
      return classes[i];
  return "tier-cultivation";
}

static XfReference *
reference (void)
{
  /* Loaded once and kept; NULL when the data files are missing, and the
   * cells then show codes. */
  return xf_reference_get_default (NULL);
}

/*
 * Cells are XfRegistryCells, not GtkLabels: a jump binds some 200 rows of
 * seven cells, and labels measured and laid out every one of them (four
 * frames' work); a cell's size comes from its font, and cells showing the
 * same text in a column share its layout.
 */
static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               Column                   *column)
{
  GtkWidget *cell = xf_registry_cell_new (column->sort);

  switch (column->sort)
    {
    case XF_REGISTRY_SORT_TIER:
      gtk_widget_set_halign (cell, GTK_ALIGN_START);
      gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
      xf_registry_cell_set_fit_text (XF_REGISTRY_CELL (cell), TRUE);
      gtk_widget_add_css_class (cell, "tier-pill");
      break;
    case XF_REGISTRY_SORT_HONOURS:
      xf_registry_cell_set_xalign (XF_REGISTRY_CELL (cell), 1.0f);
      gtk_widget_add_css_class (cell, "numeric");
      break;
    default:
      break;
    }
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              Column                   *column)
{
  XfRegistryCell *cell = XF_REGISTRY_CELL (gtk_list_item_get_child (item));
  XfPioneer *pioneer = gtk_list_item_get_item (item);
  char number[16];
  const char *text = NULL;

  if (pioneer == NULL)
    return;

  switch (column->sort)
    {
    case XF_REGISTRY_SORT_NAME:
      text = xf_pioneer_get_name (pioneer);
      if (column->bind_count != NULL)
        (*column->bind_count)++;
      break;
    case XF_REGISTRY_SORT_KIND:
      text = xf_kind_label (xf_pioneer_get_kind (pioneer));
      break;
    case XF_REGISTRY_SORT_TIER:
      {
        const char *tier = xf_pioneer_get_tier (pioneer);
        const char *css_class = xf_registry_columns_tier_class (tier);
        const char *old_class = g_object_get_data (G_OBJECT (cell), "xf-tier-class");

        /* Restyling is the costly part of a bind: only when the tier differs. */
        text = xf_tier_label (tier);
        if (old_class != css_class)
          {
            if (old_class != NULL)
              gtk_widget_remove_css_class (GTK_WIDGET (cell), old_class);
            gtk_widget_add_css_class (GTK_WIDGET (cell), css_class);
            g_object_set_data (G_OBJECT (cell), "xf-tier-class", (gpointer) css_class);
          }
      }
      break;
    case XF_REGISTRY_SORT_REGION:
      if (reference () != NULL)
        text = xf_reference_label (reference (), XF_REFERENCE_REGIONS,
                                   xf_pioneer_get_region_code (pioneer));
      else
        text = xf_pioneer_get_region_code (pioneer);
      break;
    case XF_REGISTRY_SORT_ORGANISATION:
      text = xf_pioneer_get_organisation_name (pioneer);
      break;
    case XF_REGISTRY_SORT_INDUSTRY:
      if (reference () != NULL)
        text = xf_reference_label (reference (), XF_REFERENCE_INDUSTRIES,
                                   xf_pioneer_get_industry (pioneer));
      else
        text = xf_pioneer_get_industry (pioneer);
      break;
    case XF_REGISTRY_SORT_HONOURS:
      g_snprintf (number, sizeof number, "%d", xf_pioneer_get_honours_count (pioneer));
      text = number;
      break;
    default:
      g_assert_not_reached ();
    }

  xf_registry_cell_set_text (cell, text);
}

void
xf_registry_columns_setup (GtkColumnView *view,
                           guint         *bind_count)
{
  const Column columns[] = {
    { XF_REGISTRY_SORT_NAME, N_("Name"), TRUE, 150 },
    { XF_REGISTRY_SORT_KIND, N_("Kind"), FALSE, 90 },
    { XF_REGISTRY_SORT_TIER, N_("Tier"), FALSE, 150 },
    { XF_REGISTRY_SORT_REGION, N_("Region"), FALSE, 130 },
    { XF_REGISTRY_SORT_ORGANISATION, N_("Organisation"), TRUE, 170 },
    { XF_REGISTRY_SORT_INDUSTRY, N_("Industry"), FALSE, 150 },
    { XF_REGISTRY_SORT_HONOURS, N_("Honours"), FALSE, 80 },
  };

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      Column *column = g_memdup2 (&columns[i], sizeof (Column));
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      column->bind_count = bind_count;
      /* The factory owns the column description. */
      g_object_set_data_full (G_OBJECT (factory), "xf-column", column, g_free);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), column);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), column);

      view_column = gtk_column_view_column_new (_(column->title), g_object_ref (factory));
      gtk_column_view_column_set_expand (view_column, column->expand);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      if (column->fixed_width > 0)
        gtk_column_view_column_set_fixed_width (view_column, column->fixed_width);

      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare,
                                                  GINT_TO_POINTER (column->sort), NULL));
      gtk_column_view_column_set_sorter (view_column, sorter);
      g_object_set_data (G_OBJECT (view_column), "xf-sort", GINT_TO_POINTER (column->sort + 1));

      gtk_column_view_append_column (view, view_column);
    }
}

GtkColumnViewColumn *
xf_registry_columns_get_column (GtkColumnView  *view,
                                XfRegistrySort  sort)
{
  GListModel *columns;
  guint n;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  columns = gtk_column_view_get_columns (view);
  n = g_list_model_get_n_items (columns);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "xf-sort")) == (int) sort + 1)
        return column;
    }
  return NULL;
}
