/* xf-test-care-people.h — the fixture of the visits, calendar and report
 *                          tests: a store, a care repository and people
 *                          made by hand
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "xf-audit.h"
#include "xf-care.h"
#include "xf-error.h"
#include "xf-test-store.h"

G_BEGIN_DECLS

/*
 * "Today" is Monday 9 March 2026 unless a test moves it; the registry acts
 * as the local administrator and has the shipped organisations and care
 * programmes (data/reference/care-programmes.json). Every
 * helper fails the test on error.
 */

#define XF_TEST_CARE_TODAY "2026-03-09"
#define XF_TEST_DEQING     "330521"
#define XF_TEST_WUKANG     "330521001"   /* a township of Deqing */
#define XF_TEST_ANJI       "330523"

typedef struct
{
  XfStore    *store;
  XfRegistry *registry;
  XfCare     *care;
} CareFixture;

static inline void
xf_test_care_set_up (CareFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("XIANFENG_TODAY", XF_TEST_CARE_TODAY, TRUE);
  fixture->store = xf_test_open_store ();
  fixture->registry = xf_test_new_registry (fixture->store);
  g_assert_true (xf_registry_ensure_organisations (fixture->registry, &error));
  g_assert_no_error (error);
  fixture->care = xf_care_new (fixture->registry);
  /* The catalogue is seeded at its first reading: before a test counts. */
  g_ptr_array_unref (xf_care_list_programmes (fixture->care, FALSE, &error));
  g_assert_no_error (error);
}

static inline void
xf_test_care_tear_down (CareFixture   *fixture,
                        gconstpointer  data)
{
  g_assert_finalize_object (fixture->care);
  g_assert_finalize_object (fixture->registry);
  g_assert_finalize_object (fixture->store);
  g_unsetenv ("XIANFENG_TODAY");
}

/* A care repository acting as a new account @login with @role at
 * @region (NULL: everywhere). */
static inline XfCare *
xf_test_care_as (CareFixture *fixture,
                 const char  *login,
                 XfRole       role,
                 const char  *region)
{
  g_autoptr(XfAccount) account = xf_account_new (login, login);
  g_autoptr(XfRegistry) registry = NULL;

  xf_account_add_grant (account, role, region != NULL ? XF_SCOPE_REGION : XF_SCOPE_ALL, region);
  registry = xf_registry_new (fixture->store, account);
  return xf_care_new (registry);
}

/* Fails the test unless @error is XF_ERROR_INVALID naming @field
 * ("Date: "). */
static inline void
xf_test_care_assert_invalid (const GError *error,
                             const char   *field)
{
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, field))
    g_error ("“%s” does not name %s", error->message, field);
}

/* Adds @func as the test @path on this fixture. */
#define xf_test_care_add(path, func) \
  g_test_add ((path), CareFixture, NULL, xf_test_care_set_up, (func), xf_test_care_tear_down)

/* The id of the organisation @code (0 for NULL). */
static inline gint64
xf_test_care_organisation_id (CareFixture *fixture,
                              const char  *code)
{
  g_autofree char *sql = NULL;

  if (code == NULL)
    return 0;
  sql = g_strdup_printf ("SELECT id FROM organisations WHERE code = '%s'", code);
  return xf_test_query_int64 (fixture->store, sql);
}

/* An active individual born on @birth_date (NULL: none) in @region_code,
 * of @organisation (a code, or NULL). */
static inline gint64
xf_test_care_add_person (CareFixture *fixture,
                         const char  *name,
                         const char  *birth_date,
                         const char  *region_code,
                         const char  *organisation)
{
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("individual");
  g_autoptr(GError) error = NULL;

  g_object_set (pioneer, "name", name, "region-code", region_code, NULL);
  if (birth_date != NULL)
    g_object_set (pioneer, "birth-date", birth_date, NULL);
  if (organisation != NULL)
    g_object_set (pioneer, "organisation-id", xf_test_care_organisation_id (fixture, organisation),
                  NULL);
  g_assert_true (xf_registry_save_pioneer (fixture->registry, pioneer, &error));
  g_assert_no_error (error);
  return xf_pioneer_get_id (pioneer);
}

/* Gives @pioneer_id an honour (which sets the tier from its level). */
static inline void
xf_test_care_add_honour (CareFixture *fixture,
                         gint64       pioneer_id,
                         const char  *title,
                         const char  *level,
                         int          year)
{
  g_autoptr(XfHonour) honour = xf_honour_new (title, level, year);
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_registry_add_honour (fixture->registry, pioneer_id, honour, &error));
  g_assert_no_error (error);
}

/* A care record of @programme given on @on_date, by hand. */
static inline gint64
xf_test_care_add_record (CareFixture *fixture,
                         gint64       pioneer_id,
                         const char  *programme,
                         const char  *on_date,
                         gint64       amount)
{
  g_autoptr(XfCareRecord) record = xf_care_record_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  record->pioneer_id = pioneer_id;
  record->programme_code = g_strdup (programme);
  record->on_date = g_strdup (on_date);
  record->amount = amount;
  id = xf_care_add_record (fixture->care, record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A new visit (unsaved) to @pioneer_id on @planned_on. */
static inline XfCareVisit *
xf_test_care_new_visit (gint64      pioneer_id,
                        const char *purpose,
                        const char *planned_on)
{
  XfCareVisit *visit = xf_care_visit_new ();

  visit->pioneer_id = pioneer_id;
  visit->purpose = g_strdup (purpose);
  visit->planned_on = g_strdup (planned_on);
  visit->assignees = g_strdup ("张敏、李强");
  return visit;
}

static inline gint64
xf_test_care_plan_visit (CareFixture *fixture,
                         gint64       pioneer_id,
                         const char  *purpose,
                         const char  *planned_on)
{
  g_autoptr(XfCareVisit) visit = xf_test_care_new_visit (pioneer_id, purpose, planned_on);
  g_autoptr(GError) error = NULL;
  gint64 id = xf_care_save_visit (fixture->care, visit, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

G_END_DECLS
