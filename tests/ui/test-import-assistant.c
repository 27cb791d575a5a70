/* test-import-assistant.c — the import assistant: a GB18030 CSV from the
 * registry's menu to the report, cancelling the check and the import, and Escape
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * meson runs it in English and with LANGUAGE=zh_CN; with
 * XIANFENG_SCREENSHOT_DIR set it saves "import-mapping" (the columns,
 * matched by themselves) and "import-preview" (a row with a bad identity
 * number and a duplicate of a demo pioneer), with "-zh_CN" for Chinese;
 * also "import-merge", "import-report" and "import-preview-narrow" (at
 * 360 pixels).
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "xf-import-assistant.h"
#include "xf-merge-dialog.h"
#include "xf-registry-page.h"
#include "xf-test-util.h"
#include "xf-window.h"

typedef struct
{
  XfTestWindow    ui;
  XfRegistryPage *page;
  XfRegistry     *registry;
  XfPioneer      *existing;   /* a demo pioneer with an identity number */
  char           *csv;
} Fixture;

/*
 * The file
 */

/* A valid identity number (GB 11643): @area, @birth (YYYYMMDD), @sequence
 * (odd: a man), then the check character. */
static char *
make_id_number (const char *area,
                const char *birth,
                const char *sequence)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  g_autofree char *body = g_strconcat (area, birth, sequence, NULL);
  int sum = 0;

  g_assert_cmpuint (strlen (body), ==, 17);
  for (guint i = 0; i < 17; i++)
    sum += (body[i] - '0') * weights[i];
  return g_strdup_printf ("%s%c", body, "10X98765432"[sum % 11]);
}

/* The same number with a wrong check character. */
static char *
spoil_id_number (const char *number)
{
  char *bad = g_strdup (number);

  bad[17] = bad[17] == '0' ? '1' : '0';
  return bad;
}

static XfPioneer *
find_existing (XfRegistry *registry)
{
  for (gint64 id = 1; id < 200; id++)
    {
      g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (registry, id, NULL);
      g_autofree char *birth = NULL;

      if (pioneer == NULL || xf_pioneer_is_collective (pioneer) ||
          xf_pioneer_get_id_number (pioneer) == NULL)
        continue;
      g_object_get (pioneer, "birth-date", &birth, NULL);
      if (birth != NULL)
        return g_steal_pointer (&pioneer);
    }
  g_assert_not_reached ();
}

#define POSITION_FROM_FILE "首席技师（导入）"

/* Line 2 and 5 are new, 3 has a bad identity number (fixed in the test),
 * 4 is the demo pioneer (merged), 6 has an impossible birth date (left out). */
static char *
write_csv (Fixture *fixture)
{
  g_autofree char *id_zhang = make_id_number ("330521", "19800512", "013");
  g_autofree char *id_li = make_id_number ("330521", "19900302", "022");
  g_autofree char *bad_li = spoil_id_number (id_li);
  g_autofree char *id_wang = make_id_number ("330521", "19910315", "024");
  g_autofree char *name = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *text = NULL;
  g_autofree char *encoded = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->ui.dir, "会员名单.csv", NULL);
  gsize length = 0;

  g_object_get (fixture->existing, "name", &name, "birth-date", &birth, NULL);
  text = g_strdup_printf ("姓名,性别,出生日期,身份证号码,手机,工作单位,职务,所在地区\r\n"
                          "张建华,男,1980-05-12,%s,13800138001,浙江德清金属制品有限公司,技术员,德清县\r\n"
                          "李秀英,女,1990-03-02,%s,13800138002,德清县人民医院,护士,德清县\r\n"
                          "%s,,%s,%s,,,%s,\r\n"
                          "王丽,女,1991/3/15,%s,13800138003,德清县新市镇卫生院,药剂师,德清县\r\n"
                          "赵强,男,1975-13-40,,13800138004,德清县交通运输局,驾驶员,德清县\r\n",
                          id_zhang, bad_li, name, birth, xf_pioneer_get_id_number (fixture->existing),
                          POSITION_FROM_FILE, id_wang);
  encoded = g_convert (text, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, encoded, length, &error);
  g_assert_no_error (error);
  return path;
}

static char *
write_large_csv (Fixture *fixture,
                 guint    n_rows)
{
  g_autoptr(GString) text = g_string_new ("姓名,出生日期,工作单位\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->ui.dir, "large.csv", NULL);

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "职工%u,1980-01-%02u,德清县第%u工厂\n", i, 1 + i % 28, i % 50);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return path;
}

/*
 * The scene
 */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  xf_test_disable_animations ();
  xf_test_window_set_up_demo (&fixture->ui, 30, 5);
  fixture->page = XF_REGISTRY_PAGE (xf_window_get_registry_page (fixture->ui.window));
  fixture->registry = xf_registry_page_get_registry (fixture->page);
  fixture->existing = find_existing (fixture->registry);
  fixture->csv = write_csv (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xf_test_close_dialogs (XF_TYPE_MERGE_DIALOG);
  xf_test_close_dialogs (XF_TYPE_IMPORT_ASSISTANT);
  xf_test_iterate (50);
  g_clear_object (&fixture->existing);
  g_clear_pointer (&fixture->csv, g_free);
  xf_test_window_tear_down (&fixture->ui, data);
}

static gint64
count_pioneers (Fixture *fixture)
{
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autoptr(GError) error = NULL;
  gint64 n = xf_registry_count_pioneers (fixture->registry, query, &error);

  g_assert_no_error (error);
  return n;
}

static XfImportAssistant *
open_assistant (Fixture *fixture)
{
  GtkWindow *assistant;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.import", NULL));
  assistant = xf_test_find_toplevel (XF_TYPE_IMPORT_ASSISTANT);
  g_assert_nonnull (assistant);
  xf_test_show_window (assistant);
  g_assert_cmpstr (xf_import_assistant_get_step (XF_IMPORT_ASSISTANT (assistant)), ==, "file");
  return XF_IMPORT_ASSISTANT (assistant);
}

static gboolean
is_idle (gpointer data)
{
  return !xf_import_assistant_is_busy (data);
}

static void
wait_idle (XfImportAssistant *assistant)
{
  g_assert_true (xf_test_wait_until (is_idle, assistant, 60000));
  xf_test_iterate (50);
}

static void
load (XfImportAssistant *assistant,
      const char        *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  xf_import_assistant_open_file (assistant, file);
  g_assert_true (xf_import_assistant_is_busy (assistant));
  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "busy");
  wait_idle (assistant);
  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "file");
  g_assert_nonnull (xf_import_assistant_get_import (assistant));
}

static void
activate (XfImportAssistant *assistant,
          const char        *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), action, NULL));
}

static GtkWidget *
child (XfImportAssistant *assistant,
       const char        *name)
{
  return xf_test_template_child (assistant, XF_TYPE_IMPORT_ASSISTANT, name);
}

/* The first @type widget under @root that is drawn and whose text
 * (label, editable or button label) satisfies @match. */
static GtkWidget *
find_shown (GtkWidget  *root,
            GType       type,
            gboolean  (*match) (GtkWidget *widget, gconstpointer data),
            gconstpointer data)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (g_type_is_a (G_OBJECT_TYPE (root), type) && match (root, data))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_shown (c, type, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
editable_is (GtkWidget     *widget,
             gconstpointer  data)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), data) == 0;
}

static gboolean
label_starts_with (GtkWidget     *widget,
                   gconstpointer  data)
{
  return g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), data);
}

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  data)
{
  return strstr (gtk_label_get_label (GTK_LABEL (widget)), data) != NULL;
}

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

static gboolean
any_widget (GtkWidget     *widget,
            gconstpointer  data)
{
  return TRUE;
}

/* The row of the file at @line (1 is the header). */
static guint
row_at_line (XfImport *import,
             guint64   line)
{
  for (guint row = 0; row < xf_import_get_n_rows (import); row++)
    if (xf_import_get_row_line (import, row) == line)
      return row;
  g_assert_not_reached ();
}

static const char *
filter_count (XfImportAssistant *assistant,
              const char        *filter)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (child (assistant, filter)), "count-label");

  g_assert_nonnull (label);
  return gtk_label_get_label (label);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
chooser_has_file (gpointer data)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (data));

  return chosen != NULL;
}

/* What Escape does in @widget: its shortcut controllers' Escape. */
static gboolean
escape_in (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Escape)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget, NULL);
        }
    }
  return FALSE;
}

static gboolean
is_english (void)
{
  return g_str_equal (xf_test_language_suffix (), "");
}

/*
 * The whole way
 */

static void
test_flow (Fixture       *fixture,
           gconstpointer  data)
{
  XfImportAssistant *assistant;
  XfImport *import;
  GtkWidget *column_view;
  GtkWidget *cell;
  GtkWidget *merge_button;
  GtkWindow *dialog;
  g_autoptr(GPtrArray) merge_fields = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_li = make_id_number ("330521", "19900302", "022");
  g_autofree char *bad_li = spoil_id_number (id_li);
  g_autoptr(XfPioneer) merged = NULL;
  g_autoptr(XfImportReport) report = NULL;
  const char * const *chosen;
  gint64 before = count_pioneers (fixture);
  guint listed_before = g_list_model_get_n_items (xf_registry_page_get_model (fixture->page));
  guint problem_row, duplicate_row;
  const char *label_id_number;

  assistant = open_assistant (fixture);
  load (assistant, fixture->csv);
  import = xf_import_assistant_get_import (assistant);

  /* Step 1: a GB18030 CSV of individuals, five rows. */
  g_assert_cmpint (xf_import_get_kind (import), ==, XF_IMPORT_KIND_INDIVIDUALS);
  g_assert_cmpuint (xf_import_get_n_rows (import), ==, 5);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (assistant, "file_row"))), "GB18030"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child (assistant, "file_row"))), ==, "会员名单.csv");

  /* Step 2: the Chinese headers matched themselves; nothing required is missing. */
  activate (assistant, "import.next");
  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "mapping");
  g_assert_cmpstr (xf_import_get_column_field (import, 0), ==, "name");
  g_assert_cmpstr (xf_import_get_column_field (import, 1), ==, "gender");
  g_assert_cmpstr (xf_import_get_column_field (import, 2), ==, "birth-date");
  g_assert_cmpstr (xf_import_get_column_field (import, 3), ==, "id-number");
  g_assert_cmpstr (xf_import_get_column_field (import, 4), ==, "mobile");
  g_assert_cmpstr (xf_import_get_column_field (import, 5), ==, "employer");
  g_assert_cmpstr (xf_import_get_column_field (import, 6), ==, "position");
  g_assert_cmpstr (xf_import_get_column_field (import, 7), ==, "region-code");
  g_assert_false (gtk_widget_get_visible (child (assistant, "missing_label")));
  g_assert_false (gtk_widget_get_visible (child (assistant, "remembered_label")));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (child (assistant, "remember_switch"))));
  xf_test_iterate (100);
  xf_test_screenshot_in_language (GTK_WIDGET (assistant), "import-mapping");

  /* Step 3: checked in a worker; the bad number and the demo pioneer stand out. */
  activate (assistant, "import.next");
  wait_idle (assistant);
  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "preview");
  g_assert_true (xf_import_is_mapping_remembered (import));
  g_assert_true (xf_import_is_analysed (import));
  problem_row = row_at_line (import, 3);
  duplicate_row = row_at_line (import, 4);
  g_assert_cmpint (xf_import_get_row_state (import, problem_row), ==, XF_IMPORT_ROW_PROBLEM);
  g_assert_cmpint (xf_import_get_row_state (import, duplicate_row), ==, XF_IMPORT_ROW_DUPLICATE);
  g_assert_cmpint (xf_import_get_row_state (import, row_at_line (import, 6)), ==, XF_IMPORT_ROW_PROBLEM);
  g_assert_cmpint (xf_import_get_row_state (import, row_at_line (import, 2)), ==, XF_IMPORT_ROW_NEW);
  g_assert_cmpstr (filter_count (assistant, "filter_all"), ==, "5");
  g_assert_cmpstr (filter_count (assistant, "filter_problems"), ==, "2");
  g_assert_cmpstr (filter_count (assistant, "filter_duplicates"), ==, "1");
  g_assert_cmpstr (filter_count (assistant, "filter_import"), ==, "2");

  /* The problem is shown next to its line, naming the field. */
  column_view = child (assistant, "column_view");
  label_id_number = xf_import_field_label (XF_IMPORT_KIND_INDIVIDUALS, "id-number");
  xf_test_iterate (100);
  g_assert_nonnull (find_shown (column_view, GTK_TYPE_LABEL, label_starts_with, label_id_number));
  g_assert_nonnull (find_shown (column_view, GTK_TYPE_LABEL, label_is, "3"));
  g_assert_nonnull (xf_import_get_row_duplicate_label (import, duplicate_row));
  g_assert_nonnull (find_shown (column_view, GTK_TYPE_LABEL, label_contains,
                                xf_import_get_row_duplicate_label (import, duplicate_row)));
  xf_test_screenshot_in_language (GTK_WIDGET (assistant), "import-preview");

  /* Only the problems: the bad identity number is fixed in its cell. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (assistant, "filter_problems")), TRUE);
  xf_test_iterate (100);
  cell = find_shown (column_view, GTK_TYPE_ENTRY, editable_is, bad_li);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (cell));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (cell), label_id_number));
  /* A change taken back with Escape goes nowhere. */
  gtk_widget_grab_focus (cell);
  gtk_editable_set_text (GTK_EDITABLE (cell), "330521");
  g_assert_true (escape_in (cell));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, bad_li);
  g_assert_cmpint (xf_import_get_row_state (import, problem_row), ==, XF_IMPORT_ROW_PROBLEM);
  gtk_editable_set_text (GTK_EDITABLE (cell), id_li);
  g_signal_emit_by_name (cell, "activate");
  xf_test_iterate (50);
  g_assert_cmpstr (xf_import_get_cell (import, problem_row, 3), ==, id_li);
  g_assert_cmpint (xf_import_get_row_state (import, problem_row), ==, XF_IMPORT_ROW_NEW);
  g_assert_false (gtk_widget_has_css_class (cell, "error"));
  g_assert_cmpstr (filter_count (assistant, "filter_problems"), ==, "1");
  g_assert_cmpstr (filter_count (assistant, "filter_import"), ==, "3");

  /* The duplicate: merged with one field, the position from the file. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (assistant, "filter_duplicates")), TRUE);
  xf_test_iterate (100);
  merge_button = find_shown (column_view, GTK_TYPE_BUTTON, any_widget, NULL);
  while (merge_button != NULL && GTK_IS_CHECK_BUTTON (merge_button))
    merge_button = gtk_widget_get_next_sibling (merge_button);
  g_assert_nonnull (merge_button);
  g_assert_true (gtk_widget_get_visible (merge_button));
  g_signal_emit_by_name (merge_button, "clicked");
  dialog = xf_test_find_toplevel (XF_TYPE_MERGE_DIALOG);
  g_assert_nonnull (dialog);
  xf_test_show_window (dialog);
  merge_fields = xf_import_get_merge_fields (import, duplicate_row, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < merge_fields->len; i++)
    {
      XfImportMergeField *field = g_ptr_array_index (merge_fields, i);
      GtkCheckButton *check = xf_merge_dialog_get_check (XF_MERGE_DIALOG (dialog), field->field);

      g_assert_nonnull (check);
      /* Pre-checked only where the record is empty. */
      if (gtk_check_button_get_active (check))
        g_assert_true (field->existing == NULL || *field->existing == '\0');
      gtk_check_button_set_active (check, g_str_equal (field->field, "position"));
    }
  xf_test_screenshot_in_language (GTK_WIDGET (dialog), "import-merge");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.apply", NULL));
  xf_test_iterate (50);
  g_assert_null (xf_test_find_toplevel (XF_TYPE_MERGE_DIALOG));
  g_assert_cmpint (xf_import_get_row_state (import, duplicate_row), ==, XF_IMPORT_ROW_MERGE);
  chosen = xf_import_get_merge (import, duplicate_row);
  g_assert_nonnull (chosen);
  g_assert_cmpuint (g_strv_length ((char **) chosen), ==, 1);
  g_assert_cmpstr (chosen[0], ==, "position");
  g_assert_cmpstr (filter_count (assistant, "filter_import"), ==, "4");

  /* Step 4: the summary, then the import in one go. */
  activate (assistant, "import.next");
  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "import");
  if (is_english ())
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (assistant, "summary_label"))), ==,
                     "3 will be created, 1 merged, 1 left out");
  g_assert_cmpint (count_pioneers (fixture), ==, before);
  activate (assistant, "import.commit");
  g_assert_true (xf_import_assistant_is_busy (assistant));
  wait_idle (assistant);
  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "report");
  g_assert_true (xf_import_is_committed (import));

  /* The registry has three more files, and the merged one its new position. */
  g_assert_cmpint (count_pioneers (fixture), ==, before + 3);
  g_assert_cmpuint (g_list_model_get_n_items (xf_registry_page_get_model (fixture->page)), ==, listed_before + 3);
  merged = xf_registry_get_pioneer (fixture->registry, xf_pioneer_get_id (fixture->existing), &error);
  g_assert_no_error (error);
  {
    g_autofree char *position = NULL;

    g_object_get (merged, "position", &position, NULL);
    g_assert_cmpstr (position, ==, POSITION_FROM_FILE);
  }

  /* The report lists the row left out, with its line and reason. */
  report = xf_import_get_report (import);
  g_assert_cmpuint (report->created, ==, 3);
  g_assert_cmpuint (report->merged, ==, 1);
  g_assert_cmpuint (report->left_out->len, ==, 1);
  {
    const XfImportLeftOut *left_out = g_ptr_array_index (report->left_out, 0);
    GtkWidget *group = child (assistant, "left_out_group");
    GtkWidget *row = xf_test_find_widget (group, ADW_TYPE_ACTION_ROW, NULL);

    g_assert_cmpuint (left_out->line, ==, 6);
    g_assert_nonnull (row);
    g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "6"));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, left_out->reason);
    g_assert_true (gtk_widget_get_visible (child (assistant, "save_left_out_button")));
  }
  g_assert_true (gtk_widget_get_visible (child (assistant, "close_button")));
  g_assert_false (gtk_widget_get_visible (child (assistant, "back_button")));

  xf_test_screenshot_in_language (GTK_WIDGET (assistant), "import-report");

  /* Save Left-Out Rows…: the row, its line and reason, to fix and import again. */
  {
    g_autoptr(GFile) folder = g_file_new_for_path (fixture->ui.dir);
    g_autofree char *saved = g_build_filename (fixture->ui.dir, "left-out.csv", NULL);
    g_autofree char *contents = NULL;
    GtkWindow *chooser;

    activate (assistant, "import.save-left-out");
    chooser = xf_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
    g_assert_nonnull (chooser);
    g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (chooser));
    g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "left-out.csv");
    /* The chooser takes the name once its folder has loaded. */
    g_assert_true (xf_test_wait_until (chooser_has_file, chooser, 5000));
    /* The chooser checks the name before it answers. */
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
    g_assert_true (xf_test_wait_until (file_exists, saved, 5000));
    if (gtk_revealer_get_reveal_child (GTK_REVEALER (child (assistant, "error_revealer"))))
      g_error ("%s", gtk_label_get_label (GTK_LABEL (child (assistant, "error_label"))));
    g_assert_true (g_file_get_contents (saved, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "赵强"));
    g_assert_nonnull (strstr (contents, "1975-13-40"));
    g_assert_null (strstr (contents, "张建华"));
    g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (child (assistant, "error_revealer"))));
  }

  /* Closing after the import asks nothing. */
  activate (assistant, "window.close");
  xf_test_iterate (50);
  g_assert_null (xf_test_find_toplevel (XF_TYPE_IMPORT_ASSISTANT));
  g_assert_null (xf_test_find_message_dialog (_("Stop Importing?")));

  /* The next file with these headers comes with the mapping remembered. */
  assistant = open_assistant (fixture);
  load (assistant, fixture->csv);
  activate (assistant, "import.next");
  g_assert_true (xf_import_is_mapping_remembered (xf_import_assistant_get_import (assistant)));
  g_assert_true (gtk_widget_get_visible (child (assistant, "remembered_label")));
}

/*
 * Cancelling the check and the import
 */

static void
test_cancel (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *large = write_large_csv (fixture, 25000);
  gint64 before = count_pioneers (fixture);
  XfImportAssistant *assistant = open_assistant (fixture);
  XfImport *import;
  GtkRevealer *revealer;

  load (assistant, large);
  import = xf_import_assistant_get_import (assistant);
  g_assert_cmpuint (xf_import_get_n_rows (import), ==, 25000);
  activate (assistant, "import.next");
  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "mapping");
  activate (assistant, "import.next");
  g_assert_true (xf_import_assistant_is_busy (assistant));
  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "busy");
  /* Back and Next are out of reach meanwhile; Cancel is not. */
  g_assert_false (gtk_widget_get_visible (child (assistant, "next_button")));
  g_assert_false (gtk_widget_get_visible (child (assistant, "back_button")));
  g_assert_true (gtk_widget_is_sensitive (child (assistant, "stop_button")));
  activate (assistant, "import.stop");
  wait_idle (assistant);

  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "mapping");
  g_assert_false (xf_import_is_analysed (import));
  revealer = GTK_REVEALER (child (assistant, "error_revealer"));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  if (is_english ())
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (assistant, "error_label"))), ==,
                     "The check was cancelled. Nothing has been imported.");

  /* And it can run again to its end. */
  activate (assistant, "import.next");
  wait_idle (assistant);
  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "preview");
  g_assert_cmpuint (xf_import_count_rows (import, XF_IMPORT_ROW_NEW), ==, 25000);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  /* Cancelling the import (more than 20,000 rows: the bulk path) undoes it, and says so. */
  activate (assistant, "import.next");
  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "import");
  activate (assistant, "import.commit");
  g_assert_true (xf_import_assistant_is_busy (assistant));
  activate (assistant, "import.stop");
  wait_idle (assistant);
  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "import");
  g_assert_false (xf_import_is_committed (import));
  g_assert_cmpint (count_pioneers (fixture), ==, before);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  if (is_english ())
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (assistant, "error_label"))), ==,
                     "The import was cancelled and undone: nothing was imported.");
  /* The preview is still there to go back to. */
  activate (assistant, "import.back");
  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "preview");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (assistant, "preview_stack"))), ==, "rows");
}

/*
 * Escape
 */

/* As a click on the button does: the response, then the dialog closes. */
static void
answer (AdwMessageDialog *question,
        const char       *response)
{
  adw_message_dialog_response (question, response);
  gtk_window_destroy (GTK_WINDOW (question));
  xf_test_iterate (50);
}

static void
test_escape (Fixture       *fixture,
             gconstpointer  data)
{
  XfImportAssistant *assistant = open_assistant (fixture);
  AdwMessageDialog *question;

  /* Nothing chosen yet: Escape just closes. */
  activate (assistant, "window.close");
  xf_test_iterate (50);
  g_assert_null (xf_test_find_toplevel (XF_TYPE_IMPORT_ASSISTANT));

  /* Past the first step, it asks first. */
  assistant = open_assistant (fixture);
  load (assistant, fixture->csv);
  activate (assistant, "import.next");
  activate (assistant, "window.close");
  xf_test_iterate (50);
  question = xf_test_find_message_dialog (_("Stop Importing?"));
  g_assert_nonnull (question);
  g_assert_true (xf_test_find_toplevel (XF_TYPE_IMPORT_ASSISTANT) == GTK_WINDOW (assistant));
  /* Once asked, a second Escape does not ask twice. */
  activate (assistant, "window.close");
  xf_test_iterate (50);
  answer (question, "cancel");
  g_assert_null (xf_test_find_message_dialog (_("Stop Importing?")));
  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "mapping");

  activate (assistant, "window.close");
  xf_test_iterate (50);
  question = xf_test_find_message_dialog (_("Stop Importing?"));
  g_assert_nonnull (question);
  answer (question, "leave");
  g_assert_null (xf_test_find_toplevel (XF_TYPE_IMPORT_ASSISTANT));
  g_assert_null (xf_test_find_message_dialog (_("Stop Importing?")));
}

/*
 * Keyboard
 */

static GtkWidget *
focus_of (XfImportAssistant *assistant)
{
  return gtk_window_get_focus (GTK_WINDOW (assistant));
}

static GtkWidget *
default_of (XfImportAssistant *assistant)
{
  return gtk_window_get_default_widget (GTK_WINDOW (assistant));
}

static gboolean
step_is_not (gpointer data)
{
  XfImportAssistant *assistant = data;

  return g_strcmp0 (xf_import_assistant_get_step (assistant),
                    g_object_get_data (G_OBJECT (assistant), "step-was")) != 0;
}

/* Enter: the default button, pressed as a key press does (its "clicked"
 * comes a moment later). */
static void
press_enter (XfImportAssistant *assistant)
{
  g_object_set_data_full (G_OBJECT (assistant), "step-was",
                          g_strdup (xf_import_assistant_get_step (assistant)), g_free);
  activate (assistant, "default.activate");
  g_assert_true (xf_test_wait_until (step_is_not, assistant, 5000));
}

/* Each step starts on its way forward, and Enter goes on: it pressed
 * Cancel (the only button with focus) and dropped the loaded file. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  XfImportAssistant *assistant = open_assistant (fixture);
  GtkWidget *next = child (assistant, "next_button");
  AdwMessageDialog *question;

  g_assert_true (focus_of (assistant) ==
                 adw_status_page_get_child (ADW_STATUS_PAGE (child (assistant, "choose_status"))));
  g_assert_true (default_of (assistant) != child (assistant, "cancel_button"));

  load (assistant, fixture->csv);
  g_assert_true (default_of (assistant) == next);
  g_assert_true (focus_of (assistant) == next);
  press_enter (assistant);
  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "mapping");
  g_assert_true (focus_of (assistant) == next);

  press_enter (assistant);
  wait_idle (assistant);
  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "preview");
  g_assert_true (default_of (assistant) == next);

  press_enter (assistant);
  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "import");
  g_assert_true (default_of (assistant) == child (assistant, "import_button"));
  g_assert_true (focus_of (assistant) == child (assistant, "import_button"));

  activate (assistant, "window.close");
  xf_test_iterate (50);
  question = xf_test_find_message_dialog (_("Stop Importing?"));
  g_assert_nonnull (question);
  answer (question, "leave");
  g_assert_null (xf_test_find_toplevel (XF_TYPE_IMPORT_ASSISTANT));
}

/*
 * Narrow
 */

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  XfImportAssistant *assistant = open_assistant (fixture);
  GtkWidget *scroller;
  int width;

  gtk_window_set_default_size (GTK_WINDOW (assistant), 360, 640);
  load (assistant, fixture->csv);
  activate (assistant, "import.next");
  activate (assistant, "import.next");
  wait_idle (assistant);
  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "preview");
  xf_test_iterate (200);
  width = gtk_widget_get_width (GTK_WIDGET (assistant));
  g_assert_cmpint (width, <=, 400);
  /* The columns are wider than the window: they scroll. */
  scroller = child (assistant, "rows_scroller");
  g_assert_cmpint (gtk_widget_get_width (scroller), <=, width);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller))),
                     >, gtk_widget_get_width (scroller));
  xf_test_screenshot_in_language (GTK_WIDGET (assistant), "import-preview-narrow");
}

/*
 * What the file holds, changed by hand
 */

static void
test_kind (Fixture       *fixture,
           gconstpointer  data)
{
  XfImportAssistant *assistant = open_assistant (fixture);
  AdwComboRow *kind_row;
  GtkWidget *missing;
  XfImport *import;

  load (assistant, fixture->csv);
  import = xf_import_assistant_get_import (assistant);
  kind_row = ADW_COMBO_ROW (child (assistant, "kind_row"));
  g_assert_cmpuint (adw_combo_row_get_selected (kind_row), ==, XF_IMPORT_KIND_INDIVIDUALS);

  /* As honours, no column gives the honour's title or year: said, and Next waits. */
  adw_combo_row_set_selected (kind_row, XF_IMPORT_KIND_HONOURS);
  g_assert_cmpint (xf_import_get_kind (import), ==, XF_IMPORT_KIND_HONOURS);
  activate (assistant, "import.next");
  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "mapping");
  missing = child (assistant, "missing_label");
  g_assert_true (gtk_widget_get_visible (missing));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (missing)),
                            xf_import_field_label (XF_IMPORT_KIND_HONOURS, "title")));
  g_assert_false (gtk_widget_is_sensitive (child (assistant, "next_button")));

  /* Back to individuals: every column as before, and on. */
  activate (assistant, "import.back");
  adw_combo_row_set_selected (kind_row, XF_IMPORT_KIND_INDIVIDUALS);
  activate (assistant, "import.next");
  g_assert_false (gtk_widget_get_visible (missing));
  g_assert_cmpstr (xf_import_get_column_field (import, 3), ==, "id-number");
  g_assert_true (gtk_widget_is_sensitive (child (assistant, "next_button")));
}

/*
 * A file without rows, and one that is no spreadsheet
 */

static void
test_empty_and_broken (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (fixture->ui.dir, "empty.csv", NULL);
  g_autofree char *broken = g_build_filename (fixture->ui.dir, "broken.xlsx", NULL);
  XfImportAssistant *assistant = open_assistant (fixture);
  g_autoptr(GFile) file = NULL;
  GtkRevealer *revealer = GTK_REVEALER (child (assistant, "error_revealer"));

  g_assert_true (g_file_set_contents (empty, "姓名,性别,出生日期\n", -1, NULL));
  g_assert_true (g_file_set_contents (broken, "PK\003\004 this is not a workbook", -1, NULL));

  /* No spreadsheet: said on the first step, in words, and nothing else happens. */
  file = g_file_new_for_path (broken);
  xf_import_assistant_open_file (assistant, file);
  wait_idle (assistant);
  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "file");
  g_assert_null (xf_import_assistant_get_import (assistant));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (assistant, "error_label"))), !=, "");
  g_assert_false (gtk_widget_is_sensitive (child (assistant, "next_button")));

  /* Headers only: the preview says there is nothing to import. */
  load (assistant, empty);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpuint (xf_import_get_n_rows (xf_import_assistant_get_import (assistant)), ==, 0);
  activate (assistant, "import.next");
  activate (assistant, "import.next");
  wait_idle (assistant);
  g_assert_cmpstr (xf_import_assistant_get_step (assistant), ==, "preview");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (assistant, "preview_stack"))), ==, "empty");
  g_assert_false (gtk_widget_is_sensitive (child (assistant, "next_button")));
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/import-assistant/language", xf_test_language);
  g_test_add ("/ui/import-assistant/flow", Fixture, NULL, fixture_set_up, test_flow, fixture_tear_down);
  g_test_add ("/ui/import-assistant/cancel", Fixture, NULL, fixture_set_up, test_cancel,
              fixture_tear_down);
  g_test_add ("/ui/import-assistant/escape", Fixture, NULL, fixture_set_up, test_escape, fixture_tear_down);
  g_test_add ("/ui/import-assistant/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/ui/import-assistant/kind", Fixture, NULL, fixture_set_up, test_kind, fixture_tear_down);
  g_test_add ("/ui/import-assistant/empty-and-broken", Fixture, NULL, fixture_set_up, test_empty_and_broken,
              fixture_tear_down);
  g_test_add ("/ui/import-assistant/narrow", Fixture, NULL, fixture_set_up, test_narrow, fixture_tear_down);

  return g_test_run ();
}
