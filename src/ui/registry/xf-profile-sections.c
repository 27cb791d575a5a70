/* xf-profile-sections.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-profile-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-identity.h"
#include "xf-permission.h"
#include "xf-pioneer-fields.h"
#include "xf-profile-sections.h"
#include "xf-ui-util.h"

/* More history than this is rarely read on screen; the export has it all. */
#define MAX_HISTORY_ROWS 50

static GtkWidget *
property_row (const char *title,
              const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = xf_value_label_new (value ? value : _("Not set"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (value == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

/* The identity number is personal data: masked unless revealed. */
static char *
display_value (XfRegistry *registry,
               const char *property,
               const char *value,
               gboolean    reveal_id)
{
  if (g_str_equal (property, "id-number") && value != NULL && *value != '\0' && !reveal_id)
    return xf_identity_mask_id_number (value);
  return xf_pioneer_fields_display (registry, property, value);
}

static GtkWidget *
id_number_row (const char *value,
               gboolean    reveal_id)
{
  g_autofree char *shown = display_value (NULL, "id-number", value, reveal_id);
  GtkWidget *row = property_row (xf_pioneer_field_label ("id-number"), shown);
  GtkWidget *toggle;

  if (value == NULL || *value == '\0')
    return row;

  toggle = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (toggle),
                            reveal_id ? "view-conceal-symbolic" : "view-reveal-symbolic");
  gtk_widget_set_tooltip_text (toggle, reveal_id ? _("Hide identity number")
                                                 : _("Show identity number"));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (toggle, "flat");
  gtk_widget_set_name (toggle, "reveal_id_button");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (toggle), "profile.reveal-id");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  return row;
}

/* Whether the actor may reveal @pioneer's personal data: core decides when
 * asked; this only spares a button that could never work. */
static gboolean
may_reveal (XfRegistry *registry,
            XfPioneer  *pioneer)
{
  return xf_registry_check (registry, XF_OP_PERSONAL_REVEAL, pioneer, NULL);
}

/* A masked identity number or mobile: the masked text, or the plain value
 * once revealed, and a button to reveal it when the actor may. */
static GtkWidget *
masked_row (const char *property,
            const char *masked,
            const char *plain,
            gboolean    can_reveal)
{
  GtkWidget *row = property_row (xf_pioneer_field_label (property), plain != NULL ? plain : masked);
  g_autofree char *name = NULL;
  GtkWidget *button;

  if (plain != NULL || !can_reveal || masked == NULL || *masked == '\0')
    return row;

  button = gtk_button_new_from_icon_name ("view-reveal-symbolic");
  name = g_strdup_printf ("reveal_%s_button", property);
  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, _("Show the full number; this is recorded in the audit trail"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reveal"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "profile.reveal-personal");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", property);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

void
_xf_profile_fill_details (AdwPreferencesGroup *group,
                          GPtrArray           *rows,
                          XfRegistry          *registry,
                          XfPioneer           *pioneer,
                          gboolean             reveal_id,
                          GHashTable          *revealed)
{
  const char * const *fields = xf_pioneer_list_fields (xf_pioneer_get_kind (pioneer));
  gboolean tier_manual = FALSE;
  g_autofree char *tier = NULL;
  gboolean masked = xf_registry_masks_personal (registry, pioneer);
  gboolean can_reveal = masked && may_reveal (registry, pioneer);

  xf_preferences_group_clear_rows (group, rows);

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      const char *property = fields[i];
      XfFieldKind kind = xf_pioneer_fields_kind (property);
      g_autofree char *value = NULL;
      g_autofree char *shown = NULL;

      /* Long texts, photo and video are on the card; the tier comes below. */
      if (kind == XF_FIELD_HIDDEN || kind == XF_FIELD_LONG_TEXT ||
          g_str_equal (property, "photo") || g_str_equal (property, "video") ||
          g_str_has_prefix (property, "tier"))
        continue;

      value = xf_pioneer_dup_field (pioneer, property);
      if (masked && (g_str_equal (property, "id-number") || g_str_equal (property, "mobile")))
        {
          xf_preferences_group_add_row (group, rows, masked_row (property, value, g_hash_table_lookup (revealed, property),
                                                                 can_reveal));
          continue;
        }
      if (g_str_equal (property, "id-number"))
        {
          xf_preferences_group_add_row (group, rows, id_number_row (value, reveal_id));
          continue;
        }
      shown = display_value (registry, property, value, reveal_id);
      xf_preferences_group_add_row (group, rows, property_row (xf_pioneer_field_label (property), shown));
    }

  /* The tier, and why when it was set by hand. */
  g_object_get (pioneer, "tier-manual", &tier_manual, NULL);
  tier = xf_pioneer_fields_display (registry, "tier", xf_pioneer_get_tier (pioneer));
  if (tier_manual)
    {
      g_autofree char *reason = xf_pioneer_dup_field (pioneer, "tier-reason");
      g_autofree char *text = g_strdup_printf (_("%s (set by hand: %s)"), tier, reason ? reason : "");

      xf_preferences_group_add_row (group, rows, property_row (xf_pioneer_field_label ("tier"), text));
    }
  else
    xf_preferences_group_add_row (group, rows, property_row (xf_pioneer_field_label ("tier"), tier));
}

static char *
honour_subtitle (XfHonour *honour)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *body = xf_honour_get_conferring_body (honour);
  const char *certificate = xf_honour_get_certificate_no (honour);

  g_ptr_array_add (parts, g_strdup (xf_honour_level_label (xf_honour_get_level (honour))));
  g_ptr_array_add (parts, g_strdup_printf ("%d", xf_honour_get_year (honour)));
  if (body != NULL && *body != '\0')
    g_ptr_array_add (parts, g_strdup (body));
  if (certificate != NULL && *certificate != '\0')
    g_ptr_array_add (parts, g_strdup_printf (_("Certificate %s"), certificate));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

void
_xf_profile_fill_honours (AdwPreferencesGroup *group,
                          GPtrArray           *rows,
                          GListModel          *honours)
{
  guint n = honours ? g_list_model_get_n_items (honours) : 0;

  xf_preferences_group_clear_rows (group, rows);

  if (n == 0)
    {
      xf_preferences_group_add_row (group, rows, placeholder_row (_("No honours recorded yet")));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfHonour) honour = g_list_model_get_item (honours, i);
      g_autofree char *title = xf_honour_title_display (xf_honour_get_title (honour));
      g_autofree char *subtitle = honour_subtitle (honour);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "starred-symbolic");

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, _("Remove honour"));
      gtk_widget_add_css_class (remove, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "profile.remove-honour");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", xf_honour_get_id (honour));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      xf_preferences_group_add_row (group, rows, row);
    }
}

static char *
format_instant (gint64 microseconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (microseconds / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

void
_xf_profile_fill_history (AdwPreferencesGroup *group,
                          GPtrArray           *rows,
                          XfRegistry          *registry,
                          gint64               pioneer_id,
                          gboolean             reveal_id)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  xf_preferences_group_clear_rows (group, rows);

  changes = xf_registry_list_changes (registry, pioneer_id, &error);
  if (changes == NULL)
    {
      xf_preferences_group_add_row (group, rows, placeholder_row (error->message));
      return;
    }
  if (changes->len == 0)
    {
      xf_preferences_group_add_row (group, rows, placeholder_row (_("No changes recorded yet")));
      return;
    }

  for (guint i = 0; i < changes->len && i < MAX_HISTORY_ROWS; i++)
    {
      XfChange *change = g_ptr_array_index (changes, i);
      g_autofree char *old_value = display_value (registry, change->field, change->old_value, reveal_id);
      g_autofree char *new_value = display_value (registry, change->field, change->new_value, reveal_id);
      g_autofree char *when = format_instant (change->changed_at);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label;

      /* Translators: a change in a file's history, old value → new value. */
      subtitle = g_strdup_printf (_("%s → %s"),
                                  old_value ? old_value : _("(empty)"),
                                  new_value ? new_value : _("(empty)"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), xf_pioneer_field_label (change->field));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

      if (change->actor != NULL && *change->actor != '\0')
        {
          g_autofree char *by = g_strdup_printf (_("%s by %s"), when, change->actor);
          label = gtk_label_new (by);
        }
      else
        label = gtk_label_new (when);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      xf_preferences_group_add_row (group, rows, row);
    }

  if (changes->len > MAX_HISTORY_ROWS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u older change not shown",
                                                         "%u older changes not shown",
                                                         changes->len - MAX_HISTORY_ROWS),
                                               changes->len - MAX_HISTORY_ROWS);
      xf_preferences_group_add_row (group, rows, placeholder_row (more));
    }
}
