import "server-only";
import { withRollup } from "@/lib/dashboard/rollup/maintain";
import { recordAudit } from "@/lib/audit/record";
import { can, type Actor } from "@/lib/auth/policy";
import { getDb, type DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { EntryKind, LedgerStatus } from "@/lib/generated/prisma/client";
import { enterpriseRef, findItemForActor, readEntryAndRow } from "./queries";
import { rowSelect, toRow } from "./rows";
import { chinaDay } from "@/lib/time";
import { parsePeriod, periodAllowed } from "./period";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { checkIndicatorValue, justificationMissing } from "./indicator-check";
import { indicatorContexts } from "./indicator-context";

export type AppendEntryInput = {
  itemId: string;
  version: number;
  kind: EntryKind;
  period: string;
  narrative: string;
  percentDone: number;
  status: LedgerStatus;
  indicatorValues: { indicatorId: string; value: string | number }[];
  evidenceIds: string[];
  links: { url: string; title?: string }[];
  correctsId?: string;
  /** A claim's reason for standing although a target is missed. */
  justification?: string;
  /** The author confirmed the indicator warnings; without it they are a 422. */
  indicatorWarningsConfirmed?: boolean;
  locale?: Locale;
  requestId?: string;
  now?: Date;
};

/**
 * Appends a progress entry (or a completion claim) to a ledger item, in one transaction with the
 * item's new state, its status history and the audit record. The version check makes a stale
 * submission fail with 409 instead of silently overwriting someone else's update.
 */
export async function appendEntry(actor: Actor, input: AppendEntryInput) {
  const now = input.now ?? new Date();
  const today = chinaDay(now);
  return getDb().$transaction(async (tx) => {
    const item = await findItemForActor(tx, actor, input.itemId);
    if (!item) throw new AppError("not_found");
    if (!can(actor, "ledger.write", { enterprise: enterpriseRef(item) }))
      throw new AppError("forbidden");

    if (item.version !== input.version) throw await conflict(tx, input.itemId, input.version);
    if (item.notApplicable) throw formError("itemNotApplicable");
    if (item.status === "COMPLETED") throw formError("itemCompleted");
    if (item.status === "COMPLETION_CLAIMED") throw formError("itemAwaitingReview");

    const period = parsePeriod(input.period);
    if (!period || !periodAllowed(period, item.programme, today)) {
      throw new AppError("validation_failed", undefined, { period: "periodOutsideProgramme" });
    }
    await checkIndicators(tx, item.taskId, input.indicatorValues);
    const justification = await checkAgainstTargets(tx, item.id, input, now);
    await checkEvidence(tx, actor, item.id, input.evidenceIds);
    if (input.correctsId) {
      const corrected = await tx.progressEntry.count({
        where: { id: input.correctsId, ledgerItemId: item.id },
      });
      if (!corrected)
        throw new AppError("validation_failed", undefined, { correctsId: "correctsUnknownEntry" });
    }

    // After a round's window the period is locked: entries still go in, marked late, and a
    // reviewer must accept them.
    const round = await tx.reportingRound.findUnique({
      where: { programmeId_period: { programmeId: item.programme.id, period: period.key } },
      select: { id: true, status: true, windowClosesAt: true },
    });
    const late = round ? round.status === "CLOSED" || now >= round.windowClosesAt : false;

    // The authoritative optimistic lock: only one writer can move the item from this version.
    // The item's dashboard figures change from now (roll-up kept in step in this transaction).
    const entry = await withRollup(tx, [item.id], now, async () => {
      const updated = await tx.ledgerItem.updateMany({
        where: { id: item.id, version: input.version },
        data: {
          status: input.status,
          percentDone: input.percentDone,
          lastEntryAt: now,
          ...(input.kind === "COMPLETION_CLAIM" ? { claimedAt: now } : {}),
          version: { increment: 1 },
        },
      });
      if (updated.count !== 1) throw await conflict(tx, input.itemId, input.version);

      const entry = await tx.progressEntry.create({
        data: {
          ledgerItemId: item.id,
          kind: input.kind,
          periodType: period.type,
          period: period.key,
          periodStart: period.start,
          periodEnd: period.end,
          narrative: input.narrative,
          justification,
          percentDone: input.percentDone,
          status: input.status,
          correctsId: input.correctsId ?? null,
          roundId: round?.id ?? null,
          late,
          authorId: actor.id,
          createdAt: now,
        },
        select: { id: true },
      });
      // Apart from the entry: a nested create reads the entry back in another statement.
      if (input.indicatorValues.length) {
        await tx.indicatorValue.createMany({
          data: input.indicatorValues.map((v) => ({
            entryId: entry.id,
            indicatorId: v.indicatorId,
            value: String(Number(v.value)),
            ledgerItemId: item.id,
            createdAt: now,
          })),
        });
      }
      if (input.evidenceIds.length) {
        await tx.evidence.updateMany({
          where: { id: { in: input.evidenceIds } },
          data: { entryId: entry.id },
        });
      }
      if (input.links.length) {
        await tx.evidence.createMany({
          data: input.links.map((l) => ({
            ledgerItemId: item.id,
            entryId: entry.id,
            kind: "LINK" as const,
            url: l.url,
            title: l.title ?? null,
            uploadedById: actor.id,
            createdAt: now,
          })),
        });
      }
      if (item.status !== input.status) {
        await tx.ledgerStatusEvent.create({
          data: {
            ledgerItemId: item.id,
            fromStatus: item.status,
            toStatus: input.status,
            percentDone: input.percentDone,
            at: now,
            actorId: actor.id,
            entryId: entry.id,
          },
        });
      }
      return entry;
    });
    const answer = await readEntryAndRow(tx, entry.id, item.id, today);
    // The audit record last: it takes the journal's chain lock, held until commit, so every
    // audited write in the system waits while this transaction still has work to do.
    await recordAudit(tx, {
      actor,
      action:
        input.kind === "COMPLETION_CLAIM"
          ? "ledgerItem.claimCompletion"
          : "ledgerItem.recordProgress",
      entityType: "LedgerItem",
      entityId: item.id,
      before: { version: item.version, status: item.status, percentDone: item.percentDone },
      after: {
        version: item.version + 1,
        status: input.status,
        percentDone: input.percentDone,
        entryId: entry.id,
        period: period.key,
        indicatorValues: input.indicatorValues,
        evidenceIds: input.evidenceIds,
        links: input.links,
        ...(justification ? { justification } : {}),
        ...(input.indicatorWarningsConfirmed ? { indicatorWarningsConfirmed: true } : {}),
      },
      requestId: input.requestId,
    });
    return answer;
  });
}

function formError(key: string) {
  return new AppError("validation_failed", undefined, { _form: key });
}

/** 409 with what changed since the caller's version, so the page can show it beside their draft. */
async function conflict(tx: DbTx, itemId: string, seenVersion: number) {
  const current = await tx.ledgerItem.findUniqueOrThrow({
    where: { id: itemId },
    select: rowSelect,
  });
  const changes = await tx.auditLog.findMany({
    where: {
      entityType: "LedgerItem",
      entityId: itemId,
      after: { path: ["version"], gt: seenVersion },
    },
    select: { at: true, action: true, actorLabel: true, after: true },
    orderBy: { at: "asc" },
    take: 20,
  });
  return new AppError("conflict", "Stale version", undefined, {
    current: toRow(current),
    changes: changes.map((c) => ({
      at: c.at.toISOString(),
      action: c.action,
      by: c.actorLabel,
      after: c.after,
    })),
  });
}

async function checkIndicators(
  tx: DbTx,
  taskId: string,
  values: AppendEntryInput["indicatorValues"],
) {
  if (!values.length) return;
  const defined = await tx.indicatorDefinition.findMany({
    where: { taskId },
    select: { id: true },
  });
  const known = new Set(defined.map((d) => d.id));
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (!known.has(v.indicatorId)) fields[`indicatorValues.${i}.indicatorId`] = "unknownIndicator";
    else if (seen.has(v.indicatorId))
      fields[`indicatorValues.${i}.indicatorId`] = "duplicateIndicator";
    seen.add(v.indicatorId);
    const n = Number(v.value);
    if (Number.isFinite(n) && Math.abs(n) >= 1e16)
      fields[`indicatorValues.${i}.value`] = "numberTooLarge";
  });
  if (Object.keys(fields).length) throw new AppError("validation_failed", undefined, fields);
}

/** Evidence attached to an entry must be files this user uploaded to this item and not yet used. */
async function checkEvidence(tx: DbTx, actor: Actor, itemId: string, ids: string[]) {
  if (!ids.length) return;
  const usable = await tx.evidence.count({
    where: {
      id: { in: ids },
      ledgerItemId: itemId,
      uploadedById: actor.id,
      entryId: null,
      kind: "FILE",
    },
  });
  if (usable !== new Set(ids).size)
    throw new AppError("validation_failed", undefined, { evidenceIds: "evidenceUnusable" });
}

/**
 * The values against baseline, target and the previous value (lib/ledger/indicator-check.ts):
 * warnings the author has not confirmed are a 422 on each value, with the reasons; a claim whose
 * targets are not all met needs a justification. Returns the justification to store.
 */
async function checkAgainstTargets(
  tx: DbTx,
  itemId: string,
  input: AppendEntryInput,
  now: Date,
): Promise<string | null> {
  const context = (
    await indicatorContexts(tx, [
      { key: "new", itemId, before: now, excludeEntryId: input.correctsId },
    ])
  ).get("new");
  if (!context?.indicators.length) return null;
  const t = translator(input.locale ?? "zh-CN");
  const specs = new Map(context.indicators.map((i) => [i.id, i]));
  const fields: Record<string, string> = {};
  const details: { index: number; indicatorId: string; warnings: unknown[] }[] = [];
  input.indicatorValues.forEach((v, index) => {
    const spec = specs.get(v.indicatorId);
    if (!spec) return;
    const previous = context.previous.get(v.indicatorId)?.value ?? null;
    const { warnings } = checkIndicatorValue(spec, previous, Number(v.value));
    if (!warnings.length) return;
    details.push({ index, indicatorId: v.indicatorId, warnings });
    fields[`indicatorValues.${index}.value`] = warnings
      .map((w) => t(`indicatorCheck.${w.key}`, w.values))
      .join(" ");
  });
  if (details.length && !input.indicatorWarningsConfirmed) {
    throw new AppError("validation_failed", undefined, fields, { indicatorWarnings: details });
  }
  if (input.kind !== "COMPLETION_CLAIM") return null;
  const withPrevious = context.indicators.map((i) => ({
    ...i,
    previous: context.previous.get(i.id)?.value ?? null,
  }));
  if (justificationMissing(withPrevious, input.indicatorValues, input.justification))
    throw new AppError("validation_failed", undefined, { justification: "justificationRequired" });
  return input.justification?.trim() || null;
}
