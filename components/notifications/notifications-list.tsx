"use client";

import { LoadError } from "@/components/ui/load-error";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import clsx from "clsx";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Notice, field, useErrorText } from "@/components/ui/form";
import { formatDateTime } from "@/components/ui/formats";
import { useHydrated } from "@/components/ui/use-hydrated";
import {
  markNotificationsRead,
  markReadInCache,
  notificationQueries,
  refreshNotifications,
  type NotificationList,
} from "@/lib/notifications/query-options";

/** Every notification of the reader, newest first: open, mark read, mark all read. */
export function NotificationsList({
  initial,
  renderedAt,
}: {
  initial: NotificationList;
  renderedAt: number;
}) {
  const t = useTranslations("notifications");
  const tc = useTranslations("common");
  const format = useFormatter();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const query = useQuery({
    ...notificationQueries.list(unreadOnly),
    ...(unreadOnly ? {} : { initialData: initial, initialDataUpdatedAt: renderedAt }),
  });
  const data = query.data;

  const markRead = useMutation({
    mutationFn: markNotificationsRead,
    onMutate: (ids) => markReadInCache(queryClient, ids),
    onSettled: () => refreshNotifications(queryClient),
  });

  const items = (data?.items ?? []).filter((n) => !unreadOnly || !n.read);
  const unread = data?.unread ?? 0;

  return (
    <div
      className="space-y-4"
      data-testid="notifications-list"
      data-hydrated={hydrated ? "true" : "false"}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div
          role="group"
          aria-label={t("filterLabel")}
          className="inline-flex overflow-hidden rounded-md border border-slate-400 text-sm"
        >
          {[false, true].map((only) => (
            <button
              key={String(only)}
              type="button"
              aria-pressed={unreadOnly === only}
              onClick={() => setUnreadOnly(only)}
              className={clsx(
                "px-3 py-1.5 font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700",
                unreadOnly === only
                  ? "bg-brand-700 text-white"
                  : "bg-white text-slate-800 hover:bg-slate-100",
              )}
            >
              {only ? t("showUnread") : t("showAll")}
            </button>
          ))}
        </div>
        <p className="text-sm text-slate-700" aria-live="polite" data-testid="notifications-unread">
          {t("unread", { count: unread })}
        </p>
        <button
          type="button"
          className={field.secondary}
          disabled={unread === 0 || markRead.isPending}
          onClick={() => markRead.mutate("all")}
          data-testid="mark-all-read"
        >
          {t("markAllRead")}
        </button>
      </div>

      {markRead.isError && <Notice tone="error">{errorText(markRead.error)}</Notice>}

      {query.isError && !data ? (
        <LoadError onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <p
          className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-700"
          data-testid="notifications-empty"
        >
          {query.isPending ? tc("loading") : unreadOnly ? t("emptyUnread") : t("empty")}
        </p>
      ) : (
        <ul
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm"
          aria-label={t("title")}
        >
          {items.map((n) => (
            <li
              key={n.id}
              className={clsx(
                "flex flex-wrap items-start gap-3 px-4 py-3 text-sm",
                !n.read && "bg-brand-50",
              )}
              data-testid="notification"
              data-read={n.read ? "true" : "false"}
              data-kind={n.kind}
            >
              <span
                aria-hidden="true"
                className={clsx(
                  "mt-1.5 inline-block h-2 w-2 shrink-0 rounded-full",
                  n.read ? "bg-transparent" : "bg-brand-700",
                )}
              />
              <div className="min-w-0 flex-1">
                <p
                  id={`notification-${n.id}`}
                  className={clsx("text-slate-900", !n.read && "font-medium")}
                >
                  {!n.read && <span className="sr-only">{t("unreadMarker")}: </span>}
                  {n.message}
                </p>
                <p className="mt-0.5 text-xs text-slate-600 tabular-nums">
                  {formatDateTime(format, new Date(n.createdAt))}
                </p>
              </div>
              <div className="flex shrink-0 items-center gap-3">
                {n.link && (
                  <Link
                    href={n.link}
                    aria-describedby={`notification-${n.id}`}
                    onClick={() => {
                      if (!n.read) markRead.mutate([n.id]);
                    }}
                    className="font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-700"
                  >
                    {t("open")}
                  </Link>
                )}
                {!n.read && (
                  <button
                    type="button"
                    aria-describedby={`notification-${n.id}`}
                    onClick={() => markRead.mutate([n.id])}
                    className="text-slate-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-700"
                    data-testid="mark-read"
                  >
                    {t("markRead")}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
