/* xf-care-eligibility.c — who a programme is for: eligibility lists, gaps
 *                         and saved gap views
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-care"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-care-private.h"
#include "xf-error.h"
#include "xf-store.h"

/*
 * One pioneer's subject
 */

struct _XfCareSubjectHolder
{
  XfCareSubject  subject;
  char          *kind;
  char          *tier;
  char          *status;
  char          *birth_date;
  char          *region_code;
  char          *retired_on;
  GPtrArray     *levels;   /* NULL-terminated */
  GPtrArray     *titles;
};

static XfCareSubjectHolder *
holder_new (void)
{
  XfCareSubjectHolder *holder = g_new0 (XfCareSubjectHolder, 1);

  holder->levels = g_ptr_array_new_with_free_func (g_free);
  holder->titles = g_ptr_array_new_with_free_func (g_free);
  return holder;
}

void
_xf_care_subject_free (XfCareSubjectHolder *holder)
{
  if (holder == NULL)
    return;
  g_free (holder->kind);
  g_free (holder->tier);
  g_free (holder->status);
  g_free (holder->birth_date);
  g_free (holder->region_code);
  g_free (holder->retired_on);
  g_ptr_array_unref (holder->levels);
  g_ptr_array_unref (holder->titles);
  g_free (holder);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfCareSubjectHolder, _xf_care_subject_free)

const XfCareSubject *
_xf_care_subject_get (XfCareSubjectHolder *holder)
{
  XfCareSubject *subject = &holder->subject;

  /* The arrays may have grown since: point at them now. */
  if (holder->levels->len == 0 || g_ptr_array_index (holder->levels, holder->levels->len - 1) != NULL)
    g_ptr_array_add (holder->levels, NULL);
  if (holder->titles->len == 0 || g_ptr_array_index (holder->titles, holder->titles->len - 1) != NULL)
    g_ptr_array_add (holder->titles, NULL);
  subject->kind = holder->kind;
  subject->tier = holder->tier;
  subject->status = holder->status;
  subject->birth_date = holder->birth_date;
  subject->region_code = holder->region_code;
  subject->retired_on = holder->retired_on;
  subject->honour_levels = (const char * const *) holder->levels->pdata;
  subject->honour_titles = (const char * const *) holder->titles->pdata;
  return subject;
}

#define SUBJECT_COLUMNS \
  "p.kind, p.tier, p.status, p.birth_date, p.region_code, c.retired_on, coalesce(c.hardship, 0)"
#define SUBJECT_FROM \
  " FROM pioneers p LEFT JOIN care_profiles c ON c.pioneer_id = p.id"

/* Fills @holder from the current row's first seven columns. */
static void
holder_take_row (XfCareSubjectHolder *holder,
                 XfDbStmt            *stmt,
                 int                  first)
{
  holder->kind = xf_db_stmt_dup_text (stmt, first);
  holder->tier = xf_db_stmt_dup_text (stmt, first + 1);
  holder->status = xf_db_stmt_dup_text (stmt, first + 2);
  holder->birth_date = xf_db_stmt_dup_text (stmt, first + 3);
  holder->region_code = xf_db_stmt_dup_text (stmt, first + 4);
  holder->retired_on = xf_db_stmt_dup_text (stmt, first + 5);
  holder->subject.hardship = xf_db_stmt_column_int64 (stmt, first + 6) != 0;
}

static gpointer
holder_from_row (XfDbStmt *stmt,
                 gpointer  user_data G_GNUC_UNUSED)
{
  XfCareSubjectHolder *holder = holder_new ();

  holder_take_row (holder, stmt, 0);
  return holder;
}

static gboolean
load_honours (XfCare               *self,
              XfCareSubjectHolder  *holder,
              gint64                pioneer_id,
              GError              **error)
{
  XfDbStmt *stmt = xf_repo_prepare (&self->repo,
                                    "SELECT level, title FROM honours WHERE pioneer_id = $1 ORDER BY year, id",
                                    error);
  XfDbStep step;

  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, pioneer_id);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      g_ptr_array_add (holder->levels, xf_db_stmt_dup_text (stmt, 0));
      g_ptr_array_add (holder->titles, xf_db_stmt_dup_text (stmt, 1));
    }
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE;
}

XfCareSubjectHolder *
_xf_care_subject_load (XfCare  *self,
                       gint64   pioneer_id,
                       GError **error)
{
  g_autoptr(XfCareSubjectHolder) holder = NULL;
  XfDbStmt *stmt;

  stmt = xf_repo_prepare (&self->repo, "SELECT " SUBJECT_COLUMNS SUBJECT_FROM " WHERE p.id = $1", error);
  if (stmt == NULL)
    return NULL;
  xf_db_stmt_bind_int64 (stmt, 1, pioneer_id);
  holder = xf_repo_fetch_one (&self->repo, stmt, holder_from_row, NULL, _("Pioneer"), pioneer_id, error);
  if (holder == NULL || !load_honours (self, holder, pioneer_id, error))
    return NULL;
  return g_steal_pointer (&holder);
}
