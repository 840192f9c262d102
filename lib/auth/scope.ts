import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "./policy";

/**
 * "Which enterprises may this actor see", as a Prisma filter. Every query that returns
 * enterprise-owned data composes it, so an id typed into a URL outside the scope finds nothing.
 * Mirrors `inScope` in ./policy.ts.
 */
export function enterpriseScopeWhere(actor: Actor): Prisma.EnterpriseWhereInput {
  if (actor.scopeAll) return {};
  const or: Prisma.EnterpriseWhereInput[] = [];
  if (actor.supervisorIds.length) or.push({ supervisorId: { in: [...actor.supervisorIds] } });
  if (actor.enterpriseIds.length) {
    or.push({ ancestors: { some: { ancestorId: { in: [...actor.enterpriseIds] } } } });
  }
  // No grant at all: match nothing (an empty OR would match everything in some builders).
  return or.length ? { OR: or } : { id: { in: [] } };
}

export function ledgerItemScopeWhere(actor: Actor): Prisma.LedgerItemWhereInput {
  return actor.scopeAll ? {} : { enterprise: enterpriseScopeWhere(actor) };
}

/**
 * The same rule as `enterpriseScopeWhere`, as a SQL condition on an enterprise id column (e.g.
 * `li."enterpriseId"`), for roll-ups written in SQL. Kept beside the Prisma form so the two change
 * together; tests/integration/scope-sql.test.ts proves they select the same rows.
 */
export function enterpriseScopeSql(actor: Actor, enterpriseIdColumn: Prisma.Sql): Prisma.Sql {
  if (actor.scopeAll) return Prisma.sql`TRUE`;
  const or: Prisma.Sql[] = [];
  if (actor.supervisorIds.length) {
    or.push(
      Prisma.sql`${enterpriseIdColumn} IN (SELECT "id" FROM "Enterprise" WHERE "supervisorId" = ANY(${[...actor.supervisorIds]}::uuid[]))`,
    );
  }
  if (actor.enterpriseIds.length) {
    or.push(
      Prisma.sql`${enterpriseIdColumn} IN (SELECT "descendantId" FROM "EnterpriseClosure" WHERE "ancestorId" = ANY(${[...actor.enterpriseIds]}::uuid[]))`,
    );
  }
  return or.length ? Prisma.sql`(${Prisma.join(or, " OR ")})` : Prisma.sql`FALSE`;
}

/**
 * The supervisors whose enterprises are the viewer's whole scope, when that is all it holds
 * (no national scope, no enterprise grants): then an item is in scope exactly when its
 * supervisor column (`LedgerItem.supervisorId`, its enterprise's) is one of them.
 */
export function scopeSupervisors(actor: Actor): string[] | null {
  return !actor.scopeAll && actor.supervisorIds.length && !actor.enterpriseIds.length
    ? [...actor.supervisorIds]
    : null;
}

/** Enterprise `enterpriseId` and its whole subtree, as a SQL condition (closure rows include the node itself). */
export function subtreeSql(enterpriseId: string, enterpriseIdColumn: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${enterpriseIdColumn} IN (SELECT "descendantId" FROM "EnterpriseClosure" WHERE "ancestorId" = ${enterpriseId}::uuid)`;
}
