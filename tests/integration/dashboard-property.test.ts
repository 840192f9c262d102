/**
 * Exact roll-ups from history: for random viewers, programmes, nodes (whole scope, supervisor,
 * group, subsidiary) and days across the programme, getDashboard's headline, weighted progress,
 * categories and children equal a brute-force recomputation in TypeScript from the raw history
 * rows (attribute spans, status events and progress entries, the tree walked over closure spans,
 * supervisor spans). Before sampling, history is changed through the lib/history writers (items
 * made not applicable, a task reclassified, a subsidiary moved to another group and supervisor),
 * and days are drawn around those changes too, so the figures before and after each must hold.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { completionRate } from "@/lib/dashboard/targets";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { addDays, chinaDay, endOfChinaDay, isoDay, parseIsoDay } from "@/lib/time";
import { actorFor } from "./fixtures";
import { changeHistory, itemAt, loadHistory, type Item, type TreeHistory } from "./history-brute";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const actors: Actor[] = [];
let items: Item[];
let tree: TreeHistory;
let changes: Date[];
let touched: Node[];
let enterprises: { id: string; parentId: string | null; supervisorId: string }[];
let programmes: { id: string; startDate: Date; endDate: Date }[];
let supervisorIds: string[];
const parentOf = new Map<string, string | null>();
const supervisorOf = new Map<string, string>();

beforeAll(async () => {
  db = await seededTestDatabase();
  const admin = { ...(await actorFor(db.prisma, "admin")), scopeAll: true };
  const changed = await changeHistory(db.prisma, admin);
  changes = changed.instants;
  touched = changed.nodes.map((n) =>
    n.supervisorId
      ? { type: "supervisor", id: n.supervisorId }
      : { type: "enterprise", id: n.enterpriseId! },
  );
  for (const name of ["manager", "reviewer-hunan", "reviewer-central", "liaison-crrc"])
    actors.push(await actorFor(db.prisma, name));
  ({ items, tree } = await loadHistory(db.prisma));
  enterprises = await db.prisma.enterprise.findMany({
    select: { id: true, parentId: true, supervisorId: true },
  });
  for (const e of enterprises) {
    parentOf.set(e.id, e.parentId);
    supervisorOf.set(e.id, e.supervisorId);
  }
  programmes = await db.prisma.programme.findMany({
    select: { id: true, startDate: true, endDate: true },
  });
  supervisorIds = [...new Set(enterprises.map((e) => e.supervisorId))];
}, 120_000);
afterAll(async () => {
  await db?.drop();
});

/** The viewer's scope is as of now: the current tree (parentId) and supervisors. */
function path(enterpriseId: string): string[] {
  const out: string[] = [];
  for (let id: string | null = enterpriseId; id; id = parentOf.get(id) ?? null) out.push(id);
  return out;
}

function inScope(actor: Actor, enterpriseId: string) {
  if (actor.scopeAll) return true;
  if (actor.supervisorIds.includes(supervisorOf.get(enterpriseId)!)) return true;
  return path(enterpriseId).some((id) => actor.enterpriseIds.includes(id));
}

/** Membership of a node is as of the instant: the tree and supervisors as recorded then. */
type Node = { type: "scope" } | { type: "supervisor" | "enterprise"; id: string };
const inNode = (node: Node, enterpriseId: string, at: Date) =>
  node.type === "scope" ||
  (node.type === "supervisor"
    ? tree.supervisorAt(enterpriseId, at) === node.id
    : tree.pathAt(enterpriseId, at).includes(node.id));

type Row = NonNullable<ReturnType<typeof itemAt>> & { weight100: number };

function figures(rows: Row[]) {
  const completed = rows.filter((r) => r.completed).length;
  const den = rows.reduce((s, r) => s + r.weight100, 0);
  const num = rows.reduce((s, r) => s + r.weight100 * (r.completed ? 100 : r.percentDone), 0);
  return {
    total: rows.length,
    completed,
    ratePercent: completionRate(completed, rows.length),
    // round(num / den, 2), half up, in integers
    weighted: den ? Math.floor((200 * num + den) / (2 * den)) / 100 : null,
    pending: rows.filter((r) => r.claimPending).length,
  };
}

function bruteChildren(actor: Actor, node: Node, at: Date): Node[] {
  const visible = enterprises.filter((e) => inScope(actor, e.id) && tree.exists(e.id, at));
  if (node.type === "enterprise")
    return visible
      .filter((e) => tree.parentAt(e.id, at) === node.id)
      .map((e) => ({ type: "enterprise", id: e.id }));
  if (node.type === "supervisor")
    return visible
      .filter((e) => tree.parentAt(e.id, at) === null && tree.supervisorAt(e.id, at) === node.id)
      .map((e) => ({ type: "enterprise", id: e.id }));
  if (actor.scopeAll) {
    const then = new Set(enterprises.map((e) => tree.supervisorAt(e.id, at)));
    return supervisorIds.filter((id) => then.has(id)).map((id) => ({ type: "supervisor", id }));
  }
  const grants = actor.enterpriseIds.filter(
    (id) =>
      !actor.supervisorIds.includes(supervisorOf.get(id)!) &&
      !path(id)
        .slice(1)
        .some((a) => actor.enterpriseIds.includes(a)),
  );
  return [
    ...actor.supervisorIds.map((id) => ({ type: "supervisor" as const, id })),
    ...grants.map((id) => ({ type: "enterprise" as const, id })),
  ];
}

const scenario = fc.record({
  actor: fc.nat(),
  programme: fc.nat(),
  node: fc.nat(),
  // Half the nodes are ones the move touched (when the viewer may see them), on days around it.
  touched: fc.boolean(),
  dayOffset: fc.double({ min: -0.05, max: 1.1, noNaN: true }),
  // Half the days fall within 40 days of a change made to history.
  near: fc.option(fc.record({ change: fc.nat(), days: fc.integer({ min: -40, max: 40 }) })),
});

describe("dashboard roll-ups equal a brute-force recomputation from history", () => {
  it("for random viewers, nodes and days, around changes to history", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const actor = actors[s.actor % actors.length]!;
        const programme = programmes[s.programme % programmes.length]!;
        const span = programme.endDate.getTime() - programme.startDate.getTime();
        // The move (the last change) goes with the nodes it touched.
        const own = s.touched ? changes.slice(-1) : changes;
        expect(actors[0]!.scopeAll).toBe(true); // the examples below rely on it
        const day = s.near
          ? addDays(chinaDay(own[s.near.change % own.length]!), s.near.days)
          : new Date(
              Math.floor((programme.startDate.getTime() + s.dayOffset * span) / 86_400_000) *
                86_400_000,
            );
        const asOf = isoDay(day);
        const at = endOfChinaDay(day);
        const visible = enterprises.filter((e) => inScope(actor, e.id));
        const candidates: Node[] = [
          { type: "scope" },
          ...supervisorIds
            .filter((id) => actor.scopeAll || actor.supervisorIds.includes(id))
            .map((id) => ({ type: "supervisor" as const, id })),
          ...visible.map((e) => ({ type: "enterprise" as const, id: e.id })),
        ];
        const seen = touched.filter((t) =>
          candidates.some(
            (c) => c.type === t.type && "id" in c && c.id === (t as { id: string }).id,
          ),
        );
        const pool = s.touched && seen.length ? seen : candidates;
        const node = pool[s.node % pool.length]!;
        const answer = await getDashboard(actor, {
          programmeId: programme.id,
          asOf,
          compareTo: isoDay(addDays(day, -31)),
          ...(node.type === "supervisor" ? { supervisorId: node.id } : {}),
          ...(node.type === "enterprise" ? { enterpriseId: node.id } : {}),
        });
        const population = (at: Date, extra: (r: Row, i: Item) => boolean = () => true) =>
          items.flatMap((i): Row[] => {
            if (i.programmeId !== programme.id) return [];
            const r = itemAt(i, at);
            if (!r || !r.isMain || r.notApplicable) return [];
            if (!inScope(actor, i.enterpriseId) || !inNode(node, i.enterpriseId, at)) return [];
            const row = { ...r, weight100: i.weight100 };
            return extra(row, i) ? [row] : [];
          });
        const expected = figures(population(at));
        const label = { asOf, node, actor: actor.username };
        expect({ ...label, ...pick(answer.headline), w: answer.weightedProgressPercent }).toEqual({
          ...label,
          total: expected.total,
          completed: expected.completed,
          ratePercent: expected.ratePercent,
          pendingClaims: expected.pending,
          w: expected.weighted,
        });
        const before = endOfChinaDay(addDays(day, -31));
        const then = figures(population(before));
        expect(answer.compare).toMatchObject({ total: then.total, completed: then.completed });
        expect(answer.trend.at(-1) ?? null).toEqual(
          day >= programme.startDate
            ? expect.objectContaining({ total: expected.total, completed: expected.completed })
            : null,
        );
        // Every point (month ends: a group's from its monthly roll-up) is the population then.
        const points = answer.trend.map((p) => ({
          asOf: p.asOf,
          total: p.total,
          done: p.completed,
        }));
        expect({ ...label, points }).toEqual({
          ...label,
          points: answer.trend.map((p) => {
            const f = figures(population(endOfChinaDay(parseIsoDay(p.asOf))));
            return { asOf: p.asOf, total: f.total, done: f.completed };
          }),
        });
        for (const c of answer.byCategory) {
          const f = figures(population(at, (r) => r.categoryId === c.categoryId));
          expect({ ...label, c: c.code, total: c.total, completed: c.completed }).toEqual({
            ...label,
            c: c.code,
            total: f.total,
            completed: f.completed,
          });
        }
        const children = bruteChildren(actor, node, at);
        expect(answer.children.map((c) => c.id).sort()).toEqual(
          children.map((c) => (c as { id: string }).id).sort(),
        );
        for (const c of answer.children) {
          const f = figures(population(at, (_, i) => inNode(c as Node, i.enterpriseId, at)));
          expect({ ...label, child: c.id, ...pick(c), w: c.weightedProgressPercent }).toEqual({
            ...label,
            child: c.id,
            total: f.total,
            completed: f.completed,
            ratePercent: f.ratePercent,
            w: f.weighted,
          });
        }
      }),
      {
        numRuns: 30,
        seed: 20261215,
        // Always: the national viewer on the old and the new group of the moved subsidiary, the
        // day before and the day after the move, in each programme.
        examples: [0, 1].flatMap((programme) =>
          [0, 1].flatMap((node) =>
            [-1, 1].map((days) => [
              { actor: 0, programme, node, touched: true, dayOffset: 0, near: { change: 0, days } },
            ]),
          ),
        ),
      },
    );
  }, 120_000);
});

function pick(f: {
  total: number;
  completed: number;
  ratePercent: number | null;
  pendingClaims?: number;
}) {
  return {
    total: f.total,
    completed: f.completed,
    ratePercent: f.ratePercent,
    ...(f.pendingClaims !== undefined ? { pendingClaims: f.pendingClaims } : {}),
  };
}
