/* xf-hardship-view-actions.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The steps of a hardship case, each in an XfCareStepForm: core decides
 * whether it may be taken and checks what was entered; the form shows
 * its refusal. A form remembers the case it was opened for.
 */

#define G_LOG_DOMAIN "xf-hardship-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-care-form.h"
#include "xf-clock.h"
#include "xf-hardship-view-private.h"
#include "xf-pioneer-picker.h"

typedef struct
{
  XfHardshipView *self;
  gint64          case_id;
  gint64          amount;      /* the amount a confirmation names */
  char           *name;        /* the applicant */
  XfCareStepForm     *form;        /* (weak) */
} Step;

static void
step_free (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->self);
  g_free (step->name);
  g_free (step);
}

static Step *
step_new (XfHardshipView *self)
{
  Step *step = g_new0 (Step, 1);

  step->self = g_object_ref (self);
  step->case_id = self->shown != NULL ? self->shown->id : 0;
  step->name = g_strdup (self->shown != NULL ? self->shown->pioneer_name : NULL);
  return step;
}

const char *
_xf_hardship_step_label (const char *step)
{
  if (g_str_equal (step, "assess"))
    return _("_Assess…");
  if (g_str_equal (step, "approve-first"))
    return _("Approve (_first)…");
  if (g_str_equal (step, "approve"))
    return _("Approve (_final)…");
  if (g_str_equal (step, "reject"))
    return _("_Reject…");
  if (g_str_equal (step, "withdraw"))
    return _("_Withdraw…");
  if (g_str_equal (step, "pay"))
    return _("Record _payment…");
  return step;
}

static XfCareStepForm *
open_form (XfHardshipView *self,
           const char     *title,
           const char     *body,
           const char     *submit_label,
           gboolean        destructive,
           XfCareStepSubmit submit,
           Step           *step)
{
  XfCareStepForm *form = xf_care_step_form_new (GTK_WIDGET (self), title, body, submit_label, destructive);

  step->form = form;
  xf_care_step_form_set_submit (form, submit, step, step_free);
  return form;
}

/*
 * Assess
 */

static gboolean
assess_submit (XfCareStepForm *form,
               gpointer    data,
               GError    **error)
{
  Step *step = data;
  g_autofree char *assessment = xf_care_step_form_dup_text (form, "assessment");
  gint64 amount = 0;

  if (!xf_care_step_form_get_amount (form, "amount", &amount, error)
      || !xf_care_assess_case (step->self->care, step->case_id, assessment, amount, error))
    return FALSE;
  _xf_hardship_view_done (step->self, _("Case assessed"));
  return TRUE;
}

static void
assess (XfHardshipView *self)
{
  g_autofree char *requested = xf_money_format (self->shown->requested_amount);
  g_autofree char *body = NULL;
  g_autofree char *amount = g_strdup_printf ("%.2f", self->shown->requested_amount / 100.0);
  XfCareStepForm *form;

  /* Translators: the assessment form: the applicant, the amount asked for */
  body = g_strdup_printf (_("%s asks for %s. Propose an amount up to that and say why."),
                          self->shown->pioneer_name, requested);
  form = open_form (self, _("Assess the Application"), body, _("_Assess"), FALSE, assess_submit,
                    step_new (self));
  xf_care_step_form_add_entry (form, "amount", N_("Assessed amount"), _("Amount _proposed"), amount);
  xf_care_step_form_add_text (form, "assessment", N_("Assessment"), _("A_ssessment"), NULL);
  gtk_window_present (GTK_WINDOW (form));
}

/*
 * Approve: the first step confirms the assessed amount; the final step
 * sets the grant, then confirms it by name and amount.
 */

static void
approve_confirmed_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Step             *step)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = xf_care_approve_case (step->self->care, step->case_id, step->amount, &error);

  if (ok)
    _xf_hardship_view_done (step->self, step->form != NULL ? _("Support granted") : _("First approval given"));
  if (step->form != NULL)
    {
      /* The form may go now: the dialog, closing, must not hold on to it. */
      gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
      xf_care_step_form_finish (step->form, ok, error);
    }
  else if (!ok)
    _xf_hardship_view_done (step->self, error->message);
}

static void
approve_cancelled_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Step             *step)
{
  if (step->form != NULL)
    xf_care_step_form_finish (step->form, FALSE, NULL);
}

/* Asks "Grant ¥3,000.00 to 张三?"; @step is the dialog's from now on. */
static void
confirm_approval (XfHardshipView *self,
                  GtkWidget      *parent,
                  Step           *step,
                  gboolean        final)
{
  g_autofree char *money = xf_money_format (step->amount);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (final)
    {
      /* Translators: the final approval's confirmation: the amount, the applicant */
      heading = g_strdup_printf (_("Grant %s to %s?"), money, step->name);
      body = g_strdup (_("This is the final approval: the pioneer’s hardship flag is set and "
                         "payments can be recorded."));
    }
  else
    {
      /* Translators: the first approval's confirmation: the amount, the applicant */
      heading = g_strdup_printf (_("Approve %s for %s?"), money, step->name);
      body = g_strdup (_("This is the first approval. Another account gives the final approval."));
    }
  dialog = adw_message_dialog_new (xf_widget_get_window (parent), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "approve", _("_Approve"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "approve", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "approve");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "step", step, final ? NULL : step_free);
  g_signal_connect (dialog, "response::approve", G_CALLBACK (approve_confirmed_cb), step);
  g_signal_connect (dialog, "response::cancel", G_CALLBACK (approve_cancelled_cb), step);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
approve_submit (XfCareStepForm *form,
                gpointer    data,
                GError    **error)
{
  Step *step = data;

  if (!xf_care_step_form_get_amount (form, "amount", &step->amount, error))
    return FALSE;
  confirm_approval (step->self, GTK_WIDGET (form), step, TRUE);
  return FALSE;
}

static void
approve (XfHardshipView *self,
         gboolean        final)
{
  Step *step = step_new (self);
  g_autofree char *assessed = xf_money_format (self->shown->assessed_amount);
  g_autofree char *amount = g_strdup_printf ("%.2f", self->shown->assessed_amount / 100.0);
  g_autofree char *body = NULL;
  XfCareStepForm *form;

  step->amount = self->shown->assessed_amount;
  if (!final)
    {
      confirm_approval (self, GTK_WIDGET (self), step, FALSE);
      return;
    }
  /* Translators: the final approval form: the amount assessed */
  body = g_strdup_printf (_("Assessed at %s. The grant may be that or less."), assessed);
  form = open_form (self, _("Final Approval"), body, _("_Approve…"), FALSE, approve_submit, step);
  xf_care_step_form_add_entry (form, "amount", N_("Granted amount"), _("Amount _granted"), amount);
  gtk_window_present (GTK_WINDOW (form));
}

/*
 * Reject, withdraw: a reason, asked as the care page asks it
 */

static void
reason_given (XfHardshipView *self,
              const char     *reason,
              gboolean        reject)
{
  g_autoptr(GError) error = NULL;
  gint64 case_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (self), "reason-case"));
  gboolean ok = reject ? xf_care_reject_case (self->care, case_id, reason, &error)
                       : xf_care_withdraw_case (self->care, case_id, reason, &error);

  if (ok)
    _xf_hardship_view_done (self, reject ? _("Application rejected") : _("Application withdrawn"));
  else
    _xf_hardship_view_done (self, error->message);
}

static void
reject_reason_cb (gpointer    user_data,
                  const char *reason)
{
  reason_given (XF_HARDSHIP_VIEW (user_data), reason, TRUE);
}

static void
withdraw_reason_cb (gpointer    user_data,
                    const char *reason)
{
  reason_given (XF_HARDSHIP_VIEW (user_data), reason, FALSE);
}

static void
ask_reason (XfHardshipView *self,
            gboolean        reject)
{
  g_autofree char *body = NULL;

  /* The case asked about, should the view move on before the answer. */
  g_object_set_data (G_OBJECT (self), "reason-case", GSIZE_TO_POINTER ((gsize) self->shown->id));
  /* Translators: the applicant's name */
  body = g_strdup_printf (reject ? _("Reject the application of %s? The reason is kept with the case.")
                                 : _("Withdraw the application of %s? The reason is kept with the case."),
                          self->shown->pioneer_name);
  xf_care_ask_reason (GTK_WIDGET (self), reject ? _("Reject the Application?") : _("Withdraw the Application?"),
                      body, reject ? _("_Reject") : _("_Withdraw"), TRUE, TRUE,
                      reject ? reject_reason_cb : withdraw_reason_cb, self);
}

/*
 * Record a payment
 */

static gboolean
pay_submit (XfCareStepForm *form,
            gpointer    data,
            GError    **error)
{
  Step *step = data;
  g_autofree char *paid_on = xf_care_step_form_dup_text (form, "paid-on");
  g_autofree char *reference = xf_care_step_form_dup_text (form, "reference");
  gint64 amount = 0;

  if (!xf_care_step_form_get_amount (form, "amount", &amount, error)
      || !xf_care_record_payment (step->self->care, step->case_id, paid_on, amount, reference, error))
    return FALSE;
  _xf_hardship_view_done (step->self, _("Payment recorded"));
  return TRUE;
}

static void
pay (XfHardshipView *self)
{
  gint64 left = self->shown->granted_amount - self->shown->paid_amount;
  g_autofree char *granted = xf_money_format (self->shown->granted_amount);
  g_autofree char *paid = xf_money_format (self->shown->paid_amount);
  g_autofree char *amount = g_strdup_printf ("%.2f", MAX (left, 0) / 100.0);
  g_autofree char *today = xf_clock_today_text ();
  g_autofree char *body = NULL;
  XfCareStepForm *form;

  /* Translators: the payment form: the amount granted, then paid so far */
  body = g_strdup_printf (_("Granted %s, paid %s so far. The payment is recorded, not transferred: "
                            "enter the finance office’s voucher."), granted, paid);
  form = open_form (self, _("Record a Payment"), body, _("_Record"), FALSE, pay_submit, step_new (self));
  xf_care_step_form_add_entry (form, "paid-on", N_("Paid on"), _("Paid _on"), today);
  xf_care_step_form_add_entry (form, "amount", N_("Amount"), _("_Amount"), amount);
  xf_care_step_form_add_entry (form, "reference", N_("Voucher"), _("_Voucher"), NULL);
  gtk_window_present (GTK_WINDOW (form));
}

void
_xf_hardship_view_step (XfHardshipView *self,
                        const char     *step)
{
  if (self->shown == NULL)
    return;
  if (g_str_equal (step, "assess"))
    assess (self);
  else if (g_str_equal (step, "approve-first"))
    approve (self, FALSE);
  else if (g_str_equal (step, "approve"))
    approve (self, TRUE);
  else if (g_str_equal (step, "reject"))
    ask_reason (self, TRUE);
  else if (g_str_equal (step, "withdraw"))
    ask_reason (self, FALSE);
  else if (g_str_equal (step, "pay"))
    pay (self);
}

/*
 * A new application
 */

static gboolean
apply_submit (XfCareStepForm *form,
              gpointer    data,
              GError    **error)
{
  Step *step = data;
  XfPioneerPicker *picker = XF_PIONEER_PICKER (xf_care_step_form_get_field (form, "pioneer"));
  const char * const *categories = xf_case_categories ();
  guint category = xf_care_step_form_get_selected (form, "category");
  g_autofree char *income = xf_care_step_form_dup_text (form, "income");
  g_autoptr(XfHardshipCase) hardship_case = xf_hardship_case_new ();
  gint64 id;

  hardship_case->pioneer_id = xf_pioneer_picker_get_pioneer_id (picker);
  hardship_case->category = g_strdup (categories[category]);
  hardship_case->circumstances = xf_care_step_form_dup_text (form, "circumstances");
  hardship_case->household_income = -1;
  if (!xf_care_step_form_get_amount (form, "amount", &hardship_case->requested_amount, error))
    return FALSE;
  if (income[0] != '\0'
      && !xf_care_step_form_get_amount (form, "income", &hardship_case->household_income, error))
    return FALSE;
  id = xf_care_apply_hardship (step->self->care, hardship_case, error);
  if (id == 0)
    return FALSE;
  _xf_hardship_view_done (step->self, _("Application saved"));
  _xf_hardship_view_show_case (step->self, id);
  return TRUE;
}

void
_xf_hardship_view_apply (XfHardshipView *self)
{
  const char * const *categories = xf_case_categories ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  XfCareStepForm *form;
  GtkWidget *picker;

  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) xf_case_category_label (categories[i]));
  g_ptr_array_add (labels, NULL);

  form = open_form (self, _("New Application"),
                    _("An application for hardship support: it is assessed, then approved twice "
                      "by different accounts before anything is paid."),
                    _("_Apply"), FALSE, apply_submit, step_new (self));
  picker = xf_pioneer_picker_new (xf_care_get_registry (self->care), _("Applicant"), FALSE);
  xf_care_step_form_add_widget (form, "pioneer", N_("Pioneer"), picker);
  xf_care_step_form_add_choice (form, "category", N_("Category"), _("_Category"),
                                (const char * const *) labels->pdata, 0);
  xf_care_step_form_add_entry (form, "amount", N_("Requested amount"), _("Amount _requested"), NULL);
  xf_care_step_form_add_entry (form, "income", N_("Household income"), _("Household _income (a year, optional)"), NULL);
  xf_care_step_form_add_text (form, "circumstances", N_("Circumstances"), _("Ci_rcumstances"), NULL);
  gtk_window_present (GTK_WINDOW (form));
  gtk_widget_grab_focus (xf_pioneer_picker_get_entry (XF_PIONEER_PICKER (picker)));
}
