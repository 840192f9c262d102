/**
 * `verifyRollups` (what `npm run rollup:verify` runs) reports a roll-up row that disagrees with
 * the items' history, in each of the roll-up's tables, and nothing once it is put back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyRollups } from "@/lib/dashboard/rollup/verify";
import { addDays, chinaDay } from "@/lib/time";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
beforeAll(async () => {
  db = await seededTestDatabase();
}, 120_000);
afterAll(async () => {
  await db?.drop();
});

describe("roll-up verification", () => {
  it("reports a corrupted row", async () => {
    const row = await db.prisma.rollupDay.findFirstOrThrow({ orderBy: { day: "desc" } });
    const where = {
      programmeId_day_supervisorId_categoryId_isMain: {
        programmeId: row.programmeId,
        day: row.day,
        supervisorId: row.supervisorId,
        categoryId: row.categoryId,
        isMain: row.isMain,
      },
    };
    await db.prisma.rollupDay.update({ where, data: { completed: { increment: 1 } } });
    const differences = await verifyRollups(db.prisma, { days: [row.day] });
    expect(differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "month", supervisorId: row.supervisorId }),
        expect.objectContaining({ kind: "day", supervisorId: row.supervisorId }),
      ]),
    );
    await db.prisma.rollupDay.update({ where, data: { completed: { decrement: 1 } } });
    expect(await verifyRollups(db.prisma, { days: [row.day] })).toEqual([]);

    // A group's monthly row, checked at today's figures.
    const node = await db.prisma.rollupNodeMonth.findFirstOrThrow({ orderBy: { month: "desc" } });
    const key = {
      programmeId_enterpriseId_month: {
        programmeId: node.programmeId,
        enterpriseId: node.enterpriseId,
        month: node.month,
      },
    };
    await db.prisma.rollupNodeMonth.update({ where: key, data: { total: { increment: 1 } } });
    expect(await verifyRollups(db.prisma, { days: [chinaDay()] })).toEqual([
      expect.objectContaining({ kind: "node", enterpriseId: node.enterpriseId }),
    ]);
    await db.prisma.rollupNodeMonth.update({ where: key, data: { total: { decrement: 1 } } });
    expect(await verifyRollups(db.prisma, { days: [chinaDay()] })).toEqual([]);

    // A group's and an indicator's monthly rows (a month before today's: read for today).
    const before = addDays(chinaDay(), -62);
    const group = await db.prisma.rollupGroupMonth.findFirstOrThrow({
      where: { month: { lte: before } },
      orderBy: { month: "desc" },
    });
    const groupKey = {
      programmeId_supervisorId_month_groupId: {
        programmeId: group.programmeId,
        supervisorId: group.supervisorId,
        month: group.month,
        groupId: group.groupId,
      },
    };
    await db.prisma.rollupGroupMonth.update({ where: groupKey, data: { red: { increment: 1 } } });
    expect(await verifyRollups(db.prisma, { days: [chinaDay()] })).toEqual([
      expect.objectContaining({ kind: "group", enterpriseId: group.groupId }),
    ]);
    await db.prisma.rollupGroupMonth.update({ where: groupKey, data: { red: { decrement: 1 } } });
    const indicator = await db.prisma.rollupIndicatorMonth.findFirstOrThrow({
      where: { month: { lte: before } },
      orderBy: { month: "desc" },
    });
    const indicatorKey = {
      programmeId_month_supervisorId_indicatorId: {
        programmeId: indicator.programmeId,
        month: indicator.month,
        supervisorId: indicator.supervisorId,
        indicatorId: indicator.indicatorId,
      },
    };
    await db.prisma.rollupIndicatorMonth.update({
      where: indicatorKey,
      data: { actual: { increment: 1 } },
    });
    expect(await verifyRollups(db.prisma, { days: [chinaDay()] })).toEqual([
      expect.objectContaining({ kind: "indicator", indicatorId: indicator.indicatorId }),
    ]);
    await db.prisma.rollupIndicatorMonth.update({
      where: indicatorKey,
      data: { actual: { decrement: 1 } },
    });
    expect(await verifyRollups(db.prisma, { days: [chinaDay()] })).toEqual([]);
  }, 120_000);
});
