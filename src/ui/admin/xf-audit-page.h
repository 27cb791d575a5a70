/* xf-audit-page.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfAuditPage: the audit trail for auditors and administrators
 * (XF_OP_AUDIT_READ), newest first, a page at a time: when, who, what,
 * which record and field, before → after. Filters by person (login),
 * record (its uid), action and dates. "Verify Chain" checks every entry's
 * link (xf_audit_verify) in a worker thread with progress and Cancel, then
 * says whether the trail is intact or names the first broken link.
 * "Export CSV…" writes the filtered entries to a file in a worker.
 * Both work on a connection of their own, so the window stays live.
 *
 * Actions: audit.verify, audit.cancel, audit.export, audit.show-more,
 * audit.clear-filters. Template children: person_entry, record_entry,
 * action_dropdown (0 = any action, then xf_audit_action_codes() in order),
 * from_button, to_button (XfDateButton), column_view, list_stack ("list" |
 * "empty" | "error"), count_label, more_button, progress_revealer,
 * progress_bar, result_revealer, result_title, result_label, toast_overlay.
 * Property "show-sidebar-button" as on the registry page.
 */

#define XF_TYPE_AUDIT_PAGE (xf_audit_page_get_type ())

G_DECLARE_FINAL_TYPE (XfAuditPage, xf_audit_page, XF, AUDIT_PAGE, AdwBin)

GtkWidget  *xf_audit_page_new        (XfRegistry  *registry);
/* Reads the entries shown again with the current filters (a hidden page
 * waits until it is next shown; it is first read then too). */
void        xf_audit_page_refresh    (XfAuditPage *self);
/* (element-type XfAuditItem): the entries loaded so far, newest first. */
GListModel *xf_audit_page_get_model  (XfAuditPage *self);
/* Starts verifying the chain (as "Verify Chain" does). */
void        xf_audit_page_verify     (XfAuditPage *self);
/* Starts exporting the filtered entries to @file (what "Export CSV…" does
 * once a file is chosen); a toast says when it is done. */
void        xf_audit_page_export     (XfAuditPage *self,
                                      GFile       *file);
/* Whether a verification or export is running. */
gboolean    xf_audit_page_get_busy   (XfAuditPage *self);

G_END_DECLS
