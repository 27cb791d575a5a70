/* test-registry-permissions.c — the permission matrix at the registry
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-audit.h"
#include "xf-error.h"
#include "xf-identity.h"
#include "xf-registry-list.h"
#include "xf-registry-scan.h"
#include "xf-test-store.h"

/*
 * Every role against every registry operation, in scope and out of it,
 * as xf-permission.h's matrix says; the expectations are written out here
 * rather than derived, so that a change to the matrix shows as a failure.
 * Every refusal must be XF_ERROR_PERMISSION_DENIED and leave the database
 * exactly as it was (rows, versions, honours and the audit trail).
 *
 * The registry holds, written by the local administrator:
 *   Deqing:  a file in 330521001 (Deqing county), no organisation
 *   Anji:    a file in 330523001 (Anji county) of the youth league
 *   Union:   a file in 330502001 (Wuxing) of the model workers' association,
 *            whose parent is the federation of trade unions ("union")
 * each with one honour, and an archived twin of each.
 */

typedef enum
{
  ROLE_ADMINISTRATOR,
  ROLE_CLERK_DEQING,
  ROLE_CLERK_UNION,
  ROLE_REVIEWER,
  ROLE_DISPATCHER,
  ROLE_AUDITOR,
  ROLE_DISABLED,
  N_ROLES,
} Role;

typedef enum
{
  PLACE_DEQING,
  PLACE_ANJI,
  PLACE_UNION,
  N_PLACES,
} Place;

typedef enum
{
  OP_GET,
  OP_LIST,
  OP_CREATE_IN,
  OP_CREATE_OUT,
  OP_EDIT_IN,
  OP_EDIT_OUT,
  OP_MOVE_OUT,
  OP_ARCHIVE_IN,
  OP_ARCHIVE_OUT,
  OP_RESTORE_IN,
  OP_RESTORE_OUT,
  OP_HONOUR_ADD_IN,
  OP_HONOUR_ADD_OUT,
  OP_HONOUR_REMOVE_IN,
  OP_HONOUR_REMOVE_OUT,
  OP_REVEAL_IN,
  OP_REVEAL_OUT,
  OP_CHANGES,
  N_OPS,
} Op;

static const char * const op_names[N_OPS] = {
  "get", "list", "create-in", "create-out", "edit-in", "edit-out", "move-out",
  "archive-in", "archive-out", "restore-in", "restore-out", "honour-add-in",
  "honour-add-out", "honour-remove-in", "honour-remove-out", "reveal-in",
  "reveal-out", "changes",
};

static const struct
{
  const char *login;
  Place       in;        /* where the role's scope is; out is always Anji */
  /* One character per Op: Y allowed, - refused. */
  const char *expected;
  /* Whether files at the in-place and at Anji come masked. */
  gboolean    masked_in;
  gboolean    masked_out;
} roles[N_ROLES] = {
  /*                                          get list create  edit    move archive restore honour  remove  reveal  changes
   *                                               in out in out       in out   in out  in out  in out  in out      */
  [ROLE_ADMINISTRATOR] = { "admin",      PLACE_DEQING, "YYYYYYYYYYYYYYYYYY", FALSE, FALSE },
  [ROLE_CLERK_DEQING]  = { "deqing",     PLACE_DEQING, "YYY-Y--Y-Y-Y-Y-Y-Y", FALSE, TRUE },
  [ROLE_CLERK_UNION]   = { "unionclerk", PLACE_UNION,  "YYY-Y--Y-Y-Y-Y-Y-Y", FALSE, TRUE },
  [ROLE_REVIEWER]      = { "reviewer",   PLACE_DEQING, "YY---------------Y", TRUE,  TRUE },
  [ROLE_DISPATCHER]    = { "dispatcher", PLACE_DEQING, "YY---------------Y", TRUE,  TRUE },
  [ROLE_AUDITOR]       = { "auditor",    PLACE_DEQING, "YY-------------YYY", TRUE,  TRUE },
  [ROLE_DISABLED]      = { "disabled",   PLACE_DEQING, "------------------", TRUE,  TRUE },
};

static const struct
{
  const char *region;
  const char *organisation;   /* code, or NULL */
  const char *id_first17;
  const char *mobile;
} places[N_PLACES] = {
  [PLACE_DEQING] = { "330521001", NULL, "33052119800101123", "13800138000" },
  [PLACE_ANJI]   = { "330523001", "youth-league", "33052319850202234", "13900139001" },
  [PLACE_UNION]  = { "330502001", "model-workers-association", "33050219900303345", "13700137002" },
};

typedef struct
{
  XfStore    *store;
  XfRegistry *admin;
  gint64      active[N_PLACES];
  gint64      archived[N_PLACES];
  gint64      honour[N_PLACES];   /* one honour of each active file */
  guint       serial;             /* makes new identity numbers unique */
} Fixture;

static XfAccount *
make_account (Role role)
{
  XfAccount *account = xf_account_new (roles[role].login, roles[role].login);

  switch (role)
    {
    case ROLE_ADMINISTRATOR:
      xf_account_add_grant (account, XF_ROLE_ADMINISTRATOR, XF_SCOPE_ALL, NULL);
      break;
    case ROLE_CLERK_DEQING:
      xf_account_add_grant (account, XF_ROLE_CLERK, XF_SCOPE_REGION, "330521");
      break;
    case ROLE_CLERK_UNION:
      xf_account_add_grant (account, XF_ROLE_CLERK, XF_SCOPE_ORGANISATION, "union");
      break;
    case ROLE_REVIEWER:
      xf_account_add_grant (account, XF_ROLE_REVIEWER, XF_SCOPE_ALL, NULL);
      break;
    case ROLE_DISPATCHER:
      xf_account_add_grant (account, XF_ROLE_DISPATCHER, XF_SCOPE_ALL, NULL);
      break;
    case ROLE_AUDITOR:
      xf_account_add_grant (account, XF_ROLE_AUDITOR, XF_SCOPE_ALL, NULL);
      break;
    case ROLE_DISABLED:
      xf_account_add_grant (account, XF_ROLE_CLERK, XF_SCOPE_ALL, NULL);
      xf_account_set_disabled (account, TRUE);
      break;
    case N_ROLES:
    default:
      g_assert_not_reached ();
    }
  return account;
}

static XfRegistry *
registry_for (Fixture *fixture,
              Role     role)
{
  g_autoptr(XfAccount) account = make_account (role);

  return xf_registry_new (fixture->store, account);
}

static gint64
organisation_id (Fixture    *fixture,
                 const char *code)
{
  g_autoptr(GPtrArray) list = NULL;

  if (code == NULL)
    return 0;
  list = xf_registry_list_organisations (fixture->admin, NULL);
  for (guint i = 0; i < list->len; i++)
    {
      XfOrganisationInfo *info = g_ptr_array_index (list, i);

      if (g_str_equal (info->code, code))
        return info->id;
    }
  g_assert_not_reached ();
}

static char *
make_id (const char *first17)
{
  return g_strdup_printf ("%s%c", first17, xf_identity_id_check_char (first17));
}

/* A new, valid file at @place; the identity number differs per call. */
static XfPioneer *
new_pioneer (Fixture    *fixture,
             Place       place,
             const char *name)
{
  XfPioneer *pioneer = xf_pioneer_new ("individual");
  g_autofree char *first17 = g_strdup (places[place].id_first17);
  g_autofree char *id = NULL;

  /* The sequence digits (15-16) tell the files apart. */
  first17[14] = '0' + (fixture->serial / 10) % 10;
  first17[15] = '0' + fixture->serial % 10;
  fixture->serial++;
  id = make_id (first17);
  g_object_set (pioneer,
                "name", name,
                "id-number", id,
                "mobile", places[place].mobile,
                "region-code", places[place].region,
                "organisation-id", organisation_id (fixture, places[place].organisation),
                NULL);
  return pioneer;
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = xf_test_open_store ();
  fixture->admin = xf_test_new_registry (fixture->store);
  g_assert_true (xf_registry_ensure_organisations (fixture->admin, &error));
  g_assert_no_error (error);

  for (Place place = 0; place < N_PLACES; place++)
    {
      g_autoptr(XfPioneer) active = new_pioneer (fixture, place, "在册");
      g_autoptr(XfPioneer) archived = new_pioneer (fixture, place, "已归档");
      g_autoptr(XfHonour) honour = xf_honour_new ("湖州市劳动模范", "city", 2020);

      g_assert_true (xf_registry_save_pioneer (fixture->admin, active, &error));
      g_assert_no_error (error);
      fixture->active[place] = xf_pioneer_get_id (active);
      g_assert_true (xf_registry_add_honour (fixture->admin, fixture->active[place], honour, &error));
      g_assert_no_error (error);
      fixture->honour[place] = xf_honour_get_id (honour);

      g_assert_true (xf_registry_save_pioneer (fixture->admin, archived, &error));
      g_assert_true (xf_registry_archive_pioneer (fixture->admin, archived, "迁出", &error));
      g_assert_no_error (error);
      fixture->archived[place] = xf_pioneer_get_id (archived);
    }
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_assert_finalize_object (fixture->admin);
  g_assert_finalize_object (fixture->store);
}

/* Everything a write could change, as one text. */
static char *
snapshot (Fixture *fixture)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " files, versions %" G_GINT64_FORMAT
                          ", honours %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
                          ", updated %" G_GINT64_FORMAT ", audit %" G_GINT64_FORMAT,
                          xf_test_query_int64 (fixture->store, "SELECT count(*) FROM pioneers"),
                          xf_test_query_int64 (fixture->store, "SELECT sum(version) FROM pioneers"),
                          xf_test_query_int64 (fixture->store, "SELECT sum(honours_count) FROM pioneers"),
                          xf_test_query_int64 (fixture->store, "SELECT count(*) FROM honours"),
                          xf_test_query_int64 (fixture->store, "SELECT max(updated_at) FROM pioneers"),
                          xf_test_query_int64 (fixture->store, "SELECT count(*) FROM audit_log"));
}

/* The stored file, plain, as the administrator reads it. */
static XfPioneer *
admin_get (Fixture *fixture,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  XfPioneer *pioneer = xf_registry_get_pioneer (fixture->admin, id, &error);

  g_assert_no_error (error);
  return pioneer;
}

static gboolean
count_row (const XfPioneerSummary *summary,
           gpointer                user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

/* Reading the whole registry: a list, a count and a scan. */
static gboolean
run_list (XfRegistry  *registry,
          GError     **error)
{
  g_autoptr(XfRegistryList) list = xf_registry_list_new (registry, NULL);
  guint scanned = 0;
  gint64 count;

  if (xf_registry_list_get_error (list) != NULL)
    {
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
      g_propagate_error (error, g_error_copy (xf_registry_list_get_error (list)));
      g_assert_cmpint (xf_registry_count_pioneers (registry, NULL, NULL), ==, -1);
      g_assert_false (xf_registry_foreach_match (registry, NULL, NULL, count_row, &scanned, NULL, NULL));
      g_assert_null (xf_registry_list_organisations (registry, NULL));
      return FALSE;
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_PLACES);
  count = xf_registry_count_pioneers (registry, NULL, error);
  g_assert_cmpint (count, ==, N_PLACES);
  g_assert_true (xf_registry_foreach_match (registry, NULL, NULL, count_row, &scanned, NULL, error));
  g_assert_cmpuint (scanned, ==, N_PLACES);
  return TRUE;
}

static gboolean
run_op (Fixture     *fixture,
        XfRegistry  *registry,
        Role         role,
        Op           op,
        GError     **error)
{
  Place in = roles[role].in;
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autoptr(XfHonour) honour = NULL;
  g_autoptr(GListModel) honours = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *value = NULL;

  switch (op)
    {
    case OP_GET:
      pioneer = xf_registry_get_pioneer (registry, fixture->active[in], error);
      if (pioneer == NULL)
        {
          g_assert_null (xf_registry_list_honours (registry, fixture->active[in], NULL));
          return FALSE;
        }
      honours = xf_registry_list_honours (registry, fixture->active[in], error);
      return honours != NULL && g_list_model_get_n_items (honours) == 1;
    case OP_LIST:
      return run_list (registry, error);
    case OP_CREATE_IN:
    case OP_CREATE_OUT:
      pioneer = new_pioneer (fixture, op == OP_CREATE_IN ? in : PLACE_ANJI, "新建");
      return xf_registry_save_pioneer (registry, pioneer, error);
    case OP_EDIT_IN:
    case OP_EDIT_OUT:
      pioneer = admin_get (fixture, fixture->active[op == OP_EDIT_IN ? in : PLACE_ANJI]);
      g_object_set (pioneer, "tags", "改过", NULL);
      return xf_registry_save_pioneer (registry, pioneer, error);
    case OP_MOVE_OUT:
      pioneer = admin_get (fixture, fixture->active[in]);
      g_object_set (pioneer, "region-code", places[PLACE_ANJI].region,
                    "organisation-id", organisation_id (fixture, places[PLACE_ANJI].organisation), NULL);
      return xf_registry_save_pioneer (registry, pioneer, error);
    case OP_ARCHIVE_IN:
    case OP_ARCHIVE_OUT:
      pioneer = admin_get (fixture, fixture->active[op == OP_ARCHIVE_IN ? in : PLACE_ANJI]);
      return xf_registry_archive_pioneer (registry, pioneer, "调离", error);
    case OP_RESTORE_IN:
    case OP_RESTORE_OUT:
      pioneer = admin_get (fixture, fixture->archived[op == OP_RESTORE_IN ? in : PLACE_ANJI]);
      return xf_registry_restore_pioneer (registry, pioneer, error);
    case OP_HONOUR_ADD_IN:
    case OP_HONOUR_ADD_OUT:
      honour = xf_honour_new ("浙江省劳动模范", "provincial", 2022);
      return xf_registry_add_honour (registry, fixture->active[op == OP_HONOUR_ADD_IN ? in : PLACE_ANJI],
                                     honour, error);
    case OP_HONOUR_REMOVE_IN:
    case OP_HONOUR_REMOVE_OUT:
      return xf_registry_remove_honour (registry, fixture->honour[op == OP_HONOUR_REMOVE_IN ? in : PLACE_ANJI],
                                        error);
    case OP_REVEAL_IN:
    case OP_REVEAL_OUT:
      value = xf_registry_reveal_personal (registry, fixture->active[op == OP_REVEAL_IN ? in : PLACE_ANJI],
                                           "id-number", error);
      return value != NULL;
    case OP_CHANGES:
      changes = xf_registry_list_changes (registry, fixture->active[in], error);
      return changes != NULL;
    case N_OPS:
    default:
      g_assert_not_reached ();
    }
}

/* Whether @op writes (and so adds to the audit trail when allowed). */
static gboolean
op_writes (Op op)
{
  return op != OP_GET && op != OP_LIST && op != OP_CHANGES;
}

static void
test_matrix (Fixture       *fixture,
             gconstpointer  data)
{
  Role role = GPOINTER_TO_INT (data);
  g_autoptr(XfRegistry) registry = registry_for (fixture, role);

  g_assert_cmpuint (strlen (roles[role].expected), ==, N_OPS);
  for (Op op = 0; op < N_OPS; op++)
    {
      g_autofree char *before = snapshot (fixture);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      gboolean allowed = roles[role].expected[op] == 'Y';
      gboolean done;
      gint64 audit_before = xf_test_query_int64 (fixture->store, "SELECT count(*) FROM audit_log");

      g_test_message ("%s: %s", roles[role].login, op_names[op]);
      done = run_op (fixture, registry, role, op, &error);
      after = snapshot (fixture);
      if (allowed)
        {
          g_assert_no_error (error);
          g_assert_true (done);
          if (op_writes (op))
            g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT count(*) FROM audit_log"),
                             >, audit_before);
          else
            g_assert_cmpstr (after, ==, before);
        }
      else
        {
          g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
          g_assert_false (done);
          g_assert_nonnull (strstr (error->message, roles[role].login));
          g_assert_cmpstr (after, ==, before);
        }
    }
}

static void
assert_masking (XfRegistry *registry,
                gint64      id,
                gboolean    masked,
                const char *first17,
                const char *mobile)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (registry, id, &error);
  g_autofree char *plain_id = make_id (first17);
  g_autofree char *masked_id = g_strdup_printf ("%.6s********%s", plain_id, plain_id + 14);
  g_autofree char *masked_mobile = g_strdup_printf ("%.3s****%s", mobile, mobile + 7);
  g_autofree char *shown_mobile = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (xf_registry_masks_personal (registry, pioneer), ==, masked);
  shown_mobile = xf_pioneer_dup_field (pioneer, "mobile");
  g_assert_cmpstr (xf_pioneer_get_id_number (pioneer), ==, masked ? masked_id : plain_id);
  g_assert_cmpstr (shown_mobile, ==, masked ? masked_mobile : mobile);
}

static void
test_masking (Fixture       *fixture,
              gconstpointer  data)
{
  for (Role role = 0; role < N_ROLES; role++)
    {
      g_autoptr(XfRegistry) registry = registry_for (fixture, role);
      Place in = roles[role].in;
      g_autofree char *in17 = g_strdup (places[in].id_first17);
      g_autofree char *anji17 = g_strdup (places[PLACE_ANJI].id_first17);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", roles[role].login);
      if (role == ROLE_DISABLED)
        {
          g_assert_null (xf_registry_get_pioneer (registry, fixture->active[in], &error));
          g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
          continue;
        }
      /* The active files were the first made at each place: sequence 00, 02, 04. */
      in17[14] = '0', in17[15] = '0' + 2 * in;
      anji17[14] = '0', anji17[15] = '0' + 2 * PLACE_ANJI;
      assert_masking (registry, fixture->active[in], roles[role].masked_in, in17, places[in].mobile);
      assert_masking (registry, fixture->active[PLACE_ANJI], roles[role].masked_out, anji17,
                      places[PLACE_ANJI].mobile);
    }
}

/* Saving a masked record keeps the stored values; a changed value is checked. */
static void
test_masked_save (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(XfPioneer) stored = admin_get (fixture, fixture->active[PLACE_DEQING]);
  g_autoptr(XfPioneer) pioneer = xf_pioneer_copy (stored);
  g_autoptr(XfPioneer) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain_id = g_strdup (xf_pioneer_get_id_number (stored));
  g_autofree char *masked_id = g_strdup_printf ("%.6s********%s", plain_id, plain_id + 14);
  g_autofree char *mobile = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *sql = NULL;

  g_object_set (pioneer, "id-number", masked_id, "mobile", "138****8000", "tags", "改过", NULL);
  g_assert_true (xf_registry_save_pioneer (fixture->admin, pioneer, &error));
  g_assert_no_error (error);
  read = admin_get (fixture, fixture->active[PLACE_DEQING]);
  mobile = xf_pioneer_dup_field (read, "mobile");
  tags = xf_pioneer_dup_field (read, "tags");
  g_assert_cmpstr (xf_pioneer_get_id_number (read), ==, plain_id);
  g_assert_cmpstr (mobile, ==, "13800138000");
  g_assert_cmpstr (tags, ==, "改过");
  /* Only the tags changed. */
  sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = 'update' AND record_uid = '%s'",
                         xf_pioneer_get_uid (stored));
  g_assert_cmpint (xf_test_query_int64 (fixture->store, sql), ==, 1);

  /* Stars over other text are no identity number. */
  g_object_set (read, "id-number", "330521********9999", NULL);
  g_assert_false (xf_registry_save_pioneer (fixture->admin, read, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);

  /* A real new value is saved. */
  g_clear_object (&read);
  read = admin_get (fixture, fixture->active[PLACE_DEQING]);
  g_object_set (read, "mobile", "13600136000", NULL);
  g_assert_true (xf_registry_save_pioneer (fixture->admin, read, &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  read = admin_get (fixture, fixture->active[PLACE_DEQING]);
  g_clear_pointer (&mobile, g_free);
  mobile = xf_pioneer_dup_field (read, "mobile");
  g_assert_cmpstr (mobile, ==, "13600136000");
}

/* Revealing is audited without the value; the history masks as the file does. */
static void
test_reveal_audited (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(XfRegistry) auditor = registry_for (fixture, ROLE_AUDITOR);
  g_autoptr(XfRegistry) reviewer = registry_for (fixture, ROLE_REVIEWER);
  g_autoptr(XfPioneer) stored = admin_get (fixture, fixture->active[PLACE_DEQING]);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *new_value = NULL;
  gint64 audit = xf_test_query_int64 (fixture->store, "SELECT count(*) FROM audit_log");

  value = xf_registry_reveal_personal (auditor, fixture->active[PLACE_DEQING], "mobile", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "13800138000");
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT count(*) FROM audit_log"), ==, audit + 1);
  sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = 'reveal' AND field = 'mobile' "
                         "AND actor_login = 'auditor' AND old_value IS NULL AND record_uid = '%s'",
                         xf_pioneer_get_uid (stored));
  g_assert_cmpint (xf_test_query_int64 (fixture->store, sql), ==, 1);
  new_value = xf_test_query_text (fixture->store, "SELECT new_value FROM audit_log ORDER BY seq DESC LIMIT 1");
  g_assert_cmpstr (new_value, ==, "(revealed)");
  g_assert_cmpint (xf_test_query_int64 (fixture->store,
                                        "SELECT count(*) FROM audit_log WHERE action = 'reveal' "
                                        "AND (new_value LIKE '%13800138000%' OR old_value LIKE '%13800138000%')"),
                   ==, 0);

  /* The reveal is no change of the file; personal values in the history
   * are masked for those who see the file masked. */
  changes = xf_registry_list_changes (reviewer, fixture->active[PLACE_DEQING], &error);
  g_assert_no_error (error);
  for (guint i = 0; i < changes->len; i++)
    {
      XfChange *change = g_ptr_array_index (changes, i);

      g_assert_cmpstr (change->new_value, !=, "(revealed)");
      if (g_str_equal (change->field, "mobile"))
        g_assert_cmpstr (change->new_value, ==, "138****8000");
      if (g_str_equal (change->field, "id-number"))
        g_assert_nonnull (strstr (change->new_value, "********"));
    }
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = xf_registry_list_changes (fixture->admin, fixture->active[PLACE_DEQING], &error);
  for (guint i = 0; i < changes->len; i++)
    {
      XfChange *change = g_ptr_array_index (changes, i);

      if (g_str_equal (change->field, "mobile"))
        g_assert_cmpstr (change->new_value, ==, "13800138000");
    }

  /* Nothing to reveal: no value, nothing recorded. */
  g_clear_pointer (&value, g_free);
  g_object_set (stored, "mobile", NULL, NULL);
  g_assert_true (xf_registry_save_pioneer (fixture->admin, stored, &error));
  audit = xf_test_query_int64 (fixture->store, "SELECT count(*) FROM audit_log");
  value = xf_registry_reveal_personal (auditor, fixture->active[PLACE_DEQING], "mobile", &error);
  g_assert_no_error (error);
  g_assert_null (value);
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT count(*) FROM audit_log"), ==, audit);
}

/* Loading the organisations into an empty table is setup: any reader may. */
static void
test_first_start (void)
{
  g_autoptr(XfStore) store = xf_test_open_store ();
  g_autoptr(XfAccount) clerk = make_account (ROLE_CLERK_DEQING);
  g_autoptr(XfAccount) disabled = make_account (ROLE_DISABLED);
  g_autoptr(XfRegistry) refused = xf_registry_new (store, disabled);
  g_autoptr(XfRegistry) registry = xf_registry_new (store, clerk);
  g_autoptr(GError) error = NULL;

  g_assert_false (xf_registry_ensure_organisations (refused, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (xf_test_query_int64 (store, "SELECT count(*) FROM organisations"), ==, 0);

  g_assert_true (xf_registry_ensure_organisations (registry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_test_query_int64 (store, "SELECT count(*) FROM organisations"), >, 20);
  g_assert_true (xf_registry_get_actor (registry) == clerk);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (Role role = 0; role < N_ROLES; role++)
    {
      g_autofree char *path = g_strdup_printf ("/core/registry-permissions/matrix/%s", roles[role].login);

      g_test_add (path, Fixture, GINT_TO_POINTER (role), set_up, test_matrix, tear_down);
    }
  g_test_add ("/core/registry-permissions/masking", Fixture, NULL, set_up, test_masking, tear_down);
  g_test_add ("/core/registry-permissions/masked-save", Fixture, NULL, set_up, test_masked_save, tear_down);
  g_test_add ("/core/registry-permissions/reveal-audited", Fixture, NULL, set_up, test_reveal_audited,
              tear_down);
  g_test_add_func ("/core/registry-permissions/first-start", test_first_start);

  return g_test_run ();
}
