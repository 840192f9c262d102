import { useTranslations } from "next-intl";
import { useLocale } from "next-intl";
import { asLocale } from "@/components/ui/formats";
import { localName } from "@/lib/i18n/config";
import {
  checkIndicatorValue,
  meetsTarget,
  type IndicatorWarning,
} from "@/lib/ledger/indicator-check";
import type { IndicatorDto } from "@/lib/ledger/schemas";
import type { EntryFormValues } from "./entry-form-model";

/** The value last reported for an indicator (the server skips returned entries; it has the say). */
export const previousValue = (indicator: IndicatorDto) => indicator.actuals.at(-1)?.value ?? null;

const parse = (raw: string | undefined) => {
  const text = raw?.trim() ?? "";
  const n = Number(text);
  return text === "" || !Number.isFinite(n) ? null : n;
};

/** The warnings of each typed value, by the form's indicator index (lib/ledger/indicator-check.ts). */
export function warningsFor(
  indicators: IndicatorDto[],
  values: EntryFormValues["indicators"] | undefined,
): Map<number, IndicatorWarning[]> {
  const out = new Map<number, IndicatorWarning[]>();
  indicators.forEach((indicator, index) => {
    const value = parse(values?.[index]?.value);
    if (value === null) return;
    const { warnings } = checkIndicatorValue(indicator, previousValue(indicator), value);
    if (warnings.length) out.set(index, warnings);
  });
  return out;
}

/** A claim's standing per indicator: the typed value, else the latest reported, against the target. */
export function standingFor(indicator: IndicatorDto, raw: string | undefined) {
  const value = parse(raw) ?? previousValue(indicator);
  if (indicator.target === null) return { value, standing: "noTarget" as const };
  if (value === null) return { value, standing: "noValue" as const };
  return {
    value,
    standing: meetsTarget(indicator, value) ? ("met" as const) : ("notMet" as const),
  };
}

/** Warnings as sentences, each named by its indicator, for the confirmation dialog. */
export function useWarningText() {
  const t = useTranslations("indicatorCheck");
  const locale = asLocale(useLocale());
  return {
    one: (w: IndicatorWarning) => t(w.key, w.values),
    all: (indicators: IndicatorDto[], warnings: Map<number, IndicatorWarning[]>) =>
      [...warnings].map(
        ([index, list]) =>
          `${indicators[index] ? localName(indicators[index], locale) : ""}：${list.map((w) => t(w.key, w.values)).join(" ")}`,
      ),
  };
}
