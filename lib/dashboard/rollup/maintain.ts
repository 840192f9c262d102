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
  // Shared with every other writer, before the items' locks, so a programme-wide re-stream
  // (withProgrammeRollup) waits for the writers in flight and they for it, never in a cycle.
  await tx.$queryRaw`SELECT pg_advisory_xact_lock_shared(${ROLLUP_LOCK}::int, hashtext(p."programmeId"::text))::text
    FROM (SELECT DISTINCT "programmeId" FROM "LedgerItem" WHERE "id" IN (${selection}) ORDER BY 1) p`;
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

/** The first key of the roll-up's advisory locks (the second: the programme id's hash). */
export const ROLLUP_LOCK = 0x526c;

const KEY = Prisma.raw(`"programmeId", "supervisorId", "categoryId", "isMain"`);

/**
 * Adds the rows of `stream` (a statement with StreamRow columns) and subtracts `minus` (rows read
 * earlier), grouped per key and day, into RollupDay and per key and month into RollupMonth; node
 * rows (`nodeId` set) per enterprise and month into RollupNodeMonth. Rows go in key order, so
 * concurrent writers lock shared rows in the same order.
 */
export async function applyStream(
  tx: DbTx,
  stream: Prisma.Sql,
  minus: readonly StreamRow[] = [],
): Promise<void> {
  await tx.$executeRaw`${applyStreamSql(stream, minus)}`;
}

/** applyStream's one statement (the benchmark's floor runs it through plain `pg`). */
export function applyStreamSql(stream: Prisma.Sql, minus: readonly StreamRow[] = []): Prisma.Sql {
  const sums = Prisma.raw(`sum("total")::int AS "total", sum("completed")::int AS "completed",
    sum("pendingClaims")::int AS "pendingClaims", sum("weight") AS "weight",
    sum("weightedPercent") AS "weightedPercent", sum("red")::int AS "red",
    sum("yellow")::int AS "yellow"`);
  const add = (table: string) =>
    Prisma.raw(`ON CONFLICT ("programmeId", "${table === "RollupDay" ? "day" : "month"}", "supervisorId", "categoryId", "isMain")
    DO UPDATE SET "total" = "${table}"."total" + EXCLUDED."total",
      "completed" = "${table}"."completed" + EXCLUDED."completed",
      "pendingClaims" = "${table}"."pendingClaims" + EXCLUDED."pendingClaims",
      "weight" = "${table}"."weight" + EXCLUDED."weight",
      "weightedPercent" = "${table}"."weightedPercent" + EXCLUDED."weightedPercent",
      "red" = "${table}"."red" + EXCLUDED."red", "yellow" = "${table}"."yellow" + EXCLUDED."yellow"`);
  return Prisma.sql`
    WITH st AS (${stream}), m AS (
      SELECT "programmeId"::uuid AS "programmeId", "supervisorId"::uuid AS "supervisorId",
             "categoryId"::uuid AS "categoryId", "isMain", "day"::date AS "day", -"total" AS "total",
             -"completed" AS "completed", -"pendingClaims" AS "pendingClaims",
             -("weight"::numeric) AS "weight", -("weightedPercent"::numeric) AS "weightedPercent",
             -"red" AS "red", -"yellow" AS "yellow", "nodeId"::uuid AS "nodeId"
      FROM jsonb_to_recordset(${JSON.stringify(minus)}::jsonb) AS r("programmeId" text,
        "supervisorId" text, "categoryId" text, "isMain" boolean, "day" text, "total" int,
        "completed" int, "pendingClaims" int, "weight" text, "weightedPercent" text, "red" int,
        "yellow" int, "nodeId" text)
    ), g AS (
      SELECT ${KEY}, "nodeId", "day", ${sums} FROM (
        SELECT "programmeId"::uuid AS "programmeId", "supervisorId"::uuid AS "supervisorId",
               "categoryId"::uuid AS "categoryId", "isMain", "day"::date AS "day", "total",
               "completed", "pendingClaims", "weight"::numeric AS "weight",
               "weightedPercent"::numeric AS "weightedPercent", "red", "yellow",
               "nodeId"::uuid AS "nodeId" FROM st
        UNION ALL SELECT * FROM m) x
      GROUP BY ${KEY}, "nodeId", "day"
      HAVING sum("total") <> 0 OR sum("completed") <> 0 OR sum("pendingClaims") <> 0
          OR sum("weight") <> 0 OR sum("weightedPercent") <> 0 OR sum("red") <> 0
          OR sum("yellow") <> 0
    ), d AS (
      INSERT INTO "RollupDay" (${KEY}, "day", "total", "completed", "pendingClaims", "weight",
        "weightedPercent", "red", "yellow")
      SELECT ${KEY}, "day", "total", "completed", "pendingClaims", "weight", "weightedPercent",
             "red", "yellow" FROM g
      WHERE "nodeId" IS NULL
      ORDER BY ${KEY}, "day"
      ${add("RollupDay")}
    ), n AS (
      INSERT INTO "RollupNodeMonth" ("programmeId", "enterpriseId", "month", "total", "completed")
      SELECT "programmeId", "nodeId", date_trunc('month', "day")::date, sum("total")::int,
             sum("completed")::int
      FROM g WHERE "nodeId" IS NOT NULL
      GROUP BY 1, 2, 3 HAVING sum("total") <> 0 OR sum("completed") <> 0 ORDER BY 1, 2, 3
      ON CONFLICT ("programmeId", "enterpriseId", "month")
      DO UPDATE SET "total" = "RollupNodeMonth"."total" + EXCLUDED."total",
        "completed" = "RollupNodeMonth"."completed" + EXCLUDED."completed"
    )
    INSERT INTO "RollupMonth" (${KEY}, "month", "total", "completed", "pendingClaims", "weight",
      "weightedPercent", "red", "yellow")
    SELECT ${KEY}, date_trunc('month', "day")::date AS "month", ${sums} FROM g
    WHERE "nodeId" IS NULL
    GROUP BY ${KEY}, 5 ORDER BY ${KEY}, 5
    ${add("RollupMonth")}`;
}
