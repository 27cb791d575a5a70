/* xf-reference.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * XfReference: the reference data shipped as JSON in data/reference/:
 * regions (Huzhou, county and township level; any other city loads from
 * its own file), GB/T 4754-2017 industry sections, education levels,
 * ethnic groups, political status, honour titles, organisations.
 * Loading a bad file fails with XF_ERROR_CORRUPT naming the file, the line
 * and the reason.
 */

typedef enum
{
  XF_REFERENCE_REGIONS,
  XF_REFERENCE_INDUSTRIES,
  XF_REFERENCE_EDUCATION,
  XF_REFERENCE_ETHNICITIES,
  XF_REFERENCE_POLITICAL_STATUS,
  XF_REFERENCE_HONOUR_TITLES,
  XF_REFERENCE_ORGANISATIONS,
  XF_REFERENCE_N_TABLES,
} XfReferenceTable;

/* One entry of a table. For regions, parent is the county code of a
 * township ("" for a county); for organisations, the parent organisation's code. */
typedef struct
{
  char *code;
  char *name_zh;
  char *name_en;
  char *parent;
  char *extra;    /* organisations: kind ("mass-organisation" | "department"); titles: level */
} XfReferenceItem;

#define XF_TYPE_REFERENCE (xf_reference_get_type ())

G_DECLARE_FINAL_TYPE (XfReference, xf_reference, XF, REFERENCE, GObject)

/* The shipped data, loaded once; NULL with error when a file is missing or bad. */
XfReference           *xf_reference_get_default (GError          **error);
/* (transfer none): the same instance as xf_reference_get_default(), with
 * nothing loaded yet: each table loads when first used. */
XfReference           *xf_reference_get_shared  (void);
/* Loads one table unless loaded, reporting a missing or damaged file as
 * xf_reference_get_default() does. A table that cannot be loaded looks
 * empty to the functions below (lookups find nothing, labels are the codes). */
gboolean               xf_reference_ensure      (XfReference      *self,
                                                 XfReferenceTable  table,
                                                 GError          **error);
/* Loads every table from a directory holding the JSON files. */
XfReference           *xf_reference_new_from_dir (const char      *dir,
                                                  GError         **error);
/* (transfer none): the items of a table in file order. */
GPtrArray             *xf_reference_get_items   (XfReference      *self,
                                                 XfReferenceTable  table);
/* (transfer none): NULL when the code is unknown. */
const XfReferenceItem *xf_reference_lookup      (XfReference      *self,
                                                 XfReferenceTable  table,
                                                 const char       *code);
/* The name in the user's language (Chinese under a zh locale, English
 * otherwise, falling back to Chinese where no English name exists);
 * the code itself when unknown; NULL for NULL. */
const char            *xf_reference_label       (XfReference      *self,
                                                 XfReferenceTable  table,
                                                 const char       *code);
gboolean               xf_reference_is_valid    (XfReference      *self,
                                                 XfReferenceTable  table,
                                                 const char       *code);
/* The county code (6 digits) of a county or township code. */
char                  *xf_reference_region_county (const char     *code);
/* The city's own code and name (e.g. "330500", "湖州市"); NULL when the
 * regions table cannot be loaded. */
const char            *xf_reference_city_code   (XfReference      *self);
const char            *xf_reference_city_name   (XfReference      *self);
/* The city's name in the user's language ("Huzhou" or "湖州市"). */
const char            *xf_reference_city_label  (XfReference      *self);
/* Whether names are shown in Chinese: the user's first language is zh
 * (or the tests' override says so). Every bilingual name of the
 * reference data and the service catalogue follows this one choice. */
gboolean               xf_reference_prefers_chinese (void);

G_END_DECLS
