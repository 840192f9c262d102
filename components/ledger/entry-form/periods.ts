import { parsePeriod, periodAllowed } from "@/lib/ledger/period";

/**
 * The months a liaison may report for, newest first (the current month first when open): from
 * the programme's start to today or the end of its reporting window, whichever is earlier. The
 * server checks the same rule (periodAllowed) on every entry.
 */
export function reportableMonths(
  programme: { startDate: string; endDate: string; reportingUntil: string | null },
  today: Date,
  max = 36,
): string[] {
  const window = {
    startDate: new Date(`${programme.startDate}T00:00:00Z`),
    endDate: new Date(`${programme.endDate}T00:00:00Z`),
    reportingUntil: programme.reportingUntil
      ? new Date(`${programme.reportingUntil}T00:00:00Z`)
      : null,
  };
  const out: string[] = [];
  let y = today.getUTCFullYear();
  let m = today.getUTCMonth() + 1;
  while (out.length < max) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    const period = parsePeriod(key)!;
    if (period.end < window.startDate) break;
    if (periodAllowed(period, window, today)) out.push(key);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}
