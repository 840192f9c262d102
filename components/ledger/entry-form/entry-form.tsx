"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useMemo } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Notice, useZodResolver } from "@/components/ui/form";
import { TIME_ZONE } from "@/lib/time";
import type { EntryWriteResult } from "@/lib/ledger/query-options";
import type { EntryDto, LedgerItemDetail } from "@/lib/ledger/schemas";
import { ConflictPanel } from "./conflict-panel";
import { CorrectingNote } from "./correcting-note";
import {
  emptyValues,
  entryFormSchema,
  valuesFromEntry,
  type EntryFormValues,
  type EntryMode,
} from "./entry-form-model";
import { EvidenceUploader } from "./evidence-uploader";
import { countErrors, errorAt } from "./field-errors";
import { IndicatorFields } from "./indicator-fields";
import { JustificationField } from "./justification-field";
import { LinkFields } from "./link-fields";
import { NarrativeField } from "./narrative-field";
import { PeriodFields } from "./period-fields";
import { useEntryDraft } from "./use-entry-draft";
import { useEntrySubmit } from "./use-entry-submit";
import { useEvidenceUploads } from "./use-evidence-uploads";

/**
 * Records a progress entry or claims completion (remount it with a new key to start over). The
 * zod schemas of the API validate in the browser; the server's 422 messages land beside the same
 * inputs; a 409 keeps the draft and offers to send it on top of the latest version.
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
  const tc = useTranslations("indicatorCheck");
  const uid = useId();
  const ids = (name: string) => `${uid}-${name.replaceAll(".", "-")}`;

  const defaultPeriod = periods[0] ?? "";
  const defaults = useMemo(
    () => emptyValues(item.indicators, defaultPeriod, item.percentDone, item.status),
    // A fresh draft starts from the item as it is now.
    [item.indicators, defaultPeriod, item.percentDone, item.status],
  );
  const schema = useMemo(() => entryFormSchema(mode, item.indicators), [mode, item.indicators]);
  const resolver = useZodResolver<EntryFormValues>(schema, { nested: true });
  const form = useForm<EntryFormValues>({
    // "Correct this entry" mounts a fresh form (the parent changes its key) starting from the entry.
    defaultValues: correcting ? valuesFromEntry(item.indicators, correcting) : defaults,
    resolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { formState, reset } = form;
  const errors = formState.errors;

  const evidence = useEvidenceUploads(form);
  const draft = useEntryDraft({
    form,
    mode,
    itemId: item.id,
    periods,
    enabled: !correcting,
  });
  const format = useFormatter();
  const {
    submitting,
    conflict,
    formError,
    saved,
    errorSummary,
    onSubmit,
    resubmit,
    discard,
    warningsToConfirm,
  } = useEntrySubmit({
    mode,
    item,
    form,
    defaultPeriod,
    seenVersion,
    onVersionSeen,
    correcting,
    onCancelCorrection,
    onSaved: (result) => {
      draft.clear();
      onSaved?.(result);
    },
    uploadsPending: evidence.pending,
    clearUploads: evidence.clear,
  });

  // Someone else moved the item on while this form is untouched: start from the new state, so an
  // empty draft never triggers a conflict nor sends back a stale percentage. A kept draft is the
  // user's work: it stays, and sending it meets the conflict panel if the item moved meanwhile.
  useEffect(() => {
    if (
      item.version === seenVersion ||
      formState.isDirty ||
      draft.held() ||
      conflict ||
      correcting ||
      evidence.uploads.length
    )
      return;
    onVersionSeen(item.version);
    reset(emptyValues(item.indicators, defaultPeriod, item.percentDone, item.status));
    // Only the item's version matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item.version]);

  const periodOptions =
    correcting && !periods.includes(correcting.period) ? [correcting.period, ...periods] : periods;
  const fieldErrorCount = countErrors(errors);

  return (
    <FormProvider {...form}>
      <form
        noValidate
        onSubmit={onSubmit}
        className="space-y-5"
        data-testid={mode === "claim" ? "claim-form" : "entry-form"}
        aria-busy={submitting}
      >
        {correcting && (
          <CorrectingNote
            entry={correcting}
            onCancel={() => {
              reset(defaults);
              onCancelCorrection?.();
            }}
          />
        )}

        {conflict && (
          <ConflictPanel
            conflict={conflict}
            onResubmit={resubmit}
            onDiscard={discard}
            busy={submitting}
          />
        )}

        {draft.restored && (
          <Notice tone="info" testId="draft-restored">
            {t("draftRestored", {
              time: format.dateTime(new Date(draft.restored.savedAt), {
                timeZone: TIME_ZONE,
                ...(new Date(draft.restored.savedAt).toDateString() === new Date().toDateString()
                  ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
                  : { dateStyle: "short", timeStyle: "short" }),
              }),
            })}
            {draft.restored.files > 0 &&
              ` ${t("draftFilesDropped", { count: draft.restored.files })}`}{" "}
            <button
              type="button"
              onClick={draft.discard}
              className="font-medium text-brand-700 underline hover:text-brand-900"
              data-testid="draft-discard"
            >
              {t("draftDiscard")}
            </button>
          </Notice>
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

        <PeriodFields mode={mode} periods={periodOptions} ids={ids} />
        <NarrativeField mode={mode} ids={ids} />
        {item.indicators.length > 0 && (
          <IndicatorFields indicators={item.indicators} ids={ids} mode={mode} />
        )}
        {mode === "claim" && <JustificationField indicators={item.indicators} ids={ids} />}

        <EvidenceUploader
          itemId={item.id}
          uploads={evidence.uploads}
          onChange={evidence.setUploads}
          error={errorAt(errors, "evidenceIds")}
          errorId={ids("evidence-error")}
          required={mode === "claim"}
        />

        <LinkFields ids={ids} />

        <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
          <button
            type="submit"
            disabled={submitting || evidence.pending}
            data-testid={mode === "claim" ? "submit-claim" : "submit-entry"}
            className="rounded-md bg-brand-700 px-5 py-2 text-sm font-medium text-white hover:bg-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60"
          >
            {submitting ? t("submitting") : mode === "claim" ? t("submitClaim") : t("submit")}
          </button>
          {evidence.pending && (
            <span className="text-sm text-slate-700">{t("waitForUploads")}</span>
          )}
          <p role="status" className="text-sm font-medium text-green-800" data-testid="form-saved">
            {saved}
          </p>
        </div>
      </form>
      <ConfirmDialog
        isOpen={warningsToConfirm.reasons !== null}
        onOpenChange={(open) => !open && warningsToConfirm.cancel()}
        title={tc("confirmTitle")}
        confirmLabel={tc("confirmAction")}
        onConfirm={warningsToConfirm.confirm}
        testId="indicator-confirm"
        message={
          <>
            <p>{tc("confirmIntro")}</p>
            <ul className="mt-2 list-disc space-y-1 pl-5" data-testid="indicator-confirm-reasons">
              {warningsToConfirm.reasons?.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </>
        }
      />
    </FormProvider>
  );
}
