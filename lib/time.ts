/**
 * The one clock. China has one time zone, UTC+8 without daylight saving (since 1991), so a fixed
 * offset is exact. Calendar days (`@db.Date` columns, "today") are Dates at UTC midnight, the form
 * Prisma returns them in; instants are ordinary Dates. Pure and client-safe.
 */
export const TIME_ZONE = "Asia/Shanghai";

export const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as a UTC midnight; month is 1-12 and out-of-range days roll over (day 0 = last of the previous month). */
export function calendarDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** The calendar day in China of an instant (default: now), as a UTC midnight. */
export function chinaDay(instant: Date = new Date()): Date {
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MS);
  return calendarDay(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** "YYYY-MM-DD" of a calendar day (a `@db.Date` value). */
export function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" of the day in China of an instant (default: now). */
export function chinaIsoDay(instant: Date = new Date()): string {
  return isoDay(chinaDay(instant));
}

/** The calendar day of "YYYY-MM-DD", as a UTC midnight. Throws on anything else. */
export function parseIsoDay(value: string): Date {
  const m = ISO_DAY.exec(value);
  const day = m && calendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!day || isoDay(day) !== value) throw new RangeError(`Not a calendar day: "${value}"`);
  return day;
}

function asDay(day: Date | string): Date {
  return typeof day === "string" ? parseIsoDay(day) : day;
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** The instant a China day begins (00:00 in China). */
export function startOfChinaDay(day: Date | string): Date {
  return new Date(asDay(day).getTime() - CHINA_OFFSET_MS);
}

/** The last instant (23:59:59.999 in China) of a China day: "as of" figures that count the whole day. */
export function endOfChinaDay(day: Date | string): Date {
  return new Date(startOfChinaDay(day).getTime() + DAY_MS - 1);
}

/**
 * "Due by the end of day X in China" as the instant it passes: 24:00 of X, i.e. the next day's
 * 00:00. Something is late when `now >= chinaDeadline(X)`.
 */
export function chinaDeadline(day: Date | string): Date {
  return startOfChinaDay(addDays(asDay(day), 1));
}

/** Whether an instant is exactly 00:00 in China, i.e. a deadline set as "end of the previous day". */
export function isStartOfChinaDay(instant: Date): boolean {
  return startOfChinaDay(chinaDay(instant)).getTime() === instant.getTime();
}

/** The China day a deadline instant ends (inverse of `chinaDeadline`). */
export function deadlineDay(deadline: Date): Date {
  return chinaDay(new Date(deadline.getTime() - 1));
}
