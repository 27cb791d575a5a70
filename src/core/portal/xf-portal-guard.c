/* xf-portal-guard.c — the portal's defences: signed visitor cookies,
 *                     CSRF tokens, request-access proofs, rate limits,
 *                     bot detection
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-portal-guard"

#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "xf-error.h"
#include "xf-portal-guard.h"

/* 16 random bytes are 22 characters of URL-safe base64 without padding;
 * a 32-byte MAC is 43. */
#define VISITOR_ID_BYTES   16
#define VISITOR_ID_LENGTH  22
#define SIG_LENGTH         43
#define VISITOR_KEY_LENGTH 32
/* Request codes are "ABCD-EFGH"; anything much longer is not one. */
#define CODE_MAX_LENGTH    32
/* Hours and seconds since 1970 for the next thirty billion years. */
#define NUMBER_MAX_LENGTH  18
/* Longer tokens than any we make are refused before any work. */
#define TOKEN_MAX_LENGTH   (CODE_MAX_LENGTH + 1 + NUMBER_MAX_LENGTH + 1 + SIG_LENGTH)
/* An address is an IPv4 or IPv6 text form; longer input is cut here so a
 * strange proxy header cannot make the table's keys large. */
#define ADDRESS_MAX_LENGTH 64
/* A user agent names itself a bot near its start; no need to scan kilobytes. */
#define USER_AGENT_SCAN    512
/* The secret file holds text; a larger file is not one of ours. */
#define SECRET_MAX_SIZE    4096

#define N_LIMIT_CLASSES    (XF_PORTAL_LIMIT_POST + 1)

/* Tokens are counted in millionths of a minute's worth, so refilling at
 * @per_minute adds exactly @per_minute units a microsecond and all the
 * arithmetic is exact: one token is TOKEN units. */
#define TOKEN              (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)

typedef struct
{
  gint64   units;
  gint64   last_us;
  gboolean started;
} Bucket;

typedef struct
{
  char   *address;       /* the table's key */
  GList   link;          /* in XfPortalGuard.by_age, stalest first */
  Bucket  buckets[N_LIMIT_CLASSES];
} Tracked;

struct _XfPortalGuard
{
  GObject     parent_instance;

  guint8     *secret;
  gsize       secret_size;

  guint       per_minute[N_LIMIT_CLASSES];
  GHashTable *tracked;   /* address → Tracked, owned */
  GQueue      by_age;    /* of Tracked.link */
};

G_DEFINE_FINAL_TYPE (XfPortalGuard, xf_portal_guard, G_TYPE_OBJECT)

/* sodium_init() is safe to call again, but once is enough. */
static void
ensure_sodium (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      if (sodium_init () < 0)
        g_error ("libsodium could not be initialised");
      g_once_init_leave (&initialised, 1);
    }
}

static void
tracked_free (gpointer data)
{
  Tracked *tracked = data;

  g_free (tracked->address);
  g_free (tracked);
}

static void
xf_portal_guard_finalize (GObject *object)
{
  XfPortalGuard *self = (XfPortalGuard *) object;

  sodium_memzero (self->secret, self->secret_size);
  g_clear_pointer (&self->secret, g_free);
  /* The queue's links live inside the Tracked entries the table frees. */
  g_queue_init (&self->by_age);
  g_clear_pointer (&self->tracked, g_hash_table_unref);

  G_OBJECT_CLASS (xf_portal_guard_parent_class)->finalize (object);
}

static void
xf_portal_guard_class_init (XfPortalGuardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xf_portal_guard_finalize;
}

static void
xf_portal_guard_init (XfPortalGuard *self)
{
  self->tracked = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, tracked_free);
  g_queue_init (&self->by_age);
}

/**
 * xf_portal_guard_new:
 * @secret: at least %XF_PORTAL_SECRET_SIZE bytes
 *
 * Returns: (transfer full): a guard signing with @secret, with no rate
 *   limits until xf_portal_guard_set_limit() sets them
 */
XfPortalGuard *
xf_portal_guard_new (GBytes *secret)
{
  XfPortalGuard *self;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (secret != NULL, NULL);
  data = g_bytes_get_data (secret, &size);
  g_return_val_if_fail (size >= XF_PORTAL_SECRET_SIZE, NULL);

  ensure_sodium ();
  self = g_object_new (XF_TYPE_PORTAL_GUARD, NULL);
  self->secret = g_memdup2 (data, size);
  self->secret_size = size;
  return self;
}

/*
 * The secret file
 */

static gboolean
set_read_failed (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: a file's name, then why it could not be read. */
  g_set_error (error, XF_ERROR, XF_ERROR_IO, _("Could not read “%s”: %s"), display, reason);
  return FALSE;
}

/* Makes a new secret at @path: 32 random bytes written as 64 hexadecimal
 * characters, so the file can be copied between machines as text. FALSE
 * with @error unset when another process made the file first. */
static gboolean
create_secret (const char  *path,
               GError     **error)
{
  guint8 random[XF_PORTAL_SECRET_SIZE];
  char text[XF_PORTAL_SECRET_SIZE * 2 + 2];
  g_autofree char *folder = g_path_get_dirname (path);
  gsize length;
  gsize written = 0;
  int fd;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      return xf_error_set_write_failed (error, path, g_strerror (saved));
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == EEXIST)
        return FALSE;
      return xf_error_set_write_failed (error, path, g_strerror (saved));
    }

  randombytes_buf (random, sizeof random);
  sodium_bin2hex (text, sizeof text - 1, random, sizeof random);
  sodium_memzero (random, sizeof random);
  length = strlen (text);
  text[length++] = '\n';

  while (written < length)
    {
      ssize_t n = write (fd, text + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;

          sodium_memzero (text, sizeof text);
          close (fd);
          g_unlink (path);
          return xf_error_set_write_failed (error, path, g_strerror (saved));
        }
      written += n;
    }
  sodium_memzero (text, sizeof text);

  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved = errno;

      g_unlink (path);
      return xf_error_set_write_failed (error, path, g_strerror (saved));
    }
  return TRUE;
}

/* Reads an existing secret file; NULL with @error unset when there is none. */
static GBytes *
read_secret (const char  *path,
             GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree guint8 *data = NULL;
  struct stat st;
  gsize size = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      if (saved != ENOENT)
        set_read_failed (error, path, g_strerror (saved));
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      close (fd);
      set_read_failed (error, path, g_strerror (saved));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   /* Translators: the portal's secret file. */
                   _("The portal's secret “%s” is not a regular file"), display);
      return NULL;
    }
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
    {
      close (fd);
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   /* Translators: the portal's secret file; chmod 600 is a command, keep it. */
                   _("The portal's secret “%s” may be read or changed by other users: "
                     "make it private with chmod 600"),
                   display);
      return NULL;
    }
  if (st.st_size > SECRET_MAX_SIZE)
    {
      close (fd);
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("The portal's secret “%s” is too large to be a secret (at most %d bytes)"),
                   display, SECRET_MAX_SIZE);
      return NULL;
    }

  data = g_malloc (SECRET_MAX_SIZE + 1);
  for (;;)
    {
      ssize_t n = read (fd, data + size, SECRET_MAX_SIZE + 1 - size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          sodium_memzero (data, SECRET_MAX_SIZE + 1);
          close (fd);
          set_read_failed (error, path, g_strerror (saved));
          return NULL;
        }
      if (n == 0 || (size += n) > SECRET_MAX_SIZE)
        break;
    }
  close (fd);

  /* A trailing newline (an editor's, or echo's) is not part of the secret. */
  while (size > 0 && g_ascii_isspace (data[size - 1]))
    size--;

  if (size < XF_PORTAL_SECRET_SIZE || size > SECRET_MAX_SIZE)
    {
      sodium_memzero (data, SECRET_MAX_SIZE + 1);
      g_set_error (error, XF_ERROR, XF_ERROR_INVALID,
                   _("The portal's secret “%s” is too short: it needs at least %d bytes"),
                   display, XF_PORTAL_SECRET_SIZE);
      return NULL;
    }

  {
    GBytes *secret = g_bytes_new (data, size);

    sodium_memzero (data, SECRET_MAX_SIZE + 1);
    return secret;
  }
}

/**
 * xf_portal_guard_load_secret:
 * @path: the secret file
 *
 * Reads the portal's secret, making it first when @path does not exist.
 *
 * Returns: (transfer full) (nullable): the secret, or NULL with
 *   %XF_ERROR_INVALID naming the file when it is too short or open to
 *   other users, %XF_ERROR_IO when it cannot be read or written
 */
GBytes *
xf_portal_guard_load_secret (const char  *path,
                             GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ensure_sodium ();

  /* Twice at most: another process may create the file between our
   * failed open and our own exclusive create. */
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      GError *local_error = NULL;
      GBytes *secret = read_secret (path, &local_error);

      if (secret != NULL)
        return secret;
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      if (create_secret (path, &local_error))
        continue;
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
    }

  set_read_failed (error, path, g_strerror (ENOENT));
  return NULL;
}

/*
 * Signatures
 */

/* The URL-safe base64 HMAC of @parts, each followed by a NUL byte so that
 * ("ab", "c") and ("a", "bc") sign differently. */
static void
sign_parts (XfPortalGuard       *self,
            char                 out[SIG_LENGTH + 1],
            const char * const  *parts)
{
  crypto_auth_hmacsha256_state state;
  guint8 mac[crypto_auth_hmacsha256_BYTES];

  crypto_auth_hmacsha256_init (&state, self->secret, self->secret_size);
  for (guint i = 0; parts[i] != NULL; i++)
    crypto_auth_hmacsha256_update (&state, (const guint8 *) parts[i], strlen (parts[i]) + 1);
  crypto_auth_hmacsha256_final (&state, mac);

  sodium_bin2base64 (out, SIG_LENGTH + 1, mac, sizeof mac,
                     sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero (&state, sizeof state);
}

/* Whether @sig (exactly SIG_LENGTH characters, not NUL-terminated where it
 * sits in a token) is the signature of @parts, compared in constant time.
 * The text is compared rather than the decoded bytes, so a token whose
 * last character differs only in base64's unused bits is refused too. */
static gboolean
check_parts (XfPortalGuard       *self,
             const char          *sig,
             gsize                sig_length,
             const char * const  *parts)
{
  char expected[SIG_LENGTH + 1];

  if (sig_length != SIG_LENGTH)
    return FALSE;
  sign_parts (self, expected, parts);
  return sodium_memcmp (expected, sig, SIG_LENGTH) == 0;
}

static gboolean
is_base64url (const char *text,
              gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (text[i]) && text[i] != '-' && text[i] != '_')
      return FALSE;
  return TRUE;
}

/* A plain decimal number without sign, spaces or leading zeros, so each
 * value has exactly one spelling. */
static gboolean
parse_number (const char *text,
              gsize       length,
              gint64     *out)
{
  gint64 value = 0;

  if (length == 0 || length > NUMBER_MAX_LENGTH || (text[0] == '0' && length > 1))
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

static gboolean
is_visitor_id (const char *visitor_id)
{
  return visitor_id != NULL
         && strnlen (visitor_id, VISITOR_ID_LENGTH + 1) == VISITOR_ID_LENGTH
         && is_base64url (visitor_id, VISITOR_ID_LENGTH);
}

static gboolean
is_code (const char *code,
         gsize       length)
{
  return length > 0 && length <= CODE_MAX_LENGTH && is_base64url (code, length);
}

/*
 * Visitors
 */

/**
 * xf_portal_guard_new_visitor:
 *
 * Returns: (transfer full): a new visitor cookie value, "<id>.<sig>"
 */
char *
xf_portal_guard_new_visitor (XfPortalGuard *self)
{
  guint8 random[VISITOR_ID_BYTES];
  char id[VISITOR_ID_LENGTH + 1];
  char sig[SIG_LENGTH + 1];

  g_return_val_if_fail (XF_IS_PORTAL_GUARD (self), NULL);

  randombytes_buf (random, sizeof random);
  sodium_bin2base64 (id, sizeof id, random, sizeof random,
                     sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sign_parts (self, sig, (const char * const[]) { "visitor-id", id, NULL });
  return g_strconcat (id, ".", sig, NULL);
}

/**
 * xf_portal_guard_check_visitor:
 * @cookie: (nullable): a cookie value as the browser sent it
 *
 * Returns: (transfer full) (nullable): the visitor id of a cookie this
 *   guard signed, else NULL
 */
char *
xf_portal_guard_check_visitor (XfPortalGuard *self,
                               const char    *cookie)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (XF_IS_PORTAL_GUARD (self), NULL);

  if (cookie == NULL
      || strnlen (cookie, VISITOR_ID_LENGTH + 1 + SIG_LENGTH + 1) != VISITOR_ID_LENGTH + 1 + SIG_LENGTH
      || cookie[VISITOR_ID_LENGTH] != '.')
    return NULL;

  id = g_strndup (cookie, VISITOR_ID_LENGTH);
  if (!is_visitor_id (id)
      || !check_parts (self, cookie + VISITOR_ID_LENGTH + 1, SIG_LENGTH,
                       (const char * const[]) { "visitor-id", id, NULL }))
    return NULL;
  return g_steal_pointer (&id);
}

/**
 * xf_portal_guard_visitor_key:
 * @visitor_id: a visitor id from xf_portal_guard_check_visitor()
 * @address: the visitor's address
 *
 * Returns: (transfer full) (nullable): 32 hexadecimal characters naming
 *   this visitor at this address, or NULL for a malformed id
 */
char *
xf_portal_guard_visitor_key (XfPortalGuard *self,
                             const char    *visitor_id,
                             const char    *address)
{
  crypto_auth_hmacsha256_state state;
  guint8 mac[crypto_auth_hmacsha256_BYTES];
  char hex[VISITOR_KEY_LENGTH + 1];
  g_autofree char *short_address = NULL;

  g_return_val_if_fail (XF_IS_PORTAL_GUARD (self), NULL);

  if (!is_visitor_id (visitor_id))
    return NULL;
  short_address = g_strndup (address != NULL ? address : "", ADDRESS_MAX_LENGTH);

  crypto_auth_hmacsha256_init (&state, self->secret, self->secret_size);
  crypto_auth_hmacsha256_update (&state, (const guint8 *) "visitor", sizeof "visitor");
  crypto_auth_hmacsha256_update (&state, (const guint8 *) visitor_id, VISITOR_ID_LENGTH + 1);
  crypto_auth_hmacsha256_update (&state, (const guint8 *) short_address, strlen (short_address) + 1);
  crypto_auth_hmacsha256_final (&state, mac);
  sodium_memzero (&state, sizeof state);

  sodium_bin2hex (hex, sizeof hex, mac, VISITOR_KEY_LENGTH / 2);
  return g_strdup (hex);
}

/*
 * CSRF tokens
 */

/**
 * xf_portal_guard_csrf_token:
 * @visitor_id: the visitor's id
 * @now: UTC seconds
 *
 * Returns: (transfer full) (nullable): "<hour>.<sig>", or NULL for a
 *   malformed visitor id
 */
char *
xf_portal_guard_csrf_token (XfPortalGuard *self,
                            const char    *visitor_id,
                            gint64         now)
{
  char hour[NUMBER_MAX_LENGTH + 2];
  char sig[SIG_LENGTH + 1];

  g_return_val_if_fail (XF_IS_PORTAL_GUARD (self), NULL);

  if (!is_visitor_id (visitor_id) || now < 0)
    return NULL;
  g_snprintf (hour, sizeof hour, "%" G_GINT64_FORMAT, now / 3600);
  sign_parts (self, sig, (const char * const[]) { "csrf", visitor_id, hour, NULL });
  return g_strconcat (hour, ".", sig, NULL);
}

/**
 * xf_portal_guard_check_csrf:
 * @visitor_id: the visitor's id
 * @token: (nullable): the form's token
 * @now: UTC seconds
 *
 * A token is good for %XF_PORTAL_CSRF_HOURS whole hours after the hour it
 * was made in, for the visitor it was made for.
 */
gboolean
xf_portal_guard_check_csrf (XfPortalGuard *self,
                            const char    *visitor_id,
                            const char    *token,
                            gint64         now)
{
  const char *dot;
  g_autofree char *hour_text = NULL;
  gsize length;
  gint64 hour;

  g_return_val_if_fail (XF_IS_PORTAL_GUARD (self), FALSE);

  if (!is_visitor_id (visitor_id) || token == NULL || now < 0)
    return FALSE;
  length = strnlen (token, TOKEN_MAX_LENGTH + 1);
  if (length > TOKEN_MAX_LENGTH || (dot = memchr (token, '.', length)) == NULL)
    return FALSE;
  if (!parse_number (token, dot - token, &hour))
    return FALSE;
  hour_text = g_strndup (token, dot - token);
  if (!check_parts (self, dot + 1, length - (dot + 1 - token),
                    (const char * const[]) { "csrf", visitor_id, hour_text, NULL }))
    return FALSE;

  /* Not from the future, and not older than its lifetime. */
  return hour <= now / 3600 && now / 3600 - hour <= XF_PORTAL_CSRF_HOURS;
}

/*
 * Access proofs
 */

/**
 * xf_portal_guard_sign_access:
 * @code: a request code the visitor has proven
 * @visitor_id: the visitor's id
 * @now: UTC seconds
 *
 * Returns: (transfer full) (nullable): "<code>.<expires>.<sig>", good for
 *   %XF_PORTAL_ACCESS_SECONDS, or NULL for a malformed code or visitor id
 */
char *
xf_portal_guard_sign_access (XfPortalGuard *self,
                             const char    *code,
                             const char    *visitor_id,
                             gint64         now)
{
  char expires[NUMBER_MAX_LENGTH + 2];
  char sig[SIG_LENGTH + 1];

  g_return_val_if_fail (XF_IS_PORTAL_GUARD (self), NULL);

  if (code == NULL || !is_code (code, strnlen (code, CODE_MAX_LENGTH + 1))
      || !is_visitor_id (visitor_id) || now < 0)
    return NULL;
  g_snprintf (expires, sizeof expires, "%" G_GINT64_FORMAT, now + XF_PORTAL_ACCESS_SECONDS);
  sign_parts (self, sig, (const char * const[]) { "access", code, visitor_id, expires, NULL });
  return g_strconcat (code, ".", expires, ".", sig, NULL);
}

/**
 * xf_portal_guard_check_access:
 * @proof: (nullable): the proof cookie
 * @visitor_id: the visitor's id
 * @now: UTC seconds
 *
 * Returns: (transfer full) (nullable): the request code of a valid proof
 *   made for @visitor_id that has not expired, else NULL
 */
char *
xf_portal_guard_check_access (XfPortalGuard *self,
                              const char    *proof,
                              const char    *visitor_id,
                              gint64         now)
{
  const char *first_dot;
  const char *second_dot;
  g_autofree char *code = NULL;
  g_autofree char *expires_text = NULL;
  gsize length;
  gint64 expires;

  g_return_val_if_fail (XF_IS_PORTAL_GUARD (self), NULL);

  if (proof == NULL || !is_visitor_id (visitor_id))
    return NULL;
  length = strnlen (proof, TOKEN_MAX_LENGTH + 1);
  if (length > TOKEN_MAX_LENGTH
      || (first_dot = memchr (proof, '.', length)) == NULL
      || (second_dot = memchr (first_dot + 1, '.', length - (first_dot + 1 - proof))) == NULL)
    return NULL;
  if (!is_code (proof, first_dot - proof)
      || !parse_number (first_dot + 1, second_dot - (first_dot + 1), &expires))
    return NULL;

  code = g_strndup (proof, first_dot - proof);
  expires_text = g_strndup (first_dot + 1, second_dot - (first_dot + 1));
  if (!check_parts (self, second_dot + 1, length - (second_dot + 1 - proof),
                    (const char * const[]) { "access", code, visitor_id, expires_text, NULL }))
    return NULL;
  if (now >= expires || expires - now > XF_PORTAL_ACCESS_SECONDS)
    return NULL;
  return g_steal_pointer (&code);
}

/*
 * Rate limits
 */

/**
 * xf_portal_guard_set_limit:
 * @limit_class: which requests
 * @per_minute: the refill rate and the burst; 0 lets every request through
 */
void
xf_portal_guard_set_limit (XfPortalGuard      *self,
                           XfPortalLimitClass  limit_class,
                           guint               per_minute)
{
  g_return_if_fail (XF_IS_PORTAL_GUARD (self));
  g_return_if_fail ((guint) limit_class < N_LIMIT_CLASSES);

  self->per_minute[limit_class] = per_minute;
}

/* What an address is counted as: an IPv6 address by its /64, which one
 * subscriber (one phone, one home) holds whole and may pick addresses from
 * at will, so that changing the address at every request does not escape
 * the limit; an IPv4 address (also written as ::ffff:a.b.c.d) as itself. */
static char *
limit_key (const char *address)
{
  g_autofree char *text = g_strndup (address, ADDRESS_MAX_LENGTH);
  guint8 bytes[16];
  char prefix[INET6_ADDRSTRLEN];
  static const guint8 mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

  if (strchr (text, ':') == NULL || inet_pton (AF_INET6, text, bytes) != 1
      || memcmp (bytes, mapped, sizeof mapped) == 0)
    return g_steal_pointer (&text);
  memset (bytes + 8, 0, 8);
  if (inet_ntop (AF_INET6, bytes, prefix, sizeof prefix) == NULL)
    return g_steal_pointer (&text);
  return g_strconcat (prefix, "/64", NULL);
}

/* The entry for @address, made when new and moved to the fresh end; the
 * stalest entry goes when the table is full. */
static Tracked *
track (XfPortalGuard *self,
       const char    *address)
{
  g_autofree char *key = limit_key (address);
  Tracked *tracked = g_hash_table_lookup (self->tracked, key);

  if (tracked != NULL)
    {
      g_queue_unlink (&self->by_age, &tracked->link);
      g_queue_push_tail_link (&self->by_age, &tracked->link);
      return tracked;
    }

  while (g_hash_table_size (self->tracked) >= XF_PORTAL_GUARD_MAX_ADDRESSES)
    {
      GList *stalest = g_queue_pop_head_link (&self->by_age);

      g_hash_table_remove (self->tracked, ((Tracked *) stalest->data)->address);
    }

  tracked = g_new0 (Tracked, 1);
  tracked->address = g_steal_pointer (&key);
  tracked->link.data = tracked;
  g_hash_table_insert (self->tracked, tracked->address, tracked);
  g_queue_push_tail_link (&self->by_age, &tracked->link);
  return tracked;
}

/**
 * xf_portal_guard_allow:
 * @limit_class: which requests
 * @address: the visitor's address
 * @now_us: monotonic or UTC microseconds, the same clock on every call
 * @retry_after: (out) (optional): when refused, the seconds until a token
 *
 * Returns: whether the request may go on; it has taken a token
 */
gboolean
xf_portal_guard_allow (XfPortalGuard      *self,
                       XfPortalLimitClass  limit_class,
                       const char         *address,
                       gint64              now_us,
                       guint              *retry_after)
{
  guint per_minute;
  gint64 full;
  Tracked *tracked;
  Bucket *bucket;

  g_return_val_if_fail (XF_IS_PORTAL_GUARD (self), FALSE);
  g_return_val_if_fail ((guint) limit_class < N_LIMIT_CLASSES, FALSE);

  if (retry_after != NULL)
    *retry_after = 0;
  per_minute = self->per_minute[limit_class];
  if (per_minute == 0)
    return TRUE;
  if (address == NULL)
    {
      /* The server always knows the peer; a request without one is refused. */
      if (retry_after != NULL)
        *retry_after = 60;
      return FALSE;
    }

  tracked = track (self, address);
  bucket = &tracked->buckets[limit_class];
  full = per_minute * TOKEN;
  if (!bucket->started)
    {
      bucket->started = TRUE;
      bucket->units = full;
      bucket->last_us = now_us;
    }
  else if (now_us > bucket->last_us)
    {
      /* A minute refills the whole bucket; longer waits add nothing more
       * (and cannot overflow). */
      gint64 elapsed = MIN (now_us - bucket->last_us, TOKEN);

      bucket->units += elapsed * per_minute;
      bucket->last_us = now_us;
    }
  /* A lowered limit takes effect at once; a clock that went back refills nothing. */
  bucket->units = MIN (bucket->units, full);

  if (bucket->units >= TOKEN)
    {
      bucket->units -= TOKEN;
      return TRUE;
    }

  if (retry_after != NULL)
    {
      gint64 per_second = (gint64) per_minute * G_USEC_PER_SEC;

      *retry_after = MAX (1, (TOKEN - bucket->units + per_second - 1) / per_second);
    }
  return FALSE;
}

/*
 * Bots
 */

/**
 * xf_portal_guard_is_bot:
 * @user_agent: (nullable): the User-Agent header
 *
 * Returns: whether the client names itself a robot, or names nothing
 */
gboolean
xf_portal_guard_is_bot (const char *user_agent)
{
  static const char * const words[] = { "bot", "spider", "crawler", "preview", "fetcher" };
  g_autofree char *lower = NULL;
  const char *start;

  if (user_agent == NULL)
    return TRUE;
  start = user_agent;
  while (g_ascii_isspace (*start))
    start++;
  if (*start == '\0')
    return TRUE;

  lower = g_ascii_strdown (start, strnlen (start, USER_AGENT_SCAN));
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    for (const char *found = strstr (lower, words[i]); found != NULL;
         found = strstr (found + 1, words[i]))
      {
        /* CUBOT is a maker of phones, not a robot ("Android 10; CUBOT X30"). */
        if (g_str_equal (words[i], "bot") && found - lower >= 2
            && g_str_has_prefix (found - 2, "cubot"))
          continue;
        return TRUE;
      }
  return FALSE;
}
