import {
  columnVisibilityFeature,
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
  type Column,
  type ColumnDef,
  type RowData,
} from "@tanstack/react-table";

/** What a column may declare besides TanStack's own options. */
export type DataTableColumnMeta = {
  /** Plain-text name for the column menu and sort button, when `header` is not a string. */
  label?: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** Its cell names the row (rendered as a row header `<th scope="row">`). */
  rowHeader?: boolean;
};

/** One feature set for every table: the types of columns follow from it. */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: {
    alphanumeric: sortFn_alphanumeric,
    text: sortFn_text,
    datetime: sortFn_datetime,
    basic: sortFn_basic,
  },
  columnVisibilityFeature,
  columnMeta: {} as DataTableColumnMeta,
});
export type DataTableFeatures = typeof dataTableFeatures;
export type DataTableColumn<TData extends RowData> = ColumnDef<DataTableFeatures, TData>;

/** Typed column builders for a row type: `const col = dataTableColumns<Row>()`. */
export function dataTableColumns<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}

/** The column's name in menus and for screen readers. */
export function columnLabel<TData extends RowData>(
  column: Column<DataTableFeatures, TData>,
): string {
  const header = column.columnDef.header;
  return column.columnDef.meta?.label ?? (typeof header === "string" ? header : column.id);
}
