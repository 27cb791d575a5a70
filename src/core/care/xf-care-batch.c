/* xf-care-batch.c — batches and their members (plain data)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-care-batch.h"

const char *
xf_batch_status_label (const char *status)
{
  if (g_strcmp0 (status, XF_BATCH_DRAFT) == 0)
    return C_("batch", "Draft");
  if (g_strcmp0 (status, XF_BATCH_INVITING) == 0)
    return C_("batch", "Inviting");
  if (g_strcmp0 (status, XF_BATCH_CLOSED) == 0)
    return C_("batch", "Closed");
  if (g_strcmp0 (status, XF_BATCH_CANCELLED) == 0)
    return C_("batch", "Cancelled");
  return status != NULL ? status : "";
}

const char *
xf_member_status_label (const char *status)
{
  if (g_strcmp0 (status, XF_MEMBER_LISTED) == 0)
    return C_("batch member", "Listed");
  if (g_strcmp0 (status, XF_MEMBER_INVITED) == 0)
    return C_("batch member", "Invited");
  if (g_strcmp0 (status, XF_MEMBER_ACCEPTED) == 0)
    return C_("batch member", "Accepted");
  if (g_strcmp0 (status, XF_MEMBER_WAITLISTED) == 0)
    return C_("batch member", "Waiting list");
  if (g_strcmp0 (status, XF_MEMBER_DECLINED) == 0)
    return C_("batch member", "Declined");
  if (g_strcmp0 (status, XF_MEMBER_ATTENDED) == 0)
    return C_("batch member", "Attended");
  if (g_strcmp0 (status, XF_MEMBER_ABSENT) == 0)
    return C_("batch member", "Absent");
  if (g_strcmp0 (status, XF_MEMBER_REMOVED) == 0)
    return C_("batch member", "Removed");
  return status != NULL ? status : "";
}

void
xf_care_batch_member_free (XfCareBatchMember *member)
{
  if (member == NULL)
    return;
  g_free (member->pioneer_uid);
  g_free (member->pioneer_name);
  g_free (member->region_name);
  g_free (member->status);
  g_free (member->override_reason);
  g_free (member->invited_on);
  g_free (member->answered_on);
  g_free (member->decline_reason);
  g_free (member->note);
  g_free (member);
}

static XfCareBatchMember *
member_copy (const XfCareBatchMember *member)
{
  XfCareBatchMember *copy = g_new0 (XfCareBatchMember, 1);

  *copy = *member;
  copy->pioneer_uid = g_strdup (member->pioneer_uid);
  copy->pioneer_name = g_strdup (member->pioneer_name);
  copy->region_name = g_strdup (member->region_name);
  copy->status = g_strdup (member->status);
  copy->override_reason = g_strdup (member->override_reason);
  copy->invited_on = g_strdup (member->invited_on);
  copy->answered_on = g_strdup (member->answered_on);
  copy->decline_reason = g_strdup (member->decline_reason);
  copy->note = g_strdup (member->note);
  return copy;
}

XfCareBatch *
xf_care_batch_new (void)
{
  XfCareBatch *batch = g_new0 (XfCareBatch, 1);

  batch->status = g_strdup (XF_BATCH_DRAFT);
  batch->members = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_care_batch_member_free);
  return batch;
}

void
xf_care_batch_free (XfCareBatch *batch)
{
  if (batch == NULL)
    return;
  g_free (batch->uid);
  g_free (batch->programme_code);
  g_free (batch->programme_name);
  g_free (batch->title);
  g_free (batch->reference_on);
  g_free (batch->starts_on);
  g_free (batch->ends_on);
  g_free (batch->reply_by);
  g_free (batch->place);
  g_free (batch->status);
  g_free (batch->cancel_reason);
  g_free (batch->notes);
  g_clear_pointer (&batch->members, g_ptr_array_unref);
  g_free (batch);
}

XfCareBatch *
xf_care_batch_copy (const XfCareBatch *batch)
{
  XfCareBatch *copy;

  g_return_val_if_fail (batch != NULL, NULL);

  copy = g_new0 (XfCareBatch, 1);
  *copy = *batch;
  copy->uid = g_strdup (batch->uid);
  copy->programme_code = g_strdup (batch->programme_code);
  copy->programme_name = g_strdup (batch->programme_name);
  copy->title = g_strdup (batch->title);
  copy->reference_on = g_strdup (batch->reference_on);
  copy->starts_on = g_strdup (batch->starts_on);
  copy->ends_on = g_strdup (batch->ends_on);
  copy->reply_by = g_strdup (batch->reply_by);
  copy->place = g_strdup (batch->place);
  copy->status = g_strdup (batch->status);
  copy->cancel_reason = g_strdup (batch->cancel_reason);
  copy->notes = g_strdup (batch->notes);
  copy->members = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_care_batch_member_free);
  for (guint i = 0; batch->members != NULL && i < batch->members->len; i++)
    g_ptr_array_add (copy->members, member_copy (g_ptr_array_index (batch->members, i)));
  return copy;
}
