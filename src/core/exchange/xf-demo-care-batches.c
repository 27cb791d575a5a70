/* xf-demo-care-batches.c — demo care profiles, records and batches
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-demo"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "xf-demo-care-private.h"

/*
 * Early in the year the office records who has retired and who lives in
 * hardship; last year's health checks, allowances and trips are entered
 * by hand (so that the gap views find the people left out); this year's
 * recuperation trips and health checks run as batches, one in each
 * status: closed with attendance, inviting with a waiting list, a draft,
 * and a trip cancelled by a typhoon.
 */

#define MAX_RETIRED 60
#define MAX_RECORDS 600
#define PROFILE_DAY 330

typedef enum
{
  BATCH_DRAFT,
  BATCH_INVITING,
  BATCH_CLOSED,
  BATCH_CANCELLED,
} BatchFate;

typedef struct
{
  const char *kind;
  const char *title;      /* after the year: "2026年" */
  const char *place;
  BatchFate   fate;
  int         created;    /* days ago */
  int         invited;
  int         reply_by;
  int         starts;
  int         days;
  int         places;
} BatchSpec;

static const BatchSpec batch_specs[] = {
  { XF_CARE_KIND_HEALTH_CHECK, "劳模健康体检（第一批）", "湖州市中心医院体检中心", BATCH_CLOSED,
    250, 245, 235, 225, 10, 40 },
  { XF_CARE_KIND_RECUPERATION, "第一期劳模疗休养（莫干山）", "德清县莫干山镇", BATCH_CLOSED,
    200, 195, 180, 160, 5, 20 },
  { XF_CARE_KIND_RECUPERATION, "劳模疗休养（舟山）", "舟山市普陀区", BATCH_CANCELLED,
    120, 115, 100, 80, 5, 15 },
  { XF_CARE_KIND_RECUPERATION, "第二期劳模疗休养（安吉余村）", "安吉县天荒坪镇余村", BATCH_INVITING,
    40, 35, -5, -25, 5, 20 },
  { XF_CARE_KIND_HEALTH_CHECK, "劳模健康体检（第二批）", "湖州市第一人民医院体检中心", BATCH_INVITING,
    20, 18, -3, -10, 10, 40 },
  { XF_CARE_KIND_RECUPERATION, "第三期劳模疗休养（南浔古镇）", "南浔区南浔镇", BATCH_DRAFT,
    3, 0, -40, -70, 4, 20 },
};

static const char * const decline_reasons[] = {
  "本人身体原因，无法参加。",
  "工作任务重，走不开。",
  "家中老人需要照顾。",
  "已参加过单位组织的同类活动。",
};

/*
 * Profiles
 */

/* "YYYY-MM-DD" @years after @date (29 February → 28 February). */
static char *
years_after (const char *date,
             int         years)
{
  int y, m, d;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  if (m == 2 && d == 29)
    d = 28;
  return g_strdup_printf ("%04d-%02d-%02d", y + years, m, d);
}

static gboolean
save_profile (XfCare      *care,
              gint64       pioneer_id,
              const char  *retired_on,
              gboolean     hardship,
              const char  *note,
              GError     **error)
{
  g_autoptr(XfCareProfile) profile = xf_care_get_profile (care, pioneer_id, error);

  if (profile == NULL)
    return FALSE;
  g_free (profile->retired_on);
  profile->retired_on = g_strdup (retired_on);
  profile->hardship = hardship;
  g_free (profile->note);
  profile->note = g_strdup (note);
  return xf_care_save_profile (care, profile, error);
}

gboolean
_xf_demo_care_profiles (DemoCare  *demo,
                        GError   **error)
{
  g_autofree char *day = _xf_demo_care_day (demo, PROFILE_DAY);
  g_autofree char *cutoff = years_after (day, -60);
  g_autofree char *where = g_strdup_printf ("p.birth_date <= '%s'", cutoff);
  g_autoptr(GArray) retired = _xf_demo_care_people (demo, where, FALSE, MAX_RETIRED, error);
  g_autoptr(GArray) hardship = NULL;
  XfCare *clerk = _xf_demo_care_as (demo, "clerk", error);

  if (retired == NULL || clerk == NULL)
    return FALSE;
  _xf_demo_care_set_day (demo, PROFILE_DAY);
  for (guint i = 0; i < retired->len; i++)
    {
      const DemoPerson *person = &g_array_index (retired, DemoPerson, i);
      g_autofree char *retired_on = years_after (person->birth_date, 60);

      if (!save_profile (clerk, person->id, retired_on, FALSE,
                         i % 4 == 0 ? "独居，子女在外地工作，需定期走访。" : "", error))
        return FALSE;
    }
  /* Two flagged by hand; the approved hardship cases flag more. */
  hardship = _xf_demo_care_people (demo, "p.tier IN ('city', 'county')", TRUE, 2, error);
  if (hardship == NULL)
    return FALSE;
  for (guint i = 0; i < hardship->len; i++)
    if (!save_profile (clerk, g_array_index (hardship, DemoPerson, i).id, NULL, TRUE,
                       "因病致困，区总工会已建立困难职工档案。", error))
      return FALSE;
  return TRUE;
}

/*
 * Care given by hand
 */

/* How many more records of @programme @year's quota (people) and budget
 * leave beside the records it has (G_MAXINT64: no limit); -1 on error. */
static gint64
records_left (XfCare                *care,
              const XfCareProgramme *programme,
              int                    year,
              GError               **error)
{
  g_autoptr(GPtrArray) records = xf_care_list_records (care, 0, programme->code, year, error);
  gint64 left = G_MAXINT64;
  gint64 spent = 0;

  if (records == NULL)
    return -1;
  for (guint i = 0; i < records->len; i++)
    spent += ((const XfCareRecord *) g_ptr_array_index (records, i))->amount;
  if (programme->yearly_quota > 0)
    left = MIN (left, (gint64) programme->yearly_quota - (gint64) records->len);
  if (programme->yearly_budget > 0 && programme->unit_cost > 0)
    left = MIN (left, (programme->yearly_budget - spent) / programme->unit_cost);
  return MAX (left, 0);
}

/* Records of @kind for a share (per mille) of those eligible on @on_date,
 * entered on that day, as many as the programme's quota and budget of
 * that year leave. */
static gboolean
records_for (DemoCare    *demo,
             const char  *kind,
             const char  *on_date,
             guint        per_mille,
             const char  *note,
             GError     **error)
{
  const XfCareProgramme *programme = _xf_demo_care_programme (demo, kind);
  XfCare *clerk = _xf_demo_care_as (demo, "clerk", error);
  g_autoptr(GPtrArray) eligible = NULL;
  guint written = 0;
  gint64 left;

  if (clerk == NULL)
    return FALSE;
  if (programme == NULL || _xf_demo_care_days_ago (demo, on_date) < 0)
    return TRUE;
  g_setenv ("XIANFENG_TODAY", on_date, TRUE);
  eligible = xf_care_list_eligible (clerk, programme->code, on_date, NULL, error);
  if (eligible == NULL
      || (left = records_left (clerk, programme, atoi (on_date), error)) < 0)
    return FALSE;
  /* A large registry: the same number spread over every place. */
  per_mille = MIN (per_mille, MAX_RECORDS * 1000 / MAX (eligible->len, 1));
  for (guint i = 0; i < eligible->len && written < MAX_RECORDS && written < left; i++)
    {
      const XfCareEligible *person = g_ptr_array_index (eligible, i);
      g_autoptr(XfCareRecord) record = NULL;

      if (!_xf_demo_rng_chance (&demo->rng, per_mille))
        continue;
      record = xf_care_record_new ();
      record->pioneer_id = person->pioneer_id;
      record->programme_code = g_strdup (programme->code);
      record->on_date = g_strdup (on_date);
      record->amount = programme->unit_cost;
      record->note = g_strdup (note);
      if (xf_care_add_record (clerk, record, error) == 0)
        return FALSE;
      written++;
    }
  return TRUE;
}

gboolean
_xf_demo_care_records (DemoCare  *demo,
                       GError   **error)
{
  g_autofree char *check = _xf_demo_care_date_in (demo, -1, 4, 16);
  g_autofree char *trip = _xf_demo_care_date_in (demo, -1, 9, 22);
  g_autofree char *allowance_last = _xf_demo_care_date_in (demo, -1, 1, 15);
  g_autofree char *allowance = _xf_demo_care_date_in (demo, 0, 1, 15);
  g_autofree char *check_at_work = _xf_demo_care_date_in (demo, 0, 4, 20);

  /* This year's checks at work are entered from their reports; the
   * batches below take others to the union's hospitals. */
  return records_for (demo, XF_CARE_KIND_ALLOWANCE, allowance_last, 1000, "上年度荣誉津贴", error) &&
         records_for (demo, XF_CARE_KIND_HEALTH_CHECK, check, 650, "上年度健康体检（集中安排）", error) &&
         records_for (demo, XF_CARE_KIND_RECUPERATION, trip, 150, "上年度疗休养（千岛湖）", error) &&
         records_for (demo, XF_CARE_KIND_ALLOWANCE, allowance, 1000, "年度荣誉津贴", error) &&
         records_for (demo, XF_CARE_KIND_HEALTH_CHECK, check_at_work, 400, "单位组织年度体检，凭体检报告登记", error);
}

/*
 * Batches
 */

/* The places @wanted, within what the programme's quota and budget leave
 * for @year; 0 when nothing is left. */
static int
fit_places (DemoCare              *demo,
            XfCare                *care,
            const XfCareProgramme *programme,
            int                    year,
            int                    wanted,
            GError               **error)
{
  g_autoptr(GPtrArray) batches = xf_care_list_batches (care, programme->code, year, error);
  gint64 taken = 0;
  int places = wanted;

  if (batches == NULL)
    return -1;
  for (guint i = 0; i < batches->len; i++)
    {
      const XfCareBatch *batch = g_ptr_array_index (batches, i);

      if (!g_str_equal (batch->status, XF_BATCH_CANCELLED))
        taken += batch->places;
    }
  if (programme->yearly_quota > 0)
    places = (int) MIN (places, programme->yearly_quota - taken);
  if (programme->yearly_budget > 0 && programme->unit_cost > 0)
    places = (int) MIN (places, programme->yearly_budget / programme->unit_cost - taken);
  return MAX (places, 0);
}

static gint64
create_batch (DemoCare               *demo,
              XfCare                 *care,
              const XfCareProgramme  *programme,
              const BatchSpec        *spec,
              GError                **error)
{
  g_autoptr(XfCareBatch) batch = xf_care_batch_new ();
  g_autofree char *reference = _xf_demo_care_day (demo, spec->created);
  int year = atoi (reference);
  int places = fit_places (demo, care, programme, year, spec->places, error);

  if (places <= 0)
    return places;
  batch->programme_code = g_strdup (programme->code);
  batch->year = year;
  batch->title = g_strdup_printf ("%d年%s", year, spec->title);
  batch->reference_on = g_steal_pointer (&reference);
  batch->places = places;
  batch->starts_on = _xf_demo_care_day (demo, spec->starts);
  batch->ends_on = _xf_demo_care_day (demo, spec->starts - spec->days + 1);
  batch->reply_by = _xf_demo_care_day (demo, spec->reply_by);
  batch->place = g_strdup (spec->place);
  batch->notes = g_strdup ("请受邀人员在回复截止日前答复；如有身体不适请提前告知。");
  return xf_care_create_batch (care, batch, error);
}

/* The members of @status, in the batch's order (element-type gint64). */
static GArray *
members_in (XfCare      *care,
            gint64       batch_id,
            const char  *status,
            GError     **error)
{
  g_autoptr(XfCareBatch) batch = xf_care_get_batch (care, batch_id, error);
  GArray *ids;

  if (batch == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < batch->members->len; i++)
    {
      const XfCareBatchMember *member = g_ptr_array_index (batch->members, i);

      if (g_str_equal (member->status, status))
        g_array_append_val (ids, member->pioneer_id);
    }
  return ids;
}

/* Two taken off the draft list: served elsewhere this year. Everyone
 * else listed is invited; places go to those who accept first. */
static gboolean
remove_some (XfCare   *care,
             gint64    batch_id,
             GError  **error)
{
  g_autoptr(GArray) listed = members_in (care, batch_id, XF_MEMBER_LISTED, error);

  if (listed == NULL)
    return FALSE;
  for (guint i = 0; i < MIN (listed->len / 4, 2); i++)
    if (!xf_care_remove_member (care, batch_id, g_array_index (listed, gint64, listed->len - 1 - i),
                                "本人今年已参加单位组织的同类活动。", error))
      return FALSE;
  return TRUE;
}

/* Answers from the day after the invitations to the reply-by date: more
 * accept than there are places (a waiting list), a few decline, the rest
 * have not answered; then an accepted one cancels and the first in line
 * moves up. */
static gboolean
answer (DemoCare         *demo,
        XfCare           *care,
        gint64            batch_id,
        const BatchSpec  *spec,
        int               places,
        GError          **error)
{
  g_autoptr(GArray) invited = members_in (care, batch_id, XF_MEMBER_INVITED, error);
  int span = MAX (spec->invited - MAX (spec->reply_by, 0) - 1, 1);
  guint accepting = (guint) places + 3;
  guint declining = (guint) places / 4 + 2;
  guint answers, accepted = 0;
  gint64 first_accepted = 0;

  if (invited == NULL)
    return FALSE;
  answers = MIN (invited->len, accepting + declining);
  for (guint i = 0; i < answers; i++)
    {
      gint64 pioneer = g_array_index (invited, gint64, i);
      gboolean accept = accepted < accepting && i % 5 != 4;

      _xf_demo_care_set_day (demo, spec->invited - 1 - (int) (i * (guint) span / answers));
      if (!xf_care_answer (care, batch_id, pioneer, accept,
                           accept ? NULL : decline_reasons[i % G_N_ELEMENTS (decline_reasons)], error))
        return FALSE;
      accepted += accept;
      if (accept && first_accepted == 0)
        first_accepted = pioneer;
    }
  if (first_accepted == 0)
    return TRUE;
  return xf_care_answer (care, batch_id, first_accepted, FALSE, "临时接到紧急任务，无法参加，名额让给其他同志。", error);
}

/* Everyone accepted attended but one, who was ill; then the batch closes. */
static gboolean
attend_and_close (DemoCare         *demo,
                  XfCare           *care,
                  gint64            batch_id,
                  const BatchSpec  *spec,
                  GError          **error)
{
  g_autoptr(GArray) accepted = members_in (care, batch_id, XF_MEMBER_ACCEPTED, error);

  if (accepted == NULL)
    return FALSE;
  _xf_demo_care_set_day (demo, spec->starts - spec->days + 1);
  for (guint i = 0; i < accepted->len; i++)
    if (!xf_care_record_attendance (care, batch_id, g_array_index (accepted, gint64, i),
                                    accepted->len < 4 || i != 1, error))
      return FALSE;
  _xf_demo_care_set_day (demo, spec->starts - spec->days - 5);
  return xf_care_close_batch (care, batch_id, error);
}

/* One past the programme's age limit, added by the office's decision. */
static gboolean
add_override (DemoCare  *demo,
              XfCare    *care,
              gint64     batch_id,
              GError   **error)
{
  g_autofree char *cutoff = _xf_demo_care_date_in (demo, -67, 1, 1);
  g_autofree char *where = g_strdup_printf ("p.tier IN ('national', 'provincial') AND p.birth_date < '%s' "
                                            "AND p.id NOT IN (SELECT pioneer_id FROM care_profiles "
                                            "WHERE retired_on IS NOT NULL)", cutoff);
  g_autoptr(GArray) people = _xf_demo_care_people (demo, where, FALSE, 1, error);

  if (people == NULL)
    return FALSE;
  if (people->len == 0)
    return TRUE;
  return xf_care_add_member (care, batch_id, g_array_index (people, DemoPerson, 0).id,
                             "全国劳模，身体状况良好，经主席办公会研究同意参加。", error);
}

static gboolean
run_batch (DemoCare         *demo,
           XfCare           *care,
           const BatchSpec  *spec,
           GError          **error)
{
  const XfCareProgramme *programme = _xf_demo_care_programme (demo, spec->kind);
  g_autoptr(XfCareBatch) stored = NULL;
  gint64 id;

  if (programme == NULL)
    return TRUE;
  _xf_demo_care_set_day (demo, spec->created);
  id = create_batch (demo, care, programme, spec, error);
  if (id <= 0)
    return id == 0;
  stored = xf_care_get_batch (care, id, error);
  if (stored == NULL || !remove_some (care, id, error))
    return FALSE;
  if (spec->fate == BATCH_CLOSED && g_str_equal (spec->kind, XF_CARE_KIND_RECUPERATION)
      && !add_override (demo, care, id, error))
    return FALSE;
  /* Nobody to invite in a tiny registry: the batch stays a draft. */
  if (spec->fate == BATCH_DRAFT || stored->members->len == 0)
    return TRUE;
  _xf_demo_care_set_day (demo, spec->invited);
  if (!xf_care_send_invitations (care, id, error))
    return FALSE;
  if (spec->fate == BATCH_CANCELLED)
    {
      _xf_demo_care_set_day (demo, spec->reply_by);
      return xf_care_cancel_batch (care, id, "受台风影响，本期取消；已受邀人员优先安排下一期。", error);
    }
  if (!answer (demo, care, id, spec, stored->places, error))
    return FALSE;
  return spec->fate != BATCH_CLOSED || attend_and_close (demo, care, id, spec, error);
}

gboolean
_xf_demo_care_batches (DemoCare  *demo,
                       GError   **error)
{
  XfCare *clerk = _xf_demo_care_as (demo, "clerk", error);

  if (clerk == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (batch_specs); i++)
    if (!run_batch (demo, clerk, &batch_specs[i], error))
      {
        g_prefix_error (error, "%s: ", batch_specs[i].title);
        return FALSE;
      }
  return TRUE;
}
