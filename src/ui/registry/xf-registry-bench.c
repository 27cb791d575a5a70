/* xf-registry-bench.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-registry-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xf-application.h"
#include "xf-registry-bench.h"

#define SCROLL_STEPS 100
#define RANDOM_JUMPS 50
/* Jumps before the timing starts: the first frames after start-up fill
 * caches (glyphs, statements, the list's anchors) and cost two frames. */
#define WARMUP_JUMPS 5

typedef struct
{
  GtkWidget         *page;
  GtkColumnView     *view;
  GtkScrolledWindow *scroller;
  GtkStack          *list_stack;
  GListModel        *model;
  const guint       *bind_count;
  GdkFrameClock     *clock;
  gulong             before_paint_id;
  gulong             after_paint_id;
  gulong             map_id;
  gboolean           scroll;
  gboolean           first_done;
  guint              warmup_left;
  guint              step;
  gint64             scroll_start_us;
  gint64             frame_start_us;
  GArray            *frame_work_ms;   /* double, one per scrolling frame */
  GRand             *rand;
} Bench;

static long
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + strlen ("VmRSS:"), NULL, 10) : -1;
}

static void
finish (Bench *bench)
{
  GApplication *app = g_application_get_default ();

  fflush (stdout);
  xf_registry_bench_stop (bench->page);
  if (app != NULL)
    g_application_quit (app);
}

static gboolean
first_rows_shown (Bench *bench)
{
  const char *visible = gtk_stack_get_visible_child_name (bench->list_stack);

  if (g_list_model_get_n_items (bench->model) == 0)
    return g_strcmp0 (visible, "list") != 0 && gtk_widget_get_mapped (GTK_WIDGET (bench->list_stack));
  return *bench->bind_count > 0 && gtk_widget_get_mapped (GTK_WIDGET (bench->view));
}

static void
scroll_step (Bench *bench)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (bench->scroller);
  double range = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);

  if (bench->step < SCROLL_STEPS)
    gtk_adjustment_set_value (adj, range * (bench->step + 1) / SCROLL_STEPS);
  else
    gtk_adjustment_set_value (adj, g_rand_double_range (bench->rand, 0, MAX (range, 0)));
  bench->step++;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

/* How long each frame kept the main thread busy, from before its layout to
 * the end of the next jump's binding: over a frame's 16.7 ms, frames are
 * dropped. Tells a slow frame from a slow clock or a busy machine. */
static void
print_frame_work (Bench *bench)
{
  GArray *work = bench->frame_work_ms;
  guint n = work->len;

  if (n == 0)
    return;
  g_array_sort (work, compare_doubles);
  printf ("scroll-frame-ms: median %.1f p90 %.1f max %.1f\n",
          g_array_index (work, double, n / 2),
          g_array_index (work, double, MIN (n - 1, n * 9 / 10)),
          g_array_index (work, double, n - 1));
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Bench         *bench)
{
  bench->frame_start_us = g_get_monotonic_time ();
}

/* After paint, so what the user sees is what is measured. */
static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  if (!bench->first_done)
    {
      gint64 now = g_get_monotonic_time ();

      if (!first_rows_shown (bench))
        return;
      bench->first_done = TRUE;
      printf ("first-rows-ms: %" G_GINT64_FORMAT " rss-kb: %ld\n",
              (now - xf_application_get_start_time ()) / 1000, rss_kb ());
      if (!bench->scroll)
        {
          finish (bench);
          return;
        }
      bench->warmup_left = WARMUP_JUMPS;
    }

  if (bench->warmup_left > 0)
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (bench->scroller);
      double range = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);

      /* Elsewhere than the timed steps go, not to warm them up. */
      gtk_adjustment_set_value (adj, range * (bench->warmup_left - 0.5) / (2 * SCROLL_STEPS));
      bench->warmup_left--;
      return;
    }

  if (bench->step == 0)
    {
      bench->scroll_start_us = gdk_frame_clock_get_frame_time (clock);
      scroll_step (bench);
      return;
    }

  if (bench->step < SCROLL_STEPS + RANDOM_JUMPS)
    {
      double ms;

      scroll_step (bench);
      ms = (g_get_monotonic_time () - bench->frame_start_us) / 1000.0;
      g_array_append_val (bench->frame_work_ms, ms);
      return;
    }

  {
    gint64 elapsed = gdk_frame_clock_get_frame_time (clock) - bench->scroll_start_us;
    double fps = elapsed > 0 ? (double) bench->step * G_USEC_PER_SEC / elapsed : 0;

    printf ("scroll-fps: %.1f\n", fps);
    print_frame_work (bench);
    finish (bench);
  }
}

static void
bench_free (gpointer data)
{
  Bench *bench = data;

  if (bench->clock != NULL)
    {
      g_clear_signal_handler (&bench->before_paint_id, bench->clock);
      g_clear_signal_handler (&bench->after_paint_id, bench->clock);
      gdk_frame_clock_end_updating (bench->clock);
      g_clear_object (&bench->clock);
    }
  g_clear_signal_handler (&bench->map_id, bench->page);
  g_clear_pointer (&bench->rand, g_rand_free);
  g_clear_pointer (&bench->frame_work_ms, g_array_unref);
  g_free (bench);
}

static void
page_mapped_cb (GtkWidget *page,
                Bench     *bench)
{
  if (bench->clock != NULL)
    return;
  /* Frames keep coming while the benchmark runs, even when nothing moves. */
  bench->clock = g_object_ref (gtk_widget_get_frame_clock (page));
  bench->before_paint_id = g_signal_connect (bench->clock, "before-paint",
                                             G_CALLBACK (before_paint_cb), bench);
  bench->after_paint_id = g_signal_connect (bench->clock, "after-paint",
                                            G_CALLBACK (after_paint_cb), bench);
  gdk_frame_clock_begin_updating (bench->clock);
}

void
xf_registry_bench_start (GtkWidget         *page,
                         GtkColumnView     *view,
                         GtkScrolledWindow *scroller,
                         GtkStack          *list_stack,
                         GListModel        *model,
                         const guint       *bind_count)
{
  Bench *bench = g_new0 (Bench, 1);

  bench->page = page;
  bench->view = view;
  bench->scroller = scroller;
  bench->list_stack = list_stack;
  bench->model = model;
  bench->bind_count = bind_count;
  bench->scroll = g_getenv ("XIANFENG_BENCH_SCROLL") != NULL;
  bench->rand = g_rand_new_with_seed (42);
  bench->frame_work_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_object_set_data_full (G_OBJECT (page), "xf-bench", bench, bench_free);

  if (gtk_widget_get_mapped (page))
    page_mapped_cb (page, bench);
  else
    bench->map_id = g_signal_connect (page, "map", G_CALLBACK (page_mapped_cb), bench);
}

void
xf_registry_bench_stop (GtkWidget *page)
{
  g_object_set_data (G_OBJECT (page), "xf-bench", NULL);
}
