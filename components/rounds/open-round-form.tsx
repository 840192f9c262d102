"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { ApiError } from "@/lib/api/client";
import { openRound } from "@/lib/rounds/query-options";
import {
  FieldMessage,
  Notice,
  RequiredMark,
  field,
  useErrorText,
  useZodResolver,
} from "@/components/ui/form";
import { DatePickerField } from "@/components/ui/date-picker";
import { ConfirmDialog } from "@/components/ui/dialog";
import { asLocale, formatDay } from "@/components/ui/formats";
import { useHydrated } from "@/components/ui/use-hydrated";
import { localName } from "@/lib/i18n/config";
import { OpenRoundInput } from "@/lib/rounds/schemas";
import { parseIsoDay } from "@/lib/time";
import type { Round } from "./round-format";
import type { ProgrammeOption } from "./rounds-table";

type Values = {
  programmeId: string;
  period: string;
  windowOpensOn: string;
  windowClosesOn: string;
};
const EMPTY_DEFAULTS = { period: "", windowOpensOn: "", windowClosesOn: "" };
const FIELDS: (keyof Values)[] = ["programmeId", "period", "windowOpensOn", "windowClosesOn"];

/** An administrator opens a reporting round: programme, period, and the filing window's first and last day. */
export function OpenRoundForm({
  programmes,
  defaults,
}: {
  programmes: ProgrammeOption[];
  /** Per programme: the period its cadence (month or quarter) suggests and that period's window. */
  defaults: Record<string, Omit<Values, "programmeId">>;
}) {
  const t = useTranslations("rounds.open");
  const locale = asLocale(useLocale());
  const format = useFormatter();
  const router = useRouter();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const [formError, setFormError] = useState<string | null>(null);
  const [opened, setOpened] = useState<Round | null>(null);
  const resolver = useZodResolver<Values>(OpenRoundInput);
  const {
    register,
    control,
    handleSubmit,
    setError,
    setFocus,
    reset,
    setValue,
    formState: { errors, isSubmitting, dirtyFields },
  } = useForm<Values>({
    resolver,
    defaultValues: {
      programmeId: programmes[0]?.id ?? "",
      ...(defaults[programmes[0]?.id ?? ""] ?? EMPTY_DEFAULTS),
    },
    shouldFocusError: true,
  });
  // Valid values wait here while the administrator confirms; opening a round tells the liaisons.
  const [pending, setPending] = useState<Values | null>(null);
  const [confirming, setConfirming] = useState(false);
  // A field the server refused: focused once the dialog has closed and handed focus back (to the
  // submit button, in the next frame), so the administrator lands on what to correct.
  const [refused, setRefused] = useState<keyof Values | null>(null);
  useEffect(() => {
    if (confirming || !refused) return;
    let inner = 0;
    const outer = requestAnimationFrame(() => {
      inner = requestAnimationFrame(() => {
        setFocus(refused);
        setRefused(null);
      });
    });
    return () => {
      cancelAnimationFrame(outer);
      cancelAnimationFrame(inner);
    };
  }, [confirming, refused, setFocus]);

  const onSubmit = handleSubmit((values) => {
    setFormError(null);
    setOpened(null);
    setPending(values);
    setConfirming(true);
  });

  const open = async (values: Values) => {
    try {
      const round = await openRound(values);
      setOpened(round);
      reset({ ...values, period: "" });
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        let first: keyof Values | null = null;
        for (const name of FIELDS) {
          const message = error.fields[name];
          if (message) {
            setError(name, { type: "server", message });
            first ??= name;
          }
        }
        if (first) {
          setRefused(first);
          return;
        }
      }
      setFormError(errorText(error));
    }
  };

  const programmeName = (id: string) => {
    const programme = programmes.find((p) => p.id === id);
    return programme ? localName(programme, locale) : "";
  };
  const day = (iso: string) => formatDay(format, parseIsoDay(iso));

  const describe = (name: keyof Values, hint?: boolean) =>
    [hint ? `round-${name}-hint` : null, errors[name] ? `round-${name}-error` : null]
      .filter(Boolean)
      .join(" ") || undefined;

  return (
    <>
      <form
        onSubmit={onSubmit}
        noValidate
        className="space-y-4"
        data-testid="open-round-form"
        data-hydrated={hydrated ? "true" : "false"}
      >
        {formError && <Notice tone="error">{formError}</Notice>}
        {opened && (
          <Notice tone="success" testId="round-opened">
            {t("opened", { period: opened.period })}{" "}
            <Link href={`/rounds/${opened.id}`} className="font-medium underline">
              {t("viewRound")}
            </Link>
          </Notice>
        )}
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr]">
          <div>
            <label htmlFor="round-programmeId" className={field.label}>
              {t("programme")}
              <RequiredMark />
            </label>
            <select
              id="round-programmeId"
              {...register("programmeId", {
                // A quarterly programme suggests a quarter: follow the chosen programme's cadence
                // unless the administrator has typed a period already.
                onChange: (event: { target: { value: string } }) => {
                  const next = defaults[event.target.value];
                  if (!next || dirtyFields.period) return;
                  for (const name of ["period", "windowOpensOn", "windowClosesOn"] as const) {
                    setValue(name, next[name]);
                  }
                },
              })}
              aria-invalid={errors.programmeId ? true : undefined}
              aria-describedby={describe("programmeId")}
              className={field.input(Boolean(errors.programmeId))}
            >
              {programmes.map((p) => (
                <option key={p.id} value={p.id}>
                  {localName(p, locale)}
                </option>
              ))}
            </select>
            <FieldMessage id="round-programmeId-error" message={errors.programmeId?.message} />
          </div>
          <div>
            <label htmlFor="round-period" className={field.label}>
              {t("period")}
              <RequiredMark />
            </label>
            <input
              id="round-period"
              type="text"
              inputMode="text"
              autoComplete="off"
              placeholder="2026-11"
              {...register("period")}
              aria-invalid={errors.period ? true : undefined}
              aria-describedby={describe("period", true)}
              className={field.input(Boolean(errors.period))}
            />
            <p id="round-period-hint" className={field.hint}>
              {t("periodHint")}
            </p>
            <FieldMessage id="round-period-error" message={errors.period?.message} />
          </div>
          <DatePickerField
            control={control}
            name="windowOpensOn"
            label={t("opensOn")}
            isRequired
            testId="round-windowOpensOn"
          />
          <DatePickerField
            control={control}
            name="windowClosesOn"
            label={t("closesOn")}
            description={t("closesOnHint")}
            isRequired
            testId="round-windowClosesOn"
          />
        </div>
        <button
          type="submit"
          className={field.primary}
          disabled={isSubmitting}
          data-testid="open-round-submit"
        >
          {isSubmitting ? t("submitting") : t("submit")}
        </button>
      </form>
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t("confirmTitle")}
        message={
          pending &&
          t("confirmMessage", {
            programme: programmeName(pending.programmeId),
            period: pending.period,
            from: day(pending.windowOpensOn),
            to: day(pending.windowClosesOn),
          })
        }
        confirmLabel={t("submit")}
        onConfirm={() => (pending ? open(pending) : undefined)}
        testId="open-round-dialog"
      />
    </>
  );
}
