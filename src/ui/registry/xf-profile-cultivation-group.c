/* xf-profile-cultivation-group.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-profile-cultivation-group"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-cultivation.h"
#include "xf-profile-cultivation-group.h"
#include "xf-ui-util.h"
#include "xf-window.h"

struct _XfProfileCultivationGroup
{
  GtkBox               parent_instance;

  XfCultivation       *cultivation;   /* for the registry last shown */
  gint64               pioneer_id;
  gint64               plan_id;       /* the open plan shown, 0: none */
  guint                n_training;
  GPtrArray           *plan_rows;
  GPtrArray           *training_rows;

  AdwPreferencesGroup *plan_group;
  AdwPreferencesGroup *training_group;
};

G_DEFINE_FINAL_TYPE (XfProfileCultivationGroup, xf_profile_cultivation_group, GTK_TYPE_BOX)

/* The Cultivation page shows the plan: through the window's pages, as
 * the other pages open one another's records. */
static void
open_plan_cb (XfProfileCultivationGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *page;

  if (!XF_IS_WINDOW (root) || self->plan_id == 0)
    return;
  page = xf_window_get_page (XF_WINDOW (root), "cultivation");
  if (page == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (root), "win.show-page", "s", "cultivation");
  gtk_widget_activate_action (page, "cultivation.show-plan", "x", self->plan_id);
}

static void
fill_plan (XfProfileCultivationGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfCultivationPlan) plan = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *progress = NULL;
  GtkWidget *row;
  GtkWidget *bar;

  self->plan_id = xf_cultivation_plan_for (self->cultivation, self->pioneer_id, &error);
  if (self->plan_id > 0)
    plan = xf_cultivation_get_plan (self->cultivation, self->plan_id, &error);
  if (error != NULL)
    {
      xf_preferences_group_add_row (self->plan_group, self->plan_rows, xf_message_row_new ("plan", error->message));
      return;
    }
  if (plan == NULL)
    {
      xf_preferences_group_add_row (self->plan_group, self->plan_rows,
                                    xf_message_row_new ("plan", _("No open cultivation plan")));
      return;
    }

  /* Translators: a plan's progress: goals achieved of all its goals */
  progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d goal", "%d of %d goals",
                                           (gulong) plan->goals_total),
                              plan->goals_achieved, plan->goals_total);
  subtitle = plan->mentor_name != NULL && *plan->mentor_name != '\0'
             /* Translators: a plan in the profile: status, mentor, progress */
             ? g_strdup_printf (_("%s · mentor %s · %s"), xf_plan_status_label (plan->status),
                                plan->mentor_name, progress)
             /* Translators: a plan in the profile: status, progress */
             : g_strdup_printf (_("%s · %s"), xf_plan_status_label (plan->status), progress);
  row = adw_action_row_new ();
  gtk_widget_set_name (row, "plan");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), plan->target_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), plan->ready ? "emblem-ok-symbolic" : "emoji-nature-symbolic");
  bar = gtk_level_bar_new_for_interval (0, 1);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), xf_cultivation_plan_get_progress (plan));
  gtk_widget_set_size_request (bar, 72, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  if (plan->ready)
    {
      GtkWidget *ready = gtk_label_new (_("Ready"));

      gtk_widget_add_css_class (ready, "success");
      gtk_widget_add_css_class (ready, "caption-heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), ready);
    }
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

    /* Outside a window with a Cultivation page, the summary is all. */
    if (!XF_IS_WINDOW (root) || xf_window_get_page (XF_WINDOW (root), "cultivation") != NULL)
      {
        GtkWidget *open = gtk_button_new_from_icon_name ("go-next-symbolic");

        gtk_widget_set_name (open, "open-plan");
        gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (open, "flat");
        gtk_widget_set_tooltip_text (open, _("Open in Cultivation"));
        g_signal_connect_object (open, "clicked", G_CALLBACK (open_plan_cb), self, G_CONNECT_SWAPPED);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      }
  }
  xf_preferences_group_add_row (self->plan_group, self->plan_rows, row);
}

static char *
format_hours (double hours)
{
  /* Translators: hours of training, e.g. "16 h" or "7.5 h" */
  return g_strdup_printf (_("%g h"), hours);
}

static void
fill_training (XfProfileCultivationGroup *self)
{
  g_autoptr(GPtrArray) training = NULL;
  g_autoptr(GError) error = NULL;
  double total = 0;

  training = xf_cultivation_training_for (self->cultivation, self->pioneer_id, &total, &error);
  if (training == NULL)
    {
      xf_preferences_group_add_row (self->training_group, self->training_rows,
                                    xf_message_row_new ("training", error->message));
      return;
    }
  if (training->len == 0)
    {
      xf_preferences_group_add_row (self->training_group, self->training_rows,
                                    xf_message_row_new ("training", _("No skill training recorded yet")));
      return;
    }
  for (guint i = 0; i < training->len; i++)
    {
      const XfTrainingParticipant *p = g_ptr_array_index (training, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *hours = p->hours >= 0 ? format_hours (p->hours) : g_strdup (_("Hours not recorded"));
      g_autofree char *subtitle = NULL;
      GString *details = g_string_new (NULL);
      GtkWidget *label;

      /* Translators: a course in the profile: its dates, then the hours attended */
      g_string_printf (details, _("%s – %s · %s"), p->course_starts_on != NULL ? p->course_starts_on : "",
                       p->course_ends_on != NULL ? p->course_ends_on : "", hours);
      if (p->score >= 0)
        /* Translators: a training result's score */
        g_string_append_printf (details, _(" · score %g"), p->score);
      if (p->certificate != NULL && *p->certificate != '\0')
        /* Translators: a training result's certificate number */
        g_string_append_printf (details, _(" · certificate %s"), p->certificate);
      subtitle = g_string_free (details, FALSE);
      gtk_widget_set_name (row, "training");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->course_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      label = gtk_label_new (xf_training_result_label (p->result));
      gtk_widget_set_name (label, "result");
      if (g_strcmp0 (p->result, XF_TRAINING_PASSED) == 0)
        gtk_widget_add_css_class (label, "success");
      else if (g_strcmp0 (p->result, XF_TRAINING_FAILED) == 0)
        gtk_widget_add_css_class (label, "error");
      else
        gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      xf_preferences_group_add_row (self->training_group, self->training_rows, row);
      self->n_training++;
    }
  {
    g_autofree char *hours = format_hours (total);

    xf_preferences_group_add_row (self->training_group, self->training_rows,
                                  xf_property_row_new ("training-total", _("Hours in all"), hours));
  }
}

static void
fill (XfProfileCultivationGroup *self)
{
  xf_preferences_group_clear_rows (self->plan_group, self->plan_rows);
  xf_preferences_group_clear_rows (self->training_group, self->training_rows);
  self->plan_id = 0;
  self->n_training = 0;
  if (self->cultivation == NULL || self->pioneer_id == 0)
    return;
  fill_plan (self);
  fill_training (self);
}

void
xf_profile_cultivation_group_set_pioneer (XfProfileCultivationGroup *self,
                                          XfRegistry                *registry,
                                          gint64                     pioneer_id)
{
  g_return_if_fail (XF_IS_PROFILE_CULTIVATION_GROUP (self));
  g_return_if_fail (registry == NULL || XF_IS_REGISTRY (registry));

  if (registry == NULL)
    g_clear_object (&self->cultivation);
  else if (self->cultivation == NULL || xf_cultivation_get_registry (self->cultivation) != registry)
    {
      g_clear_object (&self->cultivation);
      self->cultivation = xf_cultivation_new (registry);
    }
  self->pioneer_id = pioneer_id;
  fill (self);
}

guint
xf_profile_cultivation_group_get_n_training (XfProfileCultivationGroup *self)
{
  g_return_val_if_fail (XF_IS_PROFILE_CULTIVATION_GROUP (self), 0);

  return self->n_training;
}

static void
xf_profile_cultivation_group_dispose (GObject *object)
{
  XfProfileCultivationGroup *self = XF_PROFILE_CULTIVATION_GROUP (object);

  g_clear_object (&self->cultivation);
  g_clear_pointer (&self->plan_rows, g_ptr_array_unref);
  g_clear_pointer (&self->training_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (xf_profile_cultivation_group_parent_class)->dispose (object);
}

static void
xf_profile_cultivation_group_class_init (XfProfileCultivationGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xf_profile_cultivation_group_dispose;
}

static void
xf_profile_cultivation_group_init (XfProfileCultivationGroup *self)
{
  self->plan_rows = g_ptr_array_new ();
  self->training_rows = g_ptr_array_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 24);
  self->plan_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->plan_group, _("Cultivation"));
  self->training_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->training_group, _("Skill training"));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->plan_group));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->training_group));
}

GtkWidget *
xf_profile_cultivation_group_new (void)
{
  return g_object_new (XF_TYPE_PROFILE_CULTIVATION_GROUP, NULL);
}
