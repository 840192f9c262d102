"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { EnterpriseCombobox } from "@/components/ui/enterprise-combobox";
import { FieldMessage, RequiredMark, field } from "@/components/ui/form";
import { asLocale } from "@/components/ui/formats";
import { localName } from "@/lib/i18n/config";

export type Named = { id: string; code: string; nameZh: string; nameEn: string };

/** A labelled input with its hint and its error, described for screen readers. */
export function TextField({
  id,
  label,
  registration,
  error,
  hint,
  required,
  type = "text",
  autoComplete = "off",
}: {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  error?: string;
  hint?: string;
  required?: boolean;
  type?: "text" | "email" | "password";
  autoComplete?: string;
}) {
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div>
      <label htmlFor={id} className={field.label}>
        {label}
        {required && <RequiredMark />}
      </label>
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        {...registration}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={field.input(Boolean(error))}
      />
      {hint && (
        <p id={`${id}-hint`} className={field.hint}>
          {hint}
        </p>
      )}
      <FieldMessage id={`${id}-error`} message={error} />
    </div>
  );
}

/** The grants: supervisors as checkboxes, enterprises picked one by one. */
export function GrantFields({
  supervisors,
  supervisorRegistration,
  supervisorError,
  enterprises,
  onEnterprisesChange,
  enterpriseError,
}: {
  supervisors: Named[];
  supervisorRegistration: UseFormRegisterReturn;
  supervisorError?: string;
  enterprises: Named[];
  onEnterprisesChange: (list: Named[]) => void;
  enterpriseError?: string;
}) {
  const t = useTranslations("users.form");
  const locale = asLocale(useLocale());
  // The picker only adds: after each pick it starts afresh (a new instance, closed and empty),
  // and the focus goes back to it for the next enterprise.
  const [picks, setPicks] = useState(0);
  const pickerRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (picks > 0) pickerRef.current?.querySelector("input")?.focus();
  }, [picks]);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <fieldset
        aria-describedby={["user-supervisors-hint", supervisorError ? "user-supervisors-error" : ""]
          .join(" ")
          .trim()}
        data-testid="user-supervisors"
      >
        <legend className={field.label}>{t("supervisors")}</legend>
        <p id="user-supervisors-hint" className={field.hint}>
          {t("supervisorsHint")}
        </p>
        <div className="mt-2 max-h-56 space-y-1 overflow-y-auto rounded-md border border-slate-300 p-2">
          {supervisors.map((s) => (
            <label key={s.id} className="flex items-center gap-2 text-sm text-slate-900">
              <input type="checkbox" value={s.id} {...supervisorRegistration} data-code={s.code} />
              {localName(s, locale)} <span className="text-xs text-slate-600">{s.code}</span>
            </label>
          ))}
        </div>
        <FieldMessage id="user-supervisors-error" message={supervisorError} />
      </fieldset>
      <div data-testid="user-enterprises" ref={pickerRef}>
        <EnterpriseCombobox
          key={picks}
          label={t("addEnterprise")}
          selectedId={null}
          onChange={(enterprise) => {
            if (!enterprise) return;
            if (!enterprises.some((e) => e.id === enterprise.id))
              onEnterprisesChange([...enterprises, enterprise]);
            setPicks((n) => n + 1);
          }}
          description={t("enterprisesHint")}
          testId="user-enterprise-combobox"
        />
        <h3 className="mt-3 text-sm font-medium text-slate-800">{t("enterprises")}</h3>
        {enterprises.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noEnterprises")}</p>
        ) : (
          <ul className="mt-1 space-y-1">
            {enterprises.map((e) => (
              <li
                key={e.id}
                className="flex items-center justify-between gap-2 rounded border border-slate-200 px-2 py-1 text-sm"
                data-testid="granted-enterprise"
                data-code={e.code}
              >
                <span>
                  {localName(e, locale)} <span className="text-xs text-slate-600">{e.code}</span>
                </span>
                <button
                  type="button"
                  className="rounded px-2 text-red-800 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-red-700"
                  aria-label={t("removeEnterprise", { name: localName(e, locale) })}
                  onClick={() => onEnterprisesChange(enterprises.filter((x) => x.id !== e.id))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <FieldMessage id="user-enterprises-error" message={enterpriseError} />
      </div>
    </div>
  );
}
