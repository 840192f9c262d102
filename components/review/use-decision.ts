"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "@/lib/api/client";
import {
  dropFromReviewQueue,
  invalidateAfterDecision,
  postReview,
  refreshReviewQueue,
  type Decision,
  type ReviewQueueItem,
} from "@/lib/review/query-options";

export type DecisionOutcome = { ok: true; decision: Decision } | { ok: false; error: unknown };

/**
 * The decision on one queue row. On success the row leaves every cached view of the queue and
 * the ledger is refreshed; a 422 goes back to the form (`onInvalid`), anything else to `onDone`.
 */
export function useDecision(
  row: ReviewQueueItem,
  {
    onDone,
    onInvalid,
  }: {
    onDone: (row: ReviewQueueItem, outcome: DecisionOutcome) => void;
    onInvalid: (error: ApiError) => void;
  },
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { decision: Decision; comment?: string }) => postReview(row.entry.id, body),
    onSuccess: (_result, body) => {
      dropFromReviewQueue(queryClient, row.entry.id);
      invalidateAfterDecision(queryClient);
      onDone(row, { ok: true, decision: body.decision });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 422) {
        onInvalid(error);
        return;
      }
      if (error instanceof ApiError && (error.status === 409 || error.status === 404))
        refreshReviewQueue(queryClient);
      onDone(row, { ok: false, error });
    },
  });
}
