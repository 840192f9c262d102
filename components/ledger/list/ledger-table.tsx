"use client";

import clsx from "clsx";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { PercentBar, StatusBadge } from "@/components/ui/badges";
import { asLocale, bilingual, formatDateTime, formatDay } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import { localName } from "@/lib/i18n/config";
import type { LedgerView } from "@/lib/ledger/query-options";
import type { LedgerItemRow } from "@/lib/ledger/schemas";
import { ColourBadge } from "@/components/ui/colour-badge";

type SortKey = LedgerView["sort"];

type Column = { id: string; label: string; sort?: SortKey; numeric?: boolean };

/** The ledger as a dense table; sortable headers are buttons, the current sort is `aria-sort`. */
export function LedgerTable({
  rows,
  caption,
  view,
  onSort,
  busy,
}: {
  rows: LedgerItemRow[];
  caption: string;
  view: LedgerView;
  onSort: (sort: SortKey) => void;
  busy: boolean;
}) {
  const t = useTranslations("ledger");
  const tc = useTranslations("common");
  const format = useFormatter();
  const locale = asLocale(useLocale());

  const columns: Column[] = [
    { id: "task", label: t("task"), sort: "task" },
    { id: "category", label: t("category") },
    { id: "main", label: t("mainShort") },
    { id: "enterprise", label: t("enterprise"), sort: "enterprise" },
    { id: "person", label: t("list.responsiblePerson") },
    { id: "dueDate", label: t("dueDate"), sort: "dueDate" },
    { id: "status", label: t("status"), sort: "status" },
    { id: "percentDone", label: t("percentDone"), sort: "percentDone" },
    { id: "lastUpdate", label: t("lastUpdate"), sort: "lastEntryAt" },
    { id: "colour", label: t("list.colour") },
  ];

  return (
    <div className={table.wrapper}>
      <table className={table.table} data-testid="ledger-table" aria-busy={busy}>
        <caption className={clsx(table.caption, "sr-only")}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = column.sort && view.sort === column.sort;
              return (
                <th
                  key={column.id}
                  scope="col"
                  className={table.th}
                  aria-sort={
                    sorted ? (view.order === "asc" ? "ascending" : "descending") : undefined
                  }
                >
                  {column.sort ? (
                    <button
                      type="button"
                      onClick={() => onSort(column.sort!)}
                      className="inline-flex items-center gap-1 rounded text-left font-semibold hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-700"
                      data-testid={`sort-${column.sort}`}
                    >
                      {column.label}
                      <SortIcon state={sorted ? view.order : null} />
                      {sorted && (
                        <span className="sr-only">
                          ({view.order === "asc" ? t("list.sortedAsc") : t("list.sortedDesc")})
                        </span>
                      )}
                    </button>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className={clsx(busy && "opacity-60")}>
          {rows.map((item) => (
            <tr key={item.id} className={table.tr} data-testid="ledger-row" data-item-id={item.id}>
              <th scope="row" className={`${table.td} text-left font-normal`}>
                <Link href={`/ledger/${item.id}`} className={`${table.link} block min-w-44`}>
                  <span className="block font-mono text-xs text-slate-600">{item.task.code}</span>
                  <span className="block">
                    {bilingual(locale, item.task.titleZh, item.task.titleEn)}
                  </span>
                </Link>
              </th>
              <td className={table.td}>{localName(item.category, locale)}</td>
              <td className={table.td}>
                {item.isMain ? t("mainShort") : <span className="sr-only">{tc("no")}</span>}
              </td>
              <td className={`${table.td} min-w-32`}>{localName(item.enterprise, locale)}</td>
              <td className={table.td}>{item.responsiblePerson ?? tc("none")}</td>
              <td className={`${table.td} min-w-24 tabular-nums`}>
                {formatDay(format, new Date(item.dueDate))}
              </td>
              <td className={table.td} data-testid="row-status" data-status={item.status}>
                {item.notApplicable ? (
                  <span className="text-xs text-slate-700">{t("list.notApplicable")}</span>
                ) : (
                  <StatusBadge status={item.status} />
                )}
              </td>
              <td className={`${table.td} whitespace-nowrap`} data-testid="row-percent">
                <PercentBar
                  value={item.percentDone}
                  label={format.number(item.percentDone / 100, { style: "percent" })}
                />
              </td>
              <td
                className={`${table.td} min-w-28 tabular-nums text-slate-700`}
                data-testid="row-last-update"
              >
                {item.lastEntryAt ? formatDateTime(format, new Date(item.lastEntryAt)) : tc("none")}
              </td>
              <td className={table.td}>
                <ColourBadge colour={item.colour} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SortIcon({ state }: { state: "asc" | "desc" | null }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 10 14" className="h-3 w-2.5 shrink-0">
      <path d="M5 1l4 5H1z" className={state === "asc" ? "fill-current" : "fill-slate-400"} />
      <path d="M5 13l4-5H1z" className={state === "desc" ? "fill-current" : "fill-slate-400"} />
    </svg>
  );
}
