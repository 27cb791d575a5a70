/* xf-care-step-form.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-ui-util.h"

G_BEGIN_DECLS

/*
 * XfCareStepForm is the small modal dialog of a step in the hardship and
 * visits views (assess, approve, pay, apply, plan a visit, done): a
 * header bar with Cancel and the step's button, a line of explanation,
 * the fields in a boxed list. The step's button calls the submit
 * function; when that fails, the form stays open and shows core's
 * message (in the user's language) beneath the field it names, as the
 * care page's other dialogs do (xf-care-form.h), else beneath the list.
 *
 * Fields are named for the submit function and for tests (the field's
 * widget name); @field is core's English name for it (an N_() string:
 * "Amount" marks the field for "Amount: …" and its translation).
 */

#define XF_TYPE_CARE_STEP_FORM (xf_care_step_form_get_type ())

G_DECLARE_FINAL_TYPE (XfCareStepForm, xf_care_step_form, XF, CARE_STEP_FORM, AdwWindow)

/* TRUE: done, the form closes. FALSE with @error: shown, the form stays.
 * FALSE without an error: the step goes on (a confirmation), and
 * xf_care_step_form_finish() ends it. */
typedef gboolean (*XfCareStepSubmit) (XfCareStepForm *form,
                                      gpointer        user_data,
                                      GError        **error);

/* Not yet presented. */
XfCareStepForm *xf_care_step_form_new   (GtkWidget        *parent,
                                         const char       *title,
                                         const char       *body,
                                         const char       *submit_label,
                                         gboolean          destructive);
void        xf_care_step_form_set_submit (XfCareStepForm  *self,
                                         XfCareStepSubmit  submit,
                                         gpointer          user_data,
                                         GDestroyNotify    destroy);
/* An entry row @title (with a mnemonic) holding @text. */
GtkWidget  *xf_care_step_form_add_entry  (XfCareStepForm  *self,
                                         const char       *name,
                                         const char       *field,
                                         const char       *title,
                                         const char       *text);
/* A multi-line text below the list. */
GtkWidget  *xf_care_step_form_add_text   (XfCareStepForm  *self,
                                         const char       *name,
                                         const char       *field,
                                         const char       *title,
                                         const char       *text);
/* A combo row of @labels (NULL-terminated), @selected chosen. */
GtkWidget  *xf_care_step_form_add_choice (XfCareStepForm  *self,
                                         const char       *name,
                                         const char       *field,
                                         const char       *title,
                                         const char * const *labels,
                                         guint             selected);
/* Any widget above the list (a pioneer picker). */
void        xf_care_step_form_add_widget (XfCareStepForm  *self,
                                         const char       *name,
                                         const char       *field,
                                         GtkWidget        *widget);
GtkWidget  *xf_care_step_form_get_field  (XfCareStepForm  *self,
                                         const char       *name);
/* The field's text without white space around it ("" when none). */
char       *xf_care_step_form_dup_text   (XfCareStepForm  *self,
                                         const char       *name);
void        xf_care_step_form_set_text   (XfCareStepForm  *self,
                                         const char       *name,
                                         const char       *text);
guint       xf_care_step_form_get_selected (XfCareStepForm *self,
                                         const char       *name);
/* An amount field in fen; FALSE with XF_ERROR_INVALID "Field: …". */
gboolean    xf_care_step_form_get_amount (XfCareStepForm  *self,
                                         const char       *name,
                                         gint64           *fen,
                                         GError          **error);
/* The message shown, or NULL when none. */
const char *xf_care_step_form_get_error  (XfCareStepForm  *self);
void        xf_care_step_form_show_error (XfCareStepForm  *self,
                                         const char       *message);
/* Ends a step that went on: closes on @ok, else shows @error. */
void        xf_care_step_form_finish     (XfCareStepForm  *self,
                                         gboolean          ok,
                                         const GError     *error);
/* Presses the step's button (as a click would). */
void        xf_care_step_form_submit     (XfCareStepForm  *self);

/* The hardship and visits views' keys (Ctrl+F, Ctrl+N, Escape), in force
 * while the focus is inside @widget: inside the Care page they go before
 * the page's own, which the window holds (a managed scope). */
void        xf_care_add_local_shortcuts  (GtkWidget        *widget,
                                         const XfShortcut *shortcuts,
                                         guint             n_shortcuts);

G_END_DECLS
