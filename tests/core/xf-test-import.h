/* xf-test-import.h — what the import tests share (header only)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "xf-identity.h"
#include "xf-import.h"
#include "xf-registry.h"
#include "xf-test-store.h"

typedef struct
{
  XfStore    *store;
  XfRegistry *registry;
} XfTestImportFixture;

/* A fresh store and an administrator's registry with the organisations
 * loaded, for g_test_add (). */
static inline void
xf_test_import_setup (XfTestImportFixture *fixture,
                      gconstpointer        data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = xf_test_open_store ();
  fixture->registry = xf_test_new_registry (fixture->store);
  g_assert_true (xf_registry_ensure_organisations (fixture->registry, &error));
  g_assert_no_error (error);
}

static inline void
xf_test_import_teardown (XfTestImportFixture *fixture,
                         gconstpointer        data)
{
  g_clear_object (&fixture->registry);
  g_clear_object (&fixture->store);
}

/* A valid identity number: @region (6 digits), @birth (YYYYMMDD), @seq
 * (3 digits; odd is male). */
static inline char *
xf_test_make_id_number (const char *region,
                        const char *birth,
                        guint       seq)
{
  char first17[18];

  g_snprintf (first17, sizeof first17, "%.6s%.8s%03u", region, birth, seq % 1000);
  return g_strdup_printf ("%s%c", first17, xf_identity_id_check_char (first17));
}

/* A valid unified social credit code of Deqing, made unique by @n. */
static inline char *
xf_test_make_credit_code (guint n)
{
  char first17[18];

  g_snprintf (first17, sizeof first17, "91330521MA%07u", n % 10000000);
  return g_strdup_printf ("%s%c", first17, xf_identity_credit_check_char (first17));
}

/* An import of @csv (UTF-8 text), loaded; fails the test when it cannot load. */
static inline XfImport *
xf_test_load_csv (XfRegistry *registry,
                  const char *csv)
{
  XfImport *import = xf_import_new (registry);
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_import_load_bytes (import, bytes, "list.csv", NULL, &error));
  g_assert_no_error (error);
  return import;
}

static inline void
xf_test_analyse (XfImport *import)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_import_analyse (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (xf_import_is_analysed (import));
}

/* An individual saved through the registry. */
static inline XfPioneer *
xf_test_save_individual (XfRegistry *registry,
                         const char *name,
                         const char *id_number,
                         const char *region)
{
  XfPioneer *pioneer = xf_pioneer_new ("individual");
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_pioneer_set_field (pioneer, "name", name, NULL));
  if (id_number != NULL)
    {
      XfIdentityFacts facts;

      g_assert_true (xf_identity_check_id_number (id_number, &facts, NULL));
      g_assert_true (xf_pioneer_set_field (pioneer, "id-number", id_number, NULL));
      g_assert_true (xf_pioneer_set_field (pioneer, "birth-date", facts.birth_date, NULL));
    }
  g_assert_true (xf_pioneer_set_field (pioneer, "region-code", region, NULL));
  g_assert_true (xf_registry_save_pioneer (registry, pioneer, &error));
  g_assert_no_error (error);
  return pioneer;
}
