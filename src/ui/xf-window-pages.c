/* xf-window-pages.c — the pages the sidebar offers, and who sees them
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-window"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-accounts-page.h"
#include "xf-audit-page.h"
#include "xf-registry-page.h"
#include "xf-window-private.h"

/* Everyone reads the registry; whoever may create no file anywhere sees
 * it without "New" (core refuses such a save anyway). */
static GtkWidget *
new_registry_page (XfRegistry *registry)
{
  GtkWidget *page = xf_registry_page_new (registry);

  if (!xf_permission_allows_somewhere (xf_registry_get_actor (registry), XF_OP_PIONEER_CREATE))
    xf_registry_page_set_read_only (XF_REGISTRY_PAGE (page), TRUE);
  return page;
}

/* In the sidebar's order. Add a page with one line here (and its header). */
static const XfWindowPageInfo page_infos[] = {
  { "registry", N_("Registry"), "x-office-address-book-symbolic", XF_OP_REGISTRY_READ,
    new_registry_page, (XfWindowPageRefresh) xf_registry_page_refresh },
  { "audit", N_("Audit"), "security-high-symbolic", XF_OP_AUDIT_READ,
    xf_audit_page_new, (XfWindowPageRefresh) xf_audit_page_refresh },
  { "accounts", N_("Accounts"), "system-users-symbolic", XF_OP_ACCOUNT_MANAGE,
    xf_accounts_page_new, (XfWindowPageRefresh) xf_accounts_page_refresh },
};

const XfWindowPageInfo *
_xf_window_get_page_infos (guint *n_infos)
{
  *n_infos = G_N_ELEMENTS (page_infos);
  return page_infos;
}
