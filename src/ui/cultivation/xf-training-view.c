/* xf-training-view.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-training-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-clock.h"
#include "xf-cultivation-form.h"
#include "xf-cultivation-widgets.h"
#include "xf-pioneer-picker.h"
#include "xf-training-view.h"
#include "xf-ui-util.h"

#define COURSE_ID_KEY "xf-course-id"

struct _XfTrainingView
{
  AdwBin               parent_instance;

  XfCultivation       *cultivation;
  GPtrArray           *courses;
  XfTrainingCourse    *course;        /* shown, with participants; NULL for none */
  gboolean             may_edit;
  gboolean             selecting;
  GPtrArray           *info_rows;
  GPtrArray           *participant_rows;

  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkWidget           *separator;
  GtkWidget           *details_pane;
  GtkStack            *list_stack;
  GtkListBox          *course_list;
  GtkStack            *details_stack;
  GtkLabel            *title_label;
  GtkWidget           *enrol_button;
  AdwPreferencesGroup *info_group;
  AdwPreferencesGroup *participants_group;
};

G_DEFINE_FINAL_TYPE (XfTrainingView, xf_training_view, ADW_TYPE_BIN)

static void
toast (XfTrainingView *self,
       const char     *text)
{
  xf_cultivation_toast (GTK_WIDGET (self), adw_toast_new (text));
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", value));
}

/*
 * The course
 */

static void
fill_course (XfTrainingView *self)
{
  const XfTrainingCourse *course = self->course;
  g_autofree char *dates = NULL;
  g_autofree char *hours = format_number (course->hours);
  g_autofree char *capacity = NULL;
  GPtrArray *participants = course->participants;

  gtk_label_set_text (self->title_label, course->title);
  /* Translators: a course's dates, first to last day */
  dates = g_strdup_printf (_("%s to %s"), course->starts_on, course->ends_on);
  capacity = course->capacity > 0 ? g_strdup_printf ("%d / %d", course->n_participants, course->capacity)
                                  : g_strdup_printf ("%d", course->n_participants);
  xf_preferences_group_clear_rows (self->info_group, self->info_rows);
  xf_preferences_group_add_row (self->info_group, self->info_rows,
                                xf_property_row_new ("course-status", _("Status"), xf_course_status_label (course->status)));
  xf_preferences_group_add_row (self->info_group, self->info_rows, xf_property_row_new (NULL, _("Dates"), dates));
  xf_preferences_group_add_row (self->info_group, self->info_rows, xf_property_row_new (NULL, _("Hours"), hours));
  xf_preferences_group_add_row (self->info_group, self->info_rows, xf_property_row_new (NULL, _("Skill"), course->skill));
  xf_preferences_group_add_row (self->info_group, self->info_rows, xf_property_row_new (NULL, _("Provider"), course->provider));
  xf_preferences_group_add_row (self->info_group, self->info_rows,
                                xf_property_row_new ("course-places", _("Participants"), capacity));
  if (course->description != NULL && course->description[0] != '\0')
    xf_preferences_group_add_row (self->info_group, self->info_rows,
                                  xf_text_row_new (NULL, course->description, _("Description")));

  xf_preferences_group_clear_rows (self->participants_group, self->participant_rows);
  adw_preferences_group_set_description (self->participants_group,
                                         participants == NULL || participants->len == 0
                                         ? _("Nobody enrolled yet.") : NULL);
  for (guint i = 0; participants != NULL && i < participants->len; i++)
    {
      const XfTrainingParticipant *participant = g_ptr_array_index (participants, i);
      GtkWidget *row = adw_action_row_new ();
      GString *subtitle = g_string_new (xf_training_result_label (participant->result));

      if (participant->hours >= 0)
        {
          g_autofree char *attended = format_number (participant->hours);

          /* Translators: hours a participant attended */
          g_string_append_printf (subtitle, " · ");
          g_string_append_printf (subtitle, _("%s hours"), attended);
        }
      if (participant->score >= 0)
        {
          g_autofree char *score = format_number (participant->score);

          /* Translators: a participant's score */
          g_string_append_printf (subtitle, " · ");
          g_string_append_printf (subtitle, _("score %s"), score);
        }
      if (participant->certificate != NULL && participant->certificate[0] != '\0')
        g_string_append_printf (subtitle, " · %s", participant->certificate);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), participant->pioneer_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      g_string_free (subtitle, TRUE);
      if (self->may_edit && g_strcmp0 (course->status, XF_COURSE_CANCELLED) != 0)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Result…"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "training.record-result");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", participant->pioneer_id);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_widget_set_name (row, "participant-row");
      xf_preferences_group_add_row (self->participants_group, self->participant_rows, row);
    }
  gtk_widget_set_visible (self->enrol_button, self->may_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "training.enrol",
                                 self->may_edit && g_strcmp0 (course->status, XF_COURSE_PLANNED) == 0);
  gtk_stack_set_visible_child_name (self->details_stack, "course");
}

static void
sync_details (XfTrainingView *self,
              gboolean        go_there)
{
  xf_leaflet_sync_details (self->leaflet, self->list_pane, self->separator, self->details_pane,
                           self->course != NULL, go_there);
  gtk_widget_set_hexpand (self->list_pane, self->course == NULL);
}

static void
select_course (XfTrainingView *self,
               gint64          course_id)
{
  self->selecting = TRUE;
  gtk_list_box_unselect_all (self->course_list);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->course_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gint64 *id = g_object_get_data (G_OBJECT (child), COURSE_ID_KEY);

      if (id != NULL && *id == course_id)
        gtk_list_box_select_row (self->course_list, GTK_LIST_BOX_ROW (child));
    }
  self->selecting = FALSE;
}

void
xf_training_view_show (XfTrainingView *self,
                       gint64          course_id)
{
  g_autoptr(GError) error = NULL;
  XfTrainingCourse *course = NULL;

  g_return_if_fail (XF_IS_TRAINING_VIEW (self));

  if (course_id > 0)
    {
      course = xf_cultivation_get_course (self->cultivation, course_id, &error);
      if (course == NULL)
        toast (self, error->message);
    }
  g_clear_pointer (&self->course, xf_training_course_free);
  self->course = course;
  if (course != NULL)
    fill_course (self);
  else
    gtk_stack_set_visible_child_name (self->details_stack, "empty");
  select_course (self, course != NULL ? course->id : 0);
  sync_details (self, course != NULL);
}

/*
 * The courses
 */

static GtkWidget *
make_row (const XfTrainingCourse *course)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (course->title);
  GtkWidget *caption;
  g_autofree char *text = NULL;

  /* Translators: a course's row: its first day, then how many take part */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d participant", "%s · %d participants",
                                       (gulong) course->n_participants),
                          course->starts_on, course->n_participants);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (top), title);
  if (g_strcmp0 (course->status, XF_COURSE_PLANNED) != 0)
    gtk_box_append (GTK_BOX (top), xf_cultivation_pill_new (xf_course_status_label (course->status), course->status));
  caption = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, "course-row");
  g_object_set_data_full (G_OBJECT (row), COURSE_ID_KEY, g_memdup2 (&course->id, sizeof course->id), g_free);
  return row;
}

void
xf_training_view_refresh (XfTrainingView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (XF_IS_TRAINING_VIEW (self));

  g_clear_pointer (&self->courses, g_ptr_array_unref);
  self->courses = xf_cultivation_list_courses (self->cultivation, NULL, NULL, &error);
  self->selecting = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->course_list))) != NULL)
    gtk_list_box_remove (self->course_list, child);
  self->selecting = FALSE;
  if (self->courses == NULL)
    {
      self->courses = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_training_course_free);
      toast (self, error->message);
    }
  for (guint i = 0; i < self->courses->len; i++)
    gtk_list_box_append (self->course_list, make_row (g_ptr_array_index (self->courses, i)));
  gtk_stack_set_visible_child_name (self->list_stack, self->courses->len > 0 ? "list" : "empty");
  xf_training_view_show (self, self->course != NULL ? self->course->id : 0);
}

static void
course_activated_cb (XfTrainingView *self,
                     GtkListBoxRow  *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), COURSE_ID_KEY);

  if (!self->selecting && id != NULL)
    xf_training_view_show (self, *id);
}

static void
course_selected_cb (XfTrainingView *self,
                    GtkListBoxRow  *row)
{
  if (row == NULL || self->selecting || adw_leaflet_get_folded (self->leaflet))
    return;
  course_activated_cb (self, row);
}

/*
 * Forms
 */

typedef struct
{
  XfTrainingView *view;
  gint64          course_id;
  gint64          pioneer_id;
  GtkWidget      *picker;
} FormData;

static void
form_data_free (FormData *data)
{
  g_clear_object (&data->view);
  g_free (data);
}

static FormData *
form_data_new (XfTrainingView *self,
               gint64          pioneer_id)
{
  FormData *data = g_new0 (FormData, 1);

  data->view = g_object_ref (self);
  data->course_id = self->course != NULL ? self->course->id : 0;
  data->pioneer_id = pioneer_id;
  return data;
}

static double
form_number (XfCultivationForm *form,
             const char        *key,
             double             none)
{
  g_autofree char *text = xf_cultivation_form_dup_text (form, key);
  char *end = NULL;
  double value;

  if (text == NULL)
    return none;
  value = g_ascii_strtod (text, &end);
  /* Not a number: a value core refuses, naming the field. */
  return end != NULL && *end == '\0' ? value : -2;
}

static gboolean
new_course_apply (XfCultivationForm *form,
                  gpointer           user_data,
                  GError           **error)
{
  FormData *data = user_data;
  g_autoptr(XfTrainingCourse) course = xf_training_course_new ();
  gint64 id;

  course->title = xf_cultivation_form_dup_text (form, "course-title");
  course->skill = xf_cultivation_form_dup_text (form, "course-skill");
  course->provider = xf_cultivation_form_dup_text (form, "course-provider");
  course->starts_on = xf_cultivation_form_dup_text (form, "course-starts");
  course->ends_on = xf_cultivation_form_dup_text (form, "course-ends");
  course->hours = form_number (form, "course-hours", 0);
  course->capacity = (int) form_number (form, "course-capacity", 0);
  course->region_code = xf_cultivation_form_dup_text (form, "course-region");
  id = xf_cultivation_save_course (data->view->cultivation, course, error);
  if (id <= 0)
    return FALSE;
  xf_training_view_refresh (data->view);
  xf_training_view_show (data->view, id);
  return TRUE;
}

static void
new_course_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XfTrainingView *self = XF_TRAINING_VIEW (widget);
  g_autofree char *today = xf_clock_today_text ();
  XfCultivationForm *form;

  form = XF_CULTIVATION_FORM (xf_cultivation_form_new (widget, _("New course"), NULL, _("C_reate"),
                                                       new_course_apply, form_data_new (self, 0),
                                                       (GDestroyNotify) form_data_free));
  xf_cultivation_form_add_entry (form, "course-title", _("_Title"), NULL);
  xf_cultivation_form_add_entry (form, "course-skill", _("_Skill"), NULL);
  xf_cultivation_form_add_entry (form, "course-provider", _("_Provider"), NULL);
  xf_cultivation_form_add_entry (form, "course-starts", _("_Starts on (YYYY-MM-DD)"), today);
  xf_cultivation_form_add_entry (form, "course-ends", _("_Ends on (YYYY-MM-DD)"), today);
  xf_cultivation_form_add_entry (form, "course-hours", _("_Hours"), NULL);
  xf_cultivation_form_add_entry (form, "course-capacity", _("_Capacity (0: no limit)"), "0");
  xf_cultivation_form_add_entry (form, "course-region", _("Region _code (optional)"), NULL);
  gtk_window_present (GTK_WINDOW (form));
}

static gboolean
enrol_apply (XfCultivationForm *form,
             gpointer           user_data,
             GError           **error)
{
  FormData *data = user_data;
  gint64 pioneer_id = xf_pioneer_picker_get_pioneer_id (XF_PIONEER_PICKER (data->picker));

  return xf_cultivation_enrol (data->view->cultivation, data->course_id, pioneer_id, error);
}

static void
enrol_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  XfTrainingView *self = XF_TRAINING_VIEW (widget);
  FormData *data;
  GtkWidget *form;

  if (self->course == NULL)
    return;
  data = form_data_new (self, 0);
  data->picker = xf_pioneer_picker_new (xf_cultivation_get_registry (self->cultivation),
                                        _("Participant's name"), TRUE);
  form = xf_cultivation_form_new (widget, _("Enrol"), self->course->title, _("_Enrol"),
                                  enrol_apply, data, (GDestroyNotify) form_data_free);
  xf_cultivation_form_add_widget (XF_CULTIVATION_FORM (form), "participant", _("Participant"), data->picker);
  gtk_window_present (GTK_WINDOW (form));
}

static gboolean
result_apply (XfCultivationForm *form,
              gpointer           user_data,
              GError           **error)
{
  FormData *data = user_data;
  g_autofree char *certificate = xf_cultivation_form_dup_text (form, "result-certificate");

  return xf_cultivation_record_result (data->view->cultivation, data->course_id, data->pioneer_id,
                                       form_number (form, "result-hours", 0),
                                       xf_cultivation_form_get_choice (form, "result"),
                                       form_number (form, "result-score", -1),
                                       certificate, error);
}

static void
record_result_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  static const char * const results[] = { XF_TRAINING_PASSED, XF_TRAINING_FAILED, XF_TRAINING_ABSENT, NULL };
  XfTrainingView *self = XF_TRAINING_VIEW (widget);
  gint64 pioneer_id = g_variant_get_int64 (parameter);
  const XfTrainingParticipant *participant = NULL;
  const char *labels[G_N_ELEMENTS (results)] = { NULL };
  g_autofree char *hours = NULL;
  XfCultivationForm *form;

  for (guint i = 0; self->course != NULL && self->course->participants != NULL
                    && i < self->course->participants->len; i++)
    if (((XfTrainingParticipant *) g_ptr_array_index (self->course->participants, i))->pioneer_id == pioneer_id)
      participant = g_ptr_array_index (self->course->participants, i);
  if (participant == NULL)
    return;
  for (guint i = 0; results[i] != NULL; i++)
    labels[i] = xf_training_result_label (results[i]);
  hours = format_number (participant->hours >= 0 ? participant->hours : self->course->hours);
  form = XF_CULTIVATION_FORM (xf_cultivation_form_new (widget, _("Result"), participant->pioneer_name, _("_Save"),
                                                       result_apply, form_data_new (self, pioneer_id),
                                                       (GDestroyNotify) form_data_free));
  xf_cultivation_form_add_choice (form, "result", _("Result"), results, labels,
                                  g_strcmp0 (participant->result, XF_TRAINING_ENROLLED) != 0 ? participant->result
                                                                                            : XF_TRAINING_PASSED);
  xf_cultivation_form_add_entry (form, "result-hours", _("_Hours attended"), hours);
  xf_cultivation_form_add_entry (form, "result-score", _("S_core (optional)"), NULL);
  xf_cultivation_form_add_entry (form, "result-certificate", _("_Certificate number"), participant->certificate);
  gtk_window_present (GTK_WINDOW (form));
}

/*
 * GObject
 */

static void
xf_training_view_dispose (GObject *object)
{
  XfTrainingView *self = XF_TRAINING_VIEW (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->courses, g_ptr_array_unref);
  g_clear_pointer (&self->course, xf_training_course_free);
  g_clear_pointer (&self->info_rows, g_ptr_array_unref);
  g_clear_pointer (&self->participant_rows, g_ptr_array_unref);
  g_clear_object (&self->cultivation);

  G_OBJECT_CLASS (xf_training_view_parent_class)->dispose (object);
}

static void
xf_training_view_class_init (XfTrainingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_training_view_dispose;

  gtk_widget_class_install_action (widget_class, "training.new-course", NULL, new_course_action);
  gtk_widget_class_install_action (widget_class, "training.enrol", NULL, enrol_action);
  gtk_widget_class_install_action (widget_class, "training.record-result", "x", record_result_action);
}

static GtkWidget *
status_page (const char *icon,
             const char *title,
             const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_widget_add_css_class (page, "compact");
  return page;
}

static GtkWidget *
make_list_pane (XfTrainingView *self)
{
  GtkWidget *pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *new_button = gtk_button_new_with_mnemonic (_("_New course…"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_set_name (new_button, "new-course");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (new_button), "training.new-course");
  gtk_widget_set_margin_top (new_button, 6);
  gtk_widget_set_margin_bottom (new_button, 6);
  gtk_widget_set_margin_start (new_button, 12);
  gtk_widget_set_margin_end (new_button, 12);
  gtk_widget_set_visible (new_button, FALSE);
  g_object_set_data (G_OBJECT (pane), "new-button", new_button);
  gtk_box_append (GTK_BOX (pane), new_button);

  self->course_list = GTK_LIST_BOX (list);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_widget_set_name (list, "course-list");
  g_signal_connect_object (list, "row-activated", G_CALLBACK (course_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "row-selected", G_CALLBACK (course_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  self->list_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->list_stack), TRUE);
  gtk_stack_add_named (self->list_stack, scrolled, "list");
  gtk_stack_add_named (self->list_stack,
                       status_page ("x-office-presentation-symbolic", _("No courses"),
                                    _("Skill training courses, their participants, hours and results.")),
                       "empty");
  gtk_box_append (GTK_BOX (pane), GTK_WIDGET (self->list_stack));
  gtk_widget_set_size_request (pane, 300, -1);
  return pane;
}

static GtkWidget *
make_details_pane (XfTrainingView *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");

  gtk_widget_set_tooltip_text (back, _("Back to the courses"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "cultivation.back");
  gtk_widget_add_css_class (back, "flat");
  g_object_bind_property (self->leaflet, "folded", back, "visible", G_BINDING_SYNC_CREATE);
  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-2");
  self->enrol_button = gtk_button_new_with_mnemonic (_("_Enrol…"));
  gtk_widget_set_name (self->enrol_button, "enrol");
  gtk_widget_set_valign (self->enrol_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->enrol_button), "training.enrol");
  gtk_box_append (GTK_BOX (header), back);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (header), self->enrol_button);

  self->info_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->participants_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->participants_group, _("Participants"));
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->info_group));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->participants_group));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  self->details_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->details_stack,
                       status_page ("x-office-presentation-symbolic", _("No course selected"), NULL), "empty");
  gtk_stack_add_named (self->details_stack, scrolled, "course");
  gtk_widget_set_size_request (GTK_WIDGET (self->details_stack), 360, -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->details_stack), TRUE);
  return GTK_WIDGET (self->details_stack);
}

static void
xf_training_view_init (XfTrainingView *self)
{
  AdwLeafletPage *page;

  self->info_rows = g_ptr_array_new ();
  self->participant_rows = g_ptr_array_new ();
  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  self->list_pane = make_list_pane (self);
  self->separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  self->details_pane = make_details_pane (self);
  adw_leaflet_append (self->leaflet, self->list_pane);
  page = adw_leaflet_append (self->leaflet, self->separator);
  adw_leaflet_page_set_navigatable (page, FALSE);
  adw_leaflet_append (self->leaflet, self->details_pane);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->leaflet));
}

GtkWidget *
xf_training_view_new (XfCultivation *cultivation)
{
  XfTrainingView *self;
  XfAccount *actor;

  g_return_val_if_fail (XF_IS_CULTIVATION (cultivation), NULL);

  self = g_object_new (XF_TYPE_TRAINING_VIEW, NULL);
  self->cultivation = g_object_ref (cultivation);
  actor = xf_cultivation_get_actor (cultivation);
  self->may_edit = actor != NULL && xf_permission_allows_somewhere (actor, XF_OP_CULTIVATION_EDIT);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (self->list_pane), "new-button"), self->may_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "training.new-course", self->may_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "training.enrol", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "training.record-result", self->may_edit);
  sync_details (self, FALSE);
  return GTK_WIDGET (self);
}

GPtrArray *
xf_training_view_get_courses (XfTrainingView *self)
{
  g_return_val_if_fail (XF_IS_TRAINING_VIEW (self), NULL);
  return self->courses;
}

const XfTrainingCourse *
xf_training_view_get_course (XfTrainingView *self)
{
  g_return_val_if_fail (XF_IS_TRAINING_VIEW (self), NULL);
  return self->course;
}
