/* xf-notice-document.h — the printed notice: one layout for PDF and printing
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "xf-notice.h"

G_BEGIN_DECLS

/*
 * Lays out a notice (with its candidates) with Pango on A4 pages:
 * the publisher's name and the title on the first page; the preamble; the
 * candidates as a table (No., name, gender, unit, honour, summary of
 * deeds) whose heading row repeats at the top of every page; the period in
 * dates and the contacts for objections; the publisher's name and the
 * publishing date at the end, right-aligned; "Page N of M" at the foot of
 * every page. Chinese text uses a CJK font (XF_NOTICE_FONT_FAMILY, Noto
 * Serif CJK SC, falling back through fontconfig). The same layout draws
 * into a PDF surface (core) and into GtkPrintOperation's context (UI), in
 * points, so printing and PDF match.
 */

#define XF_NOTICE_FONT_FAMILY "Noto Serif CJK SC, Noto Sans CJK SC, serif"
#define XF_NOTICE_A4_WIDTH  595.276   /* points */
#define XF_NOTICE_A4_HEIGHT 841.890

typedef struct _XfNoticeDocument XfNoticeDocument;

/* Copies what it needs from @notice (a draft prints with "DRAFT" marked
 * in the heading: translated). With @portal_base (the public portal's
 * address, or NULL) the contacts for objections end with a line "Online:"
 * and the notice's page on the portal (xf_notice_dup_portal_url). */
XfNoticeDocument *xf_notice_document_new       (const XfNotice   *notice,
                                                const char       *portal_base);
void              xf_notice_document_free      (XfNoticeDocument *self);
/* Lays out on pages of @width × @height points (margins inside) using
 * @cr's font options; returns the number of pages (≥ 1). Call before
 * drawing, again when the page size changes. */
int               xf_notice_document_paginate  (XfNoticeDocument *self,
                                                cairo_t          *cr,
                                                double            width,
                                                double            height);
int               xf_notice_document_get_n_pages (XfNoticeDocument *self);
/* Draws page @page (0-based) with its top-left at @cr's origin. */
void              xf_notice_document_draw_page (XfNoticeDocument *self,
                                                cairo_t          *cr,
                                                int               page);
/* The whole notice as an A4 PDF at @path (title and creator in the PDF's
 * metadata). XF_ERROR_IO naming the file on failure. */
gboolean          xf_notice_document_write_pdf (XfNoticeDocument *self,
                                                const char       *path,
                                                GError          **error);
/* One page rendered to a PNG at @path (@scale 1.0 = 72 dpi), for previews
 * and screenshots. */
gboolean          xf_notice_document_write_png (XfNoticeDocument *self,
                                                int               page,
                                                double            scale,
                                                const char       *path,
                                                GError          **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfNoticeDocument, xf_notice_document_free)

G_END_DECLS
