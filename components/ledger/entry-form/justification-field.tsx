"use client";

import { useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { field, FieldMessage } from "@/components/ui/form";
import { JUSTIFICATION_MIN } from "@/lib/ledger/indicator-check";
import type { IndicatorDto } from "@/lib/ledger/schemas";
import type { EntryFormValues } from "./entry-form-model";
import { describedBy, errorAt, type FieldIds } from "./field-errors";
import { standingFor } from "./indicator-warnings";

/** A claim's justification: required (server-enforced too) when an indicator misses its target. */
export function JustificationField({
  indicators,
  ids,
}: {
  indicators: IndicatorDto[];
  ids: FieldIds;
}) {
  const t = useTranslations("indicatorCheck");
  const {
    register,
    watch,
    formState: { errors },
  } = useFormContext<EntryFormValues>();
  const typed = watch("indicators");
  const unmet = indicators.some((ind, i) => {
    const { standing } = standingFor(ind, typed?.[i]?.value);
    return standing === "notMet" || standing === "noValue";
  });
  const error = errorAt(errors, "justification");
  if (!unmet && !error) return null;
  return (
    <div data-testid="justification-field">
      <label htmlFor={ids("justification")} className={field.label}>
        {t("justification")}
      </label>
      <textarea
        id={ids("justification")}
        rows={3}
        {...register("justification")}
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(
          ids("justification-hint"),
          error && ids("justification-error"),
        )}
        className={field.input(Boolean(error))}
        data-testid="justification"
      />
      <p id={ids("justification-hint")} className="mt-1 text-xs text-slate-600">
        {t("justificationHint", { min: JUSTIFICATION_MIN })}
      </p>
      <FieldMessage id={ids("justification-error")} message={error} />
    </div>
  );
}
