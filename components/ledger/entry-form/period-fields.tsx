"use client";

import clsx from "clsx";
import { useTranslations } from "next-intl";
import { Controller, useFormContext } from "react-hook-form";
import { field, FieldMessage, RequiredMark } from "@/components/ui/form";
import { PeriodPicker } from "@/components/ui/period-picker";
import type { EntryFormValues, EntryMode } from "./entry-form-model";
import { describedBy, errorAt, type FieldIds } from "./field-errors";

/**
 * The reporting period (a month picker over the reportable months, newest first in `periods`)
 * and, for a progress entry, the percentage done and the status.
 */
export function PeriodFields({
  mode,
  periods,
  ids,
}: {
  mode: EntryMode;
  periods: string[];
  ids: FieldIds;
}) {
  const t = useTranslations("ledger.form");
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<EntryFormValues>();
  const periodError = errorAt(errors, "period");
  const percentError = errorAt(errors, "percentDone");
  const statusError = errorAt(errors, "status");

  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Controller
          control={control}
          name="period"
          render={({ field: { value, onChange, onBlur } }) => (
            <PeriodPicker
              label={
                <>
                  {t("period")}
                  <RequiredMark />
                </>
              }
              value={value}
              onChange={onChange}
              onBlur={onBlur}
              allowed={periods}
              cadence={/^\d{4}-Q/.test(value) ? "QUARTER" : "MONTH"}
              description={t("periodHint")}
              error={periodError}
              testId="period-picker"
            />
          )}
        />

        {mode === "progress" && (
          <div>
            <label htmlFor={ids("percent")} className={field.label}>
              {t("percentDone")}
              <RequiredMark />
            </label>
            <input
              id={ids("percent")}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              {...register("percentDone")}
              aria-invalid={percentError ? true : undefined}
              aria-describedby={describedBy(
                ids("percent-hint"),
                percentError && ids("percent-error"),
              )}
              className={clsx(field.input(Boolean(percentError)), "max-w-32 tabular-nums")}
            />
            <p id={ids("percent-hint")} className="mt-1 text-xs text-slate-600">
              {t("percentHint")}
            </p>
            <FieldMessage id={ids("percent-error")} message={percentError} />
          </div>
        )}
      </div>

      {mode === "progress" && (
        <fieldset aria-describedby={statusError ? ids("status-error") : undefined}>
          <legend className={field.label}>{t("status")}</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {(["NOT_STARTED", "IN_PROGRESS"] as const).map((s) => (
              <label key={s} className="inline-flex items-center gap-2 text-sm text-slate-900">
                <input
                  type="radio"
                  value={s}
                  {...register("status")}
                  className="h-4 w-4 accent-brand-700"
                />
                {s === "NOT_STARTED" ? t("statusNotStarted") : t("statusInProgress")}
              </label>
            ))}
          </div>
          <FieldMessage id={ids("status-error")} message={statusError} />
        </fieldset>
      )}
    </>
  );
}
