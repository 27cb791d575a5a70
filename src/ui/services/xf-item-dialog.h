/* xf-item-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-services.h"

G_BEGIN_DECLS

/*
 * XfItemDialog adds or edits one item of the service catalogue (for
 * administrators): code (fixed once created), group and lifecycle stage,
 * names in English and Chinese, description, keywords, industries,
 * response time and whether it is offered. "Save" writes through core; a
 * refusal shows in the dialog, naming the field, and it stays open.
 *
 * Action (group "item-dialog"): save.
 * Signal "saved" (gint64 item id).
 */

#define XF_TYPE_ITEM_DIALOG (xf_item_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfItemDialog, xf_item_dialog, XF, ITEM_DIALOG, AdwWindow)

/* @item NULL: a new item. Not yet presented. */
GtkWidget  *xf_item_dialog_new       (XfServices          *services,
                                      const XfServiceItem *item);
/* The error shown, or NULL. */
const char *xf_item_dialog_get_error (XfItemDialog        *self);
/* A lifecycle stage's name ("cultivate" → "Cultivation"), translated;
 * "" for NULL. */
const char *xf_item_dialog_stage_label (const char *stage);

G_END_DECLS
