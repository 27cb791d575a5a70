/* xf-portal.c — the public's side of core: object and health
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-portal"

#include "config.h"

#include "xf-account.h"
#include "xf-db.h"
#include "xf-portal-private.h"
#include "xf-reference.h"

G_DEFINE_FINAL_TYPE (XfPortal, xf_portal, G_TYPE_OBJECT)

static void
xf_portal_dispose (GObject *object)
{
  XfPortal *self = (XfPortal *) object;

  g_clear_pointer (&self->month_wall, xf_monthly_ranking_free);
  g_clear_pointer (&self->card_statements, xf_stmt_cache_free);
  g_clear_object (&self->notices);
  g_clear_object (&self->evaluation);
  g_clear_object (&self->ranking);
  g_clear_object (&self->services);
  g_clear_object (&self->registry);
  g_clear_object (&self->actor);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (xf_portal_parent_class)->dispose (object);
}

static void
xf_portal_class_init (XfPortalClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xf_portal_dispose;
}

static void
xf_portal_init (XfPortal *self)
{
}

/**
 * xf_portal_new:
 * @store: an open store
 *
 * Returns: (transfer full): the public's side of @store, acting as the
 *   public actor
 */
XfPortal *
xf_portal_new (XfStore *store)
{
  XfPortal *self;

  g_return_val_if_fail (XF_IS_STORE (store), NULL);

  self = g_object_new (XF_TYPE_PORTAL, NULL);
  self->store = g_object_ref (store);
  self->actor = xf_account_new_public ();
  self->registry = xf_registry_new (store, self->actor);
  self->services = xf_services_new (self->registry);
  self->ranking = xf_ranking_new (self->registry);
  self->evaluation = xf_evaluation_new (self->registry);
  self->notices = xf_notice_board_new (self->evaluation);
  self->card_statements = xf_stmt_cache_new (xf_store_get_db (store));
  return self;
}

XfStore *
xf_portal_get_store (XfPortal *self)
{
  g_return_val_if_fail (XF_IS_PORTAL (self), NULL);
  return self->store;
}

gboolean
xf_portal_check_health (XfPortal  *self,
                        GError   **error)
{
  g_return_val_if_fail (XF_IS_PORTAL (self), FALSE);

  g_autoptr(GError) local_error = NULL;
  gint64 one = xf_db_query_int64 (xf_store_get_db (self->store), "SELECT 1", 0, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return one == 1;
}

char *
_xf_portal_region_label (const char *code)
{
  XfReference *reference = xf_reference_get_shared ();
  const XfReferenceItem *item, *county;

  if (code == NULL || *code == '\0' || !xf_reference_ensure (reference, XF_REFERENCE_REGIONS, NULL))
    return NULL;
  if (g_strcmp0 (code, xf_reference_city_code (reference)) == 0)
    return g_strdup (xf_reference_city_label (reference));
  item = xf_reference_lookup (reference, XF_REFERENCE_REGIONS, code);
  if (item == NULL)
    return NULL;
  county = item->parent != NULL && *item->parent != '\0'
           ? xf_reference_lookup (reference, XF_REFERENCE_REGIONS, item->parent) : NULL;
  if (county == NULL)
    return g_strdup (xf_reference_label (reference, XF_REFERENCE_REGIONS, code));
  /* The order follows the names' language, which the reference data
   * chooses: the county first in Chinese, after the township in English. */
  if (xf_reference_prefers_chinese ())
    return g_strconcat (county->name_zh, item->name_zh, NULL);
  return g_strdup_printf ("%s, %s", xf_reference_label (reference, XF_REFERENCE_REGIONS, code),
                          xf_reference_label (reference, XF_REFERENCE_REGIONS, item->parent));
}
