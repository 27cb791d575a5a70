/* xf-demo-services-private.h — the services demo's pieces
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-demo-private.h"
#include "xf-services.h"

G_BEGIN_DECLS

/*
 * xf-demo-services.c plans the offers and requests and runs every step in
 * day order; xf-demo-services-people.c plans and runs the apprenticeships
 * and activities. A step is one write through XfServices on its day.
 */

typedef enum
{
  FATE_OPEN,            /* posted today */
  FATE_OVERDUE,         /* nobody claimed it within the response time */
  FATE_BOOKED,          /* waiting for the booked pioneer */
  FATE_DECLINED,        /* the booked pioneer declined: open again */
  FATE_CLAIMED,
  FATE_IN_PROGRESS,
  FATE_ASSIGNED,        /* overdue, then assigned by the dispatcher */
  FATE_DONE,            /* done, not rated */
  FATE_RATED,
  FATE_COMPLAINT_OPEN,  /* rated with a complaint still followed up */
  FATE_COMPLAINT_CLOSED,
  FATE_BOOKING_DONE,    /* booked, accepted, done and rated */
  FATE_ASSIGNED_DONE,
  FATE_CANCELLED,
  FATE_EXPIRED,
} Fate;

typedef enum
{
  STEP_CREATE,
  STEP_CLAIM,
  STEP_LOST_CLAIM,
  STEP_ACCEPT,
  STEP_DECLINE,
  STEP_ASSIGN,
  STEP_START,
  STEP_COMPLETE,
  STEP_RATE,
  STEP_CLOSE_FOLLOW_UP,
  STEP_CANCEL,
  STEP_EXPIRE,
  STEP_MASTER_REQUEST,
  STEP_MASTER_ACCEPT,
  STEP_MASTER_DECLINE,
  STEP_MASTER_CHECK_IN,
  STEP_MASTER_COMPLETE,
  STEP_ACTIVITY_CREATE,
  STEP_ACTIVITY_JOIN,
  STEP_ACTIVITY_ATTEND,
  STEP_ACTIVITY_HELD,
  STEP_ACTIVITY_CANCEL,
} StepKind;

typedef struct
{
  gint64  pioneer_id;
  char   *name;
  char   *region;
  char   *place;        /* the township's name */
} Pioneer;

typedef struct
{
  const Pioneer *pioneer;
  const char    *item;   /* code, owned by Demo.items */
} Offer;

typedef struct
{
  Fate         fate;
  const Offer *offer;
  int          created;     /* days ago */
  gint64       id;
} Request;

typedef struct
{
  const Pioneer *master;
  gint64         id;
} Mentoring;

typedef struct
{
  const Pioneer *initiator;
  gboolean       lecture;
  int            held;        /* days ago; negative: still to come */
  gint64         id;
  GArray        *participants;   /* gint64 participant ids */
} Activity;

typedef struct
{
  int       ago;
  guint     seq;
  StepKind  kind;
  guint     index;
  gint64    pioneer;     /* lost claims, assignments, joining pioneers */
  int       value;       /* ratings, attendance, days */
} Step;

typedef struct
{
  XfStore    *store;
  XfDb       *db;
  XfServices *services;
  XfDemoRng   rng;
  GDate       today;
  GPtrArray  *items;          /* (element-type XfServiceItem) active */
  GArray     *pioneers;       /* Pioneer */
  GArray     *offers;         /* Offer */
  GArray     *requests;       /* Request */
  GArray     *mentorings;     /* Mentoring */
  GArray     *activities;     /* Activity */
  GArray     *steps;          /* Step */
} Demo;

/* "YYYY-MM-DD" @ago calendar days before the demo's today (after it when negative). */
char    *_xf_demo_services_day      (Demo        *demo,
                                     int          ago);
/* Adds a step on the day @ago days back (today when less than 0). */
void     _xf_demo_services_add_step (Demo        *demo,
                                     int          ago,
                                     StepKind     kind,
                                     guint        index,
                                     gint64       pioneer,
                                     int          value);

/* xf-demo-services-people.c */
void     _xf_demo_plan_mentorings   (Demo        *demo);
void     _xf_demo_plan_activities   (Demo        *demo);
gboolean _xf_demo_run_mentoring_step (Demo       *demo,
                                     const Step  *step,
                                     GError     **error);
gboolean _xf_demo_run_activity_step (Demo        *demo,
                                     const Step  *step,
                                     GError     **error);

G_END_DECLS
