/* xf-password-store.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-password-store"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "xf-password-store.h"
#include "xf-server-address.h"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.xianfeng.Xianfeng.Database", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/* The attributes of @location's server, database and user; NULL with
 * @error set when @location is no server's URL. */
static GHashTable *
attributes_for (const char  *location,
                GError     **error)
{
  g_autoptr(XfServerAddress) address = xf_server_address_parse (location);
  GHashTable *attributes;

  if (address == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "Not the address of a shared database");
      return NULL;
    }

  attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (attributes, "host", g_strdup (address->host));
  g_hash_table_insert (attributes, "port", g_strdup_printf ("%u", xf_server_address_get_port (address)));
  g_hash_table_insert (attributes, "database", g_strdup (address->database));
  g_hash_table_insert (attributes, "user", g_strdup (address->user));
  return attributes;
}

static gboolean
start (GTask      *task,
       const char *location,
       GHashTable **attributes)
{
  GError *error = NULL;

  *attributes = attributes_for (location, &error);
  if (*attributes == NULL)
    {
      g_task_return_error (task, error);
      return FALSE;
    }
  return TRUE;
}

/*
 * Lookup
 */

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Our callers free every password the same way, whoever made it. */
  g_task_return_pointer (task, g_strdup (password), (GDestroyNotify) xf_password_store_free_password);
  secret_password_free (password);
}

void
xf_password_store_lookup (const char          *location,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = NULL;

  g_task_set_source_tag (task, xf_password_store_lookup);
  if (!start (task, location, &attributes))
    return;
  secret_password_lookupv (get_schema (), attributes, cancellable, lookup_cb,
                           g_steal_pointer (&task));
}

char *
xf_password_store_lookup_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/*
 * Save
 */

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
xf_password_store_save (const char          *location,
                        const char          *password,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(XfServerAddress) address = NULL;
  g_autofree char *who = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (password != NULL);

  g_task_set_source_tag (task, xf_password_store_save);
  if (!start (task, location, &attributes))
    return;

  address = xf_server_address_parse (location);
  who = g_strdup_printf ("%s@%s/%s", address->user, address->host, address->database);
  /* Translators: how the password shows in the keyring; %s is e.g. "zhang@db.example/xianfeng" */
  label = g_strdup_printf (_("Xianfeng shared database password for %s"), who);
  secret_password_storev (get_schema (), attributes, SECRET_COLLECTION_DEFAULT, label, password,
                          cancellable, store_cb, g_steal_pointer (&task));
}

gboolean
xf_password_store_save_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/*
 * Clear
 */

static void
clear_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error: there was nothing to forget. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
xf_password_store_clear (const char          *location,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = NULL;

  g_task_set_source_tag (task, xf_password_store_clear);
  if (!start (task, location, &attributes))
    return;
  secret_password_clearv (get_schema (), attributes, cancellable, clear_cb, g_steal_pointer (&task));
}

gboolean
xf_password_store_clear_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
xf_password_store_free_password (char *password)
{
  volatile char *p = password;

  if (password == NULL)
    return;
  /* Overwrite first, so the password does not linger in freed memory. */
  while (*p != '\0')
    *p++ = '\0';
  g_free (password);
}
