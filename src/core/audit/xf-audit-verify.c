/* xf-audit-verify.c — checking the audit trail's chain and recording its head
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-audit"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "xf-audit.h"
#include "xf-audit-private.h"
#include "xf-error.h"
#include "xf-permission.h"

/*
 * The walk reads audit_log in seq order by keyset (seq > last), a batch at
 * a time, so memory stays flat at any length, and hashes each row without
 * allocating. It stops at the first broken link.
 *
 * The recorded head lives outside the database, one small JSON file per
 * database uid: {"seq": N, "hash": "…", "recorded_at": "…", "location": "…"}.
 * It only moves forward: it is written when the chain checks out and still
 * holds the entry recorded before.
 */

#define VERIFY_BATCH 10000

void
xf_audit_verification_free (XfAuditVerification *result)
{
  if (result == NULL)
    return;
  g_free (result->message);
  g_free (result);
}

/*
 * The head file
 */

typedef struct
{
  gint64  seq;
  char   *hash;
  char   *recorded_at;   /* ISO 8601, for messages */
} RecordedHead;

static void
recorded_head_clear (RecordedHead *head)
{
  g_clear_pointer (&head->hash, g_free);
  g_clear_pointer (&head->recorded_at, g_free);
  head->seq = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RecordedHead, recorded_head_clear)

static char *
head_path (XfDb    *db,
           GError **error)
{
  g_autofree char *uid = _xf_audit_get_database_uid (db, error);
  g_autofree char *name = NULL;

  if (uid == NULL)
    return NULL;
  /* It names a file: only our own kind of uid. */
  if (!g_uuid_string_is_valid (uid))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                   _("The database “%s” has a malformed uid “%s”"),
                   xf_db_get_display_name (db), uid);
      return NULL;
    }
  name = g_strconcat (uid, ".json", NULL);
  return g_build_filename (g_get_user_state_dir (), "xianfeng", "audit-heads", name, NULL);
}

/* Fills @head from @path; a missing file leaves it empty (seq 0, hash NULL). */
static gboolean
read_recorded_head (const char    *path,
                    RecordedHead  *head,
                    GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;

  if (!json_parser_load_from_file (parser, path, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_set_error (error, XF_ERROR, XF_ERROR_IO,
                   _("The recorded head of the audit trail “%s” could not be read: %s"),
                   path, local_error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (object == NULL || !json_object_has_member (object, "seq") ||
      json_object_get_string_member_with_default (object, "hash", NULL) == NULL)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                   _("The recorded head of the audit trail “%s” is malformed"), path);
      return FALSE;
    }
  head->seq = json_object_get_int_member (object, "seq");
  head->hash = g_strdup (json_object_get_string_member (object, "hash"));
  head->recorded_at = g_strdup (json_object_get_string_member_with_default (object, "recorded_at", ""));
  return TRUE;
}

static gboolean
write_recorded_head (XfDb        *db,
                     const char  *path,
                     gint64       seq,
                     const char  *hash,
                     GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seq");
  json_builder_add_int_value (builder, seq);
  json_builder_set_member_name (builder, "hash");
  json_builder_add_string_value (builder, hash);
  json_builder_set_member_name (builder, "recorded_at");
  json_builder_add_string_value (builder, now_text);
  json_builder_set_member_name (builder, "location");
  json_builder_add_string_value (builder, xf_db_get_display_name (db));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, XF_ERROR, XF_ERROR_IO,
                   _("The folder “%s” for the audit trail’s head could not be created: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }
  /* Written to a new file and renamed: a crash leaves the old head or the new one. */
  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_IO,
                   _("The head of the audit trail could not be recorded in “%s”: %s"),
                   path, local_error->message);
      return FALSE;
    }
  g_debug ("Recorded the audit trail's head %" G_GINT64_FORMAT " in %s", seq, path);
  return TRUE;
}

/*
 * Reading the chain
 */

/* One read snapshot for the walk, so rows and head agree; none when the
 * caller already holds a transaction on this connection. */
static gboolean
begin_snapshot (XfDb    *db,
                GError **error)
{
  if (xf_db_in_transaction (db))
    return FALSE;
  return xf_db_exec (db, xf_db_get_backend (db) == XF_DB_BACKEND_POSTGRESQL
                         ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN",
                     error);
}

static gint64
query_int64 (XfDb        *db,
             const char  *sql,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 value = xf_db_query_int64 (db, sql, 0, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  return value;
}

/* The last row's seq and hash (0 and NULL for an empty trail). */
static gboolean
read_chain_head (XfDb     *db,
                 gint64   *seq,
                 char    **hash,
                 GError  **error)
{
  g_autoptr(XfDbStmt) head = xf_db_prepare (db, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", error);
  XfDbStep step;

  if (head == NULL)
    return FALSE;
  step = xf_db_stmt_step (head, error);
  if (step == XF_DB_STEP_ERROR)
    return FALSE;
  if (step == XF_DB_STEP_ROW)
    {
      *seq = xf_db_stmt_column_int64 (head, 0);
      *hash = xf_db_stmt_dup_text (head, 1);
    }
  return TRUE;
}

/* The hash of the row @seq, or NULL (no such row, or an error in @error). */
static char *
hash_at (XfDb     *db,
         gint64    seq,
         GError  **error)
{
  g_autoptr(XfDbStmt) stmt = xf_db_prepare (db, "SELECT hash FROM audit_log WHERE seq = $1", error);

  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, seq);
  if (xf_db_stmt_step (stmt, error) != XF_DB_STEP_ROW)
    return NULL;
  return xf_db_stmt_dup_text (stmt, 0);
}

/*
 * Verifying
 */

typedef struct
{
  XfAuditHasher   hasher;
  gint64          expected;            /* the seq the next row must have */
  char            prev[65];            /* the hash of the row before */
  gint64          checked;
  XfAuditProblem  problem;
  gint64          problem_seq;
  const RecordedHead *recorded;
  char           *hash_at_recorded;    /* the chain's hash at the recorded seq */
} Walk;

static void
walk_clear (Walk *walk)
{
  _xf_audit_hasher_clear (&walk->hasher);
  g_clear_pointer (&walk->hash_at_recorded, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Walk, walk_clear)

static void
walk_fail (Walk           *walk,
           XfAuditProblem  problem,
           gint64          seq)
{
  walk->problem = problem;
  walk->problem_seq = seq;
}

/* Checks the current row; FALSE when it breaks the chain. */
static gboolean
walk_row (Walk     *walk,
          XfDbStmt *stmt)
{
  gint64 seq = xf_db_stmt_column_int64 (stmt, XF_AUDIT_COL_SEQ);
  gint64 at = xf_db_stmt_column_int64 (stmt, XF_AUDIT_COL_AT);
  const char *prev_hash = xf_db_stmt_column_text (stmt, XF_AUDIT_COL_PREV_HASH);
  const char *hash = xf_db_stmt_column_text (stmt, XF_AUDIT_COL_HASH);
  const char *texts[XF_AUDIT_N_TEXTS];
  const char *own;

  if (seq < walk->expected)
    {
      /* A second row with a seq already seen (a table without its key). */
      walk_fail (walk, XF_AUDIT_INSERTED, seq);
      return FALSE;
    }
  if (seq > walk->expected)
    {
      walk_fail (walk, XF_AUDIT_DELETED, walk->expected);
      return FALSE;
    }

  for (guint i = 0; i < XF_AUDIT_N_TEXTS; i++)
    texts[i] = xf_db_stmt_column_text (stmt, XF_AUDIT_COL_ACTOR_LOGIN + (int) i);
  own = _xf_audit_hasher_hash (&walk->hasher, prev_hash, seq, at, texts);
  if (g_strcmp0 (own, hash) != 0)
    {
      walk_fail (walk, XF_AUDIT_EDITED, seq);
      return FALSE;
    }
  if (g_strcmp0 (prev_hash, walk->prev) != 0)
    {
      walk_fail (walk, XF_AUDIT_INSERTED, seq);
      return FALSE;
    }

  g_strlcpy (walk->prev, hash, sizeof walk->prev);
  if (walk->recorded != NULL && seq == walk->recorded->seq)
    walk->hash_at_recorded = g_strdup (hash);
  walk->expected++;
  walk->checked++;
  return TRUE;
}

/* Walks the chain; FALSE with @error only when it could not be read. */
static gboolean
walk_chain (XfDb                *db,
            Walk                *walk,
            gint64               total,
            XfAuditProgressFunc  progress,
            gpointer             user_data,
            GCancellable        *cancellable,
            GError             **error)
{
  g_autoptr(XfDbStmt) stmt = NULL;
  gint64 last = 0;

  stmt = xf_db_prepare (db,
                        "SELECT " XF_AUDIT_COLUMNS " FROM audit_log WHERE seq > $1 "
                        "ORDER BY seq LIMIT " G_STRINGIFY (VERIFY_BATCH),
                        error);
  if (stmt == NULL)
    return FALSE;

  walk->expected = 1;
  walk->prev[0] = '\0';
  for (;;)
    {
      gint64 rows = 0;
      XfDbStep step;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      xf_db_stmt_reset (stmt);
      xf_db_stmt_bind_int64 (stmt, 1, last);
      while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
        {
          rows++;
          last = xf_db_stmt_column_int64 (stmt, XF_AUDIT_COL_SEQ);
          if (!walk_row (walk, stmt))
            return TRUE;
        }
      if (step == XF_DB_STEP_ERROR)
        return FALSE;
      if (progress != NULL)
        progress (walk->checked, MAX (total, walk->checked), user_data);
      if (rows < VERIFY_BATCH)
        return TRUE;
    }
}

/* The walk in one read snapshot; FALSE with @error only when it could not be read. */
static gboolean
walk_in_snapshot (XfDb                *db,
                  Walk                *walk,
                  XfAuditProgressFunc  progress,
                  gpointer             user_data,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean snapshot;
  gboolean ok;
  gint64 total;

  snapshot = begin_snapshot (db, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  total = query_int64 (db, "SELECT coalesce (max (seq), 0) FROM audit_log", error);
  _xf_audit_hasher_init (&walk->hasher);
  ok = total >= 0 && walk_chain (db, walk, total, progress, user_data, cancellable, error);
  if (snapshot)
    xf_db_exec (db, "COMMIT", NULL);
  return ok;
}

/* "2026-03-01 09:30" in local time, from the ISO 8601 text of a head file. */
char *
_xf_audit_format_recorded_at (const char *iso)
{
  g_autoptr(GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup (iso != NULL && *iso != '\0' ? iso : "?");
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
describe (const Walk         *walk,
          const RecordedHead *recorded,
          gint64              last)
{
  long long seq = walk->problem_seq;
  g_autofree char *recorded_at = NULL;

  switch (walk->problem)
    {
    case XF_AUDIT_OK:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The audit trail is intact: %lld entry checked",
                                           "The audit trail is intact: %lld entries checked",
                                           (gulong) walk->checked),
                              (long long) walk->checked);
    case XF_AUDIT_EDITED:
      return g_strdup_printf (_("Entry %lld of the audit trail was edited: its contents no longer match its hash"),
                              seq);
    case XF_AUDIT_DELETED:
      return g_strdup_printf (_("Entry %lld of the audit trail is missing: it was deleted"), seq);
    case XF_AUDIT_INSERTED:
      return g_strdup_printf (_("Entry %lld of the audit trail does not link to the entry before it: "
                                "an entry was inserted or replaced there"), seq);
    case XF_AUDIT_TRUNCATED:
      recorded_at = _xf_audit_format_recorded_at (recorded->recorded_at);
      if (recorded->seq > last)
        return g_strdup_printf (_("The audit trail ends at entry %lld, but entry %lld was recorded on %s: "
                                  "the newest entries were removed"),
                                (long long) last, seq, recorded_at);
      return g_strdup_printf (_("Entry %lld of the audit trail differs from the one recorded on %s: "
                                "the newest entries were replaced"),
                              seq, recorded_at);
    default:
      g_assert_not_reached ();
    }
}

/**
 * xf_audit_verify:
 * @store: the database
 * @actor: the acting account (XF_OP_AUDIT_READ)
 * @progress: (nullable) (scope call): called after each batch of rows
 * @cancellable: (nullable): checked between batches
 *
 * Walks the whole chain in seq order and compares its end with the head
 * recorded outside the database; when everything checks out, records the
 * new head. See xf-audit.h.
 *
 * Returns: (transfer full): the result (a broken chain is a result), or
 *   %NULL with @error set when the check could not run
 */
XfAuditVerification *
xf_audit_verify (XfStore             *store,
                 XfAccount           *actor,
                 XfAuditProgressFunc  progress,
                 gpointer             user_data,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_auto(Walk) walk = { 0 };
  g_auto(RecordedHead) recorded = { 0 };
  g_autoptr(XfAuditVerification) result = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *path = NULL;
  gint64 last;
  XfDb *db;

  g_return_val_if_fail (XF_IS_STORE (store), NULL);
  g_return_val_if_fail (XF_IS_ACCOUNT (actor), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!xf_permission_check (actor, XF_OP_AUDIT_READ, NULL, error))
    return NULL;

  db = xf_store_get_db (store);
  path = head_path (db, error);
  if (path == NULL || !read_recorded_head (path, &recorded, error))
    return NULL;

  walk.recorded = recorded.hash != NULL ? &recorded : NULL;
  if (!walk_in_snapshot (db, &walk, progress, user_data, cancellable, error))
    return NULL;

  last = walk.expected - 1;
  if (walk.problem == XF_AUDIT_OK && recorded.hash != NULL)
    {
      if (recorded.seq > last)
        walk_fail (&walk, XF_AUDIT_TRUNCATED, recorded.seq);
      else if (recorded.seq > 0 && g_strcmp0 (walk.hash_at_recorded, recorded.hash) != 0)
        walk_fail (&walk, XF_AUDIT_TRUNCATED, recorded.seq);
    }

  result = g_new0 (XfAuditVerification, 1);
  result->problem = walk.problem;
  result->seq = walk.problem == XF_AUDIT_OK ? last : walk.problem_seq;
  result->n_entries = walk.checked;
  result->message = describe (&walk, &recorded, last);
  g_debug ("Verified %" G_GINT64_FORMAT " entries in %.2f s: %s", walk.checked,
           g_timer_elapsed (timer, NULL), result->message);

  if (result->problem == XF_AUDIT_OK &&
      !write_recorded_head (db, path, last, walk.prev, error))
    return NULL;
  return g_steal_pointer (&result);
}

/*
 * For backups (xf-backup.c, xf-check.c): the chain of @db alone, without
 * comparing or writing the head recorded outside the database. A backup
 * shares its database's uid but is older than the recorded head, and
 * reading it must not move that head.
 */
XfAuditVerification *
_xf_audit_verify_chain (XfDb          *db,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_auto(Walk) walk = { 0 };
  g_auto(RecordedHead) none = { 0 };
  g_autoptr(XfAuditVerification) result = NULL;

  g_return_val_if_fail (XF_IS_DB (db), NULL);

  if (!walk_in_snapshot (db, &walk, NULL, NULL, cancellable, error))
    return NULL;

  result = g_new0 (XfAuditVerification, 1);
  result->problem = walk.problem;
  result->seq = walk.problem == XF_AUDIT_OK ? walk.expected - 1 : walk.problem_seq;
  result->n_entries = walk.checked;
  result->message = describe (&walk, &none, walk.expected - 1);
  return g_steal_pointer (&result);
}

/*
 * After a restore (xf-backup.c): the database went back to a backup's
 * chain, so its head is recorded as it now is, even when that is behind
 * the head recorded before (the safety copy keeps the newer entries).
 */
gboolean
_xf_audit_reset_head (XfDb    *db,
                      GError **error)
{
  g_autofree char *path = head_path (db, error);
  g_autofree char *hash = NULL;
  gint64 seq = 0;

  if (path == NULL || !read_chain_head (db, &seq, &hash, error))
    return FALSE;
  return write_recorded_head (db, path, seq, hash != NULL ? hash : "", error);
}

/**
 * xf_audit_record_head:
 * @store: the database
 *
 * Records the chain's current head outside the database (backups call
 * this). The recorded head only moves forward: when the chain no longer
 * holds the entry recorded before, nothing is written and
 * XF_ERROR_CORRUPT tells to run a verification.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
xf_audit_record_head (XfStore  *store,
                      GError  **error)
{
  g_auto(RecordedHead) recorded = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *head_hash = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 seq = 0;
  XfDb *db;

  g_return_val_if_fail (XF_IS_STORE (store), FALSE);

  db = xf_store_get_db (store);
  path = head_path (db, error);
  if (path == NULL || !read_recorded_head (path, &recorded, error))
    return FALSE;

  if (!read_chain_head (db, &seq, &head_hash, error))
    return FALSE;

  if (recorded.hash != NULL && recorded.seq > 0)
    {
      hash = recorded.seq <= seq ? hash_at (db, recorded.seq, &local_error) : NULL;
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (g_strcmp0 (hash, recorded.hash) != 0)
        {
          g_autofree char *recorded_at = _xf_audit_format_recorded_at (recorded.recorded_at);

          g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                       _("The audit trail no longer holds entry %lld as recorded on %s; "
                         "its head was not recorded again. Verify the audit trail."),
                       (long long) recorded.seq, recorded_at);
          return FALSE;
        }
    }
  return write_recorded_head (db, path, seq, head_hash != NULL ? head_hash : "", error);
}
