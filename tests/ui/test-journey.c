/* test-journey.c — a registry clerk's day, end to end, in the real window
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the application window on a demo database, searches for a pioneer
 * by part of a Chinese name, opens the file, types an invalid identity
 * number and sees the message beside the field, saves a valid change and
 * finds it in the list, then fills in the dialog that connects to a shared
 * database and closes it. meson runs it once in English and once with
 * LANGUAGE=zh_CN; with XIANFENG_SCREENSHOT_DIR set it saves the views the
 * metainfo shows (registry, profile, name card, the editor's error and the
 * connect dialog) with a language suffix.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xf-connect-dialog.h"
#include "xf-db.h"
#include "xf-identity.h"
#include "xf-name-card.h"
#include "xf-pioneer-editor.h"
#include "xf-profile-page.h"
#include "xf-registry-cell.h"
#include "xf-registry-list.h"
#include "xf-registry-page.h"
#include "xf-test-util.h"
#include "xf-window.h"

typedef struct
{
  XfTestWindow    ui;
  XfRegistryPage *page;
  GListModel     *model;
} Journey;

/* The list position of the pioneer called @name, or -1. */
static int
find_in_list (Journey    *journey,
              const char *name)
{
  guint n = g_list_model_get_n_items (journey->model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfPioneer) pioneer = g_list_model_get_item (journey->model, i);

      if (g_strcmp0 (xf_pioneer_get_name (pioneer), name) == 0)
        return (int) i;
    }
  return -1;
}

typedef struct
{
  Journey    *journey;
  const char *name;
} ShownWait;

/* Whether a label, inscription or list cell below @root shows @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  const char *shown = NULL;

  if (GTK_IS_LABEL (root))
    shown = gtk_label_get_label (GTK_LABEL (root));
  else if (GTK_IS_INSCRIPTION (root))
    shown = gtk_inscription_get_text (GTK_INSCRIPTION (root));
  else if (XF_IS_REGISTRY_CELL (root))
    shown = xf_registry_cell_get_text (XF_REGISTRY_CELL (root));
  if (g_strcmp0 (shown, text) == 0 && gtk_widget_get_mapped (root))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
name_shown_in_list (gpointer data)
{
  ShownWait *wait = data;
  GtkWidget *column_view = xf_test_template_child (wait->journey->page, XF_TYPE_REGISTRY_PAGE, "column_view");

  return find_in_list (wait->journey, wait->name) >= 0 &&
         shows_text (column_view, wait->name);
}

/* An individual with a three-character name, so the given name makes a
 * two-character search; the most honoured such one, so the screenshots
 * show a gold or silver card. */
static XfPioneer *
pick_pioneer (Journey *journey)
{
  g_autoptr(XfPioneer) best = NULL;
  guint n = g_list_model_get_n_items (journey->model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfPioneer) pioneer = g_list_model_get_item (journey->model, i);

      if (xf_pioneer_is_collective (pioneer) || g_utf8_strlen (xf_pioneer_get_name (pioneer), -1) != 3)
        continue;
      if (best == NULL || xf_tier_rank (xf_pioneer_get_tier (pioneer)) < xf_tier_rank (xf_pioneer_get_tier (best)))
        g_set_object (&best, pioneer);
    }
  g_assert_nonnull (best);
  return g_steal_pointer (&best);
}

/* The open connect dialog, or NULL. */
static GtkWidget *
find_connect_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (XF_IS_CONNECT_DIALOG (window))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static gboolean
connect_dialog_shown (gpointer data)
{
  return find_connect_dialog () != NULL;
}

static gboolean
connect_dialog_gone (gpointer data)
{
  return find_connect_dialog () == NULL;
}

static void
set_connect_row (GtkWidget  *dialog,
                 const char *name,
                 const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (xf_test_template_child (dialog, XF_TYPE_CONNECT_DIALOG, name)), text);
}

/* The office moves to a shared database: the clerk opens the dialog from
 * the application's action, as Preferences does, fills in what the
 * administrator gave (no password yet) and thinks better of it. */
static void
fill_in_connect_dialog (Journey *journey)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  GtkWidget *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (journey->ui.app), "connect-database", NULL);
  g_assert_true (xf_test_wait_until (connect_dialog_shown, NULL, 2000));
  dialog = find_connect_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (journey->ui.window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, _("Connect to a Shared Database"));
  gtk_test_widget_wait_for_draw (dialog);

  set_connect_row (dialog, "host_row", "db.example.org");
  set_connect_row (dialog, "database_row", "xianfeng");
  set_connect_row (dialog, "user_row", "clerk");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (xf_test_template_child (dialog, XF_TYPE_CONNECT_DIALOG,
                                                                                    "port_row"))), ==, "5432");
  g_assert_true (gtk_widget_is_sensitive (xf_test_template_child (dialog, XF_TYPE_CONNECT_DIALOG, "connect_button")));
  location = xf_connect_dialog_get_location (XF_CONNECT_DIALOG (dialog), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (location, "clerk@db.example.org"));
  g_assert_nonnull (strstr (location, "/xianfeng"));
  g_assert_null (xf_connect_dialog_get_error (XF_CONNECT_DIALOG (dialog)));
  /* No caret or focus ring: whether the dialog has the X focus depends on
   * the other journey running beside this one on the same display. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  xf_test_iterate (300);
  xf_test_screenshot_in_language (dialog, "connect-dialog");

  /* Cancel closes it, nothing connected. */
  g_assert_true (gtk_widget_activate_action (dialog, "connect.cancel", NULL));
  g_assert_true (xf_test_wait_until (connect_dialog_gone, NULL, 2000));
  g_assert_false (xf_db_location_is_url (xf_application_get_database_path (journey->ui.app)));
}

static void
test_clerk_journey (void)
{
  Journey journey = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *part = NULL;
  g_autofree char *new_name = NULL;
  g_autofree char *bad_number = NULL;
  g_autofree char *expected_message = NULL;
  g_autoptr(XfPioneer) chosen = NULL;
  g_autoptr(XfPioneer) stored = NULL;
  g_autoptr(XfPioneer) probe = NULL;
  XfRegistry *registry;
  GtkWidget *profile, *editor, *id_row, *message, *save_button;
  GtkStack *profile_stack;
  AdwWindowTitle *title;
  ShownWait wait;
  int position;
  gint64 id, version_before;

  /* Open the window on a demo database. */
  xf_test_window_set_up_demo (&journey.ui, 300, 60);
  registry = xf_application_get_registry (journey.ui.app);
  journey.page = XF_REGISTRY_PAGE (xf_window_get_registry_page (journey.ui.window));
  journey.model = xf_registry_page_get_model (journey.page);
  g_assert_cmpint (g_list_model_get_n_items (journey.model), ==, xf_registry_count_pioneers (registry, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (journey.model), >, 300);
  xf_test_screenshot_in_language (GTK_WIDGET (journey.ui.window), "registry");

  /* Search by the given name only: part of a Chinese name. */
  chosen = pick_pioneer (&journey);
  id = xf_pioneer_get_id (chosen);
  part = g_utf8_substring (xf_pioneer_get_name (chosen), 1, 3);
  xf_test_search (journey.page, part, 3000);
  g_assert_cmpint (g_list_model_get_n_items (journey.model), <, xf_registry_count_pioneers (registry, NULL, NULL));
  position = find_in_list (&journey, xf_pioneer_get_name (chosen));
  g_assert_cmpint (position, >=, 0);

  /* Open the file the way a user does: activate its row. */
  g_signal_emit_by_name (xf_test_template_child (journey.page, XF_TYPE_REGISTRY_PAGE, "column_view"),
                         "activate", (guint) position);
  profile = xf_registry_page_get_profile (journey.page);
  g_assert_cmpint (xf_profile_page_get_pioneer_id (XF_PROFILE_PAGE (profile)), ==, id);
  title = ADW_WINDOW_TITLE (xf_test_template_child (profile, XF_TYPE_PROFILE_PAGE, "window_title"));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, xf_pioneer_get_name (chosen));
  xf_test_iterate (300);
  xf_test_screenshot_in_language (GTK_WIDGET (journey.ui.window), "profile");
  xf_test_screenshot_in_language (xf_test_template_child (profile, XF_TYPE_PROFILE_PAGE, "name_card"), "name-card");

  /* Edit: an identity number with a wrong check character. */
  g_assert_true (gtk_widget_activate_action (profile, "profile.edit", NULL));
  profile_stack = GTK_STACK (xf_test_template_child (profile, XF_TYPE_PROFILE_PAGE, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (profile_stack), ==, "editor");
  editor = gtk_stack_get_visible_child (profile_stack);
  g_assert_true (XF_IS_PIONEER_EDITOR (editor));

  stored = xf_registry_get_pioneer (registry, id, &error);
  g_assert_no_error (error);
  version_before = xf_pioneer_get_version (stored);
  bad_number = g_strdup (xf_pioneer_get_id_number (stored));
  bad_number[17] = bad_number[17] == '0' ? '1' : '0';
  id_row = xf_pioneer_editor_get_field_widget (XF_PIONEER_EDITOR (editor), "id-number");
  gtk_editable_set_text (GTK_EDITABLE (id_row), bad_number);
  xf_test_iterate (50);

  /* The message beside the field is core's own verdict, in the user's language. */
  probe = xf_pioneer_copy (stored);
  g_object_set (probe, "id-number", bad_number, NULL);
  g_assert_false (xf_pioneer_check_field (probe, "id-number", &error));
  expected_message = g_strdup (error->message);
  g_clear_error (&error);
  message = gtk_widget_get_next_sibling (id_row);
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (message)))),
                   ==, expected_message);
  g_assert_true (gtk_widget_has_css_class (id_row, "error"));
  save_button = xf_test_template_child (editor, XF_TYPE_PIONEER_EDITOR, "save_button");
  g_assert_false (gtk_widget_get_sensitive (save_button));
  xf_test_iterate (400);
  xf_test_screenshot_in_language (GTK_WIDGET (journey.ui.window), "profile-editor-error");

  /* Put the number right and change the name: a valid change. */
  gtk_editable_set_text (GTK_EDITABLE (id_row), xf_pioneer_get_id_number (stored));
  new_name = g_strconcat (xf_pioneer_get_name (chosen), "华", NULL);
  gtk_editable_set_text (GTK_EDITABLE (xf_pioneer_editor_get_field_widget (XF_PIONEER_EDITOR (editor), "name")),
                         new_name);
  xf_test_iterate (50);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_next_sibling (id_row)));
  g_assert_true (gtk_widget_get_sensitive (save_button));
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (profile_stack), ==, "profile");

  /* Stored, with its history… */
  g_clear_object (&stored);
  stored = xf_registry_get_pioneer (registry, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_pioneer_get_name (stored), ==, new_name);
  g_assert_cmpint (xf_pioneer_get_version (stored), ==, version_before + 1);

  /* …and in the list the clerk is looking at (the search still matches). */
  wait.journey = &journey;
  wait.name = new_name;
  g_assert_true (xf_test_wait_until (name_shown_in_list, &wait, 3000));

  fill_in_connect_dialog (&journey);

  xf_test_window_tear_down (&journey.ui, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/journey/language", xf_test_language);
  g_test_add_func ("/ui/journey/clerk", test_clerk_journey);

  return g_test_run ();
}
