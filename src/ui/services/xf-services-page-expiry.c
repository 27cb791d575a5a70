/* xf-services-page-expiry.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Requests nobody took before their needed-by date expire: a duty of time,
 * done by whichever desk is signed in, as the notice board closes the
 * notices whose period has ended — at sign-in, every five minutes and as
 * soon as the day changes.
 */

#define G_LOG_DOMAIN "xf-services-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-clock.h"
#include "xf-services-page-private.h"

/* How often the page looks for requests past their needed-by date. */
#define EXPIRE_DUE_INTERVAL_SECONDS (5 * 60)
/* How often it looks whether the day has changed. */
#define DAY_CHECK_INTERVAL_SECONDS 60

int
xf_services_page_expire_due (XfServicesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int n;

  g_return_val_if_fail (XF_IS_SERVICES_PAGE (self), -1);

  if (self->services == NULL)
    return 0;
  n = xf_services_expire_due (self->services, &error);
  if (n < 0)
    {
      /* Translators: %s says why (a database error) */
      text = g_strdup_printf (_("Could not expire the requests past their date: %s"), error->message);
      _xf_services_page_show_toast (self, text);
      return -1;
    }
  if (n > 0)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%d request expired: nobody took it before it was needed",
                                           "%d requests expired: nobody took them before they were needed",
                                           n), n);
      _xf_services_page_show_toast (self, text);
    }
  return n;
}

static gboolean
expire_due_cb (gpointer user_data)
{
  xf_services_page_expire_due (user_data);
  return G_SOURCE_CONTINUE;
}

/* A new day may pass needed-by dates: expire at once rather than within
 * five minutes. */
static gboolean
day_check_cb (gpointer user_data)
{
  XfServicesPage *self = user_data;
  g_autofree char *today = xf_clock_today_text ();

  if (g_strcmp0 (today, self->today) != 0)
    {
      g_free (self->today);
      self->today = g_steal_pointer (&today);
      xf_services_page_expire_due (self);
    }
  return G_SOURCE_CONTINUE;
}

void
_xf_services_page_start_expiry (XfServicesPage *self)
{
  /* A read-only database is only read: another desk keeps it. */
  if (xf_store_is_read_only (xf_registry_get_store (self->registry)))
    return;

  /* Dates that passed while no one was looking expire at sign-in. */
  self->today = xf_clock_today_text ();
  xf_services_page_expire_due (self);
  self->expire_timer_id = g_timeout_add_seconds (EXPIRE_DUE_INTERVAL_SECONDS, expire_due_cb, self);
  self->day_timer_id = g_timeout_add_seconds (DAY_CHECK_INTERVAL_SECONDS, day_check_cb, self);
}

void
_xf_services_page_stop_expiry (XfServicesPage *self)
{
  g_clear_handle_id (&self->expire_timer_id, g_source_remove);
  g_clear_handle_id (&self->day_timer_id, g_source_remove);
  g_clear_pointer (&self->today, g_free);
}

