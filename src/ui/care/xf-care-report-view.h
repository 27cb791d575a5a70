/* xf-care-report-view.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-care.h"

G_BEGIN_DECLS

/*
 * XfCareReportView: the care report: coverage and budget, export to XLSX
 *
 * A year (this one and the five before), coverage per programme by
 * county or by organisation (eligible, invited, served, declined and a
 * coverage bar; the programme's total last, with its budget against
 * what was spent), and the year's budget against spent. "Export to
 * XLSX…" (Ctrl+E) saves xf_care_report_write_xlsx where the user says,
 * with a toast that opens the folder. Made when first shown; read again
 * after XfCare::changed.
 */

#define XF_TYPE_CARE_REPORT_VIEW (xf_care_report_view_get_type ())

G_DECLARE_FINAL_TYPE (XfCareReportView, xf_care_report_view, XF, CARE_REPORT_VIEW, AdwBin)

GtkWidget *xf_care_report_view_new     (XfCare     *care);
void       xf_care_report_view_refresh (XfCareReportView *self);
/* Writes the report shown to @path, as the file chooser's answer does. */
void       xf_care_report_view_export_to (XfCareReportView *self,
                                          const char       *path);

G_END_DECLS
