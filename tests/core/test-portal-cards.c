/* test-portal-cards.c — the public's cards, likes, shares and Pioneers of
 *                       the Month (XfPortal, xf-portal-cards.c)
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-error.h"
#include "xf-identity.h"
#include "xf-portal.h"
#include "xf-reference-private.h"
#include "xf-test-ranking.h"

/*
 * "Today" is Monday 9 March 2026. 王建国 is a full file: identity number,
 * mobile, birth date, gender, photo, an organisation, a township, an
 * industry, two honours and four offers of which one may be booked now;
 * 李秀英 a second active individual; 赵志强 archived.
 */

#define MOBILE     "13800138000"
#define BIRTH_DATE "1980-01-01"

typedef struct
{
  XfStore    *store;
  XfRegistry *registry;
  XfServices *services;
  XfRanking  *ranking;
  XfPortal   *portal;
  char       *id_number;
  char       *wang_uid;
  char       *li_uid;
  char       *zhao_uid;
  gint64      wang;
  gint64      li;
  gint64      zhao;
} Fixture;

static gint64
organisation_id (Fixture    *fixture,
                 const char *code)
{
  g_autoptr(GPtrArray) list = xf_registry_list_organisations (fixture->registry, NULL);

  for (guint i = 0; i < list->len; i++)
    {
      XfOrganisationInfo *info = g_ptr_array_index (list, i);

      if (g_str_equal (info->code, code))
        return info->id;
    }
  g_assert_not_reached ();
}

static char *
uid_of (Fixture *fixture,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (fixture->registry, id, &error);

  g_assert_no_error (error);
  return g_strdup (xf_pioneer_get_uid (pioneer));
}

static void
add_honour (Fixture    *fixture,
            gint64      pioneer,
            const char *title,
            const char *level,
            int         year)
{
  g_autoptr(XfHonour) honour = xf_honour_new (title, level, year);
  g_autoptr(GError) error = NULL;

  g_object_set (honour, "certificate-no", "ZS-2019-0001", NULL);
  g_assert_true (xf_registry_add_honour (fixture->registry, pioneer, honour, &error));
  g_assert_no_error (error);
}

static gint64
full_individual (Fixture *fixture)
{
  g_autofree char *first17 = g_strdup ("33050219800101123");
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("individual");
  g_autoptr(GError) error = NULL;

  fixture->id_number = g_strdup_printf ("%s%c", first17, xf_identity_id_check_char (first17));
  g_object_set (pioneer,
                "name", "王建国",
                "gender", "male",
                "birth-date", BIRTH_DATE,
                "id-number", fixture->id_number,
                "mobile", MOBILE,
                "employer", "国网湖州供电公司",
                "industry", "D",
                "region-code", "330502001",
                "organisation-id", organisation_id (fixture, "union"),
                "skills", "带电作业",
                "introduction", "扎根一线二十年。",
                "deeds", "完成带电作业三千余次。",
                "video", "https://example.org/v.mp4",
                "photo", "photos/wang.jpg",
                "contribution", "保障电网安全。",
                NULL);
  g_assert_true (xf_registry_save_pioneer (fixture->registry, pioneer, &error));
  g_assert_no_error (error);
  return xf_pioneer_get_id (pioneer);
}

static void
deactivate_item (Fixture    *fixture,
                 const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfServiceItem) item = xf_services_get_item (fixture->services, code, &error);

  g_assert_no_error (error);
  item->active = FALSE;
  g_assert_cmpint (xf_services_save_item (fixture->services, item, &error), >, 0);
  g_assert_no_error (error);
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("XIANFENG_TODAY", "2026-03-09", TRUE);
  fixture->store = xf_test_open_store ();
  fixture->registry = xf_test_new_registry (fixture->store);
  g_assert_true (xf_registry_ensure_organisations (fixture->registry, &error));
  g_assert_no_error (error);
  fixture->services = xf_services_new (fixture->registry);
  fixture->ranking = xf_ranking_new (fixture->registry);

  fixture->wang = full_individual (fixture);
  add_honour (fixture, fixture->wang, "湖州市劳动模范", "city", 2019);
  add_honour (fixture, fixture->wang, "全国劳动模范", "national", 2015);
  add_honour (fixture, fixture->wang, "浙江省五一劳动奖章", "provincial", 2023);
  xf_test_services_offer_until (fixture->services, fixture->wang, "cp-legal-aid", TRUE, NULL);
  xf_test_services_offer_until (fixture->services, fixture->wang, "cp-technical-help", FALSE, NULL);
  xf_test_services_offer_until (fixture->services, fixture->wang, "cp-mental-health", TRUE, "2026-03-20");
  xf_test_services_offer_until (fixture->services, fixture->wang, "cp-policy-lecture", TRUE, NULL);
  deactivate_item (fixture, "cp-policy-lecture");

  fixture->li = xf_test_services_add_pioneer (fixture->registry, "李秀英", XF_TEST_WUKANG);
  fixture->zhao = xf_test_services_add_pioneer (fixture->registry, "赵志强", XF_TEST_DEQING);
  fixture->wang_uid = uid_of (fixture, fixture->wang);
  fixture->li_uid = uid_of (fixture, fixture->li);
  fixture->zhao_uid = uid_of (fixture, fixture->zhao);
  {
    g_autoptr(XfPioneer) zhao = xf_registry_get_pioneer (fixture->registry, fixture->zhao, &error);

    g_assert_true (xf_registry_archive_pioneer (fixture->registry, zhao, "retired", &error));
    g_assert_no_error (error);
  }
  fixture->portal = xf_portal_new (fixture->store);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_clear_object (&fixture->portal);
  g_clear_object (&fixture->ranking);
  g_clear_object (&fixture->services);
  g_clear_object (&fixture->registry);
  g_assert_finalize_object (fixture->store);
  g_free (fixture->id_number);
  g_free (fixture->wang_uid);
  g_free (fixture->li_uid);
  g_free (fixture->zhao_uid);
  _xf_reference_set_language_for_tests (NULL);
  g_unsetenv ("XIANFENG_TODAY");
}

static gint64
count_events (Fixture    *fixture,
              const char *kind)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM engagement_events WHERE kind = '%s'", kind);

  return xf_test_query_int64 (fixture->store, sql);
}

static XfPublicCard *
view (Fixture    *fixture,
      const char *uid,
      const char *visitor)
{
  g_autoptr(GError) error = NULL;
  XfPublicCard *card = xf_portal_view_card (fixture->portal, uid, visitor, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (card);
  return card;
}

static XfPortalLikeResult
like (Fixture    *fixture,
      const char *uid,
      const char *visitor)
{
  g_autoptr(GError) error = NULL;
  XfPortalLikeResult result = -1;

  g_assert_true (xf_portal_like (fixture->portal, uid, visitor, &result, &error));
  g_assert_no_error (error);
  return result;
}

/* No text of the card holds @secret. */
static void
assert_nowhere (const XfPublicCard *card,
                const char         *secret)
{
  const char *texts[] = {
    card->uid, card->kind, card->name, card->tier, card->tier_label, card->organisation,
    card->region_label, card->industry_label, card->introduction, card->deeds,
    card->video_url, card->contribution,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL && strstr (texts[i], secret) != NULL)
      g_error ("field %u of the card (“%s”) holds “%s”", i, texts[i], secret);
  for (guint i = 0; i < card->honours->len; i++)
    {
      XfPublicHonour *honour = g_ptr_array_index (card->honours, i);

      g_assert_null (strstr (honour->title, secret));
      g_assert_null (strstr (honour->level_label, secret));
    }
  for (guint i = 0; i < card->offers->len; i++)
    {
      XfPublicOffer *offer = g_ptr_array_index (card->offers, i);

      g_assert_null (strstr (offer->item_code, secret));
      g_assert_null (strstr (offer->item_name, secret));
    }
}

static void
test_public_fields (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(XfPublicCard) card = view (fixture, fixture->wang_uid, NULL);
  XfPublicHonour *honour;
  XfPublicOffer *offer;

  g_assert_cmpint (card->pioneer_id, ==, fixture->wang);
  g_assert_cmpstr (card->uid, ==, fixture->wang_uid);
  g_assert_cmpstr (card->kind, ==, "individual");
  g_assert_cmpstr (card->name, ==, "王建国");
  /* The highest honour sets the tier. */
  g_assert_cmpstr (card->tier, ==, "national");
  g_assert_cmpstr (card->tier_label, ==, xf_tier_label ("national"));
  g_assert_cmpstr (card->organisation, ==, "湖州市总工会");
  /* The tests' messages are English: township, then county. */
  g_assert_cmpstr (card->region_label, ==, "Yuehe Subdistrict, Wuxing District");
  g_assert_nonnull (card->industry_label);
  g_assert_cmpstr (card->industry_label, !=, "D");
  g_assert_cmpstr (card->introduction, ==, "扎根一线二十年。");
  g_assert_cmpstr (card->deeds, ==, "完成带电作业三千余次。");
  g_assert_cmpstr (card->video_url, ==, "https://example.org/v.mp4");
  g_assert_cmpstr (card->contribution, ==, "保障电网安全。");

  /* Honours newest first, with translated levels. */
  g_assert_cmpuint (card->honours->len, ==, 3);
  honour = g_ptr_array_index (card->honours, 0);
  g_assert_cmpstr (honour->title, ==, "浙江省五一劳动奖章");
  g_assert_cmpstr (honour->level_label, ==, "Provincial");
  g_assert_cmpint (honour->year, ==, 2023);
  honour = g_ptr_array_index (card->honours, 1);
  g_assert_cmpstr (honour->title, ==, "湖州市劳动模范");
  g_assert_cmpint (honour->year, ==, 2019);
  honour = g_ptr_array_index (card->honours, 2);
  g_assert_cmpstr (honour->title, ==, "全国劳动模范");
  g_assert_cmpstr (honour->level_label, ==, "National");

  /* Offers: legal aid and mental health (until 20 March) may be booked;
   * not the unavailable one, nor the item taken out of the catalogue. */
  g_assert_cmpuint (card->offers->len, ==, 2);
  offer = g_ptr_array_index (card->offers, 0);
  g_assert_cmpstr (offer->item_code, ==, "cp-mental-health");
  offer = g_ptr_array_index (card->offers, 1);
  g_assert_cmpstr (offer->item_code, ==, "cp-legal-aid");
  g_assert_nonnull (offer->item_name);
  g_assert_cmpstr (offer->item_name, !=, "");

  /* Nothing personal, anywhere. */
  assert_nowhere (card, fixture->id_number);
  assert_nowhere (card, MOBILE);
  assert_nowhere (card, "138****8000");
  assert_nowhere (card, BIRTH_DATE);
  assert_nowhere (card, "1980");
  assert_nowhere (card, "photos/wang.jpg");
  assert_nowhere (card, "ZS-2019-0001");
  assert_nowhere (card, "国网湖州供电公司");
  g_assert_cmpuint (card->likes_this_month, ==, 0);
  g_assert_cmpuint (card->views_this_month, ==, 0);
}

static void
test_chinese_labels (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(XfPublicCard) card = NULL;

  _xf_reference_set_language_for_tests ("zh_CN");
  card = view (fixture, fixture->wang_uid, NULL);
  g_assert_cmpstr (card->region_label, ==, "吴兴区月河街道");
  g_clear_pointer (&card, xf_public_card_free);

  /* A township of Deqing. */
  card = view (fixture, fixture->li_uid, NULL);
  g_assert_cmpstr (card->region_label, ==, "德清县武康街道");
  g_assert_cmpuint (card->honours->len, ==, 0);
  g_assert_cmpuint (card->offers->len, ==, 0);
  g_assert_null (card->organisation);
  g_assert_null (card->video_url);
}

static void
test_collective (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *first17 = g_strdup ("91330500MA2B3C4D5");
  g_autofree char *code = g_strdup_printf ("%s%c", first17, xf_identity_credit_check_char (first17));
  g_autoptr(XfPioneer) collective = xf_pioneer_new ("collective");
  g_autoptr(XfPublicCard) card = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (collective, "name", "灯塔村党支部", "credit-code", code, "collective-kind", "党支部",
                "leader", "李娜", "size", 25, "industry", "A", "region-code", "330521",
                "organisation-id", organisation_id (fixture, "women"),
                "deeds", "带领全村发展茶产业。", NULL);
  g_assert_true (xf_registry_save_pioneer (fixture->registry, collective, &error));
  g_assert_no_error (error);

  card = view (fixture, xf_pioneer_get_uid (collective), "v-1");
  g_assert_cmpstr (card->kind, ==, "collective");
  g_assert_cmpstr (card->name, ==, "灯塔村党支部");
  g_assert_cmpstr (card->organisation, ==, "湖州市妇女联合会");
  g_assert_cmpstr (card->region_label, ==, "Deqing County");
  g_assert_cmpstr (card->deeds, ==, "带领全村发展茶产业。");
  g_assert_cmpuint (card->views_this_month, ==, 1);
  assert_nowhere (card, code);
  assert_nowhere (card, "李娜");
}

static void
test_offer_expires (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(XfPublicCard) card = NULL;

  g_setenv ("XIANFENG_TODAY", "2026-03-20", TRUE);
  card = view (fixture, fixture->wang_uid, NULL);
  g_assert_cmpuint (card->offers->len, ==, 2);
  g_clear_pointer (&card, xf_public_card_free);

  g_setenv ("XIANFENG_TODAY", "2026-03-21", TRUE);
  card = view (fixture, fixture->wang_uid, NULL);
  g_assert_cmpuint (card->offers->len, ==, 1);
  g_assert_cmpstr (((XfPublicOffer *) g_ptr_array_index (card->offers, 0))->item_code, ==, "cp-legal-aid");
}

static void
test_video_http_only (Fixture       *fixture,
                      gconstpointer  data)
{
  const struct { const char *video; const char *shown; } cases[] = {
    { "http://example.org/a", "http://example.org/a" },
    { "HTTPS://example.org/b", "HTTPS://example.org/b" },
    { "javascript:alert(1)", NULL },
    { "file:///etc/passwd", NULL },
    { "ftp://example.org/c", NULL },
    { "https://user:secret@example.org/d", NULL },
    { "//example.org/e", NULL },
    { "not a url", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (fixture->registry, fixture->li, &error);
      g_autoptr(XfPublicCard) card = NULL;

      g_assert_no_error (error);
      g_object_set (pioneer, "video", cases[i].video, NULL);
      if (!xf_registry_save_pioneer (fixture->registry, pioneer, &error))
        {
          /* The registry refuses some itself: nothing to show then. */
          g_assert_null (cases[i].shown);
          continue;
        }
      card = view (fixture, fixture->li_uid, NULL);
      g_assert_cmpstr (card->video_url, ==, cases[i].shown);
    }
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  const char *uids[] = { fixture->zhao_uid, "no-such-uid", "", "\xff\xfe" };
  g_autoptr(GError) error = NULL;
  XfPortalLikeResult result;

  for (guint i = 0; i < G_N_ELEMENTS (uids); i++)
    {
      g_assert_null (xf_portal_view_card (fixture->portal, uids[i], "v-1", FALSE, &error));
      g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
      g_clear_error (&error);
      g_assert_false (xf_portal_like (fixture->portal, uids[i], "v-1", &result, &error));
      g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
      g_clear_error (&error);
      g_assert_false (xf_portal_share (fixture->portal, uids[i], "v-1", &error));
      g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }
  /* The archived pioneer's message is the unknown one's. */
  {
    g_autoptr(GError) archived = NULL;
    g_autoptr(GError) unknown = NULL;

    g_assert_null (xf_portal_view_card (fixture->portal, fixture->zhao_uid, NULL, FALSE, &archived));
    g_assert_null (xf_portal_view_card (fixture->portal, "no-such-uid", NULL, FALSE, &unknown));
    g_assert_cmpstr (archived->message, ==, unknown->message);
    g_assert_null (strstr (archived->message, "赵志强"));
  }
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT count(*) FROM engagement_events"), ==, 0);
}

static void
test_views (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(XfPublicCard) card = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  g_autofree char *source_id = NULL;
  g_autofree char *visitor = NULL;
  g_autofree char *on = NULL;

  /* No visitor, a bot: nothing counted. */
  card = view (fixture, fixture->wang_uid, NULL);
  g_clear_pointer (&card, xf_public_card_free);
  card = xf_portal_view_card (fixture->portal, fixture->wang_uid, "v-bot", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (card->views_this_month, ==, 0);
  g_clear_pointer (&card, xf_public_card_free);
  g_assert_cmpint (count_events (fixture, "card-viewed"), ==, 0);

  /* The first view counts itself. */
  card = view (fixture, fixture->wang_uid, "v-1");
  g_assert_cmpuint (card->views_this_month, ==, 1);
  g_clear_pointer (&card, xf_public_card_free);
  source = xf_test_query_text (fixture->store, "SELECT source FROM engagement_events");
  source_id = xf_test_query_text (fixture->store, "SELECT source_id FROM engagement_events");
  visitor = xf_test_query_text (fixture->store, "SELECT visitor FROM engagement_events");
  on = xf_test_query_text (fixture->store, "SELECT occurred_on FROM engagement_events");
  g_assert_cmpstr (source, ==, "portal");
  g_assert_true (g_str_has_prefix (source_id, "card-viewed:v-1:"));
  g_assert_true (g_str_has_suffix (source_id, ":2026-03-09"));
  g_assert_cmpstr (visitor, ==, "v-1");
  g_assert_cmpstr (on, ==, "2026-03-09");

  /* Again the same day: once. Another visitor: twice. */
  card = view (fixture, fixture->wang_uid, "v-1");
  g_assert_cmpuint (card->views_this_month, ==, 1);
  g_clear_pointer (&card, xf_public_card_free);
  card = view (fixture, fixture->wang_uid, "v-2");
  g_assert_cmpuint (card->views_this_month, ==, 2);
  g_clear_pointer (&card, xf_public_card_free);
  g_assert_cmpint (count_events (fixture, "card-viewed"), ==, 2);

  /* The next day counts again; the other card has none. */
  g_setenv ("XIANFENG_TODAY", "2026-03-10", TRUE);
  card = view (fixture, fixture->wang_uid, "v-1");
  g_assert_cmpuint (card->views_this_month, ==, 3);
  g_clear_pointer (&card, xf_public_card_free);
  card = view (fixture, fixture->li_uid, NULL);
  g_assert_cmpuint (card->views_this_month, ==, 0);
  g_clear_pointer (&card, xf_public_card_free);

  /* A new month starts from nothing. */
  g_setenv ("XIANFENG_TODAY", "2026-04-01", TRUE);
  card = view (fixture, fixture->wang_uid, NULL);
  g_assert_cmpuint (card->views_this_month, ==, 0);
}

static void
test_like_once_a_day (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(XfPublicCard) card = NULL;

  g_assert_cmpint (like (fixture, fixture->wang_uid, "v-1"), ==, XF_PORTAL_LIKE_COUNTED);
  g_assert_cmpint (count_events (fixture, "card-liked"), ==, 1);
  g_assert_cmpint (like (fixture, fixture->wang_uid, "v-1"), ==, XF_PORTAL_LIKE_ALREADY);
  g_assert_cmpint (count_events (fixture, "card-liked"), ==, 1);

  /* Another pioneer, another visitor: their own likes. */
  g_assert_cmpint (like (fixture, fixture->li_uid, "v-1"), ==, XF_PORTAL_LIKE_COUNTED);
  g_assert_cmpint (like (fixture, fixture->wang_uid, "v-2"), ==, XF_PORTAL_LIKE_COUNTED);
  g_assert_cmpint (count_events (fixture, "card-liked"), ==, 3);
  card = view (fixture, fixture->wang_uid, NULL);
  g_assert_cmpuint (card->likes_this_month, ==, 2);
  g_clear_pointer (&card, xf_public_card_free);

  /* The next day the same visitor counts again. */
  g_setenv ("XIANFENG_TODAY", "2026-03-10", TRUE);
  g_assert_cmpint (like (fixture, fixture->wang_uid, "v-1"), ==, XF_PORTAL_LIKE_COUNTED);
  g_assert_cmpint (like (fixture, fixture->wang_uid, "v-1"), ==, XF_PORTAL_LIKE_ALREADY);
  g_assert_cmpint (count_events (fixture, "card-liked"), ==, 4);
  g_assert_cmpint (xf_test_query_int64 (fixture->store,
                                        "SELECT count(*) FROM engagement_events WHERE kind = 'card-liked'"
                                        " AND occurred_on = '2026-03-10' AND source = 'portal'"), ==, 1);
  card = view (fixture, fixture->wang_uid, NULL);
  g_assert_cmpuint (card->likes_this_month, ==, 3);
  g_assert_cmpint (count_events (fixture, "card-viewed"), ==, 0);
}

static void
test_like_needs_visitor (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *visitors[] = { NULL, "", "\xff" };

  for (guint i = 0; i < G_N_ELEMENTS (visitors); i++)
    {
      g_autoptr(GError) error = NULL;
      XfPortalLikeResult result = XF_PORTAL_LIKE_COUNTED;

      g_assert_false (xf_portal_like (fixture->portal, fixture->wang_uid, visitors[i], &result, &error));
      g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Visitor:"));
      g_assert_cmpint (result, ==, XF_PORTAL_LIKE_ALREADY);
      g_clear_error (&error);
      g_assert_false (xf_portal_share (fixture->portal, fixture->wang_uid, visitors[i], &error));
      g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
    }
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT count(*) FROM engagement_events"), ==, 0);
}

static void
test_long_visitor (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *long_key = g_strnfill (300, 'k');
  g_autofree char *hashed = g_compute_checksum_for_string (G_CHECKSUM_SHA256, long_key, -1);
  g_autofree char *stored = NULL;

  g_assert_cmpint (like (fixture, fixture->wang_uid, long_key), ==, XF_PORTAL_LIKE_COUNTED);
  g_assert_cmpint (like (fixture, fixture->wang_uid, long_key), ==, XF_PORTAL_LIKE_ALREADY);
  stored = xf_test_query_text (fixture->store, "SELECT visitor FROM engagement_events");
  g_assert_cmpstr (stored, ==, hashed);
}

static void
test_share (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_portal_share (fixture->portal, fixture->wang_uid, "v-1", &error));
  g_assert_no_error (error);
  g_assert_true (xf_portal_share (fixture->portal, fixture->wang_uid, "v-1", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_events (fixture, "card-shared"), ==, 1);
  g_setenv ("XIANFENG_TODAY", "2026-03-10", TRUE);
  g_assert_true (xf_portal_share (fixture->portal, fixture->wang_uid, "v-1", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_events (fixture, "card-shared"), ==, 2);
  g_assert_cmpint (xf_test_query_int64 (fixture->store,
                                        "SELECT count(*) FROM engagement_events WHERE source <> 'portal'"), ==, 0);
}

/* An event of @kind for @pioneer at noon on @day, recorded at a desk. */
static void
desk_event (Fixture    *fixture,
            gint64      pioneer,
            const char *kind,
            const char *day,
            const char *id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_ranking_record_event (fixture->ranking, pioneer, kind, "wechat", id, NULL,
                                          xf_test_ranking_noon (day), 1, &error));
  g_assert_no_error (error);
}

static void
assert_public_entries (GPtrArray *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      XfRankingEntry *entry = g_ptr_array_index (entries, i);

      g_assert_nonnull (entry->pioneer_uid);
      g_assert_nonnull (entry->name);
      g_assert_null (entry->region_code);
      g_assert_true (entry->parts == NULL || entry->parts->len == 0);
    }
}

static void
test_month_pioneers (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(XfMonthlyRanking) preview = NULL;
  g_autoptr(XfMonthlyRanking) shown = NULL;
  g_autoptr(XfMonthlyRanking) frozen = NULL;
  g_autoptr(XfMonthlyRanking) computed = NULL;
  g_autoptr(GError) error = NULL;
  XfRankingEntry *first;

  /* This month so far: 李秀英 liked more than 王建国. */
  desk_event (fixture, fixture->li, "card-liked", "2026-03-02", "m1");
  desk_event (fixture, fixture->li, "card-liked", "2026-03-03", "m2");
  desk_event (fixture, fixture->wang, "card-liked", "2026-03-03", "m3");
  preview = xf_portal_month_pioneers (fixture->portal, &error);
  g_assert_no_error (error);
  g_assert_false (preview->frozen);
  g_assert_cmpstr (preview->month, ==, "2026-03");
  g_assert_cmpuint (preview->individuals->len, >=, 2);
  first = g_ptr_array_index (preview->individuals, 0);
  g_assert_cmpstr (first->pioneer_uid, ==, fixture->li_uid);
  g_assert_cmpstr (first->name, ==, "李秀英");
  g_assert_cmpint (first->rank, ==, 1);
  assert_public_entries (preview->individuals);
  assert_public_entries (preview->collectives);

  /* February frozen: 王建国 first; the portal shows that month. */
  desk_event (fixture, fixture->wang, "card-liked", "2026-02-10", "f1");
  desk_event (fixture, fixture->wang, "card-shared", "2026-02-11", "f2");
  desk_event (fixture, fixture->li, "card-viewed", "2026-02-12", "f3");
  computed = xf_ranking_compute (fixture->ranking, "2026-02", &error);
  g_assert_no_error (error);
  frozen = xf_ranking_get (fixture->ranking, "2026-02", &error);
  g_assert_no_error (error);
  shown = xf_portal_month_pioneers (fixture->portal, &error);
  g_assert_no_error (error);
  g_assert_true (shown->frozen);
  g_assert_cmpstr (shown->month, ==, "2026-02");
  g_assert_null (shown->computed_by);
  g_assert_cmpuint (shown->individuals->len, ==, frozen->individuals->len);
  g_assert_cmpuint (shown->collectives->len, ==, frozen->collectives->len);
  for (guint i = 0; i < frozen->individuals->len; i++)
    {
      XfRankingEntry *a = g_ptr_array_index (frozen->individuals, i);
      XfRankingEntry *b = g_ptr_array_index (shown->individuals, i);

      g_assert_cmpstr (a->pioneer_uid, ==, b->pioneer_uid);
      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpstr (a->kind, ==, b->kind);
      g_assert_cmpstr (a->tier, ==, b->tier);
      g_assert_cmpstr (a->organisation, ==, b->organisation);
      g_assert_cmpint (a->rank, ==, b->rank);
      g_assert_cmpfloat (a->score, ==, b->score);
    }
  first = g_ptr_array_index (shown->individuals, 0);
  g_assert_cmpstr (first->pioneer_uid, ==, fixture->wang_uid);
  g_assert_cmpstr (first->organisation, ==, "湖州市总工会");
  assert_public_entries (shown->individuals);

  /* Asked again (from the portal's cache): the same wall, a copy. */
  {
    g_autoptr(XfMonthlyRanking) again = xf_portal_month_pioneers (fixture->portal, &error);

    g_assert_no_error (error);
    g_assert_true (again != shown && again->individuals != shown->individuals);
    g_assert_true (again->frozen);
    g_assert_cmpstr (again->month, ==, "2026-02");
    g_assert_cmpuint (again->individuals->len, ==, shown->individuals->len);
    first = g_ptr_array_index (again->individuals, 0);
    g_assert_cmpstr (first->pioneer_uid, ==, fixture->wang_uid);
    g_assert_cmpstr (first->name, ==, "王建国");
    g_assert_cmpfloat (first->score, ==, ((XfRankingEntry *) g_ptr_array_index (shown->individuals, 0))->score);
    assert_public_entries (again->individuals);
  }

  /* February computed again with more events: the new wall at once. */
  desk_event (fixture, fixture->li, "card-liked", "2026-02-13", "f4");
  desk_event (fixture, fixture->li, "card-shared", "2026-02-14", "f5");
  desk_event (fixture, fixture->li, "recommended", "2026-02-15", "f6");
  g_clear_pointer (&computed, xf_monthly_ranking_free);
  g_clear_pointer (&frozen, xf_monthly_ranking_free);
  g_clear_pointer (&shown, xf_monthly_ranking_free);
  computed = xf_ranking_compute (fixture->ranking, "2026-02", &error);
  g_assert_no_error (error);
  frozen = xf_ranking_get (fixture->ranking, "2026-02", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((XfRankingEntry *) g_ptr_array_index (frozen->individuals, 0))->pioneer_uid, ==,
                   fixture->li_uid);
  shown = xf_portal_month_pioneers (fixture->portal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((XfRankingEntry *) g_ptr_array_index (shown->individuals, 0))->pioneer_uid, ==,
                   fixture->li_uid);
}

static void
test_month_leaves_out_archived (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(XfMonthlyRanking) computed = NULL;
  g_autoptr(XfMonthlyRanking) shown = NULL;
  g_autoptr(XfPioneer) li = NULL;
  g_autoptr(GError) error = NULL;

  desk_event (fixture, fixture->wang, "card-liked", "2026-02-10", "f1");
  desk_event (fixture, fixture->li, "card-liked", "2026-02-10", "f2");
  desk_event (fixture, fixture->li, "card-liked", "2026-02-11", "f3");
  computed = xf_ranking_compute (fixture->ranking, "2026-02", &error);
  g_assert_no_error (error);
  li = xf_registry_get_pioneer (fixture->registry, fixture->li, &error);
  g_assert_true (xf_registry_archive_pioneer (fixture->registry, li, "moved away", &error));
  g_assert_no_error (error);

  shown = xf_portal_month_pioneers (fixture->portal, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < shown->individuals->len; i++)
    g_assert_cmpstr (((XfRankingEntry *) g_ptr_array_index (shown->individuals, i))->pioneer_uid,
                     !=, fixture->li_uid);
  g_assert_cmpuint (shown->individuals->len, ==, computed->individuals->len - 1);
}

/* The wall holds XF_RANKING_HONOUR_WALL_SIZE of the frozen entries, in
 * their order, leaving out those archived since (the first among them). */
static void
test_month_wall (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GHashTable) archived = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(XfMonthlyRanking) frozen = NULL;
  g_autoptr(XfMonthlyRanking) shown = NULL;
  g_autoptr(GError) error = NULL;
  guint at = 0;

  for (int i = 1; i <= 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("先锋%02d", i);
      gint64 id = xf_test_services_add_pioneer (fixture->registry, name, XF_TEST_WUKANG);

      for (int j = 0; j < i; j++)
        {
          g_autofree char *event = g_strdup_printf ("w%d-%d", i, j);

          desk_event (fixture, id, "card-liked", "2026-02-10", event);
        }
    }
  frozen = xf_ranking_compute (fixture->ranking, "2026-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (frozen->individuals->len, >=, 27);
  /* Six of the first 25 leave: the wall needs a second batch of checks. */
  for (guint i = 0; i < 12; i += 2)
    {
      XfRankingEntry *entry = g_ptr_array_index (frozen->individuals, i);
      g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (fixture->registry, entry->pioneer_id, &error);

      g_assert_true (xf_registry_archive_pioneer (fixture->registry, pioneer, "moved away", &error));
      g_assert_no_error (error);
      g_hash_table_add (archived, g_strdup (entry->pioneer_uid));
    }

  shown = xf_portal_month_pioneers (fixture->portal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shown->individuals->len, ==, XF_RANKING_HONOUR_WALL_SIZE);
  for (guint i = 0; i < frozen->individuals->len && at < shown->individuals->len; i++)
    {
      XfRankingEntry *entry = g_ptr_array_index (frozen->individuals, i);
      XfRankingEntry *on_wall;

      if (g_hash_table_contains (archived, entry->pioneer_uid))
        continue;
      on_wall = g_ptr_array_index (shown->individuals, at++);
      g_assert_cmpstr (on_wall->pioneer_uid, ==, entry->pioneer_uid);
      g_assert_cmpint (on_wall->rank, ==, entry->rank);
    }
  g_assert_cmpuint (at, ==, XF_RANKING_HONOUR_WALL_SIZE);
  for (guint i = 0; i < shown->individuals->len; i++)
    g_assert_false (g_hash_table_contains (archived,
                                           ((XfRankingEntry *) g_ptr_array_index (shown->individuals, i))->pioneer_uid));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define add(path, func) g_test_add ("/core/portal-cards/" path, Fixture, NULL, set_up, func, tear_down)
  add ("public-fields", test_public_fields);
  add ("chinese-labels", test_chinese_labels);
  add ("collective", test_collective);
  add ("offer-expires", test_offer_expires);
  add ("video-http-only", test_video_http_only);
  add ("not-found", test_not_found);
  add ("views", test_views);
  add ("like-once-a-day", test_like_once_a_day);
  add ("like-needs-visitor", test_like_needs_visitor);
  add ("long-visitor", test_long_visitor);
  add ("share", test_share);
  add ("month-pioneers", test_month_pioneers);
  add ("month-leaves-out-archived", test_month_leaves_out_archived);
  add ("month-wall", test_month_wall);
#undef add

  return g_test_run ();
}
