/* test-sign-in.c — signing in, the first administrator, lockout and locking
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session widgets on their own (the countdown, the new-password rows,
 * the sign-in page, the change-password dialog), then the real window: the
 * first-run assistant, sign-in with a wrong and a right password, lockout,
 * a password to change, sign out, the idle lock that keeps what was typed,
 * and what a clerk does not see. With XIANFENG_SCREENSHOT_DIR set it saves
 * the sign-in page, the countdown, the assistant and the lock screen.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-accounts.h"
#include "xf-evaluation-page.h"
#include "xf-first-run-assistant.h"
#include "xf-lock-screen.h"
#include "xf-lockout-countdown.h"
#include "xf-new-password.h"
#include "xf-password.h"
#include "xf-password-dialog.h"
#include "xf-pioneer-editor.h"
#include "xf-preferences-window.h"
#include "xf-profile-page.h"
#include "xf-sign-in-page.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"
#include "xf-window-private.h"

#define DEMO_PASSWORD "xianfeng"

/* A store in @dir with the five demo accounts (password "xianfeng"). */
static XfStore *
open_store_with_demo_accounts (const char *dir)
{
  g_autofree char *path = xf_test_make_db (dir, "accounts.db", 3, 1);
  g_autoptr(XfStore) store = NULL;
  g_autoptr(XfAccounts) accounts = NULL;
  g_autoptr(GError) error = NULL;

  store = xf_store_open (path, &error);
  g_assert_no_error (error);
  accounts = xf_accounts_new (store);
  if (xf_accounts_count (accounts, &error) == 0)
    g_assert_true (xf_accounts_create_demo (accounts, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

/*
 * The countdown
 */

static gboolean
countdown_over (gpointer data)
{
  return !xf_lockout_countdown_get_locked (data);
}

static void
test_countdown (void)
{
  GtkWidget *countdown = xf_lockout_countdown_new ();
  GtkWindow *window = xf_test_show_in_window (countdown, 300, 100);
  XfLockoutCountdown *self = XF_LOCKOUT_COUNTDOWN (countdown);
  gint64 start = g_get_monotonic_time ();

  g_assert_false (gtk_widget_get_visible (countdown));
  g_assert_cmpstr (xf_lockout_countdown_get_text (self), ==, "");

  /* Minutes and seconds for a long wait. */
  xf_lockout_countdown_set_locked_until (self, g_get_real_time () + 125 * G_USEC_PER_SEC - 1000);
  g_assert_true (xf_lockout_countdown_get_locked (self));
  g_assert_true (gtk_widget_get_visible (countdown));
  g_assert_cmpstr (xf_lockout_countdown_get_text (self), ==, "Locked: try again in 2:05");

  /* Seconds, rounded up, ticking down to nothing. */
  xf_lockout_countdown_set_locked_until (self, g_get_real_time () + 2 * G_USEC_PER_SEC - 1000);
  g_assert_cmpstr (xf_lockout_countdown_get_text (self), ==, "Locked: try again in 2 seconds");
  xf_test_iterate (1200);
  g_assert_cmpstr (xf_lockout_countdown_get_text (self), ==, "Locked: try again in 1 second");
  g_assert_true (xf_test_wait_until (countdown_over, self, 3000));
  g_assert_false (gtk_widget_get_visible (countdown));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 2 * G_USEC_PER_SEC - 20000);

  /* A time already past is no lock. */
  xf_lockout_countdown_set_locked_until (self, g_get_real_time () - 1);
  g_assert_false (xf_lockout_countdown_get_locked (self));

  gtk_window_destroy (window);
}

/*
 * The new password, typed twice
 */

static void
test_new_password (void)
{
  GtkWidget *widget = xf_new_password_new ();
  GtkWindow *window = xf_test_show_in_window (widget, 400, 300);
  XfNewPassword *self = XF_NEW_PASSWORD (widget);
  GtkWidget *first = xf_test_template_child (widget, XF_TYPE_NEW_PASSWORD, "password_row");
  GtkWidget *second = xf_test_template_child (widget, XF_TYPE_NEW_PASSWORD, "repeat_row");
  g_autoptr(GError) error = NULL;

  xf_new_password_set_login (self, "wangjianguo");
  g_assert_false (xf_new_password_get_valid (self));

  /* Core's verdict, as typed. */
  gtk_editable_set_text (GTK_EDITABLE (first), "short");
  g_assert_false (xf_password_check_strength ("short", "wangjianguo", &error));
  g_assert_cmpstr (xf_new_password_get_feedback (self), ==, error->message);
  g_assert_true (gtk_widget_has_css_class (first, "error"));
  g_clear_error (&error);

  gtk_editable_set_text (GTK_EDITABLE (first), "WangJianGuo");
  g_assert_false (xf_password_check_strength ("WangJianGuo", "wangjianguo", &error));
  g_assert_cmpstr (xf_new_password_get_feedback (self), ==, error->message);
  g_clear_error (&error);

  gtk_editable_set_text (GTK_EDITABLE (first), "湖州德清舞阳灯塔");
  g_assert_false (gtk_widget_has_css_class (first, "error"));
  g_assert_cmpstr (xf_new_password_get_feedback (self), ==, "Strong enough. Type it again to be sure.");
  g_assert_false (xf_new_password_get_valid (self));

  gtk_editable_set_text (GTK_EDITABLE (second), "湖州德清舞阳");
  g_assert_cmpstr (xf_new_password_get_feedback (self), ==, "The two passwords do not match.");
  g_assert_true (gtk_widget_has_css_class (second, "error"));
  g_assert_false (xf_new_password_get_valid (self));

  gtk_editable_set_text (GTK_EDITABLE (second), "湖州德清舞阳灯塔");
  g_assert_true (xf_new_password_get_valid (self));
  g_assert_cmpstr (xf_new_password_get_password (self), ==, "湖州德清舞阳灯塔");

  xf_new_password_clear (self);
  g_assert_false (xf_new_password_get_valid (self));
  g_assert_cmpstr (xf_new_password_get_password (self), ==, "");

  gtk_window_destroy (window);
}

/*
 * The sign-in page on its own
 */

static gboolean
page_idle (gpointer data)
{
  return !xf_sign_in_page_get_busy (data);
}

static void
signed_in_cb (XfSignInPage  *page,
              XfAccount     *account,
              XfAccount    **out)
{
  g_set_object (out, account);
}

/* Types and signs in; the page may be gone after (the window drops it). */
static void
sign_in_with (GtkWidget  *page,
              const char *login,
              const char *password)
{
  g_autoptr(GtkWidget) hold = g_object_ref (page);

  gtk_editable_set_text (GTK_EDITABLE (xf_test_template_child (page, XF_TYPE_SIGN_IN_PAGE, "login_row")), login);
  gtk_editable_set_text (GTK_EDITABLE (xf_test_template_child (page, XF_TYPE_SIGN_IN_PAGE, "password_row")),
                         password);
  g_assert_true (gtk_widget_activate_action (page, "sign-in.sign-in", NULL));
  g_assert_true (xf_sign_in_page_get_busy (XF_SIGN_IN_PAGE (page)));
  g_assert_true (xf_test_wait_until (page_idle, page, 10000));
}

static void
test_page (void)
{
  g_autofree char *dir = xf_test_make_dir ();
  g_autoptr(XfStore) store = open_store_with_demo_accounts (dir);
  g_autoptr(XfAccounts) accounts = xf_accounts_new (store);
  g_autoptr(XfAccount) account = NULL;
  GtkWidget *page = xf_sign_in_page_new (accounts, "accounts.db");
  GtkWindow *window = xf_test_show_in_window (page, 800, 600);
  GtkWidget *button = xf_test_template_child (page, XF_TYPE_SIGN_IN_PAGE, "sign_in_button");
  GtkWidget *password_row = xf_test_template_child (page, XF_TYPE_SIGN_IN_PAGE, "password_row");

  g_signal_connect (page, "signed-in", G_CALLBACK (signed_in_cb), &account);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (xf_test_template_child (page, XF_TYPE_SIGN_IN_PAGE,
                                                                             "database_label"))),
                   ==, "accounts.db");

  /* Nothing to sign in with yet. */
  g_assert_false (gtk_widget_is_sensitive (button));
  xf_sign_in_page_set_login (XF_SIGN_IN_PAGE (page), "clerk");
  g_assert_false (gtk_widget_is_sensitive (button));

  /* A wrong password and an unknown login get the same message. */
  sign_in_with (page, "clerk", "not-the-password");
  g_assert_null (account);
  g_assert_cmpstr (xf_sign_in_page_get_error (XF_SIGN_IN_PAGE (page)), ==, _("Wrong login or password"));
  g_assert_true (gtk_widget_has_css_class (password_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (password_row)), ==, "");
  sign_in_with (page, "nobody", "not-the-password");
  g_assert_cmpstr (xf_sign_in_page_get_error (XF_SIGN_IN_PAGE (page)), ==, _("Wrong login or password"));

  /* The right one signs in. */
  sign_in_with (page, "clerk", DEMO_PASSWORD);
  g_assert_nonnull (account);
  g_assert_cmpstr (xf_account_get_login (account), ==, "clerk");
  g_assert_null (xf_sign_in_page_get_error (XF_SIGN_IN_PAGE (page)));

  gtk_window_destroy (window);
  xf_test_iterate (50);
  xf_test_remove_dir (dir);
}

/* Five failures lock the account: the countdown shows, Sign In waits. */
static void
test_page_lockout (void)
{
  g_autofree char *dir = xf_test_make_dir ();
  g_autoptr(XfStore) store = open_store_with_demo_accounts (dir);
  g_autoptr(XfAccounts) accounts = xf_accounts_new (store);
  g_autoptr(XfAccount) account = NULL;
  GtkWidget *page = xf_sign_in_page_new (accounts, "accounts.db");
  GtkWindow *window = xf_test_show_in_window (page, 800, 600);
  GtkWidget *button = xf_test_template_child (page, XF_TYPE_SIGN_IN_PAGE, "sign_in_button");
  XfLockoutCountdown *countdown = XF_LOCKOUT_COUNTDOWN (xf_test_template_child (page, XF_TYPE_SIGN_IN_PAGE,
                                                                                   "countdown"));
  g_autoptr(GRegex) pattern = g_regex_new ("^Locked: try again in (29|30) seconds$", 0, 0, NULL);
  g_autoptr(XfDbStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (page, "signed-in", G_CALLBACK (signed_in_cb), &account);
  for (guint i = 0; i < XF_ACCOUNTS_MAX_FAILURES; i++)
    sign_in_with (page, "clerk", "wrong-password");
  g_assert_true (xf_lockout_countdown_get_locked (countdown));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (countdown)));
  g_assert_true (g_regex_match (pattern, xf_lockout_countdown_get_text (countdown), 0, NULL));
  g_assert_cmpint (xf_lockout_countdown_get_locked_until (countdown), ==,
                   xf_accounts_get_locked_until (accounts, "clerk"));

  /* Even the right password waits: the button and its action are off. */
  gtk_editable_set_text (GTK_EDITABLE (xf_test_template_child (page, XF_TYPE_SIGN_IN_PAGE, "password_row")),
                         DEMO_PASSWORD);
  g_assert_false (gtk_widget_is_sensitive (button));
  xf_test_iterate (300);
  xf_test_screenshot_in_language (GTK_WIDGET (window), "sign-in-locked");

  /* Bring the end near, as if the time had passed: the page opens again by itself. */
  stmt = xf_db_prepare (xf_store_get_db (store), "UPDATE accounts SET locked_until = $1 WHERE login = $2", &error);
  g_assert_no_error (error);
  xf_db_stmt_bind_int64 (stmt, 1, g_get_real_time () + G_USEC_PER_SEC);
  xf_db_stmt_bind_text (stmt, 2, "clerk");
  g_assert_true (xf_db_stmt_run (stmt, &error));
  g_assert_no_error (error);
  xf_lockout_countdown_set_locked_until (countdown, xf_accounts_get_locked_until (accounts, "clerk"));
  g_assert_true (xf_test_wait_until (countdown_over, countdown, 3000));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_null (xf_sign_in_page_get_error (XF_SIGN_IN_PAGE (page)));

  sign_in_with (page, "clerk", DEMO_PASSWORD);
  g_assert_nonnull (account);

  gtk_window_destroy (window);
  xf_test_iterate (50);
  xf_test_remove_dir (dir);
}

/*
 * The real window
 */

typedef XfTestWindow Fixture;

/* An application nobody is signed in to: the tests go through the pages. */
static void
signed_out_set_up (Fixture       *fixture,
                   gconstpointer  data)
{
  fixture->dir = xf_test_make_dir ();
  fixture->app = xf_test_app_new_signed_out ();
}

static GtkWidget *
window_child (Fixture    *fixture,
              const char *name)
{
  return xf_test_template_child (fixture->window, XF_TYPE_WINDOW, name);
}

static const char *
shown (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (window_child (fixture, "main_stack")));
}

static GtkWidget *
shown_widget (Fixture *fixture)
{
  return gtk_stack_get_visible_child (GTK_STACK (window_child (fixture, "main_stack")));
}

/* Nothing of the data: no page, no row, no registry. */
static void
assert_no_data (Fixture *fixture)
{
  g_assert_null (xf_window_get_registry_page (fixture->window));
  g_assert_null (gtk_widget_get_first_child (window_child (fixture, "sidebar_list")));
  g_assert_null (gtk_widget_get_first_child (window_child (fixture, "page_stack")));
  g_assert_null (xf_application_get_registry (fixture->app));
  g_assert_null (xf_application_get_account (fixture->app));
}

/* demo.db with pioneers, and with the demo accounts unless @bare. */
static void
open_db (Fixture  *fixture,
         gboolean  bare)
{
  g_autofree char *path = xf_test_make_db (fixture->dir, "demo.db", 12, 3);
  g_autoptr(GError) error = NULL;

  if (!bare)
    {
      g_autoptr(XfStore) store = xf_store_open (path, &error);
      g_autoptr(XfAccounts) accounts = NULL;

      g_assert_no_error (error);
      accounts = xf_accounts_new (store);
      g_assert_true (xf_accounts_create_demo (accounts, &error));
      g_assert_no_error (error);
    }
  g_assert_true (xf_application_open_database (fixture->app, path, FALSE, &error));
  g_assert_no_error (error);
}

static void
show_window (Fixture *fixture)
{
  xf_test_window_show (fixture, 1100, 720);
}

static gboolean
first_run_idle (gpointer data)
{
  return !xf_first_run_assistant_get_busy (data);
}

static void
set_row (GtkWidget  *widget,
         GType       type,
         const char *name,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (xf_test_template_child (widget, type, name)), text);
}

/* A database with no accounts: welcome, the administrator, all set. */
static void
test_first_run (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.xianfeng.Xianfeng");
  g_autofree char *last = NULL;
  GtkWidget *assistant, *new_password, *create_button;
  XfFirstRunAssistant *self;
  XfAccount *account;

  open_db (fixture, TRUE);
  show_window (fixture);
  g_assert_cmpstr (shown (fixture), ==, "first-run");
  assert_no_data (fixture);
  assistant = shown_widget (fixture);
  self = XF_FIRST_RUN_ASSISTANT (assistant);
  g_assert_cmpstr (xf_first_run_assistant_get_page (self), ==, "welcome");
  xf_test_iterate (300);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "first-run-welcome");

  g_assert_true (gtk_widget_activate_action (assistant, "first-run.next", NULL));
  g_assert_cmpstr (xf_first_run_assistant_get_page (self), ==, "account");
  create_button = xf_test_template_child (assistant, XF_TYPE_FIRST_RUN_ASSISTANT, "create_button");
  new_password = xf_test_template_child (assistant, XF_TYPE_FIRST_RUN_ASSISTANT, "new_password");
  set_row (assistant, XF_TYPE_FIRST_RUN_ASSISTANT, "name_row", "王建国");
  set_row (assistant, XF_TYPE_FIRST_RUN_ASSISTANT, "login_row", "wangjg");

  /* The password must be strong enough, and the same twice. */
  set_row (new_password, XF_TYPE_NEW_PASSWORD, "password_row", "wangjg");
  set_row (new_password, XF_TYPE_NEW_PASSWORD, "repeat_row", "wangjg");
  g_assert_false (gtk_widget_is_sensitive (create_button));
  set_row (new_password, XF_TYPE_NEW_PASSWORD, "password_row", "德清舞阳灯塔2026");
  set_row (new_password, XF_TYPE_NEW_PASSWORD, "repeat_row", "德清舞阳灯塔2025");
  g_assert_false (gtk_widget_is_sensitive (create_button));
  set_row (new_password, XF_TYPE_NEW_PASSWORD, "repeat_row", "德清舞阳灯塔2026");
  g_assert_true (gtk_widget_is_sensitive (create_button));
  gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
  xf_test_iterate (300);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "first-run-account");

  g_assert_true (gtk_widget_activate_action (assistant, "first-run.create", NULL));
  g_assert_true (xf_first_run_assistant_get_busy (self));
  g_assert_true (xf_test_wait_until (first_run_idle, self, 10000));
  g_assert_null (xf_first_run_assistant_get_error (self));
  g_assert_cmpstr (xf_first_run_assistant_get_page (self), ==, "done");
  /* Still nothing shown until the person goes on. */
  assert_no_data (fixture);
  xf_test_iterate (300);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "first-run-done");

  g_assert_true (gtk_widget_activate_action (assistant, "first-run.finish", NULL));
  g_assert_cmpstr (shown (fixture), ==, "content");
  g_assert_nonnull (xf_window_get_registry_page (fixture->window));
  account = xf_application_get_account (fixture->app);
  g_assert_cmpstr (xf_account_get_login (account), ==, "wangjg");
  g_assert_cmpstr (xf_account_get_display_name (account), ==, "王建国");
  g_assert_true (xf_account_has_role (account, XF_ROLE_ADMINISTRATOR));
  g_assert_false (xf_account_is_local_administrator (account));
  g_assert_true (xf_registry_get_actor (xf_application_get_registry (fixture->app)) == account);
  last = g_settings_get_string (settings, "last-login");
  g_assert_cmpstr (last, ==, "wangjg");
  /* The sidebar names who is signed in. */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (window_child (fixture, "account_label"))), ==, "王建国");
  g_assert_true (gtk_widget_get_visible (window_child (fixture, "account_button")));
  g_assert_null (gtk_stack_get_child_by_name (GTK_STACK (window_child (fixture, "main_stack")), "first-run"));
  g_settings_reset (settings, "last-login");
}

static GtkWidget *
sign_in_page (Fixture *fixture)
{
  g_assert_cmpstr (shown (fixture), ==, "sign-in");
  return shown_widget (fixture);
}

/* A wrong password, then the right one; the last login is filled in. */
static void
test_wrong_then_right (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.xianfeng.Xianfeng");
  GtkWidget *page, *login_row, *password_row;

  g_settings_set_string (settings, "last-login", "clerk");
  open_db (fixture, FALSE);
  show_window (fixture);
  page = sign_in_page (fixture);
  assert_no_data (fixture);
  login_row = xf_test_template_child (page, XF_TYPE_SIGN_IN_PAGE, "login_row");
  password_row = xf_test_template_child (page, XF_TYPE_SIGN_IN_PAGE, "password_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (login_row)), ==, "clerk");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (xf_test_template_child (page, XF_TYPE_SIGN_IN_PAGE,
                                                                             "database_label"))),
                   ==, "demo.db");
  gtk_editable_set_text (GTK_EDITABLE (password_row), "xianfeng");
  gtk_editable_set_text (GTK_EDITABLE (password_row), "");
  gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
  xf_test_iterate (300);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "sign-in");

  sign_in_with (page, "clerk", "Xianfeng");
  g_assert_cmpstr (shown (fixture), ==, "sign-in");
  g_assert_cmpstr (xf_sign_in_page_get_error (XF_SIGN_IN_PAGE (page)), ==, _("Wrong login or password"));
  assert_no_data (fixture);
  gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
  xf_test_iterate (300);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "sign-in-wrong");

  sign_in_with (page, "clerk", DEMO_PASSWORD);
  g_assert_cmpstr (shown (fixture), ==, "content");
  g_assert_nonnull (xf_window_get_registry_page (fixture->window));
  g_assert_cmpstr (xf_account_get_login (xf_application_get_account (fixture->app)), ==, "clerk");
  g_assert_null (gtk_stack_get_child_by_name (GTK_STACK (window_child (fixture, "main_stack")), "sign-in"));
  g_settings_reset (settings, "last-login");
}

static XfPasswordDialog *
find_password_dialog (void)
{
  return (XfPasswordDialog *) xf_test_find_toplevel (XF_TYPE_PASSWORD_DIALOG);
}

static gboolean
password_dialog_shown (gpointer data)
{
  return find_password_dialog () != NULL;
}

static gboolean
password_dialog_gone (gpointer data)
{
  return find_password_dialog () == NULL;
}

/* A password the administrator set is changed before any page shows;
 * Sign Out in that dialog leaves the person signed out. */
static void
test_must_change_password (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(GError) error = NULL;
  XfAccounts *accounts;
  XfPasswordDialog *dialog;
  GtkWidget *new_password, *change_button;

  open_db (fixture, FALSE);
  accounts = xf_application_get_accounts (fixture->app);
  g_assert_true (xf_accounts_reset_password (accounts, admin, "clerk", "temporary-8", &error));
  g_assert_no_error (error);
  show_window (fixture);

  sign_in_with (sign_in_page (fixture), "clerk", "temporary-8");
  g_assert_true (xf_test_wait_until (password_dialog_shown, NULL, 2000));
  dialog = find_password_dialog ();
  g_assert_true (xf_password_dialog_get_required (dialog));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (shown (fixture), ==, "sign-in");
  assert_no_data (fixture);

  /* Not now: back to the sign-in page, signed out. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "password.cancel", NULL));
  g_assert_true (xf_test_wait_until (password_dialog_gone, NULL, 2000));
  g_assert_cmpstr (shown (fixture), ==, "sign-in");
  assert_no_data (fixture);

  sign_in_with (sign_in_page (fixture), "clerk", "temporary-8");
  g_assert_true (xf_test_wait_until (password_dialog_shown, NULL, 2000));
  dialog = find_password_dialog ();
  new_password = xf_test_template_child (dialog, XF_TYPE_PASSWORD_DIALOG, "new_password");
  change_button = xf_test_template_child (dialog, XF_TYPE_PASSWORD_DIALOG, "change_button");
  set_row (GTK_WIDGET (dialog), XF_TYPE_PASSWORD_DIALOG, "current_row", "temporary-8");
  set_row (new_password, XF_TYPE_NEW_PASSWORD, "password_row", "长兴太湖图影2026");
  g_assert_false (gtk_widget_is_sensitive (change_button));
  set_row (new_password, XF_TYPE_NEW_PASSWORD, "repeat_row", "长兴太湖图影2026");
  g_assert_true (gtk_widget_is_sensitive (change_button));
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  xf_test_iterate (300);
  xf_test_screenshot_in_language (GTK_WIDGET (dialog), "change-password-required");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "password.change", NULL));
  g_assert_true (xf_test_wait_until (password_dialog_gone, NULL, 10000));
  g_assert_cmpstr (shown (fixture), ==, "content");
  g_assert_nonnull (xf_window_get_registry_page (fixture->window));
  g_assert_false (xf_account_get_must_change_password (xf_application_get_account (fixture->app)));
  g_assert_true (xf_accounts_confirm_password (accounts, xf_application_get_account (fixture->app),
                                               "长兴太湖图影2026", &error));
  g_assert_no_error (error);
}

/* Sign out: the sign-in page again, the login kept, nothing of the data
 * nor of the dialogs over it. */
static void
test_sign_out (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.xianfeng.Xianfeng");
  GtkWidget *page, *registry_page;
  GtkWindow *prefs;

  open_db (fixture, FALSE);
  show_window (fixture);
  sign_in_with (sign_in_page (fixture), "admin", DEMO_PASSWORD);
  registry_page = xf_window_get_registry_page (fixture->window);
  g_assert_nonnull (registry_page);
  g_object_add_weak_pointer (G_OBJECT (registry_page), (gpointer *) &registry_page);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  xf_test_iterate (50);
  prefs = xf_test_find_toplevel (XF_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sign-out", NULL));
  page = sign_in_page (fixture);
  assert_no_data (fixture);
  g_assert_null (xf_test_find_toplevel (XF_TYPE_PREFERENCES_WINDOW));
  xf_test_iterate (50);
  g_assert_null (registry_page);
  g_assert_false (gtk_widget_get_visible (window_child (fixture, "account_button")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (xf_test_template_child (page, XF_TYPE_SIGN_IN_PAGE,
                                                                                 "login_row"))), ==, "admin");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (xf_test_template_child (page, XF_TYPE_SIGN_IN_PAGE,
                                                                                 "password_row"))), ==, "");
  /* Lock and Sign Out wait for someone to sign in again. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lock", NULL) &&
                  xf_window_get_locked (fixture->window));
  g_settings_reset (settings, "last-login");
}

static gboolean
window_locked (gpointer data)
{
  return xf_window_get_locked (XF_WINDOW (data));
}

static gboolean
lock_screen_idle (gpointer data)
{
  return !xf_lock_screen_get_busy (data);
}

static void
unlock_with (GtkWidget  *lock_screen,
             const char *password)
{
  g_autoptr(GtkWidget) hold = g_object_ref (lock_screen);

  set_row (lock_screen, XF_TYPE_LOCK_SCREEN, "password_row", password);
  g_assert_true (gtk_widget_activate_action (lock_screen, "lock.unlock", NULL));
  g_assert_true (xf_test_wait_until (lock_screen_idle, lock_screen, 10000));
}

/* Idle for the timeout: the lock screen hides the file being edited, and
 * after the password the typed text is still there. */
static void
test_idle_lock (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.xianfeng.Xianfeng");
  XfRegistryPage *page;
  GtkWidget *profile, *editor, *employer, *lock_screen, *focus;
  XfLockoutCountdown *countdown;
  GtkWindow *prefs;
  GtkSpinButton *spin;
  gint64 id;

  open_db (fixture, FALSE);
  show_window (fixture);
  /* No lock while no one is signed in. */
  xf_window_set_idle_lock_timeout (fixture->window, 200);
  xf_test_iterate (400);
  g_assert_false (xf_window_get_locked (fixture->window));
  sign_in_with (sign_in_page (fixture), "admin", DEMO_PASSWORD);

  /* An edit under way. */
  page = XF_REGISTRY_PAGE (xf_window_get_registry_page (fixture->window));
  id = 0;
  for (guint i = 0; id == 0; i++)
    {
      g_autoptr(XfPioneer) pioneer = g_list_model_get_item (xf_registry_page_get_model (page), i);

      g_assert_nonnull (pioneer);
      if (!xf_pioneer_is_collective (pioneer))
        id = xf_pioneer_get_id (pioneer);
    }
  xf_registry_page_open_pioneer (page, id);
  profile = xf_registry_page_get_profile (page);
  g_assert_true (gtk_widget_activate_action (profile, "profile.edit", NULL));
  editor = gtk_stack_get_visible_child (GTK_STACK (xf_test_template_child (profile, XF_TYPE_PROFILE_PAGE, "stack")));
  g_assert_true (XF_IS_PIONEER_EDITOR (editor));
  employer = xf_pioneer_editor_get_field_widget (XF_PIONEER_EDITOR (editor), "employer");
  gtk_editable_set_text (GTK_EDITABLE (employer), "湖州市锁屏测试有限公司");
  gtk_widget_grab_focus (employer);

  /* The timeout passes without input. */
  xf_window_set_idle_lock_timeout (fixture->window, 300);
  g_assert_true (xf_test_wait_until (window_locked, fixture->window, 5000));
  g_assert_cmpstr (shown (fixture), ==, "locked");
  lock_screen = shown_widget (fixture);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (xf_test_template_child (lock_screen, XF_TYPE_LOCK_SCREEN,
                                                                             "name_label"))),
                   ==, xf_account_get_display_name (xf_application_get_account (fixture->app)));
  g_assert_false (gtk_widget_is_sensitive (xf_test_template_child (lock_screen, XF_TYPE_LOCK_SCREEN,
                                                                    "unlock_button")));
  /* No changes polled meanwhile, and no password to change. */
  g_assert_false (xf_change_monitor_get_active (xf_window_get_change_monitor (fixture->window)));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.change-password", NULL) &&
                  xf_test_find_toplevel (XF_TYPE_PASSWORD_DIALOG) != NULL);
  xf_test_iterate (300);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "lock-screen");

  /* A wrong password counts, and says so. */
  unlock_with (lock_screen, "not-my-password");
  g_assert_true (xf_window_get_locked (fixture->window));
  g_assert_cmpstr (xf_lock_screen_get_error (XF_LOCK_SCREEN (lock_screen)), ==, _("Wrong password"));

  unlock_with (lock_screen, DEMO_PASSWORD);
  g_assert_false (xf_window_get_locked (fixture->window));
  g_assert_cmpstr (shown (fixture), ==, "content");
  g_assert_true (xf_registry_page_get_profile (page) == profile);
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (xf_test_template_child (profile, XF_TYPE_PROFILE_PAGE,
                                                                                 "stack"))) == editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (employer)), ==, "湖州市锁屏测试有限公司");
  g_assert_true (xf_profile_page_has_unsaved_edits (XF_PROFILE_PAGE (profile)));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == employer || (focus != NULL && gtk_widget_is_ancestor (focus, employer)));

  /* And it locks again after the next quiet spell; Preferences sets the minutes. */
  g_assert_true (xf_test_wait_until (window_locked, fixture->window, 5000));
  unlock_with (shown_widget (fixture), DEMO_PASSWORD);
  xf_window_set_idle_lock_timeout (fixture->window, 0);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  xf_test_iterate (50);
  prefs = xf_test_find_toplevel (XF_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  spin = GTK_SPIN_BUTTON (xf_test_template_child (prefs, XF_TYPE_PREFERENCES_WINDOW, "idle_lock_spin"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 10);
  gtk_spin_button_set_value (spin, 0);
  g_assert_cmpuint (g_settings_get_uint (settings, "idle-lock-minutes"), ==, 0);
  g_assert_cmpuint (xf_idle_timer_get_timeout (fixture->window->idle_timer), ==, 0);
  gtk_spin_button_set_value (spin, 15);
  g_assert_cmpuint (xf_idle_timer_get_timeout (fixture->window->idle_timer), ==, 15 * 60 * 1000);
  gtk_window_destroy (prefs);

  /* Wrong passwords at the lock screen count toward the lockout too. */
  xf_window_lock (fixture->window);
  lock_screen = shown_widget (fixture);
  for (guint i = 0; i < XF_ACCOUNTS_MAX_FAILURES; i++)
    unlock_with (lock_screen, "still-not-my-password");
  countdown = XF_LOCKOUT_COUNTDOWN (xf_test_template_child (lock_screen, XF_TYPE_LOCK_SCREEN, "countdown"));
  g_assert_true (xf_lockout_countdown_get_locked (countdown));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (countdown)));
  set_row (lock_screen, XF_TYPE_LOCK_SCREEN, "password_row", DEMO_PASSWORD);
  g_assert_false (gtk_widget_is_sensitive (xf_test_template_child (lock_screen, XF_TYPE_LOCK_SCREEN,
                                                                    "unlock_button")));

  /* "Sign in as someone else": signed out, the edit gone with the pages. */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_activate_action (lock_screen, "lock.sign-out", NULL));
  sign_in_page (fixture);
  assert_no_data (fixture);
  g_assert_false (xf_window_get_locked (fixture->window));
  xf_test_iterate (50);
  g_assert_null (editor);

  g_settings_reset (settings, "idle-lock-minutes");
  g_settings_reset (settings, "last-login");
}

/* A clerk of Deqing: the registry, with New (in scope), and nothing of
 * accounts, audit or committee review (nominations, yes); a reviewer gets no New; the administrator
 * every page of the table. */
static void
test_pages_by_role (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(XfAccount) admin = xf_account_new_local_administrator ();
  g_autoptr(XfAccount) deqing = xf_account_new ("deqing", "德清登记员");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.xianfeng.Xianfeng");
  const char *hidden[] = { "accounts", "audit", "review", "reviews" };
  const XfWindowPageInfo *infos;
  guint n_infos, n_rows = 0;
  GtkWidget *page;

  open_db (fixture, FALSE);
  xf_account_add_grant (deqing, XF_ROLE_CLERK, XF_SCOPE_REGION, "330521");
  xf_accounts_save (xf_application_get_accounts (fixture->app), admin, deqing, "德清舞阳灯塔村2026", &error);
  g_assert_no_error (error);
  /* As if the clerk had chosen that password already (the dialog has its own test). */
  g_assert_true (xf_db_exec (xf_store_get_db (xf_application_get_store (fixture->app)),
                             "UPDATE accounts SET must_change_password = 0 WHERE login = 'deqing'", &error));
  g_assert_no_error (error);
  show_window (fixture);

  sign_in_with (sign_in_page (fixture), "deqing", "德清舞阳灯塔村2026");
  page = xf_window_get_registry_page (fixture->window);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_is_sensitive (xf_test_template_child (page, XF_TYPE_REGISTRY_PAGE, "new_button")));
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    {
      g_assert_null (xf_window_get_page (fixture->window, hidden[i]));
      g_assert_null (xf_window_get_sidebar_row (fixture->window, hidden[i]));
    }
  /* Nominations are the clerk's work, the committee's review is not. */
  page = xf_window_get_page (fixture->window, "evaluation");
  g_assert_nonnull (page);
  g_assert_false (adw_view_stack_page_get_visible (
    ADW_VIEW_STACK_PAGE (gtk_widget_get_template_child (page, XF_TYPE_EVALUATION_PAGE,
                                                        "committee_stack_page"))));
  /* Each row is a page of the table the clerk may see, and only those. */
  infos = _xf_window_get_page_infos (&n_infos);
  for (GtkWidget *row = gtk_widget_get_first_child (window_child (fixture, "sidebar_list"));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      guint i;

      for (i = 0; i < n_infos && g_strcmp0 (infos[i].name, gtk_widget_get_name (row)) != 0; i++)
        ;
      g_assert_cmpuint (i, <, n_infos);
      g_assert_true (xf_permission_allows_somewhere (xf_application_get_account (fixture->app),
                                                     infos[i].operation));
      n_rows++;
    }
  for (guint i = 0; i < n_infos; i++)
    n_rows -= xf_permission_allows_somewhere (xf_application_get_account (fixture->app), infos[i].operation);
  g_assert_cmpuint (n_rows, ==, 0);
  xf_test_iterate (300);
  xf_test_screenshot_in_language (GTK_WIDGET (fixture->window), "clerk-window");

  /* A reviewer reads the registry but creates no file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sign-out", NULL));
  sign_in_with (sign_in_page (fixture), "reviewer", DEMO_PASSWORD);
  page = xf_window_get_registry_page (fixture->window);
  g_assert_nonnull (page);
  g_assert_false (gtk_widget_is_sensitive (xf_test_template_child (page, XF_TYPE_REGISTRY_PAGE, "new_button")));
  /* Ctrl+N does nothing either: no new file opens. */
  gtk_widget_activate_action (page, "registry.new-individual", NULL);
  g_assert_false (gtk_widget_get_visible (xf_test_template_child (page, XF_TYPE_REGISTRY_PAGE, "details_pane")));
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    g_assert_null (xf_window_get_page (fixture->window, hidden[i]));

  /* The administrator: every page of the table. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sign-out", NULL));
  sign_in_with (sign_in_page (fixture), "admin", DEMO_PASSWORD);
  for (guint i = 0; i < n_infos; i++)
    {
      g_assert_nonnull (xf_window_get_page (fixture->window, infos[i].name));
      g_assert_nonnull (xf_window_get_sidebar_row (fixture->window, infos[i].name));
    }
  g_assert_true (gtk_widget_is_sensitive (xf_test_template_child (xf_window_get_registry_page (fixture->window),
                                                                  XF_TYPE_REGISTRY_PAGE, "new_button")));
  g_settings_reset (settings, "last-login");
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_ui_init (&argc, &argv))
    return 0;

  xf_test_disable_animations ();

  g_test_add_func ("/ui/sign-in/countdown", test_countdown);
  g_test_add_func ("/ui/sign-in/new-password", test_new_password);
  g_test_add_func ("/ui/sign-in/page", test_page);
  g_test_add_func ("/ui/sign-in/page-lockout", test_page_lockout);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, signed_out_set_up, func, xf_test_window_tear_down)
  ADD ("/ui/sign-in/first-run", test_first_run);
  ADD ("/ui/sign-in/wrong-then-right", test_wrong_then_right);
  ADD ("/ui/sign-in/must-change-password", test_must_change_password);
  ADD ("/ui/sign-in/sign-out", test_sign_out);
  ADD ("/ui/sign-in/idle-lock", test_idle_lock);
  ADD ("/ui/sign-in/pages-by-role", test_pages_by_role);
#undef ADD

  return g_test_run ();
}
