/* xf-hardship-view.c — hardship cases: list, detail, two-step approval, payments
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-hardship-view.h"

/* Contract placeholder: H fills this file in. */
struct _XfHardshipView
{
  AdwBin      parent_instance;
  XfCare     *care;
};

G_DEFINE_FINAL_TYPE (XfHardshipView, xf_hardship_view, ADW_TYPE_BIN)

static void
xf_hardship_view_dispose (GObject *object)
{
  XfHardshipView *self = (XfHardshipView *) object;

  g_clear_object (&self->care);
  G_OBJECT_CLASS (xf_hardship_view_parent_class)->dispose (object);
}

static void
xf_hardship_view_class_init (XfHardshipViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xf_hardship_view_dispose;
}

static void
xf_hardship_view_init (XfHardshipView *self)
{
}

GtkWidget *
xf_hardship_view_new (XfCare     *care)
{
  XfHardshipView *self = g_object_new (XF_TYPE_HARDSHIP_VIEW, NULL);

  self->care = g_object_ref (care);
  return GTK_WIDGET (self);
}

void
xf_hardship_view_refresh (XfHardshipView *self)
{
}
