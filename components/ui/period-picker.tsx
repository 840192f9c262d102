"use client";

import clsx from "clsx";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Button, FieldError, Label, Radio, RadioGroup, Text } from "react-aria-components";
import { field } from "@/components/ui/styles";

export type PeriodCadence = "MONTH" | "QUARTER";

/** The keys of one year's periods: "2024-01".."2024-12" or "2024-Q1".."2024-Q4". */
export function periodsOfYear(year: number, cadence: PeriodCadence): string[] {
  return cadence === "MONTH"
    ? Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`)
    : Array.from({ length: 4 }, (_, i) => `${year}-Q${i + 1}`);
}

const yearOf = (key: string) => Number(key.slice(0, 4));

export type PeriodPickerProps = {
  label: React.ReactNode;
  /** "YYYY-MM" or "YYYY-Qn"; "" for none. */
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** The periods one may choose (e.g. lib/ledger/period.ts reportableMonths); others are disabled. */
  allowed: readonly string[];
  cadence?: PeriodCadence;
  description?: React.ReactNode;
  /** The field's error, already in the user's language; sets aria-invalid. */
  error?: string;
  isRequired?: boolean;
  name?: string;
  testId?: string;
};

/**
 * A month (or quarter) picker: a year stepper over a grid of the year's periods, periods outside
 * `allowed` disabled. A React Aria radio group: arrow keys move between the enabled periods,
 * screen readers hear "2024年5月, 5 of 12, selected"; controlled, so it sits in a react-hook-form
 * Controller.
 */
export function PeriodPicker({
  label,
  value,
  onChange,
  onBlur,
  allowed,
  cadence = "MONTH",
  description,
  error,
  isRequired,
  name,
  testId,
}: PeriodPickerProps) {
  const t = useTranslations("ui.periodPicker");
  const locale = useLocale();
  const allowedSet = useMemo(() => new Set(allowed), [allowed]);
  const years = useMemo(() => {
    const ys = [...allowed, ...(value ? [value] : [])].map(yearOf).filter(Number.isFinite);
    return ys.length ? { min: Math.min(...ys), max: Math.max(...ys) } : null;
  }, [allowed, value]);
  const [year, setYear] = useState(() =>
    value ? yearOf(value) : (years?.max ?? new Date().getFullYear()),
  );
  // A value set from outside (a reset, a restored draft) shows its own year.
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    if (value) setYear(yearOf(value));
  }
  const keys = periodsOfYear(year, cadence);
  const monthName = useMemo(
    () => new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" }),
    [locale],
  );
  const fullName = useMemo(
    () => new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" }),
    [locale],
  );
  const short = (key: string, i: number) =>
    cadence === "MONTH" ? monthName.format(Date.UTC(year, i, 1)) : t("quarter", { n: i + 1 });
  const long = (key: string, i: number) =>
    cadence === "MONTH"
      ? fullName.format(Date.UTC(year, i, 1))
      : t("quarterOfYear", { year, n: i + 1 });

  const stepper =
    "rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-700 disabled:opacity-40";

  return (
    <RadioGroup
      value={keys.includes(value) ? value : null}
      onChange={onChange}
      onBlur={onBlur}
      name={name}
      isRequired={isRequired}
      isInvalid={Boolean(error)}
      orientation="horizontal"
      data-testid={testId}
      data-value={value}
      className="flex flex-col gap-1"
    >
      <Label className={field.label}>{label}</Label>
      <div className="flex items-center gap-2">
        <Button
          className={stepper}
          aria-label={t("previousYear")}
          isDisabled={!years || year <= years.min}
          onPress={() => setYear((y) => y - 1)}
        >
          ‹
        </Button>
        <span
          className="min-w-16 text-center text-sm font-medium tabular-nums text-slate-900"
          aria-live="polite"
          data-testid="period-year"
        >
          {t("year", { year })}
        </span>
        <Button
          className={stepper}
          aria-label={t("nextYear")}
          isDisabled={!years || year >= years.max}
          onPress={() => setYear((y) => y + 1)}
        >
          ›
        </Button>
      </div>
      <div
        className={clsx(
          "grid max-w-sm gap-1",
          cadence === "MONTH" ? "grid-cols-4 sm:grid-cols-6" : "grid-cols-4",
        )}
      >
        {keys.map((key, i) => (
          <Radio
            key={key}
            value={key}
            isDisabled={!allowedSet.has(key)}
            aria-label={long(key, i)}
            data-period={key}
            className={({ isSelected, isDisabled, isFocusVisible }) =>
              clsx(
                "cursor-pointer rounded-md border px-1 py-1.5 text-center text-sm whitespace-nowrap",
                isSelected
                  ? "border-brand-700 bg-brand-700 font-medium text-white"
                  : "border-slate-300 bg-white text-slate-800 hover:bg-brand-50",
                isDisabled && "cursor-not-allowed border-slate-200 bg-slate-50 text-slate-400",
                isFocusVisible && "outline-2 outline-offset-2 outline-brand-700",
              )
            }
          >
            {short(key, i)}
          </Radio>
        ))}
      </div>
      {description && (
        <Text slot="description" className="text-xs text-slate-600">
          {description}
        </Text>
      )}
      <FieldError className="text-sm text-red-800" data-testid="field-error">
        {error}
      </FieldError>
    </RadioGroup>
  );
}
