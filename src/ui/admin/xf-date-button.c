/* xf-date-button.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-date-button"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "xf-date-button.h"

struct _XfDateButton
{
  GtkWidget       parent_instance;

  char           *date;
  char           *placeholder;
  GtkMenuButton  *button;
  GtkCalendar    *calendar;
  GtkWidget      *clear_button;
};

G_DEFINE_FINAL_TYPE (XfDateButton, xf_date_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  PROP_PLACEHOLDER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update_label (XfDateButton *self)
{
  g_autofree char *label = NULL;

  if (self->date != NULL)
    /* Translators: a filter's name and its date, e.g. "From 2026-03-01" */
    label = g_strdup_printf (_("%s %s"), self->placeholder ? self->placeholder : "", self->date);
  gtk_menu_button_set_label (self->button, label != NULL ? label : self->placeholder);
  gtk_widget_set_sensitive (self->clear_button, self->date != NULL);
  if (self->date != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->button), "accent");
}

static void
day_selected_cb (XfDateButton *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  xf_date_button_set_date (self, text);
  gtk_menu_button_popdown (self->button);
}

static void
clear_clicked_cb (XfDateButton *self)
{
  xf_date_button_set_date (self, NULL);
  gtk_menu_button_popdown (self->button);
}

static void
xf_date_button_dispose (GObject *object)
{
  XfDateButton *self = XF_DATE_BUTTON (object);

  if (self->button != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->button));
      self->button = NULL;
    }

  G_OBJECT_CLASS (xf_date_button_parent_class)->dispose (object);
}

static void
xf_date_button_finalize (GObject *object)
{
  XfDateButton *self = XF_DATE_BUTTON (object);

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->placeholder, g_free);

  G_OBJECT_CLASS (xf_date_button_parent_class)->finalize (object);
}

static void
xf_date_button_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  XfDateButton *self = XF_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_PLACEHOLDER:
      g_value_set_string (value, self->placeholder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_date_button_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  XfDateButton *self = XF_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      xf_date_button_set_date (self, g_value_get_string (value));
      break;
    case PROP_PLACEHOLDER:
      xf_date_button_set_placeholder (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_date_button_class_init (XfDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_date_button_dispose;
  object_class->finalize = xf_date_button_finalize;
  object_class->get_property = xf_date_button_get_property;
  object_class->set_property = xf_date_button_set_property;

  properties [PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xf_date_button_init (XfDateButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *popover = gtk_popover_new ();

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  self->clear_button = gtk_button_new_with_mnemonic (_("_Clear Date"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  gtk_box_append (GTK_BOX (box), self->clear_button);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->button, popover);
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));

  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (clear_clicked_cb), self);
  update_label (self);
}

GtkWidget *
xf_date_button_new (const char *placeholder)
{
  return g_object_new (XF_TYPE_DATE_BUTTON, "placeholder", placeholder, NULL);
}

const char *
xf_date_button_get_date (XfDateButton *self)
{
  g_return_val_if_fail (XF_IS_DATE_BUTTON (self), NULL);
  return self->date;
}

void
xf_date_button_set_date (XfDateButton *self,
                         const char   *date)
{
  int year = 0, month = 0, day = 0;
  char end = '\0';

  g_return_if_fail (XF_IS_DATE_BUTTON (self));

  /* Only a real calendar date, written as ISO 8601, is kept. */
  if (date != NULL &&
      (strlen (date) != 10 || sscanf (date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
       !g_date_valid_dmy (day, month, year)))
    date = NULL;
  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);
  if (date != NULL)
    {
      g_autoptr(GDateTime) chosen = g_date_time_new_local (year, month, day, 0, 0, 0);

      g_signal_handlers_block_by_func (self->calendar, day_selected_cb, self);
      gtk_calendar_select_day (self->calendar, chosen);
      g_signal_handlers_unblock_by_func (self->calendar, day_selected_cb, self);
    }
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
}

const char *
xf_date_button_get_placeholder (XfDateButton *self)
{
  g_return_val_if_fail (XF_IS_DATE_BUTTON (self), NULL);
  return self->placeholder;
}

void
xf_date_button_set_placeholder (XfDateButton *self,
                                const char   *placeholder)
{
  g_return_if_fail (XF_IS_DATE_BUTTON (self));

  if (g_strcmp0 (self->placeholder, placeholder) == 0)
    return;
  g_free (self->placeholder);
  self->placeholder = g_strdup (placeholder);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLACEHOLDER]);
}
