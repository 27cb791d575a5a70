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
 * (Contract: H documents the page here when it lands.)
 */

#define XF_TYPE_CARE_REPORT_VIEW (xf_care_report_view_get_type ())

G_DECLARE_FINAL_TYPE (XfCareReportView, xf_care_report_view, XF, CARE_REPORT_VIEW, AdwBin)

GtkWidget *xf_care_report_view_new     (XfCare     *care);
void       xf_care_report_view_refresh (XfCareReportView *self);

G_END_DECLS
