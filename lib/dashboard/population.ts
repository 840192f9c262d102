import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeSql } from "@/lib/auth/scope";
import { Prisma } from "@/lib/generated/prisma/client";

/** `alias` is a span row valid at `at`: spans are half-open, [validFrom, validTo). */
export function validAtSql(alias: string, at: Prisma.Sql): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`(${a}."validFrom" <= ${at} AND (${a}."validTo" IS NULL OR ${a}."validTo" > ${at}))`;
}

/**
 * THE population of every dashboard figure, as a derived table: the programme's ledger items as
 * they stood at an instant, one row per item, with the attributes a figure groups or filters by
 * *as of that instant*. Every roll-up selects FROM this and groups; nothing else defines who
 * counts. Past attributes come from the recorded history, never from the current columns, so a
 * figure for a past instant never changes afterwards:
 *
 * - "isMain", "categoryId", "notApplicable": the item's LedgerItemSpan valid at the instant.
 * - "enterpriseId": the item's own, or, before a merge moved it, the enterprise it stood at then
 *   (its closed LedgerItemFormerEnterprise span; only merged items have one); "supervisorId":
 *   that enterprise's EnterpriseSupervisorSpan at the instant.
 * - "completed": final approval on or before the instant (`completedAt`). No code path takes an
 *   item out of COMPLETED (entries and claims refuse completed items, only a pending claim can
 *   be returned), so `completedAt` is exact and needs no history lookup. Approval records the
 *   item's last status event (COMPLETED, percent 100) at `completedAt`, so a completed item's
 *   status and percent are known without one either (tests/integration/history.test.ts).
 * - "status": the last LedgerStatusEvent at or before the instant (NOT_STARTED before any);
 *   "claimPending" is that status being COMPLETION_CLAIMED (claims can be returned, so the
 *   current `claimedAt` cannot say whether one was pending in the past).
 * - "percentDone": the item's percent as it stood at the instant, i.e. the later of its last
 *   progress entry and its last status event at or before it (entries set it when submitted,
 *   approval sets 100, a returned claim restores the previous one): what the ledger showed.
 * - "lastEntryAt": its last progress entry at or before the instant.
 * - "weight" (the task's), "dueDate" (the item's): not history-bearing today.
 *
 * Status, percent and last entry are scalar subqueries, so a view that does not select them
 * (the counts) does not pay for them once the planner pulls this derived table up. `at` may be
 * a column of an outer query (several instants in one statement through LATERAL).
 *
 * Columns: "itemId", "taskId", "categoryId", "enterpriseId", "supervisorId", "isMain",
 * "notApplicable", "completed", "claimPending", "percentDone", "weight", "dueDate", "status",
 * "lastEntryAt".
 */
export function itemsAsOfSql(options: {
  /** A programme id, or a SQL expression of one (the roll-up's per-item evaluation). */
  programmeId: string | Prisma.Sql;
  at: Prisma.Sql;
  /**
   * Only this item (an expression): the roll-up evaluates items one by one, the at-risk list
   * walks them by due date. The node's candidate arrays are then not applied (a linear search of
   * an array per row); its conditions on the row are.
   */
  itemId?: Prisma.Sql;
  /**
   * Only the items of a node as it stood at `at` (the same condition populationWhereSql puts on
   * the rows; callers keep that one too). Inside, it prunes items before their status and
   * percent are looked up: PostgreSQL does not push a condition holding a sub-select (the
   * subtree) down into this derived table, so outside it every item of the programme was
   * evaluated first (a large group's dashboard: 7 s on 97,000 items).
   */
  node?: { enterpriseId?: string; supervisorId?: string };
  /**
   * Read status, percent and last entry from the item's current columns when the instant is
   * after everything recorded (`liveAtSql`): the history's answer then IS those columns (every
   * writer sets them with the history row, tests/integration/history.test.ts), and looking it up
   * costs three index probes per item. Not for the roll-up's writers, which evaluate an item in
   * the middle of changing it.
   */
  live?: boolean;
  /**
   * The caller has checked that `at` is after everything recorded (`isAfterEverythingRecorded`):
   * the rows come from the current columns and the current tree alone, no history looked up.
   */
  current?: boolean;
}): Prisma.Sql {
  const { at } = options;
  const live = options.live ? liveAtSql(at) : null;
  const fromHistory = (history: Prisma.Sql, current: Prisma.Sql) =>
    live ? Prisma.sql`(CASE WHEN ${live} THEN ${current} ELSE ${history} END)` : history;
  const programmeId =
    typeof options.programmeId === "string"
      ? Prisma.sql`${options.programmeId}::uuid`
      : options.programmeId;
  if (options.current) return currentItemsSql(programmeId, options.node);
  const completed = Prisma.sql`(li."completedAt" IS NOT NULL AND li."completedAt" <= ${at})`;
  // A completed item's status and percent need no look-up: approval is its last event
  // (COMPLETED, 100, at completedAt) and nothing is recorded on it after (see above). Late in a
  // programme most items are completed (1.5M of 1.94M national items now).
  const status = fromHistory(
    Prisma.sql`CASE WHEN ${completed} THEN 'COMPLETED'::"LedgerStatus" ELSE COALESCE((
      SELECT ev."toStatus" FROM "LedgerStatusEvent" ev
      WHERE ev."ledgerItemId" = li."id" AND ev."at" <= ${at}
      ORDER BY ev."at" DESC, ev."id" DESC LIMIT 1), 'NOT_STARTED'::"LedgerStatus") END`,
    Prisma.sql`li."status"`,
  );
  const percentDone = fromHistory(
    Prisma.sql`CASE WHEN ${completed} THEN 100 ELSE COALESCE((
             SELECT x."p" FROM (
               (SELECT ev."percentDone" AS "p", ev."at" AS "t", 1 AS "k" FROM "LedgerStatusEvent" ev
                WHERE ev."ledgerItemId" = li."id" AND ev."at" <= ${at}
                ORDER BY ev."at" DESC, ev."id" DESC LIMIT 1)
               UNION ALL
               (SELECT pe."percentDone", pe."createdAt", 0 FROM "ProgressEntry" pe
                WHERE pe."ledgerItemId" = li."id" AND pe."createdAt" <= ${at}
                ORDER BY pe."createdAt" DESC LIMIT 1)
             ) x ORDER BY x."t" DESC, x."k" DESC LIMIT 1), 0) END`,
    Prisma.sql`li."percentDone"`,
  );
  const lastEntryAt = fromHistory(
    Prisma.sql`(SELECT max(pe."createdAt") FROM "ProgressEntry" pe
      WHERE pe."ledgerItemId" = li."id" AND pe."createdAt" <= ${at})`,
    Prisma.sql`li."lastEntryAt"`,
  );
  return Prisma.sql`(
    SELECT li."id" AS "itemId", li."taskId", s."categoryId",
           COALESCE(fe."enterpriseId", li."enterpriseId") AS "enterpriseId",
           ss."supervisorId", s."isMain", s."notApplicable",
           ${completed} AS "completed",
           (${status} = 'COMPLETION_CLAIMED') AS "claimPending",
           ${percentDone} AS "percentDone",
           t."weight", li."dueDate", ${status} AS "status", ${lastEntryAt} AS "lastEntryAt"
    FROM "LedgerItem" li
    ${itemPlacementJoinsSql(at)}
    ${
      options.node?.enterpriseId
        ? // A join, not IN (...): the planner starts from the subtree's spans (one valid per pair).
          Prisma.sql`JOIN "EnterpriseClosureSpan" ns
            ON ns."descendantId" = COALESCE(fe."enterpriseId", li."enterpriseId")
            AND ns."ancestorId" = ${options.node.enterpriseId}::uuid AND ${validAtSql("ns", at)}`
        : Prisma.empty
    }
    WHERE li."programmeId" = ${programmeId} AND li."createdAt" <= ${at}
      ${options.itemId ? Prisma.sql`AND li."id" = ${options.itemId}` : Prisma.empty}
      ${(options.node?.enterpriseId || options.node?.supervisorId) && !options.itemId ? Prisma.sql`AND ${nodeCandidatesSql(options.node)}` : Prisma.empty}
      ${options.node?.supervisorId ? Prisma.sql`AND ss."supervisorId" = ${options.node.supervisorId}::uuid` : Prisma.empty}
  )`;
}

/**
 * The instant `at` is after everything recorded: a minute past the transaction's start, so that
 * a writer's clock a little ahead of the database's cannot date a visible row after it.
 */
export function liveAtSql(at: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${at} > (now() AT TIME ZONE 'UTC') + interval '1 minute')`;
}

/** `liveAtSql` decided before the statement, on this process's clock, for a constant instant. */
export function isAfterEverythingRecorded(at: Date, now = Date.now()): boolean {
  return at.getTime() > now + 60_000;
}

/**
 * itemsAsOfSql's rows at an instant after everything recorded, from the items' current columns
 * and the current tree: spans never start in the future (a change is recorded when decided,
 * lib/enterprises/effective-at.ts), so the spans valid then are the open ones, which the current
 * columns repeat (the item's supervisor column is its enterprise's, kept by triggers); an item
 * that moved in a merge now stands at the survivor. Same columns, same order.
 * tests/integration/dashboard-rollup.test.ts compares the two, item by item.
 */
function currentItemsSql(
  programmeId: Prisma.Sql,
  node: { enterpriseId?: string; supervisorId?: string } | undefined,
): Prisma.Sql {
  return Prisma.sql`(
    SELECT li."id" AS "itemId", li."taskId", li."categoryId", li."enterpriseId",
           li."supervisorId", li."isMain", li."notApplicable",
           (li."completedAt" IS NOT NULL) AS "completed",
           (li."status" = 'COMPLETION_CLAIMED') AS "claimPending", li."percentDone",
           t."weight", li."dueDate", li."status", li."lastEntryAt"
    FROM "LedgerItem" li
    LEFT JOIN "Task" t ON t."id" = li."taskId"
    ${
      node?.enterpriseId
        ? Prisma.sql`JOIN "EnterpriseClosure" nc
            ON nc."descendantId" = li."enterpriseId" AND nc."ancestorId" = ${node.enterpriseId}::uuid`
        : Prisma.empty
    }
    WHERE li."programmeId" = ${programmeId}
      ${node?.supervisorId ? Prisma.sql`AND li."supervisorId" = ${node.supervisorId}::uuid` : Prisma.empty}
  )`;
}

/**
 * The condition on `li` "may ever belong to the node": placed now, or before a merge, at an
 * enterprise that was ever in the subtree (or ever supervised by the supervisor). A superset,
 * uncorrelated with the instant, so its arrays (of enterprises, and of items placed there before
 * a merge) are computed once per statement and the items are read through the enterprise index,
 * instead of scanning the whole programme at every instant of a trend. (An array of the items
 * themselves cost a third of the national table read twice for the largest supervisor.)
 */
function nodeCandidatesSql(node: { enterpriseId?: string; supervisorId?: string }): Prisma.Sql {
  const enterprises = node.enterpriseId
    ? Prisma.sql`SELECT "descendantId" FROM "EnterpriseClosureSpan" WHERE "ancestorId" = ${node.enterpriseId}::uuid`
    : Prisma.sql`SELECT "enterpriseId" FROM "EnterpriseSupervisorSpan" WHERE "supervisorId" = ${node.supervisorId}::uuid`;
  return Prisma.sql`(li."enterpriseId" = ANY(ARRAY(${enterprises}))
    OR li."id" = ANY(ARRAY(SELECT x."ledgerItemId" FROM "LedgerItemFormerEnterprise" x
                           WHERE x."enterpriseId" IN (${enterprises}))))`;
}

/**
 * Where item `li` stood at `at`: its enterprise then (fe, after a merge), its span (s: category,
 * main, applicability), its enterprise's supervisor then (ss) and its task (t; every item has one,
 * and as an outer join on its key the planner drops it from the views that need no weight). The one
 * definition the population and the roll-up rebuild share.
 */
export function itemPlacementJoinsSql(at: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`LEFT JOIN "LedgerItemFormerEnterprise" fe
      ON fe."ledgerItemId" = li."id" AND fe."validFrom" <= ${at} AND fe."validTo" > ${at}
    JOIN "LedgerItemSpan" s ON s."ledgerItemId" = li."id" AND ${validAtSql("s", at)}
    JOIN "EnterpriseSupervisorSpan" ss
      ON ss."enterpriseId" = COALESCE(fe."enterpriseId", li."enterpriseId") AND ${validAtSql("ss", at)}
    LEFT JOIN "Task" t ON t."id" = li."taskId"`;
}

/**
 * A node filter: the enterprise id column is in the subtree of `enterpriseId` as the tree stood
 * at `at` (the closure spans valid then), so a roll-up of a node for a past day counts the
 * enterprises that were under it that day, not the ones under it now.
 */
export function subtreeAsOfSql(
  enterpriseId: string,
  at: Prisma.Sql,
  enterpriseIdColumn: Prisma.Sql,
): Prisma.Sql {
  return Prisma.sql`${enterpriseIdColumn} IN (
    SELECT cs."descendantId" FROM "EnterpriseClosureSpan" cs
    WHERE cs."ancestorId" = ${enterpriseId}::uuid AND ${validAtSql("cs", at)})`;
}

/** A node filter: the enterprise id column was supervised by `supervisorId` at `at`. */
export function supervisorAsOfSql(
  supervisorId: string,
  at: Prisma.Sql,
  enterpriseIdColumn: Prisma.Sql,
): Prisma.Sql {
  return Prisma.sql`${enterpriseIdColumn} IN (
    SELECT ss."enterpriseId" FROM "EnterpriseSupervisorSpan" ss
    WHERE ss."supervisorId" = ${supervisorId}::uuid AND ${validAtSql("ss", at)})`;
}

/**
 * Which population rows a viewer may count: the viewer's scope *as granted now*, applied to the
 * item's enterprise *as placed now*. Membership of a node is as of the instant (subtreeAsOfSql),
 * but who may look is decided today: a reviewer who took over a group sees its past too, and one
 * who lost it sees none of it. `alias` is the derived table's alias.
 */
export function populationScopeSql(actor: Actor, alias: string): Prisma.Sql {
  return enterpriseScopeSql(actor, Prisma.raw(`${alias}."enterpriseId"`));
}

/** The headline's population among the rows: main tasks that apply (not-applicable excluded). */
export function mainPopulationSql(alias: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`(${a}."isMain" AND NOT ${a}."notApplicable")`;
}
