/**
 * The live demo programme: the dashboards' default, running today, its year-two target in the
 * current year, a round open now, and items of every colour by the rule of lib/ledger/colour.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultProgramme, instantSql } from "@/lib/dashboard/completion";
import { itemsAsOfSql } from "@/lib/dashboard/population";
import { itemColour } from "@/lib/ledger/colour";
import { lastClosedRounds } from "@/lib/ledger/rows";
import { chinaDay } from "@/lib/time";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;

beforeAll(async () => {
  db = await seededTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe("live demo programme", () => {
  it("is the default programme, running now, with a round open today", async () => {
    const now = new Date();
    const programme = await db.prisma.programme.findUniqueOrThrow({
      where: { id: (await defaultProgramme())!.id },
      include: { targets: true, rounds: { where: { status: "OPEN" } } },
    });
    expect(programme.code).toBe("CCF");
    expect(programme.startDate < chinaDay(now) && chinaDay(now) < programme.endDate).toBe(true);
    const years = programme.targets.map((t) => t.dueDate.getUTCFullYear());
    expect(years).toContain(chinaDay(now).getUTCFullYear());
    expect(programme.rounds).toHaveLength(1);
    const round = programme.rounds[0]!;
    expect(round.windowOpensAt <= now && now < round.windowClosesAt).toBe(true);
  });

  it("has items of every colour, completed ones and pending claims", async () => {
    const today = chinaDay();
    const programme = await db.prisma.programme.findUniqueOrThrow({ where: { code: "CCF" } });
    const rounds = await lastClosedRounds(db.prisma, [programme.id]);
    const items = await db.prisma.ledgerItem.findMany({
      where: { programmeId: programme.id, isMain: true },
      select: {
        status: true,
        percentDone: true,
        dueDate: true,
        notApplicable: true,
        lastEntryAt: true,
      },
    });
    const counts = new Map<string, number>();
    for (const item of items) {
      const { colour } = itemColour(
        item,
        { ...programme, lastRoundPeriodStart: rounds.get(programme.id) },
        today,
      );
      counts.set(colour, (counts.get(colour) ?? 0) + 1);
    }
    for (const colour of ["green", "blue", "yellow", "red", "done"])
      expect(counts.get(colour) ?? 0, colour).toBeGreaterThan(0);
    expect(items.filter((i) => i.status === "COMPLETION_CLAIMED").length).toBeGreaterThan(0);
  });

  it("its history rebuilds the ledger's current columns exactly", async () => {
    const programme = await db.prisma.programme.findUniqueOrThrow({ where: { code: "CCF" } });
    const [row] = await db.prisma.$queryRaw<{ n: number; all: number }[]>`
      SELECT count(*) FILTER (WHERE p."status" <> li."status" OR p."percentDone" <> li."percentDone"
               OR p."claimPending" <> (li."status" = 'COMPLETION_CLAIMED'))::int AS "n",
             count(*)::int AS "all"
      FROM ${itemsAsOfSql({ programmeId: programme.id, at: instantSql(new Date()) })} p
      JOIN "LedgerItem" li ON li."id" = p."itemId"`;
    expect(row!.all).toBeGreaterThan(100);
    expect(row!.n).toBe(0);
  });
});
