/* xf-campaign-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The campaign dialog's fields, the stage plan's sum, saving and core's
 * refusals. The lists are in xf-campaign-dialog-lists.c.
 */

#define G_LOG_DOMAIN "xf-campaign-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-accounts.h"
#include "xf-campaign-dialog-private.h"
#include "xf-clock.h"
#include "xf-honour.h"

G_DEFINE_FINAL_TYPE (XfCampaignDialog, xf_campaign_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const char * const levels[] = { "national", "provincial", "city", "county" };
static const char * const tie_rules[] = { "chair", "votes" };
static const char * const aggregations[] = { "mean", "trimmed-mean" };

static guint
index_of (const char * const *codes,
          guint               n_codes,
          const char         *code)
{
  for (guint i = 0; i < n_codes; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      return i;
  return 0;
}

static const char *
code_at (const char * const *codes,
         guint               n_codes,
         AdwComboRow        *row)
{
  guint position = adw_combo_row_get_selected (row);

  return position < n_codes ? codes[position] : codes[0];
}

/*
 * Messages and marked fields
 */

static void
set_error_text (XfCampaignDialog *self,
                const char       *text)
{
  gtk_label_set_label (self->error_label, text != NULL ? text : "");
  gtk_revealer_set_reveal_child (self->error_revealer, text != NULL);
}

/* The rows a message may point at, by the property core names. */
typedef struct
{
  const char *property;
  GtkWidget  *row;
  GtkWidget  *focus;
} FieldRow;

static guint
field_rows (XfCampaignDialog *self,
            FieldRow         *rows)
{
  const FieldRow all[] = {
    { "title", GTK_WIDGET (self->title_row), GTK_WIDGET (self->title_row) },
    { "year", self->year_row, GTK_WIDGET (self->year_spin) },
    { "level", GTK_WIDGET (self->level_row), GTK_WIDGET (self->level_row) },
    { "organisation-id", self->organiser_row, GTK_WIDGET (self->organiser_dropdown) },
    { "region-codes", GTK_WIDGET (self->regions_row), GTK_WIDGET (self->regions_row) },
    { "organisation-codes", GTK_WIDGET (self->organisations_row), GTK_WIDGET (self->organisations_row) },
    { "quota", self->quota_row, GTK_WIDGET (self->quota_spin) },
    { "quorum", self->quorum_row, GTK_WIDGET (self->quorum_num_spin) },
    { "pass", self->pass_row, GTK_WIDGET (self->pass_num_spin) },
    { "tie-rule", GTK_WIDGET (self->tie_row), GTK_WIDGET (self->tie_row) },
    { "aggregation", GTK_WIDGET (self->aggregation_row), GTK_WIDGET (self->aggregation_row) },
    { "normalise", self->normalise_row, GTK_WIDGET (self->normalise_switch) },
    { "promise-days", self->promise_row, GTK_WIDGET (self->promise_spin) },
    { "preliminary-days", self->preliminary_row, GTK_WIDGET (self->preliminary_spin) },
    { "committee-days", self->committee_row, GTK_WIDGET (self->committee_spin) },
    { "notice-days", self->notice_row, GTK_WIDGET (self->notice_spin) },
    { "decision-days", self->decision_row, GTK_WIDGET (self->decision_spin) },
    { "min-notice-days", self->min_notice_row, GTK_WIDGET (self->min_notice_spin) },
    { "opens-on", self->opens_row, GTK_WIDGET (self->opens_button) },
    { "closes-on", self->closes_row, GTK_WIDGET (self->closes_button) },
    { "eligibility", self->min_age_row, GTK_WIDGET (self->min_age_spin) },
    { "rubric", _xf_campaign_dialog_list_first_row (self, XF_CAMPAIGN_LIST_RUBRIC), NULL },
    { "vetting", _xf_campaign_dialog_list_first_row (self, XF_CAMPAIGN_LIST_VETTING), NULL },
    { "checklist", _xf_campaign_dialog_list_first_row (self, XF_CAMPAIGN_LIST_CHECKLIST), NULL },
    { "committee", _xf_campaign_dialog_list_first_row (self, XF_CAMPAIGN_LIST_COMMITTEE), NULL },
  };

  memcpy (rows, all, sizeof all);
  return G_N_ELEMENTS (all);
}

#define N_FIELD_ROWS 25

static void
clear_marks (XfCampaignDialog *self)
{
  FieldRow rows[N_FIELD_ROWS];
  guint n = field_rows (self, rows);

  for (guint i = 0; i < n; i++)
    if (rows[i].row != NULL)
      gtk_widget_remove_css_class (rows[i].row, "error");
  set_error_text (self, NULL);
}

/* Core's messages start with the field's label ("Promise is 32 working
 * days, but…"): that field's row is marked and focused. The longest label
 * that fits wins ("Committee review budget" over "Committee"). */
static void
show_error (XfCampaignDialog *self,
            const char       *message)
{
  FieldRow rows[N_FIELD_ROWS];
  guint n = field_rows (self, rows);
  const FieldRow *best = NULL;
  gsize best_len = 0;

  set_error_text (self, message);
  for (guint i = 0; i < n; i++)
    {
      const char *label = xf_campaign_field_label (rows[i].property);
      gsize len = strlen (label);

      if (rows[i].row != NULL && len > best_len && g_str_has_prefix (message, label))
        {
          best = &rows[i];
          best_len = len;
        }
    }
  if (best == NULL)
    return;
  gtk_widget_add_css_class (best->row, "error");
  gtk_widget_grab_focus (best->focus != NULL ? best->focus : best->row);
}

/*
 * The stage plan
 */

static int
spin_int (GtkSpinButton *spin)
{
  /* What is typed counts, even before the spin button takes it. */
  gtk_spin_button_update (spin);
  return gtk_spin_button_get_value_as_int (spin);
}

static void
update_plan (XfCampaignDialog *self)
{
  int preliminary = spin_int (self->preliminary_spin);
  int committee = spin_int (self->committee_spin);
  int notice = spin_int (self->notice_spin);
  int decision = spin_int (self->decision_spin);
  int promise = spin_int (self->promise_spin);
  int sum = preliminary + committee + notice + decision;
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->plan_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->plan_label), "error");
  if (sum == promise)
    {
      /* Translators: the stage plan's sum, "10 + 10 + 6 + 6 = 32 working days, as promised" */
      text = g_strdup_printf (ngettext ("%d + %d + %d + %d = %d working day, as promised",
                                        "%d + %d + %d + %d = %d working days, as promised", sum),
                              preliminary, committee, notice, decision, sum);
      gtk_widget_add_css_class (GTK_WIDGET (self->plan_label), "success");
    }
  else
    {
      g_autofree char *sum_text =
        /* Translators: the stage plan's sum when it misses the promise; followed by "but the promise is …" */
        g_strdup_printf (ngettext ("%d + %d + %d + %d = %d working day",
                                   "%d + %d + %d + %d = %d working days", sum),
                         preliminary, committee, notice, decision, sum);

      /* Translators: %s is the stage plan's sum, "10 + 10 + 6 + 5 = 31 working days"; %d the promise */
      text = g_strdup_printf (_("%s, but the promise is %d"), sum_text, promise);
      gtk_widget_add_css_class (GTK_WIDGET (self->plan_label), "error");
    }
  gtk_label_set_label (self->plan_label, text);
}

/* A new campaign's plan follows its level's defaults (31 county, 32 city). */
static void
apply_level_defaults (XfCampaignDialog *self)
{
  const char *level = code_at (levels, G_N_ELEMENTS (levels), self->level_row);
  g_autoptr(XfCampaign) defaults = xf_campaign_new (spin_int (self->year_spin), NULL, level);

  gtk_spin_button_set_value (self->promise_spin, xf_campaign_get_promise_days (defaults));
  gtk_spin_button_set_value (self->preliminary_spin, xf_campaign_get_stage_budget (defaults, "preliminary"));
  gtk_spin_button_set_value (self->committee_spin, xf_campaign_get_stage_budget (defaults, "committee"));
  gtk_spin_button_set_value (self->notice_spin, xf_campaign_get_stage_budget (defaults, "notice"));
  gtk_spin_button_set_value (self->decision_spin, xf_campaign_get_stage_budget (defaults, "decision"));
}

/* The rows name the dates: a button says "Not set" only while it is. */
static void
update_date_buttons (XfCampaignDialog *self)
{
  XfDateButton *buttons[] = { self->opens_button, self->closes_button };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    xf_date_button_set_placeholder (buttons[i],
                                    xf_date_button_get_date (buttons[i]) != NULL ? NULL : _("Not set"));
}

static void
field_changed_cb (XfCampaignDialog *self)
{
  g_assert (XF_IS_CAMPAIGN_DIALOG (self));

  if (self->filling || self->campaign == NULL)
    return;
  update_date_buttons (self);
  update_plan (self);
}

static void
level_changed_cb (XfCampaignDialog *self)
{
  if (self->filling || self->campaign == NULL)
    return;
  if (xf_campaign_get_id (self->campaign) == 0)
    apply_level_defaults (self);
  update_plan (self);
}

/*
 * Reading the campaign into the form, and back
 */

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static guint
organisation_position (XfCampaignDialog *self,
                       gint64            organisation_id)
{
  for (guint i = 0; i < self->organisation_ids->len; i++)
    if (g_array_index (self->organisation_ids, gint64, i) == organisation_id)
      return i;
  return 0;
}

static void
fill_form (XfCampaignDialog *self)
{
  XfCampaign *campaign = self->campaign;
  XfEligibility *eligibility = xf_campaign_get_eligibility (campaign);
  int num, den;

  self->filling = TRUE;
  set_text (self->title_row, xf_campaign_get_title (campaign));
  gtk_spin_button_set_value (self->year_spin, xf_campaign_get_year (campaign));
  adw_combo_row_set_selected (self->level_row, index_of (levels, G_N_ELEMENTS (levels),
                                                         xf_campaign_get_level (campaign)));
  gtk_drop_down_set_selected (self->organiser_dropdown,
                              organisation_position (self, xf_campaign_get_organisation_id (campaign)));
  gtk_spin_button_set_value (self->quota_spin, xf_campaign_get_quota (campaign));
  xf_date_button_set_date (self->opens_button, xf_campaign_get_opens_on (campaign));
  xf_date_button_set_date (self->closes_button, xf_campaign_get_closes_on (campaign));
  set_text (self->regions_row, xf_campaign_get_region_codes (campaign));
  set_text (self->organisations_row, xf_campaign_get_organisation_codes (campaign));

  gtk_spin_button_set_value (self->promise_spin, xf_campaign_get_promise_days (campaign));
  gtk_spin_button_set_value (self->preliminary_spin, xf_campaign_get_stage_budget (campaign, "preliminary"));
  gtk_spin_button_set_value (self->committee_spin, xf_campaign_get_stage_budget (campaign, "committee"));
  gtk_spin_button_set_value (self->notice_spin, xf_campaign_get_stage_budget (campaign, "notice"));
  gtk_spin_button_set_value (self->decision_spin, xf_campaign_get_stage_budget (campaign, "decision"));
  gtk_spin_button_set_value (self->min_notice_spin, xf_campaign_get_min_notice_days (campaign));

  xf_campaign_get_quorum (campaign, &num, &den);
  gtk_spin_button_set_value (self->quorum_num_spin, num);
  gtk_spin_button_set_value (self->quorum_den_spin, den);
  xf_campaign_get_pass (campaign, &num, &den);
  gtk_spin_button_set_value (self->pass_num_spin, num);
  gtk_spin_button_set_value (self->pass_den_spin, den);
  adw_combo_row_set_selected (self->tie_row, index_of (tie_rules, G_N_ELEMENTS (tie_rules),
                                                       xf_campaign_get_tie_rule (campaign)));
  adw_combo_row_set_selected (self->aggregation_row,
                              index_of (aggregations, G_N_ELEMENTS (aggregations),
                                        xf_campaign_get_aggregation (campaign)));
  gtk_switch_set_active (self->normalise_switch, xf_campaign_get_normalise (campaign));

  gtk_spin_button_set_value (self->min_age_spin, eligibility != NULL ? eligibility->min_age : 0);
  gtk_spin_button_set_value (self->max_age_spin, eligibility != NULL ? eligibility->max_age : 0);
  gtk_spin_button_set_value (self->service_spin, eligibility != NULL ? eligibility->min_service_years : 0);
  gtk_switch_set_active (self->exclude_switch, eligibility != NULL && eligibility->exclude_holders);

  _xf_campaign_dialog_fill_lists (self, campaign);
  self->filling = FALSE;
  update_date_buttons (self);
  update_plan (self);
}

static char *
entry_value (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* A copy of the campaign with what the form says. */
static XfCampaign *
collect (XfCampaignDialog *self)
{
  XfCampaign *campaign = xf_campaign_copy (self->campaign);
  g_autoptr(XfEligibility) eligibility = NULL;
  g_autofree char *title = entry_value (self->title_row);
  g_autofree char *regions = entry_value (self->regions_row);
  g_autofree char *organisations = entry_value (self->organisations_row);
  guint organiser = gtk_drop_down_get_selected (self->organiser_dropdown);

  xf_campaign_set_title (campaign, title);
  xf_campaign_set_year (campaign, spin_int (self->year_spin));
  xf_campaign_set_level (campaign, code_at (levels, G_N_ELEMENTS (levels), self->level_row));
  xf_campaign_set_organisation_id (campaign,
                                   organiser < self->organisation_ids->len
                                   ? g_array_index (self->organisation_ids, gint64, organiser) : 0);
  xf_campaign_set_quota (campaign, spin_int (self->quota_spin));
  xf_campaign_set_opens_on (campaign, xf_date_button_get_date (self->opens_button));
  xf_campaign_set_closes_on (campaign, xf_date_button_get_date (self->closes_button));
  xf_campaign_set_region_codes (campaign, regions);
  xf_campaign_set_organisation_codes (campaign, organisations);

  xf_campaign_set_promise_days (campaign, spin_int (self->promise_spin));
  xf_campaign_set_stage_budget (campaign, "preliminary", spin_int (self->preliminary_spin));
  xf_campaign_set_stage_budget (campaign, "committee", spin_int (self->committee_spin));
  xf_campaign_set_stage_budget (campaign, "notice", spin_int (self->notice_spin));
  xf_campaign_set_stage_budget (campaign, "decision", spin_int (self->decision_spin));
  xf_campaign_set_min_notice_days (campaign, spin_int (self->min_notice_spin));

  xf_campaign_set_quorum (campaign, spin_int (self->quorum_num_spin), spin_int (self->quorum_den_spin));
  xf_campaign_set_pass (campaign, spin_int (self->pass_num_spin), spin_int (self->pass_den_spin));
  xf_campaign_set_tie_rule (campaign, code_at (tie_rules, G_N_ELEMENTS (tie_rules), self->tie_row));
  xf_campaign_set_aggregation (campaign, code_at (aggregations, G_N_ELEMENTS (aggregations),
                                                  self->aggregation_row));
  xf_campaign_set_normalise (campaign, gtk_switch_get_active (self->normalise_switch));

  /* Eligibility keeps the rules the form does not show (levels, titles, kinds). */
  eligibility = xf_campaign_get_eligibility (campaign) != NULL
                ? xf_eligibility_copy (xf_campaign_get_eligibility (campaign))
                : xf_eligibility_new ();
  eligibility->min_age = spin_int (self->min_age_spin);
  eligibility->max_age = spin_int (self->max_age_spin);
  eligibility->min_service_years = spin_int (self->service_spin);
  eligibility->exclude_holders = gtk_switch_get_active (self->exclude_switch);
  xf_campaign_set_eligibility (campaign, eligibility);

  _xf_campaign_dialog_collect_lists (self, campaign);
  return campaign;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a != NULL && *a != '\0' ? a : NULL, b != NULL && *b != '\0' ? b : NULL) == 0;
}

static gboolean
committee_changed (XfCampaignDialog *self,
                   GPtrArray        *members)
{
  if (self->loaded_committee == NULL || members->len != self->loaded_committee->len)
    return TRUE;
  for (guint i = 0; i < members->len; i++)
    {
      const XfCommitteeMember *a = g_ptr_array_index (members, i);
      const XfCommitteeMember *b = g_ptr_array_index (self->loaded_committee, i);

      if (a->account_id != b->account_id || !a->is_chair != !b->is_chair ||
          !same_text (a->employer, b->employer) || !same_text (a->unit, b->unit) ||
          !same_text (a->relatives, b->relatives))
        return TRUE;
    }
  return FALSE;
}

static void
keep_committee (XfCampaignDialog *self,
                GPtrArray        *members)
{
  g_clear_pointer (&self->loaded_committee, g_ptr_array_unref);
  self->loaded_committee = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_committee_member_free);
  for (guint i = 0; i < members->len; i++)
    g_ptr_array_add (self->loaded_committee, xf_committee_member_copy (g_ptr_array_index (members, i)));
}

static void
update_title (XfCampaignDialog *self)
{
  gboolean is_new = xf_campaign_get_id (self->campaign) == 0;

  adw_window_title_set_title (self->window_title, is_new ? _("New campaign") : _("Edit campaign"));
  adw_window_title_set_subtitle (self->window_title,
                                 is_new ? NULL : xf_campaign_status_label (xf_campaign_get_status (self->campaign)));
}

gboolean
xf_campaign_dialog_save (XfCampaignDialog *self)
{
  g_autoptr(XfCampaign) campaign = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (XF_IS_CAMPAIGN_DIALOG (self), FALSE);

  clear_marks (self);
  campaign = collect (self);
  if (!xf_evaluation_save_campaign (self->evaluation, campaign, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  /* Saved: a second Save updates it, with its new version. */
  id = xf_campaign_get_id (campaign);
  g_set_object (&self->campaign, campaign);
  update_title (self);

  members = _xf_campaign_dialog_collect_committee (self);
  if (self->may_set_committee && committee_changed (self, members) &&
      !(self->loaded_committee == NULL && members->len == 0))
    {
      if (!xf_evaluation_set_committee (self->evaluation, id, members, &error))
        {
          /* Translators: %s is core's reason; the rest of the campaign was saved */
          g_autofree char *message = g_strdup_printf (_("The campaign is saved, but not its committee. %s"),
                                                      error->message);

          set_error_text (self, message);
          if (_xf_campaign_dialog_list_first_row (self, XF_CAMPAIGN_LIST_COMMITTEE) != NULL)
            gtk_widget_add_css_class (_xf_campaign_dialog_list_first_row (self, XF_CAMPAIGN_LIST_COMMITTEE),
                                      "error");
          return FALSE;
        }
      keep_committee (self, members);
    }

  g_signal_emit (self, signals [SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  xf_campaign_dialog_save (XF_CAMPAIGN_DIALOG (widget));
}

const char *
xf_campaign_dialog_get_error (XfCampaignDialog *self)
{
  g_return_val_if_fail (XF_IS_CAMPAIGN_DIALOG (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_label (self->error_label);
}

/*
 * Choices: levels, rules, organisations and the accounts a committee may have
 */

static void
set_choices (AdwComboRow        *row,
             const char * const *codes,
             guint               n_codes,
             const char *      (*label_of) (const char *code))
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_codes; i++)
    gtk_string_list_append (labels, label_of (codes[i]));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static void
load_organisations (XfCampaignDialog *self)
{
  XfRegistry *registry = xf_evaluation_get_registry (self->evaluation);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) organisations = xf_registry_list_organisations (registry, NULL);
  g_autoptr(GtkExpression) expression = NULL;
  gint64 none = 0;

  self->organisation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* Translators: no organiser chosen for a campaign */
  gtk_string_list_append (names, _("None"));
  g_array_append_val (self->organisation_ids, none);
  for (guint i = 0; organisations != NULL && i < organisations->len; i++)
    {
      const XfOrganisationInfo *info = g_ptr_array_index (organisations, i);

      gtk_string_list_append (names, info->name);
      g_array_append_val (self->organisation_ids, info->id);
    }
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->organiser_dropdown, expression);
  gtk_drop_down_set_model (self->organiser_dropdown, G_LIST_MODEL (names));
}

static gboolean
may_sit (XfAccount *account)
{
  return !xf_account_get_disabled (account) &&
         (xf_account_has_role (account, XF_ROLE_REVIEWER) ||
          xf_account_has_role (account, XF_ROLE_ADMINISTRATOR));
}

static void
add_account_choice (XfCampaignDialog *self,
                    XfAccount        *account)
{
  const char *name = xf_account_get_display_name (account);
  /* Translators: a committee member's account: "王芳 (wangfang)" */
  g_autofree char *label = g_strdup_printf (_("%s (%s)"), name != NULL && *name != '\0' ? name
                                                          : xf_account_get_login (account),
                                            xf_account_get_login (account));

  g_ptr_array_add (self->accounts, g_object_ref (account));
  gtk_string_list_append (self->account_names, label);
}

/* Reviewers and administrators (XF_OP_ACCOUNT_MANAGE reads them), and
 * whoever sits on the committee already. */
static void
load_accounts (XfCampaignDialog *self)
{
  XfRegistry *registry = xf_evaluation_get_registry (self->evaluation);
  g_autoptr(XfAccounts) accounts = xf_accounts_new (xf_registry_get_store (registry));
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *committee = xf_campaign_get_committee (self->campaign);
  g_autoptr(GError) error = NULL;

  self->accounts = g_ptr_array_new_with_free_func (g_object_unref);
  self->account_names = gtk_string_list_new (NULL);
  all = xf_accounts_list (accounts, xf_evaluation_get_actor (self->evaluation), &error);
  self->may_set_committee = all != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->committee_group), self->may_set_committee);
  if (all == NULL)
    return;

  for (guint i = 0; i < all->len; i++)
    {
      XfAccount *account = g_ptr_array_index (all, i);
      gboolean member = FALSE;

      for (guint j = 0; j < committee->len; j++)
        member |= ((XfCommitteeMember *) g_ptr_array_index (committee, j))->account_id ==
                  xf_account_get_id (account);
      if (member || may_sit (account))
        add_account_choice (self, account);
    }
}

/*
 * GObject
 */

static void
xf_campaign_dialog_dispose (GObject *object)
{
  XfCampaignDialog *self = XF_CAMPAIGN_DIALOG (object);

  _xf_campaign_dialog_free_lists (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_CAMPAIGN_DIALOG);
  g_clear_pointer (&self->loaded_committee, g_ptr_array_unref);
  g_clear_pointer (&self->organisation_ids, g_array_unref);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_object (&self->account_names);
  g_clear_object (&self->campaign);
  g_clear_object (&self->evaluation);

  G_OBJECT_CLASS (xf_campaign_dialog_parent_class)->dispose (object);
}

static void
xf_campaign_dialog_class_init (XfCampaignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_campaign_dialog_dispose;

  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/evaluation/xf-campaign-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, XfCampaignDialog, name)
  BIND (window_title);
  BIND (save_button);
  BIND (error_revealer);
  BIND (error_label);
  BIND (preferences_page);
  BIND (title_row);
  BIND (year_row);
  BIND (year_spin);
  BIND (level_row);
  BIND (organiser_row);
  BIND (organiser_dropdown);
  BIND (quota_row);
  BIND (quota_spin);
  BIND (opens_row);
  BIND (opens_button);
  BIND (closes_row);
  BIND (closes_button);
  BIND (regions_row);
  BIND (organisations_row);
  BIND (promise_row);
  BIND (promise_spin);
  BIND (preliminary_row);
  BIND (preliminary_spin);
  BIND (committee_row);
  BIND (committee_spin);
  BIND (notice_row);
  BIND (notice_spin);
  BIND (decision_row);
  BIND (decision_spin);
  BIND (min_notice_row);
  BIND (min_notice_spin);
  BIND (plan_label);
  BIND (quorum_row);
  BIND (quorum_num_spin);
  BIND (quorum_den_spin);
  BIND (pass_row);
  BIND (pass_num_spin);
  BIND (pass_den_spin);
  BIND (tie_row);
  BIND (aggregation_row);
  BIND (normalise_row);
  BIND (normalise_switch);
  BIND (min_age_row);
  BIND (min_age_spin);
  BIND (max_age_row);
  BIND (max_age_spin);
  BIND (service_row);
  BIND (service_spin);
  BIND (exclude_row);
  BIND (exclude_switch);
  BIND (rubric_group);
  BIND (vetting_group);
  BIND (checklist_group);
  BIND (committee_group);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "campaign.save", NULL, save_action);
  _xf_campaign_dialog_lists_class_init (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "campaign.save", NULL);

  g_type_ensure (XF_TYPE_DATE_BUTTON);
}

static void
xf_campaign_dialog_init (XfCampaignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _xf_campaign_dialog_init_lists (self);

  set_choices (self->level_row, levels, G_N_ELEMENTS (levels), xf_honour_level_label);
  set_choices (self->tie_row, tie_rules, G_N_ELEMENTS (tie_rules), xf_tie_rule_label);
  set_choices (self->aggregation_row, aggregations, G_N_ELEMENTS (aggregations), xf_aggregation_label);
  g_signal_connect_swapped (self->level_row, "notify::selected", G_CALLBACK (level_changed_cb), self);
}

/* Core refuses to change what the committee scores and votes by once a
 * round has opened; say so here rather than after Save. */
static void
freeze_reviewed_rules (XfCampaignDialog *self)
{
  g_autoptr(GPtrArray) rounds = NULL;
  GtkWidget *fixed[] = { self->quota_row, self->quorum_row, self->pass_row,
                         GTK_WIDGET (self->tie_row), GTK_WIDGET (self->rubric_group) };

  if (xf_campaign_get_id (self->campaign) == 0)
    return;
  rounds = xf_evaluation_list_rounds (self->evaluation, xf_campaign_get_id (self->campaign), NULL);
  if (rounds == NULL || rounds->len == 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    gtk_widget_set_sensitive (fixed[i], FALSE);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->rubric_group),
                                         _("The committee has begun its review: the rubric, quota and vote rule no longer change."));
}

GtkWidget *
xf_campaign_dialog_new (XfEvaluation *evaluation,
                        XfCampaign   *campaign)
{
  XfCampaignDialog *self;

  g_return_val_if_fail (XF_IS_EVALUATION (evaluation), NULL);
  g_return_val_if_fail (campaign == NULL || XF_IS_CAMPAIGN (campaign), NULL);

  self = g_object_new (XF_TYPE_CAMPAIGN_DIALOG, NULL);
  self->evaluation = g_object_ref (evaluation);
  if (campaign != NULL)
    self->campaign = xf_campaign_copy (campaign);
  else
    {
      GDate today;

      /* This year's city-level campaign, with the defaults and a title to fill in. */
      xf_clock_today (&today);
      self->campaign = xf_campaign_new (g_date_get_year (&today), NULL, "city");
    }

  load_organisations (self);
  load_accounts (self);
  if (campaign != NULL)
    keep_committee (self, xf_campaign_get_committee (campaign));
  fill_form (self);
  freeze_reviewed_rules (self);
  update_title (self);
  return GTK_WIDGET (self);
}
