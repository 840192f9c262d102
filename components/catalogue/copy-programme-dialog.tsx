"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "react-aria-components";
import { FormProvider, useForm } from "react-hook-form";
import { DatePickerField } from "@/components/ui/date-picker";
import { Dialog } from "@/components/ui/dialog";
import { Notice, field } from "@/components/ui/form";
import { asLocale } from "@/components/ui/formats";
import { afterCatalogueWrite, copyProgramme } from "@/lib/catalogue/query-options";
import { CopyProgrammeInput, type ProgrammeSummary } from "@/lib/catalogue/schemas";
import { localName } from "@/lib/i18n/config";
import { SelectField, TextField } from "./fields";
import { orNull, useCatalogueResolver, useServerErrors } from "./use-catalogue-form";

type Values = {
  code: string;
  nameZh: string;
  nameEn: string;
  startDate: string;
  endDate: string;
  supervisorId: string;
};
type Supervisor = { id: string; code: string; nameZh: string; nameEn: string };

const toInput = (v: Values) => ({ ...v, endDate: orNull(v.endDate) ?? undefined });

/** "Copy": the next programme from this one, for a supervisor the administrator owns. */
export function CopyProgrammeDialog({
  source,
  supervisors,
}: {
  source: ProgrammeSummary;
  supervisors: Supervisor[];
}) {
  const t = useTranslations("catalogue");
  const locale = asLocale(useLocale());
  return (
    <Dialog
      title={t("copyTitle", { name: localName(source, locale) })}
      size="lg"
      testId="copy-programme-dialog"
      trigger={
        <Button
          className={field.secondary}
          data-testid="copy-programme"
          aria-label={`${t("copy")} ${source.code}`}
        >
          {t("copy")}
        </Button>
      }
    >
      {(close) => <CopyForm source={source} supervisors={supervisors} onDone={close} />}
    </Dialog>
  );
}

function CopyForm({
  source,
  supervisors,
  onDone,
}: {
  source: ProgrammeSummary;
  supervisors: Supervisor[];
  onDone: () => void;
}) {
  const t = useTranslations("catalogue");
  const locale = asLocale(useLocale());
  const router = useRouter();
  const queryClient = useQueryClient();
  const resolver = useCatalogueResolver<Values>(CopyProgrammeInput, toInput);
  const owned = supervisors.some((s) => s.id === source.supervisor.id);
  const form = useForm<Values>({
    resolver,
    defaultValues: {
      code: "",
      nameZh: source.nameZh,
      nameEn: source.nameEn,
      startDate: "",
      endDate: "",
      supervisorId: owned ? source.supervisor.id : (supervisors[0]?.id ?? ""),
    },
  });
  const errors = useServerErrors(form);
  const onSubmit = form.handleSubmit(async (values) => {
    errors.clear();
    try {
      const created = await copyProgramme(source.id, toInput(values));
      afterCatalogueWrite(queryClient);
      onDone();
      router.push(`/programmes/${created.id}`);
    } catch (error) {
      errors.handle(error);
    }
  });
  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="copy-programme-form">
        <p className="text-sm text-slate-700">{t("copyIntro")}</p>
        {errors.formError && <Notice tone="error">{errors.formError}</Notice>}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField<Values>
            name="code"
            label={t("form.code")}
            hint={t("form.codeHint")}
            required
            testId="copy-code"
          />
          <SelectField<Values>
            name="supervisorId"
            label={t("form.supervisor")}
            required
            options={supervisors.map((s) => ({ value: s.id, label: localName(s, locale) }))}
          />
          <TextField<Values> name="nameZh" label={t("form.nameZh")} required />
          <TextField<Values> name="nameEn" label={t("form.nameEn")} required />
          <DatePickerField
            control={form.control}
            name="startDate"
            label={t("form.startDate")}
            isRequired
            testId="copy-startDate"
          />
          <DatePickerField
            control={form.control}
            name="endDate"
            label={t("form.endDate")}
            testId="copy-endDate"
          />
        </div>
        <div className="flex justify-end gap-2">
          <button type="button" className={field.secondary} onClick={onDone}>
            {t("form.cancel")}
          </button>
          <button
            type="submit"
            className={field.primary}
            disabled={form.formState.isSubmitting}
            data-testid="copy-submit"
          >
            {form.formState.isSubmitting ? t("form.saving") : t("copySubmit")}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
