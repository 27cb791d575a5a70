/* xf-cultivation-page.c — the cultivation page (育): pipeline, plans, skill training
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-cultivation-page.h"

/* Contract placeholder: F fills this file in. */
struct _XfCultivationPage
{
  AdwBin      parent_instance;
  XfRegistry *registry;
};

G_DEFINE_FINAL_TYPE (XfCultivationPage, xf_cultivation_page, ADW_TYPE_BIN)

static void
xf_cultivation_page_dispose (GObject *object)
{
  XfCultivationPage *self = (XfCultivationPage *) object;

  g_clear_object (&self->registry);
  G_OBJECT_CLASS (xf_cultivation_page_parent_class)->dispose (object);
}

static void
xf_cultivation_page_class_init (XfCultivationPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xf_cultivation_page_dispose;
}

static void
xf_cultivation_page_init (XfCultivationPage *self)
{
}

GtkWidget *
xf_cultivation_page_new (XfRegistry *registry)
{
  XfCultivationPage *self = g_object_new (XF_TYPE_CULTIVATION_PAGE, NULL);

  self->registry = g_object_ref (registry);
  return GTK_WIDGET (self);
}

void
xf_cultivation_page_refresh (XfCultivationPage *self)
{
}
