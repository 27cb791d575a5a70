/* xf-notice-board-objections.c — objections (异议): reading and recording
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-notice"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-nomination-private.h"
#include "xf-notice-board-objections-private.h"

/*
 * An objection is about one candidate of a notice. The objector's contact
 * is personal data: it is handed out only to an actor with
 * XF_OP_PERSONAL_VIEW at the candidate's place (the registry's rule for
 * identity numbers and mobiles), masked otherwise. The handler, notes and
 * files are in xf-notice-board-objection-work.c; the outcome and the reply
 * in xf-notice-board-objection-handling.c.
 */

#define CONTACT_MASK "••••"

#define OBJECTION_SELECT \
  "SELECT o.id, o.uid, o.notice_id, n.title, o.nomination_id, COALESCE(c.name, ''), o.received_on," \
  " o.channel, o.anonymous, o.objector_name, o.objector_contact, o.grounds," \
  " COALESCE(o.handler_account_id, 0), COALESCE(NULLIF(a.display_name, ''), a.login, '')," \
  " o.handling_days, o.due_on, o.status, o.outcome, o.outcome_reason, o.decided_on, o.decided_by," \
  " o.reply, o.reply_channel, o.reply_sent_on, o.reply_sent_by, o.version, m.pioneer_id" \
  " FROM objections o JOIN notices n ON n.id = o.notice_id" \
  " JOIN nominations m ON m.id = o.nomination_id" \
  " LEFT JOIN notice_candidates c ON c.notice_id = o.notice_id AND c.nomination_id = o.nomination_id" \
  " LEFT JOIN accounts a ON a.id = o.handler_account_id "

/* The columns of OBJECTION_SELECT into a new record (contact unmasked,
 * due state not yet set); *pioneer_id gets the candidate's file. */
static XfObjection *
objection_from_row (XfDbStmt *stmt,
                    gint64   *pioneer_id)
{
  XfObjection *objection = xf_objection_new ();

  objection->id = xf_db_stmt_column_int64 (stmt, 0);
  objection->uid = xf_db_stmt_dup_text (stmt, 1);
  objection->notice_id = xf_db_stmt_column_int64 (stmt, 2);
  objection->notice_title = xf_db_stmt_dup_text (stmt, 3);
  objection->nomination_id = xf_db_stmt_column_int64 (stmt, 4);
  objection->candidate_name = xf_db_stmt_dup_text (stmt, 5);
  objection->received_on = xf_db_stmt_dup_text (stmt, 6);
  objection->channel = xf_db_stmt_dup_text (stmt, 7);
  objection->anonymous = xf_db_stmt_column_int64 (stmt, 8) != 0;
  objection->objector_name = xf_db_stmt_dup_text (stmt, 9);
  objection->objector_contact = xf_db_stmt_dup_text (stmt, 10);
  objection->grounds = xf_db_stmt_dup_text (stmt, 11);
  objection->handler_account_id = xf_db_stmt_column_int64 (stmt, 12);
  objection->handler_name = xf_db_stmt_dup_text (stmt, 13);
  objection->handling_days = (int) xf_db_stmt_column_int64 (stmt, 14);
  objection->due_on = xf_db_stmt_dup_text (stmt, 15);
  g_free (objection->status);
  objection->status = xf_db_stmt_dup_text (stmt, 16);
  objection->outcome = xf_db_stmt_dup_text (stmt, 17);
  objection->outcome_reason = xf_db_stmt_dup_text (stmt, 18);
  objection->decided_on = xf_db_stmt_dup_text (stmt, 19);
  objection->decided_by = xf_db_stmt_dup_text (stmt, 20);
  objection->reply = xf_db_stmt_dup_text (stmt, 21);
  objection->reply_channel = xf_db_stmt_dup_text (stmt, 22);
  objection->reply_sent_on = xf_db_stmt_dup_text (stmt, 23);
  objection->reply_sent_by = xf_db_stmt_dup_text (stmt, 24);
  objection->version = xf_db_stmt_column_int64 (stmt, 25);
  if (pioneer_id != NULL)
    *pioneer_id = xf_db_stmt_column_int64 (stmt, 26);
  return objection;
}

/* "on-time", "soon", "overdue" while open; "done" once decided. */
static void
set_due_state (XfNoticeBoard *self,
               XfObjection   *objection,
               const GDate   *today)
{
  XfDueState state = XF_DUE_DONE;

  if (g_strcmp0 (objection->status, XF_OBJECTION_OPEN) == 0)
    state = _xf_evaluation_due_state (self->evaluation, objection->due_on, NULL, today, NULL);
  g_free (objection->due_state);
  objection->due_state = g_strdup (xf_due_state_to_string (state));
}

/* Whether the actor sees the contacts of objections to @pioneer_id's
 * candidate masked: the registry's rule for personal data. In doubt (the
 * file cannot be read), masked. */
static gboolean
masks_contact (XfNoticeBoard *self,
               gint64         pioneer_id)
{
  XfRegistry *registry = xf_evaluation_get_registry (self->evaluation);
  g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (registry, pioneer_id, NULL);

  return pioneer == NULL || xf_registry_masks_personal (registry, pioneer);
}

static void
mask_contact (XfObjection *objection,
              gboolean     masked)
{
  /* Nothing recorded is nothing hidden. */
  objection->contact_masked = masked && objection->objector_contact != NULL
                              && *objection->objector_contact != '\0';
  if (objection->contact_masked)
    {
      g_free (objection->objector_contact);
      objection->objector_contact = g_strdup (CONTACT_MASK);
    }
}

static gboolean
load_notes (XfNoticeBoard *self,
            XfObjection   *objection,
            GError       **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_notice_board_prepare (self,
                                   "SELECT id, written_on, written_by, body FROM objection_notes"
                                   " WHERE objection_id = $1 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, objection->id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfObjectionNote *note = g_new0 (XfObjectionNote, 1);

      note->id = xf_db_stmt_column_int64 (stmt, 0);
      note->written_on = xf_db_stmt_dup_text (stmt, 1);
      note->written_by = xf_db_stmt_dup_text (stmt, 2);
      note->body = xf_db_stmt_dup_text (stmt, 3);
      g_ptr_array_add (objection->notes, note);
    }
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}

static gboolean
load_files (XfNoticeBoard *self,
            XfObjection   *objection,
            GError       **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_notice_board_prepare (self,
                                   "SELECT id, uid, file_name, content_type, size, sha256, added_at, added_by"
                                   " FROM objection_files WHERE objection_id = $1"
                                   " ORDER BY file_name, id", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, objection->id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfObjectionFile *file = g_new0 (XfObjectionFile, 1);

      file->id = xf_db_stmt_column_int64 (stmt, 0);
      file->uid = xf_db_stmt_dup_text (stmt, 1);
      file->file_name = xf_db_stmt_dup_text (stmt, 2);
      file->content_type = xf_db_stmt_dup_text (stmt, 3);
      file->size = xf_db_stmt_column_int64 (stmt, 4);
      file->sha256 = xf_db_stmt_dup_text (stmt, 5);
      file->added_at = xf_db_stmt_column_int64 (stmt, 6);
      file->added_by = xf_db_stmt_dup_text (stmt, 7);
      g_ptr_array_add (objection->files, file);
    }
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}

static XfObjection *
load_objection (XfNoticeBoard  *self,
                gint64          objection_id,
                gint64         *pioneer_id,
                GError        **error)
{
  g_autoptr(XfObjection) objection = NULL;
  XfDbStmt *stmt;
  XfDbStep step;
  GDate today;

  stmt = _xf_notice_board_prepare (self, OBJECTION_SELECT "WHERE o.id = $1", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, objection_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    objection = objection_from_row (stmt, pioneer_id);
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  if (step == XF_DB_STEP_DONE)
    {
      _xf_evaluation_set_not_found (error, _("Objection"), objection_id);
      return NULL;
    }
  xf_clock_today (&today);
  set_due_state (self, objection, &today);
  if (!load_notes (self, objection, error) || !load_files (self, objection, error))
    return NULL;
  return g_steal_pointer (&objection);
}

XfObjection *
_xf_notice_board_load_objection (XfNoticeBoard  *self,
                                 gint64          objection_id,
                                 GError        **error)
{
  return load_objection (self, objection_id, NULL, error);
}

/*
 * Checks shared with the handling part
 */

gboolean
_xf_notice_board_is_public (XfNoticeBoard *self)
{
  return xf_account_is_public (xf_evaluation_get_actor (self->evaluation));
}

XfObjection *
_xf_notice_board_begin_objection (XfNoticeBoard  *self,
                                  gint64          objection_id,
                                  gboolean        open_only,
                                  XfNomination  **nomination,
                                  GError        **error)
{
  return _xf_notice_board_begin_objection_as (self, objection_id, open_only, XF_OP_NOMINATION_VET,
                                              nomination, error);
}

XfObjection *
_xf_notice_board_begin_objection_as (XfNoticeBoard  *self,
                                     gint64          objection_id,
                                     gboolean        open_only,
                                     XfOperation     op,
                                     XfNomination  **nomination,
                                     GError        **error)
{
  g_autoptr(XfObjection) objection = NULL;

  if (!_xf_notice_board_begin (self, error))
    return NULL;
  if (!_xf_evaluation_lock (self->evaluation, "objections", objection_id, error))
    goto failed;
  objection = load_objection (self, objection_id, NULL, error);
  if (objection == NULL)
    goto failed;
  *nomination = _xf_evaluation_load_for_write (self->evaluation, objection->nomination_id,
                                               op, error);
  if (*nomination == NULL
      || (open_only && !_xf_notice_board_objection_is_open (objection, error)))
    goto failed;
  return g_steal_pointer (&objection);

failed:
  _xf_notice_board_rollback (self);
  return NULL;
}

gboolean
_xf_notice_board_objection_is_open (const XfObjection  *objection,
                                    GError            **error)
{
  if (g_strcmp0 (objection->status, XF_OBJECTION_OPEN) == 0)
    return TRUE;
  g_set_error (error, XF_ERROR, XF_ERROR_WORKFLOW,
               _("The objection to “%s” received on %s was already decided on %s"),
               objection->candidate_name, objection->received_on,
               objection->decided_on != NULL ? objection->decided_on : "");
  return FALSE;
}

gboolean
_xf_notice_board_check_text (const char  *field,
                             const char  *text,
                             gboolean     required,
                             glong        max,
                             GError     **error)
{
  glong length;

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      /* Translators: %s is a field ("Grounds", "Reply"). */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: the text is not valid UTF-8"), field);
      return FALSE;
    }
  if (!_xf_evaluation_has_text (text))
    {
      if (!required)
        return TRUE;
      /* Translators: %s is a field ("Grounds", "Reply"). */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: this is required"), field);
      return FALSE;
    }
  length = g_utf8_strlen (text, -1);
  if (length > max)
    {
      /* Translators: a field, then numbers of characters. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: %ld characters are more than the %ld allowed"),
                   field, length, max);
      return FALSE;
    }
  return TRUE;
}

gboolean
_xf_notice_board_check_past_date (const char  *field,
                                  const char  *date,
                                  GError     **error)
{
  g_autofree char *today = xf_clock_today_text ();
  GDate parsed;

  g_date_clear (&parsed, 1);
  if (date == NULL || !xf_date_parse (date, &parsed))
    {
      /* Translators: a field, then what was given. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: “%s” is not a date (YYYY-MM-DD)"),
                   field, date != NULL ? date : "");
      return FALSE;
    }
  if (strcmp (date, today) > 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: %s is in the future"), field, date);
      return FALSE;
    }
  return TRUE;
}

/* A trimmed copy (never NULL). */
static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/*
 * Reading
 */

GPtrArray *
xf_notice_board_list_objections (XfNoticeBoard  *self,
                                 gint64          notice_id,
                                 gboolean        open_only,
                                 GError        **error)
{
  g_autoptr(GPtrArray) objections = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_objection_free);
  g_autoptr(GArray) pioneers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) masked = g_hash_table_new (g_int64_hash, g_int64_equal);
  XfDbStmt *stmt;
  XfDbStep step;
  GDate today;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), NULL);

  if (!_xf_notice_board_check_read (self, error))
    return NULL;
  stmt = _xf_notice_board_prepare (self,
                                   OBJECTION_SELECT
                                   "WHERE ($1 = 0 OR o.notice_id = $1) AND ($2 = 0 OR o.status = 'open')"
                                   " ORDER BY o.received_on, o.id", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, notice_id);
  xf_db_stmt_bind_int64 (stmt, 2, open_only ? 1 : 0);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      gint64 pioneer_id = 0;

      g_ptr_array_add (objections, objection_from_row (stmt, &pioneer_id));
      g_array_append_val (pioneers, pioneer_id);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;

  /* Masked once the rows are read: the registry reads files of its own. */
  xf_clock_today (&today);
  for (guint i = 0; i < objections->len; i++)
    {
      XfObjection *objection = g_ptr_array_index (objections, i);
      gint64 *pioneer_id = &g_array_index (pioneers, gint64, i);
      gpointer hidden;

      if (!g_hash_table_lookup_extended (masked, pioneer_id, NULL, &hidden))
        {
          hidden = GINT_TO_POINTER (masks_contact (self, *pioneer_id));
          g_hash_table_insert (masked, pioneer_id, hidden);
        }
      mask_contact (objection, GPOINTER_TO_INT (hidden));
      set_due_state (self, objection, &today);
    }
  return g_steal_pointer (&objections);
}

XfObjection *
xf_notice_board_get_objection (XfNoticeBoard  *self,
                               gint64          objection_id,
                               GError        **error)
{
  XfObjection *objection;
  gint64 pioneer_id = 0;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), NULL);

  if (!_xf_notice_board_check_read (self, error))
    return NULL;
  objection = load_objection (self, objection_id, &pioneer_id, error);
  if (objection != NULL)
    mask_contact (objection, masks_contact (self, pioneer_id));
  return objection;
}

gboolean
xf_notice_board_count_open (XfNoticeBoard  *self,
                            guint          *open,
                            guint          *attention,
                            GError        **error)
{
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_open = 0, n_attention = 0;
  XfDbStmt *stmt;
  XfDbStep step;
  GDate today;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), FALSE);

  if (open != NULL)
    *open = 0;
  if (attention != NULL)
    *attention = 0;
  if (!_xf_notice_board_check_read (self, error))
    return FALSE;
  stmt = _xf_notice_board_prepare (self, "SELECT due_on FROM objections WHERE status = 'open'", error);
  if (stmt == NULL)
    return FALSE;
  xf_clock_today (&today);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      const char *due_on = xf_db_stmt_column_text (stmt, 0);
      gpointer state;

      /* Many objections share a due date: compute each date once. */
      if (!g_hash_table_lookup_extended (states, due_on, NULL, &state))
        {
          state = GINT_TO_POINTER (_xf_evaluation_due_state (self->evaluation, due_on, NULL, &today, NULL));
          g_hash_table_insert (states, g_strdup (due_on), state);
        }
      n_open++;
      if (xf_due_state_needs_attention (GPOINTER_TO_INT (state)))
        n_attention++;
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return FALSE;
  if (open != NULL)
    *open = n_open;
  if (attention != NULL)
    *attention = n_attention;
  return TRUE;
}

/*
 * Recording
 */

/* What recording needs to know of the notice and the candidate on it. */
typedef struct
{
  char     *status;
  char     *title;
  char     *published_on;
  char     *ends_on;
  gboolean  on_notice;
  char     *result;
} NoticeState;

static void
notice_state_clear (NoticeState *state)
{
  g_free (state->status);
  g_free (state->title);
  g_free (state->published_on);
  g_free (state->ends_on);
  g_free (state->result);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NoticeState, notice_state_clear)

static gboolean
read_notice_state (XfNoticeBoard  *self,
                   gint64          notice_id,
                   gint64          nomination_id,
                   NoticeState    *state,
                   GError        **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_notice_board_prepare (self,
                                   "SELECT n.status, n.title, n.published_on, n.ends_on,"
                                   " c.nomination_id IS NOT NULL, c.result"
                                   " FROM notices n LEFT JOIN notice_candidates c"
                                   " ON c.notice_id = n.id AND c.nomination_id = $2"
                                   " WHERE n.id = $1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, notice_id);
  xf_db_stmt_bind_int64 (stmt, 2, nomination_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      state->status = xf_db_stmt_dup_text (stmt, 0);
      state->title = xf_db_stmt_dup_text (stmt, 1);
      state->published_on = xf_db_stmt_dup_text (stmt, 2);
      state->ends_on = xf_db_stmt_dup_text (stmt, 3);
      state->on_notice = xf_db_stmt_column_int64 (stmt, 4) != 0;
      state->result = xf_db_stmt_dup_text (stmt, 5);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_DONE)
    _xf_evaluation_set_not_found (error, _("Notice"), notice_id);
  return step == XF_DB_STEP_ROW;
}

/* The notice receives objections to the candidate: published, or closed
 * with the candidate held by an earlier objection. */
static gboolean
check_receiving (const NoticeState  *notice,
                 XfNomination       *nomination,
                 GError            **error)
{
  const char *name = xf_nomination_get_candidate_name (nomination);
  const char *stage = xf_nomination_get_stage (nomination);

  if (!notice->on_notice)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Candidate: “%s” is not on the notice “%s”"), name, notice->title);
      return FALSE;
    }
  if (g_strcmp0 (notice->status, XF_NOTICE_DRAFT) == 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Notice: “%s” is a draft and not yet published"), notice->title);
      return FALSE;
    }
  if (g_strcmp0 (notice->status, XF_NOTICE_WITHDRAWN) == 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Notice: “%s” was withdrawn"), notice->title);
      return FALSE;
    }
  if (g_strcmp0 (notice->status, XF_NOTICE_CLOSED) == 0
      && g_strcmp0 (notice->result, XF_CANDIDATE_HELD) != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Notice: “%s” has closed and no objection holds “%s” on it"),
                   notice->title, name);
      return FALSE;
    }
  if (g_strcmp0 (stage, XF_STAGE_NOTICE) != 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Candidate: the nomination of “%s” is no longer in public notice but %s"),
                   name, _xf_stage_phrase (stage));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_received_on (const NoticeState  *notice,
                   const char         *received_on,
                   GError            **error)
{
  const char *field = _("Received on");

  if (!_xf_notice_board_check_past_date (field, received_on, error))
    return FALSE;
  /* The notice is public from the day it was published, even a rest day
   * before its first working day. */
  if (notice->published_on != NULL && strcmp (received_on, notice->published_on) < 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("%s: %s is before the notice was published on %s"),
                   field, received_on, notice->published_on);
      return FALSE;
    }
  if (notice->ends_on != NULL && strcmp (received_on, notice->ends_on) > 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("%s: %s is after the notice's period ended on %s"),
                   field, received_on, notice->ends_on);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_objector (const XfObjection  *objection,
                GError            **error)
{
  if (!xf_objection_channel_is_valid (objection->channel))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("Channel: “%s” is not a channel"),
                   objection->channel != NULL ? objection->channel : "");
      return FALSE;
    }
  /* An anonymous objector's name is not kept, whatever was typed. */
  if (!objection->anonymous
      && !_xf_notice_board_check_text (_("Objector"), objection->objector_name, TRUE,
                                       XF_OBJECTION_MAX_LINE, error))
    return FALSE;
  return _xf_notice_board_check_text (_("Contact"), objection->objector_contact, FALSE,
                                      XF_OBJECTION_MAX_LINE, error)
         && _xf_notice_board_check_text (_("Grounds"), objection->grounds, TRUE,
                                         XF_OBJECTION_MAX_TEXT, error);
}

/* The public records only what reaches the portal today: channel
 * "portal", received today, the default handling time. */
static gboolean
check_public (const XfObjection  *objection,
              const char         *received_on,
              GError            **error)
{
  g_autofree char *today = xf_clock_today_text ();

  if (g_strcmp0 (objection->channel, XF_OBJECTION_CHANNEL_PORTAL) != 0)
    {
      /* Translators: %s is the channel code given ("letter"). */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Channel: an objection from the public comes through the web portal, not “%s”"),
                   objection->channel != NULL ? objection->channel : "");
      return FALSE;
    }
  if (g_strcmp0 (received_on, today) != 0)
    {
      /* Translators: the field "Received on", then a date YYYY-MM-DD. */
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("%s: an objection from the public is received today, not on %s"),
                   _("Received on"), received_on);
      return FALSE;
    }
  if (objection->handling_days != 0 && objection->handling_days != XF_OBJECTION_DEFAULT_HANDLING_DAYS)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Handling days: the office sets the handling time, not the public"));
      return FALSE;
    }
  return TRUE;
}

static gint64
insert_objection (XfNoticeBoard      *self,
                  const XfObjection  *objection,
                  const char         *received_on,
                  int                 handling_days,
                  const char         *due_on,
                  GError            **error)
{
  g_autofree char *uid = xf_store_new_uid ();
  g_autofree char *name = objection->anonymous ? g_strdup ("") : trimmed (objection->objector_name);
  g_autofree char *contact = trimmed (objection->objector_contact);
  g_autofree char *grounds = trimmed (objection->grounds);
  gint64 now = xf_db_now ();
  XfDbStmt *stmt;

  stmt = _xf_notice_board_prepare (self,
                                   "INSERT INTO objections (uid, notice_id, nomination_id, received_on,"
                                   " channel, anonymous, objector_name, objector_contact, grounds,"
                                   " handling_days, due_on, status, created_at, updated_at)"
                                   " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open', $12, $12)",
                                   error);
  if (stmt == NULL)
    return 0;
  xf_db_stmt_bind_text (stmt, 1, uid);
  xf_db_stmt_bind_int64 (stmt, 2, objection->notice_id);
  xf_db_stmt_bind_int64 (stmt, 3, objection->nomination_id);
  xf_db_stmt_bind_text (stmt, 4, received_on);
  xf_db_stmt_bind_text (stmt, 5, objection->channel);
  xf_db_stmt_bind_int64 (stmt, 6, objection->anonymous ? 1 : 0);
  xf_db_stmt_bind_text (stmt, 7, name);
  xf_db_stmt_bind_text (stmt, 8, contact);
  xf_db_stmt_bind_text (stmt, 9, grounds);
  xf_db_stmt_bind_int64 (stmt, 10, handling_days);
  xf_db_stmt_bind_text (stmt, 11, due_on);
  xf_db_stmt_bind_int64 (stmt, 12, now);
  if (!xf_db_stmt_run (stmt, error))
    return 0;
  return xf_db_last_insert_id (_xf_evaluation_get_db (self->evaluation));
}

gint64
xf_notice_board_record_objection (XfNoticeBoard      *self,
                                  const XfObjection  *objection,
                                  GError            **error)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(XfObjection) stored = NULL;
  g_auto(NoticeState) notice = { 0 };
  g_autofree char *received_on = NULL;
  g_autofree char *due_on = NULL;
  gboolean public = FALSE;
  int handling_days;
  gint64 id;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), 0);
  g_return_val_if_fail (objection != NULL, 0);

  /* The public (the web portal) takes the desk's place with PUBLIC_SUBMIT. */
  public = _xf_notice_board_is_public (self);
  if (!_xf_notice_board_begin (self, error))
    return 0;
  /* The notice first, so that it cannot close while this is checked. */
  if (!_xf_evaluation_lock (self->evaluation, "notices", objection->notice_id, error))
    goto failed;
  nomination = _xf_evaluation_load_for_write (self->evaluation, objection->nomination_id,
                                              public ? XF_OP_PUBLIC_SUBMIT : XF_OP_NOMINATION_VET,
                                              error);
  if (nomination == NULL
      || !read_notice_state (self, objection->notice_id, objection->nomination_id, &notice, error)
      || !check_receiving (&notice, nomination, error))
    goto failed;

  received_on = objection->received_on != NULL && *objection->received_on != '\0'
                ? g_strdup (objection->received_on) : xf_clock_today_text ();
  if (!public && g_strcmp0 (objection->channel, XF_OBJECTION_CHANNEL_PORTAL) == 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Channel: only the web portal itself records objections that came through it"));
      goto failed;
    }
  if ((public && !check_public (objection, received_on, error))
      || !check_received_on (&notice, received_on, error) || !check_objector (objection, error))
    goto failed;
  handling_days = objection->handling_days != 0 ? objection->handling_days
                                                : XF_OBJECTION_DEFAULT_HANDLING_DAYS;
  if (handling_days < 1 || handling_days > 30)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Handling days: %d is not between 1 and 30 working days"), handling_days);
      goto failed;
    }
  due_on = _xf_evaluation_add_working_days (self->evaluation, received_on, handling_days);
  if (due_on == NULL)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("Handling days: the working-day calendar does not reach %d working days after %s"),
                   handling_days, received_on);
      goto failed;
    }

  id = insert_objection (self, objection, received_on, handling_days, due_on, error);
  if (id == 0)
    goto failed;
  stored = load_objection (self, id, NULL, error);
  /* The trail keeps the channel and grounds, never the objector's contact. */
  if (stored == NULL
      || !_xf_notice_board_audit_objection (self, stored, XF_AUDIT_CREATE, "channel",
                                            NULL, stored->channel, error)
      || !_xf_notice_board_audit_objection (self, stored, XF_AUDIT_CREATE, "grounds",
                                            NULL, stored->grounds, error))
    goto failed;
  if (!_xf_notice_board_commit (self, error))
    return 0;
  if (public)
    {
      /* Its file may follow in the same transaction of the caller's, and
       * only then (xf_notice_board_add_file). */
      XfDb *db = _xf_evaluation_get_db (self->evaluation);

      self->public_objection = xf_db_in_transaction (db) ? id : 0;
      self->public_serial = xf_db_get_transaction_serial (db);
    }
  _xf_notice_board_emit_changed (self, objection->notice_id);
  return id;

failed:
  _xf_notice_board_rollback (self);
  return 0;
}
