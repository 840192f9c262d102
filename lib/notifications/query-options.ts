/**
 * TanStack Query factories for the caller's notifications (GET /api/v1/notifications,
 * POST /api/v1/notifications/read). The bell and the full list share the "notifications" key,
 * so marking read in one updates the other.
 */
import { queryOptions } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api/client";

export type NotificationItem = {
  id: string;
  kind: string;
  message: string;
  link: string | null;
  read: boolean;
  createdAt: string;
};
export type NotificationList = { items: NotificationItem[]; unread: number };

/** How often the bell asks for new notifications. */
export const BELL_POLL_MS = 60_000;

export const notificationQueries = {
  all: ["notifications"] as const,
  unread: () =>
    queryOptions({
      queryKey: [...notificationQueries.all, "unread"] as const,
      queryFn: ({ signal }) =>
        apiRequest<NotificationList>("/api/v1/notifications?unread=true&limit=10", { signal }),
    }),
  list: (unreadOnly: boolean) =>
    queryOptions({
      queryKey: [...notificationQueries.all, "list", unreadOnly] as const,
      queryFn: ({ signal }) =>
        apiRequest<NotificationList>(
          `/api/v1/notifications?limit=200${unreadOnly ? "&unread=true" : ""}`,
          { signal },
        ),
    }),
};

export function markNotificationsRead(ids: string[] | "all") {
  return apiRequest<{ marked: number; unread: number }>("/api/v1/notifications/read", {
    method: "POST",
    json: { ids },
  });
}
