import "server-only";
import type { DbTx } from "@/lib/db/client";
import { bulkInsert } from "@/lib/db/seed/bulk";
import type { CellValue } from "@/lib/excel/cell-value";
import { moveEnterprise } from "@/lib/history/move-enterprise";
import { writeInitialEnterpriseSpans } from "@/lib/history/record-enterprises-created";
import { bulkUpdate, type SqlType } from "./bulk-sql";
import type { ApplyContext } from "./plan";

export type RegistryPlan = {
  creates: {
    id: string;
    code: string;
    parentCode: string | null;
    rootCode: string;
    depth: number;
    supervisorId: string;
    values: Record<string, CellValue>;
  }[];
  updates: {
    id: string;
    values: Record<string, CellValue>;
    before: Record<string, CellValue>;
    after: Record<string, CellValue>;
  }[];
  moves: { id: string; code: string; parentCode: string | null; depth: number }[];
  /** Database fields of the columns present in the sheet (what the updates write). */
  fields: string[];
};

const TYPES: Record<string, SqlType> = {
  creditCode: "text",
  nameZh: "text",
  nameEn: "text",
  shortNameZh: "text",
  shortNameEn: "text",
  region: "text",
  industryZh: "text",
  industryEn: "text",
  functionalClass: '"FunctionalClass"',
  ownershipForm: '"OwnershipForm"',
  partySupervisorId: "uuid",
  partyOrgNameZh: "text",
  partyOrgNameEn: "text",
  sortOrder: "int4",
};

const INSERT_COLUMNS = {
  id: "uuid",
  code: "text",
  parentId: "uuid",
  rootId: "uuid",
  depth: "int4",
  supervisorId: "uuid",
  createdAt: "timestamp(3)",
  updatedAt: "timestamp(3)",
  ...TYPES,
} as const;

/**
 * Writes a checked registry plan in the caller's transaction. Field changes first, in one
 * statement; then the tree level by level of the final tree: at each depth the new enterprises
 * (one insert, their closure rows from their parent's in one statement, their first history
 * spans) and the moves of existing ones through moveEnterprise. Each node's parent is then
 * already where it will stay, so no move ever runs into its own subtree.
 */
export async function applyRegistry(
  tx: DbTx,
  ctx: ApplyContext,
  plan: RegistryPlan,
  idOf: (code: string) => string | null,
) {
  const { at, audit } = ctx;
  await bulkUpdate(
    tx,
    "Enterprise",
    Object.fromEntries(plan.fields.map((f) => [f, TYPES[f]!])),
    plan.updates,
    { versioned: true, at },
  );
  for (const u of plan.updates)
    audit.add({
      action: "enterprise.update",
      entityType: "Enterprise",
      entityId: u.id,
      before: u.before,
      after: u.after,
    });
  let done = plan.updates.length;
  await ctx.progress(done);

  const maxDepth = Math.max(
    -1,
    ...plan.creates.map((c) => c.depth),
    ...plan.moves.map((m) => m.depth),
  );
  for (let depth = 0; depth <= maxDepth; depth++) {
    const level = plan.creates.filter((c) => c.depth === depth);
    if (level.length) {
      const rows = level.map((c) => ({
        ...c.values,
        id: c.id,
        code: c.code,
        parentId: c.parentCode ? idOf(c.parentCode) : null,
        rootId: depth === 0 ? null : idOf(c.rootCode),
        depth,
        supervisorId: c.supervisorId,
        createdAt: at,
        updatedAt: at,
      }));
      await bulkInsert(tx, "Enterprise", INSERT_COLUMNS, rows);
      const ids = rows.map((r) => r.id);
      await tx.$executeRaw`
        INSERT INTO "EnterpriseClosure" ("ancestorId", "descendantId", "depth")
        SELECT n."id", n."id", 0 FROM unnest(${ids}::uuid[]) AS n("id")
        UNION ALL
        SELECT c."ancestorId", n."id", c."depth" + 1
        FROM unnest(${ids}::uuid[], ${rows.map((r) => r.parentId)}::uuid[]) AS n("id", "parentId")
        JOIN "EnterpriseClosure" c ON c."descendantId" = n."parentId"`;
      await writeInitialEnterpriseSpans(tx, ids);
      for (const r of rows)
        audit.add({
          action: "enterprise.create",
          entityType: "Enterprise",
          entityId: r.id,
          after: { ...r, createdAt: at.toISOString(), updatedAt: undefined },
        });
    }
    for (const m of plan.moves.filter((x) => x.depth === depth)) {
      await moveEnterprise(tx, {
        enterpriseId: m.id,
        parentId: m.parentCode ? idOf(m.parentCode) : null,
        at,
        actor: ctx.actor,
        requestId: ctx.requestId,
      });
    }
    done += level.length + plan.moves.filter((x) => x.depth === depth).length;
    await ctx.progress(done);
  }
}
