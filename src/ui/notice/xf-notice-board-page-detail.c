/* xf-notice-board-page-detail.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The notice on the right of the Notice board page: where it stands, its
 * period in dates, contacts, candidates and objections, and the steps its
 * status allows (edit, publish, correct, withdraw, close, second notice,
 * record an objection).
 */

#define G_LOG_DOMAIN "xf-notice-board-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-notice-board-page-private.h"
#include "xf-notice-dialog.h"
#include "xf-objection-dialog.h"
#include "xf-objection-view.h"
#include "xf-reason-dialog.h"
#include "xf-ui-util.h"

/*
 * Rows
 */

static void
clear_rows (XfNoticeBoardPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
add_row (XfNoticeBoardPage   *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  xf_preferences_group_add_row (group, self->rows, row);
  return row;
}

/* A property row: @title, and @value at its end ("—" when empty). */
static GtkWidget *
add_value_row (XfNoticeBoardPage   *self,
               AdwPreferencesGroup *group,
               const char          *title,
               const char          *value)
{
  GtkWidget *row = add_row (self, group, title, NULL);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             xf_value_label_new (value != NULL && value[0] != '\0' ? value : "—"));
  return row;
}

static GtkWidget *
suffix_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/*
 * Where the notice stands
 */

static char *
describe_status (const XfNotice *notice)
{
  const char *status = xf_notice_status_label (notice->status);

  if (g_strcmp0 (notice->status, XF_NOTICE_PUBLISHED) != 0)
    return g_strdup (status);
  /* days_left counts the working days after today (see the list's rows). */
  if (notice->days_left > 0)
    /* Translators: "Published — ends in 3 working days" (working days after today) */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — ends in %d working day",
                                         "%s — ends in %d working days", notice->days_left),
                            status, notice->days_left);
  if (notice->days_left == 0)
    /* Translators: "Published — ends today" */
    return g_strdup_printf (_("%s — ends today"), status);
  return g_strdup_printf (_("%s — period ended, to be closed"), status);
}

static char *
describe_period (XfNoticeBoardPage *self,
                 const XfNotice    *notice)
{
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GError) error = NULL;

  if (notice->starts_on != NULL)
    return xf_notice_format_period (notice);
  if (g_strcmp0 (notice->status, XF_NOTICE_DRAFT) != 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Period: %d working day",
                                         "Period: %d working days", notice->period_days),
                            notice->period_days);
  if (!xf_notice_board_preview_period (self->board, notice->id, NULL, &starts_on, &ends_on, &error))
    return g_strdup (error->message);
  from = xf_notice_format_date (starts_on);
  to = xf_notice_format_date (ends_on);
  /* Translators: a draft's period: "If published today: from 7 May 2026 to 13 May 2026 (5 working days)" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "If published today: from %s to %s (%d working day)",
                                       "If published today: from %s to %s (%d working days)",
                                       notice->period_days),
                          from, to, notice->period_days);
}

static char *
describe_note (const XfNotice *notice)
{
  g_autoptr(GString) note = g_string_new (NULL);

  if (notice->revision_of > 0)
    g_string_append_printf (note, _("Revision %d, correcting an earlier notice."), notice->revision);
  if (notice->follows > 0)
    {
      if (note->len > 0)
        g_string_append_c (note, '\n');
      g_string_append (note, _("A second notice, after an upheld objection changed the list."));
    }
  if (notice->withdrawn_reason != NULL && notice->withdrawn_reason[0] != '\0')
    {
      if (note->len > 0)
        g_string_append_c (note, '\n');
      /* Translators: %s is the reason a notice was withdrawn */
      g_string_append_printf (note, _("Withdrawn: %s"), notice->withdrawn_reason);
    }
  return g_string_free (g_steal_pointer (&note), FALSE);
}

const char *
_xf_notice_board_page_why_not_publishable (XfNoticeBoardPage *self)
{
  const XfNotice *notice = self->notice;

  if (notice == NULL || g_strcmp0 (notice->status, XF_NOTICE_DRAFT) != 0)
    return NULL;
  if (notice->candidates == NULL || notice->candidates->len == 0)
    return _("A notice needs candidates to be published");
  if (!xf_notice_has_contact (notice))
    return _("A notice needs a contact for objections to be published");
  return NULL;
}

gboolean
_xf_notice_board_page_has_upheld_objection (XfNoticeBoardPage *self)
{
  for (guint i = 0; self->objections != NULL && i < self->objections->len; i++)
    {
      XfObjection *objection = g_ptr_array_index (self->objections, i);

      if (g_strcmp0 (objection->outcome, XF_OBJECTION_UPHELD_RETURN) == 0 ||
          g_strcmp0 (objection->outcome, XF_OBJECTION_UPHELD_END) == 0)
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
add_action_button (XfNoticeBoardPage *self,
                   const char        *label,
                   const char        *action,
                   const char        *css_class)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), action);
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  gtk_widget_set_name (button, action);
  gtk_flow_box_append (GTK_FLOW_BOX (self->actions_box), button);
  return button;
}

/* The next step the status calls for, as buttons; the actions decide who
 * may. The rest (withdraw, correct, print, export) is in the header bar's
 * menu and Print button, and recording an objection over the objections:
 * no row of buttons that repeats them, and no destructive one beside
 * Publish. */
static void
fill_actions (XfNoticeBoardPage *self)
{
  const XfNotice *notice = self->notice;
  const char *status = notice->status;
  GtkWidget *child;

  /* gtk_flow_box_remove_all () is newer than GTK 4.8. */
  while ((child = gtk_widget_get_first_child (self->actions_box)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->actions_box), child);
  if (g_strcmp0 (status, XF_NOTICE_DRAFT) == 0 && self->may_vet)
    {
      GtkWidget *publish = add_action_button (self, _("_Publish…"), "notices.publish", "suggested-action");

      /* Greyed out until it may be: the tooltip says why, rather than a
       * confirmation that ends in a refusal. */
      gtk_widget_set_tooltip_text (publish, _xf_notice_board_page_why_not_publishable (self));
      add_action_button (self, _("_Edit…"), "notices.edit", NULL);
    }
  else if (g_strcmp0 (status, XF_NOTICE_PUBLISHED) == 0 && notice->days_left < 0)
    add_action_button (self, _("C_lose notice"), "notices.close", "suggested-action");
  if (self->may_vet && _xf_notice_board_page_has_upheld_objection (self) &&
      (g_strcmp0 (status, XF_NOTICE_PUBLISHED) == 0 || g_strcmp0 (status, XF_NOTICE_CLOSED) == 0))
    add_action_button (self, _("_Second notice…"), "notices.follow-up", NULL);
  gtk_widget_set_visible (self->actions_box, gtk_widget_get_first_child (self->actions_box) != NULL);
}

static void
fill_notice_group (XfNoticeBoardPage *self)
{
  const XfNotice *notice = self->notice;
  g_autofree char *days = g_strdup_printf ("%d", notice->period_days);
  g_autofree char *revision = g_strdup_printf ("%d", notice->revision);

  add_value_row (self, self->notice_group, _("Campaign"), notice->campaign_title);
  add_value_row (self, self->notice_group, _("Publisher"), notice->organisation_name);
  add_value_row (self, self->notice_group, _("Working days"), days);
  if (notice->revision > 1)
    add_value_row (self, self->notice_group, _("Revision"), revision);
  if (notice->published_on != NULL)
    {
      g_autofree char *date = xf_notice_format_date (notice->published_on);
      g_autofree char *text = notice->published_by != NULL && notice->published_by[0] != '\0'
                              /* Translators: "7 May 2026, by Wang Fang" */
                              ? g_strdup_printf (_("%s, by %s"), date, notice->published_by)
                              : g_strdup (date);

      add_value_row (self, self->notice_group, _("Published"), text);
    }
  if (notice->closed_on != NULL)
    {
      g_autofree char *date = xf_notice_format_date (notice->closed_on);
      g_autofree char *text = notice->closed_by != NULL && notice->closed_by[0] != '\0'
                              ? g_strdup_printf (_("%s, by %s"), date, notice->closed_by)
                              : g_strdup (date);

      add_value_row (self, self->notice_group, _("Closed"), text);
    }
}

static void
fill_contacts (XfNoticeBoardPage *self)
{
  const XfNotice *notice = self->notice;
  gboolean none = (notice->contact_phone == NULL || notice->contact_phone[0] == '\0') &&
                  (notice->contact_address == NULL || notice->contact_address[0] == '\0') &&
                  (notice->contact_mailbox == NULL || notice->contact_mailbox[0] == '\0');

  adw_preferences_group_set_description (self->contact_group,
                                         none ? _("None yet: a notice needs one to be published.") : NULL);
  if (none)
    return;
  add_value_row (self, self->contact_group, _("Phone"), notice->contact_phone);
  add_value_row (self, self->contact_group, _("Address"), notice->contact_address);
  add_value_row (self, self->contact_group, _("Mailbox"), notice->contact_mailbox);
}

/* The result of closing when there is one, else the stage now. */
static const char *
candidate_state (const XfNoticeCandidate *candidate)
{
  if (g_strcmp0 (candidate->result, XF_CANDIDATE_DECISION) == 0)
    return _("Moved on to decision");
  if (g_strcmp0 (candidate->result, XF_CANDIDATE_HELD) == 0)
    return _("Held by an open objection");
  if (g_strcmp0 (candidate->result, XF_CANDIDATE_RETURNED) == 0)
    return _("Returned to the committee");
  if (g_strcmp0 (candidate->result, XF_CANDIDATE_ENDED) == 0)
    return _("Ended by an objection");
  /* On notice is where every candidate of a running notice stands: only
   * a stage it has left (decided meanwhile, say) is worth a word. */
  if (candidate->stage == NULL || g_strcmp0 (candidate->stage, XF_STAGE_NOTICE) == 0)
    return NULL;
  return xf_stage_label (candidate->stage);
}

static void
fill_candidates (XfNoticeBoardPage *self)
{
  GPtrArray *candidates = self->notice->candidates;
  guint n = candidates != NULL ? candidates->len : 0;
  g_autofree char *description =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u candidate", "%u candidates", n), n);

  adw_preferences_group_set_description (self->candidates_group,
                                         n > 0 ? description
                                         : self->may_vet && g_strcmp0 (self->notice->status, XF_NOTICE_DRAFT) == 0
                                         /* Where they come from: the notice dialog's list. */
                                         ? _("None yet: add them with Edit.")
                                         : _("No candidates yet."));
  for (guint i = 0; i < n; i++)
    {
      XfNoticeCandidate *candidate = g_ptr_array_index (candidates, i);
      g_autofree char *title = g_strdup_printf ("%d. %s", candidate->position, candidate->name);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", candidate->unit ? candidate->unit : "",
                                                   candidate->honour ? candidate->honour : "");
      GtkWidget *row = add_row (self, self->candidates_group, title, subtitle);
      const char *state = candidate_state (candidate);

      gtk_widget_set_name (row, "candidate-row");
      if (candidate->open_objections > 0)
        {
          g_autofree char *open =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open objection", "%u open objections",
                                          candidate->open_objections),
                             candidate->open_objections);

          adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix_label (open, "warning"));
        }
      if (state != NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   suffix_label (state, g_strcmp0 (candidate->result, XF_CANDIDATE_DECISION) == 0
                                                        ? "success" : NULL));
    }
}

static void
fill_objections (XfNoticeBoardPage *self)
{
  guint n = self->objections != NULL ? self->objections->len : 0;

  /* Objections come once the public sees the notice, never to a draft. */
  gtk_widget_set_visible (GTK_WIDGET (self->objections_group),
                          g_strcmp0 (self->notice->status, XF_NOTICE_DRAFT) != 0);
  adw_preferences_group_set_description (self->objections_group,
                                         n == 0 ? _("No objections recorded.") : NULL);
  for (guint i = 0; i < n; i++)
    {
      XfObjection *objection = g_ptr_array_index (self->objections, i);
      g_autofree char *received = xf_notice_format_date (objection->received_on);
      g_autofree char *subtitle = NULL;
      const char *objector = objection->anonymous ? _("Anonymous") : objection->objector_name;
      gboolean open = g_strcmp0 (objection->status, XF_OBJECTION_OPEN) == 0;
      GtkWidget *row;
      GtkWidget *outcome;

      /* Translators: "7 May 2026 · Letter · Anonymous" */
      subtitle = g_strdup_printf (_("%s · %s · %s"), received,
                                  xf_objection_channel_label (objection->channel), objector);
      row = add_row (self, self->objections_group, objection->candidate_name, subtitle);
      gtk_widget_set_name (row, "objection-row");
      outcome = suffix_label (xf_objection_outcome_label (objection->outcome),
                              open && g_strcmp0 (objection->due_state, "overdue") == 0 ? "error"
                              : open ? "warning" : NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), outcome);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", objection->id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "notices.show-objection");
    }
}

static void
fill (XfNoticeBoardPage *self)
{
  const XfNotice *notice = self->notice;
  g_autofree char *status = describe_status (notice);
  g_autofree char *period = describe_period (self, notice);
  g_autofree char *note = describe_note (notice);

  gtk_label_set_label (self->status_label, status);
  gtk_label_set_label (self->period_label, period);
  gtk_label_set_label (self->note_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note[0] != '\0');

  clear_rows (self);
  fill_actions (self);
  fill_notice_group (self);
  fill_contacts (self);
  fill_candidates (self);
  fill_objections (self);
}

void
_xf_notice_board_page_load_notice (XfNoticeBoardPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->notice, xf_notice_free);
  g_clear_pointer (&self->objections, g_ptr_array_unref);
  if (self->notice_id > 0)
    self->notice = xf_notice_board_get_notice (self->board, self->notice_id, &error);
  if (self->notice != NULL)
    self->objections = xf_notice_board_list_objections (self->board, self->notice_id, FALSE, &error);
  if (error != NULL)
    _xf_notice_board_page_show_error (self, error);

  if (self->notice == NULL)
    {
      clear_rows (self);
      gtk_stack_set_visible_child_name (self->details_stack, "empty");
    }
  else
    {
      fill (self);
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->details_stack), "objection") != 0)
        gtk_stack_set_visible_child_name (self->details_stack, "notice");
    }
  _xf_notice_board_page_sync_header (self);
  _xf_notice_board_page_update_actions (self);
}

/*
 * Steps
 */

static void
present_dialog (XfNoticeBoardPage *self,
                gint64             notice_id)
{
  GtkWidget *dialog = xf_notice_dialog_new (self->board, notice_id);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), xf_widget_get_window (GTK_WIDGET (self)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfNoticeBoardPage *self = XF_NOTICE_BOARD_PAGE (widget);

  if (self->notice != NULL)
    present_dialog (self, self->notice->id);
}

/* Publishing and closing: a step on the notice shown, then a toast that
 * names it (@done_format takes its title). */
static void
take_step (XfNoticeBoardPage *self,
           gboolean         (*step) (XfNoticeBoard *board,
                                     gint64         notice_id,
                                     GError       **error),
           const char        *done_format)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->notice == NULL)
    return;
  if (!step (self->board, self->notice->id, &error))
    {
      _xf_notice_board_page_show_error (self, error);
      return;
    }
  text = g_strdup_printf (done_format, self->notice->title);
  _xf_notice_board_page_show_toast (self, text);
}

/* A correction or a second notice: a new draft from the notice shown,
 * shown and opened for editing. Returns whether it was made. */
static gboolean
draft_from_notice (XfNoticeBoardPage *self,
                   gint64           (*draft) (XfNoticeBoard *board,
                                              gint64         notice_id,
                                              GError       **error))
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->notice == NULL)
    return FALSE;
  id = draft (self->board, self->notice->id, &error);
  if (id <= 0)
    {
      _xf_notice_board_page_show_error (self, error);
      return FALSE;
    }
  xf_notice_board_page_show_notice (self, id);
  present_dialog (self, id);
  return TRUE;
}

static void
publish_response_cb (XfNoticeBoardPage *self)
{
  take_step (self, xf_notice_board_publish, _("“%s” is published"));
}

/* Publishing fixes the content: it asks first, stating the period. */
static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  XfNoticeBoardPage *self = XF_NOTICE_BOARD_PAGE (widget);
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (self->notice == NULL)
    return;
  if (!xf_notice_board_preview_period (self->board, self->notice->id, NULL, &starts_on, &ends_on, &error))
    {
      _xf_notice_board_page_show_error (self, error);
      return;
    }
  from = xf_notice_format_date (starts_on);
  to = xf_notice_format_date (ends_on);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "It will be on public notice from %s to %s (%d working day). "
                                       "Once published its content is fixed: a change needs a correction.",
                                       "It will be on public notice from %s to %s (%d working days). "
                                       "Once published its content is fixed: a change needs a correction.",
                                       self->notice->period_days),
                          from, to, self->notice->period_days);
  dialog = xf_confirm_dialog_new (widget, _("Publish public notice?"), body,
                                  _("_Cancel"), "publish", _("_Publish"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "publish",
                                              ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response::publish", G_CALLBACK (publish_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
withdraw_response_cb (XfReasonDialog    *dialog,
                      const char        *response,
                      XfNoticeBoardPage *self)
{
  g_autofree char *reason = xf_reason_dialog_dup_reason (dialog);
  g_autoptr(GError) error = NULL;

  if (self->notice == NULL)
    return;
  if (!xf_notice_board_withdraw (self->board, self->notice->id, reason, &error))
    _xf_notice_board_page_show_error (self, error);
}

static void
withdraw_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XfNoticeBoardPage *self = XF_NOTICE_BOARD_PAGE (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->notice == NULL)
    return;
  body = g_strdup_printf (_("“%s” will be withdrawn and kept on record with the reason. "
                            "Its candidates stay in public notice and may go on another notice."),
                          self->notice->title);
  dialog = xf_reason_dialog_new (xf_widget_get_window (widget), _("Withdraw public notice?"), body,
                                 _("_Withdraw"), TRUE);
  g_signal_connect_object (dialog, "response::confirm", G_CALLBACK (withdraw_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Delete withdraws a draft (after asking), unless the focus is in text. */
static void
delete_draft_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XfNoticeBoardPage *self = XF_NOTICE_BOARD_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (self->notice == NULL || !self->may_vet ||
      g_strcmp0 (self->notice->status, XF_NOTICE_DRAFT) != 0 ||
      (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus))))
    return;
  withdraw_action (widget, "notices.withdraw", NULL);
}

static void
correct_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  XfNoticeBoardPage *self = XF_NOTICE_BOARD_PAGE (widget);

  if (draft_from_notice (self, xf_notice_board_correct))
    _xf_notice_board_page_show_toast (self, _("A correction is drafted: publishing it withdraws the notice it corrects"));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  take_step (XF_NOTICE_BOARD_PAGE (widget), xf_notice_board_close, _("“%s” is closed"));
}

static void
follow_up_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  draft_from_notice (XF_NOTICE_BOARD_PAGE (widget), xf_notice_board_create_follow_up);
}

static void
record_objection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  XfNoticeBoardPage *self = XF_NOTICE_BOARD_PAGE (widget);

  if (self->notice == NULL)
    return;
  xf_objection_dialog_present (xf_widget_get_window (widget), self->board, self->notice->id);
}

/* An objection row opens it in place of the notice; 0 goes back. */
static void
show_objection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  XfNoticeBoardPage *self = XF_NOTICE_BOARD_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);

  if (id <= 0 || self->notice == NULL)
    {
      gtk_stack_set_visible_child_name (self->details_stack, self->notice != NULL ? "notice" : "empty");
      _xf_notice_board_page_sync_header (self);
      return;
    }
  if (self->objection_view == NULL)
    {
      self->objection_view = xf_objection_view_new (self->board);
      adw_bin_set_child (self->objection_bin, self->objection_view);
    }
  xf_objection_view_set_objection (XF_OBJECTION_VIEW (self->objection_view), id);
  gtk_stack_set_visible_child_name (self->details_stack, "objection");
  _xf_notice_board_page_sync_header (self);
}

void
_xf_notice_board_page_init_detail (XfNoticeBoardPage *self)
{
  gtk_stack_set_visible_child_name (self->details_stack, "empty");
}

void
_xf_notice_board_page_detail_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "notices.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "notices.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "notices.withdraw", NULL, withdraw_action);
  gtk_widget_class_install_action (widget_class, "notices.delete-draft", NULL, delete_draft_action);
  gtk_widget_class_install_action (widget_class, "notices.correct", NULL, correct_action);
  gtk_widget_class_install_action (widget_class, "notices.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "notices.follow-up", NULL, follow_up_action);
  gtk_widget_class_install_action (widget_class, "notices.record-objection", NULL, record_objection_action);
  gtk_widget_class_install_action (widget_class, "notices.show-objection", "x", show_objection_action);
}
