/* fuzz-services-catalogue.c — the service catalogue's data file
 * (data/reference/services.json) over any bytes
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "xf-error.h"
#include "xf-fuzz.h"
#include "xf-services-private.h"

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
  static const int codes[] = { XF_ERROR_CORRUPT };
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = _xf_services_parse_catalogue (bytes, "fuzz.json", &error);

  if (items == NULL)
    {
      xf_fuzz_assert_error (error, codes, G_N_ELEMENTS (codes));
      return 0;
    }
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      const XfServiceItem *item = items->pdata[i];

      g_assert_nonnull (item->code);
      g_assert_nonnull (item->group);
      g_assert_nonnull (item->name_zh);
      g_assert_nonnull (item->response_unit);
      g_assert_true (g_utf8_validate (item->code, -1, NULL));
      g_assert_cmpint (item->position, >, 0);
    }
  return 0;
}
