/* xf-profile-page.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-profile-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-export-dialog.h"
#include "xf-name-card.h"
#include "xf-pioneer-editor.h"
#include "xf-pioneer-fields.h"
#include "xf-profile-care-group.h"
#include "xf-profile-cultivation-group.h"
#include "xf-profile-page-private.h"
#include "xf-profile-sections.h"
#include "xf-ui-util.h"


G_DEFINE_FINAL_TYPE (XfProfilePage, xf_profile_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REGISTRY,
  PROP_PIONEER_ID,
  PROP_REVEAL_ID,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  CLOSED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

void
_xf_profile_page_show_toast (XfProfilePage *self,
                             const char    *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* Why this file cannot be changed here, or NULL when it can: the database,
 * or the account's role and scope (core refuses anyway; this says why). */
static char *
read_only_reason (XfProfilePage *self)
{
  g_autoptr(GError) denied = NULL;

  if (self->read_only)
    return g_strdup (_("The database is open read-only: this file cannot be changed."));
  if (self->pioneer != NULL &&
      !xf_registry_check (self->registry, XF_OP_PIONEER_EDIT, self->pioneer, &denied))
    return g_strdup (denied->message);
  return NULL;
}

static void
update_actions (XfProfilePage *self)
{
  gboolean loaded = self->pioneer != NULL;
  g_autofree char *reason = read_only_reason (self);
  gboolean writable = loaded && reason == NULL;
  gboolean may_archive = writable && xf_registry_check (self->registry, XF_OP_PIONEER_ARCHIVE,
                                                         self->pioneer, NULL);
  gboolean may_honour = writable && xf_registry_check (self->registry, XF_OP_HONOUR_EDIT,
                                                        self->pioneer, NULL);
  gboolean archived = loaded && g_strcmp0 (xf_pioneer_get_status (self->pioneer), "archived") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.edit", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.archive", may_archive && !archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.restore", may_archive && archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.add-honour", may_honour);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.remove-honour", may_honour);
  /* Insensitive buttons say why, rather than leave the user guessing. */
  gtk_widget_set_tooltip_text (self->edit_button, reason != NULL ? reason : _("Edit (Ctrl+E)"));
  gtk_widget_set_tooltip_text (self->add_honour_button, reason);
  gtk_widget_set_tooltip_text (self->restore_button, reason);
  gtk_label_set_label (self->read_only_label, reason != NULL ? reason : "");
  gtk_info_bar_set_revealed (self->read_only_bar, loaded && reason != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->read_only_bar), loaded && reason != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.copy-link", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.save-card", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.print-card", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.export-file", loaded);
}

static void
update_header (XfProfilePage *self)
{
  g_autofree char *subtitle = NULL;
  const char *tier = xf_pioneer_get_tier (self->pioneer);

  subtitle = g_strdup_printf ("%s · %s", xf_kind_label (xf_pioneer_get_kind (self->pioneer)),
                              xf_tier_label (tier ? tier : "cultivation"));

  adw_window_title_set_title (self->window_title, xf_pioneer_get_name (self->pioneer));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
update_archived_bar (XfProfilePage *self)
{
  gboolean archived = g_strcmp0 (xf_pioneer_get_status (self->pioneer), "archived") == 0;
  g_autofree char *reason = xf_pioneer_dup_field (self->pioneer, "archive-reason");
  g_autofree char *text = NULL;

  if (archived)
    {
      text = reason && *reason
        ? g_strdup_printf (_("This file is archived: %s"), reason)
        : g_strdup (_("This file is archived."));
      gtk_label_set_text (self->archived_label, text);
    }
  gtk_info_bar_set_revealed (self->archived_bar, archived);
  gtk_widget_set_visible (GTK_WIDGET (self->archived_bar), archived);
}

static void
fill_sections (XfProfilePage *self)
{
  _xf_profile_fill_details (self->details_group, self->details_rows, self->registry,
                            self->pioneer, self->reveal_id, self->revealed);
  _xf_profile_fill_honours (self->honours_group, self->honours_rows, self->honours);
  _xf_profile_fill_history (self->history_group, self->history_rows, self->registry,
                            self->pioneer_id, self->reveal_id);
  xf_profile_care_group_set_pioneer (XF_PROFILE_CARE_GROUP (
      gtk_widget_get_template_child (GTK_WIDGET (self), XF_TYPE_PROFILE_PAGE, "care_group")),
    self->registry, self->pioneer_id);
  xf_profile_cultivation_group_set_pioneer (XF_PROFILE_CULTIVATION_GROUP (
      gtk_widget_get_template_child (GTK_WIDGET (self), XF_TYPE_PROFILE_PAGE, "cultivation_group")),
    self->registry, self->pioneer_id);
}

/* Reads the file again from the registry and shows it. */
void
_xf_profile_page_reload (XfProfilePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autoptr(GListModel) honours = NULL;

  if (self->pioneer_id == 0)
    {
      g_clear_object (&self->pioneer);
      g_clear_object (&self->honours);
      xf_name_card_set_pioneer (self->name_card, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_actions (self);
      return;
    }

  pioneer = xf_registry_get_pioneer (self->registry, self->pioneer_id, &error);
  if (pioneer == NULL)
    {
      g_clear_object (&self->pioneer);
      update_actions (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      _xf_profile_page_show_toast (self, error->message);
      return;
    }
  honours = xf_registry_list_honours (self->registry, self->pioneer_id, NULL);

  /* A revealed value shows until the file changes. */
  if (xf_pioneer_get_version (pioneer) != self->revealed_version)
    g_hash_table_remove_all (self->revealed);

  g_set_object (&self->pioneer, pioneer);
  g_set_object (&self->honours, honours);

  update_header (self);
  update_archived_bar (self);
  xf_name_card_set_honours (self->name_card, self->honours);
  xf_name_card_set_pioneer (self->name_card, self->pioneer);
  fill_sections (self);
  update_actions (self);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "editor") != 0)
    gtk_stack_set_visible_child_name (self->stack, "profile");
}

static void
registry_changed_cb (XfProfilePage *self,
                     gint64         pioneer_id)
{
  /* An open editor keeps the user's edits; saving will report a conflict. */
  if (pioneer_id != self->pioneer_id ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "editor") == 0)
    return;
  _xf_profile_page_reload (self);
}

/*
 * Editor
 */

static void
editor_saved_cb (XfProfilePage *self,
                 gint64         pioneer_id)
{
  gtk_stack_set_visible_child_name (self->stack, "profile");
  xf_profile_page_set_pioneer_id (self, pioneer_id);
  _xf_profile_page_reload (self);
  _xf_profile_page_show_toast (self, _("File saved"));
}

static gboolean
editor_shown (XfProfilePage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "editor") == 0;
}

/* Back to the file shown before; a new file cancelled goes back to the
 * file open before it, if any. */
static void
editor_cancelled_cb (XfProfilePage *self)
{
  if (self->pioneer != NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "profile");
      _xf_profile_page_reload (self);
      return;
    }
  if (self->return_id > 0)
    {
      xf_profile_page_set_pioneer_id (self, self->return_id);
      if (self->pioneer != NULL)
        return;
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
  g_signal_emit (self, signals [CLOSED], 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XfProfilePage *self = XF_PROFILE_PAGE (widget);

  /* Ctrl+E again while editing must not start over and lose the edits. */
  if (self->pioneer == NULL || self->read_only || editor_shown (self))
    return;
  xf_pioneer_editor_edit (XF_PIONEER_EDITOR (self->editor), self->pioneer);
  gtk_stack_set_visible_child_name (self->stack, "editor");
}

/* Asks core for one masked value (it checks and records the reveal). */
static void
reveal_personal_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  XfProfilePage *self = XF_PROFILE_PAGE (widget);
  const char *field = g_variant_get_string (param, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  if (self->pioneer == NULL)
    return;
  value = xf_registry_reveal_personal (self->registry, self->pioneer_id, field, &error);
  if (error != NULL)
    {
      _xf_profile_page_show_toast (self, error->message);
      return;
    }
  if (value == NULL)
    return;
  self->revealed_version = xf_pioneer_get_version (self->pioneer);
  g_hash_table_insert (self->revealed, g_strdup (field), g_steal_pointer (&value));
  fill_sections (self);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  g_signal_emit (widget, signals [CLOSED], 0);
}

/*
 * Card actions: the card does the work.
 */

static void
card_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XfProfilePage *self = XF_PROFILE_PAGE (widget);

  if (g_str_equal (action_name, "profile.copy-link"))
    {
      g_autofree char *link = xf_name_card_dup_public_link (self->name_card, NULL);

      gtk_widget_activate_action (GTK_WIDGET (self->name_card), "card.copy-link", NULL);
      /* A link copied is a card shared, for the pioneer index. */
      if (link != NULL)
        _xf_profile_page_record_share (self);
    }
  else if (g_str_equal (action_name, "profile.save-card"))
    {
      gtk_widget_activate_action (GTK_WIDGET (self->name_card), "card.save-png", NULL);
      _xf_profile_page_record_share (self);
    }
  else if (g_str_equal (action_name, "profile.print-card"))
    gtk_widget_activate_action (GTK_WIDGET (self->name_card), "card.print", NULL);
}

static void
export_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  XfProfilePage *self = XF_PROFILE_PAGE (widget);

  if (self->pioneer != NULL)
    xf_export_file_run (widget, self->registry, self->pioneer);
}

/*
 * The back button: "Back" to the list while the leaflet around the page is
 * folded, "Close" beside the list when both show.
 */

static void
update_back_buttons (XfProfilePage *self)
{
  xf_update_back_buttons (self->leaflet, self->back_button, self->empty_back_button,
                          _("Close file"), FALSE);
}

static void
xf_profile_page_root (GtkWidget *widget)
{
  XfProfilePage *self = XF_PROFILE_PAGE (widget);

  GTK_WIDGET_CLASS (xf_profile_page_parent_class)->root (widget);

  self->leaflet = xf_follow_leaflet (widget, G_CALLBACK (update_back_buttons));
  update_back_buttons (self);
}

static void
xf_profile_page_unroot (GtkWidget *widget)
{
  XfProfilePage *self = XF_PROFILE_PAGE (widget);

  xf_unfollow_leaflet (widget, &self->leaflet, G_CALLBACK (update_back_buttons));

  GTK_WIDGET_CLASS (xf_profile_page_parent_class)->unroot (widget);
}

/*
 * GObject
 */

static void
xf_profile_page_constructed (GObject *object)
{
  XfProfilePage *self = (XfProfilePage *)object;

  G_OBJECT_CLASS (xf_profile_page_parent_class)->constructed (object);

  g_return_if_fail (XF_IS_REGISTRY (self->registry));

  self->read_only = xf_store_is_read_only (xf_registry_get_store (self->registry));
  self->editor = xf_pioneer_editor_new (self->registry);
  gtk_stack_add_named (self->stack, self->editor, "editor");
  g_signal_connect_object (self->editor, "saved", G_CALLBACK (editor_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "cancelled", G_CALLBACK (editor_cancelled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->registry, "changed", G_CALLBACK (registry_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_actions (self);
}

static void
xf_profile_page_dispose (GObject *object)
{
  XfProfilePage *self = (XfProfilePage *)object;

  /* AdwBin unparents its child itself; let it, before the template is
   * torn down, so that the child is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_PROFILE_PAGE);
  self->editor = NULL;
  g_clear_pointer (&self->details_rows, g_ptr_array_unref);
  g_clear_pointer (&self->honours_rows, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_pointer (&self->revealed, g_hash_table_unref);
  g_clear_object (&self->pioneer);
  g_clear_object (&self->honours);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xf_profile_page_parent_class)->dispose (object);
}

static void
xf_profile_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XfProfilePage *self = XF_PROFILE_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    case PROP_PIONEER_ID:
      g_value_set_int64 (value, self->pioneer_id);
      break;
    case PROP_REVEAL_ID:
      g_value_set_boolean (value, self->reveal_id);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_profile_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XfProfilePage *self = XF_PROFILE_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_set_object (&self->registry, g_value_get_object (value));
      break;
    case PROP_PIONEER_ID:
      xf_profile_page_set_pioneer_id (self, g_value_get_int64 (value));
      break;
    case PROP_REVEAL_ID:
      if (self->reveal_id != g_value_get_boolean (value))
        {
          self->reveal_id = g_value_get_boolean (value);
          if (self->pioneer != NULL)
            fill_sections (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_READ_ONLY:
      xf_profile_page_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_profile_page_class_init (XfProfilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xf_profile_page_constructed;
  object_class->dispose = xf_profile_page_dispose;
  object_class->get_property = xf_profile_page_get_property;
  object_class->set_property = xf_profile_page_set_property;

  widget_class->root = xf_profile_page_root;
  widget_class->unroot = xf_profile_page_unroot;

  properties [PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, XF_TYPE_REGISTRY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * XfProfilePage:pioneer-id:
   *
   * The id of the pioneer shown, 0 for none.
   */
  properties [PROP_PIONEER_ID] =
    g_param_spec_int64 ("pioneer-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * XfProfilePage:reveal-id:
   *
   * Whether the identity number is shown in full.
   */
  properties [PROP_REVEAL_ID] =
    g_param_spec_boolean ("reveal-id", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * XfProfilePage:read-only:
   *
   * Whether the file may not be changed: no editing, archiving or honours.
   */
  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XfProfilePage::closed:
   *
   * Emitted when the user pressed back or close.
   */
  signals [CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/registry/xf-profile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfProfilePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfProfilePage, stack);
  gtk_widget_class_bind_template_child (widget_class, XfProfilePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, XfProfilePage, empty_back_button);
  gtk_widget_class_bind_template_child (widget_class, XfProfilePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, XfProfilePage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, XfProfilePage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, XfProfilePage, add_honour_button);
  gtk_widget_class_bind_template_child (widget_class, XfProfilePage, restore_button);
  gtk_widget_class_bind_template_child (widget_class, XfProfilePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, XfProfilePage, archived_bar);
  gtk_widget_class_bind_template_child (widget_class, XfProfilePage, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, XfProfilePage, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, XfProfilePage, archived_label);
  gtk_widget_class_bind_template_child (widget_class, XfProfilePage, name_card);
  gtk_widget_class_bind_template_child (widget_class, XfProfilePage, details_group);
  gtk_widget_class_bind_template_child (widget_class, XfProfilePage, honours_group);
  gtk_widget_class_bind_template_child (widget_class, XfProfilePage, history_group);

  gtk_widget_class_install_action (widget_class, "profile.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "profile.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "profile.archive", NULL, _xf_profile_page_archive_action);
  gtk_widget_class_install_action (widget_class, "profile.restore", NULL, _xf_profile_page_restore_action);
  gtk_widget_class_install_action (widget_class, "profile.add-honour", NULL, _xf_profile_page_add_honour_action);
  gtk_widget_class_install_action (widget_class, "profile.remove-honour", "x", _xf_profile_page_remove_honour_action);
  gtk_widget_class_install_action (widget_class, "profile.copy-link", NULL, card_action);
  gtk_widget_class_install_action (widget_class, "profile.save-card", NULL, card_action);
  gtk_widget_class_install_action (widget_class, "profile.print-card", NULL, card_action);
  gtk_widget_class_install_action (widget_class, "profile.recommend", NULL, _xf_profile_page_recommend_action);
  gtk_widget_class_install_action (widget_class, "profile.export-file", NULL, export_file_action);
  gtk_widget_class_install_property_action (widget_class, "profile.reveal-id", "reveal-id");
  gtk_widget_class_install_action (widget_class, "profile.reveal-personal", "s", reveal_personal_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "profile.edit", NULL);

  g_type_ensure (XF_TYPE_NAME_CARD);
  g_type_ensure (XF_TYPE_PROFILE_CARE_GROUP);
  g_type_ensure (XF_TYPE_PROFILE_CULTIVATION_GROUP);
  /* Not kept in the struct: found with gtk_widget_get_template_child (). */
  gtk_widget_class_bind_template_child_full (widget_class, "care_group", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "cultivation_group", FALSE, 0);
}

static void
xf_profile_page_init (XfProfilePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->details_rows = g_ptr_array_new ();
  self->honours_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();
  self->revealed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_actions (self);
}

/*
 * Public API
 */

GtkWidget *
xf_profile_page_new (XfRegistry *registry)
{
  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  return g_object_new (XF_TYPE_PROFILE_PAGE, "registry", registry, NULL);
}

void
xf_profile_page_set_pioneer_id (XfProfilePage *self,
                                gint64         id)
{
  g_return_if_fail (XF_IS_PROFILE_PAGE (self));
  g_return_if_fail (id >= 0);

  if (self->pioneer_id == id && self->pioneer != NULL)
    return;

  /* Opening another file leaves any edit in progress. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "editor") == 0)
    gtk_stack_set_visible_child_name (self->stack, "profile");

  self->pioneer_id = id;
  self->return_id = 0;
  self->reveal_id = FALSE;
  g_hash_table_remove_all (self->revealed);
  _xf_profile_page_reload (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PIONEER_ID]);
}

gint64
xf_profile_page_get_pioneer_id (XfProfilePage *self)
{
  g_return_val_if_fail (XF_IS_PROFILE_PAGE (self), 0);
  return self->pioneer_id;
}

void
xf_profile_page_new_pioneer (XfProfilePage *self,
                             const char    *kind)
{
  g_return_if_fail (XF_IS_PROFILE_PAGE (self));
  g_return_if_fail (g_strcmp0 (kind, "individual") == 0 || g_strcmp0 (kind, "collective") == 0);

  if (self->read_only)
    return;

  /* The page now shows no saved file: nothing to edit, archive or honour
   * (Ctrl+E must not swap the new form for the old file). */
  if (self->pioneer_id > 0)
    self->return_id = self->pioneer_id;
  g_clear_object (&self->pioneer);
  g_clear_object (&self->honours);
  update_actions (self);
  xf_pioneer_editor_create (XF_PIONEER_EDITOR (self->editor), kind);
  gtk_stack_set_visible_child_name (self->stack, "editor");
  if (self->pioneer_id != 0)
    {
      self->pioneer_id = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PIONEER_ID]);
    }
}

gboolean
xf_profile_page_get_read_only (XfProfilePage *self)
{
  g_return_val_if_fail (XF_IS_PROFILE_PAGE (self), FALSE);
  return self->read_only;
}

void
xf_profile_page_set_read_only (XfProfilePage *self,
                               gboolean       read_only)
{
  g_return_if_fail (XF_IS_PROFILE_PAGE (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READ_ONLY]);
}

void
xf_profile_page_refresh (XfProfilePage *self)
{
  GtkAdjustment *adjustment;
  double value;

  g_return_if_fail (XF_IS_PROFILE_PAGE (self));

  /* The form is the user's: it decides whether it may reload. */
  if (editor_shown (self))
    {
      xf_pioneer_editor_refresh (XF_PIONEER_EDITOR (self->editor));
      return;
    }
  if (self->pioneer == NULL)
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  value = gtk_adjustment_get_value (adjustment);
  _xf_profile_page_reload (self);
  gtk_adjustment_set_value (adjustment, value);
}

gboolean
xf_profile_page_has_unsaved_edits (XfProfilePage *self)
{
  g_return_val_if_fail (XF_IS_PROFILE_PAGE (self), FALSE);
  return editor_shown (self) &&
         xf_pioneer_editor_has_unsaved_edits (XF_PIONEER_EDITOR (self->editor));
}

void
xf_profile_page_confirm_discard (XfProfilePage       *self,
                                 XfEditorDiscardFunc  func,
                                 gpointer             user_data,
                                 GDestroyNotify       destroy)
{
  g_return_if_fail (XF_IS_PROFILE_PAGE (self));
  g_return_if_fail (func != NULL);

  if (editor_shown (self))
    {
      xf_pioneer_editor_confirm_discard (XF_PIONEER_EDITOR (self->editor), func, user_data, destroy);
      return;
    }
  func (TRUE, user_data);
  if (destroy != NULL)
    destroy (user_data);
}
