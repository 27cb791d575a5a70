/* xf-ranking.h — the pioneer index, monthly rankings (当月先锋) and the
 *                engagement events they count
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-index-weights.h"
#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfRanking keeps its statements on the registry's database and acts as
 * the registry's actor. Every write is one transaction (a savepoint inside a
 * caller's), is audited, and emits ::changed after commit.
 *
 * Months are "YYYY-MM"; a month's events are those whose occurred_on falls
 * in it. The index (xf-index-weights.h) is computed in SQL over
 * engagement_events, so that a month of 10 million events costs little
 * more than one query.
 *
 * Permissions: reading (rankings, explanations, weights, previews) needs
 * REGISTRY_READ; changing the weights, computing or recomputing a month by
 * hand and importing events need RANKING_MANAGE. The automatic snapshot of
 * a month that has none (xf_ranking_ensure_previous_month ()) is the
 * system's duty and runs for any signed-in actor.
 * Refusals: XF_ERROR_PERMISSION_DENIED; bad input XF_ERROR_INVALID naming
 * the field ("Month: 2026-13 is not a month written YYYY-MM").
 */

#define XF_RANKING_HONOUR_WALL_SIZE 20   /* the Pioneers of the Month */
#define XF_RANKING_STORED_PER_KIND  100  /* entries frozen per kind and month */

/* One component of a pioneer's index in a month. */
typedef struct
{
  char   *id;            /* the weights' component id */
  char   *label;         /* translated name */
  double  raw;           /* after caps */
  double  max;           /* the month's largest raw value */
  double  normalised;    /* raw / max, 0..1 */
  double  weight;
  double  points;        /* 100 × weight × normalised / Σ weights */
} XfIndexPart;

void xf_index_part_free (XfIndexPart *part);

typedef struct
{
  gint64     pioneer_id;
  char      *pioneer_uid;
  char      *name;
  char      *kind;           /* "individual" | "collective" */
  char      *tier;           /* XF tier code */
  char      *region_code;
  char      *organisation;   /* its name, or NULL */
  int        rank;           /* 1.. within kind; 0: not ranked (explanations) */
  double     score;          /* the index, 0..100 */
  GPtrArray *parts;          /* (element-type XfIndexPart) in the weights' order */
} XfRankingEntry;

XfRankingEntry *xf_ranking_entry_new  (void);
void            xf_ranking_entry_free (XfRankingEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfRankingEntry, xf_ranking_entry_free)

typedef struct
{
  char           *month;
  gboolean        frozen;        /* FALSE for a preview (xf_ranking_preview ()) */
  gboolean        automatic;
  gint64          weight_set_id;
  XfIndexWeights *weights;
  gint64          events_counted;
  gint64          pioneers_scored;
  gint64          computed_at;   /* UTC µs */
  char           *computed_by;
  GPtrArray      *individuals;   /* (element-type XfRankingEntry) rank order */
  GPtrArray      *collectives;   /* (element-type XfRankingEntry) rank order */
} XfMonthlyRanking;

XfMonthlyRanking *xf_monthly_ranking_new  (void);
void              xf_monthly_ranking_free (XfMonthlyRanking *ranking);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfMonthlyRanking, xf_monthly_ranking_free)

/* A set of weights and when it came into force. */
typedef struct
{
  gint64          id;
  char           *valid_from;    /* YYYY-MM */
  char           *reason;
  gint64          created_at;
  char           *created_by;
  XfIndexWeights *weights;
} XfIndexWeightSet;

void xf_index_weight_set_free (XfIndexWeightSet *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfIndexWeightSet, xf_index_weight_set_free)

/* What an events import did. */
typedef struct
{
  guint      lines;          /* non-empty lines read */
  guint      added;
  guint      duplicates;     /* (source, source_id) seen before: ignored */
  GPtrArray *problems;       /* (element-type utf8) "Line 12: Kind: “like” is not an event kind" */
} XfEventImportReport;

void xf_event_import_report_free (XfEventImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfEventImportReport, xf_event_import_report_free)

#define XF_TYPE_RANKING (xf_ranking_get_type ())

G_DECLARE_FINAL_TYPE (XfRanking, xf_ranking, XF, RANKING, GObject)

XfRanking  *xf_ranking_new          (XfRegistry *registry);
XfRegistry *xf_ranking_get_registry (XfRanking  *self);

/* Whether @month is "YYYY-MM" (year 2000..2100); else XF_ERROR_INVALID
 * "Month: …". */
gboolean    xf_ranking_check_month  (const char  *month,
                                     GError     **error);
/* The month before today's (honouring $XIANFENG_TODAY). (transfer full) */
char       *xf_ranking_previous_month (void);
/* Today's month, likewise; months after it are refused ("has not begun
 * yet"). (transfer full) */
char       *xf_ranking_current_month (void);

/* ── Weights (xf-ranking-weights.c) ──────────────────────────────────── */

/* The set in force for @month (NULL: the current month). The first read
 * of an empty table seeds it from the default file, valid from 2000-01
 * (one audited write). */
XfIndexWeightSet *xf_ranking_get_weights  (XfRanking   *self,
                                           const char  *month,
                                           GError     **error);
/* (element-type XfIndexWeightSet) newest first. */
GPtrArray        *xf_ranking_list_weights (XfRanking   *self,
                                           GError     **error);
/* A new set in force from @valid_from (not before the current month, so
 * that frozen months keep theirs); @reason required. Audited field by
 * field against the set it replaces. Returns the new id, 0 on error. */
gint64            xf_ranking_set_weights  (XfRanking            *self,
                                           const XfIndexWeights *weights,
                                           const char           *valid_from,
                                           const char           *reason,
                                           GError              **error);

/* ── Monthly rankings (xf-ranking-compute.c) ─────────────────────────── */

/* Computes and freezes @month (one that has ended) with the weights in
 * force for it, replacing an earlier snapshot (audited "recomputed").
 * Returns the frozen ranking. */
XfMonthlyRanking *xf_ranking_compute      (XfRanking   *self,
                                           const char  *month,
                                           GError     **error);
/* The same computation for any month, the current one included, without
 * storing it: the "so far this month" view. */
XfMonthlyRanking *xf_ranking_preview      (XfRanking   *self,
                                           const char  *month,
                                           GError     **error);
/* The SQL text of the index (its shape: xf-ranking-compute.c), run with
 * $1 = 'YYYY-MM-01' and $2 = 'YYYY-MM-31' of a month. Columns: pioneer_id,
 * kind, rank, score, pioneers scored, events counted, then the raw value
 * of each component and the month's maximum of each component (in the
 * weights' order); the best XF_RANKING_STORED_PER_KIND of each kind of
 * active pioneer, by kind and rank. (transfer full) */
char             *xf_ranking_index_sql    (const XfIndexWeights *weights,
                                           XfDbBackend           backend);
/* The frozen ranking of @month; XF_ERROR_NOT_FOUND when it has none. */
XfMonthlyRanking *xf_ranking_get          (XfRanking   *self,
                                           const char  *month,
                                           GError     **error);
/* The months with a frozen ranking, newest first. (transfer full) */
GStrv             xf_ranking_list_months  (XfRanking   *self,
                                           GError     **error);
/* Freezes the previous month when it has events and no snapshot yet (automatic, for
 * any actor). Returns the month computed (transfer full), or NULL with no
 * error when there was nothing to do. */
char             *xf_ranking_ensure_previous_month (XfRanking  *self,
                                           GError     **error);

/* ── Explanations (xf-ranking-explain.c) ─────────────────────────────── */

/* The pioneer's index for @month component by component: with the frozen
 * weights and maxima when the month is frozen (its rank filled when among
 * the stored entries), else as a preview. */
XfRankingEntry   *xf_ranking_explain      (XfRanking   *self,
                                           gint64       pioneer_id,
                                           const char  *month,
                                           GError     **error);

/* ── Engagement events (xf-ranking-events.c) ─────────────────────────── */

/* Records one event from the desktop or the portal (a card viewed, liked,
 * shared, a recommendation). @source_id makes it unique within @source
 * (a repeat returns TRUE and stores nothing); @visitor who caused it
 * (hashed by the caller), or NULL; @occurred_at UTC µs, 0 for now. */
gboolean          xf_ranking_record_event (XfRanking   *self,
                                           gint64       pioneer_id,
                                           const char  *kind,
                                           const char  *source,
                                           const char  *source_id,
                                           const char  *visitor,
                                           gint64       occurred_at,
                                           double       value,
                                           GError     **error);
/* Imports JSON lines, one event per line:
 *   {"pioneer": "UID", "kind": "card-liked", "at": "2026-11-03T09:12:00+08:00",
 *    "source": "wechat", "id": "abc123", "visitor": "v-77", "value": 1}
 * ("at" may be a date; "visitor" and "value" optional, a value not
 * negative; "source" not "app").
 * Good lines go in one transaction, duplicates are counted and ignored,
 * bad lines are reported by number and left out; @dry_run stores nothing.
 * NULL only when nothing could be read or stored. */
XfEventImportReport *xf_ranking_import_events (XfRanking     *self,
                                           GInputStream  *input,
                                           const char    *file_name,
                                           gboolean       dry_run,
                                           GCancellable  *cancellable,
                                           GError       **error);

G_END_DECLS
