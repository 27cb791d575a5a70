/* xf-test-services.h — the fixture of the services tests
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
 * A store, the local administrator's registry and services, and three
 * active pioneers in Deqing (德清县) with an offer each of legal aid
 * (cp-legal-aid, 3 working days, capacity 2 a month), one of them (王建国)
 * also of epidemic prevention (cp-epidemic-prevention, 4 working hours).
 * "Today" is Monday 9 March 2026 (no holiday that month) unless a test
 * moves it. Every helper fails the test on error.
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
  gint64      wang;      /* 王建国: legal aid and epidemic prevention */
  gint64      li;        /* 李秀英: legal aid */
  gint64      zhao;      /* 赵志强: legal aid */
} ServicesFixture;

static inline void
xf_test_services_set_today (const char *day)
{
  g_setenv ("XIANFENG_TODAY", day, TRUE);
}

/* An active individual pioneer in @region_code, industry C (manufacturing). */
static inline gint64
xf_test_services_add_pioneer (XfRegistry *registry,
                              const char *name,
                              const char *region_code)
{
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("individual");
  g_autoptr(GError) error = NULL;

  g_object_set (pioneer,
                "name", name,
                "birth-date", "1980-05-01",
                "region-code", region_code,
                "industry", "C",
                "skills", "法律咨询 数控加工",
                NULL);
  g_assert_true (xf_registry_save_pioneer (registry, pioneer, &error));
  g_assert_no_error (error);
  return xf_pioneer_get_id (pioneer);
}

/* An available offer of @item_code by @pioneer_id in the pioneer's region. */
static inline gint64
xf_test_services_add_offer (XfServices *services,
                            gint64      pioneer_id,
                            const char *item_code,
                            int         capacity)
{
  g_autoptr(XfServiceOffer) offer = xf_service_offer_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  offer->pioneer_id = pioneer_id;
  offer->item_code = g_strdup (item_code);
  offer->description = g_strdup ("提供上门或电话服务。");
  offer->capacity_per_month = capacity;
  id = xf_services_save_offer (services, offer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
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

/* The fixture on the store at @location (NULL: a fresh one). */
static inline void
xf_test_services_set_up_at (ServicesFixture *fixture,
                            const char      *location)
{
  xf_test_services_set_today (XF_TEST_SERVICES_TODAY);
  fixture->store = location != NULL ? xf_test_open_store_at (location) : xf_test_open_store ();
  fixture->registry = xf_test_new_registry (fixture->store);
  fixture->services = xf_services_new (fixture->registry);
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

#define add_services_test(path, func) \
  g_test_add (path, ServicesFixture, NULL, xf_test_services_set_up, func, xf_test_services_tear_down)

G_END_DECLS
