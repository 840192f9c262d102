import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import { changedFields } from "@/lib/audit/diff";
import { entityHref } from "@/lib/audit/entity-links";
import type { AuditEntry } from "@/lib/audit/schemas";

/** Journal rows: when, who, action, the object (linked to its page) and the changed fields. */
export async function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const [t, format] = await Promise.all([getTranslations("audit"), getFormatter()]);
  if (entries.length === 0) return <p className="text-sm text-slate-700">{t("none")}</p>;
  return (
    <div className={table.wrapper}>
      <table className={table.table} data-testid="audit-table">
        <caption className="sr-only">{t("journalCaption")}</caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {t("at")}
            </th>
            <th scope="col" className={table.th}>
              {t("who")}
            </th>
            <th scope="col" className={table.th}>
              {t("action")}
            </th>
            <th scope="col" className={table.th}>
              {t("object")}
            </th>
            <th scope="col" className={table.th}>
              {t("changes")}
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const href = entityHref(entry.entityType, entry.entityId);
            const changes = changedFields(entry.before, entry.after);
            return (
              <tr
                key={entry.id}
                className={table.tr}
                data-testid="audit-row"
                data-action={entry.action}
                data-entity-id={entry.entityId}
              >
                <td className={`${table.td} whitespace-nowrap`}>
                  {formatDateTime(format, new Date(entry.at))}
                </td>
                <td className={table.td}>
                  {entry.actorId ? (
                    <Link
                      href={`/audit?actorId=${entry.actorId}`}
                      className={table.link}
                      title={t("onlyBy", { name: entry.actorName ?? entry.actorLabel })}
                    >
                      {entry.actorName ?? entry.actorLabel}
                    </Link>
                  ) : (
                    t("system")
                  )}
                  <span className="block text-xs text-slate-600">{entry.actorLabel}</span>
                </td>
                <td className={`${table.td} font-mono text-xs`}>{entry.action}</td>
                <td className={table.td}>
                  <span className="block">{entry.entityType}</span>
                  {href ? (
                    <Link href={href} className={`${table.link} font-mono text-xs`}>
                      {entry.entityId}
                    </Link>
                  ) : (
                    <span className="font-mono text-xs">{entry.entityId}</span>
                  )}
                </td>
                <td className={table.td}>
                  {changes.length === 0 ? (
                    <span className="text-slate-600">{t("noChanges")}</span>
                  ) : (
                    <dl
                      className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-xs"
                      data-testid="audit-changes"
                    >
                      {changes.map((c) => (
                        <div key={c.field} className="contents" data-field={c.field}>
                          <dt className="font-medium text-slate-800">{c.field}</dt>
                          <dd>
                            {c.before !== null && (
                              <del className="mr-1 bg-red-50 text-red-900">
                                <span className="sr-only">{t("before")}: </span>
                                {c.before}
                              </del>
                            )}
                            <ins className="bg-green-50 text-green-900 no-underline">
                              <span className="sr-only">{t("after")}: </span>
                              {c.after ?? t("empty")}
                            </ins>
                          </dd>
                        </div>
                      ))}
                    </dl>
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
