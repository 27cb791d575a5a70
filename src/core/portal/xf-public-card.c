/* xf-public-card.c — what the public may see of a pioneer's name card
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-public-card.h"

void
xf_public_honour_free (XfPublicHonour *honour)
{
  if (honour == NULL)
    return;
  g_free (honour->title);
  g_free (honour->level_label);
  g_free (honour);
}

void
xf_public_offer_free (XfPublicOffer *offer)
{
  if (offer == NULL)
    return;
  g_free (offer->item_code);
  g_free (offer->item_name);
  g_free (offer);
}

/**
 * xf_public_card_new:
 *
 * Returns: (transfer full): an empty card whose honours and offers are
 *   empty arrays that free their elements
 */
XfPublicCard *
xf_public_card_new (void)
{
  XfPublicCard *card = g_new0 (XfPublicCard, 1);

  card->honours = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_public_honour_free);
  card->offers = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_public_offer_free);
  return card;
}

void
xf_public_card_free (XfPublicCard *card)
{
  if (card == NULL)
    return;
  g_free (card->uid);
  g_free (card->kind);
  g_free (card->name);
  g_free (card->tier);
  g_free (card->tier_label);
  g_free (card->organisation);
  g_free (card->region_label);
  g_free (card->industry_label);
  g_free (card->introduction);
  g_free (card->deeds);
  g_free (card->video_url);
  g_free (card->contribution);
  g_clear_pointer (&card->honours, g_ptr_array_unref);
  g_clear_pointer (&card->offers, g_ptr_array_unref);
  g_free (card);
}
