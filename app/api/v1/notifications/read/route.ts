import { markNotificationsReadEndpoint } from "@/lib/notifications/api";

export const POST = markNotificationsReadEndpoint.handler;
