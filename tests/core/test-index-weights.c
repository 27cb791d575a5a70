/* test-index-weights.c — the pioneer index's weights: parsing, checks,
 *                        canonical JSON, the default file
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "xf-error.h"
#include "xf-index-weights.h"

#define ONE(fields) "{\"components\": [{" fields "}]}"
#define GOOD "\"id\": \"views\", \"name_en\": \"Card views\", \"name_zh\": \"名片浏览\", " \
             "\"kinds\": [\"card-viewed\"], \"weight\": 10, \"measure\": \"count\", " \
             "\"per_source_day\": 1, \"per_day\": 50"

static void
test_default_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfIndexWeights) weights = xf_index_weights_load_default (&error);
  const XfIndexComponent *views, *ratings;
  const char *ids[] = { "views", "likes", "shares", "recommendations", "activities",
                        "participation", "services", "ratings", "help" };

  g_assert_no_error (error);
  g_assert_nonnull (weights);
  g_assert_cmpuint (weights->components->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (((XfIndexComponent *) g_ptr_array_index (weights->components, i))->id, ==, ids[i]);
  g_assert_cmpfloat (xf_index_weights_total (weights), ==, 100.0);
  views = xf_index_weights_find (weights, "views");
  g_assert_nonnull (views);
  g_assert_cmpstr (views->name_zh, ==, "名片浏览");
  g_assert_cmpuint (views->per_source_day, ==, 1);
  g_assert_cmpuint (views->per_day, ==, 50);
  g_assert_false (views->measure_value);
  ratings = xf_index_weights_find (weights, "ratings");
  g_assert_true (ratings->measure_value);
  g_assert_cmpstr (ratings->kinds[0], ==, "service-rated");
  g_assert_null (ratings->kinds[1]);
  g_assert_cmpstr (xf_index_weights_find (weights, "help")->name_zh, ==, "帮扶互动");
  g_assert_null (xf_index_weights_find (weights, "nothing"));

  /* Every kind the index knows is counted by exactly one component. */
  for (const char * const *kind = xf_index_known_kinds (); *kind != NULL; kind++)
    {
      guint owners = 0;

      for (guint i = 0; i < weights->components->len; i++)
        if (g_strv_contains ((const char * const *) ((XfIndexComponent *) g_ptr_array_index (weights->components, i))->kinds, *kind))
          owners++;
      g_assert_cmpuint (owners, ==, 1);
    }
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfIndexWeights) weights = xf_index_weights_load_default (&error);
  g_autoptr(XfIndexWeights) again = NULL;
  g_autoptr(XfIndexWeights) copy = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  g_autofree char *json_copy = NULL;
  g_autofree char *fraction = NULL;
  g_autoptr(XfIndexWeights) fractional = NULL;

  g_assert_no_error (error);
  json = xf_index_weights_to_json (weights);
  g_assert_true (g_str_has_prefix (json, "{\"components\":[{\"id\":\"views\",\"name_en\":\"Card views\","
                                         "\"name_zh\":\"名片浏览\",\"kinds\":[\"card-viewed\"],\"weight\":10,"
                                         "\"measure\":\"count\",\"per_source_day\":1,\"per_day\":50}"));
  again = xf_index_weights_parse (json, &error);
  g_assert_no_error (error);
  json_again = xf_index_weights_to_json (again);
  g_assert_cmpstr (json, ==, json_again);
  copy = xf_index_weights_copy (weights);
  json_copy = xf_index_weights_to_json (copy);
  g_assert_cmpstr (json, ==, json_copy);

  /* Fractional weights survive too. */
  fractional = xf_index_weights_parse (ONE ("\"id\": \"views\", \"name_en\": \"V\", \"name_zh\": \"浏览\","
                                            " \"kinds\": [\"card-viewed\"], \"weight\": 0.05,"
                                            " \"measure\": \"count\""), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (((XfIndexComponent *) g_ptr_array_index (fractional->components, 0))->weight, ==, 0.05);
  g_assert_cmpuint (((XfIndexComponent *) g_ptr_array_index (fractional->components, 0))->per_day, ==, 0);
  fraction = xf_index_weights_to_json (fractional);
  g_assert_nonnull (strstr (fraction, "\"weight\":0.05"));
}

static void
test_errors (void)
{
  struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "not json", "Weights: not valid JSON" },
    { "{\"components\": []}", "Weights: “components” must list at least one component" },
    { ONE ("\"id\": \"Views\", \"name_en\": \"V\""), "Component 1: id must be lower-case letters and “-”" },
    { ONE ("\"id\": \"views\", \"name_en\": \"\", \"name_zh\": \"浏览\""), "Component “views”: name_en must not be empty" },
    { ONE ("\"id\": \"views\", \"name_en\": \"V\""), "Component “views”: name_zh must not be empty" },
    { ONE ("\"id\": \"views\", \"name_en\": \"V\", \"name_zh\": \"浏览\", \"kinds\": []"),
      "Component “views”: kinds must list at least one event kind" },
    { ONE ("\"id\": \"views\", \"name_en\": \"V\", \"name_zh\": \"浏览\", \"kinds\": [\"like\"]"),
      "Component “views”: kinds: “like” is not an event kind" },
    { ONE ("\"id\": \"views\", \"name_en\": \"V\", \"name_zh\": \"浏览\", \"kinds\": [\"card-viewed\"], \"weight\": 101"),
      "Component “views”: weight must be 0 to 100" },
    { ONE ("\"id\": \"views\", \"name_en\": \"V\", \"name_zh\": \"浏览\", \"kinds\": [\"card-viewed\"], \"weight\": \"10\""),
      "Component “views”: weight must be 0 to 100" },
    { ONE ("\"id\": \"views\", \"name_en\": \"V\", \"name_zh\": \"浏览\", \"kinds\": [\"card-viewed\"], \"weight\": 10, \"measure\": \"sum\""),
      "Component “views”: measure must be “count” or “value”" },
    { ONE ("\"id\": \"views\", \"name_en\": \"V\", \"name_zh\": \"浏览\", \"kinds\": [\"card-viewed\"], \"weight\": 10,"
           " \"measure\": \"count\", \"per_source_day\": 1.5"),
      "Component “views”: per_source_day must be a whole number 0 to 10000" },
    { ONE ("\"id\": \"views\", \"name_en\": \"V\", \"name_zh\": \"浏览\", \"kinds\": [\"card-viewed\"], \"weight\": 10,"
           " \"measure\": \"count\", \"per_day\": 10001"),
      "Component “views”: per_day must be a whole number 0 to 10000" },
    { ONE ("\"id\": \"views\", \"name_en\": \"V\", \"name_zh\": \"浏览\", \"kinds\": [\"card-viewed\"], \"weight\": 0,"
           " \"measure\": \"count\""),
      "Weights: the sum of the weights must be above 0" },
    { "{\"components\": [{" GOOD "}, {" GOOD "}]}", "Component “views”: id is used twice" },
    { "{\"components\": [{" GOOD "}, {\"id\": \"more\", \"name_en\": \"M\", \"name_zh\": \"多\","
      " \"kinds\": [\"card-liked\", \"card-viewed\"], \"weight\": 1, \"measure\": \"count\"}]}",
      "Component “more”: kinds: “card-viewed” is already counted by “views”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(XfIndexWeights) weights = xf_index_weights_parse (cases[i].json, &error);

      g_assert_null (weights);
      g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: “%s” instead of “%s”", i, error->message, cases[i].message);
    }
}

static void
test_good_one (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfIndexWeights) weights = xf_index_weights_parse (ONE (GOOD), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (weights->components->len, ==, 1);
  g_assert_cmpstr (xf_index_component_label (g_ptr_array_index (weights->components, 0)), ==, "Card views");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/index-weights/default-file", test_default_file);
  g_test_add_func ("/core/index-weights/round-trip", test_round_trip);
  g_test_add_func ("/core/index-weights/errors", test_errors);
  g_test_add_func ("/core/index-weights/good-one", test_good_one);
  return g_test_run ();
}
