/* xf-role.h — the roles an account may hold, and their scopes
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * administrator: everything, everywhere; manages accounts.
 * clerk:         the registry (files, honours, archive) and requests, in scope.
 * reviewer:      a committee member: reads the registry (personal data
 *                masked), reviews and votes (later issues).
 * dispatcher:    services (later issues); reads the registry masked.
 * auditor:       reads everything, the audit trail included; changes nothing;
 *                may reveal personal data, which is audited.
 */
typedef enum
{
  XF_ROLE_ADMINISTRATOR,
  XF_ROLE_CLERK,
  XF_ROLE_REVIEWER,
  XF_ROLE_DISPATCHER,
  XF_ROLE_AUDITOR,
  XF_N_ROLES,
} XfRole;

/* Where a role applies. A region scope covers that region code and every
 * code below it (prefix: "330521" covers "330521101"); an organisation
 * scope covers pioneers of that organisation code and its children. */
typedef enum
{
  XF_SCOPE_ALL,
  XF_SCOPE_REGION,
  XF_SCOPE_ORGANISATION,
} XfScopeKind;

typedef struct
{
  XfRole       role;
  XfScopeKind  scope;
  char        *value;   /* region or organisation code; NULL for XF_SCOPE_ALL */
} XfGrant;

XfGrant    *xf_grant_new          (XfRole       role,
                                   XfScopeKind  scope,
                                   const char  *value);
XfGrant    *xf_grant_copy         (const XfGrant *grant);
void        xf_grant_free         (XfGrant     *grant);

/* Stable codes stored in the database: "administrator", "clerk", … */
const char *xf_role_to_string     (XfRole       role);
gboolean    xf_role_from_string   (const char  *code,
                                   XfRole      *role);
/* Translated, for people: "Administrator", "Clerk", … */
const char *xf_role_get_label     (XfRole       role);
const char *xf_scope_kind_to_string   (XfScopeKind  scope);   /* "all", "region", "organisation" */
gboolean    xf_scope_kind_from_string (const char  *code,
                                       XfScopeKind *scope);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfGrant, xf_grant_free)

G_END_DECLS
