import { useFormatter, useTranslations } from "next-intl";
import { formatDateTime, formatDay } from "@/components/ui/formats";
import { deadlineDay, isStartOfChinaDay } from "@/lib/time";

type Formatter = ReturnType<typeof useFormatter>;

/**
 * A reply deadline. Deadlines chosen as a day end at 24:00 China time, stored as the next
 * midnight: show them as that day, "end of day", rather than as 00:00 of the day after. Any other
 * instant (an escalation's "a week from now") shows with its time.
 */
export function formatDeadline(
  format: Formatter,
  iso: string,
  endOfDay: (date: string) => string,
): string {
  const due = new Date(iso);
  return isStartOfChinaDay(due)
    ? endOfDay(formatDay(format, deadlineDay(due)))
    : formatDateTime(format, due);
}

/**
 * The reply deadline as every page shows it (the notice, the notices table, an item's notices):
 * `deadlineText(notice.responseDueAt)`.
 */
export function useDeadlineText() {
  const format = useFormatter();
  const t = useTranslations("notices");
  return (iso: string) => formatDeadline(format, iso, (date) => t("endOfDay", { date }));
}
