/* xf-care-form.h — what the care page's dialogs share: core's refusals
 *                  beneath the fields they name, and asking for a reason
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A field of a form: what core calls it before the colon of its
 * messages ("Places: …"; N_() strings, matched translated and not), the
 * widget that is highlighted, and the label beneath it (made by
 * xf_care_fields_attach, named "<name>-error" for tests). */
typedef struct
{
  const char *name;
  const char *names[4];
  GtkWidget  *widget;
  GtkLabel   *label;
} XfCareField;

/* Puts an error line beneath each field: a row of its own right after
 * the field's row when that is in a boxed list, else right after the
 * widget in its box. */
void     xf_care_fields_attach     (XfCareField  *fields,
                                    guint         n_fields);
/* Hides every error line and @general (may be NULL). */
void     xf_care_fields_clear      (XfCareField  *fields,
                                    guint         n_fields,
                                    GtkLabel     *general);
/* Shows @message beneath the field it names, else in @general. Returns
 * the field shown, or -1. */
int      xf_care_fields_show_error (XfCareField  *fields,
                                    guint         n_fields,
                                    GtkLabel     *general,
                                    const char   *message);

/* Shows @message beneath field @index (-1: in @general). */
void     xf_care_fields_show_at    (XfCareField  *fields,
                                    guint         n_fields,
                                    GtkLabel     *general,
                                    int           index,
                                    const char   *message);

typedef void (*XfCareReasonFunc) (gpointer    user_data,
                                  const char *reason);

/* Asks for a reason over @widget's window: @heading, @body, an entry and
 * @response_label, enabled once something is typed (when @required);
 * @callback (@user_data, the reason without the white space around it)
 * on that response, never on cancel. @user_data is a GObject, kept
 * alive by the dialog. Returns the dialog (presented). The entry is
 * named "reason-entry". */
GtkWidget *xf_care_ask_reason      (GtkWidget        *widget,
                                    const char       *heading,
                                    const char       *body,
                                    const char       *response_label,
                                    gboolean          destructive,
                                    gboolean          required,
                                    XfCareReasonFunc  callback,
                                    gpointer          user_data);
/* The same, for any short text: @placeholder names what is asked for. */
GtkWidget *xf_care_ask_text        (GtkWidget        *widget,
                                    const char       *heading,
                                    const char       *body,
                                    const char       *placeholder,
                                    const char       *response_label,
                                    gboolean          destructive,
                                    gboolean          required,
                                    XfCareReasonFunc  callback,
                                    gpointer          user_data);

/* Yuan in an entry: the amount in fen, or FALSE. An empty text is 0. */
gboolean xf_care_parse_yuan        (const char   *text,
                                    gint64       *fen);
/* "1234.50" for an entry (no sign, no separators). */
char    *xf_care_format_yuan_plain (gint64        fen);

/* A toast on the nearest AdwToastOverlay around @widget. */
void     xf_care_toast             (GtkWidget    *widget,
                                    const char   *text);
/* @box's children (buttons, chips of unequal width) wrap like words
 * rather than widen the pane (XfWrapLayout, 6 pixels apart). */
void     xf_care_wrap_children     (GtkWidget    *box);
/* Takes every row out of @list (gtk_list_box_remove_all is GTK 4.12). */
void     xf_care_list_box_clear    (GtkListBox   *list);

G_END_DECLS
