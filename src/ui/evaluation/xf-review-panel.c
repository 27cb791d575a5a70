/* xf-review-panel.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-review-panel"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "xf-review-panel-private.h"
#include "xf-ui-util.h"


G_DEFINE_FINAL_TYPE (XfReviewPanel, xf_review_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_EVALUATION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

void
_xf_review_panel_show_error (XfReviewPanel *self,
            const GError  *error)
{
  gtk_label_set_label (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

const char *
_xf_review_panel_vote_label (const char *vote)
{
  if (g_strcmp0 (vote, "for") == 0)
    return _("Voted for");
  if (g_strcmp0 (vote, "against") == 0)
    return _("Voted against");
  if (g_strcmp0 (vote, "abstain") == 0)
    return _("Abstained");
  return _("Not voted yet");
}

void
_xf_review_panel_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/*
 * The vote
 */

static void
vote_confirmed_cb (XfReviewPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *vote = g_steal_pointer (&self->pending_vote);

  if (vote == NULL || !self->editable)
    return;
  /* The scores on the form are the ones voted on. */
  if (self->dirty && !_xf_review_panel_save_scores (self))
    return;
  if (!xf_evaluation_vote (self->evaluation, self->round_id, self->nomination_id, vote, &error))
    {
      _xf_review_panel_show_error (self, error);
      return;
    }
  _xf_review_panel_show_error (self, NULL);
  xf_review_panel_refresh (self);
}

static void
vote_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfReviewPanel *self = XF_REVIEW_PANEL (widget);
  const char *vote = g_variant_get_string (parameter, NULL);
  const char *heading;
  const char *label;
  GtkWidget *dialog;

  if (!self->editable)
    return;
  if (g_str_equal (vote, "for"))
    {
      heading = _("Vote for this nomination?");
      label = _("_Vote For");
    }
  else if (g_str_equal (vote, "against"))
    {
      heading = _("Vote against this nomination?");
      label = _("_Vote Against");
    }
  else if (g_str_equal (vote, "abstain"))
    {
      heading = _("Abstain on this nomination?");
      label = _("_Abstain");
    }
  else
    return;

  g_free (self->pending_vote);
  self->pending_vote = g_strdup (vote);
  dialog = xf_confirm_dialog_new (widget, heading,
                                  _("A vote is final: afterwards neither the vote nor your scores can be changed."),
                                  _("_Cancel"), "vote", label);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "vote",
                                              g_str_equal (vote, "against")
                                              ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response::vote", G_CALLBACK (vote_confirmed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_vote (XfReviewPanel *self,
           const char    *vote,
           gboolean       round_open)
{
  gtk_widget_set_visible (self->vote_box, self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->vote_label), !self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.vote", self->editable);
  if (self->editable)
    {
      adw_preferences_group_set_description (self->vote_group,
                                             _("A vote is final. Voting for or against needs every criterion scored."));
      return;
    }
  adw_preferences_group_set_description (self->vote_group, NULL);
  if (vote != NULL)
    gtk_label_set_label (self->vote_label, _xf_review_panel_vote_label (vote));
  else if (!round_open)
    gtk_label_set_label (self->vote_label, _("The round closed before you voted."));
  else
    gtk_label_set_label (self->vote_label, "");
}

/*
 * The declaration
 */

static void
declaration_changed_cb (XfReviewPanel *self)
{
  gboolean conflict = gtk_check_button_get_active (self->conflict_check);
  gboolean chosen = conflict || gtk_check_button_get_active (self->no_conflict_check);
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));

  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), conflict);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.declare",
                                 chosen && (!conflict || reason[0] != '\0'));
}

static void
declare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  XfReviewPanel *self = XF_REVIEW_PANEL (widget);
  gboolean conflict = gtk_check_button_get_active (self->conflict_check);
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
  g_autoptr(GError) error = NULL;

  if (!conflict && !gtk_check_button_get_active (self->no_conflict_check))
    return;
  /* Core wants the reason of a conflict, and says so in its words. */
  if (!xf_evaluation_declare (self->evaluation, self->round_id, self->nomination_id,
                              conflict, conflict ? reason : NULL, &error))
    {
      _xf_review_panel_show_error (self, error);
      return;
    }
  _xf_review_panel_show_error (self, NULL);
  xf_review_panel_refresh (self);
}

static void
reason_activated_cb (XfReviewPanel *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "review.declare", NULL);
}

static void
reset_declaration (XfReviewPanel *self)
{
  gtk_check_button_set_active (self->no_conflict_check, FALSE);
  gtk_check_button_set_active (self->conflict_check, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
  declaration_changed_cb (self);
}

/*
 * Reading the review
 */

/* The round's number and whether it is open; FALSE on error. */
static gboolean
read_round (XfReviewPanel *self,
            int           *number,
            gboolean      *open,
            GError       **error)
{
  g_autoptr(GPtrArray) rounds = xf_evaluation_list_rounds (self->evaluation, self->campaign_id, error);

  *number = 0;
  *open = FALSE;
  if (rounds == NULL)
    return FALSE;
  for (guint i = 0; i < rounds->len; i++)
    {
      const XfReviewRound *round = g_ptr_array_index (rounds, i);

      if (round->id == self->round_id)
        {
          *number = round->number;
          *open = g_strcmp0 (round->status, "open") == 0;
        }
    }
  return TRUE;
}

static void
show_state (XfReviewPanel *self,
            const char    *name)
{
  gtk_stack_set_visible_child_name (self->state_stack, name);
  gtk_widget_set_visible (GTK_WIDGET (self->round_label), !g_str_equal (name, "empty"));
}

static void
load (XfReviewPanel *self)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(XfMemberReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *round_text = NULL;
  gboolean keep_values;
  gboolean round_open;
  int number;

  if (self->round_id == 0 || self->nomination_id == 0)
    {
      self->editable = FALSE;
      show_state (self, "empty");
      return;
    }

  nomination = xf_evaluation_get_nomination (self->evaluation, self->nomination_id, &error);
  if (nomination != NULL)
    {
      self->campaign_id = xf_nomination_get_campaign_id (nomination);
      campaign = xf_evaluation_get_campaign (self->evaluation, self->campaign_id, &error);
    }
  if (campaign != NULL && read_round (self, &number, &round_open, &error))
    review = xf_evaluation_get_my_review (self->evaluation, self->round_id, self->nomination_id, &error);
  if (review == NULL)
    {
      self->editable = FALSE;
      adw_status_page_set_description (self->error_status, error->message);
      show_state (self, "error");
      return;
    }

  if (round_open)
    /* Translators: the committee round a review belongs to */
    round_text = g_strdup_printf (_("Round %d"), number);
  else
    /* Translators: a committee round that has closed */
    round_text = g_strdup_printf (_("Round %d, closed"), number);
  gtk_label_set_label (self->round_label, round_text);

  if (review->recused)
    {
      /* Nothing else: no scores, no vote, no one else's scores. */
      self->editable = FALSE;
      adw_status_page_set_description (self->recused_status,
                                       review->recusal_reason != NULL && review->recusal_reason[0] != '\0'
                                       ? review->recusal_reason
                                       : _("A conflict of interest was found."));
      show_state (self, "recused");
      return;
    }
  if (!review->declared)
    {
      self->editable = FALSE;
      if (!round_open)
        {
          show_state (self, "empty");
          return;
        }
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->state_stack), "declare") != 0)
        reset_declaration (self);
      show_state (self, "declare");
      return;
    }

  /* Typed scores not saved yet survive a refresh caused by someone else. */
  keep_values = self->dirty && self->editable && self->rubric != NULL &&
                _xf_review_panel_same_rubric (self->rubric, xf_campaign_get_rubric (campaign));
  self->editable = round_open && review->vote == NULL;
  _xf_review_panel_build_criteria (self, xf_campaign_get_rubric (campaign));
  if (keep_values && self->editable)
    {
      for (guint i = 0; i < self->spins->len; i++)
        gtk_widget_set_sensitive (g_ptr_array_index (self->spins, i), TRUE);
      _xf_review_panel_update_weighted (self);
    }
  else
    {
      self->dirty = FALSE;
      _xf_review_panel_set_scores (self, review->scores);
    }
  gtk_widget_set_visible (self->save_button, self->editable);
  _xf_review_panel_update_save_state (self);
  show_vote (self, review->vote, round_open);
  _xf_review_panel_fill_others (self, review->vote != NULL || !round_open);
  show_state (self, "review");
}

void
xf_review_panel_refresh (XfReviewPanel *self)
{
  g_return_if_fail (XF_IS_REVIEW_PANEL (self));

  load (self);
}

void
xf_review_panel_set_nomination (XfReviewPanel *self,
                                gint64         round_id,
                                gint64         nomination_id)
{
  g_return_if_fail (XF_IS_REVIEW_PANEL (self));

  if (self->round_id != round_id || self->nomination_id != nomination_id)
    {
      /* Another nomination: nothing carries over. */
      self->dirty = FALSE;
      self->campaign_id = 0;
      _xf_review_panel_show_error (self, NULL);
      reset_declaration (self);
      g_clear_pointer (&self->pending_vote, g_free);
    }
  self->round_id = round_id;
  self->nomination_id = nomination_id;
  load (self);
}

GtkSpinButton *
xf_review_panel_get_score_spin (XfReviewPanel *self,
                                guint          index)
{
  g_return_val_if_fail (XF_IS_REVIEW_PANEL (self), NULL);

  return index < self->spins->len ? g_ptr_array_index (self->spins, index) : NULL;
}

static void
evaluation_changed_cb (XfReviewPanel *self,
                       gint64         campaign_id,
                       gint64         nomination_id)
{
  g_assert (XF_IS_REVIEW_PANEL (self));

  if (self->nomination_id == 0)
    return;
  if (nomination_id == self->nomination_id ||
      (nomination_id == 0 && (campaign_id == 0 || campaign_id == self->campaign_id)))
    load (self);
}

/*
 * GObject
 */

static void
xf_review_panel_constructed (GObject *object)
{
  XfReviewPanel *self = XF_REVIEW_PANEL (object);

  G_OBJECT_CLASS (xf_review_panel_parent_class)->constructed (object);

  g_return_if_fail (XF_IS_EVALUATION (self->evaluation));
  g_signal_connect_object (self->evaluation, "changed", G_CALLBACK (evaluation_changed_cb),
                           self, G_CONNECT_SWAPPED);
  load (self);
}

static void
xf_review_panel_dispose (GObject *object)
{
  XfReviewPanel *self = XF_REVIEW_PANEL (object);

  if (self->spins != NULL)
    g_ptr_array_set_size (self->spins, 0);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_REVIEW_PANEL);
  g_clear_object (&self->evaluation);

  G_OBJECT_CLASS (xf_review_panel_parent_class)->dispose (object);
}

static void
xf_review_panel_finalize (GObject *object)
{
  XfReviewPanel *self = XF_REVIEW_PANEL (object);

  g_clear_pointer (&self->rubric, g_ptr_array_unref);
  g_clear_pointer (&self->spins, g_ptr_array_unref);
  g_clear_pointer (&self->pending_vote, g_free);

  G_OBJECT_CLASS (xf_review_panel_parent_class)->finalize (object);
}

static void
xf_review_panel_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XfReviewPanel *self = XF_REVIEW_PANEL (object);

  switch (prop_id)
    {
    case PROP_EVALUATION:
      g_value_set_object (value, self->evaluation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_review_panel_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XfReviewPanel *self = XF_REVIEW_PANEL (object);

  switch (prop_id)
    {
    case PROP_EVALUATION:
      self->evaluation = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_review_panel_class_init (XfReviewPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xf_review_panel_constructed;
  object_class->dispose = xf_review_panel_dispose;
  object_class->finalize = xf_review_panel_finalize;
  object_class->get_property = xf_review_panel_get_property;
  object_class->set_property = xf_review_panel_set_property;

  properties [PROP_EVALUATION] =
    g_param_spec_object ("evaluation", NULL, NULL, XF_TYPE_EVALUATION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/evaluation/xf-review-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, round_label);
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, state_stack);
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, recused_status);
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, no_conflict_check);
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, conflict_check);
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, reason_row);
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, declare_button);
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, criteria_list);
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, weighted_label);
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, save_state_label);
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, save_button);
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, vote_group);
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, vote_box);
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, for_button);
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, against_button);
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, abstain_button);
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, vote_label);
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, others_group);
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, others_list);
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, error_status);
  gtk_widget_class_bind_template_child (widget_class, XfReviewPanel, error_label);
  gtk_widget_class_bind_template_callback (widget_class, declaration_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reason_activated_cb);

  gtk_widget_class_install_action (widget_class, "review.declare", NULL, declare_action);
  gtk_widget_class_install_action (widget_class, "review.save-scores", NULL, _xf_review_panel_save_scores_action);
  gtk_widget_class_install_action (widget_class, "review.vote", "s", vote_action);
}

static void
xf_review_panel_init (XfReviewPanel *self)
{
  GtkEventController *shortcuts;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->spins = g_ptr_array_new ();

  /* Enter in any score saves them all: caught before the spin button's
   * own entry, which would only take the typed number. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  shortcut = gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, 0),
                                                            gtk_keyval_trigger_new (GDK_KEY_KP_Enter, 0)),
                               gtk_named_action_new ("review.save-scores"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->criteria_list), shortcuts);

  declaration_changed_cb (self);
}

GtkWidget *
xf_review_panel_new (XfEvaluation *evaluation)
{
  g_return_val_if_fail (XF_IS_EVALUATION (evaluation), NULL);

  return g_object_new (XF_TYPE_REVIEW_PANEL, "evaluation", evaluation, NULL);
}
