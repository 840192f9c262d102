import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeSql } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { listScopeRoots } from "@/lib/enterprises/queries";
import type { EnterpriseSummary } from "@/lib/enterprises/schemas";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  statusCountsSql,
  toStatusSummary,
  type StatusCountsRow,
  type StatusSummary,
} from "@/lib/ledger/overview";
import { chinaDay } from "@/lib/time";
import {
  completedSql,
  defaultProgramme,
  instantSql,
  listProgrammeTargets,
  mainTaskSql,
  toFigure,
  type CompletionFigure,
} from "./completion";

export type GroupSummary = {
  enterprise: EnterpriseSummary;
  items: StatusSummary;
  completion: CompletionFigure | null;
};

type GroupRow = StatusCountsRow & { rootId: string; mainTotal: number; mainCompleted: number };

/**
 * The tops of the actor's trees with their ledger counts and main-task completion (reviewer
 * home): one statement grouped by tree top through the closure table.
 */
export async function listGroupSummaries(
  actor: Actor,
  { now = new Date() }: { now?: Date } = {},
): Promise<GroupSummary[]> {
  const [roots, programme] = await Promise.all([listScopeRoots(actor), defaultProgramme()]);
  if (!roots.length) return [];
  const at = instantSql(now);
  const main = programme && mainTaskSql(actor, { programmeId: programme.id, asOf: at });
  const [rows, targets] = await Promise.all([
    getDb().$queryRaw<GroupRow[]>`
      SELECT c."ancestorId"::text AS "rootId", ${statusCountsSql(chinaDay(now))},
             count(li."id") FILTER (WHERE ${main ?? Prisma.sql`FALSE`})::int AS "mainTotal",
             count(li."id") FILTER (WHERE ${main ?? Prisma.sql`FALSE`} AND ${completedSql(at)})::int AS "mainCompleted"
      FROM "EnterpriseClosure" c
      JOIN "LedgerItem" li ON li."enterpriseId" = c."descendantId"
      WHERE c."ancestorId" = ANY(${roots.map((r) => r.id)}::uuid[])
        AND ${enterpriseScopeSql(actor, Prisma.raw(`li."enterpriseId"`))}
      GROUP BY c."ancestorId"`,
    programme ? listProgrammeTargets(programme.id) : [],
  ]);
  const byRoot = new Map(rows.map((r) => [r.rootId, r]));
  return roots.map((enterprise) => {
    const row = byRoot.get(enterprise.id);
    const counts = { total: row?.mainTotal ?? 0, completed: row?.mainCompleted ?? 0 };
    return {
      enterprise,
      items: toStatusSummary(row),
      completion: programme && toFigure(programme, now, counts, targets),
    };
  });
}
