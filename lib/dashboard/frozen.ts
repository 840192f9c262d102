import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ChildCounts } from "./children";
import type { HeadlineCounts } from "./headline";
import { validAtSql } from "./population";
import { scopeCoversNode, type ChildRef, type DashboardNode } from "./nodes";
import {
  snapshotByCategory,
  snapshotCounts,
  snapshotFor,
  type SnapshotCounts,
  type SnapshotNodeRef,
} from "./snapshots";
import { instantSqlOf, type Counts, type ViewContext } from "./view";

/** The as-of figures of a dashboard answer read from a round's frozen snapshot. */
export type FrozenFigures = {
  snapshot: { roundId: string; period: string; frozenAt: string };
  headline: HeadlineCounts;
  byCategory: Map<string, Counts>;
  children: Map<string, ChildCounts>;
};

const snapshotNode = (
  programmeId: string,
  node: DashboardNode | ChildRef,
): SnapshotNodeRef | null => {
  if (node.type === "supervisor") return { type: "SUPERVISOR", id: node.id! };
  if (node.type === "enterprise") return { type: "ENTERPRISE", id: node.id! };
  return node.type === "scope" ? { type: "PROGRAMME", id: programmeId } : null;
};

/** Σ(weight × percent) / Σ weight, two decimals half up, as the live SQL's round(numeric, 2). */
function weighted(c: SnapshotCounts): number | null {
  if (!c.weightSum) return null;
  return new Prisma.Decimal(c.weightedPercentSum).div(c.weightSum).toDecimalPlaces(2).toNumber();
}

/**
 * Whether a group under a supervisor node held, at `at`, an enterprise of another supervisor: its
 * frozen figure counts the whole group, the node's child only its part, so compute live then.
 */
async function mixedGroups(ctx: ViewContext, children: readonly ChildRef[], at: Prisma.Sql) {
  const [row] = await ctx.db.$queryRaw<{ mixed: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "EnterpriseClosureSpan" cs
      JOIN "EnterpriseSupervisorSpan" ss ON ss."enterpriseId" = cs."descendantId" AND ${validAtSql("ss", at)}
      WHERE cs."ancestorId" = ANY(${children.map((c) => c.id)}::uuid[]) AND ${validAtSql("cs", at)}
        AND ss."supervisorId" <> ${ctx.node.id}::uuid) AS "mixed"`;
  return row!.mixed;
}

/**
 * The frozen figures for the answer's node and children when the as-of day is the period end of
 * a closed round of the programme AND the viewer's scope covers the whole node as it stood then
 * (a snapshot counts the whole node; a narrower scope must count its part live); else null.
 * The snapshot equals the as-of computation (tests/integration/snapshots.test.ts), so this is
 * only the cheap path to the same numbers.
 */
export async function frozenFigures(
  ctx: ViewContext,
  children: readonly ChildRef[],
): Promise<FrozenFigures | null> {
  const ref = await snapshotFor({ programmeId: ctx.programmeId, asOfDay: ctx.day }, ctx.db);
  if (!ref || ref.asOf.getTime() !== ctx.at.getTime()) return null;
  const at = instantSqlOf(ctx.at);
  if (!(await scopeCoversNode(ctx.db, ctx.actor, ctx.node, at))) return null;
  if (ctx.node.type === "supervisor" && (await mixedGroups(ctx, children, at))) return null;
  const node = snapshotNode(ctx.programmeId, ctx.node)!;
  const childNodes = children.map((c) => snapshotNode(ctx.programmeId, c)!);
  const [own, ...perChild] = await snapshotCounts(
    ref.roundId,
    [node, ...childNodes],
    undefined,
    ctx.db,
  );
  const categories = await snapshotByCategory(ref.roundId, node, ctx.db);
  return {
    snapshot: { roundId: ref.roundId, period: ref.period, frozenAt: ref.frozenAt.toISOString() },
    headline: {
      total: own!.total,
      completed: own!.completed,
      pendingClaims: own!.pendingClaims,
      weightedProgressPercent: weighted(own!),
    },
    byCategory: categories,
    children: new Map(
      children.map((c, i) => {
        const f = perChild[i]!;
        const counts = { total: f.total, completed: f.completed, weighted: weighted(f) };
        return [c.id, { ...counts, red: f.red, yellow: f.yellow }];
      }),
    ),
  };
}
