/**
 * People and words of the demo: the demo accounts (password "demo1234"), the pools the ledger
 * draws responsible departments, people and narratives from, and the typical cases.
 */
import type { Rng } from "./random";

export const DEMO_PASSWORD = "demo1234";

export type DemoUser = {
  username: string;
  role: "ADMIN" | "REVIEWER" | "LIAISON" | "MANAGER";
  displayName: string;
  scopeAll?: boolean;
  /** Scope grant: a supervisor code or an enterprise code. */
  supervisor?: string;
  enterprise?: string;
  scopeZh: string;
  scopeEn: string;
};

/** The demo accounts the README and the tests name. All share the password DEMO_PASSWORD. */
export const DEMO_USERS: DemoUser[] = [
  {
    username: "admin",
    role: "ADMIN",
    displayName: "系统管理员",
    scopeAll: true,
    scopeZh: "全部监管机构和企业",
    scopeEn: "All supervisors and enterprises",
  },
  {
    username: "admin-hunan",
    role: "ADMIN",
    displayName: "湖南省国资委系统管理员",
    supervisor: "SASAC-HN",
    scopeZh: "湖南省国资委及其监管企业",
    scopeEn: "Hunan SASAC and the enterprises it supervises",
  },
  {
    username: "reviewer-central",
    role: "REVIEWER",
    displayName: "刘卫东（国务院国资委）",
    supervisor: "SASAC-SC",
    scopeZh: "国务院国资委监管的中央企业",
    scopeEn: "Central enterprises supervised by the State Council SASAC",
  },
  {
    username: "reviewer-hunan",
    role: "REVIEWER",
    displayName: "陈湘宁（湖南省国资委）",
    supervisor: "SASAC-HN",
    scopeZh: "湖南省国资委监管的省属企业",
    scopeEn: "Provincial enterprises supervised by Hunan SASAC",
  },
  {
    username: "liaison-crrc",
    role: "LIAISON",
    displayName: "李铁军（中国中车改革办）",
    enterprise: "CRRC",
    scopeZh: "中国中车及其所属企业",
    scopeEn: "CRRC and its subsidiaries",
  },
  {
    username: "liaison-telecom",
    role: "LIAISON",
    displayName: "周云（中国电信改革办）",
    enterprise: "TELECOM",
    scopeZh: "中国电信及其所属企业",
    scopeEn: "China Telecom and its subsidiaries",
  },
  {
    username: "liaison-zhuzhou",
    role: "LIAISON",
    displayName: "彭志刚（中车株机改革办）",
    enterprise: "CRRC-ZELC",
    scopeZh: "中车株洲电力机车有限公司及其所属企业",
    scopeEn: "CRRC Zhuzhou Electric Locomotive and its subsidiaries",
  },
  {
    username: "manager",
    role: "MANAGER",
    displayName: "郑国华（国资委领导）",
    scopeAll: true,
    scopeZh: "全部（只读）",
    scopeEn: "Everything (read-only)",
  },
];

/** One line per account, for the start-up banner (scripts/serve.ts reads it). */
export const demoAccountsHint: string[] = [
  `Demo accounts (password "${DEMO_PASSWORD}"):`,
  ...DEMO_USERS.map((u) => `  ${u.username.padEnd(17)} ${u.role.padEnd(8)} ${u.scopeEn}`),
  "  liaison-<group code> (e.g. liaison-sdic, liaison-hn-valin): one liaison for every other group",
];

const SURNAMES = [..."王李张刘陈杨黄赵周吴徐孙马胡朱郭何罗高林彭曾谢唐邓冯韩曹许蒋"];
const GIVEN = [
  "建国",
  "志强",
  "海燕",
  "丽华",
  "伟",
  "敏",
  "静",
  "磊",
  "军",
  "洋",
  "勇",
  "艳",
  "杰",
  "娟",
  "涛",
  "明",
  "超",
  "秀英",
  "霞",
  "平",
  "刚",
  "文博",
  "晓东",
  "红梅",
  "立新",
  "雪梅",
  "国庆",
  "思远",
  "振华",
  "春燕",
  "宏伟",
  "凯",
  "颖",
  "鹏",
  "晓光",
  "雅琴",
];

export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}

const AREA_CODES: Record<string, string> = {
  BJ: "010",
  SH: "021",
  TJ: "022",
  CQ: "023",
  JS: "025",
  HB: "027",
  SC: "028",
  HN: "0731",
  ZJ: "0571",
  JL: "0431",
  SD: "0531",
  AH: "0551",
  GD: "0755",
};

export function officePhone(region: string | null | undefined, rng: Rng): string {
  const area = AREA_CODES[region ?? "BJ"] ?? "010";
  const digits = area.length === 3 ? 8 : 7;
  let n = String(rng.int(5, 8));
  while (n.length < digits) n += String(rng.int(0, 9));
  return `${area}-${n}`;
}

/** Departments that usually own a category's tasks. */
export const DEPARTMENTS: Record<string, string[]> = {
  C01: ["科技创新部", "科技与数字化部", "改革办"],
  C02: ["战略发展部", "投资管理部"],
  C03: ["资本运营部", "战略发展部", "改革办"],
  C04: ["资本运营部", "财务部", "资产管理部"],
  C05: ["财务部", "运营管理部", "改革办"],
  C06: ["人力资源部", "党委组织部"],
  C07: ["董事会办公室", "法律合规部", "改革办"],
  C08: ["人力资源部", "财务部"],
  C09: ["运营管理部", "审计部", "法律合规部"],
  C10: ["党委组织部", "党建工作部", "党委办公室"],
};

// Narratives ---------------------------------------------------------------------------------

const EARLY = [
  "{dept}牵头成立专项工作组，制定“{task}”工作方案，明确时间表、路线图和责任分工。",
  "已完成现状调研和问题梳理，形成初步工作方案，正在征求各部门和所属企业意见。",
  "召开专题会议部署“{task}”，将任务分解为{k}项具体举措，落实到责任部门和责任人。",
  "对照实施方案细化年度目标，建立周调度、月通报工作机制。",
];
const MIDDLE = [
  "按计划推进“{task}”，本月完成{k}项重点工作，累计完成总体进度的{pct}%。",
  "工作方案已经党委会前置研究、董事会审议通过，正在组织实施。",
  "已完成{k}家所属企业的推进工作，其余企业按节点推进中。",
  "针对推进中发现的问题召开协调会，研究解决措施，整体进度符合预期。",
  "配套制度文件已起草完成，正在履行内部审议程序。",
  "组织专项督导检查，发现问题{k}个，已整改完成{k2}个。",
];
const LATE = [
  "主体工作基本完成，正在开展总结评估和成效检验，准备验收材料。",
  "“{task}”进入收尾阶段，累计完成进度{pct}%，剩余事项预计下月完成。",
  "制度文件已印发执行，正在开展执行情况检查并整理佐证材料。",
  "阶段目标已实现，正在巩固成果并建立长效机制。",
];
const STALLED = [
  "受外部审批进度影响，部分事项推迟，已制定追赶计划并加强调度。",
  "涉及职工安置和债权债务处置，推进进度滞后，正在与相关方协商。",
  "因重组方案调整，相关工作暂缓，待方案确定后加快推进。",
];

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));
}

export function progressNarrative(
  rng: Rng,
  o: { task: string; dept: string; pct: number; stalled?: boolean },
): string {
  const pool = o.stalled ? STALLED : o.pct < 30 ? EARLY : o.pct < 75 ? MIDDLE : LATE;
  const k = rng.int(2, 6);
  return fill(rng.pick(pool), { task: o.task, dept: o.dept, pct: o.pct, k, k2: rng.int(1, k) });
}

export function claimStatement(o: { task: string; done: string }): string {
  return `已按要求全面完成“${o.task}”：${o.done}附验收材料，申请销号。`;
}

export const RETURN_COMMENTS = [
  "佐证材料不完整，请补充董事会决议和执行情况说明后重新提交。",
  "指标完成值与目标仍有差距，请说明情况并补充材料。",
  "请补充所属企业落实情况的汇总表。",
];
export const APPROVE_CLAIM_COMMENTS = [
  "同意销号。",
  "材料齐全，同意销号。",
  "经核查，任务已完成，同意销号。",
];

// Typical cases -------------------------------------------------------------------------------

export const TYPICAL_CASES = [
  {
    supervisor: "SASAC-SC",
    published: "2024-05-10",
    tasks: ["SDU-C01-02", "SDU-C01-03", "SDU-C08-01"],
    enterprises: ["CRRC", "CRRC-ZELC", "CRRC-SIFANG", "CRRC-CRC"],
    titleZh: "中国中车：组建跨企业联合研发团队，强化企业科技创新主体地位",
    titleEn:
      "CRRC: cross-enterprise joint R&D teams that put the enterprise at the centre of innovation",
    summaryZh:
      "中国中车通过组建联合研发团队、建立协同研发机制、安排专项激励，加强内外部跨企业、跨领域联合研发，避免资源重复投入。",
    summaryEn:
      "CRRC set up joint R&D teams with a collaborative mechanism and special incentives, strengthening cross-enterprise and cross-domain research inside and outside the group and avoiding duplicated resources.",
    bodyZh:
      "在株洲现场推进会上，中国中车作交流发言。集团围绕轨道交通装备关键核心技术，由株机、四方、长客等子企业共同组建联合研发团队，统一规划研发方向，共享试验验证平台，对联合攻关成果实施专项奖励。",
    bodyEn:
      "CRRC spoke at the on-site promotion meeting in Zhuzhou. Around key rail-equipment technologies, its subsidiaries in Zhuzhou, Qingdao and Changchun formed joint teams that plan research together, share test platforms and are rewarded for joint results.",
  },
  {
    supervisor: "SASAC-ZJ",
    published: "2022-07-05",
    tasks: ["SDU-C10-03", "SDU-C07-02"],
    enterprises: ["ZJ-HANGSTEEL", "ZJ-CAPITAL"],
    titleZh: "浙江省国资委：省属企业党建引领高质量发展“十大样板”建设",
    titleEn:
      "Zhejiang SASAC: ten sample constructions of party building leading high-quality development",
    summaryZh:
      "浙江省国资委选取 10 家省属企业开展“把方向、管大局、促落实”等十大样板建设，形成《浙江省国有企业加强党建引领高质量发展的探索与实践》丛书 10 册。",
    summaryEn:
      'Zhejiang SASAC chose ten provincial enterprises for ten sample constructions such as "setting the direction, managing the overall situation, ensuring implementation", written up in a series of ten books.',
    bodyZh:
      "2020 年在全国率先出台省属企业党委前置研究讨论事项清单示范文本；2021 年对独立法人企业党支部（党总支）研究把关重大事项作出规定，完善“三重一大”决策制度。",
    bodyEn:
      'In 2020 Zhejiang was first in China to issue a model list of matters the party committees of provincial enterprises study first; in 2021 it set rules for party branches of independent legal entities and improved the "three majors, one large" decision rules.',
  },
  {
    supervisor: "SASAC-SC",
    published: "2024-06-15",
    tasks: ["SDU-C02-03", "SDU-C02-01"],
    enterprises: ["TELECOM", "TELECOM-QUANTUM", "TELECOM-CLOUD"],
    titleZh: "中国电信：依托云网融合优势建设量子城域网",
    titleEn:
      "China Telecom: a quantum metropolitan area network built on cloud-network integration",
    summaryZh:
      "中国电信依托自身云网融合优势，建成用户最多、应用最全的全球最大规模量子城域网，加快布局未来产业。",
    summaryEn:
      "Building on its cloud-network integration, China Telecom built the world's largest quantum metropolitan area network, with the most users and the widest range of applications.",
    bodyZh: null,
    bodyEn: null,
  },
  {
    supervisor: "SASAC-CQ",
    published: "2024-05-20",
    tasks: ["SDU-C05-01", "SDU-C04-03"],
    enterprises: ["CQ-YUFU", "CQ-MECH"],
    titleZh: "重庆市国资委：多措并举“减亏止血”，盘活存量资产",
    titleEn: "Chongqing SASAC: cutting losses and revitalising assets by every means",
    summaryZh:
      "一季度重庆 639 户亏损国有企业中 434 户完成阶段性减亏扭亏，盘活国有资产 448.7 亿元，回收资金 144.2 亿元。",
    summaryEn:
      "In the first quarter, 434 of Chongqing's 639 loss-making SOEs cut or reversed their losses; 44.87 billion yuan of assets were revitalised and 14.42 billion yuan recovered.",
    bodyZh: null,
    bodyEn: null,
  },
];
