import { calendarDay, chinaDay, isoDay, parseIsoDay } from "@/lib/time";

/** The as-of quick picks, from today's China day: end of last month, quarter and year, today. */
export function asOfQuickPicks(now: Date = new Date()) {
  const today = chinaDay(now);
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth() + 1;
  const quarterStart = Math.floor((month - 1) / 3) * 3 + 1;
  return {
    endLastMonth: isoDay(calendarDay(year, month, 0)),
    endLastQuarter: isoDay(calendarDay(year, quarterStart, 0)),
    endLastYear: isoDay(calendarDay(year, 1, 0)),
    today: isoDay(today),
  } as const;
}

/** A month before a day: the previous month's end for a month end, else the same day (clamped). */
export function monthEarlier(day: string): string {
  const d = parseIsoDay(day);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const monthEnd = calendarDay(y, m + 1, 0).getTime() === d.getTime();
  const lastOfPrevious = calendarDay(y, m, 0);
  if (monthEnd) return isoDay(lastOfPrevious);
  return isoDay(calendarDay(y, m - 1, Math.min(d.getUTCDate(), lastOfPrevious.getUTCDate())));
}
