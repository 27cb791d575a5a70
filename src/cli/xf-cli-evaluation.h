/* xf-cli-evaluation.h — shared by the campaigns and nominations commands;
 * its JSON and table helpers serve the other commands too
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "xf-evaluation.h"
#include "xf-table.h"

G_BEGIN_DECLS

typedef struct
{
  const char *subcommand;
  gint64      id;          /* show, report; --campaign */
  int         year;        /* --year; 0: every year */
  const char *stage;       /* --stage */
  gboolean    attention;
  gboolean    json;
} XfCliEvaluationOptions;

/* Output: JSON pretty-printed on stdout; members typed, NULL and NAN (or
 * a negative "none" marker) as null. */
void        xf_cli_print_json   (JsonBuilder *builder);
void        xf_cli_json_text    (JsonBuilder *builder,
                                 const char  *key,
                                 const char  *value);
void        xf_cli_json_int     (JsonBuilder *builder,
                                 const char  *key,
                                 gint64       value);
void        xf_cli_json_bool    (JsonBuilder *builder,
                                 const char  *key,
                                 gboolean     value);
void        xf_cli_json_double  (JsonBuilder *builder,
                                 const char  *key,
                                 double       value);
/* A positive number, else null. */
void        xf_cli_json_positive (JsonBuilder *builder,
                                  const char  *key,
                                  gint64       value);

/* Adds the members of one object for @item (begun and ended by the caller). */
typedef void (*XfCliJsonItemFunc) (JsonBuilder  *builder,
                                   gconstpointer item,
                                   gpointer      user_data);
/* @key: an array of one object per item of @items (empty when NULL). */
void        xf_cli_json_objects (JsonBuilder      *builder,
                                 const char       *key,
                                 GPtrArray        *items,
                                 XfCliJsonItemFunc build_item,
                                 gpointer          user_data);
/* Prints { "count": N, @key: [ one object per item ] }. */
void        xf_cli_print_json_list (const char       *key,
                                    GPtrArray        *items,
                                    XfCliJsonItemFunc build_item,
                                    gpointer          user_data);
/* NULL-terminated cells as one tab-separated line (tabs and line breaks
 * in a cell become spaces). */
void        xf_cli_print_row    (const char  *first,
                                 ...) G_GNUC_NULL_TERMINATED;
/* Prints one line (or more) for @item. */
typedef void (*XfCliPrintItemFunc) (gconstpointer item);
void        xf_cli_print_items  (GPtrArray         *items,
                                 XfCliPrintItemFunc print_item);
/* The list command's output: xf_cli_print_json_list() when @json, else
 * a row of NULL-terminated headings and a line (or more) per item.
 * Returns 0, the exit status. */
int         xf_cli_print_list   (gboolean           json,
                                 const char        *key,
                                 GPtrArray         *items,
                                 XfCliJsonItemFunc  build_item,
                                 XfCliPrintItemFunc print_item,
                                 const char        *first_heading,
                                 ...) G_GNUC_NULL_TERMINATED;
/* A blank line, then @title on a line of its own. */
void        xf_cli_print_heading (const char       *title);
/* "Label: value", nothing when the value is empty. */
void        xf_cli_print_field  (const char  *label,
                                 const char  *value);
const char *xf_cli_yes_no       (gboolean     value);
/* The value, or "–" when there is none. */
const char *xf_cli_or_dash      (const char  *value);
/* A whole number from @min up; FALSE (nothing printed) when not one. */
gboolean    xf_cli_parse_number (const char  *text,
                                 gint64       min,
                                 gint64      *out);
/* The id of the pioneer @reference names in @registry (a number or a
 * uid), or 0 after printing why. */
gint64      xf_cli_find_pioneer (XfRegistry  *registry,
                                 const char  *reference);
/* "--csv -": @table as CSV on standard output (through a temporary file,
 * since XfTable writes files). */
gboolean    xf_cli_write_csv_to_stdout (const XfTable *table,
                                        GError       **error);

/* xf-cli-campaigns.c */
int xf_cli_campaigns_list    (XfEvaluation *evaluation, const XfCliEvaluationOptions *options);
int xf_cli_campaigns_show    (XfEvaluation *evaluation, const XfCliEvaluationOptions *options);
int xf_cli_campaigns_report  (XfEvaluation *evaluation, const XfCliEvaluationOptions *options);
/* xf-cli-nominations.c */
int xf_cli_nominations_list  (XfEvaluation *evaluation, const XfCliEvaluationOptions *options);
int xf_cli_nominations_show  (XfEvaluation *evaluation, const XfCliEvaluationOptions *options);

G_END_DECLS
