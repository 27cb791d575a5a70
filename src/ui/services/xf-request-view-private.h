/* xf-request-view-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-request-view.h"

G_BEGIN_DECLS

struct _XfRequestView
{
  AdwBin               parent_instance;

  XfServices          *services;
  gint64               request_id;
  XfServiceRequest    *request;
  GStrv                allowed;        /* what core lets the actor do now */
  AdwToast            *toast;          /* (nullable) weak: the one shown */
  guint                refresh_source;
  GPtrArray           *detail_rows;
  GPtrArray           *outcome_rows;
  GPtrArray           *feedback_rows;
  GPtrArray           *timeline_rows;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  GtkScrolledWindow   *scrolled_window;
  GtkLabel            *heading_label;
  GtkLabel            *code_label;
  GtkLabel            *status_label;
  GtkLabel            *due_label;
  GtkWidget           *actions_box;
  GtkLabel            *error_label;
  AdwPreferencesGroup *outcome_group;
  AdwPreferencesGroup *details_group;
  GtkLabel            *description_label;
  AdwPreferencesGroup *feedback_group;
  AdwPreferencesGroup *timeline_group;
};

/* xf-request-view.c */
void  _xf_request_view_show_error  (XfRequestView *self,
                                    const GError  *error);
void  _xf_request_view_clear_error (XfRequestView *self);
void  _xf_request_view_show_toast  (XfRequestView *self,
                                    const char    *text);
/* After a step succeeded: a toast saying so, ::request-changed. */
void  _xf_request_view_done        (XfRequestView *self,
                                    const char    *text);

/* xf-request-view-actions.c: the steps and their dialogs. */
void  _xf_request_view_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
