/* xf-audit-item.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "xf-audit.h"

G_BEGIN_DECLS

/*
 * XfAuditItem: one audit trail entry as an object for a list model, with
 * the texts the audit page shows for it, in the user's language.
 */

#define XF_TYPE_AUDIT_ITEM (xf_audit_item_get_type ())

G_DECLARE_FINAL_TYPE (XfAuditItem, xf_audit_item, XF, AUDIT_ITEM, GObject)

/* Takes @entry. */
XfAuditItem        *xf_audit_item_new          (XfAuditEntry *entry);
const XfAuditEntry *xf_audit_item_get_entry    (XfAuditItem  *self);

/* "2026-03-01 14:05:30" in local time. */
char               *xf_audit_item_dup_time     (XfAuditItem  *self);
/* "王丽 (clerk)", or the login alone. */
char               *xf_audit_item_dup_person   (XfAuditItem  *self);
/* The record's label, or what kind of record it is when it has none. */
char               *xf_audit_item_dup_record   (XfAuditItem  *self);
/* The field's label, "" for an entry about no field. */
const char         *xf_audit_item_get_field    (XfAuditItem  *self);
/* "before → after", "" when the entry records no values. */
char               *xf_audit_item_dup_change   (XfAuditItem  *self);

/* The actions the trail records, as codes (NULL-terminated), and each
 * one's label: "Changed", "Signed in"… (the code itself when unknown). */
const char * const *xf_audit_action_codes      (void);
const char         *xf_audit_action_label      (const char   *action);

G_END_DECLS
