/* xf-nomination.c — one nomination and its stages
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-nomination"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xf-deadline.h"
#include "xf-evaluation-private.h"
#include "xf-nomination-private.h"

/*
 * Stages
 */

static const char * const stages[] = {
  XF_STAGE_DRAFT, XF_STAGE_PRELIMINARY, XF_STAGE_RETURNED, XF_STAGE_COMMITTEE,
  XF_STAGE_NOTICE, XF_STAGE_DECISION, XF_STAGE_CONFERRED, XF_STAGE_DECLINED,
  XF_STAGE_REJECTED, XF_STAGE_VETOED, XF_STAGE_NOT_SELECTED, XF_STAGE_WITHDRAWN,
  NULL
};

/* The first final stage in stages[]. */
#define FIRST_FINAL 6

const char * const *
xf_stage_all (void)
{
  return stages;
}

static int
stage_index (const char *stage)
{
  for (int i = 0; stages[i] != NULL; i++)
    if (g_strcmp0 (stages[i], stage) == 0)
      return i;
  return -1;
}

const char *
xf_stage_label (const char *stage)
{
  switch (stage_index (stage))
    {
    case 0: return _("Draft");
    case 1: return _("Preliminary review");
    case 2: return _("Returned for revision");
    case 3: return _("Committee review");
    case 4: return _("Public notice");
    case 5: return _("Decision");
    case 6: return _("Conferred");
    case 7: return _("Declined");
    case 8: return _("Rejected");
    case 9: return _("Vetoed");
    case 10: return _("Not selected");
    case 11: return _("Withdrawn");
    default: return stage != NULL ? stage : "";
    }
}

gboolean
xf_stage_is_final (const char *stage)
{
  return stage_index (stage) >= FIRST_FINAL;
}

gboolean
xf_stage_counts (const char *stage)
{
  int i = stage_index (stage);

  return i >= 0 && i < FIRST_FINAL
         && i != 0 && g_strcmp0 (stage, XF_STAGE_RETURNED) != 0;
}

/*
 * Plain structs
 */

void
xf_stage_visit_free (XfStageVisit *visit)
{
  if (visit == NULL)
    return;
  g_free (visit->stage);
  g_free (visit->entered_on);
  g_free (visit->left_on);
  g_free (visit->due_on);
  g_free (visit->actor_name);
  g_free (visit->note);
  g_free (visit);
}

void
xf_material_free (XfMaterial *material)
{
  if (material == NULL)
    return;
  g_free (material->uid);
  g_free (material->file_name);
  g_free (material->content_type);
  g_free (material->sha256);
  g_free (material->added_by);
  g_free (material);
}

void
xf_vetting_free (XfVetting *vetting)
{
  if (vetting == NULL)
    return;
  g_free (vetting->department_code);
  g_free (vetting->department_name);
  g_free (vetting->started_on);
  g_free (vetting->due_on);
  g_free (vetting->status);
  g_free (vetting->reason);
  g_free (vetting->decided_on);
  g_free (vetting->decided_by);
  g_free (vetting);
}

/*
 * XfNomination
 */

enum {
  PROP_0,
  /* int64 */
  PROP_ID,
  PROP_CAMPAIGN_ID,
  PROP_PIONEER_ID,
  PROP_HONOUR_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_VERSION,
  /* text */
  PROP_UID,
  PROP_NOMINATING_UNIT,
  PROP_UNIT_CONTACT,
  PROP_CASE_TEXT,
  PROP_SERVICE_SINCE,
  PROP_STAGE,
  PROP_STAGE_SINCE,
  PROP_SUBMITTED_ON,
  PROP_DECIDED_ON,
  PROP_PRELIMINARY_PASSED_ON,
  PROP_OUTCOME_REASON,
  PROP_CANDIDATE_NAME,
  PROP_CANDIDATE_KIND,
  PROP_CANDIDATE_EMPLOYER,
  PROP_CANDIDATE_REGION_CODE,
  PROP_CAMPAIGN_TITLE,
  PROP_STAGE_DUE_ON,
  /* others */
  PROP_FINAL_SCORE,
  PROP_RANK,
  PROP_DUE_STATE,
  PROP_CASE_WITHHELD,
  N_PROPS
};

#define FIRST_INT64 PROP_ID
#define LAST_INT64  PROP_VERSION
#define FIRST_TEXT  PROP_UID
#define LAST_TEXT   PROP_STAGE_DUE_ON

static GParamSpec *properties [N_PROPS];

struct _XfNomination
{
  GObject   parent_instance;
  /* Indexed by property id: only the int64 and text ranges are used. */
  gint64    number[LAST_INT64 + 1];
  char     *text[LAST_TEXT + 1];
  double    final_score;
  int       rank;
  int       due_state;
  gboolean  case_withheld;
  GArray   *checklist;
};

G_DEFINE_FINAL_TYPE (XfNomination, xf_nomination, G_TYPE_OBJECT)

static void
set_text (XfNomination *self,
          guint         prop_id,
          const char   *value)
{
  g_assert (prop_id >= FIRST_TEXT && prop_id <= LAST_TEXT);

  if (g_strcmp0 (self->text[prop_id], value) == 0)
    return;
  g_free (self->text[prop_id]);
  self->text[prop_id] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

static void
set_int64 (XfNomination *self,
           guint         prop_id,
           gint64        value)
{
  g_assert (prop_id >= FIRST_INT64 && prop_id <= LAST_INT64);

  if (self->number[prop_id] == value)
    return;
  self->number[prop_id] = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

static void
set_final_score (XfNomination *self,
                 double        score)
{
  if (self->final_score == score)
    return;
  self->final_score = score;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FINAL_SCORE]);
}

static void
set_rank (XfNomination *self,
          int           rank)
{
  if (self->rank == rank)
    return;
  self->rank = rank;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RANK]);
}

static void
xf_nomination_finalize (GObject *object)
{
  XfNomination *self = (XfNomination *) object;

  for (guint i = FIRST_TEXT; i <= LAST_TEXT; i++)
    g_clear_pointer (&self->text[i], g_free);
  g_clear_pointer (&self->checklist, g_array_unref);

  G_OBJECT_CLASS (xf_nomination_parent_class)->finalize (object);
}

static void
xf_nomination_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XfNomination *self = XF_NOMINATION (object);

  if (prop_id >= FIRST_INT64 && prop_id <= LAST_INT64)
    g_value_set_int64 (value, self->number[prop_id]);
  else if (prop_id >= FIRST_TEXT && prop_id <= LAST_TEXT)
    g_value_set_string (value, self->text[prop_id]);
  else
    switch (prop_id)
      {
      case PROP_FINAL_SCORE:
        g_value_set_double (value, self->final_score);
        break;
      case PROP_RANK:
        g_value_set_int (value, self->rank);
        break;
      case PROP_DUE_STATE:
        g_value_set_int (value, self->due_state);
        break;
      case PROP_CASE_WITHHELD:
        g_value_set_boolean (value, self->case_withheld);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      }
}

static void
xf_nomination_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  XfNomination *self = XF_NOMINATION (object);

  /* Only what a form sets is writable (see class_init). */
  if (prop_id >= FIRST_INT64 && prop_id <= LAST_INT64)
    set_int64 (self, prop_id, g_value_get_int64 (value));
  else if (prop_id >= FIRST_TEXT && prop_id <= LAST_TEXT)
    set_text (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static GParamSpec *
int64_spec (const char *name,
            gboolean    writable)
{
  return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0,
                             (writable ? G_PARAM_READWRITE : G_PARAM_READABLE)
                             | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
text_spec (const char *name,
           gboolean    writable)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              (writable ? G_PARAM_READWRITE : G_PARAM_READABLE)
                              | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
xf_nomination_class_init (XfNominationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xf_nomination_finalize;
  object_class->get_property = xf_nomination_get_property;
  object_class->set_property = xf_nomination_set_property;

  properties [PROP_ID] = int64_spec ("id", FALSE);
  properties [PROP_CAMPAIGN_ID] = int64_spec ("campaign-id", TRUE);
  properties [PROP_PIONEER_ID] = int64_spec ("pioneer-id", TRUE);
  properties [PROP_HONOUR_ID] = int64_spec ("honour-id", FALSE);
  properties [PROP_CREATED_AT] = int64_spec ("created-at", FALSE);
  properties [PROP_UPDATED_AT] = int64_spec ("updated-at", FALSE);
  properties [PROP_VERSION] = int64_spec ("version", FALSE);

  properties [PROP_UID] = text_spec ("uid", FALSE);
  properties [PROP_NOMINATING_UNIT] = text_spec ("nominating-unit", TRUE);
  properties [PROP_UNIT_CONTACT] = text_spec ("unit-contact", TRUE);
  properties [PROP_CASE_TEXT] = text_spec ("case-text", TRUE);
  properties [PROP_SERVICE_SINCE] = text_spec ("service-since", TRUE);
  properties [PROP_STAGE] = text_spec ("stage", FALSE);
  properties [PROP_STAGE_SINCE] = text_spec ("stage-since", FALSE);
  properties [PROP_SUBMITTED_ON] = text_spec ("submitted-on", FALSE);
  properties [PROP_DECIDED_ON] = text_spec ("decided-on", FALSE);
  properties [PROP_PRELIMINARY_PASSED_ON] = text_spec ("preliminary-passed-on", FALSE);
  properties [PROP_OUTCOME_REASON] = text_spec ("outcome-reason", FALSE);
  properties [PROP_CANDIDATE_NAME] = text_spec ("candidate-name", FALSE);
  properties [PROP_CANDIDATE_KIND] = text_spec ("candidate-kind", FALSE);
  properties [PROP_CANDIDATE_EMPLOYER] = text_spec ("candidate-employer", FALSE);
  properties [PROP_CANDIDATE_REGION_CODE] = text_spec ("candidate-region-code", FALSE);
  properties [PROP_CAMPAIGN_TITLE] = text_spec ("campaign-title", FALSE);
  properties [PROP_STAGE_DUE_ON] = text_spec ("stage-due-on", FALSE);

  properties [PROP_FINAL_SCORE] =
    g_param_spec_double ("final-score", NULL, NULL, -1, G_MAXDOUBLE, -1,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_RANK] =
    g_param_spec_int ("rank", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_DUE_STATE] =
    g_param_spec_int ("due-state", NULL, NULL, XF_DUE_NONE, XF_DUE_DONE_LATE, XF_DUE_NONE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_CASE_WITHHELD] =
    g_param_spec_boolean ("case-withheld", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xf_nomination_init (XfNomination *self)
{
  self->final_score = -1;
  self->due_state = XF_DUE_NONE;
  self->checklist = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->text[PROP_STAGE] = g_strdup (XF_STAGE_DRAFT);
  self->text[PROP_CASE_TEXT] = g_strdup ("");
  self->text[PROP_UNIT_CONTACT] = g_strdup ("");
}

XfNomination *
xf_nomination_new (gint64      campaign_id,
                   gint64      pioneer_id,
                   const char *nominating_unit)
{
  XfNomination *self = g_object_new (XF_TYPE_NOMINATION, NULL);

  self->number[PROP_CAMPAIGN_ID] = campaign_id;
  self->number[PROP_PIONEER_ID] = pioneer_id;
  self->text[PROP_NOMINATING_UNIT] = g_strdup (nominating_unit);
  return self;
}

#define GETTER_INT64(name, prop) \
  gint64 xf_nomination_get_##name (XfNomination *self) \
  { \
    g_return_val_if_fail (XF_IS_NOMINATION (self), 0); \
    return self->number[prop]; \
  }
#define GETTER_TEXT(name, prop) \
  const char *xf_nomination_get_##name (XfNomination *self) \
  { \
    g_return_val_if_fail (XF_IS_NOMINATION (self), NULL); \
    return self->text[prop]; \
  }

GETTER_INT64 (id, PROP_ID)
GETTER_INT64 (campaign_id, PROP_CAMPAIGN_ID)
GETTER_INT64 (pioneer_id, PROP_PIONEER_ID)
GETTER_INT64 (version, PROP_VERSION)
GETTER_TEXT (uid, PROP_UID)
GETTER_TEXT (nominating_unit, PROP_NOMINATING_UNIT)
GETTER_TEXT (unit_contact, PROP_UNIT_CONTACT)
GETTER_TEXT (case_text, PROP_CASE_TEXT)
GETTER_TEXT (service_since, PROP_SERVICE_SINCE)
GETTER_TEXT (stage, PROP_STAGE)
GETTER_TEXT (stage_since, PROP_STAGE_SINCE)
GETTER_TEXT (submitted_on, PROP_SUBMITTED_ON)
GETTER_TEXT (decided_on, PROP_DECIDED_ON)
GETTER_TEXT (preliminary_passed_on, PROP_PRELIMINARY_PASSED_ON)
GETTER_TEXT (outcome_reason, PROP_OUTCOME_REASON)
GETTER_TEXT (candidate_name, PROP_CANDIDATE_NAME)
GETTER_TEXT (candidate_kind, PROP_CANDIDATE_KIND)
GETTER_TEXT (candidate_employer, PROP_CANDIDATE_EMPLOYER)
GETTER_TEXT (campaign_title, PROP_CAMPAIGN_TITLE)
GETTER_TEXT (stage_due_on, PROP_STAGE_DUE_ON)

double
xf_nomination_get_final_score (XfNomination *self)
{
  g_return_val_if_fail (XF_IS_NOMINATION (self), -1);
  return self->final_score;
}

int
xf_nomination_get_rank (XfNomination *self)
{
  g_return_val_if_fail (XF_IS_NOMINATION (self), 0);
  return self->rank;
}

int
xf_nomination_get_due_state (XfNomination *self)
{
  g_return_val_if_fail (XF_IS_NOMINATION (self), XF_DUE_NONE);
  return self->due_state;
}

gboolean
xf_nomination_get_case_withheld (XfNomination *self)
{
  g_return_val_if_fail (XF_IS_NOMINATION (self), FALSE);
  return self->case_withheld;
}

GArray *
xf_nomination_get_checklist_state (XfNomination *self)
{
  g_return_val_if_fail (XF_IS_NOMINATION (self), NULL);
  return self->checklist;
}

void
xf_nomination_set_case_text (XfNomination *self,
                             const char   *case_text)
{
  g_return_if_fail (XF_IS_NOMINATION (self));
  set_text (self, PROP_CASE_TEXT, case_text != NULL ? case_text : "");
}

void
xf_nomination_set_nominating_unit (XfNomination *self,
                                   const char   *unit)
{
  g_return_if_fail (XF_IS_NOMINATION (self));
  set_text (self, PROP_NOMINATING_UNIT, unit);
}

void
xf_nomination_set_unit_contact (XfNomination *self,
                                const char   *contact)
{
  g_return_if_fail (XF_IS_NOMINATION (self));
  set_text (self, PROP_UNIT_CONTACT, contact != NULL ? contact : "");
}

void
xf_nomination_set_service_since (XfNomination *self,
                                 const char   *date)
{
  g_return_if_fail (XF_IS_NOMINATION (self));
  set_text (self, PROP_SERVICE_SINCE, date != NULL && *date != '\0' ? date : NULL);
}

/*
 * For the repository
 */

void
_xf_nomination_set_stored (XfNomination *self,
                           gint64        id,
                           const char   *uid,
                           gint64        version)
{
  g_return_if_fail (XF_IS_NOMINATION (self));

  set_int64 (self, PROP_ID, id);
  set_text (self, PROP_UID, uid);
  set_int64 (self, PROP_VERSION, version);
}

void
_xf_nomination_set_stage (XfNomination *self,
                          const char   *stage,
                          const char   *since)
{
  g_return_if_fail (XF_IS_NOMINATION (self));

  set_text (self, PROP_STAGE, stage);
  set_text (self, PROP_STAGE_SINCE, since);
}

void
_xf_nomination_set_text (XfNomination *self,
                         const char   *property,
                         const char   *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), property);

  g_return_if_fail (pspec != NULL && pspec->param_id >= FIRST_TEXT && pspec->param_id <= LAST_TEXT);
  set_text (self, pspec->param_id, value);
}

void
_xf_nomination_set_int64 (XfNomination *self,
                          const char   *property,
                          gint64        value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), property);

  g_return_if_fail (pspec != NULL && pspec->param_id >= FIRST_INT64 && pspec->param_id <= LAST_INT64);
  set_int64 (self, pspec->param_id, value);
}

void
_xf_nomination_set_result (XfNomination *self,
                           double        final_score,
                           int           rank)
{
  g_return_if_fail (XF_IS_NOMINATION (self));

  set_final_score (self, final_score);
  set_rank (self, rank);
}

void
_xf_nomination_set_due (XfNomination *self,
                        const char   *due_on,
                        int           due_state)
{
  g_return_if_fail (XF_IS_NOMINATION (self));

  set_text (self, PROP_STAGE_DUE_ON, due_on);
  if (self->due_state != due_state)
    {
      self->due_state = due_state;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DUE_STATE]);
    }
}

void
_xf_nomination_set_case_withheld (XfNomination *self,
                                  gboolean      withheld)
{
  g_return_if_fail (XF_IS_NOMINATION (self));

  withheld = !!withheld;
  if (withheld)
    set_text (self, PROP_CASE_TEXT, "");
  if (self->case_withheld == withheld)
    return;
  self->case_withheld = withheld;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASE_WITHHELD]);
}

void
_xf_nomination_set_checklist_state (XfNomination *self,
                                    GArray       *ticked)
{
  g_return_if_fail (XF_IS_NOMINATION (self));

  g_array_set_size (self->checklist, 0);
  if (ticked != NULL)
    g_array_append_vals (self->checklist, ticked->data, ticked->len);
}

char *
_xf_nomination_checklist_to_json (GArray *ticked)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; ticked != NULL && i < ticked->len; i++)
    g_string_append_printf (json, "%s%s", i > 0 ? "," : "",
                            g_array_index (ticked, gboolean, i) ? "true" : "false");
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

GArray *
_xf_nomination_checklist_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) ticked = g_array_new (FALSE, TRUE, sizeof (gboolean));
  JsonNode *root;
  JsonArray *array;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gboolean value;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return NULL;
      value = json_node_get_boolean (node);
      g_array_append_val (ticked, value);
    }
  return g_steal_pointer (&ticked);
}

XfNomination *
_xf_nomination_new_from_row (XfDbStmt *stmt,
                             gboolean  full)
{
  XfNomination *self = g_object_new (XF_TYPE_NOMINATION, NULL);
  int column = 0;

  /* Fields set directly: a fresh record has no one to notify. */
#define TEXT(prop) \
  G_STMT_START { \
    g_free (self->text[prop]); \
    self->text[prop] = xf_db_stmt_dup_text (stmt, column++); \
  } G_STMT_END
  self->number[PROP_ID] = xf_db_stmt_column_int64 (stmt, column++);
  TEXT (PROP_UID);
  self->number[PROP_CAMPAIGN_ID] = xf_db_stmt_column_int64 (stmt, column++);
  self->number[PROP_PIONEER_ID] = xf_db_stmt_column_int64 (stmt, column++);
  TEXT (PROP_NOMINATING_UNIT);
  TEXT (PROP_UNIT_CONTACT);
  TEXT (PROP_STAGE);
  TEXT (PROP_STAGE_SINCE);
  TEXT (PROP_SUBMITTED_ON);
  TEXT (PROP_DECIDED_ON);
  TEXT (PROP_PRELIMINARY_PASSED_ON);
  TEXT (PROP_SERVICE_SINCE);
  TEXT (PROP_OUTCOME_REASON);
  self->number[PROP_HONOUR_ID] = xf_db_stmt_column_int64 (stmt, column++);
  self->final_score = xf_db_stmt_column_is_null (stmt, column)
                      ? -1 : xf_db_stmt_column_double (stmt, column);
  column++;
  self->rank = (int) xf_db_stmt_column_int64 (stmt, column++);
  self->number[PROP_CREATED_AT] = xf_db_stmt_column_int64 (stmt, column++);
  self->number[PROP_UPDATED_AT] = xf_db_stmt_column_int64 (stmt, column++);
  self->number[PROP_VERSION] = xf_db_stmt_column_int64 (stmt, column++);
  TEXT (PROP_CANDIDATE_NAME);
  TEXT (PROP_CANDIDATE_KIND);
  TEXT (PROP_CANDIDATE_EMPLOYER);
  TEXT (PROP_CANDIDATE_REGION_CODE);
  TEXT (PROP_CAMPAIGN_TITLE);
  TEXT (PROP_STAGE_DUE_ON);
  if (full)
    {
      g_autoptr(GArray) ticked = NULL;

      TEXT (PROP_CASE_TEXT);
      ticked = _xf_nomination_checklist_from_json (xf_db_stmt_column_text (stmt, column++));
      _xf_nomination_set_checklist_state (self, ticked);
    }
#undef TEXT
  if (self->text[PROP_CASE_TEXT] == NULL)
    self->text[PROP_CASE_TEXT] = g_strdup ("");
  if (self->text[PROP_UNIT_CONTACT] == NULL)
    self->text[PROP_UNIT_CONTACT] = g_strdup ("");
  return self;
}
