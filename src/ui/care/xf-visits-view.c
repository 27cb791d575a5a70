/* xf-visits-view.c — visits and the care calendar
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-visits-view.h"

/* Contract placeholder: H fills this file in. */
struct _XfVisitsView
{
  AdwBin      parent_instance;
  XfCare     *care;
};

G_DEFINE_FINAL_TYPE (XfVisitsView, xf_visits_view, ADW_TYPE_BIN)

static void
xf_visits_view_dispose (GObject *object)
{
  XfVisitsView *self = (XfVisitsView *) object;

  g_clear_object (&self->care);
  G_OBJECT_CLASS (xf_visits_view_parent_class)->dispose (object);
}

static void
xf_visits_view_class_init (XfVisitsViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xf_visits_view_dispose;
}

static void
xf_visits_view_init (XfVisitsView *self)
{
}

GtkWidget *
xf_visits_view_new (XfCare     *care)
{
  XfVisitsView *self = g_object_new (XF_TYPE_VISITS_VIEW, NULL);

  self->care = g_object_ref (care);
  return GTK_WIDGET (self);
}

void
xf_visits_view_refresh (XfVisitsView *self)
{
}
