"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { DatePickerField } from "@/components/ui/date-picker";
import { Notice, field } from "@/components/ui/form";
import { asLocale } from "@/components/ui/formats";
import { Section } from "@/components/ui/section";
import { useHydrated } from "@/components/ui/use-hydrated";
import {
  afterCatalogueWrite,
  createProgramme,
  updateProgramme,
} from "@/lib/catalogue/query-options";
import {
  CreateProgrammeInput,
  PROGRAMME_STATUSES,
  REPORTING_CADENCES,
  UpdateProgrammeInput,
  type ProgrammeDetail,
} from "@/lib/catalogue/schemas";
import { localName } from "@/lib/i18n/config";
import { NumberField, SelectField, TextField } from "./fields";
import {
  emptyProgramme,
  programmeInput,
  programmeValues,
  type ProgrammeFormValues,
} from "./programme-form-model";
import { MilestonesEditor, TargetsEditor } from "./programme-lists";
import { useCatalogueResolver, useServerErrors } from "./use-catalogue-form";

type Supervisor = { id: string; code: string; nameZh: string; nameEn: string };
type F = ProgrammeFormValues;

/**
 * A programme's settings: create (`programme` absent) or edit under its version. A 409 offers to
 * reload the latest version; a 422's field messages land on the fields.
 */
export function ProgrammeForm({
  programme,
  supervisors,
}: {
  programme?: ProgrammeDetail;
  supervisors: Supervisor[];
}) {
  const t = useTranslations("catalogue");
  const locale = asLocale(useLocale());
  const router = useRouter();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const [saved, setSaved] = useState(false);
  const editing = Boolean(programme);
  const readOnly = programme ? !programme.canManage : false;
  const resolver = useCatalogueResolver<F>(
    editing ? UpdateProgrammeInput : CreateProgrammeInput,
    editing
      ? (v: F) => ({ ...programmeInput(v), version: programme!.version })
      : (v: F) => programmeInput(v),
  );
  const form = useForm<F>({
    resolver,
    defaultValues: programme
      ? programmeValues(programme)
      : emptyProgramme(supervisors[0]?.id ?? ""),
    shouldFocusError: true,
  });
  const errors = useServerErrors(form);
  // A newer version from the server (after a save, or "reload" on a conflict) replaces the values.
  const { reset } = form;
  useEffect(() => {
    if (programme) reset(programmeValues(programme));
  }, [programme, reset]);
  const supervisorChoices =
    programme && !supervisors.some((s) => s.id === programme.supervisorId)
      ? [programme.supervisor, ...supervisors]
      : supervisors;

  const onSubmit = form.handleSubmit(async (values) => {
    errors.clear();
    setSaved(false);
    try {
      if (programme) {
        const updated = await updateProgramme(programme.id, {
          ...programmeInput(values),
          version: programme.version,
        });
        form.reset(programmeValues(updated));
        setSaved(true);
        afterCatalogueWrite(queryClient);
        router.refresh();
      } else {
        const created = await createProgramme(programmeInput(values));
        afterCatalogueWrite(queryClient);
        router.push(`/programmes/${created.id}/catalogue`);
      }
    } catch (error) {
      errors.handle(error);
    }
  });

  const reload = () => {
    errors.clear();
    router.refresh();
  };

  return (
    <FormProvider {...form}>
      <form
        onSubmit={onSubmit}
        noValidate
        className="space-y-5"
        data-testid="programme-form"
        data-hydrated={hydrated ? "true" : "false"}
      >
        {readOnly && <Notice tone="info">{t("readOnly")}</Notice>}
        {errors.formError && <Notice tone="error">{errors.formError}</Notice>}
        {errors.conflict && (
          <Notice tone="error" testId="conflict">
            {t("form.conflict")}{" "}
            <button type="button" onClick={reload} className="font-medium underline">
              {t("form.reload")}
            </button>
          </Notice>
        )}
        {saved && (
          <Notice tone="success" testId="saved">
            {t("form.saved")}
          </Notice>
        )}
        <fieldset disabled={readOnly || form.formState.isSubmitting} className="space-y-5">
          <Section id="programme-basics" title={t("form.basics")}>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField<F>
                name="code"
                label={t("form.code")}
                hint={t("form.codeHint")}
                required
                testId="programme-code"
              />
              <SelectField<F>
                name="supervisorId"
                label={t("form.supervisor")}
                required
                options={supervisorChoices.map((s) => ({
                  value: s.id,
                  label: localName(s, locale),
                }))}
              />
              <TextField<F>
                name="nameZh"
                label={t("form.nameZh")}
                required
                testId="programme-nameZh"
              />
              <TextField<F>
                name="nameEn"
                label={t("form.nameEn")}
                required
                testId="programme-nameEn"
              />
              <TextField<F> name="descriptionZh" label={t("form.descriptionZh")} multiline />
              <TextField<F> name="descriptionEn" label={t("form.descriptionEn")} multiline />
              <SelectField<F>
                name="status"
                label={t("form.status")}
                required
                options={PROGRAMME_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              />
            </div>
          </Section>
          <Section id="programme-dates" title={t("form.dates")}>
            <div className="grid gap-4 sm:grid-cols-3">
              <DatePickerField
                control={form.control}
                name="startDate"
                label={t("form.startDate")}
                isRequired
                testId="programme-startDate"
              />
              <DatePickerField
                control={form.control}
                name="endDate"
                label={t("form.endDate")}
                isRequired
                testId="programme-endDate"
              />
              <DatePickerField
                control={form.control}
                name="reportingUntil"
                label={t("form.reportingUntil")}
                description={t("form.reportingUntilHint")}
                testId="programme-reportingUntil"
              />
            </div>
          </Section>
          <Section id="programme-rules" title={t("form.rules")}>
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField<F>
                name="reportingCadence"
                label={t("form.cadence")}
                hint={t("form.cadenceHint")}
                options={REPORTING_CADENCES.map((c) => ({ value: c, label: t(`cadence.${c}`) }))}
              />
              <SelectField<F>
                name="closeOffLevels"
                label={t("form.closeOffLevels")}
                asNumber
                options={[
                  { value: "1", label: t("form.closeOff1") },
                  { value: "2", label: t("form.closeOff2") },
                ]}
              />
              <NumberField<F>
                name="dueSoonDays"
                label={t("form.dueSoonDays")}
                hint={t("form.dueSoonDaysHint")}
                step="1"
                required
              />
              <NumberField<F>
                name="behindPlanPoints"
                label={t("form.behindPlanPoints")}
                hint={t("form.behindPlanPointsHint")}
                step="1"
                required
              />
            </div>
          </Section>
          <Section
            id="programme-milestones"
            title={t("form.milestones")}
            description={t("form.milestonesIntro")}
          >
            <MilestonesEditor disabled={readOnly} />
          </Section>
          <Section
            id="programme-targets"
            title={t("form.targets")}
            description={t("form.targetsIntro")}
          >
            <TargetsEditor
              disabled={readOnly}
              categories={(programme?.categories ?? []).map((c) => ({
                id: c.id,
                label: `${c.code} ${localName(c, locale)}`,
              }))}
            />
          </Section>
        </fieldset>
        {!readOnly && (
          <button
            type="submit"
            className={field.primary}
            disabled={form.formState.isSubmitting}
            data-testid="programme-submit"
          >
            {form.formState.isSubmitting
              ? t("form.saving")
              : editing
                ? t("form.save")
                : t("form.create")}
          </button>
        )}
      </form>
    </FormProvider>
  );
}
