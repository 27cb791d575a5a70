/* test-import.c — spreadsheet import: mapping, reading values, analysis
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "xf-audit.h"
#include "xf-error.h"
#include "xf-identity.h"
#include "xf-import.h"
#include "xf-import-private.h"
#include "xf-registry.h"
#include "xf-table.h"
#include "xf-test-import.h"
#include "xf-test-store.h"

/* The fixture of xf-test-import.h: a fresh store and an administrator's
 * registry with the organisations loaded. */
typedef XfTestImportFixture Fixture;
#define fixture_setup xf_test_import_setup
#define fixture_teardown xf_test_import_teardown

static const char *
field_of (XfImport   *import,
          const char *header)
{
  for (guint c = 0; c < xf_import_get_n_columns (import); c++)
    if (g_str_equal (xf_import_get_header (import, c), header))
      return xf_import_get_column_field (import, c);
  g_assert_not_reached ();
}

/* Headers */

static void
test_headers_chinese (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *id = xf_test_make_id_number ("330521", "19850302", 123);
  g_autofree char *csv = g_strdup_printf ("姓名（必填）,性别,出生年月,公民身份号码,手机号码,单位,职称,行业,所属区县,学历,民族,政治面貌,推荐单位,备注\n"
                                          "王建国,男,1985-03-02,%s,13812345678,德清电厂,高级技师,D,德清县,大学本科,汉族,中共党员,湖州市总工会,x\n", id);
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry, csv);

  g_assert_cmpint (xf_import_get_kind (import), ==, XF_IMPORT_KIND_INDIVIDUALS);
  g_assert_cmpstr (field_of (import, "姓名（必填）"), ==, "name");
  g_assert_cmpstr (field_of (import, "性别"), ==, "gender");
  g_assert_cmpstr (field_of (import, "出生年月"), ==, "birth-date");
  g_assert_cmpstr (field_of (import, "公民身份号码"), ==, "id-number");
  g_assert_cmpstr (field_of (import, "手机号码"), ==, "mobile");
  g_assert_cmpstr (field_of (import, "单位"), ==, "employer");
  g_assert_cmpstr (field_of (import, "职称"), ==, "position");
  g_assert_cmpstr (field_of (import, "行业"), ==, "industry");
  g_assert_cmpstr (field_of (import, "所属区县"), ==, "region-code");
  g_assert_cmpstr (field_of (import, "学历"), ==, "education");
  g_assert_cmpstr (field_of (import, "民族"), ==, "ethnicity");
  g_assert_cmpstr (field_of (import, "政治面貌"), ==, "political-status");
  g_assert_cmpstr (field_of (import, "推荐单位"), ==, "organisation-id");
  g_assert_null (field_of (import, "备注"));
  g_assert_false (xf_import_is_mapping_remembered (import));
}

static void
test_headers_english (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry,
                                                 " Name ,Gender,Date of Birth,ID Number (required),Mobile Phone,Employer,Region\n"
                                                 "Wang,M,1985/3/2,,,,330521\n");
  g_autoptr(GPtrArray) missing = NULL;

  g_assert_cmpstr (field_of (import, "Name"), ==, "name");
  g_assert_cmpstr (field_of (import, "Gender"), ==, "gender");
  g_assert_cmpstr (field_of (import, "Date of Birth"), ==, "birth-date");
  g_assert_cmpstr (field_of (import, "ID Number (required)"), ==, "id-number");
  g_assert_cmpstr (field_of (import, "Mobile Phone"), ==, "mobile");
  g_assert_cmpstr (field_of (import, "Region"), ==, "region-code");
  missing = xf_import_missing_required (import);
  g_assert_cmpuint (missing->len, ==, 0);
}

static void
test_normalise (void)
{
  g_autofree char *a = _xf_import_normalise_header ("姓名（必填）");
  g_autofree char *b = _xf_import_normalise_header (" Full  Name ");
  g_autofree char *c = _xf_import_normalise_header ("＊身份证号【18位】");

  g_assert_cmpstr (a, ==, "姓名");
  g_assert_cmpstr (b, ==, "fullname");
  g_assert_cmpstr (c, ==, "身份证号");
}

static void
test_kind_guess (Fixture       *fixture,
                 gconstpointer  data)
{
  struct { const char *csv; XfImportKind kind; } cases[] = {
    { "集体名称,统一社会信用代码,负责人,人数\n甲班组,,张三,12\n", XF_IMPORT_KIND_COLLECTIVES },
    { "姓名,身份证号码,荣誉称号,荣誉级别,获评年份\n王建国,,全国劳动模范,国家级,2020\n", XF_IMPORT_KIND_HONOURS },
    { "组织代码,组织名称,上级组织\nx-union,某工会,union\n", XF_IMPORT_KIND_ORGANISATIONS },
    { "姓名,性别,荣誉称号,获评年份\n王建国,男,全国劳动模范,2020\n", XF_IMPORT_KIND_INDIVIDUALS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry, cases[i].csv);

      g_assert_cmpint (xf_import_get_kind (import), ==, cases[i].kind);
    }
}

static void
test_no_mappable_column (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(XfImport) import = xf_import_new (fixture->registry);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("foo,bar\n1,2\n", 12);
  g_autoptr(GError) error = NULL;

  g_assert_false (xf_import_load_bytes (import, bytes, "odd.csv", NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_true (strstr (error->message, "File: no column") != NULL);
}

static void
test_remembered_mapping (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *csv = "姓名,专业方向,地区\n王建国,焊接,德清县\n";
  g_autoptr(XfImport) first = xf_test_load_csv (fixture->registry, csv);
  g_autoptr(XfImport) second = NULL;
  g_autoptr(XfImport) other_kind = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (field_of (first, "专业方向"));
  g_assert_true (xf_import_set_column_field (first, 1, "skills", &error));
  g_assert_no_error (error);
  /* Moving a field leaves its old column unmapped. */
  g_assert_true (xf_import_set_column_field (first, 2, "skills", &error));
  g_assert_null (xf_import_get_column_field (first, 1));
  g_assert_true (xf_import_set_column_field (first, 1, "skills", &error));
  g_assert_true (xf_import_set_column_field (first, 2, "region-code", &error));
  g_assert_false (xf_import_set_column_field (first, 2, "no-such-field", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (xf_import_remember_mapping (first, &error));
  g_assert_no_error (error);
  g_assert_true (xf_import_is_mapping_remembered (first));

  second = xf_test_load_csv (fixture->registry, csv);
  g_assert_cmpstr (field_of (second, "专业方向"), ==, "skills");
  g_assert_true (xf_import_is_mapping_remembered (second));
  g_assert_cmpint (xf_test_query_int64 (fixture->store,
                                        "SELECT count(*) FROM audit_log WHERE action = 'import-mapping'"), ==, 1);
  /* Remembered again: updated, not a second row. */
  g_assert_true (xf_import_remember_mapping (second, &error));
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT count(*) FROM import_mappings"), ==, 1);

  /* Another kind has its own mapping for the same headers. */
  xf_import_set_kind (second, XF_IMPORT_KIND_COLLECTIVES);
  g_assert_false (xf_import_is_mapping_remembered (second));
  g_assert_null (field_of (second, "专业方向"));
}

/* Readers */

static void
test_read_dates (void)
{
  const char *good[] = { "1985-03-02", "1985/3/2", "1985.3.2", "19850302", "1985年3月2日", "1985-3-2",
                         "1985-03-02T00:00:00" };
  const char *bad[] = { "1985-02-30", "85-3-2", "1985.3", "19850332", "yesterday", "1985年3月" };
  char out[11];

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (_xf_import_read_date (good[i], out));
      g_assert_cmpstr (out, ==, "1985-03-02");
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (_xf_import_read_date (bad[i], out));
}

static void
test_read_codes (void)
{
  g_assert_cmpstr (_xf_import_read_gender ("男"), ==, "male");
  g_assert_cmpstr (_xf_import_read_gender ("F"), ==, "female");
  g_assert_cmpstr (_xf_import_read_gender ("Female"), ==, "female");
  g_assert_null (_xf_import_read_gender ("?"));
  g_assert_cmpstr (_xf_import_read_level ("国家级"), ==, "national");
  g_assert_cmpstr (_xf_import_read_level ("省级"), ==, "provincial");
  g_assert_cmpstr (_xf_import_read_level ("City"), ==, "city");
  g_assert_cmpstr (_xf_import_read_level ("区县级"), ==, "county");
  g_assert_null (_xf_import_read_level ("世界级"));
  g_assert_cmpint (_xf_import_read_year ("2023"), ==, 2023);
  g_assert_cmpint (_xf_import_read_year ("2023年"), ==, 2023);
  g_assert_cmpint (_xf_import_read_year ("23"), ==, 0);
}

/* Labels and codes of every coded field go in as their codes. */
static void
test_read_labels (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry,
    "姓名,性别,民族,文化程度,政治面貌,所属行业,所在地区,所属组织\n"
    "甲,男,汉,大学本科,中共党员,D,德清县舞阳街道,湖州市总工会\n"
    "乙,female,Han,bachelor,01,\"Production and supply of electricity, heat, gas and water\",舞阳街道,union\n"
    "丙,女,01,Bachelor's degree,群众,电力、热力、燃气及水生产和供应业,330521002,Huzhou Federation of Trade Unions\n"
    "丁,男,汉族,大学本科,群众,D,Deqing County,湖州市总工会\n");
  g_autoptr(XfPioneer) pioneer = NULL;
  XfImportHonour honour = { 0 };

  xf_test_analyse (import);
  for (guint row = 0; row < 4; row++)
    {
      g_autoptr(XfPioneer) p = NULL;

      g_assert_cmpint (xf_import_get_row_state (import, row), ==, XF_IMPORT_ROW_NEW);
      p = _xf_import_build_pioneer (import, row, &honour, NULL);
      {
        g_autofree char *value = xf_pioneer_dup_field (p, "ethnicity");

        g_assert_cmpstr (value, ==, "01");
      }
      {
        g_autofree char *value = xf_pioneer_dup_field (p, "education");

        g_assert_cmpstr (value, ==, "bachelor");
      }
      g_assert_cmpstr (xf_pioneer_get_industry (p), ==, "D");
      g_assert_cmpint (xf_pioneer_get_organisation_id (p), !=, 0);
      if (row < 3)
        g_assert_cmpstr (xf_pioneer_get_region_code (p), ==, "330521002");
      else
        g_assert_cmpstr (xf_pioneer_get_region_code (p), ==, "330521");
    }
  pioneer = _xf_import_build_pioneer (import, 2, &honour, NULL);
  g_assert_cmpstr (xf_pioneer_get_gender (pioneer), ==, "female");
  {
    g_autofree char *value = xf_pioneer_dup_field (pioneer, "political-status");

    g_assert_cmpstr (value, ==, "13");
  }
}

/* Problems */

static const char *
problem_text (XfImport *import,
              guint     row)
{
  static char *joined;
  GPtrArray *problems = xf_import_get_row_problems (import, row);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "; " : "",
                            ((XfImportProblem *) g_ptr_array_index (problems, i))->message);
  g_free (joined);
  joined = g_strdup (text->str);
  return joined;
}

static void
test_problems (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *id = xf_test_make_id_number ("330521", "19850302", 123);
  g_autofree char *bad_id = g_strdup (id);
  g_autofree char *csv = NULL;
  g_autoptr(XfImport) import = NULL;
  g_autoptr(XfImportReport) report = NULL;
  struct { guint row; const char *field; const char *text; } expected[] = {
    { 0, "id-number", "Identity number: check character should be" },
    { 1, "region-code", "“火星” is not a known code" },
    { 2, "birth-date", "“1985-02-30” is not a date" },
    { 3, "mobile", "Mobile number" },
    { 4, "name", "Name is required" },
    { 5, "gender", "Gender does not match the identity number (the number says male)" },
    { 6, "organisation-id", "“某协会” is not a known organisation" },
    { 7, "education", "“博士后” is not a known code" },
  };

  bad_id[17] = bad_id[17] == '0' ? '1' : '0';
  csv = g_strdup_printf ("姓名,性别,出生日期,身份证号码,手机,所在地区,所属组织,文化程度\n"
                         "甲,,,%s,,德清县,,\n"
                         "乙,,,,,火星,,\n"
                         "丙,,1985-02-30,,,德清县,,\n"
                         "丁,,,,12345,德清县,,\n"
                         ",男,,,,德清县,,\n"
                         "戊,女,,%s,,德清县,,\n"
                         "己,,,,,德清县,某协会,\n"
                         "庚,,,,,德清县,,博士后\n",
                         bad_id, id);
  import = xf_test_load_csv (fixture->registry, csv);
  xf_test_analyse (import);
  g_assert_cmpuint (xf_import_count_rows (import, XF_IMPORT_ROW_PROBLEM), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GPtrArray *problems = xf_import_get_row_problems (import, expected[i].row);
      XfImportProblem *problem;

      g_assert_cmpint (xf_import_get_row_state (import, expected[i].row), ==, XF_IMPORT_ROW_PROBLEM);
      g_assert_cmpuint (problems->len, >=, 1);
      problem = g_ptr_array_index (problems, 0);
      g_assert_cmpstr (problem->field, ==, expected[i].field);
      g_assert_cmpuint (problem->column, ==, _xf_import_field_column (import, expected[i].field));
      if (strstr (problem_text (import, expected[i].row), expected[i].text) == NULL)
        g_error ("Row %u: “%s” lacks “%s”", expected[i].row, problem_text (import, expected[i].row),
                 expected[i].text);
    }

  report = xf_import_get_report (import);
  g_assert_false (report->committed);
  g_assert_cmpuint (report->rows, ==, 8);
  g_assert_cmpuint (report->problems, ==, 8);
  g_assert_cmpuint (report->created, ==, 0);
  g_assert_cmpuint (report->left_out->len, ==, 8);
  /* Lines of the file: the header is line 1. */
  g_assert_cmpuint (((XfImportLeftOut *) g_ptr_array_index (report->left_out, 0))->line, ==, 2);
  g_assert_cmpuint (((XfImportLeftOut *) g_ptr_array_index (report->left_out, 7))->line, ==, 9);
  g_assert_nonnull (strstr (((XfImportLeftOut *) g_ptr_array_index (report->left_out, 1))->reason, "火星"));
  /* The report never shows an identity number. */
  for (guint i = 0; i < report->left_out->len; i++)
    g_assert_null (strstr (((XfImportLeftOut *) g_ptr_array_index (report->left_out, i))->reason, id));
}

static void
test_identity_derived (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *id = xf_test_make_id_number ("330521", "19900704", 124);
  g_autofree char *csv = g_strdup_printf ("姓名,身份证号,地区\n李娜,%s,德清县\n", id);
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry, csv);
  g_autoptr(GError) error = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *gender = NULL;

  xf_test_analyse (import);
  g_assert_cmpint (xf_import_get_row_state (import, 0), ==, XF_IMPORT_ROW_NEW);
  g_assert_true (xf_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  birth = xf_test_query_text (fixture->store, "SELECT birth_date FROM pioneers WHERE name = '李娜'");
  gender = xf_test_query_text (fixture->store, "SELECT gender FROM pioneers WHERE name = '李娜'");
  g_assert_cmpstr (birth, ==, "1990-07-04");
  g_assert_cmpstr (gender, ==, "female");
}

static void
test_contradiction (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = xf_test_make_id_number ("330521", "19900704", 124);
  g_autofree char *csv = g_strdup_printf ("姓名,出生日期,身份证号,地区\n李娜,1990-07-05,%s,德清县\n", id);
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry, csv);

  xf_test_analyse (import);
  g_assert_cmpint (xf_import_get_row_state (import, 0), ==, XF_IMPORT_ROW_PROBLEM);
  g_assert_nonnull (strstr (problem_text (import, 0),
                            "Birth date does not match the identity number (the number says 1990-07-04)"));
}

static void
test_scope (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(XfAccount) clerk = xf_account_new ("deqing", "Deqing clerk");
  g_autoptr(XfRegistry) registry = NULL;
  g_autoptr(XfImport) import = NULL;
  g_autoptr(GError) error = NULL;

  xf_account_add_grant (clerk, XF_ROLE_CLERK, XF_SCOPE_REGION, "330521");
  registry = xf_registry_new (fixture->store, clerk);
  import = xf_test_load_csv (registry, "姓名,地区\n德清人,德清县\n安吉人,安吉县\n无处人,\n");
  xf_test_analyse (import);
  g_assert_cmpint (xf_import_get_row_state (import, 0), ==, XF_IMPORT_ROW_NEW);
  g_assert_cmpint (xf_import_get_row_state (import, 1), ==, XF_IMPORT_ROW_PROBLEM);
  g_assert_cmpint (xf_import_get_row_state (import, 2), ==, XF_IMPORT_ROW_PROBLEM);
  g_assert_nonnull (strstr (problem_text (import, 1), "deqing"));
  /* The file is not refused: the good row goes in. */
  g_assert_true (xf_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT count(*) FROM pioneers"), ==, 1);
}

/* Duplicates */

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *id = xf_test_make_id_number ("330521", "19850302", 123);
  g_autofree char *id2 = xf_test_make_id_number ("330521", "19860101", 125);
  g_autofree char *csv = NULL;
  g_autoptr(XfPioneer) stored = xf_test_save_individual (fixture->registry, "王建国", id, "330521");
  g_autoptr(XfPioneer) stored2 = xf_test_save_individual (fixture->registry, "赵六", NULL, "330521");
  g_autoptr(XfImport) import = NULL;
  g_autoptr(XfImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_pioneer_set_field (stored2, "birth-date", "1970-01-01", NULL));
  g_assert_true (xf_registry_save_pioneer (fixture->registry, stored2, &error));
  g_assert_no_error (error);
  csv = g_strdup_printf ("姓名,出生日期,身份证号码,地区\n"
                         "王建国,,%s,德清县\n"       /* same identity number */
                         "赵六,1970/1/1,,德清县\n"   /* same name and birth date */
                         "钱七,,%s,德清县\n"
                         "钱七,,%s,德清县\n",       /* repeats line 4 */
                         id, id2, id2);
  import = xf_test_load_csv (fixture->registry, csv);
  xf_test_analyse (import);
  g_assert_cmpint (xf_import_get_row_state (import, 0), ==, XF_IMPORT_ROW_DUPLICATE);
  g_assert_cmpstr (xf_import_get_row_duplicate_uid (import, 0), ==, xf_pioneer_get_uid (stored));
  g_assert_cmpstr (xf_import_get_row_duplicate_label (import, 0), ==, "王建国 (1985-03-02)");
  g_assert_cmpint (xf_import_get_row_state (import, 1), ==, XF_IMPORT_ROW_DUPLICATE);
  g_assert_cmpstr (xf_import_get_row_duplicate_uid (import, 1), ==, xf_pioneer_get_uid (stored2));
  g_assert_cmpint (xf_import_get_row_state (import, 2), ==, XF_IMPORT_ROW_NEW);
  g_assert_cmpint (xf_import_get_row_state (import, 3), ==, XF_IMPORT_ROW_PROBLEM);
  g_assert_cmpstr (problem_text (import, 3), ==, "Repeats line 4");
  g_assert_null (xf_import_get_row_duplicate_uid (import, 2));

  report = xf_import_get_report (import);
  g_assert_cmpuint (report->created, ==, 1);
  g_assert_cmpuint (report->duplicates, ==, 2);
  g_assert_cmpuint (report->problems, ==, 1);
  {
    guint counts[XF_IMPORT_ROW_SKIPPED + 1];

    xf_import_set_skipped (import, 2, TRUE);
    xf_import_count_states (import, counts);
    g_assert_cmpuint (counts[XF_IMPORT_ROW_NEW], ==, 0);
    g_assert_cmpuint (counts[XF_IMPORT_ROW_DUPLICATE], ==, 2);
    g_assert_cmpuint (counts[XF_IMPORT_ROW_PROBLEM], ==, 1);
    g_assert_cmpuint (counts[XF_IMPORT_ROW_MERGE], ==, 0);
    g_assert_cmpuint (counts[XF_IMPORT_ROW_SKIPPED], ==, 1);
    xf_import_set_skipped (import, 2, FALSE);
    xf_import_count_states (import, counts);
    g_assert_cmpuint (counts[XF_IMPORT_ROW_NEW], ==, 1);
    g_assert_cmpuint (counts[XF_IMPORT_ROW_SKIPPED], ==, 0);
  }

  /* A fix that frees the repeat makes it new. */
  g_assert_true (xf_import_set_cell (import, 3, 2, "", &error));
  g_assert_true (xf_import_set_cell (import, 3, 0, "孙八", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (xf_import_get_cell (import, 3, 0), ==, "孙八");
  g_assert_cmpint (xf_import_get_row_state (import, 3), ==, XF_IMPORT_ROW_NEW);
}

/* Reports before and after */

static void
test_set_cell_and_skip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry,
                                                 "姓名,手机,地区\n甲,1381234567,德清县\n乙,13812345679,德清县\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(XfImportReport) report = NULL;

  xf_test_analyse (import);
  g_assert_cmpint (xf_import_get_row_state (import, 0), ==, XF_IMPORT_ROW_PROBLEM);
  g_assert_true (xf_import_set_cell (import, 0, 1, "13812345678", &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_import_get_row_state (import, 0), ==, XF_IMPORT_ROW_NEW);
  g_assert_cmpuint (xf_import_get_row_problems (import, 0)->len, ==, 0);
  xf_import_set_skipped (import, 1, TRUE);
  g_assert_cmpint (xf_import_get_row_state (import, 1), ==, XF_IMPORT_ROW_SKIPPED);
  report = xf_import_get_report (import);
  g_assert_cmpuint (report->created, ==, 1);
  g_assert_cmpuint (report->skipped, ==, 1);
  g_assert_true (xf_import_commit (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_test_query_int64 (fixture->store,
                                        "SELECT count(*) FROM pioneers WHERE mobile = '13812345678'"), ==, 1);
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT count(*) FROM pioneers"), ==, 1);
  g_assert_false (xf_import_set_cell (import, 0, 1, "x", &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
}

static void
test_left_out_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry,
                                                 "姓名,手机,地区\n甲,123,德清县\n乙,13812345679,德清县\n");
  g_autofree char *dir = g_dir_make_tmp ("xf-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "left-out.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  xf_test_analyse (import);
  g_assert_true (xf_import_write_left_out (import, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf" "Line,Reason,姓名,手机,地区\r\n2,"));
  g_assert_nonnull (strstr (contents, ",甲,123,德清县\r\n"));
  g_assert_null (strstr (contents, "乙"));
  g_unlink (path);
  g_rmdir (dir);
}

/* XLSX: dates come back as YYYY-MM-DD, text cells stay text. */
static void
test_xlsx (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(XfTable) table = xf_table_new ("名单");
  g_autoptr(XfImport) import = xf_import_new (fixture->registry);
  g_autofree char *dir = g_dir_make_tmp ("xf-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "名单.xlsx", NULL);
  g_autofree char *id = xf_test_make_id_number ("330521", "19850302", 123);
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  guint row;

  xf_table_add_column (table, "姓名", XF_TABLE_TEXT);
  xf_table_add_column (table, "出生日期", XF_TABLE_DATE);
  xf_table_add_column (table, "身份证号码", XF_TABLE_TEXT);
  xf_table_add_column (table, "人数", XF_TABLE_INTEGER);
  xf_table_add_column (table, "所在地区", XF_TABLE_TEXT);
  row = xf_table_add_row (table);
  xf_table_set_text (table, row, 0, "王建国");
  xf_table_set_text (table, row, 1, "1985-03-02");
  xf_table_set_text (table, row, 2, id);
  xf_table_set_number (table, row, 3, 3);
  xf_table_set_text (table, row, 4, "德清县");
  g_assert_true (xf_table_write_xlsx (table, path, &error));
  g_assert_no_error (error);

  g_assert_true (xf_import_load (import, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (xf_import_get_file_name (import), ==, "名单.xlsx");
  description = xf_import_describe_file (import);
  g_assert_cmpstr (description, ==, "XLSX");
  g_assert_cmpint (xf_import_get_kind (import), ==, XF_IMPORT_KIND_INDIVIDUALS);
  g_assert_cmpstr (xf_import_get_cell (import, 0, 1), ==, "1985-03-02");
  g_assert_cmpstr (xf_import_get_cell (import, 0, 2), ==, id);
  g_assert_cmpuint (xf_import_get_row_line (import, 0), ==, 2);
  xf_test_analyse (import);
  g_assert_cmpint (xf_import_get_row_state (import, 0), ==, XF_IMPORT_ROW_NEW);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/import/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/import/normalise", test_normalise);
  g_test_add_func ("/import/read-dates", test_read_dates);
  g_test_add_func ("/import/read-codes", test_read_codes);
  ADD ("headers-chinese", test_headers_chinese);
  ADD ("headers-english", test_headers_english);
  ADD ("kind-guess", test_kind_guess);
  ADD ("no-mappable-column", test_no_mappable_column);
  ADD ("remembered-mapping", test_remembered_mapping);
  ADD ("read-labels", test_read_labels);
  ADD ("problems", test_problems);
  ADD ("identity-derived", test_identity_derived);
  ADD ("contradiction", test_contradiction);
  ADD ("scope", test_scope);
  ADD ("duplicates", test_duplicates);
  ADD ("set-cell-and-skip", test_set_cell_and_skip);
  ADD ("left-out-file", test_left_out_file);
  ADD ("xlsx", test_xlsx);

  return g_test_run ();
}
