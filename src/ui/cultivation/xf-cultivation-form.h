/* xf-cultivation-form.h
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * XfCultivationForm: the small dialogs of the cultivation page (a goal,
 * achieving it, a yearly review, a course, a result, nominating): a
 * modal window with Cancel and an apply button over one group of fields
 * the caller adds by key. Apply calls the caller's function, which writes
 * through core; a refusal shows in the dialog's error line (core's
 * message names the field, which is marked and takes the focus) and the
 * dialog stays open; success closes it.
 *
 * Each field's row is named after its key (for tests). Action
 * "form.apply" (Enter in a field). Escape closes.
 */

#define XF_TYPE_CULTIVATION_FORM (xf_cultivation_form_get_type ())

G_DECLARE_FINAL_TYPE (XfCultivationForm, xf_cultivation_form, XF, CULTIVATION_FORM, AdwWindow)

/* Returns FALSE with @error set when core refused. */
typedef gboolean (*XfCultivationFormApply) (XfCultivationForm *form,
                                            gpointer           user_data,
                                            GError           **error);

/* Over @parent's window; not yet presented. @user_data is owned by the
 * form when @destroy is given. */
GtkWidget  *xf_cultivation_form_new        (GtkWidget              *parent,
                                            const char             *title,
                                            const char             *description,
                                            const char             *apply_label,
                                            XfCultivationFormApply  apply,
                                            gpointer                user_data,
                                            GDestroyNotify          destroy);
void        xf_cultivation_form_add_entry  (XfCultivationForm *self,
                                            const char        *key,
                                            const char        *title,
                                            const char        *text);
/* A drop-down of @labels (NULL-terminated), their @values alike. */
void        xf_cultivation_form_add_choice (XfCultivationForm  *self,
                                            const char         *key,
                                            const char         *title,
                                            const char * const *values,
                                            const char * const *labels,
                                            const char         *selected);
void        xf_cultivation_form_add_switch (XfCultivationForm *self,
                                            const char        *key,
                                            const char        *title,
                                            gboolean           active);
/* Any other widget (a pioneer picker), in the group, under @key;
 * @field_name is what core's refusals call it. */
void        xf_cultivation_form_add_widget (XfCultivationForm *self,
                                            const char        *key,
                                            const char        *field_name,
                                            GtkWidget         *widget);
GtkWidget  *xf_cultivation_form_get_field  (XfCultivationForm *self,
                                            const char        *key);
/* The entry's text, trimmed; NULL when empty. */
char       *xf_cultivation_form_dup_text   (XfCultivationForm *self,
                                            const char        *key);
void        xf_cultivation_form_set_text   (XfCultivationForm *self,
                                            const char        *key,
                                            const char        *text);
/* The value chosen (transfer none), NULL when none. */
const char *xf_cultivation_form_get_choice (XfCultivationForm *self,
                                            const char        *key);
void        xf_cultivation_form_set_choice (XfCultivationForm *self,
                                            const char        *key,
                                            const char        *value);
gboolean    xf_cultivation_form_get_active (XfCultivationForm *self,
                                            const char        *key);
/* What the apply button does; TRUE when applied (the form then closes). */
gboolean    xf_cultivation_form_apply      (XfCultivationForm *self);
/* The error shown, or NULL. */
const char *xf_cultivation_form_get_error  (XfCultivationForm *self);

G_END_DECLS
