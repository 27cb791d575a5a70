/* xf-cli-care.h — `xianfeng-cli care` and its parts
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-care.h"
#include "xf-cli.h"

G_BEGIN_DECLS

/* The usage of `care`, untranslated (N_). */
extern const char xf_cli_care_usage[];

/* An XfCare for the context's registry and actor, or NULL after printing
 * why (transfer full). */
XfCare *xf_cli_care_open (XfCliContext *ctx);

/* The id of the pioneer @reference names (a number or a uid), or 0
 * after printing why (xf-cli-care-programmes.c). */
gint64  xf_cli_care_find_pioneer (XfCare     *care,
                                  const char *reference);

/* Each gets argv[0] = its own name ("programmes"), argv[1…] its arguments;
 * returns the exit status (0 done, 1 failed or refused, 2 usage). */
/* xf-cli-care-programmes.c */
int xf_cli_care_programmes (XfCliContext *ctx, int argc, char **argv);
int xf_cli_care_eligible   (XfCliContext *ctx, int argc, char **argv);
int xf_cli_care_gaps       (XfCliContext *ctx, int argc, char **argv);
int xf_cli_care_history    (XfCliContext *ctx, int argc, char **argv);
int xf_cli_care_record     (XfCliContext *ctx, int argc, char **argv);
/* xf-cli-care-batches.c */
int xf_cli_care_batches    (XfCliContext *ctx, int argc, char **argv);
int xf_cli_care_batch      (XfCliContext *ctx, int argc, char **argv);
int xf_cli_care_hardship   (XfCliContext *ctx, int argc, char **argv);
/* xf-cli-care-visits.c */
int xf_cli_care_visits     (XfCliContext *ctx, int argc, char **argv);
int xf_cli_care_calendar   (XfCliContext *ctx, int argc, char **argv);
int xf_cli_care_report     (XfCliContext *ctx, int argc, char **argv);

G_END_DECLS
