/* xf-cultivation-page.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page itself: its XfCultivation, the three views, the panes of the
 * Plans view, reading again after changes, and the ways out to the
 * Registry and Evaluation pages. The list of plans and its filters are in
 * xf-cultivation-page-list.c.
 */

#define G_LOG_DOMAIN "xf-cultivation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-cultivation-page-private.h"
#include "xf-evaluation-page.h"
#include "xf-pipeline-view.h"
#include "xf-plan-dialog.h"
#include "xf-permission.h"
#include "xf-plan-view.h"
#include "xf-registry-page.h"
#include "xf-training-view.h"
#include "xf-window.h"

G_DEFINE_FINAL_TYPE (XfCultivationPage, xf_cultivation_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REGISTRY,
  PROP_SHOW_SIDEBAR_BUTTON,
  PROP_PLAN_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/*
 * The panes of the Plans view
 */

static gboolean
plans_shown (XfCultivationPage *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "plans") == 0;
}

static void
update_header (XfCultivationPage *self)
{
  gboolean over_list = adw_leaflet_get_folded (self->leaflet) && self->plan_id > 0
                       && adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->details_pane);
  gboolean plans = plans_shown (self);

  gtk_widget_set_visible (self->details_back_button, over_list && plans);
  gtk_widget_set_visible (self->back_button, self->show_sidebar_button && !(over_list && plans));
  gtk_widget_set_visible (self->new_button, self->may_edit
                          && g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "training") != 0);
}

void
_xf_cultivation_page_sync_details (XfCultivationPage *self,
                                   gboolean           go_there)
{
  gboolean shown = self->plan_id > 0;

  xf_leaflet_sync_details (self->leaflet, self->list_pane, self->separator,
                           GTK_WIDGET (self->details_pane), shown, go_there);
  gtk_widget_set_hexpand (self->list_pane, !shown);
  update_header (self);
}

static void
close_details (XfCultivationPage *self)
{
  gboolean had_focus = xf_widget_has_focus_within (GTK_WIDGET (self->details_pane));

  self->plan_id = 0;
  self->selecting = TRUE;
  gtk_list_box_unselect_all (self->plan_list);
  self->selecting = FALSE;
  xf_plan_view_show (XF_PLAN_VIEW (self->plan_view), 0);
  _xf_cultivation_page_sync_details (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLAN_ID]);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->plan_list));
}

static gboolean
update_header_cb (GtkWidget     *widget,
                  GdkFrameClock *frame_clock,
                  gpointer       user_data)
{
  XfCultivationPage *self = XF_CULTIVATION_PAGE (widget);

  self->header_id = 0;
  update_header (self);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is laid out: the header's buttons change
 * at the start of the next frame. */
static void
queue_update_header (XfCultivationPage *self)
{
  if (self->header_id == 0)
    self->header_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), update_header_cb, NULL, NULL);
}

static void
folded_changed_cb (XfCultivationPage *self)
{
  xf_leaflet_keep_details (self->leaflet, GTK_WIDGET (self->details_pane));
  queue_update_header (self);
}

static void
visible_pane_changed_cb (XfCultivationPage *self)
{
  if (xf_leaflet_swiped_back (self->leaflet, self->list_pane) && self->plan_id > 0)
    close_details (self);
  queue_update_header (self);
}

/*
 * Reading again
 */

static void
reload_all (XfCultivationPage *self)
{
  self->reload.stale = FALSE;
  if (!self->filters_loaded)
    {
      self->filters_loaded = TRUE;
      _xf_cultivation_page_load_filters (self);
    }
  _xf_cultivation_page_load_list (self);
  xf_pipeline_view_refresh (XF_PIPELINE_VIEW (self->pipeline_view));
  xf_plan_view_refresh (XF_PLAN_VIEW (self->plan_view));
  xf_training_view_refresh (XF_TRAINING_VIEW (self->training_view));
}

void
_xf_cultivation_page_reload (XfCultivationPage *self)
{
  reload_all (self);
}

static void
reload_page (GtkWidget *widget)
{
  reload_all (XF_CULTIVATION_PAGE (widget));
}

static void
cultivation_changed_cb (XfCultivationPage *self)
{
  xf_reload_queue_changed (&self->reload);
}

/* A nomination started from a plan may have been decided since: its plan
 * is achieved, or active again (core emits ::changed only when one moved). */
static void
follow_nominations (XfCultivationPage *self)
{
  g_autoptr(GError) error = NULL;
  XfAccount *actor = xf_cultivation_get_actor (self->cultivation);

  if (!xf_permission_allows_somewhere (actor, XF_OP_CULTIVATION_EDIT))
    return;
  if (xf_cultivation_sync_nominations (self->cultivation, &error) < 0)
    g_debug ("Could not follow the plans' nominations: %s", error->message);
}

void
xf_cultivation_page_refresh (XfCultivationPage *self)
{
  g_return_if_fail (XF_IS_CULTIVATION_PAGE (self));

  if (self->cultivation == NULL || xf_reload_queue_defer (&self->reload))
    return;
  follow_nominations (self);
  reload_all (self);
}

/*
 * Actions
 */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  xf_cultivation_page_new_plan (XF_CULTIVATION_PAGE (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfCultivationPage *self = XF_CULTIVATION_PAGE (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "plans");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XfCultivationPage *self = XF_CULTIVATION_PAGE (widget);

  gtk_menu_button_popdown (self->filters_button);
  _xf_cultivation_page_clear_filters (self);
}

/* Escape: from the plan back to the list; from a course to the courses. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfCultivationPage *self = XF_CULTIVATION_PAGE (widget);
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (view, "plans") == 0 && self->plan_id > 0)
    close_details (self);
  else if (g_strcmp0 (view, "training") == 0)
    xf_training_view_show (XF_TRAINING_VIEW (self->training_view), 0);
}

static void
show_plan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  xf_cultivation_page_show_plan (XF_CULTIVATION_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
show_group_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *group_by;
  const char *key;
  gboolean ready_only;

  g_variant_get (parameter, "(&s&sb)", &group_by, &key, &ready_only);
  xf_cultivation_page_show_group (XF_CULTIVATION_PAGE (widget), group_by, key, ready_only);
}

/* The Registry page, on the pioneer's profile. */
static void
open_pioneer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *page;

  if (!XF_IS_WINDOW (root))
    return;
  gtk_widget_activate_action (GTK_WIDGET (root), "win.show-page", "s", "registry");
  page = xf_window_get_registry_page (XF_WINDOW (root));
  if (page != NULL)
    xf_registry_page_open_pioneer (XF_REGISTRY_PAGE (page), g_variant_get_int64 (parameter));
}

static void
open_nomination_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  gint64 campaign_id;
  gint64 nomination_id;
  GtkWidget *page;

  if (!XF_IS_WINDOW (root))
    return;
  page = xf_window_get_page (XF_WINDOW (root), "evaluation");
  if (page == NULL)
    return;
  g_variant_get (parameter, "(xx)", &campaign_id, &nomination_id);
  gtk_widget_activate_action (GTK_WIDGET (root), "win.show-page", "s", "evaluation");
  xf_evaluation_page_show_nomination (XF_EVALUATION_PAGE (page), campaign_id, nomination_id);
}

/*
 * New plans
 */

static void
plan_created_cb (XfCultivationPage *self,
                 gint64             plan_id)
{
  g_autoptr(XfCultivationPlan) plan = xf_cultivation_get_plan (self->cultivation, plan_id, NULL);
  g_autofree char *text = NULL;

  /* Translators: %s is the target's name */
  text = g_strdup_printf (_("Cultivation plan for %s created"), plan != NULL ? plan->pioneer_name : "");
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
  _xf_cultivation_page_load_list (self);
  xf_cultivation_page_show_plan (self, plan_id);
}

GtkWidget *
xf_cultivation_page_new_plan (XfCultivationPage *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (XF_IS_CULTIVATION_PAGE (self), NULL);

  if (!self->may_edit)
    return NULL;
  dialog = xf_plan_dialog_new (self->cultivation);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), xf_widget_get_window (GTK_WIDGET (self)));
  g_signal_connect_object (dialog, "created", G_CALLBACK (plan_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/*
 * GObject
 */

static void
load_css (void)
{
  static gsize loaded;

  xf_load_css_once (&loaded, "/io/github/xianfeng/Xianfeng/cultivation/xf-cultivation-page.css");
}

static void
set_registry (XfCultivationPage *self,
              XfRegistry        *registry)
{
  XfAccount *actor = xf_registry_get_actor (registry);

  self->registry = g_object_ref (registry);
  self->cultivation = xf_cultivation_new (registry);
  self->may_edit = actor != NULL && xf_permission_allows_somewhere (actor, XF_OP_CULTIVATION_EDIT);
  g_signal_connect_object (self->cultivation, "changed",
                           G_CALLBACK (cultivation_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cultivation.new", self->may_edit);

  self->pipeline_view = xf_pipeline_view_new (self->cultivation);
  adw_bin_set_child (self->pipeline_bin, self->pipeline_view);
  self->plan_view = xf_plan_view_new (self->cultivation);
  adw_bin_set_child (self->details_pane, self->plan_view);
  self->training_view = xf_training_view_new (self->cultivation);
  adw_bin_set_child (self->training_bin, self->training_view);
  update_header (self);

  /* Read when first shown. */
  self->reload.stale = TRUE;
}

static void
xf_cultivation_page_map (GtkWidget *widget)
{
  XfCultivationPage *self = XF_CULTIVATION_PAGE (widget);

  GTK_WIDGET_CLASS (xf_cultivation_page_parent_class)->map (widget);
  if (self->reload.stale && self->cultivation != NULL)
    reload_all (self);
}

static void
xf_cultivation_page_dispose (GObject *object)
{
  XfCultivationPage *self = XF_CULTIVATION_PAGE (object);

  xf_reload_queue_clear (&self->reload);
  if (self->header_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->header_id);
  self->header_id = 0;
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_CULTIVATION_PAGE);
  self->pipeline_view = NULL;
  self->plan_view = NULL;
  self->training_view = NULL;
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_object (&self->cultivation);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xf_cultivation_page_parent_class)->dispose (object);
}

static void
xf_cultivation_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XfCultivationPage *self = XF_CULTIVATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    case PROP_SHOW_SIDEBAR_BUTTON:
      g_value_set_boolean (value, self->show_sidebar_button);
      break;
    case PROP_PLAN_ID:
      g_value_set_int64 (value, self->plan_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_cultivation_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  XfCultivationPage *self = XF_CULTIVATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      set_registry (self, g_value_get_object (value));
      break;
    case PROP_SHOW_SIDEBAR_BUTTON:
      xf_set_show_sidebar_button (object, pspec, value, &self->show_sidebar_button, self->back_button);
      update_header (self);
      break;
    case PROP_PLAN_ID:
      xf_cultivation_page_show_plan (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_cultivation_page_class_init (XfCultivationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_cultivation_page_dispose;
  object_class->get_property = xf_cultivation_page_get_property;
  object_class->set_property = xf_cultivation_page_set_property;
  widget_class->map = xf_cultivation_page_map;

  properties [PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, XF_TYPE_REGISTRY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_SIDEBAR_BUTTON] = xf_show_sidebar_button_param_spec ();
  properties [PROP_PLAN_ID] =
    g_param_spec_int64 ("plan-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/cultivation/xf-cultivation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, details_back_button);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, pipeline_bin);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, separator);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, details_pane);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, organisation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, ready_button);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, filters_button);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, region_entry);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, plan_list);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, XfCultivationPage, training_bin);
  _xf_cultivation_page_list_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "cultivation.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "cultivation.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "cultivation.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "cultivation.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "cultivation.show-plan", "x", show_plan_action);
  gtk_widget_class_install_action (widget_class, "cultivation.show-group", "(ssb)", show_group_action);
  gtk_widget_class_install_action (widget_class, "cultivation.open-pioneer", "x", open_pioneer_action);
  gtk_widget_class_install_action (widget_class, "cultivation.open-nomination", "(xx)", open_nomination_action);

  g_type_ensure (XF_TYPE_PIPELINE_VIEW);
}

static void
add_shortcuts (XfCultivationPage *self)
{
  static const XfShortcut shortcuts[] = {
    { GDK_KEY_f, GDK_CONTROL_MASK, "cultivation.search" },
    { GDK_KEY_n, GDK_CONTROL_MASK, "cultivation.new" },
    { GDK_KEY_Escape, 0, "cultivation.back" },
  };

  xf_widget_add_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));
}

static void
xf_cultivation_page_init (XfCultivationPage *self)
{
  load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
  xf_reload_queue_init_page (&self->reload, GTK_WIDGET (self), reload_page, NULL);
  xf_view_switcher_bar_follow_title (self->switcher_bar, self->switcher_title);
  _xf_cultivation_page_init_list (self);
  add_shortcuts (self);

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  xf_leaflet_connect_panes (self->leaflet, self, G_CALLBACK (folded_changed_cb),
                            G_CALLBACK (visible_pane_changed_cb));
  _xf_cultivation_page_sync_details (self, FALSE);
}

GtkWidget *
xf_cultivation_page_new (XfRegistry *registry)
{
  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  return g_object_new (XF_TYPE_CULTIVATION_PAGE, "registry", registry, NULL);
}

/*
 * Public accessors
 */

XfCultivation *
xf_cultivation_page_get_cultivation (XfCultivationPage *self)
{
  g_return_val_if_fail (XF_IS_CULTIVATION_PAGE (self), NULL);
  return self->cultivation;
}

GPtrArray *
xf_cultivation_page_get_plans (XfCultivationPage *self)
{
  g_return_val_if_fail (XF_IS_CULTIVATION_PAGE (self), NULL);

  if (self->reload.stale && self->cultivation != NULL)
    reload_all (self);
  return self->plans;
}

gint64
xf_cultivation_page_get_plan_id (XfCultivationPage *self)
{
  g_return_val_if_fail (XF_IS_CULTIVATION_PAGE (self), 0);
  return self->plan_id;
}

void
xf_cultivation_page_show_plan (XfCultivationPage *self,
                               gint64             plan_id)
{
  g_return_if_fail (XF_IS_CULTIVATION_PAGE (self));

  if (self->reload.stale && self->cultivation != NULL)
    reload_all (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "plans");
  if (plan_id <= 0)
    {
      close_details (self);
      return;
    }
  self->selecting = TRUE;
  if (!_xf_cultivation_page_select (self, plan_id) && _xf_cultivation_page_is_filtered (self))
    {
      _xf_cultivation_page_clear_filters (self);
      _xf_cultivation_page_select (self, plan_id);
    }
  self->selecting = FALSE;
  if (self->plan_id != plan_id)
    {
      self->plan_id = plan_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLAN_ID]);
    }
  xf_plan_view_show (XF_PLAN_VIEW (self->plan_view), plan_id);
  _xf_cultivation_page_sync_details (self, TRUE);
}

GtkWidget *
xf_cultivation_page_get_pipeline_view (XfCultivationPage *self)
{
  g_return_val_if_fail (XF_IS_CULTIVATION_PAGE (self), NULL);
  return self->pipeline_view;
}

GtkWidget *
xf_cultivation_page_get_plan_view (XfCultivationPage *self)
{
  g_return_val_if_fail (XF_IS_CULTIVATION_PAGE (self), NULL);
  return self->plan_view;
}

GtkWidget *
xf_cultivation_page_get_training_view (XfCultivationPage *self)
{
  g_return_val_if_fail (XF_IS_CULTIVATION_PAGE (self), NULL);
  return self->training_view;
}
