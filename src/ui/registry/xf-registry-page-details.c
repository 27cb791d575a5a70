/* xf-registry-page-details.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The registry page's details pane (the open file, or the editor) beside
 * or over the list, and the page's size handling: opening, closing and
 * leaving files, asking before unsaved edits are dropped, the window
 * buttons, and which columns a list of the width it gets can show.
 */

#define G_LOG_DOMAIN "xf-registry-page"

#include "config.h"

#include "xf-profile-page.h"
#include "xf-registry-columns.h"
#include "xf-registry-page-private.h"
#include "xf-ui-util.h"

/*
 * Details pane
 *
 * Closed, it is hidden and the list has the page. Open, it sits beside
 * the list at a fixed width, or over it when the leaflet is folded.
 */

static GtkWidget *
get_list_view (XfRegistryPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return GTK_WIDGET (self->column_view);
}

/* The window's buttons go on the rightmost header bar: the list's while
 * no file shows beside it. */
static void
update_title_buttons (XfRegistryPage *self)
{
  gboolean list_is_last = !gtk_widget_get_visible (self->details_pane) ||
                          adw_leaflet_get_folded (self->leaflet);

  adw_header_bar_set_show_end_title_buttons (self->list_header, list_is_last);
}

/* Hides the pane once it is closed and no longer on screen (a folded
 * leaflet slides back to the list first). */
static void
sync_details_visible (XfRegistryPage *self)
{
  gboolean shown = self->details_open ||
                   (adw_leaflet_get_folded (self->leaflet) &&
                    adw_leaflet_get_child_transition_running (self->leaflet));

  if (gtk_widget_get_visible (self->details_pane) != shown)
    {
      gtk_widget_set_visible (self->separator, shown);
      gtk_widget_set_visible (self->details_pane, shown);
    }
  update_title_buttons (self);
}

void
_xf_registry_page_show_list (XfRegistryPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

/* Whether the leaflet folds (or stays folded) with the pane shown: as
 * AdwLeaflet decides it, when the page is narrower than the minimum widths
 * of its visible children together. Known before the next layout, so the
 * file slides in at once rather than after a frame of the list. */
static gboolean
folds_with_details (XfRegistryPage *self,
                    int             width)
{
  return xf_leaflet_folds_with (self->leaflet, width, self->list_pane, self->separator,
                                self->details_pane);
}

static void
show_details (XfRegistryPage *self)
{
  self->details_open = TRUE;
  sync_details_visible (self);
  /* Beside the list the focus stays where it is, so arrow keys keep
   * walking the list; folded, the leaflet moves it into the file. */
  if (folds_with_details (self, gtk_widget_get_width (GTK_WIDGET (self->leaflet))))
    adw_leaflet_set_visible_child (self->leaflet, self->details_pane);
}

void
_xf_registry_page_close_details (XfRegistryPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, self->details_pane);

  if (!self->details_open)
    return;
  self->details_open = FALSE;
  if (adw_leaflet_get_visible_child (self->leaflet) != self->list_pane)
    _xf_registry_page_show_list (self);
  sync_details_visible (self);

  /* Back to the row the file was opened from (the list view keeps track
   * of its focused row). */
  if (had_focus || (focus != NULL && !gtk_widget_get_mapped (focus)) ||
      (root != NULL && gtk_root_get_focus (root) == NULL))
    gtk_widget_grab_focus (get_list_view (self));
}

static void
open_file (XfRegistryPage *self,
           gint64          id)
{
  xf_pioneer_selection_set_selected_id (self->selection, id);
  if (xf_profile_page_get_pioneer_id (XF_PROFILE_PAGE (self->profile)) != id)
    xf_profile_page_set_pioneer_id (XF_PROFILE_PAGE (self->profile), id);
  show_details (self);
}

static void
start_new_file (XfRegistryPage *self,
                const char     *kind)
{
  xf_pioneer_selection_set_selected_id (self->selection, 0);
  xf_profile_page_new_pioneer (XF_PROFILE_PAGE (self->profile), kind);
  show_details (self);
}

/* Shows a new file of @kind, else file @id, else closes the pane. */
static void
go_to (XfRegistryPage *self,
       gint64          id,
       const char     *kind)
{
  if (kind != NULL)
    start_new_file (self, kind);
  else if (id > 0)
    open_file (self, id);
  else
    _xf_registry_page_close_details (self);
}

/* The answer to "Discard changes?" before leaving unsaved edits. */
static void
leave_confirmed_cb (gboolean discard,
                    gpointer user_data)
{
  XfRegistryPage *self = user_data;
  gint64 id = self->pending_id;
  const char *kind = self->pending_kind;

  self->confirming = FALSE;
  self->pending_id = 0;
  self->pending_kind = NULL;
  if (self->profile == NULL)
    return;

  if (!discard)
    {
      /* Keep editing: the list highlights the file being edited again
       * (none for a new one). */
      xf_pioneer_selection_set_selected_id (self->selection,
                                            xf_profile_page_get_pioneer_id (XF_PROFILE_PAGE (self->profile)));
      show_details (self);
      return;
    }

  go_to (self, id, kind);
}

/* Goes to file @id, a new file of @kind, or (both unset) closes the pane,
 * asking first when that would drop unsaved edits. */
void
_xf_registry_page_leave_to (XfRegistryPage *self,
                            gint64          id,
                            const char     *kind)
{
  XfProfilePage *profile = XF_PROFILE_PAGE (self->profile);

  if (!xf_profile_page_has_unsaved_edits (profile))
    {
      go_to (self, id, kind);
      return;
    }

  self->pending_id = id;
  self->pending_kind = kind;
  if (self->confirming)
    return;
  self->confirming = TRUE;
  xf_profile_page_confirm_discard (profile, leave_confirmed_cb, g_object_ref (self), g_object_unref);
}

void
xf_registry_page_open_pioneer (XfRegistryPage *self,
                               gint64          id)
{
  g_return_if_fail (XF_IS_REGISTRY_PAGE (self));
  g_return_if_fail (id > 0);

  /* The file shown (or being edited) already: just bring it into view. */
  if (xf_profile_page_get_pioneer_id (XF_PROFILE_PAGE (self->profile)) == id && !self->confirming)
    {
      open_file (self, id);
      return;
    }
  _xf_registry_page_leave_to (self, id, NULL);
}

void
_xf_registry_page_selected_id_changed (XfRegistryPage *self)
{
  gint64 id = xf_pioneer_selection_get_selected_id (self->selection);

  if (id > 0)
    xf_registry_page_open_pioneer (self, id);
}

/* Enter or a double click: open the file and go into it. */
void
_xf_registry_page_row_activated (XfRegistryPage *self,
                                 guint           position)
{
  g_autoptr(XfPioneer) pioneer = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  g_assert (XF_IS_REGISTRY_PAGE (self));

  if (pioneer == NULL)
    return;
  xf_registry_page_open_pioneer (self, xf_pioneer_get_id (pioneer));
  if (self->details_open && !self->confirming && !adw_leaflet_get_folded (self->leaflet))
    gtk_widget_child_focus (self->details_pane, GTK_DIR_TAB_FORWARD);
}

/* A file created or reached from within the profile is highlighted in the list too. */
void
_xf_registry_page_profile_pioneer_changed (XfRegistryPage *self)
{
  gint64 id = xf_profile_page_get_pioneer_id (XF_PROFILE_PAGE (self->profile));

  if (id > 0 && id != xf_pioneer_selection_get_selected_id (self->selection))
    xf_pioneer_selection_set_selected_id (self->selection, id);
}

void
_xf_registry_page_new_pioneer (XfRegistryPage *self,
                               const char     *kind)
{
  if (self->read_only)
    return;
  _xf_registry_page_leave_to (self, 0, kind);
}

static void
folded_changed_cb (XfRegistryPage *self)
{
  /* Folded with a file open: show the file, not the list. */
  if (adw_leaflet_get_folded (self->leaflet) && self->details_open &&
      adw_leaflet_get_visible_child (self->leaflet) != self->details_pane)
    adw_leaflet_set_visible_child (self->leaflet, self->details_pane);
  sync_details_visible (self);
}

/*
 * Size: the page is a bin around its leaflet, and watches how wide the
 * list comes out.
 */

/* Below this the list keeps only the columns that tell pioneers apart. */
#define NARROW_LIST_WIDTH 560

static void
set_narrow (XfRegistryPage *self,
            gboolean        narrow)
{
  static const XfRegistrySort secondary[] = {
    XF_REGISTRY_SORT_KIND, XF_REGISTRY_SORT_REGION, XF_REGISTRY_SORT_INDUSTRY,
    XF_REGISTRY_SORT_HONOURS,
  };

  if (self->narrow == narrow)
    return;
  self->narrow = narrow;
  /* Called before the leaflet is allocated, so the new columns are laid
   * out in this same frame. */
  for (guint i = 0; i < G_N_ELEMENTS (secondary); i++)
    gtk_column_view_column_set_visible (xf_registry_columns_get_column (self->column_view, secondary[i]),
                                        !narrow);
}

static GtkSizeRequestMode
xf_registry_page_get_request_mode (GtkWidget *widget)
{
  XfRegistryPage *self = XF_REGISTRY_PAGE (widget);

  return self->leaflet != NULL ? gtk_widget_get_request_mode (GTK_WIDGET (self->leaflet))
                               : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
xf_registry_page_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  XfRegistryPage *self = XF_REGISTRY_PAGE (widget);

  if (self->leaflet == NULL)
    {
      *minimum = *natural = 0;
      return;
    }
  gtk_widget_measure (GTK_WIDGET (self->leaflet), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
xf_registry_page_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  XfRegistryPage *self = XF_REGISTRY_PAGE (widget);
  int list_width = width;

  if (self->leaflet == NULL)
    return;

  /* How wide the list will be, worked out before the leaflet is laid out
   * so that the columns are settled first: the whole page, unless the
   * file's pane is beside it. */
  if (gtk_widget_get_visible (self->details_pane) && !folds_with_details (self, width))
    {
      int details_width = 0;

      /* The pane comes out at its natural width but near the folding
       * point; that errs on the narrow side, which is harmless. */
      gtk_widget_measure (self->details_pane, GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, &details_width, NULL, NULL);
      list_width = width - xf_widget_get_min_width (self->separator) - details_width;
    }
  set_narrow (self, list_width < NARROW_LIST_WIDTH);

  gtk_widget_allocate (GTK_WIDGET (self->leaflet), width, height, baseline, NULL);
}

void
_xf_registry_page_init_details (XfRegistryPage *self)
{
  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (folded_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::child-transition-running",
                           G_CALLBACK (sync_details_visible), self, G_CONNECT_SWAPPED);
  update_title_buttons (self);
}

void
_xf_registry_page_class_init_layout (GtkWidgetClass *widget_class)
{
  widget_class->get_request_mode = xf_registry_page_get_request_mode;
  widget_class->measure = xf_registry_page_measure;
  widget_class->size_allocate = xf_registry_page_size_allocate;
}
