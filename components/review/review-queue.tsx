"use client";

import { LoadError } from "@/components/ui/load-error";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Notice, field } from "@/components/ui/form";
import {
  reviewFilterSearch,
  reviewQueries,
  type ReviewFilter,
  type ReviewQueueItem,
  type ReviewQueuePage,
} from "@/lib/review/query-options";
import { BatchApprove } from "./batch-approve";
import { ReviewFilters, isFiltered, type EnterpriseOption } from "./review-filters";
import { ReviewRow } from "./review-row";
import type { DecisionOutcome } from "./use-decision";
import { useDecisionMessage, type Message } from "./use-decision-message";

export type { EnterpriseOption };

const sameFilter = (a: ReviewFilter, b: ReviewFilter) =>
  a.kind === b.kind && a.late === b.late && a.enterpriseId === b.enterpriseId;

/**
 * The review queue, oldest first. The first page comes from the server; filters live in the
 * address; a decided row leaves the list at once, and a 409 (decided by someone else) refreshes it.
 */
export function ReviewQueue({
  initialFilter,
  initialPage,
  renderedAt,
  enterprises,
}: {
  initialFilter: ReviewFilter;
  initialPage: ReviewQueuePage;
  renderedAt: number;
  enterprises: EnterpriseOption[];
}) {
  const t = useTranslations("review");
  const tc = useTranslations("common");
  const hydrated = useHydrated();
  const messageFor = useDecisionMessage();
  const [filter, setFilter] = useState<ReviewFilter>(initialFilter);
  const [message, setMessage] = useState<Message | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const messageRef = useRef<HTMLDivElement>(null);

  const query = useInfiniteQuery({
    ...reviewQueries.list(filter),
    ...(sameFilter(filter, initialFilter)
      ? {
          initialData: { pages: [initialPage], pageParams: [null] },
          initialDataUpdatedAt: renderedAt,
        }
      : {}),
  });
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  // Only rows still in the queue count as selected (a decided row leaves it).
  const selectedIds = rows.filter((r) => selected.has(r.entry.id)).map((r) => r.entry.id);
  const select = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const total = query.data?.pages[0]?.total ?? 0;

  const applyFilter = (next: ReviewFilter) => {
    setFilter(next);
    setMessage(null);
    const search = reviewFilterSearch(next).toString();
    // The address carries the view so it can be shared; no server round trip needed.
    window.history.replaceState(null, "", search ? `?${search}` : window.location.pathname);
  };

  // The row's decision hook has already updated the caches; this only tells the reviewer.
  const onDone = (row: ReviewQueueItem, outcome: DecisionOutcome) => {
    setMessage(messageFor(row, outcome));
    requestAnimationFrame(() => messageRef.current?.focus());
  };

  return (
    <div
      className="space-y-4"
      data-testid="review-queue"
      data-hydrated={hydrated ? "true" : "false"}
    >
      <ReviewFilters filter={filter} enterprises={enterprises} onChange={applyFilter} />

      <div ref={messageRef} tabIndex={-1} className="focus:outline-none" aria-live="polite">
        {message && (
          <Notice
            tone={message.tone}
            testId={message.tone === "error" ? "review-error" : "review-done"}
          >
            {message.text}
          </Notice>
        )}
      </div>

      {rows.length > 0 && (
        <BatchApprove
          selected={selectedIds}
          stage={rows[0]!.stage}
          onDone={({ ok, failed }) => {
            setSelected(new Set());
            setMessage({
              tone: failed ? "error" : "success",
              text: t("batchDone", { ok, failed }),
            });
            requestAnimationFrame(() => messageRef.current?.focus());
          }}
        />
      )}

      <p className="text-sm text-slate-700" data-testid="review-total" aria-live="polite">
        {query.isFetching && !query.isFetchingNextPage
          ? tc("loading")
          : t("total", { count: total })}
      </p>

      {query.isError && !query.data ? (
        <LoadError onRetry={() => void query.refetch()} />
      ) : rows.length === 0 && !query.isFetching ? (
        <p
          className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-700"
          data-testid="review-empty"
        >
          {isFiltered(filter) ? t("emptyFiltered") : t("empty")}
        </p>
      ) : (
        <ol className="space-y-3" aria-label={t("listLabel")} data-testid="review-list">
          {rows.map((row) => (
            <ReviewRow
              key={row.entry.id}
              row={row}
              onDone={onDone}
              selected={selected.has(row.entry.id)}
              onSelect={(on) => select(row.entry.id, on)}
            />
          ))}
        </ol>
      )}

      {query.hasNextPage && (
        <button
          type="button"
          className={field.secondary}
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage
            ? tc("loading")
            : t("loadMore", { remaining: Math.max(0, total - rows.length) })}
        </button>
      )}
    </div>
  );
}
