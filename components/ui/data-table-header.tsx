"use client";

import { FlexRender, type Header, type RowData } from "@tanstack/react-table";
import clsx from "clsx";
import { useTranslations } from "next-intl";
import type { DataTableFeatures } from "./data-table-columns";
import { table as tableClass } from "./section";

/**
 * A column header: a button when the column sorts, with aria-sort on the cell and the order spelt
 * out for screen readers (the arrow is decoration).
 */
export function SortableHeader<TData extends RowData>({
  header,
}: {
  header: Header<DataTableFeatures, TData>;
}) {
  const t = useTranslations("ui.table");
  const column = header.column;
  const sorted = column.getIsSorted();
  const numeric = column.columnDef.meta?.numeric;
  return (
    <th
      scope="col"
      colSpan={header.colSpan}
      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
      className={clsx(
        numeric ? tableClass.thNum : tableClass.th,
        // Sticky cells lose collapsed borders: an inset shadow draws the line.
        "sticky top-0 z-10 shadow-[inset_0_-1px_0_var(--color-slate-300)]",
      )}
    >
      {header.isPlaceholder ? null : column.getCanSort() ? (
        <button
          type="button"
          onClick={column.getToggleSortingHandler()}
          data-testid={`sort-${column.id}`}
          className={clsx(
            "inline-flex items-center gap-1 rounded font-semibold hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-700",
            numeric && "flex-row-reverse",
          )}
        >
          <FlexRender header={header} />
          <span
            aria-hidden="true"
            className={clsx("text-xs", sorted ? "text-brand-700" : "text-slate-400")}
          >
            {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
          </span>
          {sorted && (
            <span className="sr-only">({sorted === "asc" ? t("sortedAsc") : t("sortedDesc")})</span>
          )}
        </button>
      ) : (
        <FlexRender header={header} />
      )}
    </th>
  );
}
