"use client";

import { useFormatter, useTranslations } from "next-intl";
import { formatDateTime } from "@/components/ui/formats";
import { Section } from "@/components/ui/section";
import type { NoticeDto } from "@/lib/notices/schemas";
import { useDeadlineText } from "./deadline";

/** What the notice requires by when, who issued it, its escalations and when it was closed. */
export function NoticeSummary({ notice, overdue }: { notice: NoticeDto; overdue: boolean }) {
  const t = useTranslations("notices");
  const format = useFormatter();
  const deadlineText = useDeadlineText();
  return (
    <Section id="summary" title={t("summary")}>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600">{t("requiredAction")}</dt>
        <dd className="whitespace-pre-wrap text-slate-900" data-testid="notice-action">
          {notice.requiredAction}
        </dd>
        <dt className="text-slate-600">{t("responseDue")}</dt>
        <dd className="tabular-nums">
          <span data-testid="notice-deadline">{deadlineText(notice.responseDueAt)}</span>
          {overdue && (
            <span className="ml-2 text-xs font-medium text-red-800">{t("replyOverdue")}</span>
          )}
        </dd>
        <dt className="text-slate-600">{t("issued")}</dt>
        <dd>
          {t("issuedAtBy", {
            at: formatDateTime(format, new Date(notice.createdAt)),
            by: notice.issuedBy,
          })}
        </dd>
        <dt className="text-slate-600">{t("escalations")}</dt>
        <dd data-testid="notice-escalations">
          {notice.escalationCount > 0
            ? t("escalationsText", {
                count: notice.escalationCount,
                level: t(`level.${notice.level}`),
              })
            : t("noEscalation")}
        </dd>
        {notice.closedAt && (
          <>
            <dt className="text-slate-600">{t("closedAt")}</dt>
            <dd className="tabular-nums">{formatDateTime(format, new Date(notice.closedAt))}</dd>
          </>
        )}
      </dl>
    </Section>
  );
}
