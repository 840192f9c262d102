"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { field } from "@/components/ui/form";
import { asLocale } from "@/components/ui/formats";
import { localName } from "@/lib/i18n/config";
import type { FilingUnit } from "./use-filing";

/** The enterprise to file, among those not yet filed, and (before the check) the check button. */
export function FilingEnterprisePicker({
  unfiled,
  enterpriseId,
  onChoose,
  showCheck,
  pending,
  onCheck,
}: {
  unfiled: FilingUnit[];
  enterpriseId: string;
  onChoose: (id: string) => void;
  showCheck: boolean;
  pending: boolean;
  onCheck: () => void;
}) {
  const t = useTranslations("rounds.file");
  const locale = asLocale(useLocale());
  const uid = useId();
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor={`${uid}-enterprise`} className={field.label}>
          {t("enterprise")}
        </label>
        <select
          id={`${uid}-enterprise`}
          value={enterpriseId}
          onChange={(e) => onChoose(e.target.value)}
          className={field.input()}
          data-testid="filing-enterprise"
        >
          {unfiled.map((u) => (
            <option key={u.id} value={u.id}>
              {localName(u, locale)}
            </option>
          ))}
        </select>
      </div>
      {showCheck && (
        <button
          type="button"
          className={field.primary}
          disabled={pending || !enterpriseId}
          onClick={onCheck}
          data-testid="filing-check"
        >
          {pending ? t("working") : t("check")}
        </button>
      )}
    </div>
  );
}
