import "server-only";
/**
 * TEMPORARY adapter so bulletins can be built and tested before the real dashboard read model
 * lands: it assembles a valid DashboardDto from the existing roll-ups (completion, breakdowns)
 * and leaves trend, indicators and comparison empty. Replaced wholesale by the real
 * getDashboard at merge; nothing else may depend on its internals.
 */
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { listLedgerItems } from "@/lib/ledger/queries";
import { endOfChinaDay, isoDay, parseIsoDay, chinaIsoDay } from "@/lib/time";
import { completionByCategory, completionBySupervisor } from "./breakdowns";
import { mainTaskCompletion, type CompletionFigure } from "./completion";
import type { DashboardDto, DashboardQuery } from "./schemas";

const NO_FORECAST = { pacePointsPerMonth: null, windowMonths: 3, reach: [] };
const drill = (params: Record<string, string>) => {
  const query = new URLSearchParams({ mainOnly: "true", ...params }).toString();
  return {
    total: `/api/v1/ledger-items?${query}`,
    completed: `/api/v1/ledger-items?${query}&status=COMPLETED`,
  };
};

function standing(figure: CompletionFigure | null) {
  if (!figure?.target || figure.ratePercent === null) return "none" as const;
  return figure.meetsTarget ? ("met" as const) : ("behind" as const);
}

export async function getDashboard(
  actor: Actor,
  query: DashboardQuery,
  options: { now?: Date } = {},
): Promise<DashboardDto | null> {
  const db = getDb();
  const asOfDay = query.asOf ?? chinaIsoDay(options.now ?? new Date());
  const asOf = endOfChinaDay(asOfDay);
  let node: DashboardDto["node"] = {
    type: "scope",
    id: null,
    nameZh: "全部范围",
    nameEn: "My scope",
  };
  if (query.enterpriseId) {
    const e = await db.enterprise.findFirst({
      where: { id: query.enterpriseId, ...enterpriseScopeWhere(actor) },
      select: { id: true, nameZh: true, nameEn: true },
    });
    if (!e) throw new AppError("not_found");
    node = { type: "enterprise", ...e };
  } else if (query.supervisorId) {
    const s = await db.supervisor.findUnique({
      where: { id: query.supervisorId },
      select: { id: true, nameZh: true, nameEn: true },
    });
    if (!s || !(actor.scopeAll || actor.supervisorIds.includes(s.id)))
      throw new AppError("not_found");
    node = { type: "supervisor", ...s };
  }
  const figure = await mainTaskCompletion(actor, {
    programmeId: query.programmeId,
    asOf,
    enterpriseId: query.enterpriseId,
  });
  if (!figure) return null;
  const programmeId = figure.programme.id;
  const [programme, categories, supervisors, lagging] = await Promise.all([
    db.programme.findUniqueOrThrow({
      where: { id: programmeId },
      select: { id: true, code: true, nameZh: true, nameEn: true, startDate: true, endDate: true },
    }),
    completionByCategory(actor, programmeId, asOf),
    node.type === "scope" ? completionBySupervisor(actor, programmeId, asOf) : [],
    listLedgerItems(actor, {
      programmeId,
      enterpriseId: query.enterpriseId,
      mainOnly: true,
      overdue: true,
      sort: "dueDate",
      order: "asc",
      limit: 100,
    }),
  ]);
  const [categoryCodes, supervisorCodes] = await Promise.all([
    db.category.findMany({ where: { programmeId }, select: { id: true, code: true } }),
    db.supervisor.findMany({
      where: { id: { in: supervisors.map((s) => s.id) } },
      select: { id: true, code: true },
    }),
  ]);
  const codeOf = (rows: { id: string; code: string }[], id: string) =>
    rows.find((r) => r.id === id)?.code ?? "";
  const target = figure.target && {
    ratePercent: figure.target.ratePercent,
    dueDate: isoDay(figure.target.dueDate),
  };
  const needed = figure.target
    ? Math.max(0, Math.ceil((figure.target.ratePercent / 100) * figure.total) - figure.completed)
    : null;
  return {
    asOf: isoDay(parseIsoDay(asOfDay)),
    programme: {
      ...programme,
      startDate: isoDay(programme.startDate),
      endDate: isoDay(programme.endDate),
    },
    node,
    headline: {
      total: figure.total,
      completed: figure.completed,
      ratePercent: figure.ratePercent,
      target,
      tasksNeeded: needed,
      meetsTarget: figure.meetsTarget,
      standing: standing(figure),
      pendingClaims: 0,
      drillDown: drill({ programmeId }),
    },
    weightedProgressPercent: null,
    byCategory: categories.map((c) => ({
      categoryId: c.id,
      code: codeOf(categoryCodes, c.id),
      nameZh: c.nameZh,
      nameEn: c.nameEn,
      total: c.total,
      completed: c.completed,
      ratePercent: c.ratePercent,
      target: null,
      drillDown: drill({ programmeId, categoryId: c.id }),
    })),
    children: supervisors.map((s) => ({
      type: "supervisor" as const,
      id: s.id,
      code: codeOf(supervisorCodes, s.id),
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      total: s.total,
      completed: s.completed,
      ratePercent: s.ratePercent,
      weightedProgressPercent: null,
      standing: "none" as const,
      red: 0,
      yellow: 0,
      forecast: NO_FORECAST,
      drillDown: drill({ programmeId }),
    })),
    trend: [],
    forecast: NO_FORECAST,
    atRisk: { total: lagging.total, items: lagging.items, drillDown: drill({ programmeId }).total },
    indicators: [],
    compare: null,
    snapshot: null,
  };
}
