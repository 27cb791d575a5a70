/* xf-objection-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-objection-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xf-clock.h"
#include "xf-date-button.h"
#include "xf-objection-dialog.h"
#include "xf-stored-file.h"
#include "xf-ui-util.h"

/* A file chosen to attach: its content arrives from a worker. */
typedef struct
{
  guint   serial;      /* which read fills it */
  char   *name;
  char   *content_type;
  GBytes *content;     /* NULL while being read */
} PendingFile;

struct _XfObjectionDialog
{
  AdwWindow       parent_instance;

  XfNoticeBoard  *board;
  gint64          notice_id;
  GArray         *nomination_ids;   /* (element-type gint64) by the candidate row's positions */
  GPtrArray      *files;            /* (element-type PendingFile) */
  GPtrArray      *file_rows;
  GCancellable   *cancellable;      /* file reads; cancelled in dispose */
  GtkWidget      *bad_row;          /* the field the shown error names */
  gint64          recorded_id;      /* once recorded: nothing more to record */
  guint           next_serial;

  /* Template widgets */
  GtkWidget           *cancel_button;
  GtkWidget           *record_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwPreferencesGroup *objection_group;
  AdwComboRow         *candidate_row;
  GtkWidget           *received_row;
  XfDateButton        *received_button;
  AdwComboRow         *channel_row;
  GtkSwitch           *anonymous_switch;
  GtkWidget           *name_row;
  GtkWidget           *contact_row;
  GtkWidget           *grounds_scrolled;
  GtkTextView         *grounds_view;
  AdwPreferencesGroup *files_group;
};

G_DEFINE_FINAL_TYPE (XfObjectionDialog, xf_objection_dialog, ADW_TYPE_WINDOW)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
pending_file_free (PendingFile *file)
{
  g_free (file->name);
  g_free (file->content_type);
  g_clear_pointer (&file->content, g_bytes_unref);
  g_free (file);
}

/*
 * Errors, next to the form
 */

static void
clear_error (XfObjectionDialog *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  if (self->bad_row != NULL)
    {
      gtk_widget_remove_css_class (self->bad_row, "error");
      self->bad_row = NULL;
    }
}

/* The row of the field core's message names: its messages open with the
 * field's name and a colon ("Grounds: this is required"). */
static GtkWidget *
row_of_message (XfObjectionDialog *self,
                const char        *message)
{
  struct { GtkWidget *row; const char *field; } fields[] = {
    { GTK_WIDGET (self->candidate_row), N_("Candidate") },
    { self->received_row, N_("Received on") },
    { GTK_WIDGET (self->channel_row), N_("Channel") },
    { self->name_row, N_("Objector") },
    { self->contact_row, N_("Contact") },
    { self->grounds_scrolled, N_("Grounds") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *field = _(fields[i].field);

      /* Core's messages start "Field: …"; Chinese uses the full-width colon. */
      if (g_str_has_prefix (message, field)
          && (message[strlen (field)] == ':' || g_str_has_prefix (message + strlen (field), "：")))
        return fields[i].row;
    }
  return NULL;
}

/* Shows @message above the form and marks @row, the field it names. */
static void
show_error (XfObjectionDialog *self,
            const char        *message,
            GtkWidget         *row)
{
  clear_error (self);
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row == self->grounds_scrolled ? GTK_WIDGET (self->grounds_view) : row);
      self->bad_row = row;
    }
}

/*
 * The form
 */

static void
update_record_button (XfObjectionDialog *self)
{
  gboolean reading = FALSE;

  for (guint i = 0; i < self->files->len; i++)
    reading |= ((PendingFile *) g_ptr_array_index (self->files, i))->content == NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "objection-dialog.record",
                                 self->recorded_id == 0 && !reading &&
                                 self->nomination_ids->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "objection-dialog.add-file",
                                 self->recorded_id == 0);
}

static void
anonymous_toggled_cb (XfObjectionDialog *self)
{
  gboolean anonymous = gtk_switch_get_active (self->anonymous_switch);

  gtk_widget_set_visible (self->name_row, !anonymous);
  if (anonymous && self->bad_row == self->name_row)
    clear_error (self);
}

/* Typing in the field an error names takes the error away: it spoke of
 * what was there before. */
static void
field_edited_cb (GtkEditable       *editable,
                 XfObjectionDialog *self)
{
  if (self->bad_row == GTK_WIDGET (editable))
    clear_error (self);
}

static void
grounds_edited_cb (GtkTextBuffer     *buffer,
                   XfObjectionDialog *self)
{
  if (self->bad_row == self->grounds_scrolled)
    clear_error (self);
}

static void
received_changed_cb (XfObjectionDialog *self)
{
  /* No date means today to core; show it rather than an empty button. */
  if (xf_date_button_get_date (self->received_button) == NULL)
    {
      g_autofree char *today = xf_clock_today_text ();

      xf_date_button_set_date (self->received_button, today);
    }
}

static void
fill_channels (XfObjectionDialog *self)
{
  const char * const *channels = xf_objection_desk_channels ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; channels[i] != NULL; i++)
    gtk_string_list_append (labels, xf_objection_channel_label (channels[i]));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (labels));
}

/* The candidates an objection may be about: those still running on the
 * notice, and those an open objection holds after it closed. */
static void
fill_candidates (XfObjectionDialog *self,
                 const XfNotice    *notice)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_array_set_size (self->nomination_ids, 0);
  for (guint i = 0; i < notice->candidates->len; i++)
    {
      const XfNoticeCandidate *candidate = g_ptr_array_index (notice->candidates, i);
      g_autofree char *label = NULL;

      if (candidate->result != NULL && g_strcmp0 (candidate->result, XF_CANDIDATE_HELD) != 0)
        continue;
      label = candidate->unit != NULL && *candidate->unit != '\0'
              /* Translators: a candidate to object to: name and unit. */
              ? g_strdup_printf (_("%s, %s"), candidate->name, candidate->unit)
              : g_strdup (candidate->name);
      gtk_string_list_append (names, label);
      g_array_append_val (self->nomination_ids, candidate->nomination_id);
    }
  adw_combo_row_set_model (self->candidate_row, G_LIST_MODEL (names));
}

static void
load_notice (XfObjectionDialog *self)
{
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(GError) error = NULL;

  notice = xf_notice_board_get_notice (self->board, self->notice_id, &error);
  if (notice == NULL)
    {
      show_error (self, error->message, NULL);
      update_record_button (self);
      return;
    }
  adw_preferences_group_set_description (self->objection_group, notice->title);
  fill_candidates (self, notice);
  if (self->nomination_ids->len == 0)
    show_error (self, _("No candidate on this notice can take an objection now."), NULL);
  update_record_button (self);
}

static char *
dup_grounds (XfObjectionDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->grounds_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static char *
dup_entry (GtkWidget *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/*
 * Files
 */

static void
fill_file_rows (XfObjectionDialog *self)
{
  xf_preferences_group_clear_rows (self->files_group, self->file_rows);
  for (guint i = 0; i < self->files->len; i++)
    {
      PendingFile *file = g_ptr_array_index (self->files, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");
      g_autofree char *size = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), file->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (file->content != NULL)
        size = g_format_size (g_bytes_get_size (file->content));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size != NULL ? size : _("Reading…"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("text-x-generic-symbolic"));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "objection-dialog.remove-file");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "i", (gint32) i);
      gtk_widget_set_sensitive (remove, self->recorded_id == 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_widget_set_name (row, "file");
      xf_preferences_group_add_row (self->files_group, self->file_rows, row);
    }
  update_record_button (self);
}

static PendingFile *
find_pending (XfObjectionDialog *self,
              guint              serial,
              guint             *index)
{
  for (guint i = 0; self->files != NULL && i < self->files->len; i++)
    {
      PendingFile *file = g_ptr_array_index (self->files, i);

      if (file->serial == serial)
        {
          *index = i;
          return file;
        }
    }
  return NULL;
}

/* The file read for the pending file @serial. */
static void
file_read_cb (GObject                *owner,
              gint64                  serial,
              const XfStoredFileRead *read)
{
  XfObjectionDialog *self = XF_OBJECTION_DIALOG (owner);
  PendingFile *pending;
  guint index = 0;

  pending = find_pending (self, (guint) serial, &index);
  /* Removed while it was read, or the dialog is gone. */
  if (pending == NULL)
    return;
  if (read->content == NULL)
    {
      g_ptr_array_remove_index (self->files, index);
      fill_file_rows (self);
      show_error (self, read->error->message, GTK_WIDGET (self->files_group));
      return;
    }
  g_free (pending->name);
  pending->name = g_strdup (read->name);
  g_free (pending->content_type);
  pending->content_type = g_strdup (read->content_type);
  pending->content = g_bytes_ref (read->content);
  fill_file_rows (self);
}

void
xf_objection_dialog_add_file (XfObjectionDialog *self,
                              GFile             *file)
{
  PendingFile *pending;

  g_return_if_fail (XF_IS_OBJECTION_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->recorded_id != 0)
    return;
  clear_error (self);
  pending = g_new0 (PendingFile, 1);
  pending->serial = ++self->next_serial;
  pending->name = g_file_get_basename (file);
  g_ptr_array_add (self->files, pending);
  fill_file_rows (self);

  xf_stored_file_read_for (file, XF_STORED_FILE_OBJECTION, G_OBJECT (self), pending->serial,
                           self->cancellable, file_read_cb);
}

static void
add_file_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  xf_stored_file_choose_to_attach (widget, (void (*) (GtkWidget *, GFile *)) xf_objection_dialog_add_file);
}

static void
remove_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  XfObjectionDialog *self = XF_OBJECTION_DIALOG (widget);
  gint32 index = g_variant_get_int32 (param);

  if (index < 0 || (guint) index >= self->files->len || self->recorded_id != 0)
    return;
  g_ptr_array_remove_index (self->files, index);
  fill_file_rows (self);
}

/*
 * Recording
 */

/* After the objection is stored: its files, one write each. A refusal
 * leaves the objection recorded; the rest can be attached from it. */
static gboolean
attach_files (XfObjectionDialog *self)
{
  for (guint i = 0; i < self->files->len; i++)
    {
      PendingFile *file = g_ptr_array_index (self->files, i);
      g_autoptr(GError) error = NULL;

      if (!xf_notice_board_add_file (self->board, self->recorded_id, file->name,
                                     file->content_type, file->content, &error))
        {
          g_autofree char *text = NULL;

          /* Translators: the file's name, then core's reason. */
          text = g_strdup_printf (_("The objection is recorded, but “%s” could not be attached (%s). "
                                    "Attach it from the objection."), file->name, error->message);
          show_error (self, text, GTK_WIDGET (self->files_group));
          return FALSE;
        }
    }
  return TRUE;
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XfObjectionDialog *self = XF_OBJECTION_DIALOG (widget);
  g_autoptr(XfObjection) objection = xf_objection_new ();
  const char * const *channels = xf_objection_desk_channels ();
  guint candidate = adw_combo_row_get_selected (self->candidate_row);
  guint channel = adw_combo_row_get_selected (self->channel_row);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->recorded_id != 0 || candidate >= self->nomination_ids->len)
    return;
  clear_error (self);

  objection->notice_id = self->notice_id;
  objection->nomination_id = g_array_index (self->nomination_ids, gint64, candidate);
  objection->received_on = g_strdup (xf_date_button_get_date (self->received_button));
  objection->channel = g_strdup (channel < g_strv_length ((char **) channels) ? channels[channel]
                                                                                : NULL);
  objection->anonymous = gtk_switch_get_active (self->anonymous_switch);
  objection->objector_name = objection->anonymous ? g_strdup ("") : dup_entry (self->name_row);
  objection->objector_contact = dup_entry (self->contact_row);
  objection->grounds = dup_grounds (self);

  id = xf_notice_board_record_objection (self->board, objection, &error);
  if (id <= 0)
    {
      show_error (self, error->message, row_of_message (self, error->message));
      return;
    }
  self->recorded_id = id;
  update_record_button (self);
  if (!attach_files (self))
    {
      gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
      fill_file_rows (self);
      g_signal_emit (self, signals [RECORDED], 0, id);
      return;
    }
  g_signal_emit (self, signals [RECORDED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

/*
 * GObject
 */

static void
xf_objection_dialog_dispose (GObject *object)
{
  XfObjectionDialog *self = XF_OBJECTION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_OBJECTION_DIALOG);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->file_rows, g_ptr_array_unref);
  g_clear_pointer (&self->nomination_ids, g_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->board);

  G_OBJECT_CLASS (xf_objection_dialog_parent_class)->dispose (object);
}

static void
xf_objection_dialog_class_init (XfObjectionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_objection_dialog_dispose;

  /**
   * XfObjectionDialog::recorded:
   * @objection_id: the new objection
   *
   * After the objection is stored (its files may still have failed).
   */
  signals [RECORDED] =
    g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/notice/xf-objection-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfObjectionDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionDialog, record_button);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionDialog, objection_group);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionDialog, candidate_row);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionDialog, received_row);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionDialog, received_button);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionDialog, anonymous_switch);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionDialog, grounds_scrolled);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionDialog, grounds_view);
  gtk_widget_class_bind_template_child (widget_class, XfObjectionDialog, files_group);
  gtk_widget_class_bind_template_callback (widget_class, anonymous_toggled_cb);

  gtk_widget_class_install_action (widget_class, "objection-dialog.record", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "objection-dialog.add-file", NULL, add_file_action);
  gtk_widget_class_install_action (widget_class, "objection-dialog.remove-file", "i",
                                   remove_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (XF_TYPE_DATE_BUTTON);
}

static void
xf_objection_dialog_init (XfObjectionDialog *self)
{
  g_autofree char *today = xf_clock_today_text ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->nomination_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_file_free);
  self->file_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  xf_date_button_set_date (self->received_button, today);
  g_signal_connect_object (self->received_button, "notify::date",
                           G_CALLBACK (received_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (field_edited_cb), self, 0);
  g_signal_connect_object (self->contact_row, "changed", G_CALLBACK (field_edited_cb), self, 0);
  g_signal_connect_object (gtk_text_view_get_buffer (self->grounds_view), "changed",
                           G_CALLBACK (grounds_edited_cb), self, 0);
  fill_channels (self);
}

GtkWidget *
xf_objection_dialog_new (XfNoticeBoard *board,
                         gint64         notice_id)
{
  XfObjectionDialog *self;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (board), NULL);
  g_return_val_if_fail (notice_id > 0, NULL);

  self = g_object_new (XF_TYPE_OBJECTION_DIALOG, NULL);
  self->board = g_object_ref (board);
  self->notice_id = notice_id;
  load_notice (self);
  return GTK_WIDGET (self);
}

void
xf_objection_dialog_present (GtkWindow     *parent,
                             XfNoticeBoard *board,
                             gint64         notice_id)
{
  GtkWidget *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  dialog = xf_objection_dialog_new (board, notice_id);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  gtk_window_present (GTK_WINDOW (dialog));
}
