/* xf-pioneer-editor.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfPioneerEditor is the form over a copy of one pioneer: one row per field
 * of xf_pioneer_list_fields(kind), checked as the user types with
 * xf_pioneer_check_field and the message shown beneath the row. It has its
 * own AdwHeaderBar with Cancel and Save.
 *
 * Creating a pioneer is a short assistant: the required fields (name,
 * identity number or credit code, region, organisation), then the rest.
 *
 * Actions: editor.save (Ctrl+S; enabled when valid and changed),
 * editor.cancel (Escape; asks "Discard changes?" when changed),
 * editor.next and editor.back (the assistant's steps).
 * Template children: header_bar, window_title, cancel_button, back_button,
 * save_button, next_button, toast_overlay, page, note_revealer, note_label. Each field's widget has
 * the property as its widget name.
 *
 * Signals: "saved" (gint64 id) after a save; "cancelled" when the user
 * leaves without saving.
 */

#define XF_TYPE_PIONEER_EDITOR (xf_pioneer_editor_get_type ())

G_DECLARE_FINAL_TYPE (XfPioneerEditor, xf_pioneer_editor, XF, PIONEER_EDITOR, AdwBin)

GtkWidget  *xf_pioneer_editor_new              (XfRegistry      *registry);
/* Edits a copy of @pioneer; the original is left alone. */
void        xf_pioneer_editor_edit             (XfPioneerEditor *self,
                                                XfPioneer       *pioneer);
/* Starts the assistant on a fresh pioneer of @kind. */
void        xf_pioneer_editor_create           (XfPioneerEditor *self,
                                                const char      *kind);
/* (transfer none): the working copy. */
XfPioneer  *xf_pioneer_editor_get_pioneer      (XfPioneerEditor *self);
gboolean    xf_pioneer_editor_get_changed      (XfPioneerEditor *self);
gboolean    xf_pioneer_editor_get_valid        (XfPioneerEditor *self);
/* (transfer none): the widget editing @property (an AdwEntryRow,
 * AdwComboRow, AdwActionRow with a switch, or a GtkTextView). */
GtkWidget  *xf_pioneer_editor_get_field_widget (XfPioneerEditor *self,
                                                const char      *property);
/* The message shown beneath @property's row, or NULL when none is shown. */
const char *xf_pioneer_editor_get_field_error  (XfPioneerEditor *self,
                                                const char      *property);
/* Saves now, as editor.save does; FALSE when nothing was saved. */
gboolean    xf_pioneer_editor_save             (XfPioneerEditor *self);
/* Whether leaving now would lose something the user typed (a new file
 * that was only opened loses nothing). */
gboolean    xf_pioneer_editor_has_unsaved_edits (XfPioneerEditor *self);
/* After another desk's change: when the file being edited was changed
 * elsewhere, the form loads the new version if nothing was typed, or keeps
 * the input and notes that saving will ask to reload. */
void        xf_pioneer_editor_refresh          (XfPioneerEditor *self);
/* The note shown above the form (changed elsewhere, not saved while the
 * server is away), or NULL. */
const char *xf_pioneer_editor_get_note         (XfPioneerEditor *self);

/* @discard is TRUE when the edits may be dropped. */
typedef void (*XfEditorDiscardFunc) (gboolean discard,
                                     gpointer user_data);

/* Calls @func at once with TRUE when there are no unsaved edits; otherwise
 * asks "Discard changes?" and calls it with the user's answer (FALSE for
 * Keep editing). @destroy frees @user_data after that, or when the dialog
 * is destroyed unanswered. */
void        xf_pioneer_editor_confirm_discard  (XfPioneerEditor     *self,
                                                XfEditorDiscardFunc  func,
                                                gpointer             user_data,
                                                GDestroyNotify       destroy);

G_END_DECLS
