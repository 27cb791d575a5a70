/* xf-profile-page.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-pioneer-editor.h"
#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfProfilePage shows one pioneer's personal file (一人一档): the name card,
 * every field, honours and change history, with its own AdwHeaderBar.
 *
 * Signal "closed" (no arguments): the user pressed back/close.
 * Property "read-only" (boolean; taken from the store at first): no
 * editing, archiving or honours, and a bar says so.
 */

#define XF_TYPE_PROFILE_PAGE (xf_profile_page_get_type ())

G_DECLARE_FINAL_TYPE (XfProfilePage, xf_profile_page, XF, PROFILE_PAGE, AdwBin)

GtkWidget *xf_profile_page_new             (XfRegistry    *registry);
void       xf_profile_page_set_pioneer_id  (XfProfilePage *self,
                                            gint64         id);
gint64     xf_profile_page_get_pioneer_id  (XfProfilePage *self);
/* kind is "individual" or "collective". */
void       xf_profile_page_new_pioneer     (XfProfilePage *self,
                                            const char    *kind);
gboolean   xf_profile_page_get_read_only   (XfProfilePage *self);
void       xf_profile_page_set_read_only   (XfProfilePage *self,
                                            gboolean       read_only);
/* After another desk's change: shows the file as saved now, or lets the
 * editor decide when it is open (xf_pioneer_editor_refresh). */
void       xf_profile_page_refresh         (XfProfilePage *self);
/* Whether the editor shows with edits that leaving would lose. */
gboolean   xf_profile_page_has_unsaved_edits (XfProfilePage     *self);
/* As xf_pioneer_editor_confirm_discard: asks "Discard changes?" first
 * when there are unsaved edits, otherwise calls @func with TRUE at once. */
void       xf_profile_page_confirm_discard (XfProfilePage       *self,
                                            XfEditorDiscardFunc  func,
                                            gpointer             user_data,
                                            GDestroyNotify       destroy);

G_END_DECLS
