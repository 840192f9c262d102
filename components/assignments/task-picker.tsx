"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { FieldMessage, RequiredMark } from "@/components/ui/form";
import { asLocale, bilingual } from "@/components/ui/formats";
import { field } from "@/components/ui/styles";
import { localName } from "@/lib/i18n/config";

export type PickerCategory = { id: string; code: string; nameZh: string; nameEn: string };
export type PickerTask = {
  id: string;
  code: string;
  titleZh: string;
  titleEn: string;
  categoryId: string;
  isMain: boolean;
  defaultDueDate: string | null;
};

/** Tasks of the programme's catalogue by category, as checkboxes, narrowed by typing. */
export function TaskPicker({
  categories,
  tasks,
  selected,
  onChange,
  error,
}: {
  categories: PickerCategory[];
  tasks: PickerTask[];
  selected: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const t = useTranslations("assignments.tasks");
  const locale = asLocale(useLocale());
  const [filter, setFilter] = useState("");
  const needle = filter.trim().toLowerCase();
  const shown = tasks.filter(
    (task) =>
      !needle ||
      task.code.toLowerCase().includes(needle) ||
      task.titleZh.includes(filter.trim()) ||
      task.titleEn.toLowerCase().includes(needle),
  );
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected, id] : selected.filter((x) => x !== id));

  return (
    <fieldset aria-describedby={error ? "assign-tasks-error" : undefined}>
      <legend className={field.label}>
        {t("legend")}
        <RequiredMark />
      </legend>
      <div className="mt-1 flex flex-wrap items-end gap-3">
        <div className="min-w-60 flex-1">
          <label htmlFor="assign-task-filter" className="sr-only">
            {t("filter")}
          </label>
          <input
            id="assign-task-filter"
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            placeholder={t("filter")}
            className={field.input()}
          />
        </div>
        <p className="text-sm text-slate-700" aria-live="polite" data-testid="assign-task-count">
          {t("selected", { count: selected.length })}
        </p>
      </div>
      <div
        className="mt-2 max-h-80 space-y-3 overflow-y-auto rounded-md border border-slate-300 p-3"
        data-testid="assign-task-list"
      >
        {categories.map((category) => {
          const own = shown.filter((task) => task.categoryId === category.id);
          if (!own.length) return null;
          return (
            <div key={category.id} role="group" aria-labelledby={`cat-${category.id}`}>
              <p id={`cat-${category.id}`} className="text-xs font-semibold text-slate-700">
                {category.code} {localName(category, locale)}
              </p>
              <ul className="mt-1 space-y-1">
                {own.map((task) => (
                  <li key={task.id}>
                    <label className="flex items-start gap-2 text-sm text-slate-900">
                      <input
                        type="checkbox"
                        className="mt-1"
                        checked={selected.includes(task.id)}
                        onChange={(event) => toggle(task.id, event.target.checked)}
                        data-testid="assign-task"
                        data-task-code={task.code}
                      />
                      <span>
                        <span className="font-mono text-slate-700">{task.code}</span>{" "}
                        {bilingual(locale, task.titleZh, task.titleEn)}
                        {task.isMain && (
                          <span className="ml-2 rounded bg-brand-50 px-1 text-xs text-brand-900 ring-1 ring-brand-100">
                            {t("main")}
                          </span>
                        )}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
        {!shown.length && <p className="text-sm text-slate-700">{t("none")}</p>}
      </div>
      <FieldMessage id="assign-tasks-error" message={error} />
    </fieldset>
  );
}
