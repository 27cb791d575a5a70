/* xf-date-button.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * XfDateButton: a button that shows a date, or its "placeholder" text
 * while none is chosen, and opens a calendar to choose one, with a button
 * to clear it. Property "date": "YYYY-MM-DD" or NULL.
 */

#define XF_TYPE_DATE_BUTTON (xf_date_button_get_type ())

G_DECLARE_FINAL_TYPE (XfDateButton, xf_date_button, XF, DATE_BUTTON, GtkWidget)

GtkWidget  *xf_date_button_new             (const char   *placeholder);
const char *xf_date_button_get_date        (XfDateButton *self);
/* @date: (nullable): "YYYY-MM-DD"; anything else clears the date. */
void        xf_date_button_set_date        (XfDateButton *self,
                                            const char   *date);
const char *xf_date_button_get_placeholder (XfDateButton *self);
void        xf_date_button_set_placeholder (XfDateButton *self,
                                            const char   *placeholder);

G_END_DECLS
