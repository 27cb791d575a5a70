/* xf-cli-notices.c — `notices list | show | export | close-due`
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xf-cli.h"
#include "xf-cli-evaluation.h"
#include "xf-error.h"
#include "xf-notice-board.h"
#include "xf-notice-document.h"
#include "xf-notice-export.h"
#include "xf-public-link.h"

/*
 * The notice board (公示) through the same XfNoticeBoard the app uses, as
 * the signed-in account. Like `campaigns` and `nominations`: plain output
 * is tab-separated under a translated heading; --json gives the same facts
 * with stable English keys and codes (status, result, outcome, channel).
 * An objector's contact comes masked unless the account may see it.
 */

static const char notices_usage[] =
  N_("usage: notices list [--campaign ID] [--status STATUS] [--json] | show ID [--json] | "
     "export ID [--pdf FILE] [--html FILE] [--json FILE] [--portal-url URL] | close-due");

typedef struct
{
  const char *subcommand;
  gint64      id;          /* show, export; list --campaign */
  const char *status;      /* list --status */
  gboolean    json;
  const char *pdf;         /* export */
  const char *html;
  const char *json_file;
  const char *portal_url;  /* export: the public portal's address */
} NoticesOptions;

static gboolean
is_status_filter (const char *status)
{
  static const char * const statuses[] = {
    XF_NOTICE_DRAFT, XF_NOTICE_PUBLISHED, XF_NOTICE_CLOSED, XF_NOTICE_WITHDRAWN, "current", "past", NULL,
  };

  return g_strv_contains (statuses, status);
}

/* A file name after an export option; FALSE (printed) when missing. */
static gboolean
take_file (const char  *option,
           const char  *value,
           const char **out)
{
  if (value == NULL || value[0] == '\0' || g_str_has_prefix (value, "--"))
    {
      xf_cli_fail (_("%s needs a file name"), option);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

/* Reads argv[2…] into @options; returns 0, or the exit status after
 * printing why not. */
static int
parse_options (int             argc,
               char          **argv,
               NoticesOptions *options)
{
  static const char * const subcommands[] = { "list", "show", "export", "close-due", NULL };
  const char *usage = _(notices_usage);
  gboolean list, show, export;

  memset (options, 0, sizeof *options);
  options->subcommand = xf_cli_subcommand (argc, argv, usage, subcommands);
  if (options->subcommand == NULL)
    return 2;
  list = g_str_equal (argv[1], "list");
  show = g_str_equal (argv[1], "show");
  export = g_str_equal (argv[1], "export");

  for (int i = 2; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;

      if ((list || show) && g_str_equal (arg, "--json"))
        options->json = TRUE;
      else if (list && g_str_equal (arg, "--campaign"))
        {
          if (!xf_cli_parse_number (value, 1, &options->id))
            return xf_cli_usage_error (_("--campaign needs the number of a campaign"));
          i++;
        }
      else if (list && g_str_equal (arg, "--status"))
        {
          if (value == NULL || !is_status_filter (value))
            {
              /* TRANSLATORS: the codes are typed as they are: do not translate them. */
              return xf_cli_usage_error (_("--status needs a status: draft, published, closed, withdrawn, current or past"));
            }
          options->status = value;
          i++;
        }
      else if (export && (g_str_equal (arg, "--pdf") || g_str_equal (arg, "--html") || g_str_equal (arg, "--json")))
        {
          const char **target = g_str_equal (arg, "--pdf") ? &options->pdf
                                : g_str_equal (arg, "--html") ? &options->html : &options->json_file;

          if (!take_file (arg, value, target))
            return 2;
          i++;
        }
      else if (export && g_str_equal (arg, "--portal-url"))
        {
          g_autoptr(GError) error = NULL;

          if (value == NULL || g_str_has_prefix (value, "--"))
            return xf_cli_usage_error (_("--portal-url needs the public portal's address"));
          if (!xf_public_link_check_base (value, &error))
            return xf_cli_usage_error ("%s", error->message);
          options->portal_url = value;
          i++;
        }
      else if ((show || export) && options->id == 0 && !g_str_has_prefix (arg, "--"))
        {
          if (!xf_cli_parse_number (arg, 1, &options->id))
            return xf_cli_usage_error (_("“%s” is not a number; %s"), arg, usage);
        }
      else
        return xf_cli_usage_error (_("Unknown argument “%s”; %s"), arg, usage);
    }

  if ((show || export) && options->id == 0)
    return xf_cli_usage_error (_("notices %s needs the number of a notice"), options->subcommand);
  if (export && options->pdf == NULL && options->html == NULL && options->json_file == NULL)
    return xf_cli_usage_error (_("notices export needs --pdf FILE, --html FILE or --json FILE"));
  return 0;
}

static const char *
or_empty (const char *value)
{
  return value != NULL ? value : "";
}

/*
 * notices list
 */

static void
build_notice_summary (JsonBuilder  *builder,
                      gconstpointer item,
                      gpointer      user_data)
{
  const XfNotice *notice = item;

  xf_cli_json_int (builder, "id", notice->id);
  xf_cli_json_text (builder, "uid", notice->uid);
  xf_cli_json_int (builder, "campaign_id", notice->campaign_id);
  xf_cli_json_text (builder, "campaign", notice->campaign_title);
  xf_cli_json_text (builder, "publisher", notice->organisation_name);
  xf_cli_json_text (builder, "title", notice->title);
  xf_cli_json_text (builder, "status", notice->status);
  xf_cli_json_int (builder, "revision", notice->revision);
  xf_cli_json_positive (builder, "revision_of", notice->revision_of);
  xf_cli_json_positive (builder, "follows", notice->follows);
  xf_cli_json_int (builder, "period_days", notice->period_days);
  xf_cli_json_text (builder, "starts_on", notice->starts_on);
  xf_cli_json_text (builder, "ends_on", notice->ends_on);
  /* 0 on the last day; null when not running */
  json_builder_set_member_name (builder, "days_left");
  if (notice->days_left >= 0)
    json_builder_add_int_value (builder, notice->days_left);
  else
    json_builder_add_null_value (builder);
  xf_cli_json_text (builder, "published_on", notice->published_on);
  xf_cli_json_text (builder, "closed_on", notice->closed_on);
  xf_cli_json_text (builder, "withdrawn_reason", notice->withdrawn_reason);
  xf_cli_json_int (builder, "objections", notice->n_objections);
  xf_cli_json_int (builder, "open_objections", notice->n_open_objections);
}

/* "2026-05-07 – 2026-05-13", or "–" before publishing. */
static char *
period_text (const XfNotice *notice)
{
  if (notice->starts_on == NULL || notice->ends_on == NULL)
    return g_strdup ("–");
  return g_strdup_printf ("%s – %s", notice->starts_on, notice->ends_on);
}

static void
print_notice_row (gconstpointer item)
{
  const XfNotice *notice = item;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, notice->id);
  g_autofree char *period = period_text (notice);
  g_autofree char *left = notice->days_left >= 0 ? g_strdup_printf ("%d", notice->days_left) : g_strdup ("–");
  g_autofree char *objections = g_strdup_printf ("%u/%u", notice->n_open_objections, notice->n_objections);

  xf_cli_print_row (id, notice->title, notice->campaign_title, xf_notice_status_label (notice->status),
                    period, left, objections, NULL);
}

static int
notices_list (XfNoticeBoard        *board,
              const NoticesOptions *options)
{
  XfNoticeQuery query = { .campaign_id = options->id, .status = options->status };
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GError) error = NULL;

  /* A campaign that does not exist is an error, not an empty list. */
  if (options->id != 0)
    {
      g_autoptr(XfCampaign) campaign = xf_evaluation_get_campaign (xf_notice_board_get_evaluation (board),
                                                                   options->id, &error);

      if (campaign == NULL)
        return xf_cli_fail_error (error);
    }
  notices = xf_notice_board_list_notices (board, &query, &error);
  if (notices == NULL)
    return xf_cli_fail_error (error);

  return xf_cli_print_list (options->json, "notices", notices, build_notice_summary, print_notice_row,
                            /* TRANSLATORS: column headings; "Objections" counts open/all. */
                            _("ID"), C_("notice", "Title"), _("Campaign"), _("Status"), _("Period"),
                            _("Working days left"), _("Objections"), NULL);
}

/*
 * notices show
 */

static void
build_candidate (JsonBuilder  *builder,
                 gconstpointer item,
                 gpointer      user_data)
{
  const XfNoticeCandidate *candidate = item;

  xf_cli_json_int (builder, "position", candidate->position);
  xf_cli_json_int (builder, "nomination_id", candidate->nomination_id);
  xf_cli_json_text (builder, "name", candidate->name);
  xf_cli_json_text (builder, "gender", candidate->gender);
  xf_cli_json_text (builder, "unit", candidate->unit);
  xf_cli_json_text (builder, "honour", candidate->honour);
  xf_cli_json_text (builder, "summary", candidate->summary);
  xf_cli_json_text (builder, "stage", candidate->stage);
  xf_cli_json_text (builder, "result", candidate->result);
  xf_cli_json_int (builder, "open_objections", candidate->open_objections);
}

static void
build_objection (JsonBuilder  *builder,
                 gconstpointer item,
                 gpointer      user_data)
{
  const XfObjection *objection = item;

  xf_cli_json_int (builder, "id", objection->id);
  xf_cli_json_text (builder, "uid", objection->uid);
  xf_cli_json_int (builder, "nomination_id", objection->nomination_id);
  xf_cli_json_text (builder, "candidate", objection->candidate_name);
  xf_cli_json_text (builder, "received_on", objection->received_on);
  xf_cli_json_text (builder, "channel", objection->channel);
  xf_cli_json_bool (builder, "anonymous", objection->anonymous);
  xf_cli_json_text (builder, "objector", objection->objector_name);
  xf_cli_json_text (builder, "contact", objection->objector_contact);
  xf_cli_json_bool (builder, "contact_masked", objection->contact_masked);
  xf_cli_json_text (builder, "grounds", objection->grounds);
  xf_cli_json_positive (builder, "handler_id", objection->handler_account_id);
  xf_cli_json_text (builder, "handler", objection->handler_name);
  xf_cli_json_text (builder, "due_on", objection->due_on);
  xf_cli_json_text (builder, "due_state", objection->due_state);
  xf_cli_json_text (builder, "status", objection->status);
  xf_cli_json_text (builder, "outcome", objection->outcome);
  xf_cli_json_text (builder, "outcome_reason", objection->outcome_reason);
  xf_cli_json_text (builder, "decided_on", objection->decided_on);
  xf_cli_json_text (builder, "reply", objection->reply);
  xf_cli_json_text (builder, "reply_channel", objection->reply_channel);
  xf_cli_json_text (builder, "reply_sent_on", objection->reply_sent_on);
}

static const char *
result_label (const char *result)
{
  if (result == NULL)
    return "–";
  if (g_str_equal (result, XF_CANDIDATE_DECISION))
    return _("on to decision");
  if (g_str_equal (result, XF_CANDIDATE_HELD))
    return _("held by an objection");
  if (g_str_equal (result, XF_CANDIDATE_RETURNED))
    return _("returned to the committee");
  if (g_str_equal (result, XF_CANDIDATE_ENDED))
    return _("ended by an objection");
  return result;
}

static void
print_candidate (gconstpointer item)
{
  const XfNoticeCandidate *candidate = item;
  g_autofree char *position = g_strdup_printf ("%d", candidate->position);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, candidate->nomination_id);
  g_autofree char *open = g_strdup_printf ("%u", candidate->open_objections);

  xf_cli_print_row (position, id, candidate->name, xf_cli_or_dash (candidate->unit),
                    xf_stage_label (candidate->stage), result_label (candidate->result), open, NULL);
}

static void
print_objection (gconstpointer item)
{
  const XfObjection *objection = item;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, objection->id);
  const char *objector = objection->anonymous ? _("anonymous") : objection->objector_name;

  xf_cli_print_row (id, objection->candidate_name, objection->received_on,
                    xf_objection_channel_label (objection->channel), objector,
                    xf_cli_or_dash (objection->handler_name), xf_cli_or_dash (objection->due_on),
                    xf_objection_outcome_label (objection->outcome), xf_cli_or_dash (objection->reply_sent_on),
                    NULL);
}

static int
notices_show (XfNoticeBoard        *board,
              const NoticesOptions *options)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(GPtrArray) objections = NULL;
  g_autoptr(GError) error = NULL;

  notice = xf_notice_board_get_notice (board, options->id, &error);
  if (notice == NULL)
    return xf_cli_fail_error (error);
  objections = xf_notice_board_list_objections (board, options->id, FALSE, &error);
  if (objections == NULL)
    return xf_cli_fail_error (error);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      build_notice_summary (builder, notice, NULL);
      xf_cli_json_text (builder, "preamble", notice->preamble);
      xf_cli_json_text (builder, "contact_phone", notice->contact_phone);
      xf_cli_json_text (builder, "contact_address", notice->contact_address);
      xf_cli_json_text (builder, "contact_mailbox", notice->contact_mailbox);
      xf_cli_json_text (builder, "published_by", notice->published_by);
      xf_cli_json_text (builder, "closed_by", notice->closed_by);
      xf_cli_json_objects (builder, "candidates", notice->candidates, build_candidate, NULL);
      xf_cli_json_objects (builder, "objection_list", objections, build_objection, NULL);
      json_builder_end_object (builder);
      xf_cli_print_json (builder);
      return 0;
    }

  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, notice->id);
    g_autofree char *revision = g_strdup_printf ("%d", notice->revision);
    g_autofree char *period = xf_notice_format_period (notice);
    g_autofree char *days = g_strdup_printf ("%d", notice->days_left);
    g_autofree char *corrects = notice->revision_of > 0
                                ? g_strdup_printf ("%" G_GINT64_FORMAT, notice->revision_of) : NULL;
    g_autofree char *follows = notice->follows > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, notice->follows) : NULL;

    xf_cli_print_field (_("ID"), id);
    xf_cli_print_field (C_("notice", "Title"), notice->title);
    xf_cli_print_field (_("Campaign"), notice->campaign_title);
    xf_cli_print_field (_("Publisher"), notice->organisation_name);
    xf_cli_print_field (_("Status"), xf_notice_status_label (notice->status));
    xf_cli_print_field (_("Revision"), revision);
    xf_cli_print_field (_("Corrects notice"), corrects);
    xf_cli_print_field (_("Follows notice"), follows);
    if (period != NULL)
      xf_cli_print_field (_("Period"), period);
    else
      {
        g_autofree char *draft_period = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day",
                                                                      "%d working days", notice->period_days),
                                                         notice->period_days);

        xf_cli_print_field (_("Period"), draft_period);
      }
    if (notice->days_left >= 0)
      xf_cli_print_field (_("Working days left"), days);
    xf_cli_print_field (_("Published"), notice->published_on);
    xf_cli_print_field (_("Closed"), notice->closed_on);
    xf_cli_print_field (_("Withdrawn"), notice->withdrawn_reason);
    xf_cli_print_field (_("Phone"), notice->contact_phone);
    xf_cli_print_field (_("Address"), notice->contact_address);
    xf_cli_print_field (_("Mailbox"), notice->contact_mailbox);
  }

  xf_cli_print_heading (_("Candidates:"));
  xf_cli_print_row (_("No."), _("Nomination"), _("Name"), _("Unit"), _("Stage"), _("Result"),
                    _("Open objections"), NULL);
  xf_cli_print_items (notice->candidates, print_candidate);
  if (objections->len > 0)
    {
      xf_cli_print_heading (_("Objections:"));
      xf_cli_print_row (_("ID"), _("Candidate"), _("Received"), _("Channel"), _("Objector"), _("Handler"),
                        _("Due"), _("Outcome"), _("Reply sent"), NULL);
      xf_cli_print_items (objections, print_objection);
    }
  return 0;
}

/*
 * notices export
 */

static void
print_wrote (const char *path)
{
  g_autofree char *message = g_strdup_printf (_("Wrote %s"), path);

  printf ("%s\n", message);
}

static int
notices_export (XfNoticeBoard        *board,
                const NoticesOptions *options)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(GError) error = NULL;

  notice = xf_notice_board_get_notice (board, options->id, &error);
  if (notice == NULL)
    return xf_cli_fail_error (error);

  if (options->pdf != NULL)
    {
      g_autoptr(XfNoticeDocument) document = xf_notice_document_new (notice, options->portal_url);

      if (!xf_notice_document_write_pdf (document, options->pdf, &error))
        return xf_cli_fail_error (error);
      print_wrote (options->pdf);
    }
  if (options->html != NULL)
    {
      if (!xf_notice_write_html (notice, options->portal_url, options->html, &error))
        return xf_cli_fail_error (error);
      print_wrote (options->html);
    }
  if (options->json_file != NULL)
    {
      if (!xf_notice_write_json (notice, options->portal_url, options->json_file, &error))
        return xf_cli_fail_error (error);
      print_wrote (options->json_file);
    }
  return 0;
}

/*
 * notices close-due
 */

static int
notices_close_due (XfNoticeBoard *board)
{
  g_autoptr(GPtrArray) closed = NULL;
  g_autoptr(GError) error = NULL;

  closed = xf_notice_board_close_due_notices (board, &error);
  if (closed == NULL)
    return xf_cli_fail_error (error);

  printf (g_dngettext (GETTEXT_PACKAGE, "Closed %d notice whose period has ended",
                       "Closed %d notices whose period has ended", (int) closed->len),
          (int) closed->len);
  printf ("\n");
  for (guint i = 0; i < closed->len; i++)
    {
      const XfNotice *notice = g_ptr_array_index (closed, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, notice->id);

      xf_cli_print_row (id, notice->title, or_empty (notice->ends_on), NULL);
    }
  return 0;
}

int
xf_cli_cmd_notices (XfCliContext  *ctx,
                    int            argc,
                    char         **argv)
{
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfEvaluation) evaluation = NULL;
  g_autoptr(XfNoticeBoard) board = NULL;
  XfStore *store;
  NoticesOptions options;
  int status;

  status = parse_options (argc, argv, &options);
  if (status != 0)
    return status;
  store = xf_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;
  registry = xf_registry_new (store, ctx->actor);
  evaluation = xf_evaluation_new (registry);
  board = xf_notice_board_new (evaluation);

  if (g_str_equal (options.subcommand, "show"))
    return notices_show (board, &options);
  if (g_str_equal (options.subcommand, "export"))
    return notices_export (board, &options);
  if (g_str_equal (options.subcommand, "close-due"))
    return notices_close_due (board);
  return notices_list (board, &options);
}
