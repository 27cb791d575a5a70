/* xf-pioneer-editor-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-pioneer-editor.h"
#include "xf-pioneer-fields.h"

G_BEGIN_DECLS

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

G_END_DECLS
