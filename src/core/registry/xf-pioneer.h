/* xf-pioneer.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * XfPioneer is one file of the registry (一人一档): an individual or a
 * collective (property "kind"). It is plain data with change
 * notification; XfRegistry reads and writes it.
 *
 * Every field is a GObject property whose name is the snake_case column
 * with dashes ("birth-date", "id-number", "region-code"…), so forms and
 * exporters can work over property names. Coded values are strings:
 *   kind:    "individual" | "collective"
 *   gender:  "male" | "female" | NULL
 *   tier:    "national" | "provincial" | "city" | "county" | "cultivation"
 *   status:  "active" | "archived" | "deceased"
 *   industry: GB/T 4754-2017 section letter "A".."T"
 *   region-code: 6-digit county or 9-digit township code
 *   ethnicity, education, political-status: codes of the JSON files in data/reference/
 * Dates are "YYYY-MM-DD"; instants are UTC microseconds.
 *
 * Properties: id (int64), uid, kind, name, gender, birth-date, ethnicity,
 * education, political-status, id-number, mobile, employer, position,
 * credit-code, collective-kind, leader, size (int), industry, region-code,
 * organisation-id (int64), organisation-name (read from the join, not
 * saved), tier, tier-manual (boolean), tier-reason, skills, tags,
 * introduction, deeds, video, photo, contribution, status, archive-reason,
 * honours-count (int), created-at, updated-at (int64), version (int64).
 */

#define XF_TYPE_PIONEER (xf_pioneer_get_type ())

G_DECLARE_FINAL_TYPE (XfPioneer, xf_pioneer, XF, PIONEER, GObject)

XfPioneer  *xf_pioneer_new                  (const char  *kind);
XfPioneer  *xf_pioneer_copy                 (XfPioneer   *self);

gint64      xf_pioneer_get_id               (XfPioneer   *self);
const char *xf_pioneer_get_uid              (XfPioneer   *self);
const char *xf_pioneer_get_kind             (XfPioneer   *self);
gboolean    xf_pioneer_is_collective        (XfPioneer   *self);
const char *xf_pioneer_get_name             (XfPioneer   *self);
const char *xf_pioneer_get_gender           (XfPioneer   *self);
const char *xf_pioneer_get_birth_date       (XfPioneer   *self);
const char *xf_pioneer_get_id_number        (XfPioneer   *self);
const char *xf_pioneer_get_credit_code      (XfPioneer   *self);
const char *xf_pioneer_get_employer         (XfPioneer   *self);
const char *xf_pioneer_get_industry         (XfPioneer   *self);
const char *xf_pioneer_get_region_code      (XfPioneer   *self);
gint64      xf_pioneer_get_organisation_id  (XfPioneer   *self);
const char *xf_pioneer_get_organisation_name (XfPioneer  *self);
const char *xf_pioneer_get_tier             (XfPioneer   *self);
const char *xf_pioneer_get_status           (XfPioneer   *self);
const char *xf_pioneer_get_introduction     (XfPioneer   *self);
const char *xf_pioneer_get_deeds            (XfPioneer   *self);
const char *xf_pioneer_get_video            (XfPioneer   *self);
const char *xf_pioneer_get_photo            (XfPioneer   *self);
const char *xf_pioneer_get_contribution     (XfPioneer   *self);
int         xf_pioneer_get_honours_count    (XfPioneer   *self);
gint64      xf_pioneer_get_version          (XfPioneer   *self);
/* Generic access by property name, for forms and exporters: the value as text
 * (numbers in decimal, NULL when unset). */
char       *xf_pioneer_dup_field            (XfPioneer   *self,
                                             const char  *property);
gboolean    xf_pioneer_set_field            (XfPioneer   *self,
                                             const char  *property,
                                             const char  *text,
                                             GError     **error);

/*
 * Validation lives here, in core. check_field validates one property
 * against its own rules (format, check characters, reference codes) and
 * cross-field rules that involve it (gender and birth date must agree with
 * the identity number). On failure: XF_ERROR_INVALID with a translated
 * message naming the field and the reason.
 */
gboolean    xf_pioneer_check_field          (XfPioneer   *self,
                                             const char  *property,
                                             GError     **error);
/* Checks every field; on failure *bad_property names the first bad one. */
gboolean    xf_pioneer_validate             (XfPioneer   *self,
                                             char       **bad_property,
                                             GError     **error);
/* The property names a form shows for this kind, in display order. */
const char * const *xf_pioneer_list_fields  (const char  *kind);
/* Translated label of a property ("Identity number" / "身份证号"). */
const char *xf_pioneer_field_label          (const char  *property);

/* Labels of coded values, translated. */
const char *xf_tier_label                   (const char  *tier);
/* 0 national … 4 cultivation, for sorting. */
int         xf_tier_rank                    (const char  *tier);
/* The tier an honour level gives: national → national … county → county. */
const char *xf_tier_for_honour_level        (const char  *level);
const char *xf_kind_label                   (const char  *kind);
const char *xf_gender_label                 (const char  *gender);
const char *xf_status_label                 (const char  *status);

G_END_DECLS
