/* xf-filter-chip.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-filter-chip"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-filter-chip.h"

typedef struct
{
  char           *code;
  char           *parent;   /* NULL for a top-level option */
  GtkCheckButton *check;
} Option;

struct _XfFilterChip
{
  GtkWidget       parent_instance;

  char           *title;
  GPtrArray      *options;   /* Option, in display order */
  guint           updating;  /* > 0 while toggles come from code, not the user */

  /* Template widgets */
  GtkWidget      *box;
  GtkMenuButton  *menu_button;
  GtkLabel       *title_label;
  GtkLabel       *count_label;
  GtkBox         *options_box;
  GtkWidget      *clear_button;
};

G_DEFINE_FINAL_TYPE (XfFilterChip, xf_filter_chip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
option_free (gpointer data)
{
  Option *option = data;

  g_free (option->code);
  g_free (option->parent);
  g_free (option);
}

static Option *
find_option (XfFilterChip *self,
             const char   *code)
{
  for (guint i = 0; i < self->options->len; i++)
    {
      Option *option = g_ptr_array_index (self->options, i);

      if (g_strcmp0 (option->code, code) == 0)
        return option;
    }
  return NULL;
}

static gboolean
is_checked (Option *option)
{
  return gtk_check_button_get_active (option->check);
}

static gboolean
has_checked_child (XfFilterChip *self,
                   Option       *parent)
{
  for (guint i = 0; i < self->options->len; i++)
    {
      Option *option = g_ptr_array_index (self->options, i);

      if (g_strcmp0 (option->parent, parent->code) == 0 && is_checked (option))
        return TRUE;
    }
  return FALSE;
}

/* Children show only under a checked parent; unchecking the parent drops them. */
static void
sync_children (XfFilterChip *self)
{
  self->updating++;
  for (guint i = 0; i < self->options->len; i++)
    {
      Option *option = g_ptr_array_index (self->options, i);
      Option *parent;
      gboolean shown;

      if (option->parent == NULL)
        continue;
      parent = find_option (self, option->parent);
      shown = parent != NULL && is_checked (parent);
      gtk_widget_set_visible (GTK_WIDGET (option->check), shown);
      if (!shown && is_checked (option))
        gtk_check_button_set_active (option->check, FALSE);
    }
  self->updating--;
}

static void
update_appearance (XfFilterChip *self)
{
  guint n = xf_filter_chip_get_n_chosen (self);

  if (n > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", n);

      gtk_label_set_label (self->count_label, count);
      gtk_widget_add_css_class (GTK_WIDGET (self), "active");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "active");

  gtk_widget_set_visible (GTK_WIDGET (self->count_label), n > 0);
  gtk_widget_set_visible (self->clear_button, n > 0);
}

static void
changed (XfFilterChip *self)
{
  sync_children (self);
  update_appearance (self);
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
option_toggled_cb (XfFilterChip   *self,
                   GtkCheckButton *check)
{
  g_assert (XF_IS_FILTER_CHIP (self));

  if (self->updating == 0)
    changed (self);
}

GStrv
xf_filter_chip_dup_codes (XfFilterChip *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  g_return_val_if_fail (XF_IS_FILTER_CHIP (self), NULL);

  for (guint i = 0; i < self->options->len; i++)
    {
      Option *option = g_ptr_array_index (self->options, i);

      if (!is_checked (option))
        continue;
      /* A parent with chosen children stands for those children only. */
      if (option->parent == NULL && has_checked_child (self, option))
        continue;
      g_strv_builder_add (builder, option->code);
      n++;
    }

  return n > 0 ? g_strv_builder_end (builder) : NULL;
}

guint
xf_filter_chip_get_n_chosen (XfFilterChip *self)
{
  g_auto(GStrv) codes = xf_filter_chip_dup_codes (self);

  return codes != NULL ? g_strv_length (codes) : 0;
}

void
xf_filter_chip_clear (XfFilterChip *self)
{
  gboolean any = FALSE;

  g_return_if_fail (XF_IS_FILTER_CHIP (self));

  self->updating++;
  for (guint i = 0; i < self->options->len; i++)
    {
      Option *option = g_ptr_array_index (self->options, i);

      any |= is_checked (option);
      gtk_check_button_set_active (option->check, FALSE);
    }
  self->updating--;

  if (any)
    changed (self);
}

gboolean
xf_filter_chip_set_code_active (XfFilterChip *self,
                                const char   *code,
                                gboolean      active)
{
  Option *option;

  g_return_val_if_fail (XF_IS_FILTER_CHIP (self), FALSE);

  option = find_option (self, code);
  if (option == NULL)
    return FALSE;
  if (is_checked (option) == !!active)
    return TRUE;

  self->updating++;
  gtk_check_button_set_active (option->check, active);
  self->updating--;
  changed (self);
  return TRUE;
}

void
xf_filter_chip_add_option (XfFilterChip *self,
                           const char   *code,
                           const char   *label,
                           const char   *parent_code)
{
  Option *option;

  g_return_if_fail (XF_IS_FILTER_CHIP (self));
  g_return_if_fail (code != NULL);

  option = g_new0 (Option, 1);
  option->code = g_strdup (code);
  option->parent = parent_code != NULL && parent_code[0] != '\0' ? g_strdup (parent_code) : NULL;
  option->check = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (label != NULL ? label : code));
  if (option->parent != NULL)
    {
      gtk_widget_set_margin_start (GTK_WIDGET (option->check), 24);
      gtk_widget_set_visible (GTK_WIDGET (option->check), FALSE);
    }
  g_signal_connect_object (option->check, "toggled",
                           G_CALLBACK (option_toggled_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->options, option);

  /* A child goes right after its parent's last child, so counties read
   * as headings of their townships. */
  if (option->parent != NULL)
    {
      GtkWidget *after = NULL;

      for (guint i = 0; i + 1 < self->options->len; i++)
        {
          Option *other = g_ptr_array_index (self->options, i);

          if (g_strcmp0 (other->code, option->parent) == 0 ||
              g_strcmp0 (other->parent, option->parent) == 0)
            after = GTK_WIDGET (other->check);
        }
      if (after != NULL)
        {
          gtk_box_insert_child_after (self->options_box, GTK_WIDGET (option->check), after);
          return;
        }
    }
  gtk_box_append (self->options_box, GTK_WIDGET (option->check));
}

void
xf_filter_chip_remove_all_options (XfFilterChip *self)
{
  gboolean any = FALSE;

  g_return_if_fail (XF_IS_FILTER_CHIP (self));

  for (guint i = 0; i < self->options->len; i++)
    {
      Option *option = g_ptr_array_index (self->options, i);

      any |= is_checked (option);
      gtk_box_remove (self->options_box, GTK_WIDGET (option->check));
    }
  g_ptr_array_set_size (self->options, 0);

  if (any)
    changed (self);
}

const char *
xf_filter_chip_get_title (XfFilterChip *self)
{
  g_return_val_if_fail (XF_IS_FILTER_CHIP (self), NULL);
  return self->title;
}

void
xf_filter_chip_set_title (XfFilterChip *self,
                          const char   *title)
{
  g_return_if_fail (XF_IS_FILTER_CHIP (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  gtk_label_set_label (self->title_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), title);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

static void
xf_filter_chip_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  XfFilterChip *self = XF_FILTER_CHIP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_filter_chip_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  XfFilterChip *self = XF_FILTER_CHIP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      xf_filter_chip_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_filter_chip_dispose (GObject *object)
{
  XfFilterChip *self = XF_FILTER_CHIP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_FILTER_CHIP);

  G_OBJECT_CLASS (xf_filter_chip_parent_class)->dispose (object);
}

static void
xf_filter_chip_finalize (GObject *object)
{
  XfFilterChip *self = XF_FILTER_CHIP (object);

  g_clear_pointer (&self->options, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (xf_filter_chip_parent_class)->finalize (object);
}

static void
xf_filter_chip_class_init (XfFilterChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = xf_filter_chip_get_property;
  object_class->set_property = xf_filter_chip_set_property;
  object_class->dispose = xf_filter_chip_dispose;
  object_class->finalize = xf_filter_chip_finalize;

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XfFilterChip::changed:
   *
   * The chosen codes changed.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/registry/xf-filter-chip.ui");
  gtk_widget_class_bind_template_child (widget_class, XfFilterChip, box);
  gtk_widget_class_bind_template_child (widget_class, XfFilterChip, menu_button);
  gtk_widget_class_bind_template_child (widget_class, XfFilterChip, title_label);
  gtk_widget_class_bind_template_child (widget_class, XfFilterChip, count_label);
  gtk_widget_class_bind_template_child (widget_class, XfFilterChip, options_box);
  gtk_widget_class_bind_template_child (widget_class, XfFilterChip, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, xf_filter_chip_clear);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "filterchip");
}

static void
xf_filter_chip_init (XfFilterChip *self)
{
  self->options = g_ptr_array_new_with_free_func (option_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
xf_filter_chip_new (const char *title)
{
  return g_object_new (XF_TYPE_FILTER_CHIP, "title", title, NULL);
}
