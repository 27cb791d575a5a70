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
#include "xf-care-page.h"
#include "xf-cockpit-page.h"
#include "xf-cultivation-page.h"
#include "xf-evaluation-page.h"
#include "xf-honour-wall-page.h"
#include "xf-notice-board-page.h"
#include "xf-registry-page.h"
#include "xf-services-page.h"
#include "xf-statistics-page.h"
#include "xf-window-private.h"

/* In the sidebar's order. Add a page with one line here (and its header). */
static const XfWindowPageInfo page_infos[] = {
  { "registry", N_("Registry"), "x-office-address-book-symbolic", XF_OP_REGISTRY_READ,
    xf_registry_page_new, (XfWindowPageRefresh) xf_registry_page_refresh },
  { "cultivation", N_("Cultivation"), "emoji-nature-symbolic", XF_OP_REGISTRY_READ,
    xf_cultivation_page_new, (XfWindowPageRefresh) xf_cultivation_page_refresh },
  { "evaluation", N_("Evaluation"), "starred-symbolic", XF_OP_REGISTRY_READ,
    xf_evaluation_page_new, (XfWindowPageRefresh) xf_evaluation_page_refresh },
  { "notices", N_("Notice board"), "view-pin-symbolic", XF_OP_REGISTRY_READ,
    xf_notice_board_page_new, (XfWindowPageRefresh) xf_notice_board_page_refresh },
  { "services", N_("Services"), "emblem-shared-symbolic", XF_OP_REGISTRY_READ,
    xf_services_page_new, (XfWindowPageRefresh) xf_services_page_refresh },
  { "care", N_("Care"), "emoji-people-symbolic", XF_OP_REGISTRY_READ,
    xf_care_page_new, (XfWindowPageRefresh) xf_care_page_refresh },
  { "cockpit", N_("Cockpit"), "view-grid-symbolic", XF_OP_REGISTRY_READ,
    xf_cockpit_page_new, (XfWindowPageRefresh) xf_cockpit_page_refresh },
  { "ranking", N_("Pioneers of the Month"), "emblem-favorite-symbolic", XF_OP_REGISTRY_READ,
    xf_honour_wall_page_new, (XfWindowPageRefresh) xf_honour_wall_page_refresh },
  { "statistics", N_("Statistics"), "x-office-spreadsheet-symbolic", XF_OP_REGISTRY_READ,
    xf_statistics_page_new, (XfWindowPageRefresh) xf_statistics_page_refresh },
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
