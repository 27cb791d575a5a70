/* xf-activities-view.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-activities-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-activities-view.h"
#include "xf-activity-dialog.h"
#include "xf-ui-util.h"

static const char * const statuses[] = {
  XF_ACTIVITY_PLANNED, XF_ACTIVITY_HELD, XF_ACTIVITY_CANCELLED,
};

struct _XfActivitiesView
{
  AdwBin           parent_instance;

  XfServices      *services;
  char            *kind;          /* NULL: both */
  XfReloadQueue    reload;
  AdwToast        *toast;         /* weak */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkDropDown     *kind_dropdown;
  GtkLabel        *summary_label;
  GtkStack        *stack;
  GtkBox          *list_box;
};

G_DEFINE_FINAL_TYPE (XfActivitiesView, xf_activities_view, ADW_TYPE_BIN)

/* "2026-03-12 14:30" or the date alone. */
static char *
format_when (const XfActivity *activity)
{
  if (activity->start_time != NULL && *activity->start_time != '\0')
    return g_strdup_printf ("%s %s", activity->held_on, activity->start_time);
  return g_strdup (activity->held_on);
}

static GtkWidget *
make_row (const XfActivity *activity)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *counts = gtk_label_new (NULL);
  g_autofree char *when = format_when (activity);
  g_autofree char *subtitle = NULL;
  g_autofree char *counts_text = NULL;

  /* Translators: an activity's kind, date, place and initiator */
  subtitle = g_strdup_printf (_("%s · %s · %s · by %s"), xf_activity_kind_label (activity->kind), when,
                              activity->place != NULL ? activity->place : "",
                              activity->pioneer_name != NULL ? activity->pioneer_name : "");
  if (g_strcmp0 (activity->status, XF_ACTIVITY_HELD) != 0)
    counts_text = activity->capacity > 0 && g_strcmp0 (activity->status, XF_ACTIVITY_PLANNED) == 0
                  /* Translators: participants who joined, of the places there are */
                  ? g_strdup_printf (_("%u of %d joined"), activity->n_participants, activity->capacity)
                  : g_strdup_printf (ngettext ("%u joined", "%u joined",
                                            activity->n_participants),
                                     activity->n_participants);
  else
    /* Translators: participants who attended, of those who joined */
    counts_text = g_strdup_printf (_("%u of %u attended"), activity->n_attended, activity->n_participants);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), activity->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_name (row, "activity-row");
  /* An AdwActionRow is not activatable until told (1.2): then a click or
   * Enter runs its action. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", activity->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "activities-view.open");

  gtk_label_set_text (GTK_LABEL (counts), counts_text);
  gtk_widget_add_css_class (counts, "dim-label");
  gtk_widget_add_css_class (counts, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), counts);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

/* Planned: soonest first; the others: latest first (as core lists them). */
static int
compare_soonest (gconstpointer a,
                 gconstpointer b)
{
  const XfActivity *x = *(XfActivity **) a;
  const XfActivity *y = *(XfActivity **) b;
  int by_date = g_strcmp0 (x->held_on, y->held_on);

  return by_date != 0 ? by_date : g_strcmp0 (x->start_time, y->start_time);
}

static const char *
status_title (const char *status)
{
  if (g_strcmp0 (status, XF_ACTIVITY_PLANNED) == 0)
    return _("Planned");
  if (g_strcmp0 (status, XF_ACTIVITY_HELD) == 0)
    return _("Held");
  return _("Cancelled");
}

void
xf_activities_view_refresh (XfActivitiesView *self)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  guint n_planned = 0;

  g_return_if_fail (XF_IS_ACTIVITIES_VIEW (self));

  xf_reload_queue_reloading (&self->reload);
  xf_box_remove_all (self->list_box);
  activities = xf_services_list_activities (self->services, 0, self->kind, &error);
  if (activities == NULL)
    {
      xf_toast_overlay_replace (self->toast_overlay, &self->toast, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      g_autoptr(GPtrArray) some = g_ptr_array_new ();
      GtkWidget *group;

      for (guint i = 0; i < activities->len; i++)
        {
          XfActivity *activity = g_ptr_array_index (activities, i);

          if (g_strcmp0 (activity->status, statuses[s]) == 0)
            g_ptr_array_add (some, activity);
        }
      if (some->len == 0)
        continue;
      if (s == 0)
        {
          g_ptr_array_sort (some, compare_soonest);
          n_planned = some->len;
        }
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), status_title (statuses[s]));
      gtk_widget_set_name (group, statuses[s]);
      for (guint i = 0; i < some->len; i++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), make_row (g_ptr_array_index (some, i)));
      gtk_box_append (self->list_box, group);
    }

  if (activities->len > 0)
    {
      g_autofree char *summary = NULL;

      /* Translators: "12 activities, 3 planned"; the plural follows the first number */
      summary = g_strdup_printf (ngettext ("%u activity, %u planned", "%u activities, %u planned",
                                           activities->len),
                                 activities->len, n_planned);
      gtk_label_set_text (self->summary_label, summary);
    }
  else
    gtk_label_set_text (self->summary_label, "");
  gtk_stack_set_visible_child_name (self->stack, activities->len > 0 ? "list" : "empty");
}

void
xf_activities_view_set_kind (XfActivitiesView *self,
                             const char       *kind)
{
  guint selected = 0;

  g_return_if_fail (XF_IS_ACTIVITIES_VIEW (self));

  if (g_strcmp0 (kind, XF_ACTIVITY_LECTURE) == 0)
    selected = 1;
  else if (g_strcmp0 (kind, XF_ACTIVITY_SKILL) == 0)
    selected = 2;
  /* The drop-down's handler reads again. */
  if (gtk_drop_down_get_selected (self->kind_dropdown) != selected)
    gtk_drop_down_set_selected (self->kind_dropdown, selected);
}

static void
kind_changed_cb (XfActivitiesView *self)
{
  static const char * const kinds[] = { NULL, XF_ACTIVITY_LECTURE, XF_ACTIVITY_SKILL };
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  g_clear_pointer (&self->kind, g_free);
  self->kind = g_strdup (kinds[MIN (selected, G_N_ELEMENTS (kinds) - 1)]);
  if (self->services != NULL)
    xf_activities_view_refresh (self);
}

static void
reload (GtkWidget *widget)
{
  xf_activities_view_refresh (XF_ACTIVITIES_VIEW (widget));
}

static void
services_changed_cb (XfActivitiesView *self)
{
  xf_reload_queue_changed (&self->reload);
}

static void
open_dialog (XfActivitiesView *self,
             gint64            activity_id)
{
  GtkWidget *dialog = xf_activity_dialog_new (self->services, activity_id);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), xf_widget_get_window (GTK_WIDGET (self)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_dialog (XF_ACTIVITIES_VIEW (widget), 0);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  open_dialog (XF_ACTIVITIES_VIEW (widget), g_variant_get_int64 (parameter));
}

static void
xf_activities_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (xf_activities_view_parent_class)->map (widget);
  xf_reload_queue_mapped (&XF_ACTIVITIES_VIEW (widget)->reload);
}

static void
xf_activities_view_dispose (GObject *object)
{
  XfActivitiesView *self = XF_ACTIVITIES_VIEW (object);

  xf_reload_queue_clear (&self->reload);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_ACTIVITIES_VIEW);
  g_clear_pointer (&self->kind, g_free);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (xf_activities_view_parent_class)->dispose (object);
}

static void
xf_activities_view_class_init (XfActivitiesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_activities_view_dispose;
  widget_class->map = xf_activities_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/services/xf-activities-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XfActivitiesView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfActivitiesView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfActivitiesView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, XfActivitiesView, stack);
  gtk_widget_class_bind_template_child (widget_class, XfActivitiesView, list_box);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);

  gtk_widget_class_install_action (widget_class, "activities-view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "activities-view.open", "x", open_action);
}

static void
xf_activities_view_init (XfActivitiesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  xf_reload_queue_init (&self->reload, GTK_WIDGET (self), reload);
}

GtkWidget *
xf_activities_view_new (XfServices *services)
{
  XfActivitiesView *self;

  g_return_val_if_fail (XF_IS_SERVICES (services), NULL);

  self = g_object_new (XF_TYPE_ACTIVITIES_VIEW, NULL);
  self->services = g_object_ref (services);
  g_signal_connect_object (services, "changed", G_CALLBACK (services_changed_cb), self, G_CONNECT_SWAPPED);
  xf_activities_view_refresh (self);
  return GTK_WIDGET (self);
}
