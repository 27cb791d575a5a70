/* xf-care-programmes-view.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care-programmes-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-care-form.h"
#include "xf-care-programme-dialog.h"
#include "xf-care-programmes-view.h"
#include "xf-clock.h"
#include "xf-date-button.h"
#include "xf-error.h"
#include "xf-exchange-job.h"
#include "xf-permission.h"
#include "xf-ui-util.h"

/* People listed at most; the count says how many there are. */
#define MAX_ROWS 200

struct _XfCareProgrammesView
{
  AdwBin                parent_instance;

  XfCare               *care;
  GPtrArray            *programmes;     /* of XfCareProgramme, the catalogue */
  GPtrArray            *eligible;       /* of XfCareEligible; NULL when no programme */
  GPtrArray            *gaps;           /* of XfCareEligible */
  GPtrArray            *views;          /* of XfCareView, all read */
  GPtrArray            *facts_rows;
  char                 *code;           /* the programme shown; NULL for none */
  gboolean              picked_first;   /* code is the first programme, not chosen: the list first when narrowed */
  XfReloadQueue         reload;
  GCancellable         *lists_cancellable; /* the eligible and the gaps being read */
  gboolean              may_edit;       /* CARE_CATALOGUE */
  gboolean              may_manage;     /* CARE_MANAGE somewhere */
  gboolean              selecting;      /* the view itself moves the selection */
  guint                 region_id;      /* waits for typing to pause */

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkWidget            *list_pane;
  GtkWidget            *separator;
  GtkWidget            *details_pane;
  GtkSearchEntry       *search_entry;
  GtkWidget            *new_programme_button;
  GtkStack             *list_stack;
  GtkListBox           *programme_list;
  AdwStatusPage        *error_status;
  GtkWidget            *details_back_button;
  GtkLabel             *name_label;
  GtkLabel             *kind_label;
  GtkLabel             *description_label;
  GtkLabel             *error_label;
  GtkWidget            *actions_box;
  GtkWidget            *create_batch_button;
  GtkWidget            *edit_button;
  AdwPreferencesGroup  *facts_group;
  AdwPreferencesGroup  *eligible_group;
  XfDateButton         *reference_button;
  AdwEntryRow          *region_row;
  GtkListBox           *eligible_list;
  AdwPreferencesGroup  *gaps_group;
  GtkWidget            *save_view_button;
  GtkSpinButton        *gap_spin;
  GtkWidget            *views_box;
  GtkListBox           *gaps_list;
};

G_DEFINE_FINAL_TYPE (XfCareProgrammesView, xf_care_programmes_view, ADW_TYPE_BIN)

static const XfCareProgramme *
shown_programme (XfCareProgrammesView *self)
{
  if (self->code == NULL || self->programmes == NULL)
    return NULL;
  for (guint i = 0; i < self->programmes->len; i++)
    {
      const XfCareProgramme *programme = g_ptr_array_index (self->programmes, i);

      if (g_strcmp0 (programme->code, self->code) == 0)
        return programme;
    }
  return NULL;
}

static void
show_error (XfCareProgrammesView *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/*
 * People: the eligible and the gaps
 */

static char *
money_or_none (gint64 fen)
{
  return fen > 0 ? xf_money_format (fen) : g_strdup (_("None"));
}

/* The programme's kind, and whether it is still offered; NULL when that
 * says nothing its name does not ("Recuperation trip", a recuperation). */
static char *
kind_text (const XfCareProgramme *programme)
{
  const char *kind = xf_care_kind_label (programme->kind);
  gboolean same = g_utf8_collate (kind, xf_care_programme_get_name (programme)) == 0;

  if (programme->active)
    return same ? NULL : g_strdup (kind);
  if (same)
    return g_strdup (_("No longer offered"));
  /* Translators: a programme's kind, then that it is no longer offered */
  return g_strdup_printf (_("%s · no longer offered"), kind);
}

static GtkWidget *
person_row_new (const char           *name,
                const XfCareEligible *person)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *served;
  g_autoptr(GString) subtitle = g_string_new (person->region_name != NULL ? person->region_name : "");

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), person->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (person->organisation_name != NULL && *person->organisation_name != '\0')
    g_string_append_printf (subtitle, " · %s", person->organisation_name);
  if (person->age >= 0)
    {
      /* Translators: a person's age in full years, after their region */
      g_autofree char *age = g_strdup_printf (ngettext ("aged %d", "aged %d", person->age), person->age);

      g_string_append_printf (subtitle, " · %s", age);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  if (person->last_served_on != NULL)
    {
      /* Translators: %s is a date, YYYY-MM-DD */
      g_autofree char *text = g_strdup_printf (_("Last served %s"), person->last_served_on);

      served = gtk_label_new (text);
    }
  else
    served = gtk_label_new (_("Never served"));
  gtk_widget_add_css_class (served, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (served), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), served);
  return row;
}

static void
fill_people (GtkListBox *list,
             const char *row_name,
             GPtrArray  *people,
             const char *none_text)
{
  xf_care_list_box_clear (list);
  if (people == NULL || people->len == 0)
    {
      gtk_list_box_append (list, xf_message_row_new (NULL, none_text));
      return;
    }
  for (guint i = 0; i < people->len && i < MAX_ROWS; i++)
    gtk_list_box_append (list, person_row_new (row_name, g_ptr_array_index (people, i)));
  if (people->len > MAX_ROWS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more: narrow the region to see them",
                                                         "And %u more: narrow the region to see them",
                                                         people->len - MAX_ROWS),
                                               people->len - MAX_ROWS);

      gtk_list_box_append (list, xf_message_row_new ("more-row", more));
    }
}

static char *
dup_region (XfCareProgrammesView *self)
{
  return xf_entry_row_dup_optional (self->region_row);
}

static const char *
reference_date (XfCareProgrammesView *self)
{
  return xf_date_button_get_date (self->reference_button);
}

/* The lists as read (self->eligible, self->gaps), or why they are not. */
static void
show_lists (XfCareProgrammesView *self,
            const char           *reference,
            int                   years,
            const char           *message)
{
  g_autofree char *eligible = NULL;
  g_autofree char *gaps = NULL;

  if (message != NULL)
    show_error (self, message);
  if (self->eligible != NULL)
    {
      g_autofree char *count = xf_exchange_format_count (self->eligible->len);

      /* Translators: the first %s people, with thousands separators ("1,333"); the second a date, YYYY-MM-DD */
      eligible = g_strdup_printf (ngettext ("%s eligible on %s", "%s eligible on %s", self->eligible->len),
                                  count, reference);
    }
  adw_preferences_group_set_description (self->eligible_group, eligible);
  fill_people (self->eligible_list, "eligible-row", self->eligible,
               self->eligible != NULL ? _("Nobody is eligible") : _("Could not read the eligible"));
  if (self->gaps != NULL)
    {
      g_autofree char *count = xf_exchange_format_count (self->gaps->len);

      /* Translators: %s people, with thousands separators ("1,333"); %d years */
      gaps = g_strdup_printf (ngettext ("%s not served for %d years", "%s not served for %d years", self->gaps->len),
                              count, years);
    }
  adw_preferences_group_set_description (self->gaps_group, gaps);
  fill_people (self->gaps_list, "gap-row", self->gaps,
               self->gaps != NULL ? _("Everyone eligible has been served") : _("Could not read the gaps"));
}

/*
 * Reading the lists in a worker
 */

/* A registry of 100,000 takes a second or two to go through, twice (the
 * eligible, the gaps): that is done on a connection of the worker's own,
 * so that the window stays live. An in-memory database has no second
 * connection: it is read here. */
typedef struct
{
  char      *location;
  XfAccount *actor;
  char      *code;
  char      *reference;
  char      *region;
  int        years;
  GPtrArray *eligible;
  GPtrArray *gaps;
} ListsJob;

static void
lists_job_free (gpointer data)
{
  ListsJob *job = data;

  g_free (job->location);
  g_clear_object (&job->actor);
  g_free (job->code);
  g_free (job->reference);
  g_free (job->region);
  g_clear_pointer (&job->eligible, g_ptr_array_unref);
  g_clear_pointer (&job->gaps, g_ptr_array_unref);
  g_free (job);
}

/* Both lists on @care; FALSE with @error when either fails. */
static gboolean
read_lists (XfCare    *care,
            ListsJob  *job,
            GError   **error)
{
  job->eligible = xf_care_list_eligible (care, job->code, job->reference, job->region, error);
  if (job->eligible == NULL)
    return FALSE;
  job->gaps = xf_care_list_gaps (care, job->code, job->years, job->reference, job->region, error);
  return job->gaps != NULL;
}

static void
lists_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ListsJob *job = task_data;
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfCare) care = NULL;
  GError *error = NULL;

  store = xf_store_open_existing (job->location, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  registry = xf_registry_new (store, job->actor);
  care = xf_care_new (registry);
  if (!read_lists (care, job, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
install_lists (XfCareProgrammesView *self,
               ListsJob             *job,
               const GError         *error)
{
  g_clear_pointer (&self->eligible, g_ptr_array_unref);
  g_clear_pointer (&self->gaps, g_ptr_array_unref);
  if (error == NULL)
    {
      self->eligible = g_steal_pointer (&job->eligible);
      self->gaps = g_steal_pointer (&job->gaps);
    }
  show_lists (self, job->reference, job->years, error != NULL ? error->message : NULL);
}

static void
lists_read_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  XfCareProgrammesView *self = XF_CARE_PROGRAMMES_VIEW (source_object);
  ListsJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->lists_cancellable);
  install_lists (self, job, error);
}

/* Reads the eligible and the gaps of the programme shown again. */
static void
load_lists (XfCareProgrammesView *self)
{
  g_autoptr(GTask) task = NULL;
  ListsJob *job;
  const char *location;

  g_cancellable_cancel (self->lists_cancellable);
  g_clear_object (&self->lists_cancellable);
  g_clear_pointer (&self->eligible, g_ptr_array_unref);
  g_clear_pointer (&self->gaps, g_ptr_array_unref);
  if (self->code == NULL || self->care == NULL)
    return;

  job = g_new0 (ListsJob, 1);
  job->code = g_strdup (self->code);
  job->reference = g_strdup (reference_date (self));
  job->region = dup_region (self);
  job->years = gtk_spin_button_get_value_as_int (self->gap_spin);
  location = xf_db_get_path (xf_store_get_db (xf_registry_get_store (xf_care_get_registry (self->care))));
  if (location == NULL || g_strcmp0 (location, ":memory:") == 0 || xf_care_get_actor (self->care) == NULL)
    {
      g_autoptr(GError) error = NULL;

      read_lists (self->care, job, &error);
      install_lists (self, job, error);
      lists_job_free (job);
      return;
    }
  job->location = g_strdup (location);
  job->actor = xf_account_copy (xf_care_get_actor (self->care));

  adw_preferences_group_set_description (self->eligible_group, _("Reading…"));
  adw_preferences_group_set_description (self->gaps_group, _("Reading…"));
  self->lists_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->lists_cancellable, lists_read_cb, NULL);
  g_task_set_source_tag (task, load_lists);
  g_task_set_task_data (task, job, lists_job_free);
  g_task_run_in_thread (task, lists_thread);
}

/*
 * Saved views: chips
 */

static void
sync_chips (XfCareProgrammesView *self)
{
  g_autofree char *region = dup_region (self);
  int years = gtk_spin_button_get_value_as_int (self->gap_spin);

  for (GtkWidget *chip = gtk_widget_get_first_child (self->views_box); chip != NULL;
       chip = gtk_widget_get_next_sibling (chip))
    {
      const XfCareView *view = g_object_get_data (G_OBJECT (chip), "xf-view");
      GtkWidget *remove = g_object_get_data (G_OBJECT (chip), "xf-remove-button");
      gboolean active = view != NULL && view->gap_years == years &&
                        g_strcmp0 (view->region_code, region) == 0;

      if (!GTK_IS_TOGGLE_BUTTON (chip))
        continue;
      g_signal_handlers_block_matched (chip, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip), active);
      g_signal_handlers_unblock_matched (chip, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      /* One's own view, shown now, may be removed. */
      if (remove != NULL)
        gtk_widget_set_visible (remove, active);
    }
}

static void
remove_view_clicked_cb (GtkWidget            *button,
                        XfCareProgrammesView *self)
{
  const XfCareView *view = g_object_get_data (G_OBJECT (button), "xf-view");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (view == NULL)
    return;
  /* Translators: %s is the name of a saved list */
  text = g_strdup_printf (_("View “%s” removed"), view->name);
  if (!xf_care_remove_view (self->care, view->id, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  /* The chips are made again once idle (::changed), not under this button. */
  xf_care_toast (GTK_WIDGET (self), text);
}

static void
chip_toggled_cb (GtkToggleButton      *chip,
                 XfCareProgrammesView *self)
{
  const XfCareView *view = g_object_get_data (G_OBJECT (chip), "xf-view");

  if (!gtk_toggle_button_get_active (chip) || view == NULL)
    {
      sync_chips (self);
      return;
    }
  g_clear_handle_id (&self->region_id, g_source_remove);
  g_signal_handlers_block_matched (self->region_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_editable_set_text (GTK_EDITABLE (self->region_row), view->region_code != NULL ? view->region_code : "");
  g_signal_handlers_unblock_matched (self->region_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_block_matched (self->gap_spin, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_spin_button_set_value (self->gap_spin, view->gap_years);
  g_signal_handlers_unblock_matched (self->gap_spin, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  load_lists (self);
  sync_chips (self);
}

static void
fill_chips (XfCareProgrammesView *self)
{
  XfAccount *actor = xf_care_get_actor (self->care);

  xf_box_remove_all (GTK_BOX (self->views_box));
  gtk_widget_set_visible (self->views_box, FALSE);
  if (self->views == NULL || self->code == NULL)
    return;
  for (guint i = 0; i < self->views->len; i++)
    {
      const XfCareView *view = g_ptr_array_index (self->views, i);
      GtkWidget *chip;

      if (g_strcmp0 (view->programme_code, self->code) != 0)
        continue;
      chip = gtk_toggle_button_new_with_label (view->name);
      gtk_widget_set_name (chip, "view-chip");
      gtk_widget_add_css_class (chip, "pill");
      gtk_widget_add_css_class (chip, "small");
      gtk_widget_set_tooltip_text (chip, view->owner != NULL ? _("Your view") : _("Shared view"));
      g_object_set_data (G_OBJECT (chip), "xf-view", (gpointer) view);
      g_signal_connect (chip, "toggled", G_CALLBACK (chip_toggled_cb), self);
      gtk_box_append (GTK_BOX (self->views_box), chip);
      /* One's own views; the shared ones are the administrators' (as core has it). */
      if (view->owner != NULL ? actor != NULL && g_strcmp0 (view->owner, xf_account_get_login (actor)) == 0
                              : self->may_edit)
        {
          GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

          gtk_widget_set_name (remove, "remove-view-button");
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_add_css_class (remove, "circular");
          gtk_widget_set_tooltip_text (remove, _("Remove this view"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Remove this view"), -1);
          gtk_widget_set_visible (remove, FALSE);
          g_object_set_data (G_OBJECT (remove), "xf-view", (gpointer) view);
          g_object_set_data (G_OBJECT (chip), "xf-remove-button", remove);
          g_signal_connect (remove, "clicked", G_CALLBACK (remove_view_clicked_cb), self);
          gtk_box_append (GTK_BOX (self->views_box), remove);
        }
      gtk_widget_set_visible (self->views_box, TRUE);
    }
  sync_chips (self);
}

static void
load_views (XfCareProgrammesView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->views, g_ptr_array_unref);
  self->views = xf_care_list_views (self->care, &error);
  if (self->views == NULL)
    g_debug ("Could not read the saved views: %s", error->message);
  fill_chips (self);
}

static void
view_named_cb (gpointer    user_data,
               const char *name)
{
  XfCareProgrammesView *self = XF_CARE_PROGRAMMES_VIEW (user_data);
  g_autoptr(XfCareView) view = xf_care_view_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->care == NULL || self->code == NULL)
    return;
  view->name = g_strdup (name);
  view->programme_code = g_strdup (self->code);
  view->gap_years = gtk_spin_button_get_value_as_int (self->gap_spin);
  view->region_code = dup_region (self);
  /* One's own view: a shared one is the catalogue's. */
  if (xf_care_get_actor (self->care) != NULL)
    view->owner = g_strdup (xf_account_get_login (xf_care_get_actor (self->care)));
  if (xf_care_save_view (self->care, view, &error) <= 0)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  /* Translators: %s is the name of a saved list ("No health check for two years") */
  text = g_strdup_printf (_("View “%s” saved"), name);
  xf_care_toast (GTK_WIDGET (self), text);
  load_views (self);
}

static void
save_view_clicked_cb (XfCareProgrammesView *self)
{
  xf_care_ask_text (GTK_WIDGET (self), _("Save as View"),
                    _("The gap list with this number of years and region, under a name of your own."),
                    _("Name of the view"), _("_Save"), FALSE, TRUE, view_named_cb, self);
}

/*
 * The programme shown
 */

static void
fill_facts (XfCareProgrammesView *self,
            const XfCareProgramme *programme)
{
  g_autofree char *quota = NULL;
  g_autofree char *budget = money_or_none (programme->yearly_budget);
  g_autofree char *unit_cost = money_or_none (programme->unit_cost);
  g_autofree char *interval = NULL;
  g_autofree char *rules = xf_care_rules_describe (programme->rules);
  GtkWidget *row;

  xf_preferences_group_clear_rows (self->facts_group, self->facts_rows);
  if (programme->yearly_quota > 0)
    {
      g_autofree char *count = xf_exchange_format_count (programme->yearly_quota);

      /* Translators: %s a count with thousands separators ("1,200") */
      quota = g_strdup_printf (ngettext ("%s person a year", "%s people a year", programme->yearly_quota), count);
    }
  else
    quota = g_strdup (_("None"));
  interval = g_strdup_printf (ngettext ("Once a year", "Once in %d years", programme->interval_years),
                              programme->interval_years);

  xf_preferences_group_add_row (self->facts_group, self->facts_rows,
                                xf_property_row_new ("quota-row", _("Yearly quota"), quota));
  xf_preferences_group_add_row (self->facts_group, self->facts_rows,
                                xf_property_row_new ("budget-row", _("Yearly budget"), budget));
  xf_preferences_group_add_row (self->facts_group, self->facts_rows,
                                xf_property_row_new ("unit-cost-row", _("Cost per person"), unit_cost));
  xf_preferences_group_add_row (self->facts_group, self->facts_rows,
                                xf_property_row_new ("interval-row", _("Covered when served"), interval));
  row = xf_text_row_new ("rules-row", rules, _("Who it is for"));
  xf_preferences_group_add_row (self->facts_group, self->facts_rows, row);
}

static void
show_details (XfCareProgrammesView *self)
{
  const XfCareProgramme *programme = shown_programme (self);
  g_autofree char *kind = NULL;

  show_error (self, NULL);
  if (programme == NULL)
    {
      load_lists (self);
      return;
    }
  gtk_label_set_text (self->name_label, xf_care_programme_get_name (programme));
  kind = kind_text (programme);
  gtk_label_set_text (self->kind_label, kind != NULL ? kind : "");
  gtk_widget_set_visible (GTK_WIDGET (self->kind_label), kind != NULL);
  gtk_label_set_text (self->description_label, xf_care_programme_get_description (programme));
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          *xf_care_programme_get_description (programme) != '\0');
  gtk_widget_set_visible (self->edit_button, self->may_edit);
  gtk_widget_set_visible (self->create_batch_button, self->may_manage && programme->active);
  gtk_widget_set_visible (self->actions_box, self->may_edit || (self->may_manage && programme->active));
  gtk_widget_set_visible (self->save_view_button, self->may_manage);
  fill_facts (self, programme);
  load_lists (self);
  fill_chips (self);
}

static void
sync_panes (XfCareProgrammesView *self,
            gboolean              go_there)
{
  xf_leaflet_sync_details (self->leaflet, self->list_pane, self->separator, self->details_pane,
                           self->code != NULL, go_there);
  gtk_widget_set_hexpand (self->list_pane, self->code == NULL);
  gtk_widget_set_visible (self->details_back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
select_row_of (XfCareProgrammesView *self)
{
  self->selecting = TRUE;
  gtk_list_box_unselect_all (self->programme_list);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->programme_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (self->code != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (row), "xf-code"), self->code) == 0)
      gtk_list_box_select_row (self->programme_list, GTK_LIST_BOX_ROW (row));
  self->selecting = FALSE;
}

void
xf_care_programmes_view_show (XfCareProgrammesView *self,
                              const char           *code)
{
  g_return_if_fail (XF_IS_CARE_PROGRAMMES_VIEW (self));

  if (code != self->code)
    {
      g_free (self->code);
      self->code = g_strdup (code);
      self->picked_first = FALSE;
    }
  if (shown_programme (self) == NULL)
    g_clear_pointer (&self->code, g_free);
  select_row_of (self);
  show_details (self);
  sync_panes (self, self->code != NULL);
}

/*
 * The catalogue
 */

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  XfCareProgrammesView *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *haystack = g_object_get_data (G_OBJECT (row), "xf-search");
  g_autofree char *needle = g_utf8_casefold (text, -1);

  return *text == '\0' || (haystack != NULL && strstr (haystack, needle) != NULL);
}

static GtkWidget *
programme_row_new (const XfCareProgramme *programme)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (xf_care_programme_get_name (programme));
  GtkWidget *subtitle;
  g_autofree char *rules = xf_care_rules_describe (programme->rules);
  g_autofree char *text = NULL;
  g_autofree char *search = NULL;

  /* Who it is for tells the programmes apart; the kind often repeats the name. */
  if (programme->active)
    text = g_strdup (rules);
  else
    /* Translators: who a programme is for, then that it is no longer offered */
    text = g_strdup_printf (_("%s · no longer offered"), rules);
  subtitle = gtk_label_new (text);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (subtitle, text);
  gtk_widget_set_name (row, "programme-row");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  if (!programme->active)
    gtk_widget_add_css_class (box, "dim-label");

  search = g_strjoin (" ", programme->code, programme->name_en ? programme->name_en : "",
                      programme->name_zh ? programme->name_zh : "", xf_care_kind_label (programme->kind), NULL);
  g_object_set_data_full (G_OBJECT (row), "xf-search", g_utf8_casefold (search, -1), g_free);
  g_object_set_data_full (G_OBJECT (row), "xf-code", g_strdup (programme->code), g_free);
  return row;
}

static void
update_list_state (XfCareProgrammesView *self)
{
  gboolean any = FALSE;

  if (self->programmes == NULL)
    return;
  if (self->programmes->len == 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      return;
    }
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->programme_list)); row != NULL && !any;
       row = gtk_widget_get_next_sibling (row))
    any = gtk_widget_get_child_visible (row);
  gtk_stack_set_visible_child_name (self->list_stack, any ? "list" : "no-matches");
}

static void
search_changed_cb (XfCareProgrammesView *self)
{
  gtk_list_box_invalidate_filter (self->programme_list);
  update_list_state (self);
}

static void
load (XfCareProgrammesView *self)
{
  g_autoptr(GError) error = NULL;

  xf_reload_queue_reloading (&self->reload);
  if (self->care == NULL)
    return;
  g_clear_pointer (&self->programmes, g_ptr_array_unref);
  xf_care_list_box_clear (self->programme_list);
  self->programmes = xf_care_list_programmes (self->care, TRUE, &error);
  if (self->programmes == NULL)
    {
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      xf_care_programmes_view_show (self, NULL);
      return;
    }
  for (guint i = 0; i < self->programmes->len; i++)
    gtk_list_box_append (self->programme_list, programme_row_new (g_ptr_array_index (self->programmes, i)));
  update_list_state (self);

  load_views (self);
  /* Beside the list, the first programme rather than nothing. */
  if (self->code == NULL && self->programmes->len > 0 && !adw_leaflet_get_folded (self->leaflet))
    {
      self->code = g_strdup (((XfCareProgramme *) g_ptr_array_index (self->programmes, 0))->code);
      self->picked_first = TRUE;
    }
  xf_care_programmes_view_show (self, self->code);
}

static void
reload_cb (GtkWidget *widget)
{
  load (XF_CARE_PROGRAMMES_VIEW (widget));
}

void
xf_care_programmes_view_refresh (XfCareProgrammesView *self)
{
  g_return_if_fail (XF_IS_CARE_PROGRAMMES_VIEW (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->reload.stale = TRUE;
      return;
    }
  load (self);
}

static void
programme_selected_cb (XfCareProgrammesView *self,
                       GtkListBoxRow        *row)
{
  if (self->selecting || row == NULL)
    return;
  xf_care_programmes_view_show (self, g_object_get_data (G_OBJECT (row), "xf-code"));
}

/*
 * Filters of the lists
 */

static void
reference_changed_cb (XfCareProgrammesView *self)
{
  if (self->code == NULL)
    return;
  load_lists (self);
}

static gboolean
region_timeout_cb (gpointer data)
{
  XfCareProgrammesView *self = data;

  self->region_id = 0;
  load_lists (self);
  sync_chips (self);
  return G_SOURCE_REMOVE;
}

static void
region_changed_cb (XfCareProgrammesView *self)
{
  g_clear_handle_id (&self->region_id, g_source_remove);
  if (self->code != NULL)
    self->region_id = g_timeout_add (200, region_timeout_cb, self);
}

static void
gap_changed_cb (XfCareProgrammesView *self)
{
  load_lists (self);
  sync_chips (self);
}

/*
 * Editing and batches
 */

static void
programme_saved_cb (XfCareProgrammesView *self)
{
  xf_care_toast (GTK_WIDGET (self), _("Programme saved"));
  load (self);
}

static void
programme_created_cb (XfCareProgrammesView *self,
                      gint64                programme_id)
{
  xf_care_toast (GTK_WIDGET (self), _("Programme added"));
  load (self);
  for (guint i = 0; self->programmes != NULL && i < self->programmes->len; i++)
    {
      const XfCareProgramme *programme = g_ptr_array_index (self->programmes, i);

      if (programme->id == programme_id)
        {
          xf_care_programmes_view_show (self, programme->code);
          break;
        }
    }
}

static void
new_programme_clicked_cb (XfCareProgrammesView *self)
{
  GtkWidget *dialog;

  if (!self->may_edit)
    return;
  dialog = xf_care_programme_dialog_new (xf_widget_get_window (GTK_WIDGET (self)), self->care, NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (programme_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_clicked_cb (XfCareProgrammesView *self)
{
  const XfCareProgramme *programme = shown_programme (self);
  GtkWidget *dialog;

  if (programme == NULL || !self->may_edit)
    return;
  dialog = xf_care_programme_dialog_new (xf_widget_get_window (GTK_WIDGET (self)), self->care, programme);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (programme_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_batch_clicked_cb (XfCareProgrammesView *self)
{
  if (self->code != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "care.create-batch", "s", self->code);
}

/*
 * GObject
 */

static void
folded_cb (XfCareProgrammesView *self)
{
  /* Narrowed: the list first, unless a programme was chosen; the first
   * one was only there to fill the space beside the list. */
  if (adw_leaflet_get_folded (self->leaflet) && self->picked_first)
    xf_care_programmes_view_show (self, NULL);
  else if (!adw_leaflet_get_folded (self->leaflet) && self->code == NULL && self->programmes != NULL
           && self->programmes->len > 0)
    {
      xf_care_programmes_view_show (self, ((XfCareProgramme *) g_ptr_array_index (self->programmes, 0))->code);
      self->picked_first = TRUE;
    }
  xf_leaflet_keep_details (self->leaflet, self->details_pane);
  gtk_widget_set_visible (self->details_back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
pane_cb (XfCareProgrammesView *self)
{
  if (xf_leaflet_swiped_back (self->leaflet, self->list_pane) && self->code != NULL)
    xf_care_programmes_view_show (self, NULL);
}

static void
xf_care_programmes_view_map (GtkWidget *widget)
{
  XfCareProgrammesView *self = XF_CARE_PROGRAMMES_VIEW (widget);

  GTK_WIDGET_CLASS (xf_care_programmes_view_parent_class)->map (widget);
  if (self->programmes == NULL)
    self->reload.stale = TRUE;
  xf_reload_queue_mapped (&self->reload);
}

static void
xf_care_programmes_view_dispose (GObject *object)
{
  XfCareProgrammesView *self = XF_CARE_PROGRAMMES_VIEW (object);

  xf_reload_queue_clear (&self->reload);
  g_clear_handle_id (&self->region_id, g_source_remove);
  g_cancellable_cancel (self->lists_cancellable);
  g_clear_object (&self->lists_cancellable);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_CARE_PROGRAMMES_VIEW);
  g_clear_pointer (&self->programmes, g_ptr_array_unref);
  g_clear_pointer (&self->eligible, g_ptr_array_unref);
  g_clear_pointer (&self->gaps, g_ptr_array_unref);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_clear_pointer (&self->facts_rows, g_ptr_array_unref);
  g_clear_pointer (&self->code, g_free);
  g_clear_object (&self->care);

  G_OBJECT_CLASS (xf_care_programmes_view_parent_class)->dispose (object);
}

static void
xf_care_programmes_view_class_init (XfCareProgrammesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_care_programmes_view_dispose;
  widget_class->map = xf_care_programmes_view_map;

  g_type_ensure (XF_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/care/xf-care-programmes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, separator);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, details_pane);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, new_programme_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, programme_list);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, error_status);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, details_back_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, name_label);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, kind_label);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, description_label);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, create_batch_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, edit_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, facts_group);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, eligible_group);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, reference_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, region_row);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, eligible_list);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, gaps_group);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, save_view_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, gap_spin);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, views_box);
  gtk_widget_class_bind_template_child (widget_class, XfCareProgrammesView, gaps_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, programme_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, region_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, gap_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_view_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_programme_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_batch_clicked_cb);
}

static void
xf_care_programmes_view_init (XfCareProgrammesView *self)
{
  g_autofree char *today = xf_clock_today_text ();

  gtk_widget_init_template (GTK_WIDGET (self));
  xf_care_wrap_children (self->actions_box);
  xf_care_wrap_children (self->views_box);
  self->facts_rows = g_ptr_array_new ();
  xf_reload_queue_init (&self->reload, GTK_WIDGET (self), reload_cb);
  gtk_list_box_set_filter_func (self->programme_list, filter_func, self, NULL);
  xf_date_button_set_date (self->reference_button, today);
  g_signal_connect_object (self->reference_button, "notify::date",
                           G_CALLBACK (reference_changed_cb), self, G_CONNECT_SWAPPED);
  xf_leaflet_connect_panes (self->leaflet, self, G_CALLBACK (folded_cb), G_CALLBACK (pane_cb));
  sync_panes (self, FALSE);
}

static void
care_changed_cb (XfCareProgrammesView *self)
{
  xf_reload_queue_changed (&self->reload);
}

GtkWidget *
xf_care_programmes_view_new (XfCare *care)
{
  XfCareProgrammesView *self;
  XfAccount *actor;

  g_return_val_if_fail (XF_IS_CARE (care), NULL);

  self = g_object_new (XF_TYPE_CARE_PROGRAMMES_VIEW, NULL);
  self->care = g_object_ref (care);
  actor = xf_care_get_actor (care);
  self->may_edit = actor != NULL && xf_permission_allows_somewhere (actor, XF_OP_CARE_CATALOGUE);
  self->may_manage = actor != NULL && xf_permission_allows_somewhere (actor, XF_OP_CARE_MANAGE);
  gtk_widget_set_visible (self->new_programme_button, self->may_edit);
  g_signal_connect_object (care, "changed", G_CALLBACK (care_changed_cb), self, G_CONNECT_SWAPPED);
  self->reload.stale = TRUE;
  return GTK_WIDGET (self);
}

/*
 * Public accessors
 */

const char *
xf_care_programmes_view_get_code (XfCareProgrammesView *self)
{
  g_return_val_if_fail (XF_IS_CARE_PROGRAMMES_VIEW (self), NULL);
  return self->code;
}

GPtrArray *
xf_care_programmes_view_get_programmes (XfCareProgrammesView *self)
{
  g_return_val_if_fail (XF_IS_CARE_PROGRAMMES_VIEW (self), NULL);

  if (self->programmes == NULL || self->reload.stale)
    load (self);
  return self->programmes;
}

GPtrArray *
xf_care_programmes_view_get_eligible (XfCareProgrammesView *self)
{
  g_return_val_if_fail (XF_IS_CARE_PROGRAMMES_VIEW (self), NULL);
  return self->eligible;
}

gboolean
xf_care_programmes_view_is_reading (XfCareProgrammesView *self)
{
  g_return_val_if_fail (XF_IS_CARE_PROGRAMMES_VIEW (self), FALSE);
  return self->lists_cancellable != NULL;
}

GPtrArray *
xf_care_programmes_view_get_gaps (XfCareProgrammesView *self)
{
  g_return_val_if_fail (XF_IS_CARE_PROGRAMMES_VIEW (self), NULL);
  return self->gaps;
}

void
xf_care_programmes_view_set_reference (XfCareProgrammesView *self,
                                       const char           *date)
{
  g_autofree char *today = NULL;

  g_return_if_fail (XF_IS_CARE_PROGRAMMES_VIEW (self));

  if (date == NULL)
    date = today = xf_clock_today_text ();
  xf_date_button_set_date (self->reference_button, date);
}

void
xf_care_programmes_view_focus_search (XfCareProgrammesView *self)
{
  g_return_if_fail (XF_IS_CARE_PROGRAMMES_VIEW (self));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Opens "New programme" (administrators: CARE_CATALOGUE); else nothing. */
void
xf_care_programmes_view_new_programme (XfCareProgrammesView *self)
{
  g_return_if_fail (XF_IS_CARE_PROGRAMMES_VIEW (self));

  new_programme_clicked_cb (self);
}

gboolean
xf_care_programmes_view_back (XfCareProgrammesView *self)
{
  g_return_val_if_fail (XF_IS_CARE_PROGRAMMES_VIEW (self), FALSE);

  if (self->code == NULL || !adw_leaflet_get_folded (self->leaflet))
    return FALSE;
  xf_care_programmes_view_show (self, NULL);
  return TRUE;
}
