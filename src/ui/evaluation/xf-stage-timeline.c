/* xf-stage-timeline.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-stage-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-deadline.h"
#include "xf-nomination.h"
#include "xf-stage-timeline.h"

struct _XfStageTimeline
{
  GtkWidget  parent_instance;

  GPtrArray *entries;   /* (transfer none) one child per visit */
  GPtrArray *icons;     /* (transfer none) the icons on the line: entries not set apart */
  GtkWidget *footer;
};

G_DEFINE_FINAL_TYPE (XfStageTimeline, xf_stage_timeline, GTK_TYPE_WIDGET)

static gboolean
is_returned (const XfStageVisit *visit)
{
  return g_strcmp0 (visit->stage, XF_STAGE_RETURNED) == 0;
}

/* The libadwaita style class of a due state; NULL for plain text. */
static const char *
state_class (XfDueState state)
{
  switch (state)
    {
    case XF_DUE_SOON:
      return "warning";
    case XF_DUE_OVERDUE:
    case XF_DUE_DONE_LATE:
      return "error";
    case XF_DUE_DONE:
      return "success";
    case XF_DUE_NONE:
      return "dim-label";
    case XF_DUE_ON_TIME:
    default:
      return NULL;
    }
}

static const char *
icon_name_for (const XfStageVisit *visit)
{
  if (is_returned (visit))
    return "edit-undo-symbolic";
  if (xf_stage_is_final (visit->stage))
    return g_strcmp0 (visit->stage, XF_STAGE_CONFERRED) == 0
      ? "emblem-ok-symbolic" : "process-stop-symbolic";
  switch ((XfDueState) visit->due_state)
    {
    case XF_DUE_SOON:
      return "alarm-symbolic";
    case XF_DUE_OVERDUE:
      return "dialog-warning-symbolic";
    case XF_DUE_DONE:
    case XF_DUE_DONE_LATE:
      return "emblem-ok-symbolic";
    case XF_DUE_NONE:
    case XF_DUE_ON_TIME:
    default:
      return visit->left_on != NULL ? "emblem-ok-symbolic" : "media-record-symbolic";
    }
}

static char *
when_text (const XfStageVisit *visit)
{
  g_autofree char *dates = NULL;

  if (visit->left_on != NULL)
    /* Translators: the days a stage began and ended. */
    dates = g_strdup_printf (_("%s → %s"), visit->entered_on, visit->left_on);
  else if (xf_stage_is_final (visit->stage))
    dates = g_strdup (visit->entered_on);
  else
    /* Translators: a stage still open, entered on this day. */
    dates = g_strdup_printf (_("Since %s"), visit->entered_on);

  if (visit->actor_name == NULL || *visit->actor_name == '\0')
    return g_steal_pointer (&dates);
  /* Translators: when a stage ran, then who moved the nomination into it. */
  return g_strdup_printf (_("%s · %s"), dates, visit->actor_name);
}

static char *
used_text (int used,
           int budget)
{
  return g_strdup_printf (ngettext ("%d of %d working day used",
                                    "%d of %d working days used", budget),
                          used, budget);
}

/* The working days of one visit, or NULL when the stage has no budget. */
static char *
days_text (const XfStageVisit *visit)
{
  g_autofree char *text = NULL;

  if (is_returned (visit))
    text = g_strdup_printf (ngettext ("With the unit: %d working day (not counted)",
                                      "With the unit: %d working days (not counted)",
                                      visit->days_used),
                            visit->days_used);
  else if (visit->budget_days <= 0)
    return NULL;
  else if (visit->left_on != NULL)
    text = used_text (visit->days_used, visit->budget_days);
  else
    {
      g_autofree char *used = used_text (visit->days_used, visit->budget_days);
      g_autofree char *left = NULL;

      if (visit->days_left >= 0)
        left = g_strdup_printf (ngettext ("%d working day left", "%d working days left",
                                          visit->days_left),
                                visit->days_left);
      else
        left = g_strdup_printf (ngettext ("%d working day overdue", "%d working days overdue",
                                          -visit->days_left),
                                -visit->days_left);
      /* Translators: days left (or overdue), then days used of the budget. */
      text = g_strdup_printf (_("%s (%s)"), left, used);
    }

  if (visit->unconfirmed)
    {
      /* Translators: appended when a year crossed has no published
       * holiday calendar yet, so the count may change. */
      g_autofree char *with_note = g_strdup_printf (_("%s, holidays not yet confirmed"), text);

      return g_steal_pointer (&with_note);
    }
  return g_steal_pointer (&text);
}

static GtkWidget *
add_label (GtkWidget  *box,
           const char *text,
           const char *style,
           const char *name)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_widget_set_name (label, name);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static GtkWidget *
build_entry (XfStageTimeline    *self,
             const XfStageVisit *visit)
{
  GtkWidget *entry = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name_for (visit));
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  const char *style = is_returned (visit) ? "dim-label" : state_class (visit->due_state);
  const char *stage = xf_stage_label (visit->stage);
  g_autofree char *when = when_text (visit);
  g_autofree char *days = days_text (visit);
  g_autoptr(GString) description = g_string_new (when);
  GtkWidget *title;

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  if (style != NULL)
    gtk_widget_add_css_class (icon, style);
  gtk_box_append (GTK_BOX (entry), icon);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (entry), text);

  title = add_label (text, stage, "heading", "stage");
  add_label (text, when, "dim-label", "when");
  if (days != NULL)
    {
      add_label (text, days, style, "days");
      g_string_append_printf (description, ". %s", days);
    }
  if (visit->note != NULL && *visit->note != '\0')
    {
      GtkWidget *note = add_label (text, visit->note, "caption", "note");

      gtk_label_set_selectable (GTK_LABEL (note), TRUE);
      /* Selectable for copying, but not a stop for Tab on the way through. */
      gtk_widget_set_focusable (note, FALSE);
      g_string_append_printf (description, ". %s", visit->note);
    }

  /* Time with the unit is not the office's: set it apart. */
  if (is_returned (visit))
    {
      gtk_widget_set_margin_start (entry, 24);
      gtk_widget_add_css_class (title, "dim-label");
    }
  gtk_widget_set_name (entry, visit->stage);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, stage,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  /* The line runs through the office's stages; time with the unit sits beside it. */
  if (!is_returned (visit))
    g_ptr_array_add (self->icons, icon);
  return entry;
}

static GtkWidget *
build_footer (GPtrArray *visits,
              int        promise_days)
{
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  int office = 0, unit = 0;
  gboolean any_returned = FALSE;

  for (guint i = 0; i < visits->len; i++)
    {
      const XfStageVisit *visit = g_ptr_array_index (visits, i);

      if (is_returned (visit))
        {
          any_returned = TRUE;
          unit += visit->days_used;
        }
      else if (xf_stage_counts (visit->stage))
        office += visit->days_used;
    }

  if (promise_days > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("Office: %d of the promised %d working day used",
                                   "Office: %d of the promised %d working days used",
                                   promise_days),
                         office, promise_days);

      add_label (footer, text, office > promise_days ? "error" : NULL, "office-days");
    }
  if (any_returned)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("With the unit: %d working day in all (not counted)",
                                   "With the unit: %d working days in all (not counted)",
                                   unit),
                         unit);

      add_label (footer, text, "dim-label", "unit-days");
    }
  gtk_widget_add_css_class (footer, "caption");
  gtk_widget_set_margin_top (footer, 6);
  return footer;
}

static void
clear (XfStageTimeline *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_ptr_array_set_size (self->entries, 0);
  g_ptr_array_set_size (self->icons, 0);
  self->footer = NULL;
}

/* A faint line joins the icons of the entries on the line, behind them. */
static void
xf_stage_timeline_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  XfStageTimeline *self = XF_STAGE_TIMELINE (widget);
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  color.alpha *= 0.25;

  for (guint i = 1; i < self->icons->len; i++)
    {
      graphene_rect_t above, below;

      if (!gtk_widget_compute_bounds (g_ptr_array_index (self->icons, i - 1), widget, &above) ||
          !gtk_widget_compute_bounds (g_ptr_array_index (self->icons, i), widget, &below))
        continue;
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (above.origin.x + above.size.width / 2 - 1,
                                                      above.origin.y + above.size.height + 4,
                                                      2,
                                                      MAX (0, below.origin.y - 4 -
                                                              (above.origin.y + above.size.height + 4))));
    }

  GTK_WIDGET_CLASS (xf_stage_timeline_parent_class)->snapshot (widget, snapshot);
}

static void
xf_stage_timeline_dispose (GObject *object)
{
  XfStageTimeline *self = (XfStageTimeline *)object;

  if (self->entries != NULL)
    clear (self);

  G_OBJECT_CLASS (xf_stage_timeline_parent_class)->dispose (object);
}

static void
xf_stage_timeline_finalize (GObject *object)
{
  XfStageTimeline *self = (XfStageTimeline *)object;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->icons, g_ptr_array_unref);

  G_OBJECT_CLASS (xf_stage_timeline_parent_class)->finalize (object);
}

static void
xf_stage_timeline_class_init (XfStageTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_stage_timeline_dispose;
  object_class->finalize = xf_stage_timeline_finalize;
  widget_class->snapshot = xf_stage_timeline_snapshot;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stagetimeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
xf_stage_timeline_init (XfStageTimeline *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  self->entries = g_ptr_array_new ();
  self->icons = g_ptr_array_new ();
}

GtkWidget *
xf_stage_timeline_new (void)
{
  return g_object_new (XF_TYPE_STAGE_TIMELINE, NULL);
}

void
xf_stage_timeline_set_visits (XfStageTimeline *self,
                              GPtrArray       *visits,
                              int              promise_days)
{
  g_return_if_fail (XF_IS_STAGE_TIMELINE (self));

  clear (self);
  if (visits == NULL || visits->len == 0)
    return;

  for (guint i = 0; i < visits->len; i++)
    {
      GtkWidget *entry = build_entry (self, g_ptr_array_index (visits, i));

      gtk_widget_set_parent (entry, GTK_WIDGET (self));
      g_ptr_array_add (self->entries, entry);
    }
  self->footer = build_footer (visits, promise_days);
  if (gtk_widget_get_first_child (self->footer) != NULL)
    gtk_widget_set_parent (self->footer, GTK_WIDGET (self));
  else
    {
      g_object_ref_sink (self->footer);
      g_object_unref (self->footer);
      self->footer = NULL;
    }
}

guint
xf_stage_timeline_get_n_entries (XfStageTimeline *self)
{
  g_return_val_if_fail (XF_IS_STAGE_TIMELINE (self), 0);
  return self->entries->len;
}

GtkWidget *
xf_stage_timeline_get_entry (XfStageTimeline *self,
                             guint            index)
{
  g_return_val_if_fail (XF_IS_STAGE_TIMELINE (self), NULL);
  return index < self->entries->len ? g_ptr_array_index (self->entries, index) : NULL;
}
