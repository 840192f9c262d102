"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type LabelProps,
} from "recharts";
import { formatRate } from "@/components/ui/formats";
import type { DashboardDto } from "@/lib/dashboard/schemas";
import { DASH, PALETTE } from "./chart-palette";
import { ChartLegend } from "./chart-legend";
import { MonthTable } from "./month-table";
import { trendSeries, type TrendDatum } from "./trend-series";

type Series = "rate" | "target" | "forecast";

/** Writes the series' name beside its last point: a direct label, not a colour key. */
function endLabel(data: TrendDatum[], key: Series, text: string, colour: string) {
  const lastIndex = data.findLastIndex((d) => d[key] !== null);
  function EndLabel(props: LabelProps) {
    const { x, y, index } = props as LabelProps & { index?: number };
    if (index !== lastIndex || typeof x !== "number" || typeof y !== "number") return null;
    return (
      <text x={x + 6} y={y} dy={key === "target" ? -6 : 4} fill={colour} fontSize={11}>
        {text}
      </text>
    );
  }
  return EndLabel;
}

/**
 * The completion rate by month against the target line (a step), with the forecast at the
 * current pace dashed; the same numbers follow as a table for screen readers and print.
 */
export function TrendChart({ dashboard }: { dashboard: DashboardDto }) {
  const t = useTranslations("dashboard.trend");
  const format = useFormatter();
  const data = useMemo(() => trendSeries(dashboard), [dashboard]);
  const actual = dashboard.trend.filter((p) => p.ratePercent !== null);
  const first = actual[0];
  const last = actual.at(-1);
  const pct = (v: number) => formatRate(format, v, 1);
  const summary =
    first && last
      ? t("summary", {
          first: pct(first.ratePercent!),
          firstMonth: first.month,
          last: pct(last.ratePercent!),
          lastMonth: last.month,
        })
      : t("empty");
  const names: Record<Series, string> = {
    rate: t("rate"),
    target: t("target"),
    forecast: t("forecast"),
  };

  if (!dashboard.trend.length) return <p className="text-sm text-slate-700">{t("empty")}</p>;
  return (
    <figure className="space-y-3" data-testid="trend-chart">
      <ChartLegend
        items={(["rate", "target", "forecast"] as const).map((key) => ({
          key,
          label: names[key],
          colour: PALETTE[key],
          dash: DASH[key],
        }))}
      />
      <div
        role="img"
        aria-label={t("chartLabel", { summary })}
        className="relative h-64 w-full overflow-hidden print:h-56"
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={data}
            margin={{ top: 12, right: 72, bottom: 4, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke={PALETTE.grid} strokeDasharray="2 4" />
            <XAxis dataKey="month" tick={{ fill: PALETTE.axis, fontSize: 11 }} minTickGap={16} />
            <YAxis
              domain={[0, 100]}
              tickFormatter={(v: number) => `${v}%`}
              tick={{ fill: PALETTE.axis, fontSize: 11 }}
              width={44}
            />
            <Tooltip
              formatter={(value, name) => [
                typeof value === "number" ? pct(value) : String(value),
                names[name as Series] ?? String(name),
              ]}
            />
            <Line
              type="stepAfter"
              dataKey="target"
              stroke={PALETTE.target}
              strokeWidth={2}
              strokeDasharray={DASH.target}
              dot={false}
              isAnimationActive={false}
              label={endLabel(data, "target", names.target, PALETTE.target)}
            />
            <Line
              type="linear"
              dataKey="rate"
              stroke={PALETTE.rate}
              strokeWidth={2.5}
              dot={{ r: 3, fill: PALETTE.rate }}
              isAnimationActive={false}
              label={endLabel(data, "rate", names.rate, PALETTE.rate)}
            />
            <Line
              type="linear"
              dataKey="forecast"
              stroke={PALETTE.forecast}
              strokeWidth={2}
              strokeDasharray={DASH.forecast}
              dot={{ r: 3, fill: "#fff", stroke: PALETTE.forecast }}
              connectNulls
              isAnimationActive={false}
              label={endLabel(data, "forecast", names.forecast, PALETTE.forecast)}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{t("caption")}</figcaption>
      <details className="text-sm" data-testid="trend-table-toggle">
        <summary className="cursor-pointer text-brand-700 underline print:hidden">
          {t("showTable")}
        </summary>
        <MonthTable points={dashboard.trend} caption={t("caption")} />
      </details>
    </figure>
  );
}
