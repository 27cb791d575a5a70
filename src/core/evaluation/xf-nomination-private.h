/* xf-nomination-private.h — how the repository fills nomination records
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-db.h"
#include "xf-deadline.h"
#include "xf-evaluation.h"
#include "xf-nomination.h"

G_BEGIN_DECLS

/*
 * The columns _xf_nomination_new_from_row() reads, in this order, from
 *   nominations n
 *   JOIN pioneers p ON p.id = n.pioneer_id
 *   JOIN campaigns c ON c.id = n.campaign_id
 *   LEFT JOIN nomination_stages s ON s.nomination_id = n.id AND s.left_on IS NULL
 * (XF_NOMINATION_FROM). The list columns leave out the case text and the
 * checklist; the full ones add them at the end.
 */
#define XF_NOMINATION_LIST_COLUMNS \
  "n.id, n.uid, n.campaign_id, n.pioneer_id, n.nominating_unit, n.unit_contact, " \
  "n.stage, n.stage_since, n.submitted_on, n.decided_on, n.preliminary_passed_on, " \
  "n.service_since, n.outcome_reason, n.honour_id, n.final_score, n.rank, " \
  "n.created_at, n.updated_at, n.version, p.name, p.kind, p.employer, p.region_code, " \
  "c.title, s.due_on"
#define XF_NOMINATION_FULL_COLUMNS \
  XF_NOMINATION_LIST_COLUMNS ", n.case_text, n.checklist_state"
#define XF_NOMINATION_FROM \
  " FROM nominations n" \
  " JOIN pioneers p ON p.id = n.pioneer_id" \
  " JOIN campaigns c ON c.id = n.campaign_id" \
  " LEFT JOIN nomination_stages s ON s.nomination_id = n.id AND s.left_on IS NULL"

/* A record from the current row of @stmt (see above). The due state is
 * left XF_DUE_NONE: the caller computes it from stage-due-on. */
XfNomination *_xf_nomination_new_from_row    (XfDbStmt     *stmt,
                                              gboolean      full);
void          _xf_nomination_set_stage       (XfNomination *self,
                                              const char   *stage,
                                              const char   *since);
void          _xf_nomination_set_text        (XfNomination *self,
                                              const char   *property,
                                              const char   *value);
void          _xf_nomination_set_int64       (XfNomination *self,
                                              const char   *property,
                                              gint64        value);
/* final-score (-1: none) and rank (0: none), as a round closing keeps them. */
void          _xf_nomination_set_result      (XfNomination *self,
                                              double        final_score,
                                              int           rank);
void          _xf_nomination_set_due         (XfNomination *self,
                                              const char   *due_on,
                                              int           due_state);
/* Withholding also drops the case text from the record. */
void          _xf_nomination_set_case_withheld (XfNomination *self,
                                              gboolean      withheld);
/* (element-type gboolean) copied. */
void          _xf_nomination_set_checklist_state (XfNomination *self,
                                              GArray       *ticked);
/* JSON text of ticks ("[true,false]") and back; NULL on malformed text. */
char         *_xf_nomination_checklist_to_json (GArray      *ticked);
GArray       *_xf_nomination_checklist_from_json (const char *json);

/* xf-workflow.c: where a nomination is, as said after "Cannot confer a
 * nomination …" ("in preliminary review"), translated. */
const char   *_xf_stage_phrase               (const char   *stage);

/*
 * Shared by the repository's nomination parts (xf-evaluation-nominations.c,
 * xf-evaluation-stages.c, xf-evaluation-materials.c).
 */

/* The state of something due on @due_on (NULL: no deadline) and closed on
 * @left_on (NULL: open), seen on @today; *days_left (may be NULL) gets the
 * working days from today to the due date while open, else 0. */
XfDueState    _xf_evaluation_due_state       (XfEvaluation *self,
                                              const char   *due_on,
                                              const char   *left_on,
                                              const GDate  *today,
                                              int          *days_left);
/* One audit entry about @nomination (record type "nomination", its uid,
 * labelled with the candidate's name), inside the current write. */
gboolean      _xf_evaluation_audit_nomination (XfEvaluation *self,
                                              XfNomination *nomination,
                                              const char   *action,
                                              const char   *field,
                                              const char   *old_value,
                                              const char   *new_value,
                                              GError      **error);
/* The eligibility reasons (see xf_evaluation_check_eligibility); the
 * submission window only when @window. */
GPtrArray    *_xf_evaluation_eligibility     (XfEvaluation *self,
                                              XfNomination *nomination,
                                              XfCampaign   *campaign,
                                              gboolean      window,
                                              GError      **error);
/* xf-evaluation-stages.c: the campaign of a step (kept while unchanged). */
XfCampaign   *_xf_evaluation_campaign_of     (XfEvaluation *self,
                                              gint64        campaign_id,
                                              GError      **error);
/* Whether close-notice would pass now: @nomination is on a published or
 * closed notice whose period has ended and no objection to it is open
 * (XF_ERROR_WORKFLOW saying which otherwise). The one rule for the action
 * and for the buttons offering it. */
gboolean      _xf_evaluation_check_close_notice (XfEvaluation *self,
                                              XfNomination *nomination,
                                              GError      **error);
/* Whether confer or decline would pass now: no objection to @nomination
 * is open (XF_ERROR_WORKFLOW otherwise). */
gboolean      _xf_evaluation_check_no_open_objection (XfEvaluation *self,
                                              XfNomination *nomination,
                                              GError      **error);
/* "YYYY-MM-DD" @days working days after @from; NULL when @days is 0. */
char         *_xf_evaluation_add_working_days (XfEvaluation *self,
                                              const char   *from,
                                              int           days);
/* Whether @text has anything but white space. */
gboolean      _xf_evaluation_has_text        (const char   *text);
/* XF_ERROR_INVALID naming "Reason" when @action needs one and has none. */
gboolean      _xf_evaluation_check_reason    (XfAction      action,
                                              const char   *reason,
                                              GError      **error);
/* xf-evaluation-vetting.c: pending sign-offs (-1 on error), and starting
 * them on submission. */
int           _xf_evaluation_count_pending_vettings (XfEvaluation *self,
                                              gint64        nomination_id,
                                              GError      **error);
gboolean      _xf_evaluation_start_vettings  (XfEvaluation *self,
                                              XfNomination *nomination,
                                              XfCampaign   *campaign,
                                              GError      **error);

/* xf-evaluation-nominations.c: the stage of a nomination;
 * XF_ERROR_NOT_FOUND when there is none. */
char         *_xf_evaluation_stage_of        (XfEvaluation *self,
                                              gint64        nomination_id,
                                              GError      **error);
/* The nomination stored, for a write (its row held until the write
 * ends): XF_ERROR_NOT_FOUND when missing, then the actor must be allowed
 * @op at the candidate's place. */
XfNomination *_xf_evaluation_load_for_write  (XfEvaluation *self,
                                              gint64        nomination_id,
                                              XfOperation   op,
                                              GError      **error);

G_END_DECLS
