/* xf-nomination-view.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-nomination-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-nomination-view-private.h"
#include "xf-ui-util.h"
#include "xf-wrap-layout.h"

G_DEFINE_FINAL_TYPE (XfNominationView, xf_nomination_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_EVALUATION,
  PROP_NOMINATION_ID,
  N_PROPS
};

enum {
  CLOSED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

XfRegistry *
_xf_nomination_view_get_registry (XfNominationView *self)
{
  return xf_evaluation_get_registry (self->evaluation);
}

/* A new toast replaces the last one rather than queue behind it: four
 * sign-offs cleared in a row would otherwise take twenty seconds of
 * "Vetting cleared" over the pane. */
void
_xf_nomination_view_show_toast (XfNominationView *self,
                                const char       *text)
{
  xf_toast_overlay_replace (self->toast_overlay, &self->toast, text);
}

void
_xf_nomination_view_show_error (XfNominationView *self,
                                const GError     *error)
{
  xf_show_pane_error (self->error_label, self->scrolled_window, error->message);
}

gboolean
_xf_nomination_view_may (XfNominationView *self,
                         XfOperation       op)
{
  return self->pioneer != NULL &&
         xf_registry_check (_xf_nomination_view_get_registry (self), op, self->pioneer, NULL);
}

static gboolean
stage_is (XfNominationView *self,
          const char       *stage)
{
  return g_strcmp0 (xf_nomination_get_stage (self->nomination), stage) == 0;
}

/* The open visit of the current stage, or NULL. */
static const XfStageVisit *
current_visit (XfNominationView *self)
{
  for (guint i = self->visits != NULL ? self->visits->len : 0; i > 0; i--)
    {
      const XfStageVisit *visit = g_ptr_array_index (self->visits, i - 1);

      if (visit->left_on == NULL)
        return visit;
    }
  return NULL;
}

static void
set_state_class (GtkWidget  *widget,
                 XfDueState  state)
{
  gtk_widget_remove_css_class (widget, "warning");
  gtk_widget_remove_css_class (widget, "error");
  gtk_widget_remove_css_class (widget, "dim-label");
  if (state == XF_DUE_SOON)
    gtk_widget_add_css_class (widget, "warning");
  else if (state == XF_DUE_OVERDUE)
    gtk_widget_add_css_class (widget, "error");
  else if (state == XF_DUE_NONE)
    gtk_widget_add_css_class (widget, "dim-label");
}

/* In stage "notice" the notice's period is what counts: the board moves
 * the nomination on when it ends. */
static char *
notice_text (XfNominationView *self)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(GPtrArray) objections = NULL;
  gint64 notice_id;
  guint open = 0;

  notice_id = xf_notice_board_notice_of (self->notice_board, self->nomination_id, NULL);
  if (notice_id > 0)
    notice = xf_notice_board_get_notice (self->notice_board, notice_id, NULL);
  if (notice != NULL && g_strcmp0 (notice->status, XF_NOTICE_PUBLISHED) == 0)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (_("On public notice until %s"), notice->ends_on);
      if (notice->days_left < 0)
        return g_steal_pointer (&text);
      /* Translators: the notice's end, then the working days left. */
      return g_strdup_printf (ngettext ("%s, %d working day left", "%s, %d working days left",
                                        notice->days_left), text, notice->days_left);
    }
  if (notice != NULL)
    return g_strdup_printf (_("On the draft notice “%s”, not yet published"), notice->title);

  /* A notice that closed while an objection was open holds it here. */
  objections = xf_notice_board_list_objections (self->notice_board, 0, TRUE, NULL);
  for (guint i = 0; objections != NULL && i < objections->len; i++)
    open += ((XfObjection *) g_ptr_array_index (objections, i))->nomination_id == self->nomination_id;
  if (open > 0)
    return g_strdup_printf (ngettext ("Held on notice by %u open objection",
                                      "Held on notice by %u open objections", open), open);
  return g_strdup (_("Not yet on a public notice"));
}

static char *
due_text (XfNominationView *self)
{
  XfNomination *nomination = self->nomination;
  const char *stage = xf_nomination_get_stage (nomination);
  const char *due_on = xf_nomination_get_stage_due_on (nomination);
  XfDueState state = xf_nomination_get_due_state (nomination);
  const XfStageVisit *visit = current_visit (self);
  g_autofree char *left = NULL;
  g_autofree char *text = NULL;

  if (xf_stage_is_final (stage))
    return g_strdup_printf (_("Ended on %s"), xf_nomination_get_decided_on (nomination)
                                                ? xf_nomination_get_decided_on (nomination)
                                                : xf_nomination_get_stage_since (nomination));
  if (g_strcmp0 (stage, XF_STAGE_DRAFT) == 0)
    return g_strdup (_("Not yet submitted"));
  if (g_strcmp0 (stage, XF_STAGE_RETURNED) == 0)
    return g_strdup_printf (_("With the nominating unit since %s, not counted against the promise"),
                            xf_nomination_get_stage_since (nomination));
  if (g_strcmp0 (stage, XF_STAGE_NOTICE) == 0)
    return notice_text (self);
  if (due_on == NULL)
    return g_strdup_printf (_("Since %s"), xf_nomination_get_stage_since (nomination));

  if (visit != NULL && visit->days_left >= 0)
    left = g_strdup_printf (ngettext ("%d working day left", "%d working days left",
                                      visit->days_left), visit->days_left);
  else if (visit != NULL)
    left = g_strdup_printf (ngettext ("%d working day overdue", "%d working days overdue",
                                      -visit->days_left), -visit->days_left);
  /* Translators: the current stage's due date, then the days left. */
  text = left != NULL ? g_strdup_printf (_("Due on %s, %s"), due_on, left)
                      : g_strdup_printf (_("Due on %s"), due_on);
  if (xf_due_state_needs_attention (state))
    /* Translators: "Due soon" or "Overdue", then the due date and days left. */
    return g_strdup_printf (_("%s: %s"), xf_due_state_label (state), text);
  return g_steal_pointer (&text);
}

static char *
outcome_text (XfNominationView *self)
{
  XfNomination *nomination = self->nomination;
  const char *reason = xf_nomination_get_outcome_reason (nomination);
  double score = xf_nomination_get_final_score (nomination);
  int rank = xf_nomination_get_rank (nomination);
  g_autoptr(GString) text = g_string_new (NULL);

  if (score >= 0)
    {
      /* Translators: the committee's final score of a nomination. */
      g_string_append_printf (text, _("Committee score %.2f"), score);
      if (rank > 0)
        /* Translators: appended to the score: its rank within the quota. */
        g_string_append_printf (text, _(", rank %d"), rank);
    }
  /* While open, the reason of the last step (a return) is the one to read. */
  if ((reason == NULL || *reason == '\0') && current_visit (self) != NULL)
    reason = current_visit (self)->note;
  if (reason != NULL && *reason != '\0')
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Reason: %s"), reason);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
update_status (XfNominationView *self)
{
  XfNomination *nomination = self->nomination;
  g_autofree char *due = due_text (self);
  g_autofree char *outcome = outcome_text (self);
  XfDueState state = xf_nomination_get_due_state (nomination);
  const char *stage = xf_nomination_get_stage (nomination);
  gboolean editable = (stage_is (self, XF_STAGE_DRAFT) || stage_is (self, XF_STAGE_RETURNED)) &&
                      _xf_nomination_view_may (self, XF_OP_REQUEST_EDIT);

  adw_window_title_set_title (self->window_title, xf_nomination_get_candidate_name (nomination));
  adw_window_title_set_subtitle (self->window_title, xf_nomination_get_campaign_title (nomination));
  gtk_label_set_text (self->stage_label, xf_stage_label (stage));
  gtk_label_set_text (self->due_label, due);
  set_state_class (GTK_WIDGET (self->due_label),
                   xf_stage_is_final (stage) || stage_is (self, XF_STAGE_DRAFT) ||
                   stage_is (self, XF_STAGE_RETURNED) || stage_is (self, XF_STAGE_NOTICE)
                   ? XF_DUE_NONE : state);
  gtk_label_set_text (self->outcome_label, outcome != NULL ? outcome : "");
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_label), outcome != NULL);
  gtk_widget_set_visible (self->edit_button, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nomination.edit", editable);
}

static void
clear_loaded (XfNominationView *self)
{
  g_clear_object (&self->nomination);
  g_clear_object (&self->campaign);
  g_clear_object (&self->pioneer);
  g_clear_pointer (&self->materials, g_ptr_array_unref);
  g_clear_pointer (&self->visits, g_ptr_array_unref);
}

/* Reads the nomination and all it shows again from core. */
static void
reload (XfNominationView *self)
{
  XfRegistry *registry = _xf_nomination_view_get_registry (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(GArray) allowed = NULL;
  gint64 campaign_id;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (self->nomination_id > 0)
    nomination = xf_evaluation_get_nomination (self->evaluation, self->nomination_id, &error);
  if (nomination == NULL)
    {
      clear_loaded (self);
      _xf_nomination_view_fill_actions (self, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      if (error != NULL)
        _xf_nomination_view_show_toast (self, error->message);
      return;
    }

  campaign_id = xf_nomination_get_campaign_id (nomination);
  g_set_object (&self->nomination, nomination);
  g_clear_object (&self->campaign);
  self->campaign = xf_evaluation_get_campaign (self->evaluation, campaign_id, NULL);
  g_clear_object (&self->pioneer);
  self->pioneer = xf_registry_get_pioneer (registry, xf_nomination_get_pioneer_id (nomination), NULL);
  g_clear_pointer (&self->materials, g_ptr_array_unref);
  if (!xf_nomination_get_case_withheld (nomination))
    self->materials = xf_evaluation_list_materials (self->evaluation, self->nomination_id, NULL);
  g_clear_pointer (&self->visits, g_ptr_array_unref);
  self->visits = xf_evaluation_get_timeline (self->evaluation, self->nomination_id, NULL);

  update_status (self);
  allowed = xf_evaluation_allowed_actions (self->evaluation, nomination);
  _xf_nomination_view_fill_actions (self, allowed);
  _xf_nomination_view_fill_sections (self);
  gtk_stack_set_visible_child_name (self->stack, "nomination");
}

static gboolean
refresh_cb (gpointer data)
{
  XfNominationView *self = data;

  self->refresh_source = 0;
  xf_nomination_view_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Several writes may come at once (a pass that also moves the stage):
 * refresh once, after the handler that wrote has returned, so that the
 * widget that caused it is not torn down beneath its own signal. */
static void
evaluation_changed_cb (XfNominationView *self,
                       gint64            campaign_id,
                       gint64            nomination_id)
{
  if (self->nomination_id == 0)
    return;
  if (nomination_id != self->nomination_id &&
      !(nomination_id == 0 && self->nomination != NULL &&
        campaign_id == xf_nomination_get_campaign_id (self->nomination)))
    return;
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_cb, self);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  g_signal_emit (widget, signals [CLOSED], 0);
}

/*
 * The back button: "Back" to the list while the leaflet around the view is
 * folded, "Close" beside the list when both show.
 */

static void
update_back_buttons (XfNominationView *self)
{
  xf_update_back_buttons (self->leaflet, self->back_button, self->empty_back_button,
                          _("Close nomination"), TRUE);
}

static void
xf_nomination_view_root (GtkWidget *widget)
{
  XfNominationView *self = XF_NOMINATION_VIEW (widget);

  GTK_WIDGET_CLASS (xf_nomination_view_parent_class)->root (widget);

  self->leaflet = xf_follow_leaflet (widget, G_CALLBACK (update_back_buttons));
  update_back_buttons (self);
}

static void
xf_nomination_view_unroot (GtkWidget *widget)
{
  XfNominationView *self = XF_NOMINATION_VIEW (widget);

  xf_unfollow_leaflet (widget, &self->leaflet, G_CALLBACK (update_back_buttons));

  GTK_WIDGET_CLASS (xf_nomination_view_parent_class)->unroot (widget);
}

/*
 * GObject
 */

static void
xf_nomination_view_constructed (GObject *object)
{
  XfNominationView *self = (XfNominationView *)object;

  G_OBJECT_CLASS (xf_nomination_view_parent_class)->constructed (object);

  g_return_if_fail (XF_IS_EVALUATION (self->evaluation));

  g_signal_connect_object (self->evaluation, "changed", G_CALLBACK (evaluation_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Only read through: the notice board page writes notices and the
   * window refreshes this page after it. */
  self->notice_board = xf_notice_board_new (self->evaluation);
  reload (self);
}

static void
xf_nomination_view_dispose (GObject *object)
{
  XfNominationView *self = (XfNominationView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_weak_pointer (&self->toast);
  /* AdwBin unparents its child itself; let it, before the template is
   * torn down, so that the child is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_NOMINATION_VIEW);
  self->review_panel = NULL;
  clear_loaded (self);
  g_clear_pointer (&self->eligibility_rows, g_ptr_array_unref);
  g_clear_pointer (&self->candidate_rows, g_ptr_array_unref);
  g_clear_pointer (&self->unit_rows, g_ptr_array_unref);
  g_clear_pointer (&self->material_rows, g_ptr_array_unref);
  g_clear_pointer (&self->checklist_rows, g_ptr_array_unref);
  g_clear_pointer (&self->vetting_rows, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->notice_board);
  g_clear_object (&self->evaluation);

  G_OBJECT_CLASS (xf_nomination_view_parent_class)->dispose (object);
}

static void
xf_nomination_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XfNominationView *self = XF_NOMINATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_EVALUATION:
      g_value_set_object (value, self->evaluation);
      break;
    case PROP_NOMINATION_ID:
      g_value_set_int64 (value, self->nomination_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_nomination_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XfNominationView *self = XF_NOMINATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_EVALUATION:
      g_set_object (&self->evaluation, g_value_get_object (value));
      break;
    case PROP_NOMINATION_ID:
      xf_nomination_view_set_nomination (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_nomination_view_class_init (XfNominationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xf_nomination_view_constructed;
  object_class->dispose = xf_nomination_view_dispose;
  object_class->get_property = xf_nomination_view_get_property;
  object_class->set_property = xf_nomination_view_set_property;
  widget_class->root = xf_nomination_view_root;
  widget_class->unroot = xf_nomination_view_unroot;

  properties [PROP_EVALUATION] =
    g_param_spec_object ("evaluation", NULL, NULL,
                         XF_TYPE_EVALUATION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * XfNominationView:nomination-id:
   *
   * The nomination shown; 0 shows the empty state.
   */
  properties [PROP_NOMINATION_ID] =
    g_param_spec_int64 ("nomination-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XfNominationView::closed:
   *
   * The user pressed back (or close beside the list).
   */
  signals [CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/evaluation/xf-nomination-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, stack);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, back_button);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, empty_back_button);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, window_title);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, edit_button);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, stage_label);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, due_label);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, eligibility_group);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, committee_group);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, candidate_group);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, unit_group);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, case_group);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, case_label);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, materials_group);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, add_material_button);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, vetting_group);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, XfNominationView, timeline);

  gtk_widget_class_install_action (widget_class, "nomination.close", NULL, close_action);
  _xf_nomination_view_install_actions (widget_class);

  g_type_ensure (XF_TYPE_STAGE_TIMELINE);
}

static void
xf_nomination_view_init (XfNominationView *self)
{
  GtkLayoutManager *actions_layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* A stage may offer five actions: they wrap rather than widen the pane. */
  actions_layout = xf_wrap_layout_new ();
  xf_wrap_layout_set_spacing (XF_WRAP_LAYOUT (actions_layout), 6);
  xf_wrap_layout_set_line_spacing (XF_WRAP_LAYOUT (actions_layout), 6);
  gtk_widget_set_layout_manager (self->actions_box, actions_layout);

  self->cancellable = g_cancellable_new ();
  self->eligibility_rows = g_ptr_array_new ();
  self->candidate_rows = g_ptr_array_new ();
  self->unit_rows = g_ptr_array_new ();
  self->material_rows = g_ptr_array_new ();
  self->checklist_rows = g_ptr_array_new ();
  self->vetting_rows = g_ptr_array_new ();
  _xf_nomination_view_setup_drop (self);
}

GtkWidget *
xf_nomination_view_new (XfEvaluation *evaluation)
{
  g_return_val_if_fail (XF_IS_EVALUATION (evaluation), NULL);

  return g_object_new (XF_TYPE_NOMINATION_VIEW, "evaluation", evaluation, NULL);
}

void
xf_nomination_view_set_nomination (XfNominationView *self,
                                   gint64            nomination_id)
{
  g_return_if_fail (XF_IS_NOMINATION_VIEW (self));
  g_return_if_fail (nomination_id >= 0);

  if (self->nomination_id == nomination_id && (nomination_id == 0 || self->nomination != NULL))
    return;

  self->nomination_id = nomination_id;
  if (self->evaluation != NULL)
    reload (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOMINATION_ID]);
}

gint64
xf_nomination_view_get_nomination (XfNominationView *self)
{
  g_return_val_if_fail (XF_IS_NOMINATION_VIEW (self), 0);
  return self->nomination_id;
}

void
xf_nomination_view_refresh (XfNominationView *self)
{
  g_return_if_fail (XF_IS_NOMINATION_VIEW (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  xf_scrolled_window_reload_in_place (self->scrolled_window, (void (*) (gpointer)) reload, self);
}
