/* xf-honour-wall-page.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-ranking.h"
#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfHonourWallPage: the Pioneers of the Month (当月先锋). The latest frozen
 * month's first XF_RANKING_HONOUR_WALL_SIZE individuals as a wall of name
 * cards, each with its rank and index; a month switcher (previous / next,
 * Alt+Left / Alt+Right, and a drop-down of the frozen months); "So far
 * this month" (a provisional preview, never stored); the collectives'
 * list instead of the individuals'. Activating a card explains its score
 * (XfRankingExplainDialog). The wall prints (A4 landscape) and saves as
 * a PNG image. Administrators (RANKING_MANAGE) recompute the month shown,
 * compute last month when none is frozen yet, and set new weights
 * (XfIndexWeightsDialog).
 *
 * The page keeps the automatic snapshot: at sign-in and whenever the day
 * changes, xf_ranking_ensure_previous_month (), with a toast when it froze
 * a month.
 *
 * Actions (group "ranking"): previous (Alt+Left), next (Alt+Right),
 * print (Ctrl+P), save-png, recompute, compute-last, weights, explain
 * (x: a pioneer id).
 *
 * Template children (for tests): toast_overlay, title_widget,
 * previous_button, next_button, month_dropdown, preview_toggle,
 * collectives_toggle, provisional_revealer, provisional_label, wall_stack
 * ("wall" | "empty" | "error"), wall, empty_status, compute_button,
 * menu_button.
 */

#define XF_TYPE_HONOUR_WALL_PAGE (xf_honour_wall_page_get_type ())

G_DECLARE_FINAL_TYPE (XfHonourWallPage, xf_honour_wall_page, XF, HONOUR_WALL_PAGE, AdwBin)

GtkWidget        *xf_honour_wall_page_new          (XfRegistry       *registry);
void              xf_honour_wall_page_refresh      (XfHonourWallPage *self);

XfRanking        *xf_honour_wall_page_get_ranking  (XfHonourWallPage *self);
/* The ranking shown (a frozen month, or the preview), or NULL.
 * (transfer none) */
XfMonthlyRanking *xf_honour_wall_page_get_shown    (XfHonourWallPage *self);
/* (element-type XfRankingEntry) (transfer none): the entries on the wall,
 * in rank order (at most XF_RANKING_HONOUR_WALL_SIZE). */
GPtrArray        *xf_honour_wall_page_get_entries  (XfHonourWallPage *self);
/* Shows the frozen @month; FALSE when it has none. */
gboolean          xf_honour_wall_page_show_month   (XfHonourWallPage *self,
                                                    const char       *month);
/* Shows "so far this month" (TRUE) or the frozen months again. */
void              xf_honour_wall_page_set_preview  (XfHonourWallPage *self,
                                                    gboolean          preview);
/* The collectives' list (TRUE) or the individuals'. */
void              xf_honour_wall_page_set_collectives (XfHonourWallPage *self,
                                                    gboolean          collectives);
/* Opens the explanation of @pioneer_id's score in the month shown.
 * Returns the dialog (transfer none), or NULL. */
GtkWidget        *xf_honour_wall_page_explain      (XfHonourWallPage *self,
                                                    gint64            pioneer_id);
/* Opens the weights dialog (administrators only; else NULL).
 * (transfer none) */
GtkWidget        *xf_honour_wall_page_edit_weights (XfHonourWallPage *self);
/* The automatic snapshot, as at sign-in: returns the month frozen
 * (transfer full), or NULL when there was nothing to do. */
char             *xf_honour_wall_page_ensure_snapshot (XfHonourWallPage *self);
/* The wall as a PNG image: the printed page (A4 landscape) at 144 dpi,
 * 1684 × 1190 pixels. */
gboolean          xf_honour_wall_page_save_png     (XfHonourWallPage *self,
                                                    GFile            *file,
                                                    GError          **error);
/* Prints the wall to a PDF file (A4 landscape), no dialog. */
gboolean          xf_honour_wall_page_export_pdf   (XfHonourWallPage *self,
                                                    const char       *path,
                                                    GError          **error);

G_END_DECLS
