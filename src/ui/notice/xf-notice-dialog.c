/* xf-notice-dialog.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-notice-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-clock.h"
#include "xf-error.h"
#include "xf-notice-dialog.h"
#include "xf-ui-util.h"

struct _XfNoticeDialog
{
  AdwWindow            parent_instance;

  XfNoticeBoard       *board;
  XfNotice            *notice;       /* the draft as last read; NULL before creating */
  GPtrArray           *campaigns;    /* of XfCampaign, as the campaign row lists them */
  GPtrArray           *rows;         /* candidate rows in candidates_group */
  GHashTable          *summaries;    /* nomination id → its summary's AdwEntryRow */

  /* Template widgets */
  GtkWidget           *create_button;
  GtkWidget           *save_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkStack            *stack;
  AdwComboRow         *campaign_row;
  AdwActionRow        *campaign_label_row;
  AdwEntryRow         *title_row;
  GtkTextView         *preamble_view;
  AdwActionRow        *period_row;
  GtkSpinButton       *period_spin;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *address_row;
  AdwEntryRow         *mailbox_row;
  AdwPreferencesGroup *candidates_group;
  GtkMenuButton       *add_button;
  GtkListBox          *addable_list;
};

G_DEFINE_FINAL_TYPE (XfNoticeDialog, xf_notice_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
show_error (XfNoticeDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/*
 * The period: the dates it would run if published today
 */

/* Core's own rule, so the dates shown are those publishing gives. */
static void
period_changed_cb (XfNoticeDialog *self)
{
  int days = gtk_spin_button_get_value_as_int (self->period_spin);
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *text = NULL;

  if (days < 1
      || !xf_notice_board_compute_period (self->board, NULL, days, &starts_on, &ends_on, NULL))
    return;
  from = xf_notice_format_date (starts_on);
  to = xf_notice_format_date (ends_on);
  /* Translators: "If published today: from 7 May 2026 to 13 May 2026" */
  text = g_strdup_printf (_("If published today: from %s to %s"), from, to);
  adw_action_row_set_subtitle (self->period_row, text);
}

/*
 * Candidates
 */

static void
clear_candidates (XfNoticeDialog *self)
{
  xf_preferences_group_clear_rows (self->candidates_group, self->rows);
  g_hash_table_remove_all (self->summaries);
}

static void
fill_candidates (XfNoticeDialog *self)
{
  GPtrArray *candidates = self->notice->candidates;

  clear_candidates (self);
  adw_preferences_group_set_description (self->candidates_group,
                                         candidates->len == 0 ? _("No candidates yet: add the nominations in public notice.") : NULL);
  for (guint i = 0; i < candidates->len; i++)
    {
      XfNoticeCandidate *candidate = g_ptr_array_index (candidates, i);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *summary = adw_entry_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *title = g_strdup_printf ("%d. %s", candidate->position, candidate->name);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", or_empty (candidate->unit),
                                                   or_empty (candidate->honour));
      g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), candidate->name);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      gtk_widget_set_name (row, "candidate-row");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (summary), _("Summary of deeds"));
      gtk_editable_set_text (GTK_EDITABLE (summary), or_empty (candidate->summary));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), summary);
      g_hash_table_insert (self->summaries, g_memdup2 (&candidate->nomination_id, sizeof (gint64)), summary);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", candidate->nomination_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "notice-dialog.remove-candidate");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
      xf_preferences_group_add_row (self->candidates_group, self->rows, row);
    }
}

static void
fill_addable (XfNoticeDialog *self)
{
  g_autoptr(GPtrArray) addable = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->addable_list))) != NULL)
    gtk_list_box_remove (self->addable_list, child);
  addable = xf_notice_board_list_addable (self->board, self->notice->id, &error);
  if (addable == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < addable->len; i++)
    {
      XfNomination *nomination = g_ptr_array_index (addable, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (NULL);
      g_autofree char *text = NULL;

      text = g_strdup_printf ("%s — %s", xf_nomination_get_candidate_name (nomination),
                              or_empty (xf_nomination_get_candidate_employer (nomination)));
      gtk_label_set_label (GTK_LABEL (label), text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", xf_nomination_get_id (nomination));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "notice-dialog.add-candidate");
      gtk_list_box_append (self->addable_list, row);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), addable->len > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button),
                               addable->len > 0 ? NULL
                               : _("No other nomination of the campaign is in public notice and free"));
}

/* Adding and removing write at once: the draft is read again, while the
 * fields keep what was typed. */
static gboolean
reread (XfNoticeDialog *self)
{
  g_autoptr(GError) error = NULL;
  XfNotice *notice = xf_notice_board_get_notice (self->board, self->notice->id, &error);

  if (notice == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->notice, xf_notice_free);
  self->notice = notice;
  fill_candidates (self);
  fill_addable (self);
  return TRUE;
}

static void
add_candidate_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XfNoticeDialog *self = XF_NOTICE_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  gtk_menu_button_popdown (self->add_button);
  if (self->notice == NULL)
    return;
  if (!xf_notice_board_add_candidate (self->board, self->notice->id, g_variant_get_int64 (parameter), &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  reread (self);
}

static void
remove_candidate_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  XfNoticeDialog *self = XF_NOTICE_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (self->notice == NULL)
    return;
  if (!xf_notice_board_remove_candidate (self->board, self->notice->id, g_variant_get_int64 (parameter), &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  reread (self);
}

/*
 * The draft
 */

static void
fill_notice (XfNoticeDialog *self)
{
  const XfNotice *notice = self->notice;
  g_autoptr(XfCampaign) campaign = NULL;
  int minimum = XF_NOTICE_DEFAULT_PERIOD_DAYS;

  campaign = xf_evaluation_get_campaign (xf_notice_board_get_evaluation (self->board),
                                         notice->campaign_id, NULL);
  if (campaign != NULL)
    minimum = MAX (minimum, xf_campaign_get_min_notice_days (campaign));

  gtk_window_set_title (GTK_WINDOW (self), notice->revision > 1 ? _("Correct public notice")
                                                                : _("Edit public notice"));
  adw_action_row_set_subtitle (self->campaign_label_row, notice->campaign_title);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), or_empty (notice->title));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->preamble_view), or_empty (notice->preamble), -1);
  gtk_spin_button_set_range (self->period_spin, minimum, 30);
  gtk_spin_button_set_value (self->period_spin, MAX (notice->period_days, minimum));
  period_changed_cb (self);
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), or_empty (notice->contact_phone));
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), or_empty (notice->contact_address));
  gtk_editable_set_text (GTK_EDITABLE (self->mailbox_row), or_empty (notice->contact_mailbox));
  fill_candidates (self);
  fill_addable (self);

  gtk_stack_set_visible_child_name (self->stack, "notice");
  gtk_widget_set_visible (self->create_button, FALSE);
  gtk_widget_set_visible (self->save_button, TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice-dialog.create", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice-dialog.save", TRUE);
}

static gboolean
load_notice (XfNoticeDialog *self,
             gint64          notice_id)
{
  g_autoptr(GError) error = NULL;
  XfNotice *notice = xf_notice_board_get_notice (self->board, notice_id, &error);

  if (notice == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->notice, xf_notice_free);
  self->notice = notice;
  fill_notice (self);
  return TRUE;
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfNoticeDialog *self = XF_NOTICE_DIALOG (widget);
  guint position = adw_combo_row_get_selected (self->campaign_row);
  g_autoptr(GError) error = NULL;
  XfCampaign *campaign;
  gint64 id;

  if (self->campaigns == NULL || position >= self->campaigns->len)
    {
      show_error (self, _("Campaign: choose the campaign whose candidates the notice shows."));
      return;
    }
  campaign = g_ptr_array_index (self->campaigns, position);
  id = xf_notice_board_create (self->board, xf_campaign_get_id (campaign), &error);
  if (id <= 0)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals [CREATED], 0, id);
  load_notice (self, id);
}

static char *
dup_preamble (XfNoticeDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->preamble_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
save_summaries (XfNoticeDialog *self,
                GError        **error)
{
  for (guint i = 0; i < self->notice->candidates->len; i++)
    {
      XfNoticeCandidate *candidate = g_ptr_array_index (self->notice->candidates, i);
      GtkWidget *row = g_hash_table_lookup (self->summaries, &candidate->nomination_id);
      const char *summary = row != NULL ? gtk_editable_get_text (GTK_EDITABLE (row)) : NULL;

      if (summary == NULL || g_strcmp0 (summary, or_empty (candidate->summary)) == 0)
        continue;
      if (!xf_notice_board_set_summary (self->board, self->notice->id, candidate->nomination_id,
                                        summary, error))
        return FALSE;
    }
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfNoticeDialog *self = XF_NOTICE_DIALOG (widget);
  g_autoptr(XfNotice) notice = NULL;
  g_autoptr(GError) error = NULL;

  if (self->notice == NULL)
    return;
  notice = xf_notice_copy (self->notice);
  g_free (notice->title);
  notice->title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_free (notice->preamble);
  notice->preamble = dup_preamble (self);
  notice->period_days = gtk_spin_button_get_value_as_int (self->period_spin);
  g_free (notice->contact_phone);
  notice->contact_phone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone_row))));
  g_free (notice->contact_address);
  notice->contact_address = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_row))));
  g_free (notice->contact_mailbox);
  notice->contact_mailbox = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->mailbox_row))));

  if (!xf_notice_board_save (self->board, notice, &error) ||
      !save_summaries (self, &error))
    {
      show_error (self, error->message);
      /* What was saved before the refusal is the draft now. */
      if (error->domain != XF_ERROR || error->code != XF_ERROR_CONFLICT)
        {
          XfNotice *fresh = xf_notice_board_get_notice (self->board, self->notice->id, NULL);

          if (fresh != NULL)
            {
              g_clear_pointer (&self->notice, xf_notice_free);
              self->notice = fresh;
            }
        }
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/*
 * Campaigns (a new notice)
 */

static void
load_campaigns (XfNoticeDialog *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  self->campaigns = xf_evaluation_list_campaigns (xf_notice_board_get_evaluation (self->board), 0, &error);
  if (self->campaigns == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < self->campaigns->len; i++)
    gtk_string_list_append (titles, xf_campaign_get_title (g_ptr_array_index (self->campaigns, i)));
  adw_combo_row_set_model (self->campaign_row, G_LIST_MODEL (titles));
  if (self->campaigns->len == 0)
    show_error (self, _("There is no campaign yet: a notice shows a campaign's candidates."));
}

/*
 * GObject
 */

static void
xf_notice_dialog_dispose (GObject *object)
{
  XfNoticeDialog *self = XF_NOTICE_DIALOG (object);

  g_clear_pointer (&self->summaries, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_clear_pointer (&self->notice, xf_notice_free);
  g_clear_object (&self->board);

  G_OBJECT_CLASS (xf_notice_dialog_parent_class)->dispose (object);
}

static void
xf_notice_dialog_class_init (XfNoticeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_notice_dialog_dispose;

  /**
   * XfNoticeDialog::created:
   * @notice_id: the new draft's id
   *
   * A new draft was made in core.
   */
  signals [CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/notice/xf-notice-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfNoticeDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeDialog, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeDialog, campaign_label_row);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeDialog, preamble_view);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeDialog, period_spin);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeDialog, mailbox_row);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeDialog, candidates_group);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, XfNoticeDialog, addable_list);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);

  gtk_widget_class_install_action (widget_class, "notice-dialog.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "notice-dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "notice-dialog.add-candidate", "x", add_candidate_action);
  gtk_widget_class_install_action (widget_class, "notice-dialog.remove-candidate", "x", remove_candidate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_notice_dialog_init (XfNoticeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->summaries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice-dialog.save", FALSE);
}

GtkWidget *
xf_notice_dialog_new (XfNoticeBoard *board,
                      gint64         notice_id)
{
  XfNoticeDialog *self;

  g_return_val_if_fail (XF_IS_NOTICE_BOARD (board), NULL);

  self = g_object_new (XF_TYPE_NOTICE_DIALOG, NULL);
  self->board = g_object_ref (board);
  if (notice_id > 0)
    load_notice (self, notice_id);
  else
    {
      load_campaigns (self);
      gtk_window_set_default_widget (GTK_WINDOW (self), self->create_button);
    }
  return GTK_WIDGET (self);
}

void
xf_notice_dialog_present (GtkWindow     *parent,
                          XfNoticeBoard *board,
                          gint64         notice_id)
{
  GtkWidget *dialog = xf_notice_dialog_new (board, notice_id);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  gtk_window_present (GTK_WINDOW (dialog));
}

gint64
xf_notice_dialog_get_notice_id (XfNoticeDialog *self)
{
  g_return_val_if_fail (XF_IS_NOTICE_DIALOG (self), 0);
  return self->notice != NULL ? self->notice->id : 0;
}
