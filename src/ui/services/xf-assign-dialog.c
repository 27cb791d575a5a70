/* xf-assign-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-assign-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-assign-dialog.h"
#include "xf-pioneer.h"

struct _XfAssignDialog
{
  AdwWindow   parent_instance;

  XfServices *services;
  gint64      request_id;
  GPtrArray  *suggestions;   /* (element-type XfServiceMatch) */

  /* Template widgets */
  GtkWidget  *assign_button;
  GtkStack   *stack;
  GtkLabel   *error_label;
  GtkListBox *suggestions_list;
};

G_DEFINE_FINAL_TYPE (XfAssignDialog, xf_assign_dialog, ADW_TYPE_WINDOW)

enum {
  ASSIGNED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
show_error (XfAssignDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/*
 * A suggestion's row
 */

static char *
percent (double part)
{
  /* Translators: a share of a match score, e.g. "85%". */
  return g_strdup_printf (C_("match share", "%d%%"), (int) (part * 100 + 0.5));
}

/* One part of the score: its name and share over a small bar. */
static GtkWidget *
part_new (const char *name,
          const char *title,
          double      value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
  g_autofree char *share = percent (value);
  /* Translators: a part of the match score and its share: "Skills 85%". */
  g_autofree char *text = g_strdup_printf (C_("match part", "%s %s"), title, share);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_name (box, name);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (value, 0, 1));
  /* One colour for all: a bar is a share here, not a warning. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), bar);
  return box;
}

/* Why core ranks the pioneer where it does, in words. */
static char *
reason_text (const XfServiceMatch *match)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  char first[8] = { 0 };

  if (match->skills >= 0.99)
    g_ptr_array_add (parts, g_strdup (_("offers this service, skills match")));
  else if (match->skills >= 0.6)
    g_ptr_array_add (parts, g_strdup (_("offers this service")));
  if (match->industry >= 0.99)
    g_ptr_array_add (parts, g_strdup (_("suited industry")));
  if (match->region >= 0.99)
    g_ptr_array_add (parts, g_strdup (_("same township")));
  else if (match->region >= 0.75)
    g_ptr_array_add (parts, g_strdup (_("same county")));
  else if (match->region >= 0.5)
    g_ptr_array_add (parts, g_strdup (_("same city or serves remotely")));
  else if (match->region >= 0.25)
    g_ptr_array_add (parts, g_strdup (_("same province")));
  else
    g_ptr_array_add (parts, g_strdup (_("far away")));
  if (match->load <= 0)
    g_ptr_array_add (parts, g_strdup (_("at capacity this month")));
  else if (match->load < 0.5)
    g_ptr_array_add (parts, g_strdup (_("busy this month")));
  else
    g_ptr_array_add (parts, g_strdup (_("has time this month")));
  /* 0.6 is what core gives a pioneer never rated. */
  if (match->rating < 0.6 - 1e-6 || match->rating > 0.6 + 1e-6)
    /* Translators: the mean rating of a pioneer's help, out of 5. */
    g_ptr_array_add (parts, g_strdup_printf (_("rated %.1f"), match->rating * 5));
  else
    g_ptr_array_add (parts, g_strdup (_("not yet rated")));
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between the reasons of a suggestion. */
  text = g_strjoinv (_(" · "), (char **) parts->pdata);
  /* A sentence: its first letter in capitals, where the language has them. */
  g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (text)), first);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

static GtkWidget *
suggestion_row_new (const XfServiceMatch *match)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *parts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (match->pioneer_name);
  GtkWidget *tier = gtk_label_new (match->tier != NULL && *match->tier != '\0' ? xf_tier_label (match->tier) : "");
  g_autofree char *score_text = percent (match->score);
  GtkWidget *score = gtk_label_new (score_text);
  g_autofree char *why = reason_text (match);
  GtkWidget *reason = gtk_label_new (why);
  /* Translators: a suggestion read out: name, then the match score. */
  g_autofree char *spoken = g_strdup_printf (_("%s, match %s"), match->pioneer_name, score_text);

  gtk_widget_set_name (row, "suggestion");
  g_object_set_data (G_OBJECT (row), "match", (gpointer) match);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_set_visible (tier, match->tier != NULL && *match->tier != '\0');
  gtk_widget_add_css_class (tier, "dim-label");
  gtk_widget_add_css_class (tier, "caption");
  gtk_widget_set_valign (tier, GTK_ALIGN_BASELINE);
  gtk_widget_set_hexpand (tier, TRUE);
  gtk_label_set_xalign (GTK_LABEL (tier), 0);
  gtk_widget_set_name (score, "score");
  gtk_widget_add_css_class (score, "title-4");
  gtk_widget_add_css_class (score, "numeric");
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), tier);
  gtk_box_append (GTK_BOX (top), score);

  gtk_box_append (GTK_BOX (parts), part_new ("skills", _("Skills"), match->skills));
  gtk_box_append (GTK_BOX (parts), part_new ("industry", _("Industry"), match->industry));
  gtk_box_append (GTK_BOX (parts), part_new ("region", _("Region"), match->region));
  gtk_box_append (GTK_BOX (parts), part_new ("load", _("Load"), match->load));
  gtk_box_append (GTK_BOX (parts), part_new ("rating", _("Rating"), match->rating));
  gtk_box_set_homogeneous (GTK_BOX (parts), TRUE);

  gtk_widget_set_name (reason, "reason");
  gtk_label_set_xalign (GTK_LABEL (reason), 0);
  gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
  gtk_widget_add_css_class (reason, "dim-label");

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), parts);
  gtk_box_append (GTK_BOX (box), reason);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  return row;
}

static void
load (XfAssignDialog *self)
{
  g_autoptr(GError) error = NULL;

  self->suggestions = xf_services_suggest (self->services, self->request_id, 10, &error);
  if (self->suggestions == NULL)
    {
      self->suggestions = g_ptr_array_new ();
      gtk_stack_set_visible_child_name (self->stack, "list");
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < self->suggestions->len; i++)
    gtk_list_box_append (self->suggestions_list,
                         suggestion_row_new (g_ptr_array_index (self->suggestions, i)));
  gtk_stack_set_visible_child_name (self->stack, self->suggestions->len > 0 ? "list" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_list), self->suggestions->len > 0);
  /* The best match first, chosen: Enter assigns it. */
  if (self->suggestions->len > 0)
    gtk_list_box_select_row (self->suggestions_list, gtk_list_box_get_row_at_index (self->suggestions_list, 0));
}

/*
 * Callbacks
 */

static const XfServiceMatch *
selected_match (XfAssignDialog *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->suggestions_list);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "match") : NULL;
}

static void
row_selected_cb (XfAssignDialog *self)
{
  /* The list lets its rows go while the dialog is disposed. */
  if (self->suggestions_list == NULL || self->assign_button == NULL)
    return;
  gtk_widget_set_sensitive (self->assign_button, selected_match (self) != NULL);
}

static void
assign_clicked_cb (XfAssignDialog *self)
{
  const XfServiceMatch *match = selected_match (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (match == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (!xf_services_assign (self->services, self->request_id, match->pioneer_id, &error))
    {
      show_error (self, error->message);
      return;
    }
  name = g_strdup (match->pioneer_name);
  g_signal_emit (self, signals [ASSIGNED], 0, match->pioneer_id, name);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
row_activated_cb (XfAssignDialog *self,
                  GtkListBoxRow  *row)
{
  gtk_list_box_select_row (self->suggestions_list, row);
  gtk_widget_grab_focus (self->assign_button);
}

/*
 * GObject
 */

static void
xf_assign_dialog_dispose (GObject *object)
{
  XfAssignDialog *self = (XfAssignDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_ASSIGN_DIALOG);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (xf_assign_dialog_parent_class)->dispose (object);
}

static void
xf_assign_dialog_class_init (XfAssignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_assign_dialog_dispose;

  /**
   * XfAssignDialog::assigned:
   * @pioneer_id: the pioneer core assigned the request to
   * @pioneer_name: that pioneer's name
   */
  signals [ASSIGNED] =
    g_signal_new ("assigned",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/services/xf-assign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfAssignDialog, assign_button);
  gtk_widget_class_bind_template_child (widget_class, XfAssignDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, XfAssignDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfAssignDialog, suggestions_list);
  gtk_widget_class_bind_template_callback (widget_class, assign_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_assign_dialog_init (XfAssignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
xf_assign_dialog_new (GtkWindow  *parent,
                      XfServices *services,
                      gint64      request_id)
{
  XfAssignDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XF_IS_SERVICES (services), NULL);

  self = g_object_new (XF_TYPE_ASSIGN_DIALOG, "transient-for", parent, NULL);
  self->services = g_object_ref (services);
  self->request_id = request_id;
  load (self);
  return GTK_WIDGET (self);
}

GPtrArray *
xf_assign_dialog_get_suggestions (XfAssignDialog *self)
{
  g_return_val_if_fail (XF_IS_ASSIGN_DIALOG (self), NULL);

  return self->suggestions;
}

gboolean
xf_assign_dialog_select (XfAssignDialog *self,
                         gint64          pioneer_id)
{
  g_return_val_if_fail (XF_IS_ASSIGN_DIALOG (self), FALSE);

  for (guint i = 0; self->suggestions != NULL && i < self->suggestions->len; i++)
    if (((XfServiceMatch *) g_ptr_array_index (self->suggestions, i))->pioneer_id == pioneer_id)
      {
        gtk_list_box_select_row (self->suggestions_list,
                                 gtk_list_box_get_row_at_index (self->suggestions_list, (int) i));
        return TRUE;
      }
  return FALSE;
}
