/* xf-registry-scan.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-registry"

#include "config.h"

#include "xf-pioneer-private.h"
#include "xf-registry-private.h"
#include "xf-registry-scan.h"

/*
 * Where XfRegistryList takes two steps (the ordered ids of all matches,
 * then pages of rows by id, each an XfPioneer), a scan is one statement
 * over the same FROM, WHERE and ORDER BY, read straight off the cursor
 * into a view. On 1,000,000 files a search for 50,000 matches then costs
 * about what the same query costs in the sqlite3 shell.
 */

/* Where each summary column goes in the view, and as what; the column
 * after the summary columns is the organisation's name. */
typedef enum { SLOT_TEXT, SLOT_INT64, SLOT_INT } SlotType;

static const struct
{
  const char *property;
  gsize       offset;
  SlotType    type;
} slots[XF_SUMMARY_N_COLUMNS + 1] = {
#define SLOT(column, property, member, type) \
  [column] = { property, G_STRUCT_OFFSET (XfPioneerSummary, member), type }
  SLOT (XF_SUMMARY_ID, "id", id, SLOT_INT64),
  SLOT (XF_SUMMARY_UID, "uid", uid, SLOT_TEXT),
  SLOT (XF_SUMMARY_KIND, "kind", kind, SLOT_TEXT),
  SLOT (XF_SUMMARY_NAME, "name", name, SLOT_TEXT),
  SLOT (XF_SUMMARY_GENDER, "gender", gender, SLOT_TEXT),
  SLOT (XF_SUMMARY_BIRTH_DATE, "birth-date", birth_date, SLOT_TEXT),
  SLOT (XF_SUMMARY_EMPLOYER, "employer", employer, SLOT_TEXT),
  SLOT (XF_SUMMARY_TIER, "tier", tier, SLOT_TEXT),
  SLOT (XF_SUMMARY_REGION_CODE, "region-code", region_code, SLOT_TEXT),
  SLOT (XF_SUMMARY_ORGANISATION_ID, "organisation-id", organisation_id, SLOT_INT64),
  SLOT (XF_SUMMARY_INDUSTRY, "industry", industry, SLOT_TEXT),
  SLOT (XF_SUMMARY_HONOURS_COUNT, "honours-count", honours_count, SLOT_INT),
  SLOT (XF_SUMMARY_STATUS, "status", status, SLOT_TEXT),
  SLOT (XF_SUMMARY_N_COLUMNS, "organisation-name", organisation_name, SLOT_TEXT),
#undef SLOT
};

#define ORGANISATION_NAME XF_SUMMARY_N_COLUMNS
#define N_SLOTS (XF_SUMMARY_N_COLUMNS + 1)

/* The slots to read, in the order of the select list; the id first. */
typedef struct
{
  guint8   slot[N_SLOTS];
  guint    n;
  gboolean join;   /* the organisation's name is read */
} Selection;

static guint
find_slot (const char *property)
{
  for (guint i = 0; i < N_SLOTS; i++)
    if (g_str_equal (slots[i].property, property))
      return i;
  return N_SLOTS;
}

/* Fills @selection from property names (NULL: all); FALSE for a name that
 * is not a summary field. */
static gboolean
select_slots (const char * const *fields,
              Selection          *selection)
{
  gboolean wanted[N_SLOTS] = { FALSE, };

  wanted[XF_SUMMARY_ID] = TRUE;
  for (guint i = 0; i < N_SLOTS; i++)
    wanted[i] |= fields == NULL;
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      guint slot = find_slot (fields[i]);

      if (slot == N_SLOTS)
        {
          g_critical ("%s: “%s” is not a field of a pioneer summary", G_STRFUNC, fields[i]);
          return FALSE;
        }
      wanted[slot] = TRUE;
    }

  selection->n = 0;
  for (guint i = 0; i < N_SLOTS; i++)
    if (wanted[i])
      selection->slot[selection->n++] = (guint8) i;
  selection->join = wanted[ORGANISATION_NAME];
  return TRUE;
}

/* "p.id, p.uid, …, o.name" for the selection. */
static char *
select_list (const Selection *selection)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < selection->n; i++)
    {
      guint slot = selection->slot[i];

      if (i > 0)
        g_string_append (list, ", ");
      if (slot == ORGANISATION_NAME)
        g_string_append (list, "o.name");
      else
        g_string_append_printf (list, "p.%s", _xf_summary_columns[slot].column);
    }
  return g_string_free (list, FALSE);
}

/* Reads the selected columns into the view, as an XfPioneer would keep
 * them: empty text is unset, numbers are never negative. */
static void
read_summary (XfDbStmt         *stmt,
              const Selection  *selection,
              XfPioneerSummary *summary)
{
  for (guint i = 0; i < selection->n; i++)
    {
      guint slot = selection->slot[i];
      gpointer member = G_STRUCT_MEMBER_P (summary, slots[slot].offset);
      const char *text;
      gint64 number;

      switch (slots[slot].type)
        {
        case SLOT_TEXT:
          text = xf_db_stmt_column_text (stmt, (int) i);
          *(const char **) member = text != NULL && text[0] != '\0' ? text : NULL;
          break;
        case SLOT_INT64:
          number = xf_db_stmt_column_int64 (stmt, (int) i);
          *(gint64 *) member = MAX (number, 0);
          break;
        case SLOT_INT:
          number = xf_db_stmt_column_int64 (stmt, (int) i);
          *(int *) member = (int) CLAMP (number, 0, G_MAXINT);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/**
 * xf_registry_foreach_match:
 * @self: the registry
 * @query: (nullable): what to read; %NULL reads the active files by name
 * @fields: (nullable) (array zero-terminated=1): the summary fields to read
 *   by property name; %NULL for all of them
 * @func: (scope call): called for each row in order
 * @user_data: for @func
 * @cancellable: (nullable): checked before each row
 * @error: for a database error or a cancellation
 *
 * Calls @func for every file that matches @query, in the query's order:
 * the rows an #XfRegistryList on @query would hand out, read with one
 * statement and without building an #XfPioneer for each. The id is always
 * read; fields not asked for are %NULL or 0. @func may stop the walk by
 * returning %FALSE.
 *
 * Returns: %TRUE when every row was handed out or @func stopped the walk;
 *   %FALSE with @error set otherwise (rows may have been handed out)
 */
gboolean
xf_registry_foreach_match (XfRegistry             *self,
                           const XfRegistryQuery  *query,
                           const char * const     *fields,
                           XfRegistryMatchFunc     func,
                           gpointer                user_data,
                           GCancellable           *cancellable,
                           GError                **error)
{
  g_autoptr(XfRegistrySql) sql = NULL;
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *order = NULL;
  g_autofree char *text = NULL;
  XfPioneerSummary summary = { 0, };
  Selection selection;
  XfDbStep step;
  XfDb *db;

  g_return_val_if_fail (XF_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!select_slots (fields, &selection))
    return FALSE;
  if (!xf_permission_check (xf_registry_get_actor (self), XF_OP_REGISTRY_READ, NULL, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  db = _xf_registry_get_db (self);
  sql = _xf_registry_sql_new (db, query, error);
  if (sql == NULL)
    return FALSE;

  /* The organisation is joined last, so the plan over the matches stays
   * the one the list's snapshot uses; and only when its name is read. */
  columns = select_list (&selection);
  order = _xf_registry_sql_order_by (query, FALSE);
  text = g_strdup_printf ("SELECT %s FROM %s%s WHERE %s ORDER BY %s",
                          columns, _xf_registry_sql_get_from (sql),
                          selection.join ? " LEFT JOIN organisations o ON o.id = p.organisation_id" : "",
                          _xf_registry_sql_get_where (sql), order);
  stmt = xf_db_prepare (db, text, error);
  if (stmt == NULL)
    return FALSE;
  _xf_registry_sql_bind (sql, stmt);

  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      read_summary (stmt, &selection, &summary);
      if (!func (&summary, user_data))
        return TRUE;
    }
  return step == XF_DB_STEP_DONE;
}

/**
 * xf_pioneer_summary_to_pioneer:
 * @summary: a row handed out by xf_registry_foreach_match()
 *
 * Returns: (transfer full): a new record holding the summary's fields,
 *   as an #XfRegistryList item does
 */
XfPioneer *
xf_pioneer_summary_to_pioneer (const XfPioneerSummary *summary)
{
  XfPioneer *pioneer;

  g_return_val_if_fail (summary != NULL, NULL);

  pioneer = xf_pioneer_new (NULL);
  _xf_pioneer_set_number (pioneer, "id", summary->id);
  _xf_pioneer_set_text (pioneer, "uid", summary->uid);
  _xf_pioneer_set_text (pioneer, "kind", summary->kind);
  _xf_pioneer_set_text (pioneer, "name", summary->name);
  _xf_pioneer_set_text (pioneer, "gender", summary->gender);
  _xf_pioneer_set_text (pioneer, "birth-date", summary->birth_date);
  _xf_pioneer_set_text (pioneer, "employer", summary->employer);
  _xf_pioneer_set_text (pioneer, "tier", summary->tier);
  _xf_pioneer_set_text (pioneer, "region-code", summary->region_code);
  _xf_pioneer_set_number (pioneer, "organisation-id", summary->organisation_id);
  _xf_pioneer_set_text (pioneer, "organisation-name", summary->organisation_name);
  _xf_pioneer_set_text (pioneer, "industry", summary->industry);
  _xf_pioneer_set_number (pioneer, "honours-count", summary->honours_count);
  _xf_pioneer_set_text (pioneer, "status", summary->status);
  return pioneer;
}
