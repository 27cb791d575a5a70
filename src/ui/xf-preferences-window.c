/* xf-preferences-window.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-backup-preferences.h"
#include "xf-preferences-window.h"
#include "xf-public-link.h"

struct _XfPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  XfApplication        *application;
  GSettings            *settings;

  /* Template widgets */
  AdwEntryRow          *base_url_row;
  GtkLabel             *base_url_error;
  AdwActionRow         *database_row;
  AdwActionRow         *connect_row;
  AdwActionRow         *idle_lock_row;
  GtkSpinButton        *idle_lock_spin;
};

G_DEFINE_FINAL_TYPE (XfPreferencesWindow, xf_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Core decides what a valid base is; the row only shows the verdict. */
static void
base_url_apply_cb (XfPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->base_url_row));
  g_autofree char *base = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;

  g_assert (XF_IS_PREFERENCES_WINDOW (self));

  /* Cleared on purpose: an office without a portal prints no links that
   * lead nowhere. */
  if (*base == '\0')
    {
      g_settings_set_string (self->settings, "public-base-url", "");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("No public portal: cards show no QR code "
                                                         "and notices no link")));
      return;
    }

  if (!xf_public_link_check_base (base, &error))
    {
      /* Inline, not a toast: the reason is too long for one and must stay
       * readable while the user fixes the address. */
      gtk_widget_add_css_class (GTK_WIDGET (self->base_url_row), "error");
      gtk_label_set_label (self->base_url_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->base_url_error), TRUE);
      return;
    }

  g_settings_set_string (self->settings, "public-base-url", base);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Public portal address saved")));
}

static void
base_url_changed_cb (XfPreferencesWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->base_url_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->base_url_error), FALSE);
}

/* The spin button holds a double, the key minutes as a uint. */
static gboolean
minutes_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
minutes_set_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) CLAMP (g_value_get_double (value), 0, G_MAXUINT32));
}

/* The file's path, or the shared database's address (never with its
 * password: the application does not keep it there). */
static void
database_path_changed_cb (XfPreferencesWindow *self)
{
  const char *path = xf_application_get_database_path (self->application);

  adw_action_row_set_subtitle (self->database_row, path != NULL ? path : "");
}

static void
xf_preferences_window_dispose (GObject *object)
{
  XfPreferencesWindow *self = XF_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (xf_preferences_window_parent_class)->dispose (object);
}

static void
xf_preferences_window_class_init (XfPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/xf-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XfPreferencesWindow, base_url_row);
  gtk_widget_class_bind_template_child (widget_class, XfPreferencesWindow, base_url_error);
  gtk_widget_class_bind_template_child (widget_class, XfPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, XfPreferencesWindow, connect_row);
  gtk_widget_class_bind_template_child (widget_class, XfPreferencesWindow, idle_lock_row);
  gtk_widget_class_bind_template_child (widget_class, XfPreferencesWindow, idle_lock_spin);
  gtk_widget_class_bind_template_callback (widget_class, base_url_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, base_url_changed_cb);
}

static void
xf_preferences_window_init (XfPreferencesWindow *self)
{
  g_autofree char *base = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new ("io.github.xianfeng.Xianfeng");
  base = g_settings_get_string (self->settings, "public-base-url");
  gtk_editable_set_text (GTK_EDITABLE (self->base_url_row), base);
  g_settings_bind_with_mapping (self->settings, "idle-lock-minutes", self->idle_lock_spin, "value",
                                G_SETTINGS_BIND_DEFAULT, minutes_get_mapping, minutes_set_mapping, NULL, NULL);
}

GtkWidget *
xf_preferences_window_new (XfApplication *application)
{
  XfPreferencesWindow *self;

  g_return_val_if_fail (XF_IS_APPLICATION (application), NULL);

  /* The application's actions (app.open-database) reach the window's buttons. */
  self = g_object_new (XF_TYPE_PREFERENCES_WINDOW, "application", application, NULL);
  self->application = application;
  g_signal_connect_object (application, "notify::database-path",
                           G_CALLBACK (database_path_changed_cb), self, G_CONNECT_SWAPPED);
  database_path_changed_cb (self);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (xf_backup_preferences_new (application)));
  return GTK_WIDGET (self);
}
