import "server-only";
import { withRollup } from "@/lib/dashboard/rollup/maintain";
import { recordAudit } from "@/lib/audit/record";
import { can, type Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { parseInput } from "@/lib/i18n/zod";
import { FileRoundInput } from "./schemas";

/**
 * A liaison files an enterprise's ledger for a round: every open main item of the enterprise
 * needs an entry for the round's period, or an explicit "no change" (filed here as an entry of
 * kind NO_CHANGE). Filing after the window is allowed but marked late.
 */
export async function fileRound(
  actor: Actor,
  options: { roundId: string; input: unknown; locale: Locale; requestId?: string; now?: Date },
) {
  const { enterpriseId, noChangeItemIds } = parseInput(
    FileRoundInput,
    options.input,
    options.locale,
  );
  const now = options.now ?? new Date();

  return getDb().$transaction(async (tx) => {
    const enterprise = await tx.enterprise.findFirst({
      where: { AND: [{ id: enterpriseId }, enterpriseScopeWhere(actor)] },
      select: { id: true, supervisorId: true, ancestors: { select: { ancestorId: true } } },
    });
    if (!enterprise) throw new AppError("not_found");
    if (
      !can(actor, "ledger.write", {
        enterprise: {
          id: enterprise.id,
          supervisorId: enterprise.supervisorId,
          pathIds: enterprise.ancestors.map((a) => a.ancestorId),
        },
      })
    ) {
      throw new AppError("forbidden");
    }
    const round = await tx.reportingRound.findUnique({ where: { id: options.roundId } });
    if (!round) throw new AppError("not_found");
    if (round.status === "PLANNED")
      throw new AppError("validation_failed", undefined, { _form: "roundNotOpen" });
    const late = now >= round.windowClosesAt;

    const items = await tx.ledgerItem.findMany({
      where: {
        enterpriseId,
        programmeId: round.programmeId,
        isMain: true,
        notApplicable: false,
        status: { not: "COMPLETED" },
      },
      select: {
        id: true,
        status: true,
        percentDone: true,
        version: true,
        entries: { where: { period: round.period }, select: { id: true }, take: 1 },
      },
    });
    const missing = items.filter((i) => i.entries.length === 0);
    const noChange = new Set(noChangeItemIds);
    const unknown = noChangeItemIds.filter((id) => !missing.some((m) => m.id === id));
    if (unknown.length)
      throw new AppError("validation_failed", undefined, { noChangeItemIds: "noChangeNotNeeded" });
    const stillMissing = missing.filter((m) => !noChange.has(m.id));
    if (stillMissing.length) {
      throw new AppError(
        "validation_failed",
        undefined,
        { _form: "roundItemsMissing" },
        { missingItemIds: stillMissing.map((m) => m.id) },
      );
    }

    // A "no change" entry restates the percent: the figures normally stay, the roll-up says so.
    await withRollup(
      tx,
      missing.map((m) => m.id),
      now,
      async () => {
        for (const item of missing) {
          await tx.progressEntry.create({
            data: {
              ledgerItemId: item.id,
              kind: "NO_CHANGE",
              periodType: round.periodType,
              period: round.period,
              periodStart: round.periodStart,
              periodEnd: round.periodEnd,
              roundId: round.id,
              narrative: "",
              percentDone: item.percentDone,
              status: item.status,
              late,
              authorId: actor.id,
              createdAt: now,
            },
          });
          await tx.ledgerItem.update({
            where: { id: item.id },
            data: { lastEntryAt: now, version: { increment: 1 } },
          });
        }
      },
    );
    const filing = await tx.roundFiling.upsert({
      where: { roundId_enterpriseId: { roundId: round.id, enterpriseId } },
      create: { roundId: round.id, enterpriseId, filedById: actor.id, filedAt: now, late },
      update: {},
    });
    await recordAudit(tx, {
      actor,
      action: "round.file",
      entityType: "RoundFiling",
      entityId: `${round.id}:${enterpriseId}`,
      after: {
        roundId: round.id,
        enterpriseId,
        late: filing.late,
        noChangeItemIds: missing.map((m) => m.id),
      },
      requestId: options.requestId,
    });
    return {
      roundId: round.id,
      enterpriseId,
      filedAt: filing.filedAt.toISOString(),
      late: filing.late,
      noChangeEntries: missing.length,
    };
  });
}
