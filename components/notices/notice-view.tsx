"use client";

import { LoadError } from "@/components/ui/load-error";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { NotFoundPanel } from "@/components/ui/not-found-panel";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/form";
import { Section, table } from "@/components/ui/section";
import { ApiError } from "@/lib/api/client";
import { noticePdfHref, noticeQueries } from "@/lib/notices/query-options";
import { field } from "@/components/ui/styles";
import { NoticeLevelBadge, NoticeStatusBadge } from "./badges";
import { NoticeDecideForm } from "./notice-decide-form";
import { NoticeItems } from "./notice-items";
import { NoticeReplies } from "./notice-replies";
import { NoticeReplyForm } from "./notice-reply-form";
import { NoticeSummary } from "./notice-summary";
import type { NoticeMessage } from "./use-notice-writes";

/**
 * One supervision notice: what is required by when, its items, the enterprise's replies, the
 * reply form (liaisons) and close / escalate (reviewers). Data comes from GET /api/v1/notices/{id}.
 */
export function NoticeView({
  id,
  canReply,
  canAct,
  justIssued,
}: {
  id: string;
  canReply: boolean;
  canAct: boolean;
  justIssued: boolean;
}) {
  const t = useTranslations("notices");
  const tc = useTranslations("common");
  const query = useQuery(noticeQueries.detail(id));
  // The clock as of mounting: enough to flag a reply as overdue.
  const [now] = useState(() => Date.now());
  const [message, setMessage] = useState<NoticeMessage | null>(
    justIssued ? { tone: "success", text: t("issuedMessage") } : null,
  );
  const messageRef = useRef<HTMLDivElement>(null);

  const say = (next: NoticeMessage) => {
    setMessage(next);
    requestAnimationFrame(() => messageRef.current?.focus());
  };

  if (query.isPending) {
    return (
      <p className="text-sm text-slate-700" role="status">
        {tc("loading")}
      </p>
    );
  }
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPanel />;
    return <LoadError onRetry={() => void query.refetch()} />;
  }
  const notice = query.data;
  const open = notice.status !== "CLOSED";
  const overdue =
    (notice.status === "OPEN" || notice.status === "ESCALATED") &&
    new Date(notice.responseDueAt).getTime() < now;

  return (
    <div
      className="space-y-5"
      data-testid="notice-page"
      data-notice-id={notice.id}
      data-status={notice.status}
    >
      <nav aria-label={t("back")}>
        <Link href="/notices" className={`${table.link} text-sm`}>
          ← {t("back")}
        </Link>
      </nav>
      <PageHeader
        title={t("detailTitle", { number: notice.number })}
        intro={
          <span className="flex flex-wrap items-center gap-2">
            <NoticeLevelBadge level={notice.level} />
            <NoticeStatusBadge status={notice.status} />
          </span>
        }
      >
        <a
          href={noticePdfHref(notice.id)}
          target="_blank"
          rel="noopener"
          className={field.secondary}
          data-testid="notice-pdf"
        >
          {t("print")}
        </a>
      </PageHeader>
      {notice.partial && (
        <Notice tone="info" testId="notice-partial">
          {t("partialNote")}
        </Notice>
      )}
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {message && (
          <Notice
            tone={message.tone}
            testId={message.tone === "success" ? "notice-done" : "notice-error"}
          >
            {message.text}
          </Notice>
        )}
      </div>

      <NoticeSummary notice={notice} overdue={overdue} />
      <NoticeItems items={notice.items} open={notice.status !== "CLOSED"} />
      <NoticeReplies notice={notice}>
        {canReply && open && <NoticeReplyForm notice={notice} onDone={say} />}
      </NoticeReplies>

      {canAct && open && (
        <Section id="decide" title={t("decideHeading")} description={t("decideIntro")}>
          <NoticeDecideForm notice={notice} onDone={say} />
        </Section>
      )}
    </div>
  );
}
