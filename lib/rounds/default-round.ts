import { calendarDay, chinaDay, isoDay } from "@/lib/time";

/** The round an administrator most likely opens now: this China month, filed from the 1st to the 10th of the next. */
export function defaultRound(now: Date) {
  const today = chinaDay(now);
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth() + 1;
  return {
    period: isoDay(today).slice(0, 7),
    windowOpensOn: isoDay(calendarDay(y, m + 1, 1)),
    windowClosesOn: isoDay(calendarDay(y, m + 1, 10)),
  };
}
