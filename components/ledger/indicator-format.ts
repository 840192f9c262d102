"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { IndicatorDto } from "@/lib/ledger/schemas";

type Unit = IndicatorDto["unit"];

/** An indicator value with its unit: "3.5亿元" / "3.5 100 million yuan", "58%". */
export function useIndicatorFormat() {
  const format = useFormatter();
  const tu = useTranslations("indicatorUnit");
  const locale = useLocale();
  return (value: number, unit: Unit) => {
    const n = format.number(value, { maximumFractionDigits: 4 });
    if (unit === "PERCENT") return `${n}%`;
    return locale === "en" ? `${n} ${tu(unit)}` : `${n}${tu(unit)}`;
  };
}
