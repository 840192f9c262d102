/**
 * The roll-ups written in SQL against the Prisma scope filter: the same rows, the same counts.
 * The Prisma path (ledgerItemScopeWhere, count()) is the reference.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeSql, enterpriseScopeWhere, ledgerItemScopeWhere } from "@/lib/auth/scope";
import { completionByCategory, completionBySupervisor } from "@/lib/dashboard/breakdowns";
import { defaultProgramme, mainTaskCompletion } from "@/lib/dashboard/completion";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { listGroupSummaries } from "@/lib/dashboard/groups";
import { completionTrend } from "@/lib/dashboard/trend";
import { Prisma } from "@/lib/generated/prisma/client";
import { ledgerStatusSummary } from "@/lib/ledger/overview";
import { chinaDay, endOfChinaDay } from "@/lib/time";
import { actorFor } from "./fixtures";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const actors: Record<string, Actor> = {};
let programmeId: string;

beforeAll(async () => {
  db = await seededTestDatabase();
  for (const name of [
    "admin",
    "manager",
    "reviewer-central",
    "reviewer-hunan",
    "liaison-crrc",
    "liaison-telecom",
    "liaison-zhuzhou",
  ]) {
    actors[name] = await actorFor(db.prisma, name);
  }
  const crrc = actors["liaison-crrc"]!;
  const hunan = actors["reviewer-hunan"]!;
  // Synthetic grants: none at all, and a supervisor grant mixed with a subtree grant.
  actors.none = { ...crrc, scopeAll: false, supervisorIds: [], enterpriseIds: [] };
  actors.mixed = { ...crrc, supervisorIds: hunan.supervisorIds, enterpriseIds: crrc.enterpriseIds };
  programmeId = (await defaultProgramme())!.id;
});
afterAll(async () => {
  await db?.drop();
});

const names = () => Object.keys(actors);
// Whole days (read from the roll-up where it stands for the viewer), today's end, and now (raw).
const asOfs = [
  new Date("2024-06-30T15:59:59.999Z"),
  new Date("2025-12-31T15:59:59.999Z"),
  endOfChinaDay(chinaDay()),
  new Date(),
];

/** The headline figure's counts through Prisma's own filter, as the reference. */
async function referenceCounts(actor: Actor, asOf: Date, extra: Prisma.LedgerItemWhereInput = {}) {
  const where: Prisma.LedgerItemWhereInput = {
    AND: [
      ledgerItemScopeWhere(actor),
      { programmeId, isMain: true, notApplicable: false, createdAt: { lte: asOf } },
      extra,
    ],
  };
  const [total, completed] = await Promise.all([
    db.prisma.ledgerItem.count({ where }),
    db.prisma.ledgerItem.count({ where: { AND: [where, { completedAt: { lte: asOf } }] } }),
  ]);
  return { total, completed };
}

describe("enterpriseScopeSql selects what enterpriseScopeWhere selects", () => {
  it.each([
    "admin",
    "manager",
    "reviewer-central",
    "reviewer-hunan",
    "liaison-crrc",
    "liaison-telecom",
    "liaison-zhuzhou",
    "none",
    "mixed",
  ])("for %s", async (name) => {
    const actor = actors[name]!;
    const viaPrisma = await db.prisma.enterprise.findMany({
      where: enterpriseScopeWhere(actor),
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const viaSql = await db.prisma.$queryRaw<{ id: string }[]>`
        SELECT e."id"::text AS "id" FROM "Enterprise" e
        WHERE ${enterpriseScopeSql(actor, Prisma.raw(`e."id"`))} ORDER BY e."id"`;
    expect(viaSql.map((r) => r.id)).toEqual(viaPrisma.map((r) => r.id));
    const items = await db.prisma.ledgerItem.count({ where: ledgerItemScopeWhere(actor) });
    const [sqlItems] = await db.prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS "n" FROM "LedgerItem" li
        WHERE ${enterpriseScopeSql(actor, Prisma.raw(`li."enterpriseId"`))}`;
    expect(sqlItems!.n).toBe(items);
    if (name === "none") expect(items).toBe(0);
    else if (name !== "admin") expect(items).toBeGreaterThan(0);
  });
});

describe("the headline metric in one statement", () => {
  it("matches the Prisma counts for every actor and date", async () => {
    for (const name of names()) {
      for (const asOf of asOfs) {
        const figure = await mainTaskCompletion(actors[name]!, { asOf });
        if (name === "manager" && asOf === asOfs[2]) expect(figure!.completed).toBeGreaterThan(0);
        expect({ name, total: figure!.total, completed: figure!.completed }).toEqual({
          name,
          ...(await referenceCounts(actors[name]!, asOf)),
        });
      }
    }
  });

  it("on the home pages counts today's whole day: the dashboard's headline for today", async () => {
    for (const name of ["manager", "reviewer-central", "reviewer-hunan", "liaison-crrc", "mixed"]) {
      const figure = (await mainTaskCompletion(actors[name]!, { programmeId }))!;
      expect(figure.asOf).toEqual(endOfChinaDay(chinaDay()));
      const dashboard = await getDashboard(actors[name]!, { programmeId });
      expect({ name, total: figure.total, completed: figure.completed }).toEqual({
        name,
        total: dashboard.headline.total,
        completed: dashboard.headline.completed,
      });
    }
  });

  it("matches for one enterprise's subtree", async () => {
    const crrcId = actors["liaison-crrc"]!.enterpriseIds[0]!;
    for (const name of ["manager", "reviewer-central", "liaison-crrc", "reviewer-hunan"]) {
      const figure = await mainTaskCompletion(actors[name]!, { enterpriseId: crrcId });
      const reference = await referenceCounts(actors[name]!, figure!.asOf, {
        enterprise: { ancestors: { some: { ancestorId: crrcId } } },
      });
      expect({ name, total: figure!.total, completed: figure!.completed }).toEqual({
        name,
        ...reference,
      });
    }
  });
});

describe("breakdowns", () => {
  it("per supervisor and per category add up to the headline, and match Prisma per row", async () => {
    for (const name of ["manager", "reviewer-central", "reviewer-hunan", "liaison-crrc", "mixed"]) {
      const actor = actors[name]!;
      const headline = (await mainTaskCompletion(actor, { programmeId }))!;
      const [bySupervisor, byCategory] = await Promise.all([
        completionBySupervisor(actor, programmeId, headline.asOf),
        completionByCategory(actor, programmeId, headline.asOf),
      ]);
      for (const rows of [bySupervisor, byCategory]) {
        expect(rows.reduce((s, r) => s + r.total, 0)).toBe(headline.total);
        expect(rows.reduce((s, r) => s + r.completed, 0)).toBe(headline.completed);
      }
      for (const row of bySupervisor) {
        const reference = await referenceCounts(actor, headline.asOf, {
          enterprise: { supervisorId: row.id },
        });
        expect({ id: row.id, total: row.total, completed: row.completed }).toEqual({
          id: row.id,
          ...reference,
        });
      }
      for (const row of byCategory) {
        expect(row.total).toBe(
          (await referenceCounts(actor, headline.asOf, { categoryId: row.id })).total,
        );
      }
      // Every supervisor with an enterprise in scope is listed, even without main tasks.
      const supervisors = await db.prisma.supervisor.count({
        where: { enterprises: { some: enterpriseScopeWhere(actor) } },
      });
      expect(bySupervisor).toHaveLength(supervisors);
    }
  });
});

describe("group summaries and the trend", () => {
  it("each group's counts equal the per-subtree summaries", async () => {
    for (const name of ["reviewer-central", "reviewer-hunan", "liaison-crrc", "mixed"]) {
      const actor = actors[name]!;
      const now = new Date();
      const groups = await listGroupSummaries(actor, { now });
      expect(groups.length).toBeGreaterThan(0);
      for (const group of groups) {
        const enterpriseId = group.enterprise.id;
        expect(group.items).toEqual(await ledgerStatusSummary(actor, { enterpriseId, now }));
        const figure = await mainTaskCompletion(actor, { enterpriseId, asOf: now });
        expect(group.completion).toEqual(figure);
      }
    }
  });

  it("the status summary matches Prisma's counts", async () => {
    for (const name of names()) {
      const actor = actors[name]!;
      const summary = await ledgerStatusSummary(actor);
      const where = ledgerItemScopeWhere(actor);
      expect(summary.total).toBe(await db.prisma.ledgerItem.count({ where }));
      expect(summary.byStatus.COMPLETED).toBe(
        await db.prisma.ledgerItem.count({ where: { AND: [where, { status: "COMPLETED" }] } }),
      );
    }
  });

  it("every trend point equals the headline at its instant", async () => {
    const actor = actors.manager!;
    const points = await completionTrend(actor);
    expect(points.length).toBeGreaterThan(1);
    expect(points.at(-1)!.isToday).toBe(true);
    for (const point of points) {
      const figure = await mainTaskCompletion(actor, { asOf: point.figure.asOf });
      expect(point.figure).toEqual(figure);
    }
  });
});
