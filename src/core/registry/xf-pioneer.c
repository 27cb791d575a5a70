/* xf-pioneer.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-pioneer"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-pioneer.h"
#include "xf-pioneer-private.h"

/*
 * Every field is kept in one of two arrays indexed by property id: text
 * fields in text[], numbers and booleans in number[]. The property table
 * below drives get/set, copy, the text conversions and the labels, so a
 * new field is one line here and one column in the schema.
 */

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_KIND,
  PROP_NAME,
  PROP_GENDER,
  PROP_BIRTH_DATE,
  PROP_ETHNICITY,
  PROP_EDUCATION,
  PROP_POLITICAL_STATUS,
  PROP_ID_NUMBER,
  PROP_MOBILE,
  PROP_EMPLOYER,
  PROP_POSITION,
  PROP_CREDIT_CODE,
  PROP_COLLECTIVE_KIND,
  PROP_LEADER,
  PROP_SIZE,
  PROP_INDUSTRY,
  PROP_REGION_CODE,
  PROP_ORGANISATION_ID,
  PROP_ORGANISATION_NAME,
  PROP_TIER,
  PROP_TIER_MANUAL,
  PROP_TIER_REASON,
  PROP_SKILLS,
  PROP_TAGS,
  PROP_INTRODUCTION,
  PROP_DEEDS,
  PROP_VIDEO,
  PROP_PHOTO,
  PROP_CONTRIBUTION,
  PROP_STATUS,
  PROP_ARCHIVE_REASON,
  PROP_HONOURS_COUNT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_VERSION,
  N_PROPS
};

typedef enum
{
  FIELD_TEXT,
  FIELD_INT,
  FIELD_INT64,
  FIELD_BOOLEAN,
} FieldType;

typedef struct
{
  const char *name;
  FieldType   type;
  gboolean    zero_is_unset;
  const char *label;
} FieldInfo;

static const FieldInfo fields[N_PROPS] = {
  [PROP_ID]                = { "id", FIELD_INT64, TRUE, N_("Record number") },
  [PROP_UID]               = { "uid", FIELD_TEXT, FALSE, N_("Unique identifier") },
  [PROP_KIND]              = { "kind", FIELD_TEXT, FALSE, N_("Kind") },
  [PROP_NAME]              = { "name", FIELD_TEXT, FALSE, N_("Name") },
  [PROP_GENDER]            = { "gender", FIELD_TEXT, FALSE, N_("Gender") },
  [PROP_BIRTH_DATE]        = { "birth-date", FIELD_TEXT, FALSE, N_("Birth date") },
  [PROP_ETHNICITY]         = { "ethnicity", FIELD_TEXT, FALSE, N_("Ethnicity") },
  [PROP_EDUCATION]         = { "education", FIELD_TEXT, FALSE, N_("Education") },
  [PROP_POLITICAL_STATUS]  = { "political-status", FIELD_TEXT, FALSE, N_("Political status") },
  [PROP_ID_NUMBER]         = { "id-number", FIELD_TEXT, FALSE, N_("Identity number") },
  [PROP_MOBILE]            = { "mobile", FIELD_TEXT, FALSE, N_("Mobile number") },
  [PROP_EMPLOYER]          = { "employer", FIELD_TEXT, FALSE, N_("Employer") },
  [PROP_POSITION]          = { "position", FIELD_TEXT, FALSE, N_("Position") },
  [PROP_CREDIT_CODE]       = { "credit-code", FIELD_TEXT, FALSE, N_("Unified social credit code") },
  [PROP_COLLECTIVE_KIND]   = { "collective-kind", FIELD_TEXT, FALSE, N_("Type of collective") },
  [PROP_LEADER]            = { "leader", FIELD_TEXT, FALSE, N_("Leader") },
  [PROP_SIZE]              = { "size", FIELD_INT, TRUE, N_("Number of members") },
  [PROP_INDUSTRY]          = { "industry", FIELD_TEXT, FALSE, N_("Industry") },
  [PROP_REGION_CODE]       = { "region-code", FIELD_TEXT, FALSE, N_("Region") },
  [PROP_ORGANISATION_ID]   = { "organisation-id", FIELD_INT64, TRUE, N_("Organisation") },
  [PROP_ORGANISATION_NAME] = { "organisation-name", FIELD_TEXT, FALSE, N_("Organisation") },
  [PROP_TIER]              = { "tier", FIELD_TEXT, FALSE, N_("Tier") },
  [PROP_TIER_MANUAL]       = { "tier-manual", FIELD_BOOLEAN, FALSE, N_("Set the tier by hand") },
  [PROP_TIER_REASON]       = { "tier-reason", FIELD_TEXT, FALSE, N_("Reason for the tier") },
  [PROP_SKILLS]            = { "skills", FIELD_TEXT, FALSE, N_("Skills") },
  [PROP_TAGS]              = { "tags", FIELD_TEXT, FALSE, N_("Tags") },
  [PROP_INTRODUCTION]      = { "introduction", FIELD_TEXT, FALSE, N_("Introduction") },
  [PROP_DEEDS]             = { "deeds", FIELD_TEXT, FALSE, N_("Main deeds") },
  [PROP_VIDEO]             = { "video", FIELD_TEXT, FALSE, N_("Video") },
  [PROP_PHOTO]             = { "photo", FIELD_TEXT, FALSE, N_("Photo") },
  [PROP_CONTRIBUTION]      = { "contribution", FIELD_TEXT, FALSE, N_("Contribution to local industry") },
  [PROP_STATUS]            = { "status", FIELD_TEXT, FALSE, N_("Status") },
  [PROP_ARCHIVE_REASON]    = { "archive-reason", FIELD_TEXT, FALSE, N_("Reason for archiving") },
  [PROP_HONOURS_COUNT]     = { "honours-count", FIELD_INT, FALSE, N_("Honours") },
  [PROP_CREATED_AT]        = { "created-at", FIELD_INT64, TRUE, N_("Created") },
  [PROP_UPDATED_AT]        = { "updated-at", FIELD_INT64, TRUE, N_("Last changed") },
  [PROP_VERSION]           = { "version", FIELD_INT64, TRUE, N_("Version") },
};

struct _XfPioneer
{
  GObject  parent_instance;
  char    *text[N_PROPS];
  gint64   number[N_PROPS];
};

G_DEFINE_FINAL_TYPE (XfPioneer, xf_pioneer, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

/* The property id of a name, or 0 when there is no such field. */
static guint
find_field (const char *property)
{
  static GHashTable *by_name;  /* name → id, built once */

  if (property == NULL)
    return 0;
  if (g_once_init_enter (&by_name))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 1; i < N_PROPS; i++)
        g_hash_table_insert (table, (gpointer) fields[i].name, GUINT_TO_POINTER (i));
      g_once_init_leave (&by_name, table);
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (by_name, property));
}

static void
set_text (XfPioneer  *self,
          guint       prop_id,
          const char *value)
{
  /* An empty string is an unset field, so a cleared entry is stored as NULL. */
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (self->text[prop_id], value) == 0)
    return;
  g_free (self->text[prop_id]);
  self->text[prop_id] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

static void
set_number (XfPioneer *self,
            guint      prop_id,
            gint64     value)
{
  if (fields[prop_id].type == FIELD_BOOLEAN)
    value = value != 0;
  if (self->number[prop_id] == value)
    return;
  self->number[prop_id] = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

static void
xf_pioneer_finalize (GObject *object)
{
  XfPioneer *self = (XfPioneer *) object;

  for (guint i = 0; i < N_PROPS; i++)
    g_clear_pointer (&self->text[i], g_free);

  G_OBJECT_CLASS (xf_pioneer_parent_class)->finalize (object);
}

static void
xf_pioneer_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  XfPioneer *self = XF_PIONEER (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  switch (fields[prop_id].type)
    {
    case FIELD_TEXT:
      g_value_set_string (value, self->text[prop_id]);
      break;
    case FIELD_INT:
      g_value_set_int (value, (int) self->number[prop_id]);
      break;
    case FIELD_INT64:
      g_value_set_int64 (value, self->number[prop_id]);
      break;
    case FIELD_BOOLEAN:
      g_value_set_boolean (value, self->number[prop_id] != 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
xf_pioneer_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  XfPioneer *self = XF_PIONEER (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  switch (fields[prop_id].type)
    {
    case FIELD_TEXT:
      set_text (self, prop_id, g_value_get_string (value));
      break;
    case FIELD_INT:
      set_number (self, prop_id, g_value_get_int (value));
      break;
    case FIELD_INT64:
      set_number (self, prop_id, g_value_get_int64 (value));
      break;
    case FIELD_BOOLEAN:
      set_number (self, prop_id, g_value_get_boolean (value));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
xf_pioneer_class_init (XfPioneerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = xf_pioneer_finalize;
  object_class->get_property = xf_pioneer_get_property;
  object_class->set_property = xf_pioneer_set_property;

  for (guint i = 1; i < N_PROPS; i++)
    {
      const char *name = fields[i].name;

      switch (fields[i].type)
        {
        case FIELD_TEXT:
          properties [i] = g_param_spec_string (name, NULL, NULL, NULL, flags);
          break;
        case FIELD_INT:
          properties [i] = g_param_spec_int (name, NULL, NULL, 0, G_MAXINT, 0, flags);
          break;
        case FIELD_INT64:
          properties [i] = g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0, flags);
          break;
        case FIELD_BOOLEAN:
          properties [i] = g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xf_pioneer_init (XfPioneer *self)
{
  self->text[PROP_KIND] = g_strdup ("individual");
  self->text[PROP_TIER] = g_strdup ("cultivation");
  self->text[PROP_STATUS] = g_strdup ("active");
}

/**
 * xf_pioneer_new:
 * @kind: (nullable): "individual" (the default) or "collective"
 *
 * Returns: (transfer full): a new, unsaved file
 */
XfPioneer *
xf_pioneer_new (const char *kind)
{
  XfPioneer *self = g_object_new (XF_TYPE_PIONEER, NULL);

  if (kind != NULL)
    set_text (self, PROP_KIND, kind);
  return self;
}

/**
 * xf_pioneer_copy:
 *
 * Returns: (transfer full): a new record with every field of @self
 */
XfPioneer *
xf_pioneer_copy (XfPioneer *self)
{
  XfPioneer *copy;

  g_return_val_if_fail (XF_IS_PIONEER (self), NULL);

  copy = g_object_new (XF_TYPE_PIONEER, NULL);
  for (guint i = 1; i < N_PROPS; i++)
    {
      g_free (copy->text[i]);
      copy->text[i] = g_strdup (self->text[i]);
      copy->number[i] = self->number[i];
    }
  return copy;
}

/*
 * Getters
 */

#define TEXT_GETTER(func, prop)                            \
  const char *                                             \
  func (XfPioneer *self)                                   \
  {                                                        \
    g_return_val_if_fail (XF_IS_PIONEER (self), NULL);     \
    return self->text[prop];                               \
  }

#define NUMBER_GETTER(type, func, prop)                    \
  type                                                     \
  func (XfPioneer *self)                                   \
  {                                                        \
    g_return_val_if_fail (XF_IS_PIONEER (self), 0);        \
    return (type) self->number[prop];                      \
  }

NUMBER_GETTER (gint64, xf_pioneer_get_id, PROP_ID)
TEXT_GETTER (xf_pioneer_get_uid, PROP_UID)
TEXT_GETTER (xf_pioneer_get_kind, PROP_KIND)
TEXT_GETTER (xf_pioneer_get_name, PROP_NAME)
TEXT_GETTER (xf_pioneer_get_gender, PROP_GENDER)
TEXT_GETTER (xf_pioneer_get_birth_date, PROP_BIRTH_DATE)
TEXT_GETTER (xf_pioneer_get_id_number, PROP_ID_NUMBER)
TEXT_GETTER (xf_pioneer_get_credit_code, PROP_CREDIT_CODE)
TEXT_GETTER (xf_pioneer_get_employer, PROP_EMPLOYER)
TEXT_GETTER (xf_pioneer_get_industry, PROP_INDUSTRY)
TEXT_GETTER (xf_pioneer_get_region_code, PROP_REGION_CODE)
NUMBER_GETTER (gint64, xf_pioneer_get_organisation_id, PROP_ORGANISATION_ID)
TEXT_GETTER (xf_pioneer_get_organisation_name, PROP_ORGANISATION_NAME)
TEXT_GETTER (xf_pioneer_get_tier, PROP_TIER)
TEXT_GETTER (xf_pioneer_get_status, PROP_STATUS)
TEXT_GETTER (xf_pioneer_get_introduction, PROP_INTRODUCTION)
TEXT_GETTER (xf_pioneer_get_deeds, PROP_DEEDS)
TEXT_GETTER (xf_pioneer_get_video, PROP_VIDEO)
TEXT_GETTER (xf_pioneer_get_photo, PROP_PHOTO)
TEXT_GETTER (xf_pioneer_get_contribution, PROP_CONTRIBUTION)
NUMBER_GETTER (int, xf_pioneer_get_honours_count, PROP_HONOURS_COUNT)
NUMBER_GETTER (gint64, xf_pioneer_get_version, PROP_VERSION)

gboolean
xf_pioneer_is_collective (XfPioneer *self)
{
  g_return_val_if_fail (XF_IS_PIONEER (self), FALSE);
  return g_strcmp0 (self->text[PROP_KIND], "collective") == 0;
}

/*
 * Generic access by property name
 */

/**
 * xf_pioneer_dup_field:
 * @property: a property name such as "birth-date"
 *
 * Returns: (transfer full) (nullable): the value as text: numbers in
 *   decimal, booleans as "true"/"false", %NULL when unset or unknown
 */
char *
xf_pioneer_dup_field (XfPioneer  *self,
                      const char *property)
{
  guint prop_id;
  gint64 value;

  g_return_val_if_fail (XF_IS_PIONEER (self), NULL);

  prop_id = find_field (property);
  if (prop_id == 0)
    return NULL;

  value = self->number[prop_id];
  switch (fields[prop_id].type)
    {
    case FIELD_TEXT:
      return g_strdup (self->text[prop_id]);
    case FIELD_BOOLEAN:
      return g_strdup (value ? "true" : "false");
    case FIELD_INT:
    case FIELD_INT64:
      if (value == 0 && fields[prop_id].zero_is_unset)
        return NULL;
      return g_strdup_printf ("%" G_GINT64_FORMAT, value);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
parse_boolean (const char *text,
               gboolean   *value)
{
  const char *yes[] = { "true", "1", "yes" };
  const char *no[] = { "false", "0", "no" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      {
        *value = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (text[0] == '\0' || g_ascii_strcasecmp (text, no[i]) == 0)
      {
        *value = FALSE;
        return TRUE;
      }
  return FALSE;
}

/**
 * xf_pioneer_set_field:
 * @property: a property name such as "size"
 * @text: (nullable): the value as typed; surrounding blanks are dropped and
 *   empty text unsets the field
 *
 * Numbers must be whole decimal numbers with nothing else around them;
 * fields where 0 means "not recorded" (size, organisation-id…) take only
 * numbers from 1 up.
 *
 * Returns: %FALSE with %XF_ERROR_INVALID naming the field when @text is
 *   not a value of its type
 */
gboolean
xf_pioneer_set_field (XfPioneer   *self,
                      const char  *property,
                      const char  *text,
                      GError     **error)
{
  g_autofree char *stripped = NULL;
  const FieldInfo *info;
  guint prop_id;
  gint64 value = 0;
  gboolean flag;

  g_return_val_if_fail (XF_IS_PIONEER (self), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);

  prop_id = find_field (property);
  if (prop_id == 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("There is no field “%s” in a pioneer’s file"), property);
      return FALSE;
    }
  info = &fields[prop_id];
  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  switch (info->type)
    {
    case FIELD_TEXT:
      set_text (self, prop_id, stripped);
      return TRUE;

    case FIELD_BOOLEAN:
      if (!parse_boolean (stripped, &flag))
        {
          g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                       _("%s must be yes or no"), _(info->label));
          return FALSE;
        }
      set_number (self, prop_id, flag);
      return TRUE;

    case FIELD_INT:
    case FIELD_INT64:
      if (stripped[0] != '\0' &&
          !g_ascii_string_to_signed (stripped, 10,
                                     info->type == FIELD_INT ? G_MININT : G_MININT64,
                                     info->type == FIELD_INT ? G_MAXINT : G_MAXINT64,
                                     &value, NULL))
        {
          g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                       _("%s must be a whole number, not “%s”"), _(info->label), stripped);
          return FALSE;
        }
      if (stripped[0] == '\0' && !info->zero_is_unset)
        {
          g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                       _("%s is required"), _(info->label));
          return FALSE;
        }
      if (stripped[0] != '\0' && (info->zero_is_unset ? value < 1 : value < 0))
        {
          g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                       _("%s must be at least %d"), _(info->label), info->zero_is_unset ? 1 : 0);
          return FALSE;
        }
      set_number (self, prop_id, value);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/*
 * Private access for the registry
 */

gboolean
_xf_pioneer_property_is_text (const char *property)
{
  guint prop_id = find_field (property);

  return prop_id != 0 && fields[prop_id].type == FIELD_TEXT;
}

gboolean
_xf_pioneer_zero_is_unset (const char *property)
{
  guint prop_id = find_field (property);

  return prop_id != 0 && fields[prop_id].zero_is_unset;
}

void
_xf_pioneer_set_text (XfPioneer  *self,
                      const char *property,
                      const char *value)
{
  guint prop_id = find_field (property);

  g_return_if_fail (prop_id != 0 && fields[prop_id].type == FIELD_TEXT);
  set_text (self, prop_id, value);
}

const char *
_xf_pioneer_get_text (XfPioneer  *self,
                      const char *property)
{
  guint prop_id = find_field (property);

  g_return_val_if_fail (prop_id != 0 && fields[prop_id].type == FIELD_TEXT, NULL);
  return self->text[prop_id];
}

void
_xf_pioneer_set_number (XfPioneer  *self,
                        const char *property,
                        gint64      value)
{
  guint prop_id = find_field (property);

  g_return_if_fail (prop_id != 0 && fields[prop_id].type != FIELD_TEXT);
  set_number (self, prop_id, MAX (value, 0));
}

gint64
_xf_pioneer_get_number (XfPioneer  *self,
                        const char *property)
{
  guint prop_id = find_field (property);

  g_return_val_if_fail (prop_id != 0 && fields[prop_id].type != FIELD_TEXT, 0);
  return self->number[prop_id];
}

/*
 * Fields and labels
 */

/**
 * xf_pioneer_list_fields:
 * @kind: "individual" or "collective"
 *
 * The fields a form shows, in display order. The tier fields (tier-manual,
 * tier-reason) are left to the form's own tier section.
 *
 * Returns: (transfer none): a %NULL-terminated array of property names
 */
const char * const *
xf_pioneer_list_fields (const char *kind)
{
  static const char * const individual[] = {
    "name", "gender", "birth-date", "ethnicity", "education", "political-status",
    "id-number", "mobile", "employer", "position", "industry", "region-code",
    "organisation-id", "skills", "tags", "introduction", "deeds", "video", "photo",
    "contribution", NULL
  };
  static const char * const collective[] = {
    "name", "credit-code", "collective-kind", "leader", "size", "industry",
    "region-code", "organisation-id", "introduction", "deeds", "video", "photo",
    "contribution", NULL
  };

  return g_strcmp0 (kind, "collective") == 0 ? collective : individual;
}

/**
 * xf_pioneer_field_label:
 * @property: a property name
 *
 * Also labels "honours", the history's name for added and removed honours.
 *
 * Returns: the translated label, or @property itself when unknown
 */
const char *
xf_pioneer_field_label (const char *property)
{
  guint prop_id = find_field (property);

  /* The history records added and removed honours under this name. */
  if (g_strcmp0 (property, "honours") == 0)
    return _("Honours");
  return prop_id != 0 ? _(fields[prop_id].label) : property;
}

typedef struct
{
  const char *code;
  const char *label;
} CodeLabel;

/* The position of @code in @table; -1 when it is not there or NULL. */
static int
lookup_index (const CodeLabel *table,
              gsize            n,
              const char      *code)
{
  for (gsize i = 0; code != NULL && i < n; i++)
    if (g_str_equal (table[i].code, code))
      return (int) i;
  return -1;
}

static const char *
lookup_label (const CodeLabel *table,
              gsize            n,
              const char      *code)
{
  int i = lookup_index (table, n, code);

  return i >= 0 ? _(table[i].label) : code;
}

static const CodeLabel tiers[] = {
  { "national", N_("National") },
  { "provincial", N_("Provincial") },
  { "city", N_("City") },
  { "county", N_("District/County") },
  { "cultivation", N_("Cultivation target") },
};

/* Labels return the code itself when it is unknown, and NULL for NULL. */
const char *
xf_tier_label (const char *tier)
{
  return lookup_label (tiers, G_N_ELEMENTS (tiers), tier);
}

/**
 * xf_tier_rank:
 * @tier: a tier code
 *
 * Returns: 0 for national … 4 for cultivation; -1 when @tier is unknown
 */
int
xf_tier_rank (const char *tier)
{
  return lookup_index (tiers, G_N_ELEMENTS (tiers), tier);
}

/**
 * xf_tier_for_honour_level:
 * @level: an honour level
 *
 * Returns: the tier the level gives, or %NULL when @level is unknown
 */
const char *
xf_tier_for_honour_level (const char *level)
{
  int rank = xf_tier_rank (level);

  /* Honour levels are the tier codes without "cultivation". */
  if (rank < 0 || rank > 3)
    return NULL;
  return tiers[rank].code;
}

const char *
xf_kind_label (const char *kind)
{
  static const CodeLabel kinds[] = {
    { "individual", N_("Individual") },
    { "collective", N_("Collective") },
  };

  return lookup_label (kinds, G_N_ELEMENTS (kinds), kind);
}

const char *
xf_gender_label (const char *gender)
{
  static const CodeLabel genders[] = {
    { "male", N_("Male") },
    { "female", N_("Female") },
  };

  return lookup_label (genders, G_N_ELEMENTS (genders), gender);
}

const char *
xf_status_label (const char *status)
{
  static const CodeLabel statuses[] = {
    { "active", N_("Active") },
    { "archived", N_("Archived") },
    { "deceased", N_("Deceased") },
  };

  return lookup_label (statuses, G_N_ELEMENTS (statuses), status);
}
