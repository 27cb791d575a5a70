/* xf-committee-view-progress.c — the members' progress in the open round,
 * and the chair's reminders
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-committee-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-committee-view-private.h"
#include "xf-error.h"

/* "today at 14:05", or the date for an earlier day. */
static char *
format_reminded (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = NULL;

  if (local == NULL)
    return g_strdup ("");
  time = g_date_time_format (local, "%H:%M");
  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: when the chair last reminded a member, today */
    return g_strdup_printf (_("Last reminded today at %s"), time);
  else
    {
      g_autofree char *date = g_date_time_format (local, "%Y-%m-%d");

      /* Translators: when the chair last reminded a member: date, time */
      return g_strdup_printf (_("Last reminded on %s at %s"), date, time);
    }
}

static GtkWidget *
progress_row (XfCommitteeView        *self,
              const XfMemberProgress *progress)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *bar;
  guint to_vote = progress->assigned > progress->recused ? progress->assigned - progress->recused : 0;
  gboolean done = progress->voted >= to_vote;
  g_autofree char *counts = NULL;
  g_autofree char *reminded = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: a member's progress in a round, of the nominations assigned */
  counts = g_strdup_printf (_("Declared %u of %u · scored %u · voted %u"),
                            progress->declared, progress->assigned, progress->scored, progress->voted);
  if (progress->recused > 0)
    {
      g_autofree char *with_recused = NULL;

      /* Translators: appended to a member's progress: nominations the member is recused from */
      with_recused = g_strdup_printf (_("%s · recused from %u"), counts, progress->recused);
      g_free (counts);
      counts = g_steal_pointer (&with_recused);
    }
  reminded = progress->last_reminded_at > 0 ? format_reminded (progress->last_reminded_at)
                                            : g_strdup (_("Not reminded yet"));
  subtitle = g_strdup_printf ("%s\n%s", counts, reminded);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), progress->member_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  /* The share of the votes the member owes that are cast. */
  bar = gtk_level_bar_new_for_interval (0, MAX (to_vote, 1));
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), MIN (progress->voted, MAX (to_vote, 1)));
  gtk_widget_set_size_request (bar, 80, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);

  if (done)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_set_tooltip_text (icon, _("Has voted on every nomination"));
      gtk_widget_add_css_class (icon, "success");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  else if (self->is_chair)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Remind"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "committee.remind");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_int64 (progress->account_id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

void
_xf_committee_view_load_progress (XfCommitteeView *self)
{
  g_autoptr(GPtrArray) progress = NULL;
  g_autoptr(GError) error = NULL;
  gboolean pending = FALSE;

  _xf_committee_view_clear_list (self->progress_list);
  if (self->open_round == NULL)
    {
      gtk_widget_set_visible (self->open_round_button, self->is_chair);
      if (self->is_chair)
        adw_status_page_set_description (self->no_round_status,
                                         _("A round takes every nomination now in committee review."));
      else
        adw_status_page_set_description (self->no_round_status,
                                         _("The chair opens a round once nominations reach committee review."));
      gtk_stack_set_visible_child_name (self->progress_stack, "no-round");
      return;
    }

  /* The chair's (and a campaign manager's) to see: others get core's reason. */
  progress = xf_evaluation_get_round_progress (self->evaluation, self->open_round->id, &error);
  if (progress == NULL)
    {
      adw_status_page_set_description (self->progress_denied_status, error->message);
      gtk_stack_set_visible_child_name (self->progress_stack, "denied");
      return;
    }
  for (guint i = 0; i < progress->len; i++)
    {
      const XfMemberProgress *item = g_ptr_array_index (progress, i);

      gtk_list_box_append (self->progress_list, progress_row (self, item));
      if (item->voted + item->recused < item->assigned)
        pending = TRUE;
    }
  /* Once every member has voted on everything there is no one to remind. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "committee.remind-all", self->is_chair && pending);
  gtk_stack_set_visible_child_name (self->progress_stack, "list");
}

static void
remind (XfCommitteeView *self,
        gint64           account_id)
{
  g_autoptr(GError) error = NULL;

  if (self->open_round == NULL)
    return;
  if (!xf_evaluation_remind (self->evaluation, self->open_round->id, account_id, &error))
    {
      _xf_committee_view_show_error (self, error);
      return;
    }
  _xf_committee_view_show_error (self, NULL);
  _xf_committee_view_show_toast (self, account_id != 0 ? _("Reminder sent")
                                                       : _("Reminders sent"));
  _xf_committee_view_load_progress (self);
}

void
_xf_committee_view_remind_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  gint64 account_id = g_variant_get_int64 (parameter);

  /* 0 would remind everyone: that is "Remind All". */
  if (account_id != 0)
    remind (XF_COMMITTEE_VIEW (widget), account_id);
}

void
_xf_committee_view_remind_all_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  remind (XF_COMMITTEE_VIEW (widget), 0);
}
