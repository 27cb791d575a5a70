/* xf-qr-code.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-qr-code"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-qr-code.h"

/* ISO/IEC 18004 asks for four light modules around the symbol. */
#define QUIET_ZONE 4

struct _XfQrCode
{
  GtkWidget   parent_instance;

  char       *text;
  XfQrMatrix *matrix;
  int         pixel_size;
};

G_DEFINE_FINAL_TYPE (XfQrCode, xf_qr_code, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_PIXEL_SIZE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
xf_qr_code_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  XfQrCode *self = XF_QR_CODE (widget);

  *minimum = *natural = self->pixel_size;
}

static void
xf_qr_code_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  XfQrCode *self = XF_QR_CODE (widget);
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA black = { 0, 0, 0, 1 };
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int side = MIN (width, height);
  int modules;
  float module;
  float x0, y0;

  if (self->matrix == NULL || side <= 0)
    return;

  modules = xf_qr_matrix_get_width (self->matrix);
  /* Whole pixels per module keep the edges sharp on screen; fall back to
   * fractions only when the widget is too small for one pixel each. */
  module = (float) side / (modules + 2 * QUIET_ZONE);
  if (module >= 1)
    module = (int) module;
  x0 = (width - module * modules) / 2;
  y0 = (height - module * modules) / 2;

  gtk_snapshot_append_color (snapshot, &white,
                             &GRAPHENE_RECT_INIT (x0 - module * QUIET_ZONE,
                                                  y0 - module * QUIET_ZONE,
                                                  module * (modules + 2 * QUIET_ZONE),
                                                  module * (modules + 2 * QUIET_ZONE)));

  /* One node per horizontal run of dark modules, not per module. */
  for (int y = 0; y < modules; y++)
    {
      int x = 0;

      while (x < modules)
        {
          int start;

          if (!xf_qr_matrix_get_module (self->matrix, x, y))
            {
              x++;
              continue;
            }
          start = x;
          while (x < modules && xf_qr_matrix_get_module (self->matrix, x, y))
            x++;
          gtk_snapshot_append_color (snapshot, &black,
                                     &GRAPHENE_RECT_INIT (x0 + start * module, y0 + y * module,
                                                          (x - start) * module, module));
        }
    }
}

static void
xf_qr_code_finalize (GObject *object)
{
  XfQrCode *self = (XfQrCode *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->matrix, xf_qr_matrix_free);

  G_OBJECT_CLASS (xf_qr_code_parent_class)->finalize (object);
}

static void
xf_qr_code_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  XfQrCode *self = XF_QR_CODE (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_PIXEL_SIZE:
      g_value_set_int (value, self->pixel_size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_qr_code_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  XfQrCode *self = XF_QR_CODE (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      xf_qr_code_set_text (self, g_value_get_string (value));
      break;
    case PROP_PIXEL_SIZE:
      xf_qr_code_set_pixel_size (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_qr_code_class_init (XfQrCodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = xf_qr_code_finalize;
  object_class->get_property = xf_qr_code_get_property;
  object_class->set_property = xf_qr_code_set_property;

  widget_class->measure = xf_qr_code_measure;
  widget_class->snapshot = xf_qr_code_snapshot;

  /**
   * XfQrCode:text:
   *
   * The text (usually a link) to encode.
   */
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * XfQrCode:pixel-size:
   *
   * The side of the square the code asks for, quiet zone included.
   */
  properties [PROP_PIXEL_SIZE] =
    g_param_spec_int ("pixel-size", NULL, NULL, 16, 1024, 128,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "qrcode");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
xf_qr_code_init (XfQrCode *self)
{
  self->pixel_size = 128;
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
xf_qr_code_new (void)
{
  return g_object_new (XF_TYPE_QR_CODE, NULL);
}

const char *
xf_qr_code_get_text (XfQrCode *self)
{
  g_return_val_if_fail (XF_IS_QR_CODE (self), NULL);
  return self->text;
}

void
xf_qr_code_set_text (XfQrCode   *self,
                     const char *text)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (XF_IS_QR_CODE (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_pointer (&self->matrix, xf_qr_matrix_free);

  if (text != NULL && *text != '\0')
    {
      self->matrix = xf_qr_encode (text, &error);
      if (self->matrix == NULL)
        g_debug ("No QR code: %s", error->message);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->matrix ? _("QR code of the public link") : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEXT]);
}

const XfQrMatrix *
xf_qr_code_get_matrix (XfQrCode *self)
{
  g_return_val_if_fail (XF_IS_QR_CODE (self), NULL);
  return self->matrix;
}

int
xf_qr_code_get_pixel_size (XfQrCode *self)
{
  g_return_val_if_fail (XF_IS_QR_CODE (self), 0);
  return self->pixel_size;
}

void
xf_qr_code_set_pixel_size (XfQrCode *self,
                           int       pixel_size)
{
  g_return_if_fail (XF_IS_QR_CODE (self));

  if (self->pixel_size == pixel_size)
    return;
  self->pixel_size = pixel_size;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PIXEL_SIZE]);
}
