/**
 * The 31 provincial-level divisions of mainland China, each with its SASAC, in the order their
 * division codes (GB/T 2260) run. `slug` names the SASAC's accounts (admin-hunan, ...).
 */
export type Region = { code: string; slug: string; zh: string; en: string; division: string };

export const REGIONS: Region[] = [
  { code: "BJ", slug: "beijing", zh: "北京市", en: "Beijing", division: "110000" },
  { code: "TJ", slug: "tianjin", zh: "天津市", en: "Tianjin", division: "120000" },
  { code: "HE", slug: "hebei", zh: "河北省", en: "Hebei", division: "130000" },
  { code: "SX", slug: "shanxi", zh: "山西省", en: "Shanxi", division: "140000" },
  { code: "NM", slug: "neimenggu", zh: "内蒙古自治区", en: "Inner Mongolia", division: "150000" },
  { code: "LN", slug: "liaoning", zh: "辽宁省", en: "Liaoning", division: "210000" },
  { code: "JL", slug: "jilin", zh: "吉林省", en: "Jilin", division: "220000" },
  { code: "HL", slug: "heilongjiang", zh: "黑龙江省", en: "Heilongjiang", division: "230000" },
  { code: "SH", slug: "shanghai", zh: "上海市", en: "Shanghai", division: "310000" },
  { code: "JS", slug: "jiangsu", zh: "江苏省", en: "Jiangsu", division: "320000" },
  { code: "ZJ", slug: "zhejiang", zh: "浙江省", en: "Zhejiang", division: "330000" },
  { code: "AH", slug: "anhui", zh: "安徽省", en: "Anhui", division: "340000" },
  { code: "FJ", slug: "fujian", zh: "福建省", en: "Fujian", division: "350000" },
  { code: "JX", slug: "jiangxi", zh: "江西省", en: "Jiangxi", division: "360000" },
  { code: "SD", slug: "shandong", zh: "山东省", en: "Shandong", division: "370000" },
  { code: "HA", slug: "henan", zh: "河南省", en: "Henan", division: "410000" },
  { code: "HB", slug: "hubei", zh: "湖北省", en: "Hubei", division: "420000" },
  { code: "HN", slug: "hunan", zh: "湖南省", en: "Hunan", division: "430000" },
  { code: "GD", slug: "guangdong", zh: "广东省", en: "Guangdong", division: "440000" },
  { code: "GX", slug: "guangxi", zh: "广西壮族自治区", en: "Guangxi", division: "450000" },
  { code: "HI", slug: "hainan", zh: "海南省", en: "Hainan", division: "460000" },
  { code: "CQ", slug: "chongqing", zh: "重庆市", en: "Chongqing", division: "500000" },
  // Not "SASAC-SC": that code is the State Council SASAC's.
  { code: "SCH", slug: "sichuan", zh: "四川省", en: "Sichuan", division: "510000" },
  { code: "GZ", slug: "guizhou", zh: "贵州省", en: "Guizhou", division: "520000" },
  { code: "YN", slug: "yunnan", zh: "云南省", en: "Yunnan", division: "530000" },
  { code: "XZ", slug: "xizang", zh: "西藏自治区", en: "Tibet", division: "540000" },
  { code: "SN", slug: "shaanxi", zh: "陕西省", en: "Shaanxi", division: "610000" },
  { code: "GS", slug: "gansu", zh: "甘肃省", en: "Gansu", division: "620000" },
  { code: "QH", slug: "qinghai", zh: "青海省", en: "Qinghai", division: "630000" },
  { code: "NX", slug: "ningxia", zh: "宁夏回族自治区", en: "Ningxia", division: "640000" },
  { code: "XJ", slug: "xinjiang", zh: "新疆维吾尔自治区", en: "Xinjiang", division: "650000" },
];

/** Industries of the generated groups: [zh, en]. */
export const INDUSTRIES: [string, string][] = [
  ["能源", "Energy"],
  ["电力", "Power"],
  ["交通投资", "Transport Investment"],
  ["建设工程", "Construction"],
  ["装备制造", "Machinery"],
  ["化工", "Chemicals"],
  ["钢铁", "Steel"],
  ["有色金属", "Nonferrous Metals"],
  ["水务环保", "Water and Environment"],
  ["城市发展", "Urban Development"],
  ["文化旅游", "Culture and Tourism"],
  ["粮食物流", "Grain and Logistics"],
  ["医药健康", "Pharmaceuticals and Health"],
  ["数字科技", "Digital Technology"],
  ["金融控股", "Financial Holdings"],
  ["国有资本运营", "State Capital Operation"],
];

/** Kinds of subsidiaries, for names: [zh, en]. */
export const SUBSIDIARY_KINDS: [string, string][] = [
  ["工程", "Engineering"],
  ["投资", "Investment"],
  ["科技", "Technology"],
  ["制造", "Manufacturing"],
  ["贸易", "Trading"],
  ["物流", "Logistics"],
  ["新能源", "New Energy"],
  ["置业", "Property"],
  ["服务", "Services"],
  ["研究院", "Research Institute"],
];
