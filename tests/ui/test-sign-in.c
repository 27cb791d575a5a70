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
#include "xf-lockout-countdown.h"
#include "xf-new-password.h"
#include "xf-password.h"
#include "xf-password-dialog.h"
#include "xf-sign-in-page.h"
#include "xf-test-util.h"

#define DEMO_PASSWORD "xianfeng"

static const char *
language_suffix (void)
{
  const char *language = g_getenv ("LANGUAGE");

  return language != NULL && g_str_has_prefix (language, "zh") ? "-zh_CN" : "";
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autofree char *full = g_strconcat (name, language_suffix (), NULL);

  g_assert_true (xf_test_screenshot (widget, full));
}

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

/* A plain window to show one widget in. */
static GtkWindow *
host (GtkWidget *child,
      int        width,
      int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  xf_test_show_window (window);
  return window;
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
  GtkWindow *window = host (countdown, 300, 100);
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
  GtkWindow *window = host (widget, 400, 300);
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

static void
sign_in_with (GtkWidget  *page,
              const char *login,
              const char *password)
{
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
  GtkWindow *window = host (page, 800, 600);
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
  g_assert_cmpstr (xf_sign_in_page_get_error (XF_SIGN_IN_PAGE (page)), ==, "Wrong login or password");
  g_assert_true (gtk_widget_has_css_class (password_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (password_row)), ==, "");
  sign_in_with (page, "nobody", "not-the-password");
  g_assert_cmpstr (xf_sign_in_page_get_error (XF_SIGN_IN_PAGE (page)), ==, "Wrong login or password");

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
  GtkWindow *window = host (page, 800, 600);
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
  screenshot (GTK_WIDGET (window), "sign-in-locked");

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

  return g_test_run ();
}
