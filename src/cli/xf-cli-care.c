/* xf-cli-care.c — `xianfeng-cli care`: hands each subcommand to its part
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-cli-care.h"
#include "xf-registry.h"

const char xf_cli_care_usage[] =
  N_("programmes [--json] | eligible PROGRAMME YEAR [--on DATE] [--region CODE] [--json] | "
     "gaps PROGRAMME YEARS [--on DATE] [--json] | history PIONEER [--json] | record PIONEER PROGRAMME DATE [--amount YUAN] [--note TEXT] | "
     "batches [--programme CODE] [--year Y] [--json] | batch show|create|invite|answer|attend|close|cancel … | "
     "hardship list|show|apply|assess|approve|reject|withdraw|pay … | "
     "visits [--from DATE] [--to DATE] [--pioneer PIONEER] [--json] | visits plan|done|cancel … | "
     "calendar FROM TO [--region CODE] [--remind-days N] [--json] | report YEAR [--json] [--xlsx FILE]  Care for pioneers");

static const struct
{
  const char       *name;
  XfCliCommandFunc  func;
} care_subcommands[] = {
  { "programmes", xf_cli_care_programmes },
  { "eligible", xf_cli_care_eligible },
  { "gaps", xf_cli_care_gaps },
  { "history", xf_cli_care_history },
  { "record", xf_cli_care_record },
  { "batches", xf_cli_care_batches },
  { "batch", xf_cli_care_batch },
  { "hardship", xf_cli_care_hardship },
  { "visits", xf_cli_care_visits },
  { "calendar", xf_cli_care_calendar },
  { "report", xf_cli_care_report },
};

XfCare *
xf_cli_care_open (XfCliContext *ctx)
{
  g_autoptr(XfRegistry) registry = NULL;
  XfStore *store = xf_cli_context_get_store (ctx);
  XfAccount *actor;

  if (store == NULL)
    return NULL;
  actor = xf_cli_context_get_actor (ctx);
  if (actor == NULL)
    return NULL;
  registry = xf_registry_new (store, actor);
  return xf_care_new (registry);
}

int
xf_cli_cmd_care (XfCliContext  *ctx,
                 int            argc,
                 char         **argv)
{
  const char *known[G_N_ELEMENTS (care_subcommands) + 1];
  const char *sub;

  for (guint i = 0; i < G_N_ELEMENTS (care_subcommands); i++)
    known[i] = care_subcommands[i].name;
  known[G_N_ELEMENTS (care_subcommands)] = NULL;

  sub = xf_cli_subcommand (argc, argv, _(xf_cli_care_usage), known);
  if (sub == NULL)
    return 2;
  for (guint i = 0; i < G_N_ELEMENTS (care_subcommands); i++)
    if (g_str_equal (sub, care_subcommands[i].name))
      return care_subcommands[i].func (ctx, argc - 1, argv + 1);
  g_assert_not_reached ();
}
