"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { asLocale } from "@/components/ui/formats";
import { localName } from "@/lib/i18n/config";
import type { AssignResult } from "@/lib/assignments/schemas";

/**
 * What the assignment would do (a dry run): the enterprises selected, how many get new items and
 * how many already have them, with a sample. Announced politely as it changes.
 */
export function AssignPreview({
  preview,
  state,
  errorText,
}: {
  preview: AssignResult | undefined;
  state: "idle" | "loading" | "error" | "ready";
  errorText?: string;
}) {
  const t = useTranslations("assignments.preview");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  const n = (value: number) => format.number(value);
  return (
    <div
      className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-900"
      data-testid="assign-preview"
      data-state={state}
      data-enterprises={preview?.enterprises}
      data-created={preview?.created}
      data-existing={preview?.existing}
      aria-busy={state === "loading" || undefined}
    >
      <h3 className="font-semibold">{t("heading")}</h3>
      <div aria-live="polite" className="mt-1 space-y-1">
        {state === "idle" && <p className="text-slate-700">{t("chooseTasks")}</p>}
        {state === "error" && (
          <p role="alert" className="text-red-800">
            {errorText}
          </p>
        )}
        {preview && state !== "idle" && state !== "error" && (
          <>
            <p data-testid="assign-preview-summary">
              {t("summary", {
                enterprises: n(preview.enterprises),
                withNew: n(preview.enterprisesWithNew),
                created: n(preview.created),
              })}
            </p>
            <p>{t("existing", { existing: n(preview.existing) })}</p>
            {preview.updated > 0 && <p>{t("updated", { updated: n(preview.updated) })}</p>}
            {state === "loading" && <p className="text-slate-600">{t("updating")}</p>}
          </>
        )}
      </div>
      {preview && state !== "idle" && preview.sample.length > 0 && (
        <details className="mt-2">
          <summary className="cursor-pointer text-brand-700">
            {t("sample", { count: preview.sample.length })}
          </summary>
          <ul className="mt-1 list-disc pl-5" data-testid="assign-preview-sample">
            {preview.sample.map((e) => (
              <li key={e.id}>
                {localName(e, locale)} <span className="text-slate-600">({e.code})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
