import "server-only";
import type { DbTx } from "@/lib/db/client";

/**
 * The liaisons responsible for each enterprise: every active liaison whose grant covers it (a
 * grant on the enterprise itself or on any ancestor). Returns enterpriseId -> userIds.
 */
export async function liaisonsFor(
  tx: DbTx,
  enterpriseIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!enterpriseIds.length) return out;
  const closure = await tx.enterpriseClosure.findMany({
    where: { descendantId: { in: [...new Set(enterpriseIds)] } },
    select: { ancestorId: true, descendantId: true },
  });
  const grants = await tx.userScope.findMany({
    where: {
      enterpriseId: { in: [...new Set(closure.map((c) => c.ancestorId))] },
      user: { role: "LIAISON", active: true },
    },
    select: { enterpriseId: true, userId: true },
  });
  const byAncestor = new Map<string, string[]>();
  for (const g of grants)
    byAncestor.set(g.enterpriseId!, [...(byAncestor.get(g.enterpriseId!) ?? []), g.userId]);
  for (const c of closure) {
    const users = byAncestor.get(c.ancestorId);
    if (users)
      out.set(c.descendantId, [...new Set([...(out.get(c.descendantId) ?? []), ...users])]);
  }
  return out;
}
