/* xf-service.c — the plain records of the services and their labels
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-services"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-reference.h"
#include "xf-service.h"

/* Chinese names for a zh user, English otherwise: XfReference's one choice
 * (its tests' override included), so an item's name and a region's agree. */
static gboolean
prefer_chinese (void)
{
  return xf_reference_prefers_chinese ();
}

/*
 * Catalogue
 */

XfServiceItem *
xf_service_item_new (void)
{
  XfServiceItem *item = g_new0 (XfServiceItem, 1);

  item->group = g_strdup (XF_SERVICE_GROUP_LIFECYCLE);
  item->response_unit = g_strdup (XF_RESPONSE_DAYS);
  item->response_amount = 2;
  item->active = TRUE;
  return item;
}

void
xf_service_item_free (XfServiceItem *item)
{
  if (item == NULL)
    return;
  g_free (item->code);
  g_free (item->group);
  g_free (item->stage);
  g_free (item->name_en);
  g_free (item->name_zh);
  g_free (item->description);
  g_free (item->keywords);
  g_free (item->industries);
  g_free (item->response_unit);
  g_free (item);
}

XfServiceItem *
xf_service_item_copy (const XfServiceItem *item)
{
  XfServiceItem *copy;

  g_return_val_if_fail (item != NULL, NULL);

  copy = g_new0 (XfServiceItem, 1);
  copy->id = item->id;
  copy->code = g_strdup (item->code);
  copy->group = g_strdup (item->group);
  copy->stage = g_strdup (item->stage);
  copy->name_en = g_strdup (item->name_en);
  copy->name_zh = g_strdup (item->name_zh);
  copy->description = g_strdup (item->description);
  copy->keywords = g_strdup (item->keywords);
  copy->industries = g_strdup (item->industries);
  copy->response_unit = g_strdup (item->response_unit);
  copy->response_amount = item->response_amount;
  copy->active = item->active;
  copy->position = item->position;
  copy->version = item->version;
  return copy;
}

const char *
xf_service_item_get_name (const XfServiceItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  if (prefer_chinese () && item->name_zh != NULL && item->name_zh[0] != '\0')
    return item->name_zh;
  if (item->name_en != NULL && item->name_en[0] != '\0')
    return item->name_en;
  if (item->name_zh != NULL && item->name_zh[0] != '\0')
    return item->name_zh;
  return item->code != NULL ? item->code : "";
}

const char *
xf_service_group_label (const char *group)
{
  if (g_strcmp0 (group, XF_SERVICE_GROUP_LIFECYCLE) == 0)
    return C_("service group", "Lifecycle services");
  if (g_strcmp0 (group, XF_SERVICE_GROUP_COMMON_PROSPERITY) == 0)
    return C_("service group", "Common prosperity");
  return group != NULL ? group : "";
}

char *
xf_service_item_format_response (const XfServiceItem *item)
{
  int n;

  g_return_val_if_fail (item != NULL, NULL);

  n = item->response_amount;
  if (g_strcmp0 (item->response_unit, XF_RESPONSE_HOURS) == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Within %d working hour",
                                         "Within %d working hours", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Within %d working day",
                                       "Within %d working days", n), n);
}

/*
 * Offers
 */

XfServiceOffer *
xf_service_offer_new (void)
{
  XfServiceOffer *offer = g_new0 (XfServiceOffer, 1);

  offer->regions = g_strdup ("");
  offer->mode = g_strdup (XF_SERVICE_MODE_ON_SITE);
  offer->capacity_per_month = 4;
  offer->available = TRUE;
  return offer;
}

void
xf_service_offer_free (XfServiceOffer *offer)
{
  if (offer == NULL)
    return;
  g_free (offer->uid);
  g_free (offer->pioneer_uid);
  g_free (offer->pioneer_name);
  g_free (offer->item_code);
  g_free (offer->item_name);
  g_free (offer->description);
  g_free (offer->regions);
  g_free (offer->mode);
  g_free (offer->available_until);
  g_free (offer);
}

XfServiceOffer *
xf_service_offer_copy (const XfServiceOffer *offer)
{
  XfServiceOffer *copy;

  g_return_val_if_fail (offer != NULL, NULL);

  copy = g_new0 (XfServiceOffer, 1);
  copy->id = offer->id;
  copy->uid = g_strdup (offer->uid);
  copy->pioneer_id = offer->pioneer_id;
  copy->pioneer_uid = g_strdup (offer->pioneer_uid);
  copy->pioneer_name = g_strdup (offer->pioneer_name);
  copy->item_code = g_strdup (offer->item_code);
  copy->item_name = g_strdup (offer->item_name);
  copy->description = g_strdup (offer->description);
  copy->regions = g_strdup (offer->regions);
  copy->mode = g_strdup (offer->mode);
  copy->capacity_per_month = offer->capacity_per_month;
  copy->available = offer->available;
  copy->available_until = g_strdup (offer->available_until);
  copy->load_this_month = offer->load_this_month;
  copy->version = offer->version;
  return copy;
}

const char *
xf_service_mode_label (const char *mode)
{
  if (g_strcmp0 (mode, XF_SERVICE_MODE_ON_SITE) == 0)
    return C_("service mode", "On site");
  if (g_strcmp0 (mode, XF_SERVICE_MODE_REMOTE) == 0)
    return C_("service mode", "Remote");
  if (g_strcmp0 (mode, XF_SERVICE_MODE_BOTH) == 0)
    return C_("service mode", "On site or remote");
  return mode != NULL ? mode : "";
}

/*
 * Requests
 */

const char *
xf_request_status_label (const char *status)
{
  if (g_strcmp0 (status, XF_REQUEST_OPEN) == 0)
    return C_("request", "Open");
  if (g_strcmp0 (status, XF_REQUEST_BOOKED) == 0)
    return C_("request", "Booked");
  if (g_strcmp0 (status, XF_REQUEST_CLAIMED) == 0)
    return C_("request", "Claimed");
  if (g_strcmp0 (status, XF_REQUEST_IN_PROGRESS) == 0)
    return C_("request", "In progress");
  if (g_strcmp0 (status, XF_REQUEST_DONE) == 0)
    return C_("request", "Done");
  if (g_strcmp0 (status, XF_REQUEST_CANCELLED) == 0)
    return C_("request", "Cancelled");
  if (g_strcmp0 (status, XF_REQUEST_EXPIRED) == 0)
    return C_("request", "Expired");
  return status != NULL ? status : "";
}

gboolean
xf_request_status_is_unclaimed (const char *status)
{
  return g_strcmp0 (status, XF_REQUEST_OPEN) == 0 ||
         g_strcmp0 (status, XF_REQUEST_BOOKED) == 0;
}

gboolean
xf_request_status_is_final (const char *status)
{
  return g_strcmp0 (status, XF_REQUEST_DONE) == 0 ||
         g_strcmp0 (status, XF_REQUEST_CANCELLED) == 0 ||
         g_strcmp0 (status, XF_REQUEST_EXPIRED) == 0;
}

void
xf_service_event_free (XfServiceEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->kind);
  g_free (event->actor);
  g_free (event->pioneer_name);
  g_free (event->detail);
  g_free (event);
}

/* A sentence for one timeline line; @who is the pioneer's name (or "").
 * Kinds with a detail (reasons, notes) add it after a colon. */
char *
xf_service_event_describe (const XfServiceEvent *event)
{
  const char *kind, *who, *detail;
  gboolean has_detail;

  g_return_val_if_fail (event != NULL, NULL);

  kind = event->kind != NULL ? event->kind : "";
  who = event->pioneer_name != NULL ? event->pioneer_name : "";
  detail = event->detail != NULL ? event->detail : "";
  has_detail = detail[0] != '\0';

  if (g_str_equal (kind, "created"))
    return g_strdup (_("Request created"));
  if (g_str_equal (kind, "booked"))
    /* Translators: %s is a pioneer's name */
    return g_strdup_printf (_("Booked with %s"), who);
  if (g_str_equal (kind, "claimed"))
    /* Translators: %s is a pioneer's name */
    return g_strdup_printf (_("Claimed by %s"), who);
  if (g_str_equal (kind, "claim-lost"))
    return has_detail
      /* Translators: the first %s is a pioneer's name, the second the reason */
      ? g_strdup_printf (_("Claim by %s refused: %s"), who, detail)
      /* Translators: %s is a pioneer's name */
      : g_strdup_printf (_("Claim by %s refused"), who);
  if (g_str_equal (kind, "accepted"))
    /* Translators: %s is a pioneer's name */
    return g_strdup_printf (_("Booking accepted by %s"), who);
  if (g_str_equal (kind, "declined"))
    return has_detail
      /* Translators: the first %s is a pioneer's name, the second the reason */
      ? g_strdup_printf (_("Booking declined by %s: %s"), who, detail)
      /* Translators: %s is a pioneer's name */
      : g_strdup_printf (_("Booking declined by %s"), who);
  if (g_str_equal (kind, "assigned"))
    /* Translators: %s is a pioneer's name */
    return g_strdup_printf (_("Assigned to %s"), who);
  if (g_str_equal (kind, "started"))
    return g_strdup (_("Work started"));
  if (g_str_equal (kind, "done"))
    return has_detail
      /* Translators: %s is the pioneer's note */
      ? g_strdup_printf (_("Done: %s"), detail)
      : g_strdup (_("Done"));
  if (g_str_equal (kind, "cancelled"))
    return has_detail
      /* Translators: %s is the reason */
      ? g_strdup_printf (_("Cancelled: %s"), detail)
      : g_strdup (_("Cancelled"));
  if (g_str_equal (kind, "expired"))
    return g_strdup (_("Expired: nobody took it before it was needed"));
  if (g_str_equal (kind, "rated"))
    return has_detail
      /* Translators: %s is the rating, e.g. "5" */
      ? g_strdup_printf (_("Rated %s of 5"), detail)
      : g_strdup (_("Rated"));
  if (g_str_equal (kind, "complaint"))
    return has_detail
      /* Translators: %s is the complaint */
      ? g_strdup_printf (_("Complaint: %s"), detail)
      : g_strdup (_("Complaint"));
  if (g_str_equal (kind, "follow-up-closed"))
    return has_detail
      /* Translators: %s is the dispatcher's note */
      ? g_strdup_printf (_("Follow-up closed: %s"), detail)
      : g_strdup (_("Follow-up closed"));
  return has_detail ? g_strdup_printf ("%s: %s", kind, detail) : g_strdup (kind);
}

/*
 * Feedback
 */

XfServiceFeedback *
xf_service_feedback_new (void)
{
  return g_new0 (XfServiceFeedback, 1);
}

void
xf_service_feedback_free (XfServiceFeedback *feedback)
{
  if (feedback == NULL)
    return;
  g_free (feedback->comment);
  g_free (feedback->complaint);
  g_free (feedback->follow_up_status);
  g_free (feedback->follow_up_note);
  g_free (feedback->created_by);
  g_free (feedback);
}

XfServiceFeedback *
xf_service_feedback_copy (const XfServiceFeedback *feedback)
{
  XfServiceFeedback *copy;

  g_return_val_if_fail (feedback != NULL, NULL);

  copy = g_new0 (XfServiceFeedback, 1);
  copy->rating = feedback->rating;
  copy->liked = feedback->liked;
  copy->comment = g_strdup (feedback->comment);
  copy->complaint = g_strdup (feedback->complaint);
  copy->follow_up_status = g_strdup (feedback->follow_up_status);
  copy->follow_up_note = g_strdup (feedback->follow_up_note);
  copy->created_at = feedback->created_at;
  copy->created_by = g_strdup (feedback->created_by);
  return copy;
}

/*
 * Requests
 */

XfServiceRequest *
xf_service_request_new (void)
{
  XfServiceRequest *request = g_new0 (XfServiceRequest, 1);

  request->channel = g_strdup (XF_REQUEST_CHANNEL_DESK);
  request->status = g_strdup (XF_REQUEST_OPEN);
  request->events = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_service_event_free);
  return request;
}

void
xf_service_request_free (XfServiceRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->uid);
  g_free (request->code);
  g_free (request->source_id);
  g_free (request->channel);
  g_free (request->requester_name);
  g_free (request->requester_contact);
  g_free (request->item_code);
  g_free (request->item_name);
  g_free (request->region_code);
  g_free (request->region_name);
  g_free (request->place);
  g_free (request->needed_by);
  g_free (request->preferred_time);
  g_free (request->description);
  g_free (request->booked_pioneer_name);
  g_free (request->status);
  g_free (request->claimed_by_name);
  g_free (request->claimed_by_uid);
  g_free (request->booked_pioneer_uid);
  g_free (request->claim_kind);
  g_free (request->done_note);
  g_free (request->cancel_reason);
  g_free (request->created_by);
  g_clear_pointer (&request->events, g_ptr_array_unref);
  xf_service_feedback_free (request->feedback);
  g_free (request);
}

static XfServiceEvent *
event_copy (const XfServiceEvent *event)
{
  XfServiceEvent *copy = g_new0 (XfServiceEvent, 1);

  copy->id = event->id;
  copy->at = event->at;
  copy->kind = g_strdup (event->kind);
  copy->actor = g_strdup (event->actor);
  copy->pioneer_id = event->pioneer_id;
  copy->pioneer_name = g_strdup (event->pioneer_name);
  copy->detail = g_strdup (event->detail);
  return copy;
}

XfServiceRequest *
xf_service_request_copy (const XfServiceRequest *request)
{
  XfServiceRequest *copy;

  g_return_val_if_fail (request != NULL, NULL);

  copy = g_new0 (XfServiceRequest, 1);
  copy->id = request->id;
  copy->uid = g_strdup (request->uid);
  copy->code = g_strdup (request->code);
  copy->source_id = g_strdup (request->source_id);
  copy->channel = g_strdup (request->channel);
  copy->requester_name = g_strdup (request->requester_name);
  copy->requester_contact = g_strdup (request->requester_contact);
  copy->contact_masked = request->contact_masked;
  copy->item_code = g_strdup (request->item_code);
  copy->item_name = g_strdup (request->item_name);
  copy->region_code = g_strdup (request->region_code);
  copy->region_name = g_strdup (request->region_name);
  copy->place = g_strdup (request->place);
  copy->needed_by = g_strdup (request->needed_by);
  copy->preferred_time = g_strdup (request->preferred_time);
  copy->description = g_strdup (request->description);
  copy->booked_pioneer_id = request->booked_pioneer_id;
  copy->booked_pioneer_name = g_strdup (request->booked_pioneer_name);
  copy->status = g_strdup (request->status);
  copy->claimed_by = request->claimed_by;
  copy->claimed_by_name = g_strdup (request->claimed_by_name);
  copy->claimed_by_uid = g_strdup (request->claimed_by_uid);
  copy->booked_pioneer_uid = g_strdup (request->booked_pioneer_uid);
  copy->claimed_at = request->claimed_at;
  copy->claim_kind = g_strdup (request->claim_kind);
  copy->response_due_at = request->response_due_at;
  copy->overdue = request->overdue;
  copy->due_soon = request->due_soon;
  copy->started_at = request->started_at;
  copy->done_at = request->done_at;
  copy->done_note = g_strdup (request->done_note);
  copy->cancel_reason = g_strdup (request->cancel_reason);
  copy->created_by = g_strdup (request->created_by);
  copy->created_at = request->created_at;
  copy->updated_at = request->updated_at;
  copy->version = request->version;
  copy->events = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_service_event_free);
  if (request->events != NULL)
    for (guint i = 0; i < request->events->len; i++)
      g_ptr_array_add (copy->events, event_copy (g_ptr_array_index (request->events, i)));
  if (request->feedback != NULL)
    copy->feedback = xf_service_feedback_copy (request->feedback);
  return copy;
}

/*
 * Dispatch suggestions (the score itself is in xf-services-match.c)
 */

void
xf_service_match_free (XfServiceMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->pioneer_uid);
  g_free (match->pioneer_name);
  g_free (match->tier);
  g_free (match);
}

/*
 * Apprenticeships
 */

const char *
xf_apprenticeship_status_label (const char *status)
{
  if (g_strcmp0 (status, XF_APPRENTICESHIP_REQUESTED) == 0)
    return C_("apprenticeship", "Requested");
  if (g_strcmp0 (status, XF_APPRENTICESHIP_ACCEPTED) == 0)
    return C_("apprenticeship", "Accepted");
  if (g_strcmp0 (status, XF_APPRENTICESHIP_DECLINED) == 0)
    return C_("apprenticeship", "Declined");
  if (g_strcmp0 (status, XF_APPRENTICESHIP_COMPLETED) == 0)
    return C_("apprenticeship", "Completed");
  if (g_strcmp0 (status, XF_APPRENTICESHIP_CANCELLED) == 0)
    return C_("apprenticeship", "Cancelled");
  return status != NULL ? status : "";
}

void
xf_check_in_free (XfCheckIn *check_in)
{
  if (check_in == NULL)
    return;
  g_free (check_in->on_date);
  g_free (check_in->note);
  g_free (check_in->recorded_by);
  g_free (check_in);
}

static XfCheckIn *
check_in_copy (const XfCheckIn *check_in)
{
  XfCheckIn *copy = g_new0 (XfCheckIn, 1);

  copy->id = check_in->id;
  copy->on_date = g_strdup (check_in->on_date);
  copy->note = g_strdup (check_in->note);
  copy->recorded_by = g_strdup (check_in->recorded_by);
  return copy;
}

XfApprenticeship *
xf_apprenticeship_new (void)
{
  XfApprenticeship *apprenticeship = g_new0 (XfApprenticeship, 1);

  apprenticeship->status = g_strdup (XF_APPRENTICESHIP_REQUESTED);
  apprenticeship->check_ins = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_check_in_free);
  return apprenticeship;
}

void
xf_apprenticeship_free (XfApprenticeship *apprenticeship)
{
  if (apprenticeship == NULL)
    return;
  g_free (apprenticeship->uid);
  g_free (apprenticeship->pioneer_name);
  g_free (apprenticeship->apprentice_name);
  g_free (apprenticeship->apprentice_contact);
  g_free (apprenticeship->apprentice_employer);
  g_free (apprenticeship->goal);
  g_free (apprenticeship->status);
  g_free (apprenticeship->plan);
  g_free (apprenticeship->decline_reason);
  g_free (apprenticeship->requested_on);
  g_free (apprenticeship->decided_on);
  g_free (apprenticeship->ends_on);
  g_free (apprenticeship->completed_on);
  g_free (apprenticeship->completion_note);
  g_clear_pointer (&apprenticeship->check_ins, g_ptr_array_unref);
  g_free (apprenticeship);
}

XfApprenticeship *
xf_apprenticeship_copy (const XfApprenticeship *apprenticeship)
{
  XfApprenticeship *copy;

  g_return_val_if_fail (apprenticeship != NULL, NULL);

  copy = g_new0 (XfApprenticeship, 1);
  copy->id = apprenticeship->id;
  copy->uid = g_strdup (apprenticeship->uid);
  copy->pioneer_id = apprenticeship->pioneer_id;
  copy->pioneer_name = g_strdup (apprenticeship->pioneer_name);
  copy->apprentice_name = g_strdup (apprenticeship->apprentice_name);
  copy->apprentice_contact = g_strdup (apprenticeship->apprentice_contact);
  copy->contact_masked = apprenticeship->contact_masked;
  copy->apprentice_employer = g_strdup (apprenticeship->apprentice_employer);
  copy->apprentice_pioneer_id = apprenticeship->apprentice_pioneer_id;
  copy->goal = g_strdup (apprenticeship->goal);
  copy->status = g_strdup (apprenticeship->status);
  copy->plan = g_strdup (apprenticeship->plan);
  copy->decline_reason = g_strdup (apprenticeship->decline_reason);
  copy->requested_on = g_strdup (apprenticeship->requested_on);
  copy->decided_on = g_strdup (apprenticeship->decided_on);
  copy->ends_on = g_strdup (apprenticeship->ends_on);
  copy->completed_on = g_strdup (apprenticeship->completed_on);
  copy->completion_note = g_strdup (apprenticeship->completion_note);
  copy->version = apprenticeship->version;
  copy->check_ins = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_check_in_free);
  if (apprenticeship->check_ins != NULL)
    for (guint i = 0; i < apprenticeship->check_ins->len; i++)
      g_ptr_array_add (copy->check_ins,
                       check_in_copy (g_ptr_array_index (apprenticeship->check_ins, i)));
  return copy;
}

/*
 * Activities
 */

const char *
xf_activity_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, XF_ACTIVITY_LECTURE) == 0)
    return C_("activity", "Policy lecture");
  if (g_strcmp0 (kind, XF_ACTIVITY_SKILL) == 0)
    return C_("activity", "Skill activity");
  return kind != NULL ? kind : "";
}

const char *
xf_activity_status_label (const char *status)
{
  if (g_strcmp0 (status, XF_ACTIVITY_PLANNED) == 0)
    return C_("activity", "Planned");
  if (g_strcmp0 (status, XF_ACTIVITY_HELD) == 0)
    return C_("activity", "Held");
  if (g_strcmp0 (status, XF_ACTIVITY_CANCELLED) == 0)
    return C_("activity", "Cancelled");
  return status != NULL ? status : "";
}

void
xf_participant_free (XfParticipant *participant)
{
  if (participant == NULL)
    return;
  g_free (participant->name);
  g_free (participant->contact);
  g_free (participant);
}

static XfParticipant *
participant_copy (const XfParticipant *participant)
{
  XfParticipant *copy = g_new0 (XfParticipant, 1);

  copy->id = participant->id;
  copy->name = g_strdup (participant->name);
  copy->contact = g_strdup (participant->contact);
  copy->pioneer_id = participant->pioneer_id;
  copy->attended = participant->attended;
  return copy;
}

XfActivity *
xf_activity_new (void)
{
  XfActivity *activity = g_new0 (XfActivity, 1);

  activity->kind = g_strdup (XF_ACTIVITY_LECTURE);
  activity->status = g_strdup (XF_ACTIVITY_PLANNED);
  activity->start_time = g_strdup ("");
  activity->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_participant_free);
  return activity;
}

void
xf_activity_free (XfActivity *activity)
{
  if (activity == NULL)
    return;
  g_free (activity->uid);
  g_free (activity->pioneer_name);
  g_free (activity->kind);
  g_free (activity->title);
  g_free (activity->item_code);
  g_free (activity->held_on);
  g_free (activity->start_time);
  g_free (activity->place);
  g_free (activity->region_code);
  g_free (activity->description);
  g_free (activity->status);
  g_free (activity->cancel_reason);
  g_clear_pointer (&activity->participants, g_ptr_array_unref);
  g_free (activity);
}

XfActivity *
xf_activity_copy (const XfActivity *activity)
{
  XfActivity *copy;

  g_return_val_if_fail (activity != NULL, NULL);

  copy = g_new0 (XfActivity, 1);
  copy->id = activity->id;
  copy->uid = g_strdup (activity->uid);
  copy->pioneer_id = activity->pioneer_id;
  copy->pioneer_name = g_strdup (activity->pioneer_name);
  copy->kind = g_strdup (activity->kind);
  copy->title = g_strdup (activity->title);
  copy->item_code = g_strdup (activity->item_code);
  copy->held_on = g_strdup (activity->held_on);
  copy->start_time = g_strdup (activity->start_time);
  copy->place = g_strdup (activity->place);
  copy->region_code = g_strdup (activity->region_code);
  copy->capacity = activity->capacity;
  copy->description = g_strdup (activity->description);
  copy->status = g_strdup (activity->status);
  copy->cancel_reason = g_strdup (activity->cancel_reason);
  copy->n_participants = activity->n_participants;
  copy->n_attended = activity->n_attended;
  copy->version = activity->version;
  copy->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_participant_free);
  if (activity->participants != NULL)
    for (guint i = 0; i < activity->participants->len; i++)
      g_ptr_array_add (copy->participants,
                       participant_copy (g_ptr_array_index (activity->participants, i)));
  return copy;
}

/*
 * Engagement events
 */

void
xf_engagement_event_free (XfEngagementEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->kind);
  g_free (event->occurred_on);
  g_free (event->source);
  g_free (event->source_id);
  g_free (event->visitor);
  g_free (event->record_uid);
  g_free (event);
}

const char *
xf_engagement_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, XF_ENGAGEMENT_CARD_VIEWED) == 0)
    return C_("engagement", "Name card viewed");
  if (g_strcmp0 (kind, XF_ENGAGEMENT_CARD_LIKED) == 0)
    return C_("engagement", "Name card liked");
  if (g_strcmp0 (kind, XF_ENGAGEMENT_CARD_SHARED) == 0)
    return C_("engagement", "Name card shared");
  if (g_strcmp0 (kind, XF_ENGAGEMENT_RECOMMENDED) == 0)
    return C_("engagement", "Recommended");
  if (g_strcmp0 (kind, XF_ENGAGEMENT_SERVICE_CLAIMED) == 0)
    return C_("engagement", "Took a service request");
  if (g_strcmp0 (kind, XF_ENGAGEMENT_SERVICE_DONE) == 0)
    return C_("engagement", "Completed a service");
  if (g_strcmp0 (kind, XF_ENGAGEMENT_SERVICE_RATED) == 0)
    return C_("engagement", "Service rated");
  if (g_strcmp0 (kind, XF_ENGAGEMENT_SERVICE_LIKED) == 0)
    return C_("engagement", "Service liked");
  if (g_strcmp0 (kind, XF_ENGAGEMENT_APPRENTICE_ACCEPTED) == 0)
    return C_("engagement", "Took an apprentice");
  if (g_strcmp0 (kind, XF_ENGAGEMENT_APPRENTICE_CHECK_IN) == 0)
    return C_("engagement", "Mentoring check-in");
  if (g_strcmp0 (kind, XF_ENGAGEMENT_APPRENTICE_COMPLETED) == 0)
    return C_("engagement", "Mentoring completed");
  if (g_strcmp0 (kind, XF_ENGAGEMENT_LECTURE_INITIATED) == 0)
    return C_("engagement", "Gave a policy lecture");
  if (g_strcmp0 (kind, XF_ENGAGEMENT_LECTURE_JOINED) == 0)
    return C_("engagement", "Attended a policy lecture");
  if (g_strcmp0 (kind, XF_ENGAGEMENT_SKILL_INITIATED) == 0)
    return C_("engagement", "Led a skill activity");
  if (g_strcmp0 (kind, XF_ENGAGEMENT_SKILL_JOINED) == 0)
    return C_("engagement", "Joined a skill activity");
  return kind != NULL ? kind : "";
}
