import clsx from "clsx";
import { useTranslations } from "next-intl";

const STATUS_CLASS = {
  NOT_STARTED: "bg-slate-100 text-slate-800 ring-slate-300",
  IN_PROGRESS: "bg-blue-50 text-blue-800 ring-blue-200",
  COMPLETION_CLAIMED: "bg-amber-50 text-amber-900 ring-amber-300",
  COMPLETED: "bg-green-50 text-green-800 ring-green-300",
  OVERDUE: "bg-red-50 text-red-800 ring-red-300",
} as const;

export type BadgeStatus = keyof typeof STATUS_CLASS;

export function StatusBadge({ status }: { status: BadgeStatus }) {
  const t = useTranslations("status");
  return (
    <span
      className={clsx(
        "inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        STATUS_CLASS[status],
      )}
    >
      {t(status)}
    </span>
  );
}

/** Met, not met, or (before the target's date) not yet reached. */
export function TargetBadge({ met, due = true }: { met: boolean; due?: boolean }) {
  const t = useTranslations("completion");
  const state = met ? "met" : due ? "notMet" : "notYet";
  return (
    <span
      data-testid="target-badge"
      data-state={state}
      className={clsx(
        "inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        state === "met" && "bg-green-50 text-green-800 ring-green-300",
        state === "notMet" && "bg-red-50 text-red-800 ring-red-300",
        state === "notYet" && "bg-amber-50 text-amber-900 ring-amber-300",
      )}
    >
      {t(state)}
    </span>
  );
}

/** A percentage as text with a small bar; the bar is decoration, the text carries the value. */
export function PercentBar({ value, label }: { value: number | null; label: string }) {
  const width = Math.max(0, Math.min(100, value ?? 0));
  return (
    <span className="inline-flex items-center gap-2">
      <span
        aria-hidden="true"
        className="inline-block h-1.5 w-16 overflow-hidden rounded-full bg-slate-200"
      >
        <span className="block h-full rounded-full bg-brand-600" style={{ width: `${width}%` }} />
      </span>
      <span className="tabular-nums">{label}</span>
    </span>
  );
}
