/* xf-committee-view-results.c — a round's results, and the chair's order
 * of tied nominations
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-committee-view"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "xf-committee-view-private.h"
#include "xf-ui-util.h"

/*
 * One row of the table: a result of core's array (which the item keeps
 * alive) and the vote rule it was counted under.
 */

#define XF_TYPE_RESULT_ITEM (xf_result_item_get_type ())

G_DECLARE_FINAL_TYPE (XfResultItem, xf_result_item, XF, RESULT_ITEM, GObject)

struct _XfResultItem
{
  GObject     parent_instance;
  GPtrArray  *results;
  guint       index;
  XfVoteRule  rule;
};

G_DEFINE_FINAL_TYPE (XfResultItem, xf_result_item, G_TYPE_OBJECT)

static void
xf_result_item_finalize (GObject *object)
{
  XfResultItem *self = XF_RESULT_ITEM (object);

  g_clear_pointer (&self->results, g_ptr_array_unref);

  G_OBJECT_CLASS (xf_result_item_parent_class)->finalize (object);
}

static void
xf_result_item_class_init (XfResultItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xf_result_item_finalize;
}

static void
xf_result_item_init (XfResultItem *self)
{
}

static XfResultItem *
xf_result_item_new (GPtrArray        *results,
                    guint             index,
                    const XfVoteRule *rule)
{
  XfResultItem *self = g_object_new (XF_TYPE_RESULT_ITEM, NULL);

  self->results = g_ptr_array_ref (results);
  self->index = index;
  self->rule = *rule;
  return self;
}

static const XfNominationResult *
item_result (XfResultItem *self)
{
  return g_ptr_array_index (self->results, self->index);
}

/*
 * Cells
 */

/* The text of a cell; may set a style class and a tooltip. */
typedef char *(*CellText) (XfResultItem  *item,
                           const char   **style,
                           char         **tooltip);

static char *
format_score (const XfNominationResult  *result,
              double                     value,
              char                     **tooltip)
{
  if (result->scores_hidden)
    {
      *tooltip = g_strdup (_("Not shown to you: you are recused, or have not voted on it yet"));
      return g_strdup ("—");
    }
  return isnan (value) ? g_strdup ("—") : g_strdup_printf ("%.2f", value);
}

static char *
cell_rank (XfResultItem  *item,
           const char   **style,
           char         **tooltip)
{
  const XfNominationResult *result = item_result (item);

  if (result->tied)
    {
      *style = "warning";
      *tooltip = g_strdup (_("Tied across the quota line: the chair puts the tied nominations in order"));
      if (result->rank > 0)
        /* Translators: a rank shared with another nomination */
        return g_strdup_printf (_("%u, tied"), result->rank);
      return g_strdup (_("Tied"));
    }
  return result->rank > 0 ? g_strdup_printf ("%u", result->rank) : g_strdup ("—");
}

static char *
cell_candidate (XfResultItem  *item,
                const char   **style,
                char         **tooltip)
{
  const XfNominationResult *result = item_result (item);

  *tooltip = g_strdup (result->candidate_name);
  return g_strdup (result->candidate_name);
}

static char *
cell_for (XfResultItem *item, const char **style, char **tooltip)
{
  return g_strdup_printf ("%u", item_result (item)->votes.votes_for);
}

static char *
cell_against (XfResultItem *item, const char **style, char **tooltip)
{
  return g_strdup_printf ("%u", item_result (item)->votes.votes_against);
}

static char *
cell_abstain (XfResultItem *item, const char **style, char **tooltip)
{
  return g_strdup_printf ("%u", item_result (item)->votes.abstentions);
}

/* Votes for needed to pass with @present members voting: the least f
 * with f × pass_den ≥ pass_num × present (xf-vote-rule.h). */
static guint
votes_needed (const XfVoteRule *rule,
              guint             present)
{
  guint64 product = (guint64) rule->pass_num * present;

  if (rule->pass_den <= 0)
    return present;
  return (guint) ((product + rule->pass_den - 1) / rule->pass_den);
}

static char *
cell_outcome (XfResultItem  *item,
              const char   **style,
              char         **tooltip)
{
  const XfNominationResult *result = item_result (item);
  guint present = xf_vote_count_present (&result->votes);

  /* Translators: the votes against the rule, e.g. "2 for of 3 voting; passing needs 2 (2/3)" */
  *tooltip = g_strdup_printf (_("%u for of %u voting; passing needs %u (%d/%d)"),
                              result->votes.votes_for, present,
                              votes_needed (&item->rule, present),
                              item->rule.pass_num, item->rule.pass_den);
  switch (result->outcome)
    {
    case XF_VOTE_PASSED:
      *style = "success";
      return g_strdup (_("Passed"));
    case XF_VOTE_FAILED:
      *style = "error";
      return g_strdup (_("Not passed"));
    case XF_VOTE_NO_QUORUM:
    default:
      *style = "warning";
      return g_strdup (_("No quorum yet"));
    }
}

static char *
cell_quorum (XfResultItem  *item,
             const char   **style,
             char         **tooltip)
{
  const XfNominationResult *result = item_result (item);
  guint present = xf_vote_count_present (&result->votes);
  guint eligible = xf_vote_count_eligible (&result->votes);

  /* Translators: the quorum rule, e.g. "Quorum: 2/3 of the 3 members not recused" */
  *tooltip = g_strdup_printf (_("Quorum: %d/%d of the %u members not recused"),
                              item->rule.quorum_num, item->rule.quorum_den, eligible);
  if (!result->quorum_met)
    *style = "warning";
  /* Translators: members who voted, of those not recused */
  return g_strdup_printf (result->quorum_met ? _("Met, %u of %u") : _("Not met, %u of %u"),
                          present, eligible);
}

static char *
cell_mean (XfResultItem *item, const char **style, char **tooltip)
{
  return format_score (item_result (item), item_result (item)->mean, tooltip);
}

static char *
cell_trimmed (XfResultItem *item, const char **style, char **tooltip)
{
  return format_score (item_result (item), item_result (item)->trimmed_mean, tooltip);
}

static char *
cell_normalised (XfResultItem *item, const char **style, char **tooltip)
{
  return format_score (item_result (item), item_result (item)->normalised, tooltip);
}

static char *
cell_final (XfResultItem  *item,
            const char   **style,
            char         **tooltip)
{
  return format_score (item_result (item), item_result (item)->final_score, tooltip);
}

static char *
cell_spread (XfResultItem *item, const char **style, char **tooltip)
{
  return format_score (item_result (item), item_result (item)->spread, tooltip);
}

static char *
cell_quota (XfResultItem  *item,
            const char   **style,
            char         **tooltip)
{
  const XfNominationResult *result = item_result (item);

  if (result->within_quota)
    {
      *style = "success";
      return g_strdup (_("Yes"));
    }
  return g_strdup (_("No"));
}

static const char *cell_styles[] = { "warning", "error", "success" };

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  CellText text_of = (CellText) user_data;
  XfResultItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *style = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *text = text_of (item, &style, &tooltip);

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, tooltip);
  for (guint i = 0; i < G_N_ELEMENTS (cell_styles); i++)
    gtk_widget_remove_css_class (label, cell_styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
}

/* Columns take the width of their header and cells, whatever the
 * language; the candidate's takes what is left. */
static GtkColumnViewColumn *
add_column (XfCommitteeView *self,
            const char      *title,
            CellText         text_of,
            gboolean         expand)
{
  return xf_column_view_add_column (self->results_view, title, G_CALLBACK (setup_cell_cb),
                                    G_CALLBACK (bind_cell_cb), text_of, expand ? 0 : -1);
}

void
_xf_committee_view_setup_results (XfCommitteeView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkColumnViewColumn *normalised;

  self->result_items = g_list_store_new (XF_TYPE_RESULT_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->result_items)));
  gtk_column_view_set_model (self->results_view, GTK_SELECTION_MODEL (selection));

  add_column (self, _("Rank"), cell_rank, FALSE);
  add_column (self, _("Candidate"), cell_candidate, TRUE);
  add_column (self, _("For"), cell_for, FALSE);
  add_column (self, _("Against"), cell_against, FALSE);
  add_column (self, _("Abstaining"), cell_abstain, FALSE);
  add_column (self, _("Vote"), cell_outcome, FALSE);
  add_column (self, _("Quorum"), cell_quorum, FALSE);
  add_column (self, _("Mean"), cell_mean, FALSE);
  add_column (self, _("Trimmed mean"), cell_trimmed, FALSE);
  normalised = add_column (self, C_("committee score", "Normalised"), cell_normalised, FALSE);
  g_object_set_data (G_OBJECT (self->results_view), "normalised-column", normalised);
  add_column (self, _("Final score"), cell_final, FALSE);
  add_column (self, _("Spread"), cell_spread, FALSE);
  add_column (self, _("Within quota"), cell_quota, FALSE);
}

/*
 * Ties
 */

static gboolean
same_ids (GArray *a,
          GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  /* The same nominations, in whatever order. */
  for (guint i = 0; i < a->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < b->len && !found; j++)
        found = g_array_index (a, gint64, i) == g_array_index (b, gint64, j);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static const char *
candidate_of (XfCommitteeView *self,
              gint64           nomination_id)
{
  for (guint i = 0; self->results != NULL && i < self->results->len; i++)
    {
      const XfNominationResult *result = g_ptr_array_index (self->results, i);

      if (result->nomination_id == nomination_id)
        return result->candidate_name;
    }
  return "";
}

static void move_clicked_cb (GtkButton       *button,
                             XfCommitteeView *self);

static GtkWidget *
move_button (XfCommitteeView *self,
             const char      *icon,
             const char      *tooltip,
             guint            index,
             int              delta,
             gboolean         sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, sensitive);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", G_CALLBACK (move_clicked_cb), self);
  return button;
}

static void
fill_ties (XfCommitteeView *self,
           gboolean         may_order)
{
  _xf_committee_view_clear_list (self->tie_list);
  gtk_widget_set_visible (GTK_WIDGET (self->tie_list), may_order);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "committee.confirm-order",
                                 may_order && self->tie_order->len > 1);
  if (!may_order)
    return;

  for (guint i = 0; i < self->tie_order->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;

      /* Translators: a place in the chair's order of tied nominations */
      title = g_strdup_printf (_("%u. %s"), i + 1,
                               candidate_of (self, g_array_index (self->tie_order, gint64, i)));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 move_button (self, "go-up-symbolic", _("Move up"), i, -1, i > 0));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 move_button (self, "go-down-symbolic", _("Move down"), i, +1,
                                              i + 1 < self->tie_order->len));
      gtk_list_box_append (self->tie_list, row);
    }
}

static gboolean
may_order_ties (XfCommitteeView *self)
{
  return self->is_chair && self->open_round != NULL &&
         self->shown_round_id == self->open_round->id;
}

void
xf_committee_view_move_tied (XfCommitteeView *self,
                             guint            index,
                             int              delta)
{
  guint other;
  gint64 id;

  g_return_if_fail (XF_IS_COMMITTEE_VIEW (self));

  if (index >= self->tie_order->len || (delta < 0 && index == 0))
    return;
  other = delta < 0 ? index - 1 : index + 1;
  if (other >= self->tie_order->len)
    return;
  id = g_array_index (self->tie_order, gint64, index);
  g_array_index (self->tie_order, gint64, index) = g_array_index (self->tie_order, gint64, other);
  g_array_index (self->tie_order, gint64, other) = id;
  fill_ties (self, may_order_ties (self));
}

static void
move_clicked_cb (GtkButton       *button,
                 XfCommitteeView *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));

  GtkListBoxRow *row;

  xf_committee_view_move_tied (self, index, delta);
  /* The rows were rebuilt: the focus follows the moved nomination. */
  row = gtk_list_box_get_row_at_index (self->tie_list, delta < 0 ? (int) index - 1 : (int) index + 1);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
update_ties (XfCommitteeView *self)
{
  g_autoptr(GArray) tied = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean may_order = may_order_ties (self);
  g_autofree char *text = NULL;

  for (guint i = 0; self->results != NULL && i < self->results->len; i++)
    {
      const XfNominationResult *result = g_ptr_array_index (self->results, i);

      if (result->tied)
        g_array_append_val (tied, result->nomination_id);
    }

  /* The chair's order in progress stays while the same nominations tie. */
  if (!same_ids (tied, self->tie_order))
    {
      g_array_set_size (self->tie_order, 0);
      g_array_append_vals (self->tie_order, tied->data, tied->len);
    }

  gtk_widget_set_visible (self->tie_box, tied->len > 0);
  if (tied->len == 0)
    return;
  if (may_order)
    text = g_strdup_printf (ngettext ("%u nomination is tied across the quota line. Put them in order, best first, then confirm the order.",
                                      "%u nominations are tied across the quota line. Put them in order, best first, then confirm the order.",
                                      tied->len),
                            tied->len);
  else
    text = g_strdup_printf (ngettext ("%u nomination is tied across the quota line; the chair decides the order.",
                                      "%u nominations are tied across the quota line; the chair decides their order.",
                                      tied->len),
                            tied->len);
  gtk_label_set_label (self->tie_label, text);
  fill_ties (self, may_order);
}

void
_xf_committee_view_confirm_order_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  XfCommitteeView *self = XF_COMMITTEE_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!may_order_ties (self) || self->tie_order->len < 2)
    return;
  if (!xf_evaluation_resolve_tie (self->evaluation, self->open_round->id,
                                  (const gint64 *) self->tie_order->data, self->tie_order->len,
                                  &error))
    {
      _xf_committee_view_show_error (self, error);
      return;
    }
  _xf_committee_view_show_error (self, NULL);
  _xf_committee_view_show_toast (self, _("Order of the tied nominations recorded"));
  _xf_committee_view_load_results (self);
}

/*
 * Loading
 */

static char *
describe_rule (XfCommitteeView     *self,
               const XfReviewRound *round)
{
  int quorum_num, quorum_den, pass_num, pass_den;
  gboolean open = g_strcmp0 (round->status, "open") == 0;
  /* A closed round keeps the aggregation it used; an open one uses the
   * campaign's current choice. */
  const char *aggregation = open ? xf_campaign_get_aggregation (self->campaign) : round->aggregation;
  gboolean normalise = open ? xf_campaign_get_normalise (self->campaign) : round->normalise;
  const char *aggregation_label = xf_aggregation_label (aggregation);
  g_autofree char *round_text = NULL;

  xf_campaign_get_quorum (self->campaign, &quorum_num, &quorum_den);
  xf_campaign_get_pass (self->campaign, &pass_num, &pass_den);
  round_text = open ? g_strdup_printf (_("Round %d, open"), round->number)
                    : g_strdup_printf (_("Round %d, closed"), round->number);
  /* Translators: the caption over the results: the round; how the final
   * score is made; the quorum, pass and tie rules; the quota */
  return g_strdup_printf (_("%s · final score: %s%s · quorum %d/%d of the members not recused · "
                            "passes with %d/%d of those voting · ties: %s · quota %d"),
                          round_text, aggregation_label,
                          normalise ? _(", normalised per member") : "",
                          quorum_num, quorum_den, pass_num, pass_den,
                          xf_tie_rule_label (xf_campaign_get_tie_rule (self->campaign)),
                          xf_campaign_get_quota (self->campaign));
}

static void
clear_results (XfCommitteeView *self)
{
  g_list_store_remove_all (self->result_items);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  gtk_label_set_label (self->results_caption, "");
  gtk_widget_set_visible (GTK_WIDGET (self->results_caption), FALSE);
}

void
_xf_committee_view_load_results (XfCommitteeView *self)
{
  const XfReviewRound *round = _xf_committee_view_find_round (self, self->shown_round_id);
  GtkColumnViewColumn *normalised = g_object_get_data (G_OBJECT (self->results_view), "normalised-column");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *caption = NULL;
  XfVoteRule rule;

  clear_results (self);
  if (round == NULL || self->campaign == NULL)
    {
      update_ties (self);
      adw_status_page_set_description (self->results_empty_status,
                                       _("Results appear once a round is open."));
      gtk_stack_set_visible_child_name (self->results_stack, "empty");
      return;
    }

  caption = describe_rule (self, round);
  gtk_label_set_label (self->results_caption, caption);
  gtk_widget_set_visible (GTK_WIDGET (self->results_caption), TRUE);
  gtk_column_view_column_set_visible (normalised, g_strcmp0 (round->status, "open") == 0
                                                  ? xf_campaign_get_normalise (self->campaign)
                                                  : round->normalise);

  /* Core says what the actor may see; a refusal is shown in its words. */
  self->results = xf_evaluation_compute_results (self->evaluation, round->id, &error);
  if (self->results == NULL)
    {
      update_ties (self);
      adw_status_page_set_description (self->results_denied_status, error->message);
      gtk_stack_set_visible_child_name (self->results_stack, "denied");
      return;
    }

  xf_campaign_get_quorum (self->campaign, &rule.quorum_num, &rule.quorum_den);
  xf_campaign_get_pass (self->campaign, &rule.pass_num, &rule.pass_den);
  for (guint i = 0; i < self->results->len; i++)
    g_ptr_array_add (items, xf_result_item_new (self->results, i, &rule));
  g_list_store_splice (self->result_items, 0, 0, items->pdata, items->len);
  update_ties (self);

  if (self->results->len == 0)
    {
      adw_status_page_set_description (self->results_empty_status, _("No nominations in this round."));
      gtk_stack_set_visible_child_name (self->results_stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->results_stack, "list");
}
