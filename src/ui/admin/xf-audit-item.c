/* xf-audit-item.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-audit-item"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-audit-item.h"
#include "xf-pioneer.h"
#include "xf-pioneer-fields.h"
#include "xf-reference.h"
#include "xf-role.h"

struct _XfAuditItem
{
  GObject       parent_instance;

  XfAuditEntry *entry;
};

G_DEFINE_FINAL_TYPE (XfAuditItem, xf_audit_item, G_TYPE_OBJECT)

static const struct
{
  const char *code;
  const char *label;
} actions[] = {
  { XF_AUDIT_CREATE, NC_("audit action", "Created") },
  { XF_AUDIT_UPDATE, NC_("audit action", "Changed") },
  { XF_AUDIT_ARCHIVE, NC_("audit action", "Archived") },
  { XF_AUDIT_RESTORE, NC_("audit action", "Restored") },
  { XF_AUDIT_HONOUR_ADD, NC_("audit action", "Honour added") },
  { XF_AUDIT_HONOUR_REMOVE, NC_("audit action", "Honour removed") },
  { XF_AUDIT_REVEAL, NC_("audit action", "Personal data revealed") },
  { XF_AUDIT_SIGN_IN, NC_("audit action", "Signed in") },
  { XF_AUDIT_SIGN_IN_FAILED, NC_("audit action", "Sign-in failed") },
  { XF_AUDIT_LOCKED_OUT, NC_("audit action", "Locked out") },
  { XF_AUDIT_SIGN_OUT, NC_("audit action", "Signed out") },
  { XF_AUDIT_PASSWORD_CHANGE, NC_("audit action", "Password changed") },
  { XF_AUDIT_PASSWORD_RESET, NC_("audit action", "Password reset") },
  { XF_AUDIT_EXPORT, NC_("audit action", "Audit trail exported") },
  { XF_AUDIT_LEGACY, NC_("audit action", "Earlier change") },
};

const char * const *
xf_audit_action_codes (void)
{
  static const char *codes[G_N_ELEMENTS (actions) + 1];

  if (codes[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      codes[i] = actions[i].code;
  return codes;
}

const char *
xf_audit_action_label (const char *action)
{
  for (guint i = 0; action != NULL && i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (action, actions[i].code))
      return g_dpgettext2 (NULL, "audit action", actions[i].label);
  return action != NULL ? action : "";
}

/* Records that are not pioneers' files, by kind. */
static const char *
record_type_label (const char *record_type)
{
  if (g_strcmp0 (record_type, "pioneer") == 0)
    return _("Personal file");
  if (g_strcmp0 (record_type, "account") == 0)
    return _("Account");
  if (g_strcmp0 (record_type, "session") == 0)
    return _("Session");
  if (g_strcmp0 (record_type, "audit") == 0)
    return _("Audit trail");
  if (g_strcmp0 (record_type, "honour") == 0)
    return _("Honour");
  if (g_strcmp0 (record_type, "organisation") == 0)
    return _("Organisation");
  return record_type != NULL ? record_type : "";
}

/* An account's fields as the account dialog names them. */
static const char *
account_field_label (const char *field)
{
  if (g_strcmp0 (field, "login") == 0)
    return _("Login");
  if (g_strcmp0 (field, "display-name") == 0)
    return _("Display name");
  if (g_strcmp0 (field, "disabled") == 0)
    return _("Disabled");
  if (g_strcmp0 (field, "grants") == 0 || g_strcmp0 (field, "roles") == 0)
    return _("Roles");
  if (g_strcmp0 (field, "password") == 0)
    return _("Password");
  return field;
}

/* "clerk:region:330521, reviewer:all" (as the accounts store grants) as
 * "Clerk · Deqing County, Reviewer". */
static char *
grants_display (const char *value)
{
  XfReference *reference = xf_reference_get_default (NULL);
  g_auto(GStrv) grants = g_strsplit (value, ",", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; grants[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_strstrip (grants[i]), ":", 3);
      XfScopeKind scope = XF_SCOPE_ALL;
      XfRole role;

      if (parts[0] == NULL || parts[0][0] == '\0')
        continue;
      if (text->len > 0)
        /* Translators: between two roles of an account */
        g_string_append (text, _(", "));
      if (!xf_role_from_string (parts[0], &role))
        {
          g_string_append (text, grants[i]);
          continue;
        }
      g_string_append (text, xf_role_get_label (role));
      if (parts[1] == NULL || parts[2] == NULL || !xf_scope_kind_from_string (parts[1], &scope) ||
          scope == XF_SCOPE_ALL)
        continue;
      g_string_append (text, " · ");
      g_string_append (text, reference == NULL ? parts[2]
                             : xf_reference_label (reference,
                                                   scope == XF_SCOPE_REGION ? XF_REFERENCE_REGIONS
                                                                            : XF_REFERENCE_ORGANISATIONS,
                                                   parts[2]));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A value as the person who changed it saw it. */
static char *
value_display (XfAuditItem *self,
               const char  *value)
{
  const char *field = self->entry->field;

  if (value == NULL)
    return NULL;
  /* A reveal stores the marker "(revealed)", not a value: the action says it, translated. */
  if (g_strcmp0 (self->entry->action, XF_AUDIT_REVEAL) == 0)
    return NULL;
  if (g_strcmp0 (self->entry->record_type, "account") == 0)
    {
      if (g_strcmp0 (field, "grants") == 0)
        return grants_display (value);
      if (g_strcmp0 (field, "disabled") == 0)
        return g_strdup (g_str_equal (value, "true") ? _("Yes") : _("No"));
    }
  /* Codes of a file's fields (regions, industries…) by their names. */
  if (g_strcmp0 (self->entry->record_type, "pioneer") == 0 && field != NULL)
    {
      char *shown = xf_pioneer_fields_display (NULL, field, value);

      return shown != NULL ? shown : g_strdup (value);
    }
  return g_strdup (value);
}

static void
xf_audit_item_finalize (GObject *object)
{
  XfAuditItem *self = XF_AUDIT_ITEM (object);

  g_clear_pointer (&self->entry, xf_audit_entry_free);

  G_OBJECT_CLASS (xf_audit_item_parent_class)->finalize (object);
}

static void
xf_audit_item_class_init (XfAuditItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xf_audit_item_finalize;
}

static void
xf_audit_item_init (XfAuditItem *self)
{
}

XfAuditItem *
xf_audit_item_new (XfAuditEntry *entry)
{
  XfAuditItem *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (XF_TYPE_AUDIT_ITEM, NULL);
  self->entry = entry;
  return self;
}

const XfAuditEntry *
xf_audit_item_get_entry (XfAuditItem *self)
{
  g_return_val_if_fail (XF_IS_AUDIT_ITEM (self), NULL);
  return self->entry;
}

char *
xf_audit_item_dup_time (XfAuditItem *self)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (XF_IS_AUDIT_ITEM (self), NULL);

  utc = g_date_time_new_from_unix_utc (self->entry->at / G_USEC_PER_SEC);
  local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M:%S") : g_strdup ("");
}

char *
xf_audit_item_dup_person (XfAuditItem *self)
{
  const char *login, *name;

  g_return_val_if_fail (XF_IS_AUDIT_ITEM (self), NULL);

  login = self->entry->actor_login != NULL ? self->entry->actor_login : "";
  name = self->entry->actor_name;
  if (name == NULL || name[0] == '\0' || g_str_equal (name, login))
    return g_strdup (login);
  /* Translators: a person's name and login, e.g. "王丽 (clerk)" */
  return g_strdup_printf (_("%s (%s)"), name, login);
}

char *
xf_audit_item_dup_record (XfAuditItem *self)
{
  const char *label;

  g_return_val_if_fail (XF_IS_AUDIT_ITEM (self), NULL);

  label = self->entry->record_label;
  if (label != NULL && label[0] != '\0')
    {
      /* A pioneer's name speaks for itself; other records say what they are. */
      if (g_strcmp0 (self->entry->record_type, "pioneer") == 0)
        return g_strdup (label);
      /* Translators: a kind of record and its name, e.g. "Account clerk" */
      return g_strdup_printf (_("%s %s"), record_type_label (self->entry->record_type), label);
    }
  return g_strdup (record_type_label (self->entry->record_type));
}

const char *
xf_audit_item_get_field (XfAuditItem *self)
{
  const char *field;

  g_return_val_if_fail (XF_IS_AUDIT_ITEM (self), NULL);

  field = self->entry->field;
  if (field == NULL || field[0] == '\0')
    return "";
  if (g_strcmp0 (self->entry->record_type, "account") == 0)
    return account_field_label (field);
  if (g_strcmp0 (self->entry->record_type, "pioneer") == 0)
    return xf_pioneer_field_label (field);
  return field;
}

char *
xf_audit_item_dup_change (XfAuditItem *self)
{
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;

  g_return_val_if_fail (XF_IS_AUDIT_ITEM (self), NULL);

  old_value = value_display (self, self->entry->old_value);
  new_value = value_display (self, self->entry->new_value);
  if (old_value == NULL && new_value == NULL)
    return g_strdup ("");
  if (old_value == NULL)
    return g_steal_pointer (&new_value);
  /* Translators: a value before and after a change */
  return g_strdup_printf (_("%s → %s"), old_value, new_value != NULL ? new_value : _("(empty)"));
}
