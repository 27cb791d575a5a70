/* xf-hardship-case.h — a hardship support case (困难帮扶) and its payments
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* applied → assessed → approved-first → approved → paid; rejected or
 * withdrawn before approval. */
#define XF_CASE_APPLIED        "applied"
#define XF_CASE_ASSESSED       "assessed"
#define XF_CASE_APPROVED_FIRST "approved-first"
#define XF_CASE_APPROVED       "approved"
#define XF_CASE_PAID           "paid"        /* payments reached the granted amount */
#define XF_CASE_REJECTED       "rejected"
#define XF_CASE_WITHDRAWN      "withdrawn"

const char *xf_case_status_label   (const char *status);     /* translated */
const char *xf_case_category_label (const char *category);   /* translated */
/* illness, disability, accident, family, income, disaster, other */
const char * const *xf_case_categories (void);

typedef struct
{
  gint64  id;
  char   *paid_on;
  gint64  amount;             /* fen */
  char   *reference;          /* the finance office's voucher */
  char   *recorded_by;
} XfHardshipPayment;

void xf_hardship_payment_free (XfHardshipPayment *payment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfHardshipPayment, xf_hardship_payment_free)

typedef struct
{
  gint64     id;                   /* 0 for a new case */
  char      *uid;
  gint64     pioneer_id;
  char      *pioneer_name;         /* filled when read */
  char      *region_code;          /* the pioneer's, filled when read */
  char      *programme_code;       /* a programme of kind "hardship"; NULL: the first such */
  int        year;
  char      *category;
  /* Personal: "••••" and masked TRUE unless the actor has HARDSHIP_VIEW
   * at the pioneer's place. */
  char      *circumstances;
  gint64     household_income;     /* fen a year; -1 unknown or masked */
  gboolean   masked;
  gint64     requested_amount;     /* fen */
  char      *status;               /* XF_CASE_* */
  char      *applied_on;
  char      *applied_by;           /* display name */
  char      *assessment;           /* personal too: "••••" when masked */
  gint64     assessed_amount;      /* 0 until assessed */
  char      *assessed_on;
  char      *assessed_by;          /* login */
  char      *first_approved_on;
  char      *first_approved_by;    /* login */
  char      *approved_on;
  char      *approved_by;          /* login */
  gint64     granted_amount;       /* 0 until finally approved */
  gint64     paid_amount;          /* sum of payments (filled when read) */
  char      *reject_reason;
  gint64     version;
  /* Filled by xf_care_get_case () only: (element-type XfHardshipPayment), oldest first. */
  GPtrArray *payments;
} XfHardshipCase;

XfHardshipCase *xf_hardship_case_new  (void);
void            xf_hardship_case_free (XfHardshipCase *hardship_case);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfHardshipCase, xf_hardship_case_free)

G_END_DECLS
