import "server-only";
import { checkCursor } from "@/lib/api/cursor";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeSql, enterpriseScopeWhere } from "@/lib/auth/scope";
import { getDb, type DbTx } from "@/lib/db/client";
import { containsPattern, escapeLike } from "@/lib/db/contains-pattern";
import { Prisma } from "@/lib/generated/prisma/client";
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
  // Prisma puts the text into (I)LIKE as given: escaped, so "%" is a character, not any text.
  const text = escapeLike(q);
  const exact: Prisma.EnterpriseWhereInput = {
    OR: [
      { code: { equals: text, mode: "insensitive" } },
      // Null-safe: an enterprise without a credit code must be FALSE here, not NULL, or NOT
      // exact (the other tiers) would be NULL too and leave it out of every tier.
      { AND: [{ creditCode: { not: null } }, { creditCode: { equals: q.toUpperCase() } }] },
    ],
  };
  const prefix: Prisma.EnterpriseWhereInput = {
    OR: [
      { nameZh: { startsWith: text, mode: "insensitive" } },
      { nameEn: { startsWith: text, mode: "insensitive" } },
      { nameZh: { startsWith: `中国${text}` } },
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
 * A page's supervisors and child counts read for its rows only, by a second statement: joined
 * into the page's one statement (relationJoins), PostgreSQL counted the children of every
 * matching enterprise before sorting them by name and keeping the page (a word in every name,
 * "公司": 40,000 child counts, 220-250 ms a tier).
 */
const AFTER_THE_PAGE = "query" as const;

export async function listEnterprises(
  actor: Actor,
  query: EnterpriseListFilter,
  /** "tiers": the search as one Prisma statement a tier, the reference the tests hold it to. */
  search: "statement" | "tiers" = "statement",
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
    if (search === "tiers") {
      filters.push(containsWhere(query.q));
      return searchEnterprises(filters, query.q, query.limit, query.cursor);
    }
    const ids = await searchPage(actor, query, query.q);
    const rows = await getDb().enterprise.findMany({
      where: { AND: [...filters, { id: { in: ids } }] },
      select: summarySelect,
      relationLoadStrategy: AFTER_THE_PAGE,
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return toPage(
      ids.flatMap((id) => byId.get(id) ?? []),
      query.limit,
    );
  }
  const rows = await getDb().enterprise.findMany({
    where: { AND: filters },
    select: summarySelect,
    relationLoadStrategy: AFTER_THE_PAGE,
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

/**
 * The ids of a search page (and one more, for the next cursor) in one statement: the hits read
 * through the search pieces' index (`EnterpriseSearch_grams_idx`, ILIKE rechecking each
 * candidate), the credit code and former names, each ranked by `searchTiers`' rule and sorted by
 * (tier, depth, name, id), the page going on after the cursor's row. The same hits in the same
 * order as the tiers read one Prisma statement a tier (`searchEnterprises`, which each scanned
 * every enterprise and matched every name twice or three times: national data, a word in 6,000
 * or 40,000 names, "科技" or "公司", 210-300 ms a page).
 */
async function searchPage(actor: Actor, query: EnterpriseListFilter, q: string): Promise<string[]> {
  const pattern = containsPattern(q);
  const text = escapeLike(q);
  const prefix = `${text}%`;
  const credit = q.toUpperCase();
  const where: Prisma.Sql[] = [enterpriseScopeSql(actor, Prisma.raw(`e."id"`))];
  if (query.parentId)
    where.push(Prisma.sql`e."parentId" = ${query.parentId}::uuid AND e."mergedIntoId" IS NULL`);
  if (query.roots) where.push(scopeRootsSql(actor), Prisma.sql`e."mergedIntoId" IS NULL`);
  if (query.supervisorId) where.push(Prisma.sql`e."supervisorId" = ${query.supervisorId}::uuid`);
  const db = getDb();
  const names = Prisma.sql`(e."nameZh" ILIKE ${pattern} OR e."nameEn" ILIKE ${pattern} OR e."code" ILIKE ${pattern})`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH hit AS MATERIALIZED (
      SELECT e."id", e."depth", e."nameZh",
             CASE WHEN e."code" ILIKE ${text} OR e."creditCode" = ${credit} THEN 0
                  WHEN e."nameZh" ILIKE ${prefix} OR e."nameEn" ILIKE ${prefix}
                    OR e."nameZh" LIKE ${`中国${prefix}`} THEN 1
                  ELSE 2 END AS "tier"
      FROM "Enterprise" e
      WHERE (${
        (await inMostNames(db, q))
          ? names
          : Prisma.sql`(e."id" IN (SELECT s."enterpriseId" FROM "EnterpriseSearch" s
                                   WHERE s."grams" @> ledger_query_grams(${q})) AND ${names})`
      }
          OR e."creditCode" = ${credit}
          OR e."id" IN (SELECT n."enterpriseId" FROM "EnterpriseName" n
                        WHERE n."nameZh" ILIKE ${pattern} OR n."nameEn" ILIKE ${pattern}))
        AND ${Prisma.join(where, " AND ")})
    SELECT h."id"::text AS "id" FROM hit h
    ${
      query.cursor
        ? Prisma.sql`WHERE (h."tier", h."depth", h."nameZh", h."id") >
            (SELECT c."tier", c."depth", c."nameZh", c."id" FROM hit c WHERE c."id" = ${query.cursor}::uuid)`
        : Prisma.empty
    }
    ORDER BY h."tier", h."depth", h."nameZh", h."id"
    LIMIT ${query.limit + 1}`;
  return rows.map((r) => r.id);
}

/**
 * Whether PostgreSQL's statistics of the search pieces expect `q` in more than half the
 * enterprises. Then the names are matched in one scan without the pieces: each candidate's pieces
 * cost twice a name match, and the index finds nothing to leave out (national data, "公司", in
 * every name: 330 -> 160 ms). Only a plan choice: both ways find the same rows.
 */
export async function inMostNames(db: DbTx, q: string): Promise<boolean> {
  const [plan] = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM "EnterpriseSearch" s
    WHERE s."grams" @> ledger_query_grams(${q})`;
  const [all] = await db.$queryRaw<{ n: number }[]>`
    SELECT reltuples::float8 AS "n" FROM pg_class WHERE oid = '"EnterpriseSearch"'::regclass`;
  // Never analysed (-1): no statistics to go by, so the index, right for most words.
  if (!all || all.n < 0) return false;
  return (plan?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0) > all.n / 2;
}

/** `scopeRootsWhere` as SQL over the enterprises `e`. */
function scopeRootsSql(actor: Actor): Prisma.Sql {
  if (actor.scopeAll) return Prisma.sql`e."parentId" IS NULL`;
  const or: Prisma.Sql[] = [];
  if (actor.supervisorIds.length)
    or.push(
      Prisma.sql`(e."parentId" IS NULL AND e."supervisorId" = ANY(${[...actor.supervisorIds]}::uuid[]))`,
    );
  if (actor.enterpriseIds.length)
    or.push(Prisma.sql`e."id" = ANY(${[...actor.enterpriseIds]}::uuid[])`);
  return or.length ? Prisma.sql`(${Prisma.join(or, " OR ")})` : Prisma.sql`FALSE`;
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
        relationLoadStrategy: AFTER_THE_PAGE,
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
