import "server-only";
import type { DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { Prisma } from "@/lib/generated/prisma/client";
import { endOfChinaDay, isoDay } from "@/lib/time";

/** Which programmes a history change touches: given, or those with ledger items of these enterprises. */
export type AffectedProgrammes =
  { programmeIds: readonly string[] } | { enterpriseIds: readonly string[] };

/**
 * Closing a round freezes its period-end figures (RoundSnapshot, as of the end of the period's
 * last China day). A history change dated on or before that instant would make the past disagree
 * with its frozen snapshot, so every writer in lib/history refuses it: a 422 whose `_form`
 * message names the round, in `locale` (default zh-CN), with the round in `details`.
 */
export async function assertAfterClosedRounds(
  tx: DbTx,
  affected: AffectedProgrammes,
  at: Date,
  locale: Locale = DEFAULT_LOCALE,
): Promise<void> {
  const programmes =
    "programmeIds" in affected
      ? Prisma.sql`${[...affected.programmeIds]}::uuid[]`
      : Prisma.sql`ARRAY(SELECT DISTINCT "programmeId" FROM "LedgerItem"
                         WHERE "enterpriseId" = ANY(${[...affected.enterpriseIds]}::uuid[]))`;
  if ("programmeIds" in affected ? !affected.programmeIds.length : !affected.enterpriseIds.length)
    return;
  const [newest] = await tx.$queryRaw<
    { programmeId: string; period: string; periodEnd: Date; code: string }[]
  >`
    SELECT r."programmeId", r."period", r."periodEnd", p."code"
    FROM "ReportingRound" r JOIN "Programme" p ON p."id" = r."programmeId"
    WHERE r."status" = 'CLOSED' AND r."programmeId" = ANY(${programmes})
    ORDER BY r."periodEnd" DESC LIMIT 1`;
  if (!newest || at > endOfChinaDay(newest.periodEnd)) return;
  const day = isoDay(newest.periodEnd);
  const t = translator(locale);
  throw new AppError(
    "validation_failed",
    `A history change cannot be dated on or before ${day}, the period end of the closed round ${newest.code} ${newest.period}: its frozen figures would disagree`,
    {
      _form: t("registry.guard.closedRound", {
        programme: newest.code,
        period: newest.period,
        day,
      }),
    },
    {
      closedRound: {
        programmeId: newest.programmeId,
        period: newest.period,
        periodEnd: day,
      },
    },
  );
}
