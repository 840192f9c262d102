import "server-only";
import { allowLongStatements, type DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { chinaDay, isoDay, startOfChinaDay } from "@/lib/time";
import { itemPlacementJoinsSql, validAtSql } from "../population";
import { colourCaseSql } from "../risk";
import { rebuildIndicatorRollups } from "./indicators";
import { applyStream, ROLLUP_LOCK } from "./maintain";
import {
  colourWindowSql,
  groupAtSql,
  nodeStreamColumns,
  planDaySql,
  streamColumns,
  type StreamFrom,
  type StreamRow,
} from "./stream";

/*
 * The roll-up computed set-based from the raw history of many items at once: the rebuild (seed,
 * generator, operators) and the programme-wide re-streams of the writers whose change every
 * item of a programme sees (a round's close, the plan settings). One item's stream, for the
 * ordinary writers, is stream.ts; applying streams is maintain.ts.
 */

/**
 * Keeps the roll-up exact across a change that every item of a programme may see from `from` on
 * without a history row of its own: a round's close (the colour's silent test), the
 * programme's plan settings (start date, points behind plan). The programme's stream (the
 * rebuild's, set-based) from `from` is subtracted as it stood before and added as it stands
 * after; items completed before `from` are left out (no colour after completion, the rest of
 * their rows unchanged). Holds the programme's roll-up lock exclusively: the programme's other
 * writers wait (withRollup), so the two streams see one history.
 */
export async function withProgrammeRollup<T>(
  tx: DbTx,
  programmeId: string,
  from: StreamFrom,
  change: () => Promise<T>,
): Promise<T> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK}::int, hashtext(${programmeId}))`;
  await tx.$executeRaw`SELECT set_config('work_mem', '256MB', true)`;
  await allowLongStatements(tx);
  const open =
    from === "created"
      ? Prisma.empty
      : Prisma.sql`AND (i."completedAt" IS NULL OR i."completedAt" >= ${startOfChinaDay(chinaDay(from))})`;
  const stream = rebuildStreamSql(
    Prisma.sql`i."programmeId" = ${programmeId}::uuid ${open}`,
    from === "created" ? undefined : chinaDay(from),
  );
  const before = await tx.$queryRaw<StreamRow[]>`${stream}`;
  const result = await change();
  await applyStream(tx, stream, before);
  return result;
}

/**
 * Recomputes the roll-up of one programme (or all) from the raw history: the same stream as
 * every item's `streamSql` from its creation, but sort-based instead of two `itemsAsOfSql`
 * evaluations per item and change day (hours at national scale). Each item's change days are
 * listed once; status and percent are carried forward by one window pass over them; the item's
 * row at the end of each change day (same joins and conditions as `itemsAsOfSql`) is added on
 * that day and subtracted on its next change day, so sums up to any day D equal the contribution
 * at the end of D. For the data generator, the seed and operators (`npm run rollup:verify`).
 */
export async function rebuildRollups(db: DbTx, programmeId?: string): Promise<void> {
  const items = programmeId ? Prisma.sql`i."programmeId" = ${programmeId}::uuid` : Prisma.sql`TRUE`;
  const where = programmeId ? Prisma.sql`"programmeId" = ${programmeId}::uuid` : Prisma.sql`TRUE`;
  // Sorts of millions of rows: in memory where it fits (local to the caller's transaction).
  await db.$executeRaw`SELECT set_config('work_mem', '256MB', true)`;
  await db.$executeRaw`DELETE FROM "RollupDay" WHERE ${where}`;
  await db.$executeRaw`DELETE FROM "RollupMonth" WHERE ${where}`;
  await db.$executeRaw`DELETE FROM "RollupNodeMonth" WHERE ${where}`;
  await db.$executeRaw`DELETE FROM "RollupGroupDay" WHERE ${where}`;
  await db.$executeRaw`DELETE FROM "RollupGroupMonth" WHERE ${where}`;
  await applyStream(db, rebuildStreamSql(items));
  await applyStream(db, rebuildNodeStreamSql(items));
  await rebuildIndicatorRollups(db, programmeId);
}

/**
 * `rebuildRollups` of every programme with its streams computed in `parts` slices of the items at
 * once, each in its own transaction on its own connection (`db` is a client whose pool has as
 * many), into unlogged staging tables, then summed into the roll-up in one transaction: the
 * database's cores share the work. For a bulk load with no writer running (the data generator):
 * the roll-up is replaced in one commit, but the slices read the history outside it.
 */
export async function rebuildRollupsInSlices(
  db: {
    $transaction: <T>(fn: (tx: DbTx) => Promise<T>, options?: { timeout?: number }) => Promise<T>;
  },
  parts: number,
): Promise<void> {
  const stage = (kind: "main" | "node", k: number) => Prisma.raw(`"_rollup_${kind}_${k}"`);
  const slices = Array.from({ length: parts }, (_, k) => k);
  const hour = { timeout: 3 * 3_600_000 };
  await Promise.all(
    slices.flatMap((k) =>
      (["main", "node"] as const).map((kind) =>
        db.$transaction(async (tx) => {
          await tx.$executeRaw`SELECT set_config('work_mem', '256MB', true)`;
          await tx.$executeRaw`SELECT set_config('statement_timeout', '0', true)`;
          const slice = Prisma.sql`abs(hashtext(i."id"::text)) % ${parts}::int = ${k}::int`;
          const stream = kind === "main" ? rebuildStreamSql(slice) : rebuildNodeStreamSql(slice);
          await tx.$executeRaw`DROP TABLE IF EXISTS ${stage(kind, k)}`;
          await tx.$executeRaw`CREATE UNLOGGED TABLE ${stage(kind, k)} AS ${stream}`;
        }, hour),
      ),
    ),
  );
  const all = (kind: "main" | "node") =>
    Prisma.join(
      slices.map((k) => Prisma.sql`SELECT * FROM ${stage(kind, k)}`),
      " UNION ALL ",
    );
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('work_mem', '256MB', true)`;
    await tx.$executeRaw`SELECT set_config('statement_timeout', '0', true)`;
    await tx.$executeRaw`DELETE FROM "RollupDay"`;
    await tx.$executeRaw`DELETE FROM "RollupMonth"`;
    await tx.$executeRaw`DELETE FROM "RollupNodeMonth"`;
    await tx.$executeRaw`DELETE FROM "RollupGroupDay"`;
    await tx.$executeRaw`DELETE FROM "RollupGroupMonth"`;
    await applyStream(tx, all("main"));
    await applyStream(tx, all("node"));
    for (const k of slices)
      for (const kind of ["main", "node"] as const)
        await tx.$executeRaw`DROP TABLE ${stage(kind, k)}`;
    await rebuildIndicatorRollups(tx);
  }, hour);
}

/** The China day of a timestamp column. */
const dayOfSql = (t: string) => Prisma.raw(`(${t} + interval '8 hours')::date`);

/** Both ends of a span table's rows, as days, joined to the items by `on`. */
const spanEnds = (from: string, on: string, itemId: string) =>
  Prisma.raw(`SELECT ${itemId}, (v."t" + interval '8 hours')::date FROM ${from}
    CROSS JOIN LATERAL (VALUES (x."validFrom"), (x."validTo")) v("t")
    WHERE ${on} AND v."t" IS NOT NULL`);

/** Every day on which an item's placement (span, merge, supervisor, closure) changes, as (id, day). */
function placementDaysSql(): Prisma.Sql {
  const viaFormer = (table: string, column: string) =>
    spanEnds(
      `${table} x JOIN "LedgerItemFormerEnterprise" fe ON fe."enterpriseId" = x."${column}"
         JOIN li ON li."id" = fe."ledgerItemId"`,
      "TRUE",
      `li."id"`,
    );
  return Prisma.sql`${spanEnds(`"LedgerItemSpan" x JOIN li ON li."id" = x."ledgerItemId"`, "TRUE", `li."id"`)}
      UNION ${spanEnds(`"LedgerItemFormerEnterprise" x JOIN li ON li."id" = x."ledgerItemId"`, "TRUE", `li."id"`)}
      UNION ${spanEnds(`"EnterpriseSupervisorSpan" x JOIN li ON li."enterpriseId" = x."enterpriseId"`, "TRUE", `li."id"`)}
      UNION ${viaFormer(`"EnterpriseSupervisorSpan"`, "enterpriseId")}
      UNION ${spanEnds(`"EnterpriseClosureSpan" x JOIN li ON li."enterpriseId" = x."descendantId"`, "TRUE", `li."id"`)}
      UNION ${viaFormer(`"EnterpriseClosureSpan"`, "descendantId")}`;
}

const ITEMS_SQL = (where: Prisma.Sql) => Prisma.sql`li AS MATERIALIZED (
      SELECT i."id", i."programmeId", i."enterpriseId", i."taskId", i."createdAt", i."completedAt",
             i."dueDate", pg."startDate", pg."behindPlanPoints"
      FROM "LedgerItem" i JOIN "Programme" pg ON pg."id" = i."programmeId" WHERE ${where}
    )`;

/**
 * RollupNodeMonth's rows rebuilt: only membership and completion matter (no status or percent),
 * so the change days are creation, completion and the placement days; each main item's row at
 * the end of a change day is added under every enterprise whose subtree held it then, and taken
 * off on its next change day.
 */
function rebuildNodeStreamSql(where: Prisma.Sql): Prisma.Sql {
  const end = Prisma.raw(`(f."day"::timestamp + interval '16 hours' - interval '1 millisecond')`);
  return Prisma.sql`
    WITH ${ITEMS_SQL(where)}, days AS (
      SELECT "id" AS "itemId", ${dayOfSql(`"createdAt"`)} AS "day" FROM li
      UNION SELECT "id", ${dayOfSql(`"completedAt"`)} FROM li WHERE "completedAt" IS NOT NULL
      UNION ${placementDaysSql()}
    ), f AS (
      SELECT d."itemId", d."day", lead(d."day") OVER (PARTITION BY d."itemId" ORDER BY d."day") AS "next"
      FROM days d
    ), c AS (
      SELECT li."programmeId", ns."ancestorId", x."day", x."sign",
             (li."completedAt" IS NOT NULL AND li."completedAt" <= ${end}) AS "completed"
      FROM f JOIN li ON li."id" = f."itemId"
      ${itemPlacementJoinsSql(end)}
      JOIN "EnterpriseClosureSpan" ns
        ON ns."descendantId" = COALESCE(fe."enterpriseId", li."enterpriseId") AND ${validAtSql("ns", end)}
      CROSS JOIN LATERAL (VALUES (f."day", 1), (f."next", -1)) x("day", "sign")
      WHERE li."createdAt" <= ${end} AND s."isMain" AND NOT s."notApplicable" AND x."day" IS NOT NULL
    )
    SELECT ${nodeStreamColumns(`c."ancestorId"`)}
    FROM c GROUP BY c."programmeId", c."ancestorId", c."day"`;
}

/**
 * The rebuild's stream of the items `where` (a condition on LedgerItem i), from China day `from`
 * when given: the rows dated from then on, i.e. summed up to a day D >= from, the contribution at
 * the end of D minus the one at the end of the day before `from`.
 */
function rebuildStreamSql(where: Prisma.Sql, from?: Date): Prisma.Sql {
  // An instant is at or before the end of China day D iff its China day is <= D (timestamp(3)).
  const end = Prisma.raw(`(f."day"::timestamp + interval '16 hours' - interval '1 millisecond')`);
  const items = Prisma.raw(`SELECT "id" FROM li`);
  return Prisma.sql`
    WITH ${ITEMS_SQL(where)}, ev AS MATERIALIZED (
      -- each item's last status event of each day: its status and percent at the day's end
      SELECT DISTINCT ON (1, 2) ev."ledgerItemId" AS "itemId", ${dayOfSql(`ev."at"`)} AS "day",
             ev."at" AS "t", ev."toStatus" = 'COMPLETION_CLAIMED' AS "claim", ev."percentDone" AS "p"
      FROM "LedgerStatusEvent" ev WHERE ev."ledgerItemId" IN (${items})
      ORDER BY 1, 2, ev."at" DESC, ev."id" DESC
    ), pe AS MATERIALIZED (
      SELECT DISTINCT ON (1, 2) pe."ledgerItemId" AS "itemId", ${dayOfSql(`pe."createdAt"`)} AS "day",
             pe."createdAt" AS "t", pe."percentDone" AS "p"
      FROM "ProgressEntry" pe WHERE pe."ledgerItemId" IN (${items})
      ORDER BY 1, 2, pe."createdAt" DESC, pe."id" DESC
    ), rounds AS MATERIALIZED (
      SELECT r."programmeId", ${dayOfSql(`r."closedAt"`)} AS "day", r."periodStart"
      FROM "ReportingRound" r
      WHERE r."status" = 'CLOSED' AND r."programmeId" IN (SELECT DISTINCT "programmeId" FROM li)
    ), rl AS MATERIALIZED (
      -- per programme and day: the period start of the last round closed by the day's end, the
      -- first close after the day, and the first close of a round whose period starts after it
      SELECT g."programmeId", g."day"::date AS "day",
             (SELECT max(r."periodStart") FROM rounds r
              WHERE r."programmeId" = g."programmeId" AND r."day" <= g."day") AS "start",
             (SELECT min(r."day") FROM rounds r
              WHERE r."programmeId" = g."programmeId" AND r."day" > g."day") AS "nextClose",
             (SELECT min(r."day") FROM rounds r
              WHERE r."programmeId" = g."programmeId" AND r."periodStart" > g."day") AS "firstAbove"
      FROM (
        SELECT b."programmeId", generate_series(b."first", b."last", interval '1 day') AS "day"
        FROM (
          SELECT "programmeId", min(${dayOfSql(`"createdAt"`)}) - 1 AS "first",
                 greatest(max("dueDate") + 2, max(${dayOfSql(`"completedAt"`)}) + 1,
                          ${dayOfSql(`now() AT TIME ZONE 'UTC'`)} + 2) AS "last"
          FROM li GROUP BY 1) b
      ) g
    ), days AS (
      -- every day on which something an item's row depends on changes (as in streamSql)
      SELECT "id" AS "itemId", ${dayOfSql(`"createdAt"`)} AS "day" FROM li
      UNION SELECT "id", ${dayOfSql(`"completedAt"`)} FROM li WHERE "completedAt" IS NOT NULL
      UNION SELECT "itemId", "day" FROM ev
      UNION SELECT "itemId", "day" FROM pe
      UNION ${placementDaysSql()}
    ), h AS (
      -- carried forward: the latest (day, value) pair so far, packed into one number
      SELECT d."itemId", d."day", lead(d."day") OVER w AS "next",
             (max(CASE WHEN ev."day" IS NOT NULL THEN (d."day" - DATE '2000-01-01') * 2 + ev."claim"::int END)
               OVER w) % 2 = 1 AS "claim",
             (max(CASE WHEN ev."day" IS NOT NULL OR pe."day" IS NOT NULL
                 THEN (d."day" - DATE '2000-01-01')::bigint * 1000
                   + CASE WHEN pe."day" IS NULL OR (ev."day" IS NOT NULL AND ev."t" >= pe."t")
                          THEN ev."p" ELSE pe."p" END END) OVER w) % 1000 AS "p",
             max(pe."t") OVER w AS "lastEntryAt"
      FROM days d
      LEFT JOIN ev ON ev."itemId" = d."itemId" AND ev."day" = d."day"
      LEFT JOIN pe ON pe."itemId" = d."itemId" AND pe."day" = d."day"
      WINDOW w AS (PARTITION BY d."itemId" ORDER BY d."day")
    ), x AS (
      -- the days the colour changes between two history days, the history held meanwhile
      -- (stream.ts, planDaySql): the due date passed, the plan passing the percent held, and
      -- the first round close that makes the item silent (the last round's period start only
      -- grows, so that is the later of the next close and the first close of a round starting
      -- after the last entry's day)
      SELECT h."itemId", k."day", h."claim", h."p", h."lastEntryAt"
      FROM h JOIN li ON li."id" = h."itemId"
      LEFT JOIN rl r1 ON r1."programmeId" = li."programmeId" AND r1."day" = h."day"
      LEFT JOIN rl r2 ON r2."programmeId" = li."programmeId" AND r2."day" = h."lastEntryAt"::date
      -- (an array: each candidate computed once, not once per condition naming it)
      CROSS JOIN LATERAL unnest(ARRAY[li."dueDate" + 1,
        ${planDaySql("li", Prisma.raw(`COALESCE(h."p", 0)`))},
        greatest(r1."nextClose", CASE WHEN h."lastEntryAt" IS NOT NULL THEN r2."firstAbove" END)]
      ) k("day")
      WHERE k."day" > h."day" AND (h."next" IS NULL OR k."day" < h."next")
        AND (k."day" = li."dueDate" + 1 OR ${colourWindowSql("li", Prisma.raw(`k."day"`))})
    ), f AS (
      SELECT u.*, lead(u."day") OVER (PARTITION BY u."itemId" ORDER BY u."day") AS "next"
      FROM (SELECT "itemId", "day", "claim", "p", "lastEntryAt" FROM h
            UNION SELECT "itemId", "day", "claim", "p", "lastEntryAt" FROM x) u
    ), st AS (
      -- the item's population row at the end of each change day (itemsAsOfSql's joins)
      SELECT li."programmeId", ss."supervisorId", s."categoryId", s."isMain", f."day", f."next",
             CASE WHEN s."isMain" THEN ${groupAtSql(Prisma.raw(`COALESCE(fe."enterpriseId", li."enterpriseId")`), end)} END
               AS "groupId",
             (li."completedAt" IS NOT NULL AND li."completedAt" <= ${end}) AS "completed",
             COALESCE(f."claim", false) AS "claim", COALESCE(f."p", 0) AS "p", t."weight",
             ${colourCaseSql({
               day: Prisma.raw(`f."day"`),
               full: false,
               notApplicable: Prisma.raw(`false`),
               completed: Prisma.sql`(li."completedAt" IS NOT NULL AND li."completedAt" <= ${end})`,
               claimPending: Prisma.raw(`COALESCE(f."claim", false)`),
               percentDone: Prisma.raw(`COALESCE(f."p", 0)`),
               dueDate: Prisma.raw(`li."dueDate"`),
               lastEntryAt: Prisma.raw(`f."lastEntryAt"`),
               lastRoundStart: Prisma.raw(`rl."start"`),
               startDate: Prisma.raw(`li."startDate"`),
               behindPlanPoints: Prisma.raw(`li."behindPlanPoints"`),
               dueSoonDays: Prisma.raw(`0`),
             })} AS "colour"
      FROM f JOIN li ON li."id" = f."itemId"
      ${itemPlacementJoinsSql(end)}
      LEFT JOIN rl ON rl."programmeId" = li."programmeId" AND rl."day" = f."day"
      WHERE li."createdAt" <= ${end} AND NOT s."notApplicable"
    ), c AS (
      -- added on its day, taken off on the item's next change day
      SELECT st."programmeId", st."supervisorId", st."categoryId", st."isMain", x."day", x."sign",
             st."groupId", st."completed", st."claim", st."p", st."weight", st."colour"
      FROM st CROSS JOIN LATERAL (VALUES (st."day", 1), (st."next", -1)) x("day", "sign")
      WHERE x."day" IS NOT NULL ${from ? Prisma.sql`AND x."day" >= ${isoDay(from)}::date` : Prisma.empty}
    )
    -- the RollupDay rows (per category) and the RollupGroupDay rows (per group: main items)
    SELECT ${streamColumns("claim", "p")}, NULL::text AS "nodeId", c."groupId"::text AS "groupId"
    FROM c
    GROUP BY c."programmeId", c."supervisorId", c."isMain", c."day",
      GROUPING SETS ((c."categoryId"), (c."groupId"))
    HAVING GROUPING(c."categoryId") = 0 OR c."groupId" IS NOT NULL`;
}
