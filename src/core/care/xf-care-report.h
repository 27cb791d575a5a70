/* xf-care-report.h — coverage and budget of care in a year
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One programme at one place (a county, or an organisation), or a total
 * (key ""). Each count is of distinct people, each counted once a row:
 * - eligible: on the programme's rules on 1 July of the year (or the
 *   year's batches' reference dates when it has batches);
 * - invited: invited in any of the year's batches (not cancelled; the
 *   listed and the removed were never invited);
 * - served: a care record of the programme dated in the year;
 * - declined: declined in so many words (an answer with its date) in a
 *   batch of the year, and not served that year — declining one batch and
 *   going on a later one is served only;
 * - no_answer: invited and never answered (still waiting for an answer, or
 *   declined when the batch was closed without one), neither served nor
 *   declined that year.
 * So served + declined + no_answer of the invited is at most invited
 * (the served may also include people served without a batch);
 * coverage = served / eligible. */
typedef struct
{
  char   *programme_code;
  char   *programme_name;
  char   *key;                /* region code or organisation code; "" for the programme's total */
  char   *label;              /* "德清县", "市总工会"; "All" translated for totals */
  int     eligible;
  int     invited;
  int     served;
  int     declined;
  int     no_answer;
  double  coverage;           /* 0..1; 0 when nobody is eligible */
  gint64  budget;             /* fen; totals only (0 on place rows) */
  gint64  spent;              /* fen: care records' amounts (hardship: payments) */
  int     quota;              /* totals only */
} XfCareReportRow;

typedef struct
{
  int        year;
  GPtrArray *by_region;        /* (element-type XfCareReportRow) per programme, its counties by code, then its total */
  GPtrArray *by_organisation;  /* (element-type XfCareReportRow) per programme, its organisations, then its total */
  gint64     budget;           /* sum over programmes */
  gint64     spent;
} XfCareReport;

void          xf_care_report_row_free   (XfCareReportRow *row);
void          xf_care_report_free       (XfCareReport *report);
JsonNode     *xf_care_report_to_json    (const XfCareReport *report);
/* Sheets "Coverage by region", "Coverage by organisation", "Budget"
 * (translated names and headers; money as numbers in yuan with a ¥
 * format). Written to a temporary file and renamed: a failure leaves no
 * file and an existing one as it was. */
gboolean      xf_care_report_write_xlsx (const XfCareReport *report,
                                         const char         *path,
                                         GError            **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCareReport, xf_care_report_free)

G_END_DECLS
