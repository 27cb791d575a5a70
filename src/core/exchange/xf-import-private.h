/* xf-import-private.h — what the parts of XfImport share
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-db.h"
#include "xf-import.h"
#include "xf-reference.h"
#include "xf-sheet.h"

G_BEGIN_DECLS

/*
 * Rows are kept compactly: each row's cells lie back to back,
 * NUL-terminated, in large blocks that never move (so a cell's text can
 * be handed out without copying), and a row is a small fixed struct.
 * A million rows of fifteen cells cost the file's size in text plus about
 * 40 bytes per row. Fixed cells, merge decisions and problems live in
 * side tables and arrays that only the rows concerned use.
 */

typedef struct
{
  const char *cells;        /* n_cells NUL-terminated strings, back to back */
  guint64     line;
  gint64      duplicate_id; /* the existing record a duplicate matches, else 0 */
  GPtrArray  *problems;     /* (element-type XfImportProblem), NULL when none */
  guint16     n_cells;
  guint8      state;        /* XfImportRowState from the analysis: NEW, PROBLEM or DUPLICATE */
  guint8      skipped : 1;
  guint8      fixed : 1;    /* some cell was changed by xf_import_set_cell */
} XfImportRow;

/* What the analysis knows of the database, loaded once per analysis. */
typedef struct _XfImportLookups XfImportLookups;
struct _XfImportLookups
{
  GStringChunk *strings;
  /* normalised code or label → code ("" when ambiguous), per reference table */
  GHashTable   *labels[XF_REFERENCE_N_TABLES];
  /* the same under the labels and codes as written, for the common case */
  GHashTable   *raw_labels[XF_REFERENCE_N_TABLES];
  /* normalised organisation code or name → id (as a pointer) */
  GHashTable   *organisations;
  /* exact organisation code → id, and the codes the file brings */
  GHashTable   *organisation_codes;
  GHashTable   *file_codes;
  /* existing pioneers: identity number, credit code, "kind\x1fname\x1fbirth" → id */
  GHashTable   *by_id_number;
  GHashTable   *by_credit_code;
  GHashTable   *by_name;
  /* the actor's right at a place: "op\x1fregion\x1forganisation" → "" or the refusal */
  GHashTable   *permissions;
  /* statements for honours */
  XfDbStmt     *find_uid;
  XfDbStmt     *find_honour;
};


/* An existing record a duplicate matches. */
typedef struct
{
  gint64  id;
  gint64  version;
  char   *uid;
  char   *label;
} XfImportExisting;

/* One honour from a row's columns (any may be NULL). */
typedef struct
{
  char *title;
  char *level;
  int   year;
  char *body;
  char *certificate;
} XfImportHonour;

struct _XfImport
{
  GObject          parent_instance;

  XfRegistry      *registry;
  XfReference     *reference;

  /* The file */
  char            *file_name;
  char            *path;          /* NULL when loaded from bytes */
  GBytes          *bytes;         /* the data when loaded from bytes */
  XfSheetFormat    format;
  char            *encoding;
  char             delimiter;
  GPtrArray       *headers;       /* (element-type utf8) as written */
  GPtrArray       *normalised;    /* (element-type utf8) normalised headers */

  /* The rows */
  GPtrArray       *blocks;        /* text blocks */
  gsize            block_used;
  GArray          *rows;          /* (element-type XfImportRow) */
  GHashTable      *fixes;         /* (row << 16 | column) → fixed text */

  /* Mapping */
  XfImportKind     kind;
  GPtrArray       *mapping;       /* per column: const char * field (static) or NULL */
  gboolean         remembered;
  GPtrArray       *remembered_mapping;  /* as loaded, to tell whether it still holds */

  /* Analysis */
  gboolean         analysed;
  gboolean         committed;
  XfImportLookups *lookups;
  GHashTable      *existing;      /* id → XfImportExisting */
  GHashTable      *merges;        /* row index → GStrv of fields */
  XfImportReport  *commit_report; /* after commit */
  guint64          totals_line;   /* a trailing totals row left out, else 0 */
};

/* The fixed fields of a kind and their labels. */
gboolean     _xf_import_field_is_known   (XfImportKind  kind,
                                          const char   *field);
/* The static string of a known field, else NULL. */
const char  *_xf_import_intern_field     (XfImportKind  kind,
                                          const char   *field);

/* "姓名（必填）" → "姓名"; " Full Name " → "fullname". */
char        *_xf_import_normalise_header (const char   *header);

/* The kind the headers suggest (xf-import-mapping.c). */
XfImportKind _xf_import_guess_kind       (XfImport     *self);
/* An XfSheetHeaderFunc: two cells (or every cell of a shorter record) name fields */
gboolean     _xf_import_is_header_row    (const char * const *cells,
                                          guint               n_cells,
                                          gpointer            user_data);
/* Leaves out a last row that is a totals row (合计 2人), noting its line. */
void         _xf_import_drop_totals      (XfImport     *self);
/* Maps the columns for the current kind: the remembered mapping of the
 * header set, else the known headers. Forgets the analysis. */
void         _xf_import_map_columns      (XfImport     *self);
/* The column of @field in the mapping, or -1. */
int          _xf_import_field_column     (XfImport     *self,
                                          const char   *field);
/* The trimmed cell of @row under @field's column (NULL when not mapped or empty);
 * valid until the next call (an internal buffer is reused). */
const char  *_xf_import_field_value      (XfImport     *self,
                                          guint         row,
                                          const char   *field);

/* The same for a column (any field). */
const char  *_xf_import_column_value     (XfImport     *self,
                                          guint         row,
                                          guint         column);

/*
 * Reading values (xf-import-values.c).
 */
XfImportLookups *_xf_import_lookups_new  (XfImport     *self,
                                          GError      **error);
void         _xf_import_lookups_free     (XfImportLookups *lookups);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfImportLookups, _xf_import_lookups_free)

/* "1985/3/2" → "1985-03-02" into @out; FALSE when not a date. */
gboolean     _xf_import_read_date        (const char   *text,
                                          char          out[11]);
/* "男", "F", "female" → "male"/"female"; NULL when unknown. */
const char  *_xf_import_read_gender      (const char   *text);
/* "国家级", "省级", "city" → a level code; NULL when unknown. */
const char  *_xf_import_read_level       (const char   *text);
/* "2023", "2023年" → 2023; 0 when not a year. */
int          _xf_import_read_year        (const char   *text);

/* Shared by the readers and the checks. */
char        *_xf_import_normalise_value  (const char   *text);
char        *_xf_import_name_key         (const char   *kind,
                                          const char   *name,
                                          const char   *birth_date);
/* The code of a label or code of a reference table; NULL when unknown,
 * "" when several entries share the label. */
const char  *_xf_import_read_reference   (XfImport     *self,
                                          XfReferenceTable which,
                                          const char   *text);
void         _xf_import_read_honour_value (XfImport    *self,
                                          XfImportHonour *honour,
                                          const char   *field,
                                          const char   *value,
                                          GPtrArray    *problems);
gboolean     _xf_import_has_problem      (GPtrArray    *problems,
                                          const char   *field);
void         _xf_import_problem_printf   (XfImport     *self,
                                          GPtrArray    *problems,
                                          const char   *field,
                                          const char   *format,
                                          ...) G_GNUC_PRINTF (4, 5);

/* Checks @row as a save would and fills its state and problems (and the
 * duplicate id). @seen maps the row keys of earlier rows to their line
 * (NULL: no check within the file). */
void         _xf_import_check_row        (XfImport     *self,
                                          guint         row,
                                          GHashTable   *seen);
/* The pioneer a row of individuals or collectives describes, with its
 * problems appended to @problems (may be NULL); @honour receives the
 * honour columns. */
XfPioneer   *_xf_import_build_pioneer    (XfImport     *self,
                                          guint         row,
                                          XfImportHonour *honour,
                                          GPtrArray    *problems);
void         _xf_import_honour_clear     (XfImportHonour *honour);
/* Checks an honour's fields (title, level, year…), adding problems. */
void         _xf_import_check_honour     (XfImport     *self,
                                          XfImportHonour *honour,
                                          gboolean      required,
                                          GPtrArray    *problems);
/* A problem naming @field ("Field: message" is the caller's text). */
void         _xf_import_add_problem      (GPtrArray    *problems,
                                          const char   *field,
                                          int           column,
                                          const char   *message);
/* "" when the actor may do @op at @pioneer's place, else the refusal
 * (translated); asked once per place and analysis. */
const char  *_xf_import_check_permission (XfImport    *self,
                                          XfOperation   op,
                                          XfPioneer    *pioneer);
/* Loads the record a duplicate matches (uid, label, version), cached. */
XfImportExisting *_xf_import_get_existing (XfImport    *self,
                                          gint64        id);
/* The organisation of @text (code or name, Chinese or English) or 0. */
gint64       _xf_import_find_organisation (XfImport    *self,
                                          const char   *text);
/* The pioneer an honours row names, 0 when none (with a problem added). */
gint64       _xf_import_find_pioneer     (XfImport     *self,
                                          guint         row,
                                          GPtrArray    *problems);

/* "mass-organisation" or "department" from a list's text (NULL text: the
 * default, mass-organisation); NULL when unknown. */
const char  *_xf_import_organisation_kind (const char  *text);
/* What a row of organisations brings for @field (the kind as its code). */
char        *_xf_import_organisation_incoming (XfImport  *self,
                                          guint         row,
                                          const char   *field);

/*
 * Commit (xf-import-commit.c).
 */
gboolean     _xf_import_commit           (XfImport     *self,
                                          XfImportProgressFunc progress,
                                          gpointer      user_data,
                                          GCancellable *cancellable,
                                          GError      **error);

static inline XfImportRow *
_xf_import_row (XfImport *self,
                guint     row)
{
  return &g_array_index (self->rows, XfImportRow, row);
}

G_END_DECLS
