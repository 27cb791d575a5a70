/* xf-notice.c — the plain records of the notice board and their labels
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-notice"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-calendar.h"
#include "xf-nomination-private.h"
#include "xf-notice.h"

/*
 * Candidates
 */

void
xf_notice_candidate_free (XfNoticeCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_free (candidate->name);
  g_free (candidate->gender);
  g_free (candidate->unit);
  g_free (candidate->honour);
  g_free (candidate->summary);
  g_free (candidate->result);
  g_free (candidate->stage);
  g_free (candidate);
}

XfNoticeCandidate *
xf_notice_candidate_copy (const XfNoticeCandidate *candidate)
{
  XfNoticeCandidate *copy;

  g_return_val_if_fail (candidate != NULL, NULL);

  copy = g_new0 (XfNoticeCandidate, 1);
  copy->nomination_id = candidate->nomination_id;
  copy->position = candidate->position;
  copy->name = g_strdup (candidate->name);
  copy->gender = g_strdup (candidate->gender);
  copy->unit = g_strdup (candidate->unit);
  copy->honour = g_strdup (candidate->honour);
  copy->summary = g_strdup (candidate->summary);
  copy->result = g_strdup (candidate->result);
  copy->stage = g_strdup (candidate->stage);
  copy->open_objections = candidate->open_objections;
  return copy;
}

/*
 * Notices
 */

XfNotice *
xf_notice_new (void)
{
  XfNotice *notice = g_new0 (XfNotice, 1);

  notice->status = g_strdup (XF_NOTICE_DRAFT);
  notice->revision = 1;
  notice->period_days = XF_NOTICE_DEFAULT_PERIOD_DAYS;
  notice->days_left = -1;
  notice->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_notice_candidate_free);
  return notice;
}

void
xf_notice_free (XfNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->uid);
  g_free (notice->campaign_title);
  g_free (notice->campaign_level);
  g_free (notice->organisation_name);
  g_free (notice->title);
  g_free (notice->preamble);
  g_free (notice->status);
  g_free (notice->starts_on);
  g_free (notice->ends_on);
  g_free (notice->contact_phone);
  g_free (notice->contact_address);
  g_free (notice->contact_mailbox);
  g_free (notice->published_on);
  g_free (notice->published_by);
  g_free (notice->closed_on);
  g_free (notice->closed_by);
  g_free (notice->withdrawn_reason);
  g_clear_pointer (&notice->candidates, g_ptr_array_unref);
  g_free (notice);
}

XfNotice *
xf_notice_copy (const XfNotice *notice)
{
  XfNotice *copy;

  g_return_val_if_fail (notice != NULL, NULL);

  copy = g_new0 (XfNotice, 1);
  /* Numbers first, then every string and the candidates anew. */
  *copy = *notice;
  copy->uid = g_strdup (notice->uid);
  copy->campaign_title = g_strdup (notice->campaign_title);
  copy->campaign_level = g_strdup (notice->campaign_level);
  copy->organisation_name = g_strdup (notice->organisation_name);
  copy->title = g_strdup (notice->title);
  copy->preamble = g_strdup (notice->preamble);
  copy->status = g_strdup (notice->status);
  copy->starts_on = g_strdup (notice->starts_on);
  copy->ends_on = g_strdup (notice->ends_on);
  copy->contact_phone = g_strdup (notice->contact_phone);
  copy->contact_address = g_strdup (notice->contact_address);
  copy->contact_mailbox = g_strdup (notice->contact_mailbox);
  copy->published_on = g_strdup (notice->published_on);
  copy->published_by = g_strdup (notice->published_by);
  copy->closed_on = g_strdup (notice->closed_on);
  copy->closed_by = g_strdup (notice->closed_by);
  copy->withdrawn_reason = g_strdup (notice->withdrawn_reason);
  copy->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_notice_candidate_free);
  for (guint i = 0; notice->candidates != NULL && i < notice->candidates->len; i++)
    g_ptr_array_add (copy->candidates,
                     xf_notice_candidate_copy (g_ptr_array_index (notice->candidates, i)));
  return copy;
}

const char *
xf_notice_status_label (const char *status)
{
  if (g_strcmp0 (status, XF_NOTICE_DRAFT) == 0)
    return C_("notice", "Draft");
  if (g_strcmp0 (status, XF_NOTICE_PUBLISHED) == 0)
    return C_("notice", "Published");
  if (g_strcmp0 (status, XF_NOTICE_CLOSED) == 0)
    return C_("notice", "Closed");
  if (g_strcmp0 (status, XF_NOTICE_WITHDRAWN) == 0)
    return C_("notice", "Withdrawn");
  return status != NULL ? status : "";
}

char *
xf_notice_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) time = NULL;
  GDate date;

  g_date_clear (&date, 1);
  if (iso_date == NULL || !xf_date_parse (iso_date, &date))
    return g_strdup (iso_date != NULL ? iso_date : "");
  time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0);
  /* Translators: a date on a printed notice, a g_date_time_format() pattern:
   * "7 May 2026"; in Chinese "%Y年%-m月%-d日". */
  return g_date_time_format (time, C_("notice date", "%-d %B %Y"));
}

char *
xf_notice_format_period (const XfNotice *notice)
{
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;

  g_return_val_if_fail (notice != NULL, NULL);

  if (notice->starts_on == NULL || notice->ends_on == NULL)
    return NULL;
  starts = xf_notice_format_date (notice->starts_on);
  ends = xf_notice_format_date (notice->ends_on);
  /* Translators: a notice's period: first day, last day, working days. In
   * Chinese "%s至%s（%d个工作日）". */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "From %s to %s (%d working day)",
                                       "From %s to %s (%d working days)",
                                       (gulong) MAX (notice->period_days, 0)),
                          starts, ends, notice->period_days);
}

/*
 * Objections
 */

gboolean
xf_objection_channel_is_valid (const char *channel)
{
  const char * const *channels = xf_objection_channels ();

  for (guint i = 0; channel != NULL && channels[i] != NULL; i++)
    if (g_str_equal (channels[i], channel))
      return TRUE;
  return FALSE;
}

const char * const *
xf_objection_channels (void)
{
  static const char * const channels[] = {
    "phone", "letter", "in-person", "online", XF_OBJECTION_CHANNEL_PORTAL, NULL
  };

  return channels;
}

const char * const *
xf_objection_desk_channels (void)
{
  static const char * const channels[] = { "phone", "letter", "in-person", "online", NULL };

  return channels;
}

const char *
xf_objection_channel_label (const char *channel)
{
  if (g_strcmp0 (channel, "phone") == 0)
    return C_("objection channel", "Phone");
  if (g_strcmp0 (channel, "letter") == 0)
    return C_("objection channel", "Letter");
  if (g_strcmp0 (channel, "in-person") == 0)
    return C_("objection channel", "In person");
  if (g_strcmp0 (channel, "online") == 0)
    return C_("objection channel", "Online");
  if (g_strcmp0 (channel, XF_OBJECTION_CHANNEL_PORTAL) == 0)
    return C_("objection channel", "Web portal");
  return channel != NULL ? channel : "";
}

const char *
xf_objection_outcome_label (const char *outcome)
{
  if (outcome == NULL)
    return C_("objection", "Open");
  if (g_str_equal (outcome, XF_OBJECTION_UPHELD_RETURN))
    return _("Upheld: returned to the committee");
  if (g_str_equal (outcome, XF_OBJECTION_UPHELD_END))
    return _("Upheld: nomination ended");
  if (g_str_equal (outcome, XF_OBJECTION_DISMISSED))
    return C_("objection", "Dismissed");
  return outcome;
}

void
xf_objection_note_free (XfObjectionNote *note)
{
  if (note == NULL)
    return;
  g_free (note->written_on);
  g_free (note->written_by);
  g_free (note->body);
  g_free (note);
}

void
xf_objection_file_free (XfObjectionFile *file)
{
  if (file == NULL)
    return;
  g_free (file->uid);
  g_free (file->file_name);
  g_free (file->content_type);
  g_free (file->sha256);
  g_free (file->added_by);
  g_free (file);
}

XfObjection *
xf_objection_new (void)
{
  XfObjection *objection = g_new0 (XfObjection, 1);

  objection->status = g_strdup (XF_OBJECTION_OPEN);
  objection->handling_days = XF_OBJECTION_DEFAULT_HANDLING_DAYS;
  objection->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_objection_note_free);
  objection->files = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_objection_file_free);
  return objection;
}

void
xf_objection_free (XfObjection *objection)
{
  if (objection == NULL)
    return;
  g_free (objection->uid);
  g_free (objection->notice_title);
  g_free (objection->candidate_name);
  g_free (objection->received_on);
  g_free (objection->channel);
  g_free (objection->objector_name);
  g_free (objection->objector_contact);
  g_free (objection->grounds);
  g_free (objection->handler_name);
  g_free (objection->due_on);
  g_free (objection->due_state);
  g_free (objection->status);
  g_free (objection->outcome);
  g_free (objection->outcome_reason);
  g_free (objection->decided_on);
  g_free (objection->decided_by);
  g_free (objection->reply);
  g_free (objection->reply_channel);
  g_free (objection->reply_sent_on);
  g_free (objection->reply_sent_by);
  g_clear_pointer (&objection->notes, g_ptr_array_unref);
  g_clear_pointer (&objection->files, g_ptr_array_unref);
  g_free (objection);
}

const char *
xf_notice_objection_invitation (void)
{
  return _("Anyone may raise an objection to a candidate during the period, by phone, "
           "by letter, in person or online, with the contacts below. Please state the "
           "facts; named objections help the investigation.");
}

gboolean
xf_notice_has_contact (const XfNotice *notice)
{
  return _xf_evaluation_has_text (notice->contact_phone)
         || _xf_evaluation_has_text (notice->contact_address)
         || _xf_evaluation_has_text (notice->contact_mailbox);
}
