/* xf-request-view.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-request-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-request-view-private.h"
#include "xf-ui-util.h"
#include "xf-wrap-layout.h"

G_DEFINE_FINAL_TYPE (XfRequestView, xf_request_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SERVICES,
  PROP_REQUEST_ID,
  N_PROPS
};

enum {
  REQUEST_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The buttons of the template, named as core names the steps. */
static const char * const step_names[] = {
  "claim", "assign", "accept", "decline", "start", "complete", "rate", "close-follow-up", "cancel",
};

/* A new toast replaces the last one rather than queue behind it. */
void
_xf_request_view_show_toast (XfRequestView *self,
                             const char    *text)
{
  xf_toast_overlay_replace (self->toast_overlay, &self->toast, text);
}

/* A conflict means another desk got there first: the view shows the
 * request as it is now, and a toast says why the step did not happen.
 * Any other refusal stays in the pane until the next step. */
void
_xf_request_view_show_error (XfRequestView *self,
                             const GError  *error)
{
  if (g_error_matches (error, XF_ERROR, XF_ERROR_CONFLICT))
    {
      _xf_request_view_clear_error (self);
      _xf_request_view_show_toast (self, error->message);
      xf_request_view_refresh (self);
      return;
    }
  xf_show_pane_error (self->error_label, self->scrolled_window, error->message);
}

void
_xf_request_view_clear_error (XfRequestView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

void
_xf_request_view_done (XfRequestView *self,
                       const char    *text)
{
  _xf_request_view_clear_error (self);
  _xf_request_view_show_toast (self, text);
  g_signal_emit (self, signals [REQUEST_CHANGED], 0, self->request_id);
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/* An instant (UTC µs) in the desk's local time. */
static char *
format_instant (gint64 at)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (at <= 0)
    return NULL;
  utc = g_date_time_new_from_unix_utc (at / G_USEC_PER_SEC);
  local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;
}

static const char *
claim_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, XF_CLAIM_KIND_CLAIM) == 0)
    /* Translators: how a pioneer came to have a request: 抢单. */
    return _("Claimed");
  if (g_strcmp0 (kind, XF_CLAIM_KIND_BOOKING) == 0)
    return _("Booking accepted");
  if (g_strcmp0 (kind, XF_CLAIM_KIND_ASSIGNMENT) == 0)
    return _("Assigned by the dispatcher");
  return kind != NULL ? kind : "";
}

static const char *
channel_label (const char *channel)
{
  if (g_strcmp0 (channel, XF_REQUEST_CHANNEL_DESK) == 0)
    return _("At the desk");
  if (g_strcmp0 (channel, XF_REQUEST_CHANNEL_IMPORT) == 0)
    return _("Imported from the public channel");
  if (g_strcmp0 (channel, XF_REQUEST_CHANNEL_PORTAL) == 0)
    return _("Public portal");
  return channel != NULL ? channel : "";
}

/* "★★★★☆" for a rating of 4. */
static char *
stars_text (int rating)
{
  GString *text = g_string_new (NULL);

  for (int i = 1; i <= 5; i++)
    g_string_append (text, i <= rating ? "★" : "☆");
  return g_string_free (text, FALSE);
}

/*
 * Rows
 */

/*
 * The status at the top
 */

static void
set_status_class (GtkWidget  *label,
                  const char *status,
                  gboolean    overdue)
{
  static const char * const statuses[] = {
    XF_REQUEST_OPEN, XF_REQUEST_BOOKED, XF_REQUEST_CLAIMED, XF_REQUEST_IN_PROGRESS,
    XF_REQUEST_DONE, XF_REQUEST_CANCELLED, XF_REQUEST_EXPIRED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *name = g_strconcat ("status-", statuses[i], NULL);

      if (g_strcmp0 (statuses[i], status) == 0)
        gtk_widget_add_css_class (label, name);
      else
        gtk_widget_remove_css_class (label, name);
    }
  if (overdue)
    gtk_widget_add_css_class (label, "status-overdue");
  else
    gtk_widget_remove_css_class (label, "status-overdue");
}

/* The one line under the heading that says what is due or what became
 * of the request. */
static char *
due_text (const XfServiceRequest *request)
{
  g_autofree char *due = format_instant (request->response_due_at);
  g_autofree char *claimed = format_instant (request->claimed_at);
  g_autofree char *done = format_instant (request->done_at);

  if (xf_request_status_is_unclaimed (request->status))
    {
      if (due == NULL)
        return g_strdup (_("Waiting for a pioneer"));
      if (request->overdue)
        /* Translators: an unclaimed request past its response time. */
        return g_strdup_printf (_("Overdue: nobody has taken it on since %s"), due);
      /* Translators: the response deadline of an unclaimed request. */
      return g_strdup_printf (_("A pioneer should take it on by %s"), due);
    }
  if (g_strcmp0 (request->status, XF_REQUEST_DONE) == 0 && done != NULL)
    /* Translators: who helped, and when it was done. */
    return g_strdup_printf (_("Done by %s on %s"), request->claimed_by_name != NULL ? request->claimed_by_name : "",
                            done);
  if (request->claimed_by != 0 && !xf_request_status_is_final (request->status))
    /* Translators: who has the request, and since when. */
    return g_strdup_printf (_("With %s since %s"), request->claimed_by_name != NULL ? request->claimed_by_name : "",
                            claimed != NULL ? claimed : "");
  return g_strdup ("");
}

static gboolean
allows (XfRequestView *self,
        const char    *step)
{
  return self->allowed != NULL && g_strv_contains ((const char * const *) self->allowed, step);
}

static void
update_status (XfRequestView *self)
{
  const XfServiceRequest *request = self->request;
  g_autofree char *due = due_text (request);
  gboolean any = FALSE;

  gtk_label_set_text (self->heading_label, is_set (request->item_name) ? request->item_name
                                                                        : request->item_code);
  gtk_label_set_text (self->code_label, request->code != NULL ? request->code : "");
  gtk_label_set_text (self->status_label, xf_request_status_label (request->status));
  set_status_class (GTK_WIDGET (self->status_label), request->status, request->overdue);
  gtk_label_set_text (self->due_label, due);
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), *due != '\0');
  if (request->overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "error");

  for (guint i = 0; i < G_N_ELEMENTS (step_names); i++)
    {
      g_autofree char *action = g_strconcat ("request.", step_names[i], NULL);
      gboolean allowed = allows (self, step_names[i]);
      GtkWidget *button = NULL;

      for (GtkWidget *child = gtk_widget_get_first_child (self->actions_box); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (g_strcmp0 (gtk_widget_get_name (child), step_names[i]) == 0)
          button = child;
      if (button != NULL)
        gtk_widget_set_visible (button, allowed);
      /* Overdue, the dispatcher's assignment comes first, not a claim. */
      if (button != NULL && (g_str_equal (step_names[i], "claim") || g_str_equal (step_names[i], "assign")))
        {
          if (g_str_equal (step_names[i], "assign") == request->overdue)
            gtk_widget_add_css_class (button, "suggested-action");
          else
            gtk_widget_remove_css_class (button, "suggested-action");
        }
      /* Claimed, the work starts before it is done: one suggested step. */
      if (button != NULL && g_str_equal (step_names[i], "complete"))
        {
          if (!allows (self, "start"))
            gtk_widget_add_css_class (button, "suggested-action");
          else
            gtk_widget_remove_css_class (button, "suggested-action");
        }
      gtk_widget_action_set_enabled (GTK_WIDGET (self), action, allowed);
      any |= allowed;
    }
  gtk_widget_set_visible (self->actions_box, any);
}

/*
 * The sections
 */

static void
fill_details (XfRequestView *self)
{
  const XfServiceRequest *request = self->request;
  AdwPreferencesGroup *group = self->details_group;
  GPtrArray *rows = self->detail_rows;
  GtkWidget *contact;
  g_autofree char *due = format_instant (request->response_due_at);
  g_autofree char *created = format_instant (request->created_at);
  g_autofree char *created_text = NULL;

  xf_preferences_group_clear_rows (group, rows);
  xf_preferences_group_add_row (group, rows,
                                xf_property_row_new ("requester", _("Requester"), request->requester_name));
  /* The contact as core gives it: masked unless the actor may see it. */
  contact = xf_property_row_new ("contact", _("Contact"), request->requester_contact);
  /* A number must not break in the middle on a narrow window: ask for
   * room for a whole mobile number (longer e-mail addresses still wrap). */
  if (is_set (request->requester_contact))
    gtk_label_set_width_chars (g_object_get_data (G_OBJECT (contact), "value-label"),
                               MIN ((int) g_utf8_strlen (request->requester_contact, -1), 13));
  if (request->contact_masked)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (contact),
                                   _("Hidden: only those who may see personal data in the "
                                     "request’s region see it"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (contact),
                                 gtk_image_new_from_icon_name ("changes-prevent-symbolic"));
    }
  xf_preferences_group_add_row (group, rows, contact);
  xf_preferences_group_add_row (group, rows, xf_property_row_new ("region", _("Region"),
                                                                  is_set (request->region_name) ? request->region_name
                                                                  : request->region_code));
  xf_preferences_group_add_row (group, rows,
                                xf_property_row_new ("place", _("Place"), request->place));
  xf_preferences_group_add_row (group, rows,
                                xf_property_row_new ("needed-by", _("Needed by"), request->needed_by));
  xf_preferences_group_add_row (group, rows,
                                xf_property_row_new ("preferred-time", _("Preferred time"), request->preferred_time));
  if (request->booked_pioneer_id != 0)
    xf_preferences_group_add_row (group, rows,
                                  xf_property_row_new ("booking", _("Booked pioneer"), request->booked_pioneer_name));
  if (request->claimed_by != 0)
    {
      GtkWidget *row = xf_property_row_new ("claimer", _("Taken on by"), request->claimed_by_name);
      g_autofree char *at = format_instant (request->claimed_at);
      /* Translators: how a request was taken on, and when. */
      g_autofree char *how = g_strdup_printf (C_("request taken on", "%s, %s"), claim_kind_label (request->claim_kind),
                                              at != NULL ? at : "");

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), how);
      xf_preferences_group_add_row (group, rows, row);
    }
  /* The response time matters while nobody has the request. */
  if (due != NULL && xf_request_status_is_unclaimed (request->status))
    {
      GtkWidget *row = xf_property_row_new ("response-due", _("Response due"), due);

      if (request->overdue)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "error");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Overdue: nobody has taken it on in time"));
        }
      xf_preferences_group_add_row (group, rows, row);
    }
  xf_preferences_group_add_row (group, rows,
                                xf_property_row_new ("channel", _("Came in"), channel_label (request->channel)));
  /* Translators: when a request was entered, and by whom. */
  created_text = g_strdup_printf (C_("request entered", "%s by %s"), created != NULL ? created : "",
                                  request->created_by != NULL ? request->created_by : "");
  xf_preferences_group_add_row (group, rows,
                                xf_property_row_new ("created", C_("request", "Entered"), created_text));
  gtk_label_set_text (self->description_label, request->description != NULL ? request->description : "");
}

static void
fill_outcome (XfRequestView *self)
{
  const XfServiceRequest *request = self->request;
  AdwPreferencesGroup *group = self->outcome_group;

  xf_preferences_group_clear_rows (group, self->outcome_rows);
  if (is_set (request->done_note))
    xf_preferences_group_add_row (group, self->outcome_rows,
                                  xf_text_row_new ("done-note", request->done_note, _("Done note")));
  if (is_set (request->cancel_reason))
    xf_preferences_group_add_row (group, self->outcome_rows,
                                  xf_text_row_new ("cancel-reason", request->cancel_reason, _("Reason for cancelling")));
  gtk_widget_set_visible (GTK_WIDGET (group), self->outcome_rows->len > 0);
}

static void
fill_feedback (XfRequestView *self)
{
  const XfServiceRequest *request = self->request;
  const XfServiceFeedback *feedback = request->feedback;
  AdwPreferencesGroup *group = self->feedback_group;
  GPtrArray *rows = self->feedback_rows;
  gboolean done = g_strcmp0 (request->status, XF_REQUEST_DONE) == 0;

  xf_preferences_group_clear_rows (group, rows);
  gtk_widget_set_visible (GTK_WIDGET (group), done || feedback != NULL);
  if (feedback == NULL)
    {
      xf_preferences_group_add_row (group, rows,
                                    xf_message_row_new ("no-feedback", _("Not rated yet")));
      return;
    }

  if (feedback->rating > 0)
    {
      g_autofree char *stars = stars_text (feedback->rating);
      GtkWidget *row = xf_property_row_new ("rating", _("Rating"), stars);
      GtkWidget *label = g_object_get_data (G_OBJECT (row), "value-label");
      /* Translators: a rating read out by a screen reader. */
      g_autofree char *spoken = g_strdup_printf (_("%d of 5 stars"), feedback->rating);

      gtk_widget_add_css_class (label, "rating-stars");
      /* The stars say it to the eye; a screen reader says the number. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
      xf_preferences_group_add_row (group, rows, row);
    }
  xf_preferences_group_add_row (group, rows, xf_property_row_new ("liked", _("Liked"),
                                                                  feedback->liked ? _("Yes") : _("No")));
  if (is_set (feedback->comment))
    xf_preferences_group_add_row (group, rows,
                                  xf_text_row_new ("comment", feedback->comment, _("Comment")));
  if (is_set (feedback->complaint))
    {
      GtkWidget *row = xf_text_row_new ("complaint", feedback->complaint, _("Complaint"));
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      xf_preferences_group_add_row (group, rows, row);
      xf_preferences_group_add_row (group, rows,
                                    xf_property_row_new ("follow-up", _("Follow-up"),
                                                         g_strcmp0 (feedback->follow_up_status, XF_FOLLOW_UP_CLOSED) == 0
                                                         ? _("Closed") : _("Open: the dispatcher follows it up")));
      if (is_set (feedback->follow_up_note))
        xf_preferences_group_add_row (group, rows,
                                      xf_text_row_new ("follow-up-note", feedback->follow_up_note, _("Follow-up note")));
    }
  {
    g_autofree char *at = format_instant (feedback->created_at);
    /* Translators: when feedback was recorded, and by whom. */
    g_autofree char *recorded = g_strdup_printf (C_("feedback recorded", "%s by %s"), at != NULL ? at : "",
                                                 feedback->created_by != NULL ? feedback->created_by : "");

    xf_preferences_group_add_row (group, rows,
                                  xf_property_row_new ("feedback-recorded", _("Recorded"), recorded));
  }
}

static void
fill_timeline (XfRequestView *self)
{
  const XfServiceRequest *request = self->request;
  AdwPreferencesGroup *group = self->timeline_group;

  xf_preferences_group_clear_rows (group, self->timeline_rows);
  for (guint i = 0; request->events != NULL && i < request->events->len; i++)
    {
      const XfServiceEvent *event = g_ptr_array_index (request->events, i);
      g_autofree char *text = xf_service_event_describe (event);
      g_autofree char *at = format_instant (event->at);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (is_set (event->actor))
        /* Translators: under a timeline line: when, and who recorded it. */
        subtitle = g_strdup_printf (C_("request timeline", "%s · %s"), at != NULL ? at : "", event->actor);
      else
        subtitle = g_strdup (at != NULL ? at : "");
      row = xf_text_row_new ("event", text, subtitle);
      g_object_set_data_full (G_OBJECT (row), "kind", g_strdup (event->kind), g_free);
      xf_preferences_group_add_row (group, self->timeline_rows, row);
    }
  if (request->events == NULL || request->events->len == 0)
    xf_preferences_group_add_row (group, self->timeline_rows,
                                  xf_message_row_new ("no-events", _("Nothing recorded yet")));
}

/*
 * Loading
 */

static void
clear_loaded (XfRequestView *self)
{
  g_clear_pointer (&self->request, xf_service_request_free);
  g_clear_pointer (&self->allowed, g_strfreev);
}

static void
reload (XfRequestView *self)
{
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(GError) error = NULL;

  if (self->request_id > 0)
    request = xf_services_get_request (self->services, self->request_id, &error);
  if (request == NULL)
    {
      clear_loaded (self);
      _xf_request_view_clear_error (self);
      for (guint i = 0; i < G_N_ELEMENTS (step_names); i++)
        {
          g_autofree char *action = g_strconcat ("request.", step_names[i], NULL);

          gtk_widget_action_set_enabled (GTK_WIDGET (self), action, FALSE);
        }
      gtk_stack_set_visible_child_name (self->stack, "empty");
      if (error != NULL)
        _xf_request_view_show_toast (self, error->message);
      return;
    }

  clear_loaded (self);
  self->request = g_steal_pointer (&request);
  self->allowed = xf_services_allowed_actions (self->services, self->request);
  update_status (self);
  fill_outcome (self);
  fill_details (self);
  fill_feedback (self);
  fill_timeline (self);
  gtk_stack_set_visible_child_name (self->stack, "request");
}

static gboolean
refresh_cb (gpointer data)
{
  XfRequestView *self = data;

  self->refresh_source = 0;
  xf_request_view_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Refreshes once, after the handler that wrote has returned, so that the
 * widget that caused it is not torn down beneath its own signal. */
static void
services_changed_cb (XfRequestView *self,
                     gint64         request_id)
{
  if (self->request_id == 0)
    return;
  if (request_id != 0 && request_id != self->request_id)
    return;
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_cb, self);
}

/*
 * GObject
 */

static void
load_css (void)
{
  static gsize loaded;

  xf_load_css_once (&loaded, "/io/github/xianfeng/Xianfeng/services/xf-request-view.css");
}

static void
xf_request_view_constructed (GObject *object)
{
  XfRequestView *self = (XfRequestView *)object;

  G_OBJECT_CLASS (xf_request_view_parent_class)->constructed (object);

  g_return_if_fail (XF_IS_SERVICES (self->services));

  g_signal_connect_object (self->services, "changed", G_CALLBACK (services_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
}

static void
xf_request_view_dispose (GObject *object)
{
  XfRequestView *self = (XfRequestView *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_weak_pointer (&self->toast);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_REQUEST_VIEW);
  clear_loaded (self);
  g_clear_pointer (&self->detail_rows, g_ptr_array_unref);
  g_clear_pointer (&self->outcome_rows, g_ptr_array_unref);
  g_clear_pointer (&self->feedback_rows, g_ptr_array_unref);
  g_clear_pointer (&self->timeline_rows, g_ptr_array_unref);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (xf_request_view_parent_class)->dispose (object);
}

static void
xf_request_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XfRequestView *self = XF_REQUEST_VIEW (object);

  switch (prop_id)
    {
    case PROP_SERVICES:
      g_value_set_object (value, self->services);
      break;
    case PROP_REQUEST_ID:
      g_value_set_int64 (value, self->request_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_request_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XfRequestView *self = XF_REQUEST_VIEW (object);

  switch (prop_id)
    {
    case PROP_SERVICES:
      g_set_object (&self->services, g_value_get_object (value));
      break;
    case PROP_REQUEST_ID:
      xf_request_view_show (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_request_view_class_init (XfRequestViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xf_request_view_constructed;
  object_class->dispose = xf_request_view_dispose;
  object_class->get_property = xf_request_view_get_property;
  object_class->set_property = xf_request_view_set_property;

  properties [PROP_SERVICES] =
    g_param_spec_object ("services", NULL, NULL,
                         XF_TYPE_SERVICES,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * XfRequestView:request-id:
   *
   * The request shown; 0 shows the empty state.
   */
  properties [PROP_REQUEST_ID] =
    g_param_spec_int64 ("request-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XfRequestView::request-changed:
   * @request_id: the request a step changed
   *
   * After a step taken in the view succeeded (core has committed it).
   */
  signals [REQUEST_CHANGED] =
    g_signal_new ("request-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "requestview");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/services/xf-request-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XfRequestView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfRequestView, stack);
  gtk_widget_class_bind_template_child (widget_class, XfRequestView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, XfRequestView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, XfRequestView, code_label);
  gtk_widget_class_bind_template_child (widget_class, XfRequestView, status_label);
  gtk_widget_class_bind_template_child (widget_class, XfRequestView, due_label);
  gtk_widget_class_bind_template_child (widget_class, XfRequestView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, XfRequestView, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfRequestView, outcome_group);
  gtk_widget_class_bind_template_child (widget_class, XfRequestView, details_group);
  gtk_widget_class_bind_template_child (widget_class, XfRequestView, description_label);
  gtk_widget_class_bind_template_child (widget_class, XfRequestView, feedback_group);
  gtk_widget_class_bind_template_child (widget_class, XfRequestView, timeline_group);

  _xf_request_view_install_actions (widget_class);
}

static void
xf_request_view_init (XfRequestView *self)
{
  GtkLayoutManager *actions_layout;

  load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Several long buttons wrap rather than widen the pane. */
  actions_layout = xf_wrap_layout_new ();
  xf_wrap_layout_set_spacing (XF_WRAP_LAYOUT (actions_layout), 6);
  xf_wrap_layout_set_line_spacing (XF_WRAP_LAYOUT (actions_layout), 6);
  gtk_widget_set_layout_manager (self->actions_box, actions_layout);

  self->detail_rows = g_ptr_array_new ();
  self->outcome_rows = g_ptr_array_new ();
  self->feedback_rows = g_ptr_array_new ();
  self->timeline_rows = g_ptr_array_new ();
}

GtkWidget *
xf_request_view_new (XfServices *services)
{
  g_return_val_if_fail (XF_IS_SERVICES (services), NULL);

  return g_object_new (XF_TYPE_REQUEST_VIEW, "services", services, NULL);
}

void
xf_request_view_show (XfRequestView *self,
                      gint64         request_id)
{
  g_return_if_fail (XF_IS_REQUEST_VIEW (self));
  g_return_if_fail (request_id >= 0);

  if (self->request_id == request_id && (request_id == 0 || self->request != NULL))
    return;

  self->request_id = request_id;
  _xf_request_view_clear_error (self);
  if (self->services != NULL)
    reload (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REQUEST_ID]);
}

gint64
xf_request_view_get_request (XfRequestView *self)
{
  g_return_val_if_fail (XF_IS_REQUEST_VIEW (self), 0);

  return self->request_id;
}

void
xf_request_view_refresh (XfRequestView *self)
{
  g_return_if_fail (XF_IS_REQUEST_VIEW (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  xf_scrolled_window_reload_in_place (self->scrolled_window, (void (*) (gpointer)) reload, self);
}
