/** TanStack Query factories and writers for supervision notices (/api/v1/notices/**). */
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { apiRequest, retryUnlessMissing } from "@/lib/api/client";
import { ledgerQueries } from "@/lib/ledger/query-options";
import { notificationQueries } from "@/lib/notifications/query-options";
import type { IssuedNotices, NoticeDto, NoticeGroups } from "@/lib/notices/schemas";

export const noticeQueries = {
  all: ["notices"] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...noticeQueries.all, "detail", id] as const,
      queryFn: ({ signal }) => apiRequest<NoticeDto>(`/api/v1/notices/${id}`, { signal }),
      retry: retryUnlessMissing,
    }),
  /** The enterprise groups of chosen items: one notice each when issued. */
  groups: (itemIds: string[]) =>
    queryOptions({
      queryKey: [...noticeQueries.all, "groups", [...itemIds].sort()] as const,
      queryFn: ({ signal }) =>
        apiRequest<NoticeGroups>(
          `/api/v1/notices/groups?itemIds=${[...itemIds].sort().join(",")}`,
          { signal },
        ),
      enabled: itemIds.length > 0,
      staleTime: 60_000,
    }),
};

/** The printable notice (督办单), opened by the browser. */
export const noticePdfHref = (id: string, lang?: string) =>
  `/api/v1/notices/${id}/pdf${lang ? `?lang=${encodeURIComponent(lang)}` : ""}`;

export function issueNotice(body: {
  itemIds: string[];
  level: NoticeDto["level"];
  requiredAction: string;
  responseDueOn: string;
}) {
  return apiRequest<IssuedNotices>("/api/v1/notices", { method: "POST", json: body });
}

export function replyToNotice(id: string, body: string) {
  return apiRequest<NoticeDto>(`/api/v1/notices/${id}/replies`, { method: "POST", json: { body } });
}

export function actOnNotice(id: string, action: "close" | "escalate", comment?: string) {
  return apiRequest<NoticeDto>(`/api/v1/notices/${id}/actions`, {
    method: "POST",
    json: { action, ...(comment ? { comment } : {}) },
  });
}

/**
 * After issuing, replying to, closing or escalating a notice: the answer is the notice as it is
 * now; every other view of notices, the ledger items (an item's page lists its notices) and the
 * notifications (the write notifies the other side) are stale.
 */
export function afterNoticeWrite(queryClient: QueryClient, notice: NoticeDto) {
  queryClient.setQueryData(noticeQueries.detail(notice.id).queryKey, notice);
  void queryClient.invalidateQueries({ queryKey: noticeQueries.all });
  void queryClient.invalidateQueries({ queryKey: ledgerQueries.all });
  void queryClient.invalidateQueries({ queryKey: notificationQueries.all });
}

/** After issuing: one notice per group, each known at once; every other view is stale. */
export function afterIssue(queryClient: QueryClient, issued: IssuedNotices) {
  for (const notice of issued.notices)
    queryClient.setQueryData(noticeQueries.detail(notice.id).queryKey, notice);
  void queryClient.invalidateQueries({ queryKey: noticeQueries.all });
  void queryClient.invalidateQueries({ queryKey: ledgerQueries.all });
  void queryClient.invalidateQueries({ queryKey: notificationQueries.all });
}

/** A write was refused because the notice changed (409) or no longer allows it (422): read it again. */
export function refreshNotice(queryClient: QueryClient, id: string) {
  void queryClient.invalidateQueries({ queryKey: noticeQueries.detail(id).queryKey });
}
