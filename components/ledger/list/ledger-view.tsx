"use client";

import { LoadError } from "@/components/ui/load-error";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { LedgerFilterOptions } from "@/lib/ledger/filter-options";
import {
  ledgerQueries,
  ledgerViewSearch,
  parseLedgerView,
  type LedgerView as View,
} from "@/lib/ledger/query-options";
import type { LedgerPage } from "@/lib/ledger/schemas";
import { LedgerFilters, type EnterpriseName } from "./ledger-filters";
import { LedgerTable } from "./ledger-table";
import { SavedViews } from "./saved-views";

const sameView = (a: View, b: View) =>
  ledgerViewSearch(a).toString() === ledgerViewSearch(b).toString();

/**
 * The work ledger: filters, the table and cursor paging. The server renders the first page of
 * the view in the URL; after that the client asks the API (TanStack Query) and writes the view
 * back into the URL with history.pushState, so a view can be shared and Back works.
 */
export function LedgerView({
  initialView,
  initialPage,
  options,
  selectedEnterprise,
  columnsStorageKey,
}: {
  initialView: View;
  initialPage: LedgerPage;
  options: LedgerFilterOptions;
  /** The enterprise filtered on in the URL the page was opened with, to name it in the picker. */
  selectedEnterprise: EnterpriseName | null;
  /** Where this user's hidden columns are remembered in the browser. */
  columnsStorageKey: string;
}) {
  const t = useTranslations("ledger.list");
  const tc = useTranslations("common");
  const format = useFormatter();
  const searchParams = useSearchParams();
  const hydrated = useHydrated();
  const urlView = useMemo(() => parseLedgerView(searchParams), [searchParams]);
  // The view answers at once (a checkbox must not bounce back while the URL catches up) and
  // follows the URL when it changes on its own (Back, Forward).
  const [view, setLocalView] = useState(urlView);
  const [lastUrlView, setLastUrlView] = useState(urlView);
  if (!sameView(lastUrlView, urlView)) {
    setLastUrlView(urlView);
    setLocalView(urlView);
  }

  const setView = useCallback((next: View) => {
    setLocalView(next);
    const search = ledgerViewSearch(next).toString();
    // Next.js syncs useSearchParams with pushState: no server round trip for a new filter.
    window.history.pushState(null, "", search ? `?${search}` : window.location.pathname);
  }, []);

  const query = useInfiniteQuery({
    ...ledgerQueries.list(view),
    initialData: sameView(view, initialView)
      ? { pages: [initialPage], pageParams: [null] }
      : undefined,
    placeholderData: keepPreviousData,
  });

  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  const last = query.data?.pages.at(-1);
  const total = last?.total ?? 0;
  // Counts stop at the cap (lib/ledger/list-items.ts): "1,000+" then, and no count of what is left.
  const capped = last?.totalCapped ?? false;
  const totalText = capped ? t("atLeast", { count: format.number(total) }) : format.number(total);
  const caption = t("caption", { shown: format.number(rows.length), total: totalText });
  const busy = query.isFetching && !query.isFetchingNextPage;
  const onSort = useCallback(
    (sort: View["sort"]) =>
      setView({
        ...view,
        sort,
        order: view.sort === sort && view.order === "asc" ? "desc" : "asc",
      }),
    [setView, view],
  );

  return (
    <div className="space-y-4" data-testid="ledger-view" data-hydrated={hydrated}>
      <SavedViews
        query={ledgerViewSearch(view).toString()}
        onApply={(saved) => setView(parseLedgerView(new URLSearchParams(saved)))}
      />
      <LedgerFilters
        view={view}
        onChange={setView}
        options={options}
        selectedEnterprise={selectedEnterprise}
      />

      <section
        aria-labelledby="ledger-results-heading"
        className="rounded-lg border border-slate-200 bg-white shadow-sm"
      >
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
          <h2 id="ledger-results-heading" className="text-base font-semibold text-slate-900">
            {t("total", { total: totalText })}
          </h2>
          <p role="status" className="text-sm text-slate-700" data-testid="ledger-count">
            {busy ? t("updating") : caption}
          </p>
        </div>
        <div className="p-4">
          {query.isError && !query.data ? (
            <LoadError message={t("loadFailed")} onRetry={() => void query.refetch()} />
          ) : (
            <LedgerTable
              rows={rows}
              caption={caption}
              view={view}
              busy={busy}
              onSort={onSort}
              storageKey={columnsStorageKey}
              emptyState={
                <span data-testid="ledger-empty">{busy ? tc("loading") : t("empty")}</span>
              }
              footer={
                query.hasNextPage && (
                  <button
                    type="button"
                    onClick={() => void query.fetchNextPage()}
                    disabled={query.isFetchingNextPage}
                    data-testid="load-more"
                    className="rounded-md border border-brand-700 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60"
                  >
                    {query.isFetchingNextPage
                      ? t("loadingMore")
                      : capped
                        ? t("loadMoreCapped")
                        : t("loadMore", {
                            remaining: format.number(Math.max(0, total - rows.length)),
                          })}
                  </button>
                )
              }
            />
          )}
          {query.isError && query.data && (
            <p role="alert" className="mt-2 text-sm text-red-800">
              {t("loadFailed")}
            </p>
          )}
        </div>
      </section>
    </div>
  );
}
