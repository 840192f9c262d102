import "server-only";
import type { DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  applyIndicatorJsonSql,
  indicatorStreamFromSql,
  type IndicatorStreamRow,
} from "./indicators";
import {
  dayOf,
  streamDay,
  streamFromSql,
  streamSql,
  type StreamFrom,
  type StreamRow,
} from "./stream";

/**
 * Keeps the dashboard roll-up (RollupDay, RollupMonth, RollupNodeMonth and the indicators'
 * roll-up, ./indicators.ts) exact in the writer's transaction: the items' streams (./stream.ts,
 * ./indicators.ts) from `from` is subtracted as it stood before `change` and added as
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
  // The programmes' roll-up locks, shared with every other writer, before the items' locks, so a
  // programme-wide re-stream (withProgrammeRollup) waits for the writers in flight and they for
  // it, never in a cycle. One statement: the condition naming `shared` holds no column, so it is
  // evaluated once, before the first row is read and locked.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    WITH shared AS MATERIALIZED (
      SELECT pg_advisory_xact_lock_shared(${ROLLUP_LOCK}::int, hashtext(p."programmeId"::text))
      FROM (SELECT DISTINCT "programmeId" FROM "LedgerItem" WHERE "id" IN (${selection}) ORDER BY 1) p)
    SELECT "id"::text AS "id" FROM "LedgerItem"
    WHERE "id" IN (${selection}) AND (SELECT count(*) FROM shared) >= 0
    ORDER BY "id" FOR UPDATE`;
  if (!locked.length) return change();
  const ids = locked.map((r) => r.id);
  if (from === "created") {
    const created = dayOf(Prisma.raw(`li."createdAt"`));
    const idArray = Prisma.sql`${ids}::uuid[]`;
    const before = await tx.$queryRaw<StreamRow[]>`${streamSql(idArray, from)}`;
    const beforeIndicators = await tx.$queryRaw<IndicatorStreamRow[]>`${indicatorStreamFromSql(
      idArray,
      created,
    )}`;
    const result = await change();
    await applyStream(tx, streamSql(idArray, from), before);
    await tx.$executeRaw`${applyIndicatorJsonSql(
      indicatorStreamFromSql(idArray, created),
      Prisma.sql`${JSON.stringify(beforeIndicators)}::jsonb`,
    )}`;
    return result;
  }
  // The everyday case, through the database functions that keep their plans (rollupFunctions):
  // both streams in one statement, both applications in another, the streams handed back as the
  // JSON the database wrote (one round trip each, nothing parsed here).
  const day = streamDay(from);
  const [before] = await tx.$queryRaw<{ main: string; indicators: string }[]>`
    SELECT (SELECT COALESCE(json_agg(s), '[]') FROM rollup_stream(${day}::date, ${ids}::uuid[]) s)::text AS "main",
           (SELECT COALESCE(json_agg(s), '[]') FROM rollup_indicator_stream(${day}::date, ${ids}::uuid[]) s)::text AS "indicators"`;
  const result = await change();
  await tx.$executeRaw`
    SELECT rollup_apply(${day}::date, ${ids}::uuid[], ${before!.main}::jsonb),
           rollup_indicator_apply(${day}::date, ${ids}::uuid[], ${before!.indicators}::jsonb)`;
  return result;
}

/** A database function of the roll-up: name, arguments, return type and body. */
export type RollupFunction = { name: string; args: string; returns: string; body: string };

/**
 * The write path's two statements (an ordinary write's stream before the change, and the
 * subtraction and addition after it) as SQL functions whose plans are kept: planning the stream
 * took 6-20 ms, its execution 2. Without the function's setting PostgreSQL judges the generic
 * plan costlier than a fresh one and plans every call anew. Generated from streamSql and
 * applyStreamSql, so the text is the writers' own; `npm run db:migration` writes a migration
 * that (re)creates them whenever the text changes, and a test checks the database's copy.
 */
export function rollupFunctions(): RollupFunction[] {
  const text = (sql: Prisma.Sql) => {
    if (sql.values.length) throw new Error("A roll-up function's body takes no bound values.");
    // The migration engine splits scripts at every semicolon (ARCHITECTURE.md, "Database").
    if (sql.text.includes(";")) throw new Error("A roll-up function's body holds no semicolon.");
    return sql.text;
  };
  const kept = "SET plan_cache_mode = force_generic_plan";
  return [
    {
      name: "rollup_stream",
      args: "p_day date, p_ids uuid[]",
      returns: `TABLE ("programmeId" text, "supervisorId" text, "categoryId" text, "isMain" boolean,
  "day" text, "total" int, "completed" int, "pendingClaims" int, "weight" text,
  "weightedPercent" text, "red" int, "yellow" int, "nodeId" text, "groupId" text)
  LANGUAGE sql STABLE ${kept}`,
      body: text(streamFromSql(Prisma.raw("p_ids"), Prisma.raw("p_day"))),
    },
    {
      name: "rollup_apply",
      args: "p_day date, p_ids uuid[], p_minus jsonb",
      returns: `void LANGUAGE sql VOLATILE ${kept}`,
      body: text(
        applyJsonSql(
          Prisma.raw("SELECT * FROM rollup_stream(p_day, p_ids)"),
          Prisma.raw("p_minus"),
        ),
      ),
    },
    {
      name: "rollup_indicator_stream",
      args: "p_day date, p_ids uuid[]",
      returns: `TABLE ("programmeId" text, "supervisorId" text, "indicatorId" text, "day" text,
  "items" int, "actual" text, "ownBaseline" text, "ownBaselines" int, "ownTarget" text,
  "ownTargets" int) LANGUAGE sql STABLE ${kept}`,
      body: text(indicatorStreamFromSql(Prisma.raw("p_ids"), Prisma.raw("p_day"))),
    },
    {
      name: "rollup_indicator_apply",
      args: "p_day date, p_ids uuid[], p_minus jsonb",
      returns: `void LANGUAGE sql VOLATILE ${kept}`,
      body: text(
        applyIndicatorJsonSql(
          Prisma.raw("SELECT * FROM rollup_indicator_stream(p_day, p_ids)"),
          Prisma.raw("p_minus"),
        ),
      ),
    },
  ];
}

/** The statements that (re)create rollupFunctions (a migration's text). */
export function rollupFunctionsSql(): string {
  const functions = rollupFunctions();
  // Dropped first: a function's result columns cannot be changed by CREATE OR REPLACE.
  return [
    `${ROLLUP_FUNCTIONS_MARKER}\n`,
    ...functions.map((f) => `DROP FUNCTION IF EXISTS ${f.name}(${f.args});\n`),
    ...functions.map(
      (f) =>
        `\nCREATE FUNCTION ${f.name}(${f.args})\nRETURNS ${f.returns}\nAS $rollup$${f.body}$rollup$;\n`,
    ),
  ].join("");
}

/** The line that opens rollupFunctionsSql in a migration. */
export const ROLLUP_FUNCTIONS_MARKER =
  "-- Roll-up write functions, generated from lib/dashboard/rollup (rollupFunctions)";

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

const GROUP_KEY = Prisma.raw(`"programmeId", "supervisorId", "groupId"`);
const GROUP_FIGURES = Prisma.raw(
  `"total", "completed", "weight", "weightedPercent", "red", "yellow"`,
);
const addGroup = (table: string, period: string) =>
  Prisma.raw(`ON CONFLICT ("programmeId", "supervisorId", "${period}", "groupId")
    DO UPDATE SET ${["total", "completed", "weight", "weightedPercent", "red", "yellow"]
      .map((f) => `"${f}" = "${table}"."${f}" + EXCLUDED."${f}"`)
      .join(", ")}`);

/** applyStream's one statement. */
function applyStreamSql(stream: Prisma.Sql, minus: readonly StreamRow[] = []): Prisma.Sql {
  return applyJsonSql(stream, Prisma.sql`${JSON.stringify(minus)}::jsonb`);
}

/** applyStreamSql with the rows to subtract as a jsonb expression (an array of StreamRow). */
export function applyJsonSql(stream: Prisma.Sql, minus: Prisma.Sql): Prisma.Sql {
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
             -"red" AS "red", -"yellow" AS "yellow", "nodeId"::uuid AS "nodeId",
             "groupId"::uuid AS "groupId"
      FROM jsonb_to_recordset(${minus}) AS r("programmeId" text,
        "supervisorId" text, "categoryId" text, "isMain" boolean, "day" text, "total" int,
        "completed" int, "pendingClaims" int, "weight" text, "weightedPercent" text, "red" int,
        "yellow" int, "nodeId" text, "groupId" text)
    ), g AS (
      SELECT ${KEY}, "nodeId", "groupId", "day", ${sums} FROM (
        SELECT "programmeId"::uuid AS "programmeId", "supervisorId"::uuid AS "supervisorId",
               "categoryId"::uuid AS "categoryId", "isMain", "day"::date AS "day", "total",
               "completed", "pendingClaims", "weight"::numeric AS "weight",
               "weightedPercent"::numeric AS "weightedPercent", "red", "yellow",
               "nodeId"::uuid AS "nodeId", "groupId"::uuid AS "groupId" FROM st
        UNION ALL SELECT * FROM m) x
      GROUP BY ${KEY}, "nodeId", "groupId", "day"
      HAVING sum("total") <> 0 OR sum("completed") <> 0 OR sum("pendingClaims") <> 0
          OR sum("weight") <> 0 OR sum("weightedPercent") <> 0 OR sum("red") <> 0
          OR sum("yellow") <> 0
    ), d AS (
      INSERT INTO "RollupDay" (${KEY}, "day", "total", "completed", "pendingClaims", "weight",
        "weightedPercent", "red", "yellow")
      SELECT ${KEY}, "day", "total", "completed", "pendingClaims", "weight", "weightedPercent",
             "red", "yellow" FROM g
      WHERE "nodeId" IS NULL AND "groupId" IS NULL
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
    ), gd AS (
      INSERT INTO "RollupGroupDay" (${GROUP_KEY}, "day", ${GROUP_FIGURES})
      SELECT ${GROUP_KEY}, "day", ${GROUP_FIGURES} FROM g
      WHERE "groupId" IS NOT NULL
      ORDER BY ${GROUP_KEY}, "day"
      ${addGroup("RollupGroupDay", "day")}
    ), gm AS (
      INSERT INTO "RollupGroupMonth" (${GROUP_KEY}, "month", ${GROUP_FIGURES})
      SELECT ${GROUP_KEY}, date_trunc('month', "day")::date, sum("total")::int,
             sum("completed")::int, sum("weight"), sum("weightedPercent"), sum("red")::int,
             sum("yellow")::int
      FROM g WHERE "groupId" IS NOT NULL
      GROUP BY ${GROUP_KEY}, 4 ORDER BY ${GROUP_KEY}, 4
      ${addGroup("RollupGroupMonth", "month")}
    )
    INSERT INTO "RollupMonth" (${KEY}, "month", "total", "completed", "pendingClaims", "weight",
      "weightedPercent", "red", "yellow")
    SELECT ${KEY}, date_trunc('month', "day")::date AS "month", ${sums} FROM g
    WHERE "nodeId" IS NULL AND "groupId" IS NULL
    GROUP BY ${KEY}, 5 ORDER BY ${KEY}, 5
    ${add("RollupMonth")}`;
}
