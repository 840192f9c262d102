import { listNotificationsEndpoint } from "@/lib/notifications/api";

export const GET = listNotificationsEndpoint.handler;
