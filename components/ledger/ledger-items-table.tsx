"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { PercentBar, StatusBadge } from "@/components/ui/badges";
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import { asLocale, bilingual, formatDateTime, formatDay } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import { localName } from "@/lib/i18n/config";
import { LEDGER_STATUSES, type LedgerItemRow } from "@/lib/ledger/schemas";

const col = dataTableColumns<LedgerItemRow>();

/**
 * A dense table of ledger items: task, category, enterprise, main flag, due, status, progress, last
 * update. The page renders the rows on the server; sorting them happens here, in the browser.
 */
export function LedgerItemsTable({
  items,
  caption,
  showEnterprise = true,
}: {
  items: LedgerItemRow[];
  caption: string;
  showEnterprise?: boolean;
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
          sortDescFirst: false,
          cell: ({ row: { original: item } }) => (
            <>
              <span className="block font-mono text-xs text-slate-600">{item.task.code}</span>
              <Link href={`/ledger/${item.id}`} className={`${table.link} block min-w-48`}>
                {bilingual(locale, item.task.titleZh, item.task.titleEn)}
              </Link>
            </>
          ),
        }),
        col.accessor((item) => localName(item.category, locale), {
          id: "category",
          header: t("category"),
          sortDescFirst: false,
        }),
        ...(showEnterprise
          ? [
              col.accessor((item) => localName(item.enterprise, locale), {
                id: "enterprise",
                header: t("enterprise"),
                sortDescFirst: false,
                cell: ({ row: { original: item }, getValue }) => (
                  <Link
                    href={`/enterprises/${item.enterprise.id}`}
                    className={`${table.link} whitespace-nowrap`}
                  >
                    {getValue()}
                  </Link>
                ),
              }),
            ]
          : []),
        // Main items first when sorted.
        col.accessor((item) => (item.isMain ? 0 : 1), {
          id: "main",
          header: t("main"),
          sortDescFirst: false,
          cell: ({ row: { original: item } }) =>
            item.isMain ? t("mainShort") : <span className="sr-only">{tc("no")}</span>,
        }),
        col.accessor("dueDate", {
          id: "dueDate",
          header: t("dueDate"),
          sortDescFirst: false,
          cell: ({ getValue }) => (
            <span className="whitespace-nowrap tabular-nums">
              {formatDay(format, new Date(getValue()))}
            </span>
          ),
        }),
        // In workflow order, not by the name of the status.
        col.accessor((item) => LEDGER_STATUSES.indexOf(item.status), {
          id: "status",
          header: t("status"),
          sortDescFirst: false,
          cell: ({ row: { original: item } }) => (
            <span className="flex flex-wrap gap-1">
              <StatusBadge status={item.status} />
              {item.colour.reason.key === "overdue" && <StatusBadge status="OVERDUE" />}
            </span>
          ),
        }),
        col.accessor("percentDone", {
          id: "percentDone",
          header: t("percentDone"),
          cell: ({ getValue }) => (
            <span className="block whitespace-nowrap">
              <PercentBar
                value={getValue()}
                label={format.number(getValue() / 100, { style: "percent" })}
              />
            </span>
          ),
        }),
        // ISO instants sort as text; never updated sorts before any update.
        col.accessor((item) => item.lastEntryAt ?? "", {
          id: "lastUpdate",
          header: t("lastUpdate"),
          cell: ({ row: { original: item } }) => (
            <span className="whitespace-nowrap text-slate-700 tabular-nums">
              {item.lastEntryAt ? formatDateTime(format, new Date(item.lastEntryAt)) : tc("none")}
            </span>
          ),
        }),
      ]),
    [t, tc, format, locale, showEnterprise],
  );

  return (
    <DataTable
      data={items}
      columns={columns}
      getRowId={(item) => item.id}
      caption={caption}
      showCaption
      testId="ledger-items"
      rowTestId="ledger-items-row"
    />
  );
}
