import clsx from "clsx";
import { useFormatter, useTranslations } from "next-intl";
import type { Round } from "@/lib/rounds/query-options";

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
 * The filing window as whole days in China time: the window ends at 24:00 of its last day
 * (stored as the next midnight), so the last day is the instant just before the end.
 */
export function useWindowText() {
  const format = useFormatter();
  const t = useTranslations("rounds");
  return (round: Pick<Round, "windowOpensAt" | "windowClosesAt">) => {
    const first = new Date(round.windowOpensAt);
    const last = new Date(new Date(round.windowClosesAt).getTime() - 1);
    return t("windowRange", {
      from: format.dateTime(first, { dateStyle: "medium" }),
      to: format.dateTime(last, { dateStyle: "medium" }),
    });
  };
}

/** The last day of the window, as a date. */
export const lastWindowDay = (round: Pick<Round, "windowClosesAt">) =>
  new Date(new Date(round.windowClosesAt).getTime() - 1);
