/* xf-role.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-role"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-role.h"

/* Codes are stored in account_grants; the migration's CHECK lists them too. */
static const struct
{
  const char *code;
  const char *label;
} roles[XF_N_ROLES] = {
  [XF_ROLE_ADMINISTRATOR] = { "administrator", N_("Administrator") },
  [XF_ROLE_CLERK]         = { "clerk", N_("Clerk") },
  [XF_ROLE_REVIEWER]      = { "reviewer", N_("Reviewer") },
  [XF_ROLE_DISPATCHER]    = { "dispatcher", N_("Dispatcher") },
  [XF_ROLE_AUDITOR]       = { "auditor", N_("Auditor") },
};

static const char * const scope_codes[] = {
  [XF_SCOPE_ALL]          = "all",
  [XF_SCOPE_REGION]       = "region",
  [XF_SCOPE_ORGANISATION] = "organisation",
};

/**
 * xf_grant_new:
 * @value: (nullable): the region or organisation code; ignored for
 *   %XF_SCOPE_ALL
 *
 * Returns: (transfer full): a new grant, free with xf_grant_free()
 */
XfGrant *
xf_grant_new (XfRole       role,
              XfScopeKind  scope,
              const char  *value)
{
  XfGrant *grant;

  g_return_val_if_fail (role < XF_N_ROLES, NULL);
  g_return_val_if_fail (scope <= XF_SCOPE_ORGANISATION, NULL);

  grant = g_new0 (XfGrant, 1);
  grant->role = role;
  grant->scope = scope;
  /* An unscoped grant carries no value, so two "all" grants compare equal. */
  if (scope != XF_SCOPE_ALL)
    grant->value = g_strdup (value);
  return grant;
}

XfGrant *
xf_grant_copy (const XfGrant *grant)
{
  g_return_val_if_fail (grant != NULL, NULL);

  return xf_grant_new (grant->role, grant->scope, grant->value);
}

void
xf_grant_free (XfGrant *grant)
{
  if (grant == NULL)
    return;
  g_free (grant->value);
  g_free (grant);
}

const char *
xf_role_to_string (XfRole role)
{
  g_return_val_if_fail (role < XF_N_ROLES, NULL);

  return roles[role].code;
}

gboolean
xf_role_from_string (const char *code,
                     XfRole     *role)
{
  for (guint i = 0; code != NULL && i < XF_N_ROLES; i++)
    if (g_str_equal (code, roles[i].code))
      {
        if (role != NULL)
          *role = (XfRole) i;
        return TRUE;
      }
  return FALSE;
}

const char *
xf_role_get_label (XfRole role)
{
  g_return_val_if_fail (role < XF_N_ROLES, NULL);

  return _(roles[role].label);
}

const char *
xf_scope_kind_to_string (XfScopeKind scope)
{
  g_return_val_if_fail (scope < G_N_ELEMENTS (scope_codes), NULL);

  return scope_codes[scope];
}

gboolean
xf_scope_kind_from_string (const char  *code,
                           XfScopeKind *scope)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (scope_codes); i++)
    if (g_str_equal (code, scope_codes[i]))
      {
        if (scope != NULL)
          *scope = (XfScopeKind) i;
        return TRUE;
      }
  return FALSE;
}
