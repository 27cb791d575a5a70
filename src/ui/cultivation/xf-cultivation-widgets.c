/* xf-cultivation-widgets.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-cultivation-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-cultivation-widgets.h"
#include "xf-honour.h"

char *
xf_cultivation_describe_aim (const XfCultivationPlan *plan)
{
  GString *text = g_string_new (plan->target_title != NULL ? plan->target_title : "");

  if (plan->target_level != NULL && plan->target_level[0] != '\0')
    g_string_append_printf (text, " · %s", xf_honour_level_label (plan->target_level));
  if (plan->target_year > 0)
    g_string_append_printf (text, " · %d", plan->target_year);
  return g_string_free (text, FALSE);
}

GtkWidget *
xf_cultivation_pill_new (const char *text,
                         const char *css)
{
  GtkWidget *pill = gtk_label_new (text);

  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pill, "cultivation-pill");
  if (css != NULL)
    gtk_widget_add_css_class (pill, css);
  return pill;
}

void
xf_cultivation_append_badges (GtkBox                  *box,
                              const XfCultivationPlan *plan)
{
  GtkWidget *pill;

  if (g_strcmp0 (plan->status, XF_PLAN_ACTIVE) != 0)
    {
      pill = xf_cultivation_pill_new (xf_plan_status_label (plan->status), plan->status);
      gtk_widget_set_name (pill, "status-badge");
      gtk_box_append (box, pill);
      return;
    }
  if (plan->ready)
    {
      pill = xf_cultivation_pill_new (C_("plan", "Ready"), "ready");
      gtk_widget_set_tooltip_text (pill,
                                   /* xgettext:no-c-format */
                                   _("Reviewed as ready, with at least 80 % of the goals achieved"));
      gtk_widget_set_name (pill, "ready-badge");
      gtk_box_append (box, pill);
    }
  if (plan->milestones_overdue > 0)
    {
      pill = xf_cultivation_pill_new (C_("plan", "Behind"), "behind");
      gtk_widget_set_tooltip_text (pill, _("A milestone is overdue"));
      gtk_widget_set_name (pill, "behind-badge");
      gtk_box_append (box, pill);
    }
}

GtkWidget *
xf_cultivation_progress_new (const XfCultivationPlan *plan)
{
  GtkWidget *bar = gtk_progress_bar_new ();
  g_autofree char *text = NULL;

  /* Translators: a plan's progress: goals achieved of all its goals */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d goal", "%d of %d goals",
                                       (gulong) plan->goals_total),
                          plan->goals_achieved, plan->goals_total);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), xf_cultivation_plan_get_progress (plan));
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (bar), text);
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
  gtk_widget_add_css_class (bar, "cultivation-progress");
  gtk_widget_set_name (bar, "plan-progress");
  return bar;
}

void
xf_cultivation_toast (GtkWidget *widget,
                      AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  adw_toast_set_timeout (toast, 8);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

gboolean
xf_cultivation_message_names (const char *message,
                              const char *name)
{
  gsize length = name != NULL ? strlen (name) : 0;

  return message != NULL && length > 0 && strncmp (message, name, length) == 0
         && (message[length] == ':' || g_str_has_prefix (message + length, "："));
}

char *
xf_cultivation_field_name (const char *title)
{
  GString *name = g_string_new (NULL);
  const char *hint;
  gsize len = title != NULL ? strlen (title) : 0;

  /* A translated label carries its mnemonic at the end, "名称(_T)" or
   * "名称（_T）": drop it along with any plain underscore. */
  if (len >= 4 && title[len - 1] == ')' && title[len - 4] == '(' && title[len - 3] == '_')
    len -= 4;
  else if (len >= 4 && g_str_has_suffix (title, "）") && len >= strlen ("（_X）")
           && g_str_has_prefix (title + len - strlen ("（_X）"), "（_"))
    len -= strlen ("（_X）");
  while (len > 0 && title[len - 1] == ' ')
    len--;
  for (gsize i = 0; i < len; i++)
    if (title[i] != '_')
      g_string_append_c (name, title[i]);
  hint = strstr (name->str, " (");
  if (hint == NULL)
    hint = strstr (name->str, "（");
  if (hint == NULL)
    hint = strstr (name->str, ", ");
  if (hint != NULL)
    g_string_truncate (name, hint - name->str);
  return g_string_free (name, FALSE);
}
