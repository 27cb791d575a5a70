/* xf-account.h — a person who signs in, with roles and scopes
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "xf-role.h"

G_BEGIN_DECLS

/*
 * XfAccount is also the actor every core operation runs as. It never holds
 * a password or its hash (XfAccounts keeps those in the database).
 *
 * Properties: "id" (gint64, 0 until saved), "uid", "login" (unique, 3–32 of
 * a-z 0-9 . _ -), "display-name", "disabled", "must-change-password",
 * "version". Grants are a list of XfGrant.
 *
 * The local administrator (xf_account_new_local_administrator) is the actor
 * of a desk whose database has no accounts yet (first start, the CLI on its
 * own SQLite file, tests): login "local", administrator over everything.
 */

#define XF_TYPE_ACCOUNT (xf_account_get_type ())

G_DECLARE_FINAL_TYPE (XfAccount, xf_account, XF, ACCOUNT, GObject)

XfAccount   *xf_account_new                     (const char *login,
                                                 const char *display_name);
XfAccount   *xf_account_new_local_administrator (void);
/* The portal's actor (login "public"): reads the registry, masked, and
 * submits what the public may (XF_OP_PUBLIC_SUBMIT); nothing else. */
XfAccount   *xf_account_new_public              (void);
XfAccount   *xf_account_copy                    (XfAccount  *self);

gint64       xf_account_get_id                  (XfAccount  *self);
const char  *xf_account_get_uid                 (XfAccount  *self);
const char  *xf_account_get_login               (XfAccount  *self);
const char  *xf_account_get_display_name        (XfAccount  *self);
/* How records name the account: the display name, else the login. */
const char  *xf_account_get_record_name         (XfAccount  *self);
void         xf_account_set_display_name        (XfAccount  *self,
                                                 const char *display_name);
gboolean     xf_account_get_disabled            (XfAccount  *self);
void         xf_account_set_disabled            (XfAccount  *self,
                                                 gboolean    disabled);
gboolean     xf_account_get_must_change_password (XfAccount *self);
gint64       xf_account_get_version             (XfAccount  *self);
gboolean     xf_account_is_local_administrator  (XfAccount  *self);
gboolean     xf_account_is_public               (XfAccount  *self);

/* (element-type XfGrant) (transfer none) */
GPtrArray   *xf_account_get_grants              (XfAccount  *self);
void         xf_account_add_grant               (XfAccount  *self,
                                                 XfRole      role,
                                                 XfScopeKind scope,
                                                 const char *value);
void         xf_account_clear_grants            (XfAccount  *self);
/* Holds @role anywhere (whatever its scope). */
gboolean     xf_account_has_role                (XfAccount  *self,
                                                 XfRole      role);

/* For XfAccounts when reading rows. */
void         _xf_account_set_stored             (XfAccount  *self,
                                                 gint64      id,
                                                 const char *uid,
                                                 gint64      version,
                                                 gboolean    must_change_password);

G_END_DECLS
