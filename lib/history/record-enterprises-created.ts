import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/policy";
import type { DbTx } from "@/lib/db/client";

/**
 * Opens the first tree-position and supervisor spans of new enterprises, valid from each
 * enterprise's `createdAt`, from their current EnterpriseClosure rows and supervisor. Call it
 * after writing those rows, in the same transaction.
 */
export async function writeInitialEnterpriseSpans(tx: DbTx, enterpriseIds: readonly string[]) {
  if (!enterpriseIds.length) return;
  const ids = [...enterpriseIds];
  await tx.$executeRaw`
    INSERT INTO "EnterpriseClosureSpan" ("ancestorId", "descendantId", "depth", "validFrom")
    SELECT c."ancestorId", c."descendantId", c."depth", e."createdAt"
    FROM "EnterpriseClosure" c JOIN "Enterprise" e ON e."id" = c."descendantId"
    WHERE c."descendantId" = ANY(${ids}::uuid[])`;
  await tx.$executeRaw`
    INSERT INTO "EnterpriseSupervisorSpan" ("enterpriseId", "supervisorId", "validFrom")
    SELECT "id", "supervisorId", "createdAt" FROM "Enterprise" WHERE "id" = ANY(${ids}::uuid[])`;
}

/** New enterprises: their initial spans and one audit record each. */
export async function recordEnterprisesCreated(
  tx: DbTx,
  input: { enterpriseIds: readonly string[]; actor: Actor | null; requestId?: string },
) {
  await writeInitialEnterpriseSpans(tx, input.enterpriseIds);
  const rows = await tx.enterprise.findMany({
    where: { id: { in: [...input.enterpriseIds] } },
    select: { id: true, code: true, parentId: true, supervisorId: true, createdAt: true },
  });
  for (const row of rows) {
    await recordAudit(tx, {
      actor: input.actor,
      action: "enterprise.create",
      entityType: "Enterprise",
      entityId: row.id,
      after: row,
      requestId: input.requestId,
    });
  }
}
