/* xf-test-services-extra.h — the fixture of the feedback, apprenticeship
 *                            and activity tests
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "xf-error.h"
#include "xf-services.h"
#include "xf-test-evaluation.h"
#include "xf-test-store.h"

G_BEGIN_DECLS

/*
 * "Today" is Monday 9 March 2026 unless a test moves it. Pioneers: 王建国
 * (the master, an initiator) and 李明 in Deqing (330521), 赵敏 in Anji
 * (330523), and a collective in Deqing. services acts as the local
 * administrator.
 */
typedef struct
{
  XfStore    *store;
  XfRegistry *registry;
  XfServices *services;
  gint64      master;
  gint64      other;
  gint64      anji;
  gint64      team;
} SvcFixture;

#define SVC_TODAY "2026-03-09"

static inline void
svc_set_today (const char *day)
{
  g_setenv ("XIANFENG_TODAY", day, TRUE);
}

static inline gint64
svc_add_pioneer (SvcFixture *fixture,
                 const char *kind,
                 const char *name,
                 const char *region_code)
{
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new (kind);
  g_autoptr(GError) error = NULL;

  g_object_set (pioneer, "name", name, "region-code", region_code, NULL);
  if (g_str_equal (kind, "individual"))
    g_object_set (pioneer, "birth-date", "1980-05-01", "employer", "德清县机械厂", NULL);
  g_assert_true (xf_registry_save_pioneer (fixture->registry, pioneer, &error));
  g_assert_no_error (error);
  return xf_pioneer_get_id (pioneer);
}

static inline void
svc_archive (SvcFixture *fixture,
             gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (fixture->registry, id, &error);

  g_assert_no_error (error);
  g_assert_true (xf_registry_archive_pioneer (fixture->registry, pioneer, "retired", &error));
  g_assert_no_error (error);
}

static inline void
svc_set_up (SvcFixture    *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  svc_set_today (data != NULL ? data : SVC_TODAY);
  fixture->store = xf_test_open_store ();
  fixture->registry = xf_test_new_registry (fixture->store);
  g_assert_true (xf_registry_ensure_organisations (fixture->registry, &error));
  g_assert_no_error (error);
  fixture->services = xf_services_new (fixture->registry);
  fixture->master = svc_add_pioneer (fixture, "individual", "王建国", "330521001");
  fixture->other = svc_add_pioneer (fixture, "individual", "李明", "330521002");
  fixture->anji = svc_add_pioneer (fixture, "individual", "赵敏", "330523001");
  fixture->team = svc_add_pioneer (fixture, "collective", "德清县电力抢修班", "330521001");
}

static inline void
svc_tear_down (SvcFixture    *fixture,
               gconstpointer  data)
{
  g_clear_object (&fixture->services);
  g_clear_object (&fixture->registry);
  g_assert_finalize_object (fixture->store);
  g_unsetenv ("XIANFENG_TODAY");
}

/* Services acting as a new account holding @role in @scope (@value: a
 * region code, or NULL for everywhere). */
static inline XfServices *
svc_as (SvcFixture  *fixture,
        const char  *login,
        XfRole       role,
        const char  *region)
{
  g_autoptr(XfAccount) account = xf_test_add_account (fixture->store, login, role,
                                                      region != NULL ? XF_SCOPE_REGION : XF_SCOPE_ALL,
                                                      region);
  g_autoptr(XfRegistry) registry = xf_registry_new (fixture->store, account);

  return xf_services_new (registry);
}

static inline gint64
svc_count (SvcFixture *fixture,
           const char *sql)
{
  return xf_test_query_int64 (fixture->store, sql);
}

/* Audit entries with @action on @record_type. */
static inline gint64
svc_count_audit (SvcFixture *fixture,
                 const char *action,
                 const char *record_type)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM audit_log WHERE action = '%s'"
                                          " AND record_type = '%s'", action, record_type);

  return svc_count (fixture, sql);
}

/* Engagement events of @kind for @pioneer. */
static inline gint64
svc_count_engagement (SvcFixture *fixture,
                      gint64      pioneer,
                      const char *kind)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM engagement_events WHERE pioneer_id = %"
                                          G_GINT64_FORMAT " AND kind = '%s'", pioneer, kind);

  return svc_count (fixture, sql);
}

/* Whether any audit entry mentions @text (personal data must not). */
static inline gboolean
svc_audit_mentions (SvcFixture *fixture,
                    const char *text)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM audit_log WHERE"
                                          " COALESCE(new_value, '') LIKE '%%%s%%'"
                                          " OR COALESCE(old_value, '') LIKE '%%%s%%'"
                                          " OR COALESCE(record_label, '') LIKE '%%%s%%'",
                                          text, text, text);

  return svc_count (fixture, sql) > 0;
}

static inline void
svc_assert_error (GError     *error,
                  int         code,
                  const char *part)
{
  g_assert_error (error, XF_ERROR, code);
  if (part != NULL && strstr (error->message, part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, part);
}

G_END_DECLS
