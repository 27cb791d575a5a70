/* xf-cultivation-page-list.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Cultivation page's list of plans: the search, the filters (status,
 * organisation, region prefix, ready to nominate) and one row per plan,
 * as core orders them.
 */

#define G_LOG_DOMAIN "xf-cultivation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-cultivation-page-private.h"
#include "xf-cultivation-widgets.h"

#define PLAN_ID_KEY "xf-plan-id"

/* The status filter's choices: core's NULL (open: active and nominated),
 * each status, then "any". */
static const char * const status_values[] = {
  NULL, XF_PLAN_ACTIVE, XF_PLAN_NOMINATED, XF_PLAN_ACHIEVED, XF_PLAN_CLOSED, "any",
};

static gint64
row_plan_id (GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), PLAN_ID_KEY);

  return id != NULL ? *id : 0;
}

static GtkWidget *
new_caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  return label;
}

/* Target, tier and region, the honour aimed at, progress and badges. */
static GtkWidget *
make_row (const XfCultivationPlan *plan)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (plan->pioneer_name);
  g_autofree char *who = NULL;
  g_autofree char *aim = xf_cultivation_describe_aim (plan);
  GtkWidget *aim_label;
  GtkWidget *who_label;

  /* Translators: a plan's row: the target's tier, then the region */
  who = g_strdup_printf (_("%s · %s"), xf_tier_label (plan->pioneer_tier),
                         plan->region_name != NULL ? plan->region_name
                                                   : (plan->region_code != NULL ? plan->region_code : ""));

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_name (title, "plan-target");
  gtk_box_append (GTK_BOX (top), title);
  xf_cultivation_append_badges (GTK_BOX (top), plan);
  gtk_box_append (GTK_BOX (box), top);

  who_label = new_caption (who);
  gtk_widget_add_css_class (who_label, "dim-label");
  gtk_box_append (GTK_BOX (box), who_label);
  aim_label = new_caption (aim);
  gtk_widget_set_name (aim_label, "plan-aim");
  gtk_box_append (GTK_BOX (box), aim_label);
  gtk_box_append (GTK_BOX (box), xf_cultivation_progress_new (plan));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, "plan-row");
  g_object_set_data_full (G_OBJECT (row), PLAN_ID_KEY, g_memdup2 (&plan->id, sizeof plan->id), g_free);
  return row;
}

gboolean
_xf_cultivation_page_select (XfCultivationPage *self,
                             gint64             plan_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->plan_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && row_plan_id (GTK_LIST_BOX_ROW (child)) == plan_id)
      {
        gtk_list_box_select_row (self->plan_list, GTK_LIST_BOX_ROW (child));
        return TRUE;
      }
  return FALSE;
}

/*
 * The query the search and filters make
 */

static char *
dup_trimmed (const char *text)
{
  char *copy = g_strstrip (g_strdup (text));

  if (copy[0] == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

gboolean
_xf_cultivation_page_is_filtered (XfCultivationPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *region = gtk_editable_get_text (GTK_EDITABLE (self->region_entry));

  return (text[0] != '\0' || region[0] != '\0'
          || gtk_drop_down_get_selected (self->status_dropdown) > 0
          || gtk_drop_down_get_selected (self->organisation_dropdown) > 0
          || gtk_toggle_button_get_active (self->ready_button));
}

void
_xf_cultivation_page_load_list (XfCultivationPage *self)
{
  g_autofree char *text = dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_autofree char *region = dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->region_entry)));
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint organisation = gtk_drop_down_get_selected (self->organisation_dropdown);
  XfPlanQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  if (status < G_N_ELEMENTS (status_values))
    query.status = status_values[status];
  if (self->organisations != NULL && organisation > 0 && organisation < self->organisations->len)
    query.organisation_code = g_ptr_array_index (self->organisations, organisation);
  query.region_prefix = region;
  query.ready_only = gtk_toggle_button_get_active (self->ready_button);
  query.text = text;

  g_clear_pointer (&self->plans, g_ptr_array_unref);
  self->plans = xf_cultivation_list_plans (self->cultivation, &query, &error);

  self->selecting = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->plan_list))) != NULL)
    gtk_list_box_remove (self->plan_list, child);
  if (self->plans == NULL)
    {
      self->plans = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_cultivation_plan_free);
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      self->selecting = FALSE;
      return;
    }
  for (guint i = 0; i < self->plans->len; i++)
    gtk_list_box_append (self->plan_list, make_row (g_ptr_array_index (self->plans, i)));
  if (self->plan_id > 0)
    _xf_cultivation_page_select (self, self->plan_id);
  self->selecting = FALSE;

  if (self->plans->len > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    gtk_stack_set_visible_child_name (self->list_stack,
                                      _xf_cultivation_page_is_filtered (self) ? "no-matches" : "empty");
  gtk_widget_set_visible (self->empty_new_button, self->may_edit);
}

void
_xf_cultivation_page_clear_filters (XfCultivationPage *self)
{
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->region_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->organisation_dropdown, 0);
  gtk_toggle_button_set_active (self->ready_button, FALSE);
  self->loading = FALSE;
  if (self->cultivation != NULL)
    _xf_cultivation_page_load_list (self);
}

void
xf_cultivation_page_show_group (XfCultivationPage *self,
                                const char        *group_by,
                                const char        *key,
                                gboolean           ready_only)
{
  g_return_if_fail (XF_IS_CULTIVATION_PAGE (self));

  if (self->reload.stale && self->cultivation != NULL)
    _xf_cultivation_page_reload (self);
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->region_entry), "");
  gtk_drop_down_set_selected (self->organisation_dropdown, 0);
  /* Core's "-" (no organisation, no region) has no filter of its own:
   * the list then shows every plan. */
  if (key != NULL && key[0] != '\0' && g_strcmp0 (key, "-") != 0)
    {
      if (g_strcmp0 (group_by, "region") == 0)
        gtk_editable_set_text (GTK_EDITABLE (self->region_entry), key);
      else
        for (guint i = 1; self->organisations != NULL && i < self->organisations->len; i++)
          if (g_strcmp0 (g_ptr_array_index (self->organisations, i), key) == 0)
            gtk_drop_down_set_selected (self->organisation_dropdown, i);
    }
  gtk_toggle_button_set_active (self->ready_button, ready_only);
  self->loading = FALSE;
  adw_view_stack_set_visible_child_name (self->view_stack, "plans");
  _xf_cultivation_page_load_list (self);
}

/*
 * Signals
 */

static void
filter_changed_cb (XfCultivationPage *self)
{
  g_assert (XF_IS_CULTIVATION_PAGE (self));

  if (self->cultivation != NULL && !self->loading && self->filters_loaded)
    _xf_cultivation_page_load_list (self);
}

static void
plan_selected_cb (XfCultivationPage *self,
                  GtkListBoxRow     *row)
{
  gint64 id = row != NULL ? row_plan_id (row) : 0;

  g_assert (XF_IS_CULTIVATION_PAGE (self));

  /* Folded, the list is all there is: only activating a row goes in. */
  if (self->selecting || id == 0 || id == self->plan_id
      || xf_leaflet_folds_with (self->leaflet, gtk_widget_get_width (GTK_WIDGET (self->leaflet)),
                                self->list_pane, self->separator, GTK_WIDGET (self->details_pane)))
    return;
  xf_cultivation_page_show_plan (self, id);
}

static void
plan_activated_cb (XfCultivationPage *self,
                   GtkListBoxRow     *row)
{
  g_assert (XF_IS_CULTIVATION_PAGE (self));

  xf_cultivation_page_show_plan (self, row_plan_id (row));
  if (!adw_leaflet_get_folded (self->leaflet))
    gtk_widget_child_focus (GTK_WIDGET (self->details_pane), GTK_DIR_TAB_FORWARD);
}

static void
search_activate_cb (XfCultivationPage *self)
{
  g_assert (XF_IS_CULTIVATION_PAGE (self));

  if (self->plans != NULL && self->plans->len > 0)
    xf_cultivation_page_show_plan (self, ((XfCultivationPlan *) g_ptr_array_index (self->plans, 0))->id);
}

/* The organisations in their filter, "All organisations" first. */
void
_xf_cultivation_page_load_filters (XfCultivationPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GError) error = NULL;

  self->loading = TRUE;
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  self->organisations = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->organisations, NULL);
  gtk_string_list_append (names, _("All organisations"));
  organisations = xf_registry_list_organisations (self->registry, &error);
  if (organisations == NULL)
    g_warning ("Could not read the organisations: %s", error->message);
  for (guint i = 0; organisations != NULL && i < organisations->len; i++)
    {
      XfOrganisationInfo *info = g_ptr_array_index (organisations, i);

      g_ptr_array_add (self->organisations, g_strdup (info->code));
      gtk_string_list_append (names, info->name);
    }
  gtk_drop_down_set_model (self->organisation_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->organisation_dropdown, 0);
  self->loading = FALSE;
}

void
_xf_cultivation_page_init_list (XfCultivationPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (status_values); i++)
    {
      if (status_values[i] == NULL)
        gtk_string_list_append (statuses, C_("plans", "Open"));
      else if (g_strcmp0 (status_values[i], "any") == 0)
        gtk_string_list_append (statuses, C_("plans", "All statuses"));
      else
        gtk_string_list_append (statuses, xf_plan_status_label (status_values[i]));
    }
  xf_drop_down_set_ellipsized (self->status_dropdown);
  xf_drop_down_set_ellipsized (self->organisation_dropdown);
  self->loading = TRUE;
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  self->loading = FALSE;
}

void
_xf_cultivation_page_list_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, plan_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, plan_activated_cb);
}
