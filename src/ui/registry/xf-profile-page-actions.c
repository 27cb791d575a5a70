/* xf-profile-page-actions.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The profile page's actions that change the file: archive and restore
 * (with Undo), add and remove honours. Each asks core, then reloads.
 * Recommending a pioneer and sharing the card count for the pioneer index.
 */

#define G_LOG_DOMAIN "xf-profile-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-clock.h"
#include "xf-honour-dialog.h"
#include "xf-pioneer-fields.h"
#include "xf-profile-page-private.h"
#include "xf-ranking.h"
#include "xf-service.h"
#include "xf-ui-util.h"

/*
 * Archive and restore
 */

static gboolean
restore (XfProfilePage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->pioneer == NULL || self->read_only)
    return FALSE;
  if (!xf_registry_restore_pioneer (self->registry, self->pioneer, &error))
    {
      _xf_profile_page_show_toast (self, error->message);
      return FALSE;
    }
  _xf_profile_page_reload (self);
  return TRUE;
}

static void
undo_archive_cb (XfProfilePage *self)
{
  if (restore (self))
    _xf_profile_page_show_toast (self, _("File restored"));
}

static void
archive_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     XfProfilePage    *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (self->pioneer == NULL)
    return;
  if (!xf_registry_archive_pioneer (self->registry, self->pioneer, reason, &error))
    {
      _xf_profile_page_show_toast (self, error->message);
      return;
    }
  _xf_profile_page_reload (self);

  toast = adw_toast_new (_("File archived"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_archive_cb), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "archive", *reason != '\0');
}

void
_xf_profile_page_archive_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  XfProfilePage *self = XF_PROFILE_PAGE (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->pioneer == NULL || self->read_only)
    return;

  dialog = xf_confirm_dialog_new (widget, _("Archive file?"), NULL,
                                  _("_Cancel"), "archive", _("_Archive"));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The file of %s leaves the active registry but is kept "
                                    "with its history. It can be restored later."),
                                  xf_pioneer_get_name (self->pioneer));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for archiving"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  /* Enter archives once a reason is typed; until then there is nothing to confirm. */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "archive", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "archive");
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect_object (dialog, "response::archive", G_CALLBACK (archive_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

void
_xf_profile_page_restore_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  XfProfilePage *self = XF_PROFILE_PAGE (widget);

  if (restore (self))
    _xf_profile_page_show_toast (self, _("File restored"));
}

/*
 * Honours
 */

static void
honour_added_cb (XfProfilePage *self)
{
  _xf_profile_page_reload (self);
  _xf_profile_page_show_toast (self, _("Honour added"));
}

void
_xf_profile_page_add_honour_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  XfProfilePage *self = XF_PROFILE_PAGE (widget);
  GtkWidget *dialog;

  if (self->pioneer == NULL || self->read_only)
    return;
  dialog = xf_honour_dialog_new (self->registry, self->pioneer_id);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), xf_widget_get_window (widget));
  g_signal_connect_object (dialog, "added", G_CALLBACK (honour_added_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_honour_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           XfProfilePage    *self)
{
  gint64 honour_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "honour-id");
  g_autoptr(GError) error = NULL;

  if (!xf_registry_remove_honour (self->registry, honour_id, &error))
    {
      _xf_profile_page_show_toast (self, error->message);
      return;
    }
  _xf_profile_page_reload (self);
  _xf_profile_page_show_toast (self, _("Honour removed"));
}

static XfHonour *
find_honour (XfProfilePage *self,
             gint64         honour_id)
{
  guint n = self->honours ? g_list_model_get_n_items (self->honours) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfHonour) honour = g_list_model_get_item (self->honours, i);

      if (xf_honour_get_id (honour) == honour_id)
        return g_steal_pointer (&honour);
    }
  return NULL;
}

void
_xf_profile_page_remove_honour_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param)
{
  XfProfilePage *self = XF_PROFILE_PAGE (widget);
  gint64 honour_id = g_variant_get_int64 (param);
  g_autoptr(XfHonour) honour = find_honour (self, honour_id);
  g_autofree char *title = NULL;
  GtkWidget *dialog;

  if (honour == NULL || self->read_only)
    return;

  title = xf_honour_title_display (xf_honour_get_title (honour));
  dialog = xf_confirm_dialog_new (widget, _("Remove honour?"), NULL,
                                  _("_Cancel"), "remove", _("_Remove"));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” (%d) will be removed from this file and the tier "
                                    "worked out again."),
                                  title, xf_honour_get_year (honour));
  g_object_set_data_full (G_OBJECT (dialog), "honour-id",
                          g_memdup2 (&honour_id, sizeof honour_id), g_free);
  g_signal_connect_object (dialog, "response::remove", G_CALLBACK (remove_honour_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * Engagement: recommendations and shares count for the pioneer index
 */

/* Records @kind for the pioneer shown, once a day per account: the
 * source id names the pioneer, the account and the day, so a repeat
 * stores nothing. The visitor is the account's login. */
static gboolean
record_engagement (XfProfilePage  *self,
                   const char     *kind,
                   const char     *prefix,
                   GError        **error)
{
  g_autoptr(XfRanking) ranking = NULL;
  g_autofree char *today = xf_clock_today_text ();
  g_autofree char *source_id = NULL;
  XfAccount *actor = xf_registry_get_actor (self->registry);
  const char *login = actor != NULL ? xf_account_get_login (actor) : "";

  ranking = xf_ranking_new (self->registry);
  source_id = g_strdup_printf ("%s:%s:%s:%s", prefix, xf_pioneer_get_uid (self->pioneer), login, today);
  return xf_ranking_record_event (ranking, self->pioneer_id, kind, "app", source_id, login, 0, 1, error);
}

void
_xf_profile_page_recommend_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  XfProfilePage *self = XF_PROFILE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->pioneer == NULL || self->read_only)
    return;
  if (!record_engagement (self, XF_ENGAGEMENT_RECOMMENDED, "recommend", &error))
    {
      _xf_profile_page_show_toast (self, error->message);
      return;
    }
  /* Translators: %s is the pioneer's name; a repeat the same day stores
   * nothing, so the toast says so rather than seem to count twice */
  text = g_strdup_printf (_("You recommended %s (counts once a day)"), xf_pioneer_get_name (self->pioneer));
  _xf_profile_page_show_toast (self, text);
}

void
_xf_profile_page_record_share (XfProfilePage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->pioneer == NULL || self->read_only)
    return;
  if (!record_engagement (self, XF_ENGAGEMENT_CARD_SHARED, "share", &error))
    g_debug ("Could not record the card's share: %s", error->message);
}
