import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { getReadDb, type DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { chinaDay, endOfChinaDay, isoDay, parseIsoDay } from "@/lib/time";
import { asOfFigures } from "./as-of";
import { atRisk, atRiskItems } from "./at-risk";
import { byCategory } from "./categories";
import { frozenFigures } from "./frozen";
import { rankChildren, windowCounts } from "./children";
import type { Target } from "./forecast";
import { headlineCounts, toComparison, toHeadline } from "./headline";
import { indicatorTotals } from "./indicators";
import { monthTrend, trendInstants } from "./month-trend";
import { listChildren, resolveNode } from "./nodes";
import type { DashboardDto, DashboardQuery } from "./schemas";
import type { ViewContext } from "./view";

/**
 * THE dashboard answer for a node in the viewer's scope, as of a China day: what the page, the
 * API (GET /api/v1/dashboard) and the bulletins show. Semantics (ARCHITECTURE.md, "Dashboard
 * figures"):
 * - `asOf` is a China day (default today) and figures count to its last instant.
 * - The headline's population: main, applicable items of the programme in the node and the
 *   viewer's scope (lib/dashboard/nodes.ts over lib/dashboard/population.ts).
 * - A node outside the scope is a 404, as is a supervisor the viewer's grants do not cover. An
 *   enterprise that did not exist yet on the as-of day is not: its figures then are zeros.
 * - On the period end of a closed round, the as-of headline, categories and children come from
 *   the round's frozen snapshot when the viewer's scope covers the whole node (`snapshot` set);
 *   `live: true` computes them instead (the same numbers). Trend, forecast, at-risk and
 *   indicators are always computed.
 * - Every view is one grouped statement; all run one after another in one REPEATABLE READ,
 *   read-only transaction, so the views agree with each other (never concurrently on it).
 */
export async function getDashboard(
  actor: Actor,
  query: DashboardQuery,
  options: { now?: Date; live?: boolean } = {},
): Promise<DashboardDto> {
  const db = getReadDb();
  const { dto, risk } = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET TRANSACTION READ ONLY`;
      return readDashboard(tx, actor, query, options.now ?? new Date(), options.live ?? false);
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 60_000 },
  );
  const items = await atRiskItems(db, risk.rows, parseIsoDay(dto.asOf));
  return {
    ...dto,
    atRisk: { total: risk.total, totalCapped: risk.totalCapped, items, drillDown: risk.drillDown },
  };
}

async function findProgramme(db: DbTx, programmeId?: string) {
  const select = {
    id: true,
    code: true,
    nameZh: true,
    nameEn: true,
    startDate: true,
    endDate: true,
  } as const;
  const programme = programmeId
    ? await db.programme.findUnique({ where: { id: programmeId }, select })
    : await db.programme.findFirst({
        where: { status: "ACTIVE" },
        orderBy: { startDate: "desc" },
        select,
      });
  if (!programme) throw new AppError("not_found");
  return programme;
}

async function loadTargets(db: DbTx, programmeId: string) {
  const rows = await db.target.findMany({
    where: { programmeId },
    select: { categoryId: true, dueDate: true, ratePercent: true },
    orderBy: { dueDate: "asc" },
  });
  const programme: Target[] = [];
  const byCategory = new Map<string, Target[]>();
  for (const row of rows) {
    const target = { dueDate: row.dueDate, ratePercent: Number(row.ratePercent) };
    if (!row.categoryId) programme.push(target);
    else byCategory.set(row.categoryId, [...(byCategory.get(row.categoryId) ?? []), target]);
  }
  return { programme, byCategory };
}

async function readDashboard(
  db: DbTx,
  actor: Actor,
  query: DashboardQuery,
  now: Date,
  live: boolean,
) {
  const programme = await findProgramme(db, query.programmeId);
  const node = await resolveNode(actor, query, db);
  const targets = await loadTargets(db, programme.id);
  const day = query.asOf ? parseIsoDay(query.asOf) : chinaDay(now);
  const ctx: ViewContext = {
    db,
    actor,
    programmeId: programme.id,
    node,
    day,
    at: endOfChinaDay(day),
    asOf: isoDay(day),
    targets: targets.programme,
  };
  // One after another: statements on one transaction's connection never run concurrently.
  const children = await listChildren(actor, node, ctx.at, db);
  const frozen = live ? null : await frozenFigures(ctx, children);
  // An enterprise's as-of figures in one pass over its items (the whole scope's and a
  // supervisor's headline and categories come from the roll-up); a snapshot's when there is one.
  const pass = !frozen && node.type === "enterprise" ? await asOfFigures(ctx, children) : null;
  const asOf = frozen ?? pass;
  const compareAt = query.compareTo ? [endOfChinaDay(query.compareTo)] : [];
  // The trend's points counted with the headline, in one pass over the roll-up or the
  // population, for the whole scope and a supervisor (an enterprise's come from its monthly
  // roll-up and its window start from windowCounts).
  const trendAt = node.type === "enterprise" ? [] : trendInstants(programme.startDate, day);
  // A comparison and the trend need total and completed only.
  const counted = asOf
    ? await headlineCounts(ctx, [...compareAt, ...trendAt], false)
    : await headlineCounts(ctx, [ctx.at, ...compareAt, ...trendAt], true);
  const points = trendAt.length ? counted.slice(counted.length - trendAt.length) : undefined;
  const head = counted.slice(0, counted.length - trendAt.length);
  const [counts, then] = asOf ? [asOf.headline, ...head] : head;
  // An enterprise's figures at the forecast window's start, the node's and its children's at once.
  const window = node.type === "enterprise" ? await windowCounts(ctx, children) : null;
  const { trend, forecast } = await monthTrend(
    ctx,
    programme.startDate,
    counts,
    window?.node,
    points,
  );
  const categories = await byCategory(ctx, targets.byCategory, asOf?.byCategory);
  const ranked = await rankChildren(ctx, children, asOf?.children, window?.children);
  // Red and yellow counted already: by the as-of pass, or by the roll-up with the headline.
  const coloured =
    counts?.red !== undefined && counts.yellow !== undefined
      ? { red: counts.red, yellow: counts.yellow }
      : undefined;
  const risk = await atRisk(ctx, pass?.colours ?? coloured);
  const indicators = await indicatorTotals(ctx);
  const dto: Omit<DashboardDto, "atRisk"> = {
    asOf: ctx.asOf,
    programme: {
      ...programme,
      startDate: isoDay(programme.startDate),
      endDate: isoDay(programme.endDate),
    },
    node: { type: node.type, id: node.id, nameZh: node.nameZh, nameEn: node.nameEn },
    headline: toHeadline(ctx, counts!, forecast),
    weightedProgressPercent: counts!.weightedProgressPercent,
    byCategory: categories,
    children: ranked,
    trend,
    forecast,
    indicators,
    compare: query.compareTo && then ? toComparison(query.compareTo, counts!, then) : null,
    snapshot: frozen?.snapshot ?? null,
  };
  return { dto, risk };
}
