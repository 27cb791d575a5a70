/* xf-check.c — is the database sound?
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-check"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-audit.h"
#include "xf-check.h"
#include "xf-check-private.h"
#include "xf-error.h"
#include "xf-permission.h"

/* At most this many of integrity_check's messages are kept in the detail. */
#define INTEGRITY_MESSAGES 3

static gboolean
is_postgresql (XfDb *db)
{
  return xf_db_get_backend (db) == XF_DB_BACKEND_POSTGRESQL;
}

int
_xf_check_integrity (XfDb     *db,
                     char    **detail,
                     GError  **error)
{
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autoptr(GString) messages = NULL;
  XfDbStep step;
  guint n = 0;

  if (is_postgresql (db))
    {
      *detail = g_strdup (_("Kept by the server"));
      return 1;
    }

  stmt = xf_db_prepare (db, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return -1;
  messages = g_string_new (NULL);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      const char *text = xf_db_stmt_column_text (stmt, 0);

      if (g_strcmp0 (text, "ok") == 0)
        continue;
      if (n++ < INTEGRITY_MESSAGES)
        g_string_append_printf (messages, "%s%s", messages->len > 0 ? "; " : "", text);
    }
  if (step == XF_DB_STEP_ERROR)
    return -1;
  if (n == 0)
    {
      *detail = g_strdup (_("No problems found"));
      return 1;
    }
  *detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem: %s", "%u problems: %s", n),
                             n, messages->str);
  return 0;
}

typedef struct
{
  char  *table;
  char  *parent;
  gint64 rows;
} Dangling;

static void
dangling_free (Dangling *dangling)
{
  g_free (dangling->table);
  g_free (dangling->parent);
  g_free (dangling);
}

static int
compare_dangling (gconstpointer a,
                  gconstpointer b)
{
  const Dangling *x = *(const Dangling * const *) a;
  const Dangling *y = *(const Dangling * const *) b;
  int c = g_strcmp0 (x->table, y->table);

  return c != 0 ? c : g_strcmp0 (x->parent, y->parent);
}

static int
check_foreign_keys_pg (XfDb     *db,
                       char    **detail,
                       GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 invalid, total;

  total = xf_db_query_int64 (db,
                             "SELECT count(*) FROM pg_constraint c "
                             "JOIN pg_namespace n ON n.oid = c.connamespace "
                             "WHERE c.contype = 'f' AND n.nspname = current_schema()",
                             0, &local_error);
  if (local_error == NULL)
    invalid = xf_db_query_int64 (db,
                                 "SELECT count(*) FROM pg_constraint c "
                                 "JOIN pg_namespace n ON n.oid = c.connamespace "
                                 "WHERE c.contype = 'f' AND NOT c.convalidated "
                                 "AND n.nspname = current_schema()",
                                 0, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  if (invalid > 0)
    {
      *detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%lld foreign key is not validated by the server",
                                              "%lld foreign keys are not validated by the server",
                                              (gulong) invalid),
                                 (long long) invalid);
      return 0;
    }
  *detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Kept by the server (%lld foreign key)",
                                          "Kept by the server (%lld foreign keys)",
                                          (gulong) total),
                             (long long) total);
  return 1;
}

int
_xf_check_foreign_keys (XfDb     *db,
                        char    **detail,
                        GError  **error)
{
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GString) text = NULL;
  XfDbStep step;

  if (is_postgresql (db))
    return check_foreign_keys_pg (db, detail, error);

  stmt = xf_db_prepare (db, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return -1;
  /* One entry per table and the table it names; rows counted. */
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  found = g_ptr_array_new_with_free_func ((GDestroyNotify) dangling_free);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      const char *table = xf_db_stmt_column_text (stmt, 0);
      const char *parent = xf_db_stmt_column_text (stmt, 2);
      g_autofree char *key = g_strconcat (table, "\n", parent, NULL);
      Dangling *dangling = g_hash_table_lookup (seen, key);

      if (dangling == NULL)
        {
          dangling = g_new0 (Dangling, 1);
          dangling->table = g_strdup (table);
          dangling->parent = g_strdup (parent);
          g_ptr_array_add (found, dangling);
          g_hash_table_insert (seen, g_steal_pointer (&key), dangling);
        }
      dangling->rows++;
    }
  if (step == XF_DB_STEP_ERROR)
    return -1;
  if (found->len == 0)
    {
      *detail = g_strdup (_("No problems found"));
      return 1;
    }

  g_ptr_array_sort (found, compare_dangling);
  text = g_string_new (NULL);
  for (guint i = 0; i < found->len; i++)
    {
      const Dangling *dangling = g_ptr_array_index (found, i);

      if (text->len > 0)
        g_string_append (text, "; ");
      /* TRANSLATORS: "3 rows of honours name a missing row of pioneers" */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%lld row of %s names a missing row of %s",
                                                 "%lld rows of %s name a missing row of %s",
                                                 (gulong) dangling->rows),
                              (long long) dangling->rows, dangling->table, dangling->parent);
    }
  *detail = g_string_free (g_steal_pointer (&text), FALSE);
  return 0;
}

/* The first trigger keeping the audit trail append-only that is missing or
 * disabled (transfer full), NULL when all are there or on error (*@failed). */
static char *
missing_audit_guard (XfDb     *db,
                     gboolean *failed,
                     GError  **error)
{
  static const char * const sqlite_guards[] = { "audit_log_no_update", "audit_log_no_delete" };
  static const char * const pg_guards[] = { "audit_log_no_change", "audit_log_no_truncate" };
  gboolean pg = is_postgresql (db);
  const char * const *guards = pg ? pg_guards : sqlite_guards;
  const char *sql = pg ? "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                         "JOIN pg_namespace n ON n.oid = c.relnamespace "
                         "WHERE c.relname = 'audit_log' AND n.nspname = current_schema() "
                         "AND t.tgname = $1 AND t.tgenabled <> 'D'"
                       : "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                         "AND tbl_name = 'audit_log' AND name = $1";

  *failed = FALSE;
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(XfDbStmt) stmt = xf_db_prepare (db, sql, error);

      if (stmt == NULL)
        {
          *failed = TRUE;
          return NULL;
        }
      xf_db_stmt_bind_text (stmt, 1, guards[i]);
      if (xf_db_stmt_step (stmt, error) != XF_DB_STEP_ROW)
        {
          *failed = TRUE;
          return NULL;
        }
      if (xf_db_stmt_column_int64 (stmt, 0) == 0)
        return g_strdup (guards[i]);
    }
  return NULL;
}

static void
check_item_free (XfCheckItem *item)
{
  g_free (item->name);
  g_free (item->label);
  g_free (item->detail);
  g_free (item);
}

void
xf_check_report_free (XfCheckReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->items, g_ptr_array_unref);
  g_free (report);
}

static void
add_item (XfCheckReport *report,
          const char    *name,
          const char    *label,
          gboolean       ok,
          char          *detail)
{
  XfCheckItem *item = g_new0 (XfCheckItem, 1);

  item->name = g_strdup (name);
  item->label = g_strdup (label);
  item->ok = ok;
  item->detail = detail;
  g_ptr_array_add (report->items, item);
  report->ok = report->ok && ok;
}

/**
 * xf_check_database:
 * @store: the database
 * @actor: the acting account (XF_OP_DATABASE_CHECK)
 * @cancellable: (nullable): checked between the checks and during the audit walk
 *
 * Runs the integrity check, the foreign-key check, the schema version
 * check and the audit chain's verification. See xf-check.h.
 *
 * Returns: (transfer full): the report (problems are findings), or %NULL
 *   with @error set when a check could not run
 */
XfCheckReport *
xf_check_database (XfStore       *store,
                   XfAccount     *actor,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(XfCheckReport) report = NULL;
  g_autoptr(XfAuditVerification) verification = NULL;
  char *detail = NULL;
  g_autofree char *guard = NULL;
  gboolean failed;
  int latest = xf_store_get_latest_version ();
  int version;
  int result;
  XfDb *db;

  g_return_val_if_fail (XF_IS_STORE (store), NULL);
  g_return_val_if_fail (XF_IS_ACCOUNT (actor), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!xf_permission_check (actor, XF_OP_DATABASE_CHECK, NULL, error))
    return NULL;

  db = xf_store_get_db (store);
  report = g_new0 (XfCheckReport, 1);
  report->ok = TRUE;
  report->items = g_ptr_array_new_with_free_func ((GDestroyNotify) check_item_free);

  result = _xf_check_integrity (db, &detail, error);
  if (result < 0)
    return NULL;
  add_item (report, "integrity", _("Integrity"), result == 1, detail);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  result = _xf_check_foreign_keys (db, &detail, error);
  if (result < 0)
    return NULL;
  add_item (report, "foreign-keys", _("Foreign keys"), result == 1, detail);

  version = xf_db_get_schema_version (db, error);
  if (version < 0)
    return NULL;
  guard = missing_audit_guard (db, &failed, error);
  if (failed)
    return NULL;
  if (version == latest && guard != NULL)
    /* TRANSLATORS: the schema version, then a trigger's name. */
    add_item (report, "schema", _("Schema"), FALSE,
              g_strdup_printf (_("Version %d, but the audit trail's guard “%s” is missing or disabled: "
                                 "entries could be changed unseen"), version, guard));
  else if (version == latest)
    add_item (report, "schema", _("Schema"), TRUE,
              g_strdup_printf (_("Version %d, the current one"), version));
  else
    add_item (report, "schema", _("Schema"), FALSE,
              g_strdup_printf (_("Version %d, but this version of Xianfeng uses %d"), version, latest));

  verification = xf_audit_verify (store, actor, NULL, NULL, cancellable, error);
  if (verification == NULL)
    return NULL;
  add_item (report, "audit-chain", _("Audit chain"), verification->problem == XF_AUDIT_OK,
            g_strdup (verification->message));

  g_debug ("Checked %s: %s", xf_db_get_display_name (db), report->ok ? "ok" : "problems found");
  return g_steal_pointer (&report);
}
