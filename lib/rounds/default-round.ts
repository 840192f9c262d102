import { periodOf, type PeriodType } from "@/lib/ledger/period";
import { addDays, chinaDay, isoDay } from "@/lib/time";

/**
 * The round an administrator most likely opens now: the current China month (or quarter, for a
 * programme reporting quarterly: `Programme.reportingCadence`), filed from the 1st to the 10th
 * of the month after the period ends.
 */
export function defaultRound(now: Date, cadence: PeriodType = "MONTH") {
  const period = periodOf(chinaDay(now), cadence);
  const opens = addDays(period.end, 1);
  return {
    period: period.key,
    windowOpensOn: isoDay(opens),
    windowClosesOn: isoDay(addDays(opens, 9)),
  };
}
