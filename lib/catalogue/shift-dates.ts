import { addDays, calendarDay } from "@/lib/time";

const lastOfMonth = (d: Date) => calendarDay(d.getUTCFullYear(), d.getUTCMonth() + 2, 0);

/**
 * Moves a calendar day by the offset between two programme starts (pure). When both starts fall
 * on the same day of the month, the move is in whole months, so "31 December of year two" stays
 * a year end and the 30 June halfway point stays 30 June whatever the leap years; a month end
 * stays a month end. Otherwise it moves by the number of days between the starts.
 */
export function dayShifter(fromStart: Date, toStart: Date): (day: Date) => Date {
  if (fromStart.getUTCDate() !== toStart.getUTCDate()) {
    const days = Math.round((toStart.getTime() - fromStart.getTime()) / 86_400_000);
    return (day) => addDays(day, days);
  }
  const months =
    (toStart.getUTCFullYear() - fromStart.getUTCFullYear()) * 12 +
    (toStart.getUTCMonth() - fromStart.getUTCMonth());
  return (day) => {
    const y = day.getUTCFullYear();
    const m = day.getUTCMonth() + 1 + months;
    const target = calendarDay(y, m, 1);
    const end = lastOfMonth(target);
    if (day.getTime() === lastOfMonth(day).getTime()) return end;
    return day.getUTCDate() > end.getUTCDate() ? end : calendarDay(y, m, day.getUTCDate());
  };
}
