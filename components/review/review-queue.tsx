"use client";

import { useInfiniteQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { asLocale } from "@/components/ui/formats";
import { useHydrated } from "@/components/ui/use-hydrated";
import { localName } from "@/lib/i18n/config";
import { ApiError } from "@/lib/api/client";
import { Notice, field } from "@/components/ui/form";
import {
  reviewFilterSearch,
  reviewQueries,
  type ReviewFilter,
  type ReviewKind,
  type ReviewQueueItem,
  type ReviewQueuePage,
} from "@/lib/review/query-options";
import { ReviewRow, type DecisionOutcome } from "./review-row";

export type EnterpriseOption = { id: string; code: string; nameZh: string; nameEn: string };

const sameFilter = (a: ReviewFilter, b: ReviewFilter) =>
  a.kind === b.kind && a.late === b.late && a.enterpriseId === b.enterpriseId;

type Message = { tone: "success" | "error"; text: string };

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
  const locale = asLocale(useLocale());
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const [filter, setFilter] = useState<ReviewFilter>(initialFilter);
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  const options = reviewQueries.list(filter);
  const query = useInfiniteQuery({
    ...options,
    ...(sameFilter(filter, initialFilter)
      ? {
          initialData: { pages: [initialPage], pageParams: [null] },
          initialDataUpdatedAt: renderedAt,
        }
      : {}),
  });
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;

  const applyFilter = (next: ReviewFilter) => {
    setFilter(next);
    setMessage(null);
    const search = reviewFilterSearch(next).toString();
    // The address carries the view so it can be shared; no server round trip needed.
    window.history.replaceState(null, "", search ? `?${search}` : window.location.pathname);
  };

  const announce = (next: Message) => {
    setMessage(next);
    requestAnimationFrame(() => messageRef.current?.focus());
  };

  const onDone = (row: ReviewQueueItem, outcome: DecisionOutcome) => {
    const task = `${row.item.task.code} ${locale === "en" ? row.item.task.titleEn : row.item.task.titleZh}`;
    if (outcome.ok) {
      // The decided row leaves every cached view of the queue.
      queryClient.setQueriesData<InfiniteData<ReviewQueuePage>>(
        { queryKey: reviewQueries.all },
        (data) =>
          data
            ? {
                ...data,
                pages: data.pages.map((p) => {
                  const items = p.items.filter((i) => i.entry.id !== row.entry.id);
                  return {
                    ...p,
                    items,
                    total: p.total - (p.items.length - items.length > 0 ? 1 : 0),
                  };
                }),
              }
            : data,
      );
      const key =
        outcome.decision === "RETURN"
          ? "returned"
          : outcome.decision === "CONFIRM"
            ? "confirmed"
            : "approved";
      announce({ tone: "success", text: t(`done.${key}`, { task }) });
      void queryClient.invalidateQueries({ queryKey: reviewQueries.all, refetchType: "none" });
      return;
    }
    const status = outcome.error instanceof ApiError ? outcome.error.status : 0;
    const text =
      status === 409
        ? t("errors.alreadyDecided", { task })
        : status === 404
          ? t("errors.gone", { task })
          : status === 403
            ? t("errors.forbidden")
            : status === 0
              ? t("errors.network")
              : t("errors.failed", {
                  message: outcome.error instanceof Error ? outcome.error.message : "",
                });
    announce({ tone: "error", text });
    if (status === 409 || status === 404)
      void queryClient.invalidateQueries({ queryKey: reviewQueries.all });
  };

  const kindOptions: ReviewKind[] = ["PROGRESS", "NO_CHANGE", "COMPLETION_CLAIM"];

  return (
    <div
      className="space-y-4"
      data-testid="review-queue"
      data-hydrated={hydrated ? "true" : "false"}
    >
      <form
        role="search"
        aria-label={t("filters.heading")}
        className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        onSubmit={(e) => e.preventDefault()}
        data-testid="review-filters"
      >
        <div>
          <label htmlFor="review-kind" className={field.label}>
            {t("filters.kind")}
          </label>
          <select
            id="review-kind"
            value={filter.kind ?? ""}
            onChange={(e) =>
              applyFilter({
                ...filter,
                kind: (e.target.value || undefined) as ReviewKind | undefined,
              })
            }
            className={field.input()}
          >
            <option value="">{t("filters.allKinds")}</option>
            {kindOptions.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="review-enterprise" className={field.label}>
            {t("filters.enterprise")}
          </label>
          <select
            id="review-enterprise"
            value={filter.enterpriseId ?? ""}
            onChange={(e) => applyFilter({ ...filter, enterpriseId: e.target.value || undefined })}
            className={field.input()}
          >
            <option value="">{t("filters.allEnterprises")}</option>
            {enterprises.map((e) => (
              <option key={e.id} value={e.id}>
                {localName(e, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-2 pb-2">
          <input
            id="review-late"
            type="checkbox"
            checked={Boolean(filter.late)}
            onChange={(e) => applyFilter({ ...filter, late: e.target.checked || undefined })}
            className="h-4 w-4 rounded border-slate-400 accent-brand-700"
          />
          <label htmlFor="review-late" className="text-sm font-medium text-slate-800">
            {t("filters.lateOnly")}
          </label>
        </div>
        {(filter.kind || filter.late || filter.enterpriseId) && (
          <button
            type="button"
            className={`${field.secondary} mb-0.5`}
            onClick={() => applyFilter({})}
          >
            {t("filters.clear")}
          </button>
        )}
      </form>

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

      <p className="text-sm text-slate-700" data-testid="review-total" aria-live="polite">
        {query.isFetching && !query.isFetchingNextPage
          ? tc("loading")
          : t("total", { count: total })}
      </p>

      {query.isError && !query.data ? (
        <Notice tone="error">
          {tc("loadFailed")}{" "}
          <button
            type="button"
            onClick={() => void query.refetch()}
            className="underline focus-visible:outline-2 focus-visible:outline-brand-700"
          >
            {tc("retry")}
          </button>
        </Notice>
      ) : rows.length === 0 && !query.isFetching ? (
        <p
          className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-700"
          data-testid="review-empty"
        >
          {filter.kind || filter.late || filter.enterpriseId ? t("emptyFiltered") : t("empty")}
        </p>
      ) : (
        <ol className="space-y-3" aria-label={t("listLabel")} data-testid="review-list">
          {rows.map((row) => (
            <ReviewRow key={row.entry.id} row={row} onDone={onDone} />
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
