import "server-only";
import { escapeLike } from "@/lib/db/contains-pattern";
import type { EnterpriseRef } from "@/lib/auth/policy";
import type { DbTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MentionableUser } from "./schemas";

/**
 * Active users whose scope covers the enterprise: the database form of `inScope` in
 * lib/auth/policy.ts seen from the other side (which users see this enterprise, not which
 * enterprises this user sees): national scope, a grant of its SASAC, or a grant on it or an
 * ancestor. Every role may read the ledger, so every such user can see the item.
 */
export function usersCoveringWhere(enterprise: EnterpriseRef): Prisma.UserWhereInput {
  return {
    active: true,
    OR: [
      { scopeAll: true },
      { scopes: { some: { supervisorId: enterprise.supervisorId } } },
      { scopes: { some: { enterpriseId: { in: [...enterprise.pathIds] } } } },
    ],
  };
}

export async function mentionableUsers(
  tx: DbTx,
  enterprise: EnterpriseRef,
  { q, ids }: { q?: string; ids?: readonly string[] } = {},
): Promise<MentionableUser[]> {
  const and: Prisma.UserWhereInput[] = [usersCoveringWhere(enterprise)];
  if (ids) and.push({ id: { in: [...ids] } });
  if (q)
    and.push({
      OR: [
        { displayName: { contains: escapeLike(q), mode: "insensitive" } },
        { username: { contains: escapeLike(q), mode: "insensitive" } },
      ],
    });
  return tx.user.findMany({
    where: { AND: and },
    select: { id: true, displayName: true, username: true },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    take: ids ? undefined : 20,
  });
}
