/* xf-demo-people.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-demo"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-demo-private.h"
#include "xf-error.h"
#include "xf-identity.h"

/*
 * PRNG: xoshiro256** seeded through splitmix64. Our own, because g_random
 * and rand() may change between releases and the demo must not.
 */

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

void
_xf_demo_rng_seed (XfDemoRng *rng,
                   guint64    seed)
{
  guint64 state = seed;

  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&state);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

guint64
_xf_demo_rng_next (XfDemoRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

guint32
_xf_demo_rng_below (XfDemoRng *rng,
                    guint32    n)
{
  /* Lemire's multiply-shift; the bias for our small n is far below 2^-32. */
  return (guint32) (((_xf_demo_rng_next (rng) >> 32) * (guint64) n) >> 32);
}

int
_xf_demo_rng_range (XfDemoRng *rng,
                    int        lo,
                    int        hi)
{
  return lo + (int) _xf_demo_rng_below (rng, (guint32) (hi - lo + 1));
}

gboolean
_xf_demo_rng_chance (XfDemoRng *rng,
                     guint      per_mille)
{
  return _xf_demo_rng_below (rng, 1000) < per_mille;
}

const char *
_xf_demo_pick_weighted (XfDemoRng            *rng,
                        const XfDemoWeighted *items,
                        guint                 n_items)
{
  guint total = 0;
  guint32 roll;

  for (guint i = 0; i < n_items; i++)
    total += items[i].weight;
  roll = _xf_demo_rng_below (rng, total);
  for (guint i = 0; i < n_items; i++)
    {
      if (roll < items[i].weight)
        return items[i].value;
      roll -= items[i].weight;
    }
  return items[n_items - 1].value;
}

void
_xf_demo_make_uid (XfDemoRng *rng,
                   char       out[37])
{
  guint64 hi = _xf_demo_rng_next (rng);
  guint64 lo = _xf_demo_rng_next (rng);

  /* Version 4, variant 10xx, like g_uuid_string_random(). */
  hi = (hi & G_GUINT64_CONSTANT (0xFFFFFFFFFFFF0FFF)) | G_GUINT64_CONSTANT (0x0000000000004000);
  lo = (lo & G_GUINT64_CONSTANT (0x3FFFFFFFFFFFFFFF)) | G_GUINT64_CONSTANT (0x8000000000000000);
  g_snprintf (out, 37, "%08x-%04x-%04x-%04x-%012" G_GINT64_MODIFIER "x",
              (guint) (hi >> 32), (guint) ((hi >> 16) & 0xFFFF), (guint) (hi & 0xFFFF),
              (guint) (lo >> 48), lo & G_GUINT64_CONSTANT (0xFFFFFFFFFFFF));
}

/*
 * Places
 */

/* Shares of the city's pioneers by county, roughly by workforce. A city
 * loaded from other data gets equal shares. */
static guint
county_weight (const char *code)
{
  static const struct { const char *code; guint weight; } weights[] = {
    { "330502", 26 },  /* 吴兴区, with the Nantaihu New Area */
    { "330503", 16 },  /* 南浔区 */
    { "330521", 18 },  /* 德清县 */
    { "330522", 23 },  /* 长兴县 */
    { "330523", 17 },  /* 安吉县 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    if (g_str_equal (weights[i].code, code))
      return weights[i].weight;
  return 20;
}

static char *
strip_suffix (const char         *name,
              const char * const *suffixes)
{
  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (name, suffixes[i]) && strlen (name) > strlen (suffixes[i]) + 3)
      return g_strndup (name, strlen (name) - strlen (suffixes[i]));
  return g_strdup (name);
}

static void
county_free (gpointer data)
{
  XfDemoCounty *county = data;

  g_free (county->short_name);
  g_ptr_array_unref (county->townships);
  g_free (county);
}

XfDemoPlaces *
_xf_demo_places_new (XfReference  *reference,
                     GError      **error)
{
  static const char * const county_suffixes[] = { "自治县", "县", "区", "市", NULL };
  static const char * const city_suffixes[] = { "市", NULL };
  g_autoptr(XfDemoPlaces) places = g_new0 (XfDemoPlaces, 1);
  GPtrArray *items = xf_reference_get_items (reference, XF_REFERENCE_REGIONS);

  places->reference = g_object_ref (reference);
  places->city_name = xf_reference_city_name (reference);
  places->city_short = strip_suffix (xf_reference_city_name (reference), city_suffixes);
  places->counties = g_ptr_array_new_with_free_func (county_free);

  /* Counties first (file order), then each township under its county. */
  for (guint i = 0; i < items->len; i++)
    {
      const XfReferenceItem *item = g_ptr_array_index (items, i);
      XfDemoCounty *county;

      if (item->parent != NULL && item->parent[0] != '\0')
        continue;
      county = g_new0 (XfDemoCounty, 1);
      county->code = item->code;
      county->name = item->name_zh;
      county->short_name = strip_suffix (item->name_zh, county_suffixes);
      county->weight = county_weight (item->code);
      county->townships = g_ptr_array_new ();
      g_ptr_array_add (places->counties, county);
    }
  for (guint i = 0; i < items->len; i++)
    {
      const XfReferenceItem *item = g_ptr_array_index (items, i);

      if (item->parent == NULL || item->parent[0] == '\0')
        continue;
      for (guint j = 0; j < places->counties->len; j++)
        {
          XfDemoCounty *county = g_ptr_array_index (places->counties, j);

          if (g_str_equal (county->code, item->parent))
            g_ptr_array_add (county->townships, (gpointer) item);
        }
    }

  /* Only counties with townships take pioneers: every file gets a township. */
  for (guint j = places->counties->len; j > 0; j--)
    {
      XfDemoCounty *county = g_ptr_array_index (places->counties, j - 1);

      if (county->townships->len == 0 || strlen (county->code) != 6)
        g_ptr_array_remove_index (places->counties, j - 1);
      else
        places->total_weight += county->weight;
    }
  if (places->counties->len == 0)
    {
      g_set_error (error, XF_ERROR, XF_ERROR_CORRUPT,
                   _("The reference regions list no county with townships; demo data needs them"));
      return NULL;
    }
  return g_steal_pointer (&places);
}

void
_xf_demo_places_free (XfDemoPlaces *places)
{
  if (places == NULL)
    return;
  g_free (places->city_short);
  g_clear_pointer (&places->counties, g_ptr_array_unref);
  g_clear_object (&places->reference);
  g_free (places);
}

void
_xf_demo_pick_place (XfDemoRng               *rng,
                     XfDemoPlaces            *places,
                     const XfDemoCounty     **county,
                     const XfReferenceItem  **township)
{
  guint32 roll = _xf_demo_rng_below (rng, places->total_weight);
  const XfDemoCounty *found = NULL;

  for (guint i = 0; i < places->counties->len; i++)
    {
      found = g_ptr_array_index (places->counties, i);
      if (roll < found->weight)
        break;
      roll -= found->weight;
    }
  *county = found;
  *township = g_ptr_array_index (found->townships,
                                 _xf_demo_rng_below (rng, found->townships->len));
}

const char *
_xf_demo_township_short (const XfReferenceItem *township,
                         char                  *buf,
                         gsize                  size)
{
  static const char * const suffixes[] = { "街道", "镇", "乡", NULL };
  g_autofree char *name = strip_suffix (township->name_zh, suffixes);

  g_strlcpy (buf, name, size);
  return buf;
}

/*
 * Names
 */

/* Common surnames, weighted toward their frequency in northern Zhejiang
 * (沈, 钱, 姚, 俞, 闵 and 费 are far more common in Huzhou than nationally). */
static const XfDemoWeighted surnames[] = {
  { "王", 62 }, { "李", 48 }, { "张", 52 }, { "刘", 30 }, { "陈", 66 },
  { "杨", 28 }, { "黄", 24 }, { "赵", 20 }, { "吴", 36 }, { "周", 32 },
  { "徐", 34 }, { "孙", 18 }, { "马", 12 }, { "朱", 24 }, { "胡", 20 },
  { "郭", 9 },  { "何", 12 }, { "林", 14 }, { "高", 12 }, { "罗", 8 },
  { "沈", 38 }, { "钱", 16 }, { "姚", 14 }, { "潘", 12 }, { "蒋", 12 },
  { "俞", 10 }, { "费", 6 },  { "闵", 4 },  { "施", 10 }, { "金", 12 },
  { "方", 9 },  { "叶", 12 }, { "邱", 6 },  { "顾", 9 },  { "汪", 8 },
  { "陆", 14 }, { "章", 8 },  { "丁", 7 },  { "宋", 8 },  { "郑", 12 },
  { "谢", 9 },  { "韩", 7 },  { "唐", 8 },  { "冯", 8 },  { "许", 12 },
  { "傅", 6 },  { "曹", 7 },  { "袁", 7 },  { "邵", 8 },  { "范", 7 },
  { "严", 6 },  { "莫", 5 },  { "褚", 3 },  { "凌", 4 },  { "茅", 3 },
  { "梁", 7 },  { "卢", 5 },  { "杜", 4 },  { "董", 6 },
  { "程", 5 },  { "魏", 4 },  { "吕", 6 },  { "孟", 3 },
  { "田", 3 },  { "任", 4 },  { "姜", 5 },  { "夏", 5 },  { "钟", 5 },
  { "汤", 4 },  { "戴", 5 },  { "倪", 5 },  { "杭", 2 },  { "诸葛", 1 },
};

/* Given-name characters: those chosen mostly for boys, mostly for girls,
 * and either. Together about 150. */
static const char * const given_male[] = {
  "伟", "强", "军", "建", "国", "明", "峰", "杰", "涛", "斌", "勇", "波",
  "辉", "刚", "磊", "鹏", "飞", "超", "宇", "浩", "俊", "志", "海", "江",
  "良", "荣", "兴", "德", "忠", "诚", "永", "炳", "根", "金", "福", "祥",
  "宏", "卫", "立", "庆", "民", "亮", "健", "成", "达", "雷", "龙", "坤",
  "锋", "振", "昌", "彬", "毅", "松", "栋", "晨", "旭", "阳", "凯", "豪",
  "剑", "铭", "泽", "源", "洪", "钢", "新", "斐",
};
static const char * const given_female[] = {
  "芳", "英", "玲", "敏", "静", "丽", "燕", "艳", "霞", "娟", "萍", "红",
  "梅", "琴", "兰", "凤", "洁", "琳", "颖", "慧", "婷", "雪", "秀", "珍",
  "莉", "娜", "晶", "倩", "瑶", "佳", "悦", "欣", "怡", "雅", "丹", "菲",
  "蓉", "琪", "薇", "爱", "美", "婉", "素", "月", "桂", "花", "媛", "露",
  "岚", "妍", "青", "萱", "琼", "翠", "莹",
};
static const char * const given_any[] = {
  "文", "华", "平", "春", "晓", "林", "云", "一", "子", "思", "嘉", "家",
  "安", "宁", "清", "明", "小", "雨", "梦", "乐", "天", "益", "晴", "和",
};

static const char *
given_char (XfDemoRng *rng,
            gboolean   male)
{
  if (_xf_demo_rng_chance (rng, 250))
    return XF_DEMO_PICK (rng, given_any);
  return male ? XF_DEMO_PICK (rng, given_male) : XF_DEMO_PICK (rng, given_female);
}

void
_xf_demo_make_name (XfDemoRng *rng,
                    gboolean   male,
                    GString   *name)
{
  const char *first;

  g_string_assign (name, XF_DEMO_PICK_WEIGHTED (rng, surnames));
  first = given_char (rng, male);
  g_string_append (name, first);
  /* About a third of names have one given character. */
  if (!_xf_demo_rng_chance (rng, 330))
    {
      const char *second;

      /* A doubled character (丽丽, 婷婷) is a girl's name more often than not. */
      do
        second = given_char (rng, male);
      while (g_str_equal (second, first) && (male || _xf_demo_rng_chance (rng, 700)));
      g_string_append (name, second);
    }
}

/*
 * Identity numbers
 */

/* Birth dates are counted in days from 1940-01-01; 100 years cover every age. */
#define ID_DAYS 36600
#define ID_MAX_COUNTIES 16

struct _XfDemoIdSet
{
  guint8 *bits;  /* county × day × sequence (0..999) */
};

XfDemoIdSet *
_xf_demo_id_set_new (void)
{
  XfDemoIdSet *set = g_new0 (XfDemoIdSet, 1);

  /* ~73 MB of address space; calloc maps it lazily, so pages not touched cost nothing. */
  set->bits = g_malloc0 ((gsize) ID_MAX_COUNTIES * ID_DAYS * 1000 / 8);
  return set;
}

void
_xf_demo_id_set_free (XfDemoIdSet *set)
{
  if (set == NULL)
    return;
  g_free (set->bits);
  g_free (set);
}

static gboolean
id_set_take (XfDemoIdSet *set,
             guint        county,
             guint        day,
             guint        sequence)
{
  gsize bit = ((gsize) (county % ID_MAX_COUNTIES) * ID_DAYS + day) * 1000 + sequence;
  guint8 mask = 1u << (bit % 8);

  if (set->bits[bit / 8] & mask)
    return FALSE;
  set->bits[bit / 8] |= mask;
  return TRUE;
}

static guint
county_index (XfDemoPlaces       *places,
              const XfDemoCounty *county)
{
  for (guint i = 0; i < places->counties->len; i++)
    if (g_ptr_array_index (places->counties, i) == county)
      return i;
  return 0;
}

/* The demo's "today": fixed, so that a seed gives the same ages every year. */
#define REFERENCE_YEAR 2026

/* Ages 22–70, most 35–55: a bell (sum of four uniforms) around 45. */
static int
pick_age (XfDemoRng *rng)
{
  for (;;)
    {
      int sum = 0;
      int age;

      for (guint i = 0; i < 4; i++)
        sum += (int) _xf_demo_rng_below (rng, 1001);
      /* sum: mean 2000, sd ~577; scale to sd ~9.5 years. */
      age = 45 + (sum - 2000) * 95 / 5770;
      if (age >= 22 && age <= 70)
        return age;
    }
}

static void
make_identity (XfDemoRng    *rng,
               XfDemoPlaces *places,
               XfDemoIdSet  *ids,
               XfDemoRecord *record)
{
  g_autoptr(GDate) base = g_date_new_dmy (1, G_DATE_JANUARY, 1940);
  g_autoptr(GDate) date = NULL;
  guint county = county_index (places, record->county);
  guint day;

  /* Born between age and age + 1 years before the reference date. */
  date = g_date_new_dmy (1, G_DATE_JANUARY, REFERENCE_YEAR);
  g_date_subtract_days (date, (guint) record->age * 365 + (guint) record->age / 4 +
                              1 + _xf_demo_rng_below (rng, 365));
  day = (guint) g_date_days_between (base, date);
  g_snprintf (record->birth_date, sizeof record->birth_date, "%04d-%02d-%02d",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));

  /* Sequence: odd for men, even for women; try again on a number already given. */
  for (guint attempt = 0;; attempt++)
    {
      guint sequence = _xf_demo_rng_below (rng, 500) * 2 + (record->male ? 1 : 0);

      if (id_set_take (ids, county, day, sequence) || attempt > 4000)
        {
          g_snprintf (record->id_number, sizeof record->id_number, "%s%04d%02d%02d%03u",
                      record->county->code, g_date_get_year (date), g_date_get_month (date),
                      g_date_get_day (date), sequence);
          break;
        }
    }
  record->id_number[17] = xf_identity_id_check_char (record->id_number);
  record->id_number[18] = '\0';
}

static void
make_mobile (XfDemoRng *rng,
             char       out[12])
{
  static const char * const prefixes[] = {
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
    "150", "151", "152", "153", "155", "156", "157", "158", "159",
    "180", "181", "182", "183", "184", "185", "186", "187", "188", "189",
  };

  g_snprintf (out, 12, "%s%08u", XF_DEMO_PICK (rng, prefixes),
              _xf_demo_rng_below (rng, 100000000));
}

/*
 * Individuals
 */

static const XfDemoWeighted ethnicities[] = {
  { "01", 9850 }, { "22", 40 }, { "03", 25 }, { "11", 20 }, { "15", 20 },
  { "06", 20 },   { "08", 15 }, { "10", 10 },
};

static const XfDemoWeighted education_high[] = {
  { "doctorate", 6 }, { "master", 22 }, { "bachelor", 52 }, { "college", 16 },
  { "secondary-vocational", 4 },
};
static const XfDemoWeighted education_mixed[] = {
  { "doctorate", 1 }, { "master", 4 }, { "bachelor", 20 }, { "college", 26 },
  { "secondary-vocational", 18 }, { "high-school", 16 }, { "junior-high", 13 },
  { "primary", 2 },
};

static const XfDemoWeighted political[] = {
  { "01", 440 }, { "02", 20 }, { "13", 440 }, { "12", 25 }, { "05", 15 },
  { "06", 12 }, { "07", 10 }, { "08", 8 }, { "09", 5 }, { "10", 10 },
  { "04", 5 },
};

static const char *
pick_organisation (XfDemoRng          *rng,
                   const XfDemoRecord *record)
{
  static const XfDemoWeighted general[] = {
    { "union", 520 }, { "model-workers-association", 70 }, { "youth-league", 40 },
    { "women", 40 }, { "science", 40 }, { "federation-of-industry", 35 },
    { "human-resources", 40 }, { "economy-information", 35 }, { "agriculture", 15 },
    { "education", 15 }, { "health", 15 }, { "science-technology", 20 },
    { "literature-art", 12 }, { "returned-overseas", 8 }, { "disabled", 8 },
    { "red-cross", 10 }, { "social-sciences", 6 }, { "youth-federation", 8 },
    { "student-federation", 2 }, { "organisation-department", 10 },
    { "publicity-department", 10 }, { "united-front-department", 8 },
    { "civil-affairs", 8 }, { "finance", 4 }, { "veterans-affairs", 10 },
    { "state-assets", 8 }, { "women-children-committee", 3 },
  };
  const char *industry = record->industry;

  /* The body closest to the person nominates a share of them. */
  if (g_str_equal (industry, "P") && _xf_demo_rng_chance (rng, 450))
    return "education";
  if (g_str_equal (industry, "Q") && _xf_demo_rng_chance (rng, 450))
    return "health";
  if (g_str_equal (industry, "A") && _xf_demo_rng_chance (rng, 400))
    return "agriculture";
  if (record->collective_kind == NULL)
    {
      if (!record->male && _xf_demo_rng_chance (rng, 120))
        return "women";
      if (record->age < 35 && _xf_demo_rng_chance (rng, 200))
        return "youth-league";
    }
  return XF_DEMO_PICK_WEIGHTED (rng, general);
}

/* GB/T 4754 sections weighted like a manufacturing city. */
static const XfDemoWeighted industries[] = {
  { "C", 380 }, { "E", 60 }, { "A", 55 }, { "F", 55 }, { "G", 45 },
  { "Q", 80 },  { "P", 75 }, { "S", 65 }, { "D", 28 }, { "I", 28 },
  { "J", 20 },  { "H", 22 }, { "K", 10 }, { "L", 12 }, { "M", 22 },
  { "N", 15 },  { "O", 12 }, { "R", 12 }, { "B", 4 },
};

static void
make_created (XfDemoRng    *rng,
              XfDemoRecord *record)
{
  /* Files were opened between 2018 and 2025, and touched within a year after. */
  gint64 start = G_GINT64_CONSTANT (1514764800);  /* 2018-01-01 UTC */
  gint64 span = G_GINT64_CONSTANT (8) * 365 * 86400;
  gint64 created = start + (gint64) (_xf_demo_rng_next (rng) % (guint64) span);
  gint64 touched = created + (gint64) _xf_demo_rng_below (rng, 365 * 86400);

  record->created_at = created * G_USEC_PER_SEC + _xf_demo_rng_below (rng, 1000000);
  record->updated_at = MAX (touched * G_USEC_PER_SEC, record->created_at);
}

static void
make_status (XfDemoRng    *rng,
             XfDemoRecord *record,
             gboolean      person)
{
  static const char * const archive_reasons[] = {
    "调离本市", "本人申请退出", "退休后不再参与先锋服务", "单位注销",
  };

  record->status = "active";
  record->archive_reason = NULL;
  if (person && record->age >= 60 && _xf_demo_rng_chance (rng, 15))
    record->status = "deceased";
  else if (_xf_demo_rng_chance (rng, 8))
    {
      record->status = "archived";
      record->archive_reason = XF_DEMO_PICK (rng, archive_reasons);
    }
}

void
_xf_demo_make_individual (XfDemoRng    *rng,
                          XfDemoPlaces *places,
                          XfDemoIdSet  *ids,
                          XfDemoRecord *record)
{
  _xf_demo_make_uid (rng, record->uid);
  record->collective_kind = NULL;
  record->male = _xf_demo_rng_chance (rng, 620);
  record->age = pick_age (rng);
  _xf_demo_make_name (rng, record->male, record->name);
  _xf_demo_pick_place (rng, places, &record->county, &record->township);
  record->industry = XF_DEMO_PICK_WEIGHTED (rng, industries);
  make_identity (rng, places, ids, record);
  record->ethnicity = XF_DEMO_PICK_WEIGHTED (rng, ethnicities);
  if (strchr ("IJMPQ", record->industry[0]) != NULL)
    record->education = XF_DEMO_PICK_WEIGHTED (rng, education_high);
  else
    record->education = XF_DEMO_PICK_WEIGHTED (rng, education_mixed);
  if (record->age <= 28 && _xf_demo_rng_chance (rng, 450))
    record->political_status = "03";
  else
    record->political_status = XF_DEMO_PICK_WEIGHTED (rng, political);
  make_mobile (rng, record->mobile);
  _xf_demo_make_employer (rng, places, record);
  record->position = _xf_demo_pick_position (rng, record->industry);
  record->organisation = pick_organisation (rng, record);
  make_status (rng, record, TRUE);
  make_created (rng, record);
  _xf_demo_make_person_texts (rng, places, record);
}

/*
 * Collectives
 */

/* GB 11714 organisation code check character over the 8-digit body. */
static char
organisation_check_char (const char *body)
{
  static const int weights[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0;
  int check;

  for (guint i = 0; i < 8; i++)
    sum += (body[i] - '0') * weights[i];
  check = 11 - sum % 11;
  if (check == 10)
    return 'X';
  if (check == 11)
    return '0';
  return (char) ('0' + check);
}

/* Authority and kind: 91 enterprise, 93 farmers' co-operative (市场监管),
 * 12 public institution (编办), 11 government body, 51 social organisation. */
static const char *
credit_prefix (const char *industry,
               const char *collective_kind)
{
  if (strchr ("PQR", industry[0]) != NULL)
    return "12";
  if (industry[0] == 'S')
    return g_str_equal (collective_kind, "organisation") ? "51" : "11";
  if (industry[0] == 'A')
    return "93";
  return "91";
}

static void
make_credit_code (XfDemoRng    *rng,
                  GHashTable   *codes,
                  XfDemoRecord *record)
{
  for (;;)
    {
      char *code = record->credit_code;

      g_snprintf (code, 19, "%s%s%08u", credit_prefix (record->industry, record->collective_kind),
                  record->county->code, _xf_demo_rng_below (rng, 100000000));
      code[16] = organisation_check_char (code + 8);
      code[17] = '\0';
      code[17] = xf_identity_credit_check_char (code);
      code[18] = '\0';
      if (!g_hash_table_contains (codes, code))
        {
          g_hash_table_add (codes, g_strdup (code));
          return;
        }
    }
}

static const XfDemoWeighted collective_kinds[] = {
  { "team", 34 }, { "workshop", 26 }, { "department", 22 }, { "enterprise", 12 },
  { "organisation", 6 },
};

void
_xf_demo_make_collective (XfDemoRng    *rng,
                          XfDemoPlaces *places,
                          GHashTable   *codes,
                          XfDemoRecord *record)
{
  _xf_demo_make_uid (rng, record->uid);
  record->male = _xf_demo_rng_chance (rng, 650);
  record->age = 0;
  _xf_demo_pick_place (rng, places, &record->county, &record->township);
  record->industry = XF_DEMO_PICK_WEIGHTED (rng, industries);
  record->collective_kind = XF_DEMO_PICK_WEIGHTED (rng, collective_kinds);
  /* A workshop belongs to a factory; elsewhere it is a team or a department. */
  if (g_str_equal (record->collective_kind, "workshop") && strchr ("BCDE", record->industry[0]) == NULL)
    record->collective_kind = "team";
  _xf_demo_make_employer (rng, places, record);
  _xf_demo_make_name (rng, record->male, record->leader);
  make_credit_code (rng, codes, record);
  if (g_str_equal (record->collective_kind, "team"))
    record->size = _xf_demo_rng_range (rng, 5, 32);
  else if (g_str_equal (record->collective_kind, "workshop"))
    record->size = _xf_demo_rng_range (rng, 20, 320);
  else if (g_str_equal (record->collective_kind, "department"))
    record->size = _xf_demo_rng_range (rng, 8, 90);
  else if (g_str_equal (record->collective_kind, "enterprise"))
    record->size = _xf_demo_rng_range (rng, 40, 2800);
  else
    record->size = _xf_demo_rng_range (rng, 10, 200);
  record->organisation = pick_organisation (rng, record);
  make_status (rng, record, FALSE);
  make_created (rng, record);
  _xf_demo_make_collective_texts (rng, places, record);
}

void
_xf_demo_record_init (XfDemoRecord *record)
{
  memset (record, 0, sizeof *record);
  record->name = g_string_sized_new (64);
  record->employer = g_string_sized_new (128);
  record->skills = g_string_sized_new (128);
  record->tags = g_string_sized_new (128);
  record->introduction = g_string_sized_new (512);
  record->deeds = g_string_sized_new (512);
  record->contribution = g_string_sized_new (256);
  record->leader = g_string_sized_new (32);
}

void
_xf_demo_record_clear (XfDemoRecord *record)
{
  g_string_free (record->name, TRUE);
  g_string_free (record->employer, TRUE);
  g_string_free (record->skills, TRUE);
  g_string_free (record->tags, TRUE);
  g_string_free (record->introduction, TRUE);
  g_string_free (record->deeds, TRUE);
  g_string_free (record->contribution, TRUE);
  g_string_free (record->leader, TRUE);
}
