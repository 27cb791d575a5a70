/* xf-notice-board-objection-work.c — an objection's handler, notes and files
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-notice"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-notice-board-objections-private.h"

/*
 * The work on an open objection: who handles it (an account that may vet
 * the candidate's nomination), investigation notes (appended, never
 * edited; they may follow the decision), and files kept in the database
 * (base64) with their SHA-256 like a nomination's materials.
 */

/* A trimmed copy (never NULL). */
static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/*
 * The handler
 */

/* The account as a permission check sees it, read from its row and
 * grants (the account's own object may be stale). */
static XfAccount *
load_account (XfNoticeBoard  *self,
              gint64          account_id,
              GError        **error)
{
  g_autoptr(XfAccount) account = NULL;
  const char *field = _("Handler");
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = _xf_notice_board_prepare (self, "SELECT login, display_name, disabled FROM accounts WHERE id = $1",
                                   error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, account_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      account = xf_account_new (xf_db_stmt_column_text (stmt, 0), xf_db_stmt_column_text (stmt, 1));
      xf_account_set_disabled (account, xf_db_stmt_column_int64 (stmt, 2) != 0);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  if (step == XF_DB_STEP_DONE)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: account number %lld does not exist"),
                   field, (long long) account_id);
      return NULL;
    }

  stmt = _xf_notice_board_prepare (self, "SELECT role, scope, value FROM account_grants WHERE account_id = $1",
                                   error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, account_id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      XfRole role;
      XfScopeKind scope;

      if (xf_role_from_string (xf_db_stmt_column_text (stmt, 0), &role)
          && xf_scope_kind_from_string (xf_db_stmt_column_text (stmt, 1), &scope))
        xf_account_add_grant (account, role, scope, xf_db_stmt_column_text (stmt, 2));
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&account);
}

/* An enabled account that may vet nominations at the candidate's place. */
static gboolean
check_handler (XfNoticeBoard  *self,
               XfNomination   *nomination,
               XfAccount      *handler,
               GError        **error)
{
  XfRegistry *registry = xf_evaluation_get_registry (self->evaluation);
  g_autoptr(XfPioneer) pioneer = NULL;
  const char *field = _("Handler");
  const char * const *ancestors = NULL;
  const char *code = NULL;
  XfTarget target = { NULL, NULL, NULL };

  if (xf_account_get_disabled (handler))
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("%s: the account “%s” is disabled"),
                   field, xf_account_get_login (handler));
      return FALSE;
    }
  pioneer = xf_registry_get_pioneer (registry, xf_nomination_get_pioneer_id (nomination), error);
  if (pioneer == NULL)
    return FALSE;
  target.region_code = xf_pioneer_get_region_code (pioneer);
  if (xf_registry_get_organisation_place (registry, xf_pioneer_get_organisation_id (pioneer),
                                          &code, &ancestors))
    {
      target.organisation_code = code;
      target.organisation_ancestors = ancestors;
    }
  if (xf_permission_allows (handler, XF_OP_NOMINATION_VET, &target))
    return TRUE;
  g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
               _("%s: “%s” may not vet the nomination of “%s”"),
               field, xf_account_get_login (handler), xf_nomination_get_candidate_name (nomination));
  return FALSE;
}

static char *
login_of (XfNoticeBoard  *self,
          gint64          account_id,
          GError        **error)
{
  XfDbStmt *stmt;
  XfDbStep step;
  char *login = NULL;

  if (account_id == 0)
    return g_strdup ("");
  stmt = _xf_notice_board_prepare (self, "SELECT login FROM accounts WHERE id = $1", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, account_id);
  step = xf_db_stmt_step (stmt, error);
  login = step == XF_DB_STEP_ROW ? xf_db_stmt_dup_text (stmt, 0) : NULL;
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_DONE)
    return g_strdup ("");
  return login;
}

gboolean
xf_notice_board_assign (XfNoticeBoard  *self,
                        gint64          objection_id,
                        gint64          handler_account_id,
                        GError        **error)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(XfObjection) objection = NULL;
  g_autoptr(XfAccount) handler = NULL;
  g_autofree char *old_login = NULL;
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), FALSE);

  objection = _xf_notice_board_begin_objection (self, objection_id, TRUE, &nomination, error);
  if (objection == NULL)
    return FALSE;
  if (handler_account_id != 0)
    {
      handler = load_account (self, handler_account_id, error);
      if (handler == NULL || !check_handler (self, nomination, handler, error))
        goto failed;
    }
  if (objection->handler_account_id == handler_account_id)
    return _xf_notice_board_commit (self, error);

  old_login = login_of (self, objection->handler_account_id, error);
  if (old_login == NULL)
    goto failed;
  stmt = _xf_notice_board_prepare (self,
                                   "UPDATE objections SET handler_account_id = $2, updated_at = $3,"
                                   " version = version + 1 WHERE id = $1", error);
  if (stmt == NULL)
    goto failed;
  xf_db_stmt_bind_int64 (stmt, 1, objection_id);
  if (handler_account_id != 0)
    xf_db_stmt_bind_int64 (stmt, 2, handler_account_id);
  else
    xf_db_stmt_bind_null (stmt, 2);
  xf_db_stmt_bind_int64 (stmt, 3, xf_db_now ());
  if (!xf_db_stmt_run (stmt, error)
      || !_xf_notice_board_audit_objection (self, objection, XF_AUDIT_OBJECTION_ASSIGN, "handler",
                                            *old_login != '\0' ? old_login : NULL,
                                            handler != NULL ? xf_account_get_login (handler) : NULL,
                                            error))
    goto failed;
  return _xf_notice_board_commit_changed (self, objection->notice_id, error);

failed:
  _xf_notice_board_rollback (self);
  return FALSE;
}

/*
 * Notes and files
 */

static gboolean
touch_objection (XfNoticeBoard  *self,
                 gint64          objection_id,
                 GError        **error)
{
  XfDbStmt *stmt = _xf_notice_board_prepare (self,
                                             "UPDATE objections SET updated_at = $2, version = version + 1"
                                             " WHERE id = $1", error);

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, objection_id);
  xf_db_stmt_bind_int64 (stmt, 2, xf_db_now ());
  return xf_db_stmt_run (stmt, error);
}

gboolean
xf_notice_board_add_note (XfNoticeBoard  *self,
                          gint64          objection_id,
                          const char     *body,
                          GError        **error)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(XfObjection) objection = NULL;
  g_autofree char *today = xf_clock_today_text ();
  g_autofree char *text = NULL;
  XfDbStmt *stmt;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), FALSE);

  /* Notes may follow the decision too (a call with the objector). */
  objection = _xf_notice_board_begin_objection (self, objection_id, FALSE, &nomination, error);
  if (objection == NULL)
    return FALSE;
  if (!_xf_notice_board_check_text (_("Note"), body, TRUE, XF_OBJECTION_MAX_TEXT, error))
    goto failed;
  text = trimmed (body);
  stmt = _xf_notice_board_prepare (self,
                                   "INSERT INTO objection_notes (objection_id, written_on, written_at,"
                                   " written_by, body) VALUES ($1, $2, $3, $4, $5)", error);
  if (stmt == NULL)
    goto failed;
  xf_db_stmt_bind_int64 (stmt, 1, objection_id);
  xf_db_stmt_bind_text (stmt, 2, today);
  xf_db_stmt_bind_int64 (stmt, 3, xf_db_now ());
  xf_db_stmt_bind_text (stmt, 4, _xf_evaluation_actor_name (self->evaluation));
  xf_db_stmt_bind_text (stmt, 5, text);
  if (!xf_db_stmt_run (stmt, error)
      || !touch_objection (self, objection_id, error)
      || !_xf_notice_board_audit_objection (self, objection, XF_AUDIT_OBJECTION_NOTE, "notes",
                                            NULL, text, error))
    goto failed;
  return _xf_notice_board_commit_changed (self, objection->notice_id, error);

failed:
  _xf_notice_board_rollback (self);
  return FALSE;
}

/* The objection the public actor recorded in the caller's transaction
 * still open (XF_ERROR_PERMISSION_DENIED otherwise, as for any other
 * work on an objection). */
static gboolean
check_public_file (XfNoticeBoard  *self,
                   gint64          objection_id,
                   GError        **error)
{
  XfDb *db = _xf_evaluation_get_db (self->evaluation);

  if (objection_id != 0 && objection_id == self->public_objection && xf_db_in_transaction (db)
      && xf_db_get_transaction_serial (db) == self->public_serial)
    return TRUE;
  /* The refusal names the account and the desk's operation. */
  return xf_permission_check (xf_evaluation_get_actor (self->evaluation), XF_OP_NOMINATION_VET,
                              NULL, error);
}

gboolean
xf_notice_board_add_file (XfNoticeBoard  *self,
                          gint64          objection_id,
                          const char     *file_name,
                          const char     *content_type,
                          GBytes         *content,
                          GError        **error)
{
  g_autoptr(XfNomination) nomination = NULL;
  g_autoptr(XfObjection) objection = NULL;
  g_autofree char *name = trimmed (file_name);
  g_autofree char *description = NULL;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), FALSE);

  if (_xf_notice_board_is_public (self))
    {
      /* The public attaches one file to the objection it is recording, in
       * the same transaction, and nothing else. */
      if (!check_public_file (self, objection_id, error))
        return FALSE;
      objection = _xf_notice_board_begin_objection_as (self, objection_id, TRUE, XF_OP_PUBLIC_SUBMIT,
                                                       &nomination, error);
      if (objection == NULL)
        return FALSE;
      if (objection->files->len > 0)
        {
          g_set_error (error, XF_ERROR, XF_ERROR_INVALID, _("File: an objection from the public has one file"));
          goto failed;
        }
    }
  else
    {
      objection = _xf_notice_board_begin_objection (self, objection_id, TRUE, &nomination, error);
      if (objection == NULL)
        return FALSE;
    }
  if (!_xf_evaluation_check_file (name, content, error))
    goto failed;
  description = _xf_evaluation_store_file (self->evaluation, "objection_files", "objection_id",
                                           objection_id, name, content_type, content, error);
  if (description == NULL)
    goto failed;
  if (!touch_objection (self, objection_id, error)
      || !_xf_notice_board_audit_objection (self, objection, XF_AUDIT_OBJECTION_FILE, "files",
                                            NULL, description, error))
    goto failed;
  return _xf_notice_board_commit_changed (self, objection->notice_id, error);

failed:
  _xf_notice_board_rollback (self);
  return FALSE;
}

/* The files may hold the objector's personal details: they are opened by
 * those who see the contact (XF_OP_PERSONAL_VIEW at the candidate's
 * place) or who may handle the objection (XF_OP_NOMINATION_VET there). */
static gboolean
check_may_open_files (XfNoticeBoard  *self,
                      gint64          pioneer_id,
                      GError        **error)
{
  if (_xf_evaluation_check_candidate (self->evaluation, XF_OP_PERSONAL_VIEW, pioneer_id, NULL))
    return TRUE;
  return _xf_evaluation_check_candidate (self->evaluation, XF_OP_NOMINATION_VET, pioneer_id, error);
}

GBytes *
xf_notice_board_read_file (XfNoticeBoard  *self,
                           gint64          file_id,
                           GError        **error)
{
  g_autofree char *file_name = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *content = NULL;
  gint64 pioneer_id = 0;
  XfDbStmt *stmt;
  XfDbStep step;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (self), NULL);

  if (!_xf_notice_board_check_read (self, error))
    return NULL;
  stmt = _xf_notice_board_prepare (self,
                                   "SELECT f.file_name, f.sha256, f.content, n.pioneer_id"
                                   " FROM objection_files f JOIN objections o ON o.id = f.objection_id"
                                   " JOIN nominations n ON n.id = o.nomination_id WHERE f.id = $1",
                                   error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, file_id);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      file_name = xf_db_stmt_dup_text (stmt, 0);
      sha256 = xf_db_stmt_dup_text (stmt, 1);
      content = xf_db_stmt_dup_text (stmt, 2);
      pioneer_id = xf_db_stmt_column_int64 (stmt, 3);
    }
  xf_db_stmt_reset (stmt);
  if (step == XF_DB_STEP_ERROR)
    return NULL;
  if (step == XF_DB_STEP_DONE)
    {
      _xf_evaluation_set_not_found (error, _("File"), file_id);
      return NULL;
    }
  if (!check_may_open_files (self, pioneer_id, error))
    return NULL;
  return _xf_evaluation_decode_file (file_name, sha256, content, error);
}
