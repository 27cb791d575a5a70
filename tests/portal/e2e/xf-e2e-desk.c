/* xf-e2e-desk.c — the desk's side of the portal's end-to-end test: a
 *                 booking's pioneer accepts it and the request is done,
 *                 through the core API as a signed-in account
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * xianfeng-cli has no command for a request's progress (the desk does it
 * in the app), so the end-to-end test runs this instead:
 *
 *   XIANFENG_PASSWORD=… xf-e2e-desk DATABASE LOGIN accept|start|complete REQUEST [NOTE]
 *
 * REQUEST is a number, code or uid. It signs in as LOGIN (audited, as the
 * app would), does one step through XfServices (xf_services_accept_booking,
 * xf_services_start, xf_services_complete) and prints the request's status
 * after it. Exit 0 on success, 1 with the error's message on standard error.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "xf-accounts.h"
#include "xf-reference.h"
#include "xf-registry.h"
#include "xf-services.h"
#include "xf-store.h"

static int
fail (const char   *what,
      const GError *error)
{
  fprintf (stderr, "xf-e2e-desk: %s: %s\n", what, error != NULL ? error->message : "failed");
  return 1;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfAccounts) accounts = NULL;
  g_autoptr(XfAccount) actor = NULL;
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfServices) services = NULL;
  g_autoptr(XfServiceRequest) request = NULL;
  const char *password = g_getenv ("XIANFENG_PASSWORD");
  const char *action;
  gint64 id;
  gboolean ok;
  int status = 0;

  setlocale (LC_ALL, "");
  if (argc < 5 || password == NULL)
    {
      fprintf (stderr, "Usage: XIANFENG_PASSWORD=… %s DATABASE LOGIN accept|start|complete REQUEST [NOTE]\n",
               argv[0]);
      return 2;
    }
  action = argv[3];

  store = xf_store_open_existing (argv[1], &error);
  if (store == NULL)
    return fail ("open", error);
  if (!xf_reference_ensure (xf_reference_get_shared (), XF_REFERENCE_REGIONS, &error))
    return fail ("reference", error);
  accounts = xf_accounts_new (store);
  actor = xf_accounts_sign_in (accounts, argv[2], password, &error);
  if (actor == NULL)
    return fail ("sign in", error);
  registry = xf_registry_new (store, actor);
  services = xf_services_new (registry);

  id = xf_services_find_request (services, argv[4], &error);
  if (id == 0)
    status = fail ("find", error);
  else
    {
      if (g_str_equal (action, "accept"))
        ok = xf_services_accept_booking (services, id, &error);
      else if (g_str_equal (action, "start"))
        ok = xf_services_start (services, id, &error);
      else if (g_str_equal (action, "complete"))
        ok = xf_services_complete (services, id, argc > 5 ? argv[5] : "Done (end-to-end test)", &error);
      else
        {
          fprintf (stderr, "xf-e2e-desk: unknown action %s\n", action);
          ok = FALSE;
          status = 2;
        }
      if (!ok && status == 0)
        status = fail (action, error);
      if (status == 0)
        {
          request = xf_services_get_request (services, id, &error);
          if (request == NULL)
            status = fail ("read", error);
          else
            printf ("%s\n", request->status);
        }
    }
  xf_accounts_sign_out (accounts, actor);
  return status;
}
