/* xf-password.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-password"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <sodium.h>

#include "xf-error.h"
#include "xf-password.h"

#define MIN_LENGTH 8

/* sodium_init() is safe to call again, but once is enough; it fails only
 * when the system has no source of randomness, which nothing here survives. */
static void
ensure_sodium (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      if (sodium_init () < 0)
        g_error ("libsodium could not be initialised");
      g_once_init_leave (&initialised, 1);
    }
}

/**
 * xf_password_hash:
 *
 * Returns: (transfer full) (nullable): the Argon2id hash in crypto_pwhash_str's
 *   self-describing text form ("$argon2id$v=19$m=…")
 */
char *
xf_password_hash (const char  *password,
                  GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (password != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ensure_sodium ();
  if (crypto_pwhash_str (hash, password, strlen (password),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_IO,
                           _("Not enough memory to protect the password"));
      return NULL;
    }
  return g_strdup (hash);
}

gboolean
xf_password_verify (const char *hash,
                    const char *password)
{
  if (hash == NULL || password == NULL)
    return FALSE;

  ensure_sodium ();
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

static gboolean
all_one_character (const char *password)
{
  gunichar first = g_utf8_get_char (password);

  for (const char *p = password; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) != first)
      return FALSE;
  return TRUE;
}

gboolean
xf_password_check_strength (const char  *password,
                            const char  *login,
                            GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (password == NULL || !g_utf8_validate (password, -1, NULL))
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Password is required"));
      return FALSE;
    }
  /* Characters, not bytes: eight Chinese characters are as long as eight letters. */
  if (g_utf8_strlen (password, -1) < MIN_LENGTH)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Password is too short: use at least %d character",
                                "Password is too short: use at least %d characters", MIN_LENGTH),
                   MIN_LENGTH);
      return FALSE;
    }
  if (login != NULL && g_ascii_strcasecmp (password, login) == 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Password must not be the same as the login"));
      return FALSE;
    }
  if (all_one_character (password))
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID,
                           _("Password must not be a single character repeated"));
      return FALSE;
    }
  return TRUE;
}

void
xf_password_free (char *password)
{
  if (password == NULL)
    return;
  sodium_memzero (password, strlen (password));
  g_free (password);
}
