/* xf-sheet-text.c — the bytes of a CSV file as UTF-8 text: encoding, decoding, delimiter
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-sheet"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-sheet-private.h"

gboolean
_xf_sheet_set_read_error (const char  *name,
                          const char  *reason,
                          GError     **error)
{
  g_set_error (error, XF_ERROR, XF_ERROR_IO, _("Could not read “%s”: %s"), name, reason);
  return FALSE;
}

/*
 * Reading and decoding
 */

gboolean
_xf_sheet_read_block (XfSheetReader  *self,
                      gsize           want,
                      GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  guint old = self->raw->len;
  gssize n;

  g_byte_array_set_size (self->raw, old + (guint) want);
  n = g_input_stream_read (self->stream, self->raw->data + old, want, NULL, &local_error);
  if (n < 0)
    {
      g_byte_array_set_size (self->raw, old);
      return _xf_sheet_set_read_error (self->name, local_error->message, error);
    }
  g_byte_array_set_size (self->raw, old + (guint) n);
  self->consumed += (guint64) n;
  if (n == 0)
    self->raw_eof = TRUE;
  return TRUE;
}

/* How many of @length bytes end on a whole UTF-8 character: a sequence cut
 * at the end of a block waits for the next block. */
static gsize
whole_utf8 (const guint8 *data,
            gsize         length)
{
  for (gsize back = 1; back <= 4 && back <= length; back++)
    {
      guint8 b = data[length - back];
      gsize need;

      if (b < 0x80)
        return length;
      if ((b & 0xC0) == 0x80)
        continue;
      need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
      return need > back ? length - back : length;
    }
  return length;
}

static gboolean
all_ascii (const guint8 *data,
           gsize         length)
{
  for (gsize i = 0; i < length; i++)
    if (data[i] & 0x80)
      return FALSE;
  return TRUE;
}

/* How many of @length bytes are valid UTF-8 without NUL. Most of a list
 * is ASCII (numbers, dates, codes), checked eight bytes at a time; this
 * is several times faster than g_utf8_validate_len () on such text. */
static gsize
valid_utf8 (const guint8 *data,
            gsize         length)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 low = G_GUINT64_CONSTANT (0x0101010101010101);
  gsize i = 0;

  while (i < length)
    {
      guint8 c = data[i];
      guint8 lo = 0x80, hi = 0xBF;
      gsize need;

      if (i + 8 <= length)
        {
          guint64 word;

          memcpy (&word, data + i, 8);
          /* No high bit, and no zero byte. */
          if ((word & high) == 0 && ((word - low) & ~word & high) == 0)
            {
              i += 8;
              continue;
            }
        }
      if (c < 0x80)
        {
          if (c == 0)
            return i;
          i++;
          continue;
        }
      if (c >= 0xC2 && c <= 0xDF)
        need = 1;
      else if (c >= 0xE0 && c <= 0xEF)
        {
          need = 2;
          if (c == 0xE0)
            lo = 0xA0;
          else if (c == 0xED)
            hi = 0x9F;
        }
      else if (c >= 0xF0 && c <= 0xF4)
        {
          need = 3;
          if (c == 0xF0)
            lo = 0x90;
          else if (c == 0xF4)
            hi = 0x8F;
        }
      else
        return i;
      if (i + need >= length)
        return i;
      if (data[i + 1] < lo || data[i + 1] > hi)
        return i;
      for (gsize k = 2; k <= need; k++)
        if ((data[i + k] & 0xC0) != 0x80)
          return i;
      i += need + 1;
    }
  return i;
}

/* Checks the text decoded from @start on: keeps what is valid UTF-8
 * without NUL and says whether all of it was. */
static gboolean
keep_valid (XfSheetReader *self,
            gsize          start)
{
  gsize length = self->text->len - start;
  gsize valid = valid_utf8 ((const guint8 *) self->text->str + start, length);

  if (valid < length)
    g_string_truncate (self->text, start + valid);
  return valid == length;
}

static void
decode_with_iconv (XfSheetReader *self)
{
  gsize old = self->text->len;
  gsize in_left = self->raw->len;
  gsize out_left = in_left * 2 + 16;
  char *in = (char *) self->raw->data;
  char *out;
  gsize result;

  g_string_set_size (self->text, old + out_left);
  out = self->text->str + old;
  result = g_iconv (self->conv, &in, &in_left, &out, &out_left);
  g_string_truncate (self->text, (gsize) (out - self->text->str));
  /* E2BIG cannot happen: no character grows more than twice. EINVAL is a
   * character cut at the end of the block, which is only wrong at the
   * end of the file. */
  if (result == (gsize) -1 && (errno == EILSEQ || (errno == EINVAL && self->raw_eof)))
    self->bad_text = TRUE;
  g_byte_array_remove_range (self->raw, 0, self->raw->len - (guint) in_left);
  if (!keep_valid (self, old))
    self->bad_text = TRUE;
  if (self->ascii_only && !all_ascii ((const guint8 *) self->text->str + old,
                                      self->text->len - old))
    self->ascii_only = FALSE;
}

/* Decodes what raw holds into text. */
void
_xf_sheet_decode (XfSheetReader *self)
{
  gsize usable, start;

  if (self->bad_text)
    return;
  if (self->conv != (GIConv) -1)
    {
      decode_with_iconv (self);
      return;
    }

  usable = self->raw_eof ? self->raw->len : whole_utf8 (self->raw->data, self->raw->len);
  start = self->text->len;
  g_string_append_len (self->text, (const char *) self->raw->data, (gssize) usable);
  if (!keep_valid (self, start))
    {
      /* The first 64 KiB were plain ASCII, which GB18030 shares with
       * UTF-8: Chinese text only further down is GB18030 after all. */
      if (self->ascii_only && all_ascii ((const guint8 *) self->text->str + start,
                                         self->text->len - start))
        {
          g_byte_array_remove_range (self->raw, 0, (guint) (self->text->len - start));
          self->conv = g_iconv_open ("UTF-8", "GB18030");
          self->encoding = "GB18030";
          decode_with_iconv (self);
          return;
        }
      self->bad_text = TRUE;
      g_byte_array_remove_range (self->raw, 0, (guint) (self->text->len - start));
      return;
    }
  if (self->ascii_only && !all_ascii ((const guint8 *) self->text->str + start, usable))
    self->ascii_only = FALSE;
  g_byte_array_remove_range (self->raw, 0, (guint) usable);
}

/* Whether no more text will come. */
gboolean
_xf_sheet_text_ended (XfSheetReader *self)
{
  return self->bad_text || (self->raw_eof && self->raw->len == 0);
}

/* Reads and decodes one more block; drops the text already fed. */
gboolean
_xf_sheet_refill (XfSheetReader  *self,
                  GError        **error)
{
  g_string_erase (self->text, 0, (gssize) self->text_pos);
  self->text_pos = 0;
  if (!self->raw_eof && !_xf_sheet_read_block (self, READ_SIZE, error))
    return FALSE;
  _xf_sheet_decode (self);
  /* A GB18030 or UTF-16 block can end inside a character that then
   * never completes. */
  if (self->raw_eof && self->raw->len > 0 && !self->bad_text)
    self->bad_text = TRUE;
  return TRUE;
}

/*
 * Encoding and delimiter
 */

/* Whether @length bytes convert with @conv, a character cut at the end of
 * a sample that goes on allowed, and give no NUL. */
static gboolean
converts (GIConv        conv,
          const guint8 *data,
          gsize         length,
          gboolean      whole)
{
  g_autofree char *buffer = g_malloc (length * 2 + 16);
  char *in = (char *) data, *out = buffer;
  gsize in_left = length, out_left = length * 2 + 16;
  gsize result;

  g_iconv (conv, NULL, NULL, NULL, NULL);
  result = g_iconv (conv, &in, &in_left, &out, &out_left);
  if (result == (gsize) -1 && (errno == EILSEQ || whole))
    return FALSE;
  return memchr (buffer, '\0', (gsize) (out - buffer)) == NULL;
}

gboolean
_xf_sheet_detect_encoding (XfSheetReader  *self,
                           GError        **error)
{
  const guint8 *data = self->raw->data;
  gsize length = self->raw->len;
  gsize sample = MIN (length, SAMPLE_SIZE);
  gboolean whole = self->raw_eof && sample == length;
  /* A character cut by the sample's end waits for the rest. */
  gsize checked = whole ? sample : whole_utf8 (data, sample);
  const char *from = NULL;
  guint bom = 0;

  if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    self->encoding = "UTF-8", bom = 3;
  else if (length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    self->encoding = from = "UTF-16LE", bom = 2;
  else if (length >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    self->encoding = from = "UTF-16BE", bom = 2;
  else if (valid_utf8 (data, checked) == checked)
    self->encoding = "UTF-8";
  else
    {
      GIConv conv = g_iconv_open ("UTF-8", "GB18030");
      gboolean gb = conv != (GIConv) -1 && converts (conv, data, sample, whole);

      if (conv != (GIConv) -1)
        g_iconv_close (conv);
      if (!gb)
        {
          if (length >= 4 && data[0] == 0xD0 && data[1] == 0xCF && data[2] == 0x11 &&
              data[3] == 0xE0)
            g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                         _("File: “%s” is an old Excel workbook (.xls); save it as .xlsx or CSV "
                           "and import that"), self->name);
          else
            g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                         _("File: “%s” is neither UTF-8 nor GB18030 text"), self->name);
          return FALSE;
        }
      self->encoding = from = "GB18030";
    }

  g_byte_array_remove_range (self->raw, 0, bom);
  self->ascii_only = from == NULL;
  if (from != NULL)
    {
      self->conv = g_iconv_open ("UTF-8", from);
      if (self->conv == (GIConv) -1)
        return _xf_sheet_set_read_error (self->name, g_strerror (errno), error);
    }
  return TRUE;
}

/* The delimiter that cuts the sample's records into the most equal, largest
 * number of cells: per candidate, the most frequent non-zero count of
 * delimiters outside quotes and how many records have it. */
char
_xf_sheet_detect_delimiter (const char *text,
                            gsize       length,
                            gboolean    whole)
{
  static const char candidates[] = { ',', '\t', ';' };
  guint counts[SAMPLE_RECORDS][G_N_ELEMENTS (candidates)] = { { 0 } };
  guint current[G_N_ELEMENTS (candidates)] = { 0 };
  guint n_records = 0, best_freq = 0, best_mode = 0;
  gboolean quoted = FALSE, content = FALSE;
  char best = ',';

  for (gsize i = 0; i <= length && n_records < SAMPLE_RECORDS; i++)
    {
      char c = i < length ? text[i] : '\n';

      /* A last record cut by the sample's end is counted only when it is
       * all there is. */
      if (i == length && !whole && n_records > 0)
        break;
      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\r' || c == '\n')
        {
          if (content)
            memcpy (counts[n_records++], current, sizeof current);
          memset (current, 0, sizeof current);
          content = FALSE;
          continue;
        }
      for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
        if (c == candidates[k])
          current[k]++;
      if (c != ' ')
        content = TRUE;
    }

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    for (guint r = 0; r < n_records; r++)
      {
        guint mode = counts[r][k], freq = 0;

        if (mode == 0)
          continue;
        for (guint s = 0; s < n_records; s++)
          freq += counts[s][k] == mode;
        if (freq > best_freq || (freq == best_freq && mode > best_mode))
          {
            best = candidates[k];
            best_freq = freq;
            best_mode = mode;
          }
      }
  return best;
}
