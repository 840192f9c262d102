/**
 * The roll-up's write-path functions (lib/dashboard/rollup/maintain.ts, rollupFunctions): the
 * database holds the text the code generates (else `npm run db:migration -- <name>` writes the
 * migration that updates them), they keep their plans, and they answer what the statements they
 * were generated from answer; and a writer holds the roll-up's locks while it changes items.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLLUP_LOCK, rollupFunctions, withRollup } from "@/lib/dashboard/rollup/maintain";
import { streamSql, type StreamRow } from "@/lib/dashboard/rollup/stream";
import { Prisma } from "@/lib/generated/prisma/client";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;

beforeAll(async () => {
  db = await seededTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const key = (
  r: Pick<StreamRow, "programmeId" | "supervisorId" | "categoryId" | "isMain" | "nodeId" | "day">,
) => [r.programmeId, r.supervisorId, r.categoryId, r.isMain, r.nodeId, r.day].join("|");
const sorted = (rows: StreamRow[]) =>
  rows
    .map((r) => ({ ...r, weight: Number(r.weight), weightedPercent: Number(r.weightedPercent) }))
    .sort((a, b) => key(a).localeCompare(key(b)));

describe("roll-up functions", () => {
  it("are in the database as the code generates them, with their plans kept", async () => {
    for (const f of rollupFunctions()) {
      const [row] = await db.prisma.$queryRaw<{ prosrc: string; proconfig: string[] | null }[]>`
        SELECT prosrc, proconfig FROM pg_proc WHERE proname = ${f.name}`;
      expect(row, `${f.name} missing: run npm run db:migration -- <name>`).toBeDefined();
      expect(
        row?.prosrc === f.body,
        `${f.name} differs from the code: run npm run db:migration -- <name>`,
      ).toBe(true);
      expect(row?.proconfig).toContain("plan_cache_mode=force_generic_plan");
    }
  });

  it("stream what streamSql streams, for items with history, from several days", async () => {
    const items = await db.prisma.$queryRaw<{ id: string }[]>`
      SELECT li."id"::text AS "id" FROM "LedgerItem" li
      WHERE EXISTS (SELECT 1 FROM "ProgressEntry" pe WHERE pe."ledgerItemId" = li."id")
      ORDER BY li."id" LIMIT 12`;
    expect(items.length).toBeGreaterThan(5);
    const ids = items.map((r) => r.id);
    let compared = 0;
    for (const from of ["2024-01-15", "2025-03-31", "2025-11-02"]) {
      const at = new Date(`${from}T04:00:00Z`);
      const expected = await db.prisma.$queryRaw<StreamRow[]>`${streamSql(
        Prisma.sql`${ids}::uuid[]`,
        at,
      )}`;
      const actual = await db.prisma.$queryRaw<StreamRow[]>`
        SELECT * FROM rollup_stream(${from}::date, ${ids}::uuid[])`;
      expect(sorted(actual)).toEqual(sorted(expected));
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it("hold the programme's shared roll-up lock and the item's row lock while a writer changes it", async () => {
    const item = await db.prisma.ledgerItem.findFirstOrThrow({ select: { id: true } });
    const held = await db.prisma.$transaction((tx) =>
      withRollup(
        tx,
        [item.id],
        new Date(),
        () =>
          tx.$queryRaw<{ mode: string; locktype: string }[]>`
          SELECT mode, locktype FROM pg_locks
          WHERE pid = pg_backend_pid() AND granted
            AND ((locktype = 'advisory' AND classid = ${ROLLUP_LOCK}::int)
              OR (locktype = 'transactionid'))`,
      ),
    );
    expect(held).toContainEqual({ mode: "ShareLock", locktype: "advisory" });
    // FOR UPDATE gave the transaction an id (its row lock is recorded on the tuple).
    expect(held.some((l) => l.locktype === "transactionid")).toBe(true);
  });
});
