/* xf-stored-file.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-stored-file"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "xf-error.h"
#include "xf-evaluation.h"
#include "xf-stored-file.h"
#include "xf-ui-util.h"

/* The folder under the cache a kind of file opens from, and the name it
 * takes when its stored name is no name. */
static const struct
{
  const char *folder;
  const char *fallback_name;
} kinds[] = {
  [XF_STORED_FILE_MATERIAL] = { "materials", "material" },
  [XF_STORED_FILE_OBJECTION] = { "objections", "file" },
};

typedef void (*AddFunc) (GtkWidget *widget,
                         GFile     *file);

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     GtkWidget       *widget)
{
  AddFunc add = (AddFunc) g_object_get_data (G_OBJECT (dialog), "add");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          add (widget, file);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
xf_stored_file_choose (GtkWidget  *widget,
                       const char *title,
                       const char *accept_label,
                       void      (*add) (GtkWidget *widget,
                                         GFile     *file))
{
  GtkFileChooserNative *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (add != NULL);

  dialog = gtk_file_chooser_native_new (title, xf_widget_get_window (widget),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "add", (gpointer) add);
  g_signal_connect_object (dialog, "response", G_CALLBACK (chooser_response_cb), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
xf_stored_file_choose_to_attach (GtkWidget  *widget,
                                 void      (*add) (GtkWidget *widget,
                                                   GFile     *file))
{
  xf_stored_file_choose (widget, _("Attach files"), _("_Attach"), add);
}

typedef struct
{
  GFile            *file;
  XfStoredFileKind  kind;
  char             *name;
  char             *content_type;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_clear_object (&data->file);
  g_free (data->name);
  g_free (data->content_type);
  g_free (data);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *data = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  info = g_file_query_info (data->file,
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data->name = g_strdup (g_file_info_get_display_name (info));
  data->content_type = g_content_type_get_mime_type (g_file_info_get_content_type (info));
  /* Core refuses it anyway; this spares reading a huge file first. */
  if (g_file_info_get_size (info) > XF_MATERIAL_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (XF_MATERIAL_MAX_SIZE);

      if (data->kind == XF_STORED_FILE_MATERIAL)
        g_task_return_new_error (task, XF_ERROR, XF_ERROR_INVALID,
                                 _("“%s” is larger than the limit of %s for a material"),
                                 data->name, limit);
      else
        g_task_return_new_error (task, XF_ERROR, XF_ERROR_INVALID,
                                 _("“%s” is larger than the limit of %s for a file"),
                                 data->name, limit);
      return;
    }
  if (!g_file_load_contents (data->file, cancellable, &contents, &length, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_bytes_new_take (contents, length), (GDestroyNotify) g_bytes_unref);
}

/* Reads @file in a worker: its display name, MIME type and content. */
static void
xf_stored_file_read_async (GFile               *file,
                           XfStoredFileKind     kind,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ReadData, 1);
  data->file = g_object_ref (file);
  data->kind = kind;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, xf_stored_file_read_async);
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_thread);
}

static GBytes *
xf_stored_file_read_finish (GAsyncResult  *result,
                            char         **name,
                            char         **content_type,
                            GError       **error)
{
  ReadData *data;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (name != NULL)
    *name = g_strdup (data->name);
  if (content_type != NULL)
    *content_type = g_strdup (data->content_type);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  GObject              *owner;   /* (owned) */
  gint64                id;
  XfStoredFileReadFunc  func;
} ReadForClosure;

static void
read_for_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ReadForClosure *closure = user_data;
  g_autoptr(GObject) owner = closure->owner;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *content_type = NULL;

  content = xf_stored_file_read_finish (result, &name, &content_type, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      XfStoredFileRead read = { name, content_type, content, error };

      closure->func (owner, closure->id, &read);
    }
  g_free (closure);
}

void
xf_stored_file_read_for (GFile                *file,
                         XfStoredFileKind      kind,
                         GObject              *owner,
                         gint64                id,
                         GCancellable         *cancellable,
                         XfStoredFileReadFunc  func)
{
  ReadForClosure *closure;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (G_IS_OBJECT (owner));
  g_return_if_fail (func != NULL);

  closure = g_new0 (ReadForClosure, 1);
  closure->owner = g_object_ref (owner);
  closure->id = id;
  closure->func = func;
  xf_stored_file_read_async (file, kind, cancellable, read_for_cb, closure);
}

/* Errors in writing come back at once (FALSE); those in opening through
 * @callback (gtk_show_uri_full_finish). */
static gboolean
xf_stored_file_open (GtkWindow           *parent,
                     XfStoredFileKind     kind,
                     const char          *file_name,
                     const char          *sha256,
                     GBytes              *content,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data,
                     GError             **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (file_name != NULL && sha256 != NULL && content != NULL, FALSE);

  dir = g_build_filename (g_get_user_cache_dir (), "xianfeng", kinds[kind].folder, sha256, NULL);
  /* The stored name must not lead out of that folder. */
  base = g_path_get_basename (file_name);
  if (g_str_equal (base, ".") || g_str_equal (base, "..") || g_str_equal (base, G_DIR_SEPARATOR_S))
    {
      g_free (base);
      base = g_strdup (kinds[kind].fallback_name);
    }
  path = g_build_filename (dir, base, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_IO, _("Could not write “%s”"), path);
      return FALSE;
    }
  if (!g_file_set_contents (path, g_bytes_get_data (content, NULL), g_bytes_get_size (content),
                            error))
    return FALSE;
  uri = g_filename_to_uri (path, NULL, error);
  if (uri == NULL)
    return FALSE;
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, cancellable, callback, user_data);
  return TRUE;
}

typedef struct
{
  GtkWidget             *widget;   /* (owned) */
  XfStoredFileErrorFunc  report;
} OpenForClosure;

static void
opened_for_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  OpenForClosure *closure = user_data;
  g_autoptr(GtkWidget) widget = closure->widget;
  XfStoredFileErrorFunc report = closure->report;
  g_autoptr(GError) error = NULL;

  g_free (closure);
  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    report (widget, error);
}

void
xf_stored_file_open_for (GtkWidget             *widget,
                         XfStoredFileKind       kind,
                         const char            *file_name,
                         const char            *sha256,
                         GBytes                *content,
                         GCancellable          *cancellable,
                         XfStoredFileErrorFunc  report)
{
  g_autoptr(GError) error = NULL;
  OpenForClosure *closure;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (content != NULL);
  g_return_if_fail (report != NULL);

  closure = g_new0 (OpenForClosure, 1);
  closure->widget = g_object_ref (widget);
  closure->report = report;
  if (!xf_stored_file_open (xf_widget_get_window (widget), kind, file_name, sha256, content,
                            cancellable, opened_for_cb, closure, &error))
    {
      g_object_unref (closure->widget);
      g_free (closure);
      report (widget, error);
    }
}
