/* xf-merge-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-merge-dialog.h"
#include "xf-import-assistant-private.h"
#include "xf-ui-util.h"

struct _XfMergeDialog
{
  AdwWindow       parent_instance;

  XfImport       *import;
  guint           row;
  GPtrArray      *fields;   /* (element-type XfImportMergeField) */
  GPtrArray      *checks;   /* GtkCheckButton per field, in the same order */

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *apply_button;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  GtkLabel       *intro_label;
  GtkGrid        *fields_grid;
};

G_DEFINE_FINAL_TYPE (XfMergeDialog, xf_merge_dialog, ADW_TYPE_WINDOW)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static GtkWidget *
value_label (const char *text,
             const char *style)
{
  GtkWidget *label = gtk_label_new (is_blank (text) ? _("Empty") : text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  if (is_blank (text))
    gtk_widget_add_css_class (label, "dim-label");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
heading_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static gboolean
was_chosen (const char * const *chosen,
            const char         *field)
{
  return chosen != NULL && g_strv_contains (chosen, field);
}

static void
fill (XfMergeDialog *self)
{
  const char * const *chosen = xf_import_get_merge (self->import, self->row);
  gboolean decided = chosen != NULL && chosen[0] != NULL;
  const char *record = xf_import_get_row_duplicate_label (self->import, self->row);
  g_autofree char *title = NULL;
  g_autofree char *intro = NULL;

  title = _xf_import_format_line (xf_import_get_row_line (self->import, self->row));
  adw_window_title_set_subtitle (self->window_title, title);
  /* Translators: %s is the record, "王建国 (1985-03-02)" */
  intro = g_strdup_printf (_("This row matches %s, already in the registry. Tick the fields that should take the value from the file; the others keep the registry’s."),
                           record != NULL ? record : "");
  gtk_label_set_label (self->intro_label, intro);

  gtk_grid_attach (self->fields_grid, heading_label (C_("merge", "Field")), 0, 0, 1, 1);
  gtk_grid_attach (self->fields_grid, heading_label (C_("merge", "In the Registry")), 1, 0, 1, 1);
  gtk_grid_attach (self->fields_grid, heading_label (C_("merge", "In the File")), 2, 0, 1, 1);

  for (guint i = 0; i < self->fields->len; i++)
    {
      const XfImportMergeField *field = g_ptr_array_index (self->fields, i);
      GtkWidget *check = gtk_check_button_new_with_label (field->label);
      gboolean checked;

      /* Before any choice: what the record leaves empty. Never what it has. */
      if (decided)
        checked = was_chosen (chosen, field->field);
      else
        checked = field->differs && is_blank (field->existing) && !is_blank (field->incoming);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), checked);
      /* The same value on both sides: nothing to choose. */
      gtk_widget_set_sensitive (check, field->differs);
      gtk_widget_set_valign (check, GTK_ALIGN_START);
      gtk_widget_set_name (check, field->field);
      g_ptr_array_add (self->checks, check);

      gtk_grid_attach (self->fields_grid, check, 0, i + 1, 1, 1);
      gtk_grid_attach (self->fields_grid, value_label (field->existing, NULL), 1, i + 1, 1, 1);
      gtk_grid_attach (self->fields_grid,
                       value_label (field->incoming, field->differs ? NULL : "dim-label"), 2, i + 1, 1, 1);
    }

  /* The keyboard starts on the first field there is to choose. */
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_widget_get_sensitive (g_ptr_array_index (self->checks, i)))
      {
        gtk_window_set_focus (GTK_WINDOW (self), g_ptr_array_index (self->checks, i));
        break;
      }
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  XfMergeDialog *self = XF_MERGE_DIALOG (widget);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)) &&
        gtk_widget_get_sensitive (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (chosen, ((XfImportMergeField *) g_ptr_array_index (self->fields, i))->field);
  g_ptr_array_add (chosen, NULL);

  if (!xf_import_set_merge (self->import, self->row, (const char * const *) chosen->pdata, &error))
    {
      xf_error_revealer_show (self->error_revealer, self->error_label, error->message);
      return;
    }
  g_signal_emit (self, signals [APPLIED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
xf_merge_dialog_dispose (GObject *object)
{
  XfMergeDialog *self = XF_MERGE_DIALOG (object);

  g_clear_object (&self->import);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (xf_merge_dialog_parent_class)->dispose (object);
}

static void
xf_merge_dialog_class_init (XfMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_merge_dialog_dispose;

  /**
   * XfMergeDialog::applied:
   *
   * Emitted once the row's merge decision is made (or undone).
   */
  signals [APPLIED] =
    g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/exchange/xf-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfMergeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, XfMergeDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, XfMergeDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, XfMergeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfMergeDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, XfMergeDialog, fields_grid);

  gtk_widget_class_install_action (widget_class, "merge.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_merge_dialog_init (XfMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();
}

GtkWidget *
xf_merge_dialog_new (GtkWindow  *parent,
                     XfImport   *import,
                     guint       row,
                     GError    **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  XfMergeDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XF_IS_IMPORT (import), NULL);

  fields = xf_import_get_merge_fields (import, row, error);
  if (fields == NULL)
    return NULL;

  self = g_object_new (XF_TYPE_MERGE_DIALOG, "transient-for", parent, NULL);
  self->import = g_object_ref (import);
  self->row = row;
  self->fields = g_steal_pointer (&fields);
  fill (self);
  return GTK_WIDGET (self);
}

GtkCheckButton *
xf_merge_dialog_get_check (XfMergeDialog *self,
                           const char    *field)
{
  g_return_val_if_fail (XF_IS_MERGE_DIALOG (self), NULL);

  for (guint i = 0; i < self->fields->len; i++)
    if (g_str_equal (((XfImportMergeField *) g_ptr_array_index (self->fields, i))->field, field))
      return g_ptr_array_index (self->checks, i);
  return NULL;
}
