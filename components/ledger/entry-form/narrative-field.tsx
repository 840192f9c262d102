"use client";

import { useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { field, FieldMessage, RequiredMark } from "@/components/ui/form";
import type { EntryFormValues, EntryMode } from "./entry-form-model";
import { describedBy, errorAt, type FieldIds } from "./field-errors";

/** What was done: the narrative of a progress entry, or the statement of a completion claim. */
export function NarrativeField({ mode, ids }: { mode: EntryMode; ids: FieldIds }) {
  const t = useTranslations("ledger.form");
  const {
    register,
    formState: { errors },
  } = useFormContext<EntryFormValues>();
  const error = errorAt(errors, "narrative");
  return (
    <div>
      <label htmlFor={ids("narrative")} className={field.label}>
        {mode === "claim" ? t("statement") : t("narrative")}
        <RequiredMark />
      </label>
      <textarea
        id={ids("narrative")}
        rows={5}
        {...register("narrative")}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids("narrative-hint"), error && ids("narrative-error"))}
        className={field.input(Boolean(error))}
        data-testid="narrative"
      />
      <p id={ids("narrative-hint")} className="mt-1 text-xs text-slate-600">
        {mode === "claim" ? t("statementHint") : t("narrativeHint")}
      </p>
      <FieldMessage id={ids("narrative-error")} message={error} />
    </div>
  );
}
