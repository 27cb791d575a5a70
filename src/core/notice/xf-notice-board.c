/* xf-notice-board.c — the notice board repository: object, audit, permissions
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-notice"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-notice-board-private.h"

G_DEFINE_FINAL_TYPE (XfNoticeBoard, xf_notice_board, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
xf_notice_board_dispose (GObject *object)
{
  XfNoticeBoard *self = (XfNoticeBoard *) object;

  g_clear_object (&self->evaluation);

  G_OBJECT_CLASS (xf_notice_board_parent_class)->dispose (object);
}

static void
xf_notice_board_class_init (XfNoticeBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xf_notice_board_dispose;

  /**
   * XfNoticeBoard::changed:
   * @notice_id: the notice, or 0
   *
   * After each committed write.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
xf_notice_board_init (XfNoticeBoard *self)
{
}

XfNoticeBoard *
xf_notice_board_new (XfEvaluation *evaluation)
{
  XfNoticeBoard *self;

  g_return_val_if_fail (XF_IS_EVALUATION (evaluation), NULL);

  self = g_object_new (XF_TYPE_NOTICE_BOARD, NULL);
  self->evaluation = g_object_ref (evaluation);
  return self;
}

XfEvaluation *
xf_notice_board_get_evaluation (XfNoticeBoard *self)
{
  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), NULL);

  return self->evaluation;
}

void
_xf_notice_board_emit_changed (XfNoticeBoard *self,
                               gint64         notice_id)
{
  g_signal_emit (self, signals [CHANGED], 0, notice_id);
}

gboolean
_xf_notice_board_commit_changed (XfNoticeBoard  *self,
                                 gint64          notice_id,
                                 GError        **error)
{
  if (!_xf_notice_board_commit (self, error))
    return FALSE;
  _xf_notice_board_emit_changed (self, notice_id);
  return TRUE;
}

gboolean
_xf_notice_board_audit_notice (XfNoticeBoard  *self,
                               const XfNotice *notice,
                               const char     *action,
                               const char     *field,
                               const char     *old_value,
                               const char     *new_value,
                               GError        **error)
{
  return _xf_evaluation_audit (self->evaluation, action, "notice", notice->uid, notice->title,
                               field, old_value, new_value, error);
}

gboolean
_xf_notice_board_audit_objection (XfNoticeBoard     *self,
                                  const XfObjection *objection,
                                  const char        *action,
                                  const char        *field,
                                  const char        *old_value,
                                  const char        *new_value,
                                  GError           **error)
{
  g_autofree char *label = NULL;

  /* Translators: an objection in the audit trail: candidate and the day it came. */
  label = g_strdup_printf (_("%s — received %s"),
                           objection->candidate_name != NULL ? objection->candidate_name : "",
                           objection->received_on != NULL ? objection->received_on : "");
  return _xf_evaluation_audit (self->evaluation, action, "objection", objection->uid, label,
                               field, old_value, new_value, error);
}

gboolean
_xf_notice_board_check_publisher (XfNoticeBoard *self,
                                  gint64         organisation_id,
                                  GError       **error)
{
  XfRegistry *registry = xf_evaluation_get_registry (self->evaluation);
  XfAccount *actor = xf_evaluation_get_actor (self->evaluation);
  const char *code = NULL;
  const char * const *ancestors = NULL;
  XfTarget target = { NULL, NULL, NULL };

  if (organisation_id == 0
      || !xf_registry_get_organisation_place (registry, organisation_id, &code, &ancestors))
    return _xf_evaluation_check_anywhere (self->evaluation, XF_OP_NOMINATION_VET, error);
  target.organisation_code = code;
  target.organisation_ancestors = ancestors;
  return xf_permission_check (actor, XF_OP_NOMINATION_VET, &target, error);
}

gboolean
_xf_notice_board_check_read (XfNoticeBoard *self,
                             GError       **error)
{
  return xf_permission_check (xf_evaluation_get_actor (self->evaluation),
                              XF_OP_REGISTRY_READ, NULL, error);
}
