import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/config";
import { notificationText } from "./notify";

export async function unreadCount(actor: Actor): Promise<number> {
  return getDb().notification.count({ where: { userId: actor.id, readAt: null } });
}

/** The actor's notifications, newest first, rendered in the reader's language. */
export async function listNotifications(
  actor: Actor,
  options: { locale: Locale; unreadOnly?: boolean; limit?: number },
) {
  const rows = await getDb().notification.findMany({
    where: { userId: actor.id, ...(options.unreadOnly ? { readAt: null } : {}) },
    select: { id: true, kind: true, params: true, link: true, readAt: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 50,
  });
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    message: notificationText(options.locale, n.kind, n.params as Record<string, unknown>),
    link: n.link,
    read: n.readAt !== null,
    createdAt: n.createdAt.toISOString(),
  }));
}

/** Marks the given notifications (or all) read; only the actor's own. */
export async function markRead(actor: Actor, ids: readonly string[] | "all"): Promise<number> {
  const result = await getDb().notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(ids === "all" ? {} : { id: { in: [...ids] } }) },
    data: { readAt: new Date() },
  });
  return result.count;
}
