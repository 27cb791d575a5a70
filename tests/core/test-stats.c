/* test-stats.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-error.h"
#include "xf-reference-private.h"
#include "xf-stats.h"
#include "xf-test-store.h"

/*
 * Twelve files counted by hand. Ten were entered on 2026-03-01, one on
 * 2026-07-01 (after the reference date 2026-06-30), one is archived. Ages
 * are on 2026-06-30: 甲 turns 30 the day after, so is under 30; 乙 turns
 * 30 on the day itself.
 *
 *  #  name  kind  gender birth       education    ind region     tier         org      contribution
 *  1  甲    ind   male   1996-07-01  bachelor     C   330502001  national     union    economic
 *  2  乙    ind   female 1996-06-30  master       C   330502002  provincial   union    employment
 *  3  丙    ind   male   1980-01-15  college      F   330503     city         women    talent
 *  4  丁    ind   female 1975-12-31  bachelor     C   330521001  county       –        innovation
 *  5  戊    ind   male   1960-03-03  –            A   330522001  county       science  volunteering
 *  6  己    ind   female 1990-05-05  high-school  F   330523     cultivation  –        projects
 *  7  庚    ind   –      –           –            –   –          cultivation  –        other (none)
 *  8  辛    ind   male   2000-01-01  primary      I   330502001  cultivation  union    innovation (English)
 *  9  班组  coll  –      –           –            C   330502     city         union    economic
 * 10  车间  coll  –      –           –            E   330503     county       women    other
 * 11  壬    ind   male   1985-01-01  bachelor     C   330502001  national     union    archived
 * 12  癸    ind   female 1970-02-02  bachelor     C   330521     county       union    employment, entered 07-01
 */

typedef struct
{
  const char *kind, *name, *gender, *birth, *education, *industry, *region, *tier, *organisation,
             *contribution;
  gboolean archived, late;
} File;

static const File files[] = {
  { "individual", "甲", "male", "1996-07-01", "bachelor", "C", "330502001", "national", "union",
    "累计创造经济效益100万元", FALSE, FALSE },
  { "individual", "乙", "female", "1996-06-30", "master", "C", "330502002", "provincial", "union",
    "带动50人就业增收", FALSE, FALSE },
  { "individual", "丙", "male", "1980-01-15", "college", "F", "330503", "city", "women",
    "培养技能人才5名", FALSE, FALSE },
  { "individual", "丁", "female", "1975-12-31", "bachelor", "C", "330521001", "county", NULL,
    "技术攻关获专利3项", FALSE, FALSE },
  { "individual", "戊", "male", "1960-03-03", NULL, "A", "330522001", "county", "science",
    "志愿服务十年", FALSE, FALSE },
  { "individual", "己", "female", "1990-05-05", "high-school", "F", "330523", "cultivation", NULL,
    "参与重点项目3个", FALSE, FALSE },
  { "individual", "庚", NULL, NULL, NULL, NULL, NULL, "cultivation", NULL, NULL, FALSE, FALSE },
  { "individual", "辛", "male", "2000-01-01", "primary", "I", "330502001", "cultivation", "union",
    "National Innovation Award", FALSE, FALSE },
  { "collective", "装配班组", NULL, NULL, NULL, "C", "330502", "city", "union", "推动产业升级", FALSE, FALSE },
  { "collective", "总装车间", NULL, NULL, NULL, "E", "330503", "county", "women", NULL, FALSE, FALSE },
  { "individual", "壬", "male", "1985-01-01", "bachelor", "C", "330502001", "national", "union",
    "经济效益显著", TRUE, FALSE },
  { "individual", "癸", "female", "1970-02-02", "bachelor", "C", "330521", "county", "union",
    "带动就业", FALSE, TRUE },
};

typedef struct
{
  XfStore    *store;
  XfRegistry *registry;
  XfStats    *stats;
} Fixture;

static gint64
local_instant (int year, int month, int day, int hour)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, 0, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

static gint64
organisation_id (GPtrArray  *organisations,
                 const char *code)
{
  for (guint i = 0; i < organisations->len; i++)
    {
      XfOrganisationInfo *info = g_ptr_array_index (organisations, i);

      if (g_str_equal (info->code, code))
        return info->id;
    }
  g_assert_not_reached ();
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  XfDb *db;

  fixture->store = xf_test_open_store ();
  fixture->registry = xf_test_new_registry (fixture->store);
  fixture->stats = xf_stats_new (fixture->registry);
  db = xf_store_get_db (fixture->store);
  g_assert_true (xf_registry_ensure_organisations (fixture->registry, &error));
  g_assert_no_error (error);
  organisations = xf_registry_list_organisations (fixture->registry, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      const File *file = &files[i];
      g_autoptr(XfPioneer) pioneer = xf_pioneer_new (file->kind);
      g_autofree char *sql = NULL;

      g_object_set (pioneer, "name", file->name, "gender", file->gender, "birth-date", file->birth,
                    "education", file->education, "industry", file->industry,
                    "region-code", file->region, "tier", file->tier, "tier-manual", TRUE,
                    "tier-reason", "test", "contribution", file->contribution, NULL);
      if (file->organisation != NULL)
        g_object_set (pioneer, "organisation-id", organisation_id (organisations, file->organisation), NULL);
      g_assert_true (xf_registry_save_pioneer (fixture->registry, pioneer, &error));
      g_assert_no_error (error);
      if (file->archived)
        {
          g_assert_true (xf_registry_archive_pioneer (fixture->registry, pioneer, "test", &error));
          g_assert_no_error (error);
        }
      sql = g_strdup_printf ("UPDATE pioneers SET created_at = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                             file->late ? local_instant (2026, 7, 1, 10) : local_instant (2026, 3, 1, 9),
                             xf_pioneer_get_id (pioneer));
      g_assert_true (xf_db_exec (db, sql, &error));
      g_assert_no_error (error);
    }
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_assert_finalize_object (fixture->stats);
  g_assert_finalize_object (fixture->registry);
  g_assert_finalize_object (fixture->store);
}

static XfStatsQuery
on_reference_date (void)
{
  XfStatsQuery query = { .reference_date = "2026-06-30" };

  return query;
}

/* Asserts the table's one column: "key=count key=count …" in row order. */
static void
assert_rows (const XfStatsTable *table,
             const char         *expected)
{
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint row = 0; row < xf_stats_table_n_rows (table); row++)
    g_string_append_printf (got, "%s%s=%" G_GINT64_FORMAT, row > 0 ? " " : "",
                            (const char *) g_ptr_array_index (table->row_keys, row),
                            xf_stats_table_row_total (table, row));
  g_assert_cmpstr (got->str, ==, expected);
}

static XfStatsTable *
count (Fixture            *fixture,
       XfStatsDimension    rows_by,
       XfStatsDimension    columns_by,
       const XfStatsQuery *query)
{
  g_autoptr(GError) error = NULL;
  XfStatsTable *table = xf_stats_count (fixture->stats, rows_by, columns_by, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
test_dimensions (Fixture       *fixture,
                 gconstpointer  data)
{
  XfStatsQuery query = on_reference_date ();
  struct { XfStatsDimension dimension; const char *expected; } cases[] = {
    { XF_STATS_INDUSTRY, "A=1 C=4 E=1 F=2 I=1 =1" },
    { XF_STATS_AGE, "<30=2 30-39=2 40-49=1 50-59=1 60+=1 =3" },
    { XF_STATS_GENDER, "male=4 female=3 =3" },
    { XF_STATS_TIER, "national=1 provincial=1 city=2 county=3 cultivation=3" },
    { XF_STATS_CONTRIBUTION, "economic=2 employment=1 talent=1 innovation=2 volunteering=1 projects=1 other=2" },
    { XF_STATS_ORGANISATION, "science=1 union=4 women=2 =3" },
    { XF_STATS_REGION, "330502=4 330503=2 330521=1 330522=1 330523=1 =1" },
    { XF_STATS_EDUCATION, "master=1 bachelor=2 college=1 high-school=1 primary=1 =4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XfStatsTable) table = count (fixture, cases[i].dimension, XF_STATS_NONE, &query);

      g_test_message ("%s", xf_stats_dimension_to_string (cases[i].dimension));
      assert_rows (table, cases[i].expected);
      g_assert_cmpint (table->total, ==, 10);
      g_assert_cmpuint (xf_stats_table_n_columns (table), ==, 1);
      g_assert_cmpstr (table->reference_date, ==, "2026-06-30");
      g_assert_cmpuint (table->row_labels->len, ==, xf_stats_table_n_rows (table));
    }
}

static void
test_labels (Fixture       *fixture,
             gconstpointer  data)
{
  XfStatsQuery query = on_reference_date ();
  g_autoptr(XfStatsTable) regions = NULL;
  g_autoptr(XfStatsTable) organisations = NULL;
  g_autofree char *industry = NULL;
  g_autofree char *other = NULL;

  _xf_reference_set_language_for_tests ("zh_CN");
  regions = count (fixture, XF_STATS_REGION, XF_STATS_NONE, &query);
  g_assert_cmpstr (g_ptr_array_index (regions->row_labels, 0), ==, "吴兴区");
  organisations = count (fixture, XF_STATS_ORGANISATION, XF_STATS_NONE, &query);
  g_assert_cmpstr (g_ptr_array_index (organisations->row_labels, 1), ==, "湖州市总工会");
  industry = xf_stats_key_label (fixture->stats, XF_STATS_INDUSTRY, "C");
  g_assert_cmpstr (industry, ==, "制造业");
  other = xf_stats_key_label (fixture->stats, XF_STATS_CONTRIBUTION, "innovation");
  g_assert_cmpstr (other, ==, "技术创新");
  _xf_reference_set_language_for_tests ("en");
  g_clear_pointer (&industry, g_free);
  industry = xf_stats_key_label (fixture->stats, XF_STATS_INDUSTRY, "C");
  g_assert_cmpstr (industry, ==, "Manufacturing");
  g_clear_pointer (&other, g_free);
  other = xf_stats_key_label (fixture->stats, XF_STATS_TIER, "");
  g_assert_cmpstr (other, ==, "Unknown");
  _xf_reference_set_language_for_tests (NULL);
}

static void
test_cross_tab (Fixture       *fixture,
                gconstpointer  data)
{
  XfStatsQuery query = on_reference_date ();
  g_autoptr(XfStatsTable) table = count (fixture, XF_STATS_TIER, XF_STATS_GENDER, &query);
  /* rows national … cultivation; columns male, female, unknown */
  static const gint64 expected[5][3] = {
    { 1, 0, 0 }, { 0, 1, 0 }, { 1, 0, 1 }, { 1, 1, 1 }, { 1, 1, 1 },
  };

  g_assert_cmpuint (xf_stats_table_n_rows (table), ==, 5);
  g_assert_cmpuint (xf_stats_table_n_columns (table), ==, 3);
  g_assert_cmpstr (g_ptr_array_index (table->column_keys, 0), ==, "male");
  g_assert_cmpstr (g_ptr_array_index (table->column_keys, 2), ==, "");
  for (guint row = 0; row < 5; row++)
    for (guint column = 0; column < 3; column++)
      g_assert_cmpint (xf_stats_table_get (table, row, column), ==, expected[row][column]);
  g_assert_cmpint (table->total, ==, 10);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  struct { XfStatsDimension dimension; const char *key; gint64 expected; } cases[] = {
    { XF_STATS_INDUSTRY, "C", 4 },
    { XF_STATS_INDUSTRY, "", 1 },
    { XF_STATS_REGION, "330502", 4 },
    { XF_STATS_REGION, "330502001", 2 },
    { XF_STATS_REGION, "3305", 9 },
    { XF_STATS_CONTRIBUTION, "innovation", 2 },
    { XF_STATS_CONTRIBUTION, "other", 2 },
    { XF_STATS_AGE, "<30", 2 },
    { XF_STATS_AGE, "30-39", 2 },
    { XF_STATS_TIER, "county", 3 },
    { XF_STATS_ORGANISATION, "union", 4 },
    { XF_STATS_ORGANISATION, "", 3 },
    { XF_STATS_EDUCATION, "bachelor", 2 },
    { XF_STATS_GENDER, "female", 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      XfStatsQuery query = on_reference_date ();
      g_autoptr(XfStatsTable) table = NULL;

      query.filters[cases[i].dimension] = cases[i].key;
      table = count (fixture, XF_STATS_TIER, XF_STATS_NONE, &query);
      g_test_message ("%s = “%s”", xf_stats_dimension_to_string (cases[i].dimension), cases[i].key);
      g_assert_cmpint (table->total, ==, cases[i].expected);
    }

  /* Two filters at once, and a kind. */
  {
    XfStatsQuery query = on_reference_date ();
    g_autoptr(XfStatsTable) table = NULL;

    query.filters[XF_STATS_ORGANISATION] = "union";
    query.filters[XF_STATS_GENDER] = "male";
    table = count (fixture, XF_STATS_AGE, XF_STATS_NONE, &query);
    assert_rows (table, "<30=2 30-39=0 40-49=0 50-59=0 60+=0");
  }
  {
    XfStatsQuery query = on_reference_date ();
    g_autoptr(XfStatsTable) table = NULL;

    query.kind = "collective";
    table = count (fixture, XF_STATS_INDUSTRY, XF_STATS_NONE, &query);
    assert_rows (table, "C=1 E=1");
  }
}

static void
test_dates_and_archive (Fixture       *fixture,
                        gconstpointer  data)
{
  XfStatsQuery query = on_reference_date ();
  g_autoptr(XfStatsTable) archived = NULL;
  g_autoptr(XfStatsTable) later = NULL;
  g_autoptr(XfStatsTable) entered = NULL;
  g_autoptr(XfStatsTable) before = NULL;
  g_autoptr(XfStatsTable) today = NULL;
  g_autoptr(XfStatsTable) townships = NULL;

  query.include_archived = TRUE;
  archived = count (fixture, XF_STATS_TIER, XF_STATS_NONE, &query);
  g_assert_cmpint (archived->total, ==, 11);
  assert_rows (archived, "national=2 provincial=1 city=2 county=3 cultivation=3");

  query = on_reference_date ();
  query.reference_date = "2026-07-01";
  later = count (fixture, XF_STATS_AGE, XF_STATS_NONE, &query);
  g_assert_cmpint (later->total, ==, 11);
  /* On 07-01 甲 is 30, and 癸 (born 1970) 56. */
  assert_rows (later, "<30=1 30-39=3 40-49=1 50-59=2 60+=1 =3");

  query.entered_from = "2026-07-01";
  entered = count (fixture, XF_STATS_TIER, XF_STATS_NONE, &query);
  g_assert_cmpint (entered->total, ==, 1);

  query = on_reference_date ();
  query.reference_date = "2026-02-28";
  before = count (fixture, XF_STATS_TIER, XF_STATS_NONE, &query);
  g_assert_cmpint (before->total, ==, 0);
  g_assert_cmpuint (xf_stats_table_n_rows (before), ==, 5);

  /* Without a date: today, every active file entered so far. */
  today = count (fixture, XF_STATS_TIER, XF_STATS_NONE, NULL);
  g_assert_cmpint (today->total, ==, 11);

  query = on_reference_date ();
  query.region_level = 9;
  query.filters[XF_STATS_REGION] = "330502";
  townships = count (fixture, XF_STATS_REGION, XF_STATS_NONE, &query);
  assert_rows (townships, "330502=1 330502001=2 330502002=1");
}

static void
test_bad_queries (Fixture       *fixture,
                  gconstpointer  data)
{
  struct { XfStatsDimension dimension; const char *key; const char *field; } filters[] = {
    { XF_STATS_INDUSTRY, "Z", "Industry" },
    { XF_STATS_AGE, "20-29", "Age" },
    { XF_STATS_GENDER, "other", "Gender" },
    { XF_STATS_TIER, "", "Tier" },
    { XF_STATS_CONTRIBUTION, "sports", "Contribution" },
    { XF_STATS_ORGANISATION, "nobody", "Organisation" },
    { XF_STATS_REGION, "4401", "Region" },
    { XF_STATS_EDUCATION, "kindergarten", "Education" },
  };
  struct { const char *reference, *entered, *kind; int level; const char *field; } others[] = {
    { "2026-02-30", NULL, NULL, 0, "Reference date" },
    { "20260630", NULL, NULL, 0, "Reference date" },
    { NULL, "2026-13-01", NULL, 0, "Entered from" },
    { NULL, NULL, "robot", 0, "Kind" },
    { NULL, NULL, NULL, 7, "Region level" },
  };

  _xf_reference_set_language_for_tests ("en");
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      XfStatsQuery query = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(XfStatsTable) table = NULL;

      query.filters[filters[i].dimension] = filters[i].key;
      table = xf_stats_count (fixture->stats, XF_STATS_TIER, XF_STATS_NONE, &query, &error);
      g_assert_null (table);
      g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, filters[i].field));
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      XfStatsQuery query = { .reference_date = others[i].reference, .entered_from = others[i].entered,
                             .kind = others[i].kind, .region_level = others[i].level };
      g_autoptr(GError) error = NULL;
      g_autoptr(XfStatsTable) table = NULL;

      table = xf_stats_count (fixture->stats, XF_STATS_TIER, XF_STATS_NONE, &query, &error);
      g_assert_null (table);
      g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, others[i].field));
    }
  _xf_reference_set_language_for_tests (NULL);
}

static void
test_dimension_names (void)
{
  for (int i = 0; i < XF_STATS_N_DIMENSIONS; i++)
    {
      g_assert_cmpint (xf_stats_dimension_from_string (xf_stats_dimension_to_string (i)), ==, i);
      g_assert_nonnull (xf_stats_dimension_label (i));
    }
  g_assert_cmpint (xf_stats_dimension_from_string ("colour"), ==, XF_STATS_NONE);
  g_assert_cmpstr (xf_stats_dimension_to_string (XF_STATS_REGION), ==, "region");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/core/stats/dimensions", test_dimensions);
  ADD ("/core/stats/labels", test_labels);
  ADD ("/core/stats/cross-tab", test_cross_tab);
  ADD ("/core/stats/filters", test_filters);
  ADD ("/core/stats/dates-and-archive", test_dates_and_archive);
  ADD ("/core/stats/bad-queries", test_bad_queries);
#undef ADD
  g_test_add_func ("/core/stats/dimension-names", test_dimension_names);

  return g_test_run ();
}
