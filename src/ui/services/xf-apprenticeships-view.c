/* xf-apprenticeships-view.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-apprenticeships-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-apprenticeship-dialog.h"
#include "xf-apprenticeships-view.h"
#include "xf-ui-util.h"

/* The drop-down's order, after "All"; also the groups' order. */
static const char * const statuses[] = {
  XF_APPRENTICESHIP_REQUESTED, XF_APPRENTICESHIP_ACCEPTED, XF_APPRENTICESHIP_COMPLETED,
  XF_APPRENTICESHIP_DECLINED, XF_APPRENTICESHIP_CANCELLED,
};

struct _XfApprenticeshipsView
{
  AdwBin           parent_instance;

  XfServices      *services;
  XfReloadQueue    reload;
  AdwToast        *toast;         /* weak */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkDropDown     *status_dropdown;
  GtkLabel        *summary_label;
  GtkStack        *stack;
  GtkBox          *list_box;
};

G_DEFINE_FINAL_TYPE (XfApprenticeshipsView, xf_apprenticeships_view, ADW_TYPE_BIN)

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* What the row says beside the master: the date that matters now. */
static char *
format_dates (const XfApprenticeship *apprenticeship)
{
  const char *status = apprenticeship->status;

  if (g_strcmp0 (status, XF_APPRENTICESHIP_ACCEPTED) == 0 && apprenticeship->ends_on != NULL)
    return g_strdup_printf (_("Plan until %s"), apprenticeship->ends_on);
  if (g_strcmp0 (status, XF_APPRENTICESHIP_COMPLETED) == 0 && apprenticeship->completed_on != NULL)
    return g_strdup_printf (_("Completed on %s"), apprenticeship->completed_on);
  if (g_strcmp0 (status, XF_APPRENTICESHIP_REQUESTED) != 0 && apprenticeship->decided_on != NULL)
    return g_strdup_printf (_("Decided on %s"), apprenticeship->decided_on);
  return g_strdup_printf (_("Asked on %s"), or_empty (apprenticeship->requested_on));
}

static GtkWidget *
make_row (const XfApprenticeship *apprenticeship)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *dates = format_dates (apprenticeship);
  g_autofree char *subtitle = NULL;

  if (apprenticeship->apprentice_employer != NULL && *apprenticeship->apprentice_employer != '\0')
    /* Translators: "Master: 王建国 · 德清钢铁厂 · Asked on 2026-03-02" */
    subtitle = g_strdup_printf (_("Master: %s · %s · %s"), or_empty (apprenticeship->pioneer_name),
                                apprenticeship->apprentice_employer, dates);
  else
    /* Translators: "Master: 王建国 · Asked on 2026-03-02" */
    subtitle = g_strdup_printf (_("Master: %s · %s"), or_empty (apprenticeship->pioneer_name), dates);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), or_empty (apprenticeship->apprentice_name));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  if (apprenticeship->goal != NULL)
    gtk_widget_set_tooltip_text (row, apprenticeship->goal);
  gtk_widget_set_name (row, "apprenticeship-row");
  /* An AdwActionRow is not activatable until told (1.2): then a click or
   * Enter runs its action. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", apprenticeship->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "apprenticeships-view.open");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static const char *
selected_status (XfApprenticeshipsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  return selected >= 1 && selected <= G_N_ELEMENTS (statuses) ? statuses[selected - 1] : NULL;
}

void
xf_apprenticeships_view_refresh (XfApprenticeshipsView *self)
{
  g_autoptr(GPtrArray) apprenticeships = NULL;
  g_autoptr(GError) error = NULL;
  guint n_requested = 0;

  g_return_if_fail (XF_IS_APPRENTICESHIPS_VIEW (self));

  xf_reload_queue_reloading (&self->reload);
  xf_box_remove_all (self->list_box);
  apprenticeships = xf_services_list_apprenticeships (self->services, 0, selected_status (self), &error);
  if (apprenticeships == NULL)
    {
      xf_toast_overlay_replace (self->toast_overlay, &self->toast, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      GtkWidget *group = NULL;

      for (guint i = 0; i < apprenticeships->len; i++)
        {
          XfApprenticeship *apprenticeship = g_ptr_array_index (apprenticeships, i);

          if (g_strcmp0 (apprenticeship->status, statuses[s]) != 0)
            continue;
          if (group == NULL)
            {
              group = adw_preferences_group_new ();
              adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                               xf_apprenticeship_status_label (statuses[s]));
              gtk_widget_set_name (group, statuses[s]);
              gtk_box_append (self->list_box, group);
            }
          if (s == 0)
            n_requested++;
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), make_row (apprenticeship));
        }
    }

  if (apprenticeships->len > 0)
    {
      g_autofree char *summary = NULL;

      /* Translators: "8 apprenticeships, 2 waiting for an answer"; the plural follows the first number */
      summary = g_strdup_printf (ngettext ("%u apprenticeship, %u waiting for an answer",
                                           "%u apprenticeships, %u waiting for an answer",
                                           apprenticeships->len),
                                 apprenticeships->len, n_requested);
      gtk_label_set_text (self->summary_label, summary);
    }
  else
    gtk_label_set_text (self->summary_label, "");
  gtk_stack_set_visible_child_name (self->stack, apprenticeships->len > 0 ? "list" : "empty");
}

void
xf_apprenticeships_view_set_status (XfApprenticeshipsView *self,
                                    const char            *status)
{
  guint selected = 0;

  g_return_if_fail (XF_IS_APPRENTICESHIPS_VIEW (self));

  for (guint i = 0; status != NULL && i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      selected = i + 1;
  if (gtk_drop_down_get_selected (self->status_dropdown) != selected)
    gtk_drop_down_set_selected (self->status_dropdown, selected);
}

static void
status_changed_cb (XfApprenticeshipsView *self)
{
  if (self->services != NULL)
    xf_apprenticeships_view_refresh (self);
}

static void
reload (GtkWidget *widget)
{
  xf_apprenticeships_view_refresh (XF_APPRENTICESHIPS_VIEW (widget));
}

static void
services_changed_cb (XfApprenticeshipsView *self)
{
  xf_reload_queue_changed (&self->reload);
}

static void
open_dialog (XfApprenticeshipsView *self,
             gint64                 apprenticeship_id)
{
  GtkWidget *dialog = xf_apprenticeship_dialog_new (self->services, apprenticeship_id);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), xf_widget_get_window (GTK_WIDGET (self)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_dialog (XF_APPRENTICESHIPS_VIEW (widget), 0);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  open_dialog (XF_APPRENTICESHIPS_VIEW (widget), g_variant_get_int64 (parameter));
}

static void
xf_apprenticeships_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (xf_apprenticeships_view_parent_class)->map (widget);
  xf_reload_queue_mapped (&XF_APPRENTICESHIPS_VIEW (widget)->reload);
}

static void
xf_apprenticeships_view_dispose (GObject *object)
{
  XfApprenticeshipsView *self = XF_APPRENTICESHIPS_VIEW (object);

  xf_reload_queue_clear (&self->reload);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_APPRENTICESHIPS_VIEW);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (xf_apprenticeships_view_parent_class)->dispose (object);
}

static void
xf_apprenticeships_view_class_init (XfApprenticeshipsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_apprenticeships_view_dispose;
  widget_class->map = xf_apprenticeships_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/services/xf-apprenticeships-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipsView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipsView, stack);
  gtk_widget_class_bind_template_child (widget_class, XfApprenticeshipsView, list_box);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);

  gtk_widget_class_install_action (widget_class, "apprenticeships-view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "apprenticeships-view.open", "x", open_action);
}

static void
xf_apprenticeships_view_init (XfApprenticeshipsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  xf_reload_queue_init (&self->reload, GTK_WIDGET (self), reload);
}

GtkWidget *
xf_apprenticeships_view_new (XfServices *services)
{
  XfApprenticeshipsView *self;

  g_return_val_if_fail (XF_IS_SERVICES (services), NULL);

  self = g_object_new (XF_TYPE_APPRENTICESHIPS_VIEW, NULL);
  self->services = g_object_ref (services);
  g_signal_connect_object (services, "changed", G_CALLBACK (services_changed_cb), self, G_CONNECT_SWAPPED);
  xf_apprenticeships_view_refresh (self);
  return GTK_WIDGET (self);
}
