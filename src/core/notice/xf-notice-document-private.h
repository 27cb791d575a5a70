/* xf-notice-document-private.h — shared by the parts of XfNoticeDocument
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "xf-notice-document.h"

G_BEGIN_DECLS

/*
 * The parts: xf-notice-document.c (the copied content, the blocks it
 * becomes, PDF and PNG files) and xf-notice-document-layout.c (Pango
 * layouts, pagination, drawing).
 */

enum
{
  XF_NOTICE_COLUMN_NUMBER,
  XF_NOTICE_COLUMN_NAME,
  XF_NOTICE_COLUMN_GENDER,
  XF_NOTICE_COLUMN_UNIT,
  XF_NOTICE_COLUMN_HONOUR,
  XF_NOTICE_COLUMN_SUMMARY,
  XF_NOTICE_N_COLUMNS
};

typedef enum
{
  XF_NOTICE_STYLE_PUBLISHER,  /* centred, above the title */
  XF_NOTICE_STYLE_TITLE,      /* centred, bold, large */
  XF_NOTICE_STYLE_MARK,       /* centred, bold, red: draft, withdrawn */
  XF_NOTICE_STYLE_NOTE,       /* centred, small: second notice, correction */
  XF_NOTICE_STYLE_HEADING,    /* bold, a section's name */
  XF_NOTICE_STYLE_BODY,       /* justified, first line indented */
  XF_NOTICE_STYLE_CONTACT,    /* indented lines of the contacts */
  XF_NOTICE_STYLE_SIGNATURE,  /* right-aligned: publisher and date */
} XfNoticeStyle;

/* Flags of a text block. */
#define XF_NOTICE_KEEP_TOGETHER  (1 << 0)   /* never split across pages */
#define XF_NOTICE_KEEP_WITH_NEXT (1 << 1)   /* on the page of the next block's first lines */

#define XF_NOTICE_PARAGRAPH_GAP 6.0         /* points between paragraphs */

struct _XfNoticeDocument
{
  /* Content, copied from the notice */
  char      *title;
  char      *publisher;
  char      *campaign_title;
  char      *preamble;
  char      *status;
  char      *withdrawn_reason;
  int        revision;
  gboolean   second_notice;
  int        period_days;
  char      *period;         /* NULL before publishing */
  char      *published_on;   /* formatted; NULL before publishing */
  char      *phone;
  char      *address;
  char      *mailbox;
  char      *portal_url;     /* the notice's page on the portal, or NULL */
  GPtrArray *candidates;     /* (element-type GStrv) XF_NOTICE_N_COLUMNS cells */

  /* Layout, from the last paginate () */
  PangoContext *context;
  double        width;
  double        height;
  double        column_x[XF_NOTICE_N_COLUMNS + 1];
  GPtrArray    *blocks;      /* (element-type Block) */
  GPtrArray    *pages;       /* (element-type GArray of Piece) */
  gpointer      heading;     /* the table's heading row (a Block) */
};

void        _xf_notice_document_build        (XfNoticeDocument *self);
gboolean    _xf_notice_document_is_draft     (XfNoticeDocument *self);
const char *_xf_notice_document_heading      (int               column);
void        _xf_notice_document_clear_layout (XfNoticeDocument *self);
/* Adds a block of Pango @markup (copied) in @style. */
void        _xf_notice_document_add_text     (XfNoticeDocument *self,
                                              const char       *markup,
                                              XfNoticeStyle     style,
                                              double            space_before,
                                              int               flags);
/* Adds the heading row and a row per candidate. */
void        _xf_notice_document_add_table    (XfNoticeDocument *self,
                                              double            space_before);

G_END_DECLS
