"use client";

import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext } from "react-hook-form";
import { FieldMessage, field } from "@/components/ui/form";
import { INDICATOR_DIRECTIONS, INDICATOR_UNITS } from "@/lib/catalogue/schemas";
import { NumberField, SelectField, TextField } from "./fields";
import { emptyIndicator, type TaskFormValues } from "./task-form-model";

type F = TaskFormValues;

/** A task's indicator definitions: code, names, unit, direction, baseline and target each. */
export function IndicatorsEditor({ disabled }: { disabled?: boolean }) {
  const t = useTranslations("catalogue.task");
  const tu = useTranslations("indicatorUnit");
  const td = useTranslations("catalogue.direction");
  const tf = useTranslations("catalogue.form");
  const {
    control,
    formState: { errors },
  } = useFormContext<F>();
  const { fields, append, remove } = useFieldArray({ control, name: "indicators" });
  return (
    <div className="space-y-3" data-testid="indicators-editor">
      {fields.length === 0 && <p className="text-sm text-slate-600">{tf("noRows")}</p>}
      {fields.map((f, i) => (
        <fieldset
          key={f.id}
          className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-4"
          data-testid="indicator-row"
        >
          <legend className="px-1 text-sm font-medium text-slate-800">
            {t("indicatorN", { n: i + 1 })}
          </legend>
          <TextField<F>
            name={`indicators.${i}.code`}
            label={t("indicatorCode")}
            required
            testId="indicator-code"
          />
          <TextField<F>
            name={`indicators.${i}.nameZh`}
            label={t("indicatorNameZh")}
            required
            testId="indicator-nameZh"
          />
          <TextField<F>
            name={`indicators.${i}.nameEn`}
            label={t("indicatorNameEn")}
            required
            testId="indicator-nameEn"
          />
          <SelectField<F>
            name={`indicators.${i}.unit`}
            label={t("unit")}
            options={INDICATOR_UNITS.map((u) => ({ value: u, label: tu(u) }))}
            testId="indicator-unit"
          />
          <SelectField<F>
            name={`indicators.${i}.direction`}
            label={t("direction")}
            options={INDICATOR_DIRECTIONS.map((d) => ({ value: d, label: td(d) }))}
          />
          <NumberField<F>
            name={`indicators.${i}.baseline`}
            label={t("baseline")}
            nullable
            testId="indicator-baseline"
          />
          <NumberField<F>
            name={`indicators.${i}.target`}
            label={t("target")}
            nullable
            testId="indicator-target"
          />
          <div className="flex items-end">
            <button
              type="button"
              className={field.secondary}
              disabled={disabled}
              onClick={() => remove(i)}
              aria-label={tf("removeRow", { n: i + 1 })}
            >
              {tf("remove")}
            </button>
          </div>
        </fieldset>
      ))}
      <FieldMessage
        id="indicators-error"
        message={errors.indicators?.message ?? errors.indicators?.root?.message}
      />
      <button
        type="button"
        className={field.secondary}
        disabled={disabled}
        onClick={() => append(emptyIndicator())}
        data-testid="add-indicator"
      >
        {t("addIndicator")}
      </button>
    </div>
  );
}
