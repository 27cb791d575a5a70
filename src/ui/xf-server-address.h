/* xf-server-address.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * XfServerAddress: the parts of a shared database's location
 * (postgresql://user@host:port/database?…) that the connect dialog shows
 * and the password store keys on. It never holds a password: parsing drops
 * it, and building never writes one.
 */

typedef struct
{
  char  *host;      /* a name, an address, or a socket folder starting with "/" */
  guint  port;      /* 0 when the location gives none (the server's default, 5432) */
  char  *database;
  char  *user;
  char  *extra;     /* further parameters, still %-encoded (without "host="), or NULL */
} XfServerAddress;

#define XF_SERVER_DEFAULT_PORT 5432

XfServerAddress *xf_server_address_new          (void);
/* NULL when @location is not a postgresql:// or postgres:// URL. */
XfServerAddress *xf_server_address_parse        (const char            *location);
/* The URL, without a password. */
char            *xf_server_address_to_location  (const XfServerAddress *address);
/* The port, or the default when none is given. */
guint            xf_server_address_get_port     (const XfServerAddress *address);
/* "database on host", for labels. */
char            *xf_server_address_describe     (const XfServerAddress *address);
void             xf_server_address_free         (XfServerAddress       *address);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfServerAddress, xf_server_address_free)

G_END_DECLS
