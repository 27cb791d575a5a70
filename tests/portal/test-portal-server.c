/* test-portal-server.c — the portal's HTTP server over a real socket
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "xf-error.h"
#include "xf-portal-server.h"
#include "xf-test-portal.h"
#include "xf-test-store.h"

/*
 * The server runs in this thread on the default main context, as in
 * xianfeng-portal; each request is written by a client thread on a plain
 * socket (so a test can lie about Content-Length, stop a chunked body half
 * way, send bytes a library would refuse to send), while this thread
 * iterates the main context until the client has read the answer to its
 * end (requests say "Connection: close").
 */

typedef struct
{
  XfTestPortal   *tp;
  XfPortalServer *server;
  guint           port;
  char           *cookie;     /* a valid xf_v */
  char           *csrf;       /* its token */
} Fixture;

typedef struct
{
  guint     port;
  GBytes   *request;
  /* Results */
  GString  *answer;
  GError   *error;
  gint      done;
} Client;

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tp = xf_test_portal_new ();
  fixture->tp->ctx.config->listen_port = 0;
  fixture->server = xf_portal_server_new (&fixture->tp->ctx);
  g_assert_true (xf_portal_server_listen (fixture->server, &error));
  g_assert_no_error (error);
  fixture->port = xf_portal_server_get_port (fixture->server);
  g_assert_cmpuint (fixture->port, >, 0);

  {
    XfPortalGuard *guard = fixture->tp->ctx.guard;
    g_autofree char *visitor = NULL;

    fixture->cookie = xf_portal_guard_new_visitor (guard);
    visitor = xf_portal_guard_check_visitor (guard, fixture->cookie);
    fixture->csrf = xf_portal_guard_csrf_token (guard, visitor, g_get_real_time () / G_USEC_PER_SEC);
  }
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_assert_finalize_object (fixture->server);
  /* Let the server's last sources (closed connections) run out. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  xf_test_portal_free (fixture->tp);
  g_free (fixture->cookie);
  g_free (fixture->csrf);
}

static gpointer
client_thread (gpointer data)
{
  Client *client = data;
  g_autoptr(GSocketClient) socket_client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  GOutputStream *out;
  GInputStream *in;
  char buffer[4096];
  gssize n;

  g_socket_client_set_timeout (socket_client, 20);
  /* Straight to loopback: no proxy resolver (libproxy throws C++
   * exceptions, which a sanitized C program cannot catch). */
  g_socket_client_set_enable_proxy (socket_client, FALSE);
  connection = g_socket_client_connect_to_host (socket_client, "127.0.0.1", client->port,
                                                NULL, &client->error);
  if (connection == NULL)
    goto out;
  out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  in = g_io_stream_get_input_stream (G_IO_STREAM (connection));

  if (!g_output_stream_write_all (out, g_bytes_get_data (client->request, NULL),
                                  g_bytes_get_size (client->request), NULL, NULL, &client->error))
    goto out;

  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, &client->error)) > 0)
    g_string_append_len (client->answer, buffer, n);

out:
  g_atomic_int_set (&client->done, 1);
  g_main_context_wakeup (NULL);
  return NULL;
}

/* Sends @request (raw bytes) and returns all that came back. */
static char *
exchange (Fixture    *fixture,
          const char *request,
          gsize       size)
{
  Client client = { 0 };
  GThread *thread;

  client.port = fixture->port;
  client.request = g_bytes_new (request, size);
  client.answer = g_string_new (NULL);
  thread = g_thread_new ("client", client_thread, &client);
  while (!g_atomic_int_get (&client.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  g_bytes_unref (client.request);
  /* A reset after the whole answer arrived is no failure of the server;
   * an empty answer is for the caller to judge. */
  if (client.error != NULL && client.answer->len == 0
      && !g_error_matches (client.error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED)
      && !g_error_matches (client.error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
    g_assert_no_error (client.error);
  g_clear_error (&client.error);
  return g_string_free (client.answer, FALSE);
}

static char *
exchange_text (Fixture    *fixture,
               const char *request)
{
  return exchange (fixture, request, strlen (request));
}

static guint
answer_status (const char *answer)
{
  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 "));
  return (guint) g_ascii_strtoull (answer + strlen ("HTTP/1.1 "), NULL, 10);
}

/* The headers of @answer, up to the blank line (transfer full). */
static char *
answer_head (const char *answer)
{
  const char *end = strstr (answer, "\r\n\r\n");

  g_assert_nonnull (end);
  return g_strndup (answer, end - answer + 2);
}

static const char *
answer_body (const char *answer)
{
  const char *end = strstr (answer, "\r\n\r\n");

  g_assert_nonnull (end);
  return end != NULL ? end + 4 : "";
}

/* The value of header @name (the first one), or NULL (transfer full). */
static char *
answer_header (const char *answer,
               const char *name)
{
  g_autofree char *head = answer_head (answer);
  g_auto(GStrv) lines = g_strsplit (head, "\r\n", -1);

  for (guint i = 1; lines[i] != NULL; i++)
    {
      const char *colon = strchr (lines[i], ':');

      if (colon != NULL && (gsize) (colon - lines[i]) == strlen (name)
          && g_ascii_strncasecmp (lines[i], name, strlen (name)) == 0)
        return g_strstrip (g_strdup (colon + 1));
    }
  return NULL;
}

static guint
count_headers (const char *answer,
               const char *name)
{
  g_autofree char *head = answer_head (answer);
  g_auto(GStrv) lines = g_strsplit (head, "\r\n", -1);
  g_autofree char *prefix = g_strconcat (name, ":", NULL);
  guint count = 0;

  for (guint i = 1; lines[i] != NULL; i++)
    if (g_ascii_strncasecmp (lines[i], prefix, strlen (prefix)) == 0)
      count++;
  return count;
}

/* Rows the public could have added: requests, objections, engagement
 * events, and the audit trail that records every write. */
static gint64
count_stored (XfStore *store)
{
  return xf_test_query_int64 (store, "SELECT count(*) FROM audit_log")
         + xf_test_query_int64 (store, "SELECT count(*) FROM service_requests")
         + xf_test_query_int64 (store, "SELECT count(*) FROM objections")
         + xf_test_query_int64 (store, "SELECT count(*) FROM engagement_events");
}

/*
 * Tests
 */

static void
test_healthz (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *answer = exchange_text (fixture,
                                           "GET /healthz HTTP/1.1\r\n"
                                           "Host: localhost\r\n"
                                           "Connection: close\r\n\r\n");
  g_autofree char *length = answer_header (answer, "Content-Length");

  g_assert_cmpuint (answer_status (answer), ==, 200);
  g_assert_nonnull (length);
  g_assert_cmpuint (g_ascii_strtoull (length, NULL, 10), ==, strlen (answer_body (answer)));
  g_assert_cmpuint (strlen (answer_body (answer)), >, 0);
}

static void
test_head_has_no_body (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *get = exchange_text (fixture,
                                        "GET /healthz HTTP/1.1\r\nHost: localhost\r\n"
                                        "Connection: close\r\n\r\n");
  g_autofree char *head = exchange_text (fixture,
                                         "HEAD /healthz HTTP/1.1\r\nHost: localhost\r\n"
                                         "Connection: close\r\n\r\n");
  g_autofree char *get_length = answer_header (get, "Content-Length");
  g_autofree char *head_length = answer_header (head, "Content-Length");

  g_assert_cmpuint (answer_status (head), ==, 200);
  g_assert_cmpstr (answer_body (head), ==, "");
  /* The same length as GET's, without the bytes. */
  g_assert_cmpstr (head_length, ==, get_length);
  g_assert_cmpuint (strlen (answer_body (get)), >, 0);
}

static void
test_content_length_too_large (Fixture       *fixture,
                               gconstpointer  data)
{
  XfStore *store = fixture->tp->store;
  gint64 before = count_stored (store);
  g_autofree char *answer = NULL;
  g_autofree char *content_type = NULL;

  fixture->tp->ctx.config->max_body = 4096;

  /* Only the headers are sent: the server must answer without waiting
   * for a body it was told is 10 MB (the client would wait forever, and
   * the test time out, if it read first). */
  answer = exchange_text (fixture,
                          "POST /p/P1/like HTTP/1.1\r\n"
                          "Host: localhost\r\n"
                          "Content-Type: application/x-www-form-urlencoded\r\n"
                          "Content-Length: 10000000\r\n"
                          "Accept-Language: en\r\n"
                          "Connection: close\r\n\r\n");
  g_assert_cmpuint (answer_status (answer), ==, 413);
  content_type = answer_header (answer, "Content-Type");
  g_assert_true (g_str_has_prefix (content_type, "text/html"));
  /* A page that says so, in the visitor's language, with a way home. */
  g_assert_nonnull (strstr (answer_body (answer), "data-status=\"413\""));
  g_assert_nonnull (strstr (answer_body (answer), "href=\"/\""));
  g_assert_nonnull (strstr (answer_body (answer), "larger than this site accepts"));
  g_assert_cmpint (count_stored (store), ==, before);
}

static void
test_content_length_too_large_sent (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GString) request = g_string_new (NULL);
  g_autofree char *answer = NULL;
  g_autofree char *body = g_strnfill (20000, 'a');

  fixture->tp->ctx.config->max_body = 4096;

  /* A client that sends its whole body anyway still gets the page. */
  g_string_append_printf (request,
                          "POST /p/P1/like HTTP/1.1\r\nHost: localhost\r\n"
                          "Content-Type: application/x-www-form-urlencoded\r\n"
                          "Content-Length: %zu\r\nConnection: close\r\n\r\ncsrf=%s",
                          strlen (body) + 5, body);
  answer = exchange (fixture, request->str, request->len);
  g_assert_cmpuint (answer_status (answer), ==, 413);
  g_assert_nonnull (strstr (answer_body (answer), "data-status=\"413\""));
}

static void
test_too_large_repeated (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *request = "POST /p/P1/like HTTP/1.1\r\nHost: localhost\r\n"
                        "Content-Type: application/x-www-form-urlencoded\r\n"
                        "Content-Length: 10000000\r\nConnection: close\r\n\r\n";
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *other = NULL;

  fixture->tp->ctx.config->max_body = 4096;
  xf_portal_guard_set_limit (fixture->tp->ctx.guard, XF_PORTAL_LIMIT_POST, 1);

  /* Refusals count as submissions: past the limit the connection is
   * closed without a page, still before the body is read. */
  first = exchange_text (fixture, request);
  g_assert_cmpuint (answer_status (first), ==, 413);
  second = exchange_text (fixture, request);
  g_assert_cmpstr (second, ==, "");
  /* Another address (through the trusted proxy) still gets its page. */
  other = exchange_text (fixture,
                         "POST /p/P1/like HTTP/1.1\r\nHost: localhost\r\n"
                         "X-Forwarded-For: 192.0.2.30\r\n"
                         "Content-Type: application/x-www-form-urlencoded\r\n"
                         "Content-Length: 10000000\r\nConnection: close\r\n\r\n");
  g_assert_cmpuint (answer_status (other), ==, 413);
}

static void
test_chunked_too_large (Fixture       *fixture,
                        gconstpointer  data)
{
  XfStore *store = fixture->tp->store;
  gint64 before = count_stored (store);
  g_autoptr(GString) request = g_string_new (NULL);
  g_autofree char *chunk = g_strnfill (1024, 'b');
  g_autofree char *answer = NULL;

  fixture->tp->ctx.config->max_body = 4096;

  g_string_append_printf (request,
                          "POST /p/P1/like HTTP/1.1\r\nHost: localhost\r\n"
                          "Cookie: xf_v=%s\r\n"
                          "Content-Type: application/x-www-form-urlencoded\r\n"
                          "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                          "5\r\ncsrf=\r\n", fixture->cookie);
  /* 8 KiB in chunks, and no last chunk: the server refuses once the body
   * grows past 4 KiB, without waiting for its end. */
  for (guint i = 0; i < 8; i++)
    g_string_append_printf (request, "400\r\n%s\r\n", chunk);
  answer = exchange (fixture, request->str, request->len);
  g_assert_cmpuint (answer_status (answer), ==, 413);
  g_assert_nonnull (strstr (answer_body (answer), "data-status=\"413\""));
  g_assert_cmpint (count_stored (store), ==, before);
}

static void
test_chunked_within_limit (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *answer = NULL;
  g_autofree char *request = NULL;

  fixture->tp->ctx.config->max_body = 4096;

  /* A small chunked form is read and goes to the router, which refuses it
   * for its missing CSRF token: the body limit did not. */
  request = g_strdup_printf ("POST /p/P1/like HTTP/1.1\r\nHost: localhost\r\n"
                             "Cookie: xf_v=%s\r\n"
                             "Content-Type: application/x-www-form-urlencoded\r\n"
                             "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                             "9\r\ncomment=x\r\n0\r\n\r\n", fixture->cookie);
  answer = exchange_text (fixture, request);
  g_assert_cmpuint (answer_status (answer), ==, 403);
}

static void
test_multipart_limit (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GString) request = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *file = g_strnfill (8000, 'c');
  g_autofree char *answer = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *too_large = NULL;
  g_autofree char *elsewhere = NULL;
  g_autofree char *elsewhere_request = NULL;

  fixture->tp->ctx.config->max_body = 4096;
  fixture->tp->ctx.config->max_upload = 16384;

  g_string_append_printf (body,
                          "--XYZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s\r\n"
                          "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                          "Content-Type: text/plain\r\n\r\n", fixture->csrf);
  g_string_append (body, file);
  g_string_append (body, "\r\n--XYZ--\r\n");

  /* Over max-body but a form with a file on the objection form's path:
   * max-upload applies, so the router gets it, passes the token and the
   * handler finds no such notice. */
  g_string_append_printf (request,
                          "POST /notices/999999/objections HTTP/1.1\r\nHost: localhost\r\n"
                          "Cookie: xf_v=%s\r\n"
                          "Content-Type: multipart/form-data; boundary=XYZ\r\n"
                          "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                          fixture->cookie, body->len, body->str);
  answer = exchange (fixture, request->str, request->len);
  g_assert_cmpuint (answer_status (answer), ==, 404);

  /* Read whole and given to the router, which refuses a forged token
   * (of the same length: Content-Length stays right). */
  {
    g_autoptr(GString) bad = g_string_new (request->str);
    g_autofree char *forged_token = g_strnfill (strlen (fixture->csrf), 'x');

    g_assert_cmpuint (g_string_replace (bad, fixture->csrf, forged_token, 1), ==, 1);
    forged = exchange (fixture, bad->str, bad->len);
    g_assert_cmpuint (answer_status (forged), ==, 403);
  }

  /* The same form to any other path: max-body, refused at the headers
   * (only they are sent: the client would wait for ever, and the test
   * time out, if the server waited for the body). */
  elsewhere_request = g_strdup_printf ("POST /p/P1/like HTTP/1.1\r\nHost: localhost\r\n"
                                       "Cookie: xf_v=%s\r\n"
                                       "Content-Type: multipart/form-data; boundary=XYZ\r\n"
                                       "Content-Length: %zu\r\nConnection: close\r\n\r\n",
                                       fixture->cookie, body->len);
  elsewhere = exchange_text (fixture, elsewhere_request);
  g_assert_cmpuint (answer_status (elsewhere), ==, 413);
  g_assert_nonnull (strstr (answer_body (elsewhere), "data-status=\"413\""));

  /* Over max-upload: 413. */
  fixture->tp->ctx.config->max_upload = 6000;
  too_large = exchange (fixture, request->str, request->len);
  g_assert_cmpuint (answer_status (too_large), ==, 413);
}

static void
test_bad_forms (Fixture       *fixture,
                gconstpointer  data)
{
  XfStore *store = fixture->tp->store;
  gint64 before = count_stored (store);
  const char *bodies[] = {
    "csrf=x&name=%FF%FE",            /* escaped bytes that are not UTF-8 */
    "csrf=x&name=\xff\xfe",          /* raw bytes that are not UTF-8 */
    "csrf=x&name=a%00b",             /* an escaped NUL */
    "csrf=x&name=%zz",               /* a bad escape */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *request = g_strdup_printf ("POST /p/P1/like HTTP/1.1\r\nHost: localhost\r\n"
                                                  "Cookie: xf_v=%s\r\n"
                                                  "Content-Type: application/x-www-form-urlencoded\r\n"
                                                  "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                                                  fixture->cookie, strlen (bodies[i]), bodies[i]);
      g_autofree char *answer = exchange_text (fixture, request);

      g_test_message ("body %u", i);
      g_assert_cmpuint (answer_status (answer), ==, 400);
      g_assert_nonnull (strstr (answer_body (answer), "data-status=\"400\""));
    }

  /* Not UTF-8 in a multipart field, and a multipart body without its boundary. */
  {
    const char *multipart = "--XYZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n\xff\r\n--XYZ--\r\n";
    g_autofree char *request = g_strdup_printf ("POST /p/P1/like HTTP/1.1\r\nHost: localhost\r\n"
                                                "Cookie: xf_v=%s\r\n"
                                                "Content-Type: multipart/form-data; boundary=XYZ\r\n"
                                                "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                                                fixture->cookie, strlen (multipart), multipart);
    g_autofree char *no_boundary = g_strdup_printf ("POST /p/P1/like HTTP/1.1\r\nHost: localhost\r\n"
                                                    "Cookie: xf_v=%s\r\n"
                                                    "Content-Type: multipart/form-data\r\n"
                                                    "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                                                    fixture->cookie, strlen (multipart), multipart);
    g_autofree char *answer = exchange_text (fixture, request);
    g_autofree char *answer2 = exchange_text (fixture, no_boundary);

    g_assert_cmpuint (answer_status (answer), ==, 400);
    g_assert_cmpuint (answer_status (answer2), ==, 400);
  }

  /* A query that is not UTF-8. */
  {
    g_autofree char *answer = exchange_text (fixture,
                                             "GET /?lang=%FF HTTP/1.1\r\nHost: localhost\r\n"
                                             "Connection: close\r\n\r\n");

    g_assert_cmpuint (answer_status (answer), ==, 400);
  }

  g_assert_cmpint (count_stored (store), ==, before);
}

static void
test_forms_reach_router (Fixture       *fixture,
                         gconstpointer  data)
{
  XfPortalGuard *guard = fixture->tp->ctx.guard;
  g_autofree char *cookie = xf_portal_guard_new_visitor (guard);
  g_autofree char *visitor = xf_portal_guard_check_visitor (guard, cookie);
  g_autofree char *token = xf_portal_guard_csrf_token (guard, visitor, g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *form = g_strdup_printf ("csrf=%s&comment=%%E4%%BD%%A0%%E5%%A5%%BD+there", token);
  g_autofree char *urlencoded = g_strdup_printf ("POST /p/NOBODY/like HTTP/1.1\r\nHost: localhost\r\n"
                                                 "Cookie: xf_lang=en; xf_v=%s\r\n"
                                                 "Content-Type: application/x-www-form-urlencoded\r\n"
                                                 "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                                                 cookie, strlen (form), form);
  g_autofree char *parts = g_strdup_printf ("--b0undary\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s\r\n"
                                            "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
                                            "Content-Type: application/octet-stream\r\n\r\n\r\n"
                                            "--b0undary--\r\n", token);
  g_autofree char *multipart = g_strdup_printf ("POST /p/NOBODY/like HTTP/1.1\r\nHost: localhost\r\n"
                                                "Cookie: xf_v=%s\r\n"
                                                "Content-Type: multipart/form-data; boundary=b0undary\r\n"
                                                "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                                                cookie, strlen (parts), parts);
  g_autofree char *no_cookie = g_strdup_printf ("POST /p/NOBODY/like HTTP/1.1\r\nHost: localhost\r\n"
                                                "Content-Type: application/x-www-form-urlencoded\r\n"
                                                "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                                                strlen (form), form);
  g_autofree char *answer = exchange_text (fixture, urlencoded);
  g_autofree char *answer_multipart = exchange_text (fixture, multipart);
  g_autofree char *answer_no_cookie = exchange_text (fixture, no_cookie);

  /* The cookie and the token went through: past the CSRF check to the
   * handler, which finds no such pioneer. */
  g_assert_cmpuint (answer_status (answer), ==, 404);
  g_assert_nonnull (strstr (answer_body (answer), "<html lang=\"en\""));
  g_assert_cmpuint (answer_status (answer_multipart), ==, 404);
  /* Without the visitor cookie the same token is refused. */
  g_assert_cmpuint (answer_status (answer_no_cookie), ==, 403);
}

/* A complete like of pioneer NOBODY with the fixture's cookie and token:
 * past every check to the handler, which answers 404. */
static guint
post_like (Fixture *fixture)
{
  g_autofree char *form = g_strdup_printf ("csrf=%s", fixture->csrf);
  g_autofree char *request = g_strdup_printf ("POST /p/NOBODY/like HTTP/1.1\r\nHost: localhost\r\n"
                                              "Cookie: xf_v=%s\r\n"
                                              "Content-Type: application/x-www-form-urlencoded\r\n"
                                              "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                                              fixture->cookie, strlen (form), form);
  g_autofree char *answer = exchange_text (fixture, request);

  return answer_status (answer);
}

static void
test_no_visitor_refused_at_headers (Fixture       *fixture,
                                    gconstpointer  data)
{
  XfStore *store = fixture->tp->store;
  gint64 before = count_stored (store);
  const char *cookies[] = {
    "",                                    /* none */
    "Cookie: xf_v=forged.signature\r\n",   /* not the guard's */
  };

  /* Only the headers are sent, with a body announced: the server answers
   * without reading it (else the client, which reads first, and the test
   * would wait for ever). */
  for (guint i = 0; i < G_N_ELEMENTS (cookies); i++)
    {
      g_autofree char *request = g_strdup_printf ("POST /notices/1/objections HTTP/1.1\r\nHost: localhost\r\n"
                                                  "%s"
                                                  "Content-Type: multipart/form-data; boundary=XYZ\r\n"
                                                  "Content-Length: 1000000\r\n"
                                                  "Accept-Language: en\r\nConnection: close\r\n\r\n",
                                                  cookies[i]);
      g_autofree char *answer = exchange_text (fixture, request);
      g_autofree char *set_cookie = NULL;

      g_test_message ("cookie %u", i);
      g_assert_cmpuint (answer_status (answer), ==, 403);
      /* The router's own page: the one a POST without its token gets. */
      g_assert_nonnull (strstr (answer_body (answer), "data-status=\"403\""));
      g_assert_nonnull (strstr (answer_body (answer), "This form has expired"));
      g_assert_nonnull (strstr (answer_body (answer), "href=\"/\""));
      /* … with a visitor cookie, so that the next form works. */
      set_cookie = answer_header (answer, "Set-Cookie");
      g_assert_nonnull (set_cookie);
      g_assert_true (g_str_has_prefix (set_cookie, "xf_v="));
    }

  /* An unknown path is the router's to answer after the (small) body. */
  {
    g_autofree char *answer = exchange_text (fixture,
                                             "POST /nowhere HTTP/1.1\r\nHost: localhost\r\n"
                                             "Content-Type: application/x-www-form-urlencoded\r\n"
                                             "Content-Length: 3\r\nConnection: close\r\n\r\na=b");

    g_assert_cmpuint (answer_status (answer), ==, 404);
  }
  g_assert_cmpint (count_stored (store), ==, before);
}

static void
test_rate_limit_at_headers (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *request = g_strdup_printf ("POST /notices/1/objections HTTP/1.1\r\nHost: localhost\r\n"
                                              "Cookie: xf_v=%s\r\n"
                                              "Content-Type: multipart/form-data; boundary=XYZ\r\n"
                                              "Content-Length: 1000000\r\n"
                                              "Accept-Language: en\r\nConnection: close\r\n\r\n",
                                              fixture->cookie);
  g_autofree char *answer = NULL;
  g_autofree char *retry_after = NULL;
  g_autofree char *other = NULL;

  xf_portal_guard_set_limit (fixture->tp->ctx.guard, XF_PORTAL_LIMIT_POST, 1);
  g_assert_cmpuint (post_like (fixture), ==, 404);

  /* Over the limit: 429 on the headers alone, the body never read. */
  answer = exchange_text (fixture, request);
  g_assert_cmpuint (answer_status (answer), ==, 429);
  g_assert_nonnull (strstr (answer_body (answer), "data-status=\"429\""));
  retry_after = answer_header (answer, "Retry-After");
  g_assert_nonnull (retry_after);
  g_assert_cmpuint (g_ascii_strtoull (retry_after, NULL, 10), >=, 1);
  g_assert_cmpuint (g_ascii_strtoull (retry_after, NULL, 10), <=, 60);

  /* Pages are still served to that address. */
  other = exchange_text (fixture, "GET /healthz HTTP/1.1\r\nHost: localhost\r\n"
                                  "Connection: close\r\n\r\n");
  g_assert_cmpuint (answer_status (other), ==, 200);
}

static void
test_post_counted_once (Fixture       *fixture,
                        gconstpointer  data)
{
  /* Two posts a minute: the server counts each at its headers and the
   * router does not count it again, so both pass; the third does not. */
  xf_portal_guard_set_limit (fixture->tp->ctx.guard, XF_PORTAL_LIMIT_POST, 2);
  g_assert_cmpuint (post_like (fixture), ==, 404);
  g_assert_cmpuint (post_like (fixture), ==, 404);
  g_assert_cmpuint (post_like (fixture), ==, 429);

  /* Pages too are counted once per request. */
  xf_portal_guard_set_limit (fixture->tp->ctx.guard, XF_PORTAL_LIMIT_POST, 0);
  xf_portal_guard_set_limit (fixture->tp->ctx.guard, XF_PORTAL_LIMIT_PAGE, 2);
  g_assert_cmpuint (post_like (fixture), ==, 404);
  g_assert_cmpuint (post_like (fixture), ==, 404);
  g_assert_cmpuint (post_like (fixture), ==, 429);
}

static guint
get_from (Fixture    *fixture,
          const char *forwarded_for)
{
  g_autofree char *request = g_strdup_printf ("GET /healthz HTTP/1.1\r\nHost: localhost\r\n"
                                              "X-Forwarded-For: %s\r\nConnection: close\r\n\r\n",
                                              forwarded_for);
  g_autofree char *answer = exchange_text (fixture, request);

  return answer_status (answer);
}

static void
test_forwarded_for_trusted (Fixture       *fixture,
                            gconstpointer  data)
{
  /* One request a minute per address: the address the router sees is
   * what the answers tell apart. The test's peer is 127.0.0.1, a
   * trusted proxy by default. */
  xf_portal_guard_set_limit (fixture->tp->ctx.guard, XF_PORTAL_LIMIT_PAGE, 1);

  g_assert_cmpuint (get_from (fixture, "192.0.2.10"), ==, 200);
  g_assert_cmpuint (get_from (fixture, "192.0.2.11"), ==, 200);
  g_assert_cmpuint (get_from (fixture, "192.0.2.10"), ==, 429);
  /* The last hop counts (what the proxy saw), not what the client claims. */
  g_assert_cmpuint (get_from (fixture, "192.0.2.12, 192.0.2.11"), ==, 429);
  g_assert_cmpuint (get_from (fixture, "192.0.2.11, 192.0.2.13"), ==, 200);
  /* A trusted proxy in the chain is passed over; IPv6 hops count too. */
  g_assert_cmpuint (get_from (fixture, "2001:db8::7, 127.0.0.1"), ==, 200);
  g_assert_cmpuint (get_from (fixture, "[2001:db8::7]"), ==, 429);
}

static void
test_forwarded_for_untrusted (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(XfPortalServer) untrusting = NULL;
  g_autoptr(GError) error = NULL;
  guint trusting_port = fixture->port;

  /* A server that trusts no proxy: the header is the client's own say. */
  g_clear_pointer (&fixture->tp->ctx.config->trusted_proxies, g_strfreev);
  untrusting = xf_portal_server_new (&fixture->tp->ctx);
  g_assert_true (xf_portal_server_listen (untrusting, &error));
  g_assert_no_error (error);
  fixture->port = xf_portal_server_get_port (untrusting);
  xf_portal_guard_set_limit (fixture->tp->ctx.guard, XF_PORTAL_LIMIT_PAGE, 1);

  g_assert_cmpuint (get_from (fixture, "192.0.2.20"), ==, 200);
  /* Another claimed address, the same peer: over the limit. */
  g_assert_cmpuint (get_from (fixture, "192.0.2.21"), ==, 429);

  fixture->port = trusting_port;
  g_assert_finalize_object (g_steal_pointer (&untrusting));
}

static void
test_cookies (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *answer = exchange_text (fixture,
                                           "GET /?lang=en HTTP/1.1\r\nHost: localhost\r\n"
                                           "Connection: close\r\n\r\n");
  g_autofree char *head = answer_head (answer);

  /* A new visitor gets a visitor cookie and the language chosen, each its
   * own Set-Cookie header. */
  g_assert_cmpuint (count_headers (answer, "Set-Cookie"), >=, 2);
  g_assert_nonnull (strstr (head, "Set-Cookie: xf_v="));
  g_assert_nonnull (strstr (head, "Set-Cookie: xf_lang=en"));
  g_assert_nonnull (strstr (head, "HttpOnly"));
  g_assert_nonnull (strstr (head, "SameSite=Lax"));
}

static void
test_cookie_header_read (Fixture       *fixture,
                         gconstpointer  data)
{
  /* The language cookie sent back is read: an error page in English. */
  g_autofree char *english = exchange_text (fixture,
                                            "GET /nowhere HTTP/1.1\r\nHost: localhost\r\n"
                                            "Cookie: other=1; xf_lang=en; third=\"q\"\r\n"
                                            "Connection: close\r\n\r\n");
  g_autofree char *chinese = exchange_text (fixture,
                                            "GET /nowhere HTTP/1.1\r\nHost: localhost\r\n"
                                            "Cookie: xf_lang=zh\r\n"
                                            "Connection: close\r\n\r\n");

  g_assert_cmpuint (answer_status (english), ==, 404);
  g_assert_nonnull (strstr (answer_body (english), "<html lang=\"en\""));
  g_assert_cmpuint (answer_status (chinese), ==, 404);
  g_assert_nonnull (strstr (answer_body (chinese), "<html lang=\"zh"));
}

/* One line per request on stderr: method, path, status, µs — and never
 * the query, the form or a cookie. */
static void
test_log_line (Fixture       *fixture,
               gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      const char *form = "csrf=formsecret&comment=formsecret";
      g_autofree char *request = g_strdup_printf ("POST /p/P1/like?q=querysecret HTTP/1.1\r\nHost: localhost\r\n"
                                                  "Cookie: xf_v=cookiesecret\r\n"
                                                  "Content-Type: application/x-www-form-urlencoded\r\n"
                                                  "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                                                  strlen (form), form);
      g_autofree char *answer = exchange_text (fixture, request);
      g_autofree char *odd = exchange_text (fixture,
                                            "GET /p/a%0Ab\x01 HTTP/1.1\r\nHost: localhost\r\n"
                                            "Connection: close\r\n\r\n");

      g_assert_cmpuint (answer_status (answer), ==, 403);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("POST /p/P1/like 403 *us\n*");
  g_test_trap_assert_stderr_unmatched ("*secret*");
  /* What a client put in the path cannot start a line of its own. */
  g_test_trap_assert_stderr_unmatched ("*\nb*");
}

static void
test_listen_not_loopback (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
      g_autoptr(XfPortalServer) server = NULL;
      g_autoptr(GError) error = NULL;

      g_free (tp->ctx.config->listen_address);
      tp->ctx.config->listen_address = g_strdup ("0.0.0.0");
      tp->ctx.config->listen_port = 0;
      server = xf_portal_server_new (&tp->ctx);
      g_assert_true (xf_portal_server_listen (server, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (xf_portal_server_get_port (server), >, 0);
      return;
    }

  /* Taken, with a warning (not a GLib warning: those abort the tests). */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*0.0.0.0*not loopback*reverse proxy*");
}

static void
test_path_decoded_once (Fixture       *fixture,
                        gconstpointer  data)
{
  /* "%252F" is an escaped "%2F", never a "/": the router sees the path
   * decoded once. */
  g_autofree char *answer = exchange_text (fixture,
                                           "GET /nowhere%252Fx%20y HTTP/1.1\r\nHost: localhost\r\n"
                                           "Connection: close\r\n\r\n");
  g_autofree char *not_utf8 = exchange_text (fixture,
                                             "GET /p/%FF%FE HTTP/1.1\r\nHost: localhost\r\n"
                                             "Connection: close\r\n\r\n");

  g_assert_cmpuint (answer_status (answer), ==, 404);
  /* The page's language switch encodes the router's path again: the same
   * path comes back. */
  g_assert_nonnull (strstr (answer_body (answer), "href=\"/nowhere%252Fx%20y?lang="));
  g_assert_null (strstr (answer_body (answer), "/nowhere/x"));
  g_assert_cmpuint (answer_status (not_utf8), ==, 400);

  /* The query too is decoded once: "%2565n" is "%65n", not "en". */
  {
    g_autofree char *once = exchange_text (fixture,
                                           "GET /nowhere?lang=%2565n HTTP/1.1\r\nHost: localhost\r\n"
                                           "Connection: close\r\n\r\n");
    g_autofree char *english = exchange_text (fixture,
                                              "GET /nowhere?lang=%65n HTTP/1.1\r\nHost: localhost\r\n"
                                              "Connection: close\r\n\r\n");

    g_assert_nonnull (strstr (answer_body (once), "<html lang=\"zh"));
    g_assert_nonnull (strstr (answer_body (english), "<html lang=\"en\""));
  }
}

static void
test_keep_alive (Fixture       *fixture,
                 gconstpointer  data)
{
  /* Two requests on one connection, the second closing it. */
  g_autofree char *answer = exchange_text (fixture,
                                           "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"
                                           "GET /healthz HTTP/1.1\r\nHost: localhost\r\n"
                                           "Connection: close\r\n\r\n");
  const char *second = strstr (answer + 1, "HTTP/1.1 200");

  g_assert_cmpuint (answer_status (answer), ==, 200);
  g_assert_nonnull (second);
}

/*
 * The configuration
 */

static void
test_config_defaults (void)
{
  g_autoptr(XfPortalConfig) config = xf_portal_config_new_default ();

  g_assert_null (config->database);
  g_assert_cmpstr (config->listen_address, ==, "127.0.0.1");
  g_assert_cmpuint (config->listen_port, ==, 8080);
  g_assert_cmpstr (config->base_url, ==, "");
  g_assert_true (g_str_has_suffix (config->secret_file, "/xianfeng/portal-secret"));
  g_assert_cmpuint (g_strv_length (config->trusted_proxies), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) config->trusted_proxies, "127.0.0.1"));
  g_assert_true (g_strv_contains ((const char * const *) config->trusted_proxies, "::1"));
  g_assert_false (config->secure_cookies);
  g_assert_cmpuint (config->max_body, ==, 65536);
  g_assert_cmpuint (config->max_upload, ==, 20 * 1024 * 1024 + 65536);
  g_assert_cmpuint (config->pages_per_minute, ==, 120);
  g_assert_cmpuint (config->posts_per_minute, ==, 20);
  g_assert_true (xf_portal_config_is_loopback (config));
}

static void
test_config_listen (void)
{
  g_autoptr(XfPortalConfig) config = xf_portal_config_new_default ();
  const char *bad[] = { "8080", "::1:8080", "[::1]8080", "[::1", "127.0.0.1:", "127.0.0.1:65536",
                        "127.0.0.1:-1", "127.0.0.1:80x", "example.org:80", "999.0.0.1:80", "" };

  g_assert_true (xf_portal_config_set_listen (config, "[::1]:9000", NULL));
  g_assert_cmpstr (config->listen_address, ==, "::1");
  g_assert_cmpuint (config->listen_port, ==, 9000);
  g_assert_true (xf_portal_config_is_loopback (config));

  g_assert_true (xf_portal_config_set_listen (config, ":8081", NULL));
  g_assert_cmpstr (config->listen_address, ==, "127.0.0.1");
  g_assert_cmpuint (config->listen_port, ==, 8081);

  g_assert_true (xf_portal_config_set_listen (config, "127.0.0.2:0", NULL));
  g_assert_cmpuint (config->listen_port, ==, 0);
  g_assert_true (xf_portal_config_is_loopback (config));

  g_assert_true (xf_portal_config_set_listen (config, "0.0.0.0:80", NULL));
  g_assert_false (xf_portal_config_is_loopback (config));
  g_assert_true (xf_portal_config_set_listen (config, "[2001:db8::1]:443", NULL));
  g_assert_cmpstr (config->listen_address, ==, "2001:db8::1");
  g_assert_false (xf_portal_config_is_loopback (config));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("listen “%s”", bad[i]);
      g_assert_false (xf_portal_config_set_listen (config, bad[i], &error));
      g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "listen"));
    }
  /* A refused value changes nothing. */
  g_assert_cmpstr (config->listen_address, ==, "2001:db8::1");
  g_assert_cmpuint (config->listen_port, ==, 443);
}

static char *
write_key_file (const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("portal-XXXXXX.conf", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_config_key_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_key_file ("[portal]\n"
                                          "database=postgresql://portal@db.example.org/xianfeng\n"
                                          "listen=[::1]:8090\n"
                                          "base-url=https://xianfeng.example.org\n"
                                          "secret-file=/var/lib/xianfeng/secret\n"
                                          "trusted-proxies=10.0.0.0/8;127.0.0.1\n"
                                          "secure-cookies=true\n"
                                          "max-body=2048\n"
                                          "max-upload=100000\n"
                                          "pages-per-minute=0\n"
                                          "posts-per-minute=5\n");
  g_autoptr(XfPortalConfig) config = xf_portal_config_load (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (config);
  g_assert_cmpstr (config->database, ==, "postgresql://portal@db.example.org/xianfeng");
  g_assert_cmpstr (config->listen_address, ==, "::1");
  g_assert_cmpuint (config->listen_port, ==, 8090);
  g_assert_cmpstr (config->base_url, ==, "https://xianfeng.example.org");
  g_assert_cmpstr (config->secret_file, ==, "/var/lib/xianfeng/secret");
  g_assert_cmpuint (g_strv_length (config->trusted_proxies), ==, 2);
  g_assert_cmpstr (config->trusted_proxies[0], ==, "10.0.0.0/8");
  g_assert_true (config->secure_cookies);
  g_assert_cmpuint (config->max_body, ==, 2048);
  g_assert_cmpuint (config->max_upload, ==, 100000);
  g_assert_cmpuint (config->pages_per_minute, ==, 0);
  g_assert_cmpuint (config->posts_per_minute, ==, 5);
  g_unlink (path);
}

static void
test_config_key_file_errors (void)
{
  struct { const char *text; const char *key; } cases[] = {
    { "[portal]\nmax-body=abc\n", "max-body" },
    { "[portal]\nmax-body=10\n", "max-body" },
    { "[portal]\nmax-body=4096\nmax-upload=2048\n", "max-upload" },
    { "[portal]\npages-per-minute=-1\n", "pages-per-minute" },
    { "[portal]\nposts-per-minute=99999999\n", "posts-per-minute" },
    { "[portal]\nlisten=example.org:80\n", "listen" },
    { "[portal]\ntrusted-proxies=proxy.example.org\n", "trusted-proxies" },
    { "[portal]\nsecure-cookies=maybe\n", "secure-cookies" },
    { "[portal]\nmax_body=4096\n", "max_body" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = write_key_file (cases[i].text);
      g_autoptr(XfPortalConfig) config = xf_portal_config_load (path, &error);

      g_test_message ("%s", cases[i].text);
      g_assert_null (config);
      g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
      /* The message names the key and where it came from. */
      g_assert_nonnull (strstr (error->message, cases[i].key));
      g_assert_nonnull (strstr (error->message, path));
      g_unlink (path);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(XfPortalConfig) config = xf_portal_config_load ("/nonexistent/portal.conf", &error);

    g_assert_null (config);
    g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "/nonexistent/portal.conf"));
  }
}

/* The example in data/portal/ loads as it is, and with every setting
 * uncommented (its values are the defaults, but for the examples of
 * database and base-url). */
static void
test_config_example (void)
{
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "portal", "portal.conf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *uncommented_path = NULL;
  g_autoptr(GRegex) comment = g_regex_new ("^#([a-z-]+=)", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *uncommented = NULL;
  g_autoptr(XfPortalConfig) as_is = NULL;
  g_autoptr(XfPortalConfig) all = NULL;
  g_autoptr(XfPortalConfig) defaults = xf_portal_config_new_default ();
  g_autoptr(GError) error = NULL;

  g_file_get_contents (example, &text, NULL, &error);
  g_assert_no_error (error);
  as_is = xf_portal_config_load (example, &error);
  g_assert_no_error (error);
  g_assert_null (as_is->database);

  uncommented = g_regex_replace (comment, text, -1, 0, "\\1", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uncommented, !=, text);
  uncommented_path = write_key_file (uncommented);
  all = xf_portal_config_load (uncommented_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (all->database, ==, "postgresql://portal@db.example.org/xianfeng");
  g_assert_cmpstr (all->listen_address, ==, defaults->listen_address);
  g_assert_cmpuint (all->listen_port, ==, defaults->listen_port);
  g_assert_cmpuint (all->max_body, ==, defaults->max_body);
  g_assert_cmpuint (all->max_upload, ==, defaults->max_upload);
  g_assert_cmpuint (all->pages_per_minute, ==, defaults->pages_per_minute);
  g_assert_cmpuint (all->posts_per_minute, ==, defaults->posts_per_minute);
  g_assert_true (g_strv_equal ((const char * const *) all->trusted_proxies,
                               (const char * const *) defaults->trusted_proxies));
  g_unlink (uncommented_path);
}

static void
test_config_gsettings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(XfPortalConfig) defaults = xf_portal_config_new_default ();
  g_autoptr(XfPortalConfig) loaded = NULL;
  g_autoptr(XfPortalConfig) changed = NULL;
  g_autoptr(XfPortalConfig) overridden = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_key_file ("[portal]\nmax-body=3000\n");
  /* An empty key file, so that /etc/xianfeng/portal.conf plays no part. */
  g_autofree char *empty = write_key_file ("");

  /* The tests run with the build's schemas and the memory backend. */
  schema = source != NULL ? g_settings_schema_source_lookup (source, "io.github.xianfeng.Xianfeng.Portal", TRUE) : NULL;
  if (schema == NULL)
    {
      g_test_skip ("the portal's schema is not compiled in GSETTINGS_SCHEMA_DIR");
      return;
    }
  settings = g_settings_new_full (schema, NULL, NULL);

  /* The schema's defaults are the built-in ones. */
  loaded = xf_portal_config_load (empty, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->listen_address, ==, defaults->listen_address);
  g_assert_cmpuint (loaded->listen_port, ==, defaults->listen_port);
  g_assert_cmpstr (loaded->secret_file, ==, defaults->secret_file);
  g_assert_cmpuint (loaded->max_body, ==, defaults->max_body);
  g_assert_cmpuint (loaded->max_upload, ==, defaults->max_upload);
  g_assert_cmpuint (loaded->pages_per_minute, ==, defaults->pages_per_minute);
  g_assert_cmpuint (loaded->posts_per_minute, ==, defaults->posts_per_minute);
  g_assert_true (g_strv_equal ((const char * const *) loaded->trusted_proxies,
                               (const char * const *) defaults->trusted_proxies));

  /* A value set in GSettings is taken; the key file wins over it. */
  g_settings_set_uint64 (settings, "max-body", 5000);
  g_settings_set_string (settings, "listen", "127.0.0.3:9001");
  changed = xf_portal_config_load (empty, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed->max_body, ==, 5000);
  g_assert_cmpstr (changed->listen_address, ==, "127.0.0.3");
  g_assert_cmpuint (changed->listen_port, ==, 9001);
  overridden = xf_portal_config_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overridden->max_body, ==, 3000);
  g_assert_cmpuint (overridden->listen_port, ==, 9001);

  g_settings_reset (settings, "max-body");
  g_settings_reset (settings, "listen");
  g_unlink (path);
  g_unlink (empty);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/portal/config/defaults", test_config_defaults);
  g_test_add_func ("/portal/config/listen", test_config_listen);
  g_test_add_func ("/portal/config/key-file", test_config_key_file);
  g_test_add_func ("/portal/config/key-file-errors", test_config_key_file_errors);
  g_test_add_func ("/portal/config/example", test_config_example);
  g_test_add_func ("/portal/config/gsettings", test_config_gsettings);
  g_test_add_func ("/portal/server/listen-not-loopback", test_listen_not_loopback);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/portal/server/healthz", test_healthz);
  ADD ("/portal/server/head-has-no-body", test_head_has_no_body);
  ADD ("/portal/server/keep-alive", test_keep_alive);
  ADD ("/portal/server/log-line", test_log_line);
  ADD ("/portal/server/path-decoded-once", test_path_decoded_once);
  ADD ("/portal/server/content-length-too-large", test_content_length_too_large);
  ADD ("/portal/server/content-length-too-large-sent", test_content_length_too_large_sent);
  ADD ("/portal/server/too-large-repeated", test_too_large_repeated);
  ADD ("/portal/server/chunked-too-large", test_chunked_too_large);
  ADD ("/portal/server/chunked-within-limit", test_chunked_within_limit);
  ADD ("/portal/server/multipart-limit", test_multipart_limit);
  ADD ("/portal/server/bad-forms", test_bad_forms);
  ADD ("/portal/server/forms-reach-router", test_forms_reach_router);
  ADD ("/portal/server/no-visitor-refused-at-headers", test_no_visitor_refused_at_headers);
  ADD ("/portal/server/rate-limit-at-headers", test_rate_limit_at_headers);
  ADD ("/portal/server/post-counted-once", test_post_counted_once);
  ADD ("/portal/server/forwarded-for-trusted", test_forwarded_for_trusted);
  ADD ("/portal/server/forwarded-for-untrusted", test_forwarded_for_untrusted);
  ADD ("/portal/server/cookies", test_cookies);
  ADD ("/portal/server/cookie-header-read", test_cookie_header_read);
#undef ADD

  return g_test_run ();
}
