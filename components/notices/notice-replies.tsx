"use client";

import { useFormatter, useTranslations } from "next-intl";
import { formatDateTime } from "@/components/ui/formats";
import { Section } from "@/components/ui/section";
import type { NoticeDto } from "@/lib/notices/schemas";

/** The enterprise's replies, oldest first; `children` is the reply form, when one is offered. */
export function NoticeReplies({
  notice,
  children,
}: {
  notice: NoticeDto;
  children?: React.ReactNode;
}) {
  const t = useTranslations("notices");
  const format = useFormatter();
  const open = notice.status !== "CLOSED";
  return (
    <Section id="replies" title={t("repliesHeading")}>
      {notice.replies.length === 0 ? (
        <p className="text-sm text-slate-700">{t("noReplies")}</p>
      ) : (
        <ol className="space-y-3" data-testid="notice-replies">
          {notice.replies.map((r, index) => (
            <li
              key={`${r.createdAt}-${index}`}
              className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
              data-testid="notice-reply"
            >
              <p className="text-xs text-slate-700">
                <span className="font-medium text-slate-900">{r.author}</span> ·{" "}
                <span className="tabular-nums">
                  {formatDateTime(format, new Date(r.createdAt))}
                </span>
              </p>
              <p className="mt-1 whitespace-pre-wrap text-slate-900">{r.body}</p>
            </li>
          ))}
        </ol>
      )}
      {children && <div className="mt-4 border-t border-slate-200 pt-4">{children}</div>}
      {!open && <p className="mt-3 text-sm text-slate-700">{t("closedNoReplies")}</p>}
    </Section>
  );
}
