import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EnterpriseDetail, EnterpriseListFilter, EnterpriseSummary } from "./schemas";

const summarySelect = {
  id: true,
  code: true,
  creditCode: true,
  nameZh: true,
  nameEn: true,
  shortNameZh: true,
  shortNameEn: true,
  parentId: true,
  rootId: true,
  depth: true,
  region: true,
  functionalClass: true,
  ownershipForm: true,
  supervisor: { select: { id: true, code: true, nameZh: true, nameEn: true, level: true } },
  _count: { select: { children: true } },
} satisfies Prisma.EnterpriseSelect;

type SummaryRow = Prisma.EnterpriseGetPayload<{ select: typeof summarySelect }>;

function toSummary({ _count, ...row }: SummaryRow): EnterpriseSummary {
  return { ...row, childCount: _count.children };
}

/** The tops of the trees an actor sees: whole groups for SASAC scopes, the granted nodes otherwise. */
export function scopeRootsWhere(actor: Actor): Prisma.EnterpriseWhereInput {
  if (actor.scopeAll) return { parentId: null };
  const or: Prisma.EnterpriseWhereInput[] = [];
  if (actor.supervisorIds.length)
    or.push({ parentId: null, supervisorId: { in: [...actor.supervisorIds] } });
  if (actor.enterpriseIds.length) or.push({ id: { in: [...actor.enterpriseIds] } });
  return or.length ? { OR: or } : { id: { in: [] } };
}

export async function listEnterprises(actor: Actor, query: EnterpriseListFilter) {
  const filters: Prisma.EnterpriseWhereInput[] = [enterpriseScopeWhere(actor)];
  if (query.parentId) filters.push({ parentId: query.parentId });
  if (query.roots) filters.push(scopeRootsWhere(actor));
  if (query.supervisorId) filters.push({ supervisorId: query.supervisorId });
  if (query.q) {
    filters.push({
      OR: [
        { nameZh: { contains: query.q, mode: "insensitive" } },
        { nameEn: { contains: query.q, mode: "insensitive" } },
        { code: { contains: query.q, mode: "insensitive" } },
        { creditCode: { equals: query.q.toUpperCase() } },
      ],
    });
  }
  const rows = await getDb().enterprise.findMany({
    where: { AND: filters },
    select: summarySelect,
    orderBy: { id: "asc" },
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toSummary),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** Children of a node in display order (tree browser); only what the actor may see. */
export async function listChildren(actor: Actor, parentId: string): Promise<EnterpriseSummary[]> {
  const rows = await getDb().enterprise.findMany({
    where: { AND: [enterpriseScopeWhere(actor), { parentId }] },
    select: summarySelect,
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  return rows.map(toSummary);
}

/** The tops of the actor's trees in display order. */
export async function listScopeRoots(actor: Actor): Promise<EnterpriseSummary[]> {
  const rows = await getDb().enterprise.findMany({
    where: { AND: [enterpriseScopeWhere(actor), scopeRootsWhere(actor)] },
    select: summarySelect,
    orderBy: [{ supervisor: { code: "asc" } }, { sortOrder: "asc" }, { code: "asc" }],
  });
  return rows.map(toSummary);
}

/** One enterprise, or null when it does not exist or lies outside the actor's scope. */
export async function getEnterprise(actor: Actor, id: string): Promise<EnterpriseDetail | null> {
  const db = getDb();
  const row = await db.enterprise.findFirst({
    where: { AND: [{ id }, enterpriseScopeWhere(actor)] },
    select: {
      ...summarySelect,
      industryZh: true,
      industryEn: true,
      partyOrgNameZh: true,
      partyOrgNameEn: true,
    },
  });
  if (!row) return null;
  const ancestors = await db.enterprise.findMany({
    where: {
      AND: [
        enterpriseScopeWhere(actor),
        { descendants: { some: { descendantId: id, depth: { gt: 0 } } } },
      ],
    },
    select: { id: true, nameZh: true, nameEn: true, depth: true },
    orderBy: { depth: "asc" },
  });
  const { industryZh, industryEn, partyOrgNameZh, partyOrgNameEn, ...summary } = row;
  return {
    ...toSummary(summary),
    industryZh,
    industryEn,
    partyOrgNameZh,
    partyOrgNameEn,
    ancestors: ancestors.map(({ id: ancestorId, nameZh, nameEn }) => ({
      id: ancestorId,
      nameZh,
      nameEn,
    })),
  };
}

/**
 * The party organisation an enterprise is affiliated to: its own named organisation when it has
 * one (mixed-reform cases), else the SASAC it is affiliated to. Null outside the scope.
 */
export async function partyAffiliation(
  actor: Actor,
  enterpriseId: string,
): Promise<{ nameZh: string; nameEn: string } | null> {
  const row = await getDb().enterprise.findFirst({
    where: { AND: [{ id: enterpriseId }, enterpriseScopeWhere(actor)] },
    select: {
      partyOrgNameZh: true,
      partyOrgNameEn: true,
      partySupervisor: { select: { nameZh: true, nameEn: true } },
    },
  });
  if (!row) return null;
  if (row.partyOrgNameZh || row.partyOrgNameEn) {
    return {
      nameZh: row.partyOrgNameZh ?? row.partyOrgNameEn ?? "",
      nameEn: row.partyOrgNameEn ?? row.partyOrgNameZh ?? "",
    };
  }
  return row.partySupervisor;
}
