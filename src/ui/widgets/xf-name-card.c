/* xf-name-card.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-name-card"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-honour.h"
#include "xf-name-card-private.h"
#include "xf-pioneer-fields.h"
#include "xf-public-link.h"
#include "xf-qr-code.h"
#include "xf-ui-util.h"

#define SCHEMA_ID "io.github.xianfeng.Xianfeng"

/* Below this width the QR code moves from beside the name to the foot of
 * the card, so that a phone-sized window still has room for the name. */
#define NARROW_WIDTH 540

struct _XfNameCard
{
  AdwBin       parent_instance;

  XfPioneer   *pioneer;
  GListModel  *honours;
  char        *base_url;
  GSettings   *settings;
  GtkWidget   *video;        /* a GtkVideo while a local video is shown */
  gboolean     narrow;
  guint        layout_idle;

  /* Template widgets */
  GtkWidget   *card;
  GtkWidget   *header_box;
  GtkStack    *photo_stack;
  AdwAvatar   *avatar;
  GtkPicture  *photo;
  GtkLabel    *tier_badge;
  GtkLabel    *name_label;
  GtkLabel    *subtitle_label;
  GtkLabel    *honours_label;
  GtkWidget   *qr_box;
  XfQrCode    *qr_code;
  GtkWidget   *introduction_box;
  GtkLabel    *introduction_label;
  GtkWidget   *deeds_box;
  GtkLabel    *deeds_label;
  GtkWidget   *contribution_box;
  GtkLabel    *contribution_label;
  GtkWidget   *video_box;
  GtkWidget   *video_button;
  GtkLabel    *video_missing_label;
  GtkWidget   *book_button;
};

G_DEFINE_FINAL_TYPE (XfNameCard, xf_name_card, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PIONEER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *tier_classes[] = {
  "tier-national", "tier-provincial", "tier-city", "tier-county", "tier-cultivation",
};

/*
 * Helpers
 */

void
_xf_name_card_show_toast (XfNameCard *self,
                          const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  else
    g_message ("%s", text);
}

static void
set_text_section (GtkWidget  *box,
                  GtkLabel   *label,
                  const char *text)
{
  gboolean has_text = text != NULL && *text != '\0';

  gtk_label_set_text (label, has_text ? text : "");
  gtk_widget_set_visible (box, has_text);
}

static gboolean
is_web_link (const char *text)
{
  return g_str_has_prefix (text, "http://") || g_str_has_prefix (text, "https://");
}

/* A local video as a GFile: an absolute path or a file:// URI. */
static GFile *
local_video_file (const char *video)
{
  if (g_str_has_prefix (video, "file://"))
    return g_file_new_for_uri (video);
  if (g_path_is_absolute (video))
    return g_file_new_for_path (video);
  return NULL;
}

/*
 * Refresh
 */

static void
update_public_link (XfNameCard *self)
{
  g_autofree char *link = xf_name_card_dup_public_link (self, NULL);

  xf_qr_code_set_text (self->qr_code, link);
  gtk_widget_set_visible (self->qr_box, link != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.copy-link", link != NULL);
}

static void
update_video (XfNameCard *self)
{
  const char *video = self->pioneer ? xf_pioneer_get_video (self->pioneer) : NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *missing = NULL;

  if (self->video != NULL)
    {
      gtk_box_remove (GTK_BOX (self->video_box), self->video);
      self->video = NULL;
    }
  gtk_widget_set_visible (self->video_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->video_missing_label), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.open-video", FALSE);

  if (video == NULL || *video == '\0')
    {
      gtk_widget_set_visible (self->video_box, FALSE);
      return;
    }
  gtk_widget_set_visible (self->video_box, TRUE);

  if (is_web_link (video))
    {
      gtk_widget_set_visible (self->video_button, TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.open-video", TRUE);
      return;
    }

  file = local_video_file (video);
  if (file != NULL && g_file_query_exists (file, NULL))
    {
      /* Plays in place; nothing starts until the viewer presses play. */
      self->video = gtk_video_new_for_file (file);
      gtk_video_set_autoplay (GTK_VIDEO (self->video), FALSE);
      gtk_widget_set_size_request (self->video, -1, 240);
      gtk_box_insert_child_after (GTK_BOX (self->video_box), self->video,
                                  gtk_widget_get_first_child (self->video_box));
      return;
    }

  missing = g_strdup_printf (_("The video file “%s” cannot be found."), video);
  gtk_label_set_text (self->video_missing_label, missing);
  gtk_widget_set_visible (GTK_WIDGET (self->video_missing_label), TRUE);
}

static char *
dup_subtitle (XfNameCard *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *properties_individual[] = { "employer", "position" };
  const char *properties_collective[] = { "collective-kind", "region-code" };
  gboolean collective = xf_pioneer_is_collective (self->pioneer);

  for (guint i = 0; i < 2; i++)
    {
      const char *property = collective ? properties_collective[i] : properties_individual[i];
      g_autofree char *value = NULL;
      char *text;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (self->pioneer), property) == NULL)
        continue;
      value = xf_pioneer_dup_field (self->pioneer, property);
      text = xf_pioneer_fields_display (NULL, property, value);
      if (text != NULL)
        g_ptr_array_add (parts, text);
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static char *
dup_honour_titles (XfNameCard *self)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  guint n = self->honours ? g_list_model_get_n_items (self->honours) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfHonour) honour = g_list_model_get_item (self->honours, i);
      char *title = xf_honour_title_display (xf_honour_get_title (honour));

      if (title != NULL && *title != '\0')
        g_ptr_array_add (titles, title);
      else
        g_free (title);
    }
  g_ptr_array_add (titles, NULL);
  return g_strjoinv (" · ", (char **) titles->pdata);
}

static void
update_photo (XfNameCard *self)
{
  const char *photo = xf_pioneer_get_photo (self->pioneer);

  adw_avatar_set_text (self->avatar, xf_pioneer_get_name (self->pioneer));
  if (photo != NULL && g_path_is_absolute (photo) && g_file_test (photo, G_FILE_TEST_IS_REGULAR))
    {
      gtk_picture_set_filename (self->photo, photo);
      gtk_stack_set_visible_child_name (self->photo_stack, "photo");
    }
  else
    {
      gtk_picture_set_paintable (self->photo, NULL);
      gtk_stack_set_visible_child_name (self->photo_stack, "avatar");
    }
}

/* "Book a service" goes to the window's win.book-service (the Services
 * page adds it): shown only while the window offers it to this actor,
 * i.e. while the button is sensitive. */
static void
update_book_button (XfNameCard *self)
{
  /* The target first: the action takes an id, never nothing. */
  if (self->pioneer != NULL)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->book_button), "x",
                                        xf_pioneer_get_id (self->pioneer));
      if (gtk_actionable_get_action_name (GTK_ACTIONABLE (self->book_button)) == NULL)
        gtk_actionable_set_action_name (GTK_ACTIONABLE (self->book_button), "win.book-service");
    }
  gtk_widget_set_visible (self->book_button,
                          self->pioneer != NULL && gtk_widget_get_sensitive (self->book_button));
}

static void
refresh (XfNameCard *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *honours = NULL;
  g_autofree char *tier_class = NULL;
  const char *tier;

  for (guint i = 0; i < G_N_ELEMENTS (tier_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), tier_classes[i]);

  gtk_widget_set_visible (self->card, self->pioneer != NULL);
  update_book_button (self);
  if (self->pioneer == NULL)
    {
      update_public_link (self);
      return;
    }

  tier = xf_pioneer_get_tier (self->pioneer);
  if (tier == NULL || xf_tier_rank (tier) < 0)
    tier = "cultivation";
  tier_class = g_strconcat ("tier-", tier, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self), tier_class);
  gtk_label_set_text (self->tier_badge, xf_tier_label (tier));

  gtk_label_set_text (self->name_label, xf_pioneer_get_name (self->pioneer));
  subtitle = dup_subtitle (self);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), *subtitle != '\0');
  honours = dup_honour_titles (self);
  gtk_label_set_text (self->honours_label, honours);
  gtk_widget_set_visible (GTK_WIDGET (self->honours_label), *honours != '\0');

  update_photo (self);
  set_text_section (self->introduction_box, self->introduction_label,
                    xf_pioneer_get_introduction (self->pioneer));
  set_text_section (self->deeds_box, self->deeds_label, xf_pioneer_get_deeds (self->pioneer));
  set_text_section (self->contribution_box, self->contribution_label,
                    xf_pioneer_get_contribution (self->pioneer));
  update_video (self);
  update_public_link (self);
}

static void
pioneer_notify_cb (XfNameCard *self)
{
  refresh (self);
}

static void
base_url_changed_cb (XfNameCard *self)
{
  update_public_link (self);
}

/*
 * Actions
 */

static void
copy_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  XfNameCard *self = XF_NAME_CARD (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *link = xf_name_card_dup_public_link (self, &error);

  if (link == NULL)
    {
      _xf_name_card_show_toast (self, error->message);
      return;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), link);
  _xf_name_card_show_toast (self, _("Link copied"));
}

static void
save_png_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  _xf_name_card_save_as (XF_NAME_CARD (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  _xf_name_card_print (XF_NAME_CARD (widget));
}

static void
open_video_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  XfNameCard *self = XF_NAME_CARD (widget);
  const char *video = self->pioneer ? xf_pioneer_get_video (self->pioneer) : NULL;

  if (video != NULL && is_web_link (video))
    gtk_show_uri (xf_widget_get_window (GTK_WIDGET (self)), video, GDK_CURRENT_TIME);
}

/*
 * Adaptive layout
 */

static gboolean
apply_layout_cb (gpointer data)
{
  XfNameCard *self = data;
  gboolean narrow = gtk_widget_get_width (GTK_WIDGET (self)) < NARROW_WIDTH;

  self->layout_idle = 0;
  if (narrow == self->narrow)
    return G_SOURCE_REMOVE;
  self->narrow = narrow;

  g_object_ref (self->qr_box);
  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->qr_box)), self->qr_box);
  if (narrow)
    {
      gtk_box_append (GTK_BOX (self->card), self->qr_box);
      gtk_widget_set_halign (self->qr_box, GTK_ALIGN_CENTER);
    }
  else
    {
      gtk_box_append (GTK_BOX (self->header_box), self->qr_box);
      gtk_widget_set_halign (self->qr_box, GTK_ALIGN_FILL);
    }
  g_object_unref (self->qr_box);

  adw_avatar_set_size (self->avatar, narrow ? 64 : 96);
  gtk_widget_set_size_request (GTK_WIDGET (self->photo), narrow ? 64 : 96, narrow ? 80 : 120);
  return G_SOURCE_REMOVE;
}

/* AdwBin lays its child out with a layout manager, so the card watches its
 * width through a custom one. Layout cannot change during allocation; the
 * switch happens right after. */
static void
layout_measure (GtkWidget      *widget,
                GtkOrientation  orientation,
                int             for_size,
                int            *minimum,
                int            *natural,
                int            *minimum_baseline,
                int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  *minimum = *natural = 0;
  *minimum_baseline = *natural_baseline = -1;
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural,
                        minimum_baseline, natural_baseline);
}

static void
layout_allocate (GtkWidget *widget,
                 int        width,
                 int        height,
                 int        baseline)
{
  XfNameCard *self = XF_NAME_CARD (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);

  if ((width < NARROW_WIDTH) != self->narrow && self->layout_idle == 0)
    self->layout_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_layout_cb, self, NULL);
}

/*
 * GObject
 */

static void
load_css (void)
{
  static gboolean loaded;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/xianfeng/Xianfeng/widgets/xf-name-card.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

static void
xf_name_card_dispose (GObject *object)
{
  XfNameCard *self = (XfNameCard *)object;

  /* AdwBin unparents its child itself; let it, before the template is
   * torn down, so that the child is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_NAME_CARD);
  self->video = NULL;
  g_clear_handle_id (&self->layout_idle, g_source_remove);
  g_clear_object (&self->pioneer);
  g_clear_object (&self->honours);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (xf_name_card_parent_class)->dispose (object);
}

static void
xf_name_card_finalize (GObject *object)
{
  XfNameCard *self = (XfNameCard *)object;

  g_clear_pointer (&self->base_url, g_free);

  G_OBJECT_CLASS (xf_name_card_parent_class)->finalize (object);
}

static void
xf_name_card_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  XfNameCard *self = XF_NAME_CARD (object);

  switch (prop_id)
    {
    case PROP_PIONEER:
      g_value_set_object (value, self->pioneer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_name_card_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  XfNameCard *self = XF_NAME_CARD (object);

  switch (prop_id)
    {
    case PROP_PIONEER:
      xf_name_card_set_pioneer (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_name_card_class_init (XfNameCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_name_card_dispose;
  object_class->finalize = xf_name_card_finalize;
  object_class->get_property = xf_name_card_get_property;
  object_class->set_property = xf_name_card_set_property;

  /**
   * XfNameCard:pioneer:
   *
   * The pioneer whose card is shown.
   */
  properties [PROP_PIONEER] =
    g_param_spec_object ("pioneer", NULL, NULL, XF_TYPE_PIONEER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "namecard");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/widgets/xf-name-card.ui");
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, card);
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, header_box);
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, photo_stack);
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, avatar);
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, photo);
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, tier_badge);
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, honours_label);
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, qr_box);
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, qr_code);
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, introduction_box);
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, introduction_label);
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, deeds_box);
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, deeds_label);
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, contribution_box);
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, contribution_label);
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, video_box);
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, video_button);
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, book_button);
  gtk_widget_class_bind_template_child (widget_class, XfNameCard, video_missing_label);

  gtk_widget_class_install_action (widget_class, "card.copy-link", NULL, copy_link_action);
  gtk_widget_class_install_action (widget_class, "card.save-png", NULL, save_png_action);
  gtk_widget_class_install_action (widget_class, "card.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "card.open-video", NULL, open_video_action);

  g_type_ensure (XF_TYPE_QR_CODE);
  load_css ();
}

static void
xf_name_card_init (XfNameCard *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, layout_measure, layout_allocate));
  load_css ();
  g_signal_connect_object (self->book_button, "notify::sensitive",
                           G_CALLBACK (update_book_button), self, G_CONNECT_SWAPPED);

  /* Without the schema (an uninstalled tool, a test) the card has no
   * public link until a base URL is set on it. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "public-base-url"))
    {
      self->settings = g_settings_new_full (schema, NULL, NULL);
      g_signal_connect_object (self->settings, "changed::public-base-url",
                               G_CALLBACK (base_url_changed_cb), self, G_CONNECT_SWAPPED);
    }

  refresh (self);
}

/*
 * Public API
 */

GtkWidget *
_xf_name_card_get_surface (XfNameCard *self)
{
  return self->card;
}

GtkWidget *
xf_name_card_new (void)
{
  return g_object_new (XF_TYPE_NAME_CARD, NULL);
}

XfPioneer *
xf_name_card_get_pioneer (XfNameCard *self)
{
  g_return_val_if_fail (XF_IS_NAME_CARD (self), NULL);
  return self->pioneer;
}

void
xf_name_card_set_pioneer (XfNameCard *self,
                          XfPioneer  *pioneer)
{
  g_return_if_fail (XF_IS_NAME_CARD (self));
  g_return_if_fail (pioneer == NULL || XF_IS_PIONEER (pioneer));

  if (self->pioneer == pioneer)
    return;

  if (self->pioneer != NULL)
    g_signal_handlers_disconnect_by_func (self->pioneer, pioneer_notify_cb, self);
  g_set_object (&self->pioneer, pioneer);
  if (pioneer != NULL)
    g_signal_connect_object (pioneer, "notify", G_CALLBACK (pioneer_notify_cb), self,
                             G_CONNECT_SWAPPED);

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PIONEER]);
}

void
xf_name_card_set_honours (XfNameCard *self,
                          GListModel *honours)
{
  g_return_if_fail (XF_IS_NAME_CARD (self));
  g_return_if_fail (honours == NULL || G_IS_LIST_MODEL (honours));

  if (self->honours != NULL)
    g_signal_handlers_disconnect_by_func (self->honours, pioneer_notify_cb, self);
  g_set_object (&self->honours, honours);
  if (honours != NULL)
    g_signal_connect_object (honours, "items-changed", G_CALLBACK (pioneer_notify_cb), self,
                             G_CONNECT_SWAPPED);
  refresh (self);
}

void
xf_name_card_set_base_url (XfNameCard *self,
                           const char *base_url)
{
  g_return_if_fail (XF_IS_NAME_CARD (self));

  g_free (self->base_url);
  self->base_url = g_strdup (base_url);
  update_public_link (self);
}

char *
xf_name_card_dup_public_link (XfNameCard  *self,
                              GError     **error)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (XF_IS_NAME_CARD (self), NULL);

  if (self->pioneer == NULL || xf_pioneer_get_uid (self->pioneer) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("This file has not been saved yet, so it has no public link"));
      return NULL;
    }

  if (self->base_url != NULL)
    base = g_strdup (self->base_url);
  else if (self->settings != NULL)
    base = g_settings_get_string (self->settings, "public-base-url");

  return xf_public_link_build (base, xf_pioneer_get_uid (self->pioneer), error);
}
