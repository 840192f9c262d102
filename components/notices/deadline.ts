import type { useFormatter } from "next-intl";
import { formatDateTime, formatDay } from "@/components/ui/formats";

type Formatter = ReturnType<typeof useFormatter>;

/**
 * A reply deadline. Deadlines chosen as a day end at 24:00 China time, stored as the next
 * midnight: show them as that day, "end of day", rather than as 00:00 of the day after.
 */
export function formatDeadline(
  format: Formatter,
  iso: string,
  endOfDay: (date: string) => string,
): string {
  const due = new Date(iso);
  const china = new Date(due.getTime() + 8 * 3600_000);
  const midnight =
    china.getUTCHours() === 0 && china.getUTCMinutes() === 0 && china.getUTCSeconds() === 0;
  return midnight
    ? endOfDay(formatDay(format, new Date(due.getTime() - 1)))
    : formatDateTime(format, due);
}
