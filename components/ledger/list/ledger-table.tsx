"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useCallback, useMemo, useSyncExternalStore } from "react";
import { PercentBar, StatusBadge } from "@/components/ui/badges";
import { ColourBadge } from "@/components/ui/colour-badge";
import {
  DataTable,
  dataTableColumns,
  type ColumnVisibilityState,
  type SortingState,
} from "@/components/ui/data-table";
import { asLocale, bilingual, formatDateTime, formatDay } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import { localName } from "@/lib/i18n/config";
import type { LedgerView } from "@/lib/ledger/query-options";
import type { LedgerItemRow } from "@/lib/ledger/schemas";

type SortKey = LedgerView["sort"];

const col = dataTableColumns<LedgerItemRow>();

/**
 * The ledger as a dense table. The server sorts: the sortable columns are named after the API's
 * sort keys, the header shows the URL's sort, and a click asks the parent for the next view.
 */
export function LedgerTable({
  rows,
  caption,
  view,
  onSort,
  busy,
  footer,
  emptyState,
  storageKey,
}: {
  rows: LedgerItemRow[];
  caption: string;
  view: LedgerView;
  onSort: (sort: SortKey) => void;
  busy: boolean;
  footer?: React.ReactNode;
  emptyState?: React.ReactNode;
  /** Where the hidden columns are remembered in this browser (one key per user). */
  storageKey: string;
}) {
  const t = useTranslations("ledger");
  const tc = useTranslations("common");
  const format = useFormatter();
  const locale = asLocale(useLocale());

  const columns = useMemo(
    () =>
      col.columns([
        col.accessor((item) => item.task.code, {
          id: "task",
          header: t("task"),
          meta: { rowHeader: true },
          cell: ({ row: { original: item } }) => (
            <Link href={`/ledger/${item.id}`} className={`${table.link} block min-w-44`}>
              <span className="block font-mono text-xs text-slate-600">{item.task.code}</span>
              <span className="block">
                {bilingual(locale, item.task.titleZh, item.task.titleEn)}
              </span>
            </Link>
          ),
        }),
        col.accessor((item) => localName(item.category, locale), {
          id: "category",
          header: t("category"),
          enableSorting: false,
        }),
        col.accessor("isMain", {
          id: "main",
          header: t("mainShort"),
          enableSorting: false,
          cell: ({ getValue }) =>
            getValue() ? t("mainShort") : <span className="sr-only">{tc("no")}</span>,
        }),
        col.accessor((item) => localName(item.enterprise, locale), {
          id: "enterprise",
          header: t("enterprise"),
          cell: ({ getValue }) => <span className="block min-w-32">{getValue()}</span>,
        }),
        col.accessor("responsiblePerson", {
          id: "person",
          header: t("list.responsiblePerson"),
          enableSorting: false,
          cell: ({ getValue }) => getValue() ?? tc("none"),
        }),
        col.accessor("dueDate", {
          id: "dueDate",
          header: t("dueDate"),
          cell: ({ getValue }) => (
            <span className="block min-w-24 tabular-nums">
              {formatDay(format, new Date(getValue()))}
            </span>
          ),
        }),
        col.accessor("status", {
          id: "status",
          header: t("status"),
          cell: ({ row: { original: item } }) => (
            <span data-testid="row-status" data-status={item.status}>
              {item.notApplicable ? (
                <span className="text-xs text-slate-700">{t("list.notApplicable")}</span>
              ) : (
                <StatusBadge status={item.status} />
              )}
            </span>
          ),
        }),
        col.accessor("percentDone", {
          id: "percentDone",
          header: t("percentDone"),
          cell: ({ getValue }) => (
            <span className="block whitespace-nowrap" data-testid="row-percent">
              <PercentBar
                value={getValue()}
                label={format.number(getValue() / 100, { style: "percent" })}
              />
            </span>
          ),
        }),
        col.accessor("lastEntryAt", {
          id: "lastEntryAt",
          header: t("lastUpdate"),
          cell: ({ getValue }) => {
            const at = getValue();
            return (
              <span
                className="block min-w-28 text-slate-700 tabular-nums"
                data-testid="row-last-update"
              >
                {at ? formatDateTime(format, new Date(at)) : tc("none")}
              </span>
            );
          },
        }),
        col.accessor("colour", {
          id: "colour",
          header: t("list.colour"),
          cell: ({ getValue }) => <ColourBadge colour={getValue()} />,
        }),
      ]),
    [t, tc, format, locale],
  );

  const sorting = useMemo<SortingState>(
    () => [{ id: view.sort, desc: view.order === "desc" }],
    [view.sort, view.order],
  );
  // Only the clicked column matters: the parent decides the order, as the URL's rules say.
  const onSortingChange = useCallback(
    (next: SortingState) => onSort((next[0]?.id ?? view.sort) as SortKey),
    [onSort, view.sort],
  );

  const [columnVisibility, setColumnVisibility] = useStoredVisibility(storageKey);

  return (
    <DataTable
      data={rows}
      columns={columns}
      getRowId={(item) => item.id}
      caption={caption}
      sorting={sorting}
      onSortingChange={onSortingChange}
      manualSorting
      columnVisibility={columnVisibility}
      onColumnVisibilityChange={setColumnVisibility}
      isBusy={busy}
      footer={footer}
      emptyState={emptyState}
      testId="ledger-table"
      rowTestId="ledger-row"
    />
  );
}

// Hidden columns in localStorage, read through useSyncExternalStore: the server and the first
// client render show every column, then the stored choice applies without a hydration mismatch.
const storageListeners = new Set<() => void>();
// Where localStorage is refused (private mode, a full quota) the choice lasts until the page is left.
const fallbackStorage = new Map<string, string>();

function subscribeStorage(listener: () => void) {
  storageListeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    storageListeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return fallbackStorage.get(key) ?? null;
  }
}

function parseVisibility(raw: string | null): ColumnVisibilityState {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (!value || typeof value !== "object" || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter((entry): entry is [string, boolean] => {
        return typeof entry[1] === "boolean";
      }),
    );
  } catch {
    return {};
  }
}

function useStoredVisibility(
  key: string,
): [ColumnVisibilityState, (next: ColumnVisibilityState) => void] {
  const raw = useSyncExternalStore(
    subscribeStorage,
    () => readStorage(key),
    () => null,
  );
  const visibility = useMemo(() => parseVisibility(raw), [raw]);
  const setVisibility = useCallback(
    (next: ColumnVisibilityState) => {
      const raw = JSON.stringify(next);
      try {
        window.localStorage.setItem(key, raw);
      } catch {
        fallbackStorage.set(key, raw);
      }
      for (const listener of storageListeners) listener();
    },
    [key],
  );
  return [visibility, setVisibility];
}
