/* xf-json-line.c — one value per line of a JSON Lines file
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-json-line.h"

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Past the string starting at @p's quote */
static const char *
skip_string (const char *p,
             const char *end)
{
  for (p++; p < end && *p != '"'; p++)
    if (*p == '\\' && p + 1 < end)
      p++;
  return p < end ? p + 1 : end;
}

gboolean
xf_json_line_has_several_values (const char *text,
                                 gssize      length)
{
  const char *p, *end;
  int depth = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  end = text + (length < 0 ? strlen (text) : (gsize) length);
  p = text;
  /* a byte-order mark json-glib skips */
  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && is_space (*p))
    p++;
  /* The first value: an object or array (brackets counted outside
   * strings), a string, or a number or literal */
  if (p < end && (*p == '{' || *p == '['))
    {
      do
        {
          if (*p == '"')
            p = skip_string (p, end);
          else
            {
              depth += (*p == '{' || *p == '[') - (*p == '}' || *p == ']');
              p++;
            }
        }
      while (p < end && depth > 0);
    }
  else if (p < end && *p == '"')
    p = skip_string (p, end);
  else
    while (p < end && !is_space (*p) && strchr ("{}[]\",:", *p) == NULL)
      p++;
  while (p < end && (is_space (*p) || *p == '\0'))
    p++;
  return p < end;
}

gboolean
xf_json_line_has_several_containers (const char *text,
                                     gssize      length)
{
  const char *p, *end;

  g_return_val_if_fail (text != NULL, FALSE);

  end = text + (length < 0 ? strlen (text) : (gsize) length);
  p = text;
  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && is_space (*p))
    p++;
  return p < end && (*p == '{' || *p == '[') && xf_json_line_has_several_values (text, length);
}
