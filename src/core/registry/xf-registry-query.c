/* xf-registry-query.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-registry-query"

#include "config.h"

#include "xf-registry-query.h"

struct _XfRegistryQuery
{
  char           *text;
  XfRegistrySort  sort;
  gboolean        descending;
  /* NULL-terminated code lists, NULL when the filter is empty. */
  char          **filters[XF_REGISTRY_N_FILTERS];
};

G_DEFINE_BOXED_TYPE (XfRegistryQuery, xf_registry_query,
                     xf_registry_query_copy, xf_registry_query_free)

/**
 * xf_registry_query_new:
 *
 * A query with no search text and no filters, sorted by name ascending.
 * An empty status filter means active files only.
 *
 * Returns: (transfer full): a new query
 */
XfRegistryQuery *
xf_registry_query_new (void)
{
  XfRegistryQuery *self = g_new0 (XfRegistryQuery, 1);

  self->sort = XF_REGISTRY_SORT_NAME;
  return self;
}

XfRegistryQuery *
xf_registry_query_copy (const XfRegistryQuery *self)
{
  XfRegistryQuery *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = xf_registry_query_new ();
  copy->text = g_strdup (self->text);
  copy->sort = self->sort;
  copy->descending = self->descending;
  for (guint i = 0; i < XF_REGISTRY_N_FILTERS; i++)
    copy->filters[i] = g_strdupv (self->filters[i]);
  return copy;
}

void
xf_registry_query_free (XfRegistryQuery *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  for (guint i = 0; i < XF_REGISTRY_N_FILTERS; i++)
    g_strfreev (self->filters[i]);
  g_free (self);
}

/* The text is kept as typed; the list trims it when it searches. */
void
xf_registry_query_set_text (XfRegistryQuery *self,
                            const char      *text)
{
  g_return_if_fail (self != NULL);

  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
}

const char *
xf_registry_query_get_text (const XfRegistryQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

void
xf_registry_query_set_sort (XfRegistryQuery *self,
                            XfRegistrySort   sort,
                            gboolean         descending)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (sort <= XF_REGISTRY_SORT_HONOURS);

  self->sort = sort;
  self->descending = !!descending;
}

XfRegistrySort
xf_registry_query_get_sort (const XfRegistryQuery *self,
                            gboolean              *descending)
{
  g_return_val_if_fail (self != NULL, XF_REGISTRY_SORT_NAME);

  if (descending != NULL)
    *descending = self->descending;
  return self->sort;
}

gboolean
xf_registry_filter_from_name (const char       *name,
                              XfRegistryFilter *filter)
{
  static const char * const names[XF_REGISTRY_N_FILTERS] = {
    [XF_REGISTRY_FILTER_KIND] = "kind",
    [XF_REGISTRY_FILTER_TIER] = "tier",
    [XF_REGISTRY_FILTER_REGION] = "region",
    [XF_REGISTRY_FILTER_INDUSTRY] = "industry",
    [XF_REGISTRY_FILTER_ORGANISATION] = "organisation",
    [XF_REGISTRY_FILTER_GENDER] = "gender",
    [XF_REGISTRY_FILTER_AGE_BAND] = "age",
    [XF_REGISTRY_FILTER_EDUCATION] = "education",
    [XF_REGISTRY_FILTER_STATUS] = "status",
  };

  g_return_val_if_fail (filter != NULL, FALSE);

  for (guint i = 0; name != NULL && i < XF_REGISTRY_N_FILTERS; i++)
    if (g_str_equal (name, names[i]))
      {
        *filter = i;
        return TRUE;
      }
  return FALSE;
}

void
xf_registry_query_add_filter (XfRegistryQuery  *self,
                              XfRegistryFilter  filter,
                              const char       *code)
{
  char **codes;
  guint len;

  g_return_if_fail (self != NULL);
  g_return_if_fail (filter < XF_REGISTRY_N_FILTERS);
  g_return_if_fail (code != NULL);

  codes = self->filters[filter];
  if (codes != NULL && g_strv_contains ((const char * const *) codes, code))
    return;

  len = codes != NULL ? g_strv_length (codes) : 0;
  codes = g_renew (char *, codes, len + 2);
  codes[len] = g_strdup (code);
  codes[len + 1] = NULL;
  self->filters[filter] = codes;
}

void
xf_registry_query_clear_filter (XfRegistryQuery  *self,
                                XfRegistryFilter  filter)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (filter < XF_REGISTRY_N_FILTERS);

  g_clear_pointer (&self->filters[filter], g_strfreev);
}

const char * const *
xf_registry_query_get_filter (const XfRegistryQuery *self,
                              XfRegistryFilter       filter)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (filter < XF_REGISTRY_N_FILTERS, NULL);

  return (const char * const *) self->filters[filter];
}
