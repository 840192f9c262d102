"use client";

import clsx from "clsx";
import { useLocale, useTranslations } from "next-intl";
import { useIndicatorFormat } from "@/components/ledger/indicator-format";
import { asLocale } from "@/components/ui/formats";
import { localName } from "@/lib/i18n/config";
import type { ReviewQueueItem } from "@/lib/review/query-options";

const STANDING_CLASS = {
  met: "bg-green-50 text-green-900 ring-green-300",
  notMet: "bg-red-50 text-red-900 ring-red-300",
  noValue: "bg-amber-50 text-amber-900 ring-amber-300",
  noTarget: "bg-slate-50 text-slate-800 ring-slate-300",
} as const;

/** Each indicator: this entry's value against the target and the value reported before it. */
export function ReviewIndicators({ row }: { row: ReviewQueueItem }) {
  const t = useTranslations("review");
  const tc = useTranslations("indicatorCheck");
  const locale = asLocale(useLocale());
  const fmt = useIndicatorFormat();
  if (!row.indicators.length) return null;
  return (
    <div className="overflow-x-auto text-sm">
      <table className="w-full min-w-[32rem] text-left" data-testid="review-indicators">
        <caption className="mb-1 text-left font-medium text-slate-800">{t("indicators")}</caption>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3 font-normal">
              {t("indicator")}
            </th>
            <th scope="col" className="py-1 pr-3 font-normal">
              {t("value")}
            </th>
            <th scope="col" className="py-1 pr-3 font-normal">
              {t("target")}
            </th>
            <th scope="col" className="py-1 pr-3 font-normal">
              {t("previous")}
            </th>
            <th scope="col" className="py-1 font-normal">
              {t("standing")}
            </th>
          </tr>
        </thead>
        <tbody>
          {row.indicators.map((ind) => (
            <tr
              key={ind.id}
              className="border-t border-slate-100 align-top"
              data-testid="review-indicator"
              data-code={ind.code}
            >
              <th scope="row" className="py-1 pr-3 font-medium text-slate-900">
                {localName(ind, locale)}
              </th>
              <td className="py-1 pr-3 tabular-nums" data-testid="review-indicator-value">
                {ind.value === null ? "—" : fmt(ind.value, ind.unit)}
                {ind.warnings.length > 0 && (
                  <p className="text-xs text-amber-900" data-testid="review-indicator-warning">
                    {ind.warnings.map((w) => tc(w.key, w.values)).join(" ")}
                  </p>
                )}
              </td>
              <td className="py-1 pr-3 tabular-nums">
                {ind.target === null ? "—" : fmt(ind.target, ind.unit)}
              </td>
              <td className="py-1 pr-3 tabular-nums" data-testid="review-indicator-previous">
                {ind.previous
                  ? t("previousAt", {
                      value: fmt(ind.previous.value, ind.unit),
                      period: ind.previous.period,
                    })
                  : "—"}
              </td>
              <td className="py-1">
                <span
                  className={clsx(
                    "rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
                    STANDING_CLASS[ind.standing],
                  )}
                  data-testid="review-indicator-standing"
                  data-standing={ind.standing}
                >
                  {tc(ind.standing)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
