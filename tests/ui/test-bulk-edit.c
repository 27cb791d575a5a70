/* test-bulk-edit.c — the registry's Change Field of Listed…
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-bulk-edit-dialog.h"
#include "xf-exchange-job.h"
#include "xf-registry-list.h"
#include "xf-registry-page.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"
#include "xf-ui-util.h"

#define N_PIONEERS    30
#define N_COLLECTIVES 3
/* 教育 */
#define INDUSTRY      "P"

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
  xf_test_close_dialogs (XF_TYPE_BULK_EDIT_DIALOG);
  xf_test_window_tear_down (&fixture->base, NULL);
}

static gint64
count (XfRegistry *registry,
       const char *gender,
       const char *industry)
{
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autoptr(GError) error = NULL;
  gint64 n;

  xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_KIND, "individual");
  if (gender != NULL)
    xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_GENDER, gender);
  if (industry != NULL)
    xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_INDUSTRY, industry);
  n = xf_registry_count_pioneers (registry, query, &error);
  g_assert_no_error (error);
  return n;
}

static void
changed_cb (XfBulkEditDialog *dialog,
            guint             n,
            gpointer          user_data)
{
  *(gint64 *) user_data = n;
}

static gboolean
is_set (gpointer data)
{
  return *(gint64 *) data >= 0;
}

/* The industry of the listed women changes, and only theirs; the count
 * is of the files that did not hold it yet. */
static void
test_change_industry (Fixture       *fixture,
                      gconstpointer  data)
{
  XfRegistry *registry = xf_registry_page_get_registry (fixture->page);
  GListModel *list = xf_registry_page_get_model (fixture->page);
  g_autoptr(XfRegistryQuery) query = xf_registry_query_new ();
  g_autofree char *heading = NULL;
  g_autofree char *number = NULL;
  XfBulkEditDialog *dialog;
  gint64 women, women_before, men_before, changed = -1;

  women = count (registry, "female", NULL);
  men_before = count (registry, "male", INDUSTRY);
  g_assert_cmpint (women, >, 0);
  women_before = count (registry, "female", INDUSTRY);
  g_assert_cmpint (women_before, <, women);

  xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_KIND, "individual");
  xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_GENDER, "female");
  xf_registry_list_set_query (XF_REGISTRY_LIST (list), query);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, women);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "registry.bulk-edit", NULL);
  dialog = XF_BULK_EDIT_DIALOG (xf_test_find_toplevel (XF_TYPE_BULK_EDIT_DIALOG));
  g_assert_nonnull (dialog);
  xf_test_show_window (GTK_WINDOW (dialog));
  number = xf_exchange_format_count (women);
  g_assert_nonnull (strstr (xf_bulk_edit_dialog_get_scope (dialog), number));
  g_assert_cmpint (xf_widget_get_min_width (GTK_WIDGET (dialog)), <=, 360);

  xf_bulk_edit_dialog_set_value (dialog, "industry", INDUSTRY);
  g_signal_connect (dialog, "changed", G_CALLBACK (changed_cb), &changed);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "bulk.change", NULL);
  heading = g_strdup_printf (ngettext ("Change %s File?", "Change %s Files?", women), number);
  xf_test_answer (heading, "change");
  g_assert_true (xf_test_wait_until (is_set, &changed, 20000));
  xf_test_iterate (50);

  /* Those who already held it were left alone. */
  g_assert_cmpint (changed, ==, women - women_before);
  g_assert_null (xf_test_find_toplevel (XF_TYPE_BULK_EDIT_DIALOG));
  g_assert_cmpint (count (registry, "female", INDUSTRY), ==, women);
  g_assert_cmpint (count (registry, "male", INDUSTRY), ==, men_before);
}

/* Nothing is offered before a value is chosen. */
static void
test_needs_value (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *dialog = xf_bulk_edit_dialog_new (xf_registry_page_get_registry (fixture->page),
                                               xf_registry_page_get_model (fixture->page),
                                               GTK_WIDGET (fixture->page));
  GtkWidget *button = xf_test_template_child (dialog, XF_TYPE_BULK_EDIT_DIALOG, "change_button");

  g_assert_false (gtk_widget_get_sensitive (button));
  /* Enter changes (once there is a value), and the keyboard starts on the field. */
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == button);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) ==
                 xf_test_template_child (dialog, XF_TYPE_BULK_EDIT_DIALOG, "field_row"));
  xf_bulk_edit_dialog_set_value (XF_BULK_EDIT_DIALOG (dialog), "tags", "劳模工作室");
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_get_visible (xf_test_template_child (dialog, XF_TYPE_BULK_EDIT_DIALOG, "text_row")));
  xf_bulk_edit_dialog_set_value (XF_BULK_EDIT_DIALOG (dialog), "organisation-id", NULL);
  g_assert_false (gtk_widget_get_sensitive (button));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_ui_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/bulk-edit/change-industry", Fixture, NULL, fixture_set_up, test_change_industry,
              fixture_tear_down);
  g_test_add ("/ui/bulk-edit/needs-value", Fixture, NULL, fixture_set_up, test_needs_value, fixture_tear_down);

  return g_test_run ();
}
