/* xf-eligibility.h — whether a candidate may be nominated in a campaign
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-campaign.h"
#include "xf-pioneer.h"

G_BEGIN_DECLS

/*
 * Pure: no database. The reasons (translated, each naming the rule and the
 * candidate's value: "Age 62 is above the campaign's limit of 60") why
 * @candidate may not be nominated; an empty array when eligible. Checks:
 * kind, age on @on (individuals with a birth date; a missing birth date is
 * a reason when an age rule exists), years of service since
 * @service_since (NULL is a reason when the rule exists), required earlier
 * honours (@honours: element-type XfHonour), a candidate already holding
 * the campaign's title (exclude_holders), archived or deceased files, and
 * coverage: the candidate's region code starts with one of the campaign's
 * region codes, and the candidate's organisation code (or one of
 * @organisation_ancestors) is one of the campaign's organisation codes.
 */
GPtrArray *xf_eligibility_check (XfCampaign         *campaign,
                                 XfPioneer          *candidate,
                                 GPtrArray          *honours,
                                 const char         *service_since,
                                 const char         *organisation_code,
                                 const char * const *organisation_ancestors,
                                 const GDate        *on);

G_END_DECLS
