/* xf-ranking-private.h — shared by the parts of XfRanking
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-audit.h"
#include "xf-permission.h"
#include "xf-ranking.h"
#include "xf-stmt-cache.h"

G_BEGIN_DECLS

/* Record types in the audit trail. */
#define XF_RECORD_INDEX_WEIGHTS "index-weights"
#define XF_RECORD_RANKING       "ranking"
#define XF_RECORD_ENGAGEMENT    "engagement"

/*
 * The parts: xf-ranking.c (object, transactions, audit, permissions,
 * records), -weights, -compute, -explain, -events.
 */
struct _XfRanking
{
  GObject      parent_instance;
  XfRegistry  *registry;
  XfDb        *db;
  XfAccount   *actor;
  XfStmtCache *stmts;
  gboolean     nested;
};

XfDbStmt   *_xf_ranking_prepare    (XfRanking   *self,
                                    const char  *sql,
                                    GError     **error);
gboolean    _xf_ranking_begin      (XfRanking   *self,
                                    GError     **error);
/* Commits and emits "changed" when @ok, else (or when the commit fails)
 * rolls back. Returns whether the write is done. */
gboolean    _xf_ranking_end        (XfRanking   *self,
                                    gboolean     ok,
                                    GError     **error);
gboolean    _xf_ranking_audit      (XfRanking   *self,
                                    const char  *action,
                                    const char  *record_type,
                                    const char  *record_uid,
                                    const char  *field,
                                    const char  *old_value,
                                    const char  *new_value,
                                    GError     **error);
gboolean    _xf_ranking_check      (XfRanking   *self,
                                    XfOperation  op,
                                    GError     **error);
/* Now in UTC µs on the day $XIANFENG_TODAY names (see _xf_services_now). */
gint64      _xf_ranking_now        (void);
const char *_xf_ranking_actor_name (XfRanking   *self);

/* xf-ranking-weights.c: the set in force for @month, seeding an empty
 * table first (a write of its own, outside any other). */
XfIndexWeightSet *_xf_ranking_weights_for (XfRanking   *self,
                                    const char  *month,
                                    GError     **error);

/* xf-ranking-compute.c: the raw values (after caps) of one pioneer's
 * components in @month, in the weights' order (element-type double). */
GArray     *_xf_ranking_pioneer_raw (XfRanking            *self,
                                    const XfIndexWeights *weights,
                                    gint64                pioneer_id,
                                    const char           *month,
                                    GError              **error);
/* Fills @entry's pioneer fields (uid, name, kind, tier, region,
 * organisation) from the registry; FALSE with @error when it has none. */
gboolean    _xf_ranking_fill_pioneer (XfRanking      *self,
                                    XfRankingEntry *entry,
                                    GError        **error);
/* @entry->parts from @raw and @maxima (element-type double, the
 * weights' order). */
void        _xf_ranking_fill_parts (XfRankingEntry       *entry,
                                    const XfIndexWeights *weights,
                                    const double         *raw,
                                    const double         *maxima);
/* The index from the same values, in the SQL's order of operations. */
double      _xf_ranking_score      (const XfIndexWeights *weights,
                                    const double         *raw,
                                    const double         *maxima);

/* xf-ranking-compute.c: the frozen month's weights and maxima (element-type
 * double, the weights' order) and the pioneer's rank, score and stored raw
 * values there (rank 0 and @raw NULL when not among the entries); FALSE
 * with no error when @month is not frozen. */
gboolean    _xf_ranking_frozen_for (XfRanking       *self,
                                    const char      *month,
                                    gint64           pioneer_id,
                                    XfIndexWeights **weights,
                                    double         **maxima,
                                    int             *rank,
                                    double          *score,
                                    double         **raw,
                                    GError         **error);

G_END_DECLS
