/* xf-calendar.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-calendar"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xf-calendar.h"
#include "xf-data.h"
#include "xf-error.h"

/* Julian day numbers (GDate's: 1 is Monday 0001-01-01) stand for dates in
 * the tables, so a lookup is one hash probe. */
#define FIRST_YEAR 1
#define LAST_YEAR 9999

typedef struct
{
  char *name_en;
  char *name_zh;
} Holiday;

struct _XfCalendar
{
  GObject     parent_instance;

  GHashTable *holidays;   /* julian → Holiday */
  GHashTable *makeup;     /* julian set: weekend days that are working days */
  GHashTable *years;      /* year set: years with published data */
};

G_DEFINE_FINAL_TYPE (XfCalendar, xf_calendar, G_TYPE_OBJECT)

static void
holiday_free (gpointer data)
{
  Holiday *holiday = data;

  g_free (holiday->name_en);
  g_free (holiday->name_zh);
  g_free (holiday);
}

static void
xf_calendar_finalize (GObject *object)
{
  XfCalendar *self = XF_CALENDAR (object);

  g_clear_pointer (&self->holidays, g_hash_table_unref);
  g_clear_pointer (&self->makeup, g_hash_table_unref);
  g_clear_pointer (&self->years, g_hash_table_unref);

  G_OBJECT_CLASS (xf_calendar_parent_class)->finalize (object);
}

static void
xf_calendar_class_init (XfCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xf_calendar_finalize;
}

static void
xf_calendar_init (XfCalendar *self)
{
  self->holidays = g_hash_table_new_full (NULL, NULL, NULL, holiday_free);
  self->makeup = g_hash_table_new (NULL, NULL);
  self->years = g_hash_table_new (NULL, NULL);
}

/*
 * Dates
 */

gboolean
xf_date_parse (const char *text,
               GDate      *date)
{
  guint year = 0, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  for (guint i = 0; i < 4; i++)
    year = year * 10 + (text[i] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  day = (text[8] - '0') * 10 + (text[9] - '0');
  if (year < FIRST_YEAR || month < 1 || month > 12 || day < 1
      || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

char *
xf_date_format (GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

static guint
julian_year (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_get_year (&date);
}

/* GDate's julian day 1 is a Monday, so the weekday follows from the number. */
static gboolean
julian_is_weekend (guint32 julian)
{
  return (julian - 1) % 7 >= 5;
}

/* Monday-to-Friday days in [1, julian]. */
static guint64
weekdays_up_to (guint32 julian)
{
  return (guint64) (julian / 7) * 5 + MIN (julian % 7, 5);
}

static guint32
last_julian (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 31, G_DATE_DECEMBER, LAST_YEAR);
  return g_date_get_julian (&date);
}

/*
 * Loading
 */

/* One year's entries, parsed completely before anything is merged, so a
 * bad file changes nothing. */
typedef struct
{
  guint       year;
  GHashTable *holidays;
  GHashTable *makeup;
} YearData;

static void
year_data_free (gpointer data)
{
  YearData *year = data;

  g_hash_table_unref (year->holidays);
  g_hash_table_unref (year->makeup);
  g_free (year);
}

static gboolean
corrupt (GError     **error,
         const char  *source,
         const char  *reason)
{
  g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
               _("Calendar file %s is malformed: %s"), source, reason);
  return FALSE;
}

/* json-glib reports "<data>:LINE:COLUMN: Parse error: REASON"; say it in
 * our words so the line number reads naturally in any language. */
static void
set_parse_error (GError     **error,
                 const char  *source,
                 GError      *parse_error)
{
  /* json-glib quotes the bad token cut at a byte count, which can split a
   * character: our messages stay UTF-8 (tests/fuzz/regressions/calendar/). */
  g_autofree char *message = g_utf8_make_valid (parse_error->message, -1);
  const char *reason;
  guint line, column;

  if (sscanf (message, "<data>:%u:%u:", &line, &column) == 2
      && (reason = strstr (message, ": Parse error: ")) != NULL)
    {
      reason += strlen (": Parse error: ");
      g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                   _("Calendar file %s is malformed: line %u, column %u: %s"),
                   source, line, column, reason);
    }
  else
    corrupt (error, source, message);
}

/* A string member, or "" when it is missing or not a string. */
static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static gboolean
parse_days (JsonObject  *year_object,
            const char  *member,
            guint        year,
            GHashTable  *days,
            gboolean     names_wanted,
            const char  *source,
            GError     **error)
{
  JsonNode *node = json_object_get_member (year_object, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *reason =
        g_strdup_printf (_("year %u has no “%s” list"), year, member);
      return corrupt (error, source, reason);
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *entry = json_array_get_element (array, i);
      JsonObject *object;
      const char *text;
      GDate date;

      if (!JSON_NODE_HOLDS_OBJECT (entry))
        {
          g_autofree char *reason =
            g_strdup_printf (_("year %u: entry %u of “%s” is not an object"), year, i + 1, member);
          return corrupt (error, source, reason);
        }
      object = json_node_get_object (entry);
      text = string_member (object, "date");
      if (!xf_date_parse (text, &date) || g_date_get_year (&date) != year)
        {
          /* The file's text may not be UTF-8: a message must be. */
          g_autofree char *shown = text != NULL ? g_utf8_make_valid (text, -1) : NULL;
          g_autofree char *reason =
            g_strdup_printf (_("year %u: entry %u of “%s” has a bad date “%s”"),
                             year, i + 1, member, shown);
          return corrupt (error, source, reason);
        }

      if (names_wanted)
        {
          Holiday *holiday = g_new0 (Holiday, 1);

          holiday->name_en = g_strdup (string_member (object, "name_en"));
          holiday->name_zh = g_strdup (string_member (object, "name_zh"));
          g_hash_table_insert (days, GUINT_TO_POINTER (g_date_get_julian (&date)), holiday);
        }
      else
        g_hash_table_add (days, GUINT_TO_POINTER (g_date_get_julian (&date)));
    }
  return TRUE;
}

static YearData *
parse_year (const char  *key,
            JsonNode    *node,
            const char  *source,
            GError     **error)
{
  g_autoptr(GHashTable) holidays = NULL;
  g_autoptr(GHashTable) makeup = NULL;
  GHashTableIter iter;
  gpointer julian;
  YearData *data;
  guint64 year;

  if (!g_ascii_string_to_unsigned (key, 10, FIRST_YEAR, LAST_YEAR, &year, NULL))
    {
      g_autofree char *reason = g_strdup_printf (_("“%s” is not a year"), key);
      corrupt (error, source, reason);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *reason = g_strdup_printf (_("year %s is not an object"), key);
      corrupt (error, source, reason);
      return NULL;
    }

  holidays = g_hash_table_new_full (NULL, NULL, NULL, holiday_free);
  makeup = g_hash_table_new (NULL, NULL);
  if (!parse_days (json_node_get_object (node), "holidays", year, holidays, TRUE, source, error)
      || !parse_days (json_node_get_object (node), "makeup_workdays", year, makeup, FALSE, source, error))
    return NULL;

  /* A day cannot be both off and on. */
  g_hash_table_iter_init (&iter, makeup);
  while (g_hash_table_iter_next (&iter, &julian, NULL))
    if (g_hash_table_contains (holidays, julian))
      {
        GDate date;
        g_autofree char *text = NULL;
        g_autofree char *reason = NULL;

        g_date_clear (&date, 1);
        g_date_set_julian (&date, GPOINTER_TO_UINT (julian));
        text = xf_date_format (&date);
        reason = g_strdup_printf (_("%s is both a holiday and a make-up working day"), text);
        corrupt (error, source, reason);
        return NULL;
      }

  data = g_new0 (YearData, 1);
  data->year = year;
  data->holidays = g_steal_pointer (&holidays);
  data->makeup = g_steal_pointer (&makeup);
  return data;
}

static gboolean
remove_if_in_year (gpointer key,
                   gpointer value,
                   gpointer user_data)
{
  return julian_year (GPOINTER_TO_UINT (key)) == GPOINTER_TO_UINT (user_data);
}

/* A newly loaded year replaces what was known of it (a corrected notice). */
static void
merge_year (XfCalendar *self,
            YearData   *data)
{
  GHashTableIter iter;
  gpointer julian, holiday;

  g_hash_table_foreach_remove (self->holidays, remove_if_in_year, GUINT_TO_POINTER (data->year));
  g_hash_table_foreach_remove (self->makeup, remove_if_in_year, GUINT_TO_POINTER (data->year));

  g_hash_table_iter_init (&iter, data->holidays);
  while (g_hash_table_iter_next (&iter, &julian, &holiday))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_insert (self->holidays, julian, holiday);
    }
  g_hash_table_iter_init (&iter, data->makeup);
  while (g_hash_table_iter_next (&iter, &julian, NULL))
    g_hash_table_add (self->makeup, julian);
  g_hash_table_add (self->years, GUINT_TO_POINTER (data->year));
}

static gboolean
load_data (XfCalendar  *self,
           const char  *json,
           gssize       length,
           const char  *source,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func (year_data_free);
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;
  JsonNode *years_node;
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  if (!json_parser_load_from_data (parser, json, length, &parse_error))
    {
      set_parse_error (error, source, parse_error);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return corrupt (error, source, _("the top level is not an object"));
  years_node = json_object_get_member (json_node_get_object (root), "years");
  if (years_node == NULL || !JSON_NODE_HOLDS_OBJECT (years_node))
    return corrupt (error, source, _("it has no “years” object"));

  json_object_iter_init (&iter, json_node_get_object (years_node));
  while (json_object_iter_next (&iter, &key, &node))
    {
      YearData *data = parse_year (key, node, source, error);

      if (data == NULL)
        return FALSE;
      g_ptr_array_add (parsed, data);
    }

  for (guint i = 0; i < parsed->len; i++)
    merge_year (self, g_ptr_array_index (parsed, i));
  return TRUE;
}

gboolean
xf_calendar_load_data (XfCalendar  *self,
                       const char  *json,
                       gssize       length,
                       GError     **error)
{
  g_return_val_if_fail (XF_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return load_data (self, json, length, _("(loaded data)"), error);
}

XfCalendar *
xf_calendar_new_from_file (const char  *path,
                           GError     **error)
{
  g_autoptr(XfCalendar) self = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &read_error))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_IO,
                   _("Could not read calendar file %s: %s"), path, read_error->message);
      return NULL;
    }

  self = g_object_new (XF_TYPE_CALENDAR, NULL);
  if (!load_data (self, contents, length, path, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * xf_calendar_get_default:
 *
 * Loads data/calendar/cn-holidays.json on first use; a failed load is
 * retried on the next call.
 *
 * Returns: (transfer none): the shared calendar, or %NULL with @error set
 */
XfCalendar *
xf_calendar_get_default (GError **error)
{
  static XfCalendar *default_calendar;
  G_LOCK_DEFINE_STATIC (default_calendar);
  XfCalendar *calendar;

  G_LOCK (default_calendar);
  if (default_calendar == NULL)
    {
      g_autofree char *path = xf_data_find_file ("calendar/cn-holidays.json");

      default_calendar = xf_calendar_new_from_file (path, error);
    }
  calendar = default_calendar;
  G_UNLOCK (default_calendar);
  return calendar;
}

XfCalendar *
xf_calendar_dup_default_or_weekends (void)
{
  g_autoptr(GError) error = NULL;
  XfCalendar *calendar = xf_calendar_get_default (&error);

  if (calendar != NULL)
    return g_object_ref (calendar);
  /* Without the shipped data only weekends are rest days; say so. */
  g_warning ("The working-day calendar could not be loaded: %s", error->message);
  return g_object_new (XF_TYPE_CALENDAR, NULL);
}

/*
 * Questions
 */

static gboolean
julian_is_working_day (XfCalendar *self,
                       guint32     julian)
{
  gpointer key = GUINT_TO_POINTER (julian);

  if (g_hash_table_contains (self->makeup, key))
    return TRUE;
  return !julian_is_weekend (julian) && !g_hash_table_contains (self->holidays, key);
}

gboolean
xf_calendar_is_working_day (XfCalendar *self,
                            GDate      *date)
{
  g_return_val_if_fail (XF_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return julian_is_working_day (self, g_date_get_julian (date));
}

gboolean
xf_calendar_is_year_confirmed (XfCalendar *self,
                               int         year)
{
  g_return_val_if_fail (XF_IS_CALENDAR (self), FALSE);

  return year > 0 && g_hash_table_contains (self->years, GUINT_TO_POINTER (year));
}

const char *
xf_calendar_holiday_name (XfCalendar *self,
                          GDate      *date)
{
  Holiday *holiday;

  g_return_val_if_fail (XF_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  holiday = g_hash_table_lookup (self->holidays, GUINT_TO_POINTER (g_date_get_julian (date)));
  if (holiday == NULL)
    return NULL;
  if (g_str_has_prefix (g_get_language_names ()[0], "zh") && holiday->name_zh[0] != '\0')
    return holiday->name_zh;
  return holiday->name_en[0] != '\0' ? holiday->name_en : holiday->name_zh;
}

/* Whether any year of the days in (from, to] lacks published data. */
static gboolean
range_unconfirmed (XfCalendar *self,
                   guint32     from,
                   guint32     to)
{
  if (to <= from)
    return FALSE;
  for (guint year = julian_year (from + 1); year <= julian_year (to); year++)
    if (!g_hash_table_contains (self->years, GUINT_TO_POINTER (year)))
      return TRUE;
  return FALSE;
}

/* Working days in (from, to]: the weekdays by arithmetic, corrected by the
 * few hundred listed days, so a span of centuries costs no more than a week. */
static gint64
count_working_days (XfCalendar *self,
                    guint32     from,
                    guint32     to)
{
  GHashTableIter iter;
  gpointer key;
  gint64 count;

  if (to <= from)
    return 0;

  count = weekdays_up_to (to) - weekdays_up_to (from);

  g_hash_table_iter_init (&iter, self->holidays);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint32 julian = GPOINTER_TO_UINT (key);

      if (julian > from && julian <= to && !julian_is_weekend (julian)
          && !g_hash_table_contains (self->makeup, key))
        count--;
    }
  g_hash_table_iter_init (&iter, self->makeup);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint32 julian = GPOINTER_TO_UINT (key);

      if (julian > from && julian <= to && julian_is_weekend (julian))
        count++;
    }
  return count;
}

/* When the answer would fall after 9999-12-31, @result is left invalid
 * (g_date_valid() is FALSE). n == 0 gives @start itself. */
void
xf_calendar_add_working_days (XfCalendar *self,
                              GDate      *start,
                              guint       n,
                              GDate      *result,
                              gboolean   *unconfirmed)
{
  guint32 from, low, high;

  g_return_if_fail (XF_IS_CALENDAR (self));
  g_return_if_fail (start != NULL && g_date_valid (start));
  g_return_if_fail (result != NULL);

  if (unconfirmed != NULL)
    *unconfirmed = FALSE;
  from = g_date_get_julian (start);
  g_date_clear (result, 1);

  if (n == 0)
    {
      g_date_set_julian (result, from);
      return;
    }

  /* The count of working days in (from, j] only grows with j, so the answer
   * is the first j where it reaches n: search for it. */
  low = from + 1;
  high = last_julian ();
  if (low > high || count_working_days (self, from, high) < n)
    return;
  while (low < high)
    {
      guint32 middle = low + (high - low) / 2;

      if (count_working_days (self, from, middle) >= n)
        high = middle;
      else
        low = middle + 1;
    }

  g_date_set_julian (result, low);
  if (unconfirmed != NULL)
    *unconfirmed = range_unconfirmed (self, from, low);
}

int
xf_calendar_working_days_between (XfCalendar *self,
                                  GDate      *a,
                                  GDate      *b,
                                  gboolean   *unconfirmed)
{
  guint32 ja, jb;

  g_return_val_if_fail (XF_IS_CALENDAR (self), 0);
  g_return_val_if_fail (a != NULL && g_date_valid (a), 0);
  g_return_val_if_fail (b != NULL && g_date_valid (b), 0);

  ja = g_date_get_julian (a);
  jb = g_date_get_julian (b);
  if (unconfirmed != NULL)
    *unconfirmed = range_unconfirmed (self, MIN (ja, jb), MAX (ja, jb));
  if (jb >= ja)
    return (int) count_working_days (self, ja, jb);
  return -(int) count_working_days (self, jb, ja);
}
