/* xf-registry-query.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * What the registry page asks for: search text, filters and a sort.
 * An immutable-after-use value object; the list model copies it.
 * Filters are lists of codes; an empty filter lets everything through,
 * several codes in one filter are OR-ed, different filters are AND-ed.
 */

typedef enum
{
  XF_REGISTRY_SORT_NAME,
  XF_REGISTRY_SORT_KIND,
  XF_REGISTRY_SORT_TIER,
  XF_REGISTRY_SORT_REGION,
  XF_REGISTRY_SORT_ORGANISATION,
  XF_REGISTRY_SORT_INDUSTRY,
  XF_REGISTRY_SORT_HONOURS,
} XfRegistrySort;

typedef enum
{
  XF_REGISTRY_FILTER_KIND,          /* "individual", "collective" */
  XF_REGISTRY_FILTER_TIER,          /* tier codes */
  XF_REGISTRY_FILTER_REGION,        /* county (6) or township (9) codes; a county matches its townships */
  XF_REGISTRY_FILTER_INDUSTRY,      /* section letters */
  XF_REGISTRY_FILTER_ORGANISATION,  /* organisation ids in decimal */
  XF_REGISTRY_FILTER_GENDER,        /* "male", "female" */
  XF_REGISTRY_FILTER_AGE_BAND,      /* "-35", "36-45", "46-55", "56-" (age today) */
  XF_REGISTRY_FILTER_EDUCATION,     /* education codes */
  XF_REGISTRY_FILTER_STATUS,        /* default: "active" only */
  XF_REGISTRY_N_FILTERS,
} XfRegistryFilter;

/* The filter a name on the command line or in a saved view stands for:
 * "kind", "tier", "region", "industry", "organisation", "gender", "age",
 * "education", "status"; FALSE for any other. */
gboolean         xf_registry_filter_from_name   (const char            *name,
                                                 XfRegistryFilter      *filter);

typedef struct _XfRegistryQuery XfRegistryQuery;

GType            xf_registry_query_get_type     (void) G_GNUC_CONST;
#define XF_TYPE_REGISTRY_QUERY (xf_registry_query_get_type ())

XfRegistryQuery *xf_registry_query_new          (void);
XfRegistryQuery *xf_registry_query_copy         (const XfRegistryQuery *self);
void             xf_registry_query_free         (XfRegistryQuery       *self);
void             xf_registry_query_set_text     (XfRegistryQuery       *self,
                                                 const char            *text);
const char      *xf_registry_query_get_text     (const XfRegistryQuery *self);
void             xf_registry_query_set_sort     (XfRegistryQuery       *self,
                                                 XfRegistrySort         sort,
                                                 gboolean               descending);
XfRegistrySort   xf_registry_query_get_sort     (const XfRegistryQuery *self,
                                                 gboolean              *descending);
/* Adds one accepted code to a filter. */
void             xf_registry_query_add_filter   (XfRegistryQuery       *self,
                                                 XfRegistryFilter       filter,
                                                 const char            *code);
void             xf_registry_query_clear_filter (XfRegistryQuery       *self,
                                                 XfRegistryFilter       filter);
/* (transfer none): NULL-terminated codes, or NULL when the filter is empty. */
const char * const *xf_registry_query_get_filter (const XfRegistryQuery *self,
                                                 XfRegistryFilter       filter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfRegistryQuery, xf_registry_query_free)

G_END_DECLS
