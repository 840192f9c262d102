import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere, ledgerItemScopeWhere } from "@/lib/auth/scope";
import { mainTaskCompletion, type CompletionFigure } from "@/lib/dashboard/completion";
import { getDb } from "@/lib/db/client";
import { listScopeRoots } from "@/lib/enterprises/queries";
import type { EnterpriseSummary } from "@/lib/enterprises/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import { TIME_ZONE } from "@/lib/i18n/config";
import { LEDGER_STATUSES, type LedgerStatus } from "./statuses";

/**
 * Read models for the home screens (one per role) and the enterprise page. Every query composes
 * the actor's scope, so nothing outside it is counted or listed.
 */

type Bilingual = { nameZh: string; nameEn: string };

export type HomeLedgerItem = {
  id: string;
  task: { code: string; titleZh: string; titleEn: string };
  category: Bilingual;
  enterprise: Bilingual & { id: string };
  isMain: boolean;
  notApplicable: boolean;
  dueDate: Date;
  status: LedgerStatus;
  percentDone: number;
  lastEntryAt: Date | null;
  overdue: boolean;
};

export type StatusSummary = {
  total: number;
  byStatus: Record<LedgerStatus, number>;
  /** Due before today (Beijing time) and not completed. */
  overdue: number;
};

/** Today's date in Beijing as a UTC-midnight Date, the form `@db.Date` columns come back in. */
export function beijingToday(now: Date = new Date()): Date {
  const ymd = new Intl.DateTimeFormat("en-CA", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
  return new Date(`${ymd}T00:00:00.000Z`);
}

/** The last instant of a calendar day in Beijing, for "as of <date>" figures that count the whole day. */
export function endOfBeijingDay(day: Date): Date {
  const utcMidnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  return new Date(utcMidnight + 24 * 3_600_000 - 8 * 3_600_000 - 1);
}

function itemWhere(actor: Actor, enterpriseId?: string): Prisma.LedgerItemWhereInput {
  const filters: Prisma.LedgerItemWhereInput[] = [ledgerItemScopeWhere(actor)];
  if (enterpriseId)
    filters.push({ enterprise: { ancestors: { some: { ancestorId: enterpriseId } } } });
  return { AND: filters };
}

const homeItemSelect = {
  id: true,
  isMain: true,
  notApplicable: true,
  dueDate: true,
  status: true,
  percentDone: true,
  lastEntryAt: true,
  task: { select: { code: true, titleZh: true, titleEn: true } },
  category: { select: { nameZh: true, nameEn: true } },
  enterprise: {
    select: { id: true, nameZh: true, nameEn: true, shortNameZh: true, shortNameEn: true },
  },
} satisfies Prisma.LedgerItemSelect;

/**
 * Ledger items in the actor's scope (optionally one enterprise's subtree) for a home screen: the
 * open ones first, soonest due first (what needs doing), then the most recently due completed ones.
 */
export async function listLedgerItemsForHome(
  actor: Actor,
  { limit = 50, enterpriseId }: { limit?: number; enterpriseId?: string } = {},
): Promise<HomeLedgerItem[]> {
  const db = getDb();
  const today = beijingToday();
  const take = Math.min(Math.max(limit, 1), 200);
  const where = itemWhere(actor, enterpriseId);
  const open = await db.ledgerItem.findMany({
    where: { AND: [where, { status: { not: "COMPLETED" } }] },
    select: homeItemSelect,
    orderBy: [{ dueDate: "asc" }, { task: { code: "asc" } }, { id: "asc" }],
    take,
  });
  const done =
    open.length < take
      ? await db.ledgerItem.findMany({
          where: { AND: [where, { status: "COMPLETED" }] },
          select: homeItemSelect,
          orderBy: [{ dueDate: "desc" }, { task: { code: "asc" } }, { id: "asc" }],
          take: take - open.length,
        })
      : [];
  return [...open, ...done].map(({ enterprise, ...row }) => ({
    ...row,
    enterprise: {
      id: enterprise.id,
      nameZh: enterprise.shortNameZh ?? enterprise.nameZh,
      nameEn: enterprise.shortNameEn ?? enterprise.nameEn,
    },
    overdue: row.status !== "COMPLETED" && !row.notApplicable && row.dueDate < today,
  }));
}

/** Counts of ledger items per status in the actor's scope (optionally one subtree). */
export async function ledgerStatusSummary(
  actor: Actor,
  { enterpriseId }: { enterpriseId?: string } = {},
): Promise<StatusSummary> {
  const db = getDb();
  const where = itemWhere(actor, enterpriseId);
  const [groups, overdue] = await Promise.all([
    db.ledgerItem.groupBy({ by: ["status"], where, _count: { _all: true } }),
    db.ledgerItem.count({
      where: {
        AND: [
          where,
          { notApplicable: false, status: { not: "COMPLETED" }, dueDate: { lt: beijingToday() } },
        ],
      },
    }),
  ]);
  const byStatus = Object.fromEntries(LEDGER_STATUSES.map((s) => [s, 0])) as Record<
    LedgerStatus,
    number
  >;
  for (const g of groups) byStatus[g.status] = g._count._all;
  return { total: groups.reduce((sum, g) => sum + g._count._all, 0), byStatus, overdue };
}

export type GroupSummary = {
  enterprise: EnterpriseSummary;
  items: StatusSummary;
  completion: CompletionFigure | null;
};

/** The tops of the actor's trees with their ledger counts and main-task completion (reviewer home). */
export async function listGroupSummaries(actor: Actor): Promise<GroupSummary[]> {
  const roots = await listScopeRoots(actor);
  return Promise.all(
    roots.map(async (enterprise) => {
      const [items, completion] = await Promise.all([
        ledgerStatusSummary(actor, { enterpriseId: enterprise.id }),
        mainTaskCompletion(actor, { enterpriseId: enterprise.id }),
      ]);
      return { enterprise, items, completion };
    }),
  );
}

/** The programme-wide targets (not per category), in date order. */
export async function listProgrammeTargets(programmeId: string) {
  const rows = await getDb().target.findMany({
    where: { programmeId, categoryId: null },
    select: { dueDate: true, ratePercent: true, nameZh: true, nameEn: true },
    orderBy: { dueDate: "asc" },
  });
  return rows.map((t) => ({ ...t, ratePercent: Number(t.ratePercent) }));
}

export type TrendPoint = {
  date: Date;
  isTarget: boolean;
  isToday: boolean;
  figure: CompletionFigure;
};

/**
 * The headline figure at past target dates and quarter ends of the programme, and today, so that
 * the trend is visible. Each point is computed from the history (`completedAt`, `createdAt`).
 */
export async function completionTrend(
  actor: Actor,
  { maxPoints = 10 }: { maxPoints?: number } = {},
): Promise<TrendPoint[]> {
  const today = await mainTaskCompletion(actor, { asOf: new Date() });
  if (!today) return [];
  const db = getDb();
  const programme = await db.programme.findUnique({
    where: { id: today.programme.id },
    select: { startDate: true },
  });
  if (!programme) return [];
  const targets = await listProgrammeTargets(today.programme.id);
  const todayDate = beijingToday();
  const targetDays = new Set(targets.map((t) => t.dueDate.getTime()));

  // Every past target date, then the most recent quarter ends since the programme started.
  const targetPast = targets.filter((t) => t.dueDate < todayDate).map((t) => t.dueDate.getTime());
  const quarterEnds: number[] = [];
  for (let y = programme.startDate.getUTCFullYear(); y <= todayDate.getUTCFullYear(); y++) {
    for (const [month, day] of [
      [2, 31],
      [5, 30],
      [8, 30],
      [11, 31],
    ] as const) {
      const d = Date.UTC(y, month, day);
      if (d >= programme.startDate.getTime() && d < todayDate.getTime() && !targetDays.has(d))
        quarterEnds.push(d);
    }
  }
  const room = Math.max(0, maxPoints - 1 - targetPast.length);
  const past = [...targetPast, ...quarterEnds.slice(Math.max(0, quarterEnds.length - room))].sort(
    (a, b) => a - b,
  );
  const points = await Promise.all(
    past.map(async (time) => {
      const date = new Date(time);
      const figure = await mainTaskCompletion(actor, {
        programmeId: today.programme.id,
        asOf: endOfBeijingDay(date),
      });
      return figure ? { date, isTarget: targetDays.has(time), isToday: false, figure } : null;
    }),
  );
  return [
    ...points.filter((p): p is TrendPoint => p !== null),
    {
      date: todayDate,
      isTarget: targetDays.has(todayDate.getTime()),
      isToday: true,
      figure: today,
    },
  ];
}

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
 * Main-task assignments counted as in `mainTaskCompletion` (lib/dashboard/completion.ts): main,
 * applicable, existing on `asOf`; completed when finally approved on or before `asOf`.
 */
function mainItemsWhere(
  actor: Actor,
  programmeId: string,
  asOf: Date,
): Prisma.LedgerItemWhereInput {
  return {
    AND: [
      ledgerItemScopeWhere(actor),
      { programmeId, isMain: true, notApplicable: false, createdAt: { lte: asOf } },
    ],
  };
}

function rate(completed: number, total: number) {
  return total ? Math.round((completed / total) * 10_000) / 100 : null;
}

/** Main-task completion per supervisor of the enterprises in scope, as of a date. */
export async function completionBySupervisor(
  actor: Actor,
  programmeId: string,
  asOf: Date = new Date(),
): Promise<BreakdownRow[]> {
  const db = getDb();
  const supervisors = await db.supervisor.findMany({
    where: { enterprises: { some: enterpriseScopeWhere(actor) } },
    select: { id: true, code: true, nameZh: true, nameEn: true, level: true },
    orderBy: [{ level: "asc" }, { code: "asc" }],
  });
  const base = mainItemsWhere(actor, programmeId, asOf);
  return Promise.all(
    supervisors.map(async ({ id, nameZh, nameEn, level }) => {
      const where: Prisma.LedgerItemWhereInput = {
        AND: [base, { enterprise: { supervisorId: id } }],
      };
      const [total, completed] = await Promise.all([
        db.ledgerItem.count({ where }),
        db.ledgerItem.count({ where: { AND: [where, { completedAt: { lte: asOf } }] } }),
      ]);
      return { id, nameZh, nameEn, level, total, completed, ratePercent: rate(completed, total) };
    }),
  );
}

/** Main-task completion per task category, as of a date. */
export async function completionByCategory(
  actor: Actor,
  programmeId: string,
  asOf: Date = new Date(),
): Promise<BreakdownRow[]> {
  const db = getDb();
  const base = mainItemsWhere(actor, programmeId, asOf);
  const [categories, totals, completed] = await Promise.all([
    db.category.findMany({
      where: { programmeId },
      select: { id: true, nameZh: true, nameEn: true },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    }),
    db.ledgerItem.groupBy({ by: ["categoryId"], where: base, _count: { _all: true } }),
    db.ledgerItem.groupBy({
      by: ["categoryId"],
      where: { AND: [base, { completedAt: { lte: asOf } }] },
      _count: { _all: true },
    }),
  ]);
  const totalOf = new Map(totals.map((g) => [g.categoryId, g._count._all]));
  const completedOf = new Map(completed.map((g) => [g.categoryId, g._count._all]));
  return categories
    .map((c) => {
      const total = totalOf.get(c.id) ?? 0;
      const done = completedOf.get(c.id) ?? 0;
      return { ...c, total, completed: done, ratePercent: rate(done, total) };
    })
    .filter((row) => row.total > 0);
}

/**
 * The party organisation an enterprise is affiliated to: its own named organisation when it has
 * one (mixed-reform cases), else the SASAC it is affiliated to. Null outside the scope.
 */
export async function partyAffiliation(
  actor: Actor,
  enterpriseId: string,
): Promise<Bilingual | null> {
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
