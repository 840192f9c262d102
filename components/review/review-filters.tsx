"use client";

import { useLocale, useTranslations } from "next-intl";
import { field } from "@/components/ui/form";
import { asLocale } from "@/components/ui/formats";
import { localName } from "@/lib/i18n/config";
import type { ReviewFilter, ReviewKind } from "@/lib/review/query-options";

export type EnterpriseOption = { id: string; code: string; nameZh: string; nameEn: string };

const KINDS: ReviewKind[] = ["PROGRESS", "NO_CHANGE", "COMPLETION_CLAIM"];

/** Whether any filter narrows the queue. */
export const isFiltered = (filter: ReviewFilter) =>
  Boolean(filter.kind || filter.late || filter.enterpriseId);

/** The queue's filters: kind, enterprise, late only, and clear. */
export function ReviewFilters({
  filter,
  enterprises,
  onChange,
}: {
  filter: ReviewFilter;
  enterprises: EnterpriseOption[];
  onChange: (next: ReviewFilter) => void;
}) {
  const t = useTranslations("review");
  const locale = asLocale(useLocale());
  return (
    <form
      role="search"
      aria-label={t("filters.heading")}
      className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      onSubmit={(e) => e.preventDefault()}
      data-testid="review-filters"
    >
      <div>
        <label htmlFor="review-kind" className={field.label}>
          {t("filters.kind")}
        </label>
        <select
          id="review-kind"
          value={filter.kind ?? ""}
          onChange={(e) =>
            onChange({ ...filter, kind: (e.target.value || undefined) as ReviewKind | undefined })
          }
          className={field.input()}
        >
          <option value="">{t("filters.allKinds")}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="review-enterprise" className={field.label}>
          {t("filters.enterprise")}
        </label>
        <select
          id="review-enterprise"
          value={filter.enterpriseId ?? ""}
          onChange={(e) => onChange({ ...filter, enterpriseId: e.target.value || undefined })}
          className={field.input()}
        >
          <option value="">{t("filters.allEnterprises")}</option>
          {enterprises.map((e) => (
            <option key={e.id} value={e.id}>
              {localName(e, locale)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-2 pb-2">
        <input
          id="review-late"
          type="checkbox"
          checked={Boolean(filter.late)}
          onChange={(e) => onChange({ ...filter, late: e.target.checked || undefined })}
          className="h-4 w-4 rounded border-slate-400 accent-brand-700"
        />
        <label htmlFor="review-late" className="text-sm font-medium text-slate-800">
          {t("filters.lateOnly")}
        </label>
      </div>
      {isFiltered(filter) && (
        <button type="button" className={`${field.secondary} mb-0.5`} onClick={() => onChange({})}>
          {t("filters.clear")}
        </button>
      )}
    </form>
  );
}
