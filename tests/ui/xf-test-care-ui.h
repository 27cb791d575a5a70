/* xf-test-care-ui.h — the scene of the care page's UI tests: a demo
 *                     database with hand-made people, the page open
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gi18n.h>

#include "xf-care-batches-view.h"
#include "xf-care-page.h"
#include "xf-care-programmes-view.h"
#include "xf-test-care-people.h"
#include "xf-test-evaluation.h"
#include "xf-test-util.h"
#include "xf-test-widgets.h"

G_BEGIN_DECLS

/* A Monday; the recuperation trip is for city tier and above, 65 and
 * under, not retired. */
#define XF_TEST_CARE_UI_TODAY "2026-03-09"
#define XF_TEST_CARE_CLERK    "clerk-deqing"   /* CARE_MANAGE in Deqing only */
#define XF_TEST_CARE_PEOPLE   6

typedef struct
{
  char          *dir;
  char          *path;
  XfApplication *app;
  XfWindow      *window;
  GtkWidget     *page;
  /* 4 in Deqing (0-3), 2 in Anji (4-5): all eligible for recuperation. */
  gint64         people[XF_TEST_CARE_PEOPLE];
  gint64         too_old;    /* in Deqing, 70: not eligible for recuperation */
} CareUiFixture;

static const char * const xf_test_care_names[XF_TEST_CARE_PEOPLE] = {
  "王建国", "李明华", "陈美玲", "孙伟", "赵国强", "周晓燕",
};

static inline XfCare *
xf_test_care_ui_care (CareUiFixture *fixture)
{
  return xf_care_page_get_care (XF_CARE_PAGE (fixture->page));
}

/* The people, made as the administrator through the page's registry. */
static inline void
xf_test_care_ui_scene (CareUiFixture *fixture)
{
  XfRegistry *registry = xf_care_get_registry (xf_test_care_ui_care (fixture));
  CareFixture care = { xf_registry_get_store (registry), registry, xf_test_care_ui_care (fixture) };
  static const char * const births[XF_TEST_CARE_PEOPLE] = {
    "1970-04-12", "1975-09-30", "1980-01-15", "1968-06-01", "1972-11-11", "1978-03-03",
  };

  for (guint i = 0; i < XF_TEST_CARE_PEOPLE; i++)
    {
      fixture->people[i] = xf_test_care_add_person (&care, xf_test_care_names[i], births[i],
                                                    i < 4 ? XF_TEST_WUKANG : XF_TEST_ANJI, NULL);
      xf_test_care_add_honour (&care, fixture->people[i], "劳动模范", "city", 2018);
    }
  fixture->too_old = xf_test_care_add_person (&care, "钱老伯", "1955-02-02", XF_TEST_WUKANG, NULL);
  xf_test_care_add_honour (&care, fixture->too_old, "劳动模范", "city", 2010);
}

/* The page reads again in an idle after a write: run what is pending. */
static inline void
xf_test_care_ui_settle (void)
{
  gint64 until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  xf_test_iterate (50);
  while (g_main_context_pending (NULL) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* @data: the login to sign in as (NULL: admin); the scene is set as the
 * administrator first. */
static inline void
xf_test_care_ui_set_up (CareUiFixture *fixture,
                        gconstpointer  data)
{
  XfStore *store;

  g_setenv ("XIANFENG_TODAY", XF_TEST_CARE_UI_TODAY, TRUE);
  xf_test_disable_animations ();
  fixture->dir = xf_test_make_dir ();
  store = xf_test_make_demo_db (fixture->dir, "care.db", 0, 0, &fixture->path);
  g_object_unref (xf_test_add_account (store, XF_TEST_CARE_CLERK, XF_ROLE_CLERK, XF_SCOPE_REGION, XF_TEST_DEQING));
  g_object_unref (store);

  fixture->page = xf_test_open_page (&fixture->app, &fixture->window, fixture->path, NULL, "care");
  xf_test_care_ui_scene (fixture);
  if (data != NULL)
    {
      xf_test_close_window (ADW_TYPE_WINDOW, fixture->window, &fixture->app);
      fixture->page = xf_test_open_page (&fixture->app, &fixture->window, fixture->path, data, "care");
    }
  xf_test_care_ui_settle ();
}

static inline void
xf_test_care_ui_tear_down (CareUiFixture *fixture,
                           gconstpointer  data)
{
  xf_test_close_page (ADW_TYPE_WINDOW, fixture->window, &fixture->app, &fixture->dir, &fixture->path);
}

static inline GtkWidget *
xf_test_care_ui_programmes (CareUiFixture *fixture)
{
  return xf_care_page_get_programmes_view (XF_CARE_PAGE (fixture->page));
}

static inline GtkWidget *
xf_test_care_ui_batches (CareUiFixture *fixture)
{
  return xf_care_page_get_batches_view (XF_CARE_PAGE (fixture->page));
}

static inline gboolean
xf_test_care_ui_lists_read_cb (gpointer data)
{
  return !xf_care_programmes_view_is_reading (XF_CARE_PROGRAMMES_VIEW (data));
}

/* Waits until the programme's eligible and gaps have been read (in a
 * worker), then until the page has shown them. */
static inline void
xf_test_care_ui_wait_lists (CareUiFixture *fixture)
{
  xf_test_care_ui_settle ();
  g_assert_true (xf_test_wait_until (xf_test_care_ui_lists_read_cb, xf_test_care_ui_programmes (fixture), 10000));
  xf_test_care_ui_settle ();
}

G_END_DECLS
