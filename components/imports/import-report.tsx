"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import { table } from "@/components/ui/section";
import type { ImportProblem, ImportReport } from "@/lib/imports/schemas";

const col = dataTableColumns<ImportProblem>();

/** A dry run's or an import's report: what it changes per sheet, and every problem by cell. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const t = useTranslations("imports");
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("sheet", { header: t("sheet"), cell: (c) => c.getValue() ?? "—" }),
        col.accessor("row", {
          header: t("row"),
          meta: { numeric: true },
          cell: (c) => c.getValue() ?? "—",
        }),
        col.accessor("column", {
          header: t("column"),
          cell: (c) => {
            const p = c.row.original;
            return p.column ? `${p.column}${p.cell ? ` (${p.cell})` : ""}` : (p.cell ?? "—");
          },
        }),
        col.accessor("message", { header: t("message") }),
      ]),
    [t],
  );
  const outcome = report.applied
    ? t("appliedResult")
    : report.problemCount > 0
      ? t("notApplied")
      : t("dryRunResult");
  return (
    <div className="space-y-4" data-testid="import-report" data-applied={report.applied}>
      <p role="status" className="text-sm font-medium text-slate-900" data-testid="import-outcome">
        {outcome}{" "}
        {report.problemCount === 0
          ? t("noProblems", { rows: report.rows })
          : t("problemCount", { count: report.problemCount })}
      </p>
      <div className={table.wrapper}>
        <table className={table.table} data-testid="import-counts">
          <caption className={table.caption}>{t("countsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col" className={table.th}>
                {t("sheet")}
              </th>
              <th scope="col" className={table.thNum}>
                {t("created")}
              </th>
              <th scope="col" className={table.thNum}>
                {t("updated")}
              </th>
              <th scope="col" className={table.thNum}>
                {t("unchanged")}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.sheets.map((s) => (
              <tr key={s.id} className={table.tr} data-sheet={s.id}>
                <th scope="row" className={`${table.td} font-medium`}>
                  {s.name}
                </th>
                <td className={table.tdNum} data-testid="count-created">
                  {s.created}
                </td>
                <td className={table.tdNum} data-testid="count-updated">
                  {s.updated}
                </td>
                <td className={table.tdNum}>{s.unchanged}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.problems.length > 0 && (
        <>
          {report.problems.length < report.problemCount && (
            <p className="text-sm text-slate-700">
              {t("problemsShown", { shown: report.problems.length })}
            </p>
          )}
          <DataTable
            data={report.problems}
            columns={columns}
            getRowId={(p, i) => `${i}-${p.sheet}-${p.cell ?? p.row}`}
            caption={t("problemsCaption")}
            showCaption
            showColumnToggle={false}
            testId="import-problems"
            rowTestId="import-problem"
          />
        </>
      )}
    </div>
  );
}
