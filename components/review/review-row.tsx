"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import type { ReviewQueueItem } from "@/lib/review/query-options";
import { DecisionForm } from "./decision-form";
import { ReviewEntrySummary } from "./review-entry-summary";
import type { DecisionOutcome } from "./use-decision";

export type { DecisionOutcome };

/**
 * One entry or claim waiting for a decision: what was reported, with its evidence, and the
 * buttons to approve (or confirm) or return it with a reason.
 */
export function ReviewRow({
  row,
  onDone,
  selected,
  onSelect,
}: {
  row: ReviewQueueItem;
  onDone: (row: ReviewQueueItem, outcome: DecisionOutcome) => void;
  selected: boolean;
  onSelect: (selected: boolean) => void;
}) {
  const t = useTranslations("review");
  const { entry, item, stage } = row;
  const uid = useId();
  const headingId = `${uid}-heading`;

  return (
    <li
      className="rounded-lg border border-slate-200 bg-white shadow-sm"
      data-testid="review-row"
      data-entry-id={entry.id}
      data-item-id={item.id}
      data-enterprise-id={item.enterprise.id}
      data-kind={entry.kind}
      data-stage={stage}
    >
      <article aria-labelledby={headingId} className="space-y-3 p-4">
        <label className="flex w-fit items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={selected}
            onChange={(e) => onSelect(e.target.checked)}
            aria-describedby={headingId}
            className="h-4 w-4 rounded border-slate-400 accent-brand-700"
            data-testid="review-select"
          />
          {t("select")}
        </label>
        <ReviewEntrySummary row={row} headingId={headingId} />
        <DecisionForm row={row} headingId={headingId} onDone={onDone} />
      </article>
    </li>
  );
}
