/* xf-honour.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* An honour conferred on a pioneer. Properties: id, uid, pioneer-id,
 * title, level ("national" | "provincial" | "city" | "county"), year (int),
 * conferring-body, certificate-no, version. */

#define XF_TYPE_HONOUR (xf_honour_get_type ())

G_DECLARE_FINAL_TYPE (XfHonour, xf_honour, XF, HONOUR, GObject)

XfHonour   *xf_honour_new                (const char *title,
                                          const char *level,
                                          int         year);
gint64      xf_honour_get_id             (XfHonour   *self);
gint64      xf_honour_get_pioneer_id     (XfHonour   *self);
const char *xf_honour_get_title          (XfHonour   *self);
const char *xf_honour_get_level          (XfHonour   *self);
int         xf_honour_get_year           (XfHonour   *self);
const char *xf_honour_get_conferring_body (XfHonour  *self);
const char *xf_honour_get_certificate_no (XfHonour   *self);
const char *xf_honour_level_label        (const char *level);

G_END_DECLS
