"use client";

import { useLocale, useTranslations } from "next-intl";
import { EnterpriseCombobox } from "@/components/ui/enterprise-combobox";
import { asLocale } from "@/components/ui/formats";
import { field } from "@/components/ui/styles";
import { localName } from "@/lib/i18n/config";
import { FUNCTIONAL_CLASSES, type EnterpriseSelection } from "@/lib/assignments/schemas";

export type FilterOptions = {
  supervisors: { id: string; code: string; nameZh: string; nameEn: string }[];
  regions: string[];
  depths: number[];
};

/** One value per filter ("" = any); the subtree keeps its label for the combobox. */
export type FilterValue = {
  subtreeOf: { id: string; label: string } | null;
  supervisorId: string;
  region: string;
  functionalClass: string;
  depth: string;
};

export const EMPTY_FILTER: FilterValue = {
  subtreeOf: null,
  supervisorId: "",
  region: "",
  functionalClass: "",
  depth: "",
};

/** The filters as the API's selection. */
export function toSelection(value: FilterValue): EnterpriseSelection {
  return {
    ...(value.subtreeOf ? { subtreeOf: value.subtreeOf.id } : {}),
    ...(value.supervisorId ? { supervisorIds: [value.supervisorId] } : {}),
    ...(value.region ? { regions: [value.region] } : {}),
    ...(value.functionalClass
      ? { functionalClasses: [value.functionalClass as (typeof FUNCTIONAL_CLASSES)[number]] }
      : {}),
    ...(value.depth ? { depths: [Number(value.depth)] } : {}),
  };
}

/**
 * Which enterprises: a subtree (picked by name, code or credit code), a supervisor, a province, a
 * functional classification and a level in the tree. Shared by the assignment form and the matrix.
 */
export function SelectionFilters({
  value,
  onChange,
  options,
  idPrefix,
}: {
  value: FilterValue;
  onChange: (next: FilterValue) => void;
  options: FilterOptions;
  idPrefix: string;
}) {
  const t = useTranslations("assignments.filters");
  const tRegion = useTranslations("regions");
  const tClass = useTranslations("functionalClass");
  const locale = asLocale(useLocale());
  const set = (patch: Partial<FilterValue>) => onChange({ ...value, ...patch });
  const select = (
    key: "supervisorId" | "region" | "functionalClass" | "depth",
    label: string,
    choices: { value: string; label: string }[],
  ) => (
    <div>
      <label htmlFor={`${idPrefix}-${key}`} className={field.label}>
        {label}
      </label>
      <select
        id={`${idPrefix}-${key}`}
        data-testid={`${idPrefix}-${key}`}
        value={value[key]}
        onChange={(event) => set({ [key]: event.target.value })}
        className={field.input()}
      >
        <option value="">{t("any")}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <EnterpriseCombobox
        label={t("subtree")}
        description={t("subtreeHint")}
        selectedId={value.subtreeOf?.id ?? null}
        selectedLabel={value.subtreeOf?.label ?? null}
        onChange={(enterprise) =>
          set({
            subtreeOf: enterprise
              ? { id: enterprise.id, label: localName(enterprise, locale) }
              : null,
          })
        }
        testId={`${idPrefix}-subtree`}
      />
      {select(
        "supervisorId",
        t("supervisor"),
        options.supervisors.map((s) => ({ value: s.id, label: localName(s, locale) })),
      )}
      {select(
        "region",
        t("region"),
        options.regions.map((r) => ({
          value: r,
          label: tRegion.has(r as never) ? tRegion(r as never) : r,
        })),
      )}
      {select(
        "functionalClass",
        t("functionalClass"),
        FUNCTIONAL_CLASSES.map((c) => ({ value: c, label: tClass(c) })),
      )}
      {select(
        "depth",
        t("level"),
        options.depths.map((d) => ({
          value: String(d),
          label: d === 0 ? t("group") : t("levelN", { level: d + 1 }),
        })),
      )}
    </div>
  );
}
