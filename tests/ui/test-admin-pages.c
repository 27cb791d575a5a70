/* test-admin-pages.c — the accounts page, the audit page and revealing
 * personal data in a profile
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-account-dialog.h"
#include "xf-accounts-page.h"
#include "xf-audit-item.h"
#include "xf-audit-page.h"
#include "xf-date-button.h"
#include "xf-error.h"
#include "xf-grant-row.h"
#include "xf-identity.h"
#include "xf-password.h"
#include "xf-reference.h"
#include "xf-profile-page.h"
#include "xf-test-store.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"

/* Verifications record the chain's head under $XDG_STATE_HOME: a
 * temporary one, set before GLib reads it. */
static char *state_dir;

typedef struct
{
  char       *dir;
  char       *path;
  XfStore    *store;
  XfAccounts *accounts;
  XfAccount  *admin;
  XfAccount  *auditor;
  XfAccount  *reviewer;
  XfRegistry *registry;   /* of the page shown */
  GtkWindow  *window;
  GtkWidget  *page;
} AdminFixture;

static XfAccount *
sign_in (AdminFixture *fixture,
         const char   *login)
{
  g_autoptr(GError) error = NULL;
  XfAccount *account = xf_accounts_sign_in (fixture->accounts, login, "xianfeng", &error);

  g_assert_no_error (error);
  g_assert_nonnull (account);
  return account;
}

static void
admin_set_up (AdminFixture  *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = xf_test_make_dir ();
  fixture->path = xf_test_make_db (fixture->dir, "admin.db", 6, 1);
  fixture->store = xf_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->accounts = xf_accounts_new (fixture->store);
  xf_accounts_create_demo (fixture->accounts, &error);
  g_assert_no_error (error);
  /* Sign-ins are in the trail too, each by its own person. */
  fixture->admin = sign_in (fixture, "admin");
  fixture->auditor = sign_in (fixture, "auditor");
  fixture->reviewer = sign_in (fixture, "reviewer");
}

static void
admin_tear_down (AdminFixture  *fixture,
                 gconstpointer  data)
{
  xf_test_close_dialogs (XF_TYPE_ACCOUNT_DIALOG);
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  xf_test_iterate (20);
  g_clear_object (&fixture->registry);
  g_clear_object (&fixture->admin);
  g_clear_object (&fixture->auditor);
  g_clear_object (&fixture->reviewer);
  g_clear_object (&fixture->accounts);
  g_clear_object (&fixture->store);
  xf_test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Shows @page (made for a registry acting as @actor) in a window. */
static void
show_page (AdminFixture *fixture,
           GtkWidget    *page,
           int           width,
           int           height)
{
  fixture->page = page;
  fixture->window = xf_test_show_in_window (page, width, height);
}

/*
 * The accounts page
 */

static void
show_accounts_page (AdminFixture *fixture)
{
  fixture->registry = xf_registry_new (fixture->store, fixture->admin);
  show_page (fixture, xf_accounts_page_new (fixture->registry), 900, 700);
}

static GtkWidget *
accounts_child (AdminFixture *fixture,
                const char   *name)
{
  return xf_test_template_child (fixture->page, XF_TYPE_ACCOUNTS_PAGE, name);
}

static AdwActionRow *
account_row (AdminFixture *fixture,
             const char   *login)
{
  GtkWidget *list = accounts_child (fixture, "list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), login) == 0)
      return ADW_ACTION_ROW (row);
  return NULL;
}

static guint
count_rows (AdminFixture *fixture)
{
  GtkWidget *list = accounts_child (fixture, "list");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static void
test_accounts_list (AdminFixture  *fixture,
                    gconstpointer  data)
{
  const char *logins[] = { "admin", "auditor", "clerk", "dispatcher", "reviewer" };
  AdwActionRow *clerk;

  show_accounts_page (fixture);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (accounts_child (fixture, "list_stack"))),
                   ==, "list");
  g_assert_cmpuint (count_rows (fixture), ==, G_N_ELEMENTS (logins));
  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    g_assert_nonnull (account_row (fixture, logins[i]));
  clerk = account_row (fixture, "clerk");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (clerk), xf_role_get_label (XF_ROLE_CLERK)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (accounts_child (fixture, "count_label"))), "5"));
}

static XfAccountDialog *
open_new_account_dialog (AdminFixture *fixture)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (fixture->page, "accounts.add", NULL));
  dialog = xf_test_find_toplevel (XF_TYPE_ACCOUNT_DIALOG);
  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  return XF_ACCOUNT_DIALOG (dialog);
}

static void
set_row_text (XfAccountDialog *dialog,
              const char      *name,
              const char      *text)
{
  GtkWidget *row = xf_test_template_child (dialog, XF_TYPE_ACCOUNT_DIALOG, name);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
fill_new_clerk (XfAccountDialog *dialog,
                const char      *password)
{
  set_row_text (dialog, "display_name_row", "沈丽华");
  set_row_text (dialog, "login_row", "shenlihua");
  set_row_text (dialog, "password_row", password);
  set_row_text (dialog, "repeat_row", password);
}

static void
test_accounts_add_clerk (AdminFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(XfGrant) deqing = xf_grant_new (XF_ROLE_CLERK, XF_SCOPE_REGION, "330521");
  XfAccountDialog *dialog;
  GtkWidget *grant_row;
  g_autoptr(XfAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *grants;
  XfGrant *grant;

  show_accounts_page (fixture);
  dialog = open_new_account_dialog (fixture);
  fill_new_clerk (dialog, "Lotus-pond-1987");

  /* "Add Role", then Deqing County as the place. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "account.add-grant", NULL));
  grant_row = xf_test_find_widget (GTK_WIDGET (dialog), XF_TYPE_GRANT_ROW, NULL);
  g_assert_nonnull (grant_row);
  xf_grant_row_set_grant (XF_GRANT_ROW (grant_row), deqing);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (xf_test_find_widget (grant_row,
                                                                                   GTK_TYPE_DROP_DOWN,
                                                                                   "place"))),
                    >, 0);
  xf_test_iterate (50);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "account.save", NULL));
  g_assert_null (xf_test_find_toplevel (XF_TYPE_ACCOUNT_DIALOG));

  account = xf_accounts_get (fixture->accounts, fixture->admin, "shenlihua", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_account_get_display_name (account), ==, "沈丽华");
  grants = xf_account_get_grants (account);
  g_assert_cmpuint (grants->len, ==, 1);
  grant = g_ptr_array_index (grants, 0);
  g_assert_cmpint (grant->role, ==, XF_ROLE_CLERK);
  g_assert_cmpint (grant->scope, ==, XF_SCOPE_REGION);
  g_assert_cmpstr (grant->value, ==, "330521");

  /* The new account is listed, with its place named. */
  g_assert_cmpuint (count_rows (fixture), ==, 6);
  g_assert_nonnull (account_row (fixture, "shenlihua"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (account_row (fixture, "shenlihua")),
                           xf_reference_label (xf_reference_get_default (NULL), XF_REFERENCE_REGIONS,
                                               "330521")));
}

static void
test_accounts_weak_password (AdminFixture  *fixture,
                             gconstpointer  data)
{
  XfAccountDialog *dialog;
  GtkWidget *password_row;
  g_autoptr(XfAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) strength = NULL;

  show_accounts_page (fixture);
  dialog = open_new_account_dialog (fixture);
  fill_new_clerk (dialog, "abc");
  password_row = xf_test_template_child (dialog, XF_TYPE_ACCOUNT_DIALOG, "password_row");

  /* Feedback while typing, then a refusal naming the field. */
  g_assert_true (gtk_widget_has_css_class (xf_test_template_child (dialog, XF_TYPE_ACCOUNT_DIALOG,
                                                                   "strength_label"), "warning"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "account.save", NULL));
  g_assert_true (xf_test_find_toplevel (XF_TYPE_ACCOUNT_DIALOG) == GTK_WINDOW (dialog));
  g_assert_nonnull (xf_account_dialog_get_error (dialog));
  /* Core's own words for what is wrong with the password. */
  g_assert_false (xf_password_check_strength ("abc", "shenlihua", &strength));
  g_assert_cmpstr (xf_account_dialog_get_error (dialog), ==, strength->message);
  g_assert_true (gtk_widget_has_css_class (password_row, "error"));

  account = xf_accounts_get (fixture->accounts, fixture->admin, "shenlihua", &error);
  g_assert_null (account);
  g_assert_error (error, XF_ERROR, XF_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_rows (fixture), ==, 5);
}

/* Answers @dialog as its button would, and closes it. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static gboolean
has_badge (AdwActionRow *row,
           const char   *text)
{
  return xf_test_find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, text) != NULL;
}

static void
test_accounts_disable (AdminFixture  *fixture,
                       gconstpointer  data)
{
  AdwMessageDialog *dialog;
  g_autoptr(XfAccount) clerk = NULL;
  g_autoptr(GError) error = NULL;

  show_accounts_page (fixture);
  g_assert_false (has_badge (account_row (fixture, "clerk"), _("Disabled")));

  /* Asked first; cancelling changes nothing. */
  g_assert_true (gtk_widget_activate_action (fixture->page, "accounts.disable", "s", "clerk"));
  dialog = xf_test_find_message_dialog (_("Disable Account?"));
  g_assert_nonnull (dialog);
  respond (dialog, "cancel");
  clerk = xf_accounts_get (fixture->accounts, fixture->admin, "clerk", &error);
  g_assert_no_error (error);
  g_assert_false (xf_account_get_disabled (clerk));
  g_clear_object (&clerk);

  g_assert_true (gtk_widget_activate_action (fixture->page, "accounts.disable", "s", "clerk"));
  dialog = xf_test_find_message_dialog (_("Disable Account?"));
  g_assert_nonnull (dialog);
  respond (dialog, "disable");
  clerk = xf_accounts_get (fixture->accounts, fixture->admin, "clerk", &error);
  g_assert_no_error (error);
  g_assert_true (xf_account_get_disabled (clerk));
  g_assert_true (has_badge (account_row (fixture, "clerk"), _("Disabled")));

  /* And back. */
  g_assert_true (gtk_widget_activate_action (fixture->page, "accounts.enable", "s", "clerk"));
  dialog = xf_test_find_message_dialog (_("Enable Account?"));
  g_assert_nonnull (dialog);
  respond (dialog, "enable");
  g_clear_object (&clerk);
  clerk = xf_accounts_get (fixture->accounts, fixture->admin, "clerk", &error);
  g_assert_no_error (error);
  g_assert_false (xf_account_get_disabled (clerk));
  g_assert_false (has_badge (account_row (fixture, "clerk"), _("Disabled")));
}

static void
test_accounts_reset_password (AdminFixture  *fixture,
                              gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  g_autofree char *password = NULL;
  g_autoptr(XfAccount) clerk = NULL;
  g_autoptr(GError) error = NULL;

  show_accounts_page (fixture);
  g_assert_true (gtk_widget_activate_action (fixture->page, "accounts.reset-password", "s", "clerk"));
  dialog = xf_test_find_message_dialog (_("Reset Password?"));
  g_assert_nonnull (dialog);

  /* A strong temporary password is offered; a weak one cannot be set. */
  entry = xf_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, _("Temporary password"));
  g_assert_nonnull (entry);
  password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  g_assert_cmpuint (strlen (password), ==, 14);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "reset"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "clerk");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reset"));
  gtk_editable_set_text (GTK_EDITABLE (entry), password);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "reset"));

  respond (dialog, "reset");

  /* The clerk signs in with it, and must change it. */
  clerk = xf_accounts_sign_in (fixture->accounts, "clerk", password, &error);
  g_assert_no_error (error);
  g_assert_true (xf_account_get_must_change_password (clerk));
}

/*
 * The audit page
 */

static void
show_audit_page (AdminFixture *fixture)
{
  fixture->registry = xf_registry_new (fixture->store, fixture->auditor);
  show_page (fixture, xf_audit_page_new (fixture->registry), 1200, 760);
}

static GtkWidget *
audit_child (AdminFixture *fixture,
             const char   *name)
{
  return xf_test_template_child (fixture->page, XF_TYPE_AUDIT_PAGE, name);
}

static GListModel *
audit_model (AdminFixture *fixture)
{
  return xf_audit_page_get_model (XF_AUDIT_PAGE (fixture->page));
}

static const XfAuditEntry *
entry_at (AdminFixture *fixture,
          guint         position)
{
  g_autoptr(XfAuditItem) item = g_list_model_get_item (audit_model (fixture), position);

  /* The model keeps the item, and so the entry. */
  return xf_audit_item_get_entry (item);
}

static void
test_audit_list (AdminFixture  *fixture,
                 gconstpointer  data)
{
  guint n;

  show_audit_page (fixture);

  n = g_list_model_get_n_items (audit_model (fixture));
  g_assert_cmpuint (n, >, 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (audit_child (fixture, "list_stack"))),
                   ==, "list");
  /* Newest first: the reviewer signed in last. */
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (entry_at (fixture, i - 1)->seq, >, entry_at (fixture, i)->seq);
  g_assert_cmpstr (entry_at (fixture, 0)->actor_login, ==, "reviewer");
  g_assert_cmpstr (entry_at (fixture, 0)->action, ==, XF_AUDIT_SIGN_IN);
}

typedef struct
{
  GListModel *model;
  guint       n;
} ModelWait;

static gboolean
model_changed_from (gpointer data)
{
  ModelWait *wait = data;

  return g_list_model_get_n_items (wait->model) != wait->n;
}

static guint
action_index (const char *code)
{
  const char * const *codes = xf_audit_action_codes ();

  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      return i + 1;
  g_assert_not_reached ();
}

static void
test_audit_filters (AdminFixture  *fixture,
                    gconstpointer  data)
{
  GtkWidget *person = NULL;
  ModelWait wait;
  guint n_all, n_person, n;

  show_audit_page (fixture);
  n_all = g_list_model_get_n_items (audit_model (fixture));
  person = audit_child (fixture, "person_entry");

  /* By person: only what the reviewer did. */
  wait = (ModelWait) { audit_model (fixture), n_all };
  gtk_editable_set_text (GTK_EDITABLE (person), "reviewer");
  g_assert_true (xf_test_wait_until (model_changed_from, &wait, 3000));
  n_person = g_list_model_get_n_items (audit_model (fixture));
  g_assert_cmpuint (n_person, >, 0);
  g_assert_cmpuint (n_person, <, n_all);
  for (guint i = 0; i < n_person; i++)
    g_assert_cmpstr (entry_at (fixture, i)->actor_login, ==, "reviewer");

  /* Everyone again, then by action: the three sign-ins of the set-up. */
  gtk_editable_set_text (GTK_EDITABLE (person), "");
  xf_test_iterate (400);
  g_assert_cmpuint (g_list_model_get_n_items (audit_model (fixture)), ==, n_all);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (audit_child (fixture, "action_dropdown")),
                              action_index (XF_AUDIT_SIGN_IN));
  n = g_list_model_get_n_items (audit_model (fixture));
  g_assert_cmpuint (n, ==, 3);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (entry_at (fixture, i)->action, ==, XF_AUDIT_SIGN_IN);

  /* A day before everything leaves nothing, and says so. */
  xf_date_button_set_date (XF_DATE_BUTTON (audit_child (fixture, "to_button")), "2001-01-01");
  g_assert_cmpuint (g_list_model_get_n_items (audit_model (fixture)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (audit_child (fixture, "list_stack"))),
                   ==, "empty");

  g_assert_true (gtk_widget_activate_action (fixture->page, "audit.clear-filters", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (audit_model (fixture)), ==, n_all);
}

static gboolean
page_idle (gpointer data)
{
  return !xf_audit_page_get_busy (XF_AUDIT_PAGE (data));
}

static void
verify (AdminFixture *fixture)
{
  xf_audit_page_verify (XF_AUDIT_PAGE (fixture->page));
  g_assert_true (xf_audit_page_get_busy (XF_AUDIT_PAGE (fixture->page)));
  g_assert_true (xf_test_wait_until (page_idle, fixture->page, 20000));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (audit_child (fixture, "result_revealer"))));
}

/* A morning's work, so the trail shows more than the set-up: a clerk
 * edits a file, an auditor reveals a number, the reviewer signs out. */
static void
add_history (AdminFixture *fixture)
{
  g_autoptr(XfAccount) clerk = sign_in (fixture, "clerk");
  g_autoptr(XfRegistry) as_clerk = xf_registry_new (fixture->store, clerk);
  g_autoptr(XfRegistry) as_auditor = xf_registry_new (fixture->store, fixture->auditor);
  gint64 id = xf_test_query_int64 (fixture->store,
                                   "SELECT min(id) FROM pioneers WHERE kind = 'individual'");
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;

  pioneer = xf_registry_get_pioneer (as_clerk, id, &error);
  g_assert_no_error (error);
  g_object_set (pioneer, "employer", "浙江德清莫干山电力设备有限公司", "position", "高级技师", NULL);
  xf_registry_save_pioneer (as_clerk, pioneer, &error);
  g_assert_no_error (error);
  plain = xf_registry_reveal_personal (as_auditor, id, "id-number", &error);
  g_assert_no_error (error);
  xf_accounts_sign_out (fixture->accounts, fixture->reviewer);
}

static void
test_audit_verify (AdminFixture  *fixture,
                   gconstpointer  data)
{
  GtkWidget *title, *label;
  g_autoptr(XfDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seq = NULL;

  add_history (fixture);
  show_audit_page (fixture);
  title = audit_child (fixture, "result_title");
  label = audit_child (fixture, "result_label");

  verify (fixture);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (title)), ==, _("The audit trail is intact"));
  g_assert_true (gtk_widget_has_css_class (title, "success"));
  gtk_widget_set_size_request (GTK_WIDGET (fixture->window), -1, -1);

  /* Someone with the file edits the trail behind the application's back. */
  db = xf_db_open (fixture->path, XF_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  xf_db_exec (db, "DROP TRIGGER audit_log_no_update", &error);
  g_assert_no_error (error);
  xf_db_exec (db, "UPDATE audit_log SET new_value = 'forged' WHERE seq = 3", &error);
  g_assert_no_error (error);

  verify (fixture);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (title)), ==, _("The audit trail has been tampered with"));
  g_assert_true (gtk_widget_has_css_class (title, "error"));
  /* The problem names the first broken link. */
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "3"));
}

static void
test_audit_export (AdminFixture  *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "trail.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 n_before = xf_test_query_int64 (fixture->store, "SELECT count(*) FROM audit_log");

  show_audit_page (fixture);

  xf_audit_page_export (XF_AUDIT_PAGE (fixture->page), file);
  g_assert_true (xf_test_wait_until (page_idle, fixture->page, 20000));

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  /* A byte order mark for spreadsheets, the header, then one line per entry. */
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "seq,at,actor_login"));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, n_before + 1);
  /* The export is recorded, and the page shows it. */
  g_assert_cmpint (xf_test_query_int64 (fixture->store, "SELECT count(*) FROM audit_log"), ==, n_before + 1);
  g_assert_cmpstr (entry_at (fixture, 0)->action, ==, XF_AUDIT_EXPORT);
}

/*
 * Revealing personal data in a profile
 */

/* A Deqing worker with an identity number and a mobile; @masked_id is set
 * to the number as the registry masks it. */
static gint64
save_pioneer (AdminFixture  *fixture,
              char         **masked_id)
{
  g_autoptr(XfRegistry) registry = xf_registry_new (fixture->store, fixture->admin);
  g_autoptr(XfPioneer) pioneer = xf_pioneer_new ("individual");
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GError) error = NULL;
  const char *first17 = "33052119880512013";
  g_autofree char *id_number = g_strdup_printf ("%s%c", first17, xf_identity_id_check_char (first17));
  XfIdentityFacts facts;

  g_assert_true (xf_identity_check_id_number (id_number, &facts, NULL));
  organisations = xf_registry_list_organisations (registry, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (organisations->len, >, 0);
  g_object_set (pioneer,
                "name", "沈建国",
                "id-number", id_number,
                "mobile", "13857201234",
                "gender", facts.gender,
                "birth-date", facts.birth_date,
                "region-code", "330521",
                "organisation-id", ((XfOrganisationInfo *) g_ptr_array_index (organisations, 0))->id,
                "industry", "C",
                NULL);
  xf_test_set_sample_story (pioneer);
  xf_registry_save_pioneer (registry, pioneer, &error);
  g_assert_no_error (error);
  if (masked_id != NULL)
    *masked_id = g_strdup_printf ("%.6s********%s", id_number, id_number + 14);
  return xf_pioneer_get_id (pioneer);
}

static void
show_profile (AdminFixture *fixture,
              XfAccount    *actor,
              gint64        pioneer_id)
{
  fixture->registry = xf_registry_new (fixture->store, actor);
  show_page (fixture, xf_profile_page_new (fixture->registry), 820, 900);
  xf_profile_page_set_pioneer_id (XF_PROFILE_PAGE (fixture->page), pioneer_id);
  xf_test_iterate (50);
}

static gint64
count_reveals (AdminFixture *fixture)
{
  return xf_test_query_int64 (fixture->store, "SELECT count(*) FROM audit_log WHERE action = 'reveal'");
}

static void
test_reveal_auditor (AdminFixture  *fixture,
                     gconstpointer  data)
{
  g_autofree char *masked_id = NULL;
  gint64 pioneer_id = save_pioneer (fixture, &masked_id);
  GtkWidget *button;
  gint64 reveals;

  show_profile (fixture, fixture->auditor, pioneer_id);
  g_assert_nonnull (xf_test_find_widget (fixture->page, GTK_TYPE_LABEL, masked_id));
  button = xf_test_find_named (fixture->page, "reveal_id-number_button");
  g_assert_nonnull (button);
  g_assert_nonnull (xf_test_find_named (fixture->page, "reveal_mobile_button"));
  g_assert_nonnull (xf_test_find_widget (fixture->page, GTK_TYPE_LABEL, "138****1234"));
  g_assert_null (xf_test_find_widget (fixture->page, GTK_TYPE_LABEL, "13857201234"));

  reveals = count_reveals (fixture);
  g_assert_true (gtk_widget_activate_action (fixture->page, "profile.reveal-personal", "s", "mobile"));
  g_assert_nonnull (xf_test_find_widget (fixture->page, GTK_TYPE_LABEL, "13857201234"));
  g_assert_null (xf_test_find_named (fixture->page, "reveal_mobile_button"));
  g_assert_cmpint (count_reveals (fixture), ==, reveals + 1);

  /* The button does the same for the identity number (the rows were
   * made anew, the button too). */
  button = xf_test_find_named (fixture->page, "reveal_id-number_button");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_null (xf_test_find_widget (fixture->page, GTK_TYPE_LABEL, masked_id));
  g_assert_null (xf_test_find_named (fixture->page, "reveal_id-number_button"));
  g_assert_cmpint (count_reveals (fixture), ==, reveals + 2);
}

static void
test_reveal_reviewer (AdminFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *masked_id = NULL;
  gint64 pioneer_id = save_pioneer (fixture, &masked_id);

  show_profile (fixture, fixture->reviewer, pioneer_id);
  g_assert_nonnull (xf_test_find_widget (fixture->page, GTK_TYPE_LABEL, masked_id));
  g_assert_nonnull (xf_test_find_widget (fixture->page, GTK_TYPE_LABEL, "138****1234"));
  g_assert_null (xf_test_find_named (fixture->page, "reveal_id-number_button"));
  g_assert_null (xf_test_find_named (fixture->page, "reveal_mobile_button"));

  /* A reviewer may not change the file, and is told why: the role, not the database. */
  g_assert_null (xf_test_find_widget (fixture->page, GTK_TYPE_LABEL,
                                      "The database is open read-only: this file cannot be changed."));
  {
    g_autoptr(XfPioneer) pioneer = xf_registry_get_pioneer (fixture->registry, pioneer_id, NULL);
    g_autoptr(GError) denied = NULL;
    GtkWidget *label;

    g_assert_false (xf_registry_check (fixture->registry, XF_OP_PIONEER_EDIT, pioneer, &denied));
    g_assert_nonnull (strstr (denied->message, "may not edit pioneer files"));
    label = xf_test_find_widget (fixture->page, GTK_TYPE_LABEL, denied->message);
    g_assert_nonnull (label);
    g_assert_true (gtk_widget_is_visible (label));
  }
}

/* The window narrows to 360 pixels, and its page stack is as wide as its
 * widest page: neither page, filled, may ask for more. */
static void
test_narrow (AdminFixture  *fixture,
             gconstpointer  data)
{
  GtkWidget *(*new_page[]) (XfRegistry *) = { xf_audit_page_new, xf_accounts_page_new };

  fixture->registry = xf_registry_new (fixture->store, fixture->admin);
  for (guint i = 0; i < G_N_ELEMENTS (new_page); i++)
    {
      GtkWindow *window = GTK_WINDOW (gtk_window_new ());
      int minimum = 0;

      gtk_window_set_default_size (window, 360, 600);
      gtk_window_set_child (window, new_page[i] (fixture->registry));
      xf_test_show_window (window);
      gtk_widget_measure (gtk_window_get_child (window), GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum, NULL, NULL, NULL);
      g_assert_cmpint (minimum, <=, 360);
      gtk_window_destroy (window);
    }
}

/*
 * In the window: who sees which page
 */

/* Signs @login in to the window's application, as the sign-in page does. */
static void
begin_session (XfApplication *app,
               const char    *login)
{
  g_autoptr(XfAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  xf_application_sign_out (app);
  account = xf_accounts_sign_in (xf_application_get_accounts (app), login, "xianfeng", &error);
  g_assert_no_error (error);
  g_assert_true (xf_application_begin_session (app, account, &error));
  g_assert_no_error (error);
  xf_test_iterate (50);
}

/* Chooses the page's row in the sidebar, as a click does. */
static void
open_page (XfWindow   *window,
           const char *name)
{
  GtkWidget *row = xf_window_get_sidebar_row (window, name);
  GtkWidget *list = gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX);

  g_assert_nonnull (list);
  gtk_list_box_select_row (GTK_LIST_BOX (list), GTK_LIST_BOX_ROW (row));
  g_signal_emit_by_name (list, "row-activated", row);
  xf_test_iterate (100);
}

static void
test_window_pages (AdminFixture  *fixture,
                   gconstpointer  data)
{
  XfTestWindow ui = { 0 };
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  add_history (fixture);
  xf_test_window_set_up (&ui, NULL);
  g_assert_true (xf_application_open_database (ui.app, fixture->path, FALSE, &error));
  g_assert_no_error (error);
  xf_test_window_show (&ui, 1280, 800);

  /* A reviewer has neither page. */
  begin_session (ui.app, "reviewer");
  g_assert_null (xf_window_get_page (ui.window, "audit"));
  g_assert_null (xf_window_get_page (ui.window, "accounts"));

  /* An auditor reads the trail but manages no accounts. */
  begin_session (ui.app, "auditor");
  g_assert_null (xf_window_get_page (ui.window, "accounts"));
  page = xf_window_get_page (ui.window, "audit");
  g_assert_true (XF_IS_AUDIT_PAGE (page));
  g_assert_nonnull (xf_window_get_sidebar_row (ui.window, "audit"));
  open_page (ui.window, "audit");
  g_assert_true (gtk_widget_get_mapped (page));
  xf_audit_page_verify (XF_AUDIT_PAGE (page));
  g_assert_true (xf_test_wait_until (page_idle, page, 20000));
  xf_test_iterate (100);
  xf_test_screenshot_in_language (GTK_WIDGET (ui.window), "audit");

  /* An administrator has both. */
  begin_session (ui.app, "admin");
  g_assert_true (XF_IS_AUDIT_PAGE (xf_window_get_page (ui.window, "audit")));
  page = xf_window_get_page (ui.window, "accounts");
  g_assert_true (XF_IS_ACCOUNTS_PAGE (page));
  open_page (ui.window, "accounts");
  g_assert_true (gtk_widget_get_mapped (page));

  xf_test_window_tear_down (&ui, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp_dir = NULL;
  int status;

  /* Before GLib reads and caches it. */
  tmp_dir = xf_test_make_dir ();
  state_dir = g_build_filename (tmp_dir, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);

  if (!xf_test_ui_init (&argc, &argv))
    return 0;
  xf_test_disable_animations ();

  g_test_add ("/ui/admin/accounts/list", AdminFixture, NULL,
              admin_set_up, test_accounts_list, admin_tear_down);
  g_test_add ("/ui/admin/accounts/add-clerk", AdminFixture, NULL,
              admin_set_up, test_accounts_add_clerk, admin_tear_down);
  g_test_add ("/ui/admin/accounts/weak-password", AdminFixture, NULL,
              admin_set_up, test_accounts_weak_password, admin_tear_down);
  g_test_add ("/ui/admin/accounts/disable", AdminFixture, NULL,
              admin_set_up, test_accounts_disable, admin_tear_down);
  g_test_add ("/ui/admin/accounts/reset-password", AdminFixture, NULL,
              admin_set_up, test_accounts_reset_password, admin_tear_down);
  g_test_add ("/ui/admin/audit/list", AdminFixture, NULL,
              admin_set_up, test_audit_list, admin_tear_down);
  g_test_add ("/ui/admin/audit/filters", AdminFixture, NULL,
              admin_set_up, test_audit_filters, admin_tear_down);
  g_test_add ("/ui/admin/audit/verify", AdminFixture, NULL,
              admin_set_up, test_audit_verify, admin_tear_down);
  g_test_add ("/ui/admin/audit/export", AdminFixture, NULL,
              admin_set_up, test_audit_export, admin_tear_down);
  g_test_add ("/ui/admin/reveal/auditor", AdminFixture, NULL,
              admin_set_up, test_reveal_auditor, admin_tear_down);
  g_test_add ("/ui/admin/narrow", AdminFixture, NULL,
              admin_set_up, test_narrow, admin_tear_down);
  g_test_add ("/ui/admin/window/pages", AdminFixture, NULL,
              admin_set_up, test_window_pages, admin_tear_down);
  g_test_add ("/ui/admin/reveal/reviewer", AdminFixture, NULL,
              admin_set_up, test_reveal_reviewer, admin_tear_down);

  status = g_test_run ();
  xf_test_remove_dir (tmp_dir);
  g_free (state_dir);
  return status;
}
