/* xf-nomination-row.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-evaluation.h"

G_BEGIN_DECLS

/*
 * XfNominationRow: one nomination in the Evaluation page's list — the
 * candidate and the nominating unit on the left, the stage and its due
 * date on the right. A stage due within two working days shows its date
 * in the .warning style, an overdue one in .error, and says so in words
 * too (not by colour alone).
 */

#define XF_TYPE_NOMINATION_ROW (xf_nomination_row_get_type ())

G_DECLARE_FINAL_TYPE (XfNominationRow, xf_nomination_row, XF, NOMINATION_ROW, GtkWidget)

GtkWidget    *xf_nomination_row_new            (void);
/* @nomination: (nullable): what the row shows (a list item's). */
void          xf_nomination_row_set_nomination (XfNominationRow *self,
                                                XfNomination    *nomination);
XfNomination *xf_nomination_row_get_nomination (XfNominationRow *self);
/* (transfer none): the due date's label, for tests. */
GtkLabel     *xf_nomination_row_get_due_label  (XfNominationRow *self);

/* The text and style class ("warning", "error", "dim-label" or NULL) of a
 * due date in @state; NULL text when the stage has none. Shared with the
 * page's Attention view. */
char         *xf_nomination_row_format_due     (const char      *due_on,
                                                XfDueState       state,
                                                const char     **style_class);

G_END_DECLS
