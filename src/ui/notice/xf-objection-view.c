/* xf-objection-view.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-objection-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-objection-view-private.h"
#include "xf-ui-util.h"
#include "xf-wrap-layout.h"

G_DEFINE_FINAL_TYPE (XfObjectionView, xf_objection_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BOARD,
  PROP_OBJECTION_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* A new toast replaces the last one rather than queue behind it. */
void
_xf_objection_view_show_toast (XfObjectionView *self,
                               const char      *text)
{
  xf_toast_overlay_replace (self->toast_overlay, &self->toast, text);
}

void
_xf_objection_view_show_error (XfObjectionView *self,
                               const GError    *error)
{
  xf_show_pane_error (self->error_label, self->scrolled_window, error->message);
}

void
_xf_objection_view_clear_error (XfObjectionView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static gboolean
is_open (XfObjectionView *self)
{
  return g_strcmp0 (self->objection->status, XF_OBJECTION_OPEN) == 0;
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/*
 * Rows
 */

/*
 * The status at the top
 */

static XfDueState
due_state_from_string (const char *text)
{
  static const XfDueState states[] = {
    XF_DUE_ON_TIME, XF_DUE_SOON, XF_DUE_OVERDUE, XF_DUE_DONE, XF_DUE_DONE_LATE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_strcmp0 (text, xf_due_state_to_string (states[i])) == 0)
      return states[i];
  return XF_DUE_NONE;
}

static void
set_state_class (GtkWidget  *widget,
                 XfDueState  state)
{
  gtk_widget_remove_css_class (widget, "warning");
  gtk_widget_remove_css_class (widget, "error");
  gtk_widget_remove_css_class (widget, "dim-label");
  if (state == XF_DUE_SOON)
    gtk_widget_add_css_class (widget, "warning");
  else if (state == XF_DUE_OVERDUE)
    gtk_widget_add_css_class (widget, "error");
  else if (state != XF_DUE_ON_TIME)
    gtk_widget_add_css_class (widget, "dim-label");
}

static char *
due_text (XfObjectionView *self,
          XfDueState       state)
{
  const XfObjection *objection = self->objection;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;

  /* Dates as the notice states them ("16 March 2026"), not ISO. */
  if (!is_open (self))
    {
      date = xf_notice_format_date (objection->decided_on);
      /* Translators: when and by whom an objection was decided. */
      return g_strdup_printf (_("Decided on %s by %s"), date,
                              objection->decided_by != NULL ? objection->decided_by : "");
    }
  date = xf_notice_format_date (objection->due_on);
  text = g_strdup_printf (_("Due on %s"), date);
  if (xf_due_state_needs_attention (state))
    /* Translators: "Due soon" or "Overdue", then the due date. */
    return g_strdup_printf (_("%s: %s"), xf_due_state_label (state), text);
  return g_steal_pointer (&text);
}

static void
update_status (XfObjectionView *self)
{
  const XfObjection *objection = self->objection;
  XfDueState state = is_open (self) ? due_state_from_string (objection->due_state) : XF_DUE_NONE;
  g_autofree char *due = due_text (self, state);
  g_autofree char *heading = NULL;
  gboolean open = is_open (self);
  gboolean reply_due = !open && self->may_handle && is_set (objection->reply) &&
                       !is_set (objection->reply_sent_on);

  /* Translators: the heading of an objection: about whom. */
  heading = g_strdup_printf (_("Objection about %s"),
                             objection->candidate_name != NULL ? objection->candidate_name : "");
  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->status_label, xf_objection_outcome_label (objection->outcome));
  gtk_label_set_text (self->due_label, due);
  set_state_class (GTK_WIDGET (self->due_label), state);

  gtk_widget_set_visible (self->uphold_return_button, open && self->may_handle);
  gtk_widget_set_visible (self->uphold_end_button, open && self->may_handle);
  gtk_widget_set_visible (self->dismiss_button, open && self->may_handle);
  gtk_widget_set_visible (self->reply_button, reply_due);
  gtk_widget_set_visible (self->actions_box, (open && self->may_handle) || reply_due);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "objection.decide", open && self->may_handle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "objection.record-reply", reply_due);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "objection.add-file", open && self->may_handle);
}

/*
 * The sections
 */

static void
fill_details (XfObjectionView *self)
{
  const XfObjection *objection = self->objection;
  AdwPreferencesGroup *group = self->details_group;
  GtkWidget *contact;
  g_autofree char *handling = NULL;
  g_autofree char *received_on = xf_notice_format_date (objection->received_on);

  xf_preferences_group_clear_rows (group, self->detail_rows);
  xf_preferences_group_add_row (group, self->detail_rows,
                                xf_property_row_new ("candidate", _("Candidate"),
                                                     objection->candidate_name));
  xf_preferences_group_add_row (group, self->detail_rows,
                                xf_property_row_new ("notice", _("Notice"), objection->notice_title));
  xf_preferences_group_add_row (group, self->detail_rows,
                                xf_property_row_new ("received-on", _("Received on"),
                                                     received_on));
  xf_preferences_group_add_row (group, self->detail_rows,
                                xf_property_row_new ("channel", _("Channel"),
                                                     xf_objection_channel_label (objection->channel)));
  xf_preferences_group_add_row (group, self->detail_rows,
                                xf_property_row_new ("objector", _("Objector"),
                                                     objection->anonymous ? _("Anonymous") : objection->objector_name));
  contact = xf_property_row_new ("contact", _("Contact"), objection->objector_contact);
  if (objection->contact_masked)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (contact),
                                   _("Hidden: only those who may see personal data at the "
                                     "candidate’s place see it"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (contact),
                                 gtk_image_new_from_icon_name ("changes-prevent-symbolic"));
    }
  xf_preferences_group_add_row (group, self->detail_rows, contact);
  handling = g_strdup_printf (ngettext ("%d working day", "%d working days", objection->handling_days),
                              objection->handling_days);
  xf_preferences_group_add_row (group, self->detail_rows,
                                xf_property_row_new ("handling-days", _("Time to handle"), handling));
  gtk_label_set_text (self->grounds_label, objection->grounds != NULL ? objection->grounds : "");
}

static void
fill_outcome (XfObjectionView *self)
{
  const XfObjection *objection = self->objection;
  AdwPreferencesGroup *group = self->outcome_group;
  g_autofree char *sent = NULL;
  g_autofree char *sent_on = xf_notice_format_date (objection->reply_sent_on);

  xf_preferences_group_clear_rows (group, self->outcome_rows);
  gtk_widget_set_visible (GTK_WIDGET (group), !is_open (self));
  if (is_open (self))
    return;

  xf_preferences_group_add_row (group, self->outcome_rows,
                                xf_property_row_new ("outcome", _("Outcome"),
                                                     xf_objection_outcome_label (objection->outcome)));
  if (is_set (objection->outcome_reason))
    xf_preferences_group_add_row (group, self->outcome_rows,
                                  xf_text_row_new ("reason", objection->outcome_reason, _("Reason")));
  if (is_set (objection->reply))
    xf_preferences_group_add_row (group, self->outcome_rows,
                                  xf_text_row_new ("reply", objection->reply, _("Reply to the objector")));
  if (is_set (objection->reply_sent_on))
    /* Translators: a reply sent: channel, date, by whom. */
    sent = g_strdup_printf (_("%s, %s, by %s"), xf_objection_channel_label (objection->reply_channel),
                            sent_on,
                            objection->reply_sent_by != NULL ? objection->reply_sent_by : "");
  if (is_set (objection->reply))
    xf_preferences_group_add_row (group, self->outcome_rows,
                                  xf_property_row_new ("reply-sent", _("Reply sent"), sent != NULL ? sent : _("Not yet sent")));
}

static void
fill_notes (XfObjectionView *self)
{
  const XfObjection *objection = self->objection;
  AdwPreferencesGroup *group = self->notes_group;

  xf_preferences_group_clear_rows (group, self->note_rows);
  /* The entry goes last, under the notes: take it out and add it back. */
  g_object_ref (self->note_row);
  if (gtk_widget_get_parent (self->note_row) != NULL)
    adw_preferences_group_remove (group, self->note_row);

  for (guint i = 0; objection->notes != NULL && i < objection->notes->len; i++)
    {
      const XfObjectionNote *note = g_ptr_array_index (objection->notes, i);
      g_autofree char *written_on = xf_notice_format_date (note->written_on);
      /* Translators: under a note: who wrote it, and when. */
      g_autofree char *by = g_strdup_printf (_("%s, %s"),
                                             note->written_by != NULL ? note->written_by : "",
                                             written_on);

      xf_preferences_group_add_row (group, self->note_rows,
                                    xf_text_row_new ("note-entry", note->body, by));
    }
  if (objection->notes == NULL || objection->notes->len == 0)
    xf_preferences_group_add_row (group, self->note_rows,
                                  xf_message_row_new (NULL, _("No notes yet")));

  adw_preferences_group_add (group, self->note_row);
  g_object_unref (self->note_row);
  gtk_widget_set_visible (self->note_row, is_open (self) && self->may_handle);
}

static void
fill_files (XfObjectionView *self)
{
  const XfObjection *objection = self->objection;
  AdwPreferencesGroup *group = self->files_group;

  xf_preferences_group_clear_rows (group, self->file_rows);
  for (guint i = 0; objection->files != NULL && i < objection->files->len; i++)
    {
      const XfObjectionFile *file = g_ptr_array_index (objection->files, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("document-open-symbolic");
      g_autofree char *size = g_format_size (file->size);
      g_autofree char *subtitle = NULL;

      /* Translators: a file's size, then who added it. */
      subtitle = g_strdup_printf (_("%s · added by %s"), size,
                                  file->added_by != NULL ? file->added_by : "");
      gtk_widget_set_name (row, "file");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), file->file_name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_tooltip_text (row, file->sha256);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("text-x-generic-symbolic"));
      gtk_widget_set_name (button, "open-file");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Open"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "objection.open-file");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", file->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      xf_preferences_group_add_row (group, self->file_rows, row);
    }
  if (objection->files == NULL || objection->files->len == 0)
    xf_preferences_group_add_row (group, self->file_rows, xf_message_row_new (NULL, _("No files")));
  gtk_widget_set_visible (self->add_file_button, is_open (self) && self->may_handle);
}

/*
 * Loading
 */

static void
clear_loaded (XfObjectionView *self)
{
  g_clear_pointer (&self->objection, xf_objection_free);
  g_clear_object (&self->pioneer);
  self->may_handle = FALSE;
}

/* The candidate, for where the actor's and handlers' permissions apply. */
static void
load_pioneer (XfObjectionView *self)
{
  XfEvaluation *evaluation = xf_notice_board_get_evaluation (self->board);
  XfRegistry *registry = xf_evaluation_get_registry (evaluation);
  g_autoptr(XfNomination) nomination = NULL;

  g_clear_object (&self->pioneer);
  nomination = xf_evaluation_get_nomination (evaluation, self->objection->nomination_id, NULL);
  if (nomination != NULL)
    self->pioneer = xf_registry_get_pioneer (registry, xf_nomination_get_pioneer_id (nomination), NULL);
  self->may_handle = self->pioneer != NULL &&
                     xf_registry_check (registry, XF_OP_NOMINATION_VET, self->pioneer, NULL);
}

static void
reload (XfObjectionView *self)
{
  g_autoptr(XfObjection) objection = NULL;
  g_autoptr(GError) error = NULL;

  _xf_objection_view_clear_error (self);
  if (self->objection_id > 0)
    objection = xf_notice_board_get_objection (self->board, self->objection_id, &error);
  if (objection == NULL)
    {
      clear_loaded (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      if (error != NULL)
        _xf_objection_view_show_toast (self, error->message);
      return;
    }

  g_clear_pointer (&self->objection, xf_objection_free);
  self->objection = g_steal_pointer (&objection);
  load_pioneer (self);
  update_status (self);
  fill_details (self);
  fill_outcome (self);
  _xf_objection_view_fill_handlers (self);
  fill_notes (self);
  fill_files (self);
  gtk_stack_set_visible_child_name (self->stack, "objection");
}

static gboolean
refresh_cb (gpointer data)
{
  XfObjectionView *self = data;

  self->refresh_source = 0;
  xf_objection_view_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Refreshes once, after the handler that wrote has returned, so that the
 * widget that caused it is not torn down beneath its own signal. */
static void
board_changed_cb (XfObjectionView *self,
                  gint64           notice_id)
{
  if (self->objection_id == 0)
    return;
  if (notice_id != 0 && self->objection != NULL && notice_id != self->objection->notice_id)
    return;
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_cb, self);
}

static void
note_applied_cb (XfObjectionView *self)
{
  _xf_objection_view_note_applied (self);
}

static void
handler_selected_cb (XfObjectionView *self)
{
  if (!self->filling)
    _xf_objection_view_handler_changed (self);
}

/*
 * GObject
 */

static void
xf_objection_view_constructed (GObject *object)
{
  XfObjectionView *self = (XfObjectionView *)object;

  G_OBJECT_CLASS (xf_objection_view_parent_class)->constructed (object);

  g_return_if_fail (XF_IS_NOTICE_BOARD (self->board));

  g_signal_connect_object (self->board, "changed", G_CALLBACK (board_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
}

static void
xf_objection_view_dispose (GObject *object)
{
  XfObjectionView *self = (XfObjectionView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_weak_pointer (&self->toast);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_OBJECTION_VIEW);
  clear_loaded (self);
  g_clear_pointer (&self->handler_ids, g_array_unref);
  g_clear_pointer (&self->detail_rows, g_ptr_array_unref);
  g_clear_pointer (&self->outcome_rows, g_ptr_array_unref);
  g_clear_pointer (&self->note_rows, g_ptr_array_unref);
  g_clear_pointer (&self->file_rows, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->board);

  G_OBJECT_CLASS (xf_objection_view_parent_class)->dispose (object);
}

static void
xf_objection_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  XfObjectionView *self = XF_OBJECTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;
    case PROP_OBJECTION_ID:
      g_value_set_int64 (value, self->objection_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_objection_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  XfObjectionView *self = XF_OBJECTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_set_object (&self->board, g_value_get_object (value));
      break;
    case PROP_OBJECTION_ID:
      xf_objection_view_set_objection (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_objection_view_class_init (XfObjectionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xf_objection_view_constructed;
  object_class->dispose = xf_objection_view_dispose;
  object_class->get_property = xf_objection_view_get_property;
  object_class->set_property = xf_objection_view_set_property;

  properties [PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         XF_TYPE_NOTICE_BOARD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * XfObjectionView:objection-id:
   *
   * The objection shown; 0 shows the empty state.
   */
  properties [PROP_OBJECTION_ID] =
    g_param_spec_int64 ("objection-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/notice/xf-objection-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, stack);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, status_label);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, due_label);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, uphold_return_button);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, uphold_end_button);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, dismiss_button);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, reply_button);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, outcome_group);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, details_group);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, grounds_label);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, handling_group);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, handler_row);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, notes_group);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, note_row);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, files_group);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionView, add_file_button);
  gtk_widget_class_bind_template_callback (widget_class, note_applied_cb);

  _xf_objection_view_install_actions (widget_class);
}

static void
xf_objection_view_init (XfObjectionView *self)
{
  GtkLayoutManager *actions_layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Four long buttons wrap rather than widen the pane. */
  actions_layout = xf_wrap_layout_new ();
  xf_wrap_layout_set_spacing (XF_WRAP_LAYOUT (actions_layout), 6);
  xf_wrap_layout_set_line_spacing (XF_WRAP_LAYOUT (actions_layout), 6);
  gtk_widget_set_layout_manager (self->actions_box, actions_layout);

  self->cancellable = g_cancellable_new ();
  self->handler_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->detail_rows = g_ptr_array_new ();
  self->outcome_rows = g_ptr_array_new ();
  self->note_rows = g_ptr_array_new ();
  self->file_rows = g_ptr_array_new ();
  g_signal_connect_object (self->handler_row, "notify::selected",
                           G_CALLBACK (handler_selected_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
xf_objection_view_new (XfNoticeBoard *board)
{
  g_return_val_if_fail (XF_IS_NOTICE_BOARD (board), NULL);

  return g_object_new (XF_TYPE_OBJECTION_VIEW, "board", board, NULL);
}

void
xf_objection_view_set_objection (XfObjectionView *self,
                                 gint64           objection_id)
{
  g_return_if_fail (XF_IS_OBJECTION_VIEW (self));
  g_return_if_fail (objection_id >= 0);

  if (self->objection_id == objection_id && (objection_id == 0 || self->objection != NULL))
    return;

  self->objection_id = objection_id;
  if (self->board != NULL)
    reload (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OBJECTION_ID]);
}

gint64
xf_objection_view_get_objection (XfObjectionView *self)
{
  g_return_val_if_fail (XF_IS_OBJECTION_VIEW (self), 0);

  return self->objection_id;
}

void
xf_objection_view_refresh (XfObjectionView *self)
{
  g_return_if_fail (XF_IS_OBJECTION_VIEW (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  xf_scrolled_window_reload_in_place (self->scrolled_window, (void (*) (gpointer)) reload, self);
}
