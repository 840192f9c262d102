import "server-only";
/**
 * TEMPORARY stand-in for the dashboard read model, built from the existing roll-ups so the page
 * can be built and tried. The real `getDashboard` replaces this whole file; nothing else should
 * import from it except the dashboard page. Approximations here: weighted progress and pending
 * claims read current percent done and claim times; red/yellow counts per child and indicator
 * totals are not computed (zero / empty); the at-risk list is today's colours.
 */
import type { Actor } from "@/lib/auth/policy";
import { subtreeSql } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { getEnterprise, listChildren, listScopeRoots } from "@/lib/enterprises/queries";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { listLedgerItemsByUrgency } from "@/lib/ledger/overview";
import { addDays, calendarDay, chinaIsoDay, endOfChinaDay, isoDay, parseIsoDay } from "@/lib/time";
import { completedSql, instantSql, listProgrammeTargets, mainTaskSql } from "./completion";
import type { DashboardDto, DashboardQuery } from "./schemas";
import { completionRate, targetFor } from "./targets";

type Node = DashboardDto["node"];
type Targets = Awaited<ReturnType<typeof listProgrammeTargets>>;
type Counts = { total: number; completed: number };
const WINDOW_MONTHS = 3;
const MONTH_DAYS = 30.44;
const ZERO: Counts = { total: 0, completed: 0 };

function nodeSql(node: Node): Prisma.Sql {
  const column = Prisma.raw(`li."enterpriseId"`);
  if (node.type === "enterprise" && node.id) return subtreeSql(node.id, column);
  if (node.type === "supervisor" && node.id)
    return Prisma.sql`li."enterpriseId" IN (SELECT "id" FROM "Enterprise" WHERE "supervisorId" = ${node.id}::uuid)`;
  return Prisma.sql`TRUE`;
}

async function counts(actor: Actor, programmeId: string, node: Node, at: Date[]) {
  const d = Prisma.raw(`d."at"`);
  const rows = await getDb().$queryRaw<(Counts & { i: number })[]>`
    SELECT d."i"::int AS "i", count(li."id")::int AS "total",
           count(li."id") FILTER (WHERE ${completedSql(d)})::int AS "completed"
    FROM unnest(${at.map((x) => x.toISOString())}::timestamp[]) WITH ORDINALITY AS d("at", "i")
    LEFT JOIN "LedgerItem" li ON ${mainTaskSql(actor, { programmeId, asOf: d })} AND ${nodeSql(node)}
    GROUP BY d."i"`;
  const byIndex = new Map(rows.map((r) => [r.i, r]));
  return at.map((_, i) => ({
    total: byIndex.get(i + 1)?.total ?? 0,
    completed: byIndex.get(i + 1)?.completed ?? 0,
  }));
}

function drillDown(params: Record<string, string | undefined>) {
  const base = Object.entries({ mainOnly: "true", ...params }).filter(
    (e): e is [string, string] => e[1] !== undefined,
  );
  const url = (extra: [string, string][]) =>
    `/api/v1/ledger-items?${new URLSearchParams([...base, ...extra]).toString()}`;
  return { total: url([]), completed: url([["completed", "true"]]) };
}

function monthsBefore(day: Date, months: number): Date {
  return calendarDay(day.getUTCFullYear(), day.getUTCMonth() + 1 - months + 1, 0);
}

function forecastOf(then: number | null, now: number | null, asOf: Date, targets: Targets) {
  const pace = then !== null && now !== null ? (now - then) / WINDOW_MONTHS : null;
  return {
    pacePointsPerMonth: pace === null ? null : Math.round(pace * 100) / 100,
    windowMonths: WINDOW_MONTHS,
    reach: [70, 100].map((ratePercent) => {
      const target = targets.find((t) => t.ratePercent === ratePercent) ?? null;
      let on: Date | null = null;
      if (now !== null && now >= ratePercent) on = asOf;
      else if (now !== null && pace && pace > 0)
        on = addDays(asOf, Math.ceil(((ratePercent - now) / pace) * MONTH_DAYS));
      return {
        ratePercent,
        on: on && isoDay(on),
        targetDueDate: target && isoDay(target.dueDate),
        missesTarget: target ? on === null || on > target.dueDate : null,
      };
    }),
  };
}

function standingOf(
  rate: number | null,
  target: Targets[number] | null,
  f: DashboardDto["forecast"],
) {
  if (rate === null || !target) return "none" as const;
  if (rate >= target.ratePercent) return "met" as const;
  const reach = f.reach.find((r) => r.ratePercent === target.ratePercent);
  return reach?.on && parseIsoDay(reach.on) <= target.dueDate
    ? ("onTrack" as const)
    : ("behind" as const);
}

async function resolveNode(actor: Actor, query: DashboardQuery): Promise<Node> {
  if (query.enterpriseId) {
    const e = await getEnterprise(actor, query.enterpriseId);
    if (!e) throw new AppError("not_found");
    return { type: "enterprise", id: e.id, nameZh: e.nameZh, nameEn: e.nameEn };
  }
  if (query.supervisorId) {
    const roots = await listScopeRoots(actor);
    const s = roots.find((r) => r.supervisor.id === query.supervisorId)?.supervisor;
    if (!s) throw new AppError("not_found");
    return { type: "supervisor", id: s.id, nameZh: s.nameZh, nameEn: s.nameEn };
  }
  return { type: "scope", id: null, nameZh: "全部范围", nameEn: "Everything in scope" };
}

type Kid = { id: string; code: string; nameZh: string; nameEn: string };
const kidOf = (type: "enterprise" | "supervisor", { id, code, nameZh, nameEn }: Kid) => ({
  type,
  id,
  code,
  nameZh,
  nameEn,
});

async function childNodes(actor: Actor, node: Node) {
  if (node.type === "enterprise" && node.id)
    return (await listChildren(actor, node.id)).map((e) => kidOf("enterprise", e));
  const roots = await listScopeRoots(actor);
  if (node.type === "supervisor")
    return roots.filter((r) => r.supervisor.id === node.id).map((e) => kidOf("enterprise", e));
  const seen = new Map(roots.map((r) => [r.supervisor.id, r.supervisor]));
  return [...seen.values()].map((s) => kidOf("supervisor", s));
}

export async function getDashboard(
  actor: Actor,
  query: DashboardQuery,
  { now = new Date() }: { now?: Date } = {},
): Promise<DashboardDto | null> {
  const select = { id: true, code: true, nameZh: true, nameEn: true } as const;
  const dates = { ...select, startDate: true, endDate: true } as const;
  const programme = query.programmeId
    ? await getDb().programme.findUnique({ where: { id: query.programmeId }, select: dates })
    : await getDb().programme.findFirst({
        where: { status: "ACTIVE" },
        orderBy: { startDate: "desc" },
        select: dates,
      });
  if (!programme) return null;
  const node = await resolveNode(actor, query);
  const today = chinaIsoDay(now);
  const asOf = query.asOf ?? today;
  const asOfDay = parseIsoDay(asOf);
  const instantOf = (day: string) => (day === today ? now : endOfChinaDay(day));
  const windowStart = monthsBefore(asOfDay, WINDOW_MONTHS);

  // Month ends from the programme's start to the as-of day, which closes the last month.
  const months: string[] = [];
  for (let m = programme.startDate; m < asOfDay;) {
    const end = calendarDay(m.getUTCFullYear(), m.getUTCMonth() + 2, 0);
    months.push(isoDay(end < asOfDay ? end : asOfDay));
    m = addDays(end, 1);
  }
  if (!months.includes(asOf)) months.push(asOf);
  const headAt = instantOf(asOf);
  const windowAt = instantOf(isoDay(windowStart));
  const at = [headAt, windowAt, instantOf(query.compareTo ?? asOf), ...months.map(instantOf)];
  const [all, targets] = await Promise.all([
    counts(actor, programme.id, node, at),
    listProgrammeTargets(programme.id),
  ]);
  const [head = ZERO, windowCounts = ZERO, compareCounts = ZERO, ...monthCounts] = all;
  const rate = completionRate(head.completed, head.total);
  const target = targetFor(targets, headAt);
  const targetRef = target && { ratePercent: target.ratePercent, dueDate: isoDay(target.dueDate) };
  const forecast = forecastOf(
    completionRate(windowCounts.completed, windowCounts.total),
    rate,
    asOfDay,
    targets,
  );
  const nodeParam =
    node.type === "enterprise"
      ? { enterpriseId: node.id ?? undefined }
      : node.type === "supervisor"
        ? { supervisorId: node.id ?? undefined }
        : {};
  const base = { programmeId: programme.id, ...nodeParam, asOf };

  const instant = instantSql(headAt);
  const [extra] = await getDb().$queryRaw<{ pending: number; weighted: number | null }[]>`
    SELECT count(*) FILTER (WHERE li."claimedAt" <= ${instant} AND NOT (${completedSql(instant)}))::int AS "pending",
           (sum(t."weight" * CASE WHEN ${completedSql(instant)} THEN 100 ELSE li."percentDone" END)
             / NULLIF(sum(t."weight"), 0))::float AS "weighted"
    FROM "LedgerItem" li JOIN "Task" t ON t."id" = li."taskId"
    WHERE ${mainTaskSql(actor, { programmeId: programme.id, asOf: instant })} AND ${nodeSql(node)}`;

  const categories = await getDb().$queryRaw<
    (Counts & { categoryId: string; code: string; nameZh: string; nameEn: string })[]
  >`
    SELECT c."id" AS "categoryId", c."code", c."nameZh", c."nameEn", count(*)::int AS "total",
           count(*) FILTER (WHERE ${completedSql(instant)})::int AS "completed"
    FROM "LedgerItem" li JOIN "Category" c ON c."id" = li."categoryId"
    WHERE ${mainTaskSql(actor, { programmeId: programme.id, asOf: instant })} AND ${nodeSql(node)}
    GROUP BY c."id" ORDER BY c."sortOrder", c."code"`;

  const kids = await childNodes(actor, node);
  const children = await Promise.all(
    kids.map(async (kid) => {
      const [c = ZERO, w = ZERO] = await counts(actor, programme.id, kid, [headAt, windowAt]);
      const r = completionRate(c.completed, c.total);
      const f = forecastOf(completionRate(w.completed, w.total), r, asOfDay, targets);
      const param = kid.type === "enterprise" ? { enterpriseId: kid.id } : { supervisorId: kid.id };
      return {
        ...kid,
        ...c,
        ratePercent: r,
        weightedProgressPercent: null,
        standing: standingOf(r, target, f),
        red: 0,
        yellow: 0,
        forecast: f,
        drillDown: drillDown({ programmeId: programme.id, ...param, asOf }),
      };
    }),
  );

  const urgent = await listLedgerItemsByUrgency(actor, {
    enterpriseId: node.type === "enterprise" ? (node.id ?? undefined) : undefined,
    limit: 200,
  });
  const risky = urgent.filter(
    (i) =>
      i.programmeId === programme.id &&
      i.isMain &&
      (i.colour.colour === "red" || i.colour.colour === "yellow"),
  );
  const compareRate = completionRate(compareCounts.completed, compareCounts.total);

  return {
    asOf,
    programme: {
      ...programme,
      startDate: isoDay(programme.startDate),
      endDate: isoDay(programme.endDate),
    },
    node,
    headline: {
      ...head,
      ratePercent: rate,
      target: targetRef,
      tasksNeeded: target
        ? Math.max(0, Math.ceil((target.ratePercent / 100) * head.total) - head.completed)
        : null,
      meetsTarget: target && rate !== null ? rate >= target.ratePercent : null,
      standing: standingOf(rate, target, forecast),
      pendingClaims: extra?.pending ?? 0,
      drillDown: drillDown(base),
    },
    weightedProgressPercent:
      extra?.weighted == null ? null : Math.round(extra.weighted * 100) / 100,
    byCategory: categories.map((c) => ({
      ...c,
      ratePercent: completionRate(c.completed, c.total),
      target: targetRef,
      drillDown: drillDown({ ...base, categoryId: c.categoryId }),
    })),
    children,
    trend: months.map((day, i) => {
      const c = monthCounts[i] ?? ZERO;
      return {
        asOf: day,
        month: day.slice(0, 7),
        ...c,
        ratePercent: completionRate(c.completed, c.total),
        targetPercent: targetFor(targets, instantOf(day))?.ratePercent ?? null,
      };
    }),
    forecast,
    atRisk: {
      total: risky.length,
      items: risky.slice(0, 20),
      drillDown: drillDown({ ...base, colour: "red,yellow" }).total,
    },
    indicators: [],
    compare: query.compareTo
      ? {
          asOf: query.compareTo,
          ...compareCounts,
          ratePercent: compareRate,
          deltaPoints:
            rate !== null && compareRate !== null
              ? Math.round((rate - compareRate) * 100) / 100
              : null,
          deltaTasks: head.completed - compareCounts.completed,
        }
      : null,
    snapshot: null,
  };
}
