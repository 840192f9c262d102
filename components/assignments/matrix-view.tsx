"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { LoadError } from "@/components/ui/load-error";
import { field } from "@/components/ui/styles";
import { useHydrated } from "@/components/ui/use-hydrated";
import {
  assignmentQueries,
  matrixSearch,
  type MatrixParams,
} from "@/lib/assignments/query-options";
import type { Matrix } from "@/lib/assignments/schemas";
import { MatrixTable } from "./matrix-table";
import { MARKS, MarkBadge } from "./status-mark";
import {
  SelectionFilters,
  toSelection,
  type FilterOptions,
  type FilterValue,
} from "./selection-filters";

const PAGE_SIZES = [25, 50, 100, 200];

/**
 * The matrix with its filters and pager. The server renders the first page for the URL; later
 * pages and filters are read through the API, and the URL follows so a view can be shared.
 */
export function MatrixView({
  programmeId,
  initial,
  initialParams,
  initialFilter,
  options,
}: {
  programmeId: string;
  initial: Matrix;
  initialParams: MatrixParams;
  initialFilter: FilterValue;
  options: FilterOptions;
}) {
  const t = useTranslations("assignments.matrix");
  const tMarks = useTranslations("assignments.marks");
  const format = useFormatter();
  const hydrated = useHydrated();
  const [filter, setFilter] = useState(initialFilter);
  const [params, setParams] = useState<MatrixParams>(initialParams);
  const isInitial = JSON.stringify(params) === JSON.stringify(initialParams);
  const query = useQuery({
    ...assignmentQueries.matrix(programmeId, params),
    ...(isInitial ? { initialData: initial } : {}),
  });
  const matrix = query.data ?? initial;

  const go = (next: MatrixParams) => {
    setParams(next);
    const search = matrixSearch(next).toString();
    window.history.replaceState(null, "", search ? `?${search}` : window.location.pathname);
  };
  const changeFilter = (value: FilterValue) => {
    setFilter(value);
    const selection = toSelection(value);
    go({
      taskIds: params.taskIds,
      pageSize: params.pageSize,
      subtreeOf: selection.subtreeOf,
      supervisorIds: selection.supervisorIds,
      regions: selection.regions,
      functionalClasses: selection.functionalClasses,
      depths: selection.depths,
    });
  };
  const pages = Math.max(1, Math.ceil(matrix.total / matrix.pageSize));
  const page = matrix.page;
  const first = matrix.total ? (page - 1) * matrix.pageSize + 1 : 0;
  const last = Math.min(matrix.total, page * matrix.pageSize);

  return (
    <div
      className="space-y-4"
      data-testid="matrix-view"
      data-hydrated={hydrated ? "true" : "false"}
      data-total={matrix.total}
    >
      <SelectionFilters
        value={filter}
        onChange={changeFilter}
        options={options}
        idPrefix="matrix"
      />
      {params.taskIds?.length ? (
        <p className="text-sm text-slate-700">
          {t("someTasks", { count: params.taskIds.length })}{" "}
          <button
            type="button"
            className="text-brand-700 underline"
            onClick={() => go({ ...params, taskIds: undefined, page: undefined })}
          >
            {t("allTasks")}
          </button>
        </p>
      ) : null}
      <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
        <h2 className="text-sm font-semibold text-slate-900">{t("legend")}</h2>
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-800">
          {MARKS.map((mark) => (
            <li key={mark} className="flex items-center gap-1">
              <MarkBadge mark={mark} />
              <span aria-hidden="true">{tMarks(`${mark}.long`)}</span>
            </li>
          ))}
        </ul>
        <p className="mt-1 text-xs text-slate-700">{t("coverageHint")}</p>
      </div>
      {query.isError && <LoadError onRetry={() => void query.refetch()} />}
      <MatrixTable
        matrix={matrix}
        caption={t("caption", { total: format.number(matrix.total) })}
        isBusy={query.isFetching && !isInitial}
      />
      <nav
        aria-label={t("pager")}
        className="flex flex-wrap items-center justify-between gap-3 text-sm"
      >
        <p aria-live="polite" data-testid="matrix-range">
          {t("range", {
            first: format.number(first),
            last: format.number(last),
            total: format.number(matrix.total),
          })}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor="matrix-page-size" className="text-slate-800">
            {t("pageSize")}
          </label>
          <select
            id="matrix-page-size"
            value={matrix.pageSize}
            onChange={(event) =>
              go({ ...params, page: undefined, pageSize: Number(event.target.value) })
            }
            className="rounded-md border border-slate-400 bg-white px-2 py-1"
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
          <button
            type="button"
            className={field.secondary}
            disabled={page <= 1}
            onClick={() => go({ ...params, page: page - 1 })}
            data-testid="matrix-previous"
          >
            {t("previous")}
          </button>
          <span>{t("pageOf", { page, pages })}</span>
          <button
            type="button"
            className={field.secondary}
            disabled={page >= pages}
            onClick={() => go({ ...params, page: page + 1 })}
            data-testid="matrix-next"
          >
            {t("next")}
          </button>
        </div>
      </nav>
    </div>
  );
}
