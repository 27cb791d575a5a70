/* xf-ui-util.h — small helpers the widgets share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The window @widget is in, or %NULL while it is in none. */
GtkWindow *xf_widget_get_window  (GtkWidget  *widget);

/* A message dialog over @widget's window that asks before a destructive
 * step: "cancel" (@cancel_label) is the default and what closing
 * answers; @response (@response_label) looks destructive. @body may be
 * %NULL for a caller that formats its own. Not yet presented. */
GtkWidget *xf_confirm_dialog_new (GtkWidget  *widget,
                                  const char *heading,
                                  const char *body,
                                  const char *cancel_label,
                                  const char *response,
                                  const char *response_label);

/* Rows made anew on each refill go in @group and are remembered in
 * @rows, so that they can be taken out again. */
void       xf_preferences_group_add_row    (AdwPreferencesGroup *group,
                                            GPtrArray           *rows,
                                            GtkWidget           *row);
void       xf_preferences_group_clear_rows (AdwPreferencesGroup *group,
                                            GPtrArray           *rows);

/* The selectable, wrapping value label at the end of a property row. */
GtkWidget *xf_value_label_new    (const char *text);
/* A property row, @title with @value (%NULL: empty) at its end, added
 * to @group and remembered in @rows. Returns the row. */
GtkWidget *xf_preferences_group_add_value_row (AdwPreferencesGroup *group,
                                               GPtrArray           *rows,
                                               const char          *title,
                                               const char          *value);

/* The rows of a detail pane, named @name (may be %NULL) for tests:
 * @title with @value at its end ("Not set", dimmed, for an empty value;
 * the value label is the row's "value-label" data); a dimmed @text only,
 * e.g. "No notes yet"; a long @text wrapped as the title, with
 * @subtitle (what it is) beneath. Titles are plain text, not markup. */
GtkWidget *xf_property_row_new (const char *name,
                                const char *title,
                                const char *value);
GtkWidget *xf_message_row_new  (const char *name,
                                const char *text);
GtkWidget *xf_text_row_new     (const char *name,
                                const char *text,
                                const char *subtitle);

/* @row's text without the white space around it. */
char       *xf_entry_row_dup_text     (AdwEntryRow *row);
/* The same, but %NULL for an empty field: core reads it as not given. */
char       *xf_entry_row_dup_optional (AdwEntryRow *row);

/* All of @view's text without the white space around it. */
char       *xf_text_view_dup_text     (GtkTextView *view);

/* A dialog's error line: @message in @label, revealed by @revealer;
 * %NULL hides it. */
void        xf_error_revealer_show    (GtkRevealer *revealer,
                                       GtkLabel    *label,
                                       const char  *message);
/* The message the error line shows, or %NULL while it is hidden. */
const char *xf_error_revealer_get     (GtkRevealer *revealer,
                                       GtkLabel    *label);

/* Adds the style sheet at @resource to the default display, once: @loaded
 * is the caller's own static flag. */
void        xf_load_css_once          (gsize      *loaded,
                                       const char *resource);

/* Takes every child out of @box. */
void        xf_box_remove_all         (GtkBox *box);

/* A view that reads again when what it shows changes: once idle while
 * @widget is mapped, else when it is next mapped. Embed it in the view.
 * A page's queue (xf_reload_queue_init_page) always waits for idle, and
 * if the page is hidden by then marks it stale and calls @hidden: the
 * sidebar's badge counts even while the page is out of sight. */
typedef struct
{
  GtkWidget  *widget;
  void      (*reload) (GtkWidget *widget);
  void      (*hidden) (GtkWidget *widget);
  guint       idle_id;
  gboolean    stale;
} XfReloadQueue;

void        xf_reload_queue_init      (XfReloadQueue *queue,
                                       GtkWidget     *widget,
                                       void         (*reload) (GtkWidget *widget));
void        xf_reload_queue_init_page (XfReloadQueue *queue,
                                       GtkWidget     *widget,
                                       void         (*reload) (GtkWidget *widget),
                                       void         (*hidden) (GtkWidget *widget));
/* While the page is hidden: marks it stale, calls @hidden and returns
 * %TRUE; the caller reads again only on %FALSE. */
gboolean    xf_reload_queue_defer     (XfReloadQueue *queue);
/* What it shows has changed. */
void        xf_reload_queue_changed   (XfReloadQueue *queue);
/* From map: reads again if it went stale while hidden. */
void        xf_reload_queue_mapped    (XfReloadQueue *queue);
/* From the reload itself: nothing is pending any more. */
void        xf_reload_queue_reloading (XfReloadQueue *queue);
/* From dispose. */
void        xf_reload_queue_clear     (XfReloadQueue *queue);

/* The back buttons of a detail pane: "Back" (go-previous) while @leaflet
 * is folded, else a close button labelled @close_label. @empty_back is the
 * button of the empty state; with @hide_empty_close it shows only while
 * folded (beside the list with nothing shown, there is nothing to close). */
void        xf_update_back_buttons (AdwLeaflet *leaflet,
                                    GtkWidget  *back,
                                    GtkWidget  *empty_back,
                                    const char *close_label,
                                    gboolean    hide_empty_close);
/* From root: the leaflet around @widget, if any, with @folded_cb called
 * (swapped, on @widget) whenever it folds or unfolds. */
AdwLeaflet *xf_follow_leaflet      (GtkWidget  *widget,
                                    GCallback   folded_cb);
/* From unroot: undoes xf_follow_leaflet() and clears *@leaflet. */
void        xf_unfollow_leaflet    (GtkWidget   *widget,
                                    AdwLeaflet **leaflet,
                                    GCallback    folded_cb);

/* Appends a resizable column to @view whose cells @setup_cb and @bind_cb
 * (both given @user_data) make and fill. @width > 0 fixes its width, 0
 * lets it expand, < 0 leaves it the width of its header and cells.
 * Returns the column, owned by @view. */
GtkColumnViewColumn *xf_column_view_add_column (GtkColumnView *view,
                                                const char    *title,
                                                GCallback      setup_cb,
                                                GCallback      bind_cb,
                                                gpointer       user_data,
                                                int            width);

/* The "show-sidebar-button" property every page has: the window sets it
 * while its sidebar is folded away, and the page then shows @button. */
GParamSpec *xf_show_sidebar_button_param_spec (void);
void        xf_set_show_sidebar_button (GObject      *page,
                                        GParamSpec   *pspec,
                                        const GValue *value,
                                        gboolean     *show,
                                        GtkWidget    *button);

typedef struct
{
  guint            key;
  GdkModifierType  mods;
  const char      *action;
} XfShortcut;

/* Adds @n_shortcuts key shortcuts to named actions on @widget, in force
 * while @widget is shown (a managed scope). */
void        xf_widget_add_shortcuts (GtkWidget        *widget,
                                     const XfShortcut *shortcuts,
                                     guint             n_shortcuts);

/* @dropdown shows its choice ellipsized, asking for eight characters,
 * and its list in full: a long choice does not widen a narrow pane. */
void        xf_drop_down_set_ellipsized (GtkDropDown *dropdown);

/* @widget's minimum width. */
int         xf_widget_get_min_width (GtkWidget *widget);
/* Whether @leaflet, @width wide (its folded state when not yet laid
 * out, @width <= 0), folds with all three panes shown: as AdwLeaflet
 * decides it, known before the next layout. A pane hidden now counts at
 * its width-request. */
gboolean    xf_leaflet_folds_with   (AdwLeaflet *leaflet,
                                     int         width,
                                     GtkWidget  *list_pane,
                                     GtkWidget  *separator,
                                     GtkWidget  *details_pane);

/* The window's buttons go on the rightmost header bar: @list_header's
 * while @details_pane is hidden or @leaflet folded. */
void        xf_leaflet_update_title_buttons (AdwLeaflet   *leaflet,
                                             GtkWidget    *details_pane,
                                             AdwHeaderBar *list_header);
/* Shows @details_pane (and @separator) beside the list, or hides them
 * and shows the list. With @go_there, it slides in at once when the
 * leaflet folds with it (xf_leaflet_folds_with). */
void        xf_leaflet_sync_details  (AdwLeaflet *leaflet,
                                      GtkWidget  *list_pane,
                                      GtkWidget  *separator,
                                      GtkWidget  *details_pane,
                                      gboolean    shown,
                                      gboolean    go_there);
/* Folded with @details_pane shown: show it, not the list. */
void        xf_leaflet_keep_details  (AdwLeaflet *leaflet,
                                      GtkWidget  *details_pane);
/* Whether a swipe back on the folded @leaflet has come to rest on
 * @list_pane: the details are left. */
gboolean    xf_leaflet_swiped_back   (AdwLeaflet *leaflet,
                                      GtkWidget  *list_pane);
/* Calls @folded_cb when @leaflet folds or unfolds, and @pane_cb when
 * its visible pane changes or a swipe between panes ends: both swapped,
 * on @page, for as long as @page lives. */
void        xf_leaflet_connect_panes (AdwLeaflet *leaflet,
                                      gpointer    page,
                                      GCallback   folded_cb,
                                      GCallback   pane_cb);
/* Whether the focus of the window @widget is in lies inside @widget. */
gboolean    xf_widget_has_focus_within (GtkWidget *widget);

/* Shows @text in a toast on @overlay in place of *@last, the toast shown
 * before (kept as a weak pointer): a new toast replaces the last one
 * rather than queue behind it. */
void        xf_toast_overlay_replace (AdwToastOverlay  *overlay,
                                      AdwToast        **last,
                                      const char       *text);
/* Calls @reload (@data), then scrolls @scrolled_window back to where it
 * was: a refresh in place leaves the reader where they were. */
void        xf_scrolled_window_reload_in_place (GtkScrolledWindow *scrolled_window,
                                                void             (*reload) (gpointer data),
                                                gpointer           data);
/* Shows @message in a pane's error @label, at the top of
 * @scrolled_window, and scrolls it into view. */
void        xf_show_pane_error       (GtkLabel          *label,
                                      GtkScrolledWindow *scrolled_window,
                                      const char        *message);
/* @bar shows while @title hides its switcher, from the next frame (not in the middle of the layout that hid it). */
void        xf_view_switcher_bar_follow_title (AdwViewSwitcherBar *bar, AdwViewSwitcherTitle *title);
/* @texture as a cairo image surface, for printing. (transfer full) */
cairo_surface_t *xf_texture_to_cairo_surface (GdkTexture *texture);

G_END_DECLS
