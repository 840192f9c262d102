"use client";

import clsx from "clsx";
import { useLocale, useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { useIndicatorFormat } from "@/components/ledger/indicator-format";
import { field, FieldMessage } from "@/components/ui/form";
import { asLocale } from "@/components/ui/formats";
import { localName } from "@/lib/i18n/config";
import type { IndicatorDto } from "@/lib/ledger/schemas";
import type { EntryFormValues, EntryMode } from "./entry-form-model";
import { standingFor, useWarningText, warningsFor } from "./indicator-warnings";

const STANDING_CLASS = {
  met: "bg-green-50 text-green-900 ring-green-300",
  notMet: "bg-red-50 text-red-900 ring-red-300",
  noValue: "bg-amber-50 text-amber-900 ring-amber-300",
  noTarget: "bg-slate-50 text-slate-800 ring-slate-300",
} as const;
import { describedBy, errorAt, type FieldIds } from "./field-errors";

/** One optional value per indicator of the task, with its unit and target beside it. */
export function IndicatorFields({
  indicators,
  ids,
  mode,
}: {
  indicators: IndicatorDto[];
  ids: FieldIds;
  mode: EntryMode;
}) {
  const t = useTranslations("ledger.form");
  const tu = useTranslations("indicatorUnit");
  const locale = asLocale(useLocale());
  const formatIndicator = useIndicatorFormat();
  const tc = useTranslations("indicatorCheck");
  const {
    register,
    watch,
    formState: { errors },
  } = useFormContext<EntryFormValues>();
  const typed = watch("indicators");
  const warnings = warningsFor(indicators, typed);
  const text = useWarningText();

  return (
    <fieldset
      aria-describedby={ids("indicators-hint")}
      className="space-y-3"
      data-testid="indicator-fields"
    >
      <legend className={field.label}>{t("indicators")}</legend>
      <p id={ids("indicators-hint")} className="text-xs text-slate-600">
        {t("indicatorsHint")}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        {indicators.map((indicator, index) => {
          const name = `indicators.${index}.value` as const;
          const error = errorAt(errors, name);
          const unitId = ids(`${name}-unit`);
          const warning = warnings.get(index);
          const claimStanding =
            mode === "claim" ? standingFor(indicator, typed?.[index]?.value) : null;
          return (
            <div key={indicator.id}>
              <label htmlFor={ids(name)} className={field.label}>
                {localName(indicator, locale)}
              </label>
              <div className="mt-1 flex items-center gap-2">
                <input
                  id={ids(name)}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  {...register(name)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy(
                    unitId,
                    error && ids(`${name}-error`),
                    warning && ids(`${name}-warning`),
                  )}
                  className={clsx(field.input(Boolean(error)), "mt-0 max-w-40 tabular-nums")}
                  data-testid="indicator-input"
                  data-indicator-code={indicator.code}
                />
                <span id={unitId} className="text-sm text-slate-700">
                  <span className="sr-only">
                    {t("indicatorUnit", { unit: tu(indicator.unit) })}
                  </span>
                  <span aria-hidden="true">{tu(indicator.unit)}</span>
                  {indicator.target !== null && (
                    <span className="ml-2 text-xs text-slate-600">
                      (
                      {t("indicatorTarget", {
                        target: formatIndicator(indicator.target, indicator.unit),
                      })}
                      )
                    </span>
                  )}
                </span>
                {claimStanding && (
                  <span
                    className={clsx(
                      "rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset",
                      STANDING_CLASS[claimStanding.standing],
                    )}
                    data-testid="indicator-standing"
                    data-standing={claimStanding.standing}
                  >
                    {tc(claimStanding.standing)}
                  </span>
                )}
              </div>
              {warning && (
                <p
                  id={ids(`${name}-warning`)}
                  className="mt-1 text-sm text-amber-900"
                  data-testid="indicator-warning"
                >
                  {warning.map(text.one).join(" ")}
                </p>
              )}
              <FieldMessage id={ids(`${name}-error`)} message={error} />
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
