/* xf-plan-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-plan-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-clock.h"
#include "xf-cultivation-widgets.h"
#include "xf-honour.h"
#include "xf-pioneer-picker.h"
#include "xf-plan-dialog.h"
#include "xf-ui-util.h"

#define GOAL_KEY "xf-goal"

static const char * const levels[] = { "city", "county", "provincial", "national" };

struct _XfPlanDialog
{
  AdwWindow            parent_instance;

  XfCultivation       *cultivation;
  GPtrArray           *organisations;   /* codes; index 0 NULL: the target's own */
  GPtrArray           *goal_rows;
  GtkWidget           *target_picker;
  GtkWidget           *mentor_picker;

  /* Template widgets */
  GtkWidget           *create_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwBin              *target_bin;
  AdwEntryRow         *title_row;
  AdwComboRow         *level_row;
  AdwEntryRow         *year_row;
  AdwBin              *mentor_bin;
  AdwComboRow         *organisation_row;
  AdwEntryRow         *starts_row;
  AdwPreferencesGroup *goals_group;
  AdwComboRow         *goal_kind_row;
  AdwEntryRow         *goal_title_row;
  AdwEntryRow         *goal_due_row;
};

G_DEFINE_FINAL_TYPE (XfPlanDialog, xf_plan_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The message on top; the field core's refusal names marked, and
 * focused. NULL clears both. */
static void
show_error (XfPlanDialog *self,
            const char   *message)
{
  struct { GtkWidget *widget; const char *name; } fields[] = {
    { xf_pioneer_picker_get_entry (XF_PIONEER_PICKER (self->target_picker)), _("Target") },
    { GTK_WIDGET (self->title_row), _("Honour aimed at") },
    { GTK_WIDGET (self->level_row), _("Level") },
    { GTK_WIDGET (self->year_row), _("Target year") },
    { xf_pioneer_picker_get_entry (XF_PIONEER_PICKER (self->mentor_picker)), _("Mentor") },
    { GTK_WIDGET (self->organisation_row), _("Organisation") },
    { GTK_WIDGET (self->starts_row), _("Starts on") },
    { GTK_WIDGET (self->goal_kind_row), _("Kind") },
    { GTK_WIDGET (self->goal_title_row), _("Goal") },
    { GTK_WIDGET (self->goal_due_row), _("Due on") },
  };

  xf_error_revealer_show (self->error_revealer, self->error_label, message);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gtk_widget_remove_css_class (fields[i].widget, "error");
      if (xf_cultivation_message_names (message, fields[i].name))
        {
          gtk_widget_add_css_class (fields[i].widget, "error");
          gtk_widget_grab_focus (fields[i].widget);
        }
    }
}

/*
 * The first goals
 */

static void
remove_goal_cb (GtkWidget    *button,
                XfPlanDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW);

  g_ptr_array_remove (self->goal_rows, row);
  adw_preferences_group_remove (self->goals_group, row);
}

static void
add_goal_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XfPlanDialog *self = XF_PLAN_DIALOG (widget);
  const char * const *kinds = xf_goal_kinds ();
  guint kind = adw_combo_row_get_selected (self->goal_kind_row);
  g_autoptr(XfCultivationGoal) goal = xf_cultivation_goal_new ();
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *button;

  goal->title = xf_entry_row_dup_optional (self->goal_title_row);
  if (goal->title == NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->goal_title_row));
      return;
    }
  goal->kind = g_strdup (kind < g_strv_length ((char **) kinds) ? kinds[kind] : kinds[0]);
  goal->due_on = xf_entry_row_dup_optional (self->goal_due_row);
  goal->position = (int) self->goal_rows->len;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), goal->title);
  subtitle = goal->due_on != NULL ? g_strdup_printf ("%s · %s", xf_goal_kind_label (goal->kind), goal->due_on)
                                  : g_strdup (xf_goal_kind_label (goal->kind));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_goal_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_widget_set_name (row, "new-goal-row");
  g_object_set_data_full (G_OBJECT (row), GOAL_KEY, g_steal_pointer (&goal),
                          (GDestroyNotify) xf_cultivation_goal_free);
  adw_preferences_group_add (self->goals_group, row);
  g_ptr_array_add (self->goal_rows, row);

  gtk_editable_set_text (GTK_EDITABLE (self->goal_title_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->goal_due_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->goal_title_row));
}

static void
goal_activated_cb (XfPlanDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "plan-dialog.add-goal", NULL);
}

/*
 * Creating
 */

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfPlanDialog *self = XF_PLAN_DIALOG (widget);
  g_autoptr(XfCultivationPlan) plan = xf_cultivation_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *year = xf_entry_row_dup_optional (self->year_row);
  guint level = adw_combo_row_get_selected (self->level_row);
  guint organisation = adw_combo_row_get_selected (self->organisation_row);
  gint64 id;

  plan->pioneer_id = xf_pioneer_picker_get_pioneer_id (XF_PIONEER_PICKER (self->target_picker));
  if (plan->pioneer_id == 0)
    {
      show_error (self, _("Target: type a name and choose the pioneer from the list."));
      gtk_widget_grab_focus (xf_pioneer_picker_get_entry (XF_PIONEER_PICKER (self->target_picker)));
      return;
    }
  plan->target_title = xf_entry_row_dup_optional (self->title_row);
  plan->target_level = g_strdup (level < G_N_ELEMENTS (levels) ? levels[level] : NULL);
  plan->target_year = year != NULL ? (int) g_ascii_strtoll (year, NULL, 10) : 0;
  if (year != NULL && plan->target_year == 0)
    plan->target_year = -1;   /* not a number: core refuses it, naming the field */
  plan->mentor_id = xf_pioneer_picker_get_pioneer_id (XF_PIONEER_PICKER (self->mentor_picker));
  if (self->organisations != NULL && organisation < self->organisations->len)
    plan->organisation_code = g_strdup (g_ptr_array_index (self->organisations, organisation));
  plan->starts_on = xf_entry_row_dup_optional (self->starts_row);
  plan->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_cultivation_goal_free);
  for (guint i = 0; i < self->goal_rows->len; i++)
    g_ptr_array_add (plan->goals,
                     xf_cultivation_goal_copy (g_object_get_data (g_ptr_array_index (self->goal_rows, i), GOAL_KEY)));

  id = xf_cultivation_save_plan (self->cultivation, plan, &error);
  if (id <= 0)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals [CREATED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/*
 * GObject
 */

static void
fill_choices (XfPlanDialog *self)
{
  g_autoptr(GtkStringList) level_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) organisation_names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) organisations = NULL;
  const char * const *kinds = xf_goal_kinds ();
  XfRegistry *registry = xf_cultivation_get_registry (self->cultivation);
  g_autofree char *today = xf_clock_today_text ();

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    gtk_string_list_append (level_names, xf_honour_level_label (levels[i]));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (level_names));
  for (guint i = 0; kinds[i] != NULL; i++)
    gtk_string_list_append (kind_names, xf_goal_kind_label (kinds[i]));
  adw_combo_row_set_model (self->goal_kind_row, G_LIST_MODEL (kind_names));

  self->organisations = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->organisations, NULL);
  gtk_string_list_append (organisation_names, _("The target's own"));
  organisations = xf_registry_list_organisations (registry, NULL);
  for (guint i = 0; organisations != NULL && i < organisations->len; i++)
    {
      XfOrganisationInfo *info = g_ptr_array_index (organisations, i);

      g_ptr_array_add (self->organisations, g_strdup (info->code));
      gtk_string_list_append (organisation_names, info->name);
    }
  adw_combo_row_set_model (self->organisation_row, G_LIST_MODEL (organisation_names));
  gtk_editable_set_text (GTK_EDITABLE (self->starts_row), today);

  self->target_picker = xf_pioneer_picker_new (registry, _("Target's name"), TRUE);
  adw_bin_set_child (self->target_bin, self->target_picker);
  self->mentor_picker = xf_pioneer_picker_new (registry, _("Mentor's name"), TRUE);
  adw_bin_set_child (self->mentor_bin, self->mentor_picker);
}

/* Ctrl+N then typing names the target: the focus starts there, not on
 * Cancel, where Enter would close the dialog. */
static void
xf_plan_dialog_show (GtkWidget *widget)
{
  XfPlanDialog *self = XF_PLAN_DIALOG (widget);

  GTK_WIDGET_CLASS (xf_plan_dialog_parent_class)->show (widget);
  if (self->target_picker != NULL)
    gtk_widget_grab_focus (xf_pioneer_picker_get_entry (XF_PIONEER_PICKER (self->target_picker)));
}

static void
xf_plan_dialog_dispose (GObject *object)
{
  XfPlanDialog *self = XF_PLAN_DIALOG (object);

  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->goal_rows, g_ptr_array_unref);
  g_clear_object (&self->cultivation);

  G_OBJECT_CLASS (xf_plan_dialog_parent_class)->dispose (object);
}

static void
xf_plan_dialog_class_init (XfPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_plan_dialog_dispose;
  widget_class->show = xf_plan_dialog_show;

  /**
   * XfPlanDialog::created:
   * @plan_id: the new plan
   */
  signals [CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/cultivation/xf-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfPlanDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, XfPlanDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, XfPlanDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfPlanDialog, target_bin);
  gtk_widget_class_bind_template_child (widget_class, XfPlanDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, XfPlanDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, XfPlanDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, XfPlanDialog, mentor_bin);
  gtk_widget_class_bind_template_child (widget_class, XfPlanDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, XfPlanDialog, starts_row);
  gtk_widget_class_bind_template_child (widget_class, XfPlanDialog, goals_group);
  gtk_widget_class_bind_template_child (widget_class, XfPlanDialog, goal_kind_row);
  gtk_widget_class_bind_template_child (widget_class, XfPlanDialog, goal_title_row);
  gtk_widget_class_bind_template_child (widget_class, XfPlanDialog, goal_due_row);
  gtk_widget_class_bind_template_callback (widget_class, goal_activated_cb);

  gtk_widget_class_install_action (widget_class, "plan-dialog.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "plan-dialog.add-goal", NULL, add_goal_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_plan_dialog_init (XfPlanDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->goal_rows = g_ptr_array_new ();
}

GtkWidget *
xf_plan_dialog_new (XfCultivation *cultivation)
{
  XfPlanDialog *self;

  g_return_val_if_fail (XF_IS_CULTIVATION (cultivation), NULL);

  self = g_object_new (XF_TYPE_PLAN_DIALOG, NULL);
  self->cultivation = g_object_ref (cultivation);
  fill_choices (self);
  return GTK_WIDGET (self);
}

GtkWidget *
xf_plan_dialog_get_target_picker (XfPlanDialog *self)
{
  g_return_val_if_fail (XF_IS_PLAN_DIALOG (self), NULL);
  return self->target_picker;
}

GtkWidget *
xf_plan_dialog_get_mentor_picker (XfPlanDialog *self)
{
  g_return_val_if_fail (XF_IS_PLAN_DIALOG (self), NULL);
  return self->mentor_picker;
}

const char *
xf_plan_dialog_get_error (XfPlanDialog *self)
{
  g_return_val_if_fail (XF_IS_PLAN_DIALOG (self), NULL);

  return xf_error_revealer_get (self->error_revealer, self->error_label);
}
