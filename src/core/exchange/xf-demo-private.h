/* xf-demo-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "xf-db.h"
#include "xf-reference.h"

G_BEGIN_DECLS

/*
 * The demo generator's own pieces: a seeded PRNG (xoshiro256**, so a seed
 * gives the same data on every machine and GLib version) and the makers of
 * names, identity numbers and texts. xf-demo.c writes what they make.
 */

typedef struct
{
  guint64 s[4];
} XfDemoRng;

void     _xf_demo_rng_seed   (XfDemoRng *rng,
                              guint64    seed);
guint64  _xf_demo_rng_next   (XfDemoRng *rng);
/* Uniform in [0, n); 0 when n is 0. */
guint32  _xf_demo_rng_below  (XfDemoRng *rng,
                              guint32    n);
/* Uniform in [lo, hi]. */
int      _xf_demo_rng_range  (XfDemoRng *rng,
                              int        lo,
                              int        hi);
/* TRUE with probability per_mille / 1000. */
gboolean _xf_demo_rng_chance (XfDemoRng *rng,
                              guint      per_mille);

typedef struct
{
  const char *value;
  guint       weight;
} XfDemoWeighted;

const char *_xf_demo_pick_weighted (XfDemoRng            *rng,
                                    const XfDemoWeighted *items,
                                    guint                 n_items);
#define XF_DEMO_PICK_WEIGHTED(rng, table) \
  _xf_demo_pick_weighted ((rng), (table), G_N_ELEMENTS (table))
#define XF_DEMO_PICK(rng, array) \
  ((array)[_xf_demo_rng_below ((rng), G_N_ELEMENTS (array))])

/* A county of the city with its townships, from the reference regions. */
typedef struct
{
  const char *code;        /* 6 digits */
  const char *name;        /* 德清县 */
  char       *short_name;  /* 德清 */
  guint       weight;      /* share of the city's pioneers */
  GPtrArray  *townships;   /* (element-type XfReferenceItem) (transfer none) */
} XfDemoCounty;

/* The places pioneers live and work in; built once per run. */
typedef struct
{
  XfReference *reference;
  const char *city_name;   /* 湖州市 */
  char       *city_short;  /* 湖州 */
  GPtrArray  *counties;    /* (element-type XfDemoCounty) */
  guint       total_weight;
} XfDemoPlaces;

XfDemoPlaces *_xf_demo_places_new   (XfReference *reference,
                                     GError     **error);
void          _xf_demo_places_free  (XfDemoPlaces *places);
void          _xf_demo_pick_place   (XfDemoRng            *rng,
                                     XfDemoPlaces         *places,
                                     const XfDemoCounty  **county,
                                     const XfReferenceItem **township);
/* 新市镇 → 新市, 武康街道 → 武康. Writes into @buf. */
const char   *_xf_demo_township_short (const XfReferenceItem *township,
                                       char                  *buf,
                                       gsize                  size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfDemoPlaces, _xf_demo_places_free)

/* Everything a generated file holds before it is written. Texts are
 * GStrings reused from one record to the next, so a million records cost
 * no allocation churn. */
typedef struct
{
  /* both kinds */
  char                   uid[37];
  GString               *name;
  const char            *industry;
  const XfDemoCounty    *county;
  const XfReferenceItem *township;
  const char            *organisation;  /* organisation code */
  GString               *employer;      /* collectives: the parent unit */
  GString               *skills;
  GString               *tags;
  GString               *introduction;
  GString               *deeds;
  GString               *contribution;
  const char            *status;
  const char            *archive_reason;
  gint64                 created_at;
  gint64                 updated_at;
  /* individuals */
  gboolean               male;
  int                    age;
  char                   birth_date[11];
  const char            *ethnicity;
  const char            *education;
  const char            *political_status;
  char                   id_number[19];
  char                   mobile[12];
  const char            *position;
  /* collectives */
  char                   credit_code[19];
  const char            *collective_kind;
  GString               *leader;
  int                    size;
} XfDemoRecord;

void _xf_demo_record_init  (XfDemoRecord *record);
void _xf_demo_record_clear (XfDemoRecord *record);

/* Fills a random UUID (version 4 layout) from the PRNG. */
void _xf_demo_make_uid     (XfDemoRng *rng,
                            char       out[37]);
/* A Chinese personal name of the given sex into @name. */
void _xf_demo_make_name    (XfDemoRng *rng,
                            gboolean   male,
                            GString   *name);

/*
 * Identity numbers are unique within one run: a bitmap over (county,
 * birth date, sequence) marks the numbers given out.
 */
typedef struct _XfDemoIdSet XfDemoIdSet;

XfDemoIdSet *_xf_demo_id_set_new  (void);
void         _xf_demo_id_set_free (XfDemoIdSet *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfDemoIdSet, _xf_demo_id_set_free)

/* Fills the individual's fields (name, dates, numbers, employer, texts). */
void _xf_demo_make_individual (XfDemoRng    *rng,
                               XfDemoPlaces *places,
                               XfDemoIdSet  *ids,
                               XfDemoRecord *record);
/* Fills a collective's fields; @codes keeps the credit codes unique. */
void _xf_demo_make_collective (XfDemoRng    *rng,
                               XfDemoPlaces *places,
                               GHashTable   *codes,
                               XfDemoRecord *record);

/* What a clerk writes for a kind of collective ("team" → 班组). */
const char *_xf_demo_collective_kind_label (const char *kind);

/* Employers and texts (xf-demo-text.c). */
void _xf_demo_make_employer     (XfDemoRng    *rng,
                                 XfDemoPlaces *places,
                                 XfDemoRecord *record);
const char *_xf_demo_pick_position (XfDemoRng  *rng,
                                    const char *industry);
void _xf_demo_make_person_texts (XfDemoRng    *rng,
                                 XfDemoPlaces *places,
                                 XfDemoRecord *record);
void _xf_demo_make_collective_texts (XfDemoRng    *rng,
                                     XfDemoPlaces *places,
                                     XfDemoRecord *record);

/*
 * Bulk loading (xf-demo-bulk.c), inside the caller's transaction: the
 * secondary indexes and the search triggers of pioneers and honours go
 * away while rows pour in, and are rebuilt in one pass at the end.
 */
typedef struct _XfDemoBulk XfDemoBulk;

XfDemoBulk *_xf_demo_bulk_begin  (XfDb        *db,
                                  GError     **error);
/* Called between the rebuild steps with the share of the rebuild done (0..1). */
typedef void (*XfDemoBulkStepFunc) (double   fraction,
                                    gpointer user_data);
gboolean    _xf_demo_bulk_finish (XfDemoBulk          *bulk,
                                  XfDemoBulkStepFunc   step,
                                  gpointer             user_data,
                                  GError             **error);
void        _xf_demo_bulk_free   (XfDemoBulk  *bulk);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfDemoBulk, _xf_demo_bulk_free)

/* Runs @query, which gives (name, CREATE statement) rows, adds each
 * statement to @saved and then drops each thing by name ("DROP @drop_kind"). */
gboolean    _xf_demo_bulk_save_and_drop (XfDb        *db,
                                         const char  *query,
                                         const char  *drop_kind,
                                         GPtrArray   *saved,
                                         GError     **error);

/*
 * What the generators that replay events share (xf-demo-bulk.c).
 */

/* FALSE with XF_ERROR_WORKFLOW @refusal when @count_sql counts any row
 * (the demo goes only where there is none), or with the query's error. */
gboolean _xf_demo_check_none     (XfDb        *db,
                                  const char  *count_sql,
                                  const char  *refusal,
                                  GError     **error);
/* "YYYY-MM-DD" @ago calendar days before @today (after it when negative). */
char    *_xf_demo_day_text       (const GDate *today,
                                  int          ago);
/* Puts $XIANFENG_TODAY back as it was (@saved NULL: unset). */
void     _xf_demo_restore_today  (const char  *saved);
/* The order of planned events: older (more days @ago) first, then as
 * planned (@seq) within a day. */
int      _xf_demo_compare_planned (int         ago_a,
                                   guint       seq_a,
                                   int         ago_b,
                                   guint       seq_b);

G_END_DECLS
