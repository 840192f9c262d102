"use client";

import { chinaIsoDay } from "@/lib/time";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { EnterpriseCombobox } from "@/components/ui/enterprise-combobox";
import { asLocale } from "@/components/ui/formats";
import { localName } from "@/lib/i18n/config";
import type { LedgerFilterOptions } from "@/lib/ledger/filter-options";
import type { LedgerView } from "@/lib/ledger/query-options";
import { LEDGER_STATUSES } from "@/lib/ledger/schemas";
import { LedgerQuickFilters } from "./ledger-quick-filters";

const field =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-2.5 py-1.5 text-sm text-slate-900 focus:border-brand-700 focus:outline-2 focus:outline-brand-700";
const labelClass = "block text-sm font-medium text-slate-800";

/** What the enterprise picker needs to name the enterprise in the URL. */
export type EnterpriseName = { id: string; nameZh: string; nameEn: string };

/**
 * The ledger's filters. Selects and checkboxes apply at once; the search applies on submit. The
 * view lives in the URL, so the parent only hands over the current view and a setter.
 */
export function LedgerFilters({
  view,
  onChange,
  options,
  selectedEnterprise,
}: {
  view: LedgerView;
  onChange: (next: LedgerView) => void;
  options: LedgerFilterOptions;
  selectedEnterprise: EnterpriseName | null;
}) {
  const t = useTranslations("ledger.filters");
  const ts = useTranslations("status");
  const locale = asLocale(useLocale());
  const [q, setQ] = useState(view.q ?? "");
  // Back/forward or "clear" change the URL: follow it (state adjusted while rendering).
  const [shownQ, setShownQ] = useState(view.q);
  if (shownQ !== view.q) {
    setShownQ(view.q);
    setQ(view.q ?? "");
  }
  // Names of the enterprises picked here (or given by the server): Back and Forward may return to
  // any of them, and the picker must name the one in the URL, never a previous one.
  const [names, setNames] = useState<Record<string, EnterpriseName>>(() =>
    selectedEnterprise ? { [selectedEnterprise.id]: selectedEnterprise } : {},
  );
  const selected = view.enterpriseId ? names[view.enterpriseId] : undefined;

  const multipleProgrammes = options.programmes.length > 1;
  const categories = options.categories.filter(
    (c) => !view.programmeId || c.programmeId === view.programmeId,
  );
  const programmeCode = new Map(options.programmes.map((p) => [p.id, p.code]));
  const set = (patch: Partial<LedgerView>) => onChange({ ...view, ...patch });
  const filtered = Boolean(
    view.programmeId ||
    view.categoryId ||
    view.status ||
    view.mainOnly ||
    view.overdue ||
    view.enterpriseId ||
    view.supervisorId ||
    view.asOf ||
    view.completed !== undefined ||
    view.colour ||
    view.needsAction ||
    view.q,
  );
  // A dashboard's drill-down: the items behind a figure, as they stood on a day.
  const asOf = view.asOf || view.completed !== undefined;

  return (
    <form
      role="search"
      aria-label={t("heading")}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        set({ q: q.trim() || undefined });
      }}
      data-testid="ledger-filters"
    >
      <h2 className="sr-only">{t("heading")}</h2>
      {asOf && (
        <p
          className="mb-3 flex flex-wrap items-center gap-x-3 rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950"
          data-testid="ledger-as-of"
        >
          <span>
            {t("asOf", { date: view.asOf ?? chinaIsoDay() })}
            {view.completed !== undefined &&
              ` · ${t(view.completed ? "completedOnly" : "notCompletedOnly")}`}
            {view.colour && ` · ${t(`colour.${view.colour}`)}`}
          </span>
          <button
            type="button"
            onClick={() => set({ asOf: undefined, completed: undefined, colour: undefined })}
            className="underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-brand-700"
          >
            {t("showCurrent")}
          </button>
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {multipleProgrammes && (
          <div>
            <label htmlFor="filter-programme" className={labelClass}>
              {t("programme")}
            </label>
            <select
              id="filter-programme"
              className={field}
              value={view.programmeId ?? ""}
              onChange={(e) =>
                set({ programmeId: e.target.value || undefined, categoryId: undefined })
              }
            >
              <option value="">{t("allProgrammes")}</option>
              {options.programmes.map((p) => (
                <option key={p.id} value={p.id}>
                  {localName(p, locale)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor="filter-category" className={labelClass}>
            {t("category")}
          </label>
          <select
            id="filter-category"
            className={field}
            value={view.categoryId ?? ""}
            onChange={(e) => set({ categoryId: e.target.value || undefined })}
          >
            <option value="">{t("allCategories")}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {localName(c, locale)}
                {multipleProgrammes && !view.programmeId
                  ? ` (${programmeCode.get(c.programmeId)})`
                  : ""}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-status" className={labelClass}>
            {t("status")}
          </label>
          <select
            id="filter-status"
            className={field}
            value={view.status ?? ""}
            onChange={(e) => set({ status: (e.target.value || undefined) as LedgerView["status"] })}
          >
            <option value="">{t("allStatuses")}</option>
            {LEDGER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ts(s)}
              </option>
            ))}
          </select>
        </div>
        <LedgerQuickFilters view={view} set={set} />
        <EnterpriseCombobox
          label={t("enterprise")}
          selectedId={view.enterpriseId ?? null}
          selectedLabel={selected ? localName(selected, locale) : null}
          onChange={(enterprise) => {
            if (enterprise) setNames((known) => ({ ...known, [enterprise.id]: enterprise }));
            set({ enterpriseId: enterprise?.id });
          }}
          testId="filter-enterprise"
        />
        <div className="sm:col-span-2">
          <label htmlFor="filter-q" className={labelClass}>
            {t("search")}
          </label>
          <div className="mt-1 flex gap-2">
            <input
              id="filter-q"
              type="search"
              value={q}
              maxLength={100}
              onChange={(e) => setQ(e.target.value)}
              placeholder={t("searchPlaceholder")}
              className={`${field} mt-0 placeholder:text-slate-500`}
            />
            <button
              type="submit"
              className="shrink-0 rounded-md bg-brand-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
            >
              {t("searchButton")}
            </button>
          </div>
        </div>
        <div className="flex flex-wrap items-end gap-x-5 gap-y-2 pb-1.5">
          <label className="inline-flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className="h-4 w-4 accent-brand-700"
              checked={Boolean(view.mainOnly)}
              onChange={(e) => set({ mainOnly: e.target.checked || undefined })}
            />
            {t("mainOnly")}
          </label>
          <label className="inline-flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className="h-4 w-4 accent-brand-700"
              checked={Boolean(view.overdue)}
              onChange={(e) => set({ overdue: e.target.checked || undefined })}
            />
            {t("overdue")}
          </label>
        </div>
        <div className="flex items-end pb-1.5">
          {filtered && (
            <button
              type="button"
              onClick={() => onChange({ sort: view.sort, order: view.order })}
              className="text-sm text-brand-700 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-brand-700"
            >
              {t("clear")}
            </button>
          )}
        </div>
      </div>
      <p className="mt-3 text-xs text-slate-600">{t("shareHint")}</p>
    </form>
  );
}
