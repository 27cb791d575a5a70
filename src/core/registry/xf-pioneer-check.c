/* xf-pioneer-check.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-pioneer"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-calendar.h"
#include "xf-clock.h"
#include "xf-error.h"
#include "xf-identity.h"
#include "xf-pioneer.h"
#include "xf-pioneer-private.h"
#include "xf-reference.h"

/*
 * The rules of a pioneer's file. Each check names the field by its label
 * and says what is wrong, so a form can show the message beside the entry.
 */

#define MAX_NAME_INDIVIDUAL 50
#define MAX_NAME_COLLECTIVE 100
#define MAX_SHORT_TEXT      100
#define MAX_LIST_TEXT       500
#define MAX_LINK            1000
#define MAX_LONG_TEXT       20000

static gboolean
fail (GError     **error,
      const char  *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError     **error,
      const char  *format,
      ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (XF_ERROR, XF_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

static const char *
label (const char *property)
{
  return xf_pioneer_field_label (property);
}

static gboolean
check_length (const char  *property,
              const char  *value,
              glong        max,
              GError     **error)
{
  glong length;

  if (value == NULL)
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL))
    return fail (error, _("%s is not valid text"), label (property));
  length = g_utf8_strlen (value, -1);
  if (length > max)
    return fail (error, _("%s is too long: %ld characters, at most %ld are allowed"),
                 label (property), length, max);
  return TRUE;
}

static gboolean
check_one_of (const char          *property,
              const char          *value,
              const char * const  *codes,
              gboolean             required,
              GError             **error)
{
  if (value == NULL)
    return required ? fail (error, _("%s is required"), label (property)) : TRUE;
  if (!g_strv_contains (codes, value))
    return fail (error, _("%s “%s” is not one of the known values"), label (property), value);
  return TRUE;
}

static gboolean
check_reference (const char        *property,
                 const char        *value,
                 XfReferenceTable   table,
                 GError           **error)
{
  XfReference *reference;

  if (value == NULL)
    return TRUE;
  reference = xf_reference_get_default (error);
  if (reference == NULL)
    return FALSE;
  if (!xf_reference_is_valid (reference, table, value))
    return fail (error, _("%s “%s” is not a known code"), label (property), value);
  return TRUE;
}

/* The facts of the identity number when it is set and valid. */
static gboolean
identity_facts (XfPioneer       *self,
                XfIdentityFacts *facts)
{
  const char *number = xf_pioneer_get_id_number (self);

  return number != NULL && xf_identity_check_id_number (number, facts, NULL);
}

static gboolean
check_gender_matches (XfPioneer  *self,
                      GError    **error)
{
  const char *gender = xf_pioneer_get_gender (self);
  XfIdentityFacts facts;

  if (gender == NULL || !identity_facts (self, &facts) || g_str_equal (gender, facts.gender))
    return TRUE;
  if (g_str_equal (facts.gender, "female"))
    return fail (error, _("Gender does not match the identity number (the number says female)"));
  return fail (error, _("Gender does not match the identity number (the number says male)"));
}

static gboolean
check_birth_date_matches (XfPioneer  *self,
                          GError    **error)
{
  const char *birth_date = xf_pioneer_get_birth_date (self);
  XfIdentityFacts facts;

  if (birth_date == NULL || !identity_facts (self, &facts) ||
      g_str_equal (birth_date, facts.birth_date))
    return TRUE;
  return fail (error, _("Birth date does not match the identity number (the number says %s)"),
               facts.birth_date);
}

static gboolean
check_birth_date (XfPioneer  *self,
                  GError    **error)
{
  const char *value = xf_pioneer_get_birth_date (self);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  GDate date;

  if (value == NULL)
    return TRUE;
  if (!xf_date_parse (value, &date))
    return fail (error, _("Birth date “%s” is not a real date written as YYYY-MM-DD"), value);
  if (g_date_get_year (&date) < 1900)
    return fail (error, _("Birth date %s is before 1900"), value);

  /* Dates are ISO text, so text order is date order. */
  now = xf_clock_real_now ();
  today = g_date_time_format (now, "%Y-%m-%d");
  if (strcmp (value, today) > 0)
    return fail (error, _("Birth date %s is in the future"), value);

  return check_birth_date_matches (self, error);
}

static gboolean
check_name (XfPioneer  *self,
            GError    **error)
{
  const char *name = xf_pioneer_get_name (self);

  if (name == NULL)
    return fail (error, _("%s is required"), label ("name"));
  return check_length ("name", name,
                       xf_pioneer_is_collective (self) ? MAX_NAME_COLLECTIVE : MAX_NAME_INDIVIDUAL,
                       error);
}

static gboolean
check_tier_reason (XfPioneer  *self,
                   GError    **error)
{
  gboolean manual = _xf_pioneer_get_number (self, "tier-manual") != 0;
  const char *reason = _xf_pioneer_get_text (self, "tier-reason");

  if (manual && reason == NULL)
    return fail (error, _("%s is required when the tier is set by hand"), label ("tier-reason"));
  return check_length ("tier-reason", reason, MAX_LIST_TEXT, error);
}

/**
 * xf_pioneer_check_field:
 * @property: the property to check
 *
 * Checks one field by its own rules and the cross-field rules it takes
 * part in: "gender", "birth-date" and "id-number" each report a
 * disagreement between the identity number and the gender or birth date;
 * "tier-manual" and "tier-reason" each report a missing reason.
 *
 * Returns: %FALSE with %XF_ERROR_INVALID naming the field and the reason
 */
gboolean
xf_pioneer_check_field (XfPioneer   *self,
                        const char  *property,
                        GError     **error)
{
  static const char * const kinds[] = { "individual", "collective", NULL };
  static const char * const genders[] = { "male", "female", NULL };
  static const char * const tiers[] = { "national", "provincial", "city", "county",
                                        "cultivation", NULL };
  static const char * const statuses[] = { "active", "archived", "deceased", NULL };
  const char *value = NULL;

  g_return_val_if_fail (XF_IS_PIONEER (self), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);

  if (_xf_pioneer_property_is_text (property))
    value = _xf_pioneer_get_text (self, property);

  if (g_str_equal (property, "kind"))
    return check_one_of (property, value, kinds, TRUE, error);
  if (g_str_equal (property, "name"))
    return check_name (self, error);
  if (g_str_equal (property, "gender"))
    return check_one_of (property, value, genders, FALSE, error) &&
           check_gender_matches (self, error);
  if (g_str_equal (property, "birth-date"))
    return check_birth_date (self, error);
  if (g_str_equal (property, "id-number"))
    {
      XfIdentityFacts facts;

      if (value == NULL)
        return TRUE;
      return xf_identity_check_id_number (value, &facts, error) &&
             check_gender_matches (self, error) &&
             check_birth_date_matches (self, error);
    }
  if (g_str_equal (property, "mobile"))
    return value == NULL || xf_identity_check_mobile (value, error);
  if (g_str_equal (property, "credit-code"))
    return value == NULL || xf_identity_check_credit_code (value, error);
  if (g_str_equal (property, "ethnicity"))
    return check_reference (property, value, XF_REFERENCE_ETHNICITIES, error);
  if (g_str_equal (property, "education"))
    return check_reference (property, value, XF_REFERENCE_EDUCATION, error);
  if (g_str_equal (property, "political-status"))
    return check_reference (property, value, XF_REFERENCE_POLITICAL_STATUS, error);
  if (g_str_equal (property, "industry"))
    return check_reference (property, value, XF_REFERENCE_INDUSTRIES, error);
  if (g_str_equal (property, "region-code"))
    return check_reference (property, value, XF_REFERENCE_REGIONS, error);
  if (g_str_equal (property, "size"))
    {
      /* 0 means not recorded; the property cannot hold less. */
      return TRUE;
    }
  if (g_str_equal (property, "tier"))
    return check_one_of (property, value, tiers, TRUE, error);
  if (g_str_equal (property, "tier-manual") || g_str_equal (property, "tier-reason"))
    return check_tier_reason (self, error);
  if (g_str_equal (property, "status"))
    return check_one_of (property, value, statuses, TRUE, error);
  if (g_str_equal (property, "employer") || g_str_equal (property, "position") ||
      g_str_equal (property, "collective-kind") || g_str_equal (property, "leader"))
    return check_length (property, value, MAX_SHORT_TEXT, error);
  if (g_str_equal (property, "skills") || g_str_equal (property, "tags") ||
      g_str_equal (property, "archive-reason"))
    return check_length (property, value, MAX_LIST_TEXT, error);
  if (g_str_equal (property, "video") || g_str_equal (property, "photo"))
    return check_length (property, value, MAX_LINK, error);
  if (g_str_equal (property, "introduction") || g_str_equal (property, "deeds") ||
      g_str_equal (property, "contribution"))
    return check_length (property, value, MAX_LONG_TEXT, error);

  /* Bookkeeping fields (id, uid, version, timestamps…) have no rules. */
  return TRUE;
}

/**
 * xf_pioneer_validate:
 * @bad_property: (out) (optional) (transfer full): the first bad field
 *
 * Checks the kind, then the form's fields in display order, then every
 * other field that is set (an identity number on a collective is still
 * checked).
 *
 * Returns: %FALSE with %XF_ERROR_INVALID for the first bad field
 */
gboolean
xf_pioneer_validate (XfPioneer  *self,
                     char      **bad_property,
                     GError    **error)
{
  static const char * const others[] = {
    "gender", "birth-date", "ethnicity", "education", "political-status", "id-number",
    "mobile", "employer", "position", "credit-code", "collective-kind", "leader", "size",
    "skills", "tags", "tier", "tier-manual", "tier-reason", "status", "archive-reason", NULL
  };
  const char * const *form;

  g_return_val_if_fail (XF_IS_PIONEER (self), FALSE);

  if (bad_property != NULL)
    *bad_property = NULL;

  if (!xf_pioneer_check_field (self, "kind", error))
    {
      if (bad_property != NULL)
        *bad_property = g_strdup ("kind");
      return FALSE;
    }

  form = xf_pioneer_list_fields (xf_pioneer_get_kind (self));
  for (guint pass = 0; pass < 2; pass++)
    {
      const char * const *names = pass == 0 ? form : others;

      for (guint i = 0; names[i] != NULL; i++)
        {
          if (pass == 1 && g_strv_contains (form, names[i]))
            continue;
          if (!xf_pioneer_check_field (self, names[i], error))
            {
              if (bad_property != NULL)
                *bad_property = g_strdup (names[i]);
              return FALSE;
            }
        }
    }
  return TRUE;
}
