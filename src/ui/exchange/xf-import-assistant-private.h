/* xf-import-assistant-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-import.h"
#include "xf-import-assistant.h"

G_BEGIN_DECLS

typedef enum
{
  XF_IMPORT_JOB_LOAD,
  XF_IMPORT_JOB_ANALYSE,
  XF_IMPORT_JOB_COMMIT,
} XfImportJobKind;

typedef enum
{
  XF_IMPORT_FILTER_ALL,
  XF_IMPORT_FILTER_PROBLEMS,
  XF_IMPORT_FILTER_DUPLICATES,
  XF_IMPORT_FILTER_TO_IMPORT,
} XfImportFilter;

typedef struct _XfImportJob XfImportJob;

struct _XfImportAssistant
{
  AdwWindow             parent_instance;

  /* The window's registry: only its actor and location are read. */
  XfRegistry           *registry;
  /* The import and the connection it works on, the assistant's own (see
   * xf-import-assistant.c): a worker uses them while a job runs, the
   * window between jobs, never both at once. */
  XfStore              *own_store;
  XfRegistry           *own_registry;
  XfImport             *import;
  /* The database has no second connection (":memory:"): the jobs run on
   * the window's registry, on this thread. */
  gboolean              shared;

  XfImportJob          *job;           /* the running job, or NULL */
  GCancellable         *cancellable;   /* the running job's */
  guint                 progress_id;
  gboolean              needs_analysis;
  gboolean              went_on;       /* the file went past its first step */
  gboolean              leave_confirmed;
  gboolean              confirming;

  /* The mapping step */
  GPtrArray            *column_rows;   /* AdwComboRow per file column */
  GtkStringList        *field_labels;
  gboolean              filling_mapping;

  /* The preview */
  GListModel           *rows;          /* XfImportRows */
  GtkNoSelection       *selection;
  GHashTable           *bound_cells;   /* cell widgets shown now */
  XfImportFilter        filter;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *content_box;
  AdwWindowTitle       *window_title;
  GtkWidget            *cancel_button;
  GtkWidget            *back_button;
  GtkWidget            *next_button;
  GtkWidget            *import_button;
  GtkWidget            *close_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkStack             *stack;
  GtkStack             *file_stack;
  AdwStatusPage        *choose_status;
  AdwStatusPage        *busy_status;
  GtkProgressBar       *progress_bar;
  GtkLabel             *busy_note;
  GtkWidget            *stop_button;
  AdwActionRow         *file_row;
  AdwComboRow          *kind_row;
  AdwPreferencesPage   *mapping_page;
  GtkLabel             *remembered_label;
  GtkLabel             *missing_label;
  AdwPreferencesGroup  *columns_group;
  GtkSwitch            *remember_switch;
  GtkStack             *preview_stack;
  GtkWidget            *filter_box;
  GtkToggleButton      *filter_all;
  GtkToggleButton      *filter_problems;
  GtkToggleButton      *filter_duplicates;
  GtkToggleButton      *filter_import;
  GtkStack             *rows_stack;
  GtkScrolledWindow    *rows_scroller;
  GtkColumnView        *column_view;
  AdwStatusPage        *empty_status;
  GtkStack             *import_stack;
  GtkLabel             *summary_label;
  AdwPreferencesGroup  *summary_counts;
  GtkLabel             *report_label;
  AdwPreferencesGroup  *report_counts;
  AdwPreferencesGroup  *left_out_group;
  GtkWidget            *save_left_out_button;
  GPtrArray            *summary_rows;
  GPtrArray            *report_rows;
  GPtrArray            *left_out_rows;
};

/* xf-import-assistant.c */
void     _xf_import_assistant_show_error    (XfImportAssistant *self,
                                             const char        *message);
void     _xf_import_assistant_update_buttons (XfImportAssistant *self);
void     _xf_import_assistant_run_job       (XfImportAssistant *self,
                                             XfImportJobKind    kind,
                                             const char        *path);
/* "1,204": the count with the locale's thousands separators. */
char    *_xf_import_format_count            (guint64            n);
char    *_xf_import_format_line             (guint64            line);

/* xf-import-assistant-preview.c: the third step */
void     _xf_import_assistant_init_preview  (XfImportAssistant *self);
void     _xf_import_assistant_clear_preview (XfImportAssistant *self);
/* After an analysis: the columns of the mapping, the rows, the counts. */
void     _xf_import_assistant_show_preview  (XfImportAssistant *self);
/* After a fix: every row shown is read again, and the counts. */
void     _xf_import_assistant_refresh_rows  (XfImportAssistant *self);
void     _xf_import_assistant_merge_row     (XfImportAssistant *self,
                                             guint              row);
void     _xf_import_assistant_filter_toggled_cb (XfImportAssistant *self,
                                                 GtkToggleButton   *button);

/* xf-import-assistant-commit.c: the fourth step */
void     _xf_import_assistant_show_summary  (XfImportAssistant *self);
void     _xf_import_assistant_show_report   (XfImportAssistant *self);
void     _xf_import_assistant_save_left_out (XfImportAssistant *self);
void     _xf_import_assistant_clear_commit  (XfImportAssistant *self);

G_END_DECLS
