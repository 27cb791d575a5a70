/* test-honour-wall.c — the Pioneers of the Month: the wall of the frozen
 * month, switching months, the explanation, the preview, the collectives,
 * the empty state, printing and the image
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * meson runs it in English and with LANGUAGE=zh_CN; with
 * XIANFENG_SCREENSHOT_DIR set it saves "honour-wall" (with "-zh_CN" for
 * Chinese). With XF_TEST_KEEP_WALL=DIR it keeps the printed wall there
 * (wall.pdf, wall.png) for a look: `pdftoppm -png -r 60 DIR/wall.pdf`.
 */

#define _GNU_SOURCE
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "xf-accounts.h"
#include "xf-honour-wall-page.h"
#include "xf-error.h"
#include "xf-index-weights-dialog.h"
#include "xf-registry-page.h"
#include "xf-ranking-explain-dialog.h"
#include "xf-service.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"
#include "xf-ui-util.h"
#include "xf-window.h"

/* December: November has ended, October before it. */
#define TODAY       "2026-12-10"
#define N_PIONEERS  30
#define N_COLLECTIVES 4

typedef struct
{
  char          *dir;
  char          *path;
  XfApplication *app;
  XfWindow      *window;
  GtkWidget     *page;
} Fixture;

static XfHonourWallPage *
page_of (Fixture *fixture)
{
  return XF_HONOUR_WALL_PAGE (fixture->page);
}

static XfRanking *
ranking_of (Fixture *fixture)
{
  return xf_honour_wall_page_get_ranking (page_of (fixture));
}

static GtkWidget *
child (Fixture    *fixture,
       const char *name)
{
  return xf_test_template_child (fixture->page, XF_TYPE_HONOUR_WALL_PAGE, name);
}

/* The page's actions are synchronous: one frame lays the wall out. */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 5;

  xf_test_iterate (20);
  while (g_main_context_pending (NULL) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static gint64
at (int year, int month, int day)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (year, month, day, 4, 0, 0);

  return g_date_time_to_unix (date) * G_USEC_PER_SEC;
}

/* Pioneer i gets (i + @shift) mod 20 + 1 likes from different visitors
 * (at most 20 count a day) on each of two days of @month, and a service
 * done every third: the months rank differently. One import, one
 * transaction: a test that records them one by one spends its time in
 * commits. */
static void
record_month (XfRanking *ranking,
              int        month)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(XfEventImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  int shift = month == 10 ? 7 : 0;

  for (gint64 id = 1; id <= N_PIONEERS + N_COLLECTIVES; id++)
    {
      g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (xf_ranking_get_registry (ranking), id, &error);
      const char *uid;
      int likes = (int) ((id + shift) % 20) + 1;

      g_assert_no_error (error);
      uid = xf_pioneer_get_uid (pioneer);
      for (int day = 3; day <= 4; day++)
        for (int v = 0; v < likes; v++)
          g_string_append_printf (lines,
                                  "{\"pioneer\": \"%s\", \"kind\": \"%s\", \"at\": \"2026-%02d-%02d\", "
                                  "\"source\": \"wechat\", \"id\": \"t-%d-%s-%d-%d\", \"visitor\": \"v-%d\"}\n",
                                  uid, XF_ENGAGEMENT_CARD_LIKED, month, day, month, uid, day, v, v);
      if (id % 3 == 0)
        g_string_append_printf (lines,
                                "{\"pioneer\": \"%s\", \"kind\": \"%s\", \"at\": \"2026-%02d-08\", "
                                "\"source\": \"wechat\", \"id\": \"s-%d-%s\"}\n",
                                uid, XF_ENGAGEMENT_SERVICE_DONE, month, month, uid);
    }
  input = g_memory_input_stream_new_from_data (g_strdup (lines->str), lines->len, g_free);
  report = xf_ranking_import_events (ranking, input, "events.jsonl", FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->added, ==, report->lines);
}

static void
compute (XfRanking  *ranking,
         const char *month)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfMonthlyRanking) frozen = xf_ranking_compute (ranking, month, &error);

  g_assert_no_error (error);
  g_assert_nonnull (frozen);
}

/* The database with October and November frozen, written once (the
 * accounts' password hashes and the events take a while) and copied for
 * each test. */
static char *template_dir;
static char *template_path;

static void
make_template (void)
{
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfAccounts) accounts = NULL;
  g_autoptr(XfAccount) admin = NULL;
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfRanking) ranking = NULL;
  g_autoptr(GError) error = NULL;

  template_dir = xf_test_make_dir ();
  store = xf_test_make_demo_db (template_dir, "ranking.db", N_PIONEERS, N_COLLECTIVES, &template_path);
  accounts = xf_accounts_new (store);
  admin = xf_accounts_sign_in (accounts, XF_TEST_ADMIN_LOGIN, XF_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  registry = xf_registry_new (store, admin);
  ranking = xf_ranking_new (registry);
  record_month (ranking, 10);
  record_month (ranking, 11);
  compute (ranking, "2026-10");
  compute (ranking, "2026-11");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean empty = g_strcmp0 (data, "empty") == 0;
  const char *login = g_strcmp0 (data, "reviewer") == 0 ? "reviewer" : "admin";

  g_setenv ("XIANFENG_TODAY", TODAY, TRUE);
  xf_test_disable_animations ();
  fixture->dir = xf_test_make_dir ();
  if (empty)
    g_object_unref (xf_test_make_demo_db (fixture->dir, "ranking.db", 0, 0, &fixture->path));
  else
    {
      g_autoptr(GFile) source = NULL;
      g_autoptr(GFile) target = NULL;
      g_autoptr(GError) error = NULL;

      if (template_path == NULL)
        make_template ();
      fixture->path = g_build_filename (fixture->dir, "ranking.db", NULL);
      source = g_file_new_for_path (template_path);
      target = g_file_new_for_path (fixture->path);
      g_assert_true (g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  fixture->app = xf_test_app_new_signed_out ();
  fixture->window = xf_test_open_window (fixture->app, fixture->path, login);
  fixture->page = xf_test_show_page (fixture->window, "ranking");
  settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xf_test_close_page (XF_TYPE_RANKING_EXPLAIN_DIALOG, fixture->window, &fixture->app, &fixture->dir,
                      &fixture->path);
}

/*
 * Checks
 */

/* The wall shows exactly the first 20 of @expected, in order. */
static void
assert_wall_is (Fixture   *fixture,
                GPtrArray *expected)
{
  GPtrArray *entries = xf_honour_wall_page_get_entries (page_of (fixture));
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) badges = g_ptr_array_new ();
  g_autoptr(GPtrArray) scores = g_ptr_array_new ();
  guint n = MIN (expected->len, XF_RANKING_HONOUR_WALL_SIZE);

  g_assert_cmpuint (entries->len, ==, n);
  xf_test_collect_named (child (fixture, "wall"), "honour-item", items);
  xf_test_collect_named (child (fixture, "wall"), "rank-badge", badges);
  xf_test_collect_named (child (fixture, "wall"), "index-score", scores);
  g_assert_cmpuint (items->len, ==, n);
  g_assert_cmpuint (badges->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      XfRankingEntry *want = g_ptr_array_index (expected, i);
      XfRankingEntry *got = g_ptr_array_index (entries, i);
      g_autofree char *rank = g_strdup_printf ("%d", want->rank);
      g_autofree char *score = g_strdup_printf ("%.1f", want->score);

      g_assert_cmpint (got->pioneer_id, ==, want->pioneer_id);
      g_assert_cmpint (want->rank, ==, (int) i + 1);
      g_assert_cmpint ((gint64) GPOINTER_TO_SIZE (g_object_get_data (g_ptr_array_index (items, i), "pioneer-id")),
                       ==, want->pioneer_id);
      g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (badges, i)), ==, rank);
      g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (scores, i)), ==, score);
    }
}

static XfMonthlyRanking *
frozen (Fixture    *fixture,
        const char *month)
{
  g_autoptr(GError) error = NULL;
  XfMonthlyRanking *ranking = xf_ranking_get (ranking_of (fixture), month, &error);

  g_assert_no_error (error);
  return ranking;
}

/*
 * Tests
 */

static void
test_wall (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(XfMonthlyRanking) november = frozen (fixture, "2026-11");
  XfMonthlyRanking *shown = xf_honour_wall_page_get_shown (page_of (fixture));

  g_assert_nonnull (shown);
  g_assert_cmpstr (shown->month, ==, "2026-11");
  g_assert_true (shown->frozen);
  g_assert_cmpuint (november->individuals->len, >=, XF_RANKING_HONOUR_WALL_SIZE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "wall_stack"))), ==, "wall");
  assert_wall_is (fixture, november->individuals);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (child (fixture, "provisional_revealer"))));
  /* The newest month: nothing after it. */
  g_assert_false (gtk_widget_is_sensitive (child (fixture, "next_button")));
  g_assert_true (gtk_widget_is_sensitive (child (fixture, "previous_button")));
  /* Already frozen: the snapshot has nothing to do. */
  g_assert_null (xf_honour_wall_page_ensure_snapshot (page_of (fixture)));
}

static void
test_switch_months (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(XfMonthlyRanking) october = frozen (fixture, "2026-10");
  g_autoptr(XfMonthlyRanking) november = frozen (fixture, "2026-11");
  GtkDropDown *dropdown = GTK_DROP_DOWN (child (fixture, "month_dropdown"));
  XfRankingEntry *first_oct = g_ptr_array_index (october->individuals, 0);
  XfRankingEntry *first_nov = g_ptr_array_index (november->individuals, 0);

  /* The months differ, so the wall must change. */
  g_assert_cmpint (first_oct->pioneer_id, !=, first_nov->pioneer_id);

  xf_test_click (child (fixture, "previous_button"));
  settle ();
  g_assert_cmpstr (xf_honour_wall_page_get_shown (page_of (fixture))->month, ==, "2026-10");
  assert_wall_is (fixture, october->individuals);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 1);
  g_assert_false (gtk_widget_is_sensitive (child (fixture, "previous_button")));

  g_assert_true (gtk_widget_activate_action (fixture->page, "ranking.next", NULL));
  settle ();
  g_assert_cmpstr (xf_honour_wall_page_get_shown (page_of (fixture))->month, ==, "2026-11");
  assert_wall_is (fixture, november->individuals);

  /* The drop-down: the older month. */
  gtk_drop_down_set_selected (dropdown, 1);
  settle ();
  g_assert_cmpstr (xf_honour_wall_page_get_shown (page_of (fixture))->month, ==, "2026-10");
  assert_wall_is (fixture, october->individuals);

  g_assert_false (xf_honour_wall_page_show_month (page_of (fixture), "2026-09"));
}

static void
test_explain (Fixture       *fixture,
              gconstpointer  data)
{
  GPtrArray *entries = xf_honour_wall_page_get_entries (page_of (fixture));
  XfRankingEntry *third = g_ptr_array_index (entries, 2);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  GtkWidget *flow_child, *total, *weights;
  GtkWindow *dialog;
  g_autofree char *score = NULL;

  /* Activating the card, as a click or Enter does. */
  xf_test_collect_named (child (fixture, "wall"), "honour-item", items);
  flow_child = gtk_widget_get_ancestor (g_ptr_array_index (items, 2), GTK_TYPE_FLOW_BOX_CHILD);
  g_assert_true (GTK_IS_FLOW_BOX_CHILD (flow_child));
  g_signal_emit_by_name (flow_child, "activate");
  settle ();
  dialog = xf_test_find_toplevel (XF_TYPE_RANKING_EXPLAIN_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (xf_ranking_explain_dialog_get_pioneer_id (XF_RANKING_EXPLAIN_DIALOG (dialog)), ==,
                   third->pioneer_id);
  g_assert_cmpfloat_with_epsilon (xf_ranking_explain_dialog_get_total (XF_RANKING_EXPLAIN_DIALOG (dialog)),
                                  third->score, 0.01);
  total = xf_test_find_named (GTK_WIDGET (dialog), "explain-total");
  score = g_strdup_printf ("%.2f", third->score);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (total)), ==, score);
  g_assert_cmpuint (xf_test_count_named (GTK_WIDGET (dialog), "explain-points"), ==,
                    xf_honour_wall_page_get_shown (page_of (fixture))->weights->components->len);
  weights = xf_test_find_named (GTK_WIDGET (dialog), "explain-weights");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (weights)), "2026-11"));

  /* "Open profile": the registry page, on the pioneer. */
  xf_test_click (xf_test_find_named (GTK_WIDGET (dialog), "explain-profile"));
  settle ();
  g_assert_null (xf_test_find_toplevel (XF_TYPE_RANKING_EXPLAIN_DIALOG));
  g_assert_true (xf_test_is_mapped (xf_window_get_registry_page (fixture->window)));
}

static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XfMonthlyRanking *shown;
  g_autoptr(XfMonthlyRanking) expected = NULL;
  const char *text;
  g_autoptr(GDateTime) december = g_date_time_new_utc (2026, 12, 1, 0, 0, 0);
  g_autofree char *label = g_date_time_format (december, _("%B %Y"));
  g_autofree char *banner = NULL;
  g_autofree char *subtitle = NULL;

  /* A like in December, so that the month so far has someone. */
  g_assert_true (xf_ranking_record_event (ranking_of (fixture), 5, XF_ENGAGEMENT_CARD_LIKED, "app", "dec-1",
                                          "v-1", at (2026, 12, 2), 1, &error));
  g_assert_no_error (error);
  xf_test_click (child (fixture, "preview_toggle"));
  settle ();
  shown = xf_honour_wall_page_get_shown (page_of (fixture));
  g_assert_cmpstr (shown->month, ==, "2026-12");
  g_assert_false (shown->frozen);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child (fixture, "provisional_revealer"))));
  /* The whole sentences, as translated: a word alone is not a message. */
  text = gtk_label_get_text (GTK_LABEL (child (fixture, "provisional_label")));
  banner = g_strdup_printf (_("Provisional: %s so far. Not frozen — the ranking changes until the month ends."),
                            label);
  g_assert_cmpstr (text, ==, banner);
  subtitle = g_strdup_printf (_("%s so far — provisional"), label);
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (child (fixture, "title_widget"))), ==, subtitle);
  expected = xf_ranking_preview (ranking_of (fixture), "2026-12", &error);
  g_assert_no_error (error);
  assert_wall_is (fixture, expected->individuals);
  /* Nothing to recompute in a preview; the months are stored only when frozen. */
  gtk_widget_activate_action (fixture->page, "ranking.recompute", NULL);
  settle ();
  g_assert_null (xf_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* Back: Alt+Left goes to the newest frozen month. */
  g_assert_true (gtk_widget_activate_action (fixture->page, "ranking.previous", NULL));
  settle ();
  g_assert_cmpstr (xf_honour_wall_page_get_shown (page_of (fixture))->month, ==, "2026-11");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (child (fixture, "provisional_revealer"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child (fixture, "preview_toggle"))));
}

static void
test_collectives (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(XfMonthlyRanking) november = frozen (fixture, "2026-11");

  g_assert_cmpuint (november->collectives->len, >, 0);
  xf_test_click (child (fixture, "collectives_toggle"));
  settle ();
  assert_wall_is (fixture, november->collectives);
  for (guint i = 0; i < november->collectives->len; i++)
    g_assert_cmpstr (((XfRankingEntry *) g_ptr_array_index (november->collectives, i))->kind, ==, "collective");
  xf_test_click (child (fixture, "individuals_toggle"));
  settle ();
  assert_wall_is (fixture, november->individuals);
}

static void
test_recompute (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfMonthlyRanking) before = frozen (fixture, "2026-11");
  g_autoptr(XfMonthlyRanking) after = NULL;
  XfRankingEntry *last = g_ptr_array_index (before->individuals, before->individuals->len - 1);
  g_autoptr(GDateTime) month = g_date_time_new_utc (2026, 11, 1, 0, 0, 0);
  g_autofree char *label = g_date_time_format (month, _("%B %Y"));
  g_autofree char *heading = g_strdup_printf (_("Recompute %s?"), label);

  /* Late events for the last one: a recompute lifts them to the top. */
  for (int v = 0; v < 40; v++)
    {
      g_autofree char *source_id = g_strdup_printf ("late-%d", v);
      g_autofree char *visitor = g_strdup_printf ("late-v-%d", v);

      g_assert_true (xf_ranking_record_event (ranking_of (fixture), last->pioneer_id, XF_ENGAGEMENT_SERVICE_DONE,
                                              "app", source_id, visitor, at (2026, 11, 20), 1, &error));
      g_assert_no_error (error);
    }
  g_assert_true (gtk_widget_activate_action (fixture->page, "ranking.recompute", NULL));
  xf_test_answer (heading, "recompute");
  settle ();
  after = frozen (fixture, "2026-11");
  g_assert_cmpint (((XfRankingEntry *) g_ptr_array_index (after->individuals, 0))->pioneer_id, ==,
                   last->pioneer_id);
  assert_wall_is (fixture, after->individuals);
}

static void
test_reviewer (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(XfMonthlyRanking) november = frozen (fixture, "2026-11");

  assert_wall_is (fixture, november->individuals);
  /* Not an administrator: no recompute, no "Compute last month". */
  g_assert_false (gtk_widget_get_visible (child (fixture, "compute_button")));
  gtk_widget_activate_action (fixture->page, "ranking.recompute", NULL);
  settle ();
  g_assert_null (xf_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "wall_stack"))), ==, "empty");
  g_assert_cmpuint (xf_honour_wall_page_get_entries (page_of (fixture))->len, ==, 0);
  /* The administrator may rank last month from here. */
  g_assert_true (gtk_widget_get_visible (child (fixture, "compute_button")));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *png = g_build_filename (fixture->dir, "wall.png", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "wall.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (png);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GdkTexture) texture = NULL;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (xf_honour_wall_page_save_png (page_of (fixture), file, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_file (file, &error);
  g_assert_no_error (error);
  /* The printed page, A4 landscape at 144 dpi, whatever the window's size. */
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1684);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1190);

  g_assert_true (xf_honour_wall_page_export_pdf (page_of (fixture), pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  /* A4 landscape: 842 × 595 points (cairo writes the page's box plainly). */
  g_assert_nonnull (memmem (contents, length, "/MediaBox [ 0 0 841", strlen ("/MediaBox [ 0 0 841")));
  /* Compact cards drawn, not 20 pictures of the widgets: no images but
   * the photos (the test's pioneers have none). */
  g_assert_null (memmem (contents, length, "/Subtype /Image", strlen ("/Subtype /Image")));
  if (g_getenv ("XF_TEST_KEEP_WALL") != NULL)
    {
      g_autofree char *keep = g_build_filename (g_getenv ("XF_TEST_KEEP_WALL"), "wall.pdf", NULL);
      g_autofree char *keep_png = g_build_filename (g_getenv ("XF_TEST_KEEP_WALL"), "wall.png", NULL);
      g_autoptr(GFile) target = g_file_new_for_path (keep_png);

      g_assert_true (g_file_set_contents (keep, contents, length, NULL));
      g_assert_true (g_file_copy (file, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
    }
}

static double
raw_of (Fixture    *fixture,
        gint64      pioneer_id,
        const char *component)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfRankingEntry) entry = xf_ranking_explain (ranking_of (fixture), pioneer_id, "2026-12", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < entry->parts->len; i++)
    {
      XfIndexPart *part = g_ptr_array_index (entry->parts, i);

      if (g_str_equal (part->id, component))
        return part->raw;
    }
  g_assert_not_reached ();
}

/* The profile's "Recommend" and the link copied count, once a day per
 * account. */
static void
test_recommend (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *registry = xf_test_show_page (fixture->window, "registry");
  GtkWidget *profile;

  xf_registry_page_open_pioneer (XF_REGISTRY_PAGE (registry), 7);
  settle ();
  profile = xf_registry_page_get_profile (XF_REGISTRY_PAGE (registry));
  g_assert_cmpfloat (raw_of (fixture, 7, "recommendations"), ==, 0);
  g_assert_true (gtk_widget_activate_action (profile, "profile.recommend", NULL));
  g_assert_true (gtk_widget_activate_action (profile, "profile.recommend", NULL));
  settle ();
  g_assert_cmpfloat (raw_of (fixture, 7, "recommendations"), ==, 1);

  g_assert_cmpfloat (raw_of (fixture, 7, "shares"), ==, 0);
  g_assert_true (gtk_widget_activate_action (profile, "profile.copy-link", NULL));
  g_assert_true (gtk_widget_activate_action (profile, "profile.copy-link", NULL));
  settle ();
  g_assert_cmpfloat (raw_of (fixture, 7, "shares"), ==, 1);
}

/* At 360 px the page fits, one card a line; the explanation too. The
 * page is shown in a window of its own, so that only its width counts. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  GtkWidget *page, *wall, *dialog;
  GtkWindow *window;
  GPtrArray *entries;
  graphene_point_t a, b;

  g_assert_cmpint (xf_widget_get_min_width (fixture->page), <=, 360);
  g_object_get (fixture->page, "registry", &registry, NULL);
  page = xf_honour_wall_page_new (registry);
  window = xf_test_show_in_window (page, 360, 700);
  settle ();
  g_test_message ("min %d, width %d, window %d", xf_widget_get_min_width (page), gtk_widget_get_width (page),
                  gtk_widget_get_width (GTK_WIDGET (window)));
  gtk_window_set_default_size (window, 360, 700);
  settle ();
  g_assert_cmpint (gtk_widget_get_width (page), <=, 360);
  entries = xf_honour_wall_page_get_entries (XF_HONOUR_WALL_PAGE (page));
  g_assert_cmpuint (entries->len, ==, XF_RANKING_HONOUR_WALL_SIZE);
  wall = xf_test_template_child (page, XF_TYPE_HONOUR_WALL_PAGE, "wall");
  xf_test_collect_named (wall, "honour-item", items);
  g_assert_cmpuint (items->len, ==, XF_RANKING_HONOUR_WALL_SIZE);
  /* One card a line: the second sits below the first. */
  g_assert_true (gtk_widget_compute_point (g_ptr_array_index (items, 0), wall, &GRAPHENE_POINT_INIT (0, 0), &a));
  g_assert_true (gtk_widget_compute_point (g_ptr_array_index (items, 1), wall, &GRAPHENE_POINT_INIT (0, 0), &b));
  g_assert_cmpfloat (b.y, >, a.y);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  xf_test_screenshot_in_language (GTK_WIDGET (window), "honour-wall-narrow");

  dialog = xf_honour_wall_page_explain (XF_HONOUR_WALL_PAGE (page),
                                        ((XfRankingEntry *) g_ptr_array_index (entries, 0))->pioneer_id);
  g_assert_nonnull (dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  xf_test_show_window (GTK_WINDOW (dialog));
  g_assert_cmpint (gtk_widget_get_width (dialog), <=, 380);
  xf_test_screenshot_in_language (dialog, "honour-wall-explain");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (window);
  settle ();
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  xf_test_dismiss_toasts (fixture->page);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "honour-wall");
}

/* The dialog shows core's own refusal of the same set, which names the
 * field ("Reason: …", "Month: …"). */
static void
assert_shows_core_error (Fixture    *fixture,
                         GtkWidget  *error_label,
                         const char *valid_from,
                         const char *reason)
{
  g_autoptr(XfIndexWeightSet) set = xf_ranking_get_weights (ranking_of (fixture), NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (xf_ranking_set_weights (ranking_of (fixture), set->weights, valid_from, reason, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, error->message);
}

/* The administrator's new weights: core's refusal shows naming the field;
 * a good set is saved from the month given. */
static void
test_weights (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) before = xf_ranking_list_weights (ranking_of (fixture), NULL);
  g_autoptr(GPtrArray) after = NULL;
  XfIndexWeightSet *newest;
  GtkWidget *dialog = xf_honour_wall_page_edit_weights (page_of (fixture));
  GtkWidget *error_label;

  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  settle ();
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (xf_test_find_named (dialog, "weight-recommendations")), 25);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (xf_test_find_named (dialog, "per-day-likes")), 30);
  gtk_editable_set_text (GTK_EDITABLE (xf_test_find_named (dialog, "valid-from")), "2027-01");

  /* No reason: refused, and the form stays. */
  g_assert_false (xf_index_weights_dialog_save (XF_INDEX_WEIGHTS_DIALOG (dialog)));
  error_label = xf_test_find_named (dialog, "error");
  assert_shows_core_error (fixture, error_label, "2027-01", "");
  gtk_test_widget_wait_for_draw (dialog);
  xf_test_screenshot_in_language (dialog, "honour-wall-weights");
  /* A frozen month keeps its weights: not before the current month. */
  gtk_editable_set_text (GTK_EDITABLE (xf_test_find_named (dialog, "reason")), "推荐更受重视");
  gtk_editable_set_text (GTK_EDITABLE (xf_test_find_named (dialog, "valid-from")), "2026-11");
  g_assert_false (xf_index_weights_dialog_save (XF_INDEX_WEIGHTS_DIALOG (dialog)));
  assert_shows_core_error (fixture, error_label, "2026-11", "推荐更受重视");

  gtk_editable_set_text (GTK_EDITABLE (xf_test_find_named (dialog, "valid-from")), "2027-01");
  xf_test_click (xf_test_find_named (dialog, "save"));
  settle ();
  g_assert_null (dialog);
  after = xf_ranking_list_weights (ranking_of (fixture), NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  newest = g_ptr_array_index (after, 0);
  g_assert_cmpstr (newest->valid_from, ==, "2027-01");
  g_assert_cmpstr (newest->reason, ==, "推荐更受重视");
  g_assert_cmpfloat (xf_index_weights_find (newest->weights, "recommendations")->weight, ==, 25);
  g_assert_cmpuint (xf_index_weights_find (newest->weights, "likes")->per_day, ==, 30);
  g_assert_cmpfloat (xf_index_weights_find (newest->weights, "views")->weight, ==,
                     xf_index_weights_find (((XfIndexWeightSet *) g_ptr_array_index (before, 0))->weights,
                                            "views")->weight);
}

/* A month newly frozen at sign-in or at the turn of the month: the news
 * goes to the window, whichever page is shown, with a way to the wall.
 * December has an event (test_preview's); January has come. */
static void
test_snapshot_toast (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) december = g_date_time_new_utc (2026, 12, 1, 0, 0, 0);
  g_autofree char *label = g_date_time_format (december, _("%B %Y"));
  g_autofree char *text = g_strdup_printf (_("Pioneers of the Month for %s are ready"), label);
  g_autofree char *month = NULL;
  GtkWidget *toast_label;

  xf_test_dismiss_toasts (GTK_WIDGET (fixture->window));
  xf_test_show_page (fixture->window, "registry");
  g_setenv ("XIANFENG_TODAY", "2027-01-03", TRUE);
  month = xf_honour_wall_page_ensure_snapshot (page_of (fixture));
  g_setenv ("XIANFENG_TODAY", TODAY, TRUE);
  g_assert_cmpstr (month, ==, "2026-12");
  settle ();
  toast_label = xf_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, text);
  g_assert_nonnull (toast_label);
  g_assert_false (gtk_widget_is_ancestor (toast_label, fixture->page));
  g_assert_true (xf_test_is_mapped (toast_label));
}

/* The wall, the collectives, the months, then the month so far. */
static void
test_browse (Fixture       *fixture,
             gconstpointer  data)
{
  test_wall (fixture, data);
  test_collectives (fixture, data);
  test_switch_months (fixture, data);
  test_preview (fixture, data);
  test_snapshot_toast (fixture, data);
}

/* The explanation leads to the profile, where one recommends. */
static void
test_explain_recommend (Fixture       *fixture,
                        gconstpointer  data)
{
  test_explain (fixture, data);
  test_recommend (fixture, data);
}

/* The screenshot, the image and the PDF, then 360 px. */
static void
test_pictures (Fixture       *fixture,
               gconstpointer  data)
{
  test_screenshot (fixture, data);
  test_export (fixture, data);
  test_narrow (fixture, data);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!xf_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/honour-wall/language", xf_test_language);
  /* Few fixtures: each makes a database and signs in, which takes a
   * while on a busy machine. */
  g_test_add ("/ui/honour-wall/browse", Fixture, NULL, fixture_set_up, test_browse, fixture_tear_down);
  g_test_add ("/ui/honour-wall/explain", Fixture, NULL, fixture_set_up, test_explain_recommend, fixture_tear_down);
  g_test_add ("/ui/honour-wall/recompute", Fixture, NULL, fixture_set_up, test_recompute, fixture_tear_down);
  g_test_add ("/ui/honour-wall/reviewer", Fixture, "reviewer", fixture_set_up, test_reviewer, fixture_tear_down);
  g_test_add ("/ui/honour-wall/empty", Fixture, "empty", fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/ui/honour-wall/weights", Fixture, "empty", fixture_set_up, test_weights, fixture_tear_down);
  g_test_add ("/ui/honour-wall/pictures", Fixture, NULL, fixture_set_up, test_pictures, fixture_tear_down);

  status = g_test_run ();
  if (template_dir != NULL)
    xf_test_remove_dir (template_dir);
  g_free (template_dir);
  g_free (template_path);
  return status;
}
