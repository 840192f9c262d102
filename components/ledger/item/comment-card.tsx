"use client";

import { useFormatter, useTranslations } from "next-intl";
import { formatDateTime } from "@/components/ui/formats";
import type { CommentDto } from "@/lib/comments/schemas";

/** One comment in the item's timeline: who, when, the text and whom it mentions. */
export function CommentCard({ comment }: { comment: CommentDto }) {
  const t = useTranslations("ledger.comments");
  const format = useFormatter();
  return (
    <li
      className="rounded-md border border-sky-200 bg-sky-50/40 p-4"
      data-testid="timeline-comment"
      data-comment-id={comment.id}
    >
      <p className="text-xs text-slate-600">
        <span className="mr-2 rounded bg-sky-100 px-1.5 py-0.5 font-medium text-sky-900">
          {t("kind")}
        </span>
        {t("by", {
          name: comment.author.displayName,
          at: formatDateTime(format, new Date(comment.createdAt)),
        })}
      </p>
      <p className="mt-2 text-sm whitespace-pre-wrap text-slate-900" data-testid="comment-body">
        {comment.body}
      </p>
      {comment.mentions.length > 0 && (
        <p className="mt-1 text-xs text-slate-700" data-testid="comment-mentions">
          {t("mentions", { names: comment.mentions.map((m) => `@${m.displayName}`).join(" ") })}
        </p>
      )}
    </li>
  );
}
