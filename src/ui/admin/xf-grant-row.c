/* xf-grant-row.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-grant-row"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-grant-row.h"
#include "xf-pioneer-fields.h"
#include "xf-reference.h"

/*
 * The places a grant may apply to
 */

static void
choices_clear (gpointer data)
{
  XfGrantChoices *choices = data;

  g_clear_pointer (&choices->region_codes, g_ptr_array_unref);
  g_clear_object (&choices->region_labels);
  g_clear_pointer (&choices->organisation_codes, g_ptr_array_unref);
  g_clear_object (&choices->organisation_labels);
}

/* In the user's language when the organisation is in the reference data. */
static const char *
organisation_label (XfReference        *reference,
                    XfOrganisationInfo *info)
{
  if (reference != NULL && info->code != NULL &&
      xf_reference_lookup (reference, XF_REFERENCE_ORGANISATIONS, info->code) != NULL)
    return xf_reference_label (reference, XF_REFERENCE_ORGANISATIONS, info->code);
  return info->name;
}

/* Index 0 of each list is the prompt to choose, with no code. */
XfGrantChoices *
xf_grant_choices_new (XfRegistry *registry)
{
  XfGrantChoices *choices = g_rc_box_new0 (XfGrantChoices);
  g_autoptr(XfFieldOptions) regions = xf_field_options_new (registry, "region-code");
  g_autoptr(GPtrArray) organisations = NULL;
  XfReference *reference = xf_reference_get_default (NULL);

  choices->region_codes = g_ptr_array_new_with_free_func (g_free);
  choices->region_labels = gtk_string_list_new (NULL);
  g_ptr_array_add (choices->region_codes, NULL);
  gtk_string_list_append (choices->region_labels, _("Choose a region"));
  for (guint i = 1; i < regions->codes->len; i++)
    {
      g_ptr_array_add (choices->region_codes, g_strdup (g_ptr_array_index (regions->codes, i)));
      gtk_string_list_append (choices->region_labels, regions->labels[i]);
    }

  choices->organisation_codes = g_ptr_array_new_with_free_func (g_free);
  choices->organisation_labels = gtk_string_list_new (NULL);
  g_ptr_array_add (choices->organisation_codes, NULL);
  gtk_string_list_append (choices->organisation_labels, _("Choose an organisation"));
  if (registry != NULL)
    organisations = xf_registry_list_organisations (registry, NULL);
  for (guint i = 0; organisations != NULL && i < organisations->len; i++)
    {
      XfOrganisationInfo *info = g_ptr_array_index (organisations, i);

      if (info->code == NULL || info->code[0] == '\0')
        continue;
      g_ptr_array_add (choices->organisation_codes, g_strdup (info->code));
      gtk_string_list_append (choices->organisation_labels, organisation_label (reference, info));
    }
  return choices;
}

XfGrantChoices *
xf_grant_choices_ref (XfGrantChoices *choices)
{
  return g_rc_box_acquire (choices);
}

void
xf_grant_choices_unref (XfGrantChoices *choices)
{
  g_rc_box_release_full (choices, choices_clear);
}

static guint
find_code (GPtrArray  *codes,
           const char *code)
{
  for (guint i = 1; code != NULL && i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
      return i;
  return 0;
}

char *
xf_grant_choices_describe (XfGrantChoices *choices,
                           const XfGrant  *grant)
{
  const char *role = xf_role_get_label (grant->role);
  g_autofree char *place = NULL;
  guint index;

  switch (grant->scope)
    {
    case XF_SCOPE_REGION:
      index = find_code (choices->region_codes, grant->value);
      place = index > 0 ? g_strdup (gtk_string_list_get_string (choices->region_labels, index))
                        : g_strdup (grant->value);
      break;
    case XF_SCOPE_ORGANISATION:
      index = find_code (choices->organisation_codes, grant->value);
      place = index > 0 ? g_strdup (gtk_string_list_get_string (choices->organisation_labels, index))
                        : g_strdup (grant->value);
      break;
    case XF_SCOPE_ALL:
    default:
      return g_strdup (role);
    }
  /* Translators: a role and where it applies, e.g. "Clerk · Deqing County" */
  return g_strdup_printf (_("%s · %s"), role, place != NULL ? place : "");
}

/*
 * The row
 */

struct _XfGrantRow
{
  AdwPreferencesRow parent_instance;

  XfGrantChoices *choices;
  GtkDropDown    *role;
  GtkDropDown    *scope;
  GtkDropDown    *place;
};

G_DEFINE_FINAL_TYPE (XfGrantRow, xf_grant_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The place list follows the scope: none for "everywhere". */
static void
scope_changed_cb (XfGrantRow *self)
{
  guint scope = gtk_drop_down_get_selected (self->scope);

  g_assert (XF_IS_GRANT_ROW (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  if (self->choices == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->place), scope != XF_SCOPE_ALL);
  if (scope == XF_SCOPE_REGION)
    gtk_drop_down_set_model (self->place, G_LIST_MODEL (self->choices->region_labels));
  else if (scope == XF_SCOPE_ORGANISATION)
    gtk_drop_down_set_model (self->place, G_LIST_MODEL (self->choices->organisation_labels));
  gtk_drop_down_set_selected (self->place, 0);
}

static void
place_changed_cb (XfGrantRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
}

static void
remove_clicked_cb (XfGrantRow *self)
{
  g_signal_emit (self, signals [REMOVE_REQUESTED], 0);
}

static GtkDropDown *
drop_down (const char * const *labels,
           const char         *name,
           const char         *accessible_label)
{
  GtkWidget *widget = gtk_drop_down_new_from_strings (labels);

  gtk_widget_set_name (widget, name);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return GTK_DROP_DOWN (widget);
}

static void
xf_grant_row_dispose (GObject *object)
{
  XfGrantRow *self = XF_GRANT_ROW (object);

  g_clear_pointer (&self->choices, xf_grant_choices_unref);

  G_OBJECT_CLASS (xf_grant_row_parent_class)->dispose (object);
}

static void
xf_grant_row_class_init (XfGrantRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xf_grant_row_dispose;

  /**
   * XfGrantRow::remove-requested:
   *
   * The user pressed the row's remove button.
   */
  signals [REMOVE_REQUESTED] =
    g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
xf_grant_row_init (XfGrantRow *self)
{
  const char *roles[XF_N_ROLES + 1] = { NULL };
  const char *scopes[] = {
    [XF_SCOPE_ALL] = _("Everywhere"),
    [XF_SCOPE_REGION] = _("In a region"),
    [XF_SCOPE_ORGANISATION] = _("In an organisation"),
    NULL
  };
  g_autoptr(GtkExpression) expression = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove;

  for (guint i = 0; i < XF_N_ROLES; i++)
    roles[i] = xf_role_get_label ((XfRole) i);

  self->role = drop_down (roles, "role", _("Role"));
  self->scope = drop_down (scopes, "scope", _("Where the role applies"));
  self->place = drop_down (NULL, "place", _("Region or organisation"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->place), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->place), FALSE);
  /* Seventy-odd townships and two dozen organisations: type to find one. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->place, expression);
  gtk_drop_down_set_enable_search (self->place, TRUE);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_name (remove, "remove");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (remove, GTK_ALIGN_END);
  gtk_widget_set_hexpand (remove, TRUE);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this role"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove this role"), -1);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->role));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->scope));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->place));
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);

  g_signal_connect_swapped (self->scope, "notify::selected", G_CALLBACK (scope_changed_cb), self);
  g_signal_connect_swapped (self->place, "notify::selected", G_CALLBACK (place_changed_cb), self);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
}

GtkWidget *
xf_grant_row_new (XfGrantChoices *choices)
{
  XfGrantRow *self;

  g_return_val_if_fail (choices != NULL, NULL);

  self = g_object_new (XF_TYPE_GRANT_ROW, NULL);
  self->choices = xf_grant_choices_ref (choices);
  /* A new grant starts as a clerk in a region, the most common one. */
  gtk_drop_down_set_selected (self->role, XF_ROLE_CLERK);
  gtk_drop_down_set_selected (self->scope, XF_SCOPE_REGION);
  scope_changed_cb (self);
  return GTK_WIDGET (self);
}

void
xf_grant_row_set_grant (XfGrantRow    *self,
                        const XfGrant *grant)
{
  g_return_if_fail (XF_IS_GRANT_ROW (self));
  g_return_if_fail (grant != NULL);

  gtk_drop_down_set_selected (self->role, grant->role);
  gtk_drop_down_set_selected (self->scope, grant->scope);
  scope_changed_cb (self);
  if (grant->scope == XF_SCOPE_REGION)
    gtk_drop_down_set_selected (self->place, find_code (self->choices->region_codes, grant->value));
  else if (grant->scope == XF_SCOPE_ORGANISATION)
    gtk_drop_down_set_selected (self->place,
                                find_code (self->choices->organisation_codes, grant->value));
}

XfGrant *
xf_grant_row_dup_grant (XfGrantRow  *self,
                        GError     **error)
{
  XfRole role;
  XfScopeKind scope;
  guint place;
  const char *code = NULL;

  g_return_val_if_fail (XF_IS_GRANT_ROW (self), NULL);

  role = (XfRole) MIN (gtk_drop_down_get_selected (self->role), XF_N_ROLES - 1);
  scope = (XfScopeKind) MIN (gtk_drop_down_get_selected (self->scope), XF_SCOPE_ORGANISATION);
  place = gtk_drop_down_get_selected (self->place);

  if (scope == XF_SCOPE_REGION && place != GTK_INVALID_LIST_POSITION &&
      place < self->choices->region_codes->len)
    code = g_ptr_array_index (self->choices->region_codes, place);
  else if (scope == XF_SCOPE_ORGANISATION && place != GTK_INVALID_LIST_POSITION &&
           place < self->choices->organisation_codes->len)
    code = g_ptr_array_index (self->choices->organisation_codes, place);

  if (scope != XF_SCOPE_ALL && code == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   scope == XF_SCOPE_REGION
                   /* Translators: %s is a role, e.g. Clerk */
                   ? _("Roles: choose the region where the %s role applies.")
                   : _("Roles: choose the organisation where the %s role applies."),
                   xf_role_get_label (role));
      return NULL;
    }
  return xf_grant_new (role, scope, code);
}
