/* xf-plan-view.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-plan-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-clock.h"
#include "xf-cultivation-form.h"
#include "xf-cultivation-widgets.h"
#include "xf-evaluation.h"
#include "xf-plan-view.h"
#include "xf-ui-util.h"
#include "xf-window.h"

struct _XfPlanView
{
  AdwBin               parent_instance;

  XfCultivation       *cultivation;
  XfCultivationPlan   *plan;           /* as last read; NULL for none */
  gint64               plan_id;
  gboolean             editable;
  GPtrArray           *info_rows;
  GPtrArray           *goal_rows;
  GPtrArray           *review_rows;

  /* Template widgets */
  GtkStack            *stack;
  GtkScrolledWindow   *scrolled_window;
  GtkBox              *title_box;
  GtkLabel            *name_label;
  GtkLabel            *aim_label;
  AdwBin              *progress_bin;
  GtkLabel            *error_label;
  GtkWidget           *actions_box;
  GtkWidget           *nominate_button;
  GtkWidget           *close_button;
  AdwPreferencesGroup *info_group;
  AdwPreferencesGroup *goals_group;
  GtkWidget           *add_goal_button;
  AdwPreferencesGroup *reviews_group;
  GtkWidget           *add_review_button;
};

G_DEFINE_FINAL_TYPE (XfPlanView, xf_plan_view, ADW_TYPE_BIN)

static void
show_error (XfPlanView *self,
            const char *message)
{
  if (message == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      return;
    }
  xf_show_pane_error (self->error_label, self->scrolled_window, message);
}

static void
toast (XfPlanView *self,
       const char *text)
{
  xf_cultivation_toast (GTK_WIDGET (self), adw_toast_new (text));
}

static const XfCultivationGoal *
find_goal (XfPlanView *self,
           gint64      goal_id)
{
  for (guint i = 0; self->plan != NULL && self->plan->goals != NULL && i < self->plan->goals->len; i++)
    {
      const XfCultivationGoal *goal = g_ptr_array_index (self->plan->goals, i);

      if (goal->id == goal_id)
        return goal;
    }
  return NULL;
}

/*
 * Showing the plan
 */

static GtkWidget *
link_row (const char *name,
          const char *title,
          const char *value,
          gint64      pioneer_id)
{
  GtkWidget *row = xf_property_row_new (name, title, value);

  if (pioneer_id > 0)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "cultivation.open-pioneer");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", pioneer_id);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Open the profile"));
    }
  return row;
}

static void
add_info (XfPlanView *self,
          GtkWidget  *row)
{
  xf_preferences_group_add_row (self->info_group, self->info_rows, row);
}

static void
fill_info (XfPlanView *self)
{
  const XfCultivationPlan *plan = self->plan;
  g_autofree char *status = NULL;

  xf_preferences_group_clear_rows (self->info_group, self->info_rows);
  add_info (self, link_row ("target-row", _("Target"), plan->pioneer_name, plan->pioneer_id));
  add_info (self, link_row ("mentor-row", _("Mentor"), plan->mentor_name, plan->mentor_id));
  /* Without one of its own, the plan is the target's organisation's. */
  add_info (self, xf_property_row_new ("organisation-row", _("Managing organisation"),
                                       plan->organisation_name != NULL ? plan->organisation_name
                                       : plan->organisation_code != NULL ? plan->organisation_code
                                       : _("The target's own")));
  add_info (self, xf_property_row_new (NULL, _("Region"), plan->region_name));
  add_info (self, xf_property_row_new (NULL, _("Starts on"), plan->starts_on));
  if (plan->close_reason != NULL && plan->close_reason[0] != '\0')
    /* Translators: a closed plan's status, then why it was closed */
    status = g_strdup_printf (_("%s: %s"), xf_plan_status_label (plan->status), plan->close_reason);
  else
    status = g_strdup (xf_plan_status_label (plan->status));
  add_info (self, xf_property_row_new ("status-row", _("Status"), status));
  if (plan->notes != NULL && plan->notes[0] != '\0')
    add_info (self, xf_text_row_new (NULL, plan->notes, _("Notes")));
}

static char *
describe_goal (const XfCultivationGoal *goal)
{
  GString *text = g_string_new (xf_goal_kind_label (goal->kind));

  if (goal->due_on != NULL && goal->due_on[0] != '\0')
    {
      g_autofree char *due = NULL;

      /* Translators: part of a goal's description: its due date */
      due = g_strdup_printf (_("due %s"), goal->due_on);
      g_string_append_printf (text, " · %s", due);
    }
  if (goal->achieved_on != NULL)
    {
      g_autofree char *achieved = NULL;

      /* Translators: part of a goal's description: when it was achieved */
      achieved = g_strdup_printf (_("achieved on %s"), goal->achieved_on);
      g_string_append_printf (text, " · %s", achieved);
      if (goal->evidence != NULL && goal->evidence[0] != '\0')
        g_string_append_printf (text, " — %s", goal->evidence);
    }
  return g_string_free (text, FALSE);
}

static GtkWidget *
goal_button (const char *icon,
             const char *tooltip,
             const char *action,
             gint64      goal_id,
             gboolean    editable)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", goal_id);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, editable);
  return button;
}

static void
fill_goals (XfPlanView *self)
{
  GPtrArray *goals = self->plan->goals;

  xf_preferences_group_clear_rows (self->goals_group, self->goal_rows);
  adw_preferences_group_set_description (self->goals_group,
                                         goals == NULL || goals->len == 0 ? _("No goals yet.") : NULL);
  for (guint i = 0; goals != NULL && i < goals->len; i++)
    {
      const XfCultivationGoal *goal = g_ptr_array_index (goals, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;
      g_autofree char *subtitle = describe_goal (goal);
      gboolean achieved = goal->achieved_on != NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), goal->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      icon = gtk_image_new_from_icon_name (achieved ? "emblem-ok-symbolic"
                                           : goal->overdue ? "dialog-warning-symbolic" : "content-loading-symbolic");
      if (achieved)
        gtk_widget_add_css_class (icon, "success");
      else if (goal->overdue)
        {
          gtk_widget_add_css_class (icon, "warning");
          gtk_widget_set_tooltip_text (icon, _("Overdue"));
        }
      else
        gtk_widget_add_css_class (icon, "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      if (achieved)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   goal_button ("edit-undo-symbolic", _("Not achieved after all"),
                                                "plan.undo-goal", goal->id, self->editable));
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   goal_button ("object-select-symbolic", _("Achieved…"),
                                                "plan.achieve-goal", goal->id, self->editable));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 goal_button ("user-trash-symbolic", _("Remove"),
                                              "plan.remove-goal", goal->id, self->editable));
      gtk_widget_set_name (row, achieved ? "goal-row-achieved" : "goal-row");
      xf_preferences_group_add_row (self->goals_group, self->goal_rows, row);
    }
}

static void
fill_reviews (XfPlanView *self)
{
  GPtrArray *reviews = self->plan->reviews;

  xf_preferences_group_clear_rows (self->reviews_group, self->review_rows);
  adw_preferences_group_set_description (self->reviews_group,
                                         reviews == NULL || reviews->len == 0 ? _("Not reviewed yet.") : NULL);
  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      const XfCultivationReview *review = g_ptr_array_index (reviews, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;

      /* Translators: a yearly review's title: the year, then the rating */
      title = g_strdup_printf (_("%d: %s"), review->year, xf_review_rating_label (review->rating));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), review->comment);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      if (review->ready)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   xf_cultivation_pill_new (_("Found ready"), "ready"));
      gtk_widget_set_name (row, "review-row");
      xf_preferences_group_add_row (self->reviews_group, self->review_rows, row);
    }
}

/* The steps: on for an active plan at a place the actor may edit; the
 * tooltip says why not otherwise. */
static void
update_steps (XfPlanView *self)
{
  XfRegistry *registry = xf_cultivation_get_registry (self->cultivation);
  XfAccount *actor = xf_cultivation_get_actor (self->cultivation);
  g_autoptr(GError) error = NULL;
  gboolean active = self->plan != NULL && g_strcmp0 (self->plan->status, XF_PLAN_ACTIVE) == 0;
  gboolean allowed = FALSE;
  gboolean may_ever = actor != NULL && xf_permission_allows_somewhere (actor, XF_OP_CULTIVATION_EDIT);
  const char *why = NULL;
  GtkWidget *buttons[] = { self->nominate_button, self->close_button,
                           self->add_goal_button, self->add_review_button };
  const char *actions[] = { "plan.nominate", "plan.close", "plan.add-goal", "plan.add-review",
                            "plan.achieve-goal", "plan.undo-goal", "plan.remove-goal" };

  if (self->plan != NULL && may_ever)
    {
      allowed = xf_registry_check_id (registry, XF_OP_CULTIVATION_EDIT, self->plan->pioneer_id, &error);
      if (!allowed)
        why = error->message;
      else if (!active)
        why = _("The plan is no longer active.");
    }
  self->editable = allowed && active;
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], self->editable);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_widget_set_tooltip_text (buttons[i], self->editable ? NULL : why);
  gtk_widget_set_tooltip_text (self->add_goal_button, self->editable ? _("Add a goal") : why);
  gtk_widget_set_tooltip_text (self->add_review_button, self->editable ? _("Add a review") : why);
  /* Who may never edit plans reads them without the steps. */
  gtk_widget_set_visible (self->actions_box, may_ever);
  gtk_widget_set_visible (self->add_goal_button, may_ever);
  gtk_widget_set_visible (self->add_review_button, may_ever);
}

static void
fill (XfPlanView *self)
{
  const XfCultivationPlan *plan = self->plan;
  g_autofree char *aim = xf_cultivation_describe_aim (plan);

  /* The badges follow the name. */
  while (gtk_widget_get_next_sibling (GTK_WIDGET (self->name_label)) != NULL)
    gtk_box_remove (self->title_box, gtk_widget_get_next_sibling (GTK_WIDGET (self->name_label)));
  gtk_label_set_text (self->name_label, plan->pioneer_name);
  xf_cultivation_append_badges (self->title_box, plan);
  /* Translators: the honour a plan aims at, under the target's name */
  {
    g_autofree char *text = g_strdup_printf (_("Aims at %s"), aim);

    gtk_label_set_text (self->aim_label, text);
  }
  adw_bin_set_child (self->progress_bin, xf_cultivation_progress_new (plan));
  update_steps (self);
  fill_info (self);
  fill_goals (self);
  fill_reviews (self);
  gtk_stack_set_visible_child_name (self->stack, "plan");
}

static void
load (XfPlanView *self)
{
  g_autoptr(GError) error = NULL;
  XfCultivationPlan *plan;

  if (self->plan_id <= 0)
    {
      g_clear_pointer (&self->plan, xf_cultivation_plan_free);
      update_steps (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  plan = xf_cultivation_get_plan (self->cultivation, self->plan_id, &error);
  if (plan == NULL)
    {
      if (self->plan == NULL)
        {
          gtk_stack_set_visible_child_name (self->stack, "empty");
          return;
        }
      show_error (self, error->message);
      return;
    }
  g_clear_pointer (&self->plan, xf_cultivation_plan_free);
  self->plan = plan;
  fill (self);
}

void
xf_plan_view_show (XfPlanView *self,
                   gint64      plan_id)
{
  g_return_if_fail (XF_IS_PLAN_VIEW (self));

  if (plan_id != self->plan_id)
    {
      show_error (self, NULL);
      g_clear_pointer (&self->plan, xf_cultivation_plan_free);
    }
  self->plan_id = plan_id;
  load (self);
}

void
xf_plan_view_refresh (XfPlanView *self)
{
  g_return_if_fail (XF_IS_PLAN_VIEW (self));

  if (self->plan_id > 0)
    xf_scrolled_window_reload_in_place (self->scrolled_window, (void (*) (gpointer)) load, self);
}

const XfCultivationPlan *
xf_plan_view_get_plan (XfPlanView *self)
{
  g_return_val_if_fail (XF_IS_PLAN_VIEW (self), NULL);
  return self->plan;
}

gboolean
xf_plan_view_get_editable (XfPlanView *self)
{
  g_return_val_if_fail (XF_IS_PLAN_VIEW (self), FALSE);
  return self->editable;
}

/*
 * Forms: each holds the view (a reference) and a goal id
 */

typedef struct
{
  XfPlanView *view;
  gint64      plan_id;
  gint64      goal_id;
  XfEvaluation *evaluation;   /* nominating only */
} FormData;

static void
form_data_free (FormData *data)
{
  g_clear_object (&data->view);
  g_clear_object (&data->evaluation);
  g_free (data);
}

static FormData *
form_data_new (XfPlanView *self,
               gint64      goal_id)
{
  FormData *data = g_new0 (FormData, 1);

  data->view = g_object_ref (self);
  data->plan_id = self->plan_id;
  data->goal_id = goal_id;
  return data;
}

static void
present (GtkWidget *form)
{
  gtk_window_present (GTK_WINDOW (form));
}

/* Adding a goal. */
static gboolean
add_goal_apply (XfCultivationForm *form,
                gpointer           user_data,
                GError           **error)
{
  FormData *data = user_data;
  g_autoptr(XfCultivationGoal) goal = xf_cultivation_goal_new ();

  goal->kind = g_strdup (xf_cultivation_form_get_choice (form, "goal-kind"));
  goal->title = xf_cultivation_form_dup_text (form, "goal-title");
  goal->due_on = xf_cultivation_form_dup_text (form, "goal-due");
  return xf_cultivation_save_goal (data->view->cultivation, data->plan_id, goal, error) > 0;
}

/* The kinds and their labels, for a choice. */
static void
add_kind_choice (XfCultivationForm *form)
{
  const char * const *kinds = xf_goal_kinds ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; kinds[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) xf_goal_kind_label (kinds[i]));
  g_ptr_array_add (labels, NULL);
  xf_cultivation_form_add_choice (form, "goal-kind", _("Kind"), kinds,
                                  (const char * const *) labels->pdata, kinds[0]);
}

static void
add_goal_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XfPlanView *self = XF_PLAN_VIEW (widget);
  GtkWidget *form;

  if (self->plan == NULL)
    return;
  form = xf_cultivation_form_new (widget, _("New goal"),
                                  _("A milestone needs a due date; other goals may have one."),
                                  _("_Add"), add_goal_apply, form_data_new (self, 0),
                                  (GDestroyNotify) form_data_free);
  add_kind_choice (XF_CULTIVATION_FORM (form));
  xf_cultivation_form_add_entry (XF_CULTIVATION_FORM (form), "goal-title", _("_Goal"), NULL);
  xf_cultivation_form_add_entry (XF_CULTIVATION_FORM (form), "goal-due", _("_Due on (YYYY-MM-DD)"), NULL);
  present (form);
}

/* Achieving a goal: the date (today) and the evidence. */
static gboolean
achieve_apply (XfCultivationForm *form,
               gpointer           user_data,
               GError           **error)
{
  FormData *data = user_data;
  g_autofree char *on = xf_cultivation_form_dup_text (form, "achieved-on");
  g_autofree char *evidence = xf_cultivation_form_dup_text (form, "evidence");

  if (on == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Achieved on: a date is required."));
      return FALSE;
    }
  return xf_cultivation_achieve_goal (data->view->cultivation, data->goal_id, on, evidence, error);
}

static void
achieve_goal_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XfPlanView *self = XF_PLAN_VIEW (widget);
  gint64 goal_id = g_variant_get_int64 (parameter);
  const XfCultivationGoal *goal = find_goal (self, goal_id);
  g_autofree char *today = xf_clock_today_text ();
  GtkWidget *form;

  if (goal == NULL)
    return;
  form = xf_cultivation_form_new (widget, _("Goal achieved"), goal->title, _("_Save"),
                                  achieve_apply, form_data_new (self, goal_id),
                                  (GDestroyNotify) form_data_free);
  xf_cultivation_form_add_entry (XF_CULTIVATION_FORM (form), "achieved-on", _("_Achieved on (YYYY-MM-DD)"), today);
  xf_cultivation_form_add_entry (XF_CULTIVATION_FORM (form), "evidence", _("_Evidence"), NULL);
  present (form);
}

static void
undo_goal_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  XfPlanView *self = XF_PLAN_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!xf_cultivation_achieve_goal (self->cultivation, g_variant_get_int64 (parameter), NULL, NULL, &error))
    show_error (self, error->message);
}

/* Removing a goal: asked first; the toast can put it back. */
typedef struct
{
  XfPlanView        *view;
  gint64             plan_id;
  XfCultivationGoal *goal;
} Removed;

static void
removed_free (Removed *removed)
{
  g_clear_object (&removed->view);
  g_clear_pointer (&removed->goal, xf_cultivation_goal_free);
  g_free (removed);
}

static void
restore_goal_cb (AdwToast *undo_toast,
                 Removed  *removed)
{
  g_autoptr(XfCultivationGoal) goal = xf_cultivation_goal_copy (removed->goal);
  g_autoptr(GError) error = NULL;
  gint64 id;

  goal->id = 0;
  id = xf_cultivation_save_goal (removed->view->cultivation, removed->plan_id, goal, &error);
  if (id > 0 && removed->goal->achieved_on != NULL)
    xf_cultivation_achieve_goal (removed->view->cultivation, id, removed->goal->achieved_on,
                                 removed->goal->evidence, &error);
  if (error != NULL)
    toast (removed->view, error->message);
}

static Removed *
removed_new (XfPlanView              *view,
             gint64                   plan_id,
             const XfCultivationGoal *goal)
{
  Removed *removed = g_new0 (Removed, 1);

  removed->view = g_object_ref (view);
  removed->plan_id = plan_id;
  removed->goal = xf_cultivation_goal_copy (goal);
  return removed;
}

static void
removed_closure_notify (gpointer  data,
                        GClosure *closure)
{
  removed_free (data);
}

static void
remove_confirmed_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Removed          *removed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AdwToast *done;

  if (!xf_cultivation_remove_goal (removed->view->cultivation, removed->goal->id, &error))
    {
      show_error (removed->view, error->message);
      return;
    }
  /* Translators: a toast; %s is the goal's title */
  text = g_strdup_printf (_("Goal “%s” removed"), removed->goal->title);
  done = adw_toast_new (text);
  adw_toast_set_button_label (done, _("_Undo"));
  g_signal_connect_data (done, "button-clicked", G_CALLBACK (restore_goal_cb),
                         removed_new (removed->view, removed->plan_id, removed->goal),
                         removed_closure_notify, 0);
  xf_cultivation_toast (GTK_WIDGET (removed->view), done);
}

static void
remove_goal_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XfPlanView *self = XF_PLAN_VIEW (widget);
  const XfCultivationGoal *goal = find_goal (self, g_variant_get_int64 (parameter));
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  Removed *removed;

  if (goal == NULL)
    return;
  /* Translators: the body of the dialog asking before a goal is removed */
  body = g_strdup_printf (_("“%s” and whether it was achieved leave the plan."), goal->title);
  dialog = xf_confirm_dialog_new (widget, _("Remove the goal?"), body, _("_Cancel"), "remove", _("_Remove"));
  removed = removed_new (self, self->plan_id, goal);
  g_signal_connect (dialog, "response::remove", G_CALLBACK (remove_confirmed_cb), removed);
  g_object_set_data_full (G_OBJECT (dialog), "removed-data", removed, (GDestroyNotify) removed_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A yearly review by the managing organisation. */
static gboolean
add_review_apply (XfCultivationForm *form,
                  gpointer           user_data,
                  GError           **error)
{
  FormData *data = user_data;
  g_autoptr(XfCultivationReview) review = xf_cultivation_review_new ();
  g_autofree char *year = xf_cultivation_form_dup_text (form, "review-year");

  review->year = year != NULL ? (int) g_ascii_strtoll (year, NULL, 10) : 0;
  review->reviewed_on = xf_clock_today_text ();
  review->rating = g_strdup (xf_cultivation_form_get_choice (form, "review-rating"));
  review->ready = xf_cultivation_form_get_active (form, "review-ready");
  review->comment = xf_cultivation_form_dup_text (form, "review-comment");
  return xf_cultivation_add_review (data->view->cultivation, data->plan_id, review, error);
}

static void
add_review_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  static const char * const ratings[] = { "excellent", "good", "fair", "poor", NULL };
  XfPlanView *self = XF_PLAN_VIEW (widget);
  const char *labels[G_N_ELEMENTS (ratings)] = { NULL };
  g_autofree char *year = NULL;
  GDate today;
  GtkWidget *form;

  if (self->plan == NULL)
    return;
  xf_clock_today (&today);
  year = g_strdup_printf ("%d", g_date_get_year (&today));
  for (guint i = 0; ratings[i] != NULL; i++)
    labels[i] = xf_review_rating_label (ratings[i]);
  form = xf_cultivation_form_new (widget, _("Yearly review"),
                                  _("The managing organisation's review; one a year."),
                                  _("_Add"), add_review_apply, form_data_new (self, 0),
                                  (GDestroyNotify) form_data_free);
  xf_cultivation_form_add_entry (XF_CULTIVATION_FORM (form), "review-year", _("_Year"), year);
  xf_cultivation_form_add_choice (XF_CULTIVATION_FORM (form), "review-rating", _("Rating"),
                                  ratings, labels, "good");
  xf_cultivation_form_add_switch (XF_CULTIVATION_FORM (form), "review-ready",
                                  _("Ready to be nominated"), FALSE);
  xf_cultivation_form_add_entry (XF_CULTIVATION_FORM (form), "review-comment", _("_Comment"), NULL);
  present (form);
}

/* Closing: achieved, or closed with a reason. */
static gboolean
close_apply (XfCultivationForm *form,
             gpointer           user_data,
             GError           **error)
{
  FormData *data = user_data;
  g_autofree char *reason = xf_cultivation_form_dup_text (form, "close-reason");

  return xf_cultivation_close_plan (data->view->cultivation, data->plan_id,
                                    xf_cultivation_form_get_choice (form, "close-status"), reason, error);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  static const char * const statuses[] = { XF_PLAN_CLOSED, XF_PLAN_ACHIEVED, NULL };
  XfPlanView *self = XF_PLAN_VIEW (widget);
  const char *labels[] = { xf_plan_status_label (XF_PLAN_CLOSED), xf_plan_status_label (XF_PLAN_ACHIEVED), NULL };
  GtkWidget *form;

  if (self->plan == NULL)
    return;
  form = xf_cultivation_form_new (widget, _("Close the plan"),
                                  _("A plan closed without the honour keeps the reason."),
                                  _("C_lose plan"), close_apply, form_data_new (self, 0),
                                  (GDestroyNotify) form_data_free);
  xf_cultivation_form_add_choice (XF_CULTIVATION_FORM (form), "close-status", _("Outcome"),
                                  statuses, labels, XF_PLAN_CLOSED);
  xf_cultivation_form_add_entry (XF_CULTIVATION_FORM (form), "close-reason", _("_Reason"), NULL);
  present (form);
}

/* Nominating: an open campaign and the nominating unit. */
static gboolean
nominate_apply (XfCultivationForm *form,
                gpointer           user_data,
                GError           **error)
{
  FormData *data = user_data;
  XfPlanView *self = data->view;
  const char *campaign = xf_cultivation_form_get_choice (form, "campaign");
  g_autofree char *unit = xf_cultivation_form_dup_text (form, "nominating-unit");
  gint64 campaign_id = campaign != NULL ? g_ascii_strtoll (campaign, NULL, 10) : 0;
  g_autofree char *text = NULL;
  GtkRoot *root;
  AdwToast *done;
  gint64 nomination_id;

  nomination_id = xf_cultivation_nominate (self->cultivation, data->plan_id, campaign_id, unit, error);
  if (nomination_id <= 0)
    return FALSE;

  /* Translators: a toast after a nomination was started from a plan */
  text = g_strdup_printf (_("Nomination of %s started"), self->plan != NULL ? self->plan->pioneer_name : "");
  done = adw_toast_new (text);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (XF_IS_WINDOW (root) && xf_window_get_page (XF_WINDOW (root), "evaluation") != NULL)
    {
      adw_toast_set_button_label (done, _("_Open"));
      adw_toast_set_action_name (done, "cultivation.open-nomination");
      adw_toast_set_action_target_value (done, g_variant_new ("(xx)", campaign_id, nomination_id));
    }
  xf_cultivation_toast (GTK_WIDGET (self), done);
  return TRUE;
}

static void
nominate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XfPlanView *self = XF_PLAN_VIEW (widget);
  FormData *data;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  GtkWidget *form;

  if (self->plan == NULL)
    return;
  data = form_data_new (self, 0);
  data->evaluation = xf_evaluation_new (xf_cultivation_get_registry (self->cultivation));
  campaigns = xf_evaluation_list_campaigns (data->evaluation, 0, &error);
  for (guint i = 0; campaigns != NULL && i < campaigns->len; i++)
    {
      XfCampaign *campaign = g_ptr_array_index (campaigns, i);

      if (g_strcmp0 (xf_campaign_get_status (campaign), "open") != 0)
        continue;
      g_ptr_array_add (ids, g_strdup_printf ("%" G_GINT64_FORMAT, xf_campaign_get_id (campaign)));
      g_ptr_array_add (titles, g_strdup (xf_campaign_get_title (campaign)));
    }
  if (campaigns == NULL || ids->len == 0)
    {
      form_data_free (data);
      toast (self, campaigns == NULL ? error->message
                                     : _("No campaign is open for nominations."));
      return;
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (titles, NULL);

  /* Translators: the nominate dialog's description; %s is the target */
  description = g_strdup_printf (_("A draft nomination of %s, its file filled from the plan. "
                                   "Without a nominating unit, the employer nominates."),
                                 self->plan->pioneer_name);
  form = xf_cultivation_form_new (widget, _("Nominate"), description, _("_Nominate"),
                                  nominate_apply, data, (GDestroyNotify) form_data_free);
  xf_cultivation_form_add_choice (XF_CULTIVATION_FORM (form), "campaign", _("Campaign"),
                                  (const char * const *) ids->pdata,
                                  (const char * const *) titles->pdata, NULL);
  xf_cultivation_form_add_entry (XF_CULTIVATION_FORM (form), "nominating-unit", _("Nominating _unit"), NULL);
  present (form);
}

/*
 * GObject
 */

static void
xf_plan_view_dispose (GObject *object)
{
  XfPlanView *self = XF_PLAN_VIEW (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_PLAN_VIEW);
  g_clear_pointer (&self->info_rows, g_ptr_array_unref);
  g_clear_pointer (&self->goal_rows, g_ptr_array_unref);
  g_clear_pointer (&self->review_rows, g_ptr_array_unref);
  g_clear_pointer (&self->plan, xf_cultivation_plan_free);
  g_clear_object (&self->cultivation);

  G_OBJECT_CLASS (xf_plan_view_parent_class)->dispose (object);
}

static void
xf_plan_view_class_init (XfPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_plan_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/cultivation/xf-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XfPlanView, stack);
  gtk_widget_class_bind_template_child (widget_class, XfPlanView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, XfPlanView, title_box);
  gtk_widget_class_bind_template_child (widget_class, XfPlanView, name_label);
  gtk_widget_class_bind_template_child (widget_class, XfPlanView, aim_label);
  gtk_widget_class_bind_template_child (widget_class, XfPlanView, progress_bin);
  gtk_widget_class_bind_template_child (widget_class, XfPlanView, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfPlanView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, XfPlanView, nominate_button);
  gtk_widget_class_bind_template_child (widget_class, XfPlanView, close_button);
  gtk_widget_class_bind_template_child (widget_class, XfPlanView, info_group);
  gtk_widget_class_bind_template_child (widget_class, XfPlanView, goals_group);
  gtk_widget_class_bind_template_child (widget_class, XfPlanView, add_goal_button);
  gtk_widget_class_bind_template_child (widget_class, XfPlanView, reviews_group);
  gtk_widget_class_bind_template_child (widget_class, XfPlanView, add_review_button);

  gtk_widget_class_install_action (widget_class, "plan.nominate", NULL, nominate_action);
  gtk_widget_class_install_action (widget_class, "plan.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "plan.add-goal", NULL, add_goal_action);
  gtk_widget_class_install_action (widget_class, "plan.add-review", NULL, add_review_action);
  gtk_widget_class_install_action (widget_class, "plan.achieve-goal", "x", achieve_goal_action);
  gtk_widget_class_install_action (widget_class, "plan.undo-goal", "x", undo_goal_action);
  gtk_widget_class_install_action (widget_class, "plan.remove-goal", "x", remove_goal_action);
}

static void
xf_plan_view_init (XfPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->info_rows = g_ptr_array_new ();
  self->goal_rows = g_ptr_array_new ();
  self->review_rows = g_ptr_array_new ();
}

GtkWidget *
xf_plan_view_new (XfCultivation *cultivation)
{
  XfPlanView *self;

  g_return_val_if_fail (XF_IS_CULTIVATION (cultivation), NULL);

  self = g_object_new (XF_TYPE_PLAN_VIEW, NULL);
  self->cultivation = g_object_ref (cultivation);
  update_steps (self);
  return GTK_WIDGET (self);
}
