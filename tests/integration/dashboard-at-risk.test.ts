/**
 * The dashboard's first at-risk rows (red by due date, then yellow by due date, at most 50)
 * against every main item of the node coloured by the rule and sorted: the rows are read in
 * ranges of due dates (lib/dashboard/at-risk.ts), which must give the same page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { AT_RISK_LIMIT } from "@/lib/dashboard/at-risk";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
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
    for (const { id: programmeId } of programmes)
      for (const day of days)
        for (const node of nodes) {
          const answer = await getDashboard(
            admin,
            { programmeId, asOf: isoDay(day), ...node.query },
            { live: true },
          );
          const shown = answer.atRisk.items.map((r) => r.id);
          expect({ day: isoDay(day), node: node.id, shown }).toEqual({
            day: isoDay(day),
            node: node.id,
            shown: await expected(programmeId, node, day),
          });
          rows += shown.length;
          // Pages that reach past the first range of due dates (a month).
          const monthOn = isoDay(addDays(day, 31));
          if (answer.atRisk.items.some((r) => r.colour.colour === "yellow" && r.dueDate >= monthOn))
            yellowAfterAMonth++;
        }
    expect(rows).toBeGreaterThan(100);
    expect(yellowAfterAMonth).toBeGreaterThan(3);
  }, 180_000);
});
