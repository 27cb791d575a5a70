/* xf-audit.c — appending to the tamper-evident audit trail
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-audit"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-audit.h"
#include "xf-audit-private.h"
#include "xf-error.h"

/*
 * The hash of an entry (column hash) is the lower-case hex SHA-256 of this
 * byte string, the fields in this order:
 *
 *   prev_hash, seq, at, actor_login, actor_name, action, record_type,
 *   record_uid, record_label, field, old_value, new_value
 *
 * each written as its length in bytes in decimal, a colon and its UTF-8
 * bytes ("5:hello", "0:" for an empty text), or as a single "-" when it is
 * NULL; seq and at are written as decimal text the same way ("3:128").
 * Nothing separates the fields: the lengths make the encoding unambiguous,
 * and NULL differs from "". prev_hash is the hash of the entry seq - 1,
 * or "" for the first entry.
 *
 * Example: the entry seq 1 with at 0 and every text empty but action "x"
 * hashes "0:1:10:00:0:1:x0:…".
 */

/*
 * Hashing
 */

void
_xf_audit_hasher_init (XfAuditHasher *hasher)
{
  hasher->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  hasher->buffer = g_string_sized_new (512);
  hasher->hex[0] = '\0';
}

void
_xf_audit_hasher_clear (XfAuditHasher *hasher)
{
  g_clear_pointer (&hasher->checksum, g_checksum_free);
  if (hasher->buffer != NULL)
    g_string_free (hasher->buffer, TRUE);
  hasher->buffer = NULL;
}

/* Decimal digits of @value into @buffer; printf would cost more than
 * the hash itself over a million entries. */
static inline void
append_decimal (GString *buffer,
                guint64  value)
{
  char digits[24];
  int i = sizeof digits;

  do
    {
      digits[--i] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value != 0);
  g_string_append_len (buffer, digits + i, (gssize) (sizeof digits - (gsize) i));
}

static inline void
encode_text (GString    *buffer,
             const char *text,
             gsize       len)
{
  if (text == NULL)
    {
      g_string_append_c (buffer, '-');
      return;
    }
  append_decimal (buffer, len);
  g_string_append_c (buffer, ':');
  g_string_append_len (buffer, text, (gssize) len);
}

static inline void
encode_int64 (GString *buffer,
              gint64   value)
{
  char digits[24];
  int i = sizeof digits;
  guint64 magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;

  do
    {
      digits[--i] = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude != 0);
  if (value < 0)
    digits[--i] = '-';
  encode_text (buffer, digits + i, sizeof digits - (gsize) i);
}

const char *
_xf_audit_hasher_hash (XfAuditHasher      *hasher,
                       const char         *prev_hash,
                       gint64              seq,
                       gint64              at,
                       const char * const *texts)
{
  GString *buffer = hasher->buffer;

  g_string_truncate (buffer, 0);
  prev_hash = prev_hash != NULL ? prev_hash : "";
  encode_text (buffer, prev_hash, strlen (prev_hash));
  encode_int64 (buffer, seq);
  encode_int64 (buffer, at);
  for (guint i = 0; i < XF_AUDIT_N_TEXTS; i++)
    encode_text (buffer, texts[i], texts[i] != NULL ? strlen (texts[i]) : 0);

  g_checksum_reset (hasher->checksum);
  g_checksum_update (hasher->checksum, (const guchar *) buffer->str, (gssize) buffer->len);
  memcpy (hasher->hex, g_checksum_get_string (hasher->checksum), 64);
  hasher->hex[64] = '\0';
  return hasher->hex;
}

/*
 * Entries
 */

XfAuditEntry *
xf_audit_entry_new (void)
{
  return g_new0 (XfAuditEntry, 1);
}

void
xf_audit_entry_free (XfAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->actor_login);
  g_free (entry->actor_name);
  g_free (entry->action);
  g_free (entry->record_type);
  g_free (entry->record_uid);
  g_free (entry->record_label);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->prev_hash);
  g_free (entry->hash);
  g_free (entry);
}

XfAuditEntry *
_xf_audit_entry_from_row (XfDbStmt *stmt)
{
  XfAuditEntry *entry = xf_audit_entry_new ();

  entry->seq = xf_db_stmt_column_int64 (stmt, XF_AUDIT_COL_SEQ);
  entry->at = xf_db_stmt_column_int64 (stmt, XF_AUDIT_COL_AT);
  entry->actor_login = xf_db_stmt_dup_text (stmt, XF_AUDIT_COL_ACTOR_LOGIN);
  entry->actor_name = xf_db_stmt_dup_text (stmt, XF_AUDIT_COL_ACTOR_NAME);
  entry->action = xf_db_stmt_dup_text (stmt, XF_AUDIT_COL_ACTION);
  entry->record_type = xf_db_stmt_dup_text (stmt, XF_AUDIT_COL_RECORD_TYPE);
  entry->record_uid = xf_db_stmt_dup_text (stmt, XF_AUDIT_COL_RECORD_UID);
  entry->record_label = xf_db_stmt_dup_text (stmt, XF_AUDIT_COL_RECORD_LABEL);
  entry->field = xf_db_stmt_dup_text (stmt, XF_AUDIT_COL_FIELD);
  entry->old_value = xf_db_stmt_dup_text (stmt, XF_AUDIT_COL_OLD_VALUE);
  entry->new_value = xf_db_stmt_dup_text (stmt, XF_AUDIT_COL_NEW_VALUE);
  entry->prev_hash = xf_db_stmt_dup_text (stmt, XF_AUDIT_COL_PREV_HASH);
  entry->hash = xf_db_stmt_dup_text (stmt, XF_AUDIT_COL_HASH);
  return entry;
}

/*
 * The head, cached per connection
 *
 * Within one write transaction nobody else can append (SQLite: the write
 * lock of BEGIN IMMEDIATE; PostgreSQL: the advisory lock below), so the
 * head read at the first append stays right for the rest of it and a bulk
 * edit does not read it again per entry. A new transaction (another desk
 * may have appended meanwhile) or a failed append reads it again.
 */

/* pg_advisory_xact_lock (key, schema): "XfAu", and one lock per schema,
 * so that databases sharing a server in different schemas do not wait
 * for each other. */
#define PG_LOCK_SQL "SELECT 1 FROM (SELECT pg_advisory_xact_lock (1481000277, hashtext (current_schema ()))) AS l"

typedef struct
{
  XfDb          *db;             /* (unowned): the cache dies with it */
  guint64        serial;         /* the transaction the head was read in */
  gboolean       valid;
  gint64         seq;
  char          *hash;
  XfDbStmt      *head;
  XfDbStmt      *insert;
  XfAuditHasher  hasher;
} HeadCache;

static GQuark
head_cache_quark (void)
{
  return g_quark_from_static_string ("xf-audit-head-cache");
}

/*
 * The cache lives on the XfDb, so its statements must not keep the XfDb
 * alive (an XfDbStmt holds a reference on its XfDb): that cycle would keep
 * a dropped connection open, with its transaction and locks. They give
 * their reference back when prepared, and take one again to be freed.
 */
static XfDbStmt *
prepare_cached (XfDb        *db,
                const char  *sql,
                GError     **error)
{
  XfDbStmt *stmt = xf_db_prepare (db, sql, error);

  if (stmt != NULL)
    g_object_unref (db);
  return stmt;
}

static void
free_cached (XfDb      *db,
             XfDbStmt **stmt)
{
  if (*stmt == NULL)
    return;
  g_object_ref (db);
  g_clear_pointer (stmt, xf_db_stmt_free);
}

/* A weak reference runs while the connection is still open (in dispose,
 * before XfDb's finalize closes it), so the statements are finished first. */
static void
head_cache_free (gpointer  data,
                 GObject  *where_the_object_was)
{
  HeadCache *cache = data;

  g_object_set_qdata (G_OBJECT (cache->db), head_cache_quark (), NULL);
  free_cached (cache->db, &cache->head);
  free_cached (cache->db, &cache->insert);
  g_clear_pointer (&cache->hash, g_free);
  _xf_audit_hasher_clear (&cache->hasher);
  g_free (cache);
}

static HeadCache *
get_head_cache (XfDb *db)
{
  HeadCache *cache = g_object_get_qdata (G_OBJECT (db), head_cache_quark ());

  if (cache != NULL)
    return cache;
  cache = g_new0 (HeadCache, 1);
  cache->db = db;
  _xf_audit_hasher_init (&cache->hasher);
  g_object_set_qdata (G_OBJECT (db), head_cache_quark (), cache);
  g_object_weak_ref (G_OBJECT (db), head_cache_free, cache);
  return cache;
}

static gboolean
read_head (HeadCache  *cache,
           GError    **error)
{
  XfDb *db = cache->db;
  XfDbStep step;

  if (xf_db_get_backend (db) == XF_DB_BACKEND_POSTGRESQL)
    {
      g_autoptr(GError) local_error = NULL;

      /* Other desks append one at a time; we wait for the one before us to commit. */
      xf_db_query_int64 (db, PG_LOCK_SQL, 0, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (cache->head == NULL)
    {
      cache->head = prepare_cached (db, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", error);
      if (cache->head == NULL)
        return FALSE;
    }
  xf_db_stmt_reset (cache->head);
  step = xf_db_stmt_step (cache->head, error);
  if (step == XF_DB_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&cache->hash, g_free);
  if (step == XF_DB_STEP_ROW)
    {
      cache->seq = xf_db_stmt_column_int64 (cache->head, 0);
      cache->hash = xf_db_stmt_dup_text (cache->head, 1);
    }
  else
    {
      cache->seq = 0;
      cache->hash = g_strdup ("");
    }
  xf_db_stmt_reset (cache->head);
  cache->serial = xf_db_get_transaction_serial (db);
  cache->valid = TRUE;
  return TRUE;
}

/* Appends @entry as it is (actor fields included) after the head. */
static gboolean
append_entry (XfDb          *db,
              XfAuditEntry  *entry,
              GError       **error)
{
  HeadCache *cache = get_head_cache (db);
  const char *texts[XF_AUDIT_N_TEXTS];
  XfDbStmt *insert;

  if (!cache->valid || cache->serial != xf_db_get_transaction_serial (db))
    {
      if (!read_head (cache, error))
        {
          cache->valid = FALSE;
          return FALSE;
        }
    }

  if (cache->insert == NULL)
    {
      cache->insert = prepare_cached (db,
                                      "INSERT INTO audit_log (" XF_AUDIT_COLUMNS ") "
                                      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                                      error);
      if (cache->insert == NULL)
        return FALSE;
    }
  insert = cache->insert;

  entry->seq = cache->seq + 1;
  if (entry->at == 0)
    entry->at = xf_db_now ();
  g_free (entry->prev_hash);
  entry->prev_hash = g_strdup (cache->hash);

  texts[0] = entry->actor_login;
  texts[1] = entry->actor_name;
  texts[2] = entry->action;
  texts[3] = entry->record_type;
  texts[4] = entry->record_uid;
  texts[5] = entry->record_label;
  texts[6] = entry->field;
  texts[7] = entry->old_value;
  texts[8] = entry->new_value;
  g_free (entry->hash);
  entry->hash = g_strdup (_xf_audit_hasher_hash (&cache->hasher, entry->prev_hash,
                                                 entry->seq, entry->at, texts));

  xf_db_stmt_reset (insert);
  xf_db_stmt_bind_int64 (insert, 1, entry->seq);
  xf_db_stmt_bind_int64 (insert, 2, entry->at);
  for (guint i = 0; i < XF_AUDIT_N_TEXTS; i++)
    xf_db_stmt_bind_text (insert, 3 + (int) i, texts[i]);
  xf_db_stmt_bind_text (insert, 12, entry->prev_hash);
  xf_db_stmt_bind_text (insert, 13, entry->hash);
  if (!xf_db_stmt_run (insert, error))
    {
      cache->valid = FALSE;
      return FALSE;
    }

  cache->seq = entry->seq;
  g_free (cache->hash);
  cache->hash = g_strdup (entry->hash);
  return TRUE;
}

static gboolean
check_entry (XfAuditEntry  *entry,
             GError       **error)
{
  const char *missing = NULL;

  if (entry->actor_login == NULL || *entry->actor_login == '\0')
    missing = "actor_login";
  else if (entry->action == NULL || *entry->action == '\0')
    missing = "action";
  else if (entry->record_type == NULL || *entry->record_type == '\0')
    missing = "record_type";
  if (missing == NULL)
    return TRUE;
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
               _("An audit trail entry needs a value in “%s”"), missing);
  return FALSE;
}

/**
 * xf_audit_append:
 * @db: a database inside a write transaction
 * @actor: the acting account
 * @entry: the event; seq, at (when 0), prev_hash, hash, actor_login and
 *   actor_name are filled in
 *
 * Appends one entry after the chain's head, in the caller's transaction.
 *
 * Returns: %TRUE, or %FALSE with @error set (roll the transaction back)
 */
gboolean
xf_audit_append (XfDb          *db,
                 XfAccount     *actor,
                 XfAuditEntry  *entry,
                 GError       **error)
{
  g_return_val_if_fail (XF_IS_DB (db), FALSE);
  g_return_val_if_fail (xf_db_in_transaction (db), FALSE);
  g_return_val_if_fail (XF_IS_ACCOUNT (actor), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_free (entry->actor_login);
  entry->actor_login = g_strdup (xf_account_get_login (actor));
  g_free (entry->actor_name);
  entry->actor_name = g_strdup (xf_account_get_record_name (actor));

  if (!check_entry (entry, error))
    return FALSE;
  return append_entry (db, entry, error);
}

/**
 * xf_audit_append_change:
 *
 * xf_audit_append() for one event with at most one changed field.
 *
 * Returns: %TRUE, or %FALSE with @error set (roll the transaction back)
 */
gboolean
xf_audit_append_change (XfDb        *db,
                        XfAccount   *actor,
                        const char  *action,
                        const char  *record_type,
                        const char  *record_uid,
                        const char  *record_label,
                        const char  *field,
                        const char  *old_value,
                        const char  *new_value,
                        GError     **error)
{
  g_autoptr(XfAuditEntry) entry = xf_audit_entry_new ();

  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (record_type != NULL, FALSE);

  entry->action = g_strdup (action);
  entry->record_type = g_strdup (record_type);
  entry->record_uid = g_strdup (record_uid);
  entry->record_label = g_strdup (record_label);
  entry->field = g_strdup (field);
  entry->old_value = g_strdup (old_value);
  entry->new_value = g_strdup (new_value);
  return xf_audit_append (db, actor, entry, error);
}

/*
 * Schema 1's history
 */

char *
_xf_audit_get_database_uid (XfDb    *db,
                            GError **error)
{
  g_autoptr(XfDbStmt) stmt = xf_db_prepare (db, "SELECT value FROM database_info WHERE key = 'uid'", error);
  XfDbStep step;

  if (stmt == NULL)
    return NULL;
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  if (step == XF_DB_STEP_DONE)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                   _("The database “%s” has no uid; open it with this version of Xianfeng to give it one"),
                   xf_db_get_display_name (db));
      return NULL;
    }
  return xf_db_stmt_dup_text (stmt, 0);
}

static gboolean
ensure_database_uid (XfDb    *db,
                     GError **error)
{
  g_autoptr(XfDbStmt) insert = NULL;
  g_autofree char *uid = NULL;
  g_autoptr(GError) local_error = NULL;

  if (xf_db_query_int64 (db, "SELECT count(*) FROM database_info WHERE key = 'uid'", -1, &local_error) != 0)
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  insert = xf_db_prepare (db, "INSERT INTO database_info (key, value) VALUES ('uid', $1)", error);
  if (insert == NULL)
    return FALSE;
  uid = g_uuid_string_random ();
  xf_db_stmt_bind_text (insert, 1, uid);
  return xf_db_stmt_run (insert, error);
}

/* Rows per batch of pioneer_changes, read by keyset on (changed_at, id). */
#define LEGACY_BATCH 10000

/* Moves one batch after (@at, @id) into the chain; returns the rows moved or -1. */
static gint64
adopt_batch (XfDb      *db,
             XfDbStmt  *select,
             gint64    *at,
             gint64    *id,
             GError   **error)
{
  gint64 rows = 0;
  XfDbStep step;

  xf_db_stmt_reset (select);
  xf_db_stmt_bind_int64 (select, 1, *at);
  xf_db_stmt_bind_int64 (select, 2, *id);
  while ((step = xf_db_stmt_step (select, error)) == XF_DB_STEP_ROW)
    {
      g_autoptr(XfAuditEntry) entry = xf_audit_entry_new ();
      const char *actor = xf_db_stmt_column_text (select, 2);

      *id = xf_db_stmt_column_int64 (select, 0);
      *at = xf_db_stmt_column_int64 (select, 1);
      entry->at = *at;
      entry->actor_login = g_strdup (actor != NULL && *actor != '\0' ? actor : "legacy");
      entry->actor_name = g_strdup (entry->actor_login);
      entry->action = g_strdup (XF_AUDIT_LEGACY);
      entry->record_type = g_strdup ("pioneer");
      entry->record_uid = xf_db_stmt_dup_text (select, 3);
      entry->record_label = xf_db_stmt_dup_text (select, 4);
      entry->field = xf_db_stmt_dup_text (select, 5);
      entry->old_value = xf_db_stmt_dup_text (select, 6);
      entry->new_value = xf_db_stmt_dup_text (select, 7);
      /* at 0 would mean "now" to append_entry: keep the oldest instant instead. */
      if (entry->at == 0)
        entry->at = 1;
      if (!append_entry (db, entry, error))
        return -1;
      rows++;
    }
  if (step == XF_DB_STEP_ERROR)
    return -1;
  return rows;
}

static gboolean
adopt_pioneer_changes (XfDb    *db,
                       GError **error)
{
  g_autoptr(XfDbStmt) select = NULL;
  gint64 at = G_MININT64, id = G_MININT64, total = 0;

  if (!xf_db_has_table (db, "pioneer_changes"))
    return TRUE;

  select = xf_db_prepare (db,
                          "SELECT c.id, c.changed_at, c.actor, p.uid, p.name, c.field, c.old_value, c.new_value "
                          "FROM pioneer_changes c JOIN pioneers p ON p.id = c.pioneer_id "
                          "WHERE (c.changed_at, c.id) > ($1, $2) "
                          "ORDER BY c.changed_at, c.id LIMIT " G_STRINGIFY (LEGACY_BATCH),
                          error);
  if (select == NULL)
    return FALSE;
  for (;;)
    {
      gint64 rows = adopt_batch (db, select, &at, &id, error);

      if (rows < 0)
        return FALSE;
      total += rows;
      if (rows < LEGACY_BATCH)
        break;
    }
  if (total > 0)
    g_debug ("Moved %" G_GINT64_FORMAT " changes of schema 1 into the audit trail", total);
  /* A file's history is the audit trail from now on. */
  return xf_db_exec (db, "DROP TABLE pioneer_changes", error);
}

/**
 * _xf_audit_adopt_legacy:
 * @db: a database inside the transaction that applied migration 2
 *
 * Gives the database its uid and moves schema 1's pioneer_changes into the
 * chain, oldest first, as XF_AUDIT_LEGACY entries of the pioneers they
 * belong to; then drops pioneer_changes.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
_xf_audit_adopt_legacy (XfDb    *db,
                        GError **error)
{
  g_return_val_if_fail (XF_IS_DB (db), FALSE);
  g_return_val_if_fail (xf_db_in_transaction (db), FALSE);

  return ensure_database_uid (db, error) && adopt_pioneer_changes (db, error);
}
