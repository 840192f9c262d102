import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { chinaDay, endOfChinaDay } from "@/lib/time";
import { nodePopulationSql } from "./nodes";
import { rollupSupervisors } from "./rollup/read";
import { rollupCounts } from "./rollup/views";
import { completionRate, targetFor } from "./targets";

export type ProgrammeRef = { id: string; code: string; nameZh: string; nameEn: string };
export type TargetRef = { dueDate: Date; ratePercent: number };
export type MainTaskCounts = { total: number; completed: number };
const NO_COUNTS: MainTaskCounts = { total: 0, completed: 0 };

export type CompletionFigure = {
  programme: ProgrammeRef;
  asOf: Date;
  /** Main-task assignments in scope that existed on `asOf` (not-applicable ones excluded). */
  total: number;
  /** Of those, completed (claim finally approved) on or before `asOf`. */
  completed: number;
  /** completed / total in percent, two decimals; null when there is nothing to count. */
  ratePercent: number | null;
  /** The target that governs `asOf`: the first one due on or after it, else the last one. */
  target: TargetRef | null;
  meetsTarget: boolean | null;
};

/** The programme a dashboard shows by default: the active one that started last. */
export async function defaultProgramme(): Promise<ProgrammeRef | null> {
  return getDb().programme.findFirst({
    where: { status: "ACTIVE" },
    orderBy: { startDate: "desc" },
    select: { id: true, code: true, nameZh: true, nameEn: true },
  });
}

async function findProgramme(programmeId?: string): Promise<ProgrammeRef | null> {
  if (!programmeId) return defaultProgramme();
  return getDb().programme.findUnique({
    where: { id: programmeId },
    select: { id: true, code: true, nameZh: true, nameEn: true },
  });
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

/** Whether an instant is the last one of its China day (the roll-up's granularity). */
const isEndOfChinaDay = (at: Date) => endOfChinaDay(chinaDay(at)).getTime() === at.getTime();

/** An instant as a SQL timestamp: Prisma stores DateTime columns as UTC `timestamp(3)`. */
export function instantSql(at: Date): Prisma.Sql {
  return Prisma.sql`${at.toISOString()}::timestamp`;
}

export function toFigure(
  programme: ProgrammeRef,
  asOf: Date,
  counts: MainTaskCounts = NO_COUNTS,
  targets: readonly TargetRef[],
): CompletionFigure {
  const governing = targetFor(targets, asOf);
  const target = governing && { dueDate: governing.dueDate, ratePercent: governing.ratePercent };
  const ratePercent = completionRate(counts.completed, counts.total);
  return {
    programme,
    asOf,
    ...counts,
    ratePercent,
    target,
    meetsTarget: target && ratePercent !== null ? ratePercent >= target.ratePercent : null,
  };
}

/**
 * Totals and completions of the headline metric at several instants, in one statement: each
 * instant's figure counts the same rows, so the numbers are consistent with each other.
 */
export async function mainTaskCounts(
  actor: Actor,
  options: {
    programmeId: string;
    asOf: readonly Date[];
    /** A node: an enterprise's subtree or a supervisor's enterprises, as they stood at each instant. */
    enterpriseId?: string;
    supervisorId?: string;
  },
): Promise<MainTaskCounts[]> {
  if (!options.asOf.length) return [];
  type Row = { i: number; total: number; completed: number };
  const db = getDb();
  // Whole days of a scope or a supervisor: the roll-up's sums, when they are the viewer's figures.
  const supervisors =
    !options.enterpriseId && options.asOf.every(isEndOfChinaDay)
      ? await rollupSupervisors(
          db,
          actor,
          options.supervisorId ? [options.supervisorId] : "scope",
          options.asOf,
        )
      : null;
  const at = Prisma.raw(`d."at"`);
  const { items, where } = nodePopulationSql({
    actor,
    programmeId: options.programmeId,
    node: { enterpriseId: options.enterpriseId, supervisorId: options.supervisorId },
    at,
    filter: { mainOnly: true },
  });
  const rows = supervisors
    ? await rollupCounts<Row>({ db, programmeId: options.programmeId }, options.asOf, supervisors)
    : await db.$queryRaw<Row[]>`
    SELECT d."i"::int AS "i",
           count(*)::int AS "total",
           count(*) FILTER (WHERE p."completed")::int AS "completed"
    FROM unnest(${options.asOf.map((d) => d.toISOString())}::timestamp[]) WITH ORDINALITY AS d("at", "i")
    CROSS JOIN LATERAL ${items} p
    WHERE ${where}
    GROUP BY d."i"`;
  const byIndex = new Map(rows.map((r) => [r.i, r]));
  return options.asOf.map((_, i) => {
    const row = byIndex.get(i + 1);
    return row ? { total: row.total, completed: row.completed } : NO_COUNTS;
  });
}

/**
 * The headline metric: main-task completion rate = completed main-task assignments / all
 * main-task assignments in scope, as of an instant, over the population as it stood then
 * (lib/dashboard/population.ts), so a past date's figure never changes afterwards.
 */
export async function mainTaskCompletion(
  actor: Actor,
  options: { programmeId?: string; asOf?: Date; enterpriseId?: string } = {},
): Promise<CompletionFigure | null> {
  const programme = await findProgramme(options.programmeId);
  if (!programme) return null;
  // Today counts its whole day, as the dashboard's default does: both show one figure.
  const asOf = options.asOf ?? endOfChinaDay(chinaDay());
  const [[counts], targets] = await Promise.all([
    mainTaskCounts(actor, {
      programmeId: programme.id,
      asOf: [asOf],
      enterpriseId: options.enterpriseId,
    }),
    listProgrammeTargets(programme.id),
  ]);
  return toFigure(programme, asOf, counts, targets);
}
