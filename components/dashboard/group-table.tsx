import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { isTargetDue } from "@/lib/dashboard/targets";
import { PercentBar, TargetBadge } from "@/components/ui/badges";
import { asLocale, formatRate } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import type { GroupSummary } from "@/lib/dashboard/groups";
import { localName } from "@/lib/i18n/config";
import { LEDGER_STATUSES } from "@/lib/ledger/schemas";

/** The groups in a reviewer's scope: ledger items per status and main-task completion. */
export function GroupTable({ groups, caption }: { groups: GroupSummary[]; caption: string }) {
  const t = useTranslations("completion");
  const tl = useTranslations("ledger");
  const ts = useTranslations("status");
  const te = useTranslations("enterprise");
  const tc = useTranslations("common");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  return (
    <div className={table.wrapper}>
      <table className={table.table} data-testid="group-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {tl("enterprise")}
            </th>
            <th scope="col" className={table.th}>
              {te("supervisor")}
            </th>
            <th scope="col" className={table.thNum}>
              {tl("items")}
            </th>
            {LEDGER_STATUSES.map((s) => (
              <th key={s} scope="col" className={table.thNum}>
                {ts(s)}
              </th>
            ))}
            <th scope="col" className={table.thNum}>
              {ts("OVERDUE")}
            </th>
            <th scope="col" className={table.th}>
              {t("heading")}
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map(({ enterprise, items, completion }) => (
            <tr key={enterprise.id} className={table.tr}>
              <th scope="row" className={`${table.td} text-left font-normal`}>
                <Link href={`/enterprises/${enterprise.id}`} className={table.link}>
                  {localName(enterprise, locale)}
                </Link>
              </th>
              <td className={table.td}>{localName(enterprise.supervisor, locale)}</td>
              <td className={table.tdNum}>{format.number(items.total)}</td>
              {LEDGER_STATUSES.map((s) => (
                <td key={s} className={table.tdNum}>
                  {format.number(items.byStatus[s])}
                </td>
              ))}
              <td className={`${table.tdNum} ${items.overdue ? "font-semibold text-red-800" : ""}`}>
                {format.number(items.overdue)}
              </td>
              <td className={`${table.td} whitespace-nowrap`}>
                {completion && completion.ratePercent !== null ? (
                  <span className="inline-flex items-center gap-2">
                    <PercentBar
                      value={completion.ratePercent}
                      label={formatRate(format, completion.ratePercent)}
                    />
                    {completion.meetsTarget !== null && (
                      <TargetBadge met={completion.meetsTarget} due={isTargetDue(completion)} />
                    )}
                  </span>
                ) : (
                  tc("none")
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
