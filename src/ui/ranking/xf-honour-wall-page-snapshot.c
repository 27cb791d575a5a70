/* xf-honour-wall-page-snapshot.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A month that has ended is ranked and frozen by whichever desk is signed
 * in: at sign-in (the page is made then) and as soon as the day changes,
 * as the services page expires requests.
 */

#define G_LOG_DOMAIN "xf-honour-wall-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-clock.h"
#include "xf-honour-wall-page-private.h"
#include "xf-window.h"

/* How often the page looks whether the day has changed. */
#define DAY_CHECK_INTERVAL_SECONDS 60

/* The news of a frozen month goes to the window, whichever page is shown
 * (at sign-in it is another one), with a button to the wall. */
void
_xf_honour_wall_page_show_pending_toast (XfHonourWallPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *toast;

  if (self->pending_toast == NULL || !XF_IS_WINDOW (root))
    return;
  toast = adw_toast_new (self->pending_toast);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_View"));
  adw_toast_set_action_name (toast, "win.show-page");
  adw_toast_set_action_target_value (toast, g_variant_new_string ("ranking"));
  xf_window_add_toast (XF_WINDOW (root), toast);
  g_clear_pointer (&self->pending_toast, g_free);
}

char *
xf_honour_wall_page_ensure_snapshot (XfHonourWallPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  char *month;

  g_return_val_if_fail (XF_IS_HONOUR_WALL_PAGE (self), NULL);

  if (self->ranking == NULL)
    return NULL;
  month = xf_ranking_ensure_previous_month (self->ranking, &error);
  if (month == NULL)
    {
      if (error != NULL)
        {
          g_free (self->pending_toast);
          /* Translators: %s says why (a database error) */
          self->pending_toast = g_strdup_printf (_("Could not rank last month: %s"), error->message);
          _xf_honour_wall_page_show_pending_toast (self);
        }
      return NULL;
    }
  label = _xf_honour_wall_month_label (month);
  g_free (self->pending_toast);
  /* Translators: %s is a month ("November 2026") */
  self->pending_toast = g_strdup_printf (_("Pioneers of the Month for %s are ready"), label);
  _xf_honour_wall_page_show_pending_toast (self);
  return month;
}

static gboolean
day_check_cb (gpointer user_data)
{
  XfHonourWallPage *self = user_data;
  g_autofree char *today = xf_clock_today_text ();

  if (g_strcmp0 (today, self->today) != 0)
    {
      g_autofree char *month = NULL;

      g_free (self->today);
      self->today = g_steal_pointer (&today);
      month = xf_honour_wall_page_ensure_snapshot (self);
    }
  return G_SOURCE_CONTINUE;
}

void
_xf_honour_wall_page_start_snapshots (XfHonourWallPage *self)
{
  g_autofree char *month = NULL;

  /* A read-only database is only read: another desk keeps it. */
  if (xf_store_is_read_only (xf_registry_get_store (self->registry)))
    return;

  self->today = xf_clock_today_text ();
  month = xf_honour_wall_page_ensure_snapshot (self);
  self->day_timer_id = g_timeout_add_seconds (DAY_CHECK_INTERVAL_SECONDS, day_check_cb, self);
}

void
_xf_honour_wall_page_stop_snapshots (XfHonourWallPage *self)
{
  g_clear_handle_id (&self->day_timer_id, g_source_remove);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->pending_toast, g_free);
}
