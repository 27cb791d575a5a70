/* xf-reference.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-reference"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "xf-data.h"
#include "xf-error.h"
#include "xf-reference.h"
#include "xf-reference-private.h"

typedef struct
{
  GPtrArray  *items;    /* XfReferenceItem, owned, in file order */
  GHashTable *by_code;  /* code → XfReferenceItem, borrowed from items */
  GError     *error;    /* why the last load failed; NULL when not tried or loaded */
  int         loaded;   /* atomic: set once items and by_code are complete */
} Table;

/*
 * Each table is parsed on first use (json-glib is slow enough for the
 * parse of every file to dominate a short command). A table, once loaded,
 * never changes, so readers only need the atomic "loaded" flag; loading
 * itself runs under the instance's mutex.
 */
struct _XfReference
{
  GObject         parent_instance;

  GMutex          lock;
  char           *dir;    /* NULL: the shipped files, found with xf_data_find_file() */
  GPtrArray      *empty;  /* what get_items returns for a table that failed to load */
  Table           tables[XF_REFERENCE_N_TABLES];
  XfReferenceItem city;   /* read with the regions table */
};

G_DEFINE_FINAL_TYPE (XfReference, xf_reference, G_TYPE_OBJECT)

/* The base names of the files, in XfReferenceTable order. */
static const char *table_files[XF_REFERENCE_N_TABLES] = {
  "regions.json",
  "industries.json",
  "education.json",
  "ethnicities.json",
  "political-status.json",
  "honour-titles.json",
  "organisations.json",
};

static char *test_language;

static void
item_clear (XfReferenceItem *item)
{
  g_clear_pointer (&item->code, g_free);
  g_clear_pointer (&item->name_zh, g_free);
  g_clear_pointer (&item->name_en, g_free);
  g_clear_pointer (&item->parent, g_free);
  g_clear_pointer (&item->extra, g_free);
}

static void
item_free (gpointer data)
{
  XfReferenceItem *item = data;

  item_clear (item);
  g_free (item);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfReferenceItem, item_free)

static void
xf_reference_finalize (GObject *object)
{
  XfReference *self = (XfReference *) object;

  for (guint i = 0; i < XF_REFERENCE_N_TABLES; i++)
    {
      g_clear_pointer (&self->tables[i].by_code, g_hash_table_unref);
      g_clear_pointer (&self->tables[i].items, g_ptr_array_unref);
      g_clear_error (&self->tables[i].error);
    }
  item_clear (&self->city);
  g_clear_pointer (&self->empty, g_ptr_array_unref);
  g_clear_pointer (&self->dir, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (xf_reference_parent_class)->finalize (object);
}

static void
xf_reference_class_init (XfReferenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xf_reference_finalize;
}

static void
xf_reference_init (XfReference *self)
{
  g_mutex_init (&self->lock);
  self->empty = g_ptr_array_new ();
}

/*
 * Loading
 */

/* json-glib 1.6 has no API for the line of a node, so the loader records
 * where each object starts while the parser runs: "object-start" pushes
 * the current line, "object-end" pops it and files it under the object. */
typedef struct
{
  GArray     *open_lines;   /* guint, one per object being parsed */
  GHashTable *object_lines; /* JsonObject → line (GUINT_TO_POINTER) */
} LineTracker;

static void
object_start_cb (JsonParser *parser,
                 gpointer    user_data)
{
  LineTracker *tracker = user_data;
  guint line = json_parser_get_current_line (parser);

  g_array_append_val (tracker->open_lines, line);
}

static void
object_end_cb (JsonParser *parser,
               JsonObject *object,
               gpointer    user_data)
{
  LineTracker *tracker = user_data;
  guint len = tracker->open_lines->len;

  if (len == 0)
    return;
  g_hash_table_insert (tracker->object_lines, object,
                       GUINT_TO_POINTER (g_array_index (tracker->open_lines, guint, len - 1)));
  g_array_set_size (tracker->open_lines, len - 1);
}

static guint
object_line (LineTracker *tracker,
             JsonObject  *object)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (tracker->object_lines, object));
}

/* Sets a CORRUPT error naming the file, the line (0 = unknown) and the
 * reason, which it takes over. */
static gboolean
set_corrupt (GError     **error,
             const char  *path,
             guint        line,
             char        *reason)
{
  g_autofree char *owned_reason = reason;

  if (line > 0)
    /* Translators: the first %s is a file path, %u a line number and the
     * last %s the reason, such as “item 3 has no "code"” */
    g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                 _("Reference data file %s is damaged at line %u: %s"),
                 path, line, owned_reason);
  else
    /* Translators: the first %s is a file path and the second the reason */
    g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                 _("Reference data file %s is damaged: %s"),
                 path, owned_reason);
  return FALSE;
}

/* json-glib reports "<data>:LINE:COLUMN: Parse error: …" (in Chinese with a
 * full-width colon after the column); the line goes into our own message
 * and the rest becomes the reason. */
static gboolean
set_parse_error (GError     **error,
                 const char  *path,
                 const char  *parser_message)
{
  /* json-glib quotes the bad token cut at a byte count, which can split a
   * character: our messages stay UTF-8 (tests/fuzz/regressions/reference/). */
  g_autofree char *message = g_utf8_make_valid (parser_message, -1);
  g_autoptr(GRegex) regex = g_regex_new ("^.*?:(\\d+):(\\d+)(?::|\xef\xbc\x9a)\\s*(.*)$", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (regex, message, 0, &match))
    {
      g_autofree char *line = g_match_info_fetch (match, 1);
      g_autofree char *rest = g_match_info_fetch (match, 3);

      /* Our own message already says what kind of error it is. */
      if (g_str_has_prefix (rest, "Parse error: "))
        memmove (rest, rest + strlen ("Parse error: "), strlen (rest) - strlen ("Parse error: ") + 1);

      return set_corrupt (error, path, (guint) g_ascii_strtoull (line, NULL, 10),
                          g_strdup_printf (_("not valid JSON: %s"), rest));
    }
  return set_corrupt (error, path, 0, g_strdup_printf (_("not valid JSON: %s"), message));
}

/* Copies the string member @name of @object into @out: "" when absent or
 * null; FALSE with *@reason set when it is not a string. */
static gboolean
get_string_member (JsonObject  *object,
                   const char  *name,
                   guint        index,
                   char       **out,
                   char       **reason)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *out = g_strdup ("");
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      /* Translators: %u is an item number, %s a JSON member name */
      *reason = g_strdup_printf (_("item %u: \"%s\" is not a string"), index, name);
      return FALSE;
    }
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

/* Reads what the city and every item have: "code", "name_zh", "name_en". */
static gboolean
get_names (JsonObject       *object,
           guint             index,
           XfReferenceItem  *item,
           char            **reason)
{
  return get_string_member (object, "code", index, &item->code, reason) &&
         get_string_member (object, "name_zh", index, &item->name_zh, reason) &&
         get_string_member (object, "name_en", index, &item->name_en, reason);
}

static gboolean
load_city (XfReferenceItem *out,
           JsonObject   *root,
           LineTracker  *tracker,
           const char   *path,
           GError      **error)
{
  JsonNode *node = json_object_get_member (root, "city");
  JsonObject *city;
  char *reason = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return set_corrupt (error, path, object_line (tracker, root),
                        g_strdup (_("there is no \"city\" object")));

  city = json_node_get_object (node);
  item_clear (out);
  if (!get_names (city, 0, out, &reason))
    return set_corrupt (error, path, object_line (tracker, city), reason);
  if (out->code[0] == '\0' || out->name_zh[0] == '\0')
    return set_corrupt (error, path, object_line (tracker, city),
                        g_strdup (_("the city has no \"code\" or \"name_zh\"")));
  return TRUE;
}

/* Turns one element of "items" into an item; index counts from 1. */
static XfReferenceItem *
parse_item (JsonNode  *node,
            guint      index,
            char     **reason)
{
  g_autoptr(XfReferenceItem) item = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Translators: %u is an item number */
      *reason = g_strdup_printf (_("item %u is not an object"), index);
      return NULL;
    }
  object = json_node_get_object (node);
  item = g_new0 (XfReferenceItem, 1);
  if (!get_names (object, index, item, reason) ||
      !get_string_member (object, "parent", index, &item->parent, reason) ||
      !get_string_member (object, "extra", index, &item->extra, reason))
    return NULL;
  if (item->code[0] == '\0')
    {
      /* Translators: %u is an item number; "code" is a JSON member name */
      *reason = g_strdup_printf (_("item %u has no \"code\""), index);
      return NULL;
    }
  if (item->name_zh[0] == '\0')
    {
      /* Translators: %u is an item number; "name_zh" is a JSON member name */
      *reason = g_strdup_printf (_("item %u has no \"name_zh\""), index);
      return NULL;
    }
  return g_steal_pointer (&item);
}

static gboolean
load_items (Table        *table,
            JsonObject   *root,
            LineTracker  *tracker,
            const char   *path,
            GError      **error)
{
  JsonNode *node = json_object_get_member (root, "items");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return set_corrupt (error, path, object_line (tracker, root),
                        g_strdup (_("there is no \"items\" array")));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      guint line = JSON_NODE_HOLDS_OBJECT (element)
                   ? object_line (tracker, json_node_get_object (element)) : 0;
      char *reason = NULL;
      XfReferenceItem *item = parse_item (element, i + 1, &reason);

      if (item == NULL)
        return set_corrupt (error, path, line, reason);
      if (g_hash_table_contains (table->by_code, item->code))
        {
          /* Translators: %s is a code such as "330502" */
          reason = g_strdup_printf (_("duplicate code \"%s\""), item->code);
          item_free (item);
          return set_corrupt (error, path, line, reason);
        }
      /* Parents come first, so a loader can insert rows in file order. */
      if (item->parent[0] != '\0' && !g_hash_table_contains (table->by_code, item->parent))
        {
          /* Translators: %u is an item number, %s a code */
          reason = g_strdup_printf (_("item %u has unknown parent \"%s\""), i + 1, item->parent);
          item_free (item);
          return set_corrupt (error, path, line, reason);
        }
      g_ptr_array_add (table->items, item);
      g_hash_table_insert (table->by_code, item->code, item);
    }
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Parses @contents (@length bytes, NUL-terminated after them) read from
 * @path into @table (and, for regions, @city); on failure they may hold
 * part of the file and the caller throws them away. */
static gboolean
parse_contents (Table             *table,
                XfReferenceItem   *city,
                XfReferenceTable   which,
                const char        *contents,
                gsize              length,
                const char        *path,
                GError           **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  LineTracker tracker;
  gboolean ok = FALSE;
  JsonNode *root;

  if (is_blank (contents))
    return set_corrupt (error, path, 0, g_strdup (_("the file is empty")));

  tracker.open_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  tracker.object_lines = g_hash_table_new (NULL, NULL);
  g_signal_connect (parser, "object-start", G_CALLBACK (object_start_cb), &tracker);
  g_signal_connect (parser, "object-end", G_CALLBACK (object_end_cb), &tracker);

  if (!json_parser_load_from_data (parser, contents, length, &local_error))
    set_parse_error (error, path, local_error->message);
  else if ((root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    set_corrupt (error, path, 1, g_strdup (_("the top level is not an object")));
  else
    ok = (which != XF_REFERENCE_REGIONS ||
          load_city (city, json_node_get_object (root), &tracker, path, error)) &&
         load_items (table, json_node_get_object (root), &tracker, path, error);

  g_array_unref (tracker.open_lines);
  g_hash_table_unref (tracker.object_lines);
  return ok;
}

static gboolean
parse_file (Table             *table,
            XfReferenceItem   *city,
            XfReferenceTable   which,
            const char        *path,
            GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        /* Translators: %s is a file path */
        g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                     _("Reference data file %s is missing"), path);
      else
        /* Translators: the first %s is a file path, the second the system's reason */
        g_set_error (error, XF_ERROR, XF_ERROR_IO,
                     _("Cannot read reference data file %s: %s"), path, local_error->message);
      return FALSE;
    }
  return parse_contents (table, city, which, contents, length, path, error);
}

/* Tests and fuzzing (tests/fuzz/): parses @data as the file of @which
 * would be parsed, then throws the result away. */
gboolean
_xf_reference_parse_bytes (XfReferenceTable   which,
                           GBytes            *data,
                           const char        *name,
                           guint             *n_items,
                           GError           **error)
{
  gsize length = 0;
  const char *bytes = g_bytes_get_data (data, &length);
  g_autofree char *contents = g_malloc (length + 1);
  XfReferenceItem city = { 0 };
  Table parsed = { 0 };
  gboolean ok;

  g_return_val_if_fail (which < XF_REFERENCE_N_TABLES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length > 0)
    memcpy (contents, bytes, length);
  contents[length] = '\0';
  parsed.items = g_ptr_array_new_with_free_func (item_free);
  parsed.by_code = g_hash_table_new (g_str_hash, g_str_equal);
  ok = parse_contents (&parsed, &city, which, contents, length, name, error);
  if (n_items != NULL)
    *n_items = ok ? parsed.items->len : 0;
  g_ptr_array_unref (parsed.items);
  g_hash_table_unref (parsed.by_code);
  item_clear (&city);
  return ok;
}

static char *
table_path (XfReference      *self,
            XfReferenceTable  which)
{
  g_autofree char *relative = NULL;

  if (self->dir != NULL)
    return g_build_filename (self->dir, table_files[which], NULL);
  relative = g_build_filename ("reference", table_files[which], NULL);
  return xf_data_find_file (relative);
}

/* Loads one table unless it is loaded; the caller holds the lock. A
 * failure is remembered for the lookups (which do not retry) and
 * reported; a later ensure tries again. */
static gboolean
load_table_locked (XfReference       *self,
                   XfReferenceTable   which,
                   GError           **error)
{
  Table *table = &self->tables[which];
  g_autofree char *path = NULL;
  XfReferenceItem city = { 0 };
  Table parsed = { 0 };

  if (g_atomic_int_get (&table->loaded))
    return TRUE;

  g_clear_error (&table->error);
  path = table_path (self, which);
  parsed.items = g_ptr_array_new_with_free_func (item_free);
  parsed.by_code = g_hash_table_new (g_str_hash, g_str_equal);
  if (!parse_file (&parsed, &city, which, path, &table->error))
    {
      g_ptr_array_unref (parsed.items);
      g_hash_table_unref (parsed.by_code);
      item_clear (&city);
      if (error != NULL)
        *error = g_error_copy (table->error);
      return FALSE;
    }

  table->items = parsed.items;
  table->by_code = parsed.by_code;
  if (which == XF_REFERENCE_REGIONS)
    self->city = city;
  /* Publishes the table to readers that do not take the lock. */
  g_atomic_int_set (&table->loaded, TRUE);
  return TRUE;
}

/* For the lookups: the table, loaded on demand; NULL when it cannot be
 * loaded (the error waits for xf_reference_ensure()). */
static Table *
get_table (XfReference      *self,
           XfReferenceTable  which)
{
  Table *table = &self->tables[which];

  if (!g_atomic_int_get (&table->loaded))
    {
      g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

      /* A known failure is not retried on every lookup. */
      if (table->error == NULL)
        load_table_locked (self, which, NULL);
      if (!g_atomic_int_get (&table->loaded))
        return NULL;
    }
  return table;
}

static gboolean
ensure_all (XfReference  *self,
            GError      **error)
{
  for (guint i = 0; i < XF_REFERENCE_N_TABLES; i++)
    if (!xf_reference_ensure (self, i, error))
      return FALSE;
  return TRUE;
}

/*
 * Public API
 */

/**
 * xf_reference_new_from_dir:
 * @dir: a directory holding regions.json, industries.json and the others
 * @error: return location for an error
 *
 * Loads every table. A missing file fails with %XF_ERROR_NOT_FOUND, a bad
 * one with %XF_ERROR_CORRUPT; the message names the file, the line and the
 * reason.
 *
 * Returns: (transfer full) (nullable): the tables, or %NULL with @error set
 */
XfReference *
xf_reference_new_from_dir (const char  *dir,
                           GError     **error)
{
  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr(XfReference) self = g_object_new (XF_TYPE_REFERENCE, NULL);

  self->dir = g_strdup (dir);
  if (!ensure_all (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * xf_reference_get_shared:
 *
 * The instance behind xf_reference_get_default(), without loading
 * anything: each table is read from the shipped files when first used, or
 * by xf_reference_ensure(). Safe to call from any thread.
 *
 * Returns: (transfer none): the shared tables
 */
XfReference *
xf_reference_get_shared (void)
{
  static XfReference *instance;

  if (g_once_init_enter (&instance))
    g_once_init_leave (&instance, g_object_new (XF_TYPE_REFERENCE, NULL));
  return instance;
}

/**
 * xf_reference_ensure:
 * @self: the reference data
 * @table: the table to load
 * @error: return location for an error
 *
 * Loads @table unless it is loaded, so that a missing or damaged file is
 * reported (with %XF_ERROR_NOT_FOUND or %XF_ERROR_CORRUPT, naming the
 * file, the line and the reason) before anything relies on it. A failure
 * is not cached: a later call tries again. Safe to call from any thread.
 *
 * Returns: %TRUE when the table is loaded
 */
gboolean
xf_reference_ensure (XfReference       *self,
                     XfReferenceTable   table,
                     GError           **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (XF_IS_REFERENCE (self), FALSE);
  g_return_val_if_fail (table < XF_REFERENCE_N_TABLES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_atomic_int_get (&self->tables[table].loaded))
    return TRUE;
  locker = g_mutex_locker_new (&self->lock);
  return load_table_locked (self, table, error);
}

/**
 * xf_reference_get_default:
 * @error: return location for an error
 *
 * Loads every table of the shipped data (found with xf_data_find_file())
 * unless loaded, and keeps them for the life of the process; safe to call
 * from any thread. A failure is not cached, so a later call tries again.
 * Returns the same instance as xf_reference_get_shared().
 *
 * Returns: (transfer none) (nullable): the shared tables, or %NULL with @error set
 */
XfReference *
xf_reference_get_default (GError **error)
{
  XfReference *self = xf_reference_get_shared ();

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return ensure_all (self, error) ? self : NULL;
}

GPtrArray *
xf_reference_get_items (XfReference      *self,
                        XfReferenceTable  table)
{
  Table *loaded;

  g_return_val_if_fail (XF_IS_REFERENCE (self), NULL);
  g_return_val_if_fail (table < XF_REFERENCE_N_TABLES, NULL);

  loaded = get_table (self, table);
  return loaded != NULL ? loaded->items : self->empty;
}

const XfReferenceItem *
xf_reference_lookup (XfReference      *self,
                     XfReferenceTable  table,
                     const char       *code)
{
  Table *loaded;

  g_return_val_if_fail (XF_IS_REFERENCE (self), NULL);
  g_return_val_if_fail (table < XF_REFERENCE_N_TABLES, NULL);

  if (code == NULL || (loaded = get_table (self, table)) == NULL)
    return NULL;
  return g_hash_table_lookup (loaded->by_code, code);
}

/* Chinese names for a zh user, English otherwise, like the rest of the UI. */
gboolean
xf_reference_prefers_chinese (void)
{
  const char *lang = test_language;

  if (lang == NULL)
    lang = g_get_language_names ()[0];
  return g_str_has_prefix (lang, "zh");
}

static gboolean
prefer_chinese (void)
{
  return xf_reference_prefers_chinese ();
}

static const char *
item_label (const XfReferenceItem *item)
{
  if (!prefer_chinese () && item->name_en != NULL && item->name_en[0] != '\0')
    return item->name_en;
  return item->name_zh;
}

const char *
xf_reference_label (XfReference      *self,
                    XfReferenceTable  table,
                    const char       *code)
{
  const XfReferenceItem *item;

  g_return_val_if_fail (XF_IS_REFERENCE (self), NULL);
  g_return_val_if_fail (table < XF_REFERENCE_N_TABLES, NULL);

  if (code == NULL)
    return NULL;
  item = xf_reference_lookup (self, table, code);
  return item != NULL ? item_label (item) : code;
}

gboolean
xf_reference_is_valid (XfReference      *self,
                       XfReferenceTable  table,
                       const char       *code)
{
  g_return_val_if_fail (XF_IS_REFERENCE (self), FALSE);
  g_return_val_if_fail (table < XF_REFERENCE_N_TABLES, FALSE);

  return xf_reference_lookup (self, table, code) != NULL;
}

/**
 * xf_reference_region_county:
 * @code: a division code: 6 digits (county), 9 (township) or 12 (village)
 *
 * Only the form of the code is checked, not whether it exists. A code
 * whose 5th and 6th digits are "00" names a city or province, not a county.
 *
 * Returns: (transfer full) (nullable): the first 6 digits, or %NULL when
 *   @code is not a county, township or village code
 */
char *
xf_reference_region_county (const char *code)
{
  gsize len;

  if (code == NULL)
    return NULL;
  len = strlen (code);
  if (len != 6 && len != 9 && len != 12)
    return NULL;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (code[i]))
      return NULL;
  if (code[4] == '0' && code[5] == '0')
    return NULL;
  return g_strndup (code, 6);
}

const char *
xf_reference_city_code (XfReference *self)
{
  g_return_val_if_fail (XF_IS_REFERENCE (self), NULL);

  if (get_table (self, XF_REFERENCE_REGIONS) == NULL)
    return NULL;
  return self->city.code;
}

/* The official (Chinese) name, as the contract's example shows; see
 * xf_reference_city_label() for the name in the user's language. */
const char *
xf_reference_city_name (XfReference *self)
{
  g_return_val_if_fail (XF_IS_REFERENCE (self), NULL);

  if (get_table (self, XF_REFERENCE_REGIONS) == NULL)
    return NULL;
  return self->city.name_zh;
}

/**
 * xf_reference_city_label:
 * @self: the reference data
 *
 * Returns: (transfer none): the city's name in the user's language
 *   ("Huzhou" or "湖州市"), Chinese when it has no English name; %NULL when the
 *   regions table cannot be loaded
 */
const char *
xf_reference_city_label (XfReference *self)
{
  g_return_val_if_fail (XF_IS_REFERENCE (self), NULL);

  if (get_table (self, XF_REFERENCE_REGIONS) == NULL)
    return NULL;
  return item_label (&self->city);
}

void
_xf_reference_set_language_for_tests (const char *lang)
{
  g_free (test_language);
  test_language = g_strdup (lang);
}
