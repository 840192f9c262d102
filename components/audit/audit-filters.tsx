"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DatePicker } from "@/components/ui/date-picker";
import { field } from "@/components/ui/styles";
import { KNOWN_ENTITY_TYPES } from "@/lib/audit/entity-links";

export type AuditFilterValues = {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  from?: string;
  to?: string;
};

/** The journal's filters: a plain GET form, so every filtered view is a link. */
export function AuditFilters({ values }: { values: AuditFilterValues }) {
  const t = useTranslations("audit");
  const [from, setFrom] = useState(values.from ?? "");
  const [to, setTo] = useState(values.to ?? "");
  const types: string[] = [...KNOWN_ENTITY_TYPES];
  if (values.entityType && !types.includes(values.entityType)) types.push(values.entityType);
  return (
    <form
      method="get"
      action="/audit"
      className="flex flex-wrap items-end gap-3"
      data-testid="audit-filters"
      role="search"
      aria-label={t("filters")}
    >
      <div>
        <label htmlFor="audit-entityType" className={field.label}>
          {t("entityType")}
        </label>
        <select
          id="audit-entityType"
          name="entityType"
          defaultValue={values.entityType ?? ""}
          className={field.input(false)}
        >
          <option value="">{t("anyType")}</option>
          {types.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-entityId" className={field.label}>
          {t("entityId")}
        </label>
        <input
          id="audit-entityId"
          name="entityId"
          defaultValue={values.entityId ?? ""}
          className={`${field.input(false)} w-80 font-mono`}
        />
      </div>
      <div>
        <label htmlFor="audit-actorId" className={field.label}>
          {t("actor")}
        </label>
        <input
          id="audit-actorId"
          name="actorId"
          defaultValue={values.actorId ?? ""}
          className={`${field.input(false)} w-80 font-mono`}
        />
      </div>
      <DatePicker
        label={t("from")}
        name="from"
        value={from}
        onChange={setFrom}
        testId="audit-from"
      />
      <DatePicker
        label={t("to")}
        name="to"
        value={to}
        onChange={setTo}
        min={from || undefined}
        testId="audit-to"
      />
      <div className="flex gap-3">
        <button type="submit" className={field.primary} data-testid="audit-apply">
          {t("apply")}
        </button>
        <Link href="/audit" className={field.secondary}>
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
