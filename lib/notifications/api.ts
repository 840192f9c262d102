import "server-only";
import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { listNotifications, markRead, unreadCount } from "./queries";

const NotificationDto = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    message: z.string(),
    link: z.string().nullable(),
    read: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Notification" });

export const listNotificationsEndpoint = endpoint(
  {
    method: "get",
    path: "/notifications",
    tag: "Notifications",
    summary: "The caller's notifications, newest first, in the caller's language",
    permission: "enterprise.read",
    query: z.object({
      unread: z.enum(["true", "false"]).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    response: z
      .object({ items: z.array(NotificationDto), unread: z.number().int() })
      .meta({ id: "NotificationList" }),
  },
  async ({ actor, query, locale }) => ({
    items: await listNotifications(actor, {
      locale,
      unreadOnly: query.unread === "true",
      limit: query.limit,
    }),
    unread: await unreadCount(actor),
  }),
);

export const markNotificationsReadEndpoint = endpoint(
  {
    method: "post",
    path: "/notifications/read",
    tag: "Notifications",
    summary: "Mark some (ids) or all of the caller's notifications read",
    permission: "enterprise.read",
    body: z
      .object({ ids: z.union([z.array(z.uuid()).max(500), z.literal("all")]) })
      .meta({ id: "MarkReadInput" }),
    response: z.object({ marked: z.number().int(), unread: z.number().int() }),
  },
  async ({ actor, body }) => ({
    marked: await markRead(actor, body.ids),
    unread: await unreadCount(actor),
  }),
);
