/* xf-cli-care-programmes.c — care subcommands
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-cli-care.h"

/* Contract placeholders: A fills these in. */

int
xf_cli_care_programmes (XfCliContext  *ctx,
                       int            argc,
                       char         **argv)
{
  return xf_cli_fail ("%s", "not yet");
}

int
xf_cli_care_eligible (XfCliContext  *ctx,
                     int            argc,
                     char         **argv)
{
  return xf_cli_fail ("%s", "not yet");
}

int
xf_cli_care_gaps (XfCliContext  *ctx,
                 int            argc,
                 char         **argv)
{
  return xf_cli_fail ("%s", "not yet");
}

int
xf_cli_care_history (XfCliContext  *ctx,
                    int            argc,
                    char         **argv)
{
  return xf_cli_fail ("%s", "not yet");
}

int
xf_cli_care_record (XfCliContext  *ctx,
                   int            argc,
                   char         **argv)
{
  return xf_cli_fail ("%s", "not yet");
}
