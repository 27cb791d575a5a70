/* xf-portal-pages.h — the portal's handlers, one file per group
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-portal-router.h"

G_BEGIN_DECLS

/*
 * Routes (the table is in xf-portal-router.c). Form field names and the
 * element ids below are the contract the end-to-end test relies on.
 *
 * xf-portal-page-cards.c
 *   GET  /                 Pioneers of the Month: <ol id="month-individuals">,
 *                          <ol id="month-collectives">, each <li> linking /p/UID
 *   GET  /p/UID            the card: <article id="card" class="card tier-TIER">,
 *                          <h1 id="card-name">, honours <ul id="honours">,
 *                          introduction, deeds, video link, contribution,
 *                          likes <span id="likes">N</span> (this month),
 *                          like form <form id="like-form" method="post"
 *                          action="/p/UID/like"> with <button id="like">,
 *                          share form id="share-form" (action /p/UID/share),
 *                          a "Book a service" link <a id="book" href="/p/UID/book">
 *                          when the pioneer offers any; after a like the
 *                          page says so in <p id="like-result" data-counted="1|0">
 *   POST /p/UID/like       303 → /p/UID?liked=1 (counted) or ?liked=0 (already today)
 *   POST /p/UID/share      303 → /p/UID?shared=1 (records card-shared)
 *   GET  /p/UID/book       booking form: <form id="request-form"> with
 *                          fields item (select of the pioneer's offers),
 *                          requester, contact, region (select), place,
 *                          needed_by (date), description, csrf
 *   POST /p/UID/book       303 → /requests/CODE?new=1, with the access cookie
 *                          (xf_r) set so that the status shows at once; a bad
 *                          form: the form again, 422, each error under its
 *                          field in <p class="field-error" id="error-FIELD">
 *
 * xf-portal-page-notices.c
 *   GET  /notices          current notices: <ul id="notices">, each <a href="/notices/ID">
 *   GET  /notices/ID       the notice: title, period, preamble, candidates
 *                          <table id="candidates">, the office's contacts,
 *                          and while open the objection form
 *                          <form id="objection-form" method="post"
 *                          action="/notices/ID/objections"
 *                          enctype="multipart/form-data"> with fields
 *                          candidate (select of nomination ids), anonymous
 *                          (checkbox "1"), name, contact, grounds, file, csrf
 *   POST /notices/ID/objections
 *                          303 → /notices/ID?objection=REF; the page then
 *                          shows <p id="objection-result">REF</p>; a bad
 *                          form: 422 with field errors as above
 *
 * xf-portal-page-services.c
 *   GET  /services         the menu by group: <ul id="services">, each
 *                          <a href="/services/CODE">
 *   GET  /services/CODE    the request form (点单) <form id="request-form">:
 *                          requester, contact, region, place, needed_by,
 *                          description, csrf
 *   POST /services/CODE    303 → /requests/CODE?new=1 (access cookie set)
 *
 * xf-portal-page-requests.c
 *   GET  /requests         lookup form <form id="lookup-form" method="post"
 *                          action="/requests">: code, contact, csrf
 *   POST /requests         contact matches → access cookie xf_r and 303 →
 *                          /requests/CODE; else 404 page "No request with
 *                          this code and contact" (the same for both)
 *   GET  /requests/CODE    with a valid xf_r for CODE: the status
 *                          <span id="status" data-status="STATUS">, the
 *                          steps <ol id="steps">, who serves it; when
 *                          done and not rated the rating form
 *                          <form id="rate-form" action="/requests/CODE/rate">
 *                          rating (radio 1..5), liked (checkbox "1"),
 *                          comment, csrf; once rated <p id="rated">.
 *                          Without access: the contact form (contact, csrf)
 *                          posting to /requests/CODE; ?new=1 shows
 *                          "Your request is received, code CODE"
 *                          in <p id="request-created">
 *   POST /requests/CODE    the contact form: as POST /requests
 *   POST /requests/CODE/rate
 *                          303 → /requests/CODE?rated=1
 *
 * xf-portal-router.c (the server's own)
 *   GET  /healthz          200 "ok" (text/plain) or 503 when the database
 *                          does not answer
 *   GET  /static/style.css the stylesheet (from the resource bundle;
 *                          Cache-Control: public, max-age=86400)
 */

XfPortalResponse *xf_portal_page_month        (XfPortalContext *ctx, XfPortalRequest *request, const char * const *captures);
XfPortalResponse *xf_portal_page_card         (XfPortalContext *ctx, XfPortalRequest *request, const char * const *captures);
XfPortalResponse *xf_portal_page_card_like    (XfPortalContext *ctx, XfPortalRequest *request, const char * const *captures);
XfPortalResponse *xf_portal_page_card_share   (XfPortalContext *ctx, XfPortalRequest *request, const char * const *captures);
XfPortalResponse *xf_portal_page_booking      (XfPortalContext *ctx, XfPortalRequest *request, const char * const *captures);
XfPortalResponse *xf_portal_page_booking_post (XfPortalContext *ctx, XfPortalRequest *request, const char * const *captures);

XfPortalResponse *xf_portal_page_notices        (XfPortalContext *ctx, XfPortalRequest *request, const char * const *captures);
XfPortalResponse *xf_portal_page_notice         (XfPortalContext *ctx, XfPortalRequest *request, const char * const *captures);
XfPortalResponse *xf_portal_page_objection_post (XfPortalContext *ctx, XfPortalRequest *request, const char * const *captures);

XfPortalResponse *xf_portal_page_services       (XfPortalContext *ctx, XfPortalRequest *request, const char * const *captures);
XfPortalResponse *xf_portal_page_service_form   (XfPortalContext *ctx, XfPortalRequest *request, const char * const *captures);
XfPortalResponse *xf_portal_page_service_post   (XfPortalContext *ctx, XfPortalRequest *request, const char * const *captures);

XfPortalResponse *xf_portal_page_lookup         (XfPortalContext *ctx, XfPortalRequest *request, const char * const *captures);
XfPortalResponse *xf_portal_page_lookup_post    (XfPortalContext *ctx, XfPortalRequest *request, const char * const *captures);
XfPortalResponse *xf_portal_page_request        (XfPortalContext *ctx, XfPortalRequest *request, const char * const *captures);
XfPortalResponse *xf_portal_page_request_post   (XfPortalContext *ctx, XfPortalRequest *request, const char * const *captures);
XfPortalResponse *xf_portal_page_rate_post      (XfPortalContext *ctx, XfPortalRequest *request, const char * const *captures);

/* Shared by the form pages (xf-portal-page-services.c): the request form
 * (点单 or booking) with the values given and the errors found, and the
 * submission of one. @pioneer_uid NULL for 点单. */
XfPortalResponse *xf_portal_request_form_page (XfPortalContext *ctx,
                                               XfPortalRequest *request,
                                               const char      *item_code,
                                               const char      *pioneer_uid,
                                               GHashTable      *errors,
                                               guint            status);
XfPortalResponse *xf_portal_request_form_submit (XfPortalContext *ctx,
                                                 XfPortalRequest *request,
                                                 const char      *item_code,
                                                 const char      *pioneer_uid);

G_END_DECLS
