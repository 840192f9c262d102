"use client";

import { useMutation } from "@tanstack/react-query";
import clsx from "clsx";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { asLocale, bilingual, formatDateTime } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import { localName } from "@/lib/i18n/config";
import { ApiError } from "@/lib/api/client";
import { FieldMessage, RequiredMark, field } from "@/components/ui/form";
import { postReview, type Decision, type ReviewQueueItem } from "@/lib/review/query-options";
import { inlineLink } from "@/components/ui/styles";

const EXCERPT = 240;

const KIND_CLASS = {
  PROGRESS: "bg-blue-50 text-blue-900 ring-blue-200",
  NO_CHANGE: "bg-slate-100 text-slate-800 ring-slate-300",
  COMPLETION_CLAIM: "bg-amber-50 text-amber-900 ring-amber-300",
} as const;

const chip =
  "inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset";

export type DecisionOutcome = { ok: true; decision: Decision } | { ok: false; error: unknown };

/**
 * One entry or claim waiting for a decision: what was reported, with its evidence, and the
 * buttons to approve (or confirm) or return it with a reason.
 */
export function ReviewRow({
  row,
  onDone,
}: {
  row: ReviewQueueItem;
  onDone: (row: ReviewQueueItem, outcome: DecisionOutcome) => void;
}) {
  const t = useTranslations("review");
  const tv = useTranslations("validation");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  const { entry, item, stage } = row;
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const returnButtonRef = useRef<HTMLButtonElement>(null);
  const uid = useId();
  const headingId = `${uid}-heading`;
  const reasonId = `${uid}-reason`;
  const reasonErrorId = `${uid}-reason-error`;
  const reasonHintId = `${uid}-reason-hint`;

  const mutation = useMutation({
    mutationFn: (body: { decision: Decision; comment?: string }) => postReview(entry.id, body),
    onSuccess: (_result, body) => onDone(row, { ok: true, decision: body.decision }),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 422) {
        // Field messages arrive in the user's language; keep them beside the field.
        const comment = error.fields.comment;
        if (comment) {
          setReturning(true);
          setReasonError(comment);
          requestAnimationFrame(() => reasonRef.current?.focus());
          return;
        }
        setFormError(error.fields.decision ?? error.fields._form ?? error.message);
        return;
      }
      onDone(row, { ok: false, error });
    },
  });

  const title = bilingual(locale, item.task.titleZh, item.task.titleEn);
  const enterprise = localName(item.enterprise, locale);
  const narrative = entry.narrative.trim();
  const long = narrative.length > EXCERPT;
  const approveDecision: Decision = stage === "confirm" ? "CONFIRM" : "APPROVE";
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
    <li
      className="rounded-lg border border-slate-200 bg-white shadow-sm"
      data-testid="review-row"
      data-entry-id={entry.id}
      data-item-id={item.id}
      data-enterprise-id={item.enterprise.id}
      data-kind={entry.kind}
      data-stage={stage}
    >
      <article aria-labelledby={headingId} className="space-y-3 p-4">
        <header className="flex flex-wrap items-start justify-between gap-2">
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            <span className="mr-2 font-mono text-sm text-slate-600">{item.task.code}</span>
            <Link href={`/ledger/${item.id}`} className={inlineLink}>
              {title}
            </Link>
          </h2>
          <p className="flex flex-wrap items-center gap-1.5">
            <span className={clsx(chip, KIND_CLASS[entry.kind])} data-testid="review-kind">
              {t(`kind.${entry.kind}`)}
            </span>
            <span
              className={clsx(
                chip,
                stage === "confirm"
                  ? "bg-violet-50 text-violet-900 ring-violet-300"
                  : "bg-slate-50 text-slate-800 ring-slate-300",
              )}
            >
              {t(`stage.${stage}`)}
            </span>
            {entry.late && (
              <span
                className={clsx(chip, "bg-red-50 text-red-900 ring-red-300")}
                data-testid="late-flag"
              >
                {t("late")}
              </span>
            )}
          </p>
        </header>

        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-slate-600">{t("enterprise")}</dt>
            <dd className="font-medium text-slate-900" data-testid="review-enterprise">
              {enterprise}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("period")}</dt>
            <dd className="tabular-nums">{entry.period}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("percent")}</dt>
            <dd className="tabular-nums">
              {format.number(entry.percentDone / 100, { style: "percent" })}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("submitted")}</dt>
            <dd>
              {t("submittedAtBy", {
                at: formatDateTime(format, new Date(entry.createdAt)),
                by: entry.author.displayName,
              })}
            </dd>
          </div>
        </dl>

        <div className="text-sm">
          <h3 className="sr-only">
            {entry.kind === "COMPLETION_CLAIM" ? t("statement") : t("narrative")}
          </h3>
          {narrative ? (
            long ? (
              <details className="group">
                <summary className="cursor-pointer list-none text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-700">
                  <span className="whitespace-pre-wrap group-open:hidden">
                    {narrative.slice(0, EXCERPT)}…{" "}
                  </span>
                  <span className="text-brand-700 underline group-open:hidden">{t("showAll")}</span>
                  <span className="hidden text-brand-700 underline group-open:inline">
                    {t("showLess")}
                  </span>
                </summary>
                <p className="mt-1 whitespace-pre-wrap text-slate-900">{narrative}</p>
              </details>
            ) : (
              <p className="whitespace-pre-wrap text-slate-900">{narrative}</p>
            )
          ) : (
            <p className="text-slate-600">
              {entry.kind === "NO_CHANGE" ? t("noChangeNarrative") : t("noNarrative")}
            </p>
          )}
        </div>

        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
          <h3 className="font-medium text-slate-800">{t("evidence")}</h3>
          {entry.evidence.length === 0 ? (
            <p className="text-slate-600">{t("noEvidence")}</p>
          ) : (
            <ul className="flex flex-wrap gap-x-4 gap-y-1" data-testid="review-evidence">
              {entry.evidence.map((e) => (
                <li key={e.id}>
                  {e.kind === "FILE" ? (
                    <a href={`/api/v1/evidence/${e.id}`} className={table.link}>
                      {e.fileName ?? t("file")}
                    </a>
                  ) : (
                    <a
                      href={e.url ?? "#"}
                      className={table.link}
                      target="_blank"
                      rel="noopener noreferrer"
                    >
                      {e.title || e.url}
                      <span className="sr-only"> ({t("opensNewWindow")})</span>
                    </a>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>

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
                mutation.mutate({ decision: approveDecision });
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
      </article>
    </li>
  );
}
