"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from "recharts";
import { asLocale, formatRate } from "@/components/ui/formats";
import type { DashboardDto } from "@/lib/dashboard/schemas";
import { localName } from "@/lib/i18n/config";
import { DASH, PALETTE } from "./chart-palette";
import { ChartLegend } from "./chart-legend";

/** Completion by category as horizontal bars, the target as a dashed line, values written on. */
export function CategoryChart({ rows }: { rows: DashboardDto["byCategory"] }) {
  const t = useTranslations("dashboard.category");
  const tt = useTranslations("dashboard.trend");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  const data = rows.map((row) => ({
    name: localName(row, locale),
    rate: row.ratePercent ?? 0,
  }));
  const target = rows.find((r) => r.target)?.target?.ratePercent ?? null;
  return (
    <div className="space-y-2" data-testid="category-chart">
      <ChartLegend
        items={[
          { key: "rate", label: tt("rate"), colour: PALETTE.rate },
          ...(target === null
            ? []
            : [{ key: "target", label: tt("target"), colour: PALETTE.target, dash: DASH.target }]),
        ]}
      />
      <div
        role="img"
        aria-label={t("chartLabel")}
        className="relative w-full overflow-hidden"
        style={{ height: Math.max(120, rows.length * 34 + 40) }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            layout="vertical"
            margin={{ top: 4, right: 56, bottom: 4, left: 4 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke={PALETTE.grid} strokeDasharray="2 4" horizontal={false} />
            <XAxis
              type="number"
              domain={[0, 100]}
              tickFormatter={(v: number) => `${v}%`}
              tick={{ fill: PALETTE.axis, fontSize: 11 }}
            />
            <YAxis
              type="category"
              dataKey="name"
              width={132}
              tick={{ fill: PALETTE.axis, fontSize: 11 }}
              tickFormatter={(name: string) => (name.length > 20 ? `${name.slice(0, 19)}…` : name)}
            />
            <Bar dataKey="rate" fill={PALETTE.rate} barSize={16} isAnimationActive={false}>
              <LabelList
                dataKey="rate"
                position="right"
                fontSize={11}
                fill={PALETTE.axis}
                formatter={(v) => (typeof v === "number" ? formatRate(format, v, 1) : "")}
              />
            </Bar>
            {target !== null && (
              <ReferenceLine
                x={target}
                stroke={PALETTE.target}
                strokeWidth={2}
                strokeDasharray={DASH.target}
              />
            )}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
