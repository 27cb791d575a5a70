/* xf-pioneer-editor-save.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-pioneer-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-pioneer-editor-private.h"
#include "xf-ui-util.h"

/*
 * Saving, and the dialogs on the way out: conflict, discard. Notes above
 * the form: changed at another desk, not saved while offline.
 */

void
_xf_pioneer_editor_set_note (XfPioneerEditor *self,
                             const char      *text)
{
  if (text != NULL)
    gtk_label_set_label (self->note_label, text);
  gtk_revealer_set_reveal_child (self->note_revealer, text != NULL);
}

const char *
xf_pioneer_editor_get_note (XfPioneerEditor *self)
{
  g_return_val_if_fail (XF_IS_PIONEER_EDITOR (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->note_revealer))
    return NULL;
  return gtk_label_get_label (self->note_label);
}

void
xf_pioneer_editor_refresh (XfPioneerEditor *self)
{
  g_autoptr(XfPioneer) fresh = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_if_fail (XF_IS_PIONEER_EDITOR (self));

  /* A new file has no saved version to fall behind. */
  if (self->original == NULL || (id = xf_pioneer_get_id (self->original)) == 0)
    return;

  /* Unreadable now (the server is away): the offline bar says so. */
  fresh = xf_registry_get_pioneer (self->registry, id, &error);
  if (fresh == NULL)
    {
      g_debug ("Cannot read file %" G_GINT64_FORMAT " again: %s", id, error->message);
      return;
    }
  /* Another file changed, not this one. */
  if (xf_pioneer_get_version (fresh) == xf_pioneer_get_version (self->original))
    return;

  if (xf_pioneer_editor_has_unsaved_edits (self))
    _xf_pioneer_editor_set_note (self, _("This file was changed at another desk. What you typed "
                                         "is kept; saving will ask you to reload."));
  else
    _xf_pioneer_editor_load (self, fresh, STEP_EDIT);
}

static void
reload_response_cb (XfPioneerEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPioneer) fresh = NULL;

  fresh = xf_registry_get_pioneer (self->registry, xf_pioneer_get_id (self->pioneer), &error);
  if (fresh == NULL)
    {
      _xf_pioneer_editor_show_toast (self, error->message);
      return;
    }
  _xf_pioneer_editor_load (self, fresh, STEP_EDIT);
  _xf_pioneer_editor_show_toast (self, _("Reloaded the saved version"));
}

static void
show_conflict_dialog (XfPioneerEditor *self,
                      const char      *message)
{
  GtkWidget *dialog;

  dialog = xf_confirm_dialog_new (GTK_WIDGET (self), _("Changed elsewhere"), NULL,
                                  _("_Cancel"), "reload", _("_Reload"));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", message,
                                  _("Reload to see the saved version; your edits here will be lost."));
  g_signal_connect_object (dialog, "response::reload", G_CALLBACK (reload_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Puts a save error beside the field it names, or in a toast. */
static void
show_save_error (XfPioneerEditor *self,
                 const GError    *error)
{
  g_autofree char *bad = NULL;
  XfEditorField *field = NULL;

  if (g_error_matches (error, XF_ERROR, XF_ERROR_INVALID))
    {
      if (!xf_pioneer_validate (self->pioneer, &bad, NULL) && bad != NULL)
        field = _xf_pioneer_editor_find_field (self, bad);
    }
  else if (g_error_matches (error, XF_ERROR, XF_ERROR_DUPLICATE))
    {
      /* The unique values of a file: identity number or credit code. */
      field = _xf_pioneer_editor_find_field (self, xf_pioneer_is_collective (self->pioneer) ? "credit-code" : "id-number");
    }

  if (field == NULL)
    {
      _xf_pioneer_editor_show_toast (self, error->message);
      return;
    }

  g_free (field->extra_error);
  field->extra_error = g_strdup (error->message);
  field->touched = TRUE;
  /* In the assistant, go back to the step that shows the field. */
  if (self->step == STEP_DETAILS &&
      xf_pioneer_fields_is_required (xf_pioneer_get_kind (self->pioneer), field->property))
    {
      self->step = STEP_REQUIRED;
      _xf_pioneer_editor_apply_step (self);
    }
  _xf_pioneer_editor_revalidate (self);
  gtk_widget_grab_focus (field->widget);
}

gboolean
xf_pioneer_editor_save (XfPioneerEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (XF_IS_PIONEER_EDITOR (self), FALSE);

  if (self->pioneer == NULL)
    return FALSE;

  self->show_all_errors = TRUE;
  _xf_pioneer_editor_revalidate (self);
  if (!self->valid || !self->changed)
    return FALSE;

  if (!xf_registry_save_pioneer (self->registry, self->pioneer, &error))
    {
      if (g_error_matches (error, XF_ERROR, XF_ERROR_CONFLICT))
        show_conflict_dialog (self, error->message);
      else if (g_error_matches (error, XF_ERROR, XF_ERROR_OFFLINE))
        {
          /* Nothing was written; the form keeps every value for the next try. */
          _xf_pioneer_editor_set_note (self, _("Not saved: the shared database cannot be reached. "
                                               "Everything you typed is still here; save again "
                                               "once the connection is back."));
          gtk_widget_activate_action (GTK_WIDGET (self), "win.report-offline", NULL);
        }
      else if (g_error_matches (error, XF_ERROR, XF_ERROR_READ_ONLY) ||
               g_error_matches (error, XF_ERROR, XF_ERROR_IO))
        {
          g_autofree char *note = NULL;

          /* The file turned read-only, or the disk is full: the
           * transaction left the database as it was, and the form keeps
           * every value for the next try. */
          /* Translators: %s is core's reason, e.g. "The disk is full: …" */
          note = g_strdup_printf (_("Not saved: %s\nEverything you typed is still here: save again "
                                    "once the database can be written."), error->message);
          _xf_pioneer_editor_set_note (self, note);
        }
      else
        show_save_error (self, error);
      return FALSE;
    }
  _xf_pioneer_editor_set_note (self, NULL);

  /* What was saved is now the original: nothing is left unsaved. */
  g_clear_object (&self->original);
  self->original = xf_pioneer_copy (self->pioneer);
  self->step = STEP_EDIT;
  _xf_pioneer_editor_revalidate (self);

  g_signal_emit_by_name (self, "saved", xf_pioneer_get_id (self->pioneer));
  return TRUE;
}

gboolean
xf_pioneer_editor_has_unsaved_edits (XfPioneerEditor *self)
{
  g_return_val_if_fail (XF_IS_PIONEER_EDITOR (self), FALSE);

  if (self->pioneer == NULL || !self->changed)
    return FALSE;
  /* A new file counts as changed only once the user typed something. */
  if (xf_pioneer_get_id (self->pioneer) == 0)
    {
      for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
        if (((XfEditorField *) g_ptr_array_index (self->fields, i))->touched)
          return TRUE;
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  XfEditorDiscardFunc func;
  gpointer            user_data;
  GDestroyNotify      destroy;
} DiscardCall;

static void
discard_call_free (gpointer data)
{
  DiscardCall *call = data;

  if (call->destroy != NULL)
    call->destroy (call->user_data);
  g_free (call);
}

static void
discard_dialog_response_cb (AdwMessageDialog *dialog,
                            const char       *response)
{
  DiscardCall *call = g_object_get_data (G_OBJECT (dialog), "xf-discard-call");

  call->func (g_str_equal (response, "discard"), call->user_data);
}

void
xf_pioneer_editor_confirm_discard (XfPioneerEditor     *self,
                                   XfEditorDiscardFunc  func,
                                   gpointer             user_data,
                                   GDestroyNotify       destroy)
{
  GtkWidget *dialog;
  DiscardCall *call;

  g_return_if_fail (XF_IS_PIONEER_EDITOR (self));
  g_return_if_fail (func != NULL);

  if (!xf_pioneer_editor_has_unsaved_edits (self))
    {
      func (TRUE, user_data);
      if (destroy != NULL)
        destroy (user_data);
      return;
    }

  dialog = xf_confirm_dialog_new (GTK_WIDGET (self), _("Discard changes?"),
                                  _("Your edits to this file have not been saved."),
                                  _("_Keep editing"), "discard", _("_Discard"));

  /* The caller hears exactly once, whichever way the dialog ends. */
  call = g_new0 (DiscardCall, 1);
  call->func = func;
  call->user_data = user_data;
  call->destroy = destroy;
  g_object_set_data_full (G_OBJECT (dialog), "xf-discard-call", call, discard_call_free);
  g_signal_connect (dialog, "response", G_CALLBACK (discard_dialog_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_confirmed_cb (gboolean discard,
                     gpointer user_data)
{
  if (discard)
    g_signal_emit_by_name (user_data, "cancelled");
}

void
_xf_pioneer_editor_cancel (XfPioneerEditor *self)
{
  xf_pioneer_editor_confirm_discard (self, cancel_confirmed_cb, g_object_ref (self), g_object_unref);
}
