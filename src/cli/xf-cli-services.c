/* xf-cli-services.c — `services import | list | show | claim | accept |
 *                      decline | start | complete | cancel | suggest |
 *                      expire | catalogue`
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
#include "xf-services.h"

/*
 * The services (点单 → 抢单 → 点赞) through the same XfServices the app
 * uses, as the signed-in account: the public channel's import, the
 * dispatcher's lists, claims recorded on a pioneer's behalf, a request's
 * progress (a booking accepted or declined, started, completed,
 * cancelled) and the suggestions for a request nobody claims. Plain output is tab-separated
 * under a translated heading; --json gives the same facts with stable
 * English keys and codes. A requester's contact comes masked unless the
 * account may see it.
 *
 * Exit status: 0 done; 1 refused or failed (a lost claim, a request not
 * found, a step the request's status or the account's permission does not
 * allow; `import` when any line was refused); 2 a usage error.
 */

static const char services_usage[] =
  N_("usage: services import FILE | list [--status STATUS] [--item CODE] [--region CODE] [--overdue] "
     "[--limit N] [--json] | show REQUEST [--json] | claim REQUEST PIONEER | accept REQUEST | "
     "decline REQUEST REASON | start REQUEST | complete REQUEST NOTE | cancel REQUEST REASON | "
     "suggest REQUEST [--limit N] [--json] | expire | catalogue [--json]");

typedef struct
{
  const char *subcommand;
  const char *file;        /* import */
  const char *request;     /* show, claim, the steps, suggest: id, code or uid */
  const char *pioneer;     /* claim: uid or id */
  const char *text;        /* decline, cancel: the reason; complete: the note */
  const char *status;      /* list */
  const char *item;
  const char *region;
  gboolean    overdue;
  gint64      limit;
  gboolean    json;
} ServicesOptions;

static gboolean
is_status_filter (const char *status)
{
  static const char * const statuses[] = {
    XF_REQUEST_OPEN, XF_REQUEST_BOOKED, XF_REQUEST_CLAIMED, XF_REQUEST_IN_PROGRESS, XF_REQUEST_DONE,
    XF_REQUEST_CANCELLED, XF_REQUEST_EXPIRED, "active", "unclaimed", NULL,
  };

  return g_strv_contains (statuses, status);
}

/* A value after an option; FALSE (printed) when missing. */
static gboolean
take_value (const char  *option,
            const char  *value,
            const char **out)
{
  if (value == NULL || value[0] == '\0' || g_str_has_prefix (value, "--"))
    {
      /* Translators: %s is an option such as --item. */
      xf_cli_fail (_("%s needs a value"), option);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

/* Reads argv[2…] into @options; returns 0, or the exit status after
 * printing why not. */
static int
parse_options (int              argc,
               char           **argv,
               ServicesOptions *options)
{
  static const char * const subcommands[] = {
    "import", "list", "show", "claim", "accept", "decline", "start", "complete", "cancel", "suggest", "expire",
    "catalogue", NULL,
  };
  /* The steps that take a reason or a note after the request. */
  static const char * const with_text_subcommands[] = { "decline", "complete", "cancel", NULL };
  static const char * const step_subcommands[] = { "accept", "decline", "start", "complete", "cancel", NULL };
  const char *usage = _(services_usage);
  const char *sub;
  gboolean list, with_json, with_request, with_text;

  memset (options, 0, sizeof *options);
  sub = options->subcommand = xf_cli_subcommand (argc, argv, usage, subcommands);
  if (sub == NULL)
    return 2;
  list = g_str_equal (sub, "list");
  with_json = list || g_str_equal (sub, "show") || g_str_equal (sub, "suggest") || g_str_equal (sub, "catalogue");
  with_request = g_str_equal (sub, "show") || g_str_equal (sub, "claim") || g_str_equal (sub, "suggest")
                 || g_strv_contains (step_subcommands, sub);
  with_text = g_strv_contains (with_text_subcommands, sub);

  for (int i = 2; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;

      if (with_json && g_str_equal (arg, "--json"))
        options->json = TRUE;
      else if (list && g_str_equal (arg, "--status"))
        {
          if (value == NULL || !is_status_filter (value))
            {
              /* TRANSLATORS: the codes are typed as they are: do not translate them. */
              return xf_cli_usage_error (_("--status needs a status: open, booked, claimed, in-progress, done, cancelled, "
                                           "expired, active or unclaimed"));
            }
          options->status = value;
          i++;
        }
      else if (list && (g_str_equal (arg, "--item") || g_str_equal (arg, "--region")))
        {
          if (!take_value (arg, value, g_str_equal (arg, "--item") ? &options->item : &options->region))
            return 2;
          i++;
        }
      else if (list && g_str_equal (arg, "--overdue"))
        options->overdue = TRUE;
      else if ((list || g_str_equal (sub, "suggest")) && g_str_equal (arg, "--limit"))
        {
          if (!xf_cli_parse_number (value, 1, &options->limit) || options->limit > 10000)
            return xf_cli_usage_error (_("--limit needs a number from 1 to 10000"));
          i++;
        }
      else if (g_str_equal (sub, "import") && options->file == NULL && !g_str_has_prefix (arg, "--"))
        options->file = arg;
      else if (with_request && options->request == NULL && !g_str_has_prefix (arg, "--"))
        options->request = arg;
      else if (g_str_equal (sub, "claim") && options->pioneer == NULL && !g_str_has_prefix (arg, "--"))
        options->pioneer = arg;
      else if (with_text && options->text == NULL && !g_str_has_prefix (arg, "--"))
        options->text = arg;
      else
        return xf_cli_usage_error (_("Unknown argument “%s”; %s"), arg, usage);
    }

  if (g_str_equal (sub, "import") && options->file == NULL)
    return xf_cli_usage_error (_("services import needs a file of JSON lines (“-” reads standard input)"));
  if (with_request && options->request == NULL)
    {
      /* Translators: %s is a subcommand ("show"). */
      return xf_cli_usage_error (_("services %s needs a request: its number, code or uid"), sub);
    }
  if (g_str_equal (sub, "claim") && options->pioneer == NULL)
    return xf_cli_usage_error (_("services claim needs the pioneer who claims: a uid or number"));
  if (with_text && options->text == NULL)
    {
      if (g_str_equal (sub, "complete"))
        return xf_cli_usage_error (_("services complete needs a note on what was done"));
      /* Translators: %s is a subcommand ("decline" or "cancel"). */
      return xf_cli_usage_error (_("services %s needs a reason"), sub);
    }
  return 0;
}

static char *
format_instant (gint64 at)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (at <= 0)
    return NULL;
  utc = g_date_time_new_from_unix_utc (at / G_USEC_PER_SEC);
  if (utc == NULL)
    return NULL;
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
json_instant (JsonBuilder *builder,
              const char  *key,
              gint64       at)
{
  g_autofree char *text = NULL;

  if (at <= 0)
    {
      xf_cli_json_text (builder, key, NULL);
      return;
    }
  /* ISO 8601 in UTC: what scripts compare. */
  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at / G_USEC_PER_SEC);

    text = utc != NULL ? g_date_time_format_iso8601 (utc) : NULL;
  }
  xf_cli_json_text (builder, key, text);
}

/*
 * services import
 */

static int
services_import (XfServices            *services,
                 const ServicesOptions *options)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(XfServiceImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  {
    /* "-": standard input, for a channel piping its lines in. */
    g_autoptr(GFile) file = g_str_equal (options->file, "-") ? g_file_new_for_path ("/dev/stdin")
                                                               : g_file_new_for_commandline_arg (options->file);

    stream = G_INPUT_STREAM (g_file_read (file, NULL, &error));
    if (stream == NULL)
      return xf_cli_fail ("%s", error->message);
  }
  report = xf_services_import_requests (services, stream, NULL, &error);
  if (report == NULL)
    return xf_cli_fail_error (error);

  /* TRANSLATORS: the summary of an import; three numbers of lines. */
  printf (_("%u taken, %u skipped, %u refused"), report->taken, report->skipped, report->refused);
  printf ("\n");
  for (guint i = 0; i < report->refusals->len; i++)
    {
      const XfImportRefusal *refusal = g_ptr_array_index (report->refusals, i);

      /* TRANSLATORS: a line number, then why the line was refused. */
      printf (_("Line %u: %s"), refusal->line, refusal->reason);
      printf ("\n");
    }
  return report->refused > 0 ? 1 : 0;
}

/*
 * services list
 */

static void
build_request (JsonBuilder  *builder,
               gconstpointer item,
               gpointer      user_data)
{
  const XfServiceRequest *request = item;

  xf_cli_json_int (builder, "id", request->id);
  xf_cli_json_text (builder, "uid", request->uid);
  xf_cli_json_text (builder, "code", request->code);
  xf_cli_json_text (builder, "status", request->status);
  xf_cli_json_text (builder, "channel", request->channel);
  xf_cli_json_text (builder, "source_id", request->source_id);
  xf_cli_json_text (builder, "requester", request->requester_name);
  xf_cli_json_text (builder, "contact", request->requester_contact);
  xf_cli_json_bool (builder, "contact_masked", request->contact_masked);
  xf_cli_json_text (builder, "item", request->item_code);
  xf_cli_json_text (builder, "item_name", request->item_name);
  xf_cli_json_text (builder, "region", request->region_code);
  xf_cli_json_text (builder, "region_name", request->region_name);
  xf_cli_json_text (builder, "place", request->place);
  xf_cli_json_text (builder, "needed_by", request->needed_by);
  xf_cli_json_text (builder, "preferred_time", request->preferred_time);
  xf_cli_json_text (builder, "description", request->description);
  xf_cli_json_positive (builder, "booked_pioneer_id", request->booked_pioneer_id);
  xf_cli_json_text (builder, "booked_pioneer", request->booked_pioneer_id > 0 ? request->booked_pioneer_name : NULL);
  xf_cli_json_text (builder, "booked_pioneer_uid", request->booked_pioneer_id > 0 ? request->booked_pioneer_uid : NULL);
  xf_cli_json_positive (builder, "claimed_by_id", request->claimed_by);
  xf_cli_json_text (builder, "claimed_by", request->claimed_by > 0 ? request->claimed_by_name : NULL);
  xf_cli_json_text (builder, "claimed_by_uid", request->claimed_by > 0 ? request->claimed_by_uid : NULL);
  json_instant (builder, "claimed_at", request->claimed_at);
  xf_cli_json_text (builder, "claim_kind", request->claim_kind);
  json_instant (builder, "response_due_at", request->response_due_at);
  xf_cli_json_bool (builder, "overdue", request->overdue);
  json_instant (builder, "started_at", request->started_at);
  json_instant (builder, "done_at", request->done_at);
  xf_cli_json_text (builder, "done_note", request->done_note);
  xf_cli_json_text (builder, "cancel_reason", request->cancel_reason);
  xf_cli_json_text (builder, "created_by", request->created_by);
  json_instant (builder, "created_at", request->created_at);
}

static void
print_request_row (gconstpointer item)
{
  const XfServiceRequest *request = item;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, request->id);
  g_autofree char *created = format_instant (request->created_at);
  const char *who = request->claimed_by > 0 ? request->claimed_by_name
                    : request->booked_pioneer_id > 0 ? request->booked_pioneer_name : NULL;

  xf_cli_print_row (id, request->code, xf_request_status_label (request->status),
                    request->overdue ? _("overdue") : "", xf_cli_or_dash (request->item_name),
                    xf_cli_or_dash (request->region_name), request->requester_name,
                    xf_cli_or_dash (who), xf_cli_or_dash (request->needed_by), xf_cli_or_dash (created), NULL);
}

static int
services_list (XfServices            *services,
               const ServicesOptions *options)
{
  XfServiceRequestQuery query = {
    .status = options->status,
    .item_code = options->item,
    .region_code = options->region,
    .overdue_only = options->overdue,
    .limit = (guint) options->limit,
  };
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;

  /* An item not in the catalogue is a mistake, not an empty list. */
  if (options->item != NULL)
    {
      g_autoptr(XfServiceItem) item = xf_services_get_item (services, options->item, &error);

      if (item == NULL)
        return xf_cli_fail_error (error);
    }
  requests = xf_services_list_requests (services, &query, &error);
  if (requests == NULL)
    return xf_cli_fail_error (error);

  return xf_cli_print_list (options->json, "requests", requests, build_request, print_request_row,
                            /* TRANSLATORS: column headings; "Pioneer" is who claimed or was booked. */
                            _("ID"), _("Code"), _("Status"), _("Overdue"), _("Service"), _("Region"),
                            _("Requester"), _("Pioneer"), _("Needed by"), _("Created"), NULL);
}

/*
 * services show
 */

static void
build_event (JsonBuilder  *builder,
             gconstpointer item,
             gpointer      user_data)
{
  const XfServiceEvent *event = item;
  g_autofree char *text = xf_service_event_describe (event);

  json_instant (builder, "at", event->at);
  xf_cli_json_text (builder, "kind", event->kind);
  xf_cli_json_text (builder, "actor", event->actor);
  xf_cli_json_positive (builder, "pioneer_id", event->pioneer_id);
  xf_cli_json_text (builder, "pioneer", event->pioneer_id > 0 ? event->pioneer_name : NULL);
  xf_cli_json_text (builder, "detail", event->detail);
  xf_cli_json_text (builder, "text", text);
}

static void
print_event (gconstpointer item)
{
  const XfServiceEvent *event = item;
  g_autofree char *at = format_instant (event->at);
  g_autofree char *text = xf_service_event_describe (event);

  xf_cli_print_row (xf_cli_or_dash (at), text, xf_cli_or_dash (event->actor), NULL);
}

static void
build_feedback (JsonBuilder             *builder,
                const XfServiceFeedback *feedback)
{
  json_builder_set_member_name (builder, "feedback");
  if (feedback == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  xf_cli_json_positive (builder, "rating", feedback->rating);
  xf_cli_json_bool (builder, "liked", feedback->liked);
  xf_cli_json_text (builder, "comment", feedback->comment);
  xf_cli_json_text (builder, "complaint", feedback->complaint);
  xf_cli_json_text (builder, "follow_up_status", feedback->follow_up_status);
  xf_cli_json_text (builder, "follow_up_note", feedback->follow_up_note);
  json_instant (builder, "created_at", feedback->created_at);
  xf_cli_json_text (builder, "created_by", feedback->created_by);
  json_builder_end_object (builder);
}

static gint64
find_request (XfServices *services,
              const char *reference)
{
  g_autoptr(GError) error = NULL;
  gint64 id = xf_services_find_request (services, reference, &error);

  if (id <= 0)
    xf_cli_fail_error (error);
  return id;
}

static int
services_show (XfServices            *services,
               const ServicesOptions *options)
{
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = find_request (services, options->request);

  if (id <= 0)
    return 1;
  request = xf_services_get_request (services, id, &error);
  if (request == NULL)
    return xf_cli_fail_error (error);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_auto(GStrv) actions = xf_services_allowed_actions (services, request);

      json_builder_begin_object (builder);
      build_request (builder, request, NULL);
      json_builder_set_member_name (builder, "allowed_actions");
      json_builder_begin_array (builder);
      for (guint i = 0; actions != NULL && actions[i] != NULL; i++)
        json_builder_add_string_value (builder, actions[i]);
      json_builder_end_array (builder);
      build_feedback (builder, request->feedback);
      xf_cli_json_objects (builder, "events", request->events, build_event, NULL);
      json_builder_end_object (builder);
      xf_cli_print_json (builder);
      return 0;
    }

  {
    g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, request->id);
    g_autofree char *created = format_instant (request->created_at);
    g_autofree char *due = format_instant (request->response_due_at);
    g_autofree char *claimed = format_instant (request->claimed_at);
    g_autofree char *done = format_instant (request->done_at);

    xf_cli_print_field (_("ID"), id_text);
    xf_cli_print_field (_("Code"), request->code);
    xf_cli_print_field (_("Status"), xf_request_status_label (request->status));
    if (request->overdue)
      xf_cli_print_field (_("Overdue"), _("unclaimed past its response time"));
    xf_cli_print_field (_("Service"), request->item_name);
    xf_cli_print_field (_("Requester"), request->requester_name);
    xf_cli_print_field (_("Contact"), request->requester_contact);
    xf_cli_print_field (_("Region"), request->region_name);
    xf_cli_print_field (_("Place"), request->place);
    xf_cli_print_field (_("Needed by"), request->needed_by);
    xf_cli_print_field (_("Preferred time"), request->preferred_time);
    xf_cli_print_field (_("Description"), request->description);
    if (request->booked_pioneer_id > 0)
      xf_cli_print_field (_("Booked"), request->booked_pioneer_name);
    if (request->claimed_by > 0)
      xf_cli_print_field (_("Claimed by"), request->claimed_by_name);
    xf_cli_print_field (_("Claimed"), claimed);
    xf_cli_print_field (_("Respond by"), due);
    xf_cli_print_field (_("Done"), done);
    xf_cli_print_field (_("Done note"), request->done_note);
    xf_cli_print_field (_("Cancelled"), request->cancel_reason);
    xf_cli_print_field (_("Channel"), request->channel);
    xf_cli_print_field (_("Source id"), request->source_id);
    xf_cli_print_field (_("Created"), created);
  }
  if (request->feedback != NULL)
    {
      const XfServiceFeedback *feedback = request->feedback;
      g_autofree char *rating = feedback->rating > 0 ? g_strdup_printf ("%d/5", feedback->rating) : NULL;

      xf_cli_print_heading (_("Feedback:"));
      xf_cli_print_field (_("Rating"), rating);
      xf_cli_print_field (_("Liked"), xf_cli_yes_no (feedback->liked));
      xf_cli_print_field (_("Comment"), feedback->comment);
      xf_cli_print_field (_("Complaint"), feedback->complaint);
      xf_cli_print_field (_("Follow-up"), feedback->follow_up_status);
      xf_cli_print_field (_("Follow-up note"), feedback->follow_up_note);
    }
  if (request->events != NULL && request->events->len > 0)
    {
      xf_cli_print_heading (_("Timeline:"));
      xf_cli_print_items (request->events, print_event);
    }
  return 0;
}

/*
 * services claim
 */

static int
services_claim (XfServices            *services,
                const ServicesOptions *options)
{
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = find_request (services, options->request);
  gint64 pioneer;

  if (id <= 0)
    return 1;
  pioneer = xf_cli_find_pioneer (xf_services_get_registry (services), options->pioneer);
  if (pioneer <= 0)
    return 1;
  /* The loser hears who won: "Already claimed by 王建国". */
  if (!xf_services_claim (services, id, pioneer, &error))
    return xf_cli_fail_error (error);
  request = xf_services_get_request (services, id, &error);
  if (request == NULL)
    return xf_cli_fail_error (error);
  /* TRANSLATORS: a request's code, then the pioneer's name. */
  printf (_("Request %s claimed by %s"), request->code, request->claimed_by_name);
  printf ("\n");
  return 0;
}

/*
 * services accept | decline | start | complete | cancel
 */

/* One step of a request's progress, through core (which checks the
 * account's permission at the request's region and the request's status);
 * says what the request is after it. */
static int
services_step (XfServices            *services,
               const ServicesOptions *options)
{
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  const char *sub = options->subcommand;
  gint64 id = find_request (services, options->request);
  gboolean ok;

  if (id <= 0)
    return 1;
  if (g_str_equal (sub, "accept"))
    ok = xf_services_accept_booking (services, id, &error);
  else if (g_str_equal (sub, "decline"))
    ok = xf_services_decline_booking (services, id, options->text, &error);
  else if (g_str_equal (sub, "start"))
    ok = xf_services_start (services, id, &error);
  else if (g_str_equal (sub, "complete"))
    ok = xf_services_complete (services, id, options->text, &error);
  else
    ok = xf_services_cancel (services, id, options->text, &error);
  if (!ok)
    return xf_cli_fail_error (error);
  request = xf_services_get_request (services, id, &error);
  if (request == NULL)
    return xf_cli_fail_error (error);

  if (g_str_equal (sub, "accept"))
    /* TRANSLATORS: a request's code, then the pioneer's name. */
    printf (_("Request %s accepted by %s"), request->code, request->claimed_by_name);
  else if (g_str_equal (sub, "decline"))
    /* TRANSLATORS: %s is a request's code. */
    printf (_("Request %s declined: open for any pioneer to claim"), request->code);
  else if (g_str_equal (sub, "start"))
    /* TRANSLATORS: %s is a request's code. */
    printf (_("Request %s started"), request->code);
  else if (g_str_equal (sub, "complete"))
    /* TRANSLATORS: %s is a request's code. */
    printf (_("Request %s done"), request->code);
  else
    /* TRANSLATORS: %s is a request's code. */
    printf (_("Request %s cancelled"), request->code);
  printf ("\n");
  return 0;
}

/*
 * services suggest
 */

static void
build_match (JsonBuilder  *builder,
             gconstpointer item,
             gpointer      user_data)
{
  const XfServiceMatch *match = item;

  xf_cli_json_int (builder, "pioneer_id", match->pioneer_id);
  xf_cli_json_text (builder, "pioneer_uid", match->pioneer_uid);
  xf_cli_json_text (builder, "pioneer", match->pioneer_name);
  xf_cli_json_text (builder, "tier", match->tier);
  xf_cli_json_double (builder, "score", match->score);
  xf_cli_json_double (builder, "skills", match->skills);
  xf_cli_json_double (builder, "industry", match->industry);
  xf_cli_json_double (builder, "region", match->region);
  xf_cli_json_double (builder, "load", match->load);
  xf_cli_json_double (builder, "rating", match->rating);
}

static void
print_match (gconstpointer item)
{
  const XfServiceMatch *match = item;
  g_autofree char *score = g_strdup_printf ("%.3f", match->score);
  g_autofree char *parts = g_strdup_printf ("%.2f %.2f %.2f %.2f %.2f", match->skills, match->industry,
                                            match->region, match->load, match->rating);

  xf_cli_print_row (score, match->pioneer_uid, match->pioneer_name, parts, NULL);
}

static int
services_suggest (XfServices            *services,
                  const ServicesOptions *options)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = find_request (services, options->request);

  if (id <= 0)
    return 1;
  matches = xf_services_suggest (services, id, options->limit > 0 ? (guint) options->limit : 10, &error);
  if (matches == NULL)
    return xf_cli_fail_error (error);
  return xf_cli_print_list (options->json, "suggestions", matches, build_match, print_match,
                            /* TRANSLATORS: column headings; the last column holds the five parts of the score. */
                            _("Score"), _("UID"), _("Pioneer"), _("Skills Industry Region Load Rating"), NULL);
}

/*
 * services expire
 */

static int
services_expire (XfServices *services)
{
  g_autoptr(GError) error = NULL;
  int n = xf_services_expire_due (services, &error);

  if (n < 0)
    return xf_cli_fail_error (error);
  printf (g_dngettext (GETTEXT_PACKAGE, "Expired %d request whose date had passed",
                       "Expired %d requests whose date had passed", n), n);
  printf ("\n");
  return 0;
}

/*
 * services catalogue
 */

static void
build_item (JsonBuilder  *builder,
            gconstpointer data,
            gpointer      user_data)
{
  const XfServiceItem *item = data;

  xf_cli_json_text (builder, "code", item->code);
  xf_cli_json_text (builder, "group", item->group);
  xf_cli_json_text (builder, "stage", item->stage);
  xf_cli_json_text (builder, "name_en", item->name_en);
  xf_cli_json_text (builder, "name_zh", item->name_zh);
  xf_cli_json_text (builder, "description", item->description);
  xf_cli_json_text (builder, "keywords", item->keywords);
  xf_cli_json_text (builder, "industries", item->industries);
  xf_cli_json_text (builder, "response_unit", item->response_unit);
  xf_cli_json_int (builder, "response_amount", item->response_amount);
  xf_cli_json_bool (builder, "active", item->active);
}

static void
print_item (gconstpointer data)
{
  const XfServiceItem *item = data;
  g_autofree char *response = xf_service_item_format_response (item);

  xf_cli_print_row (item->code, xf_service_item_get_name (item), xf_service_group_label (item->group),
                    response, xf_cli_yes_no (item->active), NULL);
}

static int
services_catalogue (XfServices            *services,
                    const ServicesOptions *options)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = xf_services_list_items (services, TRUE, &error);
  if (items == NULL)
    return xf_cli_fail_error (error);
  return xf_cli_print_list (options->json, "items", items, build_item, print_item,
                            /* TRANSLATORS: column headings of the service catalogue. */
                            _("Code"), _("Name"), _("Group"), _("Response time"), C_("catalogue item", "Active"), NULL);
}

int
xf_cli_cmd_services (XfCliContext  *ctx,
                     int            argc,
                     char         **argv)
{
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfServices) services = NULL;
  ServicesOptions options;
  XfStore *store;
  int status;

  status = parse_options (argc, argv, &options);
  if (status != 0)
    return status;
  store = xf_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;
  registry = xf_registry_new (store, ctx->actor);
  services = xf_services_new (registry);

  if (g_str_equal (options.subcommand, "import"))
    return services_import (services, &options);
  if (g_str_equal (options.subcommand, "show"))
    return services_show (services, &options);
  if (g_str_equal (options.subcommand, "claim"))
    return services_claim (services, &options);
  if (g_str_equal (options.subcommand, "accept") || g_str_equal (options.subcommand, "decline")
      || g_str_equal (options.subcommand, "start") || g_str_equal (options.subcommand, "complete")
      || g_str_equal (options.subcommand, "cancel"))
    return services_step (services, &options);
  if (g_str_equal (options.subcommand, "suggest"))
    return services_suggest (services, &options);
  if (g_str_equal (options.subcommand, "expire"))
    return services_expire (services);
  if (g_str_equal (options.subcommand, "catalogue"))
    return services_catalogue (services, &options);
  return services_list (services, &options);
}
