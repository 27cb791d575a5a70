/* xf-import-assistant.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-import-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-import-assistant.h"

struct _XfImportAssistant
{
  AdwWindow   parent_instance;

  XfRegistry *registry;
};

G_DEFINE_FINAL_TYPE (XfImportAssistant, xf_import_assistant, ADW_TYPE_WINDOW)

static void
xf_import_assistant_dispose (GObject *object)
{
  XfImportAssistant *self = XF_IMPORT_ASSISTANT (object);

  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xf_import_assistant_parent_class)->dispose (object);
}

static void
xf_import_assistant_class_init (XfImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_import_assistant_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/exchange/xf-import-assistant.ui");
}

static void
xf_import_assistant_init (XfImportAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
xf_import_assistant_new (GtkWindow  *parent,
                         XfRegistry *registry)
{
  XfImportAssistant *self;

  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  self = g_object_new (XF_TYPE_IMPORT_ASSISTANT,
                       "transient-for", parent,
                       NULL);
  self->registry = g_object_ref (registry);
  return GTK_WIDGET (self);
}
