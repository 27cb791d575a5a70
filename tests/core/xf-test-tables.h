/* xf-test-tables.h — comparing two whole databases, row by row
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-store.h"

G_BEGIN_DECLS

/* Shared by the copy's and the archive's tests: what "the same content"
 * means for a database moved elsewhere. */

/* Every row of every table of xf_copy_get_tables (), column by column, in
 * key order; numbers compared as numbers (SQLite writes 83.0 where
 * PostgreSQL writes 83). */
void   xf_test_assert_same_rows     (XfStore *a,
                                     XfStore *b);
/* The frozen ranking scores, bit for bit (some need 17 digits). */
void   xf_test_assert_same_scores   (XfStore *a,
                                     XfStore *b);
/* A surname, a given name, a whole name and part of an employer find the
 * same files in both: the search data is complete. */
void   xf_test_assert_same_search   (XfStore *source,
                                     XfStore *copy);
/* Same database uid, and the copy's audit chain checks out with as many
 * entries as the source holds. */
void   xf_test_assert_same_database (XfStore *source,
                                     XfStore *copy);
/* The rows of every table the copy goes through, and the same without
 * database_info, which every database fills itself. */
gint64 xf_test_all_rows             (XfStore *store);
gint64 xf_test_record_rows          (XfStore *store);

G_END_DECLS
