/* xf-stored-file.h — files kept in the database (a nomination's
 * materials, an objection's files): chosen, read and opened
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What a file is kept for: it names the refusal of a file too large and
 * the cache folder it is opened from. */
typedef enum
{
  XF_STORED_FILE_MATERIAL,
  XF_STORED_FILE_OBJECTION,
} XfStoredFileKind;

/* Asks for files with a modal native chooser over the window @widget is
 * in, titled @title with @accept_label, and calls @add (@widget, file)
 * for each one chosen. */
void     xf_stored_file_choose       (GtkWidget           *widget,
                                      const char          *title,
                                      const char          *accept_label,
                                      void               (*add) (GtkWidget *widget,
                                                                 GFile     *file));
/* xf_stored_file_choose() for an objection's files: "Attach files". */
void     xf_stored_file_choose_to_attach (GtkWidget       *widget,
                                          void           (*add) (GtkWidget *widget,
                                                                 GFile     *file));

/* Reads @file in a worker (files may be large): its display name, MIME
 * type and content. Refuses a file over XF_MATERIAL_MAX_SIZE before
 * reading it (core would refuse it anyway). */
void     xf_stored_file_read_async   (GFile               *file,
                                      XfStoredFileKind     kind,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
GBytes  *xf_stored_file_read_finish  (GAsyncResult        *result,
                                      char               **name,
                                      char               **content_type,
                                      GError             **error);

/* What xf_stored_file_read_for() hands back: the file's name, MIME type
 * and @content, or %NULL @content and the @error that stopped it. */
typedef void (*XfStoredFileReadFunc) (GObject      *owner,
                                      gint64        id,
                                      const char   *name,
                                      const char   *content_type,
                                      GBytes       *content,
                                      const GError *error);

/* xf_stored_file_read_async() for the record @id (the one shown when the
 * file was chosen) of @owner, kept alive meanwhile: @func is called with
 * what was read, or not at all when @cancellable was cancelled. */
void     xf_stored_file_read_for     (GFile               *file,
                                      XfStoredFileKind     kind,
                                      GObject             *owner,
                                      gint64               id,
                                      GCancellable        *cancellable,
                                      XfStoredFileReadFunc func);

/* Writes @content to the cache, in a folder named by @sha256 so that two
 * files of one name never overwrite each other, and opens it there with
 * the desktop's default application. Errors in writing come back at once
 * (FALSE); those in opening through @callback
 * (gtk_show_uri_full_finish). */
gboolean xf_stored_file_open         (GtkWindow           *parent,
                                      XfStoredFileKind     kind,
                                      const char          *file_name,
                                      const char          *sha256,
                                      GBytes              *content,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data,
                                      GError             **error);

/* Hears of a file that would not open: not of cancellation. */
typedef void (*XfStoredFileErrorFunc) (GtkWidget    *widget,
                                       const GError *error);

/* xf_stored_file_open() over the window @widget is in, keeping @widget
 * alive until the file has opened; @report (@widget, error) hears of an
 * error in writing or in opening it. */
void     xf_stored_file_open_for     (GtkWidget             *widget,
                                      XfStoredFileKind       kind,
                                      const char            *file_name,
                                      const char            *sha256,
                                      GBytes                *content,
                                      GCancellable          *cancellable,
                                      XfStoredFileErrorFunc  report);

G_END_DECLS
