/* xf-session-form.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-session-form"

#include "config.h"

#include "xf-session-form.h"

/* The application's own icon once installed; an uninstalled run has none,
 * so a person stands in. */
const char *
xf_session_form_app_icon_name (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  return gtk_icon_theme_has_icon (theme, APP_ID) ? APP_ID : "avatar-default-symbolic";
}

/* NULL hides the label. */
void
xf_session_form_set_error (GtkLabel   *error_label,
                           const char *text)
{
  g_return_if_fail (GTK_IS_LABEL (error_label));

  gtk_label_set_label (error_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (error_label), text != NULL);
}

/* The error shown, or NULL if none. */
const char *
xf_session_form_get_error (GtkLabel *error_label)
{
  g_return_val_if_fail (GTK_IS_LABEL (error_label), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (error_label)))
    return NULL;
  return gtk_label_get_label (error_label);
}

/*
 * Starts or ends the form's call: *@cancellable is created or cleared, the
 * NULL-terminated fields from @first_field on made (in)sensitive, and the
 * spinner shown. The caller then updates its actions.
 */
void
xf_session_form_set_busy (GtkWidget     *form,
                          GCancellable **cancellable,
                          gboolean       busy,
                          GtkSpinner    *spinner,
                          GtkWidget     *first_field,
                          ...)
{
  GtkRoot *root;
  GtkWidget *field;
  va_list args;

  g_return_if_fail (GTK_IS_WIDGET (form));
  g_return_if_fail (cancellable != NULL);
  g_return_if_fail (GTK_IS_SPINNER (spinner));

  if (!busy)
    g_clear_object (cancellable);
  else if (*cancellable == NULL)
    *cancellable = g_cancellable_new ();

  /* A focused entry made insensitive keeps its cursor blinking, and GTK
   * 4.8 complains when it goes: take the focus away first. */
  root = gtk_widget_get_root (form);
  if (busy && root != NULL)
    gtk_root_set_focus (root, NULL);

  va_start (args, first_field);
  for (field = first_field; field != NULL; field = va_arg (args, GtkWidget *))
    gtk_widget_set_sensitive (field, !busy);
  va_end (args);

  gtk_widget_set_visible (GTK_WIDGET (spinner), busy);
  gtk_spinner_set_spinning (spinner, busy);
}

/* For a call's callback: the form was disposed, or left, meanwhile, so
 * there is nothing to show the outcome in. */
gboolean
xf_session_form_is_abandoned (GCancellable *cancellable)
{
  return cancellable == NULL || g_cancellable_is_cancelled (cancellable);
}

void
xf_session_form_lockout_changed (XfLockoutCountdown *countdown,
                                 GtkLabel           *error_label,
                                 GCancellable       *cancellable,
                                 GtkWidget          *password_field)
{
  if (xf_lockout_countdown_get_locked (countdown))
    return;
  xf_session_form_set_error (error_label, NULL);
  if (cancellable == NULL)
    gtk_widget_grab_focus (password_field);
}

/* The box around a template's widgets is not bound: unparent it too. */
void
xf_session_form_dispose_template (GtkWidget *form,
                                  GType      form_type)
{
  GtkWidget *child;

  gtk_widget_dispose_template (form, form_type);
  while ((child = gtk_widget_get_first_child (form)) != NULL)
    gtk_widget_unparent (child);
}
