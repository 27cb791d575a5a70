/* xf-test-campaigns.h — the fixture of the campaign and committee tests
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libglib-testing/signal-logger.h>

#include "xf-accounts.h"
#include "xf-error.h"
#include "xf-evaluation-private.h"
#include "xf-test-evaluation.h"

G_BEGIN_DECLS

/*
 * A store with the reference organisations, an evaluation acting as the
 * local administrator whose "changed" emissions are logged, and helpers
 * to set the scene: "today" is Monday 9 March 2026.
 */

typedef struct
{
  XfStore        *store;
  XfEvaluation   *evaluation;
  GtSignalLogger *logger;
} Fixture;

static inline void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_setenv ("XIANFENG_TODAY", "2026-03-09", TRUE);
  fixture->store = xf_test_open_store ();
  fixture->evaluation = xf_test_evaluation_new (fixture->store, NULL);
  fixture->logger = gt_signal_logger_new ();
  gt_signal_logger_connect (fixture->logger, fixture->evaluation, "changed");
}

static inline void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_clear_pointer (&fixture->logger, gt_signal_logger_free);
  g_assert_finalize_object (fixture->evaluation);
  g_assert_finalize_object (fixture->store);
  g_unsetenv ("XIANFENG_TODAY");
}

static inline gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  return xf_test_query_int64 (fixture->store, sql);
}

/* Forgets the emissions so far. */
static inline void
clear_emissions (Fixture *fixture)
{
  while (gt_signal_logger_get_n_emissions (fixture->logger) > 0)
    {
      g_autofree char *type_name = NULL;
      g_autofree char *signal_name = NULL;
      GtSignalLoggerEmission *emission = NULL;

      gt_signal_logger_pop_emission (fixture->logger, NULL, &type_name, &signal_name, &emission);
      gt_signal_logger_emission_free (emission);
    }
}

static inline char *
query_text (Fixture    *fixture,
            const char *sql)
{
  return xf_test_query_text (fixture->store, sql);
}

static inline void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_db_exec (xf_store_get_db (fixture->store), sql, &error));
  g_assert_no_error (error);
}

/* Everything a campaign write could change, as one text. */
static inline char *
snapshot (Fixture *fixture)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " campaigns, versions %" G_GINT64_FORMAT
                          ", %" G_GINT64_FORMAT " members, %" G_GINT64_FORMAT " open, audit %"
                          G_GINT64_FORMAT,
                          query_int (fixture, "SELECT count(*) FROM campaigns"),
                          query_int (fixture, "SELECT coalesce(sum(version), 0) FROM campaigns"),
                          query_int (fixture, "SELECT count(*) FROM campaign_members"),
                          query_int (fixture, "SELECT count(*) FROM campaigns WHERE status = 'open'"),
                          query_int (fixture, "SELECT count(*) FROM audit_log"));
}

/* An evaluation acting as @account over the fixture's store. */
static inline XfEvaluation *
acting_as (Fixture   *fixture,
           XfAccount *account)
{
  return xf_test_evaluation_new (fixture->store, account);
}

static inline gint64
add_account (Fixture    *fixture,
             const char *login,
             XfRole      role)
{
  g_autoptr(XfAccount) account = xf_test_add_account (fixture->store, login, role, XF_SCOPE_ALL, NULL);

  return xf_account_get_id (account);
}

static inline XfCommitteeMember *
member (gint64      account_id,
        gboolean    is_chair,
        const char *employer,
        const char *unit,
        const char *relatives)
{
  XfCommitteeMember *member = xf_committee_member_new (account_id, is_chair);

  member->employer = g_strdup (employer);
  member->unit = g_strdup (unit);
  member->relatives = g_strdup (relatives);
  return member;
}

static inline GPtrArray *
members_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) xf_committee_member_free);
}

/* A nomination row written directly, in @stage. */
static inline gint64
add_nomination_row (Fixture    *fixture,
                    gint64      campaign_id,
                    gint64      pioneer_id,
                    const char *unit,
                    const char *stage)
{
  g_autofree char *uid = xf_store_new_uid ();
  g_autofree char *sql = g_strdup_printf ("INSERT INTO nominations (uid, campaign_id, pioneer_id, "
                                          "nominating_unit, stage, stage_since, created_at, updated_at) "
                                          "VALUES ('%s', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                                          ", '%s', '%s', '2026-03-09', 1, 1)",
                                          uid, campaign_id, pioneer_id, unit, stage);

  exec_sql (fixture, sql);
  return query_int (fixture, "SELECT max(id) FROM nominations");
}

/* A saved campaign; the caller owns it. */
static inline XfCampaign *
add_campaign (Fixture    *fixture,
              int         year,
              const char *title,
              const char *level)
{
  g_autoptr(GError) error = NULL;
  XfCampaign *campaign = xf_campaign_new (year, title, level);

  g_assert_true (xf_evaluation_save_campaign (fixture->evaluation, campaign, &error));
  g_assert_no_error (error);
  return campaign;
}

G_END_DECLS
