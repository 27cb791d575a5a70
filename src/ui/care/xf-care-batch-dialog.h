/* xf-care-batch-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-care.h"

G_BEGIN_DECLS

/*
 * XfCareBatchDialog makes a new draft batch (xf_care_create_batch): the
 * programme (active ones), title, reference date (today), places, dates,
 * reply-by date, place and notes. Core checks it all, quota and budget
 * too; a refusal shows beneath the field it names. Signal ::created
 * (gint64 batch id). Made with xf_care_batch_dialog_new_edit () it edits
 * a draft or inviting batch instead (xf_care_update_batch: the programme
 * and reference date stay) and emits ::created with its id when saved.
 *
 * Template children (for tests): programme_row, title_row,
 * reference_button, places_spin, starts_button, ends_button,
 * reply_by_button, place_row, notes_row, error_label; error lines
 * "<field>-error" (programme, title, reference, places, starts, ends,
 * reply-by, place).
 */

#define XF_TYPE_CARE_BATCH_DIALOG (xf_care_batch_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfCareBatchDialog, xf_care_batch_dialog, XF, CARE_BATCH_DIALOG, AdwWindow)

/* @programme_code: (nullable): the programme chosen first. */
GtkWidget *xf_care_batch_dialog_new    (GtkWindow         *parent,
                                        XfCare            *care,
                                        const char        *programme_code);
/* Edits @batch (title, places, dates, place, notes). */
GtkWidget *xf_care_batch_dialog_new_edit (GtkWindow       *parent,
                                        XfCare            *care,
                                        const XfCareBatch *batch);
/* Creates (or saves) as the button does; the id, 0 when refused (the message shows). */
gint64     xf_care_batch_dialog_create (XfCareBatchDialog *self);

G_END_DECLS
