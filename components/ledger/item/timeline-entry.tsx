"use client";

import clsx from "clsx";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useIndicatorFormat } from "@/components/ledger/indicator-format";
import { StatusBadge } from "@/components/ui/badges";
import { asLocale, formatDateTime } from "@/components/ui/formats";
import { localName } from "@/lib/i18n/config";
import type { EntryDto, LedgerItemDetail } from "@/lib/ledger/schemas";
import { EntryEvidence } from "./entry-evidence";

const REVIEW_CLASS = {
  SUBMITTED: "bg-slate-100 text-slate-800 ring-slate-300",
  CONFIRMED: "bg-sky-50 text-sky-900 ring-sky-300",
  APPROVED: "bg-green-50 text-green-900 ring-green-300",
  RETURNED: "bg-red-50 text-red-900 ring-red-300",
} as const;

const chip =
  "inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset";

/** One entry of the timeline: its figures, narrative, evidence, reviews and "correct". */
export function EntryCard({
  entry,
  item,
  corrected,
  onCorrect,
}: {
  entry: EntryDto;
  item: LedgerItemDetail;
  /** undefined: not a correction; null: corrects an entry not listed. */
  corrected: EntryDto | null | undefined;
  onCorrect?: (entry: EntryDto) => void;
}) {
  const t = useTranslations("ledger.timeline");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  const formatValue = useIndicatorFormat();
  const indicators = new Map(item.indicators.map((i) => [i.id, i]));
  const headingId = `entry-${entry.id}`;
  const at = formatDateTime(format, new Date(entry.createdAt));

  return (
    <li
      className={clsx(
        "rounded-md border bg-white p-4",
        entry.kind === "COMPLETION_CLAIM" ? "border-amber-300" : "border-slate-200",
      )}
      data-testid="timeline-entry"
      data-entry-id={entry.id}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id={headingId} className="text-sm font-semibold text-slate-900">
            <span className="tabular-nums">{entry.period}</span> · {t(`kind.${entry.kind}`)}
          </h3>
          <p className="text-xs text-slate-600">
            {t("by", { name: entry.author.displayName, at })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-1">
          <span className={clsx(chip, REVIEW_CLASS[entry.reviewState])} data-testid="review-state">
            {t(`reviewState.${entry.reviewState}`)}
          </span>
          {entry.late && (
            <span className={clsx(chip, "bg-amber-50 text-amber-900 ring-amber-300")}>
              {t("late")}
            </span>
          )}
        </div>
      </div>

      {corrected !== undefined && (
        <p className="mt-2 text-xs font-medium text-slate-700" data-testid="corrects">
          {corrected
            ? t("corrects", {
                period: corrected.period,
                at: formatDateTime(format, new Date(corrected.createdAt)),
              })
            : t("correctsUnknown")}
        </p>
      )}

      <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex gap-2">
          <dt className="text-slate-600">{t("percent")}</dt>
          <dd className="font-medium tabular-nums" data-testid="entry-percent">
            {format.number(entry.percentDone / 100, { style: "percent" })}
          </dd>
        </div>
        <div className="flex items-center gap-2">
          <dt className="text-slate-600">{t("status")}</dt>
          <dd>
            <StatusBadge status={entry.status} />
          </dd>
        </div>
      </dl>

      <p className="mt-2 text-sm whitespace-pre-wrap text-slate-900" data-testid="entry-narrative">
        {entry.narrative}
      </p>

      {entry.indicatorValues.length > 0 && (
        <div className="mt-3">
          <h4 className="text-xs font-semibold text-slate-700">{t("indicatorValues")}</h4>
          <ul className="mt-1 space-y-0.5 text-sm" data-testid="entry-indicators">
            {entry.indicatorValues.map((v) => {
              const indicator = indicators.get(v.indicatorId);
              return (
                <li key={v.indicatorId}>
                  {t("indicatorValue", {
                    name: indicator ? localName(indicator, locale) : v.indicatorId,
                    value: indicator
                      ? formatValue(v.value, indicator.unit)
                      : format.number(v.value),
                  })}
                </li>
              );
            })}
          </ul>
        </div>
      )}

      <EntryEvidence evidence={entry.evidence} />

      {entry.reviews.length > 0 && (
        <div className="mt-3 rounded bg-slate-50 p-2">
          <h4 className="text-xs font-semibold text-slate-700">{t("reviews")}</h4>
          <ul className="mt-1 space-y-1 text-sm" data-testid="entry-reviews">
            {entry.reviews.map((r, i) => (
              <li key={i}>
                <span className="font-medium">
                  {t("review", {
                    reviewer: r.reviewer,
                    at: formatDateTime(format, new Date(r.createdAt)),
                    decision: t(`decision.${r.decision}`),
                  })}
                </span>
                {r.comment && (
                  <span className="block whitespace-pre-wrap text-slate-800">{r.comment}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      {onCorrect && entry.kind !== "COMPLETION_CLAIM" && (
        <div className="mt-3">
          <button
            type="button"
            onClick={() => onCorrect(entry)}
            className="rounded-md border border-slate-400 bg-white px-3 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-700"
            data-testid="correct-entry"
          >
            {t("correct")}
            <span className="sr-only"> ({entry.period})</span>
          </button>
        </div>
      )}
    </li>
  );
}
