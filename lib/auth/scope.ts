import type { Prisma } from "@/lib/generated/prisma/client";
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
