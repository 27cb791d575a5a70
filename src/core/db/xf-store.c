/* xf-store.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-store"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "xf-audit.h"
#include "xf-error.h"
#include "xf-store.h"

/* One folder of numbered migrations per backend; both bring the same schema versions. */
#define MIGRATIONS_PATH "/io/github/xianfeng/Xianfeng/core/db/migrations/sqlite"
#define MIGRATIONS_PATH_PG "/io/github/xianfeng/Xianfeng/core/db/migrations/postgresql"

struct _XfStore
{
  GObject  parent_instance;
  XfDb    *db;
  int      schema_version;
};

G_DEFINE_FINAL_TYPE (XfStore, xf_store, G_TYPE_OBJECT)

static void
xf_store_dispose (GObject *object)
{
  XfStore *self = (XfStore *) object;

  g_clear_object (&self->db);

  G_OBJECT_CLASS (xf_store_parent_class)->dispose (object);
}

static void
xf_store_class_init (XfStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xf_store_dispose;
}

static void
xf_store_init (XfStore *self)
{
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Migration files are named NNNN-what.sql; their number is the schema version they bring. */
static const char *
migrations_path (XfDb *db)
{
  return db != NULL && xf_db_get_backend (db) == XF_DB_BACKEND_POSTGRESQL
         ? MIGRATIONS_PATH_PG : MIGRATIONS_PATH;
}

static GPtrArray *
list_migrations (XfDb *db)
{
  g_auto(GStrv) names = NULL;
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_free);

  names = g_resources_enumerate_children (migrations_path (db), 0, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (sorted, g_strdup (names[i]));
  g_ptr_array_sort (sorted, compare_names);
  return sorted;
}

int
xf_store_get_latest_version (void)
{
  g_autoptr(GPtrArray) migrations = list_migrations (NULL);

  if (migrations->len == 0)
    return 0;
  return atoi (g_ptr_array_index (migrations, migrations->len - 1));
}

static gboolean
migrate (XfStore  *self,
         GError  **error)
{
  g_autoptr(GPtrArray) migrations = list_migrations (self->db);
  int latest = xf_store_get_latest_version ();
  const char *name = xf_db_get_display_name (self->db);

  self->schema_version = xf_db_get_schema_version (self->db, error);
  if (self->schema_version < 0)
    return FALSE;

  if (self->schema_version > latest)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_NEWER_SCHEMA,
                   _("The database “%s” was written by a newer version of Xianfeng "
                     "(schema %d; this version knows up to %d). Update Xianfeng to open it."),
                   name, self->schema_version, latest);
      return FALSE;
    }
  if (self->schema_version == latest)
    return TRUE;

  if (xf_db_is_read_only (self->db))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_READ_ONLY,
                   _("The database “%s” is read-only and needs an upgrade that cannot be written"),
                   name);
      return FALSE;
    }

  /* A non-empty database without our version is somebody else's file. */
  if (self->schema_version == 0 && xf_db_count_tables (self->db, NULL) > 0)
    {
      if (xf_db_get_backend (self->db) == XF_DB_BACKEND_POSTGRESQL)
        g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                     _("The shared database “%s” already holds tables of another program; "
                       "use an empty database or schema for Xianfeng"), name);
      else
        g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                     _("The file “%s” is a database, but not a Xianfeng database"), name);
      return FALSE;
    }

  if (!xf_db_begin (self->db, error))
    return FALSE;

  for (guint i = 0; i < migrations->len; i++)
    {
      const char *file = g_ptr_array_index (migrations, i);
      int version = atoi (file);
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (version <= self->schema_version)
        continue;

      path = g_build_path ("/", migrations_path (self->db), file, NULL);
      bytes = g_resources_lookup_data (path, 0, error);
      if (bytes == NULL || !xf_db_exec (self->db, g_bytes_get_data (bytes, NULL), error))
        {
          xf_db_rollback (self->db);
          return FALSE;
        }
      /* Hashing the old history into the audit trail needs C. */
      if (version == 2 && !_xf_audit_adopt_legacy (self->db, error))
        {
          xf_db_rollback (self->db);
          return FALSE;
        }
      if (!xf_db_set_schema_version (self->db, version, error))
        {
          xf_db_rollback (self->db);
          return FALSE;
        }
    }

  if (!xf_db_commit (self->db, error))
    return FALSE;

  self->schema_version = latest;
  return TRUE;
}

static XfStore *
open_with_flags (const char     *path,
                 XfDbOpenFlags   flags,
                 GError        **error)
{
  g_autoptr(XfStore) self = g_object_new (XF_TYPE_STORE, NULL);

  if (!(flags & XF_DB_OPEN_NO_CREATE) && g_strcmp0 (path, ":memory:") != 0 &&
      !xf_db_location_is_url (path))
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, XF_ERROR, XF_ERROR_IO,
                       _("The folder “%s” for the database could not be created: %s"),
                       dir, g_strerror (saved_errno));
          return NULL;
        }
    }

  self->db = xf_db_open (path, flags, error);
  if (self->db == NULL)
    return NULL;
  if (!migrate (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * xf_store_open:
 * @path: the database file, created when missing, or ":memory:", or a
 *   postgresql:// URL (the database must exist; its tables are created)
 *
 * Opens the database and brings its schema up to date in one transaction.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
XfStore *
xf_store_open (const char  *path,
               GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return open_with_flags (path, XF_DB_OPEN_DEFAULT, error);
}

/**
 * xf_store_open_existing:
 *
 * Like xf_store_open() but refuses to create a missing file.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
XfStore *
xf_store_open_existing (const char  *path,
                        GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return open_with_flags (path, XF_DB_OPEN_NO_CREATE, error);
}

XfDb *
xf_store_get_db (XfStore *self)
{
  g_return_val_if_fail (XF_IS_STORE (self), NULL);
  return self->db;
}

int
xf_store_get_schema_version (XfStore *self)
{
  g_return_val_if_fail (XF_IS_STORE (self), 0);
  return self->schema_version;
}

gboolean
xf_store_is_read_only (XfStore *self)
{
  g_return_val_if_fail (XF_IS_STORE (self), TRUE);
  return xf_db_is_read_only (self->db);
}

/**
 * xf_store_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/xianfeng/xianfeng.db`
 */
char *
xf_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "xianfeng", "xianfeng.db", NULL);
}

char *
xf_store_new_uid (void)
{
  return g_uuid_string_random ();
}

/* RFC 9562 method 1: a 42-bit counter (rand_a and the top 30 bits of
 * rand_b), seeded at random each millisecond, then 32 random bits. */
char *
xf_store_new_ordered_uid (void)
{
  G_LOCK_DEFINE_STATIC (ordered);
  static guint64 last_ms;
  static guint64 counter;
  guint64 ms = (guint64) (g_get_real_time () / 1000);
  guint32 tail = g_random_int ();
  guint8 b[16];

  G_LOCK (ordered);
  if (ms <= last_ms)
    {
      ms = last_ms;
      counter++;
      if (counter >> 42 != 0)
        {
          ms++;
          counter = 0;
        }
    }
  else
    /* 41 bits: room to count on within the millisecond */
    counter = (((guint64) g_random_int () << 32) | g_random_int ()) & ((G_GUINT64_CONSTANT (1) << 41) - 1);
  last_ms = ms;
  G_UNLOCK (ordered);

  for (guint i = 0; i < 6; i++)
    b[i] = (guint8) (ms >> (8 * (5 - i)));
  b[6] = 0x70 | (guint8) ((counter >> 38) & 0x0f);
  b[7] = (guint8) (counter >> 30);
  b[8] = 0x80 | (guint8) ((counter >> 24) & 0x3f);
  b[9] = (guint8) (counter >> 16);
  b[10] = (guint8) (counter >> 8);
  b[11] = (guint8) counter;
  for (guint i = 0; i < 4; i++)
    b[12 + i] = (guint8) (tail >> (8 * i));
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}
