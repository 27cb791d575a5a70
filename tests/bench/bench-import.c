/* bench-import.c — a realistic CSV of individuals, and how fast the sheet reader streams it
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-import generate FILE ROWS [SEED]
 *     writes FILE: a header row and ROWS individuals as the organisations'
 *     lists have them (UTF-8, comma, CRLF; 12 columns: 姓名, 性别, 出生日期,
 *     身份证号码, 手机, 工作单位, 职务, 所属行业, 所在地区, 文化程度, 民族,
 *     政治面貌). Identity numbers are valid (GB 11643 check character),
 *     unique and agree with birth date and gender; regions are Huzhou's
 *     (data/reference/regions.json) as labels or codes; dates come in the
 *     formats people type. About 1% of the rows are bad in one way each
 *     (check character, unknown region, impossible date, missing name,
 *     short mobile, a repeated identity number); the counts are printed.
 *   bench-import read FILE
 *     streams FILE through XfSheetReader and prints records, cells, time.
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "xf-identity.h"
#include "xf-reference.h"
#include "xf-sheet.h"

static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "沈",
  "钱", "姚", "陆", "施", "闵",
};

static const char *const given[] = {
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
  "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "国", "文", "红", "玉", "兰",
  "志", "海", "晓", "春", "燕", "小", "云", "飞", "鹏", "辉", "斌", "宇", "浩", "凯", "婷",
  "佳", "欣", "雪", "琳", "晨",
};

static const char *const employers[] = {
  "湖州%s纺织有限公司", "湖州%s建设集团有限公司", "%s人民医院", "%s实验小学",
  "湖州%s农业合作社", "%s供电公司", "湖州%s物流有限公司", "%s社区卫生服务中心",
  "湖州%s电子科技有限公司", "%s茶叶专业合作社",
};

static const char *const positions[] = {
  "职工", "技术员", "工程师", "主任", "教师", "护士长", "车间主任", "经理", "社长",
  "高级工程师", "班组长", "医生",
};

typedef struct
{
  GPtrArray *counties;     /* (element-type XfReferenceItem) */
  GPtrArray *townships;
  GPtrArray *industries;
  GPtrArray *education;
  GPtrArray *political;
} Reference;

static const XfReferenceItem *
pick (GRand     *rand,
      GPtrArray *items)
{
  return g_ptr_array_index (items, g_rand_int_range (rand, 0, (gint32) items->len));
}

static const char *
county_name (Reference  *reference,
             const char *code)
{
  for (guint i = 0; i < reference->counties->len; i++)
    {
      const XfReferenceItem *item = g_ptr_array_index (reference->counties, i);

      if (g_str_equal (item->code, code))
        return item->name_zh;
    }
  return "";
}

static void
load_reference (Reference *reference)
{
  g_autoptr(GError) error = NULL;
  XfReference *data = xf_reference_get_default (&error);
  GPtrArray *regions;

  if (data == NULL)
    g_error ("%s", error->message);
  regions = xf_reference_get_items (data, XF_REFERENCE_REGIONS);
  reference->counties = g_ptr_array_new ();
  reference->townships = g_ptr_array_new ();
  for (guint i = 0; i < regions->len; i++)
    {
      XfReferenceItem *item = g_ptr_array_index (regions, i);

      g_ptr_array_add (item->parent[0] == '\0' ? reference->counties : reference->townships, item);
    }
  reference->industries = xf_reference_get_items (data, XF_REFERENCE_INDUSTRIES);
  reference->education = xf_reference_get_items (data, XF_REFERENCE_EDUCATION);
  reference->political = xf_reference_get_items (data, XF_REFERENCE_POLITICAL_STATUS);
}

/* A cell as CSV wants it: quoted when it holds a comma or quote. */
static void
put (GString    *line,
     const char *value,
     gboolean    last)
{
  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_autoptr(GString) quoted = g_string_new (value);

      g_string_replace (quoted, "\"", "\"\"", 0);
      g_string_append_printf (line, "\"%s\"", quoted->str);
    }
  else
    g_string_append (line, value);
  g_string_append (line, last ? "\r\n" : ",");
}

static int
generate (const char *path,
          guint       rows,
          guint32     seed)
{
  enum { BAD_CHECK, BAD_REGION, BAD_DATE, BAD_NAME, BAD_MOBILE, BAD_REPEAT, N_BAD };
  static const char *const bad_names[N_BAD] = {
    "wrong check character", "unknown region", "impossible date", "missing name",
    "short mobile", "repeated identity number",
  };
  guint bad[N_BAD] = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GDate) epoch = g_date_new_dmy (1, G_DATE_JANUARY, 1955);
  Reference reference;
  char previous_id[19] = "";
  FILE *file;
  const guint days = 16436;   /* 1955-01-01 .. 1999-12-31 */

  load_reference (&reference);
  file = fopen (path, "wb");
  if (file == NULL)
    g_error ("%s: %s", path, g_strerror (errno));
  fputs ("姓名,性别,出生日期,身份证号码,手机,工作单位,职务,所属行业,所在地区,文化程度,民族,政治面貌\r\n",
         file);

  for (guint i = 0; i < rows; i++)
    {
      /* Day, county and sequence from the row's index: every identity
       * number differs, and names differ among those born the same day. */
      guint day = i % days, rest = i / days;
      const XfReferenceItem *county = g_ptr_array_index (reference.counties,
                                                         rest % reference.counties->len);
      guint sequence = rest / reference.counties->len;
      gboolean male = g_rand_boolean (rand);
      guint name_index = (day * 7919u + rest * 104729u) % (G_N_ELEMENTS (surnames) * 2500u);
      const XfReferenceItem *township = pick (rand, reference.townships);
      const XfReferenceItem *industry = pick (rand, reference.industries);
      const XfReferenceItem *education = pick (rand, reference.education);
      const XfReferenceItem *political = pick (rand, reference.political);
      g_autoptr(GDate) birth = g_date_copy (epoch);
      g_autofree char *name = NULL;
      g_autofree char *date = NULL;
      g_autofree char *region = NULL;
      g_autofree char *employer = NULL;
      g_autofree char *mobile = NULL;
      char id[19], digits[9];
      int kind = g_rand_int_range (rand, 0, 100) == 0 ? g_rand_int_range (rand, 0, N_BAD) : -1;
      guint y, m, d;

      g_date_add_days (birth, day);
      y = g_date_get_year (birth);
      m = g_date_get_month (birth);
      d = g_date_get_day (birth);
      g_snprintf (digits, sizeof digits, "%04u%02u%02u", y, m, d);
      g_snprintf (id, sizeof id, "%s%s%03u", county->code, digits,
                  (sequence * 2 + (male ? 1 : 0)) % 1000);
      id[17] = xf_identity_id_check_char (id);
      id[18] = '\0';

      name = g_strconcat (surnames[name_index % G_N_ELEMENTS (surnames)],
                          given[(name_index / G_N_ELEMENTS (surnames)) % G_N_ELEMENTS (given)],
                          name_index / G_N_ELEMENTS (surnames) >= G_N_ELEMENTS (given)
                            ? given[(name_index / (G_N_ELEMENTS (surnames) * G_N_ELEMENTS (given))) %
                                    G_N_ELEMENTS (given)]
                            : "",
                          NULL);
      switch (g_rand_int_range (rand, 0, 10))
        {
        case 0:
          date = g_strdup_printf ("%u/%u/%u", y, m, d);
          break;
        case 1:
          date = g_strdup (digits);
          break;
        case 2:
          date = g_strdup_printf ("%u年%u月%u日", y, m, d);
          break;
        case 3:
          date = g_strdup_printf ("%u.%u.%u", y, m, d);
          break;
        default:
          date = g_strdup_printf ("%04u-%02u-%02u", y, m, d);
        }
      switch (g_rand_int_range (rand, 0, 5))
        {
        case 0:
          region = g_strdup (township->code);
          break;
        case 1:
          region = g_strdup (county_name (&reference, township->parent));
          break;
        default:
          region = g_strconcat (county_name (&reference, township->parent), township->name_zh, NULL);
        }
      employer = g_strdup_printf (employers[g_rand_int_range (rand, 0, G_N_ELEMENTS (employers))],
                                  county->name_zh);
      mobile = g_strdup_printf ("1%u%09u", 3 + g_rand_int_range (rand, 0, 7),
                                g_rand_int_range (rand, 0, 1000000000));

      switch (kind)
        {
        case BAD_CHECK:
          id[17] = id[17] == '0' ? '1' : '0';
          break;
        case BAD_REGION:
          g_free (region);
          region = g_strdup ("火星区");
          break;
        case BAD_DATE:
          g_free (date);
          date = g_strdup_printf ("%u-13-45", y);
          break;
        case BAD_NAME:
          g_free (name);
          name = g_strdup ("");
          break;
        case BAD_MOBILE:
          mobile[7] = '\0';
          break;
        case BAD_REPEAT:
          if (previous_id[0] != '\0')
            memcpy (id, previous_id, sizeof id);
          break;
        default:
          break;
        }
      if (kind >= 0)
        bad[kind]++;
      if (kind != BAD_REPEAT && kind != BAD_CHECK)
        memcpy (previous_id, id, sizeof id);

      g_string_truncate (line, 0);
      put (line, name, FALSE);
      put (line, g_rand_int_range (rand, 0, 20) == 0 ? (male ? "M" : "F") : (male ? "男" : "女"), FALSE);
      put (line, date, FALSE);
      put (line, id, FALSE);
      put (line, mobile, FALSE);
      put (line, employer, FALSE);
      put (line, positions[g_rand_int_range (rand, 0, G_N_ELEMENTS (positions))], FALSE);
      put (line, g_rand_boolean (rand) ? industry->code : industry->name_zh, FALSE);
      put (line, region, FALSE);
      put (line, education->name_zh, FALSE);
      put (line, g_rand_int_range (rand, 0, 20) == 0 ? "回族" : "汉族", FALSE);
      put (line, political->name_zh, TRUE);
      fwrite (line->str, 1, line->len, file);
    }
  if (fclose (file) != 0)
    g_error ("%s: %s", path, g_strerror (errno));

  printf ("generated %u rows into %s\n", rows, path);
  for (guint k = 0; k < N_BAD; k++)
    printf ("bad: %-26s %u\n", bad_names[k], bad[k]);
  g_ptr_array_unref (reference.counties);
  g_ptr_array_unref (reference.townships);
  return 0;
}

static int
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfSheetReader) reader = NULL;
  const char * const *cells;
  guint n_cells;
  guint64 line, records = 0, total = 0;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  reader = xf_sheet_reader_open (path, &error);
  if (reader == NULL)
    g_error ("%s", error->message);
  while (xf_sheet_reader_next (reader, &cells, &n_cells, &line, &error))
    {
      records++;
      total += n_cells;
    }
  if (error != NULL)
    g_error ("%s", error->message);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  printf ("sheet reader: %" G_GUINT64_FORMAT " records, %" G_GUINT64_FORMAT
          " cells, %s, delimiter %s, %.3f s\n", records, total,
          xf_sheet_reader_get_encoding (reader),
          xf_sheet_reader_get_delimiter (reader) == '\t' ? "tab" : "comma or semicolon",
          seconds);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc >= 4 && g_str_equal (argv[1], "generate"))
    return generate (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10),
                     argc > 4 ? (guint32) g_ascii_strtoull (argv[4], NULL, 10) : 9);
  if (argc == 3 && g_str_equal (argv[1], "read"))
    return read_file (argv[2]);
  fprintf (stderr, "usage: bench-import generate FILE ROWS [SEED] | read FILE\n");
  return 2;
}
