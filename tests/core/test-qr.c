/* test-qr.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-error.h"
#include "xf-qr.h"

#define LINK "https://xianfeng.example.org/p/3f2a9c1e-7b44-4d0a-9e55-0c1d2e3f4a5b"

/* A finder pattern: 7×7 dark ring, light ring, dark 3×3 centre. */
static void
assert_finder (const XfQrMatrix *m,
               int               x0,
               int               y0)
{
  for (int y = 0; y < 7; y++)
    for (int x = 0; x < 7; x++)
      {
        gboolean ring = x == 0 || y == 0 || x == 6 || y == 6;
        gboolean centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;

        g_assert_cmpint (xf_qr_matrix_get_module (m, x0 + x, y0 + y), ==, ring || centre);
      }
}

static void
test_encode_url (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQrMatrix) m = xf_qr_encode (LINK, &error);
  int width;

  g_assert_no_error (error);
  g_assert_nonnull (m);

  width = xf_qr_matrix_get_width (m);
  g_assert_cmpint (width, >=, 21);
  g_assert_cmpint ((width - 21) % 4, ==, 0);
  g_assert_cmpint (width, ==, 17 + 4 * xf_qr_matrix_get_version (m));
  /* 67 bytes at level M need version 5 (version 4 holds 62 bytes). */
  g_assert_cmpint (xf_qr_matrix_get_version (m), ==, 5);
  g_assert_cmpint (width, ==, 37);

  assert_finder (m, 0, 0);
  assert_finder (m, width - 7, 0);
  assert_finder (m, 0, width - 7);

  /* The timing pattern on row 6 alternates between the finders. */
  for (int x = 8; x < width - 8; x++)
    g_assert_cmpint (xf_qr_matrix_get_module (m, x, 6), ==, x % 2 == 0);

  /* Outside the matrix is light. */
  g_assert_false (xf_qr_matrix_get_module (m, -1, 0));
  g_assert_false (xf_qr_matrix_get_module (m, width, 0));
}

static void
test_small_text_is_version_1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQrMatrix) m = xf_qr_encode ("先锋", &error);

  g_assert_no_error (error);
  g_assert_cmpint (xf_qr_matrix_get_width (m), ==, 21);
  g_assert_cmpint (xf_qr_matrix_get_version (m), ==, 1);
}

static void
test_deterministic (void)
{
  g_autoptr(XfQrMatrix) a = xf_qr_encode (LINK, NULL);
  g_autoptr(XfQrMatrix) b = xf_qr_encode (LINK, NULL);
  g_autoptr(XfQrMatrix) c = xf_qr_encode (LINK "x", NULL);
  g_autoptr(XfQrMatrix) copy = NULL;
  int width = xf_qr_matrix_get_width (a);
  int differences = 0;

  g_assert_cmpint (xf_qr_matrix_get_width (b), ==, width);
  for (int y = 0; y < width; y++)
    for (int x = 0; x < width; x++)
      g_assert_cmpint (xf_qr_matrix_get_module (a, x, y), ==, xf_qr_matrix_get_module (b, x, y));

  /* A different text gives a different symbol. */
  g_assert_cmpint (xf_qr_matrix_get_width (c), ==, width);
  for (int y = 0; y < width; y++)
    for (int x = 0; x < width; x++)
      differences += xf_qr_matrix_get_module (a, x, y) != xf_qr_matrix_get_module (c, x, y);
  g_assert_cmpint (differences, >, 10);

  copy = g_boxed_copy (XF_TYPE_QR_MATRIX, a);
  g_assert_true (copy != a);
  for (int y = 0; y < width; y++)
    for (int x = 0; x < width; x++)
      g_assert_cmpint (xf_qr_matrix_get_module (a, x, y), ==, xf_qr_matrix_get_module (copy, x, y));
}

static void
test_empty_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQrMatrix) m = xf_qr_encode ("", &error);

  g_assert_null (m);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);

  m = xf_qr_encode (NULL, &error);
  g_assert_null (m);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
}

static void
test_too_long (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQrMatrix) m = NULL;
  /* Version 40 at level M holds 2,331 bytes. */
  g_autofree char *fits = g_strnfill (2331, 'a');
  g_autofree char *too_long = g_strnfill (2332, 'a');

  m = xf_qr_encode (fits, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xf_qr_matrix_get_width (m), ==, 177);
  g_clear_pointer (&m, xf_qr_matrix_free);

  m = xf_qr_encode (too_long, &error);
  g_assert_null (m);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2332"));
}

static void
test_bad_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQrMatrix) m = xf_qr_encode ("ab\xff", &error);

  g_assert_null (m);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/qr/encode-url", test_encode_url);
  g_test_add_func ("/core/qr/small-text", test_small_text_is_version_1);
  g_test_add_func ("/core/qr/deterministic", test_deterministic);
  g_test_add_func ("/core/qr/empty", test_empty_text);
  g_test_add_func ("/core/qr/too-long", test_too_long);
  g_test_add_func ("/core/qr/bad-utf8", test_bad_utf8);

  return g_test_run ();
}
