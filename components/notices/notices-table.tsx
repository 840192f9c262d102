import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { asLocale, bilingual, formatDateTime } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import type { NoticeDto } from "@/lib/notices/schemas";
import { NoticeLevelBadge, NoticeStatusBadge } from "./badges";
import { useDeadlineText } from "./deadline";

/** Supervision notices in the reader's scope, newest first. `now` decides which replies are overdue. */
export function NoticesTable({ notices, now }: { notices: NoticeDto[]; now: number }) {
  const t = useTranslations("notices");
  const format = useFormatter();
  const deadlineText = useDeadlineText();
  const locale = asLocale(useLocale());
  return (
    <div className={table.wrapper}>
      <table className={table.table} data-testid="notices-table">
        <caption className="sr-only">{t("listCaption", { count: notices.length })}</caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {t("number")}
            </th>
            <th scope="col" className={table.th}>
              {t("levelLabel")}
            </th>
            <th scope="col" className={table.th}>
              {t("statusLabel")}
            </th>
            <th scope="col" className={table.th}>
              {t("items")}
            </th>
            <th scope="col" className={table.th}>
              {t("issued")}
            </th>
            <th scope="col" className={table.th}>
              {t("responseDue")}
            </th>
          </tr>
        </thead>
        <tbody>
          {notices.map((n) => {
            const overdue =
              (n.status === "OPEN" || n.status === "ESCALATED") &&
              new Date(n.responseDueAt).getTime() < now;
            return (
              <tr key={n.id} className={table.tr} data-testid="notice-row" data-notice-id={n.id}>
                <th scope="row" className={`${table.td} text-left font-medium whitespace-nowrap`}>
                  <Link href={`/notices/${n.id}`} className={table.link}>
                    {n.number}
                  </Link>
                </th>
                <td className={table.td}>
                  <NoticeLevelBadge level={n.level} />
                  {n.escalationCount > 0 && (
                    <p className="mt-1 text-xs text-slate-700">
                      {t("escalatedTimes", { count: n.escalationCount })}
                    </p>
                  )}
                </td>
                <td className={table.td}>
                  <NoticeStatusBadge status={n.status} />
                </td>
                <td className={table.td}>
                  <ul className="space-y-0.5">
                    {n.items.slice(0, 3).map((i) => (
                      <li key={i.id}>
                        <span className="font-mono text-xs text-slate-600">{i.taskCode}</span>{" "}
                        {bilingual(locale, i.taskZh, i.taskEn)}
                        <span className="text-slate-600">
                          {" "}
                          · {bilingual(locale, i.enterpriseZh, i.enterpriseEn)}
                        </span>
                      </li>
                    ))}
                    {n.items.length > 3 && (
                      <li className="text-xs text-slate-700">
                        {t("moreItems", { count: n.items.length - 3 })}
                      </li>
                    )}
                  </ul>
                </td>
                <td className={`${table.td} whitespace-nowrap`}>
                  <span className="tabular-nums">
                    {formatDateTime(format, new Date(n.createdAt))}
                  </span>
                  <span className="block text-xs text-slate-600">{n.issuedBy}</span>
                </td>
                <td className={`${table.td} whitespace-nowrap tabular-nums`}>
                  {deadlineText(n.responseDueAt)}
                  {overdue && (
                    <span className="mt-0.5 block text-xs font-medium text-red-800">
                      {t("replyOverdue")}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
