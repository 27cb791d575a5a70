/* xf-portal-notices.c — the public notices and objections from the public
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-portal"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-calendar.h"
#include "xf-clock.h"
#include "xf-db.h"
#include "xf-error.h"
#include "xf-portal-private.h"

/*
 * The public sees published notices and, for 30 days after their period,
 * closed ones (and published ones the office has not closed yet); never a
 * draft or a withdrawn notice. Of a notice it gets what was printed: the
 * title, preamble, period, the office's contacts and the candidates'
 * lines (without gender). Who published or closed it, how many objections
 * it drew and the candidates' stages are the office's business and are
 * cleared here.
 *
 * An objection goes through xf_notice_board_record_objection () as the
 * public actor, channel "portal", received today, and its file through
 * xf_notice_board_add_file (), both in one transaction of this file's.
 */

#define RECENT_DAYS 30

static gboolean
is_public_status (const char *status)
{
  return g_strcmp0 (status, XF_NOTICE_PUBLISHED) == 0 || g_strcmp0 (status, XF_NOTICE_CLOSED) == 0;
}

/* Clears what the office keeps to itself. */
static void
strip_notice (XfNotice *notice)
{
  g_clear_pointer (&notice->published_by, g_free);
  g_clear_pointer (&notice->closed_by, g_free);
  g_clear_pointer (&notice->withdrawn_reason, g_free);
  notice->n_objections = 0;
  notice->n_open_objections = 0;
  for (guint i = 0; notice->candidates != NULL && i < notice->candidates->len; i++)
    {
      XfNoticeCandidate *candidate = g_ptr_array_index (notice->candidates, i);

      g_clear_pointer (&candidate->stage, g_free);
      candidate->open_objections = 0;
      /* The page shows no gender, as the card does not. */
      g_free (candidate->gender);
      candidate->gender = g_strdup ("");
    }
}

/* Today minus RECENT_DAYS, "YYYY-MM-DD". */
static char *
recent_limit (void)
{
  GDate day;
  char buffer[16];

  xf_clock_today (&day);
  g_date_subtract_days (&day, RECENT_DAYS);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &day);
  return g_strdup (buffer);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const XfNotice *x = *(XfNotice * const *) a;
  const XfNotice *y = *(XfNotice * const *) b;
  int order = g_strcmp0 (y->published_on, x->published_on);

  if (order != 0)
    return order;
  return x->id < y->id ? 1 : (x->id > y->id ? -1 : 0);
}

GPtrArray *
xf_portal_list_notices (XfPortal  *self,
                        GError   **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_notice_free);
  g_autofree char *limit = recent_limit ();
  XfNoticeQuery query = { 0, NULL, NULL };

  g_return_val_if_fail (XF_IS_PORTAL (self), NULL);

  all = xf_notice_board_list_notices (self->notices, &query, error);
  if (all == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      XfNotice *notice = g_ptr_array_index (all, i);

      if (!is_public_status (notice->status) || notice->ends_on == NULL
          || strcmp (notice->ends_on, limit) < 0)
        continue;
      g_ptr_array_add (shown, g_ptr_array_steal_index_fast (all, i));
      i--;
    }
  g_ptr_array_sort (shown, compare_newest_first);
  for (guint i = 0; i < shown->len; i++)
    strip_notice (g_ptr_array_index (shown, i));
  return g_steal_pointer (&shown);
}

static void
set_no_notice (GError **error,
               gint64   notice_id)
{
  /* Translators: %lld is a notice's number. */
  g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("Notice: there is no public notice number %lld"),
               (long long) notice_id);
}

XfNotice *
xf_portal_get_notice (XfPortal  *self,
                      gint64     notice_id,
                      GError   **error)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (XF_IS_PORTAL (self), NULL);

  if (notice_id > 0)
    notice = xf_notice_board_get_notice (self->notices, notice_id, &local_error);
  if (local_error != NULL && !g_error_matches (local_error, XF_ERROR, XF_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (notice == NULL || !is_public_status (notice->status))
    {
      set_no_notice (error, notice_id);
      return NULL;
    }
  strip_notice (notice);
  return g_steal_pointer (&notice);
}

gboolean
xf_portal_notice_is_open (const XfNotice *notice)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (notice != NULL, FALSE);

  if (g_strcmp0 (notice->status, XF_NOTICE_PUBLISHED) != 0
      || notice->published_on == NULL || notice->ends_on == NULL)
    return FALSE;
  today = xf_clock_today_text ();
  return strcmp (today, notice->published_on) >= 0 && strcmp (today, notice->ends_on) <= 0;
}

/* "type/subtype" of letters, digits and . + - only, else a neutral type:
 * the desk opens the file by its type. */
static const char *
safe_content_type (const char *type)
{
  const char *slash;

  if (type == NULL || *type == '\0' || strlen (type) > 100)
    return "application/octet-stream";
  slash = strchr (type, '/');
  if (slash == NULL || slash == type || slash[1] == '\0' || strchr (slash + 1, '/') != NULL)
    return "application/octet-stream";
  for (const char *p = type; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/.+-", *p) == NULL)
      return "application/octet-stream";
  return type;
}

/* The notice takes objections to the candidate now: checked here so that
 * the public hears it in its own words (the board checks again). */
static gboolean
check_open_for (XfPortal                 *self,
                const XfPortalObjection  *input,
                GError                  **error)
{
  g_autoptr(XfNotice) notice = xf_portal_get_notice (self, input->notice_id, error);
  gboolean on_notice = FALSE;

  if (notice == NULL)
    return FALSE;
  if (!xf_portal_notice_is_open (notice))
    {
      /* Translators: a notice's title, then a date YYYY-MM-DD. */
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   _("Notice: “%s” no longer takes objections; its period ended on %s"),
                   notice->title, notice->ends_on != NULL ? notice->ends_on : "");
      return FALSE;
    }
  for (guint i = 0; i < notice->candidates->len; i++)
    {
      XfNoticeCandidate *candidate = g_ptr_array_index (notice->candidates, i);

      if (candidate->nomination_id == input->nomination_id && input->nomination_id > 0)
        on_notice = TRUE;
    }
  if (!on_notice)
    {
      /* Translators: %s is a notice's title. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Candidate: choose one of the candidates on the notice “%s”"), notice->title);
      return FALSE;
    }
  return TRUE;
}

static char *
public_reference (const char *uid)
{
  g_autofree char *start = g_strndup (uid != NULL ? uid : "", 8);

  return g_ascii_strup (start, -1);
}

char *
xf_portal_submit_objection (XfPortal                 *self,
                            const XfPortalObjection  *input,
                            GError                  **error)
{
  g_autoptr(XfObjection) objection = xf_objection_new ();
  g_autoptr(XfObjection) stored = NULL;
  gboolean nested = FALSE;
  XfDb *db;
  gint64 id;

  g_return_val_if_fail (XF_IS_PORTAL (self), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  if (!check_open_for (self, input, error))
    return NULL;

  objection->notice_id = input->notice_id;
  objection->nomination_id = input->nomination_id;
  objection->channel = g_strdup (XF_OBJECTION_CHANNEL_PORTAL);
  objection->anonymous = input->anonymous;
  objection->objector_name = input->anonymous ? NULL : g_strdup (input->name);
  objection->objector_contact = g_strdup (input->contact);
  objection->grounds = g_strdup (input->grounds);
  objection->handling_days = 0;

  /* The objection and its file, all or nothing. */
  db = xf_store_get_db (self->store);
  if (!xf_db_begin_write (db, "xf_portal_objection", &nested, error))
    return NULL;
  id = xf_notice_board_record_objection (self->notices, objection, error);
  if (id == 0)
    goto failed;
  if (input->file != NULL
      && !xf_notice_board_add_file (self->notices, id, input->file_name,
                                    safe_content_type (input->file_type), input->file, error))
    goto failed;
  if (!xf_db_commit_write (db, "xf_portal_objection", nested, error))
    return NULL;

  stored = xf_notice_board_get_objection (self->notices, id, error);
  if (stored == NULL)
    return NULL;
  return public_reference (stored->uid);

failed:
  xf_db_rollback_write (db, "xf_portal_objection", nested);
  return NULL;
}
