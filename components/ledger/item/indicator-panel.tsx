"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useHydrated } from "@/components/ui/use-hydrated";
import { asLocale, formatDateTime } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import { localName } from "@/lib/i18n/config";
import type { IndicatorDto } from "@/lib/ledger/schemas";
import { useIndicatorFormat } from "@/components/ledger/indicator-format";

const RECENT_ROWS = 6;

/** One indicator: baseline, target, the actuals as a small line chart and, for everyone, as a table. */
export function IndicatorCard({ indicator }: { indicator: IndicatorDto }) {
  const t = useTranslations("ledger.indicators");
  const tc = useTranslations("common");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  const formatValue = useIndicatorFormat();
  const name = localName(indicator, locale);
  const latest = indicator.actuals.at(-1);
  const [showAll, setShowAll] = useState(false);
  const newestFirst = [...indicator.actuals].reverse();
  const rows = showAll ? newestFirst : newestFirst.slice(0, RECENT_ROWS);
  const headingId = `indicator-${indicator.id}`;

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-md border border-slate-200 p-3"
      data-testid="indicator"
      data-indicator-code={indicator.code}
    >
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        {name}{" "}
        <span className="font-mono text-xs font-normal text-slate-600">{indicator.code}</span>
      </h3>
      <p className="text-xs text-slate-600">
        {indicator.direction === "INCREASE" ? t("increase") : t("decrease")}
      </p>
      <dl className="mt-2 grid grid-cols-3 gap-2 text-sm">
        <div>
          <dt className="text-xs text-slate-600">{t("baseline")}</dt>
          <dd className="font-medium tabular-nums">
            {indicator.baseline === null
              ? tc("none")
              : formatValue(indicator.baseline, indicator.unit)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">{t("target")}</dt>
          <dd className="font-medium tabular-nums">
            {indicator.target === null ? tc("none") : formatValue(indicator.target, indicator.unit)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">{t("latest")}</dt>
          <dd className="font-medium tabular-nums" data-testid="indicator-latest">
            {latest ? formatValue(latest.value, indicator.unit) : tc("none")}
          </dd>
        </div>
      </dl>
      {indicator.actuals.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t("noActuals")}</p>
      ) : (
        <>
          <ActualsChart indicator={indicator} label={t("chartLabel", { name })} />
          <div className={`${table.wrapper} mt-2`}>
            <table className={table.table} data-testid="indicator-table">
              <caption className="sr-only">{t("tableCaption", { name })}</caption>
              <thead>
                <tr>
                  <th scope="col" className={table.th}>
                    {t("period")}
                  </th>
                  <th scope="col" className={table.thNum}>
                    {t("value")}
                  </th>
                  <th scope="col" className={table.th}>
                    {t("recordedAt")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr key={`${a.entryId}`} className={table.tr}>
                    <th scope="row" className={`${table.td} text-left font-normal tabular-nums`}>
                      {a.period}
                    </th>
                    <td className={table.tdNum}>{formatValue(a.value, indicator.unit)}</td>
                    <td className={`${table.td} whitespace-nowrap text-slate-700`}>
                      {formatDateTime(format, new Date(a.at))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {newestFirst.length > RECENT_ROWS && (
            <button
              type="button"
              onClick={() => setShowAll((v) => !v)}
              aria-expanded={showAll}
              className="mt-2 text-sm text-brand-700 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-brand-700"
            >
              {showAll
                ? t("showLess", { count: RECENT_ROWS })
                : t("showAll", { count: newestFirst.length })}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/**
 * The chart is a picture of the table below it: hidden from assistive technology (the table
 * carries the numbers) and drawn only in the browser (it measures its container).
 */
function ActualsChart({ indicator, label }: { indicator: IndicatorDto; label: string }) {
  const t = useTranslations("ledger.indicators");
  const format = useFormatter();
  const mounted = useHydrated();
  const data = indicator.actuals.map((a, i) => ({
    key: `${a.period}#${i}`,
    period: a.period,
    value: a.value,
  }));
  const number = (v: number) => format.number(v, { maximumFractionDigits: 2, notation: "compact" });

  return (
    <figure className="mt-2">
      <div aria-hidden="true" className="h-40 w-full">
        {mounted && (
          <ResponsiveContainer width="100%" height="100%">
            <LineChart
              data={data}
              margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
              accessibilityLayer={false}
            >
              <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
              <XAxis
                dataKey="key"
                tickFormatter={(k: string) => k.split("#")[0] ?? k}
                tick={{ fontSize: 11, fill: "#334155" }}
              />
              <YAxis
                width={48}
                tickFormatter={number}
                tick={{ fontSize: 11, fill: "#334155" }}
                domain={["auto", "auto"]}
              />
              {indicator.target !== null && (
                <ReferenceLine
                  y={indicator.target}
                  ifOverflow="extendDomain"
                  stroke="#15803d"
                  strokeDasharray="4 4"
                  label={{
                    value: t("target"),
                    position: "insideTopRight",
                    fontSize: 11,
                    fill: "#15803d",
                  }}
                />
              )}
              {indicator.baseline !== null && (
                <ReferenceLine
                  y={indicator.baseline}
                  ifOverflow="extendDomain"
                  stroke="#64748b"
                  strokeDasharray="2 4"
                  label={{
                    value: t("baseline"),
                    position: "insideBottomRight",
                    fontSize: 11,
                    fill: "#475569",
                  }}
                />
              )}
              <Tooltip
                labelFormatter={(k) => String(k).split("#")[0]}
                formatter={(v) => [
                  format.number(Number(v), { maximumFractionDigits: 4 }),
                  t("actual"),
                ]}
              />
              <Line
                type="monotone"
                dataKey="value"
                name={t("actual")}
                stroke="#1d4ed8"
                strokeWidth={2}
                dot={{ r: 3 }}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
