import clsx from "clsx";
import { useFormatter, useTranslations } from "next-intl";
import type { StatusSummary } from "@/lib/ledger/overview";
import { LEDGER_STATUSES } from "@/lib/ledger/schemas";

const ACCENT = {
  NOT_STARTED: "border-l-slate-400",
  IN_PROGRESS: "border-l-blue-600",
  COMPLETION_CLAIMED: "border-l-amber-500",
  COMPLETED: "border-l-green-600",
} as const;

/** Tiles with the number of ledger items per status, the total and the overdue ones. */
export function StatusCounts({ summary, label }: { summary: StatusSummary; label: string }) {
  const t = useTranslations("status");
  const tc = useTranslations("common");
  const format = useFormatter();
  const tiles = [
    { key: "total", label: tc("total"), value: summary.total, accent: "border-l-brand-900" },
    ...LEDGER_STATUSES.map((s) => ({
      key: s,
      label: t(s),
      value: summary.byStatus[s],
      accent: ACCENT[s],
    })),
    { key: "overdue", label: t("OVERDUE"), value: summary.overdue, accent: "border-l-red-600" },
  ];
  return (
    <dl
      aria-label={label}
      className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6"
      data-testid="status-counts"
    >
      {tiles.map((tile) => (
        <div
          key={tile.key}
          className={clsx(
            "rounded-md border border-l-4 border-slate-200 bg-white px-3 py-2 shadow-sm",
            tile.accent,
          )}
        >
          <dt className="text-xs font-medium text-slate-700">{tile.label}</dt>
          <dd
            className="text-xl font-semibold tabular-nums text-slate-900"
            data-testid={`count-${tile.key}`}
          >
            {format.number(tile.value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
