/* xf-nomination-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-nomination-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-identity.h"
#include "xf-nomination-dialog.h"
#include "xf-pioneer-fields.h"
#include "xf-registry-list.h"

struct _XfNominationDialog
{
  AdwWindow           parent_instance;

  XfEvaluation       *evaluation;
  gint64              campaign_id;
  XfNomination       *nomination;   /* once saved, or when editing */
  XfRegistryList     *pioneers;
  GtkSingleSelection *selection;
  XfFieldOptions     *gender_options;
  XfFieldOptions     *region_options;
  XfFieldOptions     *organisation_options;
  XfFieldOptions     *industry_options;
  GtkWidget          *bad_row;      /* the row core named, marked */

  /* Template widgets */
  GtkWidget          *submit_button;
  GtkWidget          *save_button;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  AdwActionRow       *campaign_row;
  AdwPreferencesGroup *candidate_group;
  GtkWidget          *kind_box;
  GtkToggleButton    *existing_toggle;
  GtkToggleButton    *person_toggle;
  GtkToggleButton    *collective_toggle;
  GtkStack           *candidate_stack;
  GtkSearchEntry     *search_entry;
  GtkListView        *pioneer_list;
  GtkLabel           *chosen_label;
  AdwEntryRow        *name_row;
  AdwComboRow        *gender_row;
  AdwEntryRow        *id_number_row;
  AdwEntryRow        *birth_date_row;
  AdwEntryRow        *credit_code_row;
  AdwEntryRow        *employer_row;
  AdwComboRow        *region_row;
  AdwComboRow        *organisation_row;
  AdwComboRow        *industry_row;
  AdwActionRow       *fixed_row;
  AdwEntryRow        *unit_row;
  AdwEntryRow        *contact_row;
  AdwEntryRow        *service_row;
  GtkTextView        *case_view;
};

G_DEFINE_FINAL_TYPE (XfNominationDialog, xf_nomination_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static XfRegistry *
get_registry (XfNominationDialog *self)
{
  return xf_evaluation_get_registry (self->evaluation);
}

static void
clear_error (XfNominationDialog *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  if (self->bad_row != NULL)
    {
      gtk_widget_remove_css_class (self->bad_row, "error");
      self->bad_row = NULL;
    }
}

/* Shows @message above the form and marks @row, the field it names. */
static void
show_error (XfNominationDialog *self,
            const char         *message,
            GtkWidget          *row)
{
  clear_error (self);
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
      self->bad_row = row;
    }
}

static const char *
new_kind (XfNominationDialog *self)
{
  if (gtk_toggle_button_get_active (self->person_toggle))
    return "individual";
  if (gtk_toggle_button_get_active (self->collective_toggle))
    return "collective";
  return NULL;
}

/*
 * Existing pioneers: a lazy list of the registry's search.
 */

static XfPioneer *
chosen_pioneer (XfNominationDialog *self)
{
  return self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

static void
selection_changed_cb (XfNominationDialog *self)
{
  XfPioneer *pioneer = chosen_pioneer (self);
  g_autofree char *text = NULL;

  if (pioneer == NULL)
    {
      gtk_label_set_text (self->chosen_label, _("Choose the candidate in the list."));
      return;
    }
  clear_error (self);
  text = xf_pioneer_get_employer (pioneer) != NULL
    /* Translators: the candidate chosen in the list: name, then employer. */
    ? g_strdup_printf (_("Candidate: %s, %s"), xf_pioneer_get_name (pioneer),
                       xf_pioneer_get_employer (pioneer))
    : g_strdup_printf (_("Candidate: %s"), xf_pioneer_get_name (pioneer));
  gtk_label_set_text (self->chosen_label, text);
}

static void
search_changed_cb (XfNominationDialog *self)
{
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();

  xf_registry_query_set_text (query, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  xf_registry_list_set_query (self->pioneers, query);
}

static void
setup_pioneer_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static void
bind_pioneer_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  XfPioneer *pioneer = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  const char *employer = pioneer ? xf_pioneer_get_employer (pioneer) : NULL;
  const char *tier = pioneer ? xf_pioneer_get_tier (pioneer) : NULL;
  g_autofree char *text = NULL;

  if (pioneer == NULL)
    return;
  text = g_strdup_printf ("%s · %s", xf_tier_label (tier ? tier : "cultivation"),
                          employer ? employer : xf_kind_label (xf_pioneer_get_kind (pioneer)));
  gtk_label_set_text (GTK_LABEL (name), xf_pioneer_get_name (pioneer));
  gtk_label_set_text (GTK_LABEL (detail), text);
}

static void
setup_pioneer_list (XfNominationDialog *self)
{
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->pioneers = xf_registry_list_new (get_registry (self), query);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->pioneers)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_pioneer_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_pioneer_cb), NULL);
  gtk_list_view_set_factory (self->pioneer_list, factory);
  gtk_list_view_set_model (self->pioneer_list, GTK_SELECTION_MODEL (self->selection));
  selection_changed_cb (self);
}

/*
 * A new person or collective
 */

static void
fill_combo (AdwComboRow    *row,
            XfFieldOptions *options)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new ((const char * const *) options->labels);

  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static void
setup_new_fields (XfNominationDialog *self)
{
  XfRegistry *registry = get_registry (self);
  struct { gpointer row; const char *property; } titles[] = {
    { self->name_row, "name" },
    { self->gender_row, "gender" },
    { self->id_number_row, "id-number" },
    { self->birth_date_row, "birth-date" },
    { self->credit_code_row, "credit-code" },
    { self->employer_row, "employer" },
    { self->region_row, "region-code" },
    { self->organisation_row, "organisation-id" },
    { self->industry_row, "industry" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (titles[i].row),
                                     xf_pioneer_field_label (titles[i].property));
      gtk_widget_set_name (GTK_WIDGET (titles[i].row), titles[i].property);
    }
  self->gender_options = xf_field_options_new (registry, "gender");
  self->region_options = xf_field_options_new (registry, "region-code");
  self->organisation_options = xf_field_options_new (registry, "organisation-id");
  self->industry_options = xf_field_options_new (registry, "industry");
  fill_combo (self->gender_row, self->gender_options);
  fill_combo (self->region_row, self->region_options);
  fill_combo (self->organisation_row, self->organisation_options);
  fill_combo (self->industry_row, self->industry_options);
}

/* A valid identity number says the gender and birth date: fill them in
 * when they are still empty (core checks that they agree anyway). */
static void
id_number_changed_cb (XfNominationDialog *self)
{
  const char *number = gtk_editable_get_text (GTK_EDITABLE (self->id_number_row));
  XfIdentityFacts facts;

  if (!xf_identity_check_id_number (number, &facts, NULL))
    return;
  if (*gtk_editable_get_text (GTK_EDITABLE (self->birth_date_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->birth_date_row), facts.birth_date);
  if (adw_combo_row_get_selected (self->gender_row) == 0)
    adw_combo_row_set_selected (self->gender_row,
                                xf_field_options_find (self->gender_options, facts.gender));
}

static void
kind_toggled_cb (XfNominationDialog *self)
{
  const char *kind = new_kind (self);
  gboolean individual = g_strcmp0 (kind, "individual") == 0;

  clear_error (self);
  if (self->nomination != NULL)
    return;
  gtk_stack_set_visible_child_name (self->candidate_stack, kind != NULL ? "new" : "existing");
  gtk_widget_set_visible (GTK_WIDGET (self->gender_row), individual);
  gtk_widget_set_visible (GTK_WIDGET (self->id_number_row), individual);
  gtk_widget_set_visible (GTK_WIDGET (self->birth_date_row), individual);
  gtk_widget_set_visible (GTK_WIDGET (self->credit_code_row), !individual);
}

static GtkWidget *
row_of_property (XfNominationDialog *self,
                 const char         *property)
{
  GtkWidget *child;

  if (property == NULL)
    return NULL;
  for (child = gtk_widget_get_first_child (gtk_stack_get_child_by_name (self->candidate_stack, "new"));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_name (child), property) == 0)
      return child;
  return NULL;
}

/* The new candidate as entered, checked by core's own rules so the field
 * at fault can be marked; NULL after showing why. */
static XfPioneer *
build_candidate (XfNominationDialog *self,
                 const char         *kind)
{
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new (kind);
  gboolean individual = g_str_equal (kind, "individual");
  struct { const char *property; const char *text; } fields[] = {
    { "name", gtk_editable_get_text (GTK_EDITABLE (self->name_row)) },
    { "employer", gtk_editable_get_text (GTK_EDITABLE (self->employer_row)) },
    { "gender", individual ? xf_field_options_get_code (self->gender_options,
                                                        adw_combo_row_get_selected (self->gender_row))
                           : NULL },
    { "id-number", individual ? gtk_editable_get_text (GTK_EDITABLE (self->id_number_row)) : NULL },
    { "birth-date", individual ? gtk_editable_get_text (GTK_EDITABLE (self->birth_date_row)) : NULL },
    { "credit-code", individual ? NULL : gtk_editable_get_text (GTK_EDITABLE (self->credit_code_row)) },
    { "region-code", xf_field_options_get_code (self->region_options,
                                                adw_combo_row_get_selected (self->region_row)) },
    { "organisation-id", xf_field_options_get_code (self->organisation_options,
                                                    adw_combo_row_get_selected (self->organisation_row)) },
    { "industry", xf_field_options_get_code (self->industry_options,
                                             adw_combo_row_get_selected (self->industry_row)) },
  };
  g_autofree char *bad_property = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!xf_pioneer_set_field (pioneer, fields[i].property, fields[i].text, &error))
      {
        show_error (self, error->message, row_of_property (self, fields[i].property));
        return NULL;
      }
  if (!xf_pioneer_validate (pioneer, &bad_property, &error))
    {
      show_error (self, error->message, row_of_property (self, bad_property));
      return NULL;
    }
  return g_steal_pointer (&pioneer);
}

/*
 * Saving and submitting
 */

static char *
dup_case_text (XfNominationDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->case_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
text_or_null (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return *text != '\0' ? text : NULL;
}

static void
fill_nomination (XfNominationDialog *self,
                 XfNomination       *nomination)
{
  g_autofree char *case_text = dup_case_text (self);

  xf_nomination_set_nominating_unit (nomination, gtk_editable_get_text (GTK_EDITABLE (self->unit_row)));
  xf_nomination_set_unit_contact (nomination, text_or_null (self->contact_row));
  xf_nomination_set_service_since (nomination, text_or_null (self->service_row));
  xf_nomination_set_case_text (nomination, case_text);
}

/* After the first save the candidate is fixed: later saves update the
 * same nomination. */
static void
show_fixed_candidate (XfNominationDialog *self)
{
  const char *kind = xf_nomination_get_candidate_kind (self->nomination);
  const char *employer = xf_nomination_get_candidate_employer (self->nomination);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->fixed_row),
                                 xf_nomination_get_candidate_name (self->nomination));
  adw_action_row_set_subtitle (self->fixed_row,
                               employer != NULL ? employer : kind ? xf_kind_label (kind) : "");
  gtk_stack_set_visible_child_name (self->candidate_stack, "fixed");
  gtk_widget_set_visible (self->kind_box, FALSE);
}

static gboolean
save (XfNominationDialog *self)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(XfPioneer) candidate = NULL;
  g_autoptr(GError) error = NULL;
  gboolean created = FALSE;

  clear_error (self);
  if (self->nomination != NULL)
    nomination = g_object_ref (self->nomination);
  else
    {
      const char *kind = new_kind (self);
      gint64 pioneer_id = 0;

      if (kind != NULL)
        {
          candidate = build_candidate (self, kind);
          if (candidate == NULL)
            return FALSE;
        }
      else if (chosen_pioneer (self) != NULL)
        pioneer_id = xf_pioneer_get_id (chosen_pioneer (self));
      else
        {
          show_error (self, _("Choose the candidate in the list, or enter a new person or collective."),
                      GTK_WIDGET (self->search_entry));
          return FALSE;
        }
      nomination = xf_nomination_new (self->campaign_id, pioneer_id, NULL);
      created = TRUE;
    }

  fill_nomination (self, nomination);
  if (!xf_evaluation_save_nomination (self->evaluation, nomination, candidate, &error))
    {
      show_error (self, error->message, NULL);
      return FALSE;
    }

  if (created)
    {
      /* Read back with its joins (candidate name, stage). */
      g_autoptr(XfNomination) stored =
        xf_evaluation_get_nomination (self->evaluation, xf_nomination_get_id (nomination), NULL);

      g_clear_object (&self->nomination);
      self->nomination = g_object_ref (stored != NULL ? stored : nomination);
      show_fixed_candidate (self);
      g_signal_emit (self, signals [CREATED], 0, xf_nomination_get_id (self->nomination));
    }
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XfNominationDialog *self = XF_NOMINATION_DIALOG (widget);

  if (save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XfNominationDialog *self = XF_NOMINATION_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  XfAction action;

  if (!save (self))
    return;
  action = g_strcmp0 (xf_nomination_get_stage (self->nomination), XF_STAGE_RETURNED) == 0
    ? XF_ACTION_RESUBMIT : XF_ACTION_SUBMIT;
  if (!xf_evaluation_act (self->evaluation, xf_nomination_get_id (self->nomination), action, NULL,
                          &error))
    {
      /* Translators: the nomination was saved, but core refused to submit it. */
      g_autofree char *text = g_strdup_printf (_("Saved as a draft, not submitted: %s"),
                                               error->message);

      show_error (self, text, NULL);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/*
 * Editing an existing nomination
 */

static gboolean
load_nomination (XfNominationDialog *self,
                 gint64              nomination_id)
{
  g_autoptr(GError) error = NULL;
  XfNomination *nomination = xf_evaluation_get_nomination (self->evaluation, nomination_id, &error);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->case_view);
  const char *text;

  if (nomination == NULL)
    {
      show_error (self, error->message, NULL);
      return FALSE;
    }
  self->nomination = nomination;
  self->campaign_id = xf_nomination_get_campaign_id (nomination);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit nomination"));
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row),
                         (text = xf_nomination_get_nominating_unit (nomination)) ? text : "");
  gtk_editable_set_text (GTK_EDITABLE (self->contact_row),
                         (text = xf_nomination_get_unit_contact (nomination)) ? text : "");
  gtk_editable_set_text (GTK_EDITABLE (self->service_row),
                         (text = xf_nomination_get_service_since (nomination)) ? text : "");
  gtk_text_buffer_set_text (buffer, (text = xf_nomination_get_case_text (nomination)) ? text : "", -1);
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
  if (g_strcmp0 (xf_nomination_get_stage (nomination), XF_STAGE_RETURNED) == 0)
    gtk_button_set_label (GTK_BUTTON (self->submit_button), _("_Resubmit"));
  show_fixed_candidate (self);
  return TRUE;
}

static void
show_campaign (XfNominationDialog *self)
{
  g_autoptr(XfCampaign) campaign = xf_evaluation_get_campaign (self->evaluation, self->campaign_id, NULL);
  g_autofree char *subtitle = NULL;

  if (campaign == NULL)
    return;
  /* Translators: a campaign's honour level and year, under its title. */
  subtitle = g_strdup_printf (_("%s · %d"), xf_honour_level_label (xf_campaign_get_level (campaign)),
                              xf_campaign_get_year (campaign));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->campaign_row),
                                 xf_campaign_get_title (campaign));
  adw_action_row_set_subtitle (self->campaign_row, subtitle);
}

/*
 * GObject
 */

static void
xf_nomination_dialog_dispose (GObject *object)
{
  XfNominationDialog *self = (XfNominationDialog *)object;

  if (self->pioneer_list != NULL)
    gtk_list_view_set_model (self->pioneer_list, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->pioneers);
  g_clear_object (&self->nomination);
  g_clear_pointer (&self->gender_options, xf_field_options_free);
  g_clear_pointer (&self->region_options, xf_field_options_free);
  g_clear_pointer (&self->organisation_options, xf_field_options_free);
  g_clear_pointer (&self->industry_options, xf_field_options_free);
  g_clear_object (&self->evaluation);

  G_OBJECT_CLASS (xf_nomination_dialog_parent_class)->dispose (object);
}

static void
xf_nomination_dialog_class_init (XfNominationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_nomination_dialog_dispose;

  /**
   * XfNominationDialog::created:
   * @nomination_id: the new nomination
   *
   * Emitted when a new nomination was first saved.
   */
  signals [CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/evaluation/xf-nomination-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, submit_button);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, candidate_group);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, kind_box);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, existing_toggle);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, person_toggle);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, collective_toggle);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, candidate_stack);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, pioneer_list);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, chosen_label);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, gender_row);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, id_number_row);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, credit_code_row);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, employer_row);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, industry_row);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, fixed_row);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, service_row);
  gtk_widget_class_bind_template_child (widget_class, XfNominationDialog, case_view);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, id_number_changed_cb);

  gtk_widget_class_install_action (widget_class, "nomination-dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "nomination-dialog.submit", NULL, submit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_nomination_dialog_init (XfNominationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static XfNominationDialog *
dialog_new (XfEvaluation *evaluation)
{
  XfNominationDialog *self = g_object_new (XF_TYPE_NOMINATION_DIALOG, NULL);

  self->evaluation = g_object_ref (evaluation);
  setup_new_fields (self);
  kind_toggled_cb (self);
  return self;
}

GtkWidget *
xf_nomination_dialog_new (XfEvaluation *evaluation,
                          gint64        campaign_id)
{
  XfNominationDialog *self;

  g_return_val_if_fail (XF_IS_EVALUATION (evaluation), NULL);
  g_return_val_if_fail (campaign_id > 0, NULL);

  self = dialog_new (evaluation);
  self->campaign_id = campaign_id;
  setup_pioneer_list (self);
  show_campaign (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return GTK_WIDGET (self);
}

GtkWidget *
xf_nomination_dialog_new_for_nomination (XfEvaluation *evaluation,
                                         gint64        nomination_id)
{
  XfNominationDialog *self;

  g_return_val_if_fail (XF_IS_EVALUATION (evaluation), NULL);
  g_return_val_if_fail (nomination_id > 0, NULL);

  self = dialog_new (evaluation);
  if (load_nomination (self, nomination_id))
    show_campaign (self);
  return GTK_WIDGET (self);
}

void
xf_nomination_dialog_present (GtkWindow    *parent,
                              XfEvaluation *evaluation,
                              gint64        campaign_id)
{
  GtkWidget *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  dialog = xf_nomination_dialog_new (evaluation, campaign_id);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  gtk_window_present (GTK_WINDOW (dialog));
}
