/* xf-ranking-events.c — recording and importing engagement events
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-ranking"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xf-calendar.h"
#include "xf-clock.h"
#include "xf-error.h"
#include "xf-json-line.h"
#include "xf-ranking-private.h"
#include "xf-service.h"

#define MAX_TEXT 200

/* One event, checked, ready to insert. */
typedef struct
{
  gint64  pioneer_id;
  char   *kind;
  char   *source;
  char   *source_id;
  char   *visitor;
  gint64  occurred_at;
  char   *occurred_on;
  double  value;
} Event;

static void
event_clear (Event *event)
{
  g_free (event->kind);
  g_free (event->source);
  g_free (event->source_id);
  g_free (event->visitor);
  g_free (event->occurred_on);
  memset (event, 0, sizeof *event);
}

static gboolean
known_kind (const char *kind)
{
  return kind != NULL && g_strv_contains (xf_index_known_kinds (), kind);
}

static char *
quote (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *start = NULL;

  if (g_utf8_strlen (valid, -1) <= 40)
    return g_steal_pointer (&valid);
  start = g_utf8_substring (valid, 0, 40);
  return g_strconcat (start, "…", NULL);
}

/* Trimmed text of at most MAX_TEXT characters, or an error naming @field. */
static gboolean
check_text (const char  *field,
            const char  *text,
            gboolean     required,
            char       **out,
            GError     **error)
{
  g_autofree char *trimmed = NULL;

  *out = NULL;
  if (text == NULL && !required)
    return TRUE;
  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (!g_utf8_validate (trimmed, -1, NULL))
    {
      /* Translators: %s is a field's name. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: not valid text"), field);
      return FALSE;
    }
  if (*trimmed == '\0')
    {
      if (!required)
        return TRUE;
      /* Translators: %s is a field's name. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: this is required"), field);
      return FALSE;
    }
  if (g_utf8_strlen (trimmed, -1) > MAX_TEXT)
    {
      /* Translators: a field's name, then a number of characters. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: at most %d characters"), field, MAX_TEXT);
      return FALSE;
    }
  *out = g_steal_pointer (&trimmed);
  return TRUE;
}

static gboolean
check_event (Event   *event,
             double   value,
             GError **error)
{
  if (!known_kind (event->kind))
    {
      g_autofree char *shown = quote (event->kind);

      /* Translators: %s is what was given as an event kind. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Kind: “%s” is not an event kind"), shown);
      return FALSE;
    }
  if (!isfinite (value) || value < -1e9 || value > 1e9)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Value: not a number the index can count"));
      return FALSE;
    }
  /* A negative value would take a pioneer's index below 0. */
  if (value < 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Value: must not be negative"));
      return FALSE;
    }
  /* A rating is 1..5: one line of 99 would make everyone else's rating
   * points nothing once the month is normalised by its largest. */
  if (g_strcmp0 (event->kind, XF_ENGAGEMENT_SERVICE_RATED) == 0 && (value < 1 || value > 5))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Value: a rating is 1 to 5"));
      return FALSE;
    }
  event->value = value;
  return TRUE;
}

/* Events are facts: none can have happened after today. */
static gboolean
check_not_future (const Event  *event,
                  GError      **error)
{
  g_autofree char *today = xf_clock_today_text ();

  if (event->occurred_on != NULL && strcmp (event->occurred_on, today) > 0)
    {
      /* Translators: %s is a date, YYYY-MM-DD. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("At: %s is after today"), event->occurred_on);
      return FALSE;
    }
  return TRUE;
}

static gboolean
pioneer_exists (XfRanking  *self,
                gint64      pioneer_id,
                GError    **error)
{
  gint64 found = 0;

  if (!xf_stmt_cache_query_int64 (self->stmts, "SELECT count(*) FROM pioneers WHERE id = $1",
                                  pioneer_id, &found, error))
    return FALSE;
  if (found == 0)
    {
      /* Translators: %lld is a record's number. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Pioneer: %lld does not exist"),
                   (long long) pioneer_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_duplicate (XfRanking    *self,
              const Event  *event,
              gboolean     *duplicate,
              GError      **error)
{
  XfDbStmt *stmt = _xf_ranking_prepare (self,
    "SELECT count(*) FROM engagement_events WHERE source = $1 AND source_id = $2", error);
  XfDbStep step;

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, event->source);
  xf_db_stmt_bind_text (stmt, 2, event->source_id);
  step = xf_db_stmt_step (stmt, error);
  *duplicate = step == XF_DB_STEP_ROW && xf_db_stmt_column_int64 (stmt, 0) > 0;
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_ROW;
}

static gboolean
insert_event (XfRanking    *self,
              const Event  *event,
              GError      **error)
{
  /* A repeat of (source, source_id) is no error: the first one stays. */
  XfDbStmt *stmt = _xf_ranking_prepare (self,
    "INSERT INTO engagement_events (pioneer_id, kind, occurred_at, occurred_on, source, source_id, visitor, value) "
    "SELECT $1, $2, $3, $4, $5, $6, $7, $8 "
    "WHERE NOT EXISTS (SELECT 1 FROM engagement_events WHERE source = $5 AND source_id = $6)", error);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, event->pioneer_id);
  xf_db_stmt_bind_text (stmt, 2, event->kind);
  xf_db_stmt_bind_int64 (stmt, 3, event->occurred_at);
  xf_db_stmt_bind_text (stmt, 4, event->occurred_on);
  xf_db_stmt_bind_text (stmt, 5, event->source);
  xf_db_stmt_bind_text (stmt, 6, event->source_id);
  xf_db_stmt_bind_text (stmt, 7, event->visitor);
  xf_db_stmt_bind_double (stmt, 8, event->value);
  return xf_db_stmt_run (stmt, error);
}

static char *
local_day (gint64 at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d") : NULL;
}

gboolean
xf_ranking_record_event (XfRanking   *self,
                         gint64       pioneer_id,
                         const char  *kind,
                         const char  *source,
                         const char  *source_id,
                         const char  *visitor,
                         gint64       occurred_at,
                         double       value,
                         GError     **error)
{
  Event event = { 0 };
  gboolean ok;

  g_return_val_if_fail (XF_IS_RANKING (self), FALSE);

  /* Viewing, liking, sharing or recommending a card is open to anyone who
   * may read the registry. */
  if (!_xf_ranking_check (self, XF_OP_REGISTRY_READ, error))
    return FALSE;
  event.pioneer_id = pioneer_id;
  event.kind = g_strdup (kind);
  event.occurred_at = occurred_at != 0 ? occurred_at : _xf_ranking_now ();
  event.occurred_on = local_day (event.occurred_at);
  ok = check_event (&event, value, error)
       && check_text (C_("event", "Source"), source, TRUE, &event.source, error)
       && check_text (_("Event id"), source_id, TRUE, &event.source_id, error)
       && check_text (_("Visitor"), visitor, FALSE, &event.visitor, error)
       && pioneer_exists (self, pioneer_id, error);
  if (ok && event.occurred_on == NULL)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Time: not a valid time"));
      ok = FALSE;
    }
  ok = ok && check_not_future (&event, error);
  if (ok)
    ok = _xf_ranking_begin (self, error)
         && _xf_ranking_end (self, insert_event (self, &event, error), error);
  event_clear (&event);
  return ok;
}

/*
 * Import
 */

/* "at": an ISO 8601 time (a zone, else local), or a local date. */
static gboolean
parse_at (const char  *text,
          Event       *event,
          GError     **error)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) at = NULL;
  GDate day;

  g_date_clear (&day, 1);
  if (text != NULL && strlen (text) == 10 && xf_date_parse (text, &day))
    {
      at = g_date_time_new (local, g_date_get_year (&day), g_date_get_month (&day),
                            g_date_get_day (&day), 12, 0, 0);
    }
  else if (text != NULL)
    {
      g_autoptr(GDateTime) given = g_date_time_new_from_iso8601 (text, local);

      at = given != NULL ? g_date_time_to_local (given) : NULL;
    }
  if (at == NULL)
    {
      g_autofree char *shown = quote (text);

      /* Translators: %s is what was given as a time. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("At: “%s” is not a date or an ISO 8601 time"), shown);
      return FALSE;
    }
  event->occurred_at = g_date_time_to_unix (at) * G_USEC_PER_SEC + g_date_time_get_microsecond (at);
  event->occurred_on = g_date_time_format (at, "%Y-%m-%d");
  return TRUE;
}

static const char *
member_text (JsonObject *object,
             const char *name,
             gboolean   *wrong_type)
{
  JsonNode *node = json_object_get_member (object, name);

  *wrong_type = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  *wrong_type = TRUE;
  return NULL;
}

/* One line into @event; uid look-ups cached in @uids. */
static gboolean
parse_line (XfRanking   *self,
            const char  *line,
            GHashTable  *uids,
            Event       *event,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *id_text = NULL;
  JsonObject *object;
  JsonNode *root, *node;
  const char *text;
  gboolean wrong;
  double value = 1;
  gpointer cached;

  /* json-glib keeps the last of "{…} {…}" and drops the first unsaid
   * (and leaks): such a line is refused before it is parsed. */
  if (xf_json_line_has_several_containers (line, -1))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("more than one JSON value on the line"));
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, line, -1, NULL))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("not a JSON object"));
      return FALSE;
    }
  if (xf_json_line_has_several_values (line, -1))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("more than one JSON value on the line"));
      return FALSE;
    }
  if ((root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("not a JSON object"));
      return FALSE;
    }
  object = json_node_get_object (root);

  /* pioneer */
  text = member_text (object, "pioneer", &wrong);
  if (text == NULL || *text == '\0')
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Pioneer: a pioneer’s uid is required"));
      return FALSE;
    }
  if (g_hash_table_lookup_extended (uids, text, NULL, &cached))
    event->pioneer_id = GPOINTER_TO_SIZE (cached) > 0 ? (gint64) GPOINTER_TO_SIZE (cached) : 0;
  else
    {
      XfDbStmt *stmt = _xf_ranking_prepare (self, "SELECT id FROM pioneers WHERE uid = $1", error);
      XfDbStep step;

      if (stmt == NULL)
        return FALSE;
      xf_db_stmt_bind_text (stmt, 1, g_utf8_validate (text, -1, NULL) ? text : "");
      step = xf_db_stmt_step (stmt, error);
      event->pioneer_id = step == XF_DB_STEP_ROW ? xf_db_stmt_column_int64 (stmt, 0) : 0;
      xf_db_stmt_reset (stmt);
      if (step == XF_DB_STEP_ERROR)
        return FALSE;
      g_hash_table_insert (uids, g_strdup (text), GSIZE_TO_POINTER ((gsize) event->pioneer_id));
    }
  if (event->pioneer_id <= 0)
    {
      g_autofree char *shown = quote (text);

      /* Translators: %s is a pioneer's uid. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Pioneer: no pioneer has the uid “%s”"), shown);
      return FALSE;
    }

  /* kind, value */
  event->kind = g_strdup (member_text (object, "kind", &wrong));
  node = json_object_get_member (object, "value");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

      if (type == G_TYPE_INT64)
        value = (double) json_node_get_int (node);
      else if (type == G_TYPE_DOUBLE)
        value = json_node_get_double (node);
      else
        value = NAN;
    }
  if (!check_event (event, value, error))
    return FALSE;

  /* at */
  text = member_text (object, "at", &wrong);
  if (wrong)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("At: must be text, a date or an ISO 8601 time"));
      return FALSE;
    }
  if (!parse_at (text, event, error) || !check_not_future (event, error))
    return FALSE;

  /* source, id, visitor */
  text = member_text (object, "source", &wrong);
  if (wrong)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Source: must be text"));
      return FALSE;
    }
  if (!check_text (C_("event", "Source"), text, TRUE, &event->source, error))
    return FALSE;
  if (g_str_equal (event->source, XF_ENGAGEMENT_SOURCE_APP))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Source: “app” is kept for the application’s own events"));
      return FALSE;
    }
  node = json_object_get_member (object, "id");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    id_text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else
    id_text = g_strdup (member_text (object, "id", &wrong));
  if (!check_text (_("Id"), id_text, TRUE, &event->source_id, error))
    return FALSE;
  text = member_text (object, "visitor", &wrong);
  if (wrong)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Visitor: must be text"));
      return FALSE;
    }
  return check_text (_("Visitor"), text, FALSE, &event->visitor, error);
}

XfEventImportReport *
xf_ranking_import_events (XfRanking     *self,
                          GInputStream  *input,
                          const char    *file_name,
                          gboolean       dry_run,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(XfEventImportReport) report = g_new0 (XfEventImportReport, 1);
  g_autoptr(GDataInputStream) data = NULL;
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *summary = NULL;
  guint number = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (XF_IS_RANKING (self), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (input), NULL);

  if (!_xf_ranking_check (self, XF_OP_RANKING_MANAGE, error))
    return NULL;
  report->problems = g_ptr_array_new_with_free_func (g_free);
  data = g_data_input_stream_new (input);
  g_data_input_stream_set_newline_type (data, G_DATA_STREAM_NEWLINE_TYPE_ANY);
  if (!dry_run && !_xf_ranking_begin (self, error))
    return NULL;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GError) problem = NULL;
      g_autofree char *line = NULL;
      g_autofree char *key = NULL;
      Event event = { 0 };
      gboolean duplicate = FALSE;

      line = g_data_input_stream_read_line (data, NULL, cancellable, &local_error);
      if (line == NULL)
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              ok = FALSE;
            }
          break;
        }
      number++;
      if (number == 1 && g_str_has_prefix (line, "\xEF\xBB\xBF"))
        memmove (line, line + 3, strlen (line + 3) + 1);
      g_strstrip (line);
      if (*line == '\0')
        continue;
      report->lines++;
      if (!parse_line (self, line, uids, &event, &problem))
        {
          if (problem->domain != XF_ERROR || problem->code != XF_ERROR_INVALID)
            {
              /* The database failed, not the line. */
              g_propagate_error (error, g_steal_pointer (&problem));
              event_clear (&event);
              ok = FALSE;
              break;
            }
          /* Translators: a line's number, then what is wrong with it. */
          g_ptr_array_add (report->problems, g_strdup_printf (_("Line %u: %s"), number, problem->message));
          event_clear (&event);
          continue;
        }
      key = g_strconcat (event.source, "\x1f", event.source_id, NULL);
      if (g_hash_table_contains (seen, key))
        duplicate = TRUE;
      else if (!is_duplicate (self, &event, &duplicate, error))
        {
          event_clear (&event);
          ok = FALSE;
          break;
        }
      if (duplicate)
        report->duplicates++;
      else
        {
          g_hash_table_add (seen, g_steal_pointer (&key));
          if (!dry_run && !insert_event (self, &event, error))
            {
              event_clear (&event);
              ok = FALSE;
              break;
            }
          report->added++;
        }
      event_clear (&event);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
    }

  if (dry_run)
    return ok ? g_steal_pointer (&report) : NULL;
  /* Audit values stay in English, like the codes. */
  summary = g_strdup_printf ("%u added, %u ignored as duplicates, %u refused (%s)",
                             report->added, report->duplicates, report->problems->len,
                             file_name != NULL ? file_name : "-");
  ok = ok && _xf_ranking_audit (self, XF_AUDIT_EVENTS_IMPORT, XF_RECORD_ENGAGEMENT, file_name,
                                NULL, NULL, summary, error);
  if (!_xf_ranking_end (self, ok, error))
    return NULL;
  return g_steal_pointer (&report);
}
