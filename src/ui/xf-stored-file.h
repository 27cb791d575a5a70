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

/* What was read of a chosen file: its display name, MIME type and
 * @content, or %NULL @content and the @error that stopped it. */
typedef struct
{
  const char   *name;
  const char   *content_type;
  GBytes       *content;
  const GError *error;
} XfStoredFileRead;

typedef void (*XfStoredFileReadFunc) (GObject                *owner,
                                      gint64                  id,
                                      const XfStoredFileRead *read);

/* Reads @file in a worker (files may be large) for the record @id (the
 * one shown when the file was chosen) of @owner, kept alive meanwhile:
 * @func is called with what was read, or not at all when @cancellable
 * was cancelled. Refuses a file over XF_MATERIAL_MAX_SIZE before reading
 * it (core would refuse it anyway). */
void     xf_stored_file_read_for     (GFile               *file,
                                      XfStoredFileKind     kind,
                                      GObject             *owner,
                                      gint64               id,
                                      GCancellable        *cancellable,
                                      XfStoredFileReadFunc func);

/* Hears of a file that would not open: not of cancellation. */
typedef void (*XfStoredFileErrorFunc) (GtkWidget    *widget,
                                       const GError *error);

/* Writes @content to the cache, in a folder named by @sha256 so that two
 * files of one name never overwrite each other, and opens it there with
 * the desktop's default application, over the window @widget is in.
 * @widget is kept alive until the file has opened; @report (@widget,
 * error) hears of an error in writing or in opening it. */
void     xf_stored_file_open_for     (GtkWidget             *widget,
                                      XfStoredFileKind       kind,
                                      const char            *file_name,
                                      const char            *sha256,
                                      GBytes                *content,
                                      GCancellable          *cancellable,
                                      XfStoredFileErrorFunc  report);

G_END_DECLS
