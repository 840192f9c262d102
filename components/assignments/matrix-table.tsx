"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import { asLocale, bilingual } from "@/components/ui/formats";
import { localName } from "@/lib/i18n/config";
import type { Matrix, MatrixRow, MatrixTask } from "@/lib/assignments/schemas";
import { StatusMark } from "./status-mark";

/** The first row holds each task's coverage; the others are enterprises. */
type Row = { kind: "coverage" } | ({ kind: "enterprise" } & MatrixRow);
const col = dataTableColumns<Row>();
const COVERAGE_ID = "coverage";

/**
 * Tasks across, enterprises down (indented by level), a status mark per cell, and a coverage row
 * first: per task, the enterprises of the whole filter (all pages) with the item, those excluded
 * as not applicable, and those completed. Columns can be hidden from the table's column menu.
 */
export function MatrixTable({
  matrix,
  caption,
  isBusy,
}: {
  matrix: Matrix;
  caption: string;
  isBusy: boolean;
}) {
  const t = useTranslations("assignments.matrix");
  const format = useFormatter();
  const locale = asLocale(useLocale());

  // No enterprise: no coverage row either, so the table says it is empty.
  const data = useMemo<Row[]>(
    () =>
      matrix.rows.length
        ? [
            { kind: "coverage" },
            ...matrix.rows.map((row) => ({ kind: "enterprise" as const, ...row })),
          ]
        : [],
    [matrix.rows],
  );

  const columns = useMemo(() => {
    const n = (value: number) => format.number(value);
    const coverage = (task: MatrixTask) => {
      const c = task.coverage;
      const long = t("coverageLong", {
        assigned: n(c.assigned),
        notApplicable: n(c.notApplicable),
        completed: n(c.completed),
      });
      return (
        <span
          className="text-xs whitespace-nowrap tabular-nums text-slate-800"
          title={long}
          data-testid="matrix-coverage"
          data-task-code={task.code}
          data-assigned={c.assigned}
          data-not-applicable={c.notApplicable}
          data-completed={c.completed}
        >
          <span aria-hidden="true">
            {n(c.assigned)}/{n(c.notApplicable)}/{n(c.completed)}
          </span>
          <span className="sr-only">{long}</span>
        </span>
      );
    };
    return col.columns([
      col.display({
        id: "enterprise",
        header: t("enterprise"),
        enableHiding: false,
        meta: { rowHeader: true, label: t("enterprise") },
        cell: (info) => {
          const row = info.row.original;
          if (row.kind === "coverage")
            return <span className="text-xs font-semibold">{t("coverage")}</span>;
          return (
            <span
              className="block whitespace-nowrap"
              style={{ paddingLeft: `${row.depth * 1}rem` }}
              data-testid="matrix-enterprise"
              data-code={row.code}
            >
              {localName(row, locale)}
              <span className="ml-1 text-xs text-slate-600">{row.code}</span>
            </span>
          );
        },
      }),
      ...matrix.tasks.map((task) => {
        const title = bilingual(locale, task.titleZh, task.titleEn) ?? task.code;
        return col.display({
          id: task.id,
          header: () => (
            <abbr title={title} className="no-underline" data-task-code={task.code}>
              {task.code}
            </abbr>
          ),
          meta: { label: `${task.code} ${title}` },
          cell: (info) => {
            const row = info.row.original;
            if (row.kind === "coverage") return coverage(task);
            const cell = row.cells.find((c) => c.taskId === task.id);
            return <StatusMark cell={cell} label={`${localName(row, locale)} · ${task.code}`} />;
          },
        });
      }),
    ]);
  }, [matrix.tasks, format, locale, t]);

  return (
    <DataTable
      data={data}
      columns={columns}
      getRowId={(row) => (row.kind === "coverage" ? COVERAGE_ID : row.id)}
      caption={caption}
      isBusy={isBusy}
      emptyState={t("empty")}
      testId="matrix-table"
      rowTestId="matrix-row"
      scrollClassName="max-h-[75vh]"
    />
  );
}
