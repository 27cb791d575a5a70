/* xf-cli-pioneers.c
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
#include <json-glib/json-glib.h>

#include "xf-cli.h"
#include "xf-cli-evaluation.h"
#include "xf-error.h"
#include "xf-identity.h"
#include "xf-reference.h"
#include "xf-registry.h"
#include "xf-registry-scan.h"

/*
 * `pioneers count | list | search | show | bulk-edit`: the registry through
 * the same XfRegistry the app uses. Lists stream (xf_registry_foreach_match):
 * the rows and order of the app's list, never the whole registry in memory.
 * bulk-edit sets one field on the files a query lists, in one transaction
 * (xf_registry_bulk_edit).
 */

typedef struct
{
  const char *subcommand;
  const char *argument;   /* search text or uid */
  gboolean    json;
  gboolean    reveal;
  guint64     limit;      /* 0: no limit */
  /* bulk-edit */
  const char *field;
  const char *value;
  GPtrArray  *where;      /* "DIMENSION=KEY" as given */
  gboolean    all;
  gboolean    dry_run;
} Options;

static const char usage[] =
  N_("usage: pioneers count | list [--json] [--limit N] | search TEXT [--json] [--limit N] | "
     "show UID [--json] [--reveal] | bulk-edit FIELD VALUE [--where DIMENSION=KEY]… [--all] [--dry-run]");

/* The filter a --where value "DIMENSION=KEY" names. */
static gboolean
find_dimension (const char       *where,
                XfRegistryFilter *filter)
{
  const char *equals = strchr (where, '=');
  g_autofree char *name = equals != NULL ? g_strndup (where, equals - where) : NULL;

  return xf_registry_filter_from_name (name, filter);
}

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->where, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static int
parse_options (int       argc,
               char    **argv,
               Options  *options)
{
  static const char * const subcommands[] = { "count", "list", "search", "show", "bulk-edit", NULL };
  gboolean bulk;

  memset (options, 0, sizeof *options);
  options->subcommand = xf_cli_subcommand (argc, argv, _(usage), subcommands);
  if (options->subcommand == NULL)
    return 2;
  bulk = g_str_equal (options->subcommand, "bulk-edit");
  options->where = g_ptr_array_new ();

  for (int i = 2; i < argc; i++)
    {
      const char *arg = argv[i];

      if (bulk && g_str_equal (arg, "--where"))
        {
          const char *value = i + 1 < argc ? argv[i + 1] : NULL;
          XfRegistryFilter filter;

          if (value == NULL || strchr (value, '=') == NULL)
            return xf_cli_usage_error (_("--where needs DIMENSION=KEY, e.g. --where tier=city or --where region=330521"));
          if (!find_dimension (value, &filter))
            /* TRANSLATORS: %s is what was given; the names are typed as they are. */
            return xf_cli_usage_error (_("--where: “%s” is not DIMENSION=KEY with a dimension of kind, tier, "
                                         "region, industry, organisation, gender, age, education or status"),
                                       value);
          g_ptr_array_add (options->where, argv[++i]);
        }
      else if (bulk && g_str_equal (arg, "--all"))
        options->all = TRUE;
      else if (bulk && g_str_equal (arg, "--dry-run"))
        options->dry_run = TRUE;
      else if (bulk && options->value == NULL && !g_str_has_prefix (arg, "--"))
        {
          if (options->field == NULL)
            options->field = arg;
          else
            options->value = arg;
        }
      else if (g_str_equal (arg, "--json") && !g_str_equal (options->subcommand, "count") && !bulk)
        options->json = TRUE;
      else if (g_str_equal (arg, "--reveal") && g_str_equal (options->subcommand, "show"))
        options->reveal = TRUE;
      else if (g_str_equal (arg, "--limit") &&
               (g_str_equal (options->subcommand, "list") || g_str_equal (options->subcommand, "search")))
        {
          if (i + 1 >= argc ||
              !g_ascii_string_to_unsigned (argv[i + 1], 10, 1, G_MAXINT64, &options->limit, NULL))
            {
              xf_cli_fail (_("--limit needs a number greater than 0"));
              return 2;
            }
          i++;
        }
      else if (!g_str_has_prefix (arg, "--") && options->argument == NULL &&
               (g_str_equal (options->subcommand, "search") || g_str_equal (options->subcommand, "show")))
        options->argument = arg;
      else
        {
          xf_cli_fail (_("Unknown argument “%s”; %s"), arg, _(usage));
          return 2;
        }
    }

  if (options->argument == NULL &&
      (g_str_equal (options->subcommand, "search") || g_str_equal (options->subcommand, "show")))
    {
      xf_cli_fail (g_str_equal (options->subcommand, "search")
                   ? _("pioneers search needs the text to search for")
                   : _("pioneers show needs the uid of a pioneer"));
      return 2;
    }
  if (bulk && options->value == NULL)
    return xf_cli_usage_error (_("pioneers bulk-edit needs a field and its new value (\"\" clears it); %s"),
                               _(usage));
  /* Every file is a lot to change by a slip of the keyboard. */
  if (bulk && options->where->len == 0 && !options->all)
    return xf_cli_usage_error (_("pioneers bulk-edit changes the files --where selects; "
                                 "give --all to change every active file"));
  return 0;
}

/*
 * JSON
 */

/* "region-code" → "region"; "organisation-name" → "organisation"; the rest
 * is the property name in snake_case. */
static char *
json_key (const char *property)
{
  if (g_str_equal (property, "region-code"))
    return g_strdup ("region");
  if (g_str_equal (property, "organisation-name"))
    return g_strdup ("organisation");
  return g_strdelimit (g_strdup (property), "-", '_');
}

static char *
format_instant (gint64 usec)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return when != NULL ? g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

static const char *
region_name_zh (XfReference *reference,
                const char  *code)
{
  const XfReferenceItem *item;

  if (reference == NULL || code == NULL)
    return NULL;
  item = xf_reference_lookup (reference, XF_REFERENCE_REGIONS, code);
  return item != NULL ? item->name_zh : NULL;
}

/* Adds one property of @pioneer to the object being built, typed as JSON. */
static void
add_property (JsonBuilder *builder,
              XfPioneer   *pioneer,
              GParamSpec  *pspec,
              gboolean     reveal)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *key = json_key (pspec->name);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (pioneer), pspec->name, &value);
  json_builder_set_member_name (builder, key);

  if (g_str_has_suffix (pspec->name, "-at") && G_VALUE_HOLDS_INT64 (&value))
    {
      g_autofree char *text = format_instant (g_value_get_int64 (&value));
      json_builder_add_string_value (builder, text);
    }
  else if (G_VALUE_HOLDS_STRING (&value))
    {
      const char *text = g_value_get_string (&value);

      if (text == NULL)
        json_builder_add_null_value (builder);
      else if (g_str_equal (pspec->name, "id-number") && !reveal)
        {
          g_autofree char *masked = xf_identity_mask_id_number (text);
          json_builder_add_string_value (builder, masked);
        }
      else
        json_builder_add_string_value (builder, text);
    }
  else if (G_VALUE_HOLDS_INT64 (&value))
    json_builder_add_int_value (builder, g_value_get_int64 (&value));
  else if (G_VALUE_HOLDS_INT (&value) && g_str_equal (pspec->name, "size") &&
           !xf_pioneer_is_collective (pioneer))
    json_builder_add_null_value (builder);  /* a person has no size */
  else if (G_VALUE_HOLDS_INT (&value))
    json_builder_add_int_value (builder, g_value_get_int (&value));
  else if (G_VALUE_HOLDS_UINT (&value))
    json_builder_add_int_value (builder, g_value_get_uint (&value));
  else if (G_VALUE_HOLDS_BOOLEAN (&value))
    json_builder_add_boolean_value (builder, g_value_get_boolean (&value));
  else
    json_builder_add_null_value (builder);
}

/* The fields `show` prints, in this order; a field the model does not have is left out. */
static const char * const all_fields[] = {
  "uid", "kind", "name", "gender", "birth-date", "ethnicity", "education", "political-status",
  "id-number", "mobile", "employer", "position", "credit-code", "collective-kind", "leader",
  "size", "industry", "region-code", "organisation-name", "tier", "tier-manual", "tier-reason",
  "skills", "tags", "introduction", "deeds", "video", "photo", "contribution", "status",
  "archive-reason", "honours-count", "created-at", "updated-at", "version", NULL,
};

/* Begins an object with the fields of @pioneer and leaves it open, so the
 * caller can add more members before json_builder_end_object(). */
static void
build_pioneer (JsonBuilder        *builder,
               XfPioneer          *pioneer,
               const char * const *fields,
               XfReference        *reference,
               gboolean            reveal)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (pioneer);

  json_builder_begin_object (builder);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, fields[i]);

      if (pspec == NULL)
        continue;
      add_property (builder, pioneer, pspec, reveal);
      if (g_str_equal (fields[i], "region-code"))
        {
          const char *name = region_name_zh (reference, xf_pioneer_get_region_code (pioneer));

          json_builder_set_member_name (builder, "region_name");
          if (name != NULL)
            json_builder_add_string_value (builder, name);
          else
            json_builder_add_null_value (builder);
        }
    }
}

static char *
node_to_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* Writes @text with every line indented by @indent spaces. */
static void
print_indented (const char *text,
                int         indent)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    printf ("%s%*s%s", i > 0 ? "\n" : "", indent, "", lines[i]);
}

/*
 * Subcommands
 */

static int
run_count (XfRegistry *registry)
{
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autoptr(GError) error = NULL;
  gint64 count;

  count = xf_registry_count_pioneers (registry, query, &error);
  if (error != NULL)
    return xf_cli_fail ("%s", error->message);
  printf ("%" G_GINT64_FORMAT "\n", count);
  return 0;
}

/* One row of list or search, as text or as a JSON object. */
typedef struct
{
  const Options *options;
  XfReference   *reference;
  JsonGenerator *generator;
  guint64        n_shown;
} ListState;

/* A summary as JSON, from the row view without a record: the keys, order
 * and types build_pioneer() gives the same fields (uid, kind, name, gender,
 * birth-date, employer, industry, region-code, organisation-name, tier,
 * honours-count, status). */
static JsonNode *
build_summary (const XfPioneerSummary *summary,
               XfReference            *reference)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  xf_cli_json_text (builder, "uid", summary->uid);
  xf_cli_json_text (builder, "kind", summary->kind);
  xf_cli_json_text (builder, "name", summary->name);
  xf_cli_json_text (builder, "gender", summary->gender);
  xf_cli_json_text (builder, "birth_date", summary->birth_date);
  xf_cli_json_text (builder, "employer", summary->employer);
  xf_cli_json_text (builder, "industry", summary->industry);
  xf_cli_json_text (builder, "region", summary->region_code);
  xf_cli_json_text (builder, "region_name", region_name_zh (reference, summary->region_code));
  xf_cli_json_text (builder, "organisation", summary->organisation_name);
  xf_cli_json_text (builder, "tier", summary->tier);
  json_builder_set_member_name (builder, "honours_count");
  json_builder_add_int_value (builder, summary->honours_count);
  xf_cli_json_text (builder, "status", summary->status);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
print_row_cb (const XfPioneerSummary *summary,
              gpointer                user_data)
{
  ListState *state = user_data;

  if (state->options->limit > 0 && state->n_shown >= state->options->limit)
    return FALSE;

  if (state->options->json)
    {
      g_autoptr(JsonNode) node = build_summary (summary, state->reference);
      g_autofree char *text = NULL;

      json_generator_set_root (state->generator, node);
      text = json_generator_to_data (state->generator, NULL);
      printf ("%s\n", state->n_shown > 0 ? "," : "");
      print_indented (text, 4);
    }
  else
    {
      const char *region = summary->region_code;

      printf ("%s\t%s\t%s\t%s\t%s\n", summary->uid, summary->kind, summary->name, summary->tier,
              state->reference != NULL && region != NULL
              ? xf_reference_label (state->reference, XF_REFERENCE_REGIONS, region) : "");
    }
  state->n_shown++;
  return TRUE;
}

/* What a plain line shows; JSON shows every summary field. */
static const char * const plain_fields[] = { "uid", "kind", "name", "tier", "region-code", NULL };

/* list and search: stream the matches in the list's order, printing as
 * we go; nothing is kept, however many there are. */
static int
run_list (XfRegistry    *registry,
          const Options *options)
{
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GError) error = NULL;
  /* main.c has loaded the regions, all a list shows. */
  ListState state = { options, xf_reference_get_shared (), NULL, 0 };
  gboolean ok;

  if (options->argument != NULL)
    xf_registry_query_set_text (query, options->argument);
  xf_registry_query_set_sort (query, XF_REGISTRY_SORT_NAME, FALSE);

  if (options->json)
    {
      /* The count comes first, so it is asked for on its own. */
      gint64 count = xf_registry_count_pioneers (registry, query, &error);

      if (count < 0)
        return xf_cli_fail ("%s", error->message);
      generator = json_generator_new ();
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      state.generator = generator;
      printf ("{\n  \"count\" : %" G_GINT64_FORMAT ",\n  \"pioneers\" : [", count);
    }

  ok = xf_registry_foreach_match (registry, query, options->json ? NULL : plain_fields,
                                  print_row_cb, &state, NULL, &error);

  if (options->json)
    printf ("%s]\n}\n", state.n_shown > 0 ? "\n  " : "");
  if (!ok)
    return xf_cli_fail ("%s", error->message);
  return 0;
}

static void
print_field (const char *label,
             const char *value)
{
  if (value != NULL && value[0] != '\0')
    printf ("%s: %s\n", label, value);
}

/* A field as a person reads it: codes by their labels, the identity number masked. */
static char *
plain_value (XfPioneer   *pioneer,
             const char  *property,
             XfReference *reference,
             gboolean     reveal)
{
  static const struct { const char *property; XfReferenceTable table; } coded[] = {
    { "ethnicity", XF_REFERENCE_ETHNICITIES },
    { "education", XF_REFERENCE_EDUCATION },
    { "political-status", XF_REFERENCE_POLITICAL_STATUS },
    { "industry", XF_REFERENCE_INDUSTRIES },
    { "region-code", XF_REFERENCE_REGIONS },
  };
  g_autofree char *value = xf_pioneer_dup_field (pioneer, property);

  if (value == NULL)
    return NULL;
  if (g_str_equal (property, "id-number") && !reveal)
    return xf_identity_mask_id_number (value);
  if (g_str_equal (property, "gender"))
    return g_strdup (xf_gender_label (value));
  if (g_str_equal (property, "organisation-id"))
    return g_strdup (xf_pioneer_get_organisation_name (pioneer));
  for (guint i = 0; reference != NULL && i < G_N_ELEMENTS (coded); i++)
    if (g_str_equal (property, coded[i].property))
      return g_strdup_printf ("%s (%s)", xf_reference_label (reference, coded[i].table, value), value);
  return g_steal_pointer (&value);
}

static int
run_show (XfRegistry    *registry,
          const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autoptr(GListModel) honours = NULL;
  XfReference *reference;
  guint n_honours;

  /* Every coded field is shown by its label, so a damaged table fails
   * here with its own message rather than showing bare codes. */
  reference = xf_reference_get_default (&error);
  if (reference == NULL)
    return xf_cli_fail ("%s", error->message);

  pioneer = xf_registry_get_pioneer_by_uid (registry, options->argument, &error);
  if (pioneer == NULL)
    {
      if (g_error_matches (error, XF_ERROR, XF_ERROR_NOT_FOUND) || error == NULL)
        return xf_cli_fail (_("No pioneer has the uid “%s”"), options->argument);
      return xf_cli_fail ("%s", error->message);
    }
  honours = xf_registry_list_honours (registry, xf_pioneer_get_id (pioneer), &error);
  if (honours == NULL)
    return xf_cli_fail ("%s", error->message);
  n_honours = g_list_model_get_n_items (honours);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *text = NULL;

      build_pioneer (builder, pioneer, all_fields, reference, options->reveal);
      json_builder_set_member_name (builder, "honours");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_honours; i++)
        {
          g_autoptr(XfHonour) honour = g_list_model_get_item (honours, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, xf_honour_get_title (honour));
          json_builder_set_member_name (builder, "level");
          json_builder_add_string_value (builder, xf_honour_get_level (honour));
          json_builder_set_member_name (builder, "year");
          json_builder_add_int_value (builder, xf_honour_get_year (honour));
          json_builder_set_member_name (builder, "conferring_body");
          json_builder_add_string_value (builder, xf_honour_get_conferring_body (honour));
          json_builder_set_member_name (builder, "certificate_no");
          json_builder_add_string_value (builder, xf_honour_get_certificate_no (honour));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      text = node_to_text (node);
      printf ("%s\n", text);
      return 0;
    }

  /* Plain: one "Label: value" line per filled field, in the form's order,
   * with codes shown by their names. */
  {
    const char * const *fields = xf_pioneer_list_fields (xf_pioneer_get_kind (pioneer));

    print_field ("uid", xf_pioneer_get_uid (pioneer));
    print_field (xf_pioneer_field_label ("kind"), xf_kind_label (xf_pioneer_get_kind (pioneer)));
    for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
      {
        g_autofree char *value = plain_value (pioneer, fields[i], reference, options->reveal);

        print_field (xf_pioneer_field_label (fields[i]), value);
      }
    print_field (xf_pioneer_field_label ("tier"), xf_tier_label (xf_pioneer_get_tier (pioneer)));
    print_field (xf_pioneer_field_label ("status"), xf_status_label (xf_pioneer_get_status (pioneer)));
    for (guint i = 0; i < n_honours; i++)
      {
        g_autoptr(XfHonour) honour = g_list_model_get_item (honours, i);
        g_autofree char *line = g_strdup_printf ("%d %s (%s) %s %s", xf_honour_get_year (honour),
                                                 xf_honour_get_title (honour),
                                                 xf_honour_level_label (xf_honour_get_level (honour)),
                                                 xf_honour_get_conferring_body (honour),
                                                 xf_honour_get_certificate_no (honour));
        print_field (_("Honour"), line);
      }
  }
  return 0;
}

/*
 * bulk-edit
 */


/* An organisation as its number in decimal, from its number or its code;
 * NULL when there is none such. */
static char *
organisation_number (XfRegistry  *registry,
                     const char  *key,
                     GError     **error)
{
  g_autoptr(GPtrArray) organisations = xf_registry_list_organisations (registry, error);

  if (organisations == NULL)
    return NULL;
  for (guint i = 0; i < organisations->len; i++)
    {
      XfOrganisationInfo *info = g_ptr_array_index (organisations, i);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, info->id);

      if (g_str_equal (key, number) || g_strcmp0 (key, info->code) == 0)
        return g_steal_pointer (&number);
    }
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
               /* TRANSLATORS: %s is what was given: an organisation's number or code. */
               _("There is no organisation with the number or code “%s”"), key);
  return NULL;
}

/* The query --where gives: filters AND-ed, several keys of one dimension OR-ed. */
static XfRegistryQuery *
bulk_query (XfRegistry     *registry,
            const Options  *options,
            GError        **error)
{
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();

  for (guint i = 0; i < options->where->len; i++)
    {
      const char *where = g_ptr_array_index (options->where, i);
      const char *key = strchr (where, '=') + 1;
      XfRegistryFilter filter = XF_REGISTRY_FILTER_KIND;
      g_autofree char *number = NULL;

      /* parse_options() refused any other dimension. */
      find_dimension (where, &filter);

      if (filter == XF_REGISTRY_FILTER_ORGANISATION)
        {
          number = organisation_number (registry, key, error);
          if (number == NULL)
            return NULL;
          key = number;
        }
      xf_registry_query_add_filter (query, filter, key);
    }
  return g_steal_pointer (&query);
}

static gboolean
collect_id_cb (const XfPioneerSummary *summary,
               gpointer                user_data)
{
  g_array_append_val ((GArray *) user_data, summary->id);
  return TRUE;
}

/* A dry run is the edit inside a transaction that is then rolled back:
 * every check runs, nothing stays. */
static int
run_bulk_edit (XfRegistry    *registry,
               const Options *options)
{
  static const char * const id_only[] = { "uid", NULL };
  g_autoptr(XfRegistryQuery) query = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  XfDb *db = xf_store_get_db (xf_registry_get_store (registry));
  guint changed = 0;
  gboolean ok;

  /* Validation reads every reference table. */
  if (xf_reference_get_default (&error) == NULL)
    return xf_cli_fail ("%s", error->message);
  query = bulk_query (registry, options, &error);
  if (query == NULL)
    return xf_cli_fail_error (error);
  value = g_strcmp0 (options->field, "organisation-id") == 0 && options->value[0] != '\0'
          ? organisation_number (registry, options->value, &error)
          : g_strdup (options->value);
  if (value == NULL)
    return xf_cli_fail_error (error);
  if (!xf_registry_foreach_match (registry, query, id_only, collect_id_cb, ids, NULL, &error))
    return xf_cli_fail_error (error);

  if (options->dry_run && !xf_db_begin (db, &error))
    return xf_cli_fail_error (error);
  ok = xf_registry_bulk_edit (registry, (const gint64 *) ids->data, ids->len, options->field, value,
                              isatty (STDERR_FILENO) ? xf_cli_print_progress : NULL, NULL, NULL,
                              &changed, &error);
  if (options->dry_run)
    xf_db_rollback (db);
  if (!ok)
    return xf_cli_fail_error (error);

  if (options->dry_run)
    /* TRANSLATORS: a field's label, then two counts of files. */
    printf (_("%s would change on %u of the %u files listed; nothing was written\n"),
            xf_pioneer_field_label (options->field), changed, ids->len);
  else
    /* TRANSLATORS: a field's label, then two counts of files. */
    printf (_("%s changed on %u of the %u files listed\n"),
            xf_pioneer_field_label (options->field), changed, ids->len);
  return 0;
}

int
xf_cli_cmd_pioneers (XfCliContext  *ctx,
                     int            argc,
                     char         **argv)
{
  g_autoptr(XfRegistry) registry = NULL;
  g_auto(Options) options = { 0 };
  XfStore *store;
  int status;

  status = parse_options (argc, argv, &options);
  if (status != 0)
    return status;

  store = xf_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;
  registry = xf_registry_new (store, ctx->actor);

  if (g_str_equal (options.subcommand, "count"))
    return run_count (registry);
  if (g_str_equal (options.subcommand, "show"))
    return run_show (registry, &options);
  if (g_str_equal (options.subcommand, "bulk-edit"))
    return run_bulk_edit (registry, &options);
  return run_list (registry, &options);
}
