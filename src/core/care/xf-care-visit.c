/* xf-care-visit.c — visits and calendar items (plain data)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-care-visit.h"

static const char * const purposes[] = {
  "festival", "birthday", "anniversary", "illness", "hardship", "retired", "other", NULL
};

const char * const *
xf_visit_purposes (void)
{
  return purposes;
}

const char *
xf_visit_purpose_label (const char *purpose)
{
  if (g_strcmp0 (purpose, "festival") == 0)
    return C_("visit purpose", "Festival");
  if (g_strcmp0 (purpose, "birthday") == 0)
    return C_("visit purpose", "Birthday");
  if (g_strcmp0 (purpose, "anniversary") == 0)
    return C_("visit purpose", "Honour anniversary");
  if (g_strcmp0 (purpose, "illness") == 0)
    return C_("visit purpose", "Illness");
  if (g_strcmp0 (purpose, "hardship") == 0)
    return C_("visit purpose", "Hardship");
  if (g_strcmp0 (purpose, "retired") == 0)
    return C_("visit purpose", "Retired pioneer");
  if (g_strcmp0 (purpose, "other") == 0)
    return C_("visit purpose", "Other");
  return purpose;
}

const char *
xf_visit_status_label (const char *status)
{
  if (g_strcmp0 (status, XF_VISIT_PLANNED) == 0)
    return C_("visit status", "Planned");
  if (g_strcmp0 (status, XF_VISIT_DONE) == 0)
    return C_("visit status", "Done");
  if (g_strcmp0 (status, XF_VISIT_CANCELLED) == 0)
    return C_("visit status", "Cancelled");
  return status;
}

XfCareVisit *
xf_care_visit_new (void)
{
  XfCareVisit *visit = g_new0 (XfCareVisit, 1);

  /* planned_time stays NULL (stored as ""), so callers set it without
   * freeing a default first. */
  visit->status = g_strdup (XF_VISIT_PLANNED);
  return visit;
}

void
xf_care_visit_free (XfCareVisit *visit)
{
  if (visit == NULL)
    return;
  g_free (visit->uid);
  g_free (visit->pioneer_name);
  g_free (visit->region_name);
  g_free (visit->region_code);
  g_free (visit->programme_code);
  g_free (visit->purpose);
  g_free (visit->planned_on);
  g_free (visit->planned_time);
  g_free (visit->assignees);
  g_free (visit->status);
  g_free (visit->done_on);
  g_free (visit->notes);
  g_free (visit->cancel_reason);
  g_free (visit);
}

XfCareVisit *
xf_care_visit_copy (const XfCareVisit *visit)
{
  XfCareVisit *copy;

  g_return_val_if_fail (visit != NULL, NULL);

  copy = g_memdup2 (visit, sizeof *visit);
  copy->uid = g_strdup (visit->uid);
  copy->pioneer_name = g_strdup (visit->pioneer_name);
  copy->region_name = g_strdup (visit->region_name);
  copy->region_code = g_strdup (visit->region_code);
  copy->programme_code = g_strdup (visit->programme_code);
  copy->purpose = g_strdup (visit->purpose);
  copy->planned_on = g_strdup (visit->planned_on);
  copy->planned_time = g_strdup (visit->planned_time);
  copy->assignees = g_strdup (visit->assignees);
  copy->status = g_strdup (visit->status);
  copy->done_on = g_strdup (visit->done_on);
  copy->notes = g_strdup (visit->notes);
  copy->cancel_reason = g_strdup (visit->cancel_reason);
  return copy;
}

void
xf_care_calendar_item_free (XfCareCalendarItem *item)
{
  if (item == NULL)
    return;
  g_free (item->date);
  g_free (item->kind);
  g_free (item->pioneer_name);
  g_free (item->region_code);
  g_free (item->title);
  g_free (item->remind_on);
  g_free (item);
}
