/* xf-care-rules.h — who a care programme is for: eligibility rules
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A programme's rules, stored as JSON in care_programmes.rules:
 *
 *   { "kinds":         ["individual"],              pioneer kinds; [] or absent: any
 *     "tiers":         ["national", "provincial"],  name-card tiers; any
 *     "honour_levels": ["national"],                has an honour of one of these levels; any
 *     "honour_titles": ["劳动模范", "工匠"],          has an honour whose title contains one; any
 *     "min_age": 60, "max_age": 80,                 full years on the reference date (individuals
 *                                                   only: a collective never matches an age rule)
 *     "statuses":      ["active"],                  pioneer status; absent: ["active"]
 *     "retired":       true | false,                retired on the reference date (care_profiles.retired_on
 *                                                   ≤ reference); absent or null: either
 *     "hardship":      true,                        the hardship flag is set; absent or null: either
 *     "regions":       ["3305", "330521"] }         region code prefixes; any
 *
 * Unknown keys, wrong types, unknown codes and min_age > max_age are
 * refused with XF_ERROR_INVALID naming the rule by its label
 * ("Eligibility: “Tiers” has an unknown tier “gold”"). Every function here
 * is pure: no database.
 */
typedef struct
{
  GStrv    kinds;          /* NULL: any */
  GStrv    tiers;
  GStrv    honour_levels;
  GStrv    honour_titles;
  int      min_age;        /* -1: none */
  int      max_age;        /* -1: none */
  GStrv    statuses;       /* never NULL after parsing: defaults to { "active" } */
  int      retired;        /* -1 either, 0 not retired, 1 retired */
  int      hardship;       /* -1 either, 1 flagged (0: not flagged) */
  GStrv    regions;
} XfCareRules;

/* What the rules look at for one pioneer, on one reference date. */
typedef struct
{
  const char        *kind;           /* "individual" | "collective" */
  const char        *tier;
  const char        *status;         /* "active" | "archived" | "deceased" */
  const char        *birth_date;     /* YYYY-MM-DD or NULL */
  const char        *region_code;
  const char        *retired_on;     /* NULL: not retired */
  gboolean           hardship;
  /* Honours: levels[i] and titles[i] of the same honour, NULL-terminated. */
  const char *const *honour_levels;
  const char *const *honour_titles;
} XfCareSubject;

XfCareRules *xf_care_rules_new        (void);       /* matches every active pioneer */
void         xf_care_rules_free       (XfCareRules  *rules);
XfCareRules *xf_care_rules_copy       (const XfCareRules *rules);
/* NULL with XF_ERROR_INVALID on bad JSON or a bad rule. */
XfCareRules *xf_care_rules_parse      (const char   *json,
                                       GError      **error);
/* Canonical JSON (keys in the order above, defaults left out). */
char        *xf_care_rules_to_json    (const XfCareRules *rules);
/* Full years from @birth_date to @on (both YYYY-MM-DD); -1 when either is
 * not a date. A 29 February birthday counts on 1 March in other years. */
int          xf_care_age_on           (const char   *birth_date,
                                       const char   *on);
/* Whether @subject meets @rules on @reference_on. When it does not and
 * @reason is not NULL, *reason is the first rule it fails, translated
 * ("Aged 58 on 2026-06-01; the programme is for 60 and over"). */
gboolean     xf_care_rules_match      (const XfCareRules   *rules,
                                       const XfCareSubject *subject,
                                       const char          *reference_on,
                                       char               **reason);
/* A rule's label a person reads ("min_age" → "Minimum age", translated);
 * NULL for a key that is no rule. */
const char  *xf_care_rules_key_label  (const char   *key);
/* One line a person can read: "Individuals · national or provincial tier ·
 * aged 60 and over · retired" (translated). */
char        *xf_care_rules_describe   (const XfCareRules *rules);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCareRules, xf_care_rules_free)

G_END_DECLS
