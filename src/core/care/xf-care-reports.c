/* xf-care-reports.c — the care report: coverage and budget computed
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-care-private.h"
#include "xf-error.h"
#include "xf-reference.h"

/*
 * For each programme of a year: who was eligible (on 1 July, or on the
 * reference dates of the year's batches), invited and declined (batch
 * members), and served (care records), counted per county and per
 * organisation, with the money spent against the budget. The registry is
 * read once for every pioneer's county and organisation; the sets are
 * counted in memory.
 */

#define NO_PLACE "-"   /* the key of pioneers with no county or no organisation */

#define ID_KEY(id) GSIZE_TO_POINTER ((gsize) (id))
#define KEY_ID(key) ((gint64) GPOINTER_TO_SIZE (key))

typedef struct
{
  char *county;             /* a county code, or NO_PLACE */
  char *organisation;       /* an organisation code, or NO_PLACE */
  char *organisation_label;
} Place;

static void
place_free (Place *place)
{
  g_free (place->county);
  g_free (place->organisation);
  g_free (place->organisation_label);
  g_free (place);
}

/* One programme's people, as sets of pioneer ids. */
typedef struct
{
  GHashTable *eligible;
  GHashTable *invited;
  GHashTable *declined;     /* declined in so many words, not served */
  GHashTable *no_answer;    /* never answered (still invited, or declined at closing), not served */
  GHashTable *served;       /* id → fen spent on the person (as a pointer-sized integer) */
  gint64      spent;
} People;

static void
people_init (People *people)
{
  people->eligible = g_hash_table_new (NULL, NULL);
  people->invited = g_hash_table_new (NULL, NULL);
  people->declined = g_hash_table_new (NULL, NULL);
  people->no_answer = g_hash_table_new (NULL, NULL);
  people->served = g_hash_table_new (NULL, NULL);
  people->spent = 0;
}

static void
people_clear (People *people)
{
  g_clear_pointer (&people->eligible, g_hash_table_unref);
  g_clear_pointer (&people->invited, g_hash_table_unref);
  g_clear_pointer (&people->declined, g_hash_table_unref);
  g_clear_pointer (&people->no_answer, g_hash_table_unref);
  g_clear_pointer (&people->served, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (People, people_clear)

/*
 * Where everyone is
 */

static Place *
place_from_row (XfDbStmt *stmt)
{
  Place *place = g_new0 (Place, 1);
  const char *region = xf_db_stmt_column_text (stmt, 1);
  const char *code = xf_db_stmt_column_text (stmt, 2);
  const char *name_en = xf_db_stmt_column_text (stmt, 4);

  place->county = region != NULL && *region != '\0' ? xf_reference_region_county (region)
                                                     : g_strdup (NO_PLACE);
  place->organisation = g_strdup (code != NULL ? code : NO_PLACE);
  if (code == NULL)
    place->organisation_label = g_strdup (_("No organisation"));
  else if (!xf_reference_prefers_chinese () && name_en != NULL && *name_en != '\0')
    place->organisation_label = g_strdup (name_en);
  else
    place->organisation_label = xf_db_stmt_dup_text (stmt, 3);
  return place;
}

/* Pioneer id → (Place). */
static GHashTable *
load_places (XfCare  *self,
             GError **error)
{
  g_autoptr(GHashTable) places = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) place_free);
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = xf_repo_prepare (&self->repo,
                          "SELECT p.id, p.region_code, o.code, o.name, o.name_en FROM pioneers p"
                          " LEFT JOIN organisations o ON o.id = p.organisation_id", error);
  if (stmt == NULL)
    return NULL;
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    g_hash_table_insert (places, ID_KEY (xf_db_stmt_column_int64 (stmt, 0)), place_from_row (stmt));
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&places);
}

/*
 * A programme's people
 */

static GPtrArray *
reference_dates (XfCare      *self,
                 const char  *code,
                 int          year,
                 GError     **error)
{
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = xf_repo_prepare (&self->repo,
                          "SELECT DISTINCT b.reference_on FROM care_batches b"
                          " JOIN care_programmes g ON g.id = b.programme_id"
                          " WHERE g.code = $1 AND b.year = $2 AND b.status <> 'cancelled'"
                          " ORDER BY b.reference_on", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_text (stmt, 1, code);
  xf_db_stmt_bind_int64 (stmt, 2, year);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    g_ptr_array_add (dates, xf_db_stmt_dup_text (stmt, 0));
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  if (dates->len == 0)
    g_ptr_array_add (dates, g_strdup_printf ("%04d-07-01", year));
  return g_steal_pointer (&dates);
}

static gboolean
load_eligible (XfCare      *self,
               const char  *code,
               int          year,
               People      *people,
               GError     **error)
{
  g_autoptr(GPtrArray) dates = reference_dates (self, code, year, error);

  if (dates == NULL)
    return FALSE;
  for (guint i = 0; i < dates->len; i++)
    {
      g_autoptr(GPtrArray) eligible = xf_care_list_eligible (self, code, g_ptr_array_index (dates, i),
                                                             NULL, error);

      if (eligible == NULL)
        return FALSE;
      for (guint j = 0; j < eligible->len; j++)
        g_hash_table_add (people->eligible,
                          ID_KEY (((XfCareEligible *) g_ptr_array_index (eligible, j))->pioneer_id));
    }
  return TRUE;
}

static gboolean
load_members (XfCare      *self,
              const char  *code,
              int          year,
              People      *people,
              GError     **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = xf_repo_prepare (&self->repo,
                          "SELECT m.pioneer_id, m.status, m.answered_on IS NULL FROM care_batch_members m"
                          " JOIN care_batches b ON b.id = m.batch_id"
                          " JOIN care_programmes g ON g.id = b.programme_id"
                          " WHERE g.code = $1 AND b.year = $2 AND b.status <> 'cancelled'"
                          " AND m.status NOT IN ('listed', 'removed')", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, code);
  xf_db_stmt_bind_int64 (stmt, 2, year);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      gpointer key = ID_KEY (xf_db_stmt_column_int64 (stmt, 0));

      const char *status = xf_db_stmt_column_text (stmt, 1);
      gboolean unanswered = xf_db_stmt_column_int64 (stmt, 2) != 0;

      g_hash_table_add (people->invited, key);
      /* Closing a batch declines who never answered, without a date:
       * that is no answer, not a decline. */
      if (g_strcmp0 (status, XF_MEMBER_DECLINED) == 0 && !unanswered)
        g_hash_table_add (people->declined, key);
      else if (g_strcmp0 (status, XF_MEMBER_INVITED) == 0
               || (g_strcmp0 (status, XF_MEMBER_DECLINED) == 0 && unanswered))
        g_hash_table_add (people->no_answer, key);
    }
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE;
}

static gboolean
load_served (XfCare      *self,
             const char  *code,
             int          year,
             People      *people,
             GError     **error)
{
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", year);
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = xf_repo_prepare (&self->repo,
                          "SELECT r.pioneer_id, r.amount FROM care_records r"
                          " JOIN care_programmes g ON g.id = r.programme_id"
                          " WHERE g.code = $1 AND r.on_date >= $2 AND r.on_date <= $3", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, code);
  xf_db_stmt_bind_text (stmt, 2, first);
  xf_db_stmt_bind_text (stmt, 3, last);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      gpointer key = ID_KEY (xf_db_stmt_column_int64 (stmt, 0));
      gint64 amount = xf_db_stmt_column_int64 (stmt, 1);
      gint64 before = KEY_ID (g_hash_table_lookup (people->served, key));

      g_hash_table_insert (people->served, key, ID_KEY (before + amount));
      people->spent += amount;
    }
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE;
}

/*
 * Rows
 */

static XfCareReportRow *
new_row (const XfCareProgramme *programme,
         const char            *key,
         const char            *label)
{
  XfCareReportRow *row = g_new0 (XfCareReportRow, 1);

  row->programme_code = g_strdup (programme->code);
  row->programme_name = g_strdup (xf_care_programme_get_name (programme));
  row->key = g_strdup (key);
  row->label = g_strdup (label);
  return row;
}

static void
set_coverage (XfCareReportRow *row)
{
  row->coverage = row->eligible > 0 ? MIN (1.0, (double) row->served / row->eligible) : 0.0;
}

/* The row of @key in @rows (key → row), made when missing. */
static XfCareReportRow *
row_for (GHashTable            *rows,
         const XfCareProgramme *programme,
         const char            *key,
         const char            *label)
{
  XfCareReportRow *row = g_hash_table_lookup (rows, key);

  if (row == NULL)
    {
      row = new_row (programme, key, label);
      g_hash_table_insert (rows, row->key, row);
    }
  return row;
}

static const char *
county_label (const char *county)
{
  if (g_str_equal (county, NO_PLACE))
    return _("No region");
  return xf_reference_label (xf_reference_get_shared (), XF_REFERENCE_REGIONS, county);
}

static void
count_person (const People    *people,
              gpointer         key,
              XfCareReportRow *row)
{
  row->eligible += g_hash_table_contains (people->eligible, key);
  row->invited += g_hash_table_contains (people->invited, key);
  row->declined += g_hash_table_contains (people->declined, key);
  row->no_answer += g_hash_table_contains (people->no_answer, key);
  row->served += g_hash_table_contains (people->served, key);
  row->spent += KEY_ID (g_hash_table_lookup (people->served, key));
}

/* Everyone in any of @people's sets, once. */
static GHashTable *
everyone (const People *people)
{
  GHashTable *all = g_hash_table_new (NULL, NULL);
  GHashTable *sets[] = { people->eligible, people->invited, people->declined, people->no_answer, people->served };
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      g_hash_table_iter_init (&iter, sets[i]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (all, key);
    }
  return all;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const XfCareReportRow *x = *(const XfCareReportRow * const *) a;
  const XfCareReportRow *y = *(const XfCareReportRow * const *) b;
  gboolean x_none = g_str_equal (x->key, NO_PLACE);
  gboolean y_none = g_str_equal (y->key, NO_PLACE);

  if (x_none != y_none)
    return x_none - y_none;
  return strcmp (x->key, y->key);
}

/* Moves @rows' rows, sorted, to @out. */
static void
append_sorted (GPtrArray  *out,
               GHashTable *rows)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      set_coverage (row);
      g_ptr_array_add (sorted, row);
    }
  g_hash_table_steal_all (rows);
  g_ptr_array_sort (sorted, compare_rows);
  for (guint i = 0; i < sorted->len; i++)
    g_ptr_array_add (out, g_ptr_array_index (sorted, i));
}

static XfCareReportRow *
total_row (const XfCareProgramme *programme,
           const People          *people)
{
  XfCareReportRow *row = new_row (programme, "", _("All"));

  row->eligible = (int) g_hash_table_size (people->eligible);
  row->invited = (int) g_hash_table_size (people->invited);
  row->declined = (int) g_hash_table_size (people->declined);
  row->no_answer = (int) g_hash_table_size (people->no_answer);
  row->served = (int) g_hash_table_size (people->served);
  row->spent = people->spent;
  row->budget = programme->yearly_budget;
  row->quota = programme->yearly_quota;
  set_coverage (row);
  return row;
}

static void
add_rows (XfCareReport          *report,
          const XfCareProgramme *programme,
          const People          *people,
          GHashTable            *places)
{
  g_autoptr(GHashTable) all = everyone (people);
  g_autoptr(GHashTable) counties = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) organisations = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const Place *place = g_hash_table_lookup (places, key);
      const char *county = place != NULL ? place->county : NO_PLACE;
      const char *organisation = place != NULL ? place->organisation : NO_PLACE;
      const char *label = place != NULL ? place->organisation_label : _("No organisation");

      count_person (people, key, row_for (counties, programme, county, county_label (county)));
      count_person (people, key, row_for (organisations, programme, organisation, label));
    }
  append_sorted (report->by_region, counties);
  g_ptr_array_add (report->by_region, total_row (programme, people));
  append_sorted (report->by_organisation, organisations);
  g_ptr_array_add (report->by_organisation, total_row (programme, people));
  report->budget += programme->yearly_budget;
  report->spent += people->spent;
}

/* Each person once: served before declined, declined before no answer
 * (a decline in one batch and silence in another is a decline). */
static void
settle_answers (People *people)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, people->served);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_hash_table_remove (people->declined, key);
      g_hash_table_remove (people->no_answer, key);
    }
  g_hash_table_iter_init (&iter, people->declined);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_remove (people->no_answer, key);
}

static gboolean
report_programme (XfCare                *self,
                  XfCareReport          *report,
                  const XfCareProgramme *programme,
                  GHashTable            *places,
                  GError               **error)
{
  g_auto(People) people = { NULL, };

  people_init (&people);
  if (!load_eligible (self, programme->code, report->year, &people, error)
      || !load_members (self, programme->code, report->year, &people, error)
      || !load_served (self, programme->code, report->year, &people, error))
    return FALSE;
  settle_answers (&people);
  /* A programme no longer offered shows only when it served anyone that year. */
  if (programme->active || g_hash_table_size (people.served) > 0
      || g_hash_table_size (people.invited) > 0)
    add_rows (report, programme, &people, places);
  return TRUE;
}

static XfCareReport *
report_new (int year)
{
  XfCareReport *report = g_new0 (XfCareReport, 1);

  report->year = year;
  report->by_region = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_care_report_row_free);
  report->by_organisation = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_care_report_row_free);
  return report;
}

XfCareReport *
xf_care_report (XfCare      *self,
                int          year,
                GError     **error)
{
  g_autoptr(XfCareReport) report = NULL;
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(GHashTable) places = NULL;

  g_return_val_if_fail (XF_IS_CARE (self), NULL);

  if (year < 1949 || year > 9999)
    {
      /* Translators: %d is what was given as a year. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Year: %d is not a year of the registry"), year);
      return NULL;
    }
  programmes = xf_care_list_programmes (self, TRUE, error);
  if (programmes == NULL)
    return NULL;
  places = load_places (self, error);
  if (places == NULL)
    return NULL;
  report = report_new (year);
  for (guint i = 0; i < programmes->len; i++)
    if (!report_programme (self, report, g_ptr_array_index (programmes, i), places, error))
      return NULL;
  return g_steal_pointer (&report);
}
