/* xf-repo.c — what every repository does the same way
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-repo"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-calendar.h"
#include "xf-clock.h"
#include "xf-error.h"
#include "xf-repo.h"

void
xf_repo_init (XfRepo     *repo,
              XfDb       *db,
              XfAccount  *actor,
              const char *savepoint)
{
  repo->db = g_object_ref (db);
  repo->actor = g_object_ref (actor);
  repo->stmts = xf_stmt_cache_new (db);
  repo->savepoint = savepoint;
  repo->nested = FALSE;
}

void
xf_repo_clear (XfRepo *repo)
{
  /* Statements go before the database they were prepared on. */
  g_clear_pointer (&repo->stmts, xf_stmt_cache_free);
  g_clear_object (&repo->db);
  g_clear_object (&repo->actor);
}

XfDbStmt *
xf_repo_prepare (XfRepo      *repo,
                 const char  *sql,
                 GError     **error)
{
  return xf_stmt_cache_prepare (repo->stmts, sql, error);
}

gboolean
xf_repo_begin (XfRepo  *repo,
               GError **error)
{
  return xf_db_begin_write (repo->db, repo->savepoint, &repo->nested, error);
}

gboolean
xf_repo_end (XfRepo   *repo,
             gboolean  ok,
             GError  **error)
{
  if (ok && xf_db_commit_write (repo->db, repo->savepoint, repo->nested, error))
    return TRUE;
  xf_db_rollback_write (repo->db, repo->savepoint, repo->nested);
  return FALSE;
}

gboolean
xf_repo_audit (XfRepo      *repo,
               const char  *action,
               const char  *record_type,
               const char  *record_uid,
               const char  *record_label,
               const char  *field,
               const char  *old_value,
               const char  *new_value,
               GError     **error)
{
  return xf_audit_append_change (repo->db, repo->actor, action, record_type, record_uid,
                                 record_label, field, old_value, new_value, error);
}

gboolean
xf_repo_audit_fields (XfRepo                  *repo,
                      const char              *record_type,
                      const char              *record_uid,
                      const char              *record_label,
                      const XfRepoFieldChange *fields,
                      guint                    n_fields,
                      GError                 **error)
{
  for (guint i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].before, fields[i].after) != 0
        && !xf_repo_audit (repo, XF_AUDIT_UPDATE, record_type, record_uid, record_label,
                           fields[i].field, fields[i].before, fields[i].after, error))
      return FALSE;
  return TRUE;
}

gboolean
xf_repo_check_somewhere (XfRepo      *repo,
                         XfOperation  op,
                         GError     **error)
{
  return xf_permission_check_somewhere (repo->actor, op, error);
}

gboolean
xf_repo_check_region (XfRepo      *repo,
                      XfOperation  op,
                      const char  *region_code,
                      GError     **error)
{
  XfTarget target = { region_code, NULL, NULL };

  if (region_code == NULL || *region_code == '\0')
    return xf_repo_check_somewhere (repo, op, error);
  return xf_permission_check (repo->actor, op, &target, error);
}

gboolean
xf_repo_allows_region (XfRepo      *repo,
                       XfOperation  op,
                       const char  *region_code)
{
  XfTarget target = { region_code, NULL, NULL };

  if (region_code == NULL || *region_code == '\0')
    return xf_permission_allows (repo->actor, op, NULL);
  return xf_permission_allows (repo->actor, op, &target);
}

gboolean
xf_repo_lock (XfRepo      *repo,
              const char  *table,
              gint64       id,
              GError     **error)
{
  return xf_stmt_cache_lock_row (repo->stmts, table, id, error);
}

gboolean
xf_repo_query_int64 (XfRepo      *repo,
                     const char  *sql,
                     gint64       param,
                     gint64      *value,
                     GError     **error)
{
  return xf_stmt_cache_query_int64 (repo->stmts, sql, param, value, error);
}

GPtrArray *
xf_repo_collect (XfRepo         *repo,
                 XfDbStmt       *stmt,
                 XfRepoRowFunc   from_row,
                 gpointer        user_data,
                 GDestroyNotify  free_func,
                 GError        **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (free_func);
  XfDbStep step;

  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    g_ptr_array_add (list, from_row (stmt, user_data));
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&list);
}

gpointer
xf_repo_fetch_one (XfRepo         *repo,
                   XfDbStmt       *stmt,
                   XfRepoRowFunc   from_row,
                   gpointer        user_data,
                   const char     *what,
                   gint64          id,
                   GError        **error)
{
  gpointer record = NULL;
  XfDbStep step;

  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    record = from_row (stmt, user_data);
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_DONE)
    /* Translators: the first %s is a kind of record ("Batch", "Plan"). */
    g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("%s %lld does not exist"),
                 what, (long long) id);
  return record;
}

gint64
xf_repo_now (void)
{
  g_autoptr(GDateTime) now = xf_clock_now_local ();

  return g_date_time_to_unix (now) * G_USEC_PER_SEC + g_date_time_get_microsecond (now);
}

char *
xf_repo_today (void)
{
  return xf_clock_today_text ();
}

const char *
xf_repo_actor_name (XfRepo *repo)
{
  return xf_account_get_record_name (repo->actor);
}

const char *
xf_repo_actor_login (XfRepo *repo)
{
  return xf_account_get_login (repo->actor);
}

char *
xf_repo_quote (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *start = NULL;

  /* A message quoting a whole pasted page is no help either. */
  if (g_utf8_strlen (valid, -1) <= 40)
    return g_steal_pointer (&valid);
  start = g_utf8_substring (valid, 0, 40);
  return g_strconcat (start, "…", NULL);
}

char *
xf_repo_check_text (const char  *field,
                    const char  *text,
                    gboolean     required,
                    guint        max_chars,
                    GError     **error)
{
  g_autofree char *trimmed = NULL;
  glong length;

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      /* Translators: %s is a field's name. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: not valid text"), field);
      return NULL;
    }
  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (required && *trimmed == '\0')
    {
      /* Translators: %s is a field's name. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: this is required"), field);
      return NULL;
    }
  length = g_utf8_strlen (trimmed, -1);
  if ((guint) length > max_chars)
    {
      /* Translators: a field's name, then two numbers of characters. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: at most %u characters, not %ld"),
                   field, max_chars, length);
      return NULL;
    }
  return g_steal_pointer (&trimmed);
}

gboolean
xf_repo_check_region_prefix (const char  *region_prefix,
                             GError     **error)
{
  g_autofree char *quoted = NULL;
  gsize length = region_prefix != NULL ? strlen (region_prefix) : 0;

  if (length == 0 || strspn (region_prefix, "0123456789") == length)
    return TRUE;
  quoted = xf_repo_quote (region_prefix);
  /* Translators: %s is what was given as a region code. */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Region: “%s” is not a region code"), quoted);
  return FALSE;
}

gboolean
xf_repo_check_date (const char  *field,
                    const char  *date,
                    gboolean     required,
                    GError     **error)
{
  GDate parsed;

  if (date == NULL || *date == '\0')
    {
      if (!required)
        return TRUE;
      /* Translators: %s is a field's name. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: this is required"), field);
      return FALSE;
    }
  if (!xf_date_parse (date, &parsed))
    {
      g_autofree char *quoted = xf_repo_quote (date);

      /* Translators: a field's name, then what was typed. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: “%s” is not a date (write it as 2026-03-02)"),
                   field, quoted);
      return FALSE;
    }
  return TRUE;
}

gboolean
xf_repo_check_date_range (const char  *field,
                          const char  *date,
                          const char  *earliest,
                          const char  *latest,
                          GError     **error)
{
  if (date == NULL || *date == '\0')
    return TRUE;
  if (earliest != NULL && *earliest != '\0' && strcmp (date, earliest) < 0)
    {
      /* Translators: a field's name, then two dates ("Date: 1800-12-01 is
       * before 1949-10-01"). */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: %s is before %s"), field, date, earliest);
      return FALSE;
    }
  if (latest != NULL && *latest != '\0' && strcmp (date, latest) > 0)
    {
      /* Translators: a field's name, then two dates. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: %s is after %s"), field, date, latest);
      return FALSE;
    }
  return TRUE;
}

void
xf_repo_bind_text_or_null (XfDbStmt   *stmt,
                           int         index,
                           const char *text)
{
  if (text == NULL || *text == '\0')
    xf_db_stmt_bind_null (stmt, index);
  else
    xf_db_stmt_bind_text (stmt, index, text);
}

void
xf_repo_bind_id_or_null (XfDbStmt *stmt,
                         int       index,
                         gint64    value)
{
  if (value <= 0)
    xf_db_stmt_bind_null (stmt, index);
  else
    xf_db_stmt_bind_int64 (stmt, index, value);
}
