/* xf-portal-page-cards.c — Pioneers of the Month, the name card, likes,
 *                          shares and the booking form from a card
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-portal"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-pioneer.h"
#include "xf-portal-html.h"
#include "xf-portal-pages.h"

/*
 * Everything shown comes from XfPublicCard or the ranking's public
 * entries, which never hold a personal field, and goes through
 * xf_html_add, so that no text from the database becomes markup.
 */

/* The card colours the stylesheet knows (class tier-COLOUR), by tier rank:
 * national … cultivation (xf_tier_rank). */
static const char * const tier_colours[] = { "gold", "silver", "bronze", "blue", "cyan" };

/* A colour class for @tier, which may already be a colour ("gold") or a
 * tier code ("national"); "cyan" for anything else. */
static const char *
tier_colour (const char *tier)
{
  int rank;

  if (tier == NULL)
    return "cyan";
  for (guint i = 0; i < G_N_ELEMENTS (tier_colours); i++)
    if (g_str_equal (tier, tier_colours[i]))
      return tier_colours[i];
  rank = xf_tier_rank (tier);
  if (rank >= 0 && rank < (int) G_N_ELEMENTS (tier_colours))
    return tier_colours[rank];
  return "cyan";
}

/* A tier's translated label when @tier is a code, else NULL. */
static const char *
tier_label (const char *tier)
{
  if (tier == NULL || xf_tier_rank (tier) < 0)
    return NULL;
  return xf_tier_label (tier);
}

/* "/p/UID", the uid escaped for a path (transfer full). */
static char *
card_path (const char *uid,
           const char *suffix)
{
  g_autofree char *segment = g_uri_escape_string (uid, NULL, FALSE);

  return g_strconcat ("/p/", segment, suffix, NULL);
}

/* The response to a core error: 404 for what the public may not see or
 * that does not exist, else 500 (logged). */
static XfPortalResponse *
core_error_page (XfPortalRequest *request,
                 const GError    *error)
{
  if (g_error_matches (error, XF_ERROR, XF_ERROR_NOT_FOUND))
    return xf_portal_error_page (request, 404,
                                 _("There is no such pioneer, or the card is no longer public."));
  g_warning ("%s %s: %s", request->method, request->path, error->message);
  return xf_portal_error_page (request, 500, NULL);
}

/*
 * Pioneers of the Month (GET /)
 */

static char *
month_label (const char *month)
{
  int year = 0, number = 0;
  g_autoptr(GDateTime) date = NULL;

  if (month == NULL || sscanf (month, "%d-%d", &year, &number) != 2)
    return g_strdup (month != NULL ? month : "");
  date = g_date_time_new_utc (year, number, 1, 0, 0, 0);
  if (date == NULL)
    return g_strdup (month);
  /* Translators: a month, as strftime: "May 2026"; in Chinese "%Y年%-m月". */
  return g_date_time_format (date, _("%B %Y"));
}

static void
add_ranking_list (GString    *html,
                  const char *id,
                  const char *heading,
                  const char *empty,
                  GPtrArray  *entries)
{
  guint shown = entries != NULL ? MIN (entries->len, XF_RANKING_HONOUR_WALL_SIZE) : 0;

  xf_html_add (html, "<section class=\"ranking\" aria-labelledby=\"%s-heading\">"
                     "<h2 id=\"%s-heading\">%s</h2>",
               id, id, heading);
  if (shown == 0)
    {
      xf_html_add (html, "<p class=\"empty\" id=\"%s-empty\">%s</p></section>", id, empty);
      return;
    }
  xf_html_add (html, "<ol id=\"%s\">", id);
  for (guint i = 0; i < shown; i++)
    {
      const XfRankingEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *href = card_path (entry->pioneer_uid, NULL);
      g_autofree char *rank = g_strdup_printf ("%d", entry->rank > 0 ? entry->rank : (int) i + 1);
      g_autofree char *score = g_strdup_printf ("%.1f", entry->score);
      const char *label = tier_label (entry->tier);

      xf_html_add (html, "<li class=\"tier-%s\"><a href=\"%s\">"
                         "<strong class=\"entry-name\"><span class=\"rank\">%s</span> %s</strong>",
                   tier_colour (entry->tier), href, rank, entry->name != NULL ? entry->name : "");
      if (label != NULL)
        xf_html_add (html, " <span class=\"tier\">%s</span>", label);
      /* No-break spaces keep the dot with what it follows and the number
       * with its label when the line wraps on a phone. */
      xf_html_raw (html, "<div class=\"meta\">");
      if (entry->organisation != NULL && entry->organisation[0] != '\0')
        xf_html_add (html, "%s&#160;· ", entry->organisation);
      /* Translators: the pioneer index of an entry: "Pioneer index 87.5". */
      xf_html_add (html, "%s&#160;<span class=\"score\">%s</span></div></a></li>",
                   _("Pioneer index"), score);
    }
  xf_html_raw (html, "</ol></section>");
}

XfPortalResponse *
xf_portal_page_month (XfPortalContext    *ctx,
                      XfPortalRequest    *request,
                      const char * const *captures)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfMonthlyRanking) ranking = NULL;
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *month = NULL;

  ranking = xf_portal_month_pioneers (ctx->portal, &error);
  if (ranking == NULL)
    {
      g_warning ("%s %s: %s", request->method, request->path, error->message);
      return xf_portal_error_page (request, 500, NULL);
    }

  month = month_label (ranking->month);
  xf_html_add (html, "<section id=\"month\" class=\"month\"><h1>%s</h1>",
               _("Pioneers of the Month"));
  if (ranking->frozen)
    xf_html_add (html, "<p class=\"lead\" id=\"month-period\" data-frozen=\"1\">%s</p>", month);
  else
    {
      /* Translators: %s is a month, "March 2026". */
      g_autofree char *so_far = g_strdup_printf (_("So far this month (%s): the ranking is "
                                                   "settled when the month ends."),
                                                 month);

      xf_html_add (html, "<p class=\"lead\" id=\"month-period\" data-frozen=\"0\">%s</p>",
                   so_far);
    }
  xf_html_add (html, "<p class=\"hint\">%s</p>",
               _("Ranked by the pioneer index: card views and likes, policy lectures, skill "
                 "activities, requested services and help given."));

  add_ranking_list (html, "month-individuals", _("Individuals"),
                    _("No individual is ranked yet this month."), ranking->individuals);
  add_ranking_list (html, "month-collectives", _("Advanced collectives"),
                    _("No collective is ranked yet this month."), ranking->collectives);
  xf_html_raw (html, "</section>");

  return xf_portal_page (request, 200, _("Pioneers of the Month"), html->str);
}

/*
 * The card (GET /p/UID)
 */

static void
add_paragraph_section (GString    *html,
                       const char *id,
                       const char *heading,
                       const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (trimmed[0] == '\0')
    return;
  xf_html_add (html, "<section class=\"card-section\" id=\"%s\"><h2>%s</h2>", id, heading);
  xf_html_paragraphs (html, text);
  xf_html_raw (html, "</section>");
}

static gboolean
is_web_url (const char *url)
{
  return url != NULL
         && (g_ascii_strncasecmp (url, "https://", 8) == 0
             || g_ascii_strncasecmp (url, "http://", 7) == 0);
}

static void
add_card_results (GString         *html,
                  XfPortalRequest *request,
                  const char      *base_url,
                  const char      *path)
{
  const char *liked = xf_portal_request_query (request, "liked");
  const char *shared = xf_portal_request_query (request, "shared");

  if (g_strcmp0 (liked, "1") == 0)
    xf_html_add (html, "<p id=\"like-result\" role=\"status\" "
                       "data-counted=\"1\">%s</p>",
                 _("Thank you! Your like has been counted."));
  else if (g_strcmp0 (liked, "0") == 0)
    xf_html_add (html, "<p id=\"like-result\" role=\"status\" "
                       "data-counted=\"0\">%s</p>",
                 _("You have already liked this pioneer today. One like a day counts."));

  if (g_strcmp0 (shared, "1") == 0)
    {
      /* The full address when the portal knows its public one; in a
       * read-only field, which a phone lets one copy and which scrolls
       * rather than widening the page. */
      g_autofree char *base = g_strdup (base_url != NULL ? base_url : "");
      g_autofree char *address = NULL;
      gsize length = strlen (base);

      while (length > 0 && base[length - 1] == '/')
        base[--length] = '\0';
      address = g_strconcat (base, path, NULL);
      xf_html_add (html, "<div id=\"share-result\" class=\"result\" role=\"status\">"
                         "<label for=\"share-link\">%s</label>"
                         "<input type=\"text\" id=\"share-link\" readonly value=\"%s\"></div>",
                   _("Thank you for sharing. Send this page's address to others:"), address);
    }
}

static void
add_card_actions (GString               *html,
                  const XfPublicCard    *card,
                  const char            *csrf_field,
                  const char            *path)
{
  g_autofree char *like_action = g_strconcat (path, "/like", NULL);
  g_autofree char *share_action = g_strconcat (path, "/share", NULL);
  g_autofree char *book_href = g_strconcat (path, "/book", NULL);

  xf_html_raw (html, "<div class=\"actions\">");
  xf_html_add (html, "<form id=\"like-form\" class=\"inline-form\" method=\"post\" action=\"%s\">",
               like_action);
  xf_html_raw (html, csrf_field);
  /* Translators: 点赞, the button under a name card. */
  xf_html_add (html, "<button id=\"like\" type=\"submit\">%s</button>"
                     "</form>",
               C_("card action", "Like"));
  xf_html_add (html, "<form id=\"share-form\" class=\"inline-form\" method=\"post\" action=\"%s\">",
               share_action);
  xf_html_raw (html, csrf_field);
  xf_html_add (html, "<button id=\"share\" class=\"secondary\" type=\"submit\">%s</button></form>",
               C_("card action", "Share"));
  if (card->offers->len > 0)
    xf_html_add (html, "<a id=\"book\" class=\"button\" href=\"%s\">%s</a>",
                 book_href, _("Book a service"));
  xf_html_raw (html, "</div>");
}

static char *
render_card (const XfPublicCard *card,
             const char         *csrf_field,
             const char         *base_url,
             XfPortalRequest    *request)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *path = card_path (card->uid, NULL);
  g_autofree char *likes = g_strdup_printf ("%u", card->likes_this_month);
  const char *colour = tier_colour (card->tier);

  add_card_results (html, request, base_url, path);

  xf_html_add (html, "<article id=\"card\" class=\"card tier-%s\">"
                     "<header class=\"card-header\">",
               colour);
  xf_html_add (html, "<h1 id=\"card-name\">%s</h1>", card->name != NULL ? card->name : "");
  xf_html_raw (html, "<p class=\"card-tier\">");
  if (card->tier_label != NULL)
    xf_html_add (html, "<span class=\"tier\" id=\"tier\">%s</span> ", card->tier_label);
  if (g_strcmp0 (card->kind, "collective") == 0)
    xf_html_add (html, "<span class=\"badge\">%s</span>", _("Advanced collective"));
  xf_html_raw (html, "</p>");

  /* Organisation · region · industry, as far as known. */
  {
    const char *facts[][2] = {
      { "organisation", card->organisation },
      { "region", card->region_label },
      { "industry", card->industry_label },
    };
    gboolean first = TRUE;

    xf_html_raw (html, "<p class=\"meta card-facts\">");
    for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
      {
        if (facts[i][1] == NULL || facts[i][1][0] == '\0')
          continue;
        if (!first)
          xf_html_raw (html, "&#160;· ");
        xf_html_add (html, "<span id=\"%s\">%s</span>", facts[i][0], facts[i][1]);
        first = FALSE;
      }
    xf_html_raw (html, "</p></header>");
  }

  if (card->honours->len > 0)
    {
      xf_html_add (html, "<section class=\"card-section\"><h2>%s</h2>"
                         "<ul id=\"honours\" class=\"honours\">",
                   _("Honours"));
      for (guint i = 0; i < card->honours->len; i++)
        {
          const XfPublicHonour *honour = g_ptr_array_index (card->honours, i);

          xf_html_add (html, "<li><span class=\"honour-title\">%s</span>",
                       honour->title != NULL ? honour->title : "");
          if (honour->year > 0 && honour->level_label != NULL)
            {
              g_autofree char *year = g_strdup_printf ("%d", honour->year);

              xf_html_add (html, " <span class=\"meta\">%s · %s</span>",
                           honour->level_label, year);
            }
          else if (honour->year > 0)
            {
              g_autofree char *year = g_strdup_printf ("%d", honour->year);

              xf_html_add (html, " <span class=\"meta\">%s</span>", year);
            }
          else if (honour->level_label != NULL)
            xf_html_add (html, " <span class=\"meta\">%s</span>", honour->level_label);
          xf_html_raw (html, "</li>");
        }
      xf_html_raw (html, "</ul></section>");
    }

  add_paragraph_section (html, "introduction", _("Introduction"), card->introduction);
  add_paragraph_section (html, "deeds", _("Main deeds"), card->deeds);
  if (is_web_url (card->video_url))
    xf_html_add (html, "<p class=\"card-section\" id=\"video\"><a class=\"video-link\" href=\"%s\" "
                       "rel=\"noopener noreferrer\" target=\"_blank\">%s</a></p>",
                 card->video_url, _("Watch the video"));
  add_paragraph_section (html, "contribution", _("Contribution to local industry"),
                         card->contribution);

  if (card->offers->len > 0)
    {
      xf_html_add (html, "<section class=\"card-section\"><h2>%s</h2>"
                         "<ul id=\"offers\" class=\"offers\">",
                   _("Services offered"));
      for (guint i = 0; i < card->offers->len; i++)
        {
          const XfPublicOffer *offer = g_ptr_array_index (card->offers, i);
          g_autofree char *code = g_uri_escape_string (offer->item_code, NULL, FALSE);
          g_autofree char *href = g_strconcat (path, "/book?item=", code, NULL);

          xf_html_add (html, "<li><a href=\"%s\">%s</a></li>", href,
                       offer->item_name != NULL ? offer->item_name : offer->item_code);
        }
      xf_html_raw (html, "</ul></section>");
    }

  xf_html_add (html, "<p class=\"card-likes meta\"><span id=\"likes\">%s</span> %s</p>", likes,
               /* Translators: after a number: "12 likes this month". */
               g_dngettext (GETTEXT_PACKAGE, "like this month", "likes this month",
                            card->likes_this_month));
  add_card_actions (html, card, csrf_field, path);
  xf_html_raw (html, "</article>");

  return g_string_free (g_steal_pointer (&html), FALSE);
}

XfPortalResponse *
xf_portal_page_card (XfPortalContext    *ctx,
                     XfPortalRequest    *request,
                     const char * const *captures)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPublicCard) card = NULL;
  g_autofree char *csrf_field = NULL;
  g_autofree char *body = NULL;

  if (captures == NULL || captures[0] == NULL)
    return xf_portal_error_page (request, 404, NULL);

  /* A HEAD (a link checker, a preview) reads the card without viewing it. */
  card = xf_portal_view_card (ctx->portal, captures[0], request->visitor_key,
                              request->is_bot || g_strcmp0 (request->method, "HEAD") == 0,
                              &error);
  if (card == NULL)
    return core_error_page (request, error);

  csrf_field = xf_portal_csrf_field (ctx, request);
  body = render_card (card, csrf_field, ctx->config != NULL ? ctx->config->base_url : NULL,
                      request);
  return xf_portal_page (request, 200, card->name != NULL ? card->name : "", body);
}

/*
 * Like and share (POST /p/UID/like, /p/UID/share)
 */

/* Records the visitor's like (@like) or share of the card captures[0] and
 * sends them back to the card. A bot's, or a visitor's without a key, is
 * not counted, but the card must still exist. */
static XfPortalResponse *
engage_card (XfPortalContext    *ctx,
             XfPortalRequest    *request,
             const char * const *captures,
             gboolean            like)
{
  g_autoptr(GError) error = NULL;
  XfPortalLikeResult result = XF_PORTAL_LIKE_ALREADY;
  g_autofree char *location = NULL;
  gboolean done;

  if (captures == NULL || captures[0] == NULL)
    return xf_portal_error_page (request, 404, NULL);

  if (request->is_bot || request->visitor_key == NULL)
    {
      g_autoptr(XfPublicCard) card = xf_portal_view_card (ctx->portal, captures[0], NULL, TRUE,
                                                          &error);
      done = card != NULL;
    }
  else if (like)
    done = xf_portal_like (ctx->portal, captures[0], request->visitor_key, &result, &error);
  else
    done = xf_portal_share (ctx->portal, captures[0], request->visitor_key, &error);
  if (!done)
    return core_error_page (request, error);

  if (!like)
    location = card_path (captures[0], "?shared=1");
  else
    location = card_path (captures[0], result == XF_PORTAL_LIKE_COUNTED ? "?liked=1" : "?liked=0");
  return xf_portal_response_redirect (location);
}

XfPortalResponse *
xf_portal_page_card_like (XfPortalContext    *ctx,
                          XfPortalRequest    *request,
                          const char * const *captures)
{
  return engage_card (ctx, request, captures, TRUE);
}

XfPortalResponse *
xf_portal_page_card_share (XfPortalContext    *ctx,
                           XfPortalRequest    *request,
                           const char * const *captures)
{
  return engage_card (ctx, request, captures, FALSE);
}

/*
 * Booking from a card (GET/POST /p/UID/book): the request form of
 * xf-portal-page-services.c, for this pioneer's offers.
 */

/* The card of @uid when it offers something to book, without counting a
 * view; else an error response in @response. */
static XfPublicCard *
bookable_card (XfPortalContext   *ctx,
               XfPortalRequest   *request,
               const char        *uid,
               XfPortalResponse **response)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPublicCard) card = xf_portal_view_card (ctx->portal, uid, NULL, TRUE, &error);

  if (card == NULL)
    {
      *response = core_error_page (request, error);
      return NULL;
    }
  if (card->offers->len == 0)
    {
      *response = xf_portal_error_page (request, 404,
                                        _("This pioneer offers no service to book at the moment."));
      return NULL;
    }
  return g_steal_pointer (&card);
}

static gboolean
card_offers (const XfPublicCard *card,
             const char         *item_code)
{
  for (guint i = 0; item_code != NULL && i < card->offers->len; i++)
    {
      const XfPublicOffer *offer = g_ptr_array_index (card->offers, i);

      if (g_strcmp0 (offer->item_code, item_code) == 0)
        return TRUE;
    }
  return FALSE;
}

XfPortalResponse *
xf_portal_page_booking (XfPortalContext    *ctx,
                        XfPortalRequest    *request,
                        const char * const *captures)
{
  XfPortalResponse *response = NULL;
  g_autoptr(XfPublicCard) card = NULL;
  const char *item;

  if (captures == NULL || captures[0] == NULL)
    return xf_portal_error_page (request, 404, NULL);

  card = bookable_card (ctx, request, captures[0], &response);
  if (card == NULL)
    return response;
  item = xf_portal_request_query (request, "item");
  if (!card_offers (card, item))
    item = NULL;
  return xf_portal_request_form_page (ctx, request, item, card->uid, NULL, 200);
}

XfPortalResponse *
xf_portal_page_booking_post (XfPortalContext    *ctx,
                             XfPortalRequest    *request,
                             const char * const *captures)
{
  XfPortalResponse *response = NULL;
  g_autoptr(XfPublicCard) card = NULL;

  if (captures == NULL || captures[0] == NULL)
    return xf_portal_error_page (request, 404, NULL);

  card = bookable_card (ctx, request, captures[0], &response);
  if (card == NULL)
    return response;
  return xf_portal_request_form_submit (ctx, request, xf_portal_request_field (request, "item"),
                                        card->uid);
}
