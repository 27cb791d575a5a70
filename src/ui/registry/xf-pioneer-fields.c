/* xf-pioneer-fields.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-pioneer-fields"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-pioneer-fields.h"
#include "xf-reference.h"

static const struct
{
  const char  *property;
  XfFieldKind  kind;
} field_kinds[] = {
  { "id", XF_FIELD_HIDDEN },
  { "uid", XF_FIELD_HIDDEN },
  { "kind", XF_FIELD_HIDDEN },
  { "organisation-name", XF_FIELD_HIDDEN },
  { "status", XF_FIELD_HIDDEN },
  { "archive-reason", XF_FIELD_HIDDEN },
  { "honours-count", XF_FIELD_HIDDEN },
  { "created-at", XF_FIELD_HIDDEN },
  { "updated-at", XF_FIELD_HIDDEN },
  { "version", XF_FIELD_HIDDEN },
  { "size", XF_FIELD_NUMBER },
  { "gender", XF_FIELD_CODED },
  { "ethnicity", XF_FIELD_CODED },
  { "education", XF_FIELD_CODED },
  { "political-status", XF_FIELD_CODED },
  { "industry", XF_FIELD_CODED },
  { "region-code", XF_FIELD_CODED },
  { "organisation-id", XF_FIELD_CODED },
  { "tier", XF_FIELD_CODED },
  { "birth-date", XF_FIELD_DATE },
  { "introduction", XF_FIELD_LONG_TEXT },
  { "deeds", XF_FIELD_LONG_TEXT },
  { "contribution", XF_FIELD_LONG_TEXT },
  { "tier-manual", XF_FIELD_SWITCH },
};

static const char *tiers[] = { "national", "provincial", "city", "county", "cultivation" };

XfFieldKind
xf_pioneer_fields_kind (const char *property)
{
  g_return_val_if_fail (property != NULL, XF_FIELD_HIDDEN);

  for (guint i = 0; i < G_N_ELEMENTS (field_kinds); i++)
    if (g_str_equal (field_kinds[i].property, property))
      return field_kinds[i].kind;
  return XF_FIELD_TEXT;
}

gboolean
xf_pioneer_fields_is_required (const char *kind,
                               const char *property)
{
  if (g_strcmp0 (property, "name") == 0 ||
      g_strcmp0 (property, "region-code") == 0 ||
      g_strcmp0 (property, "organisation-id") == 0)
    return TRUE;
  if (g_strcmp0 (kind, "collective") == 0)
    return g_strcmp0 (property, "credit-code") == 0;
  return g_strcmp0 (property, "id-number") == 0;
}

static XfReferenceTable
reference_table_for (const char *property)
{
  if (g_str_equal (property, "ethnicity"))
    return XF_REFERENCE_ETHNICITIES;
  if (g_str_equal (property, "education"))
    return XF_REFERENCE_EDUCATION;
  if (g_str_equal (property, "political-status"))
    return XF_REFERENCE_POLITICAL_STATUS;
  if (g_str_equal (property, "industry"))
    return XF_REFERENCE_INDUSTRIES;
  if (g_str_equal (property, "region-code"))
    return XF_REFERENCE_REGIONS;
  return XF_REFERENCE_N_TABLES;
}

/* "Wuyang Subdistrict, Deqing County" for a township, the name for a county. */
static char *
region_label (XfReference *reference,
              const char  *code)
{
  const XfReferenceItem *item = xf_reference_lookup (reference, XF_REFERENCE_REGIONS, code);
  const char *name = xf_reference_label (reference, XF_REFERENCE_REGIONS, code);

  if (item != NULL && item->parent != NULL && *item->parent != '\0')
    {
      const char *county = xf_reference_label (reference, XF_REFERENCE_REGIONS, item->parent);

      /* Translators: a township, then the county it lies in. In Chinese
       * write the county first with no separator: "%2$s%1$s". */
      return g_strdup_printf (_("%1$s, %2$s"), name, county);
    }
  return g_strdup (name);
}

/* In the user's language when the organisation is in the reference data. */
static char *
organisation_name (XfOrganisationInfo *info)
{
  XfReference *reference = xf_reference_get_default (NULL);

  if (reference != NULL && info->code != NULL &&
      xf_reference_lookup (reference, XF_REFERENCE_ORGANISATIONS, info->code) != NULL)
    return g_strdup (xf_reference_label (reference, XF_REFERENCE_ORGANISATIONS, info->code));
  return g_strdup (info->name);
}

static void
options_add (XfFieldOptions *options,
             GPtrArray      *labels,
             const char     *code,
             char           *label)
{
  g_ptr_array_add (options->codes, g_strdup (code));
  g_ptr_array_add (labels, label);
}

XfFieldOptions *
xf_field_options_new (XfRegistry *registry,
                      const char *property)
{
  g_autoptr(XfFieldOptions) options = g_new0 (XfFieldOptions, 1);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  XfReferenceTable table = reference_table_for (property);

  g_return_val_if_fail (property != NULL, NULL);

  options->codes = g_ptr_array_new_with_free_func (g_free);
  options_add (options, labels, NULL, g_strdup (_("Not set")));

  if (g_str_equal (property, "gender"))
    {
      options_add (options, labels, "male", g_strdup (xf_gender_label ("male")));
      options_add (options, labels, "female", g_strdup (xf_gender_label ("female")));
    }
  else if (g_str_equal (property, "tier"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
        options_add (options, labels, tiers[i], g_strdup (xf_tier_label (tiers[i])));
    }
  else if (g_str_equal (property, "organisation-id"))
    {
      g_autoptr(GPtrArray) organisations = NULL;

      if (registry != NULL)
        organisations = xf_registry_list_organisations (registry, NULL);
      for (guint i = 0; organisations != NULL && i < organisations->len; i++)
        {
          XfOrganisationInfo *info = g_ptr_array_index (organisations, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, info->id);

          options_add (options, labels, id, organisation_name (info));
        }
    }
  else if (table != XF_REFERENCE_N_TABLES)
    {
      XfReference *reference = xf_reference_get_default (NULL);
      GPtrArray *items = reference ? xf_reference_get_items (reference, table) : NULL;

      for (guint i = 0; items != NULL && i < items->len; i++)
        {
          const XfReferenceItem *item = g_ptr_array_index (items, i);

          if (table == XF_REFERENCE_REGIONS)
            options_add (options, labels, item->code, region_label (reference, item->code));
          else
            options_add (options, labels, item->code,
                         g_strdup (xf_reference_label (reference, table, item->code)));
        }
    }

  g_ptr_array_add (labels, NULL);
  options->labels = (GStrv) g_ptr_array_free (g_steal_pointer (&labels), FALSE);
  return g_steal_pointer (&options);
}

void
xf_field_options_free (XfFieldOptions *options)
{
  if (options == NULL)
    return;
  g_clear_pointer (&options->codes, g_ptr_array_unref);
  g_clear_pointer (&options->labels, g_strfreev);
  g_free (options);
}

guint
xf_field_options_find (XfFieldOptions *options,
                       const char     *code)
{
  g_return_val_if_fail (options != NULL, 0);

  if (code == NULL || *code == '\0')
    return 0;
  for (guint i = 1; i < options->codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (options->codes, i), code) == 0)
      return i;
  return 0;
}

const char *
xf_field_options_get_code (XfFieldOptions *options,
                           guint           index)
{
  g_return_val_if_fail (options != NULL, NULL);

  if (index >= options->codes->len)
    return NULL;
  return g_ptr_array_index (options->codes, index);
}

static char *
organisation_label (XfRegistry *registry,
                    const char *value)
{
  g_autoptr(GPtrArray) organisations = NULL;
  gint64 id = g_ascii_strtoll (value, NULL, 10);

  if (registry != NULL)
    organisations = xf_registry_list_organisations (registry, NULL);
  for (guint i = 0; organisations != NULL && i < organisations->len; i++)
    {
      XfOrganisationInfo *info = g_ptr_array_index (organisations, i);

      if (info->id == id)
        return organisation_name (info);
    }
  return g_strdup (value);
}

char *
xf_pioneer_fields_display (XfRegistry *registry,
                           const char *property,
                           const char *value)
{
  XfReferenceTable table;

  g_return_val_if_fail (property != NULL, NULL);

  if (value == NULL || *value == '\0')
    return NULL;

  if (g_str_equal (property, "gender"))
    return g_strdup (xf_gender_label (value));
  if (g_str_equal (property, "tier"))
    return g_strdup (xf_tier_label (value));
  if (g_str_equal (property, "status"))
    return g_strdup (xf_status_label (value));
  if (g_str_equal (property, "kind"))
    return g_strdup (xf_kind_label (value));
  if (g_str_equal (property, "organisation-id"))
    return g_str_equal (value, "0") ? NULL : organisation_label (registry, value);
  if (xf_pioneer_fields_kind (property) == XF_FIELD_SWITCH)
    {
      gboolean on = g_ascii_strcasecmp (value, "true") == 0 || g_str_equal (value, "1");
      return g_strdup (on ? _("Yes") : _("No"));
    }

  table = reference_table_for (property);
  if (table != XF_REFERENCE_N_TABLES)
    {
      XfReference *reference = xf_reference_get_default (NULL);

      if (reference == NULL)
        return g_strdup (value);
      if (table == XF_REFERENCE_REGIONS)
        return region_label (reference, value);
      return g_strdup (xf_reference_label (reference, table, value));
    }

  return g_strdup (value);
}

const XfReferenceItem *
xf_honour_title_lookup (const char *title)
{
  XfReference *reference;
  GPtrArray *items;

  if (title == NULL || *title == '\0')
    return NULL;
  reference = xf_reference_get_default (NULL);
  if (reference == NULL)
    return NULL;

  items = xf_reference_get_items (reference, XF_REFERENCE_HONOUR_TITLES);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const XfReferenceItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->name_zh, title) == 0 || g_strcmp0 (item->code, title) == 0 ||
          g_strcmp0 (item->name_en, title) == 0)
        return item;
    }
  return NULL;
}

char *
xf_honour_title_display (const char *title)
{
  const XfReferenceItem *item = xf_honour_title_lookup (title);

  if (item != NULL)
    return g_strdup (xf_reference_label (xf_reference_get_default (NULL),
                                         XF_REFERENCE_HONOUR_TITLES, item->code));
  return g_strdup (title);
}
