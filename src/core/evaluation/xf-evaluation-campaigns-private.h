/* xf-evaluation-campaigns-private.h — shared by the campaign parts of XfEvaluation
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-evaluation-private.h"

G_BEGIN_DECLS

/* xf-evaluation-members.c: the committee as stored, chair first, then by
 * login (element-type XfCommitteeMember). */
GPtrArray *_xf_evaluation_load_committee   (XfEvaluation  *self,
                                            gint64         campaign_id,
                                            GError       **error);
/* Clears the members' declared relatives (names, identity numbers) unless
 * the actor manages campaigns: they serve the conflict checks, not the
 * readers of a committee. */
void        _xf_evaluation_withhold_relatives (XfEvaluation *self,
                                            GPtrArray    *members);
/* The member's name for records: display name, else login. */
const char *_xf_committee_member_name      (const XfCommitteeMember *member);
/* Inside a transaction: the account may sit on a committee (exists, is
 * enabled, holds the reviewer or administrator role); fills in the
 * member's login and display name. XF_ERROR_INVALID naming the committee
 * otherwise. */
gboolean   _xf_evaluation_check_member     (XfEvaluation       *self,
                                            XfCommitteeMember  *member,
                                            GError            **error);
/* Inside a transaction: replaces the campaign's members with @members
 * (checked already) and audits the change. */
gboolean   _xf_evaluation_write_committee  (XfEvaluation  *self,
                                            XfCampaign    *campaign,
                                            GPtrArray     *old_members,
                                            GPtrArray     *members,
                                            GError       **error);

G_END_DECLS
