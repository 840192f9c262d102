"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { field } from "@/components/ui/form";
import { asLocale, bilingual } from "@/components/ui/formats";
import { inlineLink } from "@/components/ui/styles";
import { ledgerQueries } from "@/lib/ledger/query-options";

/**
 * The main items still without an entry for the period: each to be ticked "no change" or
 * reported on its own page; submitting files the enterprise with the ticked ones.
 */
export function MissingItemsForm({
  enterpriseId,
  programmeId,
  period,
  missing,
  ticked,
  setTicked,
  pending,
  onSubmit,
  onCancel,
}: {
  enterpriseId: string;
  programmeId: string;
  period: string;
  missing: string[];
  ticked: Set<string>;
  setTicked: (update: (prev: Set<string>) => Set<string>) => void;
  pending: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("rounds.file");
  const locale = asLocale(useLocale());
  const uid = useId();
  const items = useQuery({
    ...ledgerQueries.page({ enterpriseId, programmeId, mainOnly: true, limit: 200 }),
    enabled: Boolean(missing.length && enterpriseId),
    staleTime: 60_000,
  });
  const rowsById = new Map((items.data?.items ?? []).map((r) => [r.id, r]));

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      className="space-y-3"
      data-testid="no-change-form"
    >
      <fieldset className="rounded-md border border-slate-300 p-3">
        <legend className="px-1 text-sm font-semibold text-slate-900">
          {t("missingLegend", { count: missing.length, period })}
        </legend>
        <p className="mb-2 text-sm text-slate-700">{t("missingHint")}</p>
        {items.isLoading && <p className="text-sm text-slate-700">{t("loadingItems")}</p>}
        <ul className="divide-y divide-slate-200">
          {missing.map((id) => {
            const row = rowsById.get(id);
            const inputId = `${uid}-nc-${id}`;
            return (
              <li
                key={id}
                className="flex flex-wrap items-center justify-between gap-2 py-2"
                data-testid="missing-item"
                data-item-id={id}
              >
                <div className="flex items-start gap-2">
                  <input
                    id={inputId}
                    type="checkbox"
                    checked={ticked.has(id)}
                    onChange={(e) =>
                      setTicked((prev) => {
                        const next = new Set(prev);
                        if (e.target.checked) next.add(id);
                        else next.delete(id);
                        return next;
                      })
                    }
                    className="mt-0.5 h-4 w-4 rounded border-slate-400 accent-brand-700"
                  />
                  <label htmlFor={inputId} className="text-sm text-slate-900">
                    <span className="font-medium">{t("noChangeFor")}</span>{" "}
                    {row ? (
                      <>
                        <span className="font-mono text-xs text-slate-600">{row.task.code}</span>{" "}
                        {bilingual(locale, row.task.titleZh, row.task.titleEn)}
                      </>
                    ) : (
                      t("itemFallback")
                    )}
                  </label>
                </div>
                <Link href={`/ledger/${id}`} className={`${inlineLink} text-sm`}>
                  {t("reportInstead")}
                </Link>
              </li>
            );
          })}
        </ul>
        <div className="mt-2 flex flex-wrap gap-2">
          <button
            type="button"
            className={field.secondary}
            onClick={() => setTicked(() => new Set(missing))}
            data-testid="tick-all"
          >
            {t("tickAll")}
          </button>
          <button
            type="button"
            className={field.secondary}
            onClick={() => setTicked(() => new Set())}
          >
            {t("untickAll")}
          </button>
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          className={field.primary}
          disabled={pending}
          data-testid="filing-submit"
        >
          {pending ? t("working") : t("submit", { count: ticked.size })}
        </button>
        <button type="button" className={field.secondary} disabled={pending} onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
