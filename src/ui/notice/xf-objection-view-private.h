/* xf-objection-view-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-objection-view.h"

G_BEGIN_DECLS

struct _XfObjectionView
{
  AdwBin               parent_instance;

  XfNoticeBoard       *board;
  gint64               objection_id;
  XfObjection         *objection;
  XfPioneer           *pioneer;        /* the candidate, for the place of permissions */
  gboolean             may_handle;     /* XF_OP_NOMINATION_VET at the candidate's place */
  GArray              *handler_ids;    /* (element-type gint64) by the handler row's positions */
  gboolean             filling;        /* the handler row set by a refill, not the user */
  GCancellable        *cancellable;    /* file reads and opening; cancelled in dispose */
  AdwToast            *toast;          /* (nullable) weak: the one shown */
  guint                refresh_source;
  GPtrArray           *detail_rows;
  GPtrArray           *outcome_rows;
  GPtrArray           *note_rows;
  GPtrArray           *file_rows;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  GtkScrolledWindow   *scrolled_window;
  GtkLabel            *heading_label;
  GtkLabel            *status_label;
  GtkLabel            *due_label;
  GtkWidget           *actions_box;
  GtkWidget           *uphold_return_button;
  GtkWidget           *uphold_end_button;
  GtkWidget           *dismiss_button;
  GtkWidget           *reply_button;
  GtkLabel            *error_label;
  AdwPreferencesGroup *outcome_group;
  AdwPreferencesGroup *details_group;
  GtkLabel            *grounds_label;
  AdwPreferencesGroup *handling_group;
  AdwComboRow         *handler_row;
  AdwPreferencesGroup *notes_group;
  GtkWidget           *note_row;
  AdwPreferencesGroup *files_group;
  GtkWidget           *add_file_button;
};

/* xf-objection-view.c */
void       _xf_objection_view_show_error (XfObjectionView *self,
                                          const GError    *error);
void       _xf_objection_view_clear_error (XfObjectionView *self);
void       _xf_objection_view_show_toast (XfObjectionView *self,
                                          const char      *text);

/* xf-objection-view-actions.c: the handler, notes, files and outcomes. */
void       _xf_objection_view_fill_handlers (XfObjectionView *self);
void       _xf_objection_view_handler_changed (XfObjectionView *self);
void       _xf_objection_view_note_applied (XfObjectionView *self);
void       _xf_objection_view_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
