/* xf-notice-board-private.h — shared by the parts of XfNoticeBoard
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-evaluation-private.h"
#include "xf-notice-board.h"

G_BEGIN_DECLS

/*
 * The parts: xf-notice-board.c (object, transactions through the
 * evaluation's, audit, permission helpers), xf-notice-board-notices.c
 * (list, get, create, save, candidates), xf-notice-board-publish.c
 * (publish, correct, withdraw, close, close-due, follow-up, moving
 * candidates on), xf-notice-board-objections.c (objections).
 *
 * The board shares its evaluation's connection, prepared statements and
 * transactions, so a notice's write and the stage changes it causes are
 * one transaction.
 */
struct _XfNoticeBoard
{
  GObject       parent_instance;
  XfEvaluation *evaluation;
  /* The public actor's objection recorded in the caller's transaction
   * numbered @public_serial (xf_db_get_transaction_serial), the only one
   * it may attach a file to. */
  gint64        public_objection;
  guint64       public_serial;
};

/* Shorthands for the evaluation's helpers (xf-evaluation-private.h). */
#define _xf_notice_board_prepare(self, sql, error) \
  _xf_evaluation_prepare ((self)->evaluation, (sql), (error))
#define _xf_notice_board_begin(self, error)    _xf_evaluation_begin ((self)->evaluation, (error))
#define _xf_notice_board_commit(self, error)   _xf_evaluation_commit ((self)->evaluation, (error))
#define _xf_notice_board_rollback(self)        _xf_evaluation_rollback ((self)->evaluation)

void       _xf_notice_board_emit_changed (XfNoticeBoard *self,
                                       gint64         notice_id);
/* Commits the write, then tells the listeners @notice_id changed. */
gboolean   _xf_notice_board_commit_changed (XfNoticeBoard *self,
                                       gint64         notice_id,
                                       GError       **error);
/* One audit entry about a notice (record type "notice", its uid, its
 * title as the label) or an objection ("objection", its uid, "candidate
 * — received date"). */
gboolean   _xf_notice_board_audit_notice (XfNoticeBoard  *self,
                                       const XfNotice *notice,
                                       const char     *action,
                                       const char     *field,
                                       const char     *old_value,
                                       const char     *new_value,
                                       GError        **error);
gboolean   _xf_notice_board_audit_objection (XfNoticeBoard   *self,
                                       const XfObjection *objection,
                                       const char     *action,
                                       const char     *field,
                                       const char     *old_value,
                                       const char     *new_value,
                                       GError        **error);
/* XF_OP_NOMINATION_VET at the publisher's place (@organisation_id 0:
 * anywhere). */
gboolean   _xf_notice_board_check_publisher (XfNoticeBoard *self,
                                       gint64         organisation_id,
                                       GError       **error);
/* XF_OP_REGISTRY_READ. */
gboolean   _xf_notice_board_check_read (XfNoticeBoard *self,
                                       GError       **error);

/* xf-notice-board-notices.c: the stored notice with candidates (stage
 * and open objections filled in), no permission check. */
XfNotice  *_xf_notice_board_load_notice (XfNoticeBoard *self,
                                       gint64         notice_id,
                                       GError       **error);

/* xf-notice-board-publish.c, inside a write: moves a held or running
 * candidate of @notice_id on to decision (the evaluation's close-notice
 * step, the notice's period standing for the campaign's minimum) and sets
 * its result "decision". Used by closing and by the last dismissal. */
gboolean   _xf_notice_board_move_on   (XfNoticeBoard *self,
                                       gint64         notice_id,
                                       gint64         nomination_id,
                                       GError       **error);
/* Sets a candidate's result (XF_CANDIDATE_*) on @notice_id. */
gboolean   _xf_notice_board_set_result (XfNoticeBoard *self,
                                       gint64         notice_id,
                                       gint64         nomination_id,
                                       const char    *result,
                                       GError       **error);

/* xf-notice-board-objections.c: the stored objection (contact unmasked,
 * notes and files loaded), no permission check. */
XfObjection *_xf_notice_board_load_objection (XfNoticeBoard *self,
                                       gint64         objection_id,
                                       GError       **error);

G_END_DECLS
