/* xf-audit-page-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-audit.h"
#include "xf-audit-page.h"
#include "xf-date-button.h"

G_BEGIN_DECLS

struct _XfAuditPage
{
  AdwBin           parent_instance;

  XfRegistry      *registry;
  GListStore      *entries;      /* of XfAuditItem */
  gint64           total;        /* entries matching the filters */
  gboolean         stale;        /* to be read again when next shown */
  gboolean         show_sidebar_button;

  /* Filter texts as applied, owned by the page. */
  char            *person;
  char            *record;
  char            *action;
  gint64           from;
  gint64           to;

  /* The verification or export running, if any (xf-audit-page-tasks.c). */
  GCancellable    *cancellable;
  guint            progress_id;
  gpointer         job;

  /* Template widgets */
  GtkWidget       *back_button;
  GtkWidget       *verify_button;
  GtkWidget       *export_button;
  GtkWidget       *filter_box;
  GtkSearchEntry  *person_entry;
  GtkSearchEntry  *record_entry;
  GtkDropDown     *action_dropdown;
  XfDateButton    *from_button;
  XfDateButton    *to_button;
  GtkRevealer     *progress_revealer;
  GtkLabel        *progress_label;
  GtkProgressBar  *progress_bar;
  GtkRevealer     *result_revealer;
  GtkWidget       *result_box;
  GtkImage        *result_icon;
  GtkLabel        *result_title;
  GtkLabel        *result_label;
  AdwToastOverlay *toast_overlay;
  GtkStack        *list_stack;
  GtkScrolledWindow *scroller;
  GtkColumnView   *column_view;
  AdwStatusPage   *empty_status;
  AdwStatusPage   *error_status;
  GtkLabel        *count_label;
  GtkWidget       *more_button;
};

/* The filters as applied, pointing into @self. */
void _xf_audit_page_get_filter (XfAuditPage   *self,
                                XfAuditFilter *filter);
void _xf_audit_page_show_toast (XfAuditPage   *self,
                                const char    *text);

/* xf-audit-page-tasks.c: verifying and exporting in a worker. */
void _xf_audit_page_verify_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter);
void _xf_audit_page_cancel_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter);
void _xf_audit_page_export_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter);
void _xf_audit_page_stop_tasks    (XfAuditPage *self);

G_END_DECLS
