/* xf-qr.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-qr"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <qrencode.h>

#include "xf-error.h"
#include "xf-qr.h"

struct _XfQrMatrix
{
  int     width;
  int     version;
  guint8 *modules;   /* width × width, row-major, 1 = dark */
};

G_DEFINE_BOXED_TYPE (XfQrMatrix, xf_qr_matrix, xf_qr_matrix_copy, xf_qr_matrix_free)

/* libqrencode shares a cache of frame templates between calls; a lock of
 * our own keeps encoding safe to call from any thread. */
static GMutex encode_lock;

XfQrMatrix *
xf_qr_encode (const char  *text,
              GError     **error)
{
  g_autoptr(XfQrMatrix) matrix = NULL;
  QRcode *code;
  int saved_errno;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("QR code: there is no text to encode"));
      return NULL;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("QR code: the text is not valid UTF-8"));
      return NULL;
    }

  /* 8-bit mode encodes the UTF-8 bytes as they are, so a reader gets back
   * exactly the link; level M survives a little print damage. */
  g_mutex_lock (&encode_lock);
  errno = 0;
  code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  saved_errno = errno;
  g_mutex_unlock (&encode_lock);

  if (code == NULL)
    {
      if (saved_errno == ERANGE)
        g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                     _("QR code: the text is too long (%zu bytes)"), strlen (text));
      else
        g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                     _("QR code: the text cannot be encoded (%s)"), g_strerror (saved_errno));
      return NULL;
    }

  matrix = g_new0 (XfQrMatrix, 1);
  matrix->width = code->width;
  matrix->version = code->version;
  matrix->modules = g_malloc ((gsize) code->width * code->width);
  /* Bit 0 of each libqrencode byte is the colour; the other bits describe
   * which part of the symbol the module belongs to. */
  for (int i = 0; i < code->width * code->width; i++)
    matrix->modules[i] = code->data[i] & 1;
  QRcode_free (code);

  return g_steal_pointer (&matrix);
}

XfQrMatrix *
xf_qr_matrix_copy (const XfQrMatrix *self)
{
  XfQrMatrix *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (XfQrMatrix, 1);
  copy->width = self->width;
  copy->version = self->version;
  copy->modules = g_memdup2 (self->modules, (gsize) self->width * self->width);
  return copy;
}

void
xf_qr_matrix_free (XfQrMatrix *self)
{
  if (self == NULL)
    return;
  g_free (self->modules);
  g_free (self);
}

int
xf_qr_matrix_get_width (const XfQrMatrix *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->width;
}

int
xf_qr_matrix_get_version (const XfQrMatrix *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->version;
}

gboolean
xf_qr_matrix_get_module (const XfQrMatrix *self,
                         int               x,
                         int               y)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (x < 0 || y < 0 || x >= self->width || y >= self->width)
    return FALSE;
  return self->modules[y * self->width + x] != 0;
}
