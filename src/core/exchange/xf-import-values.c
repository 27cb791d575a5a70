/* xf-import-values.c — reading the cells of an import and checking its rows
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "xf-calendar.h"
#include "xf-error.h"
#include "xf-identity.h"
#include "xf-import-private.h"
#include "xf-pioneer-private.h"
#include "xf-registry-private.h"

/*
 * Every rule here is core's own: a row becomes an XfPioneer and each
 * field goes through xf_pioneer_check_field(), identity numbers and credit
 * codes through xf-identity, codes through xf-reference, the actor's right
 * at the row's place through xf_registry_check(). What this file adds is
 * reading what people write in spreadsheets (labels for codes, dates in
 * several forms) and finding duplicates fast: the keys of the existing
 * records are read once per analysis into hash tables.
 */


void
_xf_import_lookups_free (XfImportLookups *lookups)
{
  if (lookups == NULL)
    return;
  for (guint i = 0; i < XF_REFERENCE_N_TABLES; i++)
    {
      g_clear_pointer (&lookups->labels[i], g_hash_table_unref);
      g_clear_pointer (&lookups->raw_labels[i], g_hash_table_unref);
    }
  g_clear_pointer (&lookups->organisations, g_hash_table_unref);
  g_clear_pointer (&lookups->organisation_codes, g_hash_table_unref);
  g_clear_pointer (&lookups->file_codes, g_hash_table_unref);
  g_clear_pointer (&lookups->by_id_number, g_hash_table_unref);
  g_clear_pointer (&lookups->by_credit_code, g_hash_table_unref);
  g_clear_pointer (&lookups->by_name, g_hash_table_unref);
  g_clear_pointer (&lookups->permissions, g_hash_table_unref);
  g_clear_pointer (&lookups->find_uid, xf_db_stmt_free);
  g_clear_pointer (&lookups->find_honour, xf_db_stmt_free);
  g_clear_pointer (&lookups->strings, g_string_chunk_free);
  g_free (lookups);
}

/* Labels compare without case, width or spaces. */
char *
_xf_import_normalise_value (const char *text)
{
  return _xf_import_normalise_header (text);
}

static void
add_key (XfImportLookups *lookups,
         GHashTable      *table,
         const char      *key,
         const char      *code)
{
  const char *before = g_hash_table_lookup (table, key);

  if (before != NULL && !g_str_equal (before, code))
    code = "";   /* two places of one name: ambiguous */
  g_hash_table_insert (table, g_string_chunk_insert_const (lookups->strings, key),
                       g_string_chunk_insert_const (lookups->strings, code));
}

static void
add_label (XfImportLookups *lookups,
           GHashTable      *table,
           const char      *label,
           const char      *code)
{
  g_autofree char *key = NULL;
  GHashTable *raw = NULL;

  if (label == NULL || label[0] == '\0')
    return;
  key = _xf_import_normalise_value (label);
  if (key[0] == '\0')
    return;
  add_key (lookups, table, key, code);
  for (guint i = 0; i < XF_REFERENCE_N_TABLES; i++)
    if (lookups->labels[i] == table)
      raw = lookups->raw_labels[i];
  if (raw != NULL)
    add_key (lookups, raw, label, code);
}

static void
load_reference_labels (XfImport        *self,
                       XfImportLookups *lookups,
                       XfReferenceTable which)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *items;

  lookups->labels[which] = table;
  lookups->raw_labels[which] = g_hash_table_new (g_str_hash, g_str_equal);
  if (!xf_reference_ensure (self->reference, which, NULL))
    return;
  items = xf_reference_get_items (self->reference, which);
  /* Codes first, so that a label never hides a code. */
  for (guint i = 0; i < items->len; i++)
    {
      const XfReferenceItem *item = g_ptr_array_index (items, i);

      add_label (lookups, table, item->code, item->code);
    }
  for (guint i = 0; i < items->len; i++)
    {
      const XfReferenceItem *item = g_ptr_array_index (items, i);
      g_autofree char *code_key = _xf_import_normalise_value (item->name_zh);

      if (g_hash_table_contains (table, code_key) &&
          g_str_equal (g_hash_table_lookup (table, code_key), item->code))
        continue;
      add_label (lookups, table, item->name_zh, item->code);
      add_label (lookups, table, item->name_en, item->code);
      /* 汉族 → 汉 */
      if (which == XF_REFERENCE_ETHNICITIES && g_str_has_suffix (item->name_zh, "族"))
        {
          g_autofree char *short_name = g_strndup (item->name_zh, strlen (item->name_zh) - strlen ("族"));

          add_label (lookups, table, short_name, item->code);
        }
      /* A township with its county: 德清县舞阳街道 */
      if (which == XF_REFERENCE_REGIONS && item->parent != NULL && item->parent[0] != '\0')
        {
          const XfReferenceItem *county = xf_reference_lookup (self->reference, which, item->parent);

          if (county != NULL)
            {
              g_autofree char *full = g_strconcat (county->name_zh, item->name_zh, NULL);
              g_autofree char *city = g_strconcat (xf_reference_city_name (self->reference),
                                                   county->name_zh, item->name_zh, NULL);

              add_label (lookups, table, full, item->code);
              add_label (lookups, table, city, item->code);
            }
        }
      if (which == XF_REFERENCE_REGIONS && (item->parent == NULL || item->parent[0] == '\0'))
        {
          g_autofree char *city = g_strconcat (xf_reference_city_name (self->reference),
                                               item->name_zh, NULL);

          add_label (lookups, table, city, item->code);
        }
    }
}

static gboolean
load_organisations (XfImport        *self,
                    XfImportLookups *lookups,
                    GError         **error)
{
  g_autoptr(GPtrArray) organisations = xf_registry_list_organisations (self->registry, error);

  if (organisations == NULL)
    return FALSE;
  lookups->organisations = g_hash_table_new (g_str_hash, g_str_equal);
  lookups->organisation_codes = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < organisations->len; i++)
    {
      XfOrganisationInfo *info = g_ptr_array_index (organisations, i);
      const char *texts[] = { info->name, info->name_en, info->code };

      g_hash_table_insert (lookups->organisation_codes,
                           g_string_chunk_insert_const (lookups->strings, info->code),
                           GSIZE_TO_POINTER (info->id));
      for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
        {
          g_autofree char *key = NULL;

          if (texts[k] == NULL || texts[k][0] == '\0')
            continue;
          key = _xf_import_normalise_value (texts[k]);
          g_hash_table_insert (lookups->organisations, g_string_chunk_insert_const (lookups->strings, key),
                               GSIZE_TO_POINTER (info->id));
        }
    }
  return TRUE;
}

char *
_xf_import_name_key (const char *kind,
          const char *name,
          const char *birth_date)
{
  return g_strconcat (kind, "\x1f", name, "\x1f", birth_date != NULL ? birth_date : "", NULL);
}

/* Reads the keys of every stored pioneer once: a million rows cost about
 * a second and spare a lookup per row. */
static gboolean
load_pioneer_keys (XfImport        *self,
                   XfImportLookups *lookups,
                   GError         **error)
{
  XfDb *db = _xf_registry_get_db (self->registry);
  g_autoptr(XfDbStmt) stmt = NULL;
  XfDbStep step;

  lookups->by_id_number = g_hash_table_new (g_str_hash, g_str_equal);
  lookups->by_credit_code = g_hash_table_new (g_str_hash, g_str_equal);
  lookups->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  stmt = xf_db_prepare (db, "SELECT id, kind, name, birth_date, id_number, credit_code FROM pioneers", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      gpointer id = GSIZE_TO_POINTER (xf_db_stmt_column_int64 (stmt, 0));
      const char *kind = xf_db_stmt_column_text (stmt, 1);
      const char *name = xf_db_stmt_column_text (stmt, 2);
      const char *id_number = xf_db_stmt_column_text (stmt, 4);
      const char *credit_code = xf_db_stmt_column_text (stmt, 5);
      g_autofree char *key = NULL;

      if (id_number != NULL && id_number[0] != '\0')
        g_hash_table_insert (lookups->by_id_number,
                             g_string_chunk_insert (lookups->strings, id_number), id);
      if (credit_code != NULL && credit_code[0] != '\0')
        g_hash_table_insert (lookups->by_credit_code,
                             g_string_chunk_insert (lookups->strings, credit_code), id);
      if (name == NULL || kind == NULL)
        continue;
      key = _xf_import_name_key (kind, name, xf_db_stmt_column_text (stmt, 3));
      g_hash_table_insert (lookups->by_name, g_string_chunk_insert (lookups->strings, key), id);
    }
  return step == XF_DB_STEP_DONE;
}

XfImportLookups *
_xf_import_lookups_new (XfImport  *self,
                        GError   **error)
{
  g_autoptr(XfImportLookups) lookups = g_new0 (XfImportLookups, 1);
  static const XfReferenceTable tables[] = {
    XF_REFERENCE_REGIONS, XF_REFERENCE_INDUSTRIES, XF_REFERENCE_EDUCATION,
    XF_REFERENCE_ETHNICITIES, XF_REFERENCE_POLITICAL_STATUS, XF_REFERENCE_HONOUR_TITLES,
  };
  XfDb *db = _xf_registry_get_db (self->registry);

  lookups->strings = g_string_chunk_new (1 << 20);
  lookups->permissions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    load_reference_labels (self, lookups, tables[i]);
  if (!load_organisations (self, lookups, error))
    return NULL;

  if (self->kind == XF_IMPORT_KIND_ORGANISATIONS)
    {
      int column = _xf_import_field_column (self, "code");

      lookups->file_codes = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; column >= 0 && i < self->rows->len; i++)
        {
          const char *code = _xf_import_field_value (self, i, "code");

          if (code != NULL)
            g_hash_table_add (lookups->file_codes, g_string_chunk_insert_const (lookups->strings, code));
        }
      return g_steal_pointer (&lookups);
    }

  if (!load_pioneer_keys (self, lookups, error))
    return NULL;
  if (self->kind == XF_IMPORT_KIND_HONOURS)
    {
      lookups->find_uid = xf_db_prepare (db, "SELECT id FROM pioneers WHERE uid = $1", error);
      lookups->find_honour = xf_db_prepare (db,
                                            "SELECT 1 FROM honours WHERE pioneer_id = $1 "
                                            "AND title = $2 AND year = $3", error);
      if (lookups->find_uid == NULL || lookups->find_honour == NULL)
        return NULL;
    }
  return g_steal_pointer (&lookups);
}

/*
 * Readers
 */

static gboolean
all_digits (const char *text,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* "3.3052119850302E+17", "3.30521198503021E17", "330521198503021000.0":
 * an 18-digit number Excel kept to 15 significant digits. */
static gboolean
stored_as_number (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE, point = FALSE;

  for (; g_ascii_isdigit (*p) || (*p == '.' && !point); p++)
    {
      point |= *p == '.';
      digits |= *p != '.';
    }
  if (!digits)
    return FALSE;
  if (*p == 'E')
    {
      p++;
      if (*p == '+')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      return *p == '\0';
    }
  return point && *p == '\0';
}

gboolean
_xf_import_read_date (const char *text,
                      char        out[11])
{
  guint64 parts[3];
  guint n = 0;
  const char *p = text;
  GDate date;

  if (text == NULL)
    return FALSE;
  /* 31108: a date Excel wrote as its serial number (days since
   * 1899-12-30), as a CSV saved from a sheet without a date style has it;
   * 10000..73050 are the years 1927..2099. */
  if (strlen (text) == 5 && all_digits (text, 5))
    {
      guint64 serial = g_ascii_strtoull (text, NULL, 10);

      if (serial < 10000 || serial > 73050)
        return FALSE;
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
      g_date_add_days (&date, (guint) serial);
      g_snprintf (out, 11, "%04u-%02u-%02u", (guint) g_date_get_year (&date),
                  (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
      return TRUE;
    }
  /* 19850302 */
  if (strlen (text) == 8 && all_digits (text, 8))
    {
      g_snprintf (out, 11, "%.4s-%.2s-%.2s", text, text + 4, text + 6);
      return xf_date_parse (out, &date);
    }
  /* 1985-03-02, 1985/3/2, 1985.3.2, 1985年3月2日; an ISO time after a date is dropped. */
  while (n < 3)
    {
      char *end;

      if (!g_ascii_isdigit (*p))
        return FALSE;
      parts[n++] = g_ascii_strtoull (p, &end, 10);
      if (end - p > 4)
        return FALSE;
      p = end;
      if (n == 3)
        break;
      if (*p == '-' || *p == '/' || *p == '.')
        p++;
      else if (g_str_has_prefix (p, "年") || g_str_has_prefix (p, "月"))
        p += strlen ("年");
      else
        return FALSE;
    }
  if (g_str_has_prefix (p, "日") || g_str_has_prefix (p, "号"))
    p += strlen ("日");
  if (*p == 'T' || *p == ' ')
    p = "";
  if (*p != '\0' || parts[0] < 1000 || parts[0] > 9999 || parts[1] > 12 || parts[2] > 31)
    return FALSE;
  g_snprintf (out, 11, "%04u-%02u-%02u", (guint) parts[0], (guint) parts[1], (guint) parts[2]);
  return xf_date_parse (out, &date);
}

const char *
_xf_import_read_gender (const char *text)
{
  g_autofree char *key = _xf_import_normalise_value (text);
  static const char * const male[] = { "男", "男性", "male", "m", "man", NULL };
  static const char * const female[] = { "女", "女性", "female", "f", "woman", NULL };

  if (g_strv_contains (male, key))
    return "male";
  if (g_strv_contains (female, key))
    return "female";
  return NULL;
}

const char *
_xf_import_read_level (const char *text)
{
  static const char * const levels[] = { "national", "provincial", "city", "county" };
  static const char * const words[][8] = {
    { "国家级", "全国", "全国级", "国家", "national", NULL },
    { "省级", "省部级", "省", "provincial", "province", NULL },
    { "市级", "地市级", "市", "city", "municipal", NULL },
    { "县级", "区级", "区县级", "县区级", "县(区)级", "县", "county", "district" },
  };
  g_autofree char *key = _xf_import_normalise_value (text);

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autofree char *label = _xf_import_normalise_value (xf_honour_level_label (levels[i]));

      if (g_str_equal (key, label) || g_str_equal (key, levels[i]))
        return levels[i];
      for (guint k = 0; k < G_N_ELEMENTS (words[i]) && words[i][k] != NULL; k++)
        {
          g_autofree char *word = _xf_import_normalise_value (words[i][k]);

          if (g_str_equal (key, word))
            return levels[i];
        }
    }
  return NULL;
}

int
_xf_import_read_year (const char *text)
{
  if (text == NULL || strlen (text) < 4 || !all_digits (text, 4))
    return 0;
  if (text[4] != '\0' && !g_str_equal (text + 4, "年") && !g_str_equal (text + 4, ".0"))
    return 0;
  return (int) g_ascii_strtoll (text, NULL, 10);
}

/* The code of a label or code of a reference table; NULL when unknown, ""
 * when several places share the label. */
const char *
_xf_import_read_reference (XfImport        *self,
                XfReferenceTable which,
                const char      *text)
{
  g_autofree char *key = NULL;
  const char *code;

  /* Most cells are written as the list has them: no need to normalise. */
  code = g_hash_table_lookup (self->lookups->raw_labels[which], text);
  if (code != NULL)
    return code;
  key = _xf_import_normalise_value (text);
  return g_hash_table_lookup (self->lookups->labels[which], key);
}

gint64
_xf_import_find_organisation (XfImport   *self,
                              const char *text)
{
  g_autofree char *key = _xf_import_normalise_value (text);

  return (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (self->lookups->organisations, key));
}

/*
 * Problems
 */

void
_xf_import_add_problem (GPtrArray  *problems,
                        const char *field,
                        int         column,
                        const char *message)
{
  XfImportProblem *problem;

  if (problems == NULL)
    return;
  for (guint i = 0; i < problems->len; i++)
    if (g_str_equal (((XfImportProblem *) g_ptr_array_index (problems, i))->message, message))
      return;
  problem = g_new0 (XfImportProblem, 1);
  problem->field = g_strdup (field);
  problem->column = column >= 0 ? (guint) column : G_MAXUINT;
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

gboolean
_xf_import_has_problem (GPtrArray  *problems,
             const char *field)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    if (g_strcmp0 (((XfImportProblem *) g_ptr_array_index (problems, i))->field, field) == 0)
      return TRUE;
  return FALSE;
}

void
_xf_import_problem_printf (XfImport   *self,
                GPtrArray  *problems,
                const char *field,
                const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  _xf_import_add_problem (problems, field, field != NULL ? _xf_import_field_column (self, field) : -1,
                          message);
}

/*
 * Building a pioneer from a row
 */

void
_xf_import_honour_clear (XfImportHonour *honour)
{
  g_clear_pointer (&honour->title, g_free);
  g_clear_pointer (&honour->level, g_free);
  g_clear_pointer (&honour->body, g_free);
  g_clear_pointer (&honour->certificate, g_free);
  honour->year = 0;
}

static void
read_coded (XfImport        *self,
            XfPioneer       *pioneer,
            const char      *field,
            XfReferenceTable which,
            const char      *value,
            GPtrArray       *problems)
{
  const char *code = _xf_import_read_reference (self, which, value);

  if (code != NULL && code[0] == '\0')
    {
      _xf_import_problem_printf (self, problems, field, _("%s “%s” names several places; write the county too"),
                      xf_pioneer_field_label (field), value);
      return;
    }
  /* Unknown: the raw text, which the field's own check refuses by name. */
  _xf_pioneer_set_text (pioneer, field, code != NULL ? code : value);
}

void
_xf_import_read_honour_value (XfImport       *self,
                   XfImportHonour *honour,
                   const char     *field,
                   const char     *value,
                   GPtrArray      *problems)
{
  if (g_str_equal (field, "honour-title") || g_str_equal (field, "title"))
    honour->title = g_strdup (value);
  else if (g_str_equal (field, "honour-level") || g_str_equal (field, "level"))
    {
      const char *level = _xf_import_read_level (value);

      if (level == NULL)
        _xf_import_problem_printf (self, problems, field,
                        _("%s “%s” is not one of national, provincial, city or district/county"),
                        xf_import_field_label (self->kind, field), value);
      honour->level = g_strdup (level);
    }
  else if (g_str_equal (field, "honour-year") || g_str_equal (field, "year"))
    {
      honour->year = _xf_import_read_year (value);
      if (honour->year == 0)
        _xf_import_problem_printf (self, problems, field, _("%s “%s” is not a year"),
                        xf_import_field_label (self->kind, field), value);
    }
  else if (g_str_equal (field, "honour-body") || g_str_equal (field, "conferring-body"))
    honour->body = g_strdup (value);
  else if (g_str_equal (field, "honour-certificate") || g_str_equal (field, "certificate-no"))
    honour->certificate = g_strdup (value);
}

static void
read_pioneer_value (XfImport   *self,
                    XfPioneer  *pioneer,
                    const char *field,
                    const char *value,
                    GPtrArray  *problems)
{
  if (g_str_equal (field, "gender"))
    {
      const char *gender = _xf_import_read_gender (value);

      _xf_pioneer_set_text (pioneer, field, gender != NULL ? gender : value);
    }
  else if (g_str_equal (field, "birth-date"))
    {
      char date[11];

      if (_xf_import_read_date (value, date))
        _xf_pioneer_set_text (pioneer, field, date);
      else
        _xf_import_problem_printf (self, problems, field,
                        _("%s “%s” is not a date (write it as 1985-03-02)"),
                        xf_pioneer_field_label (field), value);
    }
  else if (g_str_equal (field, "id-number") || g_str_equal (field, "credit-code"))
    {
      g_autofree char *upper = g_ascii_strup (value, -1);

      if (strchr (value, '*') != NULL)
        _xf_import_problem_printf (self, problems, field,
                        /* TRANSLATORS: %s: "Identity number", then the masked cell */
                        _("%s “%s” is masked: export the list with identity numbers and mobiles "
                          "(“Include identity numbers and mobiles”, or --with-personal) to import it again"),
                        xf_pioneer_field_label (field), value);
      else if (stored_as_number (upper))
        _xf_import_problem_printf (self, problems, field,
                        /* TRANSLATORS: %s: "Identity number", then the cell as Excel left it */
                        _("%s “%s” was stored as a number, which loses its last digits: "
                          "format the column as text in the spreadsheet and type the numbers again"),
                        xf_pioneer_field_label (field), value);
      else
        _xf_pioneer_set_text (pioneer, field, upper);
    }
  else if (g_str_equal (field, "mobile"))
    {
      GString *digits;

      if (strchr (value, '*') != NULL)
        {
          _xf_import_problem_printf (self, problems, field,
                          _("%s “%s” is masked: export the list with identity numbers and mobiles "
                            "(“Include identity numbers and mobiles”, or --with-personal) to import it again"),
                          xf_pioneer_field_label (field), value);
          return;
        }
      digits = g_string_new (NULL);
      /* 138-1234-5678, 138 1234 5678 */
      for (const char *p = value; *p != '\0'; p++)
        if (*p != ' ' && *p != '-')
          g_string_append_c (digits, *p);
      _xf_pioneer_set_text (pioneer, field, digits->str);
      g_string_free (digits, TRUE);
    }
  else if (g_str_equal (field, "ethnicity"))
    read_coded (self, pioneer, field, XF_REFERENCE_ETHNICITIES, value, problems);
  else if (g_str_equal (field, "education"))
    read_coded (self, pioneer, field, XF_REFERENCE_EDUCATION, value, problems);
  else if (g_str_equal (field, "political-status"))
    read_coded (self, pioneer, field, XF_REFERENCE_POLITICAL_STATUS, value, problems);
  else if (g_str_equal (field, "industry"))
    read_coded (self, pioneer, field, XF_REFERENCE_INDUSTRIES, value, problems);
  else if (g_str_equal (field, "region-code"))
    read_coded (self, pioneer, field, XF_REFERENCE_REGIONS, value, problems);
  else if (g_str_equal (field, "organisation-id"))
    {
      gint64 id = _xf_import_find_organisation (self, value);

      if (id == 0)
        _xf_import_problem_printf (self, problems, field, _("%s “%s” is not a known organisation"),
                        xf_pioneer_field_label (field), value);
      _xf_pioneer_set_number (pioneer, field, id);
    }
  else if (g_str_equal (field, "size"))
    {
      char *end = NULL;
      gint64 size = g_ascii_strtoll (value, &end, 10);

      if (end == value || (*end != '\0' && !g_str_equal (end, "人")) || size < 0 || size > G_MAXINT)
        _xf_import_problem_printf (self, problems, field, _("%s “%s” is not a number"),
                        xf_pioneer_field_label (field), value);
      else
        _xf_pioneer_set_number (pioneer, field, size);
    }
  else if (_xf_pioneer_property_is_text (field))
    _xf_pioneer_set_text (pioneer, field, value);
}

XfPioneer *
_xf_import_build_pioneer (XfImport       *self,
                          guint           row,
                          XfImportHonour *honour,
                          GPtrArray      *problems)
{
  gboolean collective = self->kind == XF_IMPORT_KIND_COLLECTIVES;
  XfPioneer *pioneer = xf_pioneer_new (collective ? "collective" : "individual");
  XfIdentityFacts facts;
  const char *id_number;

  for (guint c = 0; c < self->mapping->len; c++)
    {
      const char *field = g_ptr_array_index (self->mapping, c);
      const char *value;

      if (field == NULL)
        continue;
      value = _xf_import_column_value (self, row, c);
      if (value == NULL)
        continue;
      if (g_str_has_prefix (field, "honour-"))
        _xf_import_read_honour_value (self, honour, field, value, problems);
      else
        read_pioneer_value (self, pioneer, field, value, problems);
    }

  /* Birth date and gender, when missing, from the identity number. */
  id_number = xf_pioneer_get_id_number (pioneer);
  if (!collective && id_number != NULL && xf_identity_check_id_number (id_number, &facts, NULL))
    {
      if (xf_pioneer_get_birth_date (pioneer) == NULL && !_xf_import_has_problem (problems, "birth-date"))
        _xf_pioneer_set_text (pioneer, "birth-date", facts.birth_date);
      if (xf_pioneer_get_gender (pioneer) == NULL)
        _xf_pioneer_set_text (pioneer, "gender", facts.gender);
    }
  return pioneer;
}

