/* xf-cultivation.c — the cultivation repository: object and shared helpers
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-cultivation"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-cultivation-private.h"
#include "xf-error.h"
#include "xf-store.h"

G_DEFINE_FINAL_TYPE (XfCultivation, xf_cultivation, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
xf_cultivation_dispose (GObject *object)
{
  XfCultivation *self = (XfCultivation *) object;

  xf_repo_clear (&self->repo);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xf_cultivation_parent_class)->dispose (object);
}

static void
xf_cultivation_class_init (XfCultivationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xf_cultivation_dispose;

  /**
   * XfCultivation::changed:
   * @pioneer_id: the pioneer the write was about, or 0
   *
   * After each committed write.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
xf_cultivation_init (XfCultivation *self)
{
}

XfCultivation *
xf_cultivation_new (XfRegistry *registry)
{
  XfCultivation *self;

  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  self = g_object_new (XF_TYPE_CULTIVATION, NULL);
  self->registry = g_object_ref (registry);
  xf_repo_init (&self->repo, xf_store_get_db (xf_registry_get_store (registry)),
                xf_registry_get_actor (registry), "xf_cultivation_write");
  return self;
}

XfRegistry *
xf_cultivation_get_registry (XfCultivation *self)
{
  g_return_val_if_fail (XF_IS_CULTIVATION (self), NULL);
  return self->registry;
}

XfAccount *
xf_cultivation_get_actor (XfCultivation *self)
{
  g_return_val_if_fail (XF_IS_CULTIVATION (self), NULL);
  return self->repo.actor;
}

static void
_xf_cultivation_emit_changed (XfCultivation *self,
                       gint64  pioneer_id)
{
  g_signal_emit (self, signals [CHANGED], 0, pioneer_id);
}

gboolean
_xf_cultivation_end (XfCultivation   *self,
              gboolean  ok,
              gint64    pioneer_id,
              GError  **error)
{
  if (!xf_repo_end (&self->repo, ok, error))
    return FALSE;
  _xf_cultivation_emit_changed (self, pioneer_id);
  return TRUE;
}
