/* xf-care-page.c — the care page (服): programmes, batches, hardship, visits, reports
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-care-page.h"

/* Contract placeholder: G fills this file in. */
struct _XfCarePage
{
  AdwBin      parent_instance;
  XfRegistry *registry;
};

G_DEFINE_FINAL_TYPE (XfCarePage, xf_care_page, ADW_TYPE_BIN)

static void
xf_care_page_dispose (GObject *object)
{
  XfCarePage *self = (XfCarePage *) object;

  g_clear_object (&self->registry);
  G_OBJECT_CLASS (xf_care_page_parent_class)->dispose (object);
}

static void
xf_care_page_class_init (XfCarePageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xf_care_page_dispose;
}

static void
xf_care_page_init (XfCarePage *self)
{
}

GtkWidget *
xf_care_page_new (XfRegistry *registry)
{
  XfCarePage *self = g_object_new (XF_TYPE_CARE_PAGE, NULL);

  self->registry = g_object_ref (registry);
  return GTK_WIDGET (self);
}

void
xf_care_page_refresh (XfCarePage *self)
{
}
