/* xf-care-programmes.c — the care catalogue, seeded from a data file
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xf-care-private.h"
#include "xf-data.h"
#include "xf-error.h"
#include "xf-store.h"

/*
 * The catalogue lives in care_programmes. The first read of an empty
 * table seeds it from data/reference/care-programmes.json in one write,
 * audited as one "seed" entry naming the file and the number of
 * programmes. A read-only database that was never seeded shows the
 * file's programmes (id 0).
 */

#define CATALOGUE_FILE   "reference/care-programmes.json"
#define XF_AUDIT_SEED    "seed"
#define MIN_CODE         2
#define MAX_CODE         40
#define MAX_NAME         100
#define MAX_DESCRIPTION  1000
#define MAX_INTERVAL     10

#define PROGRAMME_COLUMNS \
  "p.id, p.code, p.kind, p.name_en, p.name_zh, p.description, p.rules, " \
  "coalesce(p.yearly_quota, 0), coalesce(p.yearly_budget, 0), p.unit_cost, p.interval_years, " \
  "o.code, p.active, p.position, p.version, p.description_zh"
#define PROGRAMME_FROM \
  " FROM care_programmes p LEFT JOIN organisations o ON o.id = p.organisation_id"

static const char * const known_kinds[] = {
  XF_CARE_KIND_HEALTH_CHECK, XF_CARE_KIND_RECUPERATION, XF_CARE_KIND_ALLOWANCE,
  XF_CARE_KIND_HARDSHIP, XF_CARE_KIND_FESTIVAL_VISIT, XF_CARE_KIND_GREETING,
  XF_CARE_KIND_ELDERLY_CARE, XF_CARE_KIND_OTHER, NULL
};

static void
take_text (char     **field,
           XfDbStmt  *stmt,
           int        column)
{
  g_free (*field);
  *field = xf_db_stmt_dup_text (stmt, column);
  if (*field == NULL)
    *field = g_strdup ("");
}

static gpointer
programme_from_row (XfDbStmt *stmt,
                    gpointer  user_data G_GNUC_UNUSED)
{
  XfCareProgramme *programme = xf_care_programme_new ();
  g_autoptr(XfCareRules) rules = NULL;

  programme->id = xf_db_stmt_column_int64 (stmt, 0);
  take_text (&programme->code, stmt, 1);
  take_text (&programme->kind, stmt, 2);
  take_text (&programme->name_en, stmt, 3);
  take_text (&programme->name_zh, stmt, 4);
  take_text (&programme->description, stmt, 5);
  /* Stored rules were checked when saved; a hand-edited row that no
   * longer parses is shown as the default rather than hidden. */
  rules = xf_care_rules_parse (xf_db_stmt_column_text (stmt, 6), NULL);
  if (rules != NULL)
    {
      xf_care_rules_free (programme->rules);
      programme->rules = g_steal_pointer (&rules);
    }
  programme->yearly_quota = (int) xf_db_stmt_column_int64 (stmt, 7);
  programme->yearly_budget = xf_db_stmt_column_int64 (stmt, 8);
  programme->unit_cost = xf_db_stmt_column_int64 (stmt, 9);
  programme->interval_years = (int) xf_db_stmt_column_int64 (stmt, 10);
  programme->organisation_code = xf_db_stmt_dup_text (stmt, 11);
  programme->active = xf_db_stmt_column_int64 (stmt, 12) != 0;
  programme->position = (int) xf_db_stmt_column_int64 (stmt, 13);
  programme->version = xf_db_stmt_column_int64 (stmt, 14);
  take_text (&programme->description_zh, stmt, 15);
  return programme;
}

/*
 * The data file
 */

static char *
member_text (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strstrip (g_strdup (json_node_get_string (node)));
  return g_strdup ("");
}

static gint64
member_int (JsonObject *object,
            const char *name,
            gint64      fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  return fallback;
}

static XfCareProgramme *
programme_from_json (JsonObject  *object,
                     int          position,
                     GError     **error)
{
  g_autoptr(XfCareProgramme) programme = xf_care_programme_new ();
  JsonNode *rules = json_object_get_member (object, "rules");
  g_autofree char *rules_json = rules != NULL ? json_to_string (rules, FALSE) : NULL;

  g_free (programme->code);
  programme->code = member_text (object, "code");
  g_free (programme->kind);
  programme->kind = member_text (object, "kind");
  g_free (programme->name_en);
  programme->name_en = member_text (object, "name_en");
  g_free (programme->name_zh);
  programme->name_zh = member_text (object, "name_zh");
  g_free (programme->description);
  programme->description = member_text (object, "description");
  g_free (programme->description_zh);
  programme->description_zh = member_text (object, "description_zh");
  xf_care_rules_free (programme->rules);
  programme->rules = xf_care_rules_parse (rules_json, error);
  if (programme->rules == NULL)
    return NULL;
  programme->yearly_quota = (int) CLAMP (member_int (object, "yearly_quota", 0), 0, G_MAXINT);
  programme->yearly_budget = MAX (member_int (object, "yearly_budget", 0), 0);
  programme->unit_cost = MAX (member_int (object, "unit_cost", 0), 0);
  programme->interval_years = (int) CLAMP (member_int (object, "interval_years", 1), 1, MAX_INTERVAL);
  programme->organisation_code = member_text (object, "organisation");
  programme->position = position;
  return g_steal_pointer (&programme);
}

/* (element-type XfCareProgramme) the shipped programmes in file order, id 0. */
static GPtrArray *
load_file (GError **error)
{
  g_autofree char *path = xf_data_find_file (CATALOGUE_FILE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) programmes = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_care_programme_free);
  g_autoptr(GError) local_error = NULL;
  JsonNode *root, *items = NULL;

  if (json_parser_load_from_file (parser, path, &local_error))
    {
      root = json_parser_get_root (parser);
      items = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
              ? json_object_get_member (json_node_get_object (root), "items") : NULL;
    }
  for (guint i = 0; items != NULL && JSON_NODE_HOLDS_ARRAY (items)
       && i < json_array_get_length (json_node_get_array (items)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (items), i);
      XfCareProgramme *programme;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      programme = programme_from_json (json_node_get_object (element), (int) i + 1, &local_error);
      if (programme == NULL)
        break;
      g_ptr_array_add (programmes, programme);
    }
  if (local_error != NULL || items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT, _("Reference data file %s is damaged: %s"), path,
                   local_error != NULL ? local_error->message : _("there is no \"items\" array"));
      return NULL;
    }
  return g_steal_pointer (&programmes);
}

/*
 * Seeding
 */

static gboolean
is_empty (XfCare    *self,
          gboolean  *empty,
          GError   **error)
{
  gint64 any = 0;

  if (!xf_repo_query_int64 (&self->repo, "SELECT count(*) FROM care_programmes WHERE id > $1", 0, &any, error))
    return FALSE;
  *empty = any == 0;
  return TRUE;
}

static gboolean
insert_programme (XfCare                 *self,
                  const XfCareProgramme  *programme,
                  GError                **error)
{
  g_autofree char *rules = xf_care_rules_to_json (programme->rules);
  XfDbStmt *stmt = xf_repo_prepare (&self->repo,
    "INSERT INTO care_programmes (code, kind, name_en, name_zh, description, rules, yearly_quota,"
    " yearly_budget, unit_cost, interval_years, organisation_id, active, position, created_at,"
    " updated_at, version, description_zh) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
    " (SELECT id FROM organisations WHERE code = $11), $12, $13, $14, $14, 1, $15)", error);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, programme->code);
  xf_db_stmt_bind_text (stmt, 2, programme->kind);
  xf_db_stmt_bind_text (stmt, 3, programme->name_en);
  xf_db_stmt_bind_text (stmt, 4, programme->name_zh);
  xf_db_stmt_bind_text (stmt, 5, programme->description);
  xf_db_stmt_bind_text (stmt, 6, rules);
  xf_repo_bind_id_or_null (stmt, 7, programme->yearly_quota);
  xf_repo_bind_id_or_null (stmt, 8, programme->yearly_budget);
  xf_db_stmt_bind_int64 (stmt, 9, programme->unit_cost);
  xf_db_stmt_bind_int64 (stmt, 10, programme->interval_years);
  xf_db_stmt_bind_text (stmt, 11, programme->organisation_code != NULL ? programme->organisation_code : "");
  xf_db_stmt_bind_int64 (stmt, 12, programme->active ? 1 : 0);
  xf_db_stmt_bind_int64 (stmt, 13, programme->position);
  xf_db_stmt_bind_int64 (stmt, 14, xf_db_now ());
  xf_db_stmt_bind_text (stmt, 15, programme->description_zh != NULL ? programme->description_zh : "");
  return xf_db_stmt_run (stmt, error);
}

static gboolean
seed_rows (XfCare     *self,
           GPtrArray  *programmes,
           GError    **error)
{
  g_autofree char *count = g_strdup_printf ("%u", programmes->len);
  gboolean empty = FALSE;

  /* Another desk may have seeded it since we looked. */
  if (!is_empty (self, &empty, error))
    return FALSE;
  if (!empty)
    return TRUE;
  for (guint i = 0; i < programmes->len; i++)
    if (!insert_programme (self, g_ptr_array_index (programmes, i), error))
      return FALSE;
  return xf_repo_audit (&self->repo, XF_AUDIT_SEED, XF_RECORD_CARE_PROGRAMME, NULL, CATALOGUE_FILE,
                        "programmes", NULL, count, error);
}

static gboolean
seed (XfCare  *self,
      GError **error)
{
  g_autoptr(GPtrArray) programmes = load_file (error);

  if (programmes == NULL
      || !xf_registry_ensure_organisations (self->registry, error)
      || !xf_repo_begin (&self->repo, error))
    return FALSE;
  return _xf_care_end (self, seed_rows (self, programmes, error), 0, error);
}

static gboolean
ensure_catalogue (XfCare  *self,
                  GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean outer_nested = self->repo.nested;
  gboolean empty = FALSE;
  gboolean seeded;

  if (!is_empty (self, &empty, error))
    return FALSE;
  if (!empty || xf_db_is_read_only (self->repo.db))
    return TRUE;
  /* Called from inside another write too: its savepoint state is kept. */
  seeded = seed (self, &local_error);
  self->repo.nested = outer_nested;
  if (seeded)
    return TRUE;
  /* Two desks seeding at once on PostgreSQL: the other one won. */
  if (is_empty (self, &empty, NULL) && !empty)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/*
 * Reading
 */

GPtrArray *
xf_care_list_programmes (XfCare    *self,
                         gboolean   include_inactive,
                         GError   **error)
{
  g_autoptr(GPtrArray) programmes = NULL;
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_CARE (self), NULL);

  if (!ensure_catalogue (self, error))
    return NULL;
  stmt = xf_repo_prepare (&self->repo, "SELECT " PROGRAMME_COLUMNS PROGRAMME_FROM
                          " WHERE p.active >= $1 ORDER BY p.position, p.id", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, include_inactive ? 0 : 1);
  programmes = xf_repo_collect (&self->repo, stmt, programme_from_row, NULL,
                                (GDestroyNotify) xf_care_programme_free, error);
  if (programmes != NULL && programmes->len == 0 && xf_db_is_read_only (self->repo.db))
    {
      GPtrArray *shipped = load_file (NULL);

      /* Not seeded yet and cannot be: what the seed would hold. */
      if (shipped != NULL)
        return shipped;
    }
  return g_steal_pointer (&programmes);
}

static void
set_not_found (const char  *code,
               GError     **error)
{
  g_autofree char *quoted = xf_repo_quote (code);

  /* Translators: %s is a programme's code such as "health-check". */
  g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("Care programme “%s” does not exist"), quoted);
}

XfCareProgramme *
xf_care_get_programme (XfCare      *self,
                       const char  *code,
                       GError     **error)
{
  g_autoptr(GPtrArray) all = NULL;
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_CARE (self), NULL);

  if (code == NULL || !g_utf8_validate (code, -1, NULL))
    code = "";
  all = xf_db_is_read_only (self->repo.db) ? xf_care_list_programmes (self, TRUE, error) : NULL;
  for (guint i = 0; all != NULL && i < all->len; i++)
    if (g_strcmp0 (((XfCareProgramme *) g_ptr_array_index (all, i))->code, code) == 0)
      return xf_care_programme_copy (g_ptr_array_index (all, i));
  if (all != NULL || !ensure_catalogue (self, error))
    {
      if (all != NULL)
        set_not_found (code, error);
      return NULL;
    }
  stmt = xf_repo_prepare (&self->repo, "SELECT " PROGRAMME_COLUMNS PROGRAMME_FROM " WHERE p.code = $1", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_text (stmt, 1, code);
  all = xf_repo_collect (&self->repo, stmt, programme_from_row, NULL,
                         (GDestroyNotify) xf_care_programme_free, error);
  if (all == NULL)
    return NULL;
  if (all->len == 0)
    {
      set_not_found (code, error);
      return NULL;
    }
  return xf_care_programme_copy (g_ptr_array_index (all, 0));
}

gint64
_xf_care_programme_id (XfCare      *self,
                       const char  *code,
                       gboolean     allow_inactive,
                       GError     **error)
{
  g_autofree char *quoted = xf_repo_quote (code);
  XfDbStmt *stmt;
  XfDbStep step;
  gint64 id = 0;
  gboolean active = FALSE;

  if (!ensure_catalogue (self, error))
    return 0;
  stmt = xf_repo_prepare (&self->repo, "SELECT id, active FROM care_programmes WHERE code = $1", error);
  if (stmt == NULL)
    return 0;
  xf_db_stmt_bind_text (stmt, 1, code != NULL && g_utf8_validate (code, -1, NULL) ? code : "");
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      id = xf_db_stmt_column_int64 (stmt, 0);
      active = xf_db_stmt_column_int64 (stmt, 1) != 0;
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return 0;
  if (id == 0)
    /* Translators: %s is a programme's code. */
    g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Programme: “%s” is not in the catalogue"), quoted);
  else if (!active && !allow_inactive)
    g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Programme: “%s” is no longer offered"), quoted);
  else
    return id;
  return 0;
}

gint64
_xf_care_programme_id_by_hand (XfCare      *self,
                               const char  *code,
                               GError     **error)
{
  gint64 id = _xf_care_programme_id (self, code, FALSE, error);
  gint64 hardship = 0;
  g_autofree char *quoted = NULL;

  if (id == 0 || !xf_repo_query_int64 (&self->repo, "SELECT COUNT(*) FROM care_programmes"
                                       " WHERE id = $1 AND kind = 'hardship'", id, &hardship, error))
    return 0;
  if (hardship == 0)
    return id;
  quoted = xf_repo_quote (code);
  /* Translators: %s is a programme's code. */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
               _("Programme: “%s” is given only as the payments of an approved hardship case"), quoted);
  return 0;
}

/*
 * Writing
 */

static gboolean
valid_code (const char *code)
{
  gsize length = strlen (code);

  return length >= MIN_CODE && length <= MAX_CODE
         && strspn (code, "abcdefghijklmnopqrstuvwxyz0123456789-") == length;
}

static gboolean
check_numbers (const XfCareProgramme  *programme,
               GError                **error)
{
  if (programme->yearly_quota < 0)
    g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Yearly quota: cannot be negative"));
  else if (programme->yearly_budget < 0)
    g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Yearly budget: cannot be negative"));
  else if (programme->unit_cost < 0)
    g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Unit cost: cannot be negative"));
  else if (programme->interval_years < 1 || programme->interval_years > MAX_INTERVAL)
    /* Translators: the largest interval, then what was given. */
    g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Interval: from 1 to %d years, not %d"),
                 MAX_INTERVAL, programme->interval_years);
  else
    return TRUE;
  return FALSE;
}

static gboolean
check_organisation (XfCare      *self,
                    const char  *code,
                    GError     **error)
{
  g_autofree char *quoted = NULL;
  XfDbStmt *stmt;
  gint64 found = 0;

  if (code == NULL || *code == '\0')
    return TRUE;
  if (!xf_registry_ensure_organisations (self->registry, error))
    return FALSE;
  stmt = xf_repo_prepare (&self->repo, "SELECT count(*) FROM organisations WHERE code = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, g_utf8_validate (code, -1, NULL) ? code : "");
  if (xf_db_stmt_step (stmt, error) == XF_DB_STEP_ROW)
    found = xf_db_stmt_column_int64 (stmt, 0);
  xf_db_stmt_reset (stmt);
  if (found > 0)
    return TRUE;
  quoted = xf_repo_quote (code);
  /* Translators: %s is what was given as an organisation's code. */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Organisation: “%s” is not a known organisation"), quoted);
  return FALSE;
}

/* Checks the rules by writing and reading them back. */
static XfCareRules *
check_rules (const XfCareRules  *rules,
             GError            **error)
{
  g_autofree char *json = NULL;

  if (rules == NULL)
    return xf_care_rules_new ();
  json = xf_care_rules_to_json (rules);
  return xf_care_rules_parse (json, error);
}

static gboolean
validate_texts (const XfCareProgramme  *programme,
                XfCareProgramme        *clean,
                GError                **error)
{
  g_autofree char *quoted = NULL;

  g_free (clean->code);
  clean->code = g_strstrip (g_strdup (programme->code != NULL ? programme->code : ""));
  if (!g_utf8_validate (clean->code, -1, NULL) || !valid_code (clean->code))
    {
      quoted = xf_repo_quote (clean->code);
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Code: “%s” is not a code (%d to %d lower-case letters, digits and “-”)"),
                   quoted, MIN_CODE, MAX_CODE);
      return FALSE;
    }
  if (programme->kind == NULL || !g_strv_contains (known_kinds, programme->kind))
    {
      quoted = xf_repo_quote (programme->kind);
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Kind: “%s” is not a kind of care"), quoted);
      return FALSE;
    }
  g_free (clean->kind);
  clean->kind = g_strdup (programme->kind);
#define TEXT(field, label, required, max) \
  G_STMT_START { g_free (clean->field); \
    clean->field = xf_repo_check_text (label, programme->field, required, max, error); \
    if (clean->field == NULL) return FALSE; } G_STMT_END
  TEXT (name_en, _("English name"), TRUE, MAX_NAME);
  TEXT (name_zh, _("Chinese name"), TRUE, MAX_NAME);
  TEXT (description, _("Description"), FALSE, MAX_DESCRIPTION);
  TEXT (description_zh, _("Chinese description"), FALSE, MAX_DESCRIPTION);
#undef TEXT
  return TRUE;
}

/* The programme as it will be stored, or NULL with the first problem. */
static XfCareProgramme *
validate (XfCare                 *self,
          const XfCareProgramme  *programme,
          GError                **error)
{
  g_autoptr(XfCareProgramme) clean = xf_care_programme_new ();

  if (!validate_texts (programme, clean, error) || !check_numbers (programme, error)
      || !check_organisation (self, programme->organisation_code, error))
    return NULL;
  xf_care_rules_free (clean->rules);
  clean->rules = check_rules (programme->rules, error);
  if (clean->rules == NULL)
    return NULL;
  clean->id = programme->id;
  clean->version = programme->version;
  clean->yearly_quota = programme->yearly_quota;
  clean->yearly_budget = programme->yearly_budget;
  clean->unit_cost = programme->unit_cost;
  clean->interval_years = programme->interval_years;
  clean->organisation_code = programme->organisation_code != NULL && *programme->organisation_code != '\0'
                             ? g_strdup (programme->organisation_code) : NULL;
  clean->active = programme->active;
  clean->position = programme->position;
  return g_steal_pointer (&clean);
}

static gint64
create_programme (XfCare           *self,
                  XfCareProgramme  *clean,
                  GError          **error)
{
  g_autofree char *quoted = xf_repo_quote (clean->code);
  gint64 taken = 0, last = 0;
  XfDbStmt *stmt;

  stmt = xf_repo_prepare (&self->repo, "SELECT count(*) FROM care_programmes WHERE code = $1", error);
  if (stmt == NULL)
    return 0;
  xf_db_stmt_bind_text (stmt, 1, clean->code);
  if (xf_db_stmt_step (stmt, error) == XF_DB_STEP_ROW)
    taken = xf_db_stmt_column_int64 (stmt, 0);
  xf_db_stmt_reset (stmt);
  if (taken > 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_DUPLICATE, _("Code: “%s” is already in the catalogue"), quoted);
      return 0;
    }
  if (clean->position <= 0)
    {
      if (!xf_repo_query_int64 (&self->repo, "SELECT coalesce(max(position), 0) FROM care_programmes"
                                " WHERE id > $1", 0, &last, error))
        return 0;
      clean->position = (int) last + 1;
    }
  if (!insert_programme (self, clean, error))
    return 0;
  clean->id = xf_db_last_insert_id (self->repo.db);
  if (!xf_repo_audit (&self->repo, XF_AUDIT_CREATE, XF_RECORD_CARE_PROGRAMME, clean->code, clean->name_zh,
                      NULL, NULL, clean->name_en, error))
    return 0;
  return clean->id;
}

static gboolean
audit_changes (XfCare                *self,
               const XfCareProgramme *old,
               const XfCareProgramme *new,
               GError               **error)
{
  g_autofree char *old_rules = xf_care_rules_to_json (old->rules);
  g_autofree char *new_rules = xf_care_rules_to_json (new->rules);
  g_autofree char *old_budget = xf_money_format (old->yearly_budget);
  g_autofree char *new_budget = xf_money_format (new->yearly_budget);
  g_autofree char *old_cost = xf_money_format (old->unit_cost);
  g_autofree char *new_cost = xf_money_format (new->unit_cost);
  g_autofree char *old_quota = g_strdup_printf ("%d", old->yearly_quota);
  g_autofree char *new_quota = g_strdup_printf ("%d", new->yearly_quota);
  g_autofree char *old_interval = g_strdup_printf ("%d", old->interval_years);
  g_autofree char *new_interval = g_strdup_printf ("%d", new->interval_years);
  g_autofree char *old_position = g_strdup_printf ("%d", old->position);
  g_autofree char *new_position = g_strdup_printf ("%d", new->position);
  const XfRepoFieldChange fields[] = {
    { "kind", old->kind, new->kind },
    { "name-en", old->name_en, new->name_en },
    { "name-zh", old->name_zh, new->name_zh },
    { "description", old->description, new->description },
    { "description-zh", old->description_zh, new->description_zh },
    { "rules", old_rules, new_rules },
    { "yearly-quota", old_quota, new_quota },
    { "yearly-budget", old_budget, new_budget },
    { "unit-cost", old_cost, new_cost },
    { "interval-years", old_interval, new_interval },
    { "organisation", old->organisation_code, new->organisation_code },
    { "active", old->active ? "1" : "0", new->active ? "1" : "0" },
    { "position", old_position, new_position },
  };

  return xf_repo_audit_fields (&self->repo, XF_RECORD_CARE_PROGRAMME, new->code, new->name_zh, fields,
                               G_N_ELEMENTS (fields), error);
}

static gboolean
write_update (XfCare                 *self,
              const XfCareProgramme  *clean,
              GError                **error)
{
  g_autofree char *rules = xf_care_rules_to_json (clean->rules);
  XfDbStmt *stmt = xf_repo_prepare (&self->repo,
    "UPDATE care_programmes SET kind = $1, name_en = $2, name_zh = $3, description = $4, rules = $5,"
    " yearly_quota = $6, yearly_budget = $7, unit_cost = $8, interval_years = $9,"
    " organisation_id = (SELECT id FROM organisations WHERE code = $10), active = $11, position = $12,"
    " updated_at = $13, version = version + 1, description_zh = $16 WHERE id = $14 AND version = $15", error);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, clean->kind);
  xf_db_stmt_bind_text (stmt, 2, clean->name_en);
  xf_db_stmt_bind_text (stmt, 3, clean->name_zh);
  xf_db_stmt_bind_text (stmt, 4, clean->description);
  xf_db_stmt_bind_text (stmt, 5, rules);
  xf_repo_bind_id_or_null (stmt, 6, clean->yearly_quota);
  xf_repo_bind_id_or_null (stmt, 7, clean->yearly_budget);
  xf_db_stmt_bind_int64 (stmt, 8, clean->unit_cost);
  xf_db_stmt_bind_int64 (stmt, 9, clean->interval_years);
  xf_db_stmt_bind_text (stmt, 10, clean->organisation_code != NULL ? clean->organisation_code : "");
  xf_db_stmt_bind_int64 (stmt, 11, clean->active ? 1 : 0);
  xf_db_stmt_bind_int64 (stmt, 12, clean->position);
  xf_db_stmt_bind_int64 (stmt, 13, xf_db_now ());
  xf_db_stmt_bind_int64 (stmt, 14, clean->id);
  xf_db_stmt_bind_int64 (stmt, 15, clean->version);
  xf_db_stmt_bind_text (stmt, 16, clean->description_zh);
  return xf_db_stmt_run (stmt, error);
}

static gint64
update_programme (XfCare           *self,
                  XfCareProgramme  *clean,
                  GError          **error)
{
  g_autoptr(XfCareProgramme) stored = NULL;
  XfDbStmt *stmt;

  if (!xf_repo_lock (&self->repo, "care_programmes", clean->id, error))
    return 0;
  stmt = xf_repo_prepare (&self->repo, "SELECT " PROGRAMME_COLUMNS PROGRAMME_FROM " WHERE p.id = $1", error);
  if (stmt == NULL)
    return 0;
  xf_db_stmt_bind_int64 (stmt, 1, clean->id);
  stored = xf_repo_fetch_one (&self->repo, stmt, programme_from_row, NULL, _("Care programme"), clean->id,
                              error);
  if (stored == NULL)
    return 0;
  if (g_strcmp0 (stored->code, clean->code) != 0)
    g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Code: fixed once created (“%s”)"), stored->code);
  else if (stored->version != clean->version)
    /* Translators: %s is a programme's name. */
    g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                 _("The care programme “%s” was changed elsewhere since you opened it"),
                 xf_care_programme_get_name (stored));
  else if (write_update (self, clean, error) && audit_changes (self, stored, clean, error))
    return clean->id;
  return 0;
}

gint64
xf_care_save_programme (XfCare                 *self,
                        const XfCareProgramme  *programme,
                        GError                **error)
{
  g_autoptr(XfCareProgramme) clean = NULL;
  gint64 id;

  g_return_val_if_fail (XF_IS_CARE (self), 0);
  g_return_val_if_fail (programme != NULL, 0);

  if (!xf_repo_check_somewhere (&self->repo, XF_OP_CARE_CATALOGUE, error))
    return 0;
  clean = validate (self, programme, error);
  if (clean == NULL || !ensure_catalogue (self, error) || !xf_repo_begin (&self->repo, error))
    return 0;
  id = clean->id == 0 ? create_programme (self, clean, error) : update_programme (self, clean, error);
  if (!_xf_care_end (self, id != 0, 0, error))
    return 0;
  return id;
}
