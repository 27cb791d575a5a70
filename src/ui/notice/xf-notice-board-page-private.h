/* xf-notice-board-page-private.h — what the parts of the Notice board page share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-notice-board-page.h"
#include "xf-ui-util.h"

G_BEGIN_DECLS

struct _XfNoticeBoardPage
{
  AdwBin               parent_instance;

  XfRegistry          *registry;
  XfEvaluation        *evaluation;
  XfNoticeBoard       *board;
  GPtrArray           *notices;        /* of XfNotice, as listed */
  XfNotice            *notice;         /* shown on the right, with its candidates; NULL for none */
  GPtrArray           *objections;     /* of XfObjection, of the notice shown */
  GPtrArray           *rows;           /* rows made on each fill of the details */
  GtkWidget           *objection_view; /* NULL until an objection is first opened */

  gint64               notice_id;      /* shown on the right; 0 for none */
  int                  attention_count;
  char                *today;          /* the day the timer last saw */
  gboolean             may_vet;        /* XF_OP_NOMINATION_VET somewhere */
  gboolean             show_sidebar_button;
  gboolean             selecting;      /* the page itself moves the selection */
  XfReloadQueue        reload;         /* after a change; stale: read again when next shown */
  guint                timer_id;       /* closing what is due */
  guint                day_timer_id;   /* noticing a new day */

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  AdwHeaderBar        *list_header;
  GtkWidget           *separator;
  GtkWidget           *details_pane;
  AdwHeaderBar        *details_header;
  GtkWidget           *back_button;
  GtkWidget           *details_back_button;
  GtkWidget           *new_button;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkListBox          *notice_list;
  AdwStatusPage       *empty_status;
  AdwStatusPage       *error_status;
  AdwWindowTitle      *details_title;
  GtkWidget           *more_button;
  GtkStack            *details_stack;
  GtkScrolledWindow   *details_scrolled;
  GtkLabel            *status_label;
  GtkLabel            *period_label;
  GtkLabel            *note_label;
  GtkWidget           *actions_box;
  AdwPreferencesGroup *notice_group;
  AdwPreferencesGroup *contact_group;
  AdwPreferencesGroup *candidates_group;
  AdwPreferencesGroup *objections_group;
  GtkWidget           *record_button;
  AdwBin              *objection_bin;
};

/* xf-notice-board-page.c */
void        _xf_notice_board_page_show_toast   (XfNoticeBoardPage *self,
                                                const char        *text);
/* A refusal of core's: a toast in the user's language. */
void        _xf_notice_board_page_show_error   (XfNoticeBoardPage *self,
                                                const GError      *error);
/* Shows the notice (self->notice_id) beside or, folded, over the list,
 * or hides it. @go_there: on a folded page, slide to it. */
void        _xf_notice_board_page_sync_details (XfNoticeBoardPage *self,
                                                gboolean           go_there);
/* The details' header bar: the notice (or, over it, its objection) and
 * the button that leaves it. Call when either changes. */
void        _xf_notice_board_page_sync_header  (XfNoticeBoardPage *self);
/* Enables the actions the actor and the notice shown allow. */
void        _xf_notice_board_page_update_actions (XfNoticeBoardPage *self);

/* xf-notice-board-page-list.c: the search and the list of notices. */
void        _xf_notice_board_page_init_list    (XfNoticeBoardPage *self);
/* Reads the list again, keeping the selection when it is still listed. */
void        _xf_notice_board_page_load_list    (XfNoticeBoardPage *self);
/* Selects @notice_id when listed; FALSE otherwise. */
gboolean    _xf_notice_board_page_select       (XfNoticeBoardPage *self,
                                                gint64             notice_id);
void        _xf_notice_board_page_list_class_init (GtkWidgetClass *widget_class);

/* xf-notice-board-page-detail.c: the notice on the right and what is
 * done with it. */
void        _xf_notice_board_page_init_detail  (XfNoticeBoardPage *self);
/* Reads the notice shown again (none: the empty state). */
void        _xf_notice_board_page_load_notice  (XfNoticeBoardPage *self);
/* Why the notice shown may not be published yet (no candidates, no
 * contact), or NULL when it may be or is no draft. */
const char *_xf_notice_board_page_why_not_publishable (XfNoticeBoardPage *self);
/* Whether an objection to the notice shown was upheld: a second notice
 * is then due. */
gboolean    _xf_notice_board_page_has_upheld_objection (XfNoticeBoardPage *self);
void        _xf_notice_board_page_detail_class_init (GtkWidgetClass *widget_class);

/* xf-notice-board-page-print.c: printing and exporting the notice shown. */
void        _xf_notice_board_page_print_class_init (GtkWidgetClass *widget_class);

G_END_DECLS
