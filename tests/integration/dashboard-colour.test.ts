/**
 * The colour rule in SQL (lib/dashboard/risk.ts) against the pure rule (lib/ledger/colour.ts):
 * every demo item at several days, red and yellow exactly where itemColour says so, and the
 * dashboard's red and yellow counts per supervisor (the whole scope's children) and per group
 * (a supervisor's children) are those items counted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { itemsWithColourAsOfSql, statusAsOf } from "@/lib/dashboard/risk";
import { Prisma } from "@/lib/generated/prisma/client";
import { itemColour } from "@/lib/ledger/colour";
import type { LedgerStatus } from "@/lib/ledger/schemas";
import { chinaDay, endOfChinaDay, isoDay, parseIsoDay } from "@/lib/time";
import { actorFor } from "./fixtures";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
beforeAll(async () => {
  db = await seededTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

type SqlRow = {
  itemId: string;
  status: LedgerStatus;
  completed: boolean;
  claimPending: boolean;
  notApplicable: boolean;
  percentDone: number;
  dueDate: Date;
  colour: "red" | "yellow" | null;
  supervisorId: string;
  enterpriseId: string;
  isMain: boolean;
};

describe("the colour rule in SQL", () => {
  it.each(["2023-03-31", "2024-04-30", "2024-12-31", "2025-07-15", "today"])(
    "agrees with itemColour on every item at %s",
    async (asOf) => {
      const day = asOf === "today" ? chinaDay() : parseIsoDay(asOf);
      const at = endOfChinaDay(day);
      const programmes = await db.prisma.programme.findMany({
        select: { id: true, startDate: true, dueSoonDays: true, behindPlanPoints: true },
      });
      let red = 0;
      let yellow = 0;
      const admin = { ...(await actorFor(db.prisma, "admin")), scopeAll: true };
      for (const programme of programmes) {
        // The dashboard's red and yellow main items per supervisor, computed live.
        const perSupervisor = new Map<string, { red: number; yellow: number }>();
        const rows = await db.prisma.$queryRaw<SqlRow[]>`
          SELECT p."itemId"::text AS "itemId", p."status"::text AS "status", p."completed",
                 p."claimPending", p."notApplicable", p."percentDone", p."dueDate", p."colour",
                 p."supervisorId"::text AS "supervisorId", p."enterpriseId"::text AS "enterpriseId",
                 p."isMain"
          FROM ${itemsWithColourAsOfSql({ programmeId: programme.id, at: Prisma.sql`${at.toISOString()}::timestamp`, day })} p`;
        const entries = await db.prisma.progressEntry.groupBy({
          by: ["ledgerItemId"],
          where: { createdAt: { lte: at }, ledgerItem: { programmeId: programme.id } },
          _max: { createdAt: true },
        });
        const lastEntry = new Map(entries.map((e) => [e.ledgerItemId, e._max.createdAt]));
        const round = await db.prisma.reportingRound.findFirst({
          where: { programmeId: programme.id, status: "CLOSED", closedAt: { lte: at } },
          orderBy: { periodStart: "desc" },
          select: { periodStart: true },
        });
        const rule = { ...programme, lastRoundPeriodStart: round?.periodStart ?? null };
        for (const row of rows) {
          const expected = itemColour(
            { ...row, status: statusAsOf(row), lastEntryAt: lastEntry.get(row.itemId) ?? null },
            rule,
            day,
          ).colour;
          const want = expected === "red" || expected === "yellow" ? expected : null;
          expect({ id: row.itemId, colour: row.colour }).toEqual({ id: row.itemId, colour: want });
          if (want === "red") red++;
          if (want === "yellow") yellow++;
          if (!row.isMain || !want) continue;
          const counts = perSupervisor.get(row.supervisorId) ?? { red: 0, yellow: 0 };
          counts[want]++;
          perSupervisor.set(row.supervisorId, counts);
        }
        const answer = await getDashboard(
          admin,
          { programmeId: programme.id, asOf: isoDay(day) },
          { live: true },
        );
        const shown = answer.children.filter((c) => c.red || c.yellow);
        expect(
          Object.fromEntries(shown.map((c) => [c.id, { red: c.red, yellow: c.yellow }])),
        ).toEqual(Object.fromEntries(perSupervisor));
        // Each supervisor's groups as they stood then: the same items, counted per group.
        for (const supervisorId of perSupervisor.keys()) {
          const node = await getDashboard(
            admin,
            { programmeId: programme.id, asOf: isoDay(day), supervisorId },
            { live: true },
          );
          const spans = await db.prisma.enterpriseClosureSpan.findMany({
            where: {
              ancestorId: { in: node.children.map((c) => c.id) },
              validFrom: { lte: at },
              OR: [{ validTo: null }, { validTo: { gt: at } }],
            },
            select: { ancestorId: true, descendantId: true },
          });
          const groupOf = new Map(spans.map((s) => [s.descendantId, s.ancestorId]));
          const perGroup = new Map<string, { red: number; yellow: number }>();
          for (const row of rows) {
            const group = groupOf.get(row.enterpriseId);
            if (!row.isMain || !row.colour || row.supervisorId !== supervisorId || !group) continue;
            const counts = perGroup.get(group) ?? { red: 0, yellow: 0 };
            counts[row.colour]++;
            perGroup.set(group, counts);
          }
          const groups = node.children.filter((c) => c.red || c.yellow);
          expect(
            Object.fromEntries(groups.map((c) => [c.id, { red: c.red, yellow: c.yellow }])),
          ).toEqual(Object.fromEntries(perGroup));
        }
      }
      if (asOf !== "2023-03-31") expect(red + yellow).toBeGreaterThan(0);
    },
  );
});
