/* xf-demo.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-store.h"

G_BEGIN_DECLS

/*
 * Demo data: a realistic, deterministic registry for the reference city
 * (individuals with valid identity numbers, collectives with valid credit
 * codes, honours and tiers), for trying the app and for benchmarks. The
 * same seed always gives the same rows. It only fills an empty registry
 * and writes everything in one transaction: on error or cancellation the
 * database is left as it was.
 */

typedef struct
{
  guint   pioneers;     /* individuals; default 3875 */
  guint   collectives;  /* default 1630 */
  guint64 seed;         /* default 1 */
} XfDemoOptions;

#define XF_DEMO_DEFAULT_PIONEERS    3875
#define XF_DEMO_DEFAULT_COLLECTIVES 1630

/* Called at most about a hundred times, from the thread that generates. */
typedef void (*XfDemoProgressFunc) (guint64  done,
                                    guint64  total,
                                    gpointer user_data);

/* Fills @options with the defaults. */
void     xf_demo_options_init (XfDemoOptions       *options);

gboolean xf_demo_generate     (XfStore             *store,
                               const XfDemoOptions *options,
                               XfDemoProgressFunc   progress,
                               gpointer             user_data,
                               GCancellable        *cancellable,
                               GError             **error);

G_END_DECLS
