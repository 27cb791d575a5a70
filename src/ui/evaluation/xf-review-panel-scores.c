/* xf-review-panel-scores.c — the scoring form and the committee's scores
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-review-panel"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "xf-review-panel-private.h"

/*
 * Scores
 */

/* The value a spin button shows, typed text included: the weighted score
 * follows the member's typing, before the spin button takes the text. */
static double
spin_value (GtkSpinButton *spin)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  while (end != NULL && g_ascii_isspace (*end))
    end++;
  /* Not a number (yet): what the spin button holds. */
  if (end == text || end == NULL || *end != '\0' || !isfinite (value))
    value = gtk_spin_button_get_value (spin);
  return CLAMP (value, gtk_adjustment_get_lower (adjustment), gtk_adjustment_get_upper (adjustment));
}

static GArray *
read_values (XfReviewPanel *self)
{
  GArray *values = g_array_sized_new (FALSE, FALSE, sizeof (double), self->spins->len);

  for (guint i = 0; i < self->spins->len; i++)
    {
      double value = spin_value (g_ptr_array_index (self->spins, i));

      g_array_append_val (values, value);
    }
  return values;
}

double
xf_review_panel_get_weighted (XfReviewPanel *self)
{
  g_autoptr(GArray) values = NULL;

  g_return_val_if_fail (XF_IS_REVIEW_PANEL (self), NAN);

  if (self->rubric == NULL || self->rubric->len == 0)
    return NAN;
  values = read_values (self);
  return xf_score_weighted ((const XfCriterion * const *) self->rubric->pdata,
                            self->rubric->len, (const double *) values->data);
}

void
_xf_review_panel_update_weighted (XfReviewPanel *self)
{
  double weighted = xf_review_panel_get_weighted (self);
  g_autofree char *text = NULL;

  if (isnan (weighted))
    text = g_strdup (_("Weighted score: —"));
  else
    /* Translators: the member's weighted score, on a 0–100 scale */
    text = g_strdup_printf (_("Weighted score: %.1f of 100"), weighted);
  gtk_label_set_label (self->weighted_label, text);
}

void
_xf_review_panel_update_save_state (XfReviewPanel *self)
{
  if (!self->editable)
    gtk_label_set_label (self->save_state_label, "");
  else if (self->dirty)
    gtk_label_set_label (self->save_state_label, _("Changes not saved yet"));
  else
    gtk_label_set_label (self->save_state_label, _("Saved"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save-scores", self->editable);
}

static void
score_changed_cb (XfReviewPanel *self)
{
  g_assert (XF_IS_REVIEW_PANEL (self));

  _xf_review_panel_update_weighted (self);
  if (!self->loading && self->editable && !self->dirty)
    {
      self->dirty = TRUE;
      _xf_review_panel_update_save_state (self);
    }
}

static GtkWidget *
criterion_row (XfReviewPanel     *self,
               const XfCriterion *criterion)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *weight;
  GtkWidget *spin;
  g_autofree char *weight_text = NULL;
  g_autofree char *max_text = NULL;
  /* Scores out of 10 take halves; larger scales whole numbers. */
  gboolean fine = criterion->max <= 10;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), criterion->name);
  if (criterion->description != NULL && criterion->description[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), criterion->description);

  /* Translators: a criterion's relative weight in the weighted score */
  weight_text = g_strdup_printf (_("Weight %g"), criterion->weight);
  weight = gtk_label_new (weight_text);
  gtk_widget_add_css_class (weight, "dim-label");
  gtk_widget_add_css_class (weight, "caption");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), weight);

  spin = gtk_spin_button_new_with_range (0, criterion->max, fine ? 0.5 : 1);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), fine ? 1 : 0);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (spin), GTK_UPDATE_IF_VALID);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  /* Translators: the upper end of a criterion's scale, after its spin button */
  max_text = g_strdup_printf (_("of %g"), criterion->max);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, criterion->name, -1);
  g_signal_connect_object (spin, "changed", G_CALLBACK (score_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (score_changed_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (max_text));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  /* Tab goes from spin button to spin button, not through the rows. */
  gtk_widget_set_focusable (row, FALSE);

  g_ptr_array_add (self->spins, spin);
  return row;
}

gboolean
_xf_review_panel_same_rubric (GPtrArray *a,
             GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const XfCriterion *x = g_ptr_array_index (a, i);
      const XfCriterion *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->code, y->code) != 0 || g_strcmp0 (x->name, y->name) != 0 ||
          x->max != y->max || x->weight != y->weight)
        return FALSE;
    }
  return TRUE;
}

/* Rows for @rubric, kept when it is the rubric already shown. */
void
_xf_review_panel_build_criteria (XfReviewPanel *self,
                GPtrArray     *rubric)
{
  if (_xf_review_panel_same_rubric (self->rubric, rubric))
    return;

  g_ptr_array_set_size (self->spins, 0);
  _xf_review_panel_clear_list (self->criteria_list);
  g_clear_pointer (&self->rubric, g_ptr_array_unref);
  self->rubric = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_criterion_free);
  for (guint i = 0; i < rubric->len; i++)
    {
      const XfCriterion *criterion = g_ptr_array_index (rubric, i);

      g_ptr_array_add (self->rubric, xf_criterion_copy (criterion));
      gtk_list_box_append (self->criteria_list, criterion_row (self, criterion));
    }
}

/* A score being typed in loses the focus before the form turns
 * read-only: an entry made insensitive while focused keeps blinking. */
static void
release_focus (XfReviewPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->criteria_list)))
    gtk_root_set_focus (root, NULL);
}

void
_xf_review_panel_set_scores (XfReviewPanel *self,
            GArray        *scores)
{
  if (!self->editable)
    release_focus (self);
  self->loading = TRUE;
  for (guint i = 0; i < self->spins->len; i++)
    {
      GtkSpinButton *spin = g_ptr_array_index (self->spins, i);
      double value = scores != NULL && i < scores->len ? g_array_index (scores, double, i) : NAN;

      /* Not scored yet: the form starts at 0 for the member to fill in. */
      gtk_spin_button_set_value (spin, isnan (value) ? 0 : value);
      gtk_widget_set_sensitive (GTK_WIDGET (spin), self->editable);
    }
  self->loading = FALSE;
  _xf_review_panel_update_weighted (self);
}

gboolean
_xf_review_panel_save_scores (XfReviewPanel *self)
{
  g_autoptr(GArray) values = NULL;
  g_autoptr(GError) error = NULL;

  /* Typed text the spin buttons have not taken yet counts too. */
  for (guint i = 0; i < self->spins->len; i++)
    gtk_spin_button_update (g_ptr_array_index (self->spins, i));
  values = read_values (self);
  if (!xf_evaluation_save_scores (self->evaluation, self->round_id, self->nomination_id,
                                  (const double *) values->data, values->len, &error))
    {
      _xf_review_panel_show_error (self, error);
      return FALSE;
    }
  self->dirty = FALSE;
  _xf_review_panel_show_error (self, NULL);
  _xf_review_panel_update_save_state (self);
  return TRUE;
}

void
_xf_review_panel_save_scores_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XfReviewPanel *self = XF_REVIEW_PANEL (widget);

  if (self->editable)
    _xf_review_panel_save_scores (self);
}

/*
 * The other members' scores
 */

void
_xf_review_panel_fill_others (XfReviewPanel *self,
             gboolean       may_show)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;

  _xf_review_panel_clear_list (self->others_list);
  /* Never before the member's own vote, so they cannot sway it; and only
   * what core shows (a member who may not see them gets an error). */
  if (may_show)
    members = xf_evaluation_list_scores (self->evaluation, self->round_id, self->nomination_id, &error);
  if (members == NULL)
    {
      if (error != NULL)
        g_debug ("Scores not shown: %s", error->message);
      gtk_widget_set_visible (self->others_group, FALSE);
      return;
    }

  for (guint i = 0; i < members->len; i++)
    {
      const XfMemberScores *member = g_ptr_array_index (members, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *score;
      g_autofree char *score_text = NULL;
      g_autoptr(GString) details = g_string_new (NULL);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->member_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   member->recused ? _("Recused") : _xf_review_panel_vote_label (member->vote));
      score_text = isnan (member->weighted) ? g_strdup ("—") : g_strdup_printf ("%.1f", member->weighted);
      score = gtk_label_new (score_text);
      gtk_widget_add_css_class (score, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), score);

      /* Each criterion's score, when pointing at the row. */
      for (guint c = 0; member->scores != NULL && self->rubric != NULL &&
                        c < member->scores->len && c < self->rubric->len; c++)
        {
          const XfCriterion *criterion = g_ptr_array_index (self->rubric, c);
          double value = g_array_index (member->scores, double, c);

          if (details->len > 0)
            g_string_append_c (details, '\n');
          if (isnan (value))
            g_string_append_printf (details, "%s: —", criterion->name);
          else
            g_string_append_printf (details, "%s: %g", criterion->name, value);
        }
      if (details->len > 0)
        gtk_widget_set_tooltip_text (row, details->str);
      gtk_list_box_append (self->others_list, row);
    }
  gtk_widget_set_visible (self->others_group, members->len > 0);
}
