/* xf-qr.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * XfQrMatrix: the modules of a QR code (ISO/IEC 18004) for a text, as
 * encoded by libqrencode with error correction level M in 8-bit mode.
 * The width counts modules without the quiet zone: 21 + 4 k for version
 * k + 1. Drawing is left to the caller (the name card's XfQrCode widget,
 * exporters).
 */

typedef struct _XfQrMatrix XfQrMatrix;

#define XF_TYPE_QR_MATRIX (xf_qr_matrix_get_type ())

GType       xf_qr_matrix_get_type    (void) G_GNUC_CONST;

/* NULL with XF_ERROR_INVALID when the text is empty, not UTF-8 or too long
 * for the largest QR code (version 40). */
XfQrMatrix *xf_qr_encode             (const char       *text,
                                      GError          **error);
XfQrMatrix *xf_qr_matrix_copy        (const XfQrMatrix *self);
void        xf_qr_matrix_free        (XfQrMatrix       *self);
int         xf_qr_matrix_get_width   (const XfQrMatrix *self);
/* The QR version, 1 … 40. */
int         xf_qr_matrix_get_version (const XfQrMatrix *self);
/* TRUE for a dark module; FALSE outside the matrix. */
gboolean    xf_qr_matrix_get_module  (const XfQrMatrix *self,
                                      int               x,
                                      int               y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfQrMatrix, xf_qr_matrix_free)

G_END_DECLS
