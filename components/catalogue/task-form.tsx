"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "react-aria-components";
import { FormProvider, useForm } from "react-hook-form";
import { DatePickerField } from "@/components/ui/date-picker";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Notice, field, useErrorText } from "@/components/ui/form";
import { asLocale } from "@/components/ui/formats";
import { Section } from "@/components/ui/section";
import { useHydrated } from "@/components/ui/use-hydrated";
import {
  afterCatalogueWrite,
  createTask,
  deleteTask,
  updateTask,
} from "@/lib/catalogue/query-options";
import {
  CreateTaskInput,
  UpdateTaskInput,
  type CategoryDto,
  type TaskDto,
} from "@/lib/catalogue/schemas";
import { localName } from "@/lib/i18n/config";
import { CheckboxField, NumberField, SelectField, TextField } from "./fields";
import { IndicatorsEditor } from "./indicators-editor";
import { emptyTask, taskInput, taskValues, type TaskFormValues } from "./task-form-model";
import { useCatalogueResolver, useServerErrors } from "./use-catalogue-form";

type F = TaskFormValues;

/**
 * A catalogue task and its indicators: create (`task` absent) or edit under its version. A new
 * category or main flag also moves the task's ledger items (the server records it in their
 * history); a 409 offers to reload.
 */
export function TaskForm({
  programmeId,
  categories,
  task,
  canManage,
}: {
  programmeId: string;
  categories: CategoryDto[];
  task?: TaskDto;
  canManage: boolean;
}) {
  const t = useTranslations("catalogue");
  const locale = asLocale(useLocale());
  const router = useRouter();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const errorText = useErrorText();
  const [saved, setSaved] = useState(false);
  const resolver = useCatalogueResolver<F>(
    task ? UpdateTaskInput : CreateTaskInput,
    task
      ? (v: F) => ({ ...taskInput(v), version: task.version })
      : (v: F) => ({ ...taskInput(v), programmeId }),
  );
  const form = useForm<F>({
    resolver,
    defaultValues: task ? taskValues(task) : emptyTask(categories[0]?.id ?? ""),
    shouldFocusError: true,
  });
  const errors = useServerErrors(form);
  const { reset } = form;
  useEffect(() => {
    if (task) reset(taskValues(task));
  }, [task, reset]);
  const catalogue = `/programmes/${programmeId}/catalogue`;

  const onSubmit = form.handleSubmit(async (values) => {
    errors.clear();
    setSaved(false);
    try {
      if (task) {
        const updated = await updateTask(task.id, { ...taskInput(values), version: task.version });
        reset(taskValues(updated));
        setSaved(true);
        afterCatalogueWrite(queryClient, { ledger: true });
        router.refresh();
      } else {
        await createTask({ ...taskInput(values), programmeId });
        afterCatalogueWrite(queryClient);
        router.push(catalogue);
      }
    } catch (error) {
      errors.handle(error);
    }
  });

  return (
    <FormProvider {...form}>
      <form
        onSubmit={onSubmit}
        noValidate
        className="space-y-5"
        data-testid="task-form"
        data-hydrated={hydrated ? "true" : "false"}
      >
        {!canManage && <Notice tone="info">{t("readOnly")}</Notice>}
        {errors.formError && <Notice tone="error">{errors.formError}</Notice>}
        {errors.conflict && (
          <Notice tone="error" testId="conflict">
            {t("form.conflict")}{" "}
            <button
              type="button"
              onClick={() => {
                errors.clear();
                router.refresh();
              }}
              className="font-medium underline"
            >
              {t("form.reload")}
            </button>
          </Notice>
        )}
        {saved && (
          <Notice tone="success" testId="saved">
            {t("form.saved")}
          </Notice>
        )}
        <fieldset disabled={!canManage || form.formState.isSubmitting} className="space-y-5">
          <Section
            id="task-fields"
            title={task ? t("task.editTitle", { code: task.code }) : t("task.newTitle")}
          >
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField<F>
                name="categoryId"
                label={t("task.category")}
                required
                options={categories.map((c) => ({
                  value: c.id,
                  label: `${c.code} ${localName(c, locale)}`,
                }))}
                testId="task-category"
              />
              <TextField<F>
                name="code"
                label={t("task.code")}
                hint={t("task.codeHint")}
                required
                testId="task-code"
              />
              <TextField<F>
                name="titleZh"
                label={t("task.titleZh")}
                required
                testId="task-titleZh"
              />
              <TextField<F>
                name="titleEn"
                label={t("task.titleEn")}
                required
                testId="task-titleEn"
              />
              <TextField<F> name="descriptionZh" label={t("task.descriptionZh")} multiline />
              <TextField<F> name="descriptionEn" label={t("task.descriptionEn")} multiline />
              <TextField<F> name="doneCriteriaZh" label={t("task.doneCriteriaZh")} multiline />
              <TextField<F> name="doneCriteriaEn" label={t("task.doneCriteriaEn")} multiline />
              <NumberField<F>
                name="weight"
                label={t("task.weight")}
                required
                testId="task-weight"
              />
              <DatePickerField
                control={form.control}
                name="defaultDueDate"
                label={t("task.defaultDueDate")}
                testId="task-defaultDueDate"
              />
              <CheckboxField<F>
                name="isMain"
                label={t("task.isMain")}
                hint={task?.ledgerItems ? t("task.isMainHint") : undefined}
                className="sm:col-span-2"
                testId="task-isMain"
              />
            </div>
            {task && (
              <p className="mt-3 text-sm text-slate-700">
                {t("task.itemsNote", { count: task.ledgerItems })}
              </p>
            )}
          </Section>
          <Section
            id="task-indicators"
            title={t("task.indicators")}
            description={t("task.indicatorsIntro")}
          >
            <IndicatorsEditor disabled={!canManage} />
          </Section>
        </fieldset>
        {canManage && (
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              className={field.primary}
              disabled={form.formState.isSubmitting}
              data-testid="task-submit"
            >
              {form.formState.isSubmitting
                ? t("form.saving")
                : task
                  ? t("form.save")
                  : t("task.create")}
            </button>
            {task && task.ledgerItems === 0 && (
              <ConfirmDialog
                title={t("task.deleteTask")}
                message={t("task.deleteMessage", { code: task.code })}
                tone="danger"
                confirmLabel={t("catalogue.delete")}
                errorMessage={errorText}
                onConfirm={async () => {
                  await deleteTask(task.id);
                  afterCatalogueWrite(queryClient);
                  router.push(catalogue);
                }}
                trigger={<Button className={field.danger}>{t("task.deleteTask")}</Button>}
              />
            )}
          </div>
        )}
      </form>
    </FormProvider>
  );
}
