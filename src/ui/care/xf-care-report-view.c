/* xf-care-report-view.c — the care report: coverage and budget, export to XLSX
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-care-report-view.h"

/* Contract placeholder: H fills this file in. */
struct _XfCareReportView
{
  AdwBin      parent_instance;
  XfCare     *care;
};

G_DEFINE_FINAL_TYPE (XfCareReportView, xf_care_report_view, ADW_TYPE_BIN)

static void
xf_care_report_view_dispose (GObject *object)
{
  XfCareReportView *self = (XfCareReportView *) object;

  g_clear_object (&self->care);
  G_OBJECT_CLASS (xf_care_report_view_parent_class)->dispose (object);
}

static void
xf_care_report_view_class_init (XfCareReportViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xf_care_report_view_dispose;
}

static void
xf_care_report_view_init (XfCareReportView *self)
{
}

GtkWidget *
xf_care_report_view_new (XfCare     *care)
{
  XfCareReportView *self = g_object_new (XF_TYPE_CARE_REPORT_VIEW, NULL);

  self->care = g_object_ref (care);
  return GTK_WIDGET (self);
}

void
xf_care_report_view_refresh (XfCareReportView *self)
{
}
