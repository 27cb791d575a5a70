/* xf-notice-board.h — the public notices and their objections, kept in core
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-evaluation.h"
#include "xf-notice.h"

G_BEGIN_DECLS

/*
 * XfNoticeBoard is the repository of notices (公示) and objections (异议),
 * acting as its evaluation's actor. Like XfEvaluation, every write is one
 * transaction (a savepoint inside a caller's), checks permissions first,
 * appends audit entries (record types "notice" and "objection"; a
 * nomination's stage changes are audited by the evaluation as usual), and
 * on any error writes nothing. Signal "changed" (gint64 notice_id, 0 when
 * not about one) after each committed write; moving nominations also emits
 * the evaluation's "changed".
 *
 * Permissions: reading needs XF_OP_REGISTRY_READ. Writing notices needs
 * XF_OP_NOMINATION_VET at the publisher's place (the notice's organisation,
 * by default the campaign's organiser; anywhere when it has none).
 * Objections need XF_OP_NOMINATION_VET at the candidate's place. The
 * public actor (xf_account_new_public (), the web portal) may instead,
 * with XF_OP_PUBLIC_SUBMIT, record an objection with channel "portal",
 * received today and the default handling days, and attach one file to it
 * in the same transaction of its caller's (XfPortal); nothing else on the
 * board but reading (not even closing notices that are due). An objector's
 * contact is shown only to an actor with XF_OP_PERSONAL_VIEW at
 * the candidate's place (masked otherwise), and an objection's files are
 * opened only with XF_OP_PERSONAL_VIEW or XF_OP_NOMINATION_VET there. Closing notices whose period
 * has ended (xf_notice_board_close_due) is a duty of time, done for any
 * signed-in actor and audited as "closed automatically".
 *
 * The period: @period_days working days (at least the campaign's
 * min-notice-days, and never fewer than XF_NOTICE_DEFAULT_PERIOD_DAYS).
 * It starts on the day of publishing when that is a working day, else on
 * the next working day (starts_on), and ends on its last working day
 * (ends_on), both by the working-day calendar. The notice closes from the
 * day after ends_on. Closing moves each candidate still in stage "notice"
 * with no open objection on to decision (result "decision"); a candidate
 * with an open objection stays in notice (result "held") and moves on
 * when its last objection is dismissed; a candidate sent back or ended by
 * an upheld objection keeps that result ("returned" or "ended").
 *
 * A nomination is on at most one notice that is a draft or published at a
 * time — except a correction's draft, which carries the candidates of the
 * notice it corrects — and one held on a closed notice goes on no other
 * until its objections are decided. A nomination leaves stage "notice" for decision only
 * through its notice's closing (or the dismissal above): the evaluation's
 * close-notice action checks the notice (xf-evaluation.h).
 */

#define XF_TYPE_NOTICE_BOARD (xf_notice_board_get_type ())

G_DECLARE_FINAL_TYPE (XfNoticeBoard, xf_notice_board, XF, NOTICE_BOARD, GObject)

XfNoticeBoard *xf_notice_board_new            (XfEvaluation  *evaluation);
XfEvaluation  *xf_notice_board_get_evaluation (XfNoticeBoard *self);

/* ── Notices (xf-notice-board-notices.c, xf-notice-board-publish.c) ───── */

typedef struct
{
  gint64       campaign_id;   /* 0: all campaigns */
  const char  *status;        /* NULL: any; an XF_NOTICE_* or "current" (draft or published) or "past" (closed or withdrawn) */
  const char  *text;          /* NULL: any; matched in the title and candidates' names */
} XfNoticeQuery;

/* (element-type XfNotice) current ones first (published by ends_on, then
 * drafts newest first), then past ones newest first; candidates not
 * loaded; days_left and objection counts filled in. */
GPtrArray *xf_notice_board_list_notices (XfNoticeBoard       *self,
                                         const XfNoticeQuery *query,
                                         GError             **error);
/* The notice with its candidates (stage and open objections filled in). */
XfNotice  *xf_notice_board_get_notice   (XfNoticeBoard *self,
                                         gint64         notice_id,
                                         GError       **error);
/* A new draft for @campaign_id: title "Public notice of the candidates for
 * <campaign title>" (translated), the default preamble, the default
 * period (the larger of XF_NOTICE_DEFAULT_PERIOD_DAYS and the campaign's
 * min-notice-days), the campaign's organiser as publisher, and every
 * nomination of the campaign now in stage "notice" that is on no other
 * current notice as its candidates (none is fine). Returns the new id. */
gint64     xf_notice_board_create       (XfNoticeBoard *self,
                                         gint64         campaign_id,
                                         GError       **error);
/* Saves a draft's title, preamble, period_days and contacts (version
 * checked; other fields ignored). XF_ERROR_INVALID naming the field: title
 * empty or too long (200), period shorter than the minimum or longer than
 * 30, phone/address/mailbox too long (200); at least one contact is
 * required to publish, not to save. XF_ERROR_WORKFLOW when not a draft. */
gboolean   xf_notice_board_save         (XfNoticeBoard *self,
                                         const XfNotice *notice,
                                         GError       **error);
/* Draft only. Adds a nomination of the notice's campaign in stage "notice"
 * (XF_ERROR_WORKFLOW naming its stage otherwise; XF_ERROR_DUPLICATE when
 * it is on another current notice), its lines copied from the registry. */
gboolean   xf_notice_board_add_candidate    (XfNoticeBoard *self,
                                         gint64         notice_id,
                                         gint64         nomination_id,
                                         GError       **error);
gboolean   xf_notice_board_remove_candidate (XfNoticeBoard *self,
                                         gint64         notice_id,
                                         gint64         nomination_id,
                                         GError       **error);
/* Draft only: a candidate's summary of deeds as printed (≤ 500 chars). */
gboolean   xf_notice_board_set_summary  (XfNoticeBoard *self,
                                         gint64         notice_id,
                                         gint64         nomination_id,
                                         const char    *summary,
                                         GError       **error);
/* The nominations that could be added to the draft now: the campaign's
 * nominations in stage "notice" not on another current notice.
 * (element-type XfNomination) */
GPtrArray *xf_notice_board_list_addable (XfNoticeBoard *self,
                                         gint64         notice_id,
                                         GError       **error);
/* The period of @period_days working days published on @on (NULL:
 * today), by the rule above: *starts_on the first working day from @on,
 * *ends_on its last working day, newly allocated. For forms that show the
 * dates before the draft is saved. */
gboolean   xf_notice_board_compute_period (XfNoticeBoard *self,
                                         const char    *on,
                                         int            period_days,
                                         char         **starts_on,
                                         char         **ends_on,
                                         GError       **error);
/* The period the draft would have if published on @on (NULL: today):
 * *starts_on and *ends_on newly allocated. */
gboolean   xf_notice_board_preview_period (XfNoticeBoard *self,
                                         gint64         notice_id,
                                         const char    *on,
                                         char         **starts_on,
                                         char         **ends_on,
                                         GError       **error);
/* Draft → published: needs at least one candidate (every one still in
 * stage "notice"), a contact, and a period not shorter than the minimum
 * (XF_ERROR_INVALID naming "period"). Sets starts_on, ends_on,
 * published_on (today). Publishing a correction withdraws the notice it
 * corrects (reason "Corrected by revision N", translated); its period runs
 * again from the correction's publishing. */
gboolean   xf_notice_board_publish      (XfNoticeBoard *self,
                                         gint64         notice_id,
                                         GError       **error);
/* Published → a new draft correcting it (revision + 1, revision_of set,
 * same campaign, contents and candidates copied). Returns the new id.
 * Only one draft correction at a time (XF_ERROR_DUPLICATE). */
gint64     xf_notice_board_correct      (XfNoticeBoard *self,
                                         gint64         notice_id,
                                         GError       **error);
/* Draft or published → withdrawn, @reason required. Candidates stay in
 * stage "notice" (they may go on another notice). */
gboolean   xf_notice_board_withdraw     (XfNoticeBoard *self,
                                         gint64         notice_id,
                                         const char    *reason,
                                         GError       **error);
/* Published → closed once its period has ended (today after ends_on;
 * XF_ERROR_WORKFLOW naming ends_on otherwise), moving its candidates as
 * described above, in one transaction. */
gboolean   xf_notice_board_close        (XfNoticeBoard *self,
                                         gint64         notice_id,
                                         GError       **error);
/* Closes every published notice whose period has ended; at start-up and
 * on a timer. Returns how many closed (0 with no error when none; -1 on
 * error, nothing closed). */
int        xf_notice_board_close_due    (XfNoticeBoard *self,
                                         GError       **error);
/* The same, returning the notices it closed (element-type XfNotice, as
 * they were read before closing; empty when none; NULL on error), so a
 * caller can name them. */
GPtrArray *xf_notice_board_close_due_notices (XfNoticeBoard *self,
                                         GError       **error);
/* A second notice (二次公示) after an upheld objection changed the list of
 * @notice_id (closed or published): a new draft following it (follows =
 * the first notice of the chain), title "Second public notice of the
 * candidates for <campaign>" (translated), with the campaign's nominations
 * now in stage "notice" that are on no current notice. XF_ERROR_WORKFLOW
 * when no upheld objection on @notice_id; XF_ERROR_DUPLICATE while a draft
 * second notice of the chain exists. Returns the new id. */
gint64     xf_notice_board_create_follow_up (XfNoticeBoard *self,
                                         gint64         notice_id,
                                         GError       **error);
/* The notice a nomination is on now (the published one, else a draft; 0
 * when none) — for the nomination view. */
gint64     xf_notice_board_notice_of    (XfNoticeBoard *self,
                                         gint64         nomination_id,
                                         GError       **error);

/* ── Objections (xf-notice-board-objections.c) ───────────────────────── */

/* (element-type XfObjection) of one notice (@notice_id) or, with 0, every
 * notice; @open_only; received first. Notes and files not loaded. */
GPtrArray   *xf_notice_board_list_objections (XfNoticeBoard *self,
                                         gint64         notice_id,
                                         gboolean       open_only,
                                         GError       **error);
/* With notes and files. */
XfObjection *xf_notice_board_get_objection   (XfNoticeBoard *self,
                                         gint64         objection_id,
                                         GError       **error);
/* Records an objection from @objection's notice_id, nomination_id,
 * received_on (NULL: today), channel, anonymous, objector_name (required
 * unless anonymous), objector_contact, grounds (required, ≤ 5000),
 * handling_days (0: the default). The notice must be published, or closed
 * with the candidate still held; the candidate on it and in stage
 * "notice"; received_on within the period and not in the future
 * (XF_ERROR_INVALID naming the field otherwise). due_on = received_on +
 * handling_days working days. Returns the new id. */
gint64       xf_notice_board_record_objection (XfNoticeBoard *self,
                                         const XfObjection *objection,
                                         GError       **error);
/* Open objections only. The handler must be an enabled account that may
 * XF_OP_NOMINATION_VET at the candidate's place (XF_ERROR_INVALID
 * "Handler: …"); 0 clears. */
gboolean     xf_notice_board_assign      (XfNoticeBoard *self,
                                         gint64         objection_id,
                                         gint64         handler_account_id,
                                         GError       **error);
gboolean     xf_notice_board_add_note    (XfNoticeBoard *self,
                                         gint64         objection_id,
                                         const char    *body,
                                         GError       **error);
/* At most XF_MATERIAL_MAX_SIZE; kept with its SHA-256; open objections. */
gboolean     xf_notice_board_add_file    (XfNoticeBoard *self,
                                         gint64         objection_id,
                                         const char    *file_name,
                                         const char    *content_type,
                                         GBytes        *content,
                                         GError       **error);
/* Checked against its SHA-256 (XF_ERROR_CORRUPT). A file may hold the
 * objector's personal details: reading it needs XF_OP_PERSONAL_VIEW (as
 * for the contact) or XF_OP_NOMINATION_VET at the candidate's place
 * (XF_ERROR_PERMISSION_DENIED otherwise). */
GBytes      *xf_notice_board_read_file   (XfNoticeBoard *self,
                                         gint64         file_id,
                                         GError       **error);
/* Upheld (@outcome XF_OBJECTION_UPHELD_RETURN or _END, @reason required):
 * the nomination goes back to committee or ends (the evaluation's
 * uphold-objection step, same transaction: this is its only way), the
 * candidate's result on the notice is set, and every other open objection
 * on the same candidate closes with the same outcome. Dismissed
 * (XF_OBJECTION_DISMISSED): @reason and @reply required; when it was the
 * candidate's last open objection and its notice has closed, the
 * candidate moves on to decision. */
gboolean     xf_notice_board_decide      (XfNoticeBoard *self,
                                         gint64         objection_id,
                                         const char    *outcome,
                                         const char    *reason,
                                         const char    *reply,
                                         GError       **error);
/* Records that the reply was sent (@channel one of the objection
 * channels, @sent_on NULL: today; not before the decision). A closed
 * objection with a reply only; once. */
gboolean     xf_notice_board_record_reply (XfNoticeBoard *self,
                                         gint64         objection_id,
                                         const char    *channel,
                                         const char    *sent_on,
                                         GError       **error);
/* Open objections for the sidebar badge and attention: all, and those
 * due soon or overdue. */
gboolean     xf_notice_board_count_open  (XfNoticeBoard *self,
                                         guint         *open,
                                         guint         *attention,
                                         GError       **error);

G_END_DECLS
