/* xf-public-request.h — what a requester may see of their own request
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A service request as the public sees it once they proved it is theirs
 * (its code and the contact they gave): the item, where it stands, who
 * serves it (a pioneer's name is public), and whether it can be rated.
 * No dispatcher notes, no other requester's data, no pioneer's contact.
 */

typedef struct
{
  gint64  at;          /* UTC µs */
  char   *label;       /* translated: "Ordered", "Claimed by 王建国", "Done", … */
} XfPublicRequestStep;

typedef struct
{
  char      *code;
  char      *item_code;
  char      *item_name;          /* current language */
  char      *status;             /* XF_REQUEST_* */
  char      *status_label;       /* translated */
  char      *region_label;
  char      *needed_by;          /* or NULL */
  gint64     created_at;
  gint64     response_due_at;
  char      *served_by;          /* the pioneer's name (claimed or booked), or NULL */
  char      *served_by_uid;      /* for a link to the card, or NULL */
  gboolean   booking;            /* booked from a card */
  GPtrArray *steps;              /* (element-type XfPublicRequestStep) oldest first */
  gboolean   can_rate;           /* done and not rated yet */
  gboolean   rated;
  int        rating;             /* 0..5 once rated */
  gboolean   liked;
} XfPublicRequest;

XfPublicRequest *xf_public_request_new  (void);   /* empty steps */
void             xf_public_request_free (XfPublicRequest *request);
void             xf_public_request_step_free (XfPublicRequestStep *step);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfPublicRequest, xf_public_request_free)

G_END_DECLS
