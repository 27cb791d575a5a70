/* xf-honour-wall-page-private.h — what the parts of the honour wall share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-honour-wall-page.h"
#include "xf-ui-util.h"

G_BEGIN_DECLS

struct _XfHonourWallPage
{
  AdwBin               parent_instance;

  XfRegistry          *registry;
  XfRanking           *ranking;
  GStrv                months;         /* frozen, newest first */
  char                *month;          /* the frozen month shown, or NULL */
  XfMonthlyRanking    *shown;          /* what the wall shows */
  GPtrArray           *entries;        /* (element-type XfRankingEntry) (transfer none) on the wall */
  GPtrArray           *items;          /* GtkWidget *: the cards on the wall, in order */
  gboolean             preview;
  gboolean             collectives;
  gboolean             may_manage;     /* RANKING_MANAGE */
  gboolean             loading;        /* the page itself sets its controls */
  gboolean             show_sidebar_button;
  XfReloadQueue        reload;
  guint                day_timer_id;   /* every minute: has the day changed? */
  char                *today;          /* the day the last check saw */
  char                *pending_toast;  /* the snapshot's news, until in a window */

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkWidget           *back_button;
  AdwWindowTitle      *title_widget;
  GtkWidget           *menu_button;
  GtkWidget           *previous_button;
  GtkWidget           *next_button;
  GtkDropDown         *month_dropdown;
  GtkWidget           *controls_flow;
  GtkToggleButton     *preview_toggle;
  GtkToggleButton     *individuals_toggle;
  GtkToggleButton     *collectives_toggle;
  GtkRevealer         *provisional_revealer;
  GtkLabel            *provisional_label;
  GtkStack            *wall_stack;
  GtkFlowBox          *wall;
  AdwStatusPage       *empty_status;
  GtkWidget           *compute_button;
  AdwStatusPage       *error_status;
};

/* xf-honour-wall-page.c */
void     _xf_honour_wall_page_show_toast (XfHonourWallPage *self,
                                          const char       *text);
/* "November 2026" for "2026-11". (transfer full) */
char    *_xf_honour_wall_month_label     (const char       *month);
/* The wall's title: "Pioneers of the Month, November 2026", or the
 * preview's. (transfer full) */
char    *_xf_honour_wall_page_dup_title  (XfHonourWallPage *self);

/* xf-honour-wall-page-snapshot.c: the automatic snapshot at sign-in and
 * when the day changes, until stopped. */
void     _xf_honour_wall_page_start_snapshots (XfHonourWallPage *self);
void     _xf_honour_wall_page_stop_snapshots  (XfHonourWallPage *self);
/* Shows the snapshot's news on the window, once the page is in one. */
void     _xf_honour_wall_page_show_pending_toast (XfHonourWallPage *self);

/* xf-honour-wall-page-export.c: printing and the PNG image. */
void     _xf_honour_wall_page_print      (XfHonourWallPage *self);
void     _xf_honour_wall_page_save_as    (XfHonourWallPage *self);

G_END_DECLS
