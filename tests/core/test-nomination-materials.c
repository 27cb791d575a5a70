/* test-nomination-materials.c — materials, and the case withheld from the committee
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-test-nominations.h"

/*
 * Materials
 */

static void
test_materials (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) content = g_bytes_new_static ("推荐表内容", strlen ("推荐表内容"));
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GBytes) too_big = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  g_autofree char *tamper = NULL;
  g_autofree char *forged = g_base64_encode ((const guchar *) "伪造", strlen ("伪造"));
  gint64 id = draft (fixture, fixture->deqing);
  gint64 audit = xf_test_count_audit (fixture->store);
  XfMaterial *material;
  gint64 material_id;

  g_assert_true (xf_evaluation_add_material (fixture->admin, id, "推荐表.pdf", "application/pdf",
                                             content, &error));
  g_assert_no_error (error);
  g_assert_true (xf_evaluation_add_material (fixture->admin, id, "事迹.docx", NULL, content, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xf_test_count_audit (fixture->store), ==, audit + 2);

  list = xf_evaluation_list_materials (fixture->admin, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  /* By file name. */
  material = g_ptr_array_index (list, 1);
  g_assert_cmpstr (material->file_name, ==, "推荐表.pdf");
  g_assert_cmpstr (material->content_type, ==, "application/pdf");
  g_assert_cmpint (material->size, ==, g_bytes_get_size (content));
  g_assert_cmpstr (material->sha256, ==, sha256);
  g_assert_cmpstr (material->added_by, ==,
                   xf_account_get_display_name (xf_evaluation_get_actor (fixture->admin)));
  g_assert_cmpstr (((XfMaterial *) g_ptr_array_index (list, 0))->content_type, ==,
                   "application/octet-stream");
  material_id = material->id;

  read = xf_evaluation_read_material (fixture->admin, material_id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, content));

  /* Too big, or without a name. */
  too_big = g_bytes_new_take (g_malloc0 (XF_MATERIAL_MAX_SIZE + 1), XF_MATERIAL_MAX_SIZE + 1);
  g_assert_false (xf_evaluation_add_material (fixture->admin, id, "扫描件.tif", NULL, too_big, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "扫描件.tif"));
  g_clear_error (&error);
  g_assert_false (xf_evaluation_add_material (fixture->admin, id, " ", NULL, content, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_INVALID);
  g_clear_error (&error);

  /* Changed in the database behind the application's back. */
  tamper = g_strdup_printf ("UPDATE nomination_materials SET content = '%s' WHERE id = %" G_GINT64_FORMAT,
                            forged, material_id);
  g_assert_true (xf_db_exec (xf_store_get_db (fixture->store), tamper, &error));
  g_assert_no_error (error);
  g_assert_null (xf_evaluation_read_material (fixture->admin, material_id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_true (xf_evaluation_remove_material (fixture->admin, material_id, &error));
  g_assert_no_error (error);
  g_assert_null (xf_evaluation_read_material (fixture->admin, material_id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Once submitted, the materials are fixed. */
  act_ok (fixture->admin, id, XF_ACTION_SUBMIT, NULL);
  g_assert_false (xf_evaluation_add_material (fixture->admin, id, "补充.pdf", NULL, content, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
  g_clear_error (&error);
  material_id = ((XfMaterial *) g_ptr_array_index (list, 0))->id;
  g_assert_false (xf_evaluation_remove_material (fixture->admin, material_id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_WORKFLOW);
}

/* A committee member reads the case and materials only once declared. */
static void
test_case_withheld (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(XfAccount) chair = xf_test_add_account (fixture->store, "chair", XF_ROLE_REVIEWER,
                                                    XF_SCOPE_ALL, NULL);
  g_autoptr(XfAccount) member = xf_test_add_account (fixture->store, "member", XF_ROLE_REVIEWER,
                                                     XF_SCOPE_ALL, NULL);
  g_autoptr(XfEvaluation) as_chair = xf_test_evaluation_new (fixture->store, chair);
  g_autoptr(XfEvaluation) as_member = xf_test_evaluation_new (fixture->store, member);
  g_autoptr(GPtrArray) committee = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_committee_member_free);
  g_autoptr(GBytes) content = g_bytes_new_static ("推荐表", strlen ("推荐表"));
  g_autoptr(XfReviewRound) round = NULL;
  g_autoptr(XfNomination) seen = NULL;
  g_autoptr(GPtrArray) materials = NULL;
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = draft (fixture, fixture->deqing);
  gint64 material_id;

  g_ptr_array_add (committee, xf_committee_member_new (xf_account_get_id (chair), TRUE));
  g_ptr_array_add (committee, xf_committee_member_new (xf_account_get_id (member), FALSE));
  g_assert_true (xf_evaluation_set_committee (fixture->admin, fixture->campaign, committee, &error));
  g_assert_no_error (error);
  g_assert_true (xf_evaluation_add_material (fixture->admin, id, "推荐表.pdf", NULL, content, &error));
  g_assert_no_error (error);
  materials = xf_evaluation_list_materials (fixture->admin, id, &error);
  material_id = ((XfMaterial *) g_ptr_array_index (materials, 0))->id;
  g_clear_pointer (&materials, g_ptr_array_unref);
  act_ok (fixture->admin, id, XF_ACTION_SUBMIT, NULL);
  xf_test_to_committee (fixture->admin, id);
  round = xf_evaluation_open_round (as_chair, fixture->campaign, &error);
  g_assert_no_error (error);
  g_assert_nonnull (round);

  seen = get (as_member, id);
  g_assert_true (xf_nomination_get_case_withheld (seen));
  g_assert_cmpstr (xf_nomination_get_case_text (seen), ==, "");
  materials = xf_evaluation_list_materials (as_member, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (materials->len, ==, 0);
  g_clear_pointer (&materials, g_ptr_array_unref);
  g_assert_null (xf_evaluation_read_material (as_member, material_id, &error));
  g_assert_error (error, XF_ERROR, XF_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_clear_object (&seen);
  /* Others are not held back. */
  seen = get (fixture->admin, id);
  g_assert_false (xf_nomination_get_case_withheld (seen));
  g_assert_cmpstr (xf_nomination_get_case_text (seen), ==, "先进事迹材料。");
  g_clear_object (&seen);

  g_assert_true (xf_evaluation_declare (as_member, round->id, id, FALSE, NULL, &error));
  g_assert_no_error (error);
  seen = get (as_member, id);
  g_assert_false (xf_nomination_get_case_withheld (seen));
  g_assert_cmpstr (xf_nomination_get_case_text (seen), ==, "先进事迹材料。");
  materials = xf_evaluation_list_materials (as_member, id, &error);
  g_assert_cmpuint (materials->len, ==, 1);
  read = xf_evaluation_read_material (as_member, material_id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, content));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_nominations_test ("materials", test_materials);
  add_nominations_test ("case-withheld", test_case_withheld);

  return g_test_run ();
}
