/* test-registry-bulk.c — one field set on many files (xf_registry_bulk_edit)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-audit.h"
#include "xf-error.h"
#include "xf-identity.h"
#include "xf-test-store.h"

/*
 * The registry holds, written by the local administrator:
 *   deqing[0..3]  individuals in Deqing (330521001); deqing[0] has an
 *                 identity number (born 1980-01-01), the others none;
 *                 deqing[2] and deqing[3] already in industry C
 *   anji          an individual in Anji (330523001)
 *   collective    a collective in Deqing
 */

#define N_DEQING 4

typedef struct
{
  XfStore    *store;
  XfRegistry *admin;
  gint64      deqing[N_DEQING];
  gint64      anji;
  gint64      collective;
  GArray     *changed_ids;   /* what "changed" was emitted for */
} Fixture;

static gint64
save_new (XfRegistry *registry,
          XfPioneer  *pioneer)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_registry_save_pioneer (registry, pioneer, &error));
  g_assert_no_error (error);
  return xf_pioneer_get_id (pioneer);
}

static XfPioneer *
new_individual (const char *name,
                const char *region,
                const char *industry)
{
  XfPioneer *pioneer = xf_pioneer_new ("individual");

  g_object_set (pioneer, "name", name, "region-code", region, "industry", industry, NULL);
  return pioneer;
}

static void
changed_cb (XfRegistry *registry,
            gint64      pioneer_id,
            Fixture    *fixture)
{
  g_array_append_val (fixture->changed_ids, pioneer_id);
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  static const char *names[N_DEQING] = { "甲", "乙", "丙", "丁" };
  static const char *industries[N_DEQING] = { "A", NULL, "C", "C" };
  g_autofree char *id_number = NULL;
  g_autoptr(XfPioneer) collective = xf_pioneer_new ("collective");
  g_autoptr(GError) error = NULL;

  fixture->store = xf_test_open_store ();
  fixture->admin = xf_test_new_registry (fixture->store);
  g_assert_true (xf_registry_ensure_organisations (fixture->admin, &error));
  g_assert_no_error (error);

  id_number = g_strdup_printf ("33052119800101123%c", xf_identity_id_check_char ("33052119800101123"));
  for (guint i = 0; i < N_DEQING; i++)
    {
      g_autoptr(XfPioneer) pioneer = new_individual (names[i], "330521001", industries[i]);

      if (i == 0)
        g_object_set (pioneer, "id-number", id_number, NULL);
      fixture->deqing[i] = save_new (fixture->admin, pioneer);
    }
  {
    g_autoptr(XfPioneer) anji = new_individual ("戊", "330523001", NULL);

    fixture->anji = save_new (fixture->admin, anji);
  }
  g_object_set (collective, "name", "德清某班组", "region-code", "330521001", NULL);
  fixture->collective = save_new (fixture->admin, collective);

  fixture->changed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (fixture->admin, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_array_unref (fixture->changed_ids);
  g_assert_finalize_object (fixture->admin);
  g_assert_finalize_object (fixture->store);
}

/* Everything a write could change, as one text. */
static char *
snapshot (Fixture *fixture)
{
  g_autofree char *industries = xf_test_query_text (fixture->store,
                                                    "SELECT count(*) || '/' || count(industry) || '/' || "
                                                    "coalesce(max(industry), '-') FROM pioneers");
  g_autofree char *births = xf_test_query_text (fixture->store,
                                                "SELECT count(birth_date) || '/' || "
                                                "coalesce(max(birth_date), '-') FROM pioneers");

  return g_strdup_printf ("versions %" G_GINT64_FORMAT ", updated %" G_GINT64_FORMAT
                          ", industries %s, births %s, audit %" G_GINT64_FORMAT,
                          xf_test_query_int64 (fixture->store, "SELECT sum(version) FROM pioneers"),
                          xf_test_query_int64 (fixture->store, "SELECT sum(updated_at) FROM pioneers"),
                          industries, births,
                          xf_test_query_int64 (fixture->store, "SELECT count(*) FROM audit_log"));
}

static XfPioneer *
load (Fixture *fixture,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  XfPioneer *pioneer = xf_registry_get_pioneer (fixture->admin, id, &error);

  g_assert_no_error (error);
  return pioneer;
}

static gint64
updated_at (XfPioneer *pioneer)
{
  gint64 value = 0;

  g_object_get (pioneer, "updated-at", &value, NULL);
  return value;
}

typedef struct
{
  guint         n_calls;
  double        last;
  GCancellable *cancel_after_first;
} Progress;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpfloat (fraction, >=, progress->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  progress->last = fraction;
  progress->n_calls++;
  if (progress->cancel_after_first != NULL)
    g_cancellable_cancel (progress->cancel_after_first);
}

/* Every Deqing file to industry C: two already hold it and are left alone. */
static void
test_changes (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPioneer) untouched_before = load (fixture, fixture->deqing[2]);
  g_autoptr(XfPioneer) untouched_after = NULL;
  Progress progress = { 0 };
  guint changed = 99;

  g_assert_true (xf_registry_bulk_edit (fixture->admin, fixture->deqing, N_DEQING, "industry", "C",
                                        progress_cb, &progress, NULL, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_cmpuint (progress.n_calls, >=, 2);

  for (guint i = 0; i < N_DEQING; i++)
    {
      g_autoptr(XfPioneer) pioneer = load (fixture, fixture->deqing[i]);

      g_assert_cmpstr (xf_pioneer_get_industry (pioneer), ==, "C");
      g_assert_cmpint (xf_pioneer_get_version (pioneer), ==, i < 2 ? 2 : 1);
    }
  /* The files that held C already: not even their timestamp moved. */
  untouched_after = load (fixture, fixture->deqing[2]);
  g_assert_cmpint (updated_at (untouched_after), ==, updated_at (untouched_before));

  /* "changed" once per changed file, after the commit. */
  g_assert_cmpuint (fixture->changed_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (fixture->changed_ids, gint64, 0), ==, fixture->deqing[0]);
  g_assert_cmpint (g_array_index (fixture->changed_ids, gint64, 1), ==, fixture->deqing[1]);

  /* Others untouched. */
  {
    g_autoptr(XfPioneer) anji = load (fixture, fixture->anji);

    g_assert_null (xf_pioneer_get_industry (anji));
    g_assert_cmpint (xf_pioneer_get_version (anji), ==, 1);
  }
}

/* Each change is one XF_AUDIT_BULK_EDIT entry: field, old → new, about the
 * file; the chain still verifies. */
static void
test_audit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPioneer) first = load (fixture, fixture->deqing[0]);
  g_autoptr(XfAuditVerification) verification = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  XfAuditFilter filter = { .action = XF_AUDIT_BULK_EDIT };
  gint64 before = xf_test_query_int64 (fixture->store, "SELECT count(*) FROM audit_log");

  g_assert_true (xf_registry_bulk_edit (fixture->admin, fixture->deqing, N_DEQING, "industry", "C",
                                        NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT count(*) FROM audit_log"), ==, before + 2);

  entries = xf_audit_query (fixture->store, xf_registry_get_actor (fixture->admin), &filter, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  /* Newest first: 乙 (none → C), then 甲 (A → C). */
  {
    XfAuditEntry *second = g_ptr_array_index (entries, 0);
    XfAuditEntry *one = g_ptr_array_index (entries, 1);

    g_assert_cmpstr (one->record_type, ==, "pioneer");
    g_assert_cmpstr (one->record_uid, ==, xf_pioneer_get_uid (first));
    g_assert_cmpstr (one->record_label, ==, "甲");
    g_assert_cmpstr (one->field, ==, "industry");
    g_assert_cmpstr (one->old_value, ==, "A");
    g_assert_cmpstr (one->new_value, ==, "C");
    g_assert_cmpstr (second->record_label, ==, "乙");
    g_assert_null (second->old_value);
    g_assert_cmpstr (second->new_value, ==, "C");
  }

  /* The file's own history shows it too. */
  {
    g_autoptr(GPtrArray) changes = xf_registry_list_changes (fixture->admin, fixture->deqing[0], &error);
    XfChange *newest;

    g_assert_no_error (error);
    newest = g_ptr_array_index (changes, 0);
    g_assert_cmpstr (newest->field, ==, "industry");
    g_assert_cmpstr (newest->new_value, ==, "C");
  }

  verification = xf_audit_verify (fixture->store, xf_registry_get_actor (fixture->admin), NULL, NULL, NULL,
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpint (verification->problem, ==, XF_AUDIT_OK);
}

/* A birth date the identity number of 甲 contradicts: nothing is written,
 * and the error names 甲. */
static void
test_invalid_refuses_all (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (fixture);
  g_autofree char *after = NULL;
  gint64 ids[] = { fixture->deqing[1], fixture->deqing[2], fixture->deqing[0], fixture->deqing[3] };
  guint changed = 99;

  g_assert_false (xf_registry_bulk_edit (fixture->admin, ids, G_N_ELEMENTS (ids), "birth-date", "1990-05-05",
                                         NULL, NULL, NULL, &changed, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“甲”"));
  g_assert_cmpuint (changed, ==, 0);
  after = snapshot (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (fixture->changed_ids->len, ==, 0);
  g_clear_error (&error);

  /* A value no file may hold names the first file. */
  g_assert_false (xf_registry_bulk_edit (fixture->admin, ids, G_N_ELEMENTS (ids), "industry", "Z",
                                         NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "“乙” ("));
  g_clear_error (&error);

  /* A field the collective has not. */
  {
    gint64 mixed[] = { fixture->deqing[1], fixture->collective };

    g_assert_false (xf_registry_bulk_edit (fixture->admin, mixed, G_N_ELEMENTS (mixed), "tags", "劳模",
                                           NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "“德清某班组”"));
    g_clear_error (&error);
  }

  /* Not a field a bulk edit may set; a file that does not exist. */
  g_assert_false (xf_registry_bulk_edit (fixture->admin, ids, G_N_ELEMENTS (ids), "tier", "national",
                                         NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);
  {
    gint64 missing[] = { fixture->deqing[1], 999999 };

    g_assert_false (xf_registry_bulk_edit (fixture->admin, missing, G_N_ELEMENTS (missing), "industry", "C",
                                           NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  g_free (after);
  after = snapshot (fixture);
  g_assert_cmpstr (after, ==, before);
}

/* Two files with one identity number: the second is a duplicate, so none. */
static void
test_duplicate_refuses_all (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (fixture);
  g_autofree char *after = NULL;
  g_autofree char *id_number = g_strdup_printf ("33052119900505123%c",
                                                xf_identity_id_check_char ("33052119900505123"));
  gint64 ids[] = { fixture->deqing[1], fixture->deqing[2] };

  g_assert_false (xf_registry_bulk_edit (fixture->admin, ids, G_N_ELEMENTS (ids), "id-number", id_number,
                                         NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_DUPLICATE);
  g_assert_true (g_str_has_prefix (error->message, "“丙” ("));
  after = snapshot (fixture);
  g_assert_cmpstr (after, ==, before);
}

/* A clerk of Deqing: a list with a file in Anji is refused whole, naming
 * it; moving Deqing files to Anji is refused too (edit at the new place). */
static void
test_scope_refuses_all (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(XfAccount) account = xf_account_new ("deqing", "德清办事员");
  g_autoptr(XfRegistry) clerk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (fixture);
  g_autofree char *after = NULL;
  gint64 ids[] = { fixture->deqing[0], fixture->deqing[1], fixture->anji };
  guint changed = 99;

  xf_account_add_grant (account, XF_ROLE_CLERK, XF_SCOPE_REGION, "330521");
  clerk = xf_registry_new (fixture->store, account);

  g_assert_false (xf_registry_bulk_edit (clerk, ids, G_N_ELEMENTS (ids), "industry", "C",
                                         NULL, NULL, NULL, &changed, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "“戊”"));
  g_assert_cmpuint (changed, ==, 0);
  after = snapshot (fixture);
  g_assert_cmpstr (after, ==, before);
  g_clear_error (&error);

  g_assert_false (xf_registry_bulk_edit (clerk, fixture->deqing, N_DEQING, "region-code", "330523001",
                                         NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_free (after);
  after = snapshot (fixture);
  g_assert_cmpstr (after, ==, before);

  /* In its own county the clerk may. */
  g_assert_true (xf_registry_bulk_edit (clerk, fixture->deqing, N_DEQING, "industry", "C",
                                        NULL, NULL, NULL, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
}

/* Cancelled after the first file: rolled back, no signal. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (fixture);
  g_autofree char *after = NULL;
  Progress progress = { .cancel_after_first = cancellable };
  guint changed = 99;

  g_assert_false (xf_registry_bulk_edit (fixture->admin, fixture->deqing, N_DEQING, "industry", "F",
                                         progress_cb, &progress, cancellable, &changed, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.n_calls, ==, 1);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (fixture->changed_ids->len, ==, 0);
  after = snapshot (fixture);
  g_assert_cmpstr (after, ==, before);

  /* The registry is usable afterwards. */
  g_clear_error (&error);
  g_assert_true (xf_registry_bulk_edit (fixture->admin, fixture->deqing, N_DEQING, "industry", "F",
                                        NULL, NULL, NULL, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, N_DEQING);
}

/* Clearing a field, and an organisation by its number. */
static void
test_clear_and_organisation (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) organisations = xf_registry_list_organisations (fixture->admin, &error);
  XfOrganisationInfo *info;
  g_autofree char *number = NULL;
  guint changed = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (organisations->len, >, 0);
  info = g_ptr_array_index (organisations, 0);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, info->id);

  g_assert_true (xf_registry_bulk_edit (fixture->admin, fixture->deqing, N_DEQING, "industry", "",
                                        NULL, NULL, NULL, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpint (xf_test_query_int64 (fixture->store,
                                        "SELECT count(*) FROM pioneers WHERE industry IS NOT NULL"), ==, 0);

  g_assert_true (xf_registry_bulk_edit (fixture->admin, fixture->deqing, N_DEQING, "organisation-id", number,
                                        NULL, NULL, NULL, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, N_DEQING);
  {
    g_autoptr(XfPioneer) pioneer = load (fixture, fixture->deqing[3]);

    g_assert_cmpint (xf_pioneer_get_organisation_id (pioneer), ==, info->id);
    g_assert_cmpstr (xf_pioneer_get_organisation_name (pioneer), ==, info->name);
  }

  /* An unknown organisation refuses all. */
  g_assert_false (xf_registry_bulk_edit (fixture->admin, fixture->deqing, N_DEQING, "organisation-id",
                                         "987654", NULL, NULL, NULL, &changed, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
}

/* Inside a caller's transaction the edit is a savepoint: the caller's
 * rollback undoes it (what `pioneers bulk-edit --dry-run` does). */
static void
test_nested_rollback (Fixture       *fixture,
                      gconstpointer  data)
{
  XfDb *db = xf_store_get_db (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (fixture);
  g_autofree char *after = NULL;
  guint changed = 0;

  g_assert_true (xf_db_begin (db, &error));
  g_assert_true (xf_registry_bulk_edit (fixture->admin, fixture->deqing, N_DEQING, "industry", "C",
                                        NULL, NULL, NULL, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpint (xf_test_query_int64 (fixture->store,
                                        "SELECT count(*) FROM pioneers WHERE industry = 'C'"), ==, 4);
  xf_db_rollback (db);
  after = snapshot (fixture);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/registry-bulk/changes", Fixture, NULL, set_up, test_changes, tear_down);
  g_test_add ("/core/registry-bulk/audit", Fixture, NULL, set_up, test_audit, tear_down);
  g_test_add ("/core/registry-bulk/invalid-refuses-all", Fixture, NULL, set_up, test_invalid_refuses_all,
              tear_down);
  g_test_add ("/core/registry-bulk/duplicate-refuses-all", Fixture, NULL, set_up, test_duplicate_refuses_all,
              tear_down);
  g_test_add ("/core/registry-bulk/scope-refuses-all", Fixture, NULL, set_up, test_scope_refuses_all,
              tear_down);
  g_test_add ("/core/registry-bulk/cancel", Fixture, NULL, set_up, test_cancel, tear_down);
  g_test_add ("/core/registry-bulk/clear-and-organisation", Fixture, NULL, set_up,
              test_clear_and_organisation, tear_down);
  g_test_add ("/core/registry-bulk/nested-rollback", Fixture, NULL, set_up, test_nested_rollback, tear_down);
  return g_test_run ();
}
