/* xf-workflow.h — the nomination state machine
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "xf-permission.h"

G_BEGIN_DECLS

/*
 * Every change of a nomination's stage is one of these actions. The table
 * (xf-workflow.c) names, for each action, the stages it may start from, the
 * stage it leads to, the operation it needs (xf-permission.h) and whether
 * a reason is required:
 *
 *   action               from                              to            operation            reason
 *   submit               draft                             preliminary   REQUEST_EDIT         –
 *   resubmit             returned                          preliminary   REQUEST_EDIT         –
 *   return               preliminary                       returned      NOMINATION_VET       required
 *   reject               preliminary                       rejected      NOMINATION_VET       required
 *   pass-preliminary     preliminary                       preliminary*  NOMINATION_VET       –   (* committee once vetting is all cleared)
 *   clear-vetting        preliminary, returned             (same)**      NOMINATION_VET       –   (** committee when it was the last and preliminary passed)
 *   veto                 preliminary, returned             vetoed        NOMINATION_VET       required
 *   select               committee                         notice        REVIEW (chair)       –   (closing a round)
 *   not-select           committee                         not-selected  REVIEW (chair)       –   (closing a round)
 *   close-notice         notice                            decision      NOMINATION_VET       –
 *   uphold-objection     notice                            committee or not-selected  NOMINATION_VET  required
 *   confer               decision                          conferred     NOMINATION_DECIDE    –
 *   decline              decision                          declined      NOMINATION_DECIDE    required
 *   withdraw             draft, preliminary, returned,
 *                        committee, notice, decision       withdrawn     REQUEST_EDIT         required
 *
 * Anything else is refused with XF_ERROR_WORKFLOW naming the action and the
 * current stage ("Cannot confer a nomination in preliminary review").
 */
typedef enum
{
  XF_ACTION_SUBMIT,
  XF_ACTION_RESUBMIT,
  XF_ACTION_RETURN,
  XF_ACTION_REJECT,
  XF_ACTION_PASS_PRELIMINARY,
  XF_ACTION_CLEAR_VETTING,
  XF_ACTION_VETO,
  XF_ACTION_SELECT,
  XF_ACTION_NOT_SELECT,
  XF_ACTION_CLOSE_NOTICE,
  XF_ACTION_UPHOLD_OBJECTION,
  XF_ACTION_CONFER,
  XF_ACTION_DECLINE,
  XF_ACTION_WITHDRAW,
  XF_N_ACTIONS,
} XfAction;

const char  *xf_action_to_string     (XfAction     action);   /* "submit", "pass-preliminary", … */
gboolean     xf_action_from_string   (const char  *code,
                                      XfAction    *action);
const char  *xf_action_get_label     (XfAction     action);   /* translated verb, "Confer" */
XfOperation  xf_action_get_operation (XfAction     action);
gboolean     xf_action_needs_reason  (XfAction     action);
/* The stage the action leads to from @stage (for pass-preliminary,
 * clear-vetting and uphold-objection, the one the repository settles on
 * may differ, see above); NULL when the action is not allowed from @stage. */
const char  *xf_workflow_target      (const char  *stage,
                                      XfAction     action);
/* FALSE with XF_ERROR_WORKFLOW naming the action and the current stage. */
gboolean     xf_workflow_check       (const char  *stage,
                                      XfAction     action,
                                      GError     **error);

G_END_DECLS
