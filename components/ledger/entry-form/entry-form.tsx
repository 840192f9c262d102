"use client";

import { useQueryClient } from "@tanstack/react-query";
import clsx from "clsx";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useFieldArray, useForm, type FieldError, type FieldErrors } from "react-hook-form";
import { asLocale, formatDateTime } from "@/components/ui/formats";
import { localName } from "@/lib/i18n/config";
import { ApiError } from "@/lib/api/client";
import {
  ledgerQueries,
  postCompletionClaim,
  postProgressEntry,
  type ConflictDetails,
  type EntryWriteResult,
} from "@/lib/ledger/query-options";
import type {
  ClaimCompletionInput,
  EntryDto,
  LedgerItemDetail,
  RecordProgressInput,
} from "@/lib/ledger/schemas";
import { ConflictPanel } from "./conflict-panel";
import {
  emptyValues,
  entryResolver,
  fieldFor,
  toPayload,
  valuesFromEntry,
  type EntryFormValues,
  type EntryMode,
  type FieldName,
} from "./entry-form-model";
import { EvidenceUploader, type Upload } from "./evidence-uploader";
import { useIndicatorFormat } from "@/components/ledger/indicator-format";

const input =
  "mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 focus:border-brand-700 focus:outline-2 focus:outline-brand-700";
const inputBorder = (invalid: boolean) => (invalid ? "border-red-700" : "border-slate-400");
const label = "block text-sm font-medium text-slate-800";

function errorAt(errors: FieldErrors<EntryFormValues>, name: FieldName): string | undefined {
  const value = name
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors);
  return (value as FieldError | undefined)?.message;
}

/** Field messages in the (nested) error object: two bad indicators count twice. */
function countErrors(node: unknown): number {
  if (!node || typeof node !== "object") return 0;
  if ("message" in node && typeof (node as FieldError).message === "string") return 1;
  return Object.entries(node).reduce(
    (sum, [key, child]) => (key === "ref" ? sum : sum + countErrors(child)),
    0,
  );
}

function Required() {
  const t = useTranslations("ledger.form");
  return (
    <>
      <span aria-hidden="true" className="text-red-700">
        {" "}
        *
      </span>
      <span className="sr-only"> ({t("required")})</span>
    </>
  );
}

function FieldMessage({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-800" data-testid="field-error">
      {message}
    </p>
  );
}

/**
 * Records a progress entry or claims completion (remount it with a new key to start over). The zod schemas of the API validate in the
 * browser; the server's 422 messages land beside the same inputs; a 409 keeps the draft and
 * offers to send it on top of the latest version.
 */
export function EntryForm({
  mode,
  item,
  periods,
  seenVersion,
  onVersionSeen,
  correcting,
  onCancelCorrection,
  onSaved,
}: {
  mode: EntryMode;
  item: LedgerItemDetail;
  periods: string[];
  /** The item version the user is editing on top of (the optimistic lock). */
  seenVersion: number;
  onVersionSeen: (version: number) => void;
  correcting?: EntryDto | null;
  onCancelCorrection?: () => void;
  onSaved?: (result: EntryWriteResult) => void;
}) {
  const t = useTranslations("ledger.form");
  const tv = useTranslations("validation");
  const tu = useTranslations("indicatorUnit");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  const queryClient = useQueryClient();
  const router = useRouter();
  const formatIndicator = useIndicatorFormat();
  const uid = useId();
  const ids = (name: string) => `${uid}-${name.replaceAll(".", "-")}`;

  const defaultPeriod = periods[0] ?? "";
  const defaults = useMemo(
    () => emptyValues(item.indicators, defaultPeriod, item.percentDone, item.status),
    // A fresh draft starts from the item as it is now.
    [item.indicators, defaultPeriod, item.percentDone, item.status],
  );
  const form = useForm<EntryFormValues>({
    // "Correct this entry" mounts a fresh form (the parent changes its key) starting from the entry.
    defaultValues: correcting ? valuesFromEntry(item.indicators, correcting) : defaults,
    resolver: entryResolver(
      mode,
      Object.assign((k: string, v?: Record<string, number>) => tv(k, v), {
        has: (k: string) => tv.has(k),
      }),
      (k, v) => t(k, v),
    ),
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { register, handleSubmit, formState, setError, reset, setValue, control } = form;
  const links = useFieldArray({ control, name: "links" });
  const errors = formState.errors;

  const [uploads, setUploads] = useState<Upload[]>([]);
  const [conflict, setConflict] = useState<ConflictDetails | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const errorSummary = useRef<HTMLDivElement>(null);

  // The uploader owns the files; the form sends the ids of those that finished.
  const uploadedIds = uploads
    .filter((u) => u.state === "done" && u.evidence)
    .map((u) => u.evidence!.id);
  const pendingUploads = uploads.some((u) => u.state === "uploading");
  const uploadedKey = uploadedIds.join(",");
  useEffect(() => {
    setValue("evidenceIds", uploadedKey ? uploadedKey.split(",") : [], {
      shouldValidate: formState.isSubmitted,
      shouldDirty: true,
    });
  }, [uploadedKey, setValue, formState.isSubmitted]);

  // Someone else moved the item on while this form is untouched: start from the new state, so an
  // empty draft never triggers a conflict nor sends back a stale percentage.
  useEffect(() => {
    if (
      item.version === seenVersion ||
      formState.isDirty ||
      conflict ||
      correcting ||
      uploads.length
    )
      return;
    onVersionSeen(item.version);
    reset(emptyValues(item.indicators, defaultPeriod, item.percentDone, item.status));
    // Only the item's version matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item.version]);

  const periodOptions =
    correcting && !periods.includes(correcting.period) ? [correcting.period, ...periods] : periods;

  async function send(values: EntryFormValues, version: number) {
    setFormError(null);
    setSaved(null);
    if (pendingUploads) {
      setFormError(t("waitForUploads"));
      return;
    }
    const payload = toPayload(
      mode,
      values,
      version,
      mode === "progress" ? correcting?.id : undefined,
    );
    setSubmitting(true);
    try {
      const result =
        mode === "claim"
          ? await postCompletionClaim(item.id, payload.body as ClaimCompletionInput)
          : await postProgressEntry(item.id, payload.body as RecordProgressInput);
      setConflict(null);
      onVersionSeen(result.item.version);
      reset(
        emptyValues(item.indicators, defaultPeriod, result.item.percentDone, result.item.status),
      );
      setUploads([]);
      setSaved(mode === "claim" ? t("claimSaved") : t("saved", { period: result.entry.period }));
      // The timeline and the ledger rows come from these queries and from the server render.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ledgerQueries.item(item.id).queryKey }),
        queryClient.invalidateQueries({ queryKey: ledgerQueries.lists() }),
      ]);
      router.refresh();
      onSaved?.(result);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setFormError(t("formError", { message: String(error) }));
      } else if (error.status === 409 && error.details) {
        // Keep every input as typed; show what happened meanwhile.
        setConflict(error.details as ConflictDetails);
        void queryClient.invalidateQueries({ queryKey: ledgerQueries.item(item.id).queryKey });
      } else if (error.status === 422) {
        let first = true;
        const general: string[] = [];
        for (const [path, message] of Object.entries(error.fields)) {
          const name = fieldFor(path, payload);
          if (name) {
            setError(name, { type: "server", message }, { shouldFocus: first });
            first = false;
          } else {
            general.push(message);
          }
        }
        setFormError(general.length ? general.join(" ") : first ? error.message : null);
        if (first) errorSummary.current?.focus();
      } else {
        setFormError(t("formError", { message: error.message }));
      }
    } finally {
      setSubmitting(false);
    }
  }

  const onSubmit = handleSubmit((values) => send(values, seenVersion));
  const resubmit = () => {
    if (!conflict) return;
    const latest = conflict.current.version;
    onVersionSeen(latest);
    void handleSubmit((values) => send(values, latest))();
  };
  const discard = () => {
    if (conflict) onVersionSeen(conflict.current.version);
    setConflict(null);
    setUploads([]);
    reset(
      emptyValues(
        item.indicators,
        defaultPeriod,
        conflict?.current.percentDone ?? item.percentDone,
        conflict?.current.status ?? item.status,
      ),
    );
    onCancelCorrection?.();
  };

  const fieldErrorCount = countErrors(errors);
  const described = (...parts: (string | false | undefined)[]) =>
    clsx(parts.filter(Boolean)) || undefined;
  const narrativeError = errorAt(errors, "narrative");
  const percentError = errorAt(errors, "percentDone");
  const periodError = errorAt(errors, "period");
  const statusError = errorAt(errors, "status");
  const evidenceError = errorAt(errors, "evidenceIds");

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="space-y-5"
      data-testid={mode === "claim" ? "claim-form" : "entry-form"}
      aria-busy={submitting}
    >
      {correcting && (
        <div
          className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-slate-900"
          data-testid="correcting-note"
        >
          <p>
            {t("correcting", {
              period: correcting.period,
              at: formatDateTime(format, new Date(correcting.createdAt)),
            })}
          </p>
          <button
            type="button"
            onClick={() => {
              reset(defaults);
              onCancelCorrection?.();
            }}
            className="text-sm text-brand-700 underline focus-visible:outline-2 focus-visible:outline-brand-700"
          >
            {t("cancelCorrection")}
          </button>
        </div>
      )}

      {conflict && (
        <ConflictPanel
          conflict={conflict}
          onResubmit={resubmit}
          onDiscard={discard}
          busy={submitting}
        />
      )}

      <div ref={errorSummary} tabIndex={-1} className="focus:outline-none">
        {(formError || (formState.isSubmitted && fieldErrorCount > 0)) && (
          <div
            className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900"
            data-testid="form-error"
          >
            {formError ?? t("fixErrors", { count: fieldErrorCount })}
          </div>
        )}
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={ids("period")} className={label}>
            {t("period")}
            <Required />
          </label>
          <select
            id={ids("period")}
            {...register("period")}
            aria-invalid={periodError ? true : undefined}
            aria-describedby={described(ids("period-hint"), periodError && ids("period-error"))}
            className={clsx(input, inputBorder(Boolean(periodError)))}
          >
            {periodOptions.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
          <p id={ids("period-hint")} className="mt-1 text-xs text-slate-600">
            {t("periodHint")}
          </p>
          <FieldMessage id={ids("period-error")} message={periodError} />
        </div>

        {mode === "progress" && (
          <div>
            <label htmlFor={ids("percent")} className={label}>
              {t("percentDone")}
              <Required />
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
              aria-describedby={described(
                ids("percent-hint"),
                percentError && ids("percent-error"),
              )}
              className={clsx(input, inputBorder(Boolean(percentError)), "max-w-32 tabular-nums")}
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
          <legend className={label}>{t("status")}</legend>
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

      <div>
        <label htmlFor={ids("narrative")} className={label}>
          {mode === "claim" ? t("statement") : t("narrative")}
          <Required />
        </label>
        <textarea
          id={ids("narrative")}
          rows={5}
          {...register("narrative")}
          aria-invalid={narrativeError ? true : undefined}
          aria-describedby={described(
            ids("narrative-hint"),
            narrativeError && ids("narrative-error"),
          )}
          className={clsx(input, inputBorder(Boolean(narrativeError)))}
          data-testid="narrative"
        />
        <p id={ids("narrative-hint")} className="mt-1 text-xs text-slate-600">
          {mode === "claim" ? t("statementHint") : t("narrativeHint")}
        </p>
        <FieldMessage id={ids("narrative-error")} message={narrativeError} />
      </div>

      {item.indicators.length > 0 && (
        <fieldset
          aria-describedby={ids("indicators-hint")}
          className="space-y-3"
          data-testid="indicator-fields"
        >
          <legend className={label}>{t("indicators")}</legend>
          <p id={ids("indicators-hint")} className="text-xs text-slate-600">
            {t("indicatorsHint")}
          </p>
          <div className="grid gap-4 sm:grid-cols-2">
            {item.indicators.map((indicator, index) => {
              const name = `indicators.${index}.value` as const;
              const error = errorAt(errors, name);
              const unitId = ids(`${name}-unit`);
              return (
                <div key={indicator.id}>
                  <label htmlFor={ids(name)} className={label}>
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
                      aria-describedby={described(unitId, error && ids(`${name}-error`))}
                      className={clsx(
                        input,
                        inputBorder(Boolean(error)),
                        "mt-0 max-w-40 tabular-nums",
                      )}
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
                  </div>
                  <FieldMessage id={ids(`${name}-error`)} message={error} />
                </div>
              );
            })}
          </div>
        </fieldset>
      )}

      <EvidenceUploader
        itemId={item.id}
        uploads={uploads}
        onChange={setUploads}
        error={evidenceError}
        errorId={ids("evidence-error")}
        required={mode === "claim"}
      />

      <fieldset className="space-y-2">
        <legend className={label}>{t("links")}</legend>
        {links.fields.map((link, index) => {
          const urlName = `links.${index}.url` as const;
          const titleName = `links.${index}.title` as const;
          const urlError = errorAt(errors, urlName);
          const titleError = errorAt(errors, titleName);
          return (
            <fieldset
              key={link.id}
              className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_auto]"
              data-testid="link-row"
            >
              <legend className="sr-only">{t("linkLegend", { n: index + 1 })}</legend>
              <div>
                <label htmlFor={ids(urlName)} className="block text-xs font-medium text-slate-700">
                  {t("linkUrl")}
                </label>
                <input
                  id={ids(urlName)}
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  {...register(urlName)}
                  aria-invalid={urlError ? true : undefined}
                  aria-describedby={urlError ? ids(`${urlName}-error`) : undefined}
                  className={clsx(
                    input,
                    inputBorder(Boolean(urlError)),
                    "placeholder:text-slate-500",
                  )}
                />
                <FieldMessage id={ids(`${urlName}-error`)} message={urlError} />
              </div>
              <div>
                <label
                  htmlFor={ids(titleName)}
                  className="block text-xs font-medium text-slate-700"
                >
                  {t("linkTitle")}
                </label>
                <input
                  id={ids(titleName)}
                  type="text"
                  {...register(titleName)}
                  aria-invalid={titleError ? true : undefined}
                  aria-describedby={titleError ? ids(`${titleName}-error`) : undefined}
                  className={clsx(input, inputBorder(Boolean(titleError)))}
                />
                <FieldMessage id={ids(`${titleName}-error`)} message={titleError} />
              </div>
              <div className="flex items-end">
                <button
                  type="button"
                  onClick={() => links.remove(index)}
                  className="rounded px-2 py-2 text-sm text-slate-700 underline hover:text-red-800 focus-visible:outline-2 focus-visible:outline-brand-700"
                >
                  {t("removeLink", { n: index + 1 })}
                </button>
              </div>
            </fieldset>
          );
        })}
        <button
          type="button"
          onClick={() => links.append({ url: "", title: "" })}
          className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-700"
        >
          {t("addLink")}
        </button>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
        <button
          type="submit"
          disabled={submitting || pendingUploads}
          data-testid={mode === "claim" ? "submit-claim" : "submit-entry"}
          className="rounded-md bg-brand-700 px-5 py-2 text-sm font-medium text-white hover:bg-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60"
        >
          {submitting ? t("submitting") : mode === "claim" ? t("submitClaim") : t("submit")}
        </button>
        {pendingUploads && <span className="text-sm text-slate-700">{t("waitForUploads")}</span>}
        <p role="status" className="text-sm font-medium text-green-800" data-testid="form-saved">
          {saved}
        </p>
      </div>
    </form>
  );
}
