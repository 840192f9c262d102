/**
 * Tasks of categories C01-C05: innovation, new industries, reorganisation, "two non / two
 * capitals" and loss-making enterprises. Figures echo the articles where they fit (new industries
 * +5.2% year on year and +3 percentage points in Hunan; assets revitalised in Chongqing).
 */
import type { TaskDef } from "./catalogue";

export const TASKS_A: TaskDef[] = [
  // C01 Scientific and technological innovation ---------------------------------------------
  {
    cat: "C01",
    n: 1,
    weight: 2,
    due: "2024-06-30",
    scope: "A",
    zh: "全面梳理评估企业科技创新体系",
    en: "Review and assess the enterprise's innovation system",
    descZh:
      "上半年对研发机构、研发投入、创新平台和激励政策开展全面梳理评估，形成问题清单和整改措施。",
    descEn:
      "In the first half of the year, review research units, R&D spending, innovation platforms and incentives, and draw up a list of problems with remedies.",
    doneZh: "评估报告经党委会、董事会审议通过，整改措施纳入年度计划。",
    doneEn:
      "The assessment report is adopted by the party committee and the board; the remedies are in the annual plan.",
    ind: [
      {
        zh: "研发经费投入强度",
        en: "R&D spending intensity",
        unit: "PERCENT",
        base: 2.5,
        target: 3.2,
      },
    ],
  },
  {
    cat: "C01",
    n: 2,
    weight: 3,
    due: "2024-12-31",
    scope: "G",
    zh: "组建跨企业、跨领域联合研发团队",
    en: "Set up cross-enterprise and cross-domain joint R&D teams",
    descZh:
      "围绕关键领域组建内外部联合研发团队，建立协同研发机制并安排专项激励，避免资源重复投入。",
    descEn:
      "Form internal and external joint R&D teams in key fields, with a collaborative R&D mechanism and special incentives that avoid duplicated resources.",
    doneZh: "联合研发团队组建到位，协同研发管理办法印发实施。",
    doneEn: "The joint teams are in place and the collaborative R&D rules are issued and applied.",
    ind: [{ zh: "联合研发团队数量", en: "Joint R&D teams", unit: "COUNT", base: 0, target: 5 }],
  },
  {
    cat: "C01",
    n: 3,
    weight: 3,
    due: "2025-06-30",
    scope: "G",
    zh: "承担国家重大科技项目，攻关关键核心技术",
    en: "Undertake national major projects on key core technologies",
    descZh: "牵头或参与国家重大科技专项，实施关键核心技术攻关任务清单管理。",
    descEn:
      "Lead or join national major science and technology projects; manage key core technology tasks as a list.",
    doneZh: "年度攻关任务按节点完成并通过阶段验收。",
    doneEn: "The year's research tasks are delivered on schedule and pass their stage reviews.",
    ind: [
      {
        zh: "关键核心技术攻关项目数",
        en: "Key core technology projects",
        unit: "COUNT",
        base: 2,
        target: 6,
      },
    ],
  },
  {
    cat: "C01",
    n: 4,
    weight: 2,
    due: "2025-09-30",
    scope: "A",
    zh: "推进科技成果转化和职务科技成果赋权改革试点",
    en: "Commercialise results and pilot rights in job-related scientific achievements",
    descZh: "扩大职务科技成果赋权改革试点范围，完善成果转化收益分配办法。",
    descEn:
      "Widen the pilot that grants researchers rights in job-related achievements; improve how commercialisation income is shared.",
    doneZh: "试点方案获批，首批成果完成转化并兑现收益分配。",
    doneEn:
      "The pilot plan is approved and the first results are commercialised with income paid out.",
    ind: [
      {
        zh: "转化科技成果数",
        en: "Scientific results commercialised",
        unit: "COUNT",
        base: 3,
        target: 12,
      },
    ],
  },
  {
    cat: "C01",
    n: 5,
    main: false,
    weight: 1,
    due: "2025-12-31",
    scope: "G",
    zh: "建设中试验证平台",
    en: "Build pilot-scale verification platforms",
    descZh: "依托重点实验室建设中试验证平台，向产业链上下游开放共享。",
    descEn:
      "Build pilot-scale verification platforms on key laboratories and open them to the industrial chain.",
    doneZh: "平台建成投用并对外提供服务。",
    doneEn: "The platform is in service and open to outside users.",
  },
  // C02 Strategic emerging and future industries --------------------------------------------
  {
    cat: "C02",
    n: 1,
    weight: 2,
    due: "2024-06-30",
    scope: "G",
    zh: "制定战略性新兴产业发展专项规划",
    en: "Draw up a special plan for strategic emerging industries",
    descZh: "明确新兴产业布局重点和投资安排，提高新兴产业投资占比。",
    descEn:
      "Set priorities and an investment plan for emerging industries and raise their share of investment.",
    doneZh: "专项规划印发，年度投资计划中新兴产业投资占比达到目标。",
    doneEn:
      "The plan is issued and emerging industries reach their target share of the annual investment plan.",
    ind: [
      {
        zh: "新兴产业投资占比",
        en: "Emerging industries' share of investment",
        unit: "PERCENT",
        base: 40,
        target: 50,
      },
    ],
  },
  {
    cat: "C02",
    n: 2,
    weight: 2,
    due: "2024-12-31",
    scope: "A",
    zh: "提升新兴产业营业收入占比",
    en: "Raise the share of revenue from emerging industries",
    descZh: "加快新兴产业项目投产见效，推动新兴产业营业收入较快增长。",
    descEn:
      "Bring emerging-industry projects into production sooner and grow their revenue faster.",
    doneZh: "新兴产业营收同比增长和占比提升均达到年度目标。",
    doneEn: "Emerging-industry revenue growth and its share both reach the year's targets.",
    ind: [
      {
        zh: "新兴产业营业收入同比增长",
        en: "Emerging-industry revenue growth, year on year",
        unit: "PERCENT",
        base: 0,
        target: 5.2,
      },
      {
        zh: "新兴产业营收占比提升",
        en: "Rise in emerging industries' share of revenue",
        unit: "PERCENTAGE_POINT",
        base: 0,
        target: 3,
      },
    ],
  },
  {
    cat: "C02",
    n: 3,
    weight: 3,
    due: "2025-12-31",
    scope: "G",
    zh: "布局未来产业，培育新质生产力",
    en: "Lay out future industries and build new productive forces",
    descZh: "在量子信息、人工智能、新材料等方向布局未来产业项目，建设应用场景。",
    descEn:
      "Start future-industry projects in quantum information, artificial intelligence and new materials, with application scenarios.",
    doneZh: "未来产业项目按计划落地并形成示范应用。",
    doneEn:
      "The future-industry projects are under way as planned, with demonstration applications.",
    ind: [
      { zh: "未来产业项目数", en: "Future-industry projects", unit: "COUNT", base: 0, target: 3 },
    ],
  },
  {
    cat: "C02",
    n: 4,
    weight: 2,
    due: "2025-06-30",
    scope: "A",
    zh: "实施大规模设备更新和技术改造",
    en: "Carry out large-scale equipment renewal and technical upgrading",
    descZh: "淘汰到期落后低效设备，推进节能降碳、清洁生产改造和工艺创新。",
    descEn:
      "Retire outdated and inefficient equipment; cut energy use and carbon, upgrade to clean production and new processes.",
    doneZh: "年度设备更新和技改项目完成投资并投入运行。",
    doneEn: "The year's renewal and upgrading projects are invested and in operation.",
    ind: [
      {
        zh: "设备更新和技改投资",
        en: "Investment in renewal and upgrading",
        unit: "YUAN_100M",
        base: 0,
        target: 20,
      },
    ],
  },
  // C03 Strategic reorganisation and professional integration -------------------------------
  {
    cat: "C03",
    n: 1,
    weight: 3,
    due: "2024-12-31",
    scope: "G",
    zh: "推进战略性重组和结构性调整",
    en: "Advance strategic reorganisation and structural adjustment",
    descZh:
      "围绕更高水平履行功能使命，谋划推进战略性、结构性重组，提前研判重组风险并做好人员安置。",
    descEn:
      "Plan strategic and structural reorganisations that serve the enterprise's mission, weighing the risks and resettling staff in good order.",
    doneZh: "重组方案获批并完成工商变更和人员划转。",
    doneEn: "The reorganisation is approved, registered and staff are transferred.",
    ind: [
      {
        zh: "完成重组整合项目数",
        en: "Reorganisation projects completed",
        unit: "COUNT",
        base: 0,
        target: 3,
      },
    ],
  },
  {
    cat: "C03",
    n: 2,
    weight: 2,
    due: "2025-06-30",
    scope: "A",
    zh: "突出主责主业推进专业化整合",
    en: "Integrate professionally around the main business",
    descZh: "以优势子企业为主体，按照“一业一企、一企一业”推进内部资源整合。",
    descEn:
      "With the strongest subsidiaries as the platform, integrate internal resources so that each business has one enterprise and each enterprise one business.",
    doneZh: "整合方案实施完毕，主业资产占比达到目标。",
    doneEn: "The integration is complete and main-business assets reach their target share.",
    ind: [
      {
        zh: "主业资产占比",
        en: "Main-business share of assets",
        unit: "PERCENT",
        base: 85,
        target: 92,
      },
    ],
  },
  {
    cat: "C03",
    n: 3,
    weight: 1,
    due: "2024-09-30",
    scope: "A",
    zh: "压减管理层级和法人户数",
    en: "Cut management levels and the number of legal entities",
    descZh: "管理层级控制在规定层级以内，清理注销空壳和低效法人。",
    descEn:
      "Keep management within the permitted number of levels; deregister shell and inefficient entities.",
    doneZh: "法人户数压减到位，管理层级符合要求。",
    doneEn: "Legal entities are cut to target and management levels comply.",
    ind: [
      {
        zh: "法人户数",
        en: "Legal entities",
        unit: "COUNT",
        dir: "DECREASE",
        base: 120,
        target: 100,
      },
    ],
  },
  {
    cat: "C03",
    n: 4,
    main: false,
    weight: 1,
    due: "2025-12-31",
    scope: "G",
    zh: "沿产业链开展上下游协同整合",
    en: "Integrate along the industrial chain with partners",
    descZh: "与央地国有企业开展产业链上下游合作，推动优势互补、错位发展。",
    descEn:
      "Cooperate with central and local SOEs along the industrial chain for complementary, differentiated development.",
    doneZh: "签署合作协议并落地合作项目。",
    doneEn: "Cooperation agreements are signed and projects are under way.",
  },
  // C04 Disposal of "two non" and "two capitals" ---------------------------------------------
  {
    cat: "C04",
    n: 1,
    weight: 1,
    due: "2024-06-30",
    scope: "A",
    zh: "全面清查“两非”“两资”并建立台账",
    en: 'Inventory the "two non" and "two capitals" and keep a ledger',
    descZh: "对非主业、非优势业务和低效、无效资产全面清查认定，逐项建立处置台账。",
    descEn:
      "Identify every non-main, non-advantage business and every inefficient or ineffective asset, and keep a disposal ledger item by item.",
    doneZh: "清查结果经审议确认，处置台账报国资委备案。",
    doneEn: "The inventory is confirmed and the disposal ledger is filed with the SASAC.",
    ind: [{ zh: "清查认定项目数", en: "Projects identified", unit: "COUNT", base: 0, target: 25 }],
  },
  {
    cat: "C04",
    n: 2,
    weight: 3,
    due: "2025-06-30",
    scope: "A",
    zh: "推进“两非”“两资”清理退出",
    en: 'Exit the "two non" businesses and "two capitals" assets',
    descZh: "通过产权转让、清算注销、无偿划转等方式加快退出，用好多部门联动绿色通道。",
    descEn:
      "Exit through transfers, liquidation or free transfer, using the multi-department green channels.",
    doneZh: "台账所列项目全部完成退出或处置。",
    doneEn: "Every project in the ledger has exited or been disposed of.",
    ind: [{ zh: "已退出项目数", en: "Projects exited", unit: "COUNT", base: 0, target: 20 }],
  },
  {
    cat: "C04",
    n: 3,
    weight: 2,
    due: "2025-09-30",
    scope: "A",
    zh: "盘活存量低效无效资产和闲置土地",
    en: "Revitalise inefficient assets and idle land",
    descZh: "盘活低效无效资产和闲置土地，为发展新产业腾出资源空间，回收资金用于主业投资。",
    descEn:
      "Revitalise inefficient assets and idle land to free resources for new industries; invest the funds recovered in the main business.",
    doneZh: "盘活资产和回收资金达到年度目标。",
    doneEn: "Assets revitalised and funds recovered reach the year's targets.",
    ind: [
      { zh: "盘活存量资产", en: "Assets revitalised", unit: "YUAN_100M", base: 0, target: 50 },
      { zh: "回收资金", en: "Funds recovered", unit: "YUAN_100M", base: 0, target: 15 },
    ],
  },
  // C05 Loss-making enterprises -------------------------------------------------------------
  {
    cat: "C05",
    n: 1,
    weight: 3,
    due: "2024-12-31",
    scope: "A",
    zh: "开展亏损子企业专项治理，“减亏止血”",
    en: "Treat loss-making subsidiaries: reduce losses and stop the bleeding",
    descZh: "对亏损子企业“一企一策”制定治理方案，多措并举减亏扭亏。",
    descEn:
      "Draw up a plan for each loss-making subsidiary and cut or reverse its losses by every available means.",
    doneZh: "亏损子企业户数降至目标以内，亏损额同比下降。",
    doneEn: "Loss-making subsidiaries fall to the target and total losses fall year on year.",
    ind: [
      {
        zh: "亏损子企业户数",
        en: "Loss-making subsidiaries",
        unit: "COUNT",
        dir: "DECREASE",
        base: 12,
        target: 0,
      },
    ],
  },
  {
    cat: "C05",
    n: 2,
    weight: 2,
    due: "2025-12-31",
    scope: "A",
    zh: "长期亏损企业限期“清零”",
    en: "Clear long-term loss-makers within the time limit",
    descZh: "对连续三年以上亏损的企业限期扭亏或退出，确保按期“清零”。",
    descEn:
      "Turn round or exit enterprises that have lost money for three years or more, within the time limit.",
    doneZh: "长期亏损企业全部扭亏或完成退出。",
    doneEn: "Every long-term loss-maker has turned round or exited.",
    ind: [
      {
        zh: "长期亏损企业户数",
        en: "Long-term loss-makers",
        unit: "COUNT",
        dir: "DECREASE",
        base: 5,
        target: 0,
      },
    ],
  },
  {
    cat: "C05",
    n: 3,
    weight: 1,
    due: "2025-06-30",
    scope: "G",
    zh: "建立亏损企业治理长效机制",
    en: "Set up a standing mechanism for loss-making enterprises",
    descZh: "建立亏损企业监测预警和考核问责机制，防止新增亏损。",
    descEn:
      "Monitor and give early warning on loss-making enterprises, with assessment and accountability, so that no new losses arise.",
    doneZh: "监测预警和考核问责制度印发实施。",
    doneEn: "The monitoring, early-warning and accountability rules are issued and applied.",
  },
];
