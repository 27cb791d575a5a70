/* xf-cli-import.c — `import [--dry-run] [--kind K] [--map HEADER=FIELD]… [--fill-empty]
 *                   [--left-out FILE.csv] FILE`
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "xf-cli.h"
#include "xf-error.h"
#include "xf-import.h"
#include "xf-sheet.h"

/*
 * A CSV or XLSX list through the same XfImport as the desktop's import
 * assistant, as the signed-in account: load, map (remembered or guessed
 * from the headers, then --map), analyse, then commit the good rows in one
 * transaction, or with --dry-run only report. The report lists every row
 * left out as "Line N: reason" (identity numbers and mobiles masked) and
 * ends with a summary; a dry run prints the same lines. Duplicates of
 * existing records are left out unless --fill-empty merges them into the
 * fields the record leaves empty (nothing is ever overwritten here).
 * --left-out writes those rows, with their line and reason, to a CSV to
 * fix and import again (in a dry run too: it is the file asked for, not
 * the database). A --map given on a real run is remembered for the next
 * file with the same headers, as the assistant remembers it.
 *
 * Exit status: 0 every row went in (or would); 1 a row was left out, the
 * file had no rows, or nothing could be read or stored; 2 a usage error.
 */

static const char import_usage[] =
  N_("usage: import [--dry-run] [--kind individuals|collectives|honours|organisations] "
     "[--map HEADER=FIELD]… [--fill-empty] [--left-out FILE.csv] FILE");

typedef struct
{
  const char *file;
  const char *left_out;
  gboolean    dry_run;
  gboolean    fill_empty;
  gboolean    has_kind;
  XfImportKind kind;
  GPtrArray  *maps;       /* (element-type utf8) "HEADER=FIELD" as given */
} ImportOptions;

static void
import_options_clear (ImportOptions *options)
{
  g_clear_pointer (&options->maps, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportOptions, import_options_clear)

/* Reads argv[1…]; returns 0, or 2 after printing which argument is wrong. */
static int
parse_options (int            argc,
               char         **argv,
               ImportOptions *options)
{
  const char *usage = _(import_usage);

  options->maps = g_ptr_array_new ();
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;

      if (g_str_equal (arg, "--dry-run"))
        options->dry_run = TRUE;
      else if (g_str_equal (arg, "--fill-empty"))
        options->fill_empty = TRUE;
      else if (g_str_equal (arg, "--kind"))
        {
          if (value == NULL || !xf_import_kind_from_string (value, &options->kind))
            /* TRANSLATORS: the kinds are typed as they are: do not translate them. */
            return xf_cli_usage_error (_("--kind needs individuals, collectives, honours or organisations"));
          options->has_kind = TRUE;
          i++;
        }
      else if (g_str_equal (arg, "--map"))
        {
          if (value == NULL || strchr (value, '=') == NULL || value[0] == '=')
            /* TRANSLATORS: HEADER and FIELD are placeholders the user replaces. */
            return xf_cli_usage_error (_("--map needs HEADER=FIELD, such as “身份证号=id-number” "
                                         "(an empty FIELD leaves the column out)"));
          g_ptr_array_add (options->maps, (gpointer) value);
          i++;
        }
      else if (g_str_equal (arg, "--left-out"))
        {
          if (value == NULL || value[0] == '\0' || g_str_has_prefix (value, "--"))
            return xf_cli_usage_error (_("--left-out needs the name of a CSV file to write"));
          options->left_out = value;
          i++;
        }
      else if (options->file == NULL && !g_str_has_prefix (arg, "--"))
        options->file = arg;
      else
        return xf_cli_usage_error (_("Unknown argument “%s”; %s"), arg, usage);
    }
  if (options->file == NULL)
    return xf_cli_usage_error (_("import needs a CSV or XLSX file; %s"), usage);
  return 0;
}

/* The column whose header is @header: as written, else ignoring case and
 * surrounding spaces; G_MAXUINT when none. */
static guint
find_column (XfImport   *import,
             const char *header)
{
  g_autofree char *wanted = g_utf8_casefold (header, -1);
  guint n = xf_import_get_n_columns (import);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (xf_import_get_header (import, i), header) == 0)
      return i;
  g_strstrip (wanted);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *candidate = g_utf8_casefold (xf_import_get_header (import, i), -1);

      if (g_str_equal (g_strstrip (candidate), wanted))
        return i;
    }
  return G_MAXUINT;
}

/* Applies the --map options; returns 0, or 2 after printing which one is
 * wrong. */
static int
apply_maps (XfImport      *import,
            ImportOptions *options)
{
  for (guint i = 0; i < options->maps->len; i++)
    {
      const char *map = g_ptr_array_index (options->maps, i);
      const char *equals = strrchr (map, '=');
      g_autofree char *header = g_strndup (map, (gsize) (equals - map));
      const char *field = equals + 1;
      g_autoptr(GError) error = NULL;
      guint column = find_column (import, header);

      if (column == G_MAXUINT)
        /* TRANSLATORS: the first %s is a column header the user typed, the second the file. */
        return xf_cli_usage_error (_("--map %s: “%s” has no column “%s”"), map,
                                   xf_import_get_file_name (import), header);
      if (!xf_import_set_column_field (import, column, field[0] != '\0' ? field : NULL, &error))
        return xf_cli_usage_error ("--map %s: %s", map, error->message);
    }
  return 0;
}

/* Whether the file reads to its end: then a load that failed did so only
 * because no header matched a field, which --kind or --map may mend. */
static gboolean
reads_whole (const char *path)
{
  g_autoptr(XfSheetReader) reader = xf_sheet_reader_open (path, NULL);
  const char * const *cells;
  guint n_cells;
  guint64 line;
  g_autoptr(GError) error = NULL;

  if (reader == NULL)
    return FALSE;
  while (xf_sheet_reader_next (reader, &cells, &n_cells, &line, &error))
    ;
  return error == NULL;
}

static gboolean
any_column_mapped (XfImport *import)
{
  for (guint i = 0; i < xf_import_get_n_columns (import); i++)
    if (xf_import_get_column_field (import, i) != NULL)
      return TRUE;
  return FALSE;
}

/* Refuses a mapping that leaves a required field without a column. */
static gboolean
check_required (XfImport *import)
{
  g_autoptr(GPtrArray) missing = xf_import_missing_required (import);
  g_autoptr(GString) labels = g_string_new (NULL);
  XfImportKind kind = xf_import_get_kind (import);

  if (missing->len == 0)
    return TRUE;
  for (guint i = 0; i < missing->len; i++)
    {
      const char *field = g_ptr_array_index (missing, i);

      if (i > 0)
        /* TRANSLATORS: between the items of a list. */
        g_string_append (labels, _(", "));
      g_string_append_printf (labels, "%s (%s)", xf_import_field_label (kind, field), field);
    }
  /* TRANSLATORS: %s lists required fields; --map HEADER=FIELD is typed as it is. */
  xf_cli_fail (_("No column of the file is mapped to %s; map one with --map HEADER=FIELD"), labels->str);
  return FALSE;
}

static void
print_report (XfImport             *import,
              const XfImportReport *report,
              gboolean              dry_run)
{
  guint left_out = report->problems + report->duplicates + report->skipped;
  g_autofree char *details = NULL;

  for (guint i = 0; i < report->left_out->len; i++)
    {
      const XfImportLeftOut *row = g_ptr_array_index (report->left_out, i);

      /* TRANSLATORS: a row of the file left out and why. */
      printf (_("Line %llu: %s"), (unsigned long long) row->line, row->reason);
      printf ("\n");
    }
  if (xf_import_get_totals_line (import) > 0)
    {
      /* TRANSLATORS: a note, not a problem: the file's last row sums the list up (合计 …). */
      printf (_("Line %llu: a totals row, read as such and not imported"),
              (unsigned long long) (xf_import_get_totals_line (import)));
      printf ("\n");
    }

  /* TRANSLATORS: why rows were left out, after "N left out". */
  details = g_strdup_printf (_("%u with problems, %u duplicates, %u skipped"),
                             report->problems, report->duplicates, report->skipped);
  if (dry_run)
    /* TRANSLATORS: the summary of a trial import; the plural follows the first number (rows). */
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "Dry run, nothing stored: %u row: %u would be created, %u merged, %u left out (%s)",
                         "Dry run, nothing stored: %u rows: %u would be created, %u merged, %u left out (%s)",
                         report->rows),
            report->rows, report->created, report->merged, left_out, details);
  else
    /* TRANSLATORS: the summary of an import; the plural follows the first number (rows). */
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "%u row: %u created, %u merged, %u left out (%s)",
                         "%u rows: %u created, %u merged, %u left out (%s)",
                         report->rows),
            report->rows, report->created, report->merged, left_out, details);
  printf ("\n");
}

int
xf_cli_cmd_import (XfCliContext *ctx,
                   int           argc,
                   char        **argv)
{
  g_auto(ImportOptions) options = { 0 };
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfImport) import = NULL;
  g_autoptr(XfImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) unmatched = NULL;
  XfImportProgressFunc progress = isatty (STDERR_FILENO) ? xf_cli_print_progress : NULL;
  XfStore *store;
  int status;

  status = parse_options (argc, argv, &options);
  if (status != 0)
    return status;

  store = xf_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;
  registry = xf_registry_new (store, ctx->actor);
  import = xf_import_new (registry);
  if (!xf_import_load (import, options.file, NULL, &error))
    {
      /* No header matched a field of the guessed kind: the headers and
       * rows are loaded, and --kind or --map may still map them. */
      if ((!options.has_kind && options.maps->len == 0) || xf_import_get_n_columns (import) == 0 ||
          !g_error_matches (error, XF_ERROR, XF_ERROR_INVALID) || !reads_whole (options.file))
        return xf_cli_fail_error (error);
      unmatched = g_steal_pointer (&error);
    }
  if (options.has_kind && options.kind != xf_import_get_kind (import))
    xf_import_set_kind (import, options.kind);
  status = apply_maps (import, &options);
  if (status != 0)
    return status;
  if (unmatched != NULL && !any_column_mapped (import))
    return xf_cli_fail_error (unmatched);
  if (!check_required (import))
    return 1;

  if (!xf_import_analyse (import, progress, NULL, NULL, &error))
    return xf_cli_fail_error (error);
  if (options.fill_empty)
    xf_import_merge_all_fill_empty (import);

  if (!options.dry_run)
    {
      if (!xf_import_commit (import, progress, NULL, NULL, &error))
        return xf_cli_fail_error (error);
      /* The rows are in: a mapping that cannot be remembered (the
       * account may not) is worth a note, not a failure. */
      if (options.maps->len > 0 && !xf_import_remember_mapping (import, &error))
        {
          g_printerr (_("xianfeng-cli: the column mapping was not remembered: %s\n"), error->message);
          g_clear_error (&error);
        }
    }

  report = xf_import_get_report (import);
  if (options.left_out != NULL && !xf_import_write_left_out (import, options.left_out, &error))
    {
      print_report (import, report, options.dry_run);
      return xf_cli_fail_error (error);
    }
  print_report (import, report, options.dry_run);
  return report->rows > 0 && report->left_out->len == 0 ? 0 : 1;
}
