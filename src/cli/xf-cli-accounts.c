/* xf-cli-accounts.c — `accounts`: list, create the first administrator, manage accounts
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xianfeng-cli"

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xf-cli.h"
#include "xf-error.h"
#include "xf-password.h"
#include "xf-permission.h"
#include "xf-reference.h"

/*
 * Every change goes through XfAccounts, which checks XF_OP_ACCOUNT_MANAGE
 * and writes the audit trail. New passwords come from
 * $XIANFENG_NEW_PASSWORD or are typed twice; they are never printed.
 */

typedef struct
{
  const char *subcommand;
  const char *login;
  const char *name;
  GPtrArray  *roles;   /* the --role texts, in order */
  gboolean    json;
} Options;

static const char usage[] =
  N_("usage: accounts list [--json] | create-admin LOGIN --name NAME | "
     "add LOGIN --name NAME --role ROLE[:region=CODE|:organisation=CODE]… | "
     "reset LOGIN | disable LOGIN | enable LOGIN | passwd");

/* Which arguments each subcommand takes. */
typedef struct
{
  const char *name;
  gboolean    login;
  gboolean    display_name;
  gboolean    roles;
  gboolean    json;
} Subcommand;

static const Subcommand subcommands[] = {
  { "list", FALSE, FALSE, FALSE, TRUE },
  { "create-admin", TRUE, TRUE, FALSE, FALSE },
  { "add", TRUE, TRUE, TRUE, FALSE },
  { "reset", TRUE, FALSE, FALSE, FALSE },
  { "disable", TRUE, FALSE, FALSE, FALSE },
  { "enable", TRUE, FALSE, FALSE, FALSE },
  { "passwd", FALSE, FALSE, FALSE, FALSE },
};

/* "--name VALUE" or "--name=VALUE"; advances *i past what it used. */
static gboolean
take_value (int          argc,
            char       **argv,
            int         *i,
            const char  *option,
            const char **value)
{
  const char *arg = argv[*i];
  size_t length = strlen (option);

  if (strncmp (arg, option, length) != 0)
    return FALSE;
  if (arg[length] == '=')
    {
      *value = arg + length + 1;
      return TRUE;
    }
  if (arg[length] != '\0')
    return FALSE;
  *value = *i + 1 < argc ? argv[*i + 1] : NULL;
  if (*value != NULL)
    (*i)++;
  return TRUE;
}

static int
parse_options (int       argc,
               char    **argv,
               Options  *options)
{
  const Subcommand *sub = NULL;

  if (argc < 2)
    return xf_cli_usage_error ("%s", _(usage));
  options->subcommand = argv[1];
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      sub = &subcommands[i];
  if (sub == NULL)
    return xf_cli_usage_error (_("Unknown subcommand “%s”; %s"), argv[1], _(usage));

  for (int i = 2; i < argc; i++)
    {
      const char *value = NULL;

      if (sub->json && g_str_equal (argv[i], "--json"))
        options->json = TRUE;
      else if (sub->display_name && take_value (argc, argv, &i, "--name", &value))
        {
          if (value == NULL || *value == '\0')
            return xf_cli_usage_error (_("--name needs the person’s name"));
          options->name = value;
        }
      else if (sub->roles && take_value (argc, argv, &i, "--role", &value))
        {
          if (value == NULL || *value == '\0')
            return xf_cli_usage_error (_("--role needs ROLE[:region=CODE|:organisation=CODE]"));
          g_ptr_array_add (options->roles, (gpointer) value);
        }
      else if (sub->login && options->login == NULL && !g_str_has_prefix (argv[i], "--"))
        options->login = argv[i];
      else
        return xf_cli_usage_error (_("Unknown argument “%s”; %s"), argv[i], _(usage));
    }

  if (sub->login && options->login == NULL)
    return xf_cli_usage_error (_("accounts %s needs a login; %s"), sub->name, _(usage));
  if (sub->display_name && options->name == NULL)
    return xf_cli_usage_error (_("accounts %s needs --name NAME"), sub->name);
  if (sub->roles && options->roles->len == 0)
    return xf_cli_usage_error (_("accounts %s needs at least one --role"), sub->name);
  return 0;
}

/* A scope on a region no pioneer can be in would quietly grant nothing. */
static gboolean
is_known_region (const char  *code,
                 GError     **error)
{
  XfReference *reference = xf_reference_get_shared ();

  if (!xf_reference_ensure (reference, XF_REFERENCE_REGIONS, error))
    return FALSE;
  if (g_strcmp0 (code, xf_reference_city_code (reference)) == 0 ||
      xf_reference_is_valid (reference, XF_REFERENCE_REGIONS, code))
    return TRUE;
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
               _("--role: region “%s” is not a region code of %s"), code, xf_reference_city_label (reference));
  return FALSE;
}

/* "clerk", "clerk:region=330521" or "clerk:organisation=CODE" → a grant on @account. */
static gboolean
add_grant (XfAccount   *account,
           const char  *text,
           GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", 2);
  XfScopeKind scope = XF_SCOPE_ALL;
  const char *value = NULL;
  XfRole role;

  if (!xf_role_from_string (parts[0], &role))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("--role “%s”: there is no role “%s”; the roles are administrator, clerk, "
                     "reviewer, dispatcher and auditor"),
                   text, parts[0]);
      return FALSE;
    }
  if (parts[1] != NULL)
    {
      const char *equals = strchr (parts[1], '=');
      g_autofree char *kind = equals != NULL ? g_strndup (parts[1], equals - parts[1]) : NULL;

      if (kind == NULL || !xf_scope_kind_from_string (kind, &scope) || scope == XF_SCOPE_ALL ||
          equals[1] == '\0')
        {
          g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                       _("--role “%s”: the scope must be region=CODE or organisation=CODE"), text);
          return FALSE;
        }
      value = equals + 1;
      if (scope == XF_SCOPE_REGION && !is_known_region (value, error))
        return FALSE;
    }
  xf_account_add_grant (account, role, scope, value);
  return TRUE;
}

/* "clerk:region=330521, reviewer" */
static char *
format_grants (XfAccount *account)
{
  GPtrArray *grants = xf_account_get_grants (account);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < grants->len; i++)
    {
      const XfGrant *grant = g_ptr_array_index (grants, i);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, xf_role_to_string (grant->role));
      if (grant->scope != XF_SCOPE_ALL)
        g_string_append_printf (text, ":%s=%s", xf_scope_kind_to_string (grant->scope), grant->value);
    }
  return g_string_free (text, FALSE);
}

static const char *
state_label (XfAccount *account)
{
  if (xf_account_get_disabled (account))
    return _("disabled");
  if (xf_account_get_must_change_password (account))
    return _("password reset");
  return _("active");
}

static void
print_json (GPtrArray *list)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < list->len; i++)
    {
      XfAccount *account = g_ptr_array_index (list, i);
      GPtrArray *grants = xf_account_get_grants (account);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "login");
      json_builder_add_string_value (builder, xf_account_get_login (account));
      json_builder_set_member_name (builder, "uid");
      json_builder_add_string_value (builder, xf_account_get_uid (account));
      json_builder_set_member_name (builder, "display_name");
      json_builder_add_string_value (builder, xf_account_get_display_name (account));
      json_builder_set_member_name (builder, "disabled");
      json_builder_add_boolean_value (builder, xf_account_get_disabled (account));
      json_builder_set_member_name (builder, "must_change_password");
      json_builder_add_boolean_value (builder, xf_account_get_must_change_password (account));
      json_builder_set_member_name (builder, "grants");
      json_builder_begin_array (builder);
      for (guint g = 0; g < grants->len; g++)
        {
          const XfGrant *grant = g_ptr_array_index (grants, g);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "role");
          json_builder_add_string_value (builder, xf_role_to_string (grant->role));
          json_builder_set_member_name (builder, "scope");
          json_builder_add_string_value (builder, xf_scope_kind_to_string (grant->scope));
          json_builder_set_member_name (builder, "value");
          if (grant->value != NULL)
            json_builder_add_string_value (builder, grant->value);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static int
run_list (XfAccounts    *accounts,
          XfAccount     *actor,
          const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = xf_accounts_list (accounts, actor, &error);

  if (list == NULL)
    return xf_cli_fail_error (error);
  if (options->json)
    {
      print_json (list);
      return 0;
    }
  /* One account a line: login, name, grants, state. */
  for (guint i = 0; i < list->len; i++)
    {
      XfAccount *account = g_ptr_array_index (list, i);
      g_autofree char *grants = format_grants (account);

      printf ("%s\t%s\t%s\t%s\n", xf_account_get_login (account), xf_account_get_display_name (account),
              grants, state_label (account));
    }
  return 0;
}

static int
run_create_admin (XfCliContext  *ctx,
                  const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAccount) account = NULL;
  XfAccounts *accounts;
  char *password;
  gint64 count;

  /* Like init, the first administrator may start a new database. */
  ctx->may_create = TRUE;
  accounts = xf_cli_context_get_accounts (ctx);
  if (accounts == NULL)
    return 1;
  count = xf_accounts_count (accounts, &error);
  if (count < 0)
    return xf_cli_fail_error (error);
  if (count > 0)
    return xf_cli_fail (_("This database already has accounts: an administrator adds more with "
                          "“xianfeng-cli --user LOGIN accounts add”"));

  password = xf_cli_read_new_password (options->login, &error);
  if (password == NULL)
    return xf_cli_fail_error (error);
  account = xf_accounts_create_first_administrator (accounts, options->login, options->name,
                                                    password, &error);
  xf_password_free (password);
  if (account == NULL)
    return xf_cli_fail_error (error);
  printf (_("Created the administrator “%s”; sign in with --user %s\n"),
          xf_account_get_login (account), xf_account_get_login (account));
  return 0;
}

static int
run_add (XfAccounts    *accounts,
         XfAccount     *actor,
         XfAccount     *account,
         const Options *options)
{
  g_autoptr(GError) error = NULL;
  char *password;
  gboolean saved;

  /* Refused before anyone types a password for nothing; core checks again. */
  if (!xf_permission_check (actor, XF_OP_ACCOUNT_MANAGE, NULL, &error))
    return xf_cli_fail_error (error);

  password = xf_cli_read_new_password (options->login, &error);
  if (password == NULL)
    return xf_cli_fail_error (error);
  saved = xf_accounts_save (accounts, actor, account, password, &error);
  xf_password_free (password);
  if (!saved)
    return xf_cli_fail_error (error);
  printf (_("Added the account “%s”\n"), options->login);
  return 0;
}

static int
run_reset (XfAccounts    *accounts,
           XfAccount     *actor,
           const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAccount) account = NULL;
  char *password;
  gboolean reset;

  /* An unknown login or a refusal is told before the new password is typed. */
  account = xf_accounts_get (accounts, actor, options->login, &error);
  if (account == NULL)
    return xf_cli_fail_error (error);
  password = xf_cli_read_new_password (options->login, &error);
  if (password == NULL)
    return xf_cli_fail_error (error);
  reset = xf_accounts_reset_password (accounts, actor, options->login, password, &error);
  xf_password_free (password);
  if (!reset)
    return xf_cli_fail_error (error);
  printf (_("Reset the password of “%s”; it must be changed at the next sign-in\n"), options->login);
  return 0;
}

static int
run_set_disabled (XfAccounts    *accounts,
                  XfAccount     *actor,
                  const Options *options,
                  gboolean       disabled)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAccount) account = xf_accounts_get (accounts, actor, options->login, &error);

  if (account == NULL)
    return xf_cli_fail_error (error);
  if (xf_account_get_disabled (account) != disabled)
    {
      xf_account_set_disabled (account, disabled);
      if (!xf_accounts_save (accounts, actor, account, NULL, &error))
        return xf_cli_fail_error (error);
    }
  if (disabled)
    printf (_("The account “%s” is disabled\n"), options->login);
  else
    printf (_("The account “%s” is enabled\n"), options->login);
  return 0;
}

static int
run_passwd (XfCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  char *password;
  gboolean changed;

  if (!ctx->signed_in)
    return xf_cli_fail (_("Only a signed-in account has a password: use --user LOGIN"));
  password = xf_cli_read_new_password (xf_account_get_login (ctx->actor), &error);
  if (password == NULL)
    return xf_cli_fail_error (error);
  /* The old password is the one just used to sign in. */
  changed = xf_accounts_change_password (ctx->accounts, ctx->actor, ctx->password, password, &error);
  xf_password_free (password);
  if (!changed)
    return xf_cli_fail_error (error);
  printf (_("Changed the password of “%s”\n"), xf_account_get_login (ctx->actor));
  return 0;
}

int
xf_cli_cmd_accounts (XfCliContext  *ctx,
                     int            argc,
                     char         **argv)
{
  g_autoptr(GPtrArray) roles = g_ptr_array_new ();
  g_autoptr(XfAccount) added = NULL;
  Options options = { .roles = roles };
  XfAccount *actor;
  int status;

  status = parse_options (argc, argv, &options);
  if (status != 0)
    return status;

  /* A mistyped role is a usage error, told before anyone signs in. */
  if (g_str_equal (options.subcommand, "add"))
    {
      added = xf_account_new (options.login, options.name);
      for (guint i = 0; i < roles->len; i++)
        {
          g_autoptr(GError) error = NULL;

          if (!add_grant (added, g_ptr_array_index (roles, i), &error))
            return xf_cli_usage_error ("%s", error->message);
        }
    }

  /* Without any account yet, nobody can sign in to create the first one. */
  if (g_str_equal (options.subcommand, "create-admin"))
    return run_create_admin (ctx, &options);

  ctx->changing_password = g_str_equal (options.subcommand, "passwd");
  actor = xf_cli_context_get_actor (ctx);
  if (actor == NULL)
    return 1;

  if (g_str_equal (options.subcommand, "list"))
    return run_list (ctx->accounts, actor, &options);
  if (g_str_equal (options.subcommand, "add"))
    return run_add (ctx->accounts, actor, added, &options);
  if (g_str_equal (options.subcommand, "reset"))
    return run_reset (ctx->accounts, actor, &options);
  if (g_str_equal (options.subcommand, "disable"))
    return run_set_disabled (ctx->accounts, actor, &options, TRUE);
  if (g_str_equal (options.subcommand, "enable"))
    return run_set_disabled (ctx->accounts, actor, &options, FALSE);
  return run_passwd (ctx);
}
