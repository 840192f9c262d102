import "server-only";
import { withRollup } from "@/lib/dashboard/rollup/maintain";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/policy";
import type { DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { assertAfterClosedRounds } from "./closed-rounds";
import { moveEnterprise } from "./move-enterprise";
import { setItemNotApplicable } from "./set-item-not-applicable";
import { ts } from "./spans";

/**
 * Merges `absorbedId` into `survivorId` from `at` on (a reorganisation: 吸收合并), in `tx`:
 *
 * - the absorbed enterprise's ledger items move to the survivor with their whole history
 *   (entries, status events, evidence and comments hang on the item); each keeps a closed
 *   `LedgerItemFormerEnterprise` span naming where it stood until `at`, so figures before `at`
 *   still count it there, and it stays traceable to the merge;
 * - an item whose task the survivor already has stays on the absorbed enterprise, marked not
 *   applicable from `at` ("merged into X"): the survivor's own item carries the task on;
 * - the absorbed enterprise's active children move under the survivor with their subtrees (and
 *   to its supervisor), through `moveEnterprise`, so the closure table and its spans stay exact;
 * - scope grants on the absorbed enterprise pass to the survivor;
 * - the absorbed enterprise stays where it was in the tree (its past figures and its former
 *   subsidiaries' past read as before) but becomes inactive with `mergedIntoId`.
 *
 * Refused: merging an enterprise into itself, into one of its own subsidiaries, an enterprise
 * merged already, and a merge dated within a closed round.
 */
export async function mergeEnterprises(
  tx: DbTx,
  input: {
    survivorId: string;
    absorbedId: string;
    at: Date;
    actor: Actor | null;
    /** The absorbed enterprise's version as the caller read it: a stale one is a 409. */
    expectedVersion?: number;
    requestId?: string;
    /** Language of the field and refusal messages (and of nothing stored). */
    locale?: Locale;
  },
) {
  const t = translator(input.locale ?? DEFAULT_LOCALE);
  const select = {
    id: true,
    code: true,
    nameZh: true,
    nameEn: true,
    parentId: true,
    supervisorId: true,
    mergedIntoId: true,
    active: true,
    version: true,
  } as const;
  const [survivor, absorbed] = await Promise.all([
    tx.enterprise.findUnique({ where: { id: input.survivorId }, select }),
    tx.enterprise.findUnique({ where: { id: input.absorbedId }, select }),
  ]);
  if (!survivor || !absorbed) throw new AppError("not_found");
  if (input.expectedVersion !== undefined && input.expectedVersion !== absorbed.version)
    throw new AppError("conflict", undefined, undefined, { version: absorbed.version });
  const refuse = (
    field: string,
    key: "self" | "alreadyMerged" | "survivorMerged" | "survivorInside",
    message: string,
  ): never => {
    throw new AppError("validation_failed", message, { [field]: t(`registry.merge.${key}`) });
  };
  if (survivor.id === absorbed.id)
    refuse("survivorId", "self", "An enterprise cannot be merged into itself");
  if (absorbed.mergedIntoId) refuse("_form", "alreadyMerged", "The enterprise is merged already");
  if (survivor.mergedIntoId)
    refuse("survivorId", "survivorMerged", "The survivor was itself merged into another");
  const subtree = (
    await tx.enterpriseClosure.findMany({
      where: { ancestorId: absorbed.id },
      select: { descendantId: true },
    })
  ).map((c) => c.descendantId);
  if (subtree.includes(survivor.id))
    refuse("survivorId", "survivorInside", "The survivor lies within the absorbed subtree");
  await assertAfterClosedRounds(tx, { enterpriseIds: subtree }, input.at, input.locale);
  // An item moved by an earlier merge cannot be moved again before that merge.
  const [previous] = await tx.$queryRaw<{ latest: Date | null }[]>`
    SELECT max(f."validTo") AS "latest" FROM "LedgerItemFormerEnterprise" f
    JOIN "LedgerItem" li ON li."id" = f."ledgerItemId" WHERE li."enterpriseId" = ${absorbed.id}::uuid`;
  if (previous?.latest && previous.latest > input.at)
    throw new AppError(
      "conflict",
      "A change cannot be dated before the history it follows",
      undefined,
      {
        latest: previous.latest.toISOString(),
      },
    );

  // Items of a task the survivor already has: not applicable from `at`, left where they are.
  const duplicates = await tx.ledgerItem.findMany({
    where: {
      enterpriseId: absorbed.id,
      task: { ledgerItems: { some: { enterpriseId: survivor.id } } },
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const duplicateIds = duplicates.map((d) => d.id);
  const movers = await tx.ledgerItem.count({
    where: { enterpriseId: absorbed.id, id: { notIn: duplicateIds } },
  });
  const children = await tx.enterprise.findMany({
    where: { parentId: absorbed.id, mergedIntoId: null },
    select: { id: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  const grants = await tx.userScope.count({ where: { enterpriseId: absorbed.id } });
  const counts = {
    movedItems: movers,
    notApplicableItems: duplicates.length,
    movedChildren: children.length,
    movedGrants: grants,
  };
  // Written first, whole (the row is append-only): the former placements point at it.
  const merge = await tx.enterpriseMerge.create({
    data: {
      survivorId: survivor.id,
      absorbedId: absorbed.id,
      at: input.at,
      actorId: input.actor?.id ?? null,
      ...counts,
    },
    select: { id: true },
  });

  const reason = translator("zh-CN")("registry.merge.reason", {
    name: survivor.nameZh,
    code: survivor.code,
  });
  for (const item of duplicates)
    await setItemNotApplicable(tx, {
      itemId: item.id,
      reason,
      at: input.at,
      actor: input.actor,
      requestId: input.requestId,
      locale: input.locale,
    });

  // The others move, each leaving a closed span of where it stood (from its previous move, else
  // from its creation). One statement each way.
  // Their figures follow the survivor's supervisor from `at` on (roll-up kept in step).
  const at = ts(input.at);
  const movingIds = Prisma.sql`SELECT "id" FROM "LedgerItem"
    WHERE "enterpriseId" = ${absorbed.id}::uuid AND NOT ("id" = ANY(${duplicateIds}::uuid[]))`;
  await withRollup(tx, movingIds, input.at, async () => {
    await tx.$executeRaw`
    INSERT INTO "LedgerItemFormerEnterprise" ("ledgerItemId", "enterpriseId", "mergeId", "validFrom", "validTo")
    SELECT x."id", x."enterpriseId", ${merge.id}::uuid, x."since", ${at}
    FROM (
      SELECT li."id", li."enterpriseId",
             GREATEST(li."createdAt", COALESCE((SELECT max(f."validTo") FROM "LedgerItemFormerEnterprise" f
                                                WHERE f."ledgerItemId" = li."id"), li."createdAt")) AS "since"
      FROM "LedgerItem" li
      WHERE li."enterpriseId" = ${absorbed.id}::uuid AND NOT (li."id" = ANY(${duplicateIds}::uuid[]))
    ) x
    WHERE x."since" < ${at}`;
    await tx.$executeRaw`
    UPDATE "LedgerItem" SET "enterpriseId" = ${survivor.id}::uuid, "version" = "version" + 1,
           "updatedAt" = ${at}
    WHERE "enterpriseId" = ${absorbed.id}::uuid AND NOT ("id" = ANY(${duplicateIds}::uuid[]))`;
  });

  // Active children with their subtrees; merged (inactive) ones stay with the absorbed as history.
  for (const child of children)
    await moveEnterprise(tx, {
      enterpriseId: child.id,
      parentId: survivor.id,
      supervisorId: survivor.supervisorId,
      at: input.at,
      actor: input.actor,
      requestId: input.requestId,
      locale: input.locale,
    });

  // Grants: a user granted both keeps the survivor's; the others' grants pass to the survivor.
  await tx.userScope.deleteMany({
    where: {
      enterpriseId: absorbed.id,
      user: { scopes: { some: { enterpriseId: survivor.id } } },
    },
  });
  await tx.userScope.updateMany({
    where: { enterpriseId: absorbed.id },
    data: { enterpriseId: survivor.id },
  });

  const updated = await tx.enterprise.updateMany({
    where: { id: absorbed.id, version: absorbed.version },
    data: {
      active: false,
      mergedIntoId: survivor.id,
      version: { increment: 1 },
      updatedAt: input.at,
    },
  });
  if (!updated.count) throw new AppError("conflict");
  await recordAudit(tx, {
    actor: input.actor,
    action: "enterprise.merge",
    entityType: "Enterprise",
    entityId: absorbed.id,
    before: { active: absorbed.active, mergedIntoId: null, version: absorbed.version },
    after: {
      active: false,
      mergedIntoId: survivor.id,
      version: absorbed.version + 1,
      mergeId: merge.id,
      ...counts,
      at: input.at,
    },
    requestId: input.requestId,
  });
  await recordAudit(tx, {
    actor: input.actor,
    action: "enterprise.absorb",
    entityType: "Enterprise",
    entityId: survivor.id,
    after: { absorbedId: absorbed.id, mergeId: merge.id, ...counts, at: input.at },
    requestId: input.requestId,
  });
  return { mergeId: merge.id, survivorId: survivor.id, absorbedId: absorbed.id, ...counts };
}
