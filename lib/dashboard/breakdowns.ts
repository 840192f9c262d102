import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { byCategory } from "./categories";
import { childCounts } from "./children";
import { homeContext } from "./home-context";
import { completionRate } from "./targets";

export type BreakdownRow = {
  id: string;
  nameZh: string;
  nameEn: string;
  /** Supervisor level, for the supervisor breakdown. */
  level?: "CENTRAL" | "PROVINCIAL" | "MUNICIPAL";
  total: number;
  completed: number;
  ratePercent: number | null;
};

/**
 * Main-task completion per supervisor of the enterprises in scope, as of an instant: the
 * dashboard's child rows (lib/dashboard/children.ts) for the supervisors that supervised an
 * enterprise of the scope at that instant, each row the items whose enterprise it supervised
 * then. Supervisors with enterprises in scope but no main tasks are listed with zero.
 */
export async function completionBySupervisor(
  actor: Actor,
  programmeId: string,
  asOf: Date = new Date(),
): Promise<BreakdownRow[]> {
  const supervisors = await getDb().supervisor.findMany({
    where: {
      enterpriseSpans: {
        some: {
          validFrom: { lte: asOf },
          OR: [{ validTo: null }, { validTo: { gt: asOf } }],
          enterprise: enterpriseScopeWhere(actor),
        },
      },
    },
    select: { id: true, code: true, nameZh: true, nameEn: true, level: true },
    orderBy: [{ level: "asc" }, { code: "asc" }],
  });
  const children = supervisors.map((s) => ({ type: "supervisor" as const, ...s }));
  const rows = await childCounts(homeContext(actor, programmeId, asOf), children, [asOf], false);
  const byId = new Map(rows.map((r) => [r.childId, r]));
  return supervisors.map(({ id, nameZh, nameEn, level }) => {
    const total = byId.get(id)?.total ?? 0;
    const completed = byId.get(id)?.completed ?? 0;
    return {
      id,
      nameZh,
      nameEn,
      level,
      total,
      completed,
      ratePercent: completionRate(completed, total),
    };
  });
}

/**
 * Main-task completion per task category, as of an instant: the dashboard's category view
 * (lib/dashboard/categories.ts) over the viewer's scope, categories without main tasks left out.
 */
export async function completionByCategory(
  actor: Actor,
  programmeId: string,
  asOf: Date = new Date(),
): Promise<BreakdownRow[]> {
  const rows = await byCategory(homeContext(actor, programmeId, asOf), new Map());
  return rows
    .filter((r) => r.total > 0)
    .map((r) => ({
      id: r.categoryId,
      nameZh: r.nameZh,
      nameEn: r.nameEn,
      total: r.total,
      completed: r.completed,
      ratePercent: r.ratePercent,
    }));
}
