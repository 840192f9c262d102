/**
 * Frozen snapshots in the dashboard: on the period end of a closed round, getDashboard answers
 * the headline, categories and children from the round's snapshot (and says so), with exactly
 * the numbers the live computation gives, for the whole scope, a supervisor and a group; a
 * viewer whose scope covers only part of a node gets the live figures. An enterprise created
 * after the as-of day answers with zeros, not a 404.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { recordEnterprisesCreated } from "@/lib/history/record-enterprises-created";
import { isoDay } from "@/lib/time";
import { actorFor } from "./fixtures";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
let manager: Actor;
let programmeId: string;
let periodEnd: string;

beforeAll(async () => {
  db = await seededTestDatabase();
  manager = await actorFor(db.prisma, "manager");
  programmeId = (await db.prisma.programme.findUniqueOrThrow({ where: { code: "SDU-2023" } })).id;
  const round = await db.prisma.reportingRound.findFirstOrThrow({
    where: { programmeId, status: "CLOSED", period: "2025-06", snapshots: { some: {} } },
  });
  periodEnd = isoDay(round.periodEnd);
});
afterAll(async () => {
  await db?.drop();
});

const strip = <T extends { snapshot: unknown }>(d: T) => ({ ...d, snapshot: null });

describe("the dashboard on a closed round's period end", () => {
  it("answers from the snapshot with the live numbers, for the scope, a supervisor and a group", async () => {
    expect(manager.scopeAll).toBe(true);
    const sc = await db.prisma.supervisor.findUniqueOrThrow({ where: { code: "SASAC-SC" } });
    const crrc = await db.prisma.enterprise.findUniqueOrThrow({ where: { code: "CRRC" } });
    for (const node of [{}, { supervisorId: sc.id }, { enterpriseId: crrc.id }]) {
      const query = { programmeId, asOf: periodEnd, compareTo: "2025-03-31", ...node };
      const frozen = await getDashboard(manager, query);
      const live = await getDashboard(manager, query, { live: true });
      expect(frozen.snapshot, JSON.stringify(node)).toMatchObject({ period: "2025-06" });
      expect(live.snapshot).toBeNull();
      expect(frozen.headline.total).toBeGreaterThan(0);
      expect(frozen.children.length).toBeGreaterThan(0);
      expect(strip(frozen)).toEqual(strip(live));
    }
  });

  it("computes live for a viewer who sees only part of the node, and on other days", async () => {
    const hunan = await actorFor(db.prisma, "reviewer-hunan");
    const whole = await getDashboard(hunan, { programmeId, asOf: periodEnd });
    expect(whole.snapshot).toBeNull();
    // Its own supervisor is covered whole: the snapshot serves it, with the live numbers.
    const hn = await db.prisma.supervisor.findUniqueOrThrow({ where: { code: "SASAC-HN" } });
    expect(hunan.supervisorIds).toContain(hn.id);
    const query = { programmeId, asOf: periodEnd, supervisorId: hn.id };
    const frozen = await getDashboard(hunan, query);
    expect(frozen.snapshot).not.toBeNull();
    expect(strip(frozen)).toEqual(strip(await getDashboard(hunan, query, { live: true })));
    const other = await getDashboard(manager, { programmeId, asOf: "2025-06-29" });
    expect(other.snapshot).toBeNull();
  });

  it("answers an enterprise created after the as-of day with zeros", async () => {
    const crrc = await db.prisma.enterprise.findUniqueOrThrow({ where: { code: "CRRC" } });
    const created = await db.prisma.$transaction(async (tx) => {
      const e = await tx.enterprise.create({
        data: {
          code: "CRRC-NEW",
          nameZh: "新设子企业",
          nameEn: "New subsidiary",
          parentId: crrc.id,
          rootId: crrc.id,
          depth: 1,
          supervisorId: crrc.supervisorId,
        },
      });
      await tx.$executeRaw`
        INSERT INTO "EnterpriseClosure" ("ancestorId", "descendantId", "depth")
        SELECT "ancestorId", ${e.id}::uuid, "depth" + 1 FROM "EnterpriseClosure"
        WHERE "descendantId" = ${crrc.id}::uuid
        UNION ALL SELECT ${e.id}::uuid, ${e.id}::uuid, 0`;
      await recordEnterprisesCreated(tx, { enterpriseIds: [e.id], actor: manager });
      return e;
    });
    const then = await getDashboard(manager, {
      programmeId,
      asOf: "2025-06-30",
      enterpriseId: created.id,
    });
    expect(then.headline).toMatchObject({ total: 0, completed: 0, pendingClaims: 0 });
    expect(then.children).toEqual([]);
    // Nor is it a child of its parent on that day.
    const parent = await getDashboard(manager, {
      programmeId,
      asOf: "2025-06-30",
      enterpriseId: crrc.id,
    });
    expect(parent.children.map((c) => c.id)).not.toContain(created.id);
    const now = await getDashboard(manager, { programmeId, enterpriseId: crrc.id });
    expect(now.children.map((c) => c.id)).toContain(created.id);
  });
});
