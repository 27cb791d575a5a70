/* xf-care-programme-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care-programme-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-care-form.h"
#include "xf-care-programme-dialog.h"
#include "xf-honour.h"
#include "xf-pioneer.h"
#include "xf-ui-util.h"

static const char * const kinds[] = {
  XF_CARE_KIND_HEALTH_CHECK, XF_CARE_KIND_RECUPERATION, XF_CARE_KIND_ALLOWANCE, XF_CARE_KIND_HARDSHIP,
  XF_CARE_KIND_FESTIVAL_VISIT, XF_CARE_KIND_GREETING, XF_CARE_KIND_ELDERLY_CARE, XF_CARE_KIND_OTHER,
};
static const char * const tiers[] = { "national", "provincial", "city", "county", "cultivation" };
static const char * const levels[] = { "national", "provincial", "city", "county" };

typedef enum
{
  FIELD_CODE,
  FIELD_KIND,
  FIELD_NAME_EN,
  FIELD_NAME_ZH,
  FIELD_DESCRIPTION,
  FIELD_ORGANISATION,
  FIELD_QUOTA,
  FIELD_BUDGET,
  FIELD_UNIT_COST,
  FIELD_INTERVAL,
  FIELD_AGE,
  FIELD_REGIONS,
  N_FIELDS
} Field;

struct _XfCareProgrammeDialog
{
  AdwWindow        parent_instance;

  XfCare          *care;
  XfCareProgramme *programme;     /* what is edited; id 0 for a new one */
  XfCareField      fields[N_FIELDS];
  GtkWidget       *tier_checks[G_N_ELEMENTS (tiers)];
  GtkWidget       *level_checks[G_N_ELEMENTS (levels)];

  /* Template widgets */
  GtkLabel        *error_label;
  AdwEntryRow     *code_row;
  AdwComboRow     *kind_row;
  AdwEntryRow     *name_en_row;
  AdwEntryRow     *name_zh_row;
  AdwEntryRow     *description_row;
  AdwEntryRow     *organisation_row;
  GtkSwitch       *active_switch;
  GtkWidget       *quota_row;
  GtkSpinButton   *quota_spin;
  AdwEntryRow     *budget_row;
  AdwEntryRow     *unit_cost_row;
  GtkWidget       *interval_row;
  GtkSpinButton   *interval_spin;
  AdwComboRow     *kinds_row;
  AdwExpanderRow  *tiers_row;
  AdwExpanderRow  *levels_row;
  AdwEntryRow     *titles_row;
  GtkWidget       *max_age_row;
  GtkSpinButton   *min_age_spin;
  GtkSpinButton   *max_age_spin;
  AdwComboRow     *retired_row;
  AdwComboRow     *hardship_row;
  AdwEntryRow     *regions_row;
};

G_DEFINE_FINAL_TYPE (XfCareProgrammeDialog, xf_care_programme_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static void
set_model (AdwComboRow        *row,
           const char * const *labels,
           guint               n,
           guint               selected)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (model, labels[i]);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, selected);
}

static gboolean
strv_has (GStrv       strv,
          const char *value)
{
  return strv != NULL && g_strv_contains ((const char * const *) strv, value);
}

/* A row of check buttons inside an expander, one per code. */
static void
add_checks (AdwExpanderRow      *expander,
            const char          *prefix,
            const char * const  *codes,
            guint                n,
            const char        *(*label) (const char *code),
            GStrv                chosen,
            GtkWidget          **checks)
{
  guint n_chosen = 0;

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *name = g_strconcat (prefix, codes[i], NULL);

      gtk_widget_set_name (check, name);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label (codes[i]));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), strv_has (chosen, codes[i]));
      n_chosen += strv_has (chosen, codes[i]) ? 1 : 0;
      adw_expander_row_add_row (expander, row);
      checks[i] = check;
    }
  adw_expander_row_set_subtitle (expander, n_chosen == 0 ? _("Any") : NULL);
}

static void
update_check_subtitles (XfCareProgrammeDialog *self)
{
  g_autoptr(XfCareRules) rules = xf_care_programme_dialog_get_rules (self);
  g_autoptr(GString) tier_text = g_string_new (NULL);
  g_autoptr(GString) level_text = g_string_new (NULL);

  for (guint i = 0; rules->tiers != NULL && rules->tiers[i] != NULL; i++)
    g_string_append_printf (tier_text, "%s%s", i > 0 ? ", " : "", xf_tier_label (rules->tiers[i]));
  for (guint i = 0; rules->honour_levels != NULL && rules->honour_levels[i] != NULL; i++)
    g_string_append_printf (level_text, "%s%s", i > 0 ? ", " : "", xf_honour_level_label (rules->honour_levels[i]));
  adw_expander_row_set_subtitle (self->tiers_row, tier_text->len > 0 ? tier_text->str : _("Any"));
  adw_expander_row_set_subtitle (self->levels_row, level_text->len > 0 ? level_text->str : _("Any"));
}

static void
fill (XfCareProgrammeDialog *self)
{
  const XfCareProgramme *programme = self->programme;
  const XfCareRules *rules = programme->rules;
  const char *kind_labels[G_N_ELEMENTS (kinds)];
  const char *pioneer_labels[] = { _("Individuals and collectives"), _("Individuals"), _("Collectives") };
  const char *retired_labels[] = { _("Either"), _("Retired only"), _("Not retired only") };
  const char *hardship_labels[] = { _("Either"), _("Flagged for hardship only") };
  guint kind = 0;
  guint pioneers = 0;
  g_autofree char *budget = xf_care_format_yuan_plain (programme->yearly_budget);
  g_autofree char *unit_cost = xf_care_format_yuan_plain (programme->unit_cost);
  g_autofree char *titles = rules->honour_titles != NULL ? g_strjoinv (", ", rules->honour_titles) : NULL;
  g_autofree char *regions = rules->regions != NULL ? g_strjoinv (" ", rules->regions) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      kind_labels[i] = xf_care_kind_label (kinds[i]);
      if (g_strcmp0 (kinds[i], programme->kind) == 0)
        kind = i;
    }
  set_model (self->kind_row, kind_labels, G_N_ELEMENTS (kinds), kind);
  if (rules->kinds != NULL && g_strv_length (rules->kinds) == 1)
    pioneers = g_strcmp0 (rules->kinds[0], "individual") == 0 ? 1 : 2;
  set_model (self->kinds_row, pioneer_labels, G_N_ELEMENTS (pioneer_labels), pioneers);
  set_model (self->retired_row, retired_labels, G_N_ELEMENTS (retired_labels),
             rules->retired < 0 ? 0 : rules->retired == 1 ? 1 : 2);
  set_model (self->hardship_row, hardship_labels, G_N_ELEMENTS (hardship_labels), rules->hardship == 1 ? 1 : 0);

  if (programme->id > 0)
    gtk_widget_set_sensitive (GTK_WIDGET (self->code_row), FALSE);
  else
    gtk_window_set_title (GTK_WINDOW (self), _("New care programme"));
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), or_empty (programme->code));
  gtk_editable_set_text (GTK_EDITABLE (self->name_en_row), or_empty (programme->name_en));
  gtk_editable_set_text (GTK_EDITABLE (self->name_zh_row), or_empty (programme->name_zh));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), or_empty (programme->description));
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), or_empty (programme->organisation_code));
  gtk_switch_set_active (self->active_switch, programme->active);
  gtk_spin_button_set_value (self->quota_spin, programme->yearly_quota);
  gtk_editable_set_text (GTK_EDITABLE (self->budget_row), budget);
  gtk_editable_set_text (GTK_EDITABLE (self->unit_cost_row), unit_cost);
  gtk_spin_button_set_value (self->interval_spin, programme->interval_years);

  add_checks (self->tiers_row, "tier-", tiers, G_N_ELEMENTS (tiers), xf_tier_label, rules->tiers,
              self->tier_checks);
  add_checks (self->levels_row, "level-", levels, G_N_ELEMENTS (levels), xf_honour_level_label,
              rules->honour_levels, self->level_checks);
  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    g_signal_connect_object (self->tier_checks[i], "toggled", G_CALLBACK (update_check_subtitles), self,
                             G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    g_signal_connect_object (self->level_checks[i], "toggled", G_CALLBACK (update_check_subtitles), self,
                             G_CONNECT_SWAPPED);
  gtk_editable_set_text (GTK_EDITABLE (self->titles_row), or_empty (titles));
  gtk_spin_button_set_value (self->min_age_spin, MAX (rules->min_age, 0));
  gtk_spin_button_set_value (self->max_age_spin, MAX (rules->max_age, 0));
  gtk_editable_set_text (GTK_EDITABLE (self->regions_row), or_empty (regions));
  update_check_subtitles (self);
}

/*
 * The rules the widgets describe
 */

static GStrv
checked (GtkWidget          **checks,
         const char * const  *codes,
         guint                n)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint count = 0;

  for (guint i = 0; i < n; i++)
    if (checks[i] != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (checks[i])))
      {
        g_strv_builder_add (builder, codes[i]);
        count++;
      }
  return count > 0 ? g_strv_builder_end (builder) : NULL;
}

/* Words split at @separators, without empty ones; NULL when none. */
static GStrv
split_words (const char *text,
             const char *separators)
{
  g_auto(GStrv) parts = g_strsplit_set (text, separators, -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint count = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        {
          g_strv_builder_add (builder, parts[i]);
          count++;
        }
    }
  return count > 0 ? g_strv_builder_end (builder) : NULL;
}

XfCareRules *
xf_care_programme_dialog_get_rules (XfCareProgrammeDialog *self)
{
  XfCareRules *rules;
  guint pioneers, retired;
  int min_age, max_age;

  g_return_val_if_fail (XF_IS_CARE_PROGRAMME_DIALOG (self), NULL);

  /* What the widgets do not show (statuses) stays as it was. */
  rules = xf_care_rules_copy (self->programme->rules);
  g_clear_pointer (&rules->kinds, g_strfreev);
  pioneers = adw_combo_row_get_selected (self->kinds_row);
  if (pioneers == 1 || pioneers == 2)
    {
      const char *kind[] = { pioneers == 1 ? "individual" : "collective", NULL };

      rules->kinds = g_strdupv ((char **) kind);
    }
  g_clear_pointer (&rules->tiers, g_strfreev);
  rules->tiers = checked (self->tier_checks, tiers, G_N_ELEMENTS (tiers));
  g_clear_pointer (&rules->honour_levels, g_strfreev);
  rules->honour_levels = checked (self->level_checks, levels, G_N_ELEMENTS (levels));
  g_clear_pointer (&rules->honour_titles, g_strfreev);
  rules->honour_titles = split_words (gtk_editable_get_text (GTK_EDITABLE (self->titles_row)), ",，、");
  min_age = gtk_spin_button_get_value_as_int (self->min_age_spin);
  max_age = gtk_spin_button_get_value_as_int (self->max_age_spin);
  rules->min_age = min_age > 0 ? min_age : -1;
  rules->max_age = max_age > 0 ? max_age : -1;
  retired = adw_combo_row_get_selected (self->retired_row);
  rules->retired = retired == 1 ? 1 : retired == 2 ? 0 : -1;
  rules->hardship = adw_combo_row_get_selected (self->hardship_row) == 1 ? 1 : -1;
  g_clear_pointer (&rules->regions, g_strfreev);
  rules->regions = split_words (gtk_editable_get_text (GTK_EDITABLE (self->regions_row)), " ,，、");
  return rules;
}

/*
 * Saving
 */

static void
replace (char       **field,
         AdwEntryRow *row)
{
  g_free (*field);
  *field = xf_entry_row_dup_text (row);
}

/* The field a refusal of the rules is about: the key it names. */
static Field
rules_field (const char *message)
{
  return strstr (message, "regions") != NULL ? FIELD_REGIONS : FIELD_AGE;
}

gboolean
xf_care_programme_dialog_save (XfCareProgrammeDialog *self)
{
  g_autoptr(XfCareProgramme) programme = NULL;
  g_autoptr(XfCareRules) rules = NULL;
  g_autoptr(XfCareRules) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  guint kind;
  gint64 id;

  g_return_val_if_fail (XF_IS_CARE_PROGRAMME_DIALOG (self), FALSE);

  programme = xf_care_programme_copy (self->programme);
  if (programme->id == 0)
    replace (&programme->code, self->code_row);
  kind = MIN (adw_combo_row_get_selected (self->kind_row), G_N_ELEMENTS (kinds) - 1);
  g_free (programme->kind);
  programme->kind = g_strdup (kinds[kind]);
  replace (&programme->name_en, self->name_en_row);
  replace (&programme->name_zh, self->name_zh_row);
  replace (&programme->description, self->description_row);
  g_free (programme->organisation_code);
  programme->organisation_code = xf_entry_row_dup_optional (self->organisation_row);
  programme->active = gtk_switch_get_active (self->active_switch);
  programme->yearly_quota = gtk_spin_button_get_value_as_int (self->quota_spin);
  programme->interval_years = gtk_spin_button_get_value_as_int (self->interval_spin);
  if (!xf_care_parse_yuan (gtk_editable_get_text (GTK_EDITABLE (self->budget_row)), &programme->yearly_budget))
    {
      xf_care_fields_show_at (self->fields, N_FIELDS, self->error_label, FIELD_BUDGET,
                              _("Yearly budget: not an amount in yuan (e.g. 12000 or 12000.50)"));
      return FALSE;
    }
  if (!xf_care_parse_yuan (gtk_editable_get_text (GTK_EDITABLE (self->unit_cost_row)), &programme->unit_cost))
    {
      xf_care_fields_show_at (self->fields, N_FIELDS, self->error_label, FIELD_UNIT_COST,
                              _("Cost per person: not an amount in yuan (e.g. 800 or 800.50)"));
      return FALSE;
    }

  /* The rules are checked by core as they are stored: as JSON. */
  rules = xf_care_programme_dialog_get_rules (self);
  json = xf_care_rules_to_json (rules);
  parsed = xf_care_rules_parse (json, &error);
  if (parsed == NULL)
    {
      xf_care_fields_show_at (self->fields, N_FIELDS, self->error_label, rules_field (error->message),
                              error->message);
      return FALSE;
    }
  xf_care_rules_free (programme->rules);
  programme->rules = g_steal_pointer (&parsed);

  id = xf_care_save_programme (self->care, programme, &error);
  if (id <= 0)
    {
      if (xf_care_fields_show_error (self->fields, N_FIELDS, self->error_label, error->message) < 0 &&
          g_str_has_prefix (error->message, C_("care", "Eligibility")))
        xf_care_fields_show_at (self->fields, N_FIELDS, self->error_label, rules_field (error->message),
                                error->message);
      return FALSE;
    }
  xf_care_fields_clear (self->fields, N_FIELDS, self->error_label);
  g_signal_emit (self, signals [SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  xf_care_programme_dialog_save (XF_CARE_PROGRAMME_DIALOG (widget));
}

/*
 * GObject
 */

static void
xf_care_programme_dialog_dispose (GObject *object)
{
  XfCareProgrammeDialog *self = XF_CARE_PROGRAMME_DIALOG (object);

  g_clear_pointer (&self->programme, xf_care_programme_free);
  g_clear_object (&self->care);

  G_OBJECT_CLASS (xf_care_programme_dialog_parent_class)->dispose (object);
}

static void
xf_care_programme_dialog_class_init (XfCareProgrammeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_care_programme_dialog_dispose;

  /**
   * XfCareProgrammeDialog::saved:
   * @programme_id: the programme written
   */
  signals [SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/care/xf-care-programme-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, name_en_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, name_zh_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, active_switch);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, quota_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, quota_spin);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, budget_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, unit_cost_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, interval_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, kinds_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, tiers_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, levels_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, titles_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, max_age_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, min_age_spin);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, max_age_spin);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, retired_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, hardship_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammeDialog, regions_row);

  gtk_widget_class_install_action (widget_class, "programme-dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_care_programme_dialog_init (XfCareProgrammeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
attach_fields (XfCareProgrammeDialog *self)
{
  const XfCareField fields[N_FIELDS] = {
    [FIELD_CODE]         = { "code", { N_("Code") }, GTK_WIDGET (self->code_row) },
    [FIELD_KIND]         = { "kind", { N_("Kind") }, GTK_WIDGET (self->kind_row) },
    [FIELD_NAME_EN]      = { "name-en", { N_("English name"), N_("Name") }, GTK_WIDGET (self->name_en_row) },
    [FIELD_NAME_ZH]      = { "name-zh", { N_("Chinese name") }, GTK_WIDGET (self->name_zh_row) },
    [FIELD_DESCRIPTION]  = { "description", { N_("Description") }, GTK_WIDGET (self->description_row) },
    [FIELD_ORGANISATION] = { "organisation", { N_("Organisation"), N_("Provider") },
                             GTK_WIDGET (self->organisation_row) },
    [FIELD_QUOTA]        = { "quota", { N_("Quota"), N_("Yearly quota") }, self->quota_row },
    [FIELD_BUDGET]       = { "budget", { N_("Budget"), N_("Yearly budget") }, GTK_WIDGET (self->budget_row) },
    [FIELD_UNIT_COST]    = { "unit-cost", { N_("Unit cost"), N_("Cost per person") },
                             GTK_WIDGET (self->unit_cost_row) },
    [FIELD_INTERVAL]     = { "interval", { N_("Interval"), N_("Interval years") }, self->interval_row },
    [FIELD_AGE]          = { "rules", { N_("Eligibility"), N_("Rules") }, self->max_age_row },
    [FIELD_REGIONS]      = { "regions", { N_("Regions") }, GTK_WIDGET (self->regions_row) },
  };

  memcpy (self->fields, fields, sizeof fields);
  xf_care_fields_attach (self->fields, N_FIELDS);
}

GtkWidget *
xf_care_programme_dialog_new (GtkWindow             *parent,
                              XfCare                *care,
                              const XfCareProgramme *programme)
{
  XfCareProgrammeDialog *self;

  g_return_val_if_fail (XF_IS_CARE (care), NULL);

  self = g_object_new (XF_TYPE_CARE_PROGRAMME_DIALOG, "transient-for", parent, NULL);
  self->care = g_object_ref (care);
  self->programme = programme != NULL ? xf_care_programme_copy (programme) : xf_care_programme_new ();
  attach_fields (self);
  fill (self);
  return GTK_WIDGET (self);
}
