/* xf-accounts-page.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-accounts-page"

#include "config.h"

#include <string.h>
#include <sys/random.h>
#include <glib/gi18n.h>

#include "xf-account-dialog.h"
#include "xf-accounts-page.h"
#include "xf-grant-row.h"
#include "xf-password.h"
#include "xf-ui-util.h"

struct _XfAccountsPage
{
  AdwBin           parent_instance;

  XfRegistry      *registry;
  XfAccounts      *accounts;
  XfGrantChoices  *choices;
  GPtrArray       *rows;
  gboolean         stale;       /* to be read again when next shown */
  gboolean         show_sidebar_button;

  /* Template widgets */
  GtkWidget       *back_button;
  AdwToastOverlay *toast_overlay;
  GtkStack        *list_stack;
  GtkLabel        *count_label;
  GtkListBox      *list;
  AdwStatusPage   *error_status;
};

G_DEFINE_FINAL_TYPE (XfAccountsPage, xf_accounts_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REGISTRY,
  PROP_SHOW_SIDEBAR_BUTTON,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static XfAccount *
actor (XfAccountsPage *self)
{
  return xf_registry_get_actor (self->registry);
}

static void
show_toast (XfAccountsPage *self,
            const char     *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/*
 * The list
 */

/* The regions and organisations, read once they are needed. */
static XfGrantChoices *
get_choices (XfAccountsPage *self)
{
  if (self->choices == NULL)
    self->choices = xf_grant_choices_new (self->registry);
  return self->choices;
}

static char *
describe_grants (XfAccountsPage *self,
                 XfAccount      *account)
{
  GPtrArray *grants = xf_account_get_grants (account);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; grants != NULL && i < grants->len; i++)
    {
      g_autofree char *grant = xf_grant_choices_describe (get_choices (self), g_ptr_array_index (grants, i));

      if (i > 0)
        /* Translators: between two roles of an account */
        g_string_append (text, _(", "));
      g_string_append (text, grant);
    }
  if (text->len == 0)
    g_string_append (text, _("No roles"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
badge (const char *text,
       const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, style);
  return label;
}

static GMenuModel *
row_menu (XfAccount *account)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
  g_autoptr(GMenuItem) reset = g_menu_item_new (_("_Reset Password…"), NULL);
  g_autoptr(GMenuItem) toggle = NULL;
  const char *login = xf_account_get_login (account);

  g_menu_item_set_action_and_target (edit, "accounts.edit", "s", login);
  g_menu_item_set_action_and_target (reset, "accounts.reset-password", "s", login);
  g_menu_append_item (menu, edit);
  g_menu_append_item (menu, reset);

  if (xf_account_get_disabled (account))
    {
      toggle = g_menu_item_new (_("E_nable…"), NULL);
      g_menu_item_set_action_and_target (toggle, "accounts.enable", "s", login);
    }
  else
    {
      toggle = g_menu_item_new (_("_Disable…"), NULL);
      g_menu_item_set_action_and_target (toggle, "accounts.disable", "s", login);
    }
  g_menu_append_item (section, toggle);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static GtkWidget *
account_row (XfAccountsPage *self,
             XfAccount      *account)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = row_menu (account);
  g_autofree char *grants = describe_grants (self, account);
  g_autofree char *subtitle = NULL;
  const char *login = xf_account_get_login (account);
  gint64 locked_until = xf_accounts_get_locked_until (self->accounts, login);

  /* Translators: an account's login, then its roles, e.g. "clerk — Clerk · Deqing County" */
  subtitle = g_strdup_printf (_("%s — %s"), login, grants);
  gtk_widget_set_name (row, login);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), xf_account_get_display_name (account));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "avatar-default-symbolic");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (xf_account_get_disabled (account))
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge (_("Disabled"), "dim-label"));
      gtk_widget_add_css_class (row, "dim-label");
    }
  if (locked_until > g_get_real_time ())
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (locked_until / G_USEC_PER_SEC);
      g_autoptr(GDateTime) local = g_date_time_to_local (utc);
      g_autofree char *time = g_date_time_format (local, "%H:%M:%S");
      /* Translators: an account locked after failed sign-ins; %s is a time, e.g. 14:05:30 */
      g_autofree char *text = g_strdup_printf (_("Locked until %s"), time);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge (text, "warning"));
    }

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("Account actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Account actions"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);
  return row;
}

static void
clear_rows (XfAccountsPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

void
xf_accounts_page_refresh (XfAccountsPage *self)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  g_return_if_fail (XF_IS_ACCOUNTS_PAGE (self));

  /* A page out of sight reads the accounts when it is next shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  clear_rows (self);
  accounts = xf_accounts_list (self->accounts, actor (self), &error);
  if (accounts == NULL)
    {
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      return;
    }

  for (guint i = 0; i < accounts->len; i++)
    {
      GtkWidget *row = account_row (self, g_ptr_array_index (accounts, i));

      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
    }
  /* Translators: %u is a number of accounts */
  count = g_strdup_printf (ngettext ("%u account", "%u accounts", accounts->len), accounts->len);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->list_stack, accounts->len > 0 ? "list" : "empty");
}

static void
row_activated_cb (XfAccountsPage *self,
                  GtkListBoxRow  *row)
{
  g_assert (XF_IS_ACCOUNTS_PAGE (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "accounts.edit", "s",
                              gtk_widget_get_name (GTK_WIDGET (row)));
}

/*
 * Adding and editing
 */

static void
account_saved_cb (XfAccountsPage *self,
                  XfAccount      *account)
{
  g_autofree char *text = NULL;

  xf_accounts_page_refresh (self);
  /* Translators: %s is a login, e.g. clerk */
  text = g_strdup_printf (_("Account “%s” saved"), xf_account_get_login (account));
  show_toast (self, text);
}

static void
open_dialog (XfAccountsPage *self,
             XfAccount      *account)
{
  GtkWidget *dialog = xf_account_dialog_new (self->accounts, actor (self), get_choices (self), account);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), xf_widget_get_window (GTK_WIDGET (self)));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (account_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_dialog (XF_ACCOUNTS_PAGE (widget), NULL);
}

/* The account as stored now, or NULL after saying why not. */
static XfAccount *
get_account (XfAccountsPage *self,
             const char     *login)
{
  g_autoptr(GError) error = NULL;
  XfAccount *account = xf_accounts_get (self->accounts, actor (self), login, &error);

  if (account == NULL)
    show_toast (self, error->message);
  return account;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfAccountsPage *self = XF_ACCOUNTS_PAGE (widget);
  g_autoptr(XfAccount) account = get_account (self, g_variant_get_string (parameter, NULL));

  if (account != NULL)
    open_dialog (self, account);
}

/*
 * Disabling and enabling
 */

static void
set_disabled (XfAccountsPage *self,
              const char     *login,
              gboolean        disabled)
{
  g_autoptr(XfAccount) account = get_account (self, login);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (account == NULL)
    return;
  xf_account_set_disabled (account, disabled);
  if (!xf_accounts_save (self->accounts, actor (self), account, NULL, &error))
    {
      show_toast (self, error->message);
      return;
    }
  xf_accounts_page_refresh (self);
  text = g_strdup_printf (disabled ? _("Account “%s” disabled") : _("Account “%s” enabled"), login);
  show_toast (self, text);
}

static void
disable_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     XfAccountsPage   *self)
{
  const char *login = g_object_get_data (G_OBJECT (dialog), "login");

  set_disabled (self, login, g_str_equal (response, "disable"));
}

static void
confirm_disabled (XfAccountsPage *self,
                  const char     *login,
                  gboolean        disabled)
{
  g_autoptr(XfAccount) account = get_account (self, login);
  const char *name;
  GtkWidget *dialog;

  if (account == NULL)
    return;
  name = xf_account_get_display_name (account);
  if (disabled)
    dialog = xf_confirm_dialog_new (GTK_WIDGET (self), _("Disable Account?"), NULL,
                                    _("_Cancel"), "disable", _("_Disable"));
  else
    {
      dialog = xf_confirm_dialog_new (GTK_WIDGET (self), _("Enable Account?"), NULL,
                                      _("_Cancel"), "enable", _("_Enable"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "enable",
                                                  ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  disabled
                                  /* Translators: %s is a person's name */
                                  ? _("%s will no longer be able to sign in. Their work and history stay as they are.")
                                  : _("%s will be able to sign in again with their password."),
                                  name);
  g_object_set_data_full (G_OBJECT (dialog), "login", g_strdup (login), g_free);
  g_signal_connect_object (dialog, disabled ? "response::disable" : "response::enable",
                           G_CALLBACK (disable_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
disable_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  confirm_disabled (XF_ACCOUNTS_PAGE (widget), g_variant_get_string (parameter, NULL), TRUE);
}

static void
enable_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  confirm_disabled (XF_ACCOUNTS_PAGE (widget), g_variant_get_string (parameter, NULL), FALSE);
}

/*
 * Resetting a password
 */

/* Twelve characters from the kernel's random source, in groups of four,
 * without the look-alikes (0 O 1 l I) that are misread when dictated. */
static char *
make_temporary_password (void)
{
  static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  guint8 bytes[12];
  GString *password = g_string_new (NULL);

  if (getrandom (bytes, sizeof bytes, 0) != sizeof bytes)
    for (guint i = 0; i < sizeof bytes; i++)
      bytes[i] = (guint8) g_random_int ();
  for (guint i = 0; i < sizeof bytes; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (password, '-');
      /* 256 % 56 leaves a slight bias: irrelevant for a one-time password. */
      g_string_append_c (password, alphabet[bytes[i] % (sizeof alphabet - 1)]);
    }
  memset (bytes, 0, sizeof bytes);
  return g_string_free (password, FALSE);
}

typedef struct
{
  char      *login;
  GtkWidget *entry;
  GtkWidget *hint;
} ResetData;

static void
reset_data_free (ResetData *data)
{
  g_free (data->login);
  g_free (data);
}

static void
reset_password_changed_cb (AdwMessageDialog *dialog)
{
  ResetData *data = g_object_get_data (G_OBJECT (dialog), "reset");
  g_autoptr(GError) error = NULL;
  gboolean strong = xf_password_check_strength (gtk_editable_get_text (GTK_EDITABLE (data->entry)),
                                                data->login, &error);

  gtk_label_set_label (GTK_LABEL (data->hint),
                       strong ? _("They must choose their own password when they next sign in.")
                              : error->message);
  gtk_widget_remove_css_class (data->hint, strong ? "warning" : "dim-label");
  gtk_widget_add_css_class (data->hint, strong ? "dim-label" : "warning");
  adw_message_dialog_set_response_enabled (dialog, "reset", strong);
}

static void
reset_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   XfAccountsPage   *self)
{
  ResetData *data = g_object_get_data (G_OBJECT (dialog), "reset");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!xf_accounts_reset_password (self->accounts, actor (self), data->login,
                                   gtk_editable_get_text (GTK_EDITABLE (data->entry)), &error))
    {
      show_toast (self, error->message);
      return;
    }
  xf_accounts_page_refresh (self);
  /* Translators: %s is a login */
  text = g_strdup_printf (_("Password of “%s” reset: they must change it when they next sign in"),
                          data->login);
  show_toast (self, text);
}

static void
reset_password_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  XfAccountsPage *self = XF_ACCOUNTS_PAGE (widget);
  g_autoptr(XfAccount) account = get_account (self, g_variant_get_string (parameter, NULL));
  g_autofree char *password = NULL;
  ResetData *data;
  GtkWidget *dialog, *box, *list;

  if (account == NULL)
    return;

  dialog = xf_confirm_dialog_new (widget, _("Reset Password?"), NULL, _("_Cancel"), "reset", _("_Reset"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is a person's name */
                                  _("%s gets this temporary password. Give it to them in private."),
                                  xf_account_get_display_name (account));

  data = g_new0 (ResetData, 1);
  data->login = g_strdup (xf_account_get_login (account));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  data->entry = adw_entry_row_new ();
  gtk_widget_set_name (data->entry, "temporary_password");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->entry), _("Temporary password"));
  password = make_temporary_password ();
  gtk_editable_set_text (GTK_EDITABLE (data->entry), password);
  gtk_list_box_append (GTK_LIST_BOX (list), data->entry);
  data->hint = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (data->hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (data->hint), 0);
  gtk_widget_add_css_class (data->hint, "caption");
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), data->hint);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data_full (G_OBJECT (dialog), "reset", data, (GDestroyNotify) reset_data_free);
  g_signal_connect_swapped (data->entry, "changed", G_CALLBACK (reset_password_changed_cb), dialog);
  reset_password_changed_cb (ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response::reset", G_CALLBACK (reset_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * GObject
 */

static void
xf_accounts_page_constructed (GObject *object)
{
  XfAccountsPage *self = XF_ACCOUNTS_PAGE (object);

  G_OBJECT_CLASS (xf_accounts_page_parent_class)->constructed (object);

  g_return_if_fail (XF_IS_REGISTRY (self->registry));

  self->accounts = xf_accounts_new (xf_registry_get_store (self->registry));
  /* Read when first shown: a window builds every page its account may see. */
  self->stale = TRUE;
}

static void
xf_accounts_page_map (GtkWidget *widget)
{
  XfAccountsPage *self = XF_ACCOUNTS_PAGE (widget);

  GTK_WIDGET_CLASS (xf_accounts_page_parent_class)->map (widget);
  if (self->stale)
    xf_accounts_page_refresh (self);
}

static void
xf_accounts_page_dispose (GObject *object)
{
  XfAccountsPage *self = XF_ACCOUNTS_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_ACCOUNTS_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->choices, xf_grant_choices_unref);
  g_clear_object (&self->accounts);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xf_accounts_page_parent_class)->dispose (object);
}

static void
xf_accounts_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  XfAccountsPage *self = XF_ACCOUNTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    case PROP_SHOW_SIDEBAR_BUTTON:
      g_value_set_boolean (value, self->show_sidebar_button);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_accounts_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  XfAccountsPage *self = XF_ACCOUNTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      self->registry = g_value_dup_object (value);
      break;
    case PROP_SHOW_SIDEBAR_BUTTON:
      xf_set_show_sidebar_button (object, pspec, value, &self->show_sidebar_button,
                                  self->back_button);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_accounts_page_class_init (XfAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xf_accounts_page_constructed;
  object_class->dispose = xf_accounts_page_dispose;
  object_class->get_property = xf_accounts_page_get_property;
  object_class->set_property = xf_accounts_page_set_property;
  widget_class->map = xf_accounts_page_map;

  properties [PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, XF_TYPE_REGISTRY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_SIDEBAR_BUTTON] = xf_show_sidebar_button_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/admin/xf-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfAccountsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, XfAccountsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfAccountsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, XfAccountsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, XfAccountsPage, list);
  gtk_widget_class_bind_template_child (widget_class, XfAccountsPage, error_status);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "accounts.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "accounts.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "accounts.reset-password", "s", reset_password_action);
  gtk_widget_class_install_action (widget_class, "accounts.disable", "s", disable_action);
  gtk_widget_class_install_action (widget_class, "accounts.enable", "s", enable_action);
}

static void
xf_accounts_page_init (XfAccountsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GtkWidget *
xf_accounts_page_new (XfRegistry *registry)
{
  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  return g_object_new (XF_TYPE_ACCOUNTS_PAGE, "registry", registry, NULL);
}

XfAccounts *
xf_accounts_page_get_accounts (XfAccountsPage *self)
{
  g_return_val_if_fail (XF_IS_ACCOUNTS_PAGE (self), NULL);
  return self->accounts;
}
