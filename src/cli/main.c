/* main.c — xianfeng-cli, the core on the command line
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "xf-cli-care.h"
#include "xf-cli.h"
#include "xf-data.h"
#include "xf-error.h"
#include "xf-reference.h"

/* Which reference tables a command checks before it starts. */
typedef enum
{
  NEEDS_NO_REFERENCE,
  NEEDS_ALL_REFERENCE,
  /* Lists print region labels only; `pioneers show` checks the rest itself. */
  NEEDS_REGIONS,
} ReferenceNeed;

/* Whom a command acts as (xf-cli-sign-in.c has the rules). */
typedef enum
{
  /* The default: signed in with --user, or the local administrator of a
   * SQLite file without accounts; resolved before the command runs. */
  ACTOR_SIGNED_IN,
  /* No database, or nothing done in anyone's name. */
  ACTOR_NONE,
  /* The command asks xf_cli_context_get_actor() itself, or decides
   * otherwise (`accounts create-admin` and `demo` on a database without accounts). */
  ACTOR_OWN,
} ActorNeed;

typedef struct
{
  const char       *name;
  XfCliCommandFunc  func;
  const char       *usage;
  ReferenceNeed     needs_reference;
  gboolean          creates_database;
  ActorNeed         actor;
} Command;

static const Command commands[] = {
  { "init", xf_cli_cmd_init, N_("Create or upgrade the database"), FALSE, TRUE, ACTOR_NONE },
  { "demo", xf_cli_cmd_demo, N_("[--pioneers N] [--collectives N] [--seed S] [--no-accounts]  Fill the database with demo data"), NEEDS_ALL_REFERENCE, TRUE, ACTOR_OWN },
  { "copy", xf_cli_cmd_copy, N_("--from LOCATION --to LOCATION  Copy a whole database into an empty one"), FALSE, FALSE, ACTOR_NONE },
  { "accounts", xf_cli_cmd_accounts, N_("list | create-admin | add | reset | disable | enable | passwd  Manage accounts"), FALSE, FALSE, ACTOR_OWN },
  { "audit", xf_cli_cmd_audit, N_("verify | list [FILTERS] [--limit N] | export FILE.csv [FILTERS]  Check and read the audit trail") },
  { "pioneers", xf_cli_cmd_pioneers, N_("count | list [--json] | search TEXT [--json] | show UID [--json] | bulk-edit FIELD VALUE [--where DIM=KEY]… [--all] [--dry-run]"), NEEDS_REGIONS },
  { "campaigns", xf_cli_cmd_campaigns, N_("list [--year Y] [--json] | show ID [--json] | report ID [--json]  Selection campaigns") },
  { "nominations", xf_cli_cmd_nominations, N_("list [--campaign ID] [--stage S] [--attention] [--json] | show ID [--json]") },
  { "notices", xf_cli_cmd_notices, N_("list [--campaign ID] [--status S] [--json] | show ID [--json] | export ID --pdf|--html|--json FILE [--portal-url URL] | close-due  Public notices") },
  { "services", xf_cli_cmd_services, N_("import FILE (exit 1 when a line is refused) | list [--status S] [--item CODE] [--region CODE] [--overdue] [--json] | show REQUEST [--json] | claim REQUEST PIONEER | suggest REQUEST [--json] | expire | catalogue [--json]  Service requests and claims"), NEEDS_REGIONS },
  { "ranking", xf_cli_cmd_ranking, N_("compute YYYY-MM | top YYYY-MM [--collectives] [--json] [--csv FILE|--xlsx FILE] | explain PIONEER YYYY-MM [--json] | months | weights [--json] | set-weights FILE --from YYYY-MM --reason TEXT  Pioneer index and Pioneers of the Month"), NEEDS_REGIONS },
  { "cultivation", xf_cli_cmd_cultivation, N_("list [--status S] [--ready] [--organisation CODE] [--region CODE] [--json] | show PLAN [--json] | pipeline [--by organisation|region] [--json] | nominate PLAN CAMPAIGN [--unit TEXT] | sync | courses [--json] | course ID [--json]  Cultivation plans and skill training"), NEEDS_REGIONS },
  { "care", xf_cli_cmd_care, xf_cli_care_usage, NEEDS_REGIONS },
  { "stats", xf_cli_cmd_stats, N_("DIMENSION [--by DIMENSION] [--kind K] [--date D] [--from D] [--where DIM=KEY]… [--townships] [--json] [--csv FILE] [--xlsx FILE] | weak-regions [--industry CODE] [--threshold 0.6] [--json]  Statistics of the registry"), NEEDS_REGIONS },
  { "events", xf_cli_cmd_events, N_("import FILE [--dry-run] (exit 1 when a line is refused)  Engagement events from the portal"), NEEDS_REGIONS },
  { "import", xf_cli_cmd_import, N_("[--dry-run] [--kind K] [--map HEADER=FIELD]… [--fill-empty] [--left-out FILE.csv] FILE  Import a CSV or XLSX list (exit 1 when a row is left out)"), NEEDS_ALL_REFERENCE },
  { "export", xf_cli_cmd_export, N_("KIND --csv|--xlsx|--json FILE [--with-personal] [--search TEXT] [--where DIM=KEY]… | file UID --csv|--xlsx|--json FILE [--with-personal]  Export a list or a file"), NEEDS_ALL_REFERENCE },
  { "export-all", xf_cli_cmd_export_all, N_("FILE[.gz]  The whole database to a JSON Lines archive (administrators)") },
  { "import-all", xf_cli_cmd_import_all, N_("FILE[.gz]  Restore a JSON Lines archive into the empty database given by --database"), FALSE, TRUE, ACTOR_NONE },
  { "backup", xf_cli_cmd_backup, N_("FILE | --scheduled [--folder DIR] [--keep N] | list [--folder DIR]  Back up the database while it is in use") },
  { "restore", xf_cli_cmd_restore, N_("FILE [--check-only]  Restore a backup after checking it (into a new file too)"), FALSE, TRUE, ACTOR_OWN },
  { "check", xf_cli_cmd_check, N_("[--json]  Check integrity, foreign keys and the audit chain") },
  { "check-id", xf_cli_cmd_check_id, N_("NUMBER  Check a resident identity number"), FALSE, FALSE, ACTOR_NONE },
  { "check-uscc", xf_cli_cmd_check_uscc, N_("CODE  Check a unified social credit code"), FALSE, FALSE, ACTOR_NONE },
  { "workdays", xf_cli_cmd_workdays, N_("add DATE N | between A B  Count official working days"), FALSE, FALSE, ACTOR_NONE },
};

XfStore *
xf_cli_context_get_store (XfCliContext *ctx)
{
  g_autoptr(GError) error = NULL;

  if (ctx->store != NULL)
    return ctx->store;

  /* A mistyped path must not quietly become a new, empty database. */
  if (ctx->may_create)
    ctx->store = xf_store_open (ctx->database_path, &error);
  else
    ctx->store = xf_store_open_existing (ctx->database_path, &error);
  if (ctx->store == NULL)
    xf_cli_fail ("%s", error->message);
  return ctx->store;
}

static void
print_failure (const char *format,
               va_list     args) G_GNUC_PRINTF (1, 0);

static void
print_failure (const char *format,
               va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  fprintf (stderr, "xianfeng-cli: %s\n", message);
}

int
xf_cli_fail (const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  print_failure (format, args);
  va_end (args);
  return 1;
}

int
xf_cli_usage_error (const char *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  print_failure (format, args);
  va_end (args);
  return 2;
}

int
xf_cli_fail_error (const GError *error)
{
  if (g_error_matches (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED))
    return xf_cli_fail (_("Permission denied: %s"), error->message);
  return xf_cli_fail ("%s", error->message);
}

void
xf_cli_print_progress (double   fraction,
                       gpointer user_data)
{
  fprintf (stderr, "\r%3d %%", (int) (fraction * 100 + 0.5));
  if (fraction >= 1.0)
    fputs ("\r      \r", stderr);
  fflush (stderr);
}

const char *
xf_cli_subcommand (int                argc,
                   char             **argv,
                   const char        *usage,
                   const char *const *known)
{
  if (argc < 2)
    {
      xf_cli_fail ("%s", usage);
      return NULL;
    }
  if (g_strv_contains (known, argv[1]))
    return argv[1];
  xf_cli_fail (_("Unknown subcommand “%s”; %s"), argv[1], usage);
  return NULL;
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: xianfeng-cli [--database PATH|URL] [--user LOGIN] COMMAND [ARGS…]"));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-11s %s\n", commands[i].name, _(commands[i].usage));
}

int
main (int   argc,
      char *argv[])
{
  XfCliContext ctx = { 0 };
  int first = 1;
  int status = 2;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, xf_data_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options come before the command, so a command's own
   * options (and negative numbers) are left alone. */
  while (first < argc && g_str_has_prefix (argv[first], "--"))
    {
      if (g_str_equal (argv[first], "--database") && first + 1 < argc)
        {
          g_free (ctx.database_path);
          ctx.database_path = g_strdup (argv[first + 1]);
          first += 2;
        }
      else if (g_str_has_prefix (argv[first], "--database="))
        {
          g_free (ctx.database_path);
          ctx.database_path = g_strdup (argv[first] + strlen ("--database="));
          first++;
        }
      else if (g_str_equal (argv[first], "--user") && first + 1 < argc)
        {
          g_free (ctx.user);
          ctx.user = g_strdup (argv[first + 1]);
          first += 2;
        }
      else if (g_str_has_prefix (argv[first], "--user="))
        {
          g_free (ctx.user);
          ctx.user = g_strdup (argv[first] + strlen ("--user="));
          first++;
        }
      else if (g_str_equal (argv[first], "--help"))
        {
          print_usage (stdout);
          status = 0;
          goto out;
        }
      else
        {
          xf_cli_fail (_("Unknown option “%s”"), argv[first]);
          print_usage (stderr);
          goto out;
        }
    }

  if (first >= argc)
    {
      print_usage (stderr);
      goto out;
    }
  if (ctx.database_path == NULL)
    ctx.database_path = g_strdup (g_getenv ("XIANFENG_DATABASE"));
  if (ctx.database_path == NULL)
    ctx.database_path = xf_store_default_path ();
  if (ctx.user == NULL && g_getenv ("XIANFENG_USER") != NULL && *g_getenv ("XIANFENG_USER") != '\0')
    ctx.user = g_strdup (g_getenv ("XIANFENG_USER"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[first], commands[i].name))
      {
        /* Labels and validation need the reference tables: a missing or
         * damaged data file stops here with its own message, rather than
         * printing bare codes. Only the tables needed are parsed, which
         * is most of the time a short command takes. */
        if (commands[i].needs_reference != NEEDS_NO_REFERENCE)
          {
            g_autoptr(GError) error = NULL;
            gboolean ok;

            if (commands[i].needs_reference == NEEDS_REGIONS)
              ok = xf_reference_ensure (xf_reference_get_shared (), XF_REFERENCE_REGIONS, &error);
            else
              ok = xf_reference_get_default (&error) != NULL;
            if (!ok)
              {
                status = xf_cli_fail ("%s", error->message);
                goto out;
              }
          }
        ctx.may_create = commands[i].creates_database;
        if (commands[i].actor == ACTOR_SIGNED_IN && xf_cli_context_get_actor (&ctx) == NULL)
          {
            status = 1;
            goto out;
          }
        status = commands[i].func (&ctx, argc - first, argv + first);
        goto out;
      }

  xf_cli_fail (_("Unknown command “%s”"), argv[first]);
  print_usage (stderr);

out:
  xf_cli_context_clear (&ctx);
  return status;
}
