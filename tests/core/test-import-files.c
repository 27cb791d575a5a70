/* test-import-files.c — import of lists as offices send them: a title row
 * above the header, header cells with notes and line breaks, a totals row
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-error.h"
#include "xf-import.h"
#include "xf-import-private.h"
#include "xf-registry.h"
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
  return NULL;
}

/* Real lists start with a title and a blank row; the header is found below */
static void
test_title_row (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *id = xf_test_make_id_number ("330521", "19850302", 123);
  g_autofree char *csv = g_strdup_printf ("2026年湖州市劳动模范推荐名单,,,,\n"
                                          ",,,,\n"
                                          "序号,姓名,性别,\"出生日期\n（年月日）\",身份证号（18位）\n"
                                          "1,王建国,男,1985年3月2日,%s\n"
                                          "2,李秀英,女,1990/5/6,\n", id);
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry, csv);

  g_assert_cmpint (xf_import_get_kind (import), ==, XF_IMPORT_KIND_INDIVIDUALS);
  g_assert_cmpuint (xf_import_get_n_columns (import), ==, 5);
  g_assert_cmpstr (xf_import_get_header (import, 0), ==, "序号");
  g_assert_cmpstr (field_of (import, "姓名"), ==, "name");
  g_assert_cmpstr (field_of (import, "出生日期\n（年月日）"), ==, "birth-date");
  g_assert_cmpstr (field_of (import, "身份证号（18位）"), ==, "id-number");
  /* the title is neither a header nor a row */
  g_assert_cmpuint (xf_import_get_n_rows (import), ==, 2);
  g_assert_cmpuint (xf_import_get_row_line (import, 0), ==, 5);
  g_assert_cmpuint (xf_import_get_row_line (import, 1), ==, 6);
  xf_test_analyse (import);
  g_assert_cmpint (xf_import_get_row_state (import, 0), ==, XF_IMPORT_ROW_NEW);
  g_assert_cmpint (xf_import_get_row_state (import, 1), ==, XF_IMPORT_ROW_NEW);
  g_assert_cmpuint (xf_import_get_totals_line (import), ==, 0);
}

/* Headers no synonym knows (mapped with --map) stay the first row */
static void
test_unknown_headers_first (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(XfImport) import = xf_import_new (fixture->registry);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("Quux,Frob\nA,B\nC,D\n", 18);
  g_autoptr(GError) error = NULL;

  g_assert_false (xf_import_load_bytes (import, bytes, "list.csv", NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpuint (xf_import_get_n_columns (import), ==, 2);
  g_assert_cmpstr (xf_import_get_header (import, 0), ==, "Quux");
  g_assert_cmpuint (xf_import_get_n_rows (import), ==, 2);
  g_assert_cmpuint (xf_import_get_row_line (import, 0), ==, 2);
}

/* A title deeper than ten records is not looked for */
static void
test_title_too_deep (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(XfImport) import = xf_import_new (fixture->registry);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 10; i++)
    g_string_append_printf (csv, "说明 %u,\n", i);
  g_string_append (csv, "姓名,性别\n王建国,男\n");
  bytes = g_bytes_new (csv->str, csv->len);
  g_assert_false (xf_import_load_bytes (import, bytes, "list.csv", NULL, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_cmpstr (xf_import_get_header (import, 0), ==, "说明 0");
}

/* A single known column is a header too */
static void
test_single_column (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry, "名单\n姓名\n王建国\n");

  g_assert_cmpstr (field_of (import, "姓名"), ==, "name");
  g_assert_cmpuint (xf_import_get_n_rows (import), ==, 1);
  g_assert_cmpuint (xf_import_get_row_line (import, 0), ==, 3);
}

/* The last row sums the list up: noted, not a record, not a problem */
static void
test_totals_row (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry,
                                                 "序号,姓名,性别,出生日期\n"
                                                 "1,王建国,男,1985-03-02\n"
                                                 "2,李秀英,女,1990-05-06\n"
                                                 ",,,\n"
                                                 "合计,2人,,\n");
  g_autoptr(XfImportReport) report = NULL;

  g_assert_cmpuint (xf_import_get_n_rows (import), ==, 2);
  g_assert_cmpuint (xf_import_get_totals_line (import), ==, 5);
  xf_test_analyse (import);
  report = xf_import_get_report (import);
  g_assert_cmpuint (report->rows, ==, 2);
  g_assert_cmpuint (report->left_out->len, ==, 0);
}

static void
test_totals_variants (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct { const char *last; guint64 totals; } cases[] = {
    { "3,总计：,,", 3 },
    { "小计,共2人,,", 3 },
    { "合计,2,,", 3 },
    /* a person's row is never a totals row */
    { "合计,张三,男,1980-01-01", 0 },
    { "3,赵六,男,1980-01-01", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *csv = g_strdup_printf ("序号,姓名,性别,出生日期\n1,王建国,男,1985-03-02\n%s\n",
                                              cases[i].last);
      g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry, csv);

      g_test_message ("%s", cases[i].last);
      g_assert_cmpuint (xf_import_get_totals_line (import), ==, cases[i].totals);
      g_assert_cmpuint (xf_import_get_n_rows (import), ==, cases[i].totals != 0 ? 1 : 2);
    }
}

/* Our own export of organisations is read back as organisations */
static void
test_organisations_export_headers (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry,
                                                 "\xEF\xBB\xBFOrganisation code,Organisation name,English name,"
                                                 "Organisation type,Parent organisation\n"
                                                 "agriculture,湖州市农业农村局,Huzhou Agriculture and Rural Affairs Bureau,"
                                                 "department,\n");

  g_assert_cmpint (xf_import_get_kind (import), ==, XF_IMPORT_KIND_ORGANISATIONS);
  g_assert_cmpstr (field_of (import, "Organisation code"), ==, "code");
  g_assert_cmpstr (field_of (import, "Organisation name"), ==, "name");
  g_assert_cmpstr (field_of (import, "Parent organisation"), ==, "parent-code");
}

/* Honours lists name the year 年度 and the level 授予级别 */
static void
test_honours_headers (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry,
                                                 "2025年度荣誉汇总表\n"
                                                 "序号,姓名,身份证号码,荣誉称号,授予年度,授予级别,授予机关\n"
                                                 "1,王建国,330521198503021234,五一劳动奖章,2025,省部级,浙江省总工会\n");

  g_assert_cmpint (xf_import_get_kind (import), ==, XF_IMPORT_KIND_HONOURS);
  g_assert_cmpstr (field_of (import, "授予年度"), ==, "year");
  g_assert_cmpstr (field_of (import, "授予级别"), ==, "level");
  g_assert_cmpstr (field_of (import, "授予机关"), ==, "conferring-body");
  g_assert_cmpuint (xf_import_get_row_line (import, 0), ==, 3);
}

/* Excel keeps 15 significant digits: an identity number stored as a number
 * comes back as 3.3052119850302E+17; the message says what to do */
static void
test_numeric_identity_number (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry,
                                                 "姓名,性别,出生日期,身份证号\n"
                                                 "王建国,男,1985-03-02,3.3052119850302E+17\n"
                                                 "李秀英,女,1990-05-06,330521199005061000.0\n");
  GPtrArray *problems;

  xf_test_analyse (import);
  for (guint r = 0; r < 2; r++)
    {
      const XfImportProblem *problem;

      g_assert_cmpint (xf_import_get_row_state (import, r), ==, XF_IMPORT_ROW_PROBLEM);
      problems = xf_import_get_row_problems (import, r);
      g_assert_cmpuint (problems->len, ==, 1);
      problem = g_ptr_array_index (problems, 0);
      g_assert_cmpstr (problem->field, ==, "id-number");
      g_assert_nonnull (strstr (problem->message, "stored as a number"));
      g_assert_nonnull (strstr (problem->message, "format the column as text"));
    }
}

/* A default export masks identity numbers and mobiles: importing it again
 * says so and what to do, rather than "* is not a digit". */
static void
test_masked_personal_data (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry,
                                                 "姓名,性别,出生日期,身份证号,手机\n"
                                                 "王建国,男,1985-03-02,330521********1234,\n"
                                                 "李秀英,女,1990-05-06,,138****5678\n");
  const char * const fields[] = { "id-number", "mobile" };

  xf_test_analyse (import);
  for (guint r = 0; r < 2; r++)
    {
      GPtrArray *problems = xf_import_get_row_problems (import, r);
      const XfImportProblem *problem;

      g_assert_cmpint (xf_import_get_row_state (import, r), ==, XF_IMPORT_ROW_PROBLEM);
      g_assert_cmpuint (problems->len, ==, 1);
      problem = g_ptr_array_index (problems, 0);
      g_assert_cmpstr (problem->field, ==, fields[r]);
      g_assert_nonnull (strstr (problem->message, "is masked"));
      g_assert_nonnull (strstr (problem->message, "--with-personal"));
    }
}

/* A CSV saved from a sheet without a date style holds Excel's serial
 * numbers: 31108 is 1985-03-02. Numbers out of the plausible range stay
 * problems. */
static void
test_excel_serial_dates (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry,
                                                 "姓名,性别,出生日期\n"
                                                 "王建国,男,31108\n"
                                                 "李秀英,女,99999\n");
  char out[11];

  g_assert_true (_xf_import_read_date ("31108", out));
  g_assert_cmpstr (out, ==, "1985-03-02");
  g_assert_true (_xf_import_read_date ("10000", out));
  g_assert_cmpstr (out, ==, "1927-05-18");
  g_assert_false (_xf_import_read_date ("09999", out));
  g_assert_false (_xf_import_read_date ("73051", out));

  xf_test_analyse (import);
  g_assert_cmpint (xf_import_get_row_state (import, 0), ==, XF_IMPORT_ROW_NEW);
  g_assert_cmpint (xf_import_get_row_state (import, 1), ==, XF_IMPORT_ROW_PROBLEM);
}

/* Two collectives of one name with their own credit codes are two units,
 * not a repeat; without codes the name is all there is to go by. */
static void
test_same_named_collectives (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *code1 = xf_test_make_credit_code (7001);
  g_autofree char *code2 = xf_test_make_credit_code (7002);
  g_autofree char *csv = g_strdup_printf ("集体名称,统一社会信用代码,负责人,人数\n"
                                          "质检班组,%s,张三,12\n"
                                          "质检班组,%s,李四,8\n"
                                          "装配班组,,王五,6\n"
                                          "装配班组,,赵六,7\n", code1, code2);
  g_autoptr(XfImport) import = xf_test_load_csv (fixture->registry, csv);

  g_assert_cmpint (xf_import_get_kind (import), ==, XF_IMPORT_KIND_COLLECTIVES);
  xf_test_analyse (import);
  g_assert_cmpint (xf_import_get_row_state (import, 0), ==, XF_IMPORT_ROW_NEW);
  g_assert_cmpint (xf_import_get_row_state (import, 1), ==, XF_IMPORT_ROW_NEW);
  g_assert_cmpint (xf_import_get_row_state (import, 2), ==, XF_IMPORT_ROW_NEW);
  g_assert_cmpint (xf_import_get_row_state (import, 3), ==, XF_IMPORT_ROW_PROBLEM);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import-files/title-row", Fixture, NULL, fixture_setup, test_title_row, fixture_teardown);
  g_test_add ("/import-files/unknown-headers-first", Fixture, NULL, fixture_setup,
              test_unknown_headers_first, fixture_teardown);
  g_test_add ("/import-files/title-too-deep", Fixture, NULL, fixture_setup, test_title_too_deep,
              fixture_teardown);
  g_test_add ("/import-files/single-column", Fixture, NULL, fixture_setup, test_single_column,
              fixture_teardown);
  g_test_add ("/import-files/totals-row", Fixture, NULL, fixture_setup, test_totals_row, fixture_teardown);
  g_test_add ("/import-files/totals-variants", Fixture, NULL, fixture_setup, test_totals_variants,
              fixture_teardown);
  g_test_add ("/import-files/organisations-export-headers", Fixture, NULL, fixture_setup,
              test_organisations_export_headers, fixture_teardown);
  g_test_add ("/import-files/honours-headers", Fixture, NULL, fixture_setup, test_honours_headers,
              fixture_teardown);
  g_test_add ("/import-files/numeric-identity-number", Fixture, NULL, fixture_setup,
              test_numeric_identity_number, fixture_teardown);
  g_test_add ("/import-files/masked-personal-data", Fixture, NULL, fixture_setup,
              test_masked_personal_data, fixture_teardown);
  g_test_add ("/import-files/excel-serial-dates", Fixture, NULL, fixture_setup,
              test_excel_serial_dates, fixture_teardown);
  g_test_add ("/import-files/same-named-collectives", Fixture, NULL, fixture_setup,
              test_same_named_collectives, fixture_teardown);
  return g_test_run ();
}
