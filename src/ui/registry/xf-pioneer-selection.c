/* xf-pioneer-selection.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-pioneer-selection"

#include "config.h"

#include "xf-pioneer.h"
#include "xf-pioneer-selection.h"

/* get_selection_in_range is asked for whole ranges by some callers; past
 * this many rows we answer only for the rows already fetched nearby. */
#define MAX_SCAN 2000

struct _XfPioneerSelection
{
  GObject     parent_instance;

  GListModel *model;
  gint64      selected_id;
};

static void list_model_iface_init (GListModelInterface *iface);
static void selection_model_iface_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XfPioneerSelection, xf_pioneer_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, selection_model_iface_init))

enum {
  PROP_0,
  PROP_SELECTED_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GType
get_item_type (GListModel *list)
{
  return XF_TYPE_PIONEER;
}

static guint
get_n_items (GListModel *list)
{
  XfPioneerSelection *self = XF_PIONEER_SELECTION (list);

  return g_list_model_get_n_items (self->model);
}

static gpointer
get_item (GListModel *list,
          guint       position)
{
  XfPioneerSelection *self = XF_PIONEER_SELECTION (list);

  return g_list_model_get_item (self->model, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gint64
id_at (XfPioneerSelection *self,
       guint               position)
{
  g_autoptr(XfPioneer) pioneer = g_list_model_get_item (self->model, position);

  return pioneer != NULL ? xf_pioneer_get_id (pioneer) : 0;
}

static gboolean
is_selected (GtkSelectionModel *model,
             guint              position)
{
  XfPioneerSelection *self = XF_PIONEER_SELECTION (model);

  return self->selected_id != 0 && id_at (self, position) == self->selected_id;
}

static GtkBitset *
get_selection_in_range (GtkSelectionModel *model,
                        guint              position,
                        guint              n_items)
{
  XfPioneerSelection *self = XF_PIONEER_SELECTION (model);
  GtkBitset *result = gtk_bitset_new_empty ();

  if (self->selected_id == 0 || n_items > MAX_SCAN)
    return result;

  for (guint i = position; i < position + n_items; i++)
    if (id_at (self, i) == self->selected_id)
      {
        gtk_bitset_add (result, i);
        break;
      }
  return result;
}

/* Where the old selection was is unknown without a search, so the whole
 * range is reported; list views only refresh the rows they show. */
static void
set_selected (XfPioneerSelection *self,
              gint64              id)
{
  guint n = g_list_model_get_n_items (self->model);

  if (self->selected_id == id)
    return;
  self->selected_id = id;
  if (n > 0)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0, n);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_ID]);
}

static gboolean
select_item (GtkSelectionModel *model,
             guint              position,
             gboolean           unselect_rest)
{
  XfPioneerSelection *self = XF_PIONEER_SELECTION (model);
  gint64 id = id_at (self, position);

  if (id == 0)
    return FALSE;
  /* Choosing the selected row again still tells: on a narrow window that
   * reopens the file the user came back from. */
  if (id == self->selected_id)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_ID]);
  else
    set_selected (self, id);
  return TRUE;
}

static gboolean
unselect_item (GtkSelectionModel *model,
               guint              position)
{
  XfPioneerSelection *self = XF_PIONEER_SELECTION (model);

  if (id_at (self, position) != self->selected_id)
    return FALSE;
  set_selected (self, 0);
  return TRUE;
}

static gboolean
unselect_all (GtkSelectionModel *model)
{
  set_selected (XF_PIONEER_SELECTION (model), 0);
  return TRUE;
}

static void
selection_model_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = is_selected;
  iface->get_selection_in_range = get_selection_in_range;
  iface->select_item = select_item;
  iface->unselect_item = unselect_item;
  iface->unselect_all = unselect_all;
}

static void
items_changed_cb (XfPioneerSelection *self,
                  guint               position,
                  guint               removed,
                  guint               added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
xf_pioneer_selection_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  XfPioneerSelection *self = XF_PIONEER_SELECTION (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_pioneer_selection_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  XfPioneerSelection *self = XF_PIONEER_SELECTION (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      xf_pioneer_selection_set_selected_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_pioneer_selection_dispose (GObject *object)
{
  XfPioneerSelection *self = XF_PIONEER_SELECTION (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (xf_pioneer_selection_parent_class)->dispose (object);
}

static void
xf_pioneer_selection_class_init (XfPioneerSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = xf_pioneer_selection_get_property;
  object_class->set_property = xf_pioneer_selection_set_property;
  object_class->dispose = xf_pioneer_selection_dispose;

  /**
   * XfPioneerSelection:selected-id:
   *
   * The id of the selected pioneer, or 0.
   */
  properties [PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xf_pioneer_selection_init (XfPioneerSelection *self)
{
}

XfPioneerSelection *
xf_pioneer_selection_new (GListModel *model)
{
  XfPioneerSelection *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (XF_TYPE_PIONEER_SELECTION, NULL);
  self->model = g_object_ref (model);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (items_changed_cb), self);
  return self;
}

GListModel *
xf_pioneer_selection_get_model (XfPioneerSelection *self)
{
  g_return_val_if_fail (XF_IS_PIONEER_SELECTION (self), NULL);
  return self->model;
}

gint64
xf_pioneer_selection_get_selected_id (XfPioneerSelection *self)
{
  g_return_val_if_fail (XF_IS_PIONEER_SELECTION (self), 0);
  return self->selected_id;
}

void
xf_pioneer_selection_set_selected_id (XfPioneerSelection *self,
                                      gint64              id)
{
  g_return_if_fail (XF_IS_PIONEER_SELECTION (self));
  set_selected (self, id);
}
