/* xf-hardship-case.c — hardship cases and payments (plain data)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-hardship-case.h"

const char *
xf_case_status_label (const char *status)
{
  if (g_strcmp0 (status, XF_CASE_APPLIED) == 0)
    return C_("hardship case", "Applied");
  if (g_strcmp0 (status, XF_CASE_ASSESSED) == 0)
    return C_("hardship case", "Assessed");
  if (g_strcmp0 (status, XF_CASE_APPROVED_FIRST) == 0)
    return C_("hardship case", "First approval");
  if (g_strcmp0 (status, XF_CASE_APPROVED) == 0)
    return C_("hardship case", "Approved");
  if (g_strcmp0 (status, XF_CASE_PAID) == 0)
    return C_("hardship case", "Paid");
  if (g_strcmp0 (status, XF_CASE_REJECTED) == 0)
    return C_("hardship case", "Rejected");
  if (g_strcmp0 (status, XF_CASE_WITHDRAWN) == 0)
    return C_("hardship case", "Withdrawn");
  return status != NULL ? status : "";
}

const char *
xf_case_category_label (const char *category)
{
  if (g_strcmp0 (category, "illness") == 0)
    return C_("hardship category", "Illness");
  if (g_strcmp0 (category, "disability") == 0)
    return C_("hardship category", "Disability");
  if (g_strcmp0 (category, "accident") == 0)
    return C_("hardship category", "Accident");
  if (g_strcmp0 (category, "family") == 0)
    return C_("hardship category", "Family hardship");
  if (g_strcmp0 (category, "income") == 0)
    return C_("hardship category", "Low income");
  if (g_strcmp0 (category, "disaster") == 0)
    return C_("hardship category", "Natural disaster");
  if (g_strcmp0 (category, "other") == 0)
    return C_("hardship category", "Other");
  return category != NULL ? category : "";
}

const char * const *
xf_case_categories (void)
{
  static const char * const categories[] = {
    "illness", "disability", "accident", "family", "income", "disaster", "other", NULL,
  };

  return categories;
}

void
xf_hardship_payment_free (XfHardshipPayment *payment)
{
  if (payment == NULL)
    return;
  g_free (payment->paid_on);
  g_free (payment->reference);
  g_free (payment->recorded_by);
  g_free (payment);
}

XfHardshipCase *
xf_hardship_case_new (void)
{
  XfHardshipCase *hardship_case = g_new0 (XfHardshipCase, 1);

  hardship_case->status = g_strdup (XF_CASE_APPLIED);
  hardship_case->household_income = -1;
  hardship_case->payments = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_hardship_payment_free);
  return hardship_case;
}

void
xf_hardship_case_free (XfHardshipCase *hardship_case)
{
  if (hardship_case == NULL)
    return;
  g_free (hardship_case->uid);
  g_free (hardship_case->pioneer_name);
  g_free (hardship_case->region_code);
  g_free (hardship_case->programme_code);
  g_free (hardship_case->category);
  g_free (hardship_case->circumstances);
  g_free (hardship_case->status);
  g_free (hardship_case->applied_on);
  g_free (hardship_case->applied_by);
  g_free (hardship_case->assessment);
  g_free (hardship_case->assessed_on);
  g_free (hardship_case->assessed_by);
  g_free (hardship_case->first_approved_on);
  g_free (hardship_case->first_approved_by);
  g_free (hardship_case->approved_on);
  g_free (hardship_case->approved_by);
  g_free (hardship_case->reject_reason);
  g_clear_pointer (&hardship_case->payments, g_ptr_array_unref);
  g_free (hardship_case);
}
