import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { getDb, type DbTx } from "@/lib/db/client";
import { mergeEnterprises } from "@/lib/history/merge-enterprises";
import type { Locale } from "@/lib/i18n/config";
import { parseInput } from "@/lib/i18n/zod";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/messages";
import { findManagedEnterprise } from "./access";
import { effectiveAt } from "./effective-at";
import { MergeEnterpriseInput, type MergeCounts } from "./write-schemas";

/**
 * Both sides of a merge, checked: each in the actor's read scope (else 404; the survivor as a
 * field message, since it was picked) and of a supervisor the actor owns (else 403).
 */
async function mergePair(
  tx: DbTx,
  actor: Actor,
  absorbedId: string,
  survivorId: string,
  locale: Locale,
) {
  const t = translator(locale);
  const absorbed = await findManagedEnterprise(tx, actor, absorbedId, {
    id: true,
    version: true,
    mergedIntoId: true,
  });
  const survivor = await findManagedEnterprise(tx, actor, survivorId, {
    id: true,
    mergedIntoId: true,
  }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found")
      throw new AppError("validation_failed", undefined, {
        survivorId: t("registry.merge.unknownSurvivor"),
      });
    throw error;
  });
  // The writer refuses these too; checked here as well so the preview says so before a confirm.
  const refuse = (field: string, message: string): never => {
    throw new AppError("validation_failed", undefined, { [field]: message });
  };
  if (absorbed.mergedIntoId) refuse("_form", t("registry.merge.alreadyMerged"));
  if (survivor.id === absorbed.id) refuse("survivorId", t("registry.merge.self"));
  if (survivor.mergedIntoId) refuse("survivorId", t("registry.merge.survivorMerged"));
  const inside = await tx.enterpriseClosure.count({
    where: { ancestorId: absorbed.id, descendantId: survivor.id },
  });
  if (inside) refuse("survivorId", t("registry.merge.survivorInside"));
  return { absorbed, survivor };
}

/** Merges enterprise `id` into `survivorId` (lib/history/merge-enterprises.ts) in one transaction. */
export async function mergeEnterprise(
  actor: Actor,
  options: { id: string; input: unknown; locale: Locale; requestId?: string; now?: Date },
) {
  const input = parseInput(MergeEnterpriseInput, options.input, options.locale);
  const at = effectiveAt(input.effectiveOn, options.now ?? new Date(), options.locale);
  return getDb().$transaction(
    async (tx) => {
      const { absorbed, survivor } = await mergePair(
        tx,
        actor,
        options.id,
        input.survivorId,
        options.locale,
      );
      return mergeEnterprises(tx, {
        survivorId: survivor.id,
        absorbedId: absorbed.id,
        expectedVersion: input.version,
        at,
        actor,
        requestId: options.requestId,
        locale: options.locale,
      });
    },
    { timeout: 60_000 },
  );
}

/** What merging `id` into `survivorId` would move, for the confirmation; same checks as the merge. */
export async function previewMerge(
  actor: Actor,
  options: { id: string; survivorId: string; locale: Locale },
): Promise<MergeCounts & { subtree: number }> {
  const db = getDb();
  const { absorbed, survivor } = await mergePair(
    db,
    actor,
    options.id,
    options.survivorId,
    options.locale,
  );
  const duplicates = await db.ledgerItem.count({
    where: {
      enterpriseId: absorbed.id,
      task: { ledgerItems: { some: { enterpriseId: survivor.id } } },
    },
  });
  const [items, children, grants, subtree] = await Promise.all([
    db.ledgerItem.count({ where: { enterpriseId: absorbed.id } }),
    db.enterprise.count({ where: { parentId: absorbed.id, mergedIntoId: null } }),
    db.userScope.count({ where: { enterpriseId: absorbed.id } }),
    db.enterpriseClosure.count({ where: { ancestorId: absorbed.id } }),
  ]);
  return {
    movedItems: items - duplicates,
    notApplicableItems: duplicates,
    movedChildren: children,
    movedGrants: grants,
    subtree,
  };
}
