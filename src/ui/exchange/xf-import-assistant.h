/* xf-import-assistant.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfImportAssistant: the import of a CSV or XLSX file (xf-import.h) in
 * four steps — the file, its columns, the preview, the import.
 */

#define XF_TYPE_IMPORT_ASSISTANT (xf_import_assistant_get_type ())

G_DECLARE_FINAL_TYPE (XfImportAssistant, xf_import_assistant, XF, IMPORT_ASSISTANT, AdwWindow)

GtkWidget *xf_import_assistant_new (GtkWindow  *parent,
                                    XfRegistry *registry);

G_END_DECLS
