/* xf-hardship-view.c — hardship cases: list, detail, two-step approval, payments
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-hardship-view"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "xf-clock.h"
#include "xf-hardship-view-private.h"
#include "xf-permission.h"
#include "xf-wrap-layout.h"

#define CASE_ID_KEY "xf-case-id"
#define N_YEARS     6

G_DEFINE_FINAL_TYPE (XfHardshipView, xf_hardship_view, ADW_TYPE_BIN)

/* The status filter: every case, the open ones, then each status. */
static const char * const status_choices[] = {
  NULL, "open", XF_CASE_APPLIED, XF_CASE_ASSESSED, XF_CASE_APPROVED_FIRST, XF_CASE_APPROVED,
  XF_CASE_PAID, XF_CASE_REJECTED, XF_CASE_WITHDRAWN,
};

/* The steps core may allow, in the order their buttons show. */
static const char * const steps[] = {
  "assess", "approve-first", "approve", "pay", "reject", "withdraw",
};

void
_xf_hardship_view_done (XfHardshipView *self,
                        const char     *text)
{
  xf_toast_overlay_replace (self->toast_overlay, &self->toast, text);
}

static int
this_year (void)
{
  g_autofree char *today = xf_clock_today_text ();

  return atoi (today);
}

static gint64
row_case_id (GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), CASE_ID_KEY);

  return id != NULL ? *id : 0;
}

/*
 * The list
 */

static GtkWidget *
new_caption (const char *text,
             gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* Name, category and year, the amount that counts now, the status. */
static GtkWidget *
make_row (const XfHardshipCase *hardship_case)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (hardship_case->pioneer_name);
  GtkWidget *pill = gtk_label_new (xf_case_status_label (hardship_case->status));
  gint64 amount = hardship_case->granted_amount > 0 ? hardship_case->granted_amount
                  : hardship_case->assessed_amount > 0 ? hardship_case->assessed_amount
                  : hardship_case->requested_amount;
  g_autofree char *money = xf_money_format (amount);
  g_autofree char *what = NULL;
  g_autofree char *when = NULL;
  g_autofree char *css = g_strconcat ("status-", hardship_case->status, NULL);

  /* Translators: a hardship case's row: its category, then the amount */
  what = g_strdup_printf (_("%s · %s"), xf_case_category_label (hardship_case->category), money);
  /* Translators: a hardship case's row: applied on a date, its year */
  when = g_strdup_printf (_("Applied %s"), hardship_case->applied_on != NULL ? hardship_case->applied_on : "");

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), new_caption (what, FALSE));
  gtk_box_append (GTK_BOX (texts), new_caption (when, TRUE));
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pill, "caption");
  gtk_widget_add_css_class (pill, css);
  gtk_widget_set_name (pill, "status");
  gtk_box_append (GTK_BOX (box), pill);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, "case-row");
  g_object_set_data_full (G_OBJECT (row), CASE_ID_KEY,
                          g_memdup2 (&hardship_case->id, sizeof hardship_case->id), g_free);
  return row;
}

/* A case still waiting for a step: assessment, an approval or payment. */
static gboolean
case_is_open (const XfHardshipCase *hardship_case)
{
  static const char * const open[] = {
    XF_CASE_APPLIED, XF_CASE_ASSESSED, XF_CASE_APPROVED_FIRST, XF_CASE_APPROVED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (open); i++)
    if (g_strcmp0 (hardship_case->status, open[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The open cases first, each part newest first as core gives them
 * (g_ptr_array_sort is stable). */
static int
compare_open_first (gconstpointer a,
                    gconstpointer b)
{
  const XfHardshipCase *ca = *(XfHardshipCase * const *) a;
  const XfHardshipCase *cb = *(XfHardshipCase * const *) b;

  return (int) !case_is_open (ca) - (int) !case_is_open (cb);
}

static gboolean
is_filtered (XfHardshipView *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0'
         || gtk_drop_down_get_selected (self->status_dropdown) > 0
         || gtk_drop_down_get_selected (self->year_dropdown) > 0;
}

static void
load_list (XfHardshipView *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint year = gtk_drop_down_get_selected (self->year_dropdown);
  XfHardshipQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  if (status < G_N_ELEMENTS (status_choices))
    query.status = status_choices[status];
  if (year > 0 && year != GTK_INVALID_LIST_POSITION)
    query.year = this_year () - (int) year + 1;
  query.text = text[0] != '\0' ? text : NULL;

  g_clear_pointer (&self->cases, g_ptr_array_unref);
  self->cases = xf_care_list_cases (self->care, &query, &error);

  self->selecting = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->case_list))) != NULL)
    gtk_list_box_remove (self->case_list, child);
  if (self->cases == NULL)
    {
      self->cases = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_hardship_case_free);
      adw_status_page_set_title (self->empty_status, _("Could not read the cases"));
      adw_status_page_set_description (self->empty_status, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      self->selecting = FALSE;
      return;
    }
  g_ptr_array_sort (self->cases, compare_open_first);
  for (guint i = 0; i < self->cases->len; i++)
    {
      GtkWidget *row = make_row (g_ptr_array_index (self->cases, i));

      gtk_list_box_append (self->case_list, row);
      if (row_case_id (GTK_LIST_BOX_ROW (row)) == self->case_id)
        gtk_list_box_select_row (self->case_list, GTK_LIST_BOX_ROW (row));
    }
  self->selecting = FALSE;

  if (self->cases->len > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }
  if (is_filtered (self))
    {
      adw_status_page_set_title (self->empty_status, _("No matching cases"));
      adw_status_page_set_description (self->empty_status, _("Try another search or filter."));
    }
  else
    {
      adw_status_page_set_title (self->empty_status, _("No hardship cases"));
      adw_status_page_set_description (self->empty_status,
                                       _("Applications for hardship support show here, from "
                                         "assessment through both approvals to payment."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

/*
 * The detail
 */

static void
add_row (XfHardshipView      *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  xf_preferences_group_add_row (group, self->detail_rows, row);
}

static void
add_value (XfHardshipView      *self,
           AdwPreferencesGroup *group,
           const char          *name,
           const char          *title,
           const char          *value)
{
  add_row (self, group, xf_property_row_new (name, title, value));
}

static void
add_money (XfHardshipView      *self,
           AdwPreferencesGroup *group,
           const char          *name,
           const char          *title,
           gint64               fen,
           gboolean             known)
{
  g_autofree char *money = known ? xf_money_format (fen) : NULL;

  add_value (self, group, name, title, money);
}

/* "2026-03-09 · clerk": when and who, for a step of the timeline. */
static void
add_step (XfHardshipView *self,
          const char     *name,
          const char     *title,
          const char     *on,
          const char     *by,
          const char     *note)
{
  g_autofree char *when = NULL;
  GtkWidget *row;

  if (on == NULL || *on == '\0')
    return;
  /* Translators: a step of a hardship case: the date, then who took it */
  when = by != NULL && *by != '\0' ? g_strdup_printf (_("%s · %s"), on, by) : g_strdup (on);
  row = xf_text_row_new (name, title, when);
  if (note != NULL && *note != '\0')
    {
      GtkWidget *label = xf_value_label_new (note);

      gtk_widget_set_name (label, "note");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  add_row (self, self->timeline_group, row);
}

static void
fill_actions (XfHardshipView *self)
{
  g_auto(GStrv) allowed = xf_care_case_allowed_actions (self->care, self->shown);

  xf_box_remove_all (GTK_BOX (self->actions_box));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      GtkWidget *button;

      if (allowed == NULL || !g_strv_contains ((const char * const *) allowed, steps[i]))
        continue;
      button = gtk_button_new_with_mnemonic (_xf_hardship_step_label (steps[i]));
      gtk_widget_set_name (button, steps[i]);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "hardship.step");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", steps[i]);
      if (g_str_has_prefix (steps[i], "approve") || g_str_equal (steps[i], "assess")
          || g_str_equal (steps[i], "pay"))
        gtk_widget_add_css_class (button, "suggested-action");
      else
        gtk_widget_add_css_class (button, "destructive-action");
      gtk_box_append (GTK_BOX (self->actions_box), button);
    }
  gtk_widget_set_visible (self->actions_box, gtk_widget_get_first_child (self->actions_box) != NULL);
}

static void
fill_details (XfHardshipView *self)
{
  const XfHardshipCase *c = self->shown;
  g_autofree char *subtitle = NULL;
  g_autofree char *year = g_strdup_printf ("%d", c->year);

  for (guint i = 0; i < self->detail_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->detail_rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->detail_rows, 0);

  /* Translators: the hardship case's subtitle: its category, then its status */
  subtitle = g_strdup_printf (_("%s · %s"), xf_case_category_label (c->category), xf_case_status_label (c->status));
  adw_window_title_set_title (self->details_title, c->pioneer_name);
  adw_window_title_set_subtitle (self->details_title, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  /* The category and status are in the title's subtitle. */
  add_value (self, self->applicant_group, "applicant", _("Applicant"), c->pioneer_name);
  add_value (self, self->applicant_group, "year", _("Year"), year);

  gtk_widget_set_visible (self->mask_note, c->masked);
  if (c->masked)
    {
      add_value (self, self->personal_group, "circumstances", _("Circumstances"), "••••");
      add_value (self, self->personal_group, "income", _("Household income"), "••••");
    }
  else
    {
      g_autofree char *income = c->household_income >= 0 ? xf_money_format (c->household_income)
                                                         : g_strdup (_("Unknown"));

      add_row (self, self->personal_group,
               xf_text_row_new ("circumstances", c->circumstances != NULL ? c->circumstances : "", NULL));
      add_value (self, self->personal_group, "income", _("Household income (a year)"), income);
    }

  add_money (self, self->amounts_group, "requested", C_("hardship amount", "Requested"), c->requested_amount, TRUE);
  add_money (self, self->amounts_group, "assessed", C_("hardship amount", "Assessed"), c->assessed_amount, c->assessed_amount > 0);
  add_money (self, self->amounts_group, "granted", C_("hardship amount", "Granted"), c->granted_amount, c->granted_amount > 0);
  add_money (self, self->amounts_group, "paid", C_("hardship amount", "Paid"), c->paid_amount, c->paid_amount > 0);

  add_step (self, "step-applied", C_("hardship step", "Applied"), c->applied_on, c->applied_by, NULL);
  add_step (self, "step-assessed", C_("hardship step", "Assessed"), c->assessed_on, c->assessed_by, c->assessment);
  add_step (self, "step-approved-first", C_("hardship step", "First approval"), c->first_approved_on, c->first_approved_by, NULL);
  add_step (self, "step-approved", C_("hardship step", "Final approval"), c->approved_on, c->approved_by, NULL);
  for (guint i = 0; c->payments != NULL && i < c->payments->len; i++)
    {
      const XfHardshipPayment *payment = g_ptr_array_index (c->payments, i);
      g_autofree char *money = xf_money_format (payment->amount);
      g_autofree char *title = NULL;

      /* Translators: a payment in a hardship case's timeline: the amount, then the voucher */
      title = g_strdup_printf (_("Paid %s · voucher %s"), money, payment->reference != NULL ? payment->reference : "");
      add_step (self, "step-payment", title, payment->paid_on, payment->recorded_by, NULL);
    }
  if (g_strcmp0 (c->status, XF_CASE_REJECTED) == 0 || g_strcmp0 (c->status, XF_CASE_WITHDRAWN) == 0)
    add_row (self, self->timeline_group,
             xf_text_row_new ("step-closed", c->reject_reason != NULL ? c->reject_reason : "",
                              xf_case_status_label (c->status)));
  fill_actions (self);
}

static void
sync_details (XfHardshipView *self)
{
  g_autoptr(GError) error = NULL;
  XfHardshipCase *hardship_case = NULL;

  if (self->case_id > 0)
    hardship_case = xf_care_get_case (self->care, self->case_id, &error);
  g_clear_pointer (&self->shown, xf_hardship_case_free);
  self->shown = hardship_case;
  if (self->shown == NULL)
    {
      if (error != NULL)
        _xf_hardship_view_done (self, error->message);
      self->case_id = 0;
      gtk_stack_set_visible_child_name (self->details_stack, "none");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "hardship.step", FALSE);
      return;
    }
  fill_details (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hardship.step", TRUE);
  gtk_stack_set_visible_child_name (self->details_stack, "case");
}

void
_xf_hardship_view_show_case (XfHardshipView *self,
                             gint64          case_id)
{
  self->case_id = case_id;
  sync_details (self);
  self->selecting = TRUE;
  gtk_list_box_unselect_all (self->case_list);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->case_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && row_case_id (GTK_LIST_BOX_ROW (child)) == case_id)
      gtk_list_box_select_row (self->case_list, GTK_LIST_BOX_ROW (child));
  self->selecting = FALSE;
  if (case_id > 0)
    adw_leaflet_set_visible_child (self->leaflet, self->details_pane);
}

static void
reload (GtkWidget *widget)
{
  XfHardshipView *self = XF_HARDSHIP_VIEW (widget);

  xf_reload_queue_reloading (&self->reload);
  load_list (self);
  sync_details (self);
}

/*
 * Signals and actions
 */

static void
filter_changed_cb (XfHardshipView *self)
{
  load_list (self);
}

static void
row_selected_cb (XfHardshipView *self,
                 GtkListBoxRow  *row)
{
  if (self->selecting || row == NULL)
    return;
  _xf_hardship_view_show_case (self, row_case_id (row));
}

static void
row_activated_cb (XfHardshipView *self,
                  GtkListBoxRow  *row)
{
  _xf_hardship_view_show_case (self, row_case_id (row));
}

static void
care_changed_cb (XfHardshipView *self)
{
  xf_reload_queue_changed (&self->reload);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XfHardshipView *self = XF_HARDSHIP_VIEW (widget);

  if (adw_leaflet_get_folded (self->leaflet)
      && adw_leaflet_get_visible_child (self->leaflet) == self->details_pane)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  else if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XfHardshipView *self = XF_HARDSHIP_VIEW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  _xf_hardship_view_step (XF_HARDSHIP_VIEW (widget), g_variant_get_string (param, NULL));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  _xf_hardship_view_apply (XF_HARDSHIP_VIEW (widget));
}

static void
folded_cb (XfHardshipView *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
map_cb (XfHardshipView *self)
{
  xf_reload_queue_mapped (&self->reload);
}

/*
 * Construction
 */

static GtkWidget *
new_group (XfHardshipView       *self,
           GtkWidget            *box,
           const char           *title,
           AdwPreferencesGroup **group)
{
  GtkWidget *widget = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (widget), title);
  gtk_box_append (GTK_BOX (box), widget);
  *group = ADW_PREFERENCES_GROUP (widget);
  return widget;
}

static GtkWidget *
build_list_pane (XfHardshipView *self)
{
  GtkWidget *pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *filters = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dropdowns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  int year = this_year ();

  gtk_widget_set_size_request (pane, 300, -1);
  gtk_widget_set_margin_top (filters, 6);
  gtk_widget_set_margin_bottom (filters, 6);
  gtk_widget_set_margin_start (filters, 12);
  gtk_widget_set_margin_end (filters, 12);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_object_set (self->search_entry, "placeholder-text", _("Search applicants"), NULL);
  gtk_search_entry_set_search_delay (self->search_entry, 150);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->search_entry));
  self->new_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_name (self->new_button, "new-application");
  gtk_widget_set_tooltip_text (self->new_button, _("New application"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->new_button), "hardship.new");
  gtk_box_append (GTK_BOX (top), self->new_button);
  gtk_box_append (GTK_BOX (filters), top);

  gtk_string_list_append (statuses, _("All statuses"));
  gtk_string_list_append (statuses, _("Open"));
  for (guint i = 2; i < G_N_ELEMENTS (status_choices); i++)
    gtk_string_list_append (statuses, xf_case_status_label (status_choices[i]));
  self->status_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (statuses)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_dropdown), _("Status"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->status_dropdown), TRUE);
  gtk_string_list_append (years, _("All years"));
  for (int i = 0; i < N_YEARS - 1; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", year - i);

      gtk_string_list_append (years, text);
    }
  self->year_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (years)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->year_dropdown), _("Year"));
  gtk_box_append (GTK_BOX (dropdowns), GTK_WIDGET (self->status_dropdown));
  gtk_box_append (GTK_BOX (dropdowns), GTK_WIDGET (self->year_dropdown));
  gtk_box_append (GTK_BOX (filters), dropdowns);
  gtk_box_append (GTK_BOX (pane), filters);

  self->case_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->case_list), "navigation-sidebar");
  g_signal_connect_object (self->case_list, "row-selected", G_CALLBACK (row_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->case_list));

  self->empty_status = ADW_STATUS_PAGE (empty);
  adw_status_page_set_icon_name (self->empty_status, "help-about-symbolic");
  gtk_widget_add_css_class (empty, "compact");
  self->list_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->list_stack), TRUE);
  gtk_stack_add_named (self->list_stack, scrolled, "list");
  gtk_stack_add_named (self->list_stack, empty, "empty");
  gtk_box_append (GTK_BOX (pane), GTK_WIDGET (self->list_stack));
  return pane;
}

static GtkWidget *
build_details_pane (XfHardshipView *self)
{
  GtkWidget *pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *none = adw_status_page_new ();
  GtkLayoutManager *actions_layout;

  gtk_widget_set_hexpand (pane, TRUE);
  gtk_widget_set_size_request (pane, 360, -1);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_start (bar, 6);
  gtk_widget_set_margin_end (bar, 6);
  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->back_button, _("Back to the cases"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->back_button), "hardship.back");
  gtk_widget_add_css_class (self->back_button, "flat");
  gtk_box_append (GTK_BOX (bar), self->back_button);
  self->details_title = ADW_WINDOW_TITLE (adw_window_title_new ("", ""));
  gtk_widget_set_hexpand (GTK_WIDGET (self->details_title), TRUE);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->details_title));
  gtk_box_append (GTK_BOX (pane), bar);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  self->actions_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_name (self->actions_box, "actions");
  /* Three steps may be offered at once: they wrap rather than widen the pane. */
  actions_layout = xf_wrap_layout_new ();
  xf_wrap_layout_set_spacing (XF_WRAP_LAYOUT (actions_layout), 6);
  xf_wrap_layout_set_line_spacing (XF_WRAP_LAYOUT (actions_layout), 6);
  gtk_widget_set_layout_manager (self->actions_box, actions_layout);
  gtk_box_append (GTK_BOX (box), self->actions_box);
  new_group (self, box, _("Application"), &self->applicant_group);
  new_group (self, box, _("Amounts"), &self->amounts_group);
  new_group (self, box, _("Timeline"), &self->timeline_group);
  new_group (self, box, _("Circumstances"), &self->personal_group);
  self->mask_note = gtk_label_new (_("Only accounts allowed to see hardship circumstances at the "
                                     "applicant’s place may see the circumstances and income."));
  gtk_widget_set_name (self->mask_note, "mask-note");
  gtk_label_set_wrap (GTK_LABEL (self->mask_note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->mask_note), 0);
  gtk_widget_add_css_class (self->mask_note, "dim-label");
  gtk_widget_add_css_class (self->mask_note, "caption");
  gtk_box_append (GTK_BOX (box), self->mask_note);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "help-about-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No case selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (none), _("Choose a case in the list to see it."));
  self->details_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->details_stack), TRUE);
  gtk_stack_add_named (self->details_stack, none, "none");
  gtk_stack_add_named (self->details_stack, scrolled, "case");
  gtk_box_append (GTK_BOX (pane), GTK_WIDGET (self->details_stack));
  return pane;
}

static void
xf_hardship_view_dispose (GObject *object)
{
  XfHardshipView *self = XF_HARDSHIP_VIEW (object);

  xf_reload_queue_clear (&self->reload);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->shown, xf_hardship_case_free);
  g_clear_pointer (&self->detail_rows, g_ptr_array_unref);
  g_clear_object (&self->care);
  G_OBJECT_CLASS (xf_hardship_view_parent_class)->dispose (object);
}

static void
xf_hardship_view_class_init (XfHardshipViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xf_hardship_view_dispose;
  gtk_widget_class_install_action (widget_class, "hardship.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "hardship.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "hardship.step", "s", step_action);
  gtk_widget_class_install_action (widget_class, "hardship.new", NULL, new_action);
}

static void
xf_hardship_view_init (XfHardshipView *self)
{
  static const XfShortcut shortcuts[] = {
    { GDK_KEY_Escape, 0, "hardship.back" },
    { GDK_KEY_f, GDK_CONTROL_MASK, "hardship.search" },
    { GDK_KEY_n, GDK_CONTROL_MASK, "hardship.new" },
  };
  GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  AdwLeafletPage *page;

  self->detail_rows = g_ptr_array_new ();
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  self->list_pane = build_list_pane (self);
  self->details_pane = build_details_pane (self);
  adw_leaflet_append (self->leaflet, self->list_pane);
  page = adw_leaflet_append (self->leaflet, separator);
  adw_leaflet_page_set_navigatable (page, FALSE);
  adw_leaflet_append (self->leaflet, self->details_pane);
  adw_toast_overlay_set_child (self->toast_overlay, GTK_WIDGET (self->leaflet));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toast_overlay));
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_cb), self, G_CONNECT_SWAPPED);
  folded_cb (self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  xf_reload_queue_init (&self->reload, GTK_WIDGET (self), reload);
  xf_care_add_local_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));
}

GtkWidget *
xf_hardship_view_new (XfCare *care)
{
  XfHardshipView *self;
  XfAccount *actor;

  g_return_val_if_fail (XF_IS_CARE (care), NULL);

  self = g_object_new (XF_TYPE_HARDSHIP_VIEW, NULL);
  self->care = g_object_ref (care);
  actor = xf_care_get_actor (care);
  /* Who may apply anywhere sees the button; core decides for the pioneer chosen. */
  gtk_widget_set_visible (self->new_button,
                          actor != NULL && xf_permission_allows_somewhere (actor, XF_OP_CARE_MANAGE));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hardship.new", gtk_widget_get_visible (self->new_button));
  g_signal_connect_object (self->status_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->year_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (care, "changed", G_CALLBACK (care_changed_cb), self, G_CONNECT_SWAPPED);
  reload (GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

void
xf_hardship_view_refresh (XfHardshipView *self)
{
  g_return_if_fail (XF_IS_HARDSHIP_VIEW (self));

  reload (GTK_WIDGET (self));
}

void
xf_hardship_view_select_case (XfHardshipView *self,
                              gint64          case_id)
{
  g_return_if_fail (XF_IS_HARDSHIP_VIEW (self));

  _xf_hardship_view_show_case (self, case_id);
}

void
xf_hardship_view_show_status (XfHardshipView *self,
                              const char     *status)
{
  g_return_if_fail (XF_IS_HARDSHIP_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (status_choices); i++)
    if (g_strcmp0 (status_choices[i], status) == 0)
      gtk_drop_down_set_selected (self->status_dropdown, i);
}
