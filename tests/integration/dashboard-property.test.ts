/**
 * Exact roll-ups: for random viewers, programmes, nodes (whole scope, supervisor, group,
 * subsidiary) and days across the programme, getDashboard's headline, weighted progress,
 * categories and children equal a brute-force recomputation in TypeScript from the raw rows
 * (items, completedAt/claimedAt history, task weights, the tree by parentId).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { completionRate } from "@/lib/dashboard/targets";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { addDays, endOfChinaDay, isoDay } from "@/lib/time";
import { actorFor } from "./fixtures";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const actors: Actor[] = [];
type Item = {
  id: string;
  programmeId: string;
  categoryId: string;
  enterpriseId: string;
  isMain: boolean;
  notApplicable: boolean;
  createdAt: Date;
  completedAt: Date | null;
  claimedAt: Date | null;
  percentDone: number;
  weight100: number;
};
let items: Item[];
let enterprises: { id: string; parentId: string | null; supervisorId: string }[];
let programmes: { id: string; startDate: Date; endDate: Date }[];
let supervisorIds: string[];
const parentOf = new Map<string, string | null>();
const supervisorOf = new Map<string, string>();

beforeAll(async () => {
  db = await seededTestDatabase();
  for (const name of ["manager", "reviewer-hunan", "reviewer-central", "liaison-crrc"])
    actors.push(await actorFor(db.prisma, name));
  const raw = await db.prisma.ledgerItem.findMany({
    select: {
      id: true,
      programmeId: true,
      categoryId: true,
      enterpriseId: true,
      isMain: true,
      notApplicable: true,
      createdAt: true,
      completedAt: true,
      claimedAt: true,
      percentDone: true,
      task: { select: { weight: true } },
    },
  });
  items = raw.map(({ task, ...i }) => ({ ...i, weight100: Math.round(Number(task.weight) * 100) }));
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
});
afterAll(async () => {
  await db?.drop();
});

/** The enterprise and its ancestors, by walking parentId (not the closure table). */
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

type Node = { type: "scope" } | { type: "supervisor" | "enterprise"; id: string };
const inNode = (node: Node, enterpriseId: string) =>
  node.type === "scope" ||
  (node.type === "supervisor"
    ? supervisorOf.get(enterpriseId) === node.id
    : path(enterpriseId).includes(node.id));

function figures(rows: Item[], at: Date) {
  const done = (i: Item) => i.completedAt !== null && i.completedAt <= at;
  const completed = rows.filter(done).length;
  const den = rows.reduce((s, i) => s + i.weight100, 0);
  const num = rows.reduce((s, i) => s + i.weight100 * (done(i) ? 100 : i.percentDone), 0);
  return {
    total: rows.length,
    completed,
    ratePercent: completionRate(completed, rows.length),
    // round(num / den, 2), half up, in integers
    weighted: den ? Math.floor((200 * num + den) / (2 * den)) / 100 : null,
    pending: rows.filter((i) => !done(i) && i.claimedAt !== null && i.claimedAt <= at).length,
  };
}

function bruteChildren(actor: Actor, node: Node): Node[] {
  const visible = enterprises.filter((e) => inScope(actor, e.id));
  if (node.type === "enterprise")
    return visible
      .filter((e) => e.parentId === node.id)
      .map((e) => ({ type: "enterprise", id: e.id }));
  if (node.type === "supervisor")
    return visible
      .filter((e) => e.parentId === null && e.supervisorId === node.id)
      .map((e) => ({ type: "enterprise", id: e.id }));
  if (actor.scopeAll) return supervisorIds.map((id) => ({ type: "supervisor", id }));
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
  dayOffset: fc.double({ min: -0.05, max: 1.1, noNaN: true }),
});

describe("dashboard roll-ups equal a brute-force recomputation", () => {
  it("for random viewers, nodes and days", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const actor = actors[s.actor % actors.length]!;
        const programme = programmes[s.programme % programmes.length]!;
        const span = programme.endDate.getTime() - programme.startDate.getTime();
        const day = new Date(
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
        const node = candidates[s.node % candidates.length]!;
        const answer = await getDashboard(actor, {
          programmeId: programme.id,
          asOf,
          compareTo: isoDay(addDays(day, -31)),
          ...(node.type === "supervisor" ? { supervisorId: node.id } : {}),
          ...(node.type === "enterprise" ? { enterpriseId: node.id } : {}),
        });
        const population = (at: Date, extra: (i: Item) => boolean = () => true) =>
          items.filter(
            (i) =>
              i.programmeId === programme.id &&
              i.isMain &&
              !i.notApplicable &&
              i.createdAt <= at &&
              inScope(actor, i.enterpriseId) &&
              inNode(node, i.enterpriseId) &&
              extra(i),
          );
        const expected = figures(population(at), at);
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
        const then = figures(population(before), before);
        expect(answer.compare).toMatchObject({ total: then.total, completed: then.completed });
        expect(answer.trend.at(-1) ?? null).toEqual(
          day >= programme.startDate
            ? expect.objectContaining({ total: expected.total, completed: expected.completed })
            : null,
        );
        for (const c of answer.byCategory) {
          const f = figures(
            population(at, (i) => i.categoryId === c.categoryId),
            at,
          );
          expect({ ...label, c: c.code, total: c.total, completed: c.completed }).toEqual({
            ...label,
            c: c.code,
            total: f.total,
            completed: f.completed,
          });
        }
        const children = bruteChildren(actor, node);
        expect(answer.children.map((c) => c.id).sort()).toEqual(
          children.map((c) => (c as { id: string }).id).sort(),
        );
        for (const c of answer.children) {
          const member = (i: Item) => inNode(c as Node, i.enterpriseId);
          const f = figures(population(at, member), at);
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
      { numRuns: 25, seed: 20261215 },
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
