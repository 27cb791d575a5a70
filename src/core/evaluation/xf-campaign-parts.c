/* xf-campaign-parts.c — the boxed parts of a campaign: criteria, vetting
 * departments, committee members, eligibility rules
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-campaign"

#include "config.h"

#include "xf-campaign.h"

XfCriterion *
xf_criterion_new (const char *code,
                  const char *name,
                  const char *description,
                  double      weight,
                  double      max)
{
  XfCriterion *criterion = g_new0 (XfCriterion, 1);

  criterion->code = g_strdup (code);
  criterion->name = g_strdup (name);
  criterion->description = g_strdup (description);
  criterion->weight = weight;
  criterion->max = max;
  return criterion;
}

XfCriterion *
xf_criterion_copy (const XfCriterion *criterion)
{
  /* A hole in a list is copied as one, for validation to name. */
  if (criterion == NULL)
    return NULL;
  return xf_criterion_new (criterion->code, criterion->name, criterion->description,
                           criterion->weight, criterion->max);
}

void
xf_criterion_free (XfCriterion *criterion)
{
  if (criterion == NULL)
    return;
  g_free (criterion->code);
  g_free (criterion->name);
  g_free (criterion->description);
  g_free (criterion);
}

XfVettingDepartment *
xf_vetting_department_new (const char *code,
                           const char *name,
                           int         days)
{
  XfVettingDepartment *department = g_new0 (XfVettingDepartment, 1);

  department->code = g_strdup (code);
  department->name = g_strdup (name);
  department->days = days;
  return department;
}

XfVettingDepartment *
xf_vetting_department_copy (const XfVettingDepartment *department)
{
  if (department == NULL)
    return NULL;
  return xf_vetting_department_new (department->code, department->name, department->days);
}

void
xf_vetting_department_free (XfVettingDepartment *department)
{
  if (department == NULL)
    return;
  g_free (department->code);
  g_free (department->name);
  g_free (department);
}

XfCommitteeMember *
xf_committee_member_new (gint64   account_id,
                         gboolean is_chair)
{
  XfCommitteeMember *member = g_new0 (XfCommitteeMember, 1);

  member->account_id = account_id;
  member->is_chair = is_chair;
  return member;
}

XfCommitteeMember *
xf_committee_member_copy (const XfCommitteeMember *member)
{
  XfCommitteeMember *copy;

  if (member == NULL)
    return NULL;
  copy = xf_committee_member_new (member->account_id, member->is_chair);
  copy->login = g_strdup (member->login);
  copy->display_name = g_strdup (member->display_name);
  copy->employer = g_strdup (member->employer);
  copy->unit = g_strdup (member->unit);
  copy->relatives = g_strdup (member->relatives);
  return copy;
}

void
xf_committee_member_free (XfCommitteeMember *member)
{
  if (member == NULL)
    return;
  g_free (member->login);
  g_free (member->display_name);
  g_free (member->employer);
  g_free (member->unit);
  g_free (member->relatives);
  g_free (member);
}

XfEligibility *
xf_eligibility_new (void)
{
  return g_new0 (XfEligibility, 1);
}

XfEligibility *
xf_eligibility_copy (const XfEligibility *eligibility)
{
  XfEligibility *copy;

  g_return_val_if_fail (eligibility != NULL, NULL);

  copy = xf_eligibility_new ();
  copy->min_age = eligibility->min_age;
  copy->max_age = eligibility->max_age;
  copy->min_service_years = eligibility->min_service_years;
  copy->required_levels = g_strdupv (eligibility->required_levels);
  copy->required_titles = g_strdupv (eligibility->required_titles);
  copy->kinds = g_strdupv (eligibility->kinds);
  copy->exclude_holders = eligibility->exclude_holders;
  return copy;
}

void
xf_eligibility_free (XfEligibility *eligibility)
{
  if (eligibility == NULL)
    return;
  g_strfreev (eligibility->required_levels);
  g_strfreev (eligibility->required_titles);
  g_strfreev (eligibility->kinds);
  g_free (eligibility);
}
