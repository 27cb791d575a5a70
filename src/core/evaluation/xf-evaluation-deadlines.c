/* xf-evaluation-deadlines.c — attention items, reminders and the campaign report
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-evaluation"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-evaluation-private.h"

/*
 * Attention. Three queries, whatever the number of nominations: the open
 * stage rows due soon or overdue, the pending vetting sign-offs due soon or
 * overdue, and the actor's unvoted nominations in open rounds whose
 * committee stage is due soon or overdue. Each query reads only rows due
 * before a cut-off date (the first day that is no longer "soon"), so the
 * rows read are about as many as the items shown; permissions at each
 * candidate's place are then checked in memory.
 *
 * An item's due date is the one stored on its row (what the timeline and
 * lists show); days left and state are counted from it to today.
 *
 * Reminder keys (XfReminder.key), stable for as long as the reminder holds:
 *   remind:ROUND:SEQ                    the chair's latest reminder to the actor
 *                                       in an open round (SEQ: its row id)
 *   due:NOMINATION:STAGE:DATE           a stage due on DATE
 *   due:NOMINATION:vetting-CODE:DATE    a department's sign-off due on DATE
 *   due:NOMINATION:vote:DATE            the actor's vote, due with the committee stage
 */

void
xf_attention_item_free (XfAttentionItem *item)
{
  if (item == NULL)
    return;
  g_free (item->kind);
  g_free (item->candidate_name);
  g_free (item->campaign_title);
  g_free (item->stage);
  g_free (item->what);
  g_free (item->due_on);
  g_free (item);
}

void
xf_reminder_free (XfReminder *reminder)
{
  if (reminder == NULL)
    return;
  g_free (reminder->key);
  g_free (reminder->title);
  g_free (reminder->body);
  g_free (reminder);
}

static void
report_row_free (XfReportRow *row)
{
  if (row == NULL)
    return;
  g_free (row->candidate_name);
  g_free (row->nominating_unit);
  g_free (row->stage);
  g_free (row->submitted_on);
  g_free (row->decided_on);
  g_free (row);
}

void
xf_campaign_report_free (XfCampaignReport *report)
{
  if (report == NULL)
    return;
  g_free (report->title);
  g_clear_pointer (&report->rows, g_ptr_array_unref);
  g_free (report);
}

/*
 * Due dates
 */

/* Days left and state of an open item due on @due_text, seen on @today;
 * FALSE when the text is no date. */
static gboolean
timing_from_due (XfCalendar  *calendar,
                 const char  *due_text,
                 const GDate *today,
                 int         *days_left,
                 XfDueState  *state)
{
  GDate due;

  if (!xf_date_parse (due_text, &due))
    return FALSE;
  *state = xf_deadline_open_state (calendar, &due, today, days_left, NULL);
  return TRUE;
}

/* The first day no longer due soon from @today: items due before it need
 * attention. Text, to compare with the stored dates. */
static char *
attention_cutoff (XfCalendar  *calendar,
                  const GDate *today)
{
  GDate cutoff;

  xf_calendar_add_working_days (calendar, (GDate *) today, XF_DUE_SOON_DAYS + 1, &cutoff, NULL);
  if (!g_date_valid (&cutoff))
    return g_strdup ("9999-12-31");
  return xf_date_format (&cutoff);
}

/*
 * Attention
 */

/* Whether the actor may do @op at a candidate's place. */
static gboolean
allowed_at (XfEvaluation *self,
            XfOperation   op,
            const char   *region_code,
            gint64        organisation_id)
{
  XfTarget target = { region_code, NULL, NULL };
  const char *code = NULL;
  const char * const *ancestors = NULL;

  if (xf_registry_get_organisation_place (self->registry, organisation_id, &code, &ancestors))
    {
      target.organisation_code = code;
      target.organisation_ancestors = ancestors;
    }
  return xf_permission_allows (self->actor, op, &target);
}

/* Whether the actor moves a nomination on from @stage: one of the actions
 * that leave it (withdrawal aside, which is the unit's) needs an operation
 * the actor holds at the candidate's place; the committee's (closing the
 * round) needs the campaign's chair too. */
static gboolean
may_move_stage (XfEvaluation *self,
                const char   *stage,
                gboolean      is_chair,
                const char   *region_code,
                gint64        organisation_id)
{
  for (int action = 0; action < XF_N_ACTIONS; action++)
    {
      XfOperation op;

      if (action == XF_ACTION_WITHDRAW || xf_workflow_target (stage, (XfAction) action) == NULL)
        continue;
      op = xf_action_get_operation ((XfAction) action);
      if (op == XF_OP_REVIEW && !is_chair)
        continue;
      if (allowed_at (self, op, region_code, organisation_id))
        return TRUE;
    }
  return FALSE;
}

/* An item and the part of its reminder key that names what is due. */
typedef struct
{
  XfAttentionItem *item;
  char            *key_part;
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  xf_attention_item_free (entry->item);
  g_free (entry->key_part);
  g_free (entry);
}

/* Adds an entry when its due date needs attention on @today. */
static void
add_entry (XfEvaluation *self,
           GPtrArray    *entries,
           const GDate  *today,
           const char   *kind,
           const char   *key_part,
           XfDbStmt     *stmt,
           const char   *what)
{
  /* Columns shared by the three queries: nomination, campaign, stage,
   * candidate, campaign title, due on. */
  const char *due_on = xf_db_stmt_column_text (stmt, 5);
  XfAttentionItem *item;
  Entry *entry;
  XfDueState state;
  int days_left;

  if (!timing_from_due (self->calendar, due_on, today, &days_left, &state)
      || !xf_due_state_needs_attention (state))
    return;

  item = g_new0 (XfAttentionItem, 1);
  item->kind = g_strdup (kind);
  item->nomination_id = xf_db_stmt_column_int64 (stmt, 0);
  item->campaign_id = xf_db_stmt_column_int64 (stmt, 1);
  item->stage = xf_db_stmt_dup_text (stmt, 2);
  item->candidate_name = xf_db_stmt_dup_text (stmt, 3);
  item->campaign_title = xf_db_stmt_dup_text (stmt, 4);
  item->what = g_strdup (what);
  item->due_on = g_strdup (due_on);
  item->days_left = days_left;
  item->state = state;

  entry = g_new0 (Entry, 1);
  entry->item = item;
  entry->key_part = g_strdup (key_part);
  g_ptr_array_add (entries, entry);
}

/* The nominations whose vote the actor owes, as "NOMINATION" → TRUE, so
 * that the chair's own stage item does not repeat them. */
static gboolean
collect_votes (XfEvaluation  *self,
               GPtrArray     *entries,
               GHashTable    *voting,
               const char    *cutoff,
               const GDate   *today,
               GError       **error)
{
  XfDbStmt *stmt;
  XfDbStep step;
  gint64 actor_id = _xf_evaluation_actor_id (self);

  if (actor_id == 0 || !xf_permission_allows_somewhere (self->actor, XF_OP_REVIEW))
    return TRUE;

  stmt = _xf_evaluation_prepare (self,
    "SELECT n.id, n.campaign_id, n.stage, p.name, c.title, s.due_on, "
    "p.region_code, p.organisation_id "
    "FROM review_rounds r "
    "JOIN campaign_members m ON m.campaign_id = r.campaign_id AND m.account_id = $1 "
    "JOIN round_nominations rn ON rn.round_id = r.id "
    "JOIN nominations n ON n.id = rn.nomination_id AND n.stage = 'committee' "
    "JOIN nomination_stages s ON s.nomination_id = n.id AND s.left_on IS NULL "
    "JOIN pioneers p ON p.id = n.pioneer_id "
    "JOIN campaigns c ON c.id = n.campaign_id "
    "WHERE r.status = 'open' AND s.due_on IS NOT NULL AND s.due_on < $2 "
    "AND NOT EXISTS (SELECT 1 FROM review_votes v WHERE v.round_id = r.id "
    "  AND v.nomination_id = n.id AND v.account_id = $1) "
    "AND NOT EXISTS (SELECT 1 FROM review_declarations d WHERE d.round_id = r.id "
    "  AND d.nomination_id = n.id AND d.account_id = $1 AND d.conflict <> 0)",
    error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, actor_id);
  xf_db_stmt_bind_text (stmt, 2, cutoff);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      g_autofree char *key = NULL;
      gint64 nomination_id = xf_db_stmt_column_int64 (stmt, 0);

      if (!allowed_at (self, XF_OP_REVIEW, xf_db_stmt_column_text (stmt, 6),
                       xf_db_stmt_column_int64 (stmt, 7)))
        continue;
      key = g_strdup_printf ("%" G_GINT64_FORMAT, nomination_id);
      g_hash_table_add (voting, g_steal_pointer (&key));
      add_entry (self, entries, today, "review", "vote", stmt, _("Your vote"));
    }
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}

static gboolean
collect_stages (XfEvaluation  *self,
                GPtrArray     *entries,
                GHashTable    *voting,
                const char    *cutoff,
                const GDate   *today,
                GError       **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_evaluation_prepare (self,
    "SELECT n.id, n.campaign_id, n.stage, p.name, c.title, s.due_on, "
    "p.region_code, p.organisation_id, m.account_id "
    "FROM nominations n "
    "JOIN nomination_stages s ON s.nomination_id = n.id AND s.left_on IS NULL "
    "JOIN pioneers p ON p.id = n.pioneer_id "
    "JOIN campaigns c ON c.id = n.campaign_id "
    "LEFT JOIN campaign_members m ON m.campaign_id = n.campaign_id "
    "  AND m.account_id = $2 AND m.is_chair <> 0 "
    "WHERE n.stage IN ('preliminary', 'committee', 'notice', 'decision') "
    "AND s.stage = n.stage AND s.due_on IS NOT NULL AND s.due_on < $1",
    error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, cutoff);
  xf_db_stmt_bind_int64 (stmt, 2, _xf_evaluation_actor_id (self));
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      const char *stage = xf_db_stmt_column_text (stmt, 2);
      gboolean is_chair = !xf_db_stmt_column_is_null (stmt, 8)
                          && _xf_evaluation_actor_id (self) != 0;
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              xf_db_stmt_column_int64 (stmt, 0));

      /* The chair who owes a vote sees that first; the round's closing follows it. */
      if (g_hash_table_contains (voting, key))
        continue;
      if (!may_move_stage (self, stage, is_chair, xf_db_stmt_column_text (stmt, 6),
                           xf_db_stmt_column_int64 (stmt, 7)))
        continue;
      add_entry (self, entries, today, "stage", stage, stmt, xf_stage_label (stage));
    }
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}

static gboolean
collect_vettings (XfEvaluation  *self,
                  GPtrArray     *entries,
                  const char    *cutoff,
                  const GDate   *today,
                  GError       **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  if (!xf_permission_allows_somewhere (self->actor, XF_OP_NOMINATION_VET))
    return TRUE;

  stmt = _xf_evaluation_prepare (self,
    "SELECT n.id, n.campaign_id, n.stage, p.name, c.title, v.due_on, "
    "p.region_code, p.organisation_id, v.department_code, v.department_name "
    "FROM nomination_vettings v "
    "JOIN nominations n ON n.id = v.nomination_id "
    "JOIN pioneers p ON p.id = n.pioneer_id "
    "JOIN campaigns c ON c.id = n.campaign_id "
    "WHERE v.status = 'pending' AND n.stage IN ('preliminary', 'returned') "
    "AND v.due_on < $1",
    error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, cutoff);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      g_autofree char *key_part = NULL;
      g_autofree char *what = NULL;

      if (!allowed_at (self, XF_OP_NOMINATION_VET, xf_db_stmt_column_text (stmt, 6),
                       xf_db_stmt_column_int64 (stmt, 7)))
        continue;
      key_part = g_strdup_printf ("vetting-%s", xf_db_stmt_column_text (stmt, 8));
      /* Translators: %s is a vetting department, e.g. 市公安局. */
      what = g_strdup_printf (_("Vetting: %s"), xf_db_stmt_column_text (stmt, 9));
      add_entry (self, entries, today, "vetting", key_part, stmt, what);
    }
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}

static int
kind_rank (const char *kind)
{
  if (g_strcmp0 (kind, "review") == 0)
    return 0;
  if (g_strcmp0 (kind, "stage") == 0)
    return 1;
  return 2;
}

/* Most urgent first: fewest days left, then the earlier due date, then by
 * nomination and kind, so the order is stable. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const XfAttentionItem *x = (*(Entry * const *) a)->item;
  const XfAttentionItem *y = (*(Entry * const *) b)->item;
  int order;

  if (x->days_left != y->days_left)
    return x->days_left < y->days_left ? -1 : 1;
  if ((order = g_strcmp0 (x->due_on, y->due_on)) != 0)
    return order;
  if (x->nomination_id != y->nomination_id)
    return x->nomination_id < y->nomination_id ? -1 : 1;
  if (kind_rank (x->kind) != kind_rank (y->kind))
    return kind_rank (x->kind) - kind_rank (y->kind);
  return g_strcmp0 (x->what, y->what);
}

/* (element-type Entry) the actor's items on @today, most urgent first. */
static GPtrArray *
collect_attention (XfEvaluation  *self,
                   const GDate   *today,
                   GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(GHashTable) voting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *cutoff = attention_cutoff (self->calendar, today);

  if (xf_account_get_disabled (self->actor))
    return g_steal_pointer (&entries);
  if (!collect_votes (self, entries, voting, cutoff, today, error)
      || !collect_stages (self, entries, voting, cutoff, today, error)
      || !collect_vettings (self, entries, cutoff, today, error))
    return NULL;
  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}

GPtrArray *
xf_evaluation_list_attention (XfEvaluation  *self,
                              GError       **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *items;
  GDate today;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  xf_clock_today (&today);
  entries = collect_attention (self, &today, error);
  if (entries == NULL)
    return NULL;
  items = g_ptr_array_new_full (entries->len, (GDestroyNotify) xf_attention_item_free);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      g_ptr_array_add (items, g_steal_pointer (&entry->item));
    }
  return items;
}

gint64
xf_evaluation_count_attention (XfEvaluation  *self,
                               GError       **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  GDate today;

  g_return_val_if_fail (XF_IS_EVALUATION (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  xf_clock_today (&today);
  entries = collect_attention (self, &today, error);
  return entries != NULL ? (gint64) entries->len : -1;
}

/*
 * Reminders
 */

/* The chair's latest reminder to the actor in each open round where the
 * actor still owes votes (recused nominations are not owed). */
static gboolean
collect_chair_reminders (XfEvaluation  *self,
                         GPtrArray     *reminders,
                         GError       **error)
{
  XfDbStmt *stmt;
  XfDbStep step;
  gint64 actor_id = _xf_evaluation_actor_id (self);

  if (actor_id == 0)
    return TRUE;

  stmt = _xf_evaluation_prepare (self,
    "SELECT rr.id, rr.round_id, r.campaign_id, c.title, rr.sent_by, "
    "(SELECT count(*) FROM round_nominations rn "
    "   JOIN nominations n ON n.id = rn.nomination_id AND n.stage = 'committee' "
    "   WHERE rn.round_id = r.id "
    "   AND NOT EXISTS (SELECT 1 FROM review_votes v WHERE v.round_id = r.id "
    "     AND v.nomination_id = rn.nomination_id AND v.account_id = $1) "
    "   AND NOT EXISTS (SELECT 1 FROM review_declarations d WHERE d.round_id = r.id "
    "     AND d.nomination_id = rn.nomination_id AND d.account_id = $1 AND d.conflict <> 0)) "
    "FROM review_reminders rr "
    "JOIN review_rounds r ON r.id = rr.round_id "
    "JOIN campaigns c ON c.id = r.campaign_id "
    "WHERE rr.account_id = $1 AND r.status = 'open' "
    "AND rr.id = (SELECT max(x.id) FROM review_reminders x "
    "  WHERE x.round_id = rr.round_id AND x.account_id = $1) "
    "ORDER BY rr.round_id",
    error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, actor_id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      gint64 pending = xf_db_stmt_column_int64 (stmt, 5);
      XfReminder *reminder;

      if (pending <= 0)
        continue;
      reminder = g_new0 (XfReminder, 1);
      reminder->key = g_strdup_printf ("remind:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                       xf_db_stmt_column_int64 (stmt, 1),
                                       xf_db_stmt_column_int64 (stmt, 0));
      reminder->title = g_strdup (_("The chair asks for your review"));
      reminder->body = g_strdup_printf (
        /* Translators: the first %s is the chair's name, the second a campaign's title. */
        g_dngettext (GETTEXT_PACKAGE,
                     "%s reminds you that %d nomination in “%s” waits for your vote.",
                     "%s reminds you that %d nominations in “%s” wait for your vote.",
                     (gulong) pending),
        xf_db_stmt_column_text (stmt, 4), (int) pending, xf_db_stmt_column_text (stmt, 3));
      reminder->campaign_id = xf_db_stmt_column_int64 (stmt, 2);
      g_ptr_array_add (reminders, reminder);
    }
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}

static XfReminder *
reminder_from_entry (Entry *entry)
{
  XfAttentionItem *item = entry->item;
  XfReminder *reminder = g_new0 (XfReminder, 1);

  reminder->key = g_strdup_printf ("due:%" G_GINT64_FORMAT ":%s:%s",
                                   item->nomination_id, entry->key_part, item->due_on);
  if (item->state == XF_DUE_OVERDUE)
    {
      /* Translators: %s says what is due: "Preliminary review", "Vetting: 市公安局", "Your vote". */
      reminder->title = g_strdup_printf (_("Overdue: %s"), item->what);
      /* Translators: a candidate's name, a campaign's title, a date. */
      reminder->body = g_strdup_printf (_("%s, in “%s”, was due on %s."),
                                        item->candidate_name, item->campaign_title, item->due_on);
    }
  else
    {
      /* Translators: %s says what is due: "Preliminary review", "Vetting: 市公安局", "Your vote". */
      reminder->title = g_strdup_printf (_("Due soon: %s"), item->what);
      /* Translators: a candidate's name, a campaign's title, a date. */
      reminder->body = g_strdup_printf (_("%s, in “%s”, is due on %s."),
                                        item->candidate_name, item->campaign_title, item->due_on);
    }
  reminder->campaign_id = item->campaign_id;
  reminder->nomination_id = item->nomination_id;
  return reminder;
}

GPtrArray *
xf_evaluation_list_reminders (XfEvaluation  *self,
                              GDateTime     *now,
                              GError       **error)
{
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GDate today;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_reminder_free);
  if (!xf_deadline_is_working_time (self->calendar, now)
      || xf_account_get_disabled (self->actor))
    return g_steal_pointer (&reminders);

  if (!collect_chair_reminders (self, reminders, error))
    return NULL;

  /* Due dates as seen on the day of @now. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  entries = collect_attention (self, &today, error);
  if (entries == NULL)
    return NULL;
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (reminders, reminder_from_entry (g_ptr_array_index (entries, i)));
  return g_steal_pointer (&reminders);
}

/*
 * The campaign report
 */

static gboolean
read_campaign_head (XfEvaluation      *self,
                    XfCampaignReport  *report,
                    GError           **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_evaluation_prepare (self,
    "SELECT title, promise_days FROM campaigns WHERE id = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, report->campaign_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      report->title = xf_db_stmt_dup_text (stmt, 0);
      report->promise_days = (int) xf_db_stmt_column_int64 (stmt, 1);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_DONE)
    _xf_evaluation_set_not_found (error, _("Campaign"), report->campaign_id);
  return step == XF_DB_STEP_ROW;
}

/* The submitted nominations, by submission; @index maps id → row. */
static gboolean
read_report_rows (XfEvaluation      *self,
                  XfCampaignReport  *report,
                  GHashTable        *index,
                  GError           **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_evaluation_prepare (self,
    "SELECT n.id, p.name, n.nominating_unit, n.stage, n.submitted_on, n.decided_on "
    "FROM nominations n JOIN pioneers p ON p.id = n.pioneer_id "
    "WHERE n.campaign_id = $1 AND n.submitted_on IS NOT NULL "
    "ORDER BY n.submitted_on, n.id",
    error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, report->campaign_id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfReportRow *row = g_new0 (XfReportRow, 1);

      row->nomination_id = xf_db_stmt_column_int64 (stmt, 0);
      row->candidate_name = xf_db_stmt_dup_text (stmt, 1);
      row->nominating_unit = xf_db_stmt_dup_text (stmt, 2);
      row->stage = xf_db_stmt_dup_text (stmt, 3);
      row->submitted_on = xf_db_stmt_dup_text (stmt, 4);
      row->decided_on = xf_db_stmt_dup_text (stmt, 5);
      g_ptr_array_add (report->rows, row);
      g_hash_table_insert (index, &row->nomination_id, row);
    }
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}

/* Adds the working days of every stage visit to its row: stages that count
 * to office_days, "returned" to unit_days; open visits up to @today. */
static gboolean
count_report_days (XfEvaluation      *self,
                   XfCampaignReport  *report,
                   GHashTable        *index,
                   const GDate       *today,
                   GError           **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_evaluation_prepare (self,
    "SELECT s.nomination_id, s.stage, s.entered_on, s.left_on "
    "FROM nomination_stages s JOIN nominations n ON n.id = s.nomination_id "
    "WHERE n.campaign_id = $1 AND n.submitted_on IS NOT NULL "
    "ORDER BY s.nomination_id, s.id",
    error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, report->campaign_id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      gint64 nomination_id = xf_db_stmt_column_int64 (stmt, 0);
      XfReportRow *row = g_hash_table_lookup (index, &nomination_id);
      const char *stage = xf_db_stmt_column_text (stmt, 1);
      const char *left_on = xf_db_stmt_column_text (stmt, 3);
      gboolean counts = xf_stage_counts (stage);
      gboolean returned = g_strcmp0 (stage, XF_STAGE_RETURNED) == 0;
      gboolean unconfirmed = FALSE;
      GDate entered, left;
      int days;

      if (row == NULL || (!counts && !returned)
          || !xf_date_parse (xf_db_stmt_column_text (stmt, 2), &entered))
        continue;
      if (left_on == NULL || !xf_date_parse (left_on, &left))
        left = *today;
      days = MAX (0, xf_calendar_working_days_between (self->calendar, &entered, &left,
                                                       &unconfirmed));
      report->unconfirmed |= unconfirmed;
      if (counts)
        row->office_days += days;
      else
        row->unit_days += days;
    }
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}

XfCampaignReport *
xf_evaluation_campaign_report (XfEvaluation  *self,
                               gint64         campaign_id,
                               GError       **error)
{
  g_autoptr(XfCampaignReport) report = NULL;
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  double total = 0;
  GDate today;

  g_return_val_if_fail (XF_IS_EVALUATION (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_xf_evaluation_check_anywhere (self, XF_OP_REGISTRY_READ, error))
    return NULL;

  report = g_new0 (XfCampaignReport, 1);
  report->campaign_id = campaign_id;
  report->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) report_row_free);
  report->average_days = NAN;
  xf_clock_today (&today);

  if (!read_campaign_head (self, report, error)
      || !read_report_rows (self, report, index, error)
      || !count_report_days (self, report, index, &today, error))
    return NULL;

  for (guint i = 0; i < report->rows->len; i++)
    {
      XfReportRow *row = g_ptr_array_index (report->rows, i);

      row->within_promise = row->office_days <= report->promise_days;
      if (!xf_stage_is_final (row->stage) || g_strcmp0 (row->stage, XF_STAGE_WITHDRAWN) == 0)
        continue;
      report->n_decided++;
      total += row->office_days;
      if (row->within_promise)
        report->n_within_promise++;
    }
  if (report->n_decided > 0)
    report->average_days = total / report->n_decided;
  return g_steal_pointer (&report);
}
