"use client";

import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext } from "react-hook-form";
import { DatePickerField } from "@/components/ui/date-picker";
import { FieldMessage, field } from "@/components/ui/form";
import { NumberField, SelectField, TextField } from "./fields";
import type { ProgrammeFormValues } from "./programme-form-model";

const row = "grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-5";

/** The milestones (e.g. the halfway point): a day and a name in both languages each. */
export function MilestonesEditor({ disabled }: { disabled?: boolean }) {
  const t = useTranslations("catalogue.form");
  const { control } = useFormContext<ProgrammeFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "milestones" });
  return (
    <div className="space-y-3" data-testid="milestones-editor">
      {fields.length === 0 && <p className="text-sm text-slate-600">{t("noRows")}</p>}
      {fields.map((f, i) => (
        <fieldset key={f.id} className={row} data-testid="milestone-row">
          <legend className="sr-only">{t("rowLabel", { n: i + 1, field: t("milestones") })}</legend>
          <DatePickerField
            control={control}
            name={`milestones.${i}.date`}
            label={t("milestoneDate")}
            isRequired
          />
          <TextField<ProgrammeFormValues>
            name={`milestones.${i}.nameZh`}
            label={t("nameZh")}
            required
            className="lg:col-span-2"
          />
          <TextField<ProgrammeFormValues>
            name={`milestones.${i}.nameEn`}
            label={t("nameEn")}
            required
          />
          <div className="flex items-end">
            <button
              type="button"
              className={field.secondary}
              onClick={() => remove(i)}
              disabled={disabled}
              aria-label={t("removeRow", { n: i + 1 })}
            >
              {t("remove")}
            </button>
          </div>
        </fieldset>
      ))}
      <button
        type="button"
        className={field.secondary}
        disabled={disabled}
        onClick={() => append({ date: "", nameZh: "", nameEn: "" })}
        data-testid="add-milestone"
      >
        {t("addMilestone")}
      </button>
    </div>
  );
}

/** Dated targets: a completion rate of main tasks by a day, programme-wide or for one category. */
export function TargetsEditor({
  categories,
  disabled,
}: {
  categories: { id: string; label: string }[];
  disabled?: boolean;
}) {
  const t = useTranslations("catalogue.form");
  const {
    control,
    formState: { errors },
  } = useFormContext<ProgrammeFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "targets" });
  const scopes = [
    { value: "", label: t("wholeProgramme") },
    ...categories.map((c) => ({ value: c.id, label: c.label })),
  ];
  return (
    <div className="space-y-3" data-testid="targets-editor">
      {fields.length === 0 && <p className="text-sm text-slate-600">{t("noRows")}</p>}
      {fields.map((f, i) => (
        <fieldset key={f.id} className={row} data-testid="target-row">
          <legend className="sr-only">{t("rowLabel", { n: i + 1, field: t("targets") })}</legend>
          <SelectField<ProgrammeFormValues>
            name={`targets.${i}.categoryId`}
            label={t("targetCategory")}
            options={scopes}
          />
          <DatePickerField
            control={control}
            name={`targets.${i}.dueDate`}
            label={t("dueDate")}
            isRequired
            testId="target-due"
          />
          <NumberField<ProgrammeFormValues>
            name={`targets.${i}.ratePercent`}
            label={t("ratePercent")}
            required
            testId="target-rate"
          />
          <TextField<ProgrammeFormValues> name={`targets.${i}.nameZh`} label={t("targetNameZh")} />
          <div className="flex items-end gap-2">
            <TextField<ProgrammeFormValues>
              name={`targets.${i}.nameEn`}
              label={t("targetNameEn")}
              className="flex-1"
            />
            <button
              type="button"
              className={field.secondary}
              onClick={() => remove(i)}
              disabled={disabled}
              aria-label={t("removeRow", { n: i + 1 })}
            >
              {t("remove")}
            </button>
          </div>
        </fieldset>
      ))}
      <FieldMessage
        id="targets-error"
        message={errors.targets?.root?.message ?? errors.targets?.message}
      />
      <button
        type="button"
        className={field.secondary}
        disabled={disabled}
        onClick={() =>
          append({ categoryId: "", dueDate: "", ratePercent: Number.NaN, nameZh: "", nameEn: "" })
        }
        data-testid="add-target"
      >
        {t("addTarget")}
      </button>
    </div>
  );
}
