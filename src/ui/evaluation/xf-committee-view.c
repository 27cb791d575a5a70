/* xf-committee-view.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-committee-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-committee-view-private.h"
#include "xf-ui-util.h"

G_DEFINE_FINAL_TYPE (XfCommitteeView, xf_committee_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_EVALUATION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void load (XfCommitteeView *self);

void
_xf_committee_view_show_error (XfCommitteeView *self,
                               const GError    *error)
{
  if (error != NULL)
    gtk_label_set_label (self->error_label, error->message);
  gtk_revealer_set_reveal_child (self->error_revealer, error != NULL);
}

void
_xf_committee_view_show_toast (XfCommitteeView *self,
                               const char      *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

void
_xf_committee_view_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

const XfReviewRound *
_xf_committee_view_find_round (XfCommitteeView *self,
                               gint64           round_id)
{
  for (guint i = 0; self->rounds != NULL && i < self->rounds->len; i++)
    {
      const XfReviewRound *round = g_ptr_array_index (self->rounds, i);

      if (round->id == round_id)
        return round;
    }
  return NULL;
}

static void
error_close_cb (XfCommitteeView *self)
{
  _xf_committee_view_show_error (self, NULL);
}

/*
 * The round's header
 */

static guint
count_in_committee (XfCommitteeView *self)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;

  counts = xf_evaluation_count_by_stage (self->evaluation, self->campaign_id, &error);
  if (counts == NULL)
    {
      g_debug ("Counting nominations: %s", error->message);
      return 0;
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, XF_STAGE_COMMITTEE));
}

static void
update_header (XfCommitteeView *self)
{
  gboolean chair_open = self->is_chair && self->open_round != NULL;

  if (self->open_round != NULL)
    {
      g_autofree char *title = NULL;
      g_autofree char *count = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: the committee round that is open */
      title = g_strdup_printf (_("Round %d"), self->open_round->number);
      count = g_strdup_printf (ngettext ("%u nomination", "%u nominations",
                                         self->open_round->n_nominations),
                               self->open_round->n_nominations);
      /* Translators: "opened on 2026-03-10 · 4 nominations" */
      subtitle = g_strdup_printf (_("Opened on %s · %s"), self->open_round->opened_on, count);
      gtk_label_set_label (self->round_title, title);
      gtk_label_set_label (self->round_subtitle, subtitle);
    }
  else
    {
      guint waiting = count_in_committee (self);
      g_autofree char *subtitle = NULL;

      if (waiting == 0)
        subtitle = g_strdup (_("No nomination waits for committee review"));
      else
        subtitle = g_strdup_printf (ngettext ("%u nomination waits for committee review",
                                              "%u nominations wait for committee review", waiting),
                                    waiting);
      gtk_label_set_label (self->round_title, _("No round open"));
      gtk_label_set_label (self->round_subtitle, subtitle);
    }

  gtk_widget_set_visible (self->remind_all_button, chair_open);
  gtk_widget_set_visible (self->close_button, chair_open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "committee.remind-all", chair_open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "committee.remind", chair_open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "committee.close-round", chair_open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "committee.open-round",
                                 self->is_chair && self->open_round == NULL);
}

/*
 * Earlier rounds
 */

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (usec <= 0)
    return g_strdup ("");
  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static char *
describe_aggregation (const char *aggregation,
                      gboolean    normalise)
{
  if (normalise)
    /* Translators: the aggregation of scores, then that they were normalised per member */
    return g_strdup_printf (_("%s, normalised"), xf_aggregation_label (aggregation));
  return g_strdup (xf_aggregation_label (aggregation));
}

static void
fill_rounds (XfCommitteeView *self)
{
  _xf_committee_view_clear_list (self->rounds_list);

  for (guint i = 0; self->rounds != NULL && i < self->rounds->len; i++)
    {
      const XfReviewRound *round = g_ptr_array_index (self->rounds, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *count = NULL;
      g_autofree char *subtitle = NULL;

      title = g_strdup_printf (_("Round %d"), round->number);
      count = g_strdup_printf (ngettext ("%u nomination", "%u nominations", round->n_nominations),
                               round->n_nominations);
      if (g_strcmp0 (round->status, "open") == 0)
        /* Translators: an open round: "open since 2026-03-10 · 4 nominations" */
        subtitle = g_strdup_printf (_("Open since %s · %s"), round->opened_on, count);
      else
        {
          g_autofree char *closed = format_time (round->closed_at);
          g_autofree char *aggregation = describe_aggregation (round->aggregation, round->normalise);

          /* Translators: a closed round: when, how many, and the aggregation recorded */
          subtitle = g_strdup_printf (_("Opened on %s, closed %s · %s · %s"),
                                      round->opened_on, closed, count, aggregation);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (round->id == self->shown_round_id)
        {
          GtkWidget *shown = gtk_image_new_from_icon_name ("object-select-symbolic");

          gtk_widget_set_tooltip_text (shown, _("Results shown"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), shown);
        }
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "committee.show-round");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (round->id));
      gtk_list_box_append (self->rounds_list, row);
    }

  if (self->rounds == NULL || self->rounds->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No rounds yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->rounds_list, row);
    }
}

static void
show_round_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XfCommitteeView *self = XF_COMMITTEE_VIEW (widget);
  gint64 round_id = g_variant_get_int64 (parameter);

  if (_xf_committee_view_find_round (self, round_id) == NULL)
    return;
  self->shown_round_id = round_id;
  _xf_committee_view_load_results (self);
  fill_rounds (self);
  gtk_stack_set_visible_child_name (self->section_stack, "results");
}

/*
 * Opening and closing
 */

static void
open_round_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XfCommitteeView *self = XF_COMMITTEE_VIEW (widget);
  g_autoptr(XfReviewRound) round = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  round = xf_evaluation_open_round (self->evaluation, self->campaign_id, &error);
  _xf_committee_view_show_error (self, error);
  if (round == NULL)
    return;

  /* Translators: a toast after opening a committee round */
  text = g_strdup_printf (ngettext ("Round %d opened with %u nomination",
                                    "Round %d opened with %u nominations", round->n_nominations),
                          round->number, round->n_nominations);
  _xf_committee_view_show_toast (self, text);
  self->shown_round_id = round->id;
  load (self);
}

static void
close_confirmed_cb (XfCommitteeView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int number;

  if (self->open_round == NULL)
    return;
  number = self->open_round->number;
  /* Core refuses while a quorum is missing or a tie unresolved, naming the
   * candidate: its words are shown as they are. */
  if (!xf_evaluation_close_round (self->evaluation, self->open_round->id, &error))
    {
      _xf_committee_view_show_error (self, error);
      return;
    }
  _xf_committee_view_show_error (self, NULL);
  /* Translators: a toast after closing a committee round */
  text = g_strdup_printf (_("Round %d closed"), number);
  _xf_committee_view_show_toast (self, text);
  load (self);
}

static void
close_round_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XfCommitteeView *self = XF_COMMITTEE_VIEW (widget);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint n_notice = 0;

  if (self->open_round == NULL)
    return;
  /* The counts as core has them now, whatever round is on show. */
  results = xf_evaluation_compute_results (self->evaluation, self->open_round->id, &error);
  if (results == NULL)
    {
      _xf_committee_view_show_error (self, error);
      return;
    }
  for (guint i = 0; i < results->len; i++)
    if (((const XfNominationResult *) g_ptr_array_index (results, i))->within_quota)
      n_notice++;

  /* Translators: the heading of the confirmation before closing a round */
  heading = g_strdup_printf (_("Close Round %d?"), self->open_round->number);
  notice = g_strdup_printf (ngettext ("%u nomination goes to public notice",
                                      "%u nominations go to public notice", n_notice),
                            n_notice);
  rest = g_strdup_printf (ngettext ("%u is not selected", "%u are not selected",
                                    results->len - n_notice),
                          results->len - n_notice);
  /* Translators: "2 nominations go to public notice and 3 are not selected. …" */
  body = g_strdup_printf (_("%s and %s. Closing the round cannot be undone."), notice, rest);
  dialog = xf_confirm_dialog_new (widget, heading, body, _("_Cancel"), "close", _("C_lose Round"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response::close", G_CALLBACK (close_confirmed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * Reading the campaign
 */

static void
clear_campaign (XfCommitteeView *self)
{
  g_clear_object (&self->campaign);
  g_clear_pointer (&self->open_round, xf_review_round_free);
  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  self->is_member = self->is_chair = FALSE;
}

static gint64
choose_shown_round (XfCommitteeView *self)
{
  if (self->shown_round_id != 0 && _xf_committee_view_find_round (self, self->shown_round_id) != NULL)
    return self->shown_round_id;
  if (self->open_round != NULL)
    return self->open_round->id;
  if (self->rounds != NULL && self->rounds->len > 0)
    return ((const XfReviewRound *) g_ptr_array_index (self->rounds, 0))->id;
  return 0;
}

static void
load (XfCommitteeView *self)
{
  g_autoptr(GError) error = NULL;

  self->stale = FALSE;
  clear_campaign (self);
  if (self->campaign_id == 0)
    {
      self->shown_round_id = 0;
      _xf_committee_view_load_results (self);
      update_header (self);
      gtk_stack_set_visible_child_name (self->main_stack, "none");
      return;
    }

  self->campaign = xf_evaluation_get_campaign (self->evaluation, self->campaign_id, &error);
  if (self->campaign != NULL)
    self->open_round = xf_evaluation_get_open_round (self->evaluation, self->campaign_id, &error);
  if (error == NULL)
    self->rounds = xf_evaluation_list_rounds (self->evaluation, self->campaign_id, &error);
  if (error != NULL)
    {
      clear_campaign (self);
      update_header (self);
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      return;
    }

  self->is_member = xf_evaluation_is_member (self->evaluation, self->campaign_id, &self->is_chair);
  self->shown_round_id = choose_shown_round (self);
  update_header (self);
  _xf_committee_view_load_progress (self);
  _xf_committee_view_load_results (self);
  fill_rounds (self);
  gtk_stack_set_visible_child_name (self->main_stack, "campaign");
}

void
xf_committee_view_refresh (XfCommitteeView *self)
{
  g_return_if_fail (XF_IS_COMMITTEE_VIEW (self));

  /* A view out of sight reads the campaign when it is next shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  load (self);
}

void
xf_committee_view_set_campaign (XfCommitteeView *self,
                                gint64           campaign_id)
{
  g_return_if_fail (XF_IS_COMMITTEE_VIEW (self));

  if (self->campaign_id != campaign_id)
    {
      self->campaign_id = campaign_id;
      self->shown_round_id = 0;
      g_array_set_size (self->tie_order, 0);
      _xf_committee_view_show_error (self, NULL);
      gtk_stack_set_visible_child_name (self->section_stack, "progress");
    }
  xf_committee_view_refresh (self);
}

gint64
xf_committee_view_get_shown_round (XfCommitteeView *self)
{
  g_return_val_if_fail (XF_IS_COMMITTEE_VIEW (self), 0);

  return self->shown_round_id;
}

GPtrArray *
xf_committee_view_get_results (XfCommitteeView *self)
{
  g_return_val_if_fail (XF_IS_COMMITTEE_VIEW (self), NULL);

  return self->results;
}

GArray *
xf_committee_view_get_tie_order (XfCommitteeView *self)
{
  g_return_val_if_fail (XF_IS_COMMITTEE_VIEW (self), NULL);

  return self->tie_order;
}

static void
evaluation_changed_cb (XfCommitteeView *self,
                       gint64           campaign_id,
                       gint64           nomination_id)
{
  g_assert (XF_IS_COMMITTEE_VIEW (self));

  if (self->campaign_id != 0 && (campaign_id == 0 || campaign_id == self->campaign_id))
    xf_committee_view_refresh (self);
}

/*
 * GObject
 */

static void
xf_committee_view_constructed (GObject *object)
{
  XfCommitteeView *self = XF_COMMITTEE_VIEW (object);

  G_OBJECT_CLASS (xf_committee_view_parent_class)->constructed (object);

  g_return_if_fail (XF_IS_EVALUATION (self->evaluation));
  g_signal_connect_object (self->evaluation, "changed", G_CALLBACK (evaluation_changed_cb),
                           self, G_CONNECT_SWAPPED);
  load (self);
}

static void
xf_committee_view_map (GtkWidget *widget)
{
  XfCommitteeView *self = XF_COMMITTEE_VIEW (widget);

  GTK_WIDGET_CLASS (xf_committee_view_parent_class)->map (widget);
  if (self->stale)
    load (self);
}

static void
xf_committee_view_dispose (GObject *object)
{
  XfCommitteeView *self = XF_COMMITTEE_VIEW (object);

  if (self->results_view != NULL)
    gtk_column_view_set_model (self->results_view, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_COMMITTEE_VIEW);
  g_clear_object (&self->result_items);
  clear_campaign (self);
  g_clear_object (&self->evaluation);

  G_OBJECT_CLASS (xf_committee_view_parent_class)->dispose (object);
}

static void
xf_committee_view_finalize (GObject *object)
{
  XfCommitteeView *self = XF_COMMITTEE_VIEW (object);

  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->tie_order, g_array_unref);

  G_OBJECT_CLASS (xf_committee_view_parent_class)->finalize (object);
}

static void
xf_committee_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  XfCommitteeView *self = XF_COMMITTEE_VIEW (object);

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
xf_committee_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  XfCommitteeView *self = XF_COMMITTEE_VIEW (object);

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
xf_committee_view_class_init (XfCommitteeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xf_committee_view_constructed;
  object_class->dispose = xf_committee_view_dispose;
  object_class->finalize = xf_committee_view_finalize;
  object_class->get_property = xf_committee_view_get_property;
  object_class->set_property = xf_committee_view_set_property;
  widget_class->map = xf_committee_view_map;

  properties [PROP_EVALUATION] =
    g_param_spec_object ("evaluation", NULL, NULL, XF_TYPE_EVALUATION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/evaluation/xf-committee-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, error_status);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, round_title);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, round_subtitle);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, remind_all_button);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, close_button);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, section_stack);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, progress_stack);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, progress_list);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, no_round_status);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, open_round_button);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, progress_denied_status);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, results_caption);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, tie_box);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, tie_label);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, tie_list);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, results_view);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, results_empty_status);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, results_denied_status);
  gtk_widget_class_bind_template_child (widget_class, XfCommitteeView, rounds_list);
  gtk_widget_class_bind_template_callback (widget_class, error_close_cb);

  gtk_widget_class_install_action (widget_class, "committee.open-round", NULL, open_round_action);
  gtk_widget_class_install_action (widget_class, "committee.remind", "x",
                                   _xf_committee_view_remind_action);
  gtk_widget_class_install_action (widget_class, "committee.remind-all", NULL,
                                   _xf_committee_view_remind_all_action);
  gtk_widget_class_install_action (widget_class, "committee.close-round", NULL, close_round_action);
  gtk_widget_class_install_action (widget_class, "committee.show-round", "x", show_round_action);
  gtk_widget_class_install_action (widget_class, "committee.confirm-order", NULL,
                                   _xf_committee_view_confirm_order_action);
}

static void
xf_committee_view_init (XfCommitteeView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->tie_order = g_array_new (FALSE, FALSE, sizeof (gint64));
  _xf_committee_view_setup_results (self);
}

GtkWidget *
xf_committee_view_new (XfEvaluation *evaluation)
{
  g_return_val_if_fail (XF_IS_EVALUATION (evaluation), NULL);

  return g_object_new (XF_TYPE_COMMITTEE_VIEW, "evaluation", evaluation, NULL);
}
