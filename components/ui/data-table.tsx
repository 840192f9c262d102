"use client";

import {
  functionalUpdate,
  useTable,
  type ColumnVisibilityState,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import clsx from "clsx";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { columnLabel, dataTableFeatures, type DataTableColumn } from "./data-table-columns";
import { SortableHeader } from "./data-table-header";
import { CheckMenuButton } from "./menu";
import { table as tableClass } from "./section";

export { dataTableColumns, dataTableFeatures } from "./data-table-columns";
export type { DataTableColumn, DataTableColumnMeta, DataTableFeatures } from "./data-table-columns";
export type { ColumnVisibilityState, SortingState };

export type DataTableProps<TData extends RowData> = {
  /** Keep `data` and `columns` stable (state, memo or module scope): new arrays re-run the models. */
  data: ReadonlyArray<TData>;
  columns: ReadonlyArray<DataTableColumn<TData>>;
  /** Stable row ids (database ids): React keys and `data-row-id` for tests. */
  getRowId: (row: TData, index: number) => string;
  /** Names the table for screen readers; shown above it when `showCaption`. */
  caption: string;
  showCaption?: boolean;
  /** Controlled sorting; with `manualSorting` the rows are shown in the order given (server). */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  manualSorting?: boolean;
  initialSorting?: SortingState;
  columnVisibility?: ColumnVisibilityState;
  onColumnVisibilityChange?: (visibility: ColumnVisibilityState) => void;
  initialColumnVisibility?: ColumnVisibilityState;
  /** The menu of columns to show or hide. */
  showColumnToggle?: boolean;
  /** Controls shown left of the column menu (filters, counts). */
  toolbar?: React.ReactNode;
  /** Shown in place of rows when there are none. */
  emptyState?: React.ReactNode;
  /** Below the table, outside the scroll area: "load more", totals. */
  footer?: React.ReactNode;
  /** A newer page or order is on its way: rows are dimmed and aria-busy is set. */
  isBusy?: boolean;
  /** The scroll area's height limit, which is what keeps the header in view. */
  scrollClassName?: string;
  testId?: string;
  rowTestId?: string;
};

/** A sortable table with a sticky header and a column menu, on TanStack Table. */
export function DataTable<TData extends RowData>({
  data,
  columns,
  getRowId,
  caption,
  showCaption = false,
  sorting,
  onSortingChange,
  manualSorting = false,
  initialSorting,
  columnVisibility,
  onColumnVisibilityChange,
  initialColumnVisibility,
  showColumnToggle = true,
  toolbar,
  emptyState,
  footer,
  isBusy = false,
  scrollClassName = "max-h-[70vh]",
  testId = "data-table",
  rowTestId = "data-table-row",
}: DataTableProps<TData>) {
  const t = useTranslations("ui.table");
  const captionId = useId();

  // A slice is controlled only when the caller passes its value; otherwise the table keeps it.
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId,
    manualSorting,
    enableMultiSort: false,
    initialState: {
      sorting: initialSorting ?? [],
      columnVisibility: initialColumnVisibility ?? {},
    },
    state: {
      ...(sorting ? { sorting } : {}),
      ...(columnVisibility ? { columnVisibility } : {}),
    },
    ...(sorting && onSortingChange
      ? { onSortingChange: (updater) => onSortingChange(functionalUpdate(updater, sorting)) }
      : {}),
    ...(columnVisibility && onColumnVisibilityChange
      ? {
          onColumnVisibilityChange: (updater) =>
            onColumnVisibilityChange(functionalUpdate(updater, columnVisibility)),
        }
      : {}),
  });

  const hideable = table.getAllLeafColumns().filter((column) => column.getCanHide());
  const visibleIds = hideable.filter((column) => column.getIsVisible()).map((c) => c.id);
  const visibleCount = table.getVisibleLeafColumns().length;
  const rows = table.getRowModel().rows;

  return (
    <div data-testid={testId}>
      {(toolbar || (showColumnToggle && hideable.length > 1)) && (
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <div className="flex flex-wrap items-center gap-2">{toolbar}</div>
          {showColumnToggle && hideable.length > 1 && (
            <CheckMenuButton
              label={t("columns")}
              aria-label={t("showColumns")}
              testId={`${testId}-columns`}
              options={hideable.map((column) => ({ id: column.id, label: columnLabel(column) }))}
              selected={visibleIds}
              // Never an empty table: the last visible column cannot be hidden.
              disabled={visibleCount <= 1 ? visibleIds : []}
              onChange={(ids) =>
                table.setColumnVisibility((previous) => ({
                  ...previous,
                  ...Object.fromEntries(
                    hideable.map((column) => [column.id, ids.includes(column.id)]),
                  ),
                }))
              }
            />
          )}
        </div>
      )}
      {/* Focusable so keyboard users can scroll it; named by the caption. Positioned, so the
          cells' visually hidden (absolute) texts stay inside it instead of widening the page. */}
      <div
        role="region"
        aria-labelledby={captionId}
        tabIndex={0}
        className={clsx(
          "relative overflow-auto rounded-md border border-slate-200 focus-visible:outline-2 focus-visible:outline-brand-700",
          scrollClassName,
        )}
      >
        <table className={tableClass.table} aria-busy={isBusy || undefined}>
          <caption id={captionId} className={clsx(tableClass.caption, !showCaption && "sr-only")}>
            {caption}
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <SortableHeader key={header.id} header={header} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody className={clsx(isBusy && "opacity-60")}>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={visibleCount} className="px-3 py-8 text-center text-sm text-slate-600">
                  {emptyState ?? t("empty")}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr
                  key={row.id}
                  className={tableClass.tr}
                  data-testid={rowTestId}
                  data-row-id={row.id}
                >
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta;
                    const className = meta?.numeric ? tableClass.tdNum : tableClass.td;
                    return meta?.rowHeader ? (
                      <th
                        key={cell.id}
                        scope="row"
                        className={clsx(className, "text-left font-normal")}
                      >
                        <table.FlexRender cell={cell} />
                      </th>
                    ) : (
                      <td key={cell.id} className={className}>
                        <table.FlexRender cell={cell} />
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {footer && <div className="mt-3 flex justify-center">{footer}</div>}
    </div>
  );
}
