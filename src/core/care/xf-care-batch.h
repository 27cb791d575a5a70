/* xf-care-batch.h — a batch of a care programme and its members (plain data)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define XF_BATCH_DRAFT     "draft"      /* the list is being prepared */
#define XF_BATCH_INVITING  "inviting"   /* invitations out, answers and attendance recorded */
#define XF_BATCH_CLOSED    "closed"
#define XF_BATCH_CANCELLED "cancelled"

#define XF_MEMBER_LISTED     "listed"      /* on the draft list */
#define XF_MEMBER_INVITED    "invited"
#define XF_MEMBER_ACCEPTED   "accepted"    /* holds a place */
#define XF_MEMBER_WAITLISTED "waitlisted"  /* accepted with every place taken; first in line gets a freed place */
#define XF_MEMBER_DECLINED   "declined"
#define XF_MEMBER_ATTENDED   "attended"    /* served: a care record was written */
#define XF_MEMBER_ABSENT     "absent"
#define XF_MEMBER_REMOVED    "removed"     /* taken off the list (kept for the audit) */

const char *xf_batch_status_label  (const char *status);   /* translated */
const char *xf_member_status_label (const char *status);   /* translated */

typedef struct
{
  gint64    id;
  gint64    pioneer_id;
  char     *pioneer_uid;
  char     *pioneer_name;
  char     *region_name;
  int       age;               /* on the batch's reference date; -1 unknown */
  char     *status;            /* XF_MEMBER_* */
  char     *override_reason;   /* added although not eligible: why; NULL otherwise */
  char     *invited_on;
  char     *answered_on;
  char     *decline_reason;
  char     *note;
  int       position;          /* waiting-list order */
} XfCareBatchMember;

void xf_care_batch_member_free (XfCareBatchMember *member);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCareBatchMember, xf_care_batch_member_free)

typedef struct
{
  gint64     id;                /* 0 for a new batch */
  char      *uid;
  char      *programme_code;
  char      *programme_name;    /* filled when read */
  int        year;
  char      *title;
  char      *reference_on;      /* ages and statuses are taken on this date */
  int        places;
  gint64     unit_cost;         /* fen; a new batch takes the programme's when 0 */
  char      *starts_on;
  char      *ends_on;
  char      *reply_by;
  char      *place;
  char      *status;            /* XF_BATCH_* */
  char      *cancel_reason;
  char      *notes;
  gint64     version;
  /* Counts (filled when read). */
  int        n_listed;          /* every member not removed */
  int        n_invited;         /* invited, waiting for an answer */
  int        n_accepted;        /* accepted + attended + absent: places taken */
  int        n_waitlisted;
  int        n_declined;
  int        n_attended;
  /* Filled by xf_care_get_batch () only: (element-type XfCareBatchMember), by status then name. */
  GPtrArray *members;
} XfCareBatch;

XfCareBatch *xf_care_batch_new  (void);   /* status draft, members empty */
void         xf_care_batch_free (XfCareBatch *batch);
XfCareBatch *xf_care_batch_copy (const XfCareBatch *batch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCareBatch, xf_care_batch_free)

G_END_DECLS
