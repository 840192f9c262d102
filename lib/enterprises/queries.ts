import "server-only";
import { checkCursor } from "@/lib/api/cursor";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { containsPattern, escapeLike } from "@/lib/db/contains-pattern";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EnterpriseListFilter, EnterpriseSummary } from "./schemas";
import { summarySelect, toSummary, type SummaryRow } from "./summary";

/** One enterprise with its detail: its own module, still reachable from here. */
export { getEnterprise } from "./get-enterprise";

/** The tops of the trees an actor sees: whole groups for SASAC scopes, the granted nodes otherwise. */
export function scopeRootsWhere(actor: Actor): Prisma.EnterpriseWhereInput {
  if (actor.scopeAll) return { parentId: null };
  const or: Prisma.EnterpriseWhereInput[] = [];
  if (actor.supervisorIds.length)
    or.push({ parentId: null, supervisorId: { in: [...actor.supervisorIds] } });
  if (actor.enterpriseIds.length) or.push({ id: { in: [...actor.enterpriseIds] } });
  return or.length ? { OR: or } : { id: { in: [] } };
}

/**
 * Where a search hit ranks: an exact code (or credit code) first, then names that begin with the
 * text, then every other hit. Chinese group names usually open with "中国" and people leave it out
 * ("中车" for 中国中车集团), so a name that begins with "中国" + the text counts as a prefix too.
 */
function searchTiers(q: string): Prisma.EnterpriseWhereInput[] {
  // Null-safe: an enterprise without a credit code must be FALSE here, not NULL, or NOT exact
  // (the other tiers) would be NULL too and leave it out of every tier.
  const exact: Prisma.EnterpriseWhereInput = {
    OR: [
      { code: { equals: q, mode: "insensitive" } },
      { AND: [{ creditCode: { not: null } }, { creditCode: { equals: q.toUpperCase() } }] },
    ],
  };
  const prefix: Prisma.EnterpriseWhereInput = {
    OR: [
      { nameZh: { startsWith: q, mode: "insensitive" } },
      { nameEn: { startsWith: q, mode: "insensitive" } },
      { nameZh: { startsWith: `中国${q}` } },
    ],
  };
  return [exact, { AND: [prefix, { NOT: exact }] }, { NOT: { OR: [exact, prefix] } }];
}

/** Within a tier: the groups before their subsidiaries, then by name; the id keeps it total. */
const searchOrder = [
  { depth: "asc" },
  { nameZh: "asc" },
  { id: "asc" },
] satisfies Prisma.EnterpriseOrderByWithRelationInput[];

/**
 * The enterprises that contain `q` (name, English name, code, a former name) or carry it as their
 * credit code, when at most `few` do; else null. Read through the search pieces' index
 * (`EnterpriseSearch_grams_idx`), so a rare name costs an index look-up where the tiers' three
 * statements each scanned every enterprise: national data, a two-character name found nowhere
 * took 190-250 ms. A common one ("公司", in every name) stops at `few` + 1 and the tiers filter
 * as before.
 */
async function containingIds(q: string, few: number): Promise<string[] | null> {
  if (few <= 0) return null;
  const pattern = containsPattern(q);
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    SELECT e."id"::text AS "id" FROM "Enterprise" e
    WHERE e."id" IN (SELECT s."enterpriseId" FROM "EnterpriseSearch" s
                     WHERE s."grams" @> ledger_query_grams(${q}))
      AND (e."nameZh" ILIKE ${pattern} OR e."nameEn" ILIKE ${pattern} OR e."code" ILIKE ${pattern})
    UNION ALL
    SELECT e."id"::text FROM "Enterprise" e WHERE e."creditCode" = ${q.toUpperCase()}
    UNION ALL
    SELECT n."enterpriseId"::text FROM "EnterpriseName" n
    WHERE n."nameZh" ILIKE ${pattern} OR n."nameEn" ILIKE ${pattern}
    LIMIT ${few + 1}`;
  return rows.length > few ? null : [...new Set(rows.map((r) => r.id))];
}

/** Up to this many hits, a search's tiers read the hits by id (see `containingIds`). */
const FEW_HITS = 2000;

export async function listEnterprises(
  actor: Actor,
  query: EnterpriseListFilter,
  /** The `few` of `containingIds`, for tests that take both ways on small data. */
  few = FEW_HITS,
) {
  // Prisma reads the cursor row: only an enterprise in the caller's scope.
  await checkCursor(query.cursor, (id) =>
    getDb().enterprise.findFirst({
      where: { AND: [{ id }, enterpriseScopeWhere(actor)] },
      select: { id: true },
    }),
  );
  const filters: Prisma.EnterpriseWhereInput[] = [enterpriseScopeWhere(actor)];
  if (query.parentId) filters.push({ parentId: query.parentId, mergedIntoId: null });
  if (query.roots) filters.push(scopeRootsWhere(actor), { mergedIntoId: null });
  if (query.supervisorId) filters.push({ supervisorId: query.supervisorId });
  if (query.q) {
    const ids = await containingIds(query.q, few);
    filters.push(ids ? { id: { in: ids } } : containsWhere(query.q));
    return searchEnterprises(filters, query.q, query.limit, query.cursor);
  }
  const rows = await getDb().enterprise.findMany({
    where: { AND: filters },
    select: summarySelect,
    orderBy: { id: "asc" },
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  return toPage(rows, query.limit);
}

/**
 * "Contains q" as a Prisma filter: the same enterprises as `containingIds`. Prisma puts `contains`
 * into LIKE as given, so "%" or "_" would match every name: they are escaped.
 */
function containsWhere(q: string): Prisma.EnterpriseWhereInput {
  const contains = { contains: escapeLike(q), mode: "insensitive" } as const;
  return {
    OR: [
      { nameZh: contains },
      { nameEn: contains },
      { code: contains },
      { creditCode: { equals: q.toUpperCase() } },
      // Former names (曾用名): a small table, so the extra condition costs little.
      { formerNames: { some: { OR: [{ nameZh: contains }, { nameEn: contains }] } } },
    ],
  };
}

function toPage(rows: SummaryRow[], limit: number) {
  const page = rows.slice(0, limit);
  return {
    items: page.map(toSummary),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/**
 * A search, best hits first (see `searchTiers`), paged by cursor: the page goes on in the tier of
 * the cursor's row, after it, then through the tiers below. Every read carries `filters`, which
 * hold the scope.
 */
async function searchEnterprises(
  filters: Prisma.EnterpriseWhereInput[],
  q: string,
  limit: number,
  cursor: string | undefined,
) {
  const db = getDb();
  const tiers = searchTiers(q);
  let first = 0;
  if (cursor) {
    first = tiers.length;
    for (const [index, tier] of tiers.entries()) {
      const hit = await db.enterprise.findFirst({
        where: { AND: [...filters, tier, { id: cursor }] },
        select: { id: true },
      });
      if (hit) {
        first = index;
        break;
      }
    }
  }
  const rows: SummaryRow[] = [];
  for (let index = first; index < tiers.length && rows.length <= limit; index++) {
    const fromCursor = cursor && index === first;
    rows.push(
      ...(await db.enterprise.findMany({
        where: { AND: [...filters, tiers[index]!] },
        select: summarySelect,
        orderBy: searchOrder,
        take: limit + 1 - rows.length,
        ...(fromCursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      })),
    );
  }
  return toPage(rows, limit);
}

/** Children of a node in display order (tree browser); only what the actor may see. */
export async function listChildren(actor: Actor, parentId: string): Promise<EnterpriseSummary[]> {
  const rows = await getDb().enterprise.findMany({
    where: { AND: [enterpriseScopeWhere(actor), { parentId, mergedIntoId: null }] },
    select: summarySelect,
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  return rows.map(toSummary);
}

/** The tops of the actor's trees in display order. */
export async function listScopeRoots(actor: Actor): Promise<EnterpriseSummary[]> {
  const rows = await getDb().enterprise.findMany({
    where: { AND: [enterpriseScopeWhere(actor), scopeRootsWhere(actor), { mergedIntoId: null }] },
    select: summarySelect,
    orderBy: [{ supervisor: { code: "asc" } }, { sortOrder: "asc" }, { code: "asc" }],
  });
  return rows.map(toSummary);
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
