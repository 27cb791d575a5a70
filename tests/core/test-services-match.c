/* test-services-match.c — dispatch suggestions on a hand-made case
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-services.h"

#define EPSILON 1e-9

static void
test_region (void)
{
  /* The same township; a county or the city covers what lies in it. */
  g_assert_cmpfloat_with_epsilon (xf_service_match_region ("330521001", "330521001"), 1, EPSILON);
  g_assert_cmpfloat_with_epsilon (xf_service_match_region ("330521", "330521001"), 1, EPSILON);
  g_assert_cmpfloat_with_epsilon (xf_service_match_region ("330500", "330521001"), 1, EPSILON);
  g_assert_cmpfloat_with_epsilon (xf_service_match_region ("330000", "330521001"), 1, EPSILON);
  /* Otherwise the common level: county, city, province, none. */
  g_assert_cmpfloat_with_epsilon (xf_service_match_region ("330521002", "330521001"), 0.75, EPSILON);
  g_assert_cmpfloat_with_epsilon (xf_service_match_region ("330521001", "330521"), 0.75, EPSILON);
  g_assert_cmpfloat_with_epsilon (xf_service_match_region ("330523001", "330521001"), 0.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (xf_service_match_region ("330523", "330521"), 0.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (xf_service_match_region ("330102", "330521001"), 0.25, EPSILON);
  g_assert_cmpfloat_with_epsilon (xf_service_match_region ("110101", "330521001"), 0, EPSILON);
  g_assert_cmpfloat_with_epsilon (xf_service_match_region (NULL, "330521001"), 0, EPSILON);
  g_assert_cmpfloat_with_epsilon (xf_service_match_region ("330521001", ""), 0, EPSILON);
}

static void
test_score (void)
{
  XfServiceMatch match = { 0, };

  match.skills = 1;
  match.industry = 1;
  match.region = 1;
  match.load = 1;
  match.rating = 1;
  g_assert_cmpfloat_with_epsilon (xf_service_match_score (&match), 1, EPSILON);
  g_assert_cmpfloat_with_epsilon (match.score, 1, EPSILON);
  match.skills = 0.6;
  match.industry = 0;
  match.region = 0.75;
  match.load = 0;
  match.rating = 0.9;
  /* .35 × .6 + .25 × .75 + .10 × .9 */
  g_assert_cmpfloat_with_epsilon (xf_service_match_score (&match), 0.4875, EPSILON);
}

static void
assert_match (XfServiceMatch *match,
              gint64          pioneer_id,
              const char     *name,
              double          skills,
              double          industry,
              double          region,
              double          load,
              double          rating,
              double          score)
{
  g_assert_cmpint (match->pioneer_id, ==, pioneer_id);
  g_assert_cmpstr (match->pioneer_name, ==, name);
  g_assert_nonnull (match->pioneer_uid);
  g_assert_cmpstr (match->tier, ==, "cultivation");
  g_assert_cmpfloat_with_epsilon (match->skills, skills, EPSILON);
  g_assert_cmpfloat_with_epsilon (match->industry, industry, EPSILON);
  g_assert_cmpfloat_with_epsilon (match->region, region, EPSILON);
  g_assert_cmpfloat_with_epsilon (match->load, load, EPSILON);
  g_assert_cmpfloat_with_epsilon (match->rating, rating, EPSILON);
  g_assert_cmpfloat_with_epsilon (match->score, score, EPSILON);
}

/*
 * A request for technical help (技术帮扶: keywords include 设备维修,
 * PLC编程, 数控加工; industries C D E I M) in 武康街道 (330521001), Deqing,
 * on Monday 9 March 2026. The candidates, worked out by hand
 * (score = .35 skills + .15 industry + .25 region + .15 load + .10 rating):
 *
 *   甲 330521001, C, 设备维修, on site, 4 a month, none this month, never
 *      rated: 1, 1, 1, 1, .6                           → .96
 *   丁 330523002 (Anji), C, 数控加工, on site serving all of 330521, 10 a
 *      month, never rated: 1, 1, 1 (covered), 1, .6      → .96, after 甲 (id)
 *   丙 330523001, I, PLC编程, remote, 4 a month with 1 this month, rated 3
 *      in December (and 2 thirteen months ago, not counted):
 *      1, 1, .5, .75, .6                               → .7975
 *   壬 330523001, no industry, no skills, both, 1 a month, rated 1 in
 *      February: .6, 0, .5, 1, .2                      → .505
 *   乙 330521002, H, 烹饪, on site, 2 a month and 2 of technical help this
 *      month (one done, rated 5; and 4 in February; a legal aid this month
 *      is not this offer's load): .6, 0, .75, 0 (full), .9 → .4875
 *
 * Not candidates: 戊 (archived), 己 (offer not available), 庚 (available
 * until yesterday), 辛 (offers another item).
 */
static void
test_suggest (ServicesFixture *fixture,
              gconstpointer    data)
{
  gint64 jia = offers_add_pioneer (fixture, "甲", "330521001", "C", "设备维修、电气维修");
  gint64 yi = offers_add_pioneer (fixture, "乙", "330521002", "H", "烹饪");
  gint64 bing = offers_add_pioneer (fixture, "丙", "330523001", "I", "PLC编程、数据分析");
  gint64 ding = offers_add_pioneer (fixture, "丁", "330523002", "C", "数控加工");
  gint64 wu = offers_add_pioneer (fixture, "戊", "330521001", "C", "设备维修");
  gint64 ji = offers_add_pioneer (fixture, "己", "330521001", "C", "设备维修");
  gint64 geng = offers_add_pioneer (fixture, "庚", "330521001", "C", "设备维修");
  gint64 xin = offers_add_pioneer (fixture, "辛", "330521001", "C", "设备维修");
  gint64 ren = offers_add_pioneer (fixture, "壬", "330523001", NULL, NULL);
  gint64 march = offers_local_us (2026, 3, 3, 10);
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GPtrArray) top = NULL;
  g_autoptr(GError) error = NULL;
  gint64 request;

  offers_save (fixture->services, jia, "cp-technical-help", "", "on-site", 4);
  offers_save (fixture->services, yi, "cp-technical-help", "", "on-site", 2);
  offers_save (fixture->services, bing, "cp-technical-help", "", "remote", 4);
  offers_save (fixture->services, ding, "cp-technical-help", "330521", "on-site", 10);
  offers_save (fixture->services, ren, "cp-technical-help", "", "both", 1);
  offers_save (fixture->services, wu, "cp-technical-help", "", "on-site", 4);
  xf_test_services_archive (fixture, wu);
  xf_test_services_offer_until (fixture->services, ji, "cp-technical-help", FALSE, NULL);
  xf_test_services_offer_until (fixture->services, geng, "cp-technical-help", TRUE, "2026-03-08");
  xf_test_services_offer_until (fixture->services, xin, "cp-legal-aid", TRUE, NULL);

  /* 乙: full this month with technical help (the legal aid is another
   * offer's load); rated 5 (this month) and 4 (February). */
  offers_add_request (fixture, "cp-legal-aid", "330521002", yi, march, "claimed", 0, 0);
  offers_add_request (fixture, "cp-technical-help", "330521002", yi, march, "claimed", 0, 0);
  offers_add_request (fixture, "cp-technical-help", "330521002", yi, march, "done", 5, march);
  offers_add_request (fixture, "cp-technical-help", "330521002", yi, offers_local_us (2026, 2, 10, 9),
                      "done", 4, offers_local_us (2026, 2, 12, 9));
  /* 丙: one this month; rated 3 in December, 2 thirteen months ago. */
  offers_add_request (fixture, "cp-technical-help", "330523001", bing, march, "in-progress", 0, 0);
  offers_add_request (fixture, "cp-technical-help", "330523001", bing, offers_local_us (2025, 11, 20, 9),
                      "done", 3, offers_local_us (2025, 12, 1, 9));
  offers_add_request (fixture, "cp-technical-help", "330523001", bing, offers_local_us (2025, 1, 20, 9),
                      "done", 2, offers_local_us (2025, 2, 1, 9));
  /* 壬: rated 1 in February; a cancelled one this month does not count. */
  offers_add_request (fixture, "cp-technical-help", "330523001", ren, offers_local_us (2026, 2, 5, 9),
                      "done", 1, offers_local_us (2026, 2, 6, 9));
  offers_add_request (fixture, "cp-technical-help", "330523001", ren, march, "cancelled", 0, 0);
  request = offers_add_request (fixture, "cp-technical-help", "330521001", 0, march, "open", 0, 0);

  matches = xf_services_suggest (fixture->services, request, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 5);
  assert_match (g_ptr_array_index (matches, 0), jia, "甲", 1, 1, 1, 1, 0.6, 0.96);
  assert_match (g_ptr_array_index (matches, 1), ding, "丁", 1, 1, 1, 1, 0.6, 0.96);
  assert_match (g_ptr_array_index (matches, 2), bing, "丙", 1, 1, 0.5, 0.75, 0.6, 0.7975);
  assert_match (g_ptr_array_index (matches, 3), ren, "壬", 0.6, 0, 0.5, 1, 0.2, 0.505);
  assert_match (g_ptr_array_index (matches, 4), yi, "乙", 0.6, 0, 0.75, 0, 0.9, 0.4875);

  top = xf_services_suggest (fixture->services, request, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (top->len, ==, 3);
  g_assert_cmpint (((XfServiceMatch *) g_ptr_array_index (top, 2))->pioneer_id, ==, bing);

  g_assert_null (xf_services_suggest (fixture->services, request + 1000, 3, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

/* In April 乙's March requests no longer weigh on the load. */
static void
test_next_month (ServicesFixture *fixture,
                 gconstpointer    data)
{
  gint64 yi = offers_add_pioneer (fixture, "乙", "330521002", "H", "烹饪");
  gint64 march = offers_local_us (2026, 3, 3, 10);
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  gint64 request;

  offers_save (fixture->services, yi, "cp-technical-help", "", "on-site", 2);
  offers_add_request (fixture, "cp-technical-help", "330521002", yi, march, "claimed", 0, 0);
  offers_add_request (fixture, "cp-technical-help", "330521002", yi, march, "claimed", 0, 0);
  request = offers_add_request (fixture, "cp-technical-help", "330521001", 0, march, "open", 0, 0);

  matches = xf_services_suggest (fixture->services, request, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (((XfServiceMatch *) g_ptr_array_index (matches, 0))->load, 0, EPSILON);
  g_clear_pointer (&matches, g_ptr_array_unref);
  g_setenv ("XIANFENG_TODAY", "2026-04-02", TRUE);
  matches = xf_services_suggest (fixture->services, request, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (((XfServiceMatch *) g_ptr_array_index (matches, 0))->load, 1, EPSILON);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/services/match/region", test_region);
  g_test_add_func ("/core/services/match/score", test_score);
  add_offers_test ("/core/services/match/suggest", test_suggest);
  add_offers_test ("/core/services/match/next-month", test_next_month);
  return g_test_run ();
}
