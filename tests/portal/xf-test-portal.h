/* xf-test-portal.h — the portal's handlers in tests, without a network
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-portal-router.h"
#include "xf-services.h"

G_BEGIN_DECLS

/*
 * A test portal: a fresh test store (xf_test_open_store, so SQLite or
 * PostgreSQL), a fixed secret, limits of 0 (off) unless a test sets them,
 * and a cookie jar, so that a test walks through pages as a browser would:
 *
 *   g_autoptr(XfTestPortal) tp = xf_test_portal_new ();
 *   g_autoptr(XfPortalResponse) page = xf_test_portal_get (tp, "/p/UID");
 *   char *csrf = xf_test_portal_csrf (page);
 *   response = xf_test_portal_post (tp, "/p/UID/like", "csrf", csrf, NULL);
 *
 * Requests come from address 192.0.2.1 with a browser's user agent unless
 * set otherwise; cookies set by responses are sent with later requests.
 */
typedef struct
{
  XfStore         *store;
  XfRegistry      *registry;   /* the local administrator's, to make fixtures */
  XfPortalContext  ctx;        /* portal, guard, config owned here */
  GHashTable      *cookies;    /* the jar: name → value */
  char            *address;
  char            *user_agent;
  char            *lang;       /* NULL: none sent; "en" sends Accept-Language: en */
} XfTestPortal;

XfTestPortal     *xf_test_portal_new   (void);
void              xf_test_portal_free  (XfTestPortal *tp);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfTestPortal, xf_test_portal_free)

/*
 * The 点单 pages' tests: a test portal, the services as its local
 * administrator, a date a month ahead for "needed by", and the code of a
 * request a test sent (NULL until it sends one; freed with the rest).
 */
typedef struct
{
  XfTestPortal *tp;
  XfServices   *services;
  char         *needed_by;
  char         *code;
} XfTestOrderFixture;

void              xf_test_order_set_up    (XfTestOrderFixture *f,
                                           gconstpointer       data);
void              xf_test_order_tear_down (XfTestOrderFixture *f,
                                           gconstpointer       data);

/* @path may carry a query ("/p/UID?lang=en"). */
XfPortalResponse *xf_test_portal_get   (XfTestPortal *tp,
                                        const char   *path);
/* Form fields as name, value pairs, NULL-terminated. */
XfPortalResponse *xf_test_portal_post  (XfTestPortal *tp,
                                        const char   *path,
                                        ...) G_GNUC_NULL_TERMINATED;
/* The same with an uploaded file (field "file"). */
XfPortalResponse *xf_test_portal_post_file (XfTestPortal *tp,
                                            const char   *path,
                                            const char   *file_name,
                                            const char   *file_type,
                                            GBytes       *file,
                                            ...) G_GNUC_NULL_TERMINATED;
/* The response body as text (transfer full). */
char             *xf_test_portal_body  (XfPortalResponse *response);
/* The value of the first hidden csrf field in the body (transfer full), or NULL. */
char             *xf_test_portal_csrf  (XfPortalResponse *response);
/* GETs @path (status 200) and returns its form's CSRF token (transfer full). */
char             *xf_test_portal_page_csrf (XfTestPortal *tp,
                                            const char   *path);
/* The CODE of a 点单 sent: a 303 to "/requests/CODE?new=1" (transfer full). */
char             *xf_test_portal_request_code (XfPortalResponse *response);
/* The local date @days from today, "YYYY-MM-DD" (transfer full). */
char             *xf_test_portal_date_in (int days);
/* Fails the test unless the body contains @needle. */
void              xf_test_portal_assert_contains     (XfPortalResponse *response,
                                                      const char       *needle);
void              xf_test_portal_assert_not_contains (XfPortalResponse *response,
                                                      const char       *needle);

G_END_DECLS
