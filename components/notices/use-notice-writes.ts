"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "@/lib/api/client";
import {
  actOnNotice,
  afterIssue,
  afterNoticeWrite,
  issueNotice,
  refreshNotice,
  replyToNotice,
} from "@/lib/notices/query-options";
import type { NoticeDto } from "@/lib/notices/schemas";

type Action = "close" | "escalate";

/** What the notice page tells the user after a write. */
export type NoticeMessage = { tone: "success" | "error"; text: string };

/**
 * The writes on notices. Each refreshes every view of notices, the ledger (an item's page lists
 * its notices) and notifications through `afterNoticeWrite`. The handlers run even when the form
 * that started the write is gone (closing a notice removes the form that closed it).
 */
export function useIssueNoticeMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: issueNotice,
    onSuccess: (issued) => afterIssue(queryClient, issued),
  });
}

/** The enterprise's reply to a notice. */
export function useReplyMutation(
  noticeId: string,
  handlers: { onSuccess: () => void; onError: (error: Error) => void },
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => replyToNotice(noticeId, text),
    onSuccess: (notice: NoticeDto) => {
      afterNoticeWrite(queryClient, notice);
      handlers.onSuccess();
    },
    onError: handlers.onError,
  });
}

/** Close or escalate a notice (the comment is optional); a 409 or 422 reads the notice again. */
export function useNoticeActionMutation(
  noticeId: string,
  handlers: { onSuccess: (action: Action) => void; onError: (error: Error) => void },
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, comment }: { action: Action; comment?: string }) =>
      actOnNotice(noticeId, action, comment),
    onSuccess: (notice, { action }) => {
      afterNoticeWrite(queryClient, notice);
      handlers.onSuccess(action);
    },
    onError: (error) => {
      handlers.onError(error);
      if (error instanceof ApiError && (error.status === 409 || error.status === 422))
        refreshNotice(queryClient, noticeId);
    },
  });
}
