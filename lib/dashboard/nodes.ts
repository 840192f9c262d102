import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeSql, enterpriseScopeWhere } from "@/lib/auth/scope";
import { getDb, type DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import {
  isAfterEverythingRecorded,
  itemsAsOfSql,
  populationScopeSql,
  subtreeAsOfSql,
  supervisorAsOfSql,
  validAtSql,
} from "./population";
import { itemsWithColourAsOfSql } from "./risk";
import type { ViewContext } from "./view";

/**
 * The node a dashboard is drawn for, and THE place where "this population row belongs to that
 * node" is written down. Membership follows the tree as it stood at the instant (closure spans)
 * and the population's supervisor as of the instant; only the viewer's scope is as of now.
 */
export type NodeRef =
  { type: "scope" } | { type: "supervisor"; id: string } | { type: "enterprise"; id: string };

export type DashboardNode = NodeRef & { id: string | null; nameZh: string; nameEn: string };

export type ChildRef = {
  type: "supervisor" | "enterprise";
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
};

/** Ledger-list / dashboard filters on the population, all ANDed. */
export type PopulationFilter = {
  supervisorId?: string;
  enterpriseId?: string;
  categoryId?: string;
  mainOnly?: boolean;
  completed?: boolean;
};

const col = (alias: string, column: string) => Prisma.raw(`${alias}."${column}"`);

/** A node (or child) as the filter it stands for. */
export function nodeFilter(node: NodeRef | ChildRef): PopulationFilter {
  if (node.type === "supervisor") return { supervisorId: node.id };
  if (node.type === "enterprise") return { enterpriseId: node.id };
  return {};
}

/**
 * The condition on population rows (derived table `alias`, see population.ts, built for the
 * instant `at`) that every figure, every child row and every drill-down list composes: the
 * viewer's scope (as of now), applicable items, and the filter, its node as of `at` (the
 * subtree as the tree stood then). Not-applicable items never count in any figure.
 */
export function populationWhereSql(
  actor: Actor,
  alias: string,
  filter: PopulationFilter,
  at: Prisma.Sql,
  options: {
    /**
     * Set by nodePopulationSql only: the derived table was built with itemsAsOfSql's `node` (the
     * same filter), so it holds the node's rows only and the node condition is not repeated here: as a sub-select correlated
     * with a LATERAL instant it ran once per row (a group's 33-point trend: 8 s, not 0.3 s).
     */
    nodeInSource?: boolean;
  } = {},
): Prisma.Sql {
  const and: Prisma.Sql[] = [
    populationScopeSql(actor, alias),
    Prisma.sql`NOT ${col(alias, "notApplicable")}`,
  ];
  if (filter.mainOnly) and.push(col(alias, "isMain"));
  if (filter.supervisorId && !options.nodeInSource)
    and.push(Prisma.sql`${col(alias, "supervisorId")} = ${filter.supervisorId}::uuid`);
  if (filter.enterpriseId && !options.nodeInSource)
    and.push(subtreeAsOfSql(filter.enterpriseId, at, col(alias, "enterpriseId")));
  if (filter.categoryId)
    and.push(Prisma.sql`${col(alias, "categoryId")} = ${filter.categoryId}::uuid`);
  if (filter.completed !== undefined)
    and.push(
      filter.completed ? col(alias, "completed") : Prisma.sql`NOT ${col(alias, "completed")}`,
    );
  return Prisma.sql`(${Prisma.join(and, " AND ")})`;
}

/**
 * A node's population at `at` as derived table `p` and the condition on its rows, built together:
 * the node is applied once, inside the population (itemsAsOfSql's `node`, which fetches only the
 * node's items), so the condition does not repeat it. Every dashboard view of a node reads this.
 * With `colourDay`, the population carries the colour rule evaluated on that day (risk.ts).
 */
export function nodePopulationSql(options: {
  actor: Actor;
  programmeId: string;
  node: Pick<PopulationFilter, "supervisorId" | "enterpriseId">;
  /** One instant, or a column of the caller's (several instants through LATERAL). */
  at: Date | Prisma.Sql;
  filter?: Omit<PopulationFilter, "supervisorId" | "enterpriseId">;
  colourDay?: Date;
  /** Only this item (itemsAsOfSql's `itemId`); not with an instant after everything recorded. */
  itemId?: Prisma.Sql;
}): { items: Prisma.Sql; where: Prisma.Sql } {
  const { actor, programmeId, node } = options;
  const instant = options.at instanceof Date ? options.at : null;
  const at = instant ? Prisma.sql`${instant.toISOString()}::timestamp` : (options.at as Prisma.Sql);
  // Today's figures (an instant after everything recorded) need no history at all.
  const live = { live: true, current: instant ? isAfterEverythingRecorded(instant) : false };
  if (live.current && options.itemId) throw new Error("itemId needs an instant in the history");
  const { itemId } = options;
  const items = options.colourDay
    ? itemsWithColourAsOfSql({ programmeId, at, day: options.colourDay, node, itemId, ...live })
    : itemsAsOfSql({ programmeId, at, node, itemId, ...live });
  const where = populationWhereSql(actor, "p", { ...node, ...options.filter }, at, {
    nodeInSource: true,
  });
  return { items, where };
}

/** A view's node population of main items at `at` (see nodePopulationSql). */
export function mainPopulationSql(
  ctx: Pick<ViewContext, "actor" | "programmeId" | "node">,
  at: Date | Prisma.Sql,
  colourDay?: Date,
  /** Only this item (an expression of the caller's: at-risk.ts walks items by due date). */
  itemId?: Prisma.Sql,
) {
  return nodePopulationSql({
    actor: ctx.actor,
    programmeId: ctx.programmeId,
    node: nodeFilter(ctx.node),
    at,
    filter: { mainOnly: true },
    colourDay,
    itemId,
  });
}

/**
 * Joins each population row of `alias` to the children it belongs to, exposing `ch."childId"`.
 * Supervisor children match on the row's supervisor (as of the instant), enterprise children on
 * their subtree as it stood at `at` (the closure spans valid then).
 */
export function childJoinSql(
  children: readonly ChildRef[],
  alias: string,
  at: Prisma.Sql,
  /** Keep the rows in no child (the node's own items) with a NULL "childId". */
  outer = false,
): Prisma.Sql {
  const supervisors = children.filter((c) => c.type === "supervisor").map((c) => c.id);
  const enterprises = children.filter((c) => c.type === "enterprise").map((c) => c.id);
  return Prisma.sql`${Prisma.raw(outer ? "LEFT" : "CROSS")} JOIN LATERAL (
      SELECT ${col(alias, "supervisorId")} AS "childId"
      WHERE ${col(alias, "supervisorId")} = ANY(${supervisors}::uuid[])
      UNION ALL
      SELECT cs."ancestorId" FROM "EnterpriseClosureSpan" cs
      WHERE cs."descendantId" = ${col(alias, "enterpriseId")} AND cs."ancestorId" = ANY(${enterprises}::uuid[])
        AND ${validAtSql("cs", at)}
    ) ch${Prisma.raw(outer ? " ON TRUE" : "")}`;
}

const named = { id: true, code: true, nameZh: true, nameEn: true } as const;

/**
 * The node of a request, checked against the viewer's scope: an enterprise outside it, or a
 * supervisor the viewer's grants do not cover, is a 404 exactly like a missing id.
 */
export async function resolveNode(
  actor: Actor,
  query: { supervisorId?: string; enterpriseId?: string },
  db: DbTx = getDb(),
): Promise<DashboardNode> {
  if (query.enterpriseId) {
    const e = await db.enterprise.findFirst({
      where: { AND: [{ id: query.enterpriseId }, enterpriseScopeWhere(actor)] },
      select: named,
    });
    if (!e) throw new AppError("not_found");
    return { type: "enterprise", id: e.id, nameZh: e.nameZh, nameEn: e.nameEn };
  }
  if (query.supervisorId) {
    const covers = actor.scopeAll || actor.supervisorIds.includes(query.supervisorId);
    const s = covers
      ? await db.supervisor.findUnique({ where: { id: query.supervisorId }, select: named })
      : null;
    if (!s) throw new AppError("not_found");
    return { type: "supervisor", id: s.id, nameZh: s.nameZh, nameEn: s.nameEn };
  }
  return { type: "scope", id: null, nameZh: "全部", nameEn: "Whole scope" };
}

/**
 * A superset of the enterprises that were roots supervised by `supervisorId` at `t`, found
 * without reading the supervisor's whole tree (a central supervisor's 14,000 enterprises, 17 ms
 * a dashboard, where its roots are a hundred): such a root is a root under it now (`parentId`
 * and `supervisorId` repeat the open spans, lib/history/move-enterprise.ts), or it was given a
 * parent after `t` (a closure span opened since), or it left the supervisor since (a closed
 * supervisor span). Both kinds of span are rare and have partial indexes of their own.
 */
function supervisorRootCandidatesSql(supervisorId: string, t: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT r."id" FROM "Enterprise" r
      WHERE r."parentId" IS NULL AND r."supervisorId" = ${supervisorId}::uuid
    UNION SELECT m."descendantId" FROM "EnterpriseClosureSpan" m
      WHERE m."depth" > 0 AND m."validFrom" > ${t}
    UNION SELECT x."enterpriseId" FROM "EnterpriseSupervisorSpan" x
      WHERE x."supervisorId" = ${supervisorId}::uuid AND x."validTo" IS NOT NULL`;
}

/** A span row (closure or supervisor history) valid at `at`, as a Prisma filter. */
const validAt = (at: Date) => ({
  validFrom: { lte: at },
  OR: [{ validTo: null }, { validTo: { gt: at } }],
});

const bySortOrder = [{ sortOrder: "asc" as const }, { code: "asc" as const }];

/**
 * The rows a node ranks, as the tree stood at `at`: under the whole scope, the supervisors that
 * supervised enterprises then (for a national viewer) or the viewer's grants (supervisors, then
 * granted enterprises outside them); under a supervisor, its groups then; under an enterprise,
 * its direct subsidiaries then (one moved away since is still listed, one added since is not).
 * The viewer's scope is as of now. Children's figures are the node's population restricted to
 * each child, so they never reach outside the node.
 */
export async function listChildren(
  actor: Actor,
  node: DashboardNode,
  at: Date,
  db: DbTx = getDb(),
): Promise<ChildRef[]> {
  const asChild = (type: ChildRef["type"]) => (r: Omit<ChildRef, "type">) => ({ type, ...r });
  if (node.type === "enterprise") {
    const rows = await db.enterprise.findMany({
      where: {
        AND: [
          { ancestorSpans: { some: { ancestorId: node.id, depth: 1, ...validAt(at) } } },
          enterpriseScopeWhere(actor),
        ],
      },
      select: named,
      orderBy: bySortOrder,
    });
    return rows.map(asChild("enterprise"));
  }
  if (node.type === "supervisor") {
    const t = Prisma.sql`${at.toISOString()}::timestamp`;
    const rows = await db.$queryRaw<Omit<ChildRef, "type">[]>`
      SELECT e."id"::text AS "id", e."code", e."nameZh", e."nameEn" FROM "Enterprise" e
      WHERE e."id" IN (${supervisorRootCandidatesSql(node.id, t)})
        AND EXISTS (SELECT 1 FROM "EnterpriseSupervisorSpan" ss
          WHERE ss."enterpriseId" = e."id" AND ss."supervisorId" = ${node.id}::uuid AND ${validAtSql("ss", t)})
        AND NOT EXISTS (SELECT 1 FROM "EnterpriseClosureSpan" cs
          WHERE cs."descendantId" = e."id" AND cs."depth" > 0 AND ${validAtSql("cs", t)})
        AND ${enterpriseScopeSql(actor, Prisma.raw(`e."id"`))}
      ORDER BY e."sortOrder", e."code"`;
    return rows.map(asChild("enterprise"));
  }
  const supervisors = await db.supervisor.findMany({
    where: actor.scopeAll
      ? { enterpriseSpans: { some: validAt(at) } }
      : { id: { in: [...actor.supervisorIds] } },
    select: named,
    orderBy: [{ level: "asc" }, { code: "asc" }],
  });
  // The grants are the viewer's present-day scope, so they are read as of now.
  const grants = actor.scopeAll
    ? []
    : await db.enterprise.findMany({
        where: {
          id: { in: [...actor.enterpriseIds] },
          supervisorId: { notIn: [...actor.supervisorIds] },
          // A grant inside another grant is already counted by the outer one.
          ancestors: {
            none: { depth: { gt: 0 }, ancestorId: { in: [...actor.enterpriseIds] } },
          },
        },
        select: named,
        orderBy: bySortOrder,
      });
  return [...supervisors.map(asChild("supervisor")), ...grants.map(asChild("enterprise"))];
}

/**
 * Whether the viewer's scope (as of now) covers every enterprise of the node as it stood at
 * `at`, so the node's figures for the viewer are the node's whole figures (a frozen snapshot
 * can stand for them): national scope, or no member of the node then outside the scope now.
 */
export async function scopeCoversNode(
  db: DbTx,
  actor: Actor,
  node: DashboardNode,
  at: Prisma.Sql,
): Promise<boolean> {
  if (actor.scopeAll) return true;
  if (node.type === "scope") return false;
  const e = Prisma.raw(`x."id"`);
  const members =
    node.type === "supervisor" ? supervisorAsOfSql(node.id, at, e) : subtreeAsOfSql(node.id, at, e);
  const [row] = await db.$queryRaw<{ outside: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "Enterprise" x
      WHERE ${members} AND NOT ${enterpriseScopeSql(actor, e)}) AS "outside"`;
  return !row!.outside;
}
