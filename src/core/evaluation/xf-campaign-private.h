/* xf-campaign-private.h — XfCampaign's fields, for xf-campaign*.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-campaign.h"

G_BEGIN_DECLS

/* The properties, in the order of xf-campaign.h's comment. */
enum
{
  CAMPAIGN_PROP_0,
  CAMPAIGN_PROP_ID,
  CAMPAIGN_PROP_UID,
  CAMPAIGN_PROP_YEAR,
  CAMPAIGN_PROP_TITLE,
  CAMPAIGN_PROP_LEVEL,
  CAMPAIGN_PROP_ORGANISATION_ID,
  CAMPAIGN_PROP_ORGANISATION_NAME,
  CAMPAIGN_PROP_REGION_CODES,
  CAMPAIGN_PROP_ORGANISATION_CODES,
  CAMPAIGN_PROP_QUOTA,
  CAMPAIGN_PROP_QUORUM_NUM,
  CAMPAIGN_PROP_QUORUM_DEN,
  CAMPAIGN_PROP_PASS_NUM,
  CAMPAIGN_PROP_PASS_DEN,
  CAMPAIGN_PROP_TIE_RULE,
  CAMPAIGN_PROP_AGGREGATION,
  CAMPAIGN_PROP_NORMALISE,
  CAMPAIGN_PROP_PROMISE_DAYS,
  CAMPAIGN_PROP_PRELIMINARY_DAYS,
  CAMPAIGN_PROP_COMMITTEE_DAYS,
  CAMPAIGN_PROP_NOTICE_DAYS,
  CAMPAIGN_PROP_DECISION_DAYS,
  CAMPAIGN_PROP_MIN_NOTICE_DAYS,
  CAMPAIGN_PROP_OPENS_ON,
  CAMPAIGN_PROP_CLOSES_ON,
  CAMPAIGN_PROP_STATUS,
  CAMPAIGN_PROP_COPIED_FROM,
  CAMPAIGN_PROP_CREATED_AT,
  CAMPAIGN_PROP_UPDATED_AT,
  CAMPAIGN_PROP_VERSION,
  N_CAMPAIGN_PROPS
};

struct _XfCampaign
{
  GObject        parent_instance;

  gint64         id;
  char          *uid;
  int            year;
  char          *title;
  char          *level;
  gint64         organisation_id;
  char          *organisation_name;
  char          *region_codes;         /* never NULL: "" covers all */
  char          *organisation_codes;   /* never NULL: "" covers all */
  int            quota;
  int            quorum_num;
  int            quorum_den;
  int            pass_num;
  int            pass_den;
  char          *tie_rule;
  char          *aggregation;
  gboolean       normalise;
  int            promise_days;
  int            preliminary_days;
  int            committee_days;
  int            notice_days;
  int            decision_days;
  int            min_notice_days;
  char          *opens_on;
  char          *closes_on;
  char          *status;
  gint64         copied_from;
  gint64         created_at;
  gint64         updated_at;
  gint64         version;

  GPtrArray     *rubric;      /* XfCriterion */
  GPtrArray     *vetting;     /* XfVettingDepartment */
  GPtrArray     *checklist;   /* char* */
  GPtrArray     *committee;   /* XfCommitteeMember */
  XfEligibility *eligibility;
};

/* Sets a field by property id, notifying on change (any property, read-only ones too). */
void        _xf_campaign_set_text    (XfCampaign *self,
                                      guint       prop_id,
                                      const char *value);
void        _xf_campaign_set_number  (XfCampaign *self,
                                      guint       prop_id,
                                      gint64      value);
/* The property's name ("promise-days") and its value as text (NULL when unset). */
const char *_xf_campaign_prop_name   (guint       prop_id);
gboolean    _xf_campaign_prop_is_text (guint      prop_id);
char       *_xf_campaign_dup_field   (XfCampaign *self,
                                      guint       prop_id);

/* XF_ERROR_INVALID with the message formatted; FALSE, to return at once. */
gboolean    _xf_campaign_invalid     (GError    **error,
                                      const char *format,
                                      ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
