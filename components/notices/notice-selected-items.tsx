"use client";

import { useLocale, useTranslations } from "next-intl";
import { FieldMessage } from "@/components/ui/form";
import { asLocale, bilingual } from "@/components/ui/formats";
import type { ItemSummary } from "./use-notice-candidates";

/**
 * The items chosen for the notice, each with a remove button, and a warning when they span
 * programmes. An id not yet known shows "loading" (or "not found" for the pre-selected item).
 */
export function NoticeSelectedItems({
  selectedIds,
  known,
  missingId,
  error,
  onRemove,
}: {
  selectedIds: string[];
  known: Map<string, ItemSummary>;
  /** The pre-selected item, when it could not be loaded. */
  missingId?: string;
  error?: string;
  onRemove: (id: string) => void;
}) {
  const t = useTranslations("notices.new");
  const locale = asLocale(useLocale());
  const programmes = new Set(selectedIds.map((id) => known.get(id)?.programmeId).filter(Boolean));
  const itemLabel = (row: ItemSummary) =>
    `${row.task.code} ${bilingual(locale, row.task.titleZh, row.task.titleEn)}`;

  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-800">
        {t("selected", { count: selectedIds.length })}
      </h3>
      {selectedIds.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">{t("noneSelected")}</p>
      ) : (
        <ul
          className="mt-1 divide-y divide-slate-200 rounded-md border border-slate-200"
          data-testid="selected-items"
          aria-describedby={error ? "notice-itemIds-error" : undefined}
        >
          {selectedIds.map((id) => {
            const row = known.get(id);
            return (
              <li
                key={id}
                className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm"
                data-testid="selected-item"
                data-item-id={id}
              >
                <span>
                  {row ? (
                    <>
                      <span className="font-mono text-xs text-slate-600">{row.task.code}</span>{" "}
                      {bilingual(locale, row.task.titleZh, row.task.titleEn)}
                      <span className="text-slate-600">
                        {" "}
                        · {bilingual(locale, row.enterprise.nameZh, row.enterprise.nameEn)}
                      </span>
                    </>
                  ) : id === missingId ? (
                    <span className="text-red-800">{t("itemNotFound")}</span>
                  ) : (
                    t("loadingItem")
                  )}
                </span>
                <button
                  type="button"
                  className="text-sm text-red-800 underline focus-visible:outline-2 focus-visible:outline-red-700"
                  onClick={() => onRemove(id)}
                >
                  {t("remove")}
                  <span className="sr-only"> {row ? itemLabel(row) : ""}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {programmes.size > 1 && (
        <p className="mt-1 text-sm text-amber-900">{t("oneProgrammeWarning")}</p>
      )}
      <FieldMessage id="notice-itemIds-error" message={error} />
    </div>
  );
}
