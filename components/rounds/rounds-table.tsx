import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { PercentBar } from "@/components/ui/badges";
import { asLocale } from "@/components/ui/formats";
import type { RoundListItem } from "@/lib/rounds/schemas";
import { table } from "@/components/ui/section";
import { localName } from "@/lib/i18n/config";
import { RoundStatusBadge, useWindowText } from "./round-format";

export type ProgrammeOption = { id: string; code: string; nameZh: string; nameEn: string };

/**
 * Reporting rounds, newest period first, a page at a time, each with the units in the reader's
 * scope that filed out of those expected and the share.
 */
export function RoundsTable({
  rounds,
  programmes,
  nextCursor,
  isFirstPage,
}: {
  rounds: RoundListItem[];
  programmes: ProgrammeOption[];
  nextCursor: string | null;
  isFirstPage: boolean;
}) {
  const t = useTranslations("rounds");
  const format = useFormatter();
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
            <th scope="col" className={table.th}>
              {t("filedShare")}
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
                <td className={`${table.td} whitespace-nowrap`} data-testid="round-share">
                  <span className="block text-xs text-slate-700 tabular-nums">
                    {t("filedOfTotal", { filed: r.filed, total: r.total })}
                  </span>
                  <PercentBar
                    value={r.sharePercent}
                    label={
                      r.sharePercent === null
                        ? "—"
                        : format.number(r.sharePercent / 100, {
                            style: "percent",
                            maximumFractionDigits: 1,
                          })
                    }
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {(nextCursor || !isFirstPage) && (
        <nav aria-label={t("pageNav")} className="flex gap-4 px-3 py-2 text-sm">
          {!isFirstPage && (
            <Link href="/rounds#rounds" className={table.link} data-testid="rounds-first-page">
              {t("firstPage")}
            </Link>
          )}
          {nextCursor && (
            <Link
              href={`/rounds?cursor=${encodeURIComponent(nextCursor)}#rounds`}
              className={table.link}
              data-testid="rounds-next-page"
            >
              {t("nextPage")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
