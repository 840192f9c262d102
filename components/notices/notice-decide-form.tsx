"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { field, useErrorText } from "@/components/ui/form";
import type { NoticeDto } from "@/lib/notices/schemas";
import { useNoticeActionMutation, type NoticeMessage } from "./use-notice-writes";

/** A reviewer closes the notice or escalates it one level, with an optional comment. */
export function NoticeDecideForm({
  notice,
  onDone,
}: {
  notice: NoticeDto;
  onDone: (m: NoticeMessage) => void;
}) {
  const t = useTranslations("notices.decide");
  const errorText = useErrorText();
  const [comment, setComment] = useState("");
  const mutation = useNoticeActionMutation(notice.id, {
    onSuccess: (action) => {
      setComment("");
      onDone({ tone: "success", text: action === "close" ? t("closed") : t("escalated") });
    },
    onError: (e) => onDone({ tone: "error", text: errorText(e) }),
  });
  const act = (action: "close" | "escalate") =>
    mutation.mutate({ action, comment: comment.trim() || undefined });

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
          onClick={() => act("close")}
          data-testid="notice-close"
        >
          {t("close")}
        </button>
        <button
          type="button"
          className={field.danger}
          disabled={mutation.isPending}
          onClick={() => act("escalate")}
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
