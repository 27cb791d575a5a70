/* xf-demo-care.c — a year of cultivation and care on a demo registry
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-calendar.h"
#include "xf-clock.h"
#include "xf-demo-care.h"
#include "xf-demo-care-private.h"
#include "xf-error.h"

/*
 * Nothing here is written by SQL: every plan, course, batch, case and
 * visit goes through XfCultivation and XfCare, so that the demo meets the
 * same rules, permissions and audit trail as a union office would. See
 * xf-demo-care-private.h for the parts.
 */

#define SAVEPOINT "xf_demo_care"
#define DEMO_PASSWORD "xianfeng"
#define MAX_SHUFFLED 4000

static void
demo_person_clear (gpointer data)
{
  DemoPerson *person = data;

  g_free (person->name);
  g_free (person->region);
  g_free (person->birth_date);
  g_free (person->tier);
}

static void
demo_clear (DemoCare *demo)
{
  g_clear_pointer (&demo->cares, g_hash_table_unref);
  g_clear_pointer (&demo->cultivations, g_hash_table_unref);
  g_clear_pointer (&demo->programmes, g_ptr_array_unref);
  g_clear_pointer (&demo->taken, g_hash_table_unref);
  g_clear_object (&demo->accounts);
  g_clear_object (&demo->local);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DemoCare, demo_clear)

/*
 * Days
 */

char *
_xf_demo_care_day (DemoCare *demo,
                   int       ago)
{
  return _xf_demo_day_text (&demo->today, ago);
}

void
_xf_demo_care_set_day (DemoCare *demo,
                       int       ago)
{
  g_autofree char *text = _xf_demo_care_day (demo, ago);

  g_setenv ("XIANFENG_TODAY", text, TRUE);
}

char *
_xf_demo_care_date_in (DemoCare *demo,
                       int       years,
                       int       month,
                       int       day)
{
  return g_strdup_printf ("%04d-%02d-%02d", demo->year + years, month, day);
}

int
_xf_demo_care_days_ago (DemoCare   *demo,
                        const char *date)
{
  GDate parsed;

  if (!xf_date_parse (date, &parsed))
    return 0;
  return g_date_days_between (&parsed, &demo->today);
}

/*
 * Actors
 */

static XfRegistry *
registry_as (DemoCare    *demo,
             const char  *login,
             GError     **error)
{
  g_autoptr(XfAccount) account = NULL;
  g_autoptr(GError) local_error = NULL;

  if (*login != '\0')
    account = xf_accounts_get (demo->accounts, demo->local, login, &local_error);
  if (account == NULL && local_error != NULL && !g_error_matches (local_error, XF_ERROR, XF_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (account == NULL)
    account = g_object_ref (demo->local);
  return xf_registry_new (demo->store, account);
}

XfCare *
_xf_demo_care_as (DemoCare    *demo,
                  const char  *login,
                  GError     **error)
{
  XfCare *care = g_hash_table_lookup (demo->cares, login);
  g_autoptr(XfRegistry) registry = NULL;

  if (care != NULL)
    return care;
  registry = registry_as (demo, login, error);
  if (registry == NULL)
    return NULL;
  care = xf_care_new (registry);
  g_hash_table_insert (demo->cares, g_strdup (login), care);
  return care;
}

XfCultivation *
_xf_demo_cultivation_as (DemoCare    *demo,
                         const char  *login,
                         GError     **error)
{
  XfCultivation *cultivation = g_hash_table_lookup (demo->cultivations, login);
  g_autoptr(XfRegistry) registry = NULL;

  if (cultivation != NULL)
    return cultivation;
  registry = registry_as (demo, login, error);
  if (registry == NULL)
    return NULL;
  cultivation = xf_cultivation_new (registry);
  g_hash_table_insert (demo->cultivations, g_strdup (login), cultivation);
  return cultivation;
}

/**
 * xf_demo_care_ensure_accounts:
 *
 * See xf-demo-care.h.
 */
gboolean
xf_demo_care_ensure_accounts (XfStore  *store,
                              GError  **error)
{
  g_autoptr(XfAccounts) accounts = xf_accounts_new (store);
  g_autoptr(XfAccount) local = xf_account_new_local_administrator ();
  g_autoptr(XfAccount) account = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (XF_IS_STORE (store), FALSE);

  account = xf_accounts_get (accounts, local, XF_DEMO_CARE_SECOND_CLERK, &local_error);
  if (account != NULL)
    return TRUE;
  if (!g_error_matches (local_error, XF_ERROR, XF_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  account = xf_account_new (XF_DEMO_CARE_SECOND_CLERK, "周晓红");
  xf_account_add_grant (account, XF_ROLE_CLERK, XF_SCOPE_ALL, NULL);
  return xf_accounts_save (accounts, local, account, DEMO_PASSWORD, error);
}

/*
 * The cast
 */

const XfCareProgramme *
_xf_demo_care_programme (DemoCare   *demo,
                         const char *kind)
{
  for (guint i = 0; i < demo->programmes->len; i++)
    {
      const XfCareProgramme *programme = g_ptr_array_index (demo->programmes, i);

      if (g_str_equal (programme->kind, kind))
        return programme;
    }
  return NULL;
}

void
_xf_demo_care_take (DemoCare *demo,
                    gint64    pioneer_id)
{
  g_hash_table_add (demo->taken, g_memdup2 (&pioneer_id, sizeof pioneer_id));
}

/* Fisher–Yates with the demo's generator: the same seed, the same order. */
static void
shuffle (DemoCare *demo,
         GArray   *people)
{
  for (guint i = people->len; i > 1; i--)
    {
      guint j = _xf_demo_rng_below (&demo->rng, i);
      DemoPerson swap = g_array_index (people, DemoPerson, i - 1);

      g_array_index (people, DemoPerson, i - 1) = g_array_index (people, DemoPerson, j);
      g_array_index (people, DemoPerson, j) = swap;
    }
}

GArray *
_xf_demo_care_people (DemoCare    *demo,
                      const char  *where,
                      gboolean     fresh,
                      guint        limit,
                      GError     **error)
{
  g_autoptr(GArray) people = g_array_new (FALSE, TRUE, sizeof (DemoPerson));
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  XfDbStep step;

  g_array_set_clear_func (people, demo_person_clear);
  /* A bounded sample, so that a registry of a million stays quick. */
  sql = g_strdup_printf ("SELECT p.id, p.name, p.region_code, coalesce (p.birth_date, ''), p.tier "
                         "FROM pioneers p WHERE p.kind = 'individual' AND p.status = 'active' "
                         "AND (%s) ORDER BY p.id LIMIT %d", where, MAX_SHUFFLED);
  stmt = xf_db_prepare (demo->db, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      DemoPerson person = { 0 };

      person.id = xf_db_stmt_column_int64 (stmt, 0);
      if (fresh && g_hash_table_contains (demo->taken, &person.id))
        continue;
      person.name = xf_db_stmt_dup_text (stmt, 1);
      person.region = xf_db_stmt_dup_text (stmt, 2);
      person.birth_date = xf_db_stmt_dup_text (stmt, 3);
      person.tier = xf_db_stmt_dup_text (stmt, 4);
      g_array_append_val (people, person);
    }
  if (step != XF_DB_STEP_DONE)
    return NULL;
  shuffle (demo, people);
  if (people->len > limit)
    g_array_set_size (people, limit);
  return g_steal_pointer (&people);
}

/*
 * The year
 */

typedef gboolean (*PartFunc) (DemoCare *demo,
                              GError  **error);

static gboolean
generate (DemoCare  *demo,
          GError   **error)
{
  /* Profiles before records and batches: the rules read retirement and
   * hardship flags. */
  static const struct { const char *name; PartFunc run; } parts[] = {
    { "cultivation", _xf_demo_care_cultivation },
    { "training", _xf_demo_care_training },
    { "profiles", _xf_demo_care_profiles },
    { "records", _xf_demo_care_records },
    { "batches", _xf_demo_care_batches },
    { "hardship", _xf_demo_care_hardship },
    { "visits", _xf_demo_care_visits },
    { "views", _xf_demo_care_views },
  };
  XfCare *admin = _xf_demo_care_as (demo, "admin", error);

  if (admin == NULL)
    return FALSE;
  _xf_demo_care_set_day (demo, 366);
  demo->programmes = xf_care_list_programmes (admin, FALSE, error);
  if (demo->programmes == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr(GTimer) timer = g_timer_new ();

      if (!parts[i].run (demo, error))
        {
          /* TRANSLATORS: the start of an error message: "Demo care, hardship: …" */
          g_prefix_error (error, _("Demo care, %s: "), parts[i].name);
          return FALSE;
        }
      g_debug ("Demo care: %s in %.2f s", parts[i].name, g_timer_elapsed (timer, NULL));
    }
  return TRUE;
}

static gboolean
check_empty (XfDb     *db,
             GError  **error)
{
  return _xf_demo_check_none (db, "SELECT (SELECT count(*) FROM cultivation_plans) "
                                  "+ (SELECT count(*) FROM care_batches) "
                                  "+ (SELECT count(*) FROM hardship_cases)",
                              _("The database already has cultivation plans or care; demo care goes only "
                                "into a database without any"),
                              error);
}

/**
 * xf_demo_generate_care:
 * @store: a store with the demo registry, its accounts and campaigns
 * @seed: the seed; the same seed on the same day gives the same rows
 *
 * See xf-demo-care.h.
 *
 * Returns: %TRUE on success
 */
gboolean
xf_demo_generate_care (XfStore  *store,
                       guint64   seed,
                       GError  **error)
{
  g_auto(DemoCare) demo = { 0 };
  g_autofree char *saved_today = g_strdup (g_getenv ("XIANFENG_TODAY"));
  gboolean nested = FALSE;
  gboolean ok;

  g_return_val_if_fail (XF_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  demo.store = store;
  demo.db = xf_store_get_db (store);
  if (!check_empty (demo.db, error))
    return FALSE;
  demo.accounts = xf_accounts_new (store);
  demo.local = xf_account_new_local_administrator ();
  demo.cares = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  demo.cultivations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  demo.taken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  _xf_demo_rng_seed (&demo.rng, seed ^ G_GUINT64_CONSTANT (0x6361726563617265));  /* "carecare" */
  xf_clock_today (&demo.today);
  demo.year = g_date_get_year (&demo.today);

  ok = xf_db_begin_write (demo.db, SAVEPOINT, &nested, error);
  if (ok)
    {
      ok = generate (&demo, error) && xf_db_commit_write (demo.db, SAVEPOINT, nested, error);
      if (!ok)
        xf_db_rollback_write (demo.db, SAVEPOINT, nested);
    }

  _xf_demo_restore_today (saved_today);
  return ok;
}
