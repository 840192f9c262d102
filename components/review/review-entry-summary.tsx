"use client";

import clsx from "clsx";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { asLocale, bilingual, formatDateTime } from "@/components/ui/formats";
import { inlineLink } from "@/components/ui/styles";
import { localName } from "@/lib/i18n/config";
import type { ReviewQueueItem } from "@/lib/review/query-options";
import { ReviewEntryBody } from "./review-entry-body";
import { ReviewIndicators } from "./review-indicators";

const KIND_CLASS = {
  PROGRESS: "bg-blue-50 text-blue-900 ring-blue-200",
  NO_CHANGE: "bg-slate-100 text-slate-800 ring-slate-300",
  COMPLETION_CLAIM: "bg-amber-50 text-amber-900 ring-amber-300",
} as const;

const chip =
  "inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset";

/** What was reported: the item (the row's heading), kind, stage, lateness, the facts, the text and evidence. */
export function ReviewEntrySummary({
  row,
  headingId,
}: {
  row: ReviewQueueItem;
  headingId: string;
}) {
  const t = useTranslations("review");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  const { entry, item, stage } = row;

  return (
    <>
      <header className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          <span className="mr-2 font-mono text-sm text-slate-600">{item.task.code}</span>
          <Link href={`/ledger/${item.id}`} className={inlineLink}>
            {bilingual(locale, item.task.titleZh, item.task.titleEn)}
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
            {localName(item.enterprise, locale)}
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
            <span className="ml-2 text-xs text-slate-700" data-testid="review-percent-change">
              {row.previousEntry && row.percentChange !== null
                ? t("percentChangeValue", {
                    change: row.percentChange,
                    period: row.previousEntry.period,
                    previous: row.previousEntry.percentDone,
                  })
                : t("firstEntry")}
            </span>
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

      <ReviewIndicators row={row} />
      <ReviewEntryBody entry={entry} />
    </>
  );
}
