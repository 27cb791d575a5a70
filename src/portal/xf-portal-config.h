/* xf-portal-config.h — the portal's settings: defaults, GSettings, a key
 *                      file, the command line
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Later sources win: the defaults below, then the GSettings schema
 * io.github.xianfeng.Xianfeng.Portal when it is installed, then the key
 * file (--config FILE, else /etc/xianfeng/portal.conf when it exists;
 * group [portal], the same key names), then the command line
 * (--database, --listen, --secret-file).
 *
 *   database              the database (a file or postgresql://…)    required
 *   listen                ADDR:PORT                                   127.0.0.1:8080
 *   base-url              the public address behind the proxy         "" (links are relative)
 *   secret-file           the signing secret (made on first start)    $XDG_STATE_HOME/xianfeng/portal-secret
 *   trusted-proxies       addresses whose X-Forwarded-For is believed 127.0.0.1;::1
 *   secure-cookies        cookies only over HTTPS                     false
 *   max-body              bytes of a form                             65536
 *   max-upload            bytes of a form with a file                 (XF_MATERIAL_MAX_SIZE + 65536)
 *   pages-per-minute      per address (0: no limit)                   120
 *   posts-per-minute      per address (0: no limit)                   20
 *
 * A listen address that is not loopback is taken, with a warning on
 * standard error that the portal is meant to sit behind a reverse proxy.
 * Bad values are XF_ERROR_INVALID naming the key and the source.
 */

typedef struct
{
  char   *database;
  char   *listen_address;   /* "127.0.0.1" */
  guint   listen_port;      /* 8080 */
  char   *base_url;
  char   *secret_file;
  GStrv   trusted_proxies;
  gboolean secure_cookies;
  gsize   max_body;
  gsize   max_upload;
  guint   pages_per_minute;
  guint   posts_per_minute;
} XfPortalConfig;

XfPortalConfig *xf_portal_config_new_default (void);
/* Loads GSettings (when installed) and @key_file (NULL: the default path
 * when it exists) over the defaults. */
XfPortalConfig *xf_portal_config_load        (const char  *key_file,
                                              GError     **error);
/* "ADDR:PORT", "[::1]:PORT" or ":PORT" (loopback). */
gboolean        xf_portal_config_set_listen  (XfPortalConfig *self,
                                              const char     *listen,
                                              GError        **error);
gboolean        xf_portal_config_is_loopback (const XfPortalConfig *self);
void            xf_portal_config_free        (XfPortalConfig *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfPortalConfig, xf_portal_config_free)

G_END_DECLS
