/* xf-care-report.c — the care report: JSON and XLSX
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-care-report.h"
#include "xf-error.h"
#include "xf-table.h"

void
xf_care_report_row_free (XfCareReportRow *row)
{
  if (row == NULL)
    return;
  g_free (row->programme_code);
  g_free (row->programme_name);
  g_free (row->key);
  g_free (row->label);
  g_free (row);
}

void
xf_care_report_free (XfCareReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->by_region, g_ptr_array_unref);
  g_clear_pointer (&report->by_organisation, g_ptr_array_unref);
  g_free (report);
}

/*
 * JSON: money in fen, as everywhere else in the command line's output
 */

static void
add_row (JsonBuilder           *builder,
         const XfCareReportRow *row)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "programme");
  json_builder_add_string_value (builder, row->programme_code);
  json_builder_set_member_name (builder, "programme_name");
  json_builder_add_string_value (builder, row->programme_name);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, row->key);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, row->label);
  json_builder_set_member_name (builder, "eligible");
  json_builder_add_int_value (builder, row->eligible);
  json_builder_set_member_name (builder, "invited");
  json_builder_add_int_value (builder, row->invited);
  json_builder_set_member_name (builder, "served");
  json_builder_add_int_value (builder, row->served);
  json_builder_set_member_name (builder, "declined");
  json_builder_add_int_value (builder, row->declined);
  json_builder_set_member_name (builder, "no_answer");
  json_builder_add_int_value (builder, row->no_answer);
  json_builder_set_member_name (builder, "coverage");
  json_builder_add_double_value (builder, row->coverage);
  json_builder_set_member_name (builder, "budget");
  json_builder_add_int_value (builder, row->budget);
  json_builder_set_member_name (builder, "spent");
  json_builder_add_int_value (builder, row->spent);
  json_builder_set_member_name (builder, "quota");
  json_builder_add_int_value (builder, row->quota);
  json_builder_end_object (builder);
}

static void
add_rows (JsonBuilder *builder,
          const char  *name,
          GPtrArray   *rows)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    add_row (builder, g_ptr_array_index (rows, i));
  json_builder_end_array (builder);
}

JsonNode *
xf_care_report_to_json (const XfCareReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (report != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, report->year);
  json_builder_set_member_name (builder, "budget");
  json_builder_add_int_value (builder, report->budget);
  json_builder_set_member_name (builder, "spent");
  json_builder_add_int_value (builder, report->spent);
  add_rows (builder, "by_region", report->by_region);
  add_rows (builder, "by_organisation", report->by_organisation);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/*
 * XLSX: money in yuan with a ¥ format, for the finance office
 */

/* "1234.50" from fen, "-12.05" below zero (transfer full). */
static char *
yuan_text (gint64 fen)
{
  guint64 magnitude = fen < 0 ? (guint64) -fen : (guint64) fen;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", fen < 0 ? "-" : "",
                          magnitude / 100, (guint) (magnitude % 100));
}

static char *
fraction_text (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4f", value));
}

static XfTable *
coverage_columns (const char *title,
                  const char *place)
{
  XfTable *table = xf_table_new (title);

  xf_table_add_column (table, _("Programme"), XF_TABLE_TEXT);
  xf_table_add_column (table, place, XF_TABLE_TEXT);
  xf_table_add_column (table, _("Eligible"), XF_TABLE_INTEGER);
  xf_table_add_column (table, _("Invited"), XF_TABLE_INTEGER);
  xf_table_add_column (table, _("Served"), XF_TABLE_INTEGER);
  xf_table_add_column (table, C_("care", "Declined"), XF_TABLE_INTEGER);
  /* Translators: a column: invited people who never answered */
  xf_table_add_column (table, _("No answer"), XF_TABLE_INTEGER);
  xf_table_add_column (table, C_("care", "Coverage"), XF_TABLE_PERCENT);
  xf_table_add_column (table, _("Spent (yuan)"), XF_TABLE_MONEY);
  return table;
}

static gboolean
write_coverage (XfTableWriter  *writer,
                GPtrArray      *rows,
                GError        **error)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const XfCareReportRow *row = g_ptr_array_index (rows, i);
      g_autofree char *eligible = g_strdup_printf ("%d", row->eligible);
      g_autofree char *invited = g_strdup_printf ("%d", row->invited);
      g_autofree char *served = g_strdup_printf ("%d", row->served);
      g_autofree char *declined = g_strdup_printf ("%d", row->declined);
      g_autofree char *no_answer = g_strdup_printf ("%d", row->no_answer);
      g_autofree char *coverage = fraction_text (row->coverage);
      g_autofree char *spent = yuan_text (row->spent);
      const char *cells[] = { row->programme_name, row->label, eligible, invited, served, declined,
                              no_answer, coverage, spent };

      if (!xf_table_writer_add_row (writer, cells, error))
        return FALSE;
    }
  return TRUE;
}

static XfTable *
budget_columns (void)
{
  XfTable *table = xf_table_new (_("Budget"));

  xf_table_add_column (table, _("Programme"), XF_TABLE_TEXT);
  xf_table_add_column (table, _("Quota"), XF_TABLE_INTEGER);
  xf_table_add_column (table, _("Served"), XF_TABLE_INTEGER);
  xf_table_add_column (table, _("Budget (yuan)"), XF_TABLE_MONEY);
  xf_table_add_column (table, _("Spent (yuan)"), XF_TABLE_MONEY);
  xf_table_add_column (table, _("Left (yuan)"), XF_TABLE_MONEY);
  xf_table_add_column (table, _("Used"), XF_TABLE_PERCENT);
  return table;
}

static gboolean
write_budget_row (XfTableWriter  *writer,
                  const char     *name,
                  int             quota,
                  int             served,
                  gint64          budget,
                  gint64          spent,
                  GError        **error)
{
  g_autofree char *quota_text = quota > 0 ? g_strdup_printf ("%d", quota) : NULL;
  g_autofree char *served_text = g_strdup_printf ("%d", served);
  g_autofree char *budget_text = budget > 0 ? yuan_text (budget) : NULL;
  g_autofree char *spent_text = yuan_text (spent);
  g_autofree char *left_text = budget > 0 ? yuan_text (budget - spent) : NULL;
  g_autofree char *used_text = budget > 0 ? fraction_text ((double) spent / (double) budget) : NULL;
  const char *cells[] = { name, quota_text, served_text, budget_text, spent_text, left_text, used_text };

  return xf_table_writer_add_row (writer, cells, error);
}

/* One line per programme (its total row), then all programmes. */
static gboolean
write_budget (XfTableWriter       *writer,
              const XfCareReport  *report,
              GError             **error)
{
  int served = 0, quota = 0;

  for (guint i = 0; i < report->by_region->len; i++)
    {
      const XfCareReportRow *row = g_ptr_array_index (report->by_region, i);

      if (*row->key != '\0')
        continue;
      served += row->served;
      quota += row->quota;
      if (!write_budget_row (writer, row->programme_name, row->quota, row->served, row->budget,
                             row->spent, error))
        return FALSE;
    }
  return write_budget_row (writer, _("All programmes"), quota, served, report->budget, report->spent,
                           error);
}

static gboolean
check_xlsx_name (const char  *path,
                 GError     **error)
{
  g_autofree char *lower = g_utf8_strdown (path, -1);
  g_autofree char *display = NULL;

  if (g_str_has_suffix (lower, ".xlsx"))
    return TRUE;
  display = g_filename_display_name (path);
  /* Translators: %s is a file name. */
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("File name: “%s” does not end in .xlsx"), display);
  return FALSE;
}

gboolean
xf_care_report_write_xlsx (const XfCareReport  *report,
                           const char          *path,
                           GError             **error)
{
  g_autoptr(XfTable) by_region = NULL;
  g_autoptr(XfTable) by_organisation = NULL;
  g_autoptr(XfTable) budget = NULL;
  g_autoptr(XfTableWriter) writer = NULL;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_xlsx_name (path, error))
    return FALSE;
  by_region = coverage_columns (_("Coverage by region"), _("County"));
  by_organisation = coverage_columns (_("Coverage by organisation"), _("Organisation"));
  budget = budget_columns ();
  /* The writer works on a temporary file beside @path and renames it at
   * the end; freed unfinished, it removes it. */
  writer = xf_table_writer_new (by_region, path, error);
  return writer != NULL
         && write_coverage (writer, report->by_region, error)
         && xf_table_writer_add_sheet (writer, by_organisation, error)
         && write_coverage (writer, report->by_organisation, error)
         && xf_table_writer_add_sheet (writer, budget, error)
         && write_budget (writer, report, error)
         && xf_table_writer_finish (writer, error);
}
