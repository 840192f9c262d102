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
import { childCounts } from "./children";
import {
  defaultProgramme,
  listProgrammeTargets,
  toFigure,
  type CompletionFigure,
} from "./completion";
import { homeContext } from "./home-context";

export type GroupSummary = {
  enterprise: EnterpriseSummary;
  items: StatusSummary;
  completion: CompletionFigure | null;
};

type GroupRow = StatusCountsRow & { rootId: string };

/**
 * The tops of the actor's trees with their ledger counts (the ledger's present-day view, one
 * statement grouped by tree top through the closure table) and main-task completion (reviewer
 * home): the dashboard's child rows (lib/dashboard/children.ts) for the tops, over the population
 * at `now` with the tree as it stands then.
 */
export async function listGroupSummaries(
  actor: Actor,
  { now = new Date() }: { now?: Date } = {},
): Promise<GroupSummary[]> {
  const [roots, programme] = await Promise.all([listScopeRoots(actor), defaultProgramme()]);
  if (!roots.length) return [];
  const children = roots.map((r) => ({ type: "enterprise" as const, ...r }));
  const [rows, targets, main] = await Promise.all([
    getDb().$queryRaw<GroupRow[]>`
      SELECT c."ancestorId"::text AS "rootId", ${statusCountsSql(chinaDay(now))}
      FROM "EnterpriseClosure" c
      JOIN "LedgerItem" li ON li."enterpriseId" = c."descendantId"
      WHERE c."ancestorId" = ANY(${roots.map((r) => r.id)}::uuid[])
        AND ${enterpriseScopeSql(actor, Prisma.raw(`li."enterpriseId"`))}
      GROUP BY c."ancestorId"`,
    programme ? listProgrammeTargets(programme.id) : [],
    programme ? childCounts(homeContext(actor, programme.id, now), children, [now], false) : [],
  ]);
  const byRoot = new Map(rows.map((r) => [r.rootId, r]));
  const mainByRoot = new Map(main.map((r) => [r.childId, r]));
  return roots.map((enterprise) => {
    const row = mainByRoot.get(enterprise.id);
    const counts = { total: row?.total ?? 0, completed: row?.completed ?? 0 };
    return {
      enterprise,
      items: toStatusSummary(byRoot.get(enterprise.id)),
      completion: programme && toFigure(programme, now, counts, targets),
    };
  });
}
