/* xf-index-weights.h — the pioneer index's formula and its weights
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The pioneer index (先锋指数) of a pioneer for a month, 0..100:
 *
 *   raw[c]   = Σ over the month's days d of
 *                min (per_day[c],  Σ over who of min (per_source_day[c], Σ v))
 *              where the events are those of c's kinds, "who" is the event's
 *              visitor, or its source when it has none, and v is 1 (measure
 *              "count") or the event's value (measure "value"); a cap of 0
 *              means no cap. Duplicates never reach the table: (source,
 *              source_id) is unique.
 *   norm[c]  = raw[c] / max[c], max[c] the largest raw[c] of any pioneer
 *              that month (0 when max[c] is 0), so every component is
 *              0..1 and no single kind of event can outweigh its weight;
 *   index    = 100 × Σ w[c] × norm[c] / Σ w[c].
 *
 * Ties are broken by the pioneer's uid, so a month recomputed from the same
 * events and weights ranks exactly as before.
 *
 * The weights file (data/reference/pioneer-index.json, and the JSON kept in
 * index_weight_sets and monthly_rankings):
 *
 *   { "components": [
 *       { "id": "views", "name_en": "Card views", "name_zh": "名片浏览",
 *         "kinds": ["card-viewed"], "weight": 0.05, "measure": "count",
 *         "per_source_day": 1, "per_day": 50 }, … ] }
 *
 * Rules (xf_index_weights_parse () refuses the rest, naming the component
 * and the field): ids of lower-case letters and '-', unique; names not
 * empty; at least one kind, each a known XF_ENGAGEMENT_* kind and in one
 * component only; weight 0..100, the weights' sum above 0; measure "count"
 * or "value"; caps 0..10000.
 */

typedef struct
{
  char    *id;
  char    *name_en;
  char    *name_zh;
  char   **kinds;            /* NULL-terminated */
  double   weight;
  gboolean measure_value;    /* sum the events' values, not count them */
  guint    per_source_day;   /* 0: no cap */
  guint    per_day;          /* 0: no cap */
} XfIndexComponent;

typedef struct
{
  GPtrArray *components;     /* (element-type XfIndexComponent) in the file's order */
} XfIndexWeights;

XfIndexWeights   *xf_index_weights_new     (void);
void              xf_index_weights_free    (XfIndexWeights *weights);
XfIndexWeights   *xf_index_weights_copy    (const XfIndexWeights *weights);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfIndexWeights, xf_index_weights_free)

void              xf_index_component_free  (XfIndexComponent *component);

/* Parses and checks @json (the format above); XF_ERROR_INVALID naming the
 * component and field ("Component “views”: weight must be 0 to 100"). */
XfIndexWeights   *xf_index_weights_parse   (const char  *json,
                                            GError     **error);
/* The canonical JSON (components in order, fields in the order above), so
 * that equal weights give equal text. (transfer full) */
char             *xf_index_weights_to_json (const XfIndexWeights *weights);
/* data/reference/pioneer-index.json, parsed. */
XfIndexWeights   *xf_index_weights_load_default (GError **error);
/* The component named @id, or NULL. */
const XfIndexComponent *xf_index_weights_find (const XfIndexWeights *weights,
                                               const char           *id);
/* The component's name in the user's language (name_zh under a Chinese
 * locale, else name_en). */
const char       *xf_index_component_label (const XfIndexComponent *component);
/* The sum of the weights. */
double            xf_index_weights_total   (const XfIndexWeights *weights);

/* The event kinds the index knows (NULL-terminated, static). */
const char * const *xf_index_known_kinds   (void);

G_END_DECLS
