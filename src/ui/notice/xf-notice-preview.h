/* xf-notice-preview.h — the printed notice's pages, in a window
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-notice.h"

G_BEGIN_DECLS

/* A window (widget name "notice-preview") showing @notice's pages as they
 * print on pages of @width × @height points, drawn by core's printed
 * notice: the print dialog's Preview, without an outside viewer. Its
 * "Print…" button closes it and activates "notices.print" on @source
 * (while @source lives). @portal_base as for xf_notice_document_new ().
 * Not yet shown. */
GtkWidget *xf_notice_preview_new (GtkWidget      *source,
                                  const XfNotice *notice,
                                  const char     *portal_base,
                                  double          width,
                                  double          height);

G_END_DECLS
