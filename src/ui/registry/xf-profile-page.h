/* xf-profile-page.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfProfilePage shows one pioneer's personal file (一人一档): the name card,
 * every field, honours and change history, with its own AdwHeaderBar.
 *
 * Signal "closed" (no arguments): the user pressed back/close.
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

G_END_DECLS
