/* xf-cli-ranking.c — `ranking compute | top | explain | months | weights |
 *                    set-weights`
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xf-cli.h"
#include "xf-cli-evaluation.h"
#include "xf-error.h"
#include "xf-ranking.h"
#include "xf-table.h"

/*
 * The pioneer index (先锋指数) and the Pioneers of the Month (当月先锋)
 * through the same XfRanking the app uses, as the signed-in account:
 * freezing a month, the top 20 with their index and components (exported
 * as CSV or XLSX through XfTable), one pioneer's explanation, the frozen
 * months, the weights in force and a new set of them. Plain output is
 * tab-separated; --json gives the same facts with stable English keys.
 *
 * Exit status: 0 done; 1 refused or failed (a month not frozen, a pioneer
 * not found); 2 a usage error.
 */

static const char ranking_usage[] =
  N_("usage: ranking compute YYYY-MM | top YYYY-MM [--collectives] [--json] [--csv FILE | --xlsx FILE] | "
     "explain PIONEER YYYY-MM [--json] | months [--json] | weights [YYYY-MM] [--json] | "
     "set-weights FILE --from YYYY-MM --reason TEXT");

typedef struct
{
  const char *subcommand;
  const char *month;
  const char *pioneer;       /* explain: uid or id */
  const char *file;          /* set-weights */
  const char *from;
  const char *reason;
  const char *csv;
  const char *xlsx;
  gboolean    collectives;
  gboolean    json;
} RankingOptions;

static int
parse_options (int             argc,
               char          **argv,
               RankingOptions *options)
{
  static const char * const subcommands[] = {
    "compute", "top", "explain", "months", "weights", "set-weights", NULL,
  };
  const char *usage = _(ranking_usage);
  const char *sub;
  gboolean top, with_json, with_month;
  g_autoptr(GError) error = NULL;

  memset (options, 0, sizeof *options);
  sub = options->subcommand = xf_cli_subcommand (argc, argv, usage, subcommands);
  if (sub == NULL)
    return 2;
  top = g_str_equal (sub, "top");
  with_json = !g_str_equal (sub, "compute") && !g_str_equal (sub, "set-weights");
  with_month = top || g_str_equal (sub, "compute") || g_str_equal (sub, "explain");

  for (int i = 2; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;
      gboolean has_value = value != NULL && value[0] != '\0' && !g_str_has_prefix (value, "--");

      if (with_json && g_str_equal (arg, "--json"))
        options->json = TRUE;
      else if (top && g_str_equal (arg, "--collectives"))
        options->collectives = TRUE;
      else if (top && (g_str_equal (arg, "--csv") || g_str_equal (arg, "--xlsx")))
        {
          if (!has_value)
            /* Translators: %s is an option such as --csv. */
            return xf_cli_usage_error (_("%s needs a file name"), arg);
          if (options->csv != NULL || options->xlsx != NULL)
            return xf_cli_usage_error (_("--csv and --xlsx: give one of them"));
          if (g_str_equal (arg, "--xlsx") && g_str_equal (value, "-"))
            return xf_cli_usage_error (_("--xlsx: a workbook cannot go to standard output; give a file name"));
          if (g_file_test (value, G_FILE_TEST_IS_DIR))
            /* TRANSLATORS: an option (--csv), then the folder given. */
            return xf_cli_usage_error (_("%s: “%s” is a folder; give the name of a file to write"), arg, value);
          if (g_str_equal (arg, "--csv"))
            options->csv = value;
          else
            options->xlsx = value;
          i++;
        }
      else if (g_str_equal (sub, "set-weights") && g_str_equal (arg, "--from"))
        {
          if (!has_value)
            return xf_cli_usage_error (_("--from needs a month written YYYY-MM"));
          options->from = value;
          i++;
        }
      else if (g_str_equal (sub, "set-weights") && g_str_equal (arg, "--reason"))
        {
          if (value == NULL || value[0] == '\0')
            return xf_cli_usage_error (_("--reason needs a text: why the weights change"));
          options->reason = value;
          i++;
        }
      else if (g_str_equal (sub, "set-weights") && options->file == NULL && !g_str_has_prefix (arg, "--"))
        options->file = arg;
      else if (g_str_equal (sub, "explain") && options->pioneer == NULL && !g_str_has_prefix (arg, "--"))
        options->pioneer = arg;
      else if ((with_month || g_str_equal (sub, "weights")) && options->month == NULL &&
               !g_str_has_prefix (arg, "--"))
        options->month = arg;
      else
        return xf_cli_usage_error (_("Unknown argument “%s”; %s"), arg, usage);
    }

  if (options->json && (options->csv != NULL || options->xlsx != NULL))
    /* TRANSLATORS: the options are typed as they are. */
    return xf_cli_usage_error (_("--json prints the table, --csv and --xlsx write it to a file: give one or the other"));
  if (g_str_equal (sub, "explain") && options->pioneer == NULL)
    return xf_cli_usage_error (_("ranking explain needs a pioneer: a uid or number, then a month YYYY-MM"));
  if (with_month && options->month == NULL)
    {
      /* Translators: %s is a subcommand ("top"). */
      return xf_cli_usage_error (_("ranking %s needs a month written YYYY-MM"), sub);
    }
  if (with_month && !xf_ranking_check_month (options->month, &error))
    return xf_cli_usage_error ("%s", error->message);
  if (g_str_equal (sub, "set-weights"))
    {
      if (options->file == NULL)
        return xf_cli_usage_error (_("ranking set-weights needs a file of weights (JSON, as data/reference/pioneer-index.json)"));
      if (options->from == NULL)
        return xf_cli_usage_error (_("ranking set-weights needs --from YYYY-MM: the first month the weights rank"));
      if (!xf_ranking_check_month (options->from, &error))
        return xf_cli_usage_error ("--from: %s", error->message);
      if (options->reason == NULL)
        return xf_cli_usage_error (_("ranking set-weights needs --reason TEXT: why the weights change"));
    }
  return 0;
}

/* ── Entries ───────────────────────────────────────────────────────────── */

static void
build_part (JsonBuilder  *builder,
            gconstpointer item,
            gpointer      user_data)
{
  const XfIndexPart *part = item;

  xf_cli_json_text (builder, "id", part->id);
  xf_cli_json_text (builder, "label", part->label);
  xf_cli_json_double (builder, "raw", part->raw);
  xf_cli_json_double (builder, "max", part->max);
  xf_cli_json_double (builder, "normalised", part->normalised);
  xf_cli_json_double (builder, "weight", part->weight);
  xf_cli_json_double (builder, "points", part->points);
}

static void
build_entry (JsonBuilder  *builder,
             gconstpointer item,
             gpointer      user_data)
{
  const XfRankingEntry *entry = item;

  xf_cli_json_positive (builder, "rank", entry->rank);
  xf_cli_json_int (builder, "pioneer_id", entry->pioneer_id);
  xf_cli_json_text (builder, "pioneer_uid", entry->pioneer_uid);
  xf_cli_json_text (builder, "name", entry->name);
  xf_cli_json_text (builder, "kind", entry->kind);
  xf_cli_json_text (builder, "tier", entry->tier);
  xf_cli_json_text (builder, "region", entry->region_code);
  xf_cli_json_text (builder, "organisation", entry->organisation);
  xf_cli_json_double (builder, "score", entry->score);
  xf_cli_json_objects (builder, "components", entry->parts, build_part, NULL);
}

/* One tab-separated line: rank, uid, name, index, then each component's
 * points in its own column. */
static void
print_entry (gconstpointer item)
{
  const XfRankingEntry *entry = item;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *name = g_strdelimit (g_strdup (entry->name), "\t\n\r", ' ');

  g_string_append_printf (line, "%d\t%s\t%s\t%.2f", entry->rank, entry->pioneer_uid, name, entry->score);
  for (guint i = 0; entry->parts != NULL && i < entry->parts->len; i++)
    g_string_append_printf (line, "\t%.2f", ((const XfIndexPart *) g_ptr_array_index (entry->parts, i))->points);
  printf ("%s\n", line->str);
}

/* The heading of `top`: the fixed columns, then the components' names. */
static void
print_top_heading (const XfIndexWeights *weights)
{
  g_autoptr(GString) line = g_string_new (NULL);

  /* TRANSLATORS: column headings of the Pioneers of the Month; the components' names follow. */
  g_string_append_printf (line, "%s\t%s\t%s\t%s", _("Rank"), _("UID"), _("Name"), _("Index"));
  for (guint i = 0; weights != NULL && i < weights->components->len; i++)
    g_string_append_printf (line, "\t%s", xf_index_component_label (g_ptr_array_index (weights->components, i)));
  printf ("%s\n", line->str);
}

static XfTable *
ranking_table (const XfMonthlyRanking *ranking,
               GPtrArray              *entries,
               gboolean                collectives)
{
  /* TRANSLATORS: the title of an exported table; %s is a month YYYY-MM. */
  g_autofree char *title = g_strdup_printf (collectives ? _("Collectives of the month %s") : _("Pioneers of the Month %s"),
                                            ranking->month);
  XfTable *table = xf_table_new (title);
  guint first_part;

  /* TRANSLATORS: column headings of an exported ranking. */
  xf_table_add_column (table, _("Rank"), XF_TABLE_INTEGER);
  xf_table_add_column (table, _("UID"), XF_TABLE_TEXT);
  xf_table_add_column (table, _("Name"), XF_TABLE_TEXT);
  xf_table_add_column (table, _("Tier"), XF_TABLE_TEXT);
  xf_table_add_column (table, _("Region"), XF_TABLE_TEXT);
  xf_table_add_column (table, _("Organisation"), XF_TABLE_TEXT);
  xf_table_add_column (table, _("Pioneer index"), XF_TABLE_NUMBER);
  first_part = xf_table_get_n_columns (table);
  for (guint i = 0; ranking->weights != NULL && i < ranking->weights->components->len; i++)
    xf_table_add_column (table, xf_index_component_label (g_ptr_array_index (ranking->weights->components, i)),
                         XF_TABLE_NUMBER);

  for (guint i = 0; i < entries->len; i++)
    {
      const XfRankingEntry *entry = g_ptr_array_index (entries, i);
      guint row = xf_table_add_row (table);

      xf_table_set_number (table, row, 0, entry->rank);
      xf_table_set_text (table, row, 1, entry->pioneer_uid);
      xf_table_set_text (table, row, 2, entry->name);
      xf_table_set_text (table, row, 3, entry->tier);
      xf_table_set_text (table, row, 4, entry->region_code);
      xf_table_set_text (table, row, 5, entry->organisation);
      xf_table_set_number (table, row, 6, entry->score);
      for (guint p = 0; entry->parts != NULL && p < entry->parts->len
                        && first_part + p < xf_table_get_n_columns (table); p++)
        xf_table_set_number (table, row, first_part + p,
                             ((const XfIndexPart *) g_ptr_array_index (entry->parts, p))->points);
    }
  return table;
}

/* ── Subcommands ───────────────────────────────────────────────────────── */

static int
ranking_compute (XfRanking            *ranking,
                 const RankingOptions *options)
{
  g_autoptr(XfMonthlyRanking) frozen = NULL;
  g_autoptr(GError) error = NULL;

  frozen = xf_ranking_compute (ranking, options->month, &error);
  if (frozen == NULL)
    return xf_cli_fail_error (error);
  /* TRANSLATORS: a month YYYY-MM, then numbers of events and of pioneers. */
  printf (_("Froze %s: %lld events counted, %lld pioneers scored"), frozen->month,
          (long long) frozen->events_counted, (long long) frozen->pioneers_scored);
  printf ("\n");
  return 0;
}

static int
ranking_top (XfRanking            *ranking,
             const RankingOptions *options)
{
  g_autoptr(XfMonthlyRanking) month = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *all;
  const char *export = options->csv != NULL ? options->csv : options->xlsx;

  /* A month not frozen yet (the current one) is shown as a preview. */
  month = xf_ranking_get (ranking, options->month, &error);
  if (month == NULL && g_error_matches (error, XF_ERROR, XF_ERROR_NOT_FOUND))
    {
      g_clear_error (&error);
      month = xf_ranking_preview (ranking, options->month, &error);
    }
  if (month == NULL)
    return xf_cli_fail_error (error);

  all = options->collectives ? month->collectives : month->individuals;
  entries = g_ptr_array_new ();
  for (guint i = 0; all != NULL && i < all->len && i < XF_RANKING_HONOUR_WALL_SIZE; i++)
    g_ptr_array_add (entries, g_ptr_array_index (all, i));

  if (export != NULL)
    {
      g_autoptr(XfTable) table = ranking_table (month, entries, options->collectives);
      gboolean to_stdout = g_strcmp0 (options->csv, "-") == 0;
      gboolean ok = to_stdout ? xf_cli_write_csv_to_stdout (table, &error)
                    : options->csv != NULL ? xf_table_write_csv (table, export, &error)
                    : xf_table_write_xlsx (table, export, &error);

      if (!ok)
        return xf_cli_fail_error (error);
      if (to_stdout)
        return 0;
      /* TRANSLATORS: a number of rows, then a file name. */
      printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u row to %s", "Wrote %u rows to %s", entries->len),
              entries->len, export);
      printf ("\n");
      return 0;
    }

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      xf_cli_json_text (builder, "month", month->month);
      xf_cli_json_bool (builder, "frozen", month->frozen);
      xf_cli_json_bool (builder, "automatic", month->automatic);
      xf_cli_json_text (builder, "kind", options->collectives ? "collective" : "individual");
      xf_cli_json_int (builder, "events_counted", month->events_counted);
      xf_cli_json_int (builder, "pioneers_scored", month->pioneers_scored);
      xf_cli_json_text (builder, "computed_by", month->frozen ? month->computed_by : NULL);
      xf_cli_json_objects (builder, "entries", entries, build_entry, NULL);
      json_builder_end_object (builder);
      xf_cli_print_json (builder);
      return 0;
    }

  if (!month->frozen)
    {
      g_autofree char *current = xf_ranking_current_month ();

      if (current != NULL && strcmp (month->month, current) < 0)
        /* TRANSLATORS: a month YYYY-MM that has ended, twice; "ranking compute" is typed as it is. */
        printf (_("%s has ended but is not frozen: a preview; “ranking compute %s” freezes it"), month->month,
                month->month);
      else
        /* TRANSLATORS: %s is a month YYYY-MM. */
        printf (_("%s is not frozen yet: a preview of the month so far"), month->month);
      printf ("\n");
    }
  print_top_heading (month->weights);
  xf_cli_print_items (entries, print_entry);
  return 0;
}

static void
print_part (gconstpointer item)
{
  const XfIndexPart *part = item;
  g_autofree char *raw = g_strdup_printf ("%g", part->raw);
  g_autofree char *max = g_strdup_printf ("%g", part->max);
  g_autofree char *normalised = g_strdup_printf ("%.3f", part->normalised);
  g_autofree char *weight = g_strdup_printf ("%g", part->weight);
  g_autofree char *points = g_strdup_printf ("%.2f", part->points);

  xf_cli_print_row (part->id, part->label, raw, max, normalised, weight, points, NULL);
}

static int
ranking_explain (XfRanking            *ranking,
                 const RankingOptions *options)
{
  g_autoptr(XfRankingEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = xf_cli_find_pioneer (xf_ranking_get_registry (ranking), options->pioneer);
  if (id <= 0)
    return 1;
  entry = xf_ranking_explain (ranking, id, options->month, &error);
  if (entry == NULL)
    return xf_cli_fail_error (error);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      xf_cli_json_text (builder, "month", options->month);
      build_entry (builder, entry, NULL);
      json_builder_end_object (builder);
      xf_cli_print_json (builder);
      return 0;
    }

  {
    g_autofree char *score = g_strdup_printf ("%.2f", entry->score);
    g_autofree char *rank = entry->rank > 0 ? g_strdup_printf ("%d", entry->rank) : NULL;

    xf_cli_print_field (_("Pioneer"), entry->name);
    xf_cli_print_field (_("UID"), entry->pioneer_uid);
    xf_cli_print_field (_("Month"), options->month);
    xf_cli_print_field (_("Pioneer index"), score);
    xf_cli_print_field (_("Rank"), rank != NULL ? rank : _("not ranked"));
    printf ("\n");
    /* TRANSLATORS: column headings of an explanation: raw after caps, the
     * month's largest, raw ÷ largest, the weight and the points it gives. */
    xf_cli_print_row (_("Component"), _("Name"), _("Raw"), _("Month's largest"), _("Normalised"), _("Weight"),
                      _("Points"), NULL);
    xf_cli_print_items (entry->parts, print_part);
  }
  return 0;
}

static int
ranking_months (XfRanking            *ranking,
                const RankingOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) months = xf_ranking_list_months (ranking, &error);

  if (months == NULL)
    return xf_cli_fail_error (error);
  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      xf_cli_json_int (builder, "count", g_strv_length (months));
      json_builder_set_member_name (builder, "months");
      json_builder_begin_array (builder);
      for (guint i = 0; months[i] != NULL; i++)
        json_builder_add_string_value (builder, months[i]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      xf_cli_print_json (builder);
      return 0;
    }
  for (guint i = 0; months[i] != NULL; i++)
    printf ("%s\n", months[i]);
  return 0;
}

static void
print_component (gconstpointer item)
{
  const XfIndexComponent *component = item;
  g_autofree char *kinds = g_strjoinv (" ", component->kinds);
  g_autofree char *weight = g_strdup_printf ("%g", component->weight);
  g_autofree char *per_source_day = g_strdup_printf ("%u", component->per_source_day);
  g_autofree char *per_day = g_strdup_printf ("%u", component->per_day);

  xf_cli_print_row (component->id, xf_index_component_label (component), weight,
                    component->measure_value ? "value" : "count", per_source_day, per_day, kinds, NULL);
}

/* The sets that come into force after @shown, oldest first: a change
 * scheduled for a later month is visible before it ranks anything. */
static GPtrArray *
later_sets (XfRanking              *ranking,
            const XfIndexWeightSet *shown,
            GError                **error)
{
  g_autoptr(GPtrArray) sets = xf_ranking_list_weights (ranking, error);
  GPtrArray *later;

  if (sets == NULL)
    return NULL;
  later = g_ptr_array_new ();
  for (guint i = sets->len; i > 0; i--)
    {
      XfIndexWeightSet *set = g_ptr_array_index (sets, i - 1);

      if (strcmp (set->valid_from, shown->valid_from) > 0)
        g_ptr_array_add (later, g_ptr_array_steal_index (sets, i - 1));
    }
  g_ptr_array_set_free_func (later, (GDestroyNotify) xf_index_weight_set_free);
  return later;
}

static int
ranking_weights (XfRanking            *ranking,
                 const RankingOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfIndexWeightSet) set = xf_ranking_get_weights (ranking, options->month, &error);
  g_autoptr(GPtrArray) later = NULL;

  if (set == NULL)
    return xf_cli_fail_error (error);
  later = later_sets (ranking, set, &error);
  if (later == NULL)
    return xf_cli_fail_error (error);
  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *json = xf_index_weights_to_json (set->weights);
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (!json_parser_load_from_data (parser, json, -1, &error))
        return xf_cli_fail ("%s", error->message);
      json_builder_begin_object (builder);
      xf_cli_json_int (builder, "id", set->id);
      xf_cli_json_text (builder, "valid_from", set->valid_from);
      xf_cli_json_text (builder, "reason", set->reason);
      xf_cli_json_text (builder, "created_by", set->created_by);
      json_builder_set_member_name (builder, "weights");
      json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
      json_builder_set_member_name (builder, "later");
      json_builder_begin_array (builder);
      for (guint i = 0; i < later->len; i++)
        {
          XfIndexWeightSet *next = g_ptr_array_index (later, i);

          json_builder_begin_object (builder);
          xf_cli_json_int (builder, "id", next->id);
          xf_cli_json_text (builder, "valid_from", next->valid_from);
          xf_cli_json_text (builder, "reason", next->reason);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      xf_cli_print_json (builder);
      return 0;
    }
  /* TRANSLATORS: %s is a month YYYY-MM. */
  printf (_("Weights in force since %s"), set->valid_from);
  printf ("\n");
  /* TRANSLATORS: column headings of the index's weights; the caps are per visitor and day, and per day. */
  xf_cli_print_row (_("Component"), _("Name"), _("Weight"), _("Measure"), _("Cap per visitor and day"),
                    _("Cap per day"), _("Event kinds"), NULL);
  xf_cli_print_items (set->weights->components, print_component);
  for (guint i = 0; i < later->len; i++)
    {
      XfIndexWeightSet *next = g_ptr_array_index (later, i);

      /* TRANSLATORS: a month YYYY-MM, then why the weights change; "ranking weights" is typed as it is. */
      printf (_("Changed from %s: %s (ranking weights %s shows them)"), next->valid_from, next->reason,
              next->valid_from);
      printf ("\n");
    }
  return 0;
}

static int
ranking_set_weights (XfRanking            *ranking,
                     const RankingOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfIndexWeights) weights = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  if (!g_file_get_contents (options->file, &text, NULL, &error))
    return xf_cli_fail ("%s", error->message);
  weights = xf_index_weights_parse (text, &error);
  if (weights == NULL)
    return xf_cli_fail ("%s: %s", options->file, error->message);
  id = xf_ranking_set_weights (ranking, weights, options->from, options->reason, &error);
  if (id <= 0)
    return xf_cli_fail_error (error);
  /* TRANSLATORS: a number, then a month YYYY-MM. */
  printf (_("Weights %lld in force from %s"), (long long) id, options->from);
  printf ("\n");
  return 0;
}

int
xf_cli_cmd_ranking (XfCliContext  *ctx,
                    int            argc,
                    char         **argv)
{
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfRanking) ranking = NULL;
  RankingOptions options;
  XfStore *store;
  int status;

  status = parse_options (argc, argv, &options);
  if (status != 0)
    return status;
  store = xf_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;
  registry = xf_registry_new (store, ctx->actor);
  ranking = xf_ranking_new (registry);

  if (g_str_equal (options.subcommand, "compute"))
    return ranking_compute (ranking, &options);
  if (g_str_equal (options.subcommand, "top"))
    return ranking_top (ranking, &options);
  if (g_str_equal (options.subcommand, "explain"))
    return ranking_explain (ranking, &options);
  if (g_str_equal (options.subcommand, "months"))
    return ranking_months (ranking, &options);
  if (g_str_equal (options.subcommand, "weights"))
    return ranking_weights (ranking, &options);
  return ranking_set_weights (ranking, &options);
}
