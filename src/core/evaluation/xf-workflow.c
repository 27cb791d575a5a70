/* xf-workflow.c — the nomination state machine
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-workflow"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-nomination-private.h"
#include "xf-workflow.h"

/* The table of xf-workflow.h, one row per action. */
typedef struct
{
  const char         *code;
  const char * const  from[7];   /* NULL-terminated */
  const char         *to;
  XfOperation         operation;
  gboolean            needs_reason;
} Transition;

static const Transition table[XF_N_ACTIONS] = {
  [XF_ACTION_SUBMIT] = { "submit", { XF_STAGE_DRAFT },
                         XF_STAGE_PRELIMINARY, XF_OP_REQUEST_EDIT, FALSE },
  [XF_ACTION_RESUBMIT] = { "resubmit", { XF_STAGE_RETURNED },
                           XF_STAGE_PRELIMINARY, XF_OP_REQUEST_EDIT, FALSE },
  [XF_ACTION_RETURN] = { "return", { XF_STAGE_PRELIMINARY },
                         XF_STAGE_RETURNED, XF_OP_NOMINATION_VET, TRUE },
  [XF_ACTION_REJECT] = { "reject", { XF_STAGE_PRELIMINARY },
                         XF_STAGE_REJECTED, XF_OP_NOMINATION_VET, TRUE },
  [XF_ACTION_PASS_PRELIMINARY] = { "pass-preliminary", { XF_STAGE_PRELIMINARY },
                                   XF_STAGE_PRELIMINARY, XF_OP_NOMINATION_VET, FALSE },
  [XF_ACTION_CLEAR_VETTING] = { "clear-vetting", { XF_STAGE_PRELIMINARY, XF_STAGE_RETURNED },
                                NULL /* the same */, XF_OP_NOMINATION_VET, FALSE },
  [XF_ACTION_VETO] = { "veto", { XF_STAGE_PRELIMINARY, XF_STAGE_RETURNED },
                       XF_STAGE_VETOED, XF_OP_NOMINATION_VET, TRUE },
  [XF_ACTION_SELECT] = { "select", { XF_STAGE_COMMITTEE },
                         XF_STAGE_NOTICE, XF_OP_REVIEW, FALSE },
  [XF_ACTION_NOT_SELECT] = { "not-select", { XF_STAGE_COMMITTEE },
                             XF_STAGE_NOT_SELECTED, XF_OP_REVIEW, FALSE },
  [XF_ACTION_CLOSE_NOTICE] = { "close-notice", { XF_STAGE_NOTICE },
                               XF_STAGE_DECISION, XF_OP_NOMINATION_VET, FALSE },
  [XF_ACTION_UPHOLD_OBJECTION] = { "uphold-objection", { XF_STAGE_NOTICE },
                                   XF_STAGE_COMMITTEE, XF_OP_NOMINATION_VET, TRUE },
  [XF_ACTION_CONFER] = { "confer", { XF_STAGE_DECISION },
                         XF_STAGE_CONFERRED, XF_OP_NOMINATION_DECIDE, FALSE },
  [XF_ACTION_DECLINE] = { "decline", { XF_STAGE_DECISION },
                          XF_STAGE_DECLINED, XF_OP_NOMINATION_DECIDE, TRUE },
  [XF_ACTION_WITHDRAW] = { "withdraw", { XF_STAGE_DRAFT, XF_STAGE_PRELIMINARY, XF_STAGE_RETURNED,
                                         XF_STAGE_COMMITTEE, XF_STAGE_NOTICE, XF_STAGE_DECISION },
                           XF_STAGE_WITHDRAWN, XF_OP_REQUEST_EDIT, TRUE },
};

static gboolean
valid_action (XfAction action)
{
  return (int) action >= 0 && action < XF_N_ACTIONS;
}

const char *
xf_action_to_string (XfAction action)
{
  g_return_val_if_fail (valid_action (action), NULL);
  return table[action].code;
}

gboolean
xf_action_from_string (const char *code,
                       XfAction   *action)
{
  for (int i = 0; i < XF_N_ACTIONS; i++)
    if (g_strcmp0 (table[i].code, code) == 0)
      {
        if (action != NULL)
          *action = (XfAction) i;
        return TRUE;
      }
  return FALSE;
}

const char *
xf_action_get_label (XfAction action)
{
  switch (action)
    {
    case XF_ACTION_SUBMIT: return _("Submit");
    case XF_ACTION_RESUBMIT: return _("Resubmit");
    case XF_ACTION_RETURN: return _("Return for revision");
    case XF_ACTION_REJECT: return _("Reject");
    case XF_ACTION_PASS_PRELIMINARY: return _("Pass preliminary review");
    case XF_ACTION_CLEAR_VETTING: return _("Clear vetting");
    case XF_ACTION_VETO: return _("Veto");
    case XF_ACTION_SELECT: return _("Select");
    case XF_ACTION_NOT_SELECT: return _("Do not select");
    case XF_ACTION_CLOSE_NOTICE: return _("Close public notice");
    case XF_ACTION_UPHOLD_OBJECTION: return _("Uphold objection");
    case XF_ACTION_CONFER: return _("Confer");
    case XF_ACTION_DECLINE: return _("Decline");
    case XF_ACTION_WITHDRAW: return _("Withdraw");
    case XF_N_ACTIONS:
    default:
      g_return_val_if_reached ("");
    }
}

XfOperation
xf_action_get_operation (XfAction action)
{
  g_return_val_if_fail (valid_action (action), XF_OP_NOMINATION_DECIDE);
  return table[action].operation;
}

gboolean
xf_action_needs_reason (XfAction action)
{
  g_return_val_if_fail (valid_action (action), FALSE);
  return table[action].needs_reason;
}

const char *
xf_workflow_target (const char *stage,
                    XfAction    action)
{
  g_return_val_if_fail (valid_action (action), NULL);

  for (guint i = 0; table[action].from[i] != NULL; i++)
    if (g_strcmp0 (table[action].from[i], stage) == 0)
      /* clear-vetting stays where it is (the repository may move on). */
      return table[action].to != NULL ? table[action].to : table[action].from[i];
  return NULL;
}

/* Where a nomination is, as said after "Cannot confer a nomination …". */
const char *
_xf_stage_phrase (const char *stage)
{
  /* Translators: these end "Cannot confer a nomination …": where the nomination is now. */
  if (g_strcmp0 (stage, XF_STAGE_DRAFT) == 0)
    return C_("nomination", "in draft");
  if (g_strcmp0 (stage, XF_STAGE_PRELIMINARY) == 0)
    return C_("nomination", "in preliminary review");
  if (g_strcmp0 (stage, XF_STAGE_RETURNED) == 0)
    return C_("nomination", "returned for revision");
  if (g_strcmp0 (stage, XF_STAGE_COMMITTEE) == 0)
    return C_("nomination", "in committee review");
  if (g_strcmp0 (stage, XF_STAGE_NOTICE) == 0)
    return C_("nomination", "in public notice");
  if (g_strcmp0 (stage, XF_STAGE_DECISION) == 0)
    return C_("nomination", "awaiting decision");
  if (g_strcmp0 (stage, XF_STAGE_CONFERRED) == 0)
    return C_("nomination", "already conferred");
  if (g_strcmp0 (stage, XF_STAGE_DECLINED) == 0)
    return C_("nomination", "already declined");
  if (g_strcmp0 (stage, XF_STAGE_REJECTED) == 0)
    return C_("nomination", "already rejected");
  if (g_strcmp0 (stage, XF_STAGE_VETOED) == 0)
    return C_("nomination", "already vetoed");
  if (g_strcmp0 (stage, XF_STAGE_NOT_SELECTED) == 0)
    return C_("nomination", "not selected");
  if (g_strcmp0 (stage, XF_STAGE_WITHDRAWN) == 0)
    return C_("nomination", "already withdrawn");
  return stage != NULL ? stage : "";
}

/* One whole sentence per action, so each can be translated as a whole. */
static const char *
refusal_format (XfAction action)
{
  /* Translators: %s says where the nomination is ("in preliminary review"). */
  switch (action)
    {
    case XF_ACTION_SUBMIT: return _("Cannot submit a nomination %s");
    case XF_ACTION_RESUBMIT: return _("Cannot resubmit a nomination %s");
    case XF_ACTION_RETURN: return _("Cannot return a nomination %s");
    case XF_ACTION_REJECT: return _("Cannot reject a nomination %s");
    case XF_ACTION_PASS_PRELIMINARY: return _("Cannot pass the preliminary review of a nomination %s");
    case XF_ACTION_CLEAR_VETTING: return _("Cannot clear the vetting of a nomination %s");
    case XF_ACTION_VETO: return _("Cannot veto a nomination %s");
    case XF_ACTION_SELECT: return _("Cannot select a nomination %s");
    case XF_ACTION_NOT_SELECT: return _("Cannot leave out a nomination %s");
    case XF_ACTION_CLOSE_NOTICE: return _("Cannot close the public notice of a nomination %s");
    case XF_ACTION_UPHOLD_OBJECTION: return _("Cannot uphold an objection to a nomination %s");
    case XF_ACTION_CONFER: return _("Cannot confer a nomination %s");
    case XF_ACTION_DECLINE: return _("Cannot decline a nomination %s");
    case XF_ACTION_WITHDRAW: return _("Cannot withdraw a nomination %s");
    case XF_N_ACTIONS:
    default:
      g_return_val_if_reached ("%s");
    }
}

gboolean
xf_workflow_check (const char  *stage,
                   XfAction     action,
                   GError     **error)
{
  g_return_val_if_fail (valid_action (action), FALSE);

  if (xf_workflow_target (stage, action) != NULL)
    return TRUE;
  g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, refusal_format (action), _xf_stage_phrase (stage));
  return FALSE;
}
