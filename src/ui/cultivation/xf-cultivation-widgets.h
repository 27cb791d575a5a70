/* xf-cultivation-widgets.h — small pieces the cultivation views share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-cultivation-plan.h"

G_BEGIN_DECLS

/* "湖州市劳动模范 · City · 2027": the honour aimed at, its level and year. */
char      *xf_cultivation_describe_aim      (const XfCultivationPlan *plan);
/* The plan's pills, appended to @box: "Ready" (core's ready), "Behind"
 * (an overdue milestone), or its status when not active. Named
 * "ready-badge", "behind-badge", "status-badge". */
void       xf_cultivation_append_badges     (GtkBox                  *box,
                                             const XfCultivationPlan *plan);
/* A progress bar of the goals achieved, "3 of 5 goals" as its text. */
GtkWidget *xf_cultivation_progress_new      (const XfCultivationPlan *plan);
/* A pill labelled @text with the CSS class @css ("ready", "behind"…). */
GtkWidget *xf_cultivation_pill_new          (const char              *text,
                                             const char              *css);
/* Whether core's @message is about the field @name ("Hours: …"), both
 * in the user's language. */
gboolean   xf_cultivation_message_names     (const char              *message,
                                             const char              *name);
/* A field title without its mnemonic and its "(…)" hint: "_Hours
 * attended (optional)" → "Hours attended". (transfer full) */
char      *xf_cultivation_field_name        (const char              *title);
/* The toast overlay around @widget, if any, shows @toast (taken). */
void       xf_cultivation_toast         (GtkWidget               *widget,
                                         AdwToast                *toast);

G_END_DECLS
