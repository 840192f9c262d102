"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import { field } from "@/components/ui/form";
import { asLocale, bilingual, formatDay } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import { catalogueQueries } from "@/lib/catalogue/query-options";
import type { CategoryDto, TaskDto } from "@/lib/catalogue/schemas";
import { localName } from "@/lib/i18n/config";
import { parseIsoDay } from "@/lib/time";

const col = dataTableColumns<TaskDto>();

/**
 * The programme's tasks: search by code or title, filter by category (in the browser: a
 * catalogue has dozens to a few hundred tasks); each opens its own page.
 */
export function TasksTable({
  programmeId,
  categories,
  initial,
}: {
  programmeId: string;
  categories: CategoryDto[];
  initial: TaskDto[];
}) {
  const t = useTranslations("catalogue.catalogue");
  const tc = useTranslations("common");
  const locale = asLocale(useLocale());
  const format = useFormatter();
  const searchId = useId();
  const categoryFilterId = useId();
  const [q, setQ] = useState("");
  const [categoryId, setCategoryId] = useState("");
  const { data } = useQuery({
    ...catalogueQueries.tasks(programmeId),
    initialData: { items: initial },
  });
  const byId = useMemo(() => new Map(categories.map((c) => [c.id, c])), [categories]);
  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return data.items.filter(
      (task) =>
        (!categoryId || task.categoryId === categoryId) &&
        (!needle ||
          [task.code, task.titleZh, task.titleEn].some((s) => s.toLowerCase().includes(needle))),
    );
  }, [data.items, q, categoryId]);

  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("code", { header: t("col.code") }),
        col.accessor((task) => bilingual(locale, task.titleZh, task.titleEn) ?? "", {
          id: "title",
          header: t("col.title"),
          meta: { rowHeader: true },
          cell: ({ row: { original: task }, getValue }) => (
            <Link
              href={`/programmes/${programmeId}/tasks/${task.id}`}
              className={table.link}
              data-testid="task-link"
            >
              {getValue()}
            </Link>
          ),
        }),
        col.accessor((task) => byId.get(task.categoryId)?.code ?? "", {
          id: "category",
          header: t("col.category"),
          cell: ({ row: { original: task } }) => {
            const category = byId.get(task.categoryId);
            return category ? localName(category, locale) : "";
          },
        }),
        col.accessor("isMain", {
          header: t("col.main"),
          cell: ({ getValue }) => (getValue() ? tc("yes") : tc("no")),
        }),
        col.accessor("weight", { header: t("col.weight"), meta: { numeric: true } }),
        col.accessor((task) => task.defaultDueDate ?? "", {
          id: "due",
          header: t("col.due"),
          cell: ({ getValue }) =>
            getValue() ? formatDay(format, parseIsoDay(getValue())) : tc("none"),
        }),
        col.accessor((task) => task.indicators.length, {
          id: "indicators",
          header: t("col.indicators"),
          meta: { numeric: true },
        }),
        col.accessor("ledgerItems", { header: t("col.items"), meta: { numeric: true } }),
      ]),
    [t, tc, locale, format, byId, programmeId],
  );

  return (
    <DataTable
      data={rows}
      columns={columns}
      getRowId={(task) => task.id}
      caption={t("tableCaption")}
      testId="tasks-table"
      rowTestId="task-row"
      emptyState={<p className="text-sm text-slate-700">{t("noTasks")}</p>}
      toolbar={
        <>
          <div>
            <label htmlFor={searchId} className="sr-only">
              {t("search")}
            </label>
            <input
              id={searchId}
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              placeholder={t("searchPlaceholder")}
              className={field.input()}
              data-testid="task-search"
            />
          </div>
          <div>
            <label htmlFor={categoryFilterId} className="sr-only">
              {t("categoryFilter")}
            </label>
            <select
              id={categoryFilterId}
              value={categoryId}
              onChange={(e) => setCategoryId(e.target.value)}
              className={field.input()}
              data-testid="task-category-filter"
            >
              <option value="">{t("allCategories")}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.code} {localName(c, locale)}
                </option>
              ))}
            </select>
          </div>
          <span className="text-sm text-slate-700" aria-live="polite">
            {t("tasksCount", { count: rows.length })}
          </span>
        </>
      }
    />
  );
}
