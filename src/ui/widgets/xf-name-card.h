/* xf-name-card.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-pioneer.h"

G_BEGIN_DECLS

/*
 * XfNameCard shows a pioneer's name card (名片), coloured by tier: the
 * widget carries the CSS class "tier-<tier>" (tier-national … tier-
 * cultivation). It holds the photo or an avatar, name, tier badge, honour
 * titles, introduction, main deeds, contribution to local industry, the
 * video and the QR code of the pioneer's page on the public portal
 * (xf_public_link_build: GSettings public-base-url, the portal's address,
 * + "p/" + uid, unless a base URL is set on the card; none while the
 * address is empty or not valid).
 *
 * Actions: card.copy-link, card.save-png (asks for a file), card.print,
 * card.open-video. Beneath the card (not printed nor exported), "Book a
 * service" activates win.book-service with the pioneer's id: shown only
 * while the window offers that action enabled (the Services page adds it
 * for whoever may enter requests). Template child: book_button.
 */

#define XF_TYPE_NAME_CARD (xf_name_card_get_type ())

G_DECLARE_FINAL_TYPE (XfNameCard, xf_name_card, XF, NAME_CARD, AdwBin)

GtkWidget  *xf_name_card_new             (void);
XfPioneer  *xf_name_card_get_pioneer     (XfNameCard  *self);
void        xf_name_card_set_pioneer     (XfNameCard  *self,
                                          XfPioneer   *pioneer);
/* A list of XfHonour whose titles the card shows; NULL for none. */
void        xf_name_card_set_honours     (XfNameCard  *self,
                                          GListModel  *honours);
/* Overrides the GSettings portal address; NULL returns to GSettings. */
void        xf_name_card_set_base_url    (XfNameCard  *self,
                                          const char  *base_url);
/* The public link, or NULL (with error) when there is none. */
char       *xf_name_card_dup_public_link (XfNameCard  *self,
                                          GError     **error);
/* The card drawn at @scale times its size on screen; the card must be
 * shown. Used for PNG export and printing. */
GdkTexture *xf_name_card_render          (XfNameCard  *self,
                                          double       scale,
                                          GError     **error);
gboolean    xf_name_card_save_png        (XfNameCard  *self,
                                          GFile       *file,
                                          GError     **error);
/* Prints through GtkPrintOperation's export to a PDF file, no dialog. */
gboolean    xf_name_card_export_pdf      (XfNameCard  *self,
                                          const char  *path,
                                          GError     **error);

G_END_DECLS
