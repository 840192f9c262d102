"use client";

import { parseDate, type CalendarDate } from "@internationalized/date";
import clsx from "clsx";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker as AriaDatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  Label,
  Popover,
  Text,
} from "react-aria-components";
import {
  useController,
  type Control,
  type FieldPathByValue,
  type FieldValues,
  type RegisterOptions,
} from "react-hook-form";
import { field } from "@/components/ui/styles";
import { AriaProvider } from "./aria-provider";

/** "YYYY-MM-DD" as a calendar date; anything else (including "") is no date. */
function toDate(iso: string | null | undefined): CalendarDate | null {
  if (!iso) return null;
  try {
    return parseDate(iso);
  } catch {
    return null;
  }
}

export type DatePickerProps = {
  label: string;
  /** An ISO day "YYYY-MM-DD", or "" for none. */
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** Earliest and latest allowed days, ISO. */
  min?: string;
  max?: string;
  /** Submits the ISO day in a plain HTML form. */
  name?: string;
  description?: React.ReactNode;
  /** The field's error, already in the user's language; sets aria-invalid. */
  error?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  className?: string;
  testId?: string;
  ref?: React.Ref<HTMLDivElement>;
};

const navButton =
  "rounded p-1 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-700";

/** Type a date segment by segment in the user's locale, or pick it from a calendar. */
export function DatePicker({
  label,
  value,
  onChange,
  onBlur,
  min,
  max,
  name,
  description,
  error,
  isRequired,
  isDisabled,
  className,
  testId,
  ref,
}: DatePickerProps) {
  const t = useTranslations("ui.datePicker");
  // Same object while the string is the same, so a re-render does not reset a half-typed date.
  const date = useMemo(() => toDate(value), [value]);
  const minValue = useMemo(() => toDate(min) ?? undefined, [min]);
  const maxValue = useMemo(() => toDate(max) ?? undefined, [max]);
  const invalid = Boolean(error);

  return (
    <AriaProvider>
      <AriaDatePicker
        className={clsx("group", className)}
        data-testid={testId}
        value={date}
        onChange={(next) => onChange(next ? next.toString() : "")}
        onBlur={onBlur}
        minValue={minValue}
        maxValue={maxValue}
        granularity="day"
        name={name}
        isRequired={isRequired}
        isDisabled={isDisabled}
        isInvalid={invalid}
        // Errors come from the caller (zod, server): no native bubbles or blocked submits.
        validationBehavior="aria"
      >
        <Label className={field.label}>{label}</Label>
        <Group
          ref={ref}
          className={clsx(
            field.input(invalid),
            "flex items-center gap-1 py-1.5 focus-within:border-brand-700 focus-within:outline-2 focus-within:outline-brand-700",
            isDisabled && "bg-slate-100",
          )}
        >
          <DateInput className="flex flex-1 flex-wrap">
            {(segment) => (
              <DateSegment
                segment={segment}
                className="rounded px-0.5 tabular-nums outline-none data-focused:bg-brand-700 data-focused:text-white data-placeholder:text-slate-500"
              />
            )}
          </DateInput>
          <Button aria-label={t("openCalendar")} className={navButton}>
            <CalendarIcon />
          </Button>
        </Group>
        {description && (
          <Text slot="description" className={field.hint}>
            {description}
          </Text>
        )}
        <FieldError className="mt-1 block text-sm text-red-800">{error}</FieldError>
        <Popover
          placement="bottom start"
          className="rounded-md border border-slate-300 bg-white p-3 shadow-lg"
        >
          <Dialog className="outline-none">
            <Calendar>
              <header className="mb-2 flex items-center justify-between gap-2">
                <Button slot="previous" aria-label={t("previousMonth")} className={navButton}>
                  <span aria-hidden="true">‹</span>
                </Button>
                <Heading className="text-sm font-semibold text-slate-900" />
                <Button slot="next" aria-label={t("nextMonth")} className={navButton}>
                  <span aria-hidden="true">›</span>
                </Button>
              </header>
              <CalendarGrid className="text-sm [&_th]:pb-1 [&_th]:text-xs [&_th]:font-medium [&_th]:text-slate-600">
                {(day) => (
                  <CalendarCell
                    date={day}
                    className={clsx(
                      "flex h-8 w-8 items-center justify-center rounded tabular-nums outline-none",
                      "data-hovered:bg-slate-100 data-focus-visible:outline-2 data-focus-visible:outline-brand-700",
                      "data-outside-month:hidden data-disabled:text-slate-400 data-unavailable:text-slate-400",
                      "data-selected:bg-brand-700 data-selected:text-white",
                    )}
                  />
                )}
              </CalendarGrid>
            </Calendar>
          </Dialog>
        </Popover>
      </AriaDatePicker>
    </AriaProvider>
  );
}

function CalendarIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className="h-4 w-4"
      fill="none"
      stroke="currentColor"
    >
      <rect x="3" y="4.5" width="14" height="12" rx="1.5" strokeWidth="1.5" />
      <path d="M3 8h14M7 3v3M13 3v3" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

export type DatePickerFieldProps<
  TFieldValues extends FieldValues,
  TName extends FieldPathByValue<TFieldValues, string>,
> = Omit<DatePickerProps, "value" | "onChange" | "onBlur" | "name" | "error" | "ref"> & {
  control: Control<TFieldValues>;
  name: TName;
  rules?: RegisterOptions<TFieldValues, TName>;
};

/** The date picker bound to a react-hook-form field holding an ISO day string. */
export function DatePickerField<
  TFieldValues extends FieldValues,
  TName extends FieldPathByValue<TFieldValues, string>,
>({ control, name, rules, ...props }: DatePickerFieldProps<TFieldValues, TName>) {
  const { field: bound, fieldState } = useController({ control, name, rules });
  return (
    <DatePicker
      {...props}
      name={name}
      value={typeof bound.value === "string" ? bound.value : ""}
      onChange={bound.onChange}
      onBlur={bound.onBlur}
      error={fieldState.error?.message}
      // react-hook-form focuses the first invalid field through this handle.
      ref={(element) =>
        bound.ref(
          element && {
            focus: () => element.querySelector<HTMLElement>('[role="spinbutton"]')?.focus(),
          },
        )
      }
    />
  );
}
