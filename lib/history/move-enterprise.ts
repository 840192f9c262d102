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
import { assertNotBefore, ts } from "./spans";

/**
 * Moves an enterprise with its whole subtree under another parent (`parentId`; null makes it a
 * group of its own) and/or to another supervisor (applied to every enterprise of the subtree, as
 * reorganisations hand a group's tree over whole), from `at` on. Rewrites the current closure
 * rows of the subtree in one statement, closes the spans that stopped holding and opens the new
 * ones, keeps `parentId`, `depth` and `rootId` in step, and writes the audit record, in `tx`.
 * Figures before `at` keep the tree as it stood. Refuses a cycle (a new parent inside the
 * subtree), a merged (inactive) parent, and a change dated within a closed round.
 */
export async function moveEnterprise(
  tx: DbTx,
  input: {
    enterpriseId: string;
    parentId?: string | null;
    supervisorId?: string;
    at: Date;
    actor: Actor | null;
    requestId?: string;
    /** Language of the field and refusal messages. */
    locale?: Locale;
  },
) {
  const root = await tx.enterprise.findUnique({
    where: { id: input.enterpriseId },
    select: { id: true, parentId: true, supervisorId: true, version: true },
  });
  if (!root) throw new AppError("not_found");
  const subtree = (
    await tx.enterpriseClosure.findMany({
      where: { ancestorId: root.id },
      select: { descendantId: true },
    })
  ).map((c) => c.descendantId);
  const newParent = input.parentId;
  const moves = newParent !== undefined && newParent !== root.parentId;
  const t = translator(input.locale ?? DEFAULT_LOCALE);
  if (moves && newParent !== null) {
    if (subtree.includes(newParent))
      throw new AppError(
        "validation_failed",
        "An enterprise cannot move under itself or one of its own subsidiaries",
        { parentId: t("registry.move.cycle") },
      );
    const parent = await tx.enterprise.findUnique({
      where: { id: newParent },
      select: { mergedIntoId: true },
    });
    if (!parent)
      throw new AppError("validation_failed", undefined, {
        parentId: t("registry.move.unknownParent"),
      });
    if (parent.mergedIntoId)
      throw new AppError("validation_failed", undefined, {
        parentId: t("registry.move.mergedParent"),
      });
  }
  const supervises = Boolean(input.supervisorId && input.supervisorId !== root.supervisorId);
  if (moves || supervises)
    await assertAfterClosedRounds(tx, { enterpriseIds: subtree }, input.at, input.locale);
  const at = ts(input.at);

  // The items there (or there before a merge): their groups' roll-up follows the tree from `at`.
  const subtreeItems = Prisma.sql`SELECT "id" FROM "LedgerItem" WHERE "enterpriseId" = ANY(${subtree}::uuid[])
    UNION SELECT "ledgerItemId" FROM "LedgerItemFormerEnterprise" WHERE "enterpriseId" = ANY(${subtree}::uuid[])`;
  if (moves) {
    await assertNotBefore(tx, "EnterpriseClosureSpan", "descendantId", subtree, input.at);
    const parentId = input.parentId ?? null;
    await withRollup(tx, subtreeItems, input.at, () =>
      reparent(tx, root.id, subtree, parentId, at),
    );
  }

  let supervised = 0;
  if (input.supervisorId && supervises) {
    const exists = await tx.supervisor.count({ where: { id: input.supervisorId } });
    if (!exists)
      throw new AppError("validation_failed", undefined, {
        supervisorId: t("registry.move.unknownSupervisor"),
      });
    const changing = (
      await tx.enterprise.findMany({
        where: { id: { in: subtree }, supervisorId: { not: input.supervisorId } },
        select: { id: true },
      })
    ).map((e) => e.id);
    await assertNotBefore(tx, "EnterpriseSupervisorSpan", "enterpriseId", changing, input.at);
    // The items there (or there before a merge) count under the new supervisor from `at` on.
    const items = Prisma.sql`SELECT "id" FROM "LedgerItem" WHERE "enterpriseId" = ANY(${changing}::uuid[])
      UNION SELECT "ledgerItemId" FROM "LedgerItemFormerEnterprise" WHERE "enterpriseId" = ANY(${changing}::uuid[])`;
    await withRollup(tx, items, input.at, async () => {
      await tx.$executeRaw`
        UPDATE "EnterpriseSupervisorSpan" SET "validTo" = ${at}
        WHERE "validTo" IS NULL AND "enterpriseId" = ANY(${changing}::uuid[])`;
      await tx.$executeRaw`
        INSERT INTO "EnterpriseSupervisorSpan" ("enterpriseId", "supervisorId", "validFrom")
        SELECT "id", ${input.supervisorId}::uuid, ${at} FROM unnest(${changing}::uuid[]) AS "id"`;
    });
    await tx.enterprise.updateMany({
      where: { id: { in: changing } },
      data: { supervisorId: input.supervisorId, version: { increment: 1 } },
    });
    supervised = changing.length;
  }
  if (!moves && !supervised) return { subtree: subtree.length, moved: false, supervised };

  await recordAudit(tx, {
    actor: input.actor,
    action: "enterprise.move",
    entityType: "Enterprise",
    entityId: root.id,
    before: { parentId: root.parentId, supervisorId: root.supervisorId, version: root.version },
    after: {
      parentId: moves ? (input.parentId ?? null) : root.parentId,
      supervisorId: input.supervisorId ?? root.supervisorId,
      subtree: subtree.length,
      at: input.at,
    },
    requestId: input.requestId,
  });
  return { subtree: subtree.length, moved: moves, supervised };
}

/** The closure rows and spans of `subtree` (rooted at `rootId`) moved under `parentId` at `at`. */
async function reparent(
  tx: DbTx,
  rootId: string,
  subtree: readonly string[],
  parentId: string | null,
  at: Prisma.Sql,
): Promise<void> {
  // One statement: pairs (outside ancestor, subtree node) that no longer hold go, the new
  // parent's ancestors join every subtree node (depth through the new parent). The two sets
  // are disjoint, so the sub-statements cannot see each other's rows.
  await tx.$executeRaw`
    WITH sub AS (
      SELECT "descendantId" AS "id", "depth" FROM "EnterpriseClosure" WHERE "ancestorId" = ${rootId}::uuid
    ), anc AS (
      SELECT "ancestorId" AS "id", "depth" FROM "EnterpriseClosure" WHERE "descendantId" = ${parentId}::uuid
    ), gone AS (
      DELETE FROM "EnterpriseClosure" c USING sub
      WHERE c."descendantId" = sub."id"
        AND c."ancestorId" NOT IN (SELECT "id" FROM sub)
        AND c."ancestorId" NOT IN (SELECT "id" FROM anc)
    )
    INSERT INTO "EnterpriseClosure" ("ancestorId", "descendantId", "depth")
    SELECT anc."id", sub."id", anc."depth" + 1 + sub."depth" FROM anc CROSS JOIN sub
    ON CONFLICT ("ancestorId", "descendantId") DO UPDATE SET "depth" = EXCLUDED."depth"`;
  // History: every outside pair of the subtree closes at `at`; the current ones reopen.
  await tx.$executeRaw`
    UPDATE "EnterpriseClosureSpan" SET "validTo" = ${at}
    WHERE "validTo" IS NULL AND "descendantId" = ANY(${[...subtree]}::uuid[])
      AND NOT ("ancestorId" = ANY(${[...subtree]}::uuid[]))`;
  await tx.$executeRaw`
    INSERT INTO "EnterpriseClosureSpan" ("ancestorId", "descendantId", "depth", "validFrom")
    SELECT "ancestorId", "descendantId", "depth", ${at} FROM "EnterpriseClosure"
    WHERE "descendantId" = ANY(${[...subtree]}::uuid[]) AND NOT ("ancestorId" = ANY(${[...subtree]}::uuid[]))`;
  await tx.enterprise.update({ where: { id: rootId }, data: { parentId } });
  // depth and rootId of every subtree node follow from the new closure rows.
  await tx.$executeRaw`
    UPDATE "Enterprise" e
    SET "depth" = x."depth", "rootId" = NULLIF(x."top", e."id"), "version" = e."version" + 1,
        "updatedAt" = ${at}
    FROM (
      SELECT "descendantId" AS "id", max("depth") AS "depth",
             (array_agg("ancestorId" ORDER BY "depth" DESC))[1] AS "top"
      FROM "EnterpriseClosure" WHERE "descendantId" = ANY(${[...subtree]}::uuid[])
      GROUP BY "descendantId"
    ) x
    WHERE e."id" = x."id"`;
}
