/* fuzz-reference.c — the reference data loader (regions and the other
 * tables of data/reference/) over any bytes
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every table but regions is read by the same code; regions also needs
 * its "city". So each input is read as regions and as industries.
 */

#include <string.h>

#include "xf-error.h"
#include "xf-fuzz.h"
#include "xf-reference-private.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  xf_fuzz_setup ();
  return 0;
}

static void
parse (GBytes           *bytes,
       XfReferenceTable  which)
{
  static const int codes[] = { XF_ERROR_CORRUPT };
  g_autoptr(GError) error = NULL;
  guint n_items = G_MAXUINT;

  if (_xf_reference_parse_bytes (which, bytes, "fuzz.json", &n_items, &error))
    {
      g_assert_no_error (error);
      g_assert_cmpuint (n_items, <, G_MAXUINT);
      return;
    }
  xf_fuzz_assert_error (error, codes, G_N_ELEMENTS (codes));
  g_assert_nonnull (strstr (error->message, "fuzz.json"));
  g_assert_cmpuint (n_items, ==, 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  parse (bytes, XF_REFERENCE_REGIONS);
  parse (bytes, XF_REFERENCE_INDUSTRIES);
  return 0;
}
