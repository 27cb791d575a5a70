/* test-fuzz-entry-points.c — the "from bytes" entry points the fuzz
 * harnesses use read what the file loaders read
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-data.h"
#include "xf-error.h"
#include "xf-reference-private.h"
#include "xf-services-private.h"

static GBytes *
read_data_file (const char *relative)
{
  g_autofree char *path = xf_data_find_file (relative);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* Every shipped table parses from bytes to the items the loader has. */
static void
test_reference_shipped (void)
{
  static const char *files[XF_REFERENCE_N_TABLES] = {
    "regions.json", "industries.json", "education.json", "ethnicities.json",
    "political-status.json", "honour-titles.json", "organisations.json",
  };
  g_autoptr(GError) error = NULL;
  XfReference *reference = xf_reference_get_default (&error);

  g_assert_no_error (error);
  for (guint i = 0; i < XF_REFERENCE_N_TABLES; i++)
    {
      g_autofree char *relative = g_build_filename ("reference", files[i], NULL);
      g_autoptr(GBytes) bytes = read_data_file (relative);
      guint n_items = 0;

      g_assert_true (_xf_reference_parse_bytes (i, bytes, files[i], &n_items, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_items, >, 0);
      g_assert_cmpuint (n_items, ==, xf_reference_get_items (reference, i)->len);
    }
}

static void
test_reference_bad (void)
{
  static const struct
  {
    XfReferenceTable  table;
    const char       *text;
    const char       *message;
  } cases[] = {
    { XF_REFERENCE_INDUSTRIES, "", "Reference data file bad.json is damaged: the file is empty" },
    { XF_REFERENCE_INDUSTRIES, "{\"items\": [\n {\"code\": \"A\", \"name_zh\": \"甲\"},\n {\"code\": \"A\", \"name_zh\": \"乙\"}]}",
      "Reference data file bad.json is damaged at line 3: duplicate code \"A\"" },
    { XF_REFERENCE_REGIONS, "{\"items\": []}", "Reference data file bad.json is damaged at line 1: there is no \"city\" object" },
    { XF_REFERENCE_EDUCATION, "{\"items\": [1]}", "Reference data file bad.json is damaged: item 1 is not an object" },
    { XF_REFERENCE_EDUCATION, "{\"items\": [\n", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = bytes_of (cases[i].text);
      g_autoptr(GError) error = NULL;
      guint n_items = 7;

      g_assert_false (_xf_reference_parse_bytes (cases[i].table, bytes, "bad.json", &n_items, &error));
      g_assert_error (error, XF_ERROR, XF_ERROR_CORRUPT);
      g_assert_cmpuint (n_items, ==, 0);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
      else
        g_assert_true (g_str_has_prefix (error->message, "Reference data file bad.json is damaged at line"));
    }
}

/* Bytes with a NUL inside are read to their length, not to the NUL. */
static void
test_reference_nul (void)
{
  static const char text[] = "{\"items\": [{\"code\": \"A\", \"name_zh\": \"甲\"}]}\0garbage";
  g_autoptr(GBytes) bytes = g_bytes_new (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (_xf_reference_parse_bytes (XF_REFERENCE_INDUSTRIES, bytes, "nul.json", NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_CORRUPT);
}

static void
test_catalogue_shipped (void)
{
  g_autoptr(GBytes) bytes = read_data_file ("reference/services.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = _xf_services_parse_catalogue (bytes, "services.json", &error);
  const XfServiceItem *first;

  g_assert_no_error (error);
  g_assert_nonnull (items);
  /* The file's own "about" says 23. */
  g_assert_cmpuint (items->len, ==, 23);
  first = items->pdata[0];
  g_assert_cmpint (first->id, ==, 0);
  g_assert_cmpint (first->position, ==, 1);
  g_assert_true (first->active);
  g_assert_cmpstr (first->code, !=, "");
  g_assert_cmpstr (first->name_zh, !=, "");
}

static void
test_catalogue_bad (void)
{
  static const char *texts[] = { "", "[]", "{\"items\": 3}", "{\"items\": [" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) bytes = bytes_of (texts[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) items = _xf_services_parse_catalogue (bytes, "bad.json", &error);

      g_assert_null (items);
      g_assert_error (error, XF_ERROR, XF_ERROR_CORRUPT);
      g_assert_true (g_str_has_prefix (error->message, "Reference data file bad.json is damaged: "));
    }
}

/* Items that are not objects are passed over, as the seeding always did;
 * a missing "response" is two working days. */
static void
test_catalogue_lenient (void)
{
  g_autoptr(GBytes) bytes = bytes_of ("{\"items\": [7, {\"code\": \" x-1 \", \"name_zh\": \"一\"}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = _xf_services_parse_catalogue (bytes, "small.json", &error);
  const XfServiceItem *item;

  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  item = items->pdata[0];
  g_assert_cmpstr (item->code, ==, "x-1");
  g_assert_cmpstr (item->name_zh, ==, "一");
  g_assert_cmpstr (item->group, ==, "");
  g_assert_null (item->stage);
  g_assert_cmpstr (item->response_unit, ==, XF_RESPONSE_DAYS);
  g_assert_cmpint (item->response_amount, ==, 2);
  g_assert_cmpint (item->position, ==, 2);
}

/* Members of the wrong type read as absent, with no critical warning. */
static void
test_catalogue_wrong_types (void)
{
  g_autoptr(GBytes) bytes = bytes_of ("{\"items\": [{\"code\": [\"x\"], \"name_zh\": {\"a\": 1}, \"group\": 3,"
                                      " \"response\": {\"unit\": [], \"amount\": {\"n\": 2}}},"
                                      " {\"code\": \"y\", \"response\": {\"unit\": \"hours\", \"amount\": 8}}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = _xf_services_parse_catalogue (bytes, "types.json", &error);
  const XfServiceItem *item;

  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  item = items->pdata[0];
  g_assert_cmpstr (item->code, ==, "");
  g_assert_cmpstr (item->name_zh, ==, "");
  g_assert_cmpstr (item->group, ==, "");
  g_assert_cmpstr (item->response_unit, ==, XF_RESPONSE_DAYS);
  g_assert_cmpint (item->response_amount, ==, 2);
  item = items->pdata[1];
  g_assert_cmpstr (item->code, ==, "y");
  g_assert_cmpstr (item->response_unit, ==, "hours");
  g_assert_cmpint (item->response_amount, ==, 8);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  _xf_reference_set_language_for_tests ("en");

  g_test_add_func ("/fuzz/entry-points/reference/shipped", test_reference_shipped);
  g_test_add_func ("/fuzz/entry-points/reference/bad", test_reference_bad);
  g_test_add_func ("/fuzz/entry-points/reference/nul", test_reference_nul);
  g_test_add_func ("/fuzz/entry-points/catalogue/shipped", test_catalogue_shipped);
  g_test_add_func ("/fuzz/entry-points/catalogue/bad", test_catalogue_bad);
  g_test_add_func ("/fuzz/entry-points/catalogue/lenient", test_catalogue_lenient);
  g_test_add_func ("/fuzz/entry-points/catalogue/wrong-types", test_catalogue_wrong_types);
  return g_test_run ();
}
