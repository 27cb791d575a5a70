/* xf-registry-bench.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Benchmark hooks of the registry list, driven by the environment:
 *
 *   XIANFENG_REPORT_FIRST_ROWS=1  after the first frame that shows list
 *     rows (or the empty state), print "first-rows-ms: N rss-kb: M" and quit.
 *   XIANFENG_BENCH_SCROLL=1  then, after 5 jumps that warm the caches up,
 *     scroll to the end in 100 steps and make 50 random jumps, one per
 *     frame, print "scroll-fps: N" over those 150 frames and
 *     "scroll-frame-ms: median N p90 N max N" (the main thread's work per
 *     frame, which must stay under 16.7 ms for 60 frames per second) and
 *     quit.
 */

void xf_registry_bench_start (GtkWidget         *page,
                              GtkColumnView     *view,
                              GtkScrolledWindow *scroller,
                              GtkStack          *list_stack,
                              GListModel        *model,
                              const guint       *bind_count);
void xf_registry_bench_stop  (GtkWidget         *page);

G_END_DECLS
