/* xf-test-services.h — the fixture of the services tests (requests,
 *                       claims, catalogue, offers, match, feedback,
 *                       apprenticeships, activities)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "xf-audit.h"
#include "xf-error.h"
#include "xf-services.h"
#include "xf-test-evaluation.h"
#include "xf-test-store.h"

G_BEGIN_DECLS

/*
 * A store, the local administrator's registry and services, "today"
 * Monday 9 March 2026 (no holiday that month) unless a test moves it, and
 * the pioneers of one of three set-ups:
 *
 * - xf_test_services_set_up (): three active pioneers in Deqing (德清县)
 *   with an offer each of legal aid (cp-legal-aid, 3 working days,
 *   capacity 2 a month), one of them (王建国) also of epidemic prevention
 *   (cp-epidemic-prevention, 4 working hours);
 * - xf_test_services_set_up_masters (): 王建国 (the master, an initiator)
 *   and 李明 in Deqing (330521), 赵敏 in Anji (330523), and a collective
 *   in Deqing; @data: "today" instead of 9 March;
 * - xf_test_services_set_up_empty (): none (the catalogue, offer and
 *   match tests add their own).
 *
 * Every helper fails the test on error.
 */

#define XF_TEST_SERVICES_TODAY  "2026-03-09"
#define XF_TEST_DEQING          "330521"
#define XF_TEST_WUKANG          "330521001"   /* a township of Deqing */
#define XF_TEST_WUXING          "330502"      /* another county of the city */

typedef struct
{
  XfStore    *store;
  XfRegistry *registry;
  XfServices *services;
  /* xf_test_services_set_up () */
  gint64      wang;      /* 王建国: legal aid and epidemic prevention */
  gint64      li;        /* 李秀英: legal aid */
  gint64      zhao;      /* 赵志强: legal aid */
  /* xf_test_services_set_up_masters () */
  gint64      master;
  gint64      other;
  gint64      anji;
  gint64      team;
} ServicesFixture;

static inline void
xf_test_services_set_today (const char *day)
{
  g_setenv ("XIANFENG_TODAY", day, TRUE);
}

/* An active pioneer of @kind ("individual": born 1980-05-01) in
 * @region_code; @industry, @skills and @employer are left unset when NULL. */
static inline gint64
xf_test_services_new_pioneer (XfRegistry *registry,
                              const char *kind,
                              const char *name,
                              const char *region_code,
                              const char *industry,
                              const char *skills,
                              const char *employer)
{
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new (kind);
  g_autoptr(GError) error = NULL;

  g_object_set (pioneer, "name", name, "region-code", region_code, NULL);
  if (g_str_equal (kind, "individual"))
    g_object_set (pioneer, "birth-date", "1980-05-01", NULL);
  if (industry != NULL)
    g_object_set (pioneer, "industry", industry, NULL);
  if (skills != NULL)
    g_object_set (pioneer, "skills", skills, NULL);
  if (employer != NULL)
    g_object_set (pioneer, "employer", employer, NULL);
  g_assert_true (xf_registry_save_pioneer (registry, pioneer, &error));
  g_assert_no_error (error);
  return xf_pioneer_get_id (pioneer);
}

/* An active individual pioneer in @region_code, industry C (manufacturing). */
static inline gint64
xf_test_services_add_pioneer (XfRegistry *registry,
                              const char *name,
                              const char *region_code)
{
  return xf_test_services_new_pioneer (registry, "individual", name, region_code, "C",
                                       "法律咨询 数控加工", NULL);
}

/* An active individual with the given skills and industry. */
static inline gint64
offers_add_pioneer (ServicesFixture *fixture,
                    const char      *name,
                    const char      *region_code,
                    const char      *industry,
                    const char      *skills)
{
  return xf_test_services_new_pioneer (fixture->registry, "individual", name, region_code,
                                       industry, skills, "德清县机械厂");
}

static inline void
xf_test_services_archive (ServicesFixture *fixture,
                          gint64           id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (fixture->registry, id, &error);

  g_assert_no_error (error);
  g_assert_true (xf_registry_archive_pioneer (fixture->registry, pioneer, "retired", &error));
  g_assert_no_error (error);
}

/* A saved offer of @item_code by @pioneer_id; @regions, @mode and
 * @description as xf_service_offer_new () leaves them when NULL. */
static inline gint64
xf_test_services_save_offer (XfServices *services,
                             gint64      pioneer_id,
                             const char *item_code,
                             const char *regions,
                             const char *mode,
                             const char *description,
                             int         capacity)
{
  g_autoptr(XfServiceOffer) offer = xf_service_offer_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  offer->pioneer_id = pioneer_id;
  offer->item_code = g_strdup (item_code);
  if (regions != NULL)
    {
      g_free (offer->regions);
      offer->regions = g_strdup (regions);
    }
  if (mode != NULL)
    {
      g_free (offer->mode);
      offer->mode = g_strdup (mode);
    }
  if (description != NULL)
    {
      g_free (offer->description);
      offer->description = g_strdup (description);
    }
  offer->capacity_per_month = capacity;
  id = xf_services_save_offer (services, offer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* An available offer of @item_code by @pioneer_id in the pioneer's region. */
static inline gint64
xf_test_services_add_offer (XfServices *services,
                            gint64      pioneer_id,
                            const char *item_code,
                            int         capacity)
{
  return xf_test_services_save_offer (services, pioneer_id, item_code, NULL, NULL,
                                      "提供上门或电话服务。", capacity);
}

/* An offer of @item_code by @pioneer_id, @available (or paused) until
 * @until (NULL: no end), with the default capacity. */
static inline void
xf_test_services_offer_until (XfServices *services,
                              gint64      pioneer_id,
                              const char *item_code,
                              gboolean    available,
                              const char *until)
{
  g_autoptr(XfServiceOffer) offer = xf_service_offer_new ();
  g_autoptr(GError) error = NULL;

  offer->pioneer_id = pioneer_id;
  offer->item_code = g_strdup (item_code);
  offer->available = available;
  offer->available_until = g_strdup (until);
  g_assert_cmpint (xf_services_save_offer (services, offer, &error), >, 0);
  g_assert_no_error (error);
}

/* A valid, unsaved desk request for @item_code in Wukang. */
static inline XfServiceRequest *
xf_test_services_new_request (const char *item_code)
{
  XfServiceRequest *request = xf_service_request_new ();

  request->requester_name = g_strdup ("张三");
  request->requester_contact = g_strdup ("13812345678");
  request->item_code = g_strdup (item_code);
  request->region_code = g_strdup (XF_TEST_WUKANG);
  request->place = g_strdup ("武康街道幸福里 3 号");
  request->needed_by = g_strdup ("2026-06-30");
  request->preferred_time = g_strdup ("工作日下午");
  request->description = g_strdup ("劳动合同纠纷，需要法律咨询。");
  return request;
}

static inline gint64
xf_test_services_create (XfServices             *services,
                         const XfServiceRequest *request)
{
  g_autoptr(GError) error = NULL;
  gint64 id = xf_services_create_request (services, request, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A new open request for legal aid (booked for @booked_pioneer_id unless 0). */
static inline gint64
xf_test_services_open_request (ServicesFixture *fixture,
                               gint64           booked_pioneer_id)
{
  g_autoptr(XfServiceRequest) request = xf_test_services_new_request ("cp-legal-aid");

  request->booked_pioneer_id = booked_pioneer_id;
  return xf_test_services_create (fixture->services, request);
}

static inline XfServiceRequest *
xf_test_services_get (XfServices *services,
                      gint64      id)
{
  g_autoptr(GError) error = NULL;
  XfServiceRequest *request = xf_services_get_request (services, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (request);
  return request;
}

/* Services acting as a new account holding @role in @scope. */
static inline XfServices *
xf_test_services_as (ServicesFixture *fixture,
                     const char      *login,
                     XfRole           role,
                     XfScopeKind      scope,
                     const char      *value)
{
  g_autoptr(XfAccount) account = xf_test_add_account (fixture->store, login, role, scope, value);
  g_autoptr(XfRegistry) registry = xf_registry_new (fixture->store, account);

  return xf_services_new (registry);
}

/* … holding @role at @region (NULL: everywhere). */
static inline XfServices *
xf_test_services_as_in (ServicesFixture *fixture,
                        const char      *login,
                        XfRole           role,
                        const char      *region)
{
  return xf_test_services_as (fixture, login, role,
                              region != NULL ? XF_SCOPE_REGION : XF_SCOPE_ALL, region);
}

/* Services on a connection of their own to the store at @location (another
 * desk), as the local administrator; finalize *@store after them. */
static inline XfServices *
xf_test_services_new_desk (const char  *location,
                           XfStore    **store)
{
  g_autoptr(XfRegistry) registry = NULL;

  *store = xf_test_open_store_at (location);
  registry = xf_test_new_registry (*store);
  return xf_services_new (registry);
}

/* The store, registry and services, on the store at @location (NULL: a
 * fresh one), "today" @today; no pioneers. */
static inline void
xf_test_services_open (ServicesFixture *fixture,
                       const char      *location,
                       const char      *today)
{
  xf_test_services_set_today (today);
  fixture->store = location != NULL ? xf_test_open_store_at (location) : xf_test_open_store ();
  fixture->registry = xf_test_new_registry (fixture->store);
  fixture->services = xf_services_new (fixture->registry);
}

/* The fixture on the store at @location (NULL: a fresh one). */
static inline void
xf_test_services_set_up_at (ServicesFixture *fixture,
                            const char      *location)
{
  xf_test_services_open (fixture, location, XF_TEST_SERVICES_TODAY);
  fixture->wang = xf_test_services_add_pioneer (fixture->registry, "王建国", XF_TEST_WUKANG);
  fixture->li = xf_test_services_add_pioneer (fixture->registry, "李秀英", XF_TEST_WUKANG);
  fixture->zhao = xf_test_services_add_pioneer (fixture->registry, "赵志强", XF_TEST_DEQING);
  xf_test_services_add_offer (fixture->services, fixture->wang, "cp-legal-aid", 2);
  xf_test_services_add_offer (fixture->services, fixture->li, "cp-legal-aid", 2);
  xf_test_services_add_offer (fixture->services, fixture->zhao, "cp-legal-aid", 2);
  xf_test_services_add_offer (fixture->services, fixture->wang, "cp-epidemic-prevention", 5);
}

static inline void
xf_test_services_set_up (ServicesFixture *fixture,
                         gconstpointer    data)
{
  xf_test_services_set_up_at (fixture, NULL);
}

static inline void
xf_test_services_set_up_masters (ServicesFixture *fixture,
                                 gconstpointer    data)
{
  g_autoptr(GError) error = NULL;

  xf_test_services_open (fixture, NULL, data != NULL ? data : XF_TEST_SERVICES_TODAY);
  g_assert_true (xf_registry_ensure_organisations (fixture->registry, &error));
  g_assert_no_error (error);
  fixture->master = xf_test_services_new_pioneer (fixture->registry, "individual", "王建国",
                                                  "330521001", NULL, NULL, "德清县机械厂");
  fixture->other = xf_test_services_new_pioneer (fixture->registry, "individual", "李明",
                                                 "330521002", NULL, NULL, "德清县机械厂");
  fixture->anji = xf_test_services_new_pioneer (fixture->registry, "individual", "赵敏",
                                                "330523001", NULL, NULL, "德清县机械厂");
  fixture->team = xf_test_services_new_pioneer (fixture->registry, "collective", "德清县电力抢修班",
                                                "330521001", NULL, NULL, NULL);
}

static inline void
xf_test_services_set_up_empty (ServicesFixture *fixture,
                               gconstpointer    data)
{
  xf_test_services_open (fixture, NULL, XF_TEST_SERVICES_TODAY);
}

static inline void
xf_test_services_tear_down (ServicesFixture *fixture,
                            gconstpointer    data)
{
  g_clear_object (&fixture->services);
  g_clear_object (&fixture->registry);
  g_assert_finalize_object (fixture->store);
  g_unsetenv ("XIANFENG_TODAY");
}

static inline gint64
xf_test_services_count (ServicesFixture *fixture,
                        const char      *sql)
{
  return xf_test_query_int64 (fixture->store, sql);
}

/* Audit entries with @action on @record_type. */
static inline gint64
xf_test_services_count_audit (ServicesFixture *fixture,
                              const char      *action,
                              const char      *record_type)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM audit_log WHERE action = '%s'"
                                          " AND record_type = '%s'", action, record_type);

  return xf_test_services_count (fixture, sql);
}

/* Engagement events of @kind for @pioneer. */
static inline gint64
xf_test_services_count_engagement (ServicesFixture *fixture,
                                   gint64           pioneer,
                                   const char      *kind)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM engagement_events WHERE pioneer_id = %"
                                          G_GINT64_FORMAT " AND kind = '%s'", pioneer, kind);

  return xf_test_services_count (fixture, sql);
}

/* Whether any audit entry mentions @text (personal data must not). */
static inline gboolean
xf_test_services_audit_mentions (ServicesFixture *fixture,
                                 const char      *text)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM audit_log WHERE"
                                          " COALESCE(new_value, '') LIKE '%%%s%%'"
                                          " OR COALESCE(old_value, '') LIKE '%%%s%%'"
                                          " OR COALESCE(record_label, '') LIKE '%%%s%%'",
                                          text, text, text);

  return xf_test_services_count (fixture, sql) > 0;
}

/* @error is XF_ERROR @code, its message saying @part (unless NULL). */
static inline void
xf_test_services_assert_error (GError     *error,
                               int         code,
                               const char *part)
{
  g_assert_error (error, XF_ERROR, code);
  if (part != NULL && strstr (error->message, part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, part);
}

static inline gint64
offers_save (XfServices *services,
             gint64      pioneer_id,
             const char *item_code,
             const char *regions,
             const char *mode,
             int         capacity)
{
  return xf_test_services_save_offer (services, pioneer_id, item_code, regions, mode, NULL, capacity);
}

/* UTC µs of a local time. */
static inline gint64
offers_local_us (int year, int month, int day, int hour)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (year, month, day, hour, 0, 0);

  return g_date_time_to_unix (when) * G_USEC_PER_SEC;
}

/* A request of @item_code written straight into the table: claimed by
 * @claimer (0: open) at @claimed_at with @status, and rated @rating at
 * @rated_at (0: not rated). Returns its id. */
static inline gint64
offers_add_request (ServicesFixture *fixture,
                    const char      *item_code,
                    const char      *region,
                    gint64           claimer,
                    gint64           claimed_at,
                    const char      *status,
                    int              rating,
                    gint64           rated_at)
{
  static guint serial;
  XfDb *db = xf_store_get_db (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *claim = claimer > 0
    ? g_strdup_printf ("%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'claim'", claimer, claimed_at)
    : g_strdup ("NULL, NULL, NULL");
  g_autoptr(GPtrArray) seeded = xf_services_list_items (fixture->services, FALSE, &error);
  gint64 id;

  g_assert_no_error (error);
  g_assert_nonnull (seeded);
  serial++;
  sql = g_strdup_printf ("INSERT INTO service_requests (uid, code, requester_name, requester_contact, item_id,"
                         " region_code, description, status, claimed_by, claimed_at, claim_kind,"
                         " response_due_at, created_by, created_at, updated_at)"
                         " SELECT 'test-request-%u', 'TEST-%04u', '张三', '13800001234', id, '%s', '修机器',"
                         " '%s', %s, %" G_GINT64_FORMAT ", 'test', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                         " FROM service_items WHERE code = '%s'",
                         serial, serial, region, status, claim, claimed_at, claimed_at, claimed_at, item_code);
  g_assert_true (xf_db_exec (db, sql, &error));
  g_assert_no_error (error);
  g_free (sql);
  sql = g_strdup_printf ("SELECT id FROM service_requests WHERE uid = 'test-request-%u'", serial);
  id = xf_test_query_int64 (fixture->store, sql);
  g_assert_cmpint (id, >, 0);
  if (rating > 0)
    {
      g_free (sql);
      sql = g_strdup_printf ("INSERT INTO service_feedback (request_id, rating, created_at, created_by)"
                             " VALUES (%" G_GINT64_FORMAT ", %d, %" G_GINT64_FORMAT ", 'test')",
                             id, rating, rated_at);
      g_assert_true (xf_db_exec (db, sql, &error));
      g_assert_no_error (error);
    }
  return id;
}

#define add_services_test(path, func) \
  g_test_add (path, ServicesFixture, NULL, xf_test_services_set_up, func, xf_test_services_tear_down)
#define add_masters_test(path, data, func) \
  g_test_add (path, ServicesFixture, data, xf_test_services_set_up_masters, func, \
              xf_test_services_tear_down)
#define add_offers_test(path, func) \
  g_test_add (path, ServicesFixture, NULL, xf_test_services_set_up_empty, func, \
              xf_test_services_tear_down)

G_END_DECLS
