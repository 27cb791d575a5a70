/* xf-qr-code.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "xf-qr.h"

G_BEGIN_DECLS

/*
 * XfQrCode draws the QR code of its "text" with a quiet zone, dark modules
 * on white whatever the theme, so that phones can scan it from the screen
 * and from print. An empty or unencodable text draws nothing.
 */

#define XF_TYPE_QR_CODE (xf_qr_code_get_type ())

G_DECLARE_FINAL_TYPE (XfQrCode, xf_qr_code, XF, QR_CODE, GtkWidget)

GtkWidget        *xf_qr_code_new            (void);
const char       *xf_qr_code_get_text       (XfQrCode   *self);
void              xf_qr_code_set_text       (XfQrCode   *self,
                                             const char *text);
/* (nullable) (transfer none): the encoded matrix, NULL without text. */
const XfQrMatrix *xf_qr_code_get_matrix     (XfQrCode   *self);
int               xf_qr_code_get_pixel_size (XfQrCode   *self);
void              xf_qr_code_set_pixel_size (XfQrCode   *self,
                                             int         pixel_size);

G_END_DECLS
