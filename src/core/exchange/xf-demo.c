/* xf-demo.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-demo"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "xf-demo.h"
#include "xf-demo-private.h"
#include "xf-error.h"
#include "xf-reference.h"
#include "xf-registry.h"

/*
 * The writer: one transaction, prepared statements reused for every row,
 * and the full-text index rebuilt once at the end instead of row by row.
 */

#define N_LEVELS 4
static const char * const levels[N_LEVELS] = { "national", "provincial", "city", "county" };
#define LEVEL_NONE N_LEVELS
#define TIER_CULTIVATION "cultivation"
#define MAX_HONOURS 4

typedef struct
{
  const char *title;
  guint       level;
  int         year;
  char        body[128];
  char        certificate[40];
  char        uid[37];
} DemoHonour;

typedef struct
{
  XfDb          *db;
  XfDemoRng      rng;
  XfDemoPlaces  *places;
  XfDemoIdSet   *ids;
  GHashTable    *credit_codes;      /* set of codes given out */
  GHashTable    *organisation_ids;  /* code → gint64 id */
  GPtrArray     *titles[N_LEVELS];  /* individuals: (element-type XfReferenceItem) */
  GPtrArray     *collective_titles[N_LEVELS];  /* char*; county level: by county below */
  GPtrArray     *county_titles;     /* per county: GPtrArray of char* */
  XfDbStmt      *insert_pioneer;
  XfDbStmt      *insert_honour;
  guint          certificate_serial;
  DemoHonour     honours[MAX_HONOURS];
  guint          n_honours;
} Generator;

static void
generator_clear (Generator *gen)
{
  g_clear_pointer (&gen->places, _xf_demo_places_free);
  g_clear_pointer (&gen->ids, _xf_demo_id_set_free);
  g_clear_pointer (&gen->credit_codes, g_hash_table_unref);
  g_clear_pointer (&gen->organisation_ids, g_hash_table_unref);
  for (guint i = 0; i < N_LEVELS; i++)
    {
      g_clear_pointer (&gen->titles[i], g_ptr_array_unref);
      g_clear_pointer (&gen->collective_titles[i], g_ptr_array_unref);
    }
  g_clear_pointer (&gen->county_titles, g_ptr_array_unref);
  g_clear_pointer (&gen->insert_pioneer, xf_db_stmt_free);
  g_clear_pointer (&gen->insert_honour, xf_db_stmt_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Generator, generator_clear)

void
xf_demo_options_init (XfDemoOptions *options)
{
  g_return_if_fail (options != NULL);

  options->pioneers = XF_DEMO_DEFAULT_PIONEERS;
  options->collectives = XF_DEMO_DEFAULT_COLLECTIVES;
  options->seed = 1;
}

/*
 * Honour titles
 */

static guint
level_index (const char *level)
{
  for (guint i = 0; i < N_LEVELS; i++)
    if (g_strcmp0 (levels[i], level) == 0)
      return i;
  return LEVEL_NONE;
}

static void
load_titles (Generator   *gen,
             XfReference *reference)
{
  GPtrArray *items = xf_reference_get_items (reference, XF_REFERENCE_HONOUR_TITLES);
  const char *city = gen->places->city_name;

  for (guint i = 0; i < N_LEVELS; i++)
    {
      gen->titles[i] = g_ptr_array_new ();
      gen->collective_titles[i] = g_ptr_array_new_with_free_func (g_free);
    }
  for (guint i = 0; i < items->len; i++)
    {
      const XfReferenceItem *item = g_ptr_array_index (items, i);
      guint level = level_index (item->extra);

      if (level != LEVEL_NONE)
        g_ptr_array_add (gen->titles[level], (gpointer) item);
    }

  /* The reference titles are for persons; advanced collectives receive
   * banners and plaques, named after the conferring city or county. */
  g_ptr_array_add (gen->collective_titles[0], g_strdup ("全国五一劳动奖状"));
  g_ptr_array_add (gen->collective_titles[0], g_strdup ("全国工人先锋号"));
  g_ptr_array_add (gen->collective_titles[0], g_strdup ("全国青年文明号"));
  g_ptr_array_add (gen->collective_titles[0], g_strdup ("全国三八红旗集体"));
  g_ptr_array_add (gen->collective_titles[1], g_strdup ("浙江省五一劳动奖状"));
  g_ptr_array_add (gen->collective_titles[1], g_strdup ("浙江省工人先锋号"));
  g_ptr_array_add (gen->collective_titles[1], g_strdup ("浙江省青年文明号"));
  g_ptr_array_add (gen->collective_titles[1], g_strdup ("浙江省先进集体"));
  g_ptr_array_add (gen->collective_titles[2], g_strdup_printf ("%s五一劳动奖状", city));
  g_ptr_array_add (gen->collective_titles[2], g_strdup_printf ("%s工人先锋号", city));
  g_ptr_array_add (gen->collective_titles[2], g_strdup_printf ("%s青年文明号", city));
  g_ptr_array_add (gen->collective_titles[2], g_strdup_printf ("%s先进集体", city));

  gen->county_titles = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < gen->places->counties->len; i++)
    {
      const XfDemoCounty *county = g_ptr_array_index (gen->places->counties, i);
      GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (titles, g_strdup_printf ("%s工人先锋号", county->name));
      g_ptr_array_add (titles, g_strdup_printf ("%s先进集体", county->name));
      g_ptr_array_add (titles, g_strdup_printf ("%s青年文明号", county->name));
      g_ptr_array_add (gen->county_titles, titles);
    }
}

/* Whether a person may hold the title: women's and youth honours, and a
 * county's own title only in that county. */
static gboolean
title_fits (Generator             *gen,
            const XfReferenceItem *title,
            const XfDemoRecord    *record,
            int                    year)
{
  const char *name = title->name_zh;
  int birth_year = atoi (record->birth_date);

  if (strstr (name, "三八") != NULL && record->male)
    return FALSE;
  if (strstr (name, "五四") != NULL && year - birth_year > 40)
    return FALSE;
  for (guint i = 0; i < gen->places->counties->len; i++)
    {
      const XfDemoCounty *county = g_ptr_array_index (gen->places->counties, i);

      if (county != record->county && g_str_has_prefix (name, county->short_name))
        return FALSE;
    }
  return TRUE;
}

static void
conferring_body (Generator          *gen,
                 const XfDemoRecord *record,
                 const char         *title,
                 guint               level,
                 char               *out,
                 gsize               size)
{
  static const char * const national[] = {
    "中华全国总工会", "共青团中央", "全国妇联", "人力资源和社会保障部", "中共中央、国务院",
  };
  static const char * const province[] = {
    "浙江省总工会", "共青团浙江省委", "浙江省妇联", "浙江省人力资源和社会保障厅", "浙江省人民政府",
  };
  static const char * const local[] = { "总工会", "", "妇联", "人力资源和社会保障局", "人民政府" };
  guint who;

  if (strstr (title, "五一") != NULL || strstr (title, "工人先锋号") != NULL)
    who = 0;
  else if (strstr (title, "五四") != NULL || strstr (title, "青年文明号") != NULL)
    who = 1;
  else if (strstr (title, "三八") != NULL)
    who = 2;
  else if (strstr (title, "技术能手") != NULL)
    who = 3;
  else
    who = 4;

  if (level == 0)
    g_strlcpy (out, national[who], size);
  else if (level == 1)
    g_strlcpy (out, province[who], size);
  else if (who == 1)
    g_snprintf (out, size, "共青团%s委", level == 2 ? gen->places->city_name : record->county->name);
  else
    g_snprintf (out, size, "%s%s", level == 2 ? gen->places->city_name : record->county->name,
                local[who]);
}

/* national 2 %, provincial 8 %, city 25 %, county 40 %, none 25 %. */
static guint
pick_top_level (XfDemoRng *rng)
{
  guint32 roll = _xf_demo_rng_below (rng, 1000);

  if (roll < 20)
    return 0;
  if (roll < 100)
    return 1;
  if (roll < 350)
    return 2;
  if (roll < 750)
    return 3;
  return LEVEL_NONE;
}

static int
compare_honours (gconstpointer a,
                 gconstpointer b)
{
  const DemoHonour *ha = a;
  const DemoHonour *hb = b;

  if (ha->year != hb->year)
    return ha->year < hb->year ? -1 : 1;
  return (int) hb->level - (int) ha->level;  /* lower honour first within a year */
}

static const char *
pick_title (Generator          *gen,
            const XfDemoRecord *record,
            guint               level,
            int                 year)
{
  XfDemoRng *rng = &gen->rng;

  if (record->collective_kind != NULL)
    {
      GPtrArray *titles = gen->collective_titles[level];

      if (level == 3)
        for (guint i = 0; i < gen->places->counties->len; i++)
          if (g_ptr_array_index (gen->places->counties, i) == record->county)
            titles = g_ptr_array_index (gen->county_titles, i);
      if (titles->len == 0)
        return NULL;
      return g_ptr_array_index (titles, _xf_demo_rng_below (rng, titles->len));
    }

  if (gen->titles[level]->len == 0)
    return NULL;
  for (guint attempt = 0; attempt < 12; attempt++)
    {
      const XfReferenceItem *item = g_ptr_array_index (gen->titles[level],
                                                       _xf_demo_rng_below (rng, gen->titles[level]->len));
      if (title_fits (gen, item, record, year))
        return item->name_zh;
    }
  return NULL;
}

/* Fills gen->honours for one file; returns the tier it earns. */
static guint
make_honours (Generator          *gen,
              const XfDemoRecord *record)
{
  static const guint extra_weights[] = { 450, 300, 170, 80 };
  XfDemoRng *rng = &gen->rng;
  guint top = pick_top_level (rng);
  guint wanted = 1;
  int first_year = 2005;
  guint best = LEVEL_NONE;
  guint32 roll;

  gen->n_honours = 0;
  if (top == LEVEL_NONE)
    return LEVEL_NONE;

  roll = _xf_demo_rng_below (rng, 1000);
  for (guint i = 1; i < G_N_ELEMENTS (extra_weights) && roll >= extra_weights[i - 1]; i++)
    {
      roll -= extra_weights[i - 1];
      wanted++;
    }
  if (record->collective_kind == NULL)
    first_year = MAX (first_year, atoi (record->birth_date) + 20);
  first_year = MIN (first_year, 2026);

  for (guint i = 0; i < wanted; i++)
    {
      DemoHonour *honour = &gen->honours[gen->n_honours];
      guint level = i == 0 ? top : (guint) _xf_demo_rng_range (rng, (int) top, N_LEVELS - 1);
      int year = _xf_demo_rng_range (rng, first_year, 2026);
      const char *title;
      gboolean repeated = FALSE;

      /* National model workers are honoured every five years. */
      if (level == 0 && year % 5 != 0)
        {
          int down = year - year % 5;
          int up = down + 5;

          if (down >= first_year)
            year = down;
          else if (up <= 2025)
            year = up;
        }
      title = pick_title (gen, record, level, year);
      if (title == NULL)
        continue;
      for (guint j = 0; j < gen->n_honours; j++)
        repeated |= g_str_equal (gen->honours[j].title, title);
      if (repeated)
        continue;

      honour->title = title;
      honour->level = level;
      honour->year = year;
      conferring_body (gen, record, title, level, honour->body, sizeof honour->body);
      _xf_demo_make_uid (rng, honour->uid);
      if (level == 0)
        g_snprintf (honour->certificate, sizeof honour->certificate, "QG-%d-%05u",
                    year, _xf_demo_rng_below (rng, 100000));
      else
        {
          const char *city_code = xf_reference_city_code (gen->places->reference);

          g_snprintf (honour->certificate, sizeof honour->certificate, "%.2s%s-%d-%06u",
                      level == 3 ? record->county->code : city_code,
                      level == 1 ? "0000" : level == 2 ? city_code + 2 : record->county->code + 2,
                      year, ++gen->certificate_serial % 1000000);
        }
      best = MIN (best, level);
      gen->n_honours++;
    }
  qsort (gen->honours, gen->n_honours, sizeof (DemoHonour), compare_honours);
  return best;
}

/*
 * Organisations
 */

static gboolean
load_organisation_ids (Generator  *gen,
                       GError    **error)
{
  g_autoptr(XfDbStmt) stmt = NULL;
  XfDbStep step;

  gen->organisation_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stmt = xf_db_prepare (gen->db, "SELECT code, id FROM organisations", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    g_hash_table_insert (gen->organisation_ids, xf_db_stmt_dup_text (stmt, 0),
                         g_memdup2 (&(gint64) { xf_db_stmt_column_int64 (stmt, 1) }, sizeof (gint64)));
  return step == XF_DB_STEP_DONE;
}

/*
 * Writing
 */

static gboolean
prepare_statements (Generator  *gen,
                    GError    **error)
{
  gen->insert_pioneer =
    xf_db_prepare (gen->db,
                   "INSERT INTO pioneers (uid, kind, name, gender, birth_date, ethnicity, education, "
                   "political_status, id_number, mobile, employer, position, credit_code, "
                   "collective_kind, leader, size, industry, region_code, organisation_id, tier, "
                   "tier_rank, skills, tags, introduction, deeds, contribution, status, "
                   "archive_reason, honours_count, created_at, updated_at) "
                   "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, "
                   "$17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31)",
                   error);
  if (gen->insert_pioneer == NULL)
    return FALSE;
  gen->insert_honour =
    xf_db_prepare (gen->db,
                   "INSERT INTO honours (uid, pioneer_id, title, level, year, conferring_body, "
                   "certificate_no, created_at, updated_at) "
                   "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
                   error);
  return gen->insert_honour != NULL;
}

static gboolean
write_record (Generator     *gen,
              XfDemoRecord  *record,
              GError       **error)
{
  XfDbStmt *stmt = gen->insert_pioneer;
  gboolean collective = record->collective_kind != NULL;
  guint best = make_honours (gen, record);
  const gint64 *organisation_id = g_hash_table_lookup (gen->organisation_ids, record->organisation);
  const char *tier;
  gint64 pioneer_id;

  xf_db_stmt_bind_text (stmt, 1, record->uid);
  xf_db_stmt_bind_text (stmt, 2, collective ? "collective" : "individual");
  xf_db_stmt_bind_text (stmt, 3, record->name->str);
  if (!collective)
    {
      xf_db_stmt_bind_text (stmt, 4, record->male ? "male" : "female");
      xf_db_stmt_bind_text (stmt, 5, record->birth_date);
      xf_db_stmt_bind_text (stmt, 6, record->ethnicity);
      xf_db_stmt_bind_text (stmt, 7, record->education);
      xf_db_stmt_bind_text (stmt, 8, record->political_status);
      xf_db_stmt_bind_text (stmt, 9, record->id_number);
      xf_db_stmt_bind_text (stmt, 10, record->mobile);
      xf_db_stmt_bind_text (stmt, 11, record->employer->str);
      xf_db_stmt_bind_text (stmt, 12, record->position);
    }
  else
    {
      xf_db_stmt_bind_text (stmt, 13, record->credit_code);
      xf_db_stmt_bind_text (stmt, 14, _xf_demo_collective_kind_label (record->collective_kind));
      xf_db_stmt_bind_text (stmt, 15, record->leader->str);
      xf_db_stmt_bind_int64 (stmt, 16, record->size);
    }
  xf_db_stmt_bind_text (stmt, 17, record->industry);
  xf_db_stmt_bind_text (stmt, 18, record->township->code);
  if (organisation_id != NULL)
    xf_db_stmt_bind_int64 (stmt, 19, *organisation_id);
  /* The registry's own rule: the highest honour gives the tier; none → cultivation. */
  tier = best == LEVEL_NONE ? TIER_CULTIVATION : xf_tier_for_honour_level (levels[best]);
  xf_db_stmt_bind_text (stmt, 20, tier);
  xf_db_stmt_bind_int64 (stmt, 21, xf_tier_rank (tier));
  xf_db_stmt_bind_text (stmt, 22, record->skills->str);
  xf_db_stmt_bind_text (stmt, 23, record->tags->str);
  xf_db_stmt_bind_text (stmt, 24, record->introduction->str);
  xf_db_stmt_bind_text (stmt, 25, record->deeds->str);
  xf_db_stmt_bind_text (stmt, 26, record->contribution->str);
  xf_db_stmt_bind_text (stmt, 27, record->status);
  xf_db_stmt_bind_text (stmt, 28, record->archive_reason);
  xf_db_stmt_bind_int64 (stmt, 29, gen->n_honours);
  xf_db_stmt_bind_int64 (stmt, 30, record->created_at);
  xf_db_stmt_bind_int64 (stmt, 31, record->updated_at);
  if (!xf_db_stmt_run (stmt, error))
    return FALSE;

  pioneer_id = xf_db_last_insert_id (gen->db);
  for (guint i = 0; i < gen->n_honours; i++)
    {
      const DemoHonour *honour = &gen->honours[i];
      XfDbStmt *h = gen->insert_honour;

      xf_db_stmt_bind_text (h, 1, honour->uid);
      xf_db_stmt_bind_int64 (h, 2, pioneer_id);
      xf_db_stmt_bind_text (h, 3, honour->title);
      xf_db_stmt_bind_text (h, 4, levels[honour->level]);
      xf_db_stmt_bind_int64 (h, 5, honour->year);
      xf_db_stmt_bind_text (h, 6, honour->body);
      xf_db_stmt_bind_text (h, 7, honour->certificate);
      xf_db_stmt_bind_int64 (h, 8, record->created_at);
      if (!xf_db_stmt_run (h, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  XfDemoProgressFunc func;
  gpointer           user_data;
  guint64            total;
  guint64            next;   /* report when done reaches this */
  guint64            rows;   /* rows to write; the rebuild counts as many again */
} Progress;

static void
progress_report (Progress *progress,
                 guint64   done)
{
  if (progress->func == NULL || (done < progress->next && done < progress->total))
    return;
  progress->func (done, progress->total, progress->user_data);
  progress->next = done + MAX (progress->total / 100, 1);
}

/* The rebuild after the rows takes about as long as writing them; the
 * commit takes the last tenth of that. */
static void
rebuild_step_cb (double   fraction,
                 gpointer user_data)
{
  Progress *progress = user_data;

  progress_report (progress, progress->rows + (guint64) (fraction * 0.9 * progress->rows));
}

static gboolean
generate_rows (Generator     *gen,
               guint          n,
               gboolean       collectives,
               Progress      *progress,
               guint64       *done,
               GCancellable  *cancellable,
               GError       **error)
{
  XfDemoRecord record;
  gboolean ok = TRUE;

  _xf_demo_record_init (&record);
  for (guint i = 0; i < n && ok; i++)
    {
      if (i % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      if (collectives)
        _xf_demo_make_collective (&gen->rng, gen->places, gen->credit_codes, &record);
      else
        _xf_demo_make_individual (&gen->rng, gen->places, gen->ids, &record);
      ok = write_record (gen, &record, error);
      progress_report (progress, ++*done);
    }
  _xf_demo_record_clear (&record);
  return ok;
}

static gboolean
generate_in_transaction (Generator     *gen,
                         guint          n_pioneers,
                         guint          n_collectives,
                         Progress      *progress,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(XfDemoBulk) bulk = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint64 done = 0;

  if (!load_organisation_ids (gen, error))
    return FALSE;
  bulk = _xf_demo_bulk_begin (gen->db, error);
  if (bulk == NULL || !prepare_statements (gen, error))
    return FALSE;

  if (!generate_rows (gen, n_pioneers, FALSE, progress, &done, cancellable, error) ||
      !generate_rows (gen, n_collectives, TRUE, progress, &done, cancellable, error))
    return FALSE;
  g_debug ("Wrote %u individuals and %u collectives in %.2f s", n_pioneers, n_collectives,
           g_timer_elapsed (timer, NULL));
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!_xf_demo_bulk_finish (bulk, rebuild_step_cb, progress, error))
    return FALSE;
  return TRUE;
}

/**
 * xf_demo_generate:
 * @store: an open store whose registry is empty
 * @options: (nullable): sizes and seed; %NULL for the defaults
 * @progress: (nullable) (scope call): called with rows done and the total
 *
 * Fills the registry with demo individuals and collectives, their honours
 * and tiers, in one transaction. Refuses a registry that already has
 * pioneers (XF_ERROR_WORKFLOW); on error or cancellation nothing is written.
 *
 * Returns: %TRUE on success
 */
gboolean
xf_demo_generate (XfStore              *store,
                  const XfDemoOptions  *options,
                  XfDemoProgressFunc    progress,
                  gpointer              user_data,
                  GCancellable         *cancellable,
                  GError              **error)
{
  g_auto(Generator) gen = { 0 };
  g_autoptr(XfReference) reference = NULL;
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfAccount) setup = NULL;
  XfDemoOptions defaults;
  Progress report = { progress, user_data, 0, 0, 0 };
  gint64 existing;
  gint64 cache_size = 0;
  gboolean sqlite;
  gboolean ok;

  g_return_val_if_fail (XF_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      xf_demo_options_init (&defaults);
      options = &defaults;
    }
  gen.db = xf_store_get_db (store);

  existing = xf_db_query_int64 (gen.db, "SELECT count(*) FROM pioneers", -1, error);
  if (existing < 0)
    return FALSE;
  if (existing > 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The database already has %lld pioneer; "
                                "demo data goes only into an empty database",
                                "The database already has %lld pioneers; "
                                "demo data goes only into an empty database",
                                (gulong) existing),
                   (long long) existing);
      return FALSE;
    }

  /* The registry loads the organisations in a transaction of its own;
   * they are reference data, kept even if the demo fails later. Loading
   * them is setup, which any actor may do. */
  setup = xf_account_new_local_administrator ();
  registry = xf_registry_new (store, setup);
  if (!xf_registry_ensure_organisations (registry, error))
    return FALSE;

  reference = xf_reference_get_default (error);
  if (reference == NULL)
    return FALSE;
  g_object_ref (reference);  /* transfer none; keep it for the run */
  gen.places = _xf_demo_places_new (reference, error);
  if (gen.places == NULL)
    return FALSE;
  _xf_demo_rng_seed (&gen.rng, options->seed);
  gen.ids = _xf_demo_id_set_new ();
  gen.credit_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  load_titles (&gen, reference);

  report.rows = (guint64) options->pioneers + options->collectives;
  report.total = 2 * report.rows;

  /* A bigger page cache keeps the indexes in memory while they grow; the
   * connection's own size comes back afterwards. Durability is untouched. */
  sqlite = xf_db_get_backend (gen.db) == XF_DB_BACKEND_SQLITE;
  if (sqlite)
    {
      cache_size = xf_db_query_int64 (gen.db, "PRAGMA cache_size", -2000, NULL);
      xf_db_exec (gen.db, "PRAGMA cache_size = -262144", NULL);
    }

  ok = xf_db_begin (gen.db, error) &&
       generate_in_transaction (&gen, options->pioneers, options->collectives,
                                &report, cancellable, error) &&
       xf_db_commit (gen.db, error);
  if (ok)
    progress_report (&report, report.total);
  else
    xf_db_rollback (gen.db);

  if (sqlite)
    {
      g_autofree char *restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);
      xf_db_exec (gen.db, restore, NULL);
    }
  return ok;
}
