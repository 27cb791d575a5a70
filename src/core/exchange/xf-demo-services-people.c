/* xf-demo-services-people.c — the services demo's apprenticeships and activities
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-demo"

#include "config.h"

#include "xf-demo-services-private.h"

#define N_ACTIVITIES 12

/*
 * Apprenticeships and activities
 */

void
_xf_demo_plan_mentorings (Demo *demo)
{
  /* status, then the age of the request */
  static const struct { int status; int ago; } plan[] = {
    { 0, 1 }, { 0, 3 },                                             /* requested */
    { 1, 20 }, { 1, 45 },                                           /* declined */
    { 2, 30 }, { 2, 75 }, { 2, 120 },                               /* accepted, under way */
    { 3, 200 }, { 3, 300 },                                         /* completed */
  };

  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      Mentoring mentoring = { &g_array_index (demo->pioneers, Pioneer, (i * 11 + 3) % demo->pioneers->len), 0 };
      guint index = demo->mentorings->len;
      int c = plan[i].ago;

      g_array_append_val (demo->mentorings, mentoring);
      _xf_demo_services_add_step (demo, c, STEP_MASTER_REQUEST, index, 0, 0);
      if (plan[i].status == 1)
        _xf_demo_services_add_step (demo, c - 3, STEP_MASTER_DECLINE, index, 0, 0);
      if (plan[i].status >= 2)
        {
          int accepted = c - 3;
          int last = plan[i].status == 3 ? accepted - 120 : 0;

          /* The plan runs 120 days (until after today for those under way). */
          _xf_demo_services_add_step (demo, accepted, STEP_MASTER_ACCEPT, index, 0, plan[i].status == 3 ? 120 : accepted + 90);
          for (int d = accepted - 21; d > last; d -= 21)
            _xf_demo_services_add_step (demo, d, STEP_MASTER_CHECK_IN, index, 0, 0);
          if (plan[i].status == 3)
            _xf_demo_services_add_step (demo, last, STEP_MASTER_COMPLETE, index, 0, 0);
        }
    }
}

void
_xf_demo_plan_activities (Demo *demo)
{
  for (guint i = 0; i < N_ACTIVITIES; i++)
    {
      Activity activity = { 0 };
      guint index = demo->activities->len;
      /* Two still to come, one cancelled, the rest held over the year. */
      int held = i < 2 ? -(int) (3 + i * 5) : (int) (5 + (i - 2) * 30);
      int created = MAX (held + 14, 1);
      guint n_public = (guint) _xf_demo_rng_range (&demo->rng, 2, 5);

      activity.initiator = &g_array_index (demo->pioneers, Pioneer, (i * 13 + 5) % demo->pioneers->len);
      activity.lecture = i % 2 == 0;
      activity.held = held;
      activity.participants = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (demo->activities, activity);
      _xf_demo_services_add_step (demo, created, STEP_ACTIVITY_CREATE, index, 0, 0);
      for (guint k = 0; k < n_public; k++)
        _xf_demo_services_add_step (demo, MAX (created - 1 - (int) k, MAX (held + 1, 0)), STEP_ACTIVITY_JOIN, index, 0, 0);
      /* Pioneers join another's activity. */
      for (guint k = 0; k < 2 && demo->pioneers->len >= 4; k++)
        _xf_demo_services_add_step (demo, MAX (created - 1, MAX (held + 1, 0)), STEP_ACTIVITY_JOIN, index,
                  g_array_index (demo->pioneers, Pioneer, (i * 13 + 6 + k) % demo->pioneers->len).pioneer_id, 0);
      if (i == 4)
        _xf_demo_services_add_step (demo, held + 2, STEP_ACTIVITY_CANCEL, index, 0, 0);
      else if (held >= 0)
        {
          for (guint k = 0; k < n_public + 2; k++)
            _xf_demo_services_add_step (demo, held, STEP_ACTIVITY_ATTEND, index, k, _xf_demo_rng_chance (&demo->rng, 850));
          _xf_demo_services_add_step (demo, held, STEP_ACTIVITY_HELD, index, 0, 0);
        }
    }
}


gboolean
_xf_demo_run_mentoring_step (Demo        *demo,
                    const Step  *step,
                    GError     **error)
{
  Mentoring *mentoring = &g_array_index (demo->mentorings, Mentoring, step->index);
  XfServices *services = demo->services;

  switch (step->kind)
    {
    case STEP_MASTER_REQUEST:
      {
        g_autoptr(XfApprenticeship) made = xf_apprenticeship_new ();
        g_autoptr(GString) name = g_string_new (NULL);

        _xf_demo_make_name (&demo->rng, _xf_demo_rng_chance (&demo->rng, 600), name);
        made->pioneer_id = mentoring->master->pioneer_id;
        made->apprentice_name = g_strdup (name->str);
        made->apprentice_contact = g_strdup_printf ("15%09u", _xf_demo_rng_below (&demo->rng, 1000000000));
        made->apprentice_employer = g_strconcat (mentoring->master->place, "某制造有限公司", NULL);
        made->goal = g_strdup ("希望跟师傅学习岗位核心技能，一年内考取高级工证书。");
        mentoring->id = xf_services_request_apprenticeship (services, made, error);
        return mentoring->id > 0;
      }
    case STEP_MASTER_ACCEPT:
      {
        g_autofree char *ends = _xf_demo_services_day (demo, step->ago - step->value);

        return xf_services_accept_apprenticeship (services, mentoring->id,
                                                  "每周集中带教一次：理论讲解、现场示范、实操点评；每月一次小结。",
                                                  ends, error);
      }
    case STEP_MASTER_DECLINE:
      return xf_services_decline_apprenticeship (services, mentoring->id, "今年已带三名徒弟，精力有限。", error);
    case STEP_MASTER_CHECK_IN:
      {
        g_autofree char *on = _xf_demo_services_day (demo, step->ago);

        return xf_services_add_check_in (services, mentoring->id, on, "本周完成实操训练，进步明显。", error);
      }
    case STEP_MASTER_COMPLETE:
      return xf_services_complete_apprenticeship (services, mentoring->id, "带教计划完成，徒弟已能独立上岗。", error);
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

gboolean
_xf_demo_run_activity_step (Demo        *demo,
                   const Step  *step,
                   GError     **error)
{
  Activity *activity = &g_array_index (demo->activities, Activity, step->index);
  XfServices *services = demo->services;

  switch (step->kind)
    {
    case STEP_ACTIVITY_CREATE:
      {
        g_autoptr(XfActivity) made = xf_activity_new ();

        made->pioneer_id = activity->initiator->pioneer_id;
        g_free (made->kind);
        made->kind = g_strdup (activity->lecture ? XF_ACTIVITY_LECTURE : XF_ACTIVITY_SKILL);
        made->title = g_strdup (activity->lecture ? "共同富裕政策进社区宣讲" : "岗位技能“传帮带”现场教学");
        made->item_code = g_strdup (activity->lecture ? "cp-policy-lecture" : "cp-skill-training");
        made->held_on = _xf_demo_services_day (demo, activity->held);
        g_free (made->start_time);
        made->start_time = g_strdup (activity->lecture ? "14:30" : "09:00");
        made->place = g_strconcat (activity->initiator->place, activity->lecture ? "党群服务中心" : "职工技能实训基地",
                                   NULL);
        made->region_code = g_strdup (activity->initiator->region);
        made->capacity = 30;
        made->description = g_strdup ("欢迎职工群众报名参加。");
        activity->id = xf_services_create_activity (services, made, error);
        return activity->id > 0;
      }
    case STEP_ACTIVITY_JOIN:
      {
        g_autoptr(GString) name = g_string_new (NULL);
        g_autofree char *contact = NULL;
        gint64 id;

        if (step->pioneer > 0)
          {
            for (guint i = 0; i < demo->pioneers->len; i++)
              if (g_array_index (demo->pioneers, Pioneer, i).pioneer_id == step->pioneer)
                g_string_assign (name, g_array_index (demo->pioneers, Pioneer, i).name);
          }
        else
          {
            _xf_demo_make_name (&demo->rng, _xf_demo_rng_chance (&demo->rng, 500), name);
            contact = g_strdup_printf ("13%09u", _xf_demo_rng_below (&demo->rng, 1000000000));
          }
        id = xf_services_add_participant (services, activity->id, name->str, contact, step->pioneer, error);
        if (id <= 0)
          return FALSE;
        g_array_append_val (activity->participants, id);
        return TRUE;
      }
    case STEP_ACTIVITY_ATTEND:
      if (step->pioneer >= activity->participants->len)
        return TRUE;
      return xf_services_set_attendance (services, g_array_index (activity->participants, gint64, step->pioneer),
                                         step->value != 0, error);
    case STEP_ACTIVITY_HELD:
      return xf_services_mark_activity_held (services, activity->id, error);
    case STEP_ACTIVITY_CANCEL:
      return xf_services_cancel_activity (services, activity->id, "当天有台风预警，活动取消。", error);
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

