/* xf-honour.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-honour"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-honour.h"

struct _XfHonour
{
  GObject  parent_instance;
  gint64   id;
  char    *uid;
  gint64   pioneer_id;
  char    *title;
  char    *level;
  int      year;
  char    *conferring_body;
  char    *certificate_no;
  gint64   version;
};

G_DEFINE_FINAL_TYPE (XfHonour, xf_honour, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_PIONEER_ID,
  PROP_TITLE,
  PROP_LEVEL,
  PROP_YEAR,
  PROP_CONFERRING_BODY,
  PROP_CERTIFICATE_NO,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
xf_honour_finalize (GObject *object)
{
  XfHonour *self = (XfHonour *) object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->level, g_free);
  g_clear_pointer (&self->conferring_body, g_free);
  g_clear_pointer (&self->certificate_no, g_free);

  G_OBJECT_CLASS (xf_honour_parent_class)->finalize (object);
}

static void
xf_honour_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  XfHonour *self = XF_HONOUR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    case PROP_PIONEER_ID:
      g_value_set_int64 (value, self->pioneer_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_LEVEL:
      g_value_set_string (value, self->level);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_CONFERRING_BODY:
      g_value_set_string (value, self->conferring_body);
      break;
    case PROP_CERTIFICATE_NO:
      g_value_set_string (value, self->certificate_no);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Empty text is no text, as in XfPioneer. */
static void
set_string (XfHonour    *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

static void
set_int64 (XfHonour *self,
           gint64   *field,
           gint64    value,
           guint     prop_id)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

static void
xf_honour_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  XfHonour *self = XF_HONOUR (object);

  switch (prop_id)
    {
    case PROP_ID:
      set_int64 (self, &self->id, g_value_get_int64 (value), prop_id);
      break;
    case PROP_UID:
      set_string (self, &self->uid, g_value_get_string (value), prop_id);
      break;
    case PROP_PIONEER_ID:
      set_int64 (self, &self->pioneer_id, g_value_get_int64 (value), prop_id);
      break;
    case PROP_TITLE:
      set_string (self, &self->title, g_value_get_string (value), prop_id);
      break;
    case PROP_LEVEL:
      set_string (self, &self->level, g_value_get_string (value), prop_id);
      break;
    case PROP_YEAR:
      if (self->year != g_value_get_int (value))
        {
          self->year = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_CONFERRING_BODY:
      set_string (self, &self->conferring_body, g_value_get_string (value), prop_id);
      break;
    case PROP_CERTIFICATE_NO:
      set_string (self, &self->certificate_no, g_value_get_string (value), prop_id);
      break;
    case PROP_VERSION:
      set_int64 (self, &self->version, g_value_get_int64 (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_honour_class_init (XfHonourClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = xf_honour_finalize;
  object_class->get_property = xf_honour_get_property;
  object_class->set_property = xf_honour_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL, flags);
  properties [PROP_PIONEER_ID] =
    g_param_spec_int64 ("pioneer-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties [PROP_LEVEL] =
    g_param_spec_string ("level", NULL, NULL, NULL, flags);
  properties [PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, 9999, 0, flags);
  properties [PROP_CONFERRING_BODY] =
    g_param_spec_string ("conferring-body", NULL, NULL, NULL, flags);
  properties [PROP_CERTIFICATE_NO] =
    g_param_spec_string ("certificate-no", NULL, NULL, NULL, flags);
  properties [PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xf_honour_init (XfHonour *self)
{
}

/**
 * xf_honour_new:
 * @title: the honour's title, e.g. "浙江省劳动模范"
 * @level: "national", "provincial", "city" or "county"
 * @year: the year it was conferred
 *
 * Returns: (transfer full): a new, unsaved honour
 */
XfHonour *
xf_honour_new (const char *title,
               const char *level,
               int         year)
{
  return g_object_new (XF_TYPE_HONOUR,
                       "title", title,
                       "level", level,
                       "year", CLAMP (year, 0, 9999),
                       NULL);
}

gint64
xf_honour_get_id (XfHonour *self)
{
  g_return_val_if_fail (XF_IS_HONOUR (self), 0);
  return self->id;
}

gint64
xf_honour_get_pioneer_id (XfHonour *self)
{
  g_return_val_if_fail (XF_IS_HONOUR (self), 0);
  return self->pioneer_id;
}

const char *
xf_honour_get_title (XfHonour *self)
{
  g_return_val_if_fail (XF_IS_HONOUR (self), NULL);
  return self->title;
}

const char *
xf_honour_get_level (XfHonour *self)
{
  g_return_val_if_fail (XF_IS_HONOUR (self), NULL);
  return self->level;
}

int
xf_honour_get_year (XfHonour *self)
{
  g_return_val_if_fail (XF_IS_HONOUR (self), 0);
  return self->year;
}

const char *
xf_honour_get_conferring_body (XfHonour *self)
{
  g_return_val_if_fail (XF_IS_HONOUR (self), NULL);
  return self->conferring_body;
}

const char *
xf_honour_get_certificate_no (XfHonour *self)
{
  g_return_val_if_fail (XF_IS_HONOUR (self), NULL);
  return self->certificate_no;
}

/**
 * xf_honour_level_label:
 * @level: an honour level code
 *
 * Returns: the translated label, the code itself when unknown, %NULL for %NULL
 */
const char *
xf_honour_level_label (const char *level)
{
  if (level == NULL)
    return NULL;
  if (g_str_equal (level, "national"))
    return _("National");
  if (g_str_equal (level, "provincial"))
    return _("Provincial");
  if (g_str_equal (level, "city"))
    return _("City");
  if (g_str_equal (level, "county"))
    return _("District/County");
  return level;
}
