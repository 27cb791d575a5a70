/* xf-care.c — the care repository: object and shared helpers
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-care-private.h"
#include "xf-error.h"
#include "xf-store.h"

G_DEFINE_FINAL_TYPE (XfCare, xf_care, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
xf_care_dispose (GObject *object)
{
  XfCare *self = (XfCare *) object;

  xf_repo_clear (&self->repo);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xf_care_parent_class)->dispose (object);
}

static void
xf_care_class_init (XfCareClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xf_care_dispose;

  /**
   * XfCare::changed:
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
xf_care_init (XfCare *self)
{
}

XfCare *
xf_care_new (XfRegistry *registry)
{
  XfCare *self;

  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  self = g_object_new (XF_TYPE_CARE, NULL);
  self->registry = g_object_ref (registry);
  xf_repo_init (&self->repo, xf_store_get_db (xf_registry_get_store (registry)),
                xf_registry_get_actor (registry), "xf_care_write");
  return self;
}

XfRegistry *
xf_care_get_registry (XfCare *self)
{
  g_return_val_if_fail (XF_IS_CARE (self), NULL);
  return self->registry;
}

XfAccount *
xf_care_get_actor (XfCare *self)
{
  g_return_val_if_fail (XF_IS_CARE (self), NULL);
  return self->repo.actor;
}

void
_xf_care_emit_changed (XfCare *self,
                       gint64  pioneer_id)
{
  g_signal_emit (self, signals [CHANGED], 0, pioneer_id);
}

gboolean
_xf_care_end (XfCare   *self,
              gboolean  ok,
              gint64    pioneer_id,
              GError  **error)
{
  if (!xf_repo_end (&self->repo, ok, error))
    return FALSE;
  _xf_care_emit_changed (self, pioneer_id);
  return TRUE;
}
