/**
 * TanStack Query factories for the caller's notifications (GET /api/v1/notifications,
 * POST /api/v1/notifications/read). The bell and the full list share the "notifications" key,
 * so marking read in one updates the other.
 */
import { queryOptions, type QueryClient } from "@tanstack/react-query";
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

/** The bell drops notifications marked read from its unread list at once; the server's answer follows. */
export async function dropReadFromBell(queryClient: QueryClient, ids: string[] | "all") {
  const { queryKey } = notificationQueries.unread();
  await queryClient.cancelQueries({ queryKey });
  queryClient.setQueryData<NotificationList>(queryKey, (data) => {
    if (!data) return data;
    if (ids === "all") return { items: [], unread: 0 };
    const items = data.items.filter((n) => !ids.includes(n.id));
    return { items, unread: Math.max(0, data.unread - (data.items.length - items.length)) };
  });
}

/** Every cached list shows notifications marked read at once; the server's answer follows. */
export async function markReadInCache(queryClient: QueryClient, ids: string[] | "all") {
  await queryClient.cancelQueries({ queryKey: notificationQueries.all });
  queryClient.setQueriesData<NotificationList>({ queryKey: notificationQueries.all }, (old) => {
    if (!old) return old;
    const hit = (id: string) => ids === "all" || ids.includes(id);
    const items = old.items.map((n) => (hit(n.id) ? { ...n, read: true } : n));
    const newlyRead = old.items.filter((n) => !n.read && hit(n.id)).length;
    return { items, unread: ids === "all" ? 0 : Math.max(0, old.unread - newlyRead) };
  });
}

/** After marking read, whatever the answer: every view of notifications reads again. */
export function refreshNotifications(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: notificationQueries.all });
}
