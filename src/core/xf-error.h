/* xf-error.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define XF_ERROR (xf_error_quark ())

/**
 * XfError:
 * @XF_ERROR_INVALID: a field's value is not acceptable; the message names the field and the reason
 * @XF_ERROR_NOT_FOUND: the record does not exist
 * @XF_ERROR_CONFLICT: the record was changed elsewhere since it was read
 * @XF_ERROR_DUPLICATE: another record already holds this unique value; the message names it
 * @XF_ERROR_PERMISSION_DENIED: the acting account may not do this
 * @XF_ERROR_WORKFLOW: the step is not allowed in the current state
 * @XF_ERROR_IO: the database or a file could not be read or written
 * @XF_ERROR_CORRUPT: the database or a data file is malformed
 * @XF_ERROR_NEWER_SCHEMA: the database was written by a newer version of Xianfeng
 * @XF_ERROR_READ_ONLY: the database cannot be written
 * @XF_ERROR_OFFLINE: the shared database cannot be reached; nothing of the
 *   interrupted work was written, and it may be tried again once reconnected
 * @XF_ERROR_AUTH: the shared database refused the user name or password, or
 *   asks for a password that was not given; also a wrong login or password at sign-in
 * @XF_ERROR_LOCKED_OUT: too many failed sign-ins: the account is locked for a
 *   while; the message says until when (xf_accounts_get_locked_until() gives it)
 */
typedef enum
{
  XF_ERROR_INVALID,
  XF_ERROR_NOT_FOUND,
  XF_ERROR_CONFLICT,
  XF_ERROR_DUPLICATE,
  XF_ERROR_PERMISSION_DENIED,
  XF_ERROR_WORKFLOW,
  XF_ERROR_IO,
  XF_ERROR_CORRUPT,
  XF_ERROR_NEWER_SCHEMA,
  XF_ERROR_READ_ONLY,
  XF_ERROR_OFFLINE,
  XF_ERROR_AUTH,
  XF_ERROR_LOCKED_OUT,
} XfError;

GQuark xf_error_quark (void);

/* Sets XF_ERROR_IO "Could not write “FILE”: @reason" naming @path as the
 * user sees it; returns FALSE, for `return xf_error_set_write_failed (…)`. */
gboolean xf_error_set_write_failed (GError     **error,
                                    const char  *path,
                                    const char  *reason);

G_END_DECLS
