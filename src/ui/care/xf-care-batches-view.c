/* xf-care-batches-view.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care-batches-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-care-batch-dialog.h"
#include "xf-care-batches-view.h"
#include "xf-care-form.h"
#include "xf-care-member-dialog.h"
#include "xf-clock.h"
#include "xf-permission.h"
#include "xf-ui-util.h"

/* Years offered by the year filter: next year, this one and five before. */
#define N_PAST_YEARS 5
/* Members listed at most in a group; the search finds the others. */
#define MAX_MEMBER_ROWS 200
/* More members than this, and the member search shows. */
#define MEMBER_SEARCH_FROM 12

/* The groups of members, in the order they show. */
static const char * const member_statuses[] = {
  XF_MEMBER_ACCEPTED, XF_MEMBER_WAITLISTED, XF_MEMBER_INVITED, XF_MEMBER_LISTED,
  XF_MEMBER_ATTENDED, XF_MEMBER_ABSENT, XF_MEMBER_DECLINED,
};

struct _XfCareBatchesView
{
  AdwBin               parent_instance;

  XfCare              *care;
  GPtrArray           *batches;        /* of XfCareBatch, as listed */
  GPtrArray           *programmes;     /* of XfCareProgramme, the programme filter's (index 0: any) */
  XfCareBatch         *batch;          /* shown, with its members; NULL for none */
  GStrv                allowed;        /* what the actor may do with it now */
  GPtrArray           *facts_rows;
  GHashTable          *refusals;       /* pioneer id → why the actor may not act for them ("" when they may) */
  gint64               batch_id;
  int                  this_year;
  XfReloadQueue        reload;
  gboolean             may_manage;     /* CARE_MANAGE somewhere */
  gboolean             selecting;

  /* Template widgets */
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkWidget           *separator;
  GtkWidget           *details_pane;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *year_dropdown;
  GtkDropDown         *programme_dropdown;
  GtkStack            *list_stack;
  GtkListBox          *batch_list;
  AdwStatusPage       *empty_status;
  GtkWidget           *empty_new_button;
  AdwStatusPage       *error_status;
  GtkWidget           *details_back_button;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkLabel            *status_label;
  GtkLabel            *places_label;
  GtkLevelBar         *places_bar;
  GtkLabel            *counts_label;
  GtkLabel            *error_label;
  GtkWidget           *actions_box;
  GtkWidget           *invite_button;
  GtkWidget           *edit_button;
  GtkWidget           *add_button;
  GtkWidget           *close_button;
  GtkWidget           *cancel_button;
  AdwPreferencesGroup *facts_group;
  GtkSearchEntry      *member_search;
  GtkBox              *members_box;
};

G_DEFINE_FINAL_TYPE (XfCareBatchesView, xf_care_batches_view, ADW_TYPE_BIN)

static void load_list (XfCareBatchesView *self);
static void load_batch (XfCareBatchesView *self);

static void
show_error (XfCareBatchesView *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
allows (XfCareBatchesView *self,
        const char        *action)
{
  return self->allowed != NULL && g_strv_contains ((const char * const *) self->allowed, action);
}

/* After a write: the list and the batch are read again once idle (as
 * ::changed asked), not now: the button clicked is still in its signal
 * and goes with its row. */
static void
written (XfCareBatchesView *self,
         const char        *toast)
{
  show_error (self, NULL);
  xf_reload_queue_changed (&self->reload);
  if (toast != NULL)
    xf_care_toast (GTK_WIDGET (self), toast);
}

static gboolean
check_write (XfCareBatchesView *self,
             gboolean           ok,
             GError            *error)
{
  if (!ok)
    {
      xf_show_pane_error (self->error_label, GTK_SCROLLED_WINDOW (self->details_pane),
                          error != NULL ? error->message : _("The change was refused"));
    }
  return ok;
}

/*
 * The places and counts
 */

static char *
places_text (const XfCareBatch *batch)
{
  g_autofree char *taken = NULL;

  /* Translators: "18 of 20 places taken" */
  taken = g_strdup_printf (ngettext ("%d of %d place taken", "%d of %d places taken", batch->places),
                           batch->n_accepted, batch->places);
  if (batch->n_waitlisted == 0)
    return g_steal_pointer (&taken);
  /* Translators: the places taken, then how many wait: "18 of 20 places taken, 3 waiting" */
  return g_strdup_printf (ngettext ("%s, %d waiting", "%s, %d waiting", batch->n_waitlisted),
                          taken, batch->n_waitlisted);
}

static char *
counts_text (const XfCareBatch *batch)
{
  /* Translators: the counts of a batch's members */
  return g_strdup_printf (_("Listed %d · invited %d · accepted %d · waiting %d · declined %d · attended %d"),
                          batch->n_listed, batch->n_invited, batch->n_accepted, batch->n_waitlisted,
                          batch->n_declined, batch->n_attended);
}

/*
 * Members
 */

static char *
member_subtitle (const XfCareBatchMember *member)
{
  g_autoptr(GString) text = g_string_new (member->region_name != NULL ? member->region_name : "");

  if (member->age >= 0)
    {
      g_autofree char *age = g_strdup_printf (ngettext ("aged %d", "aged %d", member->age), member->age);

      g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", age);
    }
  if (g_strcmp0 (member->status, XF_MEMBER_WAITLISTED) == 0 && member->position > 0)
    {
      /* Translators: a member's place on the waiting list */
      g_autofree char *place = g_strdup_printf (_("number %d in line"), member->position);

      g_string_append_printf (text, " · %s", place);
    }
  if (member->answered_on != NULL)
    {
      /* Translators: %s is a date, YYYY-MM-DD */
      g_autofree char *answered = g_strdup_printf (_("answered %s"), member->answered_on);

      g_string_append_printf (text, " · %s", answered);
    }
  else if (member->invited_on != NULL)
    {
      /* Translators: %s is a date, YYYY-MM-DD */
      g_autofree char *invited = g_strdup_printf (_("invited %s"), member->invited_on);

      g_string_append_printf (text, " · %s", invited);
    }
  if (member->decline_reason != NULL && *member->decline_reason != '\0')
    {
      /* Translators: why a member declined */
      g_autofree char *reason = g_strdup_printf (_("Reason: %s"), member->decline_reason);

      g_string_append_printf (text, "\n%s", reason);
    }
  if (member->override_reason != NULL && *member->override_reason != '\0')
    {
      /* Translators: why someone not eligible was added to a batch */
      g_autofree char *reason = g_strdup_printf (_("Added although not eligible: %s"), member->override_reason);

      g_string_append_printf (text, "\n%s", reason);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gint64
id_of (gpointer    object,
       const char *key)
{
  gint64 *id = g_object_get_data (G_OBJECT (object), key);

  return id != NULL ? *id : 0;
}

static void
set_id (gpointer    object,
        const char *key,
        gint64      value)
{
  gint64 *id = g_new (gint64, 1);

  *id = value;
  g_object_set_data_full (G_OBJECT (object), key, id, g_free);
}

static gint64
button_pioneer (GtkWidget *button)
{
  return id_of (button, "xf-pioneer-id");
}

static const XfCareBatchMember *
member_of (const XfCareBatch *batch,
           gint64             pioneer_id)
{
  if (batch == NULL || batch->members == NULL)
    return NULL;
  for (guint i = 0; i < batch->members->len; i++)
    {
      const XfCareBatchMember *member = g_ptr_array_index (batch->members, i);

      if (member->pioneer_id == pioneer_id)
        return member;
    }
  return NULL;
}

static const XfCareBatchMember *
find_member (XfCareBatchesView *self,
             gint64             pioneer_id)
{
  return member_of (self->batch, pioneer_id);
}

static void
accept_clicked_cb (GtkWidget         *button,
                   XfCareBatchesView *self)
{
  gint64 pioneer_id = button_pioneer (button);
  const XfCareBatchMember *member = find_member (self, pioneer_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = member != NULL ? g_strdup (member->pioneer_name) : g_strdup ("");
  g_autofree char *text = NULL;
  g_autoptr(XfCareBatch) batch = NULL;

  if (!check_write (self, xf_care_answer (self->care, self->batch_id, pioneer_id, TRUE, NULL, &error), error))
    return;
  /* Core put them on the waiting list if every place was taken. */
  batch = xf_care_get_batch (self->care, self->batch_id, NULL);
  member = member_of (batch, pioneer_id);
  if (member != NULL && g_strcmp0 (member->status, XF_MEMBER_WAITLISTED) == 0)
    /* Translators: %s is a person's name */
    text = g_strdup_printf (_("Every place is taken: %s is on the waiting list"), name);
  else
    /* Translators: %s is a person's name */
    text = g_strdup_printf (_("%s accepted"), name);
  written (self, text);
}

static void
decline_reason_cb (gpointer    user_data,
                   const char *reason)
{
  XfCareBatchesView *self = XF_CARE_BATCHES_VIEW (user_data);
  gint64 pioneer_id = id_of (self, "xf-asking-pioneer");
  g_autoptr(GError) error = NULL;

  if (!check_write (self, xf_care_answer (self->care, self->batch_id, pioneer_id, FALSE, reason, &error), error))
    return;
  written (self, _("Declined"));
}

/* The member a reason is asked for. */
static void
set_asking (XfCareBatchesView *self,
            gint64             pioneer_id)
{
  set_id (self, "xf-asking-pioneer", pioneer_id);
}

static void
decline_clicked_cb (GtkWidget         *button,
                    XfCareBatchesView *self)
{
  gint64 pioneer_id = button_pioneer (button);
  const XfCareBatchMember *member = find_member (self, pioneer_id);
  g_autofree char *heading = NULL;

  if (member == NULL)
    return;
  set_asking (self, pioneer_id);
  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_("%s Declines?"), member->pioneer_name);
  xf_care_ask_reason (GTK_WIDGET (self), heading,
                      g_strcmp0 (member->status, XF_MEMBER_ACCEPTED) == 0
                        ? _("The place is freed: the first on the waiting list takes it.")
                        : _("Say why, as the member gave it."),
                      _("_Decline"), TRUE, TRUE, decline_reason_cb, self);
}

static void
attendance_toggled_cb (GtkToggleButton   *button,
                       XfCareBatchesView *self)
{
  gint64 pioneer_id = button_pioneer (GTK_WIDGET (button));
  gboolean attended = g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (button)), "attended-button") == 0;
  const XfCareBatchMember *member = find_member (self, pioneer_id);
  g_autoptr(GError) error = NULL;

  if (!gtk_toggle_button_get_active (button) || member == NULL)
    return;
  if (g_strcmp0 (member->status, attended ? XF_MEMBER_ATTENDED : XF_MEMBER_ABSENT) == 0)
    return;
  if (!check_write (self, xf_care_record_attendance (self->care, self->batch_id, pioneer_id, attended, &error),
                    error))
    {
      /* The toggle goes back as core has it, once idle. */
      xf_reload_queue_changed (&self->reload);
      return;
    }
  written (self, NULL);
}

static void
remove_member (XfCareBatchesView *self,
               gint64             pioneer_id,
               const char        *reason)
{
  g_autoptr(GError) error = NULL;

  if (!check_write (self, xf_care_remove_member (self->care, self->batch_id, pioneer_id, reason, &error), error))
    return;
  written (self, _("Removed from the batch"));
}

static void
remove_reason_cb (gpointer    user_data,
                  const char *reason)
{
  XfCareBatchesView *self = XF_CARE_BATCHES_VIEW (user_data);
  gint64 pioneer_id = id_of (self, "xf-asking-pioneer");

  if (pioneer_id > 0)
    remove_member (self, pioneer_id, reason);
}

static void
remove_confirmed_cb (XfCareBatchesView *self)
{
  remove_reason_cb (self, NULL);
}

static void
remove_clicked_cb (GtkWidget         *button,
                   XfCareBatchesView *self)
{
  gint64 pioneer_id = button_pioneer (button);
  const XfCareBatchMember *member = find_member (self, pioneer_id);
  g_autofree char *heading = NULL;

  if (member == NULL)
    return;
  set_asking (self, pioneer_id);
  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_("Remove %s?"), member->pioneer_name);
  if (g_strcmp0 (self->batch->status, XF_BATCH_DRAFT) == 0)
    {
      GtkWidget *dialog = xf_confirm_dialog_new (GTK_WIDGET (self), heading,
                                                 _("They are taken off the list; the audit trail keeps it."),
                                                 _("_Cancel"), "remove", _("_Remove"));

      g_signal_connect_object (dialog, "response::remove", G_CALLBACK (remove_confirmed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    xf_care_ask_reason (GTK_WIDGET (self), heading,
                        _("They have been invited: say why they are taken off the list."),
                        _("_Remove"), TRUE, TRUE, remove_reason_cb, self);
}

/* Why the actor may not act for @pioneer_id (a pioneer elsewhere), or
 * NULL when they may: asked once per pioneer and reading of the batch. */
static const char *
refusal_for (XfCareBatchesView *self,
             gint64             pioneer_id)
{
  const char *refusal = g_hash_table_lookup (self->refusals, &pioneer_id);
  g_autoptr(GError) error = NULL;
  gint64 *key;

  if (refusal == NULL)
    {
      key = g_new (gint64, 1);
      *key = pioneer_id;
      if (xf_registry_check_id (xf_care_get_registry (self->care), XF_OP_CARE_MANAGE, pioneer_id, &error))
        refusal = "";
      else
        refusal = error->message;
      refusal = g_strdup (refusal);
      g_hash_table_insert (self->refusals, key, (char *) refusal);
    }
  return *refusal != '\0' ? refusal : NULL;
}

static gboolean
member_matches (const XfCareBatchMember *member,
                const char              *needle)
{
  g_autofree char *name = NULL;
  g_autofree char *region = NULL;

  if (needle == NULL || *needle == '\0')
    return TRUE;
  name = g_utf8_casefold (member->pioneer_name != NULL ? member->pioneer_name : "", -1);
  region = g_utf8_casefold (member->region_name != NULL ? member->region_name : "", -1);
  return strstr (name, needle) != NULL || strstr (region, needle) != NULL;
}

/* A button of a member's row: sensitive only where the actor may act
 * for that pioneer, else core's refusal as its tooltip. */
static GtkWidget *
member_button (XfCareBatchesView       *self,
               GtkWidget               *button,
               const char              *name,
               const XfCareBatchMember *member,
               GCallback                callback,
               const char              *signal)
{
  const char *refusal = refusal_for (self, member->pioneer_id);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  set_id (button, "xf-pioneer-id", member->pioneer_id);
  g_signal_connect (button, signal, callback, self);
  if (refusal != NULL)
    {
      gtk_widget_set_sensitive (button, FALSE);
      gtk_widget_set_tooltip_text (button, refusal);
    }
  return button;
}

static GtkWidget *
text_button (const char *label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  return button;
}

static GtkWidget *
member_row_new (XfCareBatchesView       *self,
                const XfCareBatchMember *member)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = member_subtitle (member);
  const char *status = member->status;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gboolean waiting = g_strcmp0 (status, XF_MEMBER_INVITED) == 0 || g_strcmp0 (status, XF_MEMBER_WAITLISTED) == 0;
  gboolean holds = g_strcmp0 (status, XF_MEMBER_ACCEPTED) == 0 || g_strcmp0 (status, XF_MEMBER_ATTENDED) == 0 ||
                   g_strcmp0 (status, XF_MEMBER_ABSENT) == 0;

  gtk_widget_set_name (row, "member-row");
  set_id (row, "xf-member-id", member->pioneer_id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->pioneer_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  /* A waitlisted member has accepted already: they may still decline. */
  if (allows (self, "answer") && g_strcmp0 (status, XF_MEMBER_INVITED) == 0)
    {
      GtkWidget *accept = member_button (self, text_button (C_("batch member", "_Accept")), "accept-button", member,
                                         G_CALLBACK (accept_clicked_cb), "clicked");

      gtk_widget_add_css_class (accept, "suggested-action");
      gtk_box_append (GTK_BOX (box), accept);
    }
  if (allows (self, "answer") && (waiting || g_strcmp0 (status, XF_MEMBER_ACCEPTED) == 0))
    gtk_box_append (GTK_BOX (box), member_button (self, text_button (C_("batch member", "_Decline…")), "decline-button", member,
                                                  G_CALLBACK (decline_clicked_cb), "clicked"));
  if (allows (self, "attendance") && holds)
    {
      GtkWidget *linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *attended = gtk_toggle_button_new_with_mnemonic (C_("batch member", "A_ttended"));
      GtkWidget *absent = gtk_toggle_button_new_with_mnemonic (C_("batch member", "Ab_sent"));

      gtk_widget_add_css_class (linked, "linked");
      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (absent), GTK_TOGGLE_BUTTON (attended));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (attended), g_strcmp0 (status, XF_MEMBER_ATTENDED) == 0);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (absent), g_strcmp0 (status, XF_MEMBER_ABSENT) == 0);
      gtk_box_append (GTK_BOX (linked), member_button (self, attended, "attended-button", member,
                                                       G_CALLBACK (attendance_toggled_cb), "toggled"));
      gtk_box_append (GTK_BOX (linked), member_button (self, absent, "absent-button", member,
                                                       G_CALLBACK (attendance_toggled_cb), "toggled"));
      gtk_widget_set_valign (linked, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), linked);
    }
  if (allows (self, "add-member") &&
      (g_strcmp0 (status, XF_MEMBER_LISTED) == 0 || g_strcmp0 (status, XF_MEMBER_INVITED) == 0))
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove from the batch"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove from the batch"), -1);
      /* After the plain tooltip: a refusal replaces it. */
      member_button (self, remove, "remove-button", member, G_CALLBACK (remove_clicked_cb), "clicked");
      gtk_box_append (GTK_BOX (box), remove);
    }
  if (gtk_widget_get_first_child (box) != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  else
    {
      g_object_ref_sink (box);
      g_object_unref (box);
    }
  return row;
}

static void
fill_members (XfCareBatchesView *self)
{
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->member_search)), -1);

  xf_box_remove_all (self->members_box);
  g_hash_table_remove_all (self->refusals);
  gtk_widget_set_visible (GTK_WIDGET (self->member_search),
                          self->batch != NULL && self->batch->members != NULL &&
                          self->batch->members->len > MEMBER_SEARCH_FROM);
  if (self->batch == NULL || self->batch->members == NULL)
    return;
  for (guint s = 0; s < G_N_ELEMENTS (member_statuses); s++)
    {
      GtkWidget *group = NULL;
      guint count = 0;

      for (guint i = 0; i < self->batch->members->len; i++)
        {
          const XfCareBatchMember *member = g_ptr_array_index (self->batch->members, i);

          if (g_strcmp0 (member->status, member_statuses[s]) != 0 || !member_matches (member, needle))
            continue;
          if (group == NULL)
            {
              g_autofree char *name = g_strconcat ("members-", member_statuses[s], NULL);

              group = adw_preferences_group_new ();
              gtk_widget_set_name (group, name);
              gtk_box_append (self->members_box, group);
            }
          if (count < MAX_MEMBER_ROWS)
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), member_row_new (self, member));
          count++;
        }
      if (group != NULL)
        {
          /* Translators: a status of members and how many have it: "Accepted (18)" */
          g_autofree char *title = g_strdup_printf (_("%s (%u)"), xf_member_status_label (member_statuses[s]), count);

          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
          if (count > MAX_MEMBER_ROWS)
            {
              g_autofree char *more = g_strdup_printf (ngettext ("And %u more: find them by name",
                                                                 "And %u more: find them by name",
                                                                 count - MAX_MEMBER_ROWS),
                                                       count - MAX_MEMBER_ROWS);

              adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), xf_message_row_new ("more-row", more));
            }
        }
    }
  if (gtk_widget_get_first_child (GTK_WIDGET (self->members_box)) == NULL)
    {
      GtkWidget *status = adw_status_page_new ();
      gboolean searching = *needle != '\0';

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status),
                                     searching ? "edit-find-symbolic" : "system-users-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), searching ? _("No member matches") : _("Nobody on the list"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       searching ? _("Search for another name or place.")
                                                 : _("Nobody was eligible on the reference date. Add members by hand."));
      gtk_widget_add_css_class (status, "compact");
      gtk_box_append (self->members_box, status);
    }
}

static void
member_search_changed_cb (XfCareBatchesView *self)
{
  fill_members (self);
}

/*
 * The batch shown
 */

static void
add_fact (XfCareBatchesView *self,
          const char        *name,
          const char        *title,
          const char        *value)
{
  if (value != NULL && *value != '\0')
    xf_preferences_group_add_row (self->facts_group, self->facts_rows, xf_property_row_new (name, title, value));
}

static void
fill_details (XfCareBatchesView *self)
{
  const XfCareBatch *batch = self->batch;
  g_autofree char *subtitle = NULL;
  g_autofree char *places = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *cost = NULL;

  xf_preferences_group_clear_rows (self->facts_group, self->facts_rows);
  g_clear_pointer (&self->allowed, g_strfreev);
  if (batch == NULL)
    {
      xf_box_remove_all (self->members_box);
      return;
    }
  self->allowed = xf_care_batch_allowed_actions (self->care, batch);

  gtk_label_set_text (self->title_label, batch->title);
  /* Translators: a batch's programme and year: "Recuperation trip · 2026" */
  subtitle = g_strdup_printf (_("%s · %d"), batch->programme_name != NULL ? batch->programme_name : batch->programme_code,
                              batch->year);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_label_set_text (self->status_label, xf_batch_status_label (batch->status));

  places = places_text (batch);
  gtk_label_set_text (self->places_label, places);
  gtk_level_bar_set_value (self->places_bar,
                           batch->places > 0 ? MIN (1.0, (double) batch->n_accepted / batch->places) : 0);
  counts = counts_text (batch);
  gtk_label_set_text (self->counts_label, counts);

  add_fact (self, "reference-row", _("Ages and eligibility on"), batch->reference_on);
  if (batch->starts_on != NULL && batch->ends_on != NULL && g_strcmp0 (batch->starts_on, batch->ends_on) != 0)
    /* Translators: from one date to another */
    dates = g_strdup_printf (_("%s to %s"), batch->starts_on, batch->ends_on);
  else
    dates = g_strdup (batch->starts_on);
  add_fact (self, "dates-row", _("Dates"), dates);
  add_fact (self, "reply-by-row", _("Reply by"), batch->reply_by);
  add_fact (self, "place-row", _("Place"), batch->place);
  cost = batch->unit_cost > 0 ? xf_money_format (batch->unit_cost) : NULL;
  add_fact (self, "unit-cost-row", _("Cost per person"), cost);
  add_fact (self, "notes-row", _("Notes"), batch->notes);
  add_fact (self, "cancel-reason-row", _("Cancelled because"), batch->cancel_reason);

  gtk_widget_set_visible (self->invite_button, allows (self, "invite"));
  gtk_widget_set_visible (self->edit_button, allows (self, "edit"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.edit", allows (self, "edit"));
  gtk_widget_set_visible (self->add_button, allows (self, "add-member"));
  gtk_widget_set_visible (self->close_button, allows (self, "close"));
  gtk_widget_set_visible (self->cancel_button, allows (self, "cancel"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.invite", allows (self, "invite"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.add-member", allows (self, "add-member"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.close", allows (self, "close"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.cancel", allows (self, "cancel"));
  gtk_widget_set_visible (self->actions_box, allows (self, "invite") || allows (self, "edit") ||
                                             allows (self, "add-member") ||
                                             allows (self, "close") || allows (self, "cancel"));
  fill_members (self);
}

static void
load_batch (XfCareBatchesView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->batch, xf_care_batch_free);
  if (self->batch_id > 0)
    {
      self->batch = xf_care_get_batch (self->care, self->batch_id, &error);
      if (self->batch == NULL)
        {
          g_debug ("Could not read batch %lld: %s", (long long) self->batch_id, error->message);
          self->batch_id = 0;
        }
    }
  fill_details (self);
}

static void
sync_panes (XfCareBatchesView *self,
            gboolean           go_there)
{
  xf_leaflet_sync_details (self->leaflet, self->list_pane, self->separator, self->details_pane,
                           self->batch != NULL, go_there);
  gtk_widget_set_hexpand (self->list_pane, self->batch == NULL);
  gtk_widget_set_visible (self->details_back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
select_row_of (XfCareBatchesView *self)
{
  self->selecting = TRUE;
  gtk_list_box_unselect_all (self->batch_list);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->batch_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      gint64 *id = g_object_get_data (G_OBJECT (row), "xf-batch-id");

      if (id != NULL && *id == self->batch_id && self->batch_id > 0)
        gtk_list_box_select_row (self->batch_list, GTK_LIST_BOX_ROW (row));
    }
  self->selecting = FALSE;
}

void
xf_care_batches_view_show_batch (XfCareBatchesView *self,
                                 gint64             batch_id)
{
  g_return_if_fail (XF_IS_CARE_BATCHES_VIEW (self));

  if (self->reload.stale)
    load_list (self);
  self->batch_id = MAX (batch_id, 0);
  show_error (self, NULL);
  load_batch (self);
  select_row_of (self);
  sync_panes (self, self->batch != NULL);
}

/*
 * The list
 */

static int
selected_year (XfCareBatchesView *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return 0;
  return self->this_year + 2 - (int) selected;
}

static const char *
selected_programme (XfCareBatchesView *self)
{
  guint selected = gtk_drop_down_get_selected (self->programme_dropdown);

  if (self->programmes == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->programmes->len)
    return NULL;
  return ((XfCareProgramme *) g_ptr_array_index (self->programmes, selected - 1))->code;
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  XfCareBatchesView *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *haystack = g_object_get_data (G_OBJECT (row), "xf-search");
  g_autofree char *needle = g_utf8_casefold (text, -1);

  return *text == '\0' || (haystack != NULL && strstr (haystack, needle) != NULL);
}

static GtkWidget *
batch_row_new (const XfCareBatch *batch)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (batch->title);
  GtkWidget *subtitle;
  GtkWidget *places;
  GtkWidget *counts;
  g_autofree char *subtitle_text = NULL;
  g_autofree char *places_str = places_text (batch);
  g_autofree char *counts_str = counts_text (batch);
  g_autofree char *search = NULL;
  gint64 *id = g_new (gint64, 1);

  /* Translators: a batch's programme, year and status */
  subtitle_text = g_strdup_printf (_("%s · %d · %s"),
                                   batch->programme_name != NULL ? batch->programme_name : batch->programme_code,
                                   batch->year, xf_batch_status_label (batch->status));
  subtitle = gtk_label_new (subtitle_text);
  places = gtk_label_new (places_str);
  counts = gtk_label_new (counts_str);
  gtk_widget_set_name (row, "batch-row");
  for (GtkWidget *label = title; label != NULL;
       label = label == title ? subtitle : label == subtitle ? places : label == places ? counts : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (places, "caption");
  gtk_widget_add_css_class (counts, "dim-label");
  gtk_widget_add_css_class (counts, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  *id = batch->id;
  g_object_set_data_full (G_OBJECT (row), "xf-batch-id", id, g_free);
  search = g_strjoin (" ", batch->title, batch->programme_name != NULL ? batch->programme_name : "",
                      batch->place != NULL ? batch->place : "", NULL);
  g_object_set_data_full (G_OBJECT (row), "xf-search", g_utf8_casefold (search, -1), g_free);
  return row;
}

static gboolean
is_filtered (XfCareBatchesView *self)
{
  return *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0' ||
         selected_year (self) != 0 || selected_programme (self) != NULL;
}

static void
update_list_state (XfCareBatchesView *self)
{
  gboolean any = FALSE;

  if (self->batches == NULL)
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->batch_list)); row != NULL && !any;
       row = gtk_widget_get_next_sibling (row))
    any = gtk_widget_get_child_visible (row);
  if (any)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    gtk_stack_set_visible_child_name (self->list_stack, is_filtered (self) ? "no-matches" : "empty");
}

static void
load_programmes (XfCareBatchesView *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->programmes, g_ptr_array_unref);
  self->programmes = xf_care_list_programmes (self->care, TRUE, &error);
  if (self->programmes == NULL)
    g_debug ("Could not read the programmes: %s", error->message);
  gtk_string_list_append (model, _("All programmes"));
  for (guint i = 0; self->programmes != NULL && i < self->programmes->len; i++)
    gtk_string_list_append (model, xf_care_programme_get_name (g_ptr_array_index (self->programmes, i)));

  gtk_string_list_append (years, _("All years"));
  for (int year = self->this_year + 1; year >= self->this_year - N_PAST_YEARS; year--)
    {
      g_autofree char *text = g_strdup_printf ("%d", year);

      gtk_string_list_append (years, text);
    }
  g_signal_handlers_block_matched (self->programme_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_block_matched (self->year_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->programme_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (years));
  gtk_drop_down_set_selected (self->programme_dropdown, 0);
  gtk_drop_down_set_selected (self->year_dropdown, 0);
  g_signal_handlers_unblock_matched (self->programme_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_unblock_matched (self->year_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
load_list (XfCareBatchesView *self)
{
  g_autoptr(GError) error = NULL;

  xf_reload_queue_reloading (&self->reload);
  if (self->care == NULL)
    return;
  if (self->programmes == NULL)
    load_programmes (self);
  g_clear_pointer (&self->batches, g_ptr_array_unref);
  xf_care_list_box_clear (self->batch_list);
  self->batches = xf_care_list_batches (self->care, selected_programme (self), selected_year (self), &error);
  if (self->batches == NULL)
    {
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
    }
  else
    {
      for (guint i = 0; i < self->batches->len; i++)
        gtk_list_box_append (self->batch_list, batch_row_new (g_ptr_array_index (self->batches, i)));
      update_list_state (self);
    }
  load_batch (self);
  select_row_of (self);
  sync_panes (self, FALSE);
}

static void
reload_cb (GtkWidget *widget)
{
  load_list (XF_CARE_BATCHES_VIEW (widget));
}

void
xf_care_batches_view_refresh (XfCareBatchesView *self)
{
  g_return_if_fail (XF_IS_CARE_BATCHES_VIEW (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->reload.stale = TRUE;
      return;
    }
  g_clear_pointer (&self->programmes, g_ptr_array_unref);
  load_list (self);
}

static void
search_changed_cb (XfCareBatchesView *self)
{
  gtk_list_box_invalidate_filter (self->batch_list);
  update_list_state (self);
}

static void
filter_changed_cb (XfCareBatchesView *self)
{
  load_list (self);
}

static void
batch_selected_cb (XfCareBatchesView *self,
                   GtkListBoxRow     *row)
{
  gint64 *id;

  if (self->selecting || row == NULL)
    return;
  id = g_object_get_data (G_OBJECT (row), "xf-batch-id");
  xf_care_batches_view_show_batch (self, id != NULL ? *id : 0);
}

/*
 * The batch's steps
 */

static void
invite_confirmed_cb (XfCareBatchesView *self)
{
  g_autoptr(GError) error = NULL;
  int count = self->batch != NULL ? self->batch->n_listed : 0;
  g_autofree char *text = NULL;

  if (!check_write (self, xf_care_send_invitations (self->care, self->batch_id, &error), error))
    return;
  text = g_strdup_printf (ngettext ("%d invitation sent", "%d invitations sent", count), count);
  written (self, text);
}

static void
invite_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfCareBatchesView *self = XF_CARE_BATCHES_VIEW (widget);
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  int count;

  if (self->batch == NULL)
    return;
  count = self->batch->n_listed;
  heading = g_strdup_printf (ngettext ("Send %d Invitation?", "Send %d Invitations?", count), count);
  body = g_strdup_printf (ngettext ("The %d person on the list is invited today; answers are recorded as they come. "
                                    "People added later are invited at once.",
                                    "The %d people on the list are invited today; answers are recorded as they come. "
                                    "People added later are invited at once.", count), count);
  dialog = adw_message_dialog_new (xf_widget_get_window (widget), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "send", _("_Send"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "send", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "send");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response::send", G_CALLBACK (invite_confirmed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
batch_saved_cb (XfCareBatchesView *self)
{
  written (self, _("Batch saved"));
}

static void
member_added_cb (XfCareBatchesView *self)
{
  written (self, _("Member added"));
}

/* A dialog about the batch shown: @done (swapped) on its @signal. */
static void
present_dialog (XfCareBatchesView *self,
                GtkWidget         *dialog,
                const char        *signal,
                GCallback          done)
{
  g_signal_connect_object (dialog, signal, done, self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfCareBatchesView *self = XF_CARE_BATCHES_VIEW (widget);

  if (self->batch != NULL)
    present_dialog (self, xf_care_batch_dialog_new_edit (xf_widget_get_window (widget), self->care, self->batch),
                    "created", G_CALLBACK (batch_saved_cb));
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XfCareBatchesView *self = XF_CARE_BATCHES_VIEW (widget);

  if (self->batch != NULL)
    present_dialog (self, xf_care_member_dialog_new (xf_widget_get_window (widget), self->care, self->batch),
                    "added", G_CALLBACK (member_added_cb));
}

static void
close_confirmed_cb (XfCareBatchesView *self)
{
  g_autoptr(GError) error = NULL;

  if (!check_write (self, xf_care_close_batch (self->care, self->batch_id, &error), error))
    return;
  written (self, _("Batch closed"));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  XfCareBatchesView *self = XF_CARE_BATCHES_VIEW (widget);
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (self->batch == NULL)
    return;
  if (self->batch->n_invited > 0)
    body = g_strdup_printf (ngettext ("%d invited member never answered and is recorded as declined. "
                                      "A closed batch cannot change.",
                                      "%d invited members never answered and are recorded as declined. "
                                      "A closed batch cannot change.", self->batch->n_invited),
                            self->batch->n_invited);
  else
    body = g_strdup (_("A closed batch cannot change."));
  dialog = adw_message_dialog_new (xf_widget_get_window (widget), _("Close Batch?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "close-batch", _("C_lose"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close-batch", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response::close-batch", G_CALLBACK (close_confirmed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_reason_cb (gpointer    user_data,
                  const char *reason)
{
  XfCareBatchesView *self = XF_CARE_BATCHES_VIEW (user_data);
  g_autoptr(GError) error = NULL;

  if (!check_write (self, xf_care_cancel_batch (self->care, self->batch_id, reason, &error), error))
    return;
  written (self, _("Batch cancelled"));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfCareBatchesView *self = XF_CARE_BATCHES_VIEW (widget);

  if (self->batch == NULL)
    return;
  xf_care_ask_reason (widget, _("Cancel Batch?"),
                      _("Its places go back to the year's quota. Say why it is cancelled."),
                      _("C_ancel Batch"), TRUE, TRUE, cancel_reason_cb, self);
}

/*
 * New batches
 */

static void
batch_created_cb (XfCareBatchesView *self,
                  gint64             batch_id)
{
  xf_care_toast (GTK_WIDGET (self), _("Batch created"));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->batch_id = batch_id;
  load_list (self);
  xf_care_batches_view_show_batch (self, batch_id);
}

GtkWidget *
xf_care_batches_view_new_batch (XfCareBatchesView *self,
                                const char        *programme_code)
{
  GtkWidget *dialog;

  g_return_val_if_fail (XF_IS_CARE_BATCHES_VIEW (self), NULL);

  if (!self->may_manage)
    return NULL;
  dialog = xf_care_batch_dialog_new (xf_widget_get_window (GTK_WIDGET (self)), self->care, programme_code);
  g_signal_connect_object (dialog, "created", G_CALLBACK (batch_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/*
 * GObject
 */

static void
folded_cb (XfCareBatchesView *self)
{
  xf_leaflet_keep_details (self->leaflet, self->details_pane);
  gtk_widget_set_visible (self->details_back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
pane_cb (XfCareBatchesView *self)
{
  if (xf_leaflet_swiped_back (self->leaflet, self->list_pane) && self->batch_id > 0)
    xf_care_batches_view_show_batch (self, 0);
}

static void
xf_care_batches_view_map (GtkWidget *widget)
{
  XfCareBatchesView *self = XF_CARE_BATCHES_VIEW (widget);

  GTK_WIDGET_CLASS (xf_care_batches_view_parent_class)->map (widget);
  xf_reload_queue_mapped (&self->reload);
}

static void
xf_care_batches_view_dispose (GObject *object)
{
  XfCareBatchesView *self = XF_CARE_BATCHES_VIEW (object);

  xf_reload_queue_clear (&self->reload);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_CARE_BATCHES_VIEW);
  g_clear_pointer (&self->batches, g_ptr_array_unref);
  g_clear_pointer (&self->programmes, g_ptr_array_unref);
  g_clear_pointer (&self->batch, xf_care_batch_free);
  g_clear_pointer (&self->allowed, g_strfreev);
  g_clear_pointer (&self->facts_rows, g_ptr_array_unref);
  g_clear_pointer (&self->refusals, g_hash_table_unref);
  g_clear_object (&self->care);

  G_OBJECT_CLASS (xf_care_batches_view_parent_class)->dispose (object);
}

static void
xf_care_batches_view_class_init (XfCareBatchesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_care_batches_view_dispose;
  widget_class->map = xf_care_batches_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/care/xf-care-batches-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, separator);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, details_pane);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, programme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, batch_list);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, empty_status);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, error_status);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, details_back_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, title_label);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, status_label);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, places_label);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, places_bar);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, counts_label);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, invite_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, edit_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, add_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, close_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, facts_group);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, member_search);
  gtk_widget_class_bind_template_child (widget_class, XfCareBatchesView, members_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, batch_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, member_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "batch.invite", NULL, invite_action);
  gtk_widget_class_install_action (widget_class, "batch.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "batch.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "batch.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "batch.cancel", NULL, cancel_action);
}

static void
xf_care_batches_view_init (XfCareBatchesView *self)
{
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));
  xf_care_wrap_children (self->actions_box);
  xf_clock_today (&today);
  self->this_year = g_date_get_year (&today);
  self->facts_rows = g_ptr_array_new ();
  self->refusals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  xf_reload_queue_init (&self->reload, GTK_WIDGET (self), reload_cb);
  gtk_list_box_set_filter_func (self->batch_list, filter_func, self, NULL);
  xf_leaflet_connect_panes (self->leaflet, self, G_CALLBACK (folded_cb), G_CALLBACK (pane_cb));
  fill_details (self);
  sync_panes (self, FALSE);
}

static void
care_changed_cb (XfCareBatchesView *self)
{
  xf_reload_queue_changed (&self->reload);
}

GtkWidget *
xf_care_batches_view_new (XfCare *care)
{
  XfCareBatchesView *self;
  XfAccount *actor;

  g_return_val_if_fail (XF_IS_CARE (care), NULL);

  self = g_object_new (XF_TYPE_CARE_BATCHES_VIEW, NULL);
  self->care = g_object_ref (care);
  actor = xf_care_get_actor (care);
  self->may_manage = actor != NULL && xf_permission_allows_somewhere (actor, XF_OP_CARE_MANAGE);
  gtk_widget_set_visible (self->empty_new_button, self->may_manage);
  g_signal_connect_object (care, "changed", G_CALLBACK (care_changed_cb), self, G_CONNECT_SWAPPED);
  self->reload.stale = TRUE;
  return GTK_WIDGET (self);
}

/*
 * Public accessors
 */

gint64
xf_care_batches_view_get_batch_id (XfCareBatchesView *self)
{
  g_return_val_if_fail (XF_IS_CARE_BATCHES_VIEW (self), 0);
  return self->batch_id;
}

const XfCareBatch *
xf_care_batches_view_get_batch (XfCareBatchesView *self)
{
  g_return_val_if_fail (XF_IS_CARE_BATCHES_VIEW (self), NULL);
  return self->batch;
}

GPtrArray *
xf_care_batches_view_get_batches (XfCareBatchesView *self)
{
  g_return_val_if_fail (XF_IS_CARE_BATCHES_VIEW (self), NULL);

  if (self->batches == NULL || self->reload.stale)
    load_list (self);
  return self->batches;
}

GtkWidget *
xf_care_batches_view_get_member_row (XfCareBatchesView *self,
                                     gint64             pioneer_id)
{
  const XfCareBatchMember *member = find_member (self, pioneer_id);

  g_return_val_if_fail (XF_IS_CARE_BATCHES_VIEW (self), NULL);

  if (member == NULL)
    return NULL;
  for (GtkWidget *group = gtk_widget_get_first_child (GTK_WIDGET (self->members_box)); group != NULL;
       group = gtk_widget_get_next_sibling (group))
    {
      GPtrArray *stack = g_ptr_array_new ();
      GtkWidget *found = NULL;

      g_ptr_array_add (stack, group);
      while (stack->len > 0 && found == NULL)
        {
          GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

          if (ADW_IS_ACTION_ROW (widget) && id_of (widget, "xf-member-id") == pioneer_id)
            found = widget;
          for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
               child = gtk_widget_get_next_sibling (child))
            g_ptr_array_add (stack, child);
        }
      g_ptr_array_unref (stack);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
xf_care_batches_view_focus_search (XfCareBatchesView *self)
{
  g_return_if_fail (XF_IS_CARE_BATCHES_VIEW (self));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
xf_care_batches_view_back (XfCareBatchesView *self)
{
  g_return_val_if_fail (XF_IS_CARE_BATCHES_VIEW (self), FALSE);

  if (self->batch_id == 0)
    return FALSE;
  xf_care_batches_view_show_batch (self, 0);
  return TRUE;
}
