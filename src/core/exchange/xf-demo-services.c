/* xf-demo-services.c — a year of services, walked through the real repository
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-demo"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-accounts.h"
#include "xf-calendar.h"
#include "xf-clock.h"
#include "xf-demo-services.h"
#include "xf-demo-services-private.h"
#include "xf-error.h"
#include "xf-services.h"

/*
 * Every record is made by XfServices as the local administrator, never by
 * SQL: each step of a story (create, claim, start, complete, rate…) is an
 * event on a day, the events are sorted by day and run with
 * $XIANFENG_TODAY set to it, so that the repository stamps them, checks
 * their dates and computes response deadlines as it would have on that
 * day. Ages are calendar days before the demo's "today".
 */

#define SAVEPOINT "xf_demo_services"
#define MAX_OFFER_PIONEERS 200
#define N_OLD_REQUESTS 110


static void
demo_clear (Demo *demo)
{
  g_clear_object (&demo->services);
  g_clear_pointer (&demo->items, g_ptr_array_unref);
  if (demo->pioneers != NULL)
    for (guint i = 0; i < demo->pioneers->len; i++)
      {
        Pioneer *pioneer = &g_array_index (demo->pioneers, Pioneer, i);

        g_free (pioneer->name);
        g_free (pioneer->region);
        g_free (pioneer->place);
      }
  g_clear_pointer (&demo->pioneers, g_array_unref);
  g_clear_pointer (&demo->offers, g_array_unref);
  g_clear_pointer (&demo->requests, g_array_unref);
  g_clear_pointer (&demo->mentorings, g_array_unref);
  if (demo->activities != NULL)
    for (guint i = 0; i < demo->activities->len; i++)
      g_clear_pointer (&g_array_index (demo->activities, Activity, i).participants, g_array_unref);
  g_clear_pointer (&demo->activities, g_array_unref);
  g_clear_pointer (&demo->steps, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Demo, demo_clear)

/* "YYYY-MM-DD" @ago calendar days before the demo's today (after it when negative). */
char *
_xf_demo_services_day (Demo *demo,
                       int   ago)
{
  return _xf_demo_day_text (&demo->today, ago);
}

void
_xf_demo_services_add_step (Demo     *demo,
                            int       ago,
                            StepKind  kind,
                            guint     index,
                            gint64    pioneer,
                            int       value)
{
  Step step = { MAX (ago, 0), demo->steps->len, kind, index, pioneer, value };

  g_array_append_val (demo->steps, step);
}

/*
 * The cast: pioneers with offers
 */

static gboolean
load_pioneers (Demo    *demo,
               GError **error)
{
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autoptr(GArray) all = g_array_new (FALSE, TRUE, sizeof (Pioneer));
  XfReference *reference = xf_reference_get_shared ();
  XfDbStep step;
  guint every;

  stmt = xf_db_prepare (demo->db, "SELECT id, name, region_code FROM pioneers "
                                  "WHERE kind = 'individual' AND status = 'active' ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      Pioneer pioneer = { 0 };
      const XfReferenceItem *place;

      pioneer.pioneer_id = xf_db_stmt_column_int64 (stmt, 0);
      pioneer.name = xf_db_stmt_dup_text (stmt, 1);
      pioneer.region = xf_db_stmt_dup_text (stmt, 2);
      place = xf_reference_lookup (reference, XF_REFERENCE_REGIONS, pioneer.region);
      pioneer.place = g_strdup (place != NULL ? place->name_zh : "");
      g_array_append_val (all, pioneer);
    }
  if (step != XF_DB_STEP_DONE)
    return FALSE;

  /* A few hundred, spread over the registry. */
  every = MAX (1, all->len / MAX_OFFER_PIONEERS);
  for (guint i = 0; i < all->len; i++)
    {
      Pioneer *pioneer = &g_array_index (all, Pioneer, i);

      if (i % every == 0 && demo->pioneers->len < MAX_OFFER_PIONEERS)
        {
          g_array_append_val (demo->pioneers, *pioneer);
          continue;
        }
      g_free (pioneer->name);
      g_free (pioneer->region);
      g_free (pioneer->place);
    }
  return TRUE;
}

static const char * const offer_texts[] = {
  "利用业余时间提供上门指导，也可电话、视频远程答疑。",
  "结合本人岗位经验，为企业和群众解决实际问题。",
  "每月固定两个周末提供服务，工作日晚上可预约。",
  "可带领工作室团队成员一同提供服务。",
};

static gboolean
make_offers (Demo    *demo,
             GError **error)
{
  static const char * const modes[] = {
    XF_SERVICE_MODE_ON_SITE, XF_SERVICE_MODE_ON_SITE, XF_SERVICE_MODE_BOTH, XF_SERVICE_MODE_REMOTE,
  };
  g_autofree char *year_ago = _xf_demo_services_day (demo, 366);

  g_setenv ("XIANFENG_TODAY", year_ago, TRUE);
  for (guint i = 0; i < demo->pioneers->len; i++)
    {
      const Pioneer *pioneer = &g_array_index (demo->pioneers, Pioneer, i);
      guint n = (guint) _xf_demo_rng_range (&demo->rng, 1, 2);
      guint first = _xf_demo_rng_below (&demo->rng, demo->items->len);

      for (guint k = 0; k < n; k++)
        {
          const XfServiceItem *item = g_ptr_array_index (demo->items, (first + k * 7) % demo->items->len);
          g_autoptr(XfServiceOffer) offer = xf_service_offer_new ();
          Offer made = { pioneer, item->code };

          offer->pioneer_id = pioneer->pioneer_id;
          offer->item_code = g_strdup (item->code);
          offer->description = g_strdup (XF_DEMO_PICK (&demo->rng, offer_texts));
          /* regions stays "": the pioneer's own region. */
          g_free (offer->mode);
          offer->mode = g_strdup (XF_DEMO_PICK (&demo->rng, modes));
          /* A handful of pioneers takes every request of a small demo. */
          offer->capacity_per_month = demo->pioneers->len < 50 ? 100 : _xf_demo_rng_range (&demo->rng, 4, 10);
          offer->available = TRUE;
          if (xf_services_save_offer (demo->services, offer, error) == 0)
            return FALSE;
          g_array_append_val (demo->offers, made);
        }
    }
  return TRUE;
}

/*
 * Requests: each fate is a story of steps
 */

/* Another pioneer offering the same item, or 0. */
static gint64
rival (Demo        *demo,
       const Offer *offer)
{
  guint start = _xf_demo_rng_below (&demo->rng, demo->offers->len);

  for (guint k = 0; k < demo->offers->len; k++)
    {
      const Offer *other = &g_array_index (demo->offers, Offer, (start + k) % demo->offers->len);

      if (other->pioneer != offer->pioneer && g_str_equal (other->item, offer->item))
        return other->pioneer->pioneer_id;
    }
  return 0;
}

static void
plan_request (Demo  *demo,
              Fate   fate,
              int    c)
{
  Request request = { fate, NULL, c, 0 };
  guint index = demo->requests->len;
  gint64 winner, other;

  /* Round the offers, so that no pioneer goes over capacity. */
  request.offer = &g_array_index (demo->offers, Offer, (index * 7) % demo->offers->len);
  g_array_append_val (demo->requests, request);
  winner = request.offer->pioneer->pioneer_id;
  _xf_demo_services_add_step (demo, c, STEP_CREATE, index, 0, 0);

  switch (fate)
    {
    case FATE_OPEN:
    case FATE_OVERDUE:
    case FATE_BOOKED:
      break;
    case FATE_DECLINED:
      _xf_demo_services_add_step (demo, c - 1, STEP_DECLINE, index, 0, 0);
      break;
    case FATE_CLAIMED:
    case FATE_IN_PROGRESS:
    case FATE_DONE:
    case FATE_RATED:
    case FATE_COMPLAINT_OPEN:
    case FATE_COMPLAINT_CLOSED:
      _xf_demo_services_add_step (demo, c - 1, STEP_CLAIM, index, winner, 0);
      /* 抢单: the slower ones lose. */
      if (index % 3 == 0 && (other = rival (demo, request.offer)) != 0)
        _xf_demo_services_add_step (demo, c - 1, STEP_LOST_CLAIM, index, other, 0);
      if (fate == FATE_CLAIMED)
        break;
      _xf_demo_services_add_step (demo, c - 2, STEP_START, index, 0, 0);
      if (fate == FATE_IN_PROGRESS)
        break;
      _xf_demo_services_add_step (demo, c - 4, STEP_COMPLETE, index, 0, 0);
      if (fate == FATE_DONE)
        break;
      _xf_demo_services_add_step (demo, c - 6, STEP_RATE, index, 0, fate == FATE_RATED ? _xf_demo_rng_range (&demo->rng, 3, 5) : 2);
      if (fate == FATE_COMPLAINT_CLOSED)
        _xf_demo_services_add_step (demo, c - 9, STEP_CLOSE_FOLLOW_UP, index, 0, 0);
      break;
    case FATE_BOOKING_DONE:
      _xf_demo_services_add_step (demo, c - 1, STEP_ACCEPT, index, 0, 0);
      _xf_demo_services_add_step (demo, c - 2, STEP_START, index, 0, 0);
      _xf_demo_services_add_step (demo, c - 4, STEP_COMPLETE, index, 0, 0);
      if (index % 4 != 0)
        _xf_demo_services_add_step (demo, c - 6, STEP_RATE, index, 0, _xf_demo_rng_range (&demo->rng, 4, 5));
      break;
    case FATE_ASSIGNED:
    case FATE_ASSIGNED_DONE:
      _xf_demo_services_add_step (demo, c - 5, STEP_ASSIGN, index, winner, 0);
      if (fate == FATE_ASSIGNED)
        break;
      _xf_demo_services_add_step (demo, c - 6, STEP_START, index, 0, 0);
      _xf_demo_services_add_step (demo, c - 8, STEP_COMPLETE, index, 0, 0);
      _xf_demo_services_add_step (demo, c - 10, STEP_RATE, index, 0, _xf_demo_rng_range (&demo->rng, 3, 5));
      break;
    case FATE_CANCELLED:
      if (index % 2 == 0)
        _xf_demo_services_add_step (demo, c - 1, STEP_CLAIM, index, winner, 0);
      _xf_demo_services_add_step (demo, c - 2, STEP_CANCEL, index, 0, 0);
      break;
    case FATE_EXPIRED:
      _xf_demo_services_add_step (demo, c - 5, STEP_EXPIRE, index, 0, 0);
      break;
    }
}

static void
plan_requests (Demo *demo)
{
  static const struct { Fate fate; int n; int from; int to; } recent[] = {
    { FATE_OPEN, 5, 0, 0 },
    { FATE_OVERDUE, 8, 9, 16 },
    { FATE_BOOKED, 4, 0, 2 },
    { FATE_DECLINED, 3, 2, 6 },
    { FATE_CLAIMED, 8, 1, 6 },
    { FATE_IN_PROGRESS, 8, 2, 10 },
    { FATE_ASSIGNED, 4, 6, 12 },
    { FATE_COMPLAINT_OPEN, 1, 16, 16 },
    { FATE_COMPLAINT_CLOSED, 1, 40, 40 },
  };
  static const XfDemoWeighted older[] = {
    { GINT_TO_POINTER (FATE_RATED), 55 },
    { GINT_TO_POINTER (FATE_DONE), 10 },
    { GINT_TO_POINTER (FATE_BOOKING_DONE), 10 },
    { GINT_TO_POINTER (FATE_ASSIGNED_DONE), 5 },
    { GINT_TO_POINTER (FATE_CANCELLED), 10 },
    { GINT_TO_POINTER (FATE_EXPIRED), 10 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (recent); i++)
    for (int k = 0; k < recent[i].n; k++)
      plan_request (demo, recent[i].fate, _xf_demo_rng_range (&demo->rng, recent[i].from, recent[i].to));
  /* Fewer for a small registry, so that a tiny demo stays quick. */
  for (guint i = 0; i < MIN (N_OLD_REQUESTS, 10 * demo->pioneers->len); i++)
    {
      Fate fate = GPOINTER_TO_INT (_xf_demo_pick_weighted (&demo->rng, older, G_N_ELEMENTS (older)));

      plan_request (demo, fate, _xf_demo_rng_range (&demo->rng, 15, 360));
    }
}

/*
 * Running the steps
 */

static const char * const needs[] = {
  "家中老人需要定期上门探访和健康指导，希望有经验的先锋帮忙。",
  "企业生产线效率低、次品率高，想请先锋上门诊断。",
  "合作社今年茶叶销路不畅，希望指导线上销售。",
  "孩子最近学习压力大、情绪低落，想找人聊聊。",
  "车间新招一批工人，希望安排一次技能培训。",
  "设备老化经常故障，需要技术人员帮忙排查。",
  "劳动合同纠纷，想咨询如何依法维权。",
  "社区想请先锋来讲讲最新的惠民政策。",
  "小区志愿服务缺人手，希望先锋带队参与。",
  "村里需要有人指导疫情防控和健康宣教。",
};

/* What a requester writes for each catalogue item, so that a demo
 * request's text matches its item; needs[] is for items not listed. */
static const struct { const char *item; const char *need; } item_needs[] = {
  { "cp-epidemic-prevention", "村里需要有人指导疫情防控和健康宣教。" },
  { "cp-enterprise-relief", "企业订单下滑、资金周转困难，想请先锋出出主意。" },
  { "cp-farmer-prosperity", "合作社今年茶叶销路不畅，希望指导线上销售。" },
  { "cp-mental-health", "孩子最近学习压力大、情绪低落，想找人聊聊。" },
  { "cp-skill-training", "车间新招一批工人，希望安排一次技能培训。" },
  { "cp-technical-help", "设备老化经常故障，需要技术人员帮忙排查。" },
  { "cp-legal-aid", "劳动合同纠纷，想咨询如何依法维权。" },
  { "cp-policy-lecture", "社区想请先锋来讲讲最新的惠民政策。" },
  { "cp-elderly-child-care", "家中老人需要定期上门探访和健康指导，希望有经验的先锋帮忙。" },
  { "cp-community-volunteering", "小区志愿服务缺人手，希望先锋带队参与。" },
  { "lc-skill-appraisal-guidance", "准备参加高级工技能等级认定，想请先锋辅导实操。" },
  { "lc-mentoring-match", "刚进厂的青年职工想找一位师傅结对带教。" },
  { "lc-career-guidance", "工作五年遇到瓶颈，想听听先锋对职业发展的建议。" },
  { "lc-honour-application-guidance", "班组想申报先进集体，不清楚材料怎么准备。" },
  { "lc-deeds-writing", "需要整理一份先进事迹材料，希望有人帮忙梳理。" },
  { "lc-patent-innovation-advice", "班组有一项工艺改进，想咨询能否申请专利。" },
  { "lc-file-update-help", "个人档案中的荣誉和工作单位需要更新，想请人指导。" },
  { "lc-health-care-referral", "想了解今年劳模体检和疗休养的安排。" },
  { "lc-policy-consultation", "想咨询劳模待遇和补助政策。" },
  { "lc-hardship-assistance", "家里有人生病，生活遇到困难，想了解帮扶渠道。" },
  { "lc-technical-problem-solving", "生产线效率低、次品率高，想请先锋上门攻关。" },
  { "lc-innovation-studio-support", "创新工作室刚成立，希望先锋指导如何开展活动。" },
  { "lc-craftsman-lecture", "单位想请工匠来讲一堂精益求精的专题课。" },
};

/* The need a requester writes for @item; @pick chooses one of needs[]
 * for an item not in item_needs[]. */
static const char *
need_for_item (const char *item,
               guint       pick)
{
  for (guint i = 0; i < G_N_ELEMENTS (item_needs); i++)
    if (g_strcmp0 (item_needs[i].item, item) == 0)
      return item_needs[i].need;
  return needs[pick];
}

static const char * const places[] = { "社区服务中心", "村委会", "职工之家", "党群服务中心", "工业园区" };

static void
fill_request (Demo             *demo,
              const Request    *plan,
              XfServiceRequest *request)
{
  g_autoptr(GString) name = g_string_new (NULL);
  guint index = (guint) (plan - (const Request *) demo->requests->data);

  _xf_demo_make_name (&demo->rng, _xf_demo_rng_chance (&demo->rng, 500), name);
  request->requester_name = g_strdup (name->str);
  request->requester_contact = g_strdup_printf ("13%09u", _xf_demo_rng_below (&demo->rng, 1000000000));
  request->item_code = g_strdup (plan->offer->item);
  request->region_code = g_strdup (plan->offer->pioneer->region);
  request->place = g_strconcat (plan->offer->pioneer->place, XF_DEMO_PICK (&demo->rng, places), NULL);
  /* Drawn as before, so that the rest of the demo's stories stay the same. */
  request->description = g_strdup (need_for_item (plan->offer->item,
                                                  _xf_demo_rng_below (&demo->rng, G_N_ELEMENTS (needs))));
  request->preferred_time = g_strdup (index % 2 == 0 ? "工作日下午" : "周末上午");
  if (plan->fate == FATE_EXPIRED)
    request->needed_by = _xf_demo_services_day (demo, plan->created - 2);
  else if (plan->fate == FATE_OPEN || plan->fate == FATE_OVERDUE || plan->fate == FATE_BOOKED
           || plan->fate == FATE_DECLINED || index % 3 == 0)
    request->needed_by = index % 2 == 0 ? _xf_demo_services_day (demo, -_xf_demo_rng_range (&demo->rng, 7, 30)) : NULL;
  else
    request->needed_by = _xf_demo_services_day (demo, plan->created - 30);
  if (plan->fate == FATE_BOOKED || plan->fate == FATE_DECLINED || plan->fate == FATE_BOOKING_DONE)
    request->booked_pioneer_id = plan->offer->pioneer->pioneer_id;
  /* A share of them came in from the public channel. */
  if (index % 5 == 1)
    {
      g_free (request->channel);
      request->channel = g_strdup (XF_REQUEST_CHANNEL_IMPORT);
      request->source_id = g_strdup_printf ("wx-%06u", 100000 + index);
    }
}

static gboolean
run_request_step (Demo        *demo,
                  const Step  *step,
                  GError     **error)
{
  Request *request = &g_array_index (demo->requests, Request, step->index);
  XfServices *services = demo->services;

  switch (step->kind)
    {
    case STEP_CREATE:
      {
        g_autoptr(XfServiceRequest) made = xf_service_request_new ();

        fill_request (demo, request, made);
        request->id = xf_services_create_request (services, made, error);
        return request->id > 0;
      }
    case STEP_CLAIM:
      return xf_services_claim (services, request->id, step->pioneer, error);
    case STEP_LOST_CLAIM:
      {
        g_autoptr(GError) lost = NULL;

        /* Refused, and logged as a lost attempt. */
        if (xf_services_claim (services, request->id, step->pioneer, &lost))
          {
            g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW, "A second claim of request %" G_GINT64_FORMAT " won",
                         request->id);
            return FALSE;
          }
        if (lost->domain == XF_ERROR && lost->code != XF_ERROR_IO && lost->code != XF_ERROR_OFFLINE)
          return TRUE;
        g_propagate_error (error, g_steal_pointer (&lost));
        return FALSE;
      }
    case STEP_ACCEPT:
      return xf_services_accept_booking (services, request->id, error);
    case STEP_DECLINE:
      return xf_services_decline_booking (services, request->id, "这几天在外地培训，无法上门，请其他先锋接单。", error);
    case STEP_ASSIGN:
      return xf_services_assign (services, request->id, step->pioneer, error);
    case STEP_START:
      return xf_services_start (services, request->id, error);
    case STEP_COMPLETE:
      return xf_services_complete (services, request->id, "已上门服务，问题已解决，群众满意。", error);
    case STEP_RATE:
      {
        g_autoptr(XfServiceFeedback) feedback = xf_service_feedback_new ();

        feedback->rating = step->value;
        feedback->liked = step->value >= 4;
        feedback->comment = g_strdup (step->value >= 4 ? "服务热情周到，点赞！" : "问题基本解决。");
        if (request->fate == FATE_COMPLAINT_OPEN || request->fate == FATE_COMPLAINT_CLOSED)
          feedback->complaint = g_strdup ("约定时间迟到了一个多小时，也没有提前说明。");
        return xf_services_rate (services, request->id, feedback, error);
      }
    case STEP_CLOSE_FOLLOW_UP:
      return xf_services_close_follow_up (services, request->id,
                                          "已电话回访，先锋致歉并说明原因，群众表示理解。", error);
    case STEP_CANCEL:
      return xf_services_cancel (services, request->id, "群众来电，问题已自行解决，取消服务。", error);
    case STEP_EXPIRE:
      return xf_services_expire_due (services, error) >= 0;
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static int
compare_steps (gconstpointer a,
               gconstpointer b)
{
  const Step *x = a;
  const Step *y = b;

  return _xf_demo_compare_planned (x->ago, x->seq, y->ago, y->seq);
}

static gboolean
run_steps (Demo    *demo,
           GError **error)
{
  int day = G_MAXINT;

  g_array_sort (demo->steps, compare_steps);
  for (guint i = 0; i < demo->steps->len; i++)
    {
      const Step *step = &g_array_index (demo->steps, Step, i);
      gboolean ok;

      if (step->ago != day)
        {
          g_autofree char *text = _xf_demo_services_day (demo, step->ago);

          day = step->ago;
          g_setenv ("XIANFENG_TODAY", text, TRUE);
        }
      if (step->kind <= STEP_EXPIRE)
        ok = run_request_step (demo, step, error);
      else if (step->kind <= STEP_MASTER_COMPLETE)
        ok = _xf_demo_run_mentoring_step (demo, step, error);
      else
        ok = _xf_demo_run_activity_step (demo, step, error);
      if (!ok)
        {
          g_autofree char *text = _xf_demo_services_day (demo, step->ago);

          /* TRANSLATORS: the start of an error message: "Demo services, 2026-11-03: …" */
          g_prefix_error (error, _("Demo services, %s: "), text);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
generate (Demo    *demo,
          GError **error)
{
  g_autoptr(XfAccount) local = xf_account_new_local_administrator ();
  g_autoptr(XfRegistry) registry = xf_registry_new (demo->store, local);

  demo->services = xf_services_new (registry);
  demo->items = xf_services_list_items (demo->services, FALSE, error);
  if (demo->items == NULL || !load_pioneers (demo, error))
    return FALSE;
  /* A registry without an active individual has nobody to serve. */
  if (demo->pioneers->len == 0 || demo->items->len == 0)
    return TRUE;
  if (!make_offers (demo, error))
    return FALSE;
  g_debug ("Wrote %u demo offers", demo->offers->len);
  plan_requests (demo);
  _xf_demo_plan_mentorings (demo);
  _xf_demo_plan_activities (demo);
  return run_steps (demo, error);
}

/**
 * xf_demo_generate_services:
 * @store: a store with the demo registry
 * @seed: the seed; the same seed on the same day gives the same rows
 *
 * See xf-demo-services.h.
 *
 * Returns: %TRUE on success
 */
gboolean
xf_demo_generate_services (XfStore  *store,
                           guint64   seed,
                           GError  **error)
{
  g_auto(Demo) demo = { 0 };
  g_autofree char *saved_today = g_strdup (g_getenv ("XIANFENG_TODAY"));
  g_autoptr(GTimer) timer = g_timer_new ();
  gboolean nested = FALSE;
  gboolean ok;

  g_return_val_if_fail (XF_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  demo.store = store;
  demo.db = xf_store_get_db (store);
  if (!_xf_demo_check_none (demo.db, "SELECT count(*) FROM service_requests",
                            _("The database already has service requests; demo services go only into a database without any"),
                            error))
    return FALSE;
  demo.pioneers = g_array_new (FALSE, TRUE, sizeof (Pioneer));
  demo.offers = g_array_new (FALSE, TRUE, sizeof (Offer));
  demo.requests = g_array_new (FALSE, TRUE, sizeof (Request));
  demo.mentorings = g_array_new (FALSE, TRUE, sizeof (Mentoring));
  demo.activities = g_array_new (FALSE, TRUE, sizeof (Activity));
  demo.steps = g_array_new (FALSE, TRUE, sizeof (Step));
  _xf_demo_rng_seed (&demo.rng, seed ^ G_GUINT64_CONSTANT (0x7365727669636573));  /* "services" */
  xf_clock_today (&demo.today);

  ok = xf_db_begin_write (demo.db, SAVEPOINT, &nested, error);
  if (ok)
    {
      ok = generate (&demo, error) && xf_db_commit_write (demo.db, SAVEPOINT, nested, error);
      if (!ok)
        xf_db_rollback_write (demo.db, SAVEPOINT, nested);
    }

  _xf_demo_restore_today (saved_today);
  g_debug ("Wrote %u demo requests in %.2f s", demo.requests->len, g_timer_elapsed (timer, NULL));
  return ok;
}
