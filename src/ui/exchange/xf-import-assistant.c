/* xf-import-assistant.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The assistant's window, its steps, the file (step 1) and the columns
 * (step 2), and the jobs that read, check and import in a worker. The
 * preview is in xf-import-assistant-preview.c, the import and its report
 * in xf-import-assistant-commit.c.
 *
 * The connection. Reading, checking and importing a large file take
 * seconds to minutes, so they run in a worker; a connection must never be
 * used by two threads at once, and the window goes on using its own. An
 * XfImport works on the registry it was made with, so the assistant opens
 * a connection of its own to the same database (as the audit page's
 * export does) and makes its XfImport on that: a job's worker uses it
 * while the job runs, and the assistant between jobs — the pages are
 * replaced by the progress page meanwhile, so nothing else can reach it.
 * An in-memory database has no second connection: there the jobs run on
 * the window's registry, on the main thread.
 */

#define G_LOG_DOMAIN "xf-import-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-import-assistant-private.h"
#include "xf-ui-util.h"

G_DEFINE_FINAL_TYPE (XfImportAssistant, xf_import_assistant, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

#define N_STEPS 4

char *
_xf_import_format_count (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

/* "Line 7". The number goes in as text: xgettext cuts a msgid at
 * G_GUINT64_FORMAT ("Line %"), so the translation was never found. */
char *
_xf_import_format_line (guint64 line)
{
  g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, line);

  /* Translators: a line of the imported file, "Line 7" */
  return g_strdup_printf (_("Line %s"), number);
}

void
_xf_import_assistant_show_error (XfImportAssistant *self,
                                 const char        *message)
{
  xf_error_revealer_show (self->error_revealer, self->error_label, message);
}

/*
 * Steps and buttons
 */

static const char *
visible_page (XfImportAssistant *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

static gboolean
is_committed (XfImportAssistant *self)
{
  return self->import != NULL && xf_import_is_committed (self->import);
}

static guint
n_missing_required (XfImportAssistant *self)
{
  g_autoptr(GPtrArray) missing = NULL;

  if (self->import == NULL)
    return 0;
  missing = xf_import_missing_required (self->import);
  return missing->len;
}

static guint
n_to_store (XfImportAssistant *self)
{
  if (self->import == NULL || !xf_import_is_analysed (self->import))
    return 0;
  return xf_import_count_rows (self->import, XF_IMPORT_ROW_NEW) +
         xf_import_count_rows (self->import, XF_IMPORT_ROW_MERGE);
}

static void
update_title (XfImportAssistant *self,
              const char        *page)
{
  static const struct { const char *page; const char *label; } steps[] = {
    { "file", N_("File") },
    { "mapping", N_("Columns") },
    { "preview", N_("Preview") },
    { "import", N_("Import") },
  };
  g_autofree char *subtitle = NULL;

  if (g_str_equal (page, "busy"))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_str_equal (page, steps[i].page))
      /* Translators: the import assistant's subtitle, "Step 2 of 4: Columns" */
      subtitle = g_strdup_printf (_("Step %u of %u: %s"), i + 1, N_STEPS, _(steps[i].label));
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
}

/* The visible button that goes on, if any. */
static GtkWidget *
forward_button (XfImportAssistant *self)
{
  GtkWidget *buttons[] = { self->close_button, self->import_button, self->next_button };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (gtk_widget_get_visible (buttons[i]))
      return buttons[i];
  return NULL;
}

void
_xf_import_assistant_update_buttons (XfImportAssistant *self)
{
  const char *page = visible_page (self);
  gboolean busy = self->job != NULL;
  gboolean committed = is_committed (self);
  gboolean on_file = g_str_equal (page, "file");
  gboolean on_mapping = g_str_equal (page, "mapping");
  gboolean on_preview = g_str_equal (page, "preview");
  gboolean on_import = g_str_equal (page, "import");
  gboolean next = FALSE;

  if (on_file)
    next = self->import != NULL;
  else if (on_mapping)
    next = n_missing_required (self) == 0;
  else if (on_preview)
    next = self->import != NULL && xf_import_is_analysed (self->import) &&
           xf_import_get_n_rows (self->import) > 0;

  gtk_widget_set_visible (self->cancel_button, !committed && (on_file || busy));
  gtk_widget_set_visible (self->back_button, !busy && !committed && (on_mapping || on_preview || on_import));
  gtk_widget_set_visible (self->next_button, !busy && (on_file || on_mapping || on_preview));
  gtk_widget_set_visible (self->import_button, !busy && on_import && !committed);
  gtk_widget_set_visible (self->close_button, committed);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.back", !busy && !committed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next", !busy && next);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit",
                                 !busy && on_import && !committed && n_to_store (self) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", !busy && !committed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.stop", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-left-out", committed && !busy);
  update_title (self, page);

  /* Enter goes on (Next, Import, Close), never back or away: with no
   * default, Enter pressed Cancel, the only button that had focus. */
  gtk_window_set_default_widget (GTK_WINDOW (self), forward_button (self));
}

/* Where the keyboard starts on each step: on the way forward, or on what
 * has to be done before it (choosing a file); Cancel while busy. */
static void
focus_step (XfImportAssistant *self)
{
  GtkWidget *target = forward_button (self);

  if (g_str_equal (visible_page (self), "file") &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->file_stack), "choose") == 0)
    target = adw_status_page_get_child (self->choose_status);
  else if (self->job != NULL)
    target = self->cancel_button;
  if (target != NULL && gtk_widget_get_sensitive (target))
    gtk_widget_grab_focus (target);
}

static void
show_page (XfImportAssistant *self,
           const char        *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);
  _xf_import_assistant_update_buttons (self);
  focus_step (self);
}

/*
 * Jobs: reading, checking, importing
 */

struct _XfImportJob
{
  XfImportJobKind  kind;
  char            *location;   /* to open, when the assistant has no connection yet */
  XfAccount       *actor;
  XfStore         *store;
  XfRegistry      *registry;
  XfImport        *import;
  char            *path;
  gint             progress;   /* per 10,000; -1 while not known */
};

static void
job_free (gpointer data)
{
  XfImportJob *job = data;

  g_free (job->location);
  g_clear_object (&job->actor);
  g_clear_object (&job->store);
  g_clear_object (&job->registry);
  g_clear_object (&job->import);
  g_free (job->path);
  g_free (job);
}

static void
job_progress_cb (double   fraction,
                 gpointer user_data)
{
  XfImportJob *job = user_data;

  g_atomic_int_set (&job->progress, (gint) (CLAMP (fraction, 0.0, 1.0) * 10000));
}

static gboolean
job_run (XfImportJob   *job,
         GCancellable  *cancellable,
         GError       **error)
{
  switch (job->kind)
    {
    case XF_IMPORT_JOB_LOAD:
      if (job->registry == NULL)
        {
          job->store = xf_store_open_existing (job->location, error);
          if (job->store == NULL)
            return FALSE;
          job->registry = xf_registry_new (job->store, job->actor);
        }
      job->import = xf_import_new (job->registry);
      return xf_import_load (job->import, job->path, cancellable, error);

    case XF_IMPORT_JOB_ANALYSE:
      return xf_import_analyse (job->import, job_progress_cb, job, cancellable, error);

    case XF_IMPORT_JOB_COMMIT:
      return xf_import_commit (job->import, job_progress_cb, job, cancellable, error);

    default:
      g_assert_not_reached ();
    }
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (job_run (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static gboolean
progress_tick_cb (gpointer user_data)
{
  XfImportAssistant *self = user_data;
  gint progress;
  g_autofree char *text = NULL;

  if (self->job == NULL)
    return G_SOURCE_CONTINUE;
  progress = g_atomic_int_get (&self->job->progress);
  if (progress < 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      return G_SOURCE_CONTINUE;
    }
  gtk_progress_bar_set_fraction (self->progress_bar, progress / 10000.0);
  /* Translators: a job's progress, "45 %" */
  text = g_strdup_printf (_("%d %%"), progress / 100);
  gtk_progress_bar_set_text (self->progress_bar, text);
  return G_SOURCE_CONTINUE;
}

/* Where to go when a job ends without result. */
static void
show_step_after_failure (XfImportAssistant *self,
                         XfImportJobKind    kind)
{
  switch (kind)
    {
    case XF_IMPORT_JOB_LOAD:
      gtk_stack_set_visible_child_name (self->file_stack, self->import != NULL ? "loaded" : "choose");
      show_page (self, "file");
      break;
    case XF_IMPORT_JOB_ANALYSE:
      show_page (self, "mapping");
      break;
    case XF_IMPORT_JOB_COMMIT:
      /* Nothing was stored: the preview is there to go back to. */
      _xf_import_assistant_show_preview (self);
      _xf_import_assistant_show_summary (self);
      show_page (self, "import");
      break;
    default:
      g_assert_not_reached ();
    }
}

static void fill_file_page (XfImportAssistant *self);
static void fill_mapping (XfImportAssistant *self);

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  XfImportAssistant *self = XF_IMPORT_ASSISTANT (object);
  XfImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean cancelled;

  g_task_propagate_boolean (G_TASK (result), &error);
  cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->cancellable);
  self->job = NULL;

  /* Closed meanwhile: the worker only had to let go. */
  if (self->leave_confirmed)
    return;

  if (error != NULL)
    {
      if (cancelled && job->kind == XF_IMPORT_JOB_ANALYSE)
        _xf_import_assistant_show_error (self, _("The check was cancelled. Nothing has been imported."));
      else if (cancelled && job->kind == XF_IMPORT_JOB_COMMIT)
        _xf_import_assistant_show_error (self, _("The import was cancelled and undone: nothing was imported."));
      else if (!cancelled)
        _xf_import_assistant_show_error (self, error->message);
      show_step_after_failure (self, job->kind);
      return;
    }

  switch (job->kind)
    {
    case XF_IMPORT_JOB_LOAD:
      if (!self->shared && self->own_registry == NULL)
        {
          self->own_store = g_steal_pointer (&job->store);
          self->own_registry = g_steal_pointer (&job->registry);
        }
      _xf_import_assistant_clear_preview (self);
      g_set_object (&self->import, job->import);
      self->needs_analysis = TRUE;
      self->went_on = FALSE;
      fill_file_page (self);
      fill_mapping (self);
      show_page (self, "file");
      break;

    case XF_IMPORT_JOB_ANALYSE:
      self->needs_analysis = FALSE;
      _xf_import_assistant_show_preview (self);
      show_page (self, "preview");
      break;

    case XF_IMPORT_JOB_COMMIT:
      _xf_import_assistant_show_report (self);
      show_page (self, "import");
      g_signal_emit (self, signals [IMPORTED], 0);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
show_busy (XfImportAssistant *self,
           XfImportJob       *job)
{
  g_autofree char *description = NULL;
  const char *title = NULL;
  const char *note = NULL;

  switch (job->kind)
    {
    case XF_IMPORT_JOB_LOAD:
      title = _("Reading the File…");
      description = g_path_get_basename (job->path);
      break;
    case XF_IMPORT_JOB_ANALYSE:
      title = _("Checking the Rows…");
      {
        guint n = xf_import_get_n_rows (self->import);
        g_autofree char *count = _xf_import_format_count (n);

        /* Translators: %s is a number of rows, "1,224" */
        description = g_strdup_printf (ngettext ("%s row is checked as a save would check it",
                                                 "%s rows are checked as a save would check them", n),
                                       count);
      }
      note = _("Nothing is stored yet.");
      break;
    case XF_IMPORT_JOB_COMMIT:
      title = _("Importing…");
      description = g_strdup (xf_import_get_file_name (self->import));
      note = _("Cancelling undoes the whole import: nothing is kept.");
      break;
    default:
      g_assert_not_reached ();
    }

  adw_status_page_set_title (self->busy_status, title);
  adw_status_page_set_description (self->busy_status, description);
  gtk_label_set_label (self->busy_note, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->busy_note), note != NULL);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, job->progress < 0 ? "" : NULL);
  show_page (self, "busy");
}

void
_xf_import_assistant_run_job (XfImportAssistant *self,
                              XfImportJobKind    kind,
                              const char        *path)
{
  g_autoptr(GTask) task = NULL;
  XfImportJob *job;

  g_return_if_fail (self->job == NULL);

  job = g_new0 (XfImportJob, 1);
  job->kind = kind;
  job->path = g_strdup (path);
  job->progress = kind == XF_IMPORT_JOB_LOAD ? -1 : 0;
  if (kind == XF_IMPORT_JOB_LOAD)
    {
      XfRegistry *registry = self->shared ? self->registry : self->own_registry;

      job->actor = xf_account_copy (xf_registry_get_actor (self->registry));
      if (registry != NULL)
        job->registry = g_object_ref (registry);
      else
        job->location = g_strdup (xf_db_get_path (xf_store_get_db (xf_registry_get_store (self->registry))));
    }
  else
    {
      job->import = g_object_ref (self->import);
      /* The worker changes the rows: no cell may read them meanwhile. */
      _xf_import_assistant_clear_preview (self);
    }

  self->job = job;
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, job_done_cb, NULL);
  g_task_set_source_tag (task, _xf_import_assistant_run_job);
  g_task_set_task_data (task, job, job_free);
  /* A job's error is shown on the step it returns to, not on the busy page. */
  _xf_import_assistant_show_error (self, NULL);
  show_busy (self, job);
  self->progress_id = g_timeout_add (100, progress_tick_cb, self);

  if (self->shared)
    job_thread (task, self, job, self->cancellable);
  else
    g_task_run_in_thread (task, job_thread);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfImportAssistant *self = XF_IMPORT_ASSISTANT (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/*
 * Step 1: the file
 */

static void
fill_file_page (XfImportAssistant *self)
{
  g_autofree char *description = xf_import_describe_file (self->import);
  guint n = xf_import_get_n_rows (self->import);
  g_autofree char *count = _xf_import_format_count (n);
  g_autofree char *subtitle = NULL;

  /* Translators: the file's format and size, "CSV (GB18030, comma) · 1,224 rows" */
  subtitle = g_strdup_printf (ngettext ("%s · %s data row", "%s · %s data rows", n), description, count);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row),
                                 xf_import_get_file_name (self->import));
  adw_action_row_set_subtitle (self->file_row, subtitle);

  self->filling_mapping = TRUE;
  adw_combo_row_set_selected (self->kind_row, xf_import_get_kind (self->import));
  self->filling_mapping = FALSE;
  gtk_stack_set_visible_child_name (self->file_stack, "loaded");
}

/* What choosing or dropping a file does: reads it in a worker. */
void
xf_import_assistant_open_file (XfImportAssistant *self,
                               GFile             *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (XF_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->job != NULL || is_committed (self))
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      _xf_import_assistant_show_error (self, _("Only a file on this computer can be imported: copy it here first."));
      return;
    }
  _xf_import_assistant_run_job (self, XF_IMPORT_JOB_LOAD, path);
}

static void
chooser_response_cb (GtkNativeDialog   *chooser,
                     int                response,
                     XfImportAssistant *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        xf_import_assistant_open_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser      *chooser,
            const char          *name,
            const char * const  *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfImportAssistant *self = XF_IMPORT_ASSISTANT (widget);
  static const char * const spreadsheets[] = { "csv", "xlsx", "txt", NULL };
  static const char * const csv[] = { "csv", "txt", NULL };
  static const char * const xlsx[] = { "xlsx", NULL };
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a File to Import"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Spreadsheets (CSV, XLSX)"), spreadsheets);
  add_filter (GTK_FILE_CHOOSER (chooser), _("CSV"), csv);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Excel Workbook (XLSX)"), xlsx);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
drop_cb (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         XfImportAssistant *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->job != NULL || is_committed (self))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;
  xf_import_assistant_open_file (self, files->data);
  g_slist_free (files);
  return TRUE;
}

static void
kind_selected_cb (XfImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->filling_mapping || self->import == NULL || selected > XF_IMPORT_KIND_ORGANISATIONS)
    return;
  if ((XfImportKind) selected == xf_import_get_kind (self->import))
    return;
  xf_import_set_kind (self->import, selected);
  self->needs_analysis = TRUE;
  fill_mapping (self);
  _xf_import_assistant_update_buttons (self);
}

/*
 * Step 2: the columns
 */

/* A few values of @column, so the user sees what it holds. */
static char *
sample_values (XfImport *import,
               guint     column)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_rows = MIN (xf_import_get_n_rows (import), 50);
  guint found = 0;

  for (guint row = 0; row < n_rows && found < 3; row++)
    {
      g_autofree char *value = g_strstrip (g_strdup (xf_import_get_cell (import, row, column)));

      if (*value == '\0')
        continue;
      if (g_utf8_strlen (value, -1) > 24)
        {
          char *end = g_utf8_offset_to_pointer (value, 23);

          *end = '\0';
          g_string_append_printf (text, "%s%s…", found > 0 ? " · " : "", value);
        }
      else
        g_string_append_printf (text, "%s%s", found > 0 ? " · " : "", value);
      found++;
    }
  if (found == 0)
    return g_strdup (_("Empty in the first rows"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
field_position (XfImportKind  kind,
                const char   *field)
{
  const char * const *fields = xf_import_list_fields (kind);

  for (guint i = 0; field != NULL && fields[i] != NULL; i++)
    if (g_str_equal (fields[i], field))
      return i + 1;
  return 0;
}

static void
update_mapping_notes (XfImportAssistant *self)
{
  g_autoptr(GPtrArray) missing = xf_import_missing_required (self->import);
  XfImportKind kind = xf_import_get_kind (self->import);

  gtk_widget_set_visible (GTK_WIDGET (self->remembered_label),
                          xf_import_is_mapping_remembered (self->import));
  if (missing->len > 0)
    {
      g_autoptr(GString) labels = g_string_new (NULL);
      g_autofree char *text = NULL;

      for (guint i = 0; i < missing->len; i++)
        {
          if (i > 0)
            /* Translators: between the fields of a list, "Name, Identity number" */
            g_string_append (labels, _(", "));
          g_string_append (labels, xf_import_field_label (kind, g_ptr_array_index (missing, i)));
        }
      /* Translators: %s lists fields, "Name, Identity number" */
      text = g_strdup_printf (ngettext ("No column fills in the required field %s: choose its column below.",
                                        "No column fills in the required fields %s: choose their columns below.",
                                        missing->len),
                              labels->str);
      gtk_label_set_label (self->missing_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), missing->len > 0);
}

/* The combo rows show what core has: a field taken by one column leaves
 * the column that had it. */
static void
sync_column_rows (XfImportAssistant *self)
{
  XfImportKind kind = xf_import_get_kind (self->import);

  self->filling_mapping = TRUE;
  for (guint i = 0; i < self->column_rows->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (self->column_rows, i);
      guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));

      adw_combo_row_set_selected (row, field_position (kind, xf_import_get_column_field (self->import, column)));
    }
  self->filling_mapping = FALSE;
}

static void
column_field_selected_cb (AdwComboRow       *row,
                          GParamSpec        *pspec,
                          XfImportAssistant *self)
{
  const char * const *fields;
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  if (self->filling_mapping || self->import == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  fields = xf_import_list_fields (xf_import_get_kind (self->import));
  if (!xf_import_set_column_field (self->import, column, selected > 0 ? fields[selected - 1] : NULL, &error))
    _xf_import_assistant_show_error (self, error->message);
  else
    _xf_import_assistant_show_error (self, NULL);
  self->needs_analysis = TRUE;
  sync_column_rows (self);
  update_mapping_notes (self);
  _xf_import_assistant_update_buttons (self);
}

static void
fill_mapping (XfImportAssistant *self)
{
  XfImportKind kind = xf_import_get_kind (self->import);
  const char * const *fields = xf_import_list_fields (kind);
  guint n_columns = xf_import_get_n_columns (self->import);

  xf_preferences_group_clear_rows (self->columns_group, self->column_rows);
  g_clear_object (&self->field_labels);
  self->field_labels = gtk_string_list_new (NULL);
  gtk_string_list_append (self->field_labels, _("Not imported"));
  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *label = xf_import_field_label (kind, fields[i]);

      if (xf_import_field_is_required (kind, fields[i]))
        {
          /* Translators: a required field in the list of fields a column can fill in */
          g_autofree char *required = g_strdup_printf (_("%s (required)"), label);

          gtk_string_list_append (self->field_labels, required);
        }
      else
        gtk_string_list_append (self->field_labels, label);
    }

  self->filling_mapping = TRUE;
  for (guint column = 0; column < n_columns; column++)
    {
      const char *header = xf_import_get_header (self->import, column);
      g_autofree char *title = NULL;
      g_autofree char *samples = sample_values (self->import, column);
      GtkWidget *row = adw_combo_row_new ();

      if (header == NULL || *header == '\0')
        /* Translators: a column of the file without a header, "Column 3" */
        title = g_strdup_printf (_("Column %u"), column + 1);
      else
        title = g_strdup (header);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), samples);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->field_labels));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (column));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                                  field_position (kind, xf_import_get_column_field (self->import, column)));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (column_field_selected_cb), self, 0);
      xf_preferences_group_add_row (self->columns_group, self->column_rows, row);
    }
  self->filling_mapping = FALSE;
  update_mapping_notes (self);
}

/*
 * Going back and forth
 */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfImportAssistant *self = XF_IMPORT_ASSISTANT (widget);
  const char *page = visible_page (self);

  if (self->import == NULL || self->job != NULL)
    return;
  _xf_import_assistant_show_error (self, NULL);

  if (g_str_equal (page, "file"))
    {
      self->went_on = TRUE;
      show_page (self, "mapping");
    }
  else if (g_str_equal (page, "mapping"))
    {
      if (n_missing_required (self) > 0)
        return;
      if (gtk_switch_get_active (self->remember_switch) && !xf_import_is_mapping_remembered (self->import))
        {
          g_autoptr(GError) error = NULL;

          /* Not remembering it does not stop the import: said, and on. */
          if (!xf_import_remember_mapping (self->import, &error))
            {
              g_autofree char *text =
                /* Translators: %s is the reason, e.g. "You may not …" */
                g_strdup_printf (_("The mapping could not be remembered: %s"), error->message);

              adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
            }
          update_mapping_notes (self);
        }
      if (self->needs_analysis || !xf_import_is_analysed (self->import))
        _xf_import_assistant_run_job (self, XF_IMPORT_JOB_ANALYSE, NULL);
      else
        show_page (self, "preview");
    }
  else if (g_str_equal (page, "preview"))
    {
      _xf_import_assistant_show_summary (self);
      show_page (self, "import");
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfImportAssistant *self = XF_IMPORT_ASSISTANT (widget);
  const char *page = visible_page (self);

  if (self->job != NULL || is_committed (self))
    return;
  _xf_import_assistant_show_error (self, NULL);
  if (g_str_equal (page, "mapping"))
    show_page (self, "file");
  else if (g_str_equal (page, "preview"))
    show_page (self, "mapping");
  else if (g_str_equal (page, "import"))
    show_page (self, "preview");
}

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfImportAssistant *self = XF_IMPORT_ASSISTANT (widget);

  if (self->import == NULL || self->job != NULL || is_committed (self) || n_to_store (self) == 0)
    return;
  _xf_import_assistant_run_job (self, XF_IMPORT_JOB_COMMIT, NULL);
}

static void
save_left_out_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _xf_import_assistant_save_left_out (XF_IMPORT_ASSISTANT (widget));
}

/*
 * Leaving
 */

/* Once a file has gone past its first step, or a job runs, closing loses work. */
static gboolean
would_lose_work (XfImportAssistant *self)
{
  if (self->job != NULL)
    return TRUE;
  return self->import != NULL && !is_committed (self) && self->went_on;
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
leave_response_cb (XfImportAssistant *self)
{
  self->leave_confirmed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  /* Once the question, transient for this window, has closed. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
confirm_response_cb (XfImportAssistant *self)
{
  self->confirming = FALSE;
}

static gboolean
xf_import_assistant_close_request (GtkWindow *window)
{
  XfImportAssistant *self = XF_IMPORT_ASSISTANT (window);
  GtkWidget *dialog;

  if (self->leave_confirmed || !would_lose_work (self))
    {
      self->leave_confirmed = TRUE;
      if (self->cancellable != NULL)
        g_cancellable_cancel (self->cancellable);
      return GTK_WINDOW_CLASS (xf_import_assistant_parent_class)->close_request (window);
    }
  if (self->confirming)
    return TRUE;

  if (self->job != NULL && self->job->kind == XF_IMPORT_JOB_COMMIT)
    dialog = xf_confirm_dialog_new (GTK_WIDGET (self), _("Stop the Import?"),
                                    _("What was imported so far is undone: nothing is kept."),
                                    _("_Continue Importing"), "leave", _("_Stop"));
  else
    dialog = xf_confirm_dialog_new (GTK_WIDGET (self), _("Stop Importing?"),
                                    _("The choice of columns and the fixes made in the preview will be lost. Nothing has been imported."),
                                    _("_Continue"), "leave", _("_Stop"));
  self->confirming = TRUE;
  g_signal_connect_object (dialog, "response::leave", G_CALLBACK (leave_response_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/*
 * Setting up
 */

static void
xf_import_assistant_dispose (GObject *object)
{
  XfImportAssistant *self = XF_IMPORT_ASSISTANT (object);

  /* A job still running ends on its own references and is ignored. */
  self->leave_confirmed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->cancellable);
  _xf_import_assistant_clear_preview (self);
  g_clear_pointer (&self->bound_cells, g_hash_table_unref);
  _xf_import_assistant_clear_commit (self);
  g_clear_object (&self->import);
  g_clear_object (&self->own_registry);
  g_clear_object (&self->own_store);
  g_clear_object (&self->registry);
  g_clear_object (&self->field_labels);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (xf_import_assistant_parent_class)->dispose (object);
}

static void
xf_import_assistant_class_init (XfImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = xf_import_assistant_dispose;
  window_class->close_request = xf_import_assistant_close_request;

  /**
   * XfImportAssistant::imported:
   *
   * Emitted when the file has been imported: the registry has changed.
   */
  signals [IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/exchange/xf-import-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, content_box);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, import_button);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, close_button);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, file_stack);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, choose_status);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, busy_status);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, busy_note);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, stop_button);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, file_row);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, kind_row);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, mapping_page);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, remembered_label);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, missing_label);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, columns_group);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, filter_box);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, filter_all);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, filter_problems);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, filter_duplicates);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, filter_import);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, rows_stack);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, rows_scroller);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, column_view);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, empty_status);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, import_stack);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, summary_label);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, summary_counts);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, report_label);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, report_counts);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, left_out_group);
  gtk_widget_class_bind_template_child (widget_class, XfImportAssistant, save_left_out_button);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "filter_toggled_cb",
                                                G_CALLBACK (_xf_import_assistant_filter_toggled_cb));

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "import.commit", NULL, commit_action);
  gtk_widget_class_install_action (widget_class, "import.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "import.save-left-out", NULL, save_left_out_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "import.choose", NULL);
}

static void
xf_import_assistant_init (XfImportAssistant *self)
{
  GtkDropTarget *target;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->column_rows = g_ptr_array_new ();
  for (XfImportKind kind = XF_IMPORT_KIND_INDIVIDUALS; kind <= XF_IMPORT_KIND_ORGANISATIONS; kind++)
    gtk_string_list_append (kinds, xf_import_kind_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (self->content_box, GTK_EVENT_CONTROLLER (target));

  _xf_import_assistant_init_preview (self);
  show_page (self, "file");
}

GtkWidget *
xf_import_assistant_new (GtkWindow  *parent,
                         XfRegistry *registry)
{
  XfImportAssistant *self;
  XfDb *db;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  self = g_object_new (XF_TYPE_IMPORT_ASSISTANT,
                       "transient-for", parent,
                       NULL);
  self->registry = g_object_ref (registry);
  /* A second connection to ":memory:" would be another, empty database. */
  db = xf_store_get_db (xf_registry_get_store (registry));
  self->shared = g_strcmp0 (xf_db_get_path (db), ":memory:") == 0;
  return GTK_WIDGET (self);
}

XfImport *
xf_import_assistant_get_import (XfImportAssistant *self)
{
  g_return_val_if_fail (XF_IS_IMPORT_ASSISTANT (self), NULL);
  return self->import;
}

const char *
xf_import_assistant_get_step (XfImportAssistant *self)
{
  const char *page;

  g_return_val_if_fail (XF_IS_IMPORT_ASSISTANT (self), NULL);

  page = visible_page (self);
  if (g_str_equal (page, "import") && is_committed (self))
    return "report";
  return page;
}

gboolean
xf_import_assistant_is_busy (XfImportAssistant *self)
{
  g_return_val_if_fail (XF_IS_IMPORT_ASSISTANT (self), FALSE);
  return self->job != NULL;
}
