/* xf-permission.h — what each role may do, checked in core
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-account.h"

G_BEGIN_DECLS

/*
 * Every core operation names one of these and asks xf_permission_check()
 * before it reads or writes; the UI asks xf_permission_allows() to hide
 * what is not allowed, but core refuses anyway.
 *
 * The matrix (✓ everywhere, S within the grant's scope, – never):
 *
 *                        admin clerk reviewer dispatcher auditor
 *   REGISTRY_READ          ✓     ✓      ✓        ✓          ✓
 *   PIONEER_CREATE         ✓     S      –        –          –
 *   PIONEER_EDIT           ✓     S      –        –          –
 *   PIONEER_ARCHIVE        ✓     S      –        –          –
 *   HONOUR_EDIT            ✓     S      –        –          –
 *   PERSONAL_VIEW          ✓     S      –        –          –    (plain identity numbers, mobiles)
 *   PERSONAL_REVEAL        ✓     S      –        –          ✓    (one value on request, audited)
 *   ORGANISATION_EDIT      ✓     –      –        –          –
 *   ACCOUNT_MANAGE         ✓     –      –        –          –
 *   AUDIT_READ             ✓     –      –        –          ✓
 *   REVIEW                 ✓     –      S        –          –    (score and vote; a committee member only)
 *   REQUEST_EDIT           ✓     S      –        –          –    (submit, revise, withdraw nominations; requests)
 *   SERVICE_DISPATCH       ✓     –      –        S          –    (claims, assignments, progress, feedback, apprenticeships, activities)
 *   CAMPAIGN_MANAGE        ✓     –      –        –          –    (campaigns, committees)
 *   NOMINATION_VET         ✓     S      –        –          –    (preliminary review, joint vetting, notice)
 *   NOMINATION_DECIDE      ✓     –      –        –          –    (confer or decline)
 *   SERVICE_CATALOGUE      ✓     –      –        –          –    (edit the service catalogue)
 *   RANKING_MANAGE         ✓     –      –        –          –    (the index's weights, recomputing a month, importing events)
 *   DATABASE_ADMIN         ✓     –      –        –          –    (backup by hand, restore, export-all, import-all)
 *   DATABASE_CHECK         ✓     –      –        –          ✓    (integrity, foreign keys and the audit chain)
 *   CULTIVATION_EDIT       ✓     S      –        –          –    (cultivation plans, goals, yearly reviews, skill training)
 *   CARE_CATALOGUE         ✓     –      –        –          –    (edit the care programmes)
 *   CARE_MANAGE            ✓     S      –        –          –    (batches, care records, visits, hardship applications and payments)
 *   HARDSHIP_VIEW          ✓     S      –        –          –    (a hardship applicant's circumstances and income)
 *   HARDSHIP_APPROVE       ✓     S      –        –          –    (first approval of hardship support)
 *   HARDSHIP_DECIDE        ✓     –      –        –          –    (final approval of hardship support)
 *   PUBLIC_SUBMIT          –     –      –        –          –    (what the public sends through the portal)
 *
 * The portal's actor (xf_account_new_public) holds no grant: it may
 * REGISTRY_READ (personal data masked) and PUBLIC_SUBMIT everywhere, and
 * nothing else; no stored account's role may PUBLIC_SUBMIT. Core functions
 * that take the public's input (a portal request, an objection, a rating
 * of one's own request) accept PUBLIC_SUBMIT in place of the desk's
 * operation, with the portal's channel.
 *
 * A disabled account may do nothing. Scope: a target with a region code and
 * an organisation code is in a grant's scope when the grant is
 * XF_SCOPE_ALL, or its region code is a prefix of the target's region code,
 * or its organisation code is the target's organisation code or one of the
 * target organisation's ancestors. Creating or moving a pioneer checks the
 * new place; editing also checks the old one (a Deqing clerk can neither
 * edit an Anji file nor move a Deqing file to Anji).
 */
typedef enum
{
  XF_OP_REGISTRY_READ,
  XF_OP_PIONEER_CREATE,
  XF_OP_PIONEER_EDIT,
  XF_OP_PIONEER_ARCHIVE,
  XF_OP_HONOUR_EDIT,
  XF_OP_PERSONAL_VIEW,
  XF_OP_PERSONAL_REVEAL,
  XF_OP_ORGANISATION_EDIT,
  XF_OP_ACCOUNT_MANAGE,
  XF_OP_AUDIT_READ,
  XF_OP_REVIEW,
  XF_OP_REQUEST_EDIT,
  XF_OP_SERVICE_DISPATCH,
  XF_OP_CAMPAIGN_MANAGE,
  XF_OP_NOMINATION_VET,
  XF_OP_NOMINATION_DECIDE,
  XF_OP_SERVICE_CATALOGUE,
  XF_OP_RANKING_MANAGE,
  XF_OP_DATABASE_ADMIN,
  XF_OP_DATABASE_CHECK,
  XF_OP_CULTIVATION_EDIT,
  XF_OP_CARE_CATALOGUE,
  XF_OP_CARE_MANAGE,
  XF_OP_HARDSHIP_VIEW,
  XF_OP_HARDSHIP_APPROVE,
  XF_OP_HARDSHIP_DECIDE,
  XF_OP_PUBLIC_SUBMIT,
  XF_N_OPS,
} XfOperation;

/* Where an operation applies; NULL target or NULL fields mean "anywhere":
 * then only an unscoped (XF_SCOPE_ALL) grant, or a scoped one for an
 * operation that is not scoped, allows it. */
typedef struct
{
  const char *region_code;
  const char *organisation_code;
  /* Ancestors of organisation_code, nearest first, NULL-terminated (may be NULL). */
  const char * const *organisation_ancestors;
} XfTarget;

const char *xf_operation_to_string (XfOperation      op);      /* "pioneer-edit", … */
/* Translated, for messages: "edit pioneer files" */
const char *xf_operation_get_label (XfOperation      op);

gboolean    xf_permission_allows   (XfAccount       *actor,
                                    XfOperation      op,
                                    const XfTarget  *target);
/* Allows anywhere for at least one grant (for menus: "may this person ever edit files?"). */
gboolean    xf_permission_allows_somewhere (XfAccount *actor,
                                            XfOperation op);
/* TRUE when allowed somewhere; else FALSE with the usual refusal (for
 * operations not about one place, e.g. campaigns, the catalogue). */
gboolean    xf_permission_check_somewhere (XfAccount   *actor,
                                           XfOperation  op,
                                           GError     **error);
/* FALSE with XF_ERROR_PERMISSION_DENIED, naming the account and the operation. */
gboolean    xf_permission_check    (XfAccount       *actor,
                                    XfOperation      op,
                                    const XfTarget  *target,
                                    GError         **error);

G_END_DECLS
