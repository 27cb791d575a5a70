/* xf-clock.h — today's date and the time, as the rules see them
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Deadlines are counted from "today" in the desk's local time. Tests, the
 * demo and screenshots need another today: $XIANFENG_TODAY ("YYYY-MM-DD")
 * replaces the date (the time of day stays the real one), read at every
 * call so that a test may move time on.
 */
void       xf_clock_today       (GDate *date);
char      *xf_clock_today_text  (void);            /* "YYYY-MM-DD" */
/* Now, local; with $XIANFENG_TODAY, that day at the real time of day. */
GDateTime *xf_clock_now_local   (void);

/*
 * The real local date and time, without $XIANFENG_TODAY, for checks such
 * as "not in the future". Cheap enough to call per row: GLib 2.74 reads
 * the zone file again at every g_date_time_new_now_local() when TZ is
 * unset, so the local zone is kept here and read again once a minute.
 * Thread-safe.
 */
GDateTime *xf_clock_real_now    (void);
void       xf_clock_real_today  (GDate *date);

G_END_DECLS
