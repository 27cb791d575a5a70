/* test-profile.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-honour-dialog.h"
#include "xf-identity.h"
#include "xf-name-card.h"
#include "xf-pioneer-editor.h"
#include "xf-profile-page.h"
#include "xf-test-store.h"
#include "xf-test-util.h"

typedef struct
{
  char          *dir;
  XfStore       *store;
  XfRegistry    *registry;
  GtkWindow     *window;
  XfProfilePage *page;
  gint64         pioneer_id;
  gint64         organisation_id;
} ProfileFixture;

/* A valid identity number from its first 17 digits. */
static char *
make_id (const char *first17)
{
  return g_strdup_printf ("%s%c", first17, xf_identity_id_check_char (first17));
}

static gint64
save_new_pioneer (ProfileFixture *fixture,
                  const char     *name,
                  const char     *first17)
{
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("individual");
  g_autofree char *id_number = make_id (first17);
  XfIdentityFacts facts;
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_identity_check_id_number (id_number, &facts, NULL));
  g_object_set (pioneer,
                "name", name,
                "id-number", id_number,
                "gender", facts.gender,
                "birth-date", facts.birth_date,
                "region-code", "330521",
                "organisation-id", fixture->organisation_id,
                "industry", "C",
                NULL);
  xf_test_set_sample_story (pioneer);
  xf_registry_save_pioneer (fixture->registry, pioneer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xf_pioneer_get_id (pioneer), >, 0);
  return xf_pioneer_get_id (pioneer);
}

static void
profile_set_up (ProfileFixture *fixture,
                gconstpointer   data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) organisations = NULL;

  fixture->dir = xf_test_make_dir ();
  path = xf_test_make_db (fixture->dir, "profile.db", 4, 1);
  fixture->store = xf_store_open (path, &error);
  g_assert_no_error (error);
  fixture->registry = xf_test_new_registry (fixture->store);
  xf_registry_ensure_organisations (fixture->registry, &error);
  g_assert_no_error (error);
  organisations = xf_registry_list_organisations (fixture->registry, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (organisations->len, >, 0);
  fixture->organisation_id = ((XfOrganisationInfo *) g_ptr_array_index (organisations, 0))->id;

  fixture->pioneer_id = save_new_pioneer (fixture, "沈建国", "33052119880512013");

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 820, 900);
  fixture->page = XF_PROFILE_PAGE (xf_profile_page_new (fixture->registry));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  xf_profile_page_set_pioneer_id (fixture->page, fixture->pioneer_id);
  xf_test_show_window (fixture->window);
}

static void
profile_tear_down (ProfileFixture *fixture,
                   gconstpointer   data)
{
  xf_test_close_dialogs (XF_TYPE_HONOUR_DIALOG);
  gtk_window_destroy (fixture->window);
  xf_test_iterate (10);
  g_clear_object (&fixture->registry);
  g_clear_object (&fixture->store);
  xf_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static GtkWidget *
page_child (ProfileFixture *fixture,
            const char     *name)
{
  return xf_test_template_child (fixture->page, XF_TYPE_PROFILE_PAGE, name);
}

static XfPioneerEditor *
open_editor (ProfileFixture *fixture)
{
  GtkStack *stack = GTK_STACK (page_child (fixture, "stack"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "profile.edit", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "editor");
  return XF_PIONEER_EDITOR (gtk_stack_get_visible_child (stack));
}

static const char *
visible_page (ProfileFixture *fixture)
{
  GtkStack *stack = GTK_STACK (page_child (fixture, "stack"));
  return gtk_stack_get_visible_child_name (stack);
}

static GtkWidget *
editor_child (XfPioneerEditor *editor,
              const char      *name)
{
  return xf_test_template_child (editor, XF_TYPE_PIONEER_EDITOR, name);
}

static void
set_text (XfPioneerEditor *editor,
          const char      *property,
          const char      *text)
{
  GtkWidget *widget = xf_pioneer_editor_get_field_widget (editor, property);

  g_assert_nonnull (widget);
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* The message row directly beneath @property's row, or NULL. */
static GtkLabel *
message_beneath (XfPioneerEditor *editor,
                 const char      *property)
{
  GtkWidget *row = xf_pioneer_editor_get_field_widget (editor, property);
  GtkWidget *next = gtk_widget_get_next_sibling (row);

  if (next == NULL || !gtk_widget_get_visible (next))
    return NULL;
  return GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (next)));
}

static void
test_shows_file (ProfileFixture *fixture,
                 gconstpointer   data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  AdwWindowTitle *title = ADW_WINDOW_TITLE (page_child (fixture, "window_title"));
  g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (fixture->registry, fixture->pioneer_id, NULL);
  g_autofree char *masked = xf_identity_mask_id_number (xf_pioneer_get_id_number (pioneer));
  g_autoptr(XfHonour) honour = xf_honour_new ("全国劳动模范", "national", 2020);
  g_autoptr(GError) error = NULL;
  GtkWidget *card;

  g_assert_cmpstr (visible_page (fixture), ==, "profile");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "沈建国");

  /* Masked until revealed. */
  g_assert_nonnull (xf_test_find_widget (page, GTK_TYPE_LABEL, masked));
  g_assert_null (xf_test_find_widget (page, GTK_TYPE_LABEL, xf_pioneer_get_id_number (pioneer)));
  g_assert_true (gtk_widget_activate_action (page, "profile.reveal-id", NULL));
  g_assert_nonnull (xf_test_find_widget (page, GTK_TYPE_LABEL, xf_pioneer_get_id_number (pioneer)));
  g_assert_true (gtk_widget_activate_action (page, "profile.reveal-id", NULL));
  g_assert_nonnull (xf_test_find_widget (page, GTK_TYPE_LABEL, masked));

  /* A national honour makes the card gold; the page follows the registry. */
  xf_registry_add_honour (fixture->registry, fixture->pioneer_id, honour, &error);
  g_assert_no_error (error);
  card = page_child (fixture, "name_card");
  g_assert_true (gtk_widget_has_css_class (card, "tier-national"));
  g_assert_nonnull (xf_test_find_widget (page, ADW_TYPE_ACTION_ROW, "National Model Worker"));

  xf_test_iterate (50);
  xf_test_screenshot (GTK_WIDGET (fixture->window), "profile");
}

static void
test_editor_validates (ProfileFixture *fixture,
                       gconstpointer   data)
{
  XfPioneerEditor *editor = open_editor (fixture);
  GtkWidget *save_button = editor_child (editor, "save_button");
  GtkWidget *id_row = xf_pioneer_editor_get_field_widget (editor, "id-number");
  g_autofree char *new_id = make_id ("33052119751103024");
  g_autoptr(XfPioneer) saved = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  const char *message;
  GtkLabel *beneath;
  gboolean changed_id = FALSE, changed_gender = FALSE;

  /* Unchanged: nothing to save. */
  g_assert_false (gtk_widget_get_sensitive (save_button));

  /* Empty gender and birth date, then a bad identity number. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (xf_pioneer_editor_get_field_widget (editor, "gender")), 0);
  set_text (editor, "birth-date", "");
  set_text (editor, "id-number", "33052119751103024");

  message = xf_pioneer_editor_get_field_error (editor, "id-number");
  g_assert_nonnull (message);
  beneath = message_beneath (editor, "id-number");
  g_assert_nonnull (beneath);
  g_assert_cmpstr (gtk_label_get_text (beneath), ==, message);
  g_assert_true (gtk_widget_has_css_class (id_row, "error"));
  g_assert_false (gtk_widget_get_sensitive (save_button));
  g_assert_false (xf_pioneer_editor_get_valid (editor));

  xf_test_iterate (50);
  xf_test_screenshot (GTK_WIDGET (fixture->window), "profile-editor-error");

  /* A valid one clears the message and fills gender and birth date. */
  set_text (editor, "id-number", new_id);
  g_assert_null (xf_pioneer_editor_get_field_error (editor, "id-number"));
  g_assert_null (message_beneath (editor, "id-number"));
  g_assert_false (gtk_widget_has_css_class (id_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (xf_pioneer_editor_get_field_widget (editor, "birth-date"))),
                   ==, "1975-11-03");
  g_assert_cmpstr (xf_pioneer_get_gender (xf_pioneer_editor_get_pioneer (editor)), ==, "female");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (xf_pioneer_editor_get_field_widget (editor, "gender"))),
                    ==, 2);
  g_assert_true (gtk_widget_get_sensitive (save_button));

  /* The database still has the old record until Save. */
  saved = xf_registry_get_pioneer (fixture->registry, fixture->pioneer_id, NULL);
  g_assert_cmpstr (xf_pioneer_get_gender (saved), ==, "male");
  g_clear_object (&saved);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_cmpstr (visible_page (fixture), ==, "profile");

  saved = xf_registry_get_pioneer (fixture->registry, fixture->pioneer_id, NULL);
  g_assert_cmpstr (xf_pioneer_get_id_number (saved), ==, new_id);
  g_assert_cmpstr (xf_pioneer_get_gender (saved), ==, "female");
  g_assert_cmpstr (xf_pioneer_get_birth_date (saved), ==, "1975-11-03");

  changes = xf_registry_list_changes (fixture->registry, fixture->pioneer_id, NULL);
  g_assert_nonnull (changes);
  g_assert_cmpuint (changes->len, >=, 3);
  for (guint i = 0; i < changes->len; i++)
    {
      XfChange *change = g_ptr_array_index (changes, i);

      changed_id |= g_strcmp0 (change->field, "id-number") == 0 &&
                    g_strcmp0 (change->new_value, new_id) == 0;
      changed_gender |= g_strcmp0 (change->field, "gender") == 0 &&
                        g_strcmp0 (change->new_value, "female") == 0;
    }
  g_assert_true (changed_id);
  g_assert_true (changed_gender);

  /* The history section shows the change. */
  g_assert_nonnull (xf_test_find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW,
                                         xf_pioneer_field_label ("gender")));
}

static void
test_mismatch_on_both_fields (ProfileFixture *fixture,
                              gconstpointer   data)
{
  XfPioneerEditor *editor = open_editor (fixture);

  /* The number says male (sequence 013); saying female is a mismatch. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (xf_pioneer_editor_get_field_widget (editor, "gender")), 2);
  g_assert_nonnull (xf_pioneer_editor_get_field_error (editor, "gender"));
  g_assert_nonnull (message_beneath (editor, "gender"));
  g_assert_false (gtk_widget_get_sensitive (editor_child (editor, "save_button")));

  adw_combo_row_set_selected (ADW_COMBO_ROW (xf_pioneer_editor_get_field_widget (editor, "gender")), 1);
  g_assert_null (xf_pioneer_editor_get_field_error (editor, "gender"));
}

static void
test_conflict (ProfileFixture *fixture,
               gconstpointer   data)
{
  XfPioneerEditor *editor = open_editor (fixture);
  g_autoptr(XfPioneer) behind = xf_registry_get_pioneer (fixture->registry, fixture->pioneer_id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *position = NULL;
  AdwMessageDialog *dialog;

  /* Someone else saves first. */
  g_object_set (behind, "mobile", "13800001234", NULL);
  xf_registry_save_pioneer (fixture->registry, behind, &error);
  g_assert_no_error (error);

  set_text (editor, "position", "车间主任");
  g_assert_true (gtk_widget_get_sensitive (editor_child (editor, "save_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));

  dialog = xf_test_find_message_dialog ("Changed elsewhere");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (visible_page (fixture), ==, "editor");

  /* Nothing of ours was written. */
  g_clear_object (&behind);
  behind = xf_registry_get_pioneer (fixture->registry, fixture->pioneer_id, NULL);
  position = xf_pioneer_dup_field (behind, "position");
  g_assert_cmpstr (position, ==, "高级技师");

  /* Reload: their version, our edit gone. */
  adw_message_dialog_response (dialog, "reload");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (xf_pioneer_editor_get_field_widget (editor, "mobile"))),
                   ==, "13800001234");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (xf_pioneer_editor_get_field_widget (editor, "position"))),
                   ==, "高级技师");
  g_assert_false (xf_pioneer_editor_get_changed (editor));
}

static void
test_discard (ProfileFixture *fixture,
              gconstpointer   data)
{
  XfPioneerEditor *editor = open_editor (fixture);
  g_autoptr(XfPioneer) saved = NULL;
  AdwMessageDialog *dialog;

  /* Unchanged: Cancel leaves at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL));
  g_assert_cmpstr (visible_page (fixture), ==, "profile");

  editor = open_editor (fixture);
  set_text (editor, "name", "沈建华");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL));
  dialog = xf_test_find_message_dialog ("Discard changes?");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (visible_page (fixture), ==, "editor");
  adw_message_dialog_response (dialog, "discard");
  g_assert_cmpstr (visible_page (fixture), ==, "profile");

  saved = xf_registry_get_pioneer (fixture->registry, fixture->pioneer_id, NULL);
  g_assert_cmpstr (xf_pioneer_get_name (saved), ==, "沈建国");
}

static void
test_new_pioneer (ProfileFixture *fixture,
                  gconstpointer   data)
{
  GtkStack *stack = GTK_STACK (page_child (fixture, "stack"));
  g_autofree char *id_number = make_id ("33052219900101002");
  g_autoptr(XfPioneer) created = NULL;
  g_autofree char *mobile = NULL;
  XfPioneerEditor *editor;
  AdwComboRow *region;
  AdwComboRow *organisation;
  gint64 new_id;

  xf_profile_page_new_pioneer (fixture->page, "individual");
  g_assert_cmpstr (visible_page (fixture), ==, "editor");
  editor = XF_PIONEER_EDITOR (gtk_stack_get_visible_child (stack));

  /* Step 1: the required fields only. */
  g_assert_true (gtk_widget_get_visible (editor_child (editor, "next_button")));
  g_assert_false (gtk_widget_get_visible (editor_child (editor, "save_button")));
  g_assert_false (gtk_widget_get_sensitive (editor_child (editor, "next_button")));
  g_assert_false (gtk_widget_get_mapped (xf_pioneer_editor_get_field_widget (editor, "mobile")));

  set_text (editor, "name", "钱晓燕");
  set_text (editor, "id-number", id_number);
  region = ADW_COMBO_ROW (xf_pioneer_editor_get_field_widget (editor, "region-code"));
  organisation = ADW_COMBO_ROW (xf_pioneer_editor_get_field_widget (editor, "organisation-id"));
  adw_combo_row_set_selected (region, 1);
  adw_combo_row_set_selected (organisation, 1);
  g_assert_true (gtk_widget_get_sensitive (editor_child (editor, "next_button")));
  g_assert_cmpstr (xf_pioneer_get_gender (xf_pioneer_editor_get_pioneer (editor)), ==, "female");
  xf_test_iterate (50);
  xf_test_screenshot (GTK_WIDGET (fixture->window), "profile-new");

  /* Step 2: the rest, then save. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.next", NULL));
  g_assert_true (gtk_widget_get_visible (editor_child (editor, "save_button")));
  xf_test_iterate (20);
  g_assert_true (gtk_widget_get_mapped (xf_pioneer_editor_get_field_widget (editor, "mobile")));
  set_text (editor, "mobile", "13912345678");
  g_assert_true (gtk_widget_get_sensitive (editor_child (editor, "save_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));

  /* The new profile is shown. */
  g_assert_cmpstr (visible_page (fixture), ==, "profile");
  new_id = xf_profile_page_get_pioneer_id (fixture->page);
  g_assert_cmpint (new_id, >, 0);
  g_assert_cmpint (new_id, !=, fixture->pioneer_id);
  created = xf_registry_get_pioneer (fixture->registry, new_id, NULL);
  g_assert_cmpstr (xf_pioneer_get_name (created), ==, "钱晓燕");
  g_assert_cmpstr (xf_pioneer_get_id_number (created), ==, id_number);
  g_assert_cmpstr (xf_pioneer_get_birth_date (created), ==, "1990-01-01");
  mobile = xf_pioneer_dup_field (created, "mobile");
  g_assert_cmpstr (mobile, ==, "13912345678");
}

static void
test_duplicate (ProfileFixture *fixture,
                gconstpointer   data)
{
  GtkStack *stack = GTK_STACK (page_child (fixture, "stack"));
  g_autoptr(XfPioneer) existing = xf_registry_get_pioneer (fixture->registry, fixture->pioneer_id, NULL);
  XfPioneerEditor *editor;

  /* A second file with the first one's identity number. */
  xf_profile_page_new_pioneer (fixture->page, "individual");
  editor = XF_PIONEER_EDITOR (gtk_stack_get_visible_child (stack));
  set_text (editor, "name", "沈建国");
  set_text (editor, "id-number", xf_pioneer_get_id_number (existing));
  adw_combo_row_set_selected (ADW_COMBO_ROW (xf_pioneer_editor_get_field_widget (editor, "region-code")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (xf_pioneer_editor_get_field_widget (editor, "organisation-id")), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.next", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));

  /* Refused, and the reason sits beside the identity number, back on step 1. */
  g_assert_cmpstr (visible_page (fixture), ==, "editor");
  g_assert_nonnull (xf_pioneer_editor_get_field_error (editor, "id-number"));
  g_assert_nonnull (message_beneath (editor, "id-number"));
  g_assert_true (gtk_widget_get_visible (editor_child (editor, "next_button")));
  g_assert_false (gtk_widget_get_sensitive (editor_child (editor, "next_button")));

  /* Typing again clears it. */
  set_text (editor, "id-number", "");
  set_text (editor, "id-number", xf_pioneer_get_id_number (existing));
  g_assert_null (xf_pioneer_editor_get_field_error (editor, "id-number"));
}

static void
test_archive_restore (ProfileFixture *fixture,
                      gconstpointer   data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkWidget *bar = page_child (fixture, "archived_bar");
  g_autoptr(XfPioneer) saved = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_assert_false (gtk_widget_get_visible (bar));
  g_assert_true (gtk_widget_activate_action (page, "profile.archive", NULL));
  dialog = xf_test_find_message_dialog ("Archive file?");
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "archive"));
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Retired and moved away");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "archive"));
  adw_message_dialog_response (dialog, "archive");

  saved = xf_registry_get_pioneer (fixture->registry, fixture->pioneer_id, NULL);
  g_assert_cmpstr (xf_pioneer_get_status (saved), ==, "archived");
  g_assert_true (gtk_widget_get_visible (bar));
  g_assert_nonnull (xf_test_find_widget (bar, GTK_TYPE_LABEL,
                                         "This file is archived: Retired and moved away"));
  xf_test_iterate (50);
  xf_test_screenshot (GTK_WIDGET (fixture->window), "profile-archived");

  g_assert_true (gtk_widget_activate_action (page, "profile.restore", NULL));
  g_clear_object (&saved);
  saved = xf_registry_get_pioneer (fixture->registry, fixture->pioneer_id, NULL);
  g_assert_cmpstr (xf_pioneer_get_status (saved), ==, "active");
  g_assert_false (gtk_widget_get_visible (bar));
}

static XfHonourDialog *
find_honour_dialog (void)
{
  return (XfHonourDialog *) xf_test_find_toplevel (XF_TYPE_HONOUR_DIALOG);
}

static void
test_honours (ProfileFixture *fixture,
              gconstpointer   data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  g_autoptr(GListModel) honours = NULL;
  g_autoptr(XfHonour) honour = NULL;
  XfHonourDialog *dialog;
  AdwMessageDialog *confirm;

  g_assert_true (gtk_widget_activate_action (page, "profile.add-honour", NULL));
  dialog = find_honour_dialog ();
  g_assert_nonnull (dialog);
  /* The first reference title (National Model Worker) is preselected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "honour.add", NULL));
  g_assert_null (find_honour_dialog ());

  honours = xf_registry_list_honours (fixture->registry, fixture->pioneer_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (honours), ==, 1);
  honour = g_list_model_get_item (honours, 0);
  g_assert_cmpstr (xf_honour_get_title (honour), ==, "全国劳动模范");
  g_assert_cmpstr (xf_honour_get_level (honour), ==, "national");

  g_assert_true (gtk_widget_activate_action (page, "profile.remove-honour", "x",
                                             xf_honour_get_id (honour)));
  confirm = xf_test_find_message_dialog ("Remove honour?");
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "remove");
  g_clear_object (&honours);
  honours = xf_registry_list_honours (fixture->registry, fixture->pioneer_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (honours), ==, 0);
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

static void
test_follows_registry (ProfileFixture *fixture,
                       gconstpointer   data)
{
  AdwWindowTitle *title = ADW_WINDOW_TITLE (page_child (fixture, "window_title"));
  g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (fixture->registry, fixture->pioneer_id, NULL);
  g_autoptr(GError) error = NULL;
  gboolean closed = FALSE;

  g_object_set (pioneer, "name", "沈建国（改）", NULL);
  xf_registry_save_pioneer (fixture->registry, pioneer, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "沈建国（改）");

  g_signal_connect_swapped (fixture->page, "closed", G_CALLBACK (set_true), &closed);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "profile.close", NULL));
  g_assert_true (closed);
}

static void
test_read_only (ProfileFixture *fixture,
                gconstpointer   data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkWidget *edit_button = page_child (fixture, "edit_button");
  GtkWidget *add_honour_button = page_child (fixture, "add_honour_button");
  g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (fixture->registry, fixture->pioneer_id, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (xf_profile_page_get_read_only (fixture->page));
  g_assert_true (gtk_widget_get_sensitive (edit_button));
  g_assert_true (gtk_widget_get_sensitive (add_honour_button));

  xf_profile_page_set_read_only (fixture->page, TRUE);
  /* Every change is off, and the buttons say why. */
  g_assert_false (gtk_widget_get_sensitive (edit_button));
  g_assert_false (gtk_widget_get_sensitive (add_honour_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (edit_button), ==, "The database is open read-only: this file cannot be changed.");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (add_honour_button), ==, "The database is open read-only: this file cannot be changed.");
  g_assert_true (gtk_widget_get_visible (page_child (fixture, "read_only_bar")));
  g_assert_nonnull (xf_test_find_widget (page_child (fixture, "read_only_bar"), GTK_TYPE_LABEL,
                                         "The database is open read-only: this file cannot be changed."));
  gtk_widget_activate_action (page, "profile.edit", NULL);
  gtk_widget_activate_action (page, "profile.archive", NULL);
  gtk_widget_activate_action (page, "profile.add-honour", NULL);
  xf_test_iterate (20);
  g_assert_cmpstr (visible_page (fixture), ==, "profile");
  g_assert_null (xf_test_find_message_dialog ("Archive file?"));
  g_assert_null (find_honour_dialog ());
  xf_profile_page_new_pioneer (fixture->page, "individual");
  g_assert_cmpstr (visible_page (fixture), ==, "profile");
  xf_test_iterate (50);
  xf_test_screenshot (GTK_WIDGET (fixture->window), "profile-read-only");

  /* An archived file cannot be restored either. */
  xf_registry_archive_pioneer (fixture->registry, pioneer, "Moved away", &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_visible (page_child (fixture, "archived_bar")));
  g_assert_false (gtk_widget_get_sensitive (page_child (fixture, "restore_button")));

  xf_profile_page_set_read_only (fixture->page, FALSE);
  g_assert_true (gtk_widget_get_sensitive (edit_button));
  g_assert_true (gtk_widget_get_sensitive (page_child (fixture, "restore_button")));
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "read_only_bar")));
}

static void
test_new_then_cancel (ProfileFixture *fixture,
                      gconstpointer   data)
{
  XfPioneerEditor *editor;

  /* While a new file is being made, no saved file is shown. */
  xf_profile_page_new_pioneer (fixture->page, "collective");
  g_assert_cmpstr (visible_page (fixture), ==, "editor");
  g_assert_cmpint (xf_profile_page_get_pioneer_id (fixture->page), ==, 0);
  g_assert_false (xf_profile_page_has_unsaved_edits (fixture->page));

  /* Ctrl+E does not swap the form for the old file. */
  editor = XF_PIONEER_EDITOR (gtk_stack_get_visible_child (GTK_STACK (page_child (fixture, "stack"))));
  set_text (editor, "name", "德清县钟管镇志愿服务队");
  g_assert_true (xf_profile_page_has_unsaved_edits (fixture->page));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "profile.edit", NULL);
  g_assert_cmpstr (xf_pioneer_get_name (xf_pioneer_editor_get_pioneer (editor)), ==, "德清县钟管镇志愿服务队");

  /* Cancelled, it goes back to the file open before. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL));
  adw_message_dialog_response (xf_test_find_message_dialog ("Discard changes?"), "discard");
  g_assert_cmpstr (visible_page (fixture), ==, "profile");
  g_assert_cmpint (xf_profile_page_get_pioneer_id (fixture->page), ==, fixture->pioneer_id);
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_ui_init (&argc, &argv))
    return 0;
  xf_test_disable_animations ();

#define ADD(path, fn) \
  g_test_add (path, ProfileFixture, NULL, profile_set_up, fn, profile_tear_down)

  ADD ("/ui/profile/shows-file", test_shows_file);
  ADD ("/ui/profile/editor-validates", test_editor_validates);
  ADD ("/ui/profile/mismatch", test_mismatch_on_both_fields);
  ADD ("/ui/profile/conflict", test_conflict);
  ADD ("/ui/profile/discard", test_discard);
  ADD ("/ui/profile/new-pioneer", test_new_pioneer);
  ADD ("/ui/profile/duplicate", test_duplicate);
  ADD ("/ui/profile/archive-restore", test_archive_restore);
  ADD ("/ui/profile/honours", test_honours);
  ADD ("/ui/profile/follows-registry", test_follows_registry);
  ADD ("/ui/profile/read-only", test_read_only);
  ADD ("/ui/profile/new-then-cancel", test_new_then_cancel);

#undef ADD

  return g_test_run ();
}
