"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { asLocale, formatDay } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import type { ProgrammeSummary } from "@/lib/catalogue/schemas";
import { localName } from "@/lib/i18n/config";
import { parseIsoDay } from "@/lib/time";
import { CopyProgrammeDialog } from "./copy-programme-dialog";
import { ProgrammeStatusBadge } from "./status-badge";

type Supervisor = { id: string; code: string; nameZh: string; nameEn: string };

/** The programmes the reader can see; owners may copy one into the next action. */
export function ProgrammesTable({
  programmes,
  supervisors,
}: {
  programmes: ProgrammeSummary[];
  supervisors: Supervisor[];
}) {
  const t = useTranslations("catalogue");
  const locale = asLocale(useLocale());
  const format = useFormatter();
  const day = (iso: string) => formatDay(format, parseIsoDay(iso));
  if (!programmes.length) return <p className="text-sm text-slate-700">{t("empty")}</p>;
  const canCopy = supervisors.length > 0;
  return (
    <div className={table.wrapper}>
      <table className={table.table} data-testid="programmes-table">
        <caption className="sr-only">{t("listCaption")}</caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {t("col.code")}
            </th>
            <th scope="col" className={table.th}>
              {t("col.name")}
            </th>
            <th scope="col" className={table.th}>
              {t("col.supervisor")}
            </th>
            <th scope="col" className={table.th}>
              {t("col.period")}
            </th>
            <th scope="col" className={table.th}>
              {t("col.status")}
            </th>
            <th scope="col" className={table.th}>
              {t("col.catalogue")}
            </th>
            {canCopy && (
              <th scope="col" className={table.th}>
                {t("col.actions")}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {programmes.map((p) => (
            <tr key={p.id} className={table.tr} data-testid="programme-row" data-code={p.code}>
              <td className={`${table.td} whitespace-nowrap`}>{p.code}</td>
              <th scope="row" className={`${table.td} text-left font-medium`}>
                <Link href={`/programmes/${p.id}`} className={table.link}>
                  {localName(p, locale)}
                </Link>
              </th>
              <td className={table.td}>{localName(p.supervisor, locale)}</td>
              <td className={`${table.td} whitespace-nowrap`}>
                {t("periodRange", { start: day(p.startDate), end: day(p.endDate) })}
              </td>
              <td className={table.td}>
                <ProgrammeStatusBadge status={p.status} />
              </td>
              <td className={table.td}>
                <Link href={`/programmes/${p.id}/catalogue`} className={table.link}>
                  {t("counts", { categories: p.categories, tasks: p.tasks })}
                </Link>
              </td>
              {canCopy && (
                <td className={table.td}>
                  <CopyProgrammeDialog source={p} supervisors={supervisors} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
