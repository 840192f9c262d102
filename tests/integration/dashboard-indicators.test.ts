/**
 * The dashboard's indicator totals against a recomputation that walks the entries themselves (the
 * latest value of each indicator on each item by the day, entries a reviewer returned skipped):
 * values read through their copied item and time must give the same sums, for today after a new
 * entry and for past days.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { indicatorTotals, rawIndicatorTotals } from "@/lib/dashboard/indicators";
import type { DashboardNode } from "@/lib/dashboard/nodes";
import { itemsAsOfSql } from "@/lib/dashboard/population";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordProgress } from "@/lib/ledger/record-progress";
import { reviewEntry } from "@/lib/review/review-entry";
import { chinaDay, endOfChinaDay, isoDay, parseIsoDay } from "@/lib/time";
import { actorFor, currentPeriod, openItemOf } from "./fixtures";
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

type Total = { code: string; unit: string; actual: number | null; items: number };

/** Σ of each item's latest value by the day, found by walking its entries newest first. */
async function recomputed(programmeId: string, day: Date): Promise<Total[]> {
  const at = Prisma.sql`${endOfChinaDay(day).toISOString()}::timestamp`;
  return db.prisma.$queryRaw<Total[]>`
    WITH latest AS (
      SELECT DISTINCT ON (pe."ledgerItemId", iv."indicatorId") pe."ledgerItemId", iv."indicatorId", iv."value"
      FROM "ProgressEntry" pe JOIN "IndicatorValue" iv ON iv."entryId" = pe."id"
      WHERE pe."createdAt" <= ${at} AND pe."reviewState" <> 'RETURNED'
      ORDER BY pe."ledgerItemId", iv."indicatorId", pe."createdAt" DESC, pe."id" DESC
    )
    SELECT idf."code", idf."unit"::text AS "unit", sum(l."value")::float8 AS "actual",
           count(*)::int AS "items"
    FROM latest l
    JOIN "IndicatorDefinition" idf ON idf."id" = l."indicatorId"
    JOIN ${itemsAsOfSql({ programmeId, at })} p ON p."itemId" = l."ledgerItemId" AND p."taskId" = idf."taskId"
    WHERE NOT p."notApplicable"
    GROUP BY idf."code", idf."unit"
    ORDER BY idf."code", idf."unit"`;
}

/**
 * The roll-up's totals (indicatorTotals for the whole scope and each supervisor) against the
 * ones computed from the items (rawIndicatorTotals), every column, for a viewer and days.
 */
async function rollupMatchesRaw(actor: Actor, days: Date[]): Promise<number> {
  const programmes = await db.prisma.programme.findMany({ select: { id: true } });
  const supervisors = await db.prisma.supervisor.findMany({ select: { id: true } });
  const nodes: DashboardNode[] = [
    { type: "scope", id: null, nameZh: "", nameEn: "" },
    ...supervisors
      .filter((s) => actor.scopeAll || actor.supervisorIds.includes(s.id))
      .map((s) => ({ type: "supervisor" as const, id: s.id, nameZh: "", nameEn: "" })),
  ];
  let compared = 0;
  for (const { id: programmeId } of programmes)
    for (const day of days)
      for (const node of nodes) {
        const ctx = {
          db: db.prisma,
          actor,
          programmeId,
          node,
          day,
          at: endOfChinaDay(day),
          asOf: isoDay(day),
          targets: [],
        };
        const raw = await rawIndicatorTotals(ctx);
        expect({ day: isoDay(day), node: node.id, totals: await indicatorTotals(ctx) }).toEqual({
          day: isoDay(day),
          node: node.id,
          totals: raw,
        });
        compared += raw.filter((r) => r.baseline !== null || r.target !== null).length;
      }
  return compared;
}

async function shown(programmeId: string, day: Date): Promise<Total[]> {
  const answer = await getDashboard(admin, { programmeId, asOf: isoDay(day) }, { live: true });
  return answer.indicators.map(({ code, unit, actual, items }) => ({ code, unit, actual, items }));
}

describe("indicator totals", () => {
  it("equal the latest values by the day, walked from the entries", async () => {
    const item = await openItemOf(db.prisma, "liaison-crrc", { withIndicator: true });
    const indicatorId = item.task.indicators[0]!.id;
    await recordProgress(await actorFor(db.prisma, "liaison-crrc"), {
      itemId: item.id,
      locale: "zh-CN",
      input: {
        version: item.version,
        period: currentPeriod(),
        narrative: "完成年度研发投入统计。",
        percentDone: Math.min(99, item.percentDone + 3),
        indicatorWarningsConfirmed: true,
        indicatorValues: [{ indicatorId, value: "987.5" }],
        links: [],
      },
    });
    const value = await db.prisma.indicatorValue.findFirstOrThrow({
      where: { indicatorId, entry: { ledgerItemId: item.id } },
      orderBy: { createdAt: "desc" },
      include: { entry: { select: { ledgerItemId: true, createdAt: true } } },
    });
    expect({ item: value.ledgerItemId, at: value.createdAt }).toEqual({
      item: value.entry.ledgerItemId,
      at: value.entry.createdAt,
    });

    const programmes = await db.prisma.programme.findMany({ select: { id: true } });
    const compare = async (days: Date[]) => {
      let compared = 0;
      for (const { id } of programmes)
        for (const day of days) {
          const expected = await recomputed(id, day);
          expect({ day: isoDay(day), totals: await shown(id, day) }).toEqual({
            day: isoDay(day),
            totals: expected,
          });
          compared += expected.length;
        }
      expect(compared).toBeGreaterThan(0);
    };
    await compare([chinaDay(), parseIsoDay("2025-07-15"), parseIsoDay("2024-12-31")]);
    // Some seeded values belong to returned entries, so skipping them is exercised.
    expect(await db.prisma.indicatorValue.count({ where: { returned: true } })).toBeGreaterThan(0);

    // A reviewer returns the new entry: its value stops counting, today and for past days alike.
    const { programmeId } = await db.prisma.ledgerItem.findUniqueOrThrow({
      where: { id: item.id },
      select: { programmeId: true },
    });
    const before = await shown(programmeId, chinaDay());
    // Returned two days later: the days since the entry change too, not only those after.
    await reviewEntry(await actorFor(db.prisma, "reviewer-central"), {
      entryId: value.entryId,
      locale: "zh-CN",
      input: { decision: "RETURN", comment: "指标口径有误，请核实。" },
      now: new Date(Date.now() + 2 * 86_400_000),
    });
    expect(await shown(programmeId, chinaDay())).not.toEqual(before);
    await compare([chinaDay()]);
    // The day of the returned entry's value, read from the roll-up, changed with it.
    const valueDay = chinaDay(value.createdAt);
    await compare([valueDay]);

    const days = [chinaDay(), valueDay, parseIsoDay("2025-07-15"), parseIsoDay("2024-12-31")];
    expect(await rollupMatchesRaw(admin, days)).toBeGreaterThan(0);
    expect(
      await rollupMatchesRaw(await actorFor(db.prisma, "reviewer-hunan"), days),
    ).toBeGreaterThan(0);
  });
});
