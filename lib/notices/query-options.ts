/** TanStack Query factories and writers for supervision notices (/api/v1/notices/**). */
import { queryOptions } from "@tanstack/react-query";
import { apiRequest, retryUnlessMissing } from "@/lib/api/client";
import type { NoticeDto } from "@/lib/notices/schemas";

export const noticeQueries = {
  all: ["notices"] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...noticeQueries.all, "detail", id] as const,
      queryFn: ({ signal }) => apiRequest<NoticeDto>(`/api/v1/notices/${id}`, { signal }),
      retry: retryUnlessMissing,
    }),
};

export function issueNotice(body: {
  itemIds: string[];
  level: NoticeDto["level"];
  requiredAction: string;
  responseDueOn: string;
}) {
  return apiRequest<NoticeDto>("/api/v1/notices", { method: "POST", json: body });
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
