/* xf-care-programme.c — care programmes, profiles, records and the other
 *                       plain data of care; money in fen
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-care-programme.h"
#include "xf-reference.h"

/*
 * Money
 */

char *
xf_money_format (gint64 fen)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  guint64 magnitude = fen < 0 ? (guint64) -(fen + 1) + 1 : (guint64) fen;
  guint64 yuan = magnitude / 100;
  g_autofree char *plain = g_strdup_printf ("%" G_GUINT64_FORMAT, yuan);
  gsize length = strlen (plain);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append_c (digits, ',');
      g_string_append_c (digits, plain[i]);
    }
  return g_strdup_printf ("%s¥%s.%02u", fen < 0 ? "-" : "", digits->str,
                          (guint) (magnitude % 100));
}

/* Digits with optional thousands commas in groups of three. */
static gboolean
parse_yuan (const char *text,
            gsize       length,
            guint64    *yuan)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean commas = memchr (text, ',', length) != NULL;

  if (length == 0)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      gsize from_end = length - i;

      if (text[i] == ',')
        {
          if (i == 0 || from_end % 4 != 0)
            return FALSE;
          continue;
        }
      if (!g_ascii_isdigit (text[i]) || (commas && from_end % 4 == 0))
        return FALSE;
      g_string_append_c (digits, text[i]);
    }
  if (digits->len > 15)
    return FALSE;
  *yuan = g_ascii_strtoull (digits->str, NULL, 10);
  return TRUE;
}

gboolean
xf_money_parse (const char *text,
                gint64     *fen)
{
  g_autofree char *clean = NULL;
  const char *start, *point;
  guint64 yuan = 0, cents = 0;
  gsize decimals = 0;

  g_return_val_if_fail (fen != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  clean = g_strstrip (g_strdup (text));
  start = clean;
  if (g_str_has_prefix (start, "¥"))
    start += strlen ("¥");
  else if (g_str_has_prefix (start, "￥"))
    start += strlen ("￥");
  point = strchr (start, '.');
  if (point != NULL)
    {
      decimals = strlen (point + 1);
      if (decimals < 1 || decimals > 2 || strspn (point + 1, "0123456789") != decimals)
        return FALSE;
      cents = g_ascii_strtoull (point + 1, NULL, 10) * (decimals == 1 ? 10 : 1);
    }
  if (!parse_yuan (start, point != NULL ? (gsize) (point - start) : strlen (start), &yuan))
    return FALSE;
  *fen = (gint64) (yuan * 100 + cents);
  return TRUE;
}

/*
 * Kinds
 */

const char *
xf_care_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, XF_CARE_KIND_HEALTH_CHECK) == 0)
    return _("Health check");
  if (g_strcmp0 (kind, XF_CARE_KIND_RECUPERATION) == 0)
    return _("Recuperation trip");
  if (g_strcmp0 (kind, XF_CARE_KIND_ALLOWANCE) == 0)
    return _("Honour allowance");
  if (g_strcmp0 (kind, XF_CARE_KIND_HARDSHIP) == 0)
    return _("Hardship support");
  if (g_strcmp0 (kind, XF_CARE_KIND_FESTIVAL_VISIT) == 0)
    return _("Festival visit");
  if (g_strcmp0 (kind, XF_CARE_KIND_GREETING) == 0)
    return _("Greetings");
  if (g_strcmp0 (kind, XF_CARE_KIND_ELDERLY_CARE) == 0)
    return _("Care for retired and elderly pioneers");
  return C_("care kind", "Other");
}

/*
 * Programmes
 */

XfCareProgramme *
xf_care_programme_new (void)
{
  XfCareProgramme *programme = g_new0 (XfCareProgramme, 1);

  programme->code = g_strdup ("");
  programme->kind = g_strdup (XF_CARE_KIND_OTHER);
  programme->name_en = g_strdup ("");
  programme->name_zh = g_strdup ("");
  programme->description = g_strdup ("");
  programme->description_zh = g_strdup ("");
  programme->rules = xf_care_rules_new ();
  programme->interval_years = 1;
  programme->active = TRUE;
  return programme;
}

void
xf_care_programme_free (XfCareProgramme *programme)
{
  if (programme == NULL)
    return;
  g_free (programme->code);
  g_free (programme->kind);
  g_free (programme->name_en);
  g_free (programme->name_zh);
  g_free (programme->description);
  g_free (programme->description_zh);
  xf_care_rules_free (programme->rules);
  g_free (programme->organisation_code);
  g_free (programme);
}

XfCareProgramme *
xf_care_programme_copy (const XfCareProgramme *programme)
{
  XfCareProgramme *copy;

  g_return_val_if_fail (programme != NULL, NULL);

  copy = g_memdup2 (programme, sizeof *programme);
  copy->code = g_strdup (programme->code);
  copy->kind = g_strdup (programme->kind);
  copy->name_en = g_strdup (programme->name_en);
  copy->name_zh = g_strdup (programme->name_zh);
  copy->description = g_strdup (programme->description);
  copy->description_zh = g_strdup (programme->description_zh);
  copy->rules = programme->rules != NULL ? xf_care_rules_copy (programme->rules) : xf_care_rules_new ();
  copy->organisation_code = g_strdup (programme->organisation_code);
  return copy;
}

const char *
xf_care_programme_get_name (const XfCareProgramme *programme)
{
  g_return_val_if_fail (programme != NULL, NULL);

  if (xf_reference_prefers_chinese () && programme->name_zh != NULL && *programme->name_zh != '\0')
    return programme->name_zh;
  if (programme->name_en != NULL && *programme->name_en != '\0')
    return programme->name_en;
  if (programme->name_zh != NULL && *programme->name_zh != '\0')
    return programme->name_zh;
  return programme->code != NULL ? programme->code : "";
}

const char *
xf_care_programme_get_description (const XfCareProgramme *programme)
{
  g_return_val_if_fail (programme != NULL, NULL);

  if (xf_reference_prefers_chinese () && programme->description_zh != NULL && *programme->description_zh != '\0')
    return programme->description_zh;
  return programme->description != NULL ? programme->description : "";
}

/*
 * Profiles, records, history, eligible people, views
 */

XfCareProfile *
xf_care_profile_new (gint64 pioneer_id)
{
  XfCareProfile *profile = g_new0 (XfCareProfile, 1);

  profile->pioneer_id = pioneer_id;
  profile->note = g_strdup ("");
  return profile;
}

void
xf_care_profile_free (XfCareProfile *profile)
{
  if (profile == NULL)
    return;
  g_free (profile->retired_on);
  g_free (profile->hardship_since);
  g_free (profile->note);
  g_free (profile);
}

XfCareRecord *
xf_care_record_new (void)
{
  /* Every string NULL (a note NULL is stored as ""), so callers set fields
   * without freeing a default first. */
  return g_new0 (XfCareRecord, 1);
}

void
xf_care_record_free (XfCareRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->uid);
  g_free (record->pioneer_name);
  g_free (record->programme_code);
  g_free (record->programme_name);
  g_free (record->on_date);
  g_free (record->note);
  g_free (record->recorded_by);
  g_free (record);
}

void
xf_care_history_item_free (XfCareHistoryItem *item)
{
  if (item == NULL)
    return;
  g_free (item->on_date);
  g_free (item->kind);
  g_free (item->programme_name);
  g_free (item->summary);
  g_free (item->status);
  g_free (item);
}

void
xf_care_eligible_free (XfCareEligible *eligible)
{
  if (eligible == NULL)
    return;
  g_free (eligible->uid);
  g_free (eligible->name);
  g_free (eligible->kind);
  g_free (eligible->tier);
  g_free (eligible->gender);
  g_free (eligible->region_code);
  g_free (eligible->region_name);
  g_free (eligible->organisation_name);
  g_free (eligible->last_served_on);
  g_free (eligible);
}

XfCareView *
xf_care_view_new (void)
{
  /* Strings NULL, so callers set them without freeing a default first. */
  XfCareView *view = g_new0 (XfCareView, 1);

  view->gap_years = 1;
  return view;
}

void
xf_care_view_free (XfCareView *view)
{
  if (view == NULL)
    return;
  g_free (view->uid);
  g_free (view->name);
  g_free (view->programme_code);
  g_free (view->region_code);
  g_free (view->owner);
  g_free (view);
}
