import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { calendarDay, chinaDay, endOfChinaDay } from "@/lib/time";
import {
  defaultProgramme,
  listProgrammeTargets,
  mainTaskCounts,
  toFigure,
  type CompletionFigure,
} from "./completion";

export type TrendPoint = {
  /** The China day of the point (a UTC midnight). */
  date: Date;
  isTarget: boolean;
  isToday: boolean;
  figure: CompletionFigure;
};

const QUARTER_ENDS = [
  [3, 31],
  [6, 30],
  [9, 30],
  [12, 31],
] as const;

/**
 * The headline figure at past target dates and quarter ends of the programme, and today, so that
 * the trend is visible. All points come from the history (`completedAt`, `createdAt`) in one
 * statement.
 */
export async function completionTrend(
  actor: Actor,
  { maxPoints = 10, now = new Date() }: { maxPoints?: number; now?: Date } = {},
): Promise<TrendPoint[]> {
  const programme = await defaultProgramme();
  if (!programme) return [];
  const [row, targets] = await Promise.all([
    getDb().programme.findUnique({ where: { id: programme.id }, select: { startDate: true } }),
    listProgrammeTargets(programme.id),
  ]);
  if (!row) return [];
  const today = chinaDay(now);
  const targetDays = new Set(targets.map((t) => t.dueDate.getTime()));

  // Every past target date, then the most recent quarter ends since the programme started.
  const targetPast = targets.filter((t) => t.dueDate < today).map((t) => t.dueDate.getTime());
  const quarterEnds: number[] = [];
  for (let y = row.startDate.getUTCFullYear(); y <= today.getUTCFullYear(); y++) {
    for (const [month, day] of QUARTER_ENDS) {
      const d = calendarDay(y, month, day).getTime();
      if (d >= row.startDate.getTime() && d < today.getTime() && !targetDays.has(d))
        quarterEnds.push(d);
    }
  }
  const room = Math.max(0, maxPoints - 1 - targetPast.length);
  const past = [...targetPast, ...quarterEnds.slice(Math.max(0, quarterEnds.length - room))]
    .sort((a, b) => a - b)
    .map((time) => new Date(time));

  // Every day counts up to its last instant in China, today too (as the dashboard does).
  const points = [...past, today].map((date) => ({ date, asOf: endOfChinaDay(date) }));
  const counts = await mainTaskCounts(actor, {
    programmeId: programme.id,
    asOf: points.map((p) => p.asOf),
  });
  return points.map(({ date, asOf }, i) => ({
    date,
    isTarget: targetDays.has(date.getTime()),
    isToday: date === today,
    figure: toFigure(programme, asOf, counts[i], targets),
  }));
}
