/* xf-pioneer-editor-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-pioneer-editor.h"
#include "xf-pioneer-fields.h"

G_BEGIN_DECLS

typedef enum
{
  STEP_EDIT,       /* an existing file: every field at once */
  STEP_REQUIRED,   /* a new file, first the required fields */
  STEP_DETAILS,    /* a new file, then the rest */
} XfEditorStep;

struct _XfPioneerEditor
{
  AdwBin           parent_instance;

  XfRegistry      *registry;
  XfPioneer       *original;    /* as loaded, to tell what changed */
  XfPioneer       *pioneer;     /* the working copy */
  GPtrArray       *fields;      /* XfEditorField */
  GPtrArray       *groups;      /* AdwPreferencesGroup in the page */
  AdwPreferencesGroup *main_group;
  XfEditorStep     step;
  gboolean         loading;
  gboolean         show_all_errors;
  gboolean         valid;
  gboolean         changed;

  /* Template widgets */
  AdwHeaderBar    *header_bar;
  AdwWindowTitle  *window_title;
  GtkWidget       *cancel_button;
  GtkWidget       *back_button;
  GtkWidget       *save_button;
  GtkWidget       *next_button;
  AdwToastOverlay *toast_overlay;
  AdwPreferencesPage *page;
  GtkRevealer     *note_revealer;
  GtkLabel        *note_label;
};

/* One field of the form: its widget, and the message row beneath it. */
typedef struct
{
  XfPioneerEditor *editor;
  char            *property;
  XfFieldKind      kind;
  GtkWidget       *widget;        /* what the user edits */
  GtkWidget       *styled;        /* what gets the .error class */
  GtkWidget       *error_widget;  /* shown only while there is a message */
  GtkLabel        *error_label;
  XfFieldOptions  *options;       /* coded fields */
  gboolean         touched;       /* edited since loading */
  char            *extra_error;   /* from set_field or a failed save, until the next change */
  char            *shown_error;
} XfEditorField;

/* Builds the widgets of @property into @group. */
XfEditorField *_xf_editor_field_new        (XfPioneerEditor     *editor,
                                            XfRegistry          *registry,
                                            const char          *property,
                                            AdwPreferencesGroup *group);
void           _xf_editor_field_free       (XfEditorField       *field);
/* Puts the pioneer's value into the widget (the caller blocks change handling). */
void           _xf_editor_field_load       (XfEditorField       *field,
                                            XfPioneer           *pioneer);
/* Shows @message beneath the field, or hides the message for NULL. */
void           _xf_editor_field_show_error (XfEditorField       *field,
                                            const char          *message);

/* Called by the field widgets when the user changes a value; @text is the
 * new value as text (NULL for empty; "1"/"0" for switches). */
void           _xf_pioneer_editor_field_changed (XfPioneerEditor *self,
                                                 XfEditorField   *field,
                                                 const char      *text);

/* Editor internals shared with xf-pioneer-editor-save.c. */
XfEditorField *_xf_pioneer_editor_find_field   (XfPioneerEditor *self,
                                                const char      *property);
void           _xf_pioneer_editor_revalidate   (XfPioneerEditor *self);
void           _xf_pioneer_editor_apply_step   (XfPioneerEditor *self);
void           _xf_pioneer_editor_load         (XfPioneerEditor *self,
                                                XfPioneer       *original,
                                                XfEditorStep     step);
void           _xf_pioneer_editor_show_toast   (XfPioneerEditor *self,
                                                const char      *text);
/* Leaves the form, asking first when there are unsaved edits. */
void           _xf_pioneer_editor_cancel       (XfPioneerEditor *self);
/* Shows @text above the form until the next load; NULL hides it. */
void           _xf_pioneer_editor_set_note     (XfPioneerEditor *self,
                                                const char      *text);

G_END_DECLS
