import "server-only";
import type { DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { streamSql, type StreamFrom, type StreamRow } from "./stream";

/**
 * Keeps the dashboard roll-up (RollupDay, RollupMonth) exact in the writer's transaction: the
 * items' stream (./stream.ts) from `from` is subtracted as it stood before `change` and added as
 * it stands after, in one upsert (x = x + EXCLUDED.x, commutative, so concurrent writers compose).
 * `items` are ledger item ids or a SQL selection of them (one column), resolved and locked
 * before the change, so a concurrent writer of the same items waits and the two streams see one
 * history each. `from` is the earliest instant the change affects: now for ordinary writes, the
 * effective date of a backdated history change, "created" for a change of an item's whole past
 * (a task's weight). Every writer of LedgerItem, its spans, status events, progress entries,
 * supervisor spans or former-enterprise spans goes through here (ARCHITECTURE.md, "Roll-ups").
 */
export async function withRollup<T>(
  tx: DbTx,
  items: readonly string[] | Prisma.Sql,
  from: StreamFrom,
  change: () => Promise<T>,
): Promise<T> {
  const selection = Array.isArray(items)
    ? Prisma.sql`SELECT unnest(${[...items]}::uuid[])`
    : (items as Prisma.Sql);
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM "LedgerItem" WHERE "id" IN (${selection})
    ORDER BY "id" FOR UPDATE`;
  if (!locked.length) return change();
  const ids = Prisma.sql`${locked.map((r) => r.id)}::uuid[]`;
  const before = await tx.$queryRaw<StreamRow[]>`${streamSql(ids, from)}`;
  const result = await change();
  await applyStream(tx, Prisma.sql`${streamSql(ids, from)}`, before);
  return result;
}

const KEY = Prisma.raw(`"programmeId", "supervisorId", "categoryId", "isMain"`);

/**
 * Adds the rows of `stream` (a statement with StreamRow columns) and subtracts `minus` (rows read
 * earlier), grouped per key and day, into RollupDay and per key and month into RollupMonth. Rows
 * go in key order, so concurrent writers lock shared rows in the same order.
 */
export async function applyStream(
  tx: DbTx,
  stream: Prisma.Sql,
  minus: readonly StreamRow[] = [],
): Promise<void> {
  const sums = Prisma.raw(`sum("total")::int AS "total", sum("completed")::int AS "completed",
    sum("pendingClaims")::int AS "pendingClaims", sum("weight") AS "weight",
    sum("weightedPercent") AS "weightedPercent"`);
  const add = (table: string) =>
    Prisma.raw(`ON CONFLICT ("programmeId", "${table === "RollupDay" ? "day" : "month"}", "supervisorId", "categoryId", "isMain")
    DO UPDATE SET "total" = "${table}"."total" + EXCLUDED."total",
      "completed" = "${table}"."completed" + EXCLUDED."completed",
      "pendingClaims" = "${table}"."pendingClaims" + EXCLUDED."pendingClaims",
      "weight" = "${table}"."weight" + EXCLUDED."weight",
      "weightedPercent" = "${table}"."weightedPercent" + EXCLUDED."weightedPercent"`);
  await tx.$executeRaw`
    WITH st AS (${stream}), m AS (
      SELECT "programmeId"::uuid AS "programmeId", "supervisorId"::uuid AS "supervisorId",
             "categoryId"::uuid AS "categoryId", "isMain", "day"::date AS "day", -"total" AS "total",
             -"completed" AS "completed", -"pendingClaims" AS "pendingClaims",
             -("weight"::numeric) AS "weight", -("weightedPercent"::numeric) AS "weightedPercent"
      FROM jsonb_to_recordset(${JSON.stringify(minus)}::jsonb) AS r("programmeId" text,
        "supervisorId" text, "categoryId" text, "isMain" boolean, "day" text, "total" int,
        "completed" int, "pendingClaims" int, "weight" text, "weightedPercent" text)
    ), g AS (
      SELECT ${KEY}, "day", ${sums} FROM (
        SELECT "programmeId"::uuid AS "programmeId", "supervisorId"::uuid AS "supervisorId",
               "categoryId"::uuid AS "categoryId", "isMain", "day"::date AS "day", "total",
               "completed", "pendingClaims", "weight"::numeric AS "weight",
               "weightedPercent"::numeric AS "weightedPercent" FROM st
        UNION ALL SELECT * FROM m) x
      GROUP BY ${KEY}, "day"
      HAVING sum("total") <> 0 OR sum("completed") <> 0 OR sum("pendingClaims") <> 0
          OR sum("weight") <> 0 OR sum("weightedPercent") <> 0
    ), d AS (
      INSERT INTO "RollupDay" (${KEY}, "day", "total", "completed", "pendingClaims", "weight", "weightedPercent")
      SELECT ${KEY}, "day", "total", "completed", "pendingClaims", "weight", "weightedPercent" FROM g
      ORDER BY ${KEY}, "day"
      ${add("RollupDay")}
    )
    INSERT INTO "RollupMonth" (${KEY}, "month", "total", "completed", "pendingClaims", "weight", "weightedPercent")
    SELECT ${KEY}, date_trunc('month', "day")::date AS "month", ${sums} FROM g
    GROUP BY ${KEY}, 5 ORDER BY ${KEY}, 5
    ${add("RollupMonth")}`;
}

/**
 * Recomputes the roll-up of one programme (or all) from the raw history, set-based: every item's
 * stream from its creation. For the data generator, the seed and operators (`npm run rollup:verify`).
 */
export async function rebuildRollups(db: DbTx, programmeId?: string): Promise<void> {
  const where = programmeId ? Prisma.sql`"programmeId" = ${programmeId}::uuid` : Prisma.sql`TRUE`;
  await db.$executeRaw`DELETE FROM "RollupDay" WHERE ${where}`;
  await db.$executeRaw`DELETE FROM "RollupMonth" WHERE ${where}`;
  const ids = Prisma.sql`ARRAY(SELECT "id" FROM "LedgerItem" WHERE ${where})`;
  await applyStream(db, streamSql(ids, "created"));
}
