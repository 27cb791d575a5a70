/* xf-account.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-account"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-account.h"

struct _XfAccount
{
  GObject    parent_instance;

  gint64     id;
  char      *uid;
  char      *login;
  char      *display_name;
  gboolean   disabled;
  gboolean   must_change_password;
  gint64     version;
  GPtrArray *grants;   /* (element-type XfGrant) */

  /* Set only by xf_account_new_local_administrator(): a stored account
   * never becomes the local administrator, whatever its login. */
  gboolean   local_administrator;
  /* Set only by xf_account_new_public(): the portal's visitors. */
  gboolean   public_visitor;
};

G_DEFINE_FINAL_TYPE (XfAccount, xf_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_LOGIN,
  PROP_DISPLAY_NAME,
  PROP_DISABLED,
  PROP_MUST_CHANGE_PASSWORD,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
xf_account_finalize (GObject *object)
{
  XfAccount *self = (XfAccount *) object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->login, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->grants, g_ptr_array_unref);

  G_OBJECT_CLASS (xf_account_parent_class)->finalize (object);
}

static void
xf_account_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  XfAccount *self = XF_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    case PROP_LOGIN:
      g_value_set_string (value, self->login);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_DISABLED:
      g_value_set_boolean (value, self->disabled);
      break;
    case PROP_MUST_CHANGE_PASSWORD:
      g_value_set_boolean (value, self->must_change_password);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_account_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  XfAccount *self = XF_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_LOGIN:
      /* Construct-only. */
      g_free (self->login);
      self->login = g_value_dup_string (value);
      break;
    case PROP_DISPLAY_NAME:
      xf_account_set_display_name (self, g_value_get_string (value));
      break;
    case PROP_DISABLED:
      xf_account_set_disabled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_account_class_init (XfAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags read_write = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = xf_account_finalize;
  object_class->get_property = xf_account_get_property;
  object_class->set_property = xf_account_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, read_only);
  properties [PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL, read_only);
  properties [PROP_LOGIN] =
    g_param_spec_string ("login", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, read_write);
  properties [PROP_DISABLED] =
    g_param_spec_boolean ("disabled", NULL, NULL, FALSE, read_write);
  properties [PROP_MUST_CHANGE_PASSWORD] =
    g_param_spec_boolean ("must-change-password", NULL, NULL, FALSE, read_only);
  properties [PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xf_account_init (XfAccount *self)
{
  self->grants = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_grant_free);
}

/**
 * xf_account_new:
 * @login: the sign-in name (checked when saved)
 * @display_name: (nullable): the name shown to people; the login when %NULL
 *
 * Returns: (transfer full): a new, unsaved account without grants
 */
XfAccount *
xf_account_new (const char *login,
                const char *display_name)
{
  g_return_val_if_fail (login != NULL, NULL);

  return g_object_new (XF_TYPE_ACCOUNT,
                       "login", login,
                       "display-name", display_name != NULL ? display_name : login,
                       NULL);
}

/**
 * xf_account_new_local_administrator:
 *
 * Returns: (transfer full): the actor of a desk whose database has no
 *   accounts: login "local", administrator everywhere
 */
XfAccount *
xf_account_new_local_administrator (void)
{
  XfAccount *self = xf_account_new ("local", _("Local administrator"));

  self->local_administrator = TRUE;
  xf_account_add_grant (self, XF_ROLE_ADMINISTRATOR, XF_SCOPE_ALL, NULL);
  return self;
}

/**
 * xf_account_new_public:
 *
 * Returns: (transfer full): the actor of the public web portal: login
 *   "public", no grant; xf_permission_allows() gives it REGISTRY_READ and
 *   PUBLIC_SUBMIT only, never personal data
 */
XfAccount *
xf_account_new_public (void)
{
  XfAccount *self = xf_account_new ("public", _("Public portal"));

  self->public_visitor = TRUE;
  return self;
}

/**
 * xf_account_copy:
 *
 * Returns: (transfer full): a new account with every field and grant of @self
 */
XfAccount *
xf_account_copy (XfAccount *self)
{
  XfAccount *copy;

  g_return_val_if_fail (XF_IS_ACCOUNT (self), NULL);

  copy = xf_account_new (self->login, self->display_name);
  copy->id = self->id;
  copy->uid = g_strdup (self->uid);
  copy->disabled = self->disabled;
  copy->must_change_password = self->must_change_password;
  copy->version = self->version;
  copy->local_administrator = self->local_administrator;
  copy->public_visitor = self->public_visitor;
  for (guint i = 0; i < self->grants->len; i++)
    g_ptr_array_add (copy->grants, xf_grant_copy (g_ptr_array_index (self->grants, i)));
  return copy;
}

gint64
xf_account_get_id (XfAccount *self)
{
  g_return_val_if_fail (XF_IS_ACCOUNT (self), 0);
  return self->id;
}

const char *
xf_account_get_uid (XfAccount *self)
{
  g_return_val_if_fail (XF_IS_ACCOUNT (self), NULL);
  return self->uid;
}

const char *
xf_account_get_login (XfAccount *self)
{
  g_return_val_if_fail (XF_IS_ACCOUNT (self), NULL);
  return self->login;
}

const char *
xf_account_get_display_name (XfAccount *self)
{
  g_return_val_if_fail (XF_IS_ACCOUNT (self), NULL);
  return self->display_name;
}

const char *
xf_account_get_record_name (XfAccount *self)
{
  g_return_val_if_fail (XF_IS_ACCOUNT (self), NULL);
  return self->display_name != NULL && *self->display_name != '\0' ? self->display_name : self->login;
}

void
xf_account_set_display_name (XfAccount  *self,
                             const char *display_name)
{
  g_return_if_fail (XF_IS_ACCOUNT (self));

  if (g_strcmp0 (self->display_name, display_name) == 0)
    return;
  g_free (self->display_name);
  self->display_name = g_strdup (display_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DISPLAY_NAME]);
}

gboolean
xf_account_get_disabled (XfAccount *self)
{
  g_return_val_if_fail (XF_IS_ACCOUNT (self), FALSE);
  return self->disabled;
}

void
xf_account_set_disabled (XfAccount *self,
                         gboolean   disabled)
{
  g_return_if_fail (XF_IS_ACCOUNT (self));

  disabled = !!disabled;
  if (self->disabled == disabled)
    return;
  self->disabled = disabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DISABLED]);
}

gboolean
xf_account_get_must_change_password (XfAccount *self)
{
  g_return_val_if_fail (XF_IS_ACCOUNT (self), FALSE);
  return self->must_change_password;
}

gint64
xf_account_get_version (XfAccount *self)
{
  g_return_val_if_fail (XF_IS_ACCOUNT (self), 0);
  return self->version;
}

gboolean
xf_account_is_local_administrator (XfAccount *self)
{
  g_return_val_if_fail (XF_IS_ACCOUNT (self), FALSE);
  return self->local_administrator;
}

gboolean
xf_account_is_public (XfAccount *self)
{
  g_return_val_if_fail (XF_IS_ACCOUNT (self), FALSE);
  return self->public_visitor;
}

/**
 * xf_account_get_grants:
 *
 * Returns: (transfer none) (element-type XfGrant): the grants, in the order added
 */
GPtrArray *
xf_account_get_grants (XfAccount *self)
{
  g_return_val_if_fail (XF_IS_ACCOUNT (self), NULL);
  return self->grants;
}

static gboolean
grant_equal (const XfGrant *grant,
             XfRole         role,
             XfScopeKind    scope,
             const char    *value)
{
  return grant->role == role && grant->scope == scope
         && (scope == XF_SCOPE_ALL || g_strcmp0 (grant->value, value) == 0);
}

/* Adding a grant the account already holds does nothing (the table's
 * UNIQUE constraint would refuse it anyway). */
void
xf_account_add_grant (XfAccount   *self,
                      XfRole       role,
                      XfScopeKind  scope,
                      const char  *value)
{
  g_return_if_fail (XF_IS_ACCOUNT (self));
  g_return_if_fail (role < XF_N_ROLES);
  g_return_if_fail (scope == XF_SCOPE_ALL || (value != NULL && value[0] != '\0'));

  for (guint i = 0; i < self->grants->len; i++)
    if (grant_equal (g_ptr_array_index (self->grants, i), role, scope, value))
      return;
  g_ptr_array_add (self->grants, xf_grant_new (role, scope, value));
}

void
xf_account_clear_grants (XfAccount *self)
{
  g_return_if_fail (XF_IS_ACCOUNT (self));

  g_ptr_array_set_size (self->grants, 0);
}

gboolean
xf_account_has_role (XfAccount *self,
                     XfRole     role)
{
  g_return_val_if_fail (XF_IS_ACCOUNT (self), FALSE);

  for (guint i = 0; i < self->grants->len; i++)
    if (((XfGrant *) g_ptr_array_index (self->grants, i))->role == role)
      return TRUE;
  return FALSE;
}

void
_xf_account_set_stored (XfAccount  *self,
                        gint64      id,
                        const char *uid,
                        gint64      version,
                        gboolean    must_change_password)
{
  g_return_if_fail (XF_IS_ACCOUNT (self));

  must_change_password = !!must_change_password;
  g_object_freeze_notify (G_OBJECT (self));
  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
    }
  if (g_strcmp0 (self->uid, uid) != 0)
    {
      g_free (self->uid);
      self->uid = g_strdup (uid);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UID]);
    }
  if (self->version != version)
    {
      self->version = version;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VERSION]);
    }
  if (self->must_change_password != must_change_password)
    {
      self->must_change_password = must_change_password;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MUST_CHANGE_PASSWORD]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}
