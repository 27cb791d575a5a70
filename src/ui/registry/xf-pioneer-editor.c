/* xf-pioneer-editor.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-pioneer-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-identity.h"
#include "xf-pioneer-editor-private.h"

G_DEFINE_FINAL_TYPE (XfPioneerEditor, xf_pioneer_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REGISTRY,
  PROP_CHANGED,
  PROP_VALID,
  N_PROPS
};

enum {
  SAVED,
  CANCELLED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Fields the editor places itself, whatever xf_pioneer_list_fields says. */
static const char * const tier_fields[] = { "tier-manual", "tier", "tier-reason", NULL };

/*
 * State
 */

XfEditorField *
_xf_pioneer_editor_find_field (XfPioneerEditor *self,
                               const char      *property)
{
  for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
    {
      XfEditorField *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->property, property))
        return field;
    }
  return NULL;
}

static gboolean
field_differs (XfPioneerEditor *self,
               const char      *property)
{
  g_autofree char *now = xf_pioneer_dup_field (self->pioneer, property);
  g_autofree char *before = xf_pioneer_dup_field (self->original, property);

  return g_strcmp0 (now, before) != 0;
}

static gboolean
field_has_value (XfPioneerEditor *self,
                 XfEditorField   *field)
{
  g_autofree char *value = NULL;

  if (field->kind == XF_FIELD_SWITCH)
    return FALSE;
  value = xf_pioneer_dup_field (self->pioneer, field->property);
  return value != NULL && *value != '\0' && g_strcmp0 (value, "0") != 0;
}

void
_xf_pioneer_editor_show_toast (XfPioneerEditor *self,
                               const char      *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
update_title (XfPioneerEditor *self)
{
  const char *name = self->pioneer ? xf_pioneer_get_name (self->pioneer) : NULL;
  gboolean collective = self->pioneer && xf_pioneer_is_collective (self->pioneer);

  switch (self->step)
    {
    case STEP_REQUIRED:
    case STEP_DETAILS:
      adw_window_title_set_title (self->window_title,
                                  collective ? _("New collective") : _("New pioneer"));
      adw_window_title_set_subtitle (self->window_title,
                                     self->step == STEP_REQUIRED
                                     ? _("Step 1 of 2: required details")
                                     : _("Step 2 of 2: more details"));
      break;

    case STEP_EDIT:
    default:
      adw_window_title_set_title (self->window_title, _("Edit file"));
      adw_window_title_set_subtitle (self->window_title, name ? name : "");
      break;
    }
}

/* Checks every field with core's rules and shows the messages of those
 * the user has touched (or that hold a value, or after a save attempt). */
void
_xf_pioneer_editor_revalidate (XfPioneerEditor *self)
{
  gboolean required_ok = TRUE;
  gboolean any_extra = FALSE;
  gboolean valid;
  gboolean changed = FALSE;

  if (self->pioneer == NULL)
    return;

  for (guint i = 0; i < self->fields->len; i++)
    {
      XfEditorField *field = g_ptr_array_index (self->fields, i);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      ok = xf_pioneer_check_field (self->pioneer, field->property, &error);
      if (field->extra_error != NULL)
        {
          ok = FALSE;
          any_extra = TRUE;
        }

      if (field->extra_error != NULL)
        _xf_editor_field_show_error (field, field->extra_error);
      else if (!ok && (field->touched || self->show_all_errors || field_has_value (self, field)))
        _xf_editor_field_show_error (field, error->message);
      else
        _xf_editor_field_show_error (field, NULL);

      if (!ok && xf_pioneer_fields_is_required (xf_pioneer_get_kind (self->pioneer), field->property))
        required_ok = FALSE;
      if (field->extra_error != NULL || field_differs (self, field->property))
        changed = TRUE;
    }

  valid = !any_extra && xf_pioneer_validate (self->pioneer, NULL, NULL);
  /* A new file is worth saving once it is valid, even if nothing was typed
   * beyond what the assistant requires. */
  if (xf_pioneer_get_id (self->pioneer) == 0)
    changed = TRUE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 valid && changed && self->step != STEP_REQUIRED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.next", required_ok);

  if (self->valid != valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALID]);
    }
  if (self->changed != changed)
    {
      self->changed = changed;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHANGED]);
    }
  update_title (self);
}

/* A valid identity number fills an empty gender and birth date. */
static void
fill_from_identity (XfPioneerEditor *self,
                    const char      *number)
{
  XfIdentityFacts facts;
  const char *facts_values[2];
  const char *properties_filled[] = { "gender", "birth-date" };

  if (number == NULL || !xf_identity_check_id_number (number, &facts, NULL))
    return;

  facts_values[0] = facts.gender;
  facts_values[1] = facts.birth_date;
  for (guint i = 0; i < G_N_ELEMENTS (properties_filled); i++)
    {
      XfEditorField *field = _xf_pioneer_editor_find_field (self, properties_filled[i]);
      g_autofree char *value = xf_pioneer_dup_field (self->pioneer, properties_filled[i]);

      if (value != NULL && *value != '\0')
        continue;
      if (!xf_pioneer_set_field (self->pioneer, properties_filled[i], facts_values[i], NULL))
        continue;
      if (field != NULL)
        {
          self->loading = TRUE;
          _xf_editor_field_load (field, self->pioneer);
          self->loading = FALSE;
          field->touched = TRUE;
        }
    }
}

void
_xf_pioneer_editor_field_changed (XfPioneerEditor *self,
                                  XfEditorField   *field,
                                  const char      *text)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->pioneer == NULL)
    return;

  field->touched = TRUE;
  g_clear_pointer (&field->extra_error, g_free);

  if (field->kind == XF_FIELD_SWITCH)
    g_object_set (self->pioneer, field->property, g_strcmp0 (text, "1") == 0, NULL);
  else if (!xf_pioneer_set_field (self->pioneer, field->property, text, &error))
    field->extra_error = g_strdup (error->message);

  if (g_str_equal (field->property, "id-number") && field->extra_error == NULL)
    fill_from_identity (self, text);

  _xf_pioneer_editor_revalidate (self);
}

/*
 * Building the form
 */

static AdwPreferencesGroup *
add_group (XfPioneerEditor *self,
           const char      *title,
           const char      *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
add_field (XfPioneerEditor     *self,
           const char          *property,
           AdwPreferencesGroup *group)
{
  if (_xf_pioneer_editor_find_field (self, property) != NULL)
    return;
  g_ptr_array_add (self->fields, _xf_editor_field_new (self, self->registry, property, group));
}

static gboolean
is_tier_field (const char *property)
{
  return g_strv_contains (tier_fields, property);
}

static gboolean
is_card_field (const char *property)
{
  return g_str_equal (property, "photo") || g_str_equal (property, "video");
}

/* The tier and its reason matter only when the tier is set by hand. */
static void
bind_tier_rows (XfPioneerEditor *self)
{
  XfEditorField *manual = _xf_pioneer_editor_find_field (self, "tier-manual");
  GObject *sw = manual ? g_object_get_data (G_OBJECT (manual->widget), "switch") : NULL;

  for (guint i = 1; sw != NULL && tier_fields[i] != NULL; i++)
    {
      XfEditorField *field = _xf_pioneer_editor_find_field (self, tier_fields[i]);

      if (field != NULL)
        g_object_bind_property (sw, "active", field->widget, "sensitive", G_BINDING_SYNC_CREATE);
    }
}

static void
clear_form (XfPioneerEditor *self)
{
  /* Widgets go first: their handlers point at the fields. */
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->fields, 0);
  self->main_group = NULL;
}

static void
build_form (XfPioneerEditor *self)
{
  const char *kind = xf_pioneer_get_kind (self->pioneer);
  const char * const *list = xf_pioneer_list_fields (kind);
  AdwPreferencesGroup *group;

  clear_form (self);

  /* Required fields first, in the order of the list. */
  self->main_group = add_group (self, _("Main details"), NULL);
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (xf_pioneer_fields_is_required (kind, list[i]))
      add_field (self, list[i], self->main_group);

  group = add_group (self, _("Details"), NULL);
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      XfFieldKind field_kind = xf_pioneer_fields_kind (list[i]);

      if (field_kind == XF_FIELD_HIDDEN || field_kind == XF_FIELD_LONG_TEXT ||
          is_tier_field (list[i]) || is_card_field (list[i]) ||
          xf_pioneer_fields_is_required (kind, list[i]))
        continue;
      add_field (self, list[i], group);
    }

  group = add_group (self, _("Name card"), _("Shown on the pioneer’s name card."));
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (is_card_field (list[i]))
      add_field (self, list[i], group);

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (xf_pioneer_fields_kind (list[i]) == XF_FIELD_LONG_TEXT)
      add_field (self, list[i], add_group (self, xf_pioneer_field_label (list[i]), NULL));

  group = add_group (self, _("Tier"),
                     _("The tier follows the highest honour unless it is set here, with a reason."));
  for (guint i = 0; tier_fields[i] != NULL; i++)
    add_field (self, tier_fields[i], group);
  bind_tier_rows (self);
}

void
_xf_pioneer_editor_apply_step (XfPioneerEditor *self)
{
  gboolean creating = self->step != STEP_EDIT;

  for (guint i = 0; i < self->groups->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (self->groups, i);
      gboolean is_main = group == GTK_WIDGET (self->main_group);

      gtk_widget_set_visible (group, self->step == STEP_EDIT ||
                                     (self->step == STEP_REQUIRED) == is_main);
    }

  adw_preferences_group_set_title (self->main_group,
                                   creating ? _("Required details") : _("Main details"));
  adw_preferences_group_set_description (self->main_group,
                                         creating ? _("These are needed to create the file.") : NULL);

  gtk_widget_set_visible (self->cancel_button, self->step != STEP_DETAILS);
  gtk_widget_set_visible (self->back_button, self->step == STEP_DETAILS);
  gtk_widget_set_visible (self->next_button, self->step == STEP_REQUIRED);
  gtk_widget_set_visible (self->save_button, self->step != STEP_REQUIRED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.back", self->step == STEP_DETAILS);

  _xf_pioneer_editor_revalidate (self);
}

void
_xf_pioneer_editor_load (XfPioneerEditor *self,
                         XfPioneer       *original,
                         XfEditorStep     step)
{
  g_set_object (&self->original, original);
  g_clear_object (&self->pioneer);
  self->pioneer = xf_pioneer_copy (original);
  self->step = step;
  self->show_all_errors = FALSE;
  _xf_pioneer_editor_set_note (self, NULL);

  build_form (self);
  self->loading = TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    _xf_editor_field_load (g_ptr_array_index (self->fields, i), self->pioneer);
  self->loading = FALSE;

  _xf_pioneer_editor_apply_step (self);
}

/*
 * Actions
 */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  xf_pioneer_editor_save (XF_PIONEER_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  _xf_pioneer_editor_cancel (XF_PIONEER_EDITOR (widget));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XfPioneerEditor *self = XF_PIONEER_EDITOR (widget);

  if (self->step != STEP_REQUIRED)
    return;
  self->step = STEP_DETAILS;
  _xf_pioneer_editor_apply_step (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XfPioneerEditor *self = XF_PIONEER_EDITOR (widget);

  if (self->step != STEP_DETAILS)
    return;
  self->step = STEP_REQUIRED;
  _xf_pioneer_editor_apply_step (self);
}

/*
 * GObject
 */

static void
xf_pioneer_editor_dispose (GObject *object)
{
  XfPioneerEditor *self = (XfPioneerEditor *)object;

  /* Widgets going away may still emit change signals; ignore them. */
  self->loading = TRUE;
  if (self->groups != NULL)
    g_ptr_array_set_size (self->groups, 0);
  /* AdwBin unparents its child itself; let it, before the template is
   * torn down, so that the child is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_PIONEER_EDITOR);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_object (&self->pioneer);
  g_clear_object (&self->original);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xf_pioneer_editor_parent_class)->dispose (object);
}

static void
xf_pioneer_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  XfPioneerEditor *self = XF_PIONEER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    case PROP_CHANGED:
      g_value_set_boolean (value, self->changed);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_pioneer_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  XfPioneerEditor *self = XF_PIONEER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_set_object (&self->registry, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_pioneer_editor_class_init (XfPioneerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_pioneer_editor_dispose;
  object_class->get_property = xf_pioneer_editor_get_property;
  object_class->set_property = xf_pioneer_editor_set_property;

  properties [PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, XF_TYPE_REGISTRY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * XfPioneerEditor:changed:
   *
   * Whether the form differs from the file as loaded.
   */
  properties [PROP_CHANGED] =
    g_param_spec_boolean ("changed", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * XfPioneerEditor:valid:
   *
   * Whether every field passes core's checks.
   */
  properties [PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XfPioneerEditor::saved:
   * @id: the saved pioneer's id
   *
   * Emitted after the file was written.
   */
  signals [SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * XfPioneerEditor::cancelled:
   *
   * Emitted when the user leaves the form without saving.
   */
  signals [CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/registry/xf-pioneer-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, XfPioneerEditor, header_bar);
  gtk_widget_class_bind_template_child (widget_class, XfPioneerEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, XfPioneerEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, XfPioneerEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, XfPioneerEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, XfPioneerEditor, next_button);
  gtk_widget_class_bind_template_child (widget_class, XfPioneerEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfPioneerEditor, page);
  gtk_widget_class_bind_template_child (widget_class, XfPioneerEditor, note_revealer);
  gtk_widget_class_bind_template_child (widget_class, XfPioneerEditor, note_label);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
xf_pioneer_editor_init (XfPioneerEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) _xf_editor_field_free);
  self->groups = g_ptr_array_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.next", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.back", FALSE);
}

/*
 * Public API
 */

GtkWidget *
xf_pioneer_editor_new (XfRegistry *registry)
{
  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  return g_object_new (XF_TYPE_PIONEER_EDITOR, "registry", registry, NULL);
}

void
xf_pioneer_editor_edit (XfPioneerEditor *self,
                        XfPioneer       *pioneer)
{
  g_autoptr(XfPioneer) original = NULL;

  g_return_if_fail (XF_IS_PIONEER_EDITOR (self));
  g_return_if_fail (XF_IS_PIONEER (pioneer));

  /* Our own copy: the caller's object may change under us. */
  original = xf_pioneer_copy (pioneer);
  _xf_pioneer_editor_load (self, original, xf_pioneer_get_id (pioneer) == 0 ? STEP_REQUIRED : STEP_EDIT);
}

void
xf_pioneer_editor_create (XfPioneerEditor *self,
                          const char      *kind)
{
  g_autoptr(XfPioneer) fresh = NULL;

  g_return_if_fail (XF_IS_PIONEER_EDITOR (self));
  g_return_if_fail (g_strcmp0 (kind, "individual") == 0 || g_strcmp0 (kind, "collective") == 0);

  fresh = xf_pioneer_new (kind);
  _xf_pioneer_editor_load (self, fresh, STEP_REQUIRED);
}

XfPioneer *
xf_pioneer_editor_get_pioneer (XfPioneerEditor *self)
{
  g_return_val_if_fail (XF_IS_PIONEER_EDITOR (self), NULL);
  return self->pioneer;
}

gboolean
xf_pioneer_editor_get_changed (XfPioneerEditor *self)
{
  g_return_val_if_fail (XF_IS_PIONEER_EDITOR (self), FALSE);
  return self->changed;
}

gboolean
xf_pioneer_editor_get_valid (XfPioneerEditor *self)
{
  g_return_val_if_fail (XF_IS_PIONEER_EDITOR (self), FALSE);
  return self->valid;
}

GtkWidget *
xf_pioneer_editor_get_field_widget (XfPioneerEditor *self,
                                    const char      *property)
{
  XfEditorField *field;

  g_return_val_if_fail (XF_IS_PIONEER_EDITOR (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  field = _xf_pioneer_editor_find_field (self, property);
  return field ? field->widget : NULL;
}

const char *
xf_pioneer_editor_get_field_error (XfPioneerEditor *self,
                                   const char      *property)
{
  XfEditorField *field;

  g_return_val_if_fail (XF_IS_PIONEER_EDITOR (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  field = _xf_pioneer_editor_find_field (self, property);
  return field ? field->shown_error : NULL;
}
