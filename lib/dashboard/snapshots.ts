import "server-only";
import { getDb, type DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { endOfChinaDay, isoDay } from "@/lib/time";
import { itemsAsOfSql, mainPopulationSql, validAtSql } from "./population";

/** A node of the dashboard tree: the whole programme, a supervisor, or an enterprise's subtree. */
export type SnapshotNodeRef =
  | { type: "PROGRAMME"; id: string }
  | { type: "SUPERVISOR"; id: string }
  | { type: "ENTERPRISE"; id: string };

export type SnapshotCounts = {
  total: number;
  completed: number;
  /** Σ(weight × percent done) and Σ weight: weighted progress = num / den (percent). */
  weightedPercentSum: number;
  weightSum: number;
  pendingClaims: number;
  red: number;
  yellow: number;
};

const ZERO: SnapshotCounts = {
  total: 0,
  completed: 0,
  weightedPercentSum: 0,
  weightSum: 0,
  pendingClaims: 0,
  red: 0,
  yellow: 0,
};

const COUNTS = Prisma.sql`count(*)::int, count(*) FILTER (WHERE p."completed")::int,
  COALESCE(sum(p."weight" * p."percentDone"), 0), COALESCE(sum(p."weight"), 0),
  count(*) FILTER (WHERE p."claimPending")::int,
  count(*) FILTER (WHERE p."red")::int, count(*) FILTER (WHERE p."yellow" AND NOT p."red")::int`;

/**
 * Freezes a round's period-end figures, in the caller's transaction (the round's close): one
 * grouped INSERT ... SELECT over the population as of the end of the period's last China day,
 * per node (programme, each supervisor, each enterprise's subtree as the tree stood then) x
 * (all categories, each category), main applicable items only. Red and yellow follow
 * lib/ledger/colour.ts at that day, with the last round closed by then.
 */
export async function freezeRoundSnapshot(
  tx: DbTx,
  round: { id: string; programmeId: string; periodEnd: Date },
  frozenAt: Date,
): Promise<number> {
  const asOf = endOfChinaDay(round.periodEnd);
  const at = Prisma.sql`${asOf.toISOString()}::timestamp`;
  const today = Prisma.sql`${isoDay(round.periodEnd)}::date`;
  const pop = itemsAsOfSql({ programmeId: round.programmeId, at });
  return tx.$executeRaw`
    WITH prog AS (
      SELECT pr."startDate", pr."dueSoonDays", pr."behindPlanPoints",
             (SELECT max(r."periodStart") FROM "ReportingRound" r
              WHERE r."programmeId" = pr."id" AND r."status" = 'CLOSED' AND r."closedAt" <= ${at}) AS "lastRoundStart"
      FROM "Programme" pr WHERE pr."id" = ${round.programmeId}::uuid
    ), p AS (
      SELECT p."categoryId", p."enterpriseId", p."supervisorId", p."completed", p."claimPending",
             p."weight", p."percentDone",
             (p."status" <> 'COMPLETED' AND p."dueDate" < ${today}) AS "red",
             (p."status" <> 'COMPLETED' AND (
               p."percentDone" < (CASE WHEN p."dueDate" <= prog."startDate" THEN 100
                 ELSE greatest(0, least(100, round((${today} - prog."startDate")::numeric
                   / (p."dueDate" - prog."startDate") * 100))) END) - prog."behindPlanPoints"
               OR (prog."lastRoundStart" IS NOT NULL AND p."status" <> 'COMPLETION_CLAIMED'
                 AND COALESCE((SELECT max(pe."createdAt") FROM "ProgressEntry" pe
                   WHERE pe."ledgerItemId" = p."itemId" AND pe."createdAt" <= ${at})
                   < prog."lastRoundStart"::timestamp, TRUE)))) AS "yellow"
      FROM ${pop} p CROSS JOIN prog
      WHERE ${mainPopulationSql("p")}
    ), agg AS (
      SELECT 'PROGRAMME'::"SnapshotNode" AS "nodeType", ${round.programmeId}::uuid AS "nodeId",
             p."categoryId", ${COUNTS}
      FROM p GROUP BY GROUPING SETS ((), (p."categoryId"))
      UNION ALL
      SELECT 'SUPERVISOR'::"SnapshotNode", p."supervisorId", p."categoryId", ${COUNTS}
      FROM p GROUP BY GROUPING SETS ((p."supervisorId"), (p."supervisorId", p."categoryId"))
      UNION ALL
      SELECT 'ENTERPRISE'::"SnapshotNode", cs."ancestorId", p."categoryId", ${COUNTS}
      FROM p JOIN "EnterpriseClosureSpan" cs
        ON cs."descendantId" = p."enterpriseId" AND ${validAtSql("cs", at)}
      GROUP BY GROUPING SETS ((cs."ancestorId"), (cs."ancestorId", p."categoryId"))
    )
    INSERT INTO "RoundSnapshot" ("roundId", "nodeType", "nodeId", "categoryId", "total",
      "completed", "weightedPercentSum", "weightSum", "pendingClaims", "red", "yellow",
      "asOf", "frozenAt")
    SELECT ${round.id}::uuid, agg.*, ${at}, ${frozenAt.toISOString()}::timestamp FROM agg`;
}

export type SnapshotRef = {
  roundId: string;
  period: string;
  /** The instant the figures are as of: the end of the period's last China day. */
  asOf: Date;
  frozenAt: Date;
};

/** The frozen snapshot for a day: the closed round of the programme whose period ends that day. */
export async function snapshotFor(
  options: { programmeId: string; asOfDay: Date },
  db: DbTx = getDb(),
): Promise<SnapshotRef | null> {
  const round = await db.reportingRound.findFirst({
    where: {
      programmeId: options.programmeId,
      periodEnd: options.asOfDay,
      status: "CLOSED",
      snapshots: { some: {} },
    },
    orderBy: { periodStart: "asc" }, // a month's round before a quarter's ending the same day
    select: {
      id: true,
      period: true,
      snapshots: { take: 1, select: { asOf: true, frozenAt: true } },
    },
  });
  const first = round?.snapshots[0];
  return round && first
    ? { roundId: round.id, period: round.period, asOf: first.asOf, frozenAt: first.frozenAt }
    : null;
}

type Row = {
  nodeType: SnapshotNodeRef["type"];
  nodeId: string;
  categoryId: string | null;
  total: number;
  completed: number;
  weightedPercentSum: Prisma.Decimal;
  weightSum: Prisma.Decimal;
  pendingClaims: number;
  red: number;
  yellow: number;
};

const toCounts = (r: Row | undefined): SnapshotCounts =>
  r
    ? {
        total: r.total,
        completed: r.completed,
        weightedPercentSum: Number(r.weightedPercentSum),
        weightSum: Number(r.weightSum),
        pendingClaims: r.pendingClaims,
        red: r.red,
        yellow: r.yellow,
      }
    : ZERO;

const SELECT = {
  nodeType: true,
  nodeId: true,
  categoryId: true,
  total: true,
  completed: true,
  weightedPercentSum: true,
  weightSum: true,
  pendingClaims: true,
  red: true,
  yellow: true,
} as const;

/**
 * The frozen figures of some nodes, in the order asked, for all categories (`categoryId`
 * omitted) or one category. A node with nothing to count has no row: it reads as zeros.
 */
export async function snapshotCounts(
  roundId: string,
  nodes: readonly SnapshotNodeRef[],
  categoryId?: string,
  db: DbTx = getDb(),
): Promise<SnapshotCounts[]> {
  if (!nodes.length) return [];
  const rows = await db.roundSnapshot.findMany({
    where: {
      roundId,
      categoryId: categoryId ?? null,
      OR: nodes.map((n) => ({ nodeType: n.type, nodeId: n.id })),
    },
    select: SELECT,
  });
  const byNode = new Map(rows.map((r) => [`${r.nodeType}:${r.nodeId}`, r]));
  return nodes.map((n) => toCounts(byNode.get(`${n.type}:${n.id}`)));
}

/** The frozen figures of one node per category (categories with nothing to count are absent). */
export async function snapshotByCategory(
  roundId: string,
  node: SnapshotNodeRef,
  db: DbTx = getDb(),
): Promise<Map<string, SnapshotCounts>> {
  const rows = await db.roundSnapshot.findMany({
    where: { roundId, nodeType: node.type, nodeId: node.id, categoryId: { not: null } },
    select: SELECT,
  });
  return new Map(rows.map((r) => [r.categoryId!, toCounts(r)]));
}
