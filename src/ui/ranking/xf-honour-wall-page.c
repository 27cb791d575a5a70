/* xf-honour-wall-page.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page itself: the months, the wall of name cards, the preview and
 * the collectives, the explanation and the administrator's compute and
 * recompute. Printing and the image are in xf-honour-wall-page-export.c,
 * the automatic snapshot in xf-honour-wall-page-snapshot.c.
 */

#define G_LOG_DOMAIN "xf-honour-wall-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-honour-wall-page-private.h"
#include "xf-index-weights-dialog.h"
#include "xf-name-card.h"
#include "xf-permission.h"
#include "xf-ranking-explain-dialog.h"

/* The widest a card on the wall grows. */
#define CARD_WIDTH 330

G_DEFINE_FINAL_TYPE (XfHonourWallPage, xf_honour_wall_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REGISTRY,
  PROP_SHOW_SIDEBAR_BUTTON,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

void
_xf_honour_wall_page_show_toast (XfHonourWallPage *self,
                                 const char       *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

char *
_xf_honour_wall_month_label (const char *month)
{
  g_autoptr(GDateTime) date = NULL;
  int year = 0, number = 0;

  if (month == NULL || sscanf (month, "%d-%d", &year, &number) != 2)
    return g_strdup (month != NULL ? month : "");
  date = g_date_time_new_utc (year, number, 1, 0, 0, 0);
  if (date == NULL)
    return g_strdup (month);
  /* Translators: a month, in g_date_time_format ()'s format: "November
   * 2026"; in Chinese "%Y年%-m月" */
  return g_date_time_format (date, _("%B %Y"));
}

char *
_xf_honour_wall_page_dup_title (XfHonourWallPage *self)
{
  g_autofree char *label = NULL;

  if (self->shown == NULL)
    return g_strdup (_("Pioneers of the Month"));
  label = _xf_honour_wall_month_label (self->shown->month);
  if (self->preview)
    /* Translators: %s is a month ("December 2026") */
    return g_strdup_printf (_("Pioneers of the Month, %s so far (provisional)"), label);
  /* Translators: %s is a month ("November 2026") */
  return g_strdup_printf (_("Pioneers of the Month, %s"), label);
}

/*
 * The wall
 */

static GtkWidget *
make_item (XfHonourWallPage *self,
           XfRankingEntry   *entry)
{
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autoptr(GListModel) honours = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rank = g_strdup_printf ("%d", entry->rank);
  g_autofree char *score = g_strdup_printf ("%.1f", entry->score);
  g_autofree char *rank_class = g_strdup_printf ("rank-%d", entry->rank);
  g_autofree char *accessible = NULL;
  GtkWidget *item, *head, *badge, *score_box, *label, *card;

  item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (item, "honour-item");
  gtk_widget_set_name (item, "honour-item");

  head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (head, "honour-head");
  badge = gtk_label_new (rank);
  gtk_widget_set_name (badge, "rank-badge");
  gtk_widget_add_css_class (badge, "rank-badge");
  gtk_widget_add_css_class (badge, rank_class);
  gtk_box_append (GTK_BOX (head), badge);

  label = gtk_label_new (entry->name);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (head), label);

  score_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  label = gtk_label_new (score);
  gtk_widget_set_name (label, "index-score");
  gtk_widget_add_css_class (label, "index-score");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_box_append (GTK_BOX (score_box), label);
  /* Translators: beneath a pioneer's index on the honour wall */
  label = gtk_label_new (_("Pioneer index"));
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_box_append (GTK_BOX (score_box), label);
  gtk_box_append (GTK_BOX (head), score_box);
  gtk_box_append (GTK_BOX (item), head);

  card = xf_name_card_new ();
  gtk_widget_set_name (card, "honour-card");
  pioneer = xf_registry_get_pioneer (self->registry, entry->pioneer_id, &error);
  if (pioneer != NULL)
    {
      honours = xf_registry_list_honours (self->registry, entry->pioneer_id, NULL);
      xf_name_card_set_honours (XF_NAME_CARD (card), honours);
      xf_name_card_set_pioneer (XF_NAME_CARD (card), pioneer);
      /* For the printed wall's compact card. */
      g_object_set_data_full (G_OBJECT (item), "pioneer", g_object_ref (pioneer), g_object_unref);
    }
  else
    g_debug ("No pioneer %" G_GINT64_FORMAT " for the wall: %s", entry->pioneer_id, error->message);
  gtk_box_append (GTK_BOX (item), card);

  g_object_set_data (G_OBJECT (item), "pioneer-id", GSIZE_TO_POINTER ((gsize) entry->pioneer_id));
  /* Translators: how a screen reader names a card on the wall: rank,
   * name, index ("1. 叶剑军, index 87.5") */
  accessible = g_strdup_printf (_("%d. %s, index %.1f"), entry->rank, entry->name, entry->score);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return item;
}

static void
clear_wall (XfHonourWallPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->wall))) != NULL)
    gtk_flow_box_remove (self->wall, child);
  g_ptr_array_set_size (self->items, 0);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
}

static void
fill_wall (XfHonourWallPage *self)
{
  GPtrArray *list;

  clear_wall (self);
  self->entries = g_ptr_array_new ();
  if (self->shown == NULL)
    return;
  list = self->collectives ? self->shown->collectives : self->shown->individuals;
  for (guint i = 0; list != NULL && i < list->len && i < XF_RANKING_HONOUR_WALL_SIZE; i++)
    {
      XfRankingEntry *entry = g_ptr_array_index (list, i);
      GtkWidget *item = make_item (self, entry);

      GtkWidget *clamp = adw_clamp_new ();

      /* A card asks for the whole width; the clamp keeps several side by
       * side on a wide window, and one on a phone. */
      adw_clamp_set_maximum_size (ADW_CLAMP (clamp), CARD_WIDTH);
      adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), CARD_WIDTH);
      adw_clamp_set_child (ADW_CLAMP (clamp), item);
      g_ptr_array_add (self->entries, entry);
      g_ptr_array_add (self->items, item);
      gtk_flow_box_append (self->wall, clamp);
    }
}

/* The header's title and subtitle, the banner, the switcher's buttons. */
static void
update_controls (XfHonourWallPage *self)
{
  guint n_months = self->months != NULL ? g_strv_length (self->months) : 0;
  int index = -1;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; self->month != NULL && i < n_months; i++)
    if (g_strcmp0 (self->months[i], self->month) == 0)
      index = (int) i;

  if (self->shown != NULL)
    {
      g_autofree char *label = _xf_honour_wall_month_label (self->shown->month);

      if (self->preview)
        /* Translators: the subtitle while the wall shows the current month so far */
        subtitle = g_strdup_printf (_("%s so far — provisional"), label);
      else
        subtitle = g_steal_pointer (&label);
    }
  adw_window_title_set_subtitle (self->title_widget, subtitle != NULL ? subtitle : "");

  self->loading = TRUE;
  gtk_toggle_button_set_active (self->preview_toggle, self->preview);
  if (index >= 0)
    gtk_drop_down_set_selected (self->month_dropdown, index);
  self->loading = FALSE;

  /* Newest first: "previous" is further down the list. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.previous",
                                 n_months > 0 && (self->preview || (index >= 0 && index + 1 < (int) n_months)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.next", !self->preview && index > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->month_dropdown), n_months > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.recompute",
                                 self->may_manage && !self->preview && self->month != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.compute-last", self->may_manage);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.weights", self->may_manage);
  gtk_widget_set_visible (self->compute_button, self->may_manage);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.print",
                                 self->entries != NULL && self->entries->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.save-png",
                                 self->entries != NULL && self->entries->len > 0);

  if (self->preview && self->shown != NULL)
    {
      g_autofree char *label = _xf_honour_wall_month_label (self->shown->month);
      g_autofree char *text = NULL;

      /* Translators: %s is the current month ("December 2026") */
      text = g_strdup_printf (_("Provisional: %s so far. Not frozen — the ranking changes until the month ends."),
                              label);
      gtk_label_set_text (self->provisional_label, text);
    }
  gtk_revealer_set_reveal_child (self->provisional_revealer, self->preview);
}

static void
show_error (XfHonourWallPage *self,
            const char       *message)
{
  adw_status_page_set_description (self->error_status, message);
  gtk_stack_set_visible_child_name (self->wall_stack, "error");
}

/* Shows what self->month / self->preview say, read again from core. */
static void
load_shown (XfHonourWallPage *self)
{
  g_autoptr(GError) error = NULL;
  XfMonthlyRanking *ranking = NULL;

  g_clear_pointer (&self->shown, xf_monthly_ranking_free);
  if (self->preview)
    {
      g_autofree char *month = xf_ranking_current_month ();

      ranking = xf_ranking_preview (self->ranking, month, &error);
    }
  else if (self->month != NULL)
    ranking = xf_ranking_get (self->ranking, self->month, &error);

  self->shown = ranking;
  fill_wall (self);
  if (error != NULL)
    show_error (self, error->message);
  else if (self->shown == NULL || self->entries->len == 0)
    {
      g_autofree char *text = NULL;

      if (self->shown == NULL)
        {
          adw_status_page_set_title (self->empty_status, _("No Month Ranked Yet"));
          adw_status_page_set_description (self->empty_status,
                                           _("A month is ranked once it has ended. Meanwhile, “So Far This Month” "
                                             "shows a provisional ranking."));
        }
      else
        {
          g_autofree char *label = _xf_honour_wall_month_label (self->shown->month);

          adw_status_page_set_title (self->empty_status, _("Nobody Ranked"));
          /* Translators: %s is a month ("November 2026") */
          text = g_strdup_printf (_("No engagement was recorded for anyone in %s."), label);
          adw_status_page_set_description (self->empty_status, text);
        }
      gtk_stack_set_visible_child_name (self->wall_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->wall_stack, "wall");
  update_controls (self);
}

static void
load_months (XfHonourWallPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GStrv months = xf_ranking_list_months (self->ranking, &error);

  g_strfreev (self->months);
  self->months = months;
  if (months == NULL)
    g_debug ("Could not list the ranked months: %s", error->message);
  for (guint i = 0; months != NULL && months[i] != NULL; i++)
    {
      g_autofree char *label = _xf_honour_wall_month_label (months[i]);

      gtk_string_list_append (model, label);
    }
  self->loading = TRUE;
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (model));
  self->loading = FALSE;

  /* The month shown stays while it is still frozen; else the newest. */
  if (self->month == NULL || months == NULL || !g_strv_contains ((const char * const *) months, self->month))
    {
      g_free (self->month);
      self->month = months != NULL && months[0] != NULL ? g_strdup (months[0]) : NULL;
    }
}

static void
reload_all (XfHonourWallPage *self)
{
  xf_reload_queue_reloading (&self->reload);
  self->reload.stale = FALSE;
  load_months (self);
  load_shown (self);
}

static void
reload_page (GtkWidget *widget)
{
  reload_all (XF_HONOUR_WALL_PAGE (widget));
}

static void
ranking_changed_cb (XfHonourWallPage *self)
{
  xf_reload_queue_changed (&self->reload);
}

void
xf_honour_wall_page_refresh (XfHonourWallPage *self)
{
  g_return_if_fail (XF_IS_HONOUR_WALL_PAGE (self));

  if (self->ranking == NULL)
    return;
  if (xf_reload_queue_defer (&self->reload))
    return;
  reload_all (self);
}

static void
ensure_loaded (XfHonourWallPage *self)
{
  if (self->reload.stale && self->ranking != NULL)
    reload_all (self);
}

/*
 * Switching
 */

gboolean
xf_honour_wall_page_show_month (XfHonourWallPage *self,
                                const char       *month)
{
  g_return_val_if_fail (XF_IS_HONOUR_WALL_PAGE (self), FALSE);

  ensure_loaded (self);
  if (month == NULL || self->months == NULL || !g_strv_contains ((const char * const *) self->months, month))
    return FALSE;
  g_free (self->month);
  self->month = g_strdup (month);
  self->preview = FALSE;
  load_shown (self);
  return TRUE;
}

void
xf_honour_wall_page_set_preview (XfHonourWallPage *self,
                                 gboolean          preview)
{
  g_return_if_fail (XF_IS_HONOUR_WALL_PAGE (self));

  ensure_loaded (self);
  preview = !!preview;
  if (self->preview == preview)
    return;
  self->preview = preview;
  load_shown (self);
}

void
xf_honour_wall_page_set_collectives (XfHonourWallPage *self,
                                     gboolean          collectives)
{
  g_return_if_fail (XF_IS_HONOUR_WALL_PAGE (self));

  ensure_loaded (self);
  self->loading = TRUE;
  gtk_toggle_button_set_active (collectives ? self->collectives_toggle : self->individuals_toggle, TRUE);
  self->loading = FALSE;
  collectives = !!collectives;
  if (self->collectives == collectives)
    return;
  self->collectives = collectives;
  fill_wall (self);
  update_controls (self);
}

static void
month_selected_cb (XfHonourWallPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->month_dropdown);

  if (self->loading || self->months == NULL || selected >= g_strv_length (self->months))
    return;
  xf_honour_wall_page_show_month (self, self->months[selected]);
}

static void
preview_toggled_cb (XfHonourWallPage *self)
{
  if (!self->loading)
    xf_honour_wall_page_set_preview (self, gtk_toggle_button_get_active (self->preview_toggle));
}

static void
kind_toggled_cb (XfHonourWallPage *self)
{
  if (!self->loading)
    xf_honour_wall_page_set_collectives (self, gtk_toggle_button_get_active (self->collectives_toggle));
}

static void
step_month (XfHonourWallPage *self,
            int               step)
{
  guint n = self->months != NULL ? g_strv_length (self->months) : 0;

  if (n == 0)
    return;
  if (self->preview)
    {
      /* From the month so far, back to the newest frozen month. */
      if (step > 0)
        xf_honour_wall_page_show_month (self, self->months[0]);
      return;
    }
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (self->months[i], self->month) == 0)
      {
        int to = (int) i + step;

        if (to >= 0 && to < (int) n)
          xf_honour_wall_page_show_month (self, self->months[to]);
        return;
      }
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  step_month (XF_HONOUR_WALL_PAGE (widget), 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step_month (XF_HONOUR_WALL_PAGE (widget), -1);
}

/*
 * Explanations
 */

GtkWidget *
xf_honour_wall_page_explain (XfHonourWallPage *self,
                             gint64            pioneer_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfRankingEntry) entry = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (XF_IS_HONOUR_WALL_PAGE (self), NULL);

  if (self->shown == NULL)
    return NULL;
  entry = xf_ranking_explain (self->ranking, pioneer_id, self->shown->month, &error);
  if (entry == NULL)
    {
      _xf_honour_wall_page_show_toast (self, error->message);
      return NULL;
    }
  dialog = xf_ranking_explain_dialog_new (xf_widget_get_window (GTK_WIDGET (self)), self->ranking,
                                          self->shown, entry);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
child_activated_cb (XfHonourWallPage *self,
                    GtkFlowBoxChild  *child)
{
  GtkWidget *item = adw_clamp_get_child (ADW_CLAMP (gtk_flow_box_child_get_child (child)));
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "pioneer-id"));

  if (id > 0)
    xf_honour_wall_page_explain (self, id);
}

static void
explain_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  xf_honour_wall_page_explain (XF_HONOUR_WALL_PAGE (widget), g_variant_get_int64 (parameter));
}

/*
 * Computing by hand
 */

static void
compute (XfHonourWallPage *self,
         const char       *month)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfMonthlyRanking) ranking = xf_ranking_compute (self->ranking, month, &error);
  g_autofree char *label = _xf_honour_wall_month_label (month);
  g_autofree char *text = NULL;

  if (ranking == NULL)
    {
      _xf_honour_wall_page_show_toast (self, error->message);
      return;
    }
  /* Translators: %s is a month ("November 2026") */
  text = g_strdup_printf (_("Pioneers of the Month for %s computed"), label);
  _xf_honour_wall_page_show_toast (self, text);
  self->preview = FALSE;
  load_months (self);
  g_free (self->month);
  self->month = g_strdup (month);
  load_shown (self);
}

static void
compute_last_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autofree char *month = xf_ranking_previous_month ();

  compute (XF_HONOUR_WALL_PAGE (widget), month);
}

static void
recompute_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       XfHonourWallPage *self)
{
  g_autofree char *month = g_object_steal_data (G_OBJECT (dialog), "month");

  if (g_strcmp0 (response, "recompute") == 0 && month != NULL)
    compute (self, month);
}

static void
recompute_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  XfHonourWallPage *self = XF_HONOUR_WALL_PAGE (widget);
  g_autofree char *label = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->month == NULL || self->preview)
    return;
  label = _xf_honour_wall_month_label (self->month);
  /* Translators: %s is a month ("November 2026") */
  heading = g_strdup_printf (_("Recompute %s?"), label);
  dialog = xf_confirm_dialog_new (widget, heading,
                                  _("The month is ranked again from its events with the weights in force for it. "
                                    "The new ranking replaces the frozen one; the change is audited."),
                                  _("_Cancel"), "recompute", _("_Recompute"));
  g_object_set_data_full (G_OBJECT (dialog), "month", g_strdup (self->month), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recompute_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
weights_saved_cb (XfHonourWallPage *self)
{
  _xf_honour_wall_page_show_toast (self, _("New weights saved"));
}

GtkWidget *
xf_honour_wall_page_edit_weights (XfHonourWallPage *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (XF_IS_HONOUR_WALL_PAGE (self), NULL);

  if (!self->may_manage)
    return NULL;
  dialog = xf_index_weights_dialog_new (xf_widget_get_window (GTK_WIDGET (self)), self->ranking);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (weights_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
weights_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  xf_honour_wall_page_edit_weights (XF_HONOUR_WALL_PAGE (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _xf_honour_wall_page_print (XF_HONOUR_WALL_PAGE (widget));
}

static void
save_png_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _xf_honour_wall_page_save_as (XF_HONOUR_WALL_PAGE (widget));
}

/*
 * GObject
 */

static void
load_css (void)
{
  static gsize loaded;

  xf_load_css_once (&loaded, "/io/github/xianfeng/Xianfeng/ranking/xf-honour-wall-page.css");
}

static void
set_registry (XfHonourWallPage *self,
              XfRegistry       *registry)
{
  XfAccount *actor = xf_registry_get_actor (registry);

  self->registry = g_object_ref (registry);
  self->ranking = xf_ranking_new (registry);
  self->may_manage = actor != NULL && xf_permission_allows (actor, XF_OP_RANKING_MANAGE, NULL);
  g_signal_connect_object (self->ranking, "changed",
                           G_CALLBACK (ranking_changed_cb), self, G_CONNECT_SWAPPED);

  _xf_honour_wall_page_start_snapshots (self);

  /* Read when first shown. */
  self->reload.stale = TRUE;
  update_controls (self);
}

static void
xf_honour_wall_page_map (GtkWidget *widget)
{
  XfHonourWallPage *self = XF_HONOUR_WALL_PAGE (widget);

  GTK_WIDGET_CLASS (xf_honour_wall_page_parent_class)->map (widget);
  ensure_loaded (self);
}

static void
xf_honour_wall_page_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (xf_honour_wall_page_parent_class)->root (widget);
  _xf_honour_wall_page_show_pending_toast (XF_HONOUR_WALL_PAGE (widget));
}

static void
xf_honour_wall_page_dispose (GObject *object)
{
  XfHonourWallPage *self = XF_HONOUR_WALL_PAGE (object);

  xf_reload_queue_clear (&self->reload);
  _xf_honour_wall_page_stop_snapshots (self);
  if (self->items != NULL)
    g_ptr_array_set_size (self->items, 0);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_HONOUR_WALL_PAGE);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->shown, xf_monthly_ranking_free);
  g_clear_pointer (&self->months, g_strfreev);
  g_clear_pointer (&self->month, g_free);
  g_clear_object (&self->ranking);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xf_honour_wall_page_parent_class)->dispose (object);
}

static void
xf_honour_wall_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XfHonourWallPage *self = XF_HONOUR_WALL_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    case PROP_SHOW_SIDEBAR_BUTTON:
      g_value_set_boolean (value, self->show_sidebar_button);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_honour_wall_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  XfHonourWallPage *self = XF_HONOUR_WALL_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      set_registry (self, g_value_get_object (value));
      break;
    case PROP_SHOW_SIDEBAR_BUTTON:
      xf_set_show_sidebar_button (object, pspec, value, &self->show_sidebar_button, self->back_button);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_honour_wall_page_class_init (XfHonourWallPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_honour_wall_page_dispose;
  object_class->get_property = xf_honour_wall_page_get_property;
  object_class->set_property = xf_honour_wall_page_set_property;
  widget_class->map = xf_honour_wall_page_map;
  widget_class->root = xf_honour_wall_page_root;

  properties [PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, XF_TYPE_REGISTRY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_SIDEBAR_BUTTON] = xf_show_sidebar_button_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/ranking/xf-honour-wall-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfHonourWallPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfHonourWallPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, XfHonourWallPage, title_widget);
  gtk_widget_class_bind_template_child (widget_class, XfHonourWallPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, XfHonourWallPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, XfHonourWallPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, XfHonourWallPage, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfHonourWallPage, controls_flow);
  gtk_widget_class_bind_template_child (widget_class, XfHonourWallPage, preview_toggle);
  gtk_widget_class_bind_template_child (widget_class, XfHonourWallPage, individuals_toggle);
  gtk_widget_class_bind_template_child (widget_class, XfHonourWallPage, collectives_toggle);
  gtk_widget_class_bind_template_child (widget_class, XfHonourWallPage, provisional_revealer);
  gtk_widget_class_bind_template_child (widget_class, XfHonourWallPage, provisional_label);
  gtk_widget_class_bind_template_child (widget_class, XfHonourWallPage, wall_stack);
  gtk_widget_class_bind_template_child (widget_class, XfHonourWallPage, wall);
  gtk_widget_class_bind_template_child (widget_class, XfHonourWallPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, XfHonourWallPage, compute_button);
  gtk_widget_class_bind_template_child (widget_class, XfHonourWallPage, error_status);

  gtk_widget_class_install_action (widget_class, "ranking.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "ranking.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "ranking.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "ranking.save-png", NULL, save_png_action);
  gtk_widget_class_install_action (widget_class, "ranking.recompute", NULL, recompute_action);
  gtk_widget_class_install_action (widget_class, "ranking.compute-last", NULL, compute_last_action);
  gtk_widget_class_install_action (widget_class, "ranking.explain", "x", explain_action);
  gtk_widget_class_install_action (widget_class, "ranking.weights", NULL, weights_action);
}

static void
add_shortcuts (XfHonourWallPage *self)
{
  static const XfShortcut shortcuts[] = {
    { GDK_KEY_Left, GDK_ALT_MASK, "ranking.previous" },
    { GDK_KEY_Right, GDK_ALT_MASK, "ranking.next" },
    { GDK_KEY_p, GDK_CONTROL_MASK, "ranking.print" },
  };

  xf_widget_add_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));
}

static void
xf_honour_wall_page_init (XfHonourWallPage *self)
{
  load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
  xf_reload_queue_init_page (&self->reload, GTK_WIDGET (self), reload_page, NULL);
  self->items = g_ptr_array_new ();
  add_shortcuts (self);
  /* The controls' flow box only wraps them: Tab goes to the buttons. */
  for (GtkWidget *flow_child = gtk_widget_get_first_child (self->controls_flow); flow_child != NULL;
       flow_child = gtk_widget_get_next_sibling (flow_child))
    gtk_widget_set_focusable (flow_child, FALSE);

  g_signal_connect_object (self->month_dropdown, "notify::selected",
                           G_CALLBACK (month_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview_toggle, "toggled",
                           G_CALLBACK (preview_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->collectives_toggle, "toggled",
                           G_CALLBACK (kind_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->wall, "child-activated",
                           G_CALLBACK (child_activated_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
xf_honour_wall_page_new (XfRegistry *registry)
{
  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  return g_object_new (XF_TYPE_HONOUR_WALL_PAGE, "registry", registry, NULL);
}

/*
 * Public accessors
 */

XfRanking *
xf_honour_wall_page_get_ranking (XfHonourWallPage *self)
{
  g_return_val_if_fail (XF_IS_HONOUR_WALL_PAGE (self), NULL);
  return self->ranking;
}

XfMonthlyRanking *
xf_honour_wall_page_get_shown (XfHonourWallPage *self)
{
  g_return_val_if_fail (XF_IS_HONOUR_WALL_PAGE (self), NULL);

  ensure_loaded (self);
  return self->shown;
}

GPtrArray *
xf_honour_wall_page_get_entries (XfHonourWallPage *self)
{
  g_return_val_if_fail (XF_IS_HONOUR_WALL_PAGE (self), NULL);

  ensure_loaded (self);
  return self->entries;
}
