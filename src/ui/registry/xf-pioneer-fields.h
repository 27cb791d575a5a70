/* xf-pioneer-fields.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-reference.h"
#include "xf-registry.h"

G_BEGIN_DECLS

/*
 * How the profile page and the editor present each pioneer property: which
 * widget edits it, the options of coded fields, and the text shown for a
 * stored value. Presentation only; the rules stay in core.
 */

typedef enum
{
  XF_FIELD_HIDDEN,     /* bookkeeping: id, uid, version, timestamps… */
  XF_FIELD_TEXT,
  XF_FIELD_NUMBER,
  XF_FIELD_CODED,      /* one of a list of codes */
  XF_FIELD_DATE,
  XF_FIELD_LONG_TEXT,  /* introduction, deeds, contribution */
  XF_FIELD_SWITCH,
} XfFieldKind;

XfFieldKind  xf_pioneer_fields_kind         (const char *property);
/* Name, identity number or credit code, region, organisation. */
gboolean     xf_pioneer_fields_is_required  (const char *kind,
                                             const char *property);

/* The options of a coded field, aligned: codes[i] is shown as labels[i].
 * Index 0 is "Not set" with code NULL. */
typedef struct
{
  GPtrArray *codes;
  GStrv      labels;
} XfFieldOptions;

XfFieldOptions *xf_field_options_new        (XfRegistry     *registry,
                                             const char     *property);
void            xf_field_options_free       (XfFieldOptions *options);
/* The index of a code, 0 ("Not set") when unknown or NULL. */
guint           xf_field_options_find       (XfFieldOptions *options,
                                             const char     *code);
const char     *xf_field_options_get_code   (XfFieldOptions *options,
                                             guint           index);

/* The text to show for a stored value of a property: reference labels for
 * codes, "Yes"/"No", dates as they are; NULL for an empty value. */
char        *xf_pioneer_fields_display      (XfRegistry *registry,
                                             const char *property,
                                             const char *value);

/* An honour title as stored (the official Chinese name, or free text) in
 * the user's language when it is one of the reference titles. */
char        *xf_honour_title_display        (const char *title);
/* The reference item of a stored honour title, or NULL. */
const XfReferenceItem *xf_honour_title_lookup (const char *title);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfFieldOptions, xf_field_options_free)

G_END_DECLS
