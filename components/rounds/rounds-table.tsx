import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { asLocale } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import { localName } from "@/lib/i18n/config";
import { RoundStatusBadge, useWindowText, type Round } from "./round-format";

export type ProgrammeOption = { id: string; code: string; nameZh: string; nameEn: string };

/** Reporting rounds, newest period first. */
export function RoundsTable({
  rounds,
  programmes,
}: {
  rounds: Round[];
  programmes: ProgrammeOption[];
}) {
  const t = useTranslations("rounds");
  const locale = asLocale(useLocale());
  const windowText = useWindowText();
  const byId = new Map(programmes.map((p) => [p.id, p]));
  if (rounds.length === 0) return <p className="text-sm text-slate-700">{t("empty")}</p>;
  return (
    <div className={table.wrapper}>
      <table className={table.table} data-testid="rounds-table">
        <caption className="sr-only">{t("listCaption")}</caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {t("period")}
            </th>
            <th scope="col" className={table.th}>
              {t("programme")}
            </th>
            <th scope="col" className={table.th}>
              {t("window")}
            </th>
            <th scope="col" className={table.th}>
              {t("statusLabel")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((r) => {
            const programme = byId.get(r.programmeId);
            return (
              <tr
                key={r.id}
                className={table.tr}
                data-testid="round-row"
                data-round-id={r.id}
                data-period={r.period}
              >
                <th scope="row" className={`${table.td} text-left font-medium`}>
                  <Link href={`/rounds/${r.id}`} className={table.link}>
                    {t("periodLabel", { period: r.period })}
                  </Link>
                </th>
                <td className={table.td}>
                  {programme ? localName(programme, locale) : t("unknownProgramme")}
                </td>
                <td className={`${table.td} whitespace-nowrap tabular-nums`}>{windowText(r)}</td>
                <td className={table.td}>
                  <RoundStatusBadge status={r.status} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
