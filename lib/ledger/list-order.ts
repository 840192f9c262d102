import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeSql } from "@/lib/auth/scope";
import { colourCaseSql, colourWhereSql } from "@/lib/dashboard/risk";
import type { DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { isoDay } from "@/lib/time";
import type { LedgerListFilter, ListColour } from "./schemas";

/**
 * The items of the actor's scope with their colour *now*, as a derived table: the dashboard's
 * SQL colour rule (lib/dashboard/risk.ts colourCaseSql) over the items' current columns, the same
 * inputs lib/ledger/rows.ts gives the TS rule (status, percent, due date, last entry, the last
 * closed round of the programme), so a row's badge and the list's colour filter and order agree.
 * Columns: "itemId", "programmeId", "isMain", "status", "notApplicable", "dueDate", "colour".
 */
export function currentColourSql(actor: Actor, today: Date): Prisma.Sql {
  const colour = colourCaseSql({
    day: Prisma.sql`${isoDay(today)}::date`,
    full: true,
    notApplicable: Prisma.sql`li."notApplicable"`,
    completed: Prisma.sql`(li."status" = 'COMPLETED')`,
    claimPending: Prisma.sql`(li."status" = 'COMPLETION_CLAIMED')`,
    percentDone: Prisma.sql`li."percentDone"`,
    dueDate: Prisma.sql`li."dueDate"`,
    lastEntryAt: Prisma.sql`li."lastEntryAt"`,
    lastRoundStart: Prisma.sql`lr."periodStart"`,
    startDate: Prisma.sql`pg."startDate"`,
    behindPlanPoints: Prisma.sql`pg."behindPlanPoints"`,
    dueSoonDays: Prisma.sql`pg."dueSoonDays"`,
  });
  return Prisma.sql`(
    SELECT li."id" AS "itemId", li."programmeId", li."isMain", li."status", li."notApplicable",
           li."dueDate", ${colour} AS "colour"
    FROM "LedgerItem" li
    JOIN "Programme" pg ON pg."id" = li."programmeId"
    LEFT JOIN LATERAL (
      SELECT max(r."periodStart") AS "periodStart" FROM "ReportingRound" r
      WHERE r."programmeId" = li."programmeId" AND r."status" = 'CLOSED'
    ) lr ON TRUE
    WHERE ${enterpriseScopeSql(actor, Prisma.raw(`li."enterpriseId"`))}
  )`;
}

/** Ids of the scope's items with this colour now. */
export async function currentColourIds(
  db: DbTx,
  actor: Actor,
  colour: ListColour,
  today: Date,
): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT c."itemId"::text AS "id" FROM ${currentColourSql(actor, today)} c
    WHERE ${colourWhereSql("c", colour)}`;
  return rows.map((r) => r.id);
}

/**
 * A liaison's part of "needs my action" (see ARCHITECTURE.md): open items of the scope (not
 * started or in progress, applicable) that are red or yellow, or whose latest entry was returned,
 * or, for main items, that have no entry for the period of an open round of their programme.
 */
export async function liaisonActionIds(db: DbTx, actor: Actor, today: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT c."itemId"::text AS "id" FROM ${currentColourSql(actor, today)} c
    WHERE c."status" IN ('NOT_STARTED', 'IN_PROGRESS') AND NOT c."notApplicable" AND (
      c."colour" IN ('red', 'yellow')
      OR (SELECT pe."reviewState" FROM "ProgressEntry" pe WHERE pe."ledgerItemId" = c."itemId"
          ORDER BY pe."createdAt" DESC, pe."id" DESC LIMIT 1) = 'RETURNED'
      OR (c."isMain" AND EXISTS (
          SELECT 1 FROM "ReportingRound" r
          WHERE r."programmeId" = c."programmeId" AND r."status" = 'OPEN'
            AND NOT EXISTS (SELECT 1 FROM "ProgressEntry" pe
                            WHERE pe."ledgerItemId" = c."itemId" AND pe."period" = r."period"))))`;
  return rows.map((r) => r.id);
}

const COLOUR_RANK = Prisma.sql`(CASE c."colour" WHEN 'red' THEN 0 WHEN 'yellow' THEN 1
  WHEN 'blue' THEN 2 WHEN 'green' THEN 3 WHEN 'done' THEN 4 ELSE 5 END)`;

/**
 * One page of `candidateIds` in the colour or urgency order, by keyset: every key ascending
 * (a descending order negates its keys), the id last, and the page after `cursor` is the rows
 * whose key tuple is greater than the cursor row's. Exact for any page size, because the keys of
 * the cursor row are recomputed in the same statement.
 *   urgency: open items by colour (red, yellow, blue, green), soonest due first; then completed
 *            and not-applicable items, latest due first.
 *   colour:  red, yellow, blue, green, completed, not applicable; then soonest due first.
 */
export async function orderedPageIds(
  db: DbTx,
  actor: Actor,
  options: {
    candidateIds: readonly string[];
    sort: Extract<LedgerListFilter["sort"], "urgency" | "colour">;
    order: "asc" | "desc";
    cursor?: string;
    take: number;
    today: Date;
  },
): Promise<string[]> {
  if (!options.candidateIds.length) return [];
  const sign = Prisma.raw(options.order === "desc" ? "-" : "");
  const due = Prisma.sql`(c."dueDate" - DATE '2000-01-01')`;
  const [k1, k2] =
    options.sort === "colour"
      ? [COLOUR_RANK, Prisma.sql`${sign}${due}`]
      : [
          Prisma.sql`LEAST(${COLOUR_RANK}, 4)`,
          Prisma.sql`(CASE WHEN c."colour" IN ('done', 'na') THEN -${due} ELSE ${due} END)`,
        ];
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH k AS (
      SELECT c."itemId" AS "id", ${sign}${k1} AS "k1", ${options.sort === "urgency" ? sign : Prisma.empty}${k2} AS "k2"
      FROM ${currentColourSql(actor, options.today)} c
      WHERE c."itemId" = ANY(${[...options.candidateIds]}::uuid[])
    )
    SELECT k."id"::text AS "id" FROM k
    ${
      options.cursor
        ? Prisma.sql`WHERE (k."k1", k."k2", k."id") >
            (SELECT x."k1", x."k2", x."id" FROM k x WHERE x."id" = ${options.cursor}::uuid)`
        : Prisma.empty
    }
    ORDER BY k."k1", k."k2", k."id"
    LIMIT ${options.take}`;
  return rows.map((r) => r.id);
}
