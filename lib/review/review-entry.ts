import "server-only";
import { withRollup } from "@/lib/dashboard/rollup/maintain";
import { recordAudit } from "@/lib/audit/record";
import { can, type Actor } from "@/lib/auth/policy";
import { ledgerItemScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { NotificationKind, ReviewState } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/config";
import { parseInput } from "@/lib/i18n/zod";
import { readEntryAndRow } from "@/lib/ledger/queries";
import { chinaDay } from "@/lib/time";
import { notify } from "@/lib/notifications/notify";
import { decisionAllowed, stageFor } from "./chain";
import { ReviewDecisionInput } from "./schemas";

const NEXT_STATE: Record<"CONFIRM" | "APPROVE" | "RETURN", ReviewState> = {
  CONFIRM: "CONFIRMED",
  APPROVE: "APPROVED",
  RETURN: "RETURNED",
};

/**
 * Approve, confirm or return a progress entry or completion claim. Final approval of a claim
 * completes the item from this moment (`completedAt`), which is what the dashboards count; a
 * returned claim puts the item back in progress with the reason in its timeline.
 */
export async function reviewEntry(
  actor: Actor,
  options: { entryId: string; input: unknown; locale: Locale; requestId?: string; now?: Date },
) {
  const { decision, comment } = parseInput(ReviewDecisionInput, options.input, options.locale);
  const now = options.now ?? new Date();

  return getDb().$transaction(async (tx) => {
    const entry = await tx.progressEntry.findFirst({
      where: { id: options.entryId, ledgerItem: ledgerItemScopeWhere(actor) },
      select: {
        id: true,
        kind: true,
        reviewState: true,
        authorId: true,
        percentDone: true,
        createdAt: true,
        ledgerItem: {
          select: {
            id: true,
            status: true,
            version: true,
            percentDone: true,
            programme: { select: { closeOffLevels: true } },
            task: { select: { titleZh: true, titleEn: true } },
            enterprise: {
              select: {
                id: true,
                nameZh: true,
                nameEn: true,
                depth: true,
                supervisorId: true,
                ancestors: { select: { ancestorId: true, depth: true } },
              },
            },
          },
        },
      },
    });
    if (!entry) throw new AppError("not_found");
    const item = entry.ledgerItem;
    const enterprise = {
      id: item.enterprise.id,
      supervisorId: item.enterprise.supervisorId,
      pathIds: item.enterprise.ancestors.map((a) => a.ancestorId),
    };
    const stage = stageFor({
      kind: entry.kind,
      reviewState: entry.reviewState,
      closeOffLevels: item.programme.closeOffLevels,
      enterpriseDepth: item.enterprise.depth,
    });
    if (!stage)
      throw new AppError("conflict", "Already reviewed", undefined, {
        reviewState: entry.reviewState,
      });

    if (stage === "confirm") {
      // Only the liaison of a group above the claimant confirms.
      const groupLiaison = item.enterprise.ancestors.some(
        (a) => a.depth > 0 && actor.enterpriseIds.includes(a.ancestorId),
      );
      if (!can(actor, "review.confirm", { enterprise }) || !groupLiaison)
        throw new AppError("forbidden");
      // Nobody confirms a claim they made themselves, whatever their grant covers.
      if (entry.authorId === actor.id) throw new AppError("forbidden");
    } else if (!can(actor, "review.decide", { enterprise })) {
      throw new AppError("forbidden");
    }
    if (!decisionAllowed(stage, decision))
      throw new AppError("validation_failed", undefined, { decision: "decisionNotAllowed" });

    const moved = await tx.progressEntry.updateMany({
      where: { id: entry.id, reviewState: entry.reviewState },
      data: { reviewState: NEXT_STATE[decision] },
    });
    if (moved.count !== 1) throw new AppError("conflict", "Reviewed meanwhile");
    // A returned entry's indicator values stop counting (lib/dashboard/indicators.ts) for every
    // day since the entry: the indicator roll-up is re-streamed from the entry's own day.
    if (decision === "RETURN" && (await tx.indicatorValue.count({ where: { entryId: entry.id } })))
      await withRollup(tx, [item.id], entry.createdAt, () =>
        tx.indicatorValue.updateMany({ where: { entryId: entry.id }, data: { returned: true } }),
      );
    await tx.entryReview.create({
      data: {
        entryId: entry.id,
        reviewerId: actor.id,
        decision,
        comment: comment ?? null,
        createdAt: now,
      },
    });

    let itemAfter: { status: string; percentDone: number } | null = null;
    if (entry.kind === "COMPLETION_CLAIM" && decision !== "CONFIRM") {
      // Approval completes the item and a return restores its percent: figures change from now.
      itemAfter = await withRollup(tx, [item.id], now, async () => {
        const approve = decision === "APPROVE";
        // A returned claim goes back to the last percent the liaison reported before claiming.
        const previous = approve
          ? null
          : await tx.progressEntry.findFirst({
              where: {
                ledgerItemId: item.id,
                kind: { not: "COMPLETION_CLAIM" },
                createdAt: { lt: now },
              },
              orderBy: { createdAt: "desc" },
              select: { percentDone: true },
            });
        const status = approve ? ("COMPLETED" as const) : ("IN_PROGRESS" as const);
        const percentDone = approve ? 100 : Math.min(previous?.percentDone ?? 90, 99);
        const updated = await tx.ledgerItem.updateMany({
          where: { id: item.id, status: "COMPLETION_CLAIMED" },
          data: {
            status,
            percentDone,
            completedAt: approve ? now : null,
            claimedAt: approve ? undefined : null,
            version: { increment: 1 },
          },
        });
        if (updated.count !== 1) throw new AppError("conflict", "Item changed meanwhile");
        await tx.ledgerStatusEvent.create({
          data: {
            ledgerItemId: item.id,
            fromStatus: "COMPLETION_CLAIMED",
            toStatus: status,
            percentDone,
            at: now,
            actorId: actor.id,
            entryId: entry.id,
          },
        });
        return { status, percentDone };
      });
    }

    const kind: NotificationKind =
      entry.kind === "COMPLETION_CLAIM"
        ? (
            {
              CONFIRM: "CLAIM_CONFIRMED",
              APPROVE: "CLAIM_APPROVED",
              RETURN: "CLAIM_RETURNED",
            } as const
          )[decision]
        : decision === "RETURN"
          ? "ENTRY_RETURNED"
          : "ENTRY_APPROVED";
    await notify(tx, {
      userIds: [entry.authorId],
      kind,
      params: {
        taskZh: item.task.titleZh,
        taskEn: item.task.titleEn,
        enterpriseZh: item.enterprise.nameZh,
        enterpriseEn: item.enterprise.nameEn,
        reason: comment ?? "",
      },
      link: `/ledger/${item.id}`,
      now,
    });
    const answer = await readEntryAndRow(tx, entry.id, item.id, chinaDay(now));
    await recordAudit(tx, {
      actor,
      action: `entry.review.${decision.toLowerCase()}`,
      entityType: "ProgressEntry",
      entityId: entry.id,
      before: {
        reviewState: entry.reviewState,
        item: { status: item.status, percentDone: item.percentDone, version: item.version },
      },
      after: {
        reviewState: NEXT_STATE[decision],
        comment,
        item: itemAfter ? { ...itemAfter, version: item.version + 1 } : undefined,
      },
      requestId: options.requestId,
    });
    if (itemAfter) {
      await recordAudit(tx, {
        actor,
        action: decision === "APPROVE" ? "ledgerItem.complete" : "ledgerItem.claimReturned",
        entityType: "LedgerItem",
        entityId: item.id,
        before: { version: item.version, status: item.status, percentDone: item.percentDone },
        after: { version: item.version + 1, ...itemAfter, entryId: entry.id },
        requestId: options.requestId,
      });
    }

    return answer;
  });
}
