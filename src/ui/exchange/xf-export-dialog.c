/* xf-export-dialog.c — the registry's "Export…"
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-export-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-exchange-job.h"
#include "xf-export-dialog.h"
#include "xf-permission.h"

struct _XfExportDialog
{
  AdwWindow         parent_instance;

  XfRegistry       *registry;
  XfRegistryQuery  *query;       /* the page's, or NULL */
  GtkWidget        *parent;      /* weak: where the result is told */
  gboolean          busy;

  /* Template widgets */
  AdwComboRow      *kind_row;
  AdwComboRow      *format_row;
  GtkWidget        *personal_row;
  GtkSwitch        *personal_switch;
  GtkLabel         *scope_label;
  GtkWidget        *export_button;
};

G_DEFINE_FINAL_TYPE (XfExportDialog, xf_export_dialog, ADW_TYPE_WINDOW)

enum { EXPORTED, N_SIGNALS };
static guint signals [N_SIGNALS];

static const char * const kinds[] = { "individuals", "collectives", "honours", "organisations" };
static const XfExportFormat formats[] = { XF_EXPORT_FORMAT_CSV, XF_EXPORT_FORMAT_XLSX, XF_EXPORT_FORMAT_JSON };

static gboolean
query_is_narrowed (const XfRegistryQuery *query)
{
  const char * const *status;

  if (query == NULL)
    return FALSE;
  if (xf_registry_query_get_text (query) != NULL)
    return TRUE;
  for (int f = 0; f < XF_REGISTRY_N_FILTERS; f++)
    if (f != XF_REGISTRY_FILTER_STATUS && xf_registry_query_get_filter (query, f) != NULL)
      return TRUE;
  /* The status filter's default is active files only. */
  status = xf_registry_query_get_filter (query, XF_REGISTRY_FILTER_STATUS);
  return status != NULL && !(g_strv_length ((char **) status) == 1 && g_str_equal (status[0], "active"));
}

/* The pioneers of @kind ("individual", "collective"; NULL: both) the
 * query lets through, or -1 when they cannot be counted. */
static gint64
count_pioneers (XfExportDialog *self,
                const char     *kind)
{
  g_autoptr(XfRegistryQuery) query = self->query != NULL ? xf_registry_query_copy (self->query)
                                                         : xf_registry_query_new ();
  const char * const *wanted = xf_registry_query_get_filter (query, XF_REGISTRY_FILTER_KIND);

  if (kind != NULL)
    {
      if (wanted != NULL && !g_strv_contains (wanted, kind))
        return 0;
      xf_registry_query_clear_filter (query, XF_REGISTRY_FILTER_KIND);
      xf_registry_query_add_filter (query, XF_REGISTRY_FILTER_KIND, kind);
    }
  return xf_registry_count_pioneers (self->registry, query, NULL);
}

static void
update_scope (XfExportDialog *self)
{
  const char *kind = xf_export_dialog_get_kind (self);
  gboolean narrowed = query_is_narrowed (self->query);
  g_autofree char *text = NULL;
  g_autofree char *count = NULL;
  gint64 n;

  if (g_str_equal (kind, "organisations"))
    {
      gtk_label_set_label (self->scope_label, _("Every organisation, with its code, name and place."));
      gtk_widget_set_sensitive (self->export_button, TRUE);
      return;
    }

  n = count_pioneers (self, g_str_equal (kind, "individuals") ? "individual"
                            : g_str_equal (kind, "collectives") ? "collective" : NULL);
  count = xf_exchange_format_count (MAX (n, 0));
  if (g_str_equal (kind, "honours"))
    text = narrowed
      /* Translators: %s is a number such as 1,204 */
      ? g_strdup_printf (ngettext ("The honours of the %s pioneer the registry’s search and filters list.",
                                   "The honours of the %s pioneers the registry’s search and filters list.", n), count)
      : g_strdup_printf (ngettext ("The honours of all %s pioneer in the registry.",
                                   "The honours of all %s pioneers in the registry.", n), count);
  else if (g_str_equal (kind, "individuals"))
    text = narrowed
      ? g_strdup_printf (ngettext ("The registry’s search and filters apply: %s individual.",
                                   "The registry’s search and filters apply: %s individuals.", n), count)
      : g_strdup_printf (ngettext ("All %s individual in the registry.",
                                   "All %s individuals in the registry.", n), count);
  else
    text = narrowed
      ? g_strdup_printf (ngettext ("The registry’s search and filters apply: %s collective.",
                                   "The registry’s search and filters apply: %s collectives.", n), count)
      : g_strdup_printf (ngettext ("All %s collective in the registry.",
                                   "All %s collectives in the registry.", n), count);
  gtk_label_set_label (self->scope_label, text);
  gtk_widget_set_sensitive (self->export_button, n != 0);
}

static void
kind_selected_cb (XfExportDialog *self)
{
  g_assert (XF_IS_EXPORT_DIALOG (self));

  /* Organisations carry no personal data. */
  gtk_widget_set_visible (self->personal_row,
                          xf_permission_allows_somewhere (xf_registry_get_actor (self->registry),
                                                          XF_OP_PERSONAL_VIEW) &&
                          !g_str_equal (xf_export_dialog_get_kind (self), "organisations"));
  update_scope (self);
}

/*
 * Exporting
 */

typedef struct
{
  char            *kind;
  XfRegistryQuery *query;
  XfExportFormat   format;
  gboolean         with_personal;
  char            *path;
  gint64           rows;
} Export;

static void
export_free (gpointer data)
{
  Export *export = data;

  g_free (export->kind);
  g_clear_pointer (&export->query, xf_registry_query_free);
  g_free (export->path);
  g_free (export);
}

static gboolean
export_thread (XfExchangeJob  *job,
               XfStore        *store,
               GCancellable   *cancellable,
               GError        **error)
{
  Export *export = xf_exchange_job_get_data (job);
  g_autoptr(XfRegistry) registry = xf_registry_new (store, xf_exchange_job_get_actor (job));

  export->rows = xf_export_list (registry, export->kind, export->query, export->format,
                                 export->with_personal, export->path,
                                 xf_exchange_job_progress, job, cancellable, error);
  return export->rows >= 0;
}

static void
open_folder_cb (AdwToast *toast,
                gpointer  user_data)
{
  const char *path = g_object_get_data (G_OBJECT (toast), "path");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = g_file_get_uri (folder);
  GtkWidget *parent = user_data;

  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (parent)), uri, GDK_CURRENT_TIME);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XfExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  XfExchangeJob *job = xf_exchange_job_finish (result, &error);
  g_autofree char *text = NULL;
  g_autofree char *count = NULL;
  Export *export;
  AdwToast *toast;

  self->busy = FALSE;
  gtk_widget_set_sensitive (self->export_button, TRUE);
  if (job == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The dialog stays, its choices kept, for another try. */
      {
        GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Failed"), error->message);

        adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
        gtk_window_present (GTK_WINDOW (dialog));
      }
      return;
    }

  export = xf_exchange_job_get_data (job);
  count = xf_exchange_format_count (export->rows);
  /* Translators: %s is a number such as 1,204 */
  text = g_strdup_printf (ngettext ("Exported %s record", "Exported %s records", export->rows), count);
  g_signal_emit (self, signals [EXPORTED], 0, export->rows, export->path);
  if (self->parent != NULL)
    {
      toast = adw_toast_new (text);
      adw_toast_set_button_label (toast, _("Open _Folder"));
      g_object_set_data_full (G_OBJECT (toast), "path", g_strdup (export->path), g_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_folder_cb), self->parent, 0);
      xf_exchange_show_toast (self->parent, toast);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

void
xf_export_dialog_export_to (XfExportDialog *self,
                            const char     *path)
{
  Export *export;
  XfExchangeJob *job;

  g_return_if_fail (XF_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->busy)
    return;
  export = g_new0 (Export, 1);
  export->kind = g_strdup (xf_export_dialog_get_kind (self));
  export->query = self->query != NULL ? xf_registry_query_copy (self->query) : NULL;
  export->format = formats[MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (formats) - 1)];
  export->with_personal = gtk_widget_get_visible (self->personal_row) &&
                          gtk_switch_get_active (self->personal_switch);
  export->path = g_strdup (path);

  self->busy = TRUE;
  gtk_widget_set_sensitive (self->export_button, FALSE);
  job = xf_exchange_job_new (xf_registry_get_store (self->registry), xf_registry_get_actor (self->registry),
                             export_thread, export, export_free);
  xf_exchange_job_run_with_progress (job, GTK_WIDGET (self), _("Exporting…"),
                                     _("Cancel leaves no file behind."),
                                     exported_cb, g_object_ref (self));
}

static void
file_chosen (const char *path,
             gpointer    user_data)
{
  xf_export_dialog_export_to (user_data, path);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfExportDialog *self = XF_EXPORT_DIALOG (widget);
  XfExportFormat format = formats[MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (formats) - 1)];
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y%m%d");
  g_autofree char *name = NULL;

  if (self->busy)
    return;
  name = g_strdup_printf ("%s-%s.%s", xf_export_dialog_get_kind (self), date,
                          xf_export_format_to_string (format));
  xf_exchange_choose_file (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export To"), _("_Export"), NULL, name,
                           NULL, file_chosen, g_object_ref (self), g_object_unref);
}

/*
 * The dialog
 */

static void
xf_export_dialog_dispose (GObject *object)
{
  XfExportDialog *self = XF_EXPORT_DIALOG (object);

  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->registry);
  g_clear_pointer (&self->query, xf_registry_query_free);

  G_OBJECT_CLASS (xf_export_dialog_parent_class)->dispose (object);
}

static void
xf_export_dialog_class_init (XfExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/exchange/xf-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfExportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, XfExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, XfExportDialog, personal_row);
  gtk_widget_class_bind_template_child (widget_class, XfExportDialog, personal_switch);
  gtk_widget_class_bind_template_child (widget_class, XfExportDialog, scope_label);
  gtk_widget_class_bind_template_child (widget_class, XfExportDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  /**
   * XfExportDialog::exported:
   * @rows: the records written
   * @path: the file
   */
  signals [EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
}

static void
xf_export_dialog_init (XfExportDialog *self)
{
  const char *kind_labels[] = { _("Individuals"), _("Collectives"), _("Honours"), _("Organisations"), NULL };
  const char *format_labels[] = { _("CSV (spreadsheets, other programs)"), _("Excel workbook (XLSX)"), _("JSON"), NULL };
  g_autoptr(GtkStringList) kind_model = gtk_string_list_new (kind_labels);
  g_autoptr(GtkStringList) format_model = gtk_string_list_new (format_labels);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_handlers_block_by_func (self->kind_row, kind_selected_cb, self);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_model));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (format_model));
  adw_combo_row_set_selected (self->format_row, 1);
  g_signal_handlers_unblock_by_func (self->kind_row, kind_selected_cb, self);
}

GtkWidget *
xf_export_dialog_new (XfRegistry            *registry,
                      const XfRegistryQuery *query,
                      GtkWidget             *parent)
{
  XfExportDialog *self;
  GtkRoot *root;

  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), NULL);

  self = g_object_new (XF_TYPE_EXPORT_DIALOG, NULL);
  /* The keyboard starts on the first choice, not on Cancel (only once
   * constructed: in init the rows have no root to take the focus yet). */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->kind_row));
  self->registry = g_object_ref (registry);
  self->query = query != NULL ? xf_registry_query_copy (query) : NULL;
  g_set_weak_pointer (&self->parent, parent);
  root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  /* Collectives when the page lists only collectives. */
  if (query != NULL)
    {
      const char * const *wanted = xf_registry_query_get_filter (query, XF_REGISTRY_FILTER_KIND);

      if (wanted != NULL && !g_strv_contains (wanted, "individual") && g_strv_contains (wanted, "collective"))
        xf_export_dialog_set_kind (self, "collectives");
    }
  kind_selected_cb (self);
  return GTK_WIDGET (self);
}

void
xf_export_dialog_set_kind (XfExportDialog *self,
                           const char     *kind)
{
  g_return_if_fail (XF_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i], kind) == 0)
      adw_combo_row_set_selected (self->kind_row, i);
}

const char *
xf_export_dialog_get_kind (XfExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (XF_IS_EXPORT_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->kind_row);
  return kinds[MIN (selected, G_N_ELEMENTS (kinds) - 1)];
}

void
xf_export_dialog_set_format (XfExportDialog *self,
                             XfExportFormat  format)
{
  g_return_if_fail (XF_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i] == format)
      adw_combo_row_set_selected (self->format_row, i);
}

const char *
xf_export_dialog_get_scope (XfExportDialog *self)
{
  g_return_val_if_fail (XF_IS_EXPORT_DIALOG (self), NULL);
  return gtk_label_get_label (self->scope_label);
}

/*
 * One file, from the profile page: one record and its honours, quick
 * enough for the main thread.
 */

gboolean
xf_export_file_to (GtkWidget  *parent,
                   XfRegistry *registry,
                   XfPioneer  *pioneer,
                   const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  XfExportFormat format = XF_EXPORT_FORMAT_XLSX;
  const char *dot = strrchr (path, '.');

  g_return_val_if_fail (XF_IS_REGISTRY (registry), FALSE);
  g_return_val_if_fail (XF_IS_PIONEER (pioneer), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (dot != NULL)
    xf_export_format_from_string (dot + 1, &format);
  /* Personal data as the profile shows it to this person. */
  if (!xf_export_file (registry, xf_pioneer_get_uid (pioneer), format,
                       !xf_registry_masks_personal (registry, pioneer), path, &error))
    {
      xf_exchange_show_toast (parent, adw_toast_new (error->message));
      return FALSE;
    }
  name = g_path_get_basename (path);
  /* Translators: %s is a file name */
  text = g_strdup_printf (_("File exported to “%s”"), name);
  xf_exchange_show_toast (parent, adw_toast_new (text));
  return TRUE;
}

typedef struct
{
  GtkWidget  *parent;
  XfRegistry *registry;
  XfPioneer  *pioneer;
} FileExport;

static void
file_export_free (gpointer data)
{
  FileExport *export = data;

  g_object_unref (export->parent);
  g_object_unref (export->registry);
  g_object_unref (export->pioneer);
  g_free (export);
}

static void
file_export_chosen (const char *path,
                    gpointer    user_data)
{
  FileExport *export = user_data;

  xf_export_file_to (export->parent, export->registry, export->pioneer, path);
}

void
xf_export_file_run (GtkWidget  *parent,
                    XfRegistry *registry,
                    XfPioneer  *pioneer)
{
  static const struct { const char *label; const char *pattern; } kinds[] = {
    { N_("Excel workbooks (XLSX)"), "*.xlsx" },
    { N_("CSV files"), "*.csv" },
    { N_("JSON files"), "*.json" },
  };
  GtkFileFilter *filters[G_N_ELEMENTS (kinds) + 1] = { NULL };
  g_autofree char *name = NULL;
  FileExport *export;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (XF_IS_PIONEER (pioneer));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      filters[i] = gtk_file_filter_new ();
      gtk_file_filter_set_name (filters[i], _(kinds[i].label));
      gtk_file_filter_add_pattern (filters[i], kinds[i].pattern);
    }
  /* A name cannot hold a slash; the rest is the user's to change. */
  name = g_strdelimit (g_strdup_printf ("%s.xlsx", xf_pioneer_get_name (pioneer)), "/\\", '-');

  export = g_new0 (FileExport, 1);
  export->parent = g_object_ref (parent);
  export->registry = g_object_ref (registry);
  export->pioneer = g_object_ref (pioneer);
  xf_exchange_choose_file (parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export File"), _("_Export"), NULL, name,
                           filters, file_export_chosen, export, file_export_free);
}
