/**
 * Frozen snapshots: closing a round (the round clock with a moved clock) freezes its period-end
 * figures, and they equal the as-of computation for the end of the period's China day, for the
 * programme, every supervisor and every group, in total and per category.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { instantSql, mainTaskCounts } from "@/lib/dashboard/completion";
import { itemsAsOfSql, mainPopulationSql } from "@/lib/dashboard/population";
import {
  snapshotByCategory,
  snapshotCounts,
  snapshotFor,
  type SnapshotNodeRef,
} from "@/lib/dashboard/snapshots";
import { runRoundClock } from "@/lib/rounds/jobs";
import { endOfChinaDay } from "@/lib/time";
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

async function expectSnapshotEqualsAsOf(programmeId: string, periodEnd: Date) {
  const ref = await snapshotFor({ programmeId, asOfDay: periodEnd });
  expect(ref, "a frozen snapshot for the period's end").not.toBeNull();
  const asOf = endOfChinaDay(periodEnd);
  expect(ref!.asOf.getTime()).toBe(asOf.getTime());

  const supervisors = await db.prisma.supervisor.findMany({ select: { id: true } });
  const groups = await db.prisma.enterprise.findMany({ where: { depth: 0 }, select: { id: true } });
  const nodes: SnapshotNodeRef[] = [
    { type: "PROGRAMME", id: programmeId },
    ...supervisors.map((s) => ({ type: "SUPERVISOR" as const, id: s.id })),
    ...groups.map((g) => ({ type: "ENTERPRISE" as const, id: g.id })),
  ];
  const frozen = await snapshotCounts(ref!.roundId, nodes);
  for (const [i, node] of nodes.entries()) {
    const [live] = await mainTaskCounts(admin, {
      programmeId,
      asOf: [asOf],
      ...(node.type === "SUPERVISOR" ? { supervisorId: node.id } : {}),
      ...(node.type === "ENTERPRISE" ? { enterpriseId: node.id } : {}),
    });
    expect({ total: frozen[i]!.total, completed: frozen[i]!.completed }, node.type).toEqual(live);
  }

  // Per category and the other measures, against the population read directly.
  const rows = await db.prisma.$queryRaw<
    { categoryId: string; total: number; completed: number; pending: number; wsum: string }[]
  >`
    SELECT p."categoryId", count(*)::int AS "total",
           count(*) FILTER (WHERE p."completed")::int AS "completed",
           count(*) FILTER (WHERE p."claimPending")::int AS "pending",
           sum(p."weight")::text AS "wsum"
    FROM ${itemsAsOfSql({ programmeId, at: instantSql(asOf) })} p
    WHERE ${mainPopulationSql("p")}
    GROUP BY p."categoryId"`;
  const byCategory = await snapshotByCategory(ref!.roundId, nodes[0]!);
  expect(byCategory.size).toBe(rows.length);
  for (const r of rows) {
    const s = byCategory.get(r.categoryId)!;
    expect([s.total, s.completed, s.pendingClaims, s.weightSum]).toEqual([
      r.total,
      r.completed,
      r.pending,
      Number(r.wsum),
    ]);
  }
}

describe("round snapshots", () => {
  it("closing a round freezes figures equal to the as-of computation for its period end", async () => {
    const open = await db.prisma.reportingRound.findMany({ where: { status: "OPEN" } });
    expect(open.length).toBeGreaterThan(0);
    const latestClose = Math.max(...open.map((r) => r.windowClosesAt.getTime()));
    const result = await runRoundClock(new Date(latestClose + 60_000));
    expect(result.closed).toBeGreaterThanOrEqual(open.length);
    for (const round of open) await expectSnapshotEqualsAsOf(round.programmeId, round.periodEnd);
  });

  it("the seeded closed rounds carry their snapshots too", async () => {
    const sdu = await db.prisma.programme.findUniqueOrThrow({ where: { code: "SDU-2023" } });
    const round = await db.prisma.reportingRound.findFirstOrThrow({
      where: { programmeId: sdu.id, period: "2024-12" },
    });
    await expectSnapshotEqualsAsOf(sdu.id, round.periodEnd);
  });

  it("frozen figures cannot be changed", async () => {
    await expect(
      db.prisma.$executeRaw`UPDATE "RoundSnapshot" SET "total" = "total" + 1`,
    ).rejects.toThrow(/append-only/);
  });
});
