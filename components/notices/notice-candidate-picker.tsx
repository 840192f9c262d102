"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ColourBadge } from "@/components/ui/colour-badge";
import { field, useErrorText } from "@/components/ui/form";
import { asLocale, bilingual, formatDay } from "@/components/ui/formats";
import type { CandidateShow, ItemSummary, NoticeCandidates } from "./use-notice-candidates";

/** Find items to add: which ones to show, a search, and the candidates as checkboxes. */
export function NoticeCandidatePicker({
  picker,
  selectedIds,
  onToggle,
}: {
  picker: NoticeCandidates;
  selectedIds: string[];
  onToggle: (row: ItemSummary, on: boolean) => void;
}) {
  const t = useTranslations("notices.new");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  const errorText = useErrorText();
  const { candidates } = picker;

  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
      <h3 className="text-sm font-semibold text-slate-800">{t("findHeading")}</h3>
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="notice-show" className={field.label}>
            {t("show")}
          </label>
          <select
            id="notice-show"
            value={picker.show}
            onChange={(e) => picker.setShow(e.target.value as CandidateShow)}
            className={field.input()}
          >
            <option value="overdue">{t("showOverdue")}</option>
            <option value="inProgress">{t("showInProgress")}</option>
            <option value="all">{t("showAll")}</option>
          </select>
        </div>
        <div className="min-w-64 flex-1">
          <label htmlFor="notice-q" className={field.label}>
            {t("search")}
          </label>
          <input
            id="notice-q"
            type="search"
            value={picker.qInput}
            placeholder={t("searchPlaceholder")}
            onChange={(e) => picker.setQInput(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                picker.search();
              }
            }}
            className={field.input()}
          />
        </div>
        <button type="button" className={field.secondary} onClick={picker.search}>
          {t("searchButton")}
        </button>
      </div>
      <div className="mt-3" aria-live="polite" aria-busy={candidates.isFetching}>
        {candidates.isPending ? (
          <p className="text-sm text-slate-700">{t("loadingCandidates")}</p>
        ) : candidates.isError ? (
          <p className="text-sm text-red-800">{errorText(candidates.error)}</p>
        ) : candidates.data.items.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noCandidates")}</p>
        ) : (
          <fieldset>
            <legend className="text-sm text-slate-700">
              {t("candidates", {
                shown: candidates.data.items.length,
                total: `${format.number(candidates.data.total)}${candidates.data.totalCapped ? "+" : ""}`,
              })}
            </legend>
            <ul
              className="mt-1 max-h-96 divide-y divide-slate-200 overflow-y-auto rounded-md border border-slate-200 bg-white"
              data-testid="notice-candidates"
            >
              {candidates.data.items.map((row) => {
                const inputId = `notice-candidate-${row.id}`;
                return (
                  <li
                    key={row.id}
                    className="flex items-start gap-2 px-3 py-2 text-sm"
                    data-testid="notice-candidate"
                    data-item-id={row.id}
                  >
                    <input
                      id={inputId}
                      type="checkbox"
                      checked={selectedIds.includes(row.id)}
                      onChange={(e) => onToggle(row, e.target.checked)}
                      className="mt-0.5 h-4 w-4 rounded border-slate-400 accent-brand-700"
                    />
                    <label htmlFor={inputId} className="flex-1">
                      <span className="font-mono text-xs text-slate-600">{row.task.code}</span>{" "}
                      {bilingual(locale, row.task.titleZh, row.task.titleEn)}
                      <span className="block text-xs text-slate-700">
                        {bilingual(locale, row.enterprise.nameZh, row.enterprise.nameEn)} ·{" "}
                        {t("due", { date: formatDay(format, new Date(row.dueDate)) })} ·{" "}
                        {format.number(row.percentDone / 100, { style: "percent" })}
                      </span>
                    </label>
                    <ColourBadge colour={row.colour} />
                  </li>
                );
              })}
            </ul>
          </fieldset>
        )}
      </div>
    </div>
  );
}
