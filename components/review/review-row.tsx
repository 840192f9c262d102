"use client";

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
}: {
  row: ReviewQueueItem;
  onDone: (row: ReviewQueueItem, outcome: DecisionOutcome) => void;
}) {
  const { entry, item, stage } = row;
  const headingId = `${useId()}-heading`;

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
        <ReviewEntrySummary row={row} headingId={headingId} />
        <DecisionForm row={row} headingId={headingId} onDone={onDone} />
      </article>
    </li>
  );
}
