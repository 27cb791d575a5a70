/* xf-db.c — the one door to the database, in front of its drivers
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-db"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-db-private.h"
#include "xf-error.h"

G_DEFINE_FINAL_TYPE (XfDb, xf_db, G_TYPE_OBJECT)

static void
xf_db_finalize (GObject *object)
{
  XfDb *self = (XfDb *) object;

  if (self->driver != NULL && self->conn != NULL)
    self->driver->close (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (xf_db_parent_class)->finalize (object);
}

static void
xf_db_class_init (XfDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xf_db_finalize;
}

static void
xf_db_init (XfDb *self)
{
}

/**
 * xf_db_open:
 * @path: a file path or ":memory:" (SQLite), or a postgresql:// URL
 *
 * Opens (and with default flags creates, for SQLite) a database.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
XfDb *
xf_db_open (const char     *path,
            XfDbOpenFlags   flags,
            GError        **error)
{
  g_autoptr(XfDb) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (XF_TYPE_DB, NULL);
  self->path = g_strdup (path);
  self->display_name = xf_db_location_strip_password (path);
  self->driver = xf_db_location_is_url (path) ? &_xf_db_pg_driver : &_xf_db_sqlite_driver;
  if (!self->driver->open (self, path, flags, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
xf_db_get_path (XfDb *self)
{
  g_return_val_if_fail (XF_IS_DB (self), NULL);
  return self->path;
}

const char *
xf_db_get_display_name (XfDb *self)
{
  g_return_val_if_fail (XF_IS_DB (self), NULL);
  return self->display_name;
}

XfDbBackend
xf_db_get_backend (XfDb *self)
{
  g_return_val_if_fail (XF_IS_DB (self), XF_DB_BACKEND_SQLITE);
  return self->driver->backend;
}

gboolean
xf_db_is_read_only (XfDb *self)
{
  g_return_val_if_fail (XF_IS_DB (self), TRUE);
  return self->read_only;
}

gboolean
xf_db_exec (XfDb        *self,
            const char  *sql,
            GError     **error)
{
  g_return_val_if_fail (XF_IS_DB (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);
  return self->driver->exec (self, sql, error);
}

/**
 * xf_db_prepare:
 *
 * Returns: (transfer full): a statement to free with xf_db_stmt_free(), or %NULL
 */
XfDbStmt *
xf_db_prepare (XfDb        *self,
               const char  *sql,
               GError     **error)
{
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_DB (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = self->driver->prepare (self, sql, error);
  if (stmt != NULL)
    stmt->db = g_object_ref (self);
  return stmt;
}

gint64
xf_db_last_insert_id (XfDb *self)
{
  g_return_val_if_fail (XF_IS_DB (self), 0);
  return self->driver->last_insert_id (self);
}

int
xf_db_changes (XfDb *self)
{
  g_return_val_if_fail (XF_IS_DB (self), 0);
  return self->driver->changes (self);
}

gboolean
xf_db_begin (XfDb    *self,
             GError **error)
{
  g_return_val_if_fail (XF_IS_DB (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (self->read_only)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_READ_ONLY,
                   _("The database “%s” is read-only; changes cannot be saved"),
                   self->display_name);
      return FALSE;
    }
  if (!self->driver->exec (self, self->driver->begin_sql, error))
    return FALSE;
  self->in_transaction = TRUE;
  self->transaction_serial++;
  return TRUE;
}

gboolean
xf_db_commit (XfDb    *self,
              GError **error)
{
  g_return_val_if_fail (XF_IS_DB (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!self->driver->exec (self, "COMMIT", error))
    {
      xf_db_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  return TRUE;
}

void
xf_db_rollback (XfDb *self)
{
  g_return_if_fail (XF_IS_DB (self));

  if (!self->in_transaction)
    return;
  /* A lost connection has lost the transaction with it: nothing to undo. */
  self->driver->exec (self, "ROLLBACK", NULL);
  self->in_transaction = FALSE;
}

gboolean
xf_db_in_transaction (XfDb *self)
{
  g_return_val_if_fail (XF_IS_DB (self), FALSE);
  return self->in_transaction;
}

gboolean
xf_db_begin_write (XfDb        *self,
                   const char  *savepoint,
                   gboolean    *nested,
                   GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (XF_IS_DB (self), FALSE);
  g_return_val_if_fail (savepoint != NULL && nested != NULL, FALSE);

  *nested = self->in_transaction;
  if (!*nested)
    return xf_db_begin (self, error);
  sql = g_strdup_printf ("SAVEPOINT %s", savepoint);
  return xf_db_exec (self, sql, error);
}

gboolean
xf_db_commit_write (XfDb        *self,
                    const char  *savepoint,
                    gboolean     nested,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (XF_IS_DB (self), FALSE);
  g_return_val_if_fail (savepoint != NULL, FALSE);

  if (!nested)
    return xf_db_commit (self, error);
  sql = g_strdup_printf ("RELEASE %s", savepoint);
  if (xf_db_exec (self, sql, error))
    return TRUE;
  xf_db_rollback_write (self, savepoint, nested);
  return FALSE;
}

void
xf_db_rollback_write (XfDb       *self,
                      const char *savepoint,
                      gboolean    nested)
{
  g_autofree char *rollback = NULL;
  g_autofree char *release = NULL;

  g_return_if_fail (XF_IS_DB (self));
  g_return_if_fail (savepoint != NULL);

  if (!nested)
    {
      xf_db_rollback (self);
      return;
    }
  /* Undo the write, and leave the caller's transaction as it was. */
  rollback = g_strdup_printf ("ROLLBACK TO %s", savepoint);
  release = g_strdup_printf ("RELEASE %s", savepoint);
  xf_db_exec (self, rollback, NULL);
  xf_db_exec (self, release, NULL);
}

guint64
xf_db_get_transaction_serial (XfDb *self)
{
  g_return_val_if_fail (XF_IS_DB (self), 0);
  return self->transaction_serial;
}

/* Runs a one-value query; returns @fallback when it yields no row or fails. */
gint64
xf_db_query_int64 (XfDb        *self,
                   const char  *sql,
                   gint64       fallback,
                   GError     **error)
{
  g_autoptr(XfDbStmt) stmt = NULL;
  XfDbStep step;

  stmt = xf_db_prepare (self, sql, error);
  if (stmt == NULL)
    return fallback;
  step = xf_db_stmt_step (stmt, error);
  if (step != XF_DB_STEP_ROW)
    return fallback;
  return xf_db_stmt_column_int64 (stmt, 0);
}

gboolean
_xf_db_query_exists (XfDb       *db,
                     const char *sql,
                     const char *param)
{
  g_autoptr(XfDbStmt) stmt = xf_db_prepare (db, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, param);
  return xf_db_stmt_step (stmt, NULL) == XF_DB_STEP_ROW && xf_db_stmt_column_int64 (stmt, 0) > 0;
}

int
xf_db_get_schema_version (XfDb    *self,
                          GError **error)
{
  g_return_val_if_fail (XF_IS_DB (self), -1);
  return self->driver->get_schema_version (self, error);
}

gboolean
xf_db_set_schema_version (XfDb    *self,
                          int      version,
                          GError **error)
{
  g_return_val_if_fail (XF_IS_DB (self), FALSE);
  return self->driver->set_schema_version (self, version, error);
}

gint64
xf_db_count_tables (XfDb    *self,
                    GError **error)
{
  g_return_val_if_fail (XF_IS_DB (self), -1);
  return self->driver->count_tables (self, error);
}

gboolean
xf_db_has_table (XfDb       *self,
                 const char *table)
{
  g_return_val_if_fail (XF_IS_DB (self), FALSE);
  return self->driver->has_table (self, table);
}

gboolean
xf_db_watch_changes (XfDb    *self,
                     GError **error)
{
  g_return_val_if_fail (XF_IS_DB (self), FALSE);
  if (!self->driver->watch_changes (self, error))
    return FALSE;
  self->watching = TRUE;
  return TRUE;
}

gboolean
xf_db_poll_changes (XfDb    *self,
                    GError **error)
{
  g_return_val_if_fail (XF_IS_DB (self), FALSE);
  return self->driver->poll_changes (self, error);
}

int
xf_db_get_socket (XfDb *self)
{
  g_return_val_if_fail (XF_IS_DB (self), -1);
  return self->driver->get_socket (self);
}

gboolean
xf_db_is_online (XfDb *self)
{
  g_return_val_if_fail (XF_IS_DB (self), FALSE);
  return self->driver->is_online (self);
}

gboolean
xf_db_reconnect (XfDb    *self,
                 GError **error)
{
  g_return_val_if_fail (XF_IS_DB (self), FALSE);
  if (!self->driver->reconnect (self, error))
    return FALSE;
  self->in_transaction = FALSE;
  return TRUE;
}

XfDbBulk *
xf_db_bulk_begin (XfDb               *self,
                  const char         *table,
                  const char * const *columns,
                  GError            **error)
{
  XfDbBulk *bulk;

  g_return_val_if_fail (XF_IS_DB (self), NULL);
  g_return_val_if_fail (table != NULL && columns != NULL && columns[0] != NULL, NULL);

  bulk = self->driver->bulk_begin (self, table, columns, error);
  if (bulk != NULL)
    {
      bulk->db = g_object_ref (self);
      bulk->n_columns = g_strv_length ((char **) columns);
    }
  return bulk;
}

gboolean
xf_db_bulk_add (XfDbBulk           *bulk,
                const char * const *values,
                GError            **error)
{
  g_return_val_if_fail (bulk != NULL && values != NULL, FALSE);
  return bulk->db->driver->bulk_add (bulk, values, error);
}

gboolean
xf_db_bulk_end (XfDbBulk  *bulk,
                GError   **error)
{
  g_autoptr(XfDb) db = NULL;

  g_return_val_if_fail (bulk != NULL, FALSE);
  db = bulk->db;
  return db->driver->bulk_end (bulk, error);
}

/*
 * Statements
 */

void
xf_db_stmt_free (XfDbStmt *stmt)
{
  g_autoptr(XfDb) db = NULL;

  if (stmt == NULL)
    return;
  db = stmt->db;
  db->driver->stmt_free (stmt);
}

void
xf_db_stmt_reset (XfDbStmt *stmt)
{
  g_return_if_fail (stmt != NULL);
  stmt->db->driver->stmt_reset (stmt);
}

void
xf_db_stmt_bind_int64 (XfDbStmt *stmt,
                       int       param,
                       gint64    value)
{
  g_return_if_fail (stmt != NULL && param > 0);
  stmt->db->driver->bind_int64 (stmt, param, value);
}

void
xf_db_stmt_bind_double (XfDbStmt *stmt,
                        int       param,
                        double    value)
{
  g_return_if_fail (stmt != NULL && param > 0);
  stmt->db->driver->bind_double (stmt, param, value);
}

void
xf_db_stmt_bind_text (XfDbStmt   *stmt,
                      int         param,
                      const char *value)
{
  g_return_if_fail (stmt != NULL && param > 0);
  if (value == NULL)
    stmt->db->driver->bind_null (stmt, param);
  else
    stmt->db->driver->bind_text (stmt, param, value);
}

void
xf_db_stmt_bind_null (XfDbStmt *stmt,
                      int       param)
{
  g_return_if_fail (stmt != NULL && param > 0);
  stmt->db->driver->bind_null (stmt, param);
}

XfDbStep
xf_db_stmt_step (XfDbStmt  *stmt,
                 GError   **error)
{
  g_return_val_if_fail (stmt != NULL, XF_DB_STEP_ERROR);
  return stmt->db->driver->step (stmt, error);
}

gboolean
xf_db_stmt_run (XfDbStmt  *stmt,
                GError   **error)
{
  if (xf_db_stmt_step (stmt, error) == XF_DB_STEP_ERROR)
    return FALSE;
  xf_db_stmt_reset (stmt);
  return TRUE;
}

gint64
xf_db_stmt_column_int64 (XfDbStmt *stmt,
                         int       column)
{
  g_return_val_if_fail (stmt != NULL, 0);
  return stmt->db->driver->column_int64 (stmt, column);
}

double
xf_db_stmt_column_double (XfDbStmt *stmt,
                          int       column)
{
  g_return_val_if_fail (stmt != NULL, 0.0);
  return stmt->db->driver->column_double (stmt, column);
}

const char *
xf_db_stmt_column_text (XfDbStmt *stmt,
                        int       column)
{
  g_return_val_if_fail (stmt != NULL, NULL);
  return stmt->db->driver->column_text (stmt, column);
}

char *
xf_db_stmt_dup_text (XfDbStmt *stmt,
                     int       column)
{
  return g_strdup (xf_db_stmt_column_text (stmt, column));
}

gboolean
xf_db_stmt_column_is_null (XfDbStmt *stmt,
                           int       column)
{
  g_return_val_if_fail (stmt != NULL, TRUE);
  return stmt->db->driver->column_is_null (stmt, column);
}

int
xf_db_stmt_column_count (XfDbStmt *stmt)
{
  g_return_val_if_fail (stmt != NULL, 0);
  return stmt->db->driver->column_count (stmt);
}

const char *
xf_db_stmt_column_name (XfDbStmt *stmt,
                        int       column)
{
  g_return_val_if_fail (stmt != NULL, NULL);
  return stmt->db->driver->column_name (stmt, column);
}

void
xf_db_set_trace (XfDb          *self,
                 XfDbTraceFunc  func,
                 gpointer       user_data)
{
  g_return_if_fail (XF_IS_DB (self));
  self->trace = func;
  self->trace_data = user_data;
}

/*
 * Locations
 */

gboolean
xf_db_location_is_url (const char *location)
{
  return location != NULL &&
         (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"));
}

/* Finds the user-info part of a URL's authority: [start, end) before the '@'. */
static gboolean
find_userinfo (const char  *location,
               const char **start,
               const char **end)
{
  const char *authority = strstr (location, "://");
  const char *authority_end;
  const char *at = NULL;

  if (authority == NULL)
    return FALSE;
  authority += 3;
  authority_end = authority + strcspn (authority, "/?#");
  for (const char *p = authority; p < authority_end; p++)
    if (*p == '@')
      at = p;
  *start = authority;
  *end = at;
  return TRUE;
}

/* libpq also takes the password as a query parameter
 * ("…/db?password=secret&sslmode=require"): drop that one. */
static void
strip_query_password (GString *url)
{
  char *query = strchr (url->str, '?');
  char *param;

  if (query == NULL)
    return;
  param = query + 1;
  while (*param != '\0')
    {
      char *next = strchr (param, '&');
      gsize len = next != NULL ? (gsize) (next - param) : strlen (param);

      if (g_str_has_prefix (param, "password="))
        {
          gsize at = param - url->str;

          /* The parameter with its '&' after it, or with the separator
           * before it when it is the last one. */
          if (next != NULL)
            g_string_erase (url, at, len + 1);
          else
            g_string_erase (url, at - 1, len + 1);
          query = strchr (url->str, '?');
          if (query == NULL)
            return;
          param = url->str + MIN (at, url->len);
          continue;
        }
      param = next != NULL ? next + 1 : param + len;
    }
}

char *
xf_db_location_strip_password (const char *location)
{
  const char *start, *end, *colon;
  GString *stripped;

  g_return_val_if_fail (location != NULL, NULL);

  if (!xf_db_location_is_url (location))
    return g_strdup (location);
  stripped = g_string_new (location);
  if (find_userinfo (location, &start, &end) && end != NULL &&
      (colon = memchr (start, ':', end - start)) != NULL)
    {
      g_string_truncate (stripped, colon - location);
      g_string_append (stripped, end);
    }
  strip_query_password (stripped);
  return g_string_free (stripped, FALSE);
}

char *
xf_db_location_with_password (const char *location,
                              const char *password)
{
  g_autofree char *stripped = NULL;
  g_autofree char *escaped = NULL;
  const char *start, *end;
  GString *url;

  g_return_val_if_fail (location != NULL, NULL);

  if (!xf_db_location_is_url (location))
    return NULL;
  stripped = xf_db_location_strip_password (location);
  if (password == NULL || *password == '\0')
    return g_steal_pointer (&stripped);
  if (!find_userinfo (stripped, &start, &end))
    return NULL;

  escaped = g_uri_escape_string (password, NULL, FALSE);
  if (end == NULL)
    {
      /* No user name: libpq then uses the login name, which an empty one means too. */
      url = g_string_new_len (stripped, start - stripped);
      g_string_append_printf (url, ":%s@%s", escaped, start);
    }
  else
    {
      url = g_string_new_len (stripped, end - stripped);
      g_string_append_printf (url, ":%s%s", escaped, end);
    }
  return g_string_free (url, FALSE);
}

gint64
xf_db_now (void)
{
  return g_get_real_time ();
}
