import { actOnNoticeEndpoint } from "@/lib/notices/api";

export const POST = actOnNoticeEndpoint.handler;
