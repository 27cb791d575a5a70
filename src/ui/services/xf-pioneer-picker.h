/* xf-pioneer-picker.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfPioneerPicker finds a pioneer by name for the services' dialogs: an
 * entry row, and under it the first few active pioneers whose name
 * matches what was typed. Activating one (or pressing Enter in the entry,
 * which takes the first) chooses it; typing again forgets the choice.
 * It never reads the whole registry, so it serves a million files too.
 *
 * Property "pioneer-id" (int64, 0: none chosen).
 */

#define XF_TYPE_PIONEER_PICKER (xf_pioneer_picker_get_type ())

G_DECLARE_FINAL_TYPE (XfPioneerPicker, xf_pioneer_picker, XF, PIONEER_PICKER, AdwBin)

/* @individuals_only: collectives are not offered (a master is a person). */
GtkWidget *xf_pioneer_picker_new            (XfRegistry      *registry,
                                             const char      *title,
                                             gboolean         individuals_only);
gint64     xf_pioneer_picker_get_pioneer_id (XfPioneerPicker *self);
/* Shows @name as chosen, without searching. */
void       xf_pioneer_picker_set_pioneer    (XfPioneerPicker *self,
                                             gint64           pioneer_id,
                                             const char      *name);
/* The entry row (for focus and tests). */
GtkWidget *xf_pioneer_picker_get_entry      (XfPioneerPicker *self);
/* How many matches are listed now. */
guint      xf_pioneer_picker_get_n_matches  (XfPioneerPicker *self);

G_END_DECLS
