import "server-only";
import { endpoint } from "@/lib/api/endpoint";
import { AppError } from "@/lib/errors";
import { listReviewQueue } from "./queue";
import { decideBatch } from "./decide-batch";
import { reviewEntry } from "./review-entry";
import {
  BatchDecisionInput,
  BatchDecisionResult,
  EntryParams,
  ReviewDecisionInput,
  ReviewQueuePage,
  ReviewQueueQuery,
  ReviewResult,
} from "./schemas";

export const reviewQueueEndpoint = endpoint(
  {
    method: "get",
    path: "/review-queue",
    tag: "Review",
    summary: "Entries and completion claims waiting for the caller's decision, oldest first",
    permission: "ledger.read",
    query: ReviewQueueQuery,
    response: ReviewQueuePage,
  },
  async ({ actor, query }) => {
    if (actor.role !== "REVIEWER" && actor.role !== "LIAISON") throw new AppError("forbidden");
    return listReviewQueue(actor, query);
  },
);

export const reviewEntryEndpoint = endpoint(
  {
    method: "post",
    path: "/entries/{id}/reviews",
    tag: "Review",
    summary:
      "Approve, confirm (group liaison, two-level close-off) or return (reason required) an entry or claim",
    permission: "ledger.read",
    params: EntryParams,
    body: ReviewDecisionInput,
    response: ReviewResult,
    successStatus: 201,
  },
  // The use case checks review.decide or review.confirm against the entry's enterprise.
  ({ actor, params, body, locale, requestId }) =>
    reviewEntry(actor, { entryId: params.id, input: body, locale, requestId }),
);

export const batchDecisionEndpoint = endpoint(
  {
    method: "post",
    path: "/review-decisions",
    tag: "Review",
    summary:
      "Approve (or confirm) several entries at once; each is decided on its own (same checks, lock and audit as one decision) and answered per entry",
    permission: "ledger.read",
    body: BatchDecisionInput,
    response: BatchDecisionResult,
  },
  // Each entry's decision checks review.decide or review.confirm against its enterprise.
  ({ actor, body, locale, requestId }) => decideBatch(actor, { input: body, locale, requestId }),
);
