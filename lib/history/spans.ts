import "server-only";
import { withRollup } from "@/lib/dashboard/rollup/maintain";
import type { DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/** An instant as the SQL timestamp the span columns hold (UTC `timestamp(3)`). */
export const ts = (at: Date) => Prisma.sql`${at.toISOString()}::timestamp`;

/**
 * History only grows forwards: a change dated before the newest span it would close would
 * rewrite a figure already reported. `table`/`column` are constants of the writers, never input.
 */
export async function assertNotBefore(
  tx: DbTx,
  table: "LedgerItemSpan" | "EnterpriseClosureSpan" | "EnterpriseSupervisorSpan",
  column: "ledgerItemId" | "descendantId" | "enterpriseId",
  ids: readonly string[],
  at: Date,
): Promise<void> {
  if (!ids.length) return;
  const [row] = await tx.$queryRaw<{ latest: Date | null }[]>`
    SELECT max("validFrom") AS "latest" FROM ${Prisma.raw(`"${table}"`)}
    WHERE ${Prisma.raw(`"${column}"`)} = ANY(${[...ids]}::uuid[]) AND "validTo" IS NULL`;
  if (row?.latest && row.latest > at) {
    throw new AppError(
      "conflict",
      "A change cannot be dated before the history it follows",
      undefined,
      {
        latest: row.latest.toISOString(),
      },
    );
  }
}

/**
 * Closes the open attribute spans of the given items at `at` and opens new ones from the items'
 * current columns (so call it after updating LedgerItem). One statement each way. The dashboard
 * roll-up follows from `at` on (the population reads the spans, not the current columns).
 */
export async function rollItemSpans(tx: DbTx, itemIds: readonly string[], at: Date) {
  if (!itemIds.length) return;
  const ids = [...itemIds];
  await withRollup(tx, ids, at, async () => {
    await tx.$executeRaw`
    UPDATE "LedgerItemSpan" SET "validTo" = ${ts(at)}
    WHERE "ledgerItemId" = ANY(${ids}::uuid[]) AND "validTo" IS NULL`;
    await tx.$executeRaw`
    INSERT INTO "LedgerItemSpan" ("ledgerItemId", "isMain", "categoryId", "notApplicable", "notApplicableReason", "validFrom")
    SELECT "id", "isMain", "categoryId", "notApplicable", "notApplicableReason", ${ts(at)}
    FROM "LedgerItem" WHERE "id" = ANY(${ids}::uuid[])`;
  });
}
