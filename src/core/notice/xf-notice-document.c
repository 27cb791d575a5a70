/* xf-notice-document.c — the printed notice: content, PDF and PNG
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-notice"

#include "config.h"

#include <math.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-notice-document-private.h"
#include "xf-notice-export.h"
#include "xf-pioneer.h"

/*
 * The document keeps its own copy of what it prints (so the notice may be
 * freed), turns it into blocks (xf-notice-document-layout.c places and
 * draws them), and writes the PDF and PNG files.
 */

static void
candidate_row_free (char **cells)
{
  g_strfreev (cells);
}

XfNoticeDocument *
xf_notice_document_new (const XfNotice *notice,
                        const char     *portal_base)
{
  XfNoticeDocument *self;

  g_return_val_if_fail (notice != NULL, NULL);

  self = g_new0 (XfNoticeDocument, 1);
  self->title = g_strdup (notice->title != NULL ? notice->title : "");
  self->publisher = g_strdup (notice->organisation_name != NULL ? notice->organisation_name : "");
  self->campaign_title = g_strdup (notice->campaign_title != NULL ? notice->campaign_title : "");
  self->preamble = g_strdup (notice->preamble != NULL ? notice->preamble : "");
  self->status = g_strdup (notice->status != NULL ? notice->status : XF_NOTICE_DRAFT);
  self->withdrawn_reason = g_strdup (notice->withdrawn_reason);
  self->revision = notice->revision;
  self->second_notice = notice->follows != 0;
  self->period_days = notice->period_days;
  self->period = xf_notice_format_period (notice);
  self->published_on = notice->published_on != NULL ? xf_notice_format_date (notice->published_on) : NULL;
  self->phone = g_strdup (notice->contact_phone);
  self->address = g_strdup (notice->contact_address);
  self->mailbox = g_strdup (notice->contact_mailbox);
  self->portal_url = xf_notice_dup_portal_url (notice, portal_base);

  self->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_row_free);
  for (guint i = 0; notice->candidates != NULL && i < notice->candidates->len; i++)
    {
      const XfNoticeCandidate *candidate = g_ptr_array_index (notice->candidates, i);
      const char *gender = candidate->gender != NULL && *candidate->gender != '\0'
                           ? xf_gender_label (candidate->gender) : "";
      char **cells = g_new0 (char *, XF_NOTICE_N_COLUMNS + 1);

      cells[XF_NOTICE_COLUMN_NUMBER] = g_strdup_printf ("%d", candidate->position > 0
                                                              ? candidate->position : (int) i + 1);
      cells[XF_NOTICE_COLUMN_NAME] = g_strdup (candidate->name != NULL ? candidate->name : "");
      cells[XF_NOTICE_COLUMN_GENDER] = g_strdup (gender);
      cells[XF_NOTICE_COLUMN_UNIT] = g_strdup (candidate->unit != NULL ? candidate->unit : "");
      cells[XF_NOTICE_COLUMN_HONOUR] = g_strdup (candidate->honour != NULL ? candidate->honour : "");
      cells[XF_NOTICE_COLUMN_SUMMARY] = g_strdup (candidate->summary != NULL ? candidate->summary : "");
      g_ptr_array_add (self->candidates, cells);
    }

  return self;
}

void
xf_notice_document_free (XfNoticeDocument *self)
{
  if (self == NULL)
    return;

  _xf_notice_document_clear_layout (self);
  g_free (self->title);
  g_free (self->publisher);
  g_free (self->campaign_title);
  g_free (self->preamble);
  g_free (self->status);
  g_free (self->withdrawn_reason);
  g_free (self->period);
  g_free (self->published_on);
  g_free (self->phone);
  g_free (self->address);
  g_free (self->mailbox);
  g_free (self->portal_url);
  g_ptr_array_unref (self->candidates);
  g_free (self);
}

gboolean
_xf_notice_document_is_draft (XfNoticeDocument *self)
{
  return g_strcmp0 (self->status, XF_NOTICE_DRAFT) == 0;
}

/* The heading row's texts, in column order. */
const char *
_xf_notice_document_heading (int column)
{
  switch (column)
    {
    case XF_NOTICE_COLUMN_NUMBER:
      /* Translators: the heading of the number column of a printed notice's table */
      return C_("notice table", "No.");
    case XF_NOTICE_COLUMN_NAME:
      return C_("notice table", "Name");
    case XF_NOTICE_COLUMN_GENDER:
      return C_("notice table", "Gender");
    case XF_NOTICE_COLUMN_UNIT:
      return C_("notice table", "Unit");
    case XF_NOTICE_COLUMN_HONOUR:
      return C_("notice table", "Honour");
    case XF_NOTICE_COLUMN_SUMMARY:
      return C_("notice table", "Summary of deeds");
    default:
      g_assert_not_reached ();
    }
}

static char *
label_value_markup (const char *label,
                    const char *value)
{
  g_autofree char *bold = g_markup_printf_escaped ("<b>%s</b>", label);
  g_autofree char *escaped = g_markup_escape_text (value, -1);

  /* Translators: a label and its value on a printed notice, as in
   * "Phone: 0572-1234567"; in Chinese "%s：%s" */
  return g_strdup_printf (C_("notice", "%s: %s"), bold, escaped);
}

/* Paragraphs of @text (one per line, blank lines dropped) as body blocks
 * with the first line indented by two characters, as Chinese texts are. */
static void
add_paragraphs (XfNoticeDocument *self,
                const char       *text,
                double            space_before,
                int               flags)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  gboolean first = TRUE;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *markup = NULL;
      const char *paragraph = g_strstrip (paragraphs[i]);

      if (*paragraph == '\0')
        continue;
      markup = g_markup_escape_text (paragraph, -1);
      _xf_notice_document_add_text (self, markup, XF_NOTICE_STYLE_BODY,
                                    first ? space_before : XF_NOTICE_PARAGRAPH_GAP, flags);
      first = FALSE;
    }
}

/* Builds every block of the notice, in reading order. */
void
_xf_notice_document_build (XfNoticeDocument *self)
{
  g_autofree char *markup = NULL;
  g_autofree char *period = NULL;
  gboolean any_contact;

  /* The heading: publisher, title, and what kind of notice it is. */
  if (*self->publisher != '\0')
    {
      markup = g_markup_escape_text (self->publisher, -1);
      _xf_notice_document_add_text (self, markup, XF_NOTICE_STYLE_PUBLISHER, 0, 0);
      g_clear_pointer (&markup, g_free);
    }
  markup = g_markup_escape_text (*self->title != '\0' ? self->title : _("Public notice"), -1);
  _xf_notice_document_add_text (self, markup, XF_NOTICE_STYLE_TITLE, 6, 0);
  g_clear_pointer (&markup, g_free);

  if (_xf_notice_document_is_draft (self))
    _xf_notice_document_add_text (self, _("DRAFT — not published"), XF_NOTICE_STYLE_MARK, 4, 0);
  else if (g_strcmp0 (self->status, XF_NOTICE_WITHDRAWN) == 0)
    {
      g_autofree char *reason = g_markup_escape_text (self->withdrawn_reason != NULL
                                                      ? self->withdrawn_reason : "", -1);

      markup = *reason != '\0'
               /* Translators: on a printed notice that was withdrawn, with the reason */
               ? g_strdup_printf (_("WITHDRAWN: %s"), reason)
               : g_strdup (_("WITHDRAWN"));
      _xf_notice_document_add_text (self, markup, XF_NOTICE_STYLE_MARK, 4, 0);
      g_clear_pointer (&markup, g_free);
    }
  if (self->second_notice)
    _xf_notice_document_add_text (self, _("Second notice"), XF_NOTICE_STYLE_NOTE, 4, 0);
  if (self->revision > 1)
    {
      /* Translators: under a printed notice's title when it corrects an earlier one */
      markup = g_strdup_printf (_("Corrected notice, revision %d: it replaces the earlier version"),
                                self->revision);
      _xf_notice_document_add_text (self, markup, XF_NOTICE_STYLE_NOTE, 4, 0);
      g_clear_pointer (&markup, g_free);
    }

  /* The preamble, or a plain sentence when there is none. */
  if (*g_strstrip (self->preamble) != '\0')
    add_paragraphs (self, self->preamble, 18, 0);
  else
    {
      g_autofree char *sentence = NULL;

      if (*self->campaign_title != '\0')
        /* Translators: the preamble of a printed notice that has none of its own */
        sentence = g_strdup_printf (_("The following candidates for “%s” are hereby given public notice."),
                                    self->campaign_title);
      else
        sentence = g_strdup (_("The following candidates are hereby given public notice."));
      add_paragraphs (self, sentence, 18, 0);
    }

  /* The candidates. */
  _xf_notice_document_add_table (self, 12);
  if (self->candidates->len == 0)
    _xf_notice_document_add_text (self, _("There are no candidates on this notice."),
                                  XF_NOTICE_STYLE_NOTE, 6, 0);

  /* The period in dates (a draft has none yet) and the contacts. */
  if (self->period != NULL)
    period = g_strdup (self->period);
  else
    /* Translators: the period of a notice that is not yet published */
    period = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%d working day from the day it is published",
                                           "%d working days from the day it is published",
                                           (gulong) MAX (self->period_days, 0)),
                              self->period_days);
  /* From the period to the signature, on one page when it fits. */
  markup = label_value_markup (C_("notice", "Period"), period);
  _xf_notice_document_add_text (self, markup, XF_NOTICE_STYLE_BODY, 18, XF_NOTICE_KEEP_WITH_NEXT);
  g_clear_pointer (&markup, g_free);

  any_contact = (self->phone != NULL && *self->phone != '\0') ||
                (self->address != NULL && *self->address != '\0') ||
                (self->mailbox != NULL && *self->mailbox != '\0') ||
                self->portal_url != NULL;
  markup = g_markup_printf_escaped ("<b>%s</b>", C_("notice", "Contact for objections"));
  _xf_notice_document_add_text (self, markup, XF_NOTICE_STYLE_HEADING, XF_NOTICE_PARAGRAPH_GAP,
                                XF_NOTICE_KEEP_WITH_NEXT);
  g_clear_pointer (&markup, g_free);
  add_paragraphs (self, xf_notice_objection_invitation (),
                  XF_NOTICE_PARAGRAPH_GAP, XF_NOTICE_KEEP_WITH_NEXT);
  if (self->phone != NULL && *self->phone != '\0')
    {
      markup = label_value_markup (C_("notice", "Phone"), self->phone);
      _xf_notice_document_add_text (self, markup, XF_NOTICE_STYLE_CONTACT, 2,
                                    XF_NOTICE_KEEP_WITH_NEXT);
      g_clear_pointer (&markup, g_free);
    }
  if (self->address != NULL && *self->address != '\0')
    {
      markup = label_value_markup (C_("notice", "Address"), self->address);
      _xf_notice_document_add_text (self, markup, XF_NOTICE_STYLE_CONTACT, 2,
                                    XF_NOTICE_KEEP_WITH_NEXT);
      g_clear_pointer (&markup, g_free);
    }
  if (self->mailbox != NULL && *self->mailbox != '\0')
    {
      markup = label_value_markup (C_("notice", "Mailbox"), self->mailbox);
      _xf_notice_document_add_text (self, markup, XF_NOTICE_STYLE_CONTACT, 2,
                                    XF_NOTICE_KEEP_WITH_NEXT);
      g_clear_pointer (&markup, g_free);
    }
  if (self->portal_url != NULL)
    {
      /* Translators: on a printed notice, before the address of the
       * notice's page on the public portal, where objections may be raised */
      markup = label_value_markup (C_("notice", "Online"), self->portal_url);
      _xf_notice_document_add_text (self, markup, XF_NOTICE_STYLE_CONTACT, 2,
                                    XF_NOTICE_KEEP_WITH_NEXT);
      g_clear_pointer (&markup, g_free);
    }
  if (!any_contact)
    _xf_notice_document_add_text (self, _("No contact has been given yet."),
                                  XF_NOTICE_STYLE_CONTACT, 2,
                                    XF_NOTICE_KEEP_WITH_NEXT);

  /* The signature: publisher and date, right-aligned, kept together. */
  {
    GString *signature = g_string_new (NULL);

    if (*self->publisher != '\0')
      g_string_append (signature, self->publisher);
    if (self->published_on != NULL)
      g_string_append_printf (signature, "%s%s", signature->len > 0 ? "\n" : "",
                              self->published_on);
    if (signature->len > 0)
      {
        markup = g_markup_escape_text (signature->str, -1);
        _xf_notice_document_add_text (self, markup, XF_NOTICE_STYLE_SIGNATURE, 30,
                                      XF_NOTICE_KEEP_TOGETHER);
        g_clear_pointer (&markup, g_free);
      }
    g_string_free (signature, TRUE);
  }
}

/*
 * Files
 */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
save_bytes (GByteArray  *bytes,
            const char  *path,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents (path, (const char *) bytes->data, bytes->len, &local_error))
    return xf_error_set_write_failed (error, path, local_error->message);
  return TRUE;
}

static gboolean
cairo_failed (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return FALSE;
  xf_error_set_write_failed (error, path, cairo_status_to_string (status));
  return TRUE;
}

gboolean
xf_notice_document_write_pdf (XfNoticeDocument  *self,
                              const char        *path,
                              GError           **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *creator = g_strdup_printf ("Xianfeng %s", PACKAGE_VERSION);
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int n_pages;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes,
                                                 XF_NOTICE_A4_WIDTH, XF_NOTICE_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  if (*self->publisher != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->publisher);
  if (*self->campaign_title != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->campaign_title);

  cr = cairo_create (surface);
  /* Always A4 here, whatever page size a print dialog asked for before. */
  n_pages = xf_notice_document_paginate (self, cr, XF_NOTICE_A4_WIDTH, XF_NOTICE_A4_HEIGHT);
  for (int page = 0; page < n_pages; page++)
    {
      cairo_save (cr);
      xf_notice_document_draw_page (self, cr, page);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (cairo_failed (status, path, error))
    return FALSE;
  return save_bytes (bytes, path, error);
}

gboolean
xf_notice_document_write_png (XfNoticeDocument  *self,
                              int                page,
                              double             scale,
                              const char        *path,
                              GError           **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int n_pages;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (scale > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        (int) ceil (XF_NOTICE_A4_WIDTH * scale),
                                        (int) ceil (XF_NOTICE_A4_HEIGHT * scale));
  cr = cairo_create (surface);
  n_pages = xf_notice_document_paginate (self, cr, XF_NOTICE_A4_WIDTH, XF_NOTICE_A4_HEIGHT);
  if (page < 0 || page >= n_pages)
    {
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("The notice has no page %d: it has %d pages"), page + 1, n_pages);
      return FALSE;
    }

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  xf_notice_document_draw_page (self, cr, page);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_destroy (surface);

  if (cairo_failed (status, path, error))
    return FALSE;
  return save_bytes (bytes, path, error);
}
