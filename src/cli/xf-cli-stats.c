/* xf-cli-stats.c — `stats DIMENSION [--by DIMENSION] …` and
 *                  `stats weak-regions …`
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xf-calendar.h"
#include "xf-cli.h"
#include "xf-cli-evaluation.h"
#include "xf-clock.h"
#include "xf-error.h"
#include "xf-stats.h"
#include "xf-table.h"

/*
 * Counts of the registry by one of the eight dimensions (industry, age,
 * gender, tier, contribution, organisation, region, education), or
 * cross-tabulated by two, filtered by the others and by date, through the
 * same XfStats the statistics page uses; and the weak-region finder
 * (pioneers per 10,000 employed against the city's figure). Plain output
 * is a tab-separated table with totals; --json the same with stable keys;
 * --csv and --xlsx write it through XfTable.
 *
 * Exit status: 0 done; 1 refused or failed; 2 a usage error.
 */

static const char stats_usage[] =
  N_("usage: stats DIMENSION [--by DIMENSION] [--kind individual|collective] [--date YYYY-MM-DD] "
     "[--from YYYY-MM-DD] [--where DIMENSION=KEY]… [--townships] [--archived] [--json] [--csv FILE] [--xlsx FILE] | "
     "stats weak-regions [--industry CODE] [--threshold SHARE] [--townships] [--json]; "
     "dimensions: industry, age, gender, tier, contribution, organisation, region, education");

typedef struct
{
  gboolean         weak;
  XfStatsDimension rows_by;
  XfStatsDimension columns_by;
  XfStatsQuery     query;
  const char      *industry;      /* weak-regions */
  double           threshold;
  const char      *csv;
  const char      *xlsx;
  gboolean         json;
} StatsOptions;

static gboolean
check_date (const char *option,
            const char *value)
{
  GDate date;

  g_date_clear (&date, 1);
  if (value != NULL && strlen (value) == 10 && xf_date_parse (value, &date))
    {
      /* Today honours $XIANFENG_TODAY, as the core does. */
      g_autofree char *today = xf_clock_today_text ();

      if (strcmp (value, today) <= 0)
        return TRUE;
      /* TRANSLATORS: an option (--date), a date YYYY-MM-DD, then today's. */
      xf_cli_usage_error (_("%s %s is after today (%s): the registry has not been counted on that day"),
                          option, value, today);
      return FALSE;
    }
  /* Translators: %s is an option such as --date. */
  xf_cli_usage_error (_("%s needs a date written YYYY-MM-DD"), option);
  return FALSE;
}

static XfStatsDimension
parse_dimension (const char *option,
                 const char *value)
{
  XfStatsDimension dimension = value != NULL ? xf_stats_dimension_from_string (value) : XF_STATS_NONE;

  if (dimension == XF_STATS_NONE && value != NULL && value[0] != '\0' && !g_str_has_prefix (value, "--"))
    /* TRANSLATORS: an option (--by), then what was given; the names are typed as they are. */
    xf_cli_usage_error (_("%s: “%s” is not a dimension; one of industry, age, gender, tier, contribution, "
                          "organisation, region or education"), option, value);
  else if (dimension == XF_STATS_NONE)
    /* TRANSLATORS: %s is an option (--by) or "DIMENSION"; the names are typed as they are. */
    xf_cli_usage_error (_("%s needs a dimension: industry, age, gender, tier, contribution, organisation, "
                          "region or education"), option);
  return dimension;
}

/* An export's file name: refused when it names a folder, which the
 * export could only fail to replace. */
static gboolean
check_export_path (const char *option,
                   const char *path)
{
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return TRUE;
  /* TRANSLATORS: an option (--csv), then the folder given. */
  xf_cli_usage_error (_("%s: “%s” is a folder; give the name of a file to write"), option, path);
  return FALSE;
}

static int
parse_options (int           argc,
               char        **argv,
               StatsOptions *options)
{
  const char *usage = _(stats_usage);

  if (argc < 2)
    return xf_cli_usage_error ("%s", usage);
  options->rows_by = XF_STATS_NONE;
  options->columns_by = XF_STATS_NONE;
  options->threshold = 0.6;
  options->weak = g_str_equal (argv[1], "weak-regions");
  if (!options->weak)
    {
      if (xf_stats_dimension_from_string (argv[1]) == XF_STATS_NONE)
        return xf_cli_usage_error (_("Unknown dimension “%s”; %s"), argv[1], usage);
      options->rows_by = xf_stats_dimension_from_string (argv[1]);
    }

  for (int i = 2; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;

      if (g_str_equal (arg, "--json"))
        options->json = TRUE;
      else if (g_str_equal (arg, "--townships"))
        options->query.region_level = 9;
      else if (!options->weak && g_str_equal (arg, "--archived"))
        options->query.include_archived = TRUE;
      else if (g_str_equal (arg, "--kind"))
        {
          if (value == NULL || (!g_str_equal (value, "individual") && !g_str_equal (value, "collective")))
            /* TRANSLATORS: the kinds are typed as they are. */
            return xf_cli_usage_error (_("--kind needs individual or collective"));
          options->query.kind = value;
          i++;
        }
      else if (g_str_equal (arg, "--date") || g_str_equal (arg, "--from"))
        {
          if (!check_date (arg, value))
            return 2;
          if (g_str_equal (arg, "--date"))
            options->query.reference_date = value;
          else
            options->query.entered_from = value;
          i++;
        }
      else if (g_str_equal (arg, "--where"))
        {
          const char *equals = value != NULL ? strchr (value, '=') : NULL;
          g_autofree char *name = equals != NULL ? g_strndup (value, equals - value) : NULL;
          XfStatsDimension dimension = name != NULL ? xf_stats_dimension_from_string (name) : XF_STATS_NONE;

          if (dimension == XF_STATS_NONE && name != NULL && name[0] != '\0')
            /* TRANSLATORS: %s is what was given before "="; the names are typed as they are. */
            return xf_cli_usage_error (_("--where: “%s” is not a dimension; one of industry, age, gender, tier, "
                                         "contribution, organisation, region or education"), name);
          if (dimension == XF_STATS_NONE)
            return xf_cli_usage_error (_("--where needs DIMENSION=KEY, e.g. --where tier=city or --where region=330521"));
          if (options->query.filters[dimension] != NULL)
            /* TRANSLATORS: %s is a dimension (tier); only one key of it can be kept. */
            return xf_cli_usage_error (_("--where: %s is given twice; give one key for each dimension"), name);
          options->query.filters[dimension] = equals + 1;
          i++;
        }
      else if (!options->weak && g_str_equal (arg, "--by"))
        {
          options->columns_by = parse_dimension (arg, value);
          if (options->columns_by == XF_STATS_NONE)
            return 2;
          if (options->columns_by == options->rows_by)
            return xf_cli_usage_error (_("--by needs a dimension other than the rows’"));
          i++;
        }
      else if (!options->weak && (g_str_equal (arg, "--csv") || g_str_equal (arg, "--xlsx")))
        {
          if (value == NULL || value[0] == '\0' || g_str_has_prefix (value, "--"))
            /* Translators: %s is an option such as --csv. */
            return xf_cli_usage_error (_("%s needs a file name"), arg);
          if (g_str_equal (arg, "--xlsx") && g_str_equal (value, "-"))
            return xf_cli_usage_error (_("--xlsx: a workbook cannot go to standard output; give a file name"));
          if (!check_export_path (arg, value))
            return 2;
          if (g_str_equal (arg, "--csv"))
            options->csv = value;
          else
            options->xlsx = value;
          i++;
        }
      else if (options->weak && g_str_equal (arg, "--industry"))
        {
          if (value == NULL || value[0] == '\0' || g_str_has_prefix (value, "--"))
            return xf_cli_usage_error (_("--industry needs an industry code (GB/T 4754 section, e.g. C)"));
          options->industry = value;
          i++;
        }
      else if (options->weak && g_str_equal (arg, "--threshold"))
        {
          char *end = NULL;
          double share = value != NULL ? g_ascii_strtod (value, &end) : NAN;

          if (value == NULL || end == value || *end != '\0' || !(share > 0 && share <= 1))
            return xf_cli_usage_error (_("--threshold needs a share of the city's average above 0 and at most 1, e.g. 0.6"));
          options->threshold = share;
          i++;
        }
      else
        return xf_cli_usage_error (_("Unknown argument “%s”; %s"), arg, usage);
    }
  if (options->json && (options->csv != NULL || options->xlsx != NULL))
    /* TRANSLATORS: the options are typed as they are. */
    return xf_cli_usage_error (_("--json prints the table, --csv and --xlsx write it to a file: give one or the other"));
  /* Files entered after the day counted: nothing could ever be counted. */
  if (options->query.entered_from != NULL && options->query.reference_date != NULL
      && strcmp (options->query.entered_from, options->query.reference_date) > 0)
    /* TRANSLATORS: two dates YYYY-MM-DD; the options are typed as they are. */
    return xf_cli_usage_error (_("--from %s is after --date %s: no file entered since could be counted on that day"),
                               options->query.entered_from, options->query.reference_date);
  return 0;
}

/* ── Counts ────────────────────────────────────────────────────────────── */

static XfTable *
stats_table (XfStatsTable *counts)
{
  XfTable *table;
  g_autofree char *title = NULL;
  guint n_columns = xf_stats_table_n_columns (counts);
  gboolean cross = counts->columns_by != XF_STATS_NONE;

  if (cross)
    /* TRANSLATORS: an exported table's title: two dimensions ("Region by industry"). */
    title = g_strdup_printf (C_("table title", "%s by %s"), xf_stats_dimension_label (counts->rows_by),
                             xf_stats_dimension_label (counts->columns_by));
  else
    title = g_strdup (xf_stats_dimension_label (counts->rows_by));
  table = xf_table_new (title);
  /* TRANSLATORS: the column of codes in an exported table. */
  xf_table_add_column (table, _("Key"), XF_TABLE_TEXT);
  xf_table_add_column (table, xf_stats_dimension_label (counts->rows_by), XF_TABLE_TEXT);
  for (guint c = 0; c < n_columns; c++)
    xf_table_add_column (table, g_ptr_array_index (counts->column_labels, c), XF_TABLE_INTEGER);
  if (cross)
    xf_table_add_column (table, _("Total"), XF_TABLE_INTEGER);

  for (guint r = 0; r < xf_stats_table_n_rows (counts); r++)
    {
      guint row = xf_table_add_row (table);

      xf_table_set_text (table, row, 0, g_ptr_array_index (counts->row_keys, r));
      xf_table_set_text (table, row, 1, g_ptr_array_index (counts->row_labels, r));
      for (guint c = 0; c < n_columns; c++)
        xf_table_set_number (table, row, 2 + c, xf_stats_table_get (counts, r, c));
      if (cross)
        xf_table_set_number (table, row, 2 + n_columns, xf_stats_table_row_total (counts, r));
    }
  {
    guint row = xf_table_add_row (table);

    xf_table_set_text (table, row, 1, _("Total"));
    for (guint c = 0; c < n_columns; c++)
      {
        gint64 sum = 0;

        for (guint r = 0; r < xf_stats_table_n_rows (counts); r++)
          sum += xf_stats_table_get (counts, r, c);
        xf_table_set_number (table, row, 2 + c, sum);
      }
    if (cross)
      xf_table_set_number (table, row, 2 + n_columns, counts->total);
  }
  return table;
}

static void
print_json_counts (XfStatsTable *counts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_columns = xf_stats_table_n_columns (counts);
  gboolean cross = counts->columns_by != XF_STATS_NONE;

  json_builder_begin_object (builder);
  xf_cli_json_text (builder, "rows_by", xf_stats_dimension_to_string (counts->rows_by));
  xf_cli_json_text (builder, "columns_by", cross ? xf_stats_dimension_to_string (counts->columns_by) : NULL);
  xf_cli_json_text (builder, "reference_date", counts->reference_date);
  xf_cli_json_int (builder, "total", counts->total);
  if (cross)
    {
      json_builder_set_member_name (builder, "columns");
      json_builder_begin_array (builder);
      for (guint c = 0; c < n_columns; c++)
        {
          json_builder_begin_object (builder);
          xf_cli_json_text (builder, "key", g_ptr_array_index (counts->column_keys, c));
          xf_cli_json_text (builder, "label", g_ptr_array_index (counts->column_labels, c));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint r = 0; r < xf_stats_table_n_rows (counts); r++)
    {
      json_builder_begin_object (builder);
      xf_cli_json_text (builder, "key", g_ptr_array_index (counts->row_keys, r));
      xf_cli_json_text (builder, "label", g_ptr_array_index (counts->row_labels, r));
      xf_cli_json_int (builder, "count", xf_stats_table_row_total (counts, r));
      if (cross)
        {
          json_builder_set_member_name (builder, "counts");
          json_builder_begin_array (builder);
          for (guint c = 0; c < n_columns; c++)
            json_builder_add_int_value (builder, xf_stats_table_get (counts, r, c));
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  xf_cli_print_json (builder);
}

static void
print_counts (XfTable *table)
{
  for (guint r = 0; r <= xf_table_get_n_rows (table); r++)
    {
      GString *line = g_string_new (NULL);

      /* The key first, as in the CSV: what --where and --industry take. */
      for (guint c = 0; c < xf_table_get_n_columns (table); c++)
        {
          g_autofree char *cell = r == 0 ? g_strdup (xf_table_get_column_name (table, c))
                                         : xf_table_dup_cell_text (table, r - 1, c);

          if (c > 0)
            g_string_append_c (line, '\t');
          g_string_append (line, cell != NULL ? cell : "");
        }
      printf ("%s\n", line->str);
      g_string_free (line, TRUE);
    }
}

static int
stats_count (XfStats            *stats,
             const StatsOptions *options)
{
  g_autoptr(XfStatsTable) counts = NULL;
  g_autoptr(XfTable) table = NULL;
  g_autoptr(GError) error = NULL;

  counts = xf_stats_count (stats, options->rows_by, options->columns_by, &options->query, &error);
  if (counts == NULL)
    return xf_cli_fail_error (error);
  table = stats_table (counts);

  for (guint i = 0; i < 2; i++)
    {
      const char *path = i == 0 ? options->csv : options->xlsx;
      gboolean ok;

      gboolean to_stdout = i == 0 && g_strcmp0 (path, "-") == 0;
      g_autofree char *wrote = NULL;

      if (path == NULL)
        continue;
      if (to_stdout)
        ok = xf_cli_write_csv_to_stdout (table, &error);
      else
        ok = i == 0 ? xf_table_write_csv (table, path, &error) : xf_table_write_xlsx (table, path, &error);
      if (!ok)
        return xf_cli_fail_error (error);
      if (to_stdout)
        continue;
      /* TRANSLATORS: a number of rows, then a file name. */
      wrote = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u row to %s", "Wrote %u rows to %s",
                                            xf_table_get_n_rows (table)), xf_table_get_n_rows (table), path);
      /* Standard output keeps only the CSV when it goes there. */
      if (g_strcmp0 (options->csv, "-") == 0)
        g_printerr ("%s\n", wrote);
      else
        printf ("%s\n", wrote);
    }
  if (options->csv != NULL || options->xlsx != NULL)
    return 0;

  if (options->json)
    print_json_counts (counts);
  else
    print_counts (table);
  return 0;
}

/* ── Weak regions ──────────────────────────────────────────────────────── */

static void
build_region (JsonBuilder  *builder,
              gconstpointer item,
              gpointer      user_data)
{
  const XfRegionDensity *region = item;

  xf_cli_json_text (builder, "region", region->region_code);
  xf_cli_json_text (builder, "name", region->region_name);
  xf_cli_json_int (builder, "pioneers", region->pioneers);
  xf_cli_json_int (builder, "employed", region->employed);
  xf_cli_json_double (builder, "per_10k", region->per_10k);
  xf_cli_json_double (builder, "share_of_average", region->share_of_average);
  xf_cli_json_bool (builder, "weak", region->weak);
}

static void
print_region (gconstpointer item)
{
  const XfRegionDensity *region = item;
  g_autofree char *pioneers = g_strdup_printf ("%" G_GINT64_FORMAT, region->pioneers);
  g_autofree char *employed = g_strdup_printf ("%" G_GINT64_FORMAT, region->employed);
  g_autofree char *per_10k = g_strdup_printf ("%.2f", region->per_10k);
  /* No share of a city figure of 0 (nobody counted): left empty. */
  g_autofree char *share = isfinite (region->share_of_average)
                           ? g_strdup_printf ("%.0f%%", region->share_of_average * 100) : g_strdup ("");

  xf_cli_print_row (region->region_code, region->region_name, pioneers, employed, per_10k, share,
                    region->weak ? _("weak") : "", NULL);
}

static int
stats_weak_regions (XfStats            *stats,
                    const StatsOptions *options)
{
  g_autoptr(XfWeakRegions) weak = NULL;
  g_autoptr(GError) error = NULL;

  weak = xf_stats_weak_regions (stats, options->industry, options->threshold, &options->query, &error);
  if (weak == NULL)
    return xf_cli_fail_error (error);
  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      xf_cli_json_text (builder, "industry", weak->industry);
      xf_cli_json_double (builder, "city_per_10k", weak->city_per_10k);
      xf_cli_json_double (builder, "threshold", weak->threshold);
      xf_cli_json_objects (builder, "regions", weak->regions, build_region, NULL);
      json_builder_end_object (builder);
      xf_cli_print_json (builder);
      return 0;
    }
  /* TRANSLATORS: the city's number of pioneers per 10,000 employed, then the threshold as a percentage. */
  printf (_("City: %.2f pioneers per 10,000 employed; weak below %.0f%% of it"), weak->city_per_10k,
          weak->threshold * 100);
  printf ("\n");
  /* TRANSLATORS: column headings of the weak-region finder. */
  xf_cli_print_row (_("Region"), _("Name"), _("Pioneers"), _("Employed"), _("Per 10,000"), _("Of the city's"),
                    _("Weak"), NULL);
  xf_cli_print_items (weak->regions, print_region);
  return 0;
}

int
xf_cli_cmd_stats (XfCliContext  *ctx,
                  int            argc,
                  char         **argv)
{
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfStats) stats = NULL;
  StatsOptions options = { 0 };
  XfStore *store;
  int status;

  status = parse_options (argc, argv, &options);
  if (status != 0)
    return status;
  store = xf_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;
  registry = xf_registry_new (store, ctx->actor);
  stats = xf_stats_new (registry);
  if (options.weak)
    return stats_weak_regions (stats, &options);
  return stats_count (stats, &options);
}
