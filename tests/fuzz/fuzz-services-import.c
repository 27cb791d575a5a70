/* fuzz-services-import.c — the public channel's requests import (JSON
 * lines) over any bytes, against a small in-memory database
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The database holds 王建国 (uid "p-1", Wukang), who offers legal aid
 * ("cp-legal-aid"), so that corpus lines can book him; "today" is
 * 2026-03-09. Good lines are stored (the import has no dry run), so the
 * database is made again every RESET inputs to keep it small.
 */

#include <stdlib.h>
#include <string.h>

#include "xf-fuzz.h"
#include "xf-test-services.h"

#define RESET 500

static XfStore    *store;
static XfRegistry *registry;
static XfServices *services;
static guint       runs;

static void
tear_down (void)
{
  g_clear_object (&services);
  g_clear_object (&registry);
  g_clear_object (&store);
}

static void
set_up (void)
{
  g_autoptr(XfServiceOffer) offer = xf_service_offer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 id;

  store = xf_test_open_store ();
  registry = xf_test_new_registry (store);
  services = xf_services_new (registry);
  id = xf_test_services_new_pioneer (registry, "individual", "王建国", XF_TEST_WUKANG, "L",
                                     "劳动法 法律援助", "德清县律师事务所");
  sql = g_strdup_printf ("UPDATE pioneers SET uid = 'p-1' WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_true (xf_db_exec (xf_store_get_db (store), sql, &error));
  g_assert_no_error (error);
  offer->pioneer_id = id;
  offer->item_code = g_strdup ("cp-legal-aid");
  offer->capacity_per_month = 8;
  g_assert_cmpint (xf_services_save_offer (services, offer, &error), >, 0);
  g_assert_no_error (error);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  xf_fuzz_setup ();
  g_unsetenv ("XIANFENG_TEST_POSTGRESQL");
  g_unsetenv ("XIANFENG_TEST_BACKEND");
  set_up ();
  atexit (tear_down);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) input = g_memory_input_stream_new_from_data (g_memdup2 (data, size), size, g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(XfServiceImportReport) report = NULL;
  guint last_line = 0;

  if (++runs % RESET == 0)
    {
      tear_down ();
      set_up ();
    }
  report = xf_services_import_requests (services, input, NULL, &error);
  /* A memory stream cannot fail, nor can an in-memory database. */
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->refusals->len, ==, report->refused);
  for (guint i = 0; i < report->refusals->len; i++)
    {
      const XfImportRefusal *refusal = report->refusals->pdata[i];

      g_assert_cmpuint (refusal->line, >, last_line);
      last_line = refusal->line;
      g_assert_nonnull (refusal->reason);
      g_assert_true (g_utf8_validate (refusal->reason, -1, NULL));
    }
  return 0;
}
