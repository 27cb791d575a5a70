/* xf-care-visit.h — visits (走访慰问) and the care calendar (plain data)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define XF_VISIT_PLANNED   "planned"
#define XF_VISIT_DONE      "done"
#define XF_VISIT_CANCELLED "cancelled"

/* festival, birthday, anniversary, illness, hardship, retired, other */
const char *xf_visit_purpose_label (const char *purpose);   /* translated */
const char *xf_visit_status_label  (const char *status);    /* translated */
const char * const *xf_visit_purposes (void);

typedef struct
{
  gint64  id;                 /* 0 for a new visit */
  char   *uid;
  gint64  pioneer_id;
  char   *pioneer_name;       /* filled when read */
  char   *region_name;        /* filled when read */
  char   *region_code;        /* the pioneer's, filled when read */
  char   *programme_code;     /* NULL: none (no care record is written) */
  char   *purpose;
  char   *planned_on;
  char   *planned_time;       /* HH:MM or "" */
  char   *assignees;          /* "张敏、李强" */
  char   *status;             /* XF_VISIT_* */
  char   *done_on;
  gint64  amount;             /* fen */
  char   *notes;
  char   *cancel_reason;
  gboolean overdue;           /* planned and planned_on has passed (filled when read) */
  gint64  version;
} XfCareVisit;

XfCareVisit *xf_care_visit_new  (void);   /* planned */
void         xf_care_visit_free (XfCareVisit *visit);
XfCareVisit *xf_care_visit_copy (const XfCareVisit *visit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCareVisit, xf_care_visit_free)

#define XF_CALENDAR_BIRTHDAY         "birthday"          /* round birthdays: 50, 60, 70, 80, 90, 100 and every year from 80 */
#define XF_CALENDAR_ANNIVERSARY      "anniversary"       /* 5, 10, 15… years since an honour (on 1 May of its year) */
#define XF_CALENDAR_HEALTH_CHECK_DUE "health-check-due"  /* eligible for a health-check programme, last check + interval */
#define XF_CALENDAR_VISIT            "visit"             /* a planned visit */
#define XF_CALENDAR_BATCH            "batch"             /* a batch starts, or answers are due */

typedef struct
{
  char   *date;               /* YYYY-MM-DD */
  char   *kind;               /* XF_CALENDAR_* */
  gint64  pioneer_id;         /* 0 for a batch */
  char   *pioneer_name;
  char   *region_code;
  char   *title;              /* translated: "60th birthday", "10 years since 全国劳动模范 (2016)" */
  gint64  record_id;          /* the visit or batch; 0 otherwise */
  gboolean visit_planned;     /* a birthday or anniversary already has a planned or done visit */
  char   *remind_on;          /* the working day its reminder is due */
} XfCareCalendarItem;

void xf_care_calendar_item_free (XfCareCalendarItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCareCalendarItem, xf_care_calendar_item_free)

G_END_DECLS
