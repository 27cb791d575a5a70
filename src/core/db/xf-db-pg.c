/* xf-db-pg.c — XfDb's PostgreSQL driver, on libpq
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-db"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "xf-db-private.h"
#include "xf-error.h"

/* Rows go to the server in chunks of about this size during COPY. */
#define COPY_CHUNK (256 * 1024)

typedef struct
{
  PGconn  *conn;
  char    *schema;       /* current_schema(): the payload our NOTIFYs carry */
  int      backend_pid;  /* to tell our own notifications from other desks' */
  int      changes;
  gboolean offline;
  gboolean read_only_session;
} PgConn;

typedef struct
{
  XfDbStmt   base;
  char      *sql;
  int        n_params;   /* the highest $N in the SQL */
  char     **values;     /* n_params strings, NULL for SQL NULL */
  PGresult  *result;
  int        row;        /* the current row, -1 before the first */
} PgStmt;

typedef struct
{
  XfDbBulk  base;
  GString  *buffer;
  gboolean  failed;
} PgBulk;

#define CONN(db) ((PgConn *) (db)->conn)

static void
discard_notice (void       *data,
                const char *message)
{
  g_debug ("server: %s", message);
}

/* The first line of the server's message, without its "ERROR:" prefix. */
static char *
server_detail (const char *message)
{
  g_autofree char *copy = g_strdup (message != NULL ? message : "");
  char *newline = strchr (copy, '\n');

  if (newline != NULL)
    *newline = '\0';
  if (g_str_has_prefix (copy, "ERROR:  "))
    return g_strdup (copy + 8);
  if (g_str_has_prefix (copy, "FATAL:  "))
    return g_strdup (copy + 8);
  return g_strstrip (g_steal_pointer (&copy));
}

static void
set_offline_error (XfDb       *db,
                   const char *detail,
                   GError    **error)
{
  CONN (db)->offline = TRUE;
  g_set_error (error, XF_ERROR, XF_ERROR_OFFLINE,
               _("The shared database “%s” cannot be reached (%s). Nothing of the "
                 "interrupted change was saved; try again once it is back."),
               db->display_name, detail);
}

/* The connection itself failed: libpq's own message says why. */
static void
set_connection_lost (XfDb    *db,
                     GError **error)
{
  g_autofree char *detail = server_detail (PQerrorMessage (CONN (db)->conn));

  set_offline_error (db, detail, error);
}

/* Maps a failed result (or a lost connection) to our error domain. */
static void
set_error_from_result (XfDb     *db,
                       PGresult *result,
                       GError  **error)
{
  PGconn *conn = CONN (db)->conn;
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  g_autofree char *detail = server_detail (result != NULL && PQresultErrorMessage (result)[0] != '\0'
                                           ? PQresultErrorMessage (result)
                                           : PQerrorMessage (conn));

  /* Class 08 is a connection failure; 57P01-3 a server shutting down or
   * terminating this session. */
  if (PQstatus (conn) != CONNECTION_OK ||
      (state != NULL && (g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57P"))))
    {
      set_offline_error (db, detail, error);
      return;
    }

  if (state == NULL)
    g_set_error (error, XF_ERROR, XF_ERROR_IO,
                 _("Database error in “%s”: %s"), db->display_name, detail);
  else if (g_str_has_prefix (state, "23"))
    g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                 _("The change breaks a rule of the database (%s)"), detail);
  else if (g_str_equal (state, "40001") || g_str_equal (state, "40P01") ||
           g_str_equal (state, "55P03"))
    g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                 _("Another desk changed the same records at the same moment; try again (%s)"),
                 detail);
  else if (g_str_equal (state, "25006"))
    g_set_error (error, XF_ERROR, XF_ERROR_READ_ONLY,
                 _("The database “%s” is read-only; changes cannot be saved"), db->display_name);
  else if (g_str_equal (state, "42501"))
    g_set_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED,
                 _("The server does not allow this account to make this change (%s)"), detail);
  else if (g_str_has_prefix (state, "53"))
    g_set_error (error, XF_ERROR, XF_ERROR_IO,
                 _("The database server “%s” is out of space or memory (%s)"),
                 db->display_name, detail);
  else
    g_set_error (error, XF_ERROR, XF_ERROR_IO,
                 _("Database error in “%s”: %s"), db->display_name, detail);
}

static gboolean
result_ok (XfDb      *db,
           PGresult  *result,
           GError   **error)
{
  ExecStatusType status = result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    {
      const char *tuples = PQcmdTuples (result);

      CONN (db)->changes = tuples[0] != '\0' ? atoi (tuples) : 0;
      return TRUE;
    }
  set_error_from_result (db, result, error);
  return FALSE;
}

static gboolean
pg_exec (XfDb        *db,
         const char  *sql,
         GError     **error)
{
  PGresult *result = PQexec (CONN (db)->conn, sql);
  gboolean ok = result_ok (db, result, error);

  PQclear (result);
  return ok;
}

/* Settings every session needs, at connection and after a reconnect. */
static gboolean
start_session (XfDb    *db,
               GError **error)
{
  PgConn *pg = CONN (db);
  PGresult *result;

  PQsetNoticeProcessor (pg->conn, discard_notice, NULL);
  pg->backend_pid = PQbackendPID (pg->conn);

  if (pg->read_only_session && !pg_exec (db, "SET default_transaction_read_only = on", error))
    return FALSE;

  result = PQexec (pg->conn, "SELECT current_schema()");
  if (!result_ok (db, result, error))
    {
      PQclear (result);
      return FALSE;
    }
  g_free (pg->schema);
  pg->schema = g_strdup (PQntuples (result) > 0 && !PQgetisnull (result, 0, 0)
                         ? PQgetvalue (result, 0, 0) : "public");
  PQclear (result);

  if (db->watching && !pg_exec (db, "LISTEN xianfeng_changes", error))
    return FALSE;
  pg->offline = FALSE;
  return TRUE;
}

/* Explains why a connection could not be made, in words a user can act on. */
static void
set_connect_error (XfDb    *db,
                   GError **error)
{
  PGconn *conn = CONN (db)->conn;
  g_autofree char *detail = server_detail (PQerrorMessage (conn));

  /* libpq gives no error code for a failed connection, and the server's
   * words come in its own language: what libpq tells of the password is
   * checked first, then the English and Chinese wording. */
  if (PQconnectionNeedsPassword (conn))
    g_set_error (error, XF_ERROR, XF_ERROR_AUTH,
                 _("The shared database “%s” asks for a password"), db->display_name);
  else if (PQconnectionUsedPassword (conn) ||
           strstr (detail, "authentication failed") != NULL ||
           strstr (detail, "no pg_hba.conf entry") != NULL ||
           strstr (detail, "认证失败") != NULL)
    g_set_error (error, XF_ERROR, XF_ERROR_AUTH,
                 _("The shared database “%s” refused the user name or password (%s)"),
                 db->display_name, detail);
  else if ((strstr (detail, "database") != NULL && strstr (detail, "does not exist") != NULL) ||
           (strstr (detail, "数据库") != NULL && strstr (detail, "不存在") != NULL))
    g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                 _("The shared database “%s” does not exist on its server (%s)"),
                 db->display_name, detail);
  else
    g_set_error (error, XF_ERROR, XF_ERROR_OFFLINE,
                 _("The shared database “%s” cannot be reached (%s)"),
                 db->display_name, detail);
}

static void
pg_close (XfDb *db)
{
  PgConn *pg = CONN (db);

  PQfinish (pg->conn);
  g_free (pg->schema);
  g_clear_pointer (&db->conn, g_free);
}

static gboolean
pg_open (XfDb          *db,
         const char    *location,
         XfDbOpenFlags  flags,
         GError       **error)
{
  /* Defaults first: the URL's own settings, expanded from dbname, override
   * them. A network that silently drops the server is noticed within half
   * a minute (keepalives, and a limit on unacknowledged sends) rather than
   * after the system's two hours, so the desk goes offline, not frozen. */
  const char *keywords[] = { "connect_timeout", "application_name", "client_encoding",
                             "keepalives_idle", "keepalives_interval", "keepalives_count",
                             "tcp_user_timeout", "dbname", NULL };
  const char *values[] = { "10", "xianfeng", "UTF8", "10", "5", "3", "20000", location, NULL };
  PgConn *pg;

  pg = g_new0 (PgConn, 1);
  db->conn = pg;
  pg->read_only_session = (flags & XF_DB_OPEN_READ_ONLY) != 0;
  pg->conn = PQconnectdbParams (keywords, values, 1);
  if (pg->conn == NULL)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_IO, _("Out of memory while connecting to “%s”"),
                   db->display_name);
      g_clear_pointer (&db->conn, g_free);
      return FALSE;
    }
  if (PQstatus (pg->conn) != CONNECTION_OK)
    {
      set_connect_error (db, error);
      return FALSE;
    }
  db->read_only = pg->read_only_session;
  return start_session (db, error);
}

/* The highest $N outside quotes: the number of parameters the server expects. */
static int
count_params (const char *sql)
{
  int highest = 0;

  for (const char *p = sql; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;

          for (p++; *p != '\0' && *p != quote; p++)
            ;
          if (*p == '\0')
            break;
        }
      else if (*p == '$' && g_ascii_isdigit (p[1]))
        {
          int n = (int) strtol (p + 1, NULL, 10);

          highest = MAX (highest, n);
        }
      else if (p[0] == '$' && p[1] == '$')
        {
          /* A $$-quoted function body: skip to its end. */
          const char *end = strstr (p + 2, "$$");

          if (end == NULL)
            break;
          p = end + 1;
        }
    }
  return highest;
}

static XfDbStmt *
pg_prepare (XfDb        *db,
            const char  *sql,
            GError     **error)
{
  PgStmt *stmt = g_new0 (PgStmt, 1);

  stmt->sql = g_strdup (sql);
  stmt->n_params = count_params (sql);
  stmt->values = g_new0 (char *, stmt->n_params + 1);
  stmt->row = -1;
  return &stmt->base;
}

static gint64
pg_last_insert_id (XfDb *db)
{
  PGresult *result = PQexec (CONN (db)->conn, "SELECT lastval()");
  gint64 id = 0;

  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return id;
}

static int
pg_changes (XfDb *db)
{
  return CONN (db)->changes;
}

static int
pg_get_schema_version (XfDb    *db,
                       GError **error)
{
  if (!xf_db_has_table (db, "xianfeng_schema"))
    return 0;
  return (int) xf_db_query_int64 (db, "SELECT coalesce(max(version), 0) FROM xianfeng_schema", -1, error);
}

static gboolean
pg_set_schema_version (XfDb    *db,
                       int      version,
                       GError **error)
{
  g_autofree char *sql = g_strdup_printf ("CREATE TABLE IF NOT EXISTS xianfeng_schema (version integer NOT NULL);"
                                          "DELETE FROM xianfeng_schema;"
                                          "INSERT INTO xianfeng_schema (version) VALUES (%d)", version);

  return pg_exec (db, sql, error);
}

static gint64
pg_count_tables (XfDb    *db,
                 GError **error)
{
  return xf_db_query_int64 (db, "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()",
                            -1, error);
}

static gboolean
pg_has_table (XfDb       *db,
              const char *table)
{
  return _xf_db_query_exists (db, "SELECT count(*) FROM pg_catalog.pg_tables "
                                  "WHERE schemaname = current_schema() AND tablename = $1", table);
}

static gboolean
pg_watch_changes (XfDb    *db,
                  GError **error)
{
  return pg_exec (db, "LISTEN xianfeng_changes", error);
}

static gboolean
pg_poll_changes (XfDb    *db,
                 GError **error)
{
  PgConn *pg = CONN (db);
  gboolean changed = FALSE;
  PGnotify *notify;

  if (pg->offline || PQconsumeInput (pg->conn) == 0 || PQstatus (pg->conn) != CONNECTION_OK)
    {
      set_connection_lost (db, error);
      return FALSE;
    }
  while ((notify = PQnotifies (pg->conn)) != NULL)
    {
      if (notify->be_pid != pg->backend_pid && g_strcmp0 (notify->extra, pg->schema) == 0)
        changed = TRUE;
      PQfreemem (notify);
    }
  return changed;
}

static int
pg_get_socket (XfDb *db)
{
  return PQsocket (CONN (db)->conn);
}

static gboolean
pg_is_online (XfDb *db)
{
  return !CONN (db)->offline && PQstatus (CONN (db)->conn) == CONNECTION_OK;
}

static gboolean
pg_reconnect (XfDb    *db,
              GError **error)
{
  PgConn *pg = CONN (db);

  PQreset (pg->conn);
  if (PQstatus (pg->conn) != CONNECTION_OK)
    {
      set_connect_error (db, error);
      pg->offline = TRUE;
      return FALSE;
    }
  return start_session (db, error);
}

static XfDbBulk *
pg_bulk_begin (XfDb               *db,
               const char         *table,
               const char * const *columns,
               GError            **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  PGresult *result;
  PgBulk *bulk;

  g_string_printf (sql, "COPY \"%s\" (", table);
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", columns[i]);
  g_string_append (sql, ") FROM STDIN");

  result = PQexec (CONN (db)->conn, sql->str);
  if (PQresultStatus (result) != PGRES_COPY_IN)
    {
      set_error_from_result (db, result, error);
      PQclear (result);
      return NULL;
    }
  PQclear (result);
  bulk = g_new0 (PgBulk, 1);
  bulk->buffer = g_string_sized_new (COPY_CHUNK + 4096);
  return &bulk->base;
}

static gboolean
send_buffer (PgBulk  *bulk,
             GError **error)
{
  XfDb *db = bulk->base.db;

  if (bulk->buffer->len == 0)
    return TRUE;
  if (PQputCopyData (CONN (db)->conn, bulk->buffer->str, (int) bulk->buffer->len) != 1)
    {
      bulk->failed = TRUE;
      set_connection_lost (db, error);
      return FALSE;
    }
  g_string_truncate (bulk->buffer, 0);
  return TRUE;
}

/* COPY's text format: tab-separated, \N for NULL, backslash escapes. */
static gboolean
pg_bulk_add (XfDbBulk           *base,
             const char * const *values,
             GError            **error)
{
  PgBulk *bulk = (PgBulk *) base;
  GString *out = bulk->buffer;

  if (bulk->failed)
    return FALSE;
  for (guint i = 0; i < base->n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\t');
      if (values[i] == NULL)
        {
          g_string_append (out, "\\N");
          continue;
        }
      for (const char *p = values[i]; *p != '\0'; p++)
        switch (*p)
          {
          case '\\': g_string_append (out, "\\\\"); break;
          case '\n': g_string_append (out, "\\n"); break;
          case '\r': g_string_append (out, "\\r"); break;
          case '\t': g_string_append (out, "\\t"); break;
          default: g_string_append_c (out, *p); break;
          }
    }
  g_string_append_c (out, '\n');
  if (out->len >= COPY_CHUNK)
    return send_buffer (bulk, error);
  return TRUE;
}

static gboolean
pg_bulk_end (XfDbBulk  *base,
             GError   **error)
{
  PgBulk *bulk = (PgBulk *) base;
  XfDb *db = base->db;
  PGconn *conn = CONN (db)->conn;
  gboolean ok = !bulk->failed && send_buffer (bulk, error);
  PGresult *result;

  if (PQputCopyEnd (conn, ok ? NULL : "cancelled") != 1 && ok)
    {
      set_connection_lost (db, error);
      ok = FALSE;
    }
  while ((result = PQgetResult (conn)) != NULL)
    {
      if (ok && !result_ok (db, result, error))
        ok = FALSE;
      PQclear (result);
    }
  g_string_free (bulk->buffer, TRUE);
  g_free (bulk);
  return ok;
}

static void
clear_result (PgStmt *stmt)
{
  g_clear_pointer (&stmt->result, PQclear);
  stmt->row = -1;
}

static void
pg_stmt_free (XfDbStmt *base)
{
  PgStmt *stmt = (PgStmt *) base;

  clear_result (stmt);
  for (int i = 0; i < stmt->n_params; i++)
    g_free (stmt->values[i]);
  g_free (stmt->values);
  g_free (stmt->sql);
  g_free (stmt);
}

static void
pg_stmt_reset (XfDbStmt *base)
{
  PgStmt *stmt = (PgStmt *) base;

  clear_result (stmt);
  for (int i = 0; i < stmt->n_params; i++)
    g_clear_pointer (&stmt->values[i], g_free);
}

static void
set_value (XfDbStmt *base,
           int       param,
           char     *value)
{
  PgStmt *stmt = (PgStmt *) base;

  /* Like SQLite, a parameter the SQL does not use is ignored. */
  if (param > stmt->n_params)
    {
      g_free (value);
      return;
    }
  clear_result (stmt);
  g_free (stmt->values[param - 1]);
  stmt->values[param - 1] = value;
}

static void
pg_bind_int64 (XfDbStmt *stmt,
               int       param,
               gint64    value)
{
  set_value (stmt, param, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static void
pg_bind_double (XfDbStmt *stmt,
                int       param,
                double    value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  set_value (stmt, param, g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)));
}

static void
pg_bind_text (XfDbStmt   *stmt,
              int         param,
              const char *value)
{
  set_value (stmt, param, g_strdup (value));
}

static void
pg_bind_null (XfDbStmt *stmt,
              int       param)
{
  set_value (stmt, param, NULL);
}

/* Parameters go untyped, as text: the server gives each the type of what it meets. */
static gboolean
execute (PgStmt  *stmt,
         GError **error)
{
  XfDb *db = stmt->base.db;
  gint64 start = db->trace != NULL ? g_get_monotonic_time () : 0;

  clear_result (stmt);
  stmt->result = PQexecParams (CONN (db)->conn, stmt->sql, stmt->n_params, NULL,
                               (const char * const *) stmt->values, NULL, NULL, 0);
  if (db->trace != NULL)
    db->trace (stmt->sql, (const char * const *) stmt->values, stmt->n_params,
               (g_get_monotonic_time () - start) / 1000.0, db->trace_data);
  if (!result_ok (db, stmt->result, error))
    {
      clear_result (stmt);
      return FALSE;
    }
  return TRUE;
}

static XfDbStep
pg_step (XfDbStmt  *base,
         GError   **error)
{
  PgStmt *stmt = (PgStmt *) base;

  /* Like SQLite, stepping a finished statement runs it again. */
  if (stmt->result != NULL && stmt->row >= PQntuples (stmt->result))
    clear_result (stmt);
  if (stmt->result == NULL && !execute (stmt, error))
    return XF_DB_STEP_ERROR;
  stmt->row++;
  return stmt->row < PQntuples (stmt->result) ? XF_DB_STEP_ROW : XF_DB_STEP_DONE;
}

static gboolean
has_value (PgStmt *stmt,
           int     column)
{
  return stmt->result != NULL && stmt->row >= 0 && stmt->row < PQntuples (stmt->result) &&
         column >= 0 && column < PQnfields (stmt->result) &&
         !PQgetisnull (stmt->result, stmt->row, column);
}

static gint64
pg_column_int64 (XfDbStmt *base,
                 int       column)
{
  PgStmt *stmt = (PgStmt *) base;
  const char *text;

  if (!has_value (stmt, column))
    return 0;
  text = PQgetvalue (stmt->result, stmt->row, column);
  /* Booleans come back as t/f. */
  if (text[0] == 't' && text[1] == '\0')
    return 1;
  return g_ascii_strtoll (text, NULL, 10);
}

static double
pg_column_double (XfDbStmt *base,
                  int       column)
{
  PgStmt *stmt = (PgStmt *) base;

  if (!has_value (stmt, column))
    return 0.0;
  return g_ascii_strtod (PQgetvalue (stmt->result, stmt->row, column), NULL);
}

static const char *
pg_column_text (XfDbStmt *base,
                int       column)
{
  PgStmt *stmt = (PgStmt *) base;

  if (!has_value (stmt, column))
    return NULL;
  return PQgetvalue (stmt->result, stmt->row, column);
}

static gboolean
pg_column_is_null (XfDbStmt *base,
                   int       column)
{
  return !has_value ((PgStmt *) base, column);
}

/* The server describes the columns only once the statement ran. */
static gboolean
ensure_described (PgStmt *stmt)
{
  return stmt->result != NULL || execute (stmt, NULL);
}

static int
pg_column_count (XfDbStmt *base)
{
  PgStmt *stmt = (PgStmt *) base;

  return ensure_described (stmt) ? PQnfields (stmt->result) : 0;
}

static const char *
pg_column_name (XfDbStmt *base,
                int       column)
{
  PgStmt *stmt = (PgStmt *) base;

  return ensure_described (stmt) ? PQfname (stmt->result, column) : NULL;
}

const XfDbDriver _xf_db_pg_driver = {
  .backend = XF_DB_BACKEND_POSTGRESQL,
  /* Read committed: a conditional UPDATE waits for a concurrent one and
   * re-checks its WHERE clause, so exactly one of them wins. */
  .begin_sql = "BEGIN",
  .open = pg_open,
  .close = pg_close,
  .exec = pg_exec,
  .prepare = pg_prepare,
  .last_insert_id = pg_last_insert_id,
  .changes = pg_changes,
  .get_schema_version = pg_get_schema_version,
  .set_schema_version = pg_set_schema_version,
  .count_tables = pg_count_tables,
  .has_table = pg_has_table,
  .watch_changes = pg_watch_changes,
  .poll_changes = pg_poll_changes,
  .get_socket = pg_get_socket,
  .is_online = pg_is_online,
  .reconnect = pg_reconnect,
  .bulk_begin = pg_bulk_begin,
  .bulk_add = pg_bulk_add,
  .bulk_end = pg_bulk_end,
  .stmt_free = pg_stmt_free,
  .stmt_reset = pg_stmt_reset,
  .bind_int64 = pg_bind_int64,
  .bind_double = pg_bind_double,
  .bind_text = pg_bind_text,
  .bind_null = pg_bind_null,
  .step = pg_step,
  .column_int64 = pg_column_int64,
  .column_double = pg_column_double,
  .column_text = pg_column_text,
  .column_is_null = pg_column_is_null,
  .column_count = pg_column_count,
  .column_name = pg_column_name,
};
