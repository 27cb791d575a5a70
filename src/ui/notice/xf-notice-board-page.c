/* xf-notice-board-page.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page itself: its board, the panes, reading again after changes and
 * closing the notices whose period has ended. The list is in
 * xf-notice-board-page-list.c, the notice on the right and its actions in
 * xf-notice-board-page-detail.c, printing and exports in
 * xf-notice-board-page-print.c.
 */

#define G_LOG_DOMAIN "xf-notice-board-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-clock.h"
#include "xf-notice-board-page-private.h"
#include "xf-notice-dialog.h"
#include "xf-ui-util.h"

/* How often the page looks for notices whose period has ended. */
#define CLOSE_DUE_INTERVAL_SECONDS (5 * 60)
/* How often it looks whether the day has changed. */
#define DAY_CHECK_INTERVAL_SECONDS 60

G_DEFINE_FINAL_TYPE (XfNoticeBoardPage, xf_notice_board_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REGISTRY,
  PROP_SHOW_SIDEBAR_BUTTON,
  PROP_ATTENTION_COUNT,
  PROP_NOTICE_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void reload_all (XfNoticeBoardPage *self);

void
_xf_notice_board_page_show_toast (XfNoticeBoardPage *self,
                                  const char        *text)
{
  AdwToast *toast = adw_toast_new (text);

  /* A refusal may be long: give it time to be read. */
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_xf_notice_board_page_show_error (XfNoticeBoardPage *self,
                                  const GError      *error)
{
  /* Core's messages are translated and name the field and the reason. */
  _xf_notice_board_page_show_toast (self, error->message);
}

/*
 * The panes: the list, and beside it (or over it, folded) the notice
 */

/* The window's buttons go on the rightmost header bar: the list's while
 * no notice shows beside it. */
static void
update_title_buttons (XfNoticeBoardPage *self)
{
  xf_leaflet_update_title_buttons (self->leaflet, self->details_pane, self->list_header);
}

/* The header bar's start button leaves what is shown: an objection for
 * its notice; the notice for the list (folded) or for nothing (beside the
 * list). The title names what is shown. */
void
_xf_notice_board_page_sync_header (XfNoticeBoardPage *self)
{
  gboolean objection = g_strcmp0 (gtk_stack_get_visible_child_name (self->details_stack), "objection") == 0;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  const char *label;

  if (objection)
    label = _("Back to the notice");
  else
    label = folded ? _("Back") : _("Close the notice’s details");
  gtk_button_set_icon_name (GTK_BUTTON (self->details_back_button),
                            objection || folded ? "go-previous-symbolic" : "window-close-symbolic");
  gtk_widget_set_tooltip_text (self->details_back_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->details_back_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  if (self->notice == NULL)
    {
      adw_window_title_set_title (self->details_title, NULL);
      adw_window_title_set_subtitle (self->details_title, NULL);
    }
  else if (objection)
    {
      adw_window_title_set_title (self->details_title, _("Objection"));
      adw_window_title_set_subtitle (self->details_title, self->notice->title);
    }
  else
    {
      adw_window_title_set_title (self->details_title, self->notice->title);
      adw_window_title_set_subtitle (self->details_title, xf_notice_status_label (self->notice->status));
    }
}

void
_xf_notice_board_page_sync_details (XfNoticeBoardPage *self,
                                    gboolean           go_there)
{
  gboolean shown = self->notice_id > 0;

  xf_leaflet_sync_details (self->leaflet, self->list_pane, self->separator, self->details_pane,
                           shown, go_there);
  /* The list pane takes the width the notice leaves it. */
  gtk_widget_set_hexpand (self->list_pane, !shown);
  update_title_buttons (self);
}

static void
close_details (XfNoticeBoardPage *self)
{
  gboolean had_focus = xf_widget_has_focus_within (self->details_pane);

  self->notice_id = 0;
  self->selecting = TRUE;
  gtk_list_box_unselect_all (self->notice_list);
  self->selecting = FALSE;
  _xf_notice_board_page_load_notice (self);
  _xf_notice_board_page_sync_details (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTICE_ID]);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->notice_list));
}

static void
folded_changed_cb (XfNoticeBoardPage *self)
{
  xf_leaflet_keep_details (self->leaflet, self->details_pane);
  update_title_buttons (self);
  _xf_notice_board_page_sync_header (self);
}

/* Swiping back on a folded page leaves the notice for the list. */
static void
visible_pane_changed_cb (XfNoticeBoardPage *self)
{
  if (xf_leaflet_swiped_back (self->leaflet, self->list_pane) && self->notice_id > 0)
    close_details (self);
}

/*
 * Actions
 */

void
_xf_notice_board_page_update_actions (XfNoticeBoardPage *self)
{
  XfNotice *notice = self->notice;
  const char *status = notice != NULL ? notice->status : NULL;
  gboolean draft = g_strcmp0 (status, XF_NOTICE_DRAFT) == 0;
  gboolean published = g_strcmp0 (status, XF_NOTICE_PUBLISHED) == 0;
  gboolean closed = g_strcmp0 (status, XF_NOTICE_CLOSED) == 0;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "notices.new", self->may_vet);
  gtk_widget_set_visible (self->new_button, self->may_vet);
  gtk_widget_action_set_enabled (widget, "notices.edit", self->may_vet && draft);
  gtk_widget_action_set_enabled (widget, "notices.publish",
                                 self->may_vet && draft && _xf_notice_board_page_why_not_publishable (self) == NULL);
  gtk_widget_action_set_enabled (widget, "notices.withdraw", self->may_vet && (draft || published));
  gtk_widget_action_set_enabled (widget, "notices.correct", self->may_vet && published);
  /* Closing is a duty of time: whoever sees an ended notice may do it. */
  gtk_widget_action_set_enabled (widget, "notices.close", published && notice->days_left < 0);
  /* A second notice follows an upheld objection, as its button does. */
  gtk_widget_action_set_enabled (widget, "notices.follow-up",
                                 self->may_vet && (published || closed) &&
                                 _xf_notice_board_page_has_upheld_objection (self));
  gtk_widget_action_set_enabled (widget, "notices.record-objection", self->may_vet && published);
  gtk_widget_action_set_enabled (widget, "notices.print", notice != NULL);
  gtk_widget_action_set_enabled (widget, "notices.export", notice != NULL);
  gtk_widget_set_visible (self->record_button, self->may_vet && published);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  XfNoticeBoardPage *self = XF_NOTICE_BOARD_PAGE (widget);
  GtkWidget *dialog;

  if (!self->may_vet)
    return;
  dialog = xf_notice_dialog_new (self->board, 0);
  g_signal_connect_object (dialog, "created", G_CALLBACK (xf_notice_board_page_show_notice),
                           self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), xf_widget_get_window (widget));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfNoticeBoardPage *self = XF_NOTICE_BOARD_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
close_details_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  close_details (XF_NOTICE_BOARD_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfNoticeBoardPage *self = XF_NOTICE_BOARD_PAGE (widget);

  /* Escape leaves an objection for its notice, then closes the notice,
   * then goes back to the window's sidebar when that is folded away. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->details_stack), "objection") == 0)
    gtk_widget_activate_action (widget, "notices.show-objection", "x", (gint64) 0);
  else if (gtk_widget_get_visible (self->details_pane))
    close_details (self);
  else if (self->show_sidebar_button)
    gtk_widget_activate_action (widget, "win.show-sidebar", NULL);
}

static void
show_notice_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  xf_notice_board_page_show_notice (XF_NOTICE_BOARD_PAGE (widget), g_variant_get_int64 (parameter));
}

/*
 * Closing what is due
 */

int
xf_notice_board_page_close_due (XfNoticeBoardPage *self)
{
  g_autoptr(GPtrArray) closed = NULL;
  g_autoptr(GError) error = NULL;
  int n;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD_PAGE (self), -1);

  if (self->board == NULL)
    return 0;
  closed = xf_notice_board_close_due_notices (self->board, &error);
  if (closed == NULL)
    {
      _xf_notice_board_page_show_error (self, error);
      return -1;
    }
  n = (int) closed->len;
  if (n == 1)
    {
      const XfNotice *notice = g_ptr_array_index (closed, 0);
      g_autofree char *text = NULL;

      text = g_strdup_printf (_("Its period has ended: “%s” is closed"), notice->title);
      _xf_notice_board_page_show_toast (self, text);
    }
  else if (n > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%d public notice whose period has ended is closed",
                                      "%d public notices whose period has ended are closed", n), n);

      _xf_notice_board_page_show_toast (self, text);
    }
  return n;
}

static gboolean
close_due_cb (gpointer user_data)
{
  XfNoticeBoardPage *self = user_data;

  xf_notice_board_page_close_due (self);
  return G_SOURCE_CONTINUE;
}

/* A new day may end periods: close at once rather than within five minutes. */
static gboolean
day_check_cb (gpointer user_data)
{
  XfNoticeBoardPage *self = user_data;
  g_autofree char *today = xf_clock_today_text ();

  if (g_strcmp0 (today, self->today) != 0)
    {
      g_free (self->today);
      self->today = g_steal_pointer (&today);
      xf_notice_board_page_close_due (self);
    }
  return G_SOURCE_CONTINUE;
}

/*
 * Reading again
 */

static void
count_open (XfNoticeBoardPage *self)
{
  guint open = 0, attention = 0;
  g_autoptr(GError) error = NULL;

  if (!xf_notice_board_count_open (self->board, &open, &attention, &error))
    {
      g_debug ("Could not count the open objections: %s", error->message);
      open = 0;
    }
  if ((int) open != self->attention_count)
    {
      self->attention_count = open;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ATTENTION_COUNT]);
    }
}

static void
reload_all (XfNoticeBoardPage *self)
{
  self->reload.stale = FALSE;
  _xf_notice_board_page_load_list (self);
  _xf_notice_board_page_load_notice (self);
  count_open (self);
}

static void
reload_page (GtkWidget *widget)
{
  reload_all (XF_NOTICE_BOARD_PAGE (widget));
}

static void
page_hidden (GtkWidget *widget)
{
  count_open (XF_NOTICE_BOARD_PAGE (widget));
}

/* A write through the board or the evaluation (this page's, or a dialog's
 * on it): read again once the writing code is done. */
static void
board_changed_cb (XfNoticeBoardPage *self)
{
  xf_reload_queue_changed (&self->reload);
}

void
xf_notice_board_page_refresh (XfNoticeBoardPage *self)
{
  g_return_if_fail (XF_IS_NOTICE_BOARD_PAGE (self));

  if (self->board == NULL)
    return;
  if (xf_reload_queue_defer (&self->reload))
    return;
  reload_all (self);
}

/*
 * GObject
 */

static void
set_registry (XfNoticeBoardPage *self,
              XfRegistry        *registry)
{
  XfAccount *actor = xf_registry_get_actor (registry);

  self->registry = g_object_ref (registry);
  self->evaluation = xf_evaluation_new (registry);
  self->board = xf_notice_board_new (self->evaluation);
  self->may_vet = actor != NULL && xf_permission_allows_somewhere (actor, XF_OP_NOMINATION_VET);

  g_signal_connect_object (self->board, "changed",
                           G_CALLBACK (board_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->evaluation, "changed",
                           G_CALLBACK (board_changed_cb), self, G_CONNECT_SWAPPED);
  _xf_notice_board_page_update_actions (self);

  /* Periods that ended while no one was looking close at start-up. */
  self->today = xf_clock_today_text ();
  xf_notice_board_page_close_due (self);
  self->timer_id = g_timeout_add_seconds (CLOSE_DUE_INTERVAL_SECONDS, close_due_cb, self);
  self->day_timer_id = g_timeout_add_seconds (DAY_CHECK_INTERVAL_SECONDS, day_check_cb, self);

  /* Read when first shown; the sidebar's badge needs the count at once. */
  self->reload.stale = TRUE;
  count_open (self);
}

static void
xf_notice_board_page_map (GtkWidget *widget)
{
  XfNoticeBoardPage *self = XF_NOTICE_BOARD_PAGE (widget);

  GTK_WIDGET_CLASS (xf_notice_board_page_parent_class)->map (widget);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (gtk_widget_get_root (widget)));
  if (self->reload.stale && self->board != NULL)
    reload_all (self);
}

static void
xf_notice_board_page_unmap (GtkWidget *widget)
{
  XfNoticeBoardPage *self = XF_NOTICE_BOARD_PAGE (widget);

  gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);
  GTK_WIDGET_CLASS (xf_notice_board_page_parent_class)->unmap (widget);
}

static void
xf_notice_board_page_dispose (GObject *object)
{
  XfNoticeBoardPage *self = XF_NOTICE_BOARD_PAGE (object);

  xf_reload_queue_clear (&self->reload);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->day_timer_id, g_source_remove);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_NOTICE_BOARD_PAGE);
  self->objection_view = NULL;
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  g_clear_pointer (&self->objections, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->notice, xf_notice_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_object (&self->board);
  g_clear_object (&self->evaluation);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xf_notice_board_page_parent_class)->dispose (object);
}

static void
xf_notice_board_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  XfNoticeBoardPage *self = XF_NOTICE_BOARD_PAGE (object);

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
    case PROP_NOTICE_ID:
      g_value_set_int64 (value, self->notice_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_notice_board_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  XfNoticeBoardPage *self = XF_NOTICE_BOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      set_registry (self, g_value_get_object (value));
      break;
    case PROP_SHOW_SIDEBAR_BUTTON:
      xf_set_show_sidebar_button (object, pspec, value, &self->show_sidebar_button,
                                  self->back_button);
      break;
    case PROP_NOTICE_ID:
      xf_notice_board_page_show_notice (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_notice_board_page_class_init (XfNoticeBoardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_notice_board_page_dispose;
  object_class->get_property = xf_notice_board_page_get_property;
  object_class->set_property = xf_notice_board_page_set_property;
  widget_class->map = xf_notice_board_page_map;
  widget_class->unmap = xf_notice_board_page_unmap;

  properties [PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, XF_TYPE_REGISTRY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_SIDEBAR_BUTTON] = xf_show_sidebar_button_param_spec ();
  properties [PROP_ATTENTION_COUNT] =
    g_param_spec_int ("attention-count", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_NOTICE_ID] =
    g_param_spec_int64 ("notice-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/notice/xf-notice-board-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, list_header);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, separator);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, details_pane);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, details_header);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, details_back_button);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, notice_list);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, details_title);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, details_stack);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, details_scrolled);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, notice_group);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, contact_group);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, candidates_group);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, objections_group);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, record_button);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeBoardPage, objection_bin);
  _xf_notice_board_page_list_class_init (widget_class);
  _xf_notice_board_page_detail_class_init (widget_class);
  _xf_notice_board_page_print_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "notices.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "notices.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "notices.close-details", NULL, close_details_action);
  gtk_widget_class_install_action (widget_class, "notices.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "notices.show-notice", "x", show_notice_action);
}

/* The shortcuts work wherever the focus is in the window (managed scope),
 * as long as this page is shown. */
static void
add_shortcuts (XfNoticeBoardPage *self)
{
  static const XfShortcut shortcuts[] = {
    { GDK_KEY_f, GDK_CONTROL_MASK, "notices.search" },
    { GDK_KEY_n, GDK_CONTROL_MASK, "notices.new" },
    { GDK_KEY_p, GDK_CONTROL_MASK, "notices.print" },
    { GDK_KEY_Delete, 0, "notices.delete-draft" },
    { GDK_KEY_Escape, 0, "notices.back" },
  };

  xf_widget_add_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));
}

static void
xf_notice_board_page_init (XfNoticeBoardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  xf_reload_queue_init_page (&self->reload, GTK_WIDGET (self), reload_page, page_hidden);

  self->rows = g_ptr_array_new ();
  _xf_notice_board_page_init_list (self);
  _xf_notice_board_page_init_detail (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  add_shortcuts (self);

  xf_leaflet_connect_panes (self->leaflet, self, G_CALLBACK (folded_changed_cb),
                            G_CALLBACK (visible_pane_changed_cb));
  _xf_notice_board_page_sync_details (self, FALSE);
  _xf_notice_board_page_sync_header (self);
}

GtkWidget *
xf_notice_board_page_new (XfRegistry *registry)
{
  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  return g_object_new (XF_TYPE_NOTICE_BOARD_PAGE, "registry", registry, NULL);
}

/*
 * Public accessors
 */

XfNoticeBoard *
xf_notice_board_page_get_board (XfNoticeBoardPage *self)
{
  g_return_val_if_fail (XF_IS_NOTICE_BOARD_PAGE (self), NULL);
  return self->board;
}

int
xf_notice_board_page_get_attention_count (XfNoticeBoardPage *self)
{
  g_return_val_if_fail (XF_IS_NOTICE_BOARD_PAGE (self), 0);
  return self->attention_count;
}

GPtrArray *
xf_notice_board_page_get_notices (XfNoticeBoardPage *self)
{
  g_return_val_if_fail (XF_IS_NOTICE_BOARD_PAGE (self), NULL);

  if (self->reload.stale && self->board != NULL)
    reload_all (self);
  return self->notices;
}

gint64
xf_notice_board_page_get_notice_id (XfNoticeBoardPage *self)
{
  g_return_val_if_fail (XF_IS_NOTICE_BOARD_PAGE (self), 0);
  return self->notice_id;
}

void
xf_notice_board_page_show_notice (XfNoticeBoardPage *self,
                                  gint64             notice_id)
{
  g_return_if_fail (XF_IS_NOTICE_BOARD_PAGE (self));

  if (self->reload.stale && self->board != NULL)
    reload_all (self);
  if (notice_id <= 0)
    {
      close_details (self);
      return;
    }
  /* A search that hides it goes. */
  self->selecting = TRUE;
  if (!_xf_notice_board_page_select (self, notice_id) &&
      gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      _xf_notice_board_page_load_list (self);
      _xf_notice_board_page_select (self, notice_id);
    }
  self->selecting = FALSE;
  if (self->notice_id != notice_id)
    {
      /* Another notice: not the objection of the one before, and from
       * its top, not where the one before was scrolled to. */
      gtk_stack_set_visible_child_name (self->details_stack, "notice");
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->details_scrolled), 0);
      self->notice_id = notice_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTICE_ID]);
    }
  _xf_notice_board_page_load_notice (self);
  _xf_notice_board_page_sync_details (self, TRUE);
}
