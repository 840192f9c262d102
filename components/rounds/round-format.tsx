import clsx from "clsx";
import { useFormatter, useTranslations } from "next-intl";
import { formatDay } from "@/components/ui/formats";
import type { Round } from "@/lib/rounds/query-options";
import { chinaDay, deadlineDay } from "@/lib/time";

export type { Round };

const STATUS_CLASS = {
  PLANNED: "bg-slate-100 text-slate-800 ring-slate-300",
  OPEN: "bg-green-50 text-green-900 ring-green-300",
  CLOSED: "bg-slate-200 text-slate-900 ring-slate-400",
} as const;

export function RoundStatusBadge({ status }: { status: Round["status"] }) {
  const t = useTranslations("rounds.status");
  return (
    <span
      data-testid="round-status"
      className={clsx(
        "inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        STATUS_CLASS[status],
      )}
    >
      {t(status)}
    </span>
  );
}

/**
 * The filing window as whole days in China time: it opens at 00:00 of its first day and ends at
 * 24:00 of its last (stored as the next midnight), so the last day is the deadline's day.
 */
export function windowDays(round: Pick<Round, "windowOpensAt" | "windowClosesAt">) {
  return {
    first: chinaDay(new Date(round.windowOpensAt)),
    last: deadlineDay(new Date(round.windowClosesAt)),
  };
}

/** "first day – last day" of the filing window, in the user's language. */
export function useWindowText() {
  const format = useFormatter();
  const t = useTranslations("rounds");
  return (round: Pick<Round, "windowOpensAt" | "windowClosesAt">) => {
    const { first, last } = windowDays(round);
    return t("windowRange", { from: formatDay(format, first), to: formatDay(format, last) });
  };
}
