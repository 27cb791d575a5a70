/* xf-demo-events.c — a year of engagement events, and the frozen months
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-accounts.h"
#include "xf-calendar.h"
#include "xf-clock.h"
#include "xf-demo-events.h"
#include "xf-demo-private.h"
#include "xf-error.h"
#include "xf-ranking.h"
#include "xf-service.h"

/*
 * The events are drawn day by day, oldest first, so their ids follow
 * time. About VISIBLE pioneers have their cards shared around, each with a
 * popularity: most are visited now and then, a few (one in twelve)
 * fifteen to forty times as often, and the most popular has a "viral" day
 * twice a year with more views than the daily cap counts.
 * One event in seven repeats the one before it (the same visitor on the
 * same card the same day), which the per-visitor cap cuts.
 */

#define SAVEPOINT "xf_demo_events"
#define DAYS 365
#define EVENTS_PER_PIONEER 20
#define MAX_EVENTS 20000
#define MIN_EVENTS 400
#define N_VISITORS 4000
#define VIRAL_VIEWS 70
#define FROZEN_MONTHS 12
#define VISIBLE 500

typedef struct
{
  XfStore   *store;
  XfDb      *db;
  XfDemoRng  rng;
  GDate      today;
  GArray    *ids;        /* gint64 pioneer ids */
  GArray    *cumulative; /* guint64 running sum of popularity */
  XfDbBulk  *bulk;
  guint      serial;
} Events;

static void
events_clear (Events *events)
{
  g_clear_pointer (&events->ids, g_array_unref);
  g_clear_pointer (&events->cumulative, g_array_unref);
  if (events->bulk != NULL)
    xf_db_bulk_end (g_steal_pointer (&events->bulk), NULL);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Events, events_clear)

static gboolean
load_pioneers (Events  *events,
               GError **error)
{
  g_autoptr(XfDbStmt) stmt = xf_db_prepare (events->db,
                                            "SELECT id FROM pioneers WHERE status = 'active' ORDER BY id",
                                            error);
  guint64 sum = 0;
  gint64 n_active = xf_db_query_int64 (events->db, "SELECT count(*) FROM pioneers WHERE status = 'active'",
                                      -1, error);
  XfDbStep step;

  if (stmt == NULL || n_active < 0)
    return FALSE;
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      gint64 id = xf_db_stmt_column_int64 (stmt, 0);
      guint popularity = 1 + _xf_demo_rng_below (&events->rng, 3);

      /* Only some cards are shared around: about VISIBLE of them. */
      if (n_active > VISIBLE && _xf_demo_rng_below (&events->rng, (guint32) n_active) >= VISIBLE)
        continue;
      if (_xf_demo_rng_chance (&events->rng, 80))
        popularity = (guint) _xf_demo_rng_range (&events->rng, 15, 40);
      else if (_xf_demo_rng_chance (&events->rng, 200))
        popularity += (guint) _xf_demo_rng_range (&events->rng, 3, 6);
      sum += popularity;
      g_array_append_val (events->ids, id);
      g_array_append_val (events->cumulative, sum);
    }
  return step == XF_DB_STEP_DONE;
}

static gint64
pick_pioneer (Events *events)
{
  guint64 total = g_array_index (events->cumulative, guint64, events->cumulative->len - 1);
  guint64 roll = _xf_demo_rng_next (&events->rng) % total;
  guint lo = 0, hi = events->cumulative->len - 1;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (events->cumulative, guint64, mid) > roll)
        hi = mid;
      else
        lo = mid + 1;
    }
  return g_array_index (events->ids, gint64, lo);
}

static const char *
pick_kind (Events *events)
{
  guint32 roll = _xf_demo_rng_below (&events->rng, 1000);

  if (roll < 620)
    return XF_ENGAGEMENT_CARD_VIEWED;
  if (roll < 830)
    return XF_ENGAGEMENT_CARD_LIKED;
  if (roll < 940)
    return XF_ENGAGEMENT_CARD_SHARED;
  return XF_ENGAGEMENT_RECOMMENDED;
}

static gboolean
add_event (Events      *events,
           gint64       pioneer_id,
           const char  *kind,
           GDateTime   *midnight,
           const char  *day,
           const char  *visitor,
           GError     **error)
{
  /* Between 08:00 and 22:00. */
  gint64 seconds = 8 * 3600 + _xf_demo_rng_below (&events->rng, 14 * 3600);
  gint64 at = (g_date_time_to_unix (midnight) + seconds) * G_USEC_PER_SEC;
  char pioneer_text[24], at_text[24], source_id[24];
  const char *source = _xf_demo_rng_chance (&events->rng, 300) ? "wechat" : XF_ENGAGEMENT_SOURCE_PORTAL;
  const char *values[8];

  g_snprintf (pioneer_text, sizeof pioneer_text, "%" G_GINT64_FORMAT, pioneer_id);
  g_snprintf (at_text, sizeof at_text, "%" G_GINT64_FORMAT, at);
  g_snprintf (source_id, sizeof source_id, "demo-%06u", ++events->serial);
  values[0] = pioneer_text;
  values[1] = kind;
  values[2] = at_text;
  values[3] = day;
  values[4] = source;
  values[5] = source_id;
  values[6] = visitor;
  values[7] = "1";
  return xf_db_bulk_add (events->bulk, values, error);
}

static gboolean
generate_day (Events  *events,
              int      ago,
              guint    count,
              GError **error)
{
  GDate date = events->today;
  g_autoptr(GDateTime) midnight = NULL;
  g_autofree char *day = NULL;
  gint64 last_pioneer = 0;
  const char *last_kind = NULL;
  char last_visitor[16] = "";

  g_date_subtract_days (&date, (guint) ago);
  day = xf_date_format (&date);
  midnight = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                    g_date_get_day (&date), 0, 0, 0);

  for (guint i = 0; i < count; i++)
    {
      char visitor[16];

      if (last_kind != NULL && _xf_demo_rng_chance (&events->rng, 140))
        {
          /* The same visitor again on the same card: the caps cut it. */
          if (!add_event (events, last_pioneer, last_kind, midnight, day, last_visitor, error))
            return FALSE;
          continue;
        }
      last_pioneer = pick_pioneer (events);
      last_kind = pick_kind (events);
      if (g_str_equal (last_kind, XF_ENGAGEMENT_RECOMMENDED))
        g_snprintf (visitor, sizeof visitor, "org-%03u", _xf_demo_rng_below (&events->rng, 200));
      else
        g_snprintf (visitor, sizeof visitor, "v-%04x", _xf_demo_rng_below (&events->rng, N_VISITORS));
      g_strlcpy (last_visitor, visitor, sizeof last_visitor);
      if (!add_event (events, last_pioneer, last_kind, midnight, day, visitor, error))
        return FALSE;
    }

  /* The most visited pioneer's viral days, twice a year: more views than
   * the daily cap counts. */
  if (g_date_get_day (&date) == 15 && g_date_get_month (&date) % 6 == 3)
    {
      gint64 star = 0;
      guint64 best = 0, previous = 0;

      for (guint i = 0; i < events->ids->len; i++)
        {
          guint64 sum = g_array_index (events->cumulative, guint64, i);

          if (sum - previous > best)
            {
              best = sum - previous;
              star = g_array_index (events->ids, gint64, i);
            }
          previous = sum;
        }
      for (guint i = 0; i < VIRAL_VIEWS; i++)
        {
          char visitor[16];

          g_snprintf (visitor, sizeof visitor, "w-%04x", _xf_demo_rng_below (&events->rng, N_VISITORS));
          if (!add_event (events, star, XF_ENGAGEMENT_CARD_VIEWED, midnight, day, visitor, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The twelve months before today's, frozen as the administrator would. */
static gboolean
freeze_months (Events  *events,
               GError **error)
{
  g_autoptr(XfAccount) local = xf_account_new_local_administrator ();
  g_autoptr(XfRegistry) registry = xf_registry_new (events->store, local);
  g_autoptr(XfRanking) ranking = xf_ranking_new (registry);
  int year = g_date_get_year (&events->today);
  int month = g_date_get_month (&events->today);

  for (int back = FROZEN_MONTHS; back >= 1; back--)
    {
      int m = month - back;
      int y = year;
      g_autofree char *text = NULL;
      g_autoptr(XfMonthlyRanking) frozen = NULL;

      while (m < 1)
        {
          m += 12;
          y--;
        }
      text = g_strdup_printf ("%04d-%02d", y, m);
      frozen = xf_ranking_compute (ranking, text, error);
      if (frozen == NULL)
        {
          /* TRANSLATORS: the start of an error message: "Demo ranking, 2026-11: …" */
          g_prefix_error (error, _("Demo ranking, %s: "), text);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
generate (Events  *events,
          GError **error)
{
  static const char * const columns[] = {
    "pioneer_id", "kind", "occurred_at", "occurred_on", "source", "source_id", "visitor", "value", NULL
  };
  guint total;

  if (!load_pioneers (events, error))
    return FALSE;
  if (events->ids->len == 0)
    return TRUE;
  total = CLAMP (events->ids->len * EVENTS_PER_PIONEER, MIN_EVENTS, MAX_EVENTS);

  events->bulk = xf_db_bulk_begin (events->db, "engagement_events", columns, error);
  if (events->bulk == NULL)
    return FALSE;
  for (int ago = DAYS - 1; ago >= 0; ago--)
    {
      /* Busier towards today: a third more at the end of the year. */
      guint mean = total * (3 * DAYS + (DAYS - ago)) / (3 * DAYS) / DAYS;
      guint count = (guint) _xf_demo_rng_range (&events->rng, (int) (mean * 3 / 4), (int) (mean * 5 / 4));

      if (!generate_day (events, ago, count, error))
        return FALSE;
    }
  if (!xf_db_bulk_end (g_steal_pointer (&events->bulk), error))
    return FALSE;
  g_debug ("Wrote %u demo engagement events", events->serial);
  return freeze_months (events, error);
}

/**
 * xf_demo_generate_events:
 * @store: a store with the demo registry
 * @seed: the seed; the same seed on the same day gives the same events
 *
 * See xf-demo-events.h.
 *
 * Returns: %TRUE on success
 */
gboolean
xf_demo_generate_events (XfStore  *store,
                         guint64   seed,
                         GError  **error)
{
  g_auto(Events) events = { 0 };
  g_autoptr(GTimer) timer = g_timer_new ();
  gboolean nested = FALSE;
  gboolean ok;

  g_return_val_if_fail (XF_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  events.store = store;
  events.db = xf_store_get_db (store);
  if (!_xf_demo_check_none (events.db, "SELECT count(*) FROM engagement_events WHERE source <> 'app'",
                            _("The database already has imported engagement events; demo events go only into a database without any"),
                            error))
    return FALSE;
  events.ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  events.cumulative = g_array_new (FALSE, FALSE, sizeof (guint64));
  _xf_demo_rng_seed (&events.rng, seed ^ G_GUINT64_CONSTANT (0x6576656E7473));  /* "events" */
  xf_clock_today (&events.today);

  ok = xf_db_begin_write (events.db, SAVEPOINT, &nested, error);
  if (ok)
    {
      ok = generate (&events, error) && xf_db_commit_write (events.db, SAVEPOINT, nested, error);
      if (!ok)
        xf_db_rollback_write (events.db, SAVEPOINT, nested);
    }
  g_debug ("Wrote %u demo events in %.2f s", events.serial, g_timer_elapsed (timer, NULL));
  return ok;
}
