/* xf-test-services.h — requests and offers ready for the services' UI tests
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-services.h"
#include "xf-test-evaluation.h"

G_BEGIN_DECLS

/* The service every request of these tests asks for. */
#define XF_TEST_ITEM "cp-technical-help"

/* An individual pioneer born on @birth_date in @region_code (a 9-digit
 * township code). */
static inline gint64
xf_test_services_add_pioneer_born (XfRegistry *registry,
                                   const char *name,
                                   const char *region_code,
                                   const char *birth_date)
{
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("individual");
  g_autoptr(GError) error = NULL;

  g_object_set (pioneer, "name", name, "region-code", region_code, "birth-date", birth_date,
                "employer", "浙江德清金属制品有限公司", "skills", "数控机床 设备维修 技术攻关", NULL);
  g_assert_true (xf_registry_save_pioneer (registry, pioneer, &error));
  g_assert_no_error (error);
  return xf_pioneer_get_id (pioneer);
}

static inline gint64
xf_test_services_add_pioneer (XfRegistry *registry,
                              const char *name,
                              const char *region_code)
{
  return xf_test_services_add_pioneer_born (registry, name, region_code, "1980-05-01");
}

/* An available on-site offer of @item_code, five a month. */
static inline gint64
xf_test_services_add_offer_of (XfServices *services,
                               gint64      pioneer_id,
                               const char *item_code)
{
  g_autoptr(XfServiceOffer) offer = xf_service_offer_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  offer->pioneer_id = pioneer_id;
  offer->item_code = g_strdup (item_code);
  offer->description = g_strdup ("上门排查数控设备故障，指导日常保养。");
  offer->regions = g_strdup ("");
  offer->mode = g_strdup (XF_SERVICE_MODE_ON_SITE);
  offer->capacity_per_month = 5;
  offer->available = TRUE;
  id = xf_services_save_offer (services, offer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static inline gint64
xf_test_services_add_offer (XfServices *services,
                            gint64      pioneer_id)
{
  return xf_test_services_add_offer_of (services, pioneer_id, XF_TEST_ITEM);
}

/* A request from @requester for @item_code in @region_code, booked for
 * @booked_pioneer_id (0: open to a claim). */
static inline gint64
xf_test_services_add_request_from (XfServices *services,
                                   const char *requester,
                                   const char *item_code,
                                   const char *region_code,
                                   gint64      booked_pioneer_id)
{
  g_autoptr(XfServiceRequest) request = xf_service_request_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  request->requester_name = g_strdup (requester);
  request->requester_contact = g_strdup ("13812345678");
  request->item_code = g_strdup (item_code);
  request->region_code = g_strdup (region_code);
  request->place = g_strdup ("德清县武康街道长虹中街 88 号");
  request->preferred_time = g_strdup ("工作日上午");
  request->description = g_strdup ("车间一台数控车床主轴异响，想请先锋上门看看。");
  request->booked_pioneer_id = booked_pioneer_id;
  id = xf_services_create_request (services, request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A request from 张秀英 of a Deqing factory. */
static inline gint64
xf_test_services_add_request (XfServices *services,
                              gint64      booked_pioneer_id)
{
  return xf_test_services_add_request_from (services, "张秀英", XF_TEST_ITEM, "330521001",
                                            booked_pioneer_id);
}

static inline XfServiceRequest *
xf_test_services_get (XfServices *services,
                      gint64      request_id)
{
  g_autoptr(GError) error = NULL;
  XfServiceRequest *request = xf_services_get_request (services, request_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (request);
  return request;
}

G_END_DECLS
