/* xf-evaluation-page-campaigns.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Evaluation page's campaigns: the drop-down (newest first, the first
 * open one shown), what follows from the campaign shown, and the campaign
 * menu (new, edit, copy to next year, open, close) for
 * XF_OP_CAMPAIGN_MANAGE; core checks every step again.
 */

#define G_LOG_DOMAIN "xf-evaluation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-campaign-dialog.h"
#include "xf-committee-view.h"
#include "xf-evaluation-page-private.h"
#include "xf-nomination-view.h"
#include "xf-ui-util.h"

/*
 * Campaigns
 */

XfCampaign *
_xf_evaluation_page_get_campaign (XfEvaluationPage *self)
{
  guint position = gtk_drop_down_get_selected (self->campaign_dropdown);

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_drop_down_get_selected_item (self->campaign_dropdown);
}

static gboolean
campaign_has_status (XfEvaluationPage *self,
                     const char       *status)
{
  XfCampaign *campaign = _xf_evaluation_page_get_campaign (self);

  return campaign != NULL && g_strcmp0 (xf_campaign_get_status (campaign), status) == 0;
}

void
_xf_evaluation_page_update_actions (XfEvaluationPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have = self->campaign_id > 0;
  gboolean read_only = self->registry == NULL ||
                       xf_store_is_read_only (xf_registry_get_store (self->registry));
  gboolean manage = self->may_manage && !read_only;
  gboolean may_nominate = self->may_request && !read_only && campaign_has_status (self, "open");

  gtk_widget_action_set_enabled (widget, "evaluation.new-campaign", manage);
  gtk_widget_action_set_enabled (widget, "evaluation.edit-campaign", manage && have);
  gtk_widget_action_set_enabled (widget, "evaluation.copy-campaign", manage && have);
  gtk_widget_action_set_enabled (widget, "evaluation.open-campaign",
                                 manage && campaign_has_status (self, "draft"));
  gtk_widget_action_set_enabled (widget, "evaluation.close-campaign",
                                 manage && campaign_has_status (self, "open"));
  gtk_widget_action_set_enabled (widget, "evaluation.new-nomination", may_nominate);

  gtk_widget_set_visible (self->campaign_menu_button, self->may_manage);
  /* Attention is across campaigns. */
  gtk_widget_set_visible (self->campaign_bar, (have || self->may_manage) &&
                                              !g_str_equal (_xf_evaluation_page_visible_view (self), "attention"));
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_dropdown), have);
  gtk_widget_set_visible (self->new_button, self->may_request);
  gtk_widget_set_visible (self->empty_new_button, may_nominate);
  gtk_widget_set_visible (self->empty_campaign_button, manage);
}

/* What the empty list says depends on the campaign's status. */
static void
update_empty_texts (XfEvaluationPage *self)
{
  const char *description;

  if (campaign_has_status (self, "draft"))
    description = self->may_manage
                  ? _("The campaign is still a draft: open it for nominations from the campaign menu.")
                  : _("The campaign is still a draft: it takes nominations once it is opened.");
  else if (campaign_has_status (self, "closed"))
    description = _("The campaign is closed and took no nominations.");
  else
    description = _("Nominating units’ submissions to this campaign show here, stage by stage.");
  adw_status_page_set_description (self->empty_status, description);
  adw_status_page_set_description (self->no_campaign_status,
                                   self->may_manage
                                   ? _("A campaign names the honour, whom it covers, its quota, committee and stage plan.")
                                   : _("An administrator sets up the campaigns: the honours, their committees and stage plans."));
}

static void
campaign_changed (XfEvaluationPage *self)
{
  XfCampaign *campaign = _xf_evaluation_page_get_campaign (self);
  gint64 id = campaign != NULL ? xf_campaign_get_id (campaign) : 0;

  if (id != self->campaign_id)
    {
      self->campaign_id = id;
      /* Another campaign's nomination does not stay open. */
      self->nomination_id = 0;
      xf_nomination_view_set_nomination (XF_NOMINATION_VIEW (self->nomination_view), 0);
      /* Only on a change: the chair's view keeps its state while the
       * campaign is read again. */
      xf_committee_view_set_campaign (XF_COMMITTEE_VIEW (self->committee_view), id);
      g_object_notify (G_OBJECT (self), "campaign-id");
    }
  _xf_evaluation_page_update_actions (self);
  update_empty_texts (self);
  _xf_evaluation_page_load_counts (self);
  _xf_evaluation_page_load_list (self);
  self->report_stale = TRUE;
  if (g_str_equal (_xf_evaluation_page_visible_view (self), "report"))
    _xf_evaluation_page_load_report (self);
  _xf_evaluation_page_sync_details (self, FALSE);
}

static void
campaign_selected_cb (XfEvaluationPage *self)
{
  g_assert (XF_IS_EVALUATION_PAGE (self));

  if (self->evaluation != NULL)
    campaign_changed (self);
}

guint
_xf_evaluation_page_campaign_position (XfEvaluationPage *self,
                   gint64            campaign_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->campaigns));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfCampaign) campaign = g_list_model_get_item (G_LIST_MODEL (self->campaigns), i);

      if (xf_campaign_get_id (campaign) == campaign_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Where the actor's work is: the campaign of the most urgent attention
 * item, else the first open campaign whose committee the actor sits on,
 * else the first open one (the list is newest first), else the newest. */
static guint
default_position (XfEvaluationPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->campaigns));
  g_autoptr(GPtrArray) attention = xf_evaluation_list_attention (self->evaluation, NULL);

  if (attention != NULL && attention->len > 0)
    {
      XfAttentionItem *first = g_ptr_array_index (attention, 0);
      guint position = _xf_evaluation_page_campaign_position (self, first->campaign_id);

      if (position != GTK_INVALID_LIST_POSITION)
        return position;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfCampaign) campaign = g_list_model_get_item (G_LIST_MODEL (self->campaigns), i);

      if (g_strcmp0 (xf_campaign_get_status (campaign), "open") == 0
          && xf_evaluation_is_member (self->evaluation, xf_campaign_get_id (campaign), NULL))
        return i;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfCampaign) campaign = g_list_model_get_item (G_LIST_MODEL (self->campaigns), i);

      if (g_strcmp0 (xf_campaign_get_status (campaign), "open") == 0)
        return i;
    }
  return n > 0 ? 0 : GTK_INVALID_LIST_POSITION;
}

/* Reads the campaigns again, keeping the one shown when it is still
 * there, and then what the campaign shows. */
void
_xf_evaluation_page_load_campaigns (XfEvaluationPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) campaigns = xf_evaluation_list_campaigns (self->evaluation, 0, &error);
  guint position;

  g_signal_handlers_block_by_func (self->campaign_dropdown, campaign_selected_cb, self);
  if (campaigns != NULL)
    g_list_store_splice (self->campaigns, 0, g_list_model_get_n_items (G_LIST_MODEL (self->campaigns)),
                         campaigns->pdata, campaigns->len);
  else
    {
      g_warning ("Could not list the campaigns: %s", error->message);
      g_list_store_remove_all (self->campaigns);
    }
  position = _xf_evaluation_page_campaign_position (self, self->campaign_id);
  if (position == GTK_INVALID_LIST_POSITION)
    position = default_position (self);
  gtk_drop_down_set_selected (self->campaign_dropdown, position);
  g_signal_handlers_unblock_by_func (self->campaign_dropdown, campaign_selected_cb, self);

  campaign_changed (self);
  if (campaigns == NULL)
    {
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->nominations_stack, "error");
    }
}

/* The drop-down shows the title; its list adds the year's status. */
static void
setup_campaign_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  gboolean in_list = GPOINTER_TO_INT (user_data);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 32);
  gtk_box_append (GTK_BOX (box), title);
  if (in_list)
    {
      GtkWidget *status = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (status), 0);
      gtk_widget_add_css_class (status, "caption");
      gtk_widget_add_css_class (status, "dim-label");
      gtk_box_append (GTK_BOX (box), status);
    }
  gtk_list_item_set_child (list_item, box);
}

static void
bind_campaign_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  XfCampaign *campaign = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *status = gtk_widget_get_next_sibling (title);

  gtk_label_set_label (GTK_LABEL (title), xf_campaign_get_title (campaign));
  gtk_widget_set_tooltip_text (title, xf_campaign_get_title (campaign));
  if (status != NULL)
    {
      /* Translators: a campaign's year and its status, "2026 · Open" */
      g_autofree char *text = g_strdup_printf (_("%d · %s"), xf_campaign_get_year (campaign),
                                               xf_campaign_status_label (xf_campaign_get_status (campaign)));

      gtk_label_set_label (GTK_LABEL (status), text);
    }
}

static GtkListItemFactory *
campaign_factory_new (gboolean in_list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_campaign_cb), GINT_TO_POINTER (in_list));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_campaign_cb), NULL);
  return factory;
}

/*
 * Campaign actions (XF_OP_CAMPAIGN_MANAGE; core checks again)
 */

static void
campaign_saved_cb (XfEvaluationPage *self,
                   gint64            campaign_id)
{
  self->campaign_id = campaign_id;
  _xf_evaluation_page_load_campaigns (self);
}

static void
present_campaign_dialog (XfEvaluationPage *self,
                         XfCampaign       *campaign)
{
  GtkWidget *dialog = xf_campaign_dialog_new (self->evaluation, campaign);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), xf_widget_get_window (GTK_WIDGET (self)));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (campaign_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_campaign_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  present_campaign_dialog (XF_EVALUATION_PAGE (widget), NULL);
}

static void
edit_campaign_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XfEvaluationPage *self = XF_EVALUATION_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(XfCampaign) campaign = NULL;

  if (self->campaign_id == 0)
    return;
  /* With its committee, as stored now. */
  campaign = xf_evaluation_get_campaign (self->evaluation, self->campaign_id, &error);
  if (campaign == NULL)
    {
      _xf_evaluation_page_show_toast (self, error->message);
      return;
    }
  present_campaign_dialog (self, campaign);
}

static void
copy_campaign_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XfEvaluationPage *self = XF_EVALUATION_PAGE (widget);
  XfCampaign *campaign = _xf_evaluation_page_get_campaign (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(XfCampaign) copy = NULL;
  g_autoptr(XfCampaign) full = NULL;

  if (campaign == NULL)
    return;
  copy = xf_evaluation_copy_campaign (self->evaluation, xf_campaign_get_id (campaign),
                                      xf_campaign_get_year (campaign) + 1, &error);
  if (copy == NULL)
    {
      _xf_evaluation_page_show_toast (self, error->message);
      return;
    }
  self->campaign_id = xf_campaign_get_id (copy);
  _xf_evaluation_page_load_campaigns (self);
  /* The copy is a draft to look over: its dates, committee and quota. */
  full = xf_evaluation_get_campaign (self->evaluation, xf_campaign_get_id (copy), NULL);
  present_campaign_dialog (self, full != NULL ? full : copy);
}

static void
set_status (XfEvaluationPage *self,
            const char       *status,
            const char       *done_text)
{
  g_autoptr(GError) error = NULL;

  if (self->campaign_id == 0)
    return;
  if (!xf_evaluation_set_campaign_status (self->evaluation, self->campaign_id, status, &error))
    {
      _xf_evaluation_page_show_toast (self, error->message);
      return;
    }
  _xf_evaluation_page_load_campaigns (self);
  _xf_evaluation_page_show_toast (self, done_text);
}

static void
open_campaign_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_status (XF_EVALUATION_PAGE (widget), "open", _("The campaign takes nominations now"));
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   XfEvaluationPage *self)
{
  if (g_strcmp0 (response, "close") == 0)
    set_status (self, "closed", _("The campaign is closed"));
}

static void
close_campaign_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  XfEvaluationPage *self = XF_EVALUATION_PAGE (widget);
  XfCampaign *campaign = _xf_evaluation_page_get_campaign (self);
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  if (campaign == NULL)
    return;
  /* Translators: %s is a campaign's title */
  heading = g_strdup_printf (_("Close “%s”?"), xf_campaign_get_title (campaign));
  dialog = xf_confirm_dialog_new (widget, heading,
                                  _("A closed campaign takes no more nominations. Every nomination must have reached its end first."),
                                  _("_Cancel"), "close", _("C_lose campaign"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_xf_evaluation_page_init_campaigns (XfEvaluationPage *self)
{
  g_autoptr(GtkListItemFactory) button_factory = campaign_factory_new (FALSE);
  g_autoptr(GtkListItemFactory) list_factory = campaign_factory_new (TRUE);

  self->campaigns = g_list_store_new (XF_TYPE_CAMPAIGN);
  gtk_drop_down_set_factory (self->campaign_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->campaign_dropdown, list_factory);
  gtk_drop_down_set_model (self->campaign_dropdown, G_LIST_MODEL (self->campaigns));
}

void
_xf_evaluation_page_campaigns_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, campaign_selected_cb);
  gtk_widget_class_install_action (widget_class, "evaluation.new-campaign", NULL, new_campaign_action);
  gtk_widget_class_install_action (widget_class, "evaluation.edit-campaign", NULL, edit_campaign_action);
  gtk_widget_class_install_action (widget_class, "evaluation.copy-campaign", NULL, copy_campaign_action);
  gtk_widget_class_install_action (widget_class, "evaluation.open-campaign", NULL, open_campaign_action);
  gtk_widget_class_install_action (widget_class, "evaluation.close-campaign", NULL, close_campaign_action);
}
