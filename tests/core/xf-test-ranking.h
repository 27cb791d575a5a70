/* xf-test-ranking.h — the fixture of the ranking tests (index, events import)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include "xf-ranking.h"
#include "xf-test-services.h"

G_BEGIN_DECLS

/*
 * "Today" is Monday 9 March 2026, so February 2026 is the month that has
 * ended and March the current one. Three active individuals (甲, 乙, 丙)
 * and a collective; every helper fails the test on error.
 */

#define XF_TEST_RANKING_TODAY "2026-03-09"

typedef struct
{
  XfStore    *store;
  XfRegistry *registry;
  XfRanking  *ranking;
  gint64      a;
  gint64      b;
  gint64      c;
  gint64      team;
  guint       serial;    /* for unique source ids */
} RankingFixture;

static inline void
xf_test_ranking_set_up (RankingFixture *fixture,
                        gconstpointer   data)
{
  g_setenv ("XIANFENG_TODAY", XF_TEST_RANKING_TODAY, TRUE);
  fixture->store = xf_test_open_store ();
  fixture->registry = xf_test_new_registry (fixture->store);
  fixture->ranking = xf_ranking_new (fixture->registry);
  fixture->a = xf_test_services_add_pioneer (fixture->registry, "甲先锋", XF_TEST_WUKANG);
  fixture->b = xf_test_services_add_pioneer (fixture->registry, "乙先锋", XF_TEST_WUKANG);
  fixture->c = xf_test_services_add_pioneer (fixture->registry, "丙先锋", XF_TEST_DEQING);
  fixture->team = xf_test_services_new_pioneer (fixture->registry, "collective", "德清县电力抢修班",
                                                XF_TEST_DEQING, NULL, NULL, NULL);
}

static inline void
xf_test_ranking_tear_down (RankingFixture *fixture,
                           gconstpointer   data)
{
  g_clear_object (&fixture->ranking);
  g_clear_object (&fixture->registry);
  g_clear_object (&fixture->store);
}

/* Noon, local time, of @day ("2026-02-03"). */
static inline gint64
xf_test_ranking_noon (const char *day)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  int y = 0, m = 0, d = 0;
  g_autoptr(GDateTime) at = NULL;

  g_assert_cmpint (sscanf (day, "%d-%d-%d", &y, &m, &d), ==, 3);
  at = g_date_time_new (zone, y, m, d, 12, 0, 0);
  return g_date_time_to_unix (at) * G_USEC_PER_SEC;
}

/* One event of @kind for @pioneer on @day from @source, by @visitor (or
 * none), with @value; a fresh source id. */
static inline void
xf_test_ranking_event (RankingFixture *fixture,
                       gint64          pioneer,
                       const char     *kind,
                       const char     *day,
                       const char     *source,
                       const char     *visitor,
                       double          value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("e%u", ++fixture->serial);

  g_assert_true (xf_ranking_record_event (fixture->ranking, pioneer, kind, source, id, visitor,
                                          xf_test_ranking_noon (day), value, &error));
  g_assert_no_error (error);
}

/* The ranking's actions of @action in the audit trail. */
static inline gint64
xf_test_ranking_audits (RankingFixture *fixture,
                        const char     *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = '%s'", action);

  return xf_test_query_int64 (fixture->store, sql);
}

/* A ranking acting as a new account holding @role at @region. */
static inline XfRanking *
xf_test_ranking_as (RankingFixture *fixture,
                    const char     *login,
                    XfRole          role,
                    const char     *region)
{
  g_autoptr(XfAccount) account = xf_test_add_account (fixture->store, login, role,
                                                      region != NULL ? XF_SCOPE_REGION : XF_SCOPE_ALL,
                                                      region);
  g_autoptr(XfRegistry) registry = xf_registry_new (fixture->store, account);

  return xf_ranking_new (registry);
}

G_END_DECLS
