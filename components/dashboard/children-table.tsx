"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { PercentBar } from "@/components/ui/badges";
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import { asLocale, formatRate } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import type { DashboardDto, DashboardQuery } from "@/lib/dashboard/schemas";
import { localName } from "@/lib/i18n/config";
import { ReachText } from "./forecast-panel";
import { dashboardHref, ledgerHref } from "./links";
import { StandingBadge } from "./standing-badge";

type Row = DashboardDto["children"][number];
const col = dataTableColumns<Row>();
const STANDING_ORDER = { behind: 0, onTrack: 1, met: 2, none: 3 } as const;

/** The units under the node, sortable, each linking to its own dashboard and its items. */
export function ChildrenTable({
  rows,
  asOf,
  query,
  caption,
}: {
  rows: Row[];
  asOf: string;
  /** The view's programme and dates, kept when opening a unit's dashboard. */
  query: Pick<DashboardQuery, "programmeId" | "asOf" | "compareTo">;
  caption: string;
}) {
  const t = useTranslations("dashboard.children");
  const none = useTranslations("common")("none");
  const format = useFormatter();
  const locale = asLocale(useLocale());

  const columns = useMemo(() => {
    const count = (key: "total" | "completed" | "red" | "yellow", drill?: "total" | "completed") =>
      col.accessor(key, {
        header: t(key),
        meta: { numeric: true },
        cell: (info) =>
          drill ? (
            <Link
              href={ledgerHref(info.row.original.drillDown[drill])}
              className={table.link}
              data-testid={`child-${key}`}
            >
              {format.number(info.getValue())}
            </Link>
          ) : (
            format.number(info.getValue())
          ),
      });
    const reach = (rate: number) => (r: Row) =>
      r.forecast.reach.find((x) => x.ratePercent === rate)?.on ?? "9999-12-31";
    const pct = (v: number | null) => (v === null ? none : formatRate(format, v));
    return col.columns([
      col.accessor((r) => localName(r, locale), {
        id: "name",
        header: t("name"),
        meta: { rowHeader: true },
        cell: (info) => {
          const r = info.row.original;
          const node = r.type === "enterprise" ? { enterpriseId: r.id } : { supervisorId: r.id };
          return (
            <Link
              href={dashboardHref({ ...query, ...node })}
              className={`${table.link} font-medium`}
              data-testid="child-dashboard"
            >
              {info.getValue()}
            </Link>
          );
        },
      }),
      count("total", "total"),
      count("completed", "completed"),
      col.accessor((r) => r.ratePercent ?? -1, {
        id: "rate",
        header: t("rate"),
        cell: (info) => (
          <PercentBar
            value={info.row.original.ratePercent}
            label={pct(info.row.original.ratePercent)}
          />
        ),
      }),
      col.accessor((r) => r.weightedProgressPercent ?? -1, {
        id: "weighted",
        header: t("weighted"),
        meta: { numeric: true },
        cell: (info) => pct(info.row.original.weightedProgressPercent),
      }),
      count("red"),
      count("yellow"),
      col.accessor((r) => STANDING_ORDER[r.standing], {
        id: "standing",
        header: t("standing"),
        cell: (info) => <StandingBadge standing={info.row.original.standing} />,
      }),
      ...([70, 100] as const).map((rate) =>
        col.accessor(reach(rate), {
          id: `reach${rate}`,
          header: t(rate === 70 ? "reach70" : "reach100"),
          cell: (info) => {
            const r = info.row.original.forecast.reach.find((x) => x.ratePercent === rate);
            return r ? <ReachText reach={r} asOf={asOf} /> : none;
          },
        }),
      ),
    ]);
  }, [t, none, format, locale, query, asOf]);

  return (
    <DataTable
      data={rows}
      columns={columns}
      getRowId={(r) => r.id}
      caption={caption}
      initialSorting={[{ id: "rate", desc: true }]}
      emptyState={t("empty")}
      scrollClassName="max-h-none print:overflow-visible"
      testId="children-table"
      rowTestId="child-row"
    />
  );
}
