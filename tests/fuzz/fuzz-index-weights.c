/* fuzz-index-weights.c — the pioneer index's weights (JSON, as in
 * data/reference/pioneer-index.json and as stored per month) over any
 * bytes; what parses must write out and parse back the same
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "xf-error.h"
#include "xf-fuzz.h"
#include "xf-index-weights.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  xf_fuzz_setup ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const int codes[] = { XF_ERROR_INVALID };
  g_autofree char *json = g_malloc (size + 1);
  g_autoptr(XfIndexWeights) weights = NULL;
  g_autoptr(XfIndexWeights) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;

  if (size > 0)
    memcpy (json, data, size);
  json[size] = '\0';
  weights = xf_index_weights_parse (json, &error);
  if (weights == NULL)
    {
      xf_fuzz_assert_error (error, codes, G_N_ELEMENTS (codes));
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (weights->components->len, >, 0);
  g_assert_true (xf_index_weights_total (weights) > 0);

  written = xf_index_weights_to_json (weights);
  again = xf_index_weights_parse (written, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_cmpuint (again->components->len, ==, weights->components->len);
  g_assert_cmpfloat (xf_index_weights_total (again), ==, xf_index_weights_total (weights));
  rewritten = xf_index_weights_to_json (again);
  g_assert_cmpstr (rewritten, ==, written);
  return 0;
}
