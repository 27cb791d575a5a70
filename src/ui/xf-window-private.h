/* xf-window-private.h — what xf-window*.c share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-idle-timer.h"
#include "xf-offline-bar.h"
#include "xf-permission.h"
#include "xf-window.h"

G_BEGIN_DECLS

/*
 * Pages (xf-window-pages.c)
 *
 * The sidebar offers one row per entry of the table in xf-window-pages.c
 * whose operation the signed-in account may do somewhere
 * (xf_permission_allows_somewhere), in the table's order. The window makes
 * the page with new_page () for the registry of the account signed in, and
 * drops it at sign-out, so a page never outlives its account. A page with a
 * boolean "show-sidebar-button" property gets it bound to the folded
 * sidebar (its header bar then offers win.show-sidebar). A page with an
 * int "attention-count" property gets it as a badge on its sidebar row,
 * shown while above 0. After another desk's change the window calls
 * refresh (), when given, on the page.
 */
typedef GtkWidget *(*XfWindowPageNew)     (XfRegistry *registry);
typedef void       (*XfWindowPageRefresh) (gpointer    page);

typedef struct
{
  const char          *name;        /* the stack page's and the row's name */
  const char          *title;       /* N_(): the row's label */
  const char          *icon_name;
  XfOperation          operation;   /* shown to whoever may do it somewhere */
  XfWindowPageNew      new_page;
  XfWindowPageRefresh  refresh;     /* nullable */
} XfWindowPageInfo;

const XfWindowPageInfo *_xf_window_get_page_infos (guint *n_infos);

struct _XfWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  XfApplication        *application;   /* weak: the application outlives its windows */
  XfRegistry           *registry;      /* the registry the pages show */
  GPtrArray            *pages;         /* GtkWidget * shown, table order */
  GPtrArray            *page_infos;    /* const XfWindowPageInfo * of each page */
  XfChangeMonitor      *monitor;       /* other desks' changes to the open database */

  /* The session (xf-window-session.c) */
  GtkWidget            *session_page;  /* sign-in or first run, while no one is signed in */
  GtkWidget            *lock_screen;   /* while locked */
  XfIdleTimer          *idle_timer;
  guint                 idle_override_ms;
  GtkWidget            *focus_before_lock; /* weak */
  GPtrArray            *hidden_windows; /* dialogs hidden while locked */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkListBox           *sidebar_list;
  GtkMenuButton        *account_button;
  AdwAvatar            *account_avatar;
  GtkLabel             *account_label;
  GtkImage             *database_icon;
  GtkLabel             *database_label;
  GtkStack             *page_stack;
  AdwStatusPage        *error_status;
  GtkWidget            *error_open_button;
  GtkWidget            *error_create_button;
  GtkWidget            *error_connect_button;
  AdwStatusPage        *connecting_status;
  GtkSpinner           *connecting_spinner;
  XfOfflineBar         *offline_bar;
};

/* xf-window-session.c */
void  _xf_window_session_class_init (GtkWidgetClass *widget_class);
void  _xf_window_session_init       (XfWindow       *self);
void  _xf_window_session_dispose    (XfWindow       *self);
/* How the window names the open database ("demo.db", "xianfeng on db.example.org"). */
char *_xf_window_describe_database  (XfWindow       *self);
/* No one signed in to the open database: shows the first-run assistant
 * (no accounts yet) or the sign-in page. */
void  _xf_window_show_session_page  (XfWindow       *self);
/* The pages are built for @account (NULL: signed out, or no database). */
void  _xf_window_session_changed    (XfWindow       *self,
                                     XfAccount      *account);
/* Whether the change monitor may poll: the window is active and unlocked. */
void  _xf_window_update_monitor     (XfWindow       *self);

G_END_DECLS
