/* xf-permission.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-permission"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-permission.h"

/* One cell of the matrix in xf-permission.h. */
typedef enum
{
  NEVER,       /* – */
  SCOPED,      /* S: within the grant's scope */
  EVERYWHERE,  /* ✓ */
} Allowance;

/* Short names so the table reads like the one in the header. */
#define Y EVERYWHERE
#define S SCOPED
#define N NEVER

static const struct
{
  const char *code;
  const char *label;
  Allowance   by_role[XF_N_ROLES];   /* admin clerk reviewer dispatcher auditor */
} operations[XF_N_OPS] = {
  [XF_OP_REGISTRY_READ]     = { "registry-read", N_("read the registry"),                  { Y, Y, Y, Y, Y } },
  [XF_OP_PIONEER_CREATE]    = { "pioneer-create", N_("create pioneer files"),              { Y, S, N, N, N } },
  [XF_OP_PIONEER_EDIT]      = { "pioneer-edit", N_("edit pioneer files"),                  { Y, S, N, N, N } },
  [XF_OP_PIONEER_ARCHIVE]   = { "pioneer-archive", N_("archive pioneer files"),            { Y, S, N, N, N } },
  [XF_OP_HONOUR_EDIT]       = { "honour-edit", N_("edit honours"),                         { Y, S, N, N, N } },
  [XF_OP_PERSONAL_VIEW]     = { "personal-view", N_("see identity numbers and mobiles"),   { Y, S, N, N, N } },
  [XF_OP_PERSONAL_REVEAL]   = { "personal-reveal", N_("reveal identity numbers and mobiles"), { Y, S, N, N, Y } },
  [XF_OP_ORGANISATION_EDIT] = { "organisation-edit", N_("edit organisations"),             { Y, N, N, N, N } },
  [XF_OP_ACCOUNT_MANAGE]    = { "account-manage", N_("manage accounts"),                   { Y, N, N, N, N } },
  [XF_OP_AUDIT_READ]        = { "audit-read", N_("read the audit trail"),                  { Y, N, N, N, Y } },
  [XF_OP_REVIEW]            = { "review", N_("review nominations"),                        { Y, N, S, N, N } },
  [XF_OP_REQUEST_EDIT]      = { "request-edit", N_("edit nominations and requests"),       { Y, S, N, N, N } },
  [XF_OP_SERVICE_DISPATCH]  = { "service-dispatch", N_("dispatch services"),               { Y, N, N, S, N } },
  [XF_OP_CAMPAIGN_MANAGE]   = { "campaign-manage", N_("manage campaigns and committees"),  { Y, N, N, N, N } },
  [XF_OP_NOMINATION_VET]    = { "nomination-vet", N_("review and vet nominations"),        { Y, S, N, N, N } },
  [XF_OP_NOMINATION_DECIDE] = { "nomination-decide", N_("confer honours"),                 { Y, N, N, N, N } },
  [XF_OP_SERVICE_CATALOGUE] = { "service-catalogue", N_("edit the service catalogue"),      { Y, N, N, N, N } },
  [XF_OP_RANKING_MANAGE]    = { "ranking-manage", N_("manage the pioneer index and rankings"), { Y, N, N, N, N } },
  [XF_OP_DATABASE_ADMIN]    = { "database-admin", N_("back up, restore and archive the database"), { Y, N, N, N, N } },
  [XF_OP_DATABASE_CHECK]    = { "database-check", N_("check the database"),                 { Y, N, N, N, Y } },
  [XF_OP_CULTIVATION_EDIT]  = { "cultivation-edit", N_("edit cultivation plans and skill training"), { Y, S, N, N, N } },
  [XF_OP_CARE_CATALOGUE]    = { "care-catalogue", N_("edit the care programmes"),           { Y, N, N, N, N } },
  [XF_OP_CARE_MANAGE]       = { "care-manage", N_("manage care for pioneers"),              { Y, S, N, N, N } },
  [XF_OP_HARDSHIP_VIEW]     = { "hardship-view", N_("see hardship applicants' circumstances"), { Y, S, N, N, N } },
  [XF_OP_HARDSHIP_APPROVE]  = { "hardship-approve", N_("give first approval of hardship support"), { Y, S, N, N, N } },
  [XF_OP_HARDSHIP_DECIDE]   = { "hardship-decide", N_("give final approval of hardship support"), { Y, N, N, N, N } },
  [XF_OP_PUBLIC_SUBMIT]     = { "public-submit", N_("submit as the public through the portal"), { N, N, N, N, N } },
};

#undef Y
#undef S
#undef N

const char *
xf_operation_to_string (XfOperation op)
{
  g_return_val_if_fail (op < XF_N_OPS, NULL);

  return operations[op].code;
}

const char *
xf_operation_get_label (XfOperation op)
{
  g_return_val_if_fail (op < XF_N_OPS, NULL);

  return _(operations[op].label);
}

static gboolean
target_in_scope (const XfGrant  *grant,
                 const XfTarget *target)
{
  switch (grant->scope)
    {
    case XF_SCOPE_ALL:
      return TRUE;

    case XF_SCOPE_REGION:
      /* "330521" covers "330521" and "330521101". */
      return target != NULL && target->region_code != NULL && grant->value != NULL
             && g_str_has_prefix (target->region_code, grant->value);

    case XF_SCOPE_ORGANISATION:
      if (target == NULL || target->organisation_code == NULL || grant->value == NULL)
        return FALSE;
      if (g_str_equal (target->organisation_code, grant->value))
        return TRUE;
      for (guint i = 0; target->organisation_ancestors != NULL
                        && target->organisation_ancestors[i] != NULL; i++)
        if (g_str_equal (target->organisation_ancestors[i], grant->value))
          return TRUE;
      return FALSE;

    default:
      return FALSE;
    }
}

static gboolean
grant_allows (const XfGrant  *grant,
              XfOperation     op,
              const XfTarget *target)
{
  switch (operations[op].by_role[grant->role])
    {
    case EVERYWHERE:
      return TRUE;
    case SCOPED:
      return target_in_scope (grant, target);
    case NEVER:
    default:
      return FALSE;
    }
}

gboolean
xf_permission_allows (XfAccount      *actor,
                      XfOperation     op,
                      const XfTarget *target)
{
  GPtrArray *grants;

  g_return_val_if_fail (XF_IS_ACCOUNT (actor), FALSE);
  g_return_val_if_fail (op < XF_N_OPS, FALSE);

  if (xf_account_is_public (actor))
    return op == XF_OP_REGISTRY_READ || op == XF_OP_PUBLIC_SUBMIT;
  if (xf_account_is_local_administrator (actor))
    return TRUE;
  if (xf_account_get_disabled (actor))
    return FALSE;

  grants = xf_account_get_grants (actor);
  for (guint i = 0; i < grants->len; i++)
    if (grant_allows (g_ptr_array_index (grants, i), op, target))
      return TRUE;
  return FALSE;
}

gboolean
xf_permission_allows_somewhere (XfAccount   *actor,
                                XfOperation  op)
{
  GPtrArray *grants;

  g_return_val_if_fail (XF_IS_ACCOUNT (actor), FALSE);
  g_return_val_if_fail (op < XF_N_OPS, FALSE);

  if (xf_account_is_public (actor))
    return op == XF_OP_REGISTRY_READ || op == XF_OP_PUBLIC_SUBMIT;
  if (xf_account_is_local_administrator (actor))
    return TRUE;
  if (xf_account_get_disabled (actor))
    return FALSE;

  grants = xf_account_get_grants (actor);
  for (guint i = 0; i < grants->len; i++)
    {
      const XfGrant *grant = g_ptr_array_index (grants, i);

      if (operations[op].by_role[grant->role] != NEVER)
        return TRUE;
    }
  return FALSE;
}

gboolean
xf_permission_check (XfAccount       *actor,
                     XfOperation      op,
                     const XfTarget  *target,
                     GError         **error)
{
  const char *name;
  const char *login;
  const char *label;

  g_return_val_if_fail (XF_IS_ACCOUNT (actor), FALSE);
  g_return_val_if_fail (op < XF_N_OPS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (xf_permission_allows (actor, op, target))
    return TRUE;

  name = xf_account_get_display_name (actor);
  login = xf_account_get_login (actor);
  label = xf_operation_get_label (op);

  /* Say why: disabled, out of scope (the role allows it elsewhere), or not at all. */
  if (xf_account_get_disabled (actor))
    /* Translators: "Li Ming (liming) is disabled and may not edit pioneer files" */
    g_set_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED,
                 _("%s (%s) is disabled and may not %s"), name, login, label);
  else if (!xf_permission_allows_somewhere (actor, op))
    /* Translators: "Li Ming (liming) may not manage accounts" */
    g_set_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED,
                 _("%s (%s) may not %s"), name, login, label);
  else if (target != NULL && target->region_code != NULL)
    /* Translators: "Li Ming (liming) may not edit pioneer files in this region" */
    g_set_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED,
                 _("%s (%s) may not %s in this region"), name, login, label);
  else if (target != NULL && target->organisation_code != NULL)
    /* Translators: "Li Ming (liming) may not edit pioneer files for this organisation" */
    g_set_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED,
                 _("%s (%s) may not %s for this organisation"), name, login, label);
  else
    /* Translators: "Li Ming (liming) may only edit pioneer files within their own regions or organisations" */
    g_set_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED,
                 _("%s (%s) may only %s within their own regions or organisations"),
                 name, login, label);
  return FALSE;
}

gboolean
xf_permission_check_somewhere (XfAccount    *actor,
                               XfOperation   op,
                               GError      **error)
{
  if (xf_permission_allows_somewhere (actor, op))
    return TRUE;
  /* Allowed nowhere, so not without a place either: the usual refusal. */
  return xf_permission_check (actor, op, NULL, error);
}
