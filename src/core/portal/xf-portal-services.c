/* xf-portal-services.c — the public's side of the services: the menu,
 *                        点单 and bookings, "my request" and its rating
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-portal"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-error.h"
#include "xf-portal-private.h"
#include "xf-reference.h"
#include "xf-services-requests-private.h"

/*
 * Everything here goes through XfServices as the public actor: a request
 * is validated, stored and audited by xf_services_create_request (channel
 * "portal", PUBLIC_SUBMIT in place of the desk's REQUEST_EDIT), a rating
 * by xf_services_rate. What comes back to the public is an XfPublicRequest
 * built here from the request as the public actor reads it (contact
 * masked), keeping only public fields; the timeline's free text
 * (dispatcher's notes, reasons, complaints) is left out.
 *
 * A request is the visitor's when they know its code and the contact it
 * was made with. Both checks fail with one and the same message, so that
 * neither codes nor contacts can be probed one at a time.
 */

/* Public request codes, as xf-services-requests.c reads them:
 * "k7q2 m9xd", "K7Q2-M9XD" → "K7Q2-M9XD"; NULL when it cannot be one. */
static char *
normalise_code (const char *text)
{
  g_autoptr(GString) code = g_string_new (NULL);

  if (text == NULL)
    return NULL;
  for (const char *p = text; *p; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c == '-' || c == ' ' || c == '\t')
        continue;
      if (strchr (XF_REQUEST_CODE_ALPHABET, c) == NULL || code->len >= 8)
        return NULL;
      g_string_append_c (code, c);
    }
  if (code->len != 8)
    return NULL;
  g_string_insert_c (code, 4, '-');
  return g_string_free (g_steal_pointer (&code), FALSE);
}

/* A contact as compared: an e-mail address trimmed and in lower case; a
 * phone number without spaces, dashes, dots, brackets or a +86 / 0086
 * country prefix. NULL for NULL or text that is not UTF-8. */
static char *
normalise_contact (const char *contact)
{
  g_autofree char *trimmed = NULL;
  GString *plain;
  const char *p;

  if (contact == NULL || !g_utf8_validate (contact, -1, NULL))
    return NULL;
  trimmed = g_strstrip (g_strdup (contact));
  if (strchr (trimmed, '@') != NULL)
    return g_utf8_casefold (trimmed, -1);

  plain = g_string_new (NULL);
  for (p = trimmed; *p; p++)
    if (strchr (" -.()\t", *p) == NULL)
      g_string_append_c (plain, *p);
  if (g_str_has_prefix (plain->str, "+86"))
    g_string_erase (plain, 0, 3);
  else if (g_str_has_prefix (plain->str, "0086"))
    g_string_erase (plain, 0, 4);
  return g_string_free (plain, FALSE);
}

/* The one refusal of "my request", whatever was wrong. */
static void
set_no_such_request (GError **error)
{
  g_set_error_literal (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                       _("No request matches this code and contact"));
}

/* The id of the request of @code, 0 with set_no_such_request () when there
 * is none (other errors, e.g. of the database, as they are). */
static gint64
find_by_code (XfPortal    *self,
              const char  *code,
              GError     **error)
{
  g_autofree char *normal = normalise_code (code);
  g_autoptr(GError) local_error = NULL;
  gint64 id;

  if (normal == NULL)
    {
      set_no_such_request (error);
      return 0;
    }
  id = xf_services_find_request (self->services, normal, &local_error);
  if (id > 0)
    return id;
  if (g_error_matches (local_error, XF_ERROR, XF_ERROR_NOT_FOUND))
    set_no_such_request (error);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

/*
 * The menu
 */

GPtrArray *
xf_portal_list_services (XfPortal  *self,
                         GError   **error)
{
  g_return_val_if_fail (XF_IS_PORTAL (self), NULL);

  return xf_services_list_items (self->services, FALSE, error);
}

XfServiceItem *
xf_portal_get_service (XfPortal    *self,
                       const char  *code,
                       GError     **error)
{
  g_autoptr(XfServiceItem) item = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (XF_IS_PORTAL (self), NULL);

  if (code != NULL && *code != '\0')
    item = xf_services_get_item (self->services, code, &local_error);
  if (local_error != NULL && !g_error_matches (local_error, XF_ERROR, XF_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (item == NULL || !item->active)
    {
      g_autofree char *quoted = _xf_services_quote (code);

      /* Translators: %s is a service's code from the address */
      g_set_error (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("No service “%s”"), quoted);
      return NULL;
    }
  return g_steal_pointer (&item);
}

GPtrArray *
xf_portal_list_regions (XfPortal  *self,
                        GError   **error)
{
  XfReference *reference = xf_reference_get_shared ();
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *items;

  g_return_val_if_fail (XF_IS_PORTAL (self), NULL);

  if (!xf_reference_ensure (reference, XF_REFERENCE_REGIONS, error))
    return NULL;
  /* File order: each county, then its townships. */
  items = xf_reference_get_items (reference, XF_REFERENCE_REGIONS);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const XfReferenceItem *item = g_ptr_array_index (items, i);

      g_ptr_array_add (pairs, g_strdup (item->code));
      g_ptr_array_add (pairs, _xf_portal_region_label (item->code));
    }
  return g_steal_pointer (&pairs);
}

/*
 * 点单 and bookings
 */

/* The active pioneer of @uid, for a booking; an unknown, archived or
 * not yet active one is XF_ERROR_NOT_FOUND alike (the public cannot see
 * those cards either). */
static gint64
booked_pioneer (XfPortal    *self,
                const char  *uid,
                GError     **error)
{
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autoptr(GError) local_error = NULL;

  if (g_utf8_validate (uid, -1, NULL))
    pioneer = xf_registry_get_pioneer_by_uid (self->registry, uid, &local_error);
  if (local_error != NULL && !g_error_matches (local_error, XF_ERROR, XF_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (pioneer == NULL || g_strcmp0 (xf_pioneer_get_status (pioneer), "active") != 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_NOT_FOUND,
                           /* Translators: a booking names a pioneer the public cannot see */
                           _("Pioneer: there is no such pioneer"));
      return 0;
    }
  return xf_pioneer_get_id (pioneer);
}

char *
xf_portal_submit_request (XfPortal                   *self,
                          const XfPortalRequestForm  *form,
                          GError                    **error)
{
  g_autoptr(XfServiceRequest) request = NULL;
  g_autoptr(XfServiceRequest) stored = NULL;
  gint64 id;

  g_return_val_if_fail (XF_IS_PORTAL (self), NULL);
  g_return_val_if_fail (form != NULL, NULL);

  request = xf_service_request_new ();
  g_free (request->channel);
  request->channel = g_strdup (XF_REQUEST_CHANNEL_PORTAL);
  request->item_code = g_strdup (form->item_code);
  request->requester_name = g_strdup (form->requester);
  request->requester_contact = g_strdup (form->contact);
  request->region_code = g_strdup (form->region_code);
  request->place = g_strdup (form->place);
  request->needed_by = form->needed_by != NULL && *form->needed_by != '\0' ? g_strdup (form->needed_by) : NULL;
  request->description = g_strdup (form->description);
  if (form->pioneer_uid != NULL && *form->pioneer_uid != '\0'
      && (request->booked_pioneer_id = booked_pioneer (self, form->pioneer_uid, error)) == 0)
    return NULL;

  id = xf_services_create_request (self->services, request, error);
  if (id == 0)
    return NULL;
  stored = xf_services_get_request (self->services, id, error);
  if (stored == NULL)
    return NULL;
  return g_steal_pointer (&stored->code);
}

/*
 * "My request"
 */

/* The timeline as the requester may read it: who took it and when, never
 * a note, a reason or a complaint's text; NULL for a line they do not see
 * (a lost claim, the complaint itself). */
static char *
describe_step (const XfServiceEvent *event)
{
  XfServiceEvent shown = *event;

  if (g_strcmp0 (event->kind, "claim-lost") == 0 || g_strcmp0 (event->kind, "complaint") == 0)
    return NULL;
  /* The rating's detail is the number of stars, which the requester gave. */
  if (g_strcmp0 (event->kind, "rated") != 0)
    shown.detail = NULL;
  return xf_service_event_describe (&shown);
}

static XfPublicRequest *
public_view (const XfServiceRequest *request)
{
  g_autoptr(XfPublicRequest) view = xf_public_request_new ();

  view->code = g_strdup (request->code);
  view->item_code = g_strdup (request->item_code);
  view->item_name = g_strdup (request->item_name);
  view->status = g_strdup (request->status);
  view->status_label = g_strdup (xf_request_status_label (request->status));
  view->region_label = _xf_portal_region_label (request->region_code);
  view->needed_by = g_strdup (request->needed_by);
  view->created_at = request->created_at;
  view->response_due_at = request->response_due_at;
  view->booking = request->booked_pioneer_id != 0;
  if (request->claimed_by > 0)
    {
      view->served_by = g_strdup (request->claimed_by_name);
      view->served_by_uid = g_strdup (request->claimed_by_uid);
    }
  else if (request->booked_pioneer_id > 0)
    {
      view->served_by = g_strdup (request->booked_pioneer_name);
      view->served_by_uid = g_strdup (request->booked_pioneer_uid);
    }
  for (guint i = 0; request->events != NULL && i < request->events->len; i++)
    {
      const XfServiceEvent *event = g_ptr_array_index (request->events, i);
      char *label = describe_step (event);
      XfPublicRequestStep *step;

      if (label == NULL)
        continue;
      step = g_new0 (XfPublicRequestStep, 1);
      step->at = event->at;
      step->label = label;
      g_ptr_array_add (view->steps, step);
    }
  view->rated = request->feedback != NULL;
  view->rating = request->feedback != NULL ? request->feedback->rating : 0;
  view->liked = request->feedback != NULL && request->feedback->liked;
  view->can_rate = g_strcmp0 (request->status, XF_REQUEST_DONE) == 0 && !view->rated;
  return g_steal_pointer (&view);
}

/* Whether @given is the contact the request of @request_id was made with.
 * Reads the stored contact inside core only: it never leaves this function. */
static gboolean
contact_matches (XfPortal    *self,
                 gint64       request_id,
                 const char  *given,
                 GError     **error)
{
  g_autoptr(XfServiceRequest) stored = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *have = normalise_contact (given);

  if (have == NULL || *have == '\0')
    return FALSE;
  stored = _xf_services_load_request (self->services, request_id, error);
  if (stored == NULL)
    return FALSE;
  wanted = normalise_contact (stored->requester_contact);
  return wanted != NULL && g_str_equal (wanted, have);
}

/* The public view of the request of @request_id, read as the public actor. */
static XfPublicRequest *
view_request (XfPortal  *self,
              gint64     request_id,
              GError   **error)
{
  g_autoptr(XfServiceRequest) request = xf_services_get_request (self->services, request_id, error);

  if (request == NULL)
    return NULL;
  return public_view (request);
}

XfPublicRequest *
xf_portal_find_request (XfPortal    *self,
                        const char  *code,
                        const char  *contact,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 id;

  g_return_val_if_fail (XF_IS_PORTAL (self), NULL);

  if ((id = find_by_code (self, code, error)) == 0)
    return NULL;
  if (!contact_matches (self, id, contact, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_no_such_request (error);
      return NULL;
    }
  return view_request (self, id, error);
}

XfPublicRequest *
xf_portal_get_request (XfPortal    *self,
                       const char  *code,
                       GError     **error)
{
  gint64 id;

  g_return_val_if_fail (XF_IS_PORTAL (self), NULL);

  if ((id = find_by_code (self, code, error)) == 0)
    return NULL;
  return view_request (self, id, error);
}

gboolean
xf_portal_rate_request (XfPortal                 *self,
                        const char               *code,
                        const XfServiceFeedback  *feedback,
                        GError                  **error)
{
  gint64 id;

  g_return_val_if_fail (XF_IS_PORTAL (self), FALSE);
  g_return_val_if_fail (feedback != NULL, FALSE);

  if ((id = find_by_code (self, code, error)) == 0)
    return FALSE;
  return xf_services_rate (self->services, id, feedback, error);
}
