/* xf-care-batches-view-members.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The members of the batch shown, grouped by status, each with the steps
 * core allows for them: answers, attendance, removal.
 */

#define G_LOG_DOMAIN "xf-care-batches-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-care-batches-view-private.h"
#include "xf-care-form.h"
#include "xf-permission.h"

/* Members listed at most in a group; the search finds the others. */
#define MAX_MEMBER_ROWS 200
/* More members than this, and the member search shows. */
#define MEMBER_SEARCH_FROM 12

/* The groups of members, in the order they show. */
static const char * const member_statuses[] = {
  XF_MEMBER_ACCEPTED, XF_MEMBER_WAITLISTED, XF_MEMBER_INVITED, XF_MEMBER_LISTED,
  XF_MEMBER_ATTENDED, XF_MEMBER_ABSENT, XF_MEMBER_DECLINED,
};

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

  if (!_xf_care_batches_view_check_write (self, xf_care_answer (self->care, self->batch_id, pioneer_id, TRUE, NULL, &error), error))
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
  _xf_care_batches_view_written (self, text);
}

static void
decline_reason_cb (gpointer    user_data,
                   const char *reason)
{
  XfCareBatchesView *self = XF_CARE_BATCHES_VIEW (user_data);
  gint64 pioneer_id = id_of (self, "xf-asking-pioneer");
  g_autoptr(GError) error = NULL;

  if (!_xf_care_batches_view_check_write (self, xf_care_answer (self->care, self->batch_id, pioneer_id, FALSE, reason, &error), error))
    return;
  _xf_care_batches_view_written (self, C_("care", "Declined"));
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
  if (!_xf_care_batches_view_check_write (self, xf_care_record_attendance (self->care, self->batch_id, pioneer_id, attended, &error),
                    error))
    {
      /* The toggle goes back as core has it, once idle. */
      xf_reload_queue_changed (&self->reload);
      return;
    }
  _xf_care_batches_view_written (self, NULL);
}

static void
remove_member (XfCareBatchesView *self,
               gint64             pioneer_id,
               const char        *reason)
{
  g_autoptr(GError) error = NULL;

  if (!_xf_care_batches_view_check_write (self, xf_care_remove_member (self->care, self->batch_id, pioneer_id, reason, &error), error))
    return;
  _xf_care_batches_view_written (self, _("Removed from the batch"));
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
  if (_xf_care_batches_view_allows (self, "answer") && g_strcmp0 (status, XF_MEMBER_INVITED) == 0)
    {
      GtkWidget *accept = member_button (self, text_button (C_("batch member", "_Accept")), "accept-button", member,
                                         G_CALLBACK (accept_clicked_cb), "clicked");

      gtk_widget_add_css_class (accept, "suggested-action");
      gtk_box_append (GTK_BOX (box), accept);
    }
  if (_xf_care_batches_view_allows (self, "answer") && (waiting || g_strcmp0 (status, XF_MEMBER_ACCEPTED) == 0))
    gtk_box_append (GTK_BOX (box), member_button (self, text_button (C_("batch member", "_Decline…")), "decline-button", member,
                                                  G_CALLBACK (decline_clicked_cb), "clicked"));
  if (_xf_care_batches_view_allows (self, "attendance") && holds)
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
  if (_xf_care_batches_view_allows (self, "remove-member") &&
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

void
_xf_care_batches_view_fill_members (XfCareBatchesView *self)
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
  _xf_care_batches_view_fill_members (self);
}

void
_xf_care_batches_view_members_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, member_search_changed_cb);
}

/*
 * Public accessors
 */

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
