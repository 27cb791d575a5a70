/* xf-cli-nominations.c — `nominations list | show`
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "xf-cli.h"
#include "xf-cli-evaluation.h"
#include "xf-honour.h"
#include "xf-pioneer.h"

/*
 * nominations list
 */

static void
build_nomination_summary (JsonBuilder  *builder,
                          gconstpointer item,
                          gpointer      user_data)
{
  XfNomination *nomination = (XfNomination *) item;

  xf_cli_json_int (builder, "id", xf_nomination_get_id (nomination));
  xf_cli_json_text (builder, "uid", xf_nomination_get_uid (nomination));
  xf_cli_json_int (builder, "campaign_id", xf_nomination_get_campaign_id (nomination));
  xf_cli_json_text (builder, "campaign", xf_nomination_get_campaign_title (nomination));
  xf_cli_json_int (builder, "pioneer_id", xf_nomination_get_pioneer_id (nomination));
  xf_cli_json_text (builder, "candidate", xf_nomination_get_candidate_name (nomination));
  xf_cli_json_text (builder, "kind", xf_nomination_get_candidate_kind (nomination));
  xf_cli_json_text (builder, "unit", xf_nomination_get_nominating_unit (nomination));
  xf_cli_json_text (builder, "stage", xf_nomination_get_stage (nomination));
  xf_cli_json_text (builder, "stage_since", xf_nomination_get_stage_since (nomination));
  xf_cli_json_text (builder, "due_on", xf_nomination_get_stage_due_on (nomination));
  xf_cli_json_text (builder, "due_state", xf_due_state_to_string (xf_nomination_get_due_state (nomination)));
  xf_cli_json_text (builder, "submitted_on", xf_nomination_get_submitted_on (nomination));
  xf_cli_json_text (builder, "decided_on", xf_nomination_get_decided_on (nomination));
}

static void
print_nomination_row (gconstpointer item)
{
  XfNomination *nomination = (XfNomination *) item;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, xf_nomination_get_id (nomination));
  XfDueState state = xf_nomination_get_due_state (nomination);

  xf_cli_print_row (id, xf_nomination_get_candidate_name (nomination),
                    xf_nomination_get_nominating_unit (nomination),
                    xf_nomination_get_campaign_title (nomination),
                    xf_stage_label (xf_nomination_get_stage (nomination)),
                    xf_cli_or_dash (xf_nomination_get_stage_due_on (nomination)),
                    state == XF_DUE_NONE ? "–" : xf_due_state_label (state), NULL);
}

int
xf_cli_nominations_list (XfEvaluation  *evaluation,
                      const XfCliEvaluationOptions *options)
{
  XfNominationQuery query = { 0 };
  g_autoptr(GPtrArray) nominations = NULL;
  g_autoptr(GError) error = NULL;

  /* A campaign that does not exist is an error, not an empty list. */
  if (options->id != 0)
    {
      g_autoptr(XfCampaign) campaign = xf_evaluation_get_campaign (evaluation, options->id, &error);

      if (campaign == NULL)
        return xf_cli_fail_error (error);
    }
  query.campaign_id = options->id;
  query.stage = options->stage;
  query.attention = options->attention;
  nominations = xf_evaluation_list_nominations (evaluation, &query, &error);
  if (nominations == NULL)
    return xf_cli_fail_error (error);

  return xf_cli_print_list (options->json, "nominations", nominations, build_nomination_summary, print_nomination_row,
                            _("ID"), _("Candidate"), _("Nominating unit"), _("Campaign"), _("Stage"),
                            _("Due"), _("Deadline"), NULL);
}

/*
 * nominations show
 */

static void
build_visit (JsonBuilder  *builder,
             gconstpointer item,
             gpointer      user_data)
{
  const XfStageVisit *visit = item;

  xf_cli_json_text (builder, "stage", visit->stage);
  xf_cli_json_text (builder, "entered_on", visit->entered_on);
  xf_cli_json_text (builder, "left_on", visit->left_on);
  xf_cli_json_text (builder, "due_on", visit->due_on);
  xf_cli_json_int (builder, "budget_days", visit->budget_days);
  xf_cli_json_int (builder, "days_used", visit->days_used);
  xf_cli_json_int (builder, "days_left", visit->days_left);
  xf_cli_json_text (builder, "due_state", xf_due_state_to_string (visit->due_state));
  xf_cli_json_text (builder, "actor", visit->actor_name);
  xf_cli_json_text (builder, "note", visit->note);
}

static void
build_vetting (JsonBuilder  *builder,
               gconstpointer item,
               gpointer      user_data)
{
  const XfVetting *vetting = item;

  xf_cli_json_text (builder, "department", vetting->department_code);
  xf_cli_json_text (builder, "name", vetting->department_name);
  xf_cli_json_text (builder, "status", vetting->status);
  xf_cli_json_text (builder, "started_on", vetting->started_on);
  xf_cli_json_text (builder, "due_on", vetting->due_on);
  xf_cli_json_text (builder, "decided_on", vetting->decided_on);
  xf_cli_json_text (builder, "reason", vetting->reason);
  xf_cli_json_text (builder, "due_state", xf_due_state_to_string (vetting->due_state));
}

static void
build_material (JsonBuilder  *builder,
                gconstpointer item,
                gpointer      user_data)
{
  const XfMaterial *material = item;

  xf_cli_json_text (builder, "file_name", material->file_name);
  xf_cli_json_text (builder, "content_type", material->content_type);
  xf_cli_json_int (builder, "size", material->size);
  xf_cli_json_text (builder, "sha256", material->sha256);
}

static void
print_visit (gconstpointer item)
{
  const XfStageVisit *visit = item;
  g_autofree char *used = g_strdup_printf ("%d", visit->days_used);
  g_autofree char *left = visit->budget_days > 0 && visit->left_on == NULL
                          ? g_strdup_printf ("%d", visit->days_left) : g_strdup ("–");

  xf_cli_print_row (xf_stage_label (visit->stage), visit->entered_on, xf_cli_or_dash (visit->left_on),
                    xf_cli_or_dash (visit->due_on), used, left,
                    visit->due_state == XF_DUE_NONE ? "–" : xf_due_state_label (visit->due_state),
                    xf_cli_or_dash (visit->actor_name), xf_cli_or_dash (visit->note), NULL);
}

static void
print_vetting (gconstpointer item)
{
  const XfVetting *vetting = item;
  const char *status = g_str_equal (vetting->status, "cleared") ? _("cleared")
                       : g_str_equal (vetting->status, "vetoed") ? _("vetoed") : _("pending");

  xf_cli_print_row (vetting->department_name, status, xf_cli_or_dash (vetting->due_on),
                    xf_cli_or_dash (vetting->decided_on), xf_cli_or_dash (vetting->reason), NULL);
}

static void
print_material (gconstpointer item)
{
  const XfMaterial *material = item;
  g_autofree char *size = g_format_size (material->size);

  xf_cli_print_row (material->file_name, size, material->sha256, NULL);
}

int
xf_cli_nominations_show (XfEvaluation  *evaluation,
                      const XfCliEvaluationOptions *options)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GPtrArray) vettings = NULL;
  g_autoptr(GPtrArray) materials = NULL;
  g_autoptr(GError) error = NULL;
  double score;
  int rank;

  nomination = xf_evaluation_get_nomination (evaluation, options->id, &error);
  if (nomination == NULL)
    return xf_cli_fail_error (error);
  timeline = xf_evaluation_get_timeline (evaluation, options->id, &error);
  if (timeline == NULL)
    return xf_cli_fail_error (error);
  vettings = xf_evaluation_list_vettings (evaluation, options->id, &error);
  if (vettings == NULL)
    return xf_cli_fail_error (error);
  materials = xf_evaluation_list_materials (evaluation, options->id, &error);
  if (materials == NULL)
    return xf_cli_fail_error (error);
  score = xf_nomination_get_final_score (nomination);
  rank = xf_nomination_get_rank (nomination);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      build_nomination_summary (builder, nomination, NULL);
      xf_cli_json_text (builder, "unit_contact", xf_nomination_get_unit_contact (nomination));
      xf_cli_json_text (builder, "service_since", xf_nomination_get_service_since (nomination));
      xf_cli_json_bool (builder, "case_withheld", xf_nomination_get_case_withheld (nomination));
      xf_cli_json_text (builder, "case", xf_nomination_get_case_withheld (nomination)
                                 ? NULL : xf_nomination_get_case_text (nomination));
      xf_cli_json_text (builder, "outcome_reason", xf_nomination_get_outcome_reason (nomination));
      xf_cli_json_double (builder, "final_score", score);
      xf_cli_json_positive (builder, "rank", rank);
      xf_cli_json_objects (builder, "timeline", timeline, build_visit, NULL);
      xf_cli_json_objects (builder, "vettings", vettings, build_vetting, NULL);
      xf_cli_json_objects (builder, "materials", materials, build_material, NULL);
      json_builder_end_object (builder);
      xf_cli_print_json (builder);
      return 0;
    }

  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, xf_nomination_get_id (nomination));
    XfDueState state = xf_nomination_get_due_state (nomination);

    xf_cli_print_field (_("ID"), id);
    xf_cli_print_field (_("Candidate"), xf_nomination_get_candidate_name (nomination));
    xf_cli_print_field (_("Kind"), xf_kind_label (xf_nomination_get_candidate_kind (nomination)));
    xf_cli_print_field (_("Employer"), xf_nomination_get_candidate_employer (nomination));
    xf_cli_print_field (_("Campaign"), xf_nomination_get_campaign_title (nomination));
    xf_cli_print_field (_("Nominating unit"), xf_nomination_get_nominating_unit (nomination));
    xf_cli_print_field (_("Contact"), xf_nomination_get_unit_contact (nomination));
    xf_cli_print_field (_("Stage"), xf_stage_label (xf_nomination_get_stage (nomination)));
    xf_cli_print_field (_("Since"), xf_nomination_get_stage_since (nomination));
    xf_cli_print_field (_("Due"), xf_nomination_get_stage_due_on (nomination));
    if (state != XF_DUE_NONE)
      xf_cli_print_field (_("Deadline"), xf_due_state_label (state));
    xf_cli_print_field (_("Submitted"), xf_nomination_get_submitted_on (nomination));
    xf_cli_print_field (_("Decided"), xf_nomination_get_decided_on (nomination));
    xf_cli_print_field (_("Reason"), xf_nomination_get_outcome_reason (nomination));
    if (!isnan (score) && score >= 0)
      {
        g_autofree char *text = g_strdup_printf ("%.2f", score);

        xf_cli_print_field (_("Final score"), text);
      }
    if (rank > 0)
      {
        g_autofree char *text = g_strdup_printf ("%d", rank);

        xf_cli_print_field (_("Rank"), text);
      }
    if (xf_nomination_get_case_withheld (nomination))
      xf_cli_print_field (_("Case"), _("withheld until you declare for this nomination"));
    else
      xf_cli_print_field (_("Case"), xf_nomination_get_case_text (nomination));
  }

  xf_cli_print_heading (_("Timeline:"));
  xf_cli_print_row (_("Stage"), _("Entered"), _("Left"), _("Due"), _("Days used"), _("Days left"), _("Deadline"),
             _("By"), _("Note"), NULL);
  xf_cli_print_items (timeline, print_visit);
  if (vettings->len > 0)
    {
      xf_cli_print_heading (_("Joint vetting:"));
      xf_cli_print_items (vettings, print_vetting);
    }
  if (materials->len > 0)
    {
      xf_cli_print_heading (_("Materials:"));
      xf_cli_print_items (materials, print_material);
    }
  return 0;
}
