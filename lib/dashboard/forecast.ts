import { addDays, calendarDay, isoDay } from "@/lib/time";
import { completionRate, type TargetLike } from "./targets";

/**
 * Pure rules of the dashboard's derived numbers (client-safe, unit-tested):
 *
 * - tasksNeeded = max(0, ceil(target% x total) - completed), in integers (no float surprises).
 * - Forecast at the current pace: pace = (rate at the as-of day - rate 3 months earlier) / 3, in
 *   points per month (a rate with nothing to count then is taken as 0). The day a rate R is
 *   reached = as-of day + (R - current rate) / pace months, a month being 30.4375 days (the
 *   average Gregorian month), rounded to whole days. No date when pace <= 0 (never at that pace);
 *   the as-of day itself when R is reached already.
 * - Standing against the governing target: met (rate >= target), onTrack (the forecast reaches
 *   the target's rate on or before its due date), behind, none (no target or nothing to count).
 */
export const FORECAST_WINDOW_MONTHS = 3;
export const DAYS_PER_MONTH = 30.4375;
/** The rates every forecast shows, with the programme targets' own rates added. */
export const FORECAST_RATES = [70, 100] as const;

export type Target = TargetLike & { ratePercent: number };
export type Standing = "met" | "onTrack" | "behind" | "none";
export type Reach = {
  ratePercent: number;
  on: string | null;
  targetDueDate: string | null;
  missesTarget: boolean | null;
};
export type Forecast = { pacePointsPerMonth: number | null; windowMonths: number; reach: Reach[] };

export function tasksNeeded(
  target: { ratePercent: number } | null,
  counts: { total: number; completed: number },
): number | null {
  if (!target) return null;
  const basisPoints = Math.round(target.ratePercent * 100);
  const needed = Math.floor((basisPoints * counts.total + 9_999) / 10_000);
  return Math.max(0, needed - counts.completed);
}

/** The day `months` calendar months before `day` (clamped to the month's last day). */
export function monthsBefore(day: Date, months: number): Date {
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth() + 1 - months;
  const last = calendarDay(y, m + 1, 0).getUTCDate();
  return calendarDay(y, m, Math.min(day.getUTCDate(), last));
}

/**
 * The trend's days: every month end from the programme's first month to the as-of day, the last
 * point being the as-of day itself. Empty when the as-of day is before the programme starts.
 */
export function trendDays(programmeStart: Date, asOfDay: Date): Date[] {
  const days: Date[] = [];
  let y = programmeStart.getUTCFullYear();
  let m = programmeStart.getUTCMonth() + 1;
  for (;;) {
    const monthEnd = calendarDay(y, m + 1, 0);
    if (monthEnd >= asOfDay) {
      if (asOfDay >= programmeStart) days.push(asOfDay);
      return days;
    }
    days.push(monthEnd);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

export function paceOf(
  now: { total: number; completed: number },
  then: { total: number; completed: number },
): number | null {
  const current = completionRate(now.completed, now.total);
  if (current === null) return null;
  const before = completionRate(then.completed, then.total) ?? 0;
  return Math.round(((current - before) / FORECAST_WINDOW_MONTHS) * 100) / 100;
}

function targetWithRate(targets: readonly Target[], rate: number, day: Date): Target | null {
  const same = targets
    .filter((t) => t.ratePercent === rate)
    .sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime());
  return same.find((t) => t.dueDate >= day) ?? same.at(-1) ?? null;
}

export function forecastFor(
  counts: { now: { total: number; completed: number }; then: { total: number; completed: number } },
  asOfDay: Date,
  targets: readonly Target[],
): Forecast {
  const current = completionRate(counts.now.completed, counts.now.total);
  const pace = paceOf(counts.now, counts.then);
  const rates = [...new Set([...FORECAST_RATES, ...targets.map((t) => t.ratePercent)])].sort(
    (a, b) => a - b,
  );
  const reach = rates.map((ratePercent): Reach => {
    let on: Date | null = null;
    if (current !== null && current >= ratePercent) on = asOfDay;
    else if (current !== null && pace !== null && pace > 0)
      on = addDays(asOfDay, Math.round(((ratePercent - current) / pace) * DAYS_PER_MONTH));
    const target = targetWithRate(targets, ratePercent, asOfDay);
    return {
      ratePercent,
      on: on && isoDay(on),
      targetDueDate: target && isoDay(target.dueDate),
      missesTarget: target ? on === null || on > target.dueDate : null,
    };
  });
  return { pacePointsPerMonth: pace, windowMonths: FORECAST_WINDOW_MONTHS, reach };
}

export function standingOf(
  ratePercent: number | null,
  target: Target | null,
  forecast: Forecast,
): Standing {
  if (!target || ratePercent === null) return "none";
  if (ratePercent >= target.ratePercent) return "met";
  const reach = forecast.reach.find((r) => r.ratePercent === target.ratePercent);
  return reach?.on && reach.on <= isoDay(target.dueDate) ? "onTrack" : "behind";
}
