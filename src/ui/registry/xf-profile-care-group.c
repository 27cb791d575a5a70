/* xf-profile-care-group.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-profile-care-group"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-care-step-form.h"
#include "xf-care.h"
#include "xf-profile-care-group.h"
#include "xf-ui-util.h"

/* A long history shows its newest lines; the Care page has the rest. */
#define MAX_HISTORY_ROWS 50

struct _XfProfileCareGroup
{
  AdwPreferencesGroup  parent_instance;

  XfCare              *care;        /* for the registry last shown */
  gint64               pioneer_id;
  XfCareProfile       *profile;
  GPtrArray           *rows;
  guint                n_history;
  GtkWidget           *edit_button;
};

G_DEFINE_FINAL_TYPE (XfProfileCareGroup, xf_profile_care_group, ADW_TYPE_PREFERENCES_GROUP)

static void
add_message (XfProfileCareGroup *self,
             const char         *text)
{
  xf_preferences_group_add_row (ADW_PREFERENCES_GROUP (self), self->rows, xf_message_row_new ("care-empty", text));
}

static void
add_profile_row (XfProfileCareGroup *self)
{
  const XfCareProfile *profile = self->profile;
  g_autofree char *retired = NULL;
  g_autofree char *hardship = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  retired = profile->retired_on != NULL
            /* Translators: the care profile: the day the pioneer retired */
            ? g_strdup_printf (_("Retired on %s"), profile->retired_on)
            : g_strdup (_("Not retired"));
  hardship = profile->hardship
             /* Translators: the care profile: the hardship flag and since when */
             ? g_strdup_printf (_("in hardship since %s"), profile->hardship_since != NULL ? profile->hardship_since : "")
             : g_strdup (_("no hardship flag"));
  /* Translators: the care profile's line: retired or not, then the hardship flag */
  subtitle = g_strdup_printf (_("%s · %s"), retired, hardship);
  gtk_widget_set_name (row, "care-profile");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Care profile"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), profile->hardship ? "dialog-warning-symbolic"
                                                                        : "emoji-people-symbolic");
  if (profile->note != NULL && *profile->note != '\0')
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), xf_value_label_new (profile->note));
  xf_preferences_group_add_row (ADW_PREFERENCES_GROUP (self), self->rows, row);
}

static GtkWidget *
make_history_row (const XfCareHistoryItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  gtk_widget_set_name (row, "care-history");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->summary);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  subtitle = item->programme_name != NULL && *item->programme_name != '\0'
             /* Translators: a line of care history: the date, then the programme */
             ? g_strdup_printf (_("%s · %s"), item->on_date, item->programme_name)
             : g_strdup (item->on_date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (item->amount > 0)
    {
      g_autofree char *money = xf_money_format (item->amount);
      GtkWidget *label = gtk_label_new (money);

      gtk_widget_set_name (label, "amount");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

static void
fill (XfProfileCareGroup *self)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  XfRegistry *registry = self->care != NULL ? xf_care_get_registry (self->care) : NULL;

  xf_preferences_group_clear_rows (ADW_PREFERENCES_GROUP (self), self->rows);
  g_clear_pointer (&self->profile, xf_care_profile_free);
  self->n_history = 0;
  gtk_widget_set_visible (self->edit_button, FALSE);
  if (self->care == NULL || self->pioneer_id == 0)
    return;

  self->profile = xf_care_get_profile (self->care, self->pioneer_id, &error);
  if (self->profile == NULL)
    {
      add_message (self, error->message);
      return;
    }
  add_profile_row (self);
  gtk_widget_set_visible (self->edit_button,
                          xf_registry_check_id (registry, XF_OP_CARE_MANAGE, self->pioneer_id, NULL));

  history = xf_care_history (self->care, self->pioneer_id, &error);
  if (history == NULL)
    {
      add_message (self, error->message);
      return;
    }
  if (history->len == 0)
    add_message (self, _("No care recorded yet"));
  for (guint i = 0; i < history->len && i < MAX_HISTORY_ROWS; i++)
    {
      xf_preferences_group_add_row (ADW_PREFERENCES_GROUP (self), self->rows,
                                    make_history_row (g_ptr_array_index (history, i)));
      self->n_history++;
    }
  if (history->len > MAX_HISTORY_ROWS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u older line not shown",
                                                         "%u older lines not shown",
                                                         history->len - MAX_HISTORY_ROWS),
                                               history->len - MAX_HISTORY_ROWS);
      add_message (self, more);
    }
}

/*
 * Editing the care profile
 */

static gboolean
save_submit (XfCareStepForm *form,
             gpointer        data,
             GError        **error)
{
  XfProfileCareGroup *self = XF_PROFILE_CARE_GROUP (data);
  g_autoptr(XfCareProfile) profile = xf_care_profile_new (self->pioneer_id);
  g_autofree char *retired_on = xf_care_step_form_dup_text (form, "retired-on");

  profile->version = self->profile->version;
  profile->retired_on = retired_on[0] != '\0' ? g_steal_pointer (&retired_on) : NULL;
  profile->hardship = xf_care_step_form_get_selected (form, "hardship") == 1;
  profile->note = xf_care_step_form_dup_text (form, "note");
  if (!xf_care_save_profile (self->care, profile, error))
    return FALSE;
  fill (self);
  return TRUE;
}

static void
edit_cb (XfProfileCareGroup *self)
{
  const char *flags[] = { _("Not flagged"), _("In hardship"), NULL };
  XfCareStepForm *form;

  if (self->profile == NULL)
    return;
  form = xf_care_step_form_new (GTK_WIDGET (self), _("Care Profile"),
                                _("Eligibility for care programmes reads the day of retirement and "
                                  "the hardship flag. A finally approved hardship case sets the flag too."),
                                _("_Save"), FALSE);
  xf_care_step_form_set_submit (form, save_submit, g_object_ref (self), g_object_unref);
  xf_care_step_form_add_entry (form, "retired-on", N_("Retired on"), _("_Retired on (YYYY-MM-DD, empty: not retired)"),
                               self->profile->retired_on);
  xf_care_step_form_add_choice (form, "hardship", N_("Hardship"), _("_Hardship"), flags,
                                self->profile->hardship ? 1 : 0);
  xf_care_step_form_add_entry (form, "note", N_("Note"), _("_Note"), self->profile->note);
  gtk_window_present (GTK_WINDOW (form));
}

void
xf_profile_care_group_set_pioneer (XfProfileCareGroup *self,
                                   XfRegistry         *registry,
                                   gint64              pioneer_id)
{
  g_return_if_fail (XF_IS_PROFILE_CARE_GROUP (self));
  g_return_if_fail (registry == NULL || XF_IS_REGISTRY (registry));

  if (registry == NULL)
    g_clear_object (&self->care);
  else if (self->care == NULL || xf_care_get_registry (self->care) != registry)
    {
      g_clear_object (&self->care);
      self->care = xf_care_new (registry);
    }
  self->pioneer_id = pioneer_id;
  fill (self);
}

guint
xf_profile_care_group_get_n_history (XfProfileCareGroup *self)
{
  g_return_val_if_fail (XF_IS_PROFILE_CARE_GROUP (self), 0);

  return self->n_history;
}

static void
xf_profile_care_group_dispose (GObject *object)
{
  XfProfileCareGroup *self = XF_PROFILE_CARE_GROUP (object);

  g_clear_object (&self->care);
  g_clear_pointer (&self->profile, xf_care_profile_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (xf_profile_care_group_parent_class)->dispose (object);
}

static void
xf_profile_care_group_class_init (XfProfileCareGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xf_profile_care_group_dispose;
}

static void
xf_profile_care_group_init (XfProfileCareGroup *self)
{
  GtkWidget *content = adw_button_content_new ();

  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Care"));
  self->edit_button = gtk_button_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "document-edit-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Edit _care profile…"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (self->edit_button), content);
  gtk_widget_set_name (self->edit_button, "edit-care-profile");
  gtk_widget_set_valign (self->edit_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->edit_button, "flat");
  gtk_widget_set_visible (self->edit_button, FALSE);
  g_signal_connect_object (self->edit_button, "clicked", G_CALLBACK (edit_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->edit_button);
}

GtkWidget *
xf_profile_care_group_new (void)
{
  return g_object_new (XF_TYPE_PROFILE_CARE_GROUP, NULL);
}
