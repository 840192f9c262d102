import { addDays, calendarDay, parseIsoDay } from "@/lib/time";

/**
 * Reporting periods: "2024-05" (a month) or "2024-Q2" (a quarter). Pure functions; dates are
 * calendar days as UTC midnights (lib/time.ts), the way PostgreSQL DATE columns come back.
 */
export type PeriodType = "MONTH" | "QUARTER";
export type Period = { type: PeriodType; key: string; start: Date; end: Date };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

export function parsePeriod(key: string): Period | null {
  const m = MONTH.exec(key);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return {
      type: "MONTH",
      key,
      start: calendarDay(y, mo, 1),
      end: calendarDay(y, mo + 1, 0),
    };
  }
  const q = QUARTER.exec(key);
  if (q) {
    const [y, n] = [Number(q[1]), Number(q[2])];
    return {
      type: "QUARTER",
      key,
      start: calendarDay(y, (n - 1) * 3 + 1, 1),
      end: calendarDay(y, n * 3 + 1, 0),
    };
  }
  return null;
}

export function periodOf(day: Date, type: PeriodType): Period {
  const y = day.getUTCFullYear();
  const mo = day.getUTCMonth() + 1;
  const key =
    type === "MONTH" ? `${y}-${String(mo).padStart(2, "0")}` : `${y}-Q${Math.ceil(mo / 3)}`;
  return parsePeriod(key)!;
}

/** A period may be reported when it lies within the programme's reporting window and has begun. */
export function periodAllowed(
  period: Period,
  programme: { startDate: Date; endDate: Date; reportingUntil: Date | null },
  today: Date,
): boolean {
  const until = programme.reportingUntil ?? programme.endDate;
  return period.end >= programme.startDate && period.start <= until && period.start <= today;
}

/**
 * The months one may report for, newest first (the current month first when open): from the
 * programme's start to today or the end of its reporting window, whichever is earlier. The
 * server checks the same rule (periodAllowed) on every entry.
 */
export function reportableMonths(
  programme: { startDate: string; endDate: string; reportingUntil: string | null },
  today: Date,
  max = 36,
): string[] {
  const window = {
    startDate: parseIsoDay(programme.startDate),
    endDate: parseIsoDay(programme.endDate),
    reportingUntil: programme.reportingUntil ? parseIsoDay(programme.reportingUntil) : null,
  };
  const out: string[] = [];
  let period = periodOf(today, "MONTH");
  while (out.length < max && period.end >= window.startDate) {
    if (periodAllowed(period, window, today)) out.push(period.key);
    period = periodOf(addDays(period.start, -1), "MONTH");
  }
  return out;
}
