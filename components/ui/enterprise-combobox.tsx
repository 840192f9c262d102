"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { apiRequest } from "@/lib/api/client";
import { localName } from "@/lib/i18n/config";
import type { EnterpriseSummary } from "@/lib/enterprises/schemas";
import { Combobox, type ComboboxItem } from "./combobox";
import { asLocale } from "./formats";

/** Enough results to find by typing; the user narrows the text rather than scrolling. */
const LIMIT = 20;

export type EnterpriseOption = ComboboxItem & { enterprise: EnterpriseSummary };

/** One page of enterprises within the caller's scope whose name, code or credit code matches. */
export async function searchEnterprises(
  query: string,
  signal: AbortSignal,
): Promise<EnterpriseSummary[]> {
  const params = new URLSearchParams({ limit: String(LIMIT) });
  if (query) params.set("q", query);
  const page = await apiRequest<{ items: EnterpriseSummary[] }>(
    `/api/v1/enterprises?${params.toString()}`,
    { signal },
  );
  return page.items;
}

export type EnterpriseComboboxProps = {
  selectedId: string | null;
  /** Name of the selected enterprise in the user's language, when it was chosen earlier. */
  selectedLabel?: string | null;
  onChange: (enterprise: EnterpriseSummary | null) => void;
  /** Defaults to "Enterprise" in the user's language. */
  label?: string;
  name?: string;
  description?: React.ReactNode;
  errorMessage?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  className?: string;
  testId?: string;
};

/** Pick an enterprise among tens of thousands by name, code or unified social credit code. */
export function EnterpriseCombobox({
  selectedId,
  selectedLabel,
  onChange,
  label,
  name,
  description,
  errorMessage,
  isRequired,
  isDisabled,
  className,
  testId = "enterprise-combobox",
}: EnterpriseComboboxProps) {
  const t = useTranslations("ui.enterprise");
  const locale = asLocale(useLocale());

  // Stable across renders of the same locale: the combobox re-runs a search only when text changes.
  const load = useCallback(
    async (query: string, signal: AbortSignal): Promise<EnterpriseOption[]> => {
      const rows = await searchEnterprises(query, signal);
      return rows.map((enterprise) => ({
        id: enterprise.id,
        label: localName(enterprise, locale),
        // Same names recur across groups: the code and the level tell them apart.
        description: [
          enterprise.code,
          enterprise.depth === 0 ? t("group") : t("level", { level: enterprise.depth + 1 }),
          enterprise.childCount > 0 ? t("children", { count: enterprise.childCount }) : null,
        ]
          .filter(Boolean)
          .join(" · "),
        enterprise,
      }));
    },
    [locale, t],
  );

  return (
    <Combobox<EnterpriseOption>
      label={label ?? t("label")}
      placeholder={t("placeholder")}
      load={load}
      selectedId={selectedId}
      selectedLabel={selectedLabel}
      onChange={(option) => onChange(option?.enterprise ?? null)}
      name={name}
      description={description}
      errorMessage={errorMessage}
      isRequired={isRequired}
      isDisabled={isDisabled}
      className={className}
      testId={testId}
    />
  );
}
