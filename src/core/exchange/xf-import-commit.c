/* xf-import-commit.c — writing an analysed import in one transaction
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-import"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-audit.h"
#include "xf-demo-private.h"
#include "xf-error.h"
#include "xf-import-private.h"
#include "xf-pioneer-private.h"
#include "xf-registry-private.h"

/* Above this many rows the indexes and search tables are built once at the end. */
#define BULK_ROWS 20000
/* Above this many written records one "changed" (0) stands for all of them. */
#define MAX_CHANGED_SIGNALS 1000

typedef struct
{
  XfImport             *self;
  XfDb                 *db;
  XfAccount            *actor;
  XfImportProgressFunc  progress;
  gpointer              user_data;
  GCancellable         *cancellable;
  XfDbStmt             *insert;       /* owned */
  GArray               *written;      /* ids of written pioneers */
  GArray               *merged_ids;   /* those of them that were merged */
  char                 *where;        /* "FILE line N" buffer */
  guint                 created;
  guint                 merged;
  gint64                now;
  gint64                cache_size;   /* SQLite's, to put back; 0: untouched */
} Commit;

static void
commit_clear (Commit *commit)
{
  if (commit->cache_size != 0)
    {
      g_autofree char *restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT,
                                                  commit->cache_size);

      xf_db_exec (commit->db, restore, NULL);
    }
  g_clear_pointer (&commit->insert, xf_db_stmt_free);
  g_clear_pointer (&commit->written, g_array_unref);
  g_clear_pointer (&commit->merged_ids, g_array_unref);
  g_clear_pointer (&commit->where, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Commit, commit_clear)

static char *
line_text (XfImport *self,
           guint     row)
{
  /* TRANSLATORS: where an imported record came from: "list.csv line 12" */
  return g_strdup_printf (_("%s line %llu"), self->file_name,
                          (unsigned long long) (_xf_import_row (self, row)->line));
}

static gboolean
fail_at_line (XfImport  *self,
              guint      row,
              GError   **error,
              GError    *cause)
{
  g_set_error (error, cause->domain, cause->code, _("Line %llu: %s"),
               (unsigned long long) (_xf_import_row (self, row)->line), cause->message);
  g_error_free (cause);
  return FALSE;
}

static void
report_progress (Commit *commit,
                 guint   row)
{
  if (commit->progress != NULL)
    commit->progress (0.9 * row / MAX (commit->self->rows->len, 1), commit->user_data);
}

/*
 * Pioneers
 */

static gboolean
prepare_insert (Commit  *commit,
                GError **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO pioneers (");

  for (guint i = 1; i < _xf_pioneer_n_columns; i++)
    g_string_append_printf (sql, "%s, ", _xf_pioneer_columns[i].column);
  g_string_append (sql, "tier_rank) VALUES (");
  for (guint i = 1; i <= _xf_pioneer_n_columns; i++)
    g_string_append_printf (sql, "%s$%u", i > 1 ? ", " : "", i);
  g_string_append (sql, ")");
  commit->insert = xf_db_prepare (commit->db, sql->str, error);
  return commit->insert != NULL;
}

static gboolean
insert_pioneer (Commit     *commit,
                XfPioneer  *pioneer,
                GError    **error)
{
  XfDbStmt *stmt = commit->insert;
  int param = 0;

  for (guint i = 1; i < _xf_pioneer_n_columns; i++)
    {
      const char *property = _xf_pioneer_columns[i].property;
      gint64 number;

      param++;
      if (_xf_pioneer_property_is_text (property))
        {
          xf_db_stmt_bind_text (stmt, param, _xf_pioneer_get_text (pioneer, property));
          continue;
        }
      number = _xf_pioneer_get_number (pioneer, property);
      if (number == 0 && _xf_pioneer_zero_is_unset (property))
        xf_db_stmt_bind_null (stmt, param);
      else
        xf_db_stmt_bind_int64 (stmt, param, number);
    }
  xf_db_stmt_bind_int64 (stmt, ++param, MAX (xf_tier_rank (xf_pioneer_get_tier (pioneer)), 0));
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  _xf_pioneer_set_number (pioneer, "id", xf_db_last_insert_id (commit->db));
  return TRUE;
}

static XfHonour *
make_honour (XfImportHonour *honour)
{
  XfHonour *made = xf_honour_new (honour->title, honour->level, honour->year);

  g_object_set (made, "conferring-body", honour->body, "certificate-no", honour->certificate, NULL);
  return made;
}

/* A NEW row, written with one XF_AUDIT_IMPORT entry (and its honour
 * through the registry). The field rules are pure functions of the row
 * and ran in the analysis (xf_import_set_cell runs them again for a
 * changed row), so only what the database decides is checked here: the
 * actor's right at the row's place; a record stored since the analysis
 * with the same identity number or credit code fails the UNIQUE index,
 * a vanished organisation its foreign key. */
static gboolean
create_pioneer (Commit  *commit,
                guint    row,
                GError **error)
{
  XfImport *self = commit->self;
  XfImportHonour honour = { 0 };
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_import_problem_free);
  g_autoptr(XfPioneer) pioneer = _xf_import_build_pioneer (self, row, &honour, problems);
  g_autoptr(GError) local_error = NULL;
  /* Time-ordered: the uid index and the audit trail's record index grow at their end. */
  g_autofree char *uid = xf_store_new_ordered_uid ();
  g_autofree char *where = NULL;
  const char *refusal;
  gint64 id;

  /* Also fills the level a known title implies. */
  _xf_import_check_honour (self, &honour, FALSE, problems);
  if (problems->len > 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Line %llu: %s"),
                   (unsigned long long) (_xf_import_row (self, row)->line),
                   ((XfImportProblem *) g_ptr_array_index (problems, 0))->message);
      goto failed;
    }
  refusal = _xf_import_check_permission (self, XF_OP_PIONEER_CREATE, pioneer);
  if (refusal[0] != '\0')
    {
      g_set_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED, _("Line %llu: %s"),
                   (unsigned long long) (_xf_import_row (self, row)->line), refusal);
      goto failed;
    }
  _xf_pioneer_set_text (pioneer, "uid", uid);
  _xf_pioneer_set_text (pioneer, "tier", "cultivation");
  _xf_pioneer_set_number (pioneer, "created-at", commit->now);
  _xf_pioneer_set_number (pioneer, "updated-at", commit->now);
  _xf_pioneer_set_number (pioneer, "version", 1);
  if (!insert_pioneer (commit, pioneer, &local_error))
    {
      fail_at_line (self, row, error, g_steal_pointer (&local_error));
      goto failed;
    }
  id = xf_pioneer_get_id (pioneer);
  where = line_text (self, row);
  if (!xf_audit_append_change (commit->db, commit->actor, XF_AUDIT_IMPORT, "pioneer", uid,
                               xf_pioneer_get_name (pioneer), NULL, NULL, where, error))
    goto failed;
  if (honour.title != NULL)
    {
      g_autoptr(XfHonour) made = make_honour (&honour);

      /* The registry's own path: its checks, the tier, the audit entry. */
      if (!xf_registry_add_honour (self->registry, id, made, &local_error))
        {
          fail_at_line (self, row, error, g_steal_pointer (&local_error));
          goto failed;
        }
    }
  _xf_import_honour_clear (&honour);
  g_array_append_val (commit->written, id);
  commit->created++;
  return TRUE;

failed:
  _xf_import_honour_clear (&honour);
  return FALSE;
}

/* A MERGE row: the chosen fields over the stored record, version-checked. */
static gboolean
merge_pioneer (Commit  *commit,
               guint    row,
               GError **error)
{
  XfImport *self = commit->self;
  XfImportRow *r = _xf_import_row (self, row);
  XfImportExisting *existing = _xf_import_get_existing (self, r->duplicate_id);
  const char * const *fields = xf_import_get_merge (self, row);
  XfImportHonour honour = { 0 };
  g_autoptr(XfPioneer) old = NULL;
  g_autoptr(XfPioneer) incoming = NULL;
  g_autoptr(XfPioneer) next = NULL;
  g_autoptr(GError) local_error = NULL;

  old = _xf_registry_load (self->registry, r->duplicate_id, &local_error);
  if (old == NULL)
    return fail_at_line (self, row, error, g_steal_pointer (&local_error));
  if (existing == NULL || xf_pioneer_get_version (old) != existing->version)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                   _("Line %llu: “%s” was changed elsewhere since the file was checked; "
                     "nothing was imported"), (unsigned long long) r->line, xf_pioneer_get_name (old));
      return FALSE;
    }
  incoming = _xf_import_build_pioneer (self, row, &honour, NULL);
  _xf_import_honour_clear (&honour);
  next = xf_pioneer_copy (old);
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      if (_xf_pioneer_property_is_text (fields[i]))
        _xf_pioneer_set_text (next, fields[i], _xf_pioneer_get_text (incoming, fields[i]));
      else
        _xf_pioneer_set_number (next, fields[i], _xf_pioneer_get_number (incoming, fields[i]));
    }
  _xf_pioneer_set_number (next, "updated-at", MAX (commit->now, _xf_pioneer_get_number (old, "updated-at")));
  _xf_pioneer_set_number (next, "version", xf_pioneer_get_version (old) + 1);
  if (!xf_registry_check (self->registry, XF_OP_PIONEER_EDIT, old, &local_error) ||
      !xf_registry_check (self->registry, XF_OP_PIONEER_EDIT, next, &local_error) ||
      !xf_pioneer_validate (next, NULL, &local_error))
    return fail_at_line (self, row, error, g_steal_pointer (&local_error));
  if (!_xf_registry_has_differences (old, next))
    return TRUE;
  if (!_xf_registry_write_update (self->registry, old, next, XF_AUDIT_UPDATE, &local_error))
    return fail_at_line (self, row, error, g_steal_pointer (&local_error));
  g_array_append_val (commit->written, r->duplicate_id);
  g_array_append_val (commit->merged_ids, r->duplicate_id);
  commit->merged++;
  return TRUE;
}

/* An honours row: the honour goes through the registry (checks, tier,
 * audit), then the import's own entry. */
static gboolean
create_honour (Commit  *commit,
               guint    row,
               GError **error)
{
  XfImport *self = commit->self;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_import_problem_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(XfHonour) made = NULL;
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *where = NULL;
  g_autofree char *label = NULL;
  XfImportHonour honour = { 0 };
  gint64 pioneer_id = _xf_import_find_pioneer (self, row, problems);

  for (guint c = 0; c < self->mapping->len; c++)
    {
      const char *field = g_ptr_array_index (self->mapping, c);
      const char *value = field != NULL ? _xf_import_field_value (self, row, field) : NULL;

      if (value == NULL || g_str_has_prefix (field, "pioneer-"))
        continue;
      if (g_str_equal (field, "title"))
        honour.title = g_strdup (value);
      else if (g_str_equal (field, "level"))
        honour.level = g_strdup (_xf_import_read_level (value));
      else if (g_str_equal (field, "year"))
        honour.year = _xf_import_read_year (value);
      else if (g_str_equal (field, "conferring-body"))
        honour.body = g_strdup (value);
      else if (g_str_equal (field, "certificate-no"))
        honour.certificate = g_strdup (value);
    }
  _xf_import_check_honour (self, &honour, TRUE, problems);
  if (pioneer_id == 0 || problems->len > 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Line %llu: %s"),
                   (unsigned long long) (_xf_import_row (self, row)->line),
                   problems->len > 0 ? ((XfImportProblem *) g_ptr_array_index (problems, 0))->message : "");
      _xf_import_honour_clear (&honour);
      return FALSE;
    }
  made = make_honour (&honour);
  _xf_import_honour_clear (&honour);
  if (!xf_registry_add_honour (self->registry, pioneer_id, made, &local_error))
    return fail_at_line (self, row, error, g_steal_pointer (&local_error));
  pioneer = _xf_registry_load (self->registry, pioneer_id, error);
  if (pioneer == NULL)
    return FALSE;
  g_object_get (made, "uid", &uid, NULL);
  where = line_text (self, row);
  label = g_strdup_printf ("%s: %s (%d)", xf_pioneer_get_name (pioneer), xf_honour_get_title (made),
                           xf_honour_get_year (made));
  if (!xf_audit_append_change (commit->db, commit->actor, XF_AUDIT_IMPORT, "honour", uid, label,
                               NULL, NULL, where, error))
    return FALSE;
  g_array_append_val (commit->written, pioneer_id);
  commit->created++;
  return TRUE;
}

/*
 * Organisations
 */

static gboolean
create_organisation (Commit  *commit,
                     guint    row,
                     GError **error)
{
  XfImport *self = commit->self;
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autofree char *uid = xf_store_new_uid ();
  g_autofree char *code = _xf_import_organisation_incoming (self, row, "code");
  g_autofree char *name = _xf_import_organisation_incoming (self, row, "name");
  g_autofree char *name_en = _xf_import_organisation_incoming (self, row, "name-en");
  g_autofree char *kind = _xf_import_organisation_incoming (self, row, "kind");
  g_autofree char *where = line_text (self, row);

  stmt = xf_db_prepare (commit->db,
                        "INSERT INTO organisations (uid, code, name, name_en, kind, created_at, "
                        "updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, $6, 1)", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, uid);
  xf_db_stmt_bind_text (stmt, 2, code);
  xf_db_stmt_bind_text (stmt, 3, name);
  xf_db_stmt_bind_text (stmt, 4, name_en != NULL ? name_en : "");
  xf_db_stmt_bind_text (stmt, 5, kind != NULL ? kind : "mass-organisation");
  xf_db_stmt_bind_int64 (stmt, 6, commit->now);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;
  commit->created++;
  return xf_audit_append_change (commit->db, commit->actor, XF_AUDIT_IMPORT, "organisation", uid,
                                 name, NULL, NULL, where, error);
}

static gboolean
merge_organisation (Commit  *commit,
                    guint    row,
                    GError **error)
{
  static const struct { const char *field; const char *column; } columns[] = {
    { "name", "name" }, { "name-en", "name_en" }, { "kind", "kind" },
  };
  XfImport *self = commit->self;
  XfImportRow *r = _xf_import_row (self, row);
  XfImportExisting *existing = _xf_import_get_existing (self, r->duplicate_id);
  const char * const *fields = xf_import_get_merge (self, row);
  g_autoptr(XfDbStmt) version = NULL;
  gint64 current;

  version = xf_db_prepare (commit->db, "SELECT version, name FROM organisations WHERE id = $1", error);
  if (version == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (version, 1, r->duplicate_id);
  current = xf_db_stmt_step (version, NULL) == XF_DB_STEP_ROW ? xf_db_stmt_column_int64 (version, 0) : -1;
  if (existing == NULL || current != existing->version)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                   _("Line %llu: “%s” was changed elsewhere since the file was checked; "
                     "nothing was imported"), (unsigned long long) r->line, existing != NULL ? existing->label : "?");
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(XfDbStmt) old = NULL;
      g_autoptr(XfDbStmt) update = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (fields == NULL || !g_strv_contains (fields, columns[i].field))
        continue;
      after = _xf_import_organisation_incoming (self, row, columns[i].field);
      sql = g_strdup_printf ("SELECT %s FROM organisations WHERE id = $1", columns[i].column);
      old = xf_db_prepare (commit->db, sql, error);
      if (old == NULL)
        return FALSE;
      xf_db_stmt_bind_int64 (old, 1, r->duplicate_id);
      if (xf_db_stmt_step (old, error) != XF_DB_STEP_ROW)
        return FALSE;
      before = xf_db_stmt_dup_text (old, 0);
      if (g_strcmp0 (before, after != NULL ? after : "") == 0)
        continue;
      g_free (sql);
      sql = g_strdup_printf ("UPDATE organisations SET %s = $1, updated_at = $2 WHERE id = $3",
                             columns[i].column);
      update = xf_db_prepare (commit->db, sql, error);
      if (update == NULL)
        return FALSE;
      xf_db_stmt_bind_text (update, 1, after != NULL ? after : "");
      xf_db_stmt_bind_int64 (update, 2, commit->now);
      xf_db_stmt_bind_int64 (update, 3, r->duplicate_id);
      if (!xf_db_stmt_run (update, error) ||
          !xf_audit_append_change (commit->db, commit->actor, XF_AUDIT_UPDATE, "organisation",
                                   existing->uid, existing->label, columns[i].field, before, after, error))
        return FALSE;
    }
  if (fields != NULL && g_strv_contains (fields, "parent-code"))
    {
      g_autofree char *parent = _xf_import_organisation_incoming (self, row, "parent-code");

      if (!xf_audit_append_change (commit->db, commit->actor, XF_AUDIT_UPDATE, "organisation",
                                   existing->uid, existing->label, "parent-code", NULL, parent, error))
        return FALSE;
    }
  {
    g_autoptr(XfDbStmt) bump = xf_db_prepare (commit->db,
                                              "UPDATE organisations SET version = version + 1 WHERE id = $1",
                                              error);

    if (bump == NULL)
      return FALSE;
    xf_db_stmt_bind_int64 (bump, 1, r->duplicate_id);
    if (!xf_db_stmt_run (bump, error))
      return FALSE;
  }
  commit->merged++;
  return TRUE;
}

/* Parents by code, once every row is in (a parent may come later in the file). */
static gboolean
link_parents (Commit  *commit,
              GError **error)
{
  XfImport *self = commit->self;
  g_autoptr(XfDbStmt) link = NULL;

  link = xf_db_prepare (commit->db,
                        "UPDATE organisations SET parent_id = "
                        "(SELECT id FROM organisations WHERE code = $1) WHERE code = $2", error);
  if (link == NULL)
    return FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      XfImportRowState state = xf_import_get_row_state (self, i);
      const char * const *fields = xf_import_get_merge (self, i);
      g_autofree char *parent = NULL;
      g_autofree char *code = NULL;

      if (state != XF_IMPORT_ROW_NEW &&
          !(state == XF_IMPORT_ROW_MERGE && g_strv_contains (fields, "parent-code")))
        continue;
      parent = _xf_import_organisation_incoming (self, i, "parent-code");
      if (parent == NULL)
        continue;
      code = _xf_import_organisation_incoming (self, i, "code");
      xf_db_stmt_bind_text (link, 1, parent);
      xf_db_stmt_bind_text (link, 2, code);
      if (!xf_db_stmt_run (link, error))
        return FALSE;
    }
  return TRUE;
}

/*
 * The whole
 */

static char *
file_checksum (XfImport *self)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  if (self->bytes != NULL)
    {
      gsize size;
      const guchar *data = g_bytes_get_data (self->bytes, &size);

      g_checksum_update (checksum, data, size);
    }
  else if (self->path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (self->path);
      g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
      guchar buffer[65536];
      gssize n;

      if (in == NULL)
        return NULL;
      while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, sizeof buffer, NULL, NULL)) > 0)
        g_checksum_update (checksum, buffer, n);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static void
bulk_step_cb (double   fraction,
              gpointer user_data)
{
  Commit *commit = user_data;

  if (commit->progress != NULL)
    commit->progress (0.9 + 0.09 * fraction, commit->user_data);
}

static gboolean
write_rows (Commit  *commit,
            GError **error)
{
  XfImport *self = commit->self;
  g_autoptr(XfDemoBulk) bulk = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  gboolean pioneers = self->kind == XF_IMPORT_KIND_INDIVIDUALS || self->kind == XF_IMPORT_KIND_COLLECTIVES;
  guint n_new = xf_import_count_rows (self, XF_IMPORT_ROW_NEW);

  if (pioneers && n_new > BULK_ROWS)
    {
      /* As the demo does: a page cache that holds the new rows and their
       * unique indexes, instead of spilling to the WAL mid-transaction. */
      if (xf_db_get_backend (commit->db) == XF_DB_BACKEND_SQLITE)
        {
          commit->cache_size = xf_db_query_int64 (commit->db, "PRAGMA cache_size", -2000, NULL);
          xf_db_exec (commit->db, "PRAGMA cache_size = -262144", NULL);
        }
      bulk = _xf_demo_bulk_begin (commit->db, error);
      if (bulk == NULL)
        return FALSE;
    }
  if (pioneers && !prepare_insert (commit, error))
    return FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      XfImportRowState state = xf_import_get_row_state (self, i);
      gboolean ok = TRUE;

      if (i % 256 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (commit->cancellable, error))
            return FALSE;
          report_progress (commit, i);
        }
      if (state != XF_IMPORT_ROW_NEW && state != XF_IMPORT_ROW_MERGE)
        continue;
      switch (self->kind)
        {
        case XF_IMPORT_KIND_INDIVIDUALS:
        case XF_IMPORT_KIND_COLLECTIVES:
          ok = state == XF_IMPORT_ROW_NEW ? create_pioneer (commit, i, error)
                                          : merge_pioneer (commit, i, error);
          break;
        case XF_IMPORT_KIND_HONOURS:
          ok = state == XF_IMPORT_ROW_NEW ? create_honour (commit, i, error) : TRUE;
          break;
        case XF_IMPORT_KIND_ORGANISATIONS:
        default:
          ok = state == XF_IMPORT_ROW_NEW ? create_organisation (commit, i, error)
                                          : merge_organisation (commit, i, error);
          break;
        }
      if (!ok)
        return FALSE;
    }
  if (self->kind == XF_IMPORT_KIND_ORGANISATIONS && !link_parents (commit, error))
    return FALSE;
  g_debug ("Wrote %u records and merged %u in %.2f s", commit->created, commit->merged,
           g_timer_elapsed (timer, NULL));
  if (g_cancellable_set_error_if_cancelled (commit->cancellable, error))
    return FALSE;
  g_timer_start (timer);
  if (bulk != NULL && !_xf_demo_bulk_finish (bulk, bulk_step_cb, commit, error))
    return FALSE;
  if (bulk != NULL)
    g_debug ("Rebuilt the indexes and search tables in %.2f s", g_timer_elapsed (timer, NULL));
  return TRUE;
}

static gboolean
check_actor (XfImport  *self,
             GError   **error)
{
  XfAccount *actor = xf_registry_get_actor (self->registry);

  switch (self->kind)
    {
    case XF_IMPORT_KIND_INDIVIDUALS:
    case XF_IMPORT_KIND_COLLECTIVES:
      return xf_permission_check_somewhere (actor, XF_OP_PIONEER_CREATE, error);
    case XF_IMPORT_KIND_HONOURS:
      return xf_permission_check_somewhere (actor, XF_OP_HONOUR_EDIT, error);
    case XF_IMPORT_KIND_ORGANISATIONS:
    default:
      return xf_permission_check (actor, XF_OP_ORGANISATION_EDIT, NULL, error);
    }
}

gboolean
_xf_import_commit (XfImport              *self,
                   XfImportProgressFunc   progress,
                   gpointer               user_data,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_auto(Commit) commit = { 0 };
  g_autoptr(XfImportReport) report = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *summary = NULL;
  gboolean nested;

  if (!check_actor (self, error))
    return FALSE;

  commit.self = self;
  commit.db = _xf_registry_get_db (self->registry);
  commit.actor = xf_registry_get_actor (self->registry);
  commit.progress = progress;
  commit.user_data = user_data;
  commit.cancellable = cancellable;
  commit.written = g_array_new (FALSE, FALSE, sizeof (gint64));
  commit.merged_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  commit.now = xf_db_now ();

  report = xf_import_get_report (self);
  checksum = file_checksum (self);
  /* TRANSLATORS: the audit trail's note of an imported file */
  summary = g_strdup_printf (_("%u created, %u merged, %u left out; sha256 %s"),
                             report->created, report->merged, report->left_out->len,
                             checksum != NULL ? checksum : "?");

  /* Not the registry's own begin: the honours it adds nest their writes
   * inside this transaction and would overwrite its notion of nesting. */
  if (!xf_db_begin_write (commit.db, "xf_import", &nested, error))
    return FALSE;
  if (!write_rows (&commit, error) ||
      !xf_audit_append_change (commit.db, commit.actor, XF_AUDIT_IMPORT_FILE, "import", NULL,
                               self->file_name, xf_import_kind_to_string (self->kind), NULL, summary,
                               error))
    {
      xf_db_rollback_write (commit.db, "xf_import", nested);
      return FALSE;
    }
  if (!xf_db_commit_write (commit.db, "xf_import", nested, error))
    return FALSE;

  self->committed = TRUE;
  if (self->kind == XF_IMPORT_KIND_ORGANISATIONS)
    _xf_registry_forget_organisations (self->registry);
  if (progress != NULL)
    progress (1.0, user_data);

  /* As the registry does after each write. Beyond a limit one signal (0)
   * stands for the new files, and each merged file still gets its own,
   * so that an open profile of it reloads. */
  if (commit.written->len > MAX_CHANGED_SIGNALS)
    {
      _xf_registry_emit_changed (self->registry, 0);
      for (guint i = 0; i < commit.merged_ids->len; i++)
        _xf_registry_emit_changed (self->registry, g_array_index (commit.merged_ids, gint64, i));
    }
  else
    for (guint i = 0; i < commit.written->len; i++)
      _xf_registry_emit_changed (self->registry, g_array_index (commit.written, gint64, i));
  return TRUE;
}
