import "server-only";
import { can, type Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere, ledgerItemScopeWhere } from "@/lib/auth/scope";
import { getDb, type DbTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { chinaDay, isoDay } from "@/lib/time";
import { isoTime, lastClosedRounds, rowSelect, toRow } from "./rows";

export { listLedgerItems } from "./list-items";
import type { EntryDto, EvidenceDto, LedgerItemDetail } from "./schemas";

/** What the policy needs to decide on an item: its enterprise's SASAC and ancestors. */
export async function findItemForActor(db: DbTx, actor: Actor, itemId: string) {
  return db.ledgerItem.findFirst({
    where: { AND: [{ id: itemId }, ledgerItemScopeWhere(actor)] },
    select: {
      id: true,
      version: true,
      status: true,
      percentDone: true,
      notApplicable: true,
      taskId: true,
      programme: { select: { id: true, startDate: true, endDate: true, reportingUntil: true } },
      enterprise: {
        select: { id: true, supervisorId: true, ancestors: { select: { ancestorId: true } } },
      },
    },
  });
}

export function enterpriseRef(item: NonNullable<Awaited<ReturnType<typeof findItemForActor>>>) {
  return {
    id: item.enterprise.id,
    supervisorId: item.enterprise.supervisorId,
    pathIds: item.enterprise.ancestors.map((a) => a.ancestorId),
  };
}

const evidenceSelect = {
  id: true,
  kind: true,
  fileName: true,
  mimeType: true,
  sizeBytes: true,
  url: true,
  title: true,
  entryId: true,
  createdAt: true,
} satisfies Prisma.EvidenceSelect;

export function toEvidence(
  e: Prisma.EvidenceGetPayload<{ select: typeof evidenceSelect }>,
): EvidenceDto {
  return { ...e, createdAt: e.createdAt.toISOString() };
}

export const entrySelect = {
  id: true,
  kind: true,
  periodType: true,
  period: true,
  narrative: true,
  justification: true,
  percentDone: true,
  status: true,
  reviewState: true,
  late: true,
  correctsId: true,
  createdAt: true,
  author: { select: { id: true, displayName: true } },
  indicatorValues: { select: { indicatorId: true, value: true } },
  evidence: { select: evidenceSelect, orderBy: { createdAt: "asc" } },
  reviews: {
    select: {
      decision: true,
      comment: true,
      createdAt: true,
      reviewer: { select: { displayName: true } },
    },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.ProgressEntrySelect;

/**
 * A write's answer as it stands in its transaction: the entry and the item's ledger row. Read one
 * after the other (one transaction is one connection, which runs one query at a time), before the
 * audit record, whose chain lock is held until commit.
 */
export async function readEntryAndRow(tx: DbTx, entryId: string, itemId: string, today: Date) {
  const entry = await tx.progressEntry.findUniqueOrThrow({
    where: { id: entryId },
    select: entrySelect,
  });
  const row = await tx.ledgerItem.findUniqueOrThrow({ where: { id: itemId }, select: rowSelect });
  return { entry: toEntry(entry), item: toRow(row, today) };
}

export function toEntry(
  e: Prisma.ProgressEntryGetPayload<{ select: typeof entrySelect }>,
): EntryDto {
  return {
    ...e,
    createdAt: e.createdAt.toISOString(),
    indicatorValues: e.indicatorValues.map((v) => ({
      indicatorId: v.indicatorId,
      value: Number(v.value),
    })),
    evidence: e.evidence.map(toEvidence),
    reviews: e.reviews.map((r) => ({
      decision: r.decision,
      comment: r.comment,
      reviewer: r.reviewer.displayName,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

/** Entries of an item in scope, newest first; null when the item is not visible. */
export async function listEntries(actor: Actor, itemId: string): Promise<EntryDto[] | null> {
  const db = getDb();
  const item = await findItemForActor(db, actor, itemId);
  if (!item) return null;
  const entries = await db.progressEntry.findMany({
    where: { ledgerItemId: itemId },
    select: entrySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return entries.map(toEntry);
}

/** Everything the item page shows; null when the item does not exist or is out of scope. */
export async function getLedgerItem(
  actor: Actor,
  itemId: string,
): Promise<LedgerItemDetail | null> {
  const db = getDb();
  const row = await db.ledgerItem.findFirst({
    where: { AND: [{ id: itemId }, ledgerItemScopeWhere(actor)] },
    select: {
      ...rowSelect,
      responsiblePhone: true,
      claimedAt: true,
      completedAt: true,
      task: {
        select: {
          id: true,
          code: true,
          titleZh: true,
          titleEn: true,
          descriptionZh: true,
          descriptionEn: true,
          doneCriteriaZh: true,
          doneCriteriaEn: true,
          indicators: {
            select: {
              id: true,
              code: true,
              nameZh: true,
              nameEn: true,
              unit: true,
              direction: true,
              baseline: true,
              target: true,
            },
            orderBy: { sortOrder: "asc" },
          },
        },
      },
      programme: {
        select: {
          id: true,
          code: true,
          nameZh: true,
          nameEn: true,
          startDate: true,
          endDate: true,
          reportingUntil: true,
          dueSoonDays: true,
          behindPlanPoints: true,
        },
      },
      indicatorTargets: { select: { indicatorId: true, baseline: true, target: true } },
      enterprise: {
        select: {
          id: true,
          code: true,
          nameZh: true,
          nameEn: true,
          depth: true,
          supervisorId: true,
          ancestors: { select: { ancestorId: true } },
        },
      },
      evidence: { select: evidenceSelect, orderBy: { createdAt: "desc" } },
      noticeItems: {
        select: {
          repliedAt: true,
          notice: {
            select: {
              id: true,
              number: true,
              level: true,
              status: true,
              requiredAction: true,
              responseDueAt: true,
              createdAt: true,
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  const entries = await db.progressEntry.findMany({
    where: { ledgerItemId: itemId },
    select: entrySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });

  const { indicators, ...task } = row.task;
  const overrides = new Map(row.indicatorTargets.map((t) => [t.indicatorId, t]));
  const num = (d: { toString(): string } | null) => (d === null ? null : Number(d));
  // Actuals over time: the value from each entry, oldest first.
  const chronological = [...entries].reverse();
  const { supervisorId, ancestors, ...enterprise } = row.enterprise;
  const base = toRow(
    { ...row, task, enterprise },
    chinaDay(new Date()),
    await lastClosedRounds(db, [row.programmeId]),
  );
  return {
    ...base,
    task,
    programme: {
      ...row.programme,
      startDate: isoDay(row.programme.startDate),
      endDate: isoDay(row.programme.endDate),
      reportingUntil: row.programme.reportingUntil ? isoDay(row.programme.reportingUntil) : null,
    },
    responsiblePhone: row.responsiblePhone,
    claimedAt: isoTime(row.claimedAt),
    completedAt: isoTime(row.completedAt),
    indicators: indicators.map((ind) => {
      const own = overrides.get(ind.id);
      return {
        id: ind.id,
        code: ind.code,
        nameZh: ind.nameZh,
        nameEn: ind.nameEn,
        unit: ind.unit,
        direction: ind.direction,
        baseline: num(own?.baseline ?? ind.baseline),
        target: num(own?.target ?? ind.target),
        actuals: chronological.flatMap((e) =>
          e.indicatorValues
            .filter((v) => v.indicatorId === ind.id)
            .map((v) => ({
              period: e.period,
              value: Number(v.value),
              entryId: e.id,
              at: e.createdAt.toISOString(),
            })),
        ),
      };
    }),
    entries: entries.map(toEntry),
    evidence: row.evidence.map(toEvidence),
    // This item's own answer: on a notice spanning several groups, another's reply or silence
    // does not show here.
    notices: row.noticeItems.map(({ notice, repliedAt }) => ({
      ...notice,
      status: notice.status !== "CLOSED" && repliedAt ? ("REPLIED" as const) : notice.status,
      responseDueAt: notice.responseDueAt.toISOString(),
      createdAt: notice.createdAt.toISOString(),
    })),
    canWrite: can(actor, "ledger.write", {
      enterprise: { id: enterprise.id, supervisorId, pathIds: ancestors.map((a) => a.ancestorId) },
    }),
  };
}

/** Scope check for an enterprise id supplied by a client (e.g. the ledger's subsidiary filter). */
export async function enterpriseVisible(actor: Actor, enterpriseId: string): Promise<boolean> {
  const found = await getDb().enterprise.count({
    where: { AND: [{ id: enterpriseId }, enterpriseScopeWhere(actor)] },
  });
  return found > 0;
}
