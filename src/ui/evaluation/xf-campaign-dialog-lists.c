/* xf-campaign-dialog-lists.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The campaign dialog's lists: scoring criteria, vetting departments and
 * committee members as expander rows, checklist items as entry rows, each
 * with a remove button, and the "Add" buttons of their groups.
 */

#define G_LOG_DOMAIN "xf-campaign-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-campaign-dialog-private.h"

/* One row of a list and the fields in it (those of its kind). */
typedef struct
{
  XfCampaignDialog *dialog;
  XfCampaignList    list;
  GtkWidget        *row;        /* AdwExpanderRow, or AdwEntryRow for the checklist */
  AdwEntryRow      *code;
  AdwEntryRow      *name;
  AdwEntryRow      *description;
  GtkSpinButton    *weight;
  GtkSpinButton    *max;
  GtkSpinButton    *days;
  AdwComboRow      *account;
  GtkCheckButton   *chair;
  AdwEntryRow      *employer;
  AdwEntryRow      *unit;
  AdwEntryRow      *relatives;
} XfCampaignItem;

static AdwPreferencesGroup *
group_of (XfCampaignDialog *self,
          XfCampaignList    list)
{
  switch (list)
    {
    case XF_CAMPAIGN_LIST_RUBRIC:
      return self->rubric_group;
    case XF_CAMPAIGN_LIST_VETTING:
      return self->vetting_group;
    case XF_CAMPAIGN_LIST_CHECKLIST:
      return self->checklist_group;
    case XF_CAMPAIGN_LIST_COMMITTEE:
    case XF_N_CAMPAIGN_LISTS:
    default:
      return self->committee_group;
    }
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (entry_text (row)));
}

/*
 * Building rows
 */

static AdwEntryRow *
add_entry (XfCampaignItem *item,
           const char     *title,
           const char     *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (item->row), row);
  return ADW_ENTRY_ROW (row);
}

static GtkSpinButton *
add_spin (XfCampaignItem *item,
          const char     *title,
          double          lower,
          double          upper,
          guint           digits,
          double          value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, digits > 0 ? 0.5 : 1);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (item->row), row);
  return GTK_SPIN_BUTTON (spin);
}

static void remove_item (XfCampaignItem *item);

static GtkWidget *
remove_button_new (XfCampaignItem *item,
                   const char     *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (remove_item), item);
  return button;
}

static XfCampaignItem *
item_new (XfCampaignDialog *self,
          XfCampaignList    list,
          gboolean          expander)
{
  XfCampaignItem *item = g_new0 (XfCampaignItem, 1);

  item->dialog = self;
  item->list = list;
  if (expander)
    item->row = adw_expander_row_new ();
  else
    item->row = adw_entry_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item->row), FALSE);
  g_ptr_array_add (self->items[list], item);
  return item;
}

static void
add_to_group (XfCampaignItem *item,
              const char     *remove_tooltip)
{
  GtkWidget *button = remove_button_new (item, remove_tooltip);

  if (ADW_IS_EXPANDER_ROW (item->row))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (item->row), button);
  else
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (item->row), button);
  adw_preferences_group_add (group_of (item->dialog, item->list), item->row);
}

/* The expander's title and subtitle say what is in it while it is closed. */
static void
update_summary (XfCampaignItem *item)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;

  switch (item->list)
    {
    case XF_CAMPAIGN_LIST_RUBRIC:
      name = stripped (item->name);
      /* Translators: a scoring criterion's summary: its weight and highest score */
      subtitle = g_strdup_printf (_("Weight %g, scored 0 to %g"),
                                  gtk_spin_button_get_value (item->weight),
                                  gtk_spin_button_get_value (item->max));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row),
                                     name[0] != '\0' ? name : _("New criterion"));
      break;
    case XF_CAMPAIGN_LIST_VETTING:
      name = stripped (item->name);
      subtitle = g_strdup_printf (ngettext ("Signs off within %d working day",
                                            "Signs off within %d working days",
                                            gtk_spin_button_get_value_as_int (item->days)),
                                  gtk_spin_button_get_value_as_int (item->days));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row),
                                     name[0] != '\0' ? name : _("New department"));
      break;
    case XF_CAMPAIGN_LIST_COMMITTEE:
      {
        GtkStringObject *account = adw_combo_row_get_selected_item (item->account);

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row),
                                       account != NULL ? gtk_string_object_get_string (account)
                                                       : _("No account chosen"));
        subtitle = g_strdup (gtk_check_button_get_active (item->chair) ? _("Chair") : _("Member"));
      }
      break;
    case XF_CAMPAIGN_LIST_CHECKLIST:
    case XF_N_CAMPAIGN_LISTS:
    default:
      return;
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (item->row), subtitle);
}

static void
remove_item (XfCampaignItem *item)
{
  XfCampaignDialog *self = item->dialog;

  adw_preferences_group_remove (group_of (self, item->list), item->row);
  if (item->chair != NULL && self->chair_group == item->chair)
    self->chair_group = NULL;
  /* Frees the item. */
  g_ptr_array_remove (self->items[item->list], item);
  /* The other members keep their radio group through the first one left. */
  if (self->chair_group == NULL && self->items[XF_CAMPAIGN_LIST_COMMITTEE]->len > 0)
    {
      XfCampaignItem *first = g_ptr_array_index (self->items[XF_CAMPAIGN_LIST_COMMITTEE], 0);

      self->chair_group = first->chair;
    }
}

static void
connect_summary (GObject        *object,
                 const char     *signal,
                 XfCampaignItem *item)
{
  g_signal_connect_swapped (object, signal, G_CALLBACK (update_summary), item);
}

static XfCampaignItem *
add_criterion (XfCampaignDialog  *self,
               const XfCriterion *criterion)
{
  XfCampaignItem *item = item_new (self, XF_CAMPAIGN_LIST_RUBRIC, TRUE);

  item->code = add_entry (item, _("Code"), criterion != NULL ? criterion->code : NULL);
  item->name = add_entry (item, _("Name"), criterion != NULL ? criterion->name : NULL);
  item->description = add_entry (item, _("Description"), criterion != NULL ? criterion->description : NULL);
  /* Translators: a criterion's weight, relative to the others' */
  item->weight = add_spin (item, _("Weight"), 0.5, 1000, 1, criterion != NULL ? criterion->weight : 10);
  item->max = add_spin (item, _("Highest score"), 1, 1000, 0, criterion != NULL ? criterion->max : 10);
  connect_summary (G_OBJECT (item->name), "changed", item);
  connect_summary (G_OBJECT (item->weight), "value-changed", item);
  connect_summary (G_OBJECT (item->max), "value-changed", item);
  update_summary (item);
  add_to_group (item, _("Remove criterion"));
  return item;
}

static XfCampaignItem *
add_department (XfCampaignDialog          *self,
                const XfVettingDepartment *department)
{
  XfCampaignItem *item = item_new (self, XF_CAMPAIGN_LIST_VETTING, TRUE);

  item->code = add_entry (item, _("Code"), department != NULL ? department->code : NULL);
  item->name = add_entry (item, _("Name"), department != NULL ? department->name : NULL);
  item->days = add_spin (item, _("Working days to sign off"), 1, 365, 0,
                         department != NULL ? department->days : 10);
  connect_summary (G_OBJECT (item->name), "changed", item);
  connect_summary (G_OBJECT (item->days), "value-changed", item);
  update_summary (item);
  add_to_group (item, _("Remove department"));
  return item;
}

static XfCampaignItem *
add_checklist_item (XfCampaignDialog *self,
                    const char       *text)
{
  XfCampaignItem *item = item_new (self, XF_CAMPAIGN_LIST_CHECKLIST, FALSE);

  item->name = ADW_ENTRY_ROW (item->row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row), _("Checklist item"));
  gtk_editable_set_text (GTK_EDITABLE (item->row), text != NULL ? text : "");
  add_to_group (item, _("Remove item"));
  return item;
}

/*
 * Committee members
 */

static guint
account_position (XfCampaignDialog *self,
                  gint64            account_id)
{
  for (guint i = 0; self->accounts != NULL && i < self->accounts->len; i++)
    if (xf_account_get_id (g_ptr_array_index (self->accounts, i)) == account_id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Relatives are kept one per line; the row shows them separated by commas. */
static char *
relatives_to_text (const char *relatives)
{
  g_auto(GStrv) lines = g_strsplit (relatives != NULL ? relatives : "", "\n", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_strstrip (lines[i])[0] != '\0')
      g_ptr_array_add (kept, lines[i]);
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (", ", (char **) kept->pdata);
}

static char *
relatives_from_text (const char *text)
{
  GString *out = g_string_new (NULL);
  g_autofree char *copy = g_strdup (text);
  char *p;

  /* Commas, enumeration commas and semicolons of both widths, or lines. */
  for (p = copy; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ',' || c == ';' || c == 0xFF0C || c == 0x3001 || c == 0xFF1B || c == '\n')
        {
          /* Every separator is one byte or three; mark them all with a line break. */
          gsize len = g_utf8_next_char (p) - p;

          memset (p, '\n', len);
        }
    }
  {
    g_auto(GStrv) parts = g_strsplit (copy, "\n", -1);

    for (guint i = 0; parts[i] != NULL; i++)
      if (g_strstrip (parts[i])[0] != '\0')
        {
          if (out->len > 0)
            g_string_append_c (out, '\n');
          g_string_append (out, parts[i]);
        }
  }
  return g_string_free (out, out->len == 0);
}

static XfCampaignItem *
add_member (XfCampaignDialog        *self,
            const XfCommitteeMember *member)
{
  XfCampaignItem *item = item_new (self, XF_CAMPAIGN_LIST_COMMITTEE, TRUE);
  GtkWidget *account = adw_combo_row_new ();
  GtkWidget *chair_row = adw_action_row_new ();
  GtkWidget *chair = gtk_check_button_new ();
  g_autofree char *relatives = relatives_to_text (member->relatives);
  guint position = account_position (self, member->account_id);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (account), _("Account"));
  adw_combo_row_set_model (ADW_COMBO_ROW (account), G_LIST_MODEL (self->account_names));
  if (position != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (ADW_COMBO_ROW (account), position);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (item->row), account);
  item->account = ADW_COMBO_ROW (account);

  /* One chair: the members' checks are one radio group. */
  gtk_widget_set_valign (chair, GTK_ALIGN_CENTER);
  if (self->chair_group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (chair), self->chair_group);
  else
    self->chair_group = GTK_CHECK_BUTTON (chair);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (chair), member->is_chair);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (chair_row), _("Chair"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (chair_row), _("Opens and closes the rounds, sees progress and breaks ties"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (chair_row), chair);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (chair_row), chair);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (item->row), chair_row);
  item->chair = GTK_CHECK_BUTTON (chair);

  item->employer = add_entry (item, _("Employer"), member->employer);
  item->unit = add_entry (item, _("Unit"), member->unit);
  item->relatives = add_entry (item, _("Relatives (names or identity numbers, separated by commas)"), relatives);

  connect_summary (G_OBJECT (account), "notify::selected", item);
  connect_summary (G_OBJECT (chair), "toggled", item);
  update_summary (item);
  add_to_group (item, _("Remove member"));
  return item;
}

static gboolean
has_member (XfCampaignDialog *self,
            gint64            account_id)
{
  GPtrArray *items = self->items[XF_CAMPAIGN_LIST_COMMITTEE];

  for (guint i = 0; i < items->len; i++)
    {
      XfCampaignItem *item = g_ptr_array_index (items, i);
      guint position = adw_combo_row_get_selected (item->account);

      if (position != GTK_INVALID_LIST_POSITION &&
          xf_account_get_id (g_ptr_array_index (self->accounts, position)) == account_id)
        return TRUE;
    }
  return FALSE;
}

gboolean
xf_campaign_dialog_add_member (XfCampaignDialog *self,
                               gint64            account_id,
                               gboolean          is_chair)
{
  g_autoptr(XfCommitteeMember) member = NULL;
  XfCampaignItem *item;

  g_return_val_if_fail (XF_IS_CAMPAIGN_DIALOG (self), FALSE);

  if (!self->may_set_committee || self->accounts == NULL)
    return FALSE;
  /* The first account not yet on the committee. */
  for (guint i = 0; account_id == 0 && i < self->accounts->len; i++)
    {
      gint64 id = xf_account_get_id (g_ptr_array_index (self->accounts, i));

      if (!has_member (self, id))
        account_id = id;
    }
  if (account_id == 0 || account_position (self, account_id) == GTK_INVALID_LIST_POSITION)
    return FALSE;

  /* The first member chairs until another is chosen. */
  member = xf_committee_member_new (account_id,
                                    is_chair || self->items[XF_CAMPAIGN_LIST_COMMITTEE]->len == 0);
  item = add_member (self, member);
  if (is_chair)
    gtk_check_button_set_active (item->chair, TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (item->row), TRUE);
  return TRUE;
}

/*
 * Filling and collecting
 */

static void
clear_list (XfCampaignDialog *self,
            XfCampaignList    list)
{
  while (self->items[list]->len > 0)
    remove_item (g_ptr_array_index (self->items[list], self->items[list]->len - 1));
}

void
_xf_campaign_dialog_fill_lists (XfCampaignDialog *self,
                                XfCampaign       *campaign)
{
  GPtrArray *rubric = xf_campaign_get_rubric (campaign);
  GPtrArray *vetting = xf_campaign_get_vetting (campaign);
  GPtrArray *checklist = xf_campaign_get_checklist (campaign);
  GPtrArray *committee = xf_campaign_get_committee (campaign);

  for (guint list = 0; list < XF_N_CAMPAIGN_LISTS; list++)
    clear_list (self, list);
  for (guint i = 0; i < rubric->len; i++)
    add_criterion (self, g_ptr_array_index (rubric, i));
  for (guint i = 0; i < vetting->len; i++)
    add_department (self, g_ptr_array_index (vetting, i));
  for (guint i = 0; i < checklist->len; i++)
    add_checklist_item (self, g_ptr_array_index (checklist, i));
  for (guint i = 0; self->may_set_committee && i < committee->len; i++)
    add_member (self, g_ptr_array_index (committee, i));
}

void
_xf_campaign_dialog_collect_lists (XfCampaignDialog *self,
                                   XfCampaign       *campaign)
{
  GPtrArray *rubric = xf_campaign_get_rubric (campaign);
  GPtrArray *vetting = xf_campaign_get_vetting (campaign);
  GPtrArray *checklist = xf_campaign_get_checklist (campaign);

  /* Empty codes and names go to core as they are: it names what is missing. */
  g_ptr_array_set_size (rubric, 0);
  for (guint i = 0; i < self->items[XF_CAMPAIGN_LIST_RUBRIC]->len; i++)
    {
      XfCampaignItem *item = g_ptr_array_index (self->items[XF_CAMPAIGN_LIST_RUBRIC], i);
      g_autofree char *code = stripped (item->code);
      g_autofree char *name = stripped (item->name);
      g_autofree char *description = stripped (item->description);

      g_ptr_array_add (rubric, xf_criterion_new (code, name, description,
                                                 gtk_spin_button_get_value (item->weight),
                                                 gtk_spin_button_get_value (item->max)));
    }

  g_ptr_array_set_size (vetting, 0);
  for (guint i = 0; i < self->items[XF_CAMPAIGN_LIST_VETTING]->len; i++)
    {
      XfCampaignItem *item = g_ptr_array_index (self->items[XF_CAMPAIGN_LIST_VETTING], i);
      g_autofree char *code = stripped (item->code);
      g_autofree char *name = stripped (item->name);

      g_ptr_array_add (vetting, xf_vetting_department_new (code, name,
                                                           gtk_spin_button_get_value_as_int (item->days)));
    }

  g_ptr_array_set_size (checklist, 0);
  for (guint i = 0; i < self->items[XF_CAMPAIGN_LIST_CHECKLIST]->len; i++)
    {
      XfCampaignItem *item = g_ptr_array_index (self->items[XF_CAMPAIGN_LIST_CHECKLIST], i);

      g_ptr_array_add (checklist, stripped (item->name));
    }
}

static char *
nullable_text (AdwEntryRow *row)
{
  char *text = stripped (row);

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

GPtrArray *
_xf_campaign_dialog_collect_committee (XfCampaignDialog *self)
{
  GPtrArray *members = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_committee_member_free);
  GPtrArray *items = self->items[XF_CAMPAIGN_LIST_COMMITTEE];

  for (guint i = 0; i < items->len; i++)
    {
      XfCampaignItem *item = g_ptr_array_index (items, i);
      guint position = adw_combo_row_get_selected (item->account);
      XfCommitteeMember *member;

      if (position == GTK_INVALID_LIST_POSITION)
        continue;
      member = xf_committee_member_new (xf_account_get_id (g_ptr_array_index (self->accounts, position)),
                                        gtk_check_button_get_active (item->chair));
      member->employer = nullable_text (item->employer);
      member->unit = nullable_text (item->unit);
      member->relatives = relatives_from_text (entry_text (item->relatives));
      g_ptr_array_add (members, member);
    }
  return members;
}

GtkWidget *
_xf_campaign_dialog_list_first_row (XfCampaignDialog *self,
                                    XfCampaignList    list)
{
  XfCampaignItem *item;

  if (self->items[list]->len == 0)
    return NULL;
  item = g_ptr_array_index (self->items[list], 0);
  return item->row;
}

/*
 * Actions
 */

static void
add_criterion_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XfCampaignItem *item = add_criterion (XF_CAMPAIGN_DIALOG (widget), NULL);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (item->row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (item->code));
}

static void
add_department_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  XfCampaignItem *item = add_department (XF_CAMPAIGN_DIALOG (widget), NULL);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (item->row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (item->code));
}

static void
add_checklist_item_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  XfCampaignItem *item = add_checklist_item (XF_CAMPAIGN_DIALOG (widget), NULL);

  gtk_widget_grab_focus (item->row);
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XfCampaignDialog *self = XF_CAMPAIGN_DIALOG (widget);

  if (!xf_campaign_dialog_add_member (self, 0, FALSE))
    {
      gtk_label_set_label (self->error_label, _("Every reviewer account is on the committee already."));
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
    }
}

void
_xf_campaign_dialog_init_lists (XfCampaignDialog *self)
{
  for (guint list = 0; list < XF_N_CAMPAIGN_LISTS; list++)
    self->items[list] = g_ptr_array_new_with_free_func (g_free);
}

/* Before the rows go: nothing they emit while disposed reaches a freed item. */
static void
disconnect_item (XfCampaignItem *item)
{
  gpointer objects[] = { item->name, item->weight, item->max, item->days, item->account, item->chair };

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    if (objects[i] != NULL)
      g_signal_handlers_disconnect_by_data (objects[i], item);
}

void
_xf_campaign_dialog_free_lists (XfCampaignDialog *self)
{
  for (guint list = 0; list < XF_N_CAMPAIGN_LISTS; list++)
    {
      for (guint i = 0; self->items[list] != NULL && i < self->items[list]->len; i++)
        disconnect_item (g_ptr_array_index (self->items[list], i));
      g_clear_pointer (&self->items[list], g_ptr_array_unref);
    }
  self->chair_group = NULL;
}

void
_xf_campaign_dialog_lists_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "campaign.add-criterion", NULL, add_criterion_action);
  gtk_widget_class_install_action (widget_class, "campaign.add-department", NULL, add_department_action);
  gtk_widget_class_install_action (widget_class, "campaign.add-checklist-item", NULL, add_checklist_item_action);
  gtk_widget_class_install_action (widget_class, "campaign.add-member", NULL, add_member_action);
}

guint
xf_campaign_dialog_get_n_criteria (XfCampaignDialog *self)
{
  g_return_val_if_fail (XF_IS_CAMPAIGN_DIALOG (self), 0);
  return self->items[XF_CAMPAIGN_LIST_RUBRIC]->len;
}

guint
xf_campaign_dialog_get_n_members (XfCampaignDialog *self)
{
  g_return_val_if_fail (XF_IS_CAMPAIGN_DIALOG (self), 0);
  return self->items[XF_CAMPAIGN_LIST_COMMITTEE]->len;
}
