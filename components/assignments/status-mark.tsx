"use client";

import clsx from "clsx";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { MatrixCell } from "@/lib/assignments/schemas";

export const MARKS = [
  "none",
  "notApplicable",
  "NOT_STARTED",
  "IN_PROGRESS",
  "COMPLETION_CLAIMED",
  "COMPLETED",
  "overdue",
] as const;
export type Mark = (typeof MARKS)[number];

const MARK_CLASS: Record<Mark, string> = {
  none: "text-slate-500",
  notApplicable: "bg-slate-200 text-slate-800 line-through ring-slate-400",
  NOT_STARTED: "bg-slate-100 text-slate-800 ring-slate-300",
  IN_PROGRESS: "bg-blue-50 text-blue-800 ring-blue-300",
  COMPLETION_CLAIMED: "bg-amber-50 text-amber-900 ring-amber-300",
  COMPLETED: "bg-green-50 text-green-800 ring-green-300",
  overdue: "bg-red-50 text-red-800 ring-red-300",
};

export function markOf(cell: MatrixCell | undefined): Mark {
  if (!cell) return "none";
  if (cell.notApplicable) return "notApplicable";
  if (cell.overdue) return "overdue";
  return cell.status;
}

/** A compact mark: colour and a short word, never colour alone (the full words for screen readers). */
export function MarkBadge({ mark }: { mark: Mark }) {
  const t = useTranslations("assignments.marks");
  if (mark === "none")
    return (
      <span className={MARK_CLASS.none}>
        <span aria-hidden="true">·</span>
        <span className="sr-only">{t("none.long")}</span>
      </span>
    );
  return (
    <span
      className={clsx(
        "inline-block min-w-8 rounded px-1 text-center text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        MARK_CLASS[mark],
      )}
      title={t(`${mark}.long`)}
    >
      <span aria-hidden="true">{t(`${mark}.short`)}</span>
      <span className="sr-only">{t(`${mark}.long`)}</span>
    </span>
  );
}

/** A matrix cell: the mark, linking to the ledger item when there is one. */
export function StatusMark({ cell, label }: { cell: MatrixCell | undefined; label: string }) {
  const mark = markOf(cell);
  if (!cell) return <MarkBadge mark={mark} />;
  return (
    <Link
      href={`/ledger/${cell.itemId}`}
      className="rounded focus-visible:outline-2 focus-visible:outline-brand-700"
      data-testid="matrix-cell"
      data-mark={mark}
      data-item-id={cell.itemId}
      title={label}
    >
      <MarkBadge mark={mark} />
    </Link>
  );
}
