/* test-export-dialog.c — the registry's Export… over a filtered list
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * meson runs it in English and with LANGUAGE=zh_CN; with
 * XIANFENG_SCREENSHOT_DIR set it saves "export" (the dialog over a
 * filtered registry), with "-zh_CN" for Chinese; with XF_TEST_NARROW set
 * too, also "export-360" (a 360-pixel window), for a look.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-exchange-job.h"
#include "xf-export-dialog.h"
#include "xf-import.h"
#include "xf-registry-list.h"
#include "xf-registry-page.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"
#include "xf-ui-util.h"

#define N_PIONEERS    30
#define N_COLLECTIVES 3

typedef struct
{
  XfTestWindow    base;
  XfRegistryPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  xf_test_disable_animations ();
  xf_test_window_set_up_demo (&fixture->base, N_PIONEERS, N_COLLECTIVES);
  fixture->page = XF_REGISTRY_PAGE (xf_window_get_registry_page (fixture->base.window));
  g_assert_nonnull (fixture->page);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xf_test_close_dialogs (XF_TYPE_EXPORT_DIALOG);
  xf_test_window_tear_down (&fixture->base, NULL);
}

/* Women among the individuals: a list the registry page can show. */
static XfRegistryQuery *
women_query (void)
{
  XfRegistryQuery *query = xf_registry_query_new ();

  xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_KIND, "individual");
  xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_GENDER, "female");
  return query;
}

/* Records in a CSV file: lines outside quotes, less the header. */
static guint
count_csv_records (const char  *text,
                   char       **header)
{
  gboolean quoted = FALSE;
  guint lines = 0;
  const char *start = text;

  if (g_str_has_prefix (text, "\xef\xbb\xbf"))
    text += 3, start = text;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == '\n' && !quoted)
        {
          if (lines == 0)
            *header = g_strndup (start, p - start);
          lines++;
        }
    }
  g_assert_false (quoted);
  return lines > 0 ? lines - 1 : 0;
}

static void
exported_cb (XfExportDialog *dialog,
             gint64          rows,
             const char     *path,
             gpointer        user_data)
{
  *(gint64 *) user_data = rows;
}

static gboolean
is_set (gpointer data)
{
  return *(gint64 *) data >= 0;
}

static void
test_export_filtered_csv (Fixture       *fixture,
                          gconstpointer  data)
{
  XfRegistry *registry = xf_registry_page_get_registry (fixture->page);
  GListModel *list = xf_registry_page_get_model (fixture->page);
  g_autoptr(XfRegistryQuery) query = women_query ();
  g_autofree char *path = g_build_filename (fixture->base.dir, "women.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *header = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GError) error = NULL;
  XfExportDialog *dialog;
  gint64 n, rows = -1;

  n = xf_registry_count_pioneers (registry, query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, >, 0);
  g_assert_cmpint (n, <, N_PIONEERS);

  /* The page shows the filtered list; Export… takes it. */
  xf_registry_list_set_query (XF_REGISTRY_LIST (list), query);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.export", NULL);
  dialog = XF_EXPORT_DIALOG (xf_test_find_toplevel (XF_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  xf_test_show_window (GTK_WINDOW (dialog));

  g_assert_cmpstr (xf_export_dialog_get_kind (dialog), ==, "individuals");
  count = xf_exchange_format_count (n);
  g_assert_nonnull (strstr (xf_export_dialog_get_scope (dialog), count));
  /* The administrator may take identity numbers and mobiles along. */
  g_assert_true (gtk_widget_get_visible (xf_test_template_child (dialog, XF_TYPE_EXPORT_DIALOG, "personal_row")));
  g_assert_cmpint (xf_widget_get_min_width (GTK_WIDGET (dialog)), <=, 360);
  xf_test_screenshot_in_language (GTK_WIDGET (dialog), "export");
  if (g_getenv ("XF_TEST_NARROW") != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 460);
      xf_test_iterate (300);
      xf_test_screenshot (GTK_WIDGET (dialog), "export-360");
    }

  xf_export_dialog_set_format (dialog, XF_EXPORT_FORMAT_CSV);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &rows);
  xf_export_dialog_export_to (dialog, path);
  g_assert_true (xf_test_wait_until (is_set, &rows, 20000));
  g_assert_cmpint (rows, ==, n);
  xf_test_iterate (50);
  /* Done: the dialog went, the page says how many. */
  g_assert_null (xf_test_find_toplevel (XF_TYPE_EXPORT_DIALOG));

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_csv_records (text, &header), ==, n);
  g_assert_nonnull (header);
  /* The import's labels, so the list imports again (a person's name is 姓名). */
  g_assert_nonnull (strstr (header, xf_import_field_label (XF_IMPORT_KIND_INDIVIDUALS, "name")));
  g_assert_nonnull (strstr (header, xf_import_field_label (XF_IMPORT_KIND_INDIVIDUALS, "gender")));
}

/* Organisations ignore the filters, and carry no personal data. */
static void
test_kinds (Fixture       *fixture,
            gconstpointer  data)
{
  GListModel *list = xf_registry_page_get_model (fixture->page);
  g_autoptr(XfRegistryQuery) query = women_query ();
  XfExportDialog *dialog;

  xf_registry_list_set_query (XF_REGISTRY_LIST (list), query);
  dialog = XF_EXPORT_DIALOG (xf_export_dialog_new (xf_registry_page_get_registry (fixture->page), query,
                                                   GTK_WIDGET (fixture->page)));
  /* Enter exports and the keyboard starts on the first choice, not on Cancel. */
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) ==
                 xf_test_template_child (dialog, XF_TYPE_EXPORT_DIALOG, "export_button"));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) ==
                 xf_test_template_child (dialog, XF_TYPE_EXPORT_DIALOG, "kind_row"));
  xf_export_dialog_set_kind (dialog, "collectives");
  /* No collective is a woman: nothing to export. */
  g_assert_false (gtk_widget_get_sensitive (xf_test_template_child (dialog, XF_TYPE_EXPORT_DIALOG,
                                                                    "export_button")));
  xf_export_dialog_set_kind (dialog, "organisations");
  g_assert_false (gtk_widget_get_visible (xf_test_template_child (dialog, XF_TYPE_EXPORT_DIALOG,
                                                                  "personal_row")));
  g_assert_true (gtk_widget_get_sensitive (xf_test_template_child (dialog, XF_TYPE_EXPORT_DIALOG,
                                                                   "export_button")));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The profile's Export File…: one file with its fields, as JSON. */
static void
test_export_file (Fixture       *fixture,
                  gconstpointer  data)
{
  XfRegistry *registry = xf_registry_page_get_registry (fixture->page);
  g_autoptr(XfPioneer) summary = g_list_model_get_item (xf_registry_page_get_model (fixture->page), 0);
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autofree char *path = g_build_filename (fixture->base.dir, "file.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  pioneer = xf_registry_get_pioneer (registry, xf_pioneer_get_id (summary), &error);
  g_assert_no_error (error);
  g_assert_true (xf_export_file_to (GTK_WIDGET (fixture->page), registry, pioneer, path));
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_nonnull (strstr (text, "\"fields\""));
  g_assert_nonnull (strstr (text, "\"honours\""));
  g_assert_nonnull (strstr (text, xf_pioneer_get_name (pioneer)));

  /* A folder that is not there: said, and no file. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (fixture->base.dir, "missing", "file.json", NULL);
  g_assert_false (xf_export_file_to (GTK_WIDGET (fixture->page), registry, pioneer, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/export-dialog/language", xf_test_language);
  g_test_add ("/ui/export-dialog/filtered-csv", Fixture, NULL, fixture_set_up, test_export_filtered_csv,
              fixture_tear_down);
  g_test_add ("/ui/export-dialog/kinds", Fixture, NULL, fixture_set_up, test_kinds, fixture_tear_down);

  g_test_add ("/ui/export-dialog/file", Fixture, NULL, fixture_set_up, test_export_file, fixture_tear_down);

  return g_test_run ();
}
