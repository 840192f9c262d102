"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { ApiError } from "@/lib/api/client";
import {
  afterAssignmentWrite,
  assignmentQueries,
  assignTasks,
} from "@/lib/assignments/query-options";
import { AssignInput, type AssignResult } from "@/lib/assignments/schemas";
import { parseIsoDay } from "@/lib/time";
import { DatePickerField } from "@/components/ui/date-picker";
import { ConfirmDialog } from "@/components/ui/dialog";
import { FieldMessage, Notice, field, useErrorText, useZodResolver } from "@/components/ui/form";
import { formatDay } from "@/components/ui/formats";
import { Section } from "@/components/ui/section";
import { useHydrated } from "@/components/ui/use-hydrated";
import { AssignPreview } from "./assign-preview";
import { AssignResultPanel } from "./assign-result";
import {
  EMPTY_FILTER,
  SelectionFilters,
  toSelection,
  type FilterOptions,
  type FilterValue,
} from "./selection-filters";
import { TaskPicker, type PickerCategory, type PickerTask } from "./task-picker";

type Values = {
  responsibleDept: string;
  responsiblePerson: string;
  responsiblePhone: string;
  dueDate: string;
  updateExisting: boolean;
};
const TEXT_FIELDS = ["responsibleDept", "responsiblePerson", "responsiblePhone"] as const;
const FormSchema = AssignInput.pick({
  responsibleDept: true,
  responsiblePerson: true,
  responsiblePhone: true,
  dueDate: true,
  updateExisting: true,
});

/**
 * Assign tasks of the programme to enterprises (分解下达): tasks, the enterprises by filters, a
 * live preview (a dry run of the same request), the responsible fields and due date, a
 * confirmation with the counts, then a summary of what was done.
 */
export function AssignForm({
  programmeId,
  categories,
  tasks,
  options,
  canAudit,
}: {
  programmeId: string;
  categories: PickerCategory[];
  tasks: PickerTask[];
  options: FilterOptions;
  canAudit: boolean;
}) {
  const t = useTranslations("assignments.form");
  const format = useFormatter();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const queryClient = useQueryClient();
  const [taskIds, setTaskIds] = useState<string[]>([]);
  const [taskError, setTaskError] = useState<string>();
  const [filter, setFilter] = useState<FilterValue>(EMPTY_FILTER);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<AssignResult | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const resolver = useZodResolver<Values>(FormSchema);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values>({
    resolver,
    defaultValues: {
      responsibleDept: "",
      responsiblePerson: "",
      responsiblePhone: "",
      dueDate: "",
      updateExisting: false,
    },
  });
  const values = useWatch({ control }) as Values;
  const selection = toSelection(filter);
  // The responsible fields change the counts only when existing items are to be updated.
  const body = {
    taskIds,
    selection,
    updateExisting: values.updateExisting,
    ...(values.updateExisting
      ? Object.fromEntries(TEXT_FIELDS.map((name) => [name, values[name]]))
      : {}),
  };
  const preview = useQuery({ ...assignmentQueries.preview(body), enabled: taskIds.length > 0 });
  const previewState = !taskIds.length
    ? "idle"
    : preview.isError
      ? "error"
      : preview.isFetching || !preview.data
        ? "loading"
        : "ready";

  const chosen = tasks.filter((task) => taskIds.includes(task.id));
  const defaultDue =
    chosen.length === 1 && chosen[0]!.defaultDueDate
      ? t("dueDateDefaultOne", {
          date: formatDay(format, parseIsoDay(chosen[0]!.defaultDueDate)),
        })
      : t("dueDateDefault");

  const onSubmit = handleSubmit(() => {
    setFormError(null);
    if (!taskIds.length) {
      setTaskError(t("tasksRequired"));
      return;
    }
    setTaskError(undefined);
    setConfirming(true);
  });

  const apply = async () => {
    try {
      const done = await assignTasks({
        taskIds,
        selection,
        updateExisting: values.updateExisting,
        dueDate: values.dueDate || undefined,
        ...Object.fromEntries(TEXT_FIELDS.map((name) => [name, values[name] || undefined])),
      });
      setResult(done);
      afterAssignmentWrite(queryClient);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        let placed = false;
        for (const name of [...TEXT_FIELDS, "dueDate"] as const) {
          if (error.fields[name]) {
            setError(name, { type: "server", message: error.fields[name] });
            placed = true;
          }
        }
        if (error.fields.taskIds) {
          setTaskError(error.fields.taskIds);
          placed = true;
        }
        const other = Object.entries(error.fields).find(([key]) => key.startsWith("selection"));
        if (other) setFormError(other[1]);
        else if (!placed) setFormError(errorText(error));
        return;
      }
      setFormError(errorText(error));
    }
  };

  const text = (name: (typeof TEXT_FIELDS)[number], autoComplete: string) => (
    <div>
      <label htmlFor={`assign-${name}`} className={field.label}>
        {t(name)}
      </label>
      <input
        id={`assign-${name}`}
        type={name === "responsiblePhone" ? "tel" : "text"}
        autoComplete={autoComplete}
        {...register(name)}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `assign-${name}-error` : undefined}
        className={field.input(Boolean(errors[name]))}
        data-testid={`assign-${name}`}
      />
      <FieldMessage id={`assign-${name}-error`} message={errors[name]?.message} />
    </div>
  );

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-5"
      data-testid="assign-form"
      data-hydrated={hydrated ? "true" : "false"}
    >
      {formError && <Notice tone="error">{formError}</Notice>}
      {result && (
        <AssignResultPanel result={result} programmeId={programmeId} canAudit={canAudit} />
      )}
      <Section id="assign-tasks" title={t("tasksHeading")} level={2}>
        <TaskPicker
          categories={categories}
          tasks={tasks}
          selected={taskIds}
          onChange={(ids) => {
            setTaskIds(ids);
            if (ids.length) setTaskError(undefined);
          }}
          error={taskError}
        />
      </Section>
      <Section
        id="assign-enterprises"
        title={t("enterprisesHeading")}
        description={t("enterprisesIntro")}
      >
        <div className="space-y-4">
          <SelectionFilters
            value={filter}
            onChange={setFilter}
            options={options}
            idPrefix="assign"
          />
          <AssignPreview
            preview={preview.data}
            state={previewState}
            errorText={preview.error ? errorText(preview.error) : undefined}
          />
        </div>
      </Section>
      <Section id="assign-responsible" title={t("responsibleHeading")}>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {text("responsibleDept", "organization-title")}
          {text("responsiblePerson", "name")}
          {text("responsiblePhone", "tel")}
          <DatePickerField
            control={control}
            name="dueDate"
            label={t("dueDate")}
            description={defaultDue}
            testId="assign-dueDate"
          />
        </div>
        <label className="mt-4 flex items-start gap-2 text-sm text-slate-900">
          <input type="checkbox" className="mt-1" {...register("updateExisting")} />
          <span>
            {t("updateExisting")}
            <span className={`block ${field.hint}`}>{t("updateExistingHint")}</span>
          </span>
        </label>
      </Section>
      <button
        type="submit"
        className={field.primary}
        disabled={!hydrated}
        data-testid="assign-submit"
      >
        {t("submit")}
      </button>
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t("confirmTitle")}
        message={
          preview.data
            ? t("confirmMessage", {
                tasks: taskIds.length,
                enterprises: format.number(preview.data.enterprises),
                created: format.number(preview.data.created),
                existing: format.number(preview.data.existing),
              })
            : t("confirmUnknown")
        }
        confirmLabel={t("submit")}
        onConfirm={apply}
        testId="assign-confirm"
      />
    </form>
  );
}
