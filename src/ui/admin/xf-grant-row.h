/* xf-grant-row.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-registry.h"
#include "xf-role.h"

G_BEGIN_DECLS

/*
 * XfGrantChoices: the places a grant may be scoped to, with their labels
 * in the user's language: the reference regions (counties and townships)
 * and the registry's organisations. Shared by every grant row of a dialog
 * and by the accounts page, which names the places of the grants it lists.
 * Reference-counted (g_rc_box).
 */
typedef struct
{
  GPtrArray     *region_codes;         /* (element-type utf8) */
  GtkStringList *region_labels;        /* aligned with region_codes */
  GPtrArray     *organisation_codes;
  GtkStringList *organisation_labels;
} XfGrantChoices;

XfGrantChoices *xf_grant_choices_new   (XfRegistry     *registry);
XfGrantChoices *xf_grant_choices_ref   (XfGrantChoices *choices);
void            xf_grant_choices_unref (XfGrantChoices *choices);
/* "Clerk · Deqing County", "Auditor" (unscoped), for lists. */
char           *xf_grant_choices_describe (XfGrantChoices *choices,
                                           const XfGrant  *grant);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfGrantChoices, xf_grant_choices_unref)

/*
 * XfGrantRow: one grant of an account being edited: a role, where it
 * applies (everywhere, in a region, in an organisation) and which region
 * or organisation, with a button that asks to remove the row (signal
 * "remove-requested", no arguments).
 *
 * Children named for tests: "role", "scope", "place" (GtkDropDown),
 * "remove" (GtkButton).
 */

#define XF_TYPE_GRANT_ROW (xf_grant_row_get_type ())

G_DECLARE_FINAL_TYPE (XfGrantRow, xf_grant_row, XF, GRANT_ROW, AdwPreferencesRow)

GtkWidget  *xf_grant_row_new       (XfGrantChoices *choices);
void        xf_grant_row_set_grant (XfGrantRow     *self,
                                    const XfGrant  *grant);
/* The grant as chosen; NULL with XF_ERROR_INVALID when its scope needs a
 * region or organisation and none is chosen (the row is then marked). */
XfGrant    *xf_grant_row_dup_grant (XfGrantRow     *self,
                                    GError        **error);

G_END_DECLS
