/**
 * TanStack Query factories for the review queue (GET /api/v1/review-queue) and the decision
 * (POST /api/v1/entries/{id}/reviews). Keys are built only here.
 */
import { infiniteQueryOptions, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  BatchDecisionResult,
  ReviewQueuePage as ReviewQueuePageSchema,
  ReviewResult,
} from "@/lib/review/schemas";
import { apiRequest } from "@/lib/api/client";
import { ledgerQueries } from "@/lib/ledger/query-options";

export type ReviewQueuePage = z.infer<typeof ReviewQueuePageSchema>;
export type ReviewQueueItem = ReviewQueuePage["items"][number];
export type ReviewKind = ReviewQueueItem["entry"]["kind"];
export type Decision = "CONFIRM" | "APPROVE" | "RETURN";

/** The queue's filters, as carried in the address (?kind=&late=&enterpriseId=). */
export type ReviewFilter = { kind?: ReviewKind; late?: boolean; enterpriseId?: string };

export const REVIEW_PAGE_SIZE = 25;
const KINDS: readonly ReviewKind[] = ["PROGRESS", "NO_CHANGE", "COMPLETION_CLAIM"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the filters from a query string; a bad value drops that filter only. */
export function parseReviewFilter(
  params: Record<string, string | string[] | undefined>,
): ReviewFilter {
  const get = (key: string) => {
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const kind = get("kind");
  const enterpriseId = get("enterpriseId");
  return {
    kind: KINDS.includes(kind as ReviewKind) ? (kind as ReviewKind) : undefined,
    late: get("late") === "true" ? true : undefined,
    enterpriseId: enterpriseId && UUID.test(enterpriseId) ? enterpriseId : undefined,
  };
}

export function reviewFilterSearch(filter: ReviewFilter): URLSearchParams {
  const out = new URLSearchParams();
  if (filter.kind) out.set("kind", filter.kind);
  if (filter.late) out.set("late", "true");
  if (filter.enterpriseId) out.set("enterpriseId", filter.enterpriseId);
  return out;
}

export const reviewQueries = {
  all: ["review-queue"] as const,
  list: (filter: ReviewFilter) =>
    infiniteQueryOptions({
      queryKey: [...reviewQueries.all, filter] as const,
      queryFn: ({ pageParam, signal }) => {
        const search = reviewFilterSearch(filter);
        search.set("limit", String(REVIEW_PAGE_SIZE));
        if (pageParam) search.set("cursor", pageParam);
        return apiRequest<ReviewQueuePage>(`/api/v1/review-queue?${search}`, { signal });
      },
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
};

export function postReview(entryId: string, body: { decision: Decision; comment?: string }) {
  return apiRequest<z.infer<typeof ReviewResult>>(`/api/v1/entries/${entryId}/reviews`, {
    method: "POST",
    json: body,
  });
}

/** Approves (or confirms) several entries; the answer says, per entry, whether it was decided. */
export function postBatchDecision(body: { entryIds: string[]; decision: "APPROVE" | "CONFIRM" }) {
  return apiRequest<z.infer<typeof BatchDecisionResult>>("/api/v1/review-decisions", {
    method: "POST",
    json: body,
  });
}

/** The decided entry leaves every cached view of the queue at once (and the totals drop by one). */
export function dropFromReviewQueue(queryClient: QueryClient, entryId: string) {
  queryClient.setQueriesData<InfiniteData<ReviewQueuePage>>(
    { queryKey: reviewQueries.all },
    (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((p) => {
              const items = p.items.filter((i) => i.entry.id !== entryId);
              return { ...p, items, total: p.total - (p.items.length - items.length > 0 ? 1 : 0) };
            }),
          }
        : data,
  );
}

/**
 * After a decision: the queue is stale (marked, not refetched, so the list the reviewer works
 * through does not jump; the decided row is already gone), and so is every view of the ledger,
 * whose item changed status and percent.
 */
export function invalidateAfterDecision(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: reviewQueries.all, refetchType: "none" });
  void queryClient.invalidateQueries({ queryKey: ledgerQueries.all });
}

/** Someone else decided first (409) or the entry is gone (404): read the queue again. */
export function refreshReviewQueue(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: reviewQueries.all });
}
