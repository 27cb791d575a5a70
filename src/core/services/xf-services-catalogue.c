/* xf-services-catalogue.c — the service catalogue, seeded from a data file
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-services"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xf-data.h"
#include "xf-error.h"
#include "xf-reference.h"
#include "xf-services-private.h"

/*
 * The catalogue lives in service_items. The first read of an empty table
 * seeds it from data/reference/services.json in one write, audited as ONE
 * "seed" entry naming the file and the number of items (the items
 * themselves are in the shipped file; 23 entries would say nothing more).
 * A read-only database cannot be seeded: its reads then show the file's
 * items (id 0), so a catalogue is never empty only because nobody wrote
 * it yet; writes there fail as every write does.
 */

#define CATALOGUE_FILE   "reference/services.json"
#define XF_AUDIT_SEED    "seed"
#define MAX_CODE         64
#define MAX_NAME         100
#define MAX_DESCRIPTION  1000
#define MAX_KEYWORDS     1000
#define MAX_HOURS        720
#define MAX_DAYS         60

#define ITEM_COLUMNS \
  "id, code, grp, stage, name_en, name_zh, description, keywords, industries, " \
  "response_unit, response_amount, active, position, version"

static gpointer
item_from_row (XfServices *self G_GNUC_UNUSED,
               XfDbStmt   *stmt)
{
  XfServiceItem *item = xf_service_item_new ();
  int col = 0;

#define TEXT(field) XF_SERVICES_TAKE_TEXT (item, field, stmt, col)
  item->id = xf_db_stmt_column_int64 (stmt, col++);
  TEXT (code);
  TEXT (group);
  TEXT (stage);
  TEXT (name_en);
  TEXT (name_zh);
  TEXT (description);
  TEXT (keywords);
  TEXT (industries);
  TEXT (response_unit);
#undef TEXT
  item->response_amount = (int) xf_db_stmt_column_int64 (stmt, col++);
  item->active = xf_db_stmt_column_int64 (stmt, col++) != 0;
  item->position = (int) xf_db_stmt_column_int64 (stmt, col++);
  item->version = xf_db_stmt_column_int64 (stmt, col++);
  return item;
}

/*
 * The data file
 */

/* The string member @name of @object, or @fallback when it is absent or
 * not a string (json-glib's _with_default getters are critical about an
 * array or object: tests/fuzz/regressions/services-catalogue/). */
static const char *
string_member (JsonObject *object,
               const char *name,
               const char *fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return fallback;
}

static char *
member_text (JsonObject *object,
             const char *name)
{
  return g_strstrip (g_strdup (string_member (object, name, "")));
}

/* (element-type XfServiceItem) the items of a catalogue file's @contents
 * in file order, id 0; @path names the file in errors. */
static GPtrArray *
parse_catalogue (const char  *contents,
                 gsize        length,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_service_item_free);
  g_autoptr(GError) local_error = NULL;
  JsonNode *root, *node;
  JsonArray *array;

  if (!json_parser_load_from_data (parser, contents, (gssize) length, &local_error))
    {
      /* json-glib quotes the bad token cut at a byte count, which can split
       * a character (tests/fuzz/regressions/services-catalogue/). */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT, _("Reference data file %s is damaged: %s"),
                   path, message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  node = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
         ? json_object_get_member (json_node_get_object (root), "items") : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT, _("Reference data file %s is damaged: %s"),
                   path, _("there is no \"items\" array"));
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(XfServiceItem) item = xf_service_item_new ();
      JsonObject *object, *response;
      JsonNode *amount;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      object = json_node_get_object (element);
      response = json_object_has_member (object, "response")
                 && JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "response"))
                 ? json_object_get_object_member (object, "response") : NULL;
#define TAKE(field, name) G_STMT_START { g_free (item->field); item->field = member_text (object, name); } G_STMT_END
      TAKE (code, "code");
      TAKE (group, "group");
      TAKE (stage, "stage");
      TAKE (name_en, "name_en");
      TAKE (name_zh, "name_zh");
      TAKE (description, "description");
      TAKE (keywords, "keywords");
      TAKE (industries, "industries");
#undef TAKE
      if (*item->stage == '\0')
        g_clear_pointer (&item->stage, g_free);
      g_free (item->response_unit);
      item->response_unit = g_strdup (response != NULL
                                      ? string_member (response, "unit", XF_RESPONSE_DAYS)
                                      : XF_RESPONSE_DAYS);
      amount = response != NULL ? json_object_get_member (response, "amount") : NULL;
      item->response_amount = amount != NULL && JSON_NODE_HOLDS_VALUE (amount)
                              && json_node_get_value_type (amount) == G_TYPE_INT64
                              ? (int) CLAMP (json_node_get_int (amount), G_MININT, G_MAXINT) : 2;
      item->active = TRUE;
      item->position = (int) i + 1;
      g_ptr_array_add (items, g_steal_pointer (&item));
    }
  return g_steal_pointer (&items);
}

GPtrArray *
_xf_services_parse_catalogue (GBytes      *data,
                              const char  *name,
                              GError     **error)
{
  gsize length = 0;
  const char *contents = g_bytes_get_data (data, &length);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse_catalogue (length > 0 ? contents : "", length, name, error);
}

/* (element-type XfServiceItem) the shipped file's items in file order, id 0. */
static GPtrArray *
load_file (char   **path_out,
           GError **error)
{
  g_autofree char *path = xf_data_find_file (CATALOGUE_FILE);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  GPtrArray *items;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT, _("Reference data file %s is damaged: %s"),
                   path, local_error->message);
      return NULL;
    }
  items = parse_catalogue (contents, length, path, error);
  if (items != NULL && path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return items;
}

/*
 * Seeding
 */

static gboolean
is_empty (XfServices  *self,
          gboolean    *empty,
          GError     **error)
{
  gint64 any = 0;

  if (!_xf_services_query_int64 (self, "SELECT count(*) FROM service_items WHERE id > $1", 0, &any, error))
    return FALSE;
  *empty = any == 0;
  return TRUE;
}

static gboolean
insert_item (XfServices           *self,
             const XfServiceItem  *item,
             gint64                now,
             GError              **error)
{
  XfDbStmt *stmt = _xf_services_prepare (self,
    "INSERT INTO service_items (code, grp, stage, name_en, name_zh, description, keywords, industries,"
    " response_unit, response_amount, active, position, created_at, updated_at, version)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, 1)", error);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, item->code);
  xf_db_stmt_bind_text (stmt, 2, item->group);
  xf_db_stmt_bind_text (stmt, 3, item->stage);
  xf_db_stmt_bind_text (stmt, 4, item->name_en);
  xf_db_stmt_bind_text (stmt, 5, item->name_zh);
  xf_db_stmt_bind_text (stmt, 6, item->description != NULL ? item->description : "");
  xf_db_stmt_bind_text (stmt, 7, item->keywords != NULL ? item->keywords : "");
  xf_db_stmt_bind_text (stmt, 8, item->industries != NULL ? item->industries : "");
  xf_db_stmt_bind_text (stmt, 9, item->response_unit);
  xf_db_stmt_bind_int64 (stmt, 10, item->response_amount);
  xf_db_stmt_bind_int64 (stmt, 11, item->active ? 1 : 0);
  xf_db_stmt_bind_int64 (stmt, 12, item->position);
  xf_db_stmt_bind_int64 (stmt, 13, now);
  return xf_db_stmt_run (stmt, error);
}

static gboolean
seed (XfServices  *self,
      GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *path = NULL;
  g_autofree char *count = NULL;
  gboolean empty = FALSE;
  gint64 now = xf_db_now ();

  items = load_file (&path, error);
  if (items == NULL || !_xf_services_begin (self, error))
    return FALSE;
  /* Another desk may have seeded it since we looked. */
  if (!is_empty (self, &empty, error))
    goto failed;
  if (!empty)
    return _xf_services_commit (self, error);
  for (guint i = 0; i < items->len; i++)
    if (!insert_item (self, g_ptr_array_index (items, i), now, error))
      goto failed;
  count = g_strdup_printf ("%u", items->len);
  if (!_xf_services_audit (self, XF_AUDIT_SEED, XF_RECORD_SERVICE_ITEM, NULL, CATALOGUE_FILE,
                           "items", NULL, count, error))
    goto failed;
  if (!_xf_services_commit (self, error))
    return FALSE;
  _xf_services_emit_changed (self, 0);
  return TRUE;

failed:
  _xf_services_rollback (self);
  return FALSE;
}

gboolean
_xf_services_ensure_catalogue (XfServices  *self,
                               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean outer_nested = self->nested;
  gboolean empty = FALSE;
  gboolean seeded;

  if (!is_empty (self, &empty, error))
    return FALSE;
  if (!empty || xf_db_is_read_only (self->db))
    return TRUE;
  /* Called from inside another write too: its savepoint state is kept. */
  seeded = seed (self, &local_error);
  self->nested = outer_nested;
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
xf_services_list_items (XfServices  *self,
                        gboolean     include_inactive,
                        GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_SERVICES (self), NULL);

  if (!_xf_services_ensure_catalogue (self, error))
    return NULL;
  stmt = _xf_services_prepare (self,
                               "SELECT " ITEM_COLUMNS " FROM service_items WHERE active >= $1"
                               " ORDER BY CASE grp WHEN 'common-prosperity' THEN 0 ELSE 1 END, position, id",
                               error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, include_inactive ? 0 : 1);
  items = _xf_services_collect (self, stmt, item_from_row, (GDestroyNotify) xf_service_item_free,
                                error);
  if (items == NULL)
    return NULL;
  if (items->len == 0 && xf_db_is_read_only (self->db))
    {
      g_autoptr(GError) file_error = NULL;
      GPtrArray *shipped = load_file (NULL, &file_error);

      /* Not seeded yet and cannot be: what the seed would hold. */
      if (shipped != NULL)
        return shipped;
    }
  return g_steal_pointer (&items);
}

XfServiceItem *
xf_services_get_item (XfServices  *self,
                      const char  *code,
                      GError     **error)
{
  g_autoptr(GPtrArray) all = NULL;
  XfServiceItem *item = NULL;
  XfDbStmt *stmt;
  XfDbStep step;

  g_return_val_if_fail (XF_IS_SERVICES (self), NULL);

  if (!_xf_services_ensure_catalogue (self, error))
    return NULL;
  stmt = _xf_services_prepare (self, "SELECT " ITEM_COLUMNS " FROM service_items WHERE code = $1", error);
  if (stmt == NULL)
    return NULL;
  /* Bytes that are no text are no code (and PostgreSQL refuses them). */
  xf_db_stmt_bind_text (stmt, 1, code != NULL && g_utf8_validate (code, -1, NULL) ? code : "");
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    item = item_from_row (self, stmt);
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  if (item == NULL && xf_db_is_read_only (self->db)
      && (all = xf_services_list_items (self, TRUE, NULL)) != NULL)
    for (guint i = 0; i < all->len && item == NULL; i++)
      if (g_strcmp0 (((XfServiceItem *) g_ptr_array_index (all, i))->code, code) == 0)
        item = xf_service_item_copy (g_ptr_array_index (all, i));
  if (item == NULL)
    {
      g_autofree char *quoted = _xf_services_quote (code);

      /* Translators: %s is a catalogue code such as "cp-legal-aid". */
      g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("Service item “%s” does not exist"), quoted);
    }
  return item;
}

/*
 * Writing
 */

static gboolean
valid_code (const char *code)
{
  gsize length = code != NULL ? strlen (code) : 0;

  if (length == 0 || length > MAX_CODE || code[0] == '-' || code[length - 1] == '-'
      || strstr (code, "--") != NULL)
    return FALSE;
  return strspn (code, "abcdefghijklmnopqrstuvwxyz0123456789-") == length;
}

/* Space-separated words with single spaces, and the industry codes known. */
static char *
normalise_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text != NULL ? text : "", " \t\n\r", -1);
  g_autoptr(GString) out = g_string_new ("");

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
check_industries (const char  *industries,
                  GError     **error)
{
  g_auto(GStrv) codes = g_strsplit (industries, " ", -1);
  XfReference *reference = xf_reference_get_shared ();

  if (!xf_reference_ensure (reference, XF_REFERENCE_INDUSTRIES, error))
    return FALSE;
  for (guint i = 0; codes[i] != NULL; i++)
    if (*codes[i] != '\0' && !xf_reference_is_valid (reference, XF_REFERENCE_INDUSTRIES, codes[i]))
      {
        g_autofree char *quoted = _xf_services_quote (codes[i]);

        /* Translators: %s is an industry code such as "C". */
        g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Industries: “%s” is not an industry section"),
                     quoted);
        return FALSE;
      }
  return TRUE;
}

/* The item as it will be stored (trimmed, normalised), or NULL with the
 * first problem, naming the field. */
static XfServiceItem *
validate (const XfServiceItem  *item,
          GError              **error)
{
  g_autoptr(XfServiceItem) clean = xf_service_item_new ();
  gboolean lifecycle;
  int max;

  clean->id = item->id;
  clean->version = item->version;
  clean->active = item->active;
  clean->position = item->position;
  g_free (clean->code);
  clean->code = g_strstrip (g_strdup (item->code != NULL ? item->code : ""));
  if (!valid_code (clean->code))
    {
      g_autofree char *quoted = _xf_services_quote (clean->code);

      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Code: “%s” is not a code (lower-case letters, digits and “-”, at most %d)"),
                   quoted, MAX_CODE);
      return NULL;
    }
  lifecycle = g_strcmp0 (item->group, XF_SERVICE_GROUP_LIFECYCLE) == 0;
  if (!lifecycle && g_strcmp0 (item->group, XF_SERVICE_GROUP_COMMON_PROSPERITY) != 0)
    {
      g_autofree char *quoted = _xf_services_quote (item->group);

      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Group: “%s” is not a group of the catalogue"),
                   quoted);
      return NULL;
    }
  g_free (clean->group);
  clean->group = g_strdup (item->group);
  if (lifecycle)
    {
      static const char * const stages[] = { "cultivate", "evaluate", "manage", "serve", "deploy", NULL };

      if (item->stage == NULL || !g_strv_contains (stages, item->stage))
        {
          g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                       _("Stage: a lifecycle item needs a stage (cultivate, evaluate, manage, serve or deploy)"));
          return NULL;
        }
      clean->stage = g_strdup (item->stage);
    }
  else
    g_clear_pointer (&clean->stage, g_free);

#define TEXT(field, label, required, max) \
  G_STMT_START { g_free (clean->field); \
    clean->field = _xf_services_check_text (label, item->field, required, max, error); \
    if (clean->field == NULL) return NULL; } G_STMT_END
  TEXT (name_en, _("English name"), TRUE, MAX_NAME);
  TEXT (name_zh, _("Chinese name"), TRUE, MAX_NAME);
  TEXT (description, _("Description"), FALSE, MAX_DESCRIPTION);
  TEXT (keywords, _("Keywords"), FALSE, MAX_KEYWORDS);
#undef TEXT
  g_free (clean->keywords);
  clean->keywords = normalise_words (item->keywords);
  g_free (clean->industries);
  clean->industries = normalise_words (item->industries);
  if (!check_industries (clean->industries, error))
    return NULL;

  if (g_strcmp0 (item->response_unit, XF_RESPONSE_HOURS) != 0
      && g_strcmp0 (item->response_unit, XF_RESPONSE_DAYS) != 0)
    {
      g_autofree char *quoted = _xf_services_quote (item->response_unit);

      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Response time: the unit is working hours or working days, not “%s”"),
                   quoted);
      return NULL;
    }
  g_free (clean->response_unit);
  clean->response_unit = g_strdup (item->response_unit);
  max = g_str_equal (item->response_unit, XF_RESPONSE_HOURS) ? MAX_HOURS : MAX_DAYS;
  if (item->response_amount < 1 || item->response_amount > max)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   g_str_equal (item->response_unit, XF_RESPONSE_HOURS)
                   ? _("Response time: from 1 to %d working hours, not %d")
                   : _("Response time: from 1 to %d working days, not %d"),
                   max, item->response_amount);
      return NULL;
    }
  clean->response_amount = item->response_amount;
  return g_steal_pointer (&clean);
}

static XfServiceItem *
load_item_by_id (XfServices  *self,
                 gint64       id,
                 GError     **error)
{
  XfDbStmt *stmt;

  stmt = _xf_services_prepare (self, "SELECT " ITEM_COLUMNS " FROM service_items WHERE id = $1", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, id);
  return _xf_services_fetch_one (self, stmt, item_from_row, _("Service item"), id, error);
}

static gboolean
audit_changes (XfServices          *self,
               const XfServiceItem *old,
               const XfServiceItem *new,
               GError             **error)
{
  char old_amount[16], new_amount[16], old_position[16], new_position[16];
  const XfServicesFieldChange fields[] = {
    { "group", old->group, new->group },
    { "stage", old->stage, new->stage },
    { "name-en", old->name_en, new->name_en },
    { "name-zh", old->name_zh, new->name_zh },
    { "description", old->description, new->description },
    { "keywords", old->keywords, new->keywords },
    { "industries", old->industries, new->industries },
    { "response-unit", old->response_unit, new->response_unit },
    { "response-amount", old_amount, new_amount },
    { "active", old->active ? "1" : "0", new->active ? "1" : "0" },
    { "position", old_position, new_position },
  };

  g_snprintf (old_amount, sizeof old_amount, "%d", old->response_amount);
  g_snprintf (new_amount, sizeof new_amount, "%d", new->response_amount);
  g_snprintf (old_position, sizeof old_position, "%d", old->position);
  g_snprintf (new_position, sizeof new_position, "%d", new->position);
  return _xf_services_audit_fields (self, XF_RECORD_SERVICE_ITEM, new->code, new->name_zh, fields,
                                    G_N_ELEMENTS (fields), error);
}

static gint64
create_item (XfServices     *self,
             XfServiceItem  *clean,
             GError        **error)
{
  XfDbStmt *stmt;
  gint64 taken;

  stmt = _xf_services_prepare (self, "SELECT count(*) FROM service_items WHERE code = $1", error);
  if (stmt == NULL)
    return 0;
  xf_db_stmt_bind_text (stmt, 1, clean->code);
  if (xf_db_stmt_step (stmt, error) != XF_DB_STEP_ROW)
    {
      xf_db_stmt_reset (stmt);
      return 0;
    }
  taken = xf_db_stmt_column_int64 (stmt, 0);
  xf_db_stmt_reset (stmt);
  if (taken > 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_DUPLICATE, _("Code: “%s” is already in the catalogue"),
                   clean->code);
      return 0;
    }
  if (clean->position <= 0)
    {
      gint64 last = 0;

      if (!_xf_services_query_int64 (self, "SELECT coalesce(max(position), 0) FROM service_items WHERE id > $1",
                                     0, &last, error))
        return 0;
      clean->position = (int) last + 1;
    }
  if (!insert_item (self, clean, xf_db_now (), error))
    return 0;
  clean->id = xf_db_last_insert_id (self->db);
  if (!_xf_services_audit (self, XF_AUDIT_CREATE, XF_RECORD_SERVICE_ITEM, clean->code, clean->name_zh,
                           NULL, NULL, clean->name_en, error))
    return 0;
  return clean->id;
}

static gint64
update_item (XfServices     *self,
             XfServiceItem  *clean,
             GError        **error)
{
  g_autoptr(XfServiceItem) stored = NULL;
  XfDbStmt *stmt;

  if (!_xf_services_lock (self, "service_items", clean->id, error))
    return 0;
  stored = load_item_by_id (self, clean->id, error);
  if (stored == NULL)
    return 0;
  if (g_strcmp0 (stored->code, clean->code) != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Code: fixed once created (“%s”)"), stored->code);
      return 0;
    }
  if (stored->version != clean->version)
    {
      /* Translators: %s is a service item's name. */
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                   _("The service item “%s” was changed elsewhere since you opened it"),
                   xf_service_item_get_name (stored));
      return 0;
    }
  stmt = _xf_services_prepare (self,
    "UPDATE service_items SET grp = $1, stage = $2, name_en = $3, name_zh = $4, description = $5,"
    " keywords = $6, industries = $7, response_unit = $8, response_amount = $9, active = $10,"
    " position = $11, updated_at = $12, version = version + 1 WHERE id = $13 AND version = $14", error);
  if (stmt == NULL)
    return 0;
  xf_db_stmt_bind_text (stmt, 1, clean->group);
  xf_db_stmt_bind_text (stmt, 2, clean->stage);
  xf_db_stmt_bind_text (stmt, 3, clean->name_en);
  xf_db_stmt_bind_text (stmt, 4, clean->name_zh);
  xf_db_stmt_bind_text (stmt, 5, clean->description);
  xf_db_stmt_bind_text (stmt, 6, clean->keywords);
  xf_db_stmt_bind_text (stmt, 7, clean->industries);
  xf_db_stmt_bind_text (stmt, 8, clean->response_unit);
  xf_db_stmt_bind_int64 (stmt, 9, clean->response_amount);
  xf_db_stmt_bind_int64 (stmt, 10, clean->active ? 1 : 0);
  xf_db_stmt_bind_int64 (stmt, 11, clean->position);
  xf_db_stmt_bind_int64 (stmt, 12, xf_db_now ());
  xf_db_stmt_bind_int64 (stmt, 13, clean->id);
  xf_db_stmt_bind_int64 (stmt, 14, clean->version);
  if (!xf_db_stmt_run (stmt, error))
    return 0;
  if (xf_db_changes (self->db) != 1)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CONFLICT,
                   _("The service item “%s” was changed elsewhere since you opened it"),
                   xf_service_item_get_name (stored));
      return 0;
    }
  if (!audit_changes (self, stored, clean, error))
    return 0;
  return clean->id;
}

gint64
xf_services_save_item (XfServices           *self,
                       const XfServiceItem  *item,
                       GError              **error)
{
  g_autoptr(XfServiceItem) clean = NULL;
  gint64 id;

  g_return_val_if_fail (XF_IS_SERVICES (self), 0);
  g_return_val_if_fail (item != NULL, 0);

  if (!_xf_services_check_anywhere (self, XF_OP_SERVICE_CATALOGUE, error))
    return 0;
  clean = validate (item, error);
  if (clean == NULL || !_xf_services_ensure_catalogue (self, error) || !_xf_services_begin (self, error))
    return 0;
  id = clean->id == 0 ? create_item (self, clean, error) : update_item (self, clean, error);
  if (id == 0)
    {
      _xf_services_rollback (self);
      return 0;
    }
  if (!_xf_services_commit (self, error))
    return 0;
  _xf_services_emit_changed (self, 0);
  return id;
}
