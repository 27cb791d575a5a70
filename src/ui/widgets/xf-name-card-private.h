/* xf-name-card-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-name-card.h"

G_BEGIN_DECLS

/* The card itself, without the margins around it: what is drawn for PNG
 * and print. */
GtkWidget *_xf_name_card_get_surface (XfNameCard *self);
void       _xf_name_card_show_toast  (XfNameCard *self,
                                      const char *text);
/* Asks for a file, then saves the card there as PNG. */
void       _xf_name_card_save_as     (XfNameCard *self);
/* Runs the print dialog for the card. */
void       _xf_name_card_print       (XfNameCard *self);

G_END_DECLS
