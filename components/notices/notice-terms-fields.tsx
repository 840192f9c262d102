"use client";

import clsx from "clsx";
import { useTranslations } from "next-intl";
import type { Control, FieldErrors, UseFormRegister } from "react-hook-form";
import { DatePickerField } from "@/components/ui/date-picker";
import { FieldMessage, RequiredMark, field } from "@/components/ui/form";
import { NOTICE_LEVELS } from "@/lib/notices/schemas";
import { LEVEL_DOT } from "./badges";
import type { IssueNoticeValues } from "./use-issue-notice";

const LEVEL_RING = {
  BLUE: "has-[:checked]:border-sky-600 has-[:checked]:bg-sky-50",
  YELLOW: "has-[:checked]:border-amber-500 has-[:checked]:bg-amber-50",
  RED: "has-[:checked]:border-red-600 has-[:checked]:bg-red-50",
} as const;

/** The notice's terms: its level, what the enterprise must do, and the reply deadline (a day, from today on). */
export function NoticeTermsFields({
  register,
  control,
  errors,
  minDueOn,
}: {
  register: UseFormRegister<IssueNoticeValues>;
  control: Control<IssueNoticeValues>;
  errors: FieldErrors<IssueNoticeValues>;
  minDueOn: string;
}) {
  const t = useTranslations("notices.new");
  const tn = useTranslations("notices");
  return (
    <div className="space-y-4 p-4">
      <fieldset aria-describedby={errors.level ? "notice-level-error" : "notice-level-hint"}>
        <legend className={field.label}>
          {tn("levelLabel")}
          <RequiredMark />
        </legend>
        <p id="notice-level-hint" className={field.hint}>
          {t("levelHint")}
        </p>
        <div className="mt-2 flex flex-wrap gap-2">
          {NOTICE_LEVELS.map((level) => (
            <label
              key={level}
              className={clsx(
                "inline-flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-900 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-700",
                LEVEL_RING[level],
              )}
            >
              <input
                type="radio"
                value={level}
                {...register("level")}
                className="h-4 w-4 accent-brand-700"
              />
              <span
                aria-hidden="true"
                className={clsx("inline-block h-3 w-3 rounded-full", LEVEL_DOT[level])}
              />
              {tn(`level.${level}`)}
            </label>
          ))}
        </div>
        <FieldMessage id="notice-level-error" message={errors.level?.message} />
      </fieldset>

      <div>
        <label htmlFor="notice-requiredAction" className={field.label}>
          {tn("requiredAction")}
          <RequiredMark />
        </label>
        <p id="notice-requiredAction-hint" className={field.hint}>
          {t("actionHint")}
        </p>
        <textarea
          id="notice-requiredAction"
          rows={4}
          maxLength={2000}
          {...register("requiredAction")}
          aria-invalid={errors.requiredAction ? true : undefined}
          aria-describedby={
            errors.requiredAction
              ? "notice-requiredAction-hint notice-requiredAction-error"
              : "notice-requiredAction-hint"
          }
          className={field.input(Boolean(errors.requiredAction))}
        />
        <FieldMessage id="notice-requiredAction-error" message={errors.requiredAction?.message} />
      </div>

      <DatePickerField
        control={control}
        name="responseDueOn"
        label={tn("responseDue")}
        description={t("dueHint")}
        min={minDueOn}
        isRequired
        className="max-w-xs"
        testId="notice-responseDueOn"
      />
    </div>
  );
}
