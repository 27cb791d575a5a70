/* xf-demo-care-private.h — the cultivation and care demo's pieces
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-accounts.h"
#include "xf-care.h"
#include "xf-cultivation.h"
#include "xf-demo-private.h"
#include "xf-store.h"

G_BEGIN_DECLS

/*
 * xf-demo-care.c sets up the actors and the cast and runs the parts in
 * turn: xf-demo-care-cultivation.c (plans, goals, reviews, a nomination,
 * training), xf-demo-care-batches.c (profiles, records by hand, batches)
 * and xf-demo-care-support.c (hardship cases, visits, saved views). Each
 * part walks its own stories day by day: every write runs through the
 * repository with $XIANFENG_TODAY set to its day, as the account that
 * would make it.
 */

/* The second clerk gives hardship cases their first approval, after the
 * clerk's assessment and before the administrator's final one. */
#define XF_DEMO_CARE_SECOND_CLERK "clerk2"

typedef struct
{
  gint64  id;
  char   *name;
  char   *region;
  char   *birth_date;    /* "" for none */
  char   *tier;
} DemoPerson;

typedef struct
{
  XfStore     *store;
  XfDb        *db;
  XfDemoRng    rng;
  GDate        today;
  int          year;          /* today's */
  XfAccounts  *accounts;
  XfAccount   *local;
  GHashTable  *cares;         /* login → XfCare; "" the local administrator */
  GHashTable  *cultivations;  /* login → XfCultivation */
  GPtrArray   *programmes;    /* (element-type XfCareProgramme) active, by position */
  GHashTable  *taken;         /* gint64 * pioneer ids given a story already (hardship, plans) */
} DemoCare;

/* xf-demo-care.c */

/* "YYYY-MM-DD" @ago calendar days before today (after it when negative). */
char          *_xf_demo_care_day        (DemoCare    *demo,
                                         int          ago);
/* Sets $XIANFENG_TODAY @ago days back. */
void           _xf_demo_care_set_day    (DemoCare    *demo,
                                         int          ago);
/* "YYYY-MM-DD" of @month and @day in today's year + @years. */
char          *_xf_demo_care_date_in    (DemoCare    *demo,
                                         int          years,
                                         int          month,
                                         int          day);
/* Days from @date to today (negative when after it). */
int            _xf_demo_care_days_ago   (DemoCare    *demo,
                                         const char  *date);
/* The repositories acting as @login (the local administrator when the
 * database has no such account); kept for the run. */
XfCare        *_xf_demo_care_as         (DemoCare    *demo,
                                         const char  *login,
                                         GError     **error);
XfCultivation *_xf_demo_cultivation_as  (DemoCare    *demo,
                                         const char  *login,
                                         GError     **error);
/* The first active programme of @kind, NULL when the catalogue has none. */
const XfCareProgramme *_xf_demo_care_programme (DemoCare *demo,
                                         const char  *kind);
/* Up to @limit active individuals meeting @where (SQL on pioneers p, our
 * own constant text), not taken yet when @fresh, in a seeded order
 * (element-type DemoPerson). */
GArray        *_xf_demo_care_people     (DemoCare    *demo,
                                         const char  *where,
                                         gboolean     fresh,
                                         guint        limit,
                                         GError     **error);
void           _xf_demo_care_take       (DemoCare    *demo,
                                         gint64       pioneer_id);

/* xf-demo-care-cultivation.c */
gboolean _xf_demo_care_cultivation (DemoCare *demo,
                                    GError  **error);
gboolean _xf_demo_care_training    (DemoCare *demo,
                                    GError  **error);

/* xf-demo-care-batches.c */
gboolean _xf_demo_care_profiles    (DemoCare *demo,
                                    GError  **error);
gboolean _xf_demo_care_records     (DemoCare *demo,
                                    GError  **error);
gboolean _xf_demo_care_batches     (DemoCare *demo,
                                    GError  **error);

/* xf-demo-care-support.c */
gboolean _xf_demo_care_hardship    (DemoCare *demo,
                                    GError  **error);
gboolean _xf_demo_care_visits      (DemoCare *demo,
                                    GError  **error);
gboolean _xf_demo_care_views       (DemoCare *demo,
                                    GError  **error);

G_END_DECLS
