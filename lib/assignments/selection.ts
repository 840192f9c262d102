import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeSql, subtreeSql } from "@/lib/auth/scope";
import type { DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EnterpriseSelection } from "./schemas";

/**
 * The enterprise selection of a bulk assignment or of the matrix, as one SQL condition on an
 * `"Enterprise"` alias, always within the caller's read scope (enterpriseScopeSql) and active
 * enterprises only. Assignment, its dry run and the matrix all compose this, so the preview
 * counts exactly the rows the write touches.
 */
export function selectionSql(actor: Actor, selection: EnterpriseSelection, alias = "e") {
  const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const parts: Prisma.Sql[] = [enterpriseScopeSql(actor, col("id")), Prisma.sql`${col("active")}`];
  const { enterpriseIds, subtreeOf, supervisorIds, regions, functionalClasses, depths } = selection;
  if (enterpriseIds?.length) parts.push(Prisma.sql`${col("id")} = ANY(${enterpriseIds}::uuid[])`);
  if (subtreeOf) parts.push(subtreeSql(subtreeOf, col("id")));
  if (supervisorIds?.length)
    parts.push(Prisma.sql`${col("supervisorId")} = ANY(${supervisorIds}::uuid[])`);
  if (regions?.length) parts.push(Prisma.sql`${col("region")} = ANY(${regions}::text[])`);
  if (functionalClasses?.length)
    parts.push(Prisma.sql`${col("functionalClass")}::text = ANY(${functionalClasses}::text[])`);
  if (depths?.length) parts.push(Prisma.sql`${col("depth")} = ANY(${depths}::int[])`);
  return Prisma.join(parts, " AND ");
}

/**
 * The enterprises whose supervisor the actor owns for catalogue work (`managesSupervisor`, as SQL):
 * national administrators own all, a provincial administrator its own SASAC's enterprises only.
 */
export function ownedSql(actor: Actor, alias = "e") {
  if (actor.scopeAll) return Prisma.sql`TRUE`;
  if (!actor.supervisorIds.length) return Prisma.sql`FALSE`;
  return Prisma.sql`${Prisma.raw(`${alias}."supervisorId"`)} = ANY(${[...actor.supervisorIds]}::uuid[])`;
}

/**
 * Enterprises and supervisors named in a selection must be visible to the caller: one outside the
 * scope is a 404, exactly as a missing one (no probing of ids by assigning to them).
 */
export async function assertSelectionVisible(
  db: DbTx,
  actor: Actor,
  selection: EnterpriseSelection,
): Promise<void> {
  const named = [
    ...new Set([
      ...(selection.enterpriseIds ?? []),
      ...(selection.subtreeOf ? [selection.subtreeOf] : []),
    ]),
  ];
  if (named.length) {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS "n" FROM "Enterprise" e
      WHERE e."id" = ANY(${named}::uuid[]) AND ${enterpriseScopeSql(actor, Prisma.raw(`e."id"`))}`;
    if ((row?.n ?? 0) < named.length) throw new AppError("not_found");
  }
  const supervisors = [...new Set(selection.supervisorIds ?? [])];
  if (supervisors.length && !actor.scopeAll) {
    // A supervisor is visible when it is one of the actor's or supervises an enterprise in scope.
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS "n" FROM "Supervisor" s
      WHERE s."id" = ANY(${supervisors}::uuid[])
        AND (s."id" = ANY(${[...actor.supervisorIds]}::uuid[]) OR EXISTS (
          SELECT 1 FROM "Enterprise" e WHERE e."supervisorId" = s."id"
            AND ${enterpriseScopeSql(actor, Prisma.raw(`e."id"`))}))`;
    if ((row?.n ?? 0) < supervisors.length) throw new AppError("not_found");
  }
}
