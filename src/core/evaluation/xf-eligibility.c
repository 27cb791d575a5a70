/* xf-eligibility.c — whether a candidate may be nominated in a campaign
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-eligibility"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-calendar.h"
#include "xf-eligibility.h"
#include "xf-honour.h"

/* Whole years from @since to @on: a birthday counts from the day itself. */
static int
whole_years (const GDate *since,
             const GDate *on)
{
  int years = g_date_get_year (on) - g_date_get_year (since);

  if (g_date_get_month (on) < g_date_get_month (since) ||
      (g_date_get_month (on) == g_date_get_month (since) &&
       g_date_get_day (on) < g_date_get_day (since)))
    years--;
  return years;
}

/* The title without a leading year ("2025年度", "2025年", "2025 "), so that
 * 2025年度湖州市劳动模范 and 湖州市劳动模范 are the same title. */
static const char *
title_without_year (const char *title)
{
  const char *p = title;

  if (title == NULL)
    return "";
  for (int i = 0; i < 4; i++)
    if (!g_ascii_isdigit (p[i]))
      return title;
  p += 4;
  if (g_str_has_prefix (p, "年度"))
    p += strlen ("年度");
  else if (g_str_has_prefix (p, "年"))
    p += strlen ("年");
  while (*p == ' ')
    p++;
  return *p != '\0' ? p : title;
}

static void
add_reason (GPtrArray  *reasons,
            const char *format,
            ...) G_GNUC_PRINTF (2, 3);

static void
add_reason (GPtrArray  *reasons,
            const char *format,
            ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (reasons, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Labels of honour levels, joined for a message. */
static char *
join_levels (char **levels)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; levels[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) xf_honour_level_label (levels[i]));
  g_ptr_array_add (labels, NULL);
  /* Translators: separates items of a list in a sentence. */
  return g_strjoinv (_(", "), (char **) labels->pdata);
}

static void
check_kind (XfEligibility *rules,
            XfPioneer     *candidate,
            GPtrArray     *reasons)
{
  const char *kind = xf_pioneer_get_kind (candidate);

  if (rules->kinds == NULL || rules->kinds[0] == NULL ||
      g_strv_contains ((const char * const *) rules->kinds, kind))
    return;
  if (g_str_equal (kind, "collective"))
    add_reason (reasons, _("The campaign admits individuals only, and %s is a collective"),
                xf_pioneer_get_name (candidate));
  else
    add_reason (reasons, _("The campaign admits collectives only, and %s is an individual"),
                xf_pioneer_get_name (candidate));
}

static void
check_file_status (XfPioneer *candidate,
                   GPtrArray *reasons)
{
  const char *status = xf_pioneer_get_status (candidate);

  if (g_strcmp0 (status, "archived") == 0)
    add_reason (reasons, _("The file of %s is archived"), xf_pioneer_get_name (candidate));
  else if (g_strcmp0 (status, "deceased") == 0)
    add_reason (reasons, _("%s is recorded as deceased"), xf_pioneer_get_name (candidate));
}

static void
check_age (XfEligibility *rules,
           XfPioneer     *candidate,
           const GDate   *on,
           GPtrArray     *reasons)
{
  GDate birth;
  int age;

  if ((rules->min_age <= 0 && rules->max_age <= 0) || xf_pioneer_is_collective (candidate))
    return;
  if (!xf_date_parse (xf_pioneer_get_birth_date (candidate), &birth))
    {
      add_reason (reasons, _("The birth date of %s is missing, and the campaign has an age limit"),
                  xf_pioneer_get_name (candidate));
      return;
    }
  age = whole_years (&birth, on);
  if (rules->min_age > 0 && age < rules->min_age)
    add_reason (reasons, _("Age %d is below the campaign’s minimum of %d"), age, rules->min_age);
  if (rules->max_age > 0 && age > rules->max_age)
    add_reason (reasons, _("Age %d is above the campaign’s limit of %d"), age, rules->max_age);
}

static void
check_service (XfEligibility *rules,
               const char    *service_since,
               const GDate   *on,
               GPtrArray     *reasons)
{
  GDate since;
  int years;

  if (rules->min_service_years <= 0)
    return;
  if (!xf_date_parse (service_since, &since))
    {
      add_reason (reasons,
                  g_dngettext (GETTEXT_PACKAGE,
                               "The date since which the candidate serves is missing, and the campaign "
                               "requires %d year of service",
                               "The date since which the candidate serves is missing, and the campaign "
                               "requires %d years of service",
                               rules->min_service_years),
                  rules->min_service_years);
      return;
    }
  years = MAX (whole_years (&since, on), 0);
  if (years < rules->min_service_years)
    add_reason (reasons, _("%d years of service since %s are fewer than the campaign’s minimum of %d"),
                years, service_since, rules->min_service_years);
}

static gboolean
holds_required_honour (XfEligibility *rules,
                       GPtrArray     *honours)
{
  for (guint i = 0; honours != NULL && i < honours->len; i++)
    {
      XfHonour *honour = g_ptr_array_index (honours, i);

      if (rules->required_levels != NULL &&
          g_strv_contains ((const char * const *) rules->required_levels, xf_honour_get_level (honour)))
        return TRUE;
      for (guint j = 0; rules->required_titles != NULL && rules->required_titles[j] != NULL; j++)
        if (rules->required_titles[j][0] != '\0' &&
            strstr (xf_honour_get_title (honour), rules->required_titles[j]) != NULL)
          return TRUE;
    }
  return FALSE;
}

static void
check_honours (XfCampaign *campaign,
               XfPioneer  *candidate,
               GPtrArray  *honours,
               GPtrArray  *reasons)
{
  XfEligibility *rules = xf_campaign_get_eligibility (campaign);
  gboolean by_level = rules->required_levels != NULL && rules->required_levels[0] != NULL;
  gboolean by_title = rules->required_titles != NULL && rules->required_titles[0] != NULL;

  if ((by_level || by_title) && !holds_required_honour (rules, honours))
    {
      g_autofree char *levels = by_level ? join_levels (rules->required_levels) : NULL;
      /* Translators: separates items of a list in a sentence. */
      g_autofree char *titles = by_title ? g_strjoinv (_(", "), rules->required_titles) : NULL;

      if (by_level && by_title)
        add_reason (reasons, _("%s holds no earlier honour of the required level (%s) or title (%s)"),
                    xf_pioneer_get_name (candidate), levels, titles);
      else if (by_level)
        add_reason (reasons, _("%s holds no earlier honour of the required level (%s)"),
                    xf_pioneer_get_name (candidate), levels);
      else
        add_reason (reasons, _("%s holds no earlier honour of the required title (%s)"),
                    xf_pioneer_get_name (candidate), titles);
    }

  if (!rules->exclude_holders)
    return;
  for (guint i = 0; honours != NULL && i < honours->len; i++)
    {
      XfHonour *honour = g_ptr_array_index (honours, i);

      if (g_strcmp0 (title_without_year (xf_honour_get_title (honour)),
                     title_without_year (xf_campaign_get_title (campaign))) == 0)
        {
          add_reason (reasons, _("%s already holds the title “%s” (%d)"),
                      xf_pioneer_get_name (candidate), xf_honour_get_title (honour),
                      xf_honour_get_year (honour));
          return;
        }
    }
}

static void
check_region (XfCampaign *campaign,
              XfPioneer  *candidate,
              GPtrArray  *reasons)
{
  const char *covered = xf_campaign_get_region_codes (campaign);
  const char *region = xf_pioneer_get_region_code (candidate);
  g_auto(GStrv) prefixes = NULL;

  if (covered == NULL || covered[0] == '\0')
    return;
  if (region == NULL)
    {
      add_reason (reasons, _("The region of %s is missing, and the campaign covers only the regions %s"),
                  xf_pioneer_get_name (candidate), covered);
      return;
    }
  prefixes = g_strsplit (covered, " ", -1);
  for (guint i = 0; prefixes[i] != NULL; i++)
    if (prefixes[i][0] != '\0' && g_str_has_prefix (region, prefixes[i]))
      return;
  add_reason (reasons, _("Region %s is outside the regions the campaign covers (%s)"), region, covered);
}

static void
check_organisation (XfCampaign         *campaign,
                    XfPioneer          *candidate,
                    const char         *organisation_code,
                    const char * const *organisation_ancestors,
                    GPtrArray          *reasons)
{
  const char *covered = xf_campaign_get_organisation_codes (campaign);
  g_auto(GStrv) codes = NULL;

  if (covered == NULL || covered[0] == '\0')
    return;
  if (organisation_code == NULL || organisation_code[0] == '\0')
    {
      add_reason (reasons,
                  _("%s belongs to no organisation, and the campaign covers only the organisations %s"),
                  xf_pioneer_get_name (candidate), covered);
      return;
    }
  codes = g_strsplit (covered, " ", -1);
  if (g_strv_contains ((const char * const *) codes, organisation_code))
    return;
  for (guint i = 0; organisation_ancestors != NULL && organisation_ancestors[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) codes, organisation_ancestors[i]))
      return;
  add_reason (reasons, _("Organisation %s is outside the organisations the campaign covers (%s)"),
              organisation_code, covered);
}

/**
 * xf_eligibility_check:
 *
 * See xf-eligibility.h.
 *
 * Returns: (transfer full) (element-type utf8): the reasons, empty when eligible
 */
GPtrArray *
xf_eligibility_check (XfCampaign         *campaign,
                      XfPioneer          *candidate,
                      GPtrArray          *honours,
                      const char         *service_since,
                      const char         *organisation_code,
                      const char * const *organisation_ancestors,
                      const GDate        *on)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  XfEligibility *rules;

  g_return_val_if_fail (XF_IS_CAMPAIGN (campaign), NULL);
  g_return_val_if_fail (XF_IS_PIONEER (candidate), NULL);
  g_return_val_if_fail (on != NULL && g_date_valid (on), NULL);

  rules = xf_campaign_get_eligibility (campaign);
  check_kind (rules, candidate, reasons);
  check_file_status (candidate, reasons);
  check_age (rules, candidate, on, reasons);
  check_service (rules, service_since, on, reasons);
  check_honours (campaign, candidate, honours, reasons);
  check_region (campaign, candidate, reasons);
  check_organisation (campaign, candidate, organisation_code, organisation_ancestors, reasons);
  return g_steal_pointer (&reasons);
}
