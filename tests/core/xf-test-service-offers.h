/* xf-test-service-offers.h — the fixture of the catalogue, offer and
 *                             match tests
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

/* "Today" is Monday 9 March 2026; services act as the local administrator. */
#define OFFERS_TODAY "2026-03-09"

typedef struct
{
  XfStore    *store;
  XfRegistry *registry;
  XfServices *services;
} OffersFixture;

static inline void
offers_set_up (OffersFixture *fixture,
               gconstpointer  data)
{
  g_setenv ("XIANFENG_TODAY", OFFERS_TODAY, TRUE);
  fixture->store = xf_test_open_store ();
  fixture->registry = xf_test_new_registry (fixture->store);
  fixture->services = xf_services_new (fixture->registry);
}

static inline void
offers_tear_down (OffersFixture *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->services);
  g_clear_object (&fixture->registry);
  g_clear_object (&fixture->store);
}

/* An active individual with the given skills and industry. */
static inline gint64
offers_add_pioneer (OffersFixture *fixture,
                    const char    *name,
                    const char    *region_code,
                    const char    *industry,
                    const char    *skills)
{
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("individual");
  g_autoptr(GError) error = NULL;

  g_object_set (pioneer, "name", name, "birth-date", "1980-05-01", "employer", "德清县机械厂",
                "region-code", region_code, "industry", industry, "skills", skills, NULL);
  g_assert_true (xf_registry_save_pioneer (fixture->registry, pioneer, &error));
  g_assert_no_error (error);
  return xf_pioneer_get_id (pioneer);
}

static inline void
offers_archive (OffersFixture *fixture,
                gint64         id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (fixture->registry, id, &error);

  g_assert_no_error (error);
  g_assert_true (xf_registry_archive_pioneer (fixture->registry, pioneer, "retired", &error));
  g_assert_no_error (error);
}

/* XfServices acting as a new account holding @role in @region (NULL: everywhere). */
static inline XfServices *
offers_services_as (OffersFixture *fixture,
                    const char    *login,
                    XfRole         role,
                    const char    *region)
{
  g_autoptr(XfAccount) account = xf_test_add_account (fixture->store, login, role,
                                                      region != NULL ? XF_SCOPE_REGION : XF_SCOPE_ALL,
                                                      region != NULL ? region : "");
  g_autoptr(XfRegistry) registry = xf_registry_new (fixture->store, account);

  return xf_services_new (registry);
}

static inline gint64
offers_save (XfServices *services,
             gint64      pioneer_id,
             const char *item_code,
             const char *regions,
             const char *mode,
             int         capacity)
{
  g_autoptr(XfServiceOffer) offer = xf_service_offer_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  offer->pioneer_id = pioneer_id;
  offer->item_code = g_strdup (item_code);
  g_free (offer->regions);
  offer->regions = g_strdup (regions);
  g_free (offer->mode);
  offer->mode = g_strdup (mode);
  offer->capacity_per_month = capacity;
  id = xf_services_save_offer (services, offer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
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
offers_add_request (OffersFixture *fixture,
                    const char    *item_code,
                    const char    *region,
                    gint64         claimer,
                    gint64         claimed_at,
                    const char    *status,
                    int            rating,
                    gint64         rated_at)
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

static inline void
offers_assert_error_has (GError     *error,
                         int         code,
                         const char *text)
{
  g_assert_error (error, XF_ERROR, code);
  if (strstr (error->message, text) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, text);
}

G_END_DECLS
