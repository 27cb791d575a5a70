/* xf-evaluation-page-list.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Evaluation page's Nominations view: the stage chips with their
 * counts, the search, and the list of the campaign's nominations.
 */

#define G_LOG_DOMAIN "xf-evaluation-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-evaluation-page-private.h"
#include "xf-nomination-row.h"
#include "xf-nomination-view.h"
#include "xf-wrap-layout.h"

/* A chip's code (for the filter action and tests) and the query it asks. */
static const struct
{
  const char *code;
  const char *label;   /* N_(); NULL: the stage's own label */
} chip_infos[XF_N_CHIPS] = {
  [XF_CHIP_ALL]         = { "all", N_("All") },
  [XF_CHIP_PRELIMINARY] = { XF_STAGE_PRELIMINARY, NULL },
  [XF_CHIP_RETURNED]    = { XF_STAGE_RETURNED, NULL },
  [XF_CHIP_COMMITTEE]   = { XF_STAGE_COMMITTEE, NULL },
  [XF_CHIP_NOTICE]      = { XF_STAGE_NOTICE, NULL },
  [XF_CHIP_DECISION]    = { XF_STAGE_DECISION, NULL },
  [XF_CHIP_FINAL]       = { "final", N_("Finished") },
  [XF_CHIP_ATTENTION]   = { "attention", N_("Attention") },
};

const char *
_xf_evaluation_page_chip_code (XfChip chip)
{
  g_return_val_if_fail (chip < XF_N_CHIPS, NULL);
  return chip_infos[chip].code;
}

gboolean
_xf_evaluation_page_chip_from_code (const char *code,
                                    XfChip     *chip)
{
  for (guint i = 0; i < XF_N_CHIPS; i++)
    if (g_strcmp0 (chip_infos[i].code, code) == 0)
      {
        *chip = i;
        return TRUE;
      }
  return FALSE;
}

/*
 * Counts
 */

static int
count_of (GHashTable *counts,
          const char *key)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (counts, key));
}

void
_xf_evaluation_page_load_counts (XfEvaluationPage *self)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;

  memset (self->counts, 0, sizeof self->counts);
  if (self->campaign_id > 0)
    counts = xf_evaluation_count_by_stage (self->evaluation, self->campaign_id, &error);
  if (error != NULL)
    g_warning ("Could not count the nominations: %s", error->message);

  if (counts != NULL)
    {
      const char * const *stages = xf_stage_all ();

      for (guint i = 0; stages[i] != NULL; i++)
        {
          int n = count_of (counts, stages[i]);

          self->counts[XF_CHIP_ALL] += n;
          if (xf_stage_is_final (stages[i]))
            self->counts[XF_CHIP_FINAL] += n;
        }
      for (guint i = XF_CHIP_PRELIMINARY; i <= XF_CHIP_DECISION; i++)
        self->counts[i] = count_of (counts, chip_infos[i].code);
      self->counts[XF_CHIP_ATTENTION] = count_of (counts, "attention");
    }

  for (guint i = 0; i < XF_N_CHIPS; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", self->counts[i]);

      gtk_label_set_label (self->chip_counts[i], text);
    }
  /* Attention stands out only when something is due. */
  if (self->counts[XF_CHIP_ATTENTION] > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->chips[XF_CHIP_ATTENTION]), "needs-attention");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->chips[XF_CHIP_ATTENTION]), "needs-attention");
  gtk_widget_set_visible (self->chip_box, self->campaign_id > 0 && self->counts[XF_CHIP_ALL] > 0);
}

/*
 * The list
 */

static char *
search_text (XfEvaluationPage *self)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

gboolean
_xf_evaluation_page_select (XfEvaluationPage *self,
                            gint64            nomination_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->nominations));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfNomination) nomination = g_list_model_get_item (G_LIST_MODEL (self->nominations), i);

      if (xf_nomination_get_id (nomination) == nomination_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
update_list_state (XfEvaluationPage *self,
                   const GError     *error,
                   gboolean          filtered)
{
  const char *name;

  if (self->campaign_id == 0)
    name = "no-campaign";
  else if (error != NULL)
    {
      adw_status_page_set_description (self->error_status, error->message);
      name = "error";
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->nominations)) > 0)
    name = "list";
  else
    name = filtered ? "no-matches" : "empty";
  gtk_stack_set_visible_child_name (self->nominations_stack, name);
}

void
_xf_evaluation_page_load_list (XfEvaluationPage *self)
{
  g_autofree char *text = search_text (self);
  XfNominationQuery query = { 0, };
  g_autoptr(GPtrArray) nominations = NULL;
  g_autoptr(GError) error = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->nominations));

  query.campaign_id = self->campaign_id;
  query.text = text;
  if (self->chip == XF_CHIP_ATTENTION)
    query.attention = TRUE;
  else if (self->chip != XF_CHIP_ALL)
    query.stage = chip_infos[self->chip].code;

  if (self->campaign_id > 0)
    nominations = xf_evaluation_list_nominations (self->evaluation, &query, &error);

  /* The nomination shown stays shown, even when the list no longer holds
   * it (it moved on to a stage the chip hides). */
  self->selecting = TRUE;
  if (nominations != NULL)
    g_list_store_splice (self->nominations, 0, n_old, nominations->pdata, nominations->len);
  else
    g_list_store_remove_all (self->nominations);
  if (self->nomination_id == 0 || !_xf_evaluation_page_select (self, self->nomination_id))
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  self->selecting = FALSE;

  update_list_state (self, error, text != NULL || self->chip != XF_CHIP_ALL);
}

/* The user picked a row (a click, or the arrow keys). */
static void
selection_changed_cb (XfEvaluationPage *self)
{
  XfNomination *nomination = gtk_single_selection_get_selected_item (self->selection);
  gint64 id = nomination != NULL ? xf_nomination_get_id (nomination) : 0;

  /* Nothing selected: the list was read again without it; what shows stays. */
  if (id == 0 || id == self->nomination_id)
    return;
  self->nomination_id = id;
  xf_nomination_view_set_nomination (XF_NOMINATION_VIEW (self->nomination_view), id);
  _xf_evaluation_page_sync_details (self, !self->selecting);
}

/* Enter or a double click: open it and go into it. */
static void
nomination_activated_cb (XfEvaluationPage *self,
                         guint             position)
{
  g_autoptr(XfNomination) nomination = g_list_model_get_item (G_LIST_MODEL (self->nominations), position);

  g_assert (XF_IS_EVALUATION_PAGE (self));

  if (nomination == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  self->nomination_id = xf_nomination_get_id (nomination);
  _xf_evaluation_page_sync_details (self, TRUE);
  if (!adw_leaflet_get_folded (self->leaflet))
    gtk_widget_child_focus (self->details_pane, GTK_DIR_TAB_FORWARD);
}

static void
search_changed_cb (XfEvaluationPage *self)
{
  g_assert (XF_IS_EVALUATION_PAGE (self));

  if (self->evaluation != NULL)
    _xf_evaluation_page_load_list (self);
}

/* Enter in the search opens the first match. */
static void
search_activate_cb (XfEvaluationPage *self)
{
  g_autoptr(XfNomination) first = NULL;

  g_assert (XF_IS_EVALUATION_PAGE (self));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->nominations)) == 0)
    return;
  first = g_list_model_get_item (G_LIST_MODEL (self->nominations), 0);
  xf_evaluation_page_show_nomination (self, self->campaign_id, xf_nomination_get_id (first));
}

/*
 * Chips
 */

static void
chip_toggled_cb (GtkToggleButton  *button,
                 XfEvaluationPage *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i < XF_N_CHIPS; i++)
    if (self->chips[i] == button && self->chip != i)
      {
        self->chip = i;
        if (self->evaluation != NULL)
          _xf_evaluation_page_load_list (self);
      }
}

void
_xf_evaluation_page_set_chip (XfEvaluationPage *self,
                              XfChip            chip)
{
  g_return_if_fail (chip < XF_N_CHIPS);

  /* Toggling it reads the list (chip_toggled_cb). */
  gtk_toggle_button_set_active (self->chips[chip], TRUE);
}

static void
filter_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfChip chip;

  if (_xf_evaluation_page_chip_from_code (g_variant_get_string (parameter, NULL), &chip))
    _xf_evaluation_page_set_chip (XF_EVALUATION_PAGE (widget), chip);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XfEvaluationPage *self = XF_EVALUATION_PAGE (widget);

  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (self->chip != XF_CHIP_ALL)
    _xf_evaluation_page_set_chip (self, XF_CHIP_ALL);
  else
    _xf_evaluation_page_load_list (self);
}

static void
add_chip (XfEvaluationPage *self,
          XfChip            chip)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *label = chip_infos[chip].label != NULL ? _(chip_infos[chip].label)
                                                     : xf_stage_label (chip_infos[chip].code);
  GtkWidget *count = gtk_label_new ("0");

  gtk_box_append (GTK_BOX (box), gtk_label_new (label));
  gtk_widget_add_css_class (count, "chip-number");
  gtk_box_append (GTK_BOX (box), count);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_name (button, chip_infos[chip].code);
  gtk_widget_add_css_class (button, "stage-chip");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (chip != XF_CHIP_ALL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->chips[XF_CHIP_ALL]);
  g_signal_connect (button, "toggled", G_CALLBACK (chip_toggled_cb), self);
  gtk_box_append (GTK_BOX (self->chip_box), button);

  self->chips[chip] = GTK_TOGGLE_BUTTON (button);
  self->chip_counts[chip] = GTK_LABEL (count);
}

/*
 * Rows
 */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, xf_nomination_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  xf_nomination_row_set_nomination (XF_NOMINATION_ROW (gtk_list_item_get_child (list_item)),
                                    gtk_list_item_get_item (list_item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  xf_nomination_row_set_nomination (XF_NOMINATION_ROW (gtk_list_item_get_child (list_item)), NULL);
}

void
_xf_evaluation_page_init_list (XfEvaluationPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkLayoutManager *layout = xf_wrap_layout_new ();

  xf_wrap_layout_set_spacing (XF_WRAP_LAYOUT (layout), 6);
  xf_wrap_layout_set_line_spacing (XF_WRAP_LAYOUT (layout), 6);
  gtk_widget_set_layout_manager (self->chip_box, layout);
  for (XfChip chip = 0; chip < XF_N_CHIPS; chip++)
    add_chip (self, chip);
  gtk_toggle_button_set_active (self->chips[XF_CHIP_ALL], TRUE);
  self->chip = XF_CHIP_ALL;

  self->nominations = g_list_store_new (XF_TYPE_NOMINATION);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->nominations)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->nominations_view, factory);
  gtk_list_view_set_model (self->nominations_view, GTK_SELECTION_MODEL (self->selection));
}

void
_xf_evaluation_page_list_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, nomination_activated_cb);
  gtk_widget_class_install_action (widget_class, "evaluation.filter", "s", filter_action);
  gtk_widget_class_install_action (widget_class, "evaluation.clear-filters", NULL, clear_filters_action);
}

/*
 * Public accessors
 */

GListModel *
xf_evaluation_page_get_nominations (XfEvaluationPage *self)
{
  g_return_val_if_fail (XF_IS_EVALUATION_PAGE (self), NULL);
  return G_LIST_MODEL (self->nominations);
}

const char *
xf_evaluation_page_get_filter (XfEvaluationPage *self)
{
  g_return_val_if_fail (XF_IS_EVALUATION_PAGE (self), NULL);
  return chip_infos[self->chip].code;
}

int
xf_evaluation_page_get_chip_count (XfEvaluationPage *self,
                                   const char       *filter)
{
  XfChip chip;

  g_return_val_if_fail (XF_IS_EVALUATION_PAGE (self), -1);

  if (!_xf_evaluation_page_chip_from_code (filter, &chip))
    return -1;
  return self->counts[chip];
}
