/* xf-identity.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Identity rules (no database, no display). Each check returns FALSE with
 * XF_ERROR_INVALID and a translated message naming the field and the exact
 * reason (length, character at position N, region, impossible date such as
 * 19490230, future date, check character expected X but found Y…).
 */

/* Facts read from a valid resident identity number (GB 11643). */
typedef struct
{
  char region_code[7];   /* first 6 digits */
  char birth_date[11];   /* "YYYY-MM-DD" */
  char gender[7];        /* "male" (odd sequence) or "female" */
} XfIdentityFacts;

gboolean  xf_identity_check_id_number   (const char       *number,
                                         XfIdentityFacts  *facts,
                                         GError          **error);
/* The check character for the first 17 digits ('0'..'9' or 'X'). */
char      xf_identity_id_check_char     (const char       *first17);

/* Unified social credit code (GB 32100). */
gboolean  xf_identity_check_credit_code (const char       *code,
                                         GError          **error);
/* The check character for the first 17 characters. */
char      xf_identity_credit_check_char (const char       *first17);

/* Mainland mobile number: 11 digits starting with 1. */
gboolean  xf_identity_check_mobile      (const char       *mobile,
                                         GError          **error);

/* "330502********1234": region and last four shown, the rest masked. */
char     *xf_identity_mask_id_number    (const char       *number);

G_END_DECLS
