/* xf-demo-text.c
 *
 * Copyright 2026 The Xianfeng developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "xf-demo"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "xf-demo-private.h"

/*
 * Employers, positions and the Chinese texts of a file, built from parts.
 * The data describes the reference city; the words are ordinary Chinese
 * that a clerk would type, so they stay untranslated.
 */

typedef enum
{
  GROUP_MAKING,       /* B C D E: factories, plants, building sites */
  GROUP_HEALTH,       /* Q */
  GROUP_EDUCATION,    /* P */
  GROUP_FARMING,      /* A */
  GROUP_PUBLIC,       /* S */
  GROUP_SERVICE,      /* everything else */
} Group;

static Group
industry_group (const char *industry)
{
  switch (industry[0])
    {
    case 'B': case 'C': case 'D': case 'E':
      return GROUP_MAKING;
    case 'Q':
      return GROUP_HEALTH;
    case 'P':
      return GROUP_EDUCATION;
    case 'A':
      return GROUP_FARMING;
    case 'S':
      return GROUP_PUBLIC;
    default:
      return GROUP_SERVICE;
    }
}

static const char * const brands[] = {
  "恒达", "宏远", "金达", "新力", "华源", "永盛", "兴业", "鑫源", "博大", "瑞丰",
  "中天", "振华", "天成", "嘉禾", "富源", "远航", "明珠", "丰收", "长盛", "荣达",
  "盛泰", "卓越", "诚信", "华美", "协力", "立信", "信达", "南太湖", "太湖", "苕溪",
  "莫干", "弁山", "龙山", "竹乡", "凤凰", "天目", "金盛", "和达", "祥和", "银河",
  "光明", "新时代", "海川", "东升", "锦华", "宇星", "恒昌", "万邦", "汇源", "泰和",
};

/* What factories make, by county (short name), then anywhere. */
static const char *
pick_product (XfDemoRng          *rng,
              const XfDemoRecord *record)
{
  static const struct { const char *county; const char *products[6]; } local[] = {
    { "吴兴", { "童装", "纺织", "服饰", "物流装备", "金属制品", "机械" } },
    { "南浔", { "木业", "地板", "电梯", "电机", "机电", "家具" } },
    { "德清", { "生物科技", "装饰材料", "新材料", "五金", "钢琴", "竹木制品" } },
    { "长兴", { "电池", "新能源", "纺织", "耐火材料", "建材", "机械" } },
    { "安吉", { "椅业", "竹木制品", "家居", "纸业", "智能装备", "竹纤维" } },
  };
  static const char * const anywhere[] = {
    "精密机械", "汽车零部件", "新材料", "电子", "化纤", "丝绸", "轴承", "不锈钢",
    "智能装备", "塑业", "印染", "食品", "包装", "电器",
  };

  if (_xf_demo_rng_chance (rng, 600))
    for (guint i = 0; i < G_N_ELEMENTS (local); i++)
      if (g_str_equal (local[i].county, record->county->short_name))
        return XF_DEMO_PICK (rng, local[i].products);
  return XF_DEMO_PICK (rng, anywhere);
}

/* A company's place word: the county's short name, or the city's. */
static const char *
place_word (XfDemoRng          *rng,
            XfDemoPlaces       *places,
            const XfDemoRecord *record)
{
  return _xf_demo_rng_chance (rng, 400) ? places->city_short : record->county->short_name;
}

static gboolean
is_street (const XfDemoRecord *record)
{
  return g_str_has_suffix (record->township->name_zh, "街道");
}

static void
make_company (XfDemoRng          *rng,
              XfDemoPlaces       *places,
              const XfDemoRecord *record,
              const char         *trade,
              GString            *out)
{
  static const XfDemoWeighted suffixes[] = {
    { "有限公司", 70 }, { "股份有限公司", 18 }, { "集团有限公司", 12 },
  };

  g_string_append_printf (out, "%s%s%s%s", place_word (rng, places, record),
                          XF_DEMO_PICK (rng, brands), trade,
                          XF_DEMO_PICK_WEIGHTED (rng, suffixes));
}

static const char * const ordinals[] = { "一", "二", "三", "四", "五", "六", "七", "八" };

void
_xf_demo_make_employer (XfDemoRng    *rng,
                        XfDemoPlaces *places,
                        XfDemoRecord *record)
{
  GString *out = record->employer;
  const char *county = record->county->name;
  const char *township = record->township->name_zh;
  char short_town[64];

  _xf_demo_township_short (record->township, short_town, sizeof short_town);
  g_string_truncate (out, 0);

  switch (record->industry[0])
    {
    case 'A':
      switch (_xf_demo_rng_below (rng, 4))
        {
        case 0:
          g_string_append_printf (out, "%s%s%s家庭农场", county, short_town, XF_DEMO_PICK (rng, brands));
          break;
        case 1:
          g_string_append_printf (out, "%s%s%s专业合作社", county, XF_DEMO_PICK (rng, brands),
                                  g_str_equal (record->county->short_name, "安吉") ? "白茶" : "水产养殖");
          break;
        case 2:
          g_string_append_printf (out, "%s%s湖羊养殖专业合作社", county, short_town);
          break;
        default:
          make_company (rng, places, record, "农业开发", out);
        }
      break;
    case 'B':
      make_company (rng, places, record, _xf_demo_rng_chance (rng, 500) ? "矿业" : "石料", out);
      break;
    case 'C':
      make_company (rng, places, record, pick_product (rng, record), out);
      break;
    case 'D':
      {
        static const char * const trades[] = { "水务", "燃气", "热电", "新能源发电", "供电服务" };
        make_company (rng, places, record, XF_DEMO_PICK (rng, trades), out);
      }
      break;
    case 'E':
      {
        static const char * const trades[] = { "建设", "建筑工程", "市政工程", "装饰工程", "交通工程" };
        make_company (rng, places, record, XF_DEMO_PICK (rng, trades), out);
      }
      break;
    case 'F':
      {
        static const char * const trades[] = { "商贸", "超市", "百货", "农资", "医药连锁" };
        make_company (rng, places, record, XF_DEMO_PICK (rng, trades), out);
      }
      break;
    case 'G':
      if (_xf_demo_rng_chance (rng, 200))
        g_string_append_printf (out, "%s公共交通集团有限公司", places->city_name);
      else if (_xf_demo_rng_chance (rng, 200))
        g_string_append_printf (out, "中国邮政集团有限公司%s分公司", county);
      else
        make_company (rng, places, record, _xf_demo_rng_chance (rng, 600) ? "物流" : "运输", out);
      break;
    case 'H':
      if (_xf_demo_rng_chance (rng, 500))
        g_string_append_printf (out, "%s%s%s民宿", county, short_town, XF_DEMO_PICK (rng, brands));
      else
        make_company (rng, places, record, "大酒店", out);
      break;
    case 'I':
      {
        static const char * const trades[] = { "信息科技", "软件", "地理信息科技", "网络科技", "数据科技" };
        make_company (rng, places, record, XF_DEMO_PICK (rng, trades), out);
      }
      break;
    case 'J':
      if (_xf_demo_rng_chance (rng, 700))
        g_string_append_printf (out, "%s农村商业银行%s支行", county, short_town);
      else
        make_company (rng, places, record, "小额贷款", out);
      break;
    case 'K':
      make_company (rng, places, record, _xf_demo_rng_chance (rng, 700) ? "物业服务" : "房地产开发", out);
      break;
    case 'L':
      make_company (rng, places, record, _xf_demo_rng_chance (rng, 500) ? "人力资源服务" : "企业管理咨询", out);
      break;
    case 'M':
      if (_xf_demo_rng_chance (rng, 300))
        g_string_append_printf (out, "%s农业技术推广中心", county);
      else
        make_company (rng, places, record, _xf_demo_rng_chance (rng, 500) ? "检测技术" : "工程设计研究院", out);
      break;
    case 'N':
      if (_xf_demo_rng_chance (rng, 500))
        g_string_append_printf (out, "%s环境卫生管理处", county);
      else
        g_string_append_printf (out, "%s%s水利站", county, short_town);
      break;
    case 'O':
      make_company (rng, places, record, _xf_demo_rng_chance (rng, 500) ? "家政服务" : "汽车维修", out);
      break;
    case 'P':
      switch (_xf_demo_rng_below (rng, 6))
        {
        case 0:
          g_string_append_printf (out, "%s第%s中学", county, XF_DEMO_PICK (rng, ordinals));
          break;
        case 1:
          g_string_append_printf (out, "%s%s中心小学", county, short_town);
          break;
        case 2:
          g_string_append_printf (out, "%s%s中心幼儿园", county, short_town);
          break;
        case 3:
          g_string_append_printf (out, "%s职业中等专业学校", county);
          break;
        case 4:
          g_string_append_printf (out, "%s第%s中学", places->city_name, XF_DEMO_PICK (rng, ordinals));
          break;
        default:
          g_string_append_printf (out, "%s%s", places->city_short,
                                  _xf_demo_rng_chance (rng, 500) ? "职业技术学院" : "师范学院");
        }
      break;
    case 'Q':
      switch (_xf_demo_rng_below (rng, 6))
        {
        case 0:
          g_string_append_printf (out, "%s人民医院", county);
          break;
        case 1:
          g_string_append_printf (out, "%s中医院", county);
          break;
        case 2:
          g_string_append_printf (out, "%s%s", places->city_name,
                                  _xf_demo_rng_chance (rng, 500) ? "第一人民医院" : "中心医院");
          break;
        case 3:
          g_string_append_printf (out, "%s疾病预防控制中心", county);
          break;
        default:
          g_string_append_printf (out, "%s%s%s", county, township,
                                  is_street (record) ? "社区卫生服务中心" : "卫生院");
        }
      break;
    case 'R':
      if (_xf_demo_rng_chance (rng, 500))
        g_string_append_printf (out, "%s%s", county, _xf_demo_rng_chance (rng, 500) ? "文化馆" : "图书馆");
      else
        make_company (rng, places, record, "文化传媒", out);
      break;
    case 'S':
      switch (_xf_demo_rng_below (rng, 3))
        {
        case 0:
          g_string_append_printf (out, "%s%s%s", county, township, is_street (record) ? "办事处" : "人民政府");
          break;
        case 1:
          g_string_append_printf (out, "%s%s便民服务中心", county, township);
          break;
        default:
          {
            static const char * const offices[] = {
              "人力资源和社会保障局", "市场监督管理局", "综合行政执法局", "应急管理局", "民政局",
            };
            g_string_append_printf (out, "%s%s", county, XF_DEMO_PICK (rng, offices));
          }
        }
      break;
    default:
      make_company (rng, places, record, "商贸", out);
    }
}

const char *
_xf_demo_pick_position (XfDemoRng  *rng,
                        const char *industry)
{
  static const XfDemoWeighted making[] = {
    { "一线操作工", 24 }, { "班组长", 14 }, { "车间主任", 10 }, { "技术员", 10 },
    { "高级技师", 8 }, { "质检员", 5 }, { "工程师", 7 }, { "高级工程师", 4 },
    { "机修工", 5 }, { "焊工", 4 }, { "电工", 4 }, { "数控车工", 5 },
    { "总经理", 2 }, { "董事长", 1 }, { "研发部经理", 2 },
  };
  static const XfDemoWeighted health[] = {
    { "主任医师", 10 }, { "副主任医师", 12 }, { "主治医师", 14 }, { "护士长", 12 },
    { "主管护师", 14 }, { "护士", 14 }, { "科主任", 6 }, { "院长", 2 }, { "全科医生", 10 },
  };
  static const XfDemoWeighted education[] = {
    { "一级教师", 30 }, { "高级教师", 24 }, { "班主任", 20 }, { "教研组长", 10 },
    { "校长", 5 }, { "副校长", 5 }, { "园长", 3 }, { "正高级教师", 3 },
  };
  static const XfDemoWeighted farming[] = {
    { "农场主", 20 }, { "合作社理事长", 20 }, { "农技员", 20 }, { "种植大户", 20 },
    { "养殖户", 12 }, { "茶农", 8 },
  };
  static const XfDemoWeighted public_admin[] = {
    { "科员", 20 }, { "科长", 10 }, { "主任", 12 }, { "社区党委书记", 10 },
    { "网格员", 24 }, { "副镇长", 4 }, { "所长", 6 }, { "调解员", 14 },
  };
  static const XfDemoWeighted service[] = {
    { "经理", 14 }, { "部门经理", 12 }, { "主管", 14 }, { "业务员", 12 },
    { "工程师", 10 }, { "店长", 8 }, { "客户经理", 10 }, { "技术总监", 4 },
    { "驾驶员", 8 }, { "调度员", 4 }, { "快递员", 4 },
  };

  switch (industry_group (industry))
    {
    case GROUP_MAKING:
      return XF_DEMO_PICK_WEIGHTED (rng, making);
    case GROUP_HEALTH:
      return XF_DEMO_PICK_WEIGHTED (rng, health);
    case GROUP_EDUCATION:
      return XF_DEMO_PICK_WEIGHTED (rng, education);
    case GROUP_FARMING:
      return XF_DEMO_PICK_WEIGHTED (rng, farming);
    case GROUP_PUBLIC:
      return XF_DEMO_PICK_WEIGHTED (rng, public_admin);
    default:
      return XF_DEMO_PICK_WEIGHTED (rng, service);
    }
}

/*
 * Skills and tags
 */

static const char * const skills_making[] = {
  "数控加工", "模具设计", "焊接工艺", "设备维修", "精益生产", "质量管理", "工艺改进",
  "自动化改造", "电气维修", "PLC编程", "工业机器人运维", "安全生产管理", "新产品研发",
  "节能降耗", "纺织工艺", "电池制造", "激光切割", "CAD制图",
};
static const char * const skills_health[] = {
  "急危重症救治", "微创手术", "护理管理", "中医针灸", "慢病管理", "健康宣教", "院感防控",
  "康复训练", "儿童保健", "心理疏导",
};
static const char * const skills_education[] = {
  "课堂教学", "课程开发", "班级管理", "职业技能教学", "心理辅导", "教育科研", "STEM教育",
  "家校共育",
};
static const char * const skills_farming[] = {
  "白茶种植", "水产养殖", "生态种植", "农机操作", "农产品电商", "竹林培育", "湖羊养殖",
  "稻渔综合种养", "蚕桑技术",
};
static const char * const skills_public[] = {
  "基层治理", "矛盾调解", "政策宣讲", "社区服务", "应急救援", "网格管理", "数字化改革",
};
static const char * const skills_service[] = {
  "客户服务", "市场营销", "物流调度", "电子商务", "财务管理", "软件开发", "数据分析",
  "烹饪", "家政服务", "安全驾驶", "工程造价", "金融服务", "GIS开发",
};

static const char * const tags[] = {
  "技术创新", "师带徒", "志愿服务", "乡村振兴", "共同富裕", "安全生产", "科技攻关",
  "疫情防控", "助企纾困", "政策宣讲", "技能培训", "绿色发展", "数字化改革", "爱心公益",
  "助农富农", "心理健康",
};

static void
append_choices (XfDemoRng          *rng,
                const char * const *pool,
                guint               n_pool,
                guint               count,
                const char         *separator,
                GString            *out)
{
  guint picked[8];
  guint n_picked = 0;

  g_string_truncate (out, 0);
  count = MIN (count, MIN (n_pool, G_N_ELEMENTS (picked)));
  while (n_picked < count)
    {
      guint index = _xf_demo_rng_below (rng, n_pool);
      gboolean seen = FALSE;

      for (guint i = 0; i < n_picked; i++)
        seen |= picked[i] == index;
      if (seen)
        continue;
      picked[n_picked++] = index;
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, pool[index]);
    }
}

static void
make_skills (XfDemoRng    *rng,
             XfDemoRecord *record,
             guint         count)
{
#define SKILLS(pool) append_choices (rng, pool, G_N_ELEMENTS (pool), count, "、", record->skills)
  switch (industry_group (record->industry))
    {
    case GROUP_MAKING: SKILLS (skills_making); break;
    case GROUP_HEALTH: SKILLS (skills_health); break;
    case GROUP_EDUCATION: SKILLS (skills_education); break;
    case GROUP_FARMING: SKILLS (skills_farming); break;
    case GROUP_PUBLIC: SKILLS (skills_public); break;
    default: SKILLS (skills_service); break;
    }
#undef SKILLS
  /* Tags are a comma-separated list of short labels. */
  append_choices (rng, tags, G_N_ELEMENTS (tags), 1 + _xf_demo_rng_below (rng, 3), ",", record->tags);
}

/*
 * Deeds: sentences by line of work, with numbers in believable ranges.
 */

/* One sentence of the @kind-th sort (0..3) for the record's line of work. */
static void
append_deed (XfDemoRng          *rng,
             const XfDemoRecord *record,
             gboolean            team,
             guint               kind,
             GString            *out)
{
  const char *who = team ? "团队" : "";

  switch (industry_group (record->industry))
    {
    case GROUP_MAKING:
      switch (kind)
        {
        case 0:
          {
            static const char * const problems[] = { "关键工艺", "设备故障", "产品质量", "生产瓶颈", "能耗偏高" };
            g_string_append_printf (out, "%s牵头攻克%s难题%d项，年节约成本%d万元。", who,
                                    XF_DEMO_PICK (rng, problems), _xf_demo_rng_range (rng, 2, 18),
                                    _xf_demo_rng_range (rng, 20, 900));
          }
          break;
        case 1:
          g_string_append_printf (out, "%s获国家发明专利%d项、实用新型专利%d项。", who,
                                  _xf_demo_rng_range (rng, 1, 6), _xf_demo_rng_range (rng, 2, 30));
          break;
        case 2:
          g_string_append_printf (out, "%s完成技术革新%d项，产品合格率提高到99.%d%%。", who,
                                  _xf_demo_rng_range (rng, 3, 40), _xf_demo_rng_range (rng, 1, 9));
          break;
        default:
          g_string_append_printf (out, "推动生产线智能化改造，劳动生产率提升%d%%。",
                                  _xf_demo_rng_range (rng, 12, 65));
        }
      break;
    case GROUP_HEALTH:
      switch (kind)
        {
        case 0:
          g_string_append_printf (out, "%s累计接诊患者%d余人次，抢救危重病人%d例。", who,
                                  _xf_demo_rng_range (rng, 2, 30) * 10000, _xf_demo_rng_range (rng, 50, 900));
          break;
        case 1:
          g_string_append_printf (out, "%s开展新技术新项目%d项，填补%s空白。", who,
                                  _xf_demo_rng_range (rng, 2, 15), _xf_demo_rng_chance (rng, 500) ? "县域" : "市内");
          break;
        case 2:
          g_string_append_printf (out, "在疫情防控一线连续奋战%d天，完成核酸采样%d万余人次。",
                                  _xf_demo_rng_range (rng, 30, 120), _xf_demo_rng_range (rng, 1, 20));
          break;
        default:
          g_string_append_printf (out, "深入%s开展义诊%d场，服务群众%d余人。", record->township->name_zh,
                                  _xf_demo_rng_range (rng, 10, 90), _xf_demo_rng_range (rng, 5, 80) * 100);
        }
      break;
    case GROUP_EDUCATION:
      switch (kind)
        {
        case 0:
          g_string_append_printf (out, "指导学生在省级以上竞赛中获奖%d项。", _xf_demo_rng_range (rng, 3, 60));
          break;
        case 1:
          g_string_append_printf (out, "%s主持省市级课题%d项，发表论文%d篇。", who,
                                  _xf_demo_rng_range (rng, 1, 8), _xf_demo_rng_range (rng, 3, 40));
          break;
        case 2:
          g_string_append_printf (out, "结对帮扶困难学生%d名，所带班级多次获评先进班集体。",
                                  _xf_demo_rng_range (rng, 5, 80));
          break;
        default:
          g_string_append_printf (out, "%s开发校本课程%d门，送教下乡%d次。", who,
                                  _xf_demo_rng_range (rng, 1, 9), _xf_demo_rng_range (rng, 5, 60));
        }
      break;
    case GROUP_FARMING:
      switch (kind)
        {
        case 0:
          {
            static const char * const trades[] = { "生态种植", "白茶产业", "特色养殖", "稻渔共生", "林下经济" };
            g_string_append_printf (out, "带领%d户农户发展%s，户均年增收%d万元。", _xf_demo_rng_range (rng, 20, 600),
                                    XF_DEMO_PICK (rng, trades), _xf_demo_rng_range (rng, 1, 8));
          }
          break;
        case 1:
          g_string_append_printf (out, "推广农业新技术%d项，覆盖面积%d亩。", _xf_demo_rng_range (rng, 2, 12),
                                  _xf_demo_rng_range (rng, 5, 300) * 100);
          break;
        case 2:
          g_string_append_printf (out, "%s带动周边%d名村民就业，农产品线上销售额突破%d万元。", who,
                                  _xf_demo_rng_range (rng, 10, 400), _xf_demo_rng_range (rng, 50, 3000));
          break;
        default:
          g_string_append_printf (out, "培训新型职业农民%d人次。", _xf_demo_rng_range (rng, 100, 5000));
        }
      break;
    case GROUP_PUBLIC:
      switch (kind)
        {
        case 0:
          g_string_append_printf (out, "%s调解各类矛盾纠纷%d起，调解成功率%d%%。", who,
                                  _xf_demo_rng_range (rng, 80, 1500), _xf_demo_rng_range (rng, 92, 99));
          break;
        case 1:
          {
            static const char * const projects[] = { "老旧小区改造", "共富工坊", "便民服务", "美丽乡村建设", "垃圾分类" };
            g_string_append_printf (out, "推动%s项目落地，惠及群众%d余人。", XF_DEMO_PICK (rng, projects),
                                    _xf_demo_rng_range (rng, 5, 200) * 100);
          }
          break;
        case 2:
          g_string_append_printf (out, "在防汛抗台一线连续值守%d天，转移群众%d人。",
                                  _xf_demo_rng_range (rng, 3, 20), _xf_demo_rng_range (rng, 30, 2000));
          break;
        default:
          g_string_append_printf (out, "%s开展政策宣讲%d场。", who, _xf_demo_rng_range (rng, 10, 300));
        }
      break;
    default:
      switch (kind)
        {
        case 0:
          g_string_append_printf (out, "%s服务客户%d余人次，保持零投诉。", who,
                                  _xf_demo_rng_range (rng, 2, 90) * 1000);
          break;
        case 1:
          g_string_append_printf (out, "创新服务流程，办理时限缩短%d%%。", _xf_demo_rng_range (rng, 20, 70));
          break;
        case 2:
          g_string_append_printf (out, "%s年营业额连续%d年增长%d%%以上。", who,
                                  _xf_demo_rng_range (rng, 3, 10), _xf_demo_rng_range (rng, 8, 40));
          break;
        default:
          g_string_append_printf (out, "%s带动%d人就业创业。", who, _xf_demo_rng_range (rng, 10, 800));
        }
    }
}

static void
append_common_deed (XfDemoRng *rng,
                    GString   *out)
{
  static const char * const causes[] = { "助老", "助学", "环保", "文明交通", "关爱残疾人", "无偿献血" };

  switch (_xf_demo_rng_below (rng, 3))
    {
    case 0:
      g_string_append_printf (out, "积极参与%s志愿服务，累计服务时长%d小时。", XF_DEMO_PICK (rng, causes),
                              _xf_demo_rng_range (rng, 50, 3000));
      break;
    case 1:
      g_string_append_printf (out, "带徒%d名，其中%d人成长为技术骨干。", _xf_demo_rng_range (rng, 3, 40),
                              _xf_demo_rng_range (rng, 1, 12));
      break;
    default:
      g_string_append_printf (out, "结对帮扶困难家庭%d户。", _xf_demo_rng_range (rng, 1, 30));
    }
}

/*
 * Introductions and contributions
 */

static const char *
label_zh (XfDemoPlaces     *places,
          XfReferenceTable  table,
          const char       *code)
{
  const XfReferenceItem *item = xf_reference_lookup (places->reference, table, code);

  return item != NULL ? item->name_zh : code;
}

static const char *
local_industry_word (const XfDemoRecord *record)
{
  static const struct { const char *county; const char *word; } words[] = {
    { "吴兴", "童装和物流装备" }, { "南浔", "木业和电梯" }, { "德清", "地理信息" },
    { "长兴", "新能源" }, { "安吉", "绿色家居" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (words[i].county, record->county->short_name))
      return words[i].word;
  return "特色";
}

static void
make_contribution (XfDemoRng          *rng,
                   const XfDemoRecord *record,
                   GString            *out)
{
  g_string_truncate (out, 0);
  switch (_xf_demo_rng_below (rng, 4))
    {
    case 0:
      g_string_append_printf (out, "助力%s%s产业转型升级，累计创造经济效益%d万元。", record->county->name,
                              local_industry_word (record), _xf_demo_rng_range (rng, 50, 5000));
      break;
    case 1:
      g_string_append_printf (out, "带动%d人就业增收，为%s共同富裕作出积极贡献。",
                              _xf_demo_rng_range (rng, 10, 900), record->township->name_zh);
      break;
    case 2:
      g_string_append_printf (out, "培养技能人才%d名，推广先进经验%d项。", _xf_demo_rng_range (rng, 5, 300),
                              _xf_demo_rng_range (rng, 1, 20));
      break;
    default:
      g_string_append_printf (out, "参与%s重点项目%d个，服务企业和群众%d余次。", record->county->name,
                              _xf_demo_rng_range (rng, 1, 12), _xf_demo_rng_range (rng, 1, 90) * 100);
    }
}

void
_xf_demo_make_person_texts (XfDemoRng    *rng,
                            XfDemoPlaces *places,
                            XfDemoRecord *record)
{
  static const char * const virtues[] = {
    "始终扎根一线、精益求精", "爱岗敬业、勇于创新", "踏实肯干、甘于奉献", "刻苦钻研、追求卓越",
    "以厂为家、任劳任怨", "敢为人先、带头攻坚", "心系群众、热心公益",
  };
  int years = MAX (1, record->age - _xf_demo_rng_range (rng, 18, 24));
  guint kind;

  make_skills (rng, record, 1 + _xf_demo_rng_below (rng, 3));

  /* The introduction is public (the card behind the QR code): no gender,
   * ethnicity or birth date in it, those stay in the file's own fields. */
  g_string_printf (record->introduction,
                   "%s，%s学历，%s。现任%s%s。参加工作%d年来，%s。",
                   record->name->str,
                   label_zh (places, XF_REFERENCE_EDUCATION, record->education),
                   label_zh (places, XF_REFERENCE_POLITICAL_STATUS, record->political_status),
                   record->employer->str, record->position, years, XF_DEMO_PICK (rng, virtues));

  /* One or two deeds of different sorts. */
  g_string_truncate (record->deeds, 0);
  kind = _xf_demo_rng_below (rng, 4);
  append_deed (rng, record, FALSE, kind, record->deeds);
  if (_xf_demo_rng_chance (rng, 600))
    append_deed (rng, record, FALSE, (kind + 1 + _xf_demo_rng_below (rng, 3)) % 4, record->deeds);
  if (_xf_demo_rng_chance (rng, 500))
    append_common_deed (rng, record->deeds);

  make_contribution (rng, record, record->contribution);
}

const char *
_xf_demo_collective_kind_label (const char *kind)
{
  static const struct { const char *code; const char *label; } labels[] = {
    { "team", "班组" }, { "workshop", "车间" }, { "department", "科室" },
    { "enterprise", "企业" }, { "organisation", "基层组织" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].code, kind))
      return labels[i].label;
  return kind;
}

/* The unit a collective is within its employer. */
static void
make_collective_name (XfDemoRng    *rng,
                      XfDemoRecord *record)
{
  static const char * const lines[] = { "装配", "机加工", "焊接", "质检", "设备维护", "电气", "涂装", "注塑", "检修" };
  static const char * const shops[] = { "装配", "机加工", "纺纱", "织造", "涂装", "总装", "冲压", "成型" };
  static const char * const wards[] = { "护理部", "急诊科", "重症医学科", "儿科", "心血管内科", "手术室", "发热门诊" };
  static const char * const offices[] = { "技术研发中心", "质量管理部", "客户服务部", "工程部", "安全环保部" };
  const char *kind = record->collective_kind;
  GString *name = record->name;

  g_string_assign (name, record->employer->str);
  if (g_str_equal (kind, "enterprise"))
    return;
  if (g_str_equal (kind, "organisation"))
    {
      g_string_append (name, _xf_demo_rng_chance (rng, 600) ? "工会委员会" : "团委");
      return;
    }
  if (g_str_equal (kind, "workshop"))
    {
      if (_xf_demo_rng_chance (rng, 500))
        g_string_append_printf (name, "%s号车间", XF_DEMO_PICK (rng, ordinals));
      else
        g_string_append_printf (name, "%s车间", XF_DEMO_PICK (rng, shops));
      return;
    }

  switch (industry_group (record->industry))
    {
    case GROUP_MAKING:
      if (g_str_equal (kind, "team"))
        g_string_append_printf (name, "%s班组", XF_DEMO_PICK (rng, lines));
      else
        g_string_append (name, XF_DEMO_PICK (rng, offices));
      break;
    case GROUP_HEALTH:
      g_string_append (name, XF_DEMO_PICK (rng, wards));
      if (g_str_equal (kind, "team"))
        g_string_append (name, "医护团队");
      break;
    case GROUP_EDUCATION:
      {
        static const char * const subjects[] = { "语文", "数学", "英语", "科学", "体育", "数控专业" };
        g_string_append_printf (name, "%s教研组", XF_DEMO_PICK (rng, subjects));
      }
      break;
    case GROUP_PUBLIC:
      g_string_append (name, g_str_equal (kind, "team") ? "网格服务团队" : "综合服务办公室");
      break;
    case GROUP_FARMING:
      g_string_append (name, g_str_equal (kind, "team") ? "技术服务队" : "生产部");
      break;
    default:
      if (g_str_equal (kind, "team"))
        g_string_append (name, _xf_demo_rng_chance (rng, 500) ? "青年突击队" : "服务团队");
      else
        g_string_append (name, XF_DEMO_PICK (rng, offices));
    }
}

void
_xf_demo_make_collective_texts (XfDemoRng    *rng,
                                XfDemoPlaces *places,
                                XfDemoRecord *record)
{
  static const char * const spirits[] = {
    "团结协作、勇挑重担", "攻坚克难、追求卓越", "服务至上、精益求精", "守正创新、担当作为",
  };
  guint kind;

  make_collective_name (rng, record);
  make_skills (rng, record, 2 + _xf_demo_rng_below (rng, 2));

  g_string_printf (record->introduction, "%s现有成员%d人，由%s带领，%s，成立以来多次受到表彰。",
                   record->name->str, record->size, record->leader->str, XF_DEMO_PICK (rng, spirits));

  g_string_truncate (record->deeds, 0);
  kind = _xf_demo_rng_below (rng, 4);
  append_deed (rng, record, TRUE, kind, record->deeds);
  append_deed (rng, record, TRUE, (kind + 1 + _xf_demo_rng_below (rng, 3)) % 4, record->deeds);
  if (_xf_demo_rng_chance (rng, 400))
    append_common_deed (rng, record->deeds);

  make_contribution (rng, record, record->contribution);
}
