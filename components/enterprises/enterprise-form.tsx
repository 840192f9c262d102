"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useForm, type UseFormRegisterReturn } from "react-hook-form";
import { EnterpriseCombobox } from "@/components/ui/enterprise-combobox";
import {
  FieldMessage,
  Notice,
  RequiredMark,
  field,
  useErrorText,
  useZodResolver,
} from "@/components/ui/form";
import { asLocale } from "@/components/ui/formats";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ApiError } from "@/lib/api/client";
import {
  afterEnterpriseWrite,
  createEnterprise,
  updateEnterprise,
} from "@/lib/enterprises/query-options";
import {
  CreateEnterpriseInput,
  FUNCTIONAL_CLASSES,
  OWNERSHIP_FORMS,
  REGIONS,
  UpdateEnterpriseInput,
} from "@/lib/enterprises/write-schemas";
import { localName } from "@/lib/i18n/config";
import { LABEL_KEYS, type EnterpriseFormValues } from "./enterprise-form-values";

export type SupervisorOption = { id: string; nameZh: string; nameEn: string };

type Name = keyof EnterpriseFormValues;

/**
 * Registers an enterprise (`mode: "create"`) or edits one (`"edit"`, with the version read). The
 * code, the parent and the supervisor are set when registering only: afterwards a move changes
 * them. The API's own schema validates here too; its 422 field messages land on the same fields.
 */
export function EnterpriseForm({
  mode,
  defaults,
  parentLabel,
  supervisors,
  partySupervisors,
  enterpriseId,
  version,
}: {
  mode: "create" | "edit";
  defaults: EnterpriseFormValues;
  parentLabel?: string | null;
  /** Supervisors the administrator may register enterprises for. */
  supervisors: SupervisorOption[];
  /** Every supervisor, for the party affiliation. */
  partySupervisors: SupervisorOption[];
  enterpriseId?: string;
  version?: number;
}) {
  const t = useTranslations("registry.form");
  const tr = useTranslations("regions");
  const tf = useTranslations("functionalClass");
  const to = useTranslations("ownershipForm");
  const locale = asLocale(useLocale());
  const router = useRouter();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const errorText = useErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const [parentName, setParentName] = useState<string | null>(parentLabel ?? null);
  const resolver = useZodResolver<EnterpriseFormValues>(
    mode === "create" ? CreateEnterpriseInput : UpdateEnterpriseInput,
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<EnterpriseFormValues>({
    resolver,
    defaultValues: mode === "edit" ? { ...defaults, version } : defaults,
    shouldFocusError: true,
  } as never);
  const parentId = watch("parentId");

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      if (mode === "create") {
        const created = await createEnterprise(values as never);
        afterEnterpriseWrite(queryClient);
        router.push(`/enterprises/${created.id}`);
      } else {
        const { code: _c, parentId: _p, supervisorId: _s, ...rest } = values;
        await updateEnterprise(enterpriseId!, { ...rest, version: version! } as never);
        afterEnterpriseWrite(queryClient);
        // Dynamic pages are fetched afresh on navigation: the page shows the new name and former name.
        router.push(`/enterprises/${enterpriseId}`);
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        let shown = false;
        for (const [name, message] of Object.entries(error.fields)) {
          if (name in defaults) {
            setError(name as Name, { type: "server", message }, { shouldFocus: !shown });
            shown = true;
          }
        }
        if (shown) return;
      }
      setFormError(
        error instanceof ApiError && error.status === 409 ? t("conflict") : errorText(error),
      );
    }
  });

  const describe = (name: Name, hint?: boolean) =>
    [hint ? `ent-${name}-hint` : null, errors[name] ? `ent-${name}-error` : null]
      .filter(Boolean)
      .join(" ") || undefined;
  const aria = (name: Name, hint?: boolean) => ({
    id: `ent-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": describe(name, hint),
  });
  const text = (
    name: Name,
    options: { required?: boolean; hint?: string; mono?: boolean } = {},
  ) => (
    <div>
      <label htmlFor={`ent-${name}`} className={field.label}>
        {t((LABEL_KEYS[name] ?? name) as never)}
        {options.required && <RequiredMark />}
      </label>
      <input
        type="text"
        autoComplete="off"
        {...register(name)}
        {...aria(name, Boolean(options.hint))}
        className={`${field.input(Boolean(errors[name]))} ${options.mono ? "font-mono" : ""}`}
        data-testid={`ent-${name}`}
      />
      {options.hint && (
        <p id={`ent-${name}-hint`} className={field.hint}>
          {options.hint}
        </p>
      )}
      <FieldMessage id={`ent-${name}-error`} message={errors[name]?.message} />
    </div>
  );
  const select = (
    name: Name,
    options: { value: string; label: string }[],
    extra: { hint?: string; registered?: UseFormRegisterReturn; empty?: string } = {},
  ) => (
    <div>
      <label htmlFor={`ent-${name}`} className={field.label}>
        {t((LABEL_KEYS[name] ?? name) as never)}
      </label>
      <select
        {...(extra.registered ?? register(name))}
        {...aria(name, Boolean(extra.hint))}
        className={field.input(Boolean(errors[name]))}
        data-testid={`ent-${name}`}
      >
        {extra.empty !== undefined && <option value="">{extra.empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {extra.hint && (
        <p id={`ent-${name}-hint`} className={field.hint}>
          {extra.hint}
        </p>
      )}
      <FieldMessage id={`ent-${name}-error`} message={errors[name]?.message} />
    </div>
  );
  const supervisorOptions = (list: SupervisorOption[]) =>
    list.map((s) => ({ value: s.id, label: localName(s, locale) }));

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-5"
      data-testid="enterprise-form"
      data-hydrated={hydrated ? "true" : "false"}
    >
      {formError && <Notice tone="error">{formError}</Notice>}
      <div className="grid gap-4 sm:grid-cols-2">
        {mode === "create" && text("code", { required: true, hint: t("codeHint"), mono: true })}
        {text("creditCode", { hint: t("creditCodeHint"), mono: true })}
        {text("nameZh", { required: true })}
        {text("nameEn", { required: true })}
        {text("shortNameZh")}
        {text("shortNameEn")}
        {mode === "create" && (
          <Controller
            control={control}
            name="parentId"
            render={({ field: bound, fieldState }) => (
              <EnterpriseCombobox
                label={t("parent")}
                selectedId={bound.value || null}
                selectedLabel={parentName}
                onChange={(enterprise) => {
                  setParentName(enterprise ? localName(enterprise, locale) : null);
                  bound.onChange(enterprise?.id ?? "");
                  // A subsidiary follows its parent's supervisor unless another is chosen after.
                  if (enterprise) setValue("supervisorId", "");
                }}
                description={t("parentHint")}
                errorMessage={fieldState.error?.message}
                testId="ent-parentId"
              />
            )}
          />
        )}
        {mode === "create" &&
          select("supervisorId", supervisorOptions(supervisors), {
            hint: t("supervisorHint"),
            empty: parentId ? t("sameAsParent") : t("none"),
          })}
        {select(
          "region",
          REGIONS.map((r) => ({ value: r, label: tr(r) })),
          { empty: t("none") },
        )}
        {text("industryZh")}
        {text("industryEn")}
        {select(
          "functionalClass",
          FUNCTIONAL_CLASSES.map((c) => ({ value: c, label: tf(c) })),
          { empty: t("none") },
        )}
        {select(
          "ownershipForm",
          OWNERSHIP_FORMS.map((o) => ({ value: o, label: to(o) })),
        )}
        {select("partySupervisorId", supervisorOptions(partySupervisors), {
          hint: t("partyHint"),
          empty: t("none"),
        })}
        {text("partyOrgNameZh")}
        {text("partyOrgNameEn")}
        <div>
          <label htmlFor="ent-sortOrder" className={field.label}>
            {t("sortOrder")}
          </label>
          <input
            type="number"
            min={0}
            step={1}
            {...register("sortOrder", { valueAsNumber: true })}
            {...aria("sortOrder")}
            className={field.input(Boolean(errors.sortOrder))}
          />
          <FieldMessage id="ent-sortOrder-error" message={errors.sortOrder?.message} />
        </div>
        {mode === "edit" && (
          <div className="flex items-center gap-2 self-end pb-2">
            <input
              id="ent-active"
              type="checkbox"
              {...register("active")}
              aria-describedby={errors.active ? "ent-active-error" : undefined}
              className="h-4 w-4 rounded border-slate-400"
            />
            <label htmlFor="ent-active" className="text-sm text-slate-800">
              {t("active")}
            </label>
            <FieldMessage id="ent-active-error" message={errors.active?.message} />
          </div>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          className={field.primary}
          disabled={isSubmitting}
          data-testid="enterprise-submit"
        >
          {mode === "create"
            ? isSubmitting
              ? t("creating")
              : t("create")
            : isSubmitting
              ? t("saving")
              : t("save")}
        </button>
        <button type="button" className={field.secondary} onClick={() => router.back()}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
