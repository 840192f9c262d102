import clsx from "clsx";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { ledgerViewHref, type LedgerView } from "@/lib/ledger/query-options";
import type { StatusSummary } from "@/lib/ledger/overview";
import { LEDGER_STATUSES } from "@/lib/ledger/schemas";

const ACCENT = {
  NOT_STARTED: "border-l-slate-400",
  IN_PROGRESS: "border-l-blue-600",
  COMPLETION_CLAIMED: "border-l-amber-500",
  COMPLETED: "border-l-green-600",
} as const;

/**
 * Tiles with the number of ledger items per status, the total and the overdue ones. Each tile
 * opens the ledger list behind it (the same scope, `base` narrowing it like the summary was).
 */
export function StatusCounts({
  summary,
  label,
  base = {},
}: {
  summary: StatusSummary;
  label: string;
  base?: Partial<LedgerView>;
}) {
  const t = useTranslations("status");
  const tc = useTranslations("common");
  const format = useFormatter();
  const tiles = [
    {
      key: "total",
      label: tc("total"),
      value: summary.total,
      accent: "border-l-brand-900",
      href: ledgerViewHref(base),
    },
    ...LEDGER_STATUSES.map((s) => ({
      key: s,
      label: t(s),
      value: summary.byStatus[s],
      accent: ACCENT[s],
      href: ledgerViewHref({ ...base, status: s }),
    })),
    {
      key: "overdue",
      label: t("OVERDUE"),
      value: summary.overdue,
      accent: "border-l-red-600",
      href: ledgerViewHref({ ...base, overdue: true }),
    },
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
            "relative rounded-md border border-l-4 border-slate-200 bg-white px-3 py-2 shadow-sm focus-within:outline-2 focus-within:outline-brand-700 hover:bg-slate-50",
            tile.accent,
          )}
        >
          <dt className="text-xs font-medium text-slate-700">
            {/* The whole tile is the link's target (the ::after covers it). */}
            <Link
              href={tile.href}
              className="after:absolute after:inset-0 focus-visible:outline-none"
              data-testid={`count-link-${tile.key}`}
            >
              {tile.label}
            </Link>
          </dt>
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
