/* xf-cockpit-page.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-cockpit.h"
#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfCockpitPage: the cockpit (驾驶舱), the figures of the whole programme
 * on one screen, as tiles that wrap from three columns on a desktop to one
 * on a phone: pioneers by tier (a donut and the counts), nominations in
 * progress (overdue, due soon), the average working days to a decision
 * against the promise, this month's services, the latest Pioneers of the
 * Month and the weakest regions. Each tile is a button: a click or Enter
 * opens its page (win.show-page). A tile whose part failed shows that
 * part's error instead of its figures.
 *
 * Core gathers the figures (xf_cockpit_gather); the page reads them once
 * idle after it is shown, so that it paints at once with placeholders, and
 * again when shown after being hidden (other pages may have changed what
 * it counts), after the registry's writes and when the window calls
 * xf_cockpit_page_refresh, never more than once per idle.
 *
 * With XIANFENG_COCKPIT_TIMING=1 in the environment it prints, once the
 * first figures are painted, the milliseconds since the page was made,
 * since it was shown and those core took to gather them, on stderr:
 * "cockpit timing: created→painted 812.4 ms, shown→painted 640.2 ms,
 * gather 590.1 ms".
 *
 * Properties: show-sidebar-button (boolean).
 *
 * Template children (for tests): tiles (the GtkFlowBox), registry_tile,
 * nominations_tile, decision_tile, services_tile, top_tile, weak_tile (the
 * tiles' buttons, named after the page they open), and within them
 * pioneers_total, tier_chart_bin, tier_counts, kinds_line, registry_error,
 * nominations_total, overdue_label, due_soon_label, evaluation_error,
 * decision_figure, decision_line, decision_bar, decision_error,
 * services_ordered, services_claimed, services_done, services_rating,
 * services_overdue, services_error, top_month, top_stack ("list" |
 * "empty"), top_list, ranking_error, weak_line, weak_stack ("list" |
 * "empty"), weak_list, weak_error.
 */

#define XF_TYPE_COCKPIT_PAGE (xf_cockpit_page_get_type ())

G_DECLARE_FINAL_TYPE (XfCockpitPage, xf_cockpit_page, XF, COCKPIT_PAGE, AdwBin)

GtkWidget              *xf_cockpit_page_new         (XfRegistry    *registry);
/* Reads the figures again, once idle (while hidden: when next shown). */
void                    xf_cockpit_page_refresh     (XfCockpitPage *self);
/* The figures shown, NULL until the first gather. (transfer none) */
const XfCockpitFigures *xf_cockpit_page_get_figures (XfCockpitPage *self);
/* Shows @figures (transfer full) as if just gathered: for tests, and for
 * a caller that gathered them itself. */
void                    xf_cockpit_page_set_figures (XfCockpitPage    *self,
                                                     XfCockpitFigures *figures);
/* How many times the figures were gathered (for tests). */
guint                   xf_cockpit_page_get_n_gathers (XfCockpitPage *self);

G_END_DECLS
