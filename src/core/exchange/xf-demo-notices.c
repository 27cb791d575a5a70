/* xf-demo-notices.c — the demo's public notices (公示) and objections (异议)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-demo"

#include "config.h"

#include <string.h>

#include "xf-demo-evaluation-private.h"
#include "xf-notice-board.h"

/*
 * The clerk publishes a notice the day a campaign's committee closes its
 * first round, with the nominations it selected; notices close on the
 * plan's day through xf_notice_board_close_due, as the app does when time
 * has passed. Each campaign's story (DemoNoticeStory) adds what happens
 * meanwhile: objections received, assigned, investigated, upheld or
 * dismissed, replies sent, a correction, a second notice (二次公示).
 *
 * Ages are working days after the publishing day, so a notice's five-day
 * period (days 0 to 4) ends before the plan closes it. Texts are what an
 * objector or a clerk writes: data, not interface text.
 */

typedef enum
{
  STEP_PUBLISH,        /* create the notice with its contacts, publish */
  STEP_CORRECT,        /* a corrected revision, published */
  STEP_RECEIVE,        /* objection @k received */
  STEP_HANDLE,         /* assigned to the clerk, a note (and a file) */
  STEP_DECIDE,         /* upheld or dismissed */
  STEP_REPLY,          /* the reply sent */
  STEP_FOLLOW_UP,      /* the second notice, published */
  STEP_REVIEW_AGAIN,   /* the committee's round for the returned nomination */
  STEP_CLOSE_AGAIN,    /* its round closes */
} DemoNoticeStep;

/* One objection of a story. */
typedef struct
{
  DemoNoticeStory  story;
  guint            candidate;   /* index on the notice */
  const char      *channel;
  gboolean         anonymous;
  const char      *objector;
  const char      *contact;
  const char      *grounds;
  const char      *note;
  const char      *file_text;   /* NULL: no file */
  const char      *outcome;
  const char      *reason;
  const char      *reply;
  const char      *reply_channel;
  /* working days after publishing; 0: not (yet) done */
  int              received, handled, decided, replied;
} DemoObjection;

static const DemoObjection objections[] = {
  {
    NOTICE_STORY_UPHELD, 1, "letter", FALSE, "周明华", "湖州市吴兴区凤凰街道 13857201234",
    "该同志事迹材料中“所在班组连续十年安全生产无事故”的表述与事实不符，2024年3月班组曾发生一起安全事故。",
    "经向市应急管理局和所在单位核实，该班组2024年3月确有一起轻伤事故记录，事迹材料表述有误。",
    "情况核实报告\n\n经调阅安全生产台账，2024年3月12日该班组发生一起轻伤事故，已按规定处理。\n",
    XF_OBJECTION_UPHELD_RETURN, "反映问题属实，事迹材料表述有误，退回评审委员会复核",
    NULL, NULL, 1, 2, 3, 0,
  },
  {
    NOTICE_STORY_UPHELD, 4, "online", FALSE, "李晓东", "lixd@example.cn",
    "反映该同志长期不在岗，获评依据不足。",
    "走访所在单位及同事，调阅近三年考勤记录，该同志出勤完整，反映情况不属实。",
    NULL,
    XF_OBJECTION_DISMISSED, "经核查，反映问题不属实",
    "您反映的问题经核查不属实：该同志近三年考勤记录完整。感谢您对评选工作的关心和监督。", "online",
    1, 2, 3, 4,
  },
  {
    NOTICE_STORY_DISMISSED, 0, "online", FALSE, "陈立群", "0572-2356789",
    "反映该同志的一项技术革新成果系团队集体完成，事迹材料归为个人成果。",
    "调阅成果鉴定材料，该同志为第一完成人，事迹材料已注明团队协作，表述无误。",
    NULL,
    XF_OBJECTION_DISMISSED, "经核查，事迹材料表述与鉴定材料一致",
    "您反映的问题已核查：该同志为成果第一完成人，事迹材料已注明团队协作。特此答复。", "letter",
    2, 2, 3, 4,
  },
  {
    NOTICE_STORY_CORRECTED, 1, "in-person", FALSE, "张国庆", "湖州市吴兴区织里镇 13905721234",
    "反映该同志所在企业曾拖欠职工工资。",
    "向区人力社保局劳动监察大队核实，该企业无拖欠工资投诉记录，所述情况发生在其他企业。",
    NULL,
    XF_OBJECTION_DISMISSED, "经核查，所反映的企业与候选人所在企业不是同一家",
    "经向区劳动监察部门核实，您反映的企业与候选人所在企业不是同一家。特此答复。", "phone",
    3, 4, 7, 8,
  },
  {
    NOTICE_STORY_RUNNING, 0, "phone", TRUE, NULL, NULL,
    "来电反映该同志获评的“省级技能大师工作室”尚未正式挂牌。",
    "已向县人力社保局发函核实工作室挂牌情况，待复函。",
    NULL,
    NULL, NULL, NULL, NULL,
    2, 2, 0, 0,
  },
};

/* Where a story's second notice, correction and objections fall, in
 * working days after publishing. */
#define CORRECT_AFTER     1
#define REVIEW_AFTER      4    /* the returned nomination's round opens */
#define FOLLOW_UP_AFTER   7    /* after its round closed (REVIEW_AFTER + 2) */

static void
add_step (GArray       *events,
          int           ago,
          DemoCampaign *campaign,
          DemoNoticeStep step,
          guint         k)
{
  DemoEvent event = { MAX (ago, 0), events->len, EV_NOTICE, campaign, NULL, NULL, k, REVIEW_FULL, step };

  g_array_append_val (events, event);
}

void
_xf_demo_plan_notice_events (DemoCampaign *campaign,
                             GArray       *events)
{
  const DemoPlan *plan = campaign->plan;
  int published = plan->round1_close;
  guint k = 0;

  if (plan->notice_story == NOTICE_STORY_NONE || published <= 0)
    return;
  add_step (events, published, campaign, STEP_PUBLISH, 0);
  if (plan->notice_story == NOTICE_STORY_CORRECTED)
    add_step (events, published - CORRECT_AFTER, campaign, STEP_CORRECT, 0);

  for (guint i = 0; i < G_N_ELEMENTS (objections); i++)
    {
      const DemoObjection *objection = &objections[i];

      if (objection->story != plan->notice_story)
        continue;
      add_step (events, published - objection->received, campaign, STEP_RECEIVE, k);
      if (objection->handled > 0)
        add_step (events, published - objection->handled, campaign, STEP_HANDLE, k);
      if (objection->decided > 0)
        add_step (events, published - objection->decided, campaign, STEP_DECIDE, k);
      if (objection->replied > 0)
        add_step (events, published - objection->replied, campaign, STEP_REPLY, k);
      k++;
    }

  /* The returned nomination goes through the committee again, back on a
   * second notice, which the plan's decision day waits for. */
  if (plan->notice_story == NOTICE_STORY_UPHELD)
    {
      DemoEvent close = { 0, events->len, EV_CLOSE_NOTICES, campaign, NULL, NULL, 0, REVIEW_FULL, 0 };

      add_step (events, published - REVIEW_AFTER, campaign, STEP_REVIEW_AGAIN, 0);
      add_step (events, published - REVIEW_AFTER - 2, campaign, STEP_CLOSE_AGAIN, 0);
      add_step (events, published - FOLLOW_UP_AFTER, campaign, STEP_FOLLOW_UP, 0);
      close.ago = MAX (published - FOLLOW_UP_AFTER - XF_NOTICE_DEFAULT_PERIOD_DAYS, 0);
      g_array_append_val (events, close);
    }
}

/*
 * Running the steps
 */

static const DemoObjection *
story_objection (const DemoCampaign *campaign,
                 guint               k)
{
  for (guint i = 0; i < G_N_ELEMENTS (objections); i++)
    if (objections[i].story == campaign->plan->notice_story && k-- == 0)
      return &objections[i];
  g_assert_not_reached ();
  return NULL;
}

static XfNoticeBoard *
board_as (Demo        *demo,
          const char  *login,
          GError     **error)
{
  XfEvaluation *evaluation = _xf_demo_evaluation_as (demo, login, error);

  return evaluation != NULL ? xf_notice_board_new (evaluation) : NULL;
}

/* The draft's contacts for objections, then publishes it. */
static gboolean
publish (XfNoticeBoard  *board,
         DemoCampaign   *campaign,
         gint64          notice_id,
         const char     *phone,
         GError        **error)
{
  g_autoptr(XfNotice) notice = xf_notice_board_get_notice (board, notice_id, error);
  const char *organiser = xf_campaign_get_organisation_name (campaign->campaign);
  const char *honour = xf_campaign_get_title (campaign->campaign);

  if (notice == NULL)
    return FALSE;
  /* The board's title and preamble are in the interface's language; the
   * demo's notices are Chinese like the rest of its data. */
  if (notice->revision == 1)
    {
      g_free (notice->title);
      g_free (notice->preamble);
      if (notice->follows > 0)
        {
          notice->title = g_strdup_printf ("关于%s拟表彰人选的二次公示", honour);
          notice->preamble = g_strdup_printf (
            "%s拟表彰人选公示期间收到的反映，经核查部分属实，评审委员会已对相关人选进行复核。"
            "现将复核后的拟表彰人选予以二次公示，接受社会监督。如有异议，请在公示期内通过以下方式反映。",
            honour);
        }
      else
        {
          notice->title = g_strdup_printf ("关于%s拟表彰人选的公示", honour);
          notice->preamble = g_strdup_printf (
            "经各地各单位推荐、资格审查、部门联审和评审委员会评审，现将%s拟表彰人选予以公示，接受社会监督。"
            "公示期间，如对公示对象有异议，请以书面、电话或网络等形式反映。反映情况应实事求是，"
            "提倡实名反映并提供联系方式，以便核实。",
            honour);
        }
    }
  g_free (notice->contact_phone);
  notice->contact_phone = g_strdup (phone);
  g_free (notice->contact_address);
  notice->contact_address = g_strdup_printf ("湖州市吴兴区仁皇山路666号%s（邮编313000）",
                                             organiser != NULL ? organiser : "");
  g_free (notice->contact_mailbox);
  notice->contact_mailbox = g_strdup ("gongshi@huzhou.example.cn");
  if (!xf_notice_board_save (board, notice, error) ||
      !xf_notice_board_publish (board, notice_id, error))
    return FALSE;
  campaign->notice_id = notice_id;
  return TRUE;
}

static gboolean
publish_first (XfNoticeBoard  *board,
               DemoCampaign   *campaign,
               GError        **error)
{
  XfNominationQuery query = { .campaign_id = campaign->id, .stage = XF_STAGE_NOTICE };
  g_autoptr(GPtrArray) selected = NULL;
  gint64 id;

  /* A small registry may leave the committee nobody to select. */
  selected = xf_evaluation_list_nominations (xf_notice_board_get_evaluation (board), &query, error);
  if (selected == NULL)
    return FALSE;
  if (selected->len == 0)
    return TRUE;
  id = xf_notice_board_create (board, campaign->id, error);
  if (id <= 0)
    return FALSE;
  campaign->first_notice_id = id;
  return publish (board, campaign, id, "0572-2061234", error);
}

/* A correction: the phone number was misprinted. */
static gboolean
correct (XfNoticeBoard  *board,
         DemoCampaign   *campaign,
         GError        **error)
{
  gint64 id = xf_notice_board_correct (board, campaign->notice_id, error);

  return id > 0 && publish (board, campaign, id, "0572-2061235", error);
}

static gboolean
receive (XfNoticeBoard        *board,
         DemoCampaign         *campaign,
         guint                 k,
         GError              **error)
{
  const DemoObjection *story = story_objection (campaign, k);
  g_autoptr(XfNotice) notice = xf_notice_board_get_notice (board, campaign->notice_id, error);
  g_autoptr(XfObjection) objection = xf_objection_new ();
  const XfNoticeCandidate *candidate;

  if (notice == NULL)
    return FALSE;
  /* A short list: this objection is left out of the story. */
  if (story->candidate >= notice->candidates->len)
    return TRUE;
  candidate = g_ptr_array_index (notice->candidates, story->candidate);
  objection->notice_id = notice->id;
  objection->nomination_id = candidate->nomination_id;
  objection->channel = g_strdup (story->channel);
  objection->anonymous = story->anonymous;
  objection->objector_name = g_strdup (story->anonymous ? "" : story->objector);
  objection->objector_contact = g_strdup (story->contact != NULL ? story->contact : "");
  objection->grounds = g_strdup (story->grounds);
  campaign->objections[k] = xf_notice_board_record_objection (board, objection, error);
  return campaign->objections[k] > 0;
}

static gboolean
handle (XfNoticeBoard  *board,
        DemoCampaign   *campaign,
        guint           k,
        GError        **error)
{
  const DemoObjection *story = story_objection (campaign, k);
  gint64 id = campaign->objections[k];
  XfAccount *clerk = xf_evaluation_get_actor (xf_notice_board_get_evaluation (board));
  gint64 handler = xf_account_get_id (clerk);

  /* Without demo accounts the local administrator acts: no one to assign. */
  if (handler > 0 && !xf_notice_board_assign (board, id, handler, error))
    return FALSE;
  if (!xf_notice_board_add_note (board, id, story->note, error))
    return FALSE;
  if (story->file_text != NULL)
    {
      g_autoptr(GBytes) content = g_bytes_new_static (story->file_text, strlen (story->file_text));

      return xf_notice_board_add_file (board, id, "情况核实报告.txt", "text/plain", content, error);
    }
  return TRUE;
}

/* The committee's round for the nomination an upheld objection sent back. */
static gboolean
review_again (Demo             *demo,
              const DemoEvent  *event,
              GError          **error)
{
  const DemoPlan *plan = event->campaign->plan;
  XfEvaluation *chair = _xf_demo_evaluation_as (demo, plan->members[0], error);
  g_autoptr(XfReviewRound) round = NULL;

  if (chair == NULL || (round = xf_evaluation_open_round (chair, event->campaign->id, error)) == NULL)
    return FALSE;
  for (guint m = 0; m < DEMO_MAX_MEMBERS && plan->members[m] != NULL; m++)
    {
      DemoEvent review = *event;

      review.kind = EV_REVIEW;
      review.member = m;
      review.mode = REVIEW_FULL;
      if (!_xf_demo_run_event (demo, &review, error))
        return FALSE;
    }
  return TRUE;
}

/* The second notice, for the candidates the upheld objection changed. */
static gboolean
follow_up (XfNoticeBoard  *board,
           DemoCampaign   *campaign,
           GError        **error)
{
  gint64 id = xf_notice_board_create_follow_up (board, campaign->first_notice_id, error);

  return id > 0 && publish (board, campaign, id, "0572-2061234", error);
}

gboolean
_xf_demo_run_notice_event (Demo             *demo,
                           const DemoEvent  *event,
                           GError          **error)
{
  DemoCampaign *campaign = event->campaign;
  g_autoptr(XfNoticeBoard) board = board_as (demo, "clerk", error);
  const DemoObjection *story;
  guint k = event->member;

  if (board == NULL)
    return FALSE;
  if (event->kind == EV_CLOSE_NOTICES)
    return xf_notice_board_close_due (board, error) >= 0;

  /* What a small registry left out of the story is skipped. */
  if (event->step != STEP_PUBLISH && campaign->first_notice_id == 0)
    return TRUE;
  if ((event->step == STEP_HANDLE || event->step == STEP_DECIDE || event->step == STEP_REPLY) &&
      campaign->objections[k] == 0)
    return TRUE;
  if ((event->step == STEP_REVIEW_AGAIN || event->step == STEP_CLOSE_AGAIN || event->step == STEP_FOLLOW_UP) &&
      campaign->objections[0] == 0)
    return TRUE;

  switch ((DemoNoticeStep) event->step)
    {
    case STEP_PUBLISH:
      return publish_first (board, campaign, error);
    case STEP_CORRECT:
      return correct (board, campaign, error);
    case STEP_RECEIVE:
      return receive (board, campaign, k, error);
    case STEP_HANDLE:
      return handle (board, campaign, k, error);
    case STEP_DECIDE:
      story = story_objection (campaign, k);
      return xf_notice_board_decide (board, campaign->objections[k], story->outcome, story->reason,
                                     story->reply, error);
    case STEP_REPLY:
      story = story_objection (campaign, k);
      return xf_notice_board_record_reply (board, campaign->objections[k], story->reply_channel, NULL, error);
    case STEP_REVIEW_AGAIN:
      return review_again (demo, event, error);
    case STEP_CLOSE_AGAIN:
      {
        DemoEvent close = *event;

        close.kind = EV_CLOSE_ROUND;
        return _xf_demo_run_event (demo, &close, error);
      }
    case STEP_FOLLOW_UP:
      return follow_up (board, campaign, error);
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}
