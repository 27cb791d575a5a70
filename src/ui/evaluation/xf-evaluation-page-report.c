/* xf-evaluation-page-report.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Evaluation page's Report view (working days from submission to
 * decision per nomination and on average, against the promise) and its
 * Attention view (the actor's items due soon or overdue, across
 * campaigns), with the count the sidebar shows.
 */

#define G_LOG_DOMAIN "xf-evaluation-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "xf-evaluation-page-private.h"
#include "xf-nomination-row.h"
#include "xf-ui-util.h"

/*
 * A report row as a list item: its values, copied, so a row being drawn
 * never points into a report read again since.
 */

#define XF_TYPE_REPORT_ITEM (xf_report_item_get_type ())
G_DECLARE_FINAL_TYPE (XfReportItem, xf_report_item, XF, REPORT_ITEM, GObject)

struct _XfReportItem
{
  GObject   parent_instance;
  char     *candidate;
  char     *unit;
  char     *stage;
  char     *submitted_on;
  char     *decided_on;
  int       office_days;
  int       unit_days;
  gboolean  within_promise;
  int       promise_days;
};

G_DEFINE_FINAL_TYPE (XfReportItem, xf_report_item, G_TYPE_OBJECT)

static void
xf_report_item_finalize (GObject *object)
{
  XfReportItem *self = XF_REPORT_ITEM (object);

  g_free (self->candidate);
  g_free (self->unit);
  g_free (self->stage);
  g_free (self->submitted_on);
  g_free (self->decided_on);
  G_OBJECT_CLASS (xf_report_item_parent_class)->finalize (object);
}

static void
xf_report_item_class_init (XfReportItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xf_report_item_finalize;
}

static void
xf_report_item_init (XfReportItem *self)
{
}

static XfReportItem *
xf_report_item_new (const XfReportRow *row,
                    int                promise_days)
{
  XfReportItem *self = g_object_new (XF_TYPE_REPORT_ITEM, NULL);

  self->candidate = g_strdup (row->candidate_name);
  self->unit = g_strdup (row->nominating_unit);
  self->stage = g_strdup (row->stage);
  self->submitted_on = g_strdup (row->submitted_on);
  self->decided_on = g_strdup (row->decided_on);
  self->office_days = row->office_days;
  self->unit_days = row->unit_days;
  self->within_promise = row->within_promise;
  self->promise_days = promise_days;
  return self;
}

/*
 * Report columns
 */

typedef enum
{
  COLUMN_CANDIDATE,
  COLUMN_UNIT,
  COLUMN_STAGE,
  COLUMN_SUBMITTED,
  COLUMN_DECIDED,
  COLUMN_OFFICE_DAYS,
  COLUMN_UNIT_DAYS,
  COLUMN_PROMISE,
} Column;

/* The text of a cell and its style class (or NULL). */
static char *
cell_text (XfReportItem *item,
           Column        column,
           const char  **style_class)
{
  *style_class = NULL;
  switch (column)
    {
    case COLUMN_CANDIDATE:
      return g_strdup (item->candidate);
    case COLUMN_UNIT:
      return g_strdup (item->unit);
    case COLUMN_STAGE:
      return g_strdup (item->stage != NULL ? xf_stage_label (item->stage) : "");
    case COLUMN_SUBMITTED:
      return g_strdup (item->submitted_on != NULL ? item->submitted_on : "");
    case COLUMN_DECIDED:
      if (item->decided_on == NULL)
        *style_class = "dim-label";
      /* Translators: the report's Decided column while a nomination is open */
      return g_strdup (item->decided_on != NULL ? item->decided_on : _("Open"));
    case COLUMN_OFFICE_DAYS:
      *style_class = "numeric";
      return g_strdup_printf ("%d", item->office_days);
    case COLUMN_UNIT_DAYS:
      *style_class = item->unit_days > 0 ? "numeric" : "dim-label";
      return g_strdup_printf ("%d", item->unit_days);
    case COLUMN_PROMISE:
    default:
      if (item->within_promise)
        {
          *style_class = "success";
          return g_strdup (item->decided_on != NULL ? _("Within") : _("Within so far"));
        }
      *style_class = "error";
      /* Translators: working days beyond the promise, in the report's last column */
      return g_strdup_printf (ngettext ("%d day over", "%d days over",
                                        item->office_days - item->promise_days),
                              item->office_days - item->promise_days);
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label),
                        column == COLUMN_OFFICE_DAYS || column == COLUMN_UNIT_DAYS ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  static const char * const classes[] = { "dim-label", "numeric", "success", "error" };
  XfReportItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *style_class = NULL;
  g_autofree char *text = cell_text (item, GPOINTER_TO_INT (user_data), &style_class);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (label, classes[i]);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text[0] != '\0' ? text : NULL);
}

static void
add_column (XfEvaluationPage *self,
            const char       *title,
            Column            column,
            int               width)
{
  xf_column_view_add_column (self->report_view, title, G_CALLBACK (setup_cell_cb),
                             G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column), width);
}

/*
 * The report
 */

static void
set_summary_style (XfEvaluationPage *self,
                   const char       *style_class)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->report_summary), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->report_summary), "error");
  if (style_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->report_summary), style_class);
}

/* "Average 24.5 working days against a promise of 32", in the promise's
 * colours, and how many kept it. */
static void
show_summary (XfEvaluationPage *self)
{
  XfCampaignReport *report = self->report;
  g_autofree char *summary = NULL;
  g_autofree char *detail = NULL;

  if (report->n_decided > 0 && !isnan (report->average_days))
    {
      /* Translators: the campaign report's headline: the mean working days
       * from submission to decision, and the promised number */
      summary = g_strdup_printf (_("Average %.1f working days against a promise of %d"),
                                 report->average_days, report->promise_days);
      set_summary_style (self, report->average_days <= report->promise_days ? "success" : "error");
      /* Translators: under the report's headline */
      detail = g_strdup_printf (ngettext ("%u of %u decided nomination kept the promise. Time back with the nominating unit is counted apart, not against the promise.",
                                          "%u of %u decided nominations kept the promise. Time back with the nominating unit is counted apart, not against the promise.",
                                          report->n_decided),
                                report->n_within_promise, report->n_decided);
    }
  else
    {
      /* Translators: the campaign report's headline before any decision */
      summary = g_strdup_printf (ngettext ("No nomination decided yet: the promise is %d working day",
                                           "No nomination decided yet: the promise is %d working days",
                                           report->promise_days),
                                 report->promise_days);
      set_summary_style (self, NULL);
      detail = g_strdup (_("Open nominations show the working days used so far. Time back with the nominating unit is counted apart, not against the promise."));
    }
  gtk_label_set_label (self->report_summary, summary);
  gtk_label_set_label (self->report_detail, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->report_unconfirmed), report->unconfirmed);
}

void
_xf_evaluation_page_load_report (XfEvaluationPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  self->report_stale = FALSE;
  g_clear_pointer (&self->report, xf_campaign_report_free);
  if (self->campaign_id > 0)
    self->report = xf_evaluation_campaign_report (self->evaluation, self->campaign_id, &error);

  if (self->report == NULL)
    {
      g_list_store_remove_all (self->report_rows);
      if (error != NULL)
        {
          adw_status_page_set_description (self->report_error_status, error->message);
          gtk_stack_set_visible_child_name (self->report_stack, "error");
        }
      else
        {
          adw_status_page_set_description (self->report_empty_status, NULL);
          gtk_stack_set_visible_child_name (self->report_stack, "empty");
        }
      return;
    }

  for (guint i = 0; self->report->rows != NULL && i < self->report->rows->len; i++)
    g_ptr_array_add (items, xf_report_item_new (g_ptr_array_index (self->report->rows, i),
                                                self->report->promise_days));
  g_list_store_splice (self->report_rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->report_rows)),
                       items->pdata, items->len);

  if (items->len == 0)
    {
      g_autofree char *description =
        /* Translators: the empty campaign report */
        g_strdup_printf (ngettext ("Once nominations are submitted, the working days each takes show here against the promise of %d working day.",
                                   "Once nominations are submitted, the working days each takes show here against the promise of %d working days.",
                                   self->report->promise_days),
                         self->report->promise_days);

      adw_status_page_set_description (self->report_empty_status, description);
      gtk_stack_set_visible_child_name (self->report_stack, "empty");
      return;
    }
  show_summary (self);
  gtk_stack_set_visible_child_name (self->report_stack, "report");
}

/*
 * Attention
 */

void
_xf_evaluation_page_count_attention (XfEvaluationPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 n = xf_evaluation_count_attention (self->evaluation, &error);

  if (n < 0)
    {
      g_warning ("Could not count what needs attention: %s", error != NULL ? error->message : "?");
      n = 0;
    }
  adw_view_stack_page_set_badge_number (self->attention_stack_page, (guint) n);
  adw_view_stack_page_set_needs_attention (self->attention_stack_page, n > 0);
  if (self->attention_count == (int) n)
    return;
  self->attention_count = (int) n;
  g_object_notify (G_OBJECT (self), "attention-count");
}

static GtkWidget *
attention_row_new (const XfAttentionItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  const char *style_class = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *due = xf_nomination_row_format_due (item->due_on, item->state, &style_class);
  GtkWidget *label;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->candidate_name);
  /* Translators: what is due, and the campaign: "Preliminary review · 2026年度湖州市劳动模范" */
  subtitle = g_strdup_printf (_("%s · %s"), item->what, item->campaign_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  label = gtk_label_new (due);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_object_set_data_full (G_OBJECT (row), "campaign-id",
                          g_memdup2 (&item->campaign_id, sizeof (gint64)), g_free);
  g_object_set_data_full (G_OBJECT (row), "nomination-id",
                          g_memdup2 (&item->nomination_id, sizeof (gint64)), g_free);
  return row;
}

void
_xf_evaluation_page_load_attention (XfEvaluationPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = xf_evaluation_list_attention (self->evaluation, &error);
  GtkWidget *row;

  self->attention_stale = FALSE;
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->attention_list))) != NULL)
    gtk_list_box_remove (self->attention_list, row);

  if (items == NULL)
    {
      adw_status_page_set_description (self->attention_error_status, error->message);
      gtk_stack_set_visible_child_name (self->attention_stack, "error");
      return;
    }
  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (self->attention_list, attention_row_new (g_ptr_array_index (items, i)));
  gtk_stack_set_visible_child_name (self->attention_stack, items->len > 0 ? "list" : "empty");
}

/* Going to an item: its campaign, its nomination. */
static void
attention_activated_cb (XfEvaluationPage *self,
                        GtkListBoxRow    *row)
{
  gint64 *campaign_id = g_object_get_data (G_OBJECT (row), "campaign-id");
  gint64 *nomination_id = g_object_get_data (G_OBJECT (row), "nomination-id");

  g_assert (XF_IS_EVALUATION_PAGE (self));

  if (campaign_id != NULL && nomination_id != NULL)
    xf_evaluation_page_show_nomination (self, *campaign_id, *nomination_id);
}

void
_xf_evaluation_page_init_report (XfEvaluationPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->report_rows = g_list_store_new (XF_TYPE_REPORT_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->report_rows)));
  gtk_column_view_set_model (self->report_view, GTK_SELECTION_MODEL (selection));

  add_column (self, _("Candidate"), COLUMN_CANDIDATE, 0);
  add_column (self, _("Nominating unit"), COLUMN_UNIT, 180);
  add_column (self, _("Stage"), COLUMN_STAGE, 110);
  add_column (self, _("Submitted"), COLUMN_SUBMITTED, 100);
  add_column (self, _("Decided"), COLUMN_DECIDED, 100);
  /* Translators: a column: working days counted against the promise */
  add_column (self, _("Office days"), COLUMN_OFFICE_DAYS, 90);
  /* Translators: a column: working days back with the nominating unit, not counted */
  add_column (self, _("Unit days"), COLUMN_UNIT_DAYS, 80);
  add_column (self, _("Promise"), COLUMN_PROMISE, 110);
  self->report_stale = TRUE;
  self->attention_stale = TRUE;
}

void
_xf_evaluation_page_report_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, attention_activated_cb);
}
