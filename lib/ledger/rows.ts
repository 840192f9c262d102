import "server-only";
import type { DbTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { chinaDay, isoDay } from "@/lib/time";
import { itemColour } from "./colour";
import type { LedgerItemRow } from "./schemas";

/** The one row model of ledger lists: what is selected and how it becomes a `LedgerItemRow`. */
export const isoTime = (d: Date | null) => (d ? d.toISOString() : null);

export const rowSelect = {
  id: true,
  programmeId: true,
  isMain: true,
  responsibleDept: true,
  responsiblePerson: true,
  dueDate: true,
  status: true,
  percentDone: true,
  lastEntryAt: true,
  notApplicable: true,
  notApplicableReason: true,
  version: true,
  task: { select: { id: true, code: true, titleZh: true, titleEn: true } },
  category: { select: { id: true, code: true, nameZh: true, nameEn: true } },
  enterprise: { select: { id: true, code: true, nameZh: true, nameEn: true, depth: true } },
  programme: { select: { startDate: true, dueSoonDays: true, behindPlanPoints: true } },
} satisfies Prisma.LedgerItemSelect;

type RowData = Prisma.LedgerItemGetPayload<{ select: typeof rowSelect }>;

export function toRow(
  { programme, ...row }: RowData,
  today = chinaDay(new Date()),
  lastRounds?: ReadonlyMap<string, Date>,
): LedgerItemRow {
  return {
    ...row,
    dueDate: isoDay(row.dueDate),
    lastEntryAt: isoTime(row.lastEntryAt),
    colour: itemColour(
      row,
      { ...programme, lastRoundPeriodStart: lastRounds?.get(row.programmeId) ?? null },
      today,
    ),
  };
}

/** For the "no update in the last round" part of the colour rule: programme -> last closed round's period start. */
export async function lastClosedRounds(
  db: DbTx,
  programmeIds: readonly string[],
): Promise<Map<string, Date>> {
  const ids = [...new Set(programmeIds)];
  if (!ids.length) return new Map();
  const rounds = await db.reportingRound.findMany({
    where: { programmeId: { in: ids }, status: "CLOSED" },
    orderBy: { periodStart: "desc" },
    distinct: ["programmeId"],
    select: { programmeId: true, periodStart: true },
  });
  return new Map(rounds.map((r) => [r.programmeId, r.periodStart]));
}
