/* xf-services-import.c — the public channel's requests, as JSON lines
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-services"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xf-error.h"
#include "xf-json-line.h"
#include "xf-reference.h"
#include "xf-services-private.h"

/*
 * One request per line. A line is read whole (up to MAX_LINE bytes; a
 * longer one is skipped to its end and refused, so a runaway file cannot
 * fill the memory), checked as UTF-8, parsed as one JSON object, and its
 * fields checked here for what only the file can get wrong (types, a
 * source_id present, the booked pioneer's uid); the rest — region, date,
 * lengths, contact, item — is xf_services_create_request's, the desk's
 * very rules, which name the field too. Each
 * good line is its own transaction: a bad line never takes the good ones
 * with it. A line whose source_id is already stored — taken by an earlier
 * run or an earlier line — is skipped. Unknown members are ignored, so a
 * channel may send more than we read.
 */

#define MAX_LINE (64 * 1024)
#define CHUNK 8192

static void
refusal_free (XfImportRefusal *refusal)
{
  g_free (refusal->reason);
  g_free (refusal);
}

void
xf_service_import_report_free (XfServiceImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->refusals, g_ptr_array_unref);
  g_free (report);
}

static void
refuse (XfServiceImportReport *report,
        guint                  line,
        char                  *reason)
{
  XfImportRefusal *refusal = g_new0 (XfImportRefusal, 1);

  refusal->line = line;
  refusal->reason = reason;
  g_ptr_array_add (report->refusals, refusal);
  report->refused++;
}

/*
 * Reading lines
 */

typedef struct
{
  GInputStream *stream;
  GCancellable *cancellable;
  char          buffer[CHUNK];
  gsize         start;
  gsize         end;
  gboolean      eof;
  GString      *line;
  gboolean      too_long;
} LineReader;

/* The next line (without its end) into reader->line; FALSE at the end of
 * the stream (nothing read) or on error. reader->too_long tells a line
 * cut at MAX_LINE. */
static gboolean
read_line (LineReader  *reader,
           GError     **error)
{
  gboolean any = FALSE;

  g_string_truncate (reader->line, 0);
  reader->too_long = FALSE;
  for (;;)
    {
      const char *newline;
      gsize n;

      if (reader->start == reader->end)
        {
          gssize got;

          if (reader->eof)
            return any;
          got = g_input_stream_read (reader->stream, reader->buffer, sizeof reader->buffer,
                                     reader->cancellable, error);
          if (got < 0)
            return FALSE;
          reader->start = 0;
          reader->end = (gsize) got;
          if (got == 0)
            {
              reader->eof = TRUE;
              return any;
            }
        }
      any = TRUE;
      newline = memchr (reader->buffer + reader->start, '\n', reader->end - reader->start);
      n = newline != NULL ? (gsize) (newline - (reader->buffer + reader->start)) : reader->end - reader->start;
      if (!reader->too_long)
        {
          if (reader->line->len + n > MAX_LINE)
            {
              reader->too_long = TRUE;
              g_string_truncate (reader->line, 0);
            }
          else
            g_string_append_len (reader->line, reader->buffer + reader->start, n);
        }
      reader->start += n;
      if (newline != NULL)
        {
          reader->start++;
          break;
        }
    }
  if (reader->line->len > 0 && reader->line->str[reader->line->len - 1] == '\r')
    g_string_truncate (reader->line, reader->line->len - 1);
  return TRUE;
}

static gboolean
is_blank (const GString *line)
{
  for (gsize i = 0; i < line->len; i++)
    if (!g_ascii_isspace (line->str[i]))
      return FALSE;
  return TRUE;
}

/*
 * Checking one line
 */

/* The member @key as text: a string, or a whole number (a channel may
 * send ids and codes as numbers). NULL when absent or null; FALSE with
 * the reason naming @field when it is something else. */
static gboolean
member_text (JsonObject  *object,
             const char  *key,
             const char  *field,
             char       **out,
             char       **reason)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        {
          *out = g_strdup (json_node_get_string (node));
          return TRUE;
        }
      if (type == G_TYPE_INT64)
        {
          *out = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
          return TRUE;
        }
    }
  /* Translators: %s is a field's name ("Region"). */
  *reason = g_strdup_printf (_("%s: must be text"), field);
  return FALSE;
}

/* Whether a request with @source_id is stored; -1 on error. */
static int
source_id_seen (XfServices  *self,
                const char  *source_id,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  XfDbStmt *stmt = _xf_services_prepare (self, "SELECT 1 FROM service_requests WHERE source_id = $1", error);
  XfDbStep step;

  if (stmt == NULL)
    return -1;
  xf_db_stmt_bind_text (stmt, 1, source_id);
  step = xf_db_stmt_step (stmt, &local_error);
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  return step == XF_DB_STEP_ROW;
}

typedef enum
{
  LINE_TAKEN,
  LINE_SKIPPED,
  LINE_REFUSED,
  LINE_FAILED,     /* the database failed: stop */
} LineResult;

/* Fills @request from the line's object; FALSE with @reason when a field
 * is not right. */
static gboolean
read_request (XfServices        *self,
              JsonObject        *object,
              XfServiceRequest  *request,
              char             **reason)
{
  g_autofree char *pioneer = NULL;
  static const struct
  {
    const char *key;
    const char *field;   /* translated when used */
    gsize       offset;
  } fields[] = {
    { "source_id", N_("Source id"), G_STRUCT_OFFSET (XfServiceRequest, source_id) },
    { "requester", N_("Requester"), G_STRUCT_OFFSET (XfServiceRequest, requester_name) },
    { "contact", N_("Contact"), G_STRUCT_OFFSET (XfServiceRequest, requester_contact) },
    { "item", N_("Service item"), G_STRUCT_OFFSET (XfServiceRequest, item_code) },
    { "region", N_("Region"), G_STRUCT_OFFSET (XfServiceRequest, region_code) },
    { "place", N_("Place"), G_STRUCT_OFFSET (XfServiceRequest, place) },
    { "needed_by", N_("Needed by"), G_STRUCT_OFFSET (XfServiceRequest, needed_by) },
    { "preferred_time", N_("Preferred time"), G_STRUCT_OFFSET (XfServiceRequest, preferred_time) },
    { "description", N_("Description"), G_STRUCT_OFFSET (XfServiceRequest, description) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      char **slot = G_STRUCT_MEMBER_P (request, fields[i].offset);

      g_clear_pointer (slot, g_free);
      if (!member_text (object, fields[i].key, _(fields[i].field), slot, reason))
        return FALSE;
      if (*slot != NULL)
        g_strstrip (*slot);
    }
  if (!member_text (object, "pioneer", _("Pioneer"), &pioneer, reason))
    return FALSE;

  if (request->source_id == NULL || request->source_id[0] == '\0')
    {
      /* Translators: "source_id" is the member's name in the file: keep it. */
      *reason = g_strdup (_("Source id: source_id is required"));
      return FALSE;
    }
  /* The region, the date and the source_id's length are the desk's rules
   * too: xf_services_create_request judges them, with the same words. */
  if (pioneer != NULL && pioneer[0] != '\0')
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(XfPioneer) found = xf_registry_get_pioneer_by_uid (self->registry, g_strstrip (pioneer), &error);

      if (found == NULL)
        {
          /* Translators: %s is a pioneer's uid from the file. */
          *reason = g_error_matches (error, XF_ERROR, XF_ERROR_NOT_FOUND)
                    ? g_strdup_printf (_("Pioneer: no pioneer has the uid “%s”"), pioneer)
                    : g_strdup_printf (_("Pioneer: %s"), error->message);
          return FALSE;
        }
      request->booked_pioneer_id = xf_pioneer_get_id (found);
    }
  g_free (request->channel);
  request->channel = g_strdup (XF_REQUEST_CHANNEL_IMPORT);
  return TRUE;
}

/* What json-glib would read wrongly without a word: a whole number past
 * gint64 (it wraps, so two ids could meet as one source_id) and a \u0000
 * in a string (it cuts the text there). The reason, or NULL. */
static char *
unreadable_value (const char *text,
                  gsize       length)
{
  static const char max_positive[] = "9223372036854775807";
  static const char max_negative[] = "9223372036854775808";
  gboolean in_string = FALSE;
  gsize i = 0;

  while (i < length)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\' && i + 1 < length)
            {
              if (text[i + 1] == 'u' && i + 5 < length && memcmp (text + i + 2, "0000", 4) == 0)
                return g_strdup (_("A text contains a NUL character (\\u0000)"));
              i += 2;
              continue;
            }
          if (c == '"')
            in_string = FALSE;
          i++;
        }
      else if (c == '"')
        {
          in_string = TRUE;
          i++;
        }
      else if (g_ascii_isdigit (c))
        {
          gboolean negative = i > 0 && text[i - 1] == '-';
          gsize start = i, digits;

          while (i < length && g_ascii_isdigit (text[i]))
            i++;
          digits = i - start;
          if (i < length && (text[i] == '.' || text[i] == 'e' || text[i] == 'E'))
            {
              /* A fraction or an exponent: a double, read as such. */
              while (i < length && (g_ascii_isdigit (text[i]) || strchr (".eE+-", text[i]) != NULL))
                i++;
              continue;
            }
          if (digits > 19
              || (digits == 19 && memcmp (text + start, negative ? max_negative : max_positive, 19) > 0))
            return g_strdup (_("A number is too large: send ids and codes as text"));
        }
      else
        i++;
    }
  return NULL;
}

static LineResult
import_line (XfServices  *self,
             const char  *text,
             gsize        length,
             char       **reason,
             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(XfServiceRequest) request = xf_service_request_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  int seen;

  if (!g_utf8_validate_len (text, length, NULL))
    {
      *reason = g_strdup (_("Not valid UTF-8 text"));
      return LINE_REFUSED;
    }
  *reason = unreadable_value (text, length);
  if (*reason != NULL)
    return LINE_REFUSED;
  /* json-glib keeps the last of "{…} {…}" and drops the first unsaid
   * (and leaks): such a line is refused before it is parsed. */
  if (xf_json_line_has_several_containers (text, (gssize) length))
    {
      *reason = g_strdup (_("More than one JSON value on the line: each line is one request { … }"));
      return LINE_REFUSED;
    }
  if (!json_parser_load_from_data (parser, text, (gssize) length, &local_error))
    {
      /* json-glib quotes the bad token cut at a byte count, which can split
       * a character (tests/fuzz/regressions/services-import/). */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      /* Translators: %s is the JSON parser's own message. */
      *reason = g_strdup_printf (_("Not JSON: %s"), message);
      return LINE_REFUSED;
    }
  /* json-glib keeps the last of "{…} {…}" and drops the first unsaid */
  if (xf_json_line_has_several_values (text, (gssize) length))
    {
      *reason = g_strdup (_("More than one JSON value on the line: each line is one request { … }"));
      return LINE_REFUSED;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      *reason = g_strdup (_("Not a JSON object: each line is one request { … }"));
      return LINE_REFUSED;
    }
  if (!read_request (self, json_node_get_object (root), request, reason))
    return LINE_REFUSED;

  seen = source_id_seen (self, request->source_id, error);
  if (seen < 0)
    return LINE_FAILED;
  if (seen > 0)
    return LINE_SKIPPED;

  if (xf_services_create_request (self, request, &local_error) > 0)
    return LINE_TAKEN;
  /* Another import may have taken the same line meanwhile. */
  if (g_error_matches (local_error, XF_ERROR, XF_ERROR_DUPLICATE)
      && source_id_seen (self, request->source_id, NULL) > 0)
    return LINE_SKIPPED;
  if (local_error->domain == XF_ERROR
      && (local_error->code == XF_ERROR_INVALID || local_error->code == XF_ERROR_NOT_FOUND
          || local_error->code == XF_ERROR_PERMISSION_DENIED || local_error->code == XF_ERROR_WORKFLOW
          || local_error->code == XF_ERROR_DUPLICATE || local_error->code == XF_ERROR_CONFLICT))
    {
      *reason = g_strdup (local_error->message);
      return LINE_REFUSED;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return LINE_FAILED;
}

XfServiceImportReport *
xf_services_import_requests (XfServices    *self,
                             GInputStream  *stream,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(XfServiceImportReport) report = g_new0 (XfServiceImportReport, 1);
  g_autoptr(GString) line = g_string_sized_new (256);
  LineReader reader = { 0 };
  guint number = 0;

  g_return_val_if_fail (XF_IS_SERVICES (self), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Nobody who may not enter requests anywhere gets a line-by-line refusal. */
  if (!xf_permission_allows_somewhere (self->actor, XF_OP_SERVICE_DISPATCH)
      && !_xf_services_check_anywhere (self, XF_OP_REQUEST_EDIT, error))
    return NULL;
  /* Region codes are checked against the reference data. */
  if (!xf_reference_ensure (xf_reference_get_shared (), XF_REFERENCE_REGIONS, error))
    return NULL;

  report->refusals = g_ptr_array_new_with_free_func ((GDestroyNotify) refusal_free);
  reader.stream = stream;
  reader.cancellable = cancellable;
  reader.line = line;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      char *reason = NULL;
      const char *text;
      gsize length;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (!read_line (&reader, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          break;
        }
      number++;
      if (reader.too_long)
        {
          /* Translators: %d is a number of kibibytes. */
          refuse (report, number, g_strdup_printf (_("The line is longer than %d KiB"), MAX_LINE / 1024));
          continue;
        }
      text = line->str;
      length = line->len;
      /* A byte-order mark some editors put first. */
      if (number == 1 && length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
        {
          text += 3;
          length -= 3;
        }
      if (length == 0 || is_blank (line))
        continue;

      switch (import_line (self, text, length, &reason, &local_error))
        {
        case LINE_TAKEN:
          report->taken++;
          break;
        case LINE_SKIPPED:
          report->skipped++;
          break;
        case LINE_REFUSED:
          refuse (report, number, reason);
          break;
        case LINE_FAILED:
        default:
          /* Translators: %u is a line number, %s the database's message. */
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), _("Line %u: "), number);
          return NULL;
        }
    }
  return g_steal_pointer (&report);
}
