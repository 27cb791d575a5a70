/* fuzz-events-import.c — the engagement events import (JSON lines) over
 * any bytes, as a dry run against a small in-memory database
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The database holds three pioneers whose uids are "p-1", "p-2" and
 * "p-3" (and a collective, "team"), so that corpus lines can name them;
 * "today" is 2026-03-09.
 */

#include <string.h>

#include "xf-fuzz.h"
#include "xf-test-ranking.h"

static RankingFixture fixture;

static void
set_uid (gint64      id,
         const char *uid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE pioneers SET uid = '%s' WHERE id = %" G_GINT64_FORMAT, uid, id);

  g_assert_true (xf_db_exec (xf_store_get_db (fixture.store), sql, &error));
  g_assert_no_error (error);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  xf_fuzz_setup ();
  /* Always SQLite, in memory: the fuzzer runs thousands of inputs a second. */
  g_unsetenv ("XIANFENG_TEST_POSTGRESQL");
  g_unsetenv ("XIANFENG_TEST_BACKEND");
  xf_test_ranking_set_up (&fixture, NULL);
  set_uid (fixture.a, "p-1");
  set_uid (fixture.b, "p-2");
  set_uid (fixture.c, "p-3");
  set_uid (fixture.team, "team");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) input = g_memory_input_stream_new_from_data (g_memdup2 (data, size), size, g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(XfEventImportReport) report = NULL;

  report = xf_ranking_import_events (fixture.ranking, input, "fuzz.jsonl", TRUE, NULL, &error);
  /* A memory stream cannot fail, nor can the dry run's look-ups. */
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->added + report->duplicates + report->problems->len, ==, report->lines);
  for (guint i = 0; i < report->problems->len; i++)
    {
      const char *problem = report->problems->pdata[i];

      g_assert_true (g_str_has_prefix (problem, "Line "));
      g_assert_true (g_utf8_validate (problem, -1, NULL));
    }
  /* A dry run writes nothing. */
  g_assert_cmpint (xf_test_query_int64 (fixture.store, "SELECT count(*) FROM engagement_events"), ==, 0);
  return 0;
}
