/* xf-stats.c — counts of the registry by eight dimensions, in one GROUP BY
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-stats"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "xf-clock.h"
#include "xf-error.h"
#include "xf-permission.h"
#include "xf-reference.h"
#include "xf-stats-private.h"

/*
 * Every count is one statement:
 *
 *   SELECT <row key>, <column key>, count(*) FROM pioneers p
 *   WHERE <status, kind, dates, filters> GROUP BY 1, 2
 *
 * where each key is an SQL expression over the row (an age band from the
 * birth date against cut-off dates, a contribution category by LIKE on
 * its keywords), so the database does all the work per file and C only
 * names and orders the few groups that come back. Tiers, organisations
 * and regions are grouped as their indexes hold them (rank, id, whole
 * code), so that a count by one of them reads only its index; a
 * township's group is then added to its county's.
 * The expressions use what SQLite 3.40 and PostgreSQL 15 share: substr
 * from 1, coalesce, CASE, text comparison, LIKE on lower-cased text.
 */

G_DEFINE_FINAL_TYPE (XfStats, xf_stats, G_TYPE_OBJECT)

static const char * const dimension_names[XF_STATS_N_DIMENSIONS] = {
  "industry", "age", "gender", "tier", "contribution", "organisation", "region", "education",
};

const char *
xf_stats_dimension_to_string (XfStatsDimension dimension)
{
  if (dimension < 0 || dimension >= XF_STATS_N_DIMENSIONS)
    return NULL;
  return dimension_names[dimension];
}

XfStatsDimension
xf_stats_dimension_from_string (const char *name)
{
  for (int i = 0; name != NULL && i < XF_STATS_N_DIMENSIONS; i++)
    if (g_str_equal (dimension_names[i], name))
      return i;
  return XF_STATS_NONE;
}

const char *
xf_stats_dimension_label (XfStatsDimension dimension)
{
  switch (dimension)
    {
    case XF_STATS_INDUSTRY:     return _("Industry");
    case XF_STATS_AGE:          return _("Age");
    case XF_STATS_GENDER:       return _("Gender");
    case XF_STATS_TIER:         return _("Tier");
    case XF_STATS_CONTRIBUTION: return _("Contribution");
    case XF_STATS_ORGANISATION: return _("Organisation");
    case XF_STATS_REGION:       return _("Region");
    case XF_STATS_EDUCATION:    return _("Education");
    case XF_STATS_N_DIMENSIONS:
    case XF_STATS_NONE:
    default:                    return NULL;
    }
}

/*
 * Tables
 */

void
xf_stats_table_free (XfStatsTable *table)
{
  if (table == NULL)
    return;
  g_clear_pointer (&table->row_keys, g_ptr_array_unref);
  g_clear_pointer (&table->row_labels, g_ptr_array_unref);
  g_clear_pointer (&table->column_keys, g_ptr_array_unref);
  g_clear_pointer (&table->column_labels, g_ptr_array_unref);
  g_free (table->counts);
  g_free (table->reference_date);
  g_free (table);
}

guint
xf_stats_table_n_rows (const XfStatsTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->row_keys->len;
}

guint
xf_stats_table_n_columns (const XfStatsTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->column_keys->len;
}

gint64
xf_stats_table_get (const XfStatsTable *table,
                    guint               row,
                    guint               column)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->row_keys->len && column < table->column_keys->len, 0);
  return table->counts[row * table->column_keys->len + column];
}

gint64
xf_stats_table_row_total (const XfStatsTable *table,
                          guint               row)
{
  gint64 total = 0;

  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->row_keys->len, 0);
  for (guint column = 0; column < table->column_keys->len; column++)
    total += xf_stats_table_get (table, row, column);
  return total;
}

void
xf_weak_regions_free (XfWeakRegions *weak)
{
  if (weak == NULL)
    return;
  g_free (weak->industry);
  g_clear_pointer (&weak->regions, g_ptr_array_unref);
  g_free (weak);
}

/*
 * The object
 */

static void
xf_stats_dispose (GObject *object)
{
  XfStats *self = XF_STATS (object);

  g_clear_object (&self->registry);
  G_OBJECT_CLASS (xf_stats_parent_class)->dispose (object);
}

static void
xf_stats_class_init (XfStatsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xf_stats_dispose;
}

static void
xf_stats_init (XfStats *self)
{
}

XfStats *
xf_stats_new (XfRegistry *registry)
{
  XfStats *self;

  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  self = g_object_new (XF_TYPE_STATS, NULL);
  self->registry = g_object_ref (registry);
  return self;
}

char *
xf_stats_key_label (XfStats          *self,
                    XfStatsDimension  dimension,
                    const char       *key)
{
  g_return_val_if_fail (XF_IS_STATS (self), NULL);
  return _xf_stats_label (self, dimension, key, NULL);
}

/*
 * SQL
 */

typedef struct
{
  GString   *where;
  GPtrArray *params;       /* (element-type utf8) all text */
  char      *cut_offs[XF_STATS_N_AGE_BANDS - 1];  /* born after: younger than 30, 40, … */
  int        region_level;
  gboolean   crossed;
} Sql;

static void
sql_clear (Sql *sql)
{
  g_string_free (sql->where, TRUE);
  g_ptr_array_unref (sql->params);
  for (guint i = 0; i < G_N_ELEMENTS (sql->cut_offs); i++)
    g_free (sql->cut_offs[i]);
}

/* Adds a text parameter; returns its number. */
static int
add_param (Sql        *sql,
           const char *value)
{
  g_ptr_array_add (sql->params, g_strdup (value));
  return (int) sql->params->len;
}

/* Escapes LIKE's wildcards in a keyword (ESCAPE '!'). */
static char *
like_pattern (const char *keyword)
{
  GString *pattern = g_string_new ("%");

  for (const char *c = keyword; *c != '\0'; c++)
    {
      if (*c == '%' || *c == '_' || *c == '!')
        g_string_append_c (pattern, '!');
      g_string_append_c (pattern, *c);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* The SQL expression of a file's key for @dimension, over "p". */
static char *
key_expression (Sql               *sql,
                XfStatsDimension   dimension)
{
  switch (dimension)
    {
    case XF_STATS_INDUSTRY:
      return g_strdup ("coalesce (p.industry, '')");
    case XF_STATS_TIER:
      /* The rank, not the code: the index pioneers_by_tier covers it. */
      return g_strdup ("p.tier_rank");
    case XF_STATS_GENDER:
      return g_strdup ("CASE WHEN p.kind = 'individual' THEN coalesce (p.gender, '') ELSE '' END");
    case XF_STATS_EDUCATION:
      return g_strdup ("CASE WHEN p.kind = 'individual' THEN coalesce (p.education, '') ELSE '' END");
    case XF_STATS_ORGANISATION:
      /* By id, as indexed (pioneers_by_organisation): the codes come
       * from the organisations read aside. */
      return g_strdup ("coalesce (p.organisation_id, 0)");
    case XF_STATS_REGION:
      /* Alone, the whole code, as indexed (pioneers_by_region), even for
       * counties: the index is read in order without sorting, and the
       * few township groups are added up into their counties afterwards.
       * Crossed with another dimension the table is scanned anyway, and
       * fewer groups sort faster. */
      if (sql->crossed && sql->region_level == 6)
        return g_strdup ("substr (coalesce (p.region_code, ''), 1, 6)");
      return g_strdup ("coalesce (p.region_code, '')");
    case XF_STATS_AGE:
      {
        /* Someone born after the day 30 years before the reference date
         * is under 30 on it: the comparison of ISO dates as text is the
         * comparison of (year, month, day), so "2026-02-29 minus 30
         * years" need not be a real day. */
        GString *expression = g_string_new ("CASE WHEN p.kind <> 'individual' OR coalesce (p.birth_date, '') = '' THEN ''");

        for (guint i = 0; i < G_N_ELEMENTS (sql->cut_offs); i++)
          g_string_append_printf (expression, " WHEN p.birth_date > $%d THEN '%s'",
                                  add_param (sql, sql->cut_offs[i]), _xf_stats_age_bands[i]);
        g_string_append_printf (expression, " ELSE '%s' END", _xf_stats_age_bands[XF_STATS_N_AGE_BANDS - 1]);
        return g_string_free (expression, FALSE);
      }
    case XF_STATS_CONTRIBUTION:
      {
        GPtrArray *categories = _xf_stats_get_contributions (NULL);
        GString *expression = g_string_new ("CASE");

        for (guint i = 0; categories != NULL && i < categories->len; i++)
          {
            XfContributionCategory *category = g_ptr_array_index (categories, i);
            int id_param;

            if (category->keywords[0] == NULL)
              continue;
            g_string_append (expression, " WHEN ");
            for (guint k = 0; category->keywords[k] != NULL; k++)
              {
                g_autofree char *pattern = like_pattern (category->keywords[k]);

                g_string_append_printf (expression, "%slower (p.contribution) LIKE $%d ESCAPE '!'",
                                        k > 0 ? " OR " : "", add_param (sql, pattern));
              }
            id_param = add_param (sql, category->id);
            /* A text parameter alone has no type on PostgreSQL. */
            g_string_append_printf (expression, " THEN CAST ($%d AS TEXT)", id_param);
          }
        g_string_append (expression, " ELSE 'other' END");
        return g_string_free (expression, FALSE);
      }
    case XF_STATS_N_DIMENSIONS:
    case XF_STATS_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* Local midnight at the start of @date (YYYY-MM-DD) plus @days, in UTC µs. */
static gint64
day_start (const GDate *date,
           int          days)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                      g_date_get_day (date), 0, 0, 0);
  g_autoptr(GDateTime) moved = g_date_time_add_days (start, days);

  return g_date_time_to_unix (moved) * G_USEC_PER_SEC;
}

static gboolean
parse_date (const char  *text,
            const char  *field,
            GDate       *date,
            GError     **error)
{
  int year, month, day;
  char end;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      text[4] != '-' || text[7] != '-' ||
      !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   /* Translators: a field ("Reference date"), then what was given */
                   _("%s: “%s” is not a date written YYYY-MM-DD"), field, text != NULL ? text : "");
      return FALSE;
    }
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* Checks @query and writes its WHERE clause into @sql. */
static gboolean
build_where (Sql                  *sql,
             const XfStatsQuery   *query,
             XfStatsOrganisations *organisations,
             char                **reference_date,
             GError              **error)
{
  g_autofree char *today = xf_clock_today_text ();
  const char *reference = query->reference_date != NULL ? query->reference_date : today;
  GDate date;

  if (!parse_date (reference, _("Reference date"), &date, error))
    return FALSE;
  *reference_date = g_strdup (reference);
  for (guint i = 0; i < G_N_ELEMENTS (sql->cut_offs); i++)
    sql->cut_offs[i] = g_strdup_printf ("%04d%s", g_date_get_year (&date) - 30 - 10 * (int) i, reference + 4);

  if (query->region_level != 0 && query->region_level != 6 && query->region_level != 9)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Region level: %d is neither 6 (counties) nor 9 (townships)"), query->region_level);
      return FALSE;
    }
  sql->region_level = query->region_level == 9 ? 9 : 6;

  g_string_append (sql->where, query->include_archived ? "p.status <> 'deceased'" : "p.status = 'active'");

  if (query->kind != NULL)
    {
      if (!g_str_equal (query->kind, "individual") && !g_str_equal (query->kind, "collective"))
        {
          g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                       _("Kind: “%s” is neither individual nor collective"), query->kind);
          return FALSE;
        }
      g_string_append_printf (sql->where, " AND p.kind = $%d", add_param (sql, query->kind));
    }

  /* Only files entered by the end of the reference date. */
  if (query->reference_date != NULL)
    {
      g_autofree char *end = g_strdup_printf ("%" G_GINT64_FORMAT, day_start (&date, 1));

      g_string_append_printf (sql->where, " AND p.created_at < CAST ($%d AS BIGINT)", add_param (sql, end));
    }
  if (query->entered_from != NULL)
    {
      GDate from;
      g_autofree char *start = NULL;

      if (!parse_date (query->entered_from, _("Entered from"), &from, error))
        return FALSE;
      start = g_strdup_printf ("%" G_GINT64_FORMAT, day_start (&from, 0));
      g_string_append_printf (sql->where, " AND p.created_at >= CAST ($%d AS BIGINT)", add_param (sql, start));
    }

  for (int d = 0; d < XF_STATS_N_DIMENSIONS; d++)
    {
      const char *key = query->filters[d];
      g_autofree char *expression = NULL;

      if (key == NULL)
        continue;
      if (!_xf_stats_check_key (d, key, organisations, error))
        return FALSE;

      if (d == XF_STATS_REGION)
        {
          const char *city = xf_reference_city_code (xf_reference_get_shared ());
          g_autofree char *prefix = g_strdup (key);

          /* The city's own code ("330500") covers its counties ("3305…"). */
          if (city != NULL && g_str_equal (prefix, city))
            while (g_str_has_suffix (prefix, "00"))
              prefix[strlen (prefix) - 2] = '\0';
          if (prefix[0] == '\0')
            g_string_append (sql->where, " AND coalesce (p.region_code, '') = ''");
          else
            g_string_append_printf (sql->where, " AND substr (p.region_code, 1, %u) = $%d",
                                    (guint) strlen (prefix), add_param (sql, prefix));
          continue;
        }
      if (d == XF_STATS_ORGANISATION)
        {
          XfStatsOrganisation *organisation = key[0] != '\0'
                                              ? g_hash_table_lookup (organisations->by_code, key) : NULL;
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 organisation != NULL ? organisation->id : 0);

          g_string_append_printf (sql->where, " AND coalesce (p.organisation_id, 0) = CAST ($%d AS BIGINT)",
                                  add_param (sql, id));
          continue;
        }
      if (d == XF_STATS_TIER)
        {
          /* The tier's rank is indexed. */
          g_string_append_printf (sql->where, " AND p.tier_rank = %d", xf_tier_rank (key));
          continue;
        }
      expression = key_expression (sql, d);
      g_string_append_printf (sql->where, " AND %s = $%d", expression, add_param (sql, key));
    }
  return TRUE;
}

/* The keys a dimension lists even without a count. */
static void
add_listed_keys (XfStatsDimension  dimension,
                 GHashTable       *keys)
{
  static const char * const tiers[] = { "national", "provincial", "city", "county", "cultivation" };
  static const char * const genders[] = { "male", "female" };

  if (dimension == XF_STATS_TIER)
    for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
      g_hash_table_add (keys, g_strdup (tiers[i]));
  else if (dimension == XF_STATS_GENDER)
    for (guint i = 0; i < G_N_ELEMENTS (genders); i++)
      g_hash_table_add (keys, g_strdup (genders[i]));
  else if (dimension == XF_STATS_AGE)
    for (guint i = 0; i < XF_STATS_N_AGE_BANDS; i++)
      g_hash_table_add (keys, g_strdup (_xf_stats_age_bands[i]));
}

/* The organisation's code for a key read as its id. */
static const char *
organisation_code (XfStatsOrganisations *organisations,
                   const char           *id_text)
{
  gint64 id = g_ascii_strtoll (id_text, NULL, 10);
  XfStatsOrganisation *organisation = g_hash_table_lookup (organisations->by_id, &id);

  return organisation != NULL ? organisation->code : "";
}

/* A group's key as read (a tier's rank, an organisation's id, a whole
 * region code) → the dimension's key. */
static char *
group_key (XfStatsDimension      dimension,
           const char           *raw,
           int                   region_level,
           XfStatsOrganisations *organisations)
{
  static const char * const tiers[] = { "national", "provincial", "city", "county", "cultivation" };

  if (dimension == XF_STATS_TIER)
    {
      gint64 rank = g_ascii_strtoll (raw, NULL, 10);

      return g_strdup (rank >= 0 && rank < (gint64) G_N_ELEMENTS (tiers) ? tiers[rank] : "");
    }
  if (dimension == XF_STATS_ORGANISATION)
    return g_strdup (organisation_code (organisations, raw));
  if (dimension == XF_STATS_REGION && region_level == 6)
    return g_strndup (raw, 6);
  return g_strdup (raw);
}

static GPtrArray *
sorted_keys (XfStatsDimension  dimension,
             GHashTable       *set)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, g_strdup (key));
  _xf_stats_sort_keys (dimension, keys);
  return keys;
}

static GPtrArray *
labels_of (XfStats              *self,
           XfStatsDimension      dimension,
           GPtrArray            *keys,
           XfStatsOrganisations *organisations)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < keys->len; i++)
    g_ptr_array_add (labels, _xf_stats_label (self, dimension, g_ptr_array_index (keys, i), organisations));
  return labels;
}

static guint
index_of (GPtrArray  *keys,
          const char *key)
{
  guint index = 0;

  g_ptr_array_find_with_equal_func (keys, key, g_str_equal, &index);
  return index;
}

XfStatsTable *
xf_stats_count (XfStats                *self,
                XfStatsDimension        rows_by,
                XfStatsDimension        columns_by,
                const XfStatsQuery     *query,
                GError                **error)
{
  static const XfStatsQuery everything = { 0 };
  g_autoptr(XfStatsTable) table = NULL;
  g_autoptr(XfStatsOrganisations) organisations = NULL;
  g_autoptr(GHashTable) row_set = NULL;
  g_autoptr(GHashTable) column_set = NULL;
  g_autoptr(GArray) groups = NULL;
  g_autoptr(GPtrArray) group_keys = NULL;
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autofree char *row_expression = NULL;
  g_autofree char *column_expression = NULL;
  g_autofree char *statement = NULL;
  g_autofree char *reference_date = NULL;
  gboolean crossed = columns_by != XF_STATS_NONE;
  int level;
  XfDb *db;
  XfDbStep step;
  Sql sql = { 0 };
  gboolean ok;

  g_return_val_if_fail (XF_IS_STATS (self), NULL);
  g_return_val_if_fail (rows_by >= 0 && rows_by < XF_STATS_N_DIMENSIONS, NULL);
  g_return_val_if_fail (columns_by == XF_STATS_NONE ||
                        (columns_by >= 0 && columns_by < XF_STATS_N_DIMENSIONS), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (query == NULL)
    query = &everything;
  if (!xf_permission_check_somewhere (xf_registry_get_actor (self->registry), XF_OP_REGISTRY_READ, error))
    return NULL;

  db = xf_store_get_db (xf_registry_get_store (self->registry));
  if (rows_by == XF_STATS_ORGANISATION || columns_by == XF_STATS_ORGANISATION ||
      query->filters[XF_STATS_ORGANISATION] != NULL)
    {
      organisations = _xf_stats_organisations_load (db, error);
      if (organisations == NULL)
        return NULL;
    }
  if ((rows_by == XF_STATS_CONTRIBUTION || columns_by == XF_STATS_CONTRIBUTION ||
       query->filters[XF_STATS_CONTRIBUTION] != NULL) &&
      _xf_stats_get_contributions (error) == NULL)
    return NULL;
  if (!xf_reference_ensure (xf_reference_get_shared (), XF_REFERENCE_REGIONS, error) ||
      !xf_reference_ensure (xf_reference_get_shared (), XF_REFERENCE_INDUSTRIES, error) ||
      !xf_reference_ensure (xf_reference_get_shared (), XF_REFERENCE_EDUCATION, error))
    return NULL;

  sql.where = g_string_new (NULL);
  sql.params = g_ptr_array_new_with_free_func (g_free);
  ok = build_where (&sql, query, organisations, &reference_date, error);
  level = sql.region_level;
  if (ok)
    {
      /* The keys' parameters come after the filters'. */
      sql.crossed = crossed;
      row_expression = key_expression (&sql, rows_by);
      if (crossed)
        {
          column_expression = key_expression (&sql, columns_by);
          statement = g_strdup_printf ("SELECT %s, %s, count(*) FROM pioneers p WHERE %s GROUP BY 1, 2",
                                       row_expression, column_expression, sql.where->str);
        }
      else
        statement = g_strdup_printf ("SELECT %s, count(*) FROM pioneers p WHERE %s GROUP BY 1",
                                     row_expression, sql.where->str);
      stmt = xf_db_prepare (db, statement, error);
      ok = stmt != NULL;
    }
  if (ok)
    for (guint i = 0; i < sql.params->len; i++)
      xf_db_stmt_bind_text (stmt, (int) i + 1, g_ptr_array_index (sql.params, i));
  sql_clear (&sql);
  if (!ok)
    return NULL;

  row_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  column_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  groups = g_array_new (FALSE, FALSE, sizeof (gint64));
  group_keys = g_ptr_array_new_with_free_func (g_free);
  add_listed_keys (rows_by, row_set);
  if (crossed)
    add_listed_keys (columns_by, column_set);
  else
    g_hash_table_add (column_set, g_strdup (""));

  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      const char *row = xf_db_stmt_column_text (stmt, 0);
      const char *column = crossed ? xf_db_stmt_column_text (stmt, 1) : NULL;
      gint64 n = xf_db_stmt_column_int64 (stmt, crossed ? 2 : 1);
      g_autofree char *row_key = group_key (rows_by, row != NULL ? row : "", level, organisations);
      g_autofree char *column_key = crossed
                                    ? group_key (columns_by, column != NULL ? column : "", level, organisations)
                                    : g_strdup ("");

      g_hash_table_add (row_set, g_strdup (row_key));
      g_hash_table_add (column_set, g_strdup (column_key));
      g_ptr_array_add (group_keys, g_steal_pointer (&row_key));
      g_ptr_array_add (group_keys, g_steal_pointer (&column_key));
      g_array_append_val (groups, n);
    }
  if (step == XF_DB_STEP_ERROR)
    return NULL;

  table = g_new0 (XfStatsTable, 1);
  table->rows_by = rows_by;
  table->columns_by = columns_by;
  table->reference_date = g_steal_pointer (&reference_date);
  table->row_keys = sorted_keys (rows_by, row_set);
  table->row_labels = labels_of (self, rows_by, table->row_keys, organisations);
  if (crossed)
    {
      table->column_keys = sorted_keys (columns_by, column_set);
      table->column_labels = labels_of (self, columns_by, table->column_keys, organisations);
    }
  else
    {
      table->column_keys = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (table->column_keys, g_strdup (""));
      table->column_labels = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (table->column_labels, g_strdup (_("Pioneers")));
    }
  table->counts = g_new0 (gint64, (gsize) MAX (1, table->row_keys->len * table->column_keys->len));
  for (guint g = 0; g < groups->len; g++)
    {
      guint row = index_of (table->row_keys, g_ptr_array_index (group_keys, 2 * g));
      guint column = index_of (table->column_keys, g_ptr_array_index (group_keys, 2 * g + 1));
      gint64 n = g_array_index (groups, gint64, g);

      /* Organisations gone since the count map to "" and add up there. */
      table->counts[row * table->column_keys->len + column] += n;
      table->total += n;
    }
  return g_steal_pointer (&table);
}
