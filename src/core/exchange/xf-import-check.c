/* xf-import-check.c — checking the rows of an import as a save would
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-clock.h"
#include "xf-error.h"
#include "xf-identity.h"
#include "xf-import-private.h"
#include "xf-pioneer-private.h"
#include "xf-registry-private.h"

/*
 * Every rule is core's own: a row becomes an XfPioneer and each field it
 * brings goes through xf_pioneer_check_field() (identity numbers and
 * credit codes through xf-identity, codes through xf-reference), the
 * actor's right at the row's place through xf_registry_check(). Duplicates
 * are looked up in the keys of the stored records, read once per analysis
 * (xf-import-values.c), and in the keys of the file's earlier rows.
 */

void
_xf_import_check_honour (XfImport       *self,
                         XfImportHonour *honour,
                         gboolean        required,
                         GPtrArray      *problems)
{
  gboolean pioneers = self->kind != XF_IMPORT_KIND_HONOURS;
  const char *title_field = pioneers ? "honour-title" : "title";
  const char *level_field = pioneers ? "honour-level" : "level";
  const char *year_field = pioneers ? "honour-year" : "year";
  g_autoptr(GDateTime) now = NULL;

  if (!required && honour->title == NULL && honour->level == NULL && honour->year == 0 &&
      honour->body == NULL && honour->certificate == NULL)
    return;
  if (honour->title == NULL)
    {
      _xf_import_problem_printf (self, problems, title_field, _("%s is required"),
                      xf_import_field_label (self->kind, title_field));
      return;
    }
  if (g_utf8_strlen (honour->title, -1) > 100)
    _xf_import_problem_printf (self, problems, title_field, _("%s is too long: at most %d characters are allowed"),
                    xf_import_field_label (self->kind, title_field), 100);
  /* A known title gives its level. */
  if (honour->level == NULL && !_xf_import_has_problem (problems, level_field))
    {
      const char *code = _xf_import_read_reference (self, XF_REFERENCE_HONOUR_TITLES, honour->title);
      const XfReferenceItem *item = code != NULL && code[0] != '\0'
                                    ? xf_reference_lookup (self->reference, XF_REFERENCE_HONOUR_TITLES, code)
                                    : NULL;

      if (item != NULL && item->extra != NULL && xf_tier_for_honour_level (item->extra) != NULL)
        honour->level = g_strdup (item->extra);
      else
        _xf_import_problem_printf (self, problems, level_field, _("%s is required for “%s”"),
                        xf_import_field_label (self->kind, level_field), honour->title);
    }
  now = xf_clock_real_now ();
  if (honour->year == 0 && !_xf_import_has_problem (problems, year_field))
    _xf_import_problem_printf (self, problems, year_field, _("%s is required"),
                    xf_import_field_label (self->kind, year_field));
  else if (honour->year != 0 && (honour->year < 1949 || honour->year > g_date_time_get_year (now)))
    _xf_import_problem_printf (self, problems, year_field, _("Year %d is not between 1949 and this year"),
                    honour->year);
  if (honour->body != NULL && g_utf8_strlen (honour->body, -1) > 100)
    _xf_import_problem_printf (self, problems, pioneers ? "honour-body" : "conferring-body",
                    _("%s is too long: at most %d characters are allowed"),
                    _("Conferring body"), 100);
  if (honour->certificate != NULL && g_utf8_strlen (honour->certificate, -1) > 50)
    _xf_import_problem_printf (self, problems, pioneers ? "honour-certificate" : "certificate-no",
                    _("%s is too long: at most %d characters are allowed"),
                    _("Certificate number"), 50);
}

/* "" when the actor may do @op at @pioneer's place, else the refusal;
 * asked once per place. */
const char *
_xf_import_check_permission (XfImport    *self,
                  XfOperation  op,
                  XfPioneer   *pioneer)
{
  g_autofree char *key = g_strdup_printf ("%d\x1f%s\x1f%" G_GINT64_FORMAT, op,
                                          xf_pioneer_get_region_code (pioneer) ?: "",
                                          xf_pioneer_get_organisation_id (pioneer));
  char *known = g_hash_table_lookup (self->lookups->permissions, key);
  g_autoptr(GError) error = NULL;

  if (known != NULL)
    return known;
  known = g_strdup (xf_registry_check (self->registry, op, pioneer, &error) ? "" : error->message);
  g_hash_table_insert (self->lookups->permissions, g_steal_pointer (&key), known);
  return known;
}

/* Records @key for @row; when an earlier row has it, a "Repeats line N" problem. */
static void
note_key (XfImport   *self,
          GHashTable *seen,
          guint       row,
          char       *key,
          GPtrArray  *problems)
{
  gpointer earlier;

  if (seen == NULL)
    {
      g_free (key);
      return;
    }
  earlier = g_hash_table_lookup (seen, key);
  if (earlier != NULL && GPOINTER_TO_UINT (earlier) - 1 != row)
    {
      guint first = GPOINTER_TO_UINT (earlier) - 1;

      _xf_import_problem_printf (self, problems, NULL, _("Repeats line %llu"),
                      (unsigned long long) (_xf_import_row (self, first)->line));
      g_free (key);
      return;
    }
  g_hash_table_insert (seen, key, GUINT_TO_POINTER (row + 1));
}

static void
check_pioneer_row (XfImport   *self,
                   guint       row,
                   GHashTable *seen,
                   GPtrArray  *problems,
                   gint64     *duplicate)
{
  XfImportHonour honour = { 0 };
  g_autoptr(XfPioneer) pioneer = _xf_import_build_pioneer (self, row, &honour, problems);
  const char * const *fields = xf_pioneer_list_fields (xf_pioneer_get_kind (pioneer));
  const char *name_field = fields[0];
  const char *refusal;
  const char *id_number = xf_pioneer_get_id_number (pioneer);
  const char *credit_code = xf_pioneer_get_credit_code (pioneer);
  const char *name = xf_pioneer_get_name (pioneer);
  gboolean repeated;
  gboolean by_name;
  gpointer found = NULL;

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      /* A field the file does not bring is empty, which its check lets
       * pass, unless required (the name) or filled from the identity
       * number (gender, birth date). */
      if (_xf_import_has_problem (problems, fields[i]) ||
          (_xf_import_field_column (self, fields[i]) < 0 && fields[i] != name_field &&
           !g_str_equal (fields[i], "gender") && !g_str_equal (fields[i], "birth-date")))
        continue;
      if (!xf_pioneer_check_field (pioneer, fields[i], &error))
        _xf_import_add_problem (problems, fields[i], _xf_import_field_column (self, fields[i]),
                                error->message);
    }
  _xf_import_check_honour (self, &honour, FALSE, problems);
  _xf_import_honour_clear (&honour);

  refusal = _xf_import_check_permission (self, XF_OP_PIONEER_CREATE, pioneer);
  if (refusal[0] != '\0')
    _xf_import_add_problem (problems, NULL, -1, refusal);

  /* Repeats within the file, then duplicates of stored records. */
  repeated = problems->len;
  if (id_number != NULL)
    note_key (self, seen, row, g_strconcat ("i\x1f", id_number, NULL), problems);
  if (credit_code != NULL)
    note_key (self, seen, row, g_strconcat ("c\x1f", credit_code, NULL), problems);
  /* A name says who it is only with a birth date, or for a collective
   * without a credit code: same-named units with their own codes differ. */
  by_name = name != NULL && (xf_pioneer_is_collective (pioneer) ? credit_code == NULL
                                                                 : xf_pioneer_get_birth_date (pioneer) != NULL);
  if (by_name)
    note_key (self, seen, row, _xf_import_name_key (xf_pioneer_get_kind (pioneer), name,
                                         xf_pioneer_get_birth_date (pioneer)), problems);
  if (problems->len != (guint) repeated)
    return;

  if (id_number != NULL)
    found = g_hash_table_lookup (self->lookups->by_id_number, id_number);
  if (found == NULL && credit_code != NULL)
    found = g_hash_table_lookup (self->lookups->by_credit_code, credit_code);
  if (found == NULL && by_name)
    {
      g_autofree char *key = _xf_import_name_key (xf_pioneer_get_kind (pioneer), name,
                                       xf_pioneer_get_birth_date (pioneer));

      found = g_hash_table_lookup (self->lookups->by_name, key);
    }
  *duplicate = (gint64) GPOINTER_TO_SIZE (found);
}

gint64
_xf_import_find_pioneer (XfImport  *self,
                         guint      row,
                         GPtrArray *problems)
{
  const char *value;
  g_autofree char *id_number = NULL;
  g_autofree char *credit_code = NULL;
  g_autofree char *name = NULL;
  char birth_date[11] = "";
  gpointer found = NULL;

  if ((value = _xf_import_field_value (self, row, "pioneer-uid")) != NULL)
    {
      XfDbStmt *stmt = self->lookups->find_uid;
      gint64 id = 0;

      xf_db_stmt_bind_text (stmt, 1, value);
      if (xf_db_stmt_step (stmt, NULL) == XF_DB_STEP_ROW)
        id = xf_db_stmt_column_int64 (stmt, 0);
      xf_db_stmt_reset (stmt);
      if (id != 0)
        return id;
    }
  if ((value = _xf_import_field_value (self, row, "pioneer-id-number")) != NULL)
    {
      id_number = g_ascii_strup (value, -1);
      found = g_hash_table_lookup (self->lookups->by_id_number, id_number);
    }
  if (found == NULL && (value = _xf_import_field_value (self, row, "pioneer-credit-code")) != NULL)
    {
      credit_code = g_ascii_strup (value, -1);
      found = g_hash_table_lookup (self->lookups->by_credit_code, credit_code);
    }
  if (found == NULL && (value = _xf_import_field_value (self, row, "pioneer-birth-date")) != NULL &&
      !_xf_import_read_date (value, birth_date))
    _xf_import_problem_printf (self, problems, "pioneer-birth-date",
                    _("%s “%s” is not a date (write it as 1985-03-02)"),
                    xf_pioneer_field_label ("birth-date"), value);
  if (found == NULL && (value = _xf_import_field_value (self, row, "pioneer-name")) != NULL)
    {
      g_autofree char *key = NULL;

      name = g_strdup (value);
      key = _xf_import_name_key (birth_date[0] != '\0' ? "individual" : "collective", name, birth_date);
      found = g_hash_table_lookup (self->lookups->by_name, key);
    }
  if (found != NULL)
    return (gint64) GPOINTER_TO_SIZE (found);
  if (id_number == NULL && credit_code == NULL && name == NULL)
    _xf_import_problem_printf (self, problems, NULL,
                    _("No column names the pioneer: an identity number, a credit code, "
                      "a name and birth date, or a file identifier is needed"));
  else
    _xf_import_problem_printf (self, problems, NULL, _("No pioneer’s file matches “%s”"),
                    name != NULL ? name : credit_code != NULL ? credit_code
                    : _("the identity number"));
  return 0;
}

static void
check_honour_row (XfImport   *self,
                  guint       row,
                  GHashTable *seen,
                  GPtrArray  *problems)
{
  XfImportHonour honour = { 0 };
  gint64 pioneer_id = _xf_import_find_pioneer (self, row, problems);

  for (guint c = 0; c < self->mapping->len; c++)
    {
      const char *field = g_ptr_array_index (self->mapping, c);
      const char *value = field != NULL ? _xf_import_field_value (self, row, field) : NULL;

      if (value != NULL && !g_str_has_prefix (field, "pioneer-"))
        _xf_import_read_honour_value (self, &honour, field, value, problems);
    }
  _xf_import_check_honour (self, &honour, TRUE, problems);

  if (pioneer_id != 0)
    {
      g_autoptr(XfPioneer) pioneer = _xf_registry_load (self->registry, pioneer_id, NULL);
      const char *refusal = pioneer != NULL ? _xf_import_check_permission (self, XF_OP_HONOUR_EDIT, pioneer) : "";

      if (refusal[0] != '\0')
        _xf_import_add_problem (problems, NULL, -1, refusal);
      if (honour.title != NULL && honour.year != 0)
        {
          XfDbStmt *stmt = self->lookups->find_honour;
          g_autofree char *year = g_strdup_printf ("%d", honour.year);
          gboolean exists;

          xf_db_stmt_bind_int64 (stmt, 1, pioneer_id);
          xf_db_stmt_bind_text (stmt, 2, honour.title);
          xf_db_stmt_bind_int64 (stmt, 3, honour.year);
          exists = xf_db_stmt_step (stmt, NULL) == XF_DB_STEP_ROW;
          xf_db_stmt_reset (stmt);
          if (exists)
            _xf_import_problem_printf (self, problems, "title", _("The honour “%s” (%d) is already in the file of “%s”"),
                            honour.title, honour.year, pioneer != NULL ? xf_pioneer_get_name (pioneer) : "");
          else
            note_key (self, seen, row,
                      g_strdup_printf ("h\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s", pioneer_id, honour.title, year),
                      problems);
        }
    }
  _xf_import_honour_clear (&honour);
}

/* "mass-organisation" or "department" from what a list writes; NULL when unknown. */
static const char *
read_organisation_kind (const char *text)
{
  static const char * const mass[] = { "mass-organisation", "massorganisation", "mass organisation",
                                       "群团组织", "群团", "群众团体", NULL };
  static const char * const department[] = { "department", "部门", "政府部门", "职能部门", NULL };
  g_autofree char *key = _xf_import_normalise_value (text);

  for (guint i = 0; mass[i] != NULL; i++)
    {
      g_autofree char *word = _xf_import_normalise_value (mass[i]);

      if (g_str_equal (word, key))
        return "mass-organisation";
    }
  for (guint i = 0; department[i] != NULL; i++)
    {
      g_autofree char *word = _xf_import_normalise_value (department[i]);

      if (g_str_equal (word, key))
        return "department";
    }
  return NULL;
}

static void
check_organisation_row (XfImport   *self,
                        guint       row,
                        GHashTable *seen,
                        GPtrArray  *problems,
                        gint64     *duplicate)
{
  g_autofree char *code = g_strdup (_xf_import_field_value (self, row, "code"));
  g_autofree char *name = g_strdup (_xf_import_field_value (self, row, "name"));
  g_autofree char *name_en = g_strdup (_xf_import_field_value (self, row, "name-en"));
  g_autofree char *kind = g_strdup (_xf_import_field_value (self, row, "kind"));
  g_autofree char *parent = g_strdup (_xf_import_field_value (self, row, "parent-code"));
  g_autoptr(GError) error = NULL;
  guint before = problems->len;

  if (code == NULL)
    _xf_import_problem_printf (self, problems, "code", _("%s is required"), xf_import_field_label (self->kind, "code"));
  else if (strlen (code) > 50)
    _xf_import_problem_printf (self, problems, "code", _("%s is too long: at most %d characters are allowed"),
                    xf_import_field_label (self->kind, "code"), 50);
  if (name == NULL)
    _xf_import_problem_printf (self, problems, "name", _("%s is required"), xf_import_field_label (self->kind, "name"));
  else if (g_utf8_strlen (name, -1) > 100)
    _xf_import_problem_printf (self, problems, "name", _("%s is too long: at most %d characters are allowed"),
                    xf_import_field_label (self->kind, "name"), 100);
  if (name_en != NULL && g_utf8_strlen (name_en, -1) > 200)
    _xf_import_problem_printf (self, problems, "name-en", _("%s is too long: at most %d characters are allowed"),
                    xf_import_field_label (self->kind, "name-en"), 200);
  if (kind != NULL && read_organisation_kind (kind) == NULL)
    _xf_import_problem_printf (self, problems, "kind", _("%s “%s” is neither a mass organisation nor a department"),
                    xf_import_field_label (self->kind, "kind"), kind);
  if (parent != NULL &&
      (g_strcmp0 (parent, code) == 0 ||
       (!g_hash_table_contains (self->lookups->organisation_codes, parent) &&
        !g_hash_table_contains (self->lookups->file_codes, parent))))
    _xf_import_problem_printf (self, problems, "parent-code", _("%s “%s” is not a known organisation"),
                    xf_import_field_label (self->kind, "parent-code"), parent);
  if (!xf_permission_check (xf_registry_get_actor (self->registry), XF_OP_ORGANISATION_EDIT, NULL, &error))
    _xf_import_add_problem (problems, NULL, -1, error->message);
  if (code == NULL || problems->len != before)
    return;
  note_key (self, seen, row, g_strconcat ("o\x1f", code, NULL), problems);
  if (problems->len == before)
    *duplicate = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (self->lookups->organisation_codes, code));
}

const char *
_xf_import_organisation_kind (const char *text)
{
  return text != NULL ? read_organisation_kind (text) : "mass-organisation";
}

void
_xf_import_check_row (XfImport   *self,
                      guint       row,
                      GHashTable *seen)
{
  XfImportRow *r = _xf_import_row (self, row);
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_import_problem_free);
  gint64 duplicate = 0;

  switch (self->kind)
    {
    case XF_IMPORT_KIND_INDIVIDUALS:
    case XF_IMPORT_KIND_COLLECTIVES:
      check_pioneer_row (self, row, seen, problems, &duplicate);
      break;
    case XF_IMPORT_KIND_HONOURS:
      check_honour_row (self, row, seen, problems);
      break;
    case XF_IMPORT_KIND_ORGANISATIONS:
    default:
      check_organisation_row (self, row, seen, problems, &duplicate);
      break;
    }

  g_clear_pointer (&r->problems, g_ptr_array_unref);
  r->duplicate_id = 0;
  if (problems->len > 0)
    {
      r->state = XF_IMPORT_ROW_PROBLEM;
      r->problems = problems;
      return;
    }
  g_ptr_array_unref (problems);
  r->state = duplicate != 0 ? XF_IMPORT_ROW_DUPLICATE : XF_IMPORT_ROW_NEW;
  r->duplicate_id = duplicate;
}
