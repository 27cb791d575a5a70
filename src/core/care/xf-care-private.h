/* xf-care-private.h — shared by the parts of XfCare
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-care.h"
#include "xf-repo.h"

G_BEGIN_DECLS

/* Record types in the audit trail. */
#define XF_RECORD_CARE_PROGRAMME "care-programme"
#define XF_RECORD_CARE_PROFILE   "care-profile"
#define XF_RECORD_CARE_BATCH     "care-batch"
#define XF_RECORD_CARE_RECORD    "care-record"
#define XF_RECORD_HARDSHIP_CASE  "hardship-case"
#define XF_RECORD_CARE_VISIT     "care-visit"
#define XF_RECORD_CARE_VIEW      "care-view"

/*
 * The parts: xf-care.c (object, helpers), -programmes, -eligibility,
 * -records, -batches, -hardship, -visits, -calendar, -reports.
 * Use self->repo for statements, writes, audit and text checks
 * (xf-repo.h); emit ::changed with _xf_care_emit_changed () after a
 * committed write.
 */
struct _XfCare
{
  GObject     parent_instance;
  XfRegistry *registry;
  XfRepo      repo;
};

void     _xf_care_emit_changed   (XfCare      *self,
                                  gint64       pioneer_id);
/* xf_repo_end (), then ::changed when the write is done. */
gboolean _xf_care_end            (XfCare      *self,
                                  gboolean     ok,
                                  gint64       pioneer_id,
                                  GError     **error);
/* Permissions at a pioneer's place: xf_registry_check_id (self->registry,
 * op, pioneer_id, error); an active pioneer: xf_registry_check_active_id. */

/* xf-care-programmes.c: the id of the programme @code (seeding the
 * catalogue first); 0 with XF_ERROR_INVALID "Programme: “x” is not in the
 * catalogue" (or "… is no longer offered" when inactive and not allowed). */
gint64   _xf_care_programme_id   (XfCare      *self,
                                  const char  *code,
                                  gboolean     allow_inactive,
                                  GError     **error);
/* The same for care recorded by hand or by a done visit, which is never
 * hardship support: only an approved case's payments give that. */
gint64   _xf_care_programme_id_by_hand (XfCare      *self,
                                        const char  *code,
                                        GError     **error);

/* xf-care-records.c: a care record inside the current write (no
 * permission check: the caller has checked); returns the id. */
gint64   _xf_care_insert_record  (XfCare      *self,
                                  const XfCareRecord *record,
                                  GError     **error);
/* Deletes the care record of @batch_id for @pioneer_id (attendance
 * corrected to absent), inside the current write. */
gboolean _xf_care_delete_batch_record (XfCare *self,
                                  gint64       batch_id,
                                  gint64       pioneer_id,
                                  GError     **error);
/* Sets the hardship flag (since @since) inside the current write, audited. */
gboolean _xf_care_set_hardship_flag (XfCare   *self,
                                  gint64       pioneer_id,
                                  const char  *since,
                                  GError     **error);

/* xf-care-eligibility.c: the subject of one pioneer's rules (its strings
 * owned by the returned holder; free with _xf_care_subject_free). */
typedef struct _XfCareSubjectHolder XfCareSubjectHolder;
XfCareSubjectHolder *_xf_care_subject_load (XfCare *self,
                                  gint64       pioneer_id,
                                  GError     **error);
const XfCareSubject *_xf_care_subject_get (XfCareSubjectHolder *holder);
void     _xf_care_subject_free   (XfCareSubjectHolder *holder);

G_END_DECLS
