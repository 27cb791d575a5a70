/* xf-notice-board-page-list.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Notice board page's list: the notices under "Current" (published
 * ones by the end of their period, then drafts) and "Past" (closed and
 * withdrawn), as core orders them, and the search.
 */

#define G_LOG_DOMAIN "xf-notice-board-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-notice-board-page-private.h"
#include "xf-ui-util.h"

#define NOTICE_ID_KEY "xf-notice-id"

static gboolean
is_current (const XfNotice *notice)
{
  return g_strcmp0 (notice->status, XF_NOTICE_DRAFT) == 0 ||
         g_strcmp0 (notice->status, XF_NOTICE_PUBLISHED) == 0;
}

static gint64
row_notice_id (GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), NOTICE_ID_KEY);

  return id != NULL ? *id : 0;
}

/* What the row says under the title: where the notice stands. */
static char *
describe_state (const XfNotice *notice)
{
  if (g_strcmp0 (notice->status, XF_NOTICE_PUBLISHED) == 0)
    {
      /* days_left counts the working days after today: on the Monday of a
       * Monday-to-Friday notice, "ends in 4 working days", not "4 left". */
      if (notice->days_left > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Published · ends in %d working day",
                                             "Published · ends in %d working days",
                                             notice->days_left),
                                notice->days_left);
      if (notice->days_left == 0)
        return g_strdup (_("Published · ends today"));
      return g_strdup (_("Published · period ended"));
    }
  if (g_strcmp0 (notice->status, XF_NOTICE_DRAFT) == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Draft · %d working day",
                                         "Draft · %d working days",
                                         notice->period_days),
                            notice->period_days);
  if (g_strcmp0 (notice->status, XF_NOTICE_CLOSED) == 0 && notice->closed_on != NULL)
    {
      g_autofree char *date = xf_notice_format_date (notice->closed_on);

      /* Translators: %s is a date */
      return g_strdup_printf (_("Closed on %s"), date);
    }
  return g_strdup (xf_notice_status_label (notice->status));
}

static GtkWidget *
make_row (const XfNotice *notice)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (notice->title);
  g_autofree char *state = describe_state (notice);
  GtkWidget *state_label = gtk_label_new (state);
  GtkWidget *campaign = gtk_label_new (notice->campaign_title);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (state_label), 0);
  gtk_widget_add_css_class (state_label, "caption");
  if (g_strcmp0 (notice->status, XF_NOTICE_PUBLISHED) == 0 && notice->days_left < 0)
    gtk_widget_add_css_class (state_label, "warning");
  gtk_label_set_xalign (GTK_LABEL (campaign), 0);
  gtk_label_set_ellipsize (GTK_LABEL (campaign), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (campaign, "caption");
  gtk_widget_add_css_class (campaign, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), state_label);
  gtk_box_append (GTK_BOX (texts), campaign);
  gtk_box_append (GTK_BOX (box), texts);

  if (notice->n_open_objections > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", notice->n_open_objections);
      g_autofree char *tooltip =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open objection", "%u open objections",
                                      notice->n_open_objections),
                         notice->n_open_objections);
      GtkWidget *badge = gtk_label_new (count);

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "sidebar-badge");
      gtk_widget_set_tooltip_text (badge, tooltip);
      gtk_box_append (GTK_BOX (box), badge);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, "notice-row");
  g_object_set_data_full (G_OBJECT (row), NOTICE_ID_KEY,
                          g_memdup2 (&notice->id, sizeof notice->id), g_free);
  g_object_set_data (G_OBJECT (row), "xf-notice-current", GINT_TO_POINTER (is_current (notice)));
  return row;
}

/* "Current" over the first current notice, "Past" over the first past one. */
static void
update_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       user_data)
{
  gboolean current = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "xf-notice-current"));
  gboolean before_current = before != NULL &&
                            GPOINTER_TO_INT (g_object_get_data (G_OBJECT (before), "xf-notice-current"));
  GtkWidget *header;

  if (before != NULL && current == before_current)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (current ? _("Current") : _("Past"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_set_margin_top (header, before != NULL ? 18 : 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

gboolean
_xf_notice_board_page_select (XfNoticeBoardPage *self,
                              gint64             notice_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->notice_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && row_notice_id (GTK_LIST_BOX_ROW (child)) == notice_id)
      {
        gtk_list_box_select_row (self->notice_list, GTK_LIST_BOX_ROW (child));
        return TRUE;
      }
  return FALSE;
}

static char *
search_text (XfNoticeBoardPage *self)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

void
_xf_notice_board_page_load_list (XfNoticeBoardPage *self)
{
  g_autofree char *text = search_text (self);
  XfNoticeQuery query = { 0, NULL, text };
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_clear_pointer (&self->notices, g_ptr_array_unref);
  self->notices = xf_notice_board_list_notices (self->board, &query, &error);

  self->selecting = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->notice_list))) != NULL)
    gtk_list_box_remove (self->notice_list, child);
  if (self->notices == NULL)
    {
      self->notices = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_notice_free);
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      self->selecting = FALSE;
      return;
    }
  for (guint i = 0; i < self->notices->len; i++)
    gtk_list_box_append (self->notice_list, make_row (g_ptr_array_index (self->notices, i)));
  if (self->notice_id > 0)
    _xf_notice_board_page_select (self, self->notice_id);
  self->selecting = FALSE;

  if (self->notices->len > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    gtk_stack_set_visible_child_name (self->list_stack, text != NULL ? "no-matches" : "empty");
  /* Whoever may not write notices sees no button to make one. */
  gtk_widget_set_visible (adw_status_page_get_child (self->empty_status), self->may_vet);
}

/* The user picked a row (a click, or the arrow keys). */
static void
notice_selected_cb (XfNoticeBoardPage *self,
                    GtkListBoxRow     *row)
{
  gint64 id = row != NULL ? row_notice_id (row) : 0;

  g_assert (XF_IS_NOTICE_BOARD_PAGE (self));

  /* When the notice would fold over the list, the list is all there is:
   * selection follows the keyboard's focus (and lands on the first row
   * when the search closes), so only activating a row goes into it. */
  if (self->selecting || id == 0 || id == self->notice_id
      || xf_leaflet_folds_with (self->leaflet, gtk_widget_get_width (GTK_WIDGET (self->leaflet)),
                                self->list_pane, self->separator, self->details_pane))
    return;
  xf_notice_board_page_show_notice (self, id);
}

/* Enter or a click on the row shown: go into it. */
static void
notice_activated_cb (XfNoticeBoardPage *self,
                     GtkListBoxRow     *row)
{
  g_assert (XF_IS_NOTICE_BOARD_PAGE (self));

  xf_notice_board_page_show_notice (self, row_notice_id (row));
  if (!adw_leaflet_get_folded (self->leaflet))
    gtk_widget_child_focus (self->details_pane, GTK_DIR_TAB_FORWARD);
}

static void
search_changed_cb (XfNoticeBoardPage *self)
{
  g_assert (XF_IS_NOTICE_BOARD_PAGE (self));

  if (self->board != NULL)
    _xf_notice_board_page_load_list (self);
}

/* Enter in the search opens the first match. */
static void
search_activate_cb (XfNoticeBoardPage *self)
{
  g_assert (XF_IS_NOTICE_BOARD_PAGE (self));

  if (self->notices != NULL && self->notices->len > 0)
    xf_notice_board_page_show_notice (self, ((XfNotice *) g_ptr_array_index (self->notices, 0))->id);
}

void
_xf_notice_board_page_init_list (XfNoticeBoardPage *self)
{
  gtk_list_box_set_header_func (self->notice_list, update_header_cb, NULL, NULL);
}

void
_xf_notice_board_page_list_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, notice_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, notice_activated_cb);
}
