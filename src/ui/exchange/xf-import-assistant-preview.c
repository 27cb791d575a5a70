/* xf-import-assistant-preview.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import assistant's third step: every row of the file with its
 * state, problems and cells, a filter, fixes, leaving out and merging.
 *
 * A file may have a million rows, so the list makes an item only for a
 * row the view asks for (XfImportRows holds the filtered row numbers, not
 * objects). A fix can change other rows too (a repeat of it is no longer
 * one), so after each change every cell on screen is filled again from
 * core; a row whose state no longer fits the filter stays until the
 * filter is chosen again, rather than vanish under the pointer.
 */

#define G_LOG_DOMAIN "xf-import-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-import-assistant-private.h"
#include "xf-merge-dialog.h"
#include "xf-wrap-layout.h"

/*
 * A row of the file, as an item of the list
 */

#define XF_TYPE_IMPORT_ROW_ITEM (xf_import_row_item_get_type ())

G_DECLARE_FINAL_TYPE (XfImportRowItem, xf_import_row_item, XF, IMPORT_ROW_ITEM, GObject)

struct _XfImportRowItem
{
  GObject parent_instance;
  guint   row;
};

G_DEFINE_FINAL_TYPE (XfImportRowItem, xf_import_row_item, G_TYPE_OBJECT)

static void
xf_import_row_item_class_init (XfImportRowItemClass *klass)
{
}

static void
xf_import_row_item_init (XfImportRowItem *self)
{
}

/*
 * The rows of the file that the filter lets through
 */

#define XF_TYPE_IMPORT_ROWS (xf_import_rows_get_type ())

G_DECLARE_FINAL_TYPE (XfImportRows, xf_import_rows, XF, IMPORT_ROWS, GObject)

struct _XfImportRows
{
  GObject   parent_instance;
  XfImport *import;
  GArray   *rows;     /* (element-type guint) the rows shown; NULL: all */
  guint     n_items;
};

static GType
xf_import_rows_get_item_type (GListModel *model)
{
  return XF_TYPE_IMPORT_ROW_ITEM;
}

static guint
xf_import_rows_get_n_items (GListModel *model)
{
  return XF_IMPORT_ROWS (model)->n_items;
}

static gpointer
xf_import_rows_get_item (GListModel *model,
                         guint       position)
{
  XfImportRows *self = XF_IMPORT_ROWS (model);
  XfImportRowItem *item;

  if (position >= self->n_items)
    return NULL;
  item = g_object_new (XF_TYPE_IMPORT_ROW_ITEM, NULL);
  item->row = self->rows != NULL ? g_array_index (self->rows, guint, position) : position;
  return item;
}

static void
xf_import_rows_model_init (GListModelInterface *iface)
{
  iface->get_item_type = xf_import_rows_get_item_type;
  iface->get_n_items = xf_import_rows_get_n_items;
  iface->get_item = xf_import_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (XfImportRows, xf_import_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, xf_import_rows_model_init))

static void
xf_import_rows_finalize (GObject *object)
{
  XfImportRows *self = XF_IMPORT_ROWS (object);

  g_clear_object (&self->import);
  g_clear_pointer (&self->rows, g_array_unref);

  G_OBJECT_CLASS (xf_import_rows_parent_class)->finalize (object);
}

static void
xf_import_rows_class_init (XfImportRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xf_import_rows_finalize;
}

static void
xf_import_rows_init (XfImportRows *self)
{
}

static gboolean
filter_matches (XfImportFilter   filter,
                XfImportRowState state)
{
  switch (filter)
    {
    case XF_IMPORT_FILTER_ALL:
      return TRUE;
    case XF_IMPORT_FILTER_PROBLEMS:
      return state == XF_IMPORT_ROW_PROBLEM;
    case XF_IMPORT_FILTER_DUPLICATES:
      return state == XF_IMPORT_ROW_DUPLICATE || state == XF_IMPORT_ROW_MERGE;
    case XF_IMPORT_FILTER_TO_IMPORT:
      return state == XF_IMPORT_ROW_NEW || state == XF_IMPORT_ROW_MERGE;
    default:
      g_assert_not_reached ();
    }
}

static void
xf_import_rows_set_filter (XfImportRows   *self,
                           XfImportFilter  filter)
{
  guint n_rows = xf_import_get_n_rows (self->import);
  guint before = self->n_items;

  g_clear_pointer (&self->rows, g_array_unref);
  if (filter == XF_IMPORT_FILTER_ALL)
    self->n_items = n_rows;
  else
    {
      self->rows = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint row = 0; row < n_rows; row++)
        if (filter_matches (filter, xf_import_get_row_state (self->import, row)))
          g_array_append_val (self->rows, row);
      self->n_items = self->rows->len;
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, before, self->n_items);
}

static XfImportRows *
xf_import_rows_new (XfImport       *import,
                    XfImportFilter  filter)
{
  XfImportRows *self = g_object_new (XF_TYPE_IMPORT_ROWS, NULL);

  self->import = g_object_ref (import);
  xf_import_rows_set_filter (self, filter);
  return self;
}

/*
 * Cells
 */

typedef enum
{
  CELL_LINE,
  CELL_STATE,
  CELL_PROBLEMS,
  CELL_ACTIONS,
  CELL_VALUE,
} CellKind;

static CellKind
cell_kind (GtkWidget *cell)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "cell-kind"));
}

static guint
cell_row (GtkWidget *cell)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "row"));
}

static guint
cell_column (GtkWidget *cell)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column"));
}

static const XfImportProblem *
find_problem (GPtrArray *problems,
              guint      column)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const XfImportProblem *problem = g_ptr_array_index (problems, i);

      if (problem->column == column)
        return problem;
    }
  return NULL;
}

static void
set_style (GtkWidget          *widget,
           const char * const *classes,
           const char         *wanted)
{
  for (guint i = 0; classes[i] != NULL; i++)
    if (g_strcmp0 (classes[i], wanted) != 0)
      gtk_widget_remove_css_class (widget, classes[i]);
  if (wanted != NULL)
    gtk_widget_add_css_class (widget, wanted);
}

static void
fill_state (GtkWidget        *cell,
            XfImportRowState  state)
{
  static const char * const styles[] = { "success", "warning", "accent", "dim-label", NULL };
  GtkWidget *image = gtk_widget_get_first_child (cell);
  GtkWidget *label = gtk_widget_get_next_sibling (image);
  const char *icon = NULL;
  const char *word = NULL;
  const char *style = NULL;

  switch (state)
    {
    case XF_IMPORT_ROW_NEW:
      icon = "object-select-symbolic";
      /* Translators: the state of a row in the import's preview: it will be created */
      word = C_("import row", "New");
      style = "success";
      break;
    case XF_IMPORT_ROW_PROBLEM:
      icon = "dialog-warning-symbolic";
      /* Translators: the state of a row in the import's preview */
      word = C_("import row", "Problem");
      style = "warning";
      break;
    case XF_IMPORT_ROW_DUPLICATE:
      icon = "edit-copy-symbolic";
      /* Translators: the state of a row in the import's preview: already in the registry */
      word = C_("import row", "Duplicate");
      style = "accent";
      break;
    case XF_IMPORT_ROW_MERGE:
      icon = "document-edit-symbolic";
      /* Translators: the state of a row in the import's preview: it updates a record */
      word = C_("import row", "Merge");
      style = "accent";
      break;
    case XF_IMPORT_ROW_SKIPPED:
    default:
      icon = "action-unavailable-symbolic";
      /* Translators: the state of a row in the import's preview: the user left it out */
      word = C_("import row", "Left out");
      style = "dim-label";
      break;
    }
  gtk_image_set_from_icon_name (GTK_IMAGE (image), icon);
  gtk_label_set_label (GTK_LABEL (label), word);
  set_style (cell, styles, style);
}

static char *
problems_text (XfImport *import,
               guint     row)
{
  XfImportRowState state = xf_import_get_row_state (import, row);
  GPtrArray *problems = xf_import_get_row_problems (import, row);
  g_autoptr(GString) text = g_string_new (NULL);

  if (state == XF_IMPORT_ROW_DUPLICATE)
    /* Translators: %s is the record a row matches, "王建国 (1985-03-02)" */
    g_string_printf (text, _("Already in the registry: %s"),
                     xf_import_get_row_duplicate_label (import, row));
  else if (state == XF_IMPORT_ROW_MERGE)
    {
      const char * const *fields = xf_import_get_merge (import, row);
      guint n = fields != NULL ? g_strv_length ((char **) fields) : 0;

      /* Translators: %u is a number of fields, %s the record, "王建国 (1985-03-02)" */
      g_string_printf (text, ngettext ("Updates %u field of %s", "Updates %u fields of %s", n),
                       n, xf_import_get_row_duplicate_label (import, row));
    }
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const XfImportProblem *problem = g_ptr_array_index (problems, i);

      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append (text, problem->message);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill_cell (XfImportAssistant *self,
           GtkWidget         *cell)
{
  XfImport *import = self->import;
  guint row = cell_row (cell);
  gboolean committed = xf_import_is_committed (import);

  if (row >= xf_import_get_n_rows (import))
    return;

  switch (cell_kind (cell))
    {
    case CELL_LINE:
      {
        g_autofree char *line = g_strdup_printf ("%" G_GUINT64_FORMAT, xf_import_get_row_line (import, row));

        gtk_label_set_label (GTK_LABEL (cell), line);
      }
      break;

    case CELL_STATE:
      fill_state (cell, xf_import_get_row_state (import, row));
      break;

    case CELL_PROBLEMS:
      {
        g_autofree char *text = problems_text (import, row);

        gtk_label_set_label (GTK_LABEL (cell), text);
      }
      break;

    case CELL_ACTIONS:
      {
        XfImportRowState state = xf_import_get_row_state (import, row);
        GtkWidget *check = gtk_widget_get_first_child (cell);
        GtkWidget *merge = gtk_widget_get_next_sibling (check);

        g_object_set_data (G_OBJECT (check), "filling", GINT_TO_POINTER (TRUE));
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), state == XF_IMPORT_ROW_SKIPPED);
        g_object_set_data (G_OBJECT (check), "filling", NULL);
        gtk_widget_set_sensitive (check, !committed);
        gtk_widget_set_visible (merge, state == XF_IMPORT_ROW_DUPLICATE || state == XF_IMPORT_ROW_MERGE);
        gtk_widget_set_sensitive (merge, !committed);
      }
      break;

    case CELL_VALUE:
      {
        guint column = cell_column (cell);
        const XfImportProblem *problem = find_problem (xf_import_get_row_problems (import, row), column);

        gtk_editable_set_text (GTK_EDITABLE (cell), xf_import_get_cell (import, row, column));
        gtk_editable_set_editable (GTK_EDITABLE (cell), !committed);
        gtk_widget_set_tooltip_text (cell, problem != NULL ? problem->message : NULL);
        if (problem != NULL)
          gtk_widget_add_css_class (cell, "error");
        else
          gtk_widget_remove_css_class (cell, "error");
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
update_counts (XfImportAssistant *self)
{
  const struct { GtkToggleButton *button; guint n; } counts[] = {
    { self->filter_all, xf_import_get_n_rows (self->import) },
    { self->filter_problems, xf_import_count_rows (self->import, XF_IMPORT_ROW_PROBLEM) },
    { self->filter_duplicates, xf_import_count_rows (self->import, XF_IMPORT_ROW_DUPLICATE) +
                               xf_import_count_rows (self->import, XF_IMPORT_ROW_MERGE) },
    { self->filter_import, xf_import_count_rows (self->import, XF_IMPORT_ROW_NEW) +
                           xf_import_count_rows (self->import, XF_IMPORT_ROW_MERGE) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      GtkLabel *label = g_object_get_data (G_OBJECT (counts[i].button), "count-label");
      g_autofree char *text = _xf_import_format_count (counts[i].n);

      gtk_label_set_label (label, text);
    }
}

void
_xf_import_assistant_refresh_rows (XfImportAssistant *self)
{
  GHashTableIter iter;
  gpointer cell;

  if (self->import == NULL)
    return;
  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    fill_cell (self, cell);
  update_counts (self);
  _xf_import_assistant_update_buttons (self);
}

/*
 * Changes made in the preview
 */

/* A cell's text goes to core when Enter is pressed or the focus leaves
 * it. (Not a GtkEditableLabel: in GTK 4.8 one destroyed within 100 ms of
 * losing the focus while editing — a row scrolled or filtered away —
 * runs a timeout on freed memory.) */
static void
commit_value (XfImportAssistant *self,
              GtkWidget         *cell)
{
  g_autoptr(GError) error = NULL;
  guint row = cell_row (cell);
  guint column = cell_column (cell);
  const char *text;

  if (self->import == NULL || self->job != NULL || xf_import_is_committed (self->import) ||
      row >= xf_import_get_n_rows (self->import))
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (cell));
  if (g_strcmp0 (text, xf_import_get_cell (self->import, row, column)) == 0)
    return;
  if (!xf_import_set_cell (self->import, row, column, text, &error))
    _xf_import_assistant_show_error (self, error->message);
  else
    _xf_import_assistant_show_error (self, NULL);
  _xf_import_assistant_refresh_rows (self);
}

static void
value_activate_cb (GtkEntry          *cell,
                   XfImportAssistant *self)
{
  commit_value (self, GTK_WIDGET (cell));
}

static void
value_focus_leave_cb (GtkEventController  *controller,
                      XfImportAssistant   *self)
{
  commit_value (self, gtk_event_controller_get_widget (controller));
}

/* Escape in a changed cell takes the change back; in an unchanged one it
 * goes on to the window (which closes, asking first). */
static gboolean
value_escape_cb (GtkWidget *cell,
                 GVariant  *args,
                 gpointer   user_data)
{
  XfImportAssistant *self = user_data;
  guint row = cell_row (cell);
  const char *stored;

  if (self->import == NULL || row >= xf_import_get_n_rows (self->import))
    return FALSE;
  stored = xf_import_get_cell (self->import, row, cell_column (cell));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cell)), stored) == 0)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (cell), stored);
  return TRUE;
}

static void
leave_out_toggled_cb (GtkCheckButton    *check,
                      XfImportAssistant *self)
{
  guint row = cell_row (gtk_widget_get_parent (GTK_WIDGET (check)));

  if (g_object_get_data (G_OBJECT (check), "filling") != NULL || self->import == NULL)
    return;
  xf_import_set_skipped (self->import, row, gtk_check_button_get_active (check));
  _xf_import_assistant_refresh_rows (self);
}

static void
merge_clicked_cb (GtkButton         *button,
                  XfImportAssistant *self)
{
  _xf_import_assistant_merge_row (self, cell_row (gtk_widget_get_parent (GTK_WIDGET (button))));
}

static void
merge_applied_cb (XfImportAssistant *self)
{
  _xf_import_assistant_refresh_rows (self);
}

void
_xf_import_assistant_merge_row (XfImportAssistant *self,
                                guint              row)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_return_if_fail (XF_IS_IMPORT_ASSISTANT (self));

  if (self->import == NULL || self->job != NULL)
    return;
  dialog = xf_merge_dialog_new (GTK_WINDOW (self), self->import, row, &error);
  if (dialog == NULL)
    {
      _xf_import_assistant_show_error (self, error->message);
      return;
    }
  g_signal_connect_object (dialog, "applied", G_CALLBACK (merge_applied_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * The columns
 */

static void
cell_destroy_cb (GtkWidget         *cell,
                 XfImportAssistant *self)
{
  if (self->bound_cells != NULL)
    g_hash_table_remove (self->bound_cells, cell);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          XfImportAssistant        *self)
{
  CellKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "cell-kind"));
  GtkWidget *cell = NULL;

  switch (kind)
    {
    case CELL_LINE:
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), 1);
      gtk_widget_add_css_class (cell, "numeric");
      break;

    case CELL_STATE:
      cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (cell), gtk_image_new ());
      gtk_box_append (GTK_BOX (cell), gtk_label_new (NULL));
      break;

    case CELL_PROBLEMS:
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), 0);
      gtk_label_set_wrap (GTK_LABEL (cell), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (cell), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (cell), FALSE);
      break;

    case CELL_ACTIONS:
      {
        /* Translators: a check box of a row in the import's preview */
        GtkWidget *check = gtk_check_button_new_with_mnemonic (_("_Leave out"));
        /* Translators: a button of a duplicate row in the import's preview */
        GtkWidget *merge = gtk_button_new_with_mnemonic (_("_Merge…"));

        cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        gtk_widget_add_css_class (merge, "flat");
        gtk_box_append (GTK_BOX (cell), check);
        gtk_box_append (GTK_BOX (cell), merge);
        g_signal_connect (check, "toggled", G_CALLBACK (leave_out_toggled_cb), self);
        g_signal_connect (merge, "clicked", G_CALLBACK (merge_clicked_cb), self);
      }
      break;

    case CELL_VALUE:
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();
        GtkEventController *keys = gtk_shortcut_controller_new ();

        cell = gtk_entry_new ();
        gtk_entry_set_has_frame (GTK_ENTRY (cell), FALSE);
        gtk_editable_set_width_chars (GTK_EDITABLE (cell), 6);
        g_object_set_data (G_OBJECT (cell), "column", g_object_get_data (G_OBJECT (factory), "column"));
        /* Read out as the file's header: "身份证号码". */
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        g_object_get_data (G_OBJECT (factory), "title"), -1);
        g_signal_connect (cell, "activate", G_CALLBACK (value_activate_cb), self);
        g_signal_connect (focus, "leave", G_CALLBACK (value_focus_leave_cb), self);
        gtk_widget_add_controller (cell, focus);
        gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                              gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                                gtk_callback_action_new (value_escape_cb, self, NULL)));
        gtk_widget_add_controller (cell, keys);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  g_object_set_data (G_OBJECT (cell), "cell-kind", GUINT_TO_POINTER (kind));
  g_signal_connect (cell, "destroy", G_CALLBACK (cell_destroy_cb), self);
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         XfImportAssistant        *self)
{
  XfImportRowItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (cell), "row", GUINT_TO_POINTER (item->row));
  g_hash_table_add (self->bound_cells, cell);
  fill_cell (self, cell);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           XfImportAssistant        *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  if (cell != NULL && self->bound_cells != NULL)
    g_hash_table_remove (self->bound_cells, cell);
}

static GtkColumnViewColumn *
add_column (XfImportAssistant *self,
            const char        *title,
            CellKind           kind,
            guint              column,
            int                width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "cell-kind", GUINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  g_object_set_data_full (G_OBJECT (factory), "title", g_strdup (title), g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_fixed_width (view_column, width);
  g_object_set_data (G_OBJECT (view_column), "cell-kind", GUINT_TO_POINTER (kind));
  gtk_column_view_append_column (self->column_view, view_column);
  return view_column;
}

/* One column per column of the file that is imported, headed as in the file. */
static void
set_value_columns (XfImportAssistant *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  guint n_columns = xf_import_get_n_columns (self->import);

  for (guint i = g_list_model_get_n_items (columns); i > 0; i--)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i - 1);

      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column), "cell-kind")) == CELL_VALUE)
        gtk_column_view_remove_column (self->column_view, column);
    }
  for (guint column = 0; column < n_columns; column++)
    {
      const char *header = xf_import_get_header (self->import, column);
      g_autofree char *title = NULL;

      if (xf_import_get_column_field (self->import, column) == NULL)
        continue;
      if (header == NULL || *header == '\0')
        title = g_strdup_printf (_("Column %u"), column + 1);
      else
        title = g_strdup (header);
      add_column (self, title, CELL_VALUE, column, 150);
    }
}

/*
 * The filter
 */

static void
update_rows_stack (XfImportAssistant *self)
{
  gboolean any = self->rows != NULL && g_list_model_get_n_items (self->rows) > 0;

  gtk_stack_set_visible_child_name (self->rows_stack, any ? "list" : "none");
}

void
_xf_import_assistant_filter_toggled_cb (XfImportAssistant *self,
                                        GtkToggleButton   *button)
{
  XfImportFilter filter;

  if (!gtk_toggle_button_get_active (button))
    return;
  if (button == self->filter_problems)
    filter = XF_IMPORT_FILTER_PROBLEMS;
  else if (button == self->filter_duplicates)
    filter = XF_IMPORT_FILTER_DUPLICATES;
  else if (button == self->filter_import)
    filter = XF_IMPORT_FILTER_TO_IMPORT;
  else
    filter = XF_IMPORT_FILTER_ALL;
  self->filter = filter;
  if (self->rows != NULL)
    xf_import_rows_set_filter (XF_IMPORT_ROWS (self->rows), filter);
  update_rows_stack (self);
}

static void
set_filter_label (GtkToggleButton *button,
                  const char      *name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (name);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (button));
  gtk_button_set_child (GTK_BUTTON (button), box);
  g_object_set_data (G_OBJECT (button), "count-label", count);
}

/*
 * Showing and clearing
 */

void
_xf_import_assistant_show_preview (XfImportAssistant *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  guint n_rows = xf_import_get_n_rows (self->import);

  _xf_import_assistant_clear_preview (self);
  if (n_rows == 0)
    {
      /* Translators: %s is the file's name */
      g_autofree char *text = g_strdup_printf (_("“%s” has a header row but no rows of data."),
                                               xf_import_get_file_name (self->import));

      adw_status_page_set_description (self->empty_status, text);
      gtk_stack_set_visible_child_name (self->preview_stack, "empty");
      return;
    }

  set_value_columns (self);
  self->rows = G_LIST_MODEL (xf_import_rows_new (self->import, self->filter));
  selection = gtk_no_selection_new (g_object_ref (self->rows));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  update_counts (self);
  update_rows_stack (self);
  gtk_stack_set_visible_child_name (self->preview_stack, "rows");
}

void
_xf_import_assistant_clear_preview (XfImportAssistant *self)
{
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->rows);
  if (self->bound_cells != NULL)
    g_hash_table_remove_all (self->bound_cells);
}

void
_xf_import_assistant_init_preview (XfImportAssistant *self)
{
  GtkLayoutManager *layout = xf_wrap_layout_new ();

  self->bound_cells = g_hash_table_new (NULL, NULL);

  /* The filters wrap onto a second line in a narrow window. */
  xf_wrap_layout_set_spacing (XF_WRAP_LAYOUT (layout), 6);
  xf_wrap_layout_set_line_spacing (XF_WRAP_LAYOUT (layout), 6);
  gtk_widget_set_layout_manager (self->filter_box, layout);
  /* Translators: a filter of the import's preview, followed by a count */
  set_filter_label (self->filter_all, C_("import filter", "_All"));
  /* Translators: a filter of the import's preview, followed by a count */
  set_filter_label (self->filter_problems, C_("import filter", "_Problems"));
  /* Translators: a filter of the import's preview, followed by a count */
  set_filter_label (self->filter_duplicates, C_("import filter", "_Duplicates"));
  /* Translators: a filter of the import's preview, followed by a count */
  set_filter_label (self->filter_import, C_("import filter", "_To Import"));

  /* Translators: a column of the import's preview: the line of the file */
  add_column (self, C_("import column", "Line"), CELL_LINE, 0, 64);
  /* Translators: a column of the import's preview */
  add_column (self, C_("import column", "State"), CELL_STATE, 0, 120);
  /* Translators: a column of the import's preview */
  add_column (self, C_("import column", "Problems"), CELL_PROBLEMS, 0, 280);
  /* Translators: a column of the import's preview: leave out, merge */
  /* Wide enough for "Leave out" and "Merge…" with the button's padding: at
   * 190 the flat button ran into the next column. */
  add_column (self, C_("import column", "Action"), CELL_ACTIONS, 0, 216);
}
