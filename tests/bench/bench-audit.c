/* bench-audit.c — filling and verifying a long audit trail
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-audit fill LOCATION [N]   appends N entries (default 1,000,000) in
 *                                 one transaction through xf_audit_append
 * bench-audit verify LOCATION     times xf_audit_verify over the whole chain
 *
 * Each prints one line, e.g.
 *   fill entries: 1000000 seconds: 9.81 entries-per-second: 101937
 *   verify entries: 1000000 seconds: 3.12 entries-per-second: 320512 result: ok
 * LOCATION is a file path or a postgresql:// URL. The verification records
 * the head under $XDG_STATE_HOME: run-audit-bench.sh points it elsewhere.
 * See run-audit-bench.sh for the baselines.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "xf-audit.h"
#include "xf-store.h"

static const char * const fields[] = { "employer", "mobile", "tier", "position", "deeds" };
static const char * const names[] = { "王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆" };

static int
fill (XfStore *store,
      gint64   n)
{
  g_autoptr(XfAccount) actor = xf_account_new ("clerk.deqing", "德清县办事员");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  XfDb *db = xf_store_get_db (store);
  double seconds;

  if (!xf_db_begin (db, &error))
    goto failed;
  for (gint64 i = 0; i < n; i++)
    {
      g_autoptr(XfAuditEntry) entry = xf_audit_entry_new ();
      char uid[40], old_value[32], new_value[32];

      /* Realistic sizes: a uuid, a Chinese name, short before/after values. */
      g_snprintf (uid, sizeof uid, "6f1c2d3e-4b5a-4c6d-8e7f-%012" G_GINT64_MODIFIER "x", i % 100000);
      g_snprintf (old_value, sizeof old_value, "德清县第%" G_GINT64_FORMAT "单位", i);
      g_snprintf (new_value, sizeof new_value, "湖州市第%" G_GINT64_FORMAT "单位", i + 1);
      entry->action = g_strdup (XF_AUDIT_UPDATE);
      entry->record_type = g_strdup ("pioneer");
      entry->record_uid = g_strdup (uid);
      entry->record_label = g_strdup (names[i % G_N_ELEMENTS (names)]);
      entry->field = g_strdup (fields[i % G_N_ELEMENTS (fields)]);
      entry->old_value = g_strdup (old_value);
      entry->new_value = g_strdup (new_value);
      if (!xf_audit_append (db, actor, entry, &error))
        goto failed;
    }
  if (!xf_db_commit (db, &error))
    goto failed;

  seconds = g_timer_elapsed (timer, NULL);
  printf ("fill entries: %" G_GINT64_FORMAT " seconds: %.2f entries-per-second: %.0f\n",
          n, seconds, n / seconds);
  return 0;

failed:
  xf_db_rollback (db);
  fprintf (stderr, "bench-audit: %s\n", error->message);
  return 1;
}

static int
verify (XfStore *store)
{
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(XfAuditVerification) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  double seconds;

  result = xf_audit_verify (store, admin, NULL, NULL, NULL, &error);
  seconds = g_timer_elapsed (timer, NULL);
  if (result == NULL)
    {
      fprintf (stderr, "bench-audit: %s\n", error->message);
      return 1;
    }
  printf ("verify entries: %" G_GINT64_FORMAT " seconds: %.2f entries-per-second: %.0f result: %s\n",
          result->n_entries, seconds, result->n_entries / seconds,
          result->problem == XF_AUDIT_OK ? "ok" : result->message);
  return result->problem == XF_AUDIT_OK ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(XfStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (argc < 3 || (g_strcmp0 (argv[1], "fill") != 0 && g_strcmp0 (argv[1], "verify") != 0))
    {
      fprintf (stderr, "Usage: bench-audit fill LOCATION [N] | verify LOCATION\n");
      return 2;
    }
  store = xf_store_open (argv[2], &error);
  if (store == NULL)
    {
      fprintf (stderr, "bench-audit: %s\n", error->message);
      return 1;
    }
  if (g_str_equal (argv[1], "fill"))
    return fill (store, argc > 3 ? g_ascii_strtoll (argv[3], NULL, 10) : 1000000);
  return verify (store);
}
