/* xf-feedback-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-feedback-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-feedback-dialog.h"
#include "xf-ui-util.h"

#define N_STARS 5

struct _XfFeedbackDialog
{
  AdwWindow    parent_instance;

  XfServices  *services;
  gint64       request_id;
  int          rating;
  gboolean     syncing;          /* the stars set by the rating, not the user */
  GtkWidget   *stars[N_STARS];

  /* Template widgets */
  GtkLabel    *request_label;
  GtkWidget   *record_button;
  GtkWidget   *stars_box;
  GtkLabel    *rating_label;
  GtkWidget   *like_button;
  GtkLabel    *error_label;
  GtkTextView *comment_view;
  GtkTextView *complaint_view;
};

G_DEFINE_FINAL_TYPE (XfFeedbackDialog, xf_feedback_dialog, ADW_TYPE_WINDOW)

enum {
  RATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The stars up to the rating are lit; the label says it in words. */
static void
sync_stars (XfFeedbackDialog *self)
{
  self->syncing = TRUE;
  for (int i = 0; i < N_STARS; i++)
    {
      gboolean lit = i < self->rating;

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->stars[i]), lit);
      gtk_button_set_icon_name (GTK_BUTTON (self->stars[i]),
                                lit ? "starred-symbolic" : "non-starred-symbolic");
    }
  self->syncing = FALSE;

  if (self->rating == 0)
    gtk_label_set_text (self->rating_label, _("Not rated"));
  else
    {
      /* Translators: the rating chosen in the feedback dialog. */
      g_autofree char *text = g_strdup_printf (ngettext ("%d star of 5", "%d stars of 5", self->rating),
                                               self->rating);

      gtk_label_set_text (self->rating_label, text);
    }
}

static void
star_toggled_cb (GtkToggleButton  *button,
                 XfFeedbackDialog *self)
{
  int value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "value"));

  if (self->syncing)
    return;
  /* The chosen star again clears the rating. */
  xf_feedback_dialog_set_rating (self, self->rating == value ? 0 : value);
}

static void
record_clicked_cb (XfFeedbackDialog *self)
{
  g_autoptr(XfServiceFeedback) feedback = xf_service_feedback_new ();
  g_autoptr(GError) error = NULL;

  feedback->rating = self->rating;
  feedback->liked = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->like_button));
  feedback->comment = xf_text_view_dup_text (self->comment_view);
  feedback->complaint = xf_text_view_dup_text (self->complaint_view);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (!xf_services_rate (self->services, self->request_id, feedback, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals [RATED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

/*
 * GObject
 */

static void
xf_feedback_dialog_dispose (GObject *object)
{
  XfFeedbackDialog *self = (XfFeedbackDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_FEEDBACK_DIALOG);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (xf_feedback_dialog_parent_class)->dispose (object);
}

static void
xf_feedback_dialog_class_init (XfFeedbackDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_feedback_dialog_dispose;

  /**
   * XfFeedbackDialog::rated:
   *
   * Core recorded the feedback.
   */
  signals [RATED] =
    g_signal_new ("rated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/services/xf-feedback-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfFeedbackDialog, request_label);
  gtk_widget_class_bind_template_child (widget_class, XfFeedbackDialog, record_button);
  gtk_widget_class_bind_template_child (widget_class, XfFeedbackDialog, stars_box);
  gtk_widget_class_bind_template_child (widget_class, XfFeedbackDialog, rating_label);
  gtk_widget_class_bind_template_child (widget_class, XfFeedbackDialog, like_button);
  gtk_widget_class_bind_template_child (widget_class, XfFeedbackDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfFeedbackDialog, comment_view);
  gtk_widget_class_bind_template_child (widget_class, XfFeedbackDialog, complaint_view);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_feedback_dialog_init (XfFeedbackDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (int i = 0; i < N_STARS; i++)
    {
      GtkWidget *star = gtk_toggle_button_new ();
      g_autofree char *name = g_strdup_printf ("star-%d", i + 1);
      /* Translators: a star button of the feedback dialog. */
      g_autofree char *tip = g_strdup_printf (ngettext ("%d star", "%d stars", i + 1), i + 1);

      gtk_widget_set_name (star, name);
      gtk_widget_set_tooltip_text (star, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (star), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      gtk_widget_add_css_class (star, "flat");
      gtk_widget_add_css_class (star, "circular");
      gtk_widget_add_css_class (star, "star");
      g_object_set_data (G_OBJECT (star), "value", GINT_TO_POINTER (i + 1));
      g_signal_connect_object (star, "toggled", G_CALLBACK (star_toggled_cb), self, 0);
      gtk_box_append (GTK_BOX (self->stars_box), star);
      self->stars[i] = star;
    }
  sync_stars (self);
}

GtkWidget *
xf_feedback_dialog_new (GtkWindow  *parent,
                        XfServices *services,
                        gint64      request_id)
{
  XfFeedbackDialog *self;
  g_autoptr(XfServiceRequest) request = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XF_IS_SERVICES (services), NULL);

  self = g_object_new (XF_TYPE_FEEDBACK_DIALOG, "transient-for", parent, NULL);
  self->services = g_object_ref (services);
  self->request_id = request_id;
  request = xf_services_get_request (services, request_id, NULL);
  if (request != NULL)
    {
      /* Translators: the feedback dialog's question: whose help, for what. */
      g_autofree char *text = g_strdup_printf (_("How did %s help with “%s”?"),
                                               request->claimed_by_name != NULL ? request->claimed_by_name : "",
                                               request->item_name != NULL ? request->item_name : "");

      gtk_label_set_text (self->request_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->request_label), request != NULL);
  gtk_window_set_focus (GTK_WINDOW (self), self->stars[N_STARS - 1]);
  return GTK_WIDGET (self);
}

int
xf_feedback_dialog_get_rating (XfFeedbackDialog *self)
{
  g_return_val_if_fail (XF_IS_FEEDBACK_DIALOG (self), 0);

  return self->rating;
}

void
xf_feedback_dialog_set_rating (XfFeedbackDialog *self,
                               int               rating)
{
  g_return_if_fail (XF_IS_FEEDBACK_DIALOG (self));
  g_return_if_fail (rating >= 0 && rating <= N_STARS);

  self->rating = rating;
  sync_stars (self);
}
