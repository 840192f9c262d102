/**
 * The dashboard's first at-risk rows (red by due date, then yellow by due date, at most 50)
 * against every main item of the node coloured by the rule and sorted: the rows are read in
 * ranges of due dates, or by walking the programme's items by due date in chunks
 * (lib/dashboard/at-risk.ts), which must give the same page, however small the chunks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { AT_RISK_LIMIT, WALK } from "@/lib/dashboard/at-risk";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { mergeEnterprises } from "@/lib/history/merge-enterprises";
import { mainPopulationSql, type DashboardNode } from "@/lib/dashboard/nodes";
import { addDays, chinaDay, endOfChinaDay, isoDay, parseIsoDay } from "@/lib/time";
import { actorFor } from "./fixtures";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
let admin: Actor;
beforeAll(async () => {
  db = await seededTestDatabase();
  admin = { ...(await actorFor(db.prisma, "admin")), scopeAll: true };
});
afterAll(async () => {
  await db?.drop();
});

async function expected(programmeId: string, node: DashboardNode, day: Date): Promise<string[]> {
  const { items, where } = mainPopulationSql(
    { actor: admin, programmeId, node },
    endOfChinaDay(day),
    day,
  );
  const rows = await db.prisma.$queryRaw<{ itemId: string }[]>`
    SELECT p."itemId"::text AS "itemId" FROM ${items} p
    WHERE ${where} AND p."colour" IN ('red', 'yellow')
    ORDER BY p."colour" = 'red' DESC, p."dueDate", p."itemId" LIMIT ${AT_RISK_LIMIT}`;
  return rows.map((r) => r.itemId);
}

describe("the dashboard's at-risk rows", () => {
  it("are the node's red items, then its yellow ones, by due date, on any day", async () => {
    const programmes = await db.prisma.programme.findMany({ select: { id: true } });
    const supervisors = await db.prisma.supervisor.findMany({ select: { id: true } });
    const groups = await db.prisma.enterprise.findMany({
      where: { depth: 0 },
      select: { id: true },
      take: 4,
    });
    const nodes: (DashboardNode & { query: Record<string, string> })[] = [
      { type: "scope", id: null, nameZh: "", nameEn: "", query: {} },
      ...supervisors.map((s) => ({
        type: "supervisor" as const,
        id: s.id,
        nameZh: "",
        nameEn: "",
        query: { supervisorId: s.id },
      })),
      ...groups.map((g) => ({
        type: "enterprise" as const,
        id: g.id,
        nameZh: "",
        nameEn: "",
        query: { enterpriseId: g.id },
      })),
    ];
    const days = [
      chinaDay(),
      addDays(chinaDay(), -75),
      parseIsoDay("2025-03-10"),
      parseIsoDay("2024-06-30"),
    ];
    let yellowAfterAMonth = 0;
    let rows = 0;
    const defaults = { ...WALK };
    // Walks in chunks of a few items, to the end, or handing over to the node's scan early:
    // every way to a page.
    const walks = [defaults, { firstChunk: 3, perKnown: 1000 }, { firstChunk: 3, perKnown: 1 }];
    for (const { id: programmeId } of programmes)
      for (const day of days)
        for (const node of nodes)
          for (const walk of walks) {
            Object.assign(WALK, walk);
            const answer = await getDashboard(
              admin,
              { programmeId, asOf: isoDay(day), ...node.query },
              { live: true },
            );
            Object.assign(WALK, defaults);
            const shown = answer.atRisk.items.map((r) => r.id);
            expect({ day: isoDay(day), node: node.id, walk, shown }).toEqual({
              day: isoDay(day),
              node: node.id,
              walk,
              shown: await expected(programmeId, node, day),
            });
            rows += shown.length;
            // Pages that reach past the first range of due dates (a month).
            const monthOn = isoDay(addDays(day, 31));
            if (
              answer.atRisk.items.some((r) => r.colour.colour === "yellow" && r.dueDate >= monthOn)
            )
              yellowAfterAMonth++;
          }
    expect(rows).toBeGreaterThan(100);
    expect(yellowAfterAMonth).toBeGreaterThan(3);
  }, 180_000);

  it("keep a supervisor's item that a merge has since placed under another supervisor", async () => {
    const [programme] = await db.prisma.programme.findMany({ select: { id: true }, take: 1 });
    const day = addDays(chinaDay(), -3);
    const supervisors = await db.prisma.supervisor.findMany({ select: { id: true } });
    // A supervisor's first red item on the day, at a leaf enterprise; a leaf of another
    // supervisor absorbs that enterprise from the next day on.
    let moved: { itemId: string; supervisorId: string; enterpriseId: string } | undefined;
    for (const { id } of supervisors) {
      const node: DashboardNode = { type: "supervisor", id, nameZh: "", nameEn: "" };
      const [first] = await expected(programme!.id, node, day);
      const item = first
        ? await db.prisma.ledgerItem.findUniqueOrThrow({
            where: { id: first },
            select: {
              enterprise: { select: { id: true, _count: { select: { children: true } } } },
            },
          })
        : null;
      if (item && item.enterprise._count.children === 0) {
        moved = { itemId: first!, supervisorId: id, enterpriseId: item.enterprise.id };
        break;
      }
    }
    const survivor = await db.prisma.enterprise.findFirstOrThrow({
      where: { active: true, children: { none: {} }, supervisorId: { not: moved!.supervisorId } },
      select: { id: true },
    });
    await db.prisma.$transaction((tx) =>
      mergeEnterprises(tx, {
        survivorId: survivor.id,
        absorbedId: moved!.enterpriseId,
        at: endOfChinaDay(addDays(day, 1)),
        actor: admin,
      }),
    );
    const node: DashboardNode = {
      type: "supervisor",
      id: moved!.supervisorId,
      nameZh: "",
      nameEn: "",
    };
    const want = await expected(programme!.id, node, day);
    expect(want[0]).toBe(moved!.itemId);
    const defaults = { ...WALK };
    for (const walk of [defaults, { firstChunk: 3, perKnown: 1000 }]) {
      Object.assign(WALK, walk);
      const answer = await getDashboard(
        admin,
        { programmeId: programme!.id, asOf: isoDay(day), supervisorId: moved!.supervisorId },
        { live: true },
      );
      Object.assign(WALK, defaults);
      expect(answer.atRisk.items.map((r) => r.id)).toEqual(want);
    }
  }, 60_000);
});
