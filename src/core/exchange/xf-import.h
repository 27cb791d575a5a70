/* xf-import.h — spreadsheet import of pioneers, collectives, honours and organisations
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * XfImport takes one CSV or XLSX file (xf-sheet.h) through the steps of the
 * desktop's import assistant and of `xianfeng-cli import`:
 *
 * 1. **Load** (xf_import_load): the first non-empty record is the header
 *    row; the rest are data rows, kept compactly (a million rows fit).
 *    The kind is guessed from the headers (a credit-code column means
 *    collectives, a title + year without person columns honours, an
 *    organisation code + name organisations, else individuals); the
 *    caller may change it.
 * 2. **Map** columns to fields. Known headers map themselves:
 *    data/reference/import-headers.json lists, per kind and field, the
 *    Chinese and English headers seen in the organisations' lists (姓名/
 *    name, 性别, 出生日期, 身份证号码/公民身份号码, 手机/联系电话, 工作单位,
 *    职务, 所属行业, 所在地区, 文化程度, 荣誉称号…), matched after
 *    normalising (NFKC, case, spaces, brackets and "（必填）"-style notes
 *    removed). A mapping the user made for a header set is remembered in
 *    the database (table import_mappings, keyed by kind + headers) and
 *    wins over the guess the next time the same headers come.
 * 3. **Analyse** (xf_import_analyse): every row is checked as a save
 *    would check it, without writing: each mapped cell is trimmed and
 *    read (codes or labels in Chinese or English for gender, education,
 *    industry, region — a county/township/village label or code —,
 *    ethnicity, political status, honour level, organisation by code or
 *    name; dates as 1985-03-02, 1985/3/2, 1985.3.2, 19850302 or
 *    1985年3月2日); the identity number is checked (GB 11643) and birth
 *    date and gender, when missing, come from it (a contradiction is a
 *    problem); required fields; the actor's permission at the row's place
 *    (a row outside the actor's scope is a problem, not a refusal of the
 *    file). Then duplicates: a row matching an existing record — same
 *    identity number (individuals), credit code (collectives), or the
 *    same name and birth date — is XF_IMPORT_ROW_DUPLICATE with the
 *    record's uid; a row repeating an earlier row of the file is
 *    XF_IMPORT_ROW_PROBLEM "Repeats line N".
 * 4. **Fix** in the preview (optional): xf_import_set_cell() changes a
 *    cell and checks that row again; xf_import_set_merge() decides a
 *    duplicate field by field; xf_import_set_skipped() leaves a row out.
 *    Nothing is ever overwritten silently: a duplicate without a merge
 *    decision is left out.
 * 5. **Commit** (xf_import_commit): the rows that are NEW or MERGE are
 *    written in ONE transaction. The field rules ran in the analysis
 *    (and again for a row changed by xf_import_set_cell) and are not run
 *    again; what the database decides is checked again: the actor's
 *    right at each row's place, a merged record's version and the edit
 *    rules of its new values, honours through the registry's own checks,
 *    and the schema's UNIQUE indexes (identity number, credit code) and
 *    foreign keys (organisation) refuse a record stored or removed
 *    since the analysis. Written are: inserts, the merges'
 *    field updates (version-checked: a record changed since the analysis
 *    is a conflict that refuses the whole commit, naming it), an honour
 *    per row when honour columns are mapped, one XF_AUDIT_IMPORT entry per
 *    created record ("FILE line N"), the merges' update entries, and one
 *    XF_AUDIT_IMPORT_FILE entry for the file. Progress is reported and
 *    the cancellable is honoured between rows; cancelling or any error
 *    rolls everything back and the database is as before. Large imports
 *    (more than 20,000 rows) build the search tables and indexes once at
 *    the end instead of row by row (as the demo and the copy do).
 *
 * Permissions: individuals and collectives need PIONEER_CREATE (and
 * PIONEER_EDIT for merges) at each row's place; honours HONOUR_EDIT at
 * the pioneer's place; organisations ORGANISATION_EDIT; remembering a
 * mapping needs any of those. The report never carries identity numbers
 * or mobiles in clear (they are masked as in xf-registry.h).
 *
 * Errors: a file that cannot be read or parsed is XF_ERROR_INVALID/IO
 * naming the file and line (xf-sheet.h); a header row without any
 * mappable column is XF_ERROR_INVALID "File: no column could be matched
 * to a field of …". Row problems are not errors: they are listed.
 */

typedef enum
{
  XF_IMPORT_KIND_INDIVIDUALS,
  XF_IMPORT_KIND_COLLECTIVES,
  XF_IMPORT_KIND_HONOURS,
  XF_IMPORT_KIND_ORGANISATIONS,
} XfImportKind;

/* "individuals", "collectives", "honours", "organisations". */
const char  *xf_import_kind_to_string   (XfImportKind  kind);
gboolean     xf_import_kind_from_string (const char   *text,
                                         XfImportKind *kind);
/* Translated plural noun, e.g. "Individuals" / "个人". */
const char  *xf_import_kind_label       (XfImportKind  kind);

typedef enum
{
  XF_IMPORT_ROW_NEW,        /* valid: will be created */
  XF_IMPORT_ROW_PROBLEM,    /* has problems: left out unless fixed */
  XF_IMPORT_ROW_DUPLICATE,  /* matches an existing record: left out unless merged */
  XF_IMPORT_ROW_MERGE,      /* a duplicate with a merge decision: updates the record */
  XF_IMPORT_ROW_SKIPPED,    /* left out by the user */
} XfImportRowState;

typedef struct
{
  char  *field;     /* the field's name (as xf_import_list_fields), or NULL for the whole row */
  guint  column;    /* the file's column, or G_MAXUINT */
  char  *message;   /* translated, names the field and the reason:
                     * "Identity number: the check character should be X" */
} XfImportProblem;

void xf_import_problem_free (XfImportProblem *problem);

/* A field of a duplicate: what the record holds and what the row brings. */
typedef struct
{
  char     *field;
  char     *label;       /* translated */
  char     *existing;    /* display text; personal values masked as the actor sees them */
  char     *incoming;
  gboolean  differs;
} XfImportMergeField;

void xf_import_merge_field_free (XfImportMergeField *field);

/* A row left out, as the report lists it. */
typedef struct
{
  guint64  line;
  char    *reason;       /* translated, all of the row's problems joined with "; " */
} XfImportLeftOut;

void xf_import_left_out_free (XfImportLeftOut *left_out);

typedef struct
{
  char      *file_name;
  guint      rows;        /* data rows read */
  guint      created;     /* committed, or to be created (dry run) */
  guint      merged;
  guint      duplicates;  /* duplicates without a merge decision (left out) */
  guint      problems;    /* rows with problems (left out) */
  guint      skipped;     /* left out by the user */
  GPtrArray *left_out;    /* (element-type XfImportLeftOut) by line */
  gboolean   committed;   /* FALSE for a dry run */
} XfImportReport;

void xf_import_report_free (XfImportReport *report);

typedef void (*XfImportProgressFunc) (double   fraction,
                                      gpointer user_data);

#define XF_TYPE_IMPORT (xf_import_get_type ())

G_DECLARE_FINAL_TYPE (XfImport, xf_import, XF, IMPORT, GObject)

XfImport      *xf_import_new               (XfRegistry   *registry);

/* ── Loading ───────────────────────────────────────────────────────── */

gboolean       xf_import_load              (XfImport     *self,
                                            const char   *path,
                                            GCancellable *cancellable,
                                            GError      **error);
gboolean       xf_import_load_bytes        (XfImport     *self,
                                            GBytes       *data,
                                            const char   *name,
                                            GCancellable *cancellable,
                                            GError      **error);
const char    *xf_import_get_file_name     (XfImport     *self);
/* "CSV (GB18030, comma)" / "XLSX", translated, for the assistant. */
char          *xf_import_describe_file     (XfImport     *self);
/* The line of a last row left out as a totals row (合计/总计/小计 then
 * numbers or nothing), or 0: it is not a record and not a problem. */
guint64        xf_import_get_totals_line   (XfImport     *self);

XfImportKind   xf_import_get_kind          (XfImport     *self);
/* Changing the kind maps the columns again (remembered, else guessed). */
void           xf_import_set_kind          (XfImport     *self,
                                            XfImportKind  kind);

/* ── Mapping ───────────────────────────────────────────────────────── */

/* The fields a kind can import, in form order (NULL-terminated, static):
 * individuals: the pioneer properties of xf_pioneer_list_fields
 * ("organisation-id" is "organisation", by code or name) plus
 * "honour-title", "honour-level", "honour-year", "honour-body",
 * "honour-certificate" (one honour per row); collectives likewise;
 * honours: "pioneer-id-number", "pioneer-credit-code", "pioneer-name",
 * "pioneer-birth-date", "pioneer-uid" (to find the pioneer) and "title",
 * "level", "year", "conferring-body", "certificate-no"; organisations:
 * "code", "name", "name-en", "kind", "parent-code". */
const char * const *xf_import_list_fields  (XfImportKind  kind);
const char    *xf_import_field_label       (XfImportKind  kind,
                                            const char   *field);
gboolean       xf_import_field_is_required (XfImportKind  kind,
                                            const char   *field);

guint          xf_import_get_n_columns     (XfImport     *self);
const char    *xf_import_get_header        (XfImport     *self,
                                            guint         column);
/* The field a column is mapped to, NULL when it is not imported. */
const char    *xf_import_get_column_field  (XfImport     *self,
                                            guint         column);
/* Maps @column to @field (NULL: not imported). A field already mapped
 * from another column moves here (that column becomes unmapped). An
 * unknown field is XF_ERROR_INVALID. The rows must be analysed again. */
gboolean       xf_import_set_column_field  (XfImport     *self,
                                            guint         column,
                                            const char   *field,
                                            GError      **error);
/* Whether the current mapping came from, or equals, a remembered one. */
gboolean       xf_import_is_mapping_remembered (XfImport *self);
/* Stores the current mapping for this kind and header set (audited
 * XF_AUDIT_IMPORT_MAPPING). */
gboolean       xf_import_remember_mapping  (XfImport     *self,
                                            GError      **error);
/* Required fields of the kind that no column maps to (transfer container). */
GPtrArray     *xf_import_missing_required  (XfImport     *self);

/* ── Analysis and preview ──────────────────────────────────────────── */

/* Checks every row (see above). Call again after a mapping change. */
gboolean       xf_import_analyse           (XfImport     *self,
                                            XfImportProgressFunc progress,
                                            gpointer      user_data,
                                            GCancellable *cancellable,
                                            GError      **error);
gboolean       xf_import_is_analysed       (XfImport     *self);

guint          xf_import_get_n_rows        (XfImport     *self);
guint64        xf_import_get_row_line      (XfImport     *self,
                                            guint         row);
/* The cell as it stands (after any fix), "" for a missing cell. */
const char    *xf_import_get_cell          (XfImport     *self,
                                            guint         row,
                                            guint         column);
/* Fixes a cell and checks that row again (and the rows its duplicate
 * status depends on). The row must not be committed yet. */
gboolean       xf_import_set_cell          (XfImport     *self,
                                            guint         row,
                                            guint         column,
                                            const char   *value,
                                            GError      **error);
XfImportRowState xf_import_get_row_state   (XfImport     *self,
                                            guint         row);
/* (transfer none) (element-type XfImportProblem); empty when none. */
GPtrArray     *xf_import_get_row_problems  (XfImport     *self,
                                            guint         row);
/* The existing record a DUPLICATE or MERGE row matches: uid and a label
 * ("王建国 (1985-03-02)"), else NULL. */
const char    *xf_import_get_row_duplicate_uid   (XfImport *self,
                                                  guint     row);
const char    *xf_import_get_row_duplicate_label (XfImport *self,
                                                  guint     row);
guint          xf_import_count_rows        (XfImport     *self,
                                            XfImportRowState state);
/* Every state's count in one pass: @counts[state] for each XfImportRowState. */
void           xf_import_count_states      (XfImport     *self,
                                            guint         counts[XF_IMPORT_ROW_SKIPPED + 1]);

/* The fields of a duplicate row side by side with the record's
 * (transfer full) (element-type XfImportMergeField), only mapped fields. */
GPtrArray     *xf_import_get_merge_fields  (XfImport     *self,
                                            guint         row,
                                            GError      **error);
/* Decides a duplicate: @fields (NULL-terminated) are the fields whose
 * incoming value replaces the record's; NULL or empty undoes the decision
 * (the row is a DUPLICATE again, left out). Unknown or unmapped fields,
 * or a row that is not a duplicate, are XF_ERROR_INVALID. */
gboolean       xf_import_set_merge         (XfImport     *self,
                                            guint         row,
                                            const char * const *fields,
                                            GError      **error);
/* The fields chosen for a MERGE row (NULL-terminated, transfer none). */
const char * const *xf_import_get_merge    (XfImport     *self,
                                            guint         row);
/* For every DUPLICATE row: merge only into the fields the record leaves
 * empty (never overwrites); `xianfeng-cli import --fill-empty`. Returns the
 * number of rows that got a decision. */
guint          xf_import_merge_all_fill_empty (XfImport  *self);
void           xf_import_set_skipped       (XfImport     *self,
                                            guint         row,
                                            gboolean      skipped);

/* What a commit would do now (a dry run), or did (after commit). */
XfImportReport *xf_import_get_report       (XfImport     *self);
/* A CSV (UTF-8 with BOM, like xf-table) of the rows left out: line,
 * reason, then the row's cells under the file's headers, so the user can
 * fix them and import that file. Written atomically. */
gboolean       xf_import_write_left_out    (XfImport     *self,
                                            const char   *path,
                                            GError      **error);

/* ── Commit ────────────────────────────────────────────────────────── */

gboolean       xf_import_commit            (XfImport     *self,
                                            XfImportProgressFunc progress,
                                            gpointer      user_data,
                                            GCancellable *cancellable,
                                            GError      **error);
gboolean       xf_import_is_committed      (XfImport     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfImportProblem, xf_import_problem_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfImportMergeField, xf_import_merge_field_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfImportReport, xf_import_report_free)

G_END_DECLS
