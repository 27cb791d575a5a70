/* test-services-catalogue.c — the service catalogue: seeding, editing, refusals
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-services.h"

static const struct
{
  const char *code;
  const char *name_zh;
} common_prosperity[] = {
  { "cp-epidemic-prevention", "疫情防控" },
  { "cp-enterprise-relief", "助企纾困" },
  { "cp-farmer-prosperity", "助农富农" },
  { "cp-mental-health", "心理健康" },
  { "cp-skill-training", "技能培训" },
  { "cp-technical-help", "技术帮扶" },
  { "cp-legal-aid", "法律援助" },
  { "cp-policy-lecture", "政策宣讲" },
  { "cp-elderly-child-care", "一老一小" },
  { "cp-community-volunteering", "社区志愿服务" },
};

static XfServiceItem *
item_at (GPtrArray *items,
         guint      index)
{
  g_assert_cmpuint (index, <, items->len);
  return g_ptr_array_index (items, index);
}

static XfServiceItem *
get_item (XfServices *services,
          const char *code)
{
  g_autoptr(GError) error = NULL;
  XfServiceItem *item = xf_services_get_item (services, code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
  return item;
}

static void
test_seed (ServicesFixture *fixture,
           gconstpointer    data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(XfServiceItem) legal = NULL;
  g_autoptr(XfServiceItem) lecture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *action = NULL;
  g_autofree char *count = NULL;
  gint64 audit = xf_test_count_audit (fixture->store);
  guint lifecycle = 0;

  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT count(*) FROM service_items"), ==, 0);
  items = xf_services_list_items (fixture->services, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 23);
  /* The ten common-prosperity services first, in the file's order. */
  for (guint i = 0; i < G_N_ELEMENTS (common_prosperity); i++)
    {
      XfServiceItem *item = item_at (items, i);

      g_assert_cmpstr (item->code, ==, common_prosperity[i].code);
      g_assert_cmpstr (item->name_zh, ==, common_prosperity[i].name_zh);
      g_assert_cmpstr (item->group, ==, XF_SERVICE_GROUP_COMMON_PROSPERITY);
      g_assert_null (item->stage);
      g_assert_true (item->active);
      g_assert_cmpint (item->id, >, 0);
      g_assert_cmpint (item->version, ==, 1);
    }
  for (guint i = G_N_ELEMENTS (common_prosperity); i < items->len; i++)
    {
      XfServiceItem *item = item_at (items, i);
      static const char * const stages[] = { "cultivate", "evaluate", "manage", "serve", "deploy", NULL };

      g_assert_true (g_str_has_prefix (item->code, "lc-"));
      g_assert_cmpstr (item->group, ==, XF_SERVICE_GROUP_LIFECYCLE);
      g_assert_true (g_strv_contains (stages, item->stage));
      g_assert_cmpstr (item->name_en, !=, "");
      g_assert_cmpstr (item->keywords, !=, "");
      lifecycle++;
    }
  g_assert_cmpuint (lifecycle, ==, 13);
  g_assert_cmpstr (item_at (items, 10)->code, ==, "lc-skill-appraisal-guidance");

  /* One audit entry for the whole seed. */
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit + 1);
  action = xf_test_query_text (fixture->store, "SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1");
  g_assert_cmpstr (action, ==, "seed");
  count = xf_test_query_text (fixture->store, "SELECT new_value FROM audit_log ORDER BY seq DESC LIMIT 1");
  g_assert_cmpstr (count, ==, "23");

  /* Read again: nothing seeded twice. */
  again = xf_services_list_items (fixture->services, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 23);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit + 1);
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT count(*) FROM service_items"), ==, 23);

  legal = get_item (fixture->services, "cp-legal-aid");
  g_assert_cmpstr (legal->name_en, ==, "Legal aid");
  g_assert_cmpstr (legal->name_zh, ==, "法律援助");
  g_assert_cmpstr (legal->industries, ==, "L S");
  g_assert_cmpstr (legal->response_unit, ==, XF_RESPONSE_DAYS);
  g_assert_cmpint (legal->response_amount, ==, 3);
  lecture = get_item (fixture->services, "cp-epidemic-prevention");
  g_assert_cmpstr (lecture->response_unit, ==, XF_RESPONSE_HOURS);
  g_assert_cmpint (lecture->response_amount, ==, 4);
  g_assert_null (xf_services_get_item (fixture->services, "cp-nothing", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
}

static void
test_edit (ServicesFixture *fixture,
           gconstpointer    data)
{
  g_autoptr(XfServiceItem) item = get_item (fixture->services, "cp-mental-health");
  g_autoptr(XfServiceItem) saved = NULL;
  g_autoptr(XfServiceItem) fresh = xf_service_item_new ();
  g_autoptr(XfServiceItem) stale = NULL;
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit = xf_test_count_audit (fixture->store);
  gint64 id;

  stale = xf_service_item_copy (item);
  g_free (item->name_en);
  item->name_en = g_strdup ("  Mental health support ");
  item->response_amount = 6;
  id = xf_services_save_item (fixture->services, item, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, item->id);
  saved = get_item (fixture->services, "cp-mental-health");
  g_assert_cmpstr (saved->name_en, ==, "Mental health support");
  g_assert_cmpint (saved->response_amount, ==, 6);
  g_assert_cmpint (saved->version, ==, 2);
  /* Field by field. */
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit + 2);
  g_assert_cmpint (xf_test_query_int64 (fixture->store,
                                        "SELECT count(*) FROM audit_log WHERE action = 'update'"
                                        " AND record_uid = 'cp-mental-health'"
                                        " AND field IN ('name-en', 'response-amount')"), ==, 2);

  /* A stale copy is refused and writes nothing. */
  audit = xf_test_count_audit (fixture->store);
  g_free (stale->name_zh);
  stale->name_zh = g_strdup ("心理关爱");
  g_assert_cmpint (xf_services_save_item (fixture->services, stale, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_CONFLICT);
  g_clear_error (&error);
  /* The code is fixed once created. */
  g_free (saved->code);
  saved->code = g_strdup ("cp-mind");
  g_assert_cmpint (xf_services_save_item (fixture->services, saved, &error), ==, 0);
  xf_test_services_assert_error (error, XF_ERROR_INVALID, "Code:");
  g_clear_error (&error);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);

  /* A new item goes after the others; its code is unique. */
  fresh->code = g_strdup ("lc-retirement-visits");
  g_free (fresh->group);
  fresh->group = g_strdup (XF_SERVICE_GROUP_LIFECYCLE);
  fresh->stage = g_strdup ("serve");
  fresh->name_en = g_strdup ("Visits to retired model workers");
  fresh->name_zh = g_strdup ("退休劳模走访");
  fresh->industries = g_strdup (" S  Q ");
  id = xf_services_save_item (fixture->services, fresh, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit + 1);
  g_assert_cmpint (xf_services_save_item (fixture->services, fresh, &error), ==, 0);
  g_assert_error (error, XF_ERROR, XF_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Withdrawn: listed only with the inactive ones. */
  g_clear_pointer (&saved, xf_service_item_free);
  saved = get_item (fixture->services, "lc-retirement-visits");
  g_assert_cmpstr (saved->industries, ==, "S Q");
  saved->active = FALSE;
  g_assert_cmpint (xf_services_save_item (fixture->services, saved, &error), ==, id);
  g_assert_no_error (error);
  active = xf_services_list_items (fixture->services, FALSE, &error);
  all = xf_services_list_items (fixture->services, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (active->len, ==, 23);
  g_assert_cmpuint (all->len, ==, 24);
  g_assert_cmpstr (item_at (all, 23)->code, ==, "lc-retirement-visits");
  g_assert_false (item_at (all, 23)->active);
}

static void
test_refused (ServicesFixture *fixture,
              gconstpointer    data)
{
  g_autoptr(XfServiceItem) item = get_item (fixture->services, "cp-legal-aid");
  XfRole roles[] = { XF_ROLE_CLERK, XF_ROLE_DISPATCHER, XF_ROLE_REVIEWER, XF_ROLE_AUDITOR };
  gint64 audit = xf_test_count_audit (fixture->store);

  g_free (item->name_en);
  item->name_en = g_strdup ("Free legal aid");
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *login = g_strdup_printf ("desk-%u", i);
      g_autoptr(XfServices) services = xf_test_services_as_in (fixture, login, roles[i], NULL);
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(GError) error = NULL;

      /* Everyone reads the catalogue; only administrators change it. */
      items = xf_services_list_items (services, FALSE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (items->len, ==, 23);
      g_assert_cmpint (xf_services_save_item (services, item, &error), ==, 0);
      g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
    }
  /* Account creation is audited too: count only the catalogue's entries. */
  g_assert_cmpint (xf_test_query_int64 (fixture->store,
                                        "SELECT count(*) FROM audit_log WHERE record_type = 'service-item'"
                                        " AND action <> 'seed'"), ==, 0);
  g_assert_cmpint (xf_test_count_audit (fixture->store), >=, audit);
}

typedef void (*Spoil) (XfServiceItem *item);

static void spoil_code_space (XfServiceItem *item) { g_free (item->code); item->code = g_strdup ("Bad Code"); }
static void spoil_code_dash (XfServiceItem *item) { g_free (item->code); item->code = g_strdup ("-cp"); }
static void spoil_code_empty (XfServiceItem *item) { g_free (item->code); item->code = g_strdup (""); }
static void spoil_name_en (XfServiceItem *item) { g_free (item->name_en); item->name_en = g_strdup ("   "); }
static void spoil_name_zh (XfServiceItem *item) { g_free (item->name_zh); item->name_zh = NULL; }
static void spoil_group (XfServiceItem *item) { g_free (item->group); item->group = g_strdup ("misc"); }
static void spoil_stage (XfServiceItem *item) { g_free (item->stage); item->stage = g_strdup ("retire"); }
static void spoil_unit (XfServiceItem *item) { g_free (item->response_unit); item->response_unit = g_strdup ("weeks"); }
static void spoil_hours (XfServiceItem *item) { g_free (item->response_unit); item->response_unit = g_strdup ("hours"); item->response_amount = 721; }
static void spoil_days (XfServiceItem *item) { item->response_amount = 61; }
static void spoil_zero (XfServiceItem *item) { item->response_amount = 0; }
static void spoil_industry (XfServiceItem *item) { g_free (item->industries); item->industries = g_strdup ("C Z"); }
/* Bytes that are not text: refused, and quoted as valid text. */
static void spoil_code_bytes (XfServiceItem *item) { g_free (item->code); item->code = g_strdup ("lc-\xff"); }
static void spoil_group_bytes (XfServiceItem *item) { g_free (item->group); item->group = g_strdup ("life\xc3"); }
static void spoil_unit_bytes (XfServiceItem *item) { g_free (item->response_unit); item->response_unit = g_strdup ("\xfe"); }
static void spoil_industry_bytes (XfServiceItem *item) { g_free (item->industries); item->industries = g_strdup ("C \xe5"); }
static void spoil_keywords_bytes (XfServiceItem *item) { g_free (item->keywords); item->keywords = g_strdup ("维修 \xe5"); }

static void
test_invalid (ServicesFixture *fixture,
              gconstpointer    data)
{
  static const struct { Spoil spoil; const char *message; } cases[] = {
    { spoil_code_space, "Code: “Bad Code” is not a code" },
    { spoil_code_dash, "Code: “-cp”" },
    { spoil_code_empty, "Code: “”" },
    { spoil_name_en, "English name: this is required" },
    { spoil_name_zh, "Chinese name: this is required" },
    { spoil_group, "Group: “misc”" },
    { spoil_stage, "Stage:" },
    { spoil_unit, "Response time: the unit is working hours or working days, not “weeks”" },
    { spoil_hours, "Response time: from 1 to 720 working hours, not 721" },
    { spoil_days, "Response time: from 1 to 60 working days, not 61" },
    { spoil_zero, "Response time: from 1 to 60 working days, not 0" },
    { spoil_industry, "Industries: “Z”" },
    { spoil_code_bytes, "Code: “" },
    { spoil_group_bytes, "Group: “" },
    { spoil_unit_bytes, "Response time: the unit is" },
    { spoil_industry_bytes, "Industries: “" },
    { spoil_keywords_bytes, "Keywords: not valid text" },
  };
  g_autoptr(GPtrArray) items = xf_services_list_items (fixture->services, TRUE, NULL);
  gint64 audit = xf_test_count_audit (fixture->store);

  g_assert_cmpuint (items->len, ==, 23);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XfServiceItem) item = xf_service_item_new ();
      g_autoptr(GError) error = NULL;

      item->code = g_strdup ("lc-new-item");
      item->stage = g_strdup ("deploy");
      item->name_en = g_strdup ("New item");
      item->name_zh = g_strdup ("新事项");
      item->industries = g_strdup ("C");
      cases[i].spoil (item);
      g_assert_cmpint (xf_services_save_item (fixture->services, item, &error), ==, 0);
      xf_test_services_assert_error (error, XF_ERROR_INVALID, cases[i].message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit);
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT count(*) FROM service_items"), ==, 23);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  add_offers_test ("/core/services/catalogue/seed", test_seed);
  add_offers_test ("/core/services/catalogue/edit", test_edit);
  add_offers_test ("/core/services/catalogue/refused", test_refused);
  add_offers_test ("/core/services/catalogue/invalid", test_invalid);
  return g_test_run ();
}
