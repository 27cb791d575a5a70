/* xf-new-password.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-new-password"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-new-password.h"
#include "xf-password.h"

struct _XfNewPassword
{
  GtkWidget    parent_instance;

  char        *login;
  gboolean     valid;

  /* Template widgets */
  AdwEntryRow *password_row;
  AdwEntryRow *repeat_row;
  GtkLabel    *feedback_label;
};

G_DEFINE_FINAL_TYPE (XfNewPassword, xf_new_password, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOGIN,
  PROP_VALID,
  N_PROPS
};

enum {
  ACTIVATE,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
set_feedback (XfNewPassword *self,
              const char    *text,
              const char    *style)
{
  GtkWidget *label = GTK_WIDGET (self->feedback_label);

  gtk_label_set_label (self->feedback_label, text);
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, style);
}

/* Core judges the password; the rows only show its verdict. A password
 * not typed yet gets the rule as a hint, not as an error. */
static void
update (XfNewPassword *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->repeat_row));
  g_autoptr(GError) error = NULL;
  gboolean strong = xf_password_check_strength (password, self->login, &error);
  gboolean matches = g_str_equal (password, repeat);
  gboolean valid = strong && matches;

  if (password[0] == '\0')
    set_feedback (self, _("Choose a password of at least 8 characters that is not easy to guess."),
                  "dim-label");
  else if (!strong)
    set_feedback (self, error->message, "error");
  else if (repeat[0] != '\0' && !matches)
    set_feedback (self, _("The two passwords do not match."), "error");
  else if (!matches)
    set_feedback (self, _("Strong enough. Type it again to be sure."), "success");
  else
    set_feedback (self, _("Strong enough, and typed the same twice."), "success");

  if (password[0] != '\0' && !strong)
    gtk_widget_add_css_class (GTK_WIDGET (self->password_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
  if (repeat[0] != '\0' && !matches)
    gtk_widget_add_css_class (GTK_WIDGET (self->repeat_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->repeat_row), "error");

  if (self->valid != valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALID]);
    }
}

static void
changed_cb (XfNewPassword *self)
{
  g_assert (XF_IS_NEW_PASSWORD (self));
  update (self);
}

static void
first_activated_cb (XfNewPassword *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->repeat_row));
}

static void
second_activated_cb (XfNewPassword *self)
{
  g_signal_emit (self, signals [ACTIVATE], 0);
}

static gboolean
xf_new_password_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (XF_NEW_PASSWORD (widget)->password_row));
}

static void
xf_new_password_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), XF_TYPE_NEW_PASSWORD);
  /* The box around the template's widgets is not bound: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (xf_new_password_parent_class)->dispose (object);
}

static void
xf_new_password_finalize (GObject *object)
{
  XfNewPassword *self = XF_NEW_PASSWORD (object);

  g_free (self->login);

  G_OBJECT_CLASS (xf_new_password_parent_class)->finalize (object);
}

static void
xf_new_password_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XfNewPassword *self = XF_NEW_PASSWORD (object);

  switch (prop_id)
    {
    case PROP_LOGIN:
      g_value_set_string (value, self->login);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_new_password_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XfNewPassword *self = XF_NEW_PASSWORD (object);

  switch (prop_id)
    {
    case PROP_LOGIN:
      xf_new_password_set_login (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_new_password_class_init (XfNewPasswordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_new_password_dispose;
  object_class->finalize = xf_new_password_finalize;
  object_class->get_property = xf_new_password_get_property;
  object_class->set_property = xf_new_password_set_property;
  widget_class->grab_focus = xf_new_password_grab_focus;

  /**
   * XfNewPassword:login:
   *
   * The login the password must not be.
   */
  properties [PROP_LOGIN] =
    g_param_spec_string ("login", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * XfNewPassword:valid:
   *
   * Whether the password is strong enough and typed the same twice.
   */
  properties [PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XfNewPassword::activate:
   *
   * Enter was pressed in the second row.
   */
  signals [ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/session/xf-new-password.ui");
  gtk_widget_class_bind_template_child (widget_class, XfNewPassword, password_row);
  gtk_widget_class_bind_template_child (widget_class, XfNewPassword, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, XfNewPassword, feedback_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, first_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, second_activated_cb);
}

static void
xf_new_password_init (XfNewPassword *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
xf_new_password_new (void)
{
  return g_object_new (XF_TYPE_NEW_PASSWORD, NULL);
}

void
xf_new_password_set_login (XfNewPassword *self,
                           const char    *login)
{
  g_return_if_fail (XF_IS_NEW_PASSWORD (self));

  if (g_strcmp0 (self->login, login) == 0)
    return;
  g_free (self->login);
  self->login = g_strdup (login);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOGIN]);
}

const char *
xf_new_password_get_password (XfNewPassword *self)
{
  g_return_val_if_fail (XF_IS_NEW_PASSWORD (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->password_row));
}

gboolean
xf_new_password_get_valid (XfNewPassword *self)
{
  g_return_val_if_fail (XF_IS_NEW_PASSWORD (self), FALSE);
  return self->valid;
}

const char *
xf_new_password_get_feedback (XfNewPassword *self)
{
  g_return_val_if_fail (XF_IS_NEW_PASSWORD (self), "");
  return gtk_label_get_label (self->feedback_label);
}

void
xf_new_password_clear (XfNewPassword *self)
{
  g_return_if_fail (XF_IS_NEW_PASSWORD (self));

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->repeat_row), "");
  update (self);
}
