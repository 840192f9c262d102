/**
 * Which tasks each enterprise carries (its work ledger) and what becomes of each ledger item:
 * completed in some month, still open, awaiting review, not started or not applicable. The plan
 * is shaped so the headline main-task completion rate is about 70% at the end of 2024 and about
 * 92% at the end of 2025, with a few percent still open now; the CRRC and China Telecom trees
 * keep enough open main items for the tests to record progress and claim completion on.
 */
import { randomUUID } from "node:crypto";
import { INDICATOR_OVERRIDES, unitPlaces, type Catalogue, type CatalogueTask } from "./catalogue";
import { DEPARTMENTS, officePhone, personName } from "./people-cases";
import { indexOfDay, periodEnd, type Rng } from "./random";
import type { Org, OrgEnterprise } from "./supervisors-enterprises";

/** Month indexes (0 = January 2023) of the reporting history. */
export const FIRST_PERIOD = 2; // 2023-03
export const LAST_PERIOD = 45; // 2026-10, the open round
const LAST_2024 = 22; // claims for 2024-11 are approved in December 2024
const FIRST_2025 = 23;
const LAST_2025 = 34;

export type Fate =
  | { kind: "completed"; claim: number; returned: boolean }
  | { kind: "open"; last: number; finalPct: number; stalled: boolean; reserved: boolean }
  | { kind: "claimed" }
  | { kind: "notStarted" }
  | { kind: "na"; reason: string };

export type ItemPlan = {
  id: string;
  enterprise: OrgEnterprise;
  region: string | null;
  task: CatalogueTask;
  category: string;
  due: Date;
  dueIdx: number;
  start: number;
  fate: Fate;
  dept: string;
  person: string;
  phone: string;
  /** Effective baseline and target per indicator id (task default or the enterprise's own). */
  indicatorTargets: Map<string, { base: number; target: number; override: boolean }>;
};

const NA_REASONS: Record<string, string> = {
  "SDU-C05-01": "本企业无亏损子企业，经国资委同意不涉及此项任务。",
  "SDU-C05-02": "本企业无长期亏损企业，经国资委同意不涉及此项任务。",
  "SDU-C10-02": "本企业为国有独资企业，不涉及混改企业党组织关系调整。",
  "SDU-C07-04": "本企业无控股上市公司，不涉及此项任务。",
};
const NA_GENERIC = "该任务由集团总部统一实施，经国资委同意本企业不单独列项。";

function chooseTasks(node: OrgEnterprise, tasks: CatalogueTask[], rng: Rng): CatalogueTask[] {
  const eligible = node.depth === 0 ? tasks : tasks.filter((t) => t.scope === "A");
  const n = node.depth === 0 ? rng.int(18, 25) : rng.int(7, 12);
  const chosen = new Set(rng.shuffle(eligible).slice(0, n));
  for (const o of INDICATOR_OVERRIDES) {
    const forced = tasks.find((t) => t.code === o.task);
    if (o.enterprise === node.code && forced) chosen.add(forced);
  }
  return [...chosen].sort((a, b) => a.code.localeCompare(b.code));
}

function scaled(value: number, factor: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * factor * f) / f;
}

function effectiveTargets(node: OrgEnterprise, task: CatalogueTask, rng: Rng) {
  const out = new Map<string, { base: number; target: number; override: boolean }>();
  for (const ind of task.indicators) {
    const explicit = INDICATOR_OVERRIDES.find(
      (o) => o.enterprise === node.code && o.task === task.code && o.indicator === ind.code,
    );
    if (explicit) {
      out.set(ind.id, { base: explicit.base, target: explicit.target, override: true });
    } else if (
      node.depth > 0 &&
      (ind.unit === "COUNT" || ind.unit === "PERSON" || ind.unit === "YUAN_100M")
    ) {
      // A subsidiary's share of a group-sized figure.
      const factor = rng.pick([0.2, 0.3, 0.4, 0.5]);
      const places = unitPlaces(ind.unit);
      const base = scaled(ind.base, factor, places);
      let target = scaled(ind.target, factor, places);
      if (target === base) target = ind.target > ind.base ? base + 1 : Math.max(0, base - 1);
      out.set(ind.id, { base, target, override: true });
    } else {
      out.set(ind.id, { base: ind.base, target: ind.target, override: false });
    }
  }
  return out;
}

/** Approximately normal noise, mean 0, standard deviation about 1. */
function noise(rng: Rng): number {
  return (rng.float() + rng.float() + rng.float() + rng.float() - 2) * 1.7;
}

/** Skewed towards the late end of [lo, hi] when `late` > 1. */
function within(rng: Rng, lo: number, hi: number, late = 1): number {
  if (hi <= lo) return lo;
  return lo + Math.floor(rng.float() ** (1 / late) * (hi - lo + 1));
}

export function planItems(
  org: Org,
  catalogue: Catalogue,
  ownership: Map<string, string>,
  rng: Rng,
): ItemPlan[] {
  const plans: ItemPlan[] = [];
  for (const node of org.nodes) {
    const r = rng.fork(node.code);
    const region = org.enterprises.find((e) => e.id === node.id)?.region ?? null;
    for (const task of chooseTasks(node, catalogue.catalogueTasks, r)) {
      let dueIdx = indexOfDay(task.due);
      // Some enterprises commit to an earlier date than the catalogue's.
      if (r.chance(0.18))
        dueIdx = Math.max(indexOfDay(new Date(Date.UTC(2024, 2, 31))), dueIdx - r.pick([3, 6]));
      const category = task.code.slice(4, 7);
      let fate: Fate | null = null;
      const naReason = NA_REASONS[task.code];
      if (
        task.code === "SDU-C10-02" &&
        ownership.get(node.id) === "WHOLLY_STATE_OWNED" &&
        r.chance(0.5)
      )
        fate = { kind: "na", reason: naReason! };
      else if (naReason && task.code !== "SDU-C10-02" && r.chance(0.08))
        fate = { kind: "na", reason: naReason };
      else if (r.chance(0.008)) fate = { kind: "na", reason: NA_GENERIC };
      plans.push({
        id: randomUUID(),
        enterprise: node,
        region,
        task,
        category,
        due: periodEnd(dueIdx),
        dueIdx,
        start: FIRST_PERIOD + r.int(0, 2),
        fate: fate ?? { kind: "notStarted" },
        dept: r.pick(DEPARTMENTS[category] ?? ["改革办"]),
        person: personName(r),
        phone: officePhone(region, r),
        indicatorTargets: effectiveTargets(node, task, r),
      });
    }
  }
  decideFates(plans, rng.fork("fates"));
  return plans;
}

const isNa = (p: ItemPlan) => p.fate.kind === "na";

function decideFates(plans: ItemPlan[], rng: Rng) {
  const decided = new Set<ItemPlan>(plans.filter(isNa));
  const open = (p: ItemPlan, reserved: boolean) => {
    const last = reserved
      ? rng.chance(0.65)
        ? LAST_PERIOD
        : LAST_PERIOD - 1
      : LAST_PERIOD - rng.int(0, 6);
    const finalPct = reserved ? rng.int(45, 88) : rng.int(30, 85);
    p.fate = { kind: "open", last, finalPct, stalled: !reserved && rng.chance(0.5), reserved };
    decided.add(p);
  };

  // Reserved open and awaiting-review main items, tree by tree.
  const reserve = (filter: (p: ItemPlan) => boolean, nOpen: number, nClaimed: number) => {
    const candidates = rng.shuffle(
      plans.filter((p) => p.task.isMain && !decided.has(p) && filter(p)),
    );
    candidates.sort(
      (a, b) => Number(b.task.indicators.length > 0) - Number(a.task.indicators.length > 0),
    );
    candidates.slice(0, nOpen).forEach((p) => open(p, true));
    rng
      .shuffle(candidates.slice(nOpen))
      .slice(0, nClaimed)
      .forEach((p) => {
        p.fate = { kind: "claimed" };
        decided.add(p);
      });
  };
  // CRRC's tree: 8 open (3 on the group itself, 3 on CRRC ZELC) and 2 awaiting review (on
  // subsidiaries, so a group's own open items are all IN_PROGRESS); China Telecom likewise.
  // liaison-zhuzhou's open main items are all on CRRC ZELC itself, none below it: in a two-level
  // close-off their claims are confirmed by CRRC, the group above them.
  const sub = (root: string) => (p: ItemPlan) =>
    p.enterprise.rootCode === root && p.enterprise.depth > 0;
  const belowZelc = (p: ItemPlan) =>
    p.enterprise.path.includes("CRRC-ZELC") && p.enterprise.code !== "CRRC-ZELC";
  reserve((p) => p.enterprise.code === "CRRC", 3, 0);
  reserve((p) => p.enterprise.code === "CRRC-ZELC", 3, 0);
  reserve(belowZelc, 0, 1);
  reserve((p) => sub("CRRC")(p) && !p.enterprise.path.includes("CRRC-ZELC"), 2, 1);
  reserve((p) => p.enterprise.code === "TELECOM", 3, 0);
  reserve(sub("TELECOM"), 5, 1);
  reserve((p) => p.enterprise.supervisorCode === "SASAC-HN", 3, 1);
  reserve(
    (p) =>
      p.enterprise.supervisorCode === "SASAC-SC" &&
      !["CRRC", "TELECOM"].includes(p.enterprise.rootCode),
    3,
    0,
  );
  reserve((p) => p.enterprise.supervisorCode === "SASAC-CQ", 1, 0);

  // A few more laggards anywhere.
  for (const p of plans)
    if (p.task.isMain && !decided.has(p) && !belowZelc(p) && rng.chance(0.012)) open(p, false);

  // Main items: completion buckets by due date plus noise, in exact proportions of all main items.
  const main = plans.filter((p) => p.task.isMain && !isNa(p));
  const toComplete = main.filter((p) => !decided.has(p));
  const scored = toComplete
    .map((p) => ({ p, score: p.dueIdx + noise(rng) * 5 }))
    .sort((a, b) => a.score - b.score);
  const by2024 = Math.round(main.length * 0.705);
  const by2025 = Math.round(main.length * 0.925);
  scored.forEach(({ p }, i) => {
    const bucket = i < by2024 ? 1 : i < by2025 ? 2 : 3;
    p.fate = { kind: "completed", claim: claimPeriod(p, bucket, rng), returned: false };
  });

  // Items outside the headline: most completed, some open, a few never started.
  for (const p of plans) {
    if (p.task.isMain || isNa(p)) continue;
    const inTestTrees = ["CRRC", "TELECOM"].includes(p.enterprise.rootCode);
    const u = rng.float();
    if (u < 0.68)
      p.fate = { kind: "completed", claim: within(rng, 18, LAST_PERIOD - 1), returned: false };
    else if (u < 0.9 || inTestTrees) open(p, false);
    else p.fate = { kind: "notStarted" };
  }

  for (const p of plans) {
    if (p.fate.kind !== "completed") continue;
    p.start = Math.min(p.start, p.fate.claim - 2);
    p.fate.returned = p.fate.claim - p.start >= 5 && rng.chance(0.07);
  }
}

/** The period whose completion claim is approved in the bucket's year (1: 2024, 2: 2025, 3: 2026). */
function claimPeriod(p: ItemPlan, bucket: number, rng: Rng): number {
  if (bucket === 1) return within(rng, 7, Math.max(7, Math.min(p.dueIdx - 1, LAST_2024)), 1.6);
  if (bucket === 2) {
    const hi = p.dueIdx - 1 >= FIRST_2025 ? Math.min(p.dueIdx - 1, LAST_2025) : FIRST_2025 + 9;
    return within(rng, FIRST_2025, hi, 1.3);
  }
  return within(rng, LAST_2025 + 1, LAST_PERIOD - 1, 0.7);
}
