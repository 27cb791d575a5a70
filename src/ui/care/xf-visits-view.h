/* xf-visits-view.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-care.h"

G_BEGIN_DECLS

/*
 * XfVisitsView: visits and the care calendar
 *
 * A month calendar (days with something on them marked) and a region
 * filter beside an agenda from the chosen day to the month's end: round
 * birthdays, honour anniversaries, health checks due and batch dates
 * from xf_care_calendar, each with "Plan Visit…" (purpose and date
 * filled in) for accounts with CARE_MANAGE, and the visits of the month
 * with Done…, Cancel… and Edit… while planned. "Reminders" shows the
 * reminders due now instead (xf_care_due_reminders: only in working
 * time). Escape goes back to the calendar when folded, Ctrl+F to the
 * region, Ctrl+N plans a visit. It reads again after XfCare::changed.
 */

#define XF_TYPE_VISITS_VIEW (xf_visits_view_get_type ())

G_DECLARE_FINAL_TYPE (XfVisitsView, xf_visits_view, XF, VISITS_VIEW, AdwBin)

GtkWidget *xf_visits_view_new     (XfCare     *care);
void       xf_visits_view_refresh (XfVisitsView *self);
/* Shows @date (YYYY-MM-DD) and its month; for tests and links. */
void       xf_visits_view_select_day   (XfVisitsView *self,
                                        const char   *date);
/* The lines in the agenda now. */
guint      xf_visits_view_get_n_agenda (XfVisitsView *self);

G_END_DECLS
