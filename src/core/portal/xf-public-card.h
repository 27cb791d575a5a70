/* xf-public-card.h — what the public may see of a pioneer's name card
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The public fields of an active pioneer's file, and nothing else: never
 * the identity number, credit code, mobile, birth date, gender, address,
 * photo path or any other personal field. Built by XfPortal
 * (xf-portal-cards.c) from the registry, so that the portal cannot show
 * what it was never given. Labels are translated in the language current
 * when the card was read.
 */

typedef struct
{
  char *title;         /* "全国劳动模范" */
  char *level_label;   /* translated honour level: "National" / "全国级" */
  int   year;          /* 0 when unknown */
} XfPublicHonour;

typedef struct
{
  char *item_code;     /* a service catalogue code the pioneer offers, available now */
  char *item_name;     /* in the current language */
} XfPublicOffer;

typedef struct
{
  gint64     pioneer_id;     /* for core calls only; never printed */
  char      *uid;
  char      *kind;           /* "individual" | "collective" */
  char      *name;
  char      *tier;           /* "gold" … "cyan" */
  char      *tier_label;     /* translated */
  char      *organisation;   /* its name, or NULL */
  char      *region_label;   /* county (and township) name, or NULL */
  char      *industry_label; /* or NULL */
  char      *introduction;   /* or NULL */
  char      *deeds;          /* or NULL */
  char      *video_url;      /* an http(s) URL only, else NULL */
  char      *contribution;   /* the industry contribution, or NULL */
  GPtrArray *honours;        /* (element-type XfPublicHonour) newest first */
  GPtrArray *offers;         /* (element-type XfPublicOffer) what may be booked */
  guint      likes_this_month;
  guint      views_this_month;
} XfPublicCard;

XfPublicCard *xf_public_card_new   (void);   /* empty arrays */
void          xf_public_card_free  (XfPublicCard *card);
void          xf_public_honour_free (XfPublicHonour *honour);
void          xf_public_offer_free  (XfPublicOffer *offer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfPublicCard, xf_public_card_free)

G_END_DECLS
