import type { createFormatter } from "use-intl/core";
import { deadlineDay, isStartOfChinaDay } from "@/lib/time";

/** The formatter pages get from next-intl's `useFormatter` and server code from `createFormatter`. */
export type DeadlineFormatter = Pick<ReturnType<typeof createFormatter>, "dateTime">;

/**
 * A notice's reply deadline in words, the one format of the page, an item's page, the
 * notifications, the e-mails and the printed 督办单. Deadlines chosen as a day end at 24:00 China
 * time and are stored as the next midnight: they show as that day, "24:00 前" / "end of day",
 * never as 00:00 of the day after. Any other instant (an escalation's "a week from now") shows with
 * its time. `endOfDay` is the translator's `notices.endOfDay`; the formatter works in China time.
 * Pure and client-safe.
 */
export function deadlineText(
  due: Date | string,
  format: DeadlineFormatter,
  endOfDay: (date: string) => string,
): string {
  const at = typeof due === "string" ? new Date(due) : due;
  return isStartOfChinaDay(at)
    ? endOfDay(format.dateTime(deadlineDay(at), { dateStyle: "medium" }))
    : format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });
}
