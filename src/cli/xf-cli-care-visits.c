/* xf-cli-care-visits.c — care subcommands
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-cli-care.h"

/* Contract placeholders: C fills these in. */

int
xf_cli_care_visits (XfCliContext  *ctx,
                   int            argc,
                   char         **argv)
{
  return xf_cli_fail ("%s", "not yet");
}

int
xf_cli_care_calendar (XfCliContext  *ctx,
                     int            argc,
                     char         **argv)
{
  return xf_cli_fail ("%s", "not yet");
}

int
xf_cli_care_report (XfCliContext  *ctx,
                   int            argc,
                   char         **argv)
{
  return xf_cli_fail ("%s", "not yet");
}
