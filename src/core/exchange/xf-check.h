/* xf-check.h — is the database sound?
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-account.h"
#include "xf-store.h"

G_BEGIN_DECLS

/*
 * `xianfeng-cli check` and the desktop's "Check Database": SQLite's
 * PRAGMA integrity_check and PRAGMA foreign_key_check (PostgreSQL keeps
 * both itself: there the foreign keys are counted by query, the rest is
 * the server's), the schema version, and the audit chain (xf_audit_verify).
 * Reading only; needs DATABASE_CHECK. Problems are findings, not errors:
 * the function fails only when the checks could not run.
 */

typedef struct
{
  char     *name;       /* "integrity", "foreign-keys", "schema", "audit-chain" */
  char     *label;      /* translated: "Integrity", "Foreign keys", … */
  gboolean  ok;
  char     *detail;     /* translated: "ok", "3 rows of honours name a missing pioneer", … */
} XfCheckItem;

typedef struct
{
  gboolean   ok;        /* every item ok */
  GPtrArray *items;     /* (element-type XfCheckItem) in the order above */
} XfCheckReport;

void           xf_check_report_free (XfCheckReport *report);
XfCheckReport *xf_check_database    (XfStore       *store,
                                     XfAccount     *actor,
                                     GCancellable  *cancellable,
                                     GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCheckReport, xf_check_report_free)

G_END_DECLS
