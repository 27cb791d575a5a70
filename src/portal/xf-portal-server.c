/* xf-portal-server.c — the portal's HTTP server (libsoup 3)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-portal-server"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "xf-portal-html.h"
#include "xf-portal-server.h"

/*
 * How a request goes:
 *
 *  request-started   an Exchange (start time, body limit) is tied to the
 *                    message;
 *  got-headers       a Content-Length over the limit (max-body, or
 *                    max-upload for multipart/form-data on the one path
 *                    that takes a file, POST /notices/ID/objections) is
 *                    refused at once, before a byte of the body is read:
 *                    see Refusal; so is a POST over its address's rate
 *                    limit (429) or without a valid visitor cookie (403),
 *                    as the router decides (xf_portal_router_check_headers),
 *                    which counts the request then and not again;
 *  got-chunk         a body without a Content-Length (chunked) is counted
 *                    as it comes and refused the same way once it grows
 *                    past the limit, so it never lies in memory whole;
 *  handler           the message becomes an XfPortalRequest (400 for what
 *                    cannot be decoded), the router answers, the answer
 *                    goes back into the message;
 *  request-finished  one line on standard error.
 *
 * Refusal: libsoup reads a request's whole body before it writes any
 * answer (unless the client asked "Expect: 100-continue"). To refuse
 * without reading, the connection is taken from libsoup
 * (soup_server_message_steal_connection), the 413 page written on it,
 * its sending side shut, and what the client still sends read and thrown
 * away for a little while (at most DRAIN_MAX bytes, DRAIN_SECONDS) before
 * it is closed: closing at once, with the client's data unread, would make
 * the kernel reset the connection, and the client could lose the page.
 */

#define DRAIN_MAX     (1024 * 1024)
#define DRAIN_SECONDS 5
/* A log line shows at most this much of a path. */
#define LOG_PATH_MAX  200

#define CONTENT_SECURITY_POLICY "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"

struct _XfPortalServer
{
  GObject          parent_instance;

  XfPortalContext *ctx;        /* borrowed */
  SoupServer      *server;
  GPtrArray       *trusted;    /* (element-type GInetAddressMask) */
  guint            port;
};

G_DEFINE_FINAL_TYPE (XfPortalServer, xf_portal_server, G_TYPE_OBJECT)

/* What the server keeps about one message, as its data "xf-exchange". */
typedef struct
{
  gint64   started_us;    /* monotonic */
  guint64  limit;         /* bytes this body may have */
  guint64  received;      /* bytes of body so far */
  gboolean refused;       /* answered on a stolen connection */
  gboolean rate_counted;  /* the router's rate limits were applied at the headers */
  gboolean logged;
} Exchange;

static Exchange *
get_exchange (SoupServerMessage *msg)
{
  return g_object_get_data (G_OBJECT (msg), "xf-exchange");
}

/*
 * The log
 */

/* The path as sent (percent-encoded), printable ASCII only and cut short,
 * so that nothing a client sends can forge or garble a log line. */
static char *
path_for_log (SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *path = uri != NULL ? g_uri_get_path (uri) : NULL;
  GString *out;

  if (path == NULL || path[0] == '\0')
    return g_strdup ("-");
  out = g_string_new (NULL);
  for (const char *p = path; *p != '\0' && out->len < LOG_PATH_MAX; p++)
    {
      guchar c = (guchar) *p;

      if (c <= 0x20 || c >= 0x7f || c == '%')
        g_string_append_printf (out, "%%%02X", c);
      else
        g_string_append_c (out, (char) c);
    }
  if (strlen (path) > out->len)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

static void
log_request (SoupServerMessage *msg,
             guint              status,
             const char        *note)
{
  Exchange *exchange = get_exchange (msg);
  const char *method = soup_server_message_get_method (msg);
  g_autofree char *path = NULL;
  gint64 elapsed = 0;

  if (exchange != NULL)
    {
      if (exchange->logged)
        return;
      exchange->logged = TRUE;
      elapsed = g_get_monotonic_time () - exchange->started_us;
    }
  path = path_for_log (msg);
  /* One fprintf, so one write on the unbuffered stderr: lines of
   * concurrent requests never mix. Never the query, the form or a cookie. */
  fprintf (stderr, "%s %s %u %" G_GINT64_FORMAT "us%s%s\n",
           method != NULL ? method : "-", path, status, elapsed,
           note != NULL ? " " : "", note != NULL ? note : "");
}

static void
request_finished_cb (SoupServer        *server,
                     SoupServerMessage *msg,
                     gpointer           user_data)
{
  log_request (msg, soup_server_message_get_status (msg), NULL);
}

static void
request_aborted_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  log_request (msg, soup_server_message_get_status (msg), "aborted");
}

/*
 * From the message to an XfPortalRequest
 */

static gboolean
is_text (const char *data,
         gsize       size)
{
  /* g_utf8_validate_len also refuses NUL bytes. */
  return g_utf8_validate_len (data, size, NULL);
}

/* An IPv4 peer on a dual-stack socket shows as ::ffff:a.b.c.d. */
static GInetAddress *
unmap_address (GInetAddress *address)
{
  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6)
    {
      const guint8 *bytes = g_inet_address_to_bytes (address);
      static const guint8 prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

      if (memcmp (bytes, prefix, sizeof prefix) == 0)
        return g_inet_address_new_from_bytes (bytes + 12, G_SOCKET_FAMILY_IPV4);
    }
  return g_object_ref (address);
}

static gboolean
is_trusted (XfPortalServer *self,
            GInetAddress   *address)
{
  for (guint i = 0; i < self->trusted->len; i++)
    {
      GInetAddressMask *mask = g_ptr_array_index (self->trusted, i);

      if (g_inet_address_mask_get_family (mask) == g_inet_address_get_family (address)
          && g_inet_address_mask_matches (mask, address))
        return TRUE;
    }
  return FALSE;
}

/* One hop of X-Forwarded-For: "192.0.2.1", "2001:db8::1", "[2001:db8::1]". */
static GInetAddress *
parse_hop (const char *hop)
{
  g_autofree char *text = g_strstrip (g_strdup (hop));
  gsize len = strlen (text);
  g_autoptr(GInetAddress) address = NULL;

  if (len > 2 && text[0] == '[' && text[len - 1] == ']')
    {
      text[len - 1] = '\0';
      address = g_inet_address_new_from_string (text + 1);
    }
  else
    address = g_inet_address_new_from_string (text);
  return address != NULL ? unmap_address (address) : NULL;
}

/* The client: the peer, or when the peer is a trusted proxy the last hop
 * of X-Forwarded-For that is not itself a trusted proxy (with one proxy,
 * simply the last hop). Hops before an untrusted one are the client's own
 * say and are not believed; a malformed hop ends the walk. */
static char *
client_address (XfPortalServer    *self,
                SoupServerMessage *msg)
{
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);
  g_autoptr(GInetAddress) client = NULL;
  const char *forwarded;
  g_auto(GStrv) hops = NULL;

  if (!G_IS_INET_SOCKET_ADDRESS (remote))
    return g_strdup ("");
  client = unmap_address (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote)));
  if (!is_trusted (self, client))
    return g_inet_address_to_string (client);

  /* get_list joins repeated headers with ", " in their order. */
  forwarded = soup_message_headers_get_list (soup_server_message_get_request_headers (msg),
                                             "X-Forwarded-For");
  if (forwarded == NULL)
    return g_inet_address_to_string (client);
  hops = g_strsplit (forwarded, ",", -1);
  for (guint i = g_strv_length (hops); i > 0; i--)
    {
      g_autoptr(GInetAddress) hop = parse_hop (hops[i - 1]);

      if (hop == NULL)
        break;
      g_set_object (&client, hop);
      if (!is_trusted (self, hop))
        break;
    }
  return g_inet_address_to_string (client);
}

static void
parse_cookies (XfPortalRequest *request,
               const char      *header)
{
  g_auto(GStrv) pairs = NULL;

  if (header == NULL)
    return;
  pairs = g_strsplit (header, ";", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *pair = g_strstrip (pairs[i]);
      char *eq = strchr (pair, '=');
      char *name, *value;
      gsize len;

      if (eq == NULL || eq == pair)
        continue;
      *eq = '\0';
      name = g_strstrip (pair);
      value = g_strstrip (eq + 1);
      len = strlen (value);
      if (len >= 2 && value[0] == '"' && value[len - 1] == '"')
        {
          value[len - 1] = '\0';
          value++;
        }
      /* Someone else's cookie on the same host may hold anything: a cookie
       * that is not text is left out rather than refusing the request. The
       * first of a name is the most specific one. */
      if (!g_utf8_validate (name, -1, NULL) || !g_utf8_validate (value, -1, NULL)
          || g_hash_table_contains (request->cookies, name))
        continue;
      g_hash_table_insert (request->cookies, g_strdup (name), g_strdup (value));
    }
}

static char *
header_text (SoupMessageHeaders *headers,
             const char         *name)
{
  const char *value = soup_message_headers_get_one (headers, name);

  /* Headers may be Latin-1; what is not UTF-8 is as good as absent. */
  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    return NULL;
  return g_strdup (value);
}

/* application/x-www-form-urlencoded, strictly: a bad escape, an escaped
 * NUL or text that is not UTF-8 makes the whole form unreadable (unlike
 * soup_form_decode, which drops such fields without a word). */
static gboolean
decode_urlencoded (const char *data,
                   gsize       size,
                   GHashTable *into)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) pairs = NULL;

  if (size == 0)
    return TRUE;
  if (memchr (data, '\0', size) != NULL)
    return FALSE;
  copy = g_strndup (data, size);
  g_strchomp (copy);
  pairs = g_strsplit (copy, "&", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *pair = pairs[i];
      char *eq;
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (pair[0] == '\0')
        continue;
      g_strdelimit (pair, "+", ' ');
      eq = strchr (pair, '=');
      if (eq != NULL)
        *eq = '\0';
      name = g_uri_unescape_string (pair, NULL);
      value = g_uri_unescape_string (eq != NULL ? eq + 1 : "", NULL);
      if (name == NULL || value == NULL
          || !g_utf8_validate (name, -1, NULL) || !g_utf8_validate (value, -1, NULL))
        return FALSE;
      g_hash_table_replace (into, g_steal_pointer (&name), g_steal_pointer (&value));
    }
  return TRUE;
}

/* "C:\fakepath\photo.jpg" (old browsers) → "photo.jpg". */
static char *
upload_base_name (const char *file_name)
{
  const char *slash = strrchr (file_name, '/');
  const char *backslash = strrchr (file_name, '\\');
  const char *base = file_name;

  if (slash != NULL)
    base = slash + 1;
  if (backslash != NULL && backslash + 1 > base)
    base = backslash + 1;
  return g_strdup (base);
}

static gboolean
decode_multipart (SoupMessageHeaders *headers,
                  GBytes             *body,
                  XfPortalRequest    *request)
{
  SoupMultipart *multipart = soup_multipart_new_from_message (headers, body);
  gboolean ok = TRUE;
  int n;

  if (multipart == NULL)
    return FALSE;
  n = soup_multipart_get_length (multipart);
  for (int i = 0; i < n && ok; i++)
    {
      SoupMessageHeaders *part_headers;
      GBytes *part_body;
      g_autofree char *disposition = NULL;
      g_autoptr(GHashTable) params = NULL;
      const char *name, *file_name, *data;
      gsize size;

      if (!soup_multipart_get_part (multipart, i, &part_headers, &part_body)
          || !soup_message_headers_get_content_disposition (part_headers, &disposition, &params)
          || g_ascii_strcasecmp (disposition, "form-data") != 0
          || (name = g_hash_table_lookup (params, "name")) == NULL
          || !g_utf8_validate (name, -1, NULL))
        {
          ok = FALSE;
          break;
        }
      file_name = g_hash_table_lookup (params, "filename");
      data = g_bytes_get_data (part_body, &size);

      if (g_str_equal (name, "file") && file_name != NULL)
        {
          const char *type = soup_message_headers_get_content_type (part_headers, NULL);

          /* A file input left empty sends filename="" and no bytes. */
          if (file_name[0] == '\0' && size == 0)
            continue;
          if (!g_utf8_validate (file_name, -1, NULL))
            {
              ok = FALSE;
              break;
            }
          g_clear_pointer (&request->upload, g_bytes_unref);
          g_free (request->upload_name);
          g_free (request->upload_type);
          request->upload = g_bytes_ref (part_body);
          request->upload_name = upload_base_name (file_name);
          request->upload_type = g_strdup (type != NULL ? type : "application/octet-stream");
        }
      else if (file_name != NULL || !is_text (data != NULL ? data : "", size))
        ok = FALSE;
      else
        g_hash_table_replace (request->form, g_strdup (name), g_strndup (data, size));
    }
  soup_multipart_free (multipart);
  return ok;
}

typedef enum
{
  BUILD_OK,
  BUILD_BAD_REQUEST,
  BUILD_TOO_LARGE,
} BuildResult;

/* Fills @request from @msg. Whatever the result, @request has its method,
 * path, cookies and Accept-Language, enough for an error page in the
 * visitor's language. */
static BuildResult
build_request (XfPortalServer    *self,
               SoupServerMessage *msg,
               GHashTable        *query,
               XfPortalRequest   *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  Exchange *exchange = get_exchange (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *content_type;
  GHashTableIter iter;
  gpointer key, value;
  BuildResult result = BUILD_OK;

  g_free (request->address);
  request->address = client_address (self, msg);
  request->rate_counted = exchange != NULL && exchange->rate_counted;
  request->user_agent = header_text (headers, "User-Agent");
  request->accept_language = header_text (headers, "Accept-Language");
  parse_cookies (request, soup_message_headers_get_one (headers, "Cookie"));

  /* libsoup 3.2 gives the path decoded already (the handler's path is
   * the same string): decoding it again would turn "%252F" into "/".
   * Bytes that are not UTF-8 are no path of ours. */
  path = g_strdup (uri != NULL && g_uri_get_path (uri)[0] != '\0' ? g_uri_get_path (uri) : "/");
  if (!g_utf8_validate (path, -1, NULL))
    result = BUILD_BAD_REQUEST;
  else
    {
      g_free (request->path);
      request->path = g_steal_pointer (&path);
    }

  /* The query as soup_form_decode gave it (a pair it cannot decode is left
   * out: links from elsewhere may carry anything); its text must be UTF-8. */
  if (query != NULL)
    {
      g_hash_table_iter_init (&iter, query);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          if (!g_utf8_validate (key, -1, NULL) || !g_utf8_validate (value, -1, NULL))
            {
              result = BUILD_BAD_REQUEST;
              continue;
            }
          g_hash_table_replace (request->query, g_strdup (key), g_strdup (value));
        }
    }
  if (result != BUILD_OK)
    return result;

  if (body == NULL || body->length == 0)
    return BUILD_OK;
  if (exchange != NULL && (guint64) body->length > exchange->limit)
    return BUILD_TOO_LARGE;

  bytes = soup_message_body_flatten (body);
  content_type = soup_message_headers_get_content_type (headers, NULL);
  if (content_type == NULL)
    return BUILD_BAD_REQUEST;
  if (g_ascii_strcasecmp (content_type, "application/x-www-form-urlencoded") == 0)
    {
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      return decode_urlencoded (data, size, request->form) ? BUILD_OK : BUILD_BAD_REQUEST;
    }
  if (g_ascii_strcasecmp (content_type, "multipart/form-data") == 0)
    return decode_multipart (headers, bytes, request) ? BUILD_OK : BUILD_BAD_REQUEST;
  /* No form of ours is sent any other way. */
  return BUILD_BAD_REQUEST;
}

/*
 * Answers
 */

static void
add_page_headers (XfPortalResponse *response)
{
  xf_portal_response_add_header (response, "X-Content-Type-Options", "nosniff");
  xf_portal_response_add_header (response, "Referrer-Policy", "same-origin");
  xf_portal_response_add_header (response, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
  xf_portal_response_add_header (response, "Cache-Control", "no-store");
}

/* An error page the server makes itself (400, 413), before the router. */
static XfPortalResponse *
server_error_page (XfPortalRequest *request,
                   guint            status,
                   guint64          limit)
{
  XfPortalResponse *response;

  xf_portal_request_language (request);
  if (status == 413)
    {
      g_autofree char *size = g_format_size (limit);
      /* TRANSLATORS: %s is a size such as "65.5 kB" */
      g_autofree char *message = g_strdup_printf (_("What was sent is larger than this site accepts (at most %s)."),
                                                  size);

      response = xf_portal_error_page (request, status, message);
    }
  else
    response = xf_portal_error_page (request, status,
                                     _("What was sent could not be read. Please go back and try again."));
  add_page_headers (response);
  return response;
}

static void
respond (SoupServerMessage *msg,
         XfPortalResponse  *response)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  soup_server_message_set_status (msg, response->status, NULL);
  for (guint i = 0; i + 1 < response->headers->len; i += 2)
    soup_message_headers_append (headers,
                                 g_ptr_array_index (response->headers, i),
                                 g_ptr_array_index (response->headers, i + 1));
  soup_message_headers_replace (headers, "Content-Type", response->content_type);
  /* HEAD: libsoup sends the headers (Content-Length included) and no body. */
  soup_message_headers_set_content_length (headers, g_bytes_get_size (response->body));
  soup_message_body_truncate (body);
  /* libsoup refuses an empty chunk (a critical): redirects have no body. */
  if (g_bytes_get_size (response->body) > 0)
    soup_message_body_append_bytes (body, response->body);
}

static void
handle_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  XfPortalServer *self = user_data;
  Exchange *exchange = get_exchange (msg);
  g_autoptr(XfPortalRequest) request = NULL;
  g_autoptr(XfPortalResponse) response = NULL;

  g_assert (XF_IS_PORTAL_SERVER (self));

  if (exchange != NULL && exchange->refused)
    return;

  request = xf_portal_request_new (soup_server_message_get_method (msg), "/");
  switch (build_request (self, msg, query, request))
    {
    case BUILD_OK:
      response = xf_portal_router_handle (self->ctx, request);
      break;
    case BUILD_BAD_REQUEST:
      response = server_error_page (request, 400, 0);
      break;
    case BUILD_TOO_LARGE:
      response = server_error_page (request, 413, exchange != NULL ? exchange->limit : 0);
      break;
    default:
      g_assert_not_reached ();
    }
  respond (msg, response);
}

/*
 * Refusing a body too large, before reading it
 */

typedef struct
{
  GIOStream    *stream;
  GBytes       *answer;
  GCancellable *cancellable;
  guint         timeout_id;
  gsize         drained;
  guint8        buffer[8192];
} Refusal;

static void
refusal_free (Refusal *refusal)
{
  g_clear_handle_id (&refusal->timeout_id, g_source_remove);
  /* Closing a socket stream closes the socket: the end of this connection. */
  g_io_stream_close (refusal->stream, NULL, NULL);
  g_clear_object (&refusal->stream);
  g_clear_object (&refusal->cancellable);
  g_clear_pointer (&refusal->answer, g_bytes_unref);
  g_free (refusal);
}

static gboolean
refusal_timeout_cb (gpointer user_data)
{
  Refusal *refusal = user_data;

  refusal->timeout_id = 0;
  g_cancellable_cancel (refusal->cancellable);
  return G_SOURCE_REMOVE;
}

static void
drained_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Refusal *refusal = user_data;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, NULL);

  if (n <= 0 || (refusal->drained += n) >= DRAIN_MAX)
    {
      refusal_free (refusal);
      return;
    }
  g_input_stream_read_async (G_INPUT_STREAM (source), refusal->buffer, sizeof refusal->buffer,
                             G_PRIORITY_DEFAULT, refusal->cancellable, drained_cb, refusal);
}

static void
answer_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Refusal *refusal = user_data;
  GSocket *socket;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, NULL))
    {
      refusal_free (refusal);
      return;
    }

  /* The client reads the page and then the end of the stream; what it is
   * still sending is read and dropped until it stops, DRAIN_MAX or the
   * timeout, whichever comes first. */
  socket = g_object_get_data (G_OBJECT (refusal->stream), "GSocket");
  if (socket == NULL && G_IS_SOCKET_CONNECTION (refusal->stream))
    socket = g_socket_connection_get_socket (G_SOCKET_CONNECTION (refusal->stream));
  if (G_IS_SOCKET (socket))
    g_socket_shutdown (socket, FALSE, TRUE, NULL);

  refusal->timeout_id = g_timeout_add_seconds (DRAIN_SECONDS, refusal_timeout_cb, refusal);
  g_input_stream_read_async (g_io_stream_get_input_stream (refusal->stream),
                             refusal->buffer, sizeof refusal->buffer,
                             G_PRIORITY_DEFAULT, refusal->cancellable, drained_cb, refusal);
}

/* The raw HTTP/1.1 answer: status line, headers, body. */
static GBytes *
serialize_answer (SoupServerMessage *msg,
                  XfPortalResponse  *response)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = soup_date_time_to_string (now, SOUP_DATE_HTTP);
  gsize size;
  const char *data = g_bytes_get_data (response->body, &size);

  g_string_append_printf (out, "HTTP/1.1 %u %s\r\n", response->status,
                          soup_status_get_phrase (response->status));
  g_string_append_printf (out, "Date: %s\r\n", date);
  g_string_append_printf (out, "Content-Type: %s\r\n", response->content_type);
  g_string_append_printf (out, "Content-Length: %" G_GSIZE_FORMAT "\r\n", size);
  g_string_append (out, "Connection: close\r\n");
  for (guint i = 0; i + 1 < response->headers->len; i += 2)
    g_string_append_printf (out, "%s: %s\r\n",
                            (const char *) g_ptr_array_index (response->headers, i),
                            (const char *) g_ptr_array_index (response->headers, i + 1));
  g_string_append (out, "\r\n");
  if (g_strcmp0 (soup_server_message_get_method (msg), "HEAD") != 0 && size > 0)
    g_string_append_len (out, data, size);
  return g_string_free_to_bytes (out);
}

/* What the headers tell: the method, @path (or "/"), the client's
 * address, the cookies, Accept-Language and ?lang, enough for the
 * router's checks at the headers and for a page in the visitor's
 * language. */
static XfPortalRequest *
request_from_headers (XfPortalServer    *self,
                      SoupServerMessage *msg,
                      const char        *path)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  g_autoptr(GHashTable) query = NULL;
  XfPortalRequest *request;

  request = xf_portal_request_new (soup_server_message_get_method (msg), path != NULL ? path : "/");
  g_free (request->address);
  request->address = client_address (self, msg);
  request->accept_language = header_text (headers, "Accept-Language");
  parse_cookies (request, soup_message_headers_get_one (headers, "Cookie"));
  if (uri != NULL && g_uri_get_query (uri) != NULL)
    query = soup_form_decode (g_uri_get_query (uri));
  if (query != NULL && g_hash_table_lookup (query, "lang") != NULL
      && g_utf8_validate (g_hash_table_lookup (query, "lang"), -1, NULL))
    g_hash_table_replace (request->query, g_strdup ("lang"), g_strdup (g_hash_table_lookup (query, "lang")));
  return request;
}

/* Answers @response on the connection taken from libsoup, before the
 * body is read. */
static void
refuse (SoupServerMessage *msg,
        Exchange          *exchange,
        XfPortalResponse  *response)
{
  Refusal *refusal;
  GIOStream *stream;

  exchange->refused = TRUE;
  log_request (msg, response->status, NULL);

  stream = soup_server_message_steal_connection (msg);
  if (stream == NULL)
    {
      /* Not expected; then libsoup reads the body (not kept: accumulate
       * is off) and sends the page after it. */
      soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
      soup_message_body_truncate (soup_server_message_get_request_body (msg));
      respond (msg, response);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Connection", "close");
      return;
    }

  refusal = g_new0 (Refusal, 1);
  refusal->stream = stream;
  refusal->cancellable = g_cancellable_new ();
  refusal->answer = serialize_answer (msg, response);
  g_output_stream_write_all_async (g_io_stream_get_output_stream (stream),
                                   g_bytes_get_data (refusal->answer, NULL),
                                   g_bytes_get_size (refusal->answer),
                                   G_PRIORITY_DEFAULT, refusal->cancellable,
                                   answer_written_cb, refusal);
}

static void
refuse_too_large (XfPortalServer    *self,
                  SoupServerMessage *msg,
                  Exchange          *exchange)
{
  g_autoptr(XfPortalRequest) request = NULL;
  g_autoptr(XfPortalResponse) response = NULL;

  request = request_from_headers (self, msg, NULL);

  /* A refusal is a submission too (it would have been one): an address
   * that keeps sending bodies too large is not answered without end, and
   * past its submissions limit its connection is simply closed. A POST
   * counted at its headers already is not counted again. */
  if (!exchange->rate_counted
      && !xf_portal_guard_allow (self->ctx->guard, XF_PORTAL_LIMIT_POST, request->address,
                                 g_get_real_time (), NULL))
    {
      exchange->refused = TRUE;
      log_request (msg, 413, "closed");
      g_socket_close (soup_server_message_get_socket (msg), NULL);
      return;
    }

  response = server_error_page (request, 413, exchange->limit);
  refuse (msg, exchange, response);
}

static void
got_headers_cb (SoupServerMessage *msg,
                gpointer           user_data)
{
  XfPortalServer *self = user_data;
  Exchange *exchange = get_exchange (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  const char *content_type;
  const char *path;
  GUri *uri;

  g_assert (XF_IS_PORTAL_SERVER (self));

  /* libsoup itself may have answered already (a malformed request). */
  if (exchange == NULL || soup_server_message_get_status (msg) != 0)
    return;

  /* A path that is not UTF-8 is left to build_request (400). */
  uri = soup_server_message_get_uri (msg);
  path = uri != NULL && g_uri_get_path (uri)[0] != '\0' ? g_uri_get_path (uri) : "/";
  if (!g_utf8_validate (path, -1, NULL))
    path = NULL;

  /* Only the objection form sends a file; any other body is a form. */
  content_type = soup_message_headers_get_content_type (headers, NULL);
  if (content_type != NULL && g_ascii_strcasecmp (content_type, "multipart/form-data") == 0
      && path != NULL && xf_portal_router_takes_upload (method, path))
    exchange->limit = self->ctx->config->max_upload;
  else
    exchange->limit = self->ctx->config->max_body;

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
      && (guint64) soup_message_headers_get_content_length (headers) > exchange->limit)
    {
      refuse_too_large (self, msg, exchange);
      return;
    }

  /* The checks of a POST that need no body: the body of a refused one is
   * never read, let alone parsed. */
  if (path != NULL && g_strcmp0 (method, "POST") == 0)
    {
      g_autoptr(XfPortalRequest) request = request_from_headers (self, msg, path);
      g_autoptr(XfPortalResponse) response = xf_portal_router_check_headers (self->ctx, request);

      exchange->rate_counted = request->rate_counted;
      if (response != NULL)
        refuse (msg, exchange, response);
    }
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  XfPortalServer *self = user_data;
  Exchange *exchange = get_exchange (msg);

  g_assert (XF_IS_PORTAL_SERVER (self));

  if (exchange == NULL || exchange->refused)
    return;
  exchange->received += g_bytes_get_size (chunk);
  if (exchange->received > exchange->limit)
    refuse_too_large (self, msg, exchange);
}

static void
request_started_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  XfPortalServer *self = user_data;
  Exchange *exchange = g_new0 (Exchange, 1);

  exchange->started_us = g_get_monotonic_time ();
  exchange->limit = self->ctx->config->max_body;
  g_object_set_data_full (G_OBJECT (msg), "xf-exchange", exchange, g_free);
  g_signal_connect_object (msg, "got-headers", G_CALLBACK (got_headers_cb), self, 0);
  g_signal_connect_object (msg, "got-chunk", G_CALLBACK (got_chunk_cb), self, 0);
}

/*
 * The object
 */

static void
xf_portal_server_dispose (GObject *object)
{
  XfPortalServer *self = XF_PORTAL_SERVER (object);

  if (self->server != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->server, self);
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
    }

  G_OBJECT_CLASS (xf_portal_server_parent_class)->dispose (object);
}

static void
xf_portal_server_finalize (GObject *object)
{
  XfPortalServer *self = XF_PORTAL_SERVER (object);

  g_clear_pointer (&self->trusted, g_ptr_array_unref);

  G_OBJECT_CLASS (xf_portal_server_parent_class)->finalize (object);
}

static void
xf_portal_server_class_init (XfPortalServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xf_portal_server_dispose;
  object_class->finalize = xf_portal_server_finalize;
}

static void
xf_portal_server_init (XfPortalServer *self)
{
  self->trusted = g_ptr_array_new_with_free_func (g_object_unref);
}

XfPortalServer *
xf_portal_server_new (XfPortalContext *ctx)
{
  XfPortalServer *self;

  g_return_val_if_fail (ctx != NULL, NULL);
  g_return_val_if_fail (ctx->config != NULL, NULL);

  self = g_object_new (XF_TYPE_PORTAL_SERVER, NULL);
  self->ctx = ctx;

  /* The configuration checked these already; one that slipped through is
   * simply not trusted. */
  for (guint i = 0; ctx->config->trusted_proxies != NULL && ctx->config->trusted_proxies[i] != NULL; i++)
    {
      GInetAddressMask *mask = g_inet_address_mask_new_from_string (ctx->config->trusted_proxies[i], NULL);

      if (mask != NULL)
        g_ptr_array_add (self->trusted, mask);
    }

  self->server = soup_server_new ("server-header", "xianfeng-portal", NULL);
  g_signal_connect (self->server, "request-started", G_CALLBACK (request_started_cb), self);
  g_signal_connect (self->server, "request-finished", G_CALLBACK (request_finished_cb), self);
  g_signal_connect (self->server, "request-aborted", G_CALLBACK (request_aborted_cb), self);
  soup_server_add_handler (self->server, NULL, handle_cb, self, NULL);
  return self;
}

gboolean
xf_portal_server_listen (XfPortalServer  *self,
                         GError         **error)
{
  const XfPortalConfig *config;
  g_autoptr(GInetAddress) address = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GError) local_error = NULL;
  GSList *listeners;

  g_return_val_if_fail (XF_IS_PORTAL_SERVER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  config = self->ctx->config;
  address = g_inet_address_new_from_string (config->listen_address);
  if (address == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an IP address to listen on"), config->listen_address);
      return FALSE;
    }
  socket_address = g_inet_socket_address_new (address, config->listen_port);
  if (!soup_server_listen (self->server, socket_address, 0, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* TRANSLATORS: an address, a port, then why */
                   _("Could not listen on %s port %u: %s"),
                   config->listen_address, config->listen_port, local_error->message);
      return FALSE;
    }

  if (!g_inet_address_get_is_loopback (address))
    /* Not g_warning: the portal is allowed to do this, and a warning would
     * abort under G_DEBUG=fatal-warnings. */
    g_printerr (_("xianfeng-portal: listening on %s, which is not loopback: the portal is meant "
                  "to sit behind the organisation’s reverse proxy (trusted-proxies) that serves "
                  "HTTPS; make sure a firewall keeps the public away from this port.\n"),
                config->listen_address);

  listeners = soup_server_get_listeners (self->server);
  for (GSList *l = listeners; l != NULL; l = l->next)
    {
      g_autoptr(GSocketAddress) local = g_socket_get_local_address (l->data, NULL);

      if (G_IS_INET_SOCKET_ADDRESS (local))
        {
          self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
          break;
        }
    }
  g_slist_free (listeners);
  return TRUE;
}

guint
xf_portal_server_get_port (XfPortalServer *self)
{
  g_return_val_if_fail (XF_IS_PORTAL_SERVER (self), 0);

  return self->port;
}
