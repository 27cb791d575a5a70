/* xf-care-eligibility.c — who a programme is for: eligibility lists, gaps
 *                         and saved gap views
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-calendar.h"
#include "xf-care-private.h"
#include "xf-error.h"
#include "xf-reference.h"
#include "xf-store.h"

/*
 * One pioneer's subject
 */

struct _XfCareSubjectHolder
{
  XfCareSubject  subject;
  char          *kind;
  char          *tier;
  char          *status;
  char          *birth_date;
  char          *region_code;
  char          *retired_on;
  GPtrArray     *levels;   /* NULL-terminated */
  GPtrArray     *titles;
};

static XfCareSubjectHolder *
holder_new (void)
{
  XfCareSubjectHolder *holder = g_new0 (XfCareSubjectHolder, 1);

  holder->levels = g_ptr_array_new_with_free_func (g_free);
  holder->titles = g_ptr_array_new_with_free_func (g_free);
  return holder;
}

void
_xf_care_subject_free (XfCareSubjectHolder *holder)
{
  if (holder == NULL)
    return;
  g_free (holder->kind);
  g_free (holder->tier);
  g_free (holder->status);
  g_free (holder->birth_date);
  g_free (holder->region_code);
  g_free (holder->retired_on);
  g_ptr_array_unref (holder->levels);
  g_ptr_array_unref (holder->titles);
  g_free (holder);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCareSubjectHolder, _xf_care_subject_free)

const XfCareSubject *
_xf_care_subject_get (XfCareSubjectHolder *holder)
{
  XfCareSubject *subject = &holder->subject;

  /* The arrays may have grown since: point at them now. */
  if (holder->levels->len == 0 || g_ptr_array_index (holder->levels, holder->levels->len - 1) != NULL)
    g_ptr_array_add (holder->levels, NULL);
  if (holder->titles->len == 0 || g_ptr_array_index (holder->titles, holder->titles->len - 1) != NULL)
    g_ptr_array_add (holder->titles, NULL);
  subject->kind = holder->kind;
  subject->tier = holder->tier;
  subject->status = holder->status;
  subject->birth_date = holder->birth_date;
  subject->region_code = holder->region_code;
  subject->retired_on = holder->retired_on;
  subject->honour_levels = (const char * const *) holder->levels->pdata;
  subject->honour_titles = (const char * const *) holder->titles->pdata;
  return subject;
}

#define SUBJECT_COLUMNS \
  "p.kind, p.tier, p.status, p.birth_date, p.region_code, c.retired_on, coalesce(c.hardship, 0)"
#define SUBJECT_FROM \
  " FROM pioneers p LEFT JOIN care_profiles c ON c.pioneer_id = p.id"

/* Fills @holder from the current row's first seven columns. */
static void
holder_take_row (XfCareSubjectHolder *holder,
                 XfDbStmt            *stmt,
                 int                  first)
{
  holder->kind = xf_db_stmt_dup_text (stmt, first);
  holder->tier = xf_db_stmt_dup_text (stmt, first + 1);
  holder->status = xf_db_stmt_dup_text (stmt, first + 2);
  holder->birth_date = xf_db_stmt_dup_text (stmt, first + 3);
  holder->region_code = xf_db_stmt_dup_text (stmt, first + 4);
  holder->retired_on = xf_db_stmt_dup_text (stmt, first + 5);
  holder->subject.hardship = xf_db_stmt_column_int64 (stmt, first + 6) != 0;
}

static gpointer
holder_from_row (XfDbStmt *stmt,
                 gpointer  user_data G_GNUC_UNUSED)
{
  XfCareSubjectHolder *holder = holder_new ();

  holder_take_row (holder, stmt, 0);
  return holder;
}

static gboolean
load_honours (XfCare               *self,
              XfCareSubjectHolder  *holder,
              gint64                pioneer_id,
              GError              **error)
{
  XfDbStmt *stmt = xf_repo_prepare (&self->repo,
                                    "SELECT level, title FROM honours WHERE pioneer_id = $1 ORDER BY year, id",
                                    error);
  XfDbStep step;

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, pioneer_id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      g_ptr_array_add (holder->levels, xf_db_stmt_dup_text (stmt, 0));
      g_ptr_array_add (holder->titles, xf_db_stmt_dup_text (stmt, 1));
    }
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE;
}

XfCareSubjectHolder *
_xf_care_subject_load (XfCare  *self,
                       gint64   pioneer_id,
                       GError **error)
{
  g_autoptr(XfCareSubjectHolder) holder = NULL;
  XfDbStmt *stmt;

  stmt = xf_repo_prepare (&self->repo, "SELECT " SUBJECT_COLUMNS SUBJECT_FROM " WHERE p.id = $1", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, pioneer_id);
  holder = xf_repo_fetch_one (&self->repo, stmt, holder_from_row, NULL, _("Pioneer"), pioneer_id, error);
  if (holder == NULL || !load_honours (self, holder, pioneer_id, error))
    return NULL;
  return g_steal_pointer (&holder);
}

/*
 * Eligibility lists
 *
 * The registry is read in pages of PAGE_SIZE pioneers by id, so neither
 * backend holds the whole result at once; the honours of everyone come
 * in one query beforehand (only when the rules look at honours), and
 * the last care record of the programme per pioneer in another.
 */

#define PAGE_SIZE  2000
#define MAX_GAP    20

typedef struct
{
  char     *last_on;        /* the latest record on or before the reference date */
  gboolean  this_year;
} Served;

static void
served_free (Served *served)
{
  g_free (served->last_on);
  g_free (served);
}

typedef struct
{
  XfCare            *self;
  XfCareProgramme   *programme;
  const char        *reference_on;
  const char        *region_prefix;
  GHashTable        *honours;     /* pioneer id (gint64 *) → XfCareSubjectHolder with only honours */
  GHashTable        *served;      /* pioneer id → Served */
  GPtrArray         *result;      /* XfCareEligible */
} Scan;

static void
scan_clear (Scan *scan)
{
  g_clear_pointer (&scan->programme, xf_care_programme_free);
  g_clear_pointer (&scan->honours, g_hash_table_unref);
  g_clear_pointer (&scan->served, g_hash_table_unref);
  g_clear_pointer (&scan->result, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scan, scan_clear)

static gboolean
wants_honours (const XfCareRules *rules)
{
  return (rules->honour_levels != NULL && *rules->honour_levels != NULL)
         || (rules->honour_titles != NULL && *rules->honour_titles != NULL);
}

static XfCareSubjectHolder *
honours_of (GHashTable *honours,
            gint64      pioneer_id)
{
  XfCareSubjectHolder *holder = g_hash_table_lookup (honours, &pioneer_id);

  if (holder == NULL)
    {
      gint64 *key = g_memdup2 (&pioneer_id, sizeof pioneer_id);

      holder = holder_new ();
      g_hash_table_insert (honours, key, holder);
    }
  return holder;
}

static gboolean
load_all_honours (Scan    *scan,
                  GError **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  scan->honours = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) _xf_care_subject_free);
  if (!wants_honours (scan->programme->rules))
    return TRUE;
  stmt = xf_repo_prepare (&scan->self->repo, "SELECT pioneer_id, level, title FROM honours"
                          " WHERE pioneer_id > $1 ORDER BY pioneer_id, year, id", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, 0);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfCareSubjectHolder *holder = honours_of (scan->honours, xf_db_stmt_column_int64 (stmt, 0));

      g_ptr_array_add (holder->levels, xf_db_stmt_dup_text (stmt, 1));
      g_ptr_array_add (holder->titles, xf_db_stmt_dup_text (stmt, 2));
    }
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE;
}

static gboolean
load_served (Scan    *scan,
             GError **error)
{
  g_autofree char *year_start = g_strdup_printf ("%.4s-01-01", scan->reference_on);
  XfDbStmt *stmt;
  XfDbStep step;

  scan->served = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) served_free);
  stmt = xf_repo_prepare (&scan->self->repo,
                          "SELECT r.pioneer_id, max(r.on_date) FROM care_records r"
                          " JOIN care_programmes p ON p.id = r.programme_id"
                          " WHERE p.code = $1 AND r.on_date <= $2 GROUP BY r.pioneer_id", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, scan->programme->code);
  xf_db_stmt_bind_text (stmt, 2, scan->reference_on);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      gint64 id = xf_db_stmt_column_int64 (stmt, 0);
      Served *served = g_new0 (Served, 1);

      served->last_on = xf_db_stmt_dup_text (stmt, 1);
      served->this_year = served->last_on != NULL && strcmp (served->last_on, year_start) >= 0;
      g_hash_table_insert (scan->served, g_memdup2 (&id, sizeof id), served);
    }
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE;
}

#define ELIGIBLE_COLUMNS \
  "p.id, p.uid, p.name, p.gender, o.name, o.name_en, " SUBJECT_COLUMNS
#define ELIGIBLE_FROM \
  SUBJECT_FROM " LEFT JOIN organisations o ON o.id = p.organisation_id"

static XfCareEligible *
eligible_from_row (Scan                *scan,
                   XfDbStmt            *stmt,
                   XfCareSubjectHolder *holder)
{
  XfCareEligible *eligible = g_new0 (XfCareEligible, 1);
  XfReference *reference = xf_reference_get_shared ();
  const char *org_zh = xf_db_stmt_column_text (stmt, 4);
  const char *org_en = xf_db_stmt_column_text (stmt, 5);
  Served *served;

  eligible->pioneer_id = xf_db_stmt_column_int64 (stmt, 0);
  eligible->uid = xf_db_stmt_dup_text (stmt, 1);
  eligible->name = xf_db_stmt_dup_text (stmt, 2);
  eligible->gender = xf_db_stmt_dup_text (stmt, 3);
  eligible->kind = g_strdup (holder->kind);
  eligible->tier = g_strdup (holder->tier);
  eligible->age = g_strcmp0 (holder->kind, "individual") == 0
                  ? xf_care_age_on (holder->birth_date, scan->reference_on) : -1;
  eligible->region_code = g_strdup (holder->region_code);
  xf_reference_ensure (reference, XF_REFERENCE_REGIONS, NULL);
  eligible->region_name = g_strdup (holder->region_code != NULL
                                    ? xf_reference_label (reference, XF_REFERENCE_REGIONS, holder->region_code)
                                    : "");
  if (!xf_reference_prefers_chinese () && org_en != NULL && *org_en != '\0')
    org_zh = org_en;
  eligible->organisation_name = g_strdup (org_zh != NULL ? org_zh : "");
  served = g_hash_table_lookup (scan->served, &eligible->pioneer_id);
  eligible->last_served_on = served != NULL ? g_strdup (served->last_on) : NULL;
  eligible->served_this_year = served != NULL && served->this_year;
  return eligible;
}

/* Checks the current row against the rules; adds it when it matches. */
static void
scan_row (Scan     *scan,
          XfDbStmt *stmt)
{
  g_autoptr(XfCareSubjectHolder) holder = holder_new ();
  gint64 id = xf_db_stmt_column_int64 (stmt, 0);
  XfCareSubjectHolder *honours = g_hash_table_lookup (scan->honours, &id);
  XfCareSubject subject;

  holder_take_row (holder, stmt, 6);
  subject = *_xf_care_subject_get (holder);
  if (honours != NULL)
    {
      const XfCareSubject *with = _xf_care_subject_get (honours);

      subject.honour_levels = with->honour_levels;
      subject.honour_titles = with->honour_titles;
    }
  if (xf_care_rules_match (scan->programme->rules, &subject, scan->reference_on, NULL))
    g_ptr_array_add (scan->result, eligible_from_row (scan, stmt, holder));
}

static gboolean
scan_pages (Scan    *scan,
            GError **error)
{
  g_autofree char *pattern = g_strconcat (scan->region_prefix != NULL ? scan->region_prefix : "", "%", NULL);
  gint64 last_id = 0;
  guint rows;

  do
    {
      XfDbStmt *stmt = xf_repo_prepare (&scan->self->repo, "SELECT " ELIGIBLE_COLUMNS ELIGIBLE_FROM
                                        " WHERE p.id > $1 AND coalesce(p.region_code, '') LIKE $2"
                                        " ORDER BY p.id LIMIT $3", error);
      XfDbStep step;

      if (stmt == NULL)
        return FALSE;
      xf_db_stmt_bind_int64 (stmt, 1, last_id);
      xf_db_stmt_bind_text (stmt, 2, pattern);
      xf_db_stmt_bind_int64 (stmt, 3, PAGE_SIZE);
      for (rows = 0; (step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW; rows++)
        {
          last_id = xf_db_stmt_column_int64 (stmt, 0);
          scan_row (scan, stmt);
        }
      xf_db_stmt_reset (stmt);
      if (step == XF_DB_STEP_ERROR)
        return FALSE;
    }
  while (rows == PAGE_SIZE);
  return TRUE;
}

static int
compare_by_region_and_name (gconstpointer a,
                            gconstpointer b)
{
  const XfCareEligible *x = *(XfCareEligible * const *) a;
  const XfCareEligible *y = *(XfCareEligible * const *) b;
  int order = g_strcmp0 (x->region_code, y->region_code);

  if (order == 0)
    order = g_strcmp0 (x->name, y->name);
  return order != 0 ? order : (x->pioneer_id > y->pioneer_id) - (x->pioneer_id < y->pioneer_id);
}

/* Everyone eligible, sorted by region and name; NULL on error. */
static GPtrArray *
scan_eligible (XfCare      *self,
               const char  *programme_code,
               const char  *reference_on,
               const char  *region_prefix,
               GError     **error)
{
  g_auto(Scan) scan = { self, NULL, reference_on, region_prefix, NULL, NULL, NULL };

  if (!xf_repo_check_somewhere (&self->repo, XF_OP_REGISTRY_READ, error)
      || !xf_repo_check_date (_("Reference date"), reference_on, TRUE, error)
      || !xf_repo_check_region_prefix (region_prefix, error))
    return NULL;
  scan.programme = xf_care_get_programme (self, programme_code, error);
  if (scan.programme == NULL || !load_all_honours (&scan, error) || !load_served (&scan, error))
    return NULL;
  scan.result = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_care_eligible_free);
  if (!scan_pages (&scan, error))
    return NULL;
  g_ptr_array_sort (scan.result, compare_by_region_and_name);
  return g_steal_pointer (&scan.result);
}

GPtrArray *
xf_care_list_eligible (XfCare      *self,
                       const char  *programme_code,
                       const char  *reference_on,
                       const char  *region_prefix,
                       GError     **error)
{
  g_autofree char *today = xf_repo_today ();

  g_return_val_if_fail (XF_IS_CARE (self), NULL);

  return scan_eligible (self, programme_code, reference_on != NULL ? reference_on : today,
                        region_prefix, error);
}

gboolean
xf_care_check_eligible (XfCare      *self,
                        const char  *programme_code,
                        gint64       pioneer_id,
                        const char  *reference_on,
                        gboolean    *eligible,
                        char       **reason,
                        GError     **error)
{
  g_autoptr(XfCareProgramme) programme = NULL;
  g_autoptr(XfCareSubjectHolder) holder = NULL;
  g_autofree char *today = xf_repo_today ();
  g_autofree char *why = NULL;
  gboolean matched;

  g_return_val_if_fail (XF_IS_CARE (self), FALSE);
  g_return_val_if_fail (eligible != NULL, FALSE);

  if (reference_on == NULL)
    reference_on = today;
  if (!xf_registry_check_id (self->registry, XF_OP_REGISTRY_READ, pioneer_id, error)
      || !xf_repo_check_date (_("Reference date"), reference_on, TRUE, error))
    return FALSE;
  programme = xf_care_get_programme (self, programme_code, error);
  if (programme == NULL || (holder = _xf_care_subject_load (self, pioneer_id, error)) == NULL)
    return FALSE;
  matched = xf_care_rules_match (programme->rules, _xf_care_subject_get (holder), reference_on, &why);
  *eligible = matched;
  if (reason != NULL)
    *reason = g_steal_pointer (&why);
  return TRUE;
}

/*
 * Gaps
 */

static int
compare_oldest_gap_first (gconstpointer a,
                          gconstpointer b)
{
  const XfCareEligible *x = *(XfCareEligible * const *) a;
  const XfCareEligible *y = *(XfCareEligible * const *) b;

  if ((x->last_served_on == NULL) != (y->last_served_on == NULL))
    return x->last_served_on == NULL ? -1 : 1;
  if (x->last_served_on != NULL && strcmp (x->last_served_on, y->last_served_on) != 0)
    return strcmp (x->last_served_on, y->last_served_on);
  return compare_by_region_and_name (a, b);
}

/* The day @years years before @date (29 February → 28 February). */
static char *
years_before (const char *date,
              int         years)
{
  GDate day;

  if (!xf_date_parse (date, &day))
    return NULL;
  g_date_subtract_years (&day, (guint) years);
  return xf_date_format (&day);
}

GPtrArray *
xf_care_list_gaps (XfCare      *self,
                   const char  *programme_code,
                   int          gap_years,
                   const char  *reference_on,
                   const char  *region_prefix,
                   GError     **error)
{
  g_autofree char *today = xf_repo_today ();
  g_autofree char *cutoff = NULL;
  g_autoptr(GPtrArray) eligible = NULL;
  g_autoptr(GPtrArray) gaps = NULL;

  g_return_val_if_fail (XF_IS_CARE (self), NULL);

  if (gap_years < 1 || gap_years > MAX_GAP)
    {
      /* Translators: the largest number of years, then what was given. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Years: from 1 to %d, not %d"), MAX_GAP, gap_years);
      return NULL;
    }
  eligible = xf_care_list_eligible (self, programme_code, reference_on, region_prefix, error);
  if (eligible == NULL)
    return NULL;
  cutoff = years_before (reference_on != NULL ? reference_on : today, gap_years);
  gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_care_eligible_free);
  for (guint i = 0; i < eligible->len; i++)
    {
      XfCareEligible *one = g_ptr_array_index (eligible, i);

      if (one->last_served_on == NULL || strcmp (one->last_served_on, cutoff) <= 0)
        g_ptr_array_add (gaps, g_steal_pointer (&eligible->pdata[i]));
    }
  g_ptr_array_sort (gaps, compare_oldest_gap_first);
  return g_steal_pointer (&gaps);
}

/*
 * Saved views
 *
 * Shared views (owner NULL) are seeded on the first read of an empty
 * table; their names are the English source strings, translated when read.
 */

#define MAX_VIEW_NAME 100

static const struct
{
  const char *name;
  const char *programme_code;
  int         gap_years;
} shared_views[] = {
  { N_("No health check for two years"), "health-check", 2 },
  { N_("No recuperation trip for five years"), "recuperation", 5 },
};

static gpointer
view_from_row (XfDbStmt *stmt,
               gpointer  user_data G_GNUC_UNUSED)
{
  XfCareView *view = xf_care_view_new ();

  view->id = xf_db_stmt_column_int64 (stmt, 0);
  view->uid = xf_db_stmt_dup_text (stmt, 1);
  view->owner = xf_db_stmt_dup_text (stmt, 6);
  g_free (view->name);
  view->name = g_strdup (view->owner == NULL ? _(xf_db_stmt_column_text (stmt, 2))
                                             : xf_db_stmt_column_text (stmt, 2));
  view->programme_code = xf_db_stmt_dup_text (stmt, 3);
  view->gap_years = (int) xf_db_stmt_column_int64 (stmt, 4);
  view->region_code = xf_db_stmt_dup_text (stmt, 5);
  return view;
}

/* Returns the new view's id, 0 on error. */
static gint64
insert_view (XfCare            *self,
             const XfCareView  *view,
             gint64             programme_id,
             GError           **error)
{
  gint64 id;
  g_autofree char *uid = xf_store_new_uid ();
  XfDbStmt *stmt = xf_repo_prepare (&self->repo,
    "INSERT INTO care_views (uid, name, programme_id, gap_years, region_code, owner, created_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7)", error);

  if (stmt == NULL)
    return 0;
  xf_db_stmt_bind_text (stmt, 1, uid);
  xf_db_stmt_bind_text (stmt, 2, view->name);
  xf_db_stmt_bind_int64 (stmt, 3, programme_id);
  xf_db_stmt_bind_int64 (stmt, 4, view->gap_years);
  xf_repo_bind_text_or_null (stmt, 5, view->region_code);
  xf_repo_bind_text_or_null (stmt, 6, view->owner);
  xf_db_stmt_bind_int64 (stmt, 7, xf_repo_now ());
  if (!xf_db_stmt_run (stmt, error))
    return 0;
  id = xf_db_last_insert_id (self->repo.db);
  if (!xf_repo_audit (&self->repo, XF_AUDIT_CREATE, XF_RECORD_CARE_VIEW, uid, view->name,
                      NULL, NULL, view->programme_code, error))
    return 0;
  return id;
}

static gboolean
seed_views (XfCare  *self,
            GError **error)
{
  gboolean ok = TRUE;
  gint64 count = 0;

  if (!xf_repo_query_int64 (&self->repo, "SELECT count(*) FROM care_views WHERE id > $1", 0, &count, error))
    return FALSE;
  if (count > 0 || xf_db_is_read_only (self->repo.db))
    return TRUE;
  if (!xf_repo_begin (&self->repo, error))
    return FALSE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (shared_views); i++)
    {
      g_autoptr(XfCareView) view = xf_care_view_new ();
      gint64 programme_id = _xf_care_programme_id (self, shared_views[i].programme_code, TRUE, NULL);

      if (programme_id == 0)
        continue;   /* the catalogue no longer has it */
      g_free (view->name);
      view->name = g_strdup (shared_views[i].name);
      view->programme_code = g_strdup (shared_views[i].programme_code);
      view->gap_years = shared_views[i].gap_years;
      ok = insert_view (self, view, programme_id, error) != 0;
    }
  return _xf_care_end (self, ok, 0, error);
}

GPtrArray *
xf_care_list_views (XfCare  *self,
                    GError **error)
{
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_CARE (self), NULL);

  if (!xf_repo_check_somewhere (&self->repo, XF_OP_REGISTRY_READ, error)
      || !seed_views (self, error))
    return NULL;
  stmt = xf_repo_prepare (&self->repo,
                          "SELECT v.id, v.uid, v.name, p.code, v.gap_years, v.region_code, v.owner"
                          " FROM care_views v JOIN care_programmes p ON p.id = v.programme_id"
                          " WHERE v.owner IS NULL OR v.owner = $1"
                          " ORDER BY CASE WHEN v.owner IS NULL THEN 0 ELSE 1 END, v.id", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_text (stmt, 1, xf_repo_actor_login (&self->repo));
  return xf_repo_collect (&self->repo, stmt, view_from_row, NULL, (GDestroyNotify) xf_care_view_free, error);
}

/* The owner of view @view_id (NULL: shared) into @owner; FALSE when missing. */
static gboolean
view_owner (XfCare   *self,
            gint64    view_id,
            char    **owner,
            char    **uid,
            GError  **error)
{
  XfDbStmt *stmt = xf_repo_prepare (&self->repo, "SELECT owner, uid FROM care_views WHERE id = $1", error);
  XfDbStep step;

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, view_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      *owner = xf_db_stmt_dup_text (stmt, 0);
      *uid = xf_db_stmt_dup_text (stmt, 1);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_DONE)
    /* Translators: %lld is a record number. */
    g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("View %lld does not exist"), (long long) view_id);
  return step == XF_DB_STEP_ROW;
}

/* Shared views are the administrators'; one's own views one's own. */
static gboolean
check_view_owner (XfCare      *self,
                  const char  *owner,
                  GError     **error)
{
  if (owner == NULL)
    return xf_repo_check_somewhere (&self->repo, XF_OP_CARE_CATALOGUE, error);
  if (g_strcmp0 (owner, xf_repo_actor_login (&self->repo)) == 0)
    return TRUE;
  g_set_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED, _("This view belongs to another account"));
  return FALSE;
}

static XfCareView *
validate_view (XfCare            *self,
               const XfCareView  *view,
               gint64            *programme_id,
               GError           **error)
{
  g_autoptr(XfCareView) clean = xf_care_view_new ();

  g_free (clean->name);
  clean->name = xf_repo_check_text (_("Name"), view->name, TRUE, MAX_VIEW_NAME, error);
  if (clean->name == NULL)
    return NULL;
  if (view->gap_years < 1 || view->gap_years > MAX_GAP)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Years: from 1 to %d, not %d"), MAX_GAP, view->gap_years);
      return NULL;
    }
  if (!xf_repo_check_region_prefix (view->region_code, error))
    return NULL;
  *programme_id = _xf_care_programme_id (self, view->programme_code, FALSE, error);
  if (*programme_id == 0)
    return NULL;
  clean->id = view->id;
  clean->gap_years = view->gap_years;
  clean->programme_code = g_strdup (view->programme_code);
  clean->region_code = view->region_code != NULL && *view->region_code != '\0' ? g_strdup (view->region_code) : NULL;
  /* A view is the actor's own, unless an administrator saves a shared one. */
  clean->owner = view->owner == NULL && xf_repo_allows_region (&self->repo, XF_OP_CARE_CATALOGUE, NULL)
                 ? NULL : g_strdup (xf_repo_actor_login (&self->repo));
  return g_steal_pointer (&clean);
}

static gboolean
update_view (XfCare      *self,
             XfCareView  *clean,
             gint64       programme_id,
             GError     **error)
{
  g_autofree char *owner = NULL, *uid = NULL;
  XfDbStmt *stmt;

  if (!view_owner (self, clean->id, &owner, &uid, error) || !check_view_owner (self, owner, error))
    return FALSE;
  stmt = xf_repo_prepare (&self->repo, "UPDATE care_views SET name = $1, programme_id = $2, gap_years = $3,"
                          " region_code = $4 WHERE id = $5", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, clean->name);
  xf_db_stmt_bind_int64 (stmt, 2, programme_id);
  xf_db_stmt_bind_int64 (stmt, 3, clean->gap_years);
  xf_repo_bind_text_or_null (stmt, 4, clean->region_code);
  xf_db_stmt_bind_int64 (stmt, 5, clean->id);
  return xf_db_stmt_run (stmt, error)
         && xf_repo_audit (&self->repo, XF_AUDIT_UPDATE, XF_RECORD_CARE_VIEW, uid, clean->name,
                           "view", NULL, clean->programme_code, error);
}

gint64
xf_care_save_view (XfCare            *self,
                   const XfCareView  *view,
                   GError           **error)
{
  g_autoptr(XfCareView) clean = NULL;
  gint64 programme_id = 0;
  gboolean ok;

  g_return_val_if_fail (XF_IS_CARE (self), 0);
  g_return_val_if_fail (view != NULL, 0);

  if (!xf_repo_check_somewhere (&self->repo, XF_OP_CARE_MANAGE, error))
    return 0;
  clean = validate_view (self, view, &programme_id, error);
  if (clean == NULL || !seed_views (self, error) || !xf_repo_begin (&self->repo, error))
    return 0;
  if (clean->id == 0)
    {
      clean->id = insert_view (self, clean, programme_id, error);
      ok = clean->id != 0;
    }
  else
    ok = update_view (self, clean, programme_id, error);
  if (!_xf_care_end (self, ok, 0, error))
    return 0;
  return clean->id;
}

gboolean
xf_care_remove_view (XfCare  *self,
                     gint64   view_id,
                     GError **error)
{
  g_autofree char *owner = NULL, *uid = NULL;
  XfDbStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (XF_IS_CARE (self), FALSE);

  if (!xf_repo_check_somewhere (&self->repo, XF_OP_CARE_MANAGE, error)
      || !view_owner (self, view_id, &owner, &uid, error) || !check_view_owner (self, owner, error)
      || !xf_repo_begin (&self->repo, error))
    return FALSE;
  stmt = xf_repo_prepare (&self->repo, "DELETE FROM care_views WHERE id = $1", error);
  ok = stmt != NULL;
  if (ok)
    {
      xf_db_stmt_bind_int64 (stmt, 1, view_id);
      ok = xf_db_stmt_run (stmt, error)
           && xf_repo_audit (&self->repo, XF_AUDIT_CARE_STATUS, XF_RECORD_CARE_VIEW, uid, NULL,
                             "status", "saved", "removed", error);
    }
  return _xf_care_end (self, ok, 0, error);
}
