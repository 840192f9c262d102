"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { NotFoundPanel } from "@/components/layout/not-found-panel";
import { PageHeader } from "@/components/layout/page-header";
import { ApiError } from "@/lib/api/client";
import {
  FieldMessage,
  Notice,
  RequiredMark,
  field,
  useErrorText,
} from "@/components/ui/form";
import { asLocale, bilingual, formatDateTime } from "@/components/ui/formats";
import { Section, table } from "@/components/ui/section";
import type { NoticeDto } from "@/lib/notices/schemas";
import { NoticeLevelBadge, NoticeStatusBadge } from "./badges";
import { formatDeadline } from "./deadline";
import { actOnNotice, noticeQueries, replyToNotice } from "@/lib/notices/query-options";
import { notificationQueries } from "@/lib/notifications/query-options";
import { inlineLink } from "@/components/ui/styles";

type Message = { tone: "success" | "error"; text: string };

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
  const format = useFormatter();
  const locale = asLocale(useLocale());
  const query = useQuery(noticeQueries.detail(id));
  // The clock as of mounting: enough to flag a reply as overdue.
  const [now] = useState(() => Date.now());
  const [message, setMessage] = useState<Message | null>(
    justIssued ? { tone: "success", text: t("issuedMessage") } : null,
  );
  const messageRef = useRef<HTMLDivElement>(null);

  const say = (next: Message) => {
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
    return (
      <Notice tone="error">
        {tc("loadFailed")}{" "}
        <button
          type="button"
          onClick={() => void query.refetch()}
          className="underline focus-visible:outline-2 focus-visible:outline-brand-700"
        >
          {tc("retry")}
        </button>
      </Notice>
    );
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
      />
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

      <Section id="summary" title={t("summary")}>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">{t("requiredAction")}</dt>
          <dd className="whitespace-pre-wrap text-slate-900" data-testid="notice-action">
            {notice.requiredAction}
          </dd>
          <dt className="text-slate-600">{t("responseDue")}</dt>
          <dd className="tabular-nums">
            {formatDeadline(format, notice.responseDueAt, (date) => t("endOfDay", { date }))}
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

      <Section id="items" title={t("itemsHeading", { count: notice.items.length })}>
        <ul className="divide-y divide-slate-200 text-sm" data-testid="notice-items">
          {notice.items.map((i) => (
            <li key={i.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2">
              <span className="font-mono text-xs text-slate-600">{i.taskCode}</span>
              <Link href={`/ledger/${i.id}`} className={`${inlineLink} font-medium`}>
                {bilingual(locale, i.taskZh, i.taskEn)}
              </Link>
              <span className="text-slate-700">
                {bilingual(locale, i.enterpriseZh, i.enterpriseEn)}
              </span>
            </li>
          ))}
        </ul>
      </Section>

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
        {canReply && open && (
          <div className="mt-4 border-t border-slate-200 pt-4">
            <ReplyForm notice={notice} onDone={say} />
          </div>
        )}
        {!open && <p className="mt-3 text-sm text-slate-700">{t("closedNoReplies")}</p>}
      </Section>

      {canAct && open && (
        <Section id="decide" title={t("decideHeading")} description={t("decideIntro")}>
          <DecideForm notice={notice} onDone={say} />
        </Section>
      )}
    </div>
  );
}

function ReplyForm({ notice, onDone }: { notice: NoticeDto; onDone: (m: Message) => void }) {
  const t = useTranslations("notices.reply");
  const tv = useTranslations("validation");
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const ref = useRef<HTMLTextAreaElement>(null);
  const mutation = useMutation({
    mutationFn: (text: string) => replyToNotice(notice.id, text),
    onSuccess: (updated) => {
      queryClient.setQueryData(noticeQueries.detail(notice.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: notificationQueries.all });
      setBody("");
      onDone({ tone: "success", text: t("sent") });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.body) {
        setError(e.fields.body);
        ref.current?.focus();
        return;
      }
      onDone({ tone: "error", text: errorText(e) });
    },
  });
  return (
    <form
      noValidate
      data-testid="reply-form"
      onSubmit={(e) => {
        e.preventDefault();
        const text = body.trim();
        if (text.length < 2) {
          setError(text ? tv("tooShort", { min: 2 }) : tv("required"));
          ref.current?.focus();
          return;
        }
        setError(undefined);
        mutation.mutate(text);
      }}
      className="space-y-2"
    >
      <label htmlFor="notice-reply" className={field.label}>
        {t("label")}
        <RequiredMark />
      </label>
      <p id="notice-reply-hint" className={field.hint}>
        {t("hint")}
      </p>
      <textarea
        ref={ref}
        id="notice-reply"
        rows={4}
        maxLength={4000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "notice-reply-hint notice-reply-error" : "notice-reply-hint"}
        className={field.input(Boolean(error))}
      />
      <FieldMessage id="notice-reply-error" message={error} />
      <button
        type="submit"
        className={field.primary}
        disabled={mutation.isPending}
        data-testid="reply-submit"
      >
        {mutation.isPending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}

function DecideForm({ notice, onDone }: { notice: NoticeDto; onDone: (m: Message) => void }) {
  const t = useTranslations("notices.decide");
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const mutation = useMutation({
    mutationFn: (action: "close" | "escalate") =>
      actOnNotice(notice.id, action, comment.trim() || undefined),
    onSuccess: (updated, action) => {
      queryClient.setQueryData(noticeQueries.detail(notice.id).queryKey, updated);
      setComment("");
      onDone({ tone: "success", text: action === "close" ? t("closed") : t("escalated") });
    },
    onError: (e) => {
      onDone({ tone: "error", text: errorText(e) });
      if (e instanceof ApiError && (e.status === 409 || e.status === 422))
        void queryClient.invalidateQueries({ queryKey: noticeQueries.detail(notice.id).queryKey });
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e) => e.preventDefault()}
      className="space-y-3"
      data-testid="decide-form"
    >
      <div>
        <label htmlFor="notice-comment" className={field.label}>
          {t("comment")}
        </label>
        <textarea
          id="notice-comment"
          rows={2}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          className={field.input()}
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={field.primary}
          disabled={mutation.isPending}
          onClick={() => mutation.mutate("close")}
          data-testid="notice-close"
        >
          {t("close")}
        </button>
        <button
          type="button"
          className={field.danger}
          disabled={mutation.isPending}
          onClick={() => mutation.mutate("escalate")}
          data-testid="notice-escalate"
        >
          {notice.level === "RED"
            ? t("escalateRed")
            : t("escalate", { level: t(`next.${notice.level}`) })}
        </button>
      </div>
    </form>
  );
}
