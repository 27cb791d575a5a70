/* xf-evaluation-page.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page itself: its evaluation, the panes, the actions and reading
 * again after changes. The campaigns are in xf-evaluation-page-campaigns.c,
 * the list and the chips in xf-evaluation-page-list.c, the Report and
 * Attention views in xf-evaluation-page-report.c.
 */

#define G_LOG_DOMAIN "xf-evaluation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-committee-view.h"
#include "xf-evaluation-page-private.h"
#include "xf-nomination-dialog.h"
#include "xf-nomination-view.h"
#include "xf-ui-util.h"

G_DEFINE_FINAL_TYPE (XfEvaluationPage, xf_evaluation_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REGISTRY,
  PROP_SHOW_SIDEBAR_BUTTON,
  PROP_ATTENTION_COUNT,
  PROP_CAMPAIGN_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];


void
_xf_evaluation_page_show_toast (XfEvaluationPage *self,
                                const char       *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

const char *
_xf_evaluation_page_visible_view (XfEvaluationPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  return name != NULL ? name : "nominations";
}

/*
 * The panes: the list, and beside it (or over it, folded) the nomination
 */

static gboolean
reveal_switcher_cb (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  XfEvaluationPage *self = XF_EVALUATION_PAGE (widget);

  self->switcher_id = 0;
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
  return G_SOURCE_REMOVE;
}

/* The views move to a bar at the bottom while the header has no room for
 * them. The header finds that out while it is laid out: the bar follows
 * at the start of the next frame, not in the middle of a layout. */
static void
title_visible_cb (XfEvaluationPage *self)
{
  if (self->switcher_id == 0)
    self->switcher_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_switcher_cb, NULL, NULL);
}

/* The window's buttons go on the rightmost header bar: the list's while
 * no nomination shows beside it. */
static void
update_title_buttons (XfEvaluationPage *self)
{
  xf_leaflet_update_title_buttons (self->leaflet, self->details_pane, self->list_header);
}

void
_xf_evaluation_page_sync_details (XfEvaluationPage *self,
                                  gboolean          go_there)
{
  gboolean shown = self->nomination_id > 0 && self->campaign_id > 0 &&
                   g_str_equal (_xf_evaluation_page_visible_view (self), "nominations");

  /* The header gets narrower or wider: the views' switcher may move. */
  title_visible_cb (self);
  xf_leaflet_sync_details (self->leaflet, self->list_pane, self->separator, self->details_pane,
                           shown, go_there);
  update_title_buttons (self);
}

/* Closes the nomination: the list has the page again. */
static void
close_details (XfEvaluationPage *self)
{
  gboolean had_focus = xf_widget_has_focus_within (self->details_pane);

  self->nomination_id = 0;
  self->selecting = TRUE;
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  self->selecting = FALSE;
  xf_nomination_view_set_nomination (XF_NOMINATION_VIEW (self->nomination_view), 0);
  _xf_evaluation_page_sync_details (self, FALSE);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->nominations_view));
}

static void
folded_changed_cb (XfEvaluationPage *self)
{
  /* Folded with a nomination open: show it, not the list. */
  xf_leaflet_keep_details (self->leaflet, self->details_pane);
  update_title_buttons (self);
}

/* Swiping back on a folded page leaves the nomination for the list. */
static void
visible_pane_changed_cb (XfEvaluationPage *self)
{
  if (xf_leaflet_swiped_back (self->leaflet, self->list_pane) && self->nomination_id > 0)
    close_details (self);
}

static void
view_changed_cb (XfEvaluationPage *self)
{
  const char *view;

  g_assert (XF_IS_EVALUATION_PAGE (self));

  if (self->evaluation == NULL)
    return;
  view = _xf_evaluation_page_visible_view (self);
  if (g_str_equal (view, "report") && self->report_stale)
    _xf_evaluation_page_load_report (self);
  else if (g_str_equal (view, "attention") && self->attention_stale)
    _xf_evaluation_page_load_attention (self);
  _xf_evaluation_page_update_actions (self);
  _xf_evaluation_page_sync_details (self, FALSE);
}

/*
 * Other actions
 */

static void
new_nomination_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  XfEvaluationPage *self = XF_EVALUATION_PAGE (widget);

  if (self->campaign_id == 0)
    return;
  xf_nomination_dialog_present (xf_widget_get_window (widget), self->evaluation, self->campaign_id);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfEvaluationPage *self = XF_EVALUATION_PAGE (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "nominations");
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  close_details (XF_EVALUATION_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfEvaluationPage *self = XF_EVALUATION_PAGE (widget);

  /* Escape closes the nomination first, then goes back to the window's
   * sidebar when that is folded away. */
  if (gtk_widget_get_visible (self->details_pane))
    close_details (self);
  else if (self->show_sidebar_button)
    gtk_widget_activate_action (widget, "win.show-sidebar", NULL);
}

static void
show_nomination_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gint64 campaign_id, nomination_id;

  g_variant_get (parameter, "(xx)", &campaign_id, &nomination_id);
  xf_evaluation_page_show_nomination (XF_EVALUATION_PAGE (widget), campaign_id, nomination_id);
}

/*
 * Reading again
 */

static void
reload_all (XfEvaluationPage *self)
{
  self->reload.stale = FALSE;
  _xf_evaluation_page_load_campaigns (self);
  _xf_evaluation_page_count_attention (self);
  self->attention_stale = TRUE;
  if (g_str_equal (_xf_evaluation_page_visible_view (self), "attention"))
    _xf_evaluation_page_load_attention (self);
}

static void
reload_page (GtkWidget *widget)
{
  reload_all (XF_EVALUATION_PAGE (widget));
}

static void
page_hidden (GtkWidget *widget)
{
  _xf_evaluation_page_count_attention (XF_EVALUATION_PAGE (widget));
}

/* A write through the evaluation (this page's, or a dialog's on it): read
 * again once the writing code is done, so a button's handler never sees
 * its widgets replaced under it. The embedded views follow it themselves. */
static void
evaluation_changed_cb (XfEvaluationPage *self,
                       gint64            campaign_id,
                       gint64            nomination_id)
{
  xf_reload_queue_changed (&self->reload);
}

void
xf_evaluation_page_refresh (XfEvaluationPage *self)
{
  g_return_if_fail (XF_IS_EVALUATION_PAGE (self));

  if (self->evaluation == NULL)
    return;
  /* The badge counts even while the page is out of sight. */
  if (xf_reload_queue_defer (&self->reload))
    return;
  reload_all (self);
  if (self->nomination_id > 0)
    xf_nomination_view_refresh (XF_NOMINATION_VIEW (self->nomination_view));
  xf_committee_view_refresh (XF_COMMITTEE_VIEW (self->committee_view));
}

/*
 * GObject
 */

static void
nomination_view_closed_cb (XfEvaluationPage *self)
{
  close_details (self);
}

static void
set_registry (XfEvaluationPage *self,
              XfRegistry       *registry)
{
  XfAccount *actor = xf_registry_get_actor (registry);

  self->registry = g_object_ref (registry);
  self->evaluation = xf_evaluation_new (registry);
  self->may_manage = xf_permission_allows_somewhere (actor, XF_OP_CAMPAIGN_MANAGE);
  self->may_request = xf_permission_allows_somewhere (actor, XF_OP_REQUEST_EDIT);

  self->nomination_view = xf_nomination_view_new (self->evaluation);
  adw_bin_set_child (ADW_BIN (self->details_pane), self->nomination_view);
  g_signal_connect_object (self->nomination_view, "closed",
                           G_CALLBACK (nomination_view_closed_cb), self, G_CONNECT_SWAPPED);

  self->committee_view = xf_committee_view_new (self->evaluation);
  adw_bin_set_child (self->committee_bin, self->committee_view);
  /* The committee's work is for its members and the administrators. */
  adw_view_stack_page_set_visible (self->committee_stack_page,
                                   self->may_manage ||
                                   xf_permission_allows_somewhere (actor, XF_OP_REVIEW));

  g_signal_connect_object (self->evaluation, "changed",
                           G_CALLBACK (evaluation_changed_cb), self, G_CONNECT_SWAPPED);
  _xf_evaluation_page_update_actions (self);
  /* Read when first shown; the sidebar's badge needs the count at once. */
  self->reload.stale = TRUE;
  _xf_evaluation_page_count_attention (self);
}

/* Reminders go out from the application the page's window belongs to. */
static void
ensure_notifier (XfEvaluationPage *self)
{
  GtkWindow *window = xf_widget_get_window (GTK_WIDGET (self));
  GtkApplication *application = window != NULL ? gtk_window_get_application (window) : NULL;

  if (self->notifier != NULL || application == NULL || self->evaluation == NULL)
    return;
  self->notifier = xf_reminder_notifier_new (G_APPLICATION (application), self->evaluation);
}

static void
xf_evaluation_page_map (GtkWidget *widget)
{
  XfEvaluationPage *self = XF_EVALUATION_PAGE (widget);

  GTK_WIDGET_CLASS (xf_evaluation_page_parent_class)->map (widget);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (gtk_widget_get_root (widget)));
  ensure_notifier (self);
  title_visible_cb (self);
  if (self->reload.stale)
    reload_all (self);
}

static void
xf_evaluation_page_unmap (GtkWidget *widget)
{
  XfEvaluationPage *self = XF_EVALUATION_PAGE (widget);

  gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);
  GTK_WIDGET_CLASS (xf_evaluation_page_parent_class)->unmap (widget);
}

/* The page follows its window: a notifier is made once it is in one. */
static void
xf_evaluation_page_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (xf_evaluation_page_parent_class)->root (widget);
  ensure_notifier (XF_EVALUATION_PAGE (widget));
}

static void
xf_evaluation_page_dispose (GObject *object)
{
  XfEvaluationPage *self = XF_EVALUATION_PAGE (object);

  xf_reload_queue_clear (&self->reload);
  if (self->switcher_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->switcher_id);
  self->switcher_id = 0;
  if (self->nominations_view != NULL)
    gtk_list_view_set_model (self->nominations_view, NULL);
  if (self->report_view != NULL)
    gtk_column_view_set_model (self->report_view, NULL);
  if (self->campaign_dropdown != NULL)
    g_signal_handlers_disconnect_by_data (self->campaign_dropdown, self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_EVALUATION_PAGE);
  self->nomination_view = NULL;
  self->committee_view = NULL;
  g_clear_object (&self->notifier);
  g_clear_object (&self->selection);
  g_clear_object (&self->nominations);
  g_clear_object (&self->campaigns);
  g_clear_object (&self->report_rows);
  g_clear_pointer (&self->report, xf_campaign_report_free);
  g_clear_object (&self->evaluation);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xf_evaluation_page_parent_class)->dispose (object);
}

static void
xf_evaluation_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XfEvaluationPage *self = XF_EVALUATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    case PROP_SHOW_SIDEBAR_BUTTON:
      g_value_set_boolean (value, self->show_sidebar_button);
      break;
    case PROP_ATTENTION_COUNT:
      g_value_set_int (value, self->attention_count);
      break;
    case PROP_CAMPAIGN_ID:
      g_value_set_int64 (value, self->campaign_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_evaluation_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XfEvaluationPage *self = XF_EVALUATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      set_registry (self, g_value_get_object (value));
      break;
    case PROP_SHOW_SIDEBAR_BUTTON:
      xf_set_show_sidebar_button (object, pspec, value, &self->show_sidebar_button,
                                  self->back_button);
      break;
    case PROP_CAMPAIGN_ID:
      xf_evaluation_page_set_campaign_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Stage pills and the report's numbers. */
static void
load_css (void)
{
  static gsize loaded;

  xf_load_css_once (&loaded, "/io/github/xianfeng/Xianfeng/evaluation/xf-evaluation-page.css");
}

static void
xf_evaluation_page_class_init (XfEvaluationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_evaluation_page_dispose;
  object_class->get_property = xf_evaluation_page_get_property;
  object_class->set_property = xf_evaluation_page_set_property;
  widget_class->map = xf_evaluation_page_map;
  widget_class->unmap = xf_evaluation_page_unmap;
  widget_class->root = xf_evaluation_page_root;

  properties [PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, XF_TYPE_REGISTRY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_SIDEBAR_BUTTON] = xf_show_sidebar_button_param_spec ();
  properties [PROP_ATTENTION_COUNT] =
    g_param_spec_int ("attention-count", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CAMPAIGN_ID] =
    g_param_spec_int64 ("campaign-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/evaluation/xf-evaluation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, list_header);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, separator);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, details_pane);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, campaign_bar);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, campaign_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, campaign_menu_button);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, committee_stack_page);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, attention_stack_page);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, chip_box);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, nominations_stack);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, nominations_scroller);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, nominations_view);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, no_campaign_status);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, empty_campaign_button);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, committee_bin);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, report_stack);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, report_summary);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, report_detail);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, report_unconfirmed);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, report_view);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, report_empty_status);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, report_error_status);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, attention_stack);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, attention_list);
  gtk_widget_class_bind_template_child (widget_class, XfEvaluationPage, attention_error_status);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_visible_cb);
  _xf_evaluation_page_campaigns_class_init (widget_class);
  _xf_evaluation_page_list_class_init (widget_class);
  _xf_evaluation_page_report_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "evaluation.new-nomination", NULL, new_nomination_action);
  gtk_widget_class_install_action (widget_class, "evaluation.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "evaluation.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "evaluation.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "evaluation.show-nomination", "(xx)", show_nomination_action);
}

/* The shortcuts work wherever the focus is in the window (managed scope),
 * as long as this page is shown. */
static void
add_shortcuts (XfEvaluationPage *self)
{
  static const XfShortcut shortcuts[] = {
    { GDK_KEY_f, GDK_CONTROL_MASK, "evaluation.search" },
    { GDK_KEY_n, GDK_CONTROL_MASK, "evaluation.new-nomination" },
    { GDK_KEY_Escape, 0, "evaluation.back" },
  };

  xf_widget_add_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));
}

static void
xf_evaluation_page_init (XfEvaluationPage *self)
{
  load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
  xf_reload_queue_init_page (&self->reload, GTK_WIDGET (self), reload_page, page_hidden);

  _xf_evaluation_page_init_campaigns (self);
  _xf_evaluation_page_init_list (self);
  _xf_evaluation_page_init_report (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  add_shortcuts (self);

  xf_leaflet_connect_panes (self->leaflet, self, G_CALLBACK (folded_changed_cb),
                            G_CALLBACK (visible_pane_changed_cb));
  update_title_buttons (self);
}

GtkWidget *
xf_evaluation_page_new (XfRegistry *registry)
{
  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  return g_object_new (XF_TYPE_EVALUATION_PAGE, "registry", registry, NULL);
}

/*
 * Public accessors
 */

XfEvaluation *
xf_evaluation_page_get_evaluation (XfEvaluationPage *self)
{
  g_return_val_if_fail (XF_IS_EVALUATION_PAGE (self), NULL);
  return self->evaluation;
}

int
xf_evaluation_page_get_attention_count (XfEvaluationPage *self)
{
  g_return_val_if_fail (XF_IS_EVALUATION_PAGE (self), 0);
  return self->attention_count;
}

gint64
xf_evaluation_page_get_campaign_id (XfEvaluationPage *self)
{
  g_return_val_if_fail (XF_IS_EVALUATION_PAGE (self), 0);
  return self->campaign_id;
}

void
xf_evaluation_page_set_campaign_id (XfEvaluationPage *self,
                                    gint64            campaign_id)
{
  guint position;

  g_return_if_fail (XF_IS_EVALUATION_PAGE (self));

  if (self->reload.stale && self->evaluation != NULL)
    reload_all (self);
  position = _xf_evaluation_page_campaign_position (self, campaign_id);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->campaign_dropdown, position);
}

GtkWidget *
xf_evaluation_page_get_nomination_view (XfEvaluationPage *self)
{
  g_return_val_if_fail (XF_IS_EVALUATION_PAGE (self), NULL);
  return self->nomination_view;
}

gint64
xf_evaluation_page_get_selected_nomination (XfEvaluationPage *self)
{
  g_return_val_if_fail (XF_IS_EVALUATION_PAGE (self), 0);
  return self->nomination_id;
}

void
xf_evaluation_page_show_nomination (XfEvaluationPage *self,
                                    gint64            campaign_id,
                                    gint64            nomination_id)
{
  g_return_if_fail (XF_IS_EVALUATION_PAGE (self));

  if (self->reload.stale && self->evaluation != NULL)
    reload_all (self);
  if (campaign_id != self->campaign_id)
    xf_evaluation_page_set_campaign_id (self, campaign_id);
  adw_view_stack_set_visible_child_name (self->view_stack, "nominations");

  /* A search or chip that hides it goes. */
  if (!_xf_evaluation_page_select (self, nomination_id))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      _xf_evaluation_page_set_chip (self, XF_CHIP_ALL);
      _xf_evaluation_page_select (self, nomination_id);
    }
  /* Shown even when the list cannot hold it (another campaign's). */
  if (self->nomination_id != nomination_id && nomination_id > 0)
    {
      self->nomination_id = nomination_id;
      xf_nomination_view_set_nomination (XF_NOMINATION_VIEW (self->nomination_view), nomination_id);
    }
  _xf_evaluation_page_sync_details (self, TRUE);
}
