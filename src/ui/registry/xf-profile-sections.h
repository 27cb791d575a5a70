/* xf-profile-sections.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * The rows of the profile page's sections: every field of the file, the
 * honours and the history. Each fill function replaces the rows it added
 * last time (kept in @rows).
 *
 * Personal data the registry hands out masked shows masked, with a
 * "Reveal" button (action profile.reveal-personal, the field's name as
 * target) when the actor may reveal it; @revealed holds the plain values
 * revealed so far (field → value).
 */

void _xf_profile_fill_details (AdwPreferencesGroup *group,
                               GPtrArray           *rows,
                               XfRegistry          *registry,
                               XfPioneer           *pioneer,
                               gboolean             reveal_id,
                               GHashTable          *revealed);
void _xf_profile_fill_honours (AdwPreferencesGroup *group,
                               GPtrArray           *rows,
                               GListModel          *honours);
void _xf_profile_fill_history (AdwPreferencesGroup *group,
                               GPtrArray           *rows,
                               XfRegistry          *registry,
                               gint64               pioneer_id,
                               gboolean             reveal_id);

G_END_DECLS
