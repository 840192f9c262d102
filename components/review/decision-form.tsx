"use client";

import clsx from "clsx";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { FieldMessage, RequiredMark, field } from "@/components/ui/form";
import type { ReviewQueueItem } from "@/lib/review/query-options";
import { useDecision, type DecisionOutcome } from "./use-decision";

/**
 * The decision on one row: approve (or confirm), or return with a reason. `headingId` names the
 * row, so each button is told apart from the same button on other rows.
 */
export function DecisionForm({
  row,
  headingId,
  onDone,
}: {
  row: ReviewQueueItem;
  headingId: string;
  onDone: (row: ReviewQueueItem, outcome: DecisionOutcome) => void;
}) {
  const t = useTranslations("review");
  const tv = useTranslations("validation");
  const { stage } = row;
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const returnButtonRef = useRef<HTMLButtonElement>(null);
  const uid = useId();
  const reasonId = `${uid}-reason`;
  const reasonErrorId = `${uid}-reason-error`;
  const reasonHintId = `${uid}-reason-hint`;

  const mutation = useDecision(row, {
    onDone,
    onInvalid: (error) => {
      // Field messages arrive in the user's language; keep them beside the field.
      const comment = error.fields.comment;
      if (comment) {
        setReturning(true);
        setReasonError(comment);
        requestAnimationFrame(() => reasonRef.current?.focus());
        return;
      }
      setFormError(error.fields.decision ?? error.fields._form ?? error.message);
    },
  });
  const pending = mutation.isPending;

  const submitReturn = (event: React.FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    if (!reason.trim()) {
      setReasonError(tv("returnReasonRequired"));
      reasonRef.current?.focus();
      return;
    }
    setReasonError(undefined);
    mutation.mutate({ decision: "RETURN", comment: reason.trim() });
  };

  return (
    <>
      {formError && (
        <p role="alert" className="text-sm text-red-800">
          {formError}
        </p>
      )}

      {!returning ? (
        <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-3">
          <button
            type="button"
            className={field.primary}
            disabled={pending}
            aria-describedby={headingId}
            data-testid="approve"
            onClick={() => {
              setFormError(undefined);
              mutation.mutate({ decision: stage === "confirm" ? "CONFIRM" : "APPROVE" });
            }}
          >
            {pending ? t("working") : stage === "confirm" ? t("confirm") : t("approve")}
          </button>
          <button
            ref={returnButtonRef}
            type="button"
            className={field.danger}
            disabled={pending}
            aria-describedby={headingId}
            data-testid="return"
            onClick={() => {
              setReturning(true);
              requestAnimationFrame(() => reasonRef.current?.focus());
            }}
          >
            {t("return")}
          </button>
        </div>
      ) : (
        <form
          onSubmit={submitReturn}
          noValidate
          className="space-y-2 border-t border-slate-200 pt-3"
          data-testid="return-form"
        >
          <div>
            <label htmlFor={reasonId} className={field.label}>
              {t("returnReason")}
              <RequiredMark />
            </label>
            <p id={reasonHintId} className={field.hint}>
              {t("returnReasonHint")}
            </p>
            <textarea
              ref={reasonRef}
              id={reasonId}
              name="comment"
              rows={3}
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={clsx(reasonHintId, reasonError && reasonErrorId)}
              aria-required="true"
              className={field.input(Boolean(reasonError))}
            />
            <FieldMessage id={reasonErrorId} message={reasonError} />
          </div>
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              className={field.danger}
              disabled={pending}
              data-testid="return-submit"
            >
              {pending ? t("working") : t("returnSubmit")}
            </button>
            <button
              type="button"
              className={field.secondary}
              disabled={pending}
              onClick={() => {
                setReturning(false);
                setReasonError(undefined);
                requestAnimationFrame(() => returnButtonRef.current?.focus());
              }}
            >
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
