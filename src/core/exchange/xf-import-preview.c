/* xf-import-preview.c — the cells, analysis, preview and report of an import
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-import-private.h"
#include "xf-table.h"

/*
 * Cells
 */

static gint64
fix_key (guint row,
         guint column)
{
  return ((gint64) row << 16) | column;
}

const char *
xf_import_get_cell (XfImport *self,
                    guint     row,
                    guint     column)
{
  XfImportRow *r;
  const char *cell;

  g_return_val_if_fail (XF_IS_IMPORT (self), "");
  g_return_val_if_fail (self->rows != NULL && row < self->rows->len, "");

  r = _xf_import_row (self, row);
  if (r->fixed)
    {
      gint64 key = fix_key (row, column);
      const char *fixed = g_hash_table_lookup (self->fixes, &key);

      if (fixed != NULL)
        return fixed;
    }
  if (column >= r->n_cells)
    return "";
  cell = r->cells;
  for (guint i = 0; i < column; i++)
    cell += strlen (cell) + 1;
  return cell;
}

const char *
_xf_import_field_value (XfImport   *self,
                        guint       row,
                        const char *field)
{
  int column = _xf_import_field_column (self, field);

  return column >= 0 ? _xf_import_column_value (self, row, column) : NULL;
}

const char *
_xf_import_column_value (XfImport *self,
                         guint     row,
                         guint     column)
{
  static GPrivate buffer = G_PRIVATE_INIT (g_free);
  const char *cell;
  const char *start;
  const char *end;
  char *out;

  cell = xf_import_get_cell (self, row, column);
  start = cell;
  while (*start != '\0' && g_ascii_isspace (*start))
    start++;
  end = start + strlen (start);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  /* Full-width and no-break spaces around a value are still blanks. */
  while (end - start >= 3 && (memcmp (end - 3, "\xe3\x80\x80", 3) == 0))
    end -= 3;
  while (end - start >= 3 && (memcmp (start, "\xe3\x80\x80", 3) == 0))
    start += 3;
  if (start == end)
    return NULL;
  out = g_realloc (g_private_get (&buffer), end - start + 1);
  g_private_set (&buffer, out);
  memcpy (out, start, end - start);
  out[end - start] = '\0';
  return out;
}

/*
 * Analysis and the preview
 */

gboolean
xf_import_analyse (XfImport              *self,
                   XfImportProgressFunc   progress,
                   gpointer               user_data,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint n;

  g_return_val_if_fail (XF_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (self->rows != NULL, FALSE);

  if (self->committed)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, _("“%s” was already imported"),
                   self->file_name);
      return FALSE;
    }
  if (!xf_permission_check (xf_registry_get_actor (self->registry), XF_OP_REGISTRY_READ, NULL, error))
    return FALSE;

  g_clear_pointer (&self->lookups, _xf_import_lookups_free);
  g_hash_table_remove_all (self->existing);
  g_hash_table_remove_all (self->merges);
  self->lookups = _xf_import_lookups_new (self, error);
  if (self->lookups == NULL)
    return FALSE;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = self->rows->len;
  for (guint i = 0; i < n; i++)
    {
      if (i % 1024 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress ((double) i / MAX (n, 1), user_data);
        }
      _xf_import_check_row (self, i, seen);
    }
  if (progress != NULL)
    progress (1.0, user_data);
  g_debug ("Analysed %u rows in %.2f s", n, g_timer_elapsed (timer, NULL));
  self->analysed = TRUE;
  return TRUE;
}

gboolean
xf_import_is_analysed (XfImport *self)
{
  g_return_val_if_fail (XF_IS_IMPORT (self), FALSE);
  return self->analysed;
}

guint
xf_import_get_n_rows (XfImport *self)
{
  g_return_val_if_fail (XF_IS_IMPORT (self), 0);
  return self->rows != NULL ? self->rows->len : 0;
}

guint64
xf_import_get_row_line (XfImport *self,
                        guint     row)
{
  g_return_val_if_fail (XF_IS_IMPORT (self), 0);
  g_return_val_if_fail (self->rows != NULL && row < self->rows->len, 0);
  return _xf_import_row (self, row)->line;
}

/* Rows whose state depends on @row's keys: those that repeat it or that it repeats. */
static void
recheck_all (XfImport *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      XfImportRow *r = _xf_import_row (self, i);
      gboolean merged = g_hash_table_contains (self->merges, GUINT_TO_POINTER (i));
      gint64 before = r->duplicate_id;

      _xf_import_check_row (self, i, seen);
      if (merged && (r->state != XF_IMPORT_ROW_DUPLICATE || r->duplicate_id != before))
        g_hash_table_remove (self->merges, GUINT_TO_POINTER (i));
    }
}

gboolean
xf_import_set_cell (XfImport    *self,
                    guint        row,
                    guint        column,
                    const char  *value,
                    GError     **error)
{
  XfImportRow *r;
  gint64 *key;

  g_return_val_if_fail (XF_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (self->rows != NULL && row < self->rows->len, FALSE);
  g_return_val_if_fail (column < self->headers->len, FALSE);

  if (self->committed)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, _("“%s” was already imported"),
                   self->file_name);
      return FALSE;
    }
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Line %llu: the text is not valid UTF-8"),
                   (unsigned long long) (_xf_import_row (self, row)->line));
      return FALSE;
    }
  r = _xf_import_row (self, row);
  key = g_new (gint64, 1);
  *key = fix_key (row, column);
  g_hash_table_insert (self->fixes, key, g_strdup (value != NULL ? value : ""));
  r->fixed = TRUE;

  if (!self->analysed)
    return TRUE;
  /* Its keys may free or make repeats elsewhere in the file: the file's
   * repeats are found again (cheap: no database), the row itself checked. */
  recheck_all (self);
  return TRUE;
}

XfImportRowState
xf_import_get_row_state (XfImport *self,
                         guint     row)
{
  XfImportRow *r;

  g_return_val_if_fail (XF_IS_IMPORT (self), XF_IMPORT_ROW_PROBLEM);
  g_return_val_if_fail (self->rows != NULL && row < self->rows->len, XF_IMPORT_ROW_PROBLEM);

  r = _xf_import_row (self, row);
  if (r->skipped)
    return XF_IMPORT_ROW_SKIPPED;
  if (r->state == XF_IMPORT_ROW_DUPLICATE &&
      g_hash_table_contains (self->merges, GUINT_TO_POINTER (row)))
    return XF_IMPORT_ROW_MERGE;
  return r->state;
}

GPtrArray *
xf_import_get_row_problems (XfImport *self,
                            guint     row)
{
  static GPtrArray *none;
  XfImportRow *r;

  if (g_once_init_enter (&none))
    g_once_init_leave (&none, g_ptr_array_new ());
  g_return_val_if_fail (XF_IS_IMPORT (self), none);
  g_return_val_if_fail (self->rows != NULL && row < self->rows->len, none);

  r = _xf_import_row (self, row);
  return r->problems != NULL ? r->problems : none;
}

/* The record a DUPLICATE row matches, NULL for other rows. */
static XfImportExisting *
row_existing (XfImport *self,
              guint     row)
{
  g_return_val_if_fail (XF_IS_IMPORT (self), NULL);
  g_return_val_if_fail (self->rows != NULL && row < self->rows->len, NULL);

  if (_xf_import_row (self, row)->state != XF_IMPORT_ROW_DUPLICATE)
    return NULL;
  return _xf_import_get_existing (self, _xf_import_row (self, row)->duplicate_id);
}

const char *
xf_import_get_row_duplicate_uid (XfImport *self,
                                 guint     row)
{
  XfImportExisting *existing = row_existing (self, row);

  return existing != NULL ? existing->uid : NULL;
}

const char *
xf_import_get_row_duplicate_label (XfImport *self,
                                   guint     row)
{
  XfImportExisting *existing = row_existing (self, row);

  return existing != NULL ? existing->label : NULL;
}

guint
xf_import_count_rows (XfImport         *self,
                      XfImportRowState  state)
{
  guint n = 0;

  g_return_val_if_fail (XF_IS_IMPORT (self), 0);

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    n += xf_import_get_row_state (self, i) == state;
  return n;
}

void
xf_import_count_states (XfImport *self,
                        guint     counts[XF_IMPORT_ROW_SKIPPED + 1])
{
  g_return_if_fail (XF_IS_IMPORT (self));
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof (guint) * (XF_IMPORT_ROW_SKIPPED + 1));
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    counts[xf_import_get_row_state (self, i)]++;
}

void
xf_import_set_skipped (XfImport *self,
                       guint     row,
                       gboolean  skipped)
{
  g_return_if_fail (XF_IS_IMPORT (self));
  g_return_if_fail (self->rows != NULL && row < self->rows->len);
  g_return_if_fail (!self->committed);

  _xf_import_row (self, row)->skipped = !!skipped;
}

const char * const *
xf_import_get_merge (XfImport *self,
                     guint     row)
{
  g_return_val_if_fail (XF_IS_IMPORT (self), NULL);
  return g_hash_table_lookup (self->merges, GUINT_TO_POINTER (row));
}

/*
 * The report
 */

static char *
row_reason (XfImport *self,
            guint     row)
{
  XfImportRow *r = _xf_import_row (self, row);
  g_autoptr(GString) reason = g_string_new (NULL);

  if (r->skipped)
    return g_strdup (_("Left out by hand"));
  if (r->state == XF_IMPORT_ROW_DUPLICATE)
    {
      XfImportExisting *existing = _xf_import_get_existing (self, r->duplicate_id);

      return g_strdup_printf (_("Already in the registry as “%s”: not merged"),
                              existing != NULL ? existing->label : "?");
    }
  for (guint i = 0; r->problems != NULL && i < r->problems->len; i++)
    {
      XfImportProblem *problem = g_ptr_array_index (r->problems, i);

      if (reason->len > 0)
        g_string_append (reason, "; ");
      g_string_append (reason, problem->message);
    }
  return g_string_free (g_steal_pointer (&reason), FALSE);
}

XfImportReport *
xf_import_get_report (XfImport *self)
{
  XfImportReport *report;

  g_return_val_if_fail (XF_IS_IMPORT (self), NULL);

  report = g_new0 (XfImportReport, 1);
  report->file_name = g_strdup (self->file_name);
  report->left_out = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_import_left_out_free);
  report->committed = self->committed;
  report->rows = self->rows != NULL ? self->rows->len : 0;
  for (guint i = 0; i < report->rows; i++)
    {
      XfImportLeftOut *left_out;

      switch (xf_import_get_row_state (self, i))
        {
        case XF_IMPORT_ROW_NEW:
          report->created++;
          continue;
        case XF_IMPORT_ROW_MERGE:
          report->merged++;
          continue;
        case XF_IMPORT_ROW_DUPLICATE:
          report->duplicates++;
          break;
        case XF_IMPORT_ROW_PROBLEM:
          report->problems++;
          break;
        case XF_IMPORT_ROW_SKIPPED:
        default:
          report->skipped++;
          break;
        }
      left_out = g_new0 (XfImportLeftOut, 1);
      left_out->line = _xf_import_row (self, i)->line;
      left_out->reason = row_reason (self, i);
      g_ptr_array_add (report->left_out, left_out);
    }
  return report;
}

gboolean
xf_import_write_left_out (XfImport    *self,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(XfTable) table = xf_table_new (self->file_name);
  guint first;

  g_return_val_if_fail (XF_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  xf_table_add_column (table, _("Line"), XF_TABLE_INTEGER);
  xf_table_add_column (table, _("Reason"), XF_TABLE_TEXT);
  first = 2;
  for (guint c = 0; c < self->headers->len; c++)
    xf_table_add_column (table, g_ptr_array_index (self->headers, c), XF_TABLE_TEXT);
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      XfImportRowState state = xf_import_get_row_state (self, i);
      g_autofree char *reason = NULL;
      guint out;

      if (state == XF_IMPORT_ROW_NEW || state == XF_IMPORT_ROW_MERGE)
        continue;
      out = xf_table_add_row (table);
      reason = row_reason (self, i);
      xf_table_set_number (table, out, 0, (double) _xf_import_row (self, i)->line);
      xf_table_set_text (table, out, 1, reason);
      for (guint c = 0; c < self->headers->len; c++)
        xf_table_set_text (table, out, first + c, xf_import_get_cell (self, i, c));
    }
  return xf_table_write_csv (table, path, error);
}

/*
 * Commit
 */

gboolean
xf_import_commit (XfImport              *self,
                  XfImportProgressFunc   progress,
                  gpointer               user_data,
                  GCancellable          *cancellable,
                  GError               **error)
{
  g_return_val_if_fail (XF_IS_IMPORT (self), FALSE);

  if (self->committed)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, _("“%s” was already imported"),
                   self->file_name);
      return FALSE;
    }
  if (!self->analysed && !xf_import_analyse (self, NULL, NULL, cancellable, error))
    return FALSE;
  return _xf_import_commit (self, progress, user_data, cancellable, error);
}

gboolean
xf_import_is_committed (XfImport *self)
{
  g_return_val_if_fail (XF_IS_IMPORT (self), FALSE);
  return self->committed;
}
