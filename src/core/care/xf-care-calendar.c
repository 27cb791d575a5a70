/* xf-care-calendar.c — the care calendar and its reminders in working time
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-calendar.h"
#include "xf-care-private.h"
#include "xf-deadline.h"
#include "xf-error.h"

/*
 * The calendar gathers what falls due in a range of days: round birthdays
 * and honour anniversaries (each with one query over the registry, not one
 * per pioneer), health checks due for the people eligible for a
 * health-check programme, planned visits and batch dates. Each item's
 * reminder is a number of official working days before it (调休 make-up
 * days count as working days, holidays do not).
 */

#define MAX_DAYS           366
#define NEAR_DAYS          30     /* a visit this close to a birthday is "its" visit */

typedef struct
{
  XfCare     *self;
  GDate       from;
  GDate       to;
  char       *from_text;
  char       *to_text;
  const char *region_prefix;   /* NULL: everywhere */
  char       *region_pattern;  /* for LIKE: "3305%", or "%" */
  GPtrArray  *items;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->from_text, g_free);
  g_clear_pointer (&run->to_text, g_free);
  g_clear_pointer (&run->region_pattern, g_free);
  g_clear_pointer (&run->items, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static gboolean
in_range (const Run   *run,
          const GDate *date)
{
  return g_date_compare (date, &run->from) >= 0 && g_date_compare (date, &run->to) <= 0;
}

static XfCareCalendarItem *
add_item (Run         *run,
          const GDate *date,
          const char  *kind,
          gint64       pioneer_id,
          const char  *pioneer_name,
          const char  *region_code,
          char        *title,   /* (transfer full) */
          gint64       record_id)
{
  XfCareCalendarItem *item = g_new0 (XfCareCalendarItem, 1);

  item->date = xf_date_format ((GDate *) date);
  item->kind = g_strdup (kind);
  item->pioneer_id = pioneer_id;
  item->pioneer_name = g_strdup (pioneer_name);
  item->region_code = g_strdup (region_code);
  item->title = title;
  item->record_id = record_id;
  g_ptr_array_add (run->items, item);
  return item;
}

/*
 * Birthdays: 50, 60, 70, and every year from 80
 */

static gboolean
is_round_age (int age)
{
  return age == 50 || age == 60 || age == 70 || age >= 80;
}

/* "60th birthday", with the English ordinal's suffix. */
static char *
birthday_title (int age)
{
  if (age % 10 == 1 && age % 100 != 11)
    /* Translators: an ordinal birthday (81st); every ordinal can read "%d岁生日". */
    return g_strdup_printf (_("%dst birthday"), age);
  if (age % 10 == 2 && age % 100 != 12)
    /* Translators: an ordinal birthday (82nd). */
    return g_strdup_printf (_("%dnd birthday"), age);
  if (age % 10 == 3 && age % 100 != 13)
    /* Translators: an ordinal birthday (83rd). */
    return g_strdup_printf (_("%drd birthday"), age);
  /* Translators: an ordinal birthday (60th). */
  return g_strdup_printf (_("%dth birthday"), age);
}

/* The birthday in @year; 29 February is kept on 1 March in other years. */
static void
birthday_in (const GDate *born,
             int          year,
             GDate       *result)
{
  GDateMonth month = g_date_get_month (born);
  GDateDay day = g_date_get_day (born);

  g_date_clear (result, 1);
  if (month == G_DATE_FEBRUARY && day == 29 && !g_date_is_leap_year ((GDateYear) year))
    g_date_set_dmy (result, 1, G_DATE_MARCH, (GDateYear) year);
  else
    g_date_set_dmy (result, day, month, (GDateYear) year);
}

static void
add_birthdays_of (Run        *run,
                  XfDbStmt   *stmt)
{
  const char *birth_text = xf_db_stmt_column_text (stmt, 3);
  GDate born;

  g_date_clear (&born, 1);
  if (!xf_date_parse (birth_text, &born))
    return;
  for (int year = g_date_get_year (&run->from); year <= g_date_get_year (&run->to); year++)
    {
      int age = year - g_date_get_year (&born);
      GDate day;

      birthday_in (&born, year, &day);
      if (is_round_age (age) && in_range (run, &day))
        add_item (run, &day, XF_CALENDAR_BIRTHDAY, xf_db_stmt_column_int64 (stmt, 0),
                  xf_db_stmt_column_text (stmt, 1), xf_db_stmt_column_text (stmt, 2),
                  birthday_title (age), 0);
    }
}

/* Binds the years of birth of a round birthday in the range's years, and
 * the days of the year the range covers (29 February always, for 1 March). */
static void
bind_birthday_filter (const Run *run,
                      XfDbStmt  *stmt)
{
  int first = g_date_get_year (&run->from);
  int last = g_date_get_year (&run->to);
  g_autofree char *oldest = g_strdup_printf ("%04d-01-01", last - 79);
  const int rounds[] = { 50, 60, 70 };
  gboolean whole_year;

  xf_db_stmt_bind_text (stmt, 2, oldest);
  for (guint i = 0; i < G_N_ELEMENTS (rounds); i++)
    {
      g_autofree char *a = g_strdup_printf ("%04d", first - rounds[i]);
      g_autofree char *b = g_strdup_printf ("%04d", last - rounds[i]);

      xf_db_stmt_bind_text (stmt, 3 + 2 * (int) i, a);
      xf_db_stmt_bind_text (stmt, 4 + 2 * (int) i, b);
    }
  /* A range across New Year covers the days from its start to 31 December
   * and from 1 January to its end; a whole year or more, every day. */
  whole_year = first < last && strcmp (run->to_text + 5, run->from_text + 5) >= 0;
  xf_db_stmt_bind_text (stmt, 9, whole_year ? "01-01" : run->from_text + 5);
  xf_db_stmt_bind_text (stmt, 10, whole_year ? "12-31" : run->to_text + 5);
  xf_db_stmt_bind_int64 (stmt, 11, first < last && !whole_year);
}

static gboolean
collect_birthdays (Run     *run,
                   GError **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = xf_repo_prepare (&run->self->repo,
                          "SELECT p.id, p.name, p.region_code, p.birth_date FROM pioneers p"
                          " WHERE p.kind = 'individual' AND p.status = 'active' AND p.birth_date IS NOT NULL"
                          " AND ($1 = '%' OR p.region_code LIKE $1)"
                          " AND (p.birth_date < $2 OR substr (p.birth_date, 1, 4) IN ($3, $4, $5, $6, $7, $8))"
                          " AND (substr (p.birth_date, 6, 5) = '02-29'"
                          "      OR ($11 = 0 AND substr (p.birth_date, 6, 5) BETWEEN $9 AND $10)"
                          "      OR ($11 = 1 AND (substr (p.birth_date, 6, 5) >= $9"
                          "                       OR substr (p.birth_date, 6, 5) <= $10)))",
                          error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, run->region_pattern);
  bind_birthday_filter (run, stmt);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    add_birthdays_of (run, stmt);
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE;
}

/*
 * Honour anniversaries: every 5 years, on 1 May (Labour Day) of the year
 */

static char *
anniversary_title (int         years,
                   const char *honour,
                   int         honour_year)
{
  /* Translators: years since an honour, the honour's title, then the year
   * it was given: "10 years since 全国劳动模范 (2016)". */
  return g_strdup_printf (ngettext ("%d year since %s (%d)", "%d years since %s (%d)",
                                    (unsigned long) years),
                          years, honour, honour_year);
}

static gboolean
collect_anniversaries_in (Run     *run,
                          int      year,
                          GError **error)
{
  XfDbStmt *stmt;
  XfDbStep step;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_MAY, (GDateYear) year);
  if (!in_range (run, &day))
    return TRUE;
  stmt = xf_repo_prepare (&run->self->repo,
                          "SELECT p.id, p.name, p.region_code, h.title, h.year"
                          " FROM honours h JOIN pioneers p ON p.id = h.pioneer_id"
                          " WHERE p.status = 'active' AND ($1 = '%' OR p.region_code LIKE $1)"
                          " AND h.year < $2 AND ($2 - h.year) % 5 = 0"
                          " ORDER BY h.year, h.id", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, run->region_pattern);
  xf_db_stmt_bind_int64 (stmt, 2, year);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      int honour_year = (int) xf_db_stmt_column_int64 (stmt, 4);

      add_item (run, &day, XF_CALENDAR_ANNIVERSARY, xf_db_stmt_column_int64 (stmt, 0),
                xf_db_stmt_column_text (stmt, 1), xf_db_stmt_column_text (stmt, 2),
                anniversary_title (year - honour_year, xf_db_stmt_column_text (stmt, 3), honour_year),
                0);
    }
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE;
}

static gboolean
collect_anniversaries (Run     *run,
                       GError **error)
{
  for (int year = g_date_get_year (&run->from); year <= g_date_get_year (&run->to); year++)
    if (!collect_anniversaries_in (run, year, error))
      return FALSE;
  return TRUE;
}

/*
 * Health checks due: the last check + the programme's interval, or the
 * range's start when never checked or overdue
 */

static void
add_check_due (Run                   *run,
               const XfCareProgramme *programme,
               const XfCareEligible  *eligible)
{
  const char *name = xf_care_programme_get_name (programme);
  GDate due;
  char *title;

  g_date_clear (&due, 1);
  if (eligible->last_served_on != NULL && xf_date_parse (eligible->last_served_on, &due))
    g_date_add_years (&due, (guint) MAX (programme->interval_years, 1));
  else
    due = run->from;
  if (g_date_compare (&due, &run->from) < 0)
    due = run->from;
  if (!in_range (run, &due))
    return;
  if (eligible->last_served_on != NULL)
    /* Translators: a programme's name, then the date it was last given. */
    title = g_strdup_printf (_("%s due (last on %s)"), name, eligible->last_served_on);
  else
    /* Translators: a programme's name. */
    title = g_strdup_printf (_("%s due (never given)"), name);
  add_item (run, &due, XF_CALENDAR_HEALTH_CHECK_DUE, eligible->pioneer_id, eligible->name,
            eligible->region_code, title, 0);
}

static gboolean
collect_checks_of (Run                   *run,
                   const XfCareProgramme *programme,
                   GError               **error)
{
  g_autoptr(GPtrArray) eligible = NULL;

  eligible = xf_care_list_eligible (run->self, programme->code, run->from_text,
                                    run->region_prefix, error);
  if (eligible == NULL)
    return FALSE;
  for (guint i = 0; i < eligible->len; i++)
    add_check_due (run, programme, g_ptr_array_index (eligible, i));
  return TRUE;
}

static gboolean
collect_health_checks (Run     *run,
                       GError **error)
{
  g_autoptr(GPtrArray) programmes = xf_care_list_programmes (run->self, FALSE, error);

  if (programmes == NULL)
    return FALSE;
  for (guint i = 0; i < programmes->len; i++)
    {
      const XfCareProgramme *programme = g_ptr_array_index (programmes, i);

      if (g_strcmp0 (programme->kind, XF_CARE_KIND_HEALTH_CHECK) == 0
          && !collect_checks_of (run, programme, error))
        return FALSE;
    }
  return TRUE;
}

/*
 * Planned visits and batch dates
 */

static void
add_visit_row (Run      *run,
               XfDbStmt *stmt)
{
  GDate day;

  g_date_clear (&day, 1);
  if (!xf_date_parse (xf_db_stmt_column_text (stmt, 5), &day))
    return;
  add_item (run, &day, XF_CALENDAR_VISIT, xf_db_stmt_column_int64 (stmt, 1),
            xf_db_stmt_column_text (stmt, 2), xf_db_stmt_column_text (stmt, 3),
            /* Translators: a visit's purpose ("Birthday"), then who makes it. */
            g_strdup_printf (_("%s visit by %s"),
                             xf_visit_purpose_label (xf_db_stmt_column_text (stmt, 4)),
                             xf_db_stmt_column_text (stmt, 6)),
            xf_db_stmt_column_int64 (stmt, 0));
}

static gboolean
collect_visits (Run     *run,
                GError **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = xf_repo_prepare (&run->self->repo,
                          "SELECT v.id, v.pioneer_id, p.name, p.region_code, v.purpose, v.planned_on,"
                          " v.assignees FROM care_visits v JOIN pioneers p ON p.id = v.pioneer_id"
                          " WHERE v.status = 'planned' AND v.planned_on >= $1 AND v.planned_on <= $2"
                          " AND ($3 = '%' OR p.region_code LIKE $3)"
                          " ORDER BY v.planned_on, v.planned_time, v.id", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, run->from_text);
  xf_db_stmt_bind_text (stmt, 2, run->to_text);
  xf_db_stmt_bind_text (stmt, 3, run->region_pattern);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    add_visit_row (run, stmt);
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE;
}

static void
add_batch_row (Run      *run,
               XfDbStmt *stmt)
{
  gint64 id = xf_db_stmt_column_int64 (stmt, 0);
  const char *title = xf_db_stmt_column_text (stmt, 1);
  const char *status = xf_db_stmt_column_text (stmt, 4);
  gboolean open = g_strcmp0 (status, XF_BATCH_DRAFT) == 0 || g_strcmp0 (status, XF_BATCH_INVITING) == 0;
  GDate day;

  g_date_clear (&day, 1);
  if (xf_date_parse (xf_db_stmt_column_text (stmt, 2), &day) && in_range (run, &day))
    /* Translators: a batch's title. */
    add_item (run, &day, XF_CALENDAR_BATCH, 0, NULL, NULL, g_strdup_printf (_("“%s” starts"), title), id);
  g_date_clear (&day, 1);
  if (open && xf_date_parse (xf_db_stmt_column_text (stmt, 3), &day) && in_range (run, &day))
    /* Translators: a batch's title. */
    add_item (run, &day, XF_CALENDAR_BATCH, 0, NULL, NULL, g_strdup_printf (_("“%s”: answers due"), title), id);
}

static gboolean
collect_batches (Run     *run,
                 GError **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = xf_repo_prepare (&run->self->repo,
                          "SELECT id, title, starts_on, reply_by, status FROM care_batches"
                          " WHERE status <> 'cancelled'"
                          " AND ((starts_on >= $1 AND starts_on <= $2) OR (reply_by >= $1 AND reply_by <= $2))"
                          " ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, run->from_text);
  xf_db_stmt_bind_text (stmt, 2, run->to_text);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    add_batch_row (run, stmt);
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE;
}

/*
 * Visits already planned for a birthday or an anniversary
 */

static char *
visit_key (gint64      pioneer_id,
           const char *kind)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %s", pioneer_id, kind);
}

/* "PIONEER KIND" → (element-type utf8) dates of planned or done visits
 * of that purpose, near the range. */
static GHashTable *
load_visit_days (Run     *run,
                 GError **error)
{
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_ptr_array_unref);
  GDate from = run->from, to = run->to;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  XfDbStmt *stmt;
  XfDbStep step;

  g_date_subtract_days (&from, NEAR_DAYS);
  g_date_add_days (&to, NEAR_DAYS);
  from_text = xf_date_format (&from);
  to_text = xf_date_format (&to);
  stmt = xf_repo_prepare (&run->self->repo,
                          "SELECT pioneer_id, purpose, COALESCE (done_on, planned_on) FROM care_visits"
                          " WHERE status <> 'cancelled' AND purpose IN ('birthday', 'anniversary')"
                          " AND planned_on >= $1 AND planned_on <= $2", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_text (stmt, 1, from_text);
  xf_db_stmt_bind_text (stmt, 2, to_text);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      const char *purpose = xf_db_stmt_column_text (stmt, 1);
      char *key = visit_key (xf_db_stmt_column_int64 (stmt, 0),
                             g_str_equal (purpose, "birthday") ? XF_CALENDAR_BIRTHDAY
                                                               : XF_CALENDAR_ANNIVERSARY);
      GPtrArray *list = g_hash_table_lookup (days, key);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (days, g_strdup (key), list);
        }
      g_ptr_array_add (list, xf_db_stmt_dup_text (stmt, 2));
      g_free (key);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&days);
}

static gboolean
has_visit_near (GHashTable               *days,
                const XfCareCalendarItem *item)
{
  g_autofree char *key = visit_key (item->pioneer_id, item->kind);
  GPtrArray *list = g_hash_table_lookup (days, key);
  GDate date;

  g_date_clear (&date, 1);
  if (list == NULL || !xf_date_parse (item->date, &date))
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      GDate visit;

      g_date_clear (&visit, 1);
      if (xf_date_parse (g_ptr_array_index (list, i), &visit)
          && ABS (g_date_days_between (&date, &visit)) <= NEAR_DAYS)
        return TRUE;
    }
  return FALSE;
}

/*
 * Reminders and order
 */

/* The @n-th working day before @date (@date itself for 0). */
static char *
remind_on (XfCalendar *calendar,
           const char *date,
           guint       n)
{
  GDate day;

  g_date_clear (&day, 1);
  if (!xf_date_parse (date, &day))
    return g_strdup (date);
  for (guint found = 0; found < n;)
    {
      g_date_subtract_days (&day, 1);
      found += xf_calendar_is_working_day (calendar, &day) ? 1 : 0;
    }
  return xf_date_format (&day);
}

static int
kind_rank (const char *kind)
{
  const char *order[] = { XF_CALENDAR_BIRTHDAY, XF_CALENDAR_ANNIVERSARY, XF_CALENDAR_HEALTH_CHECK_DUE,
                          XF_CALENDAR_VISIT, XF_CALENDAR_BATCH };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_strcmp0 (kind, order[i]) == 0)
      return (int) i;
  return G_N_ELEMENTS (order);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const XfCareCalendarItem *x = *(const XfCareCalendarItem * const *) a;
  const XfCareCalendarItem *y = *(const XfCareCalendarItem * const *) b;
  int by;

  if ((by = strcmp (x->date, y->date)) != 0)
    return by;
  if ((by = kind_rank (x->kind) - kind_rank (y->kind)) != 0)
    return by;
  if ((by = g_strcmp0 (x->pioneer_name, y->pioneer_name)) != 0)
    return by;
  if ((by = g_strcmp0 (x->title, y->title)) != 0)
    return by;
  return (x->pioneer_id > y->pioneer_id) - (x->pioneer_id < y->pioneer_id);
}

static gboolean
finish_items (Run      *run,
              guint     remind_days,
              GError  **error)
{
  g_autoptr(XfCalendar) calendar = xf_calendar_dup_default_or_weekends ();
  g_autoptr(GHashTable) days = load_visit_days (run, error);

  if (days == NULL)
    return FALSE;
  for (guint i = 0; i < run->items->len; i++)
    {
      XfCareCalendarItem *item = g_ptr_array_index (run->items, i);

      item->remind_on = remind_on (calendar, item->date, remind_days);
      if (g_str_equal (item->kind, XF_CALENDAR_BIRTHDAY) || g_str_equal (item->kind, XF_CALENDAR_ANNIVERSARY))
        item->visit_planned = has_visit_near (days, item);
    }
  g_ptr_array_sort (run->items, compare_items);
  return TRUE;
}

/*
 * The calendar
 */

static gboolean
start_run (Run         *run,
           XfCare      *self,
           const char  *from,
           const char  *to,
           const char  *region_prefix,
           GError     **error)
{
  if (!xf_repo_check_date (_("From"), from, TRUE, error)
      || !xf_repo_check_date (_("To"), to, TRUE, error)
      || !xf_repo_check_region_prefix (region_prefix, error))
    return FALSE;
  g_date_clear (&run->from, 1);
  g_date_clear (&run->to, 1);
  xf_date_parse (from, &run->from);
  xf_date_parse (to, &run->to);
  if (g_date_days_between (&run->from, &run->to) < 0
      || g_date_days_between (&run->from, &run->to) > MAX_DAYS)
    {
      /* Translators: %d is a number of days (366). */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("To: a date on or after From, at most %d days later"), MAX_DAYS);
      return FALSE;
    }
  run->self = self;
  run->from_text = g_strdup (from);
  run->to_text = g_strdup (to);
  run->region_prefix = region_prefix != NULL && *region_prefix != '\0' ? region_prefix : NULL;
  run->region_pattern = g_strconcat (run->region_prefix != NULL ? run->region_prefix : "", "%", NULL);
  run->items = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_care_calendar_item_free);
  return TRUE;
}

GPtrArray *
xf_care_calendar (XfCare      *self,
                  const char  *from,
                  const char  *to,
                  const char  *region_prefix,
                  guint        remind_days,
                  GError     **error)
{
  g_auto(Run) run = { 0, };

  g_return_val_if_fail (XF_IS_CARE (self), NULL);

  if (!start_run (&run, self, from, to, region_prefix, error)
      || !collect_birthdays (&run, error)
      || !collect_anniversaries (&run, error)
      || !collect_health_checks (&run, error)
      || !collect_visits (&run, error)
      || !collect_batches (&run, error)
      || !finish_items (&run, remind_days, error))
    return NULL;
  return g_steal_pointer (&run.items);
}

/*
 * Reminders due now
 */

static gboolean
is_working_time (XfCalendar *calendar,
                 GDateTime  *now,
                 GDate      *today)
{
  g_date_clear (today, 1);
  g_date_set_dmy (today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  /* The office's hours, as the evaluation's reminders keep them. */
  return xf_deadline_is_working_time (calendar, now);
}

/* Reminders go to those who act on them: CARE_MANAGE at the pioneer's
 * place (anywhere, for a batch). @everywhere: the actor may everywhere. */
static gboolean
acts_on (XfCare                   *self,
         const XfCareCalendarItem *item,
         gboolean                  everywhere)
{
  if (everywhere)
    return TRUE;
  if (item->pioneer_id == 0)
    return xf_permission_allows_somewhere (self->repo.actor, XF_OP_CARE_MANAGE);
  return xf_registry_check_id (self->registry, XF_OP_CARE_MANAGE, item->pioneer_id, NULL);
}

GPtrArray *
xf_care_due_reminders (XfCare      *self,
                       GDateTime   *now,
                       guint        remind_days,
                       GError     **error)
{
  g_autoptr(XfCalendar) calendar = xf_calendar_dup_default_or_weekends ();
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean everywhere;
  GDate today, last;

  g_return_val_if_fail (XF_IS_CARE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (!is_working_time (calendar, now, &today))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) xf_care_calendar_item_free);
  /* An item later than @remind_days working days from today has its
   * reminder after today. */
  last = today;
  if (remind_days > 0)
    xf_calendar_add_working_days (calendar, &today, remind_days, &last, NULL);
  if (g_date_days_between (&today, &last) > MAX_DAYS)
    {
      last = today;
      g_date_add_days (&last, MAX_DAYS);
    }
  from = xf_date_format (&today);
  to = xf_date_format (&last);
  items = xf_care_calendar (self, from, to, NULL, remind_days, error);
  if (items == NULL)
    return NULL;
  everywhere = xf_permission_allows (self->repo.actor, XF_OP_CARE_MANAGE, NULL);
  for (guint i = items->len; i > 0; i--)
    {
      const XfCareCalendarItem *item = g_ptr_array_index (items, i - 1);

      if (strcmp (item->remind_on, from) > 0 || !acts_on (self, item, everywhere))
        g_ptr_array_remove_index (items, i - 1);
    }
  return g_steal_pointer (&items);
}
