"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import clsx from "clsx";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { formatDateTime } from "@/components/ui/formats";
import { useHydrated } from "@/components/ui/use-hydrated";
import {
  BELL_POLL_MS,
  dropReadFromBell,
  markNotificationsRead,
  notificationQueries,
  refreshNotifications,
} from "@/lib/notifications/query-options";

/**
 * The header's notification bell: the unread count (polled every minute), a dropdown with the
 * latest unread notifications, mark read, and a link to the full list. Self-contained: drop it
 * into the header; `tone` matches a dark or light background.
 */
export function NotificationBell({ tone = "dark" }: { tone?: "dark" | "light" }) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const titleId = `${panelId}-title`;

  const query = useQuery({
    ...notificationQueries.unread(),
    refetchInterval: BELL_POLL_MS,
    refetchOnWindowFocus: true,
  });
  const unread = query.data?.unread ?? 0;
  const items = query.data?.items ?? [];

  const markRead = useMutation({
    mutationFn: markNotificationsRead,
    onMutate: (ids) => dropReadFromBell(queryClient, ids),
    onSettled: () => refreshNotifications(queryClient),
  });

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const badge = unread > 99 ? "99+" : String(unread);

  return (
    <div
      ref={rootRef}
      className="relative"
      data-testid="notification-bell"
      data-hydrated={hydrated ? "true" : "false"}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread ? t("bell.labelUnread", { count: unread }) : t("bell.label")}
        onClick={() => setOpen((v) => !v)}
        className={clsx(
          "relative inline-flex h-8 w-8 items-center justify-center rounded-md focus-visible:outline-2 focus-visible:outline-offset-2",
          tone === "dark"
            ? "text-white hover:bg-white/15 focus-visible:outline-white"
            : "text-slate-700 hover:bg-slate-100 focus-visible:outline-brand-700",
        )}
        data-testid="notification-bell-button"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-5 w-5"
          fill="none"
          stroke="currentColor"
          strokeWidth={1.8}
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          <span
            aria-hidden="true"
            data-testid="notification-count"
            className="absolute -top-1 -right-1 min-w-[1.1rem] rounded-full bg-red-600 px-1 text-center text-[0.7rem] leading-[1.1rem] font-semibold text-white ring-2 ring-white"
          >
            {badge}
          </span>
        )}
      </button>

      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-50 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white text-slate-900 shadow-lg"
        data-testid="notification-panel"
      >
        <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
          <p id={titleId} className="text-sm font-semibold">
            {t("title")}
            {unread > 0 && (
              <span className="ml-2 text-xs font-normal text-slate-700">
                {t("unread", { count: unread })}
              </span>
            )}
          </p>
          {unread > 0 && (
            <button
              type="button"
              onClick={() => markRead.mutate("all")}
              disabled={markRead.isPending}
              className="text-xs font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-700"
              data-testid="bell-mark-all"
            >
              {t("markAllRead")}
            </button>
          )}
        </div>
        {items.length === 0 ? (
          <p className="px-3 py-4 text-sm text-slate-700">
            {query.isPending ? t("bell.loading") : t("bell.empty")}
          </p>
        ) : (
          <ul
            aria-labelledby={titleId}
            className="max-h-96 divide-y divide-slate-200 overflow-y-auto"
          >
            {items.map((n) => (
              <li
                key={n.id}
                className="flex items-start gap-2 px-3 py-2 text-sm"
                data-testid="bell-item"
              >
                <div className="min-w-0 flex-1">
                  <Link
                    id={`${panelId}-${n.id}`}
                    href={n.link ?? "/notifications"}
                    onClick={() => {
                      markRead.mutate([n.id]);
                      setOpen(false);
                    }}
                    className="block text-slate-900 hover:underline focus-visible:outline-2 focus-visible:outline-brand-700"
                  >
                    {n.message}
                  </Link>
                  <p className="mt-0.5 text-xs text-slate-600 tabular-nums">
                    {formatDateTime(format, new Date(n.createdAt))}
                  </p>
                </div>
                <button
                  type="button"
                  aria-describedby={`${panelId}-${n.id}`}
                  onClick={() => markRead.mutate([n.id])}
                  className="shrink-0 rounded px-1.5 py-0.5 text-xs text-slate-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-700"
                >
                  {t("markRead")}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="border-t border-slate-200 px-3 py-2 text-right">
          <Link
            href="/notifications"
            onClick={() => setOpen(false)}
            className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-700"
            data-testid="bell-view-all"
          >
            {t("viewAll")}
          </Link>
        </div>
      </div>
    </div>
  );
}
