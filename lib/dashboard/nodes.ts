import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere, subtreeSql } from "@/lib/auth/scope";
import { getDb, type DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { populationScopeSql } from "./population";

/**
 * The node a dashboard is drawn for, and THE place where "this population row belongs to that
 * node" is written down. Today membership follows the current tree (closure table) and the
 * current supervisor columns of the population; when the population carries the tree as of the
 * instant, only this file changes.
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
 * The condition on population rows (derived table `alias`, see population.ts) that every figure,
 * every child row and every drill-down list composes: the viewer's scope, applicable items, and
 * the filter. Not-applicable items never count in any figure.
 */
export function populationWhereSql(
  actor: Actor,
  alias: string,
  filter: PopulationFilter = {},
): Prisma.Sql {
  const and: Prisma.Sql[] = [
    populationScopeSql(actor, alias),
    Prisma.sql`NOT ${col(alias, "notApplicable")}`,
  ];
  if (filter.mainOnly) and.push(col(alias, "isMain"));
  if (filter.supervisorId)
    and.push(Prisma.sql`${col(alias, "supervisorId")} = ${filter.supervisorId}::uuid`);
  if (filter.enterpriseId) and.push(subtreeSql(filter.enterpriseId, col(alias, "enterpriseId")));
  if (filter.categoryId)
    and.push(Prisma.sql`${col(alias, "categoryId")} = ${filter.categoryId}::uuid`);
  if (filter.completed !== undefined)
    and.push(
      filter.completed ? col(alias, "completed") : Prisma.sql`NOT ${col(alias, "completed")}`,
    );
  return Prisma.sql`(${Prisma.join(and, " AND ")})`;
}

/**
 * Joins each population row of `alias` to the children it belongs to, exposing `ch."childId"`.
 * Supervisor children match on the row's supervisor, enterprise children on their subtree.
 */
export function childJoinSql(children: readonly ChildRef[], alias: string): Prisma.Sql {
  const supervisors = children.filter((c) => c.type === "supervisor").map((c) => c.id);
  const enterprises = children.filter((c) => c.type === "enterprise").map((c) => c.id);
  return Prisma.sql`CROSS JOIN LATERAL (
      SELECT ${col(alias, "supervisorId")} AS "childId"
      WHERE ${col(alias, "supervisorId")} = ANY(${supervisors}::uuid[])
      UNION ALL
      SELECT c."ancestorId" FROM "EnterpriseClosure" c
      WHERE c."descendantId" = ${col(alias, "enterpriseId")} AND c."ancestorId" = ANY(${enterprises}::uuid[])
    ) ch`;
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
 * The rows a node ranks: under the whole scope, the supervisors (for a national viewer) or the
 * viewer's grants (supervisors, then granted enterprises outside them); under a supervisor, its
 * groups; under an enterprise, its direct subsidiaries. Children's figures are the node's
 * population restricted to each child, so they never reach outside the node.
 */
export async function listChildren(
  actor: Actor,
  node: DashboardNode,
  db: DbTx = getDb(),
): Promise<ChildRef[]> {
  const asChild = (type: ChildRef["type"]) => (r: Omit<ChildRef, "type">) => ({ type, ...r });
  if (node.type === "enterprise") {
    const rows = await db.enterprise.findMany({
      where: { AND: [{ parentId: node.id }, enterpriseScopeWhere(actor)] },
      select: named,
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    });
    return rows.map(asChild("enterprise"));
  }
  if (node.type === "supervisor") {
    const rows = await db.enterprise.findMany({
      where: { AND: [{ parentId: null, supervisorId: node.id }, enterpriseScopeWhere(actor)] },
      select: named,
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    });
    return rows.map(asChild("enterprise"));
  }
  const supervisors = await db.supervisor.findMany({
    where: actor.scopeAll
      ? { enterprises: { some: {} } }
      : { id: { in: [...actor.supervisorIds] } },
    select: named,
    orderBy: [{ level: "asc" }, { code: "asc" }],
  });
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
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      });
  return [...supervisors.map(asChild("supervisor")), ...grants.map(asChild("enterprise"))];
}
