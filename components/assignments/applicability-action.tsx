"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "react-aria-components";
import { useForm } from "react-hook-form";
import { ApiError } from "@/lib/api/client";
import { afterAssignmentWrite, setApplicability } from "@/lib/assignments/query-options";
import { ApplicabilityInput } from "@/lib/assignments/schemas";
import { ledgerQueries } from "@/lib/ledger/query-options";
import type { LedgerItemDetail } from "@/lib/ledger/schemas";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import {
  FieldMessage,
  Notice,
  RequiredMark,
  field,
  useErrorText,
  useZodResolver,
} from "@/components/ui/form";

type Values = { notApplicable: boolean; reason: string; version: number };

/**
 * For the administrators who own the item's enterprise: mark the ledger item not applicable with
 * a reason (it leaves the completion figures from now on), or applicable again. Reads the item
 * from the ledger's cache, so the version sent is the one the page shows.
 */
export function ApplicabilityAction({ initial }: { initial: LedgerItemDetail }) {
  const t = useTranslations("assignments.applicability");
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const item =
    useQuery({ ...ledgerQueries.item(initial.id), initialData: initial }).data ?? initial;
  const [open, setOpen] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const [error, setErrorText] = useState<string | null>(null);
  const resolver = useZodResolver<Values>(ApplicabilityInput);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    resolver,
    values: { notApplicable: true, reason: "", version: item.version },
  });

  const refresh = () => afterAssignmentWrite(queryClient);
  const failed = (caught: unknown) => {
    if (caught instanceof ApiError && caught.status === 409) {
      refresh();
      return t("conflict");
    }
    return errorText(caught);
  };

  const submit = (close: () => void) =>
    handleSubmit(async (values) => {
      setErrorText(null);
      try {
        await setApplicability(item.id, {
          notApplicable: true,
          reason: values.reason,
          version: item.version,
        });
        refresh();
        reset();
        close();
      } catch (caught) {
        if (caught instanceof ApiError && caught.status === 422 && caught.fields.reason) {
          setError("reason", { type: "server", message: caught.fields.reason });
          return;
        }
        setErrorText(failed(caught));
      }
    });

  if (item.notApplicable)
    return (
      <>
        <Button
          className={field.secondary}
          onPress={() => setUndoing(true)}
          data-testid="mark-applicable"
        >
          {t("undo")}
        </Button>
        <ConfirmDialog
          isOpen={undoing}
          onOpenChange={setUndoing}
          title={t("undoTitle")}
          message={t("undoMessage")}
          confirmLabel={t("undo")}
          onConfirm={async () => {
            await setApplicability(item.id, { notApplicable: false, version: item.version });
            refresh();
          }}
          errorMessage={failed}
          testId="mark-applicable-dialog"
        />
      </>
    );
  // A completed item stays completed; a claim under review is decided first.
  if (item.status === "COMPLETED" || item.status === "COMPLETION_CLAIMED") return null;

  return (
    <Dialog
      title={t("title")}
      isOpen={open}
      onOpenChange={(next) => {
        setOpen(next);
        setErrorText(null);
      }}
      testId="not-applicable-dialog"
      trigger={
        <Button className={field.secondary} data-testid="mark-not-applicable">
          {t("mark")}
        </Button>
      }
    >
      {(close) => (
        <form onSubmit={submit(close)} noValidate className="space-y-3">
          <p className="text-sm text-slate-800">{t("explain")}</p>
          {error && <Notice tone="error">{error}</Notice>}
          <div>
            <label htmlFor="not-applicable-reason" className={field.label}>
              {t("reason")}
              <RequiredMark />
            </label>
            <textarea
              id="not-applicable-reason"
              rows={3}
              {...register("reason")}
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={errors.reason ? "not-applicable-reason-error" : undefined}
              className={field.input(Boolean(errors.reason))}
              data-testid="not-applicable-reason"
            />
            <FieldMessage id="not-applicable-reason-error" message={errors.reason?.message} />
          </div>
          <div className="flex justify-end gap-2">
            <button type="button" className={field.secondary} onClick={close}>
              {t("cancel")}
            </button>
            <button
              type="submit"
              className={field.danger}
              disabled={isSubmitting}
              data-testid="not-applicable-submit"
            >
              {t("confirm")}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
