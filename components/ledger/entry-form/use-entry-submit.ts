"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
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
import { reviewQueries } from "@/lib/review/query-options";
import {
  emptyValues,
  fieldFor,
  toPayload,
  type EntryFormValues,
  type EntryMode,
  type Payload,
} from "./entry-form-model";
import { useWarningText, warningsFor } from "./indicator-warnings";

type Sent = { payload: Payload; values: EntryFormValues; version: number };

/**
 * Sends the entry form: the write, the refresh of every view it changes, and what a refusal
 * means for the form. A 422 puts the server's messages beside the inputs; a 409 keeps the draft
 * and offers to send it on top of the latest version (`resubmit`) or to drop it (`discard`).
 */
export function useEntrySubmit({
  mode,
  item,
  form,
  defaultPeriod,
  seenVersion,
  onVersionSeen,
  correcting,
  onCancelCorrection,
  onSaved,
  uploadsPending,
  clearUploads,
}: {
  mode: EntryMode;
  item: LedgerItemDetail;
  form: UseFormReturn<EntryFormValues>;
  defaultPeriod: string;
  seenVersion: number;
  onVersionSeen: (version: number) => void;
  correcting?: EntryDto | null;
  onCancelCorrection?: () => void;
  onSaved?: (result: EntryWriteResult) => void;
  uploadsPending: boolean;
  clearUploads: () => void;
}) {
  const t = useTranslations("ledger.form");
  const queryClient = useQueryClient();
  const router = useRouter();
  const { handleSubmit, reset, setError } = form;
  const [conflict, setConflict] = useState<ConflictDetails | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  /** Indicator warnings waiting for the author's confirmation, and the submission they hold. */
  const [confirming, setConfirming] = useState<{
    reasons: string[];
    values: EntryFormValues;
    version: number;
  } | null>(null);
  const warningText = useWarningText();
  /** Focused when the server refuses the entry with nothing to show beside an input. */
  const errorSummary = useRef<HTMLDivElement>(null);

  const mutation = useMutation({
    mutationFn: ({ payload }: Sent) =>
      mode === "claim"
        ? postCompletionClaim(item.id, payload.body as ClaimCompletionInput)
        : postProgressEntry(item.id, payload.body as RecordProgressInput),
    onSuccess: async (result) => {
      setConflict(null);
      onVersionSeen(result.item.version);
      reset(
        emptyValues(item.indicators, defaultPeriod, result.item.percentDone, result.item.status),
      );
      clearUploads();
      setSaved(mode === "claim" ? t("claimSaved") : t("saved", { period: result.entry.period }));
      // Every view of the ledger (this item, the lists, the pickers) and the review queue, where
      // the new entry now waits; the server render follows.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ledgerQueries.all }),
        queryClient.invalidateQueries({ queryKey: reviewQueries.all }),
      ]);
      router.refresh();
      onSaved?.(result);
    },
    onError: (error, { payload, values, version }) => {
      if (!(error instanceof ApiError)) {
        setFormError(t("formError", { message: String(error) }));
      } else if (error.status === 409 && error.details) {
        // Keep every input as typed; show what happened meanwhile.
        setConflict(error.details as ConflictDetails);
        void queryClient.invalidateQueries({ queryKey: ledgerQueries.item(item.id).queryKey });
      } else if (
        error.status === 422 &&
        error.details?.indicatorWarnings &&
        !payload.body.indicatorWarningsConfirmed
      ) {
        // The server saw warnings the form did not (e.g. a value reported meanwhile): ask.
        setConfirming({
          values,
          version,
          reasons: Object.entries(error.fields)
            .filter(([path]) => path.startsWith("indicatorValues."))
            .map(([, message]) => message),
        });
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
    },
  });

  // Awaited by handleSubmit, so the form counts as submitted once the write and its refresh end.
  async function send(values: EntryFormValues, version: number, confirmed = false) {
    setFormError(null);
    setSaved(null);
    if (uploadsPending) {
      setFormError(t("waitForUploads"));
      return;
    }
    const warnings = warningsFor(item.indicators, values.indicators);
    if (warnings.size && !confirmed) {
      setConfirming({ values, version, reasons: warningText.all(item.indicators, warnings) });
      return;
    }
    const payload = toPayload(
      mode,
      values,
      version,
      mode === "progress" ? correcting?.id : undefined,
      confirmed,
    );
    // A refusal is handled by onError above; nothing is left to throw.
    await mutation.mutateAsync({ payload, values, version }).catch(() => undefined);
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
    clearUploads();
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

  return {
    submitting: mutation.isPending,
    conflict,
    formError,
    saved,
    errorSummary,
    onSubmit,
    resubmit,
    discard,
    warningsToConfirm: {
      reasons: confirming?.reasons ?? null,
      confirm: async () => {
        if (!confirming) return;
        await send(confirming.values, confirming.version, true);
      },
      cancel: () => setConfirming(null),
    },
  };
}
