"use client";

import { useTranslations } from "next-intl";
import { table } from "@/components/ui/section";
import type { ReviewQueueItem } from "@/lib/review/query-options";
import { EvidencePreviews } from "./evidence-preview";

const EXCERPT = 240;

/** The entry's narrative (or claim statement), folded when long, and its evidence. */
export function ReviewEntryBody({ entry }: { entry: ReviewQueueItem["entry"] }) {
  const t = useTranslations("review");
  const narrative = entry.narrative.trim();
  const long = narrative.length > EXCERPT;

  return (
    <>
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

      {entry.justification && (
        <div className="rounded border border-amber-200 bg-amber-50 p-2 text-sm">
          <h3 className="font-medium text-amber-900">{t("justification")}</h3>
          <p className="whitespace-pre-wrap text-slate-900" data-testid="review-justification">
            {entry.justification}
          </p>
        </div>
      )}

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
      <EvidencePreviews evidence={entry.evidence} />
    </>
  );
}
