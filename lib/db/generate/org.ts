/**
 * The generated organisation: the State Council SASAC and the provincial SASACs, their groups,
 * and each group's tree of subsidiaries (a random recursive tree capped at the preset's depth),
 * with every closure pair. Built in memory (40,000 enterprises make about 200,000 closure rows)
 * and written by the loader.
 */
import { CREDIT_CODE_ALPHABET, withCheckCharacter } from "@/lib/enterprises/credit-code";
import type { Rng } from "@/lib/db/seed/random";
import { uid } from "./ids";
import type { Preset } from "./presets";
import { INDUSTRIES, REGIONS, SUBSIDIARY_KINDS } from "./regions";

export type GenSupervisor = {
  id: string;
  code: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  level: "CENTRAL" | "PROVINCIAL";
  region: string | null;
  parentId: string | null;
};

export type GenEnterprise = {
  n: number;
  id: string;
  code: string;
  creditCode: string;
  nameZh: string;
  nameEn: string;
  shortNameZh: string;
  shortNameEn: string;
  parentId: string | null;
  /** The group at the top (the enterprise itself for a group; the column stores null then). */
  rootId: string;
  depth: number;
  supervisorId: string;
  region: string | null;
  industryZh: string;
  industryEn: string;
  sortOrder: number;
};

export type Org = {
  supervisors: GenSupervisor[];
  enterprises: GenEnterprise[];
  closure: { ancestorId: string; descendantId: string; depth: number }[];
};

const CENTRAL_PREFIXES: [string, string][] = [
  ["中国", "China"],
  ["国家", "National"],
  ["中国华", "China Hua"],
  ["东方", "Dongfang"],
  ["中国新", "China New"],
];

/** Splits `total` into parts proportional to `weights` (largest remainder), each part >= 0. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (let j = 0; left > 0; j = (j + 1) % order.length, left--) out[order[j]![1]]! += 1;
  return out;
}

function creditCode(division: string, n: number): string {
  // The enterprise's number in base 31 makes the nine body characters unique.
  let body = "";
  for (let v = n, i = 0; i < 9; i++, v = Math.floor(v / 31))
    body = CREDIT_CODE_ALPHABET[v % 31] + body;
  return withCheckCharacter(`91${division}${body}`);
}

export function buildOrg(preset: Preset, salt: string, rng: Rng): Org {
  const regions = REGIONS.slice(0, preset.provinces);
  const centralId = uid(salt, "supervisor", 0);
  const supervisors: GenSupervisor[] = [
    {
      id: centralId,
      code: "SASAC-SC",
      slug: "central",
      nameZh: "国务院国资委",
      nameEn: "State Council SASAC",
      level: "CENTRAL",
      region: null,
      parentId: null,
    },
    ...regions.map((r, i) => ({
      id: uid(salt, "supervisor", i + 1),
      code: `SASAC-${r.code}`,
      slug: r.slug,
      nameZh: `${r.zh}国资委`,
      nameEn: `${r.en} SASAC`,
      level: "PROVINCIAL" as const,
      region: r.code,
      parentId: centralId,
    })),
  ];

  type GroupSpec = {
    code: string;
    zh: string;
    en: string;
    sup: number;
    division: string;
    w: number;
  };
  const groups: GroupSpec[] = [];
  for (let i = 0; i < preset.centralGroups; i++) {
    const [pz, pe] = CENTRAL_PREFIXES[i % CENTRAL_PREFIXES.length]!;
    const [iz, ie] = INDUSTRIES[Math.floor(i / CENTRAL_PREFIXES.length) % INDUSTRIES.length]!;
    const round = Math.floor(i / (CENTRAL_PREFIXES.length * INDUSTRIES.length));
    const suffix = round ? String(round + 1) : "";
    groups.push({
      code: `CG${String(i + 1).padStart(3, "0")}`,
      zh: `${pz}${iz}${suffix}`,
      en: `${pe} ${ie}${suffix ? ` ${suffix}` : ""}`,
      sup: 0,
      division: "110000",
      w: 4 * (0.3 + rng.float() ** 2 * 2),
    });
  }
  regions.forEach((r, ri) => {
    const count = Math.max(1, Math.round(preset.groupsPerProvince * (0.5 + rng.float())));
    for (let j = 0; j < count; j++) {
      const [iz, ie] = INDUSTRIES[(j + ri) % INDUSTRIES.length]!;
      const round = Math.floor(j / INDUSTRIES.length);
      groups.push({
        code: `${r.code}-G${String(j + 1).padStart(2, "0")}`,
        zh: `${r.zh.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$/, "")}${iz}${round ? round + 1 : ""}`,
        en: `${r.en} ${ie}${round ? ` ${round + 1}` : ""}`,
        sup: ri + 1,
        division: r.division,
        w: 0.3 + rng.float() ** 2 * 2,
      });
    }
  });
  if (groups.length > preset.enterprises) throw new Error("more groups than enterprises");
  const sizes = apportion(
    preset.enterprises - groups.length,
    groups.map((g) => g.w),
  ).map((s) => s + 1);

  const enterprises: GenEnterprise[] = [];
  const closure: Org["closure"] = [];
  groups.forEach((g, gi) => {
    const supervisor = supervisors[g.sup]!;
    const nodes: { e: GenEnterprise; path: string[]; children: number }[] = [];
    const eligible: number[] = []; // nodes that may still take children (depth < maxDepth)
    for (let i = 0; i < sizes[gi]!; i++) {
      const n = enterprises.length;
      const parent =
        i === 0 ? undefined : nodes[eligible[Math.floor(rng.float() * eligible.length)]!]!;
      const depth = parent ? parent.e.depth + 1 : 0;
      const [kz, ke] = SUBSIDIARY_KINDS[i % SUBSIDIARY_KINDS.length]!;
      if (parent) parent.children += 1;
      const id = uid(salt, "enterprise", n);
      const e: GenEnterprise = {
        n,
        id,
        code: parent ? `${g.code}-${String(i).padStart(4, "0")}` : g.code,
        creditCode: creditCode(g.division, n),
        nameZh: parent ? `${g.zh}${kz}第${i}有限公司` : `${g.zh}集团有限公司`,
        nameEn: parent ? `${g.en} ${ke} No. ${i} Co., Ltd.` : `${g.en} Group Co., Ltd.`,
        shortNameZh: parent ? `${g.zh}${kz}${i}` : g.zh,
        shortNameEn: parent ? `${g.en} ${ke} ${i}` : g.en,
        parentId: parent?.e.id ?? null,
        rootId: parent ? parent.e.rootId : id,
        depth,
        supervisorId: supervisor.id,
        region: supervisor.region,
        industryZh: INDUSTRIES[gi % INDUSTRIES.length]![0],
        industryEn: INDUSTRIES[gi % INDUSTRIES.length]![1],
        sortOrder: parent ? parent.children * 10 : (gi + 1) * 10,
      };
      const path = [...(parent?.path ?? []), id];
      path.forEach((a, k) =>
        closure.push({ ancestorId: a, descendantId: id, depth: path.length - 1 - k }),
      );
      nodes.push({ e, path, children: 0 });
      if (depth < preset.maxDepth) eligible.push(i);
      enterprises.push(e);
    }
  });
  return { supervisors, enterprises, closure };
}
