/* test-services-offers.c — pioneers' offers: saving, listing, load, refusals
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-services.h"

static XfServiceOffer *
offer_at (GPtrArray *offers,
          guint      index)
{
  g_assert_cmpuint (index, <, offers->len);
  return g_ptr_array_index (offers, index);
}

static GPtrArray *
list (XfServices *services,
      gint64      pioneer_id,
      const char *item_code)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *offers = xf_services_list_offers (services, pioneer_id, item_code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (offers);
  return offers;
}

static void
test_save (ServicesFixture *fixture,
           gconstpointer    data)
{
  gint64 wang = offers_add_pioneer (fixture, "王建国", "330521001", "C", "设备维修");
  gint64 li = offers_add_pioneer (fixture, "李明", "330523001", "A", "白茶种植");
  g_autoptr(GPtrArray) offers = NULL;
  g_autoptr(GPtrArray) by_item = NULL;
  g_autoptr(XfServiceOffer) copy = NULL;
  g_autoptr(XfServiceOffer) stale = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit, first, id;
  XfServiceOffer *offer;

  first = offers_save (fixture->services, wang, "cp-technical-help", " 330521  330523 330521 ", "both", 5);
  audit = xf_test_count_audit (fixture->store);
  offers_save (fixture->services, wang, "lc-technical-problem-solving", "", "on-site", 2);
  offers_save (fixture->services, li, "cp-farmer-prosperity", "", "on-site", 4);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit + 2);

  offers = list (fixture->services, wang, NULL);
  g_assert_cmpuint (offers->len, ==, 2);
  offer = offer_at (offers, 0);   /* common prosperity before the lifecycle's items */
  g_assert_cmpint (offer->id, ==, first);
  g_assert_cmpint (offer->pioneer_id, ==, wang);
  g_assert_cmpstr (offer->pioneer_name, ==, "王建国");
  g_assert_nonnull (offer->pioneer_uid);
  g_assert_cmpstr (offer->item_code, ==, "cp-technical-help");
  g_assert_cmpstr (offer->item_name, ==, "Technical help");
  g_assert_cmpstr (offer->regions, ==, "330521 330523");
  g_assert_cmpstr (offer->mode, ==, "both");
  g_assert_cmpint (offer->capacity_per_month, ==, 5);
  g_assert_true (offer->available);
  g_assert_null (offer->available_until);
  g_assert_cmpint (offer->load_this_month, ==, 0);
  g_assert_cmpint (offer->version, ==, 1);
  g_assert_cmpstr (offer_at (offers, 1)->item_code, ==, "lc-technical-problem-solving");
  by_item = list (fixture->services, 0, "cp-farmer-prosperity");
  g_assert_cmpuint (by_item->len, ==, 1);
  g_assert_cmpint (offer_at (by_item, 0)->pioneer_id, ==, li);
  g_clear_pointer (&by_item, g_ptr_array_unref);
  /* Bytes that are not text find nothing, on PostgreSQL too. */
  by_item = list (fixture->services, 0, "cp-\xff");
  g_assert_cmpuint (by_item->len, ==, 0);
  g_clear_pointer (&by_item, g_ptr_array_unref);
  by_item = list (fixture->services, 0, NULL);
  g_assert_cmpuint (by_item->len, ==, 3);

  /* One offer per pioneer and item. */
  copy = xf_service_offer_copy (offer);
  copy->id = 0;
  g_assert_cmpint (xf_services_save_offer (fixture->services, copy, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_DUPLICATE, "Service item:");
  g_clear_error (&error);

  /* An update is audited field by field and checks the version. */
  stale = xf_service_offer_copy (offer);
  audit = xf_test_count_audit (fixture->store);
  offer->capacity_per_month = 8;
  g_free (offer->available_until);
  offer->available_until = g_strdup ("2026-12-31");
  id = xf_services_save_offer (fixture->services, offer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, first);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit + 2);
  g_assert_cmpint (xf_services_save_offer (fixture->services, stale, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&offers, g_ptr_array_unref);
  offers = list (fixture->services, wang, "cp-technical-help");
  g_assert_cmpint (offer_at (offers, 0)->capacity_per_month, ==, 8);
  g_assert_cmpstr (offer_at (offers, 0)->available_until, ==, "2026-12-31");
  g_assert_cmpint (offer_at (offers, 0)->version, ==, 2);
}

static void
test_load (ServicesFixture *fixture,
           gconstpointer    data)
{
  gint64 wang = offers_add_pioneer (fixture, "王建国", "330521001", "C", "设备维修");
  gint64 li = offers_add_pioneer (fixture, "李明", "330523001", "A", "白茶种植");
  gint64 march = offers_local_us (2026, 3, 2, 9);
  g_autoptr(GPtrArray) offers = NULL;

  offers_save (fixture->services, wang, "cp-technical-help", "", "on-site", 4);
  offers_save (fixture->services, wang, "cp-skill-training", "", "on-site", 4);
  /* This month, of the offer's own item: the claimed technical help
   * counts; the legal aid is no offer's, the cancelled one does not count. */
  offers_add_request (fixture, "cp-technical-help", "330521001", wang, march, "claimed", 0, 0);
  offers_add_request (fixture, "cp-legal-aid", "330521001", wang, march + (gint64) 3600 * G_USEC_PER_SEC, "done", 5, march);
  offers_add_request (fixture, "cp-technical-help", "330521001", wang, march, "cancelled", 0, 0);
  /* Last month, and someone else's. */
  offers_add_request (fixture, "cp-technical-help", "330521001", wang, offers_local_us (2026, 2, 27, 15),
                      "done", 0, 0);
  offers_add_request (fixture, "cp-technical-help", "330521001", li, march, "claimed", 0, 0);

  offers = list (fixture->services, wang, NULL);
  g_assert_cmpuint (offers->len, ==, 2);
  for (guint i = 0; i < offers->len; i++)
    g_assert_cmpint (offer_at (offers, i)->load_this_month, ==,
                     g_str_equal (offer_at (offers, i)->item_code, "cp-technical-help") ? 1 : 0);

  /* In April, March no longer counts. */
  g_setenv ("XIANFENG_TODAY", "2026-04-01", TRUE);
  g_clear_pointer (&offers, g_ptr_array_unref);
  offers = list (fixture->services, wang, NULL);
  for (guint i = 0; i < offers->len; i++)
    g_assert_cmpint (offer_at (offers, i)->load_this_month, ==, 0);
}

static void
test_invalid (ServicesFixture *fixture,
              gconstpointer    data)
{
  gint64 wang = offers_add_pioneer (fixture, "王建国", "330521001", "C", "设备维修");
  gint64 gone = offers_add_pioneer (fixture, "赵敏", "330523001", "C", "焊接工艺");
  g_autoptr(XfServiceItem) withdrawn = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit;
  static const struct
  {
    const char *item;
    const char *regions;
    const char *mode;
    int         capacity;
    const char *until;
    const char *message;
  } cases[] = {
    { "cp-nothing", "", "on-site", 4, NULL, "Service item: “cp-nothing” is not in the catalogue" },
    { "lc-deeds-writing", "", "on-site", 4, NULL, "Service item: “lc-deeds-writing” is no longer offered" },
    { "cp-legal-aid", "330521 999999", "on-site", 4, NULL, "Regions: “999999” is not a region code" },
    { "cp-legal-aid", "", "drone", 4, NULL, "Mode: on site, remote or both, not “drone”" },
    { "cp-legal-aid", "", "remote", 0, NULL, "Capacity: from 1 to 100 requests a month, not 0" },
    { "cp-legal-aid", "", "remote", 101, NULL, "Capacity: from 1 to 100 requests a month, not 101" },
    { "cp-legal-aid", "", "remote", 4, "2026-13-01", "Available until: “2026-13-01” is not a date" },
    /* Bytes that are not text: refused, and quoted as valid text. */
    { "cp-legal-aid", "330521 33\xff", "on-site", 4, NULL, "Regions: “33" },
    { "cp-legal-aid", "", "dr\xc3", 4, NULL, "Mode: on site, remote or both, not “dr" },
    { "cp-legal-aid", "", "remote", 4, "2026-\xfe", "Available until: “2026-" },
  };

  withdrawn = xf_services_get_item (fixture->services, "lc-deeds-writing", &error);
  g_assert_no_error (error);
  withdrawn->active = FALSE;
  g_assert_cmpint (xf_services_save_item (fixture->services, withdrawn, &error), >, 0);
  g_assert_no_error (error);
  xf_test_services_archive (fixture, gone);
  audit = xf_test_count_audit (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XfServiceOffer) offer = xf_service_offer_new ();
      g_autoptr(GError) local = NULL;

      offer->pioneer_id = wang;
      offer->item_code = g_strdup (cases[i].item);
      g_free (offer->regions);
      offer->regions = g_strdup (cases[i].regions);
      g_free (offer->mode);
      offer->mode = g_strdup (cases[i].mode);
      offer->capacity_per_month = cases[i].capacity;
      offer->available_until = g_strdup (cases[i].until);
      g_assert_cmpint (xf_services_save_offer (fixture->services, offer, &local), ==, 0);
      xf_test_services_assert_error (local, XF_ERROR_INVALID, cases[i].message);
      g_assert_true (g_utf8_validate (local->message, -1, NULL));
    }
  {
    g_autoptr(XfServiceOffer) offer = xf_service_offer_new ();

    offer->pioneer_id = gone;
    offer->item_code = g_strdup ("cp-legal-aid");
    g_assert_cmpint (xf_services_save_offer (fixture->services, offer, &error), ==, 0);
    xf_test_services_assert_error (error, XF_ERROR_INVALID, "is not an active pioneer");
    g_clear_error (&error);
  }
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT count(*) FROM service_offers"), ==, 0);
}

static void
test_permissions (ServicesFixture *fixture,
                  gconstpointer    data)
{
  gint64 deqing = offers_add_pioneer (fixture, "王建国", "330521001", "C", "设备维修");
  gint64 anji = offers_add_pioneer (fixture, "赵敏", "330523001", "C", "焊接工艺");
  g_autoptr(XfServices) clerk = xf_test_services_as_in (fixture, "clerk-deqing", XF_ROLE_CLERK, "330521");
  g_autoptr(XfServices) dispatcher = xf_test_services_as_in (fixture, "dispatch-anji", XF_ROLE_DISPATCHER, "330523");
  g_autoptr(XfServices) reviewer = xf_test_services_as_in (fixture, "reviewer", XF_ROLE_REVIEWER, NULL);
  struct { XfServices *services; gint64 pioneer; gboolean allowed; } cases[] = {
    { clerk, deqing, TRUE },
    { clerk, anji, FALSE },
    { dispatcher, anji, TRUE },
    { dispatcher, deqing, FALSE },
    { reviewer, deqing, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XfServiceOffer) offer = xf_service_offer_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *code = g_strdup_printf ("%s", i < 2 ? "cp-legal-aid" : "cp-skill-training");
      gint64 id;

      offer->pioneer_id = cases[i].pioneer;
      offer->item_code = g_strdup (i == 4 ? "cp-mental-health" : code);
      id = xf_services_save_offer (cases[i].services, offer, &error);
      if (cases[i].allowed)
        {
          g_assert_no_error (error);
          g_assert_cmpint (id, >, 0);
        }
      else
        {
          g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
          g_assert_cmpint (id, ==, 0);
        }
    }
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT count(*) FROM service_offers"), ==, 2);
}

static void
test_remove (ServicesFixture *fixture,
             gconstpointer    data)
{
  gint64 wang = offers_add_pioneer (fixture, "王建国", "330521001", "C", "设备维修");
  gint64 id = offers_save (fixture->services, wang, "cp-technical-help", "", "on-site", 4);
  gint64 kept = offers_save (fixture->services, wang, "cp-skill-training", "", "remote", 4);
  gint64 request = offers_add_request (fixture, "cp-technical-help", "330521001", wang,
                                       offers_local_us (2026, 3, 2, 9), "claimed", 0, 0);
  g_autoptr(XfServices) reviewer = xf_test_services_as_in (fixture, "reviewer", XF_ROLE_REVIEWER, NULL);
  g_autoptr(GPtrArray) offers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *action = NULL;
  gint64 audit = xf_test_count_audit (fixture->store);

  g_assert_false (xf_services_remove_offer (reviewer, id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);

  /* With a request in hand the offer still goes; the request stays. */
  g_assert_true (xf_services_remove_offer (fixture->services, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit + 1);
  action = xf_test_query_text (fixture->store, "SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1");
  g_assert_cmpstr (action, ==, "offer-remove");
  offers = list (fixture->services, wang, NULL);
  g_assert_cmpuint (offers->len, ==, 1);
  g_assert_cmpint (offer_at (offers, 0)->id, ==, kept);
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT count(*) FROM service_requests"
                                                        " WHERE status = 'claimed'"), ==, 1);
  g_assert_cmpint (request, >, 0);

  g_assert_false (xf_services_remove_offer (fixture->services, id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  add_offers_test ("/core/services/offers/save", test_save);
  add_offers_test ("/core/services/offers/load", test_load);
  add_offers_test ("/core/services/offers/invalid", test_invalid);
  add_offers_test ("/core/services/offers/permissions", test_permissions);
  add_offers_test ("/core/services/offers/remove", test_remove);
  return g_test_run ();
}
