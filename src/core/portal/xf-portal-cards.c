/* xf-portal-cards.c — the public's view of pioneers: cards, engagement and
 *                     the Pioneers of the Month
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-portal"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xf-clock.h"
#include "xf-db.h"
#include "xf-error.h"
#include "xf-portal-private.h"
#include "xf-reference.h"
#include "xf-stmt-cache.h"

/*
 * A card is built field by field from the registry's file as the public
 * actor reads it (personal data masked there already), copying only what
 * XfPublicCard names: the identity number, credit code, mobile, birth
 * date, gender, address and photo never leave this file.
 *
 * Engagement events go through xf_ranking_record_event () with source
 * "portal" and a source id of "<kind>:<visitor>:<uid>:<YYYY-MM-DD>", so
 * that a visitor's second view, like or share of a card on one day stores
 * nothing; a like looks first to tell a new one from a repeat.
 */

/* Longer visitor keys are stored as their SHA-256, so that the event's
 * visitor and source id stay within the ranking's 200 characters. */
#define MAX_VISITOR 64

/* This file's statements, prepared once per portal and kept, as the
 * repositories keep theirs (the portal asks the same few at every visit). */
static XfDbStmt *
prepare (XfPortal    *self,
         const char  *sql,
         GError     **error)
{
  return xf_stmt_cache_prepare (self->card_statements, sql, error);
}

/* An active pioneer by uid; unknown, archived and deceased files are all
 * the same XF_ERROR_NOT_FOUND, so that the portal tells nothing of them. */
static XfPioneer *
get_active (XfPortal    *self,
            const char  *uid,
            GError     **error)
{
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autoptr(GError) local_error = NULL;

  if (uid != NULL && *uid != '\0' && g_utf8_validate (uid, -1, NULL) && strlen (uid) <= 64)
    pioneer = xf_registry_get_pioneer_by_uid (self->registry, uid, &local_error);
  if (local_error != NULL && !g_error_matches (local_error, XF_ERROR, XF_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (pioneer == NULL || g_strcmp0 (xf_pioneer_get_status (pioneer), "active") != 0)
    {
      g_set_error_literal (error, XF_ERROR, XF_ERROR_NOT_FOUND, _("There is no such pioneer’s card"));
      return NULL;
    }
  return g_steal_pointer (&pioneer);
}

static char *
dup_text (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/* An http(s) URL with a host, else NULL. */
static char *
public_video (const char *video)
{
  g_autofree char *text = dup_text (video);
  g_autoptr(GUri) uri = NULL;
  const char *scheme, *host;

  if (text == NULL)
    return NULL;
  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return NULL;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (scheme == NULL || host == NULL || *host == '\0'
      || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
      || g_uri_get_userinfo (uri) != NULL)
    return NULL;
  return g_steal_pointer (&text);
}

static char *
industry_label (const char *code)
{
  XfReference *reference = xf_reference_get_shared ();

  if (code == NULL || *code == '\0'
      || !xf_reference_ensure (reference, XF_REFERENCE_INDUSTRIES, NULL)
      || xf_reference_lookup (reference, XF_REFERENCE_INDUSTRIES, code) == NULL)
    return NULL;
  return g_strdup (xf_reference_label (reference, XF_REFERENCE_INDUSTRIES, code));
}

typedef struct
{
  XfPublicHonour *honour;
  guint           order;   /* the registry's: highest level first */
} SortedHonour;

static int
compare_honours (gconstpointer a,
                 gconstpointer b)
{
  const SortedHonour *x = a, *y = b;
  /* Unknown years last. */
  int year_x = x->honour->year > 0 ? x->honour->year : G_MININT;
  int year_y = y->honour->year > 0 ? y->honour->year : G_MININT;

  if (year_x != year_y)
    return year_x > year_y ? -1 : 1;
  return x->order < y->order ? -1 : (x->order > y->order ? 1 : 0);
}

/* Newest first: title, translated level and year, nothing else (never
 * the certificate number). */
static gboolean
add_honours (XfPortal      *self,
             XfPublicCard  *card,
             GError       **error)
{
  g_autoptr(GListModel) honours = xf_registry_list_honours (self->registry, card->pioneer_id, error);
  g_autoptr(GArray) sorted = NULL;
  guint n;

  if (honours == NULL)
    return FALSE;
  n = g_list_model_get_n_items (honours);
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (SortedHonour), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfHonour) honour = g_list_model_get_item (honours, i);
      SortedHonour entry = { g_new0 (XfPublicHonour, 1), i };

      entry.honour->title = g_strdup (xf_honour_get_title (honour));
      entry.honour->level_label = g_strdup (xf_honour_level_label (xf_honour_get_level (honour)));
      entry.honour->year = MAX (xf_honour_get_year (honour), 0);
      g_array_append_val (sorted, entry);
    }
  g_array_sort (sorted, compare_honours);
  for (guint i = 0; i < sorted->len; i++)
    g_ptr_array_add (card->honours, g_array_index (sorted, SortedHonour, i).honour);
  return TRUE;
}

/* What may be booked now: available offers, open-ended or until today or
 * later, of items still in the catalogue. */
static gboolean
add_offers (XfPortal      *self,
            XfPublicCard  *card,
            GError       **error)
{
  g_autoptr(GPtrArray) offers = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) active = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *today = xf_clock_today_text ();

  offers = xf_services_list_offers (self->services, card->pioneer_id, NULL, error);
  if (offers == NULL)
    return FALSE;
  if (offers->len == 0)
    return TRUE;
  items = xf_services_list_items (self->services, FALSE, error);
  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      XfServiceItem *item = g_ptr_array_index (items, i);

      if (item->active && item->code != NULL)
        g_hash_table_add (active, item->code);
    }
  for (guint i = 0; i < offers->len; i++)
    {
      XfServiceOffer *offer = g_ptr_array_index (offers, i);
      XfPublicOffer *shown;

      if (!offer->available || offer->item_code == NULL
          || !g_hash_table_contains (active, offer->item_code)
          || (offer->available_until != NULL && *offer->available_until != '\0'
              && strcmp (offer->available_until, today) < 0))
        continue;
      shown = g_new0 (XfPublicOffer, 1);
      shown->item_code = g_strdup (offer->item_code);
      shown->item_name = g_strdup (offer->item_name);
      g_ptr_array_add (card->offers, shown);
    }
  return TRUE;
}

/* Likes and views of the current month, from every source. */
static gboolean
count_this_month (XfPortal      *self,
                  XfPublicCard  *card,
                  GError       **error)
{
  g_autofree char *month = xf_ranking_current_month ();
  g_autofree char *first = g_strconcat (month, "-01", NULL);
  g_autofree char *last = g_strconcat (month, "-31", NULL);
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = prepare (self,
                        "SELECT kind, count(*) FROM engagement_events"
                        " WHERE pioneer_id = $1 AND occurred_on >= $2 AND occurred_on <= $3"
                        " AND kind IN ('" XF_ENGAGEMENT_CARD_LIKED "', '" XF_ENGAGEMENT_CARD_VIEWED "')"
                        " GROUP BY kind", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, card->pioneer_id);
  xf_db_stmt_bind_text (stmt, 2, first);
  xf_db_stmt_bind_text (stmt, 3, last);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    {
      const char *kind = xf_db_stmt_column_text (stmt, 0);
      guint count = (guint) CLAMP (xf_db_stmt_column_int64 (stmt, 1), 0, G_MAXUINT);

      if (g_strcmp0 (kind, XF_ENGAGEMENT_CARD_LIKED) == 0)
        card->likes_this_month = count;
      else
        card->views_this_month = count;
    }
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE;
}

static XfPublicCard *
build_card (XfPortal    *self,
            XfPioneer   *pioneer,
            GError     **error)
{
  g_autoptr(XfPublicCard) card = xf_public_card_new ();

  card->pioneer_id = xf_pioneer_get_id (pioneer);
  card->uid = g_strdup (xf_pioneer_get_uid (pioneer));
  card->kind = g_strdup (xf_pioneer_get_kind (pioneer));
  card->name = g_strdup (xf_pioneer_get_name (pioneer));
  card->tier = g_strdup (xf_pioneer_get_tier (pioneer));
  card->tier_label = card->tier != NULL ? g_strdup (xf_tier_label (card->tier)) : NULL;
  card->organisation = dup_text (xf_pioneer_get_organisation_name (pioneer));
  card->region_label = _xf_portal_region_label (xf_pioneer_get_region_code (pioneer));
  card->industry_label = industry_label (xf_pioneer_get_industry (pioneer));
  card->introduction = dup_text (xf_pioneer_get_introduction (pioneer));
  card->deeds = dup_text (xf_pioneer_get_deeds (pioneer));
  card->video_url = public_video (xf_pioneer_get_video (pioneer));
  card->contribution = dup_text (xf_pioneer_get_contribution (pioneer));
  if (!add_honours (self, card, error) || !add_offers (self, card, error))
    return NULL;
  return g_steal_pointer (&card);
}

/* The visitor as stored: the key, or its SHA-256 when long. */
static char *
stored_visitor (const char *visitor)
{
  if (strlen (visitor) <= MAX_VISITOR)
    return g_strdup (visitor);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, visitor, -1);
}

static gboolean
check_visitor (const char  *visitor,
               GError     **error)
{
  if (visitor != NULL && *visitor != '\0' && g_utf8_validate (visitor, -1, NULL))
    return TRUE;
  g_set_error_literal (error, XF_ERROR, XF_ERROR_INVALID, _("Visitor: this is required"));
  return FALSE;
}

static char *
event_source_id (const char *kind,
                 const char *visitor,
                 const char *uid)
{
  g_autofree char *today = xf_clock_today_text ();

  return g_strdup_printf ("%s:%s:%s:%s", kind, visitor, uid, today);
}

static gboolean
event_exists (XfPortal    *self,
              const char  *source_id,
              gboolean    *exists,
              GError     **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  stmt = prepare (self, "SELECT count(*) FROM engagement_events WHERE source = $1 AND source_id = $2",
                  error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_text (stmt, 1, XF_ENGAGEMENT_SOURCE_PORTAL);
  xf_db_stmt_bind_text (stmt, 2, source_id);
  step = xf_db_stmt_step (stmt, error);
  *exists = step == XF_DB_STEP_ROW && xf_db_stmt_column_int64 (stmt, 0) > 0;
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_ROW;
}

/* One event of @kind by @visitor about @pioneer today; *counted tells
 * whether it is new (a repeat stores nothing). */
static gboolean
record (XfPortal    *self,
        XfPioneer   *pioneer,
        const char  *kind,
        const char  *visitor,
        gboolean    *counted,
        GError     **error)
{
  g_autofree char *who = stored_visitor (visitor);
  g_autofree char *source_id = event_source_id (kind, who, xf_pioneer_get_uid (pioneer));
  gboolean exists = FALSE;

  if (counted != NULL)
    *counted = FALSE;
  if (!event_exists (self, source_id, &exists, error))
    return FALSE;
  if (exists)
    return TRUE;
  if (!xf_ranking_record_event (self->ranking, xf_pioneer_get_id (pioneer), kind,
                                XF_ENGAGEMENT_SOURCE_PORTAL, source_id, who, 0, 1, error))
    return FALSE;
  if (counted != NULL)
    *counted = TRUE;
  return TRUE;
}

/**
 * xf_portal_view_card:
 * @uid: the pioneer's uid
 * @visitor: (nullable): the guard's visitor key
 * @is_bot: whether the request came from a crawler or link preview
 *
 * Returns: (transfer full): the public card, or %NULL with
 *   %XF_ERROR_NOT_FOUND for an unknown, archived or deceased pioneer
 */
XfPublicCard *
xf_portal_view_card (XfPortal    *self,
                     const char  *uid,
                     const char  *visitor,
                     gboolean     is_bot,
                     GError     **error)
{
  g_autoptr(XfPioneer) pioneer = NULL;
  g_autoptr(XfPublicCard) card = NULL;

  g_return_val_if_fail (XF_IS_PORTAL (self), NULL);

  pioneer = get_active (self, uid, error);
  if (pioneer == NULL)
    return NULL;
  card = build_card (self, pioneer, error);
  if (card == NULL)
    return NULL;
  /* Counted before the sums, so that the first view shows 1. */
  if (!is_bot && visitor != NULL && *visitor != '\0' && g_utf8_validate (visitor, -1, NULL)
      && !record (self, pioneer, XF_ENGAGEMENT_CARD_VIEWED, visitor, NULL, error))
    return NULL;
  if (!count_this_month (self, card, error))
    return NULL;
  return g_steal_pointer (&card);
}

gboolean
xf_portal_like (XfPortal           *self,
                const char         *uid,
                const char         *visitor,
                XfPortalLikeResult *result,
                GError            **error)
{
  g_autoptr(XfPioneer) pioneer = NULL;
  gboolean counted = FALSE;

  g_return_val_if_fail (XF_IS_PORTAL (self), FALSE);

  if (result != NULL)
    *result = XF_PORTAL_LIKE_ALREADY;
  pioneer = get_active (self, uid, error);
  if (pioneer == NULL || !check_visitor (visitor, error)
      || !record (self, pioneer, XF_ENGAGEMENT_CARD_LIKED, visitor, &counted, error))
    return FALSE;
  if (result != NULL)
    *result = counted ? XF_PORTAL_LIKE_COUNTED : XF_PORTAL_LIKE_ALREADY;
  return TRUE;
}

gboolean
xf_portal_share (XfPortal    *self,
                 const char  *uid,
                 const char  *visitor,
                 GError     **error)
{
  g_autoptr(XfPioneer) pioneer = NULL;

  g_return_val_if_fail (XF_IS_PORTAL (self), FALSE);

  pioneer = get_active (self, uid, error);
  return pioneer != NULL && check_visitor (visitor, error)
         && record (self, pioneer, XF_ENGAGEMENT_CARD_SHARED, visitor, NULL, error);
}

/*
 * Pioneers of the Month
 */

#define ACTIVE_BATCH 25

/* Of @entries from @first on, at most ACTIVE_BATCH: adds the uids of those
 * still active to @active. One query, its statement prepared once. */
static gboolean
add_active (XfPortal    *self,
            GPtrArray   *entries,
            guint        first,
            GHashTable  *active,
            GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT uid FROM pioneers WHERE status = 'active' AND id IN (");
  guint n = MIN (entries->len - first, ACTIVE_BATCH);
  XfDbStmt *stmt;
  XfDbStep step;

  /* Always ACTIVE_BATCH parameters (the rest 0, no pioneer): one text. */
  for (guint i = 0; i < ACTIVE_BATCH; i++)
    g_string_append_printf (sql, i == 0 ? "$%u" : ", $%u", i + 1);
  g_string_append_c (sql, ')');
  stmt = prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ACTIVE_BATCH; i++)
    xf_db_stmt_bind_int64 (stmt, (int) i + 1,
                           i < n ? ((XfRankingEntry *) g_ptr_array_index (entries, first + i))->pioneer_id : 0);
  while ((step = xf_db_stmt_step (stmt, error)) == XF_DB_STEP_ROW)
    g_hash_table_add (active, xf_db_stmt_dup_text (stmt, 0));
  xf_db_stmt_reset (stmt);
  return step == XF_DB_STEP_DONE;
}

/* The honour wall's first XF_RANKING_HONOUR_WALL_SIZE entries of pioneers
 * still active, each with its public fields only. */
static gboolean
keep_public (XfPortal   *self,
             GPtrArray  *entries,
             GError    **error)
{
  g_autoptr(GHashTable) active = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; i < entries->len && kept->len < XF_RANKING_HONOUR_WALL_SIZE; i++)
    {
      XfRankingEntry *entry = g_ptr_array_index (entries, i);

      /* A batch at a time, as far as the wall needs. */
      if (i % ACTIVE_BATCH == 0 && !add_active (self, entries, i, active, error))
        return FALSE;
      if (entry->pioneer_uid == NULL || !g_hash_table_contains (active, entry->pioneer_uid))
        continue;
      g_clear_pointer (&entry->region_code, g_free);
      if (entry->parts != NULL)
        g_ptr_array_set_size (entry->parts, 0);
      g_ptr_array_add (kept, entry);
      entries->pdata[i] = NULL;
    }
  /* The others go (the free function takes NULL), the kept come back. */
  g_ptr_array_set_size (entries, 0);
  for (guint i = 0; i < kept->len; i++)
    g_ptr_array_add (entries, g_ptr_array_index (kept, i));
  return TRUE;
}

/* The wall of the newest frozen month, kept for MONTH_CACHE_SECONDS: the
 * home page asks for it at every visit, and reading a frozen month costs
 * a query per entry. A month frozen or computed again since shows at
 * once; a pioneer archived since leaves the wall within the minute. */
#define MONTH_CACHE_SECONDS 60

static GPtrArray *
copy_entries (GPtrArray *entries)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) xf_ranking_entry_free);

  for (guint i = 0; i < entries->len; i++)
    {
      const XfRankingEntry *entry = g_ptr_array_index (entries, i);
      XfRankingEntry *to = xf_ranking_entry_new ();

      to->pioneer_id = entry->pioneer_id;
      to->pioneer_uid = g_strdup (entry->pioneer_uid);
      to->name = g_strdup (entry->name);
      to->kind = g_strdup (entry->kind);
      to->tier = g_strdup (entry->tier);
      to->organisation = g_strdup (entry->organisation);
      to->rank = entry->rank;
      to->score = entry->score;
      g_ptr_array_add (copy, to);
    }
  return copy;
}

/* A copy of a wall as keep_public () left it. */
static XfMonthlyRanking *
copy_wall (const XfMonthlyRanking *ranking)
{
  XfMonthlyRanking *copy = xf_monthly_ranking_new ();

  copy->month = g_strdup (ranking->month);
  copy->frozen = ranking->frozen;
  copy->automatic = ranking->automatic;
  copy->weight_set_id = ranking->weight_set_id;
  copy->weights = ranking->weights != NULL ? xf_index_weights_copy (ranking->weights) : NULL;
  copy->events_counted = ranking->events_counted;
  copy->pioneers_scored = ranking->pioneers_scored;
  copy->computed_at = ranking->computed_at;
  g_ptr_array_unref (copy->individuals);
  copy->individuals = copy_entries (ranking->individuals);
  g_ptr_array_unref (copy->collectives);
  copy->collectives = copy_entries (ranking->collectives);
  return copy;
}

/* The newest frozen month: its row's id and computed_at, and the month
 * (NULL with no error when none is frozen). */
static gboolean
newest_frozen (XfPortal  *self,
               gint64    *ranking_id,
               gint64    *computed_at,
               char     **month,
               GError   **error)
{
  XfDbStmt *stmt;
  XfDbStep step;

  *month = NULL;
  stmt = prepare (self, "SELECT id, computed_at, month FROM monthly_rankings"
                        " WHERE $1 = $1 ORDER BY month DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  xf_db_stmt_bind_int64 (stmt, 1, 0);
  step = xf_db_stmt_step (stmt, error);
  if (step == XF_DB_STEP_ROW)
    {
      *ranking_id = xf_db_stmt_column_int64 (stmt, 0);
      *computed_at = xf_db_stmt_column_int64 (stmt, 1);
      *month = xf_db_stmt_dup_text (stmt, 2);
    }
  xf_db_stmt_reset (stmt);
  return step != XF_DB_STEP_ERROR;
}

XfMonthlyRanking *
xf_portal_month_pioneers (XfPortal  *self,
                          GError   **error)
{
  g_autoptr(XfMonthlyRanking) ranking = NULL;
  g_autofree char *month = NULL;
  gint64 ranking_id = 0, computed_at = 0;

  g_return_val_if_fail (XF_IS_PORTAL (self), NULL);

  /* The public may read the rankings (as xf_ranking_get () asks). */
  if (!xf_permission_check (self->actor, XF_OP_REGISTRY_READ, NULL, error)
      || !newest_frozen (self, &ranking_id, &computed_at, &month, error))
    return NULL;
  if (month != NULL && self->month_wall != NULL && self->month_ranking_id == ranking_id
      && self->month_computed_at == computed_at && g_get_monotonic_time () < self->month_until)
    return copy_wall (self->month_wall);

  if (month != NULL)
    ranking = xf_ranking_get (self->ranking, month, error);
  else
    {
      g_autofree char *current = xf_ranking_current_month ();

      ranking = xf_ranking_preview (self->ranking, current, error);
      if (ranking != NULL)
        ranking->frozen = FALSE;
    }
  if (ranking == NULL)
    return NULL;
  /* Who computed it is the office's business. */
  g_clear_pointer (&ranking->computed_by, g_free);
  if (!keep_public (self, ranking->individuals, error)
      || !keep_public (self, ranking->collectives, error))
    return NULL;
  if (month != NULL)
    {
      g_clear_pointer (&self->month_wall, xf_monthly_ranking_free);
      self->month_wall = copy_wall (ranking);
      self->month_ranking_id = ranking_id;
      self->month_computed_at = computed_at;
      self->month_until = g_get_monotonic_time () + MONTH_CACHE_SECONDS * G_USEC_PER_SEC;
    }
  return g_steal_pointer (&ranking);
}
