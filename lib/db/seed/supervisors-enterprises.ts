/**
 * Demo supervisors (SASACs) and how enterprise trees become rows: the central groups are in
 * enterprises-central.ts, the provincial ones in enterprises-provincial.ts. Codes are
 * stable: tests and the README refer to them ("SASAC-SC", "CRRC", "TELECOM", "CRRC-ZELC", ...).
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { withCheckCharacter, CREDIT_CODE_ALPHABET } from "@/lib/enterprises/credit-code";
import type { Rng } from "./random";

export type SupervisorDef = {
  code: string;
  nameZh: string;
  nameEn: string;
  level: "CENTRAL" | "PROVINCIAL";
  region: string | null;
};

export const SUPERVISORS: SupervisorDef[] = [
  {
    code: "SASAC-SC",
    nameZh: "国务院国资委",
    nameEn: "State Council SASAC",
    level: "CENTRAL",
    region: null,
  },
  {
    code: "SASAC-HN",
    nameZh: "湖南省国资委",
    nameEn: "Hunan SASAC",
    level: "PROVINCIAL",
    region: "HN",
  },
  {
    code: "SASAC-ZJ",
    nameZh: "浙江省国资委",
    nameEn: "Zhejiang SASAC",
    level: "PROVINCIAL",
    region: "ZJ",
  },
  {
    code: "SASAC-TJ",
    nameZh: "天津市国资委",
    nameEn: "Tianjin SASAC",
    level: "PROVINCIAL",
    region: "TJ",
  },
  {
    code: "SASAC-JL",
    nameZh: "吉林省国资委",
    nameEn: "Jilin SASAC",
    level: "PROVINCIAL",
    region: "JL",
  },
  {
    code: "SASAC-CQ",
    nameZh: "重庆市国资委",
    nameEn: "Chongqing SASAC",
    level: "PROVINCIAL",
    region: "CQ",
  },
  {
    code: "SASAC-JS",
    nameZh: "江苏省国资委",
    nameEn: "Jiangsu SASAC",
    level: "PROVINCIAL",
    region: "JS",
  },
  {
    code: "SASAC-SD",
    nameZh: "山东省国资委",
    nameEn: "Shandong SASAC",
    level: "PROVINCIAL",
    region: "SD",
  },
  {
    code: "SASAC-AH",
    nameZh: "安徽省国资委",
    nameEn: "Anhui SASAC",
    level: "PROVINCIAL",
    region: "AH",
  },
];

/** Administrative division codes (GB/T 2260) used in credit codes, by region. */
const DIVISION: Record<string, string> = {
  BJ: "110000",
  TJ: "120000",
  JL: "220000",
  SH: "310000",
  JS: "320000",
  ZJ: "330000",
  AH: "340000",
  SD: "370000",
  HB: "420000",
  HN: "430000",
  GD: "440000",
  CQ: "500000",
  SC: "510000",
};

export const INDUSTRIES = {
  rail: ["轨道交通装备制造", "Rail transit equipment"],
  telecom: ["电信与信息服务", "Telecommunications and information services"],
  cloud: ["云计算与数字服务", "Cloud computing and digital services"],
  quantum: ["量子信息", "Quantum information"],
  invest: ["国有资本投资运营", "State capital investment and operation"],
  finance: ["金融服务", "Financial services"],
  power: ["电力生产", "Power generation"],
  steel: ["钢铁", "Iron and steel"],
  it: ["电子信息", "Electronics and information technology"],
  petro: ["石油化工", "Petroleum and petrochemicals"],
  energy: ["新能源", "New energy"],
  constr: ["建筑工程", "Construction and engineering"],
  food: ["食品与农业", "Food and agriculture"],
  pharma: ["医药", "Pharmaceuticals"],
  env: ["环保与水务", "Environmental services and water"],
  forest: ["林业与林产品", "Forestry and forest products"],
  machinery: ["装备制造", "Machinery and equipment"],
  transport: ["交通基础设施", "Transport infrastructure"],
} as const satisfies Record<string, readonly [string, string]>;

export type EnterpriseDef = {
  code: string;
  zh: string;
  en: string;
  sZh: string;
  sEn: string;
  ind: keyof typeof INDUSTRIES;
  /** CC commercial-competitive, CS commercial-strategic, PW public welfare (default CC). */
  fc?: "CC" | "CS" | "PW";
  /** W wholly state-owned (default), M mixed ownership, L listed. */
  own?: "W" | "M" | "L";
  /** Region code; inherited from the parent when absent. */
  region?: string;
  /** 6-digit division code for the credit code, when more precise than the region's. */
  div?: string;
  /** A party organisation other than the supervisor's (Tianjin mixed-reform cases). */
  party?: { zh: string; en: string };
  children?: EnterpriseDef[];
};

export type GroupDef = EnterpriseDef & { supervisor: string };

const FUNCTIONAL = {
  CC: "COMMERCIAL_COMPETITIVE",
  CS: "COMMERCIAL_STRATEGIC",
  PW: "PUBLIC_WELFARE",
} as const;
const OWNERSHIP = { W: "WHOLLY_STATE_OWNED", M: "MIXED_OWNERSHIP", L: "LISTED" } as const;

/** One enterprise as the rest of the seed sees it. */
export type OrgEnterprise = {
  id: string;
  code: string;
  depth: number;
  rootCode: string;
  rootId: string;
  supervisorCode: string;
  /** Codes from the root down to this node, itself included. */
  path: string[];
};

export type Org = {
  supervisors: Prisma.SupervisorCreateManyInput[];
  supervisorIds: Map<string, string>;
  enterprises: Prisma.EnterpriseCreateManyInput[];
  closure: Prisma.EnterpriseClosureCreateManyInput[];
  nodes: OrgEnterprise[];
  byCode: Map<string, OrgEnterprise>;
};

function creditCode(division: string, rng: Rng, used: Set<string>): string {
  for (;;) {
    let body = "";
    for (let i = 0; i < 9; i++) body += rng.pick([...CREDIT_CODE_ALPHABET]);
    const code = withCheckCharacter(`91${division}${body}`);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

/** Builds supervisor and enterprise rows, with fresh ids and a closure row for every pair. */
export function buildOrg(rng: Rng, groups: GroupDef[]): Org {
  const supervisorIds = new Map(SUPERVISORS.map((s) => [s.code, randomUUID()]));
  const central = supervisorIds.get("SASAC-SC")!;
  const supervisors = SUPERVISORS.map((s) => ({
    id: supervisorIds.get(s.code)!,
    code: s.code,
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    level: s.level,
    region: s.region,
    parentId: s.code === "SASAC-SC" ? null : central,
  }));

  const enterprises: Prisma.EnterpriseCreateManyInput[] = [];
  const closure: Prisma.EnterpriseClosureCreateManyInput[] = [];
  const nodes: OrgEnterprise[] = [];
  const usedCodes = new Set<string>();

  const visit = (
    def: EnterpriseDef,
    group: GroupDef,
    ancestors: { id: string; code: string }[],
    region: string,
    sortOrder: number,
  ) => {
    const id = randomUUID();
    const depth = ancestors.length;
    const ownRegion = def.region ?? region;
    const supervisorId = supervisorIds.get(group.supervisor)!;
    const rootId = ancestors[0]?.id ?? id;
    enterprises.push({
      id,
      code: def.code,
      creditCode: creditCode(def.div ?? DIVISION[ownRegion] ?? "110000", rng, usedCodes),
      nameZh: def.zh,
      nameEn: def.en,
      shortNameZh: def.sZh,
      shortNameEn: def.sEn,
      parentId: ancestors.at(-1)?.id ?? null,
      rootId: depth === 0 ? null : rootId,
      depth,
      supervisorId,
      region: ownRegion,
      industryZh: INDUSTRIES[def.ind][0],
      industryEn: INDUSTRIES[def.ind][1],
      functionalClass: FUNCTIONAL[def.fc ?? "CC"],
      ownershipForm: OWNERSHIP[def.own ?? "W"],
      partySupervisorId: def.party ? null : supervisorId,
      partyOrgNameZh: def.party?.zh ?? null,
      partyOrgNameEn: def.party?.en ?? null,
      sortOrder,
      createdAt: new Date(Date.UTC(2023, 1, 15)),
    });
    const chain = [...ancestors, { id, code: def.code }];
    chain.forEach((a, i) => closure.push({ ancestorId: a.id, descendantId: id, depth: depth - i }));
    nodes.push({
      id,
      code: def.code,
      depth,
      rootCode: group.code,
      rootId,
      supervisorCode: group.supervisor,
      path: chain.map((c) => c.code),
    });
    def.children?.forEach((child, i) => visit(child, group, chain, ownRegion, (i + 1) * 10));
  };
  groups.forEach((group, i) => visit(group, group, [], group.region ?? "BJ", (i + 1) * 10));

  return {
    supervisors,
    supervisorIds,
    enterprises,
    closure,
    nodes,
    byCode: new Map(nodes.map((n) => [n.code, n])),
  };
}
