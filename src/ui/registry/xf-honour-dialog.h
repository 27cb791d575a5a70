/* xf-honour-dialog.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfHonourDialog asks for an honour (title from the reference titles or
 * typed, level, year, conferring body, certificate number) and adds it to
 * a pioneer with xf_registry_add_honour. Core's refusal is shown in the
 * dialog, which then stays open.
 *
 * Action: honour.add. Template children: title_row, custom_title_row,
 * level_row, year_spin, body_row, certificate_row, add_button, error_label.
 * Signal "added" (XfHonour) after the honour was written.
 */

#define XF_TYPE_HONOUR_DIALOG (xf_honour_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfHonourDialog, xf_honour_dialog, XF, HONOUR_DIALOG, AdwWindow)

GtkWidget *xf_honour_dialog_new (XfRegistry *registry,
                                 gint64      pioneer_id);

G_END_DECLS
