/* test-read-only-save.c — a save the database refuses keeps the form
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file turns read-only while a file is being edited (PRAGMA
 * query_only on the editor's connection): saving says why above the form,
 * every typed value stays, and saving again once it can be written works.
 */

#include "config.h"

#include <string.h>

#include "xf-pioneer-editor.h"
#include "xf-registry-list.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"

#define EMPLOYER "湖州南太湖新区智能装备有限公司"

static void
test_read_only_save (void)
{
  g_autofree char *dir = xf_test_make_dir ();
  g_autofree char *path = NULL;
  g_autoptr(XfStore) store = xf_test_make_demo_db (dir, "demo.db", 5, 0, &path);
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(XfRegistry) registry = xf_registry_new (store, admin);
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autoptr(XfRegistryList) list = xf_registry_list_new (registry, query);
  g_autoptr(XfPioneer) summary = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autoptr(XfPioneer) saved = NULL;
  g_autoptr(GError) error = NULL;
  XfDb *db = xf_store_get_db (store);
  GtkWidget *editor = xf_pioneer_editor_new (registry);
  GtkWindow *window;
  GtkWidget *employer;
  const char *note;

  pioneer = xf_registry_get_pioneer (registry, xf_pioneer_get_id (summary), &error);
  g_assert_no_error (error);
  xf_pioneer_editor_edit (XF_PIONEER_EDITOR (editor), pioneer);
  window = xf_test_show_in_window (editor, 480, 700);

  employer = xf_pioneer_editor_get_field_widget (XF_PIONEER_EDITOR (editor), "employer");
  gtk_editable_set_text (GTK_EDITABLE (employer), EMPLOYER);
  g_assert_true (xf_pioneer_editor_get_changed (XF_PIONEER_EDITOR (editor)));

  g_assert_true (xf_db_exec (db, "PRAGMA query_only = ON", &error));
  g_assert_no_error (error);
  g_assert_false (xf_pioneer_editor_save (XF_PIONEER_EDITOR (editor)));

  /* Said above the form, in core's words; nothing lost. */
  note = xf_pioneer_editor_get_note (XF_PIONEER_EDITOR (editor));
  g_assert_nonnull (note);
  g_assert_true (g_str_has_prefix (note, "Not saved: "));
  g_assert_nonnull (strstr (note, "read-only"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (employer)), ==, EMPLOYER);
  g_assert_cmpstr (xf_pioneer_get_employer (xf_pioneer_editor_get_pioneer (XF_PIONEER_EDITOR (editor))), ==,
                   EMPLOYER);
  g_assert_true (xf_pioneer_editor_has_unsaved_edits (XF_PIONEER_EDITOR (editor)));
  g_assert_true (xf_pioneer_editor_get_valid (XF_PIONEER_EDITOR (editor)));

  /* Writable again: the same form saves. */
  g_assert_true (xf_db_exec (db, "PRAGMA query_only = OFF", &error));
  g_assert_true (xf_pioneer_editor_save (XF_PIONEER_EDITOR (editor)));
  g_assert_null (xf_pioneer_editor_get_note (XF_PIONEER_EDITOR (editor)));
  saved = xf_registry_get_pioneer (registry, xf_pioneer_get_id (pioneer), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_pioneer_get_employer (saved), ==, EMPLOYER);

  gtk_window_destroy (window);
  xf_test_iterate (50);
  xf_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/read-only-save/keeps-input", test_read_only_save);

  return g_test_run ();
}
