import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { summarySelect, toSummary } from "./summary";
import type { EnterpriseDetail } from "./schemas";

/** One enterprise, or null when it does not exist or lies outside the actor's scope. */
export async function getEnterprise(actor: Actor, id: string): Promise<EnterpriseDetail | null> {
  const db = getDb();
  const scope = enterpriseScopeWhere(actor);
  const row = await db.enterprise.findFirst({
    where: { AND: [{ id }, scope] },
    select: {
      ...summarySelect,
      industryZh: true,
      industryEn: true,
      partyOrgNameZh: true,
      partyOrgNameEn: true,
      partySupervisorId: true,
      sortOrder: true,
      version: true,
      _count: {
        select: { children: { where: { mergedIntoId: null } }, descendants: true },
      },
      formerNames: {
        select: {
          nameZh: true,
          nameEn: true,
          shortNameZh: true,
          shortNameEn: true,
          validFrom: true,
          validTo: true,
        },
        orderBy: { validTo: "desc" },
      },
      mergeAbsorbed: { select: { survivorId: true, at: true } },
      mergesSurvived: {
        where: { absorbed: scope },
        select: { at: true, absorbed: { select: { id: true, nameZh: true, nameEn: true } } },
        orderBy: { at: "desc" },
      },
    },
  });
  if (!row) return null;
  const [ancestors, survivor] = await Promise.all([
    db.enterprise.findMany({
      where: {
        AND: [scope, { descendants: { some: { descendantId: id, depth: { gt: 0 } } } }],
      },
      select: { id: true, nameZh: true, nameEn: true, depth: true },
      orderBy: { depth: "asc" },
    }),
    row.mergeAbsorbed
      ? db.enterprise.findFirst({
          where: { AND: [{ id: row.mergeAbsorbed.survivorId }, scope] },
          select: { nameZh: true, nameEn: true },
        })
      : null,
  ]);
  const {
    industryZh,
    industryEn,
    partyOrgNameZh,
    partyOrgNameEn,
    partySupervisorId,
    sortOrder,
    version,
    formerNames,
    mergeAbsorbed,
    mergesSurvived,
    _count,
    ...summary
  } = row;
  return {
    ...toSummary({ ...summary, _count }),
    industryZh,
    industryEn,
    partyOrgNameZh,
    partyOrgNameEn,
    partySupervisorId,
    sortOrder,
    version,
    subtreeSize: _count.descendants,
    ancestors: ancestors.map(({ id: ancestorId, nameZh, nameEn }) => ({
      id: ancestorId,
      nameZh,
      nameEn,
    })),
    formerNames: formerNames.map((n) => ({
      ...n,
      validFrom: n.validFrom.toISOString(),
      validTo: n.validTo.toISOString(),
    })),
    mergedInto: mergeAbsorbed
      ? {
          id: mergeAbsorbed.survivorId,
          nameZh: survivor?.nameZh ?? null,
          nameEn: survivor?.nameEn ?? null,
          at: mergeAbsorbed.at.toISOString(),
        }
      : null,
    absorbed: mergesSurvived.map((m) => ({ ...m.absorbed, at: m.at.toISOString() })),
  };
}
