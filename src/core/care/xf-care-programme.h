/* xf-care-programme.h — care programmes, care profiles, records, history,
 *                       eligible people and saved gap views (plain data)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-care-rules.h"

G_BEGIN_DECLS

/* Money is in fen (1/100 yuan), as gint64. */
/* "¥1,234.50" (transfer full). */
char *xf_money_format (gint64 fen);
/* "1234.5", "1,234.50", "¥1234" → fen; FALSE when it is not an amount
 * of at most two decimals, or is negative. */
gboolean xf_money_parse (const char *text,
                         gint64     *fen);

#define XF_CARE_KIND_HEALTH_CHECK   "health-check"    /* 体检 */
#define XF_CARE_KIND_RECUPERATION   "recuperation"    /* 疗休养 */
#define XF_CARE_KIND_ALLOWANCE      "allowance"       /* 荣誉津贴 */
#define XF_CARE_KIND_HARDSHIP       "hardship"        /* 困难帮扶 */
#define XF_CARE_KIND_FESTIVAL_VISIT "festival-visit"  /* 节日慰问 */
#define XF_CARE_KIND_GREETING       "greeting"        /* birthday and anniversary greetings */
#define XF_CARE_KIND_ELDERLY_CARE   "elderly-care"    /* care for retired and elderly pioneers */
#define XF_CARE_KIND_OTHER          "other"

const char *xf_care_kind_label (const char *kind);    /* translated */

typedef struct
{
  gint64       id;              /* 0 for a new programme */
  char        *code;            /* "health-check", fixed once created: [a-z0-9-]{2,40} */
  char        *kind;            /* XF_CARE_KIND_* */
  char        *name_en;
  char        *name_zh;
  char        *description;     /* in English */
  char        *description_zh;  /* in Chinese; "" when none */
  XfCareRules *rules;           /* never NULL */
  int          yearly_quota;    /* people a year; 0: no quota */
  gint64       yearly_budget;   /* fen a year; 0: no budget */
  gint64       unit_cost;       /* fen per person served */
  int          interval_years;  /* ≥ 1: served once in this many years is "covered" */
  char        *organisation_code; /* the provider; NULL: none */
  gboolean     active;
  int          position;
  gint64       version;
} XfCareProgramme;

XfCareProgramme *xf_care_programme_new  (void);   /* active, interval 1, rules for every active pioneer */
void             xf_care_programme_free (XfCareProgramme *programme);
XfCareProgramme *xf_care_programme_copy (const XfCareProgramme *programme);
/* name_zh when the messages are Chinese, else name_en. */
const char      *xf_care_programme_get_name (const XfCareProgramme *programme);
/* description_zh when the messages are Chinese and it is not empty, else
 * description (never NULL). */
const char      *xf_care_programme_get_description (const XfCareProgramme *programme);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCareProgramme, xf_care_programme_free)

/* What care reads beyond the registry. */
typedef struct
{
  gint64    pioneer_id;
  char     *retired_on;       /* NULL: not retired */
  gboolean  hardship;
  char     *hardship_since;   /* NULL when not flagged */
  char     *note;
  gint64    version;          /* 0: never saved */
} XfCareProfile;

XfCareProfile *xf_care_profile_new  (gint64 pioneer_id);
void           xf_care_profile_free (XfCareProfile *profile);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCareProfile, xf_care_profile_free)

/* Care given to one person. */
typedef struct
{
  gint64  id;
  char   *uid;
  gint64  pioneer_id;
  char   *pioneer_name;       /* filled when read */
  char   *programme_code;
  char   *programme_name;     /* filled when read */
  char   *on_date;
  gint64  amount;             /* fen */
  gint64  batch_id;           /* 0 when none */
  gint64  visit_id;
  gint64  case_id;
  char   *note;
  char   *recorded_by;
  gint64  created_at;
} XfCareRecord;

XfCareRecord *xf_care_record_new  (void);
void          xf_care_record_free (XfCareRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCareRecord, xf_care_record_free)

/* One line of a pioneer's care history (the profile's "Care" section):
 * records, batch invitations and answers, hardship cases, visits. */
typedef struct
{
  char   *on_date;            /* YYYY-MM-DD */
  char   *kind;               /* "record" | "batch" | "hardship" | "visit" */
  char   *programme_name;     /* translated name; "" when none */
  char   *summary;            /* translated: "Recuperation trip 2026: accepted" */
  char   *status;             /* the record's own status code ("accepted", "approved", "done"…) */
  gint64  amount;             /* fen; 0 when none */
  gint64  record_id;          /* the batch, case, visit or record id */
} XfCareHistoryItem;

void xf_care_history_item_free (XfCareHistoryItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCareHistoryItem, xf_care_history_item_free)

/* A person on an eligibility or gap list. */
typedef struct
{
  gint64  pioneer_id;
  char   *uid;
  char   *name;
  char   *kind;
  char   *tier;
  char   *gender;             /* NULL for collectives */
  int     age;                /* on the reference date; -1 when unknown or a collective */
  char   *region_code;
  char   *region_name;
  char   *organisation_name;  /* "" when none */
  char   *last_served_on;     /* the latest care record of the programme; NULL: never */
  gboolean served_this_year;  /* a record of the programme in the reference date's year */
} XfCareEligible;

void xf_care_eligible_free (XfCareEligible *eligible);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCareEligible, xf_care_eligible_free)

/* A saved gap view: eligible for @programme_code and not served for
 * @gap_years years ("No health check for two years"). */
typedef struct
{
  gint64  id;
  char   *uid;
  char   *name;
  char   *programme_code;
  int     gap_years;
  char   *region_code;        /* NULL: everywhere */
  char   *owner;              /* login; NULL: shared */
} XfCareView;

XfCareView *xf_care_view_new  (void);
void        xf_care_view_free (XfCareView *view);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCareView, xf_care_view_free)

G_END_DECLS
