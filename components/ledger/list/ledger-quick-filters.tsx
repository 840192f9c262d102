"use client";

import { useTranslations } from "next-intl";
import type { LedgerView } from "@/lib/ledger/query-options";
import { LEDGER_SORTS, LIST_COLOURS } from "@/lib/ledger/schemas";

const field =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-2.5 py-1.5 text-sm text-slate-900 focus:border-brand-700 focus:outline-2 focus:outline-brand-700";
const labelClass = "block text-sm font-medium text-slate-800";

/** What needs doing first: the colour filter, "needs my action" and the order of the list. */
export function LedgerQuickFilters({
  view,
  set,
}: {
  view: LedgerView;
  set: (patch: Partial<LedgerView>) => void;
}) {
  const t = useTranslations("ledger.filters");
  return (
    <>
      <div>
        <label htmlFor="filter-colour" className={labelClass}>
          {t("colourLabel")}
        </label>
        <select
          id="filter-colour"
          className={field}
          value={view.colour ?? ""}
          onChange={(e) => set({ colour: (e.target.value || undefined) as LedgerView["colour"] })}
        >
          <option value="">{t("allColours")}</option>
          {LIST_COLOURS.map((c) => (
            <option key={c} value={c}>
              {t(`colour.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-sort" className={labelClass}>
          {t("sort")}
        </label>
        <select
          id="filter-sort"
          className={field}
          value={view.sort}
          onChange={(e) => set({ sort: e.target.value as LedgerView["sort"], order: "asc" })}
        >
          {LEDGER_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`sorts.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end pb-1.5">
        <label className="inline-flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            className="h-4 w-4 accent-brand-700"
            checked={Boolean(view.needsAction)}
            onChange={(e) => set({ needsAction: e.target.checked || undefined })}
            data-testid="filter-needs-action"
          />
          {t("needsAction")}
        </label>
      </div>
    </>
  );
}
