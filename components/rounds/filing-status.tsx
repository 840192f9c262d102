import clsx from "clsx";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { z } from "zod";
import { PercentBar } from "@/components/ui/badges";
import { asLocale, formatDateTime } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import { localName } from "@/lib/i18n/config";
import type { FilingStatus as FilingStatusSchema } from "@/lib/rounds/schemas";
import { inlineLink } from "@/components/ui/styles";

export type FilingStatus = z.infer<typeof FilingStatusSchema>;

/** A unit that never filed is "pending" while the window is open and "not filed" (未报送) after. */
const STATE_CLASS = {
  onTime: "bg-green-50 text-green-900 ring-green-300",
  late: "bg-red-50 text-red-900 ring-red-300",
  pending: "bg-amber-50 text-amber-900 ring-amber-300",
  notFiled: "bg-red-100 text-red-950 ring-red-400",
} as const;

const chip =
  "inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset";

/** Share of units that filed, per supervisor, with a bar (decoration) and the figure (text). */
export function SupervisorShares({ status }: { status: FilingStatus }) {
  const t = useTranslations("rounds.filing");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  const units = status.supervisors.reduce((n, s) => n + s.units, 0);
  const filed = status.supervisors.reduce((n, s) => n + s.filed, 0);
  const pct = (share: number | null) =>
    share === null
      ? t("noUnits")
      : format.number(share / 100, { style: "percent", maximumFractionDigits: 1 });
  if (status.supervisors.length === 0)
    return <p className="text-sm text-slate-700">{t("noUnitsInScope")}</p>;
  return (
    <div className={table.wrapper}>
      <table className={table.table} data-testid="supervisor-shares">
        <caption className="sr-only">{t("bySupervisorCaption")}</caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {t("supervisor")}
            </th>
            <th scope="col" className={table.thNum}>
              {t("filedOfUnits")}
            </th>
            <th scope="col" className={table.th}>
              {t("share")}
            </th>
          </tr>
        </thead>
        <tbody>
          {status.supervisors.map((s) => (
            <tr key={s.id} className={table.tr} data-testid="supervisor-share" data-code={s.code}>
              <th scope="row" className={`${table.td} text-left font-medium`}>
                {localName(s, locale)}
              </th>
              <td className={table.tdNum}>{t("filedCount", { filed: s.filed, units: s.units })}</td>
              <td className={table.td}>
                <PercentBar value={s.sharePercent} label={pct(s.sharePercent)} />
              </td>
            </tr>
          ))}
        </tbody>
        {status.supervisors.length > 1 && (
          <tfoot>
            <tr className="border-t-2 border-slate-300 font-semibold">
              <th scope="row" className={`${table.td} text-left`}>
                {t("allSupervisors")}
              </th>
              <td className={table.tdNum}>{t("filedCount", { filed, units })}</td>
              <td className={table.td}>
                <PercentBar
                  value={units ? (filed / units) * 100 : null}
                  label={pct(units ? Math.round((filed / units) * 10_000) / 100 : null)}
                />
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** The units expected to file, with when they filed and whether it was late. */
export function FilingUnits({ status }: { status: FilingStatus }) {
  const t = useTranslations("rounds.filing");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  const supervisors = new Map(status.supervisors.map((s) => [s.id, s]));
  if (status.enterprises.length === 0)
    return <p className="text-sm text-slate-700">{t("noUnitsInScope")}</p>;
  return (
    <div className={table.wrapper}>
      <table className={table.table} data-testid="filing-units">
        <caption className="sr-only">
          {t("unitsCaption", { count: status.enterprises.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {t("enterprise")}
            </th>
            <th scope="col" className={table.th}>
              {t("supervisor")}
            </th>
            <th scope="col" className={table.th}>
              {t("filedAt")}
            </th>
            <th scope="col" className={table.th}>
              {t("timeliness")}
            </th>
          </tr>
        </thead>
        <tbody>
          {status.enterprises.map((e) => {
            const supervisor = supervisors.get(e.supervisorId);
            return (
              <tr
                key={e.id}
                className={table.tr}
                data-testid="filing-unit"
                data-enterprise-id={e.id}
                data-filed={e.filedAt ? "true" : "false"}
                data-state={e.state}
              >
                <th scope="row" className={`${table.td} text-left font-medium`}>
                  <Link href={`/enterprises/${e.id}`} className={inlineLink}>
                    {localName(e, locale)}
                  </Link>
                  <span className="ml-2 font-mono text-xs text-slate-600">{e.code}</span>
                </th>
                <td className={table.td}>{supervisor ? localName(supervisor, locale) : ""}</td>
                <td className={`${table.td} tabular-nums`}>
                  {e.filedAt ? formatDateTime(format, new Date(e.filedAt)) : "—"}
                </td>
                <td className={table.td}>
                  <span
                    className={clsx(chip, STATE_CLASS[e.state])}
                    data-testid="filing-state"
                    data-state={e.state}
                  >
                    {t(e.state)}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
