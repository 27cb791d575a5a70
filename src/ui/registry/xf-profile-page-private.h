/* xf-profile-page-private.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-name-card.h"
#include "xf-profile-page.h"

G_BEGIN_DECLS

struct _XfProfilePage
{
  AdwBin           parent_instance;

  XfRegistry      *registry;
  gint64           pioneer_id;
  gint64           return_id;   /* the file to go back to when a new one is cancelled */
  XfPioneer       *pioneer;
  GListModel      *honours;
  gboolean         reveal_id;
  GHashTable      *revealed;    /* personal values revealed: field → plain text */
  gint64           revealed_version; /* the file's version they were revealed at */
  gboolean         read_only;
  GtkWidget       *editor;
  AdwLeaflet      *leaflet;     /* the one around the page, while rooted */
  GPtrArray       *details_rows;
  GPtrArray       *honours_rows;
  GPtrArray       *history_rows;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkWidget       *back_button;
  GtkWidget       *empty_back_button;
  AdwWindowTitle  *window_title;
  GtkWidget       *menu_button;
  GtkWidget       *edit_button;
  GtkWidget       *add_honour_button;
  GtkWidget       *restore_button;
  GtkScrolledWindow *scrolled_window;
  GtkInfoBar      *archived_bar;
  GtkInfoBar      *read_only_bar;
  GtkLabel        *read_only_label;
  GtkLabel        *archived_label;
  XfNameCard      *name_card;
  AdwPreferencesGroup *details_group;
  AdwPreferencesGroup *honours_group;
  AdwPreferencesGroup *history_group;
};

/* xf-profile-page.c */
void       _xf_profile_page_show_toast  (XfProfilePage *self,
                                         const char    *text);
/* Reads the file again from the registry and shows it. */
void       _xf_profile_page_reload      (XfProfilePage *self);

/* xf-profile-page-actions.c: archive, restore and honours. */
void       _xf_profile_page_archive_action       (GtkWidget  *widget,
                                                  const char *action_name,
                                                  GVariant   *param);
void       _xf_profile_page_restore_action       (GtkWidget  *widget,
                                                  const char *action_name,
                                                  GVariant   *param);
void       _xf_profile_page_add_honour_action    (GtkWidget  *widget,
                                                  const char *action_name,
                                                  GVariant   *param);
void       _xf_profile_page_remove_honour_action (GtkWidget  *widget,
                                                  const char *action_name,
                                                  GVariant   *param);
/* "Recommend": one engagement event "recommended" a day per account and
 * pioneer (source "app"), for the pioneer index. */
void       _xf_profile_page_recommend_action     (GtkWidget  *widget,
                                                  const char *action_name,
                                                  GVariant   *param);
/* The card's link copied or the card saved: "card-shared", once a day
 * per account and pioneer. */
void       _xf_profile_page_record_share         (XfProfilePage *self);

G_END_DECLS
