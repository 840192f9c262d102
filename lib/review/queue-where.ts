import "server-only";
import { can, type Actor } from "@/lib/auth/policy";
import { ledgerItemScopeWhere } from "@/lib/auth/scope";
import type { Prisma } from "@/lib/generated/prisma/client";

/*
 * Who waits for whom in review, as a Prisma filter on entries. Its own module (no imports of
 * lib/ledger) so the ledger's "needs my action" filter can use it without an import cycle.
 */

/** Claims that need the parent group's confirmation before the SASAC sees them. */
const needsGroupConfirmation: Prisma.ProgressEntryWhereInput = {
  kind: "COMPLETION_CLAIM",
  ledgerItem: { programme: { closeOffLevels: { gte: 2 } }, enterprise: { depth: { gt: 0 } } },
};

/**
 * What waits for this actor, oldest first: for SASAC reviewers, entries and claims ready for a
 * final decision in their scope; for a group's liaison, its subsidiaries' claims to confirm.
 */
export function reviewQueueWhere(actor: Actor): Prisma.ProgressEntryWhereInput | null {
  if (can(actor, "review.decide")) {
    return {
      ledgerItem: ledgerItemScopeWhere(actor),
      OR: [{ reviewState: "CONFIRMED" }, { reviewState: "SUBMITTED", NOT: needsGroupConfirmation }],
    };
  }
  if (can(actor, "review.confirm") && actor.enterpriseIds.length) {
    return {
      ...needsGroupConfirmation,
      reviewState: "SUBMITTED",
      authorId: { not: actor.id },
      ledgerItem: {
        programme: { closeOffLevels: { gte: 2 } },
        // Strictly below one of the liaison's own enterprises: nobody confirms their own claim.
        enterprise: {
          depth: { gt: 0 },
          ancestors: { some: { ancestorId: { in: [...actor.enterpriseIds] }, depth: { gt: 0 } } },
        },
      },
    };
  }
  return null;
}
