/* xf-nomination-view-sections.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-nomination-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-nomination-view-private.h"
#include "xf-pioneer-fields.h"
#include "xf-ui-util.h"
#include "xf-review-panel.h"

/*
 * The sections under the status: rows are made anew on each refill, and
 * remembered so they can be taken out again.
 */

static GtkWidget *
property_row (const char *title,
              const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  gboolean empty = value == NULL || *value == '\0';
  GtkWidget *label = xf_value_label_new (empty ? _("Not set") : value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (empty)
    gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

/* A row with a message only, e.g. "No materials". */
static GtkWidget *
message_row (const char *text,
             const char *icon_name,
             const char *style)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      if (style != NULL)
        gtk_widget_add_css_class (icon, style);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  else if (style != NULL)
    gtk_widget_add_css_class (row, style);
  return row;
}

static GtkWidget *
flat_button (const char *icon_name,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static gboolean
stage_in (XfNominationView *self,
          const char       *a,
          const char       *b)
{
  const char *stage = xf_nomination_get_stage (self->nomination);

  return g_strcmp0 (stage, a) == 0 || (b != NULL && g_strcmp0 (stage, b) == 0);
}

/*
 * Eligibility: checked again on each look until the nomination is past
 * its preliminary review (later on, the submission window is shut anyway).
 */

static void
fill_eligibility (XfNominationView *self)
{
  g_autoptr(GPtrArray) reasons = NULL;
  g_autoptr(GError) error = NULL;
  gboolean show = stage_in (self, XF_STAGE_DRAFT, XF_STAGE_RETURNED) ||
                  stage_in (self, XF_STAGE_PRELIMINARY, NULL);

  xf_preferences_group_clear_rows (self->eligibility_group, self->eligibility_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->eligibility_group), show);
  if (!show)
    return;

  reasons = xf_evaluation_check_eligibility (self->evaluation, self->nomination_id, &error);
  if (reasons == NULL)
    {
      xf_preferences_group_add_row (self->eligibility_group, self->eligibility_rows,
                                    message_row (error->message, "dialog-warning-symbolic", "error"));
      return;
    }
  if (reasons->len == 0)
    {
      xf_preferences_group_add_row (self->eligibility_group, self->eligibility_rows,
                                    message_row (_("Eligible"), "emblem-ok-symbolic", "success"));
      return;
    }
  for (guint i = 0; i < reasons->len; i++)
    xf_preferences_group_add_row (self->eligibility_group, self->eligibility_rows,
                                  message_row (g_ptr_array_index (reasons, i), "dialog-warning-symbolic", "warning"));
}

/*
 * Candidate and nominating unit
 */

static void
fill_candidate (XfNominationView *self)
{
  XfRegistry *registry = _xf_nomination_view_get_registry (self);
  XfNomination *nomination = self->nomination;
  XfPioneer *pioneer = self->pioneer;
  const char *kind = pioneer ? xf_pioneer_get_kind (pioneer) : xf_nomination_get_candidate_kind (nomination);
  const char *employer = pioneer ? xf_pioneer_get_employer (pioneer)
                                 : xf_nomination_get_candidate_employer (nomination);
  g_autofree char *region = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *name_row;
  AdwPreferencesGroup *group = self->candidate_group;
  GPtrArray *rows = self->candidate_rows;

  xf_preferences_group_clear_rows (group, rows);
  name_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row),
                                 xf_nomination_get_candidate_name (nomination));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (name_row), FALSE);
  /* Translators: a candidate's kind, then tier: "Individual · Cultivation target". */
  subtitle = g_strdup_printf (_("%s · %s"), kind ? xf_kind_label (kind) : "",
                              xf_tier_label (pioneer && xf_pioneer_get_tier (pioneer)
                                             ? xf_pioneer_get_tier (pioneer) : "cultivation"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (name_row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (name_row),
                             gtk_image_new_from_icon_name (g_strcmp0 (kind, "collective") == 0
                                                           ? "system-users-symbolic"
                                                           : "avatar-default-symbolic"));
  xf_preferences_group_add_row (group, rows, name_row);
  xf_preferences_group_add_row (group, rows, property_row (xf_pioneer_field_label ("employer"), employer));
  if (pioneer == NULL)
    return;
  region = xf_pioneer_fields_display (registry, "region-code", xf_pioneer_get_region_code (pioneer));
  xf_preferences_group_add_row (group, rows, property_row (xf_pioneer_field_label ("region-code"), region));
  xf_preferences_group_add_row (group, rows, property_row (xf_pioneer_field_label ("organisation-id"),
                                                           xf_pioneer_get_organisation_name (pioneer)));
}

static void
fill_unit (XfNominationView *self)
{
  XfNomination *nomination = self->nomination;
  AdwPreferencesGroup *group = self->unit_group;
  GPtrArray *rows = self->unit_rows;

  xf_preferences_group_clear_rows (group, rows);
  xf_preferences_group_add_row (group, rows, property_row (_("Nominating unit"),
                                                           xf_nomination_get_nominating_unit (nomination)));
  xf_preferences_group_add_row (group, rows, property_row (_("Contact"), xf_nomination_get_unit_contact (nomination)));
  xf_preferences_group_add_row (group, rows, property_row (_("In service since"),
                                                           xf_nomination_get_service_since (nomination)));
  xf_preferences_group_add_row (group, rows, property_row (_("Submitted on"), xf_nomination_get_submitted_on (nomination)));
  if (xf_nomination_get_preliminary_passed_on (nomination) != NULL)
    xf_preferences_group_add_row (group, rows, property_row (_("Passed preliminary review on"),
                                                             xf_nomination_get_preliminary_passed_on (nomination)));
}

/*
 * Case and materials, withheld from a committee member who has not
 * declared yet.
 */

static const char *
withheld_text (void)
{
  return _("Declare first: a committee member sees the case and materials once he or she "
           "has declared any conflict of interest in the committee review.");
}

static void
fill_case (XfNominationView *self)
{
  const char *text = xf_nomination_get_case_text (self->nomination);
  gboolean withheld = xf_nomination_get_case_withheld (self->nomination);

  gtk_widget_remove_css_class (GTK_WIDGET (self->case_label), "dim-label");
  if (withheld)
    gtk_label_set_text (self->case_label, withheld_text ());
  else if (text != NULL && *text != '\0')
    gtk_label_set_text (self->case_label, text);
  else
    gtk_label_set_text (self->case_label, _("No case written yet."));
  if (withheld || text == NULL || *text == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->case_label), "dim-label");
}

static GtkWidget *
material_row (XfNominationView *self,
              XfMaterial       *material,
              gboolean          editable)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *size = g_format_size (material->size);
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *button;

  /* Translators: a material's size, then the start of its SHA-256 digest. */
  subtitle = g_strdup_printf (_("%s · SHA-256 %.12s…"), size, material->sha256);
  tooltip = g_strdup_printf (_("SHA-256 %s, added by %s"), material->sha256,
                             material->added_by ? material->added_by : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), material->file_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, tooltip);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("x-office-document-symbolic"));

  button = flat_button ("document-open-symbolic", _("Open with the default application"));
  gtk_widget_set_name (button, "open-material");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "nomination.open-material");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", material->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  if (editable)
    {
      button = flat_button ("user-trash-symbolic", _("Remove"));
      gtk_widget_set_name (button, "remove-material");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "nomination.remove-material");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", material->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
fill_materials (XfNominationView *self)
{
  gboolean withheld = xf_nomination_get_case_withheld (self->nomination);
  gboolean editable = !withheld && stage_in (self, XF_STAGE_DRAFT, XF_STAGE_RETURNED) &&
                      _xf_nomination_view_may (self, XF_OP_REQUEST_EDIT);
  AdwPreferencesGroup *group = self->materials_group;
  GPtrArray *rows = self->material_rows;

  xf_preferences_group_clear_rows (group, rows);
  gtk_widget_set_visible (self->add_material_button, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nomination.add-material", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nomination.remove-material", editable);
  adw_preferences_group_set_description (group, editable
                                                ? _("Files kept with the nomination, checked by their SHA-256. Drop files here to add them.")
                                                : NULL);
  if (withheld)
    {
      xf_preferences_group_add_row (group, rows, message_row (withheld_text (), "changes-prevent-symbolic", "dim-label"));
      return;
    }
  if (self->materials == NULL || self->materials->len == 0)
    {
      xf_preferences_group_add_row (group, rows, message_row (_("No materials"), NULL, "dim-label"));
      return;
    }
  for (guint i = 0; i < self->materials->len; i++)
    xf_preferences_group_add_row (group, rows, material_row (self, g_ptr_array_index (self->materials, i), editable));
}

/*
 * Preliminary checklist: one check per campaign item, ticked in core at
 * once; kept in place across refills so focus stays where it was.
 */

static void
check_toggled_cb (XfNominationView *self)
{
  if (!self->filling)
    _xf_nomination_view_checklist_toggled (self);
}

static void
fill_checklist (XfNominationView *self)
{
  GPtrArray *items = self->campaign ? xf_campaign_get_checklist (self->campaign) : NULL;
  GArray *state = xf_nomination_get_checklist_state (self->nomination);
  gboolean editable = stage_in (self, XF_STAGE_PRELIMINARY, NULL) &&
                      _xf_nomination_view_may (self, XF_OP_NOMINATION_VET);
  guint n = items != NULL ? items->len : 0;

  /* The checklist is the preliminary review's: elsewhere it is noise. */
  gtk_widget_set_visible (GTK_WIDGET (self->checklist_group),
                          n > 0 && stage_in (self, XF_STAGE_PRELIMINARY, NULL));
  adw_preferences_group_set_description (self->checklist_group,
                                         editable ? _("Tick each item checked; every item must be ticked to pass.")
                                                  : NULL);
  if (self->checklist_rows->len != n)
    {
      xf_preferences_group_clear_rows (self->checklist_group, self->checklist_rows);
      for (guint i = 0; i < n; i++)
        {
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (items, i));
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_widget_set_name (check, "checklist-item");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self,
                                   G_CONNECT_SWAPPED);
          g_object_set_data (G_OBJECT (row), "check", check);
          xf_preferences_group_add_row (self->checklist_group, self->checklist_rows, row);
        }
    }

  self->filling = TRUE;
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->checklist_rows, i);
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");
      gboolean ticked = state != NULL && i < state->len && g_array_index (state, gboolean, i);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), ticked);
      gtk_widget_set_sensitive (row, editable);
    }
  self->filling = FALSE;
}

/*
 * Joint vetting: one row per department, with its own deadline.
 */

static const char *
vetting_status_label (const char *status)
{
  if (g_strcmp0 (status, "cleared") == 0)
    return C_("vetting", "Cleared");
  if (g_strcmp0 (status, "vetoed") == 0)
    return C_("vetting", "Vetoed");
  return C_("vetting", "Pending");
}

static char *
vetting_subtitle (XfVetting *vetting)
{
  const char *by = vetting->decided_by ? vetting->decided_by : "";

  if (g_strcmp0 (vetting->status, "cleared") == 0)
    /* Translators: the day a department cleared a nomination, and who recorded it. */
    return g_strdup_printf (_("Cleared on %s by %s"), vetting->decided_on, by);
  if (g_strcmp0 (vetting->status, "vetoed") == 0)
    /* Translators: day, who, and the reason of a veto. */
    return g_strdup_printf (_("Vetoed on %s by %s: %s"), vetting->decided_on, by,
                            vetting->reason ? vetting->reason : "");
  if (vetting->days_left >= 0)
    return g_strdup_printf (ngettext ("Due on %s, %d working day left",
                                      "Due on %s, %d working days left", vetting->days_left),
                            vetting->due_on, vetting->days_left);
  return g_strdup_printf (ngettext ("Due on %s, %d working day overdue",
                                    "Due on %s, %d working days overdue", -vetting->days_left),
                          vetting->due_on, -vetting->days_left);
}

static GtkWidget *
vetting_row (XfVetting *vetting,
             gboolean   may_sign)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = vetting_subtitle (vetting);
  gboolean pending = g_strcmp0 (vetting->status, "pending") == 0;
  GtkWidget *status = gtk_label_new (vetting_status_label (vetting->status));
  g_autofree char *name = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vetting->department_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, vetting->department_code);

  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_set_name (status, "vetting-status");
  if (!pending)
    gtk_widget_add_css_class (status, g_strcmp0 (vetting->status, "cleared") == 0 ? "success" : "error");
  else if (vetting->due_state == XF_DUE_SOON)
    gtk_widget_add_css_class (status, "warning");
  else if (vetting->due_state == XF_DUE_OVERDUE)
    gtk_widget_add_css_class (status, "error");
  else
    gtk_widget_add_css_class (status, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);

  if (pending && may_sign)
    {
      GtkWidget *clear = gtk_button_new_with_mnemonic (_("C_lear"));
      GtkWidget *veto = gtk_button_new_with_mnemonic (_("_Veto…"));

      name = g_strdup_printf ("clear-%s", vetting->department_code);
      gtk_widget_set_name (clear, name);
      g_free (name);
      name = g_strdup_printf ("veto-%s", vetting->department_code);
      gtk_widget_set_name (veto, name);
      gtk_widget_set_tooltip_text (clear, _("Record that the department found nothing against the candidate"));
      gtk_widget_set_tooltip_text (veto, _("Stop the nomination: one veto ends it"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "nomination.clear-vetting");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (clear), "s", vetting->department_code);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (veto), "nomination.veto");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (veto), "s", vetting->department_code);
      gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (veto, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (veto, "destructive-action");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), clear);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), veto);
    }
  return row;
}

static void
fill_vetting (XfNominationView *self)
{
  g_autoptr(GPtrArray) vettings = NULL;
  gboolean may_sign = stage_in (self, XF_STAGE_PRELIMINARY, XF_STAGE_RETURNED) &&
                      _xf_nomination_view_may (self, XF_OP_NOMINATION_VET);

  xf_preferences_group_clear_rows (self->vetting_group, self->vetting_rows);
  vettings = xf_evaluation_list_vettings (self->evaluation, self->nomination_id, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->vetting_group), vettings != NULL && vettings->len > 0);
  for (guint i = 0; vettings != NULL && i < vettings->len; i++)
    xf_preferences_group_add_row (self->vetting_group, self->vetting_rows,
                                  vetting_row (g_ptr_array_index (vettings, i), may_sign));
}

/*
 * Committee review: a member's own panel while the nomination is in an
 * open round.
 */

static gint64
open_round_holding (XfNominationView *self)
{
  gint64 campaign_id = xf_nomination_get_campaign_id (self->nomination);
  g_autoptr(XfReviewRound) round = NULL;
  g_autoptr(GArray) ids = NULL;

  if (!stage_in (self, XF_STAGE_COMMITTEE, NULL) ||
      !xf_evaluation_is_member (self->evaluation, campaign_id, NULL))
    return 0;
  round = xf_evaluation_get_open_round (self->evaluation, campaign_id, NULL);
  if (round == NULL)
    return 0;
  ids = xf_evaluation_list_round_nominations (self->evaluation, round->id, NULL);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == self->nomination_id)
      return round->id;
  return 0;
}

static void
fill_committee (XfNominationView *self)
{
  gint64 round_id = open_round_holding (self);

  gtk_widget_set_visible (GTK_WIDGET (self->committee_group), round_id > 0);
  if (round_id == 0)
    return;
  if (self->review_panel == NULL)
    {
      self->review_panel = xf_review_panel_new (self->evaluation);
      adw_preferences_group_add (self->committee_group, self->review_panel);
    }
  xf_review_panel_set_nomination (XF_REVIEW_PANEL (self->review_panel), round_id, self->nomination_id);
}

void
_xf_nomination_view_fill_sections (XfNominationView *self)
{
  fill_eligibility (self);
  fill_committee (self);
  fill_candidate (self);
  fill_unit (self);
  fill_case (self);
  fill_materials (self);
  fill_checklist (self);
  fill_vetting (self);
  xf_stage_timeline_set_visits (self->timeline, self->visits,
                                self->campaign ? xf_campaign_get_promise_days (self->campaign) : 0);
}
