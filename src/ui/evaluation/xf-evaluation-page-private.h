/* xf-evaluation-page-private.h — what the parts of the Evaluation page share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-evaluation-page.h"
#include "xf-reminder-notifier.h"
#include "xf-ui-util.h"

G_BEGIN_DECLS

/* The stage chips over the list, in their order. */
typedef enum
{
  XF_CHIP_ALL,
  XF_CHIP_PRELIMINARY,
  XF_CHIP_RETURNED,
  XF_CHIP_COMMITTEE,
  XF_CHIP_NOTICE,
  XF_CHIP_DECISION,
  XF_CHIP_FINAL,
  XF_CHIP_ATTENTION,
  XF_N_CHIPS,
} XfChip;

struct _XfEvaluationPage
{
  AdwBin               parent_instance;

  XfRegistry          *registry;
  XfEvaluation        *evaluation;
  XfReminderNotifier  *notifier;
  GListStore          *campaigns;      /* of XfCampaign, newest first */
  GListStore          *nominations;    /* of XfNomination, as listed */
  GtkSingleSelection  *selection;
  GListStore          *report_rows;    /* of the report's rows (xf-evaluation-page-report.c) */
  XfCampaignReport    *report;
  GtkWidget           *nomination_view;
  GtkWidget           *committee_view;

  gint64               campaign_id;    /* shown; 0 for none */
  gint64               nomination_id;  /* shown on the right; 0 for none */
  XfChip               chip;
  int                  counts[XF_N_CHIPS];
  int                  attention_count;
  gboolean             may_manage;     /* XF_OP_CAMPAIGN_MANAGE */
  gboolean             may_request;    /* XF_OP_REQUEST_EDIT somewhere */
  gboolean             show_sidebar_button;
  gboolean             report_stale;
  gboolean             attention_stale;
  gboolean             selecting;      /* the page itself moves the selection */
  XfReloadQueue        reload;         /* after a change; stale: read again when next shown */
  guint                switcher_id;    /* tick callback revealing the bottom switcher */

  /* Template widgets */
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  AdwHeaderBar        *list_header;
  GtkWidget           *separator;
  GtkWidget           *details_pane;
  GtkWidget           *back_button;
  GtkWidget           *campaign_bar;
  GtkDropDown         *campaign_dropdown;
  GtkWidget           *campaign_menu_button;
  GtkWidget           *new_button;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar  *switcher_bar;
  AdwToastOverlay     *toast_overlay;
  AdwViewStack        *view_stack;
  AdwViewStackPage    *committee_stack_page;
  AdwViewStackPage    *attention_stack_page;
  GtkWidget           *chip_box;
  GtkToggleButton     *chips[XF_N_CHIPS];
  GtkLabel            *chip_counts[XF_N_CHIPS];
  GtkStack            *nominations_stack;
  GtkScrolledWindow   *nominations_scroller;
  GtkListView         *nominations_view;
  AdwStatusPage       *empty_status;
  GtkWidget           *empty_new_button;
  AdwStatusPage       *no_campaign_status;
  GtkWidget           *empty_campaign_button;
  AdwStatusPage       *error_status;
  AdwBin              *committee_bin;
  GtkStack            *report_stack;
  GtkLabel            *report_summary;
  GtkLabel            *report_detail;
  GtkLabel            *report_unconfirmed;
  GtkColumnView       *report_view;
  AdwStatusPage       *report_empty_status;
  AdwStatusPage       *report_error_status;
  GtkStack            *attention_stack;
  GtkListBox          *attention_list;
  AdwStatusPage       *attention_error_status;
};

/* xf-evaluation-page.c */
void        _xf_evaluation_page_show_toast      (XfEvaluationPage *self,
                                                 const char       *text);
/* "nominations", "committee", "report" or "attention". */
const char *_xf_evaluation_page_visible_view    (XfEvaluationPage *self);
/* Shows the selected nomination beside (or, folded, over) the list, or
 * hides it. @go_there: on a folded page, slide to it. */
void        _xf_evaluation_page_sync_details    (XfEvaluationPage *self,
                                                 gboolean          go_there);

/* xf-evaluation-page-campaigns.c: the drop-down and the campaign menu. */
void        _xf_evaluation_page_init_campaigns  (XfEvaluationPage *self);
void        _xf_evaluation_page_campaigns_class_init (GtkWidgetClass *widget_class);
/* (transfer none) (nullable): the campaign shown. */
XfCampaign *_xf_evaluation_page_get_campaign    (XfEvaluationPage *self);
/* Reads the campaigns again, keeping the one shown when it is still
 * there, then what the campaign shows. */
void        _xf_evaluation_page_load_campaigns  (XfEvaluationPage *self);
guint       _xf_evaluation_page_campaign_position (XfEvaluationPage *self,
                                                 gint64            campaign_id);
/* Enables the actions and shows the buttons the actor and the campaign's
 * status allow. */
void        _xf_evaluation_page_update_actions  (XfEvaluationPage *self);

/* xf-evaluation-page-list.c: chips, search and the nominations list. */
void        _xf_evaluation_page_init_list       (XfEvaluationPage *self);
void        _xf_evaluation_page_load_counts     (XfEvaluationPage *self);
/* Reads the list again, keeping the selection when it is still listed. */
void        _xf_evaluation_page_load_list       (XfEvaluationPage *self);
void        _xf_evaluation_page_set_chip        (XfEvaluationPage *self,
                                                 XfChip            chip);
const char *_xf_evaluation_page_chip_code       (XfChip            chip);
gboolean    _xf_evaluation_page_chip_from_code  (const char       *code,
                                                 XfChip           *chip);
/* Selects @nomination_id when listed; FALSE otherwise. */
gboolean    _xf_evaluation_page_select          (XfEvaluationPage *self,
                                                 gint64            nomination_id);
void        _xf_evaluation_page_list_class_init (GtkWidgetClass   *widget_class);

/* xf-evaluation-page-report.c: the Report and Attention views. */
void        _xf_evaluation_page_init_report     (XfEvaluationPage *self);
void        _xf_evaluation_page_load_report     (XfEvaluationPage *self);
void        _xf_evaluation_page_load_attention  (XfEvaluationPage *self);
/* Counts the actor's attention items; notifies attention-count on a change. */
void        _xf_evaluation_page_count_attention (XfEvaluationPage *self);
void        _xf_evaluation_page_report_class_init (GtkWidgetClass *widget_class);

G_END_DECLS
