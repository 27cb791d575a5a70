/* xf-visits-view.c — visits (走访慰问) and the care calendar
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-visits-view"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "xf-care-form.h"
#include "xf-care-reminder-notifier.h"
#include "xf-care-step-form.h"
#include "xf-clock.h"
#include "xf-permission.h"
#include "xf-pioneer-picker.h"
#include "xf-ui-util.h"
#include "xf-visits-view.h"

struct _XfVisitsView
{
  AdwBin           parent_instance;

  XfCare          *care;
  GPtrArray       *programmes;    /* (element-type XfCareProgramme): a visit's programme choices */
  XfReloadQueue    reload;
  gboolean         may_manage;    /* CARE_MANAGE somewhere */
  guint            n_agenda;      /* rows in the agenda now */
  AdwToast        *toast;         /* the last toast (weak) */

  AdwToastOverlay *toast_overlay;
  AdwLeaflet      *leaflet;
  GtkWidget       *calendar_pane;
  GtkWidget       *agenda_pane;
  GtkCalendar     *calendar;
  GtkEntry        *region_entry;
  GtkToggleButton *reminders_button;
  GtkWidget       *plan_button;
  GtkWidget       *back_button;
  GtkWidget       *agenda_button;  /* folded only: the agenda of the day chosen */
  AdwWindowTitle  *agenda_title;
  GtkStack        *agenda_stack;
  GtkListBox      *agenda_list;
  AdwStatusPage   *agenda_status;
};

G_DEFINE_FINAL_TYPE (XfVisitsView, xf_visits_view, ADW_TYPE_BIN)

/* One line of the agenda: a calendar item, or a visit. */
typedef struct
{
  const char               *date;
  const XfCareCalendarItem *item;
  const XfCareVisit        *visit;
} Entry;

static void
toast (XfVisitsView *self,
       const char   *text)
{
  xf_toast_overlay_replace (self->toast_overlay, &self->toast, text);
}

static char *
format_date (GDateTime *date)
{
  return g_date_time_format (date, "%Y-%m-%d");
}

/* The displayed month's first and last day, and the selected day. */
static void
get_range (XfVisitsView *self,
           char        **first,
           char        **last,
           char        **selected)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (day),
                                                      g_date_time_get_month (day), 1, 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_months (start, 1);
  g_autoptr(GDateTime) end = g_date_time_add_days (next, -1);

  if (first != NULL)
    *first = format_date (start);
  if (last != NULL)
    *last = format_date (end);
  if (selected != NULL)
    *selected = format_date (day);
}

static char *
dup_region (XfVisitsView *self)
{
  char *region = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->region_entry))));

  if (region[0] == '\0')
    g_clear_pointer (&region, g_free);
  return region;
}

static const char *
kind_icon (const char *kind)
{
  if (g_strcmp0 (kind, XF_CALENDAR_BIRTHDAY) == 0)
    return "emblem-favorite-symbolic";
  if (g_strcmp0 (kind, XF_CALENDAR_ANNIVERSARY) == 0)
    return "starred-symbolic";
  if (g_strcmp0 (kind, XF_CALENDAR_HEALTH_CHECK_DUE) == 0)
    return "emblem-important-symbolic";
  if (g_strcmp0 (kind, XF_CALENDAR_BATCH) == 0)
    return "system-users-symbolic";
  return "x-office-calendar-symbolic";
}

/* The purpose a visit planned from @kind starts with. */
static const char *
purpose_for (const char *kind)
{
  if (g_strcmp0 (kind, XF_CALENDAR_BIRTHDAY) == 0)
    return "birthday";
  if (g_strcmp0 (kind, XF_CALENDAR_ANNIVERSARY) == 0)
    return "anniversary";
  return "other";
}

/*
 * The visit form: plan, or change a planned visit
 */

typedef struct
{
  XfVisitsView *self;
  XfCareVisit  *visit;     /* the visit as it was (id 0 when new) */
} VisitData;

static void
visit_data_free (gpointer data)
{
  VisitData *visit_data = data;

  g_clear_object (&visit_data->self);
  g_clear_pointer (&visit_data->visit, xf_care_visit_free);
  g_free (visit_data);
}

static gboolean
save_visit_submit (XfCareStepForm *form,
                   gpointer        data,
                   GError        **error)
{
  VisitData *visit_data = data;
  XfVisitsView *self = visit_data->self;
  g_autoptr(XfCareVisit) visit = xf_care_visit_copy (visit_data->visit);
  const char * const *purposes = xf_visit_purposes ();
  GtkWidget *picker = xf_care_step_form_get_field (form, "pioneer");
  guint programme = xf_care_step_form_get_selected (form, "programme");

  if (picker != NULL)
    visit->pioneer_id = xf_pioneer_picker_get_pioneer_id (XF_PIONEER_PICKER (picker));
  g_free (visit->purpose);
  visit->purpose = g_strdup (purposes[xf_care_step_form_get_selected (form, "purpose")]);
  g_free (visit->planned_on);
  visit->planned_on = xf_care_step_form_dup_text (form, "date");
  g_free (visit->planned_time);
  visit->planned_time = xf_care_step_form_dup_text (form, "time");
  g_free (visit->assignees);
  visit->assignees = xf_care_step_form_dup_text (form, "assignees");
  g_clear_pointer (&visit->programme_code, g_free);
  if (programme > 0 && self->programmes != NULL && programme <= self->programmes->len)
    visit->programme_code = g_strdup (((XfCareProgramme *) g_ptr_array_index (self->programmes, programme - 1))->code);
  if (xf_care_save_visit (self->care, visit, error) == 0)
    return FALSE;
  toast (self, visit->id > 0 ? _("Visit changed") : _("Visit planned"));
  return TRUE;
}

static void
open_visit_form (XfVisitsView      *self,
                 const XfCareVisit *visit)
{
  const char * const *purposes = xf_visit_purposes ();
  g_autoptr(GPtrArray) purpose_labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) programme_labels = g_ptr_array_new ();
  XfCareStepForm *form;
  VisitData *data = g_new0 (VisitData, 1);
  guint purpose = 0;
  guint programme = 0;
  GtkWidget *picker;

  data->self = g_object_ref (self);
  data->visit = xf_care_visit_copy (visit);
  for (guint i = 0; purposes != NULL && purposes[i] != NULL; i++)
    {
      g_ptr_array_add (purpose_labels, (gpointer) xf_visit_purpose_label (purposes[i]));
      if (g_strcmp0 (purposes[i], visit->purpose) == 0)
        purpose = i;
    }
  g_ptr_array_add (purpose_labels, NULL);
  g_ptr_array_add (programme_labels, (gpointer) _("None"));
  for (guint i = 0; self->programmes != NULL && i < self->programmes->len; i++)
    {
      const XfCareProgramme *p = g_ptr_array_index (self->programmes, i);

      g_ptr_array_add (programme_labels, (gpointer) xf_care_programme_get_name (p));
      if (g_strcmp0 (p->code, visit->programme_code) == 0)
        programme = i + 1;
    }
  g_ptr_array_add (programme_labels, NULL);

  form = xf_care_step_form_new (GTK_WIDGET (self), visit->id > 0 ? _("Change the Visit") : _("Plan a Visit"),
                                _("A visit with a programme writes a care record when it is done."),
                                visit->id > 0 ? _("_Save") : _("_Plan"), FALSE);
  xf_care_step_form_set_submit (form, save_visit_submit, data, visit_data_free);
  picker = xf_pioneer_picker_new (xf_care_get_registry (self->care), _("Pioneer"), FALSE);
  if (visit->pioneer_id > 0)
    xf_pioneer_picker_set_pioneer (XF_PIONEER_PICKER (picker), visit->pioneer_id, visit->pioneer_name);
  xf_care_step_form_add_widget (form, "pioneer", N_("Pioneer"), picker);
  xf_care_step_form_add_choice (form, "purpose", N_("Purpose"), _("P_urpose"),
                                (const char * const *) purpose_labels->pdata, purpose);
  xf_care_step_form_add_entry (form, "date", N_("Date"), _("_Date"), visit->planned_on);
  xf_care_step_form_add_entry (form, "time", N_("Time"), _("_Time (HH:MM, optional)"), visit->planned_time);
  xf_care_step_form_add_entry (form, "assignees", N_("Assignees"), _("_Assignees"), visit->assignees);
  xf_care_step_form_add_choice (form, "programme", N_("Programme"), _("Pro_gramme"),
                                (const char * const *) programme_labels->pdata, programme);
  gtk_window_present (GTK_WINDOW (form));
}

static void
plan_visit (XfVisitsView *self,
            gint64        pioneer_id,
            const char   *pioneer_name,
            const char   *purpose,
            const char   *date)
{
  g_autoptr(XfCareVisit) visit = xf_care_visit_new ();
  g_autofree char *today = xf_clock_today_text ();

  visit->pioneer_id = pioneer_id;
  visit->pioneer_name = g_strdup (pioneer_name);
  visit->purpose = g_strdup (purpose);
  /* A date already past (a birthday this morning) is planned for today. */
  visit->planned_on = g_strdup (date != NULL && g_strcmp0 (date, today) >= 0 ? date : today);
  open_visit_form (self, visit);
}

/*
 * Done, cancel
 */

static gboolean
done_submit (XfCareStepForm *form,
             gpointer        data,
             GError        **error)
{
  VisitData *visit_data = data;
  g_autofree char *done_on = xf_care_step_form_dup_text (form, "done-on");
  g_autofree char *notes = xf_care_step_form_dup_text (form, "notes");
  gint64 amount = 0;

  if (!xf_care_step_form_get_amount (form, "amount", &amount, error)
      || !xf_care_complete_visit (visit_data->self->care, visit_data->visit->id, done_on, notes, amount, error))
    return FALSE;
  toast (visit_data->self, _("Visit done"));
  return TRUE;
}

static void
complete_visit (XfVisitsView      *self,
                const XfCareVisit *visit)
{
  g_autofree char *today = xf_clock_today_text ();
  g_autofree char *body = NULL;
  XfCareStepForm *form;
  VisitData *data = g_new0 (VisitData, 1);

  data->self = g_object_ref (self);
  data->visit = xf_care_visit_copy (visit);
  /* Translators: the visit form: the pioneer visited, the purpose */
  body = g_strdup_printf (_("The visit to %s (%s): what happened, and what was given."),
                          visit->pioneer_name, xf_visit_purpose_label (visit->purpose));
  form = xf_care_step_form_new (GTK_WIDGET (self), _("Visit Done"), body, _("_Done"), FALSE);
  xf_care_step_form_set_submit (form, done_submit, data, visit_data_free);
  xf_care_step_form_add_entry (form, "done-on", N_("Done on"), _("Done _on"), today);
  xf_care_step_form_add_entry (form, "amount", N_("Amount"), _("_Amount given (yuan)"), "0");
  xf_care_step_form_add_text (form, "notes", N_("Notes"), _("_Notes"), NULL);
  gtk_window_present (GTK_WINDOW (form));
}

static void
cancel_reason_cb (gpointer    user_data,
                  const char *reason)
{
  XfVisitsView *self = XF_VISITS_VIEW (user_data);
  gint64 visit_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (self), "cancel-visit"));
  g_autoptr(GError) error = NULL;

  if (xf_care_cancel_visit (self->care, visit_id, reason, &error))
    toast (self, _("Visit cancelled"));
  else
    toast (self, error->message);
}

static void
cancel_visit (XfVisitsView      *self,
              const XfCareVisit *visit)
{
  g_autofree char *body = NULL;

  g_object_set_data (G_OBJECT (self), "cancel-visit", GSIZE_TO_POINTER ((gsize) visit->id));
  /* Translators: the pioneer and the date of the visit cancelled */
  body = g_strdup_printf (_("The visit to %s on %s is cancelled; the reason is kept."),
                          visit->pioneer_name, visit->planned_on);
  xf_care_ask_reason (GTK_WIDGET (self), _("Cancel the Visit?"), body, _("Cancel _Visit"), TRUE, TRUE,
                      cancel_reason_cb, self);
}

/* The buttons of an agenda row find their visit or item through the row. */
static void
visit_button_cb (GtkButton    *button,
                 XfVisitsView *self)
{
  const char *what = gtk_widget_get_name (GTK_WIDGET (button));
  gint64 visit_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "visit-id"));
  g_autoptr(GError) error = NULL;
  g_autoptr(XfCareVisit) visit = xf_care_get_visit (self->care, visit_id, &error);

  if (visit == NULL)
    {
      toast (self, error->message);
      return;
    }
  if (g_str_equal (what, "done"))
    complete_visit (self, visit);
  else if (g_str_equal (what, "cancel"))
    cancel_visit (self, visit);
  else
    open_visit_form (self, visit);
}

static void
plan_button_cb (GtkButton    *button,
                XfVisitsView *self)
{
  plan_visit (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "pioneer-id")),
              g_object_get_data (G_OBJECT (button), "pioneer-name"),
              g_object_get_data (G_OBJECT (button), "purpose"),
              g_object_get_data (G_OBJECT (button), "date"));
}

static GtkWidget *
new_row_button (XfVisitsView *self,
                GtkWidget    *row,
                const char   *name,
                const char   *label,
                GCallback     callback)
{
  GtkWidget *button = label != NULL ? gtk_button_new_with_mnemonic (label) : gtk_button_new ();

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", callback, self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

static GtkWidget *
make_item_row (XfVisitsView             *self,
               const XfCareCalendarItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  gtk_widget_set_name (row, "calendar-item");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
  /* Translators: an agenda line: the date, then who it is about */
  subtitle = item->pioneer_name != NULL && *item->pioneer_name != '\0'
             ? g_strdup_printf (_("%s · %s"), item->date, item->pioneer_name) : g_strdup (item->date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), kind_icon (item->kind));
  if (item->visit_planned)
    {
      GtkWidget *label = gtk_label_new (_("Visit planned"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else if (item->pioneer_id > 0 && self->may_manage)
    {
      GtkWidget *button = new_row_button (self, row, "plan", _("_Plan visit…"), G_CALLBACK (plan_button_cb));

      g_object_set_data (G_OBJECT (button), "pioneer-id", GSIZE_TO_POINTER ((gsize) item->pioneer_id));
      g_object_set_data_full (G_OBJECT (button), "pioneer-name", g_strdup (item->pioneer_name), g_free);
      g_object_set_data (G_OBJECT (button), "purpose", (gpointer) purpose_for (item->kind));
      g_object_set_data_full (G_OBJECT (button), "date", g_strdup (item->date), g_free);
    }
  return row;
}

static GtkWidget *
make_visit_row (XfVisitsView      *self,
                const XfCareVisit *visit)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean planned = g_strcmp0 (visit->status, XF_VISIT_PLANNED) == 0;

  gtk_widget_set_name (row, "visit");
  /* Translators: a visit in the agenda: its purpose, then the pioneer */
  title = g_strdup_printf (_("%s: %s"), xf_visit_purpose_label (visit->purpose), visit->pioneer_name);
  /* Translators: a visit in the agenda: date and time, assignees, status */
  subtitle = g_strdup_printf (_("%s %s · %s · %s"), visit->planned_on,
                              visit->planned_time != NULL ? visit->planned_time : "",
                              visit->assignees != NULL ? visit->assignees : "",
                              visit->overdue ? _("Overdue") : xf_visit_status_label (visit->status));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "x-office-calendar-symbolic");
  if (visit->overdue)
    gtk_widget_add_css_class (row, "warning");
  if (planned && xf_registry_check_id (xf_care_get_registry (self->care), XF_OP_CARE_MANAGE,
                                       visit->pioneer_id, NULL))
    {
      /* Icons, so that the row keeps its text on a phone. */
      static const struct { const char *name, *icon, *tooltip; } buttons[] = {
        { "done", "object-select-symbolic", N_("Done…") },
        { "edit", "document-edit-symbolic", N_("Edit…") },
        { "cancel", "window-close-symbolic", N_("Cancel the visit…") },
      };

      for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
        {
          GtkWidget *button = new_row_button (self, row, buttons[i].name, NULL, G_CALLBACK (visit_button_cb));

          gtk_button_set_icon_name (GTK_BUTTON (button), buttons[i].icon);
          gtk_widget_set_tooltip_text (button, _(buttons[i].tooltip));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _(buttons[i].tooltip), -1);
          g_object_set_data (G_OBJECT (button), "visit-id", GSIZE_TO_POINTER ((gsize) visit->id));
        }
    }
  return row;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;

  return g_strcmp0 (x->date, y->date);
}

/*
 * Loading
 */

static void
show_status (XfVisitsView *self,
             const char   *title,
             const char   *description)
{
  adw_status_page_set_title (self->agenda_status, title);
  adw_status_page_set_description (self->agenda_status, description);
  gtk_stack_set_visible_child_name (self->agenda_stack, "empty");
}

/* GtkCalendar 4.8 keeps its marks without showing them: the days'
 * labels get a class of their own. */
static void
show_marks (XfVisitsView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->calendar)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    for (GtkWidget *label = gtk_widget_get_first_child (child); label != NULL;
         label = gtk_widget_get_next_sibling (label))
      {
        gboolean marked;

        if (!GTK_IS_LABEL (label) || !gtk_widget_has_css_class (label, "day-number"))
          continue;
        marked = !gtk_widget_has_css_class (label, "other-month")
                 && gtk_calendar_get_day_is_marked (self->calendar, atoi (gtk_label_get_text (GTK_LABEL (label))));
        if (marked)
          gtk_widget_add_css_class (label, "marked");
        else
          gtk_widget_remove_css_class (label, "marked");
      }
}

static void
mark_days (XfVisitsView *self,
           GPtrArray    *items,
           GPtrArray    *visits,
           const char   *first)
{
  gtk_calendar_clear_marks (self->calendar);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const XfCareCalendarItem *item = g_ptr_array_index (items, i);

      if (strncmp (item->date, first, 7) == 0)
        gtk_calendar_mark_day (self->calendar, atoi (item->date + 8));
    }
  for (guint i = 0; visits != NULL && i < visits->len; i++)
    {
      const XfCareVisit *visit = g_ptr_array_index (visits, i);

      if (strncmp (visit->planned_on, first, 7) == 0)
        gtk_calendar_mark_day (self->calendar, atoi (visit->planned_on + 8));
    }
  show_marks (self);
}

static void
load (XfVisitsView *self)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *selected = NULL;
  g_autofree char *region = dup_region (self);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GError) error = NULL;
  gboolean reminders = gtk_toggle_button_get_active (self->reminders_button);
  GtkWidget *child;

  xf_reload_queue_reloading (&self->reload);
  get_range (self, &first, &last, &selected);
  if (reminders)
    {
      g_autoptr(GDateTime) now = xf_clock_now_local ();

      items = xf_care_due_reminders (self->care, now, XF_CARE_REMIND_DAYS, &error);
      adw_window_title_set_title (self->agenda_title, _("Due reminders"));
      adw_window_title_set_subtitle (self->agenda_title, _("Shown in working time"));
    }
  else
    {
      g_autoptr(GPtrArray) month = xf_care_calendar (self->care, first, last, region, XF_CARE_REMIND_DAYS, &error);

      if (month != NULL)
        visits = xf_care_list_visits (self->care, first, last, 0, NULL, region, error == NULL ? &error : NULL);
      mark_days (self, month, visits, first);
      items = g_steal_pointer (&month);
      adw_window_title_set_title (self->agenda_title, _("Agenda"));
      /* Translators: the agenda's range: from the day chosen to the month's end */
      {
        g_autofree char *range = g_strdup_printf (_("%s to %s"), selected, last);

        adw_window_title_set_subtitle (self->agenda_title, range);
      }
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_list))) != NULL)
    gtk_list_box_remove (self->agenda_list, child);
  self->n_agenda = 0;
  if (items == NULL || error != NULL)
    {
      show_status (self, _("Could not read the calendar"), error != NULL ? error->message : NULL);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    {
      const XfCareCalendarItem *item = g_ptr_array_index (items, i);
      Entry entry = { item->date, item, NULL };

      /* Planned visits come with their own actions, from the visits. */
      if (!reminders && g_strcmp0 (item->kind, XF_CALENDAR_VISIT) == 0)
        continue;
      if (!reminders && g_strcmp0 (item->date, selected) < 0)
        continue;
      g_array_append_val (entries, entry);
    }
  for (guint i = 0; visits != NULL && i < visits->len; i++)
    {
      const XfCareVisit *visit = g_ptr_array_index (visits, i);
      Entry entry = { visit->planned_on, NULL, visit };

      /* Within a region, core lists that region's visits, done and
       * cancelled ones too. */
      if (g_strcmp0 (visit->planned_on, selected) < 0)
        continue;
      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_entries);
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);

      gtk_list_box_append (self->agenda_list, entry->visit != NULL ? make_visit_row (self, entry->visit)
                                                                   : make_item_row (self, entry->item));
      self->n_agenda++;
    }
  if (self->n_agenda > 0)
    gtk_stack_set_visible_child_name (self->agenda_stack, "list");
  else if (reminders)
    show_status (self, _("No reminders due"),
                 _("Reminders of birthdays, anniversaries, health checks and visits show here a few "
                   "working days before, in working time."));
  else
    show_status (self, _("Nothing planned"),
                 _("No birthdays, anniversaries, health checks due, visits or batch dates from this "
                   "day to the end of the month."));
}

static void
reload_cb (GtkWidget *widget)
{
  load (XF_VISITS_VIEW (widget));
}

/*
 * Signals and actions
 */

static void
changed_cb (XfVisitsView *self)
{
  load (self);
}

static void
day_selected_cb (XfVisitsView *self)
{
  load (self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->agenda_pane);
}

static void
care_changed_cb (XfVisitsView *self)
{
  xf_reload_queue_changed (&self->reload);
}

static void
map_cb (XfVisitsView *self)
{
  xf_reload_queue_mapped (&self->reload);
}

static void
folded_cb (XfVisitsView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->back_button, folded);
  gtk_widget_set_visible (self->agenda_button, folded);
}

/* On a phone the agenda is a page of its own: this opens it for the day
 * already chosen (today at first), which a tap on that day would not. */
static void
agenda_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XfVisitsView *self = XF_VISITS_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->agenda_pane);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XfVisitsView *self = XF_VISITS_VIEW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->calendar_pane);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XfVisitsView *self = XF_VISITS_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->calendar_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->region_entry));
}

static void
plan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XfVisitsView *self = XF_VISITS_VIEW (widget);
  g_autofree char *selected = NULL;

  get_range (self, NULL, NULL, &selected);
  plan_visit (self, 0, NULL, "festival", selected);
}

/*
 * Construction
 */

static GtkWidget *
build_calendar_pane (XfVisitsView *self)
{
  GtkWidget *pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_size_request (pane, 300, -1);
  gtk_widget_set_margin_top (pane, 12);
  gtk_widget_set_margin_bottom (pane, 12);
  gtk_widget_set_margin_start (pane, 12);
  gtk_widget_set_margin_end (pane, 12);

  self->region_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->region_entry, _("Region code, e.g. 3305"));
  gtk_entry_set_input_purpose (self->region_entry, GTK_INPUT_PURPOSE_DIGITS);
  gtk_entry_set_max_length (self->region_entry, 12);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->region_entry), _("Region (Ctrl+F)"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->region_entry), TRUE);
  gtk_entry_set_icon_from_icon_name (self->region_entry, GTK_ENTRY_ICON_PRIMARY, "find-location-symbolic");
  g_signal_connect_object (self->region_entry, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->region_entry));
  self->plan_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_name (self->plan_button, "plan-visit");
  gtk_widget_set_tooltip_text (self->plan_button, _("Plan a visit"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->plan_button), "visits.plan");
  gtk_box_append (GTK_BOX (bar), self->plan_button);
  gtk_box_append (GTK_BOX (pane), bar);

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_widget_set_name (GTK_WIDGET (self->calendar), "calendar");
  gtk_widget_add_css_class (GTK_WIDGET (self->calendar), "care-calendar");
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "next-month", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "prev-month", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "next-year", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "prev-year", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (pane), GTK_WIDGET (self->calendar));

  self->reminders_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_child (GTK_BUTTON (self->reminders_button), g_object_new (ADW_TYPE_BUTTON_CONTENT,
                                                                           "icon-name", "alarm-symbolic",
                                                                           "label", _("_Reminders"),
                                                                           "use-underline", TRUE, NULL));
  gtk_widget_set_name (GTK_WIDGET (self->reminders_button), "reminders");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reminders_button), _("Show the reminders due now"));
  g_signal_connect_object (self->reminders_button, "toggled", G_CALLBACK (day_selected_cb), self,
                           G_CONNECT_SWAPPED);
  self->agenda_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->agenda_button), g_object_new (ADW_TYPE_BUTTON_CONTENT,
                                                                       "icon-name", "view-list-symbolic",
                                                                       "label", _("_Agenda"),
                                                                       "use-underline", TRUE, NULL));
  gtk_widget_set_name (self->agenda_button, "show-agenda");
  gtk_widget_set_tooltip_text (self->agenda_button, _("Show the agenda from the day chosen"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->agenda_button), "visits.agenda");
  gtk_widget_set_visible (self->agenda_button, FALSE);
  {
    GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->reminders_button));
    gtk_box_append (GTK_BOX (buttons), self->agenda_button);
    gtk_box_append (GTK_BOX (pane), buttons);
  }
  return pane;
}

static GtkWidget *
build_agenda_pane (XfVisitsView *self)
{
  GtkWidget *pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_widget_set_hexpand (pane, TRUE);
  gtk_widget_set_size_request (pane, 340, -1);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_start (bar, 6);
  gtk_widget_set_margin_end (bar, 6);
  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->back_button, _("Back to the calendar"));
  gtk_widget_add_css_class (self->back_button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->back_button), "visits.back");
  gtk_box_append (GTK_BOX (bar), self->back_button);
  self->agenda_title = ADW_WINDOW_TITLE (adw_window_title_new ("", ""));
  gtk_widget_set_hexpand (GTK_WIDGET (self->agenda_title), TRUE);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->agenda_title));
  gtk_box_append (GTK_BOX (pane), bar);

  self->agenda_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->agenda_list), "agenda");
  gtk_list_box_set_selection_mode (self->agenda_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->agenda_list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->agenda_list), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self->agenda_list), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->agenda_list), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->agenda_list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->agenda_list), 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->agenda_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  self->agenda_status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->agenda_status, "x-office-calendar-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->agenda_status), "compact");
  self->agenda_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->agenda_stack), TRUE);
  gtk_stack_add_named (self->agenda_stack, scrolled, "list");
  gtk_stack_add_named (self->agenda_stack, GTK_WIDGET (self->agenda_status), "empty");
  gtk_box_append (GTK_BOX (pane), GTK_WIDGET (self->agenda_stack));
  return pane;
}

static void
xf_visits_view_dispose (GObject *object)
{
  XfVisitsView *self = XF_VISITS_VIEW (object);

  xf_reload_queue_clear (&self->reload);
  g_clear_pointer (&self->programmes, g_ptr_array_unref);
  g_clear_object (&self->care);
  G_OBJECT_CLASS (xf_visits_view_parent_class)->dispose (object);
}

static void
xf_visits_view_class_init (XfVisitsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xf_visits_view_dispose;
  gtk_widget_class_install_action (widget_class, "visits.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "visits.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "visits.plan", NULL, plan_action);
  gtk_widget_class_install_action (widget_class, "visits.agenda", NULL, agenda_action);
}

/* GtkCalendar's marked days barely show in Adwaita: a dot beneath. */
static void
load_css (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (provider,
                                       "calendar.care-calendar > grid > label.day-number.marked {"
                                       " font-weight: bold; color: @accent_color;"
                                       " box-shadow: inset 0 -3px alpha(@accent_bg_color, 0.6); }"
                                       "calendar.care-calendar > grid > label.day-number:selected {"
                                       " color: @accent_fg_color; }", -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&loaded, 1);
    }
}

static void
xf_visits_view_init (XfVisitsView *self)
{
  static const XfShortcut shortcuts[] = {
    { GDK_KEY_Escape, 0, "visits.back" },
    { GDK_KEY_f, GDK_CONTROL_MASK, "visits.search" },
    { GDK_KEY_n, GDK_CONTROL_MASK, "visits.plan" },
  };
  AdwLeafletPage *page;

  load_css ();
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  self->calendar_pane = build_calendar_pane (self);
  self->agenda_pane = build_agenda_pane (self);
  adw_leaflet_append (self->leaflet, self->calendar_pane);
  page = adw_leaflet_append (self->leaflet, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_leaflet_page_set_navigatable (page, FALSE);
  adw_leaflet_append (self->leaflet, self->agenda_pane);
  adw_toast_overlay_set_child (self->toast_overlay, GTK_WIDGET (self->leaflet));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toast_overlay));
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_cb), self, G_CONNECT_SWAPPED);
  folded_cb (self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  xf_reload_queue_init (&self->reload, GTK_WIDGET (self), reload_cb);
  xf_care_add_local_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));
}

/* The calendar opens on today (or $XIANFENG_TODAY). */
static void
select_today (XfVisitsView *self)
{
  g_autoptr(GDateTime) now = xf_clock_now_local ();

  gtk_calendar_select_day (self->calendar, now);
}

GtkWidget *
xf_visits_view_new (XfCare *care)
{
  XfVisitsView *self;
  XfAccount *actor;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (XF_IS_CARE (care), NULL);

  self = g_object_new (XF_TYPE_VISITS_VIEW, NULL);
  self->care = g_object_ref (care);
  actor = xf_care_get_actor (care);
  self->may_manage = actor != NULL && xf_permission_allows_somewhere (actor, XF_OP_CARE_MANAGE);
  gtk_widget_set_visible (self->plan_button, self->may_manage);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "visits.plan", self->may_manage);
  self->programmes = xf_care_list_programmes (care, FALSE, &error);
  if (self->programmes == NULL)
    g_debug ("Reading the programmes: %s", error->message);
  select_today (self);
  g_signal_connect_object (care, "changed", G_CALLBACK (care_changed_cb), self, G_CONNECT_SWAPPED);
  load (self);
  return GTK_WIDGET (self);
}

void
xf_visits_view_refresh (XfVisitsView *self)
{
  g_return_if_fail (XF_IS_VISITS_VIEW (self));

  load (self);
}

void
xf_visits_view_select_day (XfVisitsView *self,
                           const char   *date)
{
  g_autoptr(GDateTime) day = NULL;
  int y = 0, m = 0, d = 0;

  g_return_if_fail (XF_IS_VISITS_VIEW (self));

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return;
  day = g_date_time_new_local (y, m, d, 0, 0, 0);
  if (day != NULL)
    gtk_calendar_select_day (self->calendar, day);
  load (self);
}

guint
xf_visits_view_get_n_agenda (XfVisitsView *self)
{
  g_return_val_if_fail (XF_IS_VISITS_VIEW (self), 0);

  return self->n_agenda;
}
