/* xf-care-page.c — the care page (服): programmes, batches, hardship, visits, reports
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page itself: its XfCare, the five views, reading again after
 * changes, and the actions and shortcuts. The Programmes and Batches
 * views are in xf-care-programmes-view.c and xf-care-batches-view.c; the
 * other three are H's.
 */

#define G_LOG_DOMAIN "xf-care-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xf-care-batches-view.h"
#include "xf-care-page.h"
#include "xf-care-programmes-view.h"
#include "xf-care-report-view.h"
#include "xf-hardship-view.h"
#include "xf-permission.h"
#include "xf-ui-util.h"
#include "xf-visits-view.h"

struct _XfCarePage
{
  AdwBin                parent_instance;

  XfRegistry           *registry;
  XfCare               *care;
  GtkWidget            *programmes_view;
  GtkWidget            *batches_view;
  GtkWidget            *hardship_view;   /* made when first shown */
  GtkWidget            *visits_view;     /* made when first shown */
  GtkWidget            *reports_view;    /* made when first shown */
  guint                 stale_views;     /* H's views to read again when next shown */
  XfReloadQueue         reload;
  AdwToast             *last_toast;      /* weak */
  gboolean              may_manage;      /* CARE_MANAGE somewhere */
  gboolean              show_sidebar_button;
  guint                 header_id;       /* update_header once the leaflets are done */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  GtkWidget            *back_button;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkWidget            *new_button;
  AdwViewStack         *view_stack;
  AdwBin               *programmes_bin;
  AdwBin               *batches_bin;
  AdwBin               *hardship_bin;
  AdwBin               *visits_bin;
  AdwBin               *reports_bin;
};

G_DEFINE_FINAL_TYPE (XfCarePage, xf_care_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REGISTRY,
  PROP_SHOW_SIDEBAR_BUTTON,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  VIEW_HARDSHIP = 1 << 0,
  VIEW_VISITS = 1 << 1,
  VIEW_REPORTS = 1 << 2,
};

void
xf_care_page_show_toast (XfCarePage *self,
                         const char *text)
{
  g_return_if_fail (XF_IS_CARE_PAGE (self));

  xf_toast_overlay_replace (self->toast_overlay, &self->last_toast, text);
}

/*
 * The views
 */

static const char *
visible_view (XfCarePage *self)
{
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/* Whether @view (Programmes or Batches, of @type) is folded and shows a
 * programme or a batch rather than its list: its own back button leads
 * to the list, and the header's to the sidebar would be a second one. */
static gboolean
shows_details (GtkWidget *view,
               GType      type)
{
  AdwLeaflet *leaflet;

  if (view == NULL)
    return FALSE;
  leaflet = ADW_LEAFLET (gtk_widget_get_template_child (view, type, "leaflet"));
  return adw_leaflet_get_folded (leaflet)
         && adw_leaflet_get_visible_child (leaflet) != GTK_WIDGET (gtk_widget_get_template_child (view, type, "list_pane"));
}

static void
update_header (XfCarePage *self)
{
  const char *name = visible_view (self);
  gboolean details = (g_strcmp0 (name, "programmes") == 0
                      && shows_details (self->programmes_view, XF_TYPE_CARE_PROGRAMMES_VIEW))
                     || (g_strcmp0 (name, "batches") == 0
                         && shows_details (self->batches_view, XF_TYPE_CARE_BATCHES_VIEW));

  gtk_widget_set_visible (self->new_button, self->may_manage && g_strcmp0 (name, "batches") == 0);
  gtk_widget_set_visible (self->back_button, self->show_sidebar_button && !details);
}

static gboolean
update_header_cb (gpointer data)
{
  XfCarePage *self = data;

  self->header_id = 0;
  update_header (self);
  return G_SOURCE_REMOVE;
}

/* A leaflet folds or turns while it is allocated: the header follows
 * after, not in the middle of the layout. */
static void
queue_update_header (XfCarePage *self)
{
  if (self->header_id == 0)
    self->header_id = g_idle_add (update_header_cb, self);
}

/* H's views, made and read again alike. */
typedef struct
{
  const char  *name;
  guint        bit;
  gsize        view_offset;   /* of the GtkWidget * in XfCarePage */
  gsize        bin_offset;    /* of its AdwBin * */
  GtkWidget *(*make)    (XfCare *care);
  void       (*refresh) (gpointer view);
} LazyView;

static const LazyView lazy_views[] = {
  { "hardship", VIEW_HARDSHIP, G_STRUCT_OFFSET (XfCarePage, hardship_view), G_STRUCT_OFFSET (XfCarePage, hardship_bin),
    xf_hardship_view_new, (void (*) (gpointer)) xf_hardship_view_refresh },
  { "visits", VIEW_VISITS, G_STRUCT_OFFSET (XfCarePage, visits_view), G_STRUCT_OFFSET (XfCarePage, visits_bin),
    xf_visits_view_new, (void (*) (gpointer)) xf_visits_view_refresh },
  { "reports", VIEW_REPORTS, G_STRUCT_OFFSET (XfCarePage, reports_view), G_STRUCT_OFFSET (XfCarePage, reports_bin),
    xf_care_report_view_new, (void (*) (gpointer)) xf_care_report_view_refresh },
};

/* H's views read their lists when made: each is made the first time it
 * shows, not at sign-in, and read again when shown after a change. */
static void
ensure_visible_view (XfCarePage *self)
{
  const char *name = visible_view (self);

  if (self->care == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (lazy_views); i++)
    {
      const LazyView *lazy = &lazy_views[i];
      GtkWidget **view = G_STRUCT_MEMBER_P (self, lazy->view_offset);

      if (g_strcmp0 (name, lazy->name) != 0)
        continue;
      if (*view == NULL)
        {
          *view = lazy->make (self->care);
          adw_bin_set_child (G_STRUCT_MEMBER (AdwBin *, self, lazy->bin_offset), *view);
        }
      else if (self->stale_views & lazy->bit)
        lazy->refresh (*view);
      self->stale_views &= ~lazy->bit;
    }
}

/* H's views made so far read again when next shown. */
static void
mark_views_stale (XfCarePage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (lazy_views); i++)
    if (G_STRUCT_MEMBER (GtkWidget *, self, lazy_views[i].view_offset) != NULL)
      self->stale_views |= lazy_views[i].bit;
}

static void
visible_child_changed_cb (XfCarePage *self)
{
  update_header (self);
  ensure_visible_view (self);
}

static void
reload_all (XfCarePage *self)
{
  xf_reload_queue_reloading (&self->reload);
  if (self->care == NULL)
    return;
  xf_care_programmes_view_refresh (XF_CARE_PROGRAMMES_VIEW (self->programmes_view));
  xf_care_batches_view_refresh (XF_CARE_BATCHES_VIEW (self->batches_view));
  mark_views_stale (self);
  ensure_visible_view (self);
}

static void
reload_page (GtkWidget *widget)
{
  reload_all (XF_CARE_PAGE (widget));
}

void
xf_care_page_refresh (XfCarePage *self)
{
  g_return_if_fail (XF_IS_CARE_PAGE (self));

  if (self->care == NULL)
    return;
  if (xf_reload_queue_defer (&self->reload))
    return;
  reload_all (self);
}

/* The views follow ::changed themselves; H's views are read again when
 * next shown. */
static void
care_changed_cb (XfCarePage *self)
{
  mark_views_stale (self);
}

/*
 * Actions
 */

/* Activates @action on H's view @name, made first if it is not yet. */
static void
activate_on_view (XfCarePage *self,
                  const char *name,
                  const char *action)
{
  GtkWidget *view;

  ensure_visible_view (self);
  view = g_strcmp0 (name, "hardship") == 0 ? self->hardship_view : self->visits_view;
  if (view != NULL)
    gtk_widget_activate_action (view, action, NULL);
}

/* Ctrl+N: the visible tab's "new": a batch, a hardship case, a visit, a
 * programme (administrators); nothing on Reports. */
static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  XfCarePage *self = XF_CARE_PAGE (widget);
  const char *name = visible_view (self);

  if (self->care == NULL)
    return;
  if (g_strcmp0 (name, "batches") == 0)
    {
      if (self->may_manage)
        xf_care_batches_view_new_batch (XF_CARE_BATCHES_VIEW (self->batches_view), NULL);
    }
  else if (g_strcmp0 (name, "programmes") == 0)
    xf_care_programmes_view_new_programme (XF_CARE_PROGRAMMES_VIEW (self->programmes_view));
  else if (g_strcmp0 (name, "hardship") == 0)
    activate_on_view (self, name, "hardship.new");
  else if (g_strcmp0 (name, "visits") == 0)
    activate_on_view (self, name, "visits.plan");
}

static void
create_batch_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XfCarePage *self = XF_CARE_PAGE (widget);

  if (!self->may_manage || self->batches_view == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "batches");
  xf_care_batches_view_new_batch (XF_CARE_BATCHES_VIEW (self->batches_view),
                                  g_variant_get_string (parameter, NULL));
}

static void
show_batch_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XfCarePage *self = XF_CARE_PAGE (widget);

  if (self->batches_view == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "batches");
  xf_care_batches_view_show_batch (XF_CARE_BATCHES_VIEW (self->batches_view),
                                   g_variant_get_int64 (parameter));
}

/* Ctrl+F: the visible tab's search; nothing on Reports. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfCarePage *self = XF_CARE_PAGE (widget);
  const char *name = visible_view (self);

  if (self->care == NULL)
    return;
  if (g_strcmp0 (name, "batches") == 0)
    xf_care_batches_view_focus_search (XF_CARE_BATCHES_VIEW (self->batches_view));
  else if (g_strcmp0 (name, "programmes") == 0)
    xf_care_programmes_view_focus_search (XF_CARE_PROGRAMMES_VIEW (self->programmes_view));
  else if (g_strcmp0 (name, "hardship") == 0)
    activate_on_view (self, name, "hardship.search");
  else if (g_strcmp0 (name, "visits") == 0)
    activate_on_view (self, name, "visits.search");
}

/* Escape: from a programme or a batch back to its list. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfCarePage *self = XF_CARE_PAGE (widget);

  if (self->care == NULL)
    return;
  if (g_strcmp0 (visible_view (self), "batches") == 0)
    xf_care_batches_view_back (XF_CARE_BATCHES_VIEW (self->batches_view));
  else if (g_strcmp0 (visible_view (self), "programmes") == 0)
    xf_care_programmes_view_back (XF_CARE_PROGRAMMES_VIEW (self->programmes_view));
  update_header (self);
}

/*
 * GObject
 */

static void
set_registry (XfCarePage *self,
              XfRegistry *registry)
{
  XfAccount *actor = xf_registry_get_actor (registry);

  self->registry = g_object_ref (registry);
  self->care = xf_care_new (registry);
  self->may_manage = actor != NULL && xf_permission_allows_somewhere (actor, XF_OP_CARE_MANAGE);
  g_signal_connect_object (self->care, "changed", G_CALLBACK (care_changed_cb), self, G_CONNECT_SWAPPED);

  self->programmes_view = xf_care_programmes_view_new (self->care);
  adw_bin_set_child (self->programmes_bin, self->programmes_view);
  self->batches_view = xf_care_batches_view_new (self->care);
  adw_bin_set_child (self->batches_bin, self->batches_view);
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *view = i == 0 ? self->programmes_view : self->batches_view;
      GObject *leaflet = G_OBJECT (gtk_widget_get_template_child (view, i == 0 ? XF_TYPE_CARE_PROGRAMMES_VIEW
                                                                                : XF_TYPE_CARE_BATCHES_VIEW,
                                                                  "leaflet"));

      g_signal_connect_object (leaflet, "notify::folded", G_CALLBACK (queue_update_header), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (leaflet, "notify::visible-child", G_CALLBACK (queue_update_header), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "care.new", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "care.create-batch", self->may_manage);
  update_header (self);
}

static void
xf_care_page_map (GtkWidget *widget)
{
  XfCarePage *self = XF_CARE_PAGE (widget);

  GTK_WIDGET_CLASS (xf_care_page_parent_class)->map (widget);
  xf_reload_queue_mapped (&self->reload);
  ensure_visible_view (self);
}

static void
xf_care_page_dispose (GObject *object)
{
  XfCarePage *self = XF_CARE_PAGE (object);

  xf_reload_queue_clear (&self->reload);
  g_clear_handle_id (&self->header_id, g_source_remove);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_CARE_PAGE);
  self->programmes_view = NULL;
  self->batches_view = NULL;
  self->hardship_view = NULL;
  self->visits_view = NULL;
  self->reports_view = NULL;
  g_clear_weak_pointer (&self->last_toast);
  g_clear_object (&self->care);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xf_care_page_parent_class)->dispose (object);
}

static void
xf_care_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  XfCarePage *self = XF_CARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    case PROP_SHOW_SIDEBAR_BUTTON:
      g_value_set_boolean (value, self->show_sidebar_button);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_care_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  XfCarePage *self = XF_CARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      set_registry (self, g_value_get_object (value));
      break;
    case PROP_SHOW_SIDEBAR_BUTTON:
      xf_set_show_sidebar_button (object, pspec, value, &self->show_sidebar_button, self->back_button);
      update_header (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_care_page_class_init (XfCarePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_care_page_dispose;
  object_class->get_property = xf_care_page_get_property;
  object_class->set_property = xf_care_page_set_property;
  widget_class->map = xf_care_page_map;

  properties [PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, XF_TYPE_REGISTRY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_SIDEBAR_BUTTON] = xf_show_sidebar_button_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xianfeng/Xianfeng/care/xf-care-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfCarePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfCarePage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, XfCarePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, XfCarePage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, XfCarePage, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, XfCarePage, new_button);
  gtk_widget_class_bind_template_child (widget_class, XfCarePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, XfCarePage, programmes_bin);
  gtk_widget_class_bind_template_child (widget_class, XfCarePage, batches_bin);
  gtk_widget_class_bind_template_child (widget_class, XfCarePage, hardship_bin);
  gtk_widget_class_bind_template_child (widget_class, XfCarePage, visits_bin);
  gtk_widget_class_bind_template_child (widget_class, XfCarePage, reports_bin);

  gtk_widget_class_install_action (widget_class, "care.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "care.create-batch", "s", create_batch_action);
  gtk_widget_class_install_action (widget_class, "care.show-batch", "x", show_batch_action);
  gtk_widget_class_install_action (widget_class, "care.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "care.back", NULL, back_action);
}

static void
xf_care_page_init (XfCarePage *self)
{
  static const XfShortcut shortcuts[] = {
    { GDK_KEY_f, GDK_CONTROL_MASK, "care.search" },
    { GDK_KEY_n, GDK_CONTROL_MASK, "care.new" },
    { GDK_KEY_Escape, 0, "care.back" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  xf_reload_queue_init_page (&self->reload, GTK_WIDGET (self), reload_page, NULL);
  xf_widget_add_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));
  xf_view_switcher_bar_follow_title (self->switcher_bar, self->switcher_title);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (visible_child_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "care.new", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "care.create-batch", FALSE);
}

GtkWidget *
xf_care_page_new (XfRegistry *registry)
{
  g_return_val_if_fail (XF_IS_REGISTRY (registry), NULL);

  return g_object_new (XF_TYPE_CARE_PAGE, "registry", registry, NULL);
}

/*
 * Public accessors
 */

XfCare *
xf_care_page_get_care (XfCarePage *self)
{
  g_return_val_if_fail (XF_IS_CARE_PAGE (self), NULL);
  return self->care;
}

GtkWidget *
xf_care_page_get_programmes_view (XfCarePage *self)
{
  g_return_val_if_fail (XF_IS_CARE_PAGE (self), NULL);
  return self->programmes_view;
}

GtkWidget *
xf_care_page_get_batches_view (XfCarePage *self)
{
  g_return_val_if_fail (XF_IS_CARE_PAGE (self), NULL);
  return self->batches_view;
}

void
xf_care_page_show_view (XfCarePage *self,
                        const char *name)
{
  g_return_if_fail (XF_IS_CARE_PAGE (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}
