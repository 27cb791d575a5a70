/* test-permission.c — the permission matrix, at the xf_permission level
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-error.h"
#include "xf-permission.h"

/*
 * The matrix of xf-permission.h, copied here by hand (not read from the
 * implementation), one string per operation with one letter per role in
 * the order administrator, clerk, reviewer, dispatcher, auditor:
 * Y = everywhere, S = within the grant's scope, - = never.
 */
static const struct
{
  XfOperation  op;
  const char  *code;
  const char  *cells;
} matrix[] = {
  { XF_OP_REGISTRY_READ,     "registry-read",     "YYYYY" },
  { XF_OP_PIONEER_CREATE,    "pioneer-create",    "YS---" },
  { XF_OP_PIONEER_EDIT,      "pioneer-edit",      "YS---" },
  { XF_OP_PIONEER_ARCHIVE,   "pioneer-archive",   "YS---" },
  { XF_OP_HONOUR_EDIT,       "honour-edit",       "YS---" },
  { XF_OP_PERSONAL_VIEW,     "personal-view",     "YS---" },
  { XF_OP_PERSONAL_REVEAL,   "personal-reveal",   "YS--Y" },
  { XF_OP_ORGANISATION_EDIT, "organisation-edit", "Y----" },
  { XF_OP_ACCOUNT_MANAGE,    "account-manage",    "Y----" },
  { XF_OP_AUDIT_READ,        "audit-read",        "Y---Y" },
  { XF_OP_REVIEW,            "review",            "Y-S--" },
  { XF_OP_REQUEST_EDIT,      "request-edit",      "YS---" },
  { XF_OP_SERVICE_DISPATCH,  "service-dispatch",  "Y--S-" },
  { XF_OP_CAMPAIGN_MANAGE,   "campaign-manage",   "Y----" },
  { XF_OP_NOMINATION_VET,    "nomination-vet",    "YS---" },
  { XF_OP_NOMINATION_DECIDE, "nomination-decide", "Y----" },
  { XF_OP_SERVICE_CATALOGUE, "service-catalogue", "Y----" },
  { XF_OP_RANKING_MANAGE, "ranking-manage", "Y----" },
  { XF_OP_DATABASE_ADMIN, "database-admin", "Y----" },
  { XF_OP_DATABASE_CHECK, "database-check", "Y---Y" },
  { XF_OP_CULTIVATION_EDIT, "cultivation-edit", "YS---" },
  { XF_OP_CARE_CATALOGUE, "care-catalogue", "Y----" },
  { XF_OP_CARE_MANAGE, "care-manage", "YS---" },
  { XF_OP_HARDSHIP_VIEW, "hardship-view", "YS---" },
  { XF_OP_HARDSHIP_APPROVE, "hardship-approve", "YS---" },
  { XF_OP_HARDSHIP_DECIDE, "hardship-decide", "Y----" },
  { XF_OP_PUBLIC_SUBMIT, "public-submit", "-----" },
};

static const char * const role_codes[] = {
  "administrator", "clerk", "reviewer", "dispatcher", "auditor",
};

/* Deqing county is 330521, Anji 330523. */
static const char * const deqing_union_ancestors[] = { "deqing-union", "huzhou-union", NULL };
static const char * const anji_union_ancestors[] = { "anji-union", "huzhou-union", NULL };

/* Targets in and out of a region grant "330521" and an organisation grant
 * "deqing-union": the region target's organisation and the organisation
 * target's region are outside the other scope, so each target is in scope
 * through one rule only. */
static const XfTarget region_in = { "330521101", "anji-union-3", anji_union_ancestors };
static const XfTarget region_out = { "330523101", "anji-union-3", anji_union_ancestors };
static const XfTarget organisation_in = { "330523101", "deqing-union-2", deqing_union_ancestors };
static const XfTarget organisation_out = { "330523101", "anji-union-3", anji_union_ancestors };

static XfAccount *
account_with (XfRole       role,
              XfScopeKind  scope,
              const char  *value)
{
  XfAccount *account = xf_account_new ("liming", "Li Ming");

  xf_account_add_grant (account, role, scope, value);
  return account;
}

static void
assert_allows (XfAccount      *account,
               XfOperation     op,
               const XfTarget *target,
               gboolean        expected)
{
  g_autoptr(GError) error = NULL;
  gboolean checked;

  g_assert_cmpint (xf_permission_allows (account, op, target), ==, expected);
  checked = xf_permission_check (account, op, target, &error);
  g_assert_cmpint (checked, ==, expected);
  if (expected)
    g_assert_no_error (error);
  else
    g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
}

static void
test_operation_codes (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (matrix), ==, XF_N_OPS);
  for (guint i = 0; i < G_N_ELEMENTS (matrix); i++)
    {
      g_assert_cmpuint (matrix[i].op, ==, i);
      g_assert_cmpstr (xf_operation_to_string (matrix[i].op), ==, matrix[i].code);
      g_assert_nonnull (xf_operation_get_label (matrix[i].op));
    }
}

/* Every role × operation × (in scope, out of scope, no target), with a
 * grant scoped by @scope. */
static void
run_scoped_matrix (XfScopeKind     scope,
                   const char     *value,
                   const XfTarget *in_scope,
                   const XfTarget *out_of_scope)
{
  guint checked = 0;

  for (guint role = 0; role < XF_N_ROLES; role++)
    {
      g_autoptr(XfAccount) account = account_with (role, scope, value);

      for (guint i = 0; i < G_N_ELEMENTS (matrix); i++)
        {
          char cell = matrix[i].cells[role];

          g_test_message ("%s %s: %c", role_codes[role], matrix[i].code, cell);
          assert_allows (account, matrix[i].op, in_scope, cell != '-');
          assert_allows (account, matrix[i].op, out_of_scope, cell == 'Y');
          assert_allows (account, matrix[i].op, NULL, cell == 'Y');
          g_assert_cmpint (xf_permission_allows_somewhere (account, matrix[i].op), ==, cell != '-');
          checked += 3;
        }
    }
  g_assert_cmpuint (checked, ==, 3 * XF_N_ROLES * XF_N_OPS);
}

static void
test_region_scope (void)
{
  run_scoped_matrix (XF_SCOPE_REGION, "330521", &region_in, &region_out);
}

static void
test_organisation_scope (void)
{
  run_scoped_matrix (XF_SCOPE_ORGANISATION, "deqing-union", &organisation_in, &organisation_out);
}

/* An unscoped grant allows every S cell anywhere, with or without a target. */
static void
test_unscoped (void)
{
  for (guint role = 0; role < XF_N_ROLES; role++)
    {
      g_autoptr(XfAccount) account = account_with (role, XF_SCOPE_ALL, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (matrix); i++)
        {
          gboolean expected = matrix[i].cells[role] != '-';

          assert_allows (account, matrix[i].op, &region_in, expected);
          assert_allows (account, matrix[i].op, &region_out, expected);
          assert_allows (account, matrix[i].op, NULL, expected);
        }
    }
}

static void
test_disabled (void)
{
  for (guint role = 0; role < XF_N_ROLES; role++)
    {
      g_autoptr(XfAccount) account = account_with (role, XF_SCOPE_ALL, NULL);

      xf_account_set_disabled (account, TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (matrix); i++)
        {
          assert_allows (account, matrix[i].op, &region_in, FALSE);
          assert_allows (account, matrix[i].op, NULL, FALSE);
          g_assert_false (xf_permission_allows_somewhere (account, matrix[i].op));
        }
    }
}

/* The portal's actor reads (masked) and submits, nothing else, and the
 * login alone does not make it. */
static void
test_public (void)
{
  g_autoptr(XfAccount) visitor = xf_account_new_public ();
  g_autoptr(XfAccount) copy = xf_account_copy (visitor);
  g_autoptr(XfAccount) impostor = xf_account_new ("public", "Public");

  g_assert_true (xf_account_is_public (visitor));
  g_assert_true (xf_account_is_public (copy));
  g_assert_false (xf_account_is_public (impostor));
  g_assert_false (xf_account_is_local_administrator (visitor));
  for (guint i = 0; i < G_N_ELEMENTS (matrix); i++)
    {
      gboolean expected = matrix[i].op == XF_OP_REGISTRY_READ || matrix[i].op == XF_OP_PUBLIC_SUBMIT;

      assert_allows (visitor, matrix[i].op, &region_in, expected);
      assert_allows (copy, matrix[i].op, NULL, expected);
      assert_allows (impostor, matrix[i].op, NULL, FALSE);
    }
  g_assert_false (xf_permission_allows (visitor, XF_OP_PERSONAL_VIEW, NULL));
}

static void
test_local_administrator (void)
{
  g_autoptr(XfAccount) local = xf_account_new_local_administrator ();
  g_autoptr(XfAccount) copy = xf_account_copy (local);
  /* The login alone does not make the local administrator. */
  g_autoptr(XfAccount) impostor = xf_account_new ("local", "Local");

  g_assert_true (xf_account_is_local_administrator (local));
  g_assert_true (xf_account_is_local_administrator (copy));
  g_assert_false (xf_account_is_local_administrator (impostor));
  g_assert_cmpstr (xf_account_get_login (local), ==, "local");
  g_assert_true (xf_account_has_role (local, XF_ROLE_ADMINISTRATOR));

  for (guint i = 0; i < G_N_ELEMENTS (matrix); i++)
    {
      assert_allows (local, matrix[i].op, &region_in, TRUE);
      assert_allows (local, matrix[i].op, &region_out, TRUE);
      assert_allows (local, matrix[i].op, NULL, TRUE);
      assert_allows (copy, matrix[i].op, NULL, TRUE);
      assert_allows (impostor, matrix[i].op, NULL, FALSE);
    }
}

static void
test_no_grants (void)
{
  g_autoptr(XfAccount) account = xf_account_new ("nobody", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (matrix); i++)
    {
      assert_allows (account, matrix[i].op, NULL, FALSE);
      assert_allows (account, matrix[i].op, &region_in, FALSE);
    }
}

/* A region grant covers its own code and every code below it, no other. */
static void
test_region_prefix (void)
{
  g_autoptr(XfAccount) clerk = account_with (XF_ROLE_CLERK, XF_SCOPE_REGION, "330521");
  const XfTarget county = { "330521", NULL, NULL };
  const XfTarget village = { "330521101203", NULL, NULL };
  const XfTarget city = { "3305", NULL, NULL };
  const XfTarget neighbour = { "330522", NULL, NULL };
  const XfTarget no_region = { NULL, "deqing-union", NULL };

  assert_allows (clerk, XF_OP_PIONEER_EDIT, &county, TRUE);
  assert_allows (clerk, XF_OP_PIONEER_EDIT, &village, TRUE);
  assert_allows (clerk, XF_OP_PIONEER_EDIT, &city, FALSE);
  assert_allows (clerk, XF_OP_PIONEER_EDIT, &neighbour, FALSE);
  assert_allows (clerk, XF_OP_PIONEER_EDIT, &no_region, FALSE);
}

/* An organisation grant covers that organisation and its descendants. */
static void
test_organisation_ancestors (void)
{
  g_autoptr(XfAccount) clerk = account_with (XF_ROLE_CLERK, XF_SCOPE_ORGANISATION, "huzhou-union");
  const XfTarget itself = { NULL, "huzhou-union", NULL };
  const XfTarget child = { NULL, "deqing-union-2", deqing_union_ancestors };
  const char * const parent_only[] = { "zhejiang-union", NULL };
  const XfTarget parent = { NULL, "huzhou-union-parent", parent_only };
  const XfTarget orphan = { NULL, "deqing-union-2", NULL };

  assert_allows (clerk, XF_OP_HONOUR_EDIT, &itself, TRUE);
  assert_allows (clerk, XF_OP_HONOUR_EDIT, &child, TRUE);
  assert_allows (clerk, XF_OP_HONOUR_EDIT, &parent, FALSE);
  assert_allows (clerk, XF_OP_HONOUR_EDIT, &orphan, FALSE);
}

/* Two grants: each covers its own scope and role only. */
static void
test_several_grants (void)
{
  g_autoptr(XfAccount) account = account_with (XF_ROLE_CLERK, XF_SCOPE_REGION, "330521");
  const XfTarget deqing = { "330521101", NULL, NULL };
  const XfTarget anji = { "330523101", NULL, NULL };

  xf_account_add_grant (account, XF_ROLE_REVIEWER, XF_SCOPE_REGION, "330523");
  /* The same grant twice is held once. */
  xf_account_add_grant (account, XF_ROLE_CLERK, XF_SCOPE_REGION, "330521");
  g_assert_cmpuint (xf_account_get_grants (account)->len, ==, 2);

  assert_allows (account, XF_OP_PIONEER_EDIT, &deqing, TRUE);
  assert_allows (account, XF_OP_PIONEER_EDIT, &anji, FALSE);
  assert_allows (account, XF_OP_REVIEW, &deqing, FALSE);
  assert_allows (account, XF_OP_REVIEW, &anji, TRUE);
  assert_allows (account, XF_OP_ACCOUNT_MANAGE, NULL, FALSE);
  g_assert_true (xf_account_has_role (account, XF_ROLE_REVIEWER));
  g_assert_false (xf_account_has_role (account, XF_ROLE_AUDITOR));

  xf_account_clear_grants (account);
  assert_allows (account, XF_OP_PIONEER_EDIT, &deqing, FALSE);
  assert_allows (account, XF_OP_REGISTRY_READ, NULL, FALSE);
}

/* The message names the person and the operation, and says why. */
static void
test_messages (void)
{
  g_autoptr(XfAccount) clerk = account_with (XF_ROLE_CLERK, XF_SCOPE_REGION, "330521");
  g_autoptr(XfAccount) org_clerk = account_with (XF_ROLE_CLERK, XF_SCOPE_ORGANISATION, "deqing-union");
  const XfTarget anji = { "330523101", NULL, NULL };
  const XfTarget anji_union = { NULL, "anji-union-3", anji_union_ancestors };
  g_autoptr(GError) error = NULL;

  g_assert_false (xf_permission_check (clerk, XF_OP_PIONEER_EDIT, &anji, &error));
  g_assert_cmpstr (error->message, ==, "Li Ming (liming) may not edit pioneer files in this region");
  g_clear_error (&error);

  g_assert_false (xf_permission_check (org_clerk, XF_OP_HONOUR_EDIT, &anji_union, &error));
  g_assert_cmpstr (error->message, ==, "Li Ming (liming) may not edit honours for this organisation");
  g_clear_error (&error);

  g_assert_false (xf_permission_check (clerk, XF_OP_PIONEER_CREATE, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "Li Ming (liming) may only create pioneer files within their own regions or organisations");
  g_clear_error (&error);

  g_assert_false (xf_permission_check (clerk, XF_OP_ACCOUNT_MANAGE, NULL, &error));
  g_assert_cmpstr (error->message, ==, "Li Ming (liming) may not manage accounts");
  g_clear_error (&error);

  xf_account_set_disabled (clerk, TRUE);
  g_assert_false (xf_permission_check (clerk, XF_OP_REGISTRY_READ, NULL, &error));
  g_assert_cmpstr (error->message, ==, "Li Ming (liming) is disabled and may not read the registry");
}

static void
test_roles_and_scopes (void)
{
  XfRole role;
  XfScopeKind scope;
  g_autoptr(XfGrant) grant = xf_grant_new (XF_ROLE_CLERK, XF_SCOPE_ALL, "ignored");
  g_autoptr(XfGrant) copy = NULL;

  for (guint i = 0; i < XF_N_ROLES; i++)
    {
      g_assert_cmpstr (xf_role_to_string (i), ==, role_codes[i]);
      g_assert_true (xf_role_from_string (role_codes[i], &role));
      g_assert_cmpuint (role, ==, i);
      g_assert_nonnull (xf_role_get_label (i));
    }
  g_assert_false (xf_role_from_string ("superuser", &role));
  g_assert_false (xf_role_from_string (NULL, &role));

  g_assert_cmpstr (xf_scope_kind_to_string (XF_SCOPE_ALL), ==, "all");
  g_assert_cmpstr (xf_scope_kind_to_string (XF_SCOPE_REGION), ==, "region");
  g_assert_cmpstr (xf_scope_kind_to_string (XF_SCOPE_ORGANISATION), ==, "organisation");
  g_assert_true (xf_scope_kind_from_string ("organisation", &scope));
  g_assert_cmpuint (scope, ==, XF_SCOPE_ORGANISATION);
  g_assert_false (xf_scope_kind_from_string ("county", &scope));

  /* An unscoped grant keeps no value. */
  g_assert_null (grant->value);
  copy = xf_grant_copy (grant);
  g_assert_cmpuint (copy->role, ==, XF_ROLE_CLERK);
  g_assert_cmpuint (copy->scope, ==, XF_SCOPE_ALL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/permission/operation-codes", test_operation_codes);
  g_test_add_func ("/core/permission/roles-and-scopes", test_roles_and_scopes);
  g_test_add_func ("/core/permission/matrix/region-scope", test_region_scope);
  g_test_add_func ("/core/permission/matrix/organisation-scope", test_organisation_scope);
  g_test_add_func ("/core/permission/matrix/unscoped", test_unscoped);
  g_test_add_func ("/core/permission/disabled", test_disabled);
  g_test_add_func ("/core/permission/local-administrator", test_local_administrator);
  g_test_add_func ("/core/permission/public", test_public);
  g_test_add_func ("/core/permission/no-grants", test_no_grants);
  g_test_add_func ("/core/permission/region-prefix", test_region_prefix);
  g_test_add_func ("/core/permission/organisation-ancestors", test_organisation_ancestors);
  g_test_add_func ("/core/permission/several-grants", test_several_grants);
  g_test_add_func ("/core/permission/messages", test_messages);

  return g_test_run ();
}
